"""Wakes the app when the next micro-pause, stress-meter check-in or evening minute is due.

core/schedule.py decides *when*; this service only turns "at 14:32" into a signal at 14:32, on
the GUI thread, using APScheduler with one re-armed QTimer.

Why not APScheduler's own QtScheduler: on PySide6 `QTimer.singleShot` returns None, so it can
never stop its previous timer. Every `add_job` on a running scheduler starts one more timer
chain, and truncating the wait to whole milliseconds makes each chain spin 0 ms timers for the
last fraction of a millisecond before a job is due (hundreds of wake-ups where two are needed).

apscheduler is imported only in `Scheduler.start()`: importing it costs about 80-110 ms
(`importlib.metadata` entry-point scanning, asyncio, multiprocessing), which would delay the tray
icon. The import itself is plain; tests/unit/test_lean_imports.py lists what it brings.
"""

from __future__ import annotations

import functools
import logging
import math
import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, QTimer, Signal

log = logging.getLogger(__name__)

_PAUSE = "pause"
_CHECKIN = "checkin"
_WIND_DOWN = "wind_down"
_KINDS = (_PAUSE, _CHECKIN, _WIND_DOWN)

# A wake-up comes at least every 5 minutes; a wall clock that moved this much more (or less)
# than the monotonic clock was set, or the machine slept.
_CLOCK_JUMP_S = 90.0
_PRECISE_TIMER = 0  # Qt::PreciseTimer (qnamespace.h)
# QTimer takes a signed 32-bit interval in milliseconds (~24.8 days).
_QT_MAX_INTERVAL_MS = 2**31 - 1


class _Backend(Protocol):
    """The part of the APScheduler subclass that `Scheduler` relies on."""

    def start(self, paused: bool = False) -> None: ...

    def shutdown(self, wait: bool = True) -> None: ...

    def get_job(self, job_id: str, jobstore: str | None = None) -> Any: ...

    def remove_job(self, job_id: str, jobstore: str | None = None) -> None: ...

    def add_date_job(
        self, func: Callable[..., object], run_date: datetime, **job_options: Any
    ) -> Any: ...

    def call_after_processing(self, callback: Callable[[], object]) -> None: ...


