"""The weekly overview's charts, drawn with QtCharts (PySide6-Addons).

Each chart is a QChartView that keeps its series and axes for the life of the window and only
replaces their values when another week is shown: rebuilding a QChart costs tens of
milliseconds, replacing values about one. Colours are calm on purpose (no alarm red: a tense
day is something to notice, not a warning): tension is one hue, lighter for less and darker for
more, never a traffic light. Every chart also says its numbers in its accessible description,
since a screen reader cannot read a picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from stressbreak.core.content import BODY_SIGNALS, QUESTIONS
from stressbreak.core.model import PauseOutcome
from stressbreak.core.stats import HourCell, WeekPatterns, WeekSummary, WeekTrend
from stressbreak.ui.style import translated

OUTCOME_COLOURS = {
    PauseOutcome.COMPLETED: QColor("#3f9a95"),
    PauseOutcome.ENDED_EARLY: QColor("#8cc9c1"),
    PauseOutcome.MISSED: QColor("#b9b1a6"),
    PauseOutcome.SKIPPED: QColor("#e0c9a6"),
    PauseOutcome.NATURAL: QColor("#7fb0d6"),
}
# Tension 0–10 in five steps of one blue, light to dark. Not the pauses' teal (tension is not
# a pause) and no warm end that would read as a warning. Lightness runs from near the light
# window colour to well above the dark one, so every step also shows on a dark desktop; the
# cells' outline (from the palette) does the rest.
TENSION_HUE = 212
TENSION_BANDS: tuple[tuple[int, int, QColor], ...] = tuple(
    (low, high, QColor.fromHsl(TENSION_HUE, saturation, lightness))
    for low, high, saturation, lightness in (
        (0, 2, 150, 222), (3, 4, 130, 186), (5, 6, 110, 150), (7, 8, 115, 114), (9, 10, 130, 80),
    )
)
# A dark dot in a white ring shows on every step of the scale and on the hatched cells.
_SIGNAL_COLOUR = QColor("#241f33")
_SIGNAL_RING = QColor(Qt.GlobalColor.white)
_GROUP_COLOURS = (QColor("#5b4b8a"), QColor("#3f9a95"), QColor("#e0a35c"))
# Sleep, energy and focus: three calm hues that are none of the others' (pauses' teal, the
# tension blue), told apart by lightness as well.
RATING_COLOURS = (QColor("#5b4b8a"), QColor("#d08c3c"), QColor("#6a8f3a"))
# The heart figures of pauses with a strap: a muted rose, near the heart's colour but far from
# an alarm red, and none of the hues above; lighter on a dark window.
HEART_COLOURS = (QColor("#a0527a"), QColor("#d68fb0"))


def heart_line_colour(palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(HEART_COLOURS[1 if dark else 0])
_TOP_PER_GROUP = 2  # six rows in all: more squeeze the labels until QtCharts elides them
_LABEL_CHARS = 26


def _new_chart(view: QChartView, *, curves: bool = True) -> QChart:
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    # No animation: a week switch shows the new week at once, and costs no frames.
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view.setChart(chart)
    # Bars are upright rectangles: antialiasing them only costs paint time (text is smoothed
    # either way).
    view.setRenderHint(QPainter.RenderHint.Antialiasing, curves)
    view.setMinimumSize(360, 240)
    return chart


def _follow_palette(chart: QChart, palette: QPalette) -> None:
    """Charts keep their own colours; make titles, labels and the legend follow the window's
    text colour, so they read on a dark desktop as well as a light one."""
    text = palette.color(QPalette.ColorRole.WindowText)
    grid = QColor(text)
    grid.setAlphaF(0.15)
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setTitleBrush(QBrush(text))
        axis.setLinePenColor(grid)
        axis.setGridLineColor(grid)


def _whole_numbers(axis: QValueAxis, top: float) -> None:
    """Counts are whole: ticks on whole numbers, never "2.5 pauses"."""
    top = max(1.0, float(top))
    step = 1 if top <= 6 else 2 if top <= 12 else 5 if top <= 30 else 10
    top = step * -(-top // step)
    axis.setRange(0, top)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")


def _bar_set(name: str, colour: QColor) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.setColor(colour)
    bar_set.setBorderColor(colour)  # a flat bar, no darker outline
    return bar_set


def _replace_values(bar_set: QBarSet, values: Sequence[float]) -> None:
    bar_set.remove(0, bar_set.count())
    bar_set.append([float(v) for v in values])


def short_day_names(locale: QLocale) -> list[str]:
    return [locale.dayName(day, QLocale.FormatType.ShortFormat) for day in range(1, 8)]


class PausesChart(QChartView):
    """Pauses per day, stacked by what became of each reminder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self, curves=False)
        self.chart().setTitle(self.tr("Pauses per day"))
        names = {
            PauseOutcome.COMPLETED: self.tr("Completed"),
            PauseOutcome.ENDED_EARLY: self.tr("Ended early"),
            # What became of the reminder, not a verdict on the user: it went by unanswered,
            # or they chose to let it go by.
            PauseOutcome.MISSED: self.tr("Passed by"),
            PauseOutcome.SKIPPED: self.tr("Let pass"),
            PauseOutcome.NATURAL: self.tr("Natural pause"),
        }
        self.sets: dict[PauseOutcome, QBarSet] = {}
        self.series = QStackedBarSeries()
        for outcome, name in names.items():
            self.sets[outcome] = _bar_set(name, OUTCOME_COLOURS[outcome])
            self.series.append(self.sets[outcome])
        self.chart().addSeries(self.series)
        self.days = QBarCategoryAxis()
        self.counts = QValueAxis()
        self.chart().addAxis(self.days, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.counts, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.days)
        self.series.attachAxis(self.counts)
        self.setAccessibleName(self.chart().title())

    def show_week(self, summary: WeekSummary, locale: QLocale, palette: QPalette) -> None:
        names = short_day_names(locale)
        if self.days.categories() != names:  # the same every week; setting costs a relayout
            self.days.setCategories(names)
        for outcome, bar_set in self.sets.items():
            _replace_values(bar_set, [day.pauses[outcome] for day in summary.days])
        _whole_numbers(self.counts, max(day.reminders + day.natural for day in summary.days))
        # "Natural pause" in the legend only in weeks that had one: five entries do not fit.
        natural = self.sets[PauseOutcome.NATURAL]
        for marker in self.chart().legend().markers(self.series):
            if marker.label() == natural.label():
                marker.setVisible(any(day.natural for day in summary.days))
        _follow_palette(self.chart(), palette)
        parts = []
        for name, day in zip(names, summary.days, strict=True):
            counts = ", ".join(f"{self.sets[o].label()} {day.pauses[o]}" for o in self.sets
                               if day.pauses[o])
            parts.append(f"{name}: {counts or '0'}")
        self.setAccessibleDescription("; ".join(parts))


