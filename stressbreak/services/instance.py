"""The command channel of the running StressBreak: a later launch hands its command over
(`send_command`) and the running one answers (`CommandServer`). The lock that decides who is
the running one is in `lock.py`.

One JSON line per connection, each way. On Linux and macOS the channel is a Unix socket read
with Python's `socket` module and woken by a `QSocketNotifier`; on Windows it is Qt's
`QLocalServer` (a named pipe). QtNetwork costs about 2.6 MB of resident memory for the whole
day (libQt6Network, its binding, Kerberos and resolver libraries), for a socket that Python
already has; only Windows, whose Python has no Unix sockets, pays for it.

Who may talk to whom (Unix): the socket lives only in a folder that belongs to the user and is
closed to everyone else (mode 0700): the session's runtime folder when it is such a folder,
else one of StressBreak's own in the temporary folder. A folder that is not (a predictable
name in /tmp that another user made first, a runtime folder open to all) is never used, so
another user can neither listen where the command line looks nor put a socket of their own
over the app's. And both ends ask the kernel who is at the other end (`peer_uid`): the app
answers only its own user, the command line sends only to a server of its own user.

What a caller may cost the app (Unix): at most `_MAX_CLIENTS` connections are open at once (a
new one closes the oldest), each has `_IDLE_TIMEOUT_MS` to send its line, and when `accept`
itself fails (out of file handles) the app stops watching the socket and tries again after a
growing pause instead of spinning. So idle callers cannot take the file handles the journal
and the windows need, and the log gets at most a line a minute about them. Nothing of this
runs while nobody connects: no timer, no wake-up.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import socket
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from stressbreak.core.commands import MAX_MESSAGE_BYTES, Handler, Reply, Request, parse_request
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.lock import is_private_folder, make_private_folder, runtime_folder

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

_USE_QT_CHANNEL = sys.platform == "win32"
_CONTEXT = "instance"
# A client that neither reads its answer nor goes away must not hold the tray for long.
_SEND_TIMEOUT_S = 1.0
# The command line sends its one line right after connecting; a caller that has not sent a
# whole line in this time is not the command line, and its file handle is worth more.
_IDLE_TIMEOUT_MS = 2000
# Far more than people and scripts ever have open at once, far fewer than the ~1,000 file
# handles a process usually may hold: the journal and the windows always have enough left.
_MAX_CLIENTS = 32
# When accept() fails (no file handle left), look again after this long, doubling up to
# the most: a failing accept leaves the caller waiting, and trying at once would spin.
_RETRY_FIRST_MS = 500
_RETRY_MOST_MS = 5000
_REPORT_EVERY_S = 60.0  # trouble on the channel goes to the log at most this often


class UntrustedChannelError(Exception):
    """The channel's folder or the server at its end belongs to another user, so nothing was
    sent; args[0] is the Message to show."""


class NoAnswerError(Exception):
    """The running app took the command but gave no whole answer in the time allowed: it may
    still be doing it, or it hangs. Not the same as nobody listening (then nothing was done)."""


def socket_path(name: str) -> Path:
    """Where the Unix socket called `name` lives: the user's private runtime folder
    (services.lock.runtime_folder; see the module's docstring)."""
    return runtime_folder() / name


def _not_private(folder: Path) -> Message:
    return Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "instance", "StressBreak cannot take commands from the command line: {folder} "
        "belongs to another user or is open to others. StressBreak keeps running without "
        "them; to have them again, set XDG_RUNTIME_DIR to a private folder of yours or have "
        "that folder removed, and start StressBreak again."), folder=str(folder))


def peer_uid(connection: socket.socket) -> int | None:
    """The user id of the process at the other end of a connected Unix socket, as the kernel
    recorded it when the connection was made; None where this platform cannot say (then only
    the folder's privacy guards the channel). OSError when the kernel refuses to say."""
    if sys.platform.startswith("linux"):
        # struct ucred: pid, uid, gid.
        size = struct.calcsize("=iII")
        _pid, uid, _gid = struct.unpack(
            "=iII", connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, size))
        return int(uid)
    if sys.platform == "darwin" or sys.platform.startswith("freebsd"):
        # LOCAL_PEERCRED (option 1 at level SOL_LOCAL, 0; Python's socket module names
        # neither) gives a struct xucred: its version, then the uid, then the groups.
        raw = connection.getsockopt(0, 1, 256)
        version, uid = struct.unpack_from("=II", raw)
        if version != 0:  # XUCRED_VERSION: any other layout is not the one read here
            raise OSError(errno.EPROTO, "unknown peer credentials")
        return int(uid)
    return None


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


