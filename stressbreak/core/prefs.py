"""What the user chose inside the app (not in the settings file): their values, favourite and
hidden exercises, and the stress-profile reflection; and whether the first-run welcome and the
note about running without a tray were shown, and on which day the day ratings were last
offered. Kept in one private file."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from stressbreak.core.content import normalise_values

PREFS_VERSION = 1


@dataclass(frozen=True)
class Prefs:
    values: tuple[str, ...] = ()
    favourites: frozenset[str] = frozenset()  # exercise ids
    hidden: frozenset[str] = frozenset()  # exercise ids never to show again
    profile_scores: dict[str, int] = field(default_factory=dict)  # pattern id -> score
    profile_offered: bool = False
    # No file yet means a new user, who is welcomed once; a file written before the welcome
    # existed reads as welcomed (see prefs_from_dict): that user knows StressBreak already.
    welcomed: bool = False
    # The note that StressBreak runs without a tray icon comes once (a user of an older
    # version without a tray has seen only a log line, so an absent key reads as not told).
    told_no_tray: bool = False
    # The user had the desktop bind StressBreak's keyboard shortcuts: each start binds them
    # again, which the desktop does without asking (services/shortcuts.py says why).
    shortcuts_chosen: bool = False
    # The local day the stress meter last offered the day ratings: skipped or answered, they
    # come once a day, also across a restart.
    day_ratings_offered: date | None = None

    def with_values(self, values: list[str] | tuple[str, ...]) -> Prefs:
        return replace(self, values=normalise_values(values))

    def toggle_favourite(self, exercise_id: str) -> Prefs:
        return replace(self, favourites=self.favourites ^ {exercise_id})

    def hide(self, exercise_id: str) -> Prefs:
        return replace(self, hidden=self.hidden | {exercise_id},
                       favourites=self.favourites - {exercise_id})

    def with_profile(self, scores: dict[str, int]) -> Prefs:
        return replace(self, profile_scores=dict(scores), profile_offered=True)

    def offered_profile(self) -> Prefs:
        return replace(self, profile_offered=True)

    def unhide_all(self) -> Prefs:
        return replace(self, hidden=frozenset())

    def mark_welcomed(self) -> Prefs:
        return replace(self, welcomed=True)

    def mark_told_no_tray(self) -> Prefs:
        return replace(self, told_no_tray=True)

    def mark_shortcuts_chosen(self) -> Prefs:
        return replace(self, shortcuts_chosen=True)

    def offered_day_ratings(self, day: date) -> Prefs:
        return replace(self, day_ratings_offered=day)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": PREFS_VERSION,
            "values": list(self.values),
            "favourites": sorted(self.favourites),
            "hidden": sorted(self.hidden),
            "profile_scores": dict(sorted(self.profile_scores.items())),
            "profile_offered": self.profile_offered,
            "welcomed": self.welcomed,
            "told_no_tray": self.told_no_tray,
            "shortcuts_chosen": self.shortcuts_chosen,
            "day_ratings_offered": (None if self.day_ratings_offered is None
                                    else self.day_ratings_offered.isoformat()),
        }


class PrefsError(ValueError):
    """The stored preferences have a shape this version cannot read."""


def prefs_from_dict(raw: Any) -> Prefs:
    if not isinstance(raw, dict):
        raise PrefsError("the preferences must be a JSON object")
    version = raw.get("version")
    if version != PREFS_VERSION:
        raise PrefsError(f"unknown preferences version {version!r}")
    values = _strings(raw, "values")
    scores = raw.get("profile_scores", {})
    if not isinstance(scores, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in scores.items()
    ):
        raise PrefsError("'profile_scores' must map names to whole numbers")
    offered = raw.get("profile_offered", False)
    if not isinstance(offered, bool):
        raise PrefsError("'profile_offered' must be true or false")
    # Absent in files from before the welcome: their user has used StressBreak already. An
    # older StressBreak reads a newer file too (it ignores the key), so the version stays.
    welcomed = raw.get("welcomed", True)
    if not isinstance(welcomed, bool):
        raise PrefsError("'welcomed' must be true or false")
    told_no_tray = raw.get("told_no_tray", False)
    if not isinstance(told_no_tray, bool):
        raise PrefsError("'told_no_tray' must be true or false")
    shortcuts_chosen = raw.get("shortcuts_chosen", False)
    if not isinstance(shortcuts_chosen, bool):
        raise PrefsError("'shortcuts_chosen' must be true or false")
    return Prefs(
        day_ratings_offered=_day(raw, "day_ratings_offered"),
        values=normalise_values(values),
        favourites=frozenset(_strings(raw, "favourites")),
        hidden=frozenset(_strings(raw, "hidden")),
        profile_scores=dict(scores),
        profile_offered=offered,
        welcomed=welcomed,
        told_no_tray=told_no_tray,
        shortcuts_chosen=shortcuts_chosen,
    )


def _day(raw: dict[str, Any], key: str) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return date.fromisoformat(value)
    raise PrefsError(f"{key!r} must be a date as YYYY-MM-DD, or null")


def _strings(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PrefsError(f"{key!r} must be a list of text")
    return value
