from __future__ import annotations

import pytest

from stressbreak.core.exercises import BREATHING, EXERCISES, ORDER, ROTATE, choose_exercise
from stressbreak.core.settings import Settings, parse_settings


def test_there_are_the_five_exercises_besides_breathing():
    assert set(ORDER) == {BREATHING, "body_check", "anchor", "make_room", "values", "defusion"}
    for exercise in EXERCISES.values():
        assert exercise.title and exercise.intro
        assert bool(exercise.steps) == (exercise.id != BREATHING)
    assert EXERCISES["values"].uses_values


def test_prompts_share_the_pause_evenly():
    body = EXERCISES["body_check"]  # four prompts
    assert body.step_at(0, 60) == (0, 0.0)
    assert body.step_at(7.5, 60) == (0, 0.5)
    assert body.step_at(15, 60) == (1, 0.0)
    assert body.step_at(59.99, 60)[0] == 3
    assert body.step_at(75, 60) == (3, 1.0)  # never past the last prompt
    assert body.step_at(45, 120) == (1, 0.5)  # a two-minute pause gives each prompt 30 s


def test_a_chosen_exercise_unless_hidden():
    assert choose_exercise("anchor", (), (), None).id == "anchor"
    assert choose_exercise("anchor", (), ("anchor",), None).id == BREATHING
    assert choose_exercise("gone-in-a-newer-version", (), (), None).id == BREATHING


def test_rotation_takes_turns_skipping_hidden():
    seen, last = [], None
    for _ in range(len(ORDER)):
        last = choose_exercise(ROTATE, (), ("defusion",), last).id
        seen.append(last)
    assert seen == [e for e in ORDER if e != "defusion"] + [ORDER[0]]


def test_rotation_only_through_favourites_when_there_are_any():
    favourites = ("values", "anchor")
    first = choose_exercise(ROTATE, favourites, (), None).id
    second = choose_exercise(ROTATE, favourites, (), first).id
    third = choose_exercise(ROTATE, favourites, (), second).id
    assert [first, second, third] == ["anchor", "values", "anchor"]
    # After an exercise outside the pool, the next favourite in the usual order follows.
    assert choose_exercise(ROTATE, favourites, (), "make_room").id == "values"


def test_everything_hidden_still_leaves_breathing():
    every = tuple(e for e in ORDER if e != BREATHING)
    assert choose_exercise(ROTATE, (), every, "anchor").id == BREATHING


@pytest.mark.parametrize("value", [BREATHING, ROTATE, "defusion"])
def test_exercise_setting(value: str):
    assert parse_settings({"exercise": value}) == (Settings(exercise=value), [])


def test_unknown_exercise_setting_is_named():
    settings, problems = parse_settings({"exercise": "yoga"})
    assert settings.exercise == BREATHING
    assert "'exercise'" in problems[0]
    assert "unknown exercise 'yoga'" in problems[0]
