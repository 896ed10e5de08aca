"""The records a journal holds. Frozen, typed, and serialisable to plain JSON-able dicts.

Every stored dict carries `kind` and a schema version `v`; `record_from_dict` refuses shapes it
does not understand with a RecordError instead of guessing, so that damaged or newer data is
never half-read and then rewritten.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

# 1: the three questions and tension. 2: body signals, trigger and a value-based next step.
# A new record kind (the day ratings, "day"; a deletion, "deleted") needs no new version: no
# older record changes shape, and an older StressBreak leaves a kind it does not know in the
# file, unread. Nor does the optional "computer" key: an older reader takes only the keys it
# knows from a record (every from_dict below does), and its journal writes documents back as
# they are, so the key is kept too (tests/unit/test_model_computer.py reads with a released
# reader). Nor does a pause's optional "heart" (issue 19), for the same reason.
SCHEMA_VERSION = 2

_E = TypeVar("_E", bound=StrEnum)


class RecordError(ValueError):
    """A stored record has a shape this version cannot read."""


class PauseOutcome(StrEnum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    MISSED = "missed"
    SKIPPED = "skipped"
    # Away from keyboard and mouse for at least a pause's length: no reminder was needed.
    # An older StressBreak reads it as an entry it does not know, and leaves it in the file.
    NATURAL = "natural"


# What became of a reminder (a natural pause had none).
REMINDER_OUTCOMES = (
    PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY, PauseOutcome.MISSED, PauseOutcome.SKIPPED)


class CheckInOrigin(StrEnum):
    AFTER_PAUSE = "after_pause"
    SCHEDULED = "scheduled"
    MANUAL = "manual"


def new_id() -> str:
    """A random id in the form of `uuid.uuid4().hex` (122 random bits, version 4).

    Made here rather than with the uuid module: importing it (with `platform` and libuuid)
    costs about 0.5 MB of resident memory for the tray app's whole day, for 16 random bytes.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    return raw.hex()


_HEART_FIGURES = ("hr", "rmssd_ms", "coherence", "pace")  # the stored keys, in field order
_HEART_DIGITS = {"mean_heart_rate": 1, "rmssd_ms": 1, "coherence": 3, "pace_per_min": 2}


@dataclass(frozen=True)
class PauseHeart:
    """What a heart-rate strap showed during one pause (core/heart.py's figures over the
    pause's last 64 s, or fewer). `poor`: the signal was too poor for figures, and then all
    of them are None. Stored as a pause's "heart" key only when a strap (or a replayed
    recording) was there."""

    poor: bool = False
    mean_heart_rate: float | None = None  # beats a minute
    rmssd_ms: float | None = None
    coherence: float | None = None  # 0-1
    pace_per_min: float | None = None  # the breathing pace at the coherence peak

    def __post_init__(self) -> None:
        if self.poor and any(value is not None for value in self._figures()):
            raise RecordError("a poor signal has no heart figures")
        # Rounded as stored, here: the pause a pause window just saved is then equal to the
        # one the journal reads back, and views show the same means before and after.
        for name, digits in _HEART_DIGITS.items():
            object.__setattr__(self, name, _rounded(getattr(self, name), digits))

    def _figures(self) -> tuple[float | None, ...]:
        return self.mean_heart_rate, self.rmssd_ms, self.coherence, self.pace_per_min

    def to_dict(self) -> dict[str, Any]:
        if self.poor:
            return {"poor": True}
        return dict(zip(_HEART_FIGURES, self._figures(), strict=True))

    @property
    def has_figures(self) -> bool:
        """Some figure to show (a poor signal has none; a pause too short for one neither)."""
        return not self.poor and (self.mean_heart_rate is not None or self.rmssd_ms is not None
                                  or self.coherence is not None)

    @classmethod
    def from_dict(cls, raw: object) -> PauseHeart:
        if not isinstance(raw, dict):
            raise RecordError("'heart' must be an object")
        poor = raw.get("poor", False)
        if not isinstance(poor, bool):
            raise RecordError("'heart' has a 'poor' that is not true or false")
        if poor:
            # A poor signal has no figures: one stored beside it is a shape we did not
            # write, and guessing which of the two is true would show a wrong figure.
            if any(raw.get(key) is not None for key in _HEART_FIGURES):
                raise RecordError("'heart' says the signal was poor and gives figures")
            return cls(poor=True)
        # Wider than anything core/heart.py can give (its beats are 0.3-2.0 s apart, so no
        # rate beyond 30-200 and no successive difference above 1,700 ms): a figure it made
        # is never refused when read back.
        return cls(mean_heart_rate=_optional_float(raw, "hr", 20.0, 250.0),
                   rmssd_ms=_optional_float(raw, "rmssd_ms", 0.0, 2000.0),
                   coherence=_optional_float(raw, "coherence", 0.0, 1.0),
                   pace_per_min=_optional_float(raw, "pace", 1.0, 30.0))


