"""Is now a bad moment for a reminder? Full screen, the desktop's do-not-disturb, and a microphone
or camera in use by another application.

Every source answers one cheap question when asked (`check()`); none of them polls, listens or
keeps a timer, so they cost nothing while the app idles. The controller asks on events and at
most every 30 s. What a platform cannot tell is switched off by `detect_backends` with a stated
reason (a translatable Message), never an error; what fails at run time answers `active=None`
("cannot tell") with a detail, and the caller goes on as if nothing held the reminder.

Linux (and other X11 desktops):
- full screen: the active window (root `_NET_ACTIVE_WINDOW`) has `_NET_WM_STATE_FULLSCREEN` in
  its `_NET_WM_STATE`. Read through libxcb with ctypes, not libX11: an X error (the active window
  closed between our two requests) is an ordinary reply with libxcb, whereas Xlib sends it to a
  process-wide error handler whose default exits the process, and replacing that handler would
  also change it for Qt's own Xlib use. One connection is opened at the first check and kept
  (it selects no events, so it never wakes us); one check is two round trips.
- full screen on Wayland: the focused window's state in the compositor's window list, where
  one is offered to us (wlroots' foreign toplevels, KDE Plasma's window management).
- desktop do-not-disturb: GNOME keeps it as `org.gnome.desktop.notifications show-banners`
  (false = do not disturb); other desktops (KDE Plasma, ...) publish the freedesktop
  notification server's `Inhibited` property on D-Bus.
- microphone: the sound server's capture streams, from `pactl` (PulseAudio and PipeWire's
  pipewire-pulse both answer it), and which sources are monitors (asked only when something
  records). See `recording_streams` for the rule.
- camera: open `/dev/video*` handles of other processes, found under `/proc/<pid>/fd`.
Windows: `SHQueryUserNotificationState` for full screen / presentation, and the privacy
ConsentStore in the registry for microphone and camera. macOS: nothing yet, with reasons.
"""

from __future__ import annotations

import abc
import contextlib
import ctypes
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from stressbreak import APP_ID
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.idle import load_library
from stressbreak.services.processes import run_captured
from stressbreak.services.wayland import (
    Connection,
    Handler,
    Reader,
    WaylandError,
    socket_path,
    string,
    uint,
)

log = logging.getLogger(__name__)

_T = TypeVar("_T")

FULLSCREEN = "fullscreen"
DESKTOP_DND = "desktop-dnd"
MICROPHONE = "microphone"
CAMERA = "camera"

SUBPROCESS_TIMEOUT_S = 2.0
DBUS_TIMEOUT_MS = 300


@dataclass(frozen=True)
class Check:
    name: str  # "fullscreen", "desktop-dnd", "microphone", "camera"
    active: bool | None  # True: hold reminders; False: don't; None: cannot tell now
    detail: str = ""  # e.g. the application holding the microphone, for `status`


class PresenceSource(Protocol):
    name: str  # which source this is, for `status` ("x11-active-window", "pactl", ...)
    what: str  # the check it answers (FULLSCREEN, DESKTOP_DND, MICROPHONE or CAMERA)

    def check(self) -> Check: ...


@dataclass(frozen=True)
class Backends:
    fullscreen: PresenceSource | None
    desktop_dnd: PresenceSource | None
    microphone: PresenceSource | None
    camera: PresenceSource | None
    # For each source that is None: why, keyed by its check name ("fullscreen", ...).
    reasons: dict[str, str] = field(default_factory=dict)

    def sources(self) -> list[PresenceSource]:
        return [s for s in (self.fullscreen, self.desktop_dnd, self.microphone, self.camera)
                if s is not None]

    def close(self) -> None:
        """Release what the sources keep open (the X connection)."""
        for source in self.sources():
            closer = getattr(source, "close", None)
            if callable(closer):
                closer()


def _reason(text: str) -> Message:
    return Message("presence", text)


# Each literal is written out with QT_TRANSLATE_NOOP so lupdate finds it.
_NO_X11 = QT_TRANSLATE_NOOP("presence", "no X11 display (DISPLAY is not set)")
_WAYLAND = QT_TRANSLATE_NOOP(
    "presence", "this Wayland desktop does not tell applications which window is full screen "
    "(wlroots compositors such as sway and Hyprland do, and KDE Plasma to programs it trusts)")
_WAYLAND_UNREACHABLE = QT_TRANSLATE_NOOP(
    "presence", "the Wayland compositor could not be reached to ask which window is full screen")
_PLASMA_REFUSES = QT_TRANSLATE_NOOP(
    "presence", "KDE Plasma tells which window is full screen only to programs whose desktop "
    "file asks for it (X-KDE-Wayland-Interfaces), and did not count StressBreak among them")
_NO_DBUS = QT_TRANSLATE_NOOP("presence", "no D-Bus session bus")
_NO_PACTL = QT_TRANSLATE_NOOP(
    "presence", "pactl was not found (Debian: pulseaudio-utils)")
_NO_PROC = QT_TRANSLATE_NOOP("presence", "/proc is not available")
_WIN_NO_FOCUS_ASSIST = QT_TRANSLATE_NOOP(
    "presence", "Windows has no documented way for applications to read Focus Assist")
_MAC_FULLSCREEN = QT_TRANSLATE_NOOP(
    "presence", "not supported on macOS yet: other applications' full-screen state needs "
    "the window server's private interfaces")
_MAC_DND = QT_TRANSLATE_NOOP(
    "presence", "not supported on macOS yet: Focus can only be read by signed app bundles "
    "with the user's permission")
_MAC_DEVICES = QT_TRANSLATE_NOOP(
    "presence", "not supported on macOS yet: needs CoreAudio and CoreMediaIO")
