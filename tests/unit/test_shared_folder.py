"""The shared folder's files (services/shared_folder.py) in temporary folders: private atomic
writes, other computers' segments read once per change, half-arrived files skipped without
a word until whole, a missing folder said in words, and the computer id made once."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    Deletion,
    PauseOutcome,
    PauseRecord,
    Record,
    record_from_dict,
)
from stressbreak.core.presence import ActiveSpan
from stressbreak.core.sync import computer_file_name, segment_name
from stressbreak.services.shared_folder import (
    SUBFOLDER,
    SharedFolder,
    computer_id,
    folder_problem,
)
from tests.fakes import FakeClock

HERE = "0123456789abcdef"
THERE = "fedcba9876543210"
AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _pause(minutes: int, computer: str | None = THERE) -> PauseRecord:
    start = AT + timedelta(minutes=minutes)
    return PauseRecord(start, start + timedelta(minutes=1), PauseOutcome.COMPLETED,
                       computer=computer)


def _segment_text(cid: str, records: list[Record]) -> bytes:
    return json.dumps({"format": 1, "computer": cid,
                       "records": [record.to_dict() for record in records]}).encode("utf-8")


def _started(folder: Path, cid: str = HERE) -> SharedFolder:
    shared = SharedFolder(folder, cid, FakeClock(AT))
    shared.start()
    assert shared.available, shared.problem
    return shared


def test_own_segments_are_private_atomic_and_read_by_the_other_side(tmp_path: Path) -> None:
    here, there = _started(tmp_path, HERE), _started(tmp_path, THERE)
    records: list[Record] = [_pause(0, THERE), CheckIn(AT, CheckInOrigin.MANUAL, computer=THERE)]
    there.write_own_month(2026, 12, records)
    path = tmp_path / SUBFOLDER / segment_name(THERE, 2026, 12)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / SUBFOLDER).stat().st_mode) == 0o700
    # No temp file left.
    assert sorted(p.name for p in (tmp_path / SUBFOLDER).iterdir()) == [path.name]
    assert sorted(here.read_changed(), key=lambda r: r.id) == sorted(records, key=lambda r: r.id)
    assert len(here.read_changed()) == 2  # not merged yet: read again
    here.merged()
    assert here.read_changed() == []  # unchanged: not read again
    assert there.read_changed() == []  # a computer never reads its own segments back
    assert here.own_months() == {}
    assert list(there.own_months()) == [(2026, 12)]


def test_an_unchanged_segment_is_not_written_again(tmp_path: Path) -> None:
    shared = _started(tmp_path)
    shared.write_own_month(2026, 12, [_pause(0, HERE)])
    path = tmp_path / SUBFOLDER / segment_name(HERE, 2026, 12)
    before = path.stat()
    shared.write_own_month(2026, 12, [record_from_dict(
        json.loads(path.read_text())["records"][0])])
    assert path.stat().st_ino == before.st_ino


def test_a_half_written_file_is_skipped_until_it_is_whole(tmp_path: Path) -> None:
    here = _started(tmp_path)
    whole = _segment_text(THERE, [_pause(0), _pause(5)])
    path = tmp_path / SUBFOLDER / segment_name(THERE, 2026, 12)
    # A tool that writes in place, the file growing as it arrives.
    path.write_bytes(whole[: len(whole) // 2])
    assert here.read_changed() == []
    assert here.waiting() == [path]
    assert path.read_bytes() == whole[: len(whole) // 2]  # not moved, not changed
    assert here.problem is None
    assert sorted(p.name for p in (tmp_path / SUBFOLDER).iterdir()) == [path.name]
    assert here.read_changed() == []  # not read again while it has not changed
    with path.open("ab") as handle:
        handle.write(whole[len(whole) // 2:])
    assert len(here.read_changed()) == 2
    assert here.waiting() == []


def test_temp_names_of_sync_tools_are_never_read(tmp_path: Path) -> None:
    here = _started(tmp_path)
    text = _segment_text(THERE, [_pause(0)])
    name = segment_name(THERE, 2026, 12)
    for temp in (f".syncthing.{name}.tmp", f"~syncthing~{name}.tmp", f".{name}.~1a2b",
                 f".~{name}", f".{name}.abc123.tmp"):
        (tmp_path / SUBFOLDER / temp).write_bytes(text)
    assert here.read_changed() == []
    assert here.waiting() == []


def test_conflict_copies_are_read_and_kept(tmp_path: Path) -> None:
    here = _started(tmp_path)
    first, second = _pause(0), _pause(10)
    folder = tmp_path / SUBFOLDER
    (folder / segment_name(THERE, 2026, 12)).write_bytes(_segment_text(THERE, [first]))
    copy = f"journal-{THERE}-2026-12.sync-conflict-20261203-101500-ABCDEFG.json"
    (folder / copy).write_bytes(_segment_text(THERE, [first, second]))
    # A conflict copy of this computer's own segment is read too: it may hold what is lost.
    own_copy = f"journal-{HERE}-2026-12 (conflicted copy 2026-12-03).json"
    mine = _pause(20, HERE)
    (folder / own_copy).write_bytes(_segment_text(HERE, [mine]))
    assert {record.id for record in here.read_changed()} == {first.id, second.id, mine.id}
    assert (folder / copy).exists()
    assert (folder / own_copy).exists()
    here.remove_own_segments()
    assert (folder / own_copy).exists()


def test_a_record_of_a_newer_version_is_left_out_and_the_file_kept(tmp_path: Path) -> None:
    here = _started(tmp_path)
    path = tmp_path / SUBFOLDER / segment_name(THERE, 2026, 12)
    text = json.dumps({"format": 1, "computer": THERE, "records": [
        {"kind": "future", "v": 9, "id": "x"}, _pause(0).to_dict()]}).encode("utf-8")
    path.write_bytes(text)
    assert len(here.read_changed()) == 1
    assert path.read_bytes() == text


def test_an_empty_month_removes_the_segment_and_delete_all_removes_them_all(
        tmp_path: Path) -> None:
    shared = _started(tmp_path)
    shared.write_own_month(2026, 11, [DayRating(AT - timedelta(days=20), sleep=3)])
    shared.write_own_month(2026, 12, [_pause(0, HERE)])
    shared.write_own_month(2026, 11, [])
    assert list(shared.own_months()) == [(2026, 12)]
    assert shared.remove_own_segments() == 1
    assert shared.own_months() == {}


def _leftovers(folder: Path) -> set[str]:
    """Temp files as a write cut short by a kill leaves them (write_atomic's names), of this
    computer and of another, and a sync tool's own."""
    names = {f".{segment_name(HERE, 2026, 12)}.k2j4h1ab.tmp",
             f".{computer_file_name(HERE)}.x_9.tmp",
             f".{segment_name(THERE, 2026, 12)}.q8w7e6rt.tmp",
             f".syncthing.{segment_name(THERE, 2026, 12)}.tmp"}
    (folder / "StressBreak").mkdir(exist_ok=True)
    for name in names:
        (folder / "StressBreak" / name).write_bytes(b'{"format": 1, "records": [')
    return names


def test_what_a_killed_write_left_goes_at_start_and_with_delete_all(tmp_path: Path) -> None:
    names = _leftovers(tmp_path)
    shared = _started(tmp_path)
    kept = {name for name in names if HERE not in name}
    assert {p.name for p in shared.path.iterdir()} == kept  # the others' are not ours

    # Delete all data: a temp file left since the start holds records as well.
    shared.write_own_month(2026, 12, [_pause(0, HERE)])
    _leftovers(tmp_path)
    assert shared.remove_own_segments() == 3
    assert {p.name for p in shared.path.iterdir()} == kept


def test_a_missing_folder_is_said_and_nothing_is_made(tmp_path: Path) -> None:
    gone = tmp_path / "not-mounted"
    shared = SharedFolder(gone, HERE, FakeClock(AT))
    shared.start()
    assert not shared.available
    assert shared.problem is not None
    assert str(gone) in shared.problem
    assert "not there" in shared.problem
    assert not gone.exists()
    assert shared.read_changed() == []
    gone.mkdir()
    assert shared.check()
    assert shared.problem is None


def test_a_folder_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    tmp_path.chmod(0o500)
    try:
        shared = SharedFolder(tmp_path, HERE, FakeClock(AT))
        shared.start()
        assert not shared.available
        assert "cannot write" in (shared.problem or "")
    finally:
        tmp_path.chmod(0o700)


def test_computer_files_tell_names_and_activity(tmp_path: Path) -> None:
    here, there = _started(tmp_path, HERE), _started(tmp_path, THERE)
    old = ActiveSpan("", AT - timedelta(days=3), AT - timedelta(days=3) + timedelta(hours=1))
    now = ActiveSpan("", AT - timedelta(minutes=5), None)
    there.write_computer("Desk at home", [old, now])
    assert stat.S_IMODE((tmp_path / SUBFOLDER / computer_file_name(THERE)).stat().st_mode) == 0o600
    info = here.computers()[THERE]
    assert info.name == "Desk at home"
    assert info.active == (ActiveSpan(THERE, now.start, None),)  # older than 48 h: left out
    assert there.computers() == {}  # its own file is not another computer


def test_the_computer_id_is_made_once_and_kept(tmp_path: Path) -> None:
    made = computer_id(tmp_path)
    assert len(made) == 16
    assert int(made, 16) >= 0
    assert computer_id(tmp_path) == made
    assert stat.S_IMODE((tmp_path / "computer.json").stat().st_mode) == 0o600
    assert computer_id(tmp_path / "elsewhere") != made  # random: 1 in 2**64 to meet


def test_a_damaged_computer_file_is_kept_aside(tmp_path: Path) -> None:
    (tmp_path / "computer.json").write_text("{not json")
    made = computer_id(tmp_path)
    assert json.loads((tmp_path / "computer.json").read_text()) == {"id": made}
    assert [p.name for p in tmp_path.iterdir() if ".damaged-" in p.name]


@pytest.mark.parametrize(("chosen", "words"), [
    ("relative/Sync", "full path"),
    ("file", "is a file"),
    ("data", "own data folder"),
    ("data/inside", "own data folder"),
])
def test_a_folder_that_cannot_be_shared_is_said(tmp_path: Path, chosen: str,
                                                words: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "file").write_text("x")
    folder = Path(chosen) if chosen.startswith("relative") else tmp_path / chosen
    problem = folder_problem(folder, data)
    assert problem is not None
    assert words in problem
    assert folder_problem(tmp_path / "Sync", data) is None


def test_a_deletion_travels_in_a_segment(tmp_path: Path) -> None:
    here, there = _started(tmp_path, HERE), _started(tmp_path, THERE)
    deletion = Deletion(at=AT, before=AT, computer=THERE)
    there.write_own_month(2026, 12, [deletion])
    assert here.read_changed() == [deletion]


def test_a_restart_reads_only_what_changed_meanwhile(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sharing.json"
    state.parent.mkdir()
    there = _started(tmp_path, THERE)
    there.write_own_month(2026, 11, [_pause(-30 * 24 * 60)])
    there.write_own_month(2026, 12, [_pause(0)])
    here = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    here.start()
    assert len(here.read_changed()) == 2
    here.merged()
    here.state.before = AT
    here.state.months[(2026, 12)] = 123
    here.stop()
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    later = _pause(30)
    there.write_own_month(2026, 12, [_pause(0), later])
    again = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    again.start()
    assert (again.state.before, again.state.months) == (AT, {(2026, 12): 123})
    assert later.id in {record.id for record in again.read_changed()}
    assert len(again.read_changed()) == 2  # the November segment is not read again
    elsewhere = SharedFolder(tmp_path / "other", HERE, FakeClock(AT), state_file=state)
    elsewhere.start()
    assert elsewhere.state.seen == {}  # another folder: all afresh


def test_a_state_that_did_not_change_is_not_written_again(tmp_path: Path) -> None:
    # A round that finds nothing new costs no write (and no fsync) of the state.
    state = tmp_path / "data" / "sharing.json"
    state.parent.mkdir()
    there = _started(tmp_path, THERE)
    there.write_own_month(2026, 12, [_pause(0)])
    here = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    here.start()
    here.read_changed()
    here.merged()
    here.save_state()
    written = state.stat().st_ino
    here.read_changed()
    here.merged()
    here.save_state()
    assert state.stat().st_ino == written
    here.state.months[(2026, 12)] = 123
    here.save_state()
    assert state.stat().st_ino != written
    assert json.loads(state.read_bytes())["months"] == {"2026-12": 123}


def test_a_newer_version_s_segment_is_never_kept_as_read(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sharing.json"
    state.parent.mkdir()
    newer = tmp_path / SUBFOLDER / segment_name(THERE, 2026, 11)
    future = tmp_path / SUBFOLDER / segment_name(THERE, 2026, 12)
    here = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    here.start()
    newer.write_text(json.dumps({"format": 2, "computer": THERE,
                                 "records": [_pause(-30 * 24 * 60).to_dict()]}))
    future.write_text(json.dumps({"format": 1, "computer": THERE, "records": [
        {"kind": "future", "v": 9, "id": "x"}, _pause(0).to_dict()]}))
    assert len(here.read_changed()) == 1  # the record this version can read
    here.merged()
    assert here.read_changed() == []  # not again while this version runs
    here.stop()
    # The next start (after an upgrade, perhaps) reads both files again.
    again = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    again.start()
    assert len(again.read_changed()) == 1
    assert again.state.seen == {}


def test_a_state_as_read_at_start_is_not_written_again_at_stop(tmp_path: Path) -> None:
    state = tmp_path / "data" / "sharing.json"
    state.parent.mkdir()
    here = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    here.start()
    here.state.before = AT
    here.stop()
    again = SharedFolder(tmp_path, HERE, FakeClock(AT), state_file=state)
    again.start()
    written = state.stat().st_ino
    again.stop()
    assert state.stat().st_ino == written
