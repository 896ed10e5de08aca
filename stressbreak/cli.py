"""Command line: start the tray app, hand a command to the one already running, export, or
write a summary or a report.

`export` reads the journal read-only and needs neither the lock nor Qt (Qt is loaded only to
translate an error message), so it works the same whether or not the app is running.

The command line speaks the app's language (Dutch or English, see services.i18n): its help,
its headings and its messages. argparse's own error sentences ("invalid choice: ...") stay
English. Qt and the settings file are only read when there is something to say: see
parse_arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from stressbreak import __version__
from stressbreak.core.commands import COMMANDS, MAX_QUIET_MIN, ON_COMMAND_LINE, Reply, Request
from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message, message_of

if TYPE_CHECKING:
    from stressbreak.core.model import Record
    from stressbreak.services.lock import InstanceLock

# core.summary.MAX_WEEKS and core.report.MAX_WEEKS (a test keeps them equal): parsing must not
# import those modules, which the tray's start-up never needs.
SUMMARY_MAX_WEEKS = 52
REPORT_MAX_WEEKS = 12
EXPORT_HELP = QT_TRANSLATE_NOOP("cli", "write the journal (or part of it) as CSV or JSON")
_FORWARD_WAIT_S = 5.0  # a first instance that is still starting gets this long to answer

# The exit status, one meaning each for every command (the main help says them).
EXIT_DONE = 0
# No StressBreak of this user runs to ask (status, quiet, resume, quit), or the channel is not
# this user's: nothing was sent.
EXIT_NOT_RUNNING = 1
# It could not be done, or not all of it, or whether it was is not known (the running app did
# not answer in time); argparse's own status for a wrong command line is 2 too.
EXIT_NOT_DONE = 2

Words = Callable[[str], str]
"""One of the command line's own texts (context "cli") in the language it speaks."""


def _english(text: str) -> str:
    return text


class _Formatter(argparse.HelpFormatter):
    """argparse's layout, with the command line's own word for "usage: "."""

    def __init__(self, prog: str, *, usage_prefix: str) -> None:
        super().__init__(prog)
        self.usage_prefix = usage_prefix

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        # An explicit prefix stays: argparse passes "" when it builds a subcommand's prog.
        super().add_usage(usage, actions, groups,
                          self.usage_prefix if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """A parser whose frame is in the command line's language: "usage:", its options heading,
    its help option and "error:". argparse's own error sentences ("invalid choice: ...") stay
    English; StressBreak's are translated where they are raised (see _quiet_minutes).

    Subcommands are made with this class too (argparse's default), so `own` is handed to
    each add_parser.
    """

    def __init__(self, *, own: Words, **kwargs: Any) -> None:
        super().__init__(add_help=False, formatter_class=functools.partial(
            _Formatter, usage_prefix=own(QT_TRANSLATE_NOOP("cli", "usage: "))), **kwargs)
        self.own = own
        # argparse files options under its own "options" heading; ours go in a group of our
        # own, and argparse leaves an empty heading out of the help.
        self.options = self.add_argument_group(own(QT_TRANSLATE_NOOP("cli", "options")))
        self.options.add_argument("-h", "--help", action="help", help=own(QT_TRANSLATE_NOOP(
            "cli", "show this help and exit")))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, self.own(QT_TRANSLATE_NOOP("cli", "{prog}: error: {message}")).format(
            prog=self.prog, message=message) + "\n")