@functools.cache
def single_timer_scheduler_class() -> Any:
    """Import apscheduler and return `SingleTimerQtScheduler` (a BaseScheduler subclass).

    A factory rather than a module-level class so that importing this module stays cheap.
    """
    # Deliberately late: see the module docstring for the start-up cost.
    from apscheduler.executors.debug import DebugExecutor  # noqa: PLC0415
    from apscheduler.schedulers.base import (  # noqa: PLC0415
        STATE_STOPPED,
        BaseScheduler,
    )
    from apscheduler.triggers.date import DateTrigger  # noqa: PLC0415

    # BaseScheduler rather than QtScheduler: importing apscheduler.schedulers.qt probes for
    # PySide6..PySide2 and PyQt6..PyQt2 at import time, and every method it adds is the
    # timer handling replaced here anyway.
    class SingleTimerQtScheduler(BaseScheduler):  # type: ignore[misc]
        """An APScheduler scheduler driven by one re-armed QTimer on the Qt thread.

        Waits are rounded *up* to whole milliseconds, so a timer never fires before its job
        is due and then spins 0 ms timers. Each wait is capped at `max_wait_s`, because
        QTimer runs on the monotonic clock, which stands still during suspend and ignores
        wall-clock changes: the wall clock is re-checked at least that often.

        Jobs run on the Qt thread itself (DebugExecutor runs them inside the timer slot), so
        they may touch Qt objects. `wakeup()` may be called from any thread. `on_wakeup` is
        called after each timeout, once the jobs were run and the timer re-armed.
        """

        def __init__(
            self, timer: QTimer | None = None, *, max_wait_s: float = 300.0,
            on_wakeup: Callable[[], object] | None = None, **options: Any
        ) -> None:
            if not max_wait_s > 0:
                raise ValueError(f"max_wait_s must be positive, got {max_wait_s!r}")
            self._on_wakeup = on_wakeup
            # Set before super().__init__(), which already calls overridable hooks.
            self._timer = timer if timer is not None else QTimer()
            self._timer.setSingleShot(True)
            # A coarse timer may fire up to 5 % early, which would cost a second wake-up
            # for every job; a precise one never fires before its interval. Set through the
            # property, by value (Qt::PreciseTimer is 0): the first use of any `Qt.` enum makes
            # PySide6 build all of the Qt namespace's enums as Python enums (Qt.Key alone has
            # 471 members), about 1 MB the tray app would keep all day for this one value.
            self._timer.setProperty("timerType", _PRECISE_TIMER)
            # Floor, so the cap is never exceeded; at least 1 ms, so it never spins.
            self._max_wait_ms = max(1, math.floor(max_wait_s * 1000))
            self._connected = False
            self._processing = False
            self._rerun = False
            self._deferred: list[Callable[[], object]] = []
            super().__init__(**options)

        @property
        def timer(self) -> QTimer:
            return self._timer

        def start(self, paused: bool = False) -> None:
            if not self._connected:
                self._timer.timeout.connect(self._on_timeout)
                self._connected = True
            super().start(paused)

        def shutdown(self, wait: bool = True) -> None:
            super().shutdown(wait)
            self._timer.stop()
            if self._connected:
                # A restarted Scheduler gets a new backend on the same QTimer: this one
                # must not keep processing its (stale) job store on that timer.
                self._timer.timeout.disconnect(self._on_timeout)
                self._connected = False

        def wakeup(self) -> None:
            if QThread.currentThread() != self._timer.thread():
                # A QTimer may only be started from its own thread; hop over to it.
                QTimer.singleShot(0, self._timer, self.wakeup)
                return
            if self._processing:
                # The re-arm after processing would overwrite a 0 ms arm made now.
                self._rerun = True
            else:
                self.arm(0.0)

        def add_date_job(
            self, func: Callable[..., object], run_date: datetime, **job_options: Any
        ) -> Any:
            # A trigger instance instead of the "date" alias: the alias is resolved through
            # package entry points, which a frozen (PyInstaller) build may not ship.
            trigger = DateTrigger(run_date=run_date, timezone=self.timezone)
            return self.add_job(func, trigger, **job_options)

        def call_after_processing(self, callback: Callable[[], object]) -> None:
            """Run `callback` once the current processing step is over (or now, if none).

            A job runs while APScheduler still holds its job-store lock, and a date job is
            removed *by id* only after it returns: a job that rescheduled its own id would
            have the new job deleted. Deferring the work past that point avoids both.
            """
            if self._processing:
                self._deferred.append(callback)
            else:
                callback()

        def arm(self, wait_seconds: float | None) -> None:
            """Wake in `wait_seconds`, rounded up to whole milliseconds and capped at
            `max_wait_s` (None: no wake-up until a job is added)."""
            if wait_seconds is None:
                # No jobs (or paused): nothing to wake up for until add_job()/resume().
                self._timer.stop()
                return
            wait_ms = min(math.ceil(wait_seconds * 1000), self._max_wait_ms, _QT_MAX_INTERVAL_MS)
            self._timer.start(max(0, wait_ms))

        def _on_timeout(self) -> None:
            try:
                self._process_and_rearm()
            finally:
                if self._on_wakeup is not None:
                    self._on_wakeup()

        def _process_and_rearm(self) -> None:
            if self.state == STATE_STOPPED:
                return
            self._processing = True
            self._rerun = False
            # If processing blows up, still look again later rather than never.
            wait_seconds: float | None = self._max_wait_ms / 1000
            try:
                wait_seconds = self._process_jobs()
            finally:
                self._processing = False
                self.arm(0.0 if self._rerun else wait_seconds)
                deferred, self._deferred = self._deferred, []
                for callback in deferred:
                    try:
                        callback()
                    except Exception:
                        # Same policy as APScheduler for a failing job: log, keep running.
                        log.exception("deferred scheduler callback failed")

        def _create_default_executor(self) -> Any:
            # The default ThreadPoolExecutor would run jobs off the GUI thread.
            return DebugExecutor()

    return SingleTimerQtScheduler


