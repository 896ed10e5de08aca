"""One StressBreak per data folder: an OS file lock, released by the kernel when a process
dies (so a crash never leaves a stale lock). Holding it is also what makes the holder the
journal's only writer. Kept apart from the command channel so that taking the lock costs no
Qt import.
"""

from __future__ import annotations

import getpass
import sys
import zlib
from pathlib import Path
from typing import IO


def server_name(data_dir: Path) -> str:
    """A short, per-user, per-data-folder name (socket paths are limited to ~100 bytes).

    Two checksums rather than hashlib: importing hashlib loads OpenSSL's libcrypto, 3.4 MB of
    resident memory for the whole day, and a name needs no cryptographic strength.
    """
    path = str(data_dir.resolve()).encode()
    digest = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    return f"stressbreak-{getpass.getuser()}-{digest}"


class InstanceLock:
    """An exclusive lock on `<data_dir>/instance.lock`, held for the life of the process."""

    def __init__(self, data_dir: Path) -> None:
        self._path = data_dir / "instance.lock"
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True when this process is now the one StressBreak for this data folder."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        handle = self._path.open("a+b")
        try:
            _lock_file(handle)
        except OSError:
            handle.close()
            return False
        self._path.chmod(0o600)
        self._file = handle
        return True

    def held_elsewhere(self) -> bool:
        """Whether another process holds the lock (an app running or starting), found without
        keeping it: taken and given back at once, so a starting app loses at most one retry."""
        if not self._path.exists():
            return False
        try:
            with self._path.open("a+b") as handle:
                _lock_file(handle)
                _unlock_file(handle)
        except OSError:
            return True
        return False

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing drops the lock
            self._file = None


def _lock_file(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_file(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
