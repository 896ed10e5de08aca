"""The journal as the coordinators use it: a write or read that fails is told to the user
(with the journal's own words) and the app goes on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from stressbreak.app.ports import Journal
from stressbreak.core.messages import message_of
from stressbreak.core.model import Record
from stressbreak.services.journal import JournalError


class Records:
    def __init__(self, journal: Journal, tell: Callable[[str], None]) -> None:
        self.journal = journal
        self._tell = tell

    def add(self, record: Record) -> None:
        try:
            self.journal.append(record)
        except JournalError as exc:
            self._tell(message_of(exc))

    def between(self, start: datetime, end: datetime) -> list[Record]:
        """The records from start up to end; none (and the user told) when they can't be read."""
        try:
            return self.journal.records_between(start, end)
        except JournalError as exc:
            self._tell(message_of(exc))
            return []
