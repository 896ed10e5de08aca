"""Does this computer ask applications for less motion? Read when a pause opens, never polled.

`platform_motion()` picks this platform's reader; its `reduce_motion()` answers True (the
platform asks for less motion), False (it says animations are fine) or None (it does not say:
no preference, and the pacer animates). Nothing is read at import or construction; every call
reads afresh, so a change in the system's settings counts from the next pause on. There is no
timer and no listener: the question is asked only when the "system" motion setting needs it.

Qt 6.11 has no reduced-motion preference (QStyleHints and QAccessibilityHints tell contrast,
not motion), so each platform is read here:

- Linux and other Unix desktops, through the XDG desktop portal's Settings interface on the
  session bus (`ReadOne`; the portal of version 1 only has `Read`, whose value comes wrapped
  in a second variant):
  `org.freedesktop.appearance reduced-motion` (u: 1 = reduce, 0 = no preference; the
  freedesktop key, in portals since late 2025) and GNOME's
  `org.gnome.desktop.interface enable-animations` (b: false = animations off; GNOME, Xfce,
  Budgie and Pantheon set it). When the portal gives no value for the latter, `gsettings get`
  reads the same key (not on KDE, whose answer is in kdeglobals).
  KDE Plasma: `AnimationDurationFactor=0` in the [KDE] group of $XDG_CONFIG_HOME/kdeglobals
  (Animation speed: Instant), read only in a KDE session.
- Windows: SystemParametersInfoW(SPI_GETCLIENTAREAANIMATION), the "Animation effects" switch
  (FALSE: off, so less motion).
- macOS: `defaults read com.apple.universalaccess reduceMotion` (1: Reduce motion is on).

Any source that asks for less motion wins; a source that cannot answer is passed over. The
portal is never started for this (a bus call that would start it could block a pause), and a
portal that does not answer within DBUS_TIMEOUT_MS counts as none.

Measured (2 cores, a stand-in portal on a private bus, tests/system/test_motion_portal.py
prints it): a read is about 0.5-1 ms (two round trips); the first one in the running app adds
about 7 ms (loading QtDBus, opening the connection). Without a portal, the gsettings fallback
is one short process, about 6 ms; kdeglobals is a small file, about 0.04 ms.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from stressbreak.services.processes import output_of

log = logging.getLogger(__name__)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_SETTINGS = "org.freedesktop.portal.Settings"
REDUCED_MOTION = ("org.freedesktop.appearance", "reduced-motion")
ENABLE_ANIMATIONS = ("org.gnome.desktop.interface", "enable-animations")
GSETTINGS_COMMAND = ("gsettings", "get", *ENABLE_ANIMATIONS)
DEFAULTS_COMMAND = ("defaults", "read", "com.apple.universalaccess", "reduceMotion")
SPI_GETCLIENTAREAANIMATION = 0x1042
DBUS_TIMEOUT_MS = 250
SUBPROCESS_TIMEOUT_S = 2.0
# The portal's answer for a namespace or key it does not know (both versions).
_NOT_FOUND = "org.freedesktop.portal.Error.NotFound"
_UNKNOWN_METHOD = "org.freedesktop.DBus.Error.UnknownMethod"

Runner = Callable[[Sequence[str]], "str | None"]
"""A command → its standard output, or None when it could not be run or failed."""
PortalRead = Callable[[str, str], object]
"""(namespace, key) → the setting's value, None when the portal does not know that key;
raises NoPortal when no settings portal answers at all."""


class NoPortal(Exception):  # noqa: N818  (a state, not an error: there is no portal)
    """No settings portal answered on the session bus (none running, no bus, or no reply)."""


class MotionReader(Protocol):
    name: str

    def reduce_motion(self) -> bool | None:
        """True: the platform asks for less motion; False: it does not; None: cannot tell."""
        ...


# -- what each answer means (pure; tested on every platform) ----------------------------------

def portal_reduced_motion(value: object) -> bool | None:
    """`org.freedesktop.appearance reduced-motion`: 1 asks for less motion. 0 is "no
    preference", and the portal's documentation says to read unknown values as 0."""
    if isinstance(value, int) and not isinstance(value, bool) and value == 1:
        return True
    return None


def animations_answer(value: object) -> bool | None:
    """GNOME's `enable-animations` (a bool) → less motion? Animations off means yes."""
    return (not value) if isinstance(value, bool) else None


