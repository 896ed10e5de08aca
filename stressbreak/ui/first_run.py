"""The welcome on the first start: what StressBreak does, the working day it keeps to, a pause
to try, and where to find it later. Under a minute; everything in it can be changed later.

The window only asks: `schedule_chosen` (with Done or Enter), `pause_requested` and
`why_requested` go to app/welcome.py, which saves and opens. Esc closes it and changes nothing.
It is not modal: the app goes on behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.settings import SPEC_BY_KEY, Settings, settings_problems
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.number_box import NumberBox
from stressbreak.ui.style import bold, quieter, translated_message, wrapped


@dataclass(frozen=True)
class Schedule:
    """The part of the settings the welcome asks about."""

    work_days: tuple[int, ...]  # Monday = 0, as in Settings
    work_start: time
    work_end: time
    interval_min: int


def _larger(label: QLabel, factor: float = 1.3) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


def _points(lines: tuple[str, ...]) -> QGridLayout:
    """A short list; a line that wraps stays clear of its bullet."""
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(2)
    for row, line in enumerate(lines):
        bullet = QLabel("•")
        bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
        grid.addWidget(bullet, row, 0)
        grid.addWidget(wrapped(line), row, 1)
    grid.setColumnStretch(1, 1)
    return grid


def _row() -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    return row


def _time_edit(value: time, name: str) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")  # the settings are whole minutes on a 24-hour clock
    edit.setAccessibleName(name)
    return edit


class FirstRunWindow(QDialog):
    schedule_chosen = Signal(object)  # Schedule: Done (or Enter) with nothing wrong in it
    pause_requested = Signal()
    why_requested = Signal()

    def __init__(self, settings: Settings, tray_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Welcome to StressBreak"))

        heading = _larger(QLabel(self.tr("Welcome to StressBreak")))
        about = _points((
            self.tr("Every so often, a one-minute pause: slow breathing or a short exercise."),
            self.tr("A few times a day, the stress meter: three short questions to notice how "
                    "you are."),
            self.tr("A weekly overview of what you noticed. It all stays on this computer."),
        ))
        schedule_note = quieter(wrapped(self.tr(
            "Outside these hours StressBreak stays quiet. You can change all of this later "
            "in the settings.")))
        self.where = wrapped("")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_tray_available(tray_available)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(about)
        layout.addSpacing(6)
        layout.addWidget(bold(QLabel(self.tr("Your working day"))))
        layout.addLayout(self._schedule_form(settings))
        layout.addWidget(self._problem_row())
        layout.addWidget(schedule_note)
        layout.addSpacing(6)
        layout.addWidget(bold(QLabel(self.tr("Where to find it"))))
        layout.addWidget(self.where)
        layout.addStretch(1)
        layout.addLayout(self._buttons())

        # Short lines: the window stays narrow enough for a small screen in either language.
        float_at_width(self, min(max(self.sizeHint().width(), 480), 620))
        self._check()

    def _schedule_form(self, settings: Settings) -> QFormLayout:
        """Working days, hours and the interval, as the settings hold them now."""
        locale = QLocale()
        self.days: list[QCheckBox] = []
        days_row = _row()
        for day in range(7):
            box = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.dayName(day + 1, QLocale.FormatType.LongFormat))
            box.setChecked(day in settings.work_days)
            box.toggled.connect(self._check)
            days_row.addWidget(box)
            self.days.append(box)
        days_row.addStretch(1)

        self.start = _time_edit(settings.work_start, self.tr("Working day starts at"))
        self.end = _time_edit(settings.work_end, self.tr("Working day ends at"))
        self.start.timeChanged.connect(self._check)
        self.end.timeChanged.connect(self._check)
        hours_row = _row()
        hours_row.addWidget(self.start)
        hours_row.addWidget(QLabel(self.tr("to")))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)

        low, high = SPEC_BY_KEY["interval_min"].low, SPEC_BY_KEY["interval_min"].high
        if low is None or high is None:
            raise TypeError("interval_min needs bounds")
        self.interval = NumberBox(low, high)
        self.interval.setValue(settings.interval_min)
        self.interval.setSuffix(" " + self.tr("min"))
        self.interval.setAccessibleName(self.tr("A pause every"))
        self.interval.valueChanged.connect(self._check)
        interval_row = _row()
        interval_row.addWidget(self.interval)
        interval_row.addStretch(1)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Working days"), days_row)
        form.addRow(self.tr("Working hours"), hours_row)
        form.addRow(self.tr("A pause every"), interval_row)
        return form

    def _problem_row(self) -> QWidget:
        """What is wrong with the schedule; a problem reads as one: the style's warning sign
        beside the words."""
        self.problem = wrapped("")
        sign = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        sign.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.problem_row = QWidget()
        row = QHBoxLayout(self.problem_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(sign)
        row.addWidget(self.problem, 1)
        self.problem_row.hide()
        return self.problem_row

    def _buttons(self) -> QHBoxLayout:
        self.try_button = QPushButton(self.tr("Try a pause now"))
        self.try_button.clicked.connect(self.pause_requested)
        self.why_button = QPushButton(self.tr("Why this works"))
        self.why_button.clicked.connect(self.why_requested)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.try_button)
        buttons.addWidget(self.why_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        return buttons

    def set_tray_available(self, available: bool) -> None:
        """Where to find StressBreak: its tray icon, or without one the launcher and the
        terminal (at login the tray may come only after the welcome)."""
        if available:
            self.where.setText(self.tr(
                "StressBreak lives in the tray, as a small icon. Click it for a pause; its "
                "menu has the stress meter, your overview, the settings and this welcome."))
        else:
            self.where.setText(self.tr(
                "Your desktop shows no tray icon. Right-click StressBreak in your app launcher "
                "for a pause, the stress meter or the overview, or type in a terminal: "
                "stressbreak pause, stressbreak checkin, stressbreak settings."))

    def open_for(self, activate: bool) -> None:
        """Show it; take the keyboard only when nothing else should keep it (a pause)."""
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, not activate)
        self.show()
        if activate:
            self.raise_()
            self.activateWindow()
            self.done_button.setFocus()

    def schedule(self) -> Schedule:
        return Schedule(
            work_days=tuple(day for day, box in enumerate(self.days) if box.isChecked()),
            work_start=time(self.start.time().hour(), self.start.time().minute()),
            work_end=time(self.end.time().hour(), self.end.time().minute()),
            interval_min=self.interval.value(),
        )

    def _check(self) -> None:
        chosen = self.schedule()
        problems = settings_problems({
            "work_days": chosen.work_days, "work_start": chosen.work_start,
            "work_end": chosen.work_end, "interval_min": chosen.interval_min})
        first = next(iter(problems.values()), None)
        self.problem.setText("" if first is None else translated_message(first))
        self.problem_row.setVisible(first is not None)
        self.done_button.setEnabled(first is None)

    def accept(self) -> None:
        if not self.done_button.isEnabled():
            return  # Enter on a schedule with a problem: the words under it say what
        chosen = self.schedule()
        super().accept()
        self.schedule_chosen.emit(chosen)