class TensionChart(QChartView):
    """Every tension the user noted this week, in time order (0 calm – 10 very tense)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self)
        self.chart().setTitle(self.tr("Tension through the week"))
        self.chart().legend().setVisible(False)
        self.line = QLineSeries()
        self.points = QScatterSeries()
        self.points.setMarkerSize(9)
        self.chart().addSeries(self.line)
        self.chart().addSeries(self.points)
        self.days = QCategoryAxis()
        self.days.setRange(0, 7)
        self.days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        self.tension = QValueAxis()
        self.tension.setRange(0, 10)
        self.tension.setTickCount(6)
        self.tension.setLabelFormat("%d")
        self.chart().addAxis(self.days, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.tension, Qt.AlignmentFlag.AlignLeft)
        for series in (self.line, self.points):
            series.attachAxis(self.days)
            series.attachAxis(self.tension)
        self.setAccessibleName(self.chart().title())

    def show_week(self, patterns: WeekPatterns, locale: QLocale, palette: QPalette) -> None:
        names = short_day_names(locale)
        _set_day_ranges(self.days, names)
        points = []
        described = []
        for when, tension in patterns.tension_points:
            # Days from Monday 00:00 local, by the wall clock, so a point sits in its day.
            x = when.weekday() + (when.hour + when.minute / 60) / 24
            points.append(QPointF(x, tension))
            described.append(f"{names[when.weekday()]} {when:%H:%M} {tension}")
        self.line.replace(points)
        self.points.replace(points)
        colour = tension_line_colour(palette)
        pen = QPen(colour)
        pen.setWidthF(2.0)
        self.line.setPen(pen)
        self.points.setColor(colour)
        self.points.setBorderColor(colour)
        _follow_palette(self.chart(), palette)
        self.setAccessibleDescription(", ".join(described))


def tension_line_colour(palette: QPalette) -> QColor:
    """The tension scale's hue, a step lighter on a dark window so the line stays as clear."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(TENSION_BANDS[2 if dark else 3][2])


