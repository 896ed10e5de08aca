"""A folder that refuses every write, for real, whoever runs the tests.

Root ignores permission bits, so `chmod 0500` shows nothing as root; but nobody writes to a
read-only mount, root included. So: as root, a read-only bind mount of the folder over itself
(EROFS); as anyone else, `chmod 0500` (EACCES). Skipped when root cannot mount here.

`chmod` cannot refuse the app its own folders (the data folder, ~/.config/stressbreak): it
makes them 0700 again at start, as it should. For those, pass `own=True`: skipped then unless
root can mount.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


class Unwritable:
    def __init__(self, folder: Path, reason: str, undo: list[str] | int) -> None:
        self.folder = folder
        self.reason = reason  # the words the system gives for a refused write
        self._undo = undo  # the remount command, or the mode to give back
        self.undone = False

    def undo(self) -> None:
        """The folder can be written again (the block goes on)."""
        if self.undone:
            return
        if isinstance(self._undo, int):
            self.folder.chmod(self._undo)
        else:
            subprocess.run(self._undo, check=True)
        self.undone = True


@contextlib.contextmanager
def unwritable(folder: Path, *, own: bool = False) -> Iterator[Unwritable]:
    if not IS_ROOT and own:
        pytest.skip("the app makes its own folder writable again (0700), and a read-only "
                    "mount needs root")
    if not IS_ROOT:
        before = stat.S_IMODE(folder.stat().st_mode)
        folder.chmod(0o500)
        state = Unwritable(folder, os.strerror(errno.EACCES), before)
        try:
            yield state
        finally:
            state.undo()
        return
    mounted = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"root cannot mount here, and ignores permission bits: "
                    f"{mounted.stderr.strip()}")
    state = Unwritable(folder, os.strerror(errno.EROFS),
                       ["mount", "-o", "remount,bind,rw", str(folder)])
    try:
        yield state
    finally:
        # Lazy: a process of the test that still holds the folder open must not keep the
        # mount (and the test's folder under it) in place.
        subprocess.run(["umount", "--lazy", str(folder)], check=True)
