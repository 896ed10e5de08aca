"""A settings file built to break the app, through the real processes (issue 14): the app
starts, says what is wrong in `status`, and every command-line path keeps working."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

STARTUP_WAIT_S = 30.0
DEEP = "[" * 100_000 + "]" * 100_000  # far deeper than Python's JSON parser goes


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )


@pytest.fixture
def deep_settings(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "settings.json").write_text(DEEP)
    return data_dir


@pytest.mark.parametrize("args", [("--help",), ("status",), ("export", "--format", "json"),
                                  ("quiet", "nope")], ids=["help", "status", "export", "refusal"])
def test_deeply_nested_settings_never_give_a_traceback_on_the_command_line(
    deep_settings: Path, args: tuple[str, ...]
) -> None:
    result = _run(deep_settings, *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert "RecursionError" not in result.stderr
    assert result.returncode in (0, 1, 2)  # help and export 0, status 1, a refusal 2
    assert (deep_settings / "settings.json").read_text() == DEEP  # left as it is


def test_the_app_starts_with_deeply_nested_settings_and_says_so(deep_settings: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "stressbreak", "--data-dir", str(deep_settings)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        deadline = time.monotonic() + STARTUP_WAIT_S
        while (status := _run(deep_settings, "status")).returncode != 0:
            assert app.poll() is None, app.communicate()[0]
            assert time.monotonic() < deadline, "the app did not answer in time"
            time.sleep(0.2)
        assert "next pause" in status.stdout  # running on the defaults
        assert "nested too deeply" in status.stdout  # and telling why
        assert (deep_settings / "settings.json").read_text() == DEEP
        assert _run(deep_settings, "quit").returncode == 0
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
