"""The weekly overview through the real app and journal: charts, navigation, insights,
export, import and delete-all. Modal questions are the functions in ui/data_dialogs.py, which
these tests replace; the dialogs themselves are driven on their own below."""

from __future__ import annotations

import ast
import json
import re
import stat
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries, QXYSeries
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from stressbreak.app.your_data import build_week_view
from stressbreak.core.export import parse_import
from stressbreak.core.model import CheckIn, CheckInOrigin, DayRating, PauseOutcome, PauseRecord
from stressbreak.core.prefs import Prefs
from stressbreak.services.i18n import Translations
from stressbreak.services.journal import Journal
from stressbreak.ui import data_dialogs, week_charts
from stressbreak.ui import overview as overview_module
from stressbreak.ui.data_dialogs import DeleteAllDialog, ExportChoice, ExportDialog
from stressbreak.ui.overview import OverviewWindow
from stressbreak.ui.week_charts import TENSION_BANDS, band_of
from tests.fakes import AMS, TUESDAY_10, FakeClock, make_app
from tests.gui.test_accessibility import contrast, dark_palette
from tests.unit.test_profiles import JUDGING
from tests.unit.test_summary import (
    SIGH_SAID,
    year_where_pauses_calm_the_afternoon,
    year_where_the_sigh_calms_the_next_meter,
)

MONDAY = date(2026, 11, 23)  # the week of TUESDAY_10


def _pause(at: datetime, outcome: PauseOutcome) -> PauseRecord:
    return PauseRecord(at, at + timedelta(minutes=1), outcome)


def _checkin(at: datetime, tension: int | None, trigger: str = "", **answers: tuple[str, ...]
             ) -> CheckIn:
    return CheckIn(at, CheckInOrigin.MANUAL, tension=tension, trigger=trigger, **answers)


