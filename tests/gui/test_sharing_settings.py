"""The settings window's "Other computers" page (issue 18): a folder chooser beside the path,
the host name as the name's placeholder, the folder's state and the other computers seen
there; a wrong new folder is named and nothing is saved with it; turning sharing off says
that everything stays. The window alone (data in, signals out) and through the real app."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from stressbreak.core.messages import Message
from stressbreak.core.settings import Group, Settings
from stressbreak.core.sharing import ComputerSeen, FolderCheck, FolderState, SharingStatus
from stressbreak.ui import settings_dialog
from stressbreak.ui.settings_dialog import FolderEditor, SettingsDialog
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)
FOLDER = "/home/anna/Sync"
DESK = ComputerSeen("fedcba9876543210", "Desk at home", NOW - timedelta(minutes=35))
OFFICE = ComputerSeen("00000000000000aa", "Office", NOW - timedelta(days=1, hours=2))


def _status(state: FolderState = FolderState.IN_USE, problem: str | None = None,
            computers: tuple[ComputerSeen, ...] = (DESK, OFFICE),
            waiting: tuple[str, ...] = ()) -> SharingStatus:
    return SharingStatus(FOLDER, state, problem, "0123456789abcdef", "anna-thinkpad",
                         "anna-thinkpad", NOW, computers, waiting)


def _open(qtbot, settings: Settings, sharing: SharingStatus | None = None,
          check=lambda text: FolderCheck()) -> SettingsDialog:
    dialog = SettingsDialog(settings, sharing=sharing, check_folder=check)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(list(Group).index(Group.SHARING))
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _folder(dialog: SettingsDialog) -> FolderEditor:
    editor = dialog.editors["shared_folder"]
    assert isinstance(editor, FolderEditor)
    return editor


def _page_text(dialog: SettingsDialog) -> str:
    return "\n".join(label.text() for label in dialog.sharing_labels
                     if label.isVisibleTo(dialog)) + "\n" + dialog.sharing_state.text()


def test_the_folder_is_chosen_by_keyboard_with_the_desktop_s_chooser(qtbot, monkeypatch):
    asked: list[str] = []

    def chooser(parent, start: str) -> str | None:
        asked.append(start)
        return "/media/anna/Nextcloud" if len(asked) == 1 else None  # then: cancelled

    monkeypatch.setattr(settings_dialog, "choose_folder", chooser)
    dialog = _open(qtbot, Settings())
    got: list[Settings] = []
    dialog.saved.connect(got.append)
    folder = _folder(dialog)
    folder.edit.setFocus()
    qtbot.keyClick(folder.edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is folder.choose_button  # the button follows the path
    qtbot.keyClick(folder.choose_button, Qt.Key.Key_Space)
    assert folder.edit.text() == "/media/anna/Nextcloud"
    assert dialog.focusWidget() is folder.edit
    qtbot.keyClick(folder.edit, Qt.Key.Key_Tab)
    qtbot.keyClick(folder.choose_button, Qt.Key.Key_Space)  # cancelled: the path stays
    assert asked[1] == "/media/anna/Nextcloud"  # the chooser opens where the path is
    assert folder.edit.text() == "/media/anna/Nextcloud"
    qtbot.keyClick(folder.edit, Qt.Key.Key_Return)
    assert got[0].shared_folder == "/media/anna/Nextcloud"
    assert folder.choose_button.accessibleName() == "Choose the shared folder"


def test_the_name_shows_the_host_name_until_one_is_given(qtbot):
    dialog = _open(qtbot, Settings(shared_folder=FOLDER), _status())
    name = dialog.editors["computer_name"]
    assert isinstance(name, settings_dialog.TextEditor)
    assert name.edit.placeholderText() == "anna-thinkpad"
    assert name.value() == ""


def test_the_page_says_what_happens_and_who_sees_the_files(qtbot):
    dialog = _open(qtbot, Settings())
    help_text = dialog.help_labels["shared_folder"].text()
    assert "writes this computer's journal into a folder of its own there" in help_text
    assert "Your sync tool carries these files and can see them" in help_text
    assert "StressBreak itself sends nothing anywhere" in help_text
    assert not dialog.sharing_box.isVisibleTo(dialog)  # nothing shared: no state to show


def test_a_folder_in_use_shows_the_other_computers_and_when_each_was_last_heard_of(qtbot):
    dialog = _open(qtbot, Settings(shared_folder=FOLDER),
                   _status(waiting=("journal-fedcba9876543210-2026-11.json",)))
    assert dialog.sharing_box.isVisibleTo(dialog)
    text = _page_text(dialog)
    assert f"In use. This computer's journal is written to {FOLDER}" in text
    assert "Desk at home, last seen today at 09:25" in text
    assert "Office, last seen yesterday at 08:00" in text
    assert "still arriving" in text
    assert text.index("Desk at home") < text.index("Office")


def test_a_missing_folder_says_the_app_goes_on_with_this_computer_s_journal(qtbot):
    problem = Message("shared_folder", "The shared folder {folder} is not there (not mounted, "
                      "or offline?). StressBreak goes on with this computer's journal and "
                      "shares again once the folder is back.", folder=FOLDER)
    dialog = _open(qtbot, Settings(shared_folder=FOLDER),
                   _status(FolderState.MISSING, problem, computers=()))
    text = _page_text(dialog)
    assert f"The shared folder {FOLDER} is not there" in text
    assert "goes on with this computer's journal" in text
    assert "No other computer" not in text  # not known while the folder is away
    assert dialog.save_button.isEnabled()  # the saved folder's state is no reason to wait


def test_turning_sharing_off_says_everything_stays_here(qtbot):
    dialog = _open(qtbot, Settings(shared_folder=FOLDER), _status())
    got: list[Settings] = []
    dialog.saved.connect(got.append)
    _folder(dialog).edit.clear()
    assert dialog.folder_remark.isVisibleTo(dialog)
    assert "Everything stays on this computer" in dialog.folder_remark.text()
    assert not dialog.sharing_box.isVisibleTo(dialog)  # the state was the old folder's
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert got[0].shared_folder == ""


def test_a_wrong_new_folder_is_named_and_nothing_is_saved(qtbot):
    def check(text: str) -> FolderCheck:
        return FolderCheck(problem=f"{text} is a file, not a folder.")

    dialog = _open(qtbot, Settings(shared_folder=FOLDER), _status(), check)
    got: list[Settings] = []
    dialog.saved.connect(got.append)
    folder = _folder(dialog)
    folder.set_value("/home/anna/notes.txt")
    assert dialog.problems() == {"shared_folder": "/home/anna/notes.txt is a file, not a "
                                                  "folder."}
    assert not dialog.save_button.isEnabled()
    assert "Other computers" in dialog.summary_label.text()
    folder.edit.setFocus()
    qtbot.keyClick(folder.edit, Qt.Key.Key_Return)  # Enter does not save it either
    assert got == []
    folder.set_value(FOLDER)  # back to the saved one: no check, nothing in the way
    assert dialog.problems() == {}
    assert dialog.save_button.isEnabled()


def test_a_relative_path_is_named_without_asking_the_folder(qtbot):
    asked: list[str] = []
    dialog = _open(qtbot, Settings(), None, lambda text: asked.append(text) or FolderCheck())
    _folder(dialog).set_value("Sync")
    assert "has to be a full path" in dialog.problems()["shared_folder"]
    assert asked == []


# --- through the real app -------------------------------------------------------------------


def _app(tmp_path: Path, shared: Path | None) -> Harness:
    data = tmp_path / "laptop"
    data.mkdir()
    settings: dict[str, object] = {"native_notifications": False}
    if shared is not None:
        settings["shared_folder"] = str(shared)
    (data / "settings.json").write_text(json.dumps(settings))
    return make_app(data, FakeClock(TUESDAY_10), [], tell_problems=False)


@pytest.fixture
def laptop(qtbot, tmp_path: Path):
    app = _app(tmp_path, None)
    app.start()
    yield app
    app.stop()


def _dialog(app: Harness) -> SettingsDialog:
    app.settings.open()
    dialog = app.settings.dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(list(Group).index(Group.SHARING))
    return dialog


def test_the_app_checks_a_chosen_folder_before_it_is_saved(qtbot, laptop, tmp_path: Path):
    dialog = _dialog(laptop)
    folder = _folder(dialog)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    folder.set_value(str(notes))
    assert "is a file, not a folder" in dialog.problems()["shared_folder"]
    folder.set_value(str(tmp_path / "laptop"))
    assert "own data folder" in dialog.problems()["shared_folder"]
    assert not dialog.save_button.isEnabled()
    folder.set_value(str(tmp_path / "usb" / "Sync"))
    assert dialog.problems() == {}
    assert "is not there now" in dialog.folder_remark.text()
    assert not (tmp_path / "usb").exists()  # asking makes nothing
    (tmp_path / "Sync").mkdir()
    folder.set_value(str(tmp_path / "Sync"))
    assert dialog.problems() == {}
    assert not dialog.folder_remark.isVisibleTo(dialog)
    assert not (tmp_path / "Sync" / "StressBreak").exists()  # until it is saved
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert laptop.controller.sync is not None
    assert (tmp_path / "Sync" / "StressBreak").is_dir()


def test_the_app_s_window_shows_the_computers_in_the_folder(qtbot, tmp_path: Path):
    shared = tmp_path / "Sync"
    (shared / "StressBreak").mkdir(parents=True)
    (shared / "StressBreak" / "computer-fedcba9876543210.json").write_text(json.dumps(
        {"format": 1, "id": "fedcba9876543210", "name": "Desk at home", "active": []}))
    app = _app(tmp_path, shared)
    app.start()
    try:
        dialog = _dialog(app)
        assert dialog.sharing_box.isVisibleTo(dialog)
        text = _page_text(dialog)
        assert "In use." in text
        assert "Desk at home, last seen " in text
    finally:
        app.stop()


def test_the_keyboard_reaches_the_state_and_the_computers_below_the_fold(qtbot):
    dialog = _open(qtbot, Settings(shared_folder=FOLDER), _status())
    dialog.resize(dialog.width(), 340)  # the smallest: the state lies below the fold
    name = dialog.editors["computer_name"]
    assert isinstance(name, settings_dialog.TextEditor)
    name.edit.setFocus()
    qtbot.keyClick(name.edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.sharing_state
    qtbot.keyClick(dialog.sharing_state, Qt.Key.Key_Tab)
    computers = dialog.focusWidget()
    assert computers in dialog.sharing_labels
    assert "Desk at home" in computers.text()
    assert "Office" in computers.text()
    qtbot.waitUntil(lambda: not computers.visibleRegion().isEmpty(), timeout=2000)
