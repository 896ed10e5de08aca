"""Idle time from the compositor's idle notifications (services/idle.py, `WaylandIdle`),
against a small compositor in a thread of the test process (tests/wayland_server.py). The
source reads the compositor's events through a QSocketNotifier, so these tests have Qt's event
loop; the same code against real compositors: tests/system/test_wayland_sources_sway.py
(org_kde_kwin_idle) and tests/system/test_kwin.py (ext-idle-notify-v1)."""

from __future__ import annotations

import select
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stressbreak.services.idle import IDLE_PROTOCOLS, WATCH_S, WaylandIdle, detect_idle_source
from stressbreak.services.wayland import Connection
from tests.wayland_server import (
    EXT_IDLE_V1,
    EXT_IDLE_V2,
    KDE_IDLE,
    SEAT,
    WINDOW_LIST,
    Clock,
    compositor,
    detect,
    environ,
    notifications,
)


@pytest.mark.parametrize(("offers", "name", "opcode"), [
    ((SEAT, EXT_IDLE_V2, KDE_IDLE), "wayland-ext-idle-notify-input", 2),
    ((SEAT, EXT_IDLE_V1, KDE_IDLE), "wayland-ext-idle-notify", 1),
    ((SEAT, KDE_IDLE), "wayland-kde-idle", 0),
])
def test_the_best_idle_protocol_offered_is_used(
        qtbot: QtBot, short_dir: Path, offers: tuple[tuple[str, int], ...], name: str,
        opcode: int) -> None:
    clock = Clock()
    with compositor(short_dir, *offers) as server:
        probe = detect(short_dir, clock)
        source = probe.source  # type: ignore[attr-defined]
        assert isinstance(source, WaylandIdle)
        try:
            assert source.name == name
            [(made_with, watch, timeout)] = notifications(server)
            assert (made_with, timeout) == (opcode, WATCH_S * 1000)
            [seat] = server.made("wl_seat")
            request = next(r for r in server.requests if r.args and r.args[0] == watch)
            # ext-idle-notify asks (id, timeout, seat); KDE's protocol (id, seat, timeout).
            assert seat in request.args
            assert request.args[1 if name == "wayland-kde-idle" else 2] == seat
            assert source.idle_seconds() == 0.0  # nothing said yet: at the keys

            clock.now = 2000.0
            server.event(watch, 0)  # idled: no input for WATCH_S
            assert source.idle_seconds() == pytest.approx(WATCH_S)
            clock.now = 2030.0
            assert source.idle_seconds() == pytest.approx(30.0 + WATCH_S)
            server.event(watch, 1)  # resumed
            assert source.idle_seconds() == 0.0
        finally:
            source.close()


def test_idle_spells_are_timed_when_they_come_not_when_asked(
        qtbot: QtBot, short_dir: Path) -> None:
    clock = Clock()
    with compositor(short_dir, SEAT, EXT_IDLE_V2) as server:
        connection = Connection.open(short_dir / "wayland-9")
        notifier, seat = connection.find("ext_idle_notifier_v1"), connection.find("wl_seat")
        assert notifier is not None and seat is not None
        source = WaylandIdle(connection, IDLE_PROTOCOLS[0], connection.bind(notifier, 2),
                             connection.bind(seat, 1), clock)
        source.start()
        try:
            connection.roundtrip()
            [(_opcode, watch, _timeout)] = notifications(server)
            clock.now = 1500.0
            server.event(watch, 0)  # idled, in the socket now
            qtbot.waitUntil(lambda: not select.select([connection], [], [], 0)[0])
            clock.now = 1600.0  # read by the Qt loop at 1500, asked at 1600
            assert source.idle_seconds() == pytest.approx(100.0 + WATCH_S)
        finally:
            source.close()


def test_a_waiting_reminder_watches_for_a_lull_in_typing_and_stops_after(
        qtbot: QtBot, short_dir: Path) -> None:
    clock = Clock()
    with compositor(short_dir, SEAT, EXT_IDLE_V2) as server:
        source = detect(short_dir, clock).source  # type: ignore[attr-defined]
        assert isinstance(source, WaylandIdle)
        try:
            source.notice_within(3.0)
            source.notice_within(3.0)  # asked twice: still one closer watch
            server.wait_for(lambda: len(notifications(server)) == 2)
            (_, _, _), (_, lull, timeout) = notifications(server)
            assert timeout == 3000
            clock.now = 1010.0
            server.event(lull, 0)
            assert source.idle_seconds() == pytest.approx(3.0)
            server.event(lull, 1)
            assert source.idle_seconds() == 0.0

            source.notice_within(None)
            server.wait_for(lambda: any(r.object_id == lull and r.opcode == 0
                                        for r in server.requests))  # destroyed
            assert len(notifications(server)) == 2
        finally:
            source.close()


def test_a_compositor_that_goes_away_leaves_the_idle_time_unknown(
        qtbot: QtBot, short_dir: Path) -> None:
    with compositor(short_dir, SEAT, KDE_IDLE) as server:
        source = detect(short_dir).source  # type: ignore[attr-defined]
        assert isinstance(source, WaylandIdle)
        server.hang_up()
        qtbot.waitUntil(lambda: source.idle_seconds() is None)
        source.notice_within(3.0)  # no request on a closed connection, no error
        assert source.idle_seconds() is None
        source.close()


def test_a_protocol_error_leaves_the_idle_time_unknown(qtbot: QtBot, short_dir: Path) -> None:
    with compositor(short_dir, SEAT, EXT_IDLE_V1) as server:
        source = detect(short_dir).source  # type: ignore[attr-defined]
        assert isinstance(source, WaylandIdle)
        [(_opcode, watch, _timeout)] = notifications(server)
        server.error(watch, 0, "invalid timeout")
        qtbot.waitUntil(lambda: source.idle_seconds() is None)
        source.close()


@pytest.mark.parametrize(("offers", "reason"), [
    ((SEAT, WINDOW_LIST), "offers no idle notification"),
    ((EXT_IDLE_V2,), "offers no idle notification"),  # no seat to watch
])
def test_without_an_idle_protocol_the_reason_is_given(
        short_dir: Path, offers: tuple[tuple[str, int], ...], reason: str) -> None:
    with compositor(short_dir, *offers):
        probe = detect(short_dir)
    assert probe.source is None  # type: ignore[attr-defined]
    assert reason in probe.reason  # type: ignore[attr-defined]


def test_without_a_compositor_the_reason_is_given(short_dir: Path) -> None:
    probe = detect(short_dir)
    assert probe.source is None  # type: ignore[attr-defined]
    assert "could not be reached" in probe.reason  # type: ignore[attr-defined]


def test_gnome_answers_over_dbus_where_the_compositor_has_no_idle_protocol(
        short_dir: Path) -> None:
    def mutter(_service: str, _path: str, _interface: str, method: str) -> object:
        return 4200 if method == "GetIdletime" else None

    with compositor(short_dir, SEAT):
        probe = detect_idle_source(platform="linux",
                                   environ={**environ(short_dir), "DBUS_SESSION_BUS_ADDRESS": "x"},
                                   dbus_call=mutter)
    assert probe.source is not None and probe.source.name == "mutter"
    assert probe.source.idle_seconds() == pytest.approx(4.2)


