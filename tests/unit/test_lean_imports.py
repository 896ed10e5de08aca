"""What the running app keeps loaded all day.

Our own code loads none of: asyncio, ssl, OpenSSL's hashing, the XML parser (plistlib, for
macOS' autostart file only), importlib.metadata, multiprocessing, tzlocal, uuid, subprocess
(short commands run through QProcess), nor (on Linux and macOS) QtNetwork, nor QtBluetooth
(until a heart-rate strap is looked for: services/heart_sensor.py). APScheduler, imported
plainly when the scheduler starts, brings some of them back (APSCHEDULER_BRINGS) and still
works as everywhere else in the process.

Each of these costs resident memory for as long as the tray icon lives (benchmarks/ measures
how much). Checked in a fresh interpreter, because the test process itself imports anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_WATCHED = ("asyncio", "ssl", "_ssl", "hashlib", "_hashlib", "PySide6.QtNetwork", "plistlib",
            "pyexpat", "importlib.metadata", "email", "multiprocessing",
            "concurrent.futures.process", "tzlocal", "importlib.resources", "uuid", "subprocess",
            "PySide6.QtBluetooth")

# What APScheduler 3.11's plain import of its scheduler core brings, and why. Keeping them out
# took stand-in modules in sys.modules while it imported, which fooled APScheduler
# (docs/ARCHITECTURE.md, rules of the house); docs/PERFORMANCE.md has what they cost.
APSCHEDULER_BRINGS = sorted([
    # apscheduler/__init__ reads its own version, and BaseScheduler's class body reads the entry
    # points that turn trigger and executor names ("date", "interval") into classes. Reading
    # distribution metadata loads the email parser and importlib.resources.
    "importlib.metadata", "email", "importlib.resources",
    # apscheduler.executors.pool (imported by schedulers.base) offers a process-pool executor.
    "multiprocessing", "concurrent.futures.process",
    # schedulers.base and the triggers import get_localzone, for a scheduler given no zone.
    "tzlocal",
    # apscheduler.job makes ids for jobs added without one.
    "uuid",
    # apscheduler.util takes iscoroutinefunction from asyncio below Python 3.14; asyncio loads
    # ssl (OpenSSL) and subprocess.
    *(["asyncio", "ssl", "_ssl", "subprocess"] if sys.version_info < (3, 14) else []),
])

# What app/startup.py's assemble() imports, without a display, and the command channel's name
# (which used to need hashlib). The scheduler module is imported, but not APScheduler: that
# waits for start().
_LOAD_OUR_CODE = f"""
import json, sys
from pathlib import Path
import stressbreak.app.startup, stressbreak.app.controller, stressbreak.services.cues
import stressbreak.services.instance
from stressbreak.services.lock import server_name
from stressbreak.services.scheduler import single_timer_scheduler_class
server_name(Path("."))
WATCHED = {_WATCHED!r}
"""

# ... and what Scheduler.start() adds: APScheduler, then the scheduler's precise timer.
_LOAD_THE_APP = _LOAD_OUR_CODE + """
single_timer_scheduler_class()
from apscheduler.triggers.date import DateTrigger
loaded = sorted(m for m in WATCHED if m in sys.modules)
import enum, gc
from PySide6.QtCore import QCoreApplication, QTimer
qapp = QCoreApplication([])
single_timer_scheduler_class()(timezone="UTC")  # its precise timer
if any(isinstance(o, enum.EnumMeta) and o.__qualname__ == "Qt.Key" for o in gc.get_objects()):
    loaded.append("the Qt namespace's enums")
"""


def _run(code: str, env: dict[str, str] | None = None) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=False, env=env)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_our_own_code_loads_none_of_them() -> None:
    result = _run(_LOAD_OUR_CODE + """
print(json.dumps({"loaded": sorted(m for m in WATCHED if m in sys.modules),
                  "apscheduler": "apscheduler" in sys.modules}))
""")
    assert result == {"loaded": [], "apscheduler": False}


def test_sharing_a_folder_costs_nothing_until_a_folder_is_shared() -> None:
    sharing = ("stressbreak.app.sync", "stressbreak.services.shared_folder",
               "stressbreak.core.sync")
    result = _run(_LOAD_OUR_CODE + f"""
