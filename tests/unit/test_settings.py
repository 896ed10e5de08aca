from __future__ import annotations

import json
import re
from dataclasses import asdict, fields
from datetime import time
from pathlib import Path

import pytest

from stressbreak.core import settings as settings_module
from stressbreak.core.breathing import PATTERNS, ROTATE
from stressbreak.core.exercises import EXERCISES, ORDER
from stressbreak.core.languages import LANGUAGES
from stressbreak.core.messages import Message
from stressbreak.core.settings import (
    GROUP_LABELS,
    PARSERS,
    SETTINGS_SPEC,
    SPEC_BY_KEY,
    Group,
    Kind,
    Settings,
    field_problem,
    parse_settings,
    settings_problems,
    settings_to_dict,
)
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
    assert repr(key) in problems[0]
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


def test_store_keeps_a_broken_file_untouched_and_uses_what_it_can_read(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"interval_min": 30, oops')
    told: list[str] = []
    assert SettingsStore(path, told.append).load() == Settings(interval_min=30)
    assert path.read_text() == '{"interval_min": 30, oops'
    assert len(told) == 2 and all(str(path) in message for message in told)
    assert "not valid JSON" in told[0] and "line 1 could not be read" in told[1]


def test_store_reports_a_bad_value_and_keeps_the_file(tmp_path: Path):
    path = tmp_path / "settings.json"
    original = json.dumps({"interval_min": 1000, "snooze_min": 10})
    path.write_text(original)
    told: list[str] = []
    settings = SettingsStore(path, told.append).load()
    assert settings.interval_min == 60 and settings.snooze_min == 10
    assert len(told) == 1 and "'interval_min'" in told[0]
    assert path.read_text() == original


# --- the declaration -------------------------------------------------------------------------

# What PARSERS accepted before the declaration existed, per key: (good values, bad values).
OLD_RULES: dict[str, tuple[list[object], list[object]]] = {
    "interval_min": ([5, 240], [4, 241, "60", 1.5, True]),
    "work_days": ([["mon"], ["SUN", "mon", "mon"], []], [["funday"], "mon", [1]]),
    "work_start": (["00:00", "23:59"], ["24:00", "9:00", 900]),
    "work_end": (["17:30"], ["5pm"]),
    "checkin_times": ([[], ["10:30", "10:30"], ["08:00"] * 8],
                      [["10:30"] * 9, "10:30", ["25:00"]]),
    "snooze_min": ([1, 60], [0, 61]),
    "reminder_timeout_s": ([10, 600], [9, 601]),
    "pause_length_min": ([1, 5], [0, 6]),
    "breathing_pattern": (["coherent", "sigh", "longexhale", "box", "rotate"], ["fast", 1]),
    "exercise": (["breathing", "body_check", "rotate"], ["yoga", None]),
    "checkin_after_pause": ([True, False], ["yes", 1]),
    "day_ratings": ([True, False], ["no", 0]),
    "native_notifications": ([True, False], [0]),
    "reduced_motion": ([True], [None]),
    "sound_cues": ([False], ["false"]),
    "spoken_cues": ([True], [1]),
    "followup_enabled": ([True], ["on"]),
    "followup_tension": ([1, 10], [0, 11]),
    "language": (["system", "nl", "EN"], ["de", 31]),
}
NEW_KEYS = {"start_at_login": False, "natural_breaks": True, "dnd_fullscreen": True,
            "dnd_desktop": True, "meeting_aware": True, "gentle_timing": True,
            "gentle_max_wait_s": 60, "tray_icon": "colour"}
EVENING_KEYS = {"wind_down": False, "wind_down_at": time(21, 30)}
SHARING_KEYS = {"shared_folder": "", "computer_name": ""}
HEART_KEYS = {"heart_sensor": ""}  # issue 19: no strap


def test_every_setting_is_declared_once_in_field_order():
    keys = [spec.key for spec in SETTINGS_SPEC]
    assert keys == [f.name for f in fields(Settings)]
    assert len(set(keys)) == len(keys)
    assert list(PARSERS) == keys
    for spec in SETTINGS_SPEC:
        assert spec.default == getattr(Settings(), spec.key)
        assert spec.label, spec.key
        assert spec.group in GROUP_LABELS


def test_the_existing_keys_parse_as_before():
    assert (set(OLD_RULES) | set(NEW_KEYS) | set(EVENING_KEYS) | set(SHARING_KEYS)
            | set(HEART_KEYS)) == set(PARSERS)
    assert {key: getattr(Settings(), key) for key in HEART_KEYS} == HEART_KEYS
    for key, (good, bad) in OLD_RULES.items():
        for value in good:
            PARSERS[key](value)
        for value in bad:
            with pytest.raises(ValueError):  # noqa: PT011 - the message is checked above
                PARSERS[key](value)


def test_the_new_keys_and_their_defaults():
    assert {key: getattr(Settings(), key) for key in NEW_KEYS} == NEW_KEYS
    spec = SPEC_BY_KEY["gentle_max_wait_s"]
    assert (spec.kind, spec.low, spec.high, spec.enabled_by) == (Kind.INT, 0, 300,
                                                                  "gentle_timing")
    assert parse_settings({"gentle_max_wait_s": 0})[0].gentle_max_wait_s == 0
    assert parse_settings({"gentle_max_wait_s": 300})[0].gentle_max_wait_s == 300
    settings, problems = parse_settings({"gentle_max_wait_s": 301, "start_at_login": "yes",
                                         "dnd_desktop": False})
    assert (settings.gentle_max_wait_s, settings.start_at_login) == (60, False)
    assert not settings.dnd_desktop
    assert len(problems) == 2
    for key in set(NEW_KEYS) - {"gentle_max_wait_s", "tray_icon"}:
        assert SPEC_BY_KEY[key].kind is Kind.BOOL
        assert SPEC_BY_KEY[key].group is Group.NEIGHBOUR or key == "gentle_timing"


def test_the_new_keys_round_trip_through_the_file():
    custom = Settings(start_at_login=True, natural_breaks=False, dnd_fullscreen=False,
                      dnd_desktop=False, meeting_aware=False, gentle_timing=False,
                      gentle_max_wait_s=5)
    assert parse_settings(json.loads(json.dumps(settings_to_dict(custom)))) == (custom, [])


def test_an_old_file_without_the_new_keys_still_reads_cleanly():
    old = {k: v for k, v in settings_to_dict(Settings()).items()
           if k not in NEW_KEYS and k not in EVENING_KEYS}
    assert parse_settings(old) == (Settings(), [])


def test_choices_come_from_the_catalogues():
    def values(key: str) -> list[str]:
        return [choice.value for choice in SPEC_BY_KEY[key].choices]

    assert values("breathing_pattern") == [*PATTERNS, ROTATE]
    assert values("exercise") == [*ORDER, ROTATE]  # the evening minute is not a choice
    assert values("language") == list(LANGUAGES)
    exercise_labels = {c.value: (c.label, c.context) for c in SPEC_BY_KEY["exercise"].choices}
    assert exercise_labels["breathing"] == (EXERCISES["breathing"].title, "exercises")
    for spec in SETTINGS_SPEC:
        for choice in spec.choices:
            assert spec.parse(choice.value) == choice.value


def test_labels_are_marked_for_translation_literally():
    """lupdate only sees QT_TRANSLATE_NOOP("settings", "…") written out: every label and help
    text of the declaration must appear in the source like that."""
    source = Path(settings_module.__file__).read_text(encoding="utf-8")
    marked = set(re.findall(r'QT_TRANSLATE_NOOP\("settings",\s*((?:"[^"]*"\s*)+)\)', source))
    texts = {"".join(re.findall(r'"([^"]*)"', m)) for m in marked}
    for spec in SETTINGS_SPEC:
        assert spec.label in texts, spec.key
        if spec.help:
            assert spec.help in texts, spec.key
    for label in GROUP_LABELS.values():
        assert label in texts


def test_field_problems_for_the_dialog():
    assert field_problem("interval_min", 60) is None
    assert "from 5 to 240" in str(field_problem("interval_min", 241))
    assert field_problem("work_days", ()) == "Choose at least one working day."
    assert field_problem("checkin_times", (time(10), time(10))) == "10:00 is in the list twice."
    assert "at most 8" in str(field_problem("checkin_times", tuple(time(h) for h in range(9))))
    assert "unknown pattern" in str(field_problem("breathing_pattern", "fast"))
    problem = field_problem("work_days", ())
    assert isinstance(problem, Message) and problem.context == "settings"


def test_cross_field_rule_is_reported_at_the_end_time():
    values = asdict(Settings())
    assert settings_problems(values) == {}
    values["work_end"] = time(9, 0)
    problems = settings_problems(values)
    assert list(problems) == ["work_end"]
    assert "(09:00)" in problems["work_end"]
    values["work_start"] = time(8, 59)
    assert settings_problems(values) == {}


@pytest.mark.parametrize("key", ["breathing_pattern", "exercise"])
@pytest.mark.parametrize("value", [["box"], {"name": "box"}])
def test_an_unhashable_choice_is_reported_not_raised(key: str, value: object):
    settings, problems = parse_settings({key: value})
    assert settings == Settings()
    assert len(problems) == 1 and problems[0].startswith(repr(key))


def test_tray_icon_takes_its_three_looks_only():
    for style in ("colour", "light", "dark"):
        assert PARSERS["tray_icon"](style) == style
    settings, problems = parse_settings({"tray_icon": "sparkly"})
    assert settings.tray_icon == "colour"
    assert "unknown tray icon 'sparkly'" in problems[0]


def test_the_evening_minute_is_off_by_default_and_its_time_waits_for_it():
    assert {key: getattr(Settings(), key) for key in EVENING_KEYS} == EVENING_KEYS
    spec = SPEC_BY_KEY["wind_down_at"]
    assert (spec.kind, spec.group, spec.enabled_by) == (Kind.TIME, Group.SCHEDULE, "wind_down")
    assert SPEC_BY_KEY["wind_down"].group is Group.SCHEDULE
    assert SPEC_BY_KEY["wind_down"].label and SPEC_BY_KEY["wind_down"].help
    settings, problems = parse_settings({"wind_down": True, "wind_down_at": "22:15"})
    assert (settings.wind_down, settings.wind_down_at, problems) == (True, time(22, 15), [])
    assert settings_to_dict(settings)["wind_down_at"] == "22:15"


@pytest.mark.parametrize(("key", "value", "says"), [
    ("wind_down_at", "25:00", "'wind_down_at': '25:00' is not a time of day; the default "
                              "\"21:30\" is used"),
    ("wind_down_at", "9pm", "'wind_down_at': '9pm' is not a time written as HH:MM"),
    ("wind_down_at", 2130, "'wind_down_at': expected a time as \"HH:MM\", got 2130"),
    ("wind_down", "yes", "'wind_down': expected true or false, got 'yes'; the default false "
                         "is used"),
])
def test_a_wrong_evening_minute_value_is_named(key, value, says):
    settings, [problem] = parse_settings({key: value})
    assert says in problem
    assert (settings.wind_down, settings.wind_down_at) == (False, time(21, 30))
    assert field_problem("wind_down_at", time(23, 59)) is None


def test_the_sharing_keys_default_to_not_sharing():
    settings, problems = parse_settings({})
    assert problems == []
    for key, default in SHARING_KEYS.items():
        assert getattr(settings, key) == default


@pytest.mark.parametrize("folder", ["", "/home/anna/Sync", "~/Dropbox", "C:\\Users\\anna\\Sync",
                                    "\\\\server\\share", "  /srv/sync  "])
def test_a_shared_folder_is_empty_or_a_full_path(folder):
    assert PARSERS["shared_folder"](folder) == folder.strip()


@pytest.mark.parametrize("folder", ["Sync", "./Sync", "~anna/Sync", "/a\nb", 5, None])
def test_a_shared_folder_that_is_no_full_path_is_refused_and_nothing_else_is_lost(folder):
    settings, problems = parse_settings({"shared_folder": folder, "interval_min": 45,
                                         "computer_name": "Laptop"})
    assert settings.shared_folder == ""
    assert (settings.interval_min, settings.computer_name) == (45, "Laptop")
    assert len(problems) == 1
    assert "shared_folder" in problems[0]


def test_a_relative_shared_folder_is_named_in_the_window():
    problem = settings_problems({"shared_folder": "Sync"})["shared_folder"]
    assert "full path" in problem


def test_a_computer_name_is_one_short_line():
    assert PARSERS["computer_name"]("  Desk at home ") == "Desk at home"
    for bad in ("x" * 65, "two\nlines", 3):
        with pytest.raises(ValueError):  # noqa: PT011 - the message is the window's
            PARSERS["computer_name"](bad)
