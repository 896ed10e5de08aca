from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from stressbreak.core.settings import Settings, parse_settings, settings_to_dict
from stressbreak.services.settings_store import SettingsStore


def test_empty_file_means_defaults():
    settings, problems = parse_settings({})
    assert settings == Settings()
    assert problems == []


def test_round_trip_of_every_key():
    custom = Settings(
        interval_min=45, work_days=(0, 2, 4), work_start=time(8, 15), work_end=time(16, 45),
        checkin_times=(time(9, 0), time(15, 0)), snooze_min=10, reminder_timeout_s=90,
        pause_length_min=3, breathing_pattern="box", checkin_after_pause=False,
        native_notifications=False, language="nl",
    )
    data = json.loads(json.dumps(settings_to_dict(custom)))
    assert parse_settings(data) == (custom, [])


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("interval_min", 0, "from 5 to 240"),
        ("interval_min", "60", "whole number"),
        ("interval_min", True, "whole number"),
        ("work_days", ["mon", "funday"], "unknown day 'funday'"),
        ("work_start", "9am", "HH:MM"),
        ("work_start", "25:00", "not a time of day"),
        ("checkin_times", "10:30", "list of times"),
        ("snooze_min", 99, "from 1 to 60"),
        ("breathing_pattern", "fast", "unknown pattern"),
        ("checkin_after_pause", "yes", "true or false"),
        ("language", "de", "unknown language 'de'"),
        ("language", 31, "choose one of system, nl, en"),
    ],
)
def test_a_bad_value_names_the_key_and_uses_the_default(key: str, value: object, words: str):
    settings, problems = parse_settings({key: value})
    assert settings == Settings()
    assert len(problems) == 1
    assert problems[0].startswith(repr(key))
    assert words in problems[0]
    assert "default" in problems[0]


def test_language_is_system_by_default_and_case_does_not_matter():
    assert Settings().language == "system"
    assert parse_settings({"language": "NL"}) == (Settings(language="nl"), [])


def test_good_values_survive_beside_a_bad_one():
    settings, problems = parse_settings({"interval_min": 30, "snooze_min": -1})
    assert settings.interval_min == 30
    assert settings.snooze_min == 5
    assert len(problems) == 1


def test_end_before_start_is_refused():
    settings, problems = parse_settings({"work_start": "18:00", "work_end": "09:00"})
    assert (settings.work_start, settings.work_end) == (time(9), time(17, 30))
    assert "'work_end'" in problems[0]


def test_unknown_key_and_wrong_version_are_reported():
    settings, problems = parse_settings({"version": 7, "colour": "blue", "interval_min": 20})
    assert settings.interval_min == 20
    assert any("'colour'" in p for p in problems)
    assert any("'version'" in p for p in problems)


def test_not_an_object():
    settings, problems = parse_settings([1, 2])
    assert settings == Settings()
    assert "JSON object" in problems[0]


def test_store_creates_a_default_file_when_absent(tmp_path: Path):
    path = tmp_path / "conf" / "settings.json"
    told: list[str] = []
    assert SettingsStore(path, told.append).load() == Settings()
    assert told == []
    assert json.loads(path.read_text())["interval_min"] == 60
    assert path.stat().st_mode & 0o777 == 0o600


def test_store_keeps_a_broken_file_untouched(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"interval_min": 30, oops')
    told: list[str] = []
    assert SettingsStore(path, told.append).load() == Settings()
    assert path.read_text() == '{"interval_min": 30, oops'
    assert len(told) == 1 and "not valid JSON" in told[0] and str(path) in told[0]


def test_store_reports_a_bad_value_and_keeps_the_file(tmp_path: Path):
    path = tmp_path / "settings.json"
    original = json.dumps({"interval_min": 1000, "snooze_min": 10})
    path.write_text(original)
    told: list[str] = []
    settings = SettingsStore(path, told.append).load()
    assert settings.interval_min == 60 and settings.snooze_min == 10
    assert len(told) == 1 and "'interval_min'" in told[0]
    assert path.read_text() == original
