"""Typed settings: one declaration gives each key its type, bounds, default, label and help.

Each field of `Settings` is declared with `setting(...)`, which keeps its default where Python
expects it and carries the rest (kind, bounds, choices, group, label, help) as the field's
metadata. `SETTINGS_SPEC`, the file parsers and the settings dialog are all derived from it, so
a new setting is added in exactly one place.

`parse_settings` never raises on user data: every bad value is replaced by its default and
reported in a message that names the key, so a hand-edited file can't stop the app.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import time
from enum import StrEnum
from typing import Any, TypeVar

from stressbreak.core.breathing import DEFAULT_PATTERN, PATTERNS, ROTATE
from stressbreak.core.exercises import BREATHING, EXERCISES, ORDER
from stressbreak.core.languages import DEFAULT_LANGUAGE, LANGUAGES, parse_language
from stressbreak.core.lenient_json import Lost, salvage_object
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message, message_of
from stressbreak.core.timeutil import parse_hhmm

SCHEMA_VERSION = 1
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_CHECKINS_PER_DAY = 8
CONTEXT = "settings"  # the translation context of every label, help text and problem here

T = TypeVar("T")


class Kind(StrEnum):
    """What sort of value a setting holds; the dialog picks its control from this."""

    INT = "int"
    BOOL = "bool"
    TIME = "time"  # one clock time, "HH:MM" in the file
    TIMES = "times"  # a sorted set of clock times
    DAYS = "days"  # weekdays, Monday = 0 as date.weekday()
    CHOICE = "choice"  # one of a fixed list of ids
    TEXT = "text"  # a line of text (a name)
    FOLDER = "folder"  # a folder's full path, typed or chosen ("" = none)
    SENSOR = "sensor"  # a heart-rate strap, "ADDRESS Name", chosen from a scan ("" = none)


class Group(StrEnum):
    """The pages of the settings dialog, in the order they are shown."""

    SCHEDULE = "schedule"
    PAUSE = "pause"
    REMINDERS = "reminders"
    SOUND = "sound"
    LANGUAGE = "language"
    NEIGHBOUR = "neighbour"
    SHARING = "sharing"


GROUP_LABELS: dict[Group, str] = {
    Group.SCHEDULE: QT_TRANSLATE_NOOP("settings", "Schedule"),
    Group.PAUSE: QT_TRANSLATE_NOOP("settings", "Pause"),
    Group.REMINDERS: QT_TRANSLATE_NOOP("settings", "Reminders"),
    Group.SOUND: QT_TRANSLATE_NOOP("settings", "Sound"),
    Group.LANGUAGE: QT_TRANSLATE_NOOP("settings", "Look and language"),
    Group.NEIGHBOUR: QT_TRANSLATE_NOOP("settings", "Login and interruptions"),
    Group.SHARING: QT_TRANSLATE_NOOP("settings", "Other computers"),
}


class Unit(StrEnum):
    """The unit an INT setting counts in (its key ends in the same suffix)."""

    NONE = ""
    MINUTES = "min"
    SECONDS = "s"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    context: str | None = CONTEXT  # where `label` is translated; None: shown as written


@dataclass(frozen=True)
class SettingSpec:
    """Everything known about one setting. `parse` turns the file's JSON value into the typed
    value or raises ValueError with a Message; the dialog checks typed values with the same
    rules (see `field_problem`)."""

    key: str
    kind: Kind
    default: Any
    group: Group
    label: str  # English, marked with QT_TRANSLATE_NOOP("settings", …)
    help: str
    parse: Callable[[Any], Any]
    low: int | None = None  # INT only: inclusive bounds
    high: int | None = None
    unit: Unit = Unit.NONE
    choices: tuple[Choice, ...] = ()  # CHOICE only, in the order they are offered
    enabled_by: str | None = None  # a BOOL setting without which this one does nothing


@dataclass(frozen=True)
class _Declared:
    """What `setting` stores in a field's metadata until the key and default are known."""

    kind: Kind
    group: Group
    label: str
    help: str
    low: int | None
    high: int | None
    unit: Unit
    choices: tuple[Choice, ...]
    parse: Callable[[Any], Any] | None
    enabled_by: str | None


