"""How often does the scheduler wake up? Stock APScheduler QtScheduler vs. ours.

Counts calls of `_process_jobs` (one per timer wake-up) during 2 s of event loop, for
  * "date 1.5s":    one date job due at 1.5 s, added before the loop starts
                    (needed: 2 wake-ups, start and due);
  * "every 0.2s":   one interval job every 0.2 s (needed: ~11, start and 10 runs);
each alone and "+5 add_job": with 5 more add_job calls on the running scheduler at 0.1 s
intervals (jobs due in an hour; needed: 1 wake-up each).

The stock QtScheduler cannot stop its previous QTimer on PySide6, so every add_job leaves one
more timer chain running: from then on each due time wakes it once per chain. Its 0 ms spin
(a wait truncated to 0 ms while the job is still a fraction of a millisecond away) happens only
when a wake-up lands in that last millisecond, so its figures vary from run to run: see the
spread over the repetitions.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/scheduler_wakeups.py [repetitions]
Prints figures only; the assertion lives in tests/gui/test_scheduler.py.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stressbreak.services.scheduler import single_timer_scheduler_class

WINDOW_MS = 2000
DUE_S = 1.5
INTERVAL_S = 0.2
EXTRA_ADDS = 5


def _stock():
    from apscheduler.schedulers.qt import QtScheduler

    return QtScheduler


def _count(app: QCoreApplication, base: type, interval: bool, extra_adds: int) -> int:
    class Counting(base):
        steps = 0

        def _process_jobs(self):
            type(self).steps += 1
            return super()._process_jobs()

    sched = Counting(timezone=UTC)
    if interval:
        sched.add_job(lambda: None, "interval", seconds=INTERVAL_S)
    else:
        sched.add_job(lambda: None, "date", run_date=datetime.now(UTC) + timedelta(seconds=DUE_S))
    sched.start()
    for i in range(extra_adds):
        QTimer.singleShot(
            100 * (i + 1),
            lambda i=i: sched.add_job(
                print, "date", run_date=datetime.now(UTC) + timedelta(hours=1), id=f"x{i}"
            ),
        )
    QTimer.singleShot(WINDOW_MS, app.quit)
    app.exec()
    steps = Counting.steps
    sched.remove_all_jobs()
    sched.shutdown(wait=True)
    # The stock scheduler cannot stop its timers; let leftover chains run dry before the
    # next measurement (they stop once no job is left).
    QTimer.singleShot(300, app.quit)
    app.exec()
    return steps


def main() -> None:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    print(f"wake-ups in {WINDOW_MS / 1000:g} s, {reps} runs each")
    for name, base in (("stock QtScheduler", _stock()), ("ours", single_timer_scheduler_class())):
        for job_label, interval in ((f"date {DUE_S:g}s", False), (f"every {INTERVAL_S:g}s", True)):
            for add_label, extra in (("", 0), (f"+{EXTRA_ADDS} add_job", EXTRA_ADDS)):
                counts = [_count(app, base, interval, extra) for _ in range(reps)]
                label = f"{job_label} {add_label}".strip()
                print(f"{name:18} {label:24} {counts}")


if __name__ == "__main__":
    main()
