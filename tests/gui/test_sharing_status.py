"""`stressbreak status` on the shared folder (issue 18): the folder and whether it is in use
(or missing, or refused), this computer's name, the other computers seen there and when each
was last heard of, files still arriving; `--json` has the same as a `sharing` object, with no
record in it. Through real apps sharing one folder, on fake time."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from stressbreak.core.commands import Request
from stressbreak.core.model import PauseOutcome, PauseRecord
from stressbreak.core.sync import segment_name
from stressbreak.services.shared_folder import SUBFOLDER
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app


def _app(tmp_path: Path, name: str, shared: str | None, told: list[str]) -> Harness:
    data = tmp_path / name
    data.mkdir()
    settings: dict[str, object] = {"native_notifications": False, "computer_name": name}
    if shared is not None:
        settings["shared_folder"] = shared
    (data / "settings.json").write_text(json.dumps(settings))
    return make_app(data, FakeClock(TUESDAY_10), told, tell_problems=False)


def _status(app: Harness) -> tuple[str, dict[str, object]]:
    reply = app.commands.handle(Request("status", details=True))
    assert reply.ok and reply.data is not None
    sharing = reply.data["sharing"]
    assert isinstance(sharing, dict)
    return reply.message, sharing


@pytest.fixture
def two(qtbot, tmp_path: Path) -> Iterator[tuple[Harness, Harness, Path]]:
    shared = tmp_path / "Sync"
    shared.mkdir()
    told: list[str] = []
    laptop = _app(tmp_path, "laptop", str(shared), told)
    desk = _app(tmp_path, "desk", str(shared), told)
    for app in (laptop, desk):
        app.start()
    yield laptop, desk, shared
    for app in (laptop, desk):
        app.stop()


def test_without_a_shared_folder_status_says_the_journal_stays_here(qtbot, tmp_path) -> None:
    app = _app(tmp_path, "laptop", None, [])
    app.start()
    try:
        text, sharing = _status(app)
    finally:
        app.stop()
    assert "Shared folder: none. Your journal stays on this computer." in text
    assert sharing["folder"] is None
    assert sharing["state"] == "off"
    assert sharing["computers"] == []
    assert sharing["computer"] == {"id": None, "name": "laptop"}


def test_status_names_the_folder_this_computer_and_the_others_with_when_last_heard(
        qtbot, two) -> None:
    laptop, desk, shared = two
    start = TUESDAY_10 - timedelta(minutes=5)
    laptop.controller.records.add(PauseRecord(start, start + timedelta(minutes=1),
                                              PauseOutcome.COMPLETED, id="pause-1"))
    laptop.controller.sharing_status()  # the laptop writes its computer file in its round
    text, sharing = _status(desk)
    assert f"Shared folder: {shared}" in text
    assert "In use: this computer's journal is written there" in text
    assert "This computer: desk" in text
    assert "    laptop, last seen " in text
    assert sharing["folder"] == str(shared)
    assert sharing["state"] == "in_use"
    assert sharing["problem"] is None
    desk_sync, laptop_sync = desk.controller.sync, laptop.controller.sync
    assert desk_sync is not None and laptop_sync is not None
    assert sharing["computer"] == {"id": desk_sync.computer_id, "name": "desk"}
    (other,) = sharing["computers"]  # type: ignore[misc]
    assert other["id"] == laptop_sync.computer_id
    assert other["name"] == "laptop"
    assert other["last_heard"].startswith("20")
    assert sharing["waiting"] == []
    assert "pause-1" not in json.dumps(sharing)  # what is shared, never what it holds


def test_a_missing_folder_is_said_plainly_and_the_app_runs_on_its_own_copy(
        qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "media" / "Sync"
    app = _app(tmp_path, "laptop", str(shared), [])
    app.start()
    try:
        text, sharing = _status(app)
    finally:
        app.stop()
    assert f"Shared folder: {shared}" in text
    assert "Not in use now. The shared folder" in text
    assert "is not there (not mounted, or offline?)" in text
    assert "This computer: laptop" in text
    assert sharing["state"] == "missing"
    assert "not there" in str(sharing["problem"])


def test_a_folder_that_cannot_be_shared_is_named_with_why(qtbot, tmp_path: Path) -> None:
    own = tmp_path / "laptop"  # StressBreak's own data folder
    app = _app(tmp_path, "laptop", str(own), [])
    app.start()
    try:
        text, sharing = _status(app)
    finally:
        app.stop()
    assert "own data folder" in text
    assert sharing["state"] == "refused"
    assert not (own / SUBFOLDER).exists()


def test_files_still_arriving_are_counted_by_name(qtbot, two) -> None:
    _laptop, desk, shared = two
    half = shared / SUBFOLDER / segment_name("0123456789abcdef", 2026, 11)
    half.write_text('{"format": 1, "computer": "0123456789abcdef", "rec')
    os.utime(half)
    text, sharing = _status(desk)
    assert sharing["waiting"] == [half.name]
    assert "1 file still arriving: it is read once it is whole" in text


def test_the_app_s_export_names_the_computer_each_record_came_from(qtbot, two,
                                                                   tmp_path: Path) -> None:
    from stressbreak.ui.data_dialogs import ExportChoice

    laptop, desk, _shared = two
    start = TUESDAY_10 - timedelta(minutes=5)
    laptop.controller.records.add(PauseRecord(start, start + timedelta(minutes=1),
                                              PauseOutcome.COMPLETED, id="from-laptop"))
    desk.controller.records.add(PauseRecord(start, start + timedelta(minutes=2),
                                            PauseOutcome.COMPLETED, id="from-desk"))
    desk_sync = desk.controller.sync
    assert desk_sync is not None
    qtbot.waitUntil(lambda: len(desk.journal.all_records()) == 2, timeout=5000)
    desk.data.open_overview()
    window = desk.data.overview
    assert window is not None
    csv_file, json_file = tmp_path / "export.csv", tmp_path / "export.json"
    desk.data.export(window, ExportChoice("csv", None, None, csv_file))
    desk.data.export(window, ExportChoice("json", None, None, json_file))
    rows = csv_file.read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    by_id = {row.split(",")[1]: row.split(",")[header.index("computer")] for row in rows[1:]}
    assert by_id == {"from-laptop": "laptop", "from-desk": "desk"}
    document = json.loads(json_file.read_text(encoding="utf-8"))
    laptop_sync = laptop.controller.sync
    assert laptop_sync is not None
    assert document["computers"] == {laptop_sync.computer_id: "laptop",
                                     desk_sync.computer_id: "desk"}
