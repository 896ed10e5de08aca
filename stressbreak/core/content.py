"""The stress meter's questions and answer chips, keyed by stable ids.

Ids are what the journal stores, so renaming a label never changes old records. Labels are
English source strings marked for Qt's translation tools; core only marks them, the UI
translates them with `QCoreApplication.translate(CONTEXT, label)`.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = "content"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for lupdate (it looks for this name) without importing Qt into core."""
    del context
    return text


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
