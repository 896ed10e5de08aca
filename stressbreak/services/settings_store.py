"""Loads the settings file; a bad file never stops the app and is never overwritten."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.settings import Settings, parse_settings, settings_to_dict
from stressbreak.services.files import write_atomic

log = logging.getLogger(__name__)


class SettingsStore:
    def __init__(self, path: Path, on_problem: Callable[[str], None]) -> None:
        self._path = path
        self._on_problem = on_problem

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> Settings:
        """Settings from the file; defaults for whatever is missing or wrong, each problem told.

        When the file does not exist yet it is created with the defaults, so there is something
        to edit by hand. An existing file is only ever read here.
        """
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self._write_defaults()
            return Settings()
        except (OSError, UnicodeDecodeError) as exc:
            self._tell(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "could not be read ({reason}); all defaults are used"),
                reason=str(exc)))
            return Settings()
        try:
            raw = json.loads(text)
        except RecursionError:
            self._tell(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "is nested too deeply to be settings; all defaults are used and the "
                "file is left as it is")))
            return Settings()
        except json.JSONDecodeError as exc:
            self._tell(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "is not valid JSON (line {line}, column {column}: {reason}); all "
                "defaults are used and the file is left as it is"),
                line=exc.lineno, column=exc.colno, reason=exc.msg))
            return Settings()
        settings, problems = parse_settings(raw)
        for problem in problems:
            self._tell(problem)
        return settings

    def save(self, settings: Settings) -> None:
        """Write the settings chosen in the settings window; OSError when that fails (the
        file on disk is then still the previous one, whole)."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings_to_dict(settings), indent=2) + "\n"
        write_atomic(self._path, text.encode("utf-8"))

    def _write_defaults(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
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