def _set_day_ranges(axis: QCategoryAxis, names: list[str]) -> None:
    """One range per day, [i, i + 1), labelled in its middle; left alone when unchanged."""
    if axis.categoriesLabels() == names:
        return
    for label in list(axis.categoriesLabels()):
        axis.remove(label)
    for index, name in enumerate(names, start=1):
        axis.append(name, index)


def band_of(tension: float) -> int:
    """Index into TENSION_BANDS for a (mean) tension."""
    rounded = round(tension)
    for index, (low, high, _colour) in enumerate(TENSION_BANDS):
        if low <= rounded <= high:
            return index
    return len(TENSION_BANDS) - 1


class HourMap(QChartView):
    """A day × hour map: the shade is the mean tension noted in that hour (lighter less, darker
    more), a hatched cell is a stress meter without a number, the dot says a body signal was
    noticed there. Hover a cell for its numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self)
        self.chart().setTitle(self.tr("Tension (colour) and body signals (dot) by day and hour"))
        self.bands: list[QScatterSeries] = []
        for low, high, colour in TENSION_BANDS:
            series = QScatterSeries()
            series.setName(f"{low}–{high}")
            series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
            series.setColor(colour)
            self.bands.append(series)
        # No fill, only hatching: a stress meter without a number must never look like a calm
        # 0, which is the lightest fill.
        self.no_tension = QScatterSeries()
        self.no_tension.setName(self.tr("no number"))
        self.no_tension.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
        self.signals = QScatterSeries()
        self.signals.setName(self.tr("body signal"))
        self.signals.setMarkerSize(8)
        self.signals.setColor(_SIGNAL_COLOUR)
        ring = QPen(_SIGNAL_RING)
        ring.setWidthF(1.5)
        self.signals.setPen(ring)
        self.hours = QValueAxis()
        self.hours.setLabelFormat("%d")
        self.days = QCategoryAxis()
        self.days.setRange(0, 7)
        self.days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        self.days.setGridLineVisible(False)
        self.chart().addAxis(self.hours, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.days, Qt.AlignmentFlag.AlignLeft)
        for series in (*self.bands, self.no_tension, self.signals):
            self.chart().addSeries(series)
            series.attachAxis(self.hours)
            series.attachAxis(self.days)
            series.hovered.connect(self._on_hover)
        self.chart().plotAreaChanged.connect(lambda *_: self._fit_markers())
        self._grid: tuple[tuple[HourCell, ...], ...] = ()
        self._names: list[str] = []
        self._locale = QLocale()
        self._first_hour = 7
        self._last_hour = 19
        self.setAccessibleName(self.chart().title())

    def show_week(self, patterns: WeekPatterns, locale: QLocale, palette: QPalette) -> None:
        self._grid = patterns.grid
        self._names = short_day_names(locale)
        self._locale = locale
        self._follow_palette_in_cells(palette)
        # Monday on top, as in a calendar: day d is drawn at 6 - d.
        _set_day_ranges(self.days, list(reversed(self._names)))
        used = [h for row in patterns.grid for h, cell in enumerate(row) if cell.checkins]
        # Working hours by default; wider when the week has entries outside them.
        self._first_hour = min([7, *used])
        self._last_hour = max([19, *used])
        self.hours.setRange(self._first_hour - 0.5, self._last_hour + 0.5)
        self.hours.setTickType(QValueAxis.TickType.TicksDynamic)
        self.hours.setTickAnchor(0)
        self.hours.setTickInterval(3 if self._last_hour - self._first_hour > 12 else 2)
        banded: list[list[QPointF]] = [[] for _ in TENSION_BANDS]
        unbanded: list[QPointF] = []
        signalled: list[QPointF] = []
        described = []
        for day, row in enumerate(patterns.grid):
            for hour, cell in enumerate(row):
                if not cell.checkins:
                    continue
                point = QPointF(hour, 6 - day + 0.5)
                mean = cell.mean_tension
                if mean is None:
                    unbanded.append(point)
                else:
                    banded[band_of(mean)].append(point)
                if cell.signals:
                    signalled.append(point)
                described.append(self._cell_text(day, hour, cell))
        for series, points in zip(self.bands, banded, strict=True):
            series.replace(points)
        self.no_tension.replace(unbanded)
        self.signals.replace(signalled)
        self._fit_markers()
        _follow_palette(self.chart(), palette)
        self.setAccessibleDescription("; ".join(described))

    def _follow_palette_in_cells(self, palette: QPalette) -> None:
        """Outline and hatching in the text colour, half strength: cells stand out from a light
        window and a dark one alike, while the fill alone carries the tension."""
        ink = QColor(palette.color(QPalette.ColorRole.WindowText))
        ink.setAlphaF(0.5)
        outline = QPen(ink)
        outline.setWidthF(1.0)
        for series in (*self.bands, self.no_tension):
            series.setPen(outline)
        hatch = QColor(palette.color(QPalette.ColorRole.WindowText))
        hatch.setAlphaF(0.6)
        self.no_tension.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))

    def _fit_markers(self) -> None:
        area = self.chart().plotArea()
        hours = self._last_hour - self._first_hour + 1
        if area.width() <= 0 or hours <= 0:
            return
        size = max(4.0, min(area.width() / hours, area.height() / 7) * 0.9)
        for series in (*self.bands, self.no_tension):
            series.setMarkerSize(size)

    def _cell_text(self, day: int, hour: int, cell: HourCell) -> str:
        mean = cell.mean_tension
        tension = (self.tr("tension {mean}").format(mean=self._locale.toString(mean, "f", 1))
                   if mean is not None else self.tr("no tension noted"))
        return self.tr("{day} {hour}:00: {checkins}, {tension}, {signals}").format(
            day=self._names[day], hour=hour, tension=tension,
            checkins=self.tr("%n stress meters", "", cell.checkins),
            signals=self.tr("%n body signals", "", cell.signals))

    def _on_hover(self, point: QPointF, state: bool) -> None:
        if not state or not self._grid:
            QToolTip.hideText()
            return
        day = 6 - int(point.y())
        hour = round(point.x())
        if 0 <= day < 7 and 0 <= hour < 24:
            QToolTip.showText(QCursor.pos(), self._cell_text(day, hour, self._grid[day][hour]),
                              self)


class TopChart(QChartView):
    """What came up most: body signals, needs and the user's own triggers, the top two of each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self, curves=False)
        self.chart().setTitle(self.tr("What came up most"))
        self.series = QHorizontalStackedBarSeries()
        self.sets = []
        names = (self.tr("Body signals"), self.tr("Needs"), self.tr("Set off by"))
        for name, colour in zip(names, _GROUP_COLOURS, strict=True):
            self.sets.append(_bar_set(name, colour))
            self.series.append(self.sets[-1])
        self.chart().addSeries(self.series)
        self.labels = QBarCategoryAxis()
        self.counts = QValueAxis()
        self.chart().addAxis(self.labels, Qt.AlignmentFlag.AlignLeft)
        self.chart().addAxis(self.counts, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.labels)
        self.series.attachAxis(self.counts)
        self.setAccessibleName(self.chart().title())

    def show_week(self, patterns: WeekPatterns, palette: QPalette) -> bool:
        """False when nothing was noted this week (the window then says so in words)."""
        need = next(q for q in QUESTIONS if q.id == "need")
        groups: list[list[tuple[str, int]]] = [
            [(translated(BODY_SIGNALS.label_of(i)), n)
             for i, n in patterns.top_signals[:_TOP_PER_GROUP]],
            [(translated(need.label_of(i)), n) for i, n in patterns.top_needs[:_TOP_PER_GROUP]],
            [(f"“{_shortened(text)}”", n)
             for text, n in patterns.top_triggers[:_TOP_PER_GROUP]],
        ]
        # Bottom to top in Qt's horizontal bars: reversed, so the first group reads first.
        rows = [(group, label, count) for group, entries in enumerate(groups)
                for label, count in entries][::-1]
        labels = _unique_labels([label for _group, label, _count in rows])
        self.labels.setCategories(labels)
        for group, bar_set in enumerate(self.sets):
            _replace_values(bar_set, [count if g == group else 0 for g, _label, count in rows])
        _whole_numbers(self.counts, max((count for _g, _l, count in rows), default=1))
        _follow_palette(self.chart(), palette)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {count}" for (_g, _l, count), label in
                      zip(reversed(rows), reversed(labels), strict=True)))
        return bool(rows)


