"""The heart's rhythm (core/heart.py): notifications, recordings, cleaning, figures.

Expected values come from the definitions (docs/HEART.md), never from the code's output.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest

from stressbreak.core.heart import (
    HeartFigures,
    HeartRateMeasurement,
    clean_rr,
    coherence,
    heart_figures,
    mean_heart_rate,
    parse_measurement,
    parse_rr_text,
    plausible_beat,
    rmssd_ms,
)
from tests import heart_recordings

DATA = Path(__file__).resolve().parent.parent / "data" / "heart"
STEP_HZ = 1 / 64  # the spectrum's resolution over a 64 s window


def wave(freq_hz: float, seconds: float = 120.0, rate: float = 65.0, swing: float = 7.0
         ) -> list[float]:
    """RR intervals of a heart whose rate follows a sine: beat by beat, in seconds."""
    rr: list[float] = []
    t = 0.0
    while t < seconds:
        interval = 60 / (rate + swing * math.sin(2 * math.pi * freq_hz * t))
        rr.append(interval)
        t += interval
    return rr


# --- notifications (0x2A37) -------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected"), [
    # flags 0: 8-bit heart rate, no contact support, nothing else
    (bytes([0x00, 72]), HeartRateMeasurement(72, False, False, ())),
    # flag bit 0: 16-bit heart rate, little-endian (0x012C = 300 cannot fit 8 bits)
    (bytes([0x01, 0x2C, 0x01]), HeartRateMeasurement(300, False, False, ())),
    (bytes([0x01, 72, 0x00]), HeartRateMeasurement(72, False, False, ())),
    # bits 1-2: contact supported (bit 2) and detected (bit 1)
    (bytes([0x06, 60]), HeartRateMeasurement(60, True, True, ())),
    (bytes([0x04, 60]), HeartRateMeasurement(60, True, False, ())),
    # detected without support means nothing
    (bytes([0x02, 60]), HeartRateMeasurement(60, False, False, ())),
    # bit 3: energy expended (uint16, here 10000) is stepped over before the RR intervals
    (bytes([0x18, 64, 0x10, 0x27, 0x00, 0x04]), HeartRateMeasurement(64, False, False, (1.0,))),
    (bytes([0x08, 64, 0x10, 0x27]), HeartRateMeasurement(64, False, False, ())),
    # bit 4: several RR intervals in 1/1024 s: 1024, 512 and 1000 units
    (bytes([0x10, 60, 0x00, 0x04, 0x00, 0x02, 0xE8, 0x03]),
     HeartRateMeasurement(60, False, False, (1.0, 0.5, 1000 / 1024))),
    # everything at once, as a chest strap with a 16-bit rate would send it
    (bytes([0x1F, 0x50, 0x00, 0x01, 0x00, 0x00, 0x03]),
     HeartRateMeasurement(80, True, True, (768 / 1024,))),
])
def test_parse_measurement(data: bytes, expected: HeartRateMeasurement) -> None:
    assert parse_measurement(data) == expected


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (bytes([0x01, 72]), "16-bit"),  # 16-bit rate with one byte
    (bytes([0x00]), "8-bit"),
    (bytes([0x08, 64, 0x10]), "energy"),  # energy field cut short
    (bytes([0x10, 60, 0x00, 0x04, 0x00]), "RR"),  # half an RR interval
    (bytes([0x10, 60]), "RR"),  # RR flagged, none there
    (bytes([0x00, 60, 0x00]), "unexpected"),  # bytes nothing announced
])
def test_malformed_measurement_is_a_clear_error(data: bytes, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_measurement(data)


# --- recordings -----------------------------------------------------------------------

def test_recording_in_seconds_with_comments_and_blank_lines() -> None:
    text = "# a recording\n0.8\n\n  0.85 \n# more\n0.9\n"
    assert parse_rr_text(text) == [0.8, 0.85, 0.9]


def test_recording_in_milliseconds() -> None:
    assert parse_rr_text("800\n850\n900\n") == pytest.approx([0.8, 0.85, 0.9])


def test_unit_is_decided_for_the_whole_file() -> None:
    # A garbage value of 5 in a millisecond file stays milliseconds (for cleaning to remove).
    assert parse_rr_text("800\n5\n900\n") == pytest.approx([0.8, 0.005, 0.9])


@pytest.mark.parametrize(("text", "line"), [
    ("0.8\n0.9\nabc\n", "line 3"),
    ("0.8\n\n-0.9\n", "line 3"),
    ("rr\n0.8\n", "line 1"),
    ("0.8\n0\n", "line 2"),
    ("0.8\nnan\n", "line 2"),
    ("0.8, 0.9\n", "line 1"),
])
def test_bad_recording_line_is_named(text: str, line: str) -> None:
    with pytest.raises(ValueError, match=line):
        parse_rr_text(text)


def test_empty_recording_is_an_error() -> None:
    with pytest.raises(ValueError, match="no RR"):
        parse_rr_text("# nothing\n\n")


def test_example_recordings_are_reproducible(tmp_path: Path) -> None:
    heart_recordings.main(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == sorted(p.name for p in DATA.glob("rr-*.csv"))
    for name in made:
        assert (tmp_path / name).read_text() == (DATA / name).read_text(), name


def figures_of(name: str) -> HeartFigures:
    return heart_figures(parse_rr_text((DATA / name).read_text()))


def test_example_recordings_tell_their_story() -> None:
    resonance = figures_of("rr-resonance-6min.csv")
    normal = figures_of("rr-normal-breathing.csv")
    noisy = figures_of("rr-noisy.csv")
    poor = figures_of("rr-poor-contact.csv")
    assert resonance.coherence is not None and normal.coherence is not None
    assert resonance.coherence.breaths_per_minute == pytest.approx(6, abs=60 * STEP_HZ / 2)
    assert resonance.coherence.value > 0.8
    assert normal.coherence.value < resonance.coherence.value / 2
    assert not noisy.poor and 0 < noisy.artefact_fraction <= 0.10
    assert noisy.coherence is not None and noisy.coherence.value > 0.8
    assert poor.poor and poor.coherence is None and poor.rmssd_ms is None


# --- cleaning -------------------------------------------------------------------------

def test_impossible_intervals_go_out() -> None:
    clean = clean_rr([0.8] * 5 + [0.2] + [0.8] * 5 + [2.9] + [0.8] * 5)
    assert clean.intervals == (0.8,) * 15
    assert clean.removed == 2 and clean.split == 0
    assert clean.artefact_fraction == pytest.approx(2 / 17)


def test_early_beat_and_its_pause_go_out() -> None:
    # An early beat at 60 % of the rhythm, then the long pause after it (140 %).
    clean = clean_rr([0.8] * 6 + [0.48, 1.12] + [0.8] * 6)
    assert clean.intervals == (0.8,) * 12
    assert clean.removed == 2


def test_missed_beat_is_split_and_keeps_the_beat_times() -> None:
    clean = clean_rr([0.8] * 6 + [1.6] + [0.8] * 6)
    assert clean.intervals == pytest.approx([0.8] * 14)
    assert clean.times == pytest.approx([0.8 * (n + 1) for n in range(14)])
    assert clean.split == 1 and clean.removed == 0


def test_missed_beat_at_a_slow_heart_rate_is_split_though_over_two_seconds() -> None:
    clean = clean_rr([1.1] * 6 + [2.2] + [1.1] * 6)
    assert clean.intervals == pytest.approx([1.1] * 14)


def test_signal_is_poor_above_a_tenth_of_artefacts() -> None:
    # 2 of 20 spoiled is a tenth: still figures; 3 of 20 is more.
    two = [0.8] * 4 + [0.1] + [0.8] * 9 + [0.1] + [0.8] * 5
    three = [0.8] * 4 + [0.1] + [0.8] * 4 + [0.1] + [0.8] * 4 + [0.1] + [0.8] * 5
    assert len(two) == len(three) == 20
    assert not clean_rr(two).poor
    assert clean_rr(three).poor
    assert clean_rr([]).poor


# --- figures --------------------------------------------------------------------------

def test_rmssd_of_a_small_series() -> None:
    # Differences 50, -50 and 100 ms: sqrt((2500 + 2500 + 10000) / 3) = sqrt(5000).
    assert rmssd_ms(clean_rr([0.8, 0.85, 0.8, 0.9])) == pytest.approx(math.sqrt(5000))


def test_rmssd_skips_differences_across_a_removed_beat() -> None:
    # The 0.2 goes; 0.9 and 0.8 were never neighbours, so only 0.8→0.85 and 0.8→0.9 count.
    rr = [0.8, 0.85, 0.2, 0.8, 0.9]
    assert rmssd_ms(clean_rr(rr)) == pytest.approx(math.sqrt((50**2 + 100**2) / 2))
    assert rmssd_ms(clean_rr([0.8])) is None


def test_mean_heart_rate() -> None:
    assert mean_heart_rate(clean_rr([0.75, 0.8, 0.7, 0.75])) == pytest.approx(80)
    assert mean_heart_rate(clean_rr([])) is None


@pytest.mark.parametrize("freq_hz", [0.06, 0.1, 0.15, 0.2])
def test_a_single_wave_scores_high_and_gives_its_pace(freq_hz: float) -> None:
    result = coherence(clean_rr(wave(freq_hz)))
    assert result is not None
    # All variation is the one wave; the Hann window leaks only a little beyond ±1 step.
    assert result.value > 0.8
    assert result.peak_hz == pytest.approx(freq_hz, abs=STEP_HZ / 2)
    assert result.breaths_per_minute == pytest.approx(60 * freq_hz, abs=60 * STEP_HZ / 2)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_white_noise_scores_low(seed: int) -> None:
    rng = random.Random(seed)
    result = coherence(clean_rr([0.85 + rng.gauss(0, 0.04) for _ in range(140)]))
    assert result is not None
    # Spread evenly, 3 of the ~25 steps from 0.0033 to 0.4 Hz hold about 3/25 of the power;
    # the strongest of the candidate peaks a little more.
    assert result.value < 0.4


def test_a_flat_series_scores_zero() -> None:
    result = coherence(clean_rr([0.9] * 100))
    assert result is not None
    assert result.value == 0


def test_a_missed_beat_does_not_spoil_the_score() -> None:
    rr = wave(0.1)
    before = coherence(clean_rr(rr))
    spoiled = [*rr[:70], rr[70] + rr[71], *rr[72:]]
    clean = clean_rr(spoiled)
    after = coherence(clean)
    assert clean.split == 1
    assert before is not None and after is not None
    assert after.value == pytest.approx(before.value, abs=0.02)
    assert after.peak_hz == pytest.approx(before.peak_hz, abs=STEP_HZ / 4)


def test_too_short_a_series_has_no_coherence() -> None:
    assert coherence(clean_rr([0.8] * 30)) is None  # 24 s
    assert coherence(clean_rr([0.8] * 50)) is not None  # 40 s


def test_figures_use_the_last_64_seconds() -> None:
    # A minute of a slipping strap, then 70 s of a clean wave: the figures are of the wave.
    rng = random.Random(7)
    garbage = [rng.choice([0.1, 0.8, 2.5, 0.4]) for _ in range(80)]
    figures = heart_figures(garbage + wave(0.1, seconds=70))
    assert not figures.poor
    assert figures.coherence is not None and figures.coherence.value > 0.8
    assert heart_figures(garbage).poor
    assert heart_figures(garbage).mean_heart_rate is None



def test_a_live_beat_is_drawn_unless_it_is_out_of_range_or_stray():
    steady = [0.9, 0.92, 0.88, 0.91, 0.9]
    assert plausible_beat(0.95, steady)
    assert not plausible_beat(0.45, steady)  # an extra beat: half the interval
    assert not plausible_beat(1.8, steady)  # a missed one
    assert not plausible_beat(2.5, [])  # not a heartbeat at all
    assert plausible_beat(1.2, [0.9, 0.9])  # too few before it to judge
    # A real change of pace: after three beats at the new pace the line follows it.
    recent = [*steady, 0.6, 0.6, 0.6]
    assert plausible_beat(0.6, recent)
    # Without filtering the poor-contact recording, the live line's range would be that
    # of its artefacts; filtered, every beat drawn is within 25 % of the ones before it.
    rr = parse_rr_text((DATA / "rr-poor-contact.csv").read_text())
    drawn = [value for i, value in enumerate(rr) if plausible_beat(value, rr[max(0, i - 5):i])]
    assert len(drawn) < len(rr)
    assert max(drawn) / min(drawn) < max(rr) / min(rr)


@pytest.mark.parametrize(("text", "line"), [
    ("0.9\n0.92\n1733270000000\n0.9\n", 3),  # a time stamp among seconds
    ("900\n920\n# gap\n15000\n", 4),  # 15 s among milliseconds
])
def test_a_recording_with_an_interval_no_heart_makes_is_refused_by_its_line(text, line):
    with pytest.raises(ValueError, match=rf"^line {line}: .* far longer than a heartbeat"):
        parse_rr_text(text)


def test_a_few_seconds_without_contact_still_replay():
    assert parse_rr_text("0.9\n6.5\n0.9\n") == [0.9, 6.5, 0.9]
