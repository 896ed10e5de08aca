"""The commands a running StressBreak takes: one registry, read by the command line (its
parser and help) and by the running app (what each command does and answers).

Adding a command is one entry in COMMANDS. What it does goes through `Actions`, the running
app's side (stressbreak/app/commands.py); a command that needs something new adds a method
there. A request and its answer travel as one JSON line each (`Request`, `Reply`). Plain
Python: the command line builds and checks a request without loading Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from typing import Any, Protocol

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

MAX_MESSAGE_BYTES = 4096
MAX_QUIET_MIN = 24 * 60  # a day; "until tomorrow" is the tray's
# How long the command line waits for the running app's answer. Most commands are answered
# from the app's state at once; a second is plenty, and a script asking a hung app is not
# kept waiting.
ANSWER_WITHIN_S = 1
# An import's answer comes when the merge is done. Measured (docs/PERFORMANCE.md, "Importing
# 10 years"): 10 years of entries (43,836, 12.7 MB) into a journal with 10 years of its own
# take 2.3 to 7 s to read and merge on the 2-core test machine; 10 minutes leaves room for a
# slow disk and a far bigger file, and only an app that hangs takes longer.
IMPORT_ANSWER_WITHIN_S = 10 * 60
_CONTEXT = "commands"


@dataclass(frozen=True)
class Request:
    """One command for the running app: {"command": "quiet", "minutes": 30} on the wire."""

    command: str
    minutes: int | None = None  # "quiet" only
    details: bool = False  # "status" only: also the facts as data (for `status --json`)
    file: str | None = None  # "import" only: the export to merge, an absolute path
    # "pause" only: a recording of RR intervals to replay into it, an absolute path
    heart_rate_file: str | None = None

    def encode(self) -> bytes:
        message: dict[str, Any] = {"command": self.command}
        if self.minutes is not None:
            message["minutes"] = self.minutes
        if self.file is not None:
            message["file"] = self.file
        if self.heart_rate_file is not None:
            message["heart_rate_file"] = self.heart_rate_file
        if self.details:
            message["details"] = True
        return json.dumps(message).encode() + b"\n"


@dataclass(frozen=True)
class Reply:
    ok: bool
    message: str  # a Message where the app wrote it: translated just before it is sent
    data: dict[str, Any] | None = None  # facts for scripts; `status --json` prints them

    def encode(self) -> bytes:
        answer: dict[str, Any] = {"ok": self.ok, "message": self.message}
        if self.data is not None:
            answer["data"] = self.data
        return json.dumps(answer).encode() + b"\n"


Handler = Callable[[Request], Reply]


class Actions(Protocol):
    """What the running app does for a command. Windows open after the reply is sent, so the
    caller is answered before anything appears."""

    def status_text(self) -> str:
        """The tray's tooltip and any problem told this session, in the user's language."""
        ...

    def status_facts(self) -> dict[str, Any]:
        """What `stressbreak status --json` prints."""
        ...

    def sharing_text(self) -> str:
        """The shared folder (or none), this computer's name, the other computers seen there."""
        ...

    def detectors_text(self) -> str:
        """Which source each detector uses on this desktop, or why none: for a bug report."""
        ...

    def look_again(self) -> None:
        """A reminder that waits looks at the desktop again now."""
        ...

    def quiet_for(self, minutes: int) -> datetime:
        """No reminders for `minutes`; the local time they come again."""
        ...

    def resume(self) -> None: ...

    def replay_into_next_pause(self, path: str) -> str | None:
        """Read a recording to replay into the pause that opens next: None when it will be,
        else why it cannot be, in words."""
        ...

    def start_pause(self) -> None: ...

    def open_checkin(self) -> None: ...

    def open_day_rating(self) -> None: ...

    def open_overview(self) -> None: ...

    def open_settings(self) -> None: ...

    def open_welcome(self) -> None: ...

    def quit(self) -> None: ...

    def import_file(self, path: str) -> tuple[bool, str]:
        """Merge an export into the journal: whether it could, and what happened, in words."""
        ...


def _noop(actions: Actions) -> None:
    del actions


