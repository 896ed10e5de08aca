""""What helps me": observations from the user's own journal, said only when the data carries
them. The method, for users and coaches, is in docs/WHAT_HELPS.md; this module is its code.

Six comparisons, each over local days: afternoon tension on days with more pauses against
days with fewer; the stress meter right after a pause against the other meters of that day;
sleep, energy and focus the day after a day with more pauses against the day after fewer; and
the stress meter right after a pause with one exercise against those after the other exercises.
Each one is an observation only when a bootstrap interval over days (resampling days, seeded)
lies wholly on one side of zero, a permutation (or, within a day, sign-flip) test agrees at
the same level, and each group holds at least MIN_DAYS days. The six share one false-claim
budget of 2.5 % (Bonferroni: each at 2.5 / 6 %), half the 5 % allowed, because the interval's
edges are themselves estimated from a finite number of resamples; the permutation test is there
for young journals, where the percentile interval alone is too narrow. The exercise comparison
asks its question once for each exercise, so it splits its share between them.

Cost: the days looked at are the last WINDOW_DAYS, so the resampling is bounded whatever the
journal's age (figures in docs/WHAT_HELPS.md). The permutation test comes first and gives up
early on data without a pattern; the bootstrap runs only where that test agrees.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from stressbreak.core.breathing import PATTERNS
from stressbreak.core.exercises import EXERCISES
from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.settings import PATTERN_CHOICES
from stressbreak.core.timeutil import at_local

CONTEXT = "helps"

MIN_DAYS = 10  # days in each group before a comparison may be said at all
FAMILY_ALPHA = 0.025  # the chance, on data without a pattern, that anything is said
RESAMPLES = 2000  # what the app uses; tests pass fewer to stay fast
WINDOW_DAYS = 365  # completed days looked back on: bounds the cost, and keeps it about now
AFTER_PAUSE = timedelta(hours=2)  # a stress meter this soon after a pause "follows" it
AFTERNOON_FROM = 12  # local hour from which a stress meter counts as the afternoon's
MIN_SIZE = 0.05  # a difference that rounds to 0.0 is not worth a sentence

# Pauses the user took (a shorter pause is a pause), as in the weekly overview.
TAKEN = (PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY)

RATING_NAMES = ("sleep", "energy", "focus")

# The ids of every comparison, in the order the observations are listed. Their number sets
# each interval's level: a fixed family, whichever of them the data allows this time.
COMPARISONS = (
    "pauses_afternoon_tension",
    "after_pause_tension",
    "pauses_next_day_sleep",
    "pauses_next_day_energy",
    "pauses_next_day_focus",
    "exercise_next_tension",
)
ALPHA = FAMILY_ALPHA / len(COMPARISONS)


@dataclass(frozen=True)
class DayScores:
    """A day's own ratings, 1–5 each; None where the user left one out."""

    sleep: int | None = None
    energy: int | None = None
    focus: int | None = None

    def __post_init__(self) -> None:
        for name in RATING_NAMES:
            value = getattr(self, name)
            if value is not None and not 1 <= value <= 5:
                raise ValueError(f"{name} is rated 1–5, not {value}")


@dataclass(frozen=True)
class Observation:
    """One thing the data shows, with the numbers behind it.

    `difference` is the mean of the first group minus the mean of the second (tension 0–10,
    ratings 1–5); `interval` its bootstrap interval at level 1 - ALPHA (1 - ALPHA / k for the
    exercise comparison, which asks k questions); `days` how many days stand in each group
    (the same number twice where a day is compared with itself)."""

    id: str
    text: Message
    difference: float
    interval: tuple[float, float]
    days: tuple[int, int]
    threshold: int | None = None  # the "N or more pauses" the days were split at, if any
    exercise: str | None = None  # the exercise (or breathing pattern) id it is about, if any


def day_scores(records: Iterable[Record], tz: tzinfo) -> dict[date, DayScores]:
    """The day ratings in the journal by local day; of a day rated twice, the latest. A day
    whose latest rating is all open is not rated: the user cleared it, and what they said
    earlier that day no longer stands."""
    latest: dict[date, DayRating] = {}
    for record in records:
        if isinstance(record, DayRating):
            day = record.at.astimezone(tz).date()
            if day not in latest or latest[day].at <= record.at:
                latest[day] = record
    return {day: DayScores(r.sleep, r.energy, r.focus) for day, r in latest.items()
            if not r.empty}


