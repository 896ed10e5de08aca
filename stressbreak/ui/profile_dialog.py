"""Stress profiles: a short, optional self-reflection on three patterns, never a label.

Pages: an intro, one page of four statements per pattern, and what stands out with its tips.
Each statement is a row of four radio buttons in an exclusive QButtonGroup, so Tab moves from
statement to statement (Qt lets only one button of a group take Tab focus), the arrow keys move
between the choices, Space chooses, and Enter goes on to the next page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.profiles import (
    CONTEXT,
    GENERAL_TIPS,
    ORDER,
    PATTERNS,
    SCALE,
    Pattern,
    Statement,
    leading_patterns,
    score,
)
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import bold, quieter, translated


def _t(text: str) -> str:
    return translated(text, CONTEXT)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _larger(label: QLabel, factor: float = 1.2) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


def _scrolling(content: QWidget, *, focusable: bool = False) -> QScrollArea:
    """A frameless scroll area: the page stays usable with large fonts or a small screen.

    Pages of choices scroll to whichever choice has the focus, so the area itself is no Tab
    stop there; a page of text only (`focusable`) is, so the arrow keys can scroll it.
    """
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus if focusable else Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class StatementRow(QWidget):
    """One statement and four exclusive choices from "not like me" to "very much like me"."""

    def __init__(self, statement: Statement, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statement = statement
        text = _t(statement.text)
        self.setAccessibleName(text)
        label = _wrapped(text)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        choices = QHBoxLayout()
        choices.setContentsMargins(12, 0, 0, 0)
        for step in SCALE:
            button = QRadioButton(_t(step.label))
            button.setAccessibleName(_t(step.label))
            button.setAccessibleDescription(text)
            self.group.addButton(button, step.value)
            choices.addWidget(button)
            self.buttons.append(button)
        choices.addStretch(1)
        label.setBuddy(self.buttons[0])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(label)
        column.addLayout(choices)

    def rating(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def focus_target(self) -> QRadioButton:
        """Where the keyboard lands in this row: the chosen answer, else the first."""
        checked = self.group.checkedButton()
        return checked if isinstance(checked, QRadioButton) else self.buttons[0]


class ProfileDialog(QDialog):
    """Intro → four statements per pattern → what stands out. Exactly one of `completed`
    (closing from the last page, by Done, Esc or the window's close button) and `dismissed`
    (closing anywhere before it) is emitted, once."""

    completed = Signal(dict)  # pattern id -> total (see core.profiles.score)
    dismissed = Signal()

    def __init__(
        self,
        previous_scores: Mapping[str, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stress patterns"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._closed = False

        self.rows: dict[str, StatementRow] = {}
        self._first_rows: dict[int, StatementRow] = {}  # page index -> its first statement
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_intro(previous_scores))
        self.pattern_pages: list[QWidget] = []
        for number, pattern_id in enumerate(ORDER, start=1):
            page = self._build_pattern_page(PATTERNS[pattern_id], number)
            self.pattern_pages.append(page)
            self.stack.addWidget(page)
        self.result_label = _wrapped()
        self.result_label.setTextFormat(Qt.TextFormat.RichText)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        # A description, not a name: a label's name replaces its text for a screen reader.
        self.result_label.setAccessibleDescription(self.tr("What stands out"))
        self.result_area = _scrolling(self._result_page(), focusable=True)
        self.result_area.setAccessibleName(self.tr("What stands out"))
        self.stack.addWidget(self.result_area)

        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setToolTip(self.tr("Close without saving anything (Esc)"))
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton()
        for button in (self.not_now_button, self.back_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)  # Enter goes on, wherever the focus is
        buttons = QHBoxLayout()
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

        self.not_now_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self._forward)
        float_at_width(self, 640)
        self.resize(640, 560)
        self.go_to(0)

    @classmethod
    def offer(cls, parent: QWidget | None = None) -> bool:
        """Ask once whether the user would like the reflection now (a modal question, so
        tests replace this one function). A classmethod has no self.tr: the translation
        context is spelled out instead."""
        box = QMessageBox(parent)
        box.setWindowTitle(QCoreApplication.translate("ProfileDialog", "StressBreak"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(QCoreApplication.translate(
            "ProfileDialog", "Would you like a short reflection on your stress patterns?"))
        box.setInformativeText(QCoreApplication.translate(
            "ProfileDialog",
            "Twelve statements, about three minutes. What stands out shapes the tips at the "
            "end of a pause. You can also find it later in the menu."))
        # It comes right after a save, perhaps under a second press of Enter: Enter must
        # start nothing here. So no default button: "Yes, now" is not an accept button (a
        # button box makes its first accept button the default as it shows), and no button
        # becomes the default when it has the focus (Qt's dialogs make a focused
        # auto-default button the default). The focus rests on "Not now", so Space does not
        # start it either. Esc is "Not now". Any button closes the box.
        yes = box.addButton(QCoreApplication.translate("ProfileDialog", "Yes, now"),
                            QMessageBox.ButtonRole.ActionRole)
        not_now = box.addButton(QCoreApplication.translate("ProfileDialog", "Not now"),
                                QMessageBox.ButtonRole.RejectRole)
        for button in (yes, not_now):
            button.setAutoDefault(False)
            button.setDefault(False)
        box.setEscapeButton(not_now)
        # A native message box (macOS) would choose a default button of its own.
        box.setOption(QMessageBox.Option.DontUseNativeDialog)
        not_now.setFocus()
        box.exec()
        return box.clickedButton() is yes

    # --- pages -----------------------------------------------------------------------------

    def _build_intro(self, previous_scores: Mapping[str, int] | None) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setSpacing(12)
        column.addWidget(_larger(bold(QLabel(self.tr("A short reflection")))))
        column.addWidget(_wrapped(self.tr(
            "Many people know these three patterns: keeping others happy, getting everything "
            "right and taking care of everyone. Each of them grew because, at some time, it "
            "protected someone. They are patterns, not labels: they show what you once learned "
            "to do, not who you are.")))
        column.addWidget(_wrapped(self.tr(
            "You read twelve short statements and say how much each one is like you. It takes "
            "a few minutes, it is entirely up to you, and any statement may stay open. What "
            "stands out chooses the tips you see at the end of a pause. Your answers stay on "
            "this computer.")))
        self.previous_label = _wrapped()
        if previous_scores:
            leading = leading_patterns(previous_scores)
            if leading:
                lines = [self.tr("Your last reflection. What stood out then:")]
                lines += [f"•  {_t(PATTERNS[pid].title)} · {_t(PATTERNS[pid].gist)}"
                          for pid in leading]
            else:
                lines = [self.tr("Your last reflection: no pattern stood out in particular.")]
            lines.append(self.tr("Taking it again replaces those answers."))
            self.previous_label.setText("\n".join(lines))
        self.previous_label.setVisible(bool(self.previous_label.text()))
        column.addWidget(self.previous_label)
        column.addWidget(quieter(_wrapped(self.tr(
            "With the keyboard: Tab moves to the next statement, the arrow keys move between "
            "the answers, Space chooses one and Enter goes on."))))
        column.addStretch(1)
        return page

    def _build_pattern_page(self, pattern: Pattern, number: int) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(quieter(QLabel(self.tr("Part {number} of {count}").format(
            number=number, count=len(ORDER)))))
        column.addWidget(_larger(bold(QLabel(_t(pattern.gist)))))
        column.addWidget(_wrapped(self.tr("How much is each statement like you?")))
        for statement in pattern.statements:
            column.addSpacing(14)
            row = StatementRow(statement)
            column.addWidget(row)
            self.rows[statement.id] = row
            self._first_rows.setdefault(number, row)
        column.addStretch(1)
        return _scrolling(content)

    def _result_page(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(_larger(bold(QLabel(self.tr("What stands out")))))
        column.addWidget(self.result_label)
        column.addWidget(quieter(_wrapped(self.tr(
            "You can take this reflection again from the menu whenever you like. Patterns "
            "shift with time and with what life asks of you."))))
        column.addStretch(1)
        return content

    def _result_html(self, scores: Mapping[str, int]) -> str:
        leading = leading_patterns(scores)
        if not leading:
            tips = "".join(f"<li>{html.escape(_t(tip))}</li>" for tip in GENERAL_TIPS)
            return "<p>{}</p><p>{}</p><ul>{}</ul>".format(
                html.escape(self.tr("None of the three patterns stands out right now. "
                                    "That is worth knowing too.")),
                html.escape(self.tr("At the end of a pause you will now and then see one of "
                                    "these tips, meant for everyone:")),
                tips)
        parts = [
            "<p>{}</p>".format(html.escape(self.tr(
                "At the end of a pause you will now and then see one of these tips.")))
        ]
        for pattern_id in leading:
            pattern = PATTERNS[pattern_id]
            tips = "".join(f"<li>{html.escape(_t(tip))}</li>" for tip in pattern.tips)
            parts.append(
                f"<p><b>{html.escape(_t(pattern.title))}</b> · "
                f"{html.escape(_t(pattern.gist))}</p>"
                f"<p>{html.escape(_t(pattern.description))}</p>"
                f"<p>{html.escape(self.tr('Things you could try:'))}</p>"
                f"<ul>{tips}</ul>"
            )
        return "".join(parts)

    # --- navigation ------------------------------------------------------------------------

    @property
    def last_page(self) -> int:
        return self.stack.count() - 1

    def on_result_page(self) -> bool:
        return self.stack.currentIndex() == self.last_page

    def _forward(self) -> None:
        if self.on_result_page():
            self.accept()
        else:
            self.go_to(self.stack.currentIndex() + 1)

    def go_to(self, index: int) -> None:
        """Show page `index` (0: the start, last_page: the result)."""
        index = max(0, min(self.last_page, index))
        if index == self.last_page:
            self.result_label.setText(self._result_html(self.scores()))
        self.stack.setCurrentIndex(index)
        self.not_now_button.setVisible(index != self.last_page)
        self.back_button.setVisible(index != 0)
        if index == 0:
            self.next_button.setText(self.tr("Begin"))
        elif index == self.last_page - 1:
            self.next_button.setText(self.tr("See what stands out"))
        elif index == self.last_page:
            self.next_button.setText(self.tr("Done"))
        else:
            self.next_button.setText(self.tr("Next"))
        # Fusion fits a button tightly round its text; leave the longer labels some air.
        text_px = self.next_button.fontMetrics().horizontalAdvance(self.next_button.text())
        self.next_button.setMinimumWidth(max(self.back_button.sizeHint().width(), text_px + 32))
        if index in self._first_rows:
            self._first_rows[index].focus_target().setFocus()
        else:
            self.next_button.setFocus()

    # --- answers and closing ---------------------------------------------------------------

    def ratings(self) -> dict[str, int]:
        """Statement id -> rating 0–3, for the statements answered so far."""
        return {sid: rating for sid, row in self.rows.items()
                if (rating := row.rating()) is not None}

    def scores(self) -> dict[str, int]:
        """Pattern id -> total; an open statement counts as "not like me"."""
        return score(self.ratings())

    def accept(self) -> None:
        if self._closed:
            return
        self._closed = True
        scores = self.scores()
        super().accept()
        self.completed.emit(scores)

    def reject(self) -> None:
        """Esc or the close button: from the result page the reflection is complete."""
        if self.on_result_page():
            self.accept()
            return
        if self._closed:
            return
        self._closed = True
        super().reject()
        self.dismissed.emit()