_UNKNOWN_PLATFORM = QT_TRANSLATE_NOOP("presence", "not supported on this system")


# == Linux / X11: full screen ====================================================================

_ATOM_WM_CLASS = 67
_ANY_PROPERTY_TYPE = 0
_ATOM_NAMES = ("_NET_ACTIVE_WINDOW", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN", "_NET_WM_PID")


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _ScreenIterator(ctypes.Structure):
    _fields_ = [("data", ctypes.POINTER(ctypes.c_uint32)),  # xcb_screen_t*; root comes first
                ("rem", ctypes.c_int), ("index", ctypes.c_int)]


class _InternAtomReply(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("pad0", ctypes.c_uint8),
                ("sequence", ctypes.c_uint16), ("length", ctypes.c_uint32),
                ("atom", ctypes.c_uint32)]


class _GetPropertyReply(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("format", ctypes.c_uint8),
                ("sequence", ctypes.c_uint16), ("length", ctypes.c_uint32),
                ("type", ctypes.c_uint32), ("bytes_after", ctypes.c_uint32),
                ("value_len", ctypes.c_uint32), ("pad0", ctypes.c_uint8 * 12)]


def _load_xcb() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    xcb, libc = load_library("xcb"), load_library("c")
    if xcb is None or libc is None:
        raise OSError("libxcb or the C library cannot be loaded")
    libc.free.argtypes = [ctypes.c_void_p]
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    xcb.xcb_get_setup.restype = ctypes.c_void_p
    xcb.xcb_get_setup.argtypes = [ctypes.c_void_p]
    xcb.xcb_setup_roots_iterator.restype = _ScreenIterator
    xcb.xcb_setup_roots_iterator.argtypes = [ctypes.c_void_p]
    xcb.xcb_screen_next.argtypes = [ctypes.POINTER(_ScreenIterator)]
    xcb.xcb_intern_atom.restype = _Cookie
    xcb.xcb_intern_atom.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint16,
                                    ctypes.c_char_p]
    xcb.xcb_intern_atom_reply.restype = ctypes.POINTER(_InternAtomReply)
    xcb.xcb_intern_atom_reply.argtypes = [ctypes.c_void_p, _Cookie,
                                          ctypes.POINTER(ctypes.c_void_p)]
    xcb.xcb_get_property.restype = _Cookie
    xcb.xcb_get_property.argtypes = [ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint32,
                                     ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
                                     ctypes.c_uint32]
    xcb.xcb_get_property_reply.restype = ctypes.POINTER(_GetPropertyReply)
    xcb.xcb_get_property_reply.argtypes = [ctypes.c_void_p, _Cookie,
                                           ctypes.POINTER(ctypes.c_void_p)]
    xcb.xcb_get_property_value.restype = ctypes.c_void_p
    xcb.xcb_get_property_value.argtypes = [ctypes.POINTER(_GetPropertyReply)]
    xcb.xcb_get_property_value_length.argtypes = [ctypes.POINTER(_GetPropertyReply)]
    return xcb, libc


def wm_class_name(raw: bytes) -> str:
    """The class part of WM_CLASS ("instance\\0Class\\0"), else the instance, else ""."""
    parts = [p.decode("utf-8", "replace") for p in raw.split(b"\0") if p]
    return parts[-1] if parts else ""


class X11Fullscreen:
    """The active window's `_NET_WM_STATE` holds `_NET_WM_STATE_FULLSCREEN` (EWMH)."""

    name = "x11-active-window"
    what = FULLSCREEN

    def __init__(self, display: str, own_pid: int) -> None:
        self._display = display
        self._own_pid = own_pid
        self._libs: tuple[ctypes.CDLL, ctypes.CDLL] | None = None
        self._conn: int | None = None
        self._root = 0
        self._atoms: dict[str, int] = {}

    def close(self) -> None:
        if self._conn is not None and self._libs is not None:
            self._libs[0].xcb_disconnect(self._conn)
        self._conn = None

    def _connect(self) -> str | None:
        """Open the connection and intern the atoms; an error text, or None when ready."""
        if self._libs is None:
            try:
                self._libs = _load_xcb()
            except OSError as exc:
                return f"libxcb cannot be loaded: {exc}"
        xcb = self._libs[0]
        screen = ctypes.c_int(0)
        conn = xcb.xcb_connect(self._display.encode(), ctypes.byref(screen))
        if not conn or xcb.xcb_connection_has_error(conn):
            if conn:
                xcb.xcb_disconnect(conn)
            return f"cannot open X display {self._display}"
        self._conn = conn
        roots = xcb.xcb_setup_roots_iterator(xcb.xcb_get_setup(conn))
        for _ in range(screen.value):
            xcb.xcb_screen_next(ctypes.byref(roots))
        self._root = int(roots.data[0])
        cookies = [(name, xcb.xcb_intern_atom(conn, 0, len(name), name.encode()))
                   for name in _ATOM_NAMES]  # all requests first: one round trip
        for name, cookie in cookies:
            reply = xcb.xcb_intern_atom_reply(conn, cookie, None)
            if not reply:
                self.close()
                return "the X server did not answer"
            self._atoms[name] = int(reply.contents.atom)
            self._libs[1].free(reply)
        return None

    def _property_request(self, window: int, atom: int, kind: int) -> _Cookie:
        assert self._libs is not None
        return self._libs[0].xcb_get_property(  # type: ignore[no-any-return]
            self._conn, 0, window, atom, kind, 0, 1024)

    def _property_reply(self, cookie: _Cookie, words: bool = False) -> bytes | None:
        """The property's bytes; None for an error (e.g. the window is gone), no property, or
        (with `words`) a property that is not a list of 32-bit values."""
        assert self._libs is not None
        xcb, libc = self._libs
        error = ctypes.c_void_p()
        reply = xcb.xcb_get_property_reply(self._conn, cookie, ctypes.byref(error))
        if error.value:
            libc.free(error)
        if not reply:
            return None
        try:
            length = xcb.xcb_get_property_value_length(reply)
            if reply.contents.type == 0 or length <= 0 or (words and reply.contents.format != 32):
                return None
            return ctypes.string_at(xcb.xcb_get_property_value(reply), length)
        finally:
            libc.free(reply)

    def _words(self, window: int, atom: int) -> list[int]:
        # Any type: window managers write WINDOW / ATOM, but tools such as xprop cannot.
        cookie = self._property_request(window, atom, _ANY_PROPERTY_TYPE)
        raw = self._property_reply(cookie, words=True) or b""
        count = len(raw) // 4
        return list((ctypes.c_uint32 * count).from_buffer_copy(raw[: count * 4]))

    def check(self) -> Check:
        if self._conn is None:
            problem = self._connect()
            if problem is not None:
                return Check(self.what, None, problem)
        assert self._libs is not None
        assert self._conn is not None
        if self._libs[0].xcb_connection_has_error(self._conn):
            self.close()  # the X server went away; try again next time
            return Check(self.what, None, "lost the X display")
        active = self._words(self._root, self._atoms["_NET_ACTIVE_WINDOW"])
        if not active or active[0] == 0:
            return Check(self.what, False, "no active window")
        window = active[0]
        states = self._words(window, self._atoms["_NET_WM_STATE"])
        if self._atoms["_NET_WM_STATE_FULLSCREEN"] not in states:
            return Check(self.what, False)
        # Full screen: whose? Both requests go out before either answer is read.
        pid_cookie = self._property_request(window, self._atoms["_NET_WM_PID"],
                                            _ANY_PROPERTY_TYPE)
        class_cookie = self._property_request(window, _ATOM_WM_CLASS, _ANY_PROPERTY_TYPE)
        pid_raw = self._property_reply(pid_cookie, words=True) or b""
        app = wm_class_name(self._property_reply(class_cookie) or b"")
        if len(pid_raw) >= 4 and int.from_bytes(pid_raw[:4], sys.byteorder) == self._own_pid:
            return Check(self.what, False, "our own window")
        return Check(self.what, True, app or f"window 0x{window:x}")


