"""What the user is told about sharing the journal through a folder: `stressbreak status`'s
section and `--json` object, the settings window's page (a `SharingStatus`), and the check of
a folder just chosen there.

Imported when status is asked or the settings window opens, and the sharing modules
(app/sync.py, services/shared_folder.py) only where a folder is chosen: a user who does not
share loads none of them.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.settings import Settings
from stressbreak.core.sharing import ComputerSeen, FolderCheck, FolderState, SharingStatus
from stressbreak.services.i18n import translate_message
from stressbreak.ui.style import heard_at

if TYPE_CHECKING:
    from stressbreak.app.sync import Sync

_CONTEXT = "Sharing"


def sharing_status(sync: Sync | None, settings: Settings, data_dir: Path | None,
                   now: datetime) -> SharingStatus:
    """The shared folder as it is now. Asking is a moment to look: a running `Sync` checks the
    folder and reads what changed first (one round, as a change in the folder would start)."""
    host = socket.gethostname()
    name = settings.computer_name.strip() or host
    chosen = settings.shared_folder
    if not chosen:
        return SharingStatus("", FolderState.OFF, None, None, name, host, now)
    if sync is None:
        return SharingStatus(chosen, FolderState.REFUSED, _why_refused(chosen, data_dir),
                             None, name, host, now)
    sync.sync_now()
    if sync.available:
        state = FolderState.IN_USE
    else:
        state = FolderState.NOT_WRITABLE if sync.folder.is_dir() else FolderState.MISSING
    seen = sorted((ComputerSeen(cid, info.name, info.written_at)
                   for cid, info in sync.computers().items()),
                  key=lambda computer: (-computer.last_heard.timestamp(), computer.name))
    return SharingStatus(chosen, state, sync.problem, sync.computer_id, name, host, now,
                         tuple(seen), tuple(path.name for path in sync.waiting()))


_NO_ID = Message(_CONTEXT, QT_TRANSLATE_NOOP(
    "Sharing", "StressBreak could not keep this computer's id, so it does not share for now."))


def _why_refused(chosen: str, data_dir: Path | None) -> str:
    if data_dir is None:
        return _NO_ID
    from stressbreak.services.shared_folder import folder_problem  # noqa: PLC0415

    # Else the id could not be kept (said in the tray when the folder was chosen).
    return folder_problem(Path(chosen).expanduser(), data_dir) or _NO_ID


def check_folder(text: str, data_dir: Path | None) -> FolderCheck:
    """A folder just chosen in the settings window: whether it can be the shared folder
    (nothing is made or written to find out)."""
    if data_dir is None:
        return FolderCheck(problem=translate_message(_NO_ID))
    from stressbreak.services.shared_folder import SUBFOLDER, folder_problem  # noqa: PLC0415

    folder = Path(text).expanduser()
    problem = folder_problem(folder, data_dir)
    if problem is not None:
        return FolderCheck(problem=translate_message(problem))
    if not folder.is_dir():
        return FolderCheck(remark=QCoreApplication.translate(_CONTEXT, (
            "{folder} is not there now. StressBreak starts sharing once it is (a drive "
            "mounted, a sync tool done setting up); until then everything stays on this "
            "computer.")).format(folder=text))
    inside = folder / SUBFOLDER
    target = inside if inside.is_dir() else folder
    if not os.access(target, os.W_OK | os.X_OK):
        return FolderCheck(problem=QCoreApplication.translate(_CONTEXT, (
            "StressBreak cannot write to {folder}. Choose a folder you can write to, the one "
            "your sync tool keeps in step.")).format(folder=str(target)))
    return FolderCheck()


def sharing_text(status: SharingStatus, now: datetime) -> str:
    """`stressbreak status`'s section on the shared folder, in the user's language."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(_CONTEXT, text)

    if status.state is FolderState.OFF:
        return tr("Shared folder: none. Your journal stays on this computer.")
    lines = [tr("Shared folder: {folder}").format(folder=status.folder)]
    if status.state is FolderState.IN_USE:
        lines.append("  " + tr("In use: this computer's journal is written there, and what "
                               "your other computers wrote is read from it."))
    else:
        problem = translate_message(status.problem) if status.problem else ""
        lines.append("  " + tr("Not in use now. {problem}").format(problem=problem).strip())
    lines.append("  " + tr("This computer: {name}").format(name=status.computer_name))
    if status.computers:
        lines.append("  " + tr("Other computers there:"))
        lines.extend("    " + tr("{name}, last seen {when}").format(
            name=computer.name, when=heard_at(computer.last_heard, now))
            for computer in status.computers)
    elif status.state is FolderState.IN_USE:
        lines.append("  " + tr("Other computers there: none yet."))
    if status.waiting:
        lines.append("  " + QCoreApplication.translate(
            # A literal context: the translation build finds plural texts by it.
            "Sharing", "%n files still arriving: they are read once they are whole.", "",
            len(status.waiting)))
    return "\n".join(lines)


def sharing_facts(status: SharingStatus, now: datetime) -> dict[str, Any]:
    """`status --json`'s `sharing`: the state as an id, the reason in English, the computers'
    names and when each was last heard of; never what the journal holds."""
    return {
        "folder": status.folder or None,
        "state": status.state.value,
        "problem": str(status.problem) if status.problem else None,
        "computer": {"id": status.computer_id, "name": status.computer_name},
        "computers": [{"id": computer.cid, "name": computer.name,
                       "last_heard": computer.last_heard.astimezone(now.tzinfo).isoformat()}
                      for computer in status.computers],
        "waiting": list(status.waiting),
    }
