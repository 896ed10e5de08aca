"""*Find my breathing pace*: the session's plan, and which pace the heart answered most.

The usual resonance-frequency procedure (Lehrer & Gevirtz; Shaffer): the user breathes at
6.5, 6, 5.5, 5 and 4.5 breaths a minute, two minutes each, wearing a heart-rate strap. At one
pace, different for each person, the breath and the heart's own blood-pressure reflex fall in
step and the heart rate's rise and fall with the breath is largest and smoothest. That pace is
suggested; docs/HEART.md ("Find my breathing pace") says what is compared and why.

Plain rules, no Qt: the coordinator (app/pace_finder.py) hands each measurement's RR intervals
to a `Recording` with the session time it arrived at, and asks `analyse` at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

from stressbreak.core.breathing import PACES, PATTERNS, Pattern, paced_id
from stressbreak.core.heart import band_power_ms2, clean_rr, coherence

STEP_S = 120.0
# The heart needs a few breaths to follow a new pace (and the user to find it): the first
# part of each step is breathed but not analysed.
SETTLE_S = 20.0
# Less clean heart rhythm than this in a step (after settling) is too little to judge it.
MIN_ANALYSED_S = 50.0
# A step is judged when at least this many of the five are (else the signal was poor).
MIN_JUDGED_STEPS = 3
# Paces whose size is within this share of the largest count as a tie, and the smoothest of
# them is suggested: a difference this small is within what one breath more or less gives.
NEAR_TIE = 0.10
# When every judged pace's size is within this share of the largest, the heart answered
# about the same to all of them: no pace stands out, and none is suggested.
NO_DIFFERENCE = 0.15
# A step's heart rhythm followed the breath when its strongest slow wave is at the breathing
# pace (within a breath a minute, about one step of the spectrum) and holds at least this
# share of its variation: white noise stays under about 0.4 (docs/HEART.md).
MIN_FOLLOWING_COHERENCE = 0.5
FOLLOWING_PACE_TOLERANCE = 1.0
# A largest swing below this (beats a minute, peak to trough) is too small to compare:
# the heart barely followed the breath at any pace (or the series is flat).
MIN_SWING_BPM = 2.0


@dataclass(frozen=True)
class PaceStep:
    """One step of the session: breathing at `pace` from `start_s` for `duration_s`."""

    number: int  # 1 to 5
    pace: float  # breaths a minute
    start_s: float
    duration_s: float
    settle_s: float  # the first part of the step, breathed but not analysed

    @property
    def end_s(self) -> float:
        return self.start_s + self.duration_s

    @property
    def pattern(self) -> Pattern:
        return PATTERNS[paced_id(self.pace)]


def session_plan(step_s: float = STEP_S) -> tuple[PaceStep, ...]:
    """The five steps, fastest pace first (slowing down is easier than speeding up).

    Two minutes a step is a whole number of breaths at every pace (13, 12, 11, 10, 9), so
    each step ends on an out-breath. A shorter `step_s` (tests) keeps the settling share.
    """
    settle = step_s * SETTLE_S / STEP_S
    return tuple(PaceStep(number=i + 1, pace=pace, start_s=i * step_s, duration_s=step_s,
                          settle_s=settle)
                 for i, pace in enumerate(PACES))


def session_length_s(plan: Sequence[PaceStep]) -> float:
    return plan[-1].end_s if plan else 0.0


def step_at(plan: Sequence[PaceStep], at_s: float) -> PaceStep | None:
    """The step under way at `at_s` seconds into the session; None before or after it."""
    for step in plan:
        if step.start_s <= at_s < step.end_s:
            return step
    return None


class Recording:
    """The RR intervals of each step, as they arrive, without the settling part."""

    def __init__(self, plan: Sequence[PaceStep]) -> None:
        self.plan = tuple(plan)
        self._rr: list[list[float]] = [[] for _ in self.plan]

    def add(self, at_s: float, intervals: Sequence[float]) -> None:
        """A measurement's RR intervals (seconds), arrived `at_s` seconds into the session."""
        step = step_at(self.plan, at_s)
        if step is not None and at_s - step.start_s >= step.settle_s:
            self._rr[step.number - 1].extend(intervals)

    def rr_of(self, step: PaceStep) -> list[float]:
        return list(self._rr[step.number - 1])


@dataclass(frozen=True)
class StepResult:
    """What the heart did at one pace; the figures are None when its signal was poor."""

    pace: float
    poor: bool
    swing_bpm: float | None = None  # the heart rate's rise and fall per breath, mean
    lf_power_ms2: float | None = None  # the heart rhythm's variance at the breathing pace
    coherence: float | None = None  # 0–1, how much of it is one smooth wave (core/heart.py)
    follows: bool = False  # its one strongest wave was at the breathing pace


