"""Writes the example RR recordings in tests/data/heart/ (synthetic, seeded, reproducible).

    python tests/heart_recordings.py

- rr-resonance-6min.csv: breathing at 6 a minute, the heart rate swinging ±8 around 64 with
  the breath (a large, smooth wave at 0.1 Hz), in seconds.
- rr-normal-breathing.csv: breathing at 12–20 a minute, each breath its own length and depth,
  over a slow wander of the heart rate (small, irregular waves), in milliseconds.
- rr-noisy.csv: the resonance recording with a few artefacts a strap gives (missed beats,
  extra beats, spikes: about 4 % of the beats, under the 10 % at which the signal is poor),
  in milliseconds, with a comment line.
- rr-poor-contact.csv: the same with a fifth of the beats spoiled, as from a slipping strap:
  the signal is poor.
- rr-pace-finder.csv: ten minutes of *Find my breathing pace*: two minutes each at 6.5, 6,
  5.5, 5 and 4.5 breaths a minute, the heart swinging with the breath at each pace, most at
  5.5 (±8 around 64) and less the further from it, in milliseconds.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "heart"
SECONDS = 180.0


def _beats(rate_at: object, rng: random.Random, jitter_s: float) -> list[float]:
    assert callable(rate_at)
    rr: list[float] = []
    t = 0.0
    while t < SECONDS:
        interval = 60 / rate_at(t) + rng.gauss(0, jitter_s)
        rr.append(interval)
        t += interval
    return rr


def resonance(rng: random.Random) -> list[float]:
    return _beats(lambda t: 64 + 8 * math.sin(2 * math.pi * 0.1 * t), rng, 0.008)


def normal(rng: random.Random) -> list[float]:
    # Each breath its own length (12–20 a minute) and depth, over a slow wander of the rate.
    phase: list[float] = []
    depth: list[float] = []
    p = 0.0
    size = 2.0
    step = 2 * math.pi * 0.25 / 10
    for _ in range(int(SECONDS * 10) + 1):
        phase.append(p)
        depth.append(size)
        before = p
        p += step
        if int(p / (2 * math.pi)) != int(before / (2 * math.pi)):
            size = rng.uniform(1.0, 3.5)
            step = 2 * math.pi * rng.uniform(0.2, 0.33) / 10
    wander = [0.0]
    for _ in range(int(SECONDS) + 1):
        wander.append(0.97 * wander[-1] + rng.gauss(0, 0.6))

    def rate(t: float) -> float:
        n = int(t * 10)
        return 72 + wander[int(t)] + depth[n] * math.sin(phase[n])

    return _beats(rate, rng, 0.02)


def noisy(rng: random.Random, share: float) -> list[float]:
    """The resonance recording with about `share` of its beats spoiled."""
    rr = resonance(rng)
    out: list[float] = []
    i = 0
    while i < len(rr):
        roll = rng.random()
        if roll < share * 0.4 and i + 1 < len(rr):  # a missed beat: two intervals as one
            out.append(rr[i] + rr[i + 1])
            i += 2
            continue
        if roll < share * 0.8:  # an extra beat detected in the middle of an interval
            cut = rr[i] * rng.uniform(0.3, 0.6)
            out += [cut, rr[i] - cut]
        elif roll < share:  # a spike no heart makes
            out.append(rng.choice([0.12, 2.6]))
        else:
            out.append(rr[i])
        i += 1
    return out


# How far the heart rate swings (beats a minute, each way) at each pace of the pace finder.
PACE_FINDER_SWING = {6.5: 3.0, 6.0: 5.0, 5.5: 8.0, 5.0: 5.5, 4.5: 4.0}
PACE_FINDER_STEP_S = 120.0


def pace_finder(rng: random.Random) -> list[float]:
    """The pace finder's session: each step's breathing drives the heart at its own pace."""
    rr: list[float] = []
    t = 0.0
    for number, (pace, swing) in enumerate(PACE_FINDER_SWING.items()):
        while t < (number + 1) * PACE_FINDER_STEP_S:
            rate = 64 + swing * math.sin(2 * math.pi * pace / 60 * t)
            interval = 60 / rate + rng.gauss(0, 0.008)
            rr.append(interval)
            t += interval
    return rr


def write(out: Path, name: str, rr: list[float], unit: str, comment: str = "") -> None:
    lines = [f"# {comment}"] if comment else []
    if unit == "ms":
        lines += [f"{1000 * r:.0f}" for r in rr]
    else:
        lines += [f"{r:.4f}" for r in rr]
    (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(out: Path = OUT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write(out, "rr-resonance-6min.csv", resonance(random.Random(19)), "s")
    write(out, "rr-normal-breathing.csv", normal(random.Random(20)), "ms")
    write(out, "rr-noisy.csv", noisy(random.Random(21), 0.04), "ms",
          "synthetic: resonance breathing with a few strap artefacts, milliseconds")
    write(out, "rr-poor-contact.csv", noisy(random.Random(22), 0.2), "ms",
          "synthetic: resonance breathing, the strap slipping, milliseconds")
    write(out, "rr-pace-finder.csv", pace_finder(random.Random(23)), "ms",
          "synthetic: the pace finder's ten minutes, the heart swinging most at 5.5 a minute")


if __name__ == "__main__":
    main()
