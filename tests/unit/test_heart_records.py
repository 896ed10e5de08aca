"""A pause's heart figures (issue 19) in the journal, across versions, in export, import,
delete, sync, Over time, `stressbreak summary` and the coach's report.

Expected figures are worked out here from the records of tests/heart_journal.py (seeded), never
written down as numbers."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from statistics import fmean
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.export import CSV_COLUMNS, parse_import, to_csv, to_json
from stressbreak.core.model import (
    PauseHeart,
    PauseOutcome,
    PauseRecord,
    Record,
    RecordError,
    entries,
    record_from_dict,
)
from stressbreak.core.over_time import heart_means, over_time
from stressbreak.core.report import build_report
from stressbreak.core.summary import heart_line, summarise, summary_facts, summary_lines
from stressbreak.core.sync import merge_records
from stressbreak.services.journal import Journal
from tests.heart_journal import heart_journal

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 12, 3)  # a Thursday
AT = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
FIGURES = PauseHeart(mean_heart_rate=66.4, rmssd_ms=41.2, coherence=0.734, pace_per_min=5.86)


def _pause(heart: PauseHeart | None, at: datetime = AT) -> PauseRecord:
    return PauseRecord(at, at + timedelta(minutes=1), PauseOutcome.COMPLETED, heart=heart)


def _journal(tmp_path: Path, problems: list[Any] | None = None) -> Journal:
    journal = Journal(tmp_path, pytest.fail if problems is None else problems.append)
    journal.start()
    return journal


def _year(strap: bool = True) -> list[Record]:
    return heart_journal(TODAY, 52, AMS, strap=strap)


def _hearts(records: list[Record], first: date | None = None,
            end: date | None = None) -> list[PauseHeart]:
    return [r.heart for r in records if isinstance(r, PauseRecord) and r.heart is not None
            and (first is None or first <= r.started_at.astimezone(AMS).date())
            and (end is None or r.started_at.astimezone(AMS).date() < end)]


# --- the record ----------------------------------------------------------------------------


@pytest.mark.parametrize("heart", [
    FIGURES, PauseHeart(poor=True), None,
    PauseHeart(mean_heart_rate=71.0, rmssd_ms=30.5),  # too short for coherence and pace
])
def test_a_pause_with_or_without_heart_figures_round_trips(heart: PauseHeart | None) -> None:
    record = _pause(heart)
    stored = json.loads(json.dumps(record.to_dict()))
    assert ("heart" in stored) is (heart is not None)
    assert record_from_dict(stored) == record


def test_figures_are_kept_as_stored_so_a_saved_pause_equals_its_reading() -> None:
    heart = PauseHeart(mean_heart_rate=66.43219, rmssd_ms=41.2499, coherence=0.73449,
                       pace_per_min=5.8571)
    stored = _pause(heart).to_dict()["heart"]
    assert stored == {"hr": 66.4, "rmssd_ms": 41.2, "coherence": 0.734, "pace": 5.86}
    assert PauseHeart.from_dict(stored) == heart


def test_a_poor_signal_with_figures_cannot_be_made() -> None:
    with pytest.raises(RecordError, match="poor"):
        PauseHeart(poor=True, coherence=0.5)


@pytest.mark.parametrize(("bad", "says"), [
    ([], "must be an object"),
    ("poor", "must be an object"),
    ({"hr": "66"}, "'hr' must be a number from 20 to 250"),
    ({"hr": 300}, "'hr' must be a number from 20 to 250"),
    ({"hr": True}, "'hr' must be a number"),
    ({"rmssd_ms": -1}, "'rmssd_ms' must be a number from 0 to 2000"),
    ({"coherence": 1.5}, "'coherence' must be a number from 0 to 1"),
    ({"coherence": float("nan")}, "'coherence' must be a number"),
    ({"pace": 0}, "'pace' must be a number from 1 to 30"),
    ({"poor": "yes"}, "'poor' that is not true or false"),
    ({"poor": 1}, "'poor' that is not true or false"),
    ({"poor": True, "hr": 66.0}, "poor and gives figures"),
])
def test_bad_heart_figures_are_refused_clearly(bad: object, says: str) -> None:
    raw = {**_pause(None).to_dict(), "heart": bad}
    with pytest.raises(RecordError, match=says):
        record_from_dict(raw)


def test_a_pause_with_unreadable_figures_stays_in_its_file_untouched(tmp_path: Path) -> None:
    problems: list[Any] = []
    journal = _journal(tmp_path, problems)
    kept = _pause(FIGURES, AT - timedelta(hours=1))
    journal.append(kept)
    path = tmp_path / "journal-2026-12.json"
    document = json.loads(path.read_text())
    damaged = {**_pause(None).to_dict(), "heart": {"coherence": 7}}
    document["records"]["2"] = damaged
    path.write_text(json.dumps(document))
    journal.stop()

    journal = _journal(tmp_path, problems)
    assert journal.all_records() == [kept]
    assert len(problems) == 1 and "could not be read" in str(problems[0])
    journal.append(_pause(FIGURES, AT + timedelta(hours=1)))  # the file is written again
    journal.stop()
    assert damaged in json.loads(path.read_text())["records"].values()


def test_the_released_reader_ignores_the_heart_and_keeps_it_in_the_file(
        tmp_path: Path) -> None:
    from tests.released import model_schema2 as released

    record = _pause(FIGURES)
    old = released.record_from_dict(record.to_dict())
    assert (old.id, old.started_at, old.outcome.value) == (
        record.id, record.started_at, record.outcome.value)
    assert not hasattr(old, "heart")
    # The journal writes documents back as they are: an older StressBreak that appends to the
    # month keeps the key, and this one then reads the figures again.
    journal = _journal(tmp_path)
    journal.append(record)
    journal.stop()
    path = tmp_path / "journal-2026-12.json"
    document = json.loads(path.read_text())
    later = released.PauseRecord(AT + timedelta(hours=2), AT + timedelta(hours=2, minutes=1),
                                 released.PauseOutcome.COMPLETED)
    document["records"]["2"] = later.to_dict()
    path.write_text(json.dumps(document))
    journal = _journal(tmp_path)
    assert [r.heart for r in journal.all_records() if isinstance(r, PauseRecord)] == [
        FIGURES, None]
    journal.stop()


def test_merging_computers_keeps_each_pause_with_its_figures_once() -> None:
    records = _year()
    ours, theirs = records[::2], records[1::2]
    merged = merge_records(ours, theirs, ours[:50])
    assert sorted(merged, key=lambda r: r.id) == sorted(records, key=lambda r: r.id)
    assert len(_hearts(merged)) == len(_hearts(records))


# --- export, import, delete ----------------------------------------------------------------


def test_json_export_keeps_the_heart_figures_and_an_import_brings_them_back_once(
        tmp_path: Path) -> None:
    records = _year()
    exported = to_json(records, exported_at=AT, app_version="test")
    stored = [raw for raw in json.loads(exported)["records"] if "heart" in raw]
    assert len(stored) == len(_hearts(records)) > 0
    assert any(raw["heart"] == {"poor": True} for raw in stored)

    result = parse_import(exported)
    assert result.skipped == 0
    journal = _journal(tmp_path)
    first = journal.merge(result.records)
    again = journal.merge(parse_import(exported).records)
    assert (first.added, again.added, again.already) == (len(records), 0, len(records))
    read_back = journal.all_records()
    assert len(read_back) == len(records)
    assert sorted(_hearts(read_back), key=repr) == sorted(_hearts(records), key=repr)
    journal.stop()


def test_csv_has_the_heart_columns_empty_where_a_pause_had_no_strap() -> None:
    assert CSV_COLUMNS[-5:] == ("heart_rate", "rmssd_ms", "coherence", "pace", "poor_signal")
    short = PauseHeart(mean_heart_rate=71.0, rmssd_ms=30.5)
    records = [_pause(FIGURES, AT), _pause(PauseHeart(poor=True), AT + timedelta(hours=1)),
               _pause(None, AT + timedelta(hours=2)), _pause(short, AT + timedelta(hours=3))]
    rows = list(csv.DictReader(io.StringIO(to_csv(records), newline="")))
    heart = [{key: row[key] for key in CSV_COLUMNS[-5:]} for row in rows]
    assert heart == [
        {"heart_rate": "66.4", "rmssd_ms": "41.2", "coherence": "0.734", "pace": "5.86",
         "poor_signal": "false"},
        {"heart_rate": "", "rmssd_ms": "", "coherence": "", "pace": "", "poor_signal": "true"},
        {"heart_rate": "", "rmssd_ms": "", "coherence": "", "pace": "", "poor_signal": ""},
        {"heart_rate": "71.0", "rmssd_ms": "30.5", "coherence": "", "pace": "",
         "poor_signal": "false"},
    ]


def test_delete_all_takes_the_heart_figures_with_the_rest(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.merge(_year())
    assert _hearts(journal.all_records())
    journal.delete_all()
    assert journal.all_records() == []
    assert not any("rmssd_ms" in path.read_text() for path in tmp_path.iterdir()
                   if path.is_file())
    journal.stop()


# --- Over time -----------------------------------------------------------------------------


@pytest.mark.parametrize("months", [3, 6, 12])
def test_over_time_gives_each_week_the_means_of_its_pauses_figures(months: int) -> None:
    records = _year()
    view = over_time(records, TODAY, months, AMS)
    gaps = 0
    for week in view.weeks:
        hearts = _hearts(records, week.monday, week.monday + timedelta(weeks=1))
        figures = [h for h in hearts if not h.poor]
        if not figures:
            assert week.heart is None  # a gap, never a zero
            gaps += 1
            continue
        assert week.heart is not None
        coherences = [h.coherence for h in figures if h.coherence is not None]
        assert week.heart.pauses == len(figures)
        assert week.heart.poor == len(hearts) - len(figures)
        assert week.heart.coherence == pytest.approx(fmean(coherences))
        assert week.heart.coherence_pauses == len(coherences)
        assert week.heart.heart_rate == pytest.approx(
            fmean(h.mean_heart_rate for h in figures if h.mean_heart_rate is not None))
        assert week.heart.rmssd_ms == pytest.approx(
            fmean(h.rmssd_ms for h in figures if h.rmssd_ms is not None))
    assert view.has_heart
    if months == 12:
        assert gaps >= 3  # the two weeks before the strap, the holiday, the flat battery


def test_without_a_strap_over_time_is_what_it_was() -> None:
    with_strap, without = _year(), _year(strap=False)
    assert [r.id for r in with_strap] == [r.id for r in without]
    view = over_time(without, TODAY, 12, AMS)
    assert not view.has_heart
    assert all(week.heart is None for week in view.weeks)
    strapped = over_time(with_strap, TODAY, 12, AMS)
    # Everything but the heart is the same week by week.
    assert [(w.pauses, w.tension, w.sleep) for w in strapped.weeks] == [
        (w.pauses, w.tension, w.sleep) for w in view.weeks]


def test_only_poor_signals_make_no_figures() -> None:
    assert heart_means([PauseHeart(poor=True)] * 3) is None
    assert heart_means([]) is None


# --- summary and report --------------------------------------------------------------------


def _expected_coherence(records: list[Record], weeks: int) -> tuple[float, int]:
    first = TODAY - timedelta(days=TODAY.weekday(), weeks=weeks - 1)
    coherences = [h.coherence for h in _hearts(records, first) if h.coherence is not None]
    return fmean(coherences), len(coherences)


@pytest.mark.parametrize("weeks", [1, 4, 12])
def test_the_summary_says_the_chosen_weeks_heart_figures(weeks: int) -> None:
    records = _year()
    mean, count = _expected_coherence(records, weeks)
    found = summarise(records, TODAY, weeks, AMS)
    lines = summary_lines(found, str, lambda day: day.isoformat())
    said = [line for line in lines if line.startswith("Heart rhythm")]
    assert said == [f"Heart rhythm during pauses: coherence {mean:.2f} on average over "
                    f"{count} pauses with a strap"]
    facts = summary_facts(found)["heart"]
    assert facts["coherence"] == round(mean, 3)
    assert facts["pauses_with_coherence"] == count
    assert facts["pauses_with_figures"] == len(
        [h for h in _hearts(records, TODAY - timedelta(days=TODAY.weekday(),
                                                       weeks=weeks - 1)) if not h.poor])


def test_without_figures_the_summary_says_nothing_of_the_heart() -> None:
    records = [*_year(strap=False), _pause(PauseHeart(poor=True))]
    found = summarise(records, TODAY, 4, AMS)
    assert found.heart is None
    assert not any("Heart" in line for line in summary_lines(found, str, str))
    assert summary_facts(found)["heart"] is None


def test_pauses_too_short_for_coherence_say_their_heart_rate() -> None:
    short = [PauseHeart(mean_heart_rate=70.0, rmssd_ms=30.0),
             PauseHeart(mean_heart_rate=75.0, rmssd_ms=40.0)]
    means = heart_means(short)
    assert means is not None
    assert str(heart_line(means, lambda v: f"{v:.1f}", lambda v: f"{v:.2f}")) == (
        "Heart rhythm during pauses: heart rate 72.5 on average over 2 pauses with a strap")


def test_the_report_holds_the_same_heart_figures() -> None:
    records = _year()
    report = build_report(records, TODAY, 12, AMS)
    mean, count = _expected_coherence(records, 12)
    assert report.heart is not None
    assert report.heart.coherence == pytest.approx(mean)
    assert report.heart.coherence_pauses == count
    assert build_report(_year(strap=False), TODAY, 12, AMS).heart is None


def test_entries_are_what_they_were() -> None:
    # The heart changes no count: the same entries with and without a strap.
    def shape(records: list[Record]) -> list[tuple[Any, ...]]:
        return [(r.id, r.at) for r in entries(records)]

    assert shape(_year()) == shape(_year(strap=False))
