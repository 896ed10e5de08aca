"""Makes StressBreak's two soft phase-change chimes (our own sounds, generated, no samples).

    python resources/sounds/make_chimes.py

writes stressbreak/assets/sounds/in.wav (a slightly higher tone, for breathing in) and
out.wav (a lower one, for breathing out): 0.7 s, mono, 22.05 kHz, gentle attack and a long
fade, quiet enough to sit under speech.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE_HZ = 22050
LENGTH_S = 0.7
VOLUME = 0.22
OUT_DIR = Path(__file__).resolve().parents[2] / "stressbreak" / "assets" / "sounds"


def chime(base_hz: float) -> bytes:
    frames = []
    for n in range(int(RATE_HZ * LENGTH_S)):
        t = n / RATE_HZ
        attack = min(1.0, t / 0.04)
        decay = math.exp(-4.0 * t)
        # A soft bell: the fundamental with a little octave and fifth above it.
        tone = (math.sin(2 * math.pi * base_hz * t)
                + 0.25 * math.sin(2 * math.pi * base_hz * 2 * t)
                + 0.1 * math.sin(2 * math.pi * base_hz * 3 * t)) / 1.35
        frames.append(struct.pack("<h", round(32767 * VOLUME * attack * decay * tone)))
    return b"".join(frames)


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, hz in (("in", 523.25), ("out", 392.0)):
        with wave.open(str(OUT_DIR / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE_HZ)
            out.writeframes(chime(hz))
        print("wrote", OUT_DIR / f"{name}.wav")


if __name__ == "__main__":
    main()
