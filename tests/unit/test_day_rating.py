"""The day ratings as a journal record: how they are stored, read back, refused when damaged,
and kept apart from the stress meters in the weekly counts."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core.export import parse_import, to_csv, to_json
from stressbreak.core.model import (
    SCHEMA_VERSION,
    CheckIn,
    CheckInOrigin,
    DayRating,
    RecordError,
    record_from_dict,
)
from stressbreak.core.stats import summarise_week
from stressbreak.services.journal import Journal

AMS = ZoneInfo("Europe/Amsterdam")
MORNING = datetime(2026, 12, 1, 9, 15, tzinfo=AMS)


def test_a_day_rating_round_trips_in_its_stored_form() -> None:
    rating = DayRating(MORNING, sleep=2, energy=None, focus=5, id="d1")
    stored = rating.to_dict()
    assert stored == {"kind": "day", "v": SCHEMA_VERSION, "id": "d1",
                      "at": "2026-12-01T09:15:00+01:00", "sleep": 2, "energy": None, "focus": 5}
    assert record_from_dict(json.loads(json.dumps(stored))) == rating
    assert not rating.empty and DayRating(MORNING).empty


@pytest.mark.parametrize("change", [
    {"sleep": 0}, {"energy": 6}, {"focus": True}, {"sleep": "3"}, {"focus": 2.5},
    {"at": "2026-12-01T09:15:00"}, {"id": 7}, {"v": SCHEMA_VERSION + 1},
])
def test_a_damaged_day_rating_is_refused_not_guessed(change: dict[str, object]) -> None:
    stored = {**DayRating(MORNING, sleep=3).to_dict(), **change}
    with pytest.raises(RecordError):
        record_from_dict(stored)


def test_ratings_outside_one_to_five_cannot_be_made() -> None:
    with pytest.raises(RecordError):
        DayRating(MORNING, energy=0)


def test_a_version_1_day_rating_reads_as_it_is() -> None:
    # The kind is newer than schema 1, but nothing in it changed: an earlier `v` reads the same.
    stored = {**DayRating(MORNING, sleep=4, id="old").to_dict(), "v": 1}
    assert record_from_dict(stored) == DayRating(MORNING, sleep=4, id="old")


def test_export_and_import_keep_day_ratings_and_add_nothing_twice(tmp_path: Path) -> None:
    ratings = [DayRating(MORNING, sleep=1, energy=2, focus=3, id="a"),
               DayRating(MORNING.replace(day=2), focus=4, id="b")]
    text = to_json(ratings, exported_at=MORNING, app_version="x")
    assert parse_import(text).records == ratings

    journal = Journal(tmp_path, lambda message: pytest.fail(f"unexpected problem: {message}"))
    journal.start()
    try:
        assert journal.merge(parse_import(text).records).added == 2
        again = journal.merge(parse_import(text).records)
        assert (again.added, again.already) == (0, 2)
        assert journal.all_records() == ratings
        journal.delete_all()
        assert journal.all_records() == []
    finally:
        journal.stop()


def test_csv_has_the_three_ratings_in_their_own_columns() -> None:
    text = to_csv([DayRating(MORNING, sleep=5, energy=None, focus=1, id="d")])
    header, row = text.splitlines()
    # The computer after the ratings; a pause's heart figures (issue 19) after those.
    assert header.endswith(",sleep,energy,focus,computer,heart_rate,rmssd_ms,coherence,pace,"
                           "poor_signal")
    assert row.startswith("day,d,2026-12-01T09:15:00+01:00,")
    assert row.endswith(",5,,1,,,,,,")


def test_a_day_rating_is_not_counted_as_a_stress_meter() -> None:
    week = summarise_week([DayRating(MORNING, sleep=3),
                           CheckIn(MORNING, CheckInOrigin.MANUAL, tension=4)],
                          date(2026, 11, 30), AMS)
    assert [len(day.checkins) for day in week.days] == [0, 1, 0, 0, 0, 0, 0]
