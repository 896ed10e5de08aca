"""The report for a coach (core/report.py): the chosen weeks from a fixed journal, and the
user's own words only when they choose to include them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.report import MAX_NOTES, MAX_WEEKS, build_report, report_span
from tests.unit.test_summary import (
    AMS,
    TODAY,
    at,
    pause,
    year_where_pauses_calm_the_afternoon,
    year_where_the_sigh_calms_the_next_meter,
)

FIRST_MONDAY = date(2026, 11, 9)  # four weeks up to Thursday 3 December 2026
TRIGGER = "the mail from Sam"
NOTE = "held my breath at the stand-up"
STEP = "ask Sam for an extra day"


def coach_journal() -> list[Record]:
    """Four weeks of working days: two pauses and a stress meter each day, a natural pause on
    Fridays, day ratings in the first two weeks only, and the user's own words in some."""
    records: list[Record] = []
    day = FIRST_MONDAY
    while day <= TODAY:
        if day.weekday() < 5:
            records += [pause(day, 10), pause(day, 14)]
            if day.weekday() == 4:
                records.append(pause(day, 16, PauseOutcome.NATURAL))
            index = (day - FIRST_MONDAY).days
            records.append(CheckIn(
                at=at(day, 15), origin=CheckInOrigin.SCHEDULED, tension=3 + index % 3,
                signals=("shoulders", "jaw") if day.weekday() < 3 else ("shoulders",),
                need=("quiet",), trigger=TRIGGER if day.weekday() < 3 else "",
                breathing_note=NOTE if day.weekday() == 1 else "",
                next_step=STEP if day.weekday() == 2 else ""))
            if day < FIRST_MONDAY + timedelta(weeks=2):
                records.append(DayRating(at(day, 8), sleep=3, energy=4, focus=2))
        day += timedelta(days=1)
    return records


def test_each_week_is_counted_with_its_tension_and_day_ratings():
    report = build_report(coach_journal(), TODAY, 4, AMS)
    assert (report.first_day, report.last_day) == (FIRST_MONDAY, TODAY)
    assert [w.monday for w in report.weeks] == [FIRST_MONDAY + timedelta(weeks=k)
                                                for k in range(4)]
    first, *_, this_week = report.weeks
    assert (first.pauses_taken, first.natural_pauses, first.stress_meters) == (10, 1, 5)
    assert first.tension == pytest.approx((3 + 4 + 5 + 3 + 4) / 5)
    assert (first.sleep, first.energy, first.focus) == (3, 4, 2)
    # Monday to Thursday so far; no ratings any more: not rated, not zero.
    assert (this_week.pauses_taken, this_week.natural_pauses, this_week.stress_meters) == (
        8, 0, 4)
    assert (this_week.sleep, this_week.energy, this_week.focus) == (None, None, None)
    assert report.rated and not report.is_empty
    assert [w.so_far for w in report.weeks] == [False, False, False, True]


def test_a_day_whose_latest_rating_was_cleared_is_not_rated():
    monday = FIRST_MONDAY + timedelta(weeks=3)  # this week
    records = [DayRating(at(monday, 8), sleep=5, energy=5, focus=5),
               DayRating(at(monday, 20)),  # cleared from the menu that evening
               DayRating(at(monday + timedelta(days=1), 8), sleep=2)]
    this_week = build_report(records, TODAY, 1, AMS).weeks[0]
    assert (this_week.sleep, this_week.energy, this_week.focus) == (2, None, None)
    cleared = build_report(records[:2], TODAY, 1, AMS)
    assert not cleared.rated and cleared.is_empty


def test_what_came_up_most_is_counted_over_all_the_weeks_by_label():
    report = build_report(coach_journal(), TODAY, 4, AMS)
    assert report.signals == (("raised shoulders", 19), ("clenched jaw", 12))
    assert report.needs == (("quiet", 19),)
    assert any("“raised shoulders” was the body signal" in line
               for line in report.weeks[0].stands_out)


def test_free_text_is_left_out_by_default():
    report = build_report(coach_journal(), TODAY, 4, AMS)
    assert not report.free_text
    assert report.triggers == () and report.notes == ()
    # Not even inside what stood out, where the overview quotes the week's trigger.
    for text in (TRIGGER, NOTE, STEP, "Sam"):
        assert text not in repr(report)


def test_free_text_when_chosen_lists_triggers_and_the_latest_notes():
    report = build_report(coach_journal(), TODAY, 4, AMS, free_text=True)
    assert report.triggers == ((TRIGGER, 12),)
    assert f"“{TRIGGER}” came up 3 times as a trigger." in report.weeks[0].stands_out
    assert [(n.field, n.text) for n in report.notes[:2]] == [
        ("next_step", STEP), ("breathing_note", NOTE)]  # Wednesday 2 Dec, Tuesday 1 Dec
    assert report.notes[0].at == at(date(2026, 12, 2), 15)
    assert report.notes_left_out == 0


def test_notes_are_capped_with_the_number_left_out():
    records = [CheckIn(at=at(TODAY, 9) - timedelta(hours=k), origin=CheckInOrigin.MANUAL,
                       body_note=f"note {k}") for k in range(MAX_NOTES + 3)]
    report = build_report(records, TODAY, 1, AMS, free_text=True)
    assert [n.text for n in report.notes] == [f"note {k}" for k in range(MAX_NOTES)]
    assert report.notes_left_out == 3


def test_entries_after_today_and_before_the_weeks_are_not_in_the_weeks():
    tomorrow = TODAY + timedelta(days=1)
    records = [pause(tomorrow, 10), pause(FIRST_MONDAY - timedelta(days=1), 10),
               CheckIn(at=at(tomorrow, 9), origin=CheckInOrigin.MANUAL, body_note="later")]
    report = build_report(records, TODAY, 4, AMS, free_text=True)
    assert sum(w.pauses_taken for w in report.weeks) == 0
    assert report.notes == () and report.is_empty


def test_what_helps_is_the_summarys_observation():
    records = year_where_pauses_calm_the_afternoon()
    report = build_report(records, TODAY, 4, AMS)
    assert "pauses_afternoon_tension" in [found.id for found in report.helps]
    start, end = report_span(TODAY, 4, AMS)
    assert start <= datetime.combine(TODAY - timedelta(days=365), datetime.min.time(), AMS)
    assert end > at(TODAY, 23)


def test_the_exercise_with_the_calmest_next_stress_meter_is_in_the_report():
    report = build_report(year_where_the_sigh_calms_the_next_meter(), TODAY, 4, AMS)
    assert [(found.id, found.exercise) for found in report.helps] == [
        ("exercise_next_tension", "sigh")]


@pytest.mark.parametrize("weeks", [0, MAX_WEEKS + 1])
def test_weeks_out_of_range_are_refused(weeks):
    with pytest.raises(ValueError, match="1 to 12 weeks"):
        build_report([], TODAY, weeks, AMS)


def test_an_unknown_chip_from_another_version_stays_as_it_is():
    records = [CheckIn(at=at(TODAY, 9), origin=CheckInOrigin.MANUAL, signals=("{odd}",)),
               PauseRecord(at(TODAY, 10), at(TODAY, 10) + timedelta(minutes=1),
                           PauseOutcome.COMPLETED)]
    assert build_report(records, TODAY, 1, AMS).signals == (("{odd}", 1),)
