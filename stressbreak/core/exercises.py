"""The one-minute exercises besides breathing, as data, and how the next one is chosen.

A guided exercise is a few short prompts shown one after another, evenly over the pause.
Texts are English source strings marked for Qt's translation tools (see content.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stressbreak.core.breathing import ROTATE
from stressbreak.core.messages import QT_TRANSLATE_NOOP

BREATHING = "breathing"  # the breathing pacer (its pattern comes from the breathing setting)
WIND_DOWN = "wind_down"  # the evening minute (the wind_down setting), never a daytime pause


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    intro: str
    steps: tuple[str, ...] = ()  # empty for breathing, which the pacer guides
    uses_values: bool = False  # shows the user's own values beside the prompts

    def step_at(self, elapsed_s: float, duration_s: float) -> tuple[int, float]:
        """The prompt shown at `elapsed_s` and the progress (0..1) through it."""
        if not self.steps:
            return 0, 0.0
        share = duration_s / len(self.steps)
        index = min(len(self.steps) - 1, int(max(0.0, elapsed_s) // share))
        progress = min(1.0, (max(0.0, elapsed_s) - index * share) / share)
        return index, progress


EXERCISES: dict[str, Exercise] = {
    e.id: e
    for e in (
        Exercise(
            BREATHING,
            QT_TRANSLATE_NOOP("exercises", "Breathing"),
            QT_TRANSLATE_NOOP("exercises",
                              "Breathe along with the circle. Nothing else needs you now."),
        ),
        Exercise(
            "body_check",
            QT_TRANSLATE_NOOP("exercises", "Body check"),
            QT_TRANSLATE_NOOP("exercises", "Only notice, without judging; that alone helps you "
                                           "settle. Nothing needs to change."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice your jaw and your face. Tight, loose, "
                                  "somewhere in between?"),
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice your shoulders and your hands. "
                                  "Just see what is there."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice your breath, quick or slow, high or low. "
                                  "Let it be as it is."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice your belly. Whatever you find may be there."),
            ),
        ),
        Exercise(
            "anchor",
            QT_TRANSLATE_NOOP("exercises", "Dropping anchor"),
            QT_TRANSLATE_NOOP("exercises",
                              "When thoughts and feelings pull hard, drop an anchor."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice what is here inside you: a thought, a feeling, "
                                  "an urge. Name it quietly."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Come back into your body: press your feet into the floor "
                                  "and your hands together."),
                QT_TRANSLATE_NOOP("exercises", "Look around you and name three things you see."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Listen and name two things you hear. You are here, now."),
            ),
        ),
        Exercise(
            "make_room",
            QT_TRANSLATE_NOOP("exercises", "Making room"),
            QT_TRANSLATE_NOOP("exercises", "Make room for a feeling, without fixing it."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Find a feeling that is uncomfortable right now. "
                                  "Where in your body do you feel it?"),
                QT_TRANSLATE_NOOP("exercises",
                                  "Breathe towards it, as if your breath could flow "
                                  "around it."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Let it be there. You don't have to like it; "
                                  "only allow it for a moment."),
                QT_TRANSLATE_NOOP("exercises",
                                  "It is there, and so are you. It can come along."),
            ),
        ),
        Exercise(
            "values",
            QT_TRANSLATE_NOOP("exercises", "Values moment"),
            QT_TRANSLATE_NOOP("exercises",
                              "Choose your next step from what matters to you, "
                              "not from the tension."),
            (
                QT_TRANSLATE_NOOP("exercises", "What matters to me in the next hour?"),
                QT_TRANSLATE_NOOP("exercises",
                                  "Which of the things you care about wants some room today?"),
                QT_TRANSLATE_NOOP("exercises", "What small step fits with that?"),
                QT_TRANSLATE_NOOP("exercises", "Take that one step with you."),
            ),
            uses_values=True,
        ),
        Exercise(
            "defusion",
            QT_TRANSLATE_NOOP("exercises", "Words, not facts"),
            QT_TRANSLATE_NOOP("exercises",
                              "Thoughts are words your mind makes, not orders or facts."),
            (
                QT_TRANSLATE_NOOP("exercises", "Notice a thought that keeps coming back."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Say to yourself: “I notice I'm having the thought that …”"),
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice the little space this puts between you "
                                  "and the thought."),
                QT_TRANSLATE_NOOP("exercises",
                                  "The thought may stay. You choose what you do next."),
            ),
        ),
        Exercise(
            "limit",
            QT_TRANSLATE_NOOP("exercises", "Feel your limit, name it"),
            QT_TRANSLATE_NOOP("exercises",
                              "“Too much” often shows in the body before the head "
                              "admits it."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Think of something that asks a lot of you today. Where in "
                                  "your body does “too much” show?"),
                QT_TRANSLATE_NOOP("exercises",
                                  "A tight throat, a heavy chest, a clenched jaw? Notice it, "
                                  "without arguing with it."),
                QT_TRANSLATE_NOOP("exercises",
                                  "This is your limit making itself felt. It may be there."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Find one sentence you could say, such as: “I can do this "
                                  "tomorrow, not today.”"),
            ),
        ),
        Exercise(
            "worry",
            QT_TRANSLATE_NOOP("exercises", "When the worrying comes back"),
            QT_TRANSLATE_NOOP("exercises",
                              "Worrying and doom-thinking are your mind's way of trying to "
                              "keep you safe. You don't have to go along."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice the thought that keeps returning. Don't go into it; "
                                  "only see that it is there."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Give it a kind name: “There is the worrying again.” Or: "
                                  "“Ah, the doom story.”"),
                QT_TRANSLATE_NOOP("exercises",
                                  "Picture it on a leaf drifting down a stream. Or give it a "
                                  "time later today to come back to."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Now come back to your senses: feel your feet, hear one "
                                  "sound, see one colour."),
            ),
        ),
        Exercise(
            "rest_allowed",
            QT_TRANSLATE_NOOP("exercises", "Rest you don't have to earn"),
            QT_TRANSLATE_NOOP("exercises",
                              "Rest is not a prize for a finished list. It is part of how "
                              "you keep going."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Notice what comes up when you stop: restlessness, guilt, "
                                  "a list in your head. Let it be there."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Where do you feel the urge to get going again? Breathe out "
                                  "slowly, towards that place."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Tell yourself: “This minute is part of the work, not time "
                                  "taken from it.”"),
                QT_TRANSLATE_NOOP("exercises",
                                  "The list will still be there in a minute. For now you may "
                                  "simply sit."),
            ),
        ),
        Exercise(
            WIND_DOWN,
            QT_TRANSLATE_NOOP("exercises", "Letting the day go"),
            QT_TRANSLATE_NOOP("exercises",
                              "A minute for the evening: slow breathing, and leaving what can "
                              "wait until tomorrow."),
            (
                QT_TRANSLATE_NOOP("exercises",
                                  "Breathe in through your nose for about four counts, and out "
                                  "slowly for six. The out-breath is the longest."),
                QT_TRANSLATE_NOOP("exercises",
                                  "Keep breathing like this. With each out-breath, let your "
                                  "shoulders sink a little."),
                QT_TRANSLATE_NOOP("exercises",
                                  "What can wait until tomorrow? Name it, and put it down "
                                  "for tonight."),
                QT_TRANSLATE_NOOP("exercises",
                                  "The day is done, just as it is. Breathe out, and let it go."),
            ),
        ),
    )
}
# What a pause may offer by day: the `exercise` setting's choices and the rotation. The
# wind-down belongs to the evening minute only; a pause at work that asks to let the day go
# would be out of place.
ORDER: tuple[str, ...] = tuple(e for e in EXERCISES if e != WIND_DOWN)


def choose_exercise(
    choice: str, favourites: Iterable[str], hidden: Iterable[str], last_used: str | None
) -> Exercise:
    """The exercise for the next pause.

    `choice` is the `exercise` setting, or an exercise id a pause asks for itself (the evening
    minute asks for WIND_DOWN). A chosen exercise is used unless the user asked never to see
    it again (then breathing).
    With "rotate", each exercise comes in turn after the last used one: only the favourites
    when there are any, never the hidden ones, and breathing when nothing else is left.
    """
    never = set(hidden)
    if choice != ROTATE:
        return EXERCISES[choice if choice in EXERCISES and choice not in never else BREATHING]
    liked = [e for e in ORDER if e in set(favourites) and e not in never]
    pool = liked or [e for e in ORDER if e not in never] or [BREATHING]
    if last_used in pool:
        return EXERCISES[pool[(pool.index(last_used) + 1) % len(pool)]]
    later = [e for e in pool if last_used in ORDER and ORDER.index(e) > ORDER.index(last_used)]
    return EXERCISES[(later or pool)[0]]
