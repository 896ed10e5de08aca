"""The overview's patterns, trends and insights, checked against small hand-built weeks.

Every expected figure below was worked out by hand from the records in the test, by the local
time of Europe/Amsterdam (CET is UTC+1, CEST is UTC+2).
"""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core import content, stats
from stressbreak.core.messages import Message
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.core.stats import (
    DAY_NAMES,
    INSIGHTS_CONTEXT,
    PARTS_OF_DAY,
    DaySummary,
    HourCell,
    WeekSummary,
    frequent_triggers,
    insights,
    part_of_day,
    summarise_week,
    week_patterns,
    week_trend,
)
from stressbreak.core.week_view import week_view

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 11, 23)  # an ordinary winter week: CET all through
AUTUMN_MONDAY = date(2026, 10, 19)  # clocks go back on Sunday 25 October, 03:00 -> 02:00
SPRING_MONDAY = date(2026, 3, 23)  # clocks go forward on Sunday 29 March, 02:00 -> 03:00
STATS_SOURCE = Path(stats.__file__)
CONTENT_SOURCE = Path(content.__file__)


def local(day: int, hour: int, minute: int = 0, monday: date = MONDAY) -> datetime:
    """Wall-clock time on day `day` (0 = Monday) of the week."""
    return datetime.combine(monday + timedelta(days=day), time(hour, minute), tzinfo=AMS)


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def check(
    when: datetime,
    tension: int | None = None,
    *,
    origin: CheckInOrigin = CheckInOrigin.SCHEDULED,
    signals: tuple[str, ...] = (),
    need: tuple[str, ...] = (),
    trigger: str = "",
) -> CheckIn:
    return CheckIn(when, origin, tension=tension, signals=signals, need=need, trigger=trigger)


def pause(when: datetime, outcome: PauseOutcome) -> PauseRecord:
    return PauseRecord(when, when + timedelta(minutes=1), outcome)


def week(*records: Record, monday: date = MONDAY) -> WeekSummary:
    return summarise_week(records, monday, AMS)


def by_template(found: list[Message], template: str) -> list[Message]:
    return [m for m in found if m.template == template]


def marked_texts(path: Path) -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP with literal arguments: what lupdate sees."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"):
            args = node.args
            if len(args) == 2 and all(isinstance(a, ast.Constant) for a in args):
                found.add((args[0].value, args[1].value))
    return found


PEAK_NIGHT = "Tension was highest in the early hours of {day}."
PEAK_MORNING = "Tension was highest on {day} morning."
PEAK_AFTERNOON = "Tension was highest on {day} afternoon."
PEAK_EVENING = "Tension was highest on {day} evening."
TRIGGER = "“{trigger}” came up {count} times as a trigger."
SIGNAL = "“{signal}” was the body signal you noticed most often: {count} times."
NEED = "“{need}” was the need you named most often: {count} times."
NOT_TAKEN = "Reminders passed without a pause most often on {day}: {count} times."
ALL_TEMPLATES = (PEAK_NIGHT, PEAK_MORNING, PEAK_AFTERNOON, PEAK_EVENING, TRIGGER, SIGNAL, NEED,
                 NOT_TAKEN)


# -- parts of the day -------------------------------------------------------------------------


@pytest.mark.parametrize(("hour", "part"), [
    (0, "night"), (5, "night"), (6, "morning"), (11, "morning"),
    (12, "afternoon"), (17, "afternoon"), (18, "evening"), (23, "evening"),
])
def test_part_of_day_boundaries(hour: int, part: str):
    assert part_of_day(hour) == part


@pytest.mark.parametrize("hour", [-1, 24])
def test_part_of_day_refuses_hours_outside_the_day(hour: int):
    with pytest.raises(ValueError, match="0–23"):
        part_of_day(hour)


def test_parts_of_day_in_order_of_the_clock():
    assert PARTS_OF_DAY == ("night", "morning", "afternoon", "evening")


# -- the hour grid ----------------------------------------------------------------------------


