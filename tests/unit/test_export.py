"""Export and import: JSON round trips over arbitrary records, merging without duplicates, CSV
that a spreadsheet reads as text, and clear refusals of files that are not ours."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections import Counter
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stressbreak.core.export import (
    CSV_COLUMNS,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    ExportFormat,
    ImportFileError,
    default_file_name,
    export_bytes,
    parse_import,
    to_csv,
    to_json,
)
from stressbreak.core.helps import day_scores
from stressbreak.core.messages import Message, message_of
from stressbreak.core.model import (
    SCHEMA_VERSION,
    CheckIn,
    CheckInOrigin,
    DayRating,
    Deletion,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.services.journal import Journal

AMS = ZoneInfo("Europe/Amsterdam")
EXPORTED_AT = datetime(2024, 6, 1, 9, 30, tzinfo=AMS)

# --- strategies ---------------------------------------------------------------------------------

# Whole minutes from -12:00 to +14:00, the real range, plus named zones with DST: the app's own
# records carry the local ZoneInfo, an import brings fixed offsets back.
_fixed_offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
_zones = st.one_of(
    _fixed_offsets,
    st.sampled_from([UTC, AMS, ZoneInfo("America/New_York"), ZoneInfo("Australia/Lord_Howe")]),
)


def _times(zones: st.SearchStrategy[tzinfo]) -> st.SearchStrategy[datetime]:
    return st.datetimes(
        min_value=datetime(1970, 1, 1),  # noqa: DTZ001  (hypothesis wants naive bounds)
        max_value=datetime(2200, 12, 31),  # noqa: DTZ001
        timezones=zones,
    )


# Any text, with the characters that break naive CSV or JSON writers made likely.
_tricky = st.sampled_from([*'\n\r",;\'\\=+-@\t\x00', "ë", "—", "🙂", "\u2028"])
free_text = st.text(alphabet=st.one_of(st.characters(exclude_categories=("Cs",)), _tricky),
                    max_size=40)
ids = st.one_of(st.uuids().map(lambda u: u.hex), free_text)
word_lists = st.lists(free_text, max_size=4).map(tuple)



def _records(times: st.SearchStrategy[datetime]) -> st.SearchStrategy[Record]:
    pauses = st.builds(
        PauseRecord,
        started_at=times,
        ended_at=times,
        outcome=st.sampled_from(PauseOutcome),
        exercise=free_text,
        id=ids,
    )
    check_ins = st.builds(
        CheckIn,
        at=times,
        origin=st.sampled_from(CheckInOrigin),
        breathing=word_lists,
        breathing_note=free_text,
        body=word_lists,
        body_note=free_text,
        need=word_lists,
        need_note=free_text,
        tension=st.one_of(st.none(), st.integers(min_value=0, max_value=10)),
        signals=word_lists,
        trigger=free_text,
        next_step=free_text,
        id=ids,
    )
    ratings = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
    day_ratings = st.builds(DayRating, at=times, sleep=ratings, energy=ratings, focus=ratings,
                            id=ids)
    return st.one_of(pauses, check_ins, day_ratings)


records = _records(_times(_zones))
fixed_offset_records = _records(_times(_fixed_offsets))


def stored_form(record: Record) -> str:
    """A record as the journal stores it: same text means nothing was lost or changed.

    Compared this way (not only with ==) because a time in a DST fold never compares equal to
    the same instant in a fixed offset, and == would not notice a changed offset.
    """
    return json.dumps(record.to_dict(), sort_keys=True, ensure_ascii=False)


def oldest_first(items: list[Record]) -> list[Record]:
    return sorted(items, key=lambda record: record.at)


def pause(at: datetime, **kwargs: object) -> PauseRecord:
    return PauseRecord(started_at=at, ended_at=at + timedelta(seconds=61),
                       outcome=PauseOutcome.COMPLETED, **kwargs)  # type: ignore[arg-type]


def check_in(at: datetime, **kwargs: object) -> CheckIn:
    return CheckIn(at=at, origin=CheckInOrigin.MANUAL, **kwargs)  # type: ignore[arg-type]


# --- JSON round trip ----------------------------------------------------------------------------


@given(st.lists(records, max_size=25))
def test_json_round_trip_loses_and_duplicates_nothing(items: list[Record]) -> None:
    result = parse_import(to_json(items, exported_at=EXPORTED_AT, app_version="0.1.0"))

    assert result.skipped == 0
    assert [stored_form(r) for r in result.records] == [stored_form(r) for r in oldest_first(items)]
    assert [type(r) for r in result.records] == [type(r) for r in oldest_first(items)]
    for before, after in zip(oldest_first(items), result.records, strict=True):
        assert after.at.utcoffset() == before.at.utcoffset()


@given(st.lists(fixed_offset_records, max_size=10))
def test_json_round_trip_gives_equal_records_for_fixed_offsets(items: list[Record]) -> None:
    result = parse_import(to_json(items, exported_at=EXPORTED_AT, app_version="0.1.0"))
    assert result.records == oldest_first(items)


def test_json_document_shape() -> None:
    later = check_in(datetime(2024, 3, 2, 9, tzinfo=AMS), body_note="schouders ✓")
    earlier = pause(datetime(2024, 3, 1, 9, tzinfo=AMS))
    text = to_json([later, earlier], exported_at=EXPORTED_AT, app_version="9.9")
    document = json.loads(text)

    assert document["format"] == EXPORT_FORMAT == "stressbreak-export"
    assert document["version"] == EXPORT_VERSION == 1
    assert document["exported_at"] == "2024-06-01T09:30:00+02:00"
    assert document["app_version"] == "9.9"
    assert document["records"] == [earlier.to_dict(), later.to_dict()]
    assert "schouders ✓" in text  # readable UTF-8, not \\u escapes


LAPTOP, DESK, GONE = "0123456789abcdef", "fedcba9876543210", "00000000000000aa"


def _from_three_computers() -> list[Record]:
    return [pause(datetime(2024, 3, 1, 9, tzinfo=AMS), id="before-sharing"),
            pause(datetime(2024, 3, 1, 10, tzinfo=AMS), id="laptop", computer=LAPTOP),
            check_in(datetime(2024, 3, 1, 11, tzinfo=AMS), id="desk", computer=DESK),
            check_in(datetime(2024, 3, 1, 12, tzinfo=AMS), id="gone", computer=GONE)]


def test_csv_says_which_computer_each_record_came_from() -> None:
    names = {LAPTOP: "Laptop", DESK: "=Desk at home", "1111111111111111": "unused"}
    rows = read_csv(to_csv(_from_three_computers(), names))
    assert [(row["id"], row["computer"]) for row in rows] == [
        ("before-sharing", ""),  # made before this computer shared a folder
        ("laptop", "Laptop"),
        ("desk", "'=Desk at home"),  # a name is typed text too: no formula
        ("gone", GONE),  # a computer whose name is not known: its id
    ]


def test_json_keeps_each_record_s_computer_and_names_the_computers_it_uses() -> None:
    items = _from_three_computers()
    names = {LAPTOP: "Laptop", DESK: "Desk at home", "1111111111111111": "unused"}
    text = to_json(items, exported_at=EXPORTED_AT, app_version="1", computers=names)
    document = json.loads(text)
    assert document["computers"] == {LAPTOP: "Laptop", DESK: "Desk at home"}
    assert [raw.get("computer") for raw in document["records"]] == [None, LAPTOP, DESK, GONE]
    back = parse_import(text)  # an import keeps where each record came from
    assert back.records == items
    assert [record.computer for record in back.records] == [None, LAPTOP, DESK, GONE]
    assert json.loads(to_json(items[:1], exported_at=EXPORTED_AT, app_version="1",
                              computers=names))["computers"] == {}


def test_exported_at_must_be_aware() -> None:
    with pytest.raises(ValueError, match="timezone"):
        to_json([], exported_at=datetime(2024, 1, 1), app_version="x")  # noqa: DTZ001


def test_export_bytes_per_format() -> None:
    record = check_in(datetime(2024, 3, 2, 9, tzinfo=AMS), trigger="ë")
    as_json = export_bytes([record], ExportFormat.JSON, exported_at=EXPORTED_AT,
                           app_version="1")
    as_csv = export_bytes([record], ExportFormat.CSV, exported_at=EXPORTED_AT, app_version="1")

    assert not as_json.startswith(b"\xef\xbb\xbf")
    assert parse_import(as_json.decode("utf-8")).records == [record]
    assert as_csv.startswith(b"\xef\xbb\xbfkind,id,")  # the BOM Excel needs for UTF-8
    assert as_csv.decode("utf-8-sig") == to_csv([record])
    assert default_file_name(ExportFormat.CSV, date(2024, 6, 1)) == (
        "stressbreak-export-2024-06-01.csv")


# --- import errors ------------------------------------------------------------------------------


def _envelope(**changes: object) -> str:
    document: dict[str, object] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": EXPORTED_AT.isoformat(),
        "app_version": "0.1.0",
        "records": [],
    }
    document.update(changes)
    return json.dumps(document)


def _refusal(text: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_import(text)
    message = message_of(caught.value)
    assert isinstance(message, Message)  # so the window can translate it
    assert message.context == "export"
    return message


@pytest.mark.parametrize("text", ["", "not json", "{", "\x00\x01", "[" * 100_000],
                         ids=["empty", "words", "truncated", "binary", "deep"])
def test_text_that_is_not_json_is_refused(text: str) -> None:
    assert "not JSON" in _refusal(text)


@pytest.mark.parametrize("text", [
    "[]", "null", '"stressbreak-export"', json.dumps({"records": []}),
    _envelope(format="someone-else"), json.dumps({"_default": {}, "records": {}}),
], ids=["list", "null", "string", "no-format", "other-format", "a-journal-file"])
def test_json_that_is_not_our_export_is_refused(text: str) -> None:
    assert _refusal(text) == "This file cannot be imported: it is not a StressBreak export."


def test_a_newer_export_version_is_refused_and_named() -> None:
    message = _refusal(_envelope(version=EXPORT_VERSION + 1))
    assert "newer StressBreak" in message
    assert f"version {EXPORT_VERSION + 1}" in message


@pytest.mark.parametrize("changes", [
    {"version": "1"}, {"version": True}, {"version": 0}, {"version": None},
    {"records": {"1": {}}}, {"records": None},
], ids=["version-text", "version-bool", "version-0", "version-null", "records-object",
        "records-null"])
def test_a_damaged_envelope_is_refused(changes: dict[str, object]) -> None:
    assert "incomplete or damaged" in _refusal(_envelope(**changes))


def test_unreadable_records_are_skipped_and_counted() -> None:
    good = pause(datetime(2024, 3, 1, 9, tzinfo=AMS))
    newer = {**pause(datetime(2024, 3, 2, 9, tzinfo=AMS)).to_dict(), "v": SCHEMA_VERSION + 1}
    bad_tension = {**check_in(datetime(2024, 3, 3, 9, tzinfo=AMS)).to_dict(), "tension": 11}
    naive = {**good.to_dict(), "id": "naive", "started_at": "2024-03-01T09:00:00"}
    text = _envelope(records=[good.to_dict(), newer, bad_tension, naive, "x", None, [1]])
    # A lone surrogate survives json.loads but could never be saved as UTF-8.
    surrogate = json.dumps({**check_in(datetime(2024, 3, 4, 9, tzinfo=AMS)).to_dict(),
                            "trigger": "\ud800"})
    text = text.replace('"x"', surrogate)

    result = parse_import(text)
    assert result.records == [good]
    assert result.skipped == 6


def test_an_older_record_schema_is_migrated_on_import() -> None:
    old = check_in(datetime(2024, 3, 1, 9, tzinfo=AMS), tension=4).to_dict()
    for key in ("signals", "trigger", "next_step"):
        del old[key]
    old["v"] = 1
    (read,) = parse_import(_envelope(records=[old])).records
    assert isinstance(read, CheckIn)
    assert (read.tension, read.signals, read.trigger) == (4, (), "")


def test_a_byte_order_mark_is_accepted() -> None:
    record = pause(datetime(2024, 3, 1, 9, tzinfo=AMS))
    text = "\ufeff" + to_json([record], exported_at=EXPORTED_AT, app_version="1")
    assert parse_import(text).records == [record]


# --- export → journal → import again ------------------------------------------------------------


def _fresh_journal(folder: Path) -> Journal:
    journal = Journal(folder, lambda message: pytest.fail(f"unexpected problem: {message}"))
    journal.start()
    return journal


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(records, max_size=30, unique_by=lambda r: r.id),
       st.lists(records, max_size=5, unique_by=lambda r: r.id))
def test_export_merge_and_import_again_adds_nothing_twice(
    items: list[Record], already_there: list[Record]
) -> None:
    already_there = [r for r in already_there if r.id not in {i.id for i in items}]
    with tempfile.TemporaryDirectory() as folder:
        journal = _fresh_journal(Path(folder))
        try:
            journal.merge(already_there)
            text = to_json(items, exported_at=EXPORTED_AT, app_version="0.1.0")

            first = journal.merge(parse_import(text).records)
            assert (first.added, first.already) == (len(items), 0)
            again = journal.merge(parse_import(text).records)
            assert (again.added, again.already) == (0, len(items))

            expected = Counter(stored_form(r) for r in [*items, *already_there])
            assert Counter(stored_form(r) for r in journal.all_records()) == expected

            # And the journal's own export holds exactly the same.
            exported = to_json(journal.all_records(), exported_at=EXPORTED_AT, app_version="x")
            assert Counter(stored_form(r) for r in parse_import(exported).records) == expected
        finally:
            journal.stop()


def test_merge_dedupes_within_the_import(tmp_path: Path) -> None:
    journal = _fresh_journal(tmp_path)
    record = pause(datetime(2024, 3, 1, 9, tzinfo=AMS), id="same")
    result = journal.merge([record, record, pause(datetime(2024, 4, 1, 9, tzinfo=AMS),
                                                  id="same")])
    assert (result.added, result.already) == (1, 2)
    assert journal.all_records() == [record]
    journal.stop()


# --- CSV ----------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_and_fields() -> None:
    started = datetime(2024, 3, 1, 9, 0, 0, tzinfo=AMS)
    pause_record = pause(started, exercise="box", id="p1")
    check = check_in(
        datetime(2024, 3, 1, 10, 15, tzinfo=timezone(timedelta(hours=-5))),
        breathing=("shallow", "fast"), breathing_note='hoog, "snel"\nen kort', body=("belly",),
        need=(), need_note="rust", tension=0, signals=("jaw",), trigger="mail",
        next_step="wandelen", id="c1",
    )
    text = to_csv([check, pause_record])
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert set(CSV_COLUMNS) >= set(pause_record.to_dict()) - {"v", "started_at"}
    assert set(CSV_COLUMNS) >= set(check.to_dict()) - {"v"}

    first, second = read_csv(text)
    assert first == {
        "kind": "pause", "id": "p1", "at": "2024-03-01T09:00:00+01:00",
        "ended_at": "2024-03-01T09:01:01+01:00", "outcome": "completed", "duration_s": "61.0",
        "exercise": "box", "origin": "", "breathing": "", "breathing_note": "", "body": "",
        "body_note": "", "need": "", "need_note": "", "tension": "", "signals": "",
        "trigger": "", "next_step": "", "sleep": "", "energy": "", "focus": "",
        "computer": "", "heart_rate": "", "rmssd_ms": "", "coherence": "", "pace": "",
        "poor_signal": "",
    }
    assert second == {
        "kind": "checkin", "id": "c1", "at": "2024-03-01T10:15:00-05:00", "ended_at": "",
        "outcome": "", "duration_s": "", "exercise": "", "origin": "manual",
        "breathing": "shallow; fast", "breathing_note": 'hoog, "snel"\nen kort',
        "body": "belly", "body_note": "", "need": "", "need_note": "rust", "tension": "0",
        "signals": "jaw", "trigger": "mail", "next_step": "wandelen", "sleep": "",
        "energy": "", "focus": "", "computer": "", "heart_rate": "", "rmssd_ms": "",
        "coherence": "", "pace": "", "poor_signal": "",
    }


@pytest.mark.parametrize("typed", [
    "=HYPERLINK(\"http://evil.example\",\"klik\")", "+31 6 1234", "-2+3", "@SUM(A1)",
    "\tstart", "\rstart",
])
def test_csv_cells_that_look_like_formulas_stay_text(typed: str) -> None:
    record = check_in(datetime(2024, 3, 1, 9, tzinfo=AMS), trigger=typed, need=(typed,),
                      id=typed)
    (row,) = read_csv(to_csv([record]))
    assert row["trigger"] == "'" + typed
    assert row["need"] == "'" + typed
    assert row["id"] == "'" + typed


def test_csv_leaves_ordinary_text_alone() -> None:
    record = check_in(datetime(2024, 3, 1, 9, tzinfo=AMS), trigger="a = b", next_step="'quoted'")
    (row,) = read_csv(to_csv([record]))
    assert (row["trigger"], row["next_step"]) == ("a = b", "'quoted'")


def test_a_day_rating_cleared_later_is_exported_after_the_one_it_clears() -> None:
    # The latest rating of a day counts: a row of three empty cells is the user clearing the
    # day, and comes after the rating it clears; an import brings the day back unrated.
    rated = DayRating(datetime(2024, 3, 1, 8, tzinfo=AMS), sleep=4, energy=2, focus=3, id="d1")
    cleared = DayRating(datetime(2024, 3, 1, 21, tzinfo=AMS), id="d2")
    rows = read_csv(to_csv([cleared, rated]))
    assert [(r["id"], r["sleep"], r["energy"], r["focus"]) for r in rows] == [
        ("d1", "4", "2", "3"), ("d2", "", "", "")]
    back = parse_import(to_json([cleared, rated], exported_at=EXPORTED_AT, app_version="1"))
    assert day_scores(back.records, AMS) == {}


def _as_cell(text: str) -> str:
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


@given(st.lists(records, max_size=15))
def test_csv_keeps_every_record_and_every_text_cell(items: list[Record]) -> None:
    rows = read_csv(to_csv(items))
    assert len(rows) == len(items)
    for record, row in zip(oldest_first(items), rows, strict=True):
        assert list(row) == list(CSV_COLUMNS)
        assert row["id"] == _as_cell(record.id)
        assert row["at"] == record.at.isoformat()  # with its offset, to the microsecond
        if isinstance(record, CheckIn):
            assert row["kind"] == "checkin"
            assert row["breathing_note"] == _as_cell(record.breathing_note)
            assert row["trigger"] == _as_cell(record.trigger)
            assert row["next_step"] == _as_cell(record.next_step)
            assert row["signals"] == _as_cell("; ".join(record.signals))
            assert row["tension"] == ("" if record.tension is None else str(record.tension))
        elif isinstance(record, DayRating):
            assert row["kind"] == "day"
            for name in ("sleep", "energy", "focus"):
                value = getattr(record, name)
                assert row[name] == ("" if value is None else str(value))
        else:
            assert row["kind"] == "pause"
            assert row["exercise"] == _as_cell(record.exercise)
            assert float(row["duration_s"]) == round(record.duration_s, 3)


def test_an_import_report_says_which_entries_a_delete_all_elsewhere_covers() -> None:
    from stressbreak.core.export import import_report, older_than_deletion

    deleted_at = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    records: list[Record] = [
        PauseRecord(deleted_at - timedelta(days=d), deleted_at - timedelta(days=d, minutes=-1),
                    PauseOutcome.COMPLETED) for d in (40, 1, -1)]
    records.append(Deletion(at=deleted_at, before=deleted_at))
    covered = older_than_deletion(records, deleted_at)
    assert covered == (2, date(2026, 11, 24))
    said = import_report("x.json", 4, 0, 0, deleted=covered)
    assert said[-1] == ("2 of these entries are older than when all data was deleted on "
                        "2026-11-24; they stay on this computer only.")
    assert older_than_deletion(records, None) is None
    assert len(import_report("x.json", 4, 0, 0, deleted=(0, date(2026, 11, 24)))) == 1
