"""`stressbreak import` into a real running app: a big import is waited for until the app has
merged it (it takes seconds, the command line used to give up after one), and says what the
command line says without the app; a file that cannot be imported exits 2 either way."""

from __future__ import annotations

import subprocess
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stressbreak.core.export import to_json
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.services.journal import Journal
from tests.system import test_cli_export
from tests.system.test_cli_export import AMS, stressbreak

running_app = test_cli_export.running_app  # started on this module's `data_dir`

_OUTCOMES = (PauseOutcome.COMPLETED, PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY,
             PauseOutcome.MISSED)


def ten_years(first: date) -> list[Record]:
    """12 entries a day for 10 years: 8 pauses and 4 stress meters, as a busy user has them."""
    records: list[Record] = []
    day = first
    while day < first.replace(year=first.year + 10):
        for hour in range(9, 17):
            at = datetime(day.year, day.month, day.day, hour, tzinfo=AMS)
            records.append(PauseRecord(started_at=at, ended_at=at + timedelta(minutes=1),
                                       outcome=_OUTCOMES[hour % len(_OUTCOMES)]))
        for hour in (10, 13, 16, 17):
            at = datetime(day.year, day.month, day.day, hour, 30, tzinfo=AMS)
            records.append(CheckIn(at=at, origin=CheckInOrigin.SCHEDULED, body=("tight",),
                                   need=("move",), tension=hour % 11))
        day += timedelta(days=1)
    return records


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A journal with 10 years of its own."""
    folder = tmp_path / "data"
    journal = Journal(folder, pytest.fail)
    journal.start()
    try:
        journal.merge(ten_years(date(2015, 1, 1)))
    finally:
        journal.stop()
    return folder


def entries_in(folder: Path) -> int:
    journal = Journal(folder, pytest.fail, read_only=True)
    journal.start()
    try:
        return len(journal.all_records())
    finally:
        journal.stop()


def test_ten_years_into_a_running_app_are_waited_for_and_added_once(
        data_dir: Path, running_app: subprocess.Popen[bytes], tmp_path: Path) -> None:
    """Another computer's 10 years (43,836 entries, 12.7 MB) into an app with 10 years of its
    own: each month file is read and written again. Before, the command line waited a
    second, said "the running StressBreak gave no readable answer" and exited 1 while the
    app went on merging."""
    other = ten_years(date(2015, 1, 1))
    file = tmp_path / "the other laptop.json"
    file.write_text(to_json(other, exported_at=datetime.now(AMS), app_version="test"),
                    encoding="utf-8")

    started = time.monotonic()
    result = stressbreak(data_dir, "import", str(file))
    took_s = time.monotonic() - started
    assert (result.returncode, result.stderr.decode()) == (0, "")
    assert result.stdout.decode() == f"Imported {len(other)} new entries from {file}.\n"
    print(f"\n{len(other)} entries ({file.stat().st_size / 1e6:.1f} MB) into a running app "
          f"with {len(other)}: `stressbreak import` took {took_s:.1f} s")

    started = time.monotonic()
    again = stressbreak(data_dir, "import", str(file))
    again_s = time.monotonic() - started
    assert (again.returncode, again.stderr.decode()) == (0, "")
    assert again.stdout.decode() == (f"Imported 0 new entries from {file}. {len(other)} were "
                                     "already in your journal.\n")
    print(f"the same file again (nothing new): {again_s:.1f} s")
    assert running_app.poll() is None
    assert entries_in(data_dir) == 2 * len(other)


def test_a_file_that_cannot_be_imported_exits_2_with_or_without_the_app(
        data_dir: Path, running_app: subprocess.Popen[bytes], tmp_path: Path) -> None:
    """Before: exit 1 when the running app said it, 2 when the command line did."""
    alone = tmp_path / "no app here"
    for file in (tmp_path / "missing.json", tmp_path):
        handed_over = stressbreak(data_dir, "import", str(file))
        done_here = stressbreak(alone, "import", str(file))
        assert handed_over.returncode == done_here.returncode == 2
        assert handed_over.stdout == done_here.stdout == b""
        assert handed_over.stderr == done_here.stderr
        assert b"could not be read" in handed_over.stderr
    assert running_app.poll() is None