def one_decimal(value: float) -> str:
    """English numbers; a window passes its locale's (QLocale.toString(value, "f", 1))."""
    return f"{value:.1f}"


@dataclass
class _Day:
    taken: int = 0
    pauses: list[tuple[datetime, str]] = field(default_factory=list)  # (end, exercise id)
    meters: list[tuple[datetime, int]] = field(default_factory=list)  # (local time, tension)
    # The same, less the meters the app opened right after a pause (CheckInOrigin.AFTER_PAUSE).
    own_meters: list[tuple[datetime, int]] = field(default_factory=list)


_NO_RATINGS: Mapping[date, DayScores] = MappingProxyType({})


def what_helps(records: Iterable[Record], tz: tzinfo, today: date, *,
               ratings: Mapping[date, DayScores] = _NO_RATINGS,
               resamples: int = RESAMPLES, seed: int = 0, window_days: int = WINDOW_DAYS,
               number: Callable[[float], str] = one_decimal) -> list[Observation]:
    """The observations the last `window_days` completed days (before `today`, local days in
    `tz`) carry, in COMPARISONS order; none when nothing clears the bar. The same records and
    seed give the same result."""
    first = today - timedelta(days=window_days)
    days = _days(records, tz, first, today)
    found: list[Observation | None] = [
        _pauses_afternoon(days, resamples, seed, number),
        _after_pause(days, resamples, seed, number),
    ]
    found += [_pauses_next_day(days, ratings, name, resamples=resamples, seed=seed,
                               number=number)
              for name in RATING_NAMES]
    found.append(_exercise_after(days, resamples, seed, number))
    return [o for o in found if o is not None]


def _days(records: Iterable[Record], tz: tzinfo, first: date, end: date) -> dict[date, _Day]:
    start_utc = at_local(first, time(0), tz).astimezone(UTC)
    end_utc = at_local(end, time(0), tz).astimezone(UTC)
    days: dict[date, _Day] = {}
    for record in records:
        if not start_utc <= record.at < end_utc:
            continue
        local = record.at.astimezone(tz)
        # A day is here only when it holds a record: the app was in use that day.
        day = days.setdefault(local.date(), _Day())
        if isinstance(record, PauseRecord):
            if record.outcome in TAKEN:
                day.taken += 1
                day.pauses.append((record.ended_at, record.exercise))
        elif isinstance(record, CheckIn) and record.tension is not None:
            day.meters.append((local, record.tension))
            if record.origin is not CheckInOrigin.AFTER_PAUSE:
                day.own_meters.append((local, record.tension))
    for day in days.values():
        day.pauses.sort(key=lambda p: p[0].astimezone(UTC))
        day.meters.sort(key=lambda m: m[0].astimezone(UTC))
        day.own_meters.sort(key=lambda m: m[0].astimezone(UTC))
    return days


# -- a: afternoon tension on days with more pauses ------------------------------------------


def _pauses_afternoon(days: Mapping[date, _Day], resamples: int, seed: int,
                      number: Callable[[float], str]) -> Observation | None:
    # The meters the app opens right after a pause are left out: every pause may bring one,
    # just after the breathing, so days with more pauses would show calmer afternoons for that
    # alone (and the sentence would repeat comparison b).
    afternoon = {d: [t for at, t in day.own_meters if at.hour >= AFTERNOON_FROM]
                 for d, day in sorted(days.items())}
    per_day = [(days[d].taken, sum(ts) / len(ts)) for d, ts in afternoon.items() if ts]
    split = _split(per_day)
    if split is None:
        return None
    threshold, more, fewer = split
    name = COMPARISONS[0]
    found = _compare(more, fewer, resamples, f"{seed}:{name}")
    if found is None:
        return None
    difference, interval = found
    counts = _days_against(len(more), len(fewer))
    size = number(abs(difference))
    text = (Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
        "helps", "On days with %n or more pauses, your afternoon tension was {size} lower on "
        "average ({days})."), threshold, size=size, days=counts)
        if difference < 0 else Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
            "helps", "On days with %n or more pauses, your afternoon tension was {size} higher "
            "on average ({days})."), threshold, size=size, days=counts))
    return Observation(name, text, difference, interval, (len(more), len(fewer)), threshold)


