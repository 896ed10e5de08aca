"""The journal store: pauses and check-ins in TinyDB files, one file per month.

Why it looks like this (see DESIGN.md, "Journal"):

- TinyDB's own JSONStorage rewrites its file in place, so a kill at the wrong instant leaves the
  old tail behind the new JSON (measured: 5 of 200 files unreadable). AtomicJSONStorage writes a
  temporary file next to the target, fsyncs it and renames it over the target, so a reader only
  ever sees the whole old file or the whole new one.
- Every TinyDB insert rewrites the whole file, so one file per month keeps the write cost flat as
  the years pass, and the weekly overview reads only the months it shows.
- What cannot be read is moved aside and kept, never overwritten: the user's history is theirs.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Storage, TinyDB
from tinydb.table import Table

from stressbreak.core.clock import Clock
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import Record, RecordError, record_from_dict
from stressbreak.services.files import ensure_private_dir, move_aside, write_atomic

_T = TypeVar("_T")

TABLE_NAME = "records"

_PARTITION_RE = re.compile(r"journal-(\d{4})-(\d{2})\.json")
_MONTH_NAMES = (
    QT_TRANSLATE_NOOP("journal", "January"),
    QT_TRANSLATE_NOOP("journal", "February"),
    QT_TRANSLATE_NOOP("journal", "March"),
    QT_TRANSLATE_NOOP("journal", "April"),
    QT_TRANSLATE_NOOP("journal", "May"),
    QT_TRANSLATE_NOOP("journal", "June"),
    QT_TRANSLATE_NOOP("journal", "July"),
    QT_TRANSLATE_NOOP("journal", "August"),
    QT_TRANSLATE_NOOP("journal", "September"),
    QT_TRANSLATE_NOOP("journal", "October"),
    QT_TRANSLATE_NOOP("journal", "November"),
    QT_TRANSLATE_NOOP("journal", "December"),
)


class JournalError(Exception):
    """The journal could not be written (or read); str() is a sentence to show the user."""


class DamagedFileError(ValueError):
    """A journal file exists but is not a TinyDB database this version can use."""


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces its file atomically and durably on every write.

    No handle is kept open: after os.replace a held handle would point at the old, unlinked
    file. One process writes (the single-instance guard is the write lock), so there is no
    locking here.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self._path = Path(path)

    @property
    def path(self) -> Path:
        return self._path

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self._path.read_bytes()
        except FileNotFoundError:
            return None
        # Same rule as TinyDB's JSONStorage: a 0-byte file is a fresh, empty database.
        if not raw:
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            # ValueError covers JSONDecodeError and UnicodeDecodeError (binary garbage);
            # RecursionError is what very deeply nested brackets give.
            raise DamagedFileError(f"not valid JSON ({type(exc).__name__})") from exc
        _check_shape(data)
        return data  # type: ignore[no-any-return]

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        # Serialise before creating anything, so a bad document leaves no temp file behind.
        write_atomic(self._path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _check_shape(data: Any) -> None:
    """Refuse anything TinyDB would trip over later, so the file is moved aside up front."""
    if not isinstance(data, dict):
        raise DamagedFileError(f"the top level is a JSON {_json_kind(data)}, not an object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise DamagedFileError(f"table {name!r} is a JSON {_json_kind(table)}, not an object")
        for doc_id, doc in table.items():
            # TinyDB turns every key into an int (for the next id); a key that is not one makes
            # each later insert fail, so it is better to notice now.
            if not doc_id.isdecimal():
                raise DamagedFileError(f"table {name!r} has a document id {doc_id!r}")
            if not isinstance(doc, dict):
                raise DamagedFileError(f"document {doc_id} in table {name!r} is not an object")


def _json_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "number"


def _write_failure_message(exc: OSError) -> Message:
    reason: str
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = Message("journal", QT_TRANSLATE_NOOP("journal", "the disk is full"))
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = Message("journal", QT_TRANSLATE_NOOP(
            "journal", "the journal folder cannot be written to"))
    elif exc.errno == errno.ENOENT:
        reason = Message("journal", QT_TRANSLATE_NOOP("journal", "the journal folder is missing"))
    else:
        reason = exc.strerror or type(exc).__name__
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal", "StressBreak could not save this entry ({reason}). Earlier entries are safe."),
        reason=reason)


def _read_failure_message(path: Path, exc: OSError) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal",
        "StressBreak could not read its journal file {path} ({reason}). Nothing was changed."),
        path=str(path), reason=exc.strerror or type(exc).__name__)


def _month_label(key: tuple[int, int]) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP("journal", "{month} {year}"),
                   month=Message("journal", _MONTH_NAMES[key[1] - 1]), year=key[0])


def _months(first: tuple[int, int], last: tuple[int, int]) -> set[tuple[int, int]]:
    year, month = first
    result: set[tuple[int, int]] = set()
    while (year, month) <= last:
        result.add((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


class Journal:
    """The user's journal: append records, read a time range back.

    A record goes into the month of its own wall date (`record.at` in its own UTC offset), which
    is the month the user would say it happened in.
    """

    def __init__(
        self,
        folder: Path,
        on_problem: Callable[[str], None],
        *,
        clock: Clock | None = None,
    ) -> None:
        self._folder = folder
        self._on_problem = on_problem
        self._clock = clock
        self._dbs: dict[tuple[int, int], TinyDB] = {}
        self._reported_skips: set[Path] = set()
        self._started = False

    @property
    def folder(self) -> Path:
        return self._folder

    def path_for(self, key: tuple[int, int]) -> Path:
        """The partition file for (year, month)."""
        return self._folder / f"journal-{key[0]:04d}-{key[1]:02d}.json"

    def start(self) -> None:
        try:
            ensure_private_dir(self._folder)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise JournalError(Message("journal", QT_TRANSLATE_NOOP(
                "journal", "StressBreak could not open its journal folder {folder} ({reason})."),
                folder=str(self._folder), reason=reason)) from exc
        self._remove_stale_temp_files()
        self._started = True

    def stop(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()
        self._started = False

    def append(self, record: Record) -> None:
        """Store `record`; when this returns it survives a crash or power cut."""
        self._require_started()
        if record.at.tzinfo is None:
            # It would be written, but record_from_dict could never read it back.
            raise ValueError("a journal record needs a timezone-aware time")
        document = record.to_dict()
        key = (record.at.year, record.at.month)
        try:
            self._on_table(key, lambda table: table.insert(document))
        except OSError as exc:
            raise JournalError(_write_failure_message(exc)) from exc

    def records_between(self, start: datetime, end: datetime) -> list[Record]:
        """Records with start <= record.at < end, oldest first."""
        self._require_started()
        if start.tzinfo is None or end.tzinfo is None:
            raise ValueError("records_between needs timezone-aware times")
        if end <= start:
            return []
        wanted = self._months_overlapping(start, end)
        found: list[Record] = []
        for key in sorted(wanted & self._existing_months()):
            for record in self._records_in(key):
                if start <= record.at < end:
                    found.append(record)
        found.sort(key=lambda record: record.at)
        return found

    def _require_started(self) -> None:
        if not self._started:
            raise RuntimeError("Journal.start() has not been called")

    @staticmethod
    def _months_overlapping(start: datetime, end: datetime) -> set[tuple[int, int]]:
        # A record is filed by its own wall date, and real UTC offsets run from -12 h to +14 h,
        # so a day of margin on each side of the UTC range catches every record in range.
        margin = timedelta(days=1)
        start_utc = start.astimezone(UTC)
        end_utc = end.astimezone(UTC)
        try:
            low = start_utc - margin
        except OverflowError:
            low = datetime.min.replace(tzinfo=UTC)
        try:
            high = end_utc + margin
        except OverflowError:
            high = datetime.max.replace(tzinfo=UTC)
        return _months((low.year, low.month), (high.year, high.month))

    def _existing_months(self) -> set[tuple[int, int]]:
        # Listing names opens no partition file, and keeps a query over a wide range (say,
        # "everything") from creating thousands of empty TinyDB instances.
        try:
            names = [entry.name for entry in self._folder.iterdir()]
        except OSError as exc:
            raise JournalError(_read_failure_message(self._folder, exc)) from exc
        months: set[tuple[int, int]] = set()
        for name in names:
            match = _PARTITION_RE.fullmatch(name)
            if match is not None and 1 <= int(match[2]) <= 12:
                months.add((int(match[1]), int(match[2])))
        return months

    def _records_in(self, key: tuple[int, int]) -> list[Record]:
        try:
            documents = self._on_table(key, lambda table: table.all())
        except OSError as exc:
            raise JournalError(_read_failure_message(self.path_for(key), exc)) from exc
        records: list[Record] = []
        unreadable = 0
        for document in documents:
            try:
                records.append(record_from_dict(dict(document)))
            except RecordError:
                # Left in the file untouched: TinyDB writes raw documents back, so a newer
                # StressBreak still finds them after we have appended to this month.
                unreadable += 1
        if unreadable:
            self._report_skipped(self.path_for(key), unreadable)
        return records

    def _report_skipped(self, path: Path, count: int) -> None:
        if path in self._reported_skips:
            return
        self._reported_skips.add(path)
        if count == 1:
            entries = Message("journal", QT_TRANSLATE_NOOP("journal", "1 entry"))
        else:
            entries = Message("journal", QT_TRANSLATE_NOOP("journal", "{count} entries"),
                              count=count)
        self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
            "journal", "{entries} in the journal file {path} could not be read (written by a "
            "newer StressBreak, or damaged). They are left out here and kept in the file "
            "unchanged."), entries=entries, path=str(path)))

    def _table(self, key: tuple[int, int]) -> Table:
        db = self._dbs.get(key)
        if db is None:
            # Cheap: AtomicJSONStorage touches nothing until the first read or write.
            db = TinyDB(self.path_for(key), storage=AtomicJSONStorage)
            self._dbs[key] = db
        return db.table(TABLE_NAME)

    def _on_table(self, key: tuple[int, int], operation: Callable[[Table], _T]) -> _T:
        """Run `operation`; if the month's file turns out damaged, move it aside and retry."""
        try:
            return operation(self._table(key))
        except DamagedFileError as exc:
            self._move_aside(key, exc)
            return operation(self._table(key))

    def _move_aside(self, key: tuple[int, int], problem: DamagedFileError) -> None:
        db = self._dbs.pop(key, None)
        if db is not None:
            # A fresh TinyDB, so no id counter or cache from the damaged file survives.
            db.close()
        now = self._clock.now() if self._clock is not None else datetime.now().astimezone()
        target = move_aside(self.path_for(key), now)
        self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
            "journal", "The journal file for {month} could not be read ({problem}). It was "
            "kept as {target}, and StressBreak carries on with an empty journal for that "
            "month."), month=_month_label(key), problem=str(problem), target=str(target)))

    def _remove_stale_temp_files(self) -> None:
        # A kill between mkstemp and os.replace leaves a temp file. One process writes, so at
        # start-up none of ours can be in use; the real files are whole either way.
        for leftover in self._folder.glob(".journal-*.json.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
