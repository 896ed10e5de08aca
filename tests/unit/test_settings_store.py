"""A damaged settings file (issue 14, case 6): every key that can be read is used, and Save
keeps the user's own file aside, byte for byte, before it writes over it."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from datetime import datetime, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stressbreak.core.settings import Settings, settings_to_dict
from stressbreak.services import settings_store
from stressbreak.services.settings_store import SettingsStore
from tests.fakes import TUESDAY_10, FakeClock

CUSTOM = Settings(interval_min=45, work_days=(0, 2, 4), work_start=time(8, 15),
                  snooze_min=10, breathing_pattern="box", language="nl",
                  native_notifications=False)
FILE = (json.dumps(settings_to_dict(CUSTOM), indent=2) + "\n").encode()  # as Save writes it
CHOSEN = Settings(interval_min=90, sound_cues=True)  # what the settings window then saves
ASIDE = "settings.json.damaged-20261124T100000"  # TUESDAY_10, as the journal names its copies


def _store(path: Path, told: list[str]) -> SettingsStore:
    return SettingsStore(path, told.append, clock=FakeClock(TUESDAY_10))


def _line_of(data: bytes, word: bytes) -> int:
    return data[:data.index(word)].count(b"\n") + 1


# --- load: every key that can be read ---------------------------------------------------------


def test_one_bad_byte_in_one_value_keeps_every_other_setting(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(FILE.replace(b'"interval_min": 45', b'"interval_min": 4\x005'))
    told: list[str] = []
    assert _store(path, told).load() == Settings(**{**CUSTOM.__dict__, "interval_min": 60})
    assert len(told) == 2
    assert "not valid JSON (line 3" in told[0]
    assert "'interval_min': could not be read (line 3); the default 60 is used" in told[1]


def test_invalid_utf8_in_one_value_keeps_every_other_setting(tmp_path: Path):
    path = tmp_path / "settings.json"
    data = FILE.replace(b'"box"', b'"b\xffx"')
    path.write_bytes(data)
    told: list[str] = []
    assert _store(path, told).load() == Settings(**{**CUSTOM.__dict__,
                                                    "breathing_pattern": "coherent"})
    line = _line_of(data, b"breathing_pattern")
    assert len(told) == 2
    assert f"not UTF-8 text (the first on line {line})" in told[0]
    assert "'breathing_pattern': unknown pattern" in told[1]


def test_a_missing_comma_loses_no_setting(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(FILE.replace(b'"language": "nl",', b'"language": "nl"'))
    told: list[str] = []
    assert _store(path, told).load() == CUSTOM
    assert len(told) == 1 and "not valid JSON" in told[0]
    assert "the settings that could still be read are used" in told[0]


def test_a_truncated_file_keeps_the_settings_before_the_cut(tmp_path: Path):
    path = tmp_path / "settings.json"
    cut = FILE[:FILE.index(b'"checkin_times"') + 5]
    path.write_bytes(cut)
    told: list[str] = []
    settings = _store(path, told).load()
    assert (settings.interval_min, settings.work_days, settings.work_start) == (
        45, (0, 2, 4), time(8, 15))
    assert settings.snooze_min == 5  # after the cut: the default
    assert len(told) == 2
    assert f"line {_line_of(FILE, b'checkin_times')} could not be read and is left out" in told[1]


def test_a_value_nested_too_deeply_is_lost_and_the_rest_kept(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(FILE.replace(b'"language": "nl"', b'"language": ' + b"[" * 5000))
    told: list[str] = []
    settings = _store(path, told).load()
    assert (settings.interval_min, settings.language, settings.snooze_min) == (45, "system", 10)
    assert "nested too deeply in places" in told[0]
    assert "'language': could not be read" in told[1]


def test_a_file_with_nothing_readable_gives_the_defaults_in_one_message(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(bytes(range(256)))
    told: list[str] = []
    assert _store(path, told).load() == Settings()
    assert len(told) == 1 and "could not be read" in told[0] and "all defaults" in told[0]


# --- save: the user's file is kept aside first -------------------------------------------------

DAMAGED = {
    "not-json": FILE.replace(b'"interval_min": 45', b'"interval_min": 4\x005'),
    "not-utf8": FILE.replace(b'"box"', b'"b\xffx"'),
    "truncated": FILE[: len(FILE) // 2],
    "deep": b"[" * 100_000,
    "not-an-object": b'["interval_min", 45]',
    "refused-value": json.dumps({"interval_min": 1000, "snooze_min": 10}).encode(),
    "unknown-key": json.dumps({"intervall_min": 30}).encode(),
    "newer-version": json.dumps({"version": 99, "interval_min": 45, "hologram": True}).encode(),
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("damaged", DAMAGED.values(), ids=DAMAGED.keys())
def test_save_keeps_a_damaged_file_aside_byte_for_byte_and_tells_where(
    tmp_path: Path, damaged: bytes
):
    path = tmp_path / "settings.json"
    path.write_bytes(damaged)
    told: list[str] = []
    store = _store(path, told)
    store.load()
    assert path.read_bytes() == damaged  # loading leaves it as it is
    told.clear()
    store.save(CHOSEN)
    aside = tmp_path / ASIDE
    assert aside.read_bytes() == damaged
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600
    assert json.loads(path.read_bytes()) == settings_to_dict(CHOSEN)
    assert len(told) == 1
    assert str(aside) in told[0] and str(path) in told[0]
    assert "before your new settings were saved in its place" in told[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ASIDE, "settings.json"])


@pytest.mark.parametrize("before", [FILE, None, b"", b" \n"],
                         ids=["good", "missing", "empty", "white-space"])
def test_save_writes_over_a_good_file_without_a_copy(tmp_path: Path, before: bytes | None):
    path = tmp_path / "settings.json"
    if before is not None:
        path.write_bytes(before)
    told: list[str] = []
    store = _store(path, told)
    store.save(CHOSEN)
    assert json.loads(path.read_bytes()) == settings_to_dict(CHOSEN)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert told == []


def test_a_second_save_keeps_no_second_copy(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(DAMAGED["not-json"])
    told: list[str] = []
    store = _store(path, told)
    store.save(CHOSEN)
    store.save(Settings())
    assert json.loads(path.read_bytes()) == settings_to_dict(Settings())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ASIDE, "settings.json"])
    assert len(told) == 1


def test_a_file_damaged_by_hand_after_the_start_is_kept_too(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(FILE)
    told: list[str] = []
    store = _store(path, told)
    assert store.load() == CUSTOM
    store.save(CHOSEN)
    path.write_bytes(FILE + b"oops")  # edited by hand while StressBreak runs
    store.save(Settings())
    assert (tmp_path / ASIDE).read_bytes() == FILE + b"oops"
    assert len(told) == 1


def test_an_earlier_copy_is_never_written_over(tmp_path: Path):
    path = tmp_path / "settings.json"
    (tmp_path / ASIDE).write_bytes(b"an earlier copy")
    (tmp_path / f"{ASIDE}-2").write_bytes(b"and another")
    path.write_bytes(DAMAGED["not-json"])
    told: list[str] = []
    _store(path, told).save(CHOSEN)
    assert (tmp_path / ASIDE).read_bytes() == b"an earlier copy"
    assert (tmp_path / f"{ASIDE}-2").read_bytes() == b"and another"
    assert (tmp_path / f"{ASIDE}-3").read_bytes() == DAMAGED["not-json"]
    assert str(tmp_path / f"{ASIDE}-3") in told[0]


def test_without_hard_links_a_copy_is_still_kept_and_nothing_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "settings.json"
    (tmp_path / ASIDE).write_bytes(b"an earlier copy")
    path.write_bytes(DAMAGED["not-json"])
    _store(path, []).save(CHOSEN)
    assert (tmp_path / ASIDE).read_bytes() == b"an earlier copy"
    assert (tmp_path / f"{ASIDE}-2").read_bytes() == DAMAGED["not-json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [ASIDE, f"{ASIDE}-2", "settings.json"])  # no temp file left


def test_a_file_that_cannot_be_kept_is_not_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "settings.json"
    path.write_bytes(DAMAGED["not-json"])

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", disk_full)
    told: list[str] = []
    with pytest.raises(OSError, match="No space left"):
        _store(path, told).save(CHOSEN)
    assert path.read_bytes() == DAMAGED["not-json"]
    assert told == []


def test_a_file_that_cannot_be_read_is_not_written_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "settings.json"
    path.write_bytes(FILE)
    read_bytes = Path.read_bytes

    def refused(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(PermissionError):
        _store(path, []).save(CHOSEN)
    monkeypatch.undo()
    assert path.read_bytes() == FILE


def test_a_save_that_fails_after_the_copy_keeps_one_copy_and_tells_when_it_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "settings.json"
    path.write_bytes(DAMAGED["not-json"])
    told: list[str] = []
    store = _store(path, told)
    write_atomic = settings_store.write_atomic
    failures = [OSError(errno.ENOSPC, "No space left on device")]

    def fails_once(target: Path, data: bytes) -> os.stat_result:
        if failures:
            raise failures.pop()
        return write_atomic(target, data)

    monkeypatch.setattr(settings_store, "write_atomic", fails_once)
    with pytest.raises(OSError, match="No space left"):
        store.save(CHOSEN)
    assert path.read_bytes() == DAMAGED["not-json"]
    assert told == []
    store.save(CHOSEN)
    assert json.loads(path.read_bytes()) == settings_to_dict(CHOSEN)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([ASIDE, "settings.json"])
    assert len(told) == 1 and ASIDE in told[0]


def test_without_a_clock_the_copy_is_named_by_the_local_time(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_bytes(DAMAGED["binary"])
    before = datetime.now().astimezone().replace(microsecond=0)
    SettingsStore(path, lambda message: None).save(CHOSEN)
    [aside] = tmp_path.glob("settings.json.damaged-*")
    found = re.fullmatch(r"settings\.json\.damaged-(\d{8}T\d{6})", aside.name)
    assert found is not None
    named = datetime.strptime(found.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=before.tzinfo)
    assert before <= named <= datetime.now().astimezone()


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.sampled_from(list(DAMAGED.values())).flatmap(
    lambda damaged: st.integers(0, len(damaged)).map(lambda cut: damaged[:cut]))))
def test_save_keeps_a_copy_of_any_file_that_load_had_a_word_about(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(content)
        told: list[str] = []
        store = _store(path, told)
        store.load()
        problems = len(told)
        store.save(CHOSEN)
        copies = list(Path(folder).glob("settings.json.damaged-*"))
        assert json.loads(path.read_bytes()) == settings_to_dict(CHOSEN)
        if problems and content.strip():
            assert [copy.read_bytes() for copy in copies] == [content]
            assert len(told) == problems + 1
        else:
            assert copies == [] and len(told) == problems