@dataclass(frozen=True)
class PauseRecord:
    """One micro-pause, or one reminder that did not become a pause (missed / skipped)."""

    started_at: datetime
    ended_at: datetime
    outcome: PauseOutcome
    exercise: str = "coherent"
    id: str = field(default_factory=new_id)
    # The id of the computer that made it (a shared folder's <cid>); None: made before
    # sharing, or on a computer that never shared.
    computer: str | None = None
    heart: PauseHeart | None = None  # what a heart-rate strap showed (issue 19)

    KIND = "pause"

    @property
    def at(self) -> datetime:
        return self.started_at

    @property
    def duration_s(self) -> float:
        # Through UTC: Python subtracts same-zone times by wall clock, wrong across DST.
        elapsed = self.ended_at.astimezone(UTC) - self.started_at.astimezone(UTC)
        return max(0.0, elapsed.total_seconds())

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.KIND,
            "v": SCHEMA_VERSION,
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "outcome": self.outcome.value,
            "duration_s": round(self.duration_s, 3),
            "exercise": self.exercise,
            **_computer_key(self.computer),
            **({} if self.heart is None else {"heart": self.heart.to_dict()}),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> PauseRecord:
        heart = raw.get("heart")
        return cls(
            id=_str(raw, "id"),
            started_at=_datetime(raw, "started_at"),
            ended_at=_datetime(raw, "ended_at"),
            outcome=_enum(PauseOutcome, raw, "outcome"),
            exercise=_str(raw, "exercise"),
            computer=_computer(raw),
            heart=None if heart is None else PauseHeart.from_dict(heart),
        )