def gsettings_answer(output: str) -> bool | None:
    """`gsettings get org.gnome.desktop.interface enable-animations` → less motion?"""
    value = output.strip()
    if value == "false":
        return True
    if value == "true":
        return False
    return None


def kdeglobals_answer(text: str) -> bool | None:
    """kdeglobals → less motion? `AnimationDurationFactor` in the [KDE] group is Plasma's
    animation speed: 0 is "Instant" (no animations); any other number is a speed, no wish for
    less motion. Absent or unreadable: no answer. KConfig's markers are understood: a group or
    key may carry `[$i]` (locked), and the last value in the file counts."""
    group = ""
    found: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line
            continue
        if group != "[KDE]" and not group.startswith("[KDE][$"):
            continue
        key, sep, value = line.partition("=")
        name, _, marker = key.strip().partition("[")
        if sep and name.strip() == "AnimationDurationFactor" and (not marker
                                                                  or marker.startswith("$")):
            found = value.strip()
    if found is None:
        return None
    try:
        factor = float(found)
    except ValueError:
        return None
    if not math.isfinite(factor) or factor < 0:
        return None
    return factor == 0


def defaults_answer(output: str) -> bool | None:
    """`defaults read com.apple.universalaccess reduceMotion` → less motion?"""
    value = output.strip()
    if value == "1":
        return True
    if value == "0":
        return False
    return None


def first_reduce(sources: Iterable[Callable[[], bool | None]]) -> bool | None:
    """Ask the sources in turn: the first that asks for less motion decides (the rest are not
    asked); otherwise False if any said animations are fine, else None."""
    result: bool | None = None
    for source in sources:
        answer = source()
        if answer is True:
            return True
        if answer is False:
            result = False
    return result


# -- the readers ------------------------------------------------------------------------------

class UnixMotion:
    """The XDG settings portal (with gsettings behind it), and kdeglobals in a KDE session."""

    name = "unix"

    def __init__(self, portal: PortalRead, *, kdeglobals: Path | None,
                 run: Runner | None) -> None:
        self._portal = portal
        self._kdeglobals = kdeglobals  # None: not a KDE session
        self._run = run  # None: no gsettings fallback

    def reduce_motion(self) -> bool | None:
        started = time.perf_counter()
        sources = [self._from_portal]
        if self._kdeglobals is not None:
            sources.insert(0, self._from_kdeglobals)  # a small file: before the bus
        answer = first_reduce(sources)
        log.debug("motion: the desktop says %s (%.1f ms)", _said(answer),
                  (time.perf_counter() - started) * 1000)
        return answer

    def _from_kdeglobals(self) -> bool | None:
        assert self._kdeglobals is not None
        try:
            text = self._kdeglobals.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        return kdeglobals_answer(text)

    def _from_portal(self) -> bool | None:
        animations: bool | None = None
        try:
            if portal_reduced_motion(self._portal(*REDUCED_MOTION)):
                return True
            animations = animations_answer(self._portal(*ENABLE_ANIMATIONS))
        except NoPortal as exc:
            log.debug("motion: no settings portal (%s)", exc)
        if animations is None and self._run is not None:
            output = self._run(GSETTINGS_COMMAND)
            animations = None if output is None else gsettings_answer(output)
        return animations


class WindowsMotion:
    """Windows' "Animation effects" switch, SystemParametersInfoW(SPI_GETCLIENTAREAANIMATION)."""

    name = "windows"

    def __init__(self, load_user32: Callable[[], Any] | None = None) -> None:
        self._load = load_user32 or _load_user32
        self._user32: Any = None  # loaded at the first read and kept

    def reduce_motion(self) -> bool | None:
        import ctypes  # noqa: PLC0415  (keeps importing this module cheap)

        if self._user32 is None:
            user32 = self._load()
            if user32 is None:
                return None
            function = user32.SystemParametersInfoW
            function.argtypes = [ctypes.c_uint, ctypes.c_uint, ctypes.POINTER(ctypes.c_int),
                                 ctypes.c_uint]
            function.restype = ctypes.c_int
            self._user32 = user32
        enabled = ctypes.c_int(1)  # a BOOL
        if not self._user32.SystemParametersInfoW(SPI_GETCLIENTAREAANIMATION, 0,
                                                  ctypes.byref(enabled), 0):
            return None
        return not enabled.value


