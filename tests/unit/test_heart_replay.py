"""A recording replayed as a strap sends it: grouped by the second each beat ended in, read
from a file with a clear error naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from stressbreak.services.heart_replay import RecordingError, beats_by_second, read_recording

DATA = Path(__file__).parent.parent / "data" / "heart"


def test_beats_are_grouped_by_the_second_they_ended_in():
    # Beats end at 0.8, 1.6, 2.4, 3.2 and 4.0 s: the last two in the fourth second.
    assert beats_by_second([0.8] * 5) == [(0.8,), (0.8,), (0.8,), (0.8, 0.8)]
    # End at 0.5, 1.0 (on the second: sent then), 1.5, 2.0.
    assert beats_by_second([0.5] * 4) == [(0.5, 0.5), (0.5, 0.5)]


def test_a_second_without_a_beat_is_an_empty_notification():
    # End at 1.5 and 3.0: nothing ended in the first second.
    assert beats_by_second([1.5, 1.5]) == [(), (1.5,), (1.5,)]


def test_grouping_keeps_every_interval_in_order():
    rr = read_recording(DATA / "rr-normal-breathing.csv")
    groups = beats_by_second(rr)
    assert [value for group in groups for value in group] == rr
    assert len(groups) == pytest.approx(sum(rr), abs=1)


def test_a_recording_in_milliseconds_is_read_as_seconds():
    assert read_recording(DATA / "rr-noisy.csv")[0] < 2
    assert read_recording(DATA / "rr-resonance-6min.csv")[0] < 2


def test_a_missing_file_names_the_file(tmp_path):
    missing = tmp_path / "none.csv"
    with pytest.raises(RecordingError) as raised:
        read_recording(missing)
    said = str(raised.value)
    assert str(missing) in said and "could not be read" in said


def test_a_line_that_is_no_interval_names_the_file_and_the_line(tmp_path):
    file = tmp_path / "rr.csv"
    file.write_text("# from a strap\n812\n790\nabc\n", encoding="utf-8")
    with pytest.raises(RecordingError) as raised:
        read_recording(file)
    said = str(raised.value)
    assert str(file) in said
    assert "line 4" in said and "'abc'" in said