@pytest.fixture
def overview(qtbot, tmp_path: Path):
    """A app on Tuesday 24 November 2026, 10:00, with a journal of two weeks."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    told: list[str] = []
    app = make_app(data, FakeClock(TUESDAY_10), told)
    journal = app.journal
    app.start()
    monday_9 = datetime(2026, 11, 23, 9, 0, tzinfo=AMS)
    records = [
        _pause(monday_9, PauseOutcome.COMPLETED),
        _pause(monday_9 + timedelta(hours=2), PauseOutcome.SKIPPED),
        _pause(TUESDAY_10 - timedelta(hours=1), PauseOutcome.COMPLETED),
        _pause(TUESDAY_10 - timedelta(minutes=30), PauseOutcome.MISSED),
        _checkin(monday_9 + timedelta(minutes=5), 7, "Deadline", signals=("jaw",)),
        _checkin(monday_9 + timedelta(minutes=40), 5, "deadline ", signals=("jaw",)),
        _checkin(TUESDAY_10 - timedelta(minutes=20), 2, "DEADLINE"),
        # The week before: one pause, so the trend has two weeks with data.
        _pause(monday_9 - timedelta(days=7), PauseOutcome.COMPLETED),
    ]
    for record in records:
        journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    yield app, window, journal, told
    app.stop()


def test_the_week_in_charts_table_and_words(overview):
    _controller, window, _journal, told = overview
    assert told == []
    assert window.monday == MONDAY
    sets = window.pauses_chart.sets
    assert [sets[PauseOutcome.COMPLETED].at(d) for d in range(7)] == [1, 1, 0, 0, 0, 0, 0]
    assert [sets[PauseOutcome.SKIPPED].at(d) for d in range(7)] == [1, 0, 0, 0, 0, 0, 0]
    assert [sets[PauseOutcome.MISSED].at(d) for d in range(7)] == [0, 1, 0, 0, 0, 0, 0]
    # Tension points in time order: Monday 09:05 → 7, 09:40 → 5, Tuesday 09:40 → 2.
    points = [(round(p.x(), 3), p.y()) for p in window.tension_chart.points.points()]
    assert points == [(round(9 / 24 + 5 / 1440, 3), 7), (round(9 / 24 + 40 / 1440, 3), 5),
                      (round(1 + 9 / 24 + 40 / 1440, 3), 2)]
    # Monday 09:00 holds two stress meters with tension 7 and 5: mean 6, the 5–6 band.
    band = band_of(6.0)
    assert TENSION_BANDS[band][:2] == (5, 6)
    cells = [(p.x(), p.y()) for p in window.hour_map.bands[band].points()]
    assert (9.0, 6.5) in cells  # hour 9, Monday drawn on top (6 - 0 + 0.5)
    assert [(p.x(), p.y()) for p in window.hour_map.signals.points()] == [(9.0, 6.5)]
    # The trigger counted across spellings, shown as written most recently.
    assert "“DEADLINE”" in window.top_chart.labels.categories()
    assert window.checkins.rowCount() == 0  # filled when its tab opens
    window.tabs.setCurrentIndex(2)
    assert window.checkins.rowCount() == 3
    # Plain counts: the pauses taken, never set against the reminders ("2 of 4").
    summary = window.summary_label.text()
    assert summary.startswith("2 pauses · 3 stress meters (0 after a pause, 0 when asked, 3 on "
                              "your own)")
    assert not re.search(r"\d+ of \d+", summary)
    assert not window.empty_label.isVisibleTo(window)


def test_every_stress_meter_answer_in_the_table(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(TUESDAY_10), [])
    app.start()
    app.journal.append(CheckIn(
        TUESDAY_10 - timedelta(minutes=30), CheckInOrigin.SCHEDULED, breathing=("slow",),
        need=("air",), need_note="a walk", tension=3, signals=("jaw", "heart"),
        trigger="review meeting", next_step="ask one question"))
    app.data.open_overview()
    window = app.data.overview
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(2)
    assert window.checkins.rowCount() == 1
    assert window.checkins.item(0, 1).text() == "slow"
    assert window.checkins.item(0, 3).text() == "fresh air, “a walk”"
    assert window.checkins.item(0, 4).text() == "clenched jaw, racing heart"
    assert window.checkins.item(0, 5).text() == "review meeting"
    assert window.checkins.item(0, 6).text() == "3"
    assert window.checkins.item(0, 5).toolTip() == "Next step: ask one question"
    assert not window.answers_empty.isVisibleTo(window)
    window.previous_button.click()  # the table follows the week while its tab is open
    assert window.checkins.rowCount() == 0
    assert window.answers_empty.isVisibleTo(window)
    app.stop()


def test_insights_are_shown_as_the_controller_phrased_them(overview):
    app, window, _journal, _told = overview
    view = app.data.load_week(MONDAY)
    assert view.insights, "three mentions of one trigger should be worth saying"
    assert any("3" in line and "DEADLINE" in line for line in view.insights)
    assert window.insights_label.text() == "\n".join(f"• {line}" for line in view.insights)


def test_navigation_previous_next_date_picker_and_this_week(qtbot, overview):
    _controller, window, _journal, _told = overview
    assert not window.next_button.isEnabled()  # nothing after this week
    assert not window.this_week_button.isEnabled()
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    assert window.monday == MONDAY - timedelta(days=7)
    assert window.next_button.isEnabled()
    assert [window.pauses_chart.sets[PauseOutcome.COMPLETED].at(d) for d in range(7)] == [
        1, 0, 0, 0, 0, 0, 0]
    assert not window.answers_empty.isHidden()  # (on the answers tab, not shown now)
    window.date_edit.setDate(QDate(2026, 3, 4))  # a Wednesday, long ago
    assert window.monday == date(2026, 3, 2)
    assert window.empty_label.isVisibleTo(window)
    assert not window.charts.isVisibleTo(window)  # no empty charts, a sentence instead
    assert "Nothing was recorded" in window.empty_label.text()
    window.date_edit.setDate(QDate(2027, 1, 1))  # the future: clamped to the picker's maximum
    assert window.monday == MONDAY
    window.show_week(date(2027, 5, 5))  # asked directly: never a week after this one
    assert window.monday == MONDAY
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.this_week_button, Qt.MouseButton.LeftButton)
    assert window.monday == MONDAY


def test_four_week_trend_is_drawn_when_its_tab_opens(overview):
    _controller, window, _journal, _told = overview
    trend = window.trend_chart
    assert trend.taken.count() == 0  # not drawn while hidden
    window.tabs.setCurrentIndex(1)
    assert trend.weeks.categories() == ["Week 45", "Week 46", "Week 47", "Week 48"]
    assert [trend.taken.at(i) for i in range(4)] == [0, 0, 1, 2]
    assert [trend.checkins.at(i) for i in range(4)] == [0, 0, 0, 3]


def test_four_week_trend_shows_plain_counts_and_nothing_to_measure_them_by(overview):
    # No reminder bars beside the pauses (that is "2 of 4" again) and no average-tension line
    # rising or falling from week to week: the weeks are not scores.
    _controller, window, _journal, _told = overview
    window.tabs.setCurrentIndex(1)
    trend = window.trend_chart
    [bars] = trend.chart().series()
    assert isinstance(bars, QBarSeries)
    assert [s.label() for s in bars.barSets()] == ["Pauses taken", "Stress meters"]
    assert [axis.orientation() for axis in trend.chart().axes()] == [
        Qt.Orientation.Horizontal, Qt.Orientation.Vertical]
    described = trend.accessibleDescription()
    assert described.startswith("Week 45: 0 pauses taken, 0 stress meters; ")
    assert described.endswith("Week 48: 2 pauses taken, 3 stress meters")
    assert not re.search(r"\d+ of \d+|tension", described)
    assert "not a goal" in window.trend_label.text()


def test_sparse_week_says_what_is_missing_instead_of_an_empty_chart(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(TUESDAY_10), [])
    app.start()
    app.journal.append(_pause(TUESDAY_10 - timedelta(hours=1), PauseOutcome.COMPLETED))
    app.data.open_overview()
    window = app.data.overview
    qtbot.addWidget(window)
    assert window.pauses_slot.currentWidget() is window.pauses_chart
    assert window.tension_slot.currentWidget() is window.tension_slot.note
    assert "No tension noted" in window.tension_slot.note.text()
    assert window.map_slot.currentWidget() is window.map_slot.note
    assert window.top_slot.currentWidget() is window.top_slot.note
    assert "Nothing in particular stands out" in window.insights_label.text()
    app.stop()


def test_delete_all_asks_first_and_then_empties_journal_and_choices(overview, monkeypatch):
    app, window, journal, _told = overview
    app.choices.save(Prefs().with_values(["kindness"]))
    answers = [False, True]
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: answers.pop(0))
    window.delete_action.trigger()  # "no": nothing changes
    assert len(journal.all_records()) == 8
    window.delete_action.trigger()  # "yes"
    assert journal.all_records() == []
    assert app.choices.prefs == Prefs()
    assert app.prefs_store.load() == Prefs()
    assert window.empty_label.isVisibleTo(window)
    assert window.status_label.text() == "All your data was deleted."
    # The journal goes on working.
    journal.append(_pause(TUESDAY_10, PauseOutcome.COMPLETED))
    assert len(journal.all_records()) == 1


def test_export_writes_a_private_file_that_imports_back_without_duplicates(
        overview, monkeypatch, tmp_path):
    _controller, window, journal, _told = overview
    target = tmp_path / "out" / "mine.json"
    target.parent.mkdir()
    monkeypatch.setattr(data_dialogs, "ask_export",
                        lambda parent, week, today: ExportChoice("json", None, None, target))
    window.export_action.trigger()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert window.status_label.text() == f"Exported 8 entries to {target}."
    exported = parse_import(target.read_text(encoding="utf-8")).records
    assert sorted(r.id for r in exported) == sorted(r.id for r in journal.all_records())

    # Importing the same file again adds nothing.
    monkeypatch.setattr(data_dialogs, "ask_import_file", lambda parent: target)
    window.import_action.trigger()
    assert "Imported 0 new entries" in window.status_label.text()
    assert "8 were already" in window.status_label.text()
    assert len(journal.all_records()) == 8

    # Into an empty journal (another computer): everything comes back.
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    window.delete_action.trigger()
    window.import_action.trigger()
    assert "Imported 8 new entries" in window.status_label.text()
    assert sorted(r.id for r in journal.all_records()) == sorted(r.id for r in exported)
    window.tabs.setCurrentIndex(2)
    assert window.checkins.rowCount() == 3  # the window shows the imported week at once


def test_counts_in_the_status_line_take_their_plural_forms(overview, monkeypatch, tmp_path):
    _controller, window, _journal, _told = overview
    target = tmp_path / "one.json"
    monkeypatch.setattr(data_dialogs, "ask_export",
                        lambda parent, week, today: ExportChoice("json", MONDAY, MONDAY, target))
    window.export_action.trigger()
    exported = parse_import(target.read_text(encoding="utf-8")).records
    assert window.status_label.text() == (
        f"Exported {len(exported)} entries to {target}.")
    one = json.loads(target.read_text(encoding="utf-8"))
    one["records"] = one["records"][:1]
    target.write_text(json.dumps(one), encoding="utf-8")
    monkeypatch.setattr(data_dialogs, "ask_import_file", lambda parent: target)
    window.import_action.trigger()
    assert window.status_label.text() == (
        f"Imported 0 new entries from {target}. 1 was already in your journal.")
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    window.delete_action.trigger()
    window.import_action.trigger()
    assert window.status_label.text() == f"Imported 1 new entry from {target}."


def test_export_of_the_week_shown_as_csv(overview, monkeypatch, tmp_path):
    _controller, window, _journal, _told = overview
    target = tmp_path / "week.csv"
    monkeypatch.setattr(data_dialogs, "ask_export", lambda parent, week, today: ExportChoice(
        "csv", week[0], week[1], target))
    window.previous_button.click()  # the week before: one pause
    window.export_action.trigger()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2  # the header and the one pause of that week
    assert "completed" in lines[1]


def test_a_broken_import_file_is_told_and_changes_nothing(overview, monkeypatch, tmp_path):
    _controller, window, journal, _told = overview
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(data_dialogs, "ask_import_file", lambda parent: broken)
    window.import_action.trigger()
    assert window.status_label.isVisibleTo(window)
    assert window.status_label.text()
    assert "Imported" not in window.status_label.text()
    assert len(journal.all_records()) == 8
    missing = tmp_path / "gone.json"
    monkeypatch.setattr(data_dialogs, "ask_import_file", lambda parent: missing)
    window.import_action.trigger()
    assert "could not be read" in window.status_label.text()


def test_export_to_an_unwritable_place_is_told(overview, monkeypatch, tmp_path):
    _controller, window, _journal, _told = overview
    target = tmp_path / "no-such-folder" / "x.json"
    monkeypatch.setattr(data_dialogs, "ask_export",
                        lambda parent, week, today: ExportChoice("json", None, None, target))
    window.export_action.trigger()
    assert window.status_label.text().startswith("Nothing was exported")
    assert not target.exists()


def test_delete_dialog_needs_a_tick_and_enter_never_deletes(qtbot):
    dialog = DeleteAllDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == DeleteAllDialog.DialogCode.Rejected
    dialog.understood.setChecked(True)
    assert dialog.delete_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)


def test_export_dialog_offers_formats_and_ranges_and_refuses_a_backwards_range(qtbot):
    dialog = ExportDialog((MONDAY, MONDAY + timedelta(days=6)), date(2026, 11, 24))
    qtbot.addWidget(dialog)
    assert dialog.format() == "json"
    assert dialog.span() == (None, None)
    dialog.week_button.setChecked(True)
    assert dialog.span() == (MONDAY, MONDAY + timedelta(days=6))
    dialog.csv_button.setChecked(True)
    dialog.range_button.setChecked(True)
    dialog.first_edit.setDate(QDate(2026, 11, 20))
    dialog.last_edit.setDate(QDate(2026, 11, 10))
    assert not dialog.export_button.isEnabled()
    assert dialog.problem.isVisibleTo(dialog)
    dialog.last_edit.setDate(QDate(2026, 11, 22))
    assert dialog.export_button.isEnabled()
    assert dialog.span() == (date(2026, 11, 20), date(2026, 11, 22))
    assert dialog.format() == "csv"


def test_the_journal_left_by_an_export_is_unchanged(overview, monkeypatch, tmp_path):
    # An export only reads: the month files are byte for byte what they were.
    _controller, window, journal, _told = overview
    files = sorted(Path(journal.folder).glob("journal-*.json"))
    before = {f: f.read_bytes() for f in files}
    target = tmp_path / "all.json"
    monkeypatch.setattr(data_dialogs, "ask_export",
                        lambda parent, week, today: ExportChoice("json", None, None, target))
    window.export_action.trigger()
    assert {f: f.read_bytes() for f in files} == before


def test_journal_type_is_the_real_one(overview):
    # Guards the fixture: these tests go through the real journal on disk, not a stand-in.
    _controller, _window, journal, _told = overview
    assert type(journal) is Journal


def test_natural_pauses_have_their_bar_and_legend_entry_only_when_there_are_some(overview):
    _controller, window, journal, _told = overview

    def legend_labels() -> list[str]:
        chart = window.pauses_chart.chart()
        return [m.label() for m in chart.legend().markers() if m.isVisible()]

    assert "Natural pause" not in legend_labels()
    away = TUESDAY_10 - timedelta(minutes=50)
    journal.append(PauseRecord(away, away + timedelta(minutes=12), PauseOutcome.NATURAL,
                               exercise="away"))
    window.refresh()
    natural = window.pauses_chart.sets[PauseOutcome.NATURAL]
    assert [natural.at(d) for d in range(7)] == [0, 1, 0, 0, 0, 0, 0]
    assert "Natural pause" in legend_labels()
    # "%n natural pauses" is a plural form: English reads "1 natural pause" once the plural
    # forms are installed, "1 natural pauses" without them.
    assert re.search(r"· 1 natural pauses? \(away from the desk\)$", window.summary_label.text())
    # Not a reminder: the count of pauses taken stays as it was.
    assert window.summary_label.text().startswith("2 pauses · ")


# -- no pressure: neutral words, one hue, plain counts -----------------------------------------


def _legend(chart_view) -> list[str]:
    return [m.label() for m in chart_view.chart().legend().markers() if m.isVisible()]


def test_reminders_that_went_by_have_neutral_names(overview):
    # The journal still says "missed" and "skipped"; what the user reads names what became of
    # the reminder, not a lapse.
    _controller, window, journal, _told = overview
    stored = {r.outcome for r in journal.all_records() if isinstance(r, PauseRecord)}
    assert stored >= {PauseOutcome.MISSED, PauseOutcome.SKIPPED}
    chart = window.pauses_chart
    assert _legend(chart) == ["Completed", "Ended early", "Passed by", "Let pass"]
    assert chart.accessibleDescription().startswith(
        "Mon: Completed 1, Let pass 1; Tue: Completed 1, Passed by 1; Wed: 0")
    window.tabs.setCurrentIndex(1)
    shown = [w.text() for w in window.findChildren(QLabel)] + [
        window.summary_label.text(), window.insights_label.text(),
        *(c.accessibleDescription() for c in (chart, window.tension_chart, window.hour_map,
                                               window.top_chart, window.trend_chart)),
        *(label for c in (chart, window.hour_map, window.top_chart, window.trend_chart)
          for label in _legend(c))]
    assert not [t for t in shown if re.search(r"\bmiss|\bskip", t, re.IGNORECASE)]


def test_tension_scale_is_one_hue_lighter_for_less_darker_for_more(overview):
    _controller, window, _journal, _told = overview
    fills = [series.color() for series in window.hour_map.bands]
    assert fills == [colour for _low, _high, colour in TENSION_BANDS]
    hues = [c.hslHue() for c in fills]
    assert max(hues) - min(hues) <= 2, hues  # one hue (rounding to RGB moves it a degree)
    lightness = [c.lightness() for c in fills]
    assert lightness == sorted(lightness, reverse=True)
    assert len(set(lightness)) == len(lightness)
    # Neither end near a warning colour: no reds, oranges or greens anywhere on the scale.
    assert all(180 <= hue <= 250 for hue in hues)
    assert [s.name() for s in window.hour_map.bands] == ["0–2", "3–4", "5–6", "7–8", "9–10"]
    # The tension line is the same hue.
    line = window.tension_chart.line.pen().color()
    assert abs(line.hslHue() - hues[0]) <= 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tension_cells_stand_out_on_a_light_and_a_dark_window(qtbot, scheme):
    window = OverviewWindow(lambda monday: build_week_view(
        [_checkin(TUESDAY_10 - timedelta(hours=h), t) for h, t in ((1, 0), (2, 10), (3, None))],
        monday, AMS), TUESDAY_10.date, AMS)
    qtbot.addWidget(window)
    if scheme == "dark":
        window.setPalette(dark_palette())
    window.show_week(MONDAY)
    background = window.palette().color(QPalette.ColorRole.Window)
    hour_map = window.hour_map
    for series in (*hour_map.bands, hour_map.no_tension):
        ink = series.pen().color()
        seen = _over(ink, background)
        # WCAG's 3:1 for the parts of a graphic needed to read it: the cell's edge.
        assert contrast(seen, background) >= 3, (series.name(), seen.name())
    # The lightest and the darkest fill differ clearly from each other, whatever the palette.
    lightest, darkest = TENSION_BANDS[0][2], TENSION_BANDS[-1][2]
    assert contrast(lightest, darkest) >= 4.5


def _over(ink: QColor, background: QColor) -> QColor:
    """A translucent colour as seen on the background."""
    a = ink.alphaF()
    return QColor.fromRgbF(*(a * i + (1 - a) * b for i, b in zip(
        (ink.redF(), ink.greenF(), ink.blueF()),
        (background.redF(), background.greenF(), background.blueF()), strict=True)))


def test_no_number_is_hatched_and_never_looks_like_a_calm_zero(qtbot):
    records = [_checkin(TUESDAY_10 - timedelta(hours=1), 0),
               _checkin(TUESDAY_10 - timedelta(hours=2), None)]
    window = OverviewWindow(lambda monday: build_week_view(records, monday, AMS),
                            TUESDAY_10.date, AMS)
    qtbot.addWidget(window)
    window.show_week(MONDAY)
    window.show()  # the legend makes its markers once shown
    hour_map = window.hour_map
    zero = [(p.x(), p.y()) for p in hour_map.bands[0].points()]
    unnumbered = [(p.x(), p.y()) for p in hour_map.no_tension.points()]
    assert zero == [(9.0, 5.5)] and unnumbered == [(8.0, 5.5)]  # Tuesday, 09:00 and 08:00
    assert all(s.brush().style() == Qt.BrushStyle.SolidPattern for s in hour_map.bands)
    hatch: QBrush = hour_map.no_tension.brush()
    assert hatch.style() not in (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.NoBrush)
    assert "no number" in _legend(hour_map)
    # Said in words too, apart from the calm 0.
    described = hour_map.accessibleDescription()
    assert "Tue 8:00: 1 stress meter" in described and "no tension noted" in described
    assert "Tue 9:00: 1 stress meter" in described and "tension 0.0" in described


def test_hour_map_counts_are_plural_forms_not_brackets(overview):
    _controller, window, _journal, _told = overview
    text = window.hour_map._cell_text(0, 9, window.view.patterns.grid[0][9])
    assert text == "Mon 9:00: 2 stress meters, tension 6.0, 2 body signals"
    assert "(s)" not in window.hour_map.accessibleDescription()


def _tr_texts(module) -> list[str]:
    """Every literal a module passes to self.tr(...): what its window can say."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return [node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr" and node.args and isinstance(node.args[0], ast.Constant)]


