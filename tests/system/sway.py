"""A real Wayland compositor for system tests: headless sway 1.7, optionally with waybar as the
tray (a StatusNotifierItem host) on a private session bus, and the app started under it.

sway refuses to run as root, so it runs as the unprivileged user `.ci/run` also uses
(`SWAY_USER`), with its own runtime folder. The app runs as the test's user (root) with
`QT_QPA_PLATFORM=wayland` and reaches sway's socket by its full path: root may open any
socket, and the app's own runtime folder stays its own.

In a test module:

    sway = sway_fixture()                 # module-scoped; skips with the reason when it can't
    sway_with_tray = sway_fixture(waybar=True)

    def test_x(sway, tmp_path):
        with work_window(sway) as work, start_app(sway, tmp_path, {"interval_min": 30}) as app:
            app.send("pause")
            node, floating = sway.wait_for_window(lambda title: title.startswith("A minute "),
                                                  app)
            sway.swaymsg("fullscreen", "enable")   # the focused window; any sway command
            sway.click(10, 10)                     # with sway's own cursor commands
            sway.pointer.nudge(5, 0)               # input the compositor counts as presence

`dbus_property(sway, ...)` and `dbus_call(sway, ...)` read the session bus of a sway started
with waybar (dbus-send from Debian dbus-bin).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from stressbreak.services.wayland import Connection, uint

WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]
SWAY_USER = "stressbreak-ci"  # the unprivileged user .ci/run also uses
APP_NAME = "StressBreak"
RUNUSER = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")
# What PySide6's wayland platform plugin loads (Debian libwayland-client0, libwayland-cursor0,
# libwayland-egl1, libxkbcommon0).
WAYLAND_LIBRARIES = ("wayland-client", "wayland-cursor", "wayland-egl", "xkbcommon")
# The output headless sway makes (wlroots' headless backend), in layout pixels.
OUTPUT_SIZE = (1280, 720)
WAYBAR_HEIGHT_PX = 30

Node = dict[str, Any]
# The line README gives sway users (in English and Dutch): sway gives every new window the
# keyboard unless its config says otherwise (sway 1.7's view_map), and a Wayland window cannot
# ask otherwise.
REMINDER_NO_FOCUS = ('no_focus [app_id="org.stressbreak.StressBreak" '
                     'title="^(Pause reminder|Herinnering voor een micropauze)"]')


def why_not(*, waybar: bool = False) -> str | None:
    """Why sway (and waybar, when asked) cannot run here, or None."""
    if not sys.platform.startswith("linux"):
        return "sway is Linux's"
    missing = [tool for tool in ("sway", "swaymsg") if shutil.which(tool) is None]
    if missing:
        return f"needs {' and '.join(missing)} (Debian: sway)"
    if waybar:
        for tool, package in (("waybar", "waybar"), ("dbus-daemon", "dbus-daemon"),
                              ("dbus-send", "dbus-bin")):
            if shutil.which(tool) is None:
                return f"needs {tool} (Debian: {package})"
    return why_not_as_user("sway refuses to run as root, so it runs as another user")


def why_not_as_user(why_another_user: str) -> str | None:
    """Why a compositor cannot run here as the unprivileged user with Qt clients under it."""
    if os.geteuid() != 0 or RUNUSER is None:
        return f"needs root and runuser: {why_another_user}"
    if subprocess.run(["id", "-u", SWAY_USER], capture_output=True, check=False).returncode:
        return f"needs the unprivileged user {SWAY_USER} (.ci/run makes it)"
    libraries = [name for name in WAYLAND_LIBRARIES if ctypes.util.find_library(name) is None]
    if libraries:
        return f"Qt's wayland plugin needs lib{', lib'.join(libraries)}"
    return None


def wait_for(what: str, found: Callable[[], Any], alive: Callable[[], str | None],
             timeout_s: float = WAIT_S) -> Any:
    """Poll until `found` gives something; fail with `alive`'s words if a process ended."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = found()
        if result:
            return result
        ended = alive()
        if ended:
            pytest.fail(f"while waiting for {what}: {ended}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {timeout_s:.0f} s")
        time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        # runuser, told to stop, waits 2 s before it kills its child: the child is told
        # directly, and runuser ends with it.
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        with contextlib.suppress(OSError, ValueError, subprocess.TimeoutExpired):
            told = [int(child) for child in children.read_text().split()]
            for child in told:
                os.kill(child, signal.SIGTERM)
            if told:
                process.wait(timeout=WAIT_S / 3)
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _as_user(*args: str) -> list[str]:
    assert RUNUSER is not None
    return [RUNUSER, "-u", SWAY_USER, "--", *args]


