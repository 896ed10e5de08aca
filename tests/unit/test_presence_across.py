"""core/presence.py, pause_across_computers: time away from this computer while the person
used another one (issue 18), with the other computers' activity spans made up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from stressbreak.core.presence import (
    OPEN_TRUSTED,
    ActiveSpan,
    NaturalPause,
    pause_across_computers,
)

AMS = ZoneInfo("Europe/Amsterdam")
T = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)
MINUTE = 60.0


def at(minutes: float) -> datetime:
    return T + timedelta(minutes=minutes)


def away(start: float, end: float) -> NaturalPause:
    return NaturalPause(at(start), at(end))


def test_alone_the_whole_absence_is_the_pause():
    assert pause_across_computers(away(0, 40), [], MINUTE) == away(0, 40)


def test_typing_elsewhere_the_whole_time_is_no_pause():
    laptop = ActiveSpan("b", at(1), at(39.9))
    assert pause_across_computers(away(0, 40), [laptop], MINUTE) is None
    still_there = ActiveSpan("b", at(1), None)
    assert pause_across_computers(away(0, 40), [still_there], MINUTE) is None


def test_a_quiet_stretch_at_the_end_long_enough_is_a_pause_of_that_stretch():
    laptop = ActiveSpan("b", at(5), at(30))
    assert pause_across_computers(away(0, 40), [laptop], MINUTE) == away(30, 40)
    # Of five-minute pauses, ten minutes still are one; of fifteen-minute ones not.
    assert pause_across_computers(away(0, 40), [laptop], 5 * MINUTE) == away(30, 40)
    assert pause_across_computers(away(0, 40), [laptop], 15 * MINUTE) is None


def test_a_gap_in_the_middle_belongs_to_the_computer_where_the_person_came_back():
    # Away from A 10:00–10:40; on B 10:10–10:20 and on C 10:25–10:38. The gaps 10:00–10:10
    # (ended by B's return) and 10:20–10:25 (ended by C's) are B's and C's to record; A's
    # own is 10:38–10:40.
    spans = [ActiveSpan("b", at(10), at(20)), ActiveSpan("c", at(25), at(38))]
    assert pause_across_computers(away(0, 40), spans, MINUTE) == away(38, 40)
    # B, when the person came back to it at 10:10 after leaving it at 09:00 (and A was in use
    # until 10:00), records 10:00–10:10: each gap once.
    a_before = ActiveSpan("a", at(-50), at(0))
    assert pause_across_computers(away(-60, 10), [a_before], MINUTE) == away(0, 10)


def test_last_active_elsewhere_then_back_here_records_only_the_stretch_after_it():
    # The person left A for B, then left B and came back to A ten minutes later: A records
    # those ten minutes at once; B, when the person comes back to it, sees A in use since and
    # records only its own quiet stretch before that return.
    on_b = ActiveSpan("b", at(2), at(30))
    assert pause_across_computers(away(0, 40), [on_b], MINUTE) == away(30, 40)
    a_since = ActiveSpan("a", at(40), at(90))
    assert pause_across_computers(away(30, 95), [a_since], MINUTE) == away(90, 95)


def test_activity_before_leaving_or_after_coming_back_does_not_count():
    before = ActiveSpan("b", at(-30), at(-1))
    after = ActiveSpan("b", at(41), None)
    assert pause_across_computers(away(0, 40), [before, after], MINUTE) == away(0, 40)


def test_a_few_seconds_of_clock_skew_never_change_the_answer():
    skew = timedelta(seconds=5)
    for shift in (-skew, timedelta(0), skew):
        # B's clock off by a few seconds: its "in use until I came back here" still counts.
        until_return = ActiveSpan("b", at(5) + shift, at(40) + shift)
        assert pause_across_computers(away(0, 40), [until_return], MINUTE) is None
        # Its activity that ended as the person left A, or began as they came back, does not.
        edges = [ActiveSpan("b", at(-20) + shift, at(0) + shift),
                 ActiveSpan("b", at(40) + shift, None)]
        assert pause_across_computers(away(0, 40), edges, MINUTE) == away(0, 40)
        # And a quiet stretch at the end is a pause whichever way the clock is off.
        earlier = ActiveSpan("b", at(5) + shift, at(30) + shift)
        got = pause_across_computers(away(0, 40), [earlier], MINUTE)
        assert got is not None and got.ended_at == at(40)
        assert abs(got.started_at - at(30)) <= skew


def test_edges_are_judged_through_utc_whatever_zone_a_computer_writes_in():
    laptop = ActiveSpan("b", at(5).astimezone(UTC), at(30).astimezone(ZoneInfo("Asia/Tokyo")))
    got = pause_across_computers(away(0, 40), [laptop], MINUTE)
    assert got == away(30, 40)
    assert got is not None and got.started_at.tzinfo == AMS


def test_an_open_span_is_believed_for_a_while_only():
    # B said "in use" and never again (its app was killed, or the laptop closed): believed
    # for OPEN_TRUSTED after that, no longer.
    stale = ActiveSpan("b", T - OPEN_TRUSTED - timedelta(minutes=30), None)
    assert pause_across_computers(away(0, 40), [stale], MINUTE) == away(0, 40)
    fresh = ActiveSpan("b", T - OPEN_TRUSTED + timedelta(minutes=50), None)
    assert pause_across_computers(away(0, 40), [fresh], MINUTE) is None
    # Believed until 10:10: 10:10–10:40 is a pause.
    ending = ActiveSpan("b", T - OPEN_TRUSTED + timedelta(minutes=10), None)
    assert pause_across_computers(away(0, 40), [ending], MINUTE) == away(10, 40)


def test_a_span_that_ends_before_it_starts_is_ignored():
    nonsense = ActiveSpan("b", at(30), at(10))
    assert pause_across_computers(away(0, 40), [nonsense], MINUTE) == away(0, 40)

