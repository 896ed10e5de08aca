"""The weekly overview through the real app and journal: charts, navigation, insights,
export, import and delete-all. Modal questions are the functions in ui/data_dialogs.py, which
these tests replace; the dialogs themselves are driven on their own below."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from stressbreak.core.export import parse_import
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from stressbreak.core.prefs import Prefs
from stressbreak.services.journal import Journal
from stressbreak.ui import data_dialogs
from stressbreak.ui.data_dialogs import DeleteAllDialog, ExportChoice, ExportDialog
from stressbreak.ui.week_charts import TENSION_BANDS, band_of
from tests.fakes import AMS, TUESDAY_10, FakeClock, make_app

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
    assert window.summary_label.text().startswith("Pauses taken: 2 of 4")
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
    assert window.trend_chart.taken.count() == 0  # not drawn while hidden
    window.tabs.setCurrentIndex(1)
    assert window.trend_chart.weeks.categories() == ["Week 45", "Week 46", "Week 47",
                                                     "Week 48"]
    assert [window.trend_chart.taken.at(i) for i in range(4)] == [0, 0, 1, 2]
    assert [window.trend_chart.reminders.at(i) for i in range(4)] == [0, 0, 1, 4]
    assert [window.trend_chart.checkins.at(i) for i in range(4)] == [0, 0, 0, 3]
    # Average tension only where one was noted: (7 + 5 + 2) / 3 in week 48.
    [point] = window.trend_chart.tension.points()
    assert (point.x(), point.y()) == (3, pytest.approx(14 / 3))


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
    assert "Nothing stands out yet" in window.insights_label.text()
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
    assert "natural pauses (away from the desk): 1" in window.summary_label.text()
    # Not a reminder: "2 of 4" stays as it was.
    assert window.summary_label.text().startswith("Pauses taken: 2 of 4")
