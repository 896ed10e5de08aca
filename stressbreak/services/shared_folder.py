"""The shared folder: the files this computer writes into a folder that the user's own sync
tool (Syncthing, Nextcloud, Dropbox, OneDrive, iCloud Drive) keeps in step, and what it reads
of the other computers' files there (issue 18; names and merge rules in core/sync.py).

Why it looks like this:

- Every file has one writer: this computer writes only its own month segments
  (`journal-<cid>-<YYYY>-<MM>.json`) and its computer file (`computer-<cid>.json`), always
  atomically and privately (services/files.write_atomic: a temp file beside it, fsync,
  rename, 0600). So a sync tool has nothing to merge, and a reader on another computer sees
  a whole file or none.
- What a sync tool has not finished is never taken for damage: its temp names are not ours
  (`parse_shared_name`), and a file of ours whose JSON does not parse (still arriving, or
  written in place by a tool that does that) is skipped without a word, left exactly as it
  is, and read again once its size, mtime or inode changes. Conflict copies are read like the
  files they are copies of, and never removed.
- A folder that is missing (not mounted, a network drive offline) or cannot be written is
  `available False` with the `problem` in words; the app goes on with its local journal.
- Only `StressBreak/` inside the chosen folder is ever written; it is made 0700 where the
  platform allows. The chosen folder itself is never made: its absence means "not mounted".
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from stressbreak.core.clock import Clock
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import Deletion, Record, RecordError, record_from_dict
from stressbreak.core.presence import ActiveSpan
from stressbreak.core.sync import (
    SEGMENT_FORMAT,
    computer_file_name,
    parse_shared_name,
    segment_name,
)
from stressbreak.services.files import (
    PRIVATE_DIR,
    ensure_private_dir,
    fsync_folder,
    move_aside,
    write_atomic,
)

SUBFOLDER = "StressBreak"
COMPUTER_FILE = "computer.json"  # in the local data folder: this computer's id
ACTIVE_KEPT = timedelta(hours=48)  # how far back a computer file tells its activity

_Identity = tuple[int, int, int]  # (st_ino, st_size, st_mtime_ns)


@dataclass(frozen=True)
class ComputerInfo:
    """What another computer's file says: its name, its recent activity, and when the file
    was last written (its mtime, which sync tools carry over)."""

    cid: str
    name: str
    active: tuple[ActiveSpan, ...]
    written_at: datetime


def computer_id(data_dir: Path) -> str:
    """This computer's id in shared folders: 16 random hex characters, made once and kept in
    `computer.json` in the local data folder. Never derived from the host name: two computers
    may share one, and a name says more than an id needs to. A file that cannot be read is
    moved aside (kept) and a new id made: its records keep the old id, which only means that
    this computer no longer writes their segments."""
    path = data_dir / COMPUTER_FILE
    try:
        found = _read_id(path.read_bytes())
    except FileNotFoundError:
        found = None
    else:
        if found is None:
            move_aside(path, datetime.now().astimezone())
    if found is not None:
        return found
    # What secrets.token_hex(8) gives (it reads os.urandom too), without importing secrets,
    # which brings hashlib and hmac (OpenSSL's hashing) into the tray app's memory all day.
    made = os.urandom(8).hex()
    ensure_private_dir(data_dir)
    write_atomic(path, json.dumps({"id": made}).encode("utf-8"))
    return made


def renew_computer_id(data_dir: Path, old: str) -> str:
    """A new id for this computer, kept in `computer.json` with the ids it had before (its
    records made under them are still its own to write). For when another computer writes
    under this one's id: a data folder restored from a backup onto a second computer."""
    made = os.urandom(8).hex()
    former = [*former_computer_ids(data_dir), old]
    write_atomic(data_dir / COMPUTER_FILE,
                 json.dumps({"id": made, "former": former}).encode("utf-8"))
    return made


def former_computer_ids(data_dir: Path) -> list[str]:
    """The ids this computer had before its current one (see renew_computer_id)."""
    try:
        raw = json.loads((data_dir / COMPUTER_FILE).read_bytes())
    except (OSError, ValueError, RecursionError):
        return []
    former = raw.get("former") if isinstance(raw, dict) else None
    return [cid for cid in former if isinstance(cid, str)] if isinstance(former, list) else []


def read_computer_id(data_dir: Path) -> str | None:
    """This computer's id if it has one, only read (an export names the computer by it)."""
    try:
        return _read_id((data_dir / COMPUTER_FILE).read_bytes())
    except OSError:
        return None


