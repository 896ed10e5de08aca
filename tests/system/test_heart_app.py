"""Issue 19, end to end: the real app, with a heart-rate strap chosen in its settings, opens a
pause; QtBluetooth (unmodified) finds the stand-in BlueZ's strap on a private system bus,
connects, subscribes and the pause shows its rhythm; the stand-in then goes away mid-pause, and
the pause goes on to its end and is recorded with the figures of the beats that came.

Real time: the pause lasts its minute (about 75 s in all). Debian packages: dbus, xvfb,
trayer, xdotool, imagemagick (for the picture, when STRESSBREAK_SHOTS names a folder).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.system.xdisplay import app_status, missing_tools, run, virtual_desktop, wait_for

pytestmark = pytest.mark.skipif(
    bool(missing_tools()), reason=f"needs {', '.join(missing_tools())} (see .ci/run)")
pytest.importorskip("jeepney", reason="the stand-in BlueZ speaks D-Bus through jeepney")

from tests.system.fake_bluez import (  # noqa: E402
    STRAP_ADDRESS,
    STRAP_NAME,
    private_system_bus,
    start_stand_in,
)


def _pauses(data: Path) -> list[dict[str, Any]]:
    found = []
    for month in data.glob("journal-*.json"):
        records = json.loads(month.read_text()).get("records", {})
        found += [r for r in records.values() if r.get("kind") == "pause"]
    return found


def test_a_pause_shows_the_strap_and_goes_on_when_the_strap_goes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "settings.json").write_text(json.dumps({
        "language": "en", "native_notifications": False,
        "heart_sensor": f"{STRAP_ADDRESS} {STRAP_NAME}"}))
    app = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
    with private_system_bus(tmp_path) as bus, virtual_desktop() as desktop:
        env = {**desktop, "DBUS_SYSTEM_BUS_ADDRESS": bus}
        stand_in = start_stand_in(bus, tmp_path)
        process = subprocess.Popen(app, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        try:
            wait_for(lambda: process.poll() is not None or subprocess.run(
                [*app, "status"], env=env, capture_output=True, timeout=30,
                check=False).returncode == 0)
            assert process.poll() is None
            assert app_status(app, env)["heart"] is None  # no pause, no strap in use
            subprocess.run([*app, "pause"], env=env, check=True, timeout=30,
                           capture_output=True)
            wait_for(lambda: app_status(app, env)["heart"] == "receiving", timeout_s=30)
            receiving_since = time.monotonic()
            # Some breaths' worth of beats, for the wave and the figures.
            wait_for(lambda: time.monotonic() - receiving_since > 25, timeout_s=40)
            shots = os.environ.get("STRESSBREAK_SHOTS")
            if shots and shutil.which("import"):
                run(env, "import", "-window", "root", str(Path(shots) / "heart-pause-x11.png"))

            stand_in.terminate()  # the strap goes away: BlueZ itself is gone
            stand_in.wait(10)
            wait_for(lambda: app_status(app, env)["heart"] == "lost", timeout_s=30)
            assert app_status(app, env)["pause_running"]  # the pause goes on

            wait_for(lambda: bool(_pauses(data)), timeout_s=90)
            [pause] = _pauses(data)
            assert pause["outcome"] == "completed"
            assert pause["duration_s"] >= 55
            heart = pause["heart"]
            assert "poor" not in heart
            assert 40 <= heart["hr"] <= 120
            assert heart["rmssd_ms"] > 0
            assert app_status(app, env)["heart"] is None
        finally:
            if stand_in.poll() is None:
                stand_in.kill()
            subprocess.run([*app, "quit"], env=env, timeout=30, capture_output=True,
                           check=False)
            output = process.communicate(timeout=30)[0]
        assert process.returncode == 0, output
        assert "Traceback" not in output, output
