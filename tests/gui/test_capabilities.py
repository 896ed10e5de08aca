"""What cannot work here is said: the speech, sound and notification settings are greyed out
with the reason in the settings window, and `status` names them while they are on; a value
out of range in settings.json is named, not quietly changed. Through the real app, with the
machine's answers (programs on PATH, the session bus) made up by the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QStyle

from stressbreak.core.commands import Request
from stressbreak.core.settings import Settings
from stressbreak.services.cues import Cues
from stressbreak.services.notify import SERVICE, Notifier, notification_unavailable_reason
from stressbreak.ui.settings_dialog import BoolEditor, SettingsDialog
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app

SPEAK = "Speak the steps aloud"
NOTIFY = "Also send a desktop notification"


class Desktop:
    """Programs on PATH and names on the session bus, as the test says; changeable."""

    def __init__(self, programs: set[str], bus: set[str]) -> None:
        self.programs = programs
        self.bus = bus
        self.bus_asked = 0

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.programs else None

    def notification_reason(self) -> str | None:
        return notification_unavailable_reason(
            platform="linux", which=self.which, has_module=lambda name: False,
            bus_offers=self._offers, in_flatpak=False)

    def _offers(self, name: str) -> bool:
        self.bus_asked += 1
        return name in self.bus


BARE = ("paplay",)  # a sound player, but no speech engine and no notify-send
FULL = ("paplay", "espeak-ng", "notify-send")


def _app(qtbot, tmp_path: Path, desktop: Desktop, settings: dict[str, object]) -> Harness:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(settings))
    told: list[str] = []
    app = make_app(
        data, FakeClock(TUESDAY_10), told,
        cues=Cues("en", which=desktop.which, run=lambda command: None, platform="linux"),
        notifier=Notifier("StressBreak test", enabled=False,
                          unavailable=desktop.notification_reason,
                          send=lambda *args: None))
    app.start()
    assert told == []
    return app


def _dialog(qtbot, app: Harness) -> SettingsDialog:
    app.settings.open()
    dialog = app.settings.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def _same(label: QLabel, which: QStyle.StandardPixmap) -> bool:
    size = label.pixmap().size()
    expected = label.style().standardIcon(which).pixmap(size).toImage()
    return label.pixmap().toImage() == expected


def _check(dialog: SettingsDialog, key: str) -> BoolEditor:
    editor = dialog.editors[key]
    assert isinstance(editor, BoolEditor)
    return editor


def test_without_speech_engine_or_notification_service_both_are_greyed_out_with_the_reason(
        qtbot, tmp_path: Path):
    desktop = Desktop(set(BARE), set())
    app = _app(qtbot, tmp_path, desktop, {"spoken_cues": False, "native_notifications": False})
    dialog = _dialog(qtbot, app)
    for key, words in (("spoken_cues", "install speech-dispatcher or espeak-ng"),
                       ("native_notifications", "install notify-send")):
        editor = _check(dialog, key)
        assert not editor.isEnabled()
        assert not editor.check.isChecked()
        assert words in dialog.reason_labels[key].text()
        assert words in editor.check.accessibleDescription()
    assert _check(dialog, "sound_cues").isEnabled()  # paplay is there
    assert "sound_cues" not in dialog.reason_labels
    app.stop()


def test_a_running_notification_service_is_needed_not_only_notify_send(qtbot, tmp_path: Path):
    desktop = Desktop({"notify-send"}, {"org.gnome.Shell"})
    app = _app(qtbot, tmp_path, desktop, {})
    dialog = _dialog(qtbot, app)
    assert _check(dialog, "native_notifications").check.isChecked()  # the default: on
    assert "No notification service" in dialog.reason_labels["native_notifications"].text()
    assert NOTIFY in app.notices.status_text()
    app.stop()


def test_with_them_both_settings_can_be_changed(qtbot, tmp_path: Path):
    desktop = Desktop(set(FULL), {SERVICE})
    app = _app(qtbot, tmp_path, desktop, {"spoken_cues": False})
    dialog = _dialog(qtbot, app)
    for key in ("spoken_cues", "native_notifications", "sound_cues"):
        assert _check(dialog, key).isEnabled()
        assert key not in dialog.reason_labels
    app.stop()


def test_a_setting_on_that_cannot_work_may_be_switched_off_but_not_on_again(
        qtbot, tmp_path: Path):
    app = _app(qtbot, tmp_path, Desktop(set(BARE), set()), {"spoken_cues": True})
    dialog = _dialog(qtbot, app)
    check = _check(dialog, "spoken_cues").check
    assert check.isChecked()
    assert check.isEnabled()
    assert "spoken_cues" in dialog.reason_labels
    sign = dialog.reason_icons["spoken_cues"]
    assert _same(sign, QStyle.StandardPixmap.SP_MessageBoxWarning)  # on: a problem now
    check.click()
    assert not check.isChecked()
    assert not check.isEnabled()
    assert _same(sign, QStyle.StandardPixmap.SP_MessageBoxInformation)  # off: only why
    saved: list[Settings] = []
    dialog.saved.connect(saved.append)
    dialog.save_button.click()
    assert saved[0].spoken_cues is False
    assert app.settings.current.spoken_cues is False
    app.stop()


@pytest.mark.parametrize("on", [True, False])
def test_status_lists_what_cannot_work_only_while_it_is_on(qtbot, tmp_path: Path, on: bool):
    app = _app(qtbot, tmp_path, Desktop(set(BARE), set()),
               {"spoken_cues": on, "native_notifications": on})
    reply = app.commands.handle(Request("status", details=True))
    facts = reply.data
    assert facts is not None
    speech = [p for p in facts["problems"] if SPEAK in p]
    notify = [p for p in facts["problems"] if NOTIFY in p]
    if on:
        assert speech == [f"“{SPEAK}” is on, but cannot work here. No speech engine found "
                          "(install speech-dispatcher or espeak-ng)."]
        assert len(notify) == 1
        assert "install notify-send" in notify[0]
        assert speech[0] in reply.message
        assert notify[0] in reply.message
    else:
        assert speech == notify == []
        assert SPEAK not in reply.message
        assert NOTIFY not in reply.message
    app.stop()


def test_status_asks_the_bus_only_while_notifications_are_on(qtbot, tmp_path: Path):
    desktop = Desktop({*BARE, "notify-send"}, set())
    app = _app(qtbot, tmp_path, desktop, {"native_notifications": False})
    app.commands.handle(Request("status"))
    assert desktop.bus_asked == 0
    app.settings.apply(Settings(native_notifications=True))
    app.commands.handle(Request("status"))
    assert desktop.bus_asked > 0
    app.stop()


def test_status_follows_the_desktop_and_the_settings(qtbot, tmp_path: Path):
    desktop = Desktop(set(BARE), set())
    app = _app(qtbot, tmp_path, desktop, {"spoken_cues": True})
    assert SPEAK in app.notices.status_text()
    desktop.programs.add("spd-say")  # installed while the app runs
    assert SPEAK not in app.notices.status_text()
    desktop.programs.discard("spd-say")
    assert SPEAK in app.notices.status_text()
    app.settings.apply(Settings(spoken_cues=False))  # switched off in the window
    assert SPEAK not in app.notices.status_text()
    app.stop()


def test_an_out_of_range_value_in_the_file_is_named_and_the_default_used(
        qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"interval_min": 500, "snooze_min": 0}')
    app = make_app(data, FakeClock(TUESDAY_10), [], tell_problems=True)
    app.start()
    assert app.settings.current.interval_min == 60  # the default, not 240
    assert app.settings.current.snooze_min == 5
    status = app.notices.status_text()
    assert ("“Time between pauses” ('interval_min') must be from 5 to 240 minutes; the file "
            "says 500. Until you change it, the default 60 is used.") in status
    assert "“Snooze for” ('snooze_min') must be from 1 to 60 minutes; the file says 0." in status
    app.stop()