def test_hour_cell_mean_leaves_out_check_ins_without_a_tension():
    assert HourCell().mean_tension is None
    assert HourCell(checkins=3, tension_total=0, tension_count=0).mean_tension is None
    assert HourCell(checkins=3, tension_total=13, tension_count=2).mean_tension == 6.5


def test_grid_cells_by_local_day_and_hour():
    records = [
        check(local(0, 9, 10), 4, signals=("jaw", "shoulders")),
        check(local(0, 9, 50), None, signals=("jaw",)),
        check(local(0, 9, 55), 7),
        check(local(2, 23, 59), 2),
        check(local(6, 0, 0)),
        # 23:30 UTC on Tuesday is 00:30 on Wednesday in Amsterdam (CET, UTC+1).
        check(utc(2026, 11, 24, 23, 30), 9, signals=("heart",)),
        pause(local(3, 10), PauseOutcome.COMPLETED),  # pauses are not in the grid
    ]
    grid = week_patterns(week(*records), AMS).grid
    assert len(grid) == 7
    assert all(len(row) == 24 for row in grid)
    expected = {
        (0, 9): HourCell(checkins=3, tension_total=11, tension_count=2, signals=3),
        (2, 0): HourCell(checkins=1, tension_total=9, tension_count=1, signals=1),
        (2, 23): HourCell(checkins=1, tension_total=2, tension_count=1, signals=0),
        (6, 0): HourCell(checkins=1),
    }
    for day in range(7):
        for hour in range(24):
            assert grid[day][hour] == expected.get((day, hour), HourCell()), (day, hour)
    assert grid[0][9].mean_tension == 5.5


def test_tension_by_day_points_and_origins():
    records = [
        check(local(4, 18), 3, origin=CheckInOrigin.MANUAL),
        check(local(0, 9), 4, origin=CheckInOrigin.AFTER_PAUSE),
        check(local(0, 15), 7),
        check(local(0, 16), None),
        check(local(6, 8), None, origin=CheckInOrigin.MANUAL),
        check(local(2, 11), 2, origin=CheckInOrigin.MANUAL),
    ]
    patterns = week_patterns(week(*records), AMS)
    assert patterns.tension_by_day == (5.5, None, 2.0, None, 3.0, None, None)
    assert patterns.tension_points == (
        (local(0, 9), 4), (local(0, 15), 7), (local(2, 11), 2), (local(4, 18), 3),
    )
    assert all(when.tzinfo is AMS for when, _ in patterns.tension_points)
    assert patterns.checkins == 6
    assert patterns.checkins_by_origin == {
        CheckInOrigin.AFTER_PAUSE: 1, CheckInOrigin.SCHEDULED: 2, CheckInOrigin.MANUAL: 3,
    }


def test_tension_points_are_in_local_time_even_when_recorded_in_utc():
    patterns = week_patterns(week(check(utc(2026, 11, 25, 8, 0), 5)), AMS)
    ((when, tension),) = patterns.tension_points
    assert tension == 5
    assert (when.hour, when.utcoffset()) == (9, timedelta(hours=1))


def test_empty_days_stay_empty_around_a_day_with_check_ins():
    patterns = week_patterns(week(check(local(1, 14), 6), check(local(1, 14, 30), 4)), AMS)
    for day in range(7):
        for hour in range(24):
            if (day, hour) != (1, 14):
                assert patterns.grid[day][hour] == HourCell()
    assert patterns.grid[1][14] == HourCell(checkins=2, tension_total=10, tension_count=2)
    assert patterns.tension_by_day == (None, 5.0, None, None, None, None, None)


def test_an_empty_week():
    empty = week()
    patterns = week_patterns(empty, AMS)
    assert patterns.grid == tuple(tuple(HourCell() for _ in range(24)) for _ in range(7))
    assert patterns.tension_by_day == (None,) * 7
    assert patterns.tension_points == ()
    assert patterns.top_signals == patterns.top_needs == patterns.top_triggers == ()
    assert patterns.checkins == 0
    assert patterns.checkins_by_origin == dict.fromkeys(CheckInOrigin, 0)
    assert week_trend(empty) == stats.WeekTrend(MONDAY, 0, 0)
    assert insights(empty, AMS) == []