def build_parser(own: Words = _english) -> argparse.ArgumentParser:
    """The command line, in English or in the language `own` speaks."""
    data_dir_help = own(QT_TRANSLATE_NOOP(
        "cli", "keep the journal and settings in this folder instead of the usual place"))
    folder = own(QT_TRANSLATE_NOOP("cli", "FOLDER"))
    parser = _Parser(own=own, prog="stressbreak", description=own(QT_TRANSLATE_NOOP(
        "cli", "A calm micro-pause assistant in the system tray.")), epilog=own(
        QT_TRANSLATE_NOOP("cli", "Exit status: 0 when it is done; 1 when no StressBreak of "
                          "yours is running to ask (status, quiet, resume, quit); 2 when it "
                          "could not be done, or not all of it, or the command line is not "
                          "understood. The message says why.")))
    parser.options.add_argument(
        "--version", action="version", version=f"StressBreak {__version__}",
        help=own(QT_TRANSLATE_NOOP("cli", "show the version number and exit")))
    parser.options.add_argument("--data-dir", type=Path, metavar=folder, help=data_dir_help)
    commands = parser.add_subparsers(dest="command", title=own(QT_TRANSLATE_NOOP(
        "cli", "commands")), metavar=own(QT_TRANSLATE_NOOP("cli", "COMMAND")))

    def add_command(name: str, text: str, **kwargs: Any) -> _Parser:
        command = commands.add_parser(name, own=own, help=text, description=text, **kwargs)
        # --data-dir is accepted after the command too, as it was before commands had
        # options. SUPPRESS: a command that does not repeat it must not reset the one given
        # before it.
        command.options.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                                     metavar=folder, help=data_dir_help)
        return command

    for name in ON_COMMAND_LINE:
        entry = COMMANDS[name]
        command = add_command(name, own(entry.help))
        if entry.takes_minutes:
            # In a group of our own for its heading, as the options are (see _Parser).
            command.add_argument_group(own(QT_TRANSLATE_NOOP("cli", "arguments"))).add_argument(
                "minutes", type=functools.partial(_quiet_minutes, own=own),
                metavar=own(QT_TRANSLATE_NOOP("cli", "MINUTES")),
                help=own(QT_TRANSLATE_NOOP("cli", "from 1 to 1440 (a day)")))
        if entry.takes_file:
            command.add_argument_group(own(QT_TRANSLATE_NOOP("cli", "arguments"))).add_argument(
                "file", type=Path, metavar=own(QT_TRANSLATE_NOOP("cli", "FILE")),
                help=own(QT_TRANSLATE_NOOP(
                    "cli", "a JSON export of StressBreak (stressbreak export --format json)")))
            command.epilog = own(QT_TRANSLATE_NOOP(
                "cli", "While StressBreak runs, it does the import (its overview shows the new "
                "entries) and this command waits for its answer, at most {minutes} minutes; "
                "otherwise this command does it. Either way the exit status is 0 when the "
                "file is in your journal (what was there already is not added again, and "
                "entries that cannot be read are counted and left out), and 2 when nothing or "
                "not all of it could be imported: the file cannot be read or is not a "
                "StressBreak export, the journal cannot be written, or StressBreak did not "
                "answer in time. Importing the same file again adds only what is missing.")
                ).format(minutes=entry.answer_within_s // 60)
        if entry.takes_heart_rate_file:
            command.options.add_argument(
                "--heart-rate-file", type=Path, metavar=own(QT_TRANSLATE_NOOP("cli", "FILE")),
                help=own(QT_TRANSLATE_NOOP(
                    "cli", "replay a heart-rate recording into this pause, as a heart-rate "
                    "strap would send it: one interval between beats a line, in seconds or "
                    "milliseconds")))
        if entry.json_option:
            command.options.add_argument("--json", action="store_true", help=own(
                QT_TRANSLATE_NOOP("cli", "print the facts as JSON, for scripts and panels")))
    export = add_command("export", own(EXPORT_HELP), epilog=own(QT_TRANSLATE_NOOP(
        "cli", "Dates are local calendar days and both ends are included. Without -o the "
        "export goes to standard output; with -o the file is written privately (mode "
        "0600). Only JSON can be imported again.")))
    day = own(QT_TRANSLATE_NOOP("cli", "YYYY-MM-DD"))
    # Literal names, not ExportFormat: the tray's start-up should not import the exporter.
    export.options.add_argument("--format", required=True, choices=("csv", "json"),
                                help=own(QT_TRANSLATE_NOOP(
                                    "cli", "csv for a spreadsheet; json to keep, or to import "
                                    "again")))
    export.options.add_argument("--from", dest="first_day", metavar=day, help=own(
        QT_TRANSLATE_NOOP("cli", "leave out what happened before this day")))
    export.options.add_argument("--to", dest="last_day", metavar=day, help=own(
        QT_TRANSLATE_NOOP("cli", "leave out what happened after this day")))
    export.options.add_argument("-o", "--output", type=Path, metavar=own(QT_TRANSLATE_NOOP(
        "cli", "FILE")), help=own(QT_TRANSLATE_NOOP(
            "cli", "write to %(metavar)s instead of standard output")))
    summary = add_command("summary", own(QT_TRANSLATE_NOOP(
        "cli", "say what stood out in the last weeks, and the patterns in your days (from your "
        "journal)")))
    summary.options.add_argument("--weeks", type=functools.partial(
                                     _weeks, own=own, most=SUMMARY_MAX_WEEKS), default=1,
                                 metavar=own(QT_TRANSLATE_NOOP("cli", "N")), help=own(
                                     QT_TRANSLATE_NOOP("cli", "how many weeks, this one "
                                                       "included (1 to 52; 1 if not given)")))
    summary.options.add_argument("--json", action="store_true", help=own(QT_TRANSLATE_NOOP(
        "cli", "print the facts as JSON, for scripts and panels")))
    report = add_command("report", own(QT_TRANSLATE_NOOP(
        "cli", "write a PDF of the last weeks to bring to a coach or doctor")), epilog=own(
        QT_TRANSLATE_NOOP("cli", "Pauses, tension, sleep, energy and focus, what came up most, "
                          "what stood out and what helps. What you wrote in your own words is "
                          "left out unless you add --free-text. The file is written privately "
                          "(mode 0600).")))
    report.options.add_argument("--weeks", type=functools.partial(
                                    _weeks, own=own, most=REPORT_MAX_WEEKS),
                                default=4, metavar=own(QT_TRANSLATE_NOOP("cli", "N")), help=own(
                                    QT_TRANSLATE_NOOP("cli", "how many weeks, this one "
                                                      "included (1 to 12; 4 if not given)")))
    report.options.add_argument("--free-text", action="store_true", help=own(QT_TRANSLATE_NOOP(
        "cli", "include your notes, next steps and what set it off, in your own words")))
    report.options.add_argument("-o", "--output", type=Path, required=True, metavar=own(
        QT_TRANSLATE_NOOP("cli", "FILE")), help=own(QT_TRANSLATE_NOOP(
            "cli", "the PDF file to write")))
    parser.set_defaults(command="run")
    return parser


def _weeks(text: str, *, own: Words, most: int) -> int:
    """--weeks: a whole number from 1 to `most` (52 for the summary, 12 for the report)."""
    try:
        weeks = int(text)
    except ValueError:
        weeks = 0
    if not 1 <= weeks <= most:
        raise argparse.ArgumentTypeError(own(QT_TRANSLATE_NOOP(
            "cli", "{value} is not a number of weeks from 1 to {most}")).format(
                value=text, most=most))
    return weeks


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The command line parsed; help, usage errors and --version are printed in the language
    the app itself would use, and end the process as argparse does (SystemExit).

    Most runs print nothing here, and the tray's start-up and `export` must not load Qt and
    read the settings for a language they never show. So the first parse is English with its
    output held back; only when argparse wants to say something (and so exits) is the language
    looked up and the same command line parsed again, to say it in that language. Again with a
    new parser: its help texts and metavars are fixed when it is built.
    """
    try:
        with _held_back():
            return build_parser().parse_args(argv)
    except SystemExit:
        pass
    _journal_dir, settings_file = default_dirs(_data_dir_in(argv))
    with _app_language(settings_file) as translate:
        return build_parser(functools.partial(translate, "cli")).parse_args(argv)


def _data_dir_in(argv: Sequence[str]) -> Path | None:
    """--data-dir from a command line that does not parse (its settings say the language)."""
    finder = argparse.ArgumentParser(add_help=False)
    finder.add_argument("--data-dir", type=Path)
    try:
        with _held_back():
            found, _others = finder.parse_known_args(argv)
    except SystemExit:  # "--data-dir" without a folder: the usual place, then
        return None
    data_dir: Path | None = found.data_dir
    return data_dir


@contextlib.contextmanager
def _held_back() -> Iterator[None]:
    """What argparse prints inside the block is dropped."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


@contextlib.contextmanager
def _app_language(settings_file: Path) -> Iterator[Callable[[str, str], str]]:
    """Qt's translate(context, text) in the language the app itself would show, for as long as
    the block runs (a Qt application object exists for that long)."""
    from PySide6.QtCore import QCoreApplication, QLocale  # noqa: PLC0415

    from stressbreak.services.i18n import Translations, language_setting  # noqa: PLC0415

    owned = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([])
    translations = Translations(app, language_setting(settings_file), QLocale.system())
    try:
        translations.install()
        yield QCoreApplication.translate
    finally:
        translations.remove()
        if owned:
            app.shutdown()


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
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="stressbreak: %(message)s")
    logging.getLogger("stressbreak").setLevel(logging.INFO)
    data_dir, settings_file = default_dirs(args.data_dir)
    data_dir = data_dir.expanduser().absolute()
    if args.command == "export":
        return _export(args, data_dir, settings_file)
    if args.command == "summary":
        return _summary(args, data_dir, settings_file)
    if args.command == "report":
        return _report(args, data_dir, settings_file)

    from stressbreak.services.files import ensure_private_dir  # noqa: PLC0415
    from stressbreak.services.lock import InstanceLock, server_name  # noqa: PLC0415

    name = server_name(data_dir)
    command = COMMANDS[args.command]
    recording = getattr(args, "heart_rate_file", None) if command.takes_heart_rate_file else None
    request = Request(args.command, args.minutes if command.takes_minutes else None,
                      details=command.json_option and args.json,
                      file=str(args.file.expanduser().absolute()) if command.takes_file
                      else None,
                      heart_rate_file=None if recording is None
                      else str(recording.expanduser().absolute()))
    if request.heart_rate_file is not None and not _recording_readable(
            Path(request.heart_rate_file), settings_file):
        return EXIT_NOT_DONE  # nothing asked of a running app, and none started
    if command.ask_only:
        # Asking never keeps the lock: a probe must not keep a starting app from its lock.
        # Nor does it make the data folder: a question needs none.
        said = _ask(name, request, settings_file)
        deadline = time.monotonic() + _FORWARD_WAIT_S
        while said is None and time.monotonic() < deadline and InstanceLock(
                data_dir).held_elsewhere():
            # The app is starting: its tray icon comes a moment before it listens.
            time.sleep(0.1)
            said = _ask(name, request, settings_file)
        if said is None:
            if request.details:
                print(json.dumps({"running": False}))
            _say(Message("cli", QT_TRANSLATE_NOOP("cli", "StressBreak is not running.")),
                 settings_file)
            return EXIT_NOT_RUNNING
        return said

    # Made before the lock, which locks the folder itself. Not having it does not stop the
    # app: reminders and pauses need no folder, the lock has its place for that case (see
    # services.lock), and the journal says in the tray and `status` why it cannot save.
    with contextlib.suppress(OSError):
        ensure_private_dir(data_dir)
    lock = InstanceLock(data_dir)
    deadline = time.monotonic() + _FORWARD_WAIT_S
    while not lock.acquire():
        # Someone holds the lock: the running app (hand the command over), or a process
        # that is just starting or just ending (then the lock comes free: try again).
        said = _ask(name, Request("show") if args.command == "run" else request, settings_file)
        if said is not None:
            return said
        if time.monotonic() > deadline:
            _say(Message("cli", QT_TRANSLATE_NOOP(
                "cli", "stressbreak: another StressBreak holds the data folder but does not "
                "answer.")), settings_file)
            return EXIT_NOT_DONE
        time.sleep(0.1)

    if request.file is not None:
        return _import_here(Path(request.file), data_dir, settings_file, lock)

    from stressbreak.app.startup import run  # noqa: PLC0415  (Qt is only needed from here on)

    return run(data_dir, settings_file, lock, args.command, heart_rate_file=request.heart_rate_file)


