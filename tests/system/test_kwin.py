"""KDE Plasma's compositor for real: KWin 5.27 (Debian 12 `kwin-wayland`), headless
(`--virtual`), as the unprivileged user `.ci/run` makes, read through the app's own Wayland
client (services/wayland.py).

- Idle time: KWin 5.27 offers `ext_idle_notifier_v1` at version 1 (and `org_kde_kwin_idle`),
  so the app uses ext-idle-notify; this is that client against a real compositor. Input is
  KWin's own fake input device, moved by a trusted program (below): KWin counts it as presence.
- Full screen: KWin gives `org_kde_plasma_window_management` (and `org_kde_kwin_fake_input`)
  only to a program whose desktop file lists it in `X-KDE-Wayland-Interfaces`, found by the
  program's executable (`/proc/<pid>/exe`, which must be the desktop file's `Exec`). The
  test's own process (a Python interpreter, run by root, whose executable KWin cannot even
  read) is not given it, and detection says so. The trusted program is a copy of the Python
  interpreter under a name of its own, with a desktop file naming that copy, as a bundle's
  executable would be named: it runs the app's KdeFullscreen and sees a real Qt window go full
  screen and back.

Two things KWin needs here that a desktop session has: its binary carries the file capability
`cap_sys_resource`, which a container's bounding set may lack (exec then fails with "Operation
not permitted"), so it is started through the dynamic loader, which runs it without file
capabilities; its own Qt platform plugin then needs `KWIN_FORCE_OWN_QPA=1`, as the program is
no longer called kwin_wayland. It needs no session bus for any of this.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stressbreak.core.presence import LULL_S
from stressbreak.services.idle import WaylandIdle, detect_idle_source
from stressbreak.services.presence import FULLSCREEN, detect_backends
from stressbreak.services.wayland import Connection
from tests.system.sway import (
    REPO_ROOT,
    SWAY_USER,
    WAIT_S,
    _as_user,
    _stop,
    wait_for,
    why_not_as_user,
)

KWIN = shutil.which("kwin_wayland")
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin")
SOCKET = "wayland-kwin"
PROBE = "stressbreak-kwin-probe"  # the trusted copy of the interpreter
WORK_APP_ID = "org.example.Player"

# What the trusted program does, given the socket: "check" prints what detection finds and
# what KdeFullscreen says; "nudge" moves KWin's fake pointer (fake-input.xml: authenticate 0,
# pointer_motion 1 with two 24.8 fixed deltas).
_PROBE_SCRIPT = """
import json, struct, sys
from pathlib import Path
from stressbreak.services.presence import detect_backends
from stressbreak.services.wayland import Connection, string
socket, what = Path(sys.argv[1]), sys.argv[2]
if what == "check":
    found = detect_backends(platform="linux", which=lambda _tool: None,
                            environ={"WAYLAND_DISPLAY": str(socket), "XDG_SESSION_TYPE": "wayland"})
    source = found.fullscreen
    check = source.check() if source is not None else None
    print(json.dumps({"source": source and source.name, "reason": found.reasons.get("fullscreen"),
                      "active": check and check.active, "detail": check and check.detail}))
else:
    connection = Connection.open(socket)
    offered = connection.find("org_kde_kwin_fake_input")
    if offered is None:
        sys.exit("KWin gave no org_kde_kwin_fake_input")
    device = connection.bind(offered, 1)
    connection.send(device, 0, string("StressBreak tests"), string("a user at the desk"))
    connection.send(device, 1, struct.pack("=ii", 3 * 256, 2 * 256))
    connection.roundtrip()
"""

# A window that goes full screen and back when told on its standard input.
_WORK_WINDOW = f"""
import sys
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
app.setDesktopFileName("{WORK_APP_ID}")
label = QLabel("A film")
label.setWindowTitle("A film")
label.resize(400, 300)
label.show()
def told():
    line = sys.stdin.readline().strip()
    if line == "full":
        label.showFullScreen()
    elif line == "normal":
        label.showNormal()
    elif not line:
        app.quit()
notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(told)
app.exec()
"""


def _loader() -> Path | None:
    """The dynamic loader, which runs a program without its file capabilities."""
    for folder in ("/lib64", "/lib"):
        found = sorted(Path(folder).glob("ld-linux*.so.*"))
        if found:
            return found[0]
    return None


def why_not() -> str | None:
    """Why KWin cannot run here, or None."""
    if not sys.platform.startswith("linux"):
        return "KWin is Linux's"
    if KWIN is None:
        return "needs kwin_wayland (Debian: kwin-wayland)"
    if _loader() is None:
        return "needs the dynamic loader to start kwin_wayland without its file capabilities"
    if SYSTEM_PYTHON is None:
        return "needs the system's python3 for the trusted program"
    return why_not_as_user("KWin runs as another user, like a desktop's")


@dataclass
class KWin:
    process: subprocess.Popen[bytes]
    runtime: Path
    log: Path

    @property
    def display(self) -> Path:
        return self.runtime / SOCKET

    def ended(self) -> str | None:
        if self.process.poll() is None:
            return None
        return f"KWin ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"

    def probe(self, what: str) -> subprocess.CompletedProcess[str]:
        """The trusted program, as KWin's user."""
        return subprocess.run(
            _as_user("env", "-i", f"PYTHONPATH={REPO_ROOT}", "LC_ALL=C.UTF-8",
                     str(self.runtime / "bin" / PROBE), "-c", _PROBE_SCRIPT, str(self.display),
                     what),
            capture_output=True, text=True, timeout=WAIT_S, check=False)

    def check(self) -> dict[str, object]:
        done = self.probe("check")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)  # type: ignore[no-any-return]


def _write_as_user(path: Path, text: str) -> None:
    subprocess.run(_as_user("tee", str(path)), input=text.encode(), stdout=subprocess.DEVNULL,
                   check=True)


