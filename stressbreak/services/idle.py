"""How long the user has been away from keyboard and mouse, per platform (for natural breaks).

`detect_idle_source()` probes once and returns an `IdleProbe`: a source, or none and the reason
(a translatable Message for the settings dialog). Sources answer `idle_seconds()` when asked;
this module has no threads and no timers, so idle CPU stays where it was: the gate
(app/gate.py) asks every 1 to 3 minutes between reminders, and about every second while a due
reminder waits for a pause in typing (and tells the source so, `notice_within`, which only the
Wayland source needs).

- X11: the MIT-SCREEN-SAVER extension through libXss (Debian `libxss1`), one display connection
  opened at detection and kept; a query is one round trip to the X server.
- Wayland: the compositor's idle notifications on a connection of our own (services/wayland.py):
  `ext-idle-notify-v1` (KWin on Plasma 6, sway >= 1.8, Hyprland, niri, labwc), its v2 *input*
  notification first (idle inhibitors such as a playing video then do not count as presence), or
  the older `org_kde_kwin_idle` (sway 1.7, Plasma 5). They are told, not asked: the compositor
  sends "idled" after a notification's timeout without input and "resumed" at the next input,
  read when the socket has something (a QSocketNotifier) and when asked. GNOME offers neither and
  answers over D-Bus (Mutter's IdleMonitor). XWayland's screensaver extension only sees input
  sent to X clients, so it is never used there; KDE's `org.freedesktop.ScreenSaver.
  GetSessionIdleTime` answers on X11 only (kscreenlocker replies NotSupported on Wayland).
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
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.processes import output_of
from stressbreak.services.wayland import Connection, Reader, WaylandError, socket_path, uint

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

    def notice_within(self, seconds: float | None) -> None:
        """From now on `idle_seconds` must tell spells as short as `seconds` (None: only
        spells of a minute or so matter again)."""
        ...

    def close(self) -> None: ...


class _Asked:
    """A source that reads the idle time when asked, so it tells spells of any length."""

    def notice_within(self, seconds: float | None) -> None:
        pass


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

class X11ScreenSaverIdle(_Asked):
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


class DBusIdle(_Asked):
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


class WindowsIdle(_Asked):
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


class MacIdle(_Asked):
    name = "macos"

    def __init__(self, run: Runner) -> None:
        self._run = run

    def idle_seconds(self) -> float | None:
        output = self._run(IOREG_COMMAND)
        idle_ns = None if output is None else parse_hid_idle_ns(output)
        return None if idle_ns is None else idle_ns / 1e9

    def close(self) -> None:
        pass


@dataclass(frozen=True)
class IdleProtocol:
    """A Wayland global that makes idle notifications: the request that makes one (new id,
    timeout in ms, seat; KDE's takes the seat before the timeout). Each notification sends
    event 0 when idle and 1 at the next input, and is released with request 0."""

    name: str  # the source's name, as `status` shows it
    interface: str
    version: int
    request: int
    seat_first: bool = False


IDLE_PROTOCOLS = (
    IdleProtocol("wayland-ext-idle-notify-input", "ext_idle_notifier_v1", 2, 2),
    IdleProtocol("wayland-ext-idle-notify", "ext_idle_notifier_v1", 1, 1),
    IdleProtocol("wayland-kde-idle", "org_kde_kwin_idle", 1, 0, seat_first=True),
)
WATCH_S = 20.0
"""The idle spell a Wayland source always watches. Spells shorter than this read as 0 s unless
a closer watch is asked for (`notice_within`): between reminders only spells of about a minute
matter (core/presence.py), and a short watch would wake the app at every pause in typing."""
_IDLED, _RESUMED, _RELEASE = 0, 1, 0


class _Watch:
    """One idle notification: since when the compositor says no input came."""

    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.seconds = seconds
        self.object_id = 0
        self.idle_since: float | None = None
        self._clock = clock

    def on_event(self, opcode: int, _args: Reader) -> None:
        if opcode == _IDLED:
            self.idle_since = self._clock() - self.seconds
        elif opcode == _RESUMED:
            self.idle_since = None


class WaylandIdle:
    """The compositor's idle notifications, on a Wayland connection of our own."""

    def __init__(self, connection: Connection, protocol: IdleProtocol, notifier: int,
                 seat: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = protocol.name
        self._connection = connection
        self._protocol = protocol
        self._notifier_id = notifier
        self._seat = seat
        self._clock = clock
        self._watches: dict[float, _Watch] = {}
        self._readable: Any = None  # a QSocketNotifier once started

    def start(self) -> None:
        """Watch the usual spell, and read the compositor's events as they come (an event
        comes only when a watched spell begins or ends)."""
        from PySide6.QtCore import QSocketNotifier  # noqa: PLC0415

        self._watch(WATCH_S)
        self._readable = QSocketNotifier(self._connection.fileno(), QSocketNotifier.Type.Read)
        self._readable.activated.connect(self._read)

    def idle_seconds(self) -> float | None:
        self._read()
        if not self._connection.alive:
            return None
        now = self._clock()
        spells = [now - watch.idle_since for watch in self._watches.values()
                  if watch.idle_since is not None]
        return max(spells, default=0.0)

    def notice_within(self, seconds: float | None) -> None:
        if not self._connection.alive:
            return
        try:
            if seconds is None or seconds >= WATCH_S:
                for closer in [s for s in self._watches if s < WATCH_S]:
                    self._connection.send(self._watches.pop(closer).object_id, _RELEASE)
            elif seconds not in self._watches:
                self._watch(seconds)
        except WaylandError:
            self._stop_reading()

    def close(self) -> None:
        self._stop_reading()
        self._connection.close()

    def _watch(self, seconds: float) -> None:
        watch = _Watch(seconds, self._clock)
        watch.object_id = self._connection.new_object(watch.on_event)
        timeout = uint(round(seconds * 1000))
        seat, new = uint(self._seat), uint(watch.object_id)
        arguments = (new, seat, timeout) if self._protocol.seat_first else (new, timeout, seat)
        self._connection.send(self._notifier_id, self._protocol.request, *arguments)
        self._watches[seconds] = watch

    def _read(self) -> None:
        self._connection.dispatch()
        if not self._connection.alive:
            # An ended connection reads as always ready: no more reading, and its socket goes.
            self._stop_reading()
            self._connection.close()

    def _stop_reading(self) -> None:
        if self._readable is not None:
            self._readable.setEnabled(False)


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
    clock: Callable[[], float] = time.monotonic,
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
    return _detect_unix(environ, load, dbus_call, clock)


def _detect_unix(environ: Mapping[str, str], load: LibraryLoader, dbus_call: DBusCall,
                 clock: Callable[[], float]) -> IdleProbe:
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    x11_reason: Message | None = None
    wayland_reason: Message | None = None
    if environ.get("DISPLAY") and not wayland:
        opened = _open_x11(environ["DISPLAY"], load)
        if not isinstance(opened, Message):
            return _found(opened)
        x11_reason = opened
    if wayland:
        told = _open_wayland(environ, clock)
        if not isinstance(told, Message):
            return _found(told)
        wayland_reason = told
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
    if wayland_reason is not None:
        return _absent(wayland_reason)
    if not bus:
        return _absent(Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (no X display and no "
                    "D-Bus session bus).")))
    return _absent(Message("idle", QT_TRANSLATE_NOOP(
        "idle", "No idle-time source was found on this desktop (no X display, and neither "
                "GNOME nor KDE answered over D-Bus).")))


def _open_wayland(environ: Mapping[str, str], clock: Callable[[], float]) -> WaylandIdle | Message:
    """The compositor's idle notifications, the best protocol it offers; else why not."""
    path = socket_path(environ)
    try:
        if path is None:
            raise WaylandError("WAYLAND_DISPLAY or XDG_RUNTIME_DIR is not set")
        connection = Connection.open(path)
    except WaylandError as error:
        log.info("idle time: %s", error)
        return Message("idle", QT_TRANSLATE_NOOP(
            "idle", "No idle-time source was found on this desktop (the Wayland compositor "
                    "could not be reached, and GNOME's idle monitor did not answer)."))
    seat = connection.find("wl_seat")
    for protocol in IDLE_PROTOCOLS:
        offered = connection.find(protocol.interface)
        if seat is None or offered is None or offered.version < protocol.version:
            continue
        source: WaylandIdle | None = None
        try:
            source = WaylandIdle(connection, protocol,
                                 connection.bind(offered, protocol.version),
                                 connection.bind(seat, 1), clock)
            source.start()
            connection.roundtrip()  # the compositor took the requests
        except WaylandError as error:
            (source or connection).close()
            log.info("idle time: %s", error)
            return Message("idle", QT_TRANSLATE_NOOP(
                "idle", "No idle-time source was found on this desktop (the Wayland compositor "
                        "refused its idle notification, and GNOME's idle monitor did not "
                        "answer)."))
        return source
    connection.close()
    return Message("idle", QT_TRANSLATE_NOOP(
        "idle", "No idle-time source was found on this desktop (the Wayland compositor offers "
                "no idle notification, and GNOME's idle monitor did not answer)."))


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
