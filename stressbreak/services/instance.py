"""The command channel of the running StressBreak: a later launch hands its command over
(`send_command`) and the running one answers (`CommandServer`). The lock that decides who is
the running one is in `lock.py`.

One JSON line per connection, each way. On Linux and macOS the channel is a Unix socket read
with Python's `socket` module and woken by a `QSocketNotifier`; on Windows it is Qt's
`QLocalServer` (a named pipe). QtNetwork costs about 2.6 MB of resident memory for the whole
day (libQt6Network, its binding, Kerberos and resolver libraries), for a socket that Python
already has; only Windows, whose Python has no Unix sockets, pays for it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

from stressbreak.core.commands import MAX_MESSAGE_BYTES, Handler, Reply, Request, parse_request

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_USE_QT_CHANNEL = sys.platform == "win32"
# A client that neither reads its answer nor goes away must not hold the tray for long.
_SEND_TIMEOUT_S = 1.0


def socket_path(name: str) -> Path:
    """Where the Unix socket called `name` lives: the user's private runtime folder when
    the session has one, else the temporary folder (where Qt's QLocalServer puts it)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / name
    return Path(os.environ.get("TMPDIR") or "/tmp") / name


def _answer_line(raw: bytes, handler: Handler) -> Reply:
    try:
        request = parse_request(raw.strip())
    except ValueError as exc:
        return Reply(False, str(exc))
    return handler(request)


def _read_answer(data: bytes) -> Reply:
    try:
        answer = json.loads(data.decode("utf-8"))
        facts = answer.get("data")
        return Reply(bool(answer["ok"]), str(answer["message"]),
                     facts if isinstance(facts, dict) else None)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError):
        return Reply(False, "the running StressBreak gave no readable answer")


class CommandServer(QObject):
    """Answers one JSON line per connection: {"command": ...} → {"ok": ..., "message": ...}."""

    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._clients: set[_Client] = set()
        self._qt_server: QLocalServer | None = None
        self._socket_inode = -1

    def start(self) -> None:
        if _USE_QT_CHANNEL:
            self._start_qt()
            return
        path = socket_path(self._name)
        try:
            self._listener = _listen(path)
            self._socket_inode = path.stat().st_ino
        except OSError as exc:
            log.warning("cannot listen for commands on %s: %s", path, exc)
            return
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._on_incoming)

    def stop(self) -> None:
        if self._qt_server is not None:
            self._qt_server.close()
        for client in list(self._clients):
            client.close()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            path = socket_path(self._name)
            with contextlib.suppress(OSError):
                # Only our own socket: a later instance may already have put its own there.
                if path.stat().st_ino == self._socket_inode:
                    path.unlink()
            self._listener.close()
            self._listener = None

    # -- Unix socket ------------------------------------------------------------------------

    def _on_incoming(self) -> None:
        assert self._listener is not None
        while True:
            try:
                connection, _ = self._listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. out of file handles: this caller is not answered
                log.warning("cannot accept a command: %s", exc)
                return
            client = _Client(connection, self._handler, self._clients.discard, self)
            self._clients.add(client)
            client.read()

    # -- Qt's local server (Windows) --------------------------------------------------------

    def _start_qt(self) -> None:
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415  (Windows only)

        self._qt_server = QLocalServer(self)
        self._qt_server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._qt_server.newConnection.connect(self._on_qt_connection)
        # Only the lock holder gets here, so an existing pipe is a leftover of a crash.
        QLocalServer.removeServer(self._name)
        if not self._qt_server.listen(self._name):
            log.warning("cannot listen for commands on %s: %s", self._name,
                        self._qt_server.errorString())

    def _on_qt_connection(self) -> None:
        assert self._qt_server is not None
        while (peer := self._qt_server.nextPendingConnection()) is not None:
            peer.readyRead.connect(lambda s=peer: self._on_qt_ready_read(s))
            peer.disconnected.connect(peer.deleteLater)
            if peer.canReadLine():
                self._on_qt_ready_read(peer)

    def _on_qt_ready_read(self, peer: QLocalSocket) -> None:
        if not peer.canReadLine():
            if peer.bytesAvailable() > MAX_MESSAGE_BYTES:
                reply = Reply(False, "message too long")
            else:
                return
        else:
            reply = _answer_line(bytes(peer.readLine(MAX_MESSAGE_BYTES).data()), self._handler)
        peer.write(reply.encode())
        peer.flush()
        peer.disconnectFromServer()


