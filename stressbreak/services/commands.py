"""The messages of the command channel: a request line and its answer, both JSON.

Kept apart from `instance.py` (which needs QtNetwork) so that the command line can build and
check a request without loading Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

COMMANDS = ("show", "pause", "checkin", "overview", "settings", "status", "quiet", "resume",
            "quit")
MAX_MESSAGE_BYTES = 4096
MAX_QUIET_MIN = 24 * 60  # a day; "until tomorrow" is the tray's


@dataclass(frozen=True)
class Request:
    """One command for the running app: {"command": "quiet", "minutes": 30} on the wire."""

    command: str
    minutes: int | None = None  # "quiet" only
    details: bool = False  # "status" only: also the facts as data (for `status --json`)

    def encode(self) -> bytes:
        message: dict[str, Any] = {"command": self.command}
        if self.minutes is not None:
            message["minutes"] = self.minutes
        if self.details:
            message["details"] = True
        return json.dumps(message).encode() + b"\n"


@dataclass(frozen=True)
class Reply:
    ok: bool
    message: str
    data: dict[str, Any] | None = None  # facts for scripts; `status --json` prints them

    def encode(self) -> bytes:
        answer: dict[str, Any] = {"ok": self.ok, "message": self.message}
        if self.data is not None:
            answer["data"] = self.data
        return json.dumps(answer).encode() + b"\n"


Handler = Callable[[Request], Reply]


def parse_request(raw: bytes) -> Request:
    """The request in one line; ValueError with a readable reason otherwise."""
    try:
        message = json.loads(raw.decode("utf-8"))
    # RecursionError: deeply nested brackets are beyond the parser, and not a request either.
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError("the message is not JSON") from exc
    if not isinstance(message, dict) or not isinstance(message.get("command"), str):
        raise ValueError('the message must look like {"command": "pause"}')
    command = message["command"]
    if command not in COMMANDS:
        raise ValueError(f"unknown command {command!r}; known: {', '.join(COMMANDS)}")
    minutes = message.get("minutes")
    if command == "quiet":
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not (
                1 <= minutes <= MAX_QUIET_MIN):
            raise ValueError(f'"quiet" needs "minutes": a whole number from 1 to '
                             f"{MAX_QUIET_MIN}")
    elif minutes is not None:
        raise ValueError(f'"minutes" belongs to "quiet", not {command!r}')
    details = message.get("details", False)
    if not isinstance(details, bool):
        raise ValueError('"details" must be true or false')
    return Request(str(command), minutes if command == "quiet" else None,
                   details and command == "status")
