from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from stressbreak.core.content import MAX_VALUE_CHARS, normalise_values
from stressbreak.core.model import CheckIn, CheckInOrigin
from stressbreak.core.stats import frequent_triggers
from stressbreak.services.values_store import ValuesStore


def test_values_are_trimmed_unique_and_at_most_five():
    raw = ["  honesty ", "", "Honesty", "calm   focus", "x" * 100, "a", "b", "c"]
    assert normalise_values(raw) == ("honesty", "calm focus", "x" * MAX_VALUE_CHARS, "a", "b")


def test_store_round_trip_private_and_absent(tmp_path: Path):
    store = ValuesStore(tmp_path / "values.json", lambda m: None)
    assert store.load() == ()
    assert store.save(["kindness", " courage "]) == ("kindness", "courage")
    assert store.load() == ("kindness", "courage")
    assert (tmp_path / "values.json").stat().st_mode & 0o777 == 0o600


def test_a_damaged_values_file_is_kept_aside_and_told(tmp_path: Path):
    path = tmp_path / "values.json"
    path.write_text('{"values": "not a list"}')
    told: list[str] = []
    store = ValuesStore(path, told.append)
    assert store.load() == ()
    [kept] = list(tmp_path.glob("values.json.damaged-*"))
    assert json.loads(kept.read_text()) == {"values": "not a list"}
    assert len(told) == 1 and str(kept) in told[0]
    store.save(["new"])  # writing again never touches the kept copy
    assert kept.exists()


def test_trigger_suggestions_most_frequent_first_in_latest_spelling():
    t = datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))

    def c(minutes: int, trigger: str) -> CheckIn:
        return CheckIn(t + timedelta(minutes=minutes), CheckInOrigin.MANUAL, trigger=trigger)

    checkins = [c(0, "deadline"), c(1, "email"), c(2, "Deadline "), c(3, ""), c(4, "noise"),
                c(5, "Email")]
    assert frequent_triggers(checkins) == ["Email", "Deadline", "noise"]
    assert frequent_triggers(checkins, limit=1) == ["Email"]
