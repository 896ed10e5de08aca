"""Idle-time detection: which source each desktop gets, why none, and the platform arithmetic.

The outside world (native libraries, the session bus, ioreg) is replaced through the seams
detect_idle_source() takes; the detection logic and the sources themselves run for real. The
X11 source against a real X server is in tests/system/test_idle_x11.py.
"""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
import textwrap

import pytest

from stressbreak.core.messages import Message
from stressbreak.services.idle import (
    FREEDESKTOP,
    IOREG_COMMAND,
    MUTTER,
    IdleProbe,
    detect_idle_source,
    parse_hid_idle_ns,
    ticks_elapsed_ms,
)

BUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}


class Bus:
    """A session bus on which some services answer with fixed values; records every call."""

    def __init__(self, answers: dict[str, object] | None = None) -> None:
        self.answers = dict(answers or {})
        self.calls: list[tuple[str, str, str, str]] = []

    def __call__(self, service: str, path: str, interface: str, method: str) -> object:
        self.calls.append((service, path, interface, method))
        return self.answers.get(service)


class NoLibraries:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, name: str) -> None:
        self.asked.append(name)


def no_run(command):
    raise AssertionError(f"nothing should be run here: {command}")


def assert_off(probe: IdleProbe, *words: str) -> None:
    assert probe.source is None
    assert isinstance(probe.reason, Message)
    assert probe.reason.context == "idle"
    assert probe.reason.startswith("No idle-time source was found")
    for word in words:
        assert word in probe.reason


# -- Linux and other X11/Wayland systems -------------------------------------------------------

def test_no_display_and_no_session_bus_means_off_with_a_reason():
    bus, libraries = Bus({"org.gnome.Mutter.IdleMonitor": 5}), NoLibraries()
    probe = detect_idle_source(platform="linux", environ={}, load=libraries, dbus_call=bus,
                               run=no_run)
    assert_off(probe, "no X display", "no D-Bus session bus")
    assert bus.calls == []  # no bus address: nothing is asked
    assert libraries.asked == []


def test_x11_without_libxss_falls_back_to_dbus_then_says_libxss_is_missing():
    libraries = NoLibraries()
    probe = detect_idle_source(platform="linux", environ={"DISPLAY": ":0", **BUS},
                               load=libraries, dbus_call=Bus(), run=no_run)
    assert_off(probe, "libXss")
    assert "Xss" in libraries.asked or "X11" in libraries.asked

    gnome_on_xorg = Bus({"org.gnome.Mutter.IdleMonitor": 1500})
    probe = detect_idle_source(platform="linux", environ={"DISPLAY": ":0", **BUS},
                               load=NoLibraries(), dbus_call=gnome_on_xorg, run=no_run)
    assert probe.source is not None
    assert probe.source.name == "mutter"
    assert probe.reason == ""


def test_gnome_on_wayland_asks_mutter_and_converts_milliseconds():
    bus = Bus({"org.gnome.Mutter.IdleMonitor": 61_500})
    probe = detect_idle_source(platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0", **BUS},
                               load=NoLibraries(), dbus_call=bus, run=no_run)
    assert probe.source is not None
    assert probe.source.name == "mutter"
    assert bus.calls == [MUTTER]
    assert probe.source.idle_seconds() == pytest.approx(61.5)
    bus.answers["org.gnome.Mutter.IdleMonitor"] = 200
    assert probe.source.idle_seconds() == pytest.approx(0.2)  # asked anew each time
    del bus.answers["org.gnome.Mutter.IdleMonitor"]
    assert probe.source.idle_seconds() is None  # e.g. gnome-shell restarting
    probe.source.close()


