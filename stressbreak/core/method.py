""""Why this works": the idea behind StressBreak, as a short page of sections.

Written in our own words from the stress-coaching method the app follows: a body stuck in
"on", why resting alone does not switch it off, the signs of it, how a minute of regulation
grows into recovery over weeks, and the method's two key ideas. Readable in about a minute.

Texts are English source strings marked for Qt's translation tools; the window translates
them with `QCoreApplication.translate(CONTEXT, text)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from stressbreak.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "method"


@dataclass(frozen=True)
class Idea:
    """One of the method's key ideas: said in a line, then put in a few words."""

    lead: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()  # a short list after the paragraphs
    ideas: tuple[Idea, ...] = ()


TITLE = QT_TRANSLATE_NOOP("method", "Why this works")

SECTIONS: tuple[Section, ...] = (
    Section(
        QT_TRANSLATE_NOOP("method", "Stuck in \"on\""),
        (QT_TRANSLATE_NOOP(
            "method", "When stress lasts, your body can stay in action mode, even once you "
                      "stop. You may notice it as:"),),
        (
            QT_TRANSLATE_NOOP("method", "rumination and doom-thinking: thoughts that keep "
                                        "circling, or jump to the worst case"),
            QT_TRANSLATE_NOOP("method", "tension while you are doing nothing"),
            QT_TRANSLATE_NOOP("method", "trouble falling asleep or sleeping through"),
            QT_TRANSLATE_NOOP("method", "guilt or restlessness as soon as you rest"),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("method", "Rest needs safety first"),
        (QT_TRANSLATE_NOOP(
            "method", "Sitting still or scrolling does not switch that state off. Rest only "
                      "works once your body feels safe, and that safety comes from regulation: "
                      "a slower breath, noticing your body, landing in the here and now. A "
                      "one-minute pause is exactly that."),),
    ),
    Section(
        QT_TRANSLATE_NOOP("method", "Two ideas to hold on to"),
        ideas=(
            Idea(QT_TRANSLATE_NOOP("method", "Noticing without judging is already "
                                             "regulation."),
                 QT_TRANSLATE_NOOP("method", "When you simply see how your breath and body "
                                             "are, without wanting to fix anything, your "
                                             "system settles a little.")),
            Idea(QT_TRANSLATE_NOOP("method", "Rest does not wait until the stress is gone."),
                 QT_TRANSLATE_NOOP("method", "Resting means that you choose what you do "
                                             "next, not your tension or your fear.")),
        ),
    ),
    Section(
        QT_TRANSLATE_NOOP("method", "From a calm moment to real recovery"),
        (QT_TRANSLATE_NOOP(
            "method", "One pause calms the surface for a while. Repeated day after day, your "
                      "body learns that it may switch off. Over weeks and months sleep, energy "
                      "and focus come back."),),
    ),
)

# Said last, apart from the sections.
CARE_NOTE = QT_TRANSLATE_NOOP(
    "method", "StressBreak is not a medical device. If complaints last, such as poor sleep or "
              "exhaustion, talk to your GP or a psychologist.")