@pytest.fixture(scope="module")
def kwin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KWin]:
    reason = why_not()
    if reason:
        pytest.skip(reason)
    assert KWIN is not None
    loader = _loader()
    assert loader is not None
    made = subprocess.run(_as_user("mktemp", "-d"), capture_output=True, text=True, check=True)
    runtime = Path(made.stdout.strip())  # the user's own, 0700: HOME and XDG folders too
    probe = runtime / "bin" / PROBE
    subprocess.run(_as_user("mkdir", "-p", str(probe.parent), str(runtime / "data" /
                                                                   "applications")), check=True)
    # A copy, not a link: KWin compares the desktop file's Exec with /proc/<pid>/exe. The
    # system's Python, which that user can run (the tests' own may be root's alone); the probe
    # needs nothing but the standard library and this repository.
    copied = subprocess.run(_as_user("cp", os.path.realpath(SYSTEM_PYTHON), str(probe)),
                            capture_output=True, text=True, check=False)
    if copied.returncode:
        subprocess.run(["rm", "-rf", str(runtime)], check=False)
        pytest.skip(f"{SWAY_USER} cannot copy the system's Python: {copied.stderr.strip()}")
    _write_as_user(runtime / "data" / "applications" / f"{PROBE}.desktop",
                   "[Desktop Entry]\nType=Application\nName=StressBreak test probe\n"
                   f"Exec={probe}\nNoDisplay=true\n"
                   "X-KDE-Wayland-Interfaces=org_kde_plasma_window_management,"
                   "org_kde_kwin_fake_input\n")
    log = tmp_path_factory.mktemp("kwin") / "kwin.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            _as_user("env", "-i", f"HOME={runtime}", f"USER={SWAY_USER}",
                     "PATH=/usr/local/bin:/usr/bin:/bin", f"XDG_RUNTIME_DIR={runtime}",
                     f"XDG_DATA_HOME={runtime / 'data'}", f"XDG_CONFIG_HOME={runtime / 'config'}",
                     f"XDG_CACHE_HOME={runtime / 'cache'}", "KWIN_FORCE_OWN_QPA=1",
                     str(loader), KWIN, "--virtual",
                     "--no-lockscreen", "--no-global-shortcuts", "--no-kactivities",
                     "--socket", SOCKET, "--width", "1024", "--height", "768"),
            stdout=output, stderr=subprocess.STDOUT)
    compositor = KWin(process, runtime, log)
    try:
        wait_for("KWin's socket", compositor.display.is_socket, compositor.ended)
        yield compositor
    finally:
        _stop(process)
        subprocess.run(["rm", "-rf", str(runtime)], check=False)


def _session(kwin: KWin) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": str(kwin.display), "XDG_SESSION_TYPE": "wayland"}


def test_kwin_offers_ext_idle_notify_v1_and_input_ends_an_idle_spell(kwin: KWin, qtbot: QtBot):
    connection = Connection.open(kwin.display)
    offered = {g.interface: g.version for g in connection.globals.values()}
    connection.close()
    assert offered["ext_idle_notifier_v1"] == 1  # no input-only notification (v2) in 5.27
    probe = detect_idle_source(platform="linux", environ=_session(kwin))
    assert isinstance(probe.source, WaylandIdle), probe.reason
    source = probe.source
    try:
        assert source.name == "wayland-ext-idle-notify"
        source.notice_within(LULL_S)  # as the gate does while a reminder waits
        qtbot.waitUntil(lambda: (source.idle_seconds() or 0.0) >= LULL_S,
                        timeout=int(LULL_S * 1000) + 5000)
        spell = source.idle_seconds()
        assert spell is not None and LULL_S <= spell < LULL_S + 5
        nudged = kwin.probe("nudge")  # back at the desk
        assert nudged.returncode == 0, nudged.stderr
        qtbot.waitUntil(lambda: source.idle_seconds() == 0.0, timeout=5000)
    finally:
        source.close()


def test_kwin_keeps_its_window_list_from_an_untrusted_program_and_we_say_why(kwin: KWin):
    found = detect_backends(platform="linux", environ=_session(kwin), which=lambda _tool: None)
    assert found.fullscreen is None
    assert "X-KDE-Wayland-Interfaces" in found.reasons[FULLSCREEN]


@contextlib.contextmanager
def _work_window(kwin: KWin) -> Iterator[subprocess.Popen[bytes]]:
    runtime = Path(tempfile.mkdtemp(prefix="work-runtime-"))
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    env |= {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(kwin.display),
            "XDG_RUNTIME_DIR": str(runtime), "NO_AT_BRIDGE": "1"}
    process = subprocess.Popen([sys.executable, "-c", _WORK_WINDOW], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        if process.stdin is not None:
            process.stdin.close()
        _stop(process)
        shutil.rmtree(runtime, ignore_errors=True)


def _tell(window: subprocess.Popen[bytes], line: str) -> None:
    assert window.stdin is not None
    window.stdin.write(f"{line}\n".encode())
    window.stdin.flush()


def test_a_trusted_program_sees_a_real_window_go_full_screen(kwin: KWin):
    first = kwin.check()
    assert first["source"] == "wayland-kde-plasma-window-management", first
    with _work_window(kwin) as window:
        wait_for("the window, active", lambda: kwin.check()["detail"] == "", kwin.ended)
        assert kwin.check()["active"] is False
        _tell(window, "full")
        check = wait_for("the window in full screen",
                         lambda: (c := kwin.check())["active"] and c, kwin.ended)
        assert check["detail"] == WORK_APP_ID
        _tell(window, "normal")
        wait_for("the window back from full screen",
                 lambda: kwin.check()["active"] is False, kwin.ended)
