from __future__ import annotations

import ast
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from stressbreak.core import breathing
from stressbreak.core.breathing import (
    CONTEXT,
    PACES,
    PATTERNS,
    ROTATE,
    ROTATION,
    Phase,
    choose_pattern,
    paced_id,
    phase_at,
    plan_pause,
)
from stressbreak.core.model import (
    CheckIn,
    CheckInOrigin,
    PauseOutcome,
    PauseRecord,
    RecordError,
    record_from_dict,
)
from stressbreak.core.stats import summarise_week, week_bounds

AMS = ZoneInfo("Europe/Amsterdam")


def test_coherent_breathing_is_five_and_a_half_in_and_out():
    p = PATTERNS["coherent"]
    assert phase_at(p, 0).phase is Phase.IN
    assert phase_at(p, 5.4).phase is Phase.IN
    assert phase_at(p, 5.6).phase is Phase.OUT
    assert phase_at(p, 11.1).phase is Phase.IN  # the next cycle
    assert phase_at(p, 2.75).progress == pytest.approx(0.5)


@pytest.mark.parametrize("pattern_id", list(PATTERNS))
def test_fullness_never_jumps(pattern_id: str):
    pattern = PATTERNS[pattern_id]
    step = 0.01
    previous = phase_at(pattern, 0).fullness
    t = step
    while t < 2 * pattern.cycle_s:
        current = phase_at(pattern, t).fullness
        assert abs(current - previous) < 0.02, (pattern_id, t)
        assert 0.0 <= current <= 1.0
        previous = current
        t += step


def test_box_breathing_holds_keep_the_fullness():
    box = PATTERNS["box"]
    assert phase_at(box, 5).phase is Phase.HOLD_FULL
    assert phase_at(box, 5).fullness == pytest.approx(1.0)
    assert phase_at(box, 13).phase is Phase.HOLD_EMPTY
    assert phase_at(box, 13).fullness == pytest.approx(0.0)


def test_records_round_trip_and_refuse_bad_shapes():
    start = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)
    pause = PauseRecord(start, start + timedelta(seconds=61.5), PauseOutcome.COMPLETED)
    assert record_from_dict(pause.to_dict()) == pause
    assert pause.to_dict()["duration_s"] == 61.5
    check = CheckIn(start, CheckInOrigin.SCHEDULED, breathing=("slow",), need_note="tea",
                    tension=3)
    assert record_from_dict(check.to_dict()) == check
    newer = check.to_dict() | {"v": 99}
    with pytest.raises(RecordError, match="schema version 99"):
        record_from_dict(newer)
    with pytest.raises(RecordError, match="tension"):
        record_from_dict(check.to_dict() | {"tension": 11})
    with pytest.raises(RecordError, match="'at'"):
        record_from_dict(check.to_dict() | {"at": "2026-11-24T10:00:00"})
    with pytest.raises(RecordError):
        record_from_dict(["not", "a", "dict"])


def test_week_summary_counts_by_local_day():
    monday = date(2026, 11, 23)
    t = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)
    records = [
        PauseRecord(t, t + timedelta(minutes=1), PauseOutcome.COMPLETED),
        PauseRecord(t, t, PauseOutcome.SKIPPED),
        PauseRecord(t + timedelta(days=1), t + timedelta(days=1), PauseOutcome.MISSED),
        CheckIn(t + timedelta(hours=3), CheckInOrigin.SCHEDULED, tension=4),
        # 23:30 UTC on Sunday is Monday 00:30 in Amsterdam: belongs to Monday of *next* week.
        PauseRecord(datetime(2026, 11, 29, 23, 30, tzinfo=ZoneInfo("UTC")),
                    datetime(2026, 11, 29, 23, 31, tzinfo=ZoneInfo("UTC")),
                    PauseOutcome.COMPLETED),
    ]
    week = summarise_week(records, monday, AMS)
    assert week.days[0].day == monday
    tuesday = week.days[1]
    assert tuesday.pauses[PauseOutcome.COMPLETED] == 1
    assert tuesday.pauses[PauseOutcome.SKIPPED] == 1
    assert week.days[2].pauses[PauseOutcome.MISSED] == 1
    assert week.total(PauseOutcome.COMPLETED) == 1
    assert [c.tension for c in week.checkins] == [4]
    assert not week.is_empty
    assert summarise_week([], monday, AMS).is_empty


def test_week_bounds_on_a_dst_week_are_local_midnights():
    start, end = week_bounds(date(2026, 10, 19), AMS)  # the clocks go back on the 25th
    assert start == datetime(2026, 10, 19, 0, 0, tzinfo=AMS)
    assert end == datetime(2026, 10, 26, 0, 0, tzinfo=AMS)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=7, hours=1)


