"""What the running app keeps loaded all day: not asyncio, ssl, OpenSSL's hashing, the XML
parser (plistlib, for macOS' autostart file only), nor (on Linux and macOS) QtNetwork.

Each of these costs resident memory for as long as the tray icon lives (benchmarks/ measures
how much). Checked in a fresh interpreter, because the test process itself imports anything.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# What app._build imports and starts, without a display: the modules, the scheduler class
# (which imports APScheduler) and the command channel's name (which used to need hashlib).
_LOAD_THE_APP = """
import json, sys
from pathlib import Path
import stressbreak.app, stressbreak.controller, stressbreak.services.cues
import stressbreak.services.instance
from stressbreak.services.lock import server_name
from stressbreak.services.scheduler import single_timer_scheduler_class
single_timer_scheduler_class()
server_name(Path("."))
loaded = sorted(m for m in ("asyncio", "ssl", "_ssl", "hashlib", "_hashlib",
                            "PySide6.QtNetwork", "plistlib", "pyexpat") if m in sys.modules)
"""


def _run(code: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_running_app_loads_no_asyncio_ssl_openssl_hashing_or_qtnetwork() -> None:
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


def test_an_apscheduler_that_needs_more_of_asyncio_still_imports() -> None:
    # A later APScheduler might use more of asyncio while it is imported: then the stand-in
    # is dropped and the real asyncio is used. Simulated by a finder that makes the import of
    # apscheduler.util reach for asyncio.get_event_loop first.
    result = _run("""
import importlib.abc, importlib.util, json, sys

class NeedsMoreAsyncio(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "apscheduler.util":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        sys.meta_path.insert(0, self)
        real_exec = spec.loader.exec_module
        def exec_module(module):
            from asyncio import get_event_loop  # not in the stand-in
            real_exec(module)
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, NeedsMoreAsyncio())
from stressbreak.services.scheduler import single_timer_scheduler_class
cls = single_timer_scheduler_class()
import asyncio
print(json.dumps({"scheduler": cls.__name__, "asyncio_is_real": hasattr(asyncio, "run")}))
""")
    assert result == {"scheduler": "SingleTimerQtScheduler", "asyncio_is_real": True}
