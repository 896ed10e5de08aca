"""What the running app keeps loaded all day: not asyncio, ssl, OpenSSL's hashing, the XML
parser (plistlib, for macOS' autostart file only), importlib.metadata, multiprocessing,
tzlocal, nor (on Linux and macOS) QtNetwork; and APScheduler works as usual without them.

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

# What app/startup.py's assemble() imports and starts, without a display: the modules, the
# scheduler class (which imports APScheduler) and the command channel's name (which used to
# need hashlib).
_LOAD_THE_APP = """
import json, sys
from pathlib import Path
import stressbreak.app.startup, stressbreak.app.controller, stressbreak.services.cues
import stressbreak.services.instance
from stressbreak.services.lock import server_name
from stressbreak.services.scheduler import single_timer_scheduler_class
single_timer_scheduler_class()
server_name(Path("."))
from apscheduler.triggers.date import DateTrigger
loaded = sorted(m for m in ("asyncio", "ssl", "_ssl", "hashlib", "_hashlib",
                            "PySide6.QtNetwork", "plistlib", "pyexpat", "importlib.metadata",
                            "email", "multiprocessing", "concurrent.futures.process",
                            "tzlocal", "importlib.resources", "uuid", "subprocess")
          if m in sys.modules)
import enum, gc
from PySide6.QtCore import QCoreApplication, QTimer
qapp = QCoreApplication([])
single_timer_scheduler_class()(timezone="UTC")  # its precise timer
if any(isinstance(o, enum.EnumMeta) and o.__qualname__ == "Qt.Key" for o in gc.get_objects()):
    loaded.append("the Qt namespace's enums")
"""


def _run(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_running_app_loads_none_of_them() -> None:
    result = _run(_LOAD_THE_APP + "print(json.dumps({'loaded': loaded}))")
    assert result["loaded"] == []


def test_apscheduler_and_asyncio_work_as_usual_afterwards() -> None:
    result = _run(_LOAD_THE_APP + """
import asyncio, apscheduler.util
async def coroutine(): pass
def plain(): pass
print(json.dumps({
    "asyncio_is_real": asyncio.run(coroutine()) is None,
    "coroutine_seen": apscheduler.util.iscoroutinefunction_partial(coroutine),
    "plain_seen": apscheduler.util.iscoroutinefunction_partial(plain),
}))
""")
    assert result == {"asyncio_is_real": True, "coroutine_seen": True, "plain_seen": False}


def test_apscheduler_knows_its_version_and_its_stand_ins_reach_the_real_modules() -> None:
    result = _run(_LOAD_THE_APP + """
import apscheduler, apscheduler.job, apscheduler.executors.pool as pool
import apscheduler.schedulers.base as base
import importlib.metadata, tzlocal
print(json.dumps({
    "version": apscheduler.__version__,
    "real_version": importlib.metadata.version("APScheduler"),
    "plugins": [base.BaseScheduler._trigger_plugins, base.BaseScheduler._executor_plugins],
    "multiprocessing": pool.multiprocessing.get_context is not None,
    "localzone": str(base.get_localzone()) == str(tzlocal.get_localzone()),
    "job_id": len(apscheduler.job.uuid4().hex),
}))
""")
    assert result["version"] == result["real_version"]
    assert result["plugins"] == [{}, {}]  # names are never used: objects are passed
    assert result["multiprocessing"] is True
    assert result["localzone"] is True
    assert result["job_id"] == 32  # a job added without an id still gets one


_NEEDS_MORE = """
import importlib.abc, importlib.util, json, sys

class NeedsMore(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != MODULE:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        sys.meta_path.insert(0, self)
        real_exec = spec.loader.exec_module
        def exec_module(module):
            exec(STATEMENT, {})  # something the stand-in does not offer
            real_exec(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, NeedsMore())
from stressbreak.services.scheduler import single_timer_scheduler_class
cls = single_timer_scheduler_class()
import apscheduler.triggers.date
REAL = importlib.import_module(STATEMENT.split()[1])
print(json.dumps({"scheduler": cls.__name__, "real": hasattr(REAL, ATTRIBUTE)}))
"""


@pytest.mark.parametrize(("module", "statement", "attribute"), [
    ("apscheduler.util", "from asyncio import get_event_loop", "run"),
    ("apscheduler", "from importlib.metadata import distributions", "distributions"),
    ("apscheduler.schedulers.base", "from importlib.metadata import distributions",
     "distributions"),
    ("apscheduler.executors.pool", "from concurrent.futures.process import _MAX_WINDOWS_WORKERS",
     "ProcessPoolExecutor"),
    ("apscheduler.triggers.date", "from tzlocal import get_localzone_name", "get_localzone_name"),
    ("apscheduler.job", "from uuid import uuid1", "uuid1"),
])
def test_an_apscheduler_that_needs_more_of_a_module_still_imports(
    module: str, statement: str, attribute: str
) -> None:
    # A later APScheduler might use more of a module than its stand-in offers while it is
    # imported: then the stand-in is dropped and the real module is used, at a cost in
    # memory. Simulated by a finder that makes the import of `module` run `statement` first.
    result = _run(f"MODULE, STATEMENT, ATTRIBUTE = {module!r}, {statement!r}, {attribute!r}\n"
                  "import importlib\n" + _NEEDS_MORE)
    assert result == {"scheduler": "SingleTimerQtScheduler", "real": True}


def test_the_local_zone_from_tz_needs_neither_tzlocal_nor_tzdata() -> None:
    if not Path("/usr/share/zoneinfo/Europe/Amsterdam").is_file():
        pytest.skip("needs the system's zone files (Debian: tzdata)")
    done = subprocess.run(
        [sys.executable, "-c", "import json, sys\n"
         "from stressbreak.services.localzone import local_zone\n"
         "zone = local_zone()\n"
         "print(json.dumps([str(zone), sorted(m for m in ('tzlocal', 'importlib.resources')"
         " if m in sys.modules)]))"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "TZ": "Europe/Amsterdam"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["Europe/Amsterdam", []]


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


def test_a_module_loaded_already_leaves_the_other_stand_ins_in_place() -> None:
    # On a machine whose zone only tzlocal can find, tzlocal is loaded before the scheduler:
    # importlib.metadata must still stay out.
    result = _run("""
import json, sys, tzlocal
from stressbreak.services.scheduler import single_timer_scheduler_class
single_timer_scheduler_class()
import apscheduler.schedulers.base as base
print(json.dumps({"loaded": [m for m in ("importlib.metadata", "email") if m in sys.modules],
                  "real_tzlocal": base.get_localzone is tzlocal.get_localzone}))
""")
    assert result == {"loaded": [], "real_tzlocal": True}
