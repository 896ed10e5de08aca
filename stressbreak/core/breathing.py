"""Breathing patterns as data, and where in a pattern a moment falls (for the pacer)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    IN = "in"
    TOP_UP = "top_up"  # the short second inhale of a cyclic sigh
    HOLD_FULL = "hold_full"
    OUT = "out"
    HOLD_EMPTY = "hold_empty"


@dataclass(frozen=True)
class Step:
    phase: Phase
    duration_s: float


@dataclass(frozen=True)
class Pattern:
    id: str
    steps: tuple[Step, ...]

    # Cached: the pacer asks phase_at() 60 times a second, and a pattern never changes.
    @functools.cached_property
    def cycle_s(self) -> float:
        return sum(step.duration_s for step in self.steps)

    @functools.cached_property
    def rise_s(self) -> float:
        """How long the breath rises in one cycle (its in-breaths together)."""
        return sum(s.duration_s for s in self.steps if s.phase in (Phase.IN, Phase.TOP_UP))


PATTERNS: dict[str, Pattern] = {
    p.id: p
    for p in (
        # Resonance breathing near 5.5 breaths a minute (the default).
        Pattern("coherent", (Step(Phase.IN, 5.5), Step(Phase.OUT, 5.5))),
        # Cyclic sighing: in, a short top-up, a long slow out.
        Pattern("sigh", (Step(Phase.IN, 2.5), Step(Phase.TOP_UP, 1.0), Step(Phase.OUT, 6.0))),
        Pattern("longexhale", (Step(Phase.IN, 4.0), Step(Phase.OUT, 6.0))),
        Pattern(
            "box",
            (
                Step(Phase.IN, 4.0),
                Step(Phase.HOLD_FULL, 4.0),
                Step(Phase.OUT, 4.0),
                Step(Phase.HOLD_EMPTY, 4.0),
            ),
        ),
    )
}
DEFAULT_PATTERN = "coherent"


@dataclass(frozen=True)
class PhaseState:
    phase: Phase
    progress: float  # 0..1 through the current step
    fullness: float  # 0 (empty lungs) .. 1 (full): what the pacer draws


def phase_at(pattern: Pattern, t_s: float) -> PhaseState:
    """The step, the progress through it, and the lung fullness at `t_s` seconds into a pause.

    Fullness is continuous across step boundaries, so a pacer that draws it never jumps.
    """
    t = max(0.0, t_s) % pattern.cycle_s
    fullness = 0.0
    # Inhales share the rise from empty to full in proportion to their length.
    rise_total = pattern.rise_s
    for step in pattern.steps:
        if t < step.duration_s or step is pattern.steps[-1]:
            progress = min(1.0, t / step.duration_s)
            if step.phase in (Phase.IN, Phase.TOP_UP):
                share = step.duration_s / rise_total
                return PhaseState(step.phase, progress, fullness + share * progress)
            if step.phase is Phase.OUT:
                return PhaseState(step.phase, progress, fullness * (1.0 - progress))
            return PhaseState(step.phase, progress, fullness)
        t -= step.duration_s
        if step.phase in (Phase.IN, Phase.TOP_UP):
            fullness += step.duration_s / rise_total
        elif step.phase is Phase.OUT:
            fullness = 0.0
    raise AssertionError("unreachable: the last step always returns")


ROTATE = "rotate"  # the setting value that takes each pattern in turn
ROTATION: tuple[str, ...] = ("coherent", "sigh", "longexhale", "box")


@dataclass(frozen=True)
class PausePlan:
    """What one pause breathes: a pattern repeated a whole number of times.

    Ending on a completed out-breath (empty lungs, the circle at rest) matters more than
    hitting the wished length to the second, so the length is rounded to whole cycles.
    """

    pattern: Pattern
    cycles: int

    @property
    def duration_s(self) -> float:
        return self.cycles * self.pattern.cycle_s


def plan_pause(pattern: Pattern, wished_s: float) -> PausePlan:
    """Whole cycles closest to `wished_s` (at least one); off by at most half a cycle."""
    return PausePlan(pattern, max(1, round(wished_s / pattern.cycle_s)))


def choose_pattern(choice: str, last_used: str | None) -> Pattern:
    """The pattern for the next pause: the chosen one, or with "rotate" the one after the
    last used (an unknown or missing last one starts the rotation from its beginning)."""
    if choice != ROTATE:
        return PATTERNS.get(choice, PATTERNS[DEFAULT_PATTERN])
    if last_used in ROTATION:
        return PATTERNS[ROTATION[(ROTATION.index(last_used) + 1) % len(ROTATION)]]
    return PATTERNS[ROTATION[0]]
