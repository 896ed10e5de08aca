"""Keys of the user's choice, anywhere on the desktop, through the XDG desktop portal's
GlobalShortcuts interface (KDE Plasma 6, GNOME 48 and later, Hyprland offer it).

The interface, as xdg-desktop-portal documents it (version 2):

- `CreateSession(a{sv} options) -> o request`; options `handle_token` and
  `session_handle_token`; the request's `Response(u code, a{sv} results)` carries
  `session_handle` (an object path sent as `s`).
- `BindShortcuts(o session, a(sa{sv}) shortcuts, s parent_window, a{sv} options) -> o request`;
  each shortcut is (id, {`description`: s, `preferred_trigger`: s}); the trigger is in the
  XDG shortcuts format ("CTRL+ALT+b") and the desktop may change it. The Response's
  `shortcuts` (a(sa{sv})) are the ones bound, each with `description` and
  `trigger_description` (the keys, in the desktop's words). A session is bound once.
- `ListShortcuts(o session, a{sv} options) -> o request`: the session's shortcuts.
- `ConfigureShortcuts(o session, s parent_window, a{sv} options)` (version 2): the desktop's
  own window to change them.
- Signals on /org/freedesktop/portal/desktop: `Activated(o session, s id, t timestamp,
  a{sv} options)`, `Deactivated` (the same), `ShortcutsChanged(o session, a(sa{sv}))`.
- Response codes: 0 done, 1 the user cancelled, 2 ended otherwise.

When binding asks the user: KDE and GNOME show their confirmation window only for ids this
app has not bound before (xdg-desktop-portal-kde compares with the shortcuts it stored;
GNOME's provider shows its dialog only when there are new ones). GNOME's backend sends
`Activated` only for shortcuts bound in the current session, and the spec allows one bind per
session, so a later start creates a session and binds the same two ids again, which asks
nothing. A bind is therefore started only by the user (a button), or at start when the user
chose the keys before (`Prefs.shortcuts_chosen`).

An application outside a sandbox is known to the portal only by its connection; it names
itself with `org.freedesktop.host.portal.Registry.Register(s app_id, a{sv})`, which must come
before any other portal call on that connection (xdg-desktop-portal 1.19.1 and later; older
portals do not have it and the app stays unnamed). GNOME refuses to bind for an unnamed app.

Why not QtDBus: PySide6 has no `qDBusRegisterMetaType`, and QtDBus can marshal an array only
of a registered element type, so it cannot send `a(sa{sv})` (measured: `beginArray` of a
structure fails with "type is not registered"). So this module speaks D-Bus through jeepney
(pure Python, the wire format only), on a connection of its own that Qt's event loop watches
with a QSocketNotifier: no thread, no timer. Method calls wait for their immediate reply
(the portal answers at once with the request's path) for at most DBUS_TIMEOUT_MS; the user's
answer comes later as a signal. No service is ever started by a call (`NO_AUTO_START`).
Nothing happens at import or construction.

Measured (2 cores, the stand-in portal of tests/system on a private bus): the first
`version()` takes about 6 ms (importing jeepney, connecting, registering, three match rules,
the property); later ones about 0.3 ms; a bind answered at once about 1 ms. Importing jeepney
and keeping the connection cost about 1.5 MB of resident memory, paid only once a window with
the button opens or by a user who chose keys (whose connection stays open for the presses).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from stressbreak import APP_ID
from stressbreak.services.notify import session_bus_address

log = logging.getLogger(__name__)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS_INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
SESSION_INTERFACE = "org.freedesktop.portal.Session"
REGISTRY_INTERFACE = "org.freedesktop.host.portal.Registry"
DBUS_TIMEOUT_MS = 500

START_PAUSE = "start-pause"
STRESS_METER = "stress-meter"
# Ctrl+Alt with a letter: neither GNOME, Plasma nor Hyprland use these two by default (B for
# break, M for meter). Only a wish: the desktop shows them to the user, who may pick others.
PREFERRED_TRIGGERS = {START_PAUSE: "CTRL+ALT+b", STRESS_METER: "CTRL+ALT+m"}

# Errors that mean no portal runs on this bus (it is not started for us).
_NO_SERVICE = ("org.freedesktop.DBus.Error.ServiceUnknown",
               "org.freedesktop.DBus.Error.NameHasNoOwner")


@dataclass(frozen=True)
class Shortcut:
    """A shortcut as the desktop bound it: its id, what it does, and its keys in the
    desktop's words ("Ctrl+Alt+B"); empty keys when the user left it without any."""

    id: str
    description: str
    trigger: str


class NotBound(Enum):
    """Why no keys were set: the user said no, the desktop ended it, or no portal answered."""

    CANCELLED = "cancelled"
    ENDED = "ended"
    NO_PORTAL = "no portal"


