"""The weekly overview's numbers, computed from journal records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from stressbreak.core.model import CheckIn, PauseOutcome, PauseRecord, Record
from stressbreak.core.timeutil import at_local


@dataclass
class DaySummary:
    day: date
    pauses: dict[PauseOutcome, int] = field(
        default_factory=lambda: dict.fromkeys(PauseOutcome, 0)
    )
    checkins: list[CheckIn] = field(default_factory=list)

    @property
    def reminders(self) -> int:
        return sum(self.pauses.values())


@dataclass
class WeekSummary:
    monday: date
    days: list[DaySummary]

    def total(self, outcome: PauseOutcome) -> int:
        return sum(d.pauses[outcome] for d in self.days)

    @property
    def checkins(self) -> list[CheckIn]:
        return [c for d in self.days for c in d.checkins]

    @property
    def is_empty(self) -> bool:
        return all(d.reminders == 0 and not d.checkins for d in self.days)


def frequent_triggers(checkins: Iterable[CheckIn], limit: int = 50) -> list[str]:
    """The user's own earlier triggers, most frequent first (ties: most recent first), each
    once regardless of case, in the spelling used most recently."""
    counts: dict[str, int] = {}
    latest: dict[str, tuple[datetime, str]] = {}
    for checkin in checkins:
        text = " ".join(checkin.trigger.split())
        if not text:
            continue
        key = text.casefold()
        counts[key] = counts.get(key, 0) + 1
        if key not in latest or checkin.at >= latest[key][0]:
            latest[key] = (checkin.at, text)
    ranked = sorted(counts, key=lambda k: (-counts[k], -latest[k][0].timestamp()))
    return [latest[k][1] for k in ranked[:limit]]


def week_bounds(monday: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """Local midnight Monday up to (not including) local midnight the next Monday."""
    return at_local(monday, time(0), tz), at_local(monday + timedelta(days=7), time(0), tz)


def summarise_week(records: Iterable[Record], monday: date, tz: tzinfo) -> WeekSummary:
    """Count pauses per day and outcome and list check-ins, by the user's local day."""
    days = [DaySummary(monday + timedelta(days=i)) for i in range(7)]
    for record in records:
        index = (record.at.astimezone(tz).date() - monday).days
        if not 0 <= index < 7:
            continue
        if isinstance(record, PauseRecord):
            days[index].pauses[record.outcome] += 1
        else:
            days[index].checkins.append(record)
    for day in days:
        day.checkins.sort(key=lambda c: c.at)
    return WeekSummary(monday, days)
