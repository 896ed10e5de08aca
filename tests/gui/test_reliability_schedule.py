"""Time and long runs through the real app (issue 7, cases 4 and 6).

`WallClockRun` plays the part of the real scheduler on fake time: like APScheduler's date jobs
(misfire grace None, coalesce) it fires a pending pause or stress meter once, as soon as the
wall clock has reached its time, checking at most every `step` (the real one re-reads the wall
clock at least every 5 minutes). A simulated user then answers whatever window came up. The
app, the schedule rules, the journal and the windows are all the real ones.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import time as time_module
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from stressbreak.core.model import CheckIn, PauseOutcome, PauseRecord
from stressbreak.ui.profile_dialog import ProfileDialog
from stressbreak.ui.tray import Tray
from tests.fakes import FakeClock, FakeTimeScheduler, Harness, make_app

AMS = ZoneInfo("Europe/Amsterdam")
NYC = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def no_modal_offer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))


def build(data: Path, clock: FakeClock, settings: dict[str, Any]) -> Harness:
    """tests.fakes.make_app, in the clock's zone, with these settings."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"native_notifications": False, **settings}))
    return make_app(data, clock, [])


def flush_deletes() -> None:
    """Let Qt delete the windows that closed (deleteLater), as its event loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


class WallClockRun:
    """Drive a started app through fake wall-clock time; remember what the user saw."""

    def __init__(self, app: Harness, clock: FakeClock,
                 answer: Callable[[WallClockRun], None] | None = None) -> None:
        self.app = app
        self.clock = clock
        self.scheduler: FakeTimeScheduler = app.scheduler
        self.reminders: list[datetime] = []  # when each reminder window came up
        self.checkins: list[datetime] = []  # when each stress meter came up
        self.pauses = 0
        self._answer = answer or WallClockRun.skip_and_save

    def fire_due(self) -> None:
        # In UTC, as APScheduler compares: Python compares two times of one zone by the wall
        # clock, which gets the repeated hour of an autumn DST change wrong.
        now = self.clock.now().astimezone(UTC)
        due_checkin = self.scheduler.checkin_at
        if due_checkin is not None and due_checkin.astimezone(UTC) <= now:
            self.scheduler.checkin_at = None  # a date job runs once
            self.scheduler.checkin_due.emit(due_checkin)
            self._look()
        due_pause = self.scheduler.pause_at
        if due_pause is not None and due_pause.astimezone(UTC) <= now:
            self.scheduler.pause_at = None
            self.scheduler.pause_due.emit(due_pause)
            self._look()

    def _look(self) -> None:
        # The simulated users answer at once, so every window found here is a new one (an
        # answer may open the next: a completed pause brings the stress meter).
        app = self.app
        for _ in range(3):
            if app.reminders.window is None and app.checkins.dialog is None:
                break
            if app.reminders.window is not None:
                self.reminders.append(self.clock.now())
            if app.checkins.dialog is not None:
                self.checkins.append(self.clock.now())
            self._answer(self)
        flush_deletes()

    def run(self, until: datetime, step: timedelta = timedelta(minutes=5)) -> None:
        while self.clock.now().astimezone(UTC) < until.astimezone(UTC):
            self.clock.advance(step)
            self.fire_due()

    def jump(self, delta: timedelta) -> None:
        """The wall clock is set (or a suspended laptop wakes): nothing ran in between. The
        real scheduler notices at its next wake-up (within 5 minutes) and says so."""
        self.clock.advance(delta)
        self.scheduler.clock_changed.emit()
        self.fire_due()

    # -- simulated users --------------------------------------------------------------------

    @staticmethod
    def skip_and_save(run: WallClockRun) -> None:
        """Skip every reminder at once; answer every stress meter (all fields left empty)."""
        app = run.app
        if app.reminders.window is not None:
            app.reminders.window.skip_button.click()
        if app.checkins.dialog is not None:
            app.checkins.dialog.accept()

    @staticmethod
    def mixed(run: WallClockRun) -> None:
        """Take, end early, snooze, skip and ignore reminders in turn; save or close meters."""
        app = run.app
        reminder = app.reminders.window
        if reminder is not None:
            choice = len(run.reminders) % 5
            if choice == 0:
                reminder.start_button.click()
                window = app.pauses.window
                assert window is not None
                window.seek(window.duration_s)  # the minute is over
                window.done_button.click()
                run.pauses += 1
                return  # the stress meter after the pause comes up; the next round answers it
            if choice == 1:
                reminder.start_button.click()
                assert app.pauses.window is not None
                app.pauses.window.end_early()
                run.pauses += 1
            elif choice == 2:
                reminder.snooze_button.click()
            elif choice == 3:
                reminder.skip_button.click()
            else:
                reminder.time_out()  # left alone until it timed out
        if app.checkins.dialog is not None:
            if len(run.checkins) % 2:
                app.checkins.dialog.accept()
            else:
                app.checkins.dialog.reject()


@pytest.fixture
def started() -> Iterator[Callable[..., tuple[Harness, FakeClock, WallClockRun]]]:
    apps: list[Harness] = []

    def start(data: Path, at: datetime, settings: dict[str, Any] | None = None,
              answer: Callable[[WallClockRun], None] | None = None,
              ) -> tuple[Harness, FakeClock, WallClockRun]:
        assert isinstance(at.tzinfo, ZoneInfo)
        clock = FakeClock(at)
        app = build(data, clock, settings or {})
        app.start()
        apps.append(app)
        return app, clock, WallClockRun(app, clock, answer)

    yield start
    for app in apps:
        app.stop()
    flush_deletes()


def per_day(times: list[datetime], tz: tzinfo) -> Counter[date]:
    return Counter(t.astimezone(tz).date() for t in times)


def smallest_gap(times: list[datetime]) -> timedelta:
    utc = sorted(t.astimezone(UTC) for t in times)
    return min((b - a for a, b in itertools.pairwise(utc)), default=timedelta.max)


# --- case 4: clock jumps and suspend ----------------------------------------------------------

TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=AMS)


@pytest.mark.parametrize("delta", [
    timedelta(hours=1),
    timedelta(days=1),
    timedelta(hours=-1),
    timedelta(days=-1),
], ids=["forward-1h", "forward-1d", "back-1h", "back-1d"])
def test_a_clock_jump_gives_no_burst_and_no_day_without_reminders_and_check_ins(
    qtbot, tmp_path: Path, started, delta: timedelta
) -> None:
    _app, clock, run = started(tmp_path / "d", TUESDAY_10)
    run.jump(delta)
    after_jump = clock.now()
    # Two whole working days after the jump.
    first_full_day = after_jump.date() + timedelta(days=1)
    run.run(datetime.combine(first_full_day + timedelta(days=2), datetime.min.time(), AMS))

    shortly = [t for t in run.reminders if t < after_jump + timedelta(minutes=30)]
    assert len(shortly) <= 1, f"a burst of reminders after the jump: {shortly}"
    assert smallest_gap(run.reminders) >= timedelta(minutes=55)
    reminders = per_day(run.reminders, AMS)
    checkins = per_day(run.checkins, AMS)
    day = after_jump.date()
    # The rest of the day the clock landed in, and the two days after it (all working days).
    assert checkins[day] >= 1 and reminders[day] >= 1, (day, checkins, reminders)
    for full in (first_full_day, first_full_day + timedelta(days=1)):
        assert checkins[full] == 3, (full, checkins)
        assert 7 <= reminders[full] <= 8, (full, reminders)


def test_an_eight_hour_suspend_gives_at_most_one_reminder_and_one_stress_meter(
    qtbot, tmp_path: Path, started
) -> None:
    _app, _clock, run = started(tmp_path / "d", TUESDAY_10)
    run.jump(timedelta(hours=8))  # asleep 10:00-18:00: 7 pauses and 3 stress meters slept through
    assert len(run.reminders) <= 1
    assert len(run.checkins) <= 1
    run.run(datetime(2026, 11, 26, 0, 0, tzinfo=AMS))
    assert per_day(run.checkins, AMS)[date(2026, 11, 25)] == 3  # the next day as usual
    assert smallest_gap(run.reminders) >= timedelta(minutes=55)


def test_a_jump_past_stress_meter_times_offers_one_of_them_not_none(
    qtbot, tmp_path: Path, started
) -> None:
    _app, clock, run = started(tmp_path / "d", TUESDAY_10)
    run.jump(timedelta(hours=5))  # 10:00 -> 15:00: the 10:30 and 13:30 stress meters passed
    assert run.checkins == [clock.now()]  # one, at once, the same day (and answered)
    run.run(datetime(2026, 11, 25, 0, 0, tzinfo=AMS))
    assert per_day(run.checkins, AMS)[date(2026, 11, 24)] == 2  # that one, and 16:00's


def test_after_an_overnight_suspend_the_first_pause_comes_one_interval_into_the_day(
    qtbot, tmp_path: Path, started
) -> None:
    app, clock, run = started(tmp_path / "d", datetime(2026, 11, 24, 16, 20, tzinfo=AMS))
    assert app.scheduler.next_pause_at() == datetime(2026, 11, 24, 17, 20, tzinfo=AMS)
    clock.advance(timedelta(minutes=40))  # suspended at 17:00 ...
    run.jump(timedelta(hours=16, minutes=1))  # ... woken at 09:01 the next morning
    assert run.reminders == []
    assert app.scheduler.next_pause_at() == datetime(2026, 11, 25, 10, 0, tzinfo=AMS)


# --- case 4: DST ---------------------------------------------------------------------------------

ALWAYS = {"work_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
          "work_start": "00:00", "work_end": "23:59", "checkin_times": ["12:00", "23:30"]}
DST_CHANGES = [
    pytest.param(datetime(2026, 3, 29, tzinfo=AMS), id="amsterdam-spring"),  # 02:00 -> 03:00
    pytest.param(datetime(2026, 10, 25, tzinfo=AMS), id="amsterdam-autumn"),  # 03:00 -> 02:00
    pytest.param(datetime(2026, 3, 8, tzinfo=NYC), id="new-york-spring"),  # 02:00 -> 03:00
    pytest.param(datetime(2026, 11, 1, tzinfo=NYC), id="new-york-autumn"),  # 02:00 -> 01:00
]


@pytest.mark.parametrize("change", DST_CHANGES)
def test_dst_changes_keep_hourly_reminders_daily_check_ins_and_true_record_times(
    qtbot, tmp_path: Path, started, change: datetime
) -> None:
    """Working around the clock, so the change falls inside working hours."""
    tz = change.tzinfo
    assert tz is not None
    app, _clock, run = started(tmp_path / "d", change - timedelta(hours=14), ALWAYS)
    fired: list[object] = []
    run.scheduler.checkin_due.connect(fired.append)
    run.run(change + timedelta(days=2))

    assert smallest_gap(run.reminders) >= timedelta(minutes=55)  # real time, never a burst
    checkins = per_day(run.checkins, tz)
    for day in (change.date(), change.date() + timedelta(days=1)):
        assert checkins[day] == 2, (day, checkins)  # not missed, not asked twice
    assert len(fired) == len(run.checkins)  # each stress-meter job fired once
    midnight_after = datetime.combine(change.date() + timedelta(days=1), datetime.min.time(), tz)
    hours_on_the_day = round((midnight_after.astimezone(UTC) - change.astimezone(UTC))
                             / timedelta(hours=1))
    assert hours_on_the_day in (23, 25)
    # One reminder per real hour through the day of the change (the first is one hour in).
    assert per_day(run.reminders, tz)[change.date()] in (hours_on_the_day - 1, hours_on_the_day)

    # Each record holds the instant it happened, with the offset in force at that instant.
    records = app.journal.all_records()
    pauses = [r for r in records if isinstance(r, PauseRecord)]
    assert [p.outcome for p in pauses] == [PauseOutcome.SKIPPED] * len(run.reminders)
    assert [p.started_at.astimezone(UTC) for p in pauses] == [
        t.astimezone(UTC) for t in run.reminders]
    for pause in pauses:
        assert pause.started_at.utcoffset() == pause.started_at.astimezone(tz).utcoffset()
    assert len({p.started_at.utcoffset() for p in pauses}) == 2  # both sides of the change
    stored = [r.at for r in records if isinstance(r, CheckIn)]
    assert [t.astimezone(UTC) for t in stored] == [t.astimezone(UTC) for t in run.checkins]
    assert [t.utcoffset() for t in stored] == [t.utcoffset() for t in run.checkins]


NIGHT_SLOT = [
    pytest.param(datetime(2026, 3, 29, tzinfo=AMS), "02:30", id="amsterdam-spring-missing"),
    pytest.param(datetime(2026, 3, 8, tzinfo=NYC), "02:30", id="new-york-spring-missing"),
    *(pytest.param(change, slot, id=name)
      for change, slot, name in (
          (datetime(2026, 10, 25, tzinfo=AMS), "02:30", "amsterdam-autumn-twice"),
          (datetime(2026, 11, 1, tzinfo=NYC), "01:30", "new-york-autumn-twice"))),
]


@pytest.mark.parametrize(("change", "slot"), NIGHT_SLOT)
def test_a_stress_meter_in_the_skipped_or_repeated_hour_comes_once(
    qtbot, tmp_path: Path, started, change: datetime, slot: str
) -> None:
    tz = change.tzinfo
    assert tz is not None
    _app, _clock, run = started(tmp_path / "d", change - timedelta(hours=14),
                                       {**ALWAYS, "checkin_times": [slot]})
    fired: list[object] = []
    run.scheduler.checkin_due.connect(fired.append)
    run.run(change + timedelta(days=1))
    assert per_day(run.checkins, tz)[change.date()] == 1
    assert len(fired) == 1


def test_the_running_app_follows_a_time_zone_change(qtbot, tmp_path: Path, monkeypatch) -> None:
    import tzlocal

    from stressbreak.app import startup

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time_module.tzset()
        tzlocal.reload_localzone()

    data = tmp_path / "d"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": False}))
    set_zone("Europe/Amsterdam")
    tray = Tray(QIcon())
    controller, server = startup.assemble(QApplication.instance(), tray, "en", data_dir=data,
                                          settings_file=data / "settings.json", command="run")
    try:
        assert controller.world.clock.now().utcoffset() == datetime.now(AMS).utcoffset()
        set_zone("America/New_York")  # the laptop travelled
        controller.reminders.reschedule()
        assert controller.world.clock.now().utcoffset() == datetime.now(NYC).utcoffset()
        facts = controller.commands.status_facts()  # what `status --json` says, in NYC time
        assert facts["now"].endswith(datetime.now(NYC).strftime("%z")[:3] + ":00")
    finally:
        server.stop()
        controller.stop()
        monkeypatch.delenv("TZ")
        time_module.tzset()
        tzlocal.reload_localzone()


def test_after_a_zone_change_the_next_pause_keeps_the_new_zone_s_working_hours(
    qtbot, tmp_path: Path, started
) -> None:
    app, clock, run = started(tmp_path / "d", TUESDAY_10)  # 10:00 in Amsterdam
    assert app.scheduler.next_pause_at() == TUESDAY_10 + timedelta(hours=1)
    clock.set(clock.now().astimezone(NYC))  # flew to New York: 04:00 there, before work
    run.scheduler.clock_changed.emit()  # what the real scheduler says at its next wake-up
    upcoming = app.scheduler.next_pause_at()
    assert upcoming is not None
    local = upcoming.astimezone(NYC)
    settings = app.settings.current
    assert local.date() == clock.now().date()
    assert settings.work_start < local.time() <= settings.work_end  # New York's working day
    assert upcoming > TUESDAY_10 + timedelta(hours=1)  # not Amsterdam's 11:00 (05:00 there)


# --- case 6: a month of use -----------------------------------------------------------------

MONTH_INTERVAL_MIN = int(os.environ.get("STRESSBREAK_MONTH_INTERVAL_MIN", "30"))


def _rss_kib() -> int:
    with Path("/proc/self/status").open() as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _census(before: list[object]) -> dict[str, int]:
    """`before`: top-level widgets that other tests in this process left behind."""
    gc.collect()
    flush_deletes()
    gc.collect()
    windows = QApplication.topLevelWidgets()
    return {
        "python_objects": len(gc.get_objects()),
        # Our own Qt objects (windows, the tray, the gate...): a leaked window shows here.
        # Wrappers of other tests' objects, collected or not in between, are not ours to count.
        "qt_wrappers": sum(type(w).__module__.startswith("stressbreak")
                           for w in Shiboken.getAllValidWrappers()),
        "top_level_widgets": len(windows),
        "visible_windows": sum(w.isVisible() for w in windows
                               if not any(w is old for old in before)),
        "rss_kib": _rss_kib(),
    }


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
def test_a_simulated_month_keeps_memory_flat_and_leaves_nothing_behind(
    qtbot, tmp_path: Path, started
) -> None:
    monday = datetime(2026, 11, 2, 8, 0, tzinfo=AMS)
    app, _clock, run = started(tmp_path / "d", monday,
                                      {"interval_min": MONTH_INTERVAL_MIN},
                                      answer=WallClockRun.mixed)
    began = time_module.monotonic()
    before = list(QApplication.topLevelWidgets())
    census: list[dict[str, int]] = []
    for week in range(4):
        run.run(monday + timedelta(weeks=week + 1), step=timedelta(minutes=5))
        census.append(_census(before))

    # The month happened: thousands of events at the default CI size (5-minute interval: more).
    records = app.journal.all_records()
    assert len(run.reminders) >= 20 * (8.5 * 60 // MONTH_INTERVAL_MIN) * 0.8
    assert len(run.checkins) >= 20 * 3
    assert len(records) >= len(run.reminders) * 0.7
    # Nothing left open, nothing pending twice.
    assert app.reminders.window is None and app.pauses.window is None
    assert app.checkins.dialog is None
    scheduler = app.scheduler
    assert scheduler.pause_at is not None and scheduler.checkin_at is not None  # one of each
    week2, week4 = census[1], census[3]
    assert week4["visible_windows"] == 0
    assert week4["top_level_widgets"] <= week2["top_level_widgets"], census
    assert week4["qt_wrappers"] <= week2["qt_wrappers"], census
    assert week4["python_objects"] <= week2["python_objects"] * 1.02 + 500, census
    assert week4["rss_kib"] - week2["rss_kib"] < 8 * 1024, census
    print(f"\nsimulated month ({MONTH_INTERVAL_MIN} min interval): {len(run.reminders)} "
          f"reminders, {run.pauses} pauses, {len(run.checkins)} stress meters, {len(records)} "
          f"records in {time_module.monotonic() - began:.1f} s; census by week: {census}")


def test_the_real_scheduler_holds_one_job_of_each_kind_however_often_it_is_moved(qtbot) -> None:
    """The month above runs on the fake scheduler; this is the real one under the same churn:
    thousands of new times leave one pause job, one stress-meter job and one timer."""
    from PySide6.QtCore import QTimer

    from stressbreak.services.scheduler import Scheduler

    # Woken every 50 ms at the latest, so that it soon sees what jobs it still holds.
    scheduler = Scheduler(AMS, max_wait_s=0.05)
    scheduler.start()
    try:
        base = datetime.now(AMS) + timedelta(days=1)
        for minute in range(3000):
            scheduler.set_pause_at(base + timedelta(minutes=minute))
            scheduler.set_checkin_at(base + timedelta(minutes=minute, seconds=30))
            if minute % 7 == 0:
                scheduler.set_pause_at(None)
        assert scheduler.next_pause_at() == base + timedelta(minutes=2999)
        assert scheduler.next_checkin_at() == base + timedelta(minutes=2999, seconds=30)
        assert len(scheduler.findChildren(QTimer)) == 1
        # With those two taken away nothing is left to wake up for: a stray job of the churn
        # would keep the timer armed.
        scheduler.set_pause_at(None)
        scheduler.set_checkin_at(None)
        qtbot.waitUntil(lambda: scheduler.next_wakeup_in_ms is None, timeout=2000)
    finally:
        scheduler.stop()
    assert not scheduler.findChildren(QTimer)[0].isActive()
