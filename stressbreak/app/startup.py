"""The one place that builds StressBreak's objects and connects them.

Start-up is ordered for a quick tray icon: the QApplication, the translator and the tray come
first and the event loop starts; everything else (the journal, the scheduler, the command
channel, the windows' logic) is imported and built right after, from the running loop.
"""

from __future__ import annotations

import contextlib
import linecache
import logging
import signal
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

from stressbreak import APP_ID
from stressbreak.services.i18n import Translations, language_setting
from stressbreak.ui.icons import app_icon
from stressbreak.ui.tray import Tray

if TYPE_CHECKING:
    from stressbreak.app.controller import Controller
    from stressbreak.services.heart_sensor import HeartSensorScan
    from stressbreak.services.heart_source import HeartSource
    from stressbreak.services.idle import IdleProbe
    from stressbreak.services.instance import CommandServer
    from stressbreak.services.lock import InstanceLock
    from stressbreak.services.presence import Backends

log = logging.getLogger(__name__)


def run(data_dir: Path, settings_file: Path, lock: InstanceLock, command: str, *,
        heart_rate_file: str | None = None) -> int:
    """Show the tray icon, build the rest from the running loop, run until the user quits.
    `heart_rate_file`: a recording replayed into the pause `command` starts."""
    # The command-line probe shut its QCoreApplication down, so this is the first app object.
    qapp = QApplication(["stressbreak"])
    qapp.setApplicationName("StressBreak")
    qapp.setApplicationDisplayName("StressBreak")
    qapp.setDesktopFileName(APP_ID)  # the Wayland app id: the desktop finds our launcher
    qapp.setQuitOnLastWindowClosed(False)  # the tray is the app, windows come and go
    icon = app_icon()
    qapp.setWindowIcon(icon)
    # Texts are translated when the tray menu and windows are built, so the translator comes
    # first. The Controller loads the settings later and reports any problem in them.
    translations = Translations(qapp, language_setting(settings_file), QLocale.system())
    translations.install()  # `translations` keeps the translators alive while run() runs

    tray = Tray(icon)
    if tray.available():
        tray.show()
    signal_notifier = _quit_on_signals()
    built: list[tuple[Controller, CommandServer]] = []  # kept alive while the loop runs

    def build() -> None:
        forget_module_sources()  # those read while the tray was made, before assemble() imports
        try:
            built.append(assemble(qapp, tray, translations.language, data_dir=data_dir,
                                settings_file=settings_file, command=command,
                                problems=lock.problems, heart_rate_file=heart_rate_file))
        except Exception:
            # Not a dead tray icon holding the lock: say what broke and end.
            log.exception("StressBreak could not start")
            qapp.exit(1)

    QTimer.singleShot(0, build)
    forget_module_sources_as_windows_open(qapp)
    try:
        code = qapp.exec()
        # Windows closed during shutdown are only scheduled for deletion; delete them while
        # Qt is still whole, not during the interpreter's finalisation.
        # QEvent only here: importing it makes PySide6 build its 179-member Type enum.
        from PySide6.QtCore import QEvent  # noqa: PLC0415

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return code
    finally:
        signal.set_wakeup_fd(-1)
        del signal_notifier
        lock.release()


