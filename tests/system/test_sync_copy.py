"""Issue 18 with two real app instances and a copy step standing in for the sync tool.

Each app is its own "computer": its own home, data folder, runtime folder (command channel)
and shared folder. `Mirror` carries the files of one shared `StressBreak/` to the other as a
sync tool does: a temp file next to the target, renamed over it (and a file gone on one side
goes on the other). So what is shown here hangs on the app alone, not on a sync tool's timing:

- a pause taken in A moves B's next reminder (`stressbreak status --json`);
- a segment that arrives half-written is left alone (not merged, not moved aside, nothing said
  about damage) until it is whole, and then merged;
- *delete all data* in A empties B's `stressbreak export`.

Both apps run in a zone where it is midday now, every day a working day, so that the next
reminder is the interval after the last pause whatever the hour the test runs at.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stressbreak.core.model import Deletion, PauseOutcome, PauseRecord, Record
from stressbreak.core.sync import segment_name
from tests.system.sync_apps import WAIT_S, App, ids
from tests.system.syncthing import wait_until
from tests.system.xdisplay import find_window, missing_tools, virtual_desktop
from tests.system.xdisplay import run as x_run

INTERVAL_MIN = 240
# Every moment working time, nothing but the pause reminders.
ALWAYS_AT_WORK = {
    "natural_breaks": False, "checkin_times": [], "checkin_after_pause": False,
    "day_ratings": False, "wind_down": False, "interval_min": INTERVAL_MIN,
    "work_days": [0, 1, 2, 3, 4, 5, 6], "work_start": "00:00", "work_end": "23:59"}


def midday_zone() -> str:
    """A fixed-offset IANA zone in which it is about noon now (Etc/GMT-5 is UTC+5)."""
    offset = (12 - datetime.now(UTC).hour + 12) % 24 - 12
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/UTC"


def computer(name: str, root: Path, zone: str, desktop: dict[str, str] | None = None) -> App:
    """An app on its own "computer": its own home (its data and shared folder in it) and
    runtime folder (command channel)."""
    home = root / f"home-{name}"
    return App(name, home / "data", home / "Sync", settings=ALWAYS_AT_WORK, home=home,
               zone=zone, desktop=desktop)


class Mirror:
    """The sync tool's part, done when asked: what changed in one `StressBreak/` is put into
    the other whole (temp file, then rename), and what went from one goes from the other."""

    def __init__(self, a: App, b: App) -> None:
        self.sides = (a.folder, b.folder)
        self._known: dict[str, bytes] = {}  # as both sides had it after the last copy

    def copy(self) -> list[str]:
        """One round both ways; the names it carried."""
        carried: list[str] = []
        for source, target in (self.sides, self.sides[::-1]):
            target.mkdir(mode=0o700, exist_ok=True)
            for path in sorted(source.iterdir()) if source.is_dir() else []:
                if path.name.startswith(".") or not path.is_file():
                    continue  # temp files: a sync tool leaves them until renamed
                data = path.read_bytes()
                if self._known.get(path.name) == data:
                    continue
                temp = target / f".syncthing.{path.name}.tmp"
                temp.write_bytes(data)
                temp.chmod(0o600)
                temp.replace(target / path.name)
                self._known[path.name] = data
                carried.append(path.name)
        for name in list(self._known):
            there = [(side / name).exists() for side in self.sides]
            if not all(there):
                for side in self.sides:
                    (side / name).unlink(missing_ok=True)
                del self._known[name]
                carried.append(f"-{name}")
        return carried


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[tuple[App, App]]:
    zone = midday_zone()
    a, b = computer("a", tmp_path, zone), computer("b", tmp_path, zone)
    try:
        yield a, b
    finally:
        for app in (a, b):
            app.close()


@pytest.fixture
def apps_a_on_a_desktop(tmp_path: Path) -> Iterator[tuple[App, App, dict[str, str]]]:
    """A on a virtual X display (its overview is worked with the keyboard), B offscreen."""
    missing = missing_tools()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (see .ci/run)")
    zone = midday_zone()
    with virtual_desktop() as desktop:
        a, b = computer("a", tmp_path, zone, desktop), computer("b", tmp_path, zone)
        try:
            yield a, b, desktop
        finally:
            for app in (a, b):
                app.close()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_pause_in_a_moves_bs_next_reminder(apps: tuple[App, App]) -> None:
    a, b = apps
    mirror = Mirror(a, b)
    a.start()
    b.start()
    mirror.copy()  # each now knows the other's name
    facts = b.status()
    before, problems = at(facts["next_pause"]), facts["problems"]  # the desktop's, here

    a.record_a_pause()
    (pause,) = a.exported()
    assert isinstance(pause, PauseRecord) and pause.outcome is PauseOutcome.ENDED_EARLY
    assert pause.computer == a.computer_id
    assert segment_name(a.computer_id, pause.at.year, pause.at.month) in mirror.copy()

    copied = time.monotonic()
    moved = wait_until("b's next reminder to move",
                       lambda: at(b.status()["next_pause"]) != before, WAIT_S, ended=b.ended)
    print(f"b's next reminder moved {time.monotonic() - copied:.2f} s after the copy")
    assert moved
    after = at(b.status()["next_pause"])
    # The interval starts again when a's pause ended, as if it had been taken on b.
    assert after == pause.ended_at + timedelta(minutes=INTERVAL_MIN)
    assert after > before
    assert ids(b.exported()) == [pause.id]
    assert b.status()["problems"] == problems  # nothing new to say


def test_a_half_written_segment_waits_until_whole_then_is_merged(
        apps: tuple[App, App]) -> None:
    a, b = apps
    mirror = Mirror(a, b)
    a.start()
    b.start()
    problems = b.status()["problems"]  # the desktop's, here
    a.record_a_pause()
    (pause,) = a.exported()

    # A third computer's segment, arriving in place (a tool that writes without a temp
    # file): its first half lands together with a's segment.
    now = datetime.now(UTC).astimezone()
    third = "0123456789abcdef"
    elsewhere = PauseRecord(now - timedelta(minutes=30), now - timedelta(minutes=29),
                            PauseOutcome.COMPLETED, computer=third)
    whole = json.dumps({"format": 1, "computer": third,
                        "records": [elsewhere.to_dict()]}).encode()
    half = whole[: len(whole) // 2]
    path = b.folder / segment_name(third, now.year, now.month)
    mirror.copy()
    path.write_bytes(half)
    wait_until("a's pause in b's export", lambda: ids(b.exported()) == [pause.id], WAIT_S,
               ended=b.ended)
    # b read the folder with the half file in it (a round reads every changed file): it was
    # skipped, left as it is, and nothing was said.
    assert path.read_bytes() == half
    assert sorted(p.name for p in b.folder.iterdir()) == sorted(
        [*(p.name for p in a.folder.iterdir()), path.name])
    assert not [p.name for p in b.data_dir.rglob("*") if "damaged" in p.name]
    assert b.status()["problems"] == problems

    completed = time.monotonic()
    with path.open("ab") as rest:
        rest.write(whole[len(half):])
    wait_until("the completed segment in b's export",
               lambda: ids(b.exported()) == sorted([pause.id, elsewhere.id]), WAIT_S,
               ended=b.ended)
    print(f"the completed segment merged {time.monotonic() - completed:.2f} s after it was "
          f"whole")
    assert path.read_bytes() == whole
    assert not [p.name for p in b.data_dir.rglob("*") if "damaged" in p.name]
    assert b.status()["problems"] == problems


def visible_windows(desktop: dict[str, str]) -> set[str]:
    return set(x_run(desktop, "xdotool", "search", "--onlyvisible", "--class", "",
                     check=False).split())


def delete_all_in_the_overview(app: App, desktop: dict[str, str]) -> None:
    """What a person does with the keyboard: the overview, *Your data* ▸ *Delete all data…*,
    the tick, *Delete everything*."""
    assert app.cli("overview").returncode == 0
    overview = wait_until("the overview", lambda: find_window(desktop, "Your week"), WAIT_S,
                          ended=app.ended)
    before = visible_windows(desktop)
    # The keys go to the overview whatever the pointer is over (this display has no window
    # manager to give it the focus).
    x_run(desktop, "xdotool", "windowfocus", "--sync", overview)
    # It opens on this week, its focus on ◀ Previous week (Next week and This week are off
    # there). Tab goes on to the date, where Tab moves from part to part (day, month, year:
    # as many as the locale's date has); End puts the cursor in the last part, so that the
    # next Tab leaves the date for Your data, which space opens.
    x_run(desktop, "xdotool", "key", "Tab", "End", "Tab", "space")
    wait_until("the Your data menu", lambda: visible_windows(desktop) - before, WAIT_S,
               ended=app.ended)
    x_run(desktop, "xdotool", "key", "Up", "Return")  # its last entry: Delete all data…
    wait_until("the question", lambda: find_window(desktop, "Delete all your data"), WAIT_S,
               ended=app.ended)
    # The tick (it has the keys first), then past Cancel (Enter's button) to Delete everything.
    x_run(desktop, "xdotool", "key", "space", "Tab", "Tab", "space")
    wait_until("the question to close",
               lambda: find_window(desktop, "Delete all your data") is None, WAIT_S,
               ended=app.ended)


def entries(records: list[Record]) -> list[Record]:
    return [record for record in records if not isinstance(record, Deletion)]


def test_delete_all_in_a_empties_bs_export(
        apps_a_on_a_desktop: tuple[App, App, dict[str, str]]) -> None:
    a, b, desktop = apps_a_on_a_desktop
    mirror = Mirror(a, b)
    a.start()
    b.start()
    a.record_a_pause()
    b.record_a_pause()
    a.start()
    b.start()
    mirror.copy()
    everything = sorted(ids(a.exported()) + ids(b.exported()))
    for app in (a, b):
        wait_until(f"both pauses in {app.name}'s export",
                   lambda app=app: ids(app.exported()) == everything, WAIT_S, ended=app.ended)

    delete_all_in_the_overview(a, desktop)
    assert entries(a.exported()) == []
    copied = time.monotonic()
    mirror.copy()
    wait_until("b's export to be empty", lambda: entries(b.exported()) == [], WAIT_S,
               ended=b.ended)
    print(f"b's export empty {time.monotonic() - copied:.2f} s after the copy")
    # b's own pause went from its segment too, so nothing brings it back to a.
    mirror.copy()
    b.stop()
    a.stop()
    assert entries(a.exported()) == entries(b.exported()) == []
    for folder in (a.folder, b.folder):
        for path in folder.glob("journal-*.json"):
            records = json.loads(path.read_text())["records"]
            assert [record["kind"] for record in records] in ([], ["deleted"]), path.name
