"""Breathing patterns as data, and where in a pattern a moment falls (for the pacer).

Texts are English source strings marked for Qt's translation tools in the "breathing"
context; the windows translate them where they show them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from stressbreak.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "breathing"


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
    # What the pause says for this step, when the pattern needs more than the general phase
    # words ("Breathe in"); `spoken` when the words take longer to say than the step lasts
    # (spoken cues are never queued, so long words would swallow the next step's cue).
    words: str = ""
    spoken: str = ""


@dataclass(frozen=True)
class Pattern:
    id: str
    steps: tuple[Step, ...]
    description: str = ""  # one line: its name, how to breathe it, what it is good for
    caution: str = ""  # said as it starts, when the pattern asks something of the body

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
        Pattern(
            "coherent", (Step(Phase.IN, 5.5), Step(Phase.OUT, 5.5)),
            QT_TRANSLATE_NOOP("breathing",
                              "Even breathing — as long in as out, slow and unhurried: "
                              "a steady rhythm your body can rest in."),
        ),
        # Cyclic sighing: in through the nose, a short top-up through the nose, a long slow
        # out through the mouth. The nose and the mouth are the method, so the words say so.
        Pattern(
            "sigh",
            (
                Step(Phase.IN, 2.5, QT_TRANSLATE_NOOP("breathing", "In through the nose")),
                Step(Phase.TOP_UP, 1.0,
                     QT_TRANSLATE_NOOP("breathing", "A little more, through the nose"),
                     QT_TRANSLATE_NOOP("breathing", "A little more")),
                Step(Phase.OUT, 6.0,
                     QT_TRANSLATE_NOOP("breathing", "Slowly out through the mouth")),
            ),
            QT_TRANSLATE_NOOP("breathing",
                              "Cyclic sigh — two breaths in through the nose, one long breath "
                              "out through the mouth: a quick way to settle."),
        ),
        Pattern(
            "longexhale", (Step(Phase.IN, 4.0), Step(Phase.OUT, 6.0)),
            QT_TRANSLATE_NOOP("breathing",
                              "Longer out-breath — breathe out a little longer than you "
                              "breathe in, with no holding: the long out-breath helps your "
                              "body slow down."),
        ),
        Pattern(
            "box",
            (
                Step(Phase.IN, 4.0),
                Step(Phase.HOLD_FULL, 4.0),
                Step(Phase.OUT, 4.0),
                Step(Phase.HOLD_EMPTY, 4.0),
            ),
            QT_TRANSLATE_NOOP("breathing",
                              "Box breathing — in, hold, out, hold, four seconds each: "
                              "a steady count to hold on to."),
            QT_TRANSLATE_NOOP("breathing",
                              "Skip the holds if you feel light-headed; just breathe "
                              "normally."),
        ),
    )
}
DEFAULT_PATTERN = "coherent"

# The paces *Find my breathing pace* tries (core/resonance.py), breaths a minute, fastest
# first: the usual resonance-frequency range, where most adults' heart rhythm swings most.
PACES: tuple[float, ...] = (6.5, 6.0, 5.5, 5.0, 4.5)


def paced_id(pace: float) -> str:
    """The pattern id of a pace: "pace-5.5", "pace-6"."""
    return f"pace-{pace:g}"


def _paced(pace: float) -> Pattern:
    # As long in as out, like "coherent": the heart's swing follows the breath's frequency,
    # not its shape, and an even breath is the one the pauses already teach. The pace is in
    # the id, so the journal keeps which pace a pause breathed and the pause needs no other
    # setting to know it.
    half = 30 / pace
    return Pattern(
        paced_id(pace), (Step(Phase.IN, half), Step(Phase.OUT, half)),
        QT_TRANSLATE_NOOP("breathing",
                          "Your own pace — as long in as out, at the slow pace you found "
                          "suits your body."),
    )


PATTERNS.update((paced_id(pace), _paced(pace)) for pace in PACES)


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


ROTATE = "rotate"  # the setting value that takes patterns in turn
# Box breathing holds the breath, which not everyone should do (see its caution): it comes
# only when chosen, never unannounced by the rotation. Nor do the paces of *Find my breathing
# pace*: each is someone's own choice, and five near-alike even breaths are no variety.
ROTATION: tuple[str, ...] = ("coherent", "sigh", "longexhale")


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
