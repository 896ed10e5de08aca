"""A private X display with a tray host, and an outside observer for "the tray icon is shown".

Xvfb runs on a free display number (:90 and up), trayer (an XEmbed tray host) on it. The
observer talks to the X server through libX11 with ctypes (libX11 comes with xvfb/trayer, so
nothing has to be installed): it selects SubstructureNotify on the root window, so the server
tells it at once when a new top-level window is reparented away from the root (that is the tray
host embedding the icon), then watches that window until it is mapped and viewable. No polling,
no marker printed by the app: the bare tray and StressBreak are observed the same way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from types import TracebackType

_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_STRUCTURE_NOTIFY_MASK = 1 << 17
_MAP_NOTIFY = 19
_REPARENT_NOTIFY = 21
_IS_VIEWABLE = 2

_Window = ctypes.c_ulong


class _ReparentEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", _Window),
        ("window", _Window),
        ("parent", _Window),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("override_redirect", ctypes.c_int),
    ]


class _MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", _Window),
        ("window", _Window),
        ("override_redirect", ctypes.c_int),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [
        ("type", ctypes.c_int),
        ("xreparent", _ReparentEvent),
        ("xmap", _MapEvent),
        ("pad", ctypes.c_long * 24),
    ]


class _WindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int),
        ("width", ctypes.c_int), ("height", ctypes.c_int),
        ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", _Window),
        ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int), ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long), ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long), ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]  # fmt: skip


_ERROR_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_IGNORE_ERRORS = _ERROR_HANDLER_TYPE(lambda _display, _event: 0)  # kept alive: C holds it


def _load_xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XDefaultRootWindow.restype = _Window
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, _Window, ctypes.c_long]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetSelectionOwner.restype = _Window
    lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    lib.XGetWindowAttributes.argtypes = [
        ctypes.c_void_p, _Window, ctypes.POINTER(_WindowAttributes)
    ]
    # A window that disappears between an event and our look at it must not kill us.
    lib.XSetErrorHandler.argtypes = [_ERROR_HANDLER_TYPE]
    lib.XSetErrorHandler(_IGNORE_ERRORS)
    return lib


class TrayWatcher:
    """Tells when a newly started client's tray icon is embedded and viewable."""

    def __init__(self, display: str) -> None:
        self._x = _load_xlib()
        dpy = self._x.XOpenDisplay(display.encode())
        if not dpy:
            raise RuntimeError(f"cannot open X display {display}")
        self._dpy: int = dpy
        self._root = self._x.XDefaultRootWindow(dpy)
        self._x.XSelectInput(dpy, self._root, _SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XSync(dpy, 1)  # drop anything older than now
        self._fd = self._x.XConnectionNumber(dpy)

    def close(self) -> None:
        self._x.XCloseDisplay(self._dpy)

    def drain(self) -> None:
        """Forget events that came before the run being measured."""
        self._x.XSync(self._dpy, 0)
        event = _XEvent()
        while self._x.XPending(self._dpy):
            self._x.XNextEvent(self._dpy, ctypes.byref(event))

    def _viewable(self, window: int) -> bool:
        attrs = _WindowAttributes()
        if not self._x.XGetWindowAttributes(self._dpy, window, ctypes.byref(attrs)):
            return False
        return bool(attrs.map_state == _IS_VIEWABLE)

    def wait_icon_shown(self, timeout_s: float) -> float:
        """Block until a window is embedded away from the root and viewable; its monotonic time."""
        deadline = time.monotonic() + timeout_s
        embedded: set[int] = set()
        event = _XEvent()
        while True:
            while self._x.XPending(self._dpy):
                self._x.XNextEvent(self._dpy, ctypes.byref(event))
                now = time.monotonic()
                if event.type == _REPARENT_NOTIFY:
                    ev = event.xreparent
                    if ev.event == self._root and ev.parent != self._root:
                        window = int(ev.window)
                        embedded.add(window)
                        self._x.XSelectInput(self._dpy, window, _STRUCTURE_NOTIFY_MASK)
                        if self._viewable(window):
                            return now
                elif (event.type == _MAP_NOTIFY and int(event.xmap.window) in embedded
                      and self._viewable(int(event.xmap.window))):
                    return now
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no tray icon was embedded in time")
            select.select([self._fd], [], [], min(left, 0.05))
            # Map events on a window we only just selected may predate the selection.
            for window in embedded:
                if self._viewable(window):
                    return time.monotonic()


class XSession:
    """Xvfb on a free display from :90, with trayer as the tray host. A context manager."""

    def __init__(self, first_display: int = 90, size: str = "1024x700x24") -> None:
        self._first = first_display
        self._size = size
        self.display = ""
        self._procs: list[subprocess.Popen[bytes]] = []

    @staticmethod
    def missing_tools() -> list[str]:
        return [tool for tool in ("Xvfb", "trayer") if shutil.which(tool) is None]

    def env(self) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        # No session bus: Qt then uses the XEmbed tray (trayer), the same for both apps.
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        return env

    def __enter__(self) -> XSession:
        missing = self.missing_tools()
        if missing:
            raise RuntimeError("needs " + " and ".join(missing) + " (Debian: xvfb trayer)")
        xlib = _load_xlib()
        for number in range(self._first, self._first + 30):
            if Path(f"/tmp/.X{number}-lock").exists() or Path(
                f"/tmp/.X11-unix/X{number}"
            ).exists():
                continue
            display = f":{number}"
            proc = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", self._size, "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 10
            dpy = None
            while proc.poll() is None and time.monotonic() < deadline:
                dpy = xlib.XOpenDisplay(display.encode())
                if dpy:
                    break
                time.sleep(0.05)
            if not dpy:
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(5)
                continue  # lost a race for this number; try the next
            self.display = display
            self._procs.append(proc)
            tray_atom = xlib.XInternAtom(dpy, b"_NET_SYSTEM_TRAY_S0", 0)
            self._procs.append(subprocess.Popen(
                ["trayer", "--edge", "bottom", "--align", "right", "--widthtype", "pixel",
                 "--width", "160", "--height", "28"],
                env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))
            deadline = time.monotonic() + 10
            while not xlib.XGetSelectionOwner(dpy, tray_atom):
                if time.monotonic() > deadline:
                    xlib.XCloseDisplay(dpy)
                    self.__exit__(None, None, None)
                    raise RuntimeError("trayer did not take the tray selection")
                time.sleep(0.05)
            xlib.XCloseDisplay(dpy)
            time.sleep(0.3)  # let trayer finish mapping its panel
            return self
        raise RuntimeError("no free X display number found")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for proc in reversed(self._procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self._procs.clear()