def _recording_readable(file: Path, settings_file: Path) -> bool:
    """Whether a heart-rate recording can be replayed; if not, says why on stderr."""
    from stressbreak.services.heart_replay import RecordingError, read_recording  # noqa: PLC0415

    try:
        read_recording(file)
    except RecordingError as exc:
        _say(message_of(exc), settings_file)
        return False
    return True


def _import_here(file: Path, data_dir: Path, settings_file: Path, lock: InstanceLock) -> int:
    """No StressBreak runs: merge the export into the journal here, holding the lock so that
    none starts meanwhile; what happened on stdout, a problem on stderr. The same words and
    exit status as when the running app does it (YourData.import_path)."""
    from stressbreak.core.export import (  # noqa: PLC0415
        ImportFileError,
        import_report,
        older_than_deletion,
        parse_import,
    )
    from stressbreak.services.journal import Journal, JournalError  # noqa: PLC0415

    problems: list[str] = []
    journal = Journal(data_dir, problems.append)
    try:
        result = parse_import(file.read_text(encoding="utf-8"))
        with contextlib.suppress(JournalError):
            # A folder that cannot be written: the merge says so in the words of an import
            # (nothing lost, run it again), as the running app does, whose start said the
            # folder's problem in the tray. A file with nothing new needs no write at all.
            journal.start()
        merged = journal.merge(result.records)
        deleted = older_than_deletion(merged.new, journal.latest_deletion())
    except (ImportFileError, JournalError) as exc:
        _say(message_of(exc), settings_file)
        return EXIT_NOT_DONE
    except (OSError, UnicodeDecodeError) as exc:
        # The overview's words (context "YourData"), so both say it alike.
        _say(Message("YourData", QT_TRANSLATE_NOOP(
            "YourData", "{file} could not be read ({reason}). Nothing was imported."),
            file=str(file),
            reason=exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)),
            settings_file)
        return EXIT_NOT_DONE
    finally:
        journal.stop()
        lock.release()
    for problem in problems:
        _say(problem, settings_file)
    with _app_language(settings_file):
        from stressbreak.services.i18n import translate_message  # noqa: PLC0415

        print(" ".join(translate_message(sentence) for sentence in import_report(
            str(file), merged.added, merged.already, result.skipped, deleted=deleted)))
    return EXIT_DONE


