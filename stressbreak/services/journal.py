"""The journal store: pauses and check-ins in TinyDB files, one file per month.

Why it looks like this:

- TinyDB's own JSONStorage rewrites its file in place, so a kill at the wrong instant leaves the
  old tail behind the new JSON (measured: 5 of 200 files unreadable). AtomicJSONStorage writes a
  temporary file next to the target, fsyncs it and renames it over the target, so a reader only
  ever sees the whole old file or the whole new one.
- Every TinyDB insert rewrites the whole file, so one file per month keeps the write cost flat as
  the years pass, and the weekly overview reads only the months it shows.
- An append still rewrites its whole month file, but does not read or serialise it again: the
  storage keeps the text it last wrote and adds the new document's JSON to its end. It uses that
  text only while the file on disk is still the one it wrote (same inode, size and mtime), so a
  change by anyone else is read back in first and kept.
- What cannot be read is moved aside and kept, never overwritten: the user's history is theirs.
  Every record that can still be read in it is written back as the month's file (see
  journal_salvage), and the user is told how many and where the original is.
- A read-only Journal (the command-line export) may read while the app writes: every write is an
  atomic rename, so it sees each month file whole. It never creates, moves or removes anything;
  of a damaged month it uses what can still be read.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Storage, TinyDB
from tinydb.table import Table

from stressbreak.core.clock import Clock
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import Deletion, Record, RecordError, record_from_dict
from stressbreak.services.files import (
    ensure_private_dir,
    fsync_folder,
    move_aside,
    write_atomic,
)
from stressbreak.services.journal_salvage import salvage_documents

_T = TypeVar("_T")

log = logging.getLogger(__name__)

TABLE_NAME = "records"

_PARTITION_RE = re.compile(r"journal-(\d{4})-(\d{2})\.json")
# What delete_all removes: month files, their moved-aside damaged copies and leftover temp
# files of an interrupted write (those hold journal text too).
_JOURNAL_FILE_RE = re.compile(
    r"journal-\d{4}-\d{2}\.json(\.damaged-.+)?|\.journal-\d{4}-\d{2}\.json\..+\.tmp"
)
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


@dataclass(frozen=True)
class MergeResult:
    added: int
    already: int  # already in the journal, or given more than once (the same id)
    # The records added, in the order given (not compared: the counts are the result).
    new: tuple[Record, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class _Written:
    """The file as this storage last wrote it: all that an append needs to know of it."""

    identity: tuple[int, int, int]  # (st_ino, st_size, st_mtime_ns) of that file
    table: str  # the last table in the file, non-empty: the text ends in its last document
    last_id: int  # the largest document id in that table
    text: bytes  # the whole file, as json.dumps(data, ensure_ascii=False) wrote it


def _identity(info: os.stat_result) -> tuple[int, int, int]:
    # Every write replaces the file (a new inode); a writer that rewrites it in place changes
    # its size or mtime. Either way the identity changes.
    return (info.st_ino, info.st_size, info.st_mtime_ns)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces its file atomically and durably on every write.

    No handle is kept open: after os.replace a held handle would point at the old, unlinked
    file. One process writes (the single-instance guard is the write lock), so there is no
    locking here.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        self._path = Path(path)
        self._written: _Written | None = None

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
        text = json.dumps(data, ensure_ascii=False).encode("utf-8")
        # Not remembered for append(): TinyDB's writes (an import) are rare, and their data
        # may not end in the table an append goes to.
        self._written = None
        self._replace(text)

    def append(self, table: str, document: Mapping[str, Any]) -> int:
        """Add `document` to `table` under TinyDB's next id (the largest + 1); return that id.

        The same file as TinyDB's insert would write, replaced as durably as by write(), but
        cheaper: reading and parsing the month file and serialising all of it again was most
        of an append's cost. While the file is the one this storage wrote last, the new text is
        that text with the document's JSON spliced in before the closing braces (json.dumps
        writes nothing after them), and the file is not read at all.
        """
        # Serialised first, as in write(): a document JSON cannot hold leaves nothing behind.
        encoded = json.dumps(document, ensure_ascii=False).encode("utf-8")
        written = self._written
        # Forgotten before writing: after a failed write the file is the old one, or (when
        # only the folder fsync failed) the new one; either way it is read again next time.
        self._written = None
        if written is not None and written.table == table and self._identity() == written.identity:
            doc_id = written.last_id + 1
            text = b"".join((written.text[:-2], b', "', str(doc_id).encode("ascii"), b'": ',
                             encoded, b"}}"))
            info = self._replace(text)
        else:
            # The first append since the storage was made, or someone else changed the file
            # (another process, a restore, an import): what is on disk now is what we add to.
            data = self.read() or {}
            documents = data.setdefault(table, {})
            doc_id = max(map(int, documents), default=0) + 1
            documents[str(doc_id)] = dict(document)
            text = json.dumps(data, ensure_ascii=False).encode("utf-8")
            info = self._replace(text)
            if next(reversed(data)) != table:
                # Another table after ours (not a file StressBreak writes): the text does not
                # end in this table, so the next append reads the file again.
                return doc_id
        self._written = _Written(_identity(info), table, doc_id, text)
        return doc_id

    def _identity(self) -> tuple[int, int, int] | None:
        try:
            return _identity(self._path.stat())
        except OSError:
            return None  # the read that follows says what is wrong, if anything

    def _replace(self, text: bytes) -> os.stat_result:
        return write_atomic(self._path, text)


class ReadOnlyJSONStorage(AtomicJSONStorage):
    """For a read-only Journal: a write reaching the storage is a bug, never a silent change."""

    def _replace(self, text: bytes) -> os.stat_result:
        raise RuntimeError(f"a read-only journal tried to write {self.path}")


class _JournalTable(Table):
    """TinyDB's Table, without its memory of the next free id.

    Table remembers the next id from its first insert on, but appends go past it (through
    AtomicJSONStorage.append) and so may another writer; insert_multiple does not check that
    an id is free and would overwrite that record. So each insert takes the largest id in the
    file + 1, as the storage's append does.
    """

    def insert(self, document: Mapping[Any, Any]) -> int:
        self._next_id = None
        return super().insert(document)

    def insert_multiple(self, documents: Iterable[Mapping[Any, Any]]) -> list[int]:
        self._next_id = None
        return super().insert_multiple(documents)


class _JournalDB(TinyDB):
    table_class = _JournalTable


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


def _write_failure_reason(exc: OSError) -> str:
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
    return reason


def _folder_failure_message(folder: Path, exc: OSError) -> Message:
    reason = exc.strerror or type(exc).__name__
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return Message("journal", QT_TRANSLATE_NOOP(
            "journal", "StressBreak cannot write to its journal folder {folder} ({reason}). "
            "Reminders and pauses go on, but nothing is saved until the folder can be written "
            "to again."), folder=str(folder), reason=reason)
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal", "StressBreak could not open its journal folder {folder} ({reason})."),
        folder=str(folder), reason=reason)


def _on_read_only_mount(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)  # not on Windows
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _write_failure_message(exc: OSError) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal", "StressBreak could not save this entry ({reason}). Earlier entries are safe."),
        reason=_write_failure_reason(exc))


def _merge_failure_message(exc: OSError) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal", "StressBreak could not finish the import ({reason}). What was already in "
        "the journal is safe; importing the same file again adds what is missing."),
        reason=_write_failure_reason(exc))


def _delete_failure_message(path: Path, exc: OSError) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal", "StressBreak could not delete {path} ({reason}). The other journal files "
        "were deleted."), path=str(path), reason=exc.strerror or type(exc).__name__)


def _read_failure_message(path: Path, exc: OSError) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP(
        "journal",
        "StressBreak could not read its journal file {path} ({reason}). Nothing was changed."),
        path=str(path), reason=exc.strerror or type(exc).__name__)


def _month_label(key: tuple[int, int]) -> Message:
    return Message("journal", QT_TRANSLATE_NOOP("journal", "{month} {year}"),
                   month=Message("journal", _MONTH_NAMES[key[1] - 1]), year=key[0])


def _entries(count: int) -> Message:
    if count == 1:
        return Message("journal", QT_TRANSLATE_NOOP("journal", "1 entry"))
    return Message("journal", QT_TRANSLATE_NOOP("journal", "{count} entries"), count=count)


def _inserter(documents: list[dict[str, Any]]) -> Callable[[Table], list[int]]:
    return lambda table: table.insert_multiple(documents)


def _remover(before: datetime) -> Callable[[Table], int]:
    def remove(table: Table) -> int:
        covered = []
        for document in table.all():
            try:
                record = record_from_dict(dict(document))
            except RecordError:
                continue  # kept: its time cannot be told
            if not isinstance(record, Deletion) and record.at < before:
                covered.append(document.doc_id)
        if covered:
            table.remove(doc_ids=covered)  # one atomic rewrite of the file
        return len(covered)

    return remove


def _append_to(table: Table, document: dict[str, Any]) -> int:
    storage = table.storage
    if not isinstance(storage, AtomicJSONStorage):
        raise TypeError(f"a journal table on {type(storage).__name__}")
    return storage.append(table.name, document)


class Journal:
    """The user's journal: append records, read a time range back.

    A record goes into the month of its own wall date (`record.at` in its own UTC offset), which
    is the month the user would say it happened in.

    With `read_only=True` (a second process, such as the command-line export, reading beside the
    running app) `start()` creates and cleans up nothing, a damaged month file is reported and
    left out but stays where it is, and append / merge / delete_all refuse to run.
    """

    def __init__(
        self,
        folder: Path,
        on_problem: Callable[[str], None],
        *,
        clock: Clock | None = None,
        read_only: bool = False,
    ) -> None:
        self._folder = folder
        self._on_problem = on_problem
        self._clock = clock
        self._read_only = read_only
        self._dbs: dict[tuple[int, int], TinyDB] = {}
        self._reported_skips: set[Path] = set()
        self._started = False
        self._folder_ready = False  # made, private and writable, as far as start() could tell
        # Parsed records of recently read months, by month and the file's identity on disk
        # (see _records_in). Off unless asked for: it holds memory all day.
        self._cache: OrderedDict[tuple[int, int], tuple[tuple[int, int, int], list[Record]]] = (
            OrderedDict())
        self._cache_months = 0

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def read_only(self) -> bool:
        return self._read_only

    def path_for(self, key: tuple[int, int]) -> Path:
        """The partition file for (year, month)."""
        return self._folder / f"journal-{key[0]:04d}-{key[1]:02d}.json"

    def reader(self) -> Journal:
        """A read-only journal of the same folder, with files and caches of its own: for a
        worker thread, reading beside this one's writes (each an atomic rename) as the
        command-line export does beside the app. What it finds damaged is left to this
        journal to say."""
        return Journal(self._folder, lambda _problem: None, clock=self._clock, read_only=True)

    def start(self) -> None:
        if self._read_only:
            # Temp files may belong to the running app's write in progress: not ours to remove.
            self._started = True
            return
        # Started whatever happens next: the app goes on reminding without its journal,
        # and each write tries the folder again (see _retry_folder).
        self._started = True
        self._folder_ready = False
        try:
            self._open_folder()
        except OSError as exc:
            raise JournalError(_folder_failure_message(self._folder, exc)) from exc

    def _open_folder(self) -> None:
        """Make the folder (private) and make sure it can be written, now rather than at the
        first pause, which may be an hour away: the user hears of it at start."""
        ensure_private_dir(self._folder)
        if not os.access(self._folder, os.W_OK | os.X_OK):
            # access() sees the permission bits and a read-only mount, which refuse every
            # write (also root's, for the mount). A full disk is found by the first write.
            code = errno.EROFS if _on_read_only_mount(self._folder) else errno.EACCES
            raise OSError(code, os.strerror(code), str(self._folder))
        self._remove_stale_temp_files()
        self._folder_ready = True

    def _retry_folder(self) -> None:
        """Before a write: a folder that could not be made or written at start is tried
        again, since it may have come back (a drive plugged in, a file system made writable,
        a HOME that can be written again). What still fails is said by the write itself."""
        if not self._folder_ready:
            with contextlib.suppress(OSError):
                self._open_folder()

    def stop(self) -> None:
        self._close_files()
        self._started = False

    def append(self, record: Record) -> None:
        """Store `record`; when this returns it survives a crash or power cut."""
        self._require_writable()
        self._retry_folder()
        _require_aware(record)
        document = record.to_dict()
        key = (record.at.year, record.at.month)
        self._cache.pop(key, None)  # also changes the file's identity; this is plainer
        try:
            self._on_table(key, lambda table: _append_to(table, document))
        except OSError as exc:
            raise JournalError(_write_failure_message(exc)) from exc

    def merge(self, records: Iterable[Record], *, same_month_only: bool = False) -> MergeResult:
        """Add the records whose id the journal does not hold yet (an import, or what other
        computers wrote into a shared folder).

        Each month file is written once, however many records go into it: one atomic rewrite
        per record would make an import of years of data take minutes. Ids are compared across
        all months, including entries this version cannot read, and within `records` itself,
        so importing the same export twice adds nothing the second time.

        `same_month_only`: ids are looked for only in the months the records go to. For
        records that StressBreak itself filed (a shared folder's segments): a record's month
        follows from its own time, so it can be in no other month file, and a merge then
        costs the months it touches, not every month of the years kept.
        """
        self._require_writable()
        self._retry_folder()
        incoming = list(records)
        for record in incoming:
            _require_aware(record)
        known = self._all_ids(
            {(record.at.year, record.at.month) for record in incoming}
            if same_month_only else None)
        by_month: dict[tuple[int, int], list[dict[str, Any]]] = {}
        new: list[Record] = []
        already = 0
        for record in incoming:
            if record.id in known:
                already += 1
                continue
            known.add(record.id)
            new.append(record)
            by_month.setdefault((record.at.year, record.at.month), []).append(record.to_dict())
        added = 0
        for key in sorted(by_month):
            self._cache.pop(key, None)
            try:
                self._on_table(key, _inserter(by_month[key]))
            except OSError as exc:
                raise JournalError(_merge_failure_message(exc)) from exc
            added += len(by_month[key])
        return MergeResult(added=added, already=already, new=tuple(new))

    def apply_deletion(self, before: datetime) -> list[tuple[int, int]]:
        """Remove every record with `at` before `before` (a Deletion that came from another
        computer); return the months changed.

        A month all of whose records lie before `before` goes as a whole file, with its
        moved-aside damaged copies (as *delete all data* does on the computer where it was
        asked: entries this version cannot read go too, since every entry in that month is
        older). In the months around `before` each record is judged by its time, atomically
        per file; an entry this version cannot read is kept there, since its time cannot be
        told. Deletions are kept (they stop older copies from coming back). Nothing is read
        when no month file is old enough to hold a covered record.
        """
        self._require_writable()
        self._retry_folder()
        _require_aware_time(before)
        utc = before.astimezone(UTC)
        # A record is filed by its own wall date, at most a day from its UTC date.
        earliest_whole = ((utc - timedelta(days=1)).year, (utc - timedelta(days=1)).month)
        latest = ((utc + timedelta(days=1)).year, (utc + timedelta(days=1)).month)
        changed: list[tuple[int, int]] = []
        for key in sorted(self._existing_months()):
            if key > latest:
                break
            self._cache.pop(key, None)
            try:
                if key < earliest_whole:
                    self._remove_month(key)
                    changed.append(key)
                elif self._on_table(key, _remover(before)):
                    changed.append(key)
            except OSError as exc:
                raise JournalError(_delete_failure_message(self.path_for(key), exc)) from exc
        if changed:
            try:
                fsync_folder(self._folder)
            except OSError as exc:
                raise JournalError(_delete_failure_message(self._folder, exc)) from exc
        return changed

    def latest_deletion(self) -> datetime | None:
        """The latest `before` among the Deletions this journal holds, or None. Only the
        month files that mention a deletion at all are parsed: a scan of the raw bytes is
        cheap, parsing years of months is not."""
        self._require_started()
        latest: datetime | None = None
        for key in self._existing_months():
            try:
                raw = self.path_for(key).read_bytes()
            except OSError:
                continue  # the next read of that month says what is wrong
            if b'"deleted"' not in raw:
                continue
            for record in self._records_in(key):
                if isinstance(record, Deletion) and (latest is None or record.before > latest):
                    latest = record.before
        return latest

    def _remove_month(self, key: tuple[int, int]) -> None:
        db = self._dbs.pop(key, None)
        if db is not None:
            db.close()
        path = self.path_for(key)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        for copy in self._folder.glob(f"{path.name}.damaged-*"):
            with contextlib.suppress(FileNotFoundError):
                copy.unlink()

    def month_files(
        self, only: Iterable[tuple[int, int]] | None = None
    ) -> dict[tuple[int, int], int]:
        """(year, month) -> st_mtime_ns of each month file (of those in `only`, when given:
        then the folder is not listed): what changed since a time."""
        self._require_started()
        months: dict[tuple[int, int], int] = {}
        for key in self._existing_months() if only is None else only:
            with contextlib.suppress(OSError):
                months[key] = self.path_for(key).stat().st_mtime_ns
        return months

    def month_records(self, key: tuple[int, int]) -> list[Record]:
        """The records filed in the month file of (year, month), oldest first: those whose
        `at` falls in that month on their own wall clock. One file read, where a time range
        around the month reads three."""
        self._require_started()
        if key not in self._existing_months():
            return []
        found = list(self._records_in(key))
        found.sort(key=lambda record: record.at)
        return found

    def delete_all(self) -> int:
        """Delete every journal file, and return how many there were.

        The user asked for all of their data to go, so moved-aside damaged copies and temp
        files of an interrupted write (both hold journal text) go too. Other files in the
        folder (settings, preferences, the lock) are left alone. The journal stays started:
        the next append begins a fresh month file.
        """
        self._require_writable()
        self._retry_folder()
        # Open TinyDB objects cache the next document id of files that are about to vanish.
        self._close_files()
        self._cache.clear()
        self._reported_skips.clear()
        try:
            names = sorted(entry.name for entry in self._folder.iterdir())
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise JournalError(_read_failure_message(self._folder, exc)) from exc
        removed = 0
        failure: tuple[Path, OSError] | None = None
        for name in names:
            if _JOURNAL_FILE_RE.fullmatch(name) is None:
                continue
            path = self._folder / name
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                # Carry on: every other file the user wanted gone still goes.
                failure = failure or (path, exc)
                continue
            removed += 1
        try:
            # Without it a power cut soon after could bring deleted files back.
            fsync_folder(self._folder)
        except OSError as exc:
            failure = failure or (self._folder, exc)
        if failure is not None:
            raise JournalError(_delete_failure_message(*failure)) from failure[1]
        return removed

    def records_between(self, start: datetime, end: datetime) -> list[Record]:
        """Records with start <= record.at < end, oldest first."""
        if start.tzinfo is None or end.tzinfo is None:
            raise ValueError("records_between needs timezone-aware times")
        return self.all_records(start, end)

    def all_records(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[Record]:
        """Every record, or those with start <= record.at < end (either bound may be left
        open), oldest first. Only month files that exist are read; none is created."""
        self._require_started()
        if (start is not None and start.tzinfo is None) or (end is not None and end.tzinfo is None):
            raise ValueError("all_records needs timezone-aware times")
        if start is not None and end is not None and end <= start:
            return []
        low, high = _month_bounds(start, end)
        found: list[Record] = []
        for key in sorted(self._existing_months()):
            if (low is not None and key < low) or (high is not None and key > high):
                continue
            for record in self._records_in(key):
                if (start is None or start <= record.at) and (end is None or record.at < end):
                    found.append(record)
        found.sort(key=lambda record: record.at)
        return found

    def _require_started(self) -> None:
        if not self._started:
            raise RuntimeError("Journal.start() has not been called")

    def _require_writable(self) -> None:
        self._require_started()
        if self._read_only:
            raise RuntimeError("this Journal was opened read-only")

    def _close_files(self) -> None:
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    def _existing_months(self) -> set[tuple[int, int]]:
        # Listing names opens no partition file, and keeps a query over a wide range (say,
        # "everything") from creating thousands of empty TinyDB instances.
        try:
            names = [entry.name for entry in self._folder.iterdir()]
        except FileNotFoundError as exc:
            if self._read_only or not self._folder_ready:
                # Nothing written yet: a reader does not create the folder, and a folder that
                # could not be made at start was said then.
                return set()
            raise JournalError(_read_failure_message(self._folder, exc)) from exc
        except OSError as exc:
            raise JournalError(_read_failure_message(self._folder, exc)) from exc
        months: set[tuple[int, int]] = set()
        for name in names:
            match = _PARTITION_RE.fullmatch(name)
            if match is not None and 1 <= int(match[2]) <= 12:
                months.add((int(match[1]), int(match[2])))
        return months

    def _all_ids(self, months: set[tuple[int, int]] | None = None) -> set[str]:
        ids: set[str] = set()
        existing = self._existing_months()
        for key in existing if months is None else existing & months:
            for document in self._documents_in(key):
                # Raw documents, so an entry written by a newer StressBreak counts as well.
                record_id = document.get("id")
                if isinstance(record_id, str):
                    ids.add(record_id)
        return ids

    def _documents_in(self, key: tuple[int, int]) -> list[dict[str, Any]]:
        try:
            documents = self._on_table(key, lambda table: table.all())
        except DamagedFileError as exc:  # only a read-only journal lets this through
            # Read leniently, in memory: the file stays exactly as it is (the running app, or
            # the next start, salvages it for good).
            path = self.path_for(key)
            try:
                readable = salvage_documents(path.read_bytes())
            except OSError:
                readable = []
            self._report_unreadable_file(path, exc, len(readable))
            return readable
        except OSError as exc:
            raise JournalError(_read_failure_message(self.path_for(key), exc)) from exc
        return [dict(document) for document in documents]

    def keep_parsed_months(self, months: int) -> None:
        """Keep the records of the last `months` month files read, parsed (0: none, the
        default). The weekly overview asks for a few while it is open: reading and parsing
        the same two month files again on every week switch was most of its cost."""
        self._cache_months = max(0, months)
        while len(self._cache) > self._cache_months:
            self._cache.popitem(last=False)

    def _records_in(self, key: tuple[int, int]) -> list[Record]:
        if not self._cache_months:
            return self._parse_month(key)
        try:
            info = self.path_for(key).stat()
        except OSError:
            return self._parse_month(key)  # the read says what is wrong, if anything
        # Every write replaces the file (a new inode), so this identity changes with every
        # change, whoever makes it: a cached month is never served stale.
        identity = (info.st_ino, info.st_mtime_ns, info.st_size)
        cached = self._cache.get(key)
        if cached is not None and cached[0] == identity:
            self._cache.move_to_end(key)
            return cached[1]
        records = self._parse_month(key)
        self._cache[key] = (identity, records)
        self._cache.move_to_end(key)
        if len(self._cache) > self._cache_months:
            self._cache.popitem(last=False)
        return records

    def _parse_month(self, key: tuple[int, int]) -> list[Record]:
        records: list[Record] = []
        unreadable = 0
        for document in self._documents_in(key):
            try:
                records.append(record_from_dict(document))
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
        self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
            "journal", "{entries} in the journal file {path} could not be read (written by a "
            "newer StressBreak, or damaged). They are left out here and kept in the file "
            "unchanged."), entries=_entries(count), path=str(path)))

    def _report_unreadable_file(self, path: Path, problem: DamagedFileError,
                                readable: int) -> None:
        if path in self._reported_skips:
            return
        self._reported_skips.add(path)
        if readable:
            self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
                "journal", "The journal file {path} is damaged ({problem}). StressBreak read "
                "{entries} from it and uses them here; the file was not changed."),
                path=str(path), problem=str(problem), entries=_entries(readable)))
            return
        self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
            "journal", "The journal file {path} could not be read ({problem}). It is left out "
            "here and was not changed."), path=str(path), problem=str(problem)))

    def _table(self, key: tuple[int, int]) -> Table:
        db = self._dbs.get(key)
        if db is None:
            # Cheap: AtomicJSONStorage touches nothing until the first read or write.
            storage = ReadOnlyJSONStorage if self._read_only else AtomicJSONStorage
            db = _JournalDB(self.path_for(key), storage=storage)
            self._dbs[key] = db
        return db.table(TABLE_NAME)

    def _on_table(self, key: tuple[int, int], operation: Callable[[Table], _T]) -> _T:
        """Run `operation`; if the month's file turns out damaged, move it aside, write back
        what can still be read of it, and retry.

        A read-only journal never moves anything: the DamagedFileError goes to the caller.
        """
        try:
            return operation(self._table(key))
        except DamagedFileError as exc:
            if self._read_only:
                raise
            self._salvage(key, exc)
            return operation(self._table(key))

    def _salvage(self, key: tuple[int, int], problem: DamagedFileError) -> None:
        """Move the damaged file aside as it is, then make the records that can still be
        read of it the month's new file. Only on damage: appends never come here."""
        self._cache.pop(key, None)
        db = self._dbs.pop(key, None)
        if db is not None:
            # A fresh TinyDB, so no id counter or cache from the damaged file survives.
            db.close()
        now = self._clock.now() if self._clock is not None else datetime.now().astimezone()
        path = self.path_for(key)
        # Moved first, so the original is kept byte for byte whatever happens next; the
        # records are read from that copy.
        target = move_aside(path, now)
        recovered = 0
        try:
            documents = salvage_documents(target.read_bytes())
            if documents:
                # Numbered afresh: the record's own id is what identifies it, and the old
                # keys may be what was damaged.
                AtomicJSONStorage(path).write(
                    {TABLE_NAME: {str(n): doc for n, doc in enumerate(documents, start=1)}})
                recovered = len(documents)
        except OSError as exc:
            # The disk refuses (full, read-only): the month goes on empty, as before salvage
            # existed; the records stay in the copy. What failed goes to the log only, with
            # no journal text.
            log.warning("could not write back the readable records of %s: %s", target,
                        exc.strerror or type(exc).__name__)
        if recovered:
            self._on_problem(Message("journal", QT_TRANSLATE_NOOP(
                "journal", "The journal file for {month} was damaged ({problem}). StressBreak "
                "recovered {entries} from it into the journal; the original was kept as "
                "{target}."), month=_month_label(key), problem=str(problem),
                entries=_entries(recovered), target=str(target)))
            return
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


def _require_aware_time(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("the journal needs timezone-aware times")


def _require_aware(record: Record) -> None:
    if record.at.tzinfo is None:
        # It would be written, but record_from_dict could never read it back.
        raise ValueError("a journal record needs a timezone-aware time")


def _month_bounds(
    start: datetime | None, end: datetime | None
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The first and last month file that can hold a record in [start, end); None = open."""
    # A record is filed by its own wall date, and real UTC offsets run from -12 h to +14 h,
    # so a day of margin on each side of the UTC range catches every record in range.
    margin = timedelta(days=1)
    low: tuple[int, int] | None = None
    high: tuple[int, int] | None = None
    if start is not None:
        with contextlib.suppress(OverflowError):
            earliest = start.astimezone(UTC) - margin
            low = (earliest.year, earliest.month)
    if end is not None:
        with contextlib.suppress(OverflowError):
            latest = end.astimezone(UTC) + margin
            high = (latest.year, latest.month)
    return low, high