# -- what came up most ------------------------------------------------------------------------


def test_top_signals_most_first_ties_in_catalogue_order():
    records = [
        check(local(0, 9), signals=("head", "jaw")),
        check(local(1, 9), signals=("tired", "head", "sweaty")),
        check(local(2, 9), signals=("jaw", "tired", "muscles")),
        # A damaged record that names a signal twice counts it once.
        check(local(3, 9), signals=("sweaty", "sweaty", "")),
    ]
    patterns = week_patterns(week(*records), AMS)
    # Catalogue order: muscles, jaw, ..., tired, head; "sweaty" is unknown, so after those.
    assert patterns.top_signals == (("jaw", 2), ("tired", 2), ("head", 2), ("sweaty", 2),
                                    ("muscles", 1))
    # The grid counts every id a check-in lists.
    assert patterns.grid[3][9].signals == 3


def test_top_needs_most_first_ties_in_the_questions_order():
    records = [
        check(local(0, 9), need=("kindness", "air")),
        check(local(1, 9), need=("air", "rest")),
        check(local(2, 9), need=("rest", "kindness", "air")),
    ]
    patterns = week_patterns(week(*records), AMS)
    # NEED's chips: rest, move, air, ..., kindness.
    assert patterns.top_needs == (("air", 3), ("rest", 2), ("kindness", 2))


def test_triggers_counted_regardless_of_case_and_spacing_in_the_latest_spelling():
    records = [
        check(local(0, 8), trigger="Noise"),
        check(local(0, 9), trigger="Deadline"),
        check(local(1, 9), trigger="deadline "),
        check(local(2, 9), trigger="  DEADLINE"),
        check(local(3, 9), trigger="Emails"),
        check(local(4, 9), trigger="emails"),
        check(local(5, 9), trigger="Meeting  with boss"),
        check(local(6, 9), trigger="meeting with\tBoss"),
        check(local(6, 10), trigger="   "),
    ]
    patterns = week_patterns(week(*records), AMS)
    # emails (last on Friday) and the meeting (last on Sunday) tie: the more recent first.
    assert patterns.top_triggers == (("DEADLINE", 3), ("meeting with Boss", 2), ("emails", 2),
                                     ("Noise", 1))
    checkins = week(*records).checkins
    assert frequent_triggers(checkins) == ["DEADLINE", "meeting with Boss", "emails", "Noise"]
    assert frequent_triggers(checkins, limit=2) == ["DEADLINE", "meeting with Boss"]


# -- daylight saving time ---------------------------------------------------------------------


def test_autumn_dst_week_puts_check_ins_in_their_local_hour():
    records = [
        check(utc(2026, 10, 24, 21, 59), 1),  # Sat 23:59 CEST
        check(utc(2026, 10, 24, 22, 0), 2),  # Sun 00:00 CEST
        check(utc(2026, 10, 25, 0, 30), 3),  # Sun 02:30 CEST, the first time
        check(utc(2026, 10, 25, 1, 30), 5),  # Sun 02:30 CET, the second time
        check(utc(2026, 10, 25, 2, 0), 4),  # Sun 03:00 CET
        check(utc(2026, 10, 25, 4, 30), 6),  # Sun 05:30 CET (06:30 if CEST were kept)
        check(utc(2026, 10, 25, 22, 30), 7),  # Sun 23:30 CET
        check(utc(2026, 10, 25, 23, 30), 8),  # Mon 26 Oct 00:30 CET: the next week
    ]
    patterns = week_patterns(week(*records, monday=AUTUMN_MONDAY), AMS)
    grid = patterns.grid
    assert grid[5][23] == HourCell(checkins=1, tension_total=1, tension_count=1)
    assert grid[6][0] == HourCell(checkins=1, tension_total=2, tension_count=1)
    assert grid[6][2] == HourCell(checkins=2, tension_total=8, tension_count=2)
    assert grid[6][3] == HourCell(checkins=1, tension_total=4, tension_count=1)
    assert grid[6][5] == HourCell(checkins=1, tension_total=6, tension_count=1)
    assert grid[6][6] == HourCell()
    assert grid[6][23] == HourCell(checkins=1, tension_total=7, tension_count=1)
    assert patterns.checkins == 7
    assert sum(cell.checkins for row in grid for cell in row) == 7
    assert patterns.tension_by_day == (None, None, None, None, None, 1.0, 4.5)
    # The two 02:30s in the order they happened: summer time first.
    twice = [(p[1], p[0].utcoffset()) for p in patterns.tension_points if p[0].hour == 2]
    assert twice == [(3, timedelta(hours=2)), (5, timedelta(hours=1))]
    assert [t for _, t in patterns.tension_points] == [1, 2, 3, 5, 4, 6, 7]


