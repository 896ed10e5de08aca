"""Child process for test_journal_kill: write until killed.

Usage: python journal_writer.py journal FOLDER PREFIX [SHARED_FOLDER]
       python journal_writer.py storage FILE SEED

"journal": append records through Journal; each stdout line is the id of a record whose append()
has returned, i.e. one the app would report as saved. Records alternate between two months so
two partition files are written. With SHARED_FOLDER, records go the way the app adds them while
a folder is shared (`Records.add`, with `Sync` from `start_sharing`): each line then also means
that this computer's segment of the record's month was written; the start's first round (own
months caught up, the other computers' segments merged) comes before the first line.

"storage": drive AtomicJSONStorage directly with inserts, updates and removals, so the file also
shrinks (the case where TinyDB's in-place JSONStorage leaves an old tail behind). Before a write
it prints "intend HASH", after it "saved HASH", HASH being a digest of the whole database.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.services.journal import AtomicJSONStorage, Journal

MONTH_STARTS = (
    datetime(2024, 3, 1, tzinfo=ZoneInfo("Europe/Amsterdam")),
    datetime(2024, 4, 1, tzinfo=ZoneInfo("Europe/Amsterdam")),
)


def record_number(prefix: str, n: int) -> Record:
    at = MONTH_STARTS[n % 2] + timedelta(minutes=n)
    record_id = f"{prefix}-{n}"
    if n % 3 == 0:
        return CheckIn(at=at, origin=CheckInOrigin.SCHEDULED, tension=n % 11, id=record_id)
    return PauseRecord(
        started_at=at,
        ended_at=at + timedelta(seconds=60),
        outcome=PauseOutcome.COMPLETED,
        id=record_id,
    )


def digest(data: Any) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_journal(folder: Path, prefix: str, shared: Path | None) -> int:
    problems: list[str] = []
    journal = Journal(folder, problems.append)
    journal.start()
    append: Callable[[Record], None] = journal.append
    if shared is not None:
        append, _alive = start_shared(journal, folder, shared, problems)
    n = 0
    while True:
        append(record_number(prefix, n))
        if problems:
            # The parent treats any moved-aside file as a failure; make that loud.
            sys.stderr.write(f"journal problem: {problems}\n")
            return 1
        say(f"{prefix}-{n}")
        n += 1


def start_shared(journal: Journal, folder: Path, shared: Path,
                 problems: list[str]) -> tuple[Callable[[Record], None], object]:
    """The app's way of adding records while `shared` is shared, its first round done; and
    what must live as long as the writer (the Qt application Sync's timer and watcher need)."""
    from PySide6.QtCore import QCoreApplication

    from stressbreak.app.records import Records
    from stressbreak.app.sync import start_sharing
    from stressbreak.core.clock import SystemClock

    qt_app = QCoreApplication([])
    records = Records(journal, problems.append)
    sync = start_sharing(folder=shared, data_dir=folder,
                         clock=SystemClock(lambda: MONTH_STARTS[0].tzinfo or UTC),
                         records=records, computer_name=lambda: "writer",
                         tell=problems.append, parent=qt_app)
    if sync is None or not sync.available:
        sys.stderr.write(f"not shared: {problems}\n")
        sys.exit(1)
    sync.sync_now()  # what the event loop would run first
    return records.add, qt_app


def write_storage(path: Path, seed: int) -> int:
    rng = random.Random(seed)
    storage = AtomicJSONStorage(path)
    data = storage.read() or {"records": {}}
    table: dict[str, Any] = data["records"]
    while True:
        ids = list(table)
        op = rng.random()
        # Removals and shrinking updates keep the file between roughly 20 and 200 documents.
        if not ids or (op < 0.4 and len(ids) < 200):
            new_id = str(max(map(int, ids), default=0) + 1)
            table[new_id] = {"note": "x" * rng.randrange(2000)}
        elif op < 0.7 or len(ids) < 20:
            table[rng.choice(ids)] = {"note": "y" * rng.randrange(2000)}
        else:
            for doc_id in rng.sample(ids, k=min(len(ids), rng.randrange(1, 20))):
                del table[doc_id]
        state = digest(data)
        say(f"intend {state}")
        storage.write(data)
        say(f"saved {state}")


def main(argv: list[str]) -> int:
    mode, target, arg = argv[1], Path(argv[2]), argv[3]
    if mode == "journal":
        return write_journal(target, arg, Path(argv[4]) if len(argv) > 4 else None)
    return write_storage(target, int(arg))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
