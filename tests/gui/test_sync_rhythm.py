"""The rhythm follows the person through a shared folder (issue 18), end to end inside two
real apps on fake time: a pause recorded in one moves the other's next reminder, once the
folder has it; what the other computer let pass does not, not even after a restart."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from stressbreak.app.sync import Sync
from stressbreak.core.model import PauseOutcome, PauseRecord
from tests.fakes import TUESDAY_10, FakeClock, Harness, make_app

WAIT_MS = 5000  # the folder watcher answers within milliseconds; this only bounds a failure


def _app(tmp_path: Path, name: str, shared: Path, clock: FakeClock) -> Harness:
    data = tmp_path / name
    data.mkdir(exist_ok=True)
    (data / "settings.json").write_text(json.dumps(
        {"native_notifications": False, "computer_name": name, "shared_folder": str(shared)}))
    return make_app(data, clock, [])


def _sync(app: Harness) -> Sync:
    sync = app.controller.sync
    assert sync is not None
    return sync


def _started(tmp_path: Path) -> tuple[Harness, Harness, FakeClock, FakeClock]:
    shared = tmp_path / "Sync"
    shared.mkdir()
    clock_a, clock_b = FakeClock(TUESDAY_10), FakeClock(TUESDAY_10)
    a, b = _app(tmp_path, "laptop", shared, clock_a), _app(tmp_path, "desk", shared, clock_b)
    for app in (a, b):
        app.start()
        _sync(app).sync_now()
    return a, b, clock_a, clock_b


def test_a_pause_on_the_laptop_moves_the_desks_next_reminder(qtbot, tmp_path: Path) -> None:
    a, b, clock_a, clock_b = _started(tmp_path)
    try:
        assert b.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)
        for clock in (clock_a, clock_b):
            clock.advance(timedelta(minutes=30))
        pause = PauseRecord(TUESDAY_10 + timedelta(minutes=29), TUESDAY_10 + timedelta(minutes=30),
                            PauseOutcome.COMPLETED)
        with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
            a.controller.records.add(pause)
        assert b.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=30)
        assert "next pause at 11:30" in b.tray.tooltip()
    finally:
        a.stop()
        b.stop()


def test_a_reminder_let_pass_on_the_laptop_moves_nothing_on_the_desk_even_after_a_restart(
        qtbot, tmp_path: Path) -> None:
    a, b, clock_a, clock_b = _started(tmp_path)
    try:
        for clock in (clock_a, clock_b):
            clock.advance(timedelta(minutes=5))
        b.controller.records.add(PauseRecord(TUESDAY_10 + timedelta(minutes=4),
                                             TUESDAY_10 + timedelta(minutes=5),
                                             PauseOutcome.COMPLETED))
        for clock in (clock_a, clock_b):
            clock.advance(timedelta(minutes=25))
        let_pass = PauseRecord(TUESDAY_10 + timedelta(minutes=29),
                               TUESDAY_10 + timedelta(minutes=30), PauseOutcome.SKIPPED)
        with qtbot.waitSignal(_sync(b).records_arrived, timeout=WAIT_MS):
            a.controller.records.add(let_pass)
        assert b.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)  # unmoved
        b.stop()
        again = _app(tmp_path, "desk", tmp_path / "Sync", clock_b)
        again.start()
        b = again
        # The desk's journal holds the laptop's record now, and still its own pause counts.
        assert any(r.outcome is PauseOutcome.SKIPPED for r in b.journal.all_records()
                   if isinstance(r, PauseRecord))
        assert b.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=5)
    finally:
        a.stop()
        b.stop()


def test_own_pauses_made_while_sharing_still_count_after_sharing_is_turned_off(
        qtbot, tmp_path: Path) -> None:
    a, b, _clock_a, clock_b = _started(tmp_path)
    a.stop()
    clock_b.advance(timedelta(minutes=5))
    b.controller.records.add(PauseRecord(TUESDAY_10 + timedelta(minutes=4),
                                         TUESDAY_10 + timedelta(minutes=5),
                                         PauseOutcome.SKIPPED))
    [own] = b.journal.all_records()
    assert own.computer is not None  # made while sharing: it says where
    b.stop()
    clock_b.advance(timedelta(minutes=10))
    (tmp_path / "desk" / "settings.json").write_text(json.dumps(
        {"native_notifications": False, "computer_name": "desk"}))
    again = make_app(tmp_path / "desk", clock_b, [])
    again.start()
    try:
        assert again.controller.sync is None
        # This computer's own reminder, let pass at 10:05, still restarts its interval.
        assert again.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1, minutes=5)
    finally:
        again.stop()
