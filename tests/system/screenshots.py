"""Screenshots of the real app under Xvfb with a tray host, for the README and for looking.

    python -m tests.system.screenshots docs/screenshots

Needs Debian's xvfb, trayer, xdotool, x11-utils and imagemagick. It starts its own X display,
a tray (trayer), and StressBreak with a throwaway data folder whose journal makes a pause due
at once, so the reminder is the app's own, not a staged widget.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.system.xdisplay import (
    REMINDER_TITLE,
    click,
    find_window,
    geometry,
    run,
    seed_due_pause,
    tray_panel,
    virtual_desktop,
    wait_for,
)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, virtual_desktop() as env:
        data = Path(tmp) / "data"
        seed_due_pause(data)
        app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]

        def shoot(name: str) -> None:
            time.sleep(0.8)  # let the window finish drawing
            run(env, "import", "-window", "root", str(out / name))

        run(env, "xsetroot", "-solid", "#5c6b73", check=False)  # a quiet desk
        process = subprocess.Popen(app, env=env)
        try:
            wait_for(lambda: find_window(env, REMINDER_TITLE) is not None)
            shoot("reminder.png")

            reminder = find_window(env, REMINDER_TITLE)
            assert reminder is not None
            box = geometry(env, reminder)
            click(env, box["X"] + 20, box["Y"] + 12)  # the body starts the pause
            wait_for(lambda: find_window(env, "a minute to breathe") is not None)
            time.sleep(2.0)
            shoot("pause.png")

            # The tray menu: right-click the icon (trayer packs it at its right end).
            box = geometry(env, tray_panel(env))
            click(env, box["X"] + box["WIDTH"] - 13, box["Y"] + box["HEIGHT"] // 2, button=3)
            shoot("tray-menu.png")
            run(env, "xdotool", "key", "Escape")

            subprocess.run([*app, "checkin"], env=env, check=True, capture_output=True)
            shoot("stress-meter.png")
            run(env, "xdotool", "key", "Escape")

            subprocess.run([*app, "overview"], env=env, check=True, capture_output=True)
            shoot("overview.png")
            subprocess.run([*app, "quit"], env=env, check=True, capture_output=True)
            process.wait(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
    print("screenshots written to", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
