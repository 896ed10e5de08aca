"""Stress profiles: an optional self-reflection on three patterns, as data, and its arithmetic.

The pleaser, the perfectionist and the rescuer are patterns that once protected a person, not
labels for who they are. The user rates four statements per pattern on a 0–3 scale; the totals
decide which tips appear at the end of a pause. Nothing here judges: a high total means a
pattern is familiar, not that something is amiss.

Texts are English source strings marked for Qt's translation tools (see content.py); the UI
translates them with `QCoreApplication.translate(CONTEXT, text)`. The statements are in the
first person because the user rates how much each one is "like me"; everything else speaks
to the user as "you".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stressbreak.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "profiles"


@dataclass(frozen=True)
class ScaleStep:
    value: int
    label: str


# How much a statement is like the user. Words only, no colours and no "right" end.
SCALE: tuple[ScaleStep, ...] = (
    ScaleStep(0, QT_TRANSLATE_NOOP("profiles", "not like me")),
    ScaleStep(1, QT_TRANSLATE_NOOP("profiles", "a little like me")),
    ScaleStep(2, QT_TRANSLATE_NOOP("profiles", "quite like me")),
    ScaleStep(3, QT_TRANSLATE_NOOP("profiles", "very much like me")),
)
MIN_RATING = SCALE[0].value
MAX_RATING = SCALE[-1].value


@dataclass(frozen=True)
class Statement:
    id: str
    text: str


@dataclass(frozen=True)
class Pattern:
    id: str
    title: str  # "The pleaser pattern": a pattern, never "you are a …"
    gist: str  # what the pattern does, in a few words
    description: str  # one kind paragraph: a pattern that once protected you
    statements: tuple[Statement, ...]
    practices: tuple[str, ...]  # small things to try
    # Feeling a limit and saying it, in this pattern's own situation: every pattern has one,
    # because every one of them runs past its limits in its own way.
    boundary: str

    @property
    def max_score(self) -> int:
        return len(self.statements) * MAX_RATING

    @property
    def tips(self) -> tuple[str, ...]:
        """What this pattern's reflection and the end of a pause offer, the boundary last."""
        return (*self.practices, self.boundary)