class Outcome(StrEnum):
    SUGGESTED = "suggested"
    POOR_SIGNAL = "poor_signal"  # too few steps had a heart rhythm clear enough to judge
    TOO_SMALL = "too_small"  # the heart's rhythm barely followed the breath
    NO_DIFFERENCE = "no_difference"  # about the same at every pace


@dataclass(frozen=True)
class SessionResult:
    steps: tuple[StepResult, ...]
    outcome: Outcome
    suggested: float | None = None  # breaths a minute, with Outcome.SUGGESTED only


def analyse_step(pace: float, rr: Sequence[float]) -> StepResult:
    """One step's figures from its RR intervals (after settling), in seconds."""
    clean = clean_rr(rr)
    if clean.poor or clean.times[-1] - clean.times[0] < MIN_ANALYSED_S:
        return StepResult(pace, poor=True)
    swing = breath_swing_bpm(clean.times, clean.intervals, pace)
    power = band_power_ms2(clean, pace / 60)
    wave = coherence(clean)
    if swing is None or power is None or wave is None:
        return StepResult(pace, poor=True)
    follows = (wave.value >= MIN_FOLLOWING_COHERENCE
               and abs(wave.breaths_per_minute - pace) <= FOLLOWING_PACE_TOLERANCE)
    return StepResult(pace, poor=False, swing_bpm=swing, lf_power_ms2=power,
                      coherence=wave.value, follows=follows)


def breath_swing_bpm(times: Sequence[float], intervals: Sequence[float],
                     pace: float) -> float | None:
    """The heart rate's peak-to-trough difference per breath, beats a minute, averaged.

    The beats are cut into stretches one breath long; each stretch holds one rise and one
    fall whatever the phase it starts at, so no breath marks are needed. A stretch with fewer
    than half its beats (a gap where artefacts were removed) is left out. None when no
    stretch is whole.
    """
    if not times:
        return None
    breath = 60 / pace
    beat = fmean(intervals)
    swings: list[float] = []
    start = times[0]
    i = 0
    while start + breath <= times[-1]:
        rates: list[float] = []
        while i < len(times) and times[i] < start + breath:
            if times[i] >= start:
                rates.append(60 / intervals[i])
            i += 1
        if len(rates) >= max(3, breath / beat / 2):
            swings.append(max(rates) - min(rates))
        start += breath
    return fmean(swings) if swings else None


def analyse(recording: Recording) -> SessionResult:
    return choose(tuple(analyse_step(step.pace, recording.rr_of(step))
                        for step in recording.plan))


def choose(steps: tuple[StepResult, ...]) -> SessionResult:
    """The suggested pace: the largest heart-rate swing, the smoothest of near ties.

    Only the steps whose heart rhythm followed the breath count (at least three of them). A
    step's *size* puts its two measures of how much the heart swung side by side: the mean
    peak-to-trough swing per breath, and the square root of the power at the breathing pace
    (an amplitude, like the swing), each as a share of its largest over the judged steps,
    averaged. The paces within `NEAR_TIE` of the largest size are near ties; of these the one
    with the highest coherence (the smoothest, most single wave) is suggested.
    """
    judged = [s for s in steps if not s.poor]
    if len(judged) < MIN_JUDGED_STEPS:
        return SessionResult(steps, Outcome.POOR_SIGNAL)
    # Only a step whose heart rhythm followed the breath says anything about the pace: in
    # the others the swing and the power at the pace are the rhythm's chance wander.
    following = [s for s in judged if s.follows]
    if len(following) < MIN_JUDGED_STEPS:
        return SessionResult(steps, Outcome.TOO_SMALL)
    swings = {s.pace: s.swing_bpm or 0.0 for s in following}
    amplitudes = {s.pace: (s.lf_power_ms2 or 0.0) ** 0.5 for s in following}
    top_swing, top_amplitude = max(swings.values()), max(amplitudes.values())
    if top_swing < MIN_SWING_BPM or top_amplitude <= 0:
        return SessionResult(steps, Outcome.TOO_SMALL)
    size = {pace: (swings[pace] / top_swing + amplitudes[pace] / top_amplitude) / 2
            for pace in swings}
    largest = max(size.values())
    if min(size.values()) >= largest * (1 - NO_DIFFERENCE):
        return SessionResult(steps, Outcome.NO_DIFFERENCE)
    near = [s for s in following if size[s.pace] >= largest * (1 - NEAR_TIE)]
    best = max(near, key=lambda s: (s.coherence or 0.0, size[s.pace]))
    return SessionResult(steps, Outcome.SUGGESTED, best.pace)
