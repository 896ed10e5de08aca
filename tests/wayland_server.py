"""A small Wayland compositor for tests: a thread of the test process that listens on a Unix
socket and speaks the wire protocol (https://wayland.freedesktop.org/docs/html/ch04.html) for
the globals a test offers, written from the protocol's XML, not from our client.

It answers `wl_display.sync` and `get_registry`, records every request with its arguments, and
lets the test send events (`idled`, a toplevel and its state, an error) or close the connection.
A window list is sent as a compositor sends it: wlroots' toplevels on bind, KDE Plasma's
windows by uuid on bind and each window's title, app id and state when asked for.
Only the requests the client may send are known; any other ends the test with a clear error.
"""

from __future__ import annotations

import select
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stressbreak.services.idle import detect_idle_source

_HEADER = struct.Struct("=II")
SERVER_IDS = 0xFF000000  # ids the server allocates start here (wayland's rule)

# Request signatures, from the protocols' XML: (interface, opcode) → argument kinds, where
# "n:<interface>" is a new id of that interface, "N" the registry's untyped new id
# (string interface, uint version, uint id), "u" a uint, "o" an object, "s" a string.
REQUESTS: dict[tuple[str, int], tuple[str, ...]] = {
    ("wl_display", 0): ("n:wl_callback",),
    ("wl_display", 1): ("n:wl_registry",),
    ("wl_registry", 0): ("u", "N"),
    ("wl_seat", 3): (),  # release
    ("ext_idle_notifier_v1", 0): (),  # destroy
    ("ext_idle_notifier_v1", 1): ("n:ext_idle_notification_v1", "u", "o"),
    ("ext_idle_notifier_v1", 2): ("n:ext_idle_notification_v1", "u", "o"),  # input, v2
    ("ext_idle_notification_v1", 0): (),  # destroy
    ("org_kde_kwin_idle", 0): ("n:org_kde_kwin_idle_timeout", "o", "u"),
    ("org_kde_kwin_idle_timeout", 0): (),  # release
    ("org_kde_kwin_idle_timeout", 1): (),  # simulate_user_activity
    ("zwlr_foreign_toplevel_manager_v1", 0): (),  # stop
    # plasma-window-management.xml (plasma-wayland-protocols)
    ("org_kde_plasma_window_management", 0): ("u",),  # show_desktop
    ("org_kde_plasma_window_management", 1): ("n:org_kde_plasma_window", "u"),  # get_window
    ("org_kde_plasma_window_management", 2): ("n:org_kde_plasma_window", "s"),  # ..._by_uuid
    ("org_kde_plasma_window", 7): (),  # destroy
}


def uint(value: int) -> bytes:
    return struct.pack("=I", value)


def string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return uint(len(data)) + data + b"\0" * (-len(data) % 4)


def array(words: list[int]) -> bytes:
    data = b"".join(uint(w) for w in words)
    return uint(len(data)) + data


@dataclass
class Request:
    object_id: int
    interface: str
    opcode: int
    args: tuple[object, ...]


@dataclass
class Window:
    """A toplevel the compositor lists (zwlr_foreign_toplevel_handle_v1)."""

    title: str
    app_id: str
    state: list[int] = field(default_factory=list)  # 0 maximized, 2 activated, 3 fullscreen


@dataclass
class PlasmaWindow:
    """A window KDE Plasma lists (org_kde_plasma_window), named by its uuid."""

    title: str
    app_id: str
    flags: int = 0  # org_kde_plasma_window_management.state: 0x1 active, 0x8 fullscreen
    uuid: str = ""
    closed: bool = False  # unmapped between being listed and being asked for


class FakeCompositor:
    def __init__(self, path: Path, offers: list[tuple[str, int]]) -> None:
        self.path = path
        self.offers = list(offers)
        self.windows: list[Window] = []
        self.plasma_windows: list[PlasmaWindow] = []
        self.requests: list[Request] = []
        self.objects: dict[int, str] = {1: "wl_display"}
        self.answer_sync = True
        self.problem = ""  # a request the fake did not expect
        self.connections = 0
        self._next_server_id = SERVER_IDS
        self._client: socket.socket | None = None
        self._lock = threading.Condition()
        self._stop = False
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(path))
        self._listener.listen(4)
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FakeCompositor:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop = True
        self._thread.join(5)
        self._listener.close()
        assert not self.problem, self.problem

    # -- what a test does -----------------------------------------------------------------

    def wait_for(self, what: Callable[[], object], timeout_s: float = 5.0) -> None:
        with self._lock:
            if not self._lock.wait_for(lambda: bool(what()), timeout_s):
                raise AssertionError(f"the fake compositor saw no such thing: {self.requests}")

    def made(self, interface: str) -> list[int]:
        """The ids of the objects of `interface` the client made, in order."""
        with self._lock:
            return [i for i, name in self.objects.items() if name == interface]

    def event(self, object_id: int, opcode: int, *args: bytes) -> None:
        with self._lock:
            assert self._client is not None, "no client is connected"
            self._send(self._client, object_id, opcode, *args)

    def error(self, object_id: int, code: int, message: str) -> None:
        self.event(1, 0, uint(object_id), uint(code), string(message))

    @property
    def connected(self) -> bool:
        with self._lock:
            return self._client is not None

    def send_raw(self, data: bytes) -> None:
        """Bytes no compositor should send, to see the client cope."""
        with self._lock:
            assert self._client is not None, "no client is connected"
            self._client.sendall(data)

    def hang_up(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    # -- inside ---------------------------------------------------------------------------

    def _serve(self) -> None:
        buffer = b""
        while not self._stop:
            sockets = [self._listener] + ([self._client] if self._client else [])
            readable = select.select(sockets, [], [], 0.05)[0]
            if self._listener in readable:
                client, _ = self._listener.accept()
                with self._lock:
                    self._client, buffer = client, b""
                    self.objects = {1: "wl_display"}
                    self.connections += 1
                    self._lock.notify_all()
                continue
            client = self._client
            if client is None or client not in readable:
                continue
            try:
                chunk = client.recv(65536)
            except OSError:
                chunk = b""
            with self._lock:
                if not chunk:
                    if self._client is client:
                        self._client = None
                    self._lock.notify_all()
                    continue
                buffer += chunk
                while len(buffer) >= 8:
                    object_id, word = _HEADER.unpack_from(buffer)
                    size = word >> 16
                    if len(buffer) < size:
                        break
                    try:
                        self._handle(client, object_id, word & 0xFFFF, buffer[8:size])
                    except (AssertionError, KeyError, struct.error) as error:
                        self.problem = self.problem or repr(error)
                    except OSError:  # the client left before our answer: as a compositor
                        if self._client is client:
                            self._client = None
                        break
                    buffer = buffer[size:]
                self._lock.notify_all()

    def _handle(self, client: socket.socket, object_id: int, opcode: int, body: bytes) -> None:
        interface = self.objects[object_id]
        kinds = REQUESTS.get((interface, opcode))
        if kinds is None:
            raise AssertionError(f"unexpected request {interface}#{opcode}")
        args: list[object] = []
        at = 0
        for kind in kinds:
            if kind == "s":
                (size,) = struct.unpack_from("=I", body, at)
                args.append(body[at + 4:at + 4 + size - 1].decode())
                at += 4 + size + (-size % 4)
                continue
            if kind == "N":
                (size,) = struct.unpack_from("=I", body, at)
                name = body[at + 4:at + 4 + size - 1].decode()
                at += 4 + size + (-size % 4)
                version, new = struct.unpack_from("=II", body, at)
                at += 8
                args += [name, version, new]
                self.objects[new] = name
                continue
            (word,) = struct.unpack_from("=I", body, at)
            at += 4
            args.append(word)
            if kind.startswith("n:"):
                self.objects[word] = kind[2:]
        self.requests.append(Request(object_id, interface, opcode, tuple(args)))
        if (interface, opcode) == ("wl_display", 0) and self.answer_sync:
            self._send(client, int(args[0]), 0, uint(1))  # wl_callback.done
            self._send(client, 1, 1, uint(int(args[0])))  # wl_display.delete_id
        elif (interface, opcode) == ("wl_display", 1):
            for name, (offered, version) in enumerate(self.offers, start=1):
                self._send(client, int(args[0]), 0, uint(name), string(offered), uint(version))
        elif interface == "wl_registry" and args[1] == "zwlr_foreign_toplevel_manager_v1":
            self._list_windows(client, int(args[3]))
        elif interface == "wl_registry" and args[1] == "org_kde_plasma_window_management":
            self._list_plasma_windows(client, int(args[3]), int(args[2]))
        elif (interface, opcode) == ("org_kde_plasma_window_management", 2):
            self._send_plasma_window(client, int(args[0]), str(args[1]))

    def _list_windows(self, client: socket.socket, manager: int) -> None:
        for window in self.windows:
            handle = self._next_server_id
            self._next_server_id += 1
            self.objects[handle] = "zwlr_foreign_toplevel_handle_v1"
            self._send(client, manager, 0, uint(handle))
            self._send(client, handle, 0, string(window.title))
            self._send(client, handle, 1, string(window.app_id))
            self._send(client, handle, 4, array(window.state))
            self._send(client, handle, 5)  # done

    def _list_plasma_windows(self, client: socket.socket, manager: int, version: int) -> None:
        # On bind, each window by its uuid (window_with_uuid, since 13) or its number (window).
        for number, window in enumerate(self.plasma_windows, start=1):
            window.uuid = window.uuid or f"{{{number:08x}-0000-0000-0000-000000000000}}"
            if version >= 13:
                self._send(client, manager, 4, uint(number), string(window.uuid))
            else:
                self._send(client, manager, 1, uint(number))
        if self.plasma_windows and version < 17:
            self._send(client, manager, 3, string(";".join(w.uuid for w in self.plasma_windows)))

    def _send_plasma_window(self, client: socket.socket, window_id: int, uuid: str) -> None:
        window = next((w for w in self.plasma_windows if w.uuid == uuid), None)
        if window is None or window.closed:  # as KWin: a window made only to say it is gone
            self._send(client, window_id, 5)  # unmapped
        else:
            self._send(client, window_id, 0, string(window.title))  # title_changed
            self._send(client, window_id, 1, string(window.app_id))  # app_id_changed
            self._send(client, window_id, 10, uint(4242))  # pid_changed
            self._send(client, window_id, 2, uint(window.flags))  # state_changed
        self._send(client, window_id, 6)  # initial_state

    @staticmethod
    def _send(client: socket.socket, object_id: int, opcode: int, *args: bytes) -> None:
        body = b"".join(args)
        client.sendall(_HEADER.pack(object_id, (8 + len(body)) << 16 | opcode) + body)


# -- what the tests of the Wayland sources share -------------------------------------------

SEAT = ("wl_seat", 7)
EXT_IDLE_V2 = ("ext_idle_notifier_v1", 2)
EXT_IDLE_V1 = ("ext_idle_notifier_v1", 1)
KDE_IDLE = ("org_kde_kwin_idle", 1)
WINDOW_LIST = ("zwlr_foreign_toplevel_manager_v1", 3)
PLASMA_LIST = ("org_kde_plasma_window_management", 16)  # KWin 5.27's version
PLASMA_SHELL = ("org_kde_plasma_shell", 8)
OWN_APP_ID = "org.stressbreak.StressBreak"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def compositor(folder: Path, *offers: tuple[str, int]) -> FakeCompositor:
    return FakeCompositor(folder / "wayland-9", list(offers))


def environ(folder: Path) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(folder),
            "XDG_SESSION_TYPE": "wayland"}


def no_dbus(*_args: str) -> object:
    return None


def detect(folder: Path, clock: Clock | None = None) -> object:
    return detect_idle_source(platform="linux", environ=environ(folder), dbus_call=no_dbus,
                              clock=clock or Clock())


def notifications(server: FakeCompositor) -> list[tuple[int, int, int]]:
    """(opcode, new id, timeout in ms) of each request that made an idle notification."""
    made = []
    for request in server.requests:
        if request.interface == "ext_idle_notifier_v1" and request.opcode in (1, 2):
            new, timeout, _seat = request.args
            made.append((request.opcode, int(new), int(timeout)))  # type: ignore[call-overload]
        elif request.interface == "org_kde_kwin_idle":
            new, _seat, timeout = request.args
            made.append((request.opcode, int(new), int(timeout)))  # type: ignore[call-overload]
    return made
