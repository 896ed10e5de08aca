"""Bad input everywhere (issue 7, case 7): hypothesis throws arbitrary data at every parser of
outside input. Each must answer with its own documented error (or a clear message), never with
another exception: settings, journal records and files, preferences, import files, command-line
arguments and the remote-control messages.

The examples that found real bugs (deeply nested JSON) are kept below as explicit tests.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stressbreak.cli import _day_range, _ExportError, build_parser
from stressbreak.core.commands import COMMANDS, ON_COMMAND_LINE, Request, parse_request
from stressbreak.core.export import ImportFileError, parse_import
from stressbreak.core.model import CheckIn, CheckInOrigin, RecordError, record_from_dict
from stressbreak.core.prefs import Prefs, PrefsError, prefs_from_dict
from stressbreak.core.settings import PARSERS, Settings, parse_settings, settings_to_dict
from stressbreak.services.journal import AtomicJSONStorage, DamagedFileError, Journal
from stressbreak.services.prefs_store import PrefsStore
from stressbreak.services.settings_store import SettingsStore

AMS = ZoneInfo("Europe/Amsterdam")
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
# Nesting this deep stays far below Python's recursion limit: the deep-nesting bugs are pinned
# by the explicit tests at the end, not left to chance here.
SMALL_BYTES = st.binary(max_size=512)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
setting_keys = st.sampled_from([*PARSERS, "version", "unknown_key"])
settings_like = st.dictionaries(setting_keys, json_values, max_size=8)
# Values of the right JSON kind but random content, so the parsers' inner checks are reached.
plausible_values = st.one_of(
    st.integers(-1000, 1000),
    st.booleans(),
    st.lists(st.sampled_from(["mon", "Tue", "sun", "xyz", "09:00", "25:00", "9:5"]), max_size=9),
    st.sampled_from(["09:00", "17:30", "23:59", "24:00", "7:00", "coherent", "rotate", "box",
                     "breathing", "values", "nl", "EN", "system", "klingon", ""]),
)
plausible_settings = st.dictionaries(setting_keys, plausible_values, max_size=12)


# --- settings -------------------------------------------------------------------------------


@FUZZ
@given(st.one_of(json_values, settings_like, plausible_settings))
def test_parse_settings_never_raises_and_always_gives_valid_settings(raw: Any) -> None:
    result, problems = parse_settings(raw)
    assert isinstance(result, Settings)
    assert all(isinstance(p, str) and p for p in problems)
    # What it gives back is itself valid: written out and read again, nothing is reported.
    again, again_problems = parse_settings(settings_to_dict(result))
    assert again == result
    assert again_problems == []
    if not problems:  # nothing said: then every key given was taken as it was written
        assert isinstance(raw, dict)
        written = settings_to_dict(result)
        assert all(written[k] == _LEGACY.get((k, repr(v)), v) for k, v in raw.items()
                   if k in PARSERS and k not in ("work_days", "checkin_times", "language"))


# Older files' values that are read without a word, in today's form.
_LEGACY = {("reduced_motion", "True"): "on", ("reduced_motion", "False"): "system"}


@FUZZ
@given(SMALL_BYTES)
def test_a_settings_file_of_any_bytes_gives_settings_and_is_never_changed(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.json"
        path.write_bytes(content)
        told: list[str] = []
        result = SettingsStore(path, told.append).load()
        assert isinstance(result, Settings)
        assert path.read_bytes() == content
        if not told:  # nothing said: then the file was good settings from top to bottom
            assert parse_settings(json.loads(content))[1] == []


# --- journal records and files --------------------------------------------------------------

record_like = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["pause", "checkin", "mood", 3]),
        "v": st.one_of(st.integers(-1, 4), st.booleans(), st.text(max_size=3)),
        "id": st.one_of(st.text(max_size=8), st.integers()),
    },
    optional={
        "at": st.sampled_from(["2026-11-24T10:00:00+01:00", "2026-11-24T10:00:00", "noon", 5]),
        "started_at": st.sampled_from(["2026-11-24T10:00:00+01:00", "2026-13-01T00:00Z", ""]),
        "ended_at": st.sampled_from(["2026-11-24T10:01:00+01:00", None]),
        "outcome": st.sampled_from(["completed", "missed", "exploded", 1]),
        "exercise": st.sampled_from(["coherent", "box", None]),
        "origin": st.sampled_from(["manual", "scheduled", "telepathy"]),
        "tension": st.one_of(st.integers(-3, 13), st.none(), st.booleans(), st.floats()),
        "breathing": st.one_of(st.lists(st.text(max_size=5), max_size=3), st.text(max_size=3)),
        "breathing_note": st.one_of(st.text(max_size=5), st.none()),
        "body": st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=3),
        "body_note": st.text(max_size=5),
        "need": st.lists(st.text(max_size=3), max_size=3),
        "need_note": st.text(max_size=5),
        "signals": st.lists(st.text(max_size=3), max_size=3),
        "trigger": st.text(max_size=5),
        "next_step": st.text(max_size=5),
    },
)


@FUZZ
@given(st.one_of(json_values, record_like))
def test_record_from_dict_gives_a_record_or_a_record_error(raw: Any) -> None:
    try:
        record = record_from_dict(raw)
    except RecordError:
        return
    # What it accepts it can write and read back unchanged.
    assert record_from_dict(json.loads(json.dumps(record.to_dict()))) == record


@FUZZ
@given(SMALL_BYTES)
def test_a_journal_file_of_any_bytes_is_read_or_refused_as_damaged(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal-2026-11.json"
        path.write_bytes(content)
        with contextlib.suppress(DamagedFileError):  # the one refusal allowed
            AtomicJSONStorage(path).read()
        told: list[str] = []
        journal = Journal(Path(folder), told.append)
        journal.start()
        try:
            records = journal.all_records()
            assert all(r.at.tzinfo is not None for r in records)
        finally:
            journal.stop()
        moved = list(Path(folder).glob("journal-2026-11.json.damaged-*"))
        if moved:  # moved aside whole, and told exactly once
            assert [m.read_bytes() for m in moved] == [content]
            assert len(told) == 1


month_records = st.lists(st.builds(
    lambda day, tension, trigger: CheckIn(datetime(2026, 11, day, 10, tzinfo=AMS),
                                          CheckInOrigin.MANUAL, tension=tension, trigger=trigger),
    st.integers(1, 30), st.integers(0, 10), st.text(max_size=30)), min_size=1, max_size=6)


@FUZZ
@given(month_records, st.data())
def test_a_month_cut_anywhere_keeps_every_record_that_was_whole_before_the_cut(
    records: list[CheckIn], data: st.DataObject
) -> None:
    """Salvage (issue 14): the month as the journal writes it, cut at any byte (a multi-byte
    character split too): every record whose JSON ends before the cut is back in the
    journal, the original is kept aside byte for byte, and the user is told once."""
    text = b'{"records": {'
    ends = []
    for n, record in enumerate(records, start=1):
        text += f'"{n}": '.encode() + json.dumps(record.to_dict(), ensure_ascii=False).encode()
        ends.append(len(text))
        text += b", "
    text = text[:-2] + b"}}"
    assert json.loads(text) == {"records": {str(n): r.to_dict()
                                            for n, r in enumerate(records, start=1)}}
    cut = data.draw(st.integers(1, len(text) - 1), label="cut")
    content = text[:cut]
    whole_before_cut = [r for r, end in zip(records, ends, strict=True) if end <= cut]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "journal-2026-11.json").write_bytes(content)
        told: list[str] = []
        journal = Journal(Path(folder), told.append)
        journal.start()
        try:
            kept = journal.all_records()
        finally:
            journal.stop()
        assert sorted(r.id for r in kept) == sorted(r.id for r in whole_before_cut)
        assert kept == sorted(whole_before_cut, key=lambda r: r.at)
        [moved] = Path(folder).glob("journal-2026-11.json.damaged-*")
        assert moved.read_bytes() == content
        assert len(told) == 1


# --- preferences and import files -----------------------------------------------------------


@FUZZ
@given(json_values)
def test_prefs_from_dict_gives_prefs_or_a_prefs_error(raw: Any) -> None:
    try:
        prefs = prefs_from_dict(raw)
    except PrefsError:
        return
    assert prefs_from_dict(json.loads(json.dumps(prefs.to_dict()))) == prefs


@FUZZ
@given(SMALL_BYTES)
def test_a_prefs_file_of_any_bytes_gives_prefs_and_is_kept(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prefs.json"
        path.write_bytes(content)
        told: list[str] = []
        prefs = PrefsStore(path, told.append).load()
        assert isinstance(prefs, Prefs)
        kept = [p.read_bytes() for p in Path(folder).iterdir()]
        assert kept == [content]  # in place, or moved aside: never lost
        assert len(told) == (0 if path.exists() else 1)


@FUZZ
@given(st.one_of(st.text(max_size=400), json_values.map(json.dumps)))
def test_parse_import_gives_a_result_or_an_import_file_error(text: str) -> None:
    try:
        result = parse_import(text)
    except ImportFileError as exc:
        refusal: Exception | None = exc
    else:
        refusal = None
        assert result.skipped >= 0
    assert refusal is None or str(refusal)


# --- command line and remote control --------------------------------------------------------

cli_words = st.sampled_from([
    "run", "pause", "checkin", "overview", "status", "quit", "export", "show", "--version",
    "--help", "-h", "--data-dir", "/tmp/x", "--format", "csv", "json", "xml", "--from",
    "--to", "2026-11-24", "-o", "-", "--output", "", "--", "-x", "\x00", "ü", "--data-dir=",
])


@FUZZ
@given(argv=st.lists(st.one_of(cli_words, st.text(max_size=12)), max_size=8))
def test_the_command_line_parser_exits_with_usage_or_parses(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        code = exc.code
    else:
        code = None
    capsys.readouterr()
    if code is not None:
        assert code in (0, 2)  # --help/--version, or a usage error
        return
    assert args.command in (*ON_COMMAND_LINE, "export")


@FUZZ
@given(st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
       st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
       st.sampled_from([AMS, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati"),
                        ZoneInfo("Etc/GMT+12"), UTC]))
def test_export_dates_give_a_range_or_a_clear_error(
    first: str | None, last: str | None, zone: Any
) -> None:
    try:
        start, end = _day_range(first, last, zone)
    except _ExportError as exc:
        message = str(exc.args[0])
    else:
        message = None
    if message is not None:
        assert message  # a sentence for stderr
        return
    assert start is None or start.tzinfo is not None
    if start is not None and end is not None:
        assert start < end


@FUZZ
@given(st.one_of(
    SMALL_BYTES,
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(["command", "cmd", "args", "file", "heart_rate_file"]),
                    st.one_of(st.sampled_from([*COMMANDS, "format-disk", ""]), json_values),
                    max_size=3).map(lambda v: json.dumps(v).encode()),
))
def test_a_remote_control_message_gives_a_command_or_a_readable_value_error(raw: bytes) -> None:
    try:
        request = parse_request(raw)
    except ValueError as exc:
        reason = str(exc)
    else:
        reason = None
    if reason is not None:
        assert reason  # sent back to the caller as the error message
        return
    assert getattr(request, "command", request) in COMMANDS


@pytest.mark.parametrize(("message", "reason"), [
    ({"command": "import"}, '"import" needs "file"'),
    ({"command": "import", "file": "week.json"}, "an absolute path"),
    ({"command": "import", "file": ["/a"]}, "an absolute path"),
    ({"command": "pause", "file": "/tmp/week.json"}, '"file" belongs to "import"'),
])
def test_an_import_request_names_an_absolute_file_and_no_other_takes_one(
        message: dict[str, object], reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_request(json.dumps(message).encode())


def test_an_import_request_goes_over_the_channel_whole() -> None:
    sent = Request("import", file="/home/an/export van maandag.json")
    assert parse_request(sent.encode()) == sent


@pytest.mark.parametrize("message", [
    {"command": "pause", "heart_rate_file": "rr.csv"},
    {"command": "pause", "heart_rate_file": 3},
    {"command": "import", "file": "/a.json", "heart_rate_file": "/rr.csv"},
])
def test_only_a_pause_takes_a_recording_and_only_by_an_absolute_path(
        message: dict[str, object]) -> None:
    with pytest.raises(ValueError, match='"heart_rate_file" belongs to "pause"'):
        parse_request(json.dumps(message).encode())


def test_a_pause_with_a_recording_goes_over_the_channel_whole() -> None:
    sent = Request("pause", heart_rate_file="/home/an/rr van maandag.csv")
    assert parse_request(sent.encode()) == sent


# --- what the fuzzing found ----------------------------------------------------------------


# Found by the fuzzing above: `value not in PATTERNS` raised TypeError (unhashable) for a list
# or object, out of SettingsStore.load and Controller.start (fixed with the settings rework).
@pytest.mark.parametrize("key", ["breathing_pattern", "exercise"])
@pytest.mark.parametrize("value", [["box"], {"name": "box"}])
def test_a_list_as_breathing_pattern_or_exercise_is_reported(key: str, value: object) -> None:
    result, problems = parse_settings({key: value, "interval_min": 30})
    assert result.interval_min == 30
    assert getattr(result, key) == getattr(Settings(), key)
    assert len(problems) == 1 and repr(key) in problems[0]


DEEP = b"[" * 100_000


def test_a_deeply_nested_remote_message_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not JSON"):
        parse_request(b"[" * 3000)


def test_a_deeply_nested_settings_file_gives_defaults_and_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(DEEP)
    told: list[str] = []
    assert SettingsStore(path, told.append).load() == Settings()
    assert len(told) == 1
    assert path.read_bytes() == DEEP


def test_a_deeply_nested_prefs_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "prefs.json"
    path.write_bytes(DEEP)
    told: list[str] = []
    assert PrefsStore(path, told.append, clock=None).load() == Prefs()
    assert len(told) == 1
    [kept] = tmp_path.glob("prefs.json.damaged-*")
    assert kept.read_bytes() == DEEP


def test_a_deeply_nested_journal_file_and_import_are_handled(tmp_path: Path) -> None:
    """The journal and the import already handle it (the contrast to the three above)."""
    (tmp_path / "journal-2026-11.json").write_bytes(DEEP)
    told: list[str] = []
    journal = Journal(tmp_path, told.append)
    journal.start()
    try:
        assert journal.all_records(datetime(2026, 11, 1, tzinfo=UTC)) == []
    finally:
        journal.stop()
    assert len(told) == 1
    with pytest.raises(ImportFileError):
        parse_import(DEEP.decode())
