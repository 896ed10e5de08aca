"""`stressbreak export` says which computer each record came from (issue 18): it reads the
names from the shared folder the settings name (the computers' own files, a newer conflict
copy too) and this computer's from its settings, only reading, beside a running app."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stressbreak.cli import main
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from stressbreak.services.journal import Journal

LAPTOP, DESK, OFFICE = "0123456789abcdef", "fedcba9876543210", "00000000000000aa"
AT = datetime(2026, 11, 3, 9, tzinfo=UTC)


def _pause(minute: int, computer: str | None) -> PauseRecord:
    start = AT.replace(minute=minute)
    return PauseRecord(start, start.replace(second=59), PauseOutcome.COMPLETED,
                       id=f"p{minute}", computer=computer)


@pytest.fixture
def laptop(tmp_path: Path) -> tuple[Path, Path]:
    """This computer's data folder (its journal, its id, its settings) and the shared folder,
    with the desk's computer file and a newer conflict copy of it."""
    data, shared = tmp_path / "data", tmp_path / "Sync"
    data.mkdir()
    (shared / "StressBreak").mkdir(parents=True)
    journal = Journal(data, lambda problem: None)
    journal.start()
    for record in (_pause(1, None), _pause(2, LAPTOP), _pause(3, DESK),
                   CheckIn(AT.replace(minute=4), CheckInOrigin.MANUAL, id="c4",
                           computer=OFFICE)):
        journal.append(record)
    journal.stop()
    (data / "computer.json").write_text(json.dumps({"id": LAPTOP}))
    (data / "settings.json").write_text(json.dumps(
        {"shared_folder": str(shared), "computer_name": "Laptop"}))
    desk = shared / "StressBreak" / f"computer-{DESK}.json"
    desk.write_text(json.dumps({"format": 1, "id": DESK, "name": "Desk", "active": []}))
    os.utime(desk, (1_000_000_000, 1_000_000_000))
    (shared / "StressBreak" / f"computer-{DESK}.sync-conflict-20261203-101500-ABCDEFG.json"
     ).write_text(json.dumps({"format": 1, "id": DESK, "name": "Desk at home", "active": []}))
    (shared / "StressBreak" / f".syncthing.computer-{OFFICE}.json.tmp").write_text('{"na')
    return data, shared


def _listing(*folders: Path) -> dict[str, int]:
    return {str(path): path.stat().st_mtime_ns for folder in folders
            for path in sorted(folder.rglob("*"))}


def _export(capsysbinary, data: Path, fmt: str) -> str:
    assert main(["--data-dir", str(data), "export", "--format", fmt]) == 0
    return capsysbinary.readouterr().out.decode("utf-8-sig")


def test_csv_names_each_record_s_computer_and_nothing_is_written(
        capsysbinary, laptop: tuple[Path, Path]) -> None:
    data, shared = laptop
    before = _listing(data, shared)
    rows = list(csv.DictReader(io.StringIO(_export(capsysbinary, data, "csv"))))
    assert [(row["id"], row["computer"]) for row in rows] == [
        ("p1", ""), ("p2", "Laptop"), ("p3", "Desk at home"), ("c4", OFFICE)]
    assert _listing(data, shared) == before


def test_json_keeps_the_ids_and_maps_them_to_names(capsysbinary, laptop) -> None:
    data, _shared = laptop
    document = json.loads(_export(capsysbinary, data, "json"))
    assert document["computers"] == {DESK: "Desk at home", LAPTOP: "Laptop"}
    assert [raw.get("computer") for raw in document["records"]] == [None, LAPTOP, DESK, OFFICE]


def test_with_the_shared_folder_away_this_computer_is_still_named(capsysbinary, laptop,
                                                                    tmp_path: Path) -> None:
    data, shared = laptop
    shared.rename(tmp_path / "unmounted")
    rows = list(csv.DictReader(io.StringIO(_export(capsysbinary, data, "csv"))))
    assert [row["computer"] for row in rows] == ["", "Laptop", DESK, OFFICE]
    assert not shared.exists()  # never made: its absence means "not mounted"