# -- b: the stress meter after a pause, against the rest of that day ------------------------


def _after_pause(days: Mapping[date, _Day], resamples: int, seed: int,
                 number: Callable[[float], str]) -> Observation | None:
    """Within each day, so that a tense day and a calm day are never set against each other:
    the mean of the meters that followed a pause minus the mean of the day's other meters."""
    differences: list[float] = []
    for _day, day in sorted(days.items()):  # the same days give the same answer, in any order
        followed = _following(day)
        after = [t for i, (_at, t) in enumerate(day.meters) if i in followed]
        other = [t for i, (_at, t) in enumerate(day.meters) if i not in followed]
        if after and other:
            differences.append(sum(after) / len(after) - sum(other) / len(other))
    if len(differences) < MIN_DAYS:
        return None
    name = COMPARISONS[1]
    rng = random.Random(f"{seed}:{name}")
    n = len(differences)
    difference = sum(differences) / n
    # The sign-flip test first: on days without a pattern it gives up after a few draws, and
    # the bootstrap, which always draws in full, is needed only where that test agrees.
    if abs(difference) < MIN_SIZE or not _signs_matter(differences, resamples, rng):
        return None
    means = sorted(sum(rng.choices(differences, k=n)) / n for _ in range(resamples))
    interval = _percentiles(means)
    if not _clear(difference, interval):
        return None
    size = number(abs(difference))
    text = (Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
        "helps", "After a pause, your next stress meter (within two hours) was {size} calmer "
        "on average than the other stress meters of the same day (%n days)."), n, size=size)
        if difference < 0 else Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
            "helps", "After a pause, your next stress meter (within two hours) showed {size} "
            "more tension on average than the other stress meters of the same day (%n days)."),
            n, size=size))
    return Observation(name, text, difference, interval, (n, n))


def _following(day: _Day) -> dict[int, str]:
    """Indexes of the day's meters that are the first one within AFTER_PAUSE of a pause's end,
    each with the exercise of the latest pause before it (the one it directly follows)."""
    followed: dict[int, str] = {}
    instants = [at.astimezone(UTC) for at, _t in day.meters]
    start = 0
    for end, exercise in day.pauses:  # in order of their ends: a later pause overwrites
        while start < len(instants) and instants[start] < end:
            start += 1
        if start < len(instants) and instants[start] - end <= AFTER_PAUSE:
            followed[start] = exercise
    return followed


# -- c: the day's ratings after a day with more pauses ---------------------------------------

_RATING_LABELS = {
    "sleep": Message(CONTEXT, QT_TRANSLATE_NOOP("helps", "sleep")),
    "energy": Message(CONTEXT, QT_TRANSLATE_NOOP("helps", "energy")),
    "focus": Message(CONTEXT, QT_TRANSLATE_NOOP("helps", "focus")),
}


def _pauses_next_day(days: Mapping[date, _Day], ratings: Mapping[date, DayScores], rating: str,
                     *, resamples: int, seed: int,
                     number: Callable[[float], str]) -> Observation | None:
    """A day's ratings are given with its first stress meter, so they tell of the night and the
    morning after the day before. Only days the app was in use count: a day it was not open
    is not a day without pauses."""
    per_day: list[tuple[int, float]] = []
    for d, day in sorted(days.items()):
        scores = ratings.get(d + timedelta(days=1))
        value = getattr(scores, rating) if scores is not None else None
        if value is not None:
            per_day.append((day.taken, float(value)))
    split = _split(per_day)
    if split is None:
        return None
    threshold, more, fewer = split
    name = COMPARISONS[2 + RATING_NAMES.index(rating)]
    found = _compare(more, fewer, resamples, f"{seed}:{name}")
    if found is None:
        return None
    difference, interval = found
    counts = _days_against(len(more), len(fewer))
    size = number(abs(difference))
    label = _RATING_LABELS[rating]
    text = (Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
        "helps", "After days with %n or more pauses, you rated your {rating} {size} higher the "
        "next day, on average ({days})."), threshold, rating=label, size=size, days=counts)
        if difference > 0 else Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
            "helps", "After days with %n or more pauses, you rated your {rating} {size} lower "
            "the next day, on average ({days})."), threshold, rating=label, size=size,
            days=counts))
    return Observation(name, text, difference, interval, (len(more), len(fewer)), threshold)


