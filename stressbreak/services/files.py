"""Private, atomic file writes: a reader sees the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(PRIVATE_DIR)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`, fsync the folder.

    A kill at any instant leaves either the complete old file or the complete new one.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            if hasattr(os, "fchmod"):  # mkstemp already uses 0600; keep it so on odd umasks
                os.fchmod(tmp.fileno(), PRIVATE_FILE)
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        Path(tmp_name).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Not every platform can open a folder; there it is skipped."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def move_aside(path: Path, stamp: str) -> Path:
    """Rename a damaged file to `<name>.damaged-<stamp>[-N]`, never replacing anything."""
    for n in range(1000):
        suffix = f".damaged-{stamp}" + (f"-{n}" if n else "")
        target = path.with_name(path.name + suffix)
        if not target.exists():
            path.rename(target)
            return target
    raise OSError(f"too many damaged copies of {path.name}")
