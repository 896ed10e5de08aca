"""The overview's "Over time" (core/over_time.py): weeks over months, gaps as gaps."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.model import CheckIn, CheckInOrigin, DayRating, PauseOutcome, PauseRecord
from stressbreak.core.over_time import RANGES_MONTHS, over_time, over_time_span, weeks_in

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 12, 3)  # a Thursday
THIS_MONDAY = date(2026, 11, 30)


def pause(day: date, outcome: PauseOutcome = PauseOutcome.COMPLETED, hour: int = 10
          ) -> PauseRecord:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
    return PauseRecord(started_at=start, ended_at=start + timedelta(minutes=1), outcome=outcome)


def meter(day: date, tension: int | None, hour: int = 15) -> CheckIn:
    return CheckIn(at=datetime(day.year, day.month, day.day, hour, tzinfo=AMS),
                   origin=CheckInOrigin.SCHEDULED, tension=tension)


@pytest.mark.parametrize(("months", "weeks"), [(3, 13), (6, 26), (12, 52)])
def test_each_range_is_its_weeks_oldest_first_ending_with_this_week(months: int, weeks: int):
    view = over_time([], TODAY, months, AMS)
    assert weeks_in(months) == weeks
    assert [w.monday for w in view.weeks] == [
        THIS_MONDAY - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    assert view.is_empty


def test_a_week_without_entries_is_a_gap_not_a_zero():
    two_back = THIS_MONDAY - timedelta(weeks=2)
    records = [pause(two_back), pause(two_back + timedelta(days=1), PauseOutcome.SKIPPED),
               meter(two_back, 4), meter(two_back + timedelta(days=2), 7),
               meter(THIS_MONDAY, None)]  # a stress meter without a number
    weeks = {w.monday: w for w in over_time(records, TODAY, 3, AMS).weeks}
    assert (weeks[two_back].pauses, weeks[two_back].tension, weeks[two_back].checkins) == (
        1, 5.5, 2)  # the skipped reminder is no pause taken
    gap = weeks[THIS_MONDAY - timedelta(weeks=1)]
    assert (gap.pauses, gap.tension, gap.checkins) == (None, None, 0)
    assert (weeks[THIS_MONDAY].pauses, weeks[THIS_MONDAY].tension) == (0, None)


def test_pauses_taken_are_completed_or_ended_early():
    records = [pause(THIS_MONDAY, outcome) for outcome in PauseOutcome]
    [week] = [w for w in over_time(records, TODAY, 3, AMS).weeks if w.monday == THIS_MONDAY]
    assert week.pauses == 2


def test_weeks_are_the_users_local_weeks_and_older_records_are_left_out():
    sunday_night = datetime(2026, 11, 29, 23, 30, tzinfo=AMS)  # 22:30 UTC, still Sunday here
    monday_early = datetime(2026, 11, 29, 23, 30, tzinfo=ZoneInfo("UTC"))  # Monday 00:30 here
    records = [
        PauseRecord(started_at=sunday_night, ended_at=sunday_night + timedelta(minutes=1),
                    outcome=PauseOutcome.COMPLETED),
        PauseRecord(started_at=monday_early, ended_at=monday_early + timedelta(minutes=1),
                    outcome=PauseOutcome.COMPLETED),
        pause(THIS_MONDAY - timedelta(weeks=13)),  # a week before the three months
    ]
    view = over_time(records, TODAY, 3, AMS)
    counts = {w.monday: w.pauses for w in view.weeks}
    assert counts[THIS_MONDAY] == 1
    assert counts[THIS_MONDAY - timedelta(weeks=1)] == 1
    assert sum(c or 0 for c in counts.values()) == 2


def test_the_span_read_from_the_journal_covers_exactly_the_weeks_shown():
    start, end = over_time_span(TODAY, 3, AMS)
    assert start == datetime(2026, 9, 7, tzinfo=AMS)  # Monday 13 weeks back, at 00:00
    assert end == datetime(2026, 12, 7, tzinfo=AMS)
    assert (end - start).days == 7 * weeks_in(3)


def test_only_the_ranges_the_view_offers():
    for months in RANGES_MONTHS:
        over_time([], TODAY, months, AMS)
    with pytest.raises(ValueError, match="months"):
        over_time([], TODAY, 5, AMS)


def rating(day: date, hour: int, sleep: int | None, energy: int | None = None,
           focus: int | None = None) -> DayRating:
    return DayRating(at=datetime(day.year, day.month, day.day, hour, tzinfo=AMS), sleep=sleep,
                     energy=energy, focus=focus)


def test_day_ratings_are_averaged_per_week_the_latest_of_a_day_counting():
    records = [rating(THIS_MONDAY, 9, 2, 3), rating(THIS_MONDAY, 18, 4, None, 5),  # rated again
               rating(THIS_MONDAY + timedelta(days=1), 9, 5, 1)]
    view = over_time(records, TODAY, 3, AMS)
    week = view.weeks[-1]
    assert (week.sleep, week.energy, week.focus) == ((4 + 5) / 2, 1.0, 5.0)
    assert week.pauses == 0  # a week with ratings has entries: no gap
    assert view.weeks[-2].sleep is None
    assert view.rated
    assert not over_time([pause(THIS_MONDAY)], TODAY, 3, AMS).rated


def test_a_day_whose_latest_rating_is_all_open_is_not_rated():
    tuesday = THIS_MONDAY + timedelta(days=1)
    records = [rating(THIS_MONDAY, 9, 2, 3, 4), rating(THIS_MONDAY, 18, None),  # cleared
               rating(tuesday, 9, 5, 1)]
    week = over_time(records, TODAY, 3, AMS).weeks[-1]
    assert (week.sleep, week.energy, week.focus) == (5.0, 1.0, None)
    only_cleared = over_time(records[:2], TODAY, 3, AMS)
    assert not only_cleared.rated
    assert only_cleared.weeks[-1].pauses == 0  # still a week with entries, not a gap


def test_only_the_week_that_holds_today_is_so_far():
    view = over_time([pause(THIS_MONDAY)], TODAY, 6, AMS)
    assert [w.monday for w in view.weeks if w.so_far] == [THIS_MONDAY]
    sunday = THIS_MONDAY + timedelta(days=6)  # the week's last day is still going on
    assert over_time([], sunday, 3, AMS).weeks[-1].so_far
    # Asked the next Monday, the same week is whole, and only the new one is so far.
    monday_after = THIS_MONDAY + timedelta(weeks=1)
    weeks = {w.monday: w for w in over_time([pause(THIS_MONDAY)], monday_after, 3, AMS).weeks}
    assert not weeks[THIS_MONDAY].so_far and weeks[THIS_MONDAY].pauses == 1
    assert [m for m, w in weeks.items() if w.so_far] == [monday_after]