@pytest.mark.parametrize("pattern_id", list(PATTERNS))
@pytest.mark.parametrize("minutes", [1, 2, 3, 4, 5])
def test_a_pause_is_whole_cycles_and_ends_on_an_out_breath(pattern_id: str, minutes: int):
    pattern = PATTERNS[pattern_id]
    plan = plan_pause(pattern, minutes * 60)
    assert plan.duration_s == pytest.approx(plan.cycles * pattern.cycle_s)
    # At most half a cycle; exactly half is a tie (3 minutes at 5.5 breaths a minute is
    # 16.5 cycles), which floating point may put a hair over.
    assert abs(plan.duration_s - minutes * 60) <= pattern.cycle_s / 2 + 1e-9
    # Just before the end the lungs are (nearly) empty: the circle comes to rest.
    assert phase_at(pattern, plan.duration_s - 1e-6).fullness == pytest.approx(0.0, abs=1e-3)


def test_one_minute_of_coherent_breathing_is_five_breaths():
    assert plan_pause(PATTERNS["coherent"], 60).duration_s == pytest.approx(55.0)
    assert plan_pause(PATTERNS["box"], 60).duration_s == pytest.approx(64.0)
    assert plan_pause(PATTERNS["coherent"], 1).cycles == 1  # never an empty pause


def test_rotation_takes_each_pattern_in_turn():
    seen = []
    last = None
    for _ in range(len(ROTATION) + 1):
        pattern = choose_pattern(ROTATE, last)
        seen.append(pattern.id)
        last = pattern.id
    assert seen == [*ROTATION, ROTATION[0]]
    assert choose_pattern(ROTATE, "retired-pattern").id == ROTATION[0]
    assert choose_pattern("box", "coherent").id == "box"


def test_box_breathing_is_chosen_never_rotated_in():
    """Its holds are not for everyone: it comes only when chosen, with its caution."""
    assert "box" not in ROTATION
    # The paces of Find my breathing pace are one's own, and chosen as well.
    assert set(ROTATION) == set(PATTERNS) - {"box"} - {paced_id(pace) for pace in PACES}
    assert PATTERNS["box"].caution
    assert [p.id for p in PATTERNS.values() if p.caution] == ["box"]
    # Someone who had chosen box and now takes turns starts the rotation from its beginning.
    assert choose_pattern(ROTATE, "box").id == ROTATION[0]


def _marked_texts() -> set[str]:
    """What lupdate finds: texts written out inside QT_TRANSLATE_NOOP("breathing", ...)."""
    tree = ast.parse(Path(breathing.__file__).read_text(encoding="utf-8"))
    return {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant) and node.args[0].value == CONTEXT
        and isinstance(node.args[1], ast.Constant)
    }


def test_every_pattern_is_named_and_explained_in_one_marked_line():
    marked = _marked_texts()
    for pattern in PATTERNS.values():
        assert pattern.description in marked
        name, _, how = pattern.description.partition(" — ")
        assert name and how, pattern.id  # "Name — how to breathe it: what it is for."
        assert "\n" not in pattern.description and len(pattern.description) < 140
        assert "!" not in pattern.description
    texts = [p.caution for p in PATTERNS.values() if p.caution]
    texts += [t for p in PATTERNS.values() for s in p.steps for t in (s.words, s.spoken) if t]
    assert set(texts) <= marked


def test_the_sigh_says_nose_and_mouth():
    words = {step.phase: step.words for step in PATTERNS["sigh"].steps}
    assert words == {
        Phase.IN: "In through the nose",
        Phase.TOP_UP: "A little more, through the nose",
        Phase.OUT: "Slowly out through the mouth",
    }
    assert "nose" in PATTERNS["sigh"].description and "mouth" in PATTERNS["sigh"].description
    # Spoken words fit their step: the top-up lasts a second, so it is said shorter.
    top_up = next(s for s in PATTERNS["sigh"].steps if s.phase is Phase.TOP_UP)
    assert top_up.spoken and len(top_up.spoken.split()) <= 3


def test_a_version_1_checkin_is_migrated_explicitly():
    v1 = {"kind": "checkin", "v": 1, "id": "old", "at": "2026-03-02T10:30:00+01:00",
          "origin": "scheduled", "breathing": ["slow"], "breathing_note": "", "body": [],
          "body_note": "", "need": ["rest"], "need_note": "", "tension": 2}
    record = record_from_dict(v1)
    assert isinstance(record, CheckIn)
    assert (record.signals, record.trigger, record.next_step) == ((), "", "")
    assert record.breathing == ("slow",)
    assert v1["v"] == 1 and "signals" not in v1  # the stored dict itself is left alone
    with pytest.raises(RecordError, match="schema version"):
        record_from_dict(v1 | {"v": 0})


def test_a_complete_checkin_round_trips():
    full = CheckIn(datetime(2026, 11, 24, 10, 30, tzinfo=AMS), CheckInOrigin.MANUAL,
                   signals=("jaw", "shoulders"), trigger="deadline", next_step="ask for help",
                   tension=7)
    assert record_from_dict(full.to_dict()) == full
    assert full.to_dict()["v"] == 2


def test_record_ids_are_version_4_uuids_and_do_not_repeat() -> None:
    import uuid

    from stressbreak.core.model import new_id

    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    for made in ids:
        parsed = uuid.UUID(hex=made)
        assert (parsed.hex, parsed.version, parsed.variant) == (made, 4, uuid.RFC_4122)
