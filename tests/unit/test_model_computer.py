"""Records across computers: the optional `computer` key and the Deletion kind, read by this
StressBreak and by the one released before them (an older version on another computer reads
the same journal files after a restore, or a user goes back a version)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from stressbreak.core.export import ExportFormat, export_bytes, parse_import, to_csv
from stressbreak.core.model import (
    SCHEMA_VERSION,
    CheckIn,
    CheckInOrigin,
    DayRating,
    Deletion,
    PauseOutcome,
    PauseRecord,
    Record,
    RecordError,
    entries,
    record_from_dict,
)
from stressbreak.services.journal import Journal

AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
CID = "0123456789abcdef"


def _released_model() -> ModuleType:
    # Its own module beside ours (tests/released), standing in for nothing.
    from tests.released import model_schema2

    return model_schema2


def _kinds(computer: str | None) -> list[Record]:
    return [
        PauseRecord(AT, AT + timedelta(minutes=1), PauseOutcome.COMPLETED, computer=computer),
        CheckIn(AT, CheckInOrigin.MANUAL, tension=4, computer=computer),
        DayRating(AT, sleep=3, computer=computer),
    ]


@pytest.mark.parametrize("record", _kinds(CID))
def test_the_computer_is_stored_and_read_back(record: Record) -> None:
    stored = record.to_dict()
    assert stored["computer"] == CID
    assert record_from_dict(json.loads(json.dumps(stored))) == record


@pytest.mark.parametrize("record", _kinds(None))
def test_a_record_without_a_computer_is_stored_as_before(record: Record) -> None:
    assert "computer" not in record.to_dict()
    released = _released_model()
    # Byte for byte what the released version writes for the same record.
    old_kind = {"pause": released.PauseRecord, "checkin": released.CheckIn,
                "day": released.DayRating}[record.KIND]
    assert old_kind.from_dict(record.to_dict()).to_dict() == record.to_dict()


def test_the_schema_version_stays_two() -> None:
    # The extra key is read by older versions as it is (next test); no migration is needed.
    assert SCHEMA_VERSION == 2


@pytest.mark.parametrize("record", _kinds(CID))
def test_the_released_reader_reads_a_record_with_a_computer(record: Record) -> None:
    released = _released_model()
    old = released.record_from_dict(record.to_dict())
    assert old.id == record.id
    assert old.at == record.at


def test_the_released_reader_leaves_a_deletion_unread() -> None:
    released = _released_model()
    deletion = Deletion(at=AT, before=AT, computer=CID)
    with pytest.raises(released.RecordError, match="unknown record kind"):
        released.record_from_dict(deletion.to_dict())


def test_a_deletion_round_trips_and_covers_only_older_entries() -> None:
    deletion = Deletion(at=AT, before=AT, computer=CID)
    assert record_from_dict(deletion.to_dict()) == deletion
    older, same = (PauseRecord(AT - timedelta(seconds=1), AT, PauseOutcome.SKIPPED),
                   DayRating(AT, focus=2))
    assert deletion.covers(older)
    assert not deletion.covers(same)
    assert not deletion.covers(Deletion(at=AT - timedelta(days=1), before=AT - timedelta(days=1)))


@pytest.mark.parametrize("bad", [{"computer": 5}, {"before": "yesterday"}, {"before": None}])
def test_a_damaged_deletion_is_refused(bad: dict[str, object]) -> None:
    raw = {**Deletion(at=AT, before=AT).to_dict(), **bad}
    with pytest.raises(RecordError):
        record_from_dict(raw)


def test_the_journal_keeps_the_computer_key(tmp_path: Path) -> None:
    journal = Journal(tmp_path, pytest.fail)
    journal.start()
    for record in _kinds(CID):
        journal.append(record)
    journal.append(Deletion(at=AT, before=AT))
    assert {record.computer for record in journal.all_records()} == {CID, None}
    stored = json.loads((tmp_path / "journal-2026-12.json").read_text())
    assert sum("computer" in doc for doc in stored["records"].values()) == 3


def test_views_and_export_leave_a_deletion_out() -> None:
    from stressbreak.core.over_time import over_time
    from stressbreak.core.stats import summarise_week
    from stressbreak.core.summary import summarise

    deletion = Deletion(at=AT, before=AT)
    kept = _kinds(None)
    records = [*kept, deletion]
    assert entries(records) == kept
    week = summarise_week(records, AT.date() - timedelta(days=AT.weekday()), UTC)
    assert week == summarise_week(kept, week.monday, UTC)
    assert over_time(records, AT.date(), 3, UTC) == over_time(kept, AT.date(), 3, UTC)
    assert summarise(records, AT.date(), 2, UTC, number=str) == summarise(
        kept, AT.date(), 2, UTC, number=str)
    exported = json.loads(export_bytes(records, ExportFormat.JSON, exported_at=AT,
                                       app_version="test"))
    assert [raw["kind"] for raw in exported["records"]] == ["pause", "checkin", "day"]
    assert "deleted" not in to_csv(records)


def test_an_import_leaves_a_deletion_out() -> None:
    deletion, pause = Deletion(at=AT, before=AT), _kinds(None)[0]
    text = json.dumps({"format": "stressbreak-export", "version": 1,
                       "records": [deletion.to_dict(), pause.to_dict()]})
    result = parse_import(text)
    assert result.records == [pause]
    assert result.skipped == 0
