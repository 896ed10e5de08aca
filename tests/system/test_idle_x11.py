"""Idle sources for real: X11 through Xvfb's MIT-SCREEN-SAVER extension with input made by
xdotool, and the D-Bus sources (GNOME's Mutter, KDE's ScreenSaver) as stand-in services on a
private session bus, asked through QtDBus exactly as the app asks them."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from stressbreak.services.idle import IdleSource, detect_idle_source, load_library

_MISSING = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
_NO_XSS = load_library("Xss") is None

pytestmark = [
    pytest.mark.skipif(bool(_MISSING), reason=f"needs {', '.join(_MISSING)} (Debian: xvfb "
                                              "xdotool)"),
    pytest.mark.skipif(_NO_XSS, reason="needs libXss (Debian: libxss1)"),
]


@contextlib.contextmanager
def xvfb(*extra: str) -> Iterator[dict[str, str]]:
    """A bare Xvfb on a free display; yields an X11-only environment without a session bus."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "640x480x24", "-nolisten", "tcp",
         *extra],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        env = {key: value for key, value in os.environ.items()
               if key not in ("WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR",
                              "XDG_SESSION_TYPE")}
        env["DISPLAY"] = ":" + number
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def _source(env: dict[str, str]) -> IdleSource:
    probe = detect_idle_source(platform="linux", environ=env)
    assert probe.source is not None, probe.reason
    assert probe.reason == ""
    return probe.source


def test_idle_grows_while_nothing_happens_and_input_resets_it():
    with xvfb() as env:
        source = _source(env)
        try:
            assert source.name == "x11-screensaver"
            subprocess.run(["xdotool", "mousemove", "10", "10"], env=env, check=True, timeout=30)
            time.sleep(1.5)
            idle_s = source.idle_seconds()
            assert idle_s is not None
            assert idle_s >= 1.0

            subprocess.run(["xdotool", "mousemove", "200", "150"], env=env, check=True,
                           timeout=30)
            idle_s = source.idle_seconds()
            assert idle_s is not None
            assert idle_s < 0.5

            subprocess.run(["xdotool", "key", "shift"], env=env, check=True, timeout=30)
            time.sleep(0.3)
            idle_s = source.idle_seconds()
            assert idle_s is not None
            assert 0.2 <= idle_s < 1.0  # keys count too, and the clock runs on

            calls = 1000
            started = time.perf_counter()
            for _ in range(calls):
                source.idle_seconds()
            per_call_us = (time.perf_counter() - started) / calls * 1e6
            print(f"\nX11 idle_seconds(): {per_call_us:.1f} µs per call "
                  f"({calls} calls, one round trip each)")
        finally:
            source.close()
        assert source.idle_seconds() is None  # closed: no display any more
        source.close()  # twice is harmless


def test_an_x_server_without_the_screensaver_extension_means_off_with_a_reason():
    with xvfb("-extension", "MIT-SCREEN-SAVER") as env:
        probe = detect_idle_source(platform="linux", environ=env)
    assert probe.source is None
    assert probe.reason == ("No idle-time source was found on this desktop "
                            "(X11 without the XScreenSaver extension).")


def test_a_display_that_cannot_be_opened_is_said():
    env = {"DISPLAY": ":4093", "PATH": os.environ.get("PATH", "")}
    probe = detect_idle_source(platform="linux", environ=env)
    assert probe.source is None
    assert "cannot be opened" in probe.reason


# -- the D-Bus sources against a private session bus (beside X11: same feature, same skips) ----

_FAKE_DESKTOP = """
import sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection

app = QCoreApplication([])
which = sys.argv[1]


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class Mutter(QDBusAbstractAdaptor):
    @Slot(result="qulonglong")
    def GetIdletime(self):
        return 61500


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class Kde(QDBusAbstractAdaptor):
    @Slot(result="uint")
    def GetSessionIdleTime(self):
        return 4000


root = QObject()
if which == "gnome":
    adaptor, path = Mutter(root), "/org/gnome/Mutter/IdleMonitor/Core"
    service = "org.gnome.Mutter.IdleMonitor"
else:
    adaptor, path = Kde(root), "/org/freedesktop/ScreenSaver"
    service = "org.freedesktop.ScreenSaver"
bus = QDBusConnection.sessionBus()
print(bus.registerObject(path, root) and bus.registerService(service), flush=True)
app.exec()
"""

_ASK = """
import json, time
from PySide6.QtCore import QCoreApplication
from stressbreak.services.idle import detect_idle_source, qt_dbus_call

app = QCoreApplication([])
started = time.perf_counter()
probe = detect_idle_source(platform="linux")
detect_ms = (time.perf_counter() - started) * 1000
started = time.perf_counter()
absent = qt_dbus_call("org.example.Nobody", "/", "org.example.Nobody", "Ping")
absent_ms = (time.perf_counter() - started) * 1000
print(json.dumps({
    "name": probe.source.name if probe.source else None,
    "idle_s": probe.source.idle_seconds() if probe.source else None,
    "reason": probe.reason, "absent": absent, "absent_ms": absent_ms, "detect_ms": detect_ms,
}))
"""


@contextlib.contextmanager
def session_bus() -> Iterator[dict[str, str]]:
    # Without the session's runtime folder, where a session bus keeps its transient services
    # (the user's bus has its own there), and without its display.
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "XDG_RUNTIME_DIR")}
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon did not start"
        env.update(DBUS_SESSION_BUS_ADDRESS=address, WAYLAND_DISPLAY="wayland-test",
                   QT_QPA_PLATFORM="offscreen")
        yield env
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def _ask(env: dict[str, str], desktop: str | None) -> dict[str, object]:
    fake = None
    if desktop is not None:
        fake = subprocess.Popen([sys.executable, "-c", _FAKE_DESKTOP, desktop], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert fake.stdout is not None
        assert fake.stdout.readline().strip() == "True"
    try:
        done = subprocess.run([sys.executable, "-c", _ASK], env=env, capture_output=True,
                              text=True, timeout=60, check=True)
    finally:
        if fake is not None:
            fake.terminate()
            fake.wait(timeout=10)
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (Debian: dbus)")
@pytest.mark.parametrize(
    ("desktop", "name", "idle_s"),
    [("gnome", "mutter", 61.5), ("kde", "freedesktop-screensaver", 4.0), (None, None, None)],
)
def test_wayland_desktops_answer_over_the_session_bus(desktop, name, idle_s):
    with session_bus() as env:
        answer = _ask(env, desktop)
    print(f"\nD-Bus ({desktop}): detection {answer['detect_ms']:.1f} ms, "
          f"a call nobody answers {answer['absent_ms']:.1f} ms")
    assert answer["name"] == name
    assert answer["idle_s"] == idle_s
    assert answer["absent"] is None
    assert answer["absent_ms"] < 1000  # no service is started, no long wait
    if desktop is None:
        assert "Wayland" in str(answer["reason"])
    else:
        assert answer["reason"] == ""