def _read_id(data: bytes) -> str | None:
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        return None
    value = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(value, str) and len(value) == 16 and all(c in "0123456789abcdef"
                                                           for c in value):
        return value
    return None


def folder_problem(folder: Path, data_dir: Path) -> str | None:
    """Why `folder` cannot be the shared folder (a Message), or None. Asked before sharing
    starts; what is wrong is said, and nothing is written anywhere."""
    if not folder.is_absolute():
        return Message("shared_folder", QT_TRANSLATE_NOOP(
            "shared_folder", "The shared folder has to be a full path, such as "
            "/home/anna/Sync; {folder} is not one."), folder=str(folder))
    if folder.exists() and not folder.is_dir():
        return Message("shared_folder", QT_TRANSLATE_NOOP(
            "shared_folder", "{folder} is a file, not a folder. Choose the folder your sync "
            "tool keeps in step."), folder=str(folder))
    with contextlib.suppress(OSError):
        chosen, data = folder.resolve(), data_dir.resolve()
        if chosen == data or data in chosen.parents:
            return Message("shared_folder", QT_TRANSLATE_NOOP(
                "shared_folder", "{folder} is StressBreak's own data folder on this computer. "
                "Choose the folder your sync tool keeps in step."), folder=str(folder))
    return None


@dataclass
class SyncState:
    """What a restart need not do again, kept in the local data folder: the others' files
    already merged (by identity), the local month files whose segment is up to date (by
    their mtime), and the latest Deletion seen (its `before`). Losing it costs one full read
    of the shared folder, nothing else."""

    seen: dict[str, _Identity] = field(default_factory=dict)
    months: dict[tuple[int, int], int] = field(default_factory=dict)
    before: datetime | None = None
    # This computer's segments as it last wrote them: one that differs was not written
    # here (written while the drive was away, or put back by a sync tool), so it is again.
    own: dict[tuple[int, int], _Identity] = field(default_factory=dict)
    # `StressBreak/` was there once: its absence now means a drive not mounted, not a new
    # folder to make (it would be made on the empty mount point).
    made: bool = False


