"""The weekly overview (plain tables for now): pauses per day and the stress-meter answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import BODY_SIGNALS, QUESTIONS
from stressbreak.core.model import CheckIn, PauseOutcome
from stressbreak.core.stats import WeekSummary
from stressbreak.core.timeutil import week_start
from stressbreak.ui.style import bold, translated

_OUTCOMES = (
    PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY, PauseOutcome.MISSED, PauseOutcome.SKIPPED
)


class OverviewWindow(QWidget):
    def __init__(
        self,
        load_week: Callable[[date], WeekSummary],
        today: Callable[[], date],
        tz: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_week = load_week
        self._tz = tz
        self._today = today
        self._monday = week_start(today())
        self.setWindowTitle(self.tr("StressBreak — your week"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.previous_button.clicked.connect(lambda: self.show_week(self._monday - timedelta(7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(week_start(self._today())))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + timedelta(7)))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.title, 1)
        nav.addWidget(self.this_week_button)
        nav.addWidget(self.next_button)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.pauses = _table(
            [self.tr("Day"), self.tr("Completed"), self.tr("Ended early"), self.tr("Missed"),
             self.tr("Skipped"), self.tr("Stress meters")]
        )
        self.pauses.setAccessibleName(self.tr("Pauses per day"))
        # Short headers; the full question is the header's tooltip.
        self.checkins = _table(
            [self.tr("When"), self.tr("Breathing"), self.tr("Belly or chest"), self.tr("Need"),
             self.tr("Body"), self.tr("Set off by"), self.tr("Tension")]
        )
        header = self.checkins.horizontalHeader()
        for column in (0, 6):  # the short columns; the answers share the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.checkins.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        for column, question in enumerate(QUESTIONS, start=1):
            header_item = self.checkins.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(translated(question.text))
        self.checkins.setAccessibleName(self.tr("Stress-meter answers"))
        self.checkins.setWordWrap(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.pauses)
        layout.addWidget(bold(QLabel(self.tr("Stress meter"))))
        layout.addWidget(self.checkins, 1)
        layout.addWidget(self.empty_label)
        self.resize(820, 640)

    @property
    def monday(self) -> date:
        return self._monday

    def show_week(self, monday: date) -> None:
        self._monday = week_start(monday)
        summary = self._load_week(self._monday)
        locale = QLocale()
        sunday = self._monday + timedelta(days=6)
        self.title.setText(
            self.tr("Week {week}: {first} – {last}").format(
                week=self._monday.isocalendar().week,
                # Month names from the locale; the pattern itself is translatable, so each
                # language puts day and month in its own order ("23 Nov" / "Nov 23").
                first=locale.toString(_qdate(self._monday), self.tr("d MMM")),
                last=locale.toString(_qdate(sunday), self.tr("d MMM yyyy")),
            )
        )
        current = week_start(self._today())
        self.next_button.setEnabled(self._monday < current)
        self.this_week_button.setEnabled(self._monday != current)
        self._fill_pauses(summary, locale)
        self._fill_checkins(summary, locale)
        taken = summary.total(PauseOutcome.COMPLETED) + summary.total(PauseOutcome.ENDED_EARLY)
        reminders = sum(summary.total(o) for o in _OUTCOMES)
        self.summary_label.setText(
            self.tr("Pauses taken: {taken} of {reminders} · stress meters: {checkins}").format(
                taken=taken, reminders=reminders, checkins=len(summary.checkins)
            )
        )
        self.empty_label.setVisible(summary.is_empty)
        self.empty_label.setText(
            self.tr("Nothing recorded this week. Your pauses and stress meters appear here.")
        )

    def _fill_pauses(self, summary: WeekSummary, locale: QLocale) -> None:
        self.pauses.setRowCount(len(summary.days))
        for row, day in enumerate(summary.days):
            name = locale.dayName(day.day.isoweekday(), QLocale.FormatType.LongFormat)
            values = [name, *(str(day.pauses[o]) for o in _OUTCOMES), str(len(day.checkins))]
            for column, text in enumerate(values):
                self.pauses.setItem(row, column, _item(text, numeric=column > 0))
        self.pauses.resizeRowsToContents()
        # All seven days at once, no scrolling: the table is exactly as tall as its rows.
        height = self.pauses.horizontalHeader().height() + 2 * self.pauses.frameWidth()
        height += sum(self.pauses.rowHeight(r) for r in range(self.pauses.rowCount()))
        self.pauses.setFixedHeight(height)

    def _fill_checkins(self, summary: WeekSummary, locale: QLocale) -> None:
        entries = summary.checkins
        self.checkins.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            local = entry.at.astimezone(self._tz)
            when = self.tr("{day} {time}").format(
                day=locale.dayName(local.isoweekday(), QLocale.FormatType.ShortFormat),
                time=locale.toString(QTime(local.hour, local.minute),
                                     QLocale.FormatType.ShortFormat),
            )
            signals = ", ".join(translated(BODY_SIGNALS.label_of(s)) for s in entry.signals)
            cells = [when, *(self._answer_text(entry, q.id) for q in QUESTIONS), signals,
                     entry.trigger, "" if entry.tension is None else str(entry.tension)]
            for column, text in enumerate(cells):
                self.checkins.setItem(row, column, _item(text, numeric=column == 6))
            if entry.next_step:
                step = self.tr("Next step: {step}").format(step=entry.next_step)
                for column in range(len(cells)):
                    item = self.checkins.item(row, column)
                    if item is not None:
                        item.setToolTip(step)




    def _answer_text(self, entry: CheckIn, question_id: str) -> str:
        question = next(q for q in QUESTIONS if q.id == question_id)
        chips: tuple[str, ...] = getattr(entry, question_id)
        note: str = getattr(entry, f"{question_id}_note")
        words = [translated(question.label_of(c)) for c in chips]
        if note:
            words.append(self.tr("“{note}”").format(note=note))  # each language's quotes
        return ", ".join(words)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, numeric: bool) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