def test_tension_points_follow_the_instant_even_from_a_hand_built_week():
    # The same wall-clock time twice, listed out of order: the summer-time one came first.
    later = check(utc(2026, 10, 25, 1, 30), 5)  # 02:30 CET
    earlier = check(utc(2026, 10, 25, 0, 30), 3)  # 02:30 CEST
    days = [DaySummary(AUTUMN_MONDAY + timedelta(days=i)) for i in range(7)]
    days[6].checkins.extend([later, earlier])
    patterns = week_patterns(WeekSummary(AUTUMN_MONDAY, days), AMS)
    assert [t for _, t in patterns.tension_points] == [3, 5]


def test_spring_dst_week_puts_check_ins_in_their_local_hour():
    records = [
        check(utc(2026, 3, 28, 22, 59), 1),  # Sat 23:59 CET
        check(utc(2026, 3, 28, 23, 0), 2),  # Sun 00:00 CET
        check(utc(2026, 3, 29, 0, 30), 3),  # Sun 01:30 CET
        check(utc(2026, 3, 29, 1, 0), 4),  # Sun 03:00 CEST: 02:00-03:00 never happens
        check(utc(2026, 3, 29, 1, 30), 5),  # Sun 03:30 CEST
        check(utc(2026, 3, 29, 21, 59), 6),  # Sun 23:59 CEST
        check(utc(2026, 3, 29, 22, 0), 7),  # Mon 30 March 00:00 CEST: the next week
    ]
    patterns = week_patterns(week(*records, monday=SPRING_MONDAY), AMS)
    grid = patterns.grid
    assert grid[5][23] == HourCell(checkins=1, tension_total=1, tension_count=1)
    assert grid[6][0] == HourCell(checkins=1, tension_total=2, tension_count=1)
    assert grid[6][1] == HourCell(checkins=1, tension_total=3, tension_count=1)
    assert grid[6][2] == HourCell()
    assert grid[6][3] == HourCell(checkins=2, tension_total=9, tension_count=2)
    assert grid[6][23] == HourCell(checkins=1, tension_total=6, tension_count=1)
    assert patterns.checkins == 6
    assert sum(cell.checkins for row in grid for cell in row) == 6
    assert patterns.tension_by_day == (None, None, None, None, None, 1.0, 4.0)
    offsets = [p[0].utcoffset() for p in patterns.tension_points]
    assert offsets == [timedelta(hours=1)] * 3 + [timedelta(hours=2)] * 3


def test_autumn_dst_peak_is_named_by_local_time():
    records = [
        check(local(0, 10, monday=AUTUMN_MONDAY), 2),
        check(local(1, 10, monday=AUTUMN_MONDAY), 2),
        check(utc(2026, 10, 25, 4, 30), 8),  # Sun 05:30 CET: still the night
    ]
    found = insights(week(*records, monday=AUTUMN_MONDAY), AMS)
    assert found == ["Tension was highest in the early hours of Sunday."]