class PortalError(Exception):
    """The bus or the portal did not answer as asked (the text says how)."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name  # a D-Bus error name, when there was one


# -- the wire (jeepney's message format on a socket watched by Qt) ------------------------------

class _Connection:
    """One authenticated connection to a message bus. Calls wait for their reply; any other
    message read meanwhile is kept for `take_messages`. Read more with `read_available` when
    the socket is readable."""

    def __init__(self, address: str) -> None:
        from jeepney import Parser  # noqa: PLC0415  (imported when the portal is first asked)
        from jeepney.auth import BEGIN, Authenticator  # noqa: PLC0415
        from jeepney.bus import get_connectable_addresses  # noqa: PLC0415

        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(DBUS_TIMEOUT_MS / 1000)
        try:
            self.sock.connect(next(get_connectable_addresses(address)))
            authenticator = Authenticator()
            for line in authenticator:
                self.sock.sendall(line)
                authenticator.feed(self._recv())
            if not authenticator.authenticated:
                raise PortalError("the bus refused us")
            self.sock.sendall(BEGIN)
        except (OSError, RuntimeError, ValueError) as exc:
            self.sock.close()
            raise PortalError(f"cannot connect to {address}: {exc}") from exc
        self.sock.setblocking(False)
        self._parser = Parser()
        self._serial = 0
        self._kept: list[Any] = []
        try:
            self.unique_name = str(self.call(_bus_call("Hello"))[0])
        except PortalError:
            self.sock.close()
            raise

    def fileno(self) -> int:
        return self.sock.fileno()

    def send(self, message: Any) -> int:
        self._serial += 1
        self.sock.setblocking(True)
        try:
            self.sock.sendall(message.serialise(serial=self._serial))
        except OSError as exc:
            raise PortalError(f"the bus went away: {exc}") from exc
        finally:
            self.sock.setblocking(False)
        return self._serial

    def call(self, message: Any) -> tuple[Any, ...]:
        """Send a method call; its reply's body, or PortalError with the error's name."""
        import selectors  # noqa: PLC0415

        from jeepney import HeaderFields, MessageType  # noqa: PLC0415

        serial = self.send(message)
        deadline = time.monotonic() + DBUS_TIMEOUT_MS / 1000
        with selectors.DefaultSelector() as selector:
            selector.register(self.sock, selectors.EVENT_READ)
            while True:
                for index, received in enumerate(self._kept):
                    if received.header.fields.get(HeaderFields.reply_serial) == serial:
                        del self._kept[index]
                        if received.header.message_type is MessageType.error:
                            name = str(received.header.fields.get(HeaderFields.error_name, ""))
                            raise PortalError(f"{name}: {received.body}", name)
                        return tuple(received.body)
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    raise PortalError("no answer in time", "timeout")
                if not self.read_available():
                    raise PortalError("the bus went away")

    def read_available(self) -> bool:
        """Read what the socket has; False when the bus closed the connection."""
        while True:
            try:
                data = self.sock.recv(65536)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                return False
            if not data:
                return False
            self._parser.add_data(data)
        while (message := self._parser.get_next_message()) is not None:
            self._kept.append(message)
        return True

    def take_messages(self) -> list[Any]:
        taken, self._kept = self._kept, []
        return taken

    def close(self) -> None:
        self.sock.close()

    def _recv(self) -> bytes:
        data = self.sock.recv(4096)
        if not data:
            raise OSError("the bus closed the connection")
        return data


def _method(path: str, interface: str, member: str, signature: str | None = None,
            body: tuple[Any, ...] = (), *, destination: str = PORTAL_SERVICE) -> Any:
    from jeepney import DBusAddress, MessageFlag, new_method_call  # noqa: PLC0415

    message = new_method_call(DBusAddress(path, destination, interface), member, signature,
                              body)
    message.header.flags = MessageFlag.no_auto_start  # never start a service for us
    return message


def _bus_call(member: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
    return _method("/org/freedesktop/DBus", "org.freedesktop.DBus", member, signature, body,
                   destination="org.freedesktop.DBus")


def _token() -> str:
    """A handle token: unique and not guessable, as the portal's Request documentation asks."""
    import secrets  # noqa: PLC0415  (it loads hashlib: only when the portal is used)

    return "stressbreak_" + secrets.token_hex(8)


def _text(value: object) -> str:
    """A vardict value (jeepney gives a variant as (signature, value)) as text."""
    if isinstance(value, tuple) and len(value) == 2:
        value = value[1]
    return value if isinstance(value, str) else ""


