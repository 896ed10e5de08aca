"""The settings window's heart-rate strap (issue 19): "Choose…" opens a picker over the
window while a scan runs, the strap taken (by keyboard) is the field's value and Save keeps
it; "Forget" lets it go; no Bluetooth is said plainly, and "Look again" scans again. The
scan here is a stand-in of the app's port (the real one, against a stand-in BlueZ, is
tests/system/test_heart_bluez.py's); the window, the picker and the app are the real ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from stressbreak.core.heart import SensorState
from stressbreak.core.settings import Group, Settings, parse_settings
from stressbreak.ui.sensor_picker import SensorPicker
from stressbreak.ui.settings_dialog import SensorEditor, SettingsDialog
from tests.fakes import TUESDAY_10, FakeClock, make_app

POLAR = ("A0:9E:1A:12:34:56", "Polar H10 1A2B3C4D")
TICKR = ("C4:7C:8D:6A:01:02", "TICKR 3F21")


class Scan(QObject):
    """What the app's scan port promises: found / finished / failed, start and stop."""

    found = Signal(str, str)
    finished = Signal()
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.starts = 0
        self.stops = 0

    def start(self) -> None:
        self.starts += 1

    def stop(self) -> None:
        self.stops += 1


@pytest.fixture
def app(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    scans: list[Scan] = []

    def scan() -> Scan:
        scans.append(Scan())
        return scans[-1]

    harness = make_app(data, FakeClock(TUESDAY_10), [], sensor_scan=scan)
    harness.start()
    yield harness, scans, data
    harness.stop()


def _open_settings(qtbot, harness) -> tuple[SettingsDialog, SensorEditor]:
    harness.settings.open()
    dialog = harness.settings.dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(list(Group).index(Group.PAUSE))
    editor = dialog.editors["heart_sensor"]
    assert isinstance(editor, SensorEditor)
    return dialog, editor


def _picker(qtbot, dialog: SettingsDialog) -> SensorPicker:
    qtbot.waitUntil(lambda: bool(dialog.findChildren(SensorPicker)), timeout=2000)
    [picker] = dialog.findChildren(SensorPicker)
    return picker


def test_a_strap_is_chosen_by_keyboard_and_saved(qtbot, app):
    harness, scans, data = app
    dialog, editor = _open_settings(qtbot, harness)
    assert editor.name_label.text() == "None"
    assert not editor.forget_button.isVisibleTo(dialog)
    qtbot.keyClick(editor.choose_button, Qt.Key.Key_Space)
    picker = _picker(qtbot, dialog)
    [scan] = scans
    assert scan.starts == 1
    assert "Looking for" in picker.status_label.text()
    assert not picker.use_button.isEnabled()
    for strap in (POLAR, TICKR, POLAR):  # seen again: still one row
        scan.found.emit(*strap)
    assert [picker.list.item(row).text() for row in range(picker.list.count())] == [
        f"{POLAR[1]}  ({POLAR[0]})", f"{TICKR[1]}  ({TICKR[0]})"]
    assert picker.status_label.text() == "2 straps found. Choose yours."
    qtbot.keyClick(picker.list, Qt.Key.Key_Down)  # the TICKR
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=2000)
    assert scan.stops >= 1  # no scan goes on behind a closed picker
    assert editor.value() == f"{TICKR[0]} {TICKR[1]}"
    assert editor.name_label.text() == TICKR[1]
    assert editor.forget_button.isVisibleTo(dialog)
    dialog.save_button.click()
    saved = json.loads((data / "settings.json").read_text())
    assert saved["heart_sensor"] == f"{TICKR[0]} {TICKR[1]}"
    assert harness.settings.current.heart_sensor == f"{TICKR[0]} {TICKR[1]}"


def test_the_strap_already_chosen_is_the_one_ready_to_take(qtbot, app):
    harness, scans, _data = app
    harness.settings.apply(Settings(heart_sensor=f"{TICKR[0]} {TICKR[1]}"))
    dialog, editor = _open_settings(qtbot, harness)
    assert editor.name_label.text() == TICKR[1]
    editor.choose_button.click()
    picker = _picker(qtbot, dialog)
    scans[0].found.emit(*POLAR)
    scans[0].found.emit(*TICKR)
    assert picker.list.currentItem().data(Qt.ItemDataRole.UserRole) == TICKR[0]


def test_cancel_keeps_the_strap_and_forget_lets_it_go(qtbot, app):
    harness, scans, data = app
    harness.settings.apply(Settings(heart_sensor=f"{POLAR[0]} {POLAR[1]}"))
    dialog, editor = _open_settings(qtbot, harness)
    editor.choose_button.click()
    picker = _picker(qtbot, dialog)
    scans[0].found.emit(*TICKR)
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=2000)
    assert scans[0].stops >= 1
    assert editor.value() == f"{POLAR[0]} {POLAR[1]}"
    editor.forget_button.click()
    assert editor.value() == "" and editor.name_label.text() == "None"
    dialog.save_button.click()
    assert json.loads((data / "settings.json").read_text())["heart_sensor"] == ""


def test_no_bluetooth_is_said_and_look_again_scans_again(qtbot, app):
    harness, scans, _data = app
    dialog, editor = _open_settings(qtbot, harness)
    editor.choose_button.click()
    picker = _picker(qtbot, dialog)
    assert not picker.rescan_button.isEnabled()  # while a scan runs
    scans[0].failed.emit(SensorState.UNAVAILABLE.value)
    assert "Bluetooth is not available here" in picker.status_label.text()
    assert picker.status_label.accessibleName() == picker.status_label.text()
    assert picker.rescan_button.isEnabled()
    picker.rescan_button.click()
    assert scans[0].starts == 2
    assert "Looking for" in picker.status_label.text()
    scans[0].finished.emit()
    assert picker.status_label.text().startswith("No strap found nearby.")
    assert not picker.use_button.isEnabled()


def test_without_a_scan_the_button_is_off(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    editor = dialog.editors["heart_sensor"]
    assert isinstance(editor, SensorEditor)
    assert not editor.choose_button.isEnabled()


@pytest.mark.parametrize("value", ["Polar H10", "A0:9E:1A:12:34 Polar", 42])
def test_a_hand_edited_strap_that_is_not_one_is_named_and_left_out(value):
    settings, [problem] = parse_settings({"heart_sensor": value})
    assert settings.heart_sensor == ""  # the default: no strap
    assert "'heart_sensor'" in problem and "strap" in problem


def test_a_strap_with_spaces_in_its_name_reads_back_whole():
    value = "  a0:9e:1a:12:34:56   Polar  H10 1A2B "
    assert parse_settings({"heart_sensor": value}) == (
        Settings(heart_sensor="a0:9e:1a:12:34:56 Polar H10 1A2B"), [])


def test_a_cleared_list_has_nothing_to_use(qtbot):
    picker = SensorPicker()
    qtbot.addWidget(picker)
    picker.add_found(*POLAR)
    assert picker.use_button.isEnabled()
    picker.list.clear()
    picker.scan_failed("Bluetooth is not available here.")
    assert not picker.use_button.isEnabled()
    picker.accept()  # Enter with nothing chosen: nothing happens
    assert picker.chosen == "" and picker.result() == 0