# -- d: the stress meter after one exercise, against the meters after the others -----------


def _exercise_names() -> dict[str, Message]:
    """Each exercise by the name the settings offer it under. A breathing pause records its
    pattern, so each pattern is named (and compared) on its own."""
    names = {e.id: Message("exercises", e.title) for e in EXERCISES.values()}
    for choice in PATTERN_CHOICES:
        if choice.value in PATTERNS and choice.context is not None:
            names[choice.value] = Message(choice.context, choice.label)
    return names


# An id this version does not know (a newer StressBreak's exercise, say) has no name to say:
# it is never asked about, though its stress meters count among the other exercises'.
_EXERCISE_NAMES = _exercise_names()


def _exercise_after(days: Mapping[date, _Day], resamples: int, seed: int,
                    number: Callable[[float], str]) -> Observation | None:
    """For each exercise: on the days a stress meter followed it, the mean of those meters,
    against the mean of the meters that followed the other exercises on their days. A day may
    stand on both sides (it had both kinds); that only makes the tests more cautious.

    Every exercise with MIN_DAYS days on each side is a question of its own, k in all, so each
    is tested at ALPHA / k (Bonferroni within this comparison's share), with k times the
    resamples so that the stricter level is reached as precisely as the others' is. At most one
    is said: the clearest (the largest difference for its uncertainty) of those that pass.

    Only a calmer meter is said. The question is which exercise goes with the calmest next
    stress meter; "more tension after X" is mostly the mirror of "calmer after the others" (with
    two exercises, exactly), and with several calming ones a neutral exercise would stand out
    as the tense one. The tests stay two-sided, as everywhere here: cautious, never lenient."""
    after: dict[str, list[float]] = {}  # exercise -> its days' means
    against: dict[str, list[float]] = {}  # exercise -> the means after the others, by day
    names = _EXERCISE_NAMES
    for _day, day in sorted(days.items()):
        by_exercise: dict[str, list[int]] = {}
        for index, exercise in _following(day).items():
            by_exercise.setdefault(exercise, []).append(day.meters[index][1])
        for exercise in names:
            mine = by_exercise.get(exercise, [])
            others = [t for e, ts in by_exercise.items() if e != exercise for t in ts]
            if mine:
                after.setdefault(exercise, []).append(sum(mine) / len(mine))
            if others:
                against.setdefault(exercise, []).append(sum(others) / len(others))
    # Which exercises are asked about follows from the day counts alone, never from the values.
    asked = [e for e in names
             if min(len(after.get(e, ())), len(against.get(e, ()))) >= MIN_DAYS]
    if not asked:
        return None
    alpha = ALPHA / len(asked)
    name = COMPARISONS[5]
    calmer = [e for e in asked if _mean(after[e]) < _mean(against[e])]
    for exercise in sorted(calmer, key=lambda e: _clarity(after[e], against[e])):
        found = _compare(after[exercise], against[exercise], resamples * len(asked),
                         f"{seed}:{name}:{exercise}", alpha)
        if found is None:
            continue
        difference, interval = found
        n_after, n_against = len(after[exercise]), len(against[exercise])
        text = Message(CONTEXT, QT_TRANSLATE_NOOP(
            "helps", "After a pause with “{exercise}”, your next stress meter was {size} calmer "
            "on average than after pauses with other exercises ({days})."),
            exercise=names[exercise], size=number(abs(difference)),
            days=_days_against(n_after, n_against))
        return Observation(name, text, difference, interval, (n_after, n_against),
                           exercise=exercise)
    return None


