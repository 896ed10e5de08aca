"""The merge of several computers' journals (core/sync.py) as a pure function: the same
journal whatever order segments arrive in, twice = once, Deletions win over older records
only, conflict copies merged; and the shared folder's file names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    Deletion,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.sync import (
    SharedName,
    computer_file_name,
    latest_deletion,
    merge_records,
    parse_shared_name,
    segment_name,
)

CID = "0123456789abcdef"
OTHER = "fedcba9876543210"
START = datetime(2026, 11, 1, tzinfo=UTC)

_zones = st.sampled_from([UTC, ZoneInfo("Europe/Amsterdam"), timezone(timedelta(hours=-5))])
# A small span of whole minutes, so that times (and so Deletions and records) often meet.
_times = st.builds(lambda minutes, zone: (START + timedelta(minutes=minutes)).astimezone(zone),
                   st.integers(min_value=0, max_value=60 * 24 * 3), _zones)
_computers = st.sampled_from([None, CID, OTHER])
# A small pool of ids, so that the same record often comes in several segments.
_ids = st.sampled_from([f"{n:032x}" for n in range(40)])


@st.composite
def _record(draw: st.DrawFn) -> Record:
    at, record_id, computer = draw(_times), draw(_ids), draw(_computers)
    kind = draw(st.sampled_from(["pause", "checkin", "day", "deleted"]))
    if kind == "pause":
        return PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED, id=record_id,
                           computer=computer)
    if kind == "checkin":
        return CheckIn(at, CheckInOrigin.MANUAL, tension=draw(st.integers(0, 10)), id=record_id,
                       computer=computer)
    if kind == "day":
        return DayRating(at, sleep=draw(st.integers(1, 5)), id=record_id, computer=computer)
    return Deletion(at=at, before=at, id=record_id, computer=computer)


_segment = st.lists(_record(), max_size=12)
_segments = st.lists(_segment, max_size=5)


@settings(max_examples=200, deadline=None)
@given(_segments, st.randoms(use_true_random=False))
def test_the_order_of_segments_does_not_matter(segments: list[list[Record]], rnd) -> None:
    shuffled = list(segments)
    rnd.shuffle(shuffled)
    assert merge_records(*segments) == merge_records(*shuffled)


@settings(max_examples=200, deadline=None)
@given(_segment, _segment, _segment)
def test_merging_in_steps_is_merging_at_once(a: list[Record], b: list[Record],
                                             c: list[Record]) -> None:
    at_once = merge_records(a, b, c)
    assert merge_records(merge_records(a, b), c) == at_once
    assert merge_records(a, merge_records(b, c)) == at_once


@settings(max_examples=200, deadline=None)
@given(_segments)
def test_applying_twice_is_applying_once(segments: list[list[Record]]) -> None:
    once = merge_records(*segments)
    assert merge_records(once) == once
    assert merge_records(once, *segments) == once


@settings(max_examples=200, deadline=None)
@given(_segments)
def test_a_deletion_wins_over_older_records_and_not_over_newer(
        segments: list[list[Record]]) -> None:
    merged = merge_records(*segments)
    given_ids = {record.id for segment in segments for record in segment}
    before = latest_deletion(record for segment in segments for record in segment)
    for record in merged:
        assert isinstance(record, Deletion) or before is None or record.at >= before
    kept = {record.id for record in merged}
    for segment in segments:
        for record in segment:
            if before is None or isinstance(record, Deletion) or record.at >= before:
                assert record.id in kept
    assert kept <= given_ids
    assert [(r.at, r.id) for r in merged] == sorted((r.at, r.id) for r in merged)
    assert len(merged) == len({(r.id, r) for r in merged})


def test_a_deletion_drops_what_came_before_it_from_every_computer() -> None:
    at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    old_here = PauseRecord(at - timedelta(hours=1), at, PauseOutcome.COMPLETED, computer=CID)
    old_there = DayRating(at - timedelta(days=40), sleep=2, computer=OTHER)
    later = CheckIn(at + timedelta(minutes=1), CheckInOrigin.MANUAL, computer=OTHER)
    deletion = Deletion(at=at, before=at, computer=CID)
    assert merge_records([old_here, later], [deletion], [old_there]) == [deletion, later]


def test_a_conflict_copy_is_merged_with_its_original() -> None:
    # A sync tool kept both sides of one segment: each side has a record the other lacks.
    at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    shared = PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED, computer=CID)
    side_a = DayRating(at + timedelta(hours=1), sleep=4, computer=CID)
    side_b = CheckIn(at + timedelta(hours=2), CheckInOrigin.MANUAL, computer=CID)
    assert merge_records([shared, side_a], [shared, side_b]) == [shared, side_a, side_b]


def test_two_different_records_under_one_id_are_both_kept_in_one_order() -> None:
    at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    one = DayRating(at, sleep=1, id="a" * 32)
    two = DayRating(at, sleep=2, id="a" * 32)
    assert merge_records([one], [two]) == merge_records([two], [one]) == [one, two]


def test_names_of_our_files() -> None:
    assert segment_name(CID, 2026, 3) == f"journal-{CID}-2026-03.json"
    assert computer_file_name(CID) == f"computer-{CID}.json"
    assert parse_shared_name(segment_name(CID, 2026, 3)) == SharedName(
        "journal", CID, 2026, 3, conflict_copy=False)
    assert parse_shared_name(computer_file_name(CID)) == SharedName(
        "computer", CID, None, None, conflict_copy=False)


@pytest.mark.parametrize("name", [
    f"journal-{CID}-2026-12.sync-conflict-20261203-101500-ABCDEFG.json",  # Syncthing
    f"journal-{CID}-2026-12 (conflicted copy 2026-12-03).json",  # Dropbox
    f"journal-{CID}-2026-12 (Anna's conflicted copy 2026-12-03).json",
    f"journal-{CID}-2026-12 (Anna’s conflicted copy 2026-12-03).json",
    f"journal-{CID}-2026-12_conflict-20261203-101500.json",  # Nextcloud
    f"journal-{CID}-2026-12 (conflicted copy 2026-12-03 101500).json",  # newer Nextcloud
])
def test_conflict_copies_are_recognised(name: str) -> None:
    assert parse_shared_name(name) == SharedName("journal", CID, 2026, 12, conflict_copy=True)


def test_a_conflict_copy_of_a_computer_file_is_recognised() -> None:
    name = f"computer-{CID}.sync-conflict-20261203-101500-ABCDEFG.json"
    assert parse_shared_name(name) == SharedName("computer", CID, None, None,
                                                 conflict_copy=True)


@pytest.mark.parametrize("name", [
    f".syncthing.journal-{CID}-2026-12.json.tmp",  # Syncthing's temp names
    f"~syncthing~journal-{CID}-2026-12.json.tmp",
    f".journal-{CID}-2026-12.json.~1a2b",  # Nextcloud's
    f".~journal-{CID}-2026-12.json",  # Dropbox's
    f".journal-{CID}-2026-12.json.x1y2z3.tmp",  # our own
    f"journal-{CID}-2026-12-LAPTOP.json",  # OneDrive: not safely ours
    f"journal-{CID}-2026-13.json",
    "journal-2026-12.json",  # a local journal's month file, not a segment
    f"journal-{CID.upper()}-2026-12.json",
    f"journal-{CID}-2026-12.json.bak",
    "notes.txt",
])
def test_other_names_are_not_read(name: str) -> None:
    assert parse_shared_name(name) is None