def test_spring_dst_peak_is_named_by_local_time():
    records = [
        check(local(0, 10, monday=SPRING_MONDAY), 2),
        check(local(1, 10, monday=SPRING_MONDAY), 2),
        check(utc(2026, 3, 29, 4, 30), 8),  # Sun 06:30 CEST: already the morning
    ]
    found = insights(week(*records, monday=SPRING_MONDAY), AMS)
    assert found == ["Tension was highest on Sunday morning."]


# -- the trend --------------------------------------------------------------------------------


def test_week_trend_is_plain_counts_of_what_was_done():
    records = [
        pause(local(0, 10), PauseOutcome.COMPLETED),
        pause(local(0, 11), PauseOutcome.COMPLETED),
        pause(local(1, 10), PauseOutcome.ENDED_EARLY),
        pause(local(1, 11), PauseOutcome.MISSED),
        pause(local(2, 10), PauseOutcome.SKIPPED),
        pause(local(2, 11), PauseOutcome.SKIPPED),
        check(local(0, 12), 2),
        check(local(3, 12), 5),
        check(local(4, 12)),
        pause(local(7, 10), PauseOutcome.COMPLETED),  # next Monday: not this week
    ]
    trend = week_trend(week(*records))
    # Pauses taken (completed or shorter) and stress meters; nothing to set them against: no
    # reminder total and no average tension that would make the weeks a score.
    assert trend == stats.WeekTrend(monday=MONDAY, taken=3, checkins=3)
    assert [f.name for f in fields(stats.WeekTrend)] == ["monday", "taken", "checkins"]


# -- insights: the highest tension ------------------------------------------------------------


def test_tension_peak_named_when_one_part_of_a_day_stands_out():
    records = [
        check(local(0, 9), 2),
        check(local(1, 10), 3),
        check(local(3, 14), 6),
        check(local(3, 16), 8),  # Thursday afternoon: mean 7, next highest 3
    ]
    found = insights(week(*records), AMS)
    assert found == ["Tension was highest on Thursday afternoon."]
    (peak,) = found
    assert peak.context == INSIGHTS_CONTEXT
    assert peak.template == PEAK_AFTERNOON
    day = peak.params["day"]
    assert isinstance(day, Message)
    assert (day.context, day.template) == ("insights", "Thursday")


def test_tension_peak_absent_with_fewer_than_three_tensions():
    records = [check(local(0, 9), 1), check(local(3, 14), 9), check(local(4, 14))]
    assert insights(week(*records), AMS) == []


@pytest.mark.parametrize(("tensions_a", "tensions_b", "named"), [
    ((6, 6), (5,), True),  # 6 against 5: exactly the gap
    ((6, 5), (5,), False),  # 5.5 against 5: no clear peak
    ((4, 4), (4,), False),  # level
])
def test_tension_peak_needs_a_clear_gap(tensions_a: tuple[int, ...], tensions_b: tuple[int, ...],
                                        named: bool):
    records = [check(local(2, 19 + i), t) for i, t in enumerate(tensions_a)]
    records += [check(local(4, 8 + i), t) for i, t in enumerate(tensions_b)]
    found = insights(week(*records), AMS)
    assert found == (["Tension was highest on Wednesday evening."] if named else [])


def test_tension_peak_absent_when_all_in_one_part_of_a_day():
    records = [check(local(1, 13), 2), check(local(1, 15), 9), check(local(1, 17), 5)]
    assert insights(week(*records), AMS) == []


@pytest.mark.parametrize(("hour", "text"), [
    (3, "Tension was highest in the early hours of Saturday."),
    (8, "Tension was highest on Saturday morning."),
    (13, "Tension was highest on Saturday afternoon."),
    (20, "Tension was highest on Saturday evening."),
])
def test_tension_peak_has_a_sentence_per_part_of_the_day(hour: int, text: str):
    records = [check(local(0, 12), 1), check(local(0, 13), 1), check(local(5, hour), 6)]
    assert insights(week(*records), AMS) == [text]


