"""The stress meter in steps, by keyboard alone: how many Tab presses it takes, the tension
scale as one control, the focus ring, the fit on a small Dutch screen, the thank-you."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from stressbreak.core.model import CheckIn, CheckInOrigin
from stressbreak.services.i18n import Translations
from stressbreak.ui.checkin import CheckInDialog
from stressbreak.ui.chips import Chip
from stressbreak.ui.profile_dialog import ProfileDialog
from tests.fakes import TUESDAY_10, FakeClock, make_app
from tests.gui.test_accessibility import contrast, dark_palette


class Keyboard:
    """Keys go where the focus is, as a user's would; Tab presses are counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.tabs = 0

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(self, *keys: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        for key in keys:
            if key == Qt.Key.Key_Tab:
                self.tabs += 1
            self.qtbot.keyClick(self.focus, key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)


def opened(qtbot, **kwargs) -> CheckInDialog:
    dialog = CheckInDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.open_for(activate=True)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_three_questions_by_keyboard_take_two_tab_presses(qtbot):
    dialog = opened(qtbot)
    keys = Keyboard(qtbot)
    assert keys.focus is dialog.rows["breathing"].buttons["slow"]
    assert dialog.step_label.text() == "Question 1 of 3"
    keys.press(Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space)  # slow, quick
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is dialog.notes["breathing"]
    keys.type("a sigh")
    keys.press(Qt.Key.Key_Return)  # Enter: the next question
    assert dialog.step == 1 and dialog.step_label.text() == "Question 2 of 3"
    assert keys.focus is dialog.rows["body"].buttons["soft"]
    keys.press(Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Return)  # tight
    assert dialog.step == 2
    keys.press(Qt.Key.Key_Down, Qt.Key.Key_Space)  # one row down: quiet
    keys.press(Qt.Key.Key_Tab)
    keys.type("ten minutes")
    with qtbot.waitSignal(dialog.saved, timeout=1000) as blocker:
        keys.press(Qt.Key.Key_Return)  # after the third question Enter saves
    assert keys.tabs == 2
    answers = blocker.args[0]
    assert answers.chips == {"breathing": ("slow", "quick"), "body": ("tight",),
                             "need": ("quiet",), "signals": ()}
    assert answers.notes == {"breathing": "a sigh", "body": "", "need": "ten minutes"}
    assert (answers.tension, answers.trigger, answers.next_step) == (None, "", "")


@pytest.fixture
def app(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))
    data = tmp_path / "data"
    data.mkdir()
    # The day ratings have their own tests (test_day_ratings.py): here the stress meter
    # begins at its three questions.
    (data / "settings.json").write_text(json.dumps({"native_notifications": False,
                                                    "day_ratings": False}))
    harness = make_app(data, FakeClock(TUESDAY_10), [])
    harness.start()
    yield harness
    harness.stop()


