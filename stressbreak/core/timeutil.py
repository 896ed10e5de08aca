"""Small time helpers shared by the schedule rules and the statistics."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message


def add_real(when: datetime, delta: timedelta) -> datetime:
    """`when + delta` in elapsed time, so that an hour across a DST change is 60 real minutes.

    Python adds timedeltas to aware datetimes in wall-clock time, which is wrong for intervals.
    """
    tz = when.tzinfo
    return (when.astimezone(UTC) + delta).astimezone(tz)


def at_local(day: date, wall: time, tz: tzinfo | None) -> datetime:
    """The instant when the local wall clock shows `wall` on `day` (normalised through UTC)."""
    return datetime.combine(day, wall, tzinfo=tz).astimezone(UTC).astimezone(tz)


def week_start(day: date) -> date:
    """Monday of the ISO week that holds `day`."""
    return day - timedelta(days=day.weekday())


def parse_hhmm(text: str) -> time:
    """Parse "HH:MM" strictly (24-hour clock); raises ValueError with a readable message."""
    parts = text.split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "{text} is not a time written as HH:MM"), text=repr(text)))
    hour, minute = int(parts[0]), int(parts[1])
    if hour > 23 or minute > 59:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "{text} is not a time of day"), text=repr(text)))
    return time(hour, minute)
