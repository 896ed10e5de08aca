"""'What helps me' says what planted data holds, and keeps quiet on data without a pattern."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core import helps
from stressbreak.core.helps import DayScores, Observation, what_helps
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord, Record
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


PAUSE_SPLIT = 4  # pauses are 0–7 a day, evenly: 4 splits the days exactly in half


def _at(day: date, hour: float) -> datetime:
    return datetime.combine(day, time(0), TZ) + timedelta(hours=hour)


def journal(seed: int, weeks: int, *, afternoon_effect: float = 0.0,
            after_pause_effect: float = 0.0, sleep_effect: float = 0.0,
            with_ratings: bool = False) -> Journal:
    """Working days with 0–7 pauses and three stress meters (10:30, 14:00, 16:30). On days with
    PAUSE_SPLIT or more pauses the afternoon meters are `afternoon_effect` lower; a meter within
    two hours after a pause is `after_pause_effect` lower; the next day's sleep rating is
    `sleep_effect` higher after a day with PAUSE_SPLIT or more. Zero everywhere: no pattern."""
    rng = random.Random(seed)
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
        for hour in pause_hours:
            start = _at(day, hour)
            records.append(PauseRecord(start, start + timedelta(minutes=1), PauseOutcome.COMPLETED))
        records.append(PauseRecord(_at(day, 12.5), _at(day, 12.5), PauseOutcome.SKIPPED))
        base = rng.gauss(5, 1)
        for hour in (10.5, 14.0, 16.5):
            tension = base + rng.gauss(0, 1.5)
            if hour >= 12 and taken >= PAUSE_SPLIT:
                tension -= afternoon_effect
            if any(0 < hour - (h + 1 / 60) <= 2 for h in pause_hours):
                tension -= after_pause_effect
            records.append(CheckIn(_at(day, hour), CheckInOrigin.SCHEDULED,
                                   tension=min(10, max(0, round(tension)))))
        if with_ratings:
            lift = sleep_effect if taken >= PAUSE_SPLIT else 0.0
            ratings[day + timedelta(days=1)] = DayScores(
                sleep=_rating(rng.gauss(3, 1) + lift), energy=_rating(rng.gauss(3, 1)),
                focus=_rating(rng.gauss(3, 1)))
    return Journal(records, ratings, last + timedelta(days=1), more, fewer)


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
    """Half of the journals carry day ratings as well, so all five comparisons are asked."""
    false_claims = 0
    for seed in range(NULL_SETS):
        if observe(journal(seed=1000 + seed, weeks=30, with_ratings=seed % 2 == 0)):
            false_claims += 1
    assert false_claims / NULL_SETS <= 0.05, false_claims


def test_a_young_journal_without_a_pattern_is_not_read_into_either():
    """Five weeks: about ten days a group, where a bootstrap interval alone is too narrow (it
    spoke in 7.5 % of such journals before the permutation test was added)."""
    false_claims = sum(bool(observe(journal(seed=5000 + seed, weeks=5, with_ratings=True)))
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
    return Journal(records, {}, day + timedelta(days=1), more, fewer)


def test_only_the_window_of_completed_days_counts():
    j = journal(seed=1, weeks=52, afternoon_effect=1.5)
    assert not observe(j, window_days=14)
    assert "pauses_afternoon_tension" in observe(j, window_days=180)


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
    assert len(english) == 10
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
