"""Whole-process figures under Xvfb + trayer: start-up, memory after idle, idle CPU and wake-ups.

Both apps are real processes on a private X display; everything is read from outside (X events,
/proc), so neither app is changed by being measured.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.xenv import TrayWatcher, XSession

REPO = Path(__file__).resolve().parents[1]
BARE = "bare"
APP = "app"
SHARED = "app, sharing on"  # the app with a shared folder of 3 computers' years (issue 18)

# Nothing may fall due while we measure idling: no check-in times, and the first pause an hour
# after start. Native notifications off: there is no notification daemon on the test display.
IDLE_SETTINGS = {"checkin_times": [], "native_notifications": False}


def command(which: str, data_dir: Path) -> list[str]:
    if which == BARE:
        return [sys.executable, str(REPO / "benchmarks" / "bare_tray.py")]
    # APP and SHARED: the same app; SHARED's data folder names a shared folder.
    return [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)]


def fresh_data_dir(parent: Path, name: str) -> Path:
    data = parent / name
    data.mkdir(mode=0o700)
    (data / "settings.json").write_text(json.dumps(IDLE_SETTINGS))
    return data


@dataclass
class Stopper:
    """Ends processes with SIGTERM; counts the ones that needed more than one."""

    lost_sigterms: int = 0
    notes: list[str] = field(default_factory=list)

    def stop(self, proc: subprocess.Popen[bytes], label: str) -> None:
        for attempt in range(3):
            if proc.poll() is not None:
                return
            if attempt < 2:
                proc.send_signal(signal.SIGTERM)
            else:
                proc.kill()
            try:
                proc.wait(3)
            except subprocess.TimeoutExpired:
                if label != BARE:
                    self.lost_sigterms += 1
                continue
            return


def prepare_shared(root: Path, days: int) -> Path:
    """A data folder in the steady state of a computer sharing a folder with two others,
    `days` days each (benchmarks/sharing.py, in a process of its own); its path."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.sharing", str(root), "--days", str(days),
         "--settings", json.dumps(IDLE_SETTINGS)],
        cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
        text=True, timeout=900, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.sharing failed:\n{done.stderr[-3000:]}")
    return Path(json.loads(done.stdout.strip().splitlines()[-1])["data"])


