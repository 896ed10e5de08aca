"""The report for a coach or doctor: what the chosen weeks held, as facts a renderer lays out
(services/report_pdf.py makes the PDF).

Everything is gathered by the functions the overview and `stressbreak summary` use: the weeks'
counts, tension and what stood out (core/summary.py) with the heart figures of the pauses
with a strap, the day ratings (core/helps.py's
day_scores, so a day rated twice counts once, as in Over time) and What helps me. Counts and
means only, and nothing compared with a norm: the report describes, it does not grade.

Free text stays out unless the user chooses it. The notes, the small next steps and what set a
stress meter off are typed by the user in their own words; a report is a file that leaves the
computer, and a name, a colleague or a diagnosis may stand in those words. What set it off is
therefore free text too, even though the overview counts it: it is never reduced to a chip id
the way body signals and needs are. The chips (body signals, needs) are the app's own words
and always in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean

from stressbreak.core.content import BODY_SIGNALS, NEED, Question
from stressbreak.core.content import CONTEXT as CONTENT_CONTEXT
from stressbreak.core.helps import RATING_NAMES, DayScores, Observation, day_scores, one_decimal
from stressbreak.core.messages import Message
from stressbreak.core.model import CheckIn, Record
from stressbreak.core.over_time import HeartMeans
from stressbreak.core.stats import summarise_week, week_patterns
from stressbreak.core.summary import summarise, summary_span

MAX_WEEKS = 12  # about a quarter: what a coach looks at, and still two pages
DEFAULT_WEEKS = 4
TOP_CHIPS = 5  # the most named body signals, needs and triggers; a longer list is not read
MAX_NOTES = 12  # the most recent notes, when free text is included: the report stays short

# The free-text fields of a stress meter, in the order the questions ask them.
NOTE_FIELDS = ("breathing_note", "body_note", "need_note", "next_step")


@dataclass(frozen=True)
class ReportWeek:
    monday: date
    pauses_taken: int
    natural_pauses: int
    stress_meters: int
    tension: float | None  # mean noted tension, 0–10; None: none noted
    sleep: float | None  # means of the week's day ratings, 1–5; None: not rated
    energy: float | None
    focus: float | None
    stands_out: tuple[Message, ...]
    so_far: bool = False  # the week the report was made in: up to that day, not whole


@dataclass(frozen=True)
class Note:
    at: datetime  # local time
    field: str  # one of NOTE_FIELDS
    text: str


@dataclass(frozen=True)
class Report:
    first_day: date  # the first week's Monday
    last_day: date  # today: the last week is the current one, so far
    weeks: tuple[ReportWeek, ...]  # oldest first
    signals: tuple[tuple[Message | str, int], ...]  # label, stress meters; most first
    needs: tuple[tuple[Message | str, int], ...]
    helps: tuple[Observation, ...]
    free_text: bool
    triggers: tuple[tuple[str, int], ...] = ()  # the user's words; only with free_text
    notes: tuple[Note, ...] = ()  # most recent first; only with free_text
    notes_left_out: int = 0  # notes beyond MAX_NOTES
    heart: HeartMeans | None = None  # the pauses with a heart-rate strap; None: none

    @property
    def rated(self) -> bool:
        return any(w.sleep is not None or w.energy is not None or w.focus is not None
                   for w in self.weeks)

    @property
    def is_empty(self) -> bool:
        return all(w.pauses_taken == 0 and w.natural_pauses == 0 and w.stress_meters == 0
                   and w.sleep is None and w.energy is None and w.focus is None
                   for w in self.weeks)


def report_span(today: date, weeks: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of the records the report needs (What helps me looks back a year)."""
    return summary_span(today, weeks, tz)


