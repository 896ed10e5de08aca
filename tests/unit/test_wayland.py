"""The Wayland client (services/wayland.py) and what is built on it: idle time from the
compositor's idle notifications (services/idle.py) and full screen from wlroots' and KDE
Plasma's window lists (services/presence.py), against a small compositor in a thread of the
test process (tests/wayland_server.py). The same code against real compositors:
tests/system/test_wayland_sources_sway.py and tests/system/test_kwin.py."""

from __future__ import annotations

import select
import socket
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stressbreak.services.idle import IDLE_PROTOCOLS, WATCH_S, WaylandIdle, detect_idle_source
from stressbreak.services.presence import (
    FULLSCREEN,
    KdeFullscreen,
    PresenceSource,
    WlrFullscreen,
    detect_backends,
)
from stressbreak.services.wayland import Connection, Reader, WaylandError, socket_path, string
from tests.wayland_server import FakeCompositor, PlasmaWindow, Window, uint

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")

SEAT = ("wl_seat", 7)
EXT_IDLE_V2 = ("ext_idle_notifier_v1", 2)
EXT_IDLE_V1 = ("ext_idle_notifier_v1", 1)
KDE_IDLE = ("org_kde_kwin_idle", 1)
WINDOW_LIST = ("zwlr_foreign_toplevel_manager_v1", 3)
PLASMA_LIST = ("org_kde_plasma_window_management", 16)  # KWin 5.27's version
PLASMA_SHELL = ("org_kde_plasma_shell", 8)
OWN_APP_ID = "org.stressbreak.StressBreak"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def short_dir() -> Iterator[Path]:
    # A Unix socket's path has room for about 100 bytes; pytest's tmp_path can be longer.
    with tempfile.TemporaryDirectory(prefix="wl") as folder:
        yield Path(folder)


def compositor(folder: Path, *offers: tuple[str, int]) -> FakeCompositor:
    return FakeCompositor(folder / "wayland-9", list(offers))


def environ(folder: Path) -> dict[str, str]:
    return {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(folder),
            "XDG_SESSION_TYPE": "wayland"}


def no_dbus(*_args: str) -> object:
    return None


def detect(folder: Path, clock: Clock | None = None) -> object:
    return detect_idle_source(platform="linux", environ=environ(folder), dbus_call=no_dbus,
                              clock=clock or Clock())


def notifications(server: FakeCompositor) -> list[tuple[int, int, int]]:
    """(opcode, new id, timeout in ms) of each request that made an idle notification."""
    made = []
    for request in server.requests:
        if request.interface == "ext_idle_notifier_v1" and request.opcode in (1, 2):
            new, timeout, _seat = request.args
            made.append((request.opcode, int(new), int(timeout)))  # type: ignore[call-overload]
        elif request.interface == "org_kde_kwin_idle":
            new, _seat, timeout = request.args
            made.append((request.opcode, int(new), int(timeout)))  # type: ignore[call-overload]
    return made


# -- the connection ---------------------------------------------------------------------------


def test_socket_path_is_found_as_libwayland_finds_it() -> None:
    assert socket_path({"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": "/run/user/7"}) == \
        Path("/run/user/7/wayland-1")
    assert socket_path({"WAYLAND_DISPLAY": "/tmp/sway/wayland-1"}) == Path("/tmp/sway/wayland-1")
    assert socket_path({"WAYLAND_DISPLAY": "wayland-1"}) is None  # no runtime folder
    assert socket_path({"XDG_RUNTIME_DIR": "/run/user/7"}) is None  # not a Wayland session


def test_strings_and_arrays_are_padded_to_words() -> None:
    assert string("abc") == struct.pack("=I", 4) + b"abc\0"
    assert string("abcd") == struct.pack("=I", 5) + b"abcd\0\0\0\0"
    reader = Reader(string("sway") + struct.pack("=I", 8) + struct.pack("=II", 2, 3) + uint(9))
    assert reader.string() == "sway"
    assert reader.words() == [2, 3]
    assert reader.uint() == 9


