"""Command line: start the tray app, or hand a command to the one already running."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stressbreak import __version__
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from stressbreak.services.instance import Reply

COMMAND_HELP = {
    "run": "start StressBreak in the system tray (the default)",
    "pause": "start a breathing pause now",
    "checkin": "open the stress meter now",
    "overview": "open the weekly overview",
    "status": "say when the next pause is due",
    "quit": "quit the running StressBreak",
}
_FORWARD_WAIT_S = 5.0  # a first instance that is still starting gets this long to answer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stressbreak",
        description="A calm micro-pause assistant in the system tray.",
        epilog="Commands: " + "; ".join(f"{k}: {v}" for k, v in COMMAND_HELP.items()),
    )
    parser.add_argument("--version", action="version", version=f"StressBreak {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep the journal and settings in this folder instead of the usual place",
    )
    parser.add_argument("command", nargs="?", default="run", choices=list(COMMAND_HELP))
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
    if args.command in ("status", "quit"):
        # Asking never takes the lock: a probe must not keep a starting app from its lock.
        reply = _send(name, args.command)
        if reply is None:
            _say(Message("cli", QT_TRANSLATE_NOOP("cli", "StressBreak is not running.")),
                 settings_file)
            return 1
        return _print(reply)

    lock = InstanceLock(data_dir)
    deadline = time.monotonic() + _FORWARD_WAIT_S
    while not lock.acquire():
        # Someone holds the lock: the running app (hand the command over), or a process
        # that is just starting or just ending (then the lock comes free: try again).
        reply = _send(name, "show" if args.command == "run" else args.command)
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


def _send(name: str, command: str) -> Reply | None:
    """The running app's answer, or None when nobody is listening."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    from stressbreak.services.instance import send_command  # noqa: PLC0415

    # Qt's local sockets want an application object, even without an event loop. It is shut
    # down again: if this process goes on to become the app, that needs a QApplication.
    owned = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([])
    try:
        return send_command(name, command, timeout_ms=1000)
    finally:
        if owned:
            app.shutdown()


def _say(text: Message, settings_file: Path) -> None:
    """A problem line on stderr, in the language the app itself would use."""
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


def _print(reply: Reply) -> int:
    print(reply.message, file=sys.stdout if reply.ok else sys.stderr)
    return 0 if reply.ok else 1
