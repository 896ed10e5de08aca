"""The gate a due reminder passes: it waits during a call, a presentation, full-screen work or
the desktop's do-not-disturb; it waits for a lull in typing; and it is not needed at all when
the person already stepped away (a natural pause).

The rules are in core/presence.py; this object asks the idle and presence sources when the
rules need an answer, with one single-shot timer for looking again. Between reminders it
reads the idle time once a minute (one cheap X11 round trip), so that time away from the desk
restarts the interval even when no reminder was due.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from stressbreak.core.clock import Clock
from stressbreak.core.presence import (
    AWAY_AFTER_S,
    CAMERA,
    DESKTOP_DND,
    FULLSCREEN,
    IDLE_POLL_S,
    MEETING,
    MICROPHONE,
    Away,
    active_holds,
    decide,
)
from stressbreak.core.settings import Settings
from stressbreak.services.idle import IdleProbe
from stressbreak.services.presence import Backends, PresenceSource

log = logging.getLogger(__name__)


class ReminderGate(QObject):
    open = Signal(bool)  # show the reminder now; True: a call just ended
    natural_pause = Signal(object)  # core.presence.NaturalPause
    holds_changed = Signal()
    call_ended = Signal()  # a call seen between reminders is over: a moment to offer a pause

    def __init__(
        self,
        clock: Clock,
        settings: Callable[[], Settings],
        pause_s: Callable[[], float],
        *,
        idle: IdleProbe | None,
        presence: Backends | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._settings = settings
        self._pause_s = pause_s
        self._idle = idle.source if idle is not None else None
        self._presence = presence
        self._due_since: datetime | None = None
        self._held_by_meeting = False
        self._call_seen = False  # a call was on at the last idle reading
        self._away = Away()
        self.holds: tuple[str, ...] = ()
        self.details: dict[str, str] = {}  # hold → who holds it ("Firefox"), where known
        self._look_again = QTimer(self)
        self._look_again.setSingleShot(True)
        self._look_again.timeout.connect(self.look)
        self._idle_poll = QTimer(self)
        self._idle_poll.setInterval(IDLE_POLL_S * 1000)
        self._idle_poll.timeout.connect(self._poll_idle)

    # -- what the controller asks ---------------------------------------------------------

    @property
    def waiting(self) -> bool:
        """A due reminder waits here (the schedule then has nothing to fire)."""
        return self._due_since is not None

    @property
    def has_idle_source(self) -> bool:
        return self._idle is not None

    def start(self) -> None:
        self.settings_changed()

    def stop(self) -> None:
        self._look_again.stop()
        self._idle_poll.stop()
        self._due_since = None
        if self._idle is not None:
            self._idle.close()

    def settings_changed(self) -> None:
        if self._idle is not None and self._settings().natural_breaks:
            if not self._idle_poll.isActive():
                self._idle_poll.start()
        else:
            self._idle_poll.stop()
            self._away = Away()

    def reminder_due(self) -> None:
        if self._due_since is None:
            self._due_since = self._clock.now()
        self.look()

    def cancel(self) -> None:
        """No reminder any more (quiet, out of working hours, a pause started by hand)."""
        self._due_since = None
        self._look_again.stop()
        self._set_holds((), {})

    # -- looking --------------------------------------------------------------------------

    def look(self) -> None:
        if self._due_since is None:
            return
        settings = self._settings()
        now = self._clock.now()
        checks, details = self._checks(settings)
        holds = active_holds(settings, checks)
        idle_s = self._idle_seconds(settings)
        if holds:
            # No input during a call or a film is attention, not absence.
            self._away = Away()
        elif self._held_by_meeting:
            # The call just ended: offer the pause now (the issue asks within a minute),
            # whatever the idle time says.
            self._held_by_meeting = False
            self._due_since = None
            self._set_holds((), {})
            self.open.emit(True)
            return
        elif idle_s is not None and settings.natural_breaks:
            self._away, natural = self._away.observe(now, idle_s, self._pause_s())
            if natural is not None:
                self._due_since = None
                self._set_holds((), {})
                self.natural_pause.emit(natural)
                return
        decision = decide(settings, due_since=self._due_since, now=now, idle_s=idle_s,
                          holds=holds)
        self._set_holds(decision.holds, {k: v for k, v in details.items()
                                         if k in decision.holds})
        if any(hold in MEETING for hold in decision.holds):
            self._held_by_meeting = True
        if not decision.show:
            self._look_again.start(decision.wait_s * 1000)
            return
        self._due_since = None
        self.open.emit(False)

    def _poll_idle(self) -> None:
        if self._idle is None or self._due_since is not None:
            return  # while a reminder waits, look() reads the idle time itself
        idle_s = self._idle.idle_seconds()
        if idle_s is None:
            return
        # The microphone and camera are asked only while no key was touched for a minute,
        # or while a call seen then may still be on: a subprocess now and then, not always.
        if idle_s >= AWAY_AFTER_S or self._call_seen:
            in_call = self._in_a_call()
            if in_call:
                self._call_seen = True
                self._away = Away()  # listening in a call is not a pause
                return
            if self._call_seen:
                self._call_seen = False
                self.call_ended.emit()
        self._away, natural = self._away.observe(self._clock.now(), idle_s, self._pause_s())
        if natural is not None:
            self.natural_pause.emit(natural)

    def _in_a_call(self) -> bool:
        """Asked only while no key was touched for a minute: a subprocess, now and then."""
        settings = self._settings()
        if not settings.meeting_aware:
            return False
        checks, _details = self._checks(replace(settings, dnd_fullscreen=False,
                                                dnd_desktop=False))
        return any(checks.get(name) is True for name in MEETING)

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

