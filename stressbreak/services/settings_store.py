"""Loads the settings file and saves the settings window's choices. A bad file never stops the
app, every key in it that can be read is used, and it is never written over without a copy:
the first save keeps it aside, byte for byte, as `settings.json.damaged-<time>`."""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from stressbreak.core.clock import Clock
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.settings import Settings, read_settings, settings_to_dict
from stressbreak.services.files import (
    ensure_private_dir,
    fsync_folder,
    write_atomic,
    write_private_temp,
)

log = logging.getLogger(__name__)


class SettingsStore:
    def __init__(
        self, path: Path, on_problem: Callable[[str], None], *, clock: Clock | None = None
    ) -> None:
        self._path = path
        self._on_problem = on_problem
        self._clock = clock  # only names a kept copy; the system time when not given
        self._kept: bytes | None = None  # the contents last kept aside
        self._untold: Path | None = None  # a copy kept, to be told of once a save is done

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> Settings:
        """Settings from the file; defaults for whatever is missing or wrong, each problem told.

        When the file does not exist yet it is created with the defaults, so there is something
        to edit by hand. An existing file is only ever read here; its folder is made private
        (0700), as an earlier version may have left it open to others.
        """
        try:
            if self._path.parent.is_dir():  # else it is made, private, with the defaults
                ensure_private_dir(self._path.parent)
        except OSError as exc:
            # A folder that cannot be changed (read-only) can still be read; a save says
            # whether it can be written.
            log.warning("could not make %s private: %s", self._path.parent, exc)
        try:
            data = self._path.read_bytes()
        except FileNotFoundError:
            self._write_defaults()
            return Settings()
        except OSError as exc:
            self._tell(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "could not be read ({reason}); all defaults are used"),
                reason=str(exc)))
            return Settings()
        settings, problems = read_settings(data)
        for problem in problems:
            self._tell(problem)
        return settings

    def save(self, settings: Settings) -> None:
        """Write the settings chosen in the settings window; OSError when that fails (the
        file on disk is then still the previous one, whole).

        A file with anything in it that could not be read or used (whatever `read_settings`
        has a word about) is first kept aside, and the user is told where once the new
        settings are saved. A file that cannot be read, and so cannot be kept, is not written
        over: that is an OSError too.
        """
        ensure_private_dir(self._path.parent)
        try:
            before = self._path.read_bytes()
        except FileNotFoundError:
            before = b""
        if self._worth_keeping(before):
            now = self._clock.now() if self._clock is not None else datetime.now().astimezone()
            self._untold = keep_aside(self._path, before, now)
            self._kept = before
        text = json.dumps(settings_to_dict(settings), indent=2) + "\n"
        write_atomic(self._path, text.encode("utf-8"))
        if self._untold is not None:
            self._tell(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "could not all be used, so it was kept as {target} before your "
                "new settings were saved in its place"), target=str(self._untold)))
            self._untold = None

    def _worth_keeping(self, data: bytes) -> bool:
        """Whether a file holding `data` must be kept before it is written over: something in
        it could not be read or used. Not when it holds nothing but white space, nor when it
        was kept already (a save that failed after the copy, tried again)."""
        return data.strip() != b"" and data != self._kept and bool(read_settings(data)[1])

    def _write_defaults(self) -> None:
        try:
            ensure_private_dir(self._path.parent)
            text = json.dumps(settings_to_dict(Settings()), indent=2) + "\n"
            write_atomic(self._path, text.encode("utf-8"))
        except OSError as exc:
            # Defaults work without a file; only hand-editing has to wait.
            log.warning("could not create %s: %s", self._path, exc)

    def _tell(self, message: str) -> None:
        full = Message("settings", QT_TRANSLATE_NOOP("settings", "Settings file {path}: {problem}"),
                       path=str(self._path), problem=message)
        log.warning("%s", full)
        self._on_problem(full)


def keep_aside(path: Path, data: bytes, when: datetime) -> Path:
    """Write `data` beside `path` as `<name>.damaged-<time>[-N]` (named as `files.move_aside`
    names a journal month): private (0600), whole or not at all, and never in place of an
    earlier copy. The copy is made in a temp file and then linked to its name, which fails
    rather than replace a file that is there."""
    base = f"{path.name}.damaged-{when.strftime('%Y%m%dT%H%M%S')}"
    tmp, _written = write_private_temp(path, data)
    try:
        counter = 1
        while True:
            target = path.with_name(base if counter == 1 else f"{base}-{counter}")
            counter += 1
            try:
                os.link(tmp, target)
            except FileExistsError:
                continue
            except OSError:
                # No hard links on this file system: look, then rename, as move_aside does
                # (one process writes here, the single-instance guard sees to that).
                if target.exists():
                    continue
                tmp.rename(target)
            break
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    fsync_folder(path.parent)
    return target
