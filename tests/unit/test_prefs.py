from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.content import MAX_VALUE_CHARS, normalise_values
from stressbreak.core.model import CheckIn, CheckInOrigin
from stressbreak.core.prefs import Prefs, PrefsError, prefs_from_dict
from stressbreak.core.stats import frequent_triggers
from stressbreak.services.prefs_store import PrefsStore


def test_values_are_trimmed_unique_and_at_most_five():
    raw = ["  honesty ", "", "Honesty", "calm   focus", "x" * 100, "a", "b", "c"]
    assert normalise_values(raw) == ("honesty", "calm focus", "x" * MAX_VALUE_CHARS, "a", "b")


def test_prefs_round_trip_and_choices():
    prefs = (Prefs().with_values(["kindness", " courage "]).toggle_favourite("anchor")
             .toggle_favourite("room").toggle_favourite("room").hide("defusion"))
    assert prefs.values == ("kindness", "courage")
    assert prefs.favourites == {"anchor"}
    assert prefs.hidden == {"defusion"}
    assert prefs.hide("anchor").favourites == frozenset()  # never shown is no favourite
    assert prefs_from_dict(json.loads(json.dumps(prefs.to_dict()))) == prefs


@pytest.mark.parametrize(
    "raw",
    [[], {"version": 9}, {"version": 1, "values": "x"}, {"version": 1, "hidden": [1]},
     {"version": 1, "profile_scores": {"pleaser": "high"}},
     {"version": 1, "profile_offered": "yes"}],
)
def test_bad_prefs_are_refused(raw: object):
    with pytest.raises(PrefsError):
        prefs_from_dict(raw)


def test_store_round_trip_private_and_absent(tmp_path: Path):
    store = PrefsStore(tmp_path / "prefs.json", lambda m: None)
    assert store.load() == Prefs()
    store.save(Prefs().with_values(["kindness"]))
    assert store.load().values == ("kindness",)
    assert (tmp_path / "prefs.json").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", ['{"version": 1, "values": "x"}', "{oops", "\udcff"])
def test_a_damaged_prefs_file_is_kept_aside_and_told(tmp_path: Path, content: str):
    path = tmp_path / "prefs.json"
    path.write_text(content, errors="surrogateescape")
    told: list[str] = []
    store = PrefsStore(path, told.append)
    assert store.load() == Prefs()
    [kept] = list(tmp_path.glob("prefs.json.damaged-*"))
    assert kept.read_text(errors="surrogateescape") == content
    assert len(told) == 1
    assert str(kept) in told[0]
    store.save(Prefs().with_values(["new"]))  # writing again never touches the kept copy
    assert kept.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and moves any file")
def test_a_file_that_can_be_neither_read_nor_kept_aside_is_never_written_over(tmp_path: Path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "prefs.json"
    path.write_text('{"version": 1, "values": ["mine"]}')
    path.chmod(0)
    folder.chmod(0o500)  # nothing can be moved aside or written in it
    try:
        told: list[str] = []
        store = PrefsStore(path, told.append)
        assert store.load() == Prefs()
        assert len(told) == 1 and str(path) in told[0]
        folder.chmod(0o700)  # the folder is writable again; the file still cannot be read
        with pytest.raises(OSError, match="left as it is"):
            store.save(Prefs().mark_welcomed())
        path.chmod(0o600)
        assert json.loads(path.read_text())["values"] == ["mine"]
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)


def test_trigger_suggestions_most_frequent_first_in_latest_spelling():
    t = datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))

    def c(minutes: int, trigger: str) -> CheckIn:
        return CheckIn(t + timedelta(minutes=minutes), CheckInOrigin.MANUAL, trigger=trigger)

    checkins = [c(0, "deadline"), c(1, "email"), c(2, "Deadline "), c(3, ""), c(4, "noise"),
                c(5, "Email")]
    assert frequent_triggers(checkins) == ["Email", "Deadline", "noise"]
    assert frequent_triggers(checkins, limit=1) == ["Email"]


def test_a_new_user_is_not_welcomed_yet_and_a_file_from_before_the_welcome_is():
    assert Prefs().welcomed is False  # no file: a new user
    # Written before the welcome existed: its user knows StressBreak already.
    assert prefs_from_dict({"version": 1, "values": ["calm"]}).welcomed is True
    marked = Prefs().mark_welcomed()
    assert prefs_from_dict(json.loads(json.dumps(marked.to_dict()))) == marked
    assert prefs_from_dict(Prefs().to_dict()).welcomed is False


def test_a_welcomed_that_is_not_true_or_false_is_refused():
    with pytest.raises(PrefsError):
        prefs_from_dict({"version": 1, "welcomed": "yes"})


def test_the_note_about_no_tray_is_told_once_and_not_yet_in_older_files():
    assert Prefs().told_no_tray is False
    assert prefs_from_dict({"version": 1, "welcomed": True}).told_no_tray is False
    told = Prefs().mark_told_no_tray()
    assert prefs_from_dict(told.to_dict()).told_no_tray is True
    with pytest.raises(PrefsError):
        prefs_from_dict({"version": 1, "told_no_tray": "yes"})


def test_keyboard_shortcuts_once_chosen_are_kept_and_not_chosen_in_older_files():
    assert Prefs().shortcuts_chosen is False
    assert prefs_from_dict({"version": 1, "welcomed": True}).shortcuts_chosen is False
    chosen = Prefs().mark_shortcuts_chosen()
    assert prefs_from_dict(json.loads(json.dumps(chosen.to_dict()))).shortcuts_chosen is True
    with pytest.raises(PrefsError):
        prefs_from_dict({"version": 1, "shortcuts_chosen": 1})


def test_the_day_the_day_ratings_were_offered_is_kept_and_absent_in_older_files():
    assert prefs_from_dict({"version": 1, "welcomed": True}).day_ratings_offered is None
    offered = Prefs().offered_day_ratings(date(2026, 12, 3))
    stored = json.loads(json.dumps(offered.to_dict()))
    assert stored["day_ratings_offered"] == "2026-12-03"
    assert prefs_from_dict(stored).day_ratings_offered == date(2026, 12, 3)
    for bad in ("yesterday", "2026-13-01", 20261203):
        with pytest.raises(PrefsError):
            prefs_from_dict({"version": 1, "day_ratings_offered": bad})
