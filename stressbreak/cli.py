"""Command line: start the tray app, hand a command to the one already running, or export.

`export` reads the journal read-only and needs neither the lock nor Qt (Qt is loaded only to
translate an error message), so it works the same whether or not the app is running.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from stressbreak import __version__
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message, message_of
from stressbreak.services.commands import MAX_QUIET_MIN, Reply, Request

if TYPE_CHECKING:
    from stressbreak.core.model import Record

COMMAND_HELP = {
    "run": "start StressBreak in the system tray (the default)",
    "pause": "start a breathing pause now",
    "checkin": "open the stress meter now",
    "overview": "open the weekly overview",
    "settings": "open the settings",
    "status": "say when the next pause and stress meter are due, and what holds reminders",
    "quiet": "no reminders for MINUTES minutes",
    "resume": "reminders again (ends a quiet time)",
    "quit": "quit the running StressBreak",
}
# These only talk to a running StressBreak; they never start one (nor take its lock).
_ASK_ONLY = ("status", "quiet", "resume", "quit")
EXPORT_HELP = "write the journal (or part of it) as CSV or JSON"
_FORWARD_WAIT_S = 5.0  # a first instance that is still starting gets this long to answer


def build_parser() -> argparse.ArgumentParser:
    data_dir_help = "keep the journal and settings in this folder instead of the usual place"
    parser = argparse.ArgumentParser(
        prog="stressbreak",
        description="A calm micro-pause assistant in the system tray.",
    )
    parser.add_argument("--version", action="version", version=f"StressBreak {__version__}")
    parser.add_argument("--data-dir", type=Path, help=data_dir_help)
    # --data-dir is accepted after the command too, as it was before commands had options.
    # SUPPRESS: a command that does not repeat it must not reset the one given before it.
    after_command = argparse.ArgumentParser(add_help=False)
    after_command.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                               help=data_dir_help)
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for name, text in COMMAND_HELP.items():
        command = commands.add_parser(name, parents=[after_command], help=text,
                                      description=text)
        if name == "quiet":
            command.add_argument("minutes", type=_quiet_minutes, metavar="MINUTES",
                                 help="from 1 to 1440 (a day)")
        elif name == "status":
            command.add_argument("--json", action="store_true",
                                 help="print the facts as JSON, for scripts and panels")
    export = commands.add_parser(
        "export", parents=[after_command], help=EXPORT_HELP, description=EXPORT_HELP,
        epilog="Dates are local calendar days and both ends are included. Without -o the "
        "export goes to standard output; with -o the file is written privately (mode 0600). "
        "Only JSON can be imported again.")
    # Literal names, not ExportFormat: the tray's start-up should not import the exporter.
    export.add_argument("--format", required=True, choices=("csv", "json"),
                        help="csv for a spreadsheet; json to keep, or to import again")
    export.add_argument("--from", dest="first_day", metavar="YYYY-MM-DD",
                        help="leave out what happened before this day")
    export.add_argument("--to", dest="last_day", metavar="YYYY-MM-DD",
                        help="leave out what happened after this day")
    export.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE instead of standard output")
    parser.set_defaults(command="run")
    return parser


def default_dirs(data_dir: Path | None) -> tuple[Path, Path]:
    """The journal folder and the settings file (both inside --data-dir when it is given)."""
    if data_dir is not None:
        return data_dir, data_dir / "settings.json"
    import platformdirs  # noqa: PLC0415  (only when no folder was given)

    return (
        Path(platformdirs.user_data_dir("stressbreak", appauthor=False)),
        Path(platformdirs.user_config_dir("stressbreak", appauthor=False)) / "settings.json",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="stressbreak: %(message)s")
    logging.getLogger("stressbreak").setLevel(logging.INFO)
    data_dir, settings_file = default_dirs(args.data_dir)
    data_dir = data_dir.expanduser().absolute()
    if args.command == "export":
        return _export(args, data_dir, settings_file)

    from stressbreak.services.files import ensure_private_dir  # noqa: PLC0415
    from stressbreak.services.lock import InstanceLock, server_name  # noqa: PLC0415

    try:
        ensure_private_dir(data_dir)
    except OSError as exc:
        _say(Message("cli", QT_TRANSLATE_NOOP(
            "cli", "stressbreak: cannot use the data folder {folder}: {reason}"),
            folder=str(data_dir), reason=exc.strerror or str(exc)), settings_file)
        return 2
    name = server_name(data_dir)
    request = Request(args.command, getattr(args, "minutes", None),
                      details=bool(getattr(args, "json", False)))
    if args.command in _ASK_ONLY:
        # Asking never keeps the lock: a probe must not keep a starting app from its lock.
        reply = _send(name, request)
        deadline = time.monotonic() + _FORWARD_WAIT_S
        while reply is None and time.monotonic() < deadline and InstanceLock(
                data_dir).held_elsewhere():
            # The app is starting: its tray icon comes a moment before it listens.
            time.sleep(0.1)
            reply = _send(name, request)
        if reply is None:
            if request.details:
                print(json.dumps({"running": False}))
            _say(Message("cli", QT_TRANSLATE_NOOP("cli", "StressBreak is not running.")),
                 settings_file)
            return 1
        return _print(reply, as_json=request.details)

    lock = InstanceLock(data_dir)
    deadline = time.monotonic() + _FORWARD_WAIT_S
    while not lock.acquire():
        # Someone holds the lock: the running app (hand the command over), or a process
        # that is just starting or just ending (then the lock comes free: try again).
        reply = _send(name, Request("show") if args.command == "run" else request)
        if reply is not None:
            return _print(reply)
        if time.monotonic() > deadline:
            _say(Message("cli", QT_TRANSLATE_NOOP(
                "cli", "stressbreak: another StressBreak holds the data folder but does not "
                "answer.")), settings_file)
            return 2
        time.sleep(0.1)

    from stressbreak.app import run  # noqa: PLC0415  (Qt is only needed from here on)

    return run(data_dir, settings_file, lock, args.command)


class _ExportError(Exception):
    """The export cannot be made; args[0] is the Message to show."""


def _export(args: argparse.Namespace, data_dir: Path, settings_file: Path) -> int:
    """Write the export; 2 with a message on stderr when it cannot be made (nothing changes)."""
    import tzlocal  # noqa: PLC0415

    from stressbreak.core.export import ExportFormat, export_bytes  # noqa: PLC0415

    zone: tzinfo = tzlocal.get_localzone()
    try:
        start, end = _day_range(args.first_day, args.last_day, zone)
        records = _read_journal(data_dir, start, end, settings_file)
        data = export_bytes(records, ExportFormat(args.format), exported_at=datetime.now(zone),
                            app_version=__version__)
        if args.output is None or str(args.output) == "-":
            return _write_stdout(data)
        _write_file(args.output.expanduser(), data)
    except _ExportError as exc:
        _say(exc.args[0], settings_file)
        return 2
    return 0


def _day_range(
    first: str | None, last: str | None, zone: tzinfo
) -> tuple[datetime | None, datetime | None]:
    """--from and --to as [start, end): local midnights, the whole --to day included."""
    first_day = _parse_day(first, "--from")
    last_day = _parse_day(last, "--to")
    if first_day is not None and last_day is not None and first_day > last_day:
        raise _ExportError(Message("cli", QT_TRANSLATE_NOOP(
            "cli", "stressbreak: --from {first} is after --to {last}."),
            first=first_day.isoformat(), last=last_day.isoformat()))
    start = None if first_day is None else _local_midnight(first_day, zone)
    end = None
    if last_day is not None and last_day < date.max:
        end = _local_midnight(last_day + timedelta(days=1), zone)
    return start, end


def _parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _ExportError(Message("cli", QT_TRANSLATE_NOOP(
            "cli", "stressbreak: {option} wants a date as YYYY-MM-DD, not \"{text}\"."),
            option=option, text=text)) from None


def _local_midnight(day: date, zone: tzinfo) -> datetime:
    # Where a DST change skips midnight (fold=0 takes the offset from before the jump), this
    # wall time never shows on the clock, but the instant it names is the day's first moment.
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def _read_journal(
    data_dir: Path, start: datetime | None, end: datetime | None, settings_file: Path
) -> list[Record]:
    from stressbreak.services.journal import Journal, JournalError  # noqa: PLC0415

    problems: list[str] = []
    # Read-only: the running app may be writing, and its writes are atomic renames, so each
    # month file is seen whole; a damaged one is reported and left where it is for the app.
    journal = Journal(data_dir, problems.append, read_only=True)
    journal.start()
    try:
        records = journal.all_records(start, end)
    except JournalError as exc:
        raise _ExportError(message_of(exc)) from exc
    finally:
        journal.stop()
    for problem in problems:
        _say(problem, settings_file)
    return records


def _write_file(path: Path, data: bytes) -> None:
    from stressbreak.services.files import write_atomic  # noqa: PLC0415

    try:
        # Atomic: an interrupted export never leaves half a file under the user's name; the
        # temp file is created 0600, so the journal's privacy carries over to the export.
        write_atomic(path, data)
    except OSError as exc:
        raise _ExportError(Message("cli", QT_TRANSLATE_NOOP(
            "cli", "stressbreak: cannot write the export to {path}: {reason}"),
            path=str(path), reason=exc.strerror or type(exc).__name__)) from exc


def _write_stdout(data: bytes) -> int:
    # Bytes, not text: the same UTF-8 as a file whatever the console's encoding, and no
    # newline translation inside CSV cells.
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        # `stressbreak export ... | head` closed the pipe: not an error of ours. Point stdout
        # at devnull so the interpreter's final flush does not complain again.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _quiet_minutes(text: str) -> int:
    try:
        minutes = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    if not 1 <= minutes <= MAX_QUIET_MIN:
        raise argparse.ArgumentTypeError(f"{minutes} is not from 1 to {MAX_QUIET_MIN}")
    return minutes


def _send(name: str, request: Request) -> Reply | None:
    """The running app's answer, or None when nobody is listening."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from stressbreak.services.instance import send_command  # noqa: PLC0415

    # Qt's local sockets want an application object, even without an event loop. It is shut
    # down again: if this process goes on to become the app, that needs a QApplication.
    owned = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([])
    try:
        return send_command(name, request, timeout_ms=1000)
    finally:
        if owned:
            app.shutdown()


def _say(text: str, settings_file: Path) -> None:
    """A problem line on stderr, in the language the app itself would use (a Message is
    translated, other text is shown as it is)."""
    from PySide6.QtCore import QCoreApplication, QLocale  # noqa: PLC0415

    from stressbreak.services.i18n import (  # noqa: PLC0415
        Translations,
        language_setting,
        translate_message,
    )

    owned = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([])
    translations = Translations(app, language_setting(settings_file), QLocale.system())
    try:
        translations.install()
        print(translate_message(text), file=sys.stderr)
    finally:
        translations.remove()
        if owned:
            app.shutdown()


def _print(reply: Reply, *, as_json: bool = False) -> int:
    if as_json and reply.data is not None:
        print(json.dumps(reply.data, ensure_ascii=False, indent=1))
    else:
        print(reply.message, file=sys.stdout if reply.ok else sys.stderr)
    return 0 if reply.ok else 1
