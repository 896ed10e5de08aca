"""The command channel of the running StressBreak: a later launch hands its command over
(`send_command`) and the running one answers (`CommandServer`). The lock that decides who is
the running one is in `lock.py`."""

from __future__ import annotations

import contextlib
import json
import logging

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from stressbreak.services.commands import MAX_MESSAGE_BYTES, Handler, Reply, Request, parse_request

log = logging.getLogger(__name__)

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
            request = parse_request(raw)
        except ValueError as exc:
            reply = Reply(False, str(exc))
        else:
            reply = self._handler(request)
        self._answer(socket, reply)

    @staticmethod
    def _answer(socket: QLocalSocket, reply: Reply) -> None:
        socket.write(reply.encode())
        socket.flush()
        socket.disconnectFromServer()


def send_command(name: str, request: Request, timeout_ms: int = 3000) -> Reply | None:
    """Send `request` to the running instance; None when nobody is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(request.encode())
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
        facts = answer.get("data")
        return Reply(bool(answer["ok"]), str(answer["message"]),
                     facts if isinstance(facts, dict) else None)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AttributeError):
        return Reply(False, "the running StressBreak gave no readable answer")
