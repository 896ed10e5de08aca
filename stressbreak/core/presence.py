"""When a due reminder may appear: not in a call, a presentation or full-screen work, not
while the desktop says "do not disturb", not in the middle of a sentence, and not at all when
the person already stepped away (that was a natural pause).

Plain rules over observations the gate (app/gate.py) gathers now and then (idle seconds, and which
holds are active); no clock, no I/O, so every case is a unit test on made-up readings.

With a shared folder (issue 18) the person may be away from this computer while typing on
another one. Each computer tells the others when it was in use (`ActiveSpan`, kept in its
`computer-<cid>.json`), and `pause_across_computers` decides what a time away from this computer
was for the person. The rules:

- Only the part of the absence *at its end* during which no other computer was in use is a
  pause: time away from here while typing elsewhere is not one.
- That part is a natural pause when it is at least a pause's length.
- The computer where the person comes back records it (the one whose absence ends with the
  gap). Every gap in the person's activity ends with a return to exactly one computer, so one
  real pause is recorded once: a gap in the middle of this computer's absence ended with a
  return elsewhere, and that computer records it.
- Clocks of computers differ by a few seconds: activity elsewhere that ends or begins within
  `SKEW` of the edges of the absence is taken as lying outside it, so a few seconds never
  decide whether another computer counts, only (by as much) how long the pause was.
- A span still open (the other computer last said "in use") is believed for `OPEN_TRUSTED`
  after its start at most: its app may have been killed, or the computer put to sleep, and its
  file then says what it last wrote. A computer in use renews its open span every
  `RENEW_OPEN` (the gate, at a reading that finds the person there, even in a long call), so
  a live one is never older than that.

Rare cases that still give zero or two records: coming back to two computers within `SKEW`
of each other (each takes the other's return for its own, two records); a computer whose news
has not arrived through the sync tool yet when the person comes back here (its last word
counts: zero when it still said "in use", a longer pause when it had not yet said so); and a
return to a computer without an idle source, or with natural breaks off (zero).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

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
SKEW = timedelta(seconds=30)  # computers' clocks may differ this much (NTP keeps them closer)
# A computer in use renews its open span this often; an open span is believed this long after
# its start: a renewal missed (a reading lost to a busy moment) still counts, while a laptop
# closed in use silences the other computers' natural pauses for an hour at most.
RENEW_OPEN = timedelta(minutes=30)
OPEN_TRUSTED = 2 * RENEW_OPEN


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
class ActiveSpan:
    """A stretch in which the person used one computer: from coming back (or the app's start)
    to the last input before leaving. `end` None: in use now, as far as it last said."""

    computer: str  # its id; "" for this computer (the shared folder knows its own id)
    start: datetime
    end: datetime | None = None


def pause_across_computers(
    pause: NaturalPause, elsewhere: Sequence[ActiveSpan], pause_s: float
) -> NaturalPause | None:
    """What a time away from this computer was for the person, given when the other
    computers were in use (see the module's rules): the natural pause that ends with the
    return here, or None when another computer was in use up to the return or the quiet
    stretch before it is shorter than `pause_s`."""
    start, end = _utc(pause.started_at), _utc(pause.ended_at)
    since = start
    for span in elsewhere:
        began = _utc(span.start)
        ended = min(end, began + OPEN_TRUSTED if span.end is None else _utc(span.end))
        if began >= end - SKEW or ended <= start + SKEW or ended < began:
            continue  # after the return here, before the leaving, or nonsense
        if ended >= end - SKEW:
            return None  # in use elsewhere until the person came back here
        since = max(since, ended)
    if (end - since).total_seconds() < pause_s:
        return None
    if since == start:
        return pause
    return NaturalPause(since.astimezone(pause.started_at.tzinfo), pause.ended_at)


def _utc(moment: datetime) -> datetime:
    # Computers may write their times in different zones (a laptop on a trip).
    return moment.astimezone(UTC)


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