_DECLARED = "stressbreak.setting"


def setting(
    default: T,
    kind: Kind,
    group: Group,
    label: str,
    help: str = "",
    *,
    low: int | None = None,
    high: int | None = None,
    unit: Unit = Unit.NONE,
    choices: tuple[Choice, ...] = (),
    parse: Callable[[Any], Any] | None = None,
    enabled_by: str | None = None,
) -> T:
    """A `Settings` field: its default, and its declaration as the field's metadata."""
    declared = _Declared(kind, group, label, help, low, high, unit, choices, parse, enabled_by)
    return field(default=default, metadata={_DECLARED: declared})


# --- parsers: the file's JSON value -> the typed value, or ValueError with a Message ----------


class OutOfRangeError(ValueError):
    """A whole number outside its setting's bounds. The file and the window name it each in
    their own words (`parse_settings`, `field_problem`), so it carries the facts; its message
    is the plain English for anyone else who catches a ValueError."""

    def __init__(self, value: int, low: int, high: int, unit: Unit) -> None:
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        super().__init__(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "must be {range}; it is {value}"),
            range=range_text(low, high, unit), value=value))


def range_text(low: int, high: int, unit: Unit) -> Message:
    """"from 5 to 240 minutes": a setting's bounds with its unit, as the user reads them."""
    if unit is Unit.MINUTES:
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "from {low} to {high} minutes"), low=low, high=high)
    if unit is Unit.SECONDS:
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "from {low} to {high} seconds"), low=low, high=high)
    return Message("settings", QT_TRANSLATE_NOOP(
        "settings", "from {low} to {high}"), low=low, high=high)


def _int_in(low: int, high: int, unit: Unit = Unit.NONE) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "expected a whole number from {low} to {high}, got {value}"),
                low=low, high=high, value=repr(value)))
        if not low <= value <= high:
            # Never moved to the nearest bound: the user is told, and the default is used.
            raise OutOfRangeError(value, low, high, unit)
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
    # The type first: a list or object is unhashable, and `in` a dict would raise TypeError.
    if not isinstance(value, str) or (value != ROTATE and value not in PATTERNS):
        choices = ", ".join([*PATTERNS, ROTATE])
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown pattern {value}; choose one of {choices}"),
            value=repr(value), choices=choices))
    return str(value)


TRAY_ICON_STYLES = ("colour", "light", "dark")


def _tray_icon(value: Any) -> str:
    if not isinstance(value, str) or value not in TRAY_ICON_STYLES:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown tray icon {value}; choose one of {choices}"),
            value=repr(value), choices=", ".join(TRAY_ICON_STYLES)))
    return value


TRAY_ICON_CHOICES: tuple[Choice, ...] = (
    Choice("colour", QT_TRANSLATE_NOOP("settings", "In colour"), "settings"),
    Choice("light", QT_TRANSLATE_NOOP("settings", "White (for a dark panel)"), "settings"),
    Choice("dark", QT_TRANSLATE_NOOP("settings", "Black (for a light panel)"), "settings"),
)


MOTION_SYSTEM = "system"  # follow the platform's preference (no answer: full motion)
MOTION_ON = "on"  # always less motion
MOTION_OFF = "off"  # always full motion
MOTION_VALUES = (MOTION_SYSTEM, MOTION_ON, MOTION_OFF)


def _motion(value: Any) -> str:
    """One of "system", "on" and "off". Files from before this choice hold a bool: `true` was
    the user asking for less motion ("on"); `false` was only the default, never a wish for
    motion, so it now follows the platform ("system")."""
    if isinstance(value, bool):
        return MOTION_ON if value else MOTION_SYSTEM
    if not isinstance(value, str) or value not in MOTION_VALUES:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown motion choice {value}; choose one of {choices}"),
            value=repr(value), choices=", ".join(MOTION_VALUES)))
    return value


