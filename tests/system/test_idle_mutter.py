"""GNOME's idle time for real: headless Mutter (`mutter --headless --wayland --no-x11
--virtual-monitor 1280x720`, Debian: mutter) answers `org.gnome.Mutter.IdleMonitor.GetIdletime`
on a session bus, `detect_idle_source()` finds it, its idle time grows while nothing happens and
drops to zero at input, and the app started in that session says it reads idle time from Mutter.

A GNOME session's compositor and session bus belong to the user, so Mutter and its bus run as
the unprivileged user `.ci/run` also uses, in a private runtime folder of that user, with an
empty environment (`env -i`) and settings kept in memory (`GSETTINGS_BACKEND=memory`), so
nothing of the user's or the machine's desktop leaks in.

The bus. This test and the app run as root (the test runner's user in CI), and a session
dbus-daemon admits only connections of its own user: root's connection is closed during
authentication ("The connection is closed"). So the bus is the user's dbus-daemon with a
configuration of its own, the stock session policy plus one `<allow user="root"/>`: root
connects as root, authenticated by EXTERNAL (the kernel's peer credentials), nobody is
anonymous, and the bus has no service folders, so nothing is started on demand. Running the app
as that user would be closer to a real session, but that user may not be able to read the
checkout and the Python environment the tests run from (in CI they are root's). The app reaches
Mutter's Wayland socket by its full path (root may open any socket).

Input. Headless Mutter has no input devices; its remote-desktop service
(`org.gnome.Mutter.RemoteDesktop`, the one gnome-remote-desktop uses) makes virtual ones. A
session belongs to the bus connection that created it (Mutter ends it when that connection goes),
so one process creates it, moves and clicks the virtual pointer and reads the idle time, over the
same connection as detection. Keys are not sent: their calls take a uint32 (`(ub)`), which
PySide6 cannot marshal (a Python int goes out as int32 and Mutter refuses it). A key resets
Mutter's idle time as the pointer does (tried by hand through PyGObject, which can send `(ub)`).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.system.sway import wait_for

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="Mutter is a Linux compositor")

WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]
SESSION_USER = "stressbreak-ci"  # the unprivileged user .ci/run also uses
RUNUSER = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")
IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
# What PySide6's wayland platform plugin loads (Debian libwayland-client0, libwayland-cursor0,
# libwayland-egl1, libxkbcommon0).
WAYLAND_LIBRARIES = ("wayland-client", "wayland-cursor", "wayland-egl", "xkbcommon")

# The stock session policy (everyone on the bus may talk to and own anything), and root.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
    <allow user="root"/>
  </policy>
</busconfig>
"""

_WAIT_FOR_NAME = """
import sys, time
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection

app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
if not bus.isConnected():
    sys.exit("cannot connect to the bus: " + bus.lastError().message())
deadline = time.monotonic() + float(sys.argv[2])
while not bus.interface().isServiceRegistered(sys.argv[1]).value():
    if time.monotonic() > deadline:
        sys.exit(sys.argv[1] + " is not on the bus")
    time.sleep(0.05)
"""

_IDLE_AND_INPUT = """
import json, sys, time
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage
from stressbreak.services.idle import detect_idle_source

app = QCoreApplication([])
started = time.monotonic()
probe = detect_idle_source(platform="linux")
detect_ms = (time.monotonic() - started) * 1000
source = probe.source
if source is None:
    print(json.dumps({"name": None, "reason": str(probe.reason)}))
    sys.exit()
read_at = time.monotonic()
first = source.idle_seconds()
time.sleep(1.0)
later = source.idle_seconds()

calls = 200
started = time.perf_counter()
for _ in range(calls):
    source.idle_seconds()
call_us = (time.perf_counter() - started) / calls * 1e6

bus = QDBusConnection.sessionBus()
SERVICE = "org.gnome.Mutter.RemoteDesktop"


def call(interface, method, *args):
    reply = interface.call(method, *args)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        sys.exit(method + ": " + reply.errorName() + " " + reply.errorMessage())
    return reply.arguments()


def after(act):
    # The virtual device's events reach the idle monitor through Mutter's input thread and
    # main loop, not within the D-Bus call: read until the reset shows.
    before = source.idle_seconds()
    act()
    deadline = time.monotonic() + 5.0
    while True:
        idle = source.idle_seconds()
        if idle is None or idle < before or time.monotonic() > deadline:
            return before, idle
        time.sleep(0.02)


desktop = QDBusInterface(SERVICE, "/org/gnome/Mutter/RemoteDesktop", SERVICE, bus)
path = call(desktop, "CreateSession")[0].path()
session = QDBusInterface(SERVICE, path, SERVICE + ".Session", bus)
call(session, "Start")
moved = after(lambda: call(session, "NotifyPointerMotionRelative", 40.0, 30.0))
time.sleep(0.3)
moved_later = source.idle_seconds()
BTN_LEFT = 0x110  # linux/input-event-codes.h
clicked = after(lambda: (call(session, "NotifyPointerButton", BTN_LEFT, True),
                         call(session, "NotifyPointerButton", BTN_LEFT, False)))
call(session, "Stop")
print(json.dumps({
    "name": source.name, "reason": str(probe.reason), "detect_ms": detect_ms,
    "read_at": read_at, "first": first, "later": later, "call_us": call_us,
    "moved": moved, "moved_later": moved_later, "clicked": clicked,
}))
"""


