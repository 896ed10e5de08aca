"""How long the user has been away from keyboard and mouse, per platform (for natural breaks).

`detect_idle_source()` probes once and returns an `IdleProbe`: a source, or none and the reason
(a translatable Message for the settings dialog). Sources answer `idle_seconds()` when asked;
this module has no threads and no timers, so idle CPU stays where it was: the gate
(app/gate.py) asks every 1 to 3 minutes between reminders, and about every second while a due
reminder waits for a pause in typing.

- X11: the MIT-SCREEN-SAVER extension through libXss (Debian `libxss1`), one display connection
  opened at detection and kept; a query is one round trip to the X server.
- Wayland: XWayland's screensaver extension only sees input sent to X clients, so its idle time
  grows while the user types into native Wayland windows; it is never used there. GNOME answers
  over D-Bus (Mutter's IdleMonitor); KDE answers `org.freedesktop.ScreenSaver.GetSessionIdleTime`
  on X11 only (kscreenlocker replies NotSupported on Wayland), so Plasma on Wayland has no source.
- Windows: `GetLastInputInfo` against `GetTickCount` (both 32-bit millisecond tick counts).
- macOS: `ioreg`'s HIDIdleTime (nanoseconds), a subprocess of a few milliseconds, asked rarely.

Importing this module loads neither Qt nor ctypes nor any native library; detection does.
Sources are meant for the GUI thread (Xlib's connection is not shared between threads).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.processes import output_of

if TYPE_CHECKING:
    import ctypes

log = logging.getLogger(__name__)

DBUS_TIMEOUT_MS = 200
IOREG_COMMAND = ("ioreg", "-c", "IOHIDSystem", "-r", "-d", "1", "-k", "HIDIdleTime")
_IOREG_TIMEOUT_S = 2.0
_TICK_MODULUS = 1 << 32  # GetTickCount wraps after 2^32 ms (49.7 days)

MUTTER = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
          "org.gnome.Mutter.IdleMonitor", "GetIdletime")
FREEDESKTOP = ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
               "org.freedesktop.ScreenSaver", "GetSessionIdleTime")

# Which library a logical name means, in the order tried (the soname first: find_library
# starts ldconfig or a compiler, which costs tens of milliseconds).
_LIBRARY_FILES: dict[str, tuple[str, ...]] = {
    "X11": ("libX11.so.6", "libX11.so"),
    "Xss": ("libXss.so.1", "libXss.so"),
    "xcb": ("libxcb.so.1", "libxcb.so"),
    "c": ("libc.so.6",),
    "user32": ("user32",),
    "kernel32": ("kernel32",),
}

LibraryLoader = Callable[[str], Any]
"""Logical library name ("X11", "Xss", "user32", "kernel32") → loaded library, or None."""
DBusCall = Callable[[str, str, str, str], object]
"""(service, path, interface, method) → the reply's first argument, or None when no answer."""
Runner = Callable[[Sequence[str]], "str | None"]
"""A command → its standard output, or None when it could not be run or failed."""


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input; None when it cannot tell right now."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class IdleProbe:
    source: IdleSource | None
    reason: str  # why there is no source (a translatable Message); "" when there is one


# -- pure helpers (tested on every platform) ---------------------------------------------------

def ticks_elapsed_ms(now_ticks: int, then_ticks: int) -> int:
    """Milliseconds from `then_ticks` to `now_ticks` on a 32-bit tick counter that wraps."""
    return (now_ticks - then_ticks) % _TICK_MODULUS


def parse_hid_idle_ns(ioreg_output: str) -> int | None:
    """The first HIDIdleTime (nanoseconds) in `ioreg -c IOHIDSystem` output, or None."""
    match = re.search(r'"HIDIdleTime"\s*=\s*(\d+)', ioreg_output)
    return int(match.group(1)) if match else None


