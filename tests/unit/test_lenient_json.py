"""Reading what can still be read from a damaged JSON object (issue 14, case 6): realistic
damages to a settings file as the app writes it, and fuzzing."""

from __future__ import annotations

import json
import re
import time as clock
from datetime import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stressbreak.core.lenient_json import MAX_CHARS, Lost, salvage_object
from stressbreak.core.settings import Settings, settings_to_dict

CUSTOM = settings_to_dict(Settings(
    interval_min=45, work_days=(0, 2, 4), work_start=time(8, 15), work_end=time(16, 45),
    checkin_times=(time(9, 0), time(15, 0)), snooze_min=10, breathing_pattern="box",
    language="nl", native_notifications=False))
FILE = json.dumps(CUSTOM, indent=2) + "\n"  # as SettingsStore.save writes it
BAD_BYTES = ["\x00", "\x1b"]  # not JSON anywhere outside a string, nor inside one


def _value_span(text: str, key: str) -> tuple[int, int]:
    """Where the value of `key` is written in `text`, as [start, end)."""
    start = text.index(f'"{key}": ') + len(f'"{key}": ')
    _, end = json.JSONDecoder().raw_decode(text, start)
    return start, end


def _without(key: str) -> dict[str, Any]:
    return {k: v for k, v in CUSTOM.items() if k != key}


def test_a_whole_object_is_read_as_it_is():
    assert salvage_object(FILE) == salvage_object(json.dumps(CUSTOM))
    salvage = salvage_object(FILE)
    assert salvage.pairs == CUSTOM
    assert salvage.lost == ()


@pytest.mark.parametrize("bad", BAD_BYTES, ids=repr)
@pytest.mark.parametrize("key", list(CUSTOM))
def test_one_bad_byte_anywhere_in_one_value_loses_that_key_only(key: str, bad: str):
    start, end = _value_span(FILE, key)
    line = FILE.count("\n", 0, FILE.index(f'"{key}"')) + 1
    for at in range(start, end):
        damaged = FILE[:at] + bad + FILE[at + 1:]
        with pytest.raises(json.JSONDecodeError):
            json.loads(damaged)
        salvage = salvage_object(damaged)
        assert salvage.pairs == _without(key), (at, damaged[start:end])
        assert salvage.lost == (Lost(key, line),)


@pytest.mark.parametrize("key", list(CUSTOM))
def test_one_bad_byte_in_a_key_loses_that_pair_only(key: str):
    at = FILE.index(f'"{key}"') + 2
    damaged = FILE[:at] + "\x00" + FILE[at + 1:]
    salvage = salvage_object(damaged)
    assert salvage.pairs == _without(key)
    assert salvage.lost == (Lost(None, FILE.count("\n", 0, at) + 1),)


@pytest.mark.parametrize("key", list(CUSTOM)[:-1])
def test_a_missing_comma_loses_nothing(key: str):
    _, end = _value_span(FILE, key)
    assert FILE[end] == ","
    salvage = salvage_object(FILE[:end] + FILE[end + 1:])
    assert salvage.pairs == CUSTOM
    assert salvage.lost == ()


def test_a_missing_comma_on_one_line_loses_nothing_after_a_string():
    salvage = salvage_object('{"language": "nl" "snooze_min": 10}')
    assert salvage.pairs == {"language": "nl", "snooze_min": 10}


def test_a_number_followed_by_a_quote_on_the_same_line_is_not_trusted():
    # `10 "` may be what is left of `105"`, or of `10x"`: the number is not taken.
    salvage = salvage_object('{"snooze_min": 10 "language": "nl"}')
    assert salvage.pairs == {"language": "nl"}
    assert salvage.lost == (Lost("snooze_min", 1),)


def test_a_file_cut_anywhere_keeps_every_pair_before_the_cut_and_no_value_cut_short():
    keys = list(CUSTOM)
    key_starts = [FILE.index(f'"{key}"') for key in keys]
    for cut in range(len(FILE) + 1):
        salvage = salvage_object(FILE[:cut])
        # Nothing kept that was not in the file as it is: no `4` for a `45`, no `"ni"`.
        assert all(CUSTOM[k] == v for k, v in salvage.pairs.items()), (cut, salvage.pairs)
        # Every pair followed by the next key's line is complete, and kept.
        whole = {keys[i] for i in range(len(keys) - 1) if key_starts[i + 1] <= cut}
        assert whole <= salvage.pairs.keys(), (cut, whole - salvage.pairs.keys())
        assert len(salvage.lost) <= 1


