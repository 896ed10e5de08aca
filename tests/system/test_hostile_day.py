"""What a hostile day throws at the app, through the real processes (issue 14): a settings file
built to break it, a time zone nobody can name. The app starts, says what is wrong in `status`,
and every command-line path keeps working."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

STARTUP_WAIT_S = 30.0
DEEP = "[" * 100_000 + "]" * 100_000  # far deeper than Python's JSON parser goes


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def _run(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=_env(**env), timeout=60, check=False,
    )


@contextlib.contextmanager
def running(data_dir: Path, **env: str) -> Iterator[str]:
    """The app started on `data_dir`; yields its first `status` answer, and quits it."""
    app = subprocess.Popen([sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           env=_env(**env))
    try:
        deadline = time.monotonic() + STARTUP_WAIT_S
        while (status := _run(data_dir, "status", **env)).returncode != 0:
            assert app.poll() is None, app.communicate()[0]
            assert time.monotonic() < deadline, "the app did not answer in time"
            time.sleep(0.2)
        yield status.stdout
        assert _run(data_dir, "quit", **env).returncode == 0
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


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
    with running(deep_settings) as status:
        assert "next pause" in status  # running on the defaults
        assert "nested too deeply" in status  # and telling why
    assert (deep_settings / "settings.json").read_text() == DEEP


# --- a time zone nobody can name -------------------------------------------------------------


@pytest.mark.parametrize("zone", ["CET-1CEST", "CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30"])
def test_a_posix_rule_in_tz_is_followed_by_the_app_and_export(tmp_path: Path, zone: str) -> None:
    data_dir = tmp_path / "data"
    with running(data_dir, TZ=zone) as status:
        assert "next pause" in status
        assert "not known" not in status  # a rule the C library follows is no problem
        facts = json.loads(_run(data_dir, "status", "--json", TZ=zone).stdout)
        # The app's "now" carries the offset the C library gives for this rule.
        assert facts["now"][-6:] == _c_library_offset(zone)
    exported = _run(data_dir, "export", "--format", "json", TZ=zone)
    assert exported.returncode == 0, exported.stderr
    assert "Traceback" not in exported.stderr


@pytest.mark.parametrize("zone", ["Bogus/Zone", "Nowhere"])
def test_an_unknown_zone_falls_back_and_is_told_in_status_and_export(
    tmp_path: Path, zone: str
) -> None:
    data_dir = tmp_path / "data"
    with running(data_dir, TZ=zone) as status:
        assert "next pause" in status
        assert f'The time zone "{zone}" (the TZ variable) is not known' in status
    exported = _run(data_dir, "export", "--format", "csv", TZ=zone)
    assert exported.returncode == 0, exported.stderr
    assert f'"{zone}"' in exported.stderr and "Traceback" not in exported.stderr


def _c_library_offset(zone: str) -> str:
    """The UTC offset, as ISO 8601 writes it, that the C library gives `zone` now."""
    probe = subprocess.run(
        [sys.executable, "-c", "import time; print(time.strftime('%z'))"],
        capture_output=True, text=True, env=_env(TZ=zone), check=True)
    offset = probe.stdout.strip()
    return f"{offset[:3]}:{offset[3:]}"
