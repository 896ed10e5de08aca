"""`stressbreak export` as a real process: JSON and CSV, private files, local day ranges, clear
errors, and reading beside a running app without ever changing the journal."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.export import EXPORT_FORMAT, parse_import
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.services.journal import Journal

ZONE = "Europe/Amsterdam"
AMS = ZoneInfo(ZONE)
STARTUP_WAIT_S = 30.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TZ"] = ZONE  # tzlocal reads it: the --from/--to days are Amsterdam days
    return env


def stressbreak(data_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, env=_env(), timeout=60, check=False,
    )


def seed(data_dir: Path, records: list[Record]) -> None:
    journal = Journal(data_dir, pytest.fail)
    journal.start()
    try:
        for record in records:
            journal.append(record)
    finally:
        journal.stop()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def pause(at: datetime) -> PauseRecord:
    return PauseRecord(started_at=at, ended_at=at + timedelta(seconds=60),
                       outcome=PauseOutcome.COMPLETED)


def at(day: int, hour: int = 12, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2024, 3, day, hour, minute, second, tzinfo=AMS)


# Around the edges of 10–12 March 2024, Amsterdam time.
BEFORE = pause(at(9, 23, 59, 59))
FIRST = CheckIn(at=at(10, 0), origin=CheckInOrigin.MANUAL, trigger='=cmd, "x"\nnext', tension=6)
LAST = pause(at(12, 23, 59, 59))
AFTER = pause(at(13, 0))
# 23:30 UTC on the 12th is already the 13th in Amsterdam: outside the range.
AFTER_IN_UTC = CheckIn(at=datetime(2024, 3, 12, 23, 30, tzinfo=ZoneInfo("UTC")),
                       origin=CheckInOrigin.SCHEDULED)
ALL = [BEFORE, FIRST, LAST, AFTER, AFTER_IN_UTC]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    seed(folder, ALL)
    return folder


def exported(result: subprocess.CompletedProcess[bytes]) -> list[Record]:
    assert result.returncode == 0, result.stderr.decode()
    return parse_import(result.stdout.decode("utf-8")).records


def test_json_to_stdout_holds_everything(data_dir: Path) -> None:
    before = snapshot(data_dir)
    result = stressbreak(data_dir, "export", "--format", "json")

    assert result.stderr == b""
    document = json.loads(result.stdout)
    assert document["format"] == EXPORT_FORMAT
    assert document["app_version"].startswith("0.")
    assert datetime.fromisoformat(document["exported_at"]).utcoffset() is not None
    assert exported(result) == ALL
    assert snapshot(data_dir) == before  # an export changes nothing in the journal


def test_csv_to_a_private_file(data_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "journal.csv"
    output.parent.mkdir()
    output.write_text("an older export")
    output.chmod(0o644)

    result = stressbreak(data_dir, "export", "--format", "csv", "-o", str(output))

    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == b""
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert [p.name for p in output.parent.iterdir()] == ["journal.csv"]  # no temp file left
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == [r.id for r in ALL]
    trigger = next(row["trigger"] for row in rows if row["id"] == FIRST.id)
    assert trigger == "'" + FIRST.trigger  # kept whole, and not run as a formula
    assert {row["kind"] for row in rows} == {"pause", "checkin"}


def test_from_and_to_are_whole_local_days(data_dir: Path) -> None:
    result = stressbreak(data_dir, "export", "--format", "json",
                         "--from", "2024-03-10", "--to", "2024-03-12")
    assert exported(result) == [FIRST, LAST]

    only_from = stressbreak(data_dir, "export", "--format", "json", "--from", "2024-03-13")
    assert exported(only_from) == [AFTER, AFTER_IN_UTC]
    only_to = stressbreak(data_dir, "export", "--format", "json", "--to", "2024-03-09")
    assert exported(only_to) == [BEFORE]
    one_day = stressbreak(data_dir, "export", "--format", "json",
                          "--from", "2024-03-10", "--to", "2024-03-10")
    assert exported(one_day) == [FIRST]


@pytest.mark.parametrize(("args", "expected"), [
    (["--from", "10-03-2024"], '--from wants a date as YYYY-MM-DD, not "10-03-2024".'),
    (["--to", "2024-02-30"], '--to wants a date as YYYY-MM-DD, not "2024-02-30".'),
    (["--from", "2024-03-12", "--to", "2024-03-10"],
     "--from 2024-03-12 is after --to 2024-03-10."),
], ids=["bad-from", "impossible-to", "from-after-to"])
def test_bad_dates_exit_2_with_a_message(
    data_dir: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    output = tmp_path / "never.json"
    result = stressbreak(data_dir, "export", "--format", "json", *args, "-o", str(output))
    assert result.returncode == 2
    assert result.stderr.decode().strip() == f"stressbreak: {expected}"
    assert result.stdout == b""
    assert not output.exists()


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_an_unwritable_output_exits_2_and_leaves_nothing(
    data_dir: Path, tmp_path: Path, where: str
) -> None:
    output = tmp_path / "no" / "such" / "x.json" if where == "missing-folder" else tmp_path
    before = sorted(p.name for p in tmp_path.iterdir())
    result = stressbreak(data_dir, "export", "--format", "json", "-o", str(output))

    assert result.returncode == 2
    assert f"cannot write the export to {output}" in result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_format_is_required(data_dir: Path) -> None:
    result = stressbreak(data_dir, "export")
    assert result.returncode == 2
    assert "--format" in result.stderr.decode()


def test_a_missing_data_folder_exports_nothing_and_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "never-used"
    result = stressbreak(folder, "export", "--format", "json")
    assert exported(result) == []
    assert not folder.exists()


def test_a_damaged_month_is_reported_left_alone_and_the_rest_exported(data_dir: Path) -> None:
    damaged = data_dir / "journal-2024-02.json"
    damaged.write_bytes(b'{"records": ')
    leftover = data_dir / ".journal-2024-03.json.abc.tmp"  # maybe the app's write under way
    leftover.write_text("{")
    before = snapshot(data_dir)

    result = stressbreak(data_dir, "export", "--format", "json")

    assert exported(result) == ALL
    assert str(damaged) in result.stderr.decode()
    assert snapshot(data_dir) == before


def test_the_readable_records_of_a_damaged_month_are_exported_and_the_file_left_alone(
        data_dir: Path) -> None:
    """Salvage (issue 14): the export reads what it can of a damaged month, says how much,
    and changes nothing (the running app, or its next start, mends the file)."""
    path = data_dir / "journal-2024-03.json"
    whole = path.read_bytes()
    cut = whole[: whole.index(b'"5": {') + 30]  # the last record (AFTER_IN_UTC) cut short
    path.write_bytes(cut)
    before = snapshot(data_dir)

    result = stressbreak(data_dir, "export", "--format", "json")

    assert exported(result) == [BEFORE, FIRST, LAST, AFTER]
    assert f"{path} is damaged" in result.stderr.decode()
    assert "read 4 entries" in result.stderr.decode()
    assert snapshot(data_dir) == before


def test_export_loads_no_qt(data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from stressbreak.cli import main\n"
        f"code = main(['--data-dir', {str(data_dir)!r}, 'export', '--format', 'csv'])\n"
        "print('qt loaded' if 'PySide6' in sys.modules else 'no qt', code, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env(),
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().split() == ["no", "qt", "0"]


@pytest.fixture
def running_app(data_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(),
    )
    try:
        deadline = time.monotonic() + STARTUP_WAIT_S
        while stressbreak(data_dir, "status").returncode != 0:
            assert process.poll() is None, "the app ended while starting"
            assert time.monotonic() < deadline, "the app did not answer in time"
            time.sleep(0.2)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def test_export_while_the_app_runs(data_dir: Path, running_app: subprocess.Popen[bytes]) -> None:
    started = time.monotonic()
    result = stressbreak(data_dir, "export", "--format", "json")
    assert exported(result) == ALL
    # It did not wait for the app's lock (the command hand-over waits up to 5 s).
    assert time.monotonic() - started < 5
    assert running_app.poll() is None
    assert stressbreak(data_dir, "status").returncode == 0


# -- stressbreak import --------------------------------------------------------------------


def _journal(folder: Path) -> list[Record]:
    journal = Journal(folder, pytest.fail, read_only=True)
    journal.start()
    try:
        return journal.records_between(datetime(2000, 1, 1, tzinfo=AMS),
                                       datetime(2100, 1, 1, tzinfo=AMS))
    finally:
        journal.stop()


@pytest.fixture
def export_file(data_dir: Path, tmp_path: Path) -> Path:
    file = tmp_path / "from another computer.json"
    result = stressbreak(data_dir, "export", "--format", "json", "-o", str(file))
    assert result.returncode == 0, result.stderr.decode()
    return file


def test_import_without_a_running_app_merges_and_adds_nothing_twice(
        export_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    seed(other, [FIRST])  # one of them is there already
    result = stressbreak(other, "import", str(export_file))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split("\n")[0] == (
        f"Imported 4 new entries from {export_file}. 1 was already in your journal.")
    assert sorted(_journal(other), key=lambda r: r.id) == sorted(ALL, key=lambda r: r.id)
    again = stressbreak(other, "import", str(export_file))
    assert again.stdout.decode().startswith("Imported 0 new entries")
    assert len(_journal(other)) == len(ALL)
    # The lock was given back: the app starts there afterwards.
    assert stressbreak(other, "status").returncode == 1  # not running, not stuck


def test_import_into_the_running_app_goes_through_it(
        data_dir: Path, tmp_path: Path, running_app: subprocess.Popen[bytes]) -> None:
    source = tmp_path / "source"
    seed(source, [pause(at(20, 9))])
    file = tmp_path / "one pause.json"
    assert stressbreak(source, "export", "--format", "json", "-o", str(file)).returncode == 0
    result = stressbreak(data_dir, "import", str(file))
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith("Imported 1 new entry from")
    assert running_app.poll() is None
    assert len(_journal(data_dir)) == len(ALL) + 1


@pytest.mark.parametrize(("content", "said"), [
    (None, "could not be read"),
    ("not json", "not a StressBreak export"),
])
def test_a_file_that_is_no_export_imports_nothing_and_says_why(
        data_dir: Path, tmp_path: Path, content: str | None, said: str) -> None:
    file = tmp_path / "wrong.json"
    if content is not None:
        file.write_text(content)
    before = snapshot(data_dir)
    result = stressbreak(data_dir, "import", str(file))
    assert result.returncode == 2
    assert said in result.stderr.decode()
    after = snapshot(data_dir)
    after.pop("instance.lock")  # the lock's file, which the app makes as well
    assert after == before


# -- stressbreak summary -------------------------------------------------------------------


def test_summary_reads_the_journal_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    today = datetime.now(AMS).date()
    seed(folder, [pause(datetime.combine(today, datetime.min.time(), AMS) + timedelta(hours=1)),
                  CheckIn(at=datetime.combine(today, datetime.min.time(), AMS),
                          origin=CheckInOrigin.MANUAL, tension=3, trigger="mail")])
    before = snapshot(folder)
    text = stressbreak(folder, "summary", "--weeks", "2")
    assert text.returncode == 0, text.stderr.decode()
    lines = text.stdout.decode().splitlines()
    assert lines[0].startswith("Week of ")
    assert lines[1].startswith("This week so far, from ")
    assert "1 pause taken, 1 stress meter" in lines[1]
    assert "What helps me:" in lines
    facts = json.loads(stressbreak(folder, "summary", "--json").stdout)
    assert [week["pauses_taken"] for week in facts["weeks"]] == [1]
    assert facts["weeks"][0]["average_tension"] == 3
    assert facts["what_helps"] == []  # one day says nothing
    assert snapshot(folder) == before


def test_summary_says_the_heart_figures_of_the_chosen_weeks(tmp_path: Path) -> None:
    from statistics import fmean

    from tests.heart_journal import heart_journal

    folder = tmp_path / "data"
    today = datetime.now(AMS).date()
    records = heart_journal(today, 8, AMS)
    seed(folder, records)
    first = today - timedelta(days=today.weekday(), weeks=3)
    coherences = [r.heart.coherence for r in records if isinstance(r, PauseRecord)
                  and r.heart is not None and r.heart.coherence is not None
                  and r.started_at.astimezone(AMS).date() >= first]
    text = stressbreak(folder, "summary", "--weeks", "4")
    assert text.returncode == 0, text.stderr.decode()
    said = [line for line in text.stdout.decode().splitlines() if "strap" in line]
    assert said == [f"Heart rhythm during pauses: coherence {fmean(coherences):.2f} on average "
                    f"over {len(coherences)} pauses with a strap"]
    facts = json.loads(stressbreak(folder, "summary", "--weeks", "4", "--json").stdout)
    assert facts["heart"]["coherence"] == round(fmean(coherences), 3)
    assert facts["heart"]["pauses_with_coherence"] == len(coherences)
    # The same weeks without a strap: nothing said of the heart.
    seed(tmp_path / "no-strap", heart_journal(today, 8, AMS, strap=False))
    text = stressbreak(tmp_path / "no-strap", "summary", "--weeks", "4")
    assert "strap" not in text.stdout.decode()
    facts = json.loads(stressbreak(tmp_path / "no-strap", "summary", "--weeks", "4",
                                   "--json").stdout)
    assert facts["heart"] is None


@pytest.mark.parametrize("as_json", [False, True])
def test_summary_into_a_closed_pipe_is_no_error(data_dir: Path, as_json: bool) -> None:
    # `stressbreak summary | head -1`: the reader has gone before the summary is written.
    process = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), "summary",
         *(["--json"] if as_json else [])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert process.stdout is not None
    process.stdout.close()
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 0
    assert errors == b""


def test_summary_weeks_out_of_range_is_a_usage_error(data_dir: Path) -> None:
    result = stressbreak(data_dir, "summary", "--weeks", "53")
    assert result.returncode == 2
    assert "53 is not a number of weeks from 1 to 52" in result.stderr.decode()
