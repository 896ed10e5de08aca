"""The journal store: round trips, month partitions, private files, damaged data, failed writes,
import merges, deleting everything and read-only use beside the app."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from tinydb import TinyDB

from stressbreak.core.model import (
    SCHEMA_VERSION,
    CheckIn,
    CheckInOrigin,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.services.files import fsync_folder
from stressbreak.services.journal import (
    TABLE_NAME,
    AtomicJSONStorage,
    Journal,
    JournalError,
    MergeResult,
    ReadOnlyJSONStorage,
)
from tests.fakes import FakeClock
from tests.folders import unwritable

AMS = ZoneInfo("Europe/Amsterdam")
STAMP_TIME = datetime(2024, 6, 1, 9, 30, 15, tzinfo=AMS)
STAMP = "20240601T093015"


def pause_at(at: datetime, **kwargs: object) -> PauseRecord:
    return PauseRecord(
        started_at=at,
        ended_at=at + timedelta(seconds=60),
        outcome=PauseOutcome.COMPLETED,
        **kwargs,  # type: ignore[arg-type]
    )


Problems = list[str]  # what the journal told the user
MakeJournal = Callable[[], Journal]


@pytest.fixture
def problems() -> Problems:
    return []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal"


@pytest.fixture
def make_journal(folder: Path, problems: Problems) -> Iterator[MakeJournal]:
    opened: list[Journal] = []

    def make() -> Journal:
        journal = Journal(folder, problems.append, clock=FakeClock(STAMP_TIME))
        journal.start()
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        journal.stop()


@pytest.fixture
def journal(make_journal: MakeJournal) -> Journal:
    return make_journal()


def everything(journal: Journal) -> list[Record]:
    return journal.records_between(
        datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )


def month_of(journal: Journal, year: int, month: int) -> list[Record]:
    start = datetime(year, month, 1, tzinfo=AMS)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=AMS)
    return journal.records_between(start, end)


def partition_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))


def stored_documents(path: Path) -> dict[str, dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = json.loads(path.read_bytes())["records"]
    return documents


# --- life cycle ---------------------------------------------------------------------------------


def test_constructor_does_no_io(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "yet"
    journal = Journal(folder, lambda _message: None)
    assert not folder.exists()
    with pytest.raises(RuntimeError):
        journal.append(pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS)))
    assert not folder.exists()


def test_start_creates_folder_with_parents(journal: Journal, folder: Path) -> None:
    assert folder.is_dir()
    assert partition_files(folder) == []


def test_stop_then_start_again(journal: Journal) -> None:
    record = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    journal.append(record)
    journal.stop()
    with pytest.raises(RuntimeError):
        everything(journal)
    journal.start()
    assert everything(journal) == [record]


def test_start_removes_leftover_temp_files(folder: Path, make_journal: MakeJournal) -> None:
    folder.mkdir(parents=True)
    leftover = folder / ".journal-2024-03.json.abc123.tmp"
    leftover.write_text('{"records": {"1": {')
    unrelated = folder / "notes.tmp"
    unrelated.write_text("mine")
    make_journal()
    assert not leftover.exists()
    assert unrelated.read_text() == "mine"


# --- round trips --------------------------------------------------------------------------------


def test_pause_record_round_trip(journal: Journal, make_journal: MakeJournal) -> None:
    record = PauseRecord(
        started_at=datetime(2024, 7, 3, 14, 5, 6, 123456, tzinfo=AMS),
        ended_at=datetime(2024, 7, 3, 14, 5, 48, 500000, tzinfo=AMS),
        outcome=PauseOutcome.ENDED_EARLY,
        exercise="box",
        id="pause-1",
    )
    journal.append(record)
    journal.stop()

    (read,) = everything(make_journal())
    assert read == record
    assert isinstance(read, PauseRecord)
    assert read.started_at.utcoffset() == timedelta(hours=2)  # CEST kept as an offset
    assert read.ended_at.utcoffset() == timedelta(hours=2)
    assert read.outcome is PauseOutcome.ENDED_EARLY


@pytest.mark.parametrize("outcome", list(PauseOutcome))
def test_every_pause_outcome_round_trips(journal: Journal, outcome: PauseOutcome) -> None:
    at = datetime(2024, 1, 15, 9, tzinfo=AMS)
    record = PauseRecord(started_at=at, ended_at=at, outcome=outcome)
    journal.append(record)
    assert everything(journal) == [record]


def test_check_in_round_trip(journal: Journal, make_journal: MakeJournal) -> None:
    full = CheckIn(
        at=datetime(2024, 12, 31, 23, 59, 59, tzinfo=AMS),
        origin=CheckInOrigin.AFTER_PAUSE,
        breathing=("shallow", "fast"),
        breathing_note="hoog in de borst — “snel”",
        body=("shoulders",),
        body_note="schouders vast ✓",
        need=("rest", "water"),
        need_note="even naar buiten",
        tension=7,
        id="checkin-1",
    )
    empty = CheckIn(at=datetime(2024, 12, 1, 8, tzinfo=AMS), origin=CheckInOrigin.MANUAL)
    zero = CheckIn(
        at=datetime(2024, 12, 2, 8, tzinfo=AMS), origin=CheckInOrigin.SCHEDULED, tension=0
    )
    for record in (full, empty, zero):
        journal.append(record)
    journal.stop()

    read = everything(make_journal())
    assert read == [empty, zero, full]
    assert read[2].at.utcoffset() == timedelta(hours=1)  # CET in winter
    assert isinstance(read[0], CheckIn)
    assert read[0].tension is None
    assert isinstance(read[1], CheckIn)
    assert read[1].tension == 0


def test_non_ascii_notes_are_stored_as_utf8(journal: Journal, folder: Path) -> None:
    journal.append(
        CheckIn(
            at=datetime(2024, 5, 1, 12, tzinfo=AMS), origin=CheckInOrigin.MANUAL, body_note="ë…"
        )
    )
    assert "ë…" in (folder / "journal-2024-05.json").read_text(encoding="utf-8")


def test_naive_times_are_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="timezone"):
        journal.append(pause_at(datetime(2024, 3, 1, 12)))  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone"):
        journal.records_between(datetime(2024, 3, 1), datetime(2024, 3, 2, tzinfo=UTC))  # noqa: DTZ001


# --- records_between ----------------------------------------------------------------------------


def test_records_between_includes_start_excludes_end(journal: Journal) -> None:
    start = datetime(2024, 3, 11, tzinfo=AMS)
    end = datetime(2024, 3, 18, tzinfo=AMS)
    before = pause_at(start - timedelta(microseconds=1))
    at_start = pause_at(start)
    last = pause_at(end - timedelta(microseconds=1))
    at_end = pause_at(end)
    for record in (at_end, last, before, at_start):
        journal.append(record)

    assert journal.records_between(start, end) == [at_start, last]
    assert journal.records_between(start, start) == []
    assert journal.records_between(end, start) == []


def test_records_between_sorts_by_instant_across_offsets(journal: Journal) -> None:
    base = datetime(2024, 3, 12, 12, tzinfo=UTC)
    # Inserted out of order and in three offsets; wall-clock order differs from real order.
    late_ams = pause_at((base + timedelta(hours=2)).astimezone(AMS))
    early_kiritimati = pause_at(base.astimezone(ZoneInfo("Pacific/Kiritimati")))  # +14
    middle_utc = CheckIn(at=base + timedelta(hours=1), origin=CheckInOrigin.SCHEDULED)
    for record in (late_ams, middle_utc, early_kiritimati):
        journal.append(record)

    start = datetime(2024, 3, 11, tzinfo=AMS)
    assert journal.records_between(start, start + timedelta(days=7)) == [
        early_kiritimati,
        middle_utc,
        late_ams,
    ]


def test_record_filed_under_next_month_by_its_wall_date_is_found(
    journal: Journal, folder: Path
) -> None:
    # 00:30 on 1 April in Amsterdam is still 31 March in UTC.
    record = pause_at(datetime(2024, 4, 1, 0, 30, tzinfo=AMS))
    journal.append(record)
    assert partition_files(folder) == ["journal-2024-04.json"]
    march_in_utc = journal.records_between(
        datetime(2024, 3, 25, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC)
    )
    assert march_in_utc == [record]


def test_record_filed_under_previous_month_by_its_wall_date_is_found(
    journal: Journal, folder: Path
) -> None:
    # 23:30 on 29 February at -10:00 is already 1 March in UTC.
    record = pause_at(datetime(2024, 2, 29, 23, 30, tzinfo=timezone(timedelta(hours=-10))))
    journal.append(record)
    assert partition_files(folder) == ["journal-2024-02.json"]
    first_march_week = journal.records_between(
        datetime(2024, 3, 1, tzinfo=UTC), datetime(2024, 3, 8, tzinfo=UTC)
    )
    assert first_march_week == [record]


def test_records_between_over_all_time(journal: Journal) -> None:
    record = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    journal.append(record)
    all_time = journal.records_between(
        datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC)
    )
    assert all_time == [record]


# --- partitions ---------------------------------------------------------------------------------


def test_three_months_make_three_files(journal: Journal, folder: Path) -> None:
    by_month: dict[str, list[Record]] = {
        "journal-2024-01.json": [pause_at(datetime(2024, 1, d, 10, tzinfo=AMS)) for d in (1, 31)],
        "journal-2024-02.json": [pause_at(datetime(2024, 2, 14, 10, tzinfo=AMS))],
        "journal-2024-03.json": [
            CheckIn(at=datetime(2024, 3, 5, 10, tzinfo=AMS), origin=CheckInOrigin.MANUAL)
        ],
    }
    for records in by_month.values():
        for record in records:
            journal.append(record)

    assert partition_files(folder) == sorted(by_month)
    for name, records in by_month.items():
        stored_ids = {doc["id"] for doc in stored_documents(folder / name).values()}
        assert stored_ids == {record.id for record in records}


def test_appending_to_one_month_leaves_other_files_alone(journal: Journal, folder: Path) -> None:
    for month in (1, 2, 3):
        journal.append(pause_at(datetime(2024, month, 10, 10, tzinfo=AMS)))
    others = [folder / "journal-2024-01.json", folder / "journal-2024-02.json"]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in others}

    for hour in range(5):
        journal.append(pause_at(datetime(2024, 3, 11, hour, tzinfo=AMS)))

    after = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) for p in others}
    assert after == before
    assert len(stored_documents(folder / "journal-2024-03.json")) == 6


def test_a_week_reads_only_the_files_it_needs(
    journal: Journal, folder: Path, problems: Problems, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = pause_at(datetime(2024, 3, 12, 10, tzinfo=AMS))
    for record in (
        pause_at(datetime(2024, 1, 12, 10, tzinfo=AMS)),
        wanted,
        pause_at(datetime(2024, 5, 12, 10, tzinfo=AMS)),
    ):
        journal.append(record)
    unrelated = folder / "journal-2023-06.json"
    unrelated.write_bytes(b"\x00\xffnot a journal")
    journal.stop()

    read_paths: list[str] = []
    original_read = AtomicJSONStorage.read

    def spy(self: AtomicJSONStorage) -> dict[str, dict[str, Any]] | None:
        read_paths.append(self.path.name)
        return original_read(self)

    monkeypatch.setattr(AtomicJSONStorage, "read", spy)
    journal.start()
    week = journal.records_between(
        datetime(2024, 3, 11, tzinfo=AMS), datetime(2024, 3, 18, tzinfo=AMS)
    )

    assert week == [wanted]
    assert set(read_paths) == {"journal-2024-03.json"}
    assert problems == []
    assert unrelated.read_bytes() == b"\x00\xffnot a journal"
    assert not [p for p in folder.iterdir() if ".damaged-" in p.name]


def test_a_week_at_a_month_edge_also_reads_the_neighbouring_month(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in (2, 3, 4):
        journal.append(pause_at(datetime(2024, month, 15, 10, tzinfo=AMS)))
    read_paths: list[str] = []
    original_read = AtomicJSONStorage.read

    def spy(self: AtomicJSONStorage) -> dict[str, dict[str, Any]] | None:
        read_paths.append(self.path.name)
        return original_read(self)

    monkeypatch.setattr(AtomicJSONStorage, "read", spy)
    journal.records_between(datetime(2024, 3, 1, tzinfo=AMS), datetime(2024, 3, 8, tzinfo=AMS))
    # A record from late on 29 February in a western zone may fall in this week.
    assert set(read_paths) == {"journal-2024-02.json", "journal-2024-03.json"}


# --- privacy ------------------------------------------------------------------------------------


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("open_umask")
def test_folder_is_0700_and_files_0600(folder: Path, make_journal: MakeJournal) -> None:
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    journal = make_journal()
    journal.append(pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS)))
    journal.append(pause_at(datetime(2024, 4, 1, 12, tzinfo=AMS)))

    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
    assert modes == {"journal-2024-03.json": 0o600, "journal-2024-04.json": 0o600}


@pytest.mark.usefixtures("open_umask")
def test_a_file_left_world_readable_becomes_private_on_next_write(
    journal: Journal, folder: Path
) -> None:
    journal.append(pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS)))
    path = folder / "journal-2024-03.json"
    path.chmod(0o644)
    journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- damaged files ------------------------------------------------------------------------------


def _truncated_journal() -> bytes:
    record = pause_at(datetime(2024, 3, 5, 12, tzinfo=AMS))
    whole = json.dumps({"records": {"1": record.to_dict()}}).encode()
    return whole[: len(whole) // 2]


DAMAGED = {
    "not-json": b"this is not a journal",
    "binary": bytes(range(256)) * 4,
    "truncated": _truncated_journal(),
    "whitespace": b"  \n",
    "json-list": b"[]",
    "json-string": b'"records"',
    "json-null": b"null",
    "table-is-list": b'{"records": []}',
    "document-is-number": b'{"records": {"1": 5}}',
    "document-id-not-a-number": b'{"records": {"first": {}}}',
    "deep-nesting": b"[" * 100_000,
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
@pytest.mark.parametrize("first_use", ["read", "append"])
def test_damaged_file_is_moved_aside_and_the_month_starts_empty(
    folder: Path, problems: Problems, make_journal: MakeJournal, content: bytes, first_use: str
) -> None:
    folder.mkdir(parents=True)
    path = folder / "journal-2024-03.json"
    path.write_bytes(content)
    journal = make_journal()
    record = pause_at(datetime(2024, 3, 20, 8, tzinfo=AMS))

    if first_use == "read":
        assert month_of(journal, 2024, 3) == []
    journal.append(record)

    moved = folder / f"journal-2024-03.json.damaged-{STAMP}"
    assert moved.read_bytes() == content
    assert len(problems) == 1
    assert str(moved) in problems[0]
    assert "March 2024" in problems[0]
    assert month_of(journal, 2024, 3) == [record]
    assert json.loads(path.read_bytes())  # the new file is whole
    assert len(problems) == 1
    # A fresh start finds a healthy journal and the damaged copy is still kept.
    journal.stop()
    assert everything(make_journal()) == [record]
    assert moved.read_bytes() == content
    assert len(problems) == 1


def test_moving_aside_never_overwrites_an_earlier_damaged_copy(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    folder.mkdir(parents=True)
    earlier = folder / f"journal-2024-03.json.damaged-{STAMP}"
    earlier.write_bytes(b"earlier damage")
    path = folder / "journal-2024-03.json"
    path.write_bytes(b"new damage")
    journal = make_journal()

    assert month_of(journal, 2024, 3) == []
    second = folder / f"journal-2024-03.json.damaged-{STAMP}-2"
    assert earlier.read_bytes() == b"earlier damage"
    assert second.read_bytes() == b"new damage"
    assert str(second) in problems[0]

    # Damaged again, within the same second.
    journal.stop()
    path.write_bytes(b"third damage")
    journal = make_journal()
    assert month_of(journal, 2024, 3) == []
    assert (folder / f"journal-2024-03.json.damaged-{STAMP}-3").read_bytes() == b"third damage"
    assert second.read_bytes() == b"new damage"
    assert len(problems) == 2


def test_damage_in_one_month_does_not_hide_the_others(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    journal = make_journal()
    february = pause_at(datetime(2024, 2, 10, 8, tzinfo=AMS))
    april = pause_at(datetime(2024, 4, 10, 8, tzinfo=AMS))
    journal.append(february)
    journal.append(april)
    journal.stop()
    (folder / "journal-2024-03.json").write_bytes(b"{")

    assert everything(make_journal()) == [february, april]
    assert len(problems) == 1


def test_empty_file_is_an_empty_month_not_damage(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    folder.mkdir(parents=True)
    path = folder / "journal-2024-03.json"
    path.write_bytes(b"")
    journal = make_journal()

    assert month_of(journal, 2024, 3) == []
    record = pause_at(datetime(2024, 3, 20, 8, tzinfo=AMS))
    journal.append(record)
    assert month_of(journal, 2024, 3) == [record]
    assert problems == []
    assert partition_files(folder) == ["journal-2024-03.json"]
    assert not [p for p in folder.iterdir() if ".damaged-" in p.name]


# --- salvaging a damaged month ------------------------------------------------------------------


def _march(count: int) -> list[Record]:
    return [CheckIn(datetime(2024, 3, day, 10, tzinfo=AMS), CheckInOrigin.MANUAL,
                    trigger=f"day {day}", tension=day % 11) for day in range(1, count + 1)]


def _month_text(records: list[Record]) -> bytes:
    """The month file as the journal writes it."""
    documents = {str(n): r.to_dict() for n, r in enumerate(records, start=1)}
    return json.dumps({TABLE_NAME: documents}, ensure_ascii=False).encode("utf-8")


def test_a_break_in_the_middle_keeps_the_records_before_and_after_it(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    """A hand edit gone wrong: one record's structure broken (a quote and a colon gone)."""
    records = _march(5)
    content = _month_text(records)
    third = content.index(b'"3": {') + len(b'"3": {')
    content = content[:third] + content[third:].replace(b'": ', b" ", 1)
    folder.mkdir(parents=True)
    (folder / "journal-2024-03.json").write_bytes(content)
    journal = make_journal()

    assert month_of(journal, 2024, 3) == [records[0], records[1], records[3], records[4]]
    moved = folder / f"journal-2024-03.json.damaged-{STAMP}"
    assert moved.read_bytes() == content
    assert problems == [
        "The journal file for March 2024 was damaged (not valid JSON (JSONDecodeError)). "
        f"StressBreak recovered 4 entries from it into the journal; the original was kept as "
        f"{moved}."]
    # Written through the journal's own storage: whole, private, and appended to as usual.
    path = folder / "journal-2024-03.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    later = pause_at(datetime(2024, 3, 20, 10, tzinfo=AMS))
    journal.append(later)
    assert everything(make_journal()) == [*records[:2], *records[3:], later]
    assert len(problems) == 1