# The house's tone check (tests/unit/test_profiles.py), and what pressure sounds like in an
# overview: a count against a total, a comparison, lapses, "(s)" where a plural form belongs.
PRESSING = re.compile(
    r"\{\w+\} of \{\w+\}|\bmiss\w*|\bskip\w*|\bonly\b|\bjust\b|\bbetter\b|\bworse\b|"
    r"\bthan\b|\bweek before\b|\blast week\b|\(s\)|\(en\)", re.IGNORECASE)
PRESSING_NL = re.compile(
    r"\{\w+\} van \{\w+\}|\bgemist|\bovergeslagen|\bmislukt|\bslechts\b|\bbeter\b|"
    r"\bslechter\b|\bgoed\b|\bslecht\b|\bmoet\b|\b(meer|minder) dan\b|\bweek ervoor\b|!|"
    r"\(s\)|\(en\)|\(a\)", re.IGNORECASE)


def test_the_tone_checks_catch_what_they_are_for():
    for text in ("Pauses taken: {taken} of {reminders}", "Missed", "Skipped",
                 "{count} stress meter(s)", "Fewer than last week"):
        assert PRESSING.search(text), text
    for text in ("Pauzes genomen: {taken} van {reminders}", "Gemist", "Overgeslagen",
                 "{count} stressmeter(s)", "Meer dan vorige week", "de week ervoor"):
        assert PRESSING_NL.search(text), text
    for text in ("Passed by", "◀ Previous week"):
        assert not PRESSING.search(text), text
    for text in ("Voorbijgegaan", "◀ Vorige week"):
        assert not PRESSING_NL.search(text), text


