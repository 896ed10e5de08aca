"""The real app on a real (virtual) X display with a tray host: icon, reminder, pause, quit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system.xdisplay import (
    REMINDER_TITLE,
    click,
    find_window,
    geometry,
    missing_tools,
    run,
    seed_due_pause,
    tray_panel,
    virtual_desktop,
    wait_for,
)

pytestmark = pytest.mark.skipif(
    bool(missing_tools()), reason=f"needs {', '.join(missing_tools())} (see .ci/run)"
)


def test_reminder_click_starts_the_pause_and_quit_is_clean(tmp_path: Path):
    data = tmp_path / "data"
    seed_due_pause(data)
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    with virtual_desktop() as env:
        process = subprocess.Popen(app, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        try:
            # The tray icon is embedded in trayer, and the due reminder appears on its own.
            wait_for(lambda: find_window(env, REMINDER_TITLE) is not None)
            status = subprocess.run([*app, "status"], env=env, capture_output=True, text=True,
                                    check=True, timeout=30)
            assert "StressBreak" in status.stdout
            tree = run(env, "xwininfo", "-tree", "-id", tray_panel(env))
            assert '"StressBreak"' in tree  # our icon is embedded in the tray

            reminder = find_window(env, REMINDER_TITLE)
            assert reminder is not None
            box = geometry(env, reminder)
            click(env, box["X"] + 20, box["Y"] + 12)  # the body, not a button
            wait_for(lambda: find_window(env, "a minute to breathe") is not None)
            assert find_window(env, REMINDER_TITLE) is None

            subprocess.run([*app, "quit"], env=env, check=True, timeout=30,
                           capture_output=True)
            output = process.communicate(timeout=30)[0]
            assert process.returncode == 0, output
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    records = [
        record
        for path in data.glob("journal-*.json")
        for record in json.loads(path.read_text())["records"].values()
    ]
    assert sorted(r["outcome"] for r in records) == ["completed", "ended_early"]
