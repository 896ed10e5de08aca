"""Where time comes from. Everything that schedules asks an injected Clock."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in the user's local zone."""
        ...


class SystemClock:
    """The real clock. The zone is passed in so that core never looks it up itself."""

    def __init__(self, tz: tzinfo) -> None:
        self._tz = tz

    def now(self) -> datetime:
        return datetime.now(self._tz)
