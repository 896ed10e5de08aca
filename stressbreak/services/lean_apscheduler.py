"""Imports APScheduler's scheduler core without the modules it loads for parts StressBreak
never uses, which a tray app would otherwise keep in memory all day.

Measured with tracemalloc (Python objects only, Python 3.11, APScheduler 3.11):

- `importlib.metadata`, 3.3 MB, with the `email`, `zipfile` and `csv` packages it imports.
  APScheduler asks it two things at import time: its own version (`apscheduler/__init__`)
  and the entry points behind `BaseScheduler`'s plugin tables, which turn names such as
  "date" into classes. The version is read here from the `.dist-info` folder's name, as
  importlib.metadata would find it; the tables stay empty, because StressBreak passes trigger
  and executor objects, never names (a frozen build has no entry points either).
- `multiprocessing` and `concurrent.futures.process`, 1.4 MB, for APScheduler's process-pool
  executor. `multiprocessing` is a placeholder that imports the real module the first time
  anything is asked of it; `BrokenProcessPool` is a class of the same name.
- `tzlocal`, about 1 MB (its Windows zone tables), for `get_localzone`, which APScheduler
  calls only when it is given no time zone; StressBreak always gives one. The stand-in's
  `get_localzone` imports the real tzlocal when called.
- `uuid`, about 0.5 MB (with `platform` and libuuid), for the ids of jobs added without
  one; StressBreak names its jobs. The stand-in's `uuid4` imports the real uuid when called.
- `asyncio`, for `iscoroutinefunction`, below Python 3.14; asyncio loads ssl and OpenSSL
  (7.5 MB of resident memory). The stand-in offers `inspect.iscoroutinefunction`; APScheduler
  uses it only in its asyncio and Tornado executors.

Each stand-in is in `sys.modules` only while the one APScheduler module that needs it is
imported (everything else that module imports is imported first), so nothing else meets it
and the real module stays importable. Should a later APScheduler want more of a module than
its stand-in offers, the stand-in is dropped and the plain import is made: memory lost,
nothing broken. tests/unit/test_lean_imports.py checks both.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import re
import sys
import types
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor
from typing import Any

log = logging.getLogger(__name__)


def import_apscheduler_lean() -> None:
    """Import what `SingleTimerQtScheduler` needs from APScheduler, leanly (see above)."""
    _import_with_stand_ins("apscheduler", [_metadata_stand_in()], first=())
    lean_asyncio = types.ModuleType("asyncio")
    lean_asyncio.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
    _import_with_stand_ins("apscheduler.util", [lean_asyncio],
                           first=("apscheduler", "calendar", "zoneinfo"))
    process = types.ModuleType("concurrent.futures.process")
    process.BrokenProcessPool = type(  # type: ignore[attr-defined]
        "BrokenProcessPool", (BrokenExecutor,), {"__module__": "concurrent.futures.process"})
    _import_with_stand_ins("apscheduler.executors.pool",
                           [_ImportedOnFirstUse("multiprocessing"), process],
                           first=("concurrent.futures", "apscheduler.executors.base"))
    _import_with_stand_ins("apscheduler.job", [_uuid_stand_in()],
                           first=("apscheduler.triggers.base", "apscheduler.util"))
    _import_with_stand_ins("apscheduler.triggers.date", [_tzlocal_stand_in()],
                           first=("apscheduler.triggers.base", "apscheduler.util"))
    _import_with_stand_ins(
        "apscheduler.schedulers.base", [_metadata_stand_in(), _tzlocal_stand_in()],
        first=("apscheduler.events", "apscheduler.executors.base",
               "apscheduler.executors.pool", "apscheduler.job", "apscheduler.jobstores.base",
               "apscheduler.jobstores.memory", "apscheduler.schedulers",
               "apscheduler.triggers.base", "apscheduler.util"))


def _import_with_stand_ins(
    module: str, stand_ins: Sequence[types.ModuleType], first: tuple[str, ...]
) -> None:
    # A module that is loaded already (tzlocal, when the local zone needed it) saves nothing.
    stand_ins = [stand_in for stand_in in stand_ins if stand_in.__name__ not in sys.modules]
    names = [stand_in.__name__ for stand_in in stand_ins]
    if module in sys.modules or not stand_ins:
        return
    for name in first:
        importlib.import_module(name)
    sys.modules.update({stand_in.__name__: stand_in for stand_in in stand_ins})
    try:
        importlib.import_module(module)
    except (ImportError, AttributeError, TypeError):
        sys.modules.pop(module, None)
        log.debug("%s needs the real %s", module, ", ".join(names), exc_info=True)
    finally:
        for stand_in in stand_ins:
            if sys.modules.get(stand_in.__name__) is stand_in:
                del sys.modules[stand_in.__name__]
            parent, _, child = stand_in.__name__.rpartition(".")
            if parent and getattr(sys.modules.get(parent), child, None) is stand_in:
                delattr(sys.modules[parent], child)
    if module not in sys.modules:
        importlib.import_module(module)  # the plain import, with the real modules


def _uuid_stand_in() -> types.ModuleType:
    stand_in = types.ModuleType("uuid")
    stand_in.uuid4 = _uuid4_of_uuid  # type: ignore[attr-defined]
    return stand_in


def _uuid4_of_uuid() -> Any:
    return importlib.import_module("uuid").uuid4()


def _tzlocal_stand_in() -> types.ModuleType:
    stand_in = types.ModuleType("tzlocal")
    stand_in.get_localzone = _local_zone_of_tzlocal  # type: ignore[attr-defined]
    return stand_in


def _local_zone_of_tzlocal() -> Any:
    return importlib.import_module("tzlocal").get_localzone()


class _PackageNotFoundError(ModuleNotFoundError):
    """importlib.metadata's own is a ModuleNotFoundError too."""


def _metadata_stand_in() -> types.ModuleType:
    stand_in = types.ModuleType("importlib.metadata")
    stand_in.PackageNotFoundError = _PackageNotFoundError  # type: ignore[attr-defined]
    stand_in.version = distribution_version  # type: ignore[attr-defined]
    stand_in.entry_points = _no_entry_points  # type: ignore[attr-defined]
    return stand_in


def _no_entry_points(**_selection: Any) -> tuple[()]:
    return ()


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def distribution_version(name: str, path: Sequence[str] | None = None) -> str:
    """The version of the installed distribution `name`, from its `<name>-<version>.dist-info`
    folder on `path` (default: sys.path), searched in order as importlib.metadata does."""
    wanted = _normalised(name)
    for entry in sys.path if path is None else path:
        try:
            with os.scandir(entry or ".") as items:
                for item in items:
                    stem, _, suffix = item.name.rpartition(".")
                    dist, _, version = stem.partition("-")
                    if suffix == "dist-info" and version and _normalised(dist) == wanted:
                        return version
        except OSError:  # a zip file, or a folder that went away: not where wheels live
            continue
    raise _PackageNotFoundError(name)


class _ImportedOnFirstUse(types.ModuleType):
    """Stands for a module until something is asked of it; then imports the real one."""

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self.__name__), attribute)