@pytest.mark.parametrize("hostile", [
    b', "1": {"a": ' * 200_000,  # a resumption point every few bytes, none of them readable
    b', "1": ' + b"[" * 5_000 + b"]" * 4_999,  # nested past the decoder, again and again
    b', "' + b"x" * 1_000_000,  # a key that never ends
    b', "1": {"a": "' + b"\\" * 500_000,  # a string that never ends
], ids=["many-resumptions", "deep-nesting", "endless-key", "endless-string"])
def test_salvage_work_is_bounded_whatever_the_file_holds(
    folder: Path, problems: Problems, make_journal: MakeJournal, hostile: bytes
) -> None:
    """About a megabyte of damage after one good record: the good record comes back, and
    reading the rest costs well under a second (the decoder's total work is capped)."""
    [record] = _march(1)
    good = _month_text([record])[:-2]  # the records object left open after the record
    content = good + (hostile * 2 if hostile.startswith(b', "1": [') else hostile)
    folder.mkdir(parents=True)
    (folder / "journal-2024-03.json").write_bytes(content)
    journal = make_journal()

    started = time.perf_counter()
    assert month_of(journal, 2024, 3) == [record]
    assert time.perf_counter() - started < 2.0
    assert (folder / f"journal-2024-03.json.damaged-{STAMP}").read_bytes() == content
    assert len(problems) == 1 and "recovered 1 entry" in problems[0]


