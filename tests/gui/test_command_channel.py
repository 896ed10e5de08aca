"""The command channel on Linux: a Unix socket that only this user can reach, answered from
the Qt event loop, and cleaned up after itself (services/instance.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from stressbreak.core.commands import Reply, Request
from stressbreak.services.instance import CommandServer, peer_uid, send_command, socket_path

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")


@pytest.fixture
def name(runtime_dir: Path) -> str:
    return f"stressbreak-test-{uuid.uuid4().hex[:12]}"


def _ask_in_background(name: str, request: Request) -> tuple[threading.Thread, list[Reply | None]]:
    """send_command blocks until answered, and the server answers from this thread's loop."""
    replies: list[Reply | None] = []
    thread = threading.Thread(target=lambda: replies.append(send_command(name, request)))
    thread.start()
    return thread, replies


@pytest.fixture
def told() -> list[str]:
    """What the server told the user (the app's Notices.tell)."""
    return []


@pytest.fixture
def server(qapp, name: str, told: list[str]) -> Iterator[tuple[CommandServer, list[Request]]]:
    seen: list[Request] = []

    def handler(request: Request) -> Reply:
        seen.append(request)
        return Reply(True, f"did {request.command}", {"minutes": request.minutes})

    command_server = CommandServer(name, handler, told.append)
    command_server.start()
    yield command_server, seen
    command_server.stop()


def test_a_command_is_answered_with_its_reply_and_facts(qtbot, server, name: str) -> None:
    _, seen = server
    thread, replies = _ask_in_background(name, Request("quiet", minutes=30))
    qtbot.waitUntil(lambda: bool(replies))
    thread.join(5)
    assert replies == [Reply(True, "did quiet", {"minutes": 30})]
    assert seen == [Request("quiet", minutes=30)]


def test_the_socket_lives_in_the_private_runtime_folder_for_this_user_only(
    server, name: str, runtime_dir: Path
) -> None:
    path = socket_path(name)
    assert path.parent == runtime_dir
    mode = path.stat().st_mode
    assert stat.S_ISSOCK(mode)
    assert stat.S_IMODE(mode) == 0o600
    assert sorted(p.name for p in runtime_dir.iterdir()) == [name]  # no temporary left




def test_stopping_removes_the_socket_and_nobody_answers_any_more(qapp, name: str) -> None:
    command_server = CommandServer(name, lambda request: Reply(True, "yes"), print)
    command_server.start()
    assert socket_path(name).exists()
    command_server.stop()
    assert not socket_path(name).exists()
    assert send_command(name, Request("status"), timeout_ms=500) is None


def test_a_socket_left_by_a_crash_is_replaced(qtbot, qapp, name: str) -> None:
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(socket_path(name)))
    leftover.close()  # the file stays, as after a crash, and nobody listens
    assert send_command(name, Request("status"), timeout_ms=500) is None
    command_server = CommandServer(name, lambda request: Reply(True, "here"), print)
    command_server.start()
    try:
        thread, replies = _ask_in_background(name, Request("status"))
        qtbot.waitUntil(lambda: bool(replies))
        thread.join(5)
        assert replies == [Reply(True, "here")]
    finally:
        command_server.stop()


def test_a_stopping_server_leaves_a_newer_servers_socket_alone(qapp, name: str) -> None:
    old = CommandServer(name, lambda request: Reply(True, "old"), print)
    old.start()
    new = CommandServer(name, lambda request: Reply(True, "new"), print)
    new.start()  # took the name over (only a lock holder starts a server)
    old.stop()
    try:
        assert socket_path(name).exists()
    finally:
        new.stop()
    assert not socket_path(name).exists()


def test_a_caller_that_never_finishes_its_line_does_not_block_others(
    qtbot, server, name: str
) -> None:
    slow = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    slow.connect(str(socket_path(name)))
    slow.sendall(b'{"command": "sta')  # and then nothing
    try:
        thread, replies = _ask_in_background(name, Request("pause"))
        qtbot.waitUntil(lambda: bool(replies))
        thread.join(5)
        assert replies == [Reply(True, "did pause", {"minutes": None})]
    finally:
        slow.close()


