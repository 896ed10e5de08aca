"""The real app on a virtual X display with a tray host and its own PulseAudio: a process
recording audio holds a due reminder, `stressbreak status` names it, and when the recording
stops the reminder comes as the after-the-call offer (a loopback or recorder of the desktop's
sound is no call and holds nothing); a full-screen window holds it the same way; and a
reminder due while nobody touched the keyboard for over a minute becomes a natural pause when
the person comes back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stressbreak.core.presence import AWAY_AFTER_S
from tests.system.test_presence_real import _activate, _client_window, _set_state, _stop, pulse
from tests.system.xdisplay import (
    REMINDER_TITLE,
    app_status,
    find_window,
    missing_tools,
    run,
    seed_due_pause,
    tray_panel,
    virtual_desktop,
    wait_for,
)

pytestmark = pytest.mark.skipif(
    bool(missing_tools()), reason=f"needs {', '.join(missing_tools())} (see .ci/run)"
)
__all__ = ["pulse"]  # the fixture, imported for the tests below


def _seed(data: Path) -> None:
    """A reminder due at once; only the holds decide when it shows (no idle rules here)."""
    seed_due_pause(data)
    settings = json.loads((data / "settings.json").read_text())
    settings.update(natural_breaks=False, gentle_timing=False)
    (data / "settings.json").write_text(json.dumps(settings))


@pytest.fixture
def desktop(pulse: dict[str, str]) -> Iterator[dict[str, str]]:
    with virtual_desktop() as env:
        # The test's own sound server; the rest of its environment is the session the tests
        # run in (its desktop, its session type), which must not reach the throwaway one.
        yield {**env, "PULSE_SERVER": pulse["PULSE_SERVER"]}


def _start(app: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(app, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    wait_for(lambda: '"StressBreak"' in run(env, "xwininfo", "-tree", "-id", tray_panel(env)))
    # The icon comes first; the command channel right after it.
    wait_for(lambda: process.poll() is not None or subprocess.run(
        [*app, "status"], env=env, capture_output=True, timeout=30, check=False).returncode == 0)
    assert process.poll() is None, process.communicate()[0]
    return process


def _quit(app: list[str], env: dict[str, str], process: subprocess.Popen[str]) -> None:
    subprocess.run([*app, "quit"], env=env, check=True, timeout=30, capture_output=True)
    output = process.communicate(timeout=30)[0]
    assert process.returncode == 0, output


def test_a_recording_holds_the_reminder_and_its_end_brings_the_offer(
        desktop: dict[str, str], tmp_path: Path):
    data = tmp_path / "data"
    _seed(data)
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    recorder = subprocess.Popen(["parecord", "-d", "nullmic", "/dev/null"],
                                env=desktop, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    process = _start(app, desktop)
    try:
        wait_for(lambda: app_status(app, desktop)["holding"] != [])
        facts = app_status(app, desktop)
        assert facts["holding"] == ["a call (microphone in use) — parecord"]
        assert find_window(desktop, REMINDER_TITLE) is None
        plain = subprocess.run([*app, "status"], env=desktop, capture_output=True, text=True,
                               timeout=30, check=True).stdout
        assert "A reminder waits because of a call (microphone in use) — parecord." in plain

        _stop(recorder)
        wait_for(lambda: app_status(app, desktop)["holding"] == [])
        wait_for(lambda: find_window(desktop, REMINDER_TITLE) is not None)
        shots = Path(os.environ.get("STRESSBREAK_SHOTS", tmp_path))
        run(desktop, "import", "-window", "root", str(shots / "after-call.png"), check=False)
        _quit(app, desktop, process)
    finally:
        _stop(recorder)
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_loopback_of_the_desktop_sound_holds_no_reminder(
        desktop: dict[str, str], tmp_path: Path):
    """Issue 14, case 8: a loopback of a monitor source held reminders for minutes, and
    unloading it brought "Your call just ended"."""
    data = tmp_path / "data"
    _seed(data)
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    module = run(desktop, "pactl", "load-module", "module-loopback",
                 "source=nullsink.monitor", "sink=nullsink").strip()
    visualiser = subprocess.Popen(["parecord", "-d", "nullsink.monitor", "/dev/null"],
                                  env=desktop, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
    process = _start(app, desktop)
    try:
        wait_for(lambda: find_window(desktop, REMINDER_TITLE) is not None)
        assert app_status(app, desktop)["holding"] == []
        _quit(app, desktop, process)
    finally:
        _stop(visualiser)
        run(desktop, "pactl", "unload-module", module, check=False)
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_full_screen_window_holds_the_reminder_until_it_is_not(
        desktop: dict[str, str], tmp_path: Path):
    data = tmp_path / "data"
    _seed(data)
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    film, window = _client_window(desktop, "film")
    _set_state(desktop, window, "_NET_WM_STATE_FULLSCREEN")
    _activate(desktop, window)
    process = _start(app, desktop)
    try:
        wait_for(lambda: app_status(app, desktop)["holding"] != [])
        # The detail is the window's WM_CLASS.
        assert app_status(app, desktop)["holding"] == ["a full-screen window — Xmessage"]
        assert find_window(desktop, REMINDER_TITLE) is None
        _set_state(desktop, window)  # the film leaves full screen
        # Asking for the status makes the waiting reminder look again at once.
        wait_for(lambda: app_status(app, desktop)["holding"] == [])
        wait_for(lambda: find_window(desktop, REMINDER_TITLE) is not None)
        _quit(app, desktop, process)
    finally:
        _stop(film)
        if process.poll() is None:
            process.kill()
            process.wait()


def test_time_away_at_reminder_time_is_a_natural_pause_and_no_reminder_comes(tmp_path: Path):
    """Nobody touched the (virtual) keyboard or mouse since the X server started. Once that is
    longer than a pause, a due reminder does not come: StressBreak waits for the return, and
    the time away is recorded as a natural pause."""
    data = tmp_path / "data"
    seed_due_pause(data)  # the default one-minute pause; natural breaks on
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    with virtual_desktop() as env:
        away_since = time.monotonic()
        time.sleep(max(0.0, AWAY_AFTER_S + 5 - (time.monotonic() - away_since)))
        process = _start(app, env)
        try:
            # The sources are found 3 s after start; the due reminder then finds nobody here.
            time.sleep(4)
            assert find_window(env, REMINDER_TITLE) is None
            run(env, "xdotool", "mousemove", "200", "200")  # back at the desk
            wait_for(lambda: _natural_pauses(data, env) != [])
            assert find_window(env, REMINDER_TITLE) is None
            [pause] = _natural_pauses(data, env)
            assert pause["duration_s"] >= AWAY_AFTER_S
            _quit(app, env, process)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _natural_pauses(data: Path, env: dict[str, str]) -> list[dict[str, object]]:
    # Asking for the status makes the waiting reminder look again (see the controller); in
    # the app's own session, where its command channel is.
    subprocess.run([sys.executable, "-m", "stressbreak", "--data-dir", str(data), "status"],
                   capture_output=True, timeout=30, check=True, env=env)
    return [record for path in data.glob("journal-*.json")
            for record in json.loads(path.read_text())["records"].values()
            if record.get("outcome") == "natural"]
