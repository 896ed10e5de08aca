"""The settings: read at start, shown in the settings window, and applied at once when saved
(tray icon, notifications, cues, start at login, and the schedule through `changed`).

A setting that cannot work here (no speech engine, no notification service, no idle-time
source, ...) is greyed out in the window with the reason (`unavailable`). While one of the
capabilities is missing and its setting is on, `stressbreak status` says so
(`capability_problems`): a missing speech engine is no problem for someone who never asked for
speech. The capabilities are asked when the window opens and when status is asked (a few
look-ups on PATH and one question to the session bus's daemon), and by the services when they
are used; never at start-up and never on a timer. A setting whose detectors (`NEEDS`) have
no source here is a problem the same way, once detection has run.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from stressbreak.app.detectors import Detector, detectors
from stressbreak.app.gate import ReminderGate
from stressbreak.app.ports import Cues, Notifier, SensorScan, SettingsStore, Tray
from stressbreak.app.windows import WindowSlot
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.settings import SPEC_BY_KEY, Settings
from stressbreak.services.autostart import Autostart
from stressbreak.services.i18n import translate_message

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from stressbreak.app.shortcuts import KeyShortcuts
    from stressbreak.core.sharing import FolderCheck, SharingStatus
    from stressbreak.services.idle import IdleProbe
    from stressbreak.services.presence import Backends
    from stressbreak.ui.sensor_picker import SensorPicker
    from stressbreak.ui.settings_dialog import SettingsDialog


class AppSettings(QObject):
    changed = Signal()  # saved and applied: the schedule follows

    def __init__(
        self,
        *,
        store: SettingsStore,
        tray: Tray,
        notifier: Notifier,
        cues: Cues,
        gate: ReminderGate,
        tell: Callable[[str], None],
        autostart: Autostart | None = None,
        autostart_command: Sequence[str] = (),
        shortcuts: KeyShortcuts | None = None,
        sharing: Callable[[], SharingStatus] | None = None,
        check_folder: Callable[[str], FolderCheck] | None = None,
        sensor_scan: Callable[[], SensorScan] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tray = tray
        self._notifier = notifier
        self._cues = cues
        self._gate = gate
        self._tell = tell
        self._autostart = autostart
        self._autostart_command = list(autostart_command)
        self._shortcuts = shortcuts
        # The shared folder as it is now, and the check of one chosen in the window.
        self._sharing = sharing
        self._check_folder = check_folder
        self._sensor_scan = sensor_scan
        self.current = Settings()
        self._slot: WindowSlot[SettingsDialog] = WindowSlot(self)

    @property
    def dialog(self) -> SettingsDialog | None:
        return self._slot.window

    def load(self) -> None:
        """Read the settings file (a bad one is told about, see SettingsStore) and apply it."""
        self.current = self._store.load()
        self._show_tray_icon()
        self._notifier.enabled = self.current.native_notifications
        self._cues.configure(self.current.sound_cues, self.current.spoken_cues)

    def _show_tray_icon(self) -> None:
        from stressbreak.ui.icons import tray_icons  # noqa: PLC0415

        self._tray.set_icons(*tray_icons(self.current.tray_icon, sys.platform))

    def open(self) -> None:
        self._slot.open(self._make_dialog)

    def _make_dialog(self) -> SettingsDialog:
        from stressbreak.ui.settings_dialog import SettingsDialog  # noqa: PLC0415

        shown = self.current
        if self._autostart is not None:
            # The desktop's own startup settings may have switched it off meanwhile.
            with contextlib.suppress(OSError):
                shown = replace(shown, start_at_login=self._autostart.is_enabled())
        shortcuts = self._shortcuts
        # The keyboard shortcut's row only where the desktop binds keys for apps.
        offered = shortcuts is not None and shortcuts.offered()
        dialog = SettingsDialog(shown, self.unavailable(),
                                shortcut_note=shortcuts.note() if shortcuts and offered else None,
                                sharing=self._sharing() if self._sharing else None,
                                check_folder=self._check_folder,
                                choose_sensor=self.choose_sensor if self._sensor_scan else None)
        dialog.saved.connect(self.apply)
        if shortcuts is not None and offered:
            dialog.shortcut_requested.connect(lambda: shortcuts.choose(dialog))
            shortcuts.note_changed.connect(dialog.set_shortcut_note)
        return dialog

    def choose_sensor(self, parent: QWidget, current: str,
                      chosen: Callable[[str], None]) -> SensorPicker | None:
        """The strap picker over the settings window, with a scan running while it is open;
        the strap the user takes goes to `chosen` (the window's field: Save keeps it)."""
        from stressbreak.ui.sensor_picker import SensorPicker  # noqa: PLC0415

        if self._sensor_scan is None:
            return None
        picker = SensorPicker(current, parent)
        scan = self._sensor_scan()
        scan.found.connect(picker.add_found)
        scan.finished.connect(picker.scan_finished)
        scan.failed.connect(lambda state: picker.scan_failed(_no_scan_reason(state)))
        picker.rescan_requested.connect(scan.start)
        picker.accepted.connect(lambda: chosen(picker.chosen))
        # Closed either way: the scan stops, and goes with the window.
        picker.finished.connect(scan.stop)
        if isinstance(scan, QObject):
            scan.setParent(picker)
        picker.open()
        scan.start()
        return picker

    def unavailable(self) -> dict[str, str]:
        """Settings that cannot work on this desktop, each with the reason, translated."""
        self._gate.sources()  # found now if they were not yet
        reasons = unavailable_reasons(self._gate.idle_probe, self._gate.presence)
        reasons.update(capability_reasons(self._cues, self._notifier))
        if self._autostart is None:
            reasons["start_at_login"] = self.tr("Starting at login isn't available on this system.")
        return {key: translate_message(text) for key, text in reasons.items()}

    def capability_problems(self) -> list[str]:
        """A setting that is on but cannot work here, each with the reason, translated. A
        detector counts once it was looked for (status has that done first)."""
        reasons = capability_reasons(self._cues, self._notifier,
                                     only=lambda key: getattr(self.current, key) is True)
        idle, presence = self._gate.idle_probe, self._gate.presence
        looked_for = [detector for detector in detectors(idle, presence)
                      if (idle if detector.key == "idle" else presence) is not None]
        reasons.update(detector_reasons(looked_for))
        return [_cannot_work(key, reason) for key, reason in reasons.items()
                if getattr(self.current, key) is True]

    def apply(self, settings: Settings) -> None:
        """The settings window saved: keep, apply at once, and recompute the schedule."""
        before = self.current
        try:
            self._store.save(settings)
        except OSError as exc:
            self._tell(self.tr("Your settings could not be saved ({reason}); they apply until "
                               "StressBreak quits.").format(reason=exc.strerror or exc))
        self.current = settings
        if settings.tray_icon != before.tray_icon:
            self._show_tray_icon()
        self._notifier.enabled = settings.native_notifications
        self._cues.configure(settings.sound_cues, settings.spoken_cues)
        if settings.start_at_login != before.start_at_login and self._autostart is not None:
            try:
                if settings.start_at_login:
                    self._autostart.enable(self._autostart_command)
                else:
                    self._autostart.disable()
            except OSError as exc:
                self._tell(self.tr("Start at login could not be changed ({reason}).").format(
                    reason=exc.strerror or exc))
        self._gate.settings_changed()
        self.changed.emit()


def _no_scan_reason(state: str) -> str:
    from stressbreak.core.heart import SensorState  # noqa: PLC0415  (not at start-up)

    if state == SensorState.UNAVAILABLE:
        return translate_message(Message("AppSettings", QT_TRANSLATE_NOOP(
            "AppSettings", "Bluetooth is not available here: no adapter was found, or it is "
                           "switched off. Switch it on and choose Look again.")))
    return translate_message(Message("AppSettings", QT_TRANSLATE_NOOP(
        "AppSettings", "Looking for straps did not work just now. Choose Look again.")))


def _cannot_work(key: str, reason: str) -> str:
    """One line for status; a reason that is no sentence of its own (presence reasons:
    "pactl was not found", "Windows has no documented way ...") follows a colon."""
    setting = Message("settings", SPEC_BY_KEY[key].label)
    said = translate_message(reason).strip()
    if not (said[:1].isupper() and said.endswith(".")):
        return translate_message(Message("AppSettings", QT_TRANSLATE_NOOP(
            "AppSettings", "“{setting}” is on, but cannot work here: {reason}"),
            setting=setting, reason=said if said.endswith(".") else said + "."))
    return translate_message(Message("AppSettings", QT_TRANSLATE_NOOP(
        "AppSettings", "“{setting}” is on, but cannot work here. {reason}"),
        setting=setting, reason=said))


def capability_reasons(cues: Cues, notifier: Notifier,
                       only: Callable[[str], bool] = lambda key: True) -> dict[str, str]:
    """The cue and notification settings that cannot work here, each with the reason (asked
    now: a speech program may have been installed, a notification service started). `only`:
    which settings to ask about (a setting that is off need not cost a look at the bus)."""
    asks: dict[str, Callable[[], str | None]] = {
        "sound_cues": cues.sound_unavailable_reason,
        "spoken_cues": cues.speech_unavailable_reason,
        "native_notifications": notifier.unavailable_reason,
    }
    found = {key: ask() for key, ask in asks.items() if only(key)}
    return {key: reason for key, reason in found.items() if reason is not None}


# Which detectors each setting needs (any one of them is enough).
NEEDS: dict[str, tuple[str, ...]] = {
    "natural_breaks": ("idle",),
    "gentle_timing": ("idle",),
    "dnd_fullscreen": ("fullscreen",),
    "dnd_desktop": ("desktop_dnd",),
    "meeting_aware": ("microphone", "camera"),
}


def unavailable_reasons(idle: IdleProbe | None, presence: Backends | None) -> dict[str, str]:
    """Settings that cannot work here (no source for what they need), each with the reason."""
    return detector_reasons(detectors(idle, presence))


def detector_reasons(found: Sequence[Detector]) -> dict[str, str]:
    """The settings none of whose detectors has a source, among those `found`, each with the
    reason (a setting whose detectors were not all looked for is left out)."""
    by_key = {detector.key: detector for detector in found}
    reasons: dict[str, str] = {}
    for key, needs in NEEDS.items():
        if not all(need in by_key for need in needs):
            continue
        if any(by_key[need].source is not None for need in needs):
            continue
        why = list({by_key[need].reason.strip(): by_key[need].reason for need in needs
                    if by_key[need].reason.strip()}.values())
        if len(why) == 2:
            # Two reasons (say, no pactl and no /proc), each said as a sentence of its own.
            reasons[key] = Message("AppSettings", QT_TRANSLATE_NOOP(
                "AppSettings", "{first}. {second}."), first=why[0].rstrip(". "),
                second=why[1].rstrip(". "))
        else:
            reasons[key] = why[0] if why else ""
    return reasons
