"""A throwaway X desktop for real-window checks: Xvfb, its own session bus, a tray host (trayer),
and helpers."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

TOOLS = ("Xvfb", "trayer", "xdotool", "dbus-daemon")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(predicate: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting")
        time.sleep(0.1)


# The reminder's title. Qt appends " — StressBreak" to it, which xdotool's regular expression
# on the window name did not match (its em dash), so only the title's own words.
REMINDER_TITLE = "^Pause reminder"


def run(env: dict[str, str], *args: str, check: bool = True) -> str:
    return subprocess.run(args, capture_output=True, text=True, env=env, check=check,
                          timeout=30).stdout


def app_status(app: list[str], env: dict[str, str]) -> dict[str, Any]:
    """`stressbreak status --json` of the app started with the command line `app`."""
    done = subprocess.run([*app, "status", "--json"], env=env, capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    facts: dict[str, Any] = json.loads(done.stdout)
    return facts


def find_window(env: dict[str, str], name: str) -> str | None:
    found = run(env, "xdotool", "search", "--onlyvisible", "--name", name, check=False).split()
    return found[0] if found else None


def geometry(env: dict[str, str], window: str) -> dict[str, int]:
    shell = run(env, "xdotool", "getwindowgeometry", "--shell", window)
    pairs = (line.split("=") for line in shell.split())
    return {key: int(value) for key, value in pairs if key != "SCREEN"}


def click(env: dict[str, str], x: int, y: int, button: int = 1) -> None:
    run(env, "xdotool", "mousemove", str(x), str(y), "click", str(button))


def tray_panel(env: dict[str, str]) -> str:
    """trayer's visible panel window (trayer also has a hidden 1×1 window of the same class)."""
    return run(env, "xdotool", "search", "--name", "^panel$").split()[0]


# What a desktop session hands its programs: its bus, runtime folder and settings folders,
# its kind (Wayland, GNOME, ...), its session manager, sound server, accessibility bus and Qt
# or GTK preferences. None of the session the tests run in may reach the throwaway one: its
# do-not-disturb would hold the reminders, its tray watcher would take the icon, its Wayland
# would hide the X11 window that is full screen.
_SESSION_PREFIXES = ("XDG_", "DBUS_", "WAYLAND_", "PULSE_", "PIPEWIRE_", "AT_SPI_", "QT_",
                     "GTK_", "GDK_", "GIO_", "GSETTINGS_")
_SESSION_NAMES = ("DISPLAY", "XAUTHORITY", "DESKTOP_SESSION", "SESSION_MANAGER",
                  "NO_AT_BRIDGE")


def _outside_any_session() -> dict[str, str]:
    return {key: value for key, value in os.environ.items()
            if not key.startswith(_SESSION_PREFIXES) and key not in _SESSION_NAMES}


@contextlib.contextmanager
def virtual_desktop(size: str = "1024x700x24") -> Iterator[dict[str, str]]:
    """A throwaway X11 session: Xvfb on a free display, its own session bus, runtime and
    settings folders, and trayer as its tray; yield the environment to run apps in."""
    private = Path(tempfile.mkdtemp(prefix="sb-desktop-"))
    runtime = private / "run"
    runtime.mkdir(mode=0o700)
    env = _outside_any_session()
    env.update(QT_QPA_PLATFORM="xcb", XDG_SESSION_TYPE="x11", XDG_RUNTIME_DIR=str(runtime),
               XDG_CONFIG_HOME=str(private / "config"), XDG_DATA_HOME=str(private / "data"),
               XDG_CACHE_HOME=str(private / "cache"), XDG_STATE_HOME=str(private / "state"))
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL, text=True,
    )
    os.close(write_fd)
    procs: list[subprocess.Popen[str]] = [xvfb]
    try:
        with os.fdopen(read_fd) as pipe:
            env["DISPLAY"] = ":" + pipe.readline().strip()
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
        procs.append(bus)
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
        assert env["DBUS_SESSION_BUS_ADDRESS"], "dbus-daemon did not start"
        trayer_log = private / "trayer.log"
        with trayer_log.open("w") as log:
            trayer = subprocess.Popen(
                ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "pixel",
                 "--width", "120", "--height", "28", "--tint", "0xdddddd", "--transparent",
                 "true", "--alpha", "0"],
                # The tray host needs no accessibility bus: starting one through the fresh
                # session bus only slows it down on a busy machine.
                env={**env, "NO_AT_BRIDGE": "1"}, stdout=log, stderr=subprocess.STDOUT,
            )
        procs.append(trayer)
        try:
            # Set-up, not a timing goal: on a busy machine the tray host may take a while.
            wait_for(lambda: bool(run(env, "xdotool", "search", "--class", "trayer",
                                      check=False).strip()), timeout_s=60.0)
        except TimeoutError:
            state = "running" if trayer.poll() is None else f"exited with {trayer.returncode}"
            raise TimeoutError(f"no trayer window on {env['DISPLAY']} (trayer {state}): "
                               f"{trayer_log.read_text()!r}") from None
        yield env
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=10)
        shutil.rmtree(private, ignore_errors=True)


def seed_due_pause(data: Path, due_in: timedelta = timedelta(minutes=-1)) -> None:
    """A data folder whose settings make every moment working time, with a pause 61 minutes
    ago in the journal: the app's own rules then show a reminder right after start (or
    `due_in` from now: the default interval is an hour)."""
    data.mkdir(parents=True, mode=0o700)
    (data / "settings.json").write_text(json.dumps({
        "work_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "work_start": "00:00", "work_end": "23:59", "native_notifications": False,
        "language": "en",  # the checks find windows by their English titles
    }))
    end = datetime.now().astimezone() - timedelta(minutes=60) + due_in
    start = end - timedelta(minutes=1)
    record = {"kind": "pause", "v": 1, "id": "seed", "started_at": start.isoformat(),
              "ended_at": end.isoformat(), "outcome": "completed", "duration_s": 60.0,
              "exercise": "coherent"}
    (data / f"journal-{start:%Y-%m}.json").write_text(json.dumps({"records": {"1": record}}))
