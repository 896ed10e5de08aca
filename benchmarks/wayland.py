"""StressBreak under Wayland: the idle figures of `procs.py` (the bare tray and StressBreak side
by side under headless sway 1.7 with waybar as the tray host) and the pause's pacer, with the
same goals as on X11.

On this compositor the app holds one more thing than on X11: a Wayland connection of its own
for the compositor's idle notifications (services/idle.py), which wakes it only when an idle
spell begins or ends. sway runs as the unprivileged user of the system tests; the start-up of
compositor and bar is borrowed from them (tests/system/sway.py), so this needs what they need:
root, runuser, `stressbreak-ci`, Debian sway, waybar and dbus-daemon.

    python -m benchmarks.wayland [--quick]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import procs
from benchmarks.run import idle_rows, render, section_pacer
from tests.system.sway import app_env, dbus_property, start_sway, why_not

_WATCHER = ("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
            "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.wayland", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a 10 s idle window (else 60 s)")
    args = parser.parse_args(argv)
    missing = why_not(waybar=True)
    if missing:
        print(f"cannot run: {missing}", file=sys.stderr)
        return 1
    settle_s, window_s = (6.0, 10.0) if args.quick else (10.0, 60.0)
    stopper = procs.Stopper()
    with tempfile.TemporaryDirectory(prefix="sb-wayland-") as tmp, \
            start_sway(Path(tmp), waybar=True) as sway:

        def start(which: str, data: Path) -> subprocess.Popen[bytes]:
            runtime = Path(tempfile.mkdtemp(prefix=f"sb-{which}-", dir=tmp))
            before = dbus_property(sway, *_WATCHER)
            proc = subprocess.Popen(procs.command(which, data), env=app_env(sway, runtime),
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 30
            while dbus_property(sway, *_WATCHER) == before:  # its tray item is registered
                if proc.poll() is not None or time.monotonic() > deadline:
                    stopper.stop(proc, which)
                    raise RuntimeError(f"{which}: no tray item with waybar within 30 s")
                time.sleep(0.1)
            return proc

        idle = procs.idle_side_by_side(start, settle_s, window_s, stopper)
        # The pause's pacer as a Wayland client of sway (frame callbacks pace it there).
        pacer = section_pacer(args.quick, app_env(sway, Path(tempfile.mkdtemp(dir=tmp))), {})
    a, b = idle[procs.APP], idle[procs.BARE]
    rows = [*idle_rows(a, b, f"{settle_s:.0f} s", f"{window_s:.0f} s"), *pacer]
    print(render(rows))
    print(f"{'quick' if args.quick else 'full'} run under headless sway 1.7 with waybar, "
          f"QT_QPA_PLATFORM=wayland")
    return 0


if __name__ == "__main__":
    sys.exit(main())