def _shortened(text: str, most: int = _LABEL_CHARS) -> str:
    """A long trigger would squeeze the bars to nothing (QtCharts then elides every label)."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _unique_labels(labels: Sequence[str]) -> list[str]:
    """A category axis needs distinct labels; a trigger may read like a body signal."""
    seen: set[str] = set()
    result = []
    for label in labels:
        unique = label
        while unique in seen:
            unique += "\u200b"  # invisible, keeps the text as the user wrote it
        seen.add(unique)
        result.append(unique)
    return result


class TrendChart(QChartView):
    """Four weeks side by side, in plain counts: the pauses taken and the stress meters filled
    in. No reminders beside them and no average tension: either would turn the weeks into
    scores to beat."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self, curves=False)
        self.chart().setTitle(self.tr("The last four weeks"))
        self.taken = _bar_set(self.tr("Pauses taken"), OUTCOME_COLOURS[PauseOutcome.COMPLETED])
        self.checkins = _bar_set(self.tr("Stress meters"), _GROUP_COLOURS[0])
        self.bars = QBarSeries()
        for bar_set in (self.taken, self.checkins):
            self.bars.append(bar_set)
        self.chart().addSeries(self.bars)
        self.weeks = QBarCategoryAxis()
        self.counts = QValueAxis()
        self.chart().addAxis(self.weeks, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.counts, Qt.AlignmentFlag.AlignLeft)
        self.bars.attachAxis(self.weeks)
        self.bars.attachAxis(self.counts)
        self.setAccessibleName(self.chart().title())

    def show_weeks(
        self, weeks: Sequence[WeekTrend], labels: Sequence[str], palette: QPalette
    ) -> None:
        self.weeks.setCategories(list(labels))
        _replace_values(self.taken, [w.taken for w in weeks])
        _replace_values(self.checkins, [w.checkins for w in weeks])
        _whole_numbers(self.counts, max((max(w.taken, w.checkins) for w in weeks), default=1))
        _follow_palette(self.chart(), palette)
        self.setAccessibleDescription("; ".join(
            self.tr("{week}: {pauses}, {checkins}").format(
                week=label, pauses=self.tr("%n pauses taken", "", w.taken),
                checkins=self.tr("%n stress meters", "", w.checkins))
            for label, w in zip(labels, weeks, strict=True)))