def test_nobody_listening_is_none_not_an_error(name: str) -> None:
    assert send_command(name, Request("status"), timeout_ms=300) is None


# -- Only the user's own folder and the user's own processes (issue 14, case 4) ------------


@pytest.fixture
def shared_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder as /tmp is (everyone may write, the sticky bit), as TMPDIR. A short
    path, not in tmp_path: a socket's path may not be longer than about 100 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="sb-", dir="/tmp"))
    folder.chmod(0o1777)
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("runtime", ["unset", "world-writable", "of-the-group"])
def test_without_a_private_runtime_folder_the_socket_is_in_a_private_folder_of_its_own(
    qtbot, server, name: str, *, runtime: str, shared_tmp: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    command_server, _ = server
    command_server.stop()  # started in the fixture's runtime folder; again in this one
    if runtime == "unset":
        monkeypatch.delenv("XDG_RUNTIME_DIR")
    else:
        open_folder = tmp_path / runtime
        open_folder.mkdir()
        open_folder.chmod(0o777 if runtime == "world-writable" else 0o770)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(open_folder))
    command_server.start()
    path = socket_path(name)
    own = shared_tmp / f"stressbreak-{os.geteuid()}"
    assert path == own / name  # not where another user could listen first
    assert own.lstat().st_uid == os.geteuid()
    assert stat.S_IMODE(own.lstat().st_mode) == 0o700
    thread, replies = _ask_in_background(name, Request("status"))
    qtbot.waitUntil(lambda: bool(replies))
    thread.join(5)
    assert replies == [Reply(True, "did status", {"minutes": None})]


