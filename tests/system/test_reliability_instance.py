"""Two copies and crashed runs (issue 7, cases 5 and 8) with real processes: the lock is one
writer per data folder, a run killed with SIGKILL leaves a lock file and a socket that the next
start recovers by itself, and everything the running app creates is private."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from stressbreak.services.instance import socket_path as instance_socket_path
from stressbreak.services.lock import InstanceLock, server_name

STARTUP_WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=_env(), timeout=60, check=False,
    )


def start_app(data_dir: Path, umask: int = -1) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(), umask=umask,
    )
    deadline = time.monotonic() + STARTUP_WAIT_S
    while cli(data_dir, "status").returncode != 0:
        if process.poll() is not None:
            pytest.fail(f"the app ended: {process.communicate()[0]}")
        assert time.monotonic() < deadline, "the app did not answer in time"
        time.sleep(0.2)
    return process


def socket_path(data_dir: Path) -> Path:
    # Where the app listens and the command line looks: $XDG_RUNTIME_DIR in a desktop
    # session, else the temporary folder.
    return instance_socket_path(server_name(data_dir))


def test_a_run_killed_with_sigkill_leaves_a_lock_and_socket_the_next_start_recovers(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    first = start_app(data_dir)
    try:
        first.send_signal(signal.SIGKILL)  # no handlers, no clean-up
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    # What a crash leaves behind: the lock file and the socket file, nobody listening.
    assert (data_dir / "instance.lock").exists()
    if sys.platform.startswith("linux"):
        assert socket_path(data_dir).exists()
    assert cli(data_dir, "status").returncode == 1

    second = start_app(data_dir)  # no "already running", no manual clean-up
    try:
        assert cli(data_dir, "pause").returncode == 0
        assert cli(data_dir, "quit").returncode == 0
        assert second.wait(timeout=20) == 0
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()


_HOLD = """
import sys, time
from pathlib import Path
from stressbreak.services.lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1]))
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(60)
"""


def test_the_lock_admits_one_writer_per_folder_until_its_holder_dies(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path)], env=_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        assert InstanceLock(tmp_path).acquire() is False  # another process: refused
        other_folder = InstanceLock(tmp_path / "elsewhere")
        assert other_folder.acquire() is True  # one writer per folder, not per machine
        other_folder.release()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        mine = InstanceLock(tmp_path)
        assert mine.acquire() is True  # the kernel dropped the dead holder's lock
        mine.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file modes and socket path")
def test_the_running_app_creates_only_private_files_even_with_an_open_umask(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    app = start_app(data_dir, umask=0)
    try:
        sock = socket_path(data_dir)
        assert stat.S_ISSOCK(sock.stat().st_mode)
        assert stat.S_IMODE(sock.stat().st_mode) & 0o077 == 0  # only the user may connect
        assert cli(data_dir, "pause").returncode == 0
        assert cli(data_dir, "quit").returncode == 0
        assert app.wait(timeout=20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data_dir.iterdir()}
    assert {"instance.lock", "settings.json"} <= set(modes)
    assert any(name.startswith("journal-") for name in modes)  # the pause ended early
    assert set(modes.values()) == {0o600}, modes


def test_a_lock_held_elsewhere_is_seen_without_being_kept(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    probe = InstanceLock(folder)
    assert not probe.held_elsewhere()  # no lock file yet
    app = InstanceLock(folder)
    assert app.acquire()
    assert probe.held_elsewhere()
    app.release()
    assert not probe.held_elsewhere()
    assert app.acquire()  # the probe did not keep it
    app.release()


def test_status_right_after_start_waits_for_the_starting_app(tmp_path: Path) -> None:
    # The tray icon comes a moment before the command channel listens; a `status` sent in
    # that moment waits for it instead of saying "not running".
    data = tmp_path / "d"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "stressbreak", "--data-dir", str(data)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (data / "instance.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        status = subprocess.run([sys.executable, "-m", "stressbreak", "--data-dir", str(data),
                                 "status"], env=env, capture_output=True, text=True,
                                timeout=60, check=False)
        assert status.returncode == 0, status.stderr
    finally:
        subprocess.run([sys.executable, "-m", "stressbreak", "--data-dir", str(data), "quit"],
                       env=env, capture_output=True, timeout=60, check=False)
        app.wait(timeout=30)