class MacMotion:
    """macOS' Accessibility › Display › Reduce motion, through `defaults`."""

    name = "macos"

    def __init__(self, run: Runner) -> None:
        self._run = run

    def reduce_motion(self) -> bool | None:
        # Never set (the key is missing) fails: no answer, which animates, as macOS does.
        output = self._run(DEFAULTS_COMMAND)
        return None if output is None else defaults_answer(output)


class NoMotionPreference:
    name = "none"

    def reduce_motion(self) -> bool | None:
        return None


# -- the outside world (the seams tests replace) ----------------------------------------------

def _load_user32() -> Any:
    import ctypes  # noqa: PLC0415

    if sys.platform != "win32":  # spelled out so type checkers elsewhere skip the rest
        return None
    try:
        return ctypes.WinDLL("user32")
    except OSError:
        return None


def run_command(command: Sequence[str]) -> str | None:
    return output_of(command, SUBPROCESS_TIMEOUT_S)


class QtPortalSettings:
    """Reads the settings portal through QtDBus, on a connection of our own to the given bus
    (opened at the first read and kept). Never starts a portal that is not running."""

    def __init__(self, bus_address: str) -> None:
        self._address = bus_address
        self._name = f"stressbreak-motion {bus_address}"  # one connection per bus
        self._bus: Any = None
        self._method = "ReadOne"  # until the portal shows it has only Read (version 1)

    def __call__(self, namespace: str, key: str) -> object:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant  # noqa: PLC0415

        if not self._address:
            raise NoPortal("no session bus")
        if self._bus is None or not self._bus.isConnected():
            QDBusConnection.disconnectFromBus(self._name)  # a dead one from an earlier read
            bus = QDBusConnection.connectToBus(self._address, self._name)
            if not bus.isConnected():
                QDBusConnection.disconnectFromBus(self._name)
                raise NoPortal(f"cannot connect to {self._address}")
            self._bus = bus
        reply = self._call(self._method, namespace, key)
        if self._method == "ReadOne" and reply.errorName() == _UNKNOWN_METHOD:
            self._method = "Read"
            reply = self._call(self._method, namespace, key)
        if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
            value = reply.arguments()[0]
            while isinstance(value, QDBusVariant):  # Read wraps the value twice
                value = value.variant()
            return value
        if reply.errorName() == _NOT_FOUND:
            return None
        raise NoPortal(reply.errorName() or "no answer")

    def _call(self, method: str, namespace: str, key: str) -> Any:
        from PySide6.QtDBus import QDBus, QDBusMessage  # noqa: PLC0415

        message = QDBusMessage.createMethodCall(PORTAL_SERVICE, PORTAL_PATH, PORTAL_SETTINGS,
                                                method)
        message.setArguments([namespace, key])
        message.setAutoStartService(False)
        return self._bus.call(message, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)


# -- choosing the reader ------------------------------------------------------------------------

def platform_motion(
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    run: Runner = run_command,
    portal: PortalRead | None = None,
    load_user32: Callable[[], Any] | None = None,
) -> MotionReader:
    """This platform's reader. Reads the environment only: nothing is opened or run here."""
    if platform == "win32":
        return WindowsMotion(load_user32)
    if platform == "darwin":
        return MacMotion(run)
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return NoMotionPreference()
    kde = ("KDE" in environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
           or environ.get("KDE_FULL_SESSION") == "true")
    return UnixMotion(
        portal if portal is not None else QtPortalSettings(_bus_address(environ)),
        kdeglobals=_config_home(environ) / "kdeglobals" if kde else None,
        run=None if kde else run,
    )


def _bus_address(environ: Mapping[str, str]) -> str:
    """The session bus: from the environment, else at its standard place, as libdbus does (not
    looked at here: a missing socket fails the first read, which then says no portal)."""
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return environ["DBUS_SESSION_BUS_ADDRESS"]
    runtime = environ.get("XDG_RUNTIME_DIR")
    return f"unix:path={Path(runtime, 'bus')}" if runtime else ""


def _config_home(environ: Mapping[str, str]) -> Path:
    configured = environ.get("XDG_CONFIG_HOME", "")
    if configured and Path(configured).is_absolute():  # the XDG rule: a relative one is void
        return Path(configured)
    return Path(environ.get("HOME") or Path.home()) / ".config"


def _said(answer: bool | None) -> str:
    return {True: "less motion", False: "full motion", None: "nothing"}[answer]
