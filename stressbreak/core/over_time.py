"""The overview's "Over time": months week by week, so that a slow change shows at a glance.

For each week of the last 3, 6 or 12 months: the average tension noted in the stress meters,
the average day ratings of sleep, energy and focus (where the user gave them; of a day rated
twice, the latest), and the pauses taken. A week without any entry is a gap (None), never a
zero: a holiday is not a week of no pauses and no tension. Averages, not scores: the view shows
a direction over months, it does not rate a week (the week tab's insights never compare weeks
either).

Where a heart-rate strap was worn during pauses (issue 19), each week also holds the means of
its pauses' heart figures (`HeartMeans`); a week without figures is a gap too, and a range
without any leaves the view as it is for everyone without a strap.

The last week is the one in progress: on a Tuesday it holds two days, so its pauses look like a
drop. It is marked `so_far`, and the view shows it apart from the whole weeks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean

from stressbreak.core.model import (
    CheckIn,
    DayRating,
    PauseHeart,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.stats import week_bounds

RANGES_MONTHS = (3, 6, 12)
_TAKEN = (PauseOutcome.COMPLETED, PauseOutcome.ENDED_EARLY)


def weeks_in(months: int) -> int:
    """How many weeks `months` months of the view hold (13 for 3, 26 for 6, 52 for 12)."""
    return round(months * 52 / 12)


@dataclass(frozen=True)
class HeartMeans:
    """The heart figures of some pauses with a strap, averaged. Each mean is over the pauses
    that have that figure (a short pause has a heart rate but no coherence); a pause whose
    signal was poor has none and counts in `poor` only."""

    pauses: int  # pauses with at least one figure
    poor: int = 0
    coherence: float | None = None  # 0–1
    coherence_pauses: int = 0
    heart_rate: float | None = None  # beats a minute
    rmssd_ms: float | None = None


def heart_means(hearts: Iterable[PauseHeart]) -> HeartMeans | None:
    """The means of these pauses' figures; None when none of them has a figure."""
    with_figures: list[PauseHeart] = []
    poor = 0
    for heart in hearts:
        if heart.has_figures:
            with_figures.append(heart)
        elif heart.poor:
            poor += 1
    if not with_figures:
        return None
    coherences = [h.coherence for h in with_figures if h.coherence is not None]
    rates = [h.mean_heart_rate for h in with_figures if h.mean_heart_rate is not None]
    rmssds = [h.rmssd_ms for h in with_figures if h.rmssd_ms is not None]
    return HeartMeans(
        pauses=len(with_figures), poor=poor,
        coherence=fmean(coherences) if coherences else None, coherence_pauses=len(coherences),
        heart_rate=fmean(rates) if rates else None,
        rmssd_ms=fmean(rmssds) if rmssds else None)


@dataclass(frozen=True)
class WeekPoint:
    monday: date
    pauses: int | None  # taken (completed or ended early); None: nothing at all that week
    tension: float | None  # mean of the week's noted tensions, 0–10
    checkins: int
    sleep: float | None = None  # means of the week's day ratings, 1–5
    energy: float | None = None
    focus: float | None = None
    so_far: bool = False  # the week that holds today: still going on, not a whole week
    heart: HeartMeans | None = None  # None: no pause with heart figures


@dataclass(frozen=True)
class OverTime:
    months: int
    weeks: tuple[WeekPoint, ...]  # oldest first, ending with this week

    @property
    def is_empty(self) -> bool:
        return all(week.pauses is None for week in self.weeks)

    @property
    def rated(self) -> bool:
        """Some week has a day rating (else the view leaves their chart out)."""
        return any(w.sleep is not None or w.energy is not None or w.focus is not None
                   for w in self.weeks)

    @property
    def has_heart(self) -> bool:
        """Some week has heart figures (else the view leaves their chart out)."""
        return any(w.heart is not None for w in self.weeks)


def over_time_span(today: date, months: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of the records the view of `months` months up to `today` needs."""
    mondays = _mondays(today, months)
    start, _ = week_bounds(mondays[0], tz)
    _, end = week_bounds(mondays[-1], tz)
    return start, end


def over_time(records: Iterable[Record], today: date, months: int, tz: tzinfo) -> OverTime:
    """The weeks of the last `months` months up to the week of `today`, in the zone `tz`."""
    mondays = _mondays(today, months)
    first = mondays[0]
    taken: dict[date, int] = {}
    seen: set[date] = set()
    tensions: dict[date, list[int]] = {}
    checkins: dict[date, int] = {}
    # By local day: the latest of a day counts, also when it is all open (the user cleared
    # the day's ratings: the day is not rated, whatever an earlier rating said).
    ratings: dict[date, DayRating] = {}
    hearts: dict[date, list[PauseHeart]] = {}
    for record in records:
        when = _local_time(record, tz)
        if when is None:
            continue
        monday = when.date() - timedelta(days=when.weekday())
        if monday < first or monday > mondays[-1]:
            continue
        seen.add(monday)
        if isinstance(record, PauseRecord):
            if record.outcome in _TAKEN:
                taken[monday] = taken.get(monday, 0) + 1
            if record.heart is not None:
                hearts.setdefault(monday, []).append(record.heart)
        elif isinstance(record, CheckIn):
            checkins[monday] = checkins.get(monday, 0) + 1
            if record.tension is not None:
                tensions.setdefault(monday, []).append(record.tension)
        elif isinstance(record, DayRating):
            earlier = ratings.get(when.date())
            if earlier is None or earlier.at <= record.at:
                ratings[when.date()] = record
    by_week: dict[date, list[DayRating]] = {}
    for day, rating in ratings.items():
        by_week.setdefault(day - timedelta(days=day.weekday()), []).append(rating)
    weeks = tuple(
        WeekPoint(
            monday=monday,
            pauses=taken.get(monday, 0) if monday in seen else None,
            tension=fmean(tensions[monday]) if monday in tensions else None,
            checkins=checkins.get(monday, 0),
            sleep=_mean_of(by_week.get(monday, ()), "sleep"),
            energy=_mean_of(by_week.get(monday, ()), "energy"),
            focus=_mean_of(by_week.get(monday, ()), "focus"),
            so_far=monday <= today < monday + timedelta(weeks=1),
            heart=heart_means(hearts[monday]) if monday in hearts else None,
        )
        for monday in mondays)
    return OverTime(months, weeks)


def _mean_of(ratings: Iterable[DayRating], name: str) -> float | None:
    """The mean of the days that gave this rating; None when none did."""
    given = [value for rating in ratings if (value := getattr(rating, name)) is not None]
    return fmean(given) if given else None


def _mondays(today: date, months: int) -> list[date]:
    if months not in RANGES_MONTHS:
        raise ValueError(f"the view shows {RANGES_MONTHS} months, not {months}")
    this_monday = today - timedelta(days=today.weekday())
    count = weeks_in(months)
    return [this_monday - timedelta(weeks=back) for back in range(count - 1, -1, -1)]


def _local_time(record: Record, tz: tzinfo) -> datetime | None:
    if isinstance(record, PauseRecord):
        return record.started_at.astimezone(tz)
    if isinstance(record, (CheckIn, DayRating)):
        return record.at.astimezone(tz)
    return None
