"""What the pause says about the heart: during it, a quiet line; after it, one sentence.

The body's answer is information, never a score: the sentences notice what the heart did, and
none of them is better than another. A poor signal is said as such, never turned into a
number. The thresholds are on core.heart's coherence (0–1, docs/HEART.md): a slow breath that
the heart follows closely puts most of its variation in one wave (a clean 0.1 Hz wave scores
above 0.8), ordinary breathing leaves it spread out (about 0.1–0.3).
"""

from __future__ import annotations

from collections.abc import Callable

from stressbreak.core.heart import HeartFigures, SensorState
from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import PauseHeart

CONTEXT = "heart"
CLOSELY = 0.6  # at least this much of the variation in one wave: followed closely
BEGAN = 0.3  # at least this: the wave showed, though not yet most of the variation
# A wave this far from the pace the pause breathed at (breaths a minute) is the heart's own
# (a slow wander, say), not the breath's: about two steps of the spectrum (docs/HEART.md).
PACE_TOLERANCE = 1.5


# The quiet line for where the source is, while no beats arrive (then the rate says it).
_STATE_WORDS: dict[SensorState, str] = {
    SensorState.SEARCHING: QT_TRANSLATE_NOOP("heart", "Looking for your heart-rate strap…"),
    SensorState.ABSENT: QT_TRANSLATE_NOOP(
        "heart", "No strap found; the pause goes on as usual."),
    SensorState.LOST: QT_TRANSLATE_NOOP(
        "heart", "The strap's signal has gone; the pause goes on as usual."),
    SensorState.UNAVAILABLE: QT_TRANSLATE_NOOP(
        "heart", "Bluetooth is not available; the pause goes on as usual."),
    SensorState.ENDED: QT_TRANSLATE_NOOP(
        "heart", "The recording has ended; the pause goes on as usual."),
}


def state_words(state: SensorState) -> Message | None:
    """The quiet line for where the source is; None while beats arrive (the rate says it)."""
    words = _STATE_WORDS.get(state)
    return None if words is None else Message(CONTEXT, words)


def rate_words(heart_rate: float) -> Message:
    """The heart rate just now, in words: "62 beats a minute"."""
    return Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP("heart", "%n beats a minute"),
                           round(heart_rate))


def live_words(state: SensorState, heart_rate: float | None,
               figures: HeartFigures | None) -> Message:
    """The line under the wave during the pause: where the source is, or the rate, or that
    the signal is unsteady just now."""
    said = state_words(state)
    if said is not None:
        return said
    if figures is not None and figures.poor:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "The strap's signal is unsteady just now."))
    if heart_rate is None or heart_rate <= 0:
        return Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "Waiting for the first beats…"))
    return rate_words(heart_rate)


def _followed(heart: PauseHeart, breathed_per_min: float | None) -> bool:
    """The heart's strongest wave was the breath's: strong enough, and at its pace."""
    if heart.coherence is None or heart.coherence < BEGAN:
        return False
    return (breathed_per_min is None or heart.pace_per_min is None
            or abs(heart.pace_per_min - breathed_per_min) <= PACE_TOLERANCE)


def after_words(heart: PauseHeart, breathed_per_min: float | None = None) -> Message:
    """The one sentence when the pause is over; `breathed_per_min`: the pace the pause
    breathed at (None for an exercise without a paced breath)."""
    if heart.poor:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "The strap's signal was too unsteady this time to say how your heart "
            "followed your breath."))
    if heart.coherence is None:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "The heart needs about half a minute of beats to show how it follows "
            "the breath; there were fewer this time."))
    if not _followed(heart, breathed_per_min):
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "Your heart kept its own rhythm this time; that is fine to notice."))
    if heart.coherence >= CLOSELY:
        return Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "Your heart followed your breath closely this time."))
    return Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "Your heart began to follow your breath."))


def rate_only_words() -> Message:
    """The sentence after a pause whose strap sent its heart rate but never the times between
    beats (some optical bands): nothing can be said of the rhythm, and that is said."""
    return Message(CONTEXT, QT_TRANSLATE_NOOP(
        "heart", "Your strap sent its heart rate but not the time between beats, so this time "
        "there is nothing to say about how your heart followed your breath."))


def _decimals(value: float, places: int) -> str:
    return f"{value:.{places}f}"


def figure_rows(heart: PauseHeart, breathed_per_min: float | None = None,
                number: Callable[[float, int], str] = _decimals,
                ) -> list[tuple[Message, Message]]:
    """The figures behind the "Figures" toggle, as (what, value) rows; none when poor.
    `number` writes a value with so many decimals (the window's: in the user's language)."""
    rows: list[tuple[Message, Message]] = []
    if heart.poor:
        return rows
    if heart.mean_heart_rate is not None:
        rows.append((Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "Mean heart rate")),
                     rate_words(heart.mean_heart_rate)))
    if heart.rmssd_ms is not None:
        rows.append((Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "Beat-to-beat variation (RMSSD)")),
            Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "{ms} ms"), ms=round(heart.rmssd_ms))))
    if heart.coherence is not None:
        rows.append((Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "Coherence (0 to 1)")), Message(CONTEXT, "{value}",
                                                   value=number(heart.coherence, 2))))
    # The wave's pace is the breath's only when the heart followed the breath.
    if heart.pace_per_min is not None and _followed(heart, breathed_per_min):
        rows.append((Message(CONTEXT, QT_TRANSLATE_NOOP(
            "heart", "Breathing pace of the wave")),
            Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "{pace} breaths a minute"),
                    pace=number(heart.pace_per_min, 1))))
    return rows


def not_medical() -> Message:
    return Message(CONTEXT, QT_TRANSLATE_NOOP("heart", "StressBreak is not a medical device."))
