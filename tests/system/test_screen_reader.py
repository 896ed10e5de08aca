"""What a screen reader really gets: the real app on a virtual X display, with a private
session bus and the AT-SPI accessibility bus, asked by an assistive-technology client
(tests/system/atspi_probe.py, pyatspi under the system Python) exactly as Orca would ask.

The offscreen tests (tests/gui/test_accessibility.py) check Qt's side of the accessibility
interfaces; only this one checks what crosses the bus: the names of the controls, the phase
of the pacer as it changes, the charts' descriptions, and Dutch names in a Dutch app."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from stressbreak.core.content import QUESTIONS
from stressbreak.core.model import CheckIn, CheckInOrigin, PauseOutcome, PauseRecord
from tests.system.xdisplay import missing_tools, virtual_desktop, wait_for

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-pyatspi installs for this one only
# Debian and newer Ubuntu, then older Ubuntu.
LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "stressbreak_nl.ts"
APP_NAME = "StressBreak"  # the QApplication's name, the application's name on the registry


def _launcher() -> str | None:
    return next((path for path in LAUNCHERS if os.access(path, os.X_OK)), None)


def _missing() -> list[str]:
    missing = missing_tools()
    if shutil.which("dbus-daemon") is None:
        missing.append("dbus-daemon")
    if _launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    has_pyatspi = Path(SYSTEM_PYTHON).exists() and subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False,
        timeout=30).returncode == 0
    if not has_pyatspi:
        missing.append(f"pyatspi for {SYSTEM_PYTHON} (python3-pyatspi)")
    return missing


@dataclass(frozen=True)
class Node:
    """One accessible object as the probe saw it."""

    depth: int
    role: str
    name: str
    description: str
    states: tuple[str, ...]
    text: str | None
    interactive: bool

    @property
    def showing(self) -> bool:
        return "showing" in self.states


def _probe(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SYSTEM_PYTHON, str(PROBE), *args], env=env, capture_output=True,
                          text=True, timeout=60, check=False)


def _tree(env: dict[str, str], window: str) -> list[Node]:
    """The showing window whose accessible name contains `window` (waits for it)."""
    done = _probe(env, "tree", APP_NAME, window)
    assert done.returncode == 0, done.stdout + done.stderr
    return [Node(**{**raw, "states": tuple(raw["states"])}) for raw in json.loads(done.stdout)]


def _described(nodes: list[Node], description: str) -> Node:
    """The one object with this description (a screen reader reads it after the name)."""
    found = [n for n in nodes if n.description == description]
    assert len(found) == 1, f"{len(found)} objects described {description!r} in {nodes}"
    return found[0]


def _nameless(nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if n.interactive and n.showing and not n.name.strip()]


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Xvfb with a tray host, a private session bus, and the accessibility bus launched as a
    desktop launches it when a screen reader is on (`--screen-reader=1`): Qt turns its
    AT-SPI bridge on because the bus says a screen reader runs, not because we force it."""
    missing = _missing()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (see .ci/run)")
    launcher = _launcher()
    assert launcher is not None
    runtime = tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)
    with virtual_desktop() as x_env:
        env = {k: v for k, v in x_env.items()
               if k not in ("AT_SPI_BUS_ADDRESS", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON",
                            "QT_ACCESSIBILITY", "NO_AT_BRIDGE")}
        # The launcher reads GSettings; never the developer's own dconf database.
        env.update(XDG_RUNTIME_DIR=str(runtime), GSETTINGS_BACKEND="memory")
        session = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1",
             f"--address=unix:dir={runtime}"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs: list[subprocess.Popen[str]] = [session]
        try:
            assert session.stdout is not None
            env["DBUS_SESSION_BUS_ADDRESS"] = session.stdout.readline().strip()
            procs.append(subprocess.Popen(
                [launcher, "--launch-immediately", "--a11y=1", "--screen-reader=1"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True))
            # Before anything asks for org.a11y.Bus, or the bus daemon would start a second
            # launcher from its service file.
            ready = _probe(env, "bus")
            assert ready.returncode == 0, ready.stdout + ready.stderr
            yield env
        finally:
            for proc in reversed(procs):  # the launcher takes its accessibility bus along
                if proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=10)