def _segments(values: Sequence[float | None]) -> list[list[QPointF]]:
    """The runs of weeks with a value, as points: a week without one breaks the line."""
    runs: list[list[QPointF]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(QPointF(index, value))
    return [run for run in runs if run]


def _pieces(run: list[QPointF], so_far: int | None) -> list[tuple[list[QPointF], bool]]:
    """A run as line pieces, each with whether it is dashed: solid between whole weeks, dashed
    into and out of the week still going on."""
    at = next((i for i, point in enumerate(run) if point.x() == so_far), None)
    if at is None:
        return [(run, False)]
    pieces = [(run[:at], False), (run[at - 1:at + 1], True),
              (run[at:at + 2], True), (run[at + 1:], False)]
    return [(piece, dashed) for piece, dashed in pieces if len(piece) > 1] or [(run, False)]


class WeeksChart(QChartView):
    """Weeks side by side over months, one line per measure, broken where a week has no entry
    (a holiday is a gap, not a zero). Month names under the first week of each month.

    The week still going on (`so_far`) is drawn apart: a hollow point at the end of a dashed
    line, and a legend entry that says so. Its counts are of a few days, and drawn like a whole
    week they would read as a drop every Monday."""

    # After each paint: the overview waits for the charts to be on screen before it asks
    # for the slower What helps me.
    painted = Signal()

    def __init__(self, title: str, top: float, *, bottom: float = 0, ticks: int = 5,
                 decimals: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _new_chart(self)
        self.chart().setTitle(title)
        self.months = QCategoryAxis()
        self.months.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.values = QValueAxis()
        self.values.setRange(bottom, top)
        self.values.setTickCount(ticks)  # whole numbers on every line (0, 2, … 10 for tension)
        self.values.setLabelFormat(f"%.{decimals}f" if decimals else "%d")
        # A fraction in the user's own way ("0,4" in Dutch); whole numbers read the same.
        self.chart().setLocalizeNumbers(decimals > 0)
        self.chart().addAxis(self.months, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.values, Qt.AlignmentFlag.AlignLeft)
        self.setAccessibleName(title)
        self._tips: Sequence[str] = ()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def show_weeks(self, mondays: Sequence[date], lines: Sequence[tuple[str, QColor,
                                                                        Sequence[float | None]]],
                   locale: QLocale, palette: QPalette, *, whole: bool = False,
                   so_far: int | None = None, tips: Sequence[str] = ()) -> None:
        """`so_far`: the index of the week still going on, if it is among `mondays`.
        `tips`: a text for each week, shown when the pointer rests on its point."""
        chart = self.chart()
        chart.removeAllSeries()
        chart.setLocale(locale)
        self._tips = tips
        inside = palette.color(QPalette.ColorRole.Window)  # a hollow point shows the window
        hollow_shown = False
        for name, colour, values in lines:
            pen = QPen(colour)
            pen.setWidthF(2.0)
            dashed = QPen(pen)
            dashed.setStyle(Qt.PenStyle.DashLine)
            points = QScatterSeries()  # a week alone between gaps still shows
            points.setMarkerSize(6)
            points.setColor(colour)
            points.setBorderColor(colour)
            legend_given = False
            for run in _segments(values):
                for piece, is_dashed in _pieces(run, so_far):
                    line = QLineSeries()
                    line.setName(name)
                    line.setPen(dashed if is_dashed else pen)
                    line.replace(piece)
                    self._add(line)
                    chart.legend().markers(line)[0].setVisible(not legend_given)
                    legend_given = True
                points.append([p for p in run if p.x() != so_far])
            self._add(points)
            chart.legend().markers(points)[0].setVisible(False)
            value = values[so_far] if so_far is not None and 0 <= so_far < len(values) else None
            if so_far is not None and value is not None:
                hollow = self._hollow_points(pen, inside)
                hollow.append(so_far, float(value))
                chart.legend().markers(hollow)[0].setVisible(False)
                hollow_shown = True
                if tips:
                    hollow.hovered.connect(self._on_hover)
            if tips:
                points.hovered.connect(self._on_hover)
        if hollow_shown:
            # One entry for every line: a ring in the text's colour, the words beside it.
            ring = QPen(palette.color(QPalette.ColorRole.WindowText))
            ring.setWidthF(2.0)
            legend = self._hollow_points(ring, inside)
            legend.setName(self.tr("this week so far"))
            marker = chart.legend().markers(legend)[0]
            marker.setShape(QLegend.MarkerShape.MarkerShapeCircle)
        if whole:
            _whole_numbers(self.values, max(
                (v for _n, _c, values in lines for v in values if v is not None), default=1))
        self._name_months(mondays, locale)
        chart.legend().setVisible(len(lines) > 1 or hollow_shown)
        _follow_palette(chart, palette)

    def _name_months(self, mondays: Sequence[date], locale: QLocale) -> None:
        for label in list(self.months.categoriesLabels()):
            self.months.remove(label)
        self.months.setRange(-0.5, len(mondays) - 0.5)
        shown = None
        for index, monday in enumerate(mondays):
            if (monday.year, monday.month) != shown:
                shown = (monday.year, monday.month)
                self.months.append(locale.monthName(monday.month, QLocale.FormatType.ShortFormat)
                                   + "\u200b" * index, index)  # labels must differ

    def tip_at(self, x: float) -> str:
        """The tip of the week drawn at `x` ("" where there is none)."""
        index = round(x)
        return self._tips[index] if 0 <= index < len(self._tips) else ""

    def _on_hover(self, point: QPointF, state: bool) -> None:
        tip = self.tip_at(point.x()) if state else ""
        if tip:
            QToolTip.showText(QCursor.pos(), tip, self)
        else:
            QToolTip.hideText()

    def _add(self, series: QLineSeries | QScatterSeries) -> None:
        self.chart().addSeries(series)
        series.attachAxis(self.months)
        series.attachAxis(self.values)

    def _hollow_points(self, ring: QPen, inside: QColor) -> QScatterSeries:
        hollow = QScatterSeries()
        hollow.setMarkerSize(10)
        hollow.setPen(ring)
        hollow.setBrush(QBrush(inside))
        self._add(hollow)
        return hollow