class _ExportError(Exception):
    """The export cannot be made; args[0] is the Message to show."""


def _export(args: argparse.Namespace, data_dir: Path, settings_file: Path) -> int:
    """Write the export; 2 with a message on stderr when it cannot be made (nothing changes)."""
    from stressbreak.core.export import ExportFormat, export_bytes  # noqa: PLC0415
    from stressbreak.services.localzone import local_zone  # noqa: PLC0415

    zone_problems: list[str] = []
    zone: tzinfo = local_zone(on_problem=zone_problems.append)
    for problem in zone_problems:  # said, and the export goes on in the zone chosen
        _say(problem, settings_file)
    try:
        start, end = _day_range(args.first_day, args.last_day, zone)
        records = _read_journal(data_dir, start, end, settings_file)
        data = export_bytes(records, ExportFormat(args.format), exported_at=datetime.now(zone),
                            app_version=__version__,
                            computers=_computer_names(records, data_dir, settings_file))
        if args.output is None or str(args.output) == "-":
            return _write_stdout(data)
        _write_file(args.output.expanduser(), data)
    except _ExportError as exc:
        _say(exc.args[0], settings_file)
        return EXIT_NOT_DONE
    return EXIT_DONE


def _summary(args: argparse.Namespace, data_dir: Path, settings_file: Path) -> int:
    """What stood out and what helps, read beside a running app as the export is."""
    from stressbreak.core.summary import (  # noqa: PLC0415
        summarise,
        summary_facts,
        summary_lines,
        summary_span,
    )
    from stressbreak.services.localzone import local_zone  # noqa: PLC0415

    zone_problems: list[str] = []
    zone: tzinfo = local_zone(on_problem=zone_problems.append)
    for problem in zone_problems:
        _say(problem, settings_file)
    today = datetime.now(zone).date()
    start, end = summary_span(today, args.weeks, zone)
    try:
        records = _read_journal(data_dir, start, end, settings_file)
    except _ExportError as exc:
        _say(exc.args[0], settings_file)
        return EXIT_NOT_DONE
    if args.json:
        found = summarise(records, today, args.weeks, zone)
        return _write_stdout(
            (json.dumps(summary_facts(found), ensure_ascii=False, indent=1) + "\n").encode())
    with _app_language(settings_file):
        from PySide6.QtCore import QDate, QLocale  # noqa: PLC0415

        from stressbreak.services.i18n import translate_message  # noqa: PLC0415

        locale = QLocale()

        def number(value: float) -> str:
            return locale.toString(value, "f", 1)

        def fraction(value: float) -> str:
            return locale.toString(value, "f", 2)

        def day_name(day: date) -> str:
            return locale.toString(QDate(day.year, day.month, day.day), "d MMM")

        found = summarise(records, today, args.weeks, zone, number=number)
        lines = summary_lines(found, translate_message, day_name, number, fraction)
    # `stressbreak summary | head` is fine: the pipe closed is not an error of ours.
    return _write_stdout(("\n".join(lines) + "\n").encode())