def test_wayland_never_uses_xwayland_whose_idle_time_misses_native_input():
    libraries = NoLibraries()
    bus = Bus({"org.gnome.Mutter.IdleMonitor": 10})
    probe = detect_idle_source(
        platform="linux",
        environ={"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", **BUS},
        load=libraries, dbus_call=bus, run=no_run,
    )
    assert libraries.asked == []
    assert probe.source is not None
    assert probe.source.name == "mutter"

    probe = detect_idle_source(
        platform="linux", environ={"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", **BUS},
        load=libraries, dbus_call=Bus(), run=no_run,
    )
    assert libraries.asked == []
    assert_off(probe, "Wayland compositor could not be reached", "GNOME")


def test_kde_answers_on_the_freedesktop_screensaver_interface_in_milliseconds():
    # kscreenlocker returns KIdleTime's milliseconds, although the name suggests seconds.
    bus = Bus({"org.freedesktop.ScreenSaver": 4_000})
    probe = detect_idle_source(platform="linux", environ={"XDG_SESSION_TYPE": "x11", **BUS},
                               load=NoLibraries(), dbus_call=bus, run=no_run)
    assert probe.source is not None
    assert probe.source.name == "freedesktop-screensaver"
    assert bus.calls == [MUTTER, FREEDESKTOP]  # GNOME's first
    assert probe.source.idle_seconds() == pytest.approx(4.0)


@pytest.mark.parametrize("answer", [None, "12", -1, True, 1.5])
def test_a_service_answering_nonsense_is_not_a_source(answer):
    bus = Bus({"org.gnome.Mutter.IdleMonitor": answer, "org.freedesktop.ScreenSaver": answer})
    probe = detect_idle_source(platform="linux", environ={"WAYLAND_DISPLAY": "w", **BUS},
                               load=NoLibraries(), dbus_call=bus, run=no_run)
    assert_off(probe, "Wayland")


def test_wayland_without_a_compositor_or_session_bus_says_so():
    # The compositor's own answer is tested in test_wayland.py, against a small compositor.
    bus = Bus()
    probe = detect_idle_source(platform="linux", environ={"WAYLAND_DISPLAY": "w"},
                               load=NoLibraries(), dbus_call=bus, run=no_run)
    assert_off(probe, "Wayland compositor could not be reached", "GNOME")
    assert bus.calls == []  # no bus: not asked


def test_the_bus_socket_in_the_runtime_dir_counts_as_a_session_bus(tmp_path):
    (tmp_path / "bus").touch()
    bus = Bus({"org.gnome.Mutter.IdleMonitor": 0})
    probe = detect_idle_source(platform="linux", environ={"XDG_RUNTIME_DIR": str(tmp_path)},
                               load=NoLibraries(), dbus_call=bus, run=no_run)
    assert probe.source is not None
    assert probe.source.idle_seconds() == 0.0

    probe = detect_idle_source(platform="linux", environ={"XDG_RUNTIME_DIR": str(tmp_path)},
                               load=NoLibraries(), dbus_call=Bus(), run=no_run)
    assert_off(probe, "neither GNOME nor KDE")


# -- Windows ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("now", "then", "elapsed"),
    [
        (10_000, 4_000, 6_000),
        (5, 5, 0),
        (500, 2**32 - 1_500, 2_000),  # GetTickCount wrapped around between input and now
        (0, 2**32 - 1, 1),
    ],
)
def test_tick_arithmetic_survives_the_wrap_at_2_to_the_32(now, then, elapsed):
    assert ticks_elapsed_ms(now, then) == elapsed


class Function:
    """A stand-in for a ctypes function pointer: accepts restype/argtypes, calls `body`."""

    def __init__(self, body) -> None:
        self.body = body

    def __call__(self, *args):
        return self.body(*args)


class User32:
    def __init__(self, last_input_ticks: int | None) -> None:
        self.last_input_ticks = last_input_ticks
        self.GetLastInputInfo = Function(self._get_last_input_info)

    def _get_last_input_info(self, info_ref) -> int:
        info = info_ref._obj  # what ctypes.byref points at
        assert info.cbSize == ctypes.sizeof(info)  # Windows refuses the call otherwise
        if self.last_input_ticks is None:
            return 0
        info.dwTime = self.last_input_ticks
        return 1


