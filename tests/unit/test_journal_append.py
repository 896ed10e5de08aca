"""Appends that do not read or reserialise their month file: what they must still get right.

AtomicJSONStorage keeps the text it last wrote and adds each new document to its end, as long
as the file on disk is still the one it wrote. These tests change the file behind its back
(another writer, an in-place rewrite, a restored copy, an import, a failed write) and check
that nothing is lost or overwritten, that the file is the one a full rewrite would give, and
that the month file is not read again while nobody else touches it.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.services.journal import AtomicJSONStorage, Journal, JournalError
from tests.fakes import FakeClock

AMS = ZoneInfo("Europe/Amsterdam")
MARCH = datetime(2024, 3, 12, 9, tzinfo=AMS)
MARCH_FILE = "journal-2024-03.json"

Problems = list[str]
MakeJournal = Callable[[], Journal]


def pause(n: int) -> PauseRecord:
    at = MARCH + timedelta(minutes=n)
    return PauseRecord(started_at=at, ended_at=at + timedelta(seconds=60),
                       outcome=PauseOutcome.COMPLETED)


@pytest.fixture
def problems() -> Problems:
    return []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def make_journal(folder: Path, problems: Problems) -> Iterator[MakeJournal]:
    opened: list[Journal] = []

    def make() -> Journal:
        journal = Journal(folder, problems.append,
                          clock=FakeClock(datetime(2024, 6, 1, 9, tzinfo=AMS)))
        journal.start()
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        journal.stop()


@pytest.fixture
def journal(make_journal: MakeJournal) -> Journal:
    return make_journal()


def documents(path: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = json.loads(path.read_bytes())["records"]
    return found


def stored_ids(path: Path) -> list[str]:
    return [document["id"] for document in documents(path).values()]


def everything(journal: Journal) -> list[Record]:
    return journal.all_records()


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of files opened for reading, through the real io.open (Path.read_bytes
    goes through it)."""
    opened: list[str] = []
    real_open = io.open

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "r" in mode and not isinstance(file, int):
            opened.append(Path(os.fspath(file)).name)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    return opened


# --- the month file is not read again -----------------------------------------------------------


def test_appends_read_the_month_file_at_most_once(
    make_journal: MakeJournal, folder: Path, reads: list[str]
) -> None:
    earlier = make_journal()
    history = [pause(n) for n in range(300)]
    earlier.merge(history)
    earlier.stop()
    reads.clear()

    journal = make_journal()  # a new session: it has not seen the file yet
    added = [pause(300 + n) for n in range(20)]
    for record in added:
        journal.append(record)

    assert reads.count(MARCH_FILE) <= 1
    assert stored_ids(folder / MARCH_FILE) == [r.id for r in history + added]

    # The count does see reads: once someone else has written the file, it is read again.
    make_journal().append(pause(400))
    reads.clear()
    journal.append(pause(401))
    assert reads.count(MARCH_FILE) == 1


def test_the_file_is_what_a_full_rewrite_would_write(journal: Journal, folder: Path) -> None:
    records: list[Record] = []
    for n in range(5):
        records.append(pause(n))
        # Non-ASCII text stays as it is (ensure_ascii=False), as in every earlier version.
        records.append(CheckIn(at=MARCH + timedelta(minutes=n, seconds=30),
                               origin=CheckInOrigin.MANUAL, body_note=f"schouders {n} é ☺"))
    for record in records:
        journal.append(record)

    path = folder / MARCH_FILE
    raw = path.read_bytes()
    assert raw == json.dumps(json.loads(raw), ensure_ascii=False).encode("utf-8")
    assert "é ☺".encode() in raw
    assert list(documents(path)) == [str(n) for n in range(1, 11)]
    assert [d["id"] for d in documents(path).values()] == [r.id for r in records]
    # Plain TinyDB reads it: the format has not changed.
    with TinyDB(path, storage=JSONStorage, access_mode="r") as db:
        assert [doc["id"] for doc in db.table("records").all()] == [r.id for r in records]
    assert everything(journal) == records


# --- changes made by someone else are kept ------------------------------------------------------


def _another_journal_appends(path: Path, make_journal: MakeJournal) -> list[str]:
    other = pause(100)
    make_journal().append(other)  # its own storage: it replaces the file (a new inode)
    return [other.id]


def _rewritten_in_place(path: Path, make_journal: MakeJournal) -> list[str]:
    # As TinyDB's own JSONStorage (or an editor) writes: same inode, new contents.
    data = json.loads(path.read_bytes())
    extra = pause(100).to_dict()
    data["records"][str(len(data["records"]) + 1)] = extra
    with path.open("r+b") as handle:
        handle.write(json.dumps(data).encode())
        handle.truncate()
    return [extra["id"]]


def _imported_by_another_process(path: Path, make_journal: MakeJournal) -> list[str]:
    imported = [pause(100), pause(101)]
    assert make_journal().merge(imported).added == 2
    return [r.id for r in imported]


@pytest.mark.parametrize("change", [
    _another_journal_appends, _rewritten_in_place, _imported_by_another_process])
def test_an_append_keeps_what_another_writer_added(
    journal: Journal, make_journal: MakeJournal, folder: Path, problems: Problems,
    change: Callable[[Path, MakeJournal], list[str]],
) -> None:
    ours = [pause(0), pause(1)]
    for record in ours:
        journal.append(record)
    path = folder / MARCH_FILE

    theirs = change(path, make_journal)
    after = pause(2)
    journal.append(after)  # raised "Document with ID 3 already exists" before this change

    ids = stored_ids(path)
    assert ids == [r.id for r in ours] + theirs + [after.id]
    assert sorted(map(int, documents(path))) == list(range(1, len(ids) + 1))
    assert problems == []