def test_a_number_at_the_very_end_is_not_trusted_but_with_a_space_after_it_is():
    assert salvage_object('{"language": "nl", "snooze_min": 1').pairs == {"language": "nl"}
    assert salvage_object('{"language": "nl", "snooze_min": 1 ').pairs == {
        "language": "nl", "snooze_min": 1}
    assert salvage_object('{"language": "nl", "sound_cues": true').pairs == {
        "language": "nl", "sound_cues": True}


def test_pairs_after_an_early_closing_brace_are_still_read():
    assert salvage_object('{"a": 1}, "b": 2}').pairs == {"a": 1, "b": 2}
    assert salvage_object('{"a": 1}\n').pairs == {"a": 1}


def test_a_later_good_copy_of_a_lost_key_is_not_reported_lost():
    salvage = salvage_object('{"a": 1x,\n"b": 2,\n"a": 3}')
    assert salvage.pairs == {"a": 3, "b": 2}
    assert salvage.lost == ()


def test_a_byte_order_mark_and_commas_too_many_are_passed_over():
    assert salvage_object('\ufeff{"a": 1,, "b": 2,}').pairs == {"a": 1, "b": 2}


@pytest.mark.parametrize("text", ["", "   ", "[1, 2]", '"a"', "nonsense", "}", "{" * 10])
def test_what_is_not_an_object_gives_nothing(text: str):
    assert salvage_object(text).pairs == {}


def test_a_value_nested_too_deeply_is_lost_and_the_rest_read():
    text = '{"a": 1,\n"b": ' + "[" * 5000 + '\n, "c": 3}'
    salvage = salvage_object(text)
    assert salvage.pairs == {"a": 1, "c": 3}
    assert salvage.lost == (Lost("b", 2),)


def test_a_text_too_long_to_search_gives_nothing():
    text = '{"a": 1, "b": x' + " " * MAX_CHARS + "}"
    assert salvage_object(text).pairs == {}


@pytest.mark.parametrize("text", [
    "{" + '"a": {' * 13000,  # each try reads deep into what follows
    "{" + '"a": [{' * 10000,
    "{" + '"k": x,\n' * 8000,  # many bad pairs
    '{"a": 1 x' + "\n" * 60000,  # a long run of empty lines
    '{"a": 1, ' + ',"\\"' * 15000,  # many quotes that are not keys
    "{" + "," * 60000,
])
def test_the_work_is_bounded_for_any_text(text: str):
    started = clock.perf_counter()
    salvage_object(text)
    assert clock.perf_counter() - started < 1.0


FLAT = st.dictionaries(
    st.text(max_size=12),
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
              st.lists(st.one_of(st.integers(), st.text(max_size=8)), max_size=4)),
    max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FLAT, st.sampled_from([None, 0, 2]))
def test_any_flat_object_is_read_whole(obj: dict[str, Any], indent: int | None):
    salvage = salvage_object(json.dumps(obj, indent=indent))
    assert salvage.pairs == obj
    assert salvage.lost == ()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FLAT, st.sampled_from([None, 2]), st.data())
def test_one_bad_byte_in_any_flat_object_keeps_only_what_was_there(
    obj: dict[str, Any], indent: int | None, data: st.DataObject
):
    text = json.dumps(obj, indent=indent)
    at = data.draw(st.integers(0, len(text) - 1))
    bad = data.draw(st.sampled_from(BAD_BYTES))
    salvage = salvage_object(text[:at] + bad + text[at + 1:])
    assert all(k in obj and obj[k] == v for k, v in salvage.pairs.items())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('{}[]",: \n\\tru0123ab\x00')), max_size=200))
def test_any_text_is_read_without_an_error(text: str):
    salvage = salvage_object(text)
    assert all(isinstance(key, str) for key in salvage.pairs)
    assert all(re.fullmatch(r"\d+", str(lost.line)) for lost in salvage.lost)
