"""`stressbreak summary`: the last weeks in plain counts, what stood out in each (the overview's
own observations, core/stats.py) and what helps (core/helps.py), for a terminal or a script.

Plain counts and observations only, as in the overview: no week is set against another and
nothing is a score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean
from typing import Any

from stressbreak.core.helps import WINDOW_DAYS, Observation, day_scores, one_decimal, what_helps
from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.model import PauseOutcome, PauseRecord, Record
from stressbreak.core.over_time import HeartMeans, heart_means
from stressbreak.core.stats import insights, summarise_week, week_bounds

MAX_WEEKS = 52


@dataclass(frozen=True)
class WeekLines:
    monday: date
    pauses_taken: int
    natural_pauses: int
    stress_meters: int
    tension: float | None  # the week's mean noted tension, 0–10
    stands_out: tuple[Message, ...]
    # This week, still going on: its counts are of the days so far, not of a whole week.
    so_far: bool = False


@dataclass(frozen=True)
class Summary:
    weeks: tuple[WeekLines, ...]  # oldest first, ending with this week
    helps: tuple[Observation, ...]
    # The pauses with a heart-rate strap in these weeks; None: none had figures.
    heart: HeartMeans | None = None


def summary_span(today: date, weeks: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of the records a summary of `weeks` weeks needs: those weeks, and the
    year What helps me looks back on."""
    this_monday = today - timedelta(days=today.weekday())
    first_monday = this_monday - timedelta(weeks=weeks - 1)
    start, _ = week_bounds(min(first_monday, today - timedelta(days=WINDOW_DAYS)), tz)
    _, end = week_bounds(this_monday, tz)
    return start, end


def summarise(records: Iterable[Record], today: date, weeks: int, tz: tzinfo, *,
              number: Callable[[float], str] = one_decimal) -> Summary:
    """The last `weeks` weeks up to the week of `today`, and what helps."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"a summary covers 1 to {MAX_WEEKS} weeks, not {weeks}")
    records = list(records)
    this_monday = today - timedelta(days=today.weekday())
    lines = []
    for back in range(weeks - 1, -1, -1):
        week = summarise_week(records, this_monday - timedelta(weeks=back), tz)
        tensions = [c.tension for c in week.checkins if c.tension is not None]
        lines.append(WeekLines(
            monday=week.monday, pauses_taken=week.taken,
            natural_pauses=week.total(PauseOutcome.NATURAL),
            stress_meters=len(week.checkins),
            tension=fmean(tensions) if tensions else None,
            stands_out=tuple(insights(week, tz)),
            so_far=back == 0))
    helps = what_helps(records, tz, today, ratings=day_scores(records, tz), number=number)
    first = this_monday - timedelta(weeks=weeks - 1)
    return Summary(tuple(lines), tuple(helps),
                   heart_in(records, first, this_monday + timedelta(weeks=1), tz))


def heart_in(records: Iterable[Record], first: date, end: date, tz: tzinfo
             ) -> HeartMeans | None:
    """The heart figures of the pauses from the day `first` up to (not including) `end`."""
    return heart_means(
        record.heart for record in records
        if isinstance(record, PauseRecord) and record.heart is not None
        and first <= record.started_at.astimezone(tz).date() < end)


def heart_line(heart: HeartMeans, number: Callable[[float], str],
               fraction: Callable[[float], str]) -> Message:
    """One sentence on the heart figures: the coherence, or (pauses too short for it) the
    heart rate. `fraction` writes a 0–1 value with two decimals ("0.62", "0,62")."""
    if heart.coherence is not None:
        return Message.counted("summary", QT_TRANSLATE_N_NOOP(
            "summary", "Heart rhythm during pauses: coherence {coherence} on average over %n "
                       "pauses with a strap"), heart.coherence_pauses,
            coherence=fraction(heart.coherence))
    assert heart.heart_rate is not None or heart.rmssd_ms is not None
    if heart.heart_rate is not None:
        return Message.counted("summary", QT_TRANSLATE_N_NOOP(
            "summary", "Heart rhythm during pauses: heart rate {rate} on average over %n "
                       "pauses with a strap"), heart.pauses, rate=number(heart.heart_rate))
    return Message.counted("summary", QT_TRANSLATE_N_NOOP(
        "summary", "Heart rhythm during pauses: RMSSD {rmssd} ms on average over %n pauses "
                   "with a strap"), heart.pauses, rmssd=number(heart.rmssd_ms or 0.0))


def two_decimals(value: float) -> str:
    """English; a window or the CLI passes its locale's (QLocale.toString(value, "f", 2))."""
    return f"{value:.2f}"