def test_a_link_in_place_of_the_folder_is_not_used(
    qapp, name: str, *, shared_tmp: Path, tmp_path: Path, told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What another user can do in /tmp: make the folder's name first, as a link to a folder
    # they control (here one of ours, so that the test needs no second user).
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (shared_tmp / f"stressbreak-{os.geteuid()}").symlink_to(elsewhere)
    command_server = CommandServer(name, lambda request: Reply(True, "here"), told.append)
    command_server.start()
    try:
        assert list(elsewhere.iterdir()) == []  # nothing listens through the link
        assert len(told) == 1 and f"stressbreak-{os.geteuid()}" in told[0]
        assert "StressBreak keeps running" in told[0]
        refused = send_command(name, Request("quit"), timeout_ms=500)
        assert refused is not None and refused.ok is False
        assert "no command was sent" in refused.message
    finally:
        command_server.stop()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a folder for another user")
def test_a_folder_another_user_made_first_is_not_used(
    qapp, name: str, shared_tmp: Path, told: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    taken = shared_tmp / f"stressbreak-{os.geteuid()}"
    taken.mkdir(mode=0o777)
    os.chown(taken, 65534, 65534)  # nobody's
    command_server = CommandServer(name, lambda request: Reply(True, "here"), told.append)
    command_server.start()
    try:
        assert list(taken.iterdir()) == []
        assert len(told) == 1 and str(taken) in told[0]
        refused = send_command(name, Request("status"), timeout_ms=500)
        assert refused is not None and refused.ok is False
        assert str(taken) in refused.message
    finally:
        command_server.stop()


def test_an_own_folder_left_open_is_closed_before_use_and_not_trusted_before(
    qtbot, name: str, shared_tmp: Path, told: list[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    own = shared_tmp / f"stressbreak-{os.geteuid()}"
    own.mkdir()
    own.chmod(0o777)
    # Anyone could have put a socket there: the command line sends nothing into it.
    refused = send_command(name, Request("status"), timeout_ms=500)
    assert refused is not None and refused.ok is False
    command_server = CommandServer(name, lambda request: Reply(True, "here"), told.append)
    command_server.start()
    try:
        assert stat.S_IMODE(own.stat().st_mode) == 0o700
        thread, replies = _ask_in_background(name, Request("status"))
        qtbot.waitUntil(lambda: bool(replies))
        thread.join(5)
        assert replies == [Reply(True, "here")]
        assert told == []
    finally:
        command_server.stop()


def test_the_peer_is_the_process_at_the_other_end() -> None:
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with mine, theirs:
        uid = peer_uid(mine)
    assert uid == os.geteuid() or (uid is None and not sys.platform.startswith(
        ("linux", "darwin", "freebsd")))


# -- Callers cannot take the app's file handles (issue 14, case 2) ---------------------------


def _closed_by_the_server(peer: socket.socket) -> bool:
    try:
        return peer.recv(1) == b""
    except BlockingIOError:
        return False


def _idle_callers(name: str, count: int) -> list[socket.socket]:
    """`count` callers that connect and say nothing. The server answers from this thread,
    so while its listening queue is full the loop runs until it takes the next one."""
    peers = []
    for _ in range(count):
        peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        peer.setblocking(False)
        while True:
            try:
                peer.connect(str(socket_path(name)))
                break
            except BlockingIOError:
                QCoreApplication.processEvents()
        peers.append(peer)
    return peers


def test_idle_callers_beyond_the_cap_close_the_oldest_and_commands_still_come_through(
    qtbot, server, name: str, told: list[str],
) -> None:
    peers: list[socket.socket] = []
    try:
        peers = _idle_callers(name, 40)
        # 40 callers that say nothing: the server keeps 32 and closed the oldest 8.
        qtbot.waitUntil(lambda: _closed_by_the_server(peers[7]))
        closed = [_closed_by_the_server(peer) for peer in peers]
        assert closed == [True] * 8 + [False] * 32
        thread, replies = _ask_in_background(name, Request("status"))
        qtbot.waitUntil(lambda: bool(replies))
        thread.join(5)
        assert replies == [Reply(True, "did status", {"minutes": None})]
        assert told == []  # the app copes; nothing the user must do
    finally:
        for peer in peers:
            peer.close()


def test_a_caller_that_sends_no_whole_line_in_time_is_closed(qtbot, qapp, name: str) -> None:
    command_server = CommandServer(name, lambda request: Reply(True, "here"), print,
                                   idle_timeout_ms=100)
    command_server.start()
    peers = _idle_callers(name, 2)
    try:
        peers[1].sendall(b'{"command": "sta')  # and then nothing
        qtbot.waitUntil(lambda: all(map(_closed_by_the_server, peers)), timeout=5000)
    finally:
        for peer in peers:
            peer.close()
        command_server.stop()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts file handles in /proc")
def test_out_of_file_handles_the_server_waits_instead_of_spinning_and_answers_later(
    qtbot, server, name: str, told: list[str], caplog: pytest.LogCaptureFixture,
) -> None:
    import resource  # Unix only

    caller = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    highest = max(int(fd.name) for fd in Path("/proc/self/fd").iterdir())
    fillers: list[int] = []
    try:
        # This process may open no more file handles: as an app whose handles ran out.
        resource.setrlimit(resource.RLIMIT_NOFILE, (highest + 8, hard))
        with contextlib.suppress(OSError):
            while True:
                fillers.append(os.open(os.devnull, os.O_RDONLY))
        caller.connect(str(socket_path(name)))
        caller.sendall(Request("status").encode())
        caplog.clear()
        # The old server woke up for the waiting caller, failed and logged, in a loop
        # (144 MB of log in 5 minutes); let the loop run a while to see it would.
        qtbot.wait(1200)
        assert len(caplog.records) <= 1, f"{len(caplog.records)} log lines"
        assert len(told) == 1 and "Too many open files" in told[0]
    finally:
        for fd in fillers:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    try:
        answer = b""

        def answered() -> bool:
            nonlocal answer
            with contextlib.suppress(BlockingIOError):
                answer += caller.recv(4096)
            return answer.endswith(b"\n")

        caller.setblocking(False)
        qtbot.waitUntil(answered, timeout=10000)  # the handles are back: the caller's turn
        assert b"did status" in answer
    finally:
        caller.close()