def test_when_the_disk_refuses_the_recovered_records_the_month_goes_on_empty(
    folder: Path, problems: Problems, make_journal: MakeJournal,
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The write-back fails (disk full): the original is kept, the user is told as before
    salvage, and the log names the reason without any journal text."""
    records = _march(2)
    content = _month_text(records)[:-20]  # the second record cut short
    folder.mkdir(parents=True)
    (folder / "journal-2024-03.json").write_bytes(content)
    journal = make_journal()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as disk:
        # Refused where a new file is made; the rename that moves the original aside is not.
        disk.setattr(tempfile, "mkstemp", disk_full)
        assert month_of(journal, 2024, 3) == []
    moved = folder / f"journal-2024-03.json.damaged-{STAMP}"
    assert moved.read_bytes() == content
    assert not (folder / "journal-2024-03.json").exists()
    assert len(problems) == 1 and "carries on with an empty journal" in problems[0]
    assert "No space left on device" in caplog.text and "day 1" not in caplog.text
    assert _no_temp_files(folder)


# --- records this version cannot read -----------------------------------------------------------


def _newer_record() -> dict[str, object]:
    return {
        "kind": "pause",
        "v": SCHEMA_VERSION + 1,
        "id": "from-the-future",
        "started_at": "2024-03-04T10:00:00+01:00",
        "ended_at": "2024-03-04T10:01:00+01:00",
        "outcome": "completed",
        "exercise": "coherent",
        "mood": {"before": 6, "after": 3},
    }


def test_newer_record_is_skipped_reported_once_and_preserved(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    folder.mkdir(parents=True)
    path = folder / "journal-2024-03.json"
    readable = pause_at(datetime(2024, 3, 3, 10, tzinfo=AMS))
    unknown_kind = {"kind": "mood", "v": SCHEMA_VERSION, "id": "x", "at": "2024-03-05T10:00+01:00"}
    path.write_text(
        json.dumps(
            {
                "records": {
                    "1": readable.to_dict(),
                    "2": _newer_record(),
                    "3": unknown_kind,
                }
            }
        )
    )
    journal = make_journal()

    assert month_of(journal, 2024, 3) == [readable]
    assert len(problems) == 1
    assert "2 entries" in problems[0]
    assert str(path) in problems[0]
    assert month_of(journal, 2024, 3) == [readable]
    assert len(problems) == 1  # once per file, not once per read

    later = pause_at(datetime(2024, 3, 20, 10, tzinfo=AMS))
    journal.append(later)

    documents = stored_documents(path)
    assert documents["2"] == _newer_record()
    assert documents["3"] == unknown_kind
    assert month_of(journal, 2024, 3) == [readable, later]
    assert len(problems) == 1
    assert not [p for p in folder.iterdir() if ".damaged-" in p.name]


# --- failed writes ------------------------------------------------------------------------------


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_full_disk_raises_journal_error_and_keeps_earlier_entries(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    earlier = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    journal.append(earlier)
    path = folder / "journal-2024-03.json"
    before = path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    lost = pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS))
    with monkeypatch.context() as patch:
        if failing == "write":
            patch.setattr(tempfile, "mkstemp", disk_full)
        else:
            patch.setattr(os, failing, disk_full)
        with pytest.raises(JournalError) as caught:
            journal.append(lost)

    message = str(caught.value)
    assert "disk is full" in message
    assert "Earlier entries are safe" in message
    assert isinstance(caught.value.__cause__, OSError)
    assert path.read_bytes() == before
    assert _no_temp_files(folder)

    later = pause_at(datetime(2024, 3, 3, 12, tzinfo=AMS))
    journal.append(later)
    assert month_of(journal, 2024, 3) == [earlier, later]


def test_failed_first_write_of_a_month_creates_no_file(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", disk_full)
        with pytest.raises(JournalError):
            journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_read_only_folder_raises_journal_error(journal: Journal, folder: Path) -> None:
    earlier = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    journal.append(earlier)
    before = (folder / "journal-2024-03.json").read_bytes()
    folder.chmod(0o500)
    try:
        with pytest.raises(JournalError, match="cannot be written"):
            journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
    finally:
        folder.chmod(0o700)
    assert (folder / "journal-2024-03.json").read_bytes() == before
    assert month_of(journal, 2024, 3) == [earlier]


def test_journal_error_when_the_folder_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    journal = Journal(blocker / "journal", lambda _message: None)
    with pytest.raises(JournalError, match="journal folder"):
        journal.start()


def test_a_folder_that_cannot_be_written_is_told_at_start_and_written_once_it_can(
    folder: Path,
) -> None:
    # Issue 14, case 3: a private folder on a read-only mount started without a word, and
    # one that was not private stopped the app (chmod = EROFS). Both are told at start now.
    folder.mkdir(parents=True, mode=0o700)
    earlier = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    writer = Journal(folder, lambda _message: None)
    writer.start()
    writer.append(earlier)
    writer.stop()
    before = (folder / "journal-2024-03.json").read_bytes()
    journal = Journal(folder, lambda _message: None)
    with unwritable(folder, own=True) as refusing:
        with pytest.raises(JournalError, match="cannot write to its journal folder") as told:
            journal.start()
        assert str(folder) in str(told.value) and refusing.reason in str(told.value)
        assert month_of(journal, 2024, 3) == [earlier]  # reading goes on
        with pytest.raises(JournalError, match="cannot be written to"):
            journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
        assert (folder / "journal-2024-03.json").read_bytes() == before
        refusing.undo()
        later = pause_at(datetime(2024, 3, 3, 12, tzinfo=AMS))
        journal.append(later)  # no restart: the next write is saved
        assert month_of(journal, 2024, 3) == [earlier, later]
    journal.stop()


def test_a_folder_that_could_not_be_made_at_start_is_made_at_the_next_write(
    tmp_path: Path,
) -> None:
    # A HOME that cannot be written: no data folder, and none can be made, until it can.
    home = tmp_path / "home"
    home.mkdir()
    folder = home / ".local" / "share" / "stressbreak"
    journal = Journal(folder, lambda _message: None)
    with unwritable(home) as refusing:
        with pytest.raises(JournalError, match=refusing.reason):
            journal.start()
        assert journal.all_records() == []  # nothing written yet: no error for each read
        with pytest.raises(JournalError):
            journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
        refusing.undo()
        saved = pause_at(datetime(2024, 3, 3, 12, tzinfo=AMS))
        journal.append(saved)
        assert journal.all_records() == [saved]
    journal.stop()
    for made in (home / ".local", home / ".local" / "share", folder):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700


# --- the storage on its own ---------------------------------------------------------------------


def test_storage_reads_none_for_missing_and_empty_files(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    assert storage.read() is None
    assert not path.exists()  # reading creates nothing, unlike TinyDB's JSONStorage
    path.write_bytes(b"")
    assert storage.read() is None


def test_storage_write_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    storage.write({"records": {"1": {"a": 1}}})
    first_inode = path.stat().st_ino
    storage.write({"records": {}})
    assert storage.read() == {"records": {}}
    assert path.stat().st_ino != first_inode  # a new file, renamed over the old one
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]


def test_folder_fsync_is_skipped_where_folders_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> int:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(os, "open", refuse)
    fsync_folder(tmp_path)


def test_folder_fsync_tolerates_file_systems_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unsupported(_fd: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fsync", unsupported)
    fsync_folder(tmp_path)


def test_folder_fsync_reports_real_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="Input/output"):
        fsync_folder(tmp_path)


def test_read_only_file_system_message(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(JournalError) as caught:
        journal.append(pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS)))
    assert str(caught.value) == (
        "StressBreak could not save this entry (the journal folder cannot be written to). "
        "Earlier entries are safe."
    )


# --- all records, or an open range --------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
            for p in folder.iterdir()}


def test_read_only_reads_what_it_can_of_a_damaged_month_and_changes_nothing(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    writer = make_journal()
    february = pause_at(datetime(2024, 2, 10, 8, tzinfo=AMS))
    writer.append(february)
    records = _march(3)
    whole = _month_text(records)
    cut = whole[: whole.index(b'"3": {') + 40]  # the third record cut short
    (folder / "journal-2024-03.json").write_bytes(cut)
    before = _snapshot(folder)

    reader = Journal(folder, problems.append, read_only=True)
    reader.start()
    try:
        assert reader.all_records() == [february, *records[:2]]
        assert reader.all_records() == [february, *records[:2]]
    finally:
        reader.stop()
    assert _snapshot(folder) == before
    path = folder / "journal-2024-03.json"
    assert problems == [
        f"The journal file {path} is damaged (not valid JSON (JSONDecodeError)). StressBreak "
        "read 2 entries from it and uses them here; the file was not changed."]


def test_all_records_everything_or_a_range(journal: Journal, folder: Path) -> None:
    january = pause_at(datetime(2023, 1, 31, 23, 59, tzinfo=AMS))
    march = CheckIn(at=datetime(2024, 3, 5, 10, tzinfo=AMS), origin=CheckInOrigin.MANUAL)
    march_late = pause_at(datetime(2024, 3, 31, 23, 30, tzinfo=AMS))
    june = pause_at(datetime(2024, 6, 1, 0, 0, tzinfo=AMS))
    for record in (june, march_late, january, march):
        journal.append(record)
    before = _snapshot(folder)

    assert journal.all_records() == [january, march, march_late, june]
    assert journal.all_records(start=march_late.at) == [march_late, june]
    assert journal.all_records(end=june.at) == [january, march, march_late]
    assert journal.all_records(datetime(2024, 3, 1, tzinfo=AMS),
                               datetime(2024, 6, 1, tzinfo=AMS)) == [march, march_late]
    assert journal.all_records(june.at, june.at) == []
    assert journal.all_records(june.at, january.at) == []
    # Wide ranges over months without a file create none.
    assert journal.all_records(datetime.min.replace(tzinfo=UTC),
                               datetime.max.replace(tzinfo=UTC)) == [january, march,
                                                                     march_late, june]
    assert _snapshot(folder) == before


def test_all_records_with_one_bound_reads_only_the_months_it_needs(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in (1, 5, 9):
        journal.append(pause_at(datetime(2024, month, 15, 10, tzinfo=AMS)))
    read_paths: list[str] = []
    original_read = AtomicJSONStorage.read

    def spy(self: AtomicJSONStorage) -> dict[str, dict[str, Any]] | None:
        read_paths.append(self.path.name)
        return original_read(self)

    monkeypatch.setattr(AtomicJSONStorage, "read", spy)
    assert len(journal.all_records(start=datetime(2024, 5, 20, tzinfo=AMS))) == 1
    assert set(read_paths) == {"journal-2024-05.json", "journal-2024-09.json"}
    read_paths.clear()
    assert len(journal.all_records(end=datetime(2024, 4, 20, tzinfo=AMS))) == 1
    assert set(read_paths) == {"journal-2024-01.json"}


def test_all_records_refuses_naive_times(journal: Journal) -> None:
    with pytest.raises(ValueError, match="timezone"):
        journal.all_records(start=datetime(2024, 3, 1))  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone"):
        journal.all_records(end=datetime(2024, 3, 1))  # noqa: DTZ001


# --- merge (import) -----------------------------------------------------------------------------


@pytest.fixture
def replaced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files renamed into place, one per atomic write."""
    names: list[str] = []
    original = os.replace

    def counting(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        names.append(Path(dst).name)
        original(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", counting)
    return names


def test_merge_writes_each_month_file_once(
    journal: Journal, folder: Path, replaced: list[str]
) -> None:
    existing = pause_at(datetime(2024, 2, 1, 8, tzinfo=AMS))
    journal.append(existing)
    replaced.clear()
    base = datetime(2024, 2, 1, 9, tzinfo=AMS)
    incoming = [pause_at(base + timedelta(hours=7 * n)) for n in range(300)]  # Feb–Apr 2024
    months = {(r.at.year, r.at.month) for r in incoming}
    assert len(months) == 3

    result = journal.merge(incoming)

    assert (result.added, result.already) == (300, 0)
    assert sorted(replaced) == ["journal-2024-02.json", "journal-2024-03.json",
                                "journal-2024-04.json"]
    assert everything(journal) == [existing, *incoming]
    assert len(stored_documents(folder / "journal-2024-02.json")) == 1 + sum(
        1 for r in incoming if r.at.month == 2)


def test_merge_of_nothing_new_writes_nothing(journal: Journal, replaced: list[str]) -> None:
    records = [pause_at(datetime(2024, m, 3, 8, tzinfo=AMS)) for m in (1, 2)]
    journal.merge(records)
    replaced.clear()
    assert journal.merge(records) == MergeResult(added=0, already=2)
    assert journal.merge([]) == MergeResult(added=0, already=0)
    assert replaced == []


def test_merge_knows_ids_from_every_month_and_unreadable_entries(
    journal: Journal, folder: Path, problems: Problems
) -> None:
    march = pause_at(datetime(2024, 3, 3, 10, tzinfo=AMS), id="known")
    journal.append(march)
    path = folder / "journal-2024-03.json"
    documents = stored_documents(path)
    documents["2"] = _newer_record()  # id "from-the-future"
    path.write_text(json.dumps({"records": documents}))
    journal.stop()
    journal.start()

    # The same ids filed under other months (say, edited since): still the same entries.
    moved = pause_at(datetime(2024, 5, 1, 10, tzinfo=AMS), id="known")
    future = pause_at(datetime(2024, 7, 1, 10, tzinfo=AMS), id="from-the-future")
    new = pause_at(datetime(2024, 5, 2, 10, tzinfo=AMS), id="new")
    assert journal.merge([moved, future, new]) == MergeResult(added=1, already=2)
    assert partition_files(folder) == ["journal-2024-03.json", "journal-2024-05.json"]
    assert stored_documents(path)["2"] == _newer_record()
    assert everything(journal) == [march, new]
    assert len(problems) == 1  # the unreadable entry, told once


def test_merge_checks_every_record_before_writing_any(journal: Journal, folder: Path) -> None:
    good = pause_at(datetime(2024, 3, 1, 12, tzinfo=AMS))
    naive = pause_at(datetime(2024, 4, 1, 12))  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone"):
        journal.merge([good, naive])
    assert partition_files(folder) == []


def test_a_failed_merge_can_simply_be_run_again(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    incoming = [pause_at(datetime(2024, month, 2, 12, tzinfo=AMS)) for month in (3, 4, 5)]
    original = os.replace

    def full_on_april(src: Any, dst: Any) -> None:
        if Path(dst).name == "journal-2024-04.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        original(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", full_on_april)
        with pytest.raises(JournalError) as caught:
            journal.merge(incoming)
    assert str(caught.value) == (
        "StressBreak could not finish the import (the disk is full). What was already in the "
        "journal is safe; importing the same file again adds what is missing.")
    assert _no_temp_files(folder)
    assert everything(journal) == [incoming[0]]

    assert journal.merge(incoming) == MergeResult(added=2, already=1)
    assert everything(journal) == incoming


def test_merge_moves_a_damaged_month_aside_like_append(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    folder.mkdir(parents=True)
    (folder / "journal-2024-03.json").write_bytes(b"{")
    journal = make_journal()
    record = pause_at(datetime(2024, 3, 2, 12, tzinfo=AMS))
    assert journal.merge([record]) == MergeResult(added=1, already=0)
    assert (folder / f"journal-2024-03.json.damaged-{STAMP}").read_bytes() == b"{"
    assert everything(journal) == [record]
    assert len(problems) == 1


# --- delete everything --------------------------------------------------------------------------


def test_delete_all_removes_every_journal_file_and_nothing_else(
    journal: Journal, folder: Path
) -> None:
    for month in (1, 2, 3):
        journal.append(pause_at(datetime(2024, month, 10, 10, tzinfo=AMS)))
    journal_text = [
        folder / f"journal-2023-12.json.damaged-{STAMP}",
        folder / f"journal-2023-11.json.damaged-{STAMP}-2",
        folder / ".journal-2024-03.json.k2j3h4.tmp",
    ]
    others = [folder / "settings.json", folder / "prefs.json", folder / "notes.txt",
              folder / "journal-notes.json"]
    for path in [*journal_text, *others]:
        path.write_text("x")

    assert journal.delete_all() == 6
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in others)
    assert everything(journal) == []


def test_the_journal_is_usable_after_delete_all(journal: Journal, folder: Path) -> None:
    march = [pause_at(datetime(2024, 3, day, 10, tzinfo=AMS)) for day in (1, 2, 3)]
    for record in march:
        journal.append(record)
    assert everything(journal) == march  # the month's TinyDB is open and has counted ids

    journal.delete_all()
    fresh = pause_at(datetime(2024, 3, 4, 10, tzinfo=AMS))
    journal.append(fresh)

    assert everything(journal) == [fresh]
    assert list(stored_documents(folder / "journal-2024-03.json")) == ["1"]
    assert journal.delete_all() == 1
    assert journal.delete_all() == 0


def test_delete_all_reports_what_it_could_not_delete(
    journal: Journal, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in (1, 2, 3):
        journal.append(pause_at(datetime(2024, month, 10, 10, tzinfo=AMS)))
    stuck = folder / "journal-2024-02.json"
    original = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == stuck:
            raise PermissionError(errno.EACCES, "Permission denied")
        original(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(JournalError) as caught:
        journal.delete_all()
    assert str(caught.value) == (
        f"StressBreak could not delete {stuck} (Permission denied). The other journal files "
        "were deleted.")
    assert partition_files(folder) == ["journal-2024-02.json"]


# --- read-only (the command-line export beside the running app) ---------------------------------


@pytest.fixture
def reader(folder: Path, problems: Problems) -> Iterator[Journal]:
    journal = Journal(folder, problems.append, read_only=True)
    journal.start()
    yield journal
    journal.stop()


def test_read_only_start_creates_nothing(folder: Path, reader: Journal) -> None:
    assert not folder.exists()
    assert reader.all_records() == []
    assert not folder.exists()


def test_read_only_never_writes_moves_or_removes(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    writer = make_journal()
    february = pause_at(datetime(2024, 2, 10, 8, tzinfo=AMS))
    writer.append(february)
    (folder / "journal-2024-03.json").write_bytes(b"{")  # damaged
    (folder / "journal-2024-04.json").write_text(json.dumps({"records": {"1": _newer_record()}}))
    (folder / ".journal-2024-02.json.abc123.tmp").write_text("the app's write in progress")
    before = _snapshot(folder)

    reader = Journal(folder, problems.append, read_only=True)
    reader.start()
    assert reader.all_records() == [february]
    assert reader.all_records() == [february]

    assert _snapshot(folder) == before
    assert len(problems) == 2  # the damaged file and the unreadable entry, each told once
    damaged = folder / "journal-2024-03.json"
    assert str(damaged) in problems[0]
    assert "was not changed" in problems[0]
    for refused in (lambda: reader.append(february), lambda: reader.merge([february]),
                    reader.delete_all):
        with pytest.raises(RuntimeError, match="read-only"):
            refused()
    assert _snapshot(folder) == before
    reader.stop()


def test_read_only_sees_what_the_writer_adds_meanwhile(journal: Journal, reader: Journal) -> None:
    first = pause_at(datetime(2024, 3, 1, 8, tzinfo=AMS))
    journal.append(first)
    assert reader.all_records() == [first]
    later = [pause_at(datetime(2024, 3, 2, 8, tzinfo=AMS)),
             pause_at(datetime(2024, 4, 2, 8, tzinfo=AMS))]
    for record in later:
        journal.append(record)
    assert reader.all_records() == [first, *later]


def test_read_only_storage_refuses_to_write(folder: Path, reader: Journal) -> None:
    folder.mkdir(parents=True)
    (folder / "journal-2024-03.json").write_text('{"records": {}}')
    assert reader.all_records() == []
    # The storage under a read-only journal is the last guard, so test it directly.
    table = TinyDB(folder / "journal-2024-03.json", storage=ReadOnlyJSONStorage).table(
        TABLE_NAME)
    with pytest.raises(RuntimeError, match="read-only"):
        table.insert({"a": 1})
    assert (folder / "journal-2024-03.json").read_text() == '{"records": {}}'


def test_a_journals_reader_reads_beside_its_writes_and_changes_nothing(
    folder: Path, problems: Problems, make_journal: MakeJournal
) -> None:
    writer = make_journal()
    first = pause_at(datetime(2024, 2, 10, 8, tzinfo=AMS))
    writer.append(first)
    reader = writer.reader()
    reader.start()
    try:
        assert reader.read_only
        assert reader.all_records() == [first]
        later = pause_at(datetime(2024, 2, 11, 8, tzinfo=AMS))
        writer.append(later)  # the writer goes on; the reader's files and caches are its own
        assert reader.all_records() == [first, later]
        before = _snapshot(folder)
        with pytest.raises(RuntimeError):
            reader.append(pause_at(datetime(2024, 2, 12, 8, tzinfo=AMS)))
        assert _snapshot(folder) == before
    finally:
        reader.stop()
    assert writer.all_records() == [first, later]
    assert problems == []