def test_the_whole_stress_meter_by_keyboard_keeps_every_field_as_before(qtbot, app):
    """Every step with Tab, Space and Enter: 15 Tab presses from opening to Save, and the
    record holds what the two-column form used to save."""
    clock = app.clock
    app.journal.append(CheckIn(clock.now() - timedelta(days=3), CheckInOrigin.MANUAL,
                               trigger="Inbox overflow"))
    app.choices.save(app.choices.prefs.with_values(["patience"]))
    app.tray.checkin_requested.emit()
    dialog = app.checkins.dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down)  # down from the last
    keys.press(Qt.Key.Key_Left, Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Space)  # held back
    keys.press(Qt.Key.Key_Tab)
    keys.type("short")
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past "Not now" to "Next"
    assert keys.focus is dialog.next_button
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Left, Qt.Key.Key_Space)  # warm
    keys.press(Qt.Key.Key_Tab)
    keys.type("tight chest")
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # Not now, Back, Next
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Down, Qt.Key.Key_Space)  # quiet
    keys.press(Qt.Key.Key_Tab)
    keys.type("a walk")
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Tab, Qt.Key.Key_Tab)
    assert keys.focus is dialog.next_button and dialog.next_button.text() == "A little more…"
    keys.press(Qt.Key.Key_Space)
    assert dialog.step == 3 and dialog.step_label.text() == "A little more, only if you like"
    keys.press(Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space)  # racing heart
    keys.press(Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Space)  # restlessness
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_0)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is dialog.trigger
    keys.type("Inbox")
    assert dialog.trigger.completer().completionCount() == 1  # suggested from before
    keys.type(" overflow")
    keys.press(Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # past "My values…"
    assert keys.focus is dialog.next_step
    keys.type("close the mail for an hour")
    keys.press(Qt.Key.Key_Return)
    assert keys.tabs == 15

    saved = [r for r in app.journal.records_between(clock.now() - timedelta(hours=1),
                                                    clock.now() + timedelta(hours=1))
             if r.at == clock.now()]
    assert [r.to_dict() | {"id": "", "at": ""} for r in saved] == [{
        "kind": "checkin", "v": 2, "id": "", "at": "", "origin": "manual",
        "breathing": ["held"], "breathing_note": "short", "body": ["warm"],
        "body_note": "tight chest", "need": ["quiet"], "need_note": "a walk", "tension": 0,
        "signals": ["heart", "restless"], "trigger": "Inbox overflow",
        "next_step": "close the mail for an hour",
    }]
    assert app.checkins.dialog is None  # done, though it still says thank you


def at_tension(qtbot) -> tuple[CheckInDialog, Keyboard]:
    dialog = opened(qtbot)
    dialog.show_step(3)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is dialog.tension.buttons[0]
    return dialog, keys


def test_tension_by_digits_arrows_home_end_and_cleared(qtbot):
    dialog, keys = at_tension(qtbot)
    tension = dialog.tension
    assert tension.value() is None
    steps = [
        (Qt.Key.Key_6, 6), (Qt.Key.Key_Right, 7), (Qt.Key.Key_Up, 8), (Qt.Key.Key_Left, 7),
        (Qt.Key.Key_Down, 6), (Qt.Key.Key_Home, 0), (Qt.Key.Key_End, 10), (Qt.Key.Key_3, 3),
        (Qt.Key.Key_Delete, None), (Qt.Key.Key_5, 5), (Qt.Key.Key_Backspace, None),
        (Qt.Key.Key_Space, 5), (Qt.Key.Key_Space, None),
    ]
    for key, expected in steps:
        keys.press(key)
        assert tension.value() == expected, key
        assert keys.focus is tension.buttons[tension.current]
    keys.press(Qt.Key.Key_1, Qt.Key.Key_0)  # ten, as it is written
    assert tension.value() == 10
    keys.press(Qt.Key.Key_0)  # and once more: zero
    assert tension.value() == 0
    keys.press(Qt.Key.Key_End, Qt.Key.Key_Right)  # the ends stay put
    assert tension.value() == 10
    keys.press(Qt.Key.Key_Home, Qt.Key.Key_Left)
    assert tension.value() == 0
    assert dialog.answers().tension == 0


def test_the_tension_scale_is_one_tab_stop_and_no_stray_key_changes_it(qtbot):
    dialog, keys = at_tension(qtbot)
    tension = dialog.tension
    keys.press(Qt.Key.Key_4)
    keys.press(Qt.Key.Key_Tab)  # one Tab leaves the whole scale
    assert keys.focus is dialog.trigger
    keys.type("1 0 5 ")
    keys.press(Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Home, Qt.Key.Key_End)
    keys.press(Qt.Key.Key_Tab)
    assert keys.focus is dialog.values_button
    keys.press(Qt.Key.Key_7, Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
    keys.press(Qt.Key.Key_Tab, modifier=Qt.KeyboardModifier.ShiftModifier)
    keys.press(Qt.Key.Key_Tab, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert keys.focus is tension.buttons[4]  # back in on the chosen number
    keys.press(Qt.Key.Key_Tab, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert keys.focus in dialog.rows["signals"].buttons.values()
    keys.press(Qt.Key.Key_9, Qt.Key.Key_Delete, Qt.Key.Key_End, Qt.Key.Key_Space)
    for step in range(3):
        dialog.show_step(step)
        keys.press(Qt.Key.Key_2, Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Tab)
        keys.type("3 4 ")
    assert tension.value() == 4
    assert dialog.answers().tension == 4


def ring_pixels(chip: Chip) -> int:
    """Pixels of the highlight colour in the margin around the chip, where its ring goes."""
    image = chip.grab().toImage()
    highlight = chip.palette().color(QPalette.ColorRole.Highlight)
    band = 4
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if band <= x < image.width() - band and band <= y < image.height() - band:
                continue
            pixel = QColor(image.pixel(x, y))
            if (abs(pixel.red() - highlight.red()) + abs(pixel.green() - highlight.green())
                    + abs(pixel.blue() - highlight.blue())) < 60:
                count += 1
    return count


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp) -> Iterator[str]:
    saved = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(saved)


def test_a_focus_ring_shows_on_chosen_and_unchosen_chips(qtbot, palette):
    dialog = opened(qtbot)
    row = dialog.rows["breathing"]
    chosen, other = row.buttons["slow"], row.buttons["quick"]
    chosen.setChecked(True)
    background = dialog.palette().color(QPalette.ColorRole.Window)
    highlight = chosen.palette().color(QPalette.ColorRole.Highlight)
    assert contrast(highlight, background) >= 3.0  # WCAG's contrast for a focus indicator
    for chip in (chosen, other):
        chip.setFocus()
        focused = ring_pixels(chip)
        dialog.notes["breathing"].setFocus()
        unfocused = ring_pixels(chip)
        assert unfocused == 0
        assert focused > chip.width() + chip.height(), (chip.text(), focused)


@pytest.fixture
def dutch(qapp) -> Iterator[Translations]:
    service = Translations(qapp, "nl", QLocale("en_US"))
    assert service.install() == "nl"
    yield service
    service.remove()


def test_every_step_fits_a_1024_by_768_screen_in_dutch(qtbot, dutch):
    dialog = CheckInDialog(values=("geduld", "eerlijk zijn", "spelen met de kinderen"),
                           trigger_suggestions=("deadline",))
    qtbot.addWidget(dialog)
    dialog.open_for(activate=True)
    assert dialog.save_button.text() == "Opslaan"
    # Room left for a title bar and a panel.
    screen = QRect(0, 0, 1024, 768 - 80)
    for step in range(4):
        dialog.show_step(step)
        QApplication.sendPostedEvents()  # the layouts catch up, as in the event loop
        dialog.adjustSize()
        QApplication.sendPostedEvents()
        assert dialog.width() <= 700 and dialog.height() <= screen.height(), step
        for widget in dialog.findChildren(QWidget):
            if not widget.isVisibleTo(dialog) or not isinstance(
                    widget, (QAbstractButton, QLineEdit, QLabel)):
                continue
            place = QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
            assert dialog.rect().contains(place), (step, widget)
            if isinstance(widget, QAbstractButton):
                assert widget.width() >= widget.sizeHint().width(), (step, widget.text())


def test_saving_says_thank_you_then_closes(qtbot):
    dialog = opened(qtbot)
    dialog.rows["breathing"].buttons["even"].click()
    with qtbot.waitSignal(dialog.saved, timeout=1000) as blocker:
        dialog.save_button.click()
    assert blocker.args[0].chips["breathing"] == ("even",)  # saved at once
    assert dialog.isVisible() and dialog.thanks.isVisible()
    assert dialog.thanks.text() == "Saved. Thank you for noticing."
    assert not dialog.save_button.isVisible()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        pass
    assert not dialog.isVisible()


def test_escape_during_the_thank_you_closes_at_once_and_loses_nothing(qtbot):
    dialog = opened(qtbot)
    saved: list[object] = []
    dismissed: list[bool] = []
    dialog.saved.connect(saved.append)
    dialog.dismissed.connect(lambda: dismissed.append(True))
    dialog.save_button.click()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert len(saved) == 1 and dismissed == []


def test_back_and_next_keep_the_answers_and_save_works_from_any_step(qtbot):
    dialog = opened(qtbot)
    assert not dialog.back_button.isVisible()
    dialog.rows["breathing"].buttons["deep"].click()
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.back_button.click()
    assert dialog.step == 1
    dialog.back_button.click()
    assert dialog.rows["breathing"].buttons["deep"].isChecked()
    for step in range(4):
        dialog.show_step(step)
        assert dialog.save_button.isVisible()
        assert dialog.next_button.isVisible() == (step < 3)
        # Enter moves on through the first two questions and saves after the third.
        assert dialog.save_button.isDefault() == (step >= 2)
        assert dialog.next_button.isDefault() == (step < 2)