# -- insights: pauses, without a score ---------------------------------------------------------


def three_reminders(monday: date = MONDAY) -> list[Record]:
    return [pause(local(0, 10, monday=monday), PauseOutcome.COMPLETED),
            pause(local(1, 10, monday=monday), PauseOutcome.ENDED_EARLY),
            pause(local(2, 10, monday=monday), PauseOutcome.MISSED)]


def test_pauses_are_not_counted_against_the_reminders():
    # Plenty of reminders, every outcome: the week's count is in the overview's summary, and
    # "you took so many of so many" is not something that stands out.
    records = [pause(local(day, 9 + i), outcome) for day in range(5)
               for i, outcome in enumerate(PauseOutcome)]
    found = insights(week(*records), AMS)
    assert not any(re.search(r"\d+ of \d+", text) for text in found), found
    assert not any("{reminders}" in m.template or "{taken}" in m.template for m in found)


def test_insights_look_at_one_week_only():
    assert list(inspect.signature(insights).parameters) == ["week", "tz"]


def test_the_week_before_changes_nothing_in_what_stands_out():
    earlier = MONDAY - timedelta(days=7)
    before = [*three_reminders(earlier), pause(local(3, 9, monday=earlier), PauseOutcome.SKIPPED),
              check(local(1, 9, monday=earlier), 9, trigger="Deadline")]
    this_week = [*three_reminders(), *full_week_records()]
    alone = week_view(this_week, MONDAY, AMS, str)
    with_before = week_view([*before, *this_week], MONDAY, AMS, str)
    assert alone.insights == with_before.insights
    assert alone.insights  # the week has enough to say something
    assert not any("week before" in text or "last week" in text
                   for text in with_before.insights)
    # The weeks before still feed the trend, as counts.
    assert [(w.taken, w.checkins) for w in with_before.trend] == [(0, 0), (0, 0), (2, 1), (3, 3)]


# -- insights: trigger, body signal, need -----------------------------------------------------


def test_trigger_named_when_it_came_up_three_times():
    records = [check(local(0, 9), trigger="Deadline"), check(local(1, 9), trigger="deadline"),
               check(local(2, 9), trigger="DEADLINE ")]
    found = insights(week(*records), AMS)
    assert found == ["“DEADLINE” came up 3 times as a trigger."]
    trigger = found[0].params["trigger"]
    assert not isinstance(trigger, Message)  # the user's own words are never translated


def test_trigger_absent_when_it_came_up_twice():
    records = [check(local(0, 9), trigger="Deadline"), check(local(1, 9), trigger="deadline"),
               check(local(2, 9), trigger="emails")]
    assert insights(week(*records), AMS) == []


def test_a_trigger_with_braces_is_shown_as_written():
    records = [check(local(d, 9), trigger="{count} {x}") for d in range(3)]
    assert insights(week(*records), AMS) == ["“{count} {x}” came up 3 times as a trigger."]


def test_body_signal_named_when_noticed_three_times():
    records = [check(local(d, 9), signals=("jaw", "muscles" if d else "jaw")) for d in range(3)]
    found = insights(week(*records), AMS)
    assert found == ["“clenched jaw” was the body signal you noticed most often: 3 times."]
    label = found[0].params["signal"]
    assert isinstance(label, Message)
    assert (label.context, label.template) == (content.CONTEXT, "clenched jaw")
    assert label.template == content.BODY_SIGNALS.label_of("jaw")


def test_body_signal_absent_when_noticed_twice():
    records = [check(local(0, 9), signals=("jaw",)), check(local(1, 9), signals=("jaw",)),
               check(local(2, 9), signals=("heart",))]
    assert insights(week(*records), AMS) == []


