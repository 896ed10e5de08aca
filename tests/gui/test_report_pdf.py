"""The report for a coach as a PDF (services/report_pdf.py), read back with Qt's own PDF reader,
and asked for from the overview (ui/report_dialog.py, app/your_data.py)."""

from __future__ import annotations

import json
import random
import re
import stat
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtPdf import QPdfDocument

from stressbreak.core.content import BODY_SIGNALS, NEED
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.report import DEFAULT_WEEKS, MAX_WEEKS, build_report
from stressbreak.core.timeutil import week_start
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
    pause,
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
        "30 Nov (so far) 8 0 4",  # this week so far, not rated: dashes
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


def _busy_journal() -> list[Record]:
    """Twelve full working weeks and what a busy user notes in them: six pauses a day, three
    stress meters with body signals, needs, a trigger and notes, and day ratings; so every
    week has something that stands out, and every column of the table is there."""
    rng = random.Random("stressbreak-busy-report")
    signals = [chip.id for chip in BODY_SIGNALS.chips]
    needs = [chip.id for chip in NEED.chips]
    triggers = ("the planning meeting", "a message from my manager", "too many tabs open")
    notes = ("after the stand-up", "a walk round the block", "close the laptop at five")
    records: list[Record] = []
    day = week_start(TODAY) - timedelta(weeks=MAX_WEEKS - 1)
    while day <= TODAY:
        if day.weekday() < 5:
            records += [pause(day, hour, rng.choice([PauseOutcome.COMPLETED] * 4
                                                    + [PauseOutcome.MISSED]))
                        for hour in (9, 10, 11, 13, 14, 16)]
            records.append(DayRating(at(day, 8), sleep=rng.randint(2, 5),
                                     energy=rng.randint(2, 4), focus=rng.randint(2, 5)))
            records += [CheckIn(
                at=at(day, hour), origin=CheckInOrigin.SCHEDULED, tension=rng.randint(2, 8),
                signals=tuple(rng.sample(signals, 2)), need=tuple(rng.sample(needs, 1)),
                trigger=rng.choice(triggers), breathing_note=rng.choice(notes),
                need_note=rng.choice(notes)) for hour in (10, 13, 16)]
        day += timedelta(days=1)
    return records