def _report(args: argparse.Namespace, data_dir: Path, settings_file: Path) -> int:
    """The PDF for a coach, read beside a running app as the export is, written as the export
    is: atomically and privately."""
    from stressbreak.core.report import build_report, report_span  # noqa: PLC0415
    from stressbreak.services.localzone import local_zone  # noqa: PLC0415

    zone_problems: list[str] = []
    zone: tzinfo = local_zone(on_problem=zone_problems.append)
    for problem in zone_problems:
        _say(problem, settings_file)
    today = datetime.now(zone).date()
    start, end = report_span(today, args.weeks, zone)
    try:
        records = _read_journal(data_dir, start, end, settings_file)
        with _pdf_fonts(), _app_language(settings_file):
            from PySide6.QtCore import QLocale  # noqa: PLC0415

            from stressbreak.services.report_pdf import report_pdf  # noqa: PLC0415

            locale = QLocale()
            found = build_report(records, today, args.weeks, zone, free_text=args.free_text,
                                 number=lambda value: locale.toString(value, "f", 1))
            data = report_pdf(found, today)
        _write_file(args.output.expanduser(), data, _CANNOT_WRITE_REPORT)
    except _ExportError as exc:
        _say(exc.args[0], settings_file)
        return EXIT_NOT_DONE
    return EXIT_DONE


