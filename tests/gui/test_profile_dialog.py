"""The stress-profile reflection, driven like a person would: by keyboard alone, by mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
)

from stressbreak.core.profiles import ORDER, PATTERNS, SCALE, STATEMENT_PATTERN
from stressbreak.ui.profile_dialog import ProfileDialog

# pattern id -> the rating chosen for each of its four statements, and the totals they make
CHOICES = {"pleaser": (3, 3, 2, 1), "perfectionist": (0, 1, 0, 2), "rescuer": (2, 2, 3, 3)}
EXPECTED = {"pleaser": 9, "perfectionist": 3, "rescuer": 10}


def _title(pattern_id: str) -> str:
    return PATTERNS[pattern_id].title


def _open(qtbot, previous=None) -> ProfileDialog:
    dialog = ProfileDialog(previous)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _record(dialog: ProfileDialog) -> list[object]:
    signals: list[object] = []
    dialog.completed.connect(lambda scores: signals.append(("completed", scores)))
    dialog.dismissed.connect(lambda: signals.append("dismissed"))
    return signals


def _key(qtbot, dialog: ProfileDialog, key: Qt.Key) -> None:
    """A key press where the keyboard focus is, as a person's would land."""
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, key)


def test_the_whole_reflection_by_keyboard_alone(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    assert dialog.focusWidget() is dialog.next_button
    _key(qtbot, dialog, Qt.Key.Key_Return)  # Begin
    for page, pattern_id in enumerate(ORDER, start=1):
        assert dialog.stack.currentIndex() == page
        for rating in CHOICES[pattern_id]:
            # Tab has brought us to this statement's first answer
            assert dialog.focusWidget().text() == SCALE[0].label
            for _ in range(rating):
                _key(qtbot, dialog, Qt.Key.Key_Right)
            _key(qtbot, dialog, Qt.Key.Key_Space)
            _key(qtbot, dialog, Qt.Key.Key_Tab)
        _key(qtbot, dialog, Qt.Key.Key_Return)  # Next / See what stands out
    assert dialog.on_result_page()
    assert dialog.focusWidget() is dialog.next_button
    text = dialog.result_label.text()
    # rescuer (10) and pleaser (9) stand out, highest first; perfectionist (3) does not
    assert _title("rescuer") in text
    assert _title("pleaser") in text
    assert text.index(_title("rescuer")) < text.index(_title("pleaser"))
    assert _title("perfectionist") not in text
    assert PATTERNS["rescuer"].tips[0] in text
    with qtbot.waitSignal(dialog.completed, timeout=1000) as blocker:
        _key(qtbot, dialog, Qt.Key.Key_Return)  # Done
    assert blocker.args == [EXPECTED]
    assert signals == [("completed", EXPECTED)]


def test_arrow_keys_change_a_chosen_answer(qtbot):
    dialog = _open(qtbot)
    _key(qtbot, dialog, Qt.Key.Key_Return)
    _key(qtbot, dialog, Qt.Key.Key_Space)  # not like me
    _key(qtbot, dialog, Qt.Key.Key_Right)  # moves on and chooses: a little like me
    _key(qtbot, dialog, Qt.Key.Key_Right)  # quite like me
    assert dialog.ratings() == {"pleaser_yes": 2}


def test_the_whole_reflection_by_mouse(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    for pattern_id in ORDER:
        for statement, rating in zip(PATTERNS[pattern_id].statements, CHOICES[pattern_id],
                                     strict=True):
            qtbot.mouseClick(dialog.rows[statement.id].buttons[rating],
                             Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.on_result_page()
    assert _title("rescuer") in dialog.result_label.text()
    with qtbot.waitSignal(dialog.completed, timeout=1000) as blocker:
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [EXPECTED]
    assert signals == [("completed", EXPECTED)]


def test_a_changed_mind_counts_and_back_keeps_the_answers(qtbot):
    dialog = _open(qtbot)
    dialog.next_button.click()
    row = dialog.rows["pleaser_yes"]
    qtbot.mouseClick(row.buttons[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(row.buttons[1], Qt.MouseButton.LeftButton)  # exclusive: 1 replaces 3
    dialog.next_button.click()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    assert dialog.ratings() == {"pleaser_yes": 1}
    assert dialog.focusWidget() is row.buttons[1]  # back where the answer is


def test_open_statements_count_as_not_like_me_and_nothing_stands_out(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    for _ in ORDER:
        dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.on_result_page()
    text = dialog.result_label.text()
    assert "None of the three patterns stands out" in text
    assert not any(_title(pid) in text for pid in ORDER)
    dialog.next_button.click()
    assert signals == [("completed", dict.fromkeys(ORDER, 0))]


def test_not_now_dismisses(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    with qtbot.waitSignal(dialog.dismissed, timeout=1000):
        qtbot.mouseClick(dialog.not_now_button, Qt.MouseButton.LeftButton)
    assert signals == ["dismissed"]


def test_escape_halfway_dismisses_once(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    dialog.next_button.click()
    qtbot.mouseClick(dialog.rows["pleaser_ask"].buttons[3], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.dismissed, timeout=1000):
        _key(qtbot, dialog, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.accept()
    assert signals == ["dismissed"]


def test_closing_the_result_page_completes_it(qtbot):
    dialog = _open(qtbot)
    signals = _record(dialog)
    dialog.next_button.click()
    for statement in PATTERNS["perfectionist"].statements:
        dialog.rows[statement.id].buttons[2].click()
    for _ in ORDER:
        dialog.next_button.click()
    assert _title("perfectionist") in dialog.result_label.text()
    with qtbot.waitSignal(dialog.completed, timeout=1000):
        dialog.close()  # the window's close button
    assert signals == [("completed", {"pleaser": 0, "perfectionist": 8, "rescuer": 0})]


def test_the_intro_names_the_last_reflection(qtbot):
    dialog = _open(qtbot, {"pleaser": 4, "perfectionist": 9, "rescuer": 12})
    text = dialog.previous_label.text()
    assert dialog.previous_label.isVisible()
    assert _title("rescuer") in text
    assert _title("perfectionist") in text
    assert _title("pleaser") not in text

    quiet = _open(qtbot, {"pleaser": 1})
    assert "no pattern stood out" in quiet.previous_label.text()

    first = _open(qtbot, None)
    assert not first.previous_label.isVisible()


def test_every_answer_has_an_accessible_name_and_its_statement(qtbot):
    dialog = _open(qtbot)
    for statement_id, row in dialog.rows.items():
        pattern = PATTERNS[STATEMENT_PATTERN[statement_id]]
        statement = next(s for s in pattern.statements if s.id == statement_id)
        assert row.accessibleName() == statement.text
        assert [b.accessibleName() for b in row.buttons] == [s.label for s in SCALE]
        assert {b.accessibleDescription() for b in row.buttons} == {statement.text}
        assert row.group.exclusive()
    buttons = dialog.findChildren(QAbstractButton)
    assert all(b.accessibleName() or b.text() for b in buttons)
    assert len(dialog.findChildren(QRadioButton)) == 12 * 4


def test_fits_a_small_screen_and_cleans_up_after_itself(qtbot):
    dialog = _open(qtbot)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    frame_allowance = 40  # title bar and borders of a window manager
    assert dialog.width() <= 1024
    assert dialog.height() + frame_allowance <= 700
    assert dialog.minimumSizeHint().height() + frame_allowance <= 700


def test_no_visible_text_judges(qtbot):
    dialog = _open(qtbot, {"pleaser": 12})
    for statement_id in dialog.rows:
        dialog.rows[statement_id].buttons[3].click()
    seen: list[str] = []
    for _ in range(dialog.stack.count()):
        seen += [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
        seen += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
        if not dialog.on_result_page():
            dialog.next_button.click()
    assert PATTERNS["rescuer"].tips[0] in " ".join(seen)  # every page was seen
    words = " ".join(seen).lower()
    assert "!" not in words
    for word in (" bad ", " wrong ", " fault", "failure", "should", "you are a "):
        assert word not in f" {words} "


def test_a_long_result_scrolls_by_keyboard(qtbot):
    dialog = _open(qtbot)
    for row in dialog.rows.values():
        row.buttons[3].click()
    for _ in range(len(ORDER) + 1):
        dialog.next_button.click()
    assert all(_title(pid) in dialog.result_label.text() for pid in ORDER)
    bar = dialog.result_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)  # three patterns overflow
    for _ in range(4):  # Done has the focus; Tab goes round to the text
        if dialog.focusWidget() is dialog.result_area:
            break
        _key(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.result_area
    _key(qtbot, dialog, Qt.Key.Key_PageDown)
    assert bar.value() > 0


# --- the reflection offer ------------------------------------------------------------------


def run_offer(qtbot, act) -> bool:
    """ProfileDialog.offer() as the app calls it; `act(box)` runs once the box is up."""
    seen: list[QMessageBox] = []

    def when_shown() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isActiveWindow():
            QTimer.singleShot(10, when_shown)
            return
        seen.append(box)
        try:
            act(box)
        finally:
            if box.isVisible():  # a failed check must not leave the test waiting on it
                box.reject()

    QTimer.singleShot(0, when_shown)
    answer = ProfileDialog.offer()
    assert seen
    return answer


def buttons(box: QMessageBox) -> dict[str, QPushButton]:
    return {b.text(): b for b in box.buttons() if isinstance(b, QPushButton)}


def test_the_reflection_offer_has_no_default_and_enter_does_not_start_it(qtbot):
    looked: list[str] = []

    def act(box: QMessageBox) -> None:
        assert box.defaultButton() is None
        assert not any(b.isDefault() or b.autoDefault() for b in buttons(box).values())
        assert QApplication.focusWidget() is buttons(box)["Not now"]
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.keyClick(box, key)
        assert box.isVisible() and box.clickedButton() is None  # Enter did nothing
        looked.append("enter")
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    assert run_offer(qtbot, act) is False
    assert looked == ["enter"]


def test_the_reflection_offer_starts_only_when_chosen(qtbot):
    assert run_offer(qtbot, lambda box: buttons(box)["Yes, now"].click()) is True
