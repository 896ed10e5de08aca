"""Reduced motion through the real app: the setting, the platform's answer asked as a
pause opens, and the pacer the pause gets; and the setting's control in the settings window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stressbreak.core.settings import Settings
from stressbreak.ui.settings_dialog import ChoiceEditor, SettingsDialog
from tests.fakes import TUESDAY_10, FakeClock, Harness, MotionPlatform, make_app

Platform = MotionPlatform


@pytest.fixture
def app_with(qtbot, tmp_path: Path):
    """Builds and starts a app whose settings file holds `reduced_motion` as given."""
    controllers: list[Harness] = []

    def build(reduced_motion: object, platform: Platform) -> Harness:
        data = tmp_path / "data"
        data.mkdir()
        (data / "settings.json").write_text(json.dumps(
            {"native_notifications": False, "checkin_after_pause": False,
             "reduced_motion": reduced_motion}))
        told: list[str] = []
        app = make_app(data, FakeClock(TUESDAY_10), told,
                                     platform_reduces_motion=platform)
        app.start()
        assert told == []
        controllers.append(app)
        return app

    yield build
    for app in controllers:
        app.stop()


def _pause_is_reduced(app: Harness) -> bool:
    app.pauses.start()
    window = app.pauses.window
    assert window is not None
    assert window.exercise.id == "breathing"
    return window.pacer.reduced_motion


def test_following_the_system_that_asks_for_less_motion_gives_the_still_pacer(app_with):
    platform = Platform(True)
    app = app_with("system", platform)
    assert platform.asked == 0  # not at start-up
    assert _pause_is_reduced(app)
    assert platform.asked == 1  # as the pause opened


def test_full_motion_chosen_animates_whatever_the_system_says(app_with):
    platform = Platform(True)
    app = app_with("off", platform)
    assert not _pause_is_reduced(app)
    assert platform.asked == 0


@pytest.mark.parametrize(("reduced_motion", "platform_says", "reduced"), [
    ("on", False, True),
    ("system", False, False),
    ("system", None, False),  # the system does not say: the circle moves
    (True, None, True),  # a settings file from before the choice, switch ticked
    (False, True, True),  # an old unticked switch now follows the system
])
def test_other_combinations(app_with, reduced_motion, platform_says, reduced):
    app = app_with(reduced_motion, Platform(platform_says))
    assert _pause_is_reduced(app) is reduced


def test_the_system_is_asked_again_for_each_pause(app_with, qtbot):
    platform = Platform(False)
    app = app_with("system", platform)
    assert not _pause_is_reduced(app)
    pause = app.pauses.window
    assert pause is not None
    with qtbot.waitSignal(pause.finished, timeout=5000):
        pass
    platform.answer = True  # switched in the system's settings between two pauses
    assert _pause_is_reduced(app)
    assert platform.asked == 2


def test_choosing_full_motion_in_the_settings_window_applies_to_the_next_pause(app_with, qtbot,
                                                                                tmp_path: Path):
    platform = Platform(True)
    app = app_with("system", platform)
    app.settings.open()
    dialog = app.settings.dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    editor = dialog.editors["reduced_motion"]
    assert isinstance(editor, ChoiceEditor)
    [page] = [i for i in range(dialog.tabs.count()) if dialog.tabs.widget(i).isAncestorOf(editor)]
    dialog.tabs.setCurrentIndex(page)
    editor.combo.setFocus()
    qtbot.keyClick(editor.combo, Qt.Key.Key_End)  # the last choice: never less motion
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert app.settings.current.reduced_motion == "off"
    saved = json.loads((tmp_path / "data" / "settings.json").read_text())
    assert saved["reduced_motion"] == "off"
    assert not _pause_is_reduced(app)
    assert platform.asked == 0


# -- the control ---------------------------------------------------------------------------------


def test_the_control_offers_three_choices_and_says_what_following_the_system_means(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    editor = dialog.editors["reduced_motion"]
    assert isinstance(editor, ChoiceEditor)
    combo = editor.combo
    shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    assert shown == [("As on this computer", "system"),
                     ("Always: the circle stays still", "on"),
                     ("Never: the circle grows and shrinks", "off")]
    assert combo.currentData() == "system"
    help_text = dialog.help_labels["reduced_motion"].text()
    assert "“As on this computer” follows your system's choice to reduce motion" in help_text
    assert "if it does not say, the circle grows and shrinks" in help_text
    assert help_text in combo.accessibleDescription()  # a screen reader hears it too
    assert combo.accessibleName() == "Less motion"


@pytest.mark.parametrize("value", ["system", "on", "off"])
def test_each_choice_is_shown_and_saved_as_it_is(qtbot, value):
    dialog = SettingsDialog(Settings(reduced_motion=value))
    qtbot.addWidget(dialog)
    got: list[Settings] = []
    dialog.saved.connect(got.append)
    assert dialog.editors["reduced_motion"].value() == value
    dialog.accept()
    assert got == [Settings(reduced_motion=value)]