class Kernel32:
    def __init__(self, ticks: int) -> None:
        self.ticks = ticks
        self.GetTickCount = Function(lambda: self.ticks)


def test_windows_idle_time_from_last_input_and_tick_count():
    user32, kernel32 = User32(last_input_ticks=2**32 - 1_000), Kernel32(ticks=2_500)
    libraries = {"user32": user32, "kernel32": kernel32}
    probe = detect_idle_source(platform="win32", environ={}, load=libraries.get,
                               dbus_call=Bus(), run=no_run)
    assert probe.source is not None
    assert probe.source.name == "windows"
    assert probe.source.idle_seconds() == pytest.approx(3.5)
    user32.last_input_ticks, kernel32.ticks = 2_400, 2_500
    assert probe.source.idle_seconds() == pytest.approx(0.1)


def test_windows_without_an_answer_is_off_with_a_reason():
    libraries = {"user32": User32(last_input_ticks=None), "kernel32": Kernel32(ticks=1)}
    probe = detect_idle_source(platform="win32", environ={}, load=libraries.get,
                               dbus_call=Bus(), run=no_run)
    assert probe.source is None
    assert "GetLastInputInfo" in probe.reason
    assert isinstance(probe.reason, Message)


# -- macOS -----------------------------------------------------------------------------------

IOREG_SAMPLE = """\
+-o IOHIDSystem  <class IOHIDSystem, id 0x100000489, registered, matched, active, busy 0>
    {
      "IOClass" = "IOHIDSystem"
      "HIDParameters" = {"HIDClickTime"=500000000,"HIDIdleTime"=1}
      "HIDIdleTime" = 2345678901
      "IOProviderClass" = "IOResources"
    }
"""


def test_ioreg_parser_reads_the_first_hid_idle_time_in_nanoseconds():
    # The nested dictionary is printed on one line with no spaces around "=": still found.
    assert parse_hid_idle_ns(IOREG_SAMPLE) == 1
    assert parse_hid_idle_ns('    "HIDIdleTime" = 2345678901\n') == 2345678901
    assert parse_hid_idle_ns("") is None
    assert parse_hid_idle_ns('"HIDIdleTimeX" = 5') is None
    assert parse_hid_idle_ns('"HIDIdleTime" = <>') is None


def test_macos_asks_ioreg_each_time():
    outputs = ['"HIDIdleTime" = 1500000000', '"HIDIdleTime" = 250000000', None]
    commands = []

    def run(command):
        commands.append(tuple(command))
        return outputs.pop(0)

    probe = detect_idle_source(platform="darwin", environ={}, load=NoLibraries(),
                               dbus_call=Bus(), run=run)
    assert probe.source is not None
    assert probe.source.name == "macos"
    assert probe.source.idle_seconds() == pytest.approx(0.25)
    assert probe.source.idle_seconds() is None
    assert commands == [IOREG_COMMAND] * 3


def test_macos_without_ioreg_is_off_with_a_reason():
    probe = detect_idle_source(platform="darwin", environ={}, load=NoLibraries(),
                               dbus_call=Bus(), run=lambda command: None)
    assert probe.source is None
    assert "HIDIdleTime" in probe.reason


# -- cost of importing -----------------------------------------------------------------------

def test_importing_the_module_loads_no_qt_ctypes_or_native_library():
    code = textwrap.dedent("""
        import json, sys
        import stressbreak.services.idle
        from pathlib import Path
        maps = Path("/proc/self/maps")
        libs = maps.read_text() if maps.exists() else ""
        print(json.dumps({
            "modules": sorted(m for m in sys.modules
                              if m.split(".")[0] in ("PySide6", "shiboken6", "ctypes")),
            "libs": [name for name in ("libXss", "libX11", "libQt6DBus") if name in libs],
        }))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert json.loads(done.stdout) == {"modules": [], "libs": []}