@dataclass(frozen=True)
class CheckIn:
    """The stress meter's three questions, as the user answered them. Every field may be empty."""

    at: datetime
    origin: CheckInOrigin
    breathing: tuple[str, ...] = ()
    breathing_note: str = ""
    body: tuple[str, ...] = ()
    body_note: str = ""
    need: tuple[str, ...] = ()
    need_note: str = ""
    tension: int | None = None
    signals: tuple[str, ...] = ()  # body signals noticed (ids from content.BODY_SIGNALS)
    trigger: str = ""  # what set it off, in the user's words
    next_step: str = ""  # a small step that fits the user's values
    id: str = field(default_factory=new_id)
    computer: str | None = None  # as PauseRecord.computer

    KIND = "checkin"

    def __post_init__(self) -> None:
        if self.tension is not None and not 0 <= self.tension <= 10:
            raise RecordError(f"tension must be 0–10, not {self.tension}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.KIND,
            "v": SCHEMA_VERSION,
            "id": self.id,
            "at": self.at.isoformat(),
            "origin": self.origin.value,
            "breathing": list(self.breathing),
            "breathing_note": self.breathing_note,
            "body": list(self.body),
            "body_note": self.body_note,
            "need": list(self.need),
            "need_note": self.need_note,
            "tension": self.tension,
            "signals": list(self.signals),
            "trigger": self.trigger,
            "next_step": self.next_step,
            **_computer_key(self.computer),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CheckIn:
        tension = raw.get("tension")
        if tension is not None and (not isinstance(tension, int) or isinstance(tension, bool)):
            raise RecordError("tension must be a whole number or null")
        return cls(
            id=_str(raw, "id"),
            at=_datetime(raw, "at"),
            origin=_enum(CheckInOrigin, raw, "origin"),
            breathing=_str_tuple(raw, "breathing"),
            breathing_note=_str(raw, "breathing_note"),
            body=_str_tuple(raw, "body"),
            body_note=_str(raw, "body_note"),
            need=_str_tuple(raw, "need"),
            need_note=_str(raw, "need_note"),
            tension=tension,
            signals=_str_tuple(raw, "signals"),
            trigger=_str(raw, "trigger"),
            next_step=_str(raw, "next_step"),
            computer=_computer(raw),
        )


DAY_SCALE = range(1, 6)  # a day rating is 1–5: 1 the lowest, 5 the highest


@dataclass(frozen=True)
class DayRating:
    """How the user slept and how their energy and focus are today, each 1–5 or not given.

    Asked at most once a day, so a day normally has one; when it has more (the user rated
    again from the menu), the latest one of that local day counts.
    """

    at: datetime
    sleep: int | None = None
    energy: int | None = None
    focus: int | None = None
    id: str = field(default_factory=new_id)
    computer: str | None = None  # as PauseRecord.computer

    KIND = "day"

    def __post_init__(self) -> None:
        for name in ("sleep", "energy", "focus"):
            value = getattr(self, name)
            if value is not None and value not in DAY_SCALE:
                raise RecordError(f"{name} must be 1–5, not {value}")

    @property
    def empty(self) -> bool:
        return self.sleep is None and self.energy is None and self.focus is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.KIND,
            "v": SCHEMA_VERSION,
            "id": self.id,
            "at": self.at.isoformat(),
            "sleep": self.sleep,
            "energy": self.energy,
            "focus": self.focus,
            **_computer_key(self.computer),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> DayRating:
        return cls(
            id=_str(raw, "id"),
            at=_datetime(raw, "at"),
            sleep=_optional_int(raw, "sleep"),
            energy=_optional_int(raw, "energy"),
            focus=_optional_int(raw, "focus"),
            computer=_computer(raw),
        )


@dataclass(frozen=True)
class Deletion:
    """A tombstone: every record (of any computer) with `at` before `before` is gone.

    Written by *delete all data* (at = before = the moment of deleting), so that the
    deletion reaches the other computers that share a folder, and stays in the journal so
    that an older copy of a deleted record arriving later is dropped, not brought back. It
    is not an entry: the views, the statistics and the export leave it out.
    """

    at: datetime
    before: datetime
    id: str = field(default_factory=new_id)
    computer: str | None = None  # as PauseRecord.computer

    KIND = "deleted"

    def covers(self, record: Record) -> bool:
        """Whether this deletion removes `record` (another Deletion never: see merge_records)."""
        return not isinstance(record, Deletion) and record.at < self.before

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.KIND,
            "v": SCHEMA_VERSION,
            "id": self.id,
            "at": self.at.isoformat(),
            "before": self.before.isoformat(),
            **_computer_key(self.computer),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Deletion:
        return cls(
            id=_str(raw, "id"),
            at=_datetime(raw, "at"),
            before=_datetime(raw, "before"),
            computer=_computer(raw),
        )


Record = PauseRecord | CheckIn | DayRating | Deletion
# What the user wrote down: every record but a Deletion.
Entry = PauseRecord | CheckIn | DayRating


def entries(records: Iterable[Record]) -> list[Entry]:
    """The records that are entries, in their order (Deletions left out)."""
    return [record for record in records if not isinstance(record, Deletion)]


def record_from_dict(raw: Any) -> Record:
    """Read one stored record; RecordError names what is wrong."""
    if not isinstance(raw, dict):
        raise RecordError("a record must be a JSON object")
    version = raw.get("v")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise RecordError("record has no valid schema version")
    if version > SCHEMA_VERSION:
        raise RecordError(
            f"record has schema version {version}; this StressBreak reads up to {SCHEMA_VERSION}"
        )
    raw = migrate(raw)
    kind = raw.get("kind")
    if kind == PauseRecord.KIND:
        return PauseRecord.from_dict(raw)
    if kind == CheckIn.KIND:
        return CheckIn.from_dict(raw)
    if kind == DayRating.KIND:
        return DayRating.from_dict(raw)
    if kind == Deletion.KIND:
        return Deletion.from_dict(raw)
    raise RecordError(f"unknown record kind {kind!r}")


def migrate(raw: dict[str, Any]) -> dict[str, Any]:
    """Bring an older record up to SCHEMA_VERSION, one explicit step per version.

    Stored files are not rewritten for this: old records are read through it every time.
    """
    version = raw["v"]
    if version < 2 and raw.get("kind") == CheckIn.KIND:
        raw = {**raw, "signals": [], "trigger": "", "next_step": ""}
    return {**raw, "v": SCHEMA_VERSION}


def _computer_key(computer: str | None) -> dict[str, str]:
    # Only when set: a record of a computer that never shared is stored as it always was.
    return {} if computer is None else {"computer": computer}


def _computer(raw: dict[str, Any]) -> str | None:
    value = raw.get("computer")
    if value is not None and not isinstance(value, str):
        raise RecordError("'computer' must be text")
    return value


def _str(raw: dict[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise RecordError(f"{key!r} must be text")
    return value


def _optional_int(raw: dict[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise RecordError(f"{key!r} must be a whole number or null")
    return value


def _optional_float(raw: dict[str, Any], key: str, low: float, high: float) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not (
            low <= value <= high):
        raise RecordError(f"{key!r} must be a number from {low:g} to {high:g}, or null")
    return float(value)


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _str_tuple(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(f"{key!r} must be a list of text")
    return tuple(value)


def _datetime(raw: dict[str, Any], key: str) -> datetime:
    text = _str(raw, key)
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise RecordError(f"{key!r} is not a date and time: {text!r}") from exc
    if value.tzinfo is None:
        raise RecordError(f"{key!r} has no time zone")
    return value


def _enum(enum: type[_E], raw: dict[str, Any], key: str) -> _E:
    text = _str(raw, key)
    try:
        return enum(text)
    except ValueError as exc:
        raise RecordError(f"{key!r} has unknown value {text!r}") from exc