def test_the_overview_says_nothing_that_judges_or_presses():
    texts = _tr_texts(overview_module) + _tr_texts(week_charts)
    assert len(texts) > 40
    assert [t for t in texts if JUDGING.search(t) or PRESSING.search(t)] == []


def test_the_overviews_dutch_says_nothing_that_judges_or_presses():
    """The Dutch of every text the overview uses now, where the .ts has it."""
    wanted = set(_tr_texts(overview_module) + _tr_texts(week_charts))
    dutch = [
        "".join(message.find("translation").itertext())
        for message in ET.parse(TS).getroot().iter("message")
        if message.findtext("source") in wanted and message.find("translation") is not None
    ]
    assert len(dutch) > 20
    assert [t for t in dutch if PRESSING_NL.search(t)] == []


TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "stressbreak_nl.ts"


# -- a full week in Dutch on a small screen ----------------------------------------------------


def busy_week() -> list[PauseRecord | CheckIn]:
    """A working week with much in it: every outcome, natural pauses, long triggers of the
    user's own, a tension for most stress meters, and enough repeats for five insights."""
    outcomes = [PauseOutcome.COMPLETED, PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY,
                PauseOutcome.MISSED, PauseOutcome.SKIPPED, PauseOutcome.COMPLETED,
                PauseOutcome.MISSED]
    records: list[PauseRecord | CheckIn] = []
    for day in range(5):
        start = datetime(2026, 11, 23 + day, 9, 10, tzinfo=AMS)
        for number, outcome in enumerate(outcomes[: 6 + day % 2]):
            records.append(_pause(start + timedelta(minutes=62 * number),
                                  PauseOutcome.MISSED if day == 2 else outcome))
        away = start + timedelta(hours=4)
        records.append(PauseRecord(away, away + timedelta(minutes=15), PauseOutcome.NATURAL))
        for hour, tension in ((10, 3 + day % 3), (13, None), (16, 9 if day == 3 else 4)):
            records.append(_checkin(
                start.replace(hour=hour, minute=30), tension,
                "een bericht van mijn leidinggevende over de planning van volgende week",
                signals=("jaw", "shoulders"), need=("boundary",)))
    return records


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[Translations]:
    service = Translations(qapp, "nl", QLocale("en_US"))
    assert service.install() == "nl"
    yield service
    service.remove()
    assert QCoreApplication.translate("PausesChart", "Pauses per day") == "Pauses per day"