def summary_lines(summary: Summary, translate: Callable[[str], str],
                  day_name: Callable[[date], str],
                  number: Callable[[float], str] = one_decimal,
                  fraction: Callable[[float], str] = two_decimals) -> list[str]:
    """The summary as lines of text: `translate` turns a Message into the user's language,
    `day_name` a Monday into "23 Nov", `number` a mean into "4.5" (or "4,5"), `fraction` a
    coherence into "0.62" (or "0,62")."""
    out: list[str] = []
    for week in summary.weeks:
        counts = [translate(Message.counted("summary", QT_TRANSLATE_N_NOOP(
            "summary", "%n pauses taken"), week.pauses_taken))]
        if week.natural_pauses:
            counts.append(translate(Message.counted("summary", QT_TRANSLATE_N_NOOP(
                "summary", "%n natural pauses"), week.natural_pauses)))
        counts.append(translate(Message.counted("summary", QT_TRANSLATE_N_NOOP(
            "summary", "%n stress meters"), week.stress_meters)))
        if week.tension is not None:
            counts.append(translate(Message("summary", QT_TRANSLATE_NOOP(
                "summary", "average tension {tension}"), tension=number(week.tension))))
        if week.so_far:
            heading = Message("summary", QT_TRANSLATE_NOOP(
                "summary", "This week so far, from {day}: {counts}"),
                day=day_name(week.monday), counts=", ".join(counts))
        else:
            heading = Message("summary", QT_TRANSLATE_NOOP(
                "summary", "Week of {day}: {counts}"), day=day_name(week.monday),
                counts=", ".join(counts))
        out.append(translate(heading))
        out += [f"  • {translate(line)}" for line in week.stands_out]
    if summary.heart is not None:
        out.append("")
        out.append(translate(heart_line(summary.heart, number, fraction)))
    out.append("")
    out.append(translate(Message("summary", QT_TRANSLATE_NOOP("summary", "What helps me:"))))
    if summary.helps:
        out += [f"  • {translate(found.text)}" for found in summary.helps]
    else:
        out.append("  " + translate(Message("summary", QT_TRANSLATE_NOOP(
            "summary", "Nothing to say yet: a pattern is named once your own days show it "
                       "clearly (at least 10 days on each side)."))))
    return out


def summary_facts(summary: Summary) -> dict[str, Any]:
    """The summary for `--json`: English texts, numbers as numbers."""
    return {
        "weeks": [{
            "monday": week.monday.isoformat(),
            "so_far": week.so_far,
            "pauses_taken": week.pauses_taken,
            "natural_pauses": week.natural_pauses,
            "stress_meters": week.stress_meters,
            "average_tension": None if week.tension is None else round(week.tension, 2),
            "stands_out": [str(line) for line in week.stands_out],
        } for week in summary.weeks],
        "what_helps": [{
            "id": found.id,
            "text": str(found.text),
            "difference": round(found.difference, 3),
            "interval": [round(found.interval[0], 3), round(found.interval[1], 3)],
            "days": list(found.days),
            # What the comparison was about, where it names something: machine-readable.
            **({"pauses_from": found.threshold} if found.threshold is not None else {}),
            **({"exercise": found.exercise} if found.exercise is not None else {}),
        } for found in summary.helps],
        "heart": None if summary.heart is None else heart_facts(summary.heart),
    }


def heart_facts(heart: HeartMeans) -> dict[str, Any]:
    """The heart figures for `--json`, rounded as the journal stores a pause's."""
    return {
        "pauses_with_figures": heart.pauses,
        "pauses_with_poor_signal": heart.poor,
        "coherence": None if heart.coherence is None else round(heart.coherence, 3),
        "pauses_with_coherence": heart.coherence_pauses,
        "heart_rate": None if heart.heart_rate is None else round(heart.heart_rate, 1),
        "rmssd_ms": None if heart.rmssd_ms is None else round(heart.rmssd_ms, 1),
    }