MOTION_CHOICES: tuple[Choice, ...] = (
    Choice(MOTION_SYSTEM, QT_TRANSLATE_NOOP("settings", "As on this computer")),
    Choice(MOTION_ON, QT_TRANSLATE_NOOP("settings", "Always: the circle stays still")),
    Choice(MOTION_OFF, QT_TRANSLATE_NOOP("settings", "Never: the circle grows and shrinks")),
)


def motion_is_reduced(choice: str, platform_reduces_motion: Callable[[], bool | None]) -> bool:
    """Whether a pause shows less motion: "on" always, "off" never, "system" when the platform
    asks for it. The platform is asked only for "system"; no answer (None) means full motion."""
    if choice == MOTION_ON:
        return True
    if choice == MOTION_OFF:
        return False
    return platform_reduces_motion() is True


def _exercise(value: Any) -> str:
    # The type first: a list or object is unhashable, and `in` a dict would raise TypeError.
    # ORDER, not EXERCISES: the evening wind-down is no choice for a daytime pause.
    if not isinstance(value, str) or (value != ROTATE and value not in ORDER):
        choices = ", ".join([*ORDER, ROTATE])
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "unknown exercise {value}; choose one of {choices}"),
            value=repr(value), choices=choices))
    return str(value)


MAX_COMPUTER_NAME = 64


def _shared_folder(value: Any) -> str:
    """Empty (not sharing) or a full path; "~/…" is the user's home. Whether it is a folder, and
    not StressBreak's own data folder, is asked when sharing starts (services/shared_folder,
    folder_problem): core reads no files."""
    if not isinstance(value, str) or any(ord(c) < 32 for c in value):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a folder's path as text, got {value}"), value=repr(value)))
    text = value.strip()
    if text and not (text.startswith(("/", "~/", "\\\\")) or text == "~"
                     or (len(text) > 2 and text[1] == ":" and text[2] in "/\\")):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "The shared folder has to be a full path, such as /home/anna/Sync; "
            "{value} is not one."), value=text))
    return text


# A Bluetooth device address as BlueZ and Windows give it; on macOS CoreBluetooth gives a
# UUID of its own instead (no address is ever shown there).
_DEVICE_ADDRESS = re.compile(
    r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|\{?[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}?")


def _heart_sensor(value: Any) -> str:
    """Empty (no strap) or a strap's address and the name it gave, "A0:9E:1A:12:34:56 Polar
    H10 1A2B3C4D", as the settings window's scan writes it; the address is what counts."""
    if not isinstance(value, str) or any(ord(c) < 32 for c in value):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a heart-rate strap as text, got {value}"), value=repr(value)))
    text = " ".join(value.split())
    if text and not _DEVICE_ADDRESS.fullmatch(text.split(" ", 1)[0]):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "A heart-rate strap is written as its Bluetooth address and its name, "
                        "such as A0:9E:1A:12:34:56 Polar H10; {value} does not begin with an "
                        "address. Choose the strap again in Settings."), value=text))
    return text


def sensor_address(value: str) -> str:
    """The address part of a `heart_sensor` value ("" for none)."""
    return value.split(" ", 1)[0] if value else ""


def sensor_name(value: str) -> str:
    """The name part of a `heart_sensor` value, or its address when the strap gave none."""
    parts = value.split(" ", 1)
    return parts[1] if len(parts) == 2 else parts[0]


def _computer_name(value: Any) -> str:
    if not isinstance(value, str) or any(ord(c) < 32 for c in value):
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "expected a name as text, got {value}"), value=repr(value)))
    if len(value.strip()) > MAX_COMPUTER_NAME:
        raise ValueError(Message("settings", QT_TRANSLATE_NOOP(
            "settings", "A computer's name can be at most {count} characters long."),
            count=MAX_COMPUTER_NAME))
    return value.strip()


# --- the choices, from the catalogues they choose from ---------------------------------------

