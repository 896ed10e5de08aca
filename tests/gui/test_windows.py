"""Each window on its own, offscreen, driven like a person would (clicks and keys)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from stressbreak.core.breathing import PATTERNS, Phase
from stressbreak.core.exercises import EXERCISES
from stressbreak.ui.checkin import CheckInDialog
from stressbreak.ui.pacer import Pacer
from stressbreak.ui.pause_window import PauseWindow
from stressbreak.ui.reminder import KEY_GUARD_MS, ReminderWindow

AMS = ZoneInfo("Europe/Amsterdam")


def test_clicking_the_reminder_body_starts(qtbot):
    reminder = ReminderWindow(timeout_s=60, snooze_min=5)
    qtbot.addWidget(reminder)
    reminder.show_near(None)
    assert reminder.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    with qtbot.waitSignal(reminder.start_requested, timeout=1000):
        qtbot.mouseClick(reminder, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert not reminder.isVisible()


def test_reminder_buttons_and_keys(qtbot):
    for attribute, signal_name in (("snooze_button", "snooze_requested"),
                                   ("skip_button", "skip_requested")):
        reminder = ReminderWindow(timeout_s=60, snooze_min=5)
        qtbot.addWidget(reminder)
        reminder.show_near(None)
        with qtbot.waitSignal(getattr(reminder, signal_name), timeout=1000):
            qtbot.mouseClick(getattr(reminder, attribute), Qt.MouseButton.LeftButton)
    reminder = ReminderWindow(timeout_s=60, snooze_min=7)
    qtbot.addWidget(reminder)
    assert "7" in reminder.snooze_button.text()
    reminder.show_near(None)
    qtbot.waitUntil(lambda: not reminder.guarding_keys, timeout=KEY_GUARD_MS + 2000)
    with qtbot.waitSignal(reminder.start_requested, timeout=1000):
        qtbot.keyClick(reminder, Qt.Key.Key_Return)


def test_keys_typed_as_the_reminder_appears_decide_nothing(qtbot):
    # Where the compositor hands every new window the keyboard (sway, Hyprland), the user's
    # typing goes on into the reminder: Enter, Esc and Space must not decide for them.
    reminder = ReminderWindow(timeout_s=60, snooze_min=5)
    qtbot.addWidget(reminder)
    decided: list[str] = []
    for name in ("start_requested", "snooze_requested", "skip_requested"):
        getattr(reminder, name).connect(lambda name=name: decided.append(name))
    reminder.show_near(None)
    assert reminder.guarding_keys
    qtbot.keyClick(reminder, Qt.Key.Key_Return)
    qtbot.keyClick(reminder, Qt.Key.Key_Escape)
    reminder.start_button.setFocus()
    qtbot.keyClick(reminder.start_button, Qt.Key.Key_Space)
    qtbot.keyClick(reminder.snooze_button, Qt.Key.Key_Space)
    assert decided == []
    assert reminder.isVisible()
    qtbot.waitUntil(lambda: not reminder.guarding_keys, timeout=KEY_GUARD_MS + 2000)
    qtbot.keyClick(reminder.snooze_button, Qt.Key.Key_Space)  # now a choice
    assert decided == ["snooze_requested"]


def test_an_ignored_reminder_times_out_once(qtbot):
    reminder = ReminderWindow(timeout_s=1, snooze_min=5)
    qtbot.addWidget(reminder)
    fired: list[str] = []
    reminder.timed_out.connect(lambda: fired.append("timeout"))
    reminder.start_requested.connect(lambda: fired.append("start"))
    with qtbot.waitSignal(reminder.timed_out, timeout=5000):
        reminder.show_near(None)
    qtbot.mouseClick(reminder, Qt.MouseButton.LeftButton)  # too late: already decided
    assert fired == ["timeout"]


def test_pause_runs_to_completion(qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=0.6)
    qtbot.addWidget(window)
    assert window.phase_label.text() == "Breathe in"
    assert window.countdown_label.text() == "0:01"
    with qtbot.waitSignal(window.finished, timeout=5000) as blocker:
        window.start()
    assert blocker.args == [True, 0.6]


def test_pause_can_end_early_with_escape(qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=60)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: window.elapsed_s() > 0.2, timeout=3000)
    with qtbot.waitSignal(window.finished, timeout=1000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    completed, elapsed = blocker.args
    assert completed is False
    assert 0.2 < elapsed < 60


def test_pacer_follows_the_breath():
    pacer = Pacer(PATTERNS["coherent"])
    assert pacer.set_elapsed(0).phase is Phase.IN
    small = pacer.radius_share()
    assert pacer.set_elapsed(5.5).phase is Phase.OUT
    big = pacer.radius_share()
    assert big > small
    pacer.set_elapsed(8.25)
    assert small < pacer.radius_share() < big


def test_stress_meter_returns_exactly_what_was_chosen(qtbot):
    dialog = CheckInDialog()
    qtbot.addWidget(dialog)
    dialog.open_for(activate=True)
    qtbot.mouseClick(dialog.rows["breathing"].buttons["shallow"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["breathing"].buttons["quick"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.notes["body"], "knot in my stomach")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rows["need"].buttons["air"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.tension.buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.tension.buttons[4], Qt.MouseButton.LeftButton)  # changed my mind
    qtbot.mouseClick(dialog.rows["signals"].buttons["jaw"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.trigger, "deadline moved")
    qtbot.keyClicks(dialog.next_step, "ask Sam for help")
    with qtbot.waitSignal(dialog.saved, timeout=1000) as blocker:
        qtbot.keyClick(dialog.next_step, Qt.Key.Key_Return)  # Enter saves on the last step
    answers = blocker.args[0]
    assert answers.chips == {"breathing": ("quick", "shallow"), "body": (), "need": ("air",),
                             "signals": ("jaw",)}
    assert answers.notes == {"breathing": "", "body": "knot in my stomach", "need": ""}
    assert answers.tension == 4
    assert (answers.trigger, answers.next_step) == ("deadline moved", "ask Sam for help")


def test_stress_meter_by_keyboard_alone(qtbot):
    """Space chooses a chip, arrows move to the next, Enter goes on; the exact Tab counts
    are in test_stress_meter.py."""
    dialog = CheckInDialog(values=("honesty", "calm"), trigger_suggestions=("deadline",))
    qtbot.addWidget(dialog)
    dialog.open_for(activate=True)
    first = dialog.rows["breathing"].buttons["slow"]
    assert dialog.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)  # the next chip: quick
    for _ in range(2):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.step == 2  # after the third question Enter would save; here: more first
    dialog.next_button.click()
    dialog.trigger.setFocus()
    qtbot.keyClicks(dialog.trigger, "dead")
    assert dialog.trigger.completer().completionCount() == 1  # "deadline" is suggested
    with qtbot.waitSignal(dialog.saved, timeout=1000) as blocker:
        qtbot.keyClick(dialog.trigger, Qt.Key.Key_Return)
    answers = blocker.args[0]
    assert answers.chips["breathing"] == ("slow", "quick")
    assert "honesty · calm" in dialog.values_label.text()


def test_stress_meter_can_be_left_empty_or_dismissed(qtbot):
    dialog = CheckInDialog()
    qtbot.addWidget(dialog)
    dialog.open_for(activate=True)
    tension = dialog.tension.buttons[3]
    qtbot.mouseClick(tension, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tension, Qt.MouseButton.LeftButton)  # a second press clears it
    assert dialog.answers().tension is None
    with qtbot.waitSignal(dialog.dismissed, timeout=1000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_reduced_motion_keeps_the_circle_still_and_fills_a_ring():
    pacer = Pacer(PATTERNS["coherent"], reduced_motion=True)
    sizes = set()
    for t in (0.0, 2.0, 5.4, 8.0, 10.9):
        pacer.set_elapsed(t)
        sizes.add(pacer.radius_share())
    assert len(sizes) == 1  # nothing grows or shrinks
    assert pacer.set_elapsed(2.75).progress == pytest.approx(0.5)
    image = pacer.grab().toImage()  # it paints (the ring) without errors
    assert not image.isNull()


def test_pause_window_reduced_motion_still_says_the_phase(qtbot):
    window = PauseWindow(PATTERNS["box"], duration_s=16, reduced_motion=True)
    qtbot.addWidget(window)
    assert window.pacer.reduced_motion
    window.seek(5.0)
    assert window.phase_label.text() == "Hold gently"


def test_a_followup_reminder_says_why_it_comes(qtbot):
    reminder = ReminderWindow(timeout_s=60, snooze_min=5, followup=True)
    qtbot.addWidget(reminder)
    texts = [label.text() for label in reminder.findChildren(QLabel)]
    assert "An extra minute for you" in texts


@pytest.mark.parametrize("exercise_id", ["body_check", "anchor", "make_room", "values",
                                         "defusion"])
def test_each_guided_exercise_shows_its_prompts_in_order(qtbot, exercise_id: str):
    exercise = EXERCISES[exercise_id]
    window = PauseWindow(PATTERNS["coherent"], duration_s=60, exercise=exercise,
                         values=("patience", "play"))
    qtbot.addWidget(window)
    shown = []
    share = 60 / len(exercise.steps)
    for index in range(len(exercise.steps)):
        window.seek(index * share + share / 2)
        shown.append(window.phase_label.text())
    assert shown == list(exercise.steps)
    assert window.pacer.reduced_motion  # a still circle; the ring counts the prompt
    assert window.hide_button.isVisibleTo(window)
    assert window.values_label.isVisibleTo(window) == (exercise_id == "values")
    if exercise_id == "values":
        assert window.values_label.text() == "Your values: patience · play"


def test_favourite_and_never_again_buttons(qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=60, exercise=EXERCISES["anchor"])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.favourite_toggled, timeout=1000) as blocker:
        qtbot.mouseClick(window.favourite_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["anchor"]
    assert window.favourite_button.text().startswith("★")
    with qtbot.waitSignal(window.hide_requested, timeout=1000) as blocker:
        qtbot.mouseClick(window.hide_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["anchor"]
    assert not window.hide_button.isEnabled()
    breathing = PauseWindow(PATTERNS["coherent"], duration_s=60)
    qtbot.addWidget(breathing)
    assert not breathing.hide_button.isVisibleTo(breathing)  # breathing always stays


def test_a_reminder_closed_by_the_window_manager_counts_as_missed(qtbot):
    reminder = ReminderWindow(timeout_s=60, snooze_min=5)
    qtbot.addWidget(reminder)
    reminder.show_near(None)
    with qtbot.waitSignal(reminder.timed_out, timeout=1000):
        reminder.close()  # what Alt+F4 does


def test_pacer_repaints_only_what_moves_and_leaves_nothing_behind(qtbot):
    # The pacer repaints only the disc's box each frame (a hold repaints nothing). What is on
    # screen must still equal a full repaint at every moment: growing, holding, shrinking,
    # and after a resize.
    pacer = Pacer(PATTERNS["coherent"])
    qtbot.addWidget(pacer)
    pacer.resize(300, 300)
    pacer.show()
    qtbot.waitExposed(pacer)
    for step, t in enumerate((0.0, 1.0, 2.5, 4.0, 5.5, 7.0, 9.0, 10.9)):
        if step == 4:
            pacer.resize(260, 340)
        pacer.set_elapsed(t)
        qtbot.wait(30)  # the repaint is queued: let it reach the window's backing store
        on_screen = pacer.screen().grabWindow(pacer.winId()).toImage()
        full = pacer.grab().toImage().convertToFormat(on_screen.format())
        assert on_screen == full, f"stale pixels on screen after t={t}"
