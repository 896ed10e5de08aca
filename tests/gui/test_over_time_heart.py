"""Over time's heart line (issue 19): each week's mean coherence of the pauses with a strap,
a gap where a week had none, its heart rate and RMSSD in words and tooltips; nothing at all for
a user without a strap. The journal is tests/heart_journal.py's (seeded); what the chart must
show is worked out here from its records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from statistics import fmean

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QToolTip, QWidget

from stressbreak.app.your_data import build_week_view
from stressbreak.core.model import PauseHeart, PauseRecord, Record
from stressbreak.core.over_time import over_time
from stressbreak.ui.overview import OverviewWindow
from stressbreak.ui.week_charts import WeeksChart
from tests.fakes import AMS
from tests.gui.test_accessibility import contrast, dark_palette
from tests.heart_journal import heart_journal

TODAY = date(2026, 12, 3)
_OVER_TIME = 3


def _window(qtbot, records: list[Record], months_index: int = 2) -> OverviewWindow:
    window = OverviewWindow(lambda monday: build_week_view(records, monday, AMS),
                            lambda: TODAY, AMS,
                            load_over_time=lambda months: over_time(records, TODAY, months, AMS))
    qtbot.addWidget(window)
    window.show_week(TODAY)
    window.resize(900, 1400)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(_OVER_TIME)
    window.range_box.setCurrentIndex(months_index)
    return window


def _week_hearts(records: list[Record], monday: date) -> list[PauseHeart]:
    return [r.heart for r in records if isinstance(r, PauseRecord) and r.heart is not None
            and not r.heart.poor
            and monday <= r.started_at.astimezone(AMS).date() < monday + timedelta(weeks=1)]


def _mondays(weeks: int) -> list[date]:
    this_monday = TODAY - timedelta(days=TODAY.weekday())
    return [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def _points(chart: WeeksChart, kind: type = QLineSeries) -> list[tuple[float, float]]:
    return sorted((p.x(), p.y()) for series in chart.chart().series()
                  if isinstance(series, kind) for p in series.points())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_heart_line_is_each_weeks_mean_coherence_with_gaps(qtbot, scheme) -> None:
    records = heart_journal(TODAY, 52, AMS)
    window = _window(qtbot, records)
    if scheme == "dark":
        window.setPalette(dark_palette())
        window.range_box.setCurrentIndex(0)
        window.range_box.setCurrentIndex(2)
    chart = window.over_time_heart
    assert chart.isVisible() and window.over_time_heart_label.isVisible()
    expected = []
    gaps = 0
    for index, monday in enumerate(_mondays(52)):
        coherences = [h.coherence for h in _week_hearts(records, monday)
                      if h.coherence is not None]
        if coherences:
            expected.append((float(index), pytest.approx(fmean(coherences))))
        else:
            gaps += 1
    assert gaps >= 3
    # Every week with figures is a point (a week alone between gaps too), never a zero.
    drawn = sorted(set(_points(chart, QLineSeries) + _points(chart, QScatterSeries)))
    assert drawn == expected
    # The line's colour reads on the window, light or dark.
    window_colour = window.palette().color(QPalette.ColorRole.Window)
    line = next(s for s in chart.chart().series() if isinstance(s, QLineSeries))
    assert contrast(line.pen().color(), window_colour) >= 3.0


def test_the_heart_line_says_its_numbers_to_a_screen_reader_and_in_tooltips(qtbot) -> None:
    records = heart_journal(TODAY, 52, AMS)
    window = _window(qtbot, records, months_index=0)
    chart = window.over_time_heart
    described = chart.accessibleDescription().split("; ")
    mondays = _mondays(13)
    assert len(described) == 13
    for index, (monday, said) in enumerate(zip(mondays, described, strict=True)):
        hearts = _week_hearts(records, monday)
        assert chart.tip_at(index) == said
        if not hearts:
            assert said.endswith(": no heart figures")
            continue
        coherence = fmean(h.coherence for h in hearts if h.coherence is not None)
        rate = fmean(h.mean_heart_rate for h in hearts if h.mean_heart_rate is not None)
        rmssd = fmean(h.rmssd_ms for h in hearts if h.rmssd_ms is not None)
        count = len(hearts)
        assert said.endswith(
            f"coherence {coherence:.2f}, heart rate {rate:.0f}, RMSSD {rmssd:.0f} ms, "
            f"{count} pause{'s' if count != 1 else ''} with a strap"), said
    assert described[-1].startswith("this week so far, from 30 Nov")


def test_a_point_shows_its_weeks_tooltip(qtbot) -> None:
    records = heart_journal(TODAY, 52, AMS)
    window = _window(qtbot, records, months_index=0)
    chart = window.over_time_heart
    points = next(s for s in chart.chart().series()
                  if isinstance(s, QScatterSeries) and s.points())
    first = points.points()[0]
    points.hovered.emit(QPointF(first.x(), first.y()), True)
    assert QToolTip.text() == chart.tip_at(first.x()) != ""
    points.hovered.emit(QPointF(first.x(), first.y()), False)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # hideText lets it fade


def _shown(window: OverviewWindow) -> list[tuple[str, str]]:
    """What the Over time tab shows: each visible chart's points and words, each label."""
    page = window.tabs.widget(_OVER_TIME)
    shown: list[tuple[str, str]] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, WeeksChart):
            shown.append((widget.chart().title(), repr(_points(widget))
                          + widget.accessibleDescription()))
        elif isinstance(widget, QLabel) and widget.text():
            shown.append(("label", widget.text()))
    return shown


@pytest.mark.parametrize("months_index", [0, 2])
def test_without_a_strap_over_time_is_as_it_was(qtbot, months_index) -> None:
    without = heart_journal(TODAY, 52, AMS, strap=False)
    window = _window(qtbot, without, months_index)
    assert not window.over_time_heart.isVisible()
    assert not window.over_time_heart_label.isVisible()
    assert window.over_time_heart.chart().series() == []  # never drawn: nothing to pay
    titles = [title for title, _ in _shown(window) if title != "label"]
    assert titles == ["Tension, week by week", "Pauses taken, week by week",
                      "Sleep, energy and focus, week by week"]
    # The same journal with a strap: the same charts, words and labels, and the heart's.
    strapped = _window(qtbot, heart_journal(TODAY, 52, AMS), months_index)
    extra = [item for item in _shown(strapped) if item not in _shown(window)]
    assert [title for title, _ in extra] == ["Heart rhythm during pauses, week by week",
                                             "label"]


def test_the_heart_line_shows_only_in_a_range_with_figures(qtbot) -> None:
    # The strap was worn in the first months of the year only.
    records = [r for r in heart_journal(TODAY, 52, AMS, strap_from=0)
               if not isinstance(r, PauseRecord) or r.heart is None
               or r.started_at.date() < TODAY - timedelta(weeks=30)]
    window = _window(qtbot, records, months_index=0)
    assert not window.over_time_heart.isVisible()
    window.range_box.setCurrentIndex(2)
    assert window.over_time_heart.isVisible()
    window.range_box.setCurrentIndex(0)
    assert not window.over_time_heart.isVisible()


def test_in_dutch_the_numbers_have_a_decimal_comma(qtbot, dutch) -> None:
    records = heart_journal(TODAY, 52, AMS)
    window = _window(qtbot, records, months_index=0)
    assert QLocale().decimalPoint() == ","
    said: Callable[[], str] = window.over_time_heart.accessibleDescription
    assert "0," in said() and "0." not in said()
    assert window.over_time_heart.chart().localizeNumbers()
