"""Private, atomic file writes: a reader sees the old file or the new one, never a mix.

Private whatever the umask: every folder StressBreak makes is 0700 and every file 0600. A
umask only takes bits away, but an open one (000) takes none, and mkdir's and open's modes
are what the umask leaves of them; so modes are set explicitly, and files are made through
mkstemp (0600).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from datetime import datetime
from pathlib import Path

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def make_private_dirs(folder: Path) -> None:
    """Make `folder` and those of its parents that are missing, each one 0700.

    One level at a time, so that each folder made here is set to 0700 right after it is made
    (mkdir's mode is masked by the umask: 0777 under umask 000, 0500 under 0277) and before
    anything is made inside it. Folders that exist already are left as they are: ~/.config or
    ~/.local/share belong to the user's setup, not to us.
    """
    missing: list[Path] = []
    level = folder
    while not level.is_dir() and level.parent != level:
        missing.append(level)
        level = level.parent
    for level in reversed(missing):
        try:
            level.mkdir(PRIVATE_DIR)
        except FileExistsError:
            # Made meanwhile by another process (then not ours to change), or a file is in
            # the way (then the next level, or the caller's use, fails and says so).
            continue
        level.chmod(PRIVATE_DIR)


def ensure_private_dir(folder: Path) -> None:
    """`folder`, one of StressBreak's own (the data folder, ~/.config/stressbreak), exists
    and is 0700: made as `make_private_dirs` makes it, or made private if it was not.

    Changed only when it is not 0700 already, so that a read-only folder that is private
    does not fail here: reading from it works, and writing says why it cannot.
    """
    make_private_dirs(folder)
    if stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR:
        folder.chmod(PRIVATE_DIR)


def make_private_file(fd: int) -> None:
    """The open file `fd` is 0600. mkstemp asks for 0600, but the umask still takes bits from
    that (0400 under umask 0277: a settings file the user could not edit)."""
    if hasattr(os, "fchmod"):  # POSIX; Windows keeps no such modes
        os.fchmod(fd, PRIVATE_FILE)


def write_private_temp(path: Path, data: bytes) -> tuple[Path, os.stat_result]:
    """`data` in a new private (0600) temp file beside `path`, written and fsynced, and its
    status; the caller moves it into place or removes it. Nothing is left on failure."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp_path = Path(tmp_name)
    try:
        make_private_file(fd)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise
    return tmp_path, written


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Write `data` to a temp file beside `path`, fsync it, rename it over `path`, fsync the folder.

    A kill at any instant leaves either the complete old file or the complete new one. The
    temp file is made 0600 (make_private_file), and the rename carries that mode over.

    Returns the new file's status as it was just before the rename (a rename keeps the inode,
    size and mtime): the identity of what this call wrote, which a stat of `path` made after
    the rename could not promise, as another writer may have replaced it by then.
    """
    tmp_path, written = write_private_temp(path, data)
    try:
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
    # The copy holds what the file held (journal text, the user's values): private even if
    # the file was not, say restored from a backup with another mode. Best effort: the move,
    # which is what the caller asked for, is done.
    with contextlib.suppress(OSError):
        if stat.S_IMODE(target.stat().st_mode) != PRIVATE_FILE:
            target.chmod(PRIVATE_FILE)
    fsync_folder(path.parent)
    return target
