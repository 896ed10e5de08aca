"""Typed settings: one declaration gives each key its type, bounds and default.

`parse_settings` never raises on user data: every bad value is replaced by its default and
reported in a message that names the key, so a hand-edited file can't stop the app.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import time
from typing import Any

from stressbreak.core.breathing import DEFAULT_PATTERN, PATTERNS, ROTATE
from stressbreak.core.exercises import BREATHING, EXERCISES
from stressbreak.core.languages import DEFAULT_LANGUAGE, parse_language
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message, message_of
from stressbreak.core.timeutil import parse_hhmm

SCHEMA_VERSION = 1
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_CHECKINS_PER_DAY = 8


@dataclass(frozen=True)
class Settings:
    interval_min: int = 60
    work_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0, as date.weekday()
    work_start: time = time(9, 0)
    work_end: time = time(17, 30)
    checkin_times: tuple[time, ...] = (time(10, 30), time(13, 30), time(16, 0))
    snooze_min: int = 5
    reminder_timeout_s: int = 60
    pause_length_min: int = 1
    breathing_pattern: str = DEFAULT_PATTERN
    exercise: str = BREATHING  # or "rotate", or one exercise id
    checkin_after_pause: bool = True
    native_notifications: bool = True
    reduced_motion: bool = False
    sound_cues: bool = False  # a soft chime as each breath in and out begins
    spoken_cues: bool = False  # the phase or prompt spoken, for eyes-closed pauses
    followup_enabled: bool = True
    followup_tension: int = 7  # a check-in at or above this offers one extra pause later
    language: str = DEFAULT_LANGUAGE  # "system" follows the desktop; "nl" or "en" overrides


def _int_in(low: int, high: int) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "expected a whole number from {low} to {high}, got {value}"),
                low=low, high=high, value=repr(value)))
        if not low <= value <= high:
            raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "must be from {low} to {high}, got {value}"),
                low=low, high=high, value=value))
        return value

    return parse


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected true or false, got {value}"), value=repr(value)))
    return value


def _time(value: Any) -> time:
    if not isinstance(value, str):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a time as \"HH:MM\", got {value}"), value=repr(value)))
    return parse_hhmm(value)


def _times(value: Any) -> tuple[time, ...]:
    if not isinstance(value, list):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a list of times like [\"10:30\", \"16:00\"], got {value}"),
            value=repr(value)))
    if len(value) > MAX_CHECKINS_PER_DAY:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "at most {count} times a day"), count=MAX_CHECKINS_PER_DAY))
    return tuple(sorted({_time(v) for v in value}))


def _days(value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a list of days like [\"mon\", \"tue\"], got {value}"),
            value=repr(value)))
    unknown = [v for v in value if v.lower() not in DAY_NAMES]
    if unknown:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown day {day}; use {days}"),
            day=repr(unknown[0]), days=", ".join(DAY_NAMES)))
    return tuple(sorted({DAY_NAMES.index(v.lower()) for v in value}))


def _pattern(value: Any) -> str:
    if value != ROTATE and value not in PATTERNS:
        choices = ", ".join([*PATTERNS, ROTATE])
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown pattern {value}; choose one of {choices}"),
            value=repr(value), choices=choices))
    return str(value)


def _exercise(value: Any) -> str:
    if value != ROTATE and value not in EXERCISES:
        choices = ", ".join([*EXERCISES, ROTATE])
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown exercise {value}; choose one of {choices}"),
            value=repr(value), choices=choices))
    return str(value)


PARSERS: dict[str, Callable[[Any], Any]] = {
    "interval_min": _int_in(5, 240),
    "work_days": _days,
    "work_start": _time,
    "work_end": _time,
    "checkin_times": _times,
    "snooze_min": _int_in(1, 60),
    "reminder_timeout_s": _int_in(10, 600),
    "pause_length_min": _int_in(1, 5),
    "breathing_pattern": _pattern,
    "exercise": _exercise,
    "checkin_after_pause": _bool,
    "native_notifications": _bool,
    "reduced_motion": _bool,
    "sound_cues": _bool,
    "spoken_cues": _bool,
    "followup_enabled": _bool,
    "followup_tension": _int_in(1, 10),
    "language": parse_language,
}
assert set(PARSERS) == {f.name for f in fields(Settings)}, "every setting needs a parser"


def parse_settings(raw: Any) -> tuple[Settings, list[str]]:
    """Settings from a loaded JSON value, plus one readable message per problem found."""
    defaults = Settings()
    if not isinstance(raw, dict):
        return defaults, [Message("settings", QT_TRANSLATE_NOOP(
            "settings", "the settings file must hold a JSON object; all defaults are used"))]
    problems: list[str] = []
    version = raw.get("version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        problems.append(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "'version': this StressBreak reads settings version {ours}, the file "
            "says {theirs}; values it understands are still used"),
            ours=SCHEMA_VERSION, theirs=repr(version)))
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "version":
            continue
        parser = PARSERS.get(key)
        if parser is None:
            problems.append(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "{key}: unknown setting, ignored"), key=repr(key)))
            continue
        try:
            values[key] = parser(value)
        except ValueError as exc:
            default = _show(key, getattr(defaults, key))
            problems.append(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "{key}: {problem}; the default {default} is used"),
                key=repr(key), problem=message_of(exc), default=default))
    start = values.get("work_start", defaults.work_start)
    end = values.get("work_end", defaults.work_end)
    if end <= start:
        problems.append(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "'work_end' ({end}) must be later than 'work_start' ({start}); the "
            "defaults {first}–{last} are used"),
            end=f"{end:%H:%M}", start=f"{start:%H:%M}", first=f"{defaults.work_start:%H:%M}",
            last=f"{defaults.work_end:%H:%M}"))
        values.pop("work_start", None)
        values.pop("work_end", None)
    return Settings(**values), problems


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The JSON form, as a person would write it by hand."""
    out: dict[str, Any] = {"version": SCHEMA_VERSION}
    for f in fields(Settings):
        out[f.name] = _to_json(f.name, getattr(settings, f.name))
    return out


def _to_json(key: str, value: Any) -> Any:
    if key == "work_days":
        return [DAY_NAMES[d] for d in value]
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, tuple):
        return [f"{v:%H:%M}" for v in value]
    return value


def _show(key: str, value: Any) -> str:
    return json.dumps(_to_json(key, value))