def _as_milliseconds(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


# -- sources -------------------------------------------------------------------------------

class X11ScreenSaverIdle:
    """The X server's idle counter (MIT-SCREEN-SAVER), on a display connection of our own."""

    name = "x11-screensaver"

    def __init__(self, xlib: Any, xss: Any, display: int, root: int, info: Any) -> None:
        self._xlib = xlib
        self._xss = xss
        self._display: int | None = display
        self._root = root
        self._info = info  # XScreenSaverInfo*, from XScreenSaverAllocInfo (freed in close)

    def idle_seconds(self) -> float | None:
        if self._display is None:
            return None
        if not self._xss.XScreenSaverQueryInfo(self._display, self._root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0

    def close(self) -> None:
        if self._display is not None:
            display, self._display = self._display, None
            self._xlib.XFree(self._info)
            self._xlib.XCloseDisplay(display)


class DBusIdle:
    """A desktop service that tells its idle time in milliseconds when asked over D-Bus."""

    def __init__(self, name: str, call: DBusCall, target: tuple[str, str, str, str]) -> None:
        self.name = name
        self._call = call
        self._target = target

    def idle_seconds(self) -> float | None:
        idle_ms = _as_milliseconds(self._call(*self._target))
        return None if idle_ms is None else idle_ms / 1000.0

    def close(self) -> None:
        pass  # the session bus connection is Qt's, shared by the process


class WindowsIdle:
    name = "windows"

    def __init__(self, user32: Any, kernel32: Any, info: Any, info_ref: Any) -> None:
        self._user32 = user32
        self._kernel32 = kernel32
        self._info = info  # one LASTINPUTINFO, cbSize set, reused by every call
        self._info_ref = info_ref

    def idle_seconds(self) -> float | None:
        if not self._user32.GetLastInputInfo(self._info_ref):
            return None
        now_ticks = int(self._kernel32.GetTickCount())
        return ticks_elapsed_ms(now_ticks, int(self._info.dwTime)) / 1000.0

    def close(self) -> None:
        pass


class MacIdle:
    name = "macos"

    def __init__(self, run: Runner) -> None:
        self._run = run

    def idle_seconds(self) -> float | None:
        output = self._run(IOREG_COMMAND)
        idle_ns = None if output is None else parse_hid_idle_ns(output)
        return None if idle_ns is None else idle_ns / 1e9

    def close(self) -> None:
        pass


# -- the outside world (the seams tests replace) ----------------------------------------------

def load_library(name: str) -> Any:
    """Load a native library by its logical name; None when it is not on this machine."""
    import ctypes  # noqa: PLC0415  (keeps importing this module cheap)

    for candidate in (*_LIBRARY_FILES.get(name, (name,)), None):
        path = candidate or _find_library(name)  # the slow way last
        if not path:
            continue
        try:
            if sys.platform == "win32":
                return ctypes.WinDLL(path)
            return ctypes.CDLL(path)
        except OSError:
            continue
    return None


def _find_library(name: str) -> str | None:
    # Only when no soname fits: ctypes.util imports subprocess (and locale), which the tray
    # app would then keep all day (see services/processes.py).
    import ctypes.util  # noqa: PLC0415

    return ctypes.util.find_library(name)


def qt_dbus_call(service: str, path: str, interface: str, method: str) -> object:
    """Call a method without arguments on the session bus; its first reply argument or None.

    Blocks the caller for at most DBUS_TIMEOUT_MS; never starts a service that is not running.
    """
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage  # noqa: PLC0415

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setAutoStartService(False)
    reply = bus.call(message, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        log.debug("%s.%s: %s %s", interface, method, reply.errorName(), reply.errorMessage())
        return None
    arguments = reply.arguments()
    return arguments[0] if arguments else None


def run_command(command: Sequence[str]) -> str | None:
    return output_of(command, _IOREG_TIMEOUT_S)


# -- detection ------------------------------------------------------------------------------

def detect_idle_source(
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    load: LibraryLoader = load_library,
    dbus_call: DBusCall = qt_dbus_call,
    run: Runner = run_command,
) -> IdleProbe:
    """Find the idle-time source of this desktop. Does the probing; the sources do not."""
    if platform == "win32":
        return _detect_windows(load)
    if platform == "darwin":
        source = MacIdle(run)
        if source.idle_seconds() is not None:
            return _found(source)
        return _absent(Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this Mac (ioreg did not report "
                    "HIDIdleTime).")))
    return _detect_unix(environ, load, dbus_call)


def _detect_unix(environ: Mapping[str, str], load: LibraryLoader, dbus_call: DBusCall) -> IdleProbe:
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    x11_reason: Message | None = None
    if environ.get("DISPLAY") and not wayland:
        opened = _open_x11(environ["DISPLAY"], load)
        if not isinstance(opened, Message):
            return _found(opened)
        x11_reason = opened
    bus = bool(environ.get("DBUS_SESSION_BUS_ADDRESS")) or (
        bool(environ.get("XDG_RUNTIME_DIR")) and Path(environ["XDG_RUNTIME_DIR"], "bus").exists()
    )
    if bus:
        for name, target in (("mutter", MUTTER), ("freedesktop-screensaver", FREEDESKTOP)):
            source = DBusIdle(name, dbus_call, target)
            if source.idle_seconds() is not None:
                return _found(source)
    if x11_reason is not None:
        return _absent(x11_reason)
    if wayland:
        if not bus:
            return _absent(Message("idle", QT_TRANSLATE_NOOP(
                "idle", "No idle-time source was found on this desktop (Wayland without a "
                        "D-Bus session bus).")))
        return _absent(Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (on Wayland only GNOME "
                    "tells the idle time; KDE Plasma does not).")))
    if not bus:
        return _absent(Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (no X display and no "
                    "D-Bus session bus).")))
    return _absent(Message("idle", QT_TRANSLATE_NOOP(
        "idle", "No idle-time source was found on this desktop (no X display, and neither "
                "GNOME nor KDE answered over D-Bus).")))