def windows(node: Node, floating: bool = False) -> Iterator[tuple[Node, bool]]:
    """Every window in a sway tree (a node with a pid), and whether it floats."""
    if node.get("pid"):
        yield node, floating
    for child in node.get("nodes", []):
        yield from windows(child, floating)
    for child in node.get("floating_nodes", []):
        yield from windows(child, True)


class VirtualPointer:
    """A pointer device for a seat that has none, as a client of sway's
    zwlr_virtual_pointer_manager_v1, through the app's own Wayland client
    (stressbreak/services/wayland.py).

    Headless sway has no input devices, so its seat offers no pointer: clients then bind no
    wl_pointer and `seat seat0 cursor press` reaches nobody. While this connection is open the
    seat has a pointer, and sway's own cursor commands click as a mouse would.
    """

    _MANAGER = "zwlr_virtual_pointer_manager_v1"
    _CREATE, _MOTION, _FRAME = 0, 0, 4  # manager: create_virtual_pointer; pointer: motion, frame

    def __init__(self, display: Path) -> None:
        self._connection = Connection.open(display, timeout_s=WAIT_S)
        offered = self._connection.find(self._MANAGER)
        if offered is None:
            self._connection.close()
            raise RuntimeError(f"the compositor offers no {self._MANAGER}")
        manager = self._connection.bind(offered, 1)
        self._pointer = self._connection.new_object()
        # seat: null (the default seat), then the new pointer's id
        self._connection.send(manager, self._CREATE, uint(0), uint(self._pointer))
        self._connection.roundtrip()  # raises WaylandError if the compositor refused

    def nudge(self, dx_px: int = 1, dy_px: int = 0) -> None:
        """Move the pointer as a mouse would: input the compositor counts as presence."""
        motion = struct.pack("=Iii", int(time.monotonic() * 1000) & 0xFFFFFFFF,
                             dx_px * 256, dy_px * 256)  # time, then wl_fixed_t (24.8) dx, dy
        self._connection.send(self._pointer, self._MOTION, motion)
        self._connection.send(self._pointer, self._FRAME)
        self._connection.roundtrip()

    def close(self) -> None:
        self._connection.close()