_PATTERN_NAMES: dict[str, str] = {
    "coherent": QT_TRANSLATE_NOOP("settings", "Slow and even (5.5 s in, 5.5 s out)"),
    "sigh": QT_TRANSLATE_NOOP("settings", "Sighing out (in, a little more in, long out)"),
    "longexhale": QT_TRANSLATE_NOOP("settings", "Longer out (4 s in, 6 s out)"),
    "box": QT_TRANSLATE_NOOP("settings", "Box, with holds (4 s each)"),
    # The paces *Find my breathing pace* tries; it offers the one that suited the user.
    "pace-6.5": QT_TRANSLATE_NOOP("settings", "Your own pace: 6.5 breaths a minute "
                                              "(4.6 s in, 4.6 s out)"),
    "pace-6": QT_TRANSLATE_NOOP("settings", "Your own pace: 6 breaths a minute "
                                            "(5 s in, 5 s out)"),
    "pace-5.5": QT_TRANSLATE_NOOP("settings", "Your own pace: 5.5 breaths a minute "
                                              "(5.5 s in, 5.5 s out)"),
    "pace-5": QT_TRANSLATE_NOOP("settings", "Your own pace: 5 breaths a minute "
                                            "(6 s in, 6 s out)"),
    "pace-4.5": QT_TRANSLATE_NOOP("settings", "Your own pace: 4.5 breaths a minute "
                                              "(6.7 s in, 6.7 s out)"),
}
assert set(_PATTERN_NAMES) == set(PATTERNS), "every breathing pattern needs a name here"
PATTERN_CHOICES: tuple[Choice, ...] = (
    *(Choice(pid, _PATTERN_NAMES[pid]) for pid in PATTERNS),
    Choice(ROTATE, QT_TRANSLATE_NOOP("settings", "Each pattern without holds in turn")),
)
EXERCISE_CHOICES: tuple[Choice, ...] = (
    *(Choice(e, EXERCISES[e].title, "exercises") for e in ORDER),
    Choice(ROTATE, QT_TRANSLATE_NOOP("settings", "Each exercise in turn")),
)
_LANGUAGE_NAMES: dict[str, Choice] = {
    "system": Choice("system", QT_TRANSLATE_NOOP("settings", "As on this computer")),
    # A language is offered in its own name, so it can be found from any interface language.
    "nl": Choice("nl", "Nederlands", None),
    "en": Choice("en", "English", None),
}
LANGUAGE_CHOICES: tuple[Choice, ...] = tuple(_LANGUAGE_NAMES[code] for code in LANGUAGES)


