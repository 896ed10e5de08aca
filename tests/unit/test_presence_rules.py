"""core/presence.py: which holds count, when a due reminder shows, and time away pieced together
from occasional idle readings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from stressbreak.core.presence import (
    AWAY_AFTER_S,
    GENTLE_STEP_S,
    LULL_S,
    RECHECK_S,
    Away,
    NaturalPause,
    active_holds,
    decide,
    hold_label,
)
from stressbreak.core.settings import Settings

T = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
S = Settings()


def test_holds_count_only_when_observed_and_wanted():
    checks = {"fullscreen": True, "desktop-dnd": None, "microphone": True, "camera": False}
    assert active_holds(S, checks) == ("fullscreen", "microphone")
    assert active_holds(replace(S, meeting_aware=False), checks) == ("fullscreen",)
    assert active_holds(replace(S, dnd_fullscreen=False), checks) == ("microphone",)
    assert active_holds(S, {"desktop-dnd": True}) == ("desktop-dnd",)
    assert active_holds(replace(S, dnd_desktop=False), {"desktop-dnd": True}) == ()
    assert active_holds(S, {}) == ()


def test_every_hold_has_words():
    assert hold_label("camera") == "a call (camera in use)"
    assert hold_label("camera").context == "presence"


def test_decide_holds_first_then_away_then_a_lull():
    held = decide(S, due_since=T, now=T, idle_s=0.0, holds=("microphone",))
    assert (held.show, held.wait_s, held.holds) == (False, RECHECK_S, ("microphone",))
    away = decide(S, due_since=T, now=T, idle_s=AWAY_AFTER_S, holds=())
    assert (away.show, away.away, away.wait_s) == (False, True, RECHECK_S)
    typing = decide(S, due_since=T, now=T, idle_s=LULL_S - 0.5, holds=())
    assert (typing.show, typing.wait_s) == (False, GENTLE_STEP_S)
    assert decide(S, due_since=T, now=T, idle_s=LULL_S, holds=()).show
    assert decide(S, due_since=T, now=T, idle_s=None, holds=()).show  # no idle source


def test_decide_gives_up_waiting_for_a_lull_at_the_limit():
    later = T + timedelta(seconds=S.gentle_max_wait_s)
    assert decide(S, due_since=T, now=later, idle_s=0.0, holds=()).show
    just_before = later - timedelta(seconds=1)
    assert not decide(S, due_since=T, now=just_before, idle_s=0.0, holds=()).show
    assert decide(replace(S, gentle_timing=False), due_since=T, now=T, idle_s=0.0,
                  holds=()).show


def test_away_is_not_a_reason_to_wait_without_natural_breaks():
    no_natural = replace(S, natural_breaks=False)
    assert decide(no_natural, due_since=T, now=T, idle_s=3600.0, holds=()).show


def test_an_absence_from_two_readings_gives_a_natural_pause():
    away = Away()
    away, natural = away.observe(T + timedelta(minutes=5), 300.0, 60.0)  # left at 10:00
    assert natural is None and away.since == T
    away, natural = away.observe(T + timedelta(minutes=6), 360.0, 60.0)
    assert natural is None and away.since == T
    away, natural = away.observe(T + timedelta(minutes=13), 20.0, 60.0)  # back 12:40
    assert natural == NaturalPause(T, T + timedelta(minutes=12, seconds=40))
    assert away == Away()


def test_a_short_absence_is_forgotten():
    away, _ = Away().observe(T + timedelta(seconds=90), 90.0, 300.0)  # 1.5 min, 5-min pauses
    assert away.since == T
    away, natural = away.observe(T + timedelta(seconds=100), 5.0, 300.0)
    assert natural is None and away == Away()


def test_readings_at_the_desk_change_nothing():
    away, natural = Away().observe(T, 2.0, 60.0)
    assert (away, natural) == (Away(), None)