def _why_not() -> str | None:
    missing = [tool for tool in ("mutter", "dbus-daemon") if shutil.which(tool) is None]
    if missing:
        return f"needs {' and '.join(missing)} (Debian: {' '.join(missing)})"
    if os.geteuid() != 0 or RUNUSER is None:
        return ("needs root and runuser: Mutter and its session bus run as an unprivileged "
                "user, as in a real session")
    if subprocess.run(["id", "-u", SESSION_USER], capture_output=True, check=False).returncode:
        return f"needs the unprivileged user {SESSION_USER} (.ci/run makes it)"
    return None


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    _wait(process)


def _stop_as_user(process: subprocess.Popen[Any]) -> None:
    """End what runuser started: the program itself, then runuser (which waits for it).

    Told to end, runuser passes SIGTERM on but then sleeps 2 s before a SIGKILL, whether or not
    its child is still there; told nothing, it ends as soon as its child has.
    """
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    try:
        pids = [int(pid) for pid in children.read_text().split()]
    except OSError:
        pids = []
    for pid in pids:  # runuser's own children: not reaped while it runs, so not reused
        os.kill(pid, signal.SIGTERM)
    if pids:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=WAIT_S)
    if process.poll() is None:
        _stop(process)


def _wait(process: subprocess.Popen[Any]) -> None:
    try:
        process.wait(timeout=WAIT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Gnome:
    mutter: subprocess.Popen[bytes]
    started_at: float  # time.monotonic() as Mutter was started (one clock for all processes)
    runtime: Path
    bus_address: str
    log: Path

    def ended(self) -> str | None:
        if self.mutter.poll() is None:
            return None
        return f"mutter ended ({self.mutter.returncode}): {self.log.read_text(errors='replace')}"

    def display(self) -> Path | None:
        return next((p for p in self.runtime.glob("wayland-*") if p.is_socket()), None)

    def session_env(self) -> dict[str, str]:
        """This test's environment moved into the GNOME session: its bus and display."""
        display = self.display()
        assert display is not None
        env = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                              "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
        return env | {
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address, "WAYLAND_DISPLAY": str(display),
            "XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME",
            "LANGUAGE": "en", "LC_ALL": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                        env.get("PYTHONPATH")]))}


