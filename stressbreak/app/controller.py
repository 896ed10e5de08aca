"""StressBreak's coordinators, built from the collaborators and wired to each other and to the
tray. Each coordinator is one use case (see docs/ARCHITECTURE.md); this only connects them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QTimer, Signal

from stressbreak.app.checkins import CheckIns
from stressbreak.app.choices import Choices
from stressbreak.app.commands import CommandDesk
from stressbreak.app.gate import ReminderGate
from stressbreak.app.heart import Heart
from stressbreak.app.notices import Notices
from stressbreak.app.pace_finder import PaceFinder
from stressbreak.app.pauses import Pauses
from stressbreak.app.ports import Collaborators
from stressbreak.app.records import Records
from stressbreak.app.reminders import Reminders
from stressbreak.app.settings import AppSettings
from stressbreak.app.shortcuts import KeyShortcuts
from stressbreak.app.welcome import Welcome
from stressbreak.app.your_data import YourData
from stressbreak.core.messages import message_of
from stressbreak.core.model import CheckInOrigin, Record
from stressbreak.core.settings import Settings
from stressbreak.services.journal import JournalError

if TYPE_CHECKING:
    from stressbreak.app.sync import Sync
    from stressbreak.core.presence import ActiveSpan
    from stressbreak.core.sharing import FolderCheck, SharingStatus
    from stressbreak.services.heart_source import HeartSource


_NOT_YET = object()  # no shared folder applied yet (the app is starting)


class Controller(QObject):
    quit_requested = Signal()

    def __init__(self, world: Collaborators, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.world = world
        clock, tray = world.clock, world.tray
        self.notices = Notices(tray, self)
        tell = self.notices.tell
        self.records = Records(world.journal, tell)
        self.choices = Choices(world.prefs_store, tray, tell, self)
        self.shortcuts = KeyShortcuts(world.shortcuts, self.choices, self)
        # Both read as they are at each moment (the gate is made before either).
        def current() -> Settings:
            return self.settings.current

        def pause_s() -> float:
            return self.pauses.length_s()

        self.gate = ReminderGate(clock, current, pause_s, idle=world.idle,
                                 presence=world.presence, detect=world.detect_sources,
                                 elsewhere=world.elsewhere or self.active_elsewhere,
                                 parent=self)
        self.settings = AppSettings(
            store=world.settings_store, tray=tray, notifier=world.notifier, cues=world.cues,
            gate=self.gate, tell=tell, autostart=world.autostart,
            autostart_command=world.autostart_command, shortcuts=self.shortcuts,
            sharing=self.sharing_status, check_folder=self.check_folder,
            sensor_scan=world.sensor_scan, parent=self)
        self.notices.add_standing(self.settings.capability_problems)
        # A recording to replay into the next pause (`stressbreak pause --heart-rate-file`).
        self._recording: Sequence[float] | None = None
        self.heart = Heart(self.heart_source, self)
        self.pauses = Pauses(
            clock=clock, settings=current, choices=self.choices, records=self.records,
            cues=world.cues, platform_reduces_motion=world.platform_reduces_motion,
            heart=self.heart, parent=self)
        self.checkins = CheckIns(clock, self.choices, self.records, world.notifier, current,
                                 parent=self)
        self.reminders = Reminders(
            clock=clock, settings=current, scheduler=world.scheduler, tray=tray,
            notifier=world.notifier, gate=self.gate, pauses=self.pauses,
            checkins=self.checkins, records=self.records, here=self._computer_id, parent=self)
        self.pace_finder = PaceFinder(
            settings=self.settings, source_factory=self._strap,
            platform_reduces_motion=world.platform_reduces_motion, parent=self)
        self.data = YourData(clock, self.records, self.choices, self,
                             computer_names=self.computer_names)
        self.welcome = Welcome(clock=clock, settings=self.settings, choices=self.choices,
                               records=self.records, pauses=self.pauses, tray=tray,
                               shortcuts=self.shortcuts, parent=self)
        # Sharing the journal through a folder (app/sync.py): built only while the settings
        # name one, so that a user who does not share loads none of it.
        self.sync: Sync | None = None
        self._applied_folder: Path | object | None = _NOT_YET  # the folder applied last
        self.commands = CommandDesk(
            clock=clock, scheduler=world.scheduler, notices=self.notices,
            reminders=self.reminders, pauses=self.pauses, checkins=self.checkins,
            data=self.data, settings=self.settings, welcome=self.welcome,
            environ=world.environ, sharing=self.sharing_status, replay=self.replay_next,
            heart=self._heart_state, parent=self)
        self._connect()

    def _connect(self) -> None:
        tray = self.world.tray
        tray.pause_requested.connect(self.pauses.start)
        tray.checkin_requested.connect(self.checkins.open_by_hand)
        tray.overview_requested.connect(self.data.open_overview)
        tray.quiet_requested.connect(self.reminders.quiet_for)
        tray.quiet_until_tomorrow_requested.connect(self.reminders.quiet_until_tomorrow)
        tray.resume_requested.connect(self.reminders.resume)
        tray.values_requested.connect(self.checkins.open_values)
        tray.profile_requested.connect(self.checkins.open_profile)
        tray.day_rating_requested.connect(self.checkins.open_day_rating)
        tray.pace_finder_requested.connect(self.pace_finder.open)
        tray.settings_requested.connect(self.settings.open)
        tray.unhide_requested.connect(
            lambda: self.choices.save(self.choices.prefs.unhide_all()))
        self.notices.tray_shown.connect(self.welcome.tray_appeared)
        self.notices.tray_missing.connect(self.welcome.tray_missing)
        tray.welcome_requested.connect(self.welcome.open)
        tray.why_requested.connect(self.welcome.open_why)
        tray.quit_requested.connect(self.quit_requested.emit)
        # The desktop's keys: the same as the tray menu's entries, from anywhere.
        self.shortcuts.pause_requested.connect(self.pauses.start)
        self.shortcuts.checkin_requested.connect(self.checkins.open_by_hand)
        self.commands.quit_requested.connect(self.quit_requested.emit)
        self.settings.changed.connect(self.reminders.reschedule)
        self.settings.changed.connect(self.apply_sharing)
        # With a shared folder: when this computer is in use, for the others' natural pauses.
        self.gate.activity.connect(self.on_activity)
        # Once the pause's window has gone (a completed one stays a moment with Done).
        self.pauses.window_closed.connect(self._after_pause)
        self.pace_finder.breathing.connect(self.reminders.session_breathing)

    def start(self) -> None:
        self.notices.show_tray()
        self.settings.load()
        try:
            self.world.journal.start()
        except JournalError as exc:
            # Said in the tray, not only in a log nobody reads; reminders and pauses go on.
            self.notices.tell(message_of(exc))
        self.choices.load()
        self.shortcuts.start()
        # Sharing first: the rhythm carried over today tells this computer's records from
        # the others' in the journal.
        self.apply_sharing()
        self.reminders.start()
        if self.world.welcome_new_user:
            # From the loop, after a command StressBreak was started with (`stressbreak
            # pause`): a pause opened by it keeps the keyboard.
            QTimer.singleShot(0, self.welcome.greet_if_new)

    def stop(self) -> None:
        self.notices.stop()
        self.shortcuts.stop()
        self.pauses.end_early()  # recorded as ended early
        self.pace_finder.stop()  # its strap let go, as a closed window does
        self.reminders.stop()
        self._stop_sharing()
        self.world.journal.stop()
        self.world.tray.hide()

    def apply_sharing(self) -> None:
        """Start, move or stop sharing the journal as the settings say. Turning it off keeps
        everything (the local journal has it all); turning it on writes this computer's
        months into the folder once."""
        chosen = self.settings.current.shared_folder
        folder = Path(chosen).expanduser() if chosen else None
        # Chosen in the settings just now (not found at start): see SharedFolder.start.
        chosen_now, self._applied_folder = (self._applied_folder is not _NOT_YET
                                            and folder != self._applied_folder), folder
        if self.sync is not None and self.sync.folder != folder:
            self._stop_sharing()
        if self.sync is not None:
            self.sync.name_changed()
            return
        if folder is None or self.world.data_dir is None:
            return
        from stressbreak.app.sync import start_sharing  # noqa: PLC0415  (only when shared)

        sync = start_sharing(folder=folder, data_dir=self.world.data_dir, clock=self.world.clock,
                             records=self.records,
                             computer_name=lambda: self.settings.current.computer_name,
                             tell=self.notices.tell, chosen_now=chosen_now, parent=self)
        if sync is None:
            return
        self.sync = sync
        sync.records_arrived.connect(self.data.records_arrived)
        # The rhythm follows the person: a pause on another computer moves the next one here.
        sync.records_arrived.connect(self.reminders.records_from_elsewhere)
        self.data.all_deleted.connect(sync.all_deleted)
        self.data.imported.connect(sync.journal_changed)

    def _stop_sharing(self) -> None:
        sync, self.sync = self.sync, None
        if sync is None:
            return
        sync.records_arrived.disconnect(self.data.records_arrived)
        sync.records_arrived.disconnect(self.reminders.records_from_elsewhere)
        self.data.all_deleted.disconnect(sync.all_deleted)
        self.data.imported.disconnect(sync.journal_changed)
        sync.stop()
        sync.deleteLater()

    def _computer_id(self) -> str | None:
        """This computer's id in shared folders, if it ever had one (not made here)."""
        if self.sync is not None:
            return self.sync.computer_id
        if self.world.data_dir is None:
            return None
        from stressbreak.services.shared_folder import read_computer_id  # noqa: PLC0415

        return read_computer_id(self.world.data_dir)

    def sharing_status(self) -> SharingStatus:
        """The shared folder as it is now, for status and the settings window."""
        from stressbreak.app.sharing import sharing_status  # noqa: PLC0415  (asked rarely)

        return sharing_status(self.sync, self.settings.current, self.world.data_dir,
                              self.world.clock.now())

    def check_folder(self, chosen: str) -> FolderCheck:
        """Whether a folder chosen in the settings window can be the shared folder."""
        from stressbreak.app.sharing import check_folder  # noqa: PLC0415  (asked rarely)

        return check_folder(chosen, self.world.data_dir)

    def computer_names(self, records: Sequence[Record]) -> dict[str, str]:
        """Computer id -> name, for an export that says where each record was made: what
        sharing knows now, or (not sharing) what the folder in the settings and this
        computer's id tell, only read. Nothing is looked up when no record says."""
        if all(record.computer is None for record in records):
            return {}
        sync = self.sync
        if sync is not None:
            names = {cid: info.name for cid, info in sync.computers().items()}
            names[sync.computer_id] = sync.name()
            return names
        data_dir = self.world.data_dir
        if data_dir is None:
            return {}
        from stressbreak.services.computer_names import computer_names  # noqa: PLC0415

        chosen = self.settings.current.shared_folder
        return computer_names(data_dir, Path(chosen).expanduser() if chosen else None,
                              self.settings.current.computer_name)

    def active_elsewhere(self) -> list[ActiveSpan]:
        """The other computers' recent activity; none while nothing is shared. (For the
        gate's `elsewhere`: sharing may start and stop while the app runs.)"""
        return self.sync.active_elsewhere() if self.sync is not None else []

    def on_activity(self, span: ActiveSpan) -> None:
        """This computer's activity, for the other computers (while a folder is shared)."""
        if self.sync is not None:
            self.sync.on_activity(span)

    def replay_next(self, rr: Sequence[float] | None) -> None:
        """Replay this recording (RR seconds) into the next pause, for that pause only; None:
        no recording (one not taken by a pause is dropped)."""
        self._recording = rr

    def heart_source(self) -> HeartSource | None:
        """The heart-rate source for the pause that opens now: a recording asked for, else
        the strap (if one is set), else none."""
        recording, self._recording = self._recording, None
        if recording is not None:
            from stressbreak.services.heart_replay import ReplaySource  # noqa: PLC0415

            return ReplaySource(recording, speed=self.world.replay_speed)
        return self._strap()

    def _heart_state(self) -> str | None:
        source = self.heart.source
        return None if source is None or self.pauses.window is None else source.state.value

    def _strap(self) -> HeartSource | None:
        """The heart-rate strap set in Settings, or None; None too while a pause or *Find my
        breathing pace* has it: a strap keeps one connection, and a second one for the same
        strap would take it down when it ends."""
        if self.world.heart_source is None or self._strap_in_use():
            return None
        return self.world.heart_source()

    def _strap_in_use(self) -> bool:
        return self.heart.source is not None or self.pace_finder.source is not None

    def _after_pause(self, completed: bool, place: QRect) -> None:
        # Where the pause was, so the eyes need not search for it. Not after the evening
        # minute: it ends the day, a stress meter would open it again.
        if (completed and self.settings.current.checkin_after_pause
                and not self.reminders.evening_pause):
            self.checkins.open(CheckInOrigin.AFTER_PAUSE, activate=True, place=place)
