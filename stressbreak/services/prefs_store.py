"""The user's in-app choices (values, favourite and hidden exercises, stress profile), kept
privately beside the journal in one small JSON file."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from stressbreak.core.clock import Clock
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.prefs import Prefs, PrefsError, prefs_from_dict
from stressbreak.services.files import ensure_private_dir, move_aside, write_atomic


class PrefsStore:
    def __init__(
        self, path: Path, on_problem: Callable[[str], None], *, clock: Clock | None = None
    ) -> None:
        self._path = path
        self._on_problem = on_problem
        self._clock = clock  # only names a damaged copy; the system time when not given
        # A file that could neither be read nor moved aside stays the user's: no save may
        # replace it (the choices made meanwhile hold until StressBreak quits).
        self._kept_in_place: Path | None = None

    def load(self) -> Prefs:
        """The saved choices; none yet gives the defaults. A damaged file is moved aside (kept,
        never overwritten by the next save) and the user is told."""
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Prefs()
        except (OSError, UnicodeDecodeError) as exc:
            problem: Exception = exc
        else:
            try:
                return prefs_from_dict(json.loads(text))
            # JSONDecodeError is a ValueError; RecursionError comes from absurdly deep nesting.
            except (ValueError, PrefsError, RecursionError) as exc:
                problem = exc
        try:
            now = self._clock.now() if self._clock is not None else datetime.now().astimezone()
            target = move_aside(self._path, now)
        except OSError:
            self._kept_in_place = self._path
            self._on_problem(Message("prefs", QT_TRANSLATE_NOOP(
                "prefs", "Your choices in {path} could not be read ({problem})."),
                path=str(self._path), problem=str(problem)))
            return Prefs()
        self._on_problem(Message("prefs", QT_TRANSLATE_NOOP(
            "prefs", "Your values and exercise choices could not be read ({problem}); the file "
            "was kept as {target} and StressBreak starts afresh with them."),
            problem=str(problem), target=str(target)))
        return Prefs()

    def save(self, prefs: Prefs) -> None:
        """Store durably; OSError when the disk refuses, or when the file on disk could not be
        read (it is never written over)."""
        if self._kept_in_place is not None:
            raise OSError(errno.EACCES, "the file could not be read, so it is left as it is",
                          str(self._kept_in_place))
        data = json.dumps(prefs.to_dict(), ensure_ascii=False, indent=2) + "\n"
        ensure_private_dir(self._path.parent)  # the data folder, 0700 whatever the umask
        write_atomic(self._path, data.encode("utf-8"))

    def delete_copies(self) -> int:
        """Remove moved-aside copies of the choices and temp files of an interrupted write
        (both hold the user's values): "delete all data" means them too. The file itself is
        reset by saving the defaults. How many were removed; OSError when one cannot be."""
        folder, name = self._path.parent, self._path.name
        removed = 0
        for pattern in (f"{name}.damaged-*", f".{name}.*.tmp"):
            for leftover in folder.glob(pattern):
                leftover.unlink(missing_ok=True)
                removed += 1
        return removed