def test_an_unknown_body_signal_stays_plain_text():
    records = [check(local(d, 9), signals=("{sweaty}",)) for d in range(3)]
    found = insights(week(*records), AMS)
    assert found == ["“{sweaty}” was the body signal you noticed most often: 3 times."]
    assert not isinstance(found[0].params["signal"], Message)


def test_need_named_when_named_three_times():
    records = [check(local(d, 9), need=("boundary",)) for d in range(3)]
    found = insights(week(*records), AMS)
    assert found == ["“a boundary” was the need you named most often: 3 times."]
    label = found[0].params["need"]
    assert isinstance(label, Message)
    assert (label.context, label.template) == (content.CONTEXT, "a boundary")


def test_need_absent_when_named_twice():
    records = [check(local(d, 9), need=("boundary",) if d else ("rest",)) for d in range(3)]
    assert insights(week(*records), AMS) == []


# -- insights: reminders that did not become a pause ------------------------------------------


def test_day_with_most_reminders_not_taken():
    records = [
        pause(local(1, 10), PauseOutcome.SKIPPED),
        pause(local(2, 10), PauseOutcome.MISSED),
        pause(local(2, 11), PauseOutcome.MISSED),
        pause(local(2, 12), PauseOutcome.SKIPPED),
        pause(local(2, 13), PauseOutcome.COMPLETED),
    ]
    found = by_template(insights(week(*records), AMS), NOT_TAKEN)
    assert found == ["Reminders passed without a pause most often on Wednesday: 3 times."]
    day = found[0].params["day"]
    assert isinstance(day, Message)
    assert (day.context, day.template) == (INSIGHTS_CONTEXT, "Wednesday")


def test_no_day_named_with_two_reminders_not_taken_on_it():
    records = [pause(local(2, 10), PauseOutcome.MISSED),
               pause(local(2, 11), PauseOutcome.SKIPPED),
               pause(local(3, 11), PauseOutcome.SKIPPED)]
    assert insights(week(*records), AMS) == []


def test_no_day_named_when_two_days_tie():
    records = [pause(local(day, 9 + i), PauseOutcome.MISSED) for day in (2, 4) for i in range(3)]
    assert by_template(insights(week(*records), AMS), NOT_TAKEN) == []


# -- insights together ------------------------------------------------------------------------


def full_week_records() -> list[Record]:
    """A week in which every insight has enough to stand on."""
    return [
        check(local(0, 9), 2, trigger="Deadline", signals=("jaw",), need=("rest",)),
        check(local(1, 9), 3, trigger="deadline", signals=("jaw",), need=("rest",)),
        check(local(3, 14), 8, trigger="Deadline", signals=("jaw",), need=("rest",)),
        pause(local(4, 10), PauseOutcome.MISSED),
        pause(local(4, 11), PauseOutcome.MISSED),
        pause(local(4, 12), PauseOutcome.SKIPPED),
        pause(local(5, 12), PauseOutcome.COMPLETED),
    ]


def full_week() -> WeekSummary:
    return week(*full_week_records())


def test_at_most_five_insights_most_useful_first():
    found = insights(full_week(), AMS)
    assert found == [
        "Tension was highest on Thursday afternoon.",
        "“Deadline” came up 3 times as a trigger.",
        "“clenched jaw” was the body signal you noticed most often: 3 times.",
        "“rest” was the need you named most often: 3 times.",
        "Reminders passed without a pause most often on Friday: 3 times.",
    ]
    assert len(found) == stats.MAX_INSIGHTS


def test_insights_do_not_depend_on_the_order_of_the_records():
    records: list[Record] = [
        check(local(d, h), t, trigger=tr, signals=s)
        for d, h, t, tr, s in [(0, 9, 2, "A", ("jaw",)), (1, 9, 3, "b", ("head",)),
                               (2, 9, 3, "B", ("head",)), (3, 9, 3, "a", ("jaw",)),
                               (4, 20, 9, "b", ("jaw",)), (5, 9, 2, "a", ("head",))]
    ]
    forward = insights(summarise_week(records, MONDAY, AMS), AMS)
    backward = insights(summarise_week(records[::-1], MONDAY, AMS), AMS)
    assert forward == backward
    assert [m.params for m in forward] == [m.params for m in backward]
    # a and b both come up 3 times: "a" was last named on Saturday, so it comes first; jaw
    # and head tie at 3 and jaw comes first in the catalogue.
    assert forward == ["Tension was highest on Friday evening.",
                       "“a” came up 3 times as a trigger.",
                       "“clenched jaw” was the body signal you noticed most often: 3 times."]


