"""The weekly overview: what the week held, in charts and in plain words.

The window shows one ISO week at a time (previous / next / this week, or any day picked in the
calendar), a four-week trend, and every stress-meter answer in a table. It only shows: the
data comes from `load_week`, and export, import, the report for a coach and delete are
signals the app acts on (app/your_data.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QDate, QLocale, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.content import BODY_SIGNALS, QUESTIONS
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome
from stressbreak.core.over_time import RANGES_MONTHS, HeartMeans, OverTime, WeekPoint
from stressbreak.core.stats import WeekSummary
from stressbreak.core.timeutil import week_start
from stressbreak.core.week_view import WeekView
from stressbreak.ui import data_dialogs, report_dialog
from stressbreak.ui.style import bold, quieter, translated
from stressbreak.ui.week_charts import (
    OUTCOME_COLOURS,
    RATING_COLOURS,
    HourMap,
    PausesChart,
    TensionChart,
    TopChart,
    TrendChart,
    WeeksChart,
    heart_line_colour,
    tension_line_colour,
)

_TREND_TAB = 1
_ANSWERS_TAB = 2
_OVER_TIME_TAB = 3


# Small enough for a third of a 1280×720 screen either way, large enough that a scrolled
# week still shows the buttons and part of a chart.
_MIN_SIZE = QSize(360, 200)
_TWO_COLUMNS_ROOM_PX = 80  # margins, spacing and a scroll bar beside two charts


class _Page(QWidget):
    """The overview's content, in a scroll area. It shrinks to its minimum height before it
    scrolls, as the window did without the area: the area would otherwise give it its
    preferred height (a height-for-width layout's is the only one Qt reports), and a week that
    fitted a 1024×768 screen would scroll. The area never makes it narrower than its minimum
    width, where that height holds every wrapped line."""

    def heightForWidth(self, width: int) -> int:
        del width  # never narrower than the minimum, see above
        return self.minimumSizeHint().height()


class _Slot(QStackedWidget):
    """A chart, or a kind sentence in its place when the week has nothing for it."""

    def __init__(self, chart: QWidget) -> None:
        super().__init__()
        self.chart = chart
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(chart)
        self.addWidget(self.note)

    def show_chart(self, shown: bool, note: str = "") -> None:
        self.note.setText(note)
        self.setCurrentWidget(self.chart if shown else self.note)


class OverviewWindow(QWidget):
    export_requested = Signal(object)  # data_dialogs.ExportChoice
    import_requested = Signal(object)  # pathlib.Path of a JSON export
    report_requested = Signal(object)  # report_dialog.ReportChoice
    delete_all_requested = Signal()

    def __init__(
        self,
        load_week: Callable[[date], WeekView],
        today: Callable[[], date],
        tz: tzinfo,
        parent: QWidget | None = None,
        *,
        load_over_time: Callable[[int], OverTime] | None = None,
        # With load_over_time only: asks for What helps me; the answer comes to show_helps.
        load_helps: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_week = load_week
        self._load_over_time = load_over_time
        self._load_helps = load_helps
        self._helps_asked = 0  # which answer show_helps waits for (older ones are stale)
        self._over_time_shown: int | None = None  # the months shown last (None: not yet)
        self._tz = tz
        self._today = today
        self._monday = week_start(today())
        self._view: WeekView | None = None
        # The other tabs are filled when opened (a week switch then costs less); these say
        # for which week they were filled last.
        self._trend_shown_for: date | None = None
        self._answers_shown_for: date | None = None
        self.setWindowTitle(self.tr("Your week"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_week_tab(), self.tr("Week"))
        self.tabs.addTab(self._build_trend_tab(), self.tr("Four weeks"))
        self.tabs.addTab(self._build_answers_tab(), self.tr("Stress-meter answers"))
        if load_over_time is not None:
            self.tabs.addTab(self._build_over_time_tab(), self.tr("Over time"))
        self.tabs.currentChanged.connect(lambda _index: self._show_hidden_tab_if_visible())

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        page = _Page()
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_nav())
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 1)
        # A tiling window manager gives the window its tile, whatever size the window asks
        # for: a narrow or low tile scrolls the week instead of cutting it off. Controls
        # scroll into view as they get the focus, so the area itself is no Tab stop.
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumSize(_MIN_SIZE)
        # Roomy where there is room; never taller than a small laptop's screen.
        area = self.screen().availableGeometry()
        self.resize(min(1000, area.width() - 40), min(780, area.height() - 40))

    # -- building ---------------------------------------------------------------------------

    def _build_nav(self) -> QVBoxLayout:
        self.previous_button = QPushButton(self.tr("◀ Previous week"))
        self.this_week_button = QPushButton(self.tr("This week"))
        self.next_button = QPushButton(self.tr("Next week ▶"))
        self.previous_button.clicked.connect(lambda: self.show_week(self._monday - timedelta(7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(self._today()))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday + timedelta(7)))
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("Go to the week of"))
        self.date_edit.setToolTip(self.tr("Go to the week of a day"))
        self.date_edit.dateChanged.connect(lambda day: self.show_week(day.toPython()))

        self.data_button = QToolButton()
        self.data_button.setText(self.tr("Your data"))
        self.data_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.data_button)
        self.export_action = QAction(self.tr("Export…"), self)
        self.import_action = QAction(self.tr("Import…"), self)
        self.report_action = QAction(self.tr("Report for a coach…"), self)
        self.delete_action = QAction(self.tr("Delete all data…"), self)
        self.export_action.triggered.connect(self.ask_export)
        self.import_action.triggered.connect(self.ask_import)
        self.report_action.triggered.connect(self.ask_report)
        self.delete_action.triggered.connect(self.ask_delete_all)
        for action in (self.export_action, self.import_action, self.report_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        self.data_button.setMenu(menu)

        # Two rows, so that half a screen (a tiling window manager's tile) holds them whole:
        # the week and its neighbours, then going to a week and the data.
        self.title.setWordWrap(True)
        weeks = QHBoxLayout()
        weeks.addWidget(self.previous_button)
        weeks.addWidget(self.title, 1)
        weeks.addWidget(self.next_button)
        goto = QHBoxLayout()
        goto.addWidget(self.date_edit)
        goto.addWidget(self.this_week_button)
        goto.addStretch(1)
        goto.addWidget(self.data_button)
        nav = QVBoxLayout()
        nav.addLayout(weeks)
        nav.addLayout(goto)
        return nav

    def _build_week_tab(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.insights_title = bold(QLabel(self.tr("What stands out")))
        self.insights_label = QLabel()
        self.insights_label.setWordWrap(True)
        self.insights_label.setTextFormat(Qt.TextFormat.PlainText)
        # A description, not a name: a label's name replaces its text for a screen reader.
        self.insights_label.setAccessibleDescription(self.tr("What stands out"))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pauses_chart = PausesChart()
        self.tension_chart = TensionChart()
        self.hour_map = HourMap()
        self.top_chart = TopChart()
        self.pauses_slot = _Slot(self.pauses_chart)
        self.tension_slot = _Slot(self.tension_chart)
        self.map_slot = _Slot(self.hour_map)
        self.top_slot = _Slot(self.top_chart)
        self.charts = QWidget()
        self._grid = QGridLayout(self.charts)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._arrange_charts(2)

        column = QVBoxLayout(page)
        column.addWidget(self.summary_label)
        column.addWidget(self.insights_title)
        column.addWidget(self.insights_label)
        column.addWidget(self.empty_label, 1)
        column.addWidget(self.charts, 1)
        return page

    def _arrange_charts(self, columns: int) -> None:
        """Two charts a row where the window is wide, one under the other where it is not
        (half a screen, as a tiling window manager gives it): never sideways scrolling."""
        if columns == self._columns:
            return
        self._columns = columns
        slots = (self.pauses_slot, self.tension_slot, self.map_slot, self.top_slot)
        for index, slot in enumerate(slots):
            self._grid.addWidget(slot, index // columns, index % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        two = 2 * self.pauses_slot.minimumSizeHint().width() + _TWO_COLUMNS_ROOM_PX
        self._arrange_charts(2 if event.size().width() >= two else 1)
        super().resizeEvent(event)

    def _build_trend_tab(self) -> QWidget:
        page = QWidget()
        self.trend_chart = TrendChart()
        self.trend_label = quieter(QLabel())
        self.trend_label.setWordWrap(True)
        column = QVBoxLayout(page)
        column.addWidget(self.trend_chart, 1)
        column.addWidget(self.trend_label)
        return page

    def _build_over_time_tab(self) -> QWidget:
        page = QWidget()
        self.range_box = QComboBox()
        for months in RANGES_MONTHS:
            self.range_box.addItem(self.tr("Last %n months", "", months), months)
        self.range_box.setAccessibleName(self.tr("How far back"))
        self.range_box.currentIndexChanged.connect(lambda _index: self._show_over_time())
        self.over_time_tension = WeeksChart(self.tr("Tension, week by week"), 10, ticks=6)
        self.over_time_pauses = WeeksChart(self.tr("Pauses taken, week by week"), 1)
        self.over_time_days = WeeksChart(self.tr("Sleep, energy and focus, week by week"), 5,
                                         bottom=1, ticks=5)
        # Only for weeks with a heart-rate strap (issue 19): without one, never shown.
        self.over_time_heart = WeeksChart(
            self.tr("Heart rhythm during pauses, week by week"), 1, ticks=6, decimals=1)
        self.over_time_heart_label = quieter(QLabel(self.tr(
            "The heart line is the average coherence of the week's pauses with a strap: from "
            "0 to 1, how closely your heart rhythm followed one slow, even wave. Point at a "
            "week for its heart rate and RMSSD.")))
        self.over_time_heart_label.setWordWrap(True)
        self.over_time_label = quieter(QLabel(self.tr(
            "Each point is a week: the average tension you noted in the stress meter, the "
            "pauses you took, and how you rated your sleep, energy and focus. A gap is a week "
            "without entries. Changes that matter come slowly; this shows their direction over "
            "months, not a score.")))
        self.over_time_label.setWordWrap(True)
        self.over_time_empty = QLabel(self.tr(
            "Nothing recorded in these months yet. Week by week, this fills as you take pauses "
            "and fill in the stress meter."))
        self.over_time_empty.setWordWrap(True)
        self.over_time_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chooser = QHBoxLayout()
        chooser.addWidget(self.range_box)
        chooser.addStretch(1)
        column = QVBoxLayout(page)
        column.addLayout(chooser)
        column.addWidget(self.over_time_empty, 1)
        column.addWidget(self.over_time_tension, 1)
        column.addWidget(self.over_time_pauses, 1)
        column.addWidget(self.over_time_days, 1)
        column.addWidget(self.over_time_heart, 1)
        column.addWidget(self.over_time_label)
        column.addWidget(self.over_time_heart_label)
        self.helps_title = bold(QLabel(self.tr("What helps me")))
        self.helps_label = QLabel()
        self.helps_label.setWordWrap(True)
        self.helps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.helps_label.setAccessibleDescription(self.tr("What helps me"))
        self.helps_method = quieter(QLabel(self.tr(
            "Patterns in your own days, named once they are clear: at least 10 days on each "
            "side, and a difference that chance alone would rarely show. They go "
            "together; they do not say what causes what. How it is worked out is written "
            "down in WHAT_HELPS.md, in StressBreak's documentation.")))
        self.helps_method.setWordWrap(True)
        column.addWidget(self.helps_title)
        column.addWidget(self.helps_label)
        column.addWidget(self.helps_method)
        return page

    def _show_over_time(self) -> None:
        if self._load_over_time is None or self.tabs.currentIndex() != _OVER_TIME_TAB:
            return
        months = int(self.range_box.currentData())
        self._over_time_shown = months
        view = self._load_over_time(months)
        locale, palette = QLocale(), self.palette()
        mondays = [week.monday for week in view.weeks]
        so_far = next((index for index, week in enumerate(view.weeks) if week.so_far), None)
        self.over_time_tension.show_weeks(mondays, [(
            self.tr("Average tension"), tension_line_colour(palette),
            [week.tension for week in view.weeks])], locale, palette, so_far=so_far)
        self.over_time_pauses.show_weeks(mondays, [(
            self.tr("Pauses taken"), OUTCOME_COLOURS[PauseOutcome.COMPLETED],
            [week.pauses for week in view.weeks])], locale, palette, whole=True, so_far=so_far)
        self.over_time_tension.setAccessibleDescription(self._described(
            view.weeks, [self._tension_said(week.tension, locale) for week in view.weeks],
            lambda day, said: self.tr("week of {day}: {tension}").format(
                day=day, tension=said), locale))
        self.over_time_pauses.setAccessibleDescription(self._described(
            view.weeks, [self._pauses_said(week.pauses) for week in view.weeks],
            lambda day, said: self.tr("week of {day}: {pauses}").format(
                day=day, pauses=said), locale))
        ratings = ((self.tr("Sleep"), RATING_COLOURS[0], [w.sleep for w in view.weeks]),
                   (self.tr("Energy"), RATING_COLOURS[1], [w.energy for w in view.weeks]),
                   (self.tr("Focus"), RATING_COLOURS[2], [w.focus for w in view.weeks]))
        self.over_time_days.show_weeks(mondays, ratings, locale, palette, so_far=so_far)
        self.over_time_days.setAccessibleDescription(self._described(
            view.weeks, [", ".join(f"{name} {locale.toString(value, 'f', 1)}"
                                   for name, _colour, values in ratings
                                   if (value := values[index]) is not None)
                         or self.tr("not rated") for index in range(len(view.weeks))],
            lambda day, said: self.tr("week of {day}: {ratings}").format(
                day=day, ratings=said), locale))
        if view.has_heart:  # nothing to pay without a strap
            self._show_heart(view, mondays, locale, palette, so_far)
        empty = view.is_empty
        self.over_time_empty.setVisible(empty)
        for widget in (self.over_time_tension, self.over_time_pauses, self.over_time_label):
            widget.setVisible(not empty)
        self.over_time_days.setVisible(not empty and view.rated)
        for widget in (self.over_time_heart, self.over_time_heart_label):
            widget.setVisible(not empty and view.has_heart)
        if self._load_helps is not None and not self.helps_label.text():
            # After the charts are painted: it looks back over a year (a tenth of a second).
            self.helps_label.setText(self.tr("Looking at your days…"))
            self._helps_asked += 1
            if empty:
                QTimer.singleShot(0, self, self._ask_helps)
            else:
                # Once the charts are on screen: its thread would slow their first paint.
                self.over_time_tension.painted.connect(
                    self._after_charts_painted, Qt.ConnectionType.SingleShotConnection)
                self.over_time_tension.update()

    def _show_heart(self, view: OverTime, mondays: Sequence[date], locale: QLocale,
                    palette: QPalette, so_far: int | None) -> None:
        weeks = self._week_texts(
            view.weeks, [self._heart_said(week.heart, locale) for week in view.weeks],
            lambda day, figures: self.tr("week of {day}: {heart}").format(
                day=day, heart=figures), locale)
        # The tooltip of a week says what the screen reader says of it.
        self.over_time_heart.show_weeks(mondays, [(
            self.tr("Coherence"), heart_line_colour(palette),
            [None if week.heart is None else week.heart.coherence for week in view.weeks])],
            locale, palette, so_far=so_far, tips=weeks)
        self.over_time_heart.setAccessibleDescription("; ".join(weeks))

    def _heart_said(self, heart: HeartMeans | None, locale: QLocale) -> str:
        if heart is None:
            return self.tr("no heart figures")
        parts = []
        if heart.coherence is not None:
            parts.append(self.tr("coherence {value}").format(
                value=locale.toString(heart.coherence, "f", 2)))
        if heart.heart_rate is not None:
            parts.append(self.tr("heart rate {value}").format(
                value=locale.toString(heart.heart_rate, "f", 0)))
        if heart.rmssd_ms is not None:
            parts.append(self.tr("RMSSD {value} ms").format(
                value=locale.toString(heart.rmssd_ms, "f", 0)))
        parts.append(self.tr("%n pauses with a strap", "", heart.pauses))
        return ", ".join(parts)

    def _tension_said(self, tension: float | None, locale: QLocale) -> str:
        return (self.tr("no tension noted") if tension is None
                else locale.toString(tension, "f", 1))

    def _pauses_said(self, pauses: int | None) -> str:
        return self.tr("no entries") if pauses is None else self.tr("%n pauses taken", "",
                                                                       pauses)

    def _described(self, weeks: Sequence[WeekPoint], said: Sequence[str],
                   whole_week: Callable[[str, str], str], locale: QLocale) -> str:
        """A chart's words for a screen reader: each week by its Monday, and the week still
        going on as such, or its few days would sound like a drop."""
        return "; ".join(self._week_texts(weeks, said, whole_week, locale))

    def _week_texts(self, weeks: Sequence[WeekPoint], said: Sequence[str],
                    whole_week: Callable[[str, str], str], locale: QLocale) -> list[str]:
        parts = []
        for week, value in zip(weeks, said, strict=True):
            day = locale.toString(_qdate(week.monday), self.tr("d MMM"))
            parts.append(self.tr("this week so far, from {day}: {value}").format(
                day=day, value=value) if week.so_far else whole_week(day, value))
        return parts

    def _after_charts_painted(self) -> None:
        QTimer.singleShot(0, self, self._ask_helps)  # after the rest of this paint pass

    def _ask_helps(self) -> None:
        assert self._load_helps is not None
        self._load_helps(self._helps_asked)

    def show_helps(self, lines: Sequence[str], asked: int) -> None:
        """What helps me, as found for the request `asked`; an answer to an earlier request
        (the journal changed since) is left out: the later one is on its way."""
        if asked != self._helps_asked:
            return
        self.helps_label.setText("\n".join(f"• {line}" for line in lines) or self.tr(
            "Nothing to say yet: a pattern is named once your own days show it clearly."))

    def _build_answers_tab(self) -> QWidget:
        page = QWidget()
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
        self.answers_empty = QLabel(self.tr("No stress meter was filled in this week."))
        self.answers_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addWidget(self.checkins, 1)
        layout.addWidget(self.answers_empty)
        return page

    # -- showing ----------------------------------------------------------------------------

    @property
    def monday(self) -> date:
        return self._monday

    @property
    def view(self) -> WeekView | None:
        return self._view

    def show_week(self, day: date) -> None:
        """Show the week that holds `day` (never one after the current week)."""
        current = week_start(self._today())
        self._monday = min(week_start(day), current)
        view = self._load_week(self._monday)
        self._view = view
        locale = QLocale()
        sunday = self._monday + timedelta(days=6)
        self.title.setText(self.tr("Week {week}: {first} – {last}").format(
            week=self._monday.isocalendar().week,
            # Month names from the locale; the pattern itself is translatable, so each
            # language puts day and month in its own order ("23 Nov" / "Nov 23").
            first=locale.toString(_qdate(self._monday), self.tr("d MMM")),
            last=locale.toString(_qdate(sunday), self.tr("d MMM yyyy")),
        ))
        self.next_button.setEnabled(self._monday < current)
        self.this_week_button.setEnabled(self._monday != current)
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(_qdate(self._today()))
        self.date_edit.setDate(_qdate(self._monday))
        self.date_edit.blockSignals(False)

        self._show_summary(view, current)
        palette = self.palette()
        summary, patterns = view.summary, view.patterns
        self.pauses_chart.show_week(summary, locale, palette)
        self.pauses_slot.show_chart(any(d.reminders or d.natural for d in summary.days),
                                    self.tr("No pause reminders this week."))
        self.tension_chart.show_week(patterns, locale, palette)
        self.tension_slot.show_chart(bool(patterns.tension_points), self.tr(
            "No tension noted this week. When you give a number in the stress meter, it "
            "shows here."))
        self.hour_map.show_week(patterns, locale, palette)
        self.map_slot.show_chart(patterns.checkins > 0, self.tr(
            "The stress meters of the week appear here, by day and hour."))
        has_top = self.top_chart.show_week(patterns, palette)
        self.top_slot.show_chart(has_top, self.tr(
            "Body signals, needs and what set you off appear here once you note them."))
        self._trend_shown_for = None
        self._answers_shown_for = None
        self._over_time_shown = None  # new entries (an import, a pause) show there too
        if self._load_over_time is not None:
            self.helps_label.setText("")
        self._show_hidden_tab_if_visible()

    def _show_summary(self, view: WeekView, current: date) -> None:
        self.summary_label.setText(" · ".join(self._counts(view)))
        empty = view.summary.is_empty
        if self._monday == current:
            self.empty_label.setText(self.tr(
                "Nothing recorded yet this week. When you take a pause or fill in the stress "
                "meter, your week takes shape here."))
        else:
            self.empty_label.setText(self.tr("Nothing was recorded this week."))
        self.empty_label.setVisible(empty)
        self.charts.setVisible(not empty)
        self.summary_label.setVisible(not empty)
        if view.insights:
            self.insights_label.setText("\n".join(f"• {line}" for line in view.insights))
        else:
            self.insights_label.setText(self.tr(
                "Nothing in particular stands out this week. Patterns show here when something "
                "comes up a few times."))
        self.insights_title.setVisible(not empty)
        self.insights_label.setVisible(not empty)

    def _counts(self, view: WeekView) -> list[str]:
        """What the week held, as plain counts: never "so many of so many", since the pauses
        are not measured against the reminders."""
        summary, patterns = view.summary, view.patterns
        counts = [self.tr("%n pauses", "", summary.taken)]
        meters = self.tr("%n stress meters", "", patterns.checkins)
        if patterns.checkins:
            origins = patterns.checkins_by_origin
            meters = self.tr(
                "{checkins} ({after} after a pause, {asked} when asked, {own} on your own)"
            ).format(checkins=meters, after=origins.get(CheckInOrigin.AFTER_PAUSE, 0),
                     asked=origins.get(CheckInOrigin.SCHEDULED, 0),
                     own=origins.get(CheckInOrigin.MANUAL, 0))
        counts.append(meters)
        natural = summary.total(PauseOutcome.NATURAL)
        if natural:
            counts.append(self.tr("%n natural pauses (away from the desk)", "", natural))
        return counts

    def _show_hidden_tab_if_visible(self) -> None:
        if self._view is None:
            return
        if self.tabs.currentIndex() == _OVER_TIME_TAB and self._over_time_shown is None:
            self._show_over_time()  # it does not follow the week shown: once opened, kept
        if self.tabs.currentIndex() == _ANSWERS_TAB and self._answers_shown_for != self._monday:
            self._answers_shown_for = self._monday
            self._fill_checkins(self._view.summary, QLocale())
        if self.tabs.currentIndex() != _TREND_TAB or self._trend_shown_for == self._monday:
            return
        self._trend_shown_for = self._monday
        trend = self._view.trend
        labels = [self.tr("Week {week}").format(week=w.monday.isocalendar().week)
                  for w in trend]
        self.trend_chart.show_weeks(trend, labels, self.palette())
        self.trend_label.setText(self.tr(
            "Per week, the pauses you took and how often you filled in the stress meter: "
            "counts to look back on, not a goal to reach."))

    def _fill_checkins(self, summary: WeekSummary, locale: QLocale) -> None:
        entries = summary.checkins
        self.checkins.setRowCount(len(entries))
        self.answers_empty.setVisible(not entries)
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

    # -- the user's data --------------------------------------------------------------------

    def show_status(self, text: str) -> None:
        """The outcome of an export, import or delete, until the next one."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def refresh(self) -> None:
        self.show_week(self._monday)

    def ask_export(self) -> None:
        week = (self._monday, self._monday + timedelta(days=6))
        choice = data_dialogs.ask_export(self, week, self._today())
        if choice is not None:
            self.export_requested.emit(choice)

    def ask_import(self) -> None:
        path = data_dialogs.ask_import_file(self)
        if path is not None:
            self.import_requested.emit(path)

    def ask_report(self) -> None:
        choice = report_dialog.ask_report(self, self._today())
        if choice is not None:
            self.report_requested.emit(choice)

    def ask_delete_all(self) -> None:
        if data_dialogs.confirm_delete_all(self):
            self.delete_all_requested.emit()


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