@dataclass
class Sway:
    """A running headless sway; `bus` is the session bus address when it has one."""

    process: subprocess.Popen[bytes]
    runtime: Path  # the sway user's runtime folder: sway's, waybar's and the bus's sockets
    home: str
    log: Path
    bus: str | None = None
    pointer: VirtualPointer | None = None
    helpers: list[tuple[str, subprocess.Popen[bytes], Path]] = field(default_factory=list)

    def ended(self) -> str | None:
        """Why the compositor (or a helper such as waybar) is gone, or None."""
        if self.process.poll() is not None:
            return f"sway ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"
        for name, helper, log in self.helpers:
            if helper.poll() is not None:
                return (f"{name} ended ({helper.returncode}): "
                        f"{log.read_text(errors='replace')}")
        return None

    def socket(self, pattern: str) -> Path | None:
        return next((p for p in self.runtime.glob(pattern) if p.is_socket()), None)

    @property
    def display(self) -> Path:
        """sway's Wayland socket, by full path (what WAYLAND_DISPLAY may hold)."""
        found = self.socket("wayland-*")
        assert found is not None
        return found

    def swaymsg(self, *args: str, kind: str | None = None) -> Any:
        """`swaymsg` on this sway; its JSON answer. A command that sway refuses fails."""
        ipc = self.socket("sway-ipc.*.sock")
        assert ipc is not None
        command = ["swaymsg", "-s", str(ipc), "-r"]
        if kind is not None:
            command += ["-t", kind]
        done = subprocess.run([*command, *args], capture_output=True, text=True,
                              timeout=WAIT_S, check=False)
        assert done.returncode == 0, f"swaymsg {' '.join(args)}: {done.stdout}{done.stderr}"
        return json.loads(done.stdout)

    def tree(self) -> Node:
        tree: Node = self.swaymsg(kind="get_tree")
        return tree

    def windows(self, pid: int | None = None) -> list[tuple[Node, bool]]:
        """Every window (of process `pid`, when given) and whether it floats."""
        return [(node, floating) for node, floating in windows(self.tree())
                if pid is None or node.get("pid") == pid]

    def window(self, title: Callable[[str], bool], pid: int | None = None
               ) -> tuple[Node, bool] | None:
        """The first window whose title (the title bar's text) `title` accepts."""
        return next(((node, floating) for node, floating in self.windows(pid)
                     if title(node.get("name") or "")), None)

    def wait_for_window(self, title: Callable[[str], bool], app: App | None = None,
                        what: str = "the window") -> tuple[Node, bool]:
        found: tuple[Node, bool] = wait_for(
            f"{what} in sway's tree",
            lambda: self.window(title, app.process.pid if app else None),
            lambda: self.ended() or (app.ended() if app else None))
        return found

    def focused(self) -> Node | None:
        """The window that has the keyboard focus."""
        return next((node for node, _ in self.windows() if node.get("focused")), None)

    def click(self, x: int, y: int) -> None:
        """A left click at (x, y) in layout pixels, with the seat's own cursor."""
        self.swaymsg("seat", "seat0", "cursor", "set", str(x), str(y))
        self.swaymsg("seat", "seat0", "cursor", "press", "button1")
        self.swaymsg("seat", "seat0", "cursor", "release", "button1")

    def run_as_user(self, *args: str, env: dict[str, str] | None = None
                    ) -> subprocess.CompletedProcess[str]:
        """A Wayland client run as the compositor's user (grim, for instance)."""
        return subprocess.run(_as_user("env", "-i", *self._user_env(env)[1:], *args),
                              capture_output=True, text=True, timeout=WAIT_S, check=False)

    def screenshot(self, path: Path) -> None:
        """The whole output as a PNG, taken with grim as the compositor's user."""
        inside = self.runtime / f"shot-{os.getpid()}-{time.monotonic_ns()}.png"
        done = self.run_as_user("grim", str(inside))
        assert done.returncode == 0, f"grim: {done.stdout}{done.stderr}"
        shutil.move(inside, path)

    def _user_env(self, extra: dict[str, str] | None = None) -> list[str]:
        env = {"HOME": self.home, "USER": SWAY_USER, "PATH": "/usr/local/bin:/usr/bin:/bin",
               "XDG_RUNTIME_DIR": str(self.runtime)}
        display = self.socket("wayland-*")
        if display is not None:
            env["WAYLAND_DISPLAY"] = display.name
        ipc = self.socket("sway-ipc.*.sock")
        if ipc is not None:
            env["SWAYSOCK"] = str(ipc)
        if self.bus is not None:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        env |= extra or {}
        return ["env", *(f"{key}={value}" for key, value in env.items())]

    def start_as_user(self, name: str, *args: str, env: dict[str, str] | None = None
                      ) -> subprocess.Popen[bytes]:
        """A helper that runs as long as sway does, as the compositor's user; its output goes
        to a log that `ended` shows."""
        log = self.log.with_name(f"{name}.log")
        with log.open("wb") as output:
            process = subprocess.Popen(_as_user("env", "-i", *self._user_env(env)[1:], *args),
                                       stdout=output, stderr=subprocess.STDOUT)
        self.helpers.append((name, process, log))
        return process


# An SNI host needs the tray alone: no clock, no sway modules, nothing else that changes.
_WAYBAR_CONFIG = {"layer": "top", "position": "top", "height": WAYBAR_HEIGHT_PX,
                  "modules-left": [], "modules-center": [], "modules-right": ["tray"],
                  "tray": {"icon-size": 20, "spacing": 8}}
_WAYBAR_STYLE = "* { font-family: sans-serif; font-size: 13px; } " \
                "window#waybar { background: #dddddd; }"

# The session bus of the compositor's user, which the app (root) must reach too: a session bus
# lets only its own user in, unless its configuration allows another. Root is let in here, as
# a desktop's own session bus lets the desktop's user in.
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <include>/usr/share/dbus-1/session.conf</include>
  <listen>unix:path={socket}</listen>
  <policy context="default">
    <allow user="root"/>
  </policy>
