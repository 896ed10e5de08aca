"""Private, atomic file writes: a reader sees the old file or the new one, never a mix."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from datetime import datetime
from pathlib import Path

PRIVATE_DIR = 0o700


def ensure_private_dir(folder: Path) -> None:
    # chmod after mkdir: mkdir's mode is masked by umask and ignored for an existing folder.
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(PRIVATE_DIR)


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`, fsync the folder.

    A kill at any instant leaves either the complete old file or the complete new one. The
    temp file is created 0600 by mkstemp, and the rename carries that mode over.

    Returns the new file's status as it was just before the rename (a rename keeps the inode,
    size and mtime): the identity of what this call wrote, which a stat of `path` made after
    the rename could not promise, as another writer may have replaced it by then.
    """
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp_path = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        tmp_path.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    # Without this the rename itself may still be lost on power failure.
    fsync_folder(path.parent)
    return written


def fsync_folder(folder: Path) -> None:
    """Make renames/creations in `folder` durable, where the platform can do that."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        # Windows cannot open a folder like this; NTFS journals the rename metadata itself.
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        # Some file systems (and platforms) do not support fsync on a folder; any other error
        # means we cannot promise the data is on disk, so the caller must hear of it.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def move_aside(path: Path, when: datetime) -> Path:
    """Rename a damaged file to `<name>.damaged-<time>[-N]`; never replaces anything.

    Check-then-rename is safe: one process writes (the single-instance guard), and on POSIX
    a rename would silently replace an earlier damaged copy.
    """
    base = f"{path.name}.damaged-{when.strftime('%Y%m%dT%H%M%S')}"
    target = path.with_name(base)
    counter = 2
    while target.exists():
        target = path.with_name(f"{base}-{counter}")
        counter += 1
    path.rename(target)
    fsync_folder(path.parent)
    return target