class Scheduler(QObject):
    """Emits `pause_due` / `checkin_due` / `wind_down_due` when the scheduled time comes, on
    the GUI thread.

    There is at most one pending job of each kind, all on the one timer; setting a new time
    replaces the old one. A time that passed while the laptop slept fires once on wake-up (within
    `max_wait_s`), never a burst. Call every method from the GUI thread.
    """

    pause_due = Signal(object)  # the aware datetime the pause was scheduled for
    checkin_due = Signal(object)  # the check-in slot (aware datetime)
    wind_down_due = Signal(object)  # the evening minute's slot (aware datetime)
    # The wall clock moved other than time passed: set by hand or by NTP, or the laptop slept
    # (the monotonic clock stands still during suspend). Times computed before may be wrong.
    clock_changed = Signal()
    # The scheduler's timer woke the process: jobs were looked at and the timer re-armed (see
    # `next_wakeup_in_ms`). An idle tray app should do this rarely; this is how to count it.
    woke_up = Signal()

    def __init__(
        self, clock_tz: tzinfo, max_wait_s: float = 300.0, parent: QObject | None = None,
        *, zone: Callable[[], tzinfo] | None = None,
    ) -> None:
        """`zone`: the computer's zone as it is now; a change of it is told as a change of
        the clock (`clock_changed`) at the next wake-up, within `max_wait_s`."""
        super().__init__(parent)
        if not max_wait_s > 0:
            raise ValueError(f"max_wait_s must be positive, got {max_wait_s!r}")
        self._tz = clock_tz
        self._zone = zone
        self._last_zone = zone() if zone is not None else None
        self._max_wait_s = max_wait_s
        # Owned here (a child of this object) so it outlives restarts and dies with us.
        self._timer = QTimer(self)
        # Connected before the backend's own slot, so a jump is told before jobs run.
        self._timer.timeout.connect(self._check_clock)
        self._clocks = (time.time(), time.monotonic())
        self._backend: _Backend | None = None
        # Times wanted while not running; start() hands them to APScheduler.
        self._wanted: dict[str, datetime | None] = dict.fromkeys(_KINDS)

    @property
    def running(self) -> bool:
        return self._backend is not None

    @property
    def next_wakeup_in_ms(self) -> int | None:
        """How long until the scheduler's timer next wakes the process; None when it is not
        armed (stopped, or nothing pending). Never more than `max_wait_s`, even for a pause
        hours away: the wall clock is re-read at least that often."""
        remaining_ms = self._timer.remainingTime()
        return None if remaining_ms < 0 else remaining_ms

    def start(self) -> None:
        if self._backend is not None:
            return
        backend: _Backend = single_timer_scheduler_class()(
            self._timer, max_wait_s=self._max_wait_s, on_wakeup=self.woke_up.emit,
            timezone=self._tz,
        )
        # Added before start(), the jobs are stored in one go and need a single wake-up.
        for kind, when in self._wanted.items():
            if when is not None:
                self._add_job(backend, kind, when)
        backend.start()
        self._backend = backend

    def stop(self) -> None:
        if self._backend is None:
            return
        # Remember what is still pending, so a later start() picks it up again.
        self._wanted = {kind: self._scheduled(kind) for kind in _KINDS}
        backend, self._backend = self._backend, None
        backend.shutdown(wait=False)

    def set_pause_at(self, when: datetime | None) -> None:
        self._set(_PAUSE, when)

    def set_checkin_at(self, when: datetime | None) -> None:
        self._set(_CHECKIN, when)

    def set_wind_down_at(self, when: datetime | None) -> None:
        self._set(_WIND_DOWN, when)

    def next_pause_at(self) -> datetime | None:
        return self._scheduled(_PAUSE)

    def next_wind_down_at(self) -> datetime | None:
        return self._scheduled(_WIND_DOWN)

    def next_checkin_at(self) -> datetime | None:
        return self._scheduled(_CHECKIN)

    def _set(self, kind: str, when: datetime | None) -> None:
        if when is not None:
            if when.utcoffset() is None:
                raise ValueError(f"{kind} time must be timezone-aware, got {when!r}")
            when = when.astimezone(self._tz)
        if when == self._scheduled(kind):
            return  # unchanged: re-adding the job would only cost a wake-up
        if self._backend is None:
            self._wanted[kind] = when
        elif when is None:
            if self._backend.get_job(kind) is not None:
                self._backend.remove_job(kind)
        else:
            self._add_job(self._backend, kind, when)

    def _add_job(self, backend: _Backend, kind: str, when: datetime) -> None:
        backend.add_date_job(
            self._job_due,
            when,
            args=(kind, when),
            id=kind,
            name=f"stressbreak {kind}",
            replace_existing=True,
            # A job due while the laptop slept still runs (once) on wake-up; APScheduler's
            # default grace of 1 s would silently drop it as "missed".
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    def _scheduled(self, kind: str) -> datetime | None:
        if self._backend is None:
            return self._wanted[kind]
        job = self._backend.get_job(kind)
        if job is None or job.next_run_time is None:
            return None
        next_run: datetime = job.next_run_time
        return next_run.astimezone(self._tz)

    def _check_clock(self) -> None:
        wall, steady = time.time(), time.monotonic()
        last_wall, last_steady = self._clocks
        self._clocks = (wall, steady)
        if self._zone is not None:
            zone = self._zone()
            if zone != self._last_zone:
                log.info("the time zone changed from %s to %s", self._last_zone, zone)
                self._last_zone = zone
                self.clock_changed.emit()
                return
        if abs((wall - last_wall) - (steady - last_steady)) > _CLOCK_JUMP_S:
            log.info("the wall clock moved by %+.0f s more than time passed",
                     (wall - last_wall) - (steady - last_steady))
            self.clock_changed.emit()

    def _job_due(self, kind: str, when: datetime) -> None:
        # Runs inside APScheduler's processing step; emit only after it, so that a slot
        # may reschedule (same job id) without APScheduler deleting the new job.
        backend = self._backend
        if backend is None:
            return
        backend.call_after_processing(functools.partial(self._emit, kind, when))

    def _emit(self, kind: str, when: datetime) -> None:
        signals = {_PAUSE: self.pause_due, _CHECKIN: self.checkin_due,
                   _WIND_DOWN: self.wind_down_due}
        signals[kind].emit(when)