</busconfig>
"""


@contextlib.contextmanager
def start_sway(tmp: Path, *, waybar: bool = False) -> Iterator[Sway]:
    """Headless sway as `SWAY_USER` (with a session bus and waybar's tray when asked); skips
    the test with the reason when that cannot run here."""
    reason = why_not(waybar=waybar)
    if reason:
        pytest.skip(reason)
    home = subprocess.run(["getent", "passwd", SWAY_USER], capture_output=True, text=True,
                          check=True).stdout.split(":")[5]
    made = subprocess.run(_as_user("mktemp", "-d"), capture_output=True, text=True, check=True)
    runtime = Path(made.stdout.strip())  # the user's own, 0700
    config = runtime / "config"
    # An empty configuration: none of the distribution's bars, wallpapers or key bindings,
    # only sway's own defaults (which are what decides floating and focus).
    subprocess.run(_as_user("touch", str(config)), check=True)
    log = tmp / "sway.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            _as_user("env", "-i", f"HOME={home}", f"USER={SWAY_USER}",
                     "PATH=/usr/local/bin:/usr/bin:/bin", f"XDG_RUNTIME_DIR={runtime}",
                     "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman",
                     "sway", "-c", str(config)),
            stdout=output, stderr=subprocess.STDOUT)
    compositor = Sway(process, runtime, home, log)
    try:
        wait_for("sway's sockets",
                 lambda: compositor.socket("wayland-*") and compositor.socket("sway-ipc.*"),
                 compositor.ended)
        compositor.pointer = VirtualPointer(compositor.display)
        if waybar:
            _start_bus(compositor)
            _start_waybar(compositor)
        yield compositor
    finally:
        if compositor.pointer is not None:
            compositor.pointer.close()
        for _name, helper, _log in reversed(compositor.helpers):
            _stop(helper)
        _stop(process)
        subprocess.run(["rm", "-rf", str(runtime)], check=False)


def _write_as_user(path: Path, text: str) -> None:
    subprocess.run(_as_user("tee", str(path)), input=text.encode(), stdout=subprocess.DEVNULL,
                   check=True)


def _start_bus(sway: Sway) -> None:
    socket = sway.runtime / "bus"
    config = sway.runtime / "bus.conf"
    _write_as_user(config, _BUS_CONFIG.format(socket=socket))
    sway.start_as_user("dbus-daemon", "dbus-daemon", "--nofork", f"--config-file={config}")
    wait_for("the session bus", socket.is_socket, sway.ended)
    sway.bus = f"unix:path={socket}"


def _start_waybar(sway: Sway) -> None:
    folder = sway.runtime / "waybar"
    subprocess.run(_as_user("mkdir", str(folder)), check=True)
    _write_as_user(folder / "config", json.dumps(_WAYBAR_CONFIG))
    _write_as_user(folder / "style.css", _WAYBAR_STYLE)
    # No accessibility bus: GTK would start one through the fresh session bus, for nothing.
    sway.start_as_user("waybar", "waybar", "-c", str(folder / "config"),
                       "-s", str(folder / "style.css"), env={"NO_AT_BRIDGE": "1"})
    wait_for("waybar's tray (the StatusNotifierWatcher on the bus)",
             lambda: _watcher_is_there(sway), sway.ended)


def _watcher_is_there(sway: Sway) -> bool:
    return "org.kde.StatusNotifierWatcher" in dbus_call(
        sway, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames",
        check=False)


def dbus_call(sway: Sway, destination: str, path: str, method: str, *args: str,
              check: bool = True) -> str:
    """`dbus-send --print-reply` on the compositor's session bus: the reply as printed."""
    assert sway.bus is not None, "this sway was started without a session bus"
    done = subprocess.run(
        ["dbus-send", f"--bus={sway.bus}", "--print-reply", f"--dest={destination}", path,
         method, *args], capture_output=True, text=True, timeout=WAIT_S, check=False)
    if check:
        assert done.returncode == 0, f"dbus-send {method}: {done.stderr}"
    return done.stdout


def dbus_property(sway: Sway, destination: str, path: str, interface: str, name: str) -> str:
    """One property's value, as dbus-send prints it (without the line about the reply)."""
    reply = dbus_call(sway, destination, path, "org.freedesktop.DBus.Properties.Get",
                      f"string:{interface}", f"string:{name}")
    return reply.split("\n", 1)[1]


def sway_fixture(*, waybar: bool = False) -> Any:
    """A module-scoped pytest fixture giving one `Sway` to a module's tests."""

    @pytest.fixture(scope="module")
    def fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sway]:
        with start_sway(tmp_path_factory.mktemp("sway"), waybar=waybar) as compositor:
            yield compositor

    return fixture


