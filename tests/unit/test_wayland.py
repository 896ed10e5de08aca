"""The Wayland client (services/wayland.py) and full screen from wlroots' and KDE Plasma's
window lists (services/presence.py), against a small compositor in a thread of the test
process (tests/wayland_server.py); idle time from the compositor is in
tests/gui/test_wayland_idle.py (it needs Qt's event loop). The same code against real
compositors: tests/system/test_wayland_sources_sway.py and tests/system/test_kwin.py."""

from __future__ import annotations

import select
import socket
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from stressbreak.services.presence import (
    FRESH_S,
    FULLSCREEN,
    KdeFullscreen,
    PresenceSource,
    WlrFullscreen,
    detect_backends,
)
from stressbreak.services.wayland import Connection, Reader, WaylandError, socket_path, string
from tests.wayland_server import (
    EXT_IDLE_V2,
    KDE_IDLE,
    OWN_APP_ID,
    PLASMA_LIST,
    PLASMA_SHELL,
    SEAT,
    WINDOW_LIST,
    Clock,
    PlasmaWindow,
    Window,
    compositor,
    environ,
    uint,
)

pytestmark = pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")

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


def test_each_check_is_a_connection_of_its_own_and_an_answer_holds_a_few_seconds(
        short_dir: Path) -> None:
    clock = Clock()
    with compositor(short_dir, SEAT, WINDOW_LIST) as server:
        source = WlrFullscreen(short_dir / "wayland-9", OWN_APP_ID, clock)
        server.windows = [Window("Film", "mpv", [ACTIVATED, FULL])]
        assert source.check().active is True
        server.wait_for(lambda: server.connections == 1 and not server.connected)  # closed
        server.windows = []  # the film ended
        clock.now += FRESH_S - 1  # a reminder waiting for a lull looks every second
        assert source.check().active is True  # the answer of a moment ago
        assert server.connections == 1
        clock.now += 1
        assert source.check().active is False
        server.wait_for(lambda: server.connections == 2 and not server.connected)


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
