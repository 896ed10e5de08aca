"""Two real apps (the Controller and its coordinators, on fake time) sharing one folder, as a
sync tool would keep it in step (issue 18): what one records arrives in the other's journal
and views, a deletion reaches both, half-written files wait, a missing folder is said, and
turning sharing on or off loses nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from stressbreak.app.sync import STATE_FILE, Sync
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    Deletion,
    PauseOutcome,
    PauseRecord,
    Record,
    entries,
)
from stressbreak.core.presence import ActiveSpan
from stressbreak.core.sync import parse_shared_name, segment_name
from stressbreak.services.shared_folder import SUBFOLDER
from stressbreak.ui import data_dialogs
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app

WAIT_MS = 5000  # the folder watcher answers within milliseconds; this only bounds a failure


def _app(tmp_path: Path, name: str, shared: Path | None, told: list[str]) -> Harness:
    data = tmp_path / name
    data.mkdir()
    settings = {"native_notifications": False, "computer_name": name}
    if shared is not None:
        settings["shared_folder"] = str(shared)
    (data / "settings.json").write_text(json.dumps(settings))
    return make_app(data, FakeClock(TUESDAY_10), told, tell_problems=False)


def _sync(app: Harness) -> Sync:
    sync = app.controller.sync
    assert sync is not None
    return sync


def _pause(minutes: float) -> PauseRecord:
    start = TUESDAY_10 + timedelta(minutes=minutes)
    return PauseRecord(start, start + timedelta(minutes=1), PauseOutcome.COMPLETED)


@pytest.fixture
def two(qtbot, tmp_path: Path) -> Iterator[tuple[Harness, Harness, Path]]:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    a, b = _app(tmp_path, "laptop", shared, told), _app(tmp_path, "desk", shared, told)
    a.start()
    b.start()
    for app in (a, b):
        _sync(app).sync_now()  # the first round, which the loop runs right after start
    yield a, b, shared
    a.stop()
    b.stop()
    assert told == []


def test_a_record_made_in_one_app_arrives_in_the_other(qtbot, two) -> None:
    a, b, _shared = two
    pause = _pause(5)
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS) as arrived:
        a.controller.records.add(pause)
    stamped = replace(pause, computer=_sync(a).computer_id)
    assert arrived.args == [[stamped]]
    assert stamped in b.journal.all_records()
    assert a.journal.all_records() == [stamped]  # made here while sharing: it says where


def test_the_others_records_leave_this_computer_s_months_caught_up(qtbot, two) -> None:
    # Their records change the local month file, not this computer's records in it: what a
    # restart must write again is unchanged (after joining 10 years, every month: seconds).
    a, b, _shared = two
    b.controller.records.add(_pause(1))
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
        a.controller.records.add(_pause(5))
    kept = json.loads((b.journal.folder / STATE_FILE).read_bytes())["months"]
    month = f"{TUESDAY_10.year:04d}-{TUESDAY_10.month:02d}"
    assert kept[month] == b.journal.month_files()[(TUESDAY_10.year, TUESDAY_10.month)]


def test_a_pause_taken_in_one_app_arrives_in_the_other(qtbot, two) -> None:
    a, b, _shared = two
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS) as arrived:
        a.pauses.start()
        qtbot.waitUntil(lambda: a.pauses.window is None or not a.pauses.window.isVisible(),
                        timeout=WAIT_MS)
        a.pauses.end_early()
    kinds = {type(record) for record in arrived.args[0]}
    assert kinds == {PauseRecord}
    assert [r.id for r in b.journal.all_records()] == [r.id for r in a.journal.all_records()]


def test_delete_all_in_one_app_empties_the_other_s_views(qtbot, two, monkeypatch) -> None:
    a, b, shared = two
    mine_in_b = CheckIn(TUESDAY_10 - timedelta(days=35), CheckInOrigin.MANUAL, tension=6)
    b.controller.records.add(mine_in_b)
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
        a.controller.records.add(_pause(1))
    qtbot.waitUntil(lambda: len(a.journal.all_records()) == 2, timeout=WAIT_MS)
    b.data.open_overview()
    overview = b.data.overview
    assert overview is not None
    assert overview.view is not None
    assert overview.view.summary.days[1].pauses[PauseOutcome.COMPLETED] == 1

    a.data.open_overview()
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    a.clock.advance(timedelta(minutes=10))
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS) as arrived:
        assert a.data.overview is not None
        a.data.overview.delete_action.trigger()
    assert [type(record) for record in arrived.args[0]] == [Deletion]
    for app in (a, b):
        assert entries(app.journal.all_records()) == []
    assert overview.view.summary.days[1].pauses[PauseOutcome.COMPLETED] == 0
    # B's own segments went too (its journal had its stress meter of five weeks ago).
    names = [parse_shared_name(p.name) for p in (shared / SUBFOLDER).iterdir()]
    journals = [n for n in names if n is not None and n.kind == "journal"]
    assert [(n.cid, n.month) for n in journals] == [(_sync(a).computer_id, 11)]
    # What is made after the deletion is kept, and shared as before.
    later = _pause(20)
    with qtbot.waitSignal(_sync(a).records_arrived, timeout=WAIT_MS) as arrived:
        b.controller.records.add(later)
    assert [record.id for record in arrived.args[0]] == [later.id]
    assert later.id in {record.id for record in entries(a.journal.all_records())}


def test_records_made_on_both_sides_end_up_once_in_both(qtbot, two) -> None:
    a, b, _shared = two
    mine: list[Record] = [_pause(n) for n in range(0, 30, 10)]
    theirs: list[Record] = [_pause(n) for n in range(5, 35, 10)]
    for record in mine:
        a.controller.records.add(record)
    for record in theirs:
        b.controller.records.add(record)
    for app in (a, b):
        _sync(app).sync_now()
    assert [r.id for r in a.journal.all_records()] == [r.id for r in b.journal.all_records()]
    assert len(a.journal.all_records()) == 6


def test_a_half_written_file_waits_until_it_is_whole(qtbot, two) -> None:
    _a, b, shared = two
    elsewhere = "00112233aabbccdd"
    record = replace(_pause(3), computer=elsewhere)
    whole = json.dumps({"format": 1, "computer": elsewhere,
                        "records": [record.to_dict()]}).encode("utf-8")
    path = shared / SUBFOLDER / segment_name(elsewhere, 2026, 11)
    path.write_bytes(whole[:40])  # a tool writing in place, not done yet
    qtbot.waitUntil(lambda: _sync(b).waiting() == [path] and not _sync(b).pending,
                    timeout=WAIT_MS)
    assert record not in b.journal.all_records()
    assert path.read_bytes() == whole[:40]
    # The rest arrives, in place: only the file's own watch can tell.
    with (qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS) as arrived,
          path.open("ab") as handle):
        handle.write(whole[40:])
    assert arrived.args == [[record]]


def test_a_missing_folder_is_said_and_the_app_goes_on(qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    told: list[str] = []
    app = _app(tmp_path, "laptop", shared, told)
    app.start()
    try:
        sync = _sync(app)
        sync.sync_now()
        assert not sync.available
        assert "not there" in (sync.problem or "")
        app.controller.records.add(_pause(1))  # saved locally all the same
        assert len(app.journal.all_records()) == 1
        shared.mkdir()  # mounted again: the watch on its parent tells
        qtbot.waitUntil(lambda: sync.available, timeout=WAIT_MS)
        # The month written while it was away is caught up.
        qtbot.waitUntil((shared / SUBFOLDER / segment_name(
            sync.computer_id, 2026, 11)).exists, timeout=WAIT_MS)
    finally:
        app.stop()
    assert told == []


def test_turning_sharing_on_writes_every_month_once_and_off_keeps_everything(
        qtbot, tmp_path: Path) -> None:
    told: list[str] = []
    app = _app(tmp_path, "laptop", None, told)
    app.start()
    try:
        old = [_pause(-60 * 24 * 70), _pause(-60 * 24 * 40), _pause(0)]
        for record in old:
            app.controller.records.add(record)
        assert app.controller.sync is None
        shared = tmp_path / "Sync"
        shared.mkdir()
        app.settings.apply(replace(app.settings.current, shared_folder=str(shared)))
        sync = _sync(app)
        sync.sync_now()
        cid = sync.computer_id
        segments = sorted(p.name for p in (shared / SUBFOLDER).glob("journal-*"))
        assert segments == [segment_name(cid, 2026, m) for m in (9, 10, 11)]
        inodes = {p.name: p.stat().st_ino for p in (shared / SUBFOLDER).glob("journal-*")}
        sync.sync_now()
        assert inodes == {p.name: p.stat().st_ino for p in (shared / SUBFOLDER).glob("journal-*")}
        app.settings.apply(replace(app.settings.current, shared_folder=""))
        assert app.controller.sync is None
        app.controller.records.add(_pause(30))
        assert len(app.journal.all_records()) == 4  # everything stays here
        assert sorted(p.name for p in (shared / SUBFOLDER).glob("journal-*")) == segments
    finally:
        app.stop()
    assert told == []


def test_a_folder_that_cannot_be_shared_is_told_and_nothing_is_written(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    told: list[str] = []
    app = _app(tmp_path, "laptop", None, told)
    app.start()
    try:
        data = tmp_path / "laptop"
        told_now: list[str] = []
        monkeypatch.setattr(app.controller.notices, "tell", told_now.append)
        app.settings.apply(replace(app.settings.current, shared_folder=str(data)))
        assert app.controller.sync is None
        assert any("own data folder" in text for text in told_now)
        assert not (data / SUBFOLDER).exists()
        assert app.settings.current.shared_folder == str(data)  # kept as the user wrote it
    finally:
        app.stop()


def test_other_computers_activity_is_shared(qtbot, two) -> None:
    a, b, _shared = two
    span = ActiveSpan("", TUESDAY_10 - timedelta(minutes=3), None)
    a.controller.on_activity(span)
    elsewhere = b.controller.active_elsewhere()
    assert elsewhere == [ActiveSpan(_sync(a).computer_id, span.start, None)]
    assert _sync(b).computers()[_sync(a).computer_id].name == "laptop"
    assert _sync(a).computers()[_sync(b).computer_id].name == "desk"
    assert a.controller.active_elsewhere() == []  # the desk told no activity yet


def test_an_import_is_shared_too(qtbot, two, tmp_path: Path) -> None:
    from stressbreak.core.export import ExportFormat, export_bytes

    a, b, _shared = two
    old = _pause(-60 * 24 * 50)  # in September: a month A's journal had not yet
    export = tmp_path / "export.json"
    export.write_bytes(export_bytes([old], ExportFormat.JSON, exported_at=TUESDAY_10,
                                    app_version="test"))
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS) as arrived:
        assert a.data.import_path(export)[0]
    assert [record.id for record in arrived.args[0]] == [old.id]


def test_a_folder_whose_parent_is_missing_too_is_noticed_when_it_comes(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "media" / "usb" / "Sync"
    told: list[str] = []
    app = _app(tmp_path, "laptop", shared, told)
    app.start()
    try:
        sync = _sync(app)
        sync.sync_now()
        assert not sync.available
        (tmp_path / "media").mkdir()
        qtbot.waitUntil(lambda: not sync.pending, timeout=WAIT_MS)
        (tmp_path / "media" / "usb").mkdir()
        qtbot.waitUntil(lambda: not sync.pending, timeout=WAIT_MS)
        shared.mkdir()
        qtbot.waitUntil(lambda: sync.available, timeout=WAIT_MS)
    finally:
        app.stop()
    assert told == []



def test_deleted_records_stay_deleted_after_the_folder_is_switched_away_and_back(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    a, b = _app(tmp_path, "laptop", shared, told), _app(tmp_path, "desk", shared, told)
    a.start()
    b.start()
    try:
        for app in (a, b):
            _sync(app).sync_now()
        old = CheckIn(TUESDAY_10 - timedelta(days=35), CheckInOrigin.MANUAL, tension=6)
        b.controller.records.add(old)
        _sync(a).sync_now()
        assert old.id in {r.id for r in a.journal.all_records()}
        b.stop()  # the desk is off: its segment still holds the old stress meter
        a.data.open_overview()
        monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
        a.clock.advance(timedelta(minutes=10))
        assert a.data.overview is not None
        a.data.overview.delete_action.trigger()
        assert entries(a.journal.all_records()) == []
        # A mistyped folder, then the right one again: the state file starts afresh.
        a.settings.apply(replace(a.settings.current, shared_folder=str(tmp_path / "Synk")))
        a.settings.apply(replace(a.settings.current, shared_folder=str(shared)))
        _sync(a).sync_now()
        assert entries(a.journal.all_records()) == []
    finally:
        a.stop()


def test_a_damaged_local_month_comes_back_from_the_own_segment(qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    a = _app(tmp_path, "laptop", shared, told)
    a.start()
    _sync(a).sync_now()
    olds = [CheckIn(TUESDAY_10 - timedelta(days=35, minutes=n), CheckInOrigin.MANUAL,
                    tension=6) for n in range(3)]
    for record in olds:
        a.controller.records.add(record)
    segment = shared / SUBFOLDER / segment_name(_sync(a).computer_id, 2026, 10)
    a.stop()
    local = tmp_path / "laptop" / "journal-2026-10.json"
    local.write_bytes(local.read_bytes()[:30])  # a disk error: the month cannot be read
    again = make_app(tmp_path / "laptop", FakeClock(TUESDAY_10), told)
    again.start()
    try:
        _sync(again).sync_now()
        assert sorted(r.id for r in again.journal.all_records()) == sorted(r.id for r in olds)
        assert len(json.loads(segment.read_bytes())["records"]) == 3
        assert any("brought back 3 entries" in text for text in again.controller.notices.told)
    finally:
        again.stop()


def test_records_made_while_the_drive_was_unmounted_reach_it_once_it_is_back(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"  # a mount point
    shared.mkdir()
    told: list[str] = []
    a = _app(tmp_path, "laptop", shared, told)
    a.start()
    _sync(a).sync_now()
    a.controller.records.add(_pause(1))
    cid = _sync(a).computer_id
    drive = tmp_path / "drive"
    shutil.move(shared / SUBFOLDER, drive)  # unmounted: the empty mount point stays
    late = _pause(2)
    a.controller.records.add(late)
    _sync(a).sync_now()
    assert not (shared / SUBFOLDER).exists()  # not made on the mount point
    assert not _sync(a).available
    assert "not there" in (_sync(a).problem or "")
    a.stop()
    shutil.move(drive, shared / SUBFOLDER)  # mounted again
    again = make_app(tmp_path / "laptop", FakeClock(TUESDAY_10), told)
    again.start()
    try:
        _sync(again).sync_now()
        segment = json.loads((shared / SUBFOLDER / segment_name(cid, 2026, 11)).read_bytes())
        assert late.id in [record["id"] for record in segment["records"]]
    finally:
        again.stop()


def test_an_own_segment_put_back_by_the_sync_tool_is_written_again(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    a = _app(tmp_path, "laptop", shared, told)
    a.start()
    _sync(a).sync_now()
    a.controller.records.add(_pause(1))
    path = shared / SUBFOLDER / segment_name(_sync(a).computer_id, 2026, 11)
    older = path.read_bytes()
    a.controller.records.add(_pause(2))
    a.stop()
    path.write_bytes(older)  # an older version, as a sync tool may bring back
    again = make_app(tmp_path / "laptop", FakeClock(TUESDAY_10), told)
    again.start()
    try:
        _sync(again).sync_now()
        assert len(json.loads(path.read_bytes())["records"]) == 2
    finally:
        again.stop()


def test_a_deletion_from_a_clock_ahead_keeps_what_is_made_afterwards(
        qtbot, two, monkeypatch) -> None:
    a, b, _shared = two
    b.clock.advance(timedelta(days=1))  # the desk's clock is a day ahead
    b.data.open_overview()
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    assert b.data.overview is not None
    with qtbot.waitSignal(_sync(a).records_arrived, timeout=WAIT_MS):
        b.data.overview.delete_action.trigger()
    assert any("clock was ahead" in text for text in a.controller.notices.told)
    b.clock.advance(timedelta(days=-1))  # its clock is put right
    new = _pause(30)
    with qtbot.waitSignal(_sync(a).records_arrived, timeout=WAIT_MS):
        b.controller.records.add(new)
    assert new.id in {record.id for record in a.journal.all_records()}


def test_a_data_folder_copied_onto_a_second_computer_gets_an_id_of_its_own(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    apps = []
    for name in ("old", "new"):
        data = tmp_path / name
        data.mkdir()
        (data / "settings.json").write_text(json.dumps(
            {"native_notifications": False, "shared_folder": str(shared)}))
        (data / "computer.json").write_text('{"id": "00112233aabbccdd"}')  # from a backup
        apps.append(make_app(data, FakeClock(TUESDAY_10), told))
    a, b = apps
    a.start()
    b.start()
    try:
        for app in apps:
            _sync(app).sync_now()
        pa, pb = _pause(1), _pause(2)
        a.controller.records.add(pa)
        b.controller.records.add(pb)
        for _round in range(2):
            for app in apps:
                _sync(app).sync_now()
        for app in apps:
            assert {pa.id, pb.id} <= {record.id for record in app.journal.all_records()}
        assert _sync(a).computer_id != _sync(b).computer_id
        renewed = [app for app in apps if _sync(app).computer_id != "00112233aabbccdd"]
        assert len(renewed) == 1
        assert sum("as if it were this one" in text
                   for text in renewed[0].controller.notices.told) == 1
        folder = "old" if renewed[0] is a else "new"
        kept = json.loads((tmp_path / folder / "computer.json").read_text())
        assert kept == {"id": _sync(renewed[0]).computer_id, "former": ["00112233aabbccdd"]}
        # What each makes from now on reaches the other.
        later = _pause(3)
        a.controller.records.add(later)
        _sync(b).sync_now()
        assert later.id in {record.id for record in b.journal.all_records()}
    finally:
        a.stop()
        b.stop()
    assert told == []


def test_a_deletion_dated_at_the_calendar_s_edge_is_skipped(qtbot, two) -> None:
    a, _b, shared = two
    elsewhere = "00112233aabbccdd"
    edges = [{"kind": "deleted", "v": 2, "id": f"edge{year}", "at": moment, "before": moment}
             for year, moment in ((y, f"{y:04d}-01-01T00:00:00+00:00") for y in (1, 9999))]
    pause = replace(_pause(3), computer=elsewhere)
    (shared / SUBFOLDER / segment_name(elsewhere, 2026, 11)).write_text(json.dumps(
        {"format": 1, "computer": elsewhere, "records": [*edges, pause.to_dict()]}))
    _sync(a).sync_now()
    assert [record.id for record in a.journal.all_records()] == [pause.id]


def test_the_log_says_why_the_folder_could_not_be_written_but_not_where(
        qtbot, tmp_path: Path, caplog) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    a = _app(tmp_path, "laptop", shared, told)
    a.start()
    try:
        _sync(a).sync_now()
        shutil.rmtree(shared / SUBFOLDER)
        with caplog.at_level("INFO", logger="stressbreak.app.sync"):
            a.controller.records.add(_pause(1))
        said = [record.getMessage() for record in caplog.records
                if record.name == "stressbreak.app.sync"]
        assert said
        assert not any(str(tmp_path) in text for text in said)
    finally:
        a.stop()


def test_an_import_older_than_a_delete_all_says_it_stays_here(
        qtbot, two, tmp_path: Path, monkeypatch) -> None:
    from stressbreak.core.export import ExportFormat, export_bytes

    a, b, _shared = two
    old, recent = _pause(-60 * 24 * 50), _pause(30)
    export = tmp_path / "export.json"
    export.write_bytes(export_bytes([old, recent], ExportFormat.JSON, exported_at=TUESDAY_10,
                                    app_version="test"))
    a.data.open_overview()
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    a.clock.advance(timedelta(minutes=10))
    assert a.data.overview is not None
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
        a.data.overview.delete_action.trigger()
    imported, text = a.data.import_path(export)
    assert imported
    assert ("1 of these entries is older than when all data was deleted on 2026-11-24; "
            "it stays on this computer only.") in text
    # That is how it is: here it stays, the other computer has only the newer one.
    _sync(a).sync_now()
    _sync(b).sync_now()
    assert old.id in {record.id for record in a.journal.all_records()}
    assert {record.id for record in entries(b.journal.all_records())} == {recent.id}


def test_this_computers_data_folder_put_back_from_a_backup_keeps_its_id(
        qtbot, tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    laptop = tmp_path / "laptop"
    a = _app(tmp_path, "laptop", shared, told)
    a.start()
    _sync(a).sync_now()
    a.controller.records.add(_pause(1))
    cid = _sync(a).computer_id
    a.stop()
    shutil.copytree(laptop, tmp_path / "backup")  # last night's backup
    a = make_app(laptop, FakeClock(TUESDAY_10), told)
    a.start()
    _sync(a).sync_now()
    later = _pause(2)
    a.controller.records.add(later)
    a.stop()
    shutil.rmtree(laptop)
    shutil.copytree(tmp_path / "backup", laptop)  # put back
    again = make_app(laptop, FakeClock(TUESDAY_10), told)
    again.start()
    try:
        _sync(again).sync_now()
        _sync(again).sync_now()
        # The pause made after the backup comes back from the folder; the id stays.
        assert later.id in {record.id for record in again.journal.all_records()}
        assert _sync(again).computer_id == cid
        assert _sync(again).computers() == {}
        monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
        again.clock.advance(timedelta(hours=1))
        again.data.open_overview()
        assert again.data.overview is not None
        again.data.overview.delete_action.trigger()
        _sync(again).sync_now()
        # Delete all leaves no segment with the deleted pauses in the folder.
        for path in (shared / SUBFOLDER).glob("journal-*.json"):
            kinds = {r["kind"] for r in json.loads(path.read_text())["records"]}
            assert kinds <= {"deleted"}, path.name
        said = again.controller.notices.told
        assert any("brought back" in str(text) for text in said), said
        assert not any("as if it were this one" in str(text) for text in said)
    finally:
        again.stop()


def test_a_clock_set_back_for_a_while_lets_nothing_deleted_come_back(
        qtbot, two, tmp_path: Path, monkeypatch) -> None:
    a, b, shared = two
    a.clock.advance(timedelta(hours=1))
    b.clock.advance(timedelta(hours=1))
    monkeypatch.setattr(data_dialogs, "confirm_delete_all", lambda parent: True)
    a.data.open_overview()
    assert a.data.overview is not None
    with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
        a.data.overview.delete_action.trigger()
    b.stop()
    desk = make_app(tmp_path / "desk", FakeClock(TUESDAY_10 - timedelta(days=1)), [])
    desk.start()  # its clock a day behind
    try:
        _sync(desk).sync_now()
        desk.clock.advance(timedelta(days=1, hours=1))  # put right, the app still running
        offline = "ffffeeeeddddcccc"
        old = replace(_pause(30), computer=offline)  # made before the deletion, offline
        (shared / SUBFOLDER / segment_name(offline, 2026, 11)).write_text(json.dumps(
            {"format": 1, "computer": offline, "records": [old.to_dict()]}))
        _sync(desk).sync_now()
        assert old.id not in {record.id for record in desk.journal.all_records()}
    finally:
        desk.stop()


def test_a_stressbreak_folder_removed_by_hand_waits_until_the_folder_is_chosen_again(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    shared.mkdir()
    app = _app(tmp_path, "laptop", shared, [])
    app.start()
    _sync(app).sync_now()
    app.stop()
    shutil.rmtree(shared / SUBFOLDER)  # the user emptied the folder
    again = make_app(tmp_path / "laptop", FakeClock(TUESDAY_10), [])
    again.start()
    try:
        # Taken for a drive that is not mounted: nothing is made on what may be a mount point.
        assert not _sync(again).available
        assert not (shared / SUBFOLDER).exists()
        assert "choose the shared folder again" in str(_sync(again).problem)
        again.settings.apply(replace(again.settings.current, shared_folder=""))
        again.settings.apply(replace(again.settings.current, shared_folder=str(shared)))
        assert _sync(again).available  # chosen again: the user's answer
        assert (shared / SUBFOLDER).is_dir()
    finally:
        again.stop()