def parse_shortcuts(raw: object) -> tuple[Shortcut, ...]:
    """`a(sa{sv})` as the portal sends it (a Response's `shortcuts`, `ShortcutsChanged`)."""
    if isinstance(raw, tuple) and len(raw) == 2 and raw[0] == "a(sa{sv})":
        raw = raw[1]  # still in its variant
    if not isinstance(raw, list):
        return ()
    found = []
    for entry in raw:
        if (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], str)
                and isinstance(entry[1], dict)):
            found.append(Shortcut(entry[0], _text(entry[1].get("description")),
                                  _text(entry[1].get("trigger_description"))))
    return tuple(found)


# -- the portal ---------------------------------------------------------------------------------

class PortalShortcuts(QObject):
    """One GlobalShortcuts session with the desktop portal on the session bus (found in
    `environ` when first needed).

    `version()` says whether the portal offers the interface (None: no). `bind()` binds the
    shortcuts (id, description, preferred trigger) in a fresh session: `bound` comes with what
    the desktop bound, or `not_bound` with why not. `activated` comes with a shortcut's id
    each time its keys are pressed; `changed` when the user changed keys in the desktop's
    settings. `configure()` opens the desktop's window for them (version 2)."""

    activated = Signal(str)
    bound = Signal(object)  # tuple[Shortcut, ...]
    changed = Signal(object)  # tuple[Shortcut, ...]
    not_bound = Signal(object)  # NotBound

    def __init__(self, environ: Mapping[str, str] = os.environ, app_id: str = APP_ID,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._environ = environ
        self._app_id = app_id
        self._connection: _Connection | None = None
        self._notifier: QSocketNotifier | None = None
        self._session: str | None = None
        self._session_bound = False
        self._requests: dict[str, Callable[[int, dict[str, Any]], None]] = {}

    @property
    def session(self) -> str | None:
        """The session's object path, while there is one."""
        return self._session

    def version(self) -> int | None:
        """The portal's GlobalShortcuts version, or None where it is not offered (no bus, no
        portal running, or a portal without the interface). Asked afresh each time."""
        try:
            reply = self._call(_method(PORTAL_PATH, "org.freedesktop.DBus.Properties", "Get",
                                       "ss", (SHORTCUTS_INTERFACE, "version")))
        except PortalError as exc:
            log.debug("shortcuts: the portal offers no GlobalShortcuts (%s)", exc)
            return None
        value = reply[0][1] if reply and isinstance(reply[0], tuple) else None
        return value if isinstance(value, int) and value > 0 else None

    def bind(self, shortcuts: Sequence[tuple[str, str, str]], parent_window: str = "") -> None:
        """Ask the desktop to bind (id, description, preferred trigger) for this app; the
        desktop may ask the user first. The answer comes as `bound` or `not_bound`."""
        wanted = [(shortcut_id, {"description": ("s", description),
                                 "preferred_trigger": ("s", trigger)})
                  for shortcut_id, description, trigger in shortcuts]

        def send_bind() -> None:
            self._session_bound = True
            self._request(
                SHORTCUTS_INTERFACE, "BindShortcuts", "oa(sa{sv})sa{sv}",
                lambda token: (self._session, wanted, parent_window,
                               {"handle_token": ("s", token)}),
                self._answer_bind)

        try:
            self._close_session()  # a session is bound once: each bind has a new one

            def created(code: int, results: dict[str, Any]) -> None:
                session = _text(results.get("session_handle"))
                if code != 0 or not session:
                    self.not_bound.emit(NotBound.CANCELLED if code == 1 else NotBound.ENDED)
                    return
                self._session, self._session_bound = session, False
                try:
                    send_bind()
                except PortalError as exc:
                    self._fail(exc)

            session_token = _token()
            self._request(SHORTCUTS_INTERFACE, "CreateSession", "a{sv}",
                          lambda token: ({"handle_token": ("s", token),
                                          "session_handle_token": ("s", session_token)},),
                          created)
        except PortalError as exc:
            self._fail(exc)

    def configure(self, parent_window: str = "") -> bool:
        """The desktop's own window to change the keys (portal version 2, a bound session).
        False where there is none to open."""
        if self._session is None or not self._session_bound or (self.version() or 0) < 2:
            return False
        try:
            self._call(_method(PORTAL_PATH, SHORTCUTS_INTERFACE, "ConfigureShortcuts",
                               "osa{sv}", (self._session, parent_window, {})))
        except PortalError as exc:
            log.info("shortcuts: the desktop's window did not open (%s)", exc)
            return False
        return True

    def stop(self) -> None:
        """End the session (the desktop keeps the keys for the next start) and disconnect."""
        with contextlib.suppress(PortalError):
            self._close_session()
        self._disconnect()

    # -- behind the scenes ---------------------------------------------------------------------

    def _call(self, message: Any) -> tuple[Any, ...]:
        """A call whose reply is all it waits for; signals read meanwhile are handled after."""
        try:
            return self._connect().call(message)
        finally:
            self._dispatch()

    def _connect(self) -> _Connection:
        if self._connection is not None:
            return self._connection
        address = session_bus_address(self._environ)
        if not address:
            raise PortalError("no session bus")
        try:
            connection = _Connection(address)
        except ImportError as exc:  # jeepney is not installed (not a Linux or BSD install)
            raise PortalError(f"jeepney is missing: {exc}") from exc
        try:
            self._register(connection)
            for interface in (REQUEST_INTERFACE, SHORTCUTS_INTERFACE, SESSION_INTERFACE):
                connection.call(_bus_call("AddMatch", "s", (
                    f"type='signal',sender='{PORTAL_SERVICE}',interface='{interface}'",)))
        except PortalError:
            connection.close()
            raise
        self._connection = connection
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        return connection

    def _register(self, connection: _Connection) -> None:
        """Name this app to the portal: the first portal call on the connection."""
        try:
            connection.call(_method(PORTAL_PATH, REGISTRY_INTERFACE, "Register", "sa{sv}",
                                    (self._app_id, {})))
        except PortalError as exc:
            if exc.name in _NO_SERVICE or exc.name == "timeout":
                raise
            # An older portal has no registry; a sandboxed app is named by its sandbox.
            log.debug("shortcuts: not registered as %s (%s)", self._app_id, exc)

    def _request(self, interface: str, member: str, signature: str,
                 body: Callable[[str], tuple[Any, ...]],
                 answer: Callable[[int, dict[str, Any]], None]) -> None:
        """A portal call answered by a Request's Response: its expected path is known before
        the call (the handle token), so an early Response is not missed."""
        connection = self._connect()
        token = _token()
        sender = connection.unique_name.lstrip(":").replace(".", "_")
        expected = f"{PORTAL_PATH}/request/{sender}/{token}"
        self._requests[expected] = answer
        try:
            reply = connection.call(_method(PORTAL_PATH, interface, member, signature,
                                            body(token)))
        except PortalError:
            self._requests.pop(expected, None)
            raise
        handle = str(reply[0]) if reply else expected
        if handle != expected:  # a portal older than 0.9 picks its own path
            self._requests[handle] = self._requests.pop(expected)
        self._dispatch()

    def _answer_bind(self, code: int, results: dict[str, Any]) -> None:
        if code == 0:
            self.bound.emit(parse_shortcuts(results.get("shortcuts")))
        else:
            self.not_bound.emit(NotBound.CANCELLED if code == 1 else NotBound.ENDED)

    def _close_session(self) -> None:
        session, self._session = self._session, None
        self._session_bound = False
        if session is not None and self._connection is not None:
            self._call(_method(session, SESSION_INTERFACE, "Close"))

    def _fail(self, exc: PortalError) -> None:
        log.info("shortcuts: the portal did not answer (%s)", exc)
        if exc.name not in ("", "timeout") and exc.name not in _NO_SERVICE:
            self.not_bound.emit(NotBound.ENDED)
        else:
            self._disconnect()
            self.not_bound.emit(NotBound.NO_PORTAL)

    def _readable(self) -> None:
        connection = self._connection
        if connection is None:
            return
        alive = connection.read_available()
        self._dispatch()
        if not alive:
            log.info("shortcuts: the session bus closed the connection")
            self._disconnect()

    def _dispatch(self) -> None:
        from jeepney import HeaderFields, MessageType  # noqa: PLC0415

        if self._connection is None:
            return
        for message in self._connection.take_messages():
            if message.header.message_type is not MessageType.signal:
                continue
            fields = message.header.fields
            interface = fields.get(HeaderFields.interface)
            member = fields.get(HeaderFields.member)
            path = fields.get(HeaderFields.path)
            body = message.body
            if interface == REQUEST_INTERFACE and member == "Response":
                answer = self._requests.pop(path, None)
                if answer is not None and len(body) == 2:
                    answer(int(body[0]), dict(body[1]))
            elif interface == SHORTCUTS_INTERFACE and body and body[0] == self._session:
                if member == "Activated" and len(body) >= 2:
                    self.activated.emit(str(body[1]))
                elif member == "ShortcutsChanged" and len(body) == 2:
                    self.changed.emit(parse_shortcuts(body[1]))
            elif interface == SESSION_INTERFACE and member == "Closed" and path == self._session:
                self._session, self._session_bound = None, False

    def _disconnect(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._session, self._session_bound = None, False
        self._requests.clear()
