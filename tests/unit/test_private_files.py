"""Folders StressBreak makes are 0700 and its files 0600 whatever the umask; folders of the
user's own setup are left as they are (issue 14, case 5). The whole app under umask 000 is
tests/system/test_reliability_files.py."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stressbreak.core.prefs import Prefs
from stressbreak.services.autostart import XdgAutostart
from stressbreak.services.files import ensure_private_dir, move_aside
from stressbreak.services.prefs_store import PrefsStore
from stressbreak.services.settings_store import SettingsStore


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# 000 adds nothing to what is asked; 022 is the usual one; 277 takes the owner's write bit.
@pytest.fixture(params=[0o000, 0o022, 0o277], ids=["000", "022", "277"])
def umask(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[int]:
    # After tmp_path: pytest makes its own folders, and under 0277 it could not write in them.
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home as Debian makes it: 0755, nothing in it yet."""
    folder = tmp_path / "home"
    folder.mkdir()
    folder.chmod(0o755)
    return folder


def test_our_folder_and_every_parent_made_for_it_are_0700(umask: int, home: Path) -> None:
    data = home / ".local" / "share" / "stressbreak"
    ensure_private_dir(data)
    made = [home / ".local", home / ".local" / "share", data]
    assert {str(p): mode(p) for p in made} == {str(p): 0o700 for p in made}
    assert mode(home) == 0o755  # there before: the user's


def test_settings_under_an_open_umask_are_private_folders_included(
    umask: int, home: Path
) -> None:
    settings = home / ".config" / "stressbreak" / "settings.json"
    store = SettingsStore(settings, lambda problem: None)
    store.load()  # writes the defaults, for editing by hand
    assert (mode(home / ".config"), mode(settings.parent), mode(settings)) == (
        0o700, 0o700, 0o600)


def test_a_settings_folder_left_open_by_an_earlier_version_is_made_private_at_load(
    home: Path,
) -> None:
    config = home / ".config"
    (config / "stressbreak").mkdir(parents=True)
    config.chmod(0o755)
    (config / "stressbreak").chmod(0o755)
    settings = config / "stressbreak" / "settings.json"
    settings.write_text(json.dumps({"interval_min": 45}))
    before = settings.read_bytes()
    store = SettingsStore(settings, lambda problem: None)
    assert store.load().interval_min == 45
    assert mode(config / "stressbreak") == 0o700
    assert mode(config) == 0o755  # ~/.config is the user's
    assert settings.read_bytes() == before  # and the file is only read


def test_prefs_under_an_open_umask(umask: int, home: Path) -> None:
    prefs = home / "data" / "prefs.json"
    PrefsStore(prefs, lambda problem: None).save(Prefs().with_values(["kindness"]))
    assert (mode(prefs.parent), mode(prefs)) == (0o700, 0o600)


def test_the_autostart_entry_under_an_open_umask(umask: int, home: Path) -> None:
    config = home / ".config"
    config.mkdir()
    config.chmod(0o751)  # the user's: left as it is
    XdgAutostart(config).enable(["stressbreak"])
    entry = config / "autostart" / "stressbreak.desktop"
    assert (mode(config), mode(entry.parent), mode(entry)) == (0o751, 0o700, 0o600)


def test_a_copy_moved_aside_is_private_whatever_the_file_was(tmp_path: Path) -> None:
    damaged = tmp_path / "prefs.json"
    damaged.write_bytes(b"{not json")
    damaged.chmod(0o644)  # restored from a backup, say
    target = move_aside(damaged, datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    assert target.read_bytes() == b"{not json"
    assert mode(target) == 0o600
