"""Real app processes for the shared folder's system tests (issue 18), as `test_sync_apps.py`
(two Syncthing instances keep the shared folders in step) and `test_sync_copy.py` (a copy step
does) drive them.

An `App` has its own data folder and shares a folder with another one. Given a `home`, it is a
computer of its own: its own home and runtime folder (so its own command channel) too. It runs
offscreen, or on a virtual X display (`tests/system/xdisplay.py`) where a test works its
windows, in this process's time zone or in `zone`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from stressbreak.core.export import parse_import
from stressbreak.core.model import Record
from tests.system.syncthing import wait_until
from tests.system.test_app_process import stop_app

WAIT_S = 30.0
SUBFOLDER = "StressBreak"


def ids(records: list[Record]) -> list[str]:
    return sorted(record.id for record in records)


class App:
    """One app instance sharing `shared` (its files in `shared/StressBreak`).

    `settings` are written with the shared folder and the computer's name; `wait_s` is how long
    a pause it is asked for may take to be under way."""

    def __init__(self, name: str, data_dir: Path, shared: Path, *,
                 settings: dict[str, Any] | None = None, home: Path | None = None,
                 zone: str | None = None, desktop: dict[str, str] | None = None,
                 wait_s: float = WAIT_S) -> None:
        self.name = name
        self.data_dir = data_dir
        self.shared = shared
        self.wait_s = wait_s
        # Short, as a socket's path is: not below the test's temporary folder.
        self.runtime = None if home is None else Path(tempfile.mkdtemp(prefix=f"sb-{name}-"))
        self.data_dir.mkdir(parents=True, mode=0o700)
        self.shared.mkdir(mode=0o700, exist_ok=True)
        (self.data_dir / "settings.json").write_text(json.dumps({
            "native_notifications": False, **(settings or {}),
            "shared_folder": str(shared), "computer_name": f"computer {name}"}))
        self.env = dict(desktop) if desktop else {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if home is not None:
            self.env.update(HOME=str(home), XDG_RUNTIME_DIR=str(self.runtime))
        if zone is not None:
            self.env["TZ"] = zone
        self.process: subprocess.Popen[str] | None = None

    @property
    def folder(self) -> Path:
        return self.shared / SUBFOLDER

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(self.data_dir), *args],
            capture_output=True, text=True, env=self.env, timeout=60, check=False)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(self.data_dir)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=self.env)
        wait_until(f"app {self.name} to answer", lambda: self.cli("status").returncode == 0,
                   WAIT_S, ended=self.ended)

    def ended(self) -> str | None:
        if self.process is None or self.process.poll() is None:
            return None
        return f"app {self.name} ended: {self.process.communicate()[0][-2000:]}"

    def stop(self) -> None:
        if self.process is not None:
            with self._runtime_for_stop_app():
                stop_app(self.data_dir, self.process)
            self.process = None

    @contextlib.contextmanager
    def _runtime_for_stop_app(self) -> Iterator[None]:
        """stop_app looks for the app's socket in this process's runtime folder."""
        if self.runtime is None:
            yield
            return
        env = os.environ.get("XDG_RUNTIME_DIR")
        os.environ["XDG_RUNTIME_DIR"] = str(self.runtime)
        try:
            yield
        finally:
            if env is None:
                os.environ.pop("XDG_RUNTIME_DIR")
            else:
                os.environ["XDG_RUNTIME_DIR"] = env

    def close(self) -> None:
        self.stop()
        if self.runtime is not None:
            shutil.rmtree(self.runtime, ignore_errors=True)

    def status(self) -> dict[str, Any]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        facts: dict[str, Any] = json.loads(result.stdout)
        return facts

    def record_a_pause(self) -> None:
        """A pause ended early: started now, and the app quits while it is under way (the
        shortest real way to a record: a pause runs at least a minute)."""
        assert self.process is not None, "the app is not running"
        started = self.cli("pause")
        assert started.returncode == 0, started.stderr
        wait_until(f"a pause under way in app {self.name}",
                   lambda: self.status()["pause_running"], self.wait_s, ended=self.ended)
        assert self.cli("quit").returncode == 0
        assert self.process.wait(timeout=20) == 0
        self.process = None

    def exported(self) -> list[Record]:
        result = self.cli("export", "--format", "json")
        assert result.returncode == 0, result.stderr
        return parse_import(result.stdout).records

    @property
    def computer_id(self) -> str:
        computer: str = json.loads((self.data_dir / "computer.json").read_text())["id"]
        return computer
