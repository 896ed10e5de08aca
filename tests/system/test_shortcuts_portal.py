"""The desktop's GlobalShortcuts portal for real: the service (services/shortcuts.py) and the
app, against a stand-in org.freedesktop.portal.Desktop (fake_shortcuts_portal.py) on a private
session bus (dbus-daemon). The stand-in answers as xdg-desktop-portal does and prints every
call it gets, so the tests see exactly what was asked. Debian package: dbus (dbus-daemon)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from stressbreak.services.shortcuts import NotBound, PortalShortcuts, Shortcut
from tests.fakes import TUESDAY_10, FakeClock, Harness, TrayHere, make_app, wait_out_the_tray
from tests.system.test_motion_portal import session_bus

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon (Debian: dbus)")

ROOT = Path(__file__).resolve().parents[2]
WANTED = [("start-pause", "Start a micro-pause", "CTRL+ALT+b"),
          ("stress-meter", "Open the stress meter", "CTRL+ALT+m")]
KEYS = {"start-pause": "Ctrl+Alt+B", "stress-meter": "Ctrl+Alt+M"}
SIGNAL_MS = 5000  # generous on a loaded machine; the answers come in about a millisecond


class StandIn:
    """The stand-in portal: `tell` it to press keys; `calls` is what it was asked."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.calls: list[list[Any]] = []

    def tell(self, qtbot: Any, portal: PortalShortcuts, signal: str, *words: str) -> Any:
        assert self.process.stdin is not None
        with qtbot.waitSignal(getattr(portal, signal), timeout=SIGNAL_MS) as blocker:
            self.process.stdin.write(" ".join(words) + "\n")
            self.process.stdin.flush()
        return blocker.args[0]

    def stop(self) -> list[list[Any]]:
        if self.process.poll() is None:
            out, _ = self.process.communicate(timeout=10)  # stdin closes: it ends
            self.calls = [json.loads(line) for line in out.splitlines()
                          if line.strip() and not line.startswith('["done"')]
        return self.calls


@contextlib.contextmanager
def stand_in(address: str, **config: Any) -> Iterator[StandIn]:
    config = {"version": 2, "bind_code": 0, "triggers": KEYS, **config}
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.system.fake_shortcuts_portal", json.dumps(config)],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    portal = StandIn(process)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", "the stand-in did not start"
        yield portal
    finally:
        portal.stop()


@pytest.fixture
def bus() -> Iterator[str]:
    with session_bus() as address:
        yield address


def _service(address: str) -> PortalShortcuts:
    return PortalShortcuts({"DBUS_SESSION_BUS_ADDRESS": address})


def _bind(qtbot: Any, portal: PortalShortcuts, signal: str = "bound") -> Any:
    with qtbot.waitSignal(getattr(portal, signal), timeout=SIGNAL_MS) as blocker:
        portal.bind(WANTED)
    return blocker.args[0]


def test_whether_the_desktop_offers_keys(qapp, bus):
    with stand_in(bus, version=2):
        assert _service(bus).version() == 2
    with stand_in(bus, version=1):
        assert _service(bus).version() == 1
    with stand_in(bus, version=None):  # a portal without GlobalShortcuts (sway's, GNOME 47)
        assert _service(bus).version() is None
    assert _service(bus).version() is None  # no portal running: none is started
    assert PortalShortcuts({}).version() is None  # no session bus at all
    assert PortalShortcuts({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}).version() \
        is None


def test_a_portal_the_bus_could_start_is_not_started(qapp, monkeypatch, tmp_path):
    services = tmp_path / "share" / "dbus-1" / "services"
    services.mkdir(parents=True)
    (services / "org.freedesktop.portal.Desktop.service").write_text(
        "[D-BUS Service]\nName=org.freedesktop.portal.Desktop\n"
        f"Exec={shutil.which('touch')} {tmp_path / 'started'}\n")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    with session_bus() as address:
        assert _service(address).version() is None
    assert not (tmp_path / "started").exists()


def test_binding_is_a_session_then_one_bind_answered_by_the_request_s_response(qapp, qtbot, bus):
    with stand_in(bus) as fake:
        portal = _service(bus)
        assert portal.version() == 2
        bound = _bind(qtbot, portal)
        session = portal.session
        portal.stop()
        calls = fake.stop()
    assert bound == (Shortcut("start-pause", "Start a micro-pause", "Ctrl+Alt+B"),
                     Shortcut("stress-meter", "Open the stress meter", "Ctrl+Alt+M"))
    register, get, create, bind, close = calls
    # Named first, as the registry requires, by the .desktop file's name.
    assert register == ["Register", "org.stressbreak.StressBreak", {}]
    assert get == ["Get", "org.freedesktop.portal.GlobalShortcuts", "version"]
    options = create[1]
    assert create[0] == "CreateSession" and set(options) == {"handle_token",
                                                             "session_handle_token"}
    assert session is not None and session.endswith("/" + options["session_handle_token"][1])
    assert bind[:4] == ["BindShortcuts", session, [
        ["start-pause", {"description": ["s", "Start a micro-pause"],
                         "preferred_trigger": ["s", "CTRL+ALT+b"]}],
        ["stress-meter", {"description": ["s", "Open the stress meter"],
                          "preferred_trigger": ["s", "CTRL+ALT+m"]}]], ""]
    assert set(bind[4]) == {"handle_token"} and bind[4]["handle_token"][1] != \
        options["handle_token"][1]
    assert close == ["Close"]  # the session ends with the app; the desktop keeps the keys