def test_a_sparse_week_says_nothing():
    records = [check(local(0, 9), 5, trigger="x", signals=("jaw",), need=("rest",)),
               pause(local(0, 10), PauseOutcome.MISSED)]
    assert insights(week(*records), AMS) == []


# -- wording and translation ------------------------------------------------------------------

# What grades instead of observing: verdicts, "only"/"just", missed or skipped (the user's
# choices named as lapses), and comparisons ("more than", "fewer", "than last week").
_JUDGING = re.compile(
    r"\b(only|just|should|must|good|bad|well done|great|fail\w*|better|worse|missed|skipped|"
    r"more than|fewer|less than|than last|week before|last week|compared|improv\w*|"
    r"progress|goal|target|score|streak)\b",
    re.IGNORECASE)


def every_insight() -> list[Message]:
    """One of each sentence, from weeks built for them above."""
    found = insights(full_week(), AMS)
    for hour in (3, 8, 20):
        peak = [check(local(0, 12), 1), check(local(0, 13), 1), check(local(5, hour), 6)]
        found += insights(week(*peak), AMS)
    return found


def test_the_checks_below_see_every_insight():
    assert sorted(m.template for m in every_insight()) == sorted(ALL_TEMPLATES)


def test_the_judging_words_are_caught():
    for text in ("You missed 3 pauses.", "Only 2 pauses.", "Fewer pauses than last week.",
                 "You took 2 of 5 pauses; the week before, 3 of 5.", "A better week."):
        assert _JUDGING.search(text) or re.search(r"\{\w+\} of \{\w+\}|\d of \d", text), text
    assert not _JUDGING.search("Tension was highest on Monday morning.")


@pytest.mark.parametrize("template", ALL_TEMPLATES)
def test_wording_observes_without_judging(template: str):
    assert not _JUDGING.search(template), template
    assert "!" not in template
    assert not re.search(r"\{\w+\} of \{\w+\}", template), template


def test_every_marked_insight_text_observes_without_judging():
    # Also the texts no test week produces: whatever stats.py offers the translator.
    for context, text in marked_texts(STATS_SOURCE):
        assert context == INSIGHTS_CONTEXT
        assert not _JUDGING.search(text), text
        assert not re.search(r"\{\w+\} of \{\w+\}", text), text


def test_wording_of_produced_insights_observes_without_judging():
    for message in every_insight():
        assert not _JUDGING.search(message), message
        assert "!" not in message


def test_every_template_and_day_name_is_marked_for_lupdate():
    marked = marked_texts(STATS_SOURCE)
    for template in ALL_TEMPLATES:
        assert ("insights", template) in marked, template
    for day in DAY_NAMES:
        assert (day.context, day.template) in marked
    assert [str(d) for d in DAY_NAMES] == ["Monday", "Tuesday", "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"]


def test_message_params_are_ready_for_the_translator():
    catalogue = marked_texts(CONTENT_SOURCE)
    insight_texts = marked_texts(STATS_SOURCE)
    for message in every_insight():
        assert message.context == INSIGHTS_CONTEXT
        assert message.template in ALL_TEMPLATES
        assert message == message.template.format(**message.params)
        for value in message.params.values():
            if isinstance(value, Message):
                # Translates with an existing catalogue entry or one of ours.
                assert ((value.context, value.template) in catalogue
                        or (value.context, value.template) in insight_texts), value
                assert not value.params
            else:
                assert isinstance(value, int | str)