class _Trouble:
    """One kind of trouble on the channel. The user is told the first time (`tell`: tray,
    log and `status`); after that it goes to the log at most once a minute, with how often it
    came meanwhile, so that a flood of callers can fill neither the log nor the tray."""

    def __init__(self, tell: Callable[[str], None] | None, level: int,
                 monotonic: Callable[[], float]) -> None:
        self._tell = tell  # None: only the log
        self._level = level
        self._monotonic = monotonic
        self._last_s: float | None = None
        self._since = 0  # not written down since the last line

    def report(self, message: str) -> None:
        now = self._monotonic()
        if self._last_s is not None and now - self._last_s < _REPORT_EVERY_S:
            self._since += 1
            return
        if self._last_s is None and self._tell is not None:
            self._tell(message)
        elif self._since:
            log.log(self._level, "%s (and %d more times since the last line about it)",
                    message, self._since)
        else:
            log.log(self._level, "%s", message)
        self._last_s = now
        self._since = 0


class CommandServer(QObject):
    """Answers one JSON line per connection: {"command": ...} → {"ok": ..., "message": ...}.

    `on_problem` hears, in English Messages, what the user should know: that the channel
    cannot be opened, that another user's program knocked, that file handles ran out.
    """

    def __init__(self, name: str, handler: Handler, on_problem: Callable[[str], None],
                 parent: QObject | None = None, *, idle_timeout_ms: int = _IDLE_TIMEOUT_MS,
                 max_clients: int = _MAX_CLIENTS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._on_problem = on_problem
        self._idle_timeout_ms = idle_timeout_ms
        self._max_clients = max_clients
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        # Oldest first (a dict keeps the order of insertion): the one to close when full.
        self._clients: dict[_Client, None] = {}
        self._qt_server: QLocalServer | None = None
        self._path: Path | None = None
        self._socket_inode = -1
        self._retry_ms = 0  # 0: accept() works; else the pause before the next try
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._watch_again)
        self._out_of_handles = _Trouble(on_problem, logging.WARNING, monotonic)
        self._strangers = _Trouble(on_problem, logging.WARNING, monotonic)
        self._idle = _Trouble(None, logging.INFO, monotonic)
        self._crowd = _Trouble(None, logging.INFO, monotonic)
        self._unknown = _Trouble(None, logging.WARNING, monotonic)

    def start(self) -> None:
        if _USE_QT_CHANNEL:
            self._start_qt()
            return
        path = socket_path(self._name)
        try:
            if not make_private_folder(path.parent):
                raise UntrustedChannelError(_not_private(path.parent))
            self._listener = _listen(path)
            self._socket_inode = path.stat().st_ino
        except UntrustedChannelError as exc:
            self._on_problem(exc.args[0])
            return
        except OSError as exc:
            self._on_problem(Message(_CONTEXT, QT_TRANSLATE_NOOP(
                "instance", "StressBreak cannot take commands from the command line: it "
                "cannot listen on {path} ({reason}). StressBreak keeps running."),
                path=str(path), reason=exc.strerror or str(exc)))
            return
        self._path = path
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._on_incoming)

    def stop(self) -> None:
        if self._qt_server is not None:
            self._qt_server.close()
        self._retry.stop()
        for client in list(self._clients):
            client.close()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            with contextlib.suppress(OSError):
                # Only our own socket: a later instance may already have put its own there.
                if self._path is not None and self._path.stat().st_ino == self._socket_inode:
                    self._path.unlink()
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
            except ConnectionAbortedError:
                continue  # the caller left before it was taken: the next one
            except OSError as exc:
                # Out of file handles (EMFILE, ENFILE) or kernel memory: the caller stays
                # queued, and the socket stays readable, so watching it now would wake this
                # loop again at once, for ever. Look again after a pause instead.
                self._back_off(exc)
                return
            self._retry_ms = 0
            if not self._is_own_user(connection):
                connection.close()
                continue
            if len(self._clients) >= self._max_clients:
                self._crowd.report(f"more than {self._max_clients} connections to the "
                                   "command socket at once: the oldest was closed")
                next(iter(self._clients)).close()
            client = _Client(connection, self._handler, self._forget, self,
                             idle_timeout_ms=self._idle_timeout_ms, on_idle=self._on_idle)
            self._clients[client] = None
            client.read()

    def _is_own_user(self, connection: socket.socket) -> bool:
        try:
            uid = peer_uid(connection)
        except OSError as exc:
            self._unknown.report(f"a caller on the command socket was refused: the kernel "
                                 f"would not say its user ({exc})")
            return False
        if uid is None or uid == os.geteuid():
            return True
        self._strangers.report(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "instance", "A program of another user (user id {uid}) tried to give StressBreak "
            "a command. It was refused."), uid=uid))
        return False

    def _back_off(self, error: OSError) -> None:
        assert self._notifier is not None
        self._notifier.setEnabled(False)
        self._retry_ms = min(self._retry_ms * 2, _RETRY_MOST_MS) or _RETRY_FIRST_MS
        self._retry.start(self._retry_ms)
        self._out_of_handles.report(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "instance", "StressBreak could not take a command ({reason}). It keeps running "
            "and takes commands again as soon as it can."),
            reason=error.strerror or str(error)))

    def _watch_again(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(True)  # a caller still queued wakes _on_incoming now

    def _forget(self, client: _Client) -> None:
        self._clients.pop(client, None)

    def _on_idle(self) -> None:
        self._idle.report("a connection to the command socket sent no command in "
                          f"{self._idle_timeout_ms} ms and was closed")

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
    """One caller on the Unix socket: gathers its line, then is answered once and closed;
    closed unanswered when it has sent no whole line in `idle_timeout_ms`."""

    def __init__(self, connection: socket.socket, handler: Handler,
                 on_closed: Callable[[_Client], None], parent: QObject, *,
                 idle_timeout_ms: int, on_idle: Callable[[], None]) -> None:
        connection.setblocking(False)
        self._connection = connection
        self._handler = handler
        self._on_closed = on_closed
        self._on_idle = on_idle
        self._buffer = b""
        self._closed = False
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read,
                                         parent)
        self._notifier.activated.connect(self.read)
        self._deadline = QTimer(parent)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._expire)
        self._deadline.start(idle_timeout_ms)

    def read(self) -> None:
        while not self._closed:
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

    def _expire(self) -> None:
        if not self._closed:
            self._on_idle()
            self.close()

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
        if self._closed:  # the handler may have stopped the server, which closes us too
            return
        self._closed = True
        self._deadline.stop()
        self._deadline.deleteLater()
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
    """Send `request` to the running instance and wait up to `timeout_ms` for its answer;
    None when nobody is listening; NoAnswerError when it took the request but did not answer
    in that time.

    When the channel belongs to another user (`UntrustedChannelError`) nothing is sent, and the
    reply is that refusal: not ok, its message a Message said here, not by the app.
    """
    try:
        answer = send_line(name, request.encode(), timeout_ms)
    except UntrustedChannelError as exc:
        return Reply(False, exc.args[0])
    return None if answer is None else _read_answer(answer)


