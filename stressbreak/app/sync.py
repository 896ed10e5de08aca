"""Sharing the journal through a folder the user's sync tool keeps in step (issue 18).

`Sync` keeps the local journal and the shared folder in step: it writes this computer's
month segment after each record of its own is saved (through `Records.share`), merges what
the other computers wrote into the local journal, applies their Deletions, and says what
arrived (`records_arrived`). The local journal stays what this computer shows, so a folder
that is missing leaves the app running on it.

Why it looks like this:

- Told, not polling: a `QFileSystemWatcher` on `StressBreak/` (on the chosen folder while
  that does not exist yet, on its parent while the folder itself is missing), and a short
  single-shot timer that gathers a sync tool's burst of renames into one read. The idle app
  has no timer running.
- A file being written in place changes no folder entry, so a file that did not parse yet is
  watched itself until it does.
- Built only when the settings say a folder is shared (`Controller`), and imported then: a
  user who does not share pays nothing at start-up or while idle.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stressbreak.app.records import Records
from stressbreak.core.clock import Clock
from stressbreak.core.messages import (
    QT_TRANSLATE_N_NOOP,
    QT_TRANSLATE_NOOP,
    Message,
    message_of,
)
from stressbreak.core.model import Deletion, Record
from stressbreak.core.presence import ActiveSpan
from stressbreak.core.sync import latest_deletion, merge_records
from stressbreak.services.journal import JournalError
from stressbreak.services.shared_folder import ComputerInfo, SharedFolder

log = logging.getLogger(__name__)

STATE_FILE = "sharing.json"  # in the local data folder: what a restart need not read again
DEBOUNCE_MS = 300  # a sync tool renames several files in a burst: one read for all of them
# How far ahead of this computer's clock another computer's Deletion may reach: beyond it,
# that clock is ahead, and what is made here from now on would be deleted on arrival.
CLOCK_SKEW = timedelta(minutes=5)
_Month = tuple[int, int]


class Sync(QObject):
    """This computer's side of sharing its journal through `folder`."""

    # New records from other computers (their Deletions too), once in the local journal.
    records_arrived = Signal(list)

    def __init__(self, *, clock: Clock, folder: SharedFolder, records: Records,
                 computer_name: Callable[[], str], debounce_ms: int = DEBOUNCE_MS,
                 renew_id: Callable[[str], str] | None = None, former_ids: Iterable[str] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Another computer writing under this one's id gets this one a new id (renew_id); the
        # records made under the ids it had before are still its own to write.
        self._renew_id = renew_id
        self._former = set(former_ids)
        self._clock = clock
        self._folder = folder
        self._records = records
        self._journal = records.journal
        self._computer_name = computer_name
        self._watcher: QFileSystemWatcher | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.sync_now)
        self._caught_up = False
        self._spans: list[ActiveSpan] = []
        # The own records of the month last written: an append adds to it, not read again.
        self._month: tuple[_Month, list[Record]] | None = None
        self._running = False
        self._told_clock_ahead = False

    @property
    def folder(self) -> Path:
        """The folder the user chose (the files are in its `StressBreak/`)."""
        return self._folder.folder

    @property
    def computer_id(self) -> str:
        return self._folder.computer_id

    @property
    def available(self) -> bool:
        return self._folder.available

    @property
    def problem(self) -> str | None:
        """Why the folder cannot be used now, in words (a Message), or None."""
        return self._folder.problem

    @property
    def pending(self) -> bool:
        """Whether a round is due (the folder changed a moment ago)."""
        return self._timer.isActive()

    def waiting(self) -> list[Path]:
        """Files in the folder that have not arrived whole yet (they are read once they do)."""
        return self._folder.waiting()

    def start(self, *, chosen_now: bool = False) -> None:
        """Start sharing: new records carry this computer's id, the folder is watched, and a
        first round (this computer's months written where needed, what the others wrote
        merged) runs from the event loop. `chosen_now`: the user just chose the folder."""
        self._running = True
        self._folder.start(chosen_now=chosen_now)
        self._records.share(self.computer_id, self.record_saved)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._watch()
        self._timer.start()

    def stop(self) -> None:
        """Stop sharing: nothing is watched or written any more; everything stays."""
        self._running = False
        self._timer.stop()
        self._records.share(None, None)
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        self._folder.stop()

    def _changed(self, _path: str) -> None:
        if self._running:
            self._timer.start()

    # --- the round ---------------------------------------------------------------------------

    def sync_now(self) -> None:
        """One round: the folder checked, this computer's months caught up once, what the
        others wrote merged. Runs from the debounce timer; tests call it directly."""
        if not self._running:
            return
        if self._folder.check():
            if not self._caught_up:
                self._caught_up = self._known_deletion() and self._catch_up()
            self._take(self._folder.read_changed())
            self._check_own()
        self._watch()

    def _watch(self) -> None:
        """Watch what can tell of a change: `StressBreak/` and its files still arriving, or
        the nearest folder above it that exists."""
        if self._watcher is None:
            return
        sub = self._folder.path
        wanted: set[str] = set()
        if sub.is_dir():
            wanted = {str(sub), *(str(path) for path in self._folder.waiting())}
        else:
            # The nearest folder above that exists: it tells when the next level comes.
            # (A drive mounted over an existing folder changes no entry in it: that return
            # is noticed at the next record or activity here, see record_saved.)
            for level in (self._folder.folder, *self._folder.folder.parents):
                if level.is_dir():
                    wanted = {str(level)}
                    break
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        if watched - wanted:
            self._watcher.removePaths(sorted(watched - wanted))
        if wanted - watched:
            self._watcher.addPaths(sorted(wanted - watched))

    def _take(self, incoming: list[Record]) -> None:
        """Merge what the other computers wrote into the local journal."""
        incoming = self._capped(incoming)
        state = self._folder.state
        latest = latest_deletion(incoming)
        covered = max(filter(None, (state.before, latest)), default=None)
        # Within the batch, and against every Deletion applied before: a computer that has
        # not caught up yet still offers records deleted elsewhere.
        candidates = [record for record in merge_records(incoming)
                      if covered is None or isinstance(record, Deletion)
                      or record.at >= covered]
        try:
            result = self._journal.merge(candidates, same_month_only=True)
            if latest is not None and (state.before is None or latest > state.before):
                # Judged by the batch, not by what was new: a Deletion merged in a round
                # whose apply failed is applied again next round (the file is read again).
                self._journal.apply_deletion(latest)
                self._month = None
                state.before = latest
                self._remove_covered_from_own(latest)
        except JournalError as exc:
            self._records.tell(message_of(exc))
            return  # read again next round: not marked as merged
        if self._caught_up and result.new:
            # The others' records changed these month files, not this computer's records in
            # them: their segments are still up to date. Without this the next start would
            # read every month merged into since (all of them after joining: seconds).
            touched = {_month_of(record.at) for record in result.new}
            with contextlib.suppress(JournalError):
                self._folder.state.months.update(self._journal.month_files(touched))
        self._folder.merged()
        self._folder.save_state()
        if result.new:
            self.records_arrived.emit(list(result.new))

    def _capped(self, incoming: list[Record]) -> list[Record]:
        """The Deletions of a computer whose clock is ahead reach only to a moment after now
        here (kept so in the local journal too), so that what is made from now on stays."""
        cap = self._clock.now() + CLOCK_SKEW
        capped: list[Record] = []
        for record in incoming:
            if not (isinstance(record, Deletion) and record.before > cap):
                capped.append(record)
                continue
            capped.append(replace(record, before=cap))
            if not self._told_clock_ahead:
                self._told_clock_ahead = True
                self._records.tell(Message("shared_folder", QT_TRANSLATE_NOOP(
                    "shared_folder", "Another computer deleted all data while its clock was "
                    "ahead of this one's. StressBreak deleted here what was older than now, "
                    "and keeps what comes after. That computer's date and time may need a "
                    "look.")))
        return capped

    def _known_deletion(self) -> bool:
        """The latest Deletion in the local journal covers what arrives, whatever the state
        file says: that file starts afresh for another folder, and this computer's own
        Deletion sits in its own segment, which is never read back. Whether it could be read."""
        try:
            local = self._journal.latest_deletion()
        except JournalError as exc:
            self._records.tell(message_of(exc))
            return False
        # Not capped by this computer's clock: Deletions from others were capped as they
        # arrived, and a clock set back here for a while must not shrink what was deleted.
        state = self._folder.state
        if local is not None and (state.before is None or local > state.before):
            state.before = local
        return True

    def _check_own(self) -> None:
        """This computer's segments that it did not write as they are now are written again
        (after their records it lacks are taken in: see _restore)."""
        if not self._caught_up:
            return
        cid = self.computer_id
        try:
            for key in self._folder.own_changed():
                # Caught up, every own segment is as this computer last wrote it: this one
                # was written by someone else.
                self._write_month(key, written_elsewhere=True)
                if self.computer_id != cid:
                    break  # a new id: the old one's segments are read as another's
        except (JournalError, OSError) as exc:
            self._folder_failed(exc)
            self._caught_up = False
        self._folder.save_state()

    def _remove_covered_from_own(self, before: datetime) -> None:
        """This computer's segments lose what a Deletion covers (never the others' files)."""
        last = _month_of(before + timedelta(days=1))
        try:
            for key in sorted(self._folder.own_months()):
                if key <= last:
                    self._write_month(key, restore=False)
        except OSError as exc:
            self._folder_failed(exc)
            self._caught_up = False  # the months changed here are written when it is back

    # --- this computer's segments ------------------------------------------------------------

    def _catch_up(self) -> bool:
        """Write the segment of every month whose local file changed since its segment was
        last written (all of them when sharing is turned on) or whose file is not the one
        this computer last wrote; an own segment of a month the local journal no longer has
        gives its records back, and goes only when none are left. Whether it could be done."""
        state = self._folder.state
        try:
            local = self._journal.month_files()
            own = self._folder.own_months()
            for key in sorted(set(local) | set(own)):
                if key not in local:
                    # Gone here (moved aside as damaged, removed by hand): the segment is
                    # the copy left, so its records come back first (a Deletion's removals
                    # were written when it was applied).
                    self._write_month(key)
                    state.months.pop(key, None)
                elif (state.months.get(key) != local[key] or key not in own
                      or state.own.get(key) != own[key]):
                    self._write_month(key)
                    state.months[key] = local[key]
            self._folder.write_computer(self.name(), self._spans)
        except (JournalError, OSError) as exc:
            self._folder_failed(exc)
            return False
        self._folder.save_state()
        return True

    def record_saved(self, record: Record) -> None:
        """A record of this computer was saved in the local journal: its month's segment
        follows (`Records.share` calls this)."""
        key = _month_of(record.at)
        cached = self._month
        if not (self._folder.available and self._caught_up):
            # The folder was away: a round sees whether it is back (and catches up), without
            # a timer that looks for it all day.
            self._timer.start()
        try:
            if cached is not None and cached[0] == key:
                cached[1].append(record)
                self._folder.write_own_month(*key, cached[1])
            else:
                self._write_month(key)
            local = self._journal.month_files((key,)).get(key)
            if local is not None:
                self._folder.state.months[key] = local
        except (JournalError, OSError) as exc:
            self._folder_failed(exc)
            # The month is caught up when the folder is back (its local file is newer).
            self._caught_up = False
            self._timer.start()
            return
        known = self._folder.state.before
        if isinstance(record, Deletion) and (known is None or record.before > known):
            self._folder.state.before = record.before
            self._folder.save_state()

    def journal_changed(self) -> None:
        """The local journal changed other than through `Records.add` (an import): the
        months it touched are written at the next round."""
        self._month = None
        self._caught_up = False
        if self._running:
            self._timer.start()

    def _write_month(self, key: _Month, *, restore: bool = True,
                     written_elsewhere: bool = False) -> None:
        """Write this computer's segment of `key` from the local journal. With `restore`
        (always, except for a Deletion), the segment's records the local journal lacks are
        merged back first: a segment only shrinks because records were deleted."""
        year, month = key

        def own_records() -> list[Record]:
            return [self._stamped(record) for record in self._journal.month_records(key)
                    if self._is_own(record)]

        own = own_records()
        if restore and self._restore(key, {record.id for record in own}, written_elsewhere):
            own = own_records()
        self._folder.write_own_month(year, month, own)
        self._month = (key, own)

    def _restore(self, key: _Month, held: set[str], written_elsewhere: bool = False) -> bool:
        """Merge the records of this computer's segment of `key` that the local journal does
        not hold (and no Deletion covers) back into it; whether there were any."""
        before = self._folder.state.before
        lost = [record for record in self._folder.read_own_month(*key)
                if record.id not in held
                and (before is None or isinstance(record, Deletion) or record.at >= before)]
        if not lost:
            return False
        result = self._journal.merge(lost, same_month_only=True)
        if not result.new:
            return False
        if written_elsewhere:
            # Changed while this app runs and had caught up: another computer writes under
            # this one's id. Found at start instead, it is as likely this computer's own
            # data folder put back from a backup: its records come back, the id stays (a
            # copy that runs elsewhere writes again, and is found then).
            self._same_id_elsewhere(list(result.new))
            return True
        self._records.tell(Message.counted("shared_folder", QT_TRANSLATE_N_NOOP(
            "shared_folder", "StressBreak brought back %n entries of {year}-{month:02d} "
            "from this computer's copy in the shared folder."), len(result.new),
            year=key[0], month=key[1]))
        return True

    def _same_id_elsewhere(self, arrived: list[Record]) -> None:
        """Another computer wrote records this one never had into a segment of this one's
        id: a copy of this data folder (restored from a backup) runs there. Its records are
        in the journal now; this computer goes on under a new id, so each writes its own."""
        if arrived:
            self.records_arrived.emit(arrived)
        if self._renew_id is None:
            return
        old = self.computer_id
        new = self._renew_id(old)
        self._former.add(old)
        self._folder.renew(new)
        self._records.share(new, self.record_saved)
        self._month = None
        self._caught_up = False
        self._timer.start()
        self._records.tell(Message("shared_folder", QT_TRANSLATE_NOOP(
            "shared_folder", "Another computer wrote into the shared folder as if it were this "
            "one (its StressBreak data may be a copy of this computer's, from a backup). "
            "StressBreak took in what it wrote, and this computer now writes under a name of "
            "its own there, so nothing is written over.")))

    def _is_own(self, record: Record) -> bool:
        # Records from before sharing carry no id: they were made here.
        return (record.computer is None or record.computer == self.computer_id
                or record.computer in self._former)

    def _stamped(self, record: Record) -> Record:
        return record if record.computer is not None else replace(
            record, computer=self.computer_id)

    def _folder_failed(self, exc: Exception) -> None:
        # Said by `problem` (status); the tray is not told on every pause of a day offline.
        self._folder.check()
        # The reason only: the folder's path (the user's name, their sync tool) stays out
        # of the log.
        reason = exc.strerror if isinstance(exc, OSError) else None
        log.info("the shared folder could not be written: %s", reason or type(exc).__name__)

    # --- delete all data ----------------------------------------------------------------------

    def all_deleted(self) -> None:
        """The user deleted all their data here: this computer's segments go, and a Deletion
        (at = before = now) goes into the local journal and its segment, so that every other
        computer deletes the same."""
        now = self._clock.now()
        self._month = None
        try:
            if self._folder.check():
                self._folder.remove_own_segments()
        except OSError as exc:
            self._folder_failed(exc)
        self._folder.state.months.clear()
        self._folder.state.before = now
        # Through Records.add: stamped, saved, and its segment written like any record.
        self._records.add(Deletion(at=now, before=now))
        self._caught_up = False  # segments the folder could not lose now go when it is back

    # --- the computers -----------------------------------------------------------------------

    def computers(self) -> dict[str, ComputerInfo]:
        """The other computers that share the folder, by id (none while it is missing)."""
        return self._folder.computers() if self._folder.available else {}

    def active_elsewhere(self) -> list[ActiveSpan]:
        """The other computers' recent activity (for the rhythm: time away here is no
        pause while the person worked on another computer)."""
        return [span for info in self.computers().values() for span in info.active]

    def on_activity(self, span: ActiveSpan) -> None:
        """This computer's activity changed (the person left, end set, or came back, end
        None): its computer file says so."""
        for index, known in enumerate(self._spans):
            if known.start == span.start:
                self._spans[index] = span
                break
        else:
            # A new stretch closes the one still open (a leave that was not told).
            self._spans = [known if known.end is not None else replace(known, end=span.start)
                           for known in self._spans]
            self._spans.append(span)
        since = self._clock.now() - timedelta(hours=48)
        self._spans = [known for known in self._spans if known.end is None or known.end >= since]
        if not self._folder.available:
            self._timer.start()  # back, perhaps: see record_saved
        if not self._folder.check():
            return
        try:
            self._folder.write_computer(self.name(), self._spans)
        except OSError as exc:
            self._folder_failed(exc)

    def name_changed(self) -> None:
        """The computer's name setting may have changed: the others see the new one."""
        if self._running and self._folder.check():
            try:
                self._folder.write_computer(self.name(), self._spans)
            except OSError as exc:
                self._folder_failed(exc)

    def name(self) -> str:
        """This computer's name for the others: the setting, or the host name."""
        return self._computer_name().strip() or socket.gethostname()


