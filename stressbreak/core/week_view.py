"""What the weekly overview shows for one week: its view model, built from journal records."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from stressbreak.core.model import Record
from stressbreak.core.stats import (
    WeekPatterns,
    WeekSummary,
    WeekTrend,
    insights,
    summarise_week,
    week_bounds,
    week_patterns,
    week_trend,
)

TREND_WEEKS = 4  # the overview's trend: this week and the three before it


@dataclass(frozen=True)
class WeekView:
    """Everything the overview window shows for one week."""

    summary: WeekSummary
    patterns: WeekPatterns
    insights: tuple[str, ...]  # already in the user's language
    trend: tuple[WeekTrend, ...]  # TREND_WEEKS weeks, oldest first, ending with this one


def records_span(monday: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of the records a WeekView of `monday` needs (TREND_WEEKS weeks)."""
    start, _ = week_bounds(monday - timedelta(weeks=TREND_WEEKS - 1), tz)
    _, end = week_bounds(monday, tz)
    return start, end


def week_view(records: Iterable[Record], monday: date, tz: tzinfo,
              translate: Callable[[str], str]) -> WeekView:
    """The week of `monday` with its patterns and insights (each passed through `translate`),
    and the trend, from the records of that week and the TREND_WEEKS - 1 weeks before it.
    The insights see this week only: the weeks before feed the trend's counts, never a
    comparison."""
    records = list(records)
    mondays = [monday - timedelta(weeks=back) for back in range(TREND_WEEKS - 1, -1, -1)]
    weeks = [summarise_week(records, first, tz) for first in mondays]
    this_week = weeks[-1]
    return WeekView(
        summary=this_week,
        patterns=week_patterns(this_week, tz),
        insights=tuple(translate(m) for m in insights(this_week, tz)),
        trend=tuple(week_trend(week) for week in weeks),
    )