def send_line(name: str, line: bytes, timeout_ms: int = 3000) -> bytes | None:
    """Hand one line to the running instance called `name` and return what it answered, as
    it came (without a line's end when it closed early); None when nobody is listening;
    NoAnswerError when its answer did not come within `timeout_ms`.

    The channel itself, the one `send_command` uses: what it sends needs not be a request,
    so a test can hand the running app a malformed message the way the command line would.
    UntrustedChannelError, with nothing sent, when the socket's folder or the server belongs to
    another user: a command can say what the user does (`quit`), and `status` tells what
    they do, so neither goes to someone else.
    """
    if _USE_QT_CHANNEL:
        return _send_with_qt(name, line, timeout_ms)
    path = socket_path(name)
    if not is_private_folder(path.parent):
        if not os.path.lexists(path.parent):
            return None  # no app has made it: nobody listens
        raise UntrustedChannelError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
            "instance", "stressbreak: {folder} belongs to another user or is open to others, "
            "so no command was sent."), folder=str(path.parent)))
    timeout_s = timeout_ms / 1000
    try:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    with connection:
        connection.settimeout(timeout_s)
        try:
            connection.connect(str(path))
        except OSError:
            return None
        try:
            uid: int | str | None = peer_uid(connection)
        except OSError:
            uid = "?"  # the kernel would not say who listens: not to be trusted either
        if uid is not None and uid != os.geteuid():
            raise UntrustedChannelError(Message(_CONTEXT, QT_TRANSLATE_NOOP(
                "instance", "stressbreak: the socket {path} belongs to another user (user id "
                "{uid}), so no command was sent."), path=str(path), uid=uid))
        data = b""
        try:
            connection.sendall(line)
            while b"\n" not in data:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                data += chunk
        except TimeoutError as exc:
            raise NoAnswerError(timeout_ms) from exc
        except OSError:
            pass  # a reset: whatever arrived is the answer
    return data


def _send_with_qt(name: str, line: bytes, timeout_ms: int) -> bytes | None:
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415  (Windows only)

    peer = QLocalSocket()
    peer.connectToServer(name)
    if not peer.waitForConnected(timeout_ms):
        return None
    data = b""
    try:
        peer.write(line)
        peer.waitForBytesWritten(timeout_ms)
        while b"\n" not in data:
            if not peer.waitForReadyRead(timeout_ms) and peer.bytesAvailable() == 0:
                if peer.error() == QLocalSocket.LocalSocketError.SocketTimeoutError:
                    raise NoAnswerError(timeout_ms)
                break  # the app closed the pipe: whatever arrived is the answer
            data += bytes(peer.readAll().data())
    finally:
        with contextlib.suppress(RuntimeError):
            peer.disconnectFromServer()
    return data