def _outside(window: QWidget) -> list[str]:
    """Visible controls and texts that do not lie wholly inside the window, or that got less
    room than their text needs."""
    bounds = window.rect()
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.objectName().startswith("qt_"):
            continue
        shown = widget.visibleRegion().boundingRect() if widget.isVisible() else None
        box = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
        if not bounds.contains(box) and not (shown is not None and shown.isEmpty()
                                             and _inside_scroll(widget)):
            problems.append(f"{type(widget).__name__} {box} outside {bounds}")
        if isinstance(widget, QAbstractButton) and widget.width() < widget.sizeHint().width():
            problems.append(f"{widget.text()!r} squeezed: {widget.width()} px")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            if need > widget.height():
                problems.append(f"{widget.text()[:30]!r} cut: {widget.height()} < {need} px")
    return problems


def _inside_scroll(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.inherits("QAbstractScrollArea"):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("tab", [0, 1, 2])
def test_a_busy_week_fits_1024_by_768_in_dutch(qtbot, dutch, tab):
    records = busy_week()
    window = OverviewWindow(lambda monday: build_week_view(records, monday, AMS),
                            lambda: date(2026, 11, 28), AMS)
    qtbot.addWidget(window)
    window.show_week(MONDAY)
    assert window.previous_button.text() == "◀ Vorige week"  # Dutch indeed
    assert len(window.view.insights) == 5
    assert window.pauses_chart.chart().title() == "Pauzes per dag"
    # Room for a panel and the title bar on a 1024×768 screen.
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768 - 48, hint
    window.resize(1024, 768 - 48)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(tab)
    assert window.size().width() == 1024 and window.size().height() == 768 - 48
    assert _outside(window) == []


# -- over time ---------------------------------------------------------------------------------


def _lines(chart: week_charts.WeeksChart) -> list[list[tuple[float, float]]]:
    """The chart's line pieces (a gap between weeks breaks a line), as (week, value) points."""
    return [[(p.x(), p.y()) for p in series.points()] for series in chart.chart().series()
            if isinstance(series, QLineSeries)]


def test_over_time_shows_the_weeks_with_a_gap_where_a_week_had_nothing(overview, qtbot):
    _controller, window, journal, _told = overview
    # Five weeks back one stress meter more, and nothing in the four weeks between.
    journal.append(_checkin(TUESDAY_10 - timedelta(weeks=5), 8, "Move"))
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Over time"
    assert window.range_box.currentText() == "Last 3 months"
    last = 12  # 13 weeks, this one last
    assert _lines(window.over_time_tension) == [
        [(last - 5, 8.0)],  # alone between gaps: its own piece
        [(last, pytest.approx((7 + 5 + 2) / 3))],
    ]
    assert _lines(window.over_time_pauses) == [
        [(last - 5, 0.0)],  # a week with a stress meter and no pause: a zero, not a gap
        [(last - 1, 1.0), (last, 2.0)],
    ]
    described = window.over_time_pauses.accessibleDescription()
    assert "week of 16 Nov: 1 pause taken" in described
    assert described.count("no entries") == 13 - 3
    tension = window.over_time_tension.accessibleDescription()
    assert "week of 19 Oct: 8.0" in tension and "week of 26 Oct: no tension noted" in tension

    assert not window.over_time_days.isVisible()  # nothing rated: no empty chart

    window.range_box.setCurrentIndex(2)  # a year: the same weeks at the end of 52
    assert window.range_box.currentText() == "Last 12 months"
    assert _lines(window.over_time_pauses)[-1] == [(50.0, 1.0), (51.0, 2.0)]


def test_over_time_shows_the_day_ratings_once_there_are_some(overview, qtbot):
    _controller, window, journal, _told = overview
    journal.append(DayRating(at=TUESDAY_10, sleep=2, energy=4))
    journal.append(DayRating(at=TUESDAY_10 - timedelta(days=1), sleep=4, energy=4))
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert window.over_time_days.isVisible()
    assert _lines(window.over_time_days) == [[(12.0, 3.0)], [(12.0, 4.0)]]  # sleep, energy
    described = window.over_time_days.accessibleDescription()
    assert "this week so far, from 23 Nov: Sleep 3.0, Energy 4.0" in described
    assert "week of 16 Nov: not rated" in described


def _series_points(chart: week_charts.WeeksChart, kind: type[QXYSeries]
                   ) -> list[tuple[QXYSeries, list[tuple[float, float]]]]:
    return [(series, [(p.x(), p.y()) for p in series.points()])
            for series in chart.chart().series() if isinstance(series, kind)]


def _legend(chart: week_charts.WeeksChart) -> list[str]:
    legend = chart.chart().legend()
    return [marker.label() for marker in legend.markers() if marker.isVisible()] \
        if legend.isVisible() else []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_over_time_shows_this_week_apart_as_so_far(overview, qtbot, scheme):
    _controller, window, journal, _told = overview
    journal.append(DayRating(at=TUESDAY_10, sleep=3, energy=2))
    if scheme == "dark":
        window.setPalette(dark_palette())
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    inside = window.palette().color(QPalette.ColorRole.Window)
    ink = window.palette().color(QPalette.ColorRole.WindowText)
    last = 12.0  # 13 weeks, Tuesday's last
    chart = window.over_time_pauses
    # The line into this week is dashed; the weeks before it keep a solid line.
    lines = _series_points(chart, QLineSeries)
    assert [(points, series.pen().style()) for series, points in lines] == [
        ([(last - 1, 1.0), (last, 2.0)], Qt.PenStyle.DashLine)]
    # Whole weeks are filled points; this week a hollow ring in the line's colour; the
    # legend's ring (no points) in the text colour says what it is.
    filled, hollow, key = _series_points(chart, QScatterSeries)
    assert filled[1] == [(last - 1, 1.0)]
    assert hollow[1] == [(last, 2.0)] and key[1] == []
    assert hollow[0].brush().color() == inside == key[0].brush().color()
    assert hollow[0].pen().color() == filled[0].color() != inside
    assert key[0].pen().color() == ink
    # The legend's markers show once the chart is laid out.
    qtbot.waitUntil(lambda: _legend(chart) == ["Pauses taken", "this week so far"])
    assert _legend(window.over_time_tension) == ["Average tension", "this week so far"]
    assert _legend(window.over_time_days) == ["Sleep", "Energy", "this week so far"]
    assert len(_series_points(window.over_time_days, QScatterSeries)) == 3 + 2 + 1

    described = chart.accessibleDescription()
    assert described.endswith("week of 16 Nov: 1 pause taken; "
                              "this week so far, from 23 Nov: 2 pauses taken")
    assert "week of 23 Nov" not in described
    assert window.over_time_tension.accessibleDescription().endswith(
        "; this week so far, from 23 Nov: 4.7")
    assert window.over_time_days.accessibleDescription().endswith(
        "week of 16 Nov: not rated; this week so far, from 23 Nov: Sleep 3.0, Energy 2.0")


def test_over_time_of_a_new_journal_says_so_kindly(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(TUESDAY_10), [])
    app.start()
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert window.over_time_empty.isVisible()
    assert not window.over_time_tension.isVisible()
    assert "Nothing recorded in these months yet" in window.over_time_empty.text()
    qtbot.waitUntil(lambda: window.helps_label.text().startswith("Nothing to say yet"))
    app.stop()


def test_what_helps_me_names_a_clear_pattern_and_only_then(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(datetime(2026, 12, 3, 10, tzinfo=AMS)), [])
    app.start()
    for record in year_where_pauses_calm_the_afternoon():
        app.journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    qtbot.waitUntil(lambda: window.helps_label.text().startswith("• "))
    assert "or more pauses, your afternoon tension was" in window.helps_label.text()
    assert "lower on average" in window.helps_label.text()
    app.stop()

    empty = tmp_path / "empty"
    empty.mkdir()
    app = make_app(empty, FakeClock(datetime(2026, 12, 3, 10, tzinfo=AMS)), [])
    app.start()
    app.journal.append(_pause(datetime(2026, 12, 1, 10, tzinfo=AMS), PauseOutcome.COMPLETED))
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    qtbot.waitUntil(lambda: window.helps_label.text().startswith("Nothing to say yet"))
    app.stop()



def _helps_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "what-helps"]


