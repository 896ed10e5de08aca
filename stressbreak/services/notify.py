"""Native desktop notifications through plyer: an extra channel, never the only one.

plyer has no click callback, so the clickable reminder is our own window; this only adds a
system notification beside it.

Whether a notification can be shown here is asked before each one is sent, and whenever the
settings window or `stressbreak status` wants to know (`unavailable_reason`); nothing polls.
What plyer 2.1 really needs (its `platforms/*/notification.py`):
- Linux: inside Flatpak (a folder /app) the notification portal, called through `gdbus`.
  Elsewhere dbus-python (`import dbus`, then `Notify` on the session bus) or, without it, the
  `notify-send` program. Both only hand the notification to a service on the session bus that
  owns `org.freedesktop.Notifications` (the desktop's own, or dunst, mako, ...), or that D-Bus
  starts on demand. Without one, dbus-python raises, but notify-send fails with only a
  message on its standard error, which plyer ignores: the notification would vanish without a
  word. So the bus is asked (`NameHasOwner`, then `ListActivatableNames`: the bus daemon
  answers both itself, in well under a millisecond; nothing is started).
- macOS: pyobjus, which plyer imports for Notification Center.
- Windows: a balloon through the Windows API, always there.
A backend that still fails when used is logged once, then the channel stays quiet.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import sys
import threading
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
DBUS_TIMEOUT_MS = 200
FLATPAK_ROOT = Path("/app")  # where plyer looks to tell that it runs inside Flatpak

BusOffers = Callable[[str], "bool | None"]
"""A bus name → whether the session bus has it (running now, or started on demand); None when
there is no session bus to ask."""


def notification_unavailable_reason(
    *,
    platform: str,
    which: Callable[[str], str | None],
    has_module: Callable[[str], bool],
    bus_offers: BusOffers,
    in_flatpak: bool,
) -> Message | None:
    """Why plyer cannot show a notification here, in plain words; None when it can."""
    if platform == "win32":
        return None
    if platform == "darwin":
        if has_module("pyobjus"):
            return None
        return Message("notify", QT_TRANSLATE_NOOP(
            "notify", "Desktop notifications need the Python package pyobjus, which is not "
                      "installed."))
    if in_flatpak:
        if which("gdbus") is not None:
            return None
        return Message("notify", QT_TRANSLATE_NOOP(
            "notify", "Desktop notifications need the gdbus program, which is missing."))
    if not has_module("dbus") and which("notify-send") is None:
        return Message("notify", QT_TRANSLATE_NOOP(
            "notify", "No way to send desktop notifications was found (install notify-send, "
                      "in the package libnotify-bin or libnotify)."))
    offered = bus_offers(SERVICE)
    if offered is None:
        return Message("notify", QT_TRANSLATE_NOOP(
            "notify", "There is no desktop session bus here, so no notifications can be "
                      "shown."))
    if not offered:
        return Message("notify", QT_TRANSLATE_NOOP(
            "notify", "No notification service is running on this desktop (GNOME and KDE "
                      "have one; on a lighter desktop, install dunst or mako)."))
    return None


def has_module(name: str) -> bool:
    """Whether `name` can be imported, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def session_bus_address(environ: Mapping[str, str]) -> str:
    """The session bus: from the environment, else at its standard place, as libdbus finds
    it; "" when there is none. (Not Qt's `sessionBus()`: without an address libdbus may try to
    autolaunch a bus of its own.)"""
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return environ["DBUS_SESSION_BUS_ADDRESS"]
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime, "bus").exists():
        return f"unix:path={Path(runtime, 'bus')}"
    return ""


class QtBusOffers:
    """Asks the daemon of the session bus about a name, through QtDBus, on a connection of its
    own opened at the first question (the bus is looked for then too). For the GUI thread."""

    _CONNECTION = "stressbreak-notify"

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ
        self._bus: object | None = None

    def __call__(self, name: str) -> bool | None:
        address = session_bus_address(self._environ)
        if not address:
            return None
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage  # noqa: PLC0415

        bus = self._bus
        if not isinstance(bus, QDBusConnection) or not bus.isConnected():
            QDBusConnection.disconnectFromBus(self._CONNECTION)  # a dead one from before
            bus = QDBusConnection.connectToBus(address, self._CONNECTION)
            if not bus.isConnected():
                return None
            self._bus = bus

        def ask(method: str, *arguments: object) -> object:
            message = QDBusMessage.createMethodCall(
                "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method)
            message.setArguments(list(arguments))
            reply = bus.call(message, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
            if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
                return None
            return reply.arguments()[0]

        owned = ask("NameHasOwner", name)
        if owned is None:
            return None
        if owned is True:
            return True
        activatable = ask("ListActivatableNames")
        return isinstance(activatable, list) and name in activatable


def local_reason_finder(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ
) -> Callable[[], Message | None]:
    """`notification_unavailable_reason` for this machine, asked afresh at each call (a
    notification service may start after StressBreak, at login). Nothing is asked here."""
    bus_offers = QtBusOffers(environ)

    def reason() -> Message | None:
        return notification_unavailable_reason(
            platform=platform, which=shutil.which, has_module=has_module,
            bus_offers=bus_offers, in_flatpak=FLATPAK_ROOT.is_dir())

    return reason


def send_with_plyer(app_name: str, title: str, message: str) -> None:
    with warnings.catch_warnings():
        # plyer warns about each backend it cannot use; the Notifier logs one line instead.
        warnings.simplefilter("ignore")
        from plyer import notification  # noqa: PLC0415  (costly import, rarely needed)

        notification.notify(title=title, message=message, app_name=app_name, timeout=30)


class Notifier:
    def __init__(
        self,
        app_name: str,
        enabled: bool,
        *,
        unavailable: Callable[[], str | None] | None = None,
        send: Callable[[str, str, str], None] = send_with_plyer,
    ) -> None:
        """`unavailable` says why no notification can be shown now (None: it can); by
        default this machine is asked (`local_reason_finder`). `send(app_name, title,
        message)` shows one, in a worker thread."""
        self._app_name = app_name
        self.enabled = enabled
        self._unavailable = unavailable if unavailable is not None else local_reason_finder()
        self._send_now = send
        self._broken = False
        self._said_unavailable = False

    def unavailable_reason(self) -> str | None:
        """Why no notification can be shown here now (a Message), or None."""
        return self._unavailable()

    def notify(self, title: str, message: str) -> None:
        if not self.enabled or self._broken:
            return
        reason = self._unavailable()
        if reason is not None:
            # Asked again next time: the service may come (a desktop still starting up).
            if not self._said_unavailable:
                self._said_unavailable = True
                log.warning("native notifications are off: %s; StressBreak's own reminder "
                            "window is still shown", reason)
            return
        # notify-send is a subprocess and D-Bus may be slow: keep both off the GUI thread.
        threading.Thread(target=self._send, args=(title, message), daemon=True).start()

    def _send(self, title: str, message: str) -> None:
        try:
            self._send_now(self._app_name, title, message)
        except Exception as exc:  # noqa: BLE001  (any backend failure means: channel off)
            if not self._broken:
                self._broken = True
                log.warning(
                    "native notifications are unavailable (%s: %s); "
                    "StressBreak's own reminder window is still shown",
                    type(exc).__name__, exc,
                )
