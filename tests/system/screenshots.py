"""Screenshots of the real app under Xvfb with a tray host, for the README and for looking.

    python tests/system/screenshots.py docs/screenshots

Needs Debian's xvfb, trayer, xdotool and imagemagick. It starts its own X display, a tray
(trayer), and StressBreak with a throwaway data folder whose journal makes a pause due at once,
so the reminder is the app's own, not a staged widget.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

DISPLAY = ":97"
SIZE = "1024x700x24"


def sh(*args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    return subprocess.run(args, capture_output=True, text=True, env=env, check=check).stdout


def wait_for(predicate, timeout_s: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting")
        time.sleep(0.2)


def seed(data: Path) -> None:
    """Settings that make every moment a working moment, and a pause 61 minutes ago."""
    data.mkdir(parents=True, mode=0o700)
    (data / "settings.json").write_text(json.dumps({
        "work_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "work_start": "00:00", "work_end": "23:59", "native_notifications": False,
    }))
    end = datetime.now().astimezone() - timedelta(minutes=61)
    start = end - timedelta(minutes=1)
    record = {"kind": "pause", "v": 1, "id": "seed", "started_at": start.isoformat(),
              "ended_at": end.isoformat(), "outcome": "completed", "duration_s": 60.0,
              "exercise": "coherent"}
    name = f"journal-{start:%Y-%m}.json"
    (data / name).write_text(json.dumps({"records": {"1": record}}))


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DISPLAY=DISPLAY, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    procs: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        seed(data)
        app_cmd = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
        try:
            procs.append(subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", SIZE, "-nolisten",
                                           "tcp"]))
            wait_for(lambda: subprocess.run(["xdpyinfo"], env=env, capture_output=True,
                                            check=False).returncode == 0)
            # A plain grey desk so the windows stand out.
            sh("xsetroot", "-solid", "#5c6b73", env=env, check=False)
            procs.append(subprocess.Popen(["trayer", "--edge", "bottom", "--align", "right",
                                           "--widthtype", "pixel", "--width", "120",
                                           "--height", "28", "--tint", "0xdddddd",
                                           "--transparent", "true", "--alpha", "0"], env=env))
            time.sleep(1.0)
            procs.append(subprocess.Popen(app_cmd, env=env))

            def reminder_shown() -> bool:
                return bool(sh("xdotool", "search", "--name", "StressBreak reminder",
                               env=env, check=False).strip())

            wait_for(reminder_shown)
            time.sleep(0.8)
            sh("import", "-window", "root", str(out / "reminder.png"), env=env)

            # Click the reminder's body: the pause starts.
            win = sh("xdotool", "search", "--name", "StressBreak reminder", env=env).split()[0]
            geometry = sh("xdotool", "getwindowgeometry", "--shell", win, env=env)
            g = dict(line.split("=") for line in geometry.split())
            sh("xdotool", "mousemove", str(int(g["X"]) + 20), str(int(g["Y"]) + 12), "click",
               "1", env=env)
            time.sleep(3.0)
            sh("import", "-window", "root", str(out / "pause.png"), env=env)

            # The tray menu: right-click the icon (trayer packs it at its right end).
            tray = sh("xdotool", "search", "--class", "trayer", env=env).split()[0]
            geometry = sh("xdotool", "getwindowgeometry", "--shell", tray, env=env)
            g = dict(line.split("=") for line in geometry.split())
            x = int(g["X"]) + int(g["WIDTH"]) - 13
            y = int(g["Y"]) + int(g["HEIGHT"]) // 2
            sh("xdotool", "mousemove", str(x), str(y), "click", "3", env=env)
            time.sleep(0.8)
            sh("import", "-window", "root", str(out / "tray-menu.png"), env=env)
            sh("xdotool", "key", "Escape", env=env)
            time.sleep(0.3)

            subprocess.run([*app_cmd, "checkin"], env=env, check=True, capture_output=True)
            time.sleep(1.0)
            sh("import", "-window", "root", str(out / "stress-meter.png"), env=env)
            sh("xdotool", "key", "Escape", env=env)

            subprocess.run([*app_cmd, "overview"], env=env, check=True, capture_output=True)
            time.sleep(1.0)
            sh("import", "-window", "root", str(out / "overview.png"), env=env)
            subprocess.run([*app_cmd, "quit"], env=env, check=True, capture_output=True)
            procs[2].wait(timeout=20)
        finally:
            for proc in reversed(procs):
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=10)
    print("screenshots written to", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
