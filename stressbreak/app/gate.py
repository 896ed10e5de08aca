"""The gate a due reminder passes: it waits during a call, a presentation, full-screen work or
the desktop's do-not-disturb; it waits for a lull in typing; and it is not needed at all when
the person already stepped away (a natural pause).

The rules are in core/presence.py; this object asks the idle and presence sources when the
rules need an answer, with one single-shot timer for looking again. Between reminders it
reads the idle time now and then (one cheap X11 round trip): every 3 minutes at the desk,
every minute once no key was touched for a while, so that time away from the desk restarts
the interval even when no reminder was due, at a few wake-ups an hour.

The sources are found only when first needed (`Sources`): probing them loads libraries and
asks the session bus, which at start-up would delay the tray icon.

With a shared folder (issue 18) the person's other computers count too. The gate tells them
when the person uses this one (`activity`: an `ActiveSpan` with end None when a reading finds
the person back, the same span closed at the last input when a reading finds them gone for
`AWAY_AFTER_S`): state changes only, so at most two per real time away, none for the short
spells between keystrokes that the readings see while a reminder waits for a lull, and the
open span renewed (closed and opened again) every `RENEW_OPEN` while the person stays. A
natural pause that ends here is then measured against the others' spans (`elsewhere`, rules
in core/presence.py): away from here while typing there is not one. Whether a due reminder
waits because the person is away stays this computer's own reading: the person is not here,
so it is not shown here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from stressbreak.core.clock import Clock
from stressbreak.core.presence import (
    AWAY_AFTER_S,
    CAMERA,
    DESKTOP_DND,
    FULLSCREEN,
    IDLE_POLL_S,
    LULL_S,
    MEETING,
    MICROPHONE,
    RENEW_OPEN,
    ActiveSpan,
    Away,
    NaturalPause,
    active_holds,
    decide,
    pause_across_computers,
)
from stressbreak.core.settings import Settings

if TYPE_CHECKING:
    # Types only: services/presence.py loads ctypes, which waits until sources are needed.
    from stressbreak.services.idle import IdleProbe, IdleSource
    from stressbreak.services.presence import Backends, PresenceSource

log = logging.getLogger(__name__)

# What detection finds: an idle-time source (or why none) and the presence checks.
Sources = tuple["IdleProbe", "Backends"]
_LEAVING_S = 20.0  # idle this long at a reading: maybe leaving, so read again sooner
_AT_DESK_POLL_S = 3 * IDLE_POLL_S  # between readings while someone is at the desk
_DETECT_AFTER_MS = 3000


class ReminderGate(QObject):
    open = Signal(bool)  # show the reminder now; True: a call just ended
    natural_pause = Signal(object)  # core.presence.NaturalPause
    holds_changed = Signal()
    call_ended = Signal()  # a call seen between reminders is over: a moment to offer a pause
    activity = Signal(object)  # core.presence.ActiveSpan of this computer (computer "")

    def __init__(
        self,
        clock: Clock,
        settings: Callable[[], Settings],
        pause_s: Callable[[], float],
        *,
        idle: IdleProbe | None = None,
        presence: Backends | None = None,
        detect: Callable[[], Sources] | None = None,
        elsewhere: Callable[[], Sequence[ActiveSpan]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Give the sources (`idle`, `presence`), or `detect` to find them when first
        needed; `elsewhere` gives the other computers' activity (none without it)."""
        super().__init__(parent)
        self._clock = clock
        self._settings = settings
        self._pause_s = pause_s
        self._detect = detect
        self.idle_probe = idle
        self.presence = presence
        self._idle: IdleSource | None = idle.source if idle is not None else None
        self._presence = presence
        self._due_since: datetime | None = None
        self._lull_watched = False  # the idle source was asked to tell spells of LULL_S
        self._held_by_meeting = False
        self._call_seen = False  # a call was on at the last idle reading
        self._away = Away()
        self._elsewhere = elsewhere
        self._here: ActiveSpan | None = None  # the span announced open: the person is here
        self.holds: tuple[str, ...] = ()
        self.details: dict[str, str] = {}  # hold → who holds it ("Firefox"), where known
        self._look_again = QTimer(self)
        self._look_again.setSingleShot(True)
        self._look_again.timeout.connect(self.look)
        self._idle_poll = QTimer(self)
        self._idle_poll.setSingleShot(True)  # re-armed after each reading, see read_idle
        self._idle_poll.timeout.connect(self.read_idle)

    # -- what the app asks ----------------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """A due reminder waits here (the schedule then has nothing to fire)."""
        return self._due_since is not None

    @property
    def due_since(self) -> datetime | None:
        """When the reminder that waits here came due (None: none waits)."""
        return self._due_since

    @property
    def held_by_a_call(self) -> bool:
        """The waiting reminder is held by a call: it comes as soon as the call ends."""
        return self._held_by_meeting

    @property
    def looks_again_in_ms(self) -> int | None:
        """When a waiting reminder looks at the desktop again (None: it does not)."""
        return self._look_again.interval() if self._look_again.isActive() else None

    @property
    def reads_idle_in_ms(self) -> int | None:
        """When the idle time is read next between reminders (None: it is not read)."""
        return self._idle_poll.interval() if self._idle_poll.isActive() else None

    def start(self) -> None:
        # The sources are found a few seconds after start: after the tray icon and the first
        # look of the schedule, before anything needs them, and not inside the quiet hours
        # of the day (their probing starts D-Bus and loads libraries).
        if self._detect is not None:
            QTimer.singleShot(_DETECT_AFTER_MS, self, self.sources)
        self.settings_changed()

    def stop(self) -> None:
        # The sources stay open: a stopped controller may start again (they live as long as
        # the process, and the operating system closes them with it).
        self._look_again.stop()
        self._idle_poll.stop()
        self._set_due(None)
        self._no_more_readings()

    def sources(self) -> None:
        """Find the idle and presence sources now, if that was left for later."""
        if self._detect is not None:
            detect, self._detect = self._detect, None
            self.idle_probe, self.presence = detect()
            self._idle = self.idle_probe.source
            self._presence = self.presence

    def settings_changed(self) -> None:
        maybe_idle = self._idle is not None or self._detect is not None
        if maybe_idle and self._settings().natural_breaks:
            if not self._idle_poll.isActive():
                self._idle_poll.start(_AT_DESK_POLL_S * 1000)
        else:
            self._idle_poll.stop()
            self._away = Away()
            self._no_more_readings()

    def reminder_due(self) -> None:
        if self._due_since is None:
            self._set_due(self._clock.now())
        self.look()

    def cancel(self) -> None:
        """No reminder any more (quiet, out of working hours, a pause started by hand)."""
        self._set_due(None)
        self._look_again.stop()
        self._set_holds((), {})

    # -- looking --------------------------------------------------------------------------

    def look(self) -> None:
        if self._due_since is None:
            return
        self.sources()
        settings = self._settings()
        now = self._clock.now()
        checks, details = self._checks(settings)
        holds = active_holds(settings, checks)
        idle_s = self._idle_seconds(settings)
        if holds:
            # No input during a call or a film is attention, not absence.
            self._away = Away()
            self._back(now)
        elif self._held_by_meeting:
            # The call just ended: offer the pause now (the issue asks within a minute),
            # whatever the idle time says.
            self._held_by_meeting = False
            self._set_due(None)
            self._set_holds((), {})
            self.open.emit(True)
            return
        elif idle_s is not None and settings.natural_breaks:
            natural = self._observe(now, idle_s)
            if natural is not None:
                self._set_due(None)
                self._set_holds((), {})
                self.natural_pause.emit(natural)
                return
        decision = decide(settings, due_since=self._due_since, now=now, idle_s=idle_s,
                          holds=holds)
        self._set_holds(decision.holds, {k: v for k, v in details.items()
                                         if k in decision.holds})
        if any(hold in MEETING for hold in decision.holds):
            self._held_by_meeting = True
        self._watch_for_lull(not (decision.show or decision.holds or decision.away))
        if not decision.show:
            self._look_again.start(decision.wait_s * 1000)
            return
        self._set_due(None)
        self.open.emit(False)

    def read_idle(self) -> None:
        """Read the idle time now (its timer does this every one to three minutes): a return
        after a pause's length away is a natural pause."""
        self.sources()
        if self._idle is None:
            return  # no idle time on this desktop: no more readings
        idle_s = None if self._due_since is not None else self._idle.idle_seconds()
        # At the desk a reading every 3 minutes is enough; once nothing was touched for a
        # while (or someone is away) every minute, to see the return to within a minute.
        soon = idle_s is not None and (idle_s >= _LEAVING_S or self._away.since is not None)
        self._idle_poll.start((IDLE_POLL_S if soon or self._call_seen else _AT_DESK_POLL_S)
                              * 1000)
        if idle_s is None:
            return  # unknown now, or a reminder waits and look() reads it itself
        # The microphone and camera are asked only while no key was touched for a minute,
        # or while a call seen then may still be on: a subprocess now and then, not always.
        if idle_s >= AWAY_AFTER_S or self._call_seen:
            in_call = self._in_a_call()
            if in_call:
                self._call_seen = True
                self._away = Away()  # listening in a call is not a pause
                self._back(self._clock.now())
                return
            if self._call_seen:
                self._call_seen = False
                self.call_ended.emit()
        natural = self._observe(self._clock.now(), idle_s)
        if natural is not None:
            self.natural_pause.emit(natural)

    # -- time away, here and elsewhere ----------------------------------------------------

    def _observe(self, now: datetime, idle_s: float) -> NaturalPause | None:
        """One idle reading: the time away it completes, as the person's pause (None when
        the absence was short, or the person was using another computer meanwhile)."""
        pause_s = self._pause_s()
        self._away, natural = self._away.observe(now, idle_s, pause_s)
        if self._away.since is not None:
            if idle_s >= AWAY_AFTER_S:
                self._left(self._away.since)
        else:
            self._back(natural.ended_at if natural is not None
                       else now - timedelta(seconds=idle_s))
        if natural is not None and self._elsewhere is not None:
            natural = pause_across_computers(natural, self._elsewhere(), pause_s)
        return natural

    def _back(self, since: datetime) -> None:
        """The person is here, in use since `since` (or earlier)."""
        if self._here is None:
            self._here = ActiveSpan("", since)
            self.activity.emit(self._here)
        elif since - self._here.start >= RENEW_OPEN:
            # Renewed now and then: the others believe an open span only so long, as it
            # may be the last word of a computer put to sleep in use.
            self._left(since)
            self._back(since)

    def _left(self, last_input: datetime) -> None:
        if self._here is not None:
            span = replace(self._here, end=max(last_input, self._here.start))
            self._here = None
            self.activity.emit(span)

    def _no_more_readings(self) -> None:
        # Without readings nothing tells when the person leaves: the span ends now rather
        # than stay open in the others' eyes.
        self._left(self._clock.now())

    def _in_a_call(self) -> bool:
        """Asked only while no key was touched for a minute: a subprocess, now and then."""
        settings = self._settings()
        if not settings.meeting_aware:
            return False
        checks, _details = self._checks(replace(settings, dnd_fullscreen=False,
                                                dnd_desktop=False))
        return any(checks.get(name) is True for name in MEETING)

    def _set_due(self, since: datetime | None) -> None:
        self._due_since = since
        if since is None:
            self._watch_for_lull(False)

    def _watch_for_lull(self, on: bool) -> None:
        # Only a reminder that waits for a pause in typing needs spells of a few seconds. The
        # Wayland source then watches them too, which wakes the app at each pause in typing:
        # not while a call or a film holds the reminder, nor once it is decided.
        if on != self._lull_watched and self._idle is not None:
            self._idle.notice_within(LULL_S if on else None)
            self._lull_watched = on

    def _idle_seconds(self, settings: Settings) -> float | None:
        if self._idle is None or not (settings.natural_breaks or settings.gentle_timing):
            return None
        return self._idle.idle_seconds()

    def _checks(self, settings: Settings) -> tuple[dict[str, bool | None], dict[str, str]]:
        """Ask only the sources the settings want: each costs a little (a subprocess for
        the microphone, a look through /proc for the camera)."""
        presence = self._presence
        if presence is None:
            return {}, {}
        wanted: list[tuple[str, PresenceSource | None]] = []
        if settings.dnd_fullscreen:
            wanted.append((FULLSCREEN, presence.fullscreen))
        if settings.dnd_desktop:
            wanted.append((DESKTOP_DND, presence.desktop_dnd))
        if settings.meeting_aware:
            wanted += [(MICROPHONE, presence.microphone), (CAMERA, presence.camera)]
        checks: dict[str, bool | None] = {}
        details: dict[str, str] = {}
        for name, source in wanted:
            if source is None:
                continue
            try:
                check = source.check()
            except Exception:  # a broken backend must never keep reminders away
                log.exception("checking %s failed", name)
                continue
            checks[name] = check.active
            if check.detail:
                details[name] = check.detail
        return checks, details

    def _set_holds(self, holds: tuple[str, ...], details: dict[str, str]) -> None:
        if holds != self.holds or details != self.details:
            self.holds = holds
            self.details = details
            self.holds_changed.emit()

