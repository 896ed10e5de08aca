"""Commands from the command line (`stressbreak pause`, `status`, ...) as the running app
answers them. What each command is and says is in core/commands.py, the one registry; here is
only how the app does it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from stressbreak.app.checkins import CheckIns
from stressbreak.app.detectors import (
    desktop_facts,
    detectors,
    detectors_facts,
    detectors_text,
)
from stressbreak.app.notices import Notices
from stressbreak.app.pauses import Pauses
from stressbreak.app.ports import Scheduler
from stressbreak.app.reminders import Reminders
from stressbreak.app.settings import AppSettings
from stressbreak.app.welcome import Welcome
from stressbreak.app.your_data import YourData
from stressbreak.core.clock import Clock
from stressbreak.core.commands import COMMANDS, Reply, Request
from stressbreak.core.messages import message_of
from stressbreak.services.i18n import translate_message

if TYPE_CHECKING:
    from stressbreak.core.sharing import SharingStatus


class CommandDesk(QObject):
    """The running app's side of core.commands.Actions."""

    quit_requested = Signal()

    def __init__(
        self,
        *,
        clock: Clock,
        scheduler: Scheduler,
        notices: Notices,
        reminders: Reminders,
        pauses: Pauses,
        checkins: CheckIns,
        data: YourData,
        settings: AppSettings,
        welcome: Welcome,
        environ: Mapping[str, str],
        sharing: Callable[[], SharingStatus] | None = None,
        replay: Callable[[Sequence[float] | None], None] | None = None,
        heart: Callable[[], str | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._scheduler = scheduler
        self._notices = notices
        self._reminders = reminders
        self._pauses = pauses
        self._checkins = checkins
        self._data = data
        self._settings = settings
        self._welcome = welcome
        self._environ = environ  # the desktop's facts for status: session type, displays
        self._sharing = sharing  # the shared folder as it is now
        self._replay = replay  # a recording into the next pause (None: none)
        # Where the running pause's heart-rate source is (a SensorState value), or None.
        self._heart = heart

    def handle(self, request: Request) -> Reply:
        """The reply, in the user's language; a window the command opens comes after it, so
        the caller is answered before anything appears."""
        reply = COMMANDS[request.command].run(self, request, _after_reply)
        return replace(reply, message=translate_message(reply.message))

    # -- core.commands.Actions -------------------------------------------------------------

    def status_text(self) -> str:
        # Asking is explicit: the sources are found now if they were not yet, so that what
        # cannot work here is among the problems from the first second on.
        self._reminders.gate.sources()
        return self._notices.status_text()

    def sharing_text(self) -> str:
        from stressbreak.app.sharing import sharing_text  # noqa: PLC0415  (status only)

        if self._sharing is None:
            return ""
        return sharing_text(self._sharing(), self._clock.now())

    def detectors_text(self) -> str:
        gate = self._reminders.gate
        gate.sources()
        return detectors_text(detectors(gate.idle_probe, gate.presence), self._desktop())

    def _desktop(self) -> dict[str, Any]:
        return desktop_facts(self._environ, QGuiApplication.platformName())

    def status_facts(self) -> dict[str, Any]:
        """What `stressbreak status --json` prints: times in ISO 8601 with their offset."""

        now = self._clock.now()

        def iso(when: datetime | None) -> str | None:
            return None if when is None else when.astimezone(now.tzinfo).isoformat()

        gate = self._reminders.gate
        gate.sources()
        state = self._reminders.state
        quiet = state.quiet_until if state.is_quiet(now) else None
        return {
            "running": True,
            "now": iso(now),
            "next_pause": iso(self._scheduler.next_pause_at()),
            "next_checkin": iso(self._scheduler.next_checkin_at()),
            "quiet_until": iso(quiet),
            "pause_running": self._pauses.window is not None,
            # During a pause with a strap (or a recording): "searching", "receiving",
            # "absent", "lost", "unavailable" or (a recording ran out) "ended"; else null.
            "heart": None if self._heart is None else self._heart(),
            "holding": self._reminders.holding_reasons(),
            "problems": list(self._notices.problems),
            "detectors": detectors_facts(detectors(gate.idle_probe, gate.presence)),
            "desktop": self._desktop(),
            "sharing": self._sharing_facts(now),
        }

    def _sharing_facts(self, now: datetime) -> dict[str, Any] | None:
        from stressbreak.app.sharing import sharing_facts  # noqa: PLC0415  (status only)

        return None if self._sharing is None else sharing_facts(self._sharing(), now)

    def look_again(self) -> None:
        self._reminders.gate.look()

    def quiet_for(self, minutes: int) -> datetime:
        self._reminders.quiet_for(minutes)
        until = self._reminders.state.quiet_until
        assert until is not None
        return until.astimezone(self._clock.now().tzinfo)

    def resume(self) -> None:
        self._reminders.resume()

    def replay_into_next_pause(self, path: str) -> str | None:
        from stressbreak.services.heart_replay import (  # noqa: PLC0415  (asked rarely)
            RecordingError,
            read_recording,
        )

        try:
            rr = read_recording(Path(path))
        except RecordingError as exc:
            return message_of(exc)
        if self._replay is not None:
            self._replay(rr)
        return None

    def start_pause(self) -> None:
        self._pauses.start()
        # A recording is for the pause that opens now; a pause already running keeps its own.
        if self._replay is not None:
            self._replay(None)

    def open_checkin(self) -> None:
        self._checkins.open_by_hand()

    def open_day_rating(self) -> None:
        self._checkins.open_day_rating()

    def open_overview(self) -> None:
        self._data.open_overview()

    def open_settings(self) -> None:
        self._settings.open()

    def open_welcome(self) -> None:
        self._welcome.open()

    def import_file(self, path: str) -> tuple[bool, str]:
        return self._data.import_path(Path(path))

    def quit(self) -> None:
        self.quit_requested.emit()


def _after_reply(action: Callable[[], None]) -> None:
    QTimer.singleShot(0, action)