def _open_x11(display_name: str, load: LibraryLoader) -> X11ScreenSaverIdle | Message:
    import ctypes  # noqa: PLC0415  (keeps importing this module cheap)

    xlib = load("X11")
    xss = load("Xss")
    if xlib is None or xss is None:
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (the XScreenSaver "
                    "library libXss is not installed)."))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    info_pointer = ctypes.POINTER(_xss_info_type())
    xss.XScreenSaverQueryExtension.argtypes = [
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
    xss.XScreenSaverAllocInfo.restype = info_pointer
    xss.XScreenSaverAllocInfo.argtypes = []
    xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, info_pointer]

    display = xlib.XOpenDisplay(display_name.encode())
    if not display:
        log.info("idle time: cannot open X display %s", display_name)
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (the X display cannot be "
                    "opened)."))
    event_base, error_base = ctypes.c_int(), ctypes.c_int()
    if not xss.XScreenSaverQueryExtension(display, ctypes.byref(event_base),
                                          ctypes.byref(error_base)):
        xlib.XCloseDisplay(display)
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (X11 without the "
                    "XScreenSaver extension)."))
    info = xss.XScreenSaverAllocInfo()
    if not info:
        xlib.XCloseDisplay(display)
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (X11 without the "
                    "XScreenSaver extension)."))
    source = X11ScreenSaverIdle(xlib, xss, display, xlib.XDefaultRootWindow(display), info)
    if source.idle_seconds() is None:
        source.close()
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (X11 without the "
                    "XScreenSaver extension)."))
    return source


def _xss_info_type() -> type[ctypes.Structure]:
    import ctypes  # noqa: PLC0415

    class XScreenSaverInfo(ctypes.Structure):
        _fields_ = [
            ("window", ctypes.c_ulong),
            ("state", ctypes.c_int),
            ("kind", ctypes.c_int),
            ("til_or_since", ctypes.c_ulong),
            ("idle", ctypes.c_ulong),  # milliseconds since the last input
            ("event_mask", ctypes.c_ulong),
        ]

    return XScreenSaverInfo


def _detect_windows(load: LibraryLoader) -> IdleProbe:
    import ctypes  # noqa: PLC0415

    class LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]

    user32, kernel32 = load("user32"), load("kernel32")
    if user32 is not None and kernel32 is not None:
        user32.GetLastInputInfo.argtypes = [ctypes.POINTER(LastInputInfo)]
        user32.GetLastInputInfo.restype = ctypes.c_int
        kernel32.GetTickCount.argtypes = []
        kernel32.GetTickCount.restype = ctypes.c_uint32
        info = LastInputInfo()
        info.cbSize = ctypes.sizeof(LastInputInfo)
        source = WindowsIdle(user32, kernel32, info, ctypes.byref(info))
        if source.idle_seconds() is not None:
            return _found(source)
    return _absent(Message("idle", QT_TRANSLATE_NOOP(
        "idle", "No idle-time source was found (Windows did not answer GetLastInputInfo).")))


def _found(source: IdleSource) -> IdleProbe:
    log.info("idle time from %s", source.name)
    return IdleProbe(source, "")


def _absent(reason: Message) -> IdleProbe:
    log.info("natural breaks are off: %s", reason)
    return IdleProbe(None, reason)
