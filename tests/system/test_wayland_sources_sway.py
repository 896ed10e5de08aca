"""Idle time and full screen from a real compositor: headless sway 1.7 (tests/system/sway.py),
whose `org_kde_kwin_idle` and wlroots window list the app reads through its own Wayland client
(services/wayland.py). `ext-idle-notify-v1` came after Debian 12's sway: its client is tested
against a small compositor in tests/unit/test_wayland.py.

The idle spell is real input: a virtual pointer of the seat moves, as a mouse would."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from stressbreak import APP_ID
from stressbreak.core.presence import LULL_S
from stressbreak.services.idle import WaylandIdle, detect_idle_source
from stressbreak.services.presence import FRESH_S, WlrFullscreen, detect_backends
from tests.system.sway import WORK_APP_ID, Sway, start_app, sway_fixture, wait_for, work_window
from tests.system.xdisplay import seed_due_pause

sway = sway_fixture()


def _session(sway: Sway) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": str(sway.display), "XDG_SESSION_TYPE": "wayland"}


def test_idle_spells_come_from_the_compositor_and_input_ends_them(sway: Sway, qtbot: QtBot):
    assert sway.pointer is not None
    probe = detect_idle_source(platform="linux", environ=_session(sway))
    assert isinstance(probe.source, WaylandIdle), probe.reason
    source = probe.source
    try:
        assert source.name == "wayland-kde-idle"  # what sway 1.7 offers
        source.notice_within(LULL_S)  # as the gate does while a reminder waits
        sway.pointer.nudge()
        qtbot.waitUntil(lambda: (source.idle_seconds() or 0.0) >= LULL_S,
                        timeout=int(LULL_S * 1000) + 5000)
        sway.pointer.nudge(3, 2)  # back at the desk
        qtbot.waitUntil(lambda: source.idle_seconds() == 0.0, timeout=5000)
        source.notice_within(None)
        assert source.idle_seconds() == 0.0
    finally:
        source.close()


def test_the_focused_full_screen_window_is_seen(sway: Sway):
    found = detect_backends(platform="linux", environ=_session(sway), which=lambda _tool: None)
    assert isinstance(found.fullscreen, WlrFullscreen), found.reasons
    # Each check asks sway afresh: a clock that moves FRESH_S at each look.
    source = WlrFullscreen(sway.display, APP_ID, itertools.count(0.0, FRESH_S).__next__)
    with work_window(sway):
        assert source.check().active is False
        sway.swaymsg("fullscreen", "enable")  # the focused window: the work
        try:
            check = source.check()
            assert (check.active, check.detail) == (True, WORK_APP_ID)
        finally:
            sway.swaymsg("fullscreen", "disable")
        assert source.check().active is False


def test_the_app_names_its_wayland_sources_and_full_screen_holds_its_reminder(
        sway: Sway, tmp_path: Path):
    data = tmp_path / "data"
    seed_due_pause(data)  # a reminder is due as soon as the app starts
    settings = data / "settings.json"
    settings.write_text(json.dumps(json.loads(settings.read_text()) | {"gentle_timing": False}))
    with work_window(sway):
        sway.swaymsg("fullscreen", "enable")
        with start_app(sway, tmp_path, data_dir=data) as app:
            facts = json.loads(app.cli("status", "--json").stdout)
            assert facts["detectors"]["idle"] == {"source": "wayland-kde-idle", "reason": None}
            assert facts["detectors"]["fullscreen"] == {
                "source": "wayland-wlr-foreign-toplevel", "reason": None}
            holding = wait_for(
                "the reminder held by the full-screen window",
                lambda: json.loads(app.cli("status", "--json").stdout)["holding"],
                lambda: sway.ended() or app.ended())
            assert holding == [f"a full-screen window — {WORK_APP_ID}"]
            assert sway.window(lambda title: title.startswith("Pause reminder"),
                               app.process.pid) is None
            ours = [node for node, _floating in sway.windows(app.process.pid)]
            assert all(node.get("app_id") == APP_ID for node in ours)


def test_time_away_under_sway_is_a_natural_pause_and_no_reminder_comes(
        sway: Sway, tmp_path: Path):
    # The reminder comes due 75 s after start, with nobody at the keys since: more than a
    # minute away (core/presence.py's AWAY_AFTER_S), as sway's idle notification tells.
    assert sway.pointer is not None
    data = tmp_path / "data"
    due = datetime.now().astimezone() + timedelta(seconds=75)
    seed_due_pause(data, due_in=due - datetime.now().astimezone())
    with start_app(sway, tmp_path, data_dir=data) as app:
        wait_for("the due time", lambda: datetime.now().astimezone() > due + timedelta(seconds=2),
                 lambda: sway.ended() or app.ended(), timeout_s=120)
        facts = json.loads(app.cli("status", "--json").stdout)
        assert facts["next_pause"] is None  # due, and waiting for the person to come back
        assert not facts["pause_running"]
        assert sway.window(lambda title: title.startswith("Pause reminder"),
                           app.process.pid) is None

        sway.pointer.nudge(4, 4)  # back at the desk
        # Asking is an event: the waiting reminder looks again at once (core/commands.py).
        wait_for("the natural pause in the journal",
                 lambda: app.cli("status").returncode == 0 and _natural_pauses(data),
                 lambda: sway.ended() or app.ended())
        [natural] = _natural_pauses(data)
        away = datetime.fromisoformat(natural["ended_at"]) - datetime.fromisoformat(
            natural["started_at"])
        assert away >= timedelta(minutes=1)
        facts = json.loads(app.cli("status", "--json").stdout)
        assert facts["next_pause"] is not None  # the interval counts from the return
        assert datetime.fromisoformat(facts["next_pause"]) > due + timedelta(minutes=50)
        assert sway.window(lambda title: title.startswith("Pause reminder"),
                           app.process.pid) is None


def _natural_pauses(data: Path) -> list[dict[str, str]]:
    found = []
    for month in data.glob("journal-*.json"):
        records = json.loads(month.read_text()).get("records", {})
        found += [r for r in records.values()
                  if r.get("kind") == "pause" and r.get("outcome") == "natural"]
    return found