PATTERNS: dict[str, Pattern] = {
    p.id: p
    for p in (
        Pattern(
            "pleaser",
            QT_TRANSLATE_NOOP("profiles", "The pleaser pattern"),
            QT_TRANSLATE_NOOP("profiles", "Keeping others happy"),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Saying yes, keeping the peace, sensing what others want before they ask: "
                "this is a pattern that once protected you. Perhaps it kept you close to "
                "people who mattered, or kept trouble away. It brings warmth and a fine "
                "feel for others. It can also mean that your own wishes come last, often "
                "before you even notice them."),
            (
                Statement("pleaser_yes", QT_TRANSLATE_NOOP(
                    "profiles", "I say yes before I have checked whether I want to.")),
                Statement("pleaser_upset", QT_TRANSLATE_NOOP(
                    "profiles",
                    "When someone seems unhappy with me, it stays on my mind for a long time.")),
                Statement("pleaser_ask", QT_TRANSLATE_NOOP(
                    "profiles", "I find it hard to ask for what I need.")),
                Statement("pleaser_peace", QT_TRANSLATE_NOOP(
                    "profiles", "I keep the peace, even when something matters to me.")),
            ),
            (
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Notice the automatic yes. Before you answer, take one breath and ask "
                    "yourself whether you want this."),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Try one small no today, about something small. Notice what happens, "
                    "in you and around you."),
                QT_TRANSLATE_NOOP(
                    "profiles", "Ask yourself: what do I need right now? Your answer counts too."),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "You may take time to answer. “Let me come back to you on that” "
                    "is an answer too."),
            ),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Feel where your yes turns into too much: often a tight throat or belly. Then "
                "one honest sentence will do: “I'd like to, but not this week.”"),
        ),
        Pattern(
            "perfectionist",
            QT_TRANSLATE_NOOP("profiles", "The perfectionist pattern"),
            QT_TRANSLATE_NOOP("profiles", "Getting everything right"),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Checking once more, keeping things under control, aiming for work without "
                "a single loose end: this is a pattern that once protected you. Perhaps it kept "
                "criticism away, or gave you a sense of safety when little else did. It "
                "brings care and an eye for detail. It can also mean that nothing ever "
                "quite feels finished, and that rest has to wait."),
            (
                Statement("perfectionist_control", QT_TRANSLATE_NOOP(
                    "profiles", "I only feel at ease when everything is under control.")),
                Statement("perfectionist_check", QT_TRANSLATE_NOOP(
                    "profiles", "I go over my work again and again before I let it go.")),
                Statement("perfectionist_mistake", QT_TRANSLATE_NOOP(
                    "profiles", "A small mistake keeps me busy long afterwards.")),
                Statement("perfectionist_stop", QT_TRANSLATE_NOOP(
                    "profiles", "I find it hard to stop while something could still be better.")),
            ),
            (
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Choose one task today to finish at “enough”, on purpose. Notice what "
                    "that stirs in you."),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Notice the critical voice inside. You can hear it and still choose "
                    "what you do."),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Give a task an end time, and stop when it comes, even if more "
                    "would be possible."),
            ),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Your body often knows your limit before your list is done. Feel it, and "
                "say it out loud: “This is enough for today.”"),
        ),
        Pattern(
            "rescuer",
            QT_TRANSLATE_NOOP("profiles", "The rescuer pattern"),
            QT_TRANSLATE_NOOP("profiles", "Taking care of everyone"),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Stepping in, carrying what others cannot, feeling responsible for how "
                "everyone is doing: this is a pattern that once protected you. Perhaps "
                "someone needed you early on, or caring for others was the safest place "
                "to be. It brings kindness and people who can count on you. It can also "
                "mean that you forget yourself along the way."),
            (
                Statement("rescuer_help", QT_TRANSLATE_NOOP(
                    "profiles", "When someone around me has a hard time, I feel it is up to me.")),
                Statement("rescuer_notice", QT_TRANSLATE_NOOP(
                    "profiles", "I notice what others need sooner than what I need.")),
                Statement("rescuer_take_on", QT_TRANSLATE_NOOP(
                    "profiles", "I take on tasks so that others don't have to.")),
                Statement("rescuer_rest", QT_TRANSLATE_NOOP(
                    "profiles", "Resting is hard for me while someone else still has a problem.")),
            ),
            (
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Notice when helping starts to cost you more than you have to give."),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Put yourself on your own list today, as someone who needs care too."),
                QT_TRANSLATE_NOOP(
                    "profiles", "Before you step in, ask yourself: is this mine to carry?"),
                QT_TRANSLATE_NOOP(
                    "profiles",
                    "Others can find their own way too. Trusting them is also a way "
                    "of caring."),
            ),
            QT_TRANSLATE_NOOP(
                "profiles",
                "Feel when caring starts to cost more than you have, and say so kindly: "
                "“I can't take this on right now.”"),
        ),
    )
}
ORDER: tuple[str, ...] = tuple(PATTERNS)

# For everyone, and for the end of a pause when no pattern stands out.
GENERAL_TIPS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(
        "profiles",
        "Rest doesn't wait until the stress is gone. Rest means that you, not your "
        "tension, choose what comes next."),
    QT_TRANSLATE_NOOP(
        "profiles", "Notice one thing your body tells you right now. Only notice it."),
    QT_TRANSLATE_NOOP("profiles", "What would be kind to yourself in the next hour?"),
    QT_TRANSLATE_NOOP(
        "profiles", "Tension may come along while you do what matters to you."),
    QT_TRANSLATE_NOOP(
        "profiles",
        "Your limit shows in your body first. Feeling it is the start; one plain sentence "
        "can say it."),
    QT_TRANSLATE_NOOP(
        "profiles",
        "Rest does not have to be earned first. It is part of what keeps you going."),
    QT_TRANSLATE_NOOP(
        "profiles",
        "Restless or guilty when you stop? That is your body still switched on. It settles "
        "with each slow out-breath."),
    QT_TRANSLATE_NOOP(
        "profiles",
        "A worry that keeps coming back may get its own time later today. Until then, "
        "it can wait."),
)

