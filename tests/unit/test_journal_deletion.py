"""A Deletion from another computer applied to the local journal (Journal.apply_deletion),
and the merge of records from a shared folder (Journal.merge with same_month_only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    Deletion,
    PauseOutcome,
    PauseRecord,
)
from stressbreak.services.journal import Journal

BEFORE = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _journal(folder: Path) -> Journal:
    journal = Journal(folder, pytest.fail)
    journal.start()
    return journal


def _pause(at: datetime) -> PauseRecord:
    return PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED)


def test_records_before_the_deletion_go_and_later_ones_stay(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    old = [_pause(BEFORE - timedelta(days=400)), DayRating(BEFORE - timedelta(days=40), sleep=2),
           CheckIn(BEFORE - timedelta(minutes=1), CheckInOrigin.MANUAL)]
    later = [_pause(BEFORE + timedelta(minutes=1)), DayRating(BEFORE + timedelta(days=40))]
    deletion = Deletion(at=BEFORE, before=BEFORE, computer="fedcba9876543210")
    for record in (*old, *later):
        journal.append(record)
    journal.merge([deletion])
    changed = journal.apply_deletion(BEFORE)
    assert changed == [(2025, 10), (2026, 10), (2026, 12)]
    assert journal.all_records() == [deletion, *later]
    assert sorted(p.name for p in tmp_path.glob("journal-*")) == [
        "journal-2026-12.json", "journal-2027-01.json"]
    assert journal.apply_deletion(BEFORE) == []  # twice = once


def test_a_whole_month_goes_with_what_cannot_be_read_and_its_damaged_copies(
        tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.append(_pause(BEFORE - timedelta(days=60)))
    (tmp_path / "journal-2026-10.json.damaged-20261001T100000").write_text("{")
    path = tmp_path / "journal-2026-10.json"
    data = json.loads(path.read_text())
    data["records"]["2"] = {"kind": "future", "v": 99, "id": "x"}
    path.write_text(json.dumps(data))
    journal.apply_deletion(BEFORE)
    assert not list(tmp_path.glob("journal-2026-10*"))


def test_an_entry_of_a_newer_version_near_the_deletion_is_kept(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.append(_pause(BEFORE - timedelta(hours=1)))
    path = tmp_path / "journal-2026-12.json"
    data = json.loads(path.read_text())
    future = {"kind": "future", "v": 99, "id": "x", "at": BEFORE.isoformat()}
    data["records"]["2"] = future
    path.write_text(json.dumps(data))
    journal = Journal(tmp_path, lambda message: None)
    journal.start()
    assert journal.apply_deletion(BEFORE) == [(2026, 12)]
    assert list(json.loads(path.read_text())["records"].values()) == [future]


def test_a_record_filed_by_its_own_wall_date_is_found(tmp_path: Path) -> None:
    # 23:30 on 30 November in UTC-10 is 1 December in UTC: filed in November.
    journal = _journal(tmp_path)
    far_west = datetime(2026, 11, 30, 23, 30, tzinfo=timezone(timedelta(hours=-10)))
    journal.append(_pause(far_west))
    assert journal.apply_deletion(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == [(2026, 11)]
    assert journal.all_records() == []


def test_nothing_is_read_when_nothing_is_old_enough(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.append(_pause(BEFORE + timedelta(days=90)))
    path = tmp_path / "journal-2027-03.json"
    before = path.stat()
    assert journal.apply_deletion(BEFORE) == []
    assert path.stat().st_ino == before.st_ino


def test_a_merge_from_a_shared_folder_says_what_is_new(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    have = _pause(BEFORE)
    journal.append(have)
    arriving = [have, DayRating(BEFORE, sleep=4), DayRating(BEFORE - timedelta(days=70))]
    result = journal.merge(arriving, same_month_only=True)
    assert result.new == tuple(arriving[1:])
    assert (result.added, result.already) == (2, 1)
    assert journal.merge(arriving, same_month_only=True).new == ()


def test_month_files_tell_their_change_times(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.append(_pause(BEFORE))
    assert list(journal.month_files()) == [(2026, 12)]


def test_month_files_of_some_months_tell_only_those_that_exist(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.append(_pause(BEFORE))
    journal.append(_pause(BEFORE - timedelta(days=60)))
    wanted = journal.month_files([(2026, 12), (2026, 11)])  # not October, which exists
    assert wanted == {(2026, 12): journal.path_for((2026, 12)).stat().st_mtime_ns}


def test_month_records_are_those_filed_in_that_month_by_their_own_wall_clock(
        tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    # 30 November 23:30 in Tokyo is still November there, though December has begun nowhere
    # in UTC: filed (and given back) with November; 1 December 00:30 in New York is December.
    tokyo = timezone(timedelta(hours=9))
    new_york = timezone(timedelta(hours=-5))
    late_november = _pause(datetime(2026, 11, 30, 23, 30, tzinfo=tokyo))
    early_december = _pause(datetime(2026, 12, 1, 0, 30, tzinfo=new_york))
    later = CheckIn(BEFORE, CheckInOrigin.MANUAL, tension=3)
    first = _pause(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    for record in (later, late_november, early_december, first):
        journal.append(record)
    assert journal.month_records((2026, 12)) == [early_december, first, later]
    assert journal.month_records((2026, 11)) == [late_november]
    assert journal.month_records((2026, 10)) == []
    assert not journal.path_for((2026, 10)).exists()  # asking made no file
