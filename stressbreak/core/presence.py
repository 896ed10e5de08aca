"""When a due reminder may appear: not in a call, a presentation or full-screen work, not
while the desktop says "do not disturb", not in the middle of a sentence, and not at all when
the person already stepped away (that was a natural pause).

Plain rules over observations the gate (app/gate.py) gathers now and then (idle seconds, and which
holds are active); no clock, no I/O, so every case is a unit test on made-up readings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.settings import Settings

FULLSCREEN = "fullscreen"
DESKTOP_DND = "desktop-dnd"
MICROPHONE = "microphone"
CAMERA = "camera"
HOLDS = (FULLSCREEN, DESKTOP_DND, MICROPHONE, CAMERA)
MEETING = frozenset({MICROPHONE, CAMERA})

LULL_S = 3.0  # no key or mouse input this long: a sentence is finished, a reminder may come
GENTLE_STEP_S = 1  # how often a waiting reminder looks for that lull
RECHECK_S = 30  # how often a held or "away" reminder looks again (the issue: ≥ 30 s apart)
IDLE_POLL_S = 60  # idle readings while someone may be away (every 3 min at the desk)
AWAY_AFTER_S = 60  # idle this long at reminder time: not at the desk, the reminder waits


def hold_label(name: str) -> Message:
    """Why reminders wait, for the tooltip and `status`."""
    labels = {
        FULLSCREEN: QT_TRANSLATE_NOOP("presence", "a full-screen window"),
        DESKTOP_DND: QT_TRANSLATE_NOOP("presence", "the desktop's do-not-disturb"),
        MICROPHONE: QT_TRANSLATE_NOOP("presence", "a call (microphone in use)"),
        CAMERA: QT_TRANSLATE_NOOP("presence", "a call (camera in use)"),
    }
    return Message("presence", labels[name])


def active_holds(settings: Settings, checks: Mapping[str, bool | None]) -> tuple[str, ...]:
    """The holds that keep a reminder back now: observed active and wanted by the settings.
    A check that cannot tell (None) holds nothing: better a reminder than none at all."""
    wanted = {
        FULLSCREEN: settings.dnd_fullscreen,
        DESKTOP_DND: settings.dnd_desktop,
        MICROPHONE: settings.meeting_aware,
        CAMERA: settings.meeting_aware,
    }
    return tuple(name for name in HOLDS if wanted[name] and checks.get(name) is True)


@dataclass(frozen=True)
class NaturalPause:
    """Away from keyboard and mouse for at least a pause's length."""

    started_at: datetime  # the last input before leaving
    ended_at: datetime  # the first input after coming back (as near as the readings tell)


@dataclass(frozen=True)
class ActiveSpan:
    """A stretch in which the person was at one computer (issue 18): `computer` is its id in
    the shared folder ("" for this computer), `end` None while they are still there."""

    computer: str
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class Away:
    """Time away from the desk, pieced together from occasional idle readings.

    An idle reading says "the last input was `idle_s` ago", so even readings a minute apart
    give the start of an absence to the second; its end is known to within one reading.
    """

    since: datetime | None = None  # the last input before the current absence

    def observe(
        self, now: datetime, idle_s: float, pause_s: float
    ) -> tuple[Away, NaturalPause | None]:
        last_input = now - timedelta(seconds=idle_s)
        if idle_s >= min(pause_s, AWAY_AFTER_S):
            # Still away (or just left): keep the earliest start seen.
            since = last_input if self.since is None else min(self.since, last_input)
            return Away(since), None
        if self.since is None:
            return self, None
        # Back: the absence ran from `since` to the input that ended it.
        if (last_input - self.since).total_seconds() >= pause_s:
            return Away(), NaturalPause(self.since, last_input)
        return Away(), None


@dataclass(frozen=True)
class Decision:
    """What to do with a due reminder now."""

    show: bool
    wait_s: int = 0  # when not shown: look again after this long
    holds: tuple[str, ...] = ()  # what holds it (empty when it only waits for a lull)
    away: bool = False  # the person is not at the desk


def decide(
    settings: Settings,
    *,
    due_since: datetime,
    now: datetime,
    idle_s: float | None,
    holds: tuple[str, ...],
) -> Decision:
    """Show a due reminder now, or wait (and how long before looking again)."""
    if holds:
        return Decision(show=False, wait_s=RECHECK_S, holds=holds)
    if idle_s is None:
        return Decision(show=True)  # no idle source: the plain schedule
    if settings.natural_breaks and idle_s >= AWAY_AFTER_S:
        return Decision(show=False, wait_s=RECHECK_S, away=True)
    waited = (now - due_since).total_seconds()
    if settings.gentle_timing and idle_s < LULL_S and waited < settings.gentle_max_wait_s:
        return Decision(show=False, wait_s=GENTLE_STEP_S)
    return Decision(show=True)