def measure_startup(
    xs: XSession, runs: int, warmup: int, stopper: Stopper, shared_data: Path | None = None,
) -> dict[str, list[float]]:
    """Process start → tray icon embedded and viewable, in ms; bare and app alternate (and
    the app sharing a folder, with `shared_data`: one data folder, started again each time,
    as a computer that shares starts every day)."""
    kinds = (BARE, APP) if shared_data is None else (BARE, APP, SHARED)
    results: dict[str, list[float]] = {which: [] for which in kinds}
    watcher = TrayWatcher(xs.display)
    try:
        with tempfile.TemporaryDirectory(prefix="sb-bench-") as tmp:
            for i in range(warmup + runs):
                order = kinds if i % 2 == 0 else kinds[::-1]
                for which in order:
                    data = (shared_data if which == SHARED and shared_data is not None
                            else fresh_data_dir(Path(tmp), f"{which}-{i}"))
                    watcher.drain()
                    start = time.monotonic()
                    proc = subprocess.Popen(command(which, data), env=xs.env(),
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                    try:
                        shown = watcher.wait_icon_shown(30)
                    except TimeoutError:
                        stopper.stop(proc, which)
                        err = proc.stderr.read().decode() if proc.stderr else ""
                        raise RuntimeError(f"{which}: no tray icon within 30 s\n{err}") from None
                    if i >= warmup:
                        results[which].append((shown - start) * 1000)
                    # Let the event loop start, so the quit request is not lost (see report).
                    time.sleep(0.3)
                    stopper.stop(proc, which)
                    if proc.stderr:
                        proc.stderr.close()
    finally:
        watcher.close()
    return results


def _read_kb(pid: int, keys: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in keys:
            out[name] = float(rest.split()[0])
    return out


def memory_mb(pid: int) -> dict[str, float]:
    kb = _read_kb(pid, ("Rss", "Pss"))
    return {"rss_mb": kb["Rss"] / 1024, "pss_mb": kb["Pss"] / 1024}


class ThreadCounters:
    """CPU time and context switches of every thread a process has had while watched.

    The per-thread counters vanish when a thread ends (Qt's thread pool lets idle threads go
    after 30 s), so the last value seen of each thread is kept; `sample()` is called often.
    Reading /proc does not wake the process.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.last: dict[int, tuple[int, int]] = {}  # tid -> (cpu ns, switches)
        self.ended = 0
        self.started = 0

    def sample(self) -> None:
        seen: set[int] = set()
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            try:
                status = (task / "status").read_text()
                cpu_ns = int((task / "schedstat").read_text().split()[0])
            except OSError:
                continue  # a thread that just ended
            switches = 0
            for line in status.splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    switches += int(line.split()[1])
            tid = int(task.name)
            seen.add(tid)
            if tid not in self.last and self.last:
                self.started += 1
            self.last[tid] = (cpu_ns, switches)
        self.threads = len(seen)
        self.ended = len(set(self.last) - seen)

    def totals(self) -> tuple[float, int]:
        """(CPU seconds, context switches) summed over every thread seen."""
        return (sum(c for c, _ in self.last.values()) / 1e9,
                sum(s for _, s in self.last.values()))


def measure_idle(
    xs: XSession, settle_s: float, window_s: float, stopper: Stopper,
    shared_data: Path | None = None,
) -> dict[str, dict[str, float]]:
    """Both apps started side by side on the X display, each once its tray icon shows."""
    watcher = TrayWatcher(xs.display)

    def start(which: str, data: Path) -> subprocess.Popen[bytes]:
        watcher.drain()
        proc = subprocess.Popen(command(which, data), env=xs.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        watcher.wait_icon_shown(30)
        return proc

    try:
        return idle_side_by_side(start, settle_s, window_s, stopper, shared_data)
    finally:
        watcher.close()


def idle_side_by_side(
    start: Callable[[str, Path], subprocess.Popen[bytes]], settle_s: float, window_s: float,
    stopper: Stopper, shared_data: Path | None = None,
) -> dict[str, dict[str, float]]:
    """The bare tray and the app (and with `shared_data` the app sharing a folder), each
    started by `start` (which returns once it is up); memory after `settle_s`, then CPU and
    context switches over `window_s` of idling, all side by side."""
    results: dict[str, dict[str, float]] = {}
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="sb-bench-") as tmp:
            for which in (BARE, APP) if shared_data is None else (BARE, APP, SHARED):
                data = (shared_data if which == SHARED and shared_data is not None
                        else fresh_data_dir(Path(tmp), f"idle-{which}"))
                procs[which] = start(which, data)
            time.sleep(settle_s)
            counters = {which: ThreadCounters(proc.pid) for which, proc in procs.items()}
            before: dict[str, tuple[float, int]] = {}
            for which, proc in procs.items():
                results[which] = memory_mb(proc.pid)
                counters[which].sample()
                before[which] = counters[which].totals()
            end = time.monotonic() + window_s
            while time.monotonic() < end:
                time.sleep(min(0.2, max(0.0, end - time.monotonic())))
                for counter in counters.values():
                    counter.sample()
            for which, proc in procs.items():
                if proc.poll() is not None:
                    raise RuntimeError(f"{which} ended while idling")
                counter = counters[which]
                cpu, switches = counter.totals()
                per_min = 60.0 / window_s
                results[which]["cpu_ms_per_min"] = (cpu - before[which][0]) * 1000 * per_min
                results[which]["wakeups_per_min"] = (switches - before[which][1]) * per_min
                results[which]["threads"] = float(counter.threads)
                results[which]["threads_ended"] = float(counter.ended)
                results[which]["threads_started"] = float(counter.started)
                results[which]["inotify_watches"] = float(inotify_watches(proc.pid))
    finally:
        for which, proc in procs.items():
            stopper.stop(proc, which)
    return results


def inotify_watches(pid: int) -> int:
    """How many paths the process watches through inotify (QFileSystemWatcher on Linux): the
    shared folder is watched, not polled."""
    count = 0
    for info in Path(f"/proc/{pid}/fdinfo").iterdir():
        try:
            count += info.read_text().count("inotify wd:")
        except OSError:
            continue  # a descriptor closed meanwhile
    return count


def run(quick: bool) -> dict[str, Any]:
    stopper = Stopper()
    shared_days = 365 if quick else 10 * 365 + 2
    with XSession() as xs, tempfile.TemporaryDirectory(prefix="sb-bench-shared-") as shared:
        began = time.monotonic()
        shared_data = prepare_shared(Path(shared), shared_days)
        prepare_s = time.monotonic() - began
        startup = measure_startup(xs, runs=3 if quick else 9, warmup=1 if quick else 2,
                                  stopper=stopper, shared_data=shared_data)
        # Idle starts once start-up has finished: the app looks for its idle and presence
        # sources 3 s after the schedule starts (app/gate.py), a one-time cost that a 3 s
        # settle caught on a slower machine (15 context switches, ~35 ms of CPU).
        idle = measure_idle(xs, settle_s=6.0 if quick else 10.0,
                            window_s=10.0 if quick else 60.0, stopper=stopper,
                            shared_data=shared_data)
        display = xs.display
    return {
        "shared_days": shared_days,
        "shared_prepare_s": prepare_s,
        "display": display,
        "startup_ms": {k: statistics.median(v) for k, v in startup.items()},
        "startup_runs_ms": startup,
        "idle": idle,
        "lost_sigterms": stopper.lost_sigterms,
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=1))