@contextlib.contextmanager
def _pdf_fonts() -> Iterator[None]:
    """A GUI application for as long as the block runs: laying out text needs its fonts.
    Offscreen, since nothing is shown (and a terminal may have no display at all)."""
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    if QGuiApplication.instance() is not None:
        yield
        return
    app = QGuiApplication(["stressbreak", "-platform", "offscreen"])
    try:
        yield
    finally:
        app.shutdown()


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


def _computer_names(records: list[Record], data_dir: Path,
                    settings_file: Path) -> dict[str, str]:
    """Which computer made each record, by name: from the shared folder the settings name
    and this computer's own name, all only read. Nothing to look up (and nothing imported)
    when no record says where it was made."""
    if all(record.computer is None for record in records):
        return {}
    from stressbreak.core.settings import Settings, read_settings  # noqa: PLC0415
    from stressbreak.services.computer_names import computer_names  # noqa: PLC0415

    try:
        # Read only, quietly: the running app is the one that reports a bad settings file.
        settings = read_settings(settings_file.read_bytes())[0]
    except OSError:
        settings = Settings()
    folder = Path(settings.shared_folder).expanduser() if settings.shared_folder else None
    return computer_names(data_dir, folder, settings.computer_name)


_CANNOT_WRITE_EXPORT = QT_TRANSLATE_NOOP(
    "cli", "stressbreak: cannot write the export to {path}: {reason}")
