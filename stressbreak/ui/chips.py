"""Chip groups and the tension scale: each is one Tab stop, the arrow keys move within it.

Focus roves (the WAI-ARIA "roving tab stop"): only the current chip takes Tab focus, the others
take focus by a click or an arrow key. The chip with the focus is still a real button, so a
screen reader reads its name and whether it is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import Question
from stressbreak.ui.style import quieter, translated

_RING_GAP = 5  # the margin around a chip where its focus ring is drawn
_RING_WIDTH = 3.0
_RADIUS = 11

# Chosen chips must be unmistakable in light and dark alike: the palette's highlight. The
# margin leaves room for the focus ring, which Chip paints itself.
CHIP_STYLE = f"""
QPushButton[chip="true"] {{
    border: 1px solid palette(mid); border-radius: {_RADIUS}px; padding: 3px 10px;
    margin: {_RING_GAP}px;
    background: palette(button); color: palette(button-text);
}}
QPushButton[chip="true"][compact="true"] {{ padding: 3px 0px; min-width: 26px; }}
QPushButton[chip="true"]:checked {{
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}}
"""


class Chip(QPushButton):
    """A toggle chip with a focus ring drawn outside it, a gap of window colour between: a
    border alone disappears on a chosen chip (highlight on highlight)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setProperty("chip", True)
        self.setAutoDefault(False)  # Enter belongs to the window's default button

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), _RING_WIDTH)
        painter.setPen(pen)
        inset = _RING_WIDTH / 2
        ring = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        radius = _RADIUS + _RING_GAP - inset
        painter.drawRoundedRect(ring, radius, radius)


