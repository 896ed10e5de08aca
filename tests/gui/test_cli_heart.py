"""`stressbreak pause --heart-rate-file FILE` as the command line (a real process) meets it: a
running app replays the recording into the pause it opens; a file that is missing or cannot be
read is said on the command line with exit status 2, and nothing is asked or started."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from stressbreak.services.instance import CommandServer
from stressbreak.services.lock import InstanceLock, server_name
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")

RECORDING = Path(__file__).parent.parent / "data" / "heart" / "rr-normal-breathing.csv"


@pytest.fixture
def running(qapp, tmp_path: Path, runtime_dir: Path) -> Iterator[tuple[Path, Harness]]:
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"native_notifications": False}))
    told: list[str] = []
    harness = make_app(folder, FakeClock(TUESDAY_10), told, pause_duration_s=600.0)
    harness.start()
    lock = InstanceLock(folder)
    assert lock.acquire()
    server = CommandServer(server_name(folder), harness.commands.handle, told.append)
    server.start()
    yield folder, harness
    server.stop()
    harness.stop()
    lock.release()


def pause(qtbot, folder: Path, *extra: str) -> tuple[int, str, str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(folder), "pause", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=60_000)
    out, err = child.communicate()
    return child.returncode, out.decode(), err.decode()


def test_the_running_app_replays_the_recording_into_the_pause(qtbot, running):
    folder, harness = running
    status, out, err = pause(qtbot, folder, "--heart-rate-file", str(RECORDING))
    assert (status, err) == (0, "")
    assert "Pause started." in out
    qtbot.waitUntil(lambda: harness.pauses.window is not None)
    wave = harness.pauses.window.heart_wave
    assert wave is not None
    source = harness.controller.heart.source
    assert source is not None
    qtbot.waitUntil(lambda: wave.words.endswith("beats a minute"), timeout=5000)


def test_an_unreadable_recording_is_refused_and_nothing_is_asked(qtbot, running, tmp_path):
    folder, harness = running
    bad = tmp_path / "rr.csv"
    bad.write_text("812\n790\n1,2\n", encoding="utf-8")
    status, out, err = pause(qtbot, folder, "--heart-rate-file", str(bad))
    assert status == 2 and out == ""
    assert str(bad) in err and "line 3" in err
    QApplication.processEvents()  # where a pause asked for would have opened
    assert harness.pauses.window is None


def test_a_missing_recording_starts_no_app(qtbot, tmp_path, runtime_dir):
    folder = tmp_path / "never"
    status, out, err = pause(qtbot, folder, "--heart-rate-file", str(tmp_path / "no.csv"))
    assert status == 2 and out == ""
    assert str(tmp_path / "no.csv") in err and "could not be read" in err
    assert not folder.exists()  # no app started: not even its data folder was made


def test_the_help_offers_the_option():
    done = subprocess.run([sys.executable, "-m", "stressbreak", "pause", "--help"],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0
    assert "--heart-rate-file FILE" in done.stdout
    assert "heart-rate recording" in done.stdout