def assemble(
    qapp: QApplication, tray: Tray, language: str, *, data_dir: Path, settings_file: Path,
    command: str, problems: Sequence[str] = (), heart_rate_file: str | None = None,
) -> tuple[Controller, CommandServer]:
    """The app's objects for this process, connected and started; `problems` found before
    there was a tray to tell them in (the instance lock's) are told."""
    # Imported here, after the tray icon is up: together they cost more start-up time than
    # showing the icon itself (TinyDB, APScheduler, the schedule rules, the windows' logic).
    from stressbreak.app.controller import Controller  # noqa: PLC0415
    from stressbreak.app.ports import Collaborators  # noqa: PLC0415
    from stressbreak.core.clock import SystemClock  # noqa: PLC0415
    from stressbreak.core.commands import Request  # noqa: PLC0415
    from stressbreak.services.autostart import (  # noqa: PLC0415
        autostart_command,
        platform_autostart,
    )
    from stressbreak.services.cues import Cues  # noqa: PLC0415
    from stressbreak.services.instance import CommandServer  # noqa: PLC0415
    from stressbreak.services.journal import Journal  # noqa: PLC0415
    from stressbreak.services.localzone import local_zone  # noqa: PLC0415
    from stressbreak.services.lock import server_name  # noqa: PLC0415
    from stressbreak.services.motion import platform_motion  # noqa: PLC0415
    from stressbreak.services.notify import Notifier  # noqa: PLC0415
    from stressbreak.services.prefs_store import PrefsStore  # noqa: PLC0415
    from stressbreak.services.scheduler import Scheduler  # noqa: PLC0415
    from stressbreak.services.settings_store import SettingsStore  # noqa: PLC0415
    from stressbreak.services.shortcuts import PortalShortcuts  # noqa: PLC0415

    forget_module_sources()  # before the objects are made, so that they reuse that memory
    zone_problems: list[str] = []  # told once the app can tell
    tz = local_zone(on_problem=zone_problems.append)
    controller: Controller | None = None

    def on_problem(message: str) -> None:
        if controller is not None:
            controller.notices.tell(message)
        else:
            log.warning("%s", message)

    clock = SystemClock(local_zone)  # asked at each reading: the app follows a new zone
    controller = Controller(Collaborators(
        clock=clock,
        settings_store=SettingsStore(settings_file, on_problem, clock=clock),
        journal=Journal(data_dir, on_problem, clock=clock),
        prefs_store=PrefsStore(data_dir / "prefs.json", on_problem, clock=clock),
        scheduler=Scheduler(tz, zone=local_zone),
        notifier=Notifier("StressBreak", enabled=True),
        cues=Cues(language),
        tray=tray,
        # Which idle-time and presence sources this desktop offers: probed when first
        # needed, not now (it loads libraries and asks the session bus).
        detect_sources=_detect_sources,
        autostart=platform_autostart(),
        autostart_command=autostart_command(),
        # The desktop's wish for less motion, read as each pause opens (not now).
        platform_reduces_motion=platform_motion().reduce_motion,
        # Keys through the desktop's GlobalShortcuts portal: asked only when a window offers
        # them, or at start by a user who chose keys before.
        shortcuts=PortalShortcuts(),
        # This computer's id for a shared folder is kept here (only read when one is set).
        data_dir=data_dir,
        # The heart-rate strap of the settings, made as each pause (or *Find my breathing
        # pace*) starts, and the scan for one in the settings window: QtBluetooth loads only
        # then, so a user without a strap never loads it.
        heart_source=lambda: _strap(controller),
        sensor_scan=_sensor_scan,
    ))
    server = CommandServer(server_name(data_dir), controller.commands.handle, on_problem)
    controller.quit_requested.connect(qapp.quit)
    qapp.aboutToQuit.connect(controller.stop)
    qapp.aboutToQuit.connect(server.stop)
    controller.start()
    for problem in (*problems, *zone_problems):
        controller.notices.tell(problem)
    server.start()
    if command not in ("run", "show"):
        controller.commands.handle(Request(command, heart_rate_file=heart_rate_file))
    return controller, server


def _strap(controller: Controller | None) -> HeartSource | None:
    from stressbreak.core.settings import sensor_address  # noqa: PLC0415

    if controller is None:  # a pause before the app is made: there is none
        return None
    address = sensor_address(controller.settings.current.heart_sensor)
    if not address:
        return None
    from stressbreak.services.heart_sensor import BluetoothHeartSensor  # noqa: PLC0415

    return BluetoothHeartSensor(address)


def _sensor_scan() -> HeartSensorScan:
    from stressbreak.services.heart_sensor import HeartSensorScan  # noqa: PLC0415

    return HeartSensorScan()


def _detect_sources() -> tuple[IdleProbe, Backends]:
    from stressbreak.services.idle import detect_idle_source  # noqa: PLC0415
    from stressbreak.services.presence import detect_backends  # noqa: PLC0415

    try:
        return detect_idle_source(), detect_backends()
    finally:
        forget_module_sources()


def forget_module_sources_as_windows_open(qapp: QApplication) -> None:
    """A window's module is imported when it first opens; its sources go once it has."""
    qapp.focusWindowChanged.connect(lambda *_: QTimer.singleShot(0, forget_module_sources))


def forget_module_sources() -> None:
    """Drop the source lines PySide6 read while modules were imported.

    PySide6 replaces `__import__`, and for its `__feature__` switches it searches every module
    imported after it for the word "PySide6" (shibokensupport's feature.py, with
    `inspect.getsource`). linecache keeps every source it read: about 5 MB of text (our
    modules, APScheduler's, TinyDB's, the standard library's) held for the whole day. PySide6
    remembers its answer for each module, so it never reads them again, and a traceback reads
    its lines from the file afresh. Dropped after each burst of imports: at start-up, after
    the idle and presence probes, and when a window (whose module was just imported) opens.
    """
    linecache.clearcache()


def _quit_on_signals() -> QSocketNotifier:
    """Ctrl+C and `kill` end the app cleanly (a running pause is recorded as ended early).

    Python runs signal handlers only when Python code runs, and Qt's loop may sleep for
    minutes; polling with a timer would cost wake-ups all day. Instead the signal wakes the
    loop through a socket that Qt watches. The quit itself is queued: a signal that comes
    before the loop runs would otherwise be lost (quit() does nothing before exec()).
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    sockets = (reader, writer)  # the closure below keeps both ends open with the notifier

    def drain() -> None:
        with contextlib.suppress(OSError):
            sockets[0].recv(64)

    notifier.activated.connect(drain)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, QCoreApplication.quit))
    return notifier