def _seed(data: Path, language: str) -> None:
    """Nothing comes by itself while the test runs (a pause just ended and the next is hours
    away; no stress-meter times); the breathing pattern is 5.5 s in, 5.5 s out; and today has
    a completed pause and a stress meter, so the week's charts have something to describe."""
    data.mkdir(parents=True, mode=0o700)
    (data / "settings.json").write_text(json.dumps({
        "language": language, "interval_min": 240, "checkin_times": [],
        "exercise": "breathing", "breathing_pattern": "coherent", "reduced_motion": False,
        "checkin_after_pause": False, "native_notifications": False, "natural_breaks": False,
        # The stress meter opens on its three questions (the day ratings' step before them
        # is read in tests/gui/test_accessibility.py).
        "day_ratings": False,
    }))
    now = datetime.now().astimezone()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(now - timedelta(minutes=1), midnight)  # today, whenever the test runs
    records = [
        PauseRecord(start, now, PauseOutcome.COMPLETED).to_dict(),
        CheckIn(start, CheckInOrigin.MANUAL, breathing=("shallow",), tension=6,
                signals=("jaw",), trigger="Deadline").to_dict(),
    ]
    (data / f"journal-{now:%Y-%m}.json").write_text(json.dumps(
        {"records": {str(n): record for n, record in enumerate(records, start=1)}}))


class App:
    """The real app as a process, and its command line for the commands it takes."""

    def __init__(self, env: dict[str, str], data: Path) -> None:
        self.env = env
        self.command = [sys.executable, "-m", "stressbreak", "--data-dir", str(data)]
        self.process = subprocess.Popen(self.command, env=env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)

    def send(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.command, *args], env=self.env, capture_output=True,
                              text=True, timeout=30, check=False)

    def wait_ready(self) -> None:
        wait_for(lambda: self.process.poll() is not None or self.send("status").returncode == 0)
        assert self.process.poll() is None, self.process.communicate()[0]

    def quit(self) -> None:
        self.send("quit")
        output = self.process.communicate(timeout=30)[0]
        assert self.process.returncode == 0, output

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _app(env: dict[str, str], data: Path, language: str) -> Iterator[App]:
    _seed(data, language)
    app = App(env, data)
    try:
        app.wait_ready()
        yield app
        app.quit()
    finally:
        app.kill()


@pytest.fixture
def app(desktop: dict[str, str], tmp_path: Path) -> Iterator[App]:
    yield from _app(desktop, tmp_path / "data", "en")


@pytest.fixture
def app_nl(desktop: dict[str, str], tmp_path: Path) -> Iterator[App]:
    yield from _app(desktop, tmp_path / "data", "nl")