def _status(actions: Actions, request: Request) -> Reply:
    # Asking is an event: a reminder that waits looks again now, so the answer (and the
    # reminder) follow what is true this moment, not up to 30 s ago.
    actions.look_again()
    sections = (actions.status_text(), actions.sharing_text(), actions.detectors_text())
    return Reply(True, "\n\n".join(section for section in sections if section),
                 actions.status_facts() if request.details else None)


def _import(actions: Actions, request: Request) -> Reply:
    assert request.file is not None  # parse_request makes sure of it
    imported, said = actions.import_file(request.file)
    return Reply(imported, said)


def _quiet(actions: Actions, request: Request) -> Reply:
    assert request.minutes is not None  # parse_request makes sure of it
    until = actions.quiet_for(request.minutes)
    return Reply(True, Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "commands", "No reminders until {time}."), time=f"{until:%H:%M}"))


def _resume(actions: Actions, request: Request) -> Reply:
    del request
    actions.resume()
    return Reply(True, Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "commands", "Reminders are on again. {status}"), status=actions.status_text()))


def _recording(actions: Actions, request: Request) -> Reply | None:
    if request.heart_rate_file is None:
        return None
    problem = actions.replay_into_next_pause(request.heart_rate_file)
    return None if problem is None else Reply(False, problem)


def _shown(actions: Actions, request: Request) -> Reply:
    del request
    return Reply(True, Message(_CONTEXT, QT_TRANSLATE_NOOP(
        "commands", "StressBreak is already running. {status}"), status=actions.status_text()))


@dataclass(frozen=True)
class Command:
    """One command: how the command line offers it and what the running app does with it."""

    name: str
    help: str  # English, context "cli"; "" for a command the command line does not offer
    # Only asks a running StressBreak; never starts one (nor takes its lock).
    ask_only: bool = False
    # Done after the reply is sent (a window opens, the app quits), with `reply` as answer.
    later: Callable[[Actions], None] | None = None
    reply: str = ""  # English, context "commands"
    # Answered at once, from the app's state.
    answer: Callable[[Actions, Request], Reply] | None = None
    # Asked before `later`: a refusal (a Reply) is the answer, and nothing is done.
    check: Callable[[Actions, Request], Reply | None] | None = None
    takes_minutes: bool = False  # a MINUTES argument: "quiet"
    takes_file: bool = False  # a FILE argument: "import"
    takes_heart_rate_file: bool = False  # --heart-rate-file FILE: "pause"
    json_option: bool = False  # `--json` prints the reply's data: "status"
    # How long the command line waits for the answer (the app may still be doing it after).
    answer_within_s: int = ANSWER_WITHIN_S

    def run(self, actions: Actions, request: Request, defer: Callable[[Callable[[], None]],
                                                                      None]) -> Reply:
        """The answer to `request`; what comes after it is handed to `defer`."""
        if self.answer is not None:
            return self.answer(actions, request)
        assert self.later is not None
        if self.check is not None:
            refused = self.check(actions, request)
            if refused is not None:
                return refused
        later = self.later
        defer(lambda: later(actions))
        return Reply(True, Message(_CONTEXT, self.reply))


