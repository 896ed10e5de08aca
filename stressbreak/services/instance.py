"""One StressBreak per data folder: the first process holds a lock and serves commands;
a later launch hands its command over and exits.

The lock is an OS file lock (released by the kernel when a process dies, so a crash never
leaves a stale lock); the command channel is a QLocalServer. Holding the lock is also what
makes the first process the journal's only writer.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

COMMANDS = ("show", "pause", "checkin", "overview", "status", "quit")
MAX_MESSAGE_BYTES = 4096


@dataclass(frozen=True)
class Reply:
    ok: bool
    message: str

    def encode(self) -> bytes:
        return json.dumps({"ok": self.ok, "message": self.message}).encode() + b"\n"


Handler = Callable[[str], Reply]


def server_name(data_dir: Path) -> str:
    """A short, per-user, per-data-folder name (socket paths are limited to ~100 bytes)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"stressbreak-{getpass.getuser()}-{digest}"


def parse_request(raw: bytes) -> str:
    """The command in one request line; ValueError with a readable reason otherwise."""
    try:
        message = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError("the message is not JSON") from exc
    if not isinstance(message, dict) or not isinstance(message.get("command"), str):
        raise ValueError('the message must look like {"command": "pause"}')
    command = message["command"]
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; known: {', '.join(COMMANDS)}")
    return str(command)


class InstanceLock:
    """An exclusive lock on `<data_dir>/instance.lock`, held for the life of the process."""

    def __init__(self, data_dir: Path) -> None:
        self._path = data_dir / "instance.lock"
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True when this process is now the one StressBreak for this data folder."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        handle = self._path.open("a+b")
        try:
            _lock_file(handle)
        except OSError:
            handle.close()
            return False
        self._path.chmod(0o600)
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing drops the lock
            self._file = None


def _lock_file(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl  # noqa: PLC0415

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


class CommandServer(QObject):
    """Answers one JSON line per connection: {"command": ...} → {"ok": ..., "message": ...}."""

    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def start(self) -> None:
        # Only the lock holder gets here, so an existing socket is a leftover of a crash.
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.warning("cannot listen for commands on %s: %s", self._name,
                        self._server.errorString())

    def stop(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE_BYTES:
                self._answer(socket, Reply(False, "message too long"))
            return
        raw = bytes(socket.readLine(MAX_MESSAGE_BYTES).data()).strip()
        try:
            command = parse_request(raw)
        except ValueError as exc:
            reply = Reply(False, str(exc))
        else:
            reply = self._handler(command)
        self._answer(socket, reply)

    @staticmethod
    def _answer(socket: QLocalSocket, reply: Reply) -> None:
        socket.write(reply.encode())
        socket.flush()
        socket.disconnectFromServer()


def send_command(name: str, command: str, timeout_ms: int = 3000) -> Reply | None:
    """Send `command` to the running instance; None when nobody is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(json.dumps({"command": command}).encode() + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    data = b""
    while b"\n" not in data:
        if not socket.waitForReadyRead(timeout_ms) and socket.bytesAvailable() == 0:
            break
        data += bytes(socket.readAll().data())
    with contextlib.suppress(RuntimeError):
        socket.disconnectFromServer()
    try:
        answer = json.loads(data.decode("utf-8"))
        return Reply(bool(answer["ok"]), str(answer["message"]))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        return Reply(False, "the running StressBreak gave no readable answer")
