"""'What helps me' says what planted data holds, and keeps quiet on data without a pattern."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core import helps
from stressbreak.core.helps import DayScores, Observation, what_helps
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    DayRating,
    PauseOutcome,
    PauseRecord,
    Record,
)
from tests.unit.test_translations import _SYMPTOMS_NL, _VERDICT_EN, _VERDICT_NL, build

TZ = ZoneInfo("Europe/Amsterdam")
FIRST = date(2025, 1, 6)  # a Monday
TEST_RESAMPLES = 1000  # the app uses helps.RESAMPLES (2000)


@dataclass
class Journal:
    records: list[Record]
    ratings: dict[date, DayScores]
    today: date
    days_with_more: int  # working days with PAUSE_SPLIT or more pauses
    days_with_fewer: int
    # exercise -> the days on which a stress meter followed a pause with it
    days_after: dict[str, set[date]]

    def days_after_others(self, exercise: str) -> set[date]:
        return set().union(*(days for e, days in self.days_after.items() if e != exercise))


PAUSE_SPLIT = 4  # pauses are 0–7 a day, evenly: 4 splits the days exactly in half
# What the pauses do: each one of these, at random (the rotation of breathing patterns, and
# one exercise besides), or the same one all week (`weekly`: the setting changed now and then).
KINDS = ("coherent", "sigh", "longexhale", "body_check")


def _at(day: date, hour: float) -> datetime:
    return datetime.combine(day, time(0), TZ) + timedelta(hours=hour)


def journal(seed: int, weeks: int, *, afternoon_effect: float = 0.0,
            after_pause_effect: float = 0.0, sleep_effect: float = 0.0,
            calmer_after: Mapping[str, float] = MappingProxyType({}),
            with_ratings: bool = False, kinds: tuple[str, ...] = KINDS,
            weekly: bool = False) -> Journal:
    """Working days with 0–7 pauses and three stress meters (10:30, 14:00, 16:30). On days with
    PAUSE_SPLIT or more pauses the afternoon meters are `afternoon_effect` lower; a meter within
    two hours after a pause is `after_pause_effect` lower, and `calmer_after[e]` lower when the
    latest pause before it was one with exercise e; the next day's sleep rating is
    `sleep_effect` higher after a day with PAUSE_SPLIT or more. Zero everywhere: no pattern."""
    rng = random.Random(seed)
    # The exercises have their own stream, so the rest of a seed's journal stays as it was.
    draw = random.Random(f"{seed}:kinds")
    days_after: dict[str, set[date]] = {}
    this_week = kinds[0]
    records: list[Record] = []
    ratings: dict[date, DayScores] = {}
    more = fewer = 0
    last = FIRST
    for index in range(weeks * 7):
        day = FIRST + timedelta(days=index)
        last = day
        if day.weekday() >= 5:
            continue
        taken = rng.randrange(8)
        if taken >= PAUSE_SPLIT:
            more += 1
        else:
            fewer += 1
        pause_hours = sorted(rng.uniform(9, 17) for _ in range(taken))
        if day.weekday() == 0:
            this_week = draw.choice(kinds)
        done = [this_week if weekly else draw.choice(kinds) for _ in pause_hours]
        for hour, kind in zip(pause_hours, done, strict=True):
            start = _at(day, hour)
            records.append(PauseRecord(start, start + timedelta(minutes=1), PauseOutcome.COMPLETED,
                                       exercise=kind))
        records.append(PauseRecord(_at(day, 12.5), _at(day, 12.5), PauseOutcome.SKIPPED,
                                   exercise="sigh"))
        base = rng.gauss(5, 1)
        for hour in (10.5, 14.0, 16.5):
            tension = base + rng.gauss(0, 1.5)
            if hour >= 12 and taken >= PAUSE_SPLIT:
                tension -= afternoon_effect
            before = [k for h, k in zip(pause_hours, done, strict=True)
                      if 0 < hour - (h + 1 / 60) <= 2]
            if before:
                tension -= after_pause_effect + calmer_after.get(before[-1], 0.0)
                days_after.setdefault(before[-1], set()).add(day)
            records.append(CheckIn(_at(day, hour), CheckInOrigin.SCHEDULED,
                                   tension=min(10, max(0, round(tension)))))
        if with_ratings:
            lift = sleep_effect if taken >= PAUSE_SPLIT else 0.0
            ratings[day + timedelta(days=1)] = DayScores(
                sleep=_rating(rng.gauss(3, 1) + lift), energy=_rating(rng.gauss(3, 1)),
                focus=_rating(rng.gauss(3, 1)))
    return Journal(records, ratings, last + timedelta(days=1), more, fewer, days_after)


def _rating(value: float) -> int:
    return min(5, max(1, round(value)))


def observe(j: Journal, **kwargs: object) -> dict[str, Observation]:
    found = what_helps(j.records, TZ, j.today, ratings=j.ratings, resamples=TEST_RESAMPLES,
                       **kwargs)  # type: ignore[arg-type]
    return {o.id: o for o in found}


# -- planted effects are found, with their size and their days ------------------------------


def test_pauses_that_lower_afternoon_tension_are_seen_with_their_size_and_days():
    j = journal(seed=1, weeks=52, afternoon_effect=1.5)
    seen = observe(j)["pauses_afternoon_tension"]
    assert seen.threshold == PAUSE_SPLIT
    assert seen.days == (j.days_with_more, j.days_with_fewer)
    assert -1.9 < seen.difference < -1.1  # planted: 1.5 lower (rounded to whole tensions)
    low, high = seen.interval
    assert low < seen.difference < high < 0
    assert seen.text == (
        f"On days with 4 or more pauses, your afternoon tension was {-seen.difference:.1f} "
        f"lower on average ({j.days_with_more} days against {j.days_with_fewer}).")


def test_a_calmer_meter_after_a_pause_is_seen_within_the_day():
    j = journal(seed=2, weeks=52, after_pause_effect=1.5)
    seen = observe(j)["after_pause_tension"]
    assert -1.9 < seen.difference < -1.0
    assert seen.days[0] == seen.days[1] >= helps.MIN_DAYS
    assert seen.text.startswith("After a pause, your next stress meter (within two hours) was ")
    assert seen.text.endswith(f" calmer on average than the other stress meters of the same day "
                              f"({seen.days[0]} days).")


def test_sleep_rated_higher_after_days_with_more_pauses_is_seen():
    j = journal(seed=3, weeks=52, sleep_effect=0.8, with_ratings=True)
    # Ratings after a weekend day, when the app was not in use: not days without pauses.
    for day in list(j.ratings):
        if day.weekday() == 5:
            j.ratings[day + timedelta(days=1)] = j.ratings[day + timedelta(days=2)] = DayScores(1)
    found = observe(j)
    seen = found["pauses_next_day_sleep"]
    assert 0.5 < seen.difference < 1.1
    # Every working day has a rating the next day, Friday's on Saturday included.
    assert seen.days == (j.days_with_more, j.days_with_fewer)
    assert "you rated your sleep" in seen.text and " higher the next day" in seen.text
    assert "pauses_next_day_energy" not in found and "pauses_next_day_focus" not in found


SIGH = "Sighing out (in, a little more in, long out)"  # the breathing pattern's own name


def test_a_calmer_meter_after_one_exercise_is_seen_with_its_size_and_days():
    j = journal(seed=7, weeks=52, calmer_after={"sigh": 1.5})
    seen = observe(j)["exercise_next_tension"]
    assert seen.exercise == "sigh"
    # Days, not stress meters: each day once on a side, whatever its number of meters.
    assert seen.days == (len(j.days_after["sigh"]), len(j.days_after_others("sigh")))
    assert -1.9 < seen.difference < -1.1  # planted: 1.5 lower (rounded to whole tensions)
    low, high = seen.interval
    assert low < seen.difference < high < 0
    assert seen.text == (
        f"After a pause with “{SIGH}”, your next stress meter was {-seen.difference:.1f} calmer "
        f"on average than after pauses with other exercises ({seen.days[0]} days against "
        f"{seen.days[1]}).")
    assert seen.text.params["exercise"].context == "settings"  # translated where it is named


def test_of_two_exercises_with_a_calmer_meter_only_the_clearest_is_said():
    j = journal(seed=8, weeks=52, calmer_after={"sigh": 1.6, "body_check": 0.9})
    found = [o for o in what_helps(j.records, TZ, j.today, resamples=TEST_RESAMPLES)
             if o.id == "exercise_next_tension"]
    assert [o.exercise for o in found] == ["sigh"]


def test_more_tension_after_one_exercise_is_said_as_the_calmer_meter_after_the_other():
    """The question is which exercise goes with the calmest next stress meter."""
    j = journal(seed=9, weeks=52, kinds=("coherent", "body_check"),
                calmer_after={"body_check": -1.2})
    seen = observe(j)["exercise_next_tension"]
    assert seen.exercise == "coherent"
    assert -1.6 < seen.difference < -0.8
    assert seen.text.startswith("After a pause with “Slow and even (5.5 s in, 5.5 s out)”, your "
                                "next stress meter was ")


def test_higher_afternoon_tension_on_days_with_more_pauses_is_said_as_well():
    j = journal(seed=6, weeks=52, afternoon_effect=-1.0)
    seen = observe(j)["pauses_afternoon_tension"]
    assert 0.6 < seen.difference < 1.4
    assert f"your afternoon tension was {seen.difference:.1f} higher on average" in seen.text


def test_the_same_data_gives_the_same_observations():
    j = journal(seed=4, weeks=40, afternoon_effect=1.0)
    assert observe(j) == observe(j)


def test_numbers_are_written_the_way_the_caller_asks():
    j = journal(seed=1, weeks=52, afternoon_effect=1.5)
    seen = observe(j, number=lambda value: f"{value:.1f}".replace(".", ","))
    size = seen["pauses_afternoon_tension"].text.params["size"]
    assert re.fullmatch(r"\d,\d", size)


# -- no pattern, or too little data: nothing is said ----------------------------------------


NULL_SETS = 200


def test_without_a_pattern_nothing_is_said_in_at_least_95_of_200_data_sets():
    """Half of the journals carry day ratings as well, so all six comparisons are asked; half
    take a new exercise each week instead of one at random each pause, so that no day stands
    on both sides of the exercise comparison."""
    false_claims = 0
    for seed in range(NULL_SETS):
        if observe(journal(seed=1000 + seed, weeks=30, with_ratings=seed % 2 == 0,
                           weekly=seed // 2 % 2 == 1)):
            false_claims += 1
    assert false_claims / NULL_SETS <= 0.05, false_claims


def test_a_young_journal_without_a_pattern_is_not_read_into_either():
    """Five weeks: about ten days a group, where a bootstrap interval alone is too narrow (it
    spoke in 7.5 % of such journals before the permutation test was added)."""
    false_claims = sum(bool(observe(journal(seed=5000 + seed, weeks=5, with_ratings=True,
                                            weekly=seed % 2 == 1)))
                       for seed in range(NULL_SETS))
    assert false_claims / NULL_SETS <= 0.05, false_claims


def test_nine_days_in_a_group_are_too_few_however_large_the_difference():
    assert not observe(_split_days(more=9, fewer=40))
    assert "pauses_afternoon_tension" in observe(_split_days(more=10, fewer=40))


def _split_days(more: int, fewer: int) -> Journal:
    """`more` days with 5 pauses and an afternoon tension of 2, `fewer` days with 1 pause and
    a tension of 8: as clear a difference as there can be, and nothing but it."""
    records: list[Record] = []
    day = FIRST
    for index in range(more + fewer):
        day = FIRST + timedelta(days=index)
        taken, tension = (5, 2) if index < more else (1, 8)
        for pause in range(taken):
            start = _at(day, 8 + pause * 0.2)
            records.append(PauseRecord(start, start + timedelta(minutes=1), PauseOutcome.COMPLETED))
        records.append(CheckIn(_at(day, 15), CheckInOrigin.SCHEDULED, tension=tension))
    return Journal(records, {}, day + timedelta(days=1), more, fewer, {})


def test_nine_days_after_an_exercise_are_too_few_however_large_the_difference():
    assert not observe(_exercise_days(sighs=9, others=40))
    seen = observe(_exercise_days(sighs=10, others=40))["exercise_next_tension"]
    assert (seen.exercise, seen.days) == ("sigh", (10, 40))


def test_an_exercise_this_version_does_not_know_is_never_named():
    seen = observe(_exercise_days(sighs=10, others=40, other="from_a_newer_version"))
    assert seen["exercise_next_tension"].exercise == "sigh"  # the unknown one counted beside it
    # Calmer after the unknown one: it has no name to say, and nothing else is calmer.
    assert not observe(_exercise_days(sighs=40, others=40, sigh="from_a_newer_version"))


def _exercise_days(sighs: int, others: int, *, sigh: str = "sigh",
                   other: str = "coherent") -> Journal:
    """One pause a day and a stress meter half an hour after it: 2 after a `sigh`, 8 after an
    `other`. Every day has one pause, so the days are not split by their number of pauses."""
    records: list[Record] = []
    day = FIRST
    for index in range(sighs + others):
        day = FIRST + timedelta(days=index)
        exercise, tension = (sigh, 2) if index < sighs else (other, 8)
        records.append(PauseRecord(_at(day, 10), _at(day, 10) + timedelta(minutes=1),
                                   PauseOutcome.COMPLETED, exercise=exercise))
        records.append(CheckIn(_at(day, 10.5), CheckInOrigin.AFTER_PAUSE, tension=tension))
    return Journal(records, {}, day + timedelta(days=1), 0, 0, {})


def test_only_the_window_of_completed_days_counts():
    j = journal(seed=1, weeks=52, afternoon_effect=1.5)
    assert not observe(j, window_days=14)
    assert "pauses_afternoon_tension" in observe(j, window_days=180)


def test_the_latest_rating_of_a_day_counts_and_one_all_open_leaves_the_day_unrated():
    monday, tuesday, wednesday = FIRST, FIRST + timedelta(days=1), FIRST + timedelta(days=2)
    records: list[Record] = [
        DayRating(_at(monday, 8), sleep=2, energy=3, focus=4),
        DayRating(_at(monday, 19), sleep=4),  # rated again: this one counts
        DayRating(_at(tuesday, 8), sleep=5, energy=5, focus=5),
        DayRating(_at(tuesday, 21)),  # all three cleared from the menu
        DayRating(_at(wednesday, 8)),  # left open, the only one of the day
    ]
    assert helps.day_scores(records, TZ) == {monday: DayScores(sleep=4)}
    # The journal's order is not the clock's order (an import, a merged export).
    assert helps.day_scores(records[::-1], TZ) == {monday: DayScores(sleep=4)}


def test_a_rating_out_of_range_is_refused():
    with pytest.raises(ValueError, match="sleep is rated 1–5, not 6"):
        DayScores(sleep=6)


# -- the words: observations, never a verdict, a cause or an instruction ---------------------


_CAUSE_OR_ADVICE_EN = re.compile(r"\b(should|must|better|because|thanks|causes?|leads?|makes?|"
                                 r"helps?|improve[sd]?|try)\b", re.IGNORECASE)
_CAUSE_OR_ADVICE_NL = re.compile(r"\b(moet|moeten|zou|beter|omdat|doordat|dankzij|zorgt|leidt|"
                                 r"helpt|probeer)\b", re.IGNORECASE)


def _texts_of_the_module() -> list[str]:
    tree = build.ast.parse(build.ROOT.joinpath("stressbreak/core/helps.py").read_text("utf-8"))
    texts = []
    for node in build.ast.walk(tree):
        if (isinstance(node, build.ast.Call) and isinstance(node.func, build.ast.Name)
                and node.func.id in ("QT_TRANSLATE_NOOP", "QT_TRANSLATE_N_NOOP")):
            texts.append(node.args[1].value)
    return texts


def test_the_texts_observe_in_english_and_in_dutch():
    english = _texts_of_the_module()
    assert len(english) == 11
    dutch = {m.source: m for m in build.read_ts(build.ts_path("nl")) if m.context == "helps"}
    problems = [t for t in english
                if _VERDICT_EN.search(t) or _CAUSE_OR_ADVICE_EN.search(t) or "!" in t]
    for text in english:
        if text not in dutch:
            problems.append(f"no Dutch yet: {text}")
            continue
        translation = dutch[text].translation
        for symptom in _SYMPTOMS_NL:
            translation = translation.replace(symptom, "")
        if _VERDICT_NL.search(translation) or _CAUSE_OR_ADVICE_NL.search(translation):
            problems.append(f"{text} -> {translation}")
    assert problems == []


# -- the cost --------------------------------------------------------------------------------


def test_ten_years_cost_what_the_last_year_costs():
    """The cost is the resampling, and the window bounds it: ten years give exactly what
    their last WINDOW_DAYS give (measured in docs/WHAT_HELPS.md: well under a second)."""
    j = journal(seed=5, weeks=522, afternoon_effect=1.0)
    recent_start = datetime.combine(j.today - timedelta(days=helps.WINDOW_DAYS), time(0), TZ)
    recent = [r for r in j.records if r.at >= recent_start]
    assert len(recent) < len(j.records) / 9
    assert what_helps(j.records, TZ, j.today, resamples=200) == what_helps(
        recent, TZ, j.today, resamples=200)
