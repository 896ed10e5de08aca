"""The question before the report for a coach: how many weeks, whether the user's own words go
in (not unless they tick it), and where the PDF goes.

As in data_dialogs.py, the question is one module-level function that returns the answer (or
None when the user cancels), so tests replace the function, never a running modal loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stressbreak.ui.floating import float_at_width

_CONTEXT = "ReportDialog"

# Mirrors core.report's bounds; ui does not import the statistics for two numbers.
MAX_WEEKS = 12
DEFAULT_WEEKS = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class ReportChoice:
    weeks: int
    free_text: bool
    path: Path


class ReportDialog(QDialog):
    """Which weeks and whether free text goes in; the file name is asked next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report for a coach"))
        intro = QLabel(self.tr(
            "A PDF of your last weeks to bring to a coach or doctor: pauses, tension, sleep, "
            "energy and focus, what came up most, what stood out and what helps."))
        intro.setWordWrap(True)
        intro.setMinimumWidth(420)  # a wrapped label's height follows its width

        self.weeks_box = QSpinBox()
        self.weeks_box.setRange(1, MAX_WEEKS)
        self.weeks_box.setValue(DEFAULT_WEEKS)
        self.weeks_box.setAccessibleName(self.tr("Weeks, this one included"))

        self.free_text_box = QCheckBox(self.tr("Include what you wrote in your own words"))
        self.free_text_box.setChecked(False)
        explained = QLabel(self.tr(
            "Your notes, next steps and what set a stress meter off. Without them the report "
            "holds counts, the answers you chose from the lists, and the observations."))
        explained.setWordWrap(True)
        self.free_text_box.setAccessibleDescription(explained.text())

        form = QFormLayout()
        form.addRow(self.tr("Weeks, this one included:"), self.weeks_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.write_button = buttons.addButton(self.tr("Write the report…"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.write_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.free_text_box)
        layout.addWidget(explained)
        layout.addWidget(buttons)
        float_at_width(self)

    def weeks(self) -> int:
        return self.weeks_box.value()

    def free_text(self) -> bool:
        return self.free_text_box.isChecked()


def ask_report(parent: QWidget | None, today: date) -> ReportChoice | None:
    """How many weeks, with or without free text, and where to; None when the user cancels."""
    dialog = ReportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    suggested = f"stressbreak-report-{today.isoformat()}.pdf"
    name, _chosen = QFileDialog.getSaveFileName(
        parent, _tr("Save the report"), str(Path.home() / suggested), _tr("PDF files (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(".pdf")
    return ReportChoice(dialog.weeks(), dialog.free_text(), path)
