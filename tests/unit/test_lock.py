"""One StressBreak per data folder, also when the folder cannot be written, does not exist, or
holds a folder named `instance.lock` (issue 14, case 3). Where the lock lives, and why: the
docstring of stressbreak/services/lock.py. flock locks belong to an open file, so two
InstanceLocks in one process shut each other out as two processes do; two processes are in
tests/system/test_reliability_instance.py."""

from __future__ import annotations

import fcntl
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stressbreak.services.lock import InstanceLock, server_name
from tests.folders import unwritable

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and folder locks")


@pytest.fixture(autouse=True)
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def locks() -> Iterator[list[InstanceLock]]:
    made: list[InstanceLock] = []
    yield made
    for lock in made:
        lock.release()


def lock_of(folder: Path, made: list[InstanceLock]) -> InstanceLock:
    lock = InstanceLock(folder)
    made.append(lock)
    return lock


def test_a_folder_named_instance_lock_is_told_and_the_folder_still_admits_one(
    tmp_path: Path, locks: list[InstanceLock]
) -> None:
    data = tmp_path / "data"
    (data / "instance.lock").mkdir(parents=True)
    first = lock_of(data, locks)
    assert first.acquire() is True  # was: IsADirectoryError
    assert len(first.problems) == 1
    assert str(data / "instance.lock") in first.problems[0]
    assert "Is a directory" in first.problems[0]
    assert lock_of(data, locks).held_elsewhere() is True
    assert lock_of(data, locks).acquire() is False
    first.release()
    assert lock_of(data, locks).acquire() is True


@pytest.mark.parametrize("with_file", [True, False], ids=["lock-file-there", "no-lock-file"])
def test_a_folder_that_cannot_be_written_still_admits_one(
    tmp_path: Path, locks: list[InstanceLock], with_file: bool
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    if with_file:
        (data / "instance.lock").touch(mode=0o600)
    with unwritable(data):
        first = lock_of(data, locks)
        assert first.acquire() is True
        assert first.problems == []  # the journal says why nothing is saved, not the lock
        assert lock_of(data, locks).held_elsewhere() is True
        assert lock_of(data, locks).acquire() is False
        first.release()


def test_a_data_folder_that_does_not_exist_is_guarded_in_the_runtime_folder(
    tmp_path: Path, locks: list[InstanceLock], runtime: Path
) -> None:
    data = tmp_path / "home" / ".local" / "share" / "stressbreak"
    first = lock_of(data, locks)
    assert first.acquire() is True
    assert not data.exists()  # the lock makes no folder
    assert [stat.S_IMODE(p.stat().st_mode) for p in runtime.iterdir()] == [0o600]
    assert lock_of(data, locks).held_elsewhere() is True
    assert lock_of(data, locks).acquire() is False
    # The folder can be made now: a later start, which locks the folder, still sees the first.
    data.mkdir(parents=True)
    later = lock_of(data, locks)
    assert later.held_elsewhere() is True
    assert later.acquire() is False
    first.release()
    assert later.acquire() is True


def _older_stressbreak_holds(data: Path) -> int:
    """What earlier versions did: flock on `instance.lock`, opened for appending."""
    fd = os.open(data / "instance.lock", os.O_RDWR | os.O_APPEND)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def test_an_older_stressbreak_that_holds_the_lock_file_keeps_this_one_out_read_only_too(
    tmp_path: Path, locks: list[InstanceLock]
) -> None:
    # An earlier version looks only at instance.lock (and cannot start in a read-only folder
    # at all); this one takes that file too, read-only where need be, so the two never both
    # write the journal.
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "instance.lock").touch(mode=0o644)
    older = _older_stressbreak_holds(data)  # it started before the folder turned read-only
    with unwritable(data):
        try:
            assert lock_of(data, locks).held_elsewhere() is True
            assert lock_of(data, locks).acquire() is False
        finally:
            os.close(older)
        assert lock_of(data, locks).acquire() is True


@pytest.mark.skipif(os.name != "posix", reason="folder owners and modes")
def test_a_lock_made_first_in_the_shared_temporary_folder_keeps_nobody_out(
    tmp_path: Path, locks: list[InstanceLock], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without a private runtime folder the last lock was <tmp>/<server name>.lock, a name
    # anyone can work out: another user who made it and held it kept StressBreak from
    # starting at all. Held here by this process, as that user's would.
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(shared))
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    planted = os.open(shared / f"{server_name(data)}.lock", os.O_RDWR | os.O_CREAT, 0o666)
    fcntl.flock(planted, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        assert lock_of(data, locks).held_elsewhere() is False
        assert lock_of(data, locks).acquire() is True
    finally:
        os.close(planted)


@pytest.mark.skipif(os.name != "posix", reason="folder owners and modes")
def test_without_a_private_runtime_folder_the_last_lock_is_in_a_private_folder_of_its_own(
    tmp_path: Path, locks: list[InstanceLock], monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))  # open to all: not used
    monkeypatch.setenv("TMPDIR", str(shared))
    data = tmp_path / "home" / ".local" / "share" / "stressbreak"  # missing: the last lock
    first = lock_of(data, locks)
    assert first.acquire() is True
    own = shared / f"stressbreak-{os.geteuid()}"
    assert [p.name for p in shared.iterdir()] == [own.name]
    assert stat.S_IMODE(own.lstat().st_mode) == 0o700
    assert [p.name for p in own.iterdir()] == [f"{server_name(data)}.lock"]
    assert lock_of(data, locks).acquire() is False
