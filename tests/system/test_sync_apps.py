"""Issue 18 end to end: two real app instances (own data folders, as two computers would have)
whose shared folders two real Syncthing instances keep in step (tests/system/syncthing.py).

A pause recorded in app A is in app B's `stressbreak export` once Syncthing has carried A's
segment over; pauses recorded on both sides while one Syncthing is stopped are in both exports
after it runs again, each once.

A pause is recorded the way test_app_process does it: `stressbreak pause`, then `quit` while it
is under way, which records it as ended early (`sync_apps.App.record_a_pause`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.sync_apps import App, ids
from tests.system.syncthing import (  # the fixture syncthing_pair too
    WAIT_S,
    Pair,
    syncthing_pair,  # noqa: F401
    wait_until,
)


@pytest.fixture
def apps(syncthing_pair: Pair, tmp_path: Path) -> Iterator[tuple[App, App]]:  # noqa: F811
    a = App("a", tmp_path / "app-a", syncthing_pair.a.folder, wait_s=WAIT_S)
    b = App("b", tmp_path / "app-b", syncthing_pair.b.folder, wait_s=WAIT_S)
    try:
        a.start()
        b.start()
        yield a, b
    finally:
        for app in (a, b):
            app.close()


def wait_for_records(app: App, expected: set[str]) -> float:
    """Until `app`'s export holds exactly `expected` (each once); the seconds it took."""
    started = time.monotonic()
    wait_until(f"app {app.name}'s export to hold {len(expected)} records",
               lambda: ids(app.exported()) == sorted(expected), WAIT_S)
    return time.monotonic() - started


def test_a_pause_in_a_is_in_bs_export(syncthing_pair: Pair, apps: tuple[App, App]) -> None:  # noqa: F811
    a, b = apps
    a.record_a_pause()
    made = a.exported()
    assert len(made) == 1
    assert made[0].computer == a.computer_id

    delay = wait_for_records(b, set(ids(made)))
    print(f"a's pause in b's export {delay:.2f} s after a quit")
    assert b.exported() == made  # the same record, its origin kept


def test_pauses_on_both_sides_while_down_are_in_both_once(
        syncthing_pair: Pair, apps: tuple[App, App]) -> None:  # noqa: F811
    a, b = apps
    a.record_a_pause()
    a.start()
    first = set(ids(a.exported()))
    wait_for_records(b, first)

    syncthing_pair.b.stop()  # the link is down
    a.record_a_pause()
    b.record_a_pause()
    a.start()
    b.start()
    assert len(a.exported()) == 2
    assert len(b.exported()) == 2

    restarted = time.monotonic()
    syncthing_pair.b.start()
    syncthing_pair.wait_connected()
    everything = set(ids(a.exported())) | set(ids(b.exported()))
    assert len(everything) == 3
    for app in apps:
        wait_for_records(app, everything)
    print(f"all three pauses in both exports {time.monotonic() - restarted:.2f} s after "
          f"syncthing b started again")
    syncthing_pair.wait_in_sync()
    for app in apps:
        assert ids(app.exported()) == sorted(everything)  # nothing twice, nothing lost