def test_the_compositors_globals_are_read_in_one_round_trip(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, EXT_IDLE_V2, WINDOW_LIST) as server:
        connection = Connection.open(short_dir / "wayland-9")
        try:
            assert {g.interface: g.version for g in connection.globals.values()} == {
                "wl_seat": 7, "ext_idle_notifier_v1": 2, "zwlr_foreign_toplevel_manager_v1": 3}
            seat = connection.find("wl_seat")
            assert seat is not None
            connection.bind(seat, 1)
            connection.roundtrip()
        finally:
            connection.close()
        binds = [r.args for r in server.requests if r.interface == "wl_registry"]
        assert binds == [(seat.name, "wl_seat", 1, binds[0][3])]  # never above what we know


def test_a_compositor_that_does_not_answer_is_given_up_on(short_dir: Path) -> None:
    with compositor(short_dir, SEAT) as server:
        server.answer_sync = False
        with pytest.raises(WaylandError, match="did not answer in time"):
            Connection.open(short_dir / "wayland-9", timeout_s=0.2)


def test_no_compositor_listening_is_a_clear_error(short_dir: Path) -> None:
    with pytest.raises(WaylandError, match="cannot connect"):
        Connection.open(short_dir / "wayland-missing")


def test_a_message_shorter_than_its_header_ends_the_connection(short_dir: Path) -> None:
    with compositor(short_dir, SEAT) as server:
        connection = Connection.open(short_dir / "wayland-9")
        server.wait_for(lambda: server.connections == 1)
        server.send_raw(struct.pack("=II", 1, 4 << 16))  # a size of 4: less than a header
        select.select([connection], [], [], 5)
        connection.dispatch()
        assert "4 bytes" in connection.error
        connection.close()


# -- idle time ---------------------------------------------------------------------------------


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


# -- full screen -----------------------------------------------------------------------------

ACTIVATED, FULL = 2, 3


def backends(folder: Path, kind: type[PresenceSource] = WlrFullscreen) -> PresenceSource:
    found = detect_backends(platform="linux", environ=environ(folder), own_app_id=OWN_APP_ID,
                            which=lambda _tool: None)
    assert isinstance(found.fullscreen, kind), found.reasons
    return found.fullscreen


@pytest.mark.parametrize(("windows", "active", "detail"), [
    ([Window("Film", "mpv", [ACTIVATED, FULL]), Window("Mail", "thunderbird", [])],
     True, "mpv"),
    ([Window("Mail", "thunderbird", [ACTIVATED]), Window("Film", "mpv", [FULL])], False, ""),
    ([Window("Film", "", [FULL, ACTIVATED])], True, "Film"),  # no app id: its title
    ([Window("A minute to breathe", OWN_APP_ID, [ACTIVATED, FULL])], False, "our own window"),
    ([], False, "no active window"),
])
def test_the_focused_window_in_full_screen_holds_reminders(
        short_dir: Path, windows: list[Window], active: bool, detail: str) -> None:
    with compositor(short_dir, SEAT, WINDOW_LIST) as server:
        source = backends(short_dir)
        server.windows = windows
        check = source.check()
    assert (check.name, check.active, check.detail) == (FULLSCREEN, active, detail)


def test_each_check_is_a_connection_of_its_own(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, WINDOW_LIST) as server:
        source = backends(short_dir)
        source.check()
        source.check()
        server.wait_for(lambda: server.connections == 3)  # detection, then one each
        server.wait_for(lambda: not server.connected)  # closed after


def test_a_compositor_without_a_window_list_gives_the_reason(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, EXT_IDLE_V2):
        found = detect_backends(platform="linux", environ=environ(short_dir),
                                which=lambda _tool: None)
    assert found.fullscreen is None
    assert "full screen" in found.reasons[FULLSCREEN]


def test_a_compositor_gone_since_detection_cannot_tell(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, WINDOW_LIST):
        source = backends(short_dir)
    (short_dir / "wayland-9").unlink()
    check = source.check()
    assert check.active is None
    assert "cannot connect" in check.detail


# KDE Plasma's window list: state flags 0x1 active, 0x8 fullscreen (0x4 maximized).
ACTIVE, MAXIMIZED, FULLSCREEN_FLAG = 0x1, 0x4, 0x8


