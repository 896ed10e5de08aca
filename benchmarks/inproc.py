"""In-process figures: one benchmark per process, result as one JSON line on stdout.

    python -m benchmarks.inproc day|click|pacer|pacer-heart|journal|sync [--quick]
    python -m benchmarks.inproc journal --heart --size "10 years"  (pauses with heart figures)

Run with QT_QPA_PLATFORM=offscreen, or xcb on a display with a tray host (the harness decides
and reports which). Each benchmark runs in its own process so memory and imports don't mix.
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from stressbreak.app.startup import forget_module_sources_as_windows_open
from stressbreak.core.clock import SystemClock
from stressbreak.services.journal import Journal
from stressbreak.ui.icons import app_icon
from stressbreak.ui.tray import Tray
from tests.fakes import FakeClock, FakeTimeScheduler, Harness, make_app

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_0855 = datetime(2026, 11, 23, 8, 55, tzinfo=AMS)
SHORT_PAUSE_S = 0.2


class PaintWatch(QObject):
    """Timestamps (perf_counter) of the Paint events a widget receives."""

    def __init__(self, target: QWidget, on_paint: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.times: list[float] = []
        self._on_paint = on_paint
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
            if self._on_paint is not None:
                self._on_paint()
        return False


def no_modal_questions() -> None:
    """Answer every modal question with "no" at once (docs/ARCHITECTURE.md: a modal question
    is one function, which tests replace). A simulation must never wait for a person."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    QDialog.exec = lambda self: 0  # type: ignore[method-assign]
    QMessageBox.exec = lambda self: 0  # type: ignore[method-assign]
    no = QMessageBox.StandardButton.No
    for name in ("question", "information", "warning", "critical"):
        setattr(QMessageBox, name, staticmethod(lambda *_a, **_k: no))


def app() -> QApplication:
    no_modal_questions()
    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(qapp, QApplication)
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


def platform() -> str:
    return QGuiApplication.platformName()


def spin(until: Callable[[], bool], timeout_s: float) -> None:
    """Run the event loop until `until()` holds; wakes every 2 ms to look."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(2)
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if until() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not until():
        loop.exec()
    timer.stop()
    if not until():
        raise TimeoutError("gave up waiting")


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def rss_mb() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            return float(line.split()[1]) / 1024
    raise RuntimeError("no Rss in smaps_rollup")


def make_controller(
    data: Path, clock: FakeClock, settings: dict[str, Any], pause_s: float = SHORT_PAUSE_S
) -> Harness:
    """The app as app/startup.py builds it, but on fake time, without notifications or
    sounds, and with the app's own tray icon."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"native_notifications": False, **settings}))
    return make_app(data, clock, [], pause_duration_s=pause_s, tray=Tray(app_icon()))


# -- a simulated day ------------------------------------------------------------------------