def test_an_append_after_a_restore_adds_to_the_restored_file(
    journal: Journal, folder: Path, tmp_path: Path
) -> None:
    path = folder / MARCH_FILE
    kept = [pause(0), pause(1)]
    for record in kept:
        journal.append(record)
    backup = tmp_path / "backup.json"
    shutil.copy2(path, backup)
    journal.append(pause(2))  # not in the backup
    shutil.copy2(backup, path)  # written over the same inode, the backup's mtime kept

    after = pause(3)
    journal.append(after)

    assert stored_ids(path) == [r.id for r in kept] + [after.id]


def test_an_append_after_the_file_was_deleted_starts_it_again(
    journal: Journal, folder: Path
) -> None:
    journal.append(pause(0))
    (folder / MARCH_FILE).unlink()
    after = pause(1)
    journal.append(after)
    assert stored_ids(folder / MARCH_FILE) == [after.id]


def test_a_merge_after_appends_overwrites_nothing(
    journal: Journal, make_journal: MakeJournal, folder: Path
) -> None:
    # TinyDB's Table remembers the next free id from its first insert on; appends (and other
    # writers) go past it, and insert_multiple does not check that an id is free.
    first = pause(0)
    assert journal.merge([first]).added == 1
    appended = [pause(1), pause(2)]
    for record in appended:
        journal.append(record)
    theirs = pause(3)
    make_journal().append(theirs)
    second = pause(4)
    assert journal.merge([second]).added == 1

    expected = [first, *appended, theirs, second]
    assert stored_ids(folder / MARCH_FILE) == [r.id for r in expected]
    assert everything(journal) == expected


# --- failed writes ------------------------------------------------------------------------------


def _fsync_failing_at(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    """Make the `call`-th os.fsync from now fail once with EIO (1: the temp file's, 2: the
    folder's, in a write_atomic)."""
    real_fsync = os.fsync
    calls = 0

    def fsync(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == call:
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_an_append_after_a_failed_write_keeps_the_file_as_it_is(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = pause(0)
    journal.append(saved)
    _fsync_failing_at(monkeypatch, 1)  # before the rename: the old file stays
    with pytest.raises(JournalError):
        journal.append(pause(1))
    monkeypatch.undo()
    after = pause(2)
    journal.append(after)

    assert stored_ids(folder / MARCH_FILE) == [saved.id, after.id]
    assert sorted(p.name for p in folder.iterdir()) == [MARCH_FILE]  # no temp file left


def test_an_append_after_a_failed_folder_fsync_keeps_the_renamed_record(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = pause(0)
    journal.append(saved)
    unsure = pause(1)
    _fsync_failing_at(monkeypatch, 2)  # after the rename: the new file is in place
    with pytest.raises(JournalError):
        journal.append(unsure)
    monkeypatch.undo()
    after = pause(2)
    journal.append(after)

    # Reported as not saved (it may not survive a power cut), but what is on disk is kept,
    # and the next record gets an id of its own.
    assert stored_ids(folder / MARCH_FILE) == [saved.id, unsure.id, after.id]
    assert list(documents(folder / MARCH_FILE)) == ["1", "2", "3"]


# --- the storage on its own ---------------------------------------------------------------------


def test_storage_append_numbers_documents_as_tinydb_does(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    assert storage.append("records", {"a": 1}) == 1
    assert storage.append("records", {"a": 2}) == 2
    # Ids continue after the largest, not after the count (removed documents leave gaps).
    storage.write({"records": {"1": {"a": 1}, "7": {"a": 7}}})
    assert storage.append("records", {"a": 8}) == 8
    assert storage.read() == {"records": {"1": {"a": 1}, "7": {"a": 7}, "8": {"a": 8}}}


def test_storage_append_to_a_table_that_is_not_last(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    storage.write({"records": {"1": {"a": 1}}, "other": {"1": {"b": 1}}})
    storage.append("records", {"a": 2})
    storage.append("records", {"a": 3})
    storage.append("other", {"b": 2})
    storage.append("other", {"b": 3})
    assert json.loads(path.read_bytes()) == {
        "records": {"1": {"a": 1}, "2": {"a": 2}, "3": {"a": 3}},
        "other": {"1": {"b": 1}, "2": {"b": 2}, "3": {"b": 3}},
    }


def test_storage_append_of_a_document_json_cannot_hold_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    storage.append("records", {"a": 1})
    before = path.read_bytes()
    with pytest.raises(TypeError):
        storage.append("records", {"a": {1, 2}})
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]
    storage.append("records", {"a": 2})
    assert storage.read() == {"records": {"1": {"a": 1}, "2": {"a": 2}}}


def test_a_read_only_journal_still_cannot_append(
    journal: Journal, folder: Path, problems: Problems
) -> None:
    saved = pause(0)
    journal.append(saved)
    before = (folder / MARCH_FILE).read_bytes()
    reader = Journal(folder, problems.append, read_only=True)
    reader.start()
    with pytest.raises(RuntimeError):
        reader.append(pause(1))
    assert reader.all_records() == [saved]
    assert (folder / MARCH_FILE).read_bytes() == before