def _lines(path: Path) -> list[list[str]]:
    """Each page's lines, as the PDF reader gives them."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return [[line.strip() for line in document.getAllText(page).text().splitlines()
                 if line.strip()] for page in range(document.pageCount())]
    finally:
        document.close()


def _busy_pdf(tmp_path: Path, weeks: int, free_text: bool) -> Path:
    report = build_report(_busy_journal(), TODAY, weeks, AMS, free_text=free_text)
    path = tmp_path / f"busy-{weeks}-{free_text}.pdf"
    path.write_bytes(report_pdf(report, TODAY))
    return path


HEADERS = ("Week of", "Pauses taken", "Natural pauses", "Stress meters",
           "Average tension (0–10)", "Sleep (1–5)", "Energy (1–5)", "Focus (1–5)")


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("weeks", [1, 4, MAX_WEEKS])
def test_the_tables_headers_wrap_between_words_only(qapp, request, tmp_path, language, weeks):
    if language == "nl":
        request.getfixturevalue("dutch")
    lines = _lines(_busy_pdf(tmp_path, weeks, free_text=False))[0]
    words = {word for line in lines for word in line.split()}
    for header in HEADERS:
        text = QCoreApplication.translate("report", header)
        # A header word split over two lines would come out as two pieces, neither whole.
        assert set(text.split()) <= words, text


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("free_text", [False, True])
def test_twelve_busy_weeks_fit_on_two_pages(qapp, request, tmp_path, language, free_text):
    if language == "nl":
        request.getfixturevalue("dutch")
    assert len(_lines(_busy_pdf(tmp_path, MAX_WEEKS, free_text))) <= 2


SECTION_HEADINGS = ("Week by week", "What came up most in the stress meters", "What stood out",
                    "What helps me", "In your own words")


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("free_text", [False, True])
def test_no_page_ends_with_a_heading(qapp, request, tmp_path, language, free_text):
    if language == "nl":
        request.getfixturevalue("dutch")
    headings = {QCoreApplication.translate("report", h) for h in SECTION_HEADINGS}
    split = 0
    for weeks in range(1, MAX_WEEKS + 1):
        pages = _lines(_busy_pdf(tmp_path, weeks, free_text))
        for number, page in enumerate(pages[:-1], start=1):
            # The reader may join a table's cells and the page number into one line.
            text = " ".join(page).removesuffix(str(number)).rstrip()
            assert not any(text.endswith(heading) for heading in headings), (weeks, text[-80:])
        split += len(pages) > 1
    assert split  # some of these reports do run onto a second page


@pytest.mark.parametrize("words", [40, 400])
def test_the_oldest_notes_give_way_so_the_report_stays_on_two_pages(qapp, tmp_path, words):
    report = build_report(_busy_journal(), TODAY, MAX_WEEKS, AMS, free_text=True)
    # Notes far longer than the busy journal's: all of them would take a third page.
    long = " ".join(["a long day of meetings"] * (words // 5))
    report = replace(report, notes=tuple(replace(note, text=f"{n} {long}")
                                         for n, note in enumerate(report.notes)))
    path = tmp_path / "busy.pdf"
    path.write_bytes(report_pdf(report, TODAY))
    pages = _lines(path)
    assert len(pages) == 2
    text = " ".join(line for page in pages for line in page)
    own_words = text[text.index("In your own words"):]
    shown = own_words.count(" · ")  # one a note: "Wed 2 Dec 16:00 · Need: …"
    # Fewer notes than the report offered, the most recent first, and every other one counted.
    assert shown < len(report.notes)
    if shown:
        assert own_words.split(" · ")[1].split(": ", 1)[1].startswith("0 a long day")
        match = re.search(r"(\d+) earlier notes are in your journal", own_words)
    else:
        match = re.search(r"(\d+) notes from these weeks are in your journal", own_words)
    assert match is not None
    assert int(match[1]) == report.notes_left_out + len(report.notes) - shown


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


def _busy_journal_with_a_strap() -> list[Record]:
    """The busy journal, its pauses taken with a strap (heart figures from tests/heart_journal.py's
    rules: a realistic spread, one in sixteen a poor signal)."""
    from tests.heart_journal import heart_journal

    hearts = [r.heart for r in heart_journal(TODAY, MAX_WEEKS, AMS, strap_from=0)
              if isinstance(r, PauseRecord) and r.heart is not None]
    records: list[Record] = []
    for record in _busy_journal():
        strapped = isinstance(record, PauseRecord) and record.outcome is PauseOutcome.COMPLETED
        records.append(replace(record, heart=hearts[len(records) % len(hearts)])
                       if strapped else record)
    return records


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("free_text", [False, True])
def test_twelve_busy_weeks_with_heart_figures_fit_on_two_pages(qapp, request, tmp_path,
                                                               language, free_text):
    if language == "nl":
        request.getfixturevalue("dutch")
    report = build_report(_busy_journal_with_a_strap(), TODAY, MAX_WEEKS, AMS,
                          free_text=free_text)
    assert report.heart is not None and report.heart.coherence is not None
    path = tmp_path / "strap.pdf"
    path.write_bytes(report_pdf(report, TODAY))
    pages = _lines(path)
    assert len(pages) <= 2
    text = " ".join(line for page in pages for line in page)
    number = QLocale().toString(report.heart.coherence, "f", 2)
    # A whole figure, not part of another: Dutch follows it with a comma ("0,49, over").
    assert re.search(rf"(?<![\d,.]){re.escape(number)}(?!\d)", text), number
    assert str(report.heart.coherence_pauses) in text


def test_a_report_without_a_strap_says_nothing_of_the_heart(qapp, tmp_path):
    text = " ".join(line for page in _lines(_written(tmp_path)) for line in page)
    assert "Heart" not in text and "strap" not in text