before = sorted(m for m in {sharing!r} if m in sys.modules)
import stressbreak.app.sync
print(json.dumps({{"before": before, "with_it": sorted(m for m in WATCHED if m in sys.modules)}}))
""")
    assert result == {"before": [], "with_it": []}


def test_the_pace_finder_costs_nothing_until_it_is_opened() -> None:
    heart = ("stressbreak.core.heart", "stressbreak.core.resonance",
             "stressbreak.ui.pace_finder", "stressbreak.services.heart_source", "statistics")
    result = _run(_LOAD_OUR_CODE + f"""
print(json.dumps({{"loaded": sorted(m for m in {heart!r} if m in sys.modules)}}))
""")
    assert result == {"loaded": []}


def test_a_heart_rate_sensor_loads_qtbluetooth_only_when_started() -> None:
    result = _run("""
import json, sys
from PySide6.QtCore import QCoreApplication
from stressbreak.services.heart_sensor import BluetoothHeartSensor, HeartSensorScan
qapp = QCoreApplication([])
sensor, scan = BluetoothHeartSensor("C0:FF:EE:00:18:0D"), HeartSensorScan()
sensor.stop()
scan.stop()
print(json.dumps({"loaded": "PySide6.QtBluetooth" in sys.modules}))
""")
    assert result == {"loaded": False}


def test_the_running_app_loads_only_what_apscheduler_brings() -> None:
    result = _run(_LOAD_THE_APP + "print(json.dumps({'loaded': loaded}))")
    # Exactly these: a module more is a new cost to look at; one less, a list to update.
    assert result["loaded"] == APSCHEDULER_BRINGS


def test_apscheduler_resolves_trigger_names_for_any_scheduler_afterwards() -> None:
    # Once the app had imported APScheduler, its trigger tables used to stay empty for the
    # whole process: another scheduler's add_job(f, "interval") raised LookupError.
    result = _run(_LOAD_THE_APP + """
import threading
from apscheduler.schedulers.background import BackgroundScheduler
runs = []
twice = threading.Event()
def job():
    runs.append(1)
    if len(runs) >= 2:
        twice.set()
other = BackgroundScheduler(timezone="UTC")
interval = other.add_job(job, "interval", seconds=0.05)
cron = other.add_job(job, "cron", hour=3)
ours = single_timer_scheduler_class()(timezone="UTC").add_job(job, "interval", minutes=5)
other.start()
ran_twice = twice.wait(10)
other.shutdown()
print(json.dumps({"triggers": [type(j.trigger).__name__ for j in (interval, cron, ours)],
                  "ran_twice": ran_twice}))
""")
    assert result == {"triggers": ["IntervalTrigger", "CronTrigger", "IntervalTrigger"],
                      "ran_twice": True}


def test_the_local_zone_from_tz_needs_neither_tzlocal_nor_tzdata() -> None:
    # `stressbreak export` reads the zone but never imports APScheduler: there this still
    # keeps tzlocal and the tzdata lookup (importlib.resources, tempfile) out.
    if not Path("/usr/share/zoneinfo/Europe/Amsterdam").is_file():
        pytest.skip("needs the system's zone files (Debian: tzdata)")
    result = _run("""
import json, sys
from stressbreak.services.localzone import local_zone
zone = local_zone()
print(json.dumps({"zone": str(zone),
                  "loaded": sorted(m for m in ("tzlocal", "importlib.resources")
                                   if m in sys.modules)}))
""", env={**os.environ, "TZ": "Europe/Amsterdam"})
    assert result == {"zone": "Europe/Amsterdam", "loaded": []}


def test_module_sources_read_by_pyside6_are_not_kept() -> None:
    result = _run("""
import json, linecache, os, sys, traceback
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore
import colorsys  # any module imported after PySide6: PySide6 reads its source
pyside_reads = colorsys.__file__ in linecache.cache
from stressbreak.app.startup import _detect_sources, forget_module_sources
import stressbreak.app.controller
before = len(linecache.cache)
_detect_sources()  # imports and probes, then forgets what was read
after_probes = len(linecache.cache)
import wave  # read again by PySide6 ...
forget_module_sources()  # ... and forgotten
after = len(linecache.cache)
try:
    colorsys.rgb_to_hls(None, 0, 0)
except TypeError:
    shown = traceback.format_exc()  # a traceback still shows its lines, read afresh
print(json.dumps({"pyside_reads": pyside_reads, "before": before > 50,
                  "after_probes": after_probes, "after": after,
                  "source_in_traceback": "maxc = max(r, g, b)" in shown}))
""")
    assert result == {"pyside_reads": True, "before": True, "after_probes": 0, "after": 0,
                      "source_in_traceback": True}
