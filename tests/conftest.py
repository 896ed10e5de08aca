"""Test-wide setup: no screen here, so Qt draws offscreen; tests never see the user's data."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must be set before any QApplication exists (pytest-qt creates it lazily). Set, not
# defaulted: a desktop session may have its own (wayland, xcb), and the widget tests would
# then open their windows on the developer's screen. Real-window tests make their own display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep any stray look-up of the user's folders inside a throwaway place.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
# The app follows the desktop's language, and the tests read its English texts: a Dutch
# desktop (LANG, LC_*, LANGUAGE) must not turn them into Dutch. Tests of Dutch ask for it
# (the `language` setting, or LANGUAGE in a child's environment). C.UTF-8 is what CI has
# and exists everywhere.
os.environ.pop("LANGUAGE", None)
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a short path: a Unix socket's path has room for about 100 bytes, and
    pytest's tmp_path can be longer (the Wayland tests' compositor listens in it)."""
    with tempfile.TemporaryDirectory(prefix="wl") as folder:
        yield Path(folder)


@pytest.fixture
def runtime_dir(short_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private runtime folder for the command channel (its socket lives there), for this
    test and the processes it starts."""
    folder = short_dir / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder
