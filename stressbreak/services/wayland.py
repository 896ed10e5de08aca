"""A small Wayland client over the wire protocol, for the few compositor objects StressBreak
reads: idle notifications (services/idle.py) and the window list (services/presence.py).

Why our own and not a library (figures in docs/PERFORMANCE.md, "Wayland"): pywayland (PyPI,
cffi over libwayland-client) adds 6.8 MB to the process and 38 ms to the first import, and
ships neither `org_kde_kwin_idle` nor wlroots' foreign-toplevel protocol; PySide6 has no
Qt Wayland client extensions, only raw `wl_display*` pointers. The wire format is small and
stable (https://wayland.freedesktop.org/docs/html/ch04.html): a message is the object id, then
a word with the size in its high 16 bits and the opcode in its low 16, then 32-bit arguments;
strings and arrays carry their length and are padded to 4 bytes. None of the objects used here
passes file descriptors, so plain `recv` is enough. Our own connection to the compositor is
separate from Qt's: what we ask never disturbs the windows.

Nothing here runs by itself: `Connection.open` connects, `roundtrip` blocks for at most the
timeout given, `dispatch` reads what is waiting without blocking. Callers decide when.
"""

from __future__ import annotations

import errno
import logging
import os
import select
import socket
import struct
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DISPLAY_ID = 1  # wl_display is object 1 on every connection
_HEADER = struct.Struct("=II")
_WORD = struct.Struct("=I")
_MAX_MESSAGE = 4096  # libwayland's own limit for one message
ROUNDTRIP_TIMEOUT_S = 0.5

# wl_display: requests sync (0), get_registry (1); events error (0), delete_id (1).
# wl_registry: request bind (0); events global (0), global_remove (1). wl_callback: done (0).
_SYNC, _GET_REGISTRY, _BIND = 0, 1, 0
_ERROR, _DELETE_ID, _GLOBAL, _GLOBAL_REMOVE = 0, 1, 0, 1

Handler = Callable[[int, "Reader"], None]
"""(opcode, arguments) of an event sent to one object."""


class WaylandError(Exception):
    """The compositor cannot be reached, did not answer in time, or ended the connection."""


@dataclass(frozen=True)
class Global:
    name: int
    interface: str
    version: int


def socket_path(environ: Mapping[str, str]) -> Path | None:
    """Where the compositor listens, as libwayland finds it: WAYLAND_DISPLAY, absolute or
    in XDG_RUNTIME_DIR. None outside a Wayland session."""
    display = environ.get("WAYLAND_DISPLAY", "")
    if not display:
        return None
    if Path(display).is_absolute():
        return Path(display)
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return Path(runtime, display) if runtime else None


# -- arguments ----------------------------------------------------------------------------------

def uint(value: int) -> bytes:
    return _WORD.pack(value)


def string(text: str) -> bytes:
    data = text.encode() + b"\0"
    return _WORD.pack(len(data)) + data + b"\0" * (-len(data) % 4)


class Reader:
    """The arguments of one event, read in order."""

    def __init__(self, payload: bytes) -> None:
        self._payload = payload
        self._at = 0

    def uint(self) -> int:
        (value,) = _WORD.unpack_from(self._payload, self._at)
        self._at += 4
        return int(value)

    def array(self) -> bytes:
        size = self.uint()
        data = self._payload[self._at:self._at + size]
        if len(data) != size:
            raise WaylandError("an event's array is cut short")
        self._at += size + (-size % 4)
        return data

    def string(self) -> str:
        data = self.array()  # a string is an array that ends in NUL (length 0: a null string)
        return data[:-1].decode(errors="replace") if data else ""

    def words(self) -> list[int]:
        data = self.array()
        return [word for (word,) in _WORD.iter_unpack(data[:len(data) - len(data) % 4])]


# -- the connection -----------------------------------------------------------------------------

class Connection:
    """One client connection: object ids, requests, events for the objects we made."""

    def __init__(self, sock: socket.socket, timeout_s: float = ROUNDTRIP_TIMEOUT_S) -> None:
        self._sock = sock  # non-blocking: `roundtrip` waits with select, up to timeout_s
        self._timeout_s = timeout_s
        self._next_id = DISPLAY_ID + 1
        self._handlers: dict[int, Handler] = {DISPLAY_ID: self._on_display}
        self._received = bytearray()
        self._registry = 0
        self.globals: dict[int, Global] = {}
        self.error = ""  # why the connection ended, once it has

    @classmethod
    def open(cls, path: Path, timeout_s: float = ROUNDTRIP_TIMEOUT_S) -> Connection:
        """Connect and read the compositor's globals (one round trip)."""
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | socket.SOCK_CLOEXEC)
        sock.settimeout(timeout_s)
        try:
            sock.connect(os.fspath(path))
        except OSError as error:
            sock.close()
            raise WaylandError(f"cannot connect to {path}: {error.strerror or error}") from None
        sock.setblocking(False)
        connection = cls(sock, timeout_s)
        try:
            connection.read_globals()
        except WaylandError:
            connection.close()
            raise
        return connection

    @property
    def alive(self) -> bool:
        return not self.error

    def fileno(self) -> int:
        return self._sock.fileno()

    def close(self) -> None:
        if not self.error:
            self.error = "closed"
        self._sock.close()

    def new_object(self, handler: Handler | None = None) -> int:
        object_id = self._next_id
        self._next_id += 1
        self._handlers[object_id] = handler or _ignore
        return object_id

    def adopt(self, object_id: int, handler: Handler) -> None:
        """Events for an object the compositor made (its id came in an event)."""
        self._handlers[object_id] = handler

    def send(self, object_id: int, opcode: int, *arguments: bytes) -> None:
        body = b"".join(arguments)
        message = _HEADER.pack(object_id, (_HEADER.size + len(body)) << 16 | opcode) + body
        if self.error:
            raise WaylandError(self.error)
        try:
            self._sock.sendall(message)
        except OSError as error:
            self._end(f"a request could not be sent to the compositor ({error.strerror or error})")
            raise WaylandError(self.error) from None

    def read_globals(self) -> None:
        self._registry = self.new_object(self._on_registry)
        self.send(DISPLAY_ID, _GET_REGISTRY, uint(self._registry))
        self.roundtrip()

    def find(self, interface: str) -> Global | None:
        return next((g for g in self.globals.values() if g.interface == interface), None)

    def bind(self, found: Global, version: int, handler: Handler | None = None) -> int:
        """Make an object of a global, at most at the version the compositor offers."""
        object_id = self.new_object(handler)
        self.send(self._registry, _BIND, uint(found.name), string(found.interface),
                  uint(min(version, found.version)), uint(object_id))
        return object_id

    def roundtrip(self) -> None:
        """Wait until the compositor has handled every request sent so far (and we its
        answers), for at most the connection's timeout."""
        done: list[bool] = []
        callback = self.new_object(lambda _opcode, _args: done.append(True))
        self.send(DISPLAY_ID, _SYNC, uint(callback))
        deadline = time.monotonic() + self._timeout_s
        while not done and not self.error:
            left = deadline - time.monotonic()
            readable = left > 0 and select.select([self._sock], [], [], left)[0]
            if not readable:
                self._end("the compositor did not answer in time")
                break
            self._receive()
        if self.error:
            raise WaylandError(self.error)

    def dispatch(self) -> None:
        """Handle the events that are waiting, without blocking."""
        if not self.error:
            self._receive()

    # -- inside ------------------------------------------------------------------------------

    def _receive(self) -> None:
        """Read and handle everything that is waiting (the socket does not block)."""
        while not self.error:
            try:
                chunk = self._sock.recv(_MAX_MESSAGE * 4)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                if error.errno == errno.EAGAIN:
                    return
                self._end(f"the connection to the compositor broke ({error.strerror})")
                return
            if not chunk:
                self._end("the compositor closed the connection")
                return
            self._received += chunk
            self._handle_complete()

    def _handle_complete(self) -> None:
        while len(self._received) >= _HEADER.size:
            object_id, word = _HEADER.unpack_from(self._received)
            size, opcode = word >> 16, word & 0xFFFF
            if size < _HEADER.size:
                self._end(f"the compositor sent a message of {size} bytes")
                return
            if len(self._received) < size:
                return
            payload = bytes(self._received[_HEADER.size:size])
            del self._received[:size]
            handler = self._handlers.get(object_id, _ignore)
            try:
                handler(opcode, Reader(payload))
            except (struct.error, WaylandError) as error:
                self._end(f"an event could not be read ({error})")
                return

    def _end(self, why: str) -> None:
        if not self.error:
            self.error = why
            log.info("wayland: %s", why)

    def _on_display(self, opcode: int, args: Reader) -> None:
        if opcode == _ERROR:
            object_id, code, message = args.uint(), args.uint(), args.string()
            self._end(f"the compositor refused a request (object {object_id}, error {code}: "
                      f"{message})")
        elif opcode == _DELETE_ID:
            self._handlers.pop(args.uint(), None)

    def _on_registry(self, opcode: int, args: Reader) -> None:
        if opcode == _GLOBAL:
            name = args.uint()
            self.globals[name] = Global(name, args.string(), args.uint())
        elif opcode == _GLOBAL_REMOVE:
            self.globals.pop(args.uint(), None)


def _ignore(_opcode: int, _args: Reader) -> None:
    pass