def test_pressed_and_changed_keys_come_as_signals(qapp, qtbot, bus):
    with stand_in(bus) as fake:
        portal = _service(bus)
        _bind(qtbot, portal)
        assert fake.tell(qtbot, portal, "activated", "activate", "stress-meter") == \
            "stress-meter"
        changed = fake.tell(qtbot, portal, "changed", "change", "start-pause", "Meta+P")
        assert changed[0] == Shortcut("start-pause", "Start a micro-pause", "Meta+P")
        portal.stop()


@pytest.mark.parametrize(("code", "why"), [(1, NotBound.CANCELLED), (2, NotBound.ENDED)])
def test_a_bind_the_user_cancels_or_the_desktop_ends(qapp, qtbot, bus, code, why):
    with stand_in(bus, bind_code=code) as fake:
        portal = _service(bus)
        assert _bind(qtbot, portal, "not_bound") is why
        assert _bind(qtbot, portal, "not_bound") is why  # again: in a new session
        portal.stop()
        calls = fake.stop()
    members = [call[0] for call in calls]
    assert members == ["Register", "CreateSession", "BindShortcuts", "Close", "CreateSession",
                       "BindShortcuts", "Close"]


def test_an_older_portal_without_the_registry_still_binds(qapp, qtbot, bus):
    with stand_in(bus, registry=False):
        portal = _service(bus)
        assert _bind(qtbot, portal)[0].trigger == "Ctrl+Alt+B"
        portal.stop()


def test_a_portal_that_goes_away_is_no_portal(qapp, qtbot, bus):
    with stand_in(bus) as fake:
        portal = _service(bus)
        _bind(qtbot, portal)
        fake.stop()
    assert _bind(qtbot, portal, "not_bound") is NotBound.NO_PORTAL
    assert portal.session is None


# -- the app ------------------------------------------------------------------------------------

@pytest.fixture
def apps(qtbot, tmp_path: Path) -> Iterator[list[Harness]]:
    made: list[Harness] = []
    yield made
    for app in made:
        for window in (app.welcome.no_tray_window, app.pauses.window, app.checkins.dialog):
            if window is not None:
                window.close()
        app.stop()


def _app(apps: list[Harness], data: Path, bus: str) -> tuple[Harness, PortalShortcuts]:
    data.mkdir(exist_ok=True)
    portal = _service(bus)
    app = make_app(data, FakeClock(TUESDAY_10), [], tray=TrayHere(), shortcuts=portal)
    app.start()
    apps.append(app)
    QCoreApplication.processEvents()
    return app, portal


def test_without_a_tray_the_user_binds_keys_that_start_a_pause(apps, qtbot, bus, tmp_path):
    with stand_in(bus) as fake:
        app, portal = _app(apps, tmp_path / "data", bus)
        wait_out_the_tray(app)
        note = app.welcome.no_tray_window
        assert note is not None and note.shortcut_button is not None
        with qtbot.waitSignal(portal.bound, timeout=SIGNAL_MS):
            qtbot.mouseClick(note.shortcut_button, Qt.MouseButton.LeftButton)
        assert note.shortcut_note.text().startswith("Ctrl+Alt+B: a micro-pause.")
        assert app.prefs_store.load().shortcuts_chosen
        fake.tell(qtbot, portal, "activated", "activate", "start-pause")
        assert app.pauses.window is not None and app.pauses.window.isVisible()
        app.stop()
        apps.remove(app)

        # The next start binds the same keys again, asking nothing of the user.
        again, portal = _app(apps, tmp_path / "data", bus)
        qtbot.waitUntil(lambda: bool(again.shortcuts.keys), timeout=SIGNAL_MS)
        fake.tell(qtbot, portal, "activated", "activate", "stress-meter")
        assert again.checkins.dialog is not None
        calls = [call[0] for call in fake.stop()]
    assert calls.count("BindShortcuts") == 2


def test_a_user_who_cancels_is_told_calmly_and_loses_nothing(apps, qtbot, bus, tmp_path):
    with stand_in(bus, bind_code=1):
        app, portal = _app(apps, tmp_path / "data", bus)
        wait_out_the_tray(app)
        note = app.welcome.no_tray_window
        with qtbot.waitSignal(portal.not_bound, timeout=SIGNAL_MS):
            qtbot.mouseClick(note.shortcut_button, Qt.MouseButton.LeftButton)
        assert note.shortcut_note.text() == (
            "No keys were set. You can choose them here whenever you like.")
        assert note.isVisible() and not app.prefs_store.load().shortcuts_chosen


def test_without_a_portal_there_is_no_button(apps, bus, tmp_path):
    app, _ = _app(apps, tmp_path / "data", bus)
    wait_out_the_tray(app)
    assert app.welcome.no_tray_window.shortcut_button is None