@dataclass
class App:
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    data_dir: Path
    log: Path

    def ended(self) -> str | None:
        if self.process.poll() is None:
            return None
        return f"the app ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`stressbreak ARGS` beside the running app, as a user would type it."""
        return subprocess.run([sys.executable, "-m", "stressbreak", "--data-dir",
                               str(self.data_dir), *args], env=self.env, capture_output=True,
                              text=True, timeout=WAIT_S * 2, check=False)

    def send(self, command: str) -> None:
        done = self.cli(command)
        assert done.returncode == 0, done.stdout + done.stderr


def app_env(sway: Sway, runtime: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a Qt program on this sway (and its session bus, when it has one),
    with `runtime` as its own runtime folder; nothing of the session the tests run in."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM",
                          "DBUS_SESSION_BUS_ADDRESS", "XDG_CURRENT_DESKTOP",
                          "XDG_SESSION_TYPE")}
    env |= {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(sway.display),
            "XDG_RUNTIME_DIR": str(runtime), "XDG_SESSION_TYPE": "wayland",
            "LANGUAGE": "en", "LC_ALL": "C.UTF-8", "NO_AT_BRIDGE": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                        env.get("PYTHONPATH")]))}
    if sway.bus is not None:
        env["DBUS_SESSION_BUS_ADDRESS"] = sway.bus
    return env | (extra or {})


@contextlib.contextmanager
def start_app(sway: Sway, tmp: Path, settings: dict[str, Any] | None = None, *,
              data_dir: Path | None = None, env: dict[str, str] | None = None
              ) -> Iterator[App]:
    """The app on this sway, with `settings` (native notifications off unless given) in a
    fresh data folder (or `data_dir`, already filled), once it answers `status`."""
    runtime = Path(tempfile.mkdtemp(prefix="stressbreak-runtime-"))  # 0700, the app's own
    if data_dir is None:
        data_dir = tmp / "data"
        data_dir.mkdir(mode=0o700)
        (data_dir / "settings.json").write_text(
            json.dumps({"native_notifications": False} | (settings or {})))
    environment = app_env(sway, runtime, env)
    log = tmp / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
            stdout=output, stderr=subprocess.STDOUT, env=environment)
    started = App(process, environment, data_dir, log)
    try:
        wait_for("the app's answer", lambda: started.cli("status").returncode == 0,
                 lambda: sway.ended() or started.ended())
        yield started
    finally:
        if process.poll() is None:
            started.cli("quit")
            try:
                process.wait(timeout=WAIT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(runtime, ignore_errors=True)


# A window to work in: what has the keyboard when a reminder comes, or goes full screen.
WORK_APP_ID = "org.example.Editor"  # the work window's Wayland app id
_WORK_WINDOW = f"""
import sys
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication(sys.argv)
app.setDesktopFileName("{WORK_APP_ID}")
editor = QPlainTextEdit("Typing a report")
editor.setWindowTitle(sys.argv[1])
editor.show()
app.exec()
"""


@contextlib.contextmanager
def work_window(sway: Sway, title: str = "Work in progress") -> Iterator[Node]:
    """Another program's window on this sway, focused; its node in sway's tree."""
    runtime = Path(tempfile.mkdtemp(prefix="work-runtime-"))
    process = subprocess.Popen([sys.executable, "-c", _WORK_WINDOW, title],
                               env=app_env(sway, runtime), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        node, _floating = sway.wait_for_window(lambda name: name == title, what=title)
        wait_for(f"{title} to have the keyboard",
                 lambda: (sway.focused() or {}).get("pid") == process.pid, sway.ended)
        yield node
    finally:
        _stop(process)
        shutil.rmtree(runtime, ignore_errors=True)
