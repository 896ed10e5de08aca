"""The questions around the user's data: export what and where, import which file, and the
confirmation before deleting everything.

Each question is one module-level function that returns the answer (or None when the user
cancels), so tests and benchmarks replace the function, never a running modal loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.ui.floating import float_at_width

_CONTEXT = "DataDialogs"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class ExportChoice:
    format: str  # "csv" or "json"
    first: date | None  # None: from the first entry
    last: date | None  # None: up to the last entry
    path: Path


class ExportDialog(QDialog):
    """Which format and which days; the file name is asked next, by the platform's dialog."""

    def __init__(self, week: tuple[date, date], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export your journal"))
        intro = QLabel(self.tr(
            "A copy of your pauses and stress-meter answers, to keep or to open elsewhere. "
            "The file is readable only by you; what you do with it is up to you."))
        intro.setWordWrap(True)

        self.json_button = QRadioButton(self.tr("JSON — complete, can be imported again"))
        self.csv_button = QRadioButton(self.tr("CSV — for a spreadsheet"))
        self.json_button.setChecked(True)
        formats = QButtonGroup(self)
        formats.addButton(self.json_button)
        formats.addButton(self.csv_button)

        self.all_button = QRadioButton(self.tr("Everything"))
        self.week_button = QRadioButton(self.tr("The week shown"))
        self.range_button = QRadioButton(self.tr("From – to:"))
        self.all_button.setChecked(True)
        ranges = QButtonGroup(self)
        for button in (self.all_button, self.week_button, self.range_button):
            ranges.addButton(button)
        self.first_edit = _date_edit(week[0], today)
        self.last_edit = _date_edit(week[1], today)
        for edit in (self.first_edit, self.last_edit):
            edit.setEnabled(False)
            self.range_button.toggled.connect(edit.setEnabled)
        self.first_edit.setAccessibleName(self.tr("First day"))
        self.last_edit.setAccessibleName(self.tr("Last day"))
        self._week = week
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._build_form())
        layout.addWidget(self.problem)
        layout.addWidget(self._build_buttons())
        float_at_width(self)

    def _build_form(self) -> QFormLayout:
        span = QHBoxLayout()
        span.addWidget(self.range_button)
        span.addWidget(self.first_edit)
        span.addWidget(QLabel("–"))
        span.addWidget(self.last_edit)
        span.addStretch(1)
        format_column = QVBoxLayout()
        format_column.addWidget(self.json_button)
        format_column.addWidget(self.csv_button)
        range_column = QVBoxLayout()
        range_column.addWidget(self.all_button)
        range_column.addWidget(self.week_button)
        range_column.addLayout(span)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), format_column)
        form.addRow(self.tr("Days:"), range_column)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("Export…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        for edit in (self.first_edit, self.last_edit):
            edit.dateChanged.connect(self._check)
        self.range_button.toggled.connect(self._check)
        return buttons

    def span(self) -> tuple[date | None, date | None]:
        if self.week_button.isChecked():
            return self._week
        if self.range_button.isChecked():
            return _day(self.first_edit), _day(self.last_edit)
        return None, None

    def format(self) -> str:
        return "csv" if self.csv_button.isChecked() else "json"

    def _check(self) -> bool:
        first, last = self.span()
        wrong = first is not None and last is not None and first > last
        self.problem.setText(self.tr("The first day comes after the last day.") if wrong
                             else "")
        self.problem.setVisible(wrong)
        self.export_button.setEnabled(not wrong)
        return not wrong

    def _accept_if_valid(self) -> None:
        if self._check():
            self.accept()


def _day(edit: QDateEdit) -> date:
    shown = edit.date()
    return date(shown.year(), shown.month(), shown.day())


def _date_edit(day: date, today: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    return edit


def ask_export(parent: QWidget | None, week: tuple[date, date], today: date) -> (
        ExportChoice | None):
    """What to export and where to; None when the user cancels either step."""
    dialog = ExportDialog(week, today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    fmt = dialog.format()
    first, last = dialog.span()
    suggested = f"stressbreak-{today.isoformat()}.{fmt}"
    file_filter = _tr("JSON files (*.json)") if fmt == "json" else _tr("CSV files (*.csv)")
    name, _chosen = QFileDialog.getSaveFileName(
        parent, _tr("Export your journal"), str(Path.home() / suggested), file_filter)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(f".{fmt}")
    return ExportChoice(fmt, first, last, path)


def ask_import_file(parent: QWidget | None) -> Path | None:
    """A StressBreak JSON export to merge into the journal; None when the user cancels."""
    name, _chosen = QFileDialog.getOpenFileName(
        parent, _tr("Import a StressBreak export"), str(Path.home()),
        _tr("JSON files (*.json)"))
    return Path(name) if name else None


class DeleteAllDialog(QDialog):
    """Deleting cannot be undone: say what goes and what stays, and ask for a tick first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete all your data"))
        text = QLabel(self.tr(
            "This deletes every pause, stress-meter answer and day rating in your journal, "
            "your values, your favourite and hidden exercises and your stress-pattern "
            "answers, from this computer. It cannot be undone. Your settings stay.\n\n"
            "If you want a copy first, cancel and choose Export."))
        text.setWordWrap(True)
        # A wrapped label's height follows its width: a fixed width lets the dialog size to
        # the whole text (a resize to height 0 cut it off).
        text.setMinimumWidth(440)
        self.understood = QCheckBox(self.tr("I understand that this cannot be undone"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(self.tr("Delete everything"))
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setEnabled(False)
        self.understood.toggled.connect(self.delete_button.setEnabled)
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)  # Enter never deletes
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.understood)
        layout.addWidget(buttons)
        float_at_width(self)


def confirm_delete_all(parent: QWidget | None) -> bool:
    return DeleteAllDialog(parent).exec() == QDialog.DialogCode.Accepted