@dataclass(frozen=True)
class Settings:
    # --- schedule -------------------------------------------------------------------------
    interval_min: int = setting(
        60, Kind.INT, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Time between pauses"),
        QT_TRANSLATE_NOOP("settings", "How long you work before a pause is offered."),
        low=5, high=240, unit=Unit.MINUTES)
    work_days: tuple[int, ...] = setting(
        (0, 1, 2, 3, 4), Kind.DAYS, Group.SCHEDULE,  # Monday = 0, as date.weekday()
        QT_TRANSLATE_NOOP("settings", "Working days"),
        QT_TRANSLATE_NOOP("settings", "Pauses and the stress meter come only on these days."),
        parse=_days)
    # setting() returns a dataclasses.field, which ruff cannot see through for a `time`.
    work_start: time = setting(  # noqa: RUF009
        time(9, 0), Kind.TIME, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Working day starts at"), parse=_time)
    work_end: time = setting(  # noqa: RUF009
        time(17, 30), Kind.TIME, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Working day ends at"),
        QT_TRANSLATE_NOOP("settings", "Outside these hours StressBreak stays quiet."),
        parse=_time)
    checkin_times: tuple[time, ...] = setting(
        (time(10, 30), time(13, 30), time(16, 0)), Kind.TIMES, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Stress meter at"),
        QT_TRANSLATE_NOOP("settings", "When the stress meter asks how you are, up to eight "
                                      "times a day. With no times it only comes when you "
                                      "open it."),
        parse=_times)
    day_ratings: bool = setting(
        True, Kind.BOOL, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Ask about sleep, energy and focus"),
        QT_TRANSLATE_NOOP("settings", "The day's first stress meter begins by asking how you "
                                      "slept and how your energy and focus are, 1 to 5. "
                                      "Skipping is always fine. Over the weeks you can see "
                                      "how they change."))
    wind_down: bool = setting(
        False, Kind.BOOL, Group.SCHEDULE,  # off: only those who sleep badly ask for it
        QT_TRANSLATE_NOOP("settings", "An evening minute to wind down"),
        QT_TRANSLATE_NOOP("settings", "Every evening, on any day of the week, one calm "
                                      "minute is offered to breathe out slowly and let the "
                                      "day go. It may help when sleep does not come easily."))
    wind_down_at: time = setting(  # noqa: RUF009
        time(21, 30), Kind.TIME, Group.SCHEDULE,
        QT_TRANSLATE_NOOP("settings", "Evening minute at"),
        QT_TRANSLATE_NOOP("settings", "Offered once, at this time."),
        parse=_time, enabled_by="wind_down")
    # --- pause ----------------------------------------------------------------------------
    pause_length_min: int = setting(
        1, Kind.INT, Group.PAUSE,
        QT_TRANSLATE_NOOP("settings", "Pause length"), low=1, high=5, unit=Unit.MINUTES)
    exercise: str = setting(
        BREATHING, Kind.CHOICE, Group.PAUSE,  # or "rotate", or one exercise id
        QT_TRANSLATE_NOOP("settings", "Exercise"),
        QT_TRANSLATE_NOOP("settings", "What a pause offers: breathing, another exercise, or "
                                      "each of them in turn."),
        choices=EXERCISE_CHOICES, parse=_exercise)
    breathing_pattern: str = setting(
        DEFAULT_PATTERN, Kind.CHOICE, Group.PAUSE,
        QT_TRANSLATE_NOOP("settings", "Breathing pattern"),
        QT_TRANSLATE_NOOP("settings", "If you feel light-headed, stop and breathe normally. "
                                      "With a heart or lung condition, or when pregnant, "
                                      "choose a pattern without holds. Box breathing comes "
                                      "only when you choose it."),
        choices=PATTERN_CHOICES, parse=_pattern)
    checkin_after_pause: bool = setting(
        True, Kind.BOOL, Group.PAUSE,
        QT_TRANSLATE_NOOP("settings", "Offer the stress meter after a pause"))
    reduced_motion: str = setting(
        MOTION_SYSTEM, Kind.CHOICE, Group.PAUSE,  # "system", "on" or "off" (see _motion)
        QT_TRANSLATE_NOOP("settings", "Less motion"),
        QT_TRANSLATE_NOOP("settings", "“As on this computer” follows your system's choice to "
                                      "reduce motion or switch animations off; if it does not "
                                      "say, the circle grows and shrinks. With less motion the "
                                      "circle stays still and a ring fills calmly instead; the "
                                      "words still give the rhythm."),
        choices=MOTION_CHOICES, parse=_motion)
    followup_enabled: bool = setting(
        True, Kind.BOOL, Group.PAUSE,
        QT_TRANSLATE_NOOP("settings", "After a tense moment, offer one more pause later"))
    followup_tension: int = setting(
        7, Kind.INT, Group.PAUSE,  # a check-in at or above this offers one extra pause later
        QT_TRANSLATE_NOOP("settings", "From a tension of"),
        QT_TRANSLATE_NOOP("settings", "A stress meter with this tension or more (0 to 10) "
                                      "offers one more pause a little later."),
        low=1, high=10, enabled_by="followup_enabled")
    heart_sensor: str = setting(
        "", Kind.SENSOR, Group.PAUSE,  # "" = none; else "ADDRESS Name" (see _heart_sensor)
        QT_TRANSLATE_NOOP("settings", "Heart-rate strap"),
        QT_TRANSLATE_NOOP("settings", "A Bluetooth chest strap (heart rate service) shows your "
                                      "heart's rhythm under the circle during a pause. It "
                                      "connects as a pause starts; without it the pause is the "
                                      "same as always. Nothing leaves this computer. "
                                      "StressBreak is not a medical device."),
        parse=_heart_sensor)
    # --- reminders ------------------------------------------------------------------------
    snooze_min: int = setting(
        5, Kind.INT, Group.REMINDERS,
        QT_TRANSLATE_NOOP("settings", "Snooze for"), low=1, high=60, unit=Unit.MINUTES)
    reminder_timeout_s: int = setting(
        60, Kind.INT, Group.REMINDERS,
        QT_TRANSLATE_NOOP("settings", "A reminder stays for"),
        QT_TRANSLATE_NOOP("settings", "Then it goes away by itself, and the journal notes "
                                      "that the pause went by. That is information, not a "
                                      "judgement."),
        low=10, high=600, unit=Unit.SECONDS)
    native_notifications: bool = setting(
        True, Kind.BOOL, Group.REMINDERS,
        QT_TRANSLATE_NOOP("settings", "Also send a desktop notification"))
    gentle_timing: bool = setting(
        True, Kind.BOOL, Group.REMINDERS,
        QT_TRANSLATE_NOOP("settings", "Wait until you stop typing"),
        QT_TRANSLATE_NOOP("settings", "A reminder waits for a few seconds without typing, "
                                      "so it does not cut into a sentence."))
    gentle_max_wait_s: int = setting(
        60, Kind.INT, Group.REMINDERS,
        QT_TRANSLATE_NOOP("settings", "Wait at most"),
        QT_TRANSLATE_NOOP("settings", "After this the reminder comes anyway."),
        low=0, high=300, unit=Unit.SECONDS, enabled_by="gentle_timing")
    # --- sound ----------------------------------------------------------------------------
    sound_cues: bool = setting(
        False, Kind.BOOL, Group.SOUND,  # a soft chime as each breath in and out begins
        QT_TRANSLATE_NOOP("settings", "A soft tone as each breath begins"))
    spoken_cues: bool = setting(
        False, Kind.BOOL, Group.SOUND,  # the phase or prompt spoken, for eyes-closed pauses
        QT_TRANSLATE_NOOP("settings", "Speak the steps aloud"),
        QT_TRANSLATE_NOOP("settings", "So you can keep your eyes closed during a pause."))
    # --- language -------------------------------------------------------------------------
    language: str = setting(
        DEFAULT_LANGUAGE, Kind.CHOICE, Group.LANGUAGE,  # "system" follows the desktop
        QT_TRANSLATE_NOOP("settings", "Language"),
        QT_TRANSLATE_NOOP("settings", "A new language shows the next time StressBreak "
                                      "starts."),
        choices=LANGUAGE_CHOICES, parse=parse_language)
    tray_icon: str = setting(
        "colour", Kind.CHOICE, Group.LANGUAGE,
        QT_TRANSLATE_NOOP("settings", "Tray icon"),
        QT_TRANSLATE_NOOP("settings", "A one-colour icon fits panels that show all their icons "
                                      "in one colour. On macOS the menu bar always gets one."),
        choices=TRAY_ICON_CHOICES, parse=_tray_icon)
    # --- being a good neighbour on the desktop -------------------------------------------
    start_at_login: bool = setting(
        False, Kind.BOOL, Group.NEIGHBOUR,
        QT_TRANSLATE_NOOP("settings", "Start StressBreak when you log in"))
    natural_breaks: bool = setting(
        True, Kind.BOOL, Group.NEIGHBOUR,
        QT_TRANSLATE_NOOP("settings", "Count time away as a pause"),
        QT_TRANSLATE_NOOP("settings", "Away from keyboard and mouse for at least as long as "
                                      "a pause? Then you had your pause, and the next one "
                                      "counts from your return."))
    dnd_fullscreen: bool = setting(
        True, Kind.BOOL, Group.NEIGHBOUR,
        QT_TRANSLATE_NOOP("settings", "Quiet during full-screen use"),
        QT_TRANSLATE_NOOP("settings", "While a full-screen window has the focus, such as a "
                                      "presentation or a film, reminders wait."))
    dnd_desktop: bool = setting(
        True, Kind.BOOL, Group.NEIGHBOUR,
        QT_TRANSLATE_NOOP("settings", "Follow the desktop's do-not-disturb"))
    meeting_aware: bool = setting(
        True, Kind.BOOL, Group.NEIGHBOUR,
        QT_TRANSLATE_NOOP("settings", "Quiet during calls"),
        QT_TRANSLATE_NOOP("settings", "While the microphone or camera is in use, reminders "
                                      "wait. After the call you are offered a pause."))
    # --- other computers (issue 18) -------------------------------------------------------
    shared_folder: str = setting(
        "", Kind.FOLDER, Group.SHARING,  # "" = not shared
        QT_TRANSLATE_NOOP("settings", "Shared folder"),
        QT_TRANSLATE_NOOP("settings", "Choose a folder that your own sync tool (Syncthing, "
                                      "Nextcloud, Dropbox, OneDrive, iCloud Drive) keeps in "
                                      "step across your computers. StressBreak writes this "
                                      "computer's journal into a folder of its own there and "
                                      "reads what your other computers wrote, so each of them "
                                      "shows all of it. Your sync tool carries these files and "
                                      "can see them; StressBreak itself sends nothing anywhere. "
                                      "Empty: everything stays on this computer."),
        parse=_shared_folder)
    computer_name: str = setting(
        "", Kind.TEXT, Group.SHARING,  # "" = the host name
        QT_TRANSLATE_NOOP("settings", "This computer's name"),
        QT_TRANSLATE_NOOP("settings", "The name your other computers show for this one. "
                                      "Empty: its network name."),
        parse=_computer_name)


def _parser_of(key: str, declared: _Declared) -> Callable[[Any], Any]:
    if declared.parse is not None:
        return declared.parse
    if declared.kind is Kind.BOOL:
        return _bool
    if declared.kind is Kind.INT and declared.low is not None and declared.high is not None:
        return _int_in(declared.low, declared.high, declared.unit)
    raise TypeError(f"setting {key!r} ({declared.kind}) needs bounds or a parser")


def _declaration() -> tuple[SettingSpec, ...]:
    specs = []
    for f in fields(Settings):
        declared = f.metadata.get(_DECLARED)
        if not isinstance(declared, _Declared):
            raise TypeError(f"Settings.{f.name} is not declared with setting(...)")
        specs.append(SettingSpec(
            key=f.name, kind=declared.kind, default=f.default, group=declared.group,
            label=declared.label, help=declared.help, parse=_parser_of(f.name, declared),
            low=declared.low, high=declared.high, unit=declared.unit,
            choices=declared.choices, enabled_by=declared.enabled_by))
    bools = {spec.key for spec in specs if spec.kind is Kind.BOOL}
    for spec in specs:
        if spec.enabled_by is not None and spec.enabled_by not in bools:
            raise TypeError(f"{spec.key}: enabled_by names no on/off setting")
    return tuple(specs)


SETTINGS_SPEC: tuple[SettingSpec, ...] = _declaration()
SPEC_BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SETTINGS_SPEC}
PARSERS: dict[str, Callable[[Any], Any]] = {spec.key: spec.parse for spec in SETTINGS_SPEC}


