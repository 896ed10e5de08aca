"""The heart's rhythm from a heart-rate strap: notifications, clean RR intervals, figures.

Pure rules, no Bluetooth and no files: the service that talks to the strap hands over the bytes
of each Heart Rate Measurement notification (Bluetooth characteristic 0x2A37), and a replayed
recording hands over its text; this module turns them into RR intervals (the time between two
beats, in seconds) and the figures shown after a pause.

Cleaning (`clean_rr`), chosen so that a strap that slips for a moment does not become a number:
- each RR is compared with the median of up to five plausible neighbours (0.3–2.0 s, that is
  200 to 30 beats a minute) on each side. Between 1.6 and 2.4 times it, one beat went
  undetected: the interval is split into two equal halves, which keeps the beat times true for
  the spectrum (even above 2.0 s: a missed beat at 55 a minute is 2.2 s). The range is wide
  because with slow breathing the beats beside the missed one can be 15 % off the median, and
  narrow enough that the long pause after an early beat (about 1.3–1.5 times) is not split.
- otherwise an RR outside 0.3–2.0 s is not a heartbeat and goes out, and so does one more than
  25 % away from the median (an extra or early beat, the long pause after it, a noise spike).
  25 % leaves room for the heart's own swing with slow breathing, about ±15 % of the median.
- the share of intervals removed or split is the artefact fraction; above 10 % the signal is
  poor, and the pause says so instead of showing figures.

Figures (`heart_figures`), over the last 64 s of the series, all defined in docs/HEART.md:
mean heart rate, RMSSD, and coherence: the share of the heart rhythm's variation that lies in
its one strongest slow wave (see `coherence`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from statistics import fmean, median

from stressbreak.core.model import PauseHeart

RR_MIN_S = 0.3
RR_MAX_S = 2.0
ECTOPIC_TOLERANCE = 0.25
MISSED_BEAT_RATIO = (1.6, 2.4)
NEIGHBOURS = 5
POOR_FRACTION = 0.10
# The longest interval a recording may hold: a strap that lost contact for a few seconds still
# replays; beyond it the number is no beat (the cleaning drops anything over RR_MAX_S anyway).
MAX_RECORDED_S = 10.0
WINDOW_S = 64.0
MIN_WINDOW_S = 32.0
SAMPLE_HZ = 4.0
SAMPLES = 256  # 64 s at 4 Hz; a shorter window is zero-padded to this length
PEAK_BAND_HZ = (0.04, 0.26)
TOTAL_BAND_HZ = (0.0033, 0.4)
PEAK_HALF_WIDTH_BINS = 1  # one bin is 1/64 Hz ≈ 0.016 Hz

_RR_UNIT_S = 1 / 1024


class SensorState(StrEnum):
    """Where a heart-rate source is (a strap over Bluetooth, or a replayed recording)."""

    OFF = "off"  # not started, or stopped
    SEARCHING = "searching"  # looking for the strap, connecting, subscribing
    RECEIVING = "receiving"  # notifications arrive
    ABSENT = "absent"  # not found in time (asleep, out of reach, off)
    LOST = "lost"  # was there, went away
    ENDED = "ended"  # a replayed recording ran out (a strap never does)
    UNAVAILABLE = "unavailable"  # no Bluetooth here (no adapter, BlueZ not running, off)


@dataclass(frozen=True)
class HeartRateMeasurement:
    """One Heart Rate Measurement notification (0x2A37)."""

    heart_rate: int  # beats a minute, as the strap computed it
    contact_supported: bool
    contact_detected: bool  # False also when the strap cannot tell
    rr_intervals: tuple[float, ...]  # seconds, oldest first


def parse_measurement(data: bytes) -> HeartRateMeasurement:
    """Reads a notification's bytes; a short or ragged one raises ValueError.

    Layout (Bluetooth Heart Rate Service): a flags byte; the heart rate as uint8, or uint16 when
    flag bit 0 is set; bits 1–2 sensor contact (bit 2: supported, bit 1: detected); bit 3: an
    energy-expended uint16 follows (not used here); bit 4: the rest is RR intervals, uint16 each
    in 1/1024 s. All little-endian. Bits 5–7 are reserved and ignored.
    """
    if not data:
        raise ValueError("heart rate measurement is empty")
    flags = data[0]
    pos = 1
    width = 2 if flags & 0x01 else 1
    if len(data) < pos + width:
        raise ValueError(
            f"heart rate measurement too short: {len(data)} bytes, "
            f"a {8 * width}-bit heart rate needs {pos + width}")
    heart_rate = int.from_bytes(data[pos:pos + width], "little")
    pos += width
    if flags & 0x08:
        if len(data) < pos + 2:
            raise ValueError(
                f"heart rate measurement too short: {len(data)} bytes, "
                f"the energy expended field needs {pos + 2}")
        pos += 2
    rr: tuple[float, ...] = ()
    if flags & 0x10:
        rest = data[pos:]
        if not rest or len(rest) % 2:
            raise ValueError(
                f"heart rate measurement has {len(rest)} bytes of RR intervals, "
                "expected a positive even number")
        rr = tuple(int.from_bytes(rest[i:i + 2], "little") * _RR_UNIT_S
                   for i in range(0, len(rest), 2))
    elif len(data) > pos:
        raise ValueError(
            f"heart rate measurement has {len(data) - pos} unexpected bytes at the end")
    supported = bool(flags & 0x04)
    return HeartRateMeasurement(
        heart_rate=heart_rate,
        contact_supported=supported,
        contact_detected=supported and bool(flags & 0x02),
        rr_intervals=rr,
    )


def parse_rr_text(text: str) -> list[float]:
    """A recording's RR intervals in seconds: one number a line, seconds or milliseconds.

    Blank lines and lines starting with '#' are skipped. The unit is decided for the whole
    file by its median: below 10 the numbers are seconds, otherwise milliseconds (no heart beats
    once in 10 s, nor twice in 10 ms). Anything else raises ValueError naming the line, and so
    does an interval longer than MAX_RECORDED_S (a time stamp, a column of another file): it is
    no beat, and a replay would wait that long.
    """
    numbered: list[tuple[int, float]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            value = float(line)
        except ValueError:
            raise ValueError(f"line {number}: {line!r} is not a number") from None
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"line {number}: {line!r} is not a positive interval")
        numbered.append((number, value))
    values = [value for _, value in numbered]
    if not values:
        raise ValueError("no RR intervals in the recording")
    scale = 1000 if median(values) >= 10 else 1
    for number, value in numbered:
        if value / scale > MAX_RECORDED_S:
            unit = "ms" if scale == 1000 else "s"
            raise ValueError(f"line {number}: {value:g} {unit} is far longer than a heartbeat "
                             f"(at most {MAX_RECORDED_S:g} s)")
    return [v / scale for v in values]


@dataclass(frozen=True)
class CleanRR:
    """An RR series after cleaning, with what was taken out."""

    intervals: tuple[float, ...]  # kept intervals in seconds, a missed beat split in two
    times: tuple[float, ...]  # when each kept interval ends, seconds from the series' start
    runs: tuple[tuple[float, ...], ...]  # the kept intervals in unbroken stretches
    given: int
    removed: int
    split: int

    @property
    def artefact_fraction(self) -> float:
        return (self.removed + self.split) / self.given if self.given else 0.0

    @property
    def poor(self) -> bool:
        return not self.intervals or self.artefact_fraction > POOR_FRACTION


def plausible_beat(rr: float, recent: Sequence[float]) -> bool:
    """Whether a beat just received can be drawn live: `clean_rr`'s rules, looking back only
    (a live line cannot wait for the beats after it): 0.3-2.0 s, and within 25 % of the
    median of up to five beats before it, whatever those were (so a real change of pace
    is followed within three beats, and one stray value never blocks the next)."""
    if not RR_MIN_S <= rr <= RR_MAX_S:
        return False
    if len(recent) < 3:
        return True
    middle = median(recent[-NEIGHBOURS:])
    return abs(rr - middle) <= ECTOPIC_TOLERANCE * middle


def clean_rr(rr: Sequence[float]) -> CleanRR:
    """Takes out what cannot be a heartbeat, splits missed beats (module docstring)."""
    ends: list[float] = []
    elapsed = 0.0
    for value in rr:
        elapsed += value
        ends.append(elapsed)
    plausible = [i for i, v in enumerate(rr) if RR_MIN_S <= v <= RR_MAX_S]
    intervals: list[float] = []
    times: list[float] = []
    runs: list[list[float]] = []
    removed = 0
    split = 0
    previous = -2
    for i, value in enumerate(rr):
        before = bisect_left(plausible, i)
        after = bisect_right(plausible, i)
        neighbours = [rr[j] for j in plausible[max(0, before - NEIGHBOURS):before]]
        neighbours += [rr[j] for j in plausible[after:after + NEIGHBOURS]]
        ratio = value / median(neighbours) if neighbours else 1.0
        # A missed beat at a slow heart rate can be longer than 2 s; its halves are not.
        if (MISSED_BEAT_RATIO[0] <= ratio <= MISSED_BEAT_RATIO[1]
                and RR_MIN_S <= value / 2 <= RR_MAX_S):
            pieces = [value / 2, value / 2]
            split += 1
        elif RR_MIN_S <= value <= RR_MAX_S and abs(ratio - 1) <= ECTOPIC_TOLERANCE:
            pieces = [value]
        else:
            removed += 1
            continue
        if i != previous + 1 or not runs:
            runs.append([])
        previous = i
        for n, piece in enumerate(pieces):
            intervals.append(piece)
            times.append(ends[i] - (len(pieces) - 1 - n) * piece)
            runs[-1].append(piece)
    return CleanRR(intervals=tuple(intervals), times=tuple(times),
                   runs=tuple(tuple(r) for r in runs), given=len(rr),
                   removed=removed, split=split)


def mean_heart_rate(clean: CleanRR) -> float | None:
    """Beats a minute over the kept intervals: 60 s over their mean length."""
    return 60 / fmean(clean.intervals) if clean.intervals else None


def rmssd_ms(clean: CleanRR) -> float | None:
    """Root mean square of successive differences, in milliseconds.

    Only differences between intervals that followed each other in the recording count: a
    difference across a removed interval would be two beats that were never neighbours.
    """
    diffs = [b - a for run in clean.runs for a, b in pairwise(run)]
    if not diffs:
        return None
    return 1000 * math.sqrt(fmean(d * d for d in diffs))


@dataclass(frozen=True)
class Coherence:
    value: float  # 0–1, see `coherence`
    peak_hz: float

    @property
    def breaths_per_minute(self) -> float:
        """The breathing pace that drives the wave: one breath per cycle of the peak."""
        return 60 * self.peak_hz


def coherence(clean: CleanRR, window_s: float = WINDOW_S) -> Coherence | None:
    """How much of the heart rhythm's variation is one slow, smooth wave.

    The kept RR intervals of the last `window_s` seconds (the tachogram: each interval at the
    time its beat ends) are linearly interpolated to 4 Hz, the straight-line trend is removed,
    a Hann window applied, and the power spectrum taken at 1/64 Hz steps (a shorter window,
    at least 32 s, is zero-padded to 64 s). The peak is the strongest step between 0.04 and
    0.26 Hz; its power is the peak step and one step on each side (±1/64 Hz ≈ ±0.016 Hz).

        coherence = peak power / total power from 0.0033 to 0.4 Hz

    0 is no single wave (or no variation at all), 1 is all variation in one wave. (HeartMath's
    "coherence ratio" is peak / (total − peak), which is c / (1 − c).) `peak_hz` is refined
    to the power-weighted centre of the three peak steps, so the breathing pace it gives is
    finer than a step. None when the series spans less than 32 s.
    """
    samples = _tachogram(clean, window_s)
    if samples is None:
        return None
    step = SAMPLE_HZ / SAMPLES
    low = max(1, math.ceil(TOTAL_BAND_HZ[0] / step))
    high = math.floor(TOTAL_BAND_HZ[1] / step)
    power = {k: _power_at(samples, k) for k in range(low, high + 1)}
    total = sum(power.values())
    peak_low = math.ceil(PEAK_BAND_HZ[0] / step)
    peak_high = math.floor(PEAK_BAND_HZ[1] / step)
    peak = max(range(peak_low, peak_high + 1), key=lambda k: power[k])
    around = range(peak - PEAK_HALF_WIDTH_BINS, peak + PEAK_HALF_WIDTH_BINS + 1)
    peak_power = sum(power[k] for k in around)
    if total <= 1e-18:  # a flat series: no variation, no wave
        return Coherence(value=0.0, peak_hz=peak * step)
    centre = sum(k * power[k] for k in around) / peak_power
    return Coherence(value=peak_power / total, peak_hz=centre * step)


def band_power_ms2(clean: CleanRR, hz: float, window_s: float = WINDOW_S) -> float | None:
    """How much the heart rhythm swings at one frequency: its variance within ±1 step
    (±1/64 Hz) of `hz`, in ms² of RR, over the same tachogram as `coherence`.

    Scaled so a sine of amplitude A ms at `hz` gives about A²/2 (its variance), whatever the
    window's length: *Find my breathing pace* compares it between paces (core/resonance.py).
    None when the series spans less than 32 s.
    """
    samples = _tachogram(clean, window_s)
    if samples is None:
        return None
    count = len(samples)
    centre = round(hz * SAMPLES / SAMPLE_HZ)
    power = sum(_power_at(samples, k)
                for k in range(max(1, centre - PEAK_HALF_WIDTH_BINS),
                               centre + PEAK_HALF_WIDTH_BINS + 1))
    # Parseval for a one-sided spectrum of a zero-padded, Hann-windowed series.
    energy = sum(_hann(n, count) ** 2 for n in range(count))
    return 2 * power / (SAMPLES * energy) * 1e6


def _tachogram(clean: CleanRR, window_s: float) -> list[float] | None:
    """The kept RR intervals of the last `window_s` seconds at 4 Hz (at most 64 s of them),
    detrended and Hann-windowed; None under 32 s."""
    if len(clean.times) < 2:
        return None
    end = clean.times[-1]
    span = min(window_s, end - clean.times[0])
    if span < MIN_WINDOW_S:
        return None
    count = min(SAMPLES, int(span * SAMPLE_HZ))
    start = end - (count - 1) / SAMPLE_HZ
    samples = _interpolate(clean.times, clean.intervals, start, count)
    _detrend(samples)
    for n in range(count):
        samples[n] *= _hann(n, count)
    return samples


def _hann(n: int, count: int) -> float:
    return 0.5 - 0.5 * math.cos(2 * math.pi * n / (count - 1))


def _interpolate(times: Sequence[float], values: Sequence[float], start: float,
                 count: int) -> list[float]:
    out: list[float] = []
    j = 0
    last = len(times) - 1
    for n in range(count):
        t = start + n / SAMPLE_HZ
        while j < last and times[j + 1] < t:
            j += 1
        if t <= times[0]:
            out.append(values[0])
        elif j >= last:
            out.append(values[last])
        else:
            t0, t1 = times[j], times[j + 1]
            out.append(values[j] + (values[j + 1] - values[j]) * (t - t0) / (t1 - t0))
    return out


def _detrend(samples: list[float]) -> None:
    count = len(samples)
    mean_x = (count - 1) / 2
    mean_y = fmean(samples)
    sxx = sum((n - mean_x) ** 2 for n in range(count))
    slope = sum((n - mean_x) * (y - mean_y) for n, y in enumerate(samples)) / sxx
    for n in range(count):
        samples[n] -= mean_y + slope * (n - mean_x)


def _power_at(samples: Sequence[float], k: int) -> float:
    # A direct DFT at the ~25 steps needed is cheaper in plain Python than a full FFT.
    w = 2 * math.pi * k / SAMPLES
    re = sum(x * math.cos(w * n) for n, x in enumerate(samples))
    im = sum(x * math.sin(w * n) for n, x in enumerate(samples))
    return re * re + im * im


@dataclass(frozen=True)
class HeartFigures:
    """What a pause shows about the heart; the figures are None when the signal is poor."""

    artefact_fraction: float
    poor: bool
    mean_heart_rate: float | None
    rmssd_ms: float | None
    coherence: Coherence | None


def heart_figures(rr: Sequence[float], window_s: float = WINDOW_S) -> HeartFigures:
    """The figures over the last `window_s` seconds of a raw RR series (seconds)."""
    elapsed = 0.0
    first = len(rr)
    while first > 0 and elapsed + rr[first - 1] <= window_s:
        first -= 1
        elapsed += rr[first]
    clean = clean_rr(rr[first:])
    if clean.poor:
        return HeartFigures(clean.artefact_fraction, True, None, None, None)
    return HeartFigures(
        artefact_fraction=clean.artefact_fraction,
        poor=False,
        mean_heart_rate=mean_heart_rate(clean),
        rmssd_ms=rmssd_ms(clean),
        coherence=coherence(clean, window_s),
    )


def pause_heart(figures: HeartFigures) -> PauseHeart:
    """The journal's record of a pause's figures."""
    if figures.poor:
        return PauseHeart(poor=True)
    peak = figures.coherence
    return PauseHeart(mean_heart_rate=figures.mean_heart_rate, rmssd_ms=figures.rmssd_ms,
                      coherence=None if peak is None else peak.value,
                      pace_per_min=None if peak is None else peak.breaths_per_minute)
