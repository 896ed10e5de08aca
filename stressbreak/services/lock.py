"""One StressBreak per data folder: OS file locks, released by the kernel when a process dies
(so a crash never leaves a stale lock). Holding them is also what makes the holder the
journal's only writer. Kept apart from the command channel so that taking the lock costs no
Qt import.

Where the lock lives. The data folder may be read-only, may be missing and impossible to make
(a HOME the app cannot write), or hold a folder where the lock file should be; StressBreak
still runs, and still only once. So it takes each of these locks that it can, and is refused
when another process holds any of them:

1. The data folder itself, opened read-only. flock needs no write access to what it locks, so
   this works in a read-only folder, and no file can be in its way. (Not on Windows, which
   cannot open a folder as a file; nor where the file system refuses it, such as NFS, whose
   flock needs a file open for writing: there 2 does the work, as before.)
2. `<data folder>/instance.lock`, the lock of earlier versions: such a StressBreak looks only
   at this file, so this one takes it too and the two still see each other. Opened
   read-only in a read-only folder; left out, and said, when it cannot be opened (a folder of
   that name, say): 1 still keeps to one StressBreak.
3. `<runtime folder>/<server name>.lock`: made only when neither 1 nor 2 could be taken (the
   data folder is missing and cannot be made), and taken whenever it exists, so that a start
   that does find the folder later still sees one that began without it. The runtime folder
   (`runtime_folder`) is the user's own, mode 0700, where the command socket is too: a lock
   file in a folder open to all could be made and held first by another user, and would keep
   StressBreak from starting.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import logging
import os
import stat
import sys
import zlib
from pathlib import Path

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.files import make_private_file

log = logging.getLogger(__name__)

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # a link named instance.lock is not followed
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # nor does a pipe of that name hang the start
_FOLDER_LOCKS = sys.platform != "win32"


def server_name(data_dir: Path) -> str:
    """A short, per-user, per-data-folder name (socket paths are limited to ~100 bytes).

    Two checksums rather than hashlib: importing hashlib loads OpenSSL's libcrypto, 3.4 MB of
    resident memory for the whole day, and a name needs no cryptographic strength.
    """
    path = str(data_dir.resolve()).encode()
    digest = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    return f"stressbreak-{getpass.getuser()}-{digest}"


def runtime_folder() -> Path:
    """The user's private runtime folder, for the command socket (services.instance) and the
    last of the locks: XDG_RUNTIME_DIR when it is a private folder (`is_private_folder`), else
    the temporary folder when it is one (macOS gives each user one), else `stressbreak-<uid>`
    in the temporary folder, which `make_private_folder` makes. A folder open to others is
    never used: another user could listen, or hold a lock, there first (issue 14, case 4).

    Only the name is decided here; whether that last folder is usable is for its user to
    check, as another user may have made it first.
    """
    temporary = Path(os.environ.get("TMPDIR") or "/tmp")
    if sys.platform == "win32":
        return temporary  # the channel is a named pipe there, and folder modes mean little
    for variable in ("XDG_RUNTIME_DIR", "TMPDIR"):
        value = os.environ.get(variable, "")
        if value and is_private_folder(Path(value)):
            return Path(value)
    return temporary / f"stressbreak-{os.geteuid()}"


def is_private_folder(folder: Path) -> bool:
    """A real folder (not a link another user could point elsewhere), of this user, closed to
    everyone else."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if sys.platform == "win32":
        return stat.S_ISDIR(info.st_mode)
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
            and stat.S_IMODE(info.st_mode) & 0o077 == 0)


def make_private_folder(folder: Path) -> bool:
    """Make `folder` when it is missing (its parent must exist) and close it to others when it
    is ours; False when it is no folder (a link, say) or belongs to another user. OSError when
    it cannot be made."""
    if is_private_folder(folder):
        return True
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or (
            sys.platform != "win32" and info.st_uid != os.geteuid()):
        return False
    # Ours, but opened by someone, or mkdir's mode narrowed by the umask: only we may reach
    # it from now on. lstat said it is a real folder of ours, and in a sticky temporary
    # folder (/tmp) nobody else can rename it away meanwhile; whatever another user may have
    # put in it while it was open is refused by the channel's peer checks.
    folder.chmod(0o700)
    return True


class _HeldElsewhereError(Exception):
    """Another process holds one of the locks."""


