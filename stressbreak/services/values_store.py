"""The user's own values (1–5 short phrases), kept privately beside the journal."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from stressbreak.core.content import normalise_values
from stressbreak.services.files import move_aside, write_atomic


class ValuesStore:
    def __init__(self, path: Path, on_problem: Callable[[str], None]) -> None:
        self._path = path
        self._on_problem = on_problem

    def load(self) -> tuple[str, ...]:
        """The saved values; none yet is an empty tuple. A damaged file is moved aside (kept,
        never overwritten by the next save) and the user is told."""
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ()
        except OSError as exc:
            self._on_problem(f"Your values could not be read from {self._path} ({exc}).")
            return ()
        except ValueError:  # not JSON, or not text
            raw = None
        values = raw.get("values") if isinstance(raw, dict) else None
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            target = move_aside(self._path, datetime.now().astimezone())
            self._on_problem(
                f"Your values file could not be read; it was kept as {target} and "
                "you can write your values again."
            )
            return ()
        return normalise_values(values)

    def save(self, values: Sequence[str]) -> tuple[str, ...]:
        """Store the values (normalised) durably; OSError when the disk refuses."""
        kept = normalise_values(list(values))
        data = json.dumps({"version": 1, "values": list(kept)}, ensure_ascii=False, indent=2)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path, data.encode("utf-8"))
        return kept
