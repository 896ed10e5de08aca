"""A whole-number box for a setting with bounds, shared by the settings window and the
welcome."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox


class NumberBox(QSpinBox):
    """Takes any number typed, so that one outside the setting's bounds is shown and named
    under the control (a QSpinBox with the bounds as its range refuses the keystroke or puts
    the old value back, without a word). The arrows stay within the bounds."""

    def __init__(self, low: int, high: int) -> None:
        super().__init__()
        self.low = low
        self.high = high
        # One digit more than the largest allowed value: enough to type a mistake and see it.
        self.setRange(min(0, low), 10 ** (len(str(high)) + 1) - 1)

    def stepBy(self, steps: int) -> None:
        target = min(max(self.value() + steps, self.low), self.high)
        super().stepBy(target - self.value())

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() < self.high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > self.low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags
