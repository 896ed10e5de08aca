"""The weekly overview's numbers, computed from journal records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from stressbreak.core.content import BODY_SIGNALS, NEED, Question
from stressbreak.core.content import CONTEXT as CONTENT_CONTEXT
from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import (
    REMINDER_OUTCOMES,
    CheckIn,
    CheckInOrigin,
    PauseOutcome,
    PauseRecord,
    Record,
)
from stressbreak.core.timeutil import at_local


@dataclass
class DaySummary:
    day: date
    pauses: dict[PauseOutcome, int] = field(
        default_factory=lambda: dict.fromkeys(PauseOutcome, 0)
    )
    checkins: list[CheckIn] = field(default_factory=list)

    @property
    def reminders(self) -> int:
        return sum(self.pauses[o] for o in REMINDER_OUTCOMES)

    @property
    def natural(self) -> int:
        return self.pauses[PauseOutcome.NATURAL]


@dataclass
class WeekSummary:
    monday: date
    days: list[DaySummary]

    def total(self, outcome: PauseOutcome) -> int:
        return sum(d.pauses[outcome] for d in self.days)

    @property
    def taken(self) -> int:
        """Pauses a reminder led to: completed or ended early (a shorter pause is a pause)."""
        return self.total(PauseOutcome.COMPLETED) + self.total(PauseOutcome.ENDED_EARLY)

    @property
    def checkins(self) -> list[CheckIn]:
        return [c for d in self.days for c in d.checkins]

    @property
    def is_empty(self) -> bool:
        return all(d.reminders == 0 and d.natural == 0 and not d.checkins for d in self.days)


def frequent_triggers(checkins: Iterable[CheckIn], limit: int = 50) -> list[str]:
    """The user's own earlier triggers, most frequent first (ties: most recent first), each
    once regardless of case, in the spelling used most recently."""
    return [text for text, _count in _trigger_counts(checkins)[:limit]]


def _trigger_counts(checkins: Iterable[CheckIn]) -> list[tuple[str, int]]:
    """Triggers counted regardless of case and spacing, each in its most recent spelling:
    most frequent first, ties most recent first (then by text, so equal instants are stable)."""
    counts: dict[str, int] = {}
    latest: dict[str, tuple[datetime, str]] = {}
    for checkin in checkins:
        text = " ".join(checkin.trigger.split())
        if not text:
            continue
        key = text.casefold()
        counts[key] = counts.get(key, 0) + 1
        if key not in latest or checkin.at >= latest[key][0]:
            latest[key] = (checkin.at, text)
    ranked = sorted(counts, key=lambda k: (-counts[k], -latest[k][0].timestamp(), k))
    return [(latest[k][1], counts[k]) for k in ranked]


def week_bounds(monday: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """Local midnight Monday up to (not including) local midnight the next Monday."""
    return at_local(monday, time(0), tz), at_local(monday + timedelta(days=7), time(0), tz)


def summarise_week(records: Iterable[Record], monday: date, tz: tzinfo) -> WeekSummary:
    """Count pauses per day and outcome and list check-ins, by the user's local day."""
    days = [DaySummary(monday + timedelta(days=i)) for i in range(7)]
    for record in records:
        index = (record.at.astimezone(tz).date() - monday).days
        if not 0 <= index < 7:
            continue
        if isinstance(record, PauseRecord):
            days[index].pauses[record.outcome] += 1
        elif isinstance(record, CheckIn):  # a day rating is not a stress meter
            days[index].checkins.append(record)
    for day in days:
        day.checkins.sort(key=lambda c: c.at)
    return WeekSummary(monday, days)


# -- patterns within a week -----------------------------------------------------------------

# Local hours 0–6, 6–12, 12–18, 18–24. Ids, not texts: a window labels them in its own words.
PARTS_OF_DAY: tuple[str, ...] = ("night", "morning", "afternoon", "evening")
_HOURS_PER_PART = 24 // len(PARTS_OF_DAY)


def part_of_day(hour: int) -> str:
    """The part of the day (an id from PARTS_OF_DAY) that a local hour 0–23 falls in."""
    if not 0 <= hour <= 23:
        raise ValueError(f"an hour of the day is 0–23, not {hour}")
    return PARTS_OF_DAY[hour // _HOURS_PER_PART]


@dataclass(frozen=True)
class HourCell:
    """What the stress meter saw in one local hour of one day."""

    checkins: int = 0
    tension_total: int = 0  # only check-ins that gave a tension count here...
    tension_count: int = 0  # ...so an unanswered rating never pulls the mean towards 0
    signals: int = 0

    @property
    def mean_tension(self) -> float | None:
        return self.tension_total / self.tension_count if self.tension_count else None


@dataclass(frozen=True)
class WeekPatterns:
    grid: tuple[tuple[HourCell, ...], ...]  # [day 0..6, Monday first][local hour 0..23]
    tension_by_day: tuple[float | None, ...]  # None: no tension given that day
    tension_points: tuple[tuple[datetime, int], ...]  # (local time, tension), oldest first
    top_signals: tuple[tuple[str, int], ...]  # (BODY_SIGNALS id, check-ins), most first
    top_needs: tuple[tuple[str, int], ...]  # (NEED chip id, check-ins), most first
    top_triggers: tuple[tuple[str, int], ...]  # (latest spelling, check-ins), most first
    checkins: int
    checkins_by_origin: dict[CheckInOrigin, int]  # every origin is a key, 0 included


def week_patterns(summary: WeekSummary, tz: tzinfo) -> WeekPatterns:
    """When and what the week's check-ins noticed, by the user's local time in `tz` (the zone
    the summary was made with: its days decide the day, `tz` the hour)."""
    cells = [[_CellCount() for _ in range(24)] for _ in range(7)]
    points: list[tuple[datetime, int]] = []
    origins = dict.fromkeys(CheckInOrigin, 0)
    for index, day in enumerate(summary.days):
        for checkin in day.checkins:
            local = checkin.at.astimezone(tz)
            cells[index][local.hour].add(checkin)
            origins[checkin.origin] += 1
            if checkin.tension is not None:
                points.append((local, checkin.tension))
    grid = tuple(tuple(cell.frozen() for cell in row) for row in cells)
    by_day = tuple(_mean([c.tension for c in d.checkins if c.tension is not None])
                   for d in summary.days)
    checkins = summary.checkins
    return WeekPatterns(
        grid=grid,
        tension_by_day=by_day,
        # Sorted on the instant: a local time repeated when the clocks go back stays in order.
        tension_points=tuple(sorted(points, key=lambda p: p[0].astimezone(UTC))),
        top_signals=_chip_counts((c.signals for c in checkins), BODY_SIGNALS),
        top_needs=_chip_counts((c.need for c in checkins), NEED),
        top_triggers=tuple(_trigger_counts(checkins)),
        checkins=len(checkins),
        checkins_by_origin=origins,
    )


class _CellCount:
    def __init__(self) -> None:
        self.checkins = 0
        self.tension_total = 0
        self.tension_count = 0
        self.signals = 0

    def add(self, checkin: CheckIn) -> None:
        self.checkins += 1
        self.signals += len(checkin.signals)
        if checkin.tension is not None:
            self.tension_total += checkin.tension
            self.tension_count += 1

    def frozen(self) -> HourCell:
        return HourCell(self.checkins, self.tension_total, self.tension_count, self.signals)


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _chip_counts(
    answers: Iterable[tuple[str, ...]], question: Question
) -> tuple[tuple[str, int], ...]:
    """How many check-ins named each chip: most first, ties in the order the question shows
    them; ids the catalogue does not know (older or newer versions) after those, by id."""
    counts: dict[str, int] = {}
    for chosen in answers:
        # Once per check-in: a damaged record that repeats an id does not count twice.
        for chip_id in dict.fromkeys(chosen):
            if chip_id:
                counts[chip_id] = counts.get(chip_id, 0) + 1
    order = {chip.id: i for i, chip in enumerate(question.chips)}
    unknown = len(order)
    ranked = sorted(counts, key=lambda k: (-counts[k], order.get(k, unknown), k))
    return tuple((k, counts[k]) for k in ranked)


# -- four weeks side by side ----------------------------------------------------------------


@dataclass(frozen=True)
class WeekTrend:
    """One week's plain counts, for looking back over a few weeks. Deliberately no reminder
    total (it would turn the count into "so many of so many") and no mean tension (a weekly
    average rising or falling reads as a score for the week)."""

    monday: date
    taken: int  # WeekSummary.taken
    checkins: int


def week_trend(summary: WeekSummary) -> WeekTrend:
    """One week as a column among the weeks around it."""
    return WeekTrend(summary.monday, summary.taken, len(summary.checkins))


# -- insights ---------------------------------------------------------------------------------

INSIGHTS_CONTEXT = "insights"

# Each insight speaks only when the week gives it enough to stand on; fewer and it would read
# a pattern into chance. The minimums (all "at least"; at 2 or more, "{count} times" is always
# plural, so the sentences need no plural forms):
MIN_TENSION_CHECKINS = 3  # check-ins with a tension before naming when tension was highest;
MIN_TENSION_PEAK_GAP = 1.0  # ...and the highest part of a day must lead the next by this much
MIN_TRIGGER_MENTIONS = 3  # check-ins naming the same trigger
MIN_SIGNAL_MENTIONS = 3  # check-ins noting the same body signal
MIN_NEED_MENTIONS = 3  # check-ins naming the same need
MIN_NOT_TAKEN_ON_DAY = 3  # reminders gone by without a pause on one day, more than any other
MAX_INSIGHTS = 5  # a few observations are read; a list of ten is skimmed

DAY_NAMES: tuple[Message, ...] = (
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Monday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Tuesday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Wednesday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Thursday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Friday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Saturday")),
    Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP("insights", "Sunday")),
)


def insights(week: WeekSummary, tz: tzinfo) -> list[Message]:
    """A few plain observations about the week, most useful first; none when the week holds
    too little to say something true. They describe, never grade: a reminder that went by is
    information. They look at this week alone: no count of pauses against reminders and no
    comparison with the week before, since either reads as a score."""
    patterns = week_patterns(week, tz)
    found = [
        _tension_peak(week, tz),
        _top_trigger(patterns),
        _top_signal(patterns),
        _top_need(patterns),
        _not_taken_day(week),
    ]
    return [m for m in found if m is not None][:MAX_INSIGHTS]


def _tension_peak(week: WeekSummary, tz: tzinfo) -> Message | None:
    """The part of a day with the highest mean tension, when it clearly stands out."""
    slots: dict[tuple[int, int], list[int]] = {}
    for index, day in enumerate(week.days):
        for checkin in day.checkins:
            if checkin.tension is not None:
                part = checkin.at.astimezone(tz).hour // _HOURS_PER_PART
                slots.setdefault((index, part), []).append(checkin.tension)
    if sum(len(t) for t in slots.values()) < MIN_TENSION_CHECKINS or len(slots) < 2:
        return None
    means = {slot: sum(t) / len(t) for slot, t in slots.items()}
    first, second = sorted(means, key=lambda s: (-means[s], s))[:2]
    if means[first] - means[second] < MIN_TENSION_PEAK_GAP:
        return None
    day_index, part = first
    name = DAY_NAMES[day_index]
    # Whole sentences per part of the day, so each language can phrase day and part its own
    # way (Dutch joins them: "maandagochtend").
    if part == 0:
        return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
            "insights", "Tension was highest in the early hours of {day}."), day=name)
    if part == 1:
        return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
            "insights", "Tension was highest on {day} morning."), day=name)
    if part == 2:
        return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
            "insights", "Tension was highest on {day} afternoon."), day=name)
    return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
        "insights", "Tension was highest on {day} evening."), day=name)


def _top_trigger(patterns: WeekPatterns) -> Message | None:
    if not patterns.top_triggers or patterns.top_triggers[0][1] < MIN_TRIGGER_MENTIONS:
        return None
    trigger, count = patterns.top_triggers[0]
    # The user's own words: shown as written, never translated.
    return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
        "insights", "“{trigger}” came up {count} times as a trigger."),
        trigger=trigger, count=count)


def _top_signal(patterns: WeekPatterns) -> Message | None:
    if not patterns.top_signals or patterns.top_signals[0][1] < MIN_SIGNAL_MENTIONS:
        return None
    signal, count = patterns.top_signals[0]
    return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
        "insights", "“{signal}” was the body signal you noticed most often: {count} times."),
        signal=_chip_label(BODY_SIGNALS, signal), count=count)


def _top_need(patterns: WeekPatterns) -> Message | None:
    if not patterns.top_needs or patterns.top_needs[0][1] < MIN_NEED_MENTIONS:
        return None
    need, count = patterns.top_needs[0]
    return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
        "insights", "“{need}” was the need you named most often: {count} times."),
        need=_chip_label(NEED, need), count=count)


def _chip_label(question: Question, chip_id: str) -> str:
    """A chip's label as a Message that translates with the catalogue's own entry; an id the
    catalogue does not know stays plain text (as a template it could hold braces)."""
    if any(chip.id == chip_id for chip in question.chips):
        return Message(CONTENT_CONTEXT, question.label_of(chip_id))
    return chip_id


def _not_taken_day(week: WeekSummary) -> Message | None:
    """The day when most reminders passed without a pause, when one day clearly has most."""
    counts = [d.pauses[PauseOutcome.MISSED] + d.pauses[PauseOutcome.SKIPPED] for d in week.days]
    most = max(counts)
    if most < MIN_NOT_TAKEN_ON_DAY or counts.count(most) > 1:
        return None
    return Message(INSIGHTS_CONTEXT, QT_TRANSLATE_NOOP(
        "insights", "Reminders passed without a pause most often on {day}: {count} times."),
        day=DAY_NAMES[counts.index(most)], count=most)