class _Roving(QWidget):
    """The shared keyboard behaviour: one chip takes Tab focus, arrows move between chips."""

    def __init__(self, per_row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._per_row = per_row
        self._chips: list[Chip] = []
        self._current = 0

    def _adopt(self, chip: Chip) -> None:
        chip.installEventFilter(self)
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus if not self._chips
                            else Qt.FocusPolicy.ClickFocus)
        if not self._chips:
            self.setFocusProxy(chip)
        self._chips.append(chip)

    @property
    def current(self) -> int:
        return self._current

    def _make_current(self, index: int, focus: bool) -> None:
        if index != self._current:
            self._chips[self._current].setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self._current = index
            self._chips[index].setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocusProxy(self._chips[index])
        if focus:
            self._chips[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _moved(self, key: int) -> int | None:
        """Where an arrow, Home or End goes from the current chip (None: not such a key)."""
        last = len(self._chips) - 1
        here = self._current
        moves: dict[int, int] = {
            Qt.Key.Key_Left: max(here - 1, 0),
            Qt.Key.Key_Right: min(here + 1, last),
            Qt.Key.Key_Up: here - self._per_row if here >= self._per_row else here,
            Qt.Key.Key_Down: here + self._per_row if here + self._per_row <= last else here,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        return moves.get(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        index = next((i for i, chip in enumerate(self._chips) if chip is watched), None)
        if index is not None:
            if event.type() == QEvent.Type.FocusIn:
                self._make_current(index, focus=False)  # a click moves the Tab stop too
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                    return False  # Shift+Tab, Ctrl+…: not ours
                return self._key(event.key())
        return super().eventFilter(watched, event)

    def _key(self, key: int) -> bool:
        """Move between the chips; True when the key was used here."""
        index = self._moved(key)
        if index is None:
            return False
        self._make_current(index, focus=True)
        return True


class ChipRow(_Roving):
    """Toggle chips for one question; any number may be chosen, none is fine too. Arrows
    move between them (Up and Down by a row), Space chooses or un-chooses."""

    def __init__(self, question: Question, per_row: int = 4,
                 parent: QWidget | None = None) -> None:
        super().__init__(per_row, parent)
        self.question = question
        self.buttons: dict[str, Chip] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(0)  # the chips' margins are the spacing
        for index, chip in enumerate(question.chips):
            button = Chip(translated(chip.label))
            button.setAccessibleName(translated(chip.label))
            button.setAccessibleDescription(translated(question.text))
            grid.addWidget(button, index // per_row, index % per_row)
            self._adopt(button)
            self.buttons[chip.id] = button
        grid.setColumnStretch(per_row, 1)

    def chosen(self) -> tuple[str, ...]:
        return tuple(cid for cid, button in self.buttons.items() if button.isChecked())


class _Scale(_Roving):
    """A row of numbered chips of which at most one is chosen: arrows choose the next or
    previous number (Up is more), Home and End the ends, Delete or Backspace leaves it without
    a number again, as does Space or a click on the chosen one. `buttons[0]` is `first`."""

    def __init__(self, first: int, per_row: int, parent: QWidget | None = None) -> None:
        super().__init__(per_row=per_row, parent=parent)
        self._first = first
        self.buttons: list[Chip] = []

    def _add_chip(self, button: Chip) -> None:
        value = self._first + len(self.buttons)
        button.toggled.connect(lambda on, v=value: self._on_toggled(v, on))
        self._adopt(button)
        self.buttons.append(button)

    def _on_toggled(self, value: int, on: bool) -> None:
        if on:
            for index, button in enumerate(self.buttons):
                if index != value - self._first and button.isChecked():
                    button.setChecked(False)

    def value(self) -> int | None:
        for index, button in enumerate(self.buttons):
            if button.isChecked():
                return self._first + index
        return None

    def set_value(self, value: int | None) -> None:
        if value is None:
            for button in self.buttons:
                button.setChecked(False)
        else:
            self.buttons[value - self._first].setChecked(True)
            self._make_current(value - self._first,
                               focus=self.buttons[self.current].hasFocus())

    def _key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            # On one row, up means more: a scale, not a grid.
            key = Qt.Key.Key_Right if key == Qt.Key.Key_Up else Qt.Key.Key_Left
        index = self._moved(key)
        if index is None:
            return False
        self._choose(self._first + index)
        return True

    def _choose(self, value: int) -> None:
        self.buttons[value - self._first].setChecked(True)
        self._make_current(value - self._first, focus=True)


class TensionRow(_Scale):
    """The optional 0–10 tension as one control. Arrows choose the next or previous number,
    a digit chooses it, Home is 0 and End is 10 (and 1 then 0 typed quickly is 10, as it is
    written), Delete or Backspace leaves it without a number again, as does Space or a click
    on the chosen one. Keys typed anywhere else never reach it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(first=0, per_row=11, parent=parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        row = QHBoxLayout()
        row.setSpacing(0)
        column.addLayout(row)
        description = self.tr("Arrow keys or a digit choose; Home is 0, End is 10, "
                              "Delete clears")
        for value in range(11):
            button = Chip(str(value))
            button.setProperty("compact", True)
            button.setAccessibleName(self.tr("Tension {value} of 10").format(value=value))
            button.setAccessibleDescription(description)
            row.addWidget(button)
            self._add_chip(button)
        row.addStretch(1)
        hint = QLabel(self.tr("0 is completely calm, 10 the most tension you can imagine."))
        hint.setWordWrap(True)
        quieter(hint)
        column.addWidget(hint)
        self._last_digit = -1
        self._since_digit = QElapsedTimer()

    def _key(self, key: int) -> bool:
        digit = key - Qt.Key.Key_0 if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 else -1
        if digit >= 0:
            ten = (digit == 0 and self._last_digit == 1 and self._since_digit.isValid()
                   and self._since_digit.elapsed() <= QApplication.keyboardInputInterval())
            self._last_digit = -1 if ten else digit
            self._since_digit.start()
            self._choose(10 if ten else digit)
            return True
        self._last_digit = -1
        return super()._key(key)


class RatingRow(_Scale):
    """One of the day ratings, 1 to len(words), as one control: each chip shows its number
    with its word under it. Arrows, Home and End choose as on the tension scale, a digit
    chooses its number, Delete leaves it open."""

    def __init__(self, question: str, words: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(first=1, per_row=len(words), parent=parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        description = self.tr("{question} Arrow keys or a digit choose; Delete clears").format(
            question=question)
        for value, word in enumerate(words, start=1):
            button = Chip(f"{value}\n{word}")
            button.setAccessibleName(self.tr("{value} of {count}: {word}").format(
                value=value, count=len(words), word=word))
            button.setAccessibleDescription(description)
            row.addWidget(button)
            self._add_chip(button)
        row.addStretch(1)

    def _key(self, key: int) -> bool:
        digit = key - Qt.Key.Key_0
        if 1 <= digit <= len(self.buttons):
            self._choose(digit)
            return True
        return super()._key(key)