# statement id -> the pattern it belongs to
STATEMENT_PATTERN: dict[str, str] = {
    s.id: p.id for p in PATTERNS.values() for s in p.statements
}

# A pattern stands out when its total reaches two points per statement: on average at least
# "quite like me". With four statements that is 8 of 12. A single "very much like me" (3) can
# never make a pattern stand out alone, and neither can "a little like me" everywhere (4).
# Every pattern at or above it leads (ties and all): a point or two between totals is within
# the wobble of rating oneself, and a pattern the user calls "quite like me" deserves its tips.
STANDS_OUT_PER_STATEMENT = 2


def threshold(pattern: Pattern) -> int:
    """The total at or above which `pattern` stands out (8 for four statements)."""
    return STANDS_OUT_PER_STATEMENT * len(pattern.statements)


def score(ratings: Mapping[str, int]) -> dict[str, int]:
    """Pattern id -> total of its statements' ratings, for every pattern.

    `ratings` maps statement ids to ratings 0–3. A statement left out counts as 0 ("not like
    me"): every answer is optional. An unknown id or a rating outside 0–3 is a ValueError.
    """
    totals = dict.fromkeys(ORDER, 0)
    for statement_id, rating in ratings.items():
        pattern_id = STATEMENT_PATTERN.get(statement_id)
        if pattern_id is None:
            raise ValueError(f"unknown statement {statement_id!r}")
        if isinstance(rating, bool) or not isinstance(rating, int):
            raise ValueError(f"rating for {statement_id!r} must be a whole number, "
                             f"not {rating!r}")
        if not MIN_RATING <= rating <= MAX_RATING:
            raise ValueError(f"rating for {statement_id!r} must be {MIN_RATING}–{MAX_RATING}, "
                             f"not {rating}")
        totals[pattern_id] += rating
    return totals


def leading_patterns(scores: Mapping[str, int]) -> tuple[str, ...]:
    """The pattern ids that stand out: every total at or above the threshold, highest first
    (ties in the catalogue's order). Empty when none does.

    Scores come from the user's stored preferences, which an older or newer version may have
    written: unknown ids are ignored and a missing pattern counts as 0.
    """
    standing_out = [pid for pid in ORDER if scores.get(pid, 0) >= threshold(PATTERNS[pid])]
    return tuple(sorted(standing_out, key=lambda pid: -scores.get(pid, 0)))


def tips_in_turn(scores: Mapping[str, int]) -> tuple[str, ...]:
    """The tips the end of a pause cycles through: those of the leading patterns taken in
    turn (first tip of each, then the second of each, …), or the general tips when no
    pattern stands out."""
    leading = [PATTERNS[pid].tips for pid in leading_patterns(scores)]
    if not leading:
        return GENERAL_TIPS
    longest = max(len(tips) for tips in leading)
    return tuple(tips[i] for i in range(longest) for tips in leading if i < len(tips))


def tips_for(scores: Mapping[str, int], rotation_index: int) -> str:
    """One tip for the end of a pause; pass a counter (e.g. pauses so far) to rotate.

    Never None: when no pattern stands out (or there are no scores yet) a general tip comes
    instead, so a pause ends with the same kind of closing line for everyone. A caller that
    wants tips only after a reflection checks `leading_patterns(scores)` first.
    """
    tips = tips_in_turn(scores)
    return tips[rotation_index % len(tips)]


def all_texts() -> tuple[str, ...]:
    """Every user-visible text here (source language), for tone checks."""
    texts: list[str] = [step.label for step in SCALE]
    for pattern in PATTERNS.values():
        texts += [pattern.title, pattern.gist, pattern.description]
        texts += [s.text for s in pattern.statements]
        texts += pattern.tips
    texts += GENERAL_TIPS
    return tuple(texts)
