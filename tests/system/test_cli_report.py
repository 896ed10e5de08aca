"""`stressbreak report` as a real process: a private PDF of the last weeks, the user's own words
only with --free-text, read beside a running app without changing the journal."""

from __future__ import annotations

import stat
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from stressbreak.core.model import CheckIn, CheckInOrigin, DayRating, Record
from tests.pdf import pdf_pages
from tests.system import test_cli_export
from tests.system.test_cli_export import AMS, pause, seed, snapshot, stressbreak

# The export tests' journal and running app, as fixtures of this module too.
data_dir = test_cli_export.data_dir
running_app = test_cli_export.running_app

TRIGGER = "the quarterly review"
NOTE = "stood up and looked outside"


def this_morning() -> list[Record]:
    morning = datetime.combine(datetime.now(AMS).date(), clock_time(0, 30), AMS)
    return [pause(morning), pause(morning + timedelta(minutes=10)),
            CheckIn(at=morning + timedelta(minutes=5), origin=CheckInOrigin.MANUAL, tension=6,
                    signals=("jaw",), trigger=TRIGGER, next_step=NOTE),
            DayRating(morning + timedelta(minutes=1), sleep=2, energy=3, focus=4)]


def test_report_writes_a_private_pdf_and_leaves_the_journal_alone(tmp_path: Path, qapp) -> None:
    folder = tmp_path / "data"
    seed(folder, this_morning())
    before = snapshot(folder)
    target = tmp_path / "report.pdf"
    result = stressbreak(folder, "report", "--weeks", "2", "-o", str(target))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    pages = pdf_pages(target)
    assert len(pages) == 1
    assert "StressBreak report" in pages[0]
    assert "clenched jaw (1)" in pages[0]
    assert "2 0 1 6.0 2.0 3.0 4.0" in pages[0]  # this week: pauses, meters, the means
    assert TRIGGER not in pages[0] and NOTE not in pages[0]

    result = stressbreak(folder, "report", "--free-text", "-o", str(target))
    assert result.returncode == 0, result.stderr.decode()
    text = " ".join(pdf_pages(target))
    assert TRIGGER in text and NOTE in text
    assert snapshot(folder) == before


def test_report_needs_a_file_and_weeks_from_1_to_12(data_dir: Path, tmp_path: Path) -> None:
    result = stressbreak(data_dir, "report")
    assert result.returncode == 2
    assert "-o/--output" in result.stderr.decode()
    result = stressbreak(data_dir, "report", "--weeks", "13", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "13 is not a number of weeks from 1 to 12" in result.stderr.decode()
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_report_exits_2_and_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.pdf"
    result = stressbreak(data_dir, "report", "-o", str(target))
    assert result.returncode == 2
    assert f"cannot write the report to {target}" in result.stderr.decode()
    assert not target.parent.exists()


def test_report_while_the_app_runs(data_dir: Path, running_app, tmp_path: Path, qapp) -> None:
    started = time.monotonic()
    target = tmp_path / "report.pdf"
    result = stressbreak(data_dir, "report", "-o", str(target))
    assert result.returncode == 0, result.stderr.decode()
    assert time.monotonic() - started < 5  # it did not wait for the app's lock
    assert 1 <= len(pdf_pages(target)) <= 2
    assert running_app.poll() is None
