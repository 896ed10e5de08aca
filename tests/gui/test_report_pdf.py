"""The report for a coach as a PDF (services/report_pdf.py), read back with Qt's own PDF reader,
and asked for from the overview (ui/report_dialog.py, app/your_data.py)."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from stressbreak.core.report import DEFAULT_WEEKS, MAX_WEEKS, build_report
from stressbreak.services.report_pdf import report_pdf
from stressbreak.ui import report_dialog
from stressbreak.ui.report_dialog import ReportChoice, ReportDialog
from tests.fakes import FakeClock, make_app
from tests.pdf import pdf_page_image, pdf_pages
from tests.unit.test_report import NOTE, STEP, TRIGGER, coach_journal
from tests.unit.test_summary import (
    AMS,
    SIGH_SAID,
    TODAY,
    at,
    year_where_the_sigh_calms_the_next_meter,
)


def _written(tmp_path: Path, free_text: bool = False, weeks: int = 4) -> Path:
    report = build_report(coach_journal(), TODAY, weeks, AMS, free_text=free_text)
    path = tmp_path / f"report-{free_text}-{weeks}.pdf"
    path.write_bytes(report_pdf(report, TODAY))
    return path


def test_the_pdf_of_four_weeks_holds_the_facts_and_no_free_text(qapp, tmp_path):
    pages = pdf_pages(_written(tmp_path))
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    for expected in (
        "StressBreak report",
        "Your weeks from 9 November 2026 to 3 December 2026",
        "Made by StressBreak on 3 December 2026",
        "Week of", "Pauses taken", "Average tension (0–10)", "Sleep (1–5)",
        "9 Nov 10 1 5 3.8 3.0 4.0 2.0",  # the first week's row
        "30 Nov 8 0 4",  # this week so far, not rated: dashes
        "raised shoulders (19), clenched jaw (12)", "quiet (19)",
        "“raised shoulders” was the body signal you noticed most often",
        "What helps me", "Nothing to say yet",
        "What you wrote in your own words (notes, next steps, what set it off) is not "
        "included in this report.",
    ):
        assert expected in text
    assert "<" not in text  # no markup shows as text
    for free_text in (TRIGGER, NOTE, STEP, "Sam", "What set it off:"):
        assert free_text not in text


def test_free_text_is_in_the_pdf_only_when_chosen(qapp, tmp_path):
    pages = pdf_pages(_written(tmp_path, free_text=True))
    assert 1 <= len(pages) <= 2
    text = " ".join(pages)
    for expected in (f"What set it off: {TRIGGER} (12)", "In your own words",
                     f"Next step: {STEP}", f"Breathing: {NOTE}",
                     f"“{TRIGGER}” came up 3 times as a trigger."):
        assert expected in text
    assert "is not included in this report" not in text


def test_the_pdf_names_the_exercise_with_the_calmest_next_stress_meter(qapp, tmp_path):
    report = build_report(year_where_the_sigh_calms_the_next_meter(), TODAY, 4, AMS)
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(report, TODAY))
    text = " ".join(pdf_pages(path))
    assert SIGH_SAID in text and "than after pauses with other exercises (" in text


def test_twelve_weeks_with_free_text_still_fit_on_two_pages(qapp, tmp_path):
    assert len(pdf_pages(_written(tmp_path, free_text=True, weeks=12))) <= 2


def test_the_pdf_speaks_dutch_dates_numbers_and_labels(qapp, dutch, tmp_path):
    text = " ".join(pdf_pages(_written(tmp_path)))
    for expected in ("9 november 2026", "3 december 2026", "9 nov 10 1 5 3,8 3,0 4,0 2,0",
                     "opgetrokken schouders (19)", "stilte (19)"):
        assert expected in text
    assert TRIGGER not in text


def test_a_pdf_page_renders_as_an_image(qapp, tmp_path):
    image = pdf_page_image(_written(tmp_path))
    assert image.width() > 900 and image.height() > 1300  # A4 portrait at 1.6 × 72 dpi
    # Not blank: some dark text on the white page.
    assert any(image.pixelColor(x, y).lightness() < 100
               for x in range(0, image.width(), 7) for y in range(0, image.height(), 7))


# -- from the overview ------------------------------------------------------------------


def test_the_dialog_asks_four_weeks_without_free_text_unless_changed(qtbot):
    dialog = ReportDialog()
    qtbot.addWidget(dialog)
    assert (dialog.weeks(), dialog.free_text()) == (4, False)
    assert (dialog.weeks_box.minimum(), dialog.weeks_box.maximum()) == (1, 12)
    # ui keeps its own copy of the bounds (it does not import the statistics): the same.
    assert (report_dialog.MAX_WEEKS, report_dialog.DEFAULT_WEEKS) == (MAX_WEEKS, DEFAULT_WEEKS)
    assert dialog.write_button.isDefault()
    dialog.weeks_box.setValue(8)
    dialog.free_text_box.click()
    assert (dialog.weeks(), dialog.free_text()) == (8, True)


@pytest.fixture
def app_with_journal(qtbot, tmp_path: Path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    app = make_app(data, FakeClock(at(TODAY, 17)), [])
    app.start()
    for record in coach_journal():
        app.journal.append(record)
    app.data.open_overview()
    window = app.data.overview
    assert window is not None
    qtbot.addWidget(window)
    yield app, window
    app.stop()


def test_the_overviews_report_is_written_privately_and_said_where(app_with_journal, monkeypatch,
                                                                   tmp_path):
    _app, window = app_with_journal
    target = tmp_path / "out" / "coach.pdf"
    target.parent.mkdir()
    asked: list[date] = []

    def ask(parent, today):
        asked.append(today)
        return ReportChoice(4, False, target)

    monkeypatch.setattr(report_dialog, "ask_report", ask)
    window.report_action.trigger()
    assert asked == [TODAY]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert window.status_label.text() == f"The report is in {target}."
    text = " ".join(pdf_pages(target))
    assert "Your weeks from 9 November 2026 to 3 December 2026" in text
    assert TRIGGER not in text

    monkeypatch.setattr(report_dialog, "ask_report",
                        lambda parent, today: ReportChoice(2, True, target))
    window.report_action.trigger()
    text = " ".join(pdf_pages(target))
    assert "Your weeks from 23 November 2026" in text and TRIGGER in text


def test_a_report_that_cannot_be_written_is_told(app_with_journal, monkeypatch, tmp_path):
    _app, window = app_with_journal
    target = tmp_path / "missing" / "coach.pdf"
    monkeypatch.setattr(report_dialog, "ask_report",
                        lambda parent, today: ReportChoice(4, False, target))
    window.report_action.trigger()
    assert window.status_label.text().startswith(
        f"No report was written: {target} could not be written (")
    assert not target.exists()


def test_cancelling_the_question_writes_nothing(app_with_journal, monkeypatch):
    _app, window = app_with_journal
    monkeypatch.setattr(report_dialog, "ask_report", lambda parent, today: None)
    window.report_action.trigger()
    assert not window.status_label.isVisibleTo(window)
