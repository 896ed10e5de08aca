"""A shared folder of three computers' years, made with the app's own writers (issue 18).

    python -m benchmarks.sharing DIR [--days N]     # made, and merged once by the real app

This computer (`OWN`) has its local journal of `days` days, made before it shared (its records
carry no computer id, as on a computer that never shared); two other computers have written
their own `days` days into the shared folder, one segment a month each, with
`SharedFolder.write_own_month` under their own ids, and their computer files with
`write_computer`. Each computer made 12 records a day (8 pauses, 4 stress meters), at its own
minutes of the hour: the merged journal holds 36 a day, three times the journal benchmark's.

From the command line (the process benchmarks use it) the real app then joins the folder once
(`Sync.sync_now`: this computer's months written, the others' merged), so the data folder is
in the steady state every later start meets. The in-process benchmark times that first round.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from stressbreak.core.clock import SystemClock
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
from stressbreak.core.presence import ActiveSpan
from stressbreak.services.shared_folder import COMPUTER_FILE, SharedFolder

OWN = "5b0c1a7e00000001"
OTHERS = {"5b0c1a7e00000002": "desktop at home", "5b0c1a7e00000003": "office"}
_MINUTE = {OWN: 0, "5b0c1a7e00000002": 20, "5b0c1a7e00000003": 40}
_PAUSE_HOURS = (9, 10, 11, 12, 13, 14, 15, 16)
_CHECKIN_HOURS = (10, 13, 16, 17)
_OUTCOMES = (PauseOutcome.COMPLETED, PauseOutcome.COMPLETED, PauseOutcome.COMPLETED,
             PauseOutcome.ENDED_EARLY, PauseOutcome.MISSED, PauseOutcome.SKIPPED)
_ORIGINS = (CheckInOrigin.AFTER_PAUSE, CheckInOrigin.SCHEDULED, CheckInOrigin.MANUAL)


@dataclass(frozen=True)
class SharedSetup:
    data: Path  # this computer's data folder (its local journal, computer.json)
    folder: Path  # the folder the user chose; the files are in its StressBreak/
    per_computer: int  # records each computer made
    others: dict[str, SharedFolder]  # the other computers' writers, to add a record later
    latest: dict[str, list[Record]]  # what each of them wrote into this month's segment


def day_records(cid: str | None, minute: int, day: date, tz: tzinfo, n: int) -> list[Record]:
    """One computer's 12 records of one working day."""
    found: list[Record] = []
    for i, hour in enumerate(_PAUSE_HOURS):
        at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
        found.append(PauseRecord(at, at + timedelta(seconds=60),
                                 _OUTCOMES[(n + i) % len(_OUTCOMES)], computer=cid))
    for i, hour in enumerate(_CHECKIN_HOURS):
        at = datetime(day.year, day.month, day.day, hour, minute + 5, tzinfo=tz)
        k = n + i
        found.append(CheckIn(at, _ORIGINS[k % 3], breathing=("shallow",) if k % 2 else (),
                             body=("tight",), body_note="a bit tense" if k % 5 == 0 else "",
                             need=("move",) if k % 3 else (), tension=k % 11, computer=cid))
    return found


def months_of(cid: str | None, minute: int, days: int, today: date,
              tz: tzinfo) -> dict[tuple[int, int], list[Record]]:
    months: dict[tuple[int, int], list[Record]] = {}
    day = today - timedelta(days=days - 1)
    n = 0
    while day <= today:
        months.setdefault((day.year, day.month), []).extend(
            day_records(cid, minute, day, tz, n))
        n += 1
        day += timedelta(days=1)
    return months


def prepare(root: Path, days: int, today: date, tz: tzinfo) -> SharedSetup:
    """This computer's local journal and the two others' segments; nothing merged yet."""
    data = root / "data"
    folder = root / "Sync"
    data.mkdir(mode=0o700, parents=True)
    folder.mkdir(mode=0o700)
    (data / COMPUTER_FILE).write_text(json.dumps({"id": OWN}))
    clock = SystemClock(lambda: tz)
    per_computer = 0
    # This computer's own years, in the local journal's own month files (its format: TinyDB's
    # table of documents by id); made before sharing, so without a computer id.
    for (year, month), records in months_of(None, _MINUTE[OWN], days, today, tz).items():
        table = {str(i + 1): record.to_dict() for i, record in enumerate(records)}
        path = data / f"journal-{year:04d}-{month:02d}.json"
        path.write_text(json.dumps({"records": table}, ensure_ascii=False))
        path.chmod(0o600)
        per_computer += len(records)
    others: dict[str, SharedFolder] = {}
    latest: dict[str, list[Record]] = {}
    now = clock.now()
    for cid, name in OTHERS.items():
        writer = SharedFolder(folder, cid, clock)
        writer.start()
        if not writer.available:
            raise RuntimeError(f"the shared folder cannot be written: {writer.problem}")
        for (year, month), records in months_of(cid, _MINUTE[cid], days, today, tz).items():
            writer.write_own_month(year, month, records)
            latest[cid] = records
        writer.write_computer(name, [ActiveSpan(cid, now - timedelta(hours=20),
                                                now - timedelta(hours=12))])
        others[cid] = writer
    # Years of history sit long on disk: the figures must not flush it with their fsyncs.
    os.sync()
    return SharedSetup(data, folder, per_computer, others, latest)


def settings_for(setup: SharedSetup) -> dict[str, object]:
    return {"shared_folder": str(setup.folder), "computer_name": "laptop"}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sharing")
    parser.add_argument("root", type=Path, help="an empty folder: data/ and Sync/ go in it")
    parser.add_argument("--days", type=int, default=10 * 365 + 2)
    parser.add_argument("--settings", default="{}",
                        help="more settings for the data folder (JSON object)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from benchmarks.inproc import AMS, app, make_controller
    from tests.fakes import FakeClock

    app()
    setup = prepare(args.root, args.days, datetime.now(AMS).date(), AMS)
    settings = {**json.loads(args.settings), **settings_for(setup)}
    harness = make_controller(setup.data, FakeClock(datetime.now(AMS)), settings)
    harness.start()
    sync = harness.controller.sync
    if sync is None or not sync.available:
        raise RuntimeError("sharing did not start")
    sync.sync_now()
    harness.stop()
    print(json.dumps({"data": str(setup.data), "folder": str(setup.folder),
                      "records": setup.per_computer * 3}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