def _clarity(first: list[float], second: list[float]) -> tuple[float, float]:
    """A sort key, clearest first: the difference of the means over its standard error (as in
    Welch's t), larger first; on a tie the calmer one."""
    difference = _mean(first) - _mean(second)
    error = math.sqrt(_variance(first) / len(first) + _variance(second) / len(second))
    ratio = abs(difference) / error if error > 0 else (math.inf if difference else 0.0)
    return -ratio, difference


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _variance(values: list[float]) -> float:
    mean = _mean(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


# -- the shared arithmetic ------------------------------------------------------------------


def _split(per_day: list[tuple[int, float]]) -> tuple[int, list[float], list[float]] | None:
    """Days split at the number of pauses that divides them most evenly in two (the smaller
    number on a tie): (N, values of days with N or more, values of days with fewer). Chosen
    from the pause counts alone, never from the values compared, so it adds no second try."""
    counts = sorted(taken for taken, _value in per_day)
    best: tuple[int, int] | None = None  # (imbalance, N)
    for threshold in sorted(set(counts)):
        if threshold == 0:
            continue
        fewer = _count_below(counts, threshold)
        imbalance = abs(len(counts) - 2 * fewer)
        if best is None or imbalance < best[0]:
            best = (imbalance, threshold)
    if best is None:
        return None
    threshold = best[1]
    more = [value for taken, value in per_day if taken >= threshold]
    fewer_values = [value for taken, value in per_day if taken < threshold]
    if min(len(more), len(fewer_values)) < MIN_DAYS:
        return None
    return threshold, more, fewer_values


def _count_below(sorted_counts: list[int], threshold: int) -> int:
    low, high = 0, len(sorted_counts)
    while low < high:
        middle = (low + high) // 2
        if sorted_counts[middle] < threshold:
            low = middle + 1
        else:
            high = middle
    return low


def _compare(first: list[float], second: list[float], resamples: int, seed: str,
             alpha: float = ALPHA) -> tuple[float, tuple[float, float]] | None:
    """The difference of the two groups' means and its bootstrap interval at level 1 - alpha,
    each group's days resampled on their own; None unless the interval clears zero, the
    permutation test agrees at `alpha` and the size is worth saying."""
    rng = random.Random(seed)
    n_first, n_second = len(first), len(second)
    difference = sum(first) / n_first - sum(second) / n_second
    # The permutation test first: on days without a pattern it gives up after a few draws,
    # and the bootstrap, which always draws in full, is needed only where that test agrees.
    if abs(difference) < MIN_SIZE or not _labels_matter(first, second, resamples, rng, alpha):
        return None
    differences = sorted(
        sum(rng.choices(first, k=n_first)) / n_first
        - sum(rng.choices(second, k=n_second)) / n_second
        for _ in range(resamples))
    interval = _percentiles(differences, alpha)
    if not _clear(difference, interval):
        return None
    return difference, interval


# The percentile interval alone is too narrow with about ten days a group (on journals of a few
# weeks without any pattern it spoke three times as often as it may). So a comparison must also
# pass an exact-in-spirit test that makes no assumption about the days: a permutation test for
# two groups, a sign-flip test for within-day differences, each at the same ALPHA.


def _labels_matter(first: list[float], second: list[float], resamples: int,
                   rng: random.Random, alpha: float = ALPHA) -> bool:
    """Would days shuffled between the two groups rarely differ as much (p < alpha)?"""
    pooled = first + second
    total, n_first, n_second = sum(pooled), len(first), len(second)
    observed = abs(sum(first) / n_first - sum(second) / n_second)
    allowed = alpha * (resamples + 1) - 1  # as many as big, and p still below alpha
    as_big = 0
    for _ in range(resamples):
        drawn = sum(rng.sample(pooled, n_first))
        if abs(drawn / n_first - (total - drawn) / n_second) >= observed - 1e-12:
            as_big += 1
            if as_big > allowed:
                return False  # no need to go on: it cannot pass any more
    return True


def _signs_matter(differences: list[float], resamples: int, rng: random.Random) -> bool:
    """Would the day's differences with random signs rarely average as far from zero?"""
    n = len(differences)
    observed = abs(sum(differences) / n)
    allowed = ALPHA * (resamples + 1) - 1
    as_big = 0
    for _ in range(resamples):
        flipped = sum(d if rng.random() < 0.5 else -d for d in differences)
        if abs(flipped / n) >= observed - 1e-12:
            as_big += 1
            if as_big > allowed:
                return False
    return True


def _percentiles(ordered: list[float], alpha: float = ALPHA) -> tuple[float, float]:
    """The alpha / 2 and 1 - alpha / 2 points of sorted resamples, rounded outwards."""
    last = len(ordered) - 1
    return (ordered[math.floor(alpha / 2 * last)], ordered[math.ceil((1 - alpha / 2) * last)])


def _clear(difference: float, interval: tuple[float, float]) -> bool:
    low, high = interval
    return abs(difference) >= MIN_SIZE and (low > 0 or high < 0)


def _days_against(first: int, second: int) -> Message:
    return Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP("helps", "%n days against {other}"),
                           first, other=second)
