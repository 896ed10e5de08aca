"""Where time comes from. Everything that schedules asks an injected Clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in the user's local zone."""
        ...


class SystemClock:
    """The real clock, in the computer's zone as `zone` says it at each reading.

    Asked every time (a few microseconds: an environment lookup and a link), so that the app
    follows a change of the computer's zone while it runs: working hours and stress-meter
    times are wall-clock times of the zone the person is in now. Times read before keep their
    own zone and name the same instants. The zone is passed in so that core never looks it up
    itself.
    """

    def __init__(self, zone: Callable[[], tzinfo]) -> None:
        self._zone = zone

    def now(self) -> datetime:
        return datetime.now(self._zone())