def field_problem(key: str, value: Any) -> str | None:
    """What is wrong with one typed value (as a window holds it), or None.

    The value goes through the file's own parser in its JSON form, so the dialog and a
    hand-edited file follow the same rules; a few mistakes that only a person at the controls
    makes (no day ticked, one time twice) are caught here too. The answer is a Message, shown
    translated under the control.
    """
    spec = SPEC_BY_KEY[key]
    try:
        spec.parse(_to_json(key, value))
    except OutOfRangeError as exc:
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "Choose a value {range}. {value} is outside that range."),
            range=range_text(exc.low, exc.high, exc.unit), value=exc.value)
    except ValueError as exc:
        return message_of(exc)
    if spec.kind is Kind.DAYS and not value:
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "Choose at least one working day."))
    if spec.kind is Kind.TIMES:
        seen: set[time] = set()
        for moment in value:
            if moment in seen:
                return Message("settings", QT_TRANSLATE_NOOP(
                    "settings", "{time} is in the list twice."), time=f"{moment:%H:%M}")
            seen.add(moment)
    return None


def settings_problems(values: Mapping[str, Any]) -> dict[str, str]:
    """Setting key -> what is wrong, for the typed values a window holds (missing keys keep
    their defaults). Rules between settings are reported at the later field of the two."""
    problems = {key: problem for key, value in values.items()
                if (problem := field_problem(key, value)) is not None}
    defaults = Settings()
    start = values.get("work_start", defaults.work_start)
    end = values.get("work_end", defaults.work_end)
    if not {"work_start", "work_end"} & problems.keys() and end <= start:
        problems["work_end"] = Message("settings", QT_TRANSLATE_NOOP(
            "settings", "The working day has to end after it starts ({start})."),
            start=f"{start:%H:%M}")
    return problems


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
        except OutOfRangeError as exc:
            problems.append(Message("settings", QT_TRANSLATE_NOOP(
                "settings", "“{setting}” ({key}) must be {range}; the file says {value}. "
                "Until you change it, the default {default} is used."),
                setting=Message("settings", SPEC_BY_KEY[key].label), key=repr(key),
                range=range_text(exc.low, exc.high, exc.unit), value=exc.value,
                default=_show(key, getattr(defaults, key))))
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