class SharedFolder:
    """This computer's side of one shared folder (`folder`, as the user chose it).

    `state_file` (in the local data folder) keeps a `SyncState` across restarts, so that a
    start reads only what changed meanwhile; without one, every start reads all.
    """

    def __init__(self, folder: Path, computer_id: str, clock: Clock,
                 state_file: Path | None = None) -> None:
        self._folder = folder
        self._cid = computer_id
        self._clock = clock
        self._state_file = state_file
        self.state = SyncState()
        self._state_saved = b""  # the state file as last read or written by this object
        self._staged: dict[str, _Identity] = {}  # read by read_changed, not yet merged
        self._waiting: dict[str, _Identity] = {}  # did not parse at this identity
        # Read, but not all of it (a newer StressBreak's format or record kinds): not read
        # again this session, and never kept as merged, so an upgrade reads it whole.
        self._partly: dict[str, _Identity] = {}
        self._own_found: dict[tuple[int, int], _Identity] = {}  # at the last read_changed
        self._computers: dict[str, tuple[_Identity, ComputerInfo | None]] = {}
        self._swept = False  # this computer's leftover temp files removed since start
        self.available = False
        self.problem: str | None = None

    @property
    def folder(self) -> Path:
        return self._folder

    @property
    def path(self) -> Path:
        """`StressBreak/` in the chosen folder: all that is ever written."""
        return self._folder / SUBFOLDER

    @property
    def computer_id(self) -> str:
        return self._cid

    def start(self, *, chosen_now: bool = False) -> None:
        """Read the state and look at the folder. `chosen_now`: the user has just chosen this
        folder, so a `StressBreak/` that is gone from it is made again rather than taken
        for a drive that is not mounted (the user's choice is the answer to that question)."""
        self.state = self._load_state()
        if chosen_now:
            self.state.made = False
        self.check()

    def stop(self) -> None:
        self.save_state()
        self._staged.clear()
        self._waiting.clear()
        self._partly.clear()
        self._computers.clear()

    def _load_state(self) -> SyncState:
        if self._state_file is None:
            return SyncState()
        try:
            text = self._state_file.read_bytes()
            raw = json.loads(text)
        except (OSError, ValueError, RecursionError):
            return SyncState()
        self._state_saved = text  # as read: a stop that changed nothing writes nothing
        if (not isinstance(raw, dict) or raw.get("folder") != str(self._folder)
                or raw.get("computer") != self._cid):
            return SyncState()  # another folder, or another id: everything afresh
        state = SyncState()
        with contextlib.suppress(TypeError, ValueError, AttributeError):
            state.seen = {str(name): (int(i[0]), int(i[1]), int(i[2]))
                          for name, i in raw.get("seen", {}).items()}
            state.months = {(int(key[:4]), int(key[5:7])): int(mtime)
                            for key, mtime in raw.get("months", {}).items()}
            before = raw.get("before")
            state.before = None if before is None else datetime.fromisoformat(before)
            state.own = {(int(key[:4]), int(key[5:7])): (int(i[0]), int(i[1]), int(i[2]))
                         for key, i in raw.get("own", {}).items()}
            state.made = raw.get("made") is True
        return state

    def save_state(self) -> None:
        """Keep the state for the next start (best effort: without it a start reads all)."""
        if self._state_file is None:
            return
        state = self.state
        text = json.dumps({
            "format": SEGMENT_FORMAT, "folder": str(self._folder), "computer": self._cid,
            "seen": {name: list(identity) for name, identity in sorted(state.seen.items())},
            "months": {f"{y:04d}-{m:02d}": mtime for (y, m), mtime in sorted(
                state.months.items())},
            "before": None if state.before is None else state.before.isoformat(),
            "own": {f"{y:04d}-{m:02d}": list(identity) for (y, m), identity in sorted(
                state.own.items())},
            "made": state.made,
        }).encode("utf-8")
        if text == self._state_saved:
            return  # a round that found nothing new: no write, no fsync
        with contextlib.suppress(OSError):
            write_atomic(self._state_file, text)
            self._state_saved = text

    def check(self) -> bool:
        """Whether the folder can be used now (`available`, and `problem` when not); makes
        `StressBreak/` in it when the chosen folder is there. The first time it can be used,
        what a write cut short (a kill, a power cut) left of this computer's goes."""
        problem = self._find_problem()
        self.available = problem is None
        self.problem = problem
        if self.available and not self._swept:
            self._swept = True
            self._remove_own_temp_files()
        return self.available

    def _remove_own_temp_files(self) -> int:
        """Remove the temp files of this computer's writes (`write_atomic`'s
        `.<name>.<random>.tmp`) that a kill left: the sync tool would carry them to every
        computer and keep them there, with the records in them, even after *delete all
        data*. Only this computer writes files of its id, and only one StressBreak runs per
        data folder, so none of them is being written now. Returns how many went."""
        removed = 0
        for entry in self._entries():
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            # ".<name>.<random>.tmp": the name it was to become says whose it is.
            shared = parse_shared_name(entry.name[1:].rsplit(".", 2)[0])
            if shared is not None and shared.cid == self._cid and not shared.conflict_copy:
                with contextlib.suppress(FileNotFoundError):
                    Path(entry.path).unlink()
                    removed += 1
        return removed

    def _find_problem(self) -> str | None:
        if not self._folder.is_dir():
            return Message("shared_folder", QT_TRANSLATE_NOOP(
                "shared_folder", "The shared folder {folder} is not there (not mounted, or "
                "offline?). StressBreak goes on with this computer's journal and shares again "
                "once the folder is back."), folder=str(self._folder))
        if self.state.made and not self.path.is_dir():
            return Message("shared_folder", QT_TRANSLATE_NOOP(
                "shared_folder", "The folder {folder} is not there any more (a drive not "
                "mounted, or offline?). StressBreak goes on with this computer's journal and "
                "shares again once it is back. If you removed it yourself, choose the shared "
                "folder again in the settings."), folder=str(self.path))
        try:
            if not self.path.is_dir():
                self.path.mkdir(PRIVATE_DIR)
                # mkdir's mode is masked by the umask; some file systems keep no modes at all.
                with contextlib.suppress(OSError):
                    self.path.chmod(PRIVATE_DIR)
        except OSError as exc:
            return self._cannot_write(exc)
        if not os.access(self.path, os.W_OK | os.X_OK):
            return self._cannot_write(OSError(errno.EACCES, os.strerror(errno.EACCES)))
        self.state.made = True
        return None

    def _cannot_write(self, exc: OSError) -> str:
        return Message("shared_folder", QT_TRANSLATE_NOOP(
            "shared_folder", "StressBreak cannot write to the shared folder {folder} "
            "({reason}). It goes on with this computer's journal."),
            folder=str(self.path), reason=exc.strerror or type(exc).__name__)

    # --- this computer's files ---------------------------------------------------------------

    def write_own_month(self, year: int, month: int, records: list[Record]) -> None:
        """This computer's segment of that month holds `records` (removed when there are
        none). Not written when it holds them already: a write is a change to sync."""
        path = self.path / segment_name(self._cid, year, month)
        if not records:
            self.state.own.pop((year, month), None)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                fsync_folder(self.path)
            return
        text = json.dumps({"format": SEGMENT_FORMAT, "computer": self._cid,
                           "records": [record.to_dict() for record in records]},
                          ensure_ascii=False).encode("utf-8")
        written = self._write_if_changed(path, text)
        self.state.own[(year, month)] = (written.st_ino, written.st_size, written.st_mtime_ns)

    def read_own_month(self, year: int, month: int) -> list[Record]:
        """The records in this computer's segment of that month (none when it is missing or
        not whole): a second copy of this computer's own records."""
        path = self.path / segment_name(self._cid, year, month)
        try:
            document = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            return []
        return _segment_records(document) or []

    def own_months(self) -> dict[tuple[int, int], _Identity]:
        """(year, month) -> identity of each segment of this computer (no conflict copy)."""
        months: dict[tuple[int, int], _Identity] = {}
        for entry in self._entries():
            shared = parse_shared_name(entry.name)
            if (shared is None or shared.kind != "journal" or shared.cid != self._cid
                    or shared.conflict_copy or shared.year is None or shared.month is None):
                continue
            identity = _identity_of(entry)
            if identity is not None:
                months[(shared.year, shared.month)] = identity
        return months

    def remove_own_segments(self) -> int:
        """Remove every segment this computer wrote (*delete all data*); conflict copies are
        the sync tool's, and stay. Returns how many files went."""
        removed = 0
        self.state.own.clear()
        for year, month in self.own_months():
            with contextlib.suppress(FileNotFoundError):
                (self.path / segment_name(self._cid, year, month)).unlink()
                removed += 1
        # What a cut-short write left holds records too: the user asked for all of it to go.
        removed += self._remove_own_temp_files()
        if removed:
            fsync_folder(self.path)
        return removed

    def write_computer(self, name: str, spans: list[ActiveSpan]) -> None:
        """This computer's name and its activity of the last 48 hours."""
        since = self._clock.now() - ACTIVE_KEPT
        kept = [span for span in spans if span.end is None or span.end >= since]
        text = json.dumps({
            "format": SEGMENT_FORMAT, "id": self._cid, "name": name,
            "active": [[span.start.isoformat(),
                        None if span.end is None else span.end.isoformat()] for span in kept],
        }, ensure_ascii=False).encode("utf-8")
        self._write_if_changed(self.path / computer_file_name(self._cid), text)

    def _write_if_changed(self, path: Path, text: bytes) -> os.stat_result:
        """Write `text` unless `path` holds it already; the file's status either way."""
        with contextlib.suppress(OSError):
            info = path.stat()
            if info.st_size == len(text) and path.read_bytes() == text:
                return info
        return write_atomic(path, text)

    # --- the other computers' files ----------------------------------------------------------

    def read_changed(self) -> list[Record]:
        """The records in the segments (and conflict copies) that changed since they were
        last merged (`merged`), except this computer's own segments; at first, all of them.
        A file that does not parse yet is skipped, and read again when it changes."""
        found: list[Record] = []
        present: set[str] = set()
        own_found: dict[tuple[int, int], _Identity] = {}
        for entry in self._entries():
            shared = parse_shared_name(entry.name)
            if shared is None or shared.kind != "journal":
                continue
            if shared.cid == self._cid and not shared.conflict_copy:
                identity = _identity_of(entry)
                if identity is not None and shared.year is not None and shared.month is not None:
                    own_found[(shared.year, shared.month)] = identity
                continue
            present.add(entry.name)
            identity = _identity_of(entry)
            if identity is None or self.state.seen.get(entry.name) == identity:
                continue
            if identity in (self._waiting.get(entry.name), self._partly.get(entry.name)):
                continue
            document = _load(entry)
            records = _segment_records(document)
            if records is None:
                self._waiting[entry.name] = identity
                continue
            self._waiting.pop(entry.name, None)
            if _read_whole(document, records):
                self._staged[entry.name] = identity
            else:
                self._partly[entry.name] = identity
            found.extend(records)
        for gone in set(self.state.seen) - present:
            del self.state.seen[gone]
        for gone in set(self._waiting) - present:
            del self._waiting[gone]
        for gone in set(self._partly) - present:
            del self._partly[gone]
        self._own_found = own_found
        return found

    def own_changed(self) -> list[tuple[int, int]]:
        """The months whose segment of this computer's id, at the last read_changed, was not
        the file this computer last wrote: someone else wrote under its id."""
        return sorted(key for key, identity in self._own_found.items()
                      if self.state.own.get(key) != identity)

    def own_identity(self, year: int, month: int) -> _Identity | None:
        """The identity of this computer's segment of that month, or None."""
        try:
            info = (self.path / segment_name(self._cid, year, month)).stat()
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def renew(self, computer_id: str) -> None:
        """Go on under a new id: every month of this computer is written anew under it, and
        the segments of the old one are read like any other computer's."""
        self._cid = computer_id
        self._own_found = {}
        self.state.own.clear()
        self.state.months.clear()

    def merged(self) -> None:
        """What the last read_changed gave is safely in the journal: not read again. (Not
        called when the journal could not take it: then the next read gives it again.)"""
        self.state.seen.update(self._staged)
        self._staged.clear()

    def waiting(self) -> list[Path]:
        """Files of ours that did not parse when last read (still arriving, most likely):
        worth watching, since a tool that writes in place changes no folder entry."""
        return [self.path / name for name in sorted(self._waiting)]

    def computers(self) -> dict[str, ComputerInfo]:
        """The other computers' files, by id (a conflict copy counts where it is newer)."""
        present: set[str] = set()
        for entry in self._entries():
            shared = parse_shared_name(entry.name)
            if shared is None or shared.kind != "computer" or shared.cid == self._cid:
                continue
            present.add(entry.name)
            identity = _identity_of(entry)
            if identity is None:
                continue
            cached = self._computers.get(entry.name)
            if cached is not None and cached[0] == identity:
                continue
            info = _computer_info(shared.cid, _load(entry), identity[2], self._clock)
            self._computers[entry.name] = (identity, info)
        for gone in set(self._computers) - present:
            del self._computers[gone]
        newest: dict[str, ComputerInfo] = {}
        for _identity, info in self._computers.values():
            if info is not None and (info.cid not in newest
                                     or info.written_at > newest[info.cid].written_at):
                newest[info.cid] = info
        return newest

    def _entries(self) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(self.path) as listing:
                return list(listing)
        except OSError:
            return []  # `check` says why, where it matters


