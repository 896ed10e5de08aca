"""What the user is shown about sharing the journal through a folder (issue 18): the folder's
state, this computer's name, the other computers seen there and when each was last heard of.
Plain data, built by the app (app/sharing.py) from what `Sync` knows, and shown by
`stressbreak status` and the settings window, which imports no services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class FolderState(StrEnum):
    """How the shared folder is now (its `status --json` value)."""

    OFF = "off"  # no folder chosen: everything stays on this computer
    IN_USE = "in_use"
    MISSING = "missing"  # not there (not mounted, offline): the local journal goes on
    NOT_WRITABLE = "not_writable"  # there, but StressBreak cannot write to it
    REFUSED = "refused"  # cannot be a shared folder at all (a file, the data folder)


@dataclass(frozen=True)
class ComputerSeen:
    """Another computer that writes to the shared folder."""

    cid: str
    name: str
    last_heard: datetime  # when its computer file was last written


@dataclass(frozen=True)
class SharingStatus:
    folder: str  # as chosen in the settings; "" = off
    state: FolderState
    problem: str | None  # why it is not in use, in words (a Message where it is one)
    computer_id: str | None  # this computer's id in the folder (None while not sharing)
    computer_name: str  # this computer's name for the others: the setting, or the host name
    host_name: str
    checked_at: datetime  # when this was found (the others' times are told relative to it)
    computers: tuple[ComputerSeen, ...] = ()  # the others, the most recently heard first
    waiting: tuple[str, ...] = ()  # files in the folder still arriving (names only)


@dataclass(frozen=True)
class FolderCheck:
    """What a folder just chosen in the settings window would do: `problem` (it cannot be
    used: Save waits), or a `remark` worth saying (it is not there yet), or neither."""

    problem: str | None = None
    remark: str | None = None