def read_settings(data: bytes) -> tuple[Settings, list[str]]:
    """Settings from the bytes of a settings file, plus one message per problem; never raises.

    Every key that can be read is used. Bytes that are not UTF-8 spoil only the values they are
    in (they read as U+FFFD, which no setting accepts); a file that is not valid JSON is read
    pair by pair (`lenient_json.salvage_object`), and each pair lost is told by its key and
    line. No message means the file is good settings from top to bottom.
    """
    decode_error: UnicodeDecodeError | None = None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        decode_error = exc
        text = data.decode("utf-8", errors="replace")
    not_utf8: list[str] = [] if decode_error is None else [Message("settings", QT_TRANSLATE_NOOP(
        "settings", "has bytes that are not UTF-8 text (the first on line {line}); what could "
        "still be read is used"), line=data.count(b"\n", 0, decode_error.start) + 1)]
    try:
        raw = json.loads(text)
    except (RecursionError, json.JSONDecodeError) as exc:
        salvage = salvage_object(text)
        if not salvage.pairs:  # nothing to keep: one message for the whole file
            if decode_error is not None:
                return Settings(), [Message("settings", QT_TRANSLATE_NOOP(
                    "settings", "could not be read ({reason}); all defaults are used"),
                    reason=str(decode_error))]
            return Settings(), [_not_json(exc, salvaged=False)]
        settings, problems = parse_settings(salvage.pairs)
        return settings, [*not_utf8, _not_json(exc, salvaged=True),
                          *map(_lost_problem, salvage.lost), *problems]
    settings, problems = parse_settings(raw)
    return settings, [*not_utf8, *problems]