# == Wayland (wlroots, KDE Plasma): full screen ===================================================

FOREIGN_TOPLEVEL = "zwlr_foreign_toplevel_manager_v1"
_TOPLEVEL_VERSION = 2  # the version that tells "fullscreen"
_NEW_TOPLEVEL = 0  # manager event: a window's handle
_TITLE, _APP_ID, _STATE = 0, 1, 4  # handle events
_ACTIVATED, _FULLSCREEN = 2, 3  # values in the state array

# KDE Plasma's window list (plasma-window-management.xml in plasma-wayland-protocols).
PLASMA_WINDOWS = "org_kde_plasma_window_management"
PLASMA_SHELL = "org_kde_plasma_shell"  # offered by KWin to every client: "this is Plasma"
_PLASMA_MIN_VERSION = 13  # window_with_uuid, and get_window_by_uuid (12)
_PLASMA_VERSION = 20  # the protocol's version these opcodes were read from; later events
# come with opcodes of their own, which are ignored
_WINDOW_WITH_UUID = 4  # manager event (uint deprecated id, string uuid)
_GET_WINDOW_BY_UUID = 2  # manager request (new_id org_kde_plasma_window, string uuid)
_PLASMA_STATE = 2  # window event (title and app id: 0 and 1, as wlroots' handle)
_PLASMA_UNMAPPED = 5  # window event: closed since it was listed
_PLASMA_ACTIVE, _PLASMA_FULLSCREEN = 0x1, 0x8  # bits of state_changed's flags


class _Window(abc.ABC):
    """A window as a compositor's list tells it: enough to say whose full screen it is."""

    def __init__(self) -> None:
        self.title = ""
        self.app_id = ""
        self.active = False
        self.fullscreen = False
        self.gone = False

    def on_event(self, opcode: int, args: Reader) -> None:
        if opcode == _TITLE:  # both lists send title and app id with these opcodes
            self.title = args.string()
        elif opcode == _APP_ID:
            self.app_id = args.string()
        else:
            self._on_state(opcode, args)

    @abc.abstractmethod
    def _on_state(self, opcode: int, args: Reader) -> None:
        """The list's other events: the window's state, its end."""


class _Toplevel(_Window):
    def _on_state(self, opcode: int, args: Reader) -> None:
        if opcode == _STATE:
            state = args.words()
            self.active, self.fullscreen = _ACTIVATED in state, _FULLSCREEN in state


class _PlasmaWindow(_Window):
    def _on_state(self, opcode: int, args: Reader) -> None:
        if opcode == _PLASMA_STATE:
            flags = args.uint()
            self.active = bool(flags & _PLASMA_ACTIVE)
            self.fullscreen = bool(flags & _PLASMA_FULLSCREEN)
        elif opcode == _PLASMA_UNMAPPED:
            self.gone = True


class _ListGoneError(Exception):
    """The compositor no longer offers the window list it offered at detection."""


FRESH_S = 5.0  # a window list's answer is given again this long (see _WindowListFullscreen)