@pytest.fixture(scope="module")
def gnome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gnome]:
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    assert RUNUSER is not None
    home = subprocess.run(["getent", "passwd", SESSION_USER], capture_output=True, text=True,
                          check=True).stdout.split(":")[5]
    made = subprocess.run([RUNUSER, "-u", SESSION_USER, "--", "mktemp", "-d"],
                          capture_output=True, text=True, check=True)
    runtime = Path(made.stdout.strip())  # the user's own, 0700, as XDG_RUNTIME_DIR is
    logs = tmp_path_factory.mktemp("gnome")
    processes: list[subprocess.Popen[Any]] = []
    try:
        config = runtime / "bus.conf"
        config.write_text(BUS_CONFIG.format(socket=runtime / "bus"))
        config.chmod(0o644)
        session = [RUNUSER, "-u", SESSION_USER, "--", "env", "-i", f"HOME={home}",
                   f"USER={SESSION_USER}", f"LOGNAME={SESSION_USER}",
                   "PATH=/usr/local/bin:/usr/bin:/bin", f"XDG_RUNTIME_DIR={runtime}",
                   "GSETTINGS_BACKEND=memory"]
        with (logs / "dbus.log").open("wb") as output:
            bus = subprocess.Popen(
                [*session, "dbus-daemon", f"--config-file={config}", "--nofork",
                 "--print-address=1"], stdout=subprocess.PIPE, stderr=output, text=True)
        processes.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address, f"dbus-daemon did not start: {(logs / 'dbus.log').read_text()}"

        log = logs / "mutter.log"
        started_at = time.monotonic()
        with log.open("wb") as output:
            mutter = subprocess.Popen(
                [*session, f"DBUS_SESSION_BUS_ADDRESS={address}",
                 "mutter", "--headless", "--wayland", "--no-x11", "--virtual-monitor",
                 "1280x720"], stdout=output, stderr=subprocess.STDOUT)
        processes.append(mutter)
        desktop = Gnome(mutter, started_at, runtime, address, log)
        wait_for("Mutter's Wayland socket", desktop.display, desktop.ended)
        waited = subprocess.run(
            [sys.executable, "-c", _WAIT_FOR_NAME, IDLE_MONITOR, str(WAIT_S)],
            env=desktop.session_env(), capture_output=True, text=True, timeout=WAIT_S * 2,
            check=False)
        assert waited.returncode == 0, (waited.stderr, desktop.ended())
        print(f"\nheadless Mutter up and on the bus after "
              f"{time.monotonic() - started_at:.2f} s")
        yield desktop
    finally:
        for process in reversed(processes):
            _stop_as_user(process)
        subprocess.run(["rm", "-rf", str(runtime)], check=False)


def test_detection_finds_mutter_whose_idle_time_grows_and_input_resets(gnome: Gnome):
    done = subprocess.run([sys.executable, "-c", _IDLE_AND_INPUT], env=gnome.session_env(),
                          capture_output=True, text=True, timeout=WAIT_S * 2, check=False)
    assert done.returncode == 0, done.stderr + (gnome.ended() or "")
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["name"] == "mutter", facts["reason"]
    assert facts["reason"] == ""
    print(f"Mutter: detection {facts['detect_ms']:.1f} ms, GetIdletime "
          f"{facts['call_us']:.0f} µs per call; idle {facts['first']:.3f} s, a second later "
          f"{facts['later']:.3f} s; pointer moved {facts['moved']}, 0.3 s later "
          f"{facts['moved_later']}; clicked {facts['clicked']}")

    # Sane: no input ever happened, so the idle time is at most Mutter's age, and it grows
    # with the time that passes.
    assert 0.0 <= facts["first"] <= facts["read_at"] - gnome.started_at
    assert facts["later"] > facts["first"]

    before, after = facts["moved"]
    assert after is not None and after < before, "moving the pointer did not reset the idle time"
    assert facts["moved_later"] > after  # and then it runs on
    before, after = facts["clicked"]
    assert after is not None and after < before, "a click did not reset it"


@dataclass
class App:
    process: subprocess.Popen[bytes]
    log: Path

    def ended(self) -> str | None:
        if self.process.poll() is None:
            return None
        return f"the app ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"


@pytest.fixture
def app(gnome: Gnome, tmp_path: Path) -> Iterator[App]:
    libraries = [name for name in WAYLAND_LIBRARIES if ctypes.util.find_library(name) is None]
    if libraries:
        pytest.skip(f"Qt's wayland plugin needs lib{', lib'.join(libraries)}")
    runtime = Path(tempfile.mkdtemp(prefix="stressbreak-runtime-"))  # 0700, the app's own
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({"native_notifications": False}))
    env = gnome.session_env() | {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(runtime)}
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
            stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        yield App(process, log)
    finally:
        _stop(process)
        shutil.rmtree(runtime, ignore_errors=True)


def test_the_app_in_a_gnome_session_reads_idle_time_from_mutter(gnome: Gnome, app: App):
    def told() -> str | None:
        lines = app.log.read_text(errors="replace").splitlines()
        return next((line for line in lines
                     if "idle time from" in line or "natural breaks are off" in line), None)

    line = wait_for("the app's word on idle time", told, lambda: gnome.ended() or app.ended())
    assert line == "stressbreak: idle time from mutter", app.log.read_text()
