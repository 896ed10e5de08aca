"""Stress profiles: the catalogue's shape, the scoring arithmetic, what stands out, the tips a
pause ends with, and the tone (patterns, never labels or faults)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stressbreak.core import profiles
from stressbreak.core.profiles import (
    GENERAL_TIPS,
    MAX_RATING,
    ORDER,
    PATTERNS,
    SCALE,
    STATEMENT_PATTERN,
    all_texts,
    leading_patterns,
    score,
    threshold,
    tips_for,
    tips_in_turn,
)

ROOT = Path(__file__).resolve().parents[2]
PLEASER = PATTERNS["pleaser"].tips
PERFECTIONIST = PATTERNS["perfectionist"].tips
RESCUER = PATTERNS["rescuer"].tips


def test_three_patterns_with_four_statements_and_four_or_five_tips():
    assert ORDER == ("pleaser", "perfectionist", "rescuer")
    for pattern_id, pattern in PATTERNS.items():
        assert pattern.id == pattern_id
        assert len(pattern.statements) == 4
        assert 4 <= len(pattern.tips) <= 5
        assert pattern.max_score == 12
        assert "once protected you" in pattern.description
    assert len(GENERAL_TIPS) == 8
    assert len(STATEMENT_PATTERN) == 12  # statement ids are unique across patterns


def test_the_scale_runs_from_0_to_3_in_words():
    assert [step.value for step in SCALE] == [0, 1, 2, 3]
    assert [step.label for step in SCALE] == [
        "not like me", "a little like me", "quite like me", "very much like me"]


def test_score_adds_the_ratings_per_pattern():
    ratings = {
        "pleaser_yes": 3, "pleaser_upset": 2, "pleaser_ask": 0, "pleaser_peace": 1,  # 6
        "perfectionist_check": 3,  # 3, three statements left open
        "rescuer_help": 1, "rescuer_notice": 1, "rescuer_take_on": 2, "rescuer_rest": 3,  # 7
    }
    assert score(ratings) == {"pleaser": 6, "perfectionist": 3, "rescuer": 7}


def test_score_of_nothing_is_zero_everywhere_and_of_everything_twelve():
    assert score({}) == {"pleaser": 0, "perfectionist": 0, "rescuer": 0}
    assert score(dict.fromkeys(STATEMENT_PATTERN, 3)) == dict.fromkeys(ORDER, 12)


@pytest.mark.parametrize(
    ("ratings", "message"),
    [
        ({"pleaser_nope": 1}, "unknown statement"),
        ({"pleaser_yes": 4}, "0–3"),
        ({"pleaser_yes": -1}, "0–3"),
        ({"pleaser_yes": True}, "whole number"),
        ({"pleaser_yes": 2.0}, "whole number"),
        ({"pleaser_yes": "2"}, "whole number"),
    ],
)
def test_score_refuses_unknown_ids_and_ratings_outside_the_scale(ratings, message):
    with pytest.raises(ValueError, match=message):
        score(ratings)


@given(st.dictionaries(st.sampled_from(sorted(STATEMENT_PATTERN)),
                       st.integers(min_value=0, max_value=MAX_RATING)))
def test_score_keeps_every_point_and_stays_within_the_scale(ratings):
    totals = score(ratings)
    assert sum(totals.values()) == sum(ratings.values())
    assert all(0 <= totals[pid] <= PATTERNS[pid].max_score for pid in ORDER)


def test_the_threshold_is_quite_like_me_on_average():
    assert all(threshold(pattern) == 8 for pattern in PATTERNS.values())
    assert leading_patterns({"pleaser": 8}) == ("pleaser",)
    assert leading_patterns({"pleaser": 7}) == ()
    # "quite like me" everywhere stands out; "a little" everywhere, or one "very much", doesn't
    assert leading_patterns(score(dict.fromkeys(
        [s.id for s in PATTERNS["rescuer"].statements], 2))) == ("rescuer",)
    assert leading_patterns(score(dict.fromkeys(STATEMENT_PATTERN, 1))) == ()
    assert leading_patterns(score({"perfectionist_check": 3})) == ()


def test_every_pattern_at_or_above_the_threshold_leads_highest_first():
    assert leading_patterns({"pleaser": 8, "perfectionist": 9, "rescuer": 11}) == (
        "rescuer", "perfectionist", "pleaser")
    assert leading_patterns({"pleaser": 12, "perfectionist": 3, "rescuer": 8}) == (
        "pleaser", "rescuer")


def test_ties_are_kept_in_the_catalogues_order():
    assert leading_patterns({"rescuer": 9, "pleaser": 9, "perfectionist": 2}) == (
        "pleaser", "rescuer")
    assert leading_patterns(dict.fromkeys(ORDER, 12)) == ORDER


def test_stored_scores_from_another_version_are_read_kindly():
    assert leading_patterns({"people_pleasing": 12, "rescuer": 10}) == ("rescuer",)
    assert leading_patterns({}) == ()


def test_one_leading_pattern_cycles_through_its_own_tips():
    scores = {"pleaser": 10, "perfectionist": 2, "rescuer": 7}
    assert [tips_for(scores, i) for i in range(7)] == [
        PLEASER[0], PLEASER[1], PLEASER[2], PLEASER[3], PLEASER[4], PLEASER[0], PLEASER[1]]


def test_two_leading_patterns_take_turns_highest_first():
    scores = {"pleaser": 8, "perfectionist": 11, "rescuer": 0}
    # perfectionist has 4 tips, pleaser 5: turns until the shorter list runs out
    expected = [PERFECTIONIST[0], PLEASER[0], PERFECTIONIST[1], PLEASER[1],
                PERFECTIONIST[2], PLEASER[2], PERFECTIONIST[3], PLEASER[3], PLEASER[4]]
    assert list(tips_in_turn(scores)) == expected
    assert [tips_for(scores, i) for i in range(11)] == [*expected, expected[0], expected[1]]


@pytest.mark.parametrize("pattern_id", ORDER)
def test_every_pattern_has_a_boundary_tip_that_the_end_of_a_pause_offers(pattern_id):
    """Feeling a limit and saying it, for each pattern: the perfectionist too, the method's
    own example of someone who learned to feel her limits and say them."""
    boundary = PATTERNS[pattern_id].boundary
    assert "“" in boundary and "”" in boundary  # a sentence the user could say
    assert boundary.startswith(("Feel", "Your body")) and "feel" in boundary.lower()
    assert boundary in PATTERNS[pattern_id].tips
    scores = {pattern_id: 12}
    offered = {tips_for(scores, i) for i in range(len(PATTERNS[pattern_id].tips))}
    assert boundary in offered


def test_the_general_tips_speak_of_limits_guilt_when_resting_and_worrying():
    joined = " ".join(GENERAL_TIPS)
    assert "limit" in joined and "guilty" in joined and "worry" in joined
    assert "Rest does not have to be earned" in joined


def test_without_a_leading_pattern_a_general_tip_comes_in_turn():
    for scores in ({}, {"pleaser": 7, "perfectionist": 7, "rescuer": 7}):
        count = len(GENERAL_TIPS)
        assert [tips_for(scores, i) for i in range(count + 1)] == [*GENERAL_TIPS,
                                                                   GENERAL_TIPS[0]]


def test_any_counter_works_as_rotation_index():
    scores = {"rescuer": 12}
    assert tips_for(scores, 10**9) == RESCUER[10**9 % len(RESCUER)]
    assert tips_for(scores, -1) == RESCUER[-1]


# --- tone -------------------------------------------------------------------------------------

JUDGING = re.compile(
    r"\b(bad|good|wrong|fault|faults|failure|fail|failed|should|must|weak|lazy|selfish|"
    r"disorder|problematic|toxic)\b|!|\byou are an? \b|\byou're an? \b",
    re.IGNORECASE,
)


def _dialog_texts() -> list[str]:
    """The string literals the reflection dialog passes to self.tr(...)."""
    tree = ast.parse((ROOT / "stressbreak/ui/profile_dialog.py").read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr" and node.args and isinstance(node.args[0], ast.Constant)
    ]


def test_the_judging_words_are_caught():
    assert JUDGING.search("That was a bad idea")
    assert JUDGING.search("You should rest.")
    assert JUDGING.search("You are a pleaser")
    assert not JUDGING.search("Notice the automatic yes.")


def test_nothing_judges_or_labels():
    texts = [*all_texts(), *_dialog_texts()]
    assert len(_dialog_texts()) > 10
    judging = [text for text in texts if JUDGING.search(text)]
    assert judging == []


def test_every_catalogue_text_is_marked_for_translation():
    """lupdate only finds texts written out inside QT_TRANSLATE_NOOP("profiles", ...)."""
    tree = ast.parse(Path(profiles.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant) and node.args[0].value == "profiles"
        and isinstance(node.args[1], ast.Constant)
    }
    assert set(all_texts()) <= marked