def test_the_pause_names_its_controls_and_announces_each_breathing_phase(app: App):
    # Listening before the pause starts, as a screen reader always is.
    watcher = subprocess.Popen(
        [SYSTEM_PYTHON, str(PROBE), "watch", APP_NAME, "Breathing phase", "Breathe out",
         "--timeout", "20"],
        env=app.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert watcher.stdout is not None
        assert watcher.stdout.readline().strip() == "ready"
        assert app.send("pause").returncode == 0

        pause = _tree(app.env, "A minute to breathe")
        assert _nameless(pause) == []
        showing = {(n.role, n.name, n.description) for n in pause if n.showing}
        assert {
            ("push button", "End early", "Stop the pause now (Esc)"),
            ("check box", "Favourite exercise",
             "When exercises take turns, only your favourites come"),
        } <= showing
        end = next(n for n in pause if n.name == "End early")
        assert "focused" in end.states  # the keyboard starts on it; Esc works anywhere
        phase = _described(pause, "Breathing phase")
        assert (phase.role, phase.showing) == ("label", True)
        assert phase.name in {"Breathe in", "Breathe out"}  # read within the first breath
        # The time itself is what a screen reader reads, with what it is beside it.
        countdown = _described(pause, "Time left")
        assert re.fullmatch(r"[01]:\d\d", countdown.name), countdown.name

        heard_raw, errors = watcher.communicate(timeout=60)
        assert watcher.returncode == 0, heard_raw + errors
        heard = json.loads(heard_raw)
        assert {event.get("role") for event in heard} == {"label"}, heard
        # Spoken wherever the focus is: the first phase as the pause opens, then the next.
        announced = [e["said"] for e in heard if e["type"] == "object:announcement"]
        assert announced == ["Breathe in", "Breathe out"]
        # And the label's name follows the phase, for a reader that looks at it.
        renamed = [e["said"] for e in heard if e["type"].endswith("accessible-name")]
        assert renamed[-1] == "Breathe out"
        assert set(renamed) <= {"Breathe in", "Breathe out"}
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.communicate()


def test_the_stress_meter_names_every_chip_field_and_button(app: App):
    assert app.send("checkin").returncode == 0
    meter = _tree(app.env, "Stress meter")
    assert meter[0].role == "dialog"
    assert _nameless(meter) == []
    controls = [n for n in meter if n.interactive and n.showing]
    chips = [n for n in controls if n.role == "check box"]
    # The first of the three steps: each chip says its own word, and the question it answers
    # as its description. (Every step's names: tests/gui/test_accessibility.py.)
    first = QUESTIONS[0]
    assert [(n.name, n.description) for n in chips] == [
        (chip.label, first.text) for chip in first.chips]
    assert "focused" in chips[0].states  # opened by hand: the keyboard starts on the first
    fields = [(n.name, n.description) for n in controls if n.role == "text"]
    assert fields == [(first.text, "Optional note in your own words")]
    buttons = [n.name for n in controls if n.role == "push button"]
    assert buttons == ["Not now", "Next", "Save"]
    assert len(controls) == len(chips) + len(fields) + len(buttons)


CHARTS = ("Pauses per day", "Tension through the week",
          "Tension (colour) and body signals (dot) by day and hour", "What came up most")


def test_the_overview_describes_its_charts_and_says_what_stands_out(app: App):
    assert app.send("overview").returncode == 0
    week = _tree(app.env, "Your week")
    assert _nameless(week) == []
    assert [n.name for n in week if n.role == "page tab"] == [
        "Week", "Four weeks", "Stress-meter answers", "Over time"]
    charts = {n.name: n.description for n in week if n.name in CHARTS and n.showing}
    assert set(charts) == set(CHARTS)  # today has a pause and a stress meter
    assert all(charts.values()), charts  # a picture a screen reader cannot see, in words
    assert "Completed 1" in charts["Pauses per day"]
    assert "Deadline" in charts["What came up most"]
    # What stands out is read as itself, not as its heading once more.
    insights = _described(week, "What stands out")
    assert insights.showing
    assert insights.name.strip()
    assert insights.name != "What stands out"


def _dutch(context: str, source: str) -> str:
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise LookupError(source)


def test_a_dutch_app_speaks_dutch_to_the_screen_reader(app_nl: App):
    def nl(source: str) -> str:
        return _dutch("PauseWindow", source)

    assert app_nl.send("pause").returncode == 0
    pause = _tree(app_nl.env, nl("A minute to breathe"))
    assert _nameless(pause) == []
    showing = {(n.role, n.name, n.description) for n in pause if n.showing}
    assert ("push button", nl("End early"), nl("Stop the pause now (Esc)")) in showing
    assert ("check box", nl("Favourite exercise"),
            nl("When exercises take turns, only your favourites come")) in showing
    phase = _described(pause, nl("Breathing phase"))
    assert phase.name in {nl("Breathe in"), nl("Breathe out")}
    assert nl("End early") != "End early"  # Dutch indeed