def test_an_answer_to_an_earlier_what_helps_me_question_is_left_out(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(datetime(2026, 12, 3, 10, tzinfo=AMS)), [])
    app.start()
    for record in year_where_pauses_calm_the_afternoon():
        app.journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    qtbot.waitUntil(lambda: window.helps_label.text().startswith("• "))
    said = window.helps_label.text()
    window.show_helps(["an answer to an earlier question"], 0)
    assert window.helps_label.text() == said
    app.stop()


def test_an_overview_closed_while_what_helps_me_is_worked_out_is_left_alone(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(datetime(2026, 12, 3, 10, tzinfo=AMS)), [])
    app.start()
    for record in year_where_pauses_calm_the_afternoon():
        app.journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    QCoreApplication.processEvents()  # the request goes out: the journal read, a thread started
    assert window.helps_label.text() == "Looking at your days…"
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: app.data.overview is None)
    for thread in _helps_threads():
        thread.join(timeout=30)
    qtbot.wait(50)  # the queued answer arrives, and goes nowhere
    app.data.open_overview()
    again = app.data.overview
    assert again is not None
    qtbot.addWidget(again)
    assert again.helps_label.text() == ""
    app.stop()


def _over_time_helps(qtbot, tmp_path: Path) -> str:
    """What helps me in the Over time tab, once worked out, for a year where the sigh goes with
    the calmer next stress meter."""
    data = tmp_path / "data"
    data.mkdir()
    app = make_app(data, FakeClock(datetime(2026, 12, 3, 10, tzinfo=AMS)), [])
    app.start()
    for record in year_where_the_sigh_calms_the_next_meter():
        app.journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    qtbot.waitUntil(lambda: window.helps_label.text().startswith("• "))
    text = window.helps_label.text()
    app.stop()
    return text


def test_what_helps_me_names_the_exercise_with_the_calmest_next_stress_meter(qtbot, tmp_path):
    text = _over_time_helps(qtbot, tmp_path)
    assert SIGH_SAID in text
    assert "calmer on average than after pauses with other exercises (" in text


def test_the_exercise_is_named_as_the_settings_name_it_in_dutch(qtbot, dutch, tmp_path):
    assert "“Zuchtend uitademen (in, nog wat erbij, lang uit)”" in _over_time_helps(qtbot,
                                                                                   tmp_path)