def _identity_of(entry: os.DirEntry[str]) -> _Identity | None:
    try:
        info = entry.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _load(entry: os.DirEntry[str]) -> Any:
    try:
        return json.loads(Path(entry.path).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None


def _segment_records(document: Any) -> list[Record] | None:
    """The records of a segment; None when it is not (yet) a whole one. A record this
    version cannot read (a newer StressBreak's) is left out; the file is not ours to change."""
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        return None
    version = document.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version > SEGMENT_FORMAT:
        return []
    records: list[Record] = []
    for raw in document["records"]:
        with contextlib.suppress(RecordError, OverflowError):
            record = record_from_dict(raw)
            # A time at the calendar's very edge (year 1, 9999) cannot be filed by month or
            # compared a day either side: no StressBreak made it.
            if all(1 < moment.year < 9999 for moment in _times_of(record)):
                records.append(record)
    return records


def _times_of(record: Record) -> list[datetime]:
    return [record.at, record.before] if isinstance(record, Deletion) else [record.at]


def _read_whole(document: dict[str, Any], records: list[Record]) -> bool:
    """Whether `records` is all that the segment holds (not a newer StressBreak's file)."""
    return document.get("format") == SEGMENT_FORMAT and len(records) == len(document["records"])


def _computer_info(cid: str, document: Any, mtime_ns: int, clock: Clock) -> ComputerInfo | None:
    if not isinstance(document, dict) or not isinstance(document.get("name"), str):
        return None
    spans: list[ActiveSpan] = []
    active = document.get("active")
    for pair in active if isinstance(active, list) else []:
        with contextlib.suppress(TypeError, ValueError):
            start_text, end_text = pair
            start = datetime.fromisoformat(start_text)
            end = None if end_text is None else datetime.fromisoformat(end_text)
            if start.tzinfo is None or (end is not None and end.tzinfo is None):
                continue
            spans.append(ActiveSpan(cid, start, end))
    zone = clock.now().tzinfo
    written = datetime.fromtimestamp(mtime_ns / 1e9, zone)
    return ComputerInfo(cid, document["name"], tuple(spans), written)
