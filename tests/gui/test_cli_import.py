"""`stressbreak import` both ways, as the command line (a real process) meets them: handed to a
running app, or done by the command line itself when none runs. The same words and the same
exit status for every outcome: 0 when the file is in the journal, 2 when nothing or not all of
it could be imported.

The running app here is the real app's coordinators (`make_app`) answering on the real command
channel from this test's event loop, holding the data folder's lock as the app does; the
command line finds it as it finds the app.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from stressbreak.core.commands import Request
from stressbreak.core.export import to_json
from stressbreak.core.model import CheckIn, CheckInOrigin, DayRating, PauseOutcome, PauseRecord
from stressbreak.services.instance import CommandServer, NoAnswerError, send_command, socket_path
from stressbreak.services.journal import Journal
from stressbreak.services.lock import InstanceLock, server_name
from tests.fakes import TUESDAY_10, FakeClock, make_app
from tests.folders import unwritable

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")

MONDAY = TUESDAY_10 - timedelta(days=1)
IN_THE_JOURNAL = [
    PauseRecord(started_at=MONDAY, ended_at=MONDAY + timedelta(minutes=1),
                outcome=PauseOutcome.COMPLETED),
    CheckIn(at=MONDAY + timedelta(hours=2), origin=CheckInOrigin.SCHEDULED, tension=4),
]
NEW = [
    PauseRecord(started_at=TUESDAY_10, ended_at=TUESDAY_10 + timedelta(minutes=1),
                outcome=PauseOutcome.ENDED_EARLY),
    DayRating(TUESDAY_10 - timedelta(hours=2), sleep=3, energy=4),
]


@dataclass(frozen=True)
class Said:
    """What one `stressbreak import` ended with."""

    status: int
    out: str
    err: str


def seeded(folder: Path) -> Path:
    journal = Journal(folder, pytest.fail)
    journal.start()
    try:
        journal.merge(IN_THE_JOURNAL)
    finally:
        journal.stop()
    return folder


@pytest.fixture
def with_app(qapp, tmp_path: Path, runtime_dir: Path) -> Iterator[Path]:
    """The data folder of a running app."""
    folder = seeded(tmp_path / "with-app")
    told: list[str] = []
    harness = make_app(folder, FakeClock(TUESDAY_10), told)
    harness.start()
    lock = InstanceLock(folder)
    assert lock.acquire()
    server = CommandServer(server_name(folder), harness.commands.handle, told.append)
    server.start()
    yield folder
    server.stop()
    harness.stop()
    lock.release()
    assert told == []


@pytest.fixture
def alone(tmp_path: Path, runtime_dir: Path) -> Path:
    """The data folder of an app that does not run."""
    return seeded(tmp_path / "alone")


@pytest.fixture
def imports(qtbot) -> Callable[[Path, Path], Said]:
    def run(folder: Path, file: Path) -> Said:
        child = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(folder), "import", str(file)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
        # The app answers from this loop: keep it running while the command line waits.
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=60_000)
        out, err = child.communicate()
        return Said(child.returncode, out.decode(), err.decode())
    return run


def export_of(folder: Path, raw_extra: Sequence[object] = ()) -> Path:
    document = json.loads(to_json(NEW, exported_at=TUESDAY_10, app_version="test"))
    document["records"].extend(raw_extra)
    file = folder / "from the laptop.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    return file


def both_ways(imports: Callable[[Path, Path], Said], with_app: Path, alone: Path,
              file: Path) -> Said:
    """The file imported into the running app and, the same way, without one: said alike."""
    handed_over = imports(with_app, file)
    done_here = imports(alone, file)
    assert handed_over == done_here
    return handed_over


def journal_ids(folder: Path) -> set[str]:
    journal = Journal(folder, pytest.fail, read_only=True)
    journal.start()
    try:
        return {record.id for record in journal.all_records()}
    finally:
        journal.stop()


def test_an_export_is_merged_and_a_second_import_adds_nothing(
        imports, with_app: Path, alone: Path, tmp_path: Path) -> None:
    file = export_of(tmp_path)
    first = both_ways(imports, with_app, alone, file)
    assert first == Said(0, f"Imported 2 new entries from {file}.\n", "")
    again = both_ways(imports, with_app, alone, file)
    assert again == Said(
        0, f"Imported 0 new entries from {file}. 2 were already in your journal.\n", "")
    everything = {record.id for record in IN_THE_JOURNAL + NEW}
    assert journal_ids(with_app) == journal_ids(alone) == everything


def test_entries_that_cannot_be_read_are_counted_and_the_rest_imported(
        imports, with_app: Path, alone: Path, tmp_path: Path) -> None:
    newer = {"kind": "mood", "v": 9, "id": "from a newer version", "at": TUESDAY_10.isoformat()}
    damaged = {**NEW[0].to_dict(), "id": "damaged", "outcome": "sort of"}
    file = export_of(tmp_path, [newer, damaged])
    said = both_ways(imports, with_app, alone, file)
    assert said == Said(0, f"Imported 2 new entries from {file}. 2 entries could not be read "
                           "and were left out (written by a newer StressBreak?).\n", "")


@pytest.mark.parametrize(("make", "reason"), [
    (lambda file: None, f"could not be read ({os.strerror(2)}). Nothing was imported."),
    (lambda file: file.mkdir(), "could not be read (Is a directory). Nothing was imported."),
    (lambda file: file.write_text("{half", encoding="utf-8"),
     "This file cannot be imported: it is not a StressBreak export (it is not JSON)."),
    (lambda file: file.write_text('{"format": "someone-else", "records": []}', encoding="utf-8"),
     "This file cannot be imported: it is not a StressBreak export."),
    (lambda file: file.write_bytes(b'{"format": "\xff"}'), "could not be read ('utf-8' codec"),
], ids=["missing", "a-folder", "not-json", "not-an-export", "not-utf-8"])
def test_a_file_that_cannot_be_imported_exits_2_and_changes_nothing(
        imports, with_app: Path, alone: Path, tmp_path: Path, *,
        make: Callable[[Path], object], reason: str) -> None:
    file = tmp_path / "export.json"
    make(file)
    said = both_ways(imports, with_app, alone, file)
    assert said.status == 2
    assert said.out == ""
    assert reason in said.err
    assert journal_ids(with_app) == journal_ids(alone) == {r.id for r in IN_THE_JOURNAL}


def test_a_journal_that_cannot_be_written_exits_2_and_says_a_second_try_adds_the_rest(
        imports, with_app: Path, alone: Path, tmp_path: Path) -> None:
    file = export_of(tmp_path)
    with unwritable(with_app, own=True) as refused, unwritable(alone, own=True):
        said = both_ways(imports, with_app, alone, file)
        assert said.status == 2
        assert said.out == ""
        assert said.err == (
            "StressBreak could not finish the import (the journal folder cannot be written "
            "to). What was already in the journal is safe; importing the same file again adds "
            "what is missing.\n"), refused.reason
    assert journal_ids(with_app) == journal_ids(alone) == {r.id for r in IN_THE_JOURNAL}
    assert both_ways(imports, with_app, alone, file).status == 0  # writable again: all in


def test_an_app_that_takes_a_command_and_does_not_answer_is_told_apart_from_none(
        runtime_dir: Path, tmp_path: Path) -> None:
    """An app that hangs: the command line says it did not answer (exit 2: not done as far
    as it can tell), not that StressBreak is not running (exit 1)."""
    folder = tmp_path / "hung"
    folder.mkdir()
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.bind(str(socket_path(server_name(folder))))
    silent.listen(8)
    try:
        with pytest.raises(NoAnswerError):
            send_command(server_name(folder), Request("status"), timeout_ms=200)
        done = subprocess.run(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(folder), "status"],
            capture_output=True, text=True, env=dict(os.environ), timeout=60, check=False)
    finally:
        silent.close()
    assert done.returncode == 2
    assert done.stderr.startswith(
        "stressbreak: StressBreak is running but did not answer within 1 second")
    assert done.stderr.endswith(". It may still be busy with what you asked.\n")