def _month_of(moment: datetime) -> _Month:
    # The local journal's rule: a record's month is that of its own wall date.
    return (moment.year, moment.month)


def start_sharing(*, folder: Path, data_dir: Path, clock: Clock, records: Records,
                  computer_name: Callable[[], str], tell: Callable[[str], None],
                  chosen_now: bool = False, parent: QObject | None = None) -> Sync | None:
    """A started `Sync` for `folder`, or None when it cannot be shared (said with `tell`:
    a relative path, a file, StressBreak's own data folder, or no id could be kept).
    Nothing is written anywhere then."""
    from stressbreak.services.shared_folder import (  # noqa: PLC0415
        computer_id,
        folder_problem,
        former_computer_ids,
        renew_computer_id,
    )

    problem = folder_problem(folder, data_dir)
    if problem is not None:
        tell(problem)
        return None
    try:
        cid = computer_id(data_dir)
    except OSError as exc:
        tell(_no_id_message(data_dir, exc))
        return None
    shared = SharedFolder(folder, cid, clock, state_file=data_dir / STATE_FILE)
    sync = Sync(clock=clock, folder=shared, records=records, computer_name=computer_name,
                renew_id=lambda old: renew_computer_id(data_dir, old),
                former_ids=former_computer_ids(data_dir), parent=parent)
    sync.start(chosen_now=chosen_now)
    return sync


def _no_id_message(data_dir: Path, exc: OSError) -> str:
    from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message  # noqa: PLC0415

    return Message("shared_folder", QT_TRANSLATE_NOOP(
        "shared_folder", "StressBreak could not keep this computer's id in {folder} "
        "({reason}), so it does not share the journal for now."),
        folder=str(data_dir), reason=exc.strerror or type(exc).__name__)
