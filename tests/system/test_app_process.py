"""The real app as a process: one instance, commands handed over, a clean quit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

STARTUP_WAIT_S = 30.0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=_env(), timeout=60, check=False,
    )


@pytest.fixture
def running_app(tmp_path: Path):
    data_dir = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(),
    )
    deadline = time.monotonic() + STARTUP_WAIT_S
    while True:
        status = cli(data_dir, "status")
        if status.returncode == 0:
            break
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, "the app did not answer in time"
        time.sleep(0.2)
    yield data_dir, process
    stop_app(data_dir, process)


def stop_app(data_dir: Path, process: subprocess.Popen[str]) -> None:
    """Quit the app as a person would, so that it takes its socket out of the user's runtime
    folder; one that does not quit is killed, and what it leaves there is removed."""
    from stressbreak.services.instance import socket_path
    from stressbreak.services.lock import server_name

    if process.poll() is None:
        cli(data_dir, "quit")
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            socket_path(server_name(data_dir)).unlink(missing_ok=True)


def test_version():
    result = subprocess.run([sys.executable, "-m", "stressbreak", "--version"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip().startswith("StressBreak 0.")


def test_status_and_quit_without_a_running_app(tmp_path: Path):
    for command in ("status", "quit"):
        result = cli(tmp_path, command)
        assert result.returncode == 1
        assert "not running" in result.stderr


def test_second_launch_hands_over_and_pause_reaches_the_first(running_app):
    data_dir, first = running_app
    status = cli(data_dir, "status")
    assert "next pause" in status.stdout

    second = cli(data_dir)  # a second `stressbreak`: no second tray, no second writer
    assert second.returncode == 0
    assert "already running" in second.stdout

    paused = cli(data_dir, "pause")
    assert paused.returncode == 0, paused.stderr
    assert "Pause started" in paused.stdout
    deadline = time.monotonic() + 10
    while "pause is under way" not in cli(data_dir, "status").stdout:
        assert time.monotonic() < deadline
        time.sleep(0.1)

    quit_ = cli(data_dir, "quit")
    assert quit_.returncode == 0
    assert first.wait(timeout=20) == 0
    # Quitting during the pause records it as ended early, in the private journal.
    journals = list(data_dir.glob("journal-*.json"))
    assert len(journals) == 1
    assert journals[0].stat().st_mode & 0o777 == 0o600
    assert data_dir.stat().st_mode & 0o777 == 0o700
    records = list(json.loads(journals[0].read_text())["records"].values())
    assert [r["outcome"] for r in records] == ["ended_early"]
    # The lock is free again: a new instance could start.
    assert cli(data_dir, "status").returncode == 1


def test_sigterm_quits_cleanly(running_app):
    data_dir, first = running_app
    first.terminate()
    assert first.wait(timeout=20) == 0
    assert cli(data_dir, "status").returncode == 1


def test_a_malformed_message_gets_an_error_not_a_crash(running_app, qapp):
    # Through the channel the command line uses (`send_command` is built on `send_line`), so
    # the message reaches the app wherever the session keeps its socket ($XDG_RUNTIME_DIR on
    # a desktop). `qapp`: on Windows that channel is Qt's local socket, which wants an
    # application object, and a bare QCoreApplication would break the widget tests after it.
    from stressbreak.services.instance import send_line
    from stressbreak.services.lock import server_name

    data_dir, first = running_app
    for raw in (b"not json\n", b'{"command": "format-disk"}\n', b"[1,2]\n"):
        data = send_line(server_name(data_dir), raw)
        assert data is not None, "nobody listens where the command line looks"
        answer = json.loads(data)
        assert answer["ok"] is False
        assert answer["message"]
    assert first.poll() is None
    assert cli(data_dir, "status").returncode == 0


def test_status_probes_never_keep_the_app_from_starting(tmp_path: Path):
    """A `status` asked while the app starts must not take its lock (found by CI: the app
    then thought another copy was running)."""
    data_dir = tmp_path / "race"
    process = subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env(),
    )
    try:
        probes = [subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), "status"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env()) for _ in range(4)]
        for probe in probes:
            probe.wait(timeout=60)
        deadline = time.monotonic() + STARTUP_WAIT_S
        while cli(data_dir, "status").returncode != 0:
            assert process.poll() is None, process.communicate()[0]
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert cli(data_dir, "quit").returncode == 0
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_two_launches_at_the_same_moment_give_one_app(tmp_path: Path):
    data_dir = tmp_path / "twins"
    launches = [subprocess.Popen(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=_env())
        for _ in range(2)]
    try:
        deadline = time.monotonic() + STARTUP_WAIT_S
        while cli(data_dir, "status").returncode != 0:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        # One of them handed over and ended; the other is the app.
        finished = [p for p in launches if p.poll() is not None]
        deadline = time.monotonic() + 15
        while not finished and time.monotonic() < deadline:
            time.sleep(0.1)
            finished = [p for p in launches if p.poll() is not None]
        assert len(finished) == 1
        assert finished[0].returncode == 0
        assert "already running" in finished[0].communicate()[0]
        assert cli(data_dir, "quit").returncode == 0
    finally:
        for p in launches:
            if p.poll() is None:
                p.kill()
            p.wait()


def test_command_line_problems_follow_the_language_setting(tmp_path: Path):
    (tmp_path / "settings.json").write_text(json.dumps({"language": "nl"}))
    result = cli(tmp_path, "status")
    assert result.returncode == 1
    assert result.stderr.strip() == "StressBreak draait niet."


def test_quiet_resume_and_status_json_from_the_command_line(running_app):
    data, process = running_app
    facts = json.loads(cli(data, "status", "--json").stdout)
    assert facts["running"] is True
    assert facts["quiet_until"] is None
    assert facts["holding"] == []
    quiet = cli(data, "quiet", "45")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout.startswith("No reminders until ")
    facts = json.loads(cli(data, "status", "--json").stdout)
    quiet_until = datetime.fromisoformat(facts["quiet_until"])
    now = datetime.fromisoformat(facts["now"])
    assert timedelta(minutes=44) < quiet_until - now <= timedelta(minutes=45)
    assert facts["next_pause"] is None or datetime.fromisoformat(facts["next_pause"]) >= (
        quiet_until)
    resumed = cli(data, "resume")
    assert resumed.returncode == 0 and resumed.stdout.startswith("Reminders are on again.")
    assert json.loads(cli(data, "status", "--json").stdout)["quiet_until"] is None
    assert process.poll() is None


def test_bad_quiet_minutes_are_refused_before_asking(running_app):
    data, _process = running_app
    for wrong in ("0", "1441", "soon"):
        done = cli(data, "quiet", wrong)
        assert done.returncode == 2
        assert "MINUTES" in done.stderr or "minutes" in done.stderr


def test_status_json_says_when_nothing_runs(tmp_path: Path):
    done = cli(tmp_path / "d", "status", "--json")
    assert done.returncode == 1
    assert json.loads(done.stdout) == {"running": False}


def test_settings_command_opens_the_settings_window(running_app):
    data, _process = running_app
    done = cli(data, "settings")
    assert done.returncode == 0
    assert done.stdout.strip() == "Settings opened."