def build_report(records: Iterable[Record], today: date, weeks: int, tz: tzinfo, *,
                 free_text: bool = False,
                 number: Callable[[float], str] = one_decimal) -> Report:
    """The last `weeks` weeks up to the week of `today`; free text only when `free_text`."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"a report covers 1 to {MAX_WEEKS} weeks, not {weeks}")
    # Up to the end of today: the last week is this one so far (an entry dated later, from a
    # clock that was wrong, would read as something the user did after the report).
    records = [r for r in records if r.at.astimezone(tz).date() <= today]
    summary = summarise(records, today, weeks, tz, number=number)
    ratings = day_scores(records, tz)
    report_weeks = []
    signals: dict[str, int] = {}
    needs: dict[str, int] = {}
    triggers: dict[str, tuple[str, int]] = {}  # casefold -> (latest spelling, count)
    for line in summary.weeks:
        means = _rating_means(ratings, line.monday)
        report_weeks.append(ReportWeek(
            monday=line.monday, pauses_taken=line.pauses_taken,
            natural_pauses=line.natural_pauses, stress_meters=line.stress_meters,
            tension=line.tension, sleep=means[0], energy=means[1], focus=means[2],
            stands_out=tuple(m for m in line.stands_out if free_text or not _users_words(m)),
            so_far=line.so_far))
        # Weeks oldest first: a later week's spelling of a trigger replaces an earlier one.
        patterns = week_patterns(summarise_week(records, line.monday, tz), tz)
        _add_counts(signals, patterns.top_signals)
        _add_counts(needs, patterns.top_needs)
        for text, count in patterns.top_triggers:
            key = text.casefold()
            triggers[key] = (text, triggers.get(key, ("", 0))[1] + count)
    first_day = summary.weeks[0].monday
    notes = _notes(records, first_day, tz) if free_text else []
    return Report(
        first_day=first_day, last_day=today, weeks=tuple(report_weeks),
        signals=_labelled(signals, BODY_SIGNALS), needs=_labelled(needs, NEED),
        helps=summary.helps, free_text=free_text,
        triggers=tuple(sorted(triggers.values(),
                             key=lambda t: (-t[1], t[0].casefold()))[:TOP_CHIPS])
        if free_text else (),
        notes=tuple(notes[:MAX_NOTES]), notes_left_out=max(0, len(notes) - MAX_NOTES),
        heart=summary.heart)


def _users_words(line: Message) -> bool:
    """An observation that quotes what the user typed (the week's most named trigger)."""
    return "trigger" in line.params


def _rating_means(ratings: dict[date, DayScores], monday: date
                  ) -> tuple[float | None, float | None, float | None]:
    days = [ratings[d] for d in (monday + timedelta(days=i) for i in range(7)) if d in ratings]
    means = []
    for name in RATING_NAMES:
        given = [v for v in (getattr(day, name) for day in days) if v is not None]
        means.append(fmean(given) if given else None)
    return means[0], means[1], means[2]


def _add_counts(total: dict[str, int], counts: Iterable[tuple[str, int]]) -> None:
    for key, count in counts:
        total[key] = total.get(key, 0) + count


def _labelled(counts: dict[str, int], question: Question
              ) -> tuple[tuple[Message | str, int], ...]:
    """The most named chips with their labels: most first, ties in the question's order."""
    order = {chip.id: i for i, chip in enumerate(question.chips)}
    ranked = sorted(counts, key=lambda k: (-counts[k], order.get(k, len(order)), k))
    return tuple((_label(question, k, k in order), counts[k]) for k in ranked[:TOP_CHIPS])


def _label(question: Question, chip_id: str, known: bool) -> Message | str:
    # An id this version does not know (an import from another) stays as it is: as a
    # template it could hold braces.
    return Message(CONTENT_CONTEXT, question.label_of(chip_id)) if known else chip_id


def _notes(records: list[Record], first_day: date, tz: tzinfo) -> list[Note]:
    notes = []
    for record in records:
        if not isinstance(record, CheckIn):
            continue
        local = record.at.astimezone(tz)
        if local.date() < first_day:
            continue
        notes += [Note(local, name, " ".join(getattr(record, name).split()))
                  for name in NOTE_FIELDS if getattr(record, name).strip()]
    notes.sort(key=lambda n: n.at, reverse=True)
    return notes
