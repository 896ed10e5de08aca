"""A journal of months with a heart-rate strap, made from a seed (the same journal every run).

    python tests/heart_journal.py OUT.json [--weeks 26] [--seed 19]

writes it as a StressBreak export (importable with `stressbreak import OUT.json`); the tests
call `heart_journal` and work out what they expect from the records it gives, never from
figures written down here.

What it holds, week by week up to the week of `today` (Monday to Friday; weekends empty):
- three to six pauses a working day, most of them completed, a few ended early, passed by or
  let pass, and now and then a natural one;
- the strap from `strap_from` weeks in: on most days, not all (left at home), and for a week
  not at all (flat battery), so that there are weeks with figures, weeks without, and weeks
  in between;
- per pause with the strap: one in sixteen a poor signal; else a heart rate around 70 that
  eases a little over the months, RMSSD around 40 ms, coherence that grows with practice
  (0.3 at first, towards 0.7), the breathing pace near 6 a minute. A pause ended early after
  less than 32 s has a heart rate and RMSSD but no coherence and no pace (too short for the
  spectrum, as core/heart.py says);
- one holiday week with no entries at all;
- a stress meter or two a day with a tension, and a day rating on most days.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseHeart,
    PauseOutcome,
    PauseRecord,
    Record,
)

SHORT_S = 25  # a pause ended this early is too short for coherence


def heart_journal(today: date, weeks: int, tz: tzinfo, *, seed: int = 19,
                  strap_from: int = 2, strap: bool = True) -> list[Record]:
    """`weeks` weeks of entries up to `today` (inclusive); `strap=False`: the same journal
    as a user without a strap has it (no pause has a "heart" key)."""
    rng = random.Random(seed)
    # The strap's own draws: without a strap every other entry is the same.
    strap_rng = random.Random(seed + 1)
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    holiday = first + timedelta(weeks=weeks // 2)
    flat_battery = first + timedelta(weeks=strap_from + (weeks - strap_from) // 3)
    records: list[Record] = []
    day = first
    while day <= today:
        monday = day - timedelta(days=day.weekday())
        week_index = (monday - first).days // 7
        if day.weekday() < 5 and monday != holiday:
            worn = (strap and week_index >= strap_from and monday != flat_battery
                    and strap_rng.random() < 0.8)
            practice = min(1.0, max(0.0, (week_index - strap_from) / max(1, weeks - strap_from)))
            records += _day(rng, strap_rng, day, tz, practice if worn else None)
        day += timedelta(days=1)
    return records


def _day(rng: random.Random, strap_rng: random.Random, day: date, tz: tzinfo,
         practice: float | None) -> list[Record]:
    out: list[Record] = []
    for hour in sorted(rng.sample(range(9, 18), rng.randint(3, 6))):
        start = datetime(day.year, day.month, day.day, hour, rng.randint(0, 50), tzinfo=tz)
        outcome = rng.choices(
            [PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY, PauseOutcome.MISSED,
             PauseOutcome.SKIPPED, PauseOutcome.NATURAL], [70, 10, 8, 7, 5])[0]
        length = (60 if outcome is PauseOutcome.COMPLETED
                  else rng.randint(10, 50) if outcome is PauseOutcome.ENDED_EARLY
                  else 180 if outcome is PauseOutcome.NATURAL else 0)
        heart = None
        if practice is not None and outcome in (PauseOutcome.COMPLETED,
                                                PauseOutcome.ENDED_EARLY):
            heart = _figures(strap_rng, practice, length)
        out.append(PauseRecord(start, start + timedelta(seconds=length), outcome, heart=heart,
                               id=_id(rng)))
    for hour in sorted(rng.sample(range(9, 18), rng.randint(1, 2))):
        at = datetime(day.year, day.month, day.day, hour, 55, tzinfo=tz)
        out.append(CheckIn(at, CheckInOrigin.MANUAL, tension=rng.randint(1, 8), id=_id(rng)))
    if rng.random() < 0.7:
        at = datetime(day.year, day.month, day.day, 17, 30, tzinfo=tz)
        out.append(DayRating(at, sleep=rng.randint(2, 5), energy=rng.randint(1, 5),
                             focus=rng.randint(1, 5), id=_id(rng)))
    return out


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"  # seeded too: the same journal, ids and all


def _figures(rng: random.Random, practice: float, length: int) -> PauseHeart:
    if rng.random() < 1 / 16:
        return PauseHeart(poor=True)
    heart_rate = rng.gauss(72 - 4 * practice, 5)
    rmssd = math.exp(rng.gauss(math.log(36 + 12 * practice), 0.3))
    if length < SHORT_S:
        return PauseHeart(mean_heart_rate=heart_rate, rmssd_ms=rmssd)
    coherence = min(0.98, max(0.05, rng.betavariate(3 + 6 * practice, 6 - 2 * practice)))
    return PauseHeart(mean_heart_rate=heart_rate, rmssd_ms=rmssd, coherence=coherence,
                      pace_per_min=min(7.0, max(4.5, rng.gauss(6.0, 0.3))))


def main(argv: list[str] | None = None) -> int:
    from stressbreak.core.export import to_json

    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    now = datetime.now(UTC)
    records = heart_journal(now.date(), args.weeks, UTC, seed=args.seed)
    args.out.write_text(to_json(records, exported_at=now, app_version="heart_journal"))
    with_heart = sum(1 for r in records if isinstance(r, PauseRecord) and r.heart is not None)
    json.dump({"records": len(records), "pauses_with_heart": with_heart}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
