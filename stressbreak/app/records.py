"""The journal as the coordinators use it: a write or read that fails is told to the user
(with the journal's own words) and the app goes on.

`add` is the one place the app writes a record of its own, so it is where sharing hooks in
(`share`): while a shared folder is on, each new record carries this computer's id and, once
saved, is handed on (app/sync.py writes the month's segment). Sharing can be turned on and
off while the app runs, so this is set then, not given to the constructor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from stressbreak.app.ports import Journal
from stressbreak.core.messages import message_of
from stressbreak.core.model import Record
from stressbreak.services.journal import JournalError


class Records:
    def __init__(self, journal: Journal, tell: Callable[[str], None]) -> None:
        self.journal = journal
        self._tell = tell
        self._computer: str | None = None
        self._saved: Callable[[Record], None] | None = None

    def share(self, computer: str | None, saved: Callable[[Record], None] | None = None) -> None:
        """From now on, stamp new records with `computer` and hand each saved one to `saved`
        (None, None: sharing is off)."""
        self._computer = computer
        self._saved = saved

    def add(self, record: Record) -> None:
        if self._computer is not None and record.computer is None:
            record = replace(record, computer=self._computer)
        try:
            self.journal.append(record)
        except JournalError as exc:
            self._tell(message_of(exc))
            return
        if self._saved is not None:
            self._saved(record)

    def tell(self, message: str) -> None:
        """Say a journal problem (a Message) the way the journal's own failures are said."""
        self._tell(message)

    def between(self, start: datetime, end: datetime) -> list[Record]:
        """The records from start up to end; none (and the user told) when they can't be read."""
        try:
            return self.journal.records_between(start, end)
        except JournalError as exc:
            self._tell(message_of(exc))
            return []
