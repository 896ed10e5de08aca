"""The command channel on Linux: a Unix socket that only this user can reach, answered from
the Qt event loop, and cleaned up after itself (services/instance.py)."""

from __future__ import annotations

import socket
import stat
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from stressbreak.core.commands import Reply, Request
from stressbreak.services.instance import CommandServer, send_command, socket_path

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")


@pytest.fixture
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


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
def server(qapp, name: str) -> Iterator[tuple[CommandServer, list[Request]]]:
    seen: list[Request] = []

    def handler(request: Request) -> Reply:
        seen.append(request)
        return Reply(True, f"did {request.command}", {"minutes": request.minutes})

    command_server = CommandServer(name, handler)
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


def test_without_a_runtime_folder_the_socket_goes_to_the_temporary_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert socket_path("sb") == tmp_path / "sb"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing"))
    assert socket_path("sb") == tmp_path / "sb"


def test_stopping_removes_the_socket_and_nobody_answers_any_more(qapp, name: str) -> None:
    command_server = CommandServer(name, lambda request: Reply(True, "yes"))
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
    command_server = CommandServer(name, lambda request: Reply(True, "here"))
    command_server.start()
    try:
        thread, replies = _ask_in_background(name, Request("status"))
        qtbot.waitUntil(lambda: bool(replies))
        thread.join(5)
        assert replies == [Reply(True, "here")]
    finally:
        command_server.stop()


def test_a_stopping_server_leaves_a_newer_servers_socket_alone(qapp, name: str) -> None:
    old = CommandServer(name, lambda request: Reply(True, "old"))
    old.start()
    new = CommandServer(name, lambda request: Reply(True, "new"))
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
