"""The stress meter's questions and answer chips, keyed by stable ids.

Ids are what the journal stores, so renaming a label never changes old records. Labels are
English source strings marked for Qt's translation tools; core only marks them, the UI
translates them with `QCoreApplication.translate(CONTEXT, label)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from stressbreak.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "content"



@dataclass(frozen=True)
class Chip:
    id: str
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    note_hint: str
    chips: tuple[Chip, ...]

    def label_of(self, chip_id: str) -> str:
        """The label for a stored id; an id from a newer or older version shows as itself."""
        for chip in self.chips:
            if chip.id == chip_id:
                return chip.label
        return chip_id


def _chips(*pairs: tuple[str, str]) -> tuple[Chip, ...]:
    return tuple(Chip(i, label) for i, label in pairs)


BREATHING = Question(
    "breathing",
    QT_TRANSLATE_NOOP("content", "How is my breathing?"),
    QT_TRANSLATE_NOOP("content", "Anything else you notice about your breath"),
    _chips(
        ("slow", QT_TRANSLATE_NOOP("content", "slow")),
        ("quick", QT_TRANSLATE_NOOP("content", "quick")),
        ("shallow", QT_TRANSLATE_NOOP("content", "shallow")),
        ("deep", QT_TRANSLATE_NOOP("content", "deep")),
        ("held", QT_TRANSLATE_NOOP("content", "held back")),
        ("even", QT_TRANSLATE_NOOP("content", "even")),
        ("unclear", QT_TRANSLATE_NOOP("content", "hard to tell")),
    ),
)

BODY = Question(
    "body",
    QT_TRANSLATE_NOOP("content", "How do my belly and chest feel?"),
    QT_TRANSLATE_NOOP("content", "Where do you feel it, and how"),
    _chips(
        ("soft", QT_TRANSLATE_NOOP("content", "soft")),
        ("tight", QT_TRANSLATE_NOOP("content", "tight")),
        ("fluttery", QT_TRANSLATE_NOOP("content", "fluttery")),
        ("heavy", QT_TRANSLATE_NOOP("content", "heavy")),
        ("warm", QT_TRANSLATE_NOOP("content", "warm")),
        ("restless", QT_TRANSLATE_NOOP("content", "restless")),
        ("numb", QT_TRANSLATE_NOOP("content", "not much to feel")),
    ),
)

NEED = Question(
    "need",
    QT_TRANSLATE_NOOP("content", "What do I really need right now?"),
    QT_TRANSLATE_NOOP("content", "In your own words"),
    _chips(
        ("rest", QT_TRANSLATE_NOOP("content", "rest")),
        ("move", QT_TRANSLATE_NOOP("content", "to move")),
        ("air", QT_TRANSLATE_NOOP("content", "fresh air")),
        ("drink", QT_TRANSLATE_NOOP("content", "a drink or a bite")),
        ("quiet", QT_TRANSLATE_NOOP("content", "quiet")),
        ("contact", QT_TRANSLATE_NOOP("content", "contact")),
        ("focus", QT_TRANSLATE_NOOP("content", "one thing at a time")),
        ("boundary", QT_TRANSLATE_NOOP("content", "a boundary")),
        ("kindness", QT_TRANSLATE_NOOP("content", "kindness to myself")),
    ),
)

QUESTIONS: tuple[Question, ...] = (BREATHING, BODY, NEED)

# Body signals of stress: noticed, not judged. Stored by id in CheckIn.signals.
BODY_SIGNALS = Question(
    "signals",
    QT_TRANSLATE_NOOP("content", "What do I notice in my body?"),
    QT_TRANSLATE_NOOP("content", "Anything else your body tells you"),
    _chips(
        ("muscles", QT_TRANSLATE_NOOP("content", "tense muscles")),
        ("jaw", QT_TRANSLATE_NOOP("content", "clenched jaw")),
        ("shoulders", QT_TRANSLATE_NOOP("content", "raised shoulders")),
        ("breath", QT_TRANSLATE_NOOP("content", "held breath")),
        ("heart", QT_TRANSLATE_NOOP("content", "racing heart")),
        ("stomach", QT_TRANSLATE_NOOP("content", "knot in the stomach")),
        ("restless", QT_TRANSLATE_NOOP("content", "restlessness")),
        ("irritation", QT_TRANSLATE_NOOP("content", "irritation")),
        ("tired", QT_TRANSLATE_NOOP("content", "tiredness")),
        ("head", QT_TRANSLATE_NOOP("content", "headache")),
    ),
)

MAX_VALUES = 5
MAX_VALUE_CHARS = 60


def normalise_values(raw: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The user's values as kept: trimmed, no empty or repeated ones, at most MAX_VALUES,
    each at most MAX_VALUE_CHARS long."""
    kept: list[str] = []
    for value in raw:
        text = " ".join(value.split())[:MAX_VALUE_CHARS]
        if text and text.casefold() not in (k.casefold() for k in kept):
            kept.append(text)
    return tuple(kept[:MAX_VALUES])