COMMANDS: dict[str, Command] = {command.name: command for command in (
    # The command line's default: start StressBreak (a second start shows the running one).
    Command("run", QT_TRANSLATE_NOOP("cli", "start StressBreak in the system tray (the default)"),
            answer=_shown),
    Command("show", "", answer=_shown),
    Command("pause", QT_TRANSLATE_NOOP("cli", "start a breathing pause now"),
            later=lambda actions: actions.start_pause(), check=_recording,
            takes_heart_rate_file=True,
            reply=QT_TRANSLATE_NOOP("commands", "Pause started.")),
    Command("checkin", QT_TRANSLATE_NOOP("cli", "open the stress meter now"),
            later=lambda actions: actions.open_checkin(),
            reply=QT_TRANSLATE_NOOP("commands", "Stress meter opened.")),
    Command("rate", QT_TRANSLATE_NOOP(
        "cli", "rate today's sleep, energy and focus (as in the tray menu)"),
            later=lambda actions: actions.open_day_rating(),
            reply=QT_TRANSLATE_NOOP("commands", "Sleep, energy and focus opened.")),
    Command("overview", QT_TRANSLATE_NOOP("cli", "open the weekly overview"),
            later=lambda actions: actions.open_overview(),
            reply=QT_TRANSLATE_NOOP("commands", "Weekly overview opened.")),
    Command("settings", QT_TRANSLATE_NOOP("cli", "open the settings"),
            later=lambda actions: actions.open_settings(),
            reply=QT_TRANSLATE_NOOP("commands", "Settings opened.")),
    # Where there is no tray, the welcome's way back in (the tray menu has "Welcome…").
    Command("welcome", QT_TRANSLATE_NOOP(
        "cli", "open the welcome again: what StressBreak does, your working hours, why it helps"),
            later=lambda actions: actions.open_welcome(),
            reply=QT_TRANSLATE_NOOP("commands", "Welcome opened.")),
    Command("status", QT_TRANSLATE_NOOP(
        "cli", "say when the next pause and stress meter are due, and what holds reminders"),
            ask_only=True, answer=_status, json_option=True),
    Command("quiet", QT_TRANSLATE_NOOP("cli", "no reminders for MINUTES minutes"),
            ask_only=True, answer=_quiet, takes_minutes=True),
    Command("resume", QT_TRANSLATE_NOOP("cli", "reminders again (ends a quiet time)"),
            ask_only=True, answer=_resume),
    # Done by the running app (its journal is open); without one, by the command line itself.
    Command("import", QT_TRANSLATE_NOOP(
        "cli", "merge an export (FILE.json) into your journal; nothing is added twice"),
            answer=_import, takes_file=True, answer_within_s=IMPORT_ANSWER_WITHIN_S),
    Command("quit", QT_TRANSLATE_NOOP("cli", "quit the running StressBreak"), ask_only=True,
            later=lambda actions: actions.quit(),
            reply=QT_TRANSLATE_NOOP("commands", "StressBreak is quitting.")),
)}
# What the command line offers, in the order of its help.
ON_COMMAND_LINE = tuple(name for name, command in COMMANDS.items() if command.help)
# What the channel takes: "run" is the command line's own ("show" goes over the channel).
REMOTE = tuple(name for name in COMMANDS if name != "run")


def parse_request(raw: bytes) -> Request:
    """The request in one line; ValueError with a readable reason otherwise."""
    try:
        message = json.loads(raw.decode("utf-8"))
    # RecursionError: deeply nested brackets are beyond the parser, and not a request either.
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError("the message is not JSON") from exc
    if not isinstance(message, dict) or not isinstance(message.get("command"), str):
        raise ValueError('the message must look like {"command": "pause"}')
    name = message["command"]
    if name not in REMOTE:
        raise ValueError(f"unknown command {name!r}; known: {', '.join(REMOTE)}")
    command = COMMANDS[name]
    minutes = message.get("minutes")
    if command.takes_minutes:
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not (
                1 <= minutes <= MAX_QUIET_MIN):
            raise ValueError(f'"{name}" needs "minutes": a whole number from 1 to '
                             f"{MAX_QUIET_MIN}")
    elif minutes is not None:
        raise ValueError(f'"minutes" belongs to "quiet", not {name!r}')
    details = message.get("details", False)
    if not isinstance(details, bool):
        raise ValueError('"details" must be true or false')
    file = message.get("file")
    if command.takes_file:
        if not isinstance(file, str) or not PurePath(file).is_absolute():
            raise ValueError(f'"{name}" needs "file": an absolute path')
    elif file is not None:
        raise ValueError(f'"file" belongs to "import", not {name!r}')
    recording = message.get("heart_rate_file")
    if recording is not None and (not command.takes_heart_rate_file or not isinstance(
            recording, str) or not PurePath(recording).is_absolute()):
        raise ValueError('"heart_rate_file" belongs to "pause", and is an absolute path')
    return Request(str(name), minutes if command.takes_minutes else None,
                   details and command.json_option, file if command.takes_file else None,
                   recording)