class _WindowListFullscreen(abc.ABC):
    """The focused window is full screen, as the compositor's window list tells.

    A connection of its own for each check, closed after it: a window list sends an event for
    every title change of every window, which a connection kept open would have to read all
    day (or be dropped by the compositor once its buffer is full). A check is a connect and a
    few round trips: under sway about a millisecond; under KWin 5.27 about 0.5 ms of our CPU but
    58 ms of waiting, which KWin spends checking a trusted program at each new connection (its
    CPU, measured with a 6.8 MB executable). The gate asks every 30 s while a reminder is held,
    but every second while one waits for a pause in typing: an answer is given again for
    FRESH_S, so that is one connection in five seconds at most.
    """

    name = ""
    what = FULLSCREEN
    _interface = ""  # the window list's global
    _least_version = 1  # the first version that tells what is needed
    _version = 1  # the version bound (at most what the compositor offers)

    def __init__(self, path: Path, own_app_id: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._path = path
        self._own_app_id = own_app_id
        self._clock = clock
        self._last: tuple[float, Check] | None = None  # when the last answer came, and it

    def _bind(self, connection: Connection, on_manager: Handler) -> int:
        """The window list's manager, once the compositor has sent what comes on binding."""
        offered = connection.find(self._interface)
        if offered is None or offered.version < self._least_version:
            raise _ListGoneError
        manager = connection.bind(offered, self._version, on_manager)
        connection.roundtrip()
        return manager

    @abc.abstractmethod
    def _windows(self, connection: Connection) -> list[_Window]:
        """Every window the compositor lists, with its title, app id and state."""

    def check(self) -> Check:
        now = self._clock()
        if self._last is not None and 0 <= now - self._last[0] < FRESH_S:
            return self._last[1]
        check = self._ask()
        self._last = (now, check)
        return check

    def _ask(self) -> Check:
        try:
            connection = Connection.open(self._path)
        except WaylandError as error:
            return Check(self.what, None, str(error))
        try:
            windows = self._windows(connection)
        except _ListGoneError:
            return Check(self.what, None, "the compositor no longer offers its window list")
        except WaylandError as error:
            return Check(self.what, None, str(error))
        finally:
            connection.close()
        focused = next((w for w in windows if w.active and not w.gone), None)
        if focused is None:
            return Check(self.what, False, "no active window")
        if not focused.fullscreen:
            return Check(self.what, False)
        if focused.app_id == self._own_app_id:
            return Check(self.what, False, "our own window")
        return Check(self.what, True, focused.app_id or focused.title or "a window")


class WlrFullscreen(_WindowListFullscreen):
    """wlroots compositors (sway, Hyprland, labwc, river, niri...): their window list
    `zwlr_foreign_toplevel_manager_v1` sends each window with its title, app id and state as
    soon as it is bound: one round trip."""

    name = "wayland-wlr-foreign-toplevel"
    _interface = FOREIGN_TOPLEVEL
    _least_version = _version = _TOPLEVEL_VERSION

    def _windows(self, connection: Connection) -> list[_Window]:
        windows: list[_Window] = []

        def on_manager(opcode: int, args: Reader) -> None:
            if opcode == _NEW_TOPLEVEL:
                window = _Toplevel()
                connection.adopt(args.uint(), window.on_event)
                windows.append(window)

        self._bind(connection, on_manager)
        return windows


class KdeFullscreen(_WindowListFullscreen):
    """KDE Plasma (KWin): `org_kde_plasma_window_management` names each window by a uuid when
    bound; each is then asked for (`get_window_by_uuid`), and answers with its title, app id
    and state flags: two round trips.

    KWin offers this list only to programs whose desktop file asks for it in
    `X-KDE-Wayland-Interfaces`: the desktop file named by the program's Flatpak app id
    (Plasma 6, through the Wayland security context Flatpak sets), or one whose `Exec` is the
    very executable of the process (`/proc/<pid>/exe`). For a Python program that executable is
    the interpreter, so an installation from PyPI is not given the list; the desktop file
    shipped in packaging/linux asks for it, for the Flatpak and for a bundle whose installed
    desktop file names the bundle's executable by its full path.
    """

    name = "wayland-kde-plasma-window-management"
    _interface = PLASMA_WINDOWS
    _least_version, _version = _PLASMA_MIN_VERSION, _PLASMA_VERSION

    def _windows(self, connection: Connection) -> list[_Window]:
        uuids: list[str] = []

        def on_manager(opcode: int, args: Reader) -> None:
            if opcode == _WINDOW_WITH_UUID:
                args.uint()  # KWin's deprecated numeric id
                uuids.append(args.string())

        manager = self._bind(connection, on_manager)
        windows: list[_Window] = []
        for uuid in uuids:
            window = _PlasmaWindow()
            connection.send(manager, _GET_WINDOW_BY_UUID,
                            uint(connection.new_object(window.on_event)), string(uuid))
            windows.append(window)
        if windows:
            connection.roundtrip()  # every window's state, all asked before one answer
        return windows


@dataclass(frozen=True)
class WindowLists:
    """What a compositor offers this client to tell full screen (or why it cannot be asked)."""

    wlroots: bool = False
    plasma: bool = False
    plasma_shell: bool = False  # KWin, whether or not it shares its window list with us
    problem: str = ""


def window_lists(path: Path) -> WindowLists:
    """Which window lists the compositor offers us."""
    try:
        connection = Connection.open(path)
    except WaylandError as error:
        return WindowLists(problem=str(error))
    wlroots, plasma = connection.find(FOREIGN_TOPLEVEL), connection.find(PLASMA_WINDOWS)
    shell = connection.find(PLASMA_SHELL)
    connection.close()
    return WindowLists(
        wlroots=wlroots is not None and wlroots.version >= _TOPLEVEL_VERSION,
        plasma=plasma is not None and plasma.version >= _PLASMA_MIN_VERSION,
        plasma_shell=shell is not None)


# == Linux: desktop do-not-disturb ===============================================================


def gnome_banners_mean_dnd(gsettings_output: str) -> bool | None:
    """`gsettings get org.gnome.desktop.notifications show-banners` → do not disturb?"""
    value = gsettings_output.strip()
    if value == "false":
        return True
    if value == "true":
        return False
    return None


class Completed(Protocol):
    """What a finished command left (processes.Finished; subprocess's CompletedProcess too)."""

    @property
    def returncode(self) -> int: ...

    @property
    def stdout(self) -> str: ...

    @property
    def stderr(self) -> str: ...


Run = Callable[[Sequence[str], Mapping[str, str]], Completed]


def _run(command: Sequence[str], environ: Mapping[str, str]) -> Completed:
    return run_captured(command, SUBPROCESS_TIMEOUT_S, dict(environ, LC_ALL="C"))


class GnomeDoNotDisturb:
    """GNOME's "Do Not Disturb" switch is the show-banners setting turned off."""

    name = "gnome-settings"
    what = DESKTOP_DND

    def __init__(self, environ: Mapping[str, str], run: Run = _run) -> None:
        self._environ = environ
        self._run = run

    def check(self) -> Check:
        try:
            result = self._run(
                ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"],
                self._environ)
        except OSError as exc:  # a timeout is one too
            return Check(self.what, None, f"gsettings failed: {exc}")
        active = gnome_banners_mean_dnd(result.stdout) if result.returncode == 0 else None
        if active is None:
            return Check(self.what, None, f"gsettings: {result.stderr.strip() or result.stdout}")
        return Check(self.what, active, "GNOME do not disturb" if active else "")


class NotificationServerInhibited:
    """The freedesktop notification server's `Inhibited` property (notification spec 1.2;
    KDE Plasma has it, GNOME Shell and dunst do not: then the answer is "cannot tell")."""

    name = "notification-server"
    what = DESKTOP_DND

    def __init__(self, bus_address: str) -> None:
        self._bus_address = bus_address
        self._bus: Any = None

    def check(self) -> Check:
        try:
            from PySide6.QtDBus import (  # noqa: PLC0415  (only where this backend is used)
                QDBus,
                QDBusConnection,
                QDBusMessage,
                QDBusVariant,
            )
        except ImportError as exc:
            return Check(self.what, None, f"QtDBus is missing: {exc}")
        if self._bus is None or not self._bus.isConnected():
            # A connection of our own to the bus of the given address, made once.
            self._bus = QDBusConnection.connectToBus(self._bus_address, "stressbreak-presence")
            if not self._bus.isConnected():
                self._bus = None
                return Check(self.what, None, "cannot connect to the D-Bus session bus")
        call = QDBusMessage.createMethodCall(
            "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
            "org.freedesktop.DBus.Properties", "Get")
        call.setArguments(["org.freedesktop.Notifications", "Inhibited"])
        call.setAutoStartService(False)  # asking must not start a notification server
        reply = self._bus.call(call, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return Check(self.what, None, reply.errorName() or "no answer")
        value = reply.arguments()[0]
        if isinstance(value, QDBusVariant):
            value = value.variant()
        return inhibited_check(value)


def inhibited_check(value: object) -> Check:
    """The answer for a value of the `Inhibited` property (it must be a boolean)."""
    if not isinstance(value, bool):
        return Check(DESKTOP_DND, None, f"unexpected Inhibited value {value!r}")
    return Check(DESKTOP_DND, value, "notifications are inhibited" if value else "")


# == Linux: microphone (PulseAudio / PipeWire) ====================================================


@dataclass(frozen=True)
class CaptureStream:
    application: str
    pid: int | None
    corked: bool
    media_name: str
    source: int | None = None  # the index of the source it reads, when pactl tells
    # The sound server's own plumbing rather than an application: a loopback (PulseAudio's
    # module streams have no client; PipeWire's loopbacks and filter chains set
    # `node.link-group` on their capture side).
    plumbing: bool = False
    # It says itself that it records what plays (PipeWire's `stream.capture.sink`).
    reads_sink: bool = False


def parse_source_outputs_json(text: str) -> list[CaptureStream]:
    """`pactl -f json list source-outputs` (pactl ≥ 16)."""
    streams = []
    for item in json.loads(text):
        if not isinstance(item, dict):
            raise ValueError("a source output that is not an object")
        props = item.get("properties") or {}
        source = item.get("source")
        streams.append(_stream(
            props, bool(item.get("corked", False)),
            source=source if isinstance(source, int) and not isinstance(source, bool) else None,
            # pactl writes null for "no client"; a missing key tells nothing.
            no_client="client" in item and item["client"] is None,
            driver=str(item.get("driver") or "")))
    return streams


def parse_source_outputs_text(text: str) -> list[CaptureStream]:
    """`pactl list source-outputs` under LC_ALL=C (its words are translated otherwise)."""
    streams = []
    props: dict[str, str] = {}
    corked = False
    source: int | None = None
    no_client = False
    driver = ""
    started = False
    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith("Source Output #"):
            if started:
                streams.append(_stream(props, corked, source=source, no_client=no_client,
                                       driver=driver))
            started, props, corked, source, no_client, driver = True, {}, False, None, False, ""
        elif line.startswith("\t\t"):
            if " = " in stripped:
                key, _, value = stripped.partition(" = ")
                props[key] = value.strip().removeprefix('"').removesuffix('"')
        elif stripped.startswith("Corked:"):
            corked = stripped.removeprefix("Corked:").strip() == "yes"
        elif stripped.startswith("Source:"):
            number = stripped.removeprefix("Source:").strip()
            source = int(number) if number.isdigit() else None
        elif stripped.startswith("Client:"):
            no_client = stripped.removeprefix("Client:").strip() == "n/a"
        elif stripped.startswith("Driver:"):
            driver = stripped.removeprefix("Driver:").strip()
    if started:
        streams.append(_stream(props, corked, source=source, no_client=no_client, driver=driver))
    return streams


def _stream(props: Mapping[str, Any], corked: bool, *, source: int | None = None,
            no_client: bool = False, driver: str = "") -> CaptureStream:
    pid_text = str(props.get("application.process.id", ""))
    application = (props.get("application.name") or props.get("application.process.binary")
                   or props.get("application.id") or "")
    plumbing = no_client or driver == "module-loopback.c" or "node.link-group" in props
    return CaptureStream(application=str(application),
                         pid=int(pid_text) if pid_text.isdigit() else None,
                         corked=corked, media_name=str(props.get("media.name", "")),
                         source=source, plumbing=plumbing,
                         reads_sink=str(props.get("stream.capture.sink", "")) == "true")


def _is_monitor(name: str, monitor_of_sink: str, device_class: str) -> bool:
    """Any one sign is enough: the `<sink>.monitor` name PulseAudio and pipewire-pulse give
    monitors, the sink it is the monitor of, or its device class."""
    return (name.endswith(".monitor") or monitor_of_sink not in ("", "n/a")
            or device_class == "monitor")


def monitor_sources_json(text: str) -> frozenset[int]:
    """The indices of the monitor sources in `pactl -f json list sources`."""
    found = set()
    for item in json.loads(text):
        if not isinstance(item, dict) or not isinstance(item.get("index"), int):
            raise ValueError("a source that is not an object with an index")
        props = item.get("properties") or {}
        # pactl 16 writes the sink a monitor belongs to as "monitor_source"; a later one may
        # spell it as its text output does.
        monitor_of = item.get("monitor_of_sink") or item.get("monitor_source") or ""
        if _is_monitor(str(item.get("name") or ""), str(monitor_of),
                       str(props.get("device.class", ""))):
            found.add(item["index"])
    return frozenset(found)


def monitor_sources_text(text: str) -> frozenset[int]:
    """The indices of the monitor sources in `pactl list sources` under LC_ALL=C."""
    found = set()
    index: int | None = None
    name = monitor_of = device_class = ""

    def close() -> None:
        if index is not None and _is_monitor(name, monitor_of, device_class):
            found.add(index)

    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith("Source #"):
            close()
            number = line.removeprefix("Source #").strip()
            index = int(number) if number.isdigit() else None
            name = monitor_of = device_class = ""
        elif line.startswith("\t\t"):
            if stripped.startswith("device.class = "):
                device_class = stripped.removeprefix("device.class = ").strip('"')
        elif stripped.startswith("Name:"):
            name = stripped.removeprefix("Name:").strip()
        elif stripped.startswith("Monitor of Sink:"):
            monitor_of = stripped.removeprefix("Monitor of Sink:").strip()
    close()
    return frozenset(found)


def recording_streams(streams: Iterable[CaptureStream], own_pid: int,
                      monitors: frozenset[int] = frozenset()) -> list[CaptureStream]:
    """The capture streams that mean "someone is in a call": the rule, in one place.

    A call records a microphone. Every capture stream counts, except
    - our own (StressBreak records nothing, but the rule should not depend on that);
    - paused ("corked") streams: an application that keeps a stream but is not recording;
    - level meters ("Peak detect" streams of pavucontrol and the desktop's volume applets),
      which watch every source all the time;
    - the sound server's own plumbing: a loopback (of a monitor or of a microphone: sound
      passed on to a speaker, which may run all day), an echo canceller or a filter. Where
      a call app records through one of them, the app's own stream reads the filtered source
      and counts;
    - streams that read a monitor source (`monitors`, the indices of the sources that are a
      sink's monitor) or say they record what plays: that is the desktop's own sound, taken
      by a loopback, a screen recorder or a visualiser, never a voice in a call.
    An idle application holds no stream.
    """
    return [s for s in streams
            if s.pid != own_pid and not s.corked and "peak detect" not in s.media_name.lower()
            and not s.plumbing and not s.reads_sink and s.source not in monitors]


def microphone_check(streams: Iterable[CaptureStream], own_pid: int,
                     monitors: frozenset[int] = frozenset()) -> Check:
    recording = recording_streams(streams, own_pid, monitors)
    names = list(dict.fromkeys(s.application or "another application" for s in recording))
    return Check(MICROPHONE, bool(recording), ", ".join(names))


class _PactlError(Exception):
    """pactl answered with an error (its first line is the message)."""


class PactlMicrophone:
    name = "pactl"
    what = MICROPHONE

    def __init__(self, environ: Mapping[str, str], own_pid: int, run: Run = _run) -> None:
        self._environ = environ
        self._own_pid = own_pid
        self._run = run
        self._json = True  # until this pactl shows it does not know -f json (pactl < 16)

    def check(self) -> Check:
        try:
            streams = self._list("source-outputs", parse_source_outputs_json,
                                 parse_source_outputs_text)
            candidates = recording_streams(streams, self._own_pid)
            monitors: frozenset[int] = frozenset()
            # Which sources are monitors is asked only when someone records: the common
            # case, nobody, stays one pactl run.
            if any(s.source is not None for s in candidates):
                monitors = self._list("sources", monitor_sources_json, monitor_sources_text)
        except OSError as exc:  # a timeout is one too
            return Check(self.what, None, f"pactl failed: {exc}")
        except _PactlError as exc:
            return Check(self.what, None, str(exc))  # e.g. "Connection failure: ..."
        return microphone_check(candidates, self._own_pid, monitors)

    def _list(self, what: str, from_json: Callable[[str], _T],
              from_text: Callable[[str], _T]) -> _T:
        """`pactl list <what>`, as JSON while this pactl knows it; raises _PactlError."""
        if self._json:
            result = self._run(["pactl", "-f", "json", "list", what], self._environ)
            if result.returncode == 0:
                with contextlib.suppress(ValueError):
                    return from_json(result.stdout)
        result = self._run(["pactl", "list", what], self._environ)
        if result.returncode != 0:
            raise _PactlError((result.stderr.strip().splitlines() or ["pactl failed"])[0])
        if self._json:
            log.info("this pactl has no JSON output; reading its text output")
            self._json = False
        return from_text(result.stdout)


# == Linux: camera ================================================================================


def camera_users(proc_root: Path, device_glob: str, own_pid: int) -> list[tuple[int, str]]:
    """(pid, process name) of each process with a video device open; unreadable ones skipped.

    `proc_root` and `device_glob` are parameters so a test can build a fake /proc and /dev.
    """
    pattern = Path(device_glob)
    devices = {str(p.resolve()) for p in pattern.parent.glob(pattern.name)}
    if not devices:
        return []  # no camera plugged in: nothing to scan
    users = []
    try:
        entries = list(os.scandir(proc_root))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.isdigit() or int(entry.name) == own_pid:
            continue
        try:
            fds = os.scandir(Path(entry.path) / "fd")
        except OSError:  # another user's process, or gone: not ours to see
            continue
        with fds:
            for fd in fds:
                try:
                    target = os.readlink(fd.path)  # noqa: PTH115  (thousands of fds: no Paths)
                except OSError:
                    continue
                if target in devices:
                    users.append((int(entry.name), _process_name(Path(entry.path))))
                    break
    return users


def _process_name(proc_dir: Path) -> str:
    try:
        return (proc_dir / "comm").read_text().strip()
    except OSError:
        return ""


class ProcCamera:
    name = "proc-video"
    what = CAMERA

    def __init__(self, own_pid: int, proc_root: Path = Path("/proc"),
                 device_glob: str = "/dev/video*") -> None:
        self._own_pid = own_pid
        self._proc_root = proc_root
        self._device_glob = device_glob

    def check(self) -> Check:
        users = camera_users(self._proc_root, self._device_glob, self._own_pid)
        names = list(dict.fromkeys(name or f"process {pid}" for pid, name in users))
        return Check(self.what, bool(users), ", ".join(names))


# == Windows ======================================================================================

# QUERY_USER_NOTIFICATION_STATE (shellapi.h), documented with SHQueryUserNotificationState.
QUNS_NOT_PRESENT = 1
QUNS_BUSY = 2
QUNS_RUNNING_D3D_FULL_SCREEN = 3
QUNS_PRESENTATION_MODE = 4
QUNS_ACCEPTS_NOTIFICATIONS = 5
QUNS_QUIET_TIME = 6
QUNS_APP = 7

_NOTIFICATION_STATES: dict[int, tuple[bool, str]] = {
    QUNS_NOT_PRESENT: (True, "screen locked, screen saver or another user"),
    QUNS_BUSY: (True, "a full-screen application or presentation settings"),
    QUNS_RUNNING_D3D_FULL_SCREEN: (True, "a full-screen Direct3D application"),
    QUNS_PRESENTATION_MODE: (True, "presentation mode"),
    QUNS_ACCEPTS_NOTIFICATIONS: (False, ""),
    # Windows holds its own notifications in the first hour after a user's first sign-in;
    # that is no reason for us to hold a pause.
    QUNS_QUIET_TIME: (False, "Windows quiet time"),
    QUNS_APP: (True, "a full-screen Store app"),
}


def notification_state_check(state: int) -> Check:
    """The meaning of an SHQueryUserNotificationState value for the full-screen check."""
    if state not in _NOTIFICATION_STATES:
        return Check(FULLSCREEN, None, f"unknown notification state {state}")
    active, detail = _NOTIFICATION_STATES[state]
    return Check(FULLSCREEN, active, detail)


class WindowsNotificationState:
    name = "windows-notification-state"
    what = FULLSCREEN

    def check(self) -> Check:
        if sys.platform != "win32":  # spelled out so type checkers elsewhere skip the rest
            return Check(self.what, None, "only on Windows")
        state = ctypes.c_int(0)
        result = ctypes.windll.shell32.SHQueryUserNotificationState(ctypes.byref(state))
        if result != 0:
            return Check(self.what, None, f"SHQueryUserNotificationState failed ({result:#x})")
        return notification_state_check(state.value)


def consent_app_name(key: str) -> str:
    """A readable name for a ConsentStore key: NonPackaged keys are paths with '#' for '\\'
    ("C:#Program Files#Zoom#bin#Zoom.exe" → "Zoom.exe"); packaged ones are package family
    names ("Microsoft.WindowsCamera_8wekyb3d8bbwe" → "Microsoft.WindowsCamera")."""
    if "#" in key:
        return key.rsplit("#", 1)[-1]
    return key.split("_", 1)[0]


def consent_in_use(last_used: Mapping[str, tuple[int | None, int | None]],
                   own_executable: str = "") -> list[str]:
    """The apps using the device now: LastUsedTimeStart set and LastUsedTimeStop == 0.

    `last_used` maps each ConsentStore key to its (LastUsedTimeStart, LastUsedTimeStop) FILETIME
    values (None where a value is missing); our own executable is left out.
    """
    own = own_executable.replace("\\", "#").casefold()
    return [consent_app_name(key) for key, (start, stop) in last_used.items()
            if start and stop == 0 and not (own and key.casefold() == own)]


_CONSENT_STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"


def _read_consent_store(capability: str) -> dict[str, tuple[int | None, int | None]]:
    """{key: (LastUsedTimeStart, LastUsedTimeStop)} for packaged and NonPackaged apps."""
    found: dict[str, tuple[int | None, int | None]] = {}
    if sys.platform == "win32":  # spelled out so type checkers on other systems skip it
        import winreg  # noqa: PLC0415

        def walk(path: str) -> None:
            try:
                parent = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path)
            except OSError:
                return
            with parent:
                index = 0
                while True:
                    try:
                        sub = winreg.EnumKey(parent, index)
                    except OSError:
                        break
                    index += 1
                    if sub == "NonPackaged":
                        walk(path + "\\NonPackaged")
                        continue
                    with contextlib.suppress(OSError), winreg.OpenKey(parent, sub) as key:
                        got: list[int | None] = []
                        for name in ("LastUsedTimeStart", "LastUsedTimeStop"):
                            try:
                                got.append(int(winreg.QueryValueEx(key, name)[0]))
                            except OSError:
                                got.append(None)
                        found[sub] = (got[0], got[1])

        walk(_CONSENT_STORE + "\\" + capability)
    return found


class WindowsConsentStore:
    """Windows records in the privacy ConsentStore when each app starts and stops using the
    microphone or the webcam; a start without a stop is an app using it now."""

    def __init__(self, capability: str, what: str,
                 read: Callable[[str], Mapping[str, tuple[int | None, int | None]]]
                 = _read_consent_store,
                 own_executable: str = sys.executable) -> None:
        self.name = "windows-consent-store"
        self.what = what
        self._capability = capability
        self._read = read
        self._own_executable = own_executable

    def check(self) -> Check:
        try:
            apps = consent_in_use(self._read(self._capability), self._own_executable)
        except OSError as exc:
            return Check(self.what, None, f"registry: {exc}")
        return Check(self.what, bool(apps), ", ".join(dict.fromkeys(apps)))


# == choosing the backends ========================================================================


def detect_backends(
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    own_pid: int = os.getpid(),
    own_app_id: str = APP_ID,
    which: Callable[[str], str | None] = shutil.which,
    proc_root: Path = Path("/proc"),
) -> Backends:
    """The sources this machine can answer, and for each missing one the reason why.

    Cheap: it reads the environment and looks up tools on PATH; on Wayland it asks the
    compositor once which globals it offers (one round trip). Nothing is kept open here (the X
    connection, D-Bus and the tools are first used by the first `check()`).
    """
    if platform == "win32":
        return Backends(
            fullscreen=WindowsNotificationState(),
            desktop_dnd=None,
            microphone=WindowsConsentStore("microphone", MICROPHONE),
            camera=WindowsConsentStore("webcam", CAMERA),
            reasons={DESKTOP_DND: _reason(_WIN_NO_FOCUS_ASSIST)},
        )
    if platform == "darwin":
        return Backends(None, None, None, None, reasons={
            FULLSCREEN: _reason(_MAC_FULLSCREEN), DESKTOP_DND: _reason(_MAC_DND),
            MICROPHONE: _reason(_MAC_DEVICES), CAMERA: _reason(_MAC_DEVICES)})
    if not (platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))):
        return Backends(None, None, None, None, reasons={
            name: _reason(_UNKNOWN_PLATFORM)
            for name in (FULLSCREEN, DESKTOP_DND, MICROPHONE, CAMERA)})
    return _detect_unix(environ, own_pid, own_app_id, which, proc_root)


