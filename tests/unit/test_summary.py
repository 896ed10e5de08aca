"""`stressbreak summary` (core/summary.py): plain counts per week, what stood out, what helps."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.core.summary import (
    MAX_WEEKS,
    summarise,
    summary_facts,
    summary_lines,
    summary_span,
)

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 12, 3)  # a Thursday
THIS_MONDAY = date(2026, 11, 30)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=AMS)


def pause(day: date, hour: int, outcome: PauseOutcome = PauseOutcome.COMPLETED,
          exercise: str = "coherent") -> PauseRecord:
    return PauseRecord(started_at=at(day, hour), ended_at=at(day, hour) + timedelta(minutes=1),
                       outcome=outcome, exercise=exercise)


def meter(day: date, hour: int, tension: int | None, trigger: str = "") -> CheckIn:
    return CheckIn(at=at(day, hour), origin=CheckInOrigin.SCHEDULED, tension=tension,
                   trigger=trigger)


def year_where_pauses_calm_the_afternoon(seed: int = 5) -> list[Record]:
    """Each day 0–6 pauses; the afternoon's tension 7 minus the pauses, give or take one."""
    rnd = random.Random(seed)
    records: list[Record] = []
    for back in range(1, 300):
        day = TODAY - timedelta(days=back)
        taken = rnd.randint(0, 6)
        records += [pause(day, 9 + k) for k in range(taken)]
        records.append(meter(day, 15, max(0, min(10, 7 - taken + rnd.randint(-1, 1)))))
    return records


SIGH_SAID = ("After a pause with “Sighing out (in, a little more in, long out)”, your next "
             "stress meter was ")


def year_where_the_sigh_calms_the_next_meter(seed: int = 5) -> list[Record]:
    """Each day two pauses, sighing out or slow and even at random, each followed half an hour
    later by the stress meter the app opens after a pause: 3 after the sigh, 6 after the
    other, give or take one. Only the exercise comparison has anything to go on."""
    rnd = random.Random(seed)
    records: list[Record] = []
    for back in range(1, 300):
        day = TODAY - timedelta(days=back)
        for hour in (10, 14):
            exercise = rnd.choice(("sigh", "coherent"))
            records.append(pause(day, hour, exercise=exercise))
            tension = (3 if exercise == "sigh" else 6) + rnd.randint(-1, 1)
            records.append(CheckIn(at=at(day, hour) + timedelta(minutes=30),
                                   origin=CheckInOrigin.AFTER_PAUSE, tension=tension))
    return records


def test_each_week_is_counted_plainly_and_says_what_stood_out():
    records = [pause(THIS_MONDAY, 10), pause(THIS_MONDAY, 12, PauseOutcome.ENDED_EARLY),
               pause(THIS_MONDAY, 14, PauseOutcome.SKIPPED),
               pause(THIS_MONDAY, 16, PauseOutcome.NATURAL),
               *(meter(THIS_MONDAY - timedelta(days=d), 15, 4 + d % 2, "mail")
                 for d in range(4))]
    summary = summarise(records, TODAY, 2, AMS)
    last_week, this_week = summary.weeks
    assert (last_week.monday, this_week.monday) == (THIS_MONDAY - timedelta(weeks=1),
                                                    THIS_MONDAY)
    assert (this_week.pauses_taken, this_week.natural_pauses, this_week.stress_meters,
            this_week.tension) == (2, 1, 1, 4.0)
    assert (last_week.pauses_taken, last_week.stress_meters, last_week.tension) == (
        0, 3, pytest.approx(14 / 3))
    assert "“mail” came up 3 times as a trigger." in last_week.stands_out
    assert summary.helps == ()  # four days carry nothing

    lines = summary_lines(summary, str, lambda day: f"{day:%d %b}")
    assert lines[0] == "Week of 23 Nov: 0 pauses taken, 3 stress meters, average tension 4.7"
    assert "  • “mail” came up 3 times as a trigger." in lines
    assert lines[-2:] == ["What helps me:", "  Nothing to say yet: a pattern is named once your "
                          "own days show it clearly (at least 10 days on each side)."]


def test_this_week_is_said_to_be_so_far_and_only_this_week():
    records = [pause(THIS_MONDAY, 10), pause(THIS_MONDAY - timedelta(weeks=1), 10)]
    summary = summarise(records, TODAY, 3, AMS)
    assert [week.so_far for week in summary.weeks] == [False, False, True]
    lines = summary_lines(summary, str, lambda day: f"{day:%d %b}")  # str: no plural forms
    assert lines[:3] == ["Week of 16 Nov: 0 pauses taken, 0 stress meters",
                         "Week of 23 Nov: 1 pauses taken, 0 stress meters",
                         "This week so far, from 30 Nov: 1 pauses taken, 0 stress meters"]
    assert [week["so_far"] for week in summary_facts(summary)["weeks"]] == [False, False, True]
    # A week that has ended is whole again: asked on the next Monday.
    later = summarise(records, THIS_MONDAY + timedelta(weeks=1), 2, AMS)
    assert [(week.monday, week.so_far) for week in later.weeks] == [
        (THIS_MONDAY, False), (THIS_MONDAY + timedelta(weeks=1), True)]


def test_what_helps_is_the_windows_own_observation_with_its_numbers():
    summary = summarise(year_where_pauses_calm_the_afternoon(), TODAY, 1, AMS)
    [found] = [f for f in summary.helps if f.id == "pauses_afternoon_tension"]
    assert found.difference < -2  # planted: each pause about one point calmer
    facts = summary_facts(summary)
    [fact] = [f for f in facts["what_helps"] if f["id"] == found.id]
    assert fact["text"] == str(found.text) and "lower on average" in fact["text"]
    assert fact["days"] == list(found.days) and min(fact["days"]) >= 10
    assert fact["interval"][1] < 0
    assert fact["pauses_from"] == found.threshold and "exercise" not in fact
    assert facts["weeks"][0]["monday"] == "2026-11-30"


def test_the_exercise_with_the_calmest_next_stress_meter_is_in_the_summary():
    summary = summarise(year_where_the_sigh_calms_the_next_meter(), TODAY, 1, AMS)
    [found] = summary.helps
    assert (found.id, found.exercise) == ("exercise_next_tension", "sigh")
    assert -3.5 < found.difference < -2.5
    [line] = [line for line in summary_lines(summary, str, str) if SIGH_SAID in line]
    assert line == f"  • {found.text}"
    assert line.endswith(f"days against {found.days[1]}).")
    [fact] = summary_facts(summary)["what_helps"]
    assert fact["id"] == "exercise_next_tension" and fact["days"] == list(found.days)
    assert fact["exercise"] == "sigh" and "pauses_from" not in fact


def test_the_span_read_covers_the_weeks_and_the_year_what_helps_looks_at():
    start, end = summary_span(TODAY, 2, AMS)
    assert start <= at(TODAY - timedelta(days=365), 0)
    assert end == datetime(2026, 12, 7, tzinfo=AMS)
    long_start, _ = summary_span(TODAY, MAX_WEEKS, AMS)
    assert long_start <= at(THIS_MONDAY - timedelta(weeks=MAX_WEEKS - 1), 0)


@pytest.mark.parametrize("weeks", [0, MAX_WEEKS + 1])
def test_a_summary_covers_one_to_52_weeks(weeks: int):
    with pytest.raises(ValueError, match="weeks"):
        summarise([], TODAY, weeks, AMS)