def _not_json(error: RecursionError | json.JSONDecodeError, *, salvaged: bool) -> str:
    if isinstance(error, RecursionError):
        if salvaged:
            return Message("settings", QT_TRANSLATE_NOOP(
                "settings", "is nested too deeply in places; the settings that could still "
                "be read are used"))
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "is nested too deeply to be settings; all defaults are used and the "
            "file is left as it is"))
    where = {"line": error.lineno, "column": error.colno, "reason": error.msg}
    if salvaged:
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "is not valid JSON (line {line}, column {column}: {reason}); the "
            "settings that could still be read are used"), **where)
    return Message("settings", QT_TRANSLATE_NOOP(
        "settings", "is not valid JSON (line {line}, column {column}: {reason}); all "
        "defaults are used and the file is left as it is"), **where)


def _lost_problem(lost: Lost) -> str:
    if lost.key in PARSERS:
        default = _show(lost.key, getattr(Settings(), lost.key))
        return Message("settings", QT_TRANSLATE_NOOP(
            "settings", "{key}: could not be read (line {line}); the default {default} is "
            "used"), key=repr(lost.key), line=lost.line, default=default)
    return Message("settings", QT_TRANSLATE_NOOP(
        "settings", "line {line} could not be read and is left out"), line=lost.line)


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