class InstanceLock:
    """The locks of one data folder (see the module's docstring), held for the life of the
    process. `problems` are what the app should tell once it can (Messages)."""

    def __init__(self, data_dir: Path) -> None:
        self._folder = data_dir
        self._path = data_dir / "instance.lock"
        self._fds: list[int] = []
        self.problems: list[str] = []

    def acquire(self) -> bool:
        """True when this process is now the one StressBreak for this data folder."""
        self.release()
        self.problems = []
        fds: list[int] = []
        try:
            for take in (self._take_folder, self._take_file):
                fd = take()
                if fd is not None:
                    fds.append(fd)
            runtime = self._take_runtime(create=not fds)
            if runtime is not None:
                fds.append(runtime)
        except _HeldElsewhereError:
            for fd in fds:
                os.close(fd)
            return False
        if not fds:
            self.problems.append(Message("lock", QT_TRANSLATE_NOOP(
                "lock", "StressBreak could not make sure that it runs only once: neither its "
                "data folder {folder} nor {path} can be locked."),
                folder=str(self._folder), path=str(self._runtime_path())))
        self._fds = fds
        return True

    def held_elsewhere(self) -> bool:
        """Whether another process holds a lock (an app running or starting), found without
        keeping it: taken and given back at once, so a starting app loses at most one retry.
        Nothing is made."""
        candidates = [(self._path, os.O_RDONLY)]
        if is_private_folder(runtime_folder()):
            candidates.append((self._runtime_path(), os.O_RDONLY))
        if _FOLDER_LOCKS:
            candidates.insert(0, (self._folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)))
        for path, flags in candidates:
            try:
                fd = os.open(path, flags | _CLOEXEC | _NONBLOCK)
            except OSError:
                continue
            try:
                _lock(fd)
                _unlock(fd)
            except _HeldElsewhereError:
                return True
            except OSError:
                continue
            finally:
                os.close(fd)
        return False

    def release(self) -> None:
        for fd in self._fds:
            os.close(fd)  # closing drops the lock
        self._fds = []

    def _runtime_path(self) -> Path:
        return runtime_folder() / f"{server_name(self._folder)}.lock"

    def _take_folder(self) -> int | None:
        if not _FOLDER_LOCKS:
            return None
        try:
            fd = os.open(self._folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
        except OSError:
            return None  # missing (the journal says why it could not be made) or unreadable
        return _locked(fd, self._folder)

    def _take_file(self) -> int | None:
        try:
            fd, writable = _open_lock_file(self._path, create=True)
        except FileNotFoundError:
            # The folder is missing, or read-only without the file: nothing to take, and
            # the journal already says why nothing can be written there.
            return None
        except OSError as exc:
            self._cannot_use(exc.strerror or type(exc).__name__)
            return None
        if writable:
            _make_private(fd)
        return _locked(fd, self._path)

    def _take_runtime(self, *, create: bool) -> int | None:
        path = self._runtime_path()
        try:
            if not (make_private_folder if create else is_private_folder)(path.parent):
                if create:
                    log.warning("cannot lock %s: %s is not a private folder of this user",
                                path, path.parent)
                return None
            fd, writable = _open_lock_file(path, create=create)
        except OSError as exc:
            if create:
                log.warning("cannot lock %s: %s", path, exc)
            return None
        if writable:
            _make_private(fd)
        return _locked(fd, path)

    def _cannot_use(self, reason: str) -> None:
        self.problems.append(Message("lock", QT_TRANSLATE_NOOP(
            "lock", "StressBreak cannot use its lock file {path} ({reason}). It still runs only "
            "once, but an older version of StressBreak could start beside it. Removing {path} "
            "puts this right."), path=str(self._path), reason=reason))


def _open_lock_file(path: Path, *, create: bool) -> tuple[int, bool]:
    """A descriptor of the lock file, and whether it is open for writing. A read-only folder
    still lets an existing file be opened read-only, and flock needs no more."""
    flags = _CLOEXEC | _NOFOLLOW | _NONBLOCK
    try:
        return os.open(path, os.O_RDWR | (os.O_CREAT if create else 0) | flags, 0o600), True
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
    return os.open(path, os.O_RDONLY | flags), False


def _make_private(fd: int) -> None:
    # 0600 whatever the umask (os.open's mode is masked by it), also for a file an older
    # StressBreak left wider. Best effort: a lock works whatever its mode.
    with contextlib.suppress(OSError):
        make_private_file(fd)


def _locked(fd: int, path: Path) -> int | None:
    """`fd`, now locked; None (closed) when this file system cannot lock it."""
    try:
        _lock(fd)
    except _HeldElsewhereError:
        os.close(fd)
        raise
    except OSError as exc:
        os.close(fd)
        log.info("cannot lock %s here (%s); the other locks guard", path, exc)
        return None
    return fd


def _lock(fd: int) -> None:
    """An exclusive lock without waiting; _HeldElsewhereError when another process has it."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            # Windows says "locked" as EACCES or EDEADLOCK; as before, any refusal is.
            raise _HeldElsewhereError from exc
    else:
        import fcntl  # noqa: PLC0415

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:  # EWOULDBLOCK: held; any other error: cannot lock
            raise _HeldElsewhereError from exc


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(fd, fcntl.LOCK_UN)
