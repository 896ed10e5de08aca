"""Issue 18 end to end: two real app instances (own data folders, as two computers would have)
whose shared folders two real Syncthing instances keep in step (tests/system/syncthing.py).

A pause recorded in app A is in app B's `stressbreak export` once Syncthing has carried A's
segment over; pauses recorded on both sides while one Syncthing is stopped are in both exports
after it runs again, each once.

A pause is recorded the way test_app_process does it: `stressbreak pause`, then `quit` while it
is under way, which records it as ended early (the shortest real way to a record: a pause runs
at least a minute).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stressbreak.core.export import parse_import
from stressbreak.core.model import Record
from tests.system.syncthing import (  # the fixture syncthing_pair too
    WAIT_S,
    Instance,
    Pair,
    syncthing_pair,  # noqa: F401
    wait_until,
)
from tests.system.test_app_process import stop_app

STARTUP_WAIT_S = 30.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


class App:
    """One app instance: its own data folder, sharing what Syncthing `syncthing` keeps."""

    def __init__(self, name: str, root: Path, syncthing: Instance) -> None:
        self.name = name
        self.data_dir = root / f"app-{name}"
        self.process: subprocess.Popen[str] | None = None
        self.data_dir.mkdir(mode=0o700)
        (self.data_dir / "settings.json").write_text(json.dumps({
            "native_notifications": False, "shared_folder": str(syncthing.folder),
            "computer_name": f"computer {name}"}))

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(self.data_dir), *args],
            capture_output=True, text=True, env=_env(), timeout=60, check=False)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(self.data_dir)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env())
        process = self.process

        def ended() -> str | None:
            if process.poll() is None:
                return None
            return f"app {self.name} ended: {process.communicate()[0][-2000:]}"
        wait_until(f"app {self.name} to answer", lambda: self.cli("status").returncode == 0,
                   STARTUP_WAIT_S, ended)

    def stop(self) -> None:
        if self.process is not None:
            stop_app(self.data_dir, self.process)
            self.process = None

    def record_a_pause(self) -> None:
        """A pause ended early: started now, and the app quits while it is under way."""
        assert self.process is not None, "the app is not running"
        started = self.cli("pause")
        assert started.returncode == 0, started.stderr
        wait_until(f"a pause under way in app {self.name}",
                   lambda: "pause is under way" in self.cli("status").stdout, WAIT_S)
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


@pytest.fixture
def apps(syncthing_pair: Pair, tmp_path: Path) -> Iterator[tuple[App, App]]:  # noqa: F811
    a = App("a", tmp_path, syncthing_pair.a)
    b = App("b", tmp_path, syncthing_pair.b)
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        for app in (a, b):
            app.stop()


def ids(records: list[Record]) -> list[str]:
    return sorted(record.id for record in records)


def wait_for_records(app: App, expected: set[str]) -> float:
    """Until `app`'s export holds exactly `expected` (each once); the seconds it took."""
    started = time.monotonic()
    wait_until(f"app {app.name}'s export to hold {len(expected)} records",
               lambda: ids(app.exported()) == sorted(expected), WAIT_S)
    return time.monotonic() - started


def test_a_pause_in_a_is_in_bs_export(syncthing_pair: Pair, apps: tuple[App, App]) -> None:  # noqa: F811
    a, b = apps
    a.record_a_pause()
    made = a.exported()
    assert len(made) == 1
    assert made[0].computer == a.computer_id

    delay = wait_for_records(b, set(ids(made)))
    print(f"a's pause in b's export {delay:.2f} s after a quit")
    assert b.exported() == made  # the same record, its origin kept


def test_pauses_on_both_sides_while_down_are_in_both_once(
        syncthing_pair: Pair, apps: tuple[App, App]) -> None:  # noqa: F811
    a, b = apps
    a.record_a_pause()
    a.start()
    first = set(ids(a.exported()))
    wait_for_records(b, first)

    syncthing_pair.b.stop()  # the link is down
    a.record_a_pause()
    b.record_a_pause()
    a.start()
    b.start()
    assert len(a.exported()) == 2
    assert len(b.exported()) == 2

    restarted = time.monotonic()
    syncthing_pair.b.start()
    syncthing_pair.wait_connected()
    everything = set(ids(a.exported())) | set(ids(b.exported()))
    assert len(everything) == 3
    for app in apps:
        wait_for_records(app, everything)
    print(f"all three pauses in both exports {time.monotonic() - restarted:.2f} s after "
          f"syncthing b started again")
    syncthing_pair.wait_in_sync()
    for app in apps:
        assert ids(app.exported()) == sorted(everything)  # nothing twice, nothing lost