def bench_day(quick: bool) -> dict[str, Any]:
    """Working days on fake time: every reminder clicked, every pause run (0.2 s), every
    stress meter answered and saved. RSS after start, after day 1 and after the last day."""
    days = 2 if quick else 5
    qapp = app()
    forget_module_sources_as_windows_open(qapp)  # as app/startup.py's run() wires it
    clock = FakeClock(MONDAY_0855)
    with tempfile.TemporaryDirectory(prefix="sb-bench-day-") as tmp:
        harness = make_controller(Path(tmp) / "data", clock, {})
        scheduler = harness.scheduler
        assert isinstance(scheduler, FakeTimeScheduler)
        harness.start()
        qapp.processEvents()
        flush_deletes()
        rss = {"start": rss_mb()}
        counts = {"pauses": 0, "checkins": 0}
        last_day = MONDAY_0855.date() + timedelta(days=days - 1)
        day_done = MONDAY_0855.date()
        for _step in range(100 * days):  # a day has ~12 events; more means a stuck loop
            due = [t for t in (scheduler.pause_at, scheduler.checkin_at) if t is not None]
            when = min(due)
            if when.date() > day_done:
                flush_deletes()
                rss[f"day{(day_done - MONDAY_0855.date()).days + 1}"] = rss_mb()
                if when.date() > last_day:
                    break
                day_done = when.date()
            clock.set(when)
            if when == scheduler.pause_at:
                scheduler.pause_due.emit(when)
                reminder = harness.reminders.window
                if reminder is None:
                    continue
                spin(reminder.isVisible, 5)
                QTest.mouseClick(reminder, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
                spin(lambda: harness.pauses.window is None, 10)
                closing = harness.pauses.closing_window
                if closing is not None:
                    closing.done_button.click()  # the stress meter comes once it has gone
                clock.advance(timedelta(seconds=SHORT_PAUSE_S))
                counts["pauses"] += 1
            else:
                scheduler.checkin_due.emit(when)
            dialog = harness.checkins.dialog
            if dialog is not None:
                QTest.mouseClick(dialog.rows["body"].buttons["tight"], Qt.MouseButton.LeftButton)
                QTest.mouseClick(dialog.tension.buttons[4], Qt.MouseButton.LeftButton)
                QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
                spin(lambda: harness.checkins.dialog is None, 5)
                counts["checkins"] += 1
            qapp.processEvents()
        else:
            raise RuntimeError(f"the simulation did not get past {clock.now()}")
        harness.stop()
    return {"platform": platform(), "days": days, "rss_mb": rss, **counts}


# -- reminder click → pause window painted ----------------------------------------------------


def bench_click(quick: bool) -> dict[str, Any]:
    runs = 5 if quick else 40
    qapp = app()
    clock = FakeClock(MONDAY_0855)
    latencies_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="sb-bench-click-") as tmp:
        harness = make_controller(Path(tmp) / "data", clock, {"checkin_times": []})
        harness.start()
        qapp.processEvents()
        for _ in range(runs):
            clock.advance(timedelta(hours=1))
            harness.reminders.show()
            reminder = harness.reminders.window
            assert reminder is not None
            shown: list[float] = []
            reminder_watch = PaintWatch(reminder, lambda s=shown: s.append(1.0))  # type: ignore[misc]
            spin(lambda s=shown: bool(s), 5)  # type: ignore[misc]
            del reminder_watch
            qapp.processEvents()

            loop = QEventLoop()
            start = time.perf_counter()
            QTest.mouseClick(reminder, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
            window = harness.pauses.window
            assert window is not None, "the click did not start a pause"
            # The window is shown inside the click; painting happens once the loop runs, so
            # watching from here misses nothing (checked: no paint before the loop).
            watch = PaintWatch(window.pacer, loop.quit)
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            if not watch.times:
                raise RuntimeError("the pause window was not painted within 5 s")
            latencies_ms.append((watch.times[0] - start) * 1000)
            window.end_early()
            flush_deletes()
            qapp.processEvents()
        harness.stop()
    return {"platform": platform(), "runs_ms": latencies_ms}


# -- the pacer --------------------------------------------------------------------------------


# A recording replayed into the pause (`stressbreak pause --heart-rate-file`), in real time:
# one notification a second, as a strap sends them, and the heart's wave under the pacer.
HEART_RECORDING = Path(__file__).parent.parent / "tests" / "data" / "heart" / (
    "rr-resonance-6min.csv")


def bench_pacer(quick: bool, heart: bool = False) -> dict[str, Any]:
    duration_s = 3.0 if quick else 60.0  # the full run: the default one-minute pause
    qapp = app()
    qapp.setWindowIcon(app_icon())
    with tempfile.TemporaryDirectory(prefix="sb-bench-pacer-") as tmp:
        # The default settings: breathing with the default pattern, as most pauses are.
        harness = make_controller(Path(tmp) / "data", FakeClock(MONDAY_0855),
                                     {"checkin_after_pause": False}, pause_s=duration_s)
        harness.start()
        qapp.processEvents()
        if heart:
            from stressbreak.services.heart_replay import read_recording

            harness.controller.replay_next(read_recording(HEART_RECORDING))
        cpu0 = time.process_time()
        wall0 = time.perf_counter()
        harness.pauses.start()  # builds and shows the window; frames come from the loop
        window = harness.pauses.window
        assert window is not None
        # The window's first frame splits opening the window (built, laid out, shown:
        # click → paint measures its latency) from the pacer running.
        first_frame: list[float] = []
        watch = PaintWatch(window.pacer, lambda: first_frame or first_frame.append(
            time.process_time()))
        # Wait without polling, so the harness adds no wake-ups of its own to the CPU figure.
        loop = QEventLoop()
        window.finished.connect(lambda *_: loop.quit())
        QTimer.singleShot(int((duration_s + 10) * 1000), loop.quit)
        loop.exec()
        if harness.pauses.window is not None:
            raise RuntimeError("the pause did not end on time")
        wall = time.perf_counter() - wall0
        cpu = time.process_time() - cpu0
        closing = harness.pauses.closing_window
        wave = None if closing is None else closing.heart_wave
        if heart and (wave is None or not wave.after_label.text()):
            raise RuntimeError("the pause showed no heart")
        flush_deletes()
        harness.stop()
    frames = watch.times
    intervals = [b - a for a, b in itertools.pairwise(frames)]
    median = statistics.median(intervals) if intervals else 0.0
    dropped = sum(1 for i in intervals if i > 1.5 * median)
    span = frames[-1] - frames[0] if len(frames) > 1 else 0.0
    return {
        "platform": platform(),
        "duration_s": duration_s,
        "frames": len(frames),
        "fps": (len(frames) - 1) / span if span else 0.0,
        "median_interval_ms": median * 1000,
        "dropped": dropped,
        "dropped_pct": 100.0 * dropped / len(intervals) if intervals else 100.0,
        "cpu_pct": 100.0 * cpu / wall,
        "open_cpu_ms": 1000.0 * (first_frame[0] - cpu0) if first_frame else 0.0,
        "running_cpu_pct": (100.0 * (cpu0 + cpu - first_frame[0]) / (wall0 + wall - frames[0])
                            if first_frame and frames else 0.0),
        "heart": heart,
    }


# -- the journal ------------------------------------------------------------------------------

_PAUSE_HOURS = (9, 10, 11, 12, 13, 14, 15, 16)
_CHECKIN_HOURS = ((10, 30), (13, 30), (16, 0), (17, 15))  # 8 pauses + 4 check-ins = 12 a day
_OUTCOMES = ("completed", "completed", "completed", "ended_early", "missed", "skipped")


def _pause(at: datetime, n: int, heart: bool = False) -> dict[str, Any]:
    end = at + timedelta(seconds=60)
    outcome = _OUTCOMES[n % len(_OUTCOMES)]
    pause = {"kind": "pause", "v": 1, "id": uuid.uuid4().hex, "started_at": at.isoformat(),
             "ended_at": end.isoformat(), "outcome": outcome,
             "duration_s": 60.0, "exercise": "coherent"}
    if heart and outcome in ("completed", "ended_early"):
        # Every pause taken with a strap (issue 19), one in sixteen with a poor signal.
        pause["heart"] = {"poor": True} if n % 16 == 0 else {
            "hr": 60.0 + n % 17, "rmssd_ms": 25.0 + n % 31,
            "coherence": round(0.2 + (n % 71) / 100, 3), "pace": 6.0}
    return pause


def _checkin(at: datetime, n: int) -> dict[str, Any]:
    return {"kind": "checkin", "v": 1, "id": uuid.uuid4().hex, "at": at.isoformat(),
            "origin": ("after_pause", "scheduled", "manual")[n % 3],
            "breathing": ["shallow"] if n % 2 else [], "breathing_note": "",
            "body": ["tight"], "body_note": "a bit tense" if n % 5 == 0 else "",
            "need": ["move"] if n % 3 else [], "need_note": "", "tension": n % 11}


def write_history(folder: Path, days: int, today: date, tz: tzinfo,
                  heart: bool = False) -> int:
    """About 12 records a day for `days` days up to today, straight into monthly files;
    `heart`: the pauses taken have heart figures."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if days == 0:
        return 0
    day = today - timedelta(days=days - 1)
    months: dict[tuple[int, int], dict[str, Any]] = {}
    n = 0
    while day <= today:
        table = months.setdefault((day.year, day.month), {})
        for hour in _PAUSE_HOURS:
            at = datetime(day.year, day.month, day.day, hour, 0, tzinfo=tz)
            n += 1
            table[str(len(table) + 1)] = _pause(at, n, heart)
        for hour, minute in _CHECKIN_HOURS:
            at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
            n += 1
            table[str(len(table) + 1)] = _checkin(at, n)
        day += timedelta(days=1)
    for (year, month), table in months.items():
        path = folder / f"journal-{year:04d}-{month:02d}.json"
        path.write_text(json.dumps({"records": table}, ensure_ascii=False))
        path.chmod(0o600)
    return n


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# History sizes: (label, days of synthetic history up to today).
_QUICK_SIZES = (("empty", 0), ("1 week", 7), ("1 year", 365))
_FULL_SIZES = (*_QUICK_SIZES, ("5 years", 5 * 365 + 1), ("10 years", 10 * 365 + 2))


def bench_journal(quick: bool, work_dir: Path | None, heart: bool = False,
                  only: str | None = None) -> dict[str, Any]:
    from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord

    sizes = [(label, days) for label, days in (_QUICK_SIZES if quick else _FULL_SIZES)
             if only is None or label == only]
    if not sizes:
        raise ValueError(f"no history size {only!r}")
    appends = 20 if quick else 100
    repeats = 3 if quick else 7
    app()
    tz = AMS
    clock = SystemClock(lambda: tz)
    results: dict[str, Any] = {"platform": platform(), "heart": heart, "sizes": {}}
    for label, days in sizes:
        with tempfile.TemporaryDirectory(prefix="sb-bench-journal-", dir=work_dir) as tmp:
            folder = Path(tmp) / "data"
            now = clock.now()
            count = write_history(folder, days, now.date(), tz, heart)
            # A real history was written over the years and is long on disk: the appends'
            # fsyncs must not also flush the synthetic history just written (a file system
            # may commit other files' pending data with them).
            os.sync()
            problems: list[str] = []
            journal = Journal(folder, problems.append)
            journal.start()

            append_ms: list[float] = []
            for i in range(appends):
                at = clock.now()
                record: PauseRecord | CheckIn
                if i % 3 == 2:
                    record = CheckIn(at=at, origin=CheckInOrigin.MANUAL, body=("tight",),
                                     tension=3)
                else:
                    record = PauseRecord(started_at=at, ended_at=at + timedelta(seconds=60),
                                         outcome=PauseOutcome.COMPLETED)
                t0 = time.perf_counter()
                journal.append(record)
                append_ms.append((time.perf_counter() - t0) * 1000)
            journal.stop()
            if problems:
                raise RuntimeError("; ".join(problems))
            overview = _bench_overview(folder, repeats)
            results["sizes"][label] = {
                "records": count,
                "files": len(list(folder.glob("journal-*.json"))),
                "append_p50_ms": _pct(append_ms, 0.5),
                "append_p95_ms": _pct(append_ms, 0.95),
                **overview,
            }
    return results


def _bench_overview(folder: Path, repeats: int,
                    settings: dict[str, Any] | None = None) -> dict[str, float]:
    """The overview as the user meets it: the tray's "Weekly overview" on a journal that was
    not read yet (load, charts, shown and painted), then a click on "Previous week" until
    the repaint. Through the Controller, as the app does it. With a shared folder in the
    `settings`, its first round (a moment after start) has run before the tray is clicked."""
    open_ms: list[float] = []
    switch_ms: list[float] = []
    over_open_ms: list[float] = []
    over_switch_ms: list[float] = []
    first_open_ms = 0.0
    for repeat in range(repeats):
        harness = make_controller(folder, FakeClock(datetime.now(AMS)), settings or {})
        harness.start()
        _settled(harness)
        t0 = time.perf_counter()
        harness.data.open_overview()
        window = harness.data.overview
        assert window is not None
        # Everything a week switch changes; the figure is the last of them painted (one
        # repaint pass paints them all, and spin() looks only between events).
        watches = [PaintWatch(w) for w in (
            window.title, window.empty_label, window.pauses_chart.viewport(),
            window.tension_chart.viewport(), window.hour_map.viewport(),
            window.top_chart.viewport())]

        def painted_after(t0: float, watches: list[PaintWatch] = watches) -> float | None:
            times = [t for watch in watches for t in watch.times if t >= t0]
            return max(times) if times else None

        spin(lambda t0=t0: painted_after(t0) is not None, 10)  # type: ignore[misc]
        done = painted_after(t0)
        if done is None:
            raise RuntimeError("the overview was not painted within 10 s")
        elapsed = (done - t0) * 1000
        if repeat == 0:
            first_open_ms = elapsed  # includes importing QtCharts, once per process
        else:
            open_ms.append(elapsed)
        for _ in range(3):
            t0 = time.perf_counter()
            window.previous_button.click()
            spin(lambda t0=t0: painted_after(t0) is not None, 10)  # type: ignore[misc]
            done = painted_after(t0)
            if done is None:
                raise RuntimeError("the overview did not repaint after a week switch")
            switch_ms.append((done - t0) * 1000)
        # Over time: the tab opened (a year read, week by week), then the range switched
        # between 3 and 12 months.
        over_watches = [PaintWatch(w) for w in (window.over_time_tension.viewport(),
                                                window.over_time_pauses.viewport(),
                                                window.over_time_heart.viewport())]

        def over_painted(t0: float, watches: list[PaintWatch] = over_watches) -> float | None:
            times = [t for watch in watches for t in watch.times if t >= t0]
            return max(times) if times else None

        for step in range(5):
            t0 = time.perf_counter()
            if step == 0:
                window.tabs.setCurrentIndex(window.tabs.count() - 1)
            else:
                window.range_box.setCurrentIndex(2 if step % 2 else 0)
            spin(lambda t0=t0: over_painted(t0) is not None, 10)  # type: ignore[misc]
            done = over_painted(t0)
            if done is None:
                raise RuntimeError("Over time was not painted within 10 s")
            (over_open_ms if step == 0 else over_switch_ms).append((done - t0) * 1000)
        del watches, over_watches
        window.close()
        harness.stop()
        flush_deletes()
    return {
        "first_open_ms": first_open_ms,
        "open_ms": statistics.median(open_ms) if open_ms else first_open_ms,
        "switch_ms": statistics.median(switch_ms),
        "switch_p95_ms": _pct(switch_ms, 0.95),
        "over_time_open_ms": statistics.median(over_open_ms),
        "over_time_switch_ms": statistics.median(over_switch_ms),
    }


# -- a shared folder of three computers (issue 18) ----------------------------------------


def _timed_ms(action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    return (time.perf_counter() - t0) * 1000


def _settled(harness: Harness) -> None:
    """With a shared folder: until the rounds a start sets off (and their own writes, which
    the folder watcher tells) are done."""
    sync = harness.controller.sync
    if sync is not None:
        spin(lambda: not sync.pending, 30)


def _appends_ms(harness: Harness, count: int) -> list[float]:
    """`Records.add` of a pause, as a pause saves one: the journal, then (sharing) the segment.
    The history just written (the merge) is flushed first, as years of it would be."""
    from stressbreak.core.model import PauseOutcome, PauseRecord

    os.sync()
    records = harness.controller.records
    timings: list[float] = []
    for _ in range(count):
        at = datetime.now(AMS)
        record = PauseRecord(at, at + timedelta(seconds=60), PauseOutcome.COMPLETED)
        timings.append(_timed_ms(lambda record=record: records.add(record)))  # type: ignore[misc]
    return timings


def _rounds(harness: Harness, setup: Any, rounds: int) -> dict[str, Any]:
    """A running app's rounds: nothing new, then one new record from another computer each
    time (timed from the round; then once through the folder watcher, as it happens)."""
    from stressbreak.core.model import PauseOutcome, PauseRecord

    sync = harness.controller.sync
    if sync is None:
        raise RuntimeError("sharing did not start")
    arrived: list[int] = []
    sync.records_arrived.connect(lambda records: arrived.append(len(records)))
    figures: dict[str, Any] = {"start_round_ms": _timed_ms(sync.sync_now)}
    _settled(harness)
    figures["nothing_new_ms"] = [_timed_ms(sync.sync_now) for _ in range(rounds)]
    other, writer = next(iter(setup.others.items()))
    theirs = list(setup.latest[other])
    key = (theirs[-1].at.year, theirs[-1].at.month)

    def one_more() -> None:
        at = datetime.now(AMS)
        theirs.append(PauseRecord(at, at + timedelta(seconds=60), PauseOutcome.COMPLETED,
                                  computer=other))
        writer.write_own_month(*key, theirs)

    figures["one_new_ms"] = []
    for _ in range(rounds):
        one_more()
        before = sum(arrived)
        figures["one_new_ms"].append(_timed_ms(sync.sync_now))
        if sum(arrived) != before + 1:
            raise RuntimeError("the new record did not arrive")
    before = sum(arrived)
    t0 = time.perf_counter()
    one_more()
    spin(lambda: sum(arrived) > before, 10)
    figures["watcher_arrival_ms"] = (time.perf_counter() - t0) * 1000
    return figures


def bench_sync(quick: bool, work_dir: Path | None) -> dict[str, Any]:
    """A shared folder of 3 computers × 10 years (1 year in --quick), see benchmarks/sharing.py.

    Through the real app (the Controller with the shared folder in its settings): the first
    round of a computer that joins the others' years; the first round of the next start, and
    rounds that find nothing new or one new record; the append of a record with its segment
    (`Records.add`, as a pause or a stress meter saves one); the week view on the merged
    journal; the append and the week view with sharing off on the same journal beside them.
    """
    from benchmarks import sharing

    days = 365 if quick else 10 * 365 + 2
    appends = 20 if quick else 100
    repeats = 3 if quick else 7
    app()
    result: dict[str, Any] = {"platform": platform(), "years": round(days / 365)}
    with tempfile.TemporaryDirectory(prefix="sb-bench-sync-", dir=work_dir) as tmp:
        t0 = time.perf_counter()
        setup = sharing.prepare(Path(tmp), days, datetime.now(AMS).date(), AMS)
        result["prepare_s"] = time.perf_counter() - t0
        shared = {"checkin_times": [], **sharing.settings_for(setup)}
        off = {"checkin_times": [], "shared_folder": ""}

        def start(settings: dict[str, Any]) -> tuple[Harness, float]:
            harness = make_controller(setup.data, FakeClock(datetime.now(AMS)), settings)
            return harness, _timed_ms(harness.start)

        # Joining: this computer's years written as its segments, the others' merged.
        harness, result["start_on_first_ms"] = start(shared)
        sync = harness.controller.sync
        if sync is None or not sync.available:
            raise RuntimeError("sharing did not start")
        result["first_round_ms"] = _timed_ms(sync.sync_now)
        _settled(harness)
        harness.stop()
        flush_deletes()

        harness, result["start_on_ms"] = start(shared)
        result.update(_rounds(harness, setup, 5 if quick else 20))
        result["append_on_ms"] = _appends_ms(harness, appends)
        sync = harness.controller.sync
        assert sync is not None
        year, month = datetime.now(AMS).year, datetime.now(AMS).month
        segment = sync.folder / "StressBreak" / f"journal-{sharing.OWN}-{year:04d}-{month:02d}.json"
        if len(json.loads(segment.read_bytes())["records"]) < appends:
            raise RuntimeError("the appends did not reach this computer's segment")
        harness.stop()
        flush_deletes()

        harness, result["start_off_ms"] = start(off)
        result["append_off_ms"] = _appends_ms(harness, appends)
        result["merged_records"] = len(harness.journal.all_records())
        harness.stop()
        flush_deletes()

        result["overview_on"] = _bench_overview(setup.data, repeats, shared)
        result["overview_off"] = _bench_overview(setup.data, repeats, off)
        result["segments"] = len(list((setup.folder / "StressBreak").glob("journal-*.json")))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bench", choices=("day", "click", "pacer", "pacer-heart", "journal",
                                          "sync"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--heart", action="store_true",
                        help="journal: the pauses taken have heart figures (issue 19)")
    parser.add_argument("--size", help="journal: only this history size (\"10 years\")")
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--watchdog-s", type=float, default=600.0,
                        help="print every thread's stack and exit if still running then")
    args = parser.parse_args()
    faulthandler.dump_traceback_later(args.watchdog_s, exit=True)
    if args.bench == "day":
        result = bench_day(args.quick)
    elif args.bench == "click":
        result = bench_click(args.quick)
    elif args.bench == "pacer":
        result = bench_pacer(args.quick)
    elif args.bench == "pacer-heart":
        result = bench_pacer(args.quick, heart=True)
    elif args.bench == "sync":
        result = bench_sync(args.quick, args.work_dir)
    else:
        result = bench_journal(args.quick, args.work_dir, args.heart, args.size)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