@pytest.mark.parametrize(("windows", "active", "detail"), [
    ([PlasmaWindow("Film", "mpv", ACTIVE | FULLSCREEN_FLAG), PlasmaWindow("Mail", "kmail", 0)],
     True, "mpv"),
    ([PlasmaWindow("Mail", "kmail", ACTIVE | MAXIMIZED), PlasmaWindow("Film", "mpv",
                                                                      FULLSCREEN_FLAG)],
     False, ""),
    ([PlasmaWindow("Film", "", FULLSCREEN_FLAG | ACTIVE)], True, "Film"),  # no app id: title
    ([PlasmaWindow("A minute to breathe", OWN_APP_ID, ACTIVE | FULLSCREEN_FLAG)], False,
     "our own window"),
    # Closed between the list and the question: KWin says "unmapped", and it does not count.
    ([PlasmaWindow("Film", "mpv", ACTIVE | FULLSCREEN_FLAG, closed=True)], False,
     "no active window"),
    ([], False, "no active window"),
])
def test_plasmas_focused_window_in_full_screen_holds_reminders(
        short_dir: Path, windows: list[PlasmaWindow], active: bool, detail: str) -> None:
    with compositor(short_dir, SEAT, PLASMA_SHELL, PLASMA_LIST) as server:
        source = backends(short_dir, KdeFullscreen)
        assert source.name == "wayland-kde-plasma-window-management"
        server.plasma_windows = windows
        check = source.check()
    assert (check.name, check.active, check.detail) == (FULLSCREEN, active, detail)


def test_each_plasma_window_is_asked_for_by_its_uuid_all_at_once(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, PLASMA_SHELL, PLASMA_LIST) as server:
        source = backends(short_dir, KdeFullscreen)
        server.plasma_windows = [PlasmaWindow("Mail", "kmail", 0, uuid="{mail}"),
                                 PlasmaWindow("Film", "mpv", ACTIVE, uuid="{film}")]
        assert source.check().active is False
        [bind] = [r.args for r in server.requests
                  if r.interface == "wl_registry" and r.args[1] == PLASMA_LIST[0]]
        assert bind[2] == 16  # the version offered: below what we know, never above
        asked = [r.args[1] for r in server.requests
                 if (r.interface, r.opcode) == ("org_kde_plasma_window_management", 2)]
        assert asked == ["{mail}", "{film}"]
        syncs = [i for i, r in enumerate(server.requests) if r.interface == "wl_display"
                 and r.opcode == 0]
        first_ask = next(i for i, r in enumerate(server.requests)
                         if r.interface == "org_kde_plasma_window_management")
        assert sum(i > first_ask for i in syncs) == 1  # one round trip for every window


def test_the_wlroots_list_is_preferred_where_both_are_offered(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, PLASMA_LIST, WINDOW_LIST):
        backends(short_dir, WlrFullscreen)


def test_plasma_keeping_its_window_list_from_us_gives_the_reason(short_dir: Path) -> None:
    # KWin hides the global from programs whose desktop file does not ask for it.
    with compositor(short_dir, SEAT, PLASMA_SHELL, KDE_IDLE):
        found = detect_backends(platform="linux", environ=environ(short_dir),
                                which=lambda _tool: None)
    assert found.fullscreen is None
    assert "X-KDE-Wayland-Interfaces" in found.reasons[FULLSCREEN]
    assert "KDE Plasma" in found.reasons[FULLSCREEN]


def test_a_plasma_list_older_than_window_uuids_is_not_used(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, PLASMA_SHELL, ("org_kde_plasma_window_management", 12)):
        found = detect_backends(platform="linux", environ=environ(short_dir),
                                which=lambda _tool: None)
    assert found.fullscreen is None


def test_a_plasma_list_withdrawn_since_detection_cannot_tell(short_dir: Path) -> None:
    with compositor(short_dir, SEAT, PLASMA_SHELL, PLASMA_LIST) as server:
        source = backends(short_dir, KdeFullscreen)
        server.offers = [SEAT, PLASMA_SHELL]
        check = source.check()
    assert (check.active, check.detail) == (None, "the compositor no longer offers its window list")


def test_importing_the_idle_module_loads_no_qt() -> None:
    code = ("import sys, stressbreak.services.idle, stressbreak.services.wayland; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