_CANNOT_WRITE_REPORT = QT_TRANSLATE_NOOP(
    "cli", "stressbreak: cannot write the report to {path}: {reason}")


def _write_file(path: Path, data: bytes, failed: str = _CANNOT_WRITE_EXPORT) -> None:
    from stressbreak.services.files import write_atomic  # noqa: PLC0415

    try:
        # Atomic: an interrupted export never leaves half a file under the user's name; the
        # temp file is created 0600, so the journal's privacy carries over to the export.
        write_atomic(path, data)
    except OSError as exc:
        raise _ExportError(Message(
            "cli", failed, path=str(path), reason=exc.strerror or type(exc).__name__)) from exc


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
    return EXIT_DONE


def _quiet_minutes(text: str, own: Words) -> int:
    try:
        minutes = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(own(QT_TRANSLATE_NOOP(
            "cli", "{text} is not a whole number of minutes")).format(text=repr(text))) from None
    if not 1 <= minutes <= MAX_QUIET_MIN:
        raise argparse.ArgumentTypeError(own(QT_TRANSLATE_NOOP(
            "cli", "{minutes} is not from 1 to {most}")).format(minutes=minutes,
                                                               most=MAX_QUIET_MIN))
    return minutes


def _ask(name: str, request: Request, settings_file: Path) -> int | None:
    """Hand `request` to the running app and say its answer; the exit status, or None when
    nobody is listening (nothing said then).

    The answer is waited for as long as the command's entry says (`answer_within_s`): a
    second for what the app answers from its state, minutes for an import, whose answer
    comes when the merge is done. Past that, the app may still be at it: said, and not done
    as far as this command can tell.
    """
    from stressbreak.services.instance import NoAnswerError  # noqa: PLC0415

    waited_s = COMMANDS[request.command].answer_within_s
    try:
        reply = _send(name, request, waited_s * 1000)
    except NoAnswerError:
        if waited_s % 60 == 0:
            said = Message.counted("cli", QT_TRANSLATE_N_NOOP(
                "cli", "stressbreak: StressBreak is running but did not answer within %n "
                "minutes. It may still be busy with what you asked."), waited_s // 60)
        else:
            said = Message.counted("cli", QT_TRANSLATE_N_NOOP(
                "cli", "stressbreak: StressBreak is running but did not answer within %n "
                "seconds. It may still be busy with what you asked."), waited_s)
        _say(said, settings_file)
        return EXIT_NOT_DONE
    if reply is None:
        return None
    return _print(reply, settings_file, as_json=request.details)


def _send(name: str, request: Request, timeout_ms: int) -> Reply | None:
    """The running app's answer, or None when nobody is listening (NoAnswerError when it did
    not answer in `timeout_ms`)."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from stressbreak.services.instance import send_command  # noqa: PLC0415

    # Qt's local sockets want an application object, even without an event loop. It is shut
    # down again: if this process goes on to become the app, that needs a QApplication.
    owned = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([])
    try:
        return send_command(name, request, timeout_ms=timeout_ms)
    finally:
        if owned:
            app.shutdown()


def _say(text: str, settings_file: Path) -> None:
    """A problem line on stderr, in the language the app itself would use (a Message is
    translated, other text is shown as it is)."""
    from stressbreak.services.i18n import translate_message  # noqa: PLC0415

    with _app_language(settings_file):
        print(translate_message(text), file=sys.stderr)


def _print(reply: Reply, settings_file: Path, *, as_json: bool = False) -> int:
    if isinstance(reply.message, Message):
        # Said on this side of the channel, not by the app: the channel belongs to another
        # user and nothing was sent (services.instance.send_command). In the user's language.
        _say(reply.message, settings_file)
        return EXIT_NOT_RUNNING
    if as_json and reply.data is not None:
        print(json.dumps(reply.data, ensure_ascii=False, indent=1))
    else:
        print(reply.message, file=sys.stdout if reply.ok else sys.stderr)
    # Not ok: the app could not do it (an import), or its answer could not be read.
    return EXIT_DONE if reply.ok else EXIT_NOT_DONE