def _detect_unix(environ: Mapping[str, str], own_pid: int, own_app_id: str,
                 which: Callable[[str], str | None], proc_root: Path) -> Backends:
    reasons: dict[str, str] = {}
    fullscreen = _fullscreen_source(environ, own_pid, own_app_id, reasons)

    desktop_dnd: PresenceSource | None = None
    desktops = environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    bus_address = environ.get("DBUS_SESSION_BUS_ADDRESS") or _default_bus_address(environ)
    if "GNOME" in desktops and which("gsettings"):
        desktop_dnd = GnomeDoNotDisturb(environ)
    elif bus_address:
        desktop_dnd = NotificationServerInhibited(bus_address)
    else:
        reasons[DESKTOP_DND] = _reason(_NO_DBUS)

    microphone: PresenceSource | None = None
    if which("pactl"):
        microphone = PactlMicrophone(environ, own_pid)
    else:
        reasons[MICROPHONE] = _reason(_NO_PACTL)

    camera: PresenceSource | None = None
    if (proc_root / "self").exists():
        camera = ProcCamera(own_pid, proc_root)
    else:
        reasons[CAMERA] = _reason(_NO_PROC)
    return Backends(fullscreen, desktop_dnd, microphone, camera, reasons)


def _fullscreen_source(environ: Mapping[str, str], own_pid: int, own_app_id: str,
                       reasons: dict[str, str]) -> PresenceSource | None:
    if environ.get("XDG_SESSION_TYPE") == "wayland" or environ.get("WAYLAND_DISPLAY"):
        path = socket_path(environ)
        offered = window_lists(path) if path is not None else WindowLists()
        if path is not None and offered.wlroots:
            return WlrFullscreen(path, own_app_id)
        if path is not None and offered.plasma:
            return KdeFullscreen(path, own_app_id)
        if path is None or offered.problem:
            log.info("full screen: %s", offered.problem or "no Wayland socket to ask")
            reasons[FULLSCREEN] = _reason(_WAYLAND_UNREACHABLE)
        else:
            reasons[FULLSCREEN] = _reason(_PLASMA_REFUSES if offered.plasma_shell else _WAYLAND)
        return None
    if not environ.get("DISPLAY"):
        reasons[FULLSCREEN] = _reason(_NO_X11)
        return None
    return X11Fullscreen(environ["DISPLAY"], own_pid)


def _default_bus_address(environ: Mapping[str, str]) -> str:
    """The session bus at its standard place ($XDG_RUNTIME_DIR/bus), as libdbus finds it."""
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").exists():
        return f"unix:path={Path(runtime, 'bus')}"
    return ""
