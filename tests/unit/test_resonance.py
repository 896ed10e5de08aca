"""*Find my breathing pace* (core/resonance.py): the plan, each step's figures, the choice.

The heart series are synthetic: at each pace the heart rate follows a sine at the breathing
frequency, with a swing chosen by the test, so the pace that must be suggested is known.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from stressbreak.core.breathing import PATTERNS, Phase, choose_pattern, phase_at
from stressbreak.core.heart import band_power_ms2, clean_rr, parse_rr_text
from stressbreak.core.resonance import (
    Outcome,
    PaceStep,
    Recording,
    StepResult,
    analyse,
    analyse_step,
    choose,
    session_length_s,
    session_plan,
    step_at,
)
from stressbreak.core.settings import SPEC_BY_KEY, Settings, parse_settings

DATA = Path(__file__).resolve().parent.parent / "data" / "heart"
PEAKED_AT_5_5 = {6.5: 3.0, 6.0: 5.0, 5.5: 8.0, 5.0: 5.5, 4.5: 4.0}


def paced_heart(pace: float, swing: float, *, seconds: float = 100.0, jitter_s: float = 0.008,
                seed: int = 1, wander: float = 0.0) -> list[float]:
    """RR intervals of a heart swinging ±`swing` beats a minute around 64 at `pace`, and
    ±`wander` in a faster, unrelated wave (0.23 Hz) that makes the rhythm less smooth."""
    rng = random.Random(seed)
    rr: list[float] = []
    t = 0.0
    while t < seconds:
        rate = 64 + swing * math.sin(2 * math.pi * pace / 60 * t)
        interval = 60 / (rate + wander * math.sin(2 * math.pi * 0.23 * t))
        interval += rng.gauss(0, jitter_s)
        rr.append(interval)
        t += interval
    return rr


def steps_of(swings: dict[float, float]) -> tuple[StepResult, ...]:
    return tuple(analyse_step(pace, paced_heart(pace, swing, seed=n))
                 for n, (pace, swing) in enumerate(swings.items()))


# --- the plan -------------------------------------------------------------------------------

def test_plan_is_five_two_minute_steps_from_fast_to_slow() -> None:
    plan = session_plan()
    assert [s.pace for s in plan] == [6.5, 6.0, 5.5, 5.0, 4.5]
    assert [s.number for s in plan] == [1, 2, 3, 4, 5]
    assert [s.start_s for s in plan] == [0, 120, 240, 360, 480]
    assert all(s.duration_s == 120 and s.settle_s == 20 for s in plan)
    assert session_length_s(plan) == 600


@pytest.mark.parametrize("step", session_plan(), ids=lambda s: str(s.pace))
def test_each_step_breathes_its_pace_evenly_and_ends_on_an_out_breath(step: object) -> None:
    assert isinstance(step, PaceStep)
    pattern = step.pattern
    assert pattern is PATTERNS[pattern.id]
    assert 60 / pattern.cycle_s == pytest.approx(step.pace)
    assert [s.phase for s in pattern.steps] == [Phase.IN, Phase.OUT]
    assert pattern.steps[0].duration_s == pattern.steps[1].duration_s
    breaths = step.duration_s / pattern.cycle_s
    assert breaths == pytest.approx(round(breaths))
    end = phase_at(pattern, step.duration_s - 1e-6)
    assert end.phase is Phase.OUT
    assert end.fullness == pytest.approx(0, abs=1e-3)


def test_a_shorter_session_keeps_the_settling_share() -> None:
    plan = session_plan(step_s=6.0)
    assert session_length_s(plan) == 30
    assert plan[2].start_s == 12
    assert plan[2].settle_s == 1.0


def test_step_at() -> None:
    plan = session_plan()
    assert step_at(plan, 0) is plan[0]
    assert step_at(plan, 119.9) is plan[0]
    assert step_at(plan, 120) is plan[1]
    assert step_at(plan, 599) is plan[4]
    assert step_at(plan, 600) is None
    assert step_at(plan, -1) is None


def test_recording_leaves_out_the_settling_part_of_each_step() -> None:
    plan = session_plan()
    recording = Recording(plan)
    recording.add(5.0, [0.9])  # step 1, settling
    recording.add(25.0, [0.8, 0.81])
    recording.add(130.0, [1.0])  # step 2, settling
    recording.add(239.0, [1.1])
    recording.add(600.0, [1.2])  # after the session
    assert recording.rr_of(plan[0]) == [0.8, 0.81]
    assert recording.rr_of(plan[1]) == [1.1]
    assert recording.rr_of(plan[4]) == []


# --- one step -------------------------------------------------------------------------------

def test_a_step_measures_the_swing_per_breath_and_the_power_at_its_pace() -> None:
    step = analyse_step(6.0, paced_heart(6.0, 6.0, jitter_s=0))
    assert not step.poor
    assert step.follows
    # ±6 beats a minute: 12 from peak to trough, within a beat's sampling
    assert step.swing_bpm == pytest.approx(12, abs=0.8)
    assert step.coherence is not None and step.coherence > 0.9
    assert step.lf_power_ms2 is not None and step.lf_power_ms2 > 1000


def test_band_power_of_a_sine_is_about_its_variance() -> None:
    rr: list[float] = []
    t = 0.0
    while t < 100:  # RR swinging ±50 ms at 0.1 Hz: variance 50² / 2 = 1250 ms²
        rr.append(0.9 + 0.05 * math.sin(2 * math.pi * 0.1 * t))
        t += rr[-1]
    clean = clean_rr(rr)
    assert band_power_ms2(clean, 0.1) == pytest.approx(1250, rel=0.15)
    assert band_power_ms2(clean, 0.2) == pytest.approx(0, abs=30)  # no wave there


def test_a_step_without_enough_heart_rhythm_is_poor() -> None:
    assert analyse_step(6.0, paced_heart(6.0, 6.0, seconds=30)).poor
    assert analyse_step(6.0, []).poor


def test_a_step_whose_heart_does_not_follow_the_breath() -> None:
    step = analyse_step(6.0, paced_heart(12.0, 4.0))  # breathing twice as fast as paced
    assert not step.poor
    assert not step.follows


# --- the choice -----------------------------------------------------------------------------

def test_the_planted_resonance_pace_is_suggested() -> None:
    result = choose(steps_of(PEAKED_AT_5_5))
    assert result.outcome is Outcome.SUGGESTED
    assert result.suggested == 5.5
    swings = [s.swing_bpm for s in result.steps]
    assert max(swings, key=lambda s: s or 0) == result.steps[2].swing_bpm


@pytest.mark.parametrize("planted", [6.5, 6.0, 5.0, 4.5])
def test_each_pace_can_be_the_one(planted: float) -> None:
    swings = {pace: 8.0 if pace == planted else 4.0 for pace in PEAKED_AT_5_5}
    assert choose(steps_of(swings)).suggested == planted


def test_a_near_tie_goes_to_the_smoother_pace() -> None:
    # 5.5 and 5 swing alike; at 5.5 a second, unrelated wave roughens the rhythm.
    steps = list(steps_of({6.5: 3.0, 6.0: 4.0, 5.5: 7.0, 5.0: 7.4, 4.5: 4.0}))
    steps[2] = analyse_step(5.5, paced_heart(5.5, 7.0, seed=7, wander=2.5))
    sizes = [s.swing_bpm or 0 for s in steps]
    assert max(sizes) == steps[2].swing_bpm  # 5.5 swings a little more, within a tenth
    assert (steps[3].swing_bpm or 0) >= 0.9 * max(sizes)
    smoother = steps[3].coherence
    rougher = steps[2].coherence
    assert smoother is not None and rougher is not None and smoother > rougher
    assert choose(tuple(steps)).suggested == 5.0


def test_a_missed_beat_does_not_change_the_choice() -> None:
    steps = list(steps_of(PEAKED_AT_5_5))
    for n, pace in enumerate(PEAKED_AT_5_5):
        rr = paced_heart(pace, PEAKED_AT_5_5[pace], seed=n)
        rr[40:42] = [rr[40] + rr[41]]  # one beat the strap did not see
        steps[n] = analyse_step(pace, rr)
    result = choose(tuple(steps))
    assert result.suggested == 5.5
    assert result.steps[2].swing_bpm == pytest.approx(
        choose(steps_of(PEAKED_AT_5_5)).steps[2].swing_bpm, rel=0.05)


def test_the_same_swing_at_every_pace_suggests_nothing() -> None:
    result = choose(steps_of(dict.fromkeys(PEAKED_AT_5_5, 6.0)))
    assert result.outcome is Outcome.NO_DIFFERENCE
    assert result.suggested is None


def test_a_flat_heart_suggests_nothing() -> None:
    result = choose(tuple(analyse_step(pace, [0.9] * 120) for pace in PEAKED_AT_5_5))
    assert result.outcome is Outcome.TOO_SMALL
    assert result.suggested is None


@pytest.mark.parametrize("seed", range(10))
def test_white_noise_suggests_nothing(seed: int) -> None:
    rng = random.Random(seed)
    steps = []
    for pace in PEAKED_AT_5_5:
        rr: list[float] = []
        while sum(rr) < 100:
            rr.append(rng.gauss(0.9, 0.03))
        steps.append(analyse_step(pace, rr))
    result = choose(tuple(steps))
    assert result.outcome is Outcome.TOO_SMALL
    assert result.suggested is None


def test_a_poor_signal_in_most_steps_suggests_nothing() -> None:
    steps = list(steps_of(PEAKED_AT_5_5))
    for n in (0, 1, 3):
        rr = paced_heart(steps[n].pace, 6.0, seed=n)
        for i in range(0, len(rr), 6):  # a slipping strap: every sixth beat a spike
            rr[i] = 2.7
        steps[n] = analyse_step(steps[n].pace, rr)
        assert steps[n].poor
    result = choose(tuple(steps))
    assert result.outcome is Outcome.POOR_SIGNAL
    assert result.suggested is None


def test_the_example_session_recording_suggests_5_5() -> None:
    """rr-pace-finder.csv replayed as the app does: each beat arrives when it ends."""
    rr = parse_rr_text((DATA / "rr-pace-finder.csv").read_text(encoding="utf-8"))
    recording = Recording(session_plan())
    elapsed = 0.0
    for interval in rr:
        elapsed += interval
        recording.add(elapsed, [interval])
    result = analyse(recording)
    assert result.outcome is Outcome.SUGGESTED
    assert result.suggested == 5.5
    assert all(not s.poor and s.follows for s in result.steps)


def test_the_everyday_breathing_recording_suggests_nothing() -> None:
    rr = parse_rr_text((DATA / "rr-normal-breathing.csv").read_text(encoding="utf-8"))
    steps = tuple(analyse_step(pace, rr) for pace in PEAKED_AT_5_5)
    assert choose(steps).suggested is None


# --- the pace as the pauses' breathing pattern --------------------------------------------

def test_a_found_pace_is_a_breathing_pattern_setting() -> None:
    settings, problems = parse_settings({"breathing_pattern": "pace-5.5"})
    assert problems == []
    assert settings.breathing_pattern == "pace-5.5"
    assert choose_pattern(settings.breathing_pattern, None).cycle_s == pytest.approx(60 / 5.5)
    assert "pace-5.5" in {c.value for c in SPEC_BY_KEY["breathing_pattern"].choices}


def test_a_file_from_before_keeps_its_pattern_and_a_bad_pace_is_named() -> None:
    assert parse_settings({"breathing_pattern": "sigh"}) == (Settings(breathing_pattern="sigh"),
                                                            [])
    settings, problems = parse_settings({"breathing_pattern": "pace-7"})
    assert settings.breathing_pattern == "coherent"
    assert len(problems) == 1
    assert "'pace-7'" in problems[0] and "pace-4.5" in problems[0]
    assert "the default \"coherent\" is used" in problems[0]
