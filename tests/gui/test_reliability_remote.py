"""The remote-control channel under bad input (issue 7, case 7): the real CommandServer on a
real local socket answers every request line, whatever its bytes, with a JSON reply; a bad one
gets {"ok": false, ...} and the server goes on answering."""

from __future__ import annotations

import contextlib
import json
import socket
import time
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication

from stressbreak.core.commands import COMMANDS, Reply
from stressbreak.services.instance import CommandServer, socket_path

handled: list[object] = []
problems: list[str] = []  # what the server would tell the user


def _handler(request: object) -> Reply:
    handled.append(request)
    return Reply(True, "done")


@pytest.fixture
def server(qapp) -> Iterator[str]:
    name = f"stressbreak-test-{uuid.uuid4().hex[:12]}"
    command_server = CommandServer(name, _handler, problems.append)
    command_server.start()
    yield name
    command_server.stop()


def ask(name: str, raw: bytes, timeout_s: float = 3.0) -> dict[str, object]:
    """Send raw bytes, return the parsed answer (the server answers, then disconnects)."""
    data = b""
    with _connected(name) as peer:
        peer.sendall(raw)
        deadline = time.monotonic() + timeout_s
        while b"\n" not in data and time.monotonic() < deadline:
            QCoreApplication.processEvents()  # the server lives in this thread
            with contextlib.suppress(BlockingIOError):
                data += peer.recv(65536)
    assert data.endswith(b"\n"), f"no answer to {raw[:80]!r}"
    answer = json.loads(data)
    assert isinstance(answer, dict) and isinstance(answer["ok"], bool) and answer["message"]
    return answer


def _connected(name: str) -> socket.socket:
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    peer.connect(str(socket_path(name)))
    peer.setblocking(False)
    return peer


request_lines = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(str.encode),
    st.dictionaries(st.sampled_from(["command", "minutes", "details", "x"]),
                    st.one_of(st.sampled_from([*COMMANDS, "format-disk", ""]), st.integers(),
                              st.booleans(), st.none(), st.lists(st.integers(), max_size=3)),
                    max_size=4).map(lambda m: json.dumps(m).encode()),
).map(lambda raw: raw.replace(b"\n", b" ") + b"\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(raw=request_lines)
def test_any_request_line_gets_a_json_answer_and_the_server_goes_on(server: str,
                                                                     raw: bytes) -> None:
    handled.clear()
    answer = ask(server, raw)
    assert answer["ok"] is bool(handled)  # only what parsed reached the app
    assert ask(server, b'{"command": "show"}\n')["ok"] is True


def test_unknown_and_malformed_requests_are_answered_with_an_error(server: str) -> None:
    for raw in (b"\n", b"not json\n", b"\xff\xfe\n", b'{"command": "format-disk"}\n',
                b'{"command": 5}\n', b"[1, 2]\n", b"null\n"):
        answer = ask(server, raw)
        assert answer["ok"] is False, raw
    # Too long without an end of line: refused, not buffered for ever.
    assert ask(server, b"x" * 5000)["message"] == "message too long"
    # A caller that connects and goes away without a word changes nothing.
    with _connected(server):
        QCoreApplication.processEvents()
    assert ask(server, b'{"command": "show"}\n')["ok"] is True


def test_a_deeply_nested_request_is_answered_with_an_error(server: str) -> None:
    answer = ask(server, b"[" * 3000 + b"\n", timeout_s=1.0)
    assert answer["ok"] is False