class _Client:
    """One caller on the Unix socket: gathers its line, then is answered once and closed."""

    def __init__(self, connection: socket.socket, handler: Handler,
                 on_closed: Callable[[_Client], None], parent: QObject) -> None:
        connection.setblocking(False)
        self._connection = connection
        self._handler = handler
        self._on_closed = on_closed
        self._buffer = b""
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read,
                                         parent)
        self._notifier.activated.connect(self.read)

    def read(self) -> None:
        while True:
            try:
                chunk = self._connection.recv(4096)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                self.close()
                return
            if not chunk:  # the caller went away without a whole line: nothing to do
                self.close()
                return
            self._buffer += chunk
            line, newline, _ = self._buffer.partition(b"\n")
            if newline and len(line) <= MAX_MESSAGE_BYTES:
                self._send_and_close(_answer_line(line, self._handler))
                return
            if len(self._buffer) > MAX_MESSAGE_BYTES:
                self._send_and_close(Reply(False, "message too long"))
                return

    def _send_and_close(self, reply: Reply) -> None:
        self._notifier.setEnabled(False)
        try:
            self._connection.settimeout(_SEND_TIMEOUT_S)
            self._connection.sendall(reply.encode())
            self._connection.shutdown(socket.SHUT_RDWR)
        except OSError as exc:  # the caller left early or never reads: its loss, not ours
            log.debug("a command's answer was not delivered: %s", exc)
        self.close()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._notifier.deleteLater()
        self._connection.close()
        self._on_closed(self)


def _listen(path: Path) -> socket.socket:
    """A listening socket at `path` that only this user can reach.

    Bound inside a fresh private folder and then moved into place, so that the socket is
    never reachable by others, not even for the moment between bind() and chmod().
    """
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # only the lock holder gets here: a socket left by a crash
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        private = Path(tempfile.mkdtemp(prefix=".stressbreak-", dir=path.parent))
        try:
            listener.bind(str(private / "s"))
            (private / "s").chmod(0o600)
            (private / "s").replace(path)
        finally:
            with contextlib.suppress(OSError):
                (private / "s").unlink()
            private.rmdir()
        listener.listen(8)
        listener.setblocking(False)
    except BaseException:
        listener.close()
        raise
    return listener


def send_command(name: str, request: Request, timeout_ms: int = 3000) -> Reply | None:
    """Send `request` to the running instance; None when nobody is listening."""
    answer = send_line(name, request.encode(), timeout_ms)
    return None if answer is None else _read_answer(answer)


def send_line(name: str, line: bytes, timeout_ms: int = 3000) -> bytes | None:
    """Hand one line to the running instance called `name` and return what it answered, as
    it came (empty when it said nothing in time); None when nobody is listening.

    The channel itself, the one `send_command` uses: what it sends needs not be a request,
    so a test can hand the running app a malformed message the way the command line would.
    """
    if _USE_QT_CHANNEL:
        return _send_with_qt(name, line, timeout_ms)
    timeout_s = timeout_ms / 1000
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    with connection:
        connection.settimeout(timeout_s)
        try:
            connection.connect(str(socket_path(name)))
        except OSError:
            return None
        data = b""
        try:
            connection.sendall(line)
            while b"\n" not in data:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass  # a timeout or a reset: whatever arrived is the answer
    return data


def _send_with_qt(name: str, line: bytes, timeout_ms: int) -> bytes | None:
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415  (Windows only)

    peer = QLocalSocket()
    peer.connectToServer(name)
    if not peer.waitForConnected(timeout_ms):
        return None
    peer.write(line)
    peer.waitForBytesWritten(timeout_ms)
    data = b""
    while b"\n" not in data:
        if not peer.waitForReadyRead(timeout_ms) and peer.bytesAvailable() == 0:
            break
        data += bytes(peer.readAll().data())
    with contextlib.suppress(RuntimeError):
        peer.disconnectFromServer()
    return data
