"""`stressbreak status` names, per desktop, the source each detector uses (time away from the
keyboard, full screen, do-not-disturb, microphone, camera) or why it has none, and says when a
setting is on that its detector cannot serve here; `--json` has the same as ids and English
reasons, with the desktop's facts. Through the real app, with the real detection of
services/idle.py and services/presence.py, the machine's answers (environment, session bus,
programs on PATH, /proc) made up by the test."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from stressbreak.app.detectors import SOURCE_LABELS
from stressbreak.core.commands import Reply, Request
from stressbreak.core.settings import Settings
from stressbreak.services.idle import IDLE_PROTOCOLS, IdleProbe, detect_idle_source
from stressbreak.services.presence import Backends, KdeFullscreen, WlrFullscreen, detect_backends
from tests.fakes import TUESDAY_10, FakeClock, Harness, TrayHere, make_app
from tests.wayland_server import SEAT, FakeCompositor

BUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
GNOME_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland",
                 "XDG_CURRENT_DESKTOP": "ubuntu:GNOME", **BUS}
PLASMA_WAYLAND = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":1", "XDG_SESSION_TYPE": "wayland",
                  "XDG_CURRENT_DESKTOP": "KDE", **BUS}
X11_KDE = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "KDE", **BUS}


# Where the compositor offers no window list (GNOME and KDE Plasma on Wayland).
NO_WINDOW_LIST = ("this Wayland desktop does not tell applications which window is full screen "
                  "(wlroots compositors such as sway and Hyprland do, and KDE Plasma to programs "
                  "it trusts)")
UNREACHABLE = "the Wayland compositor could not be reached to ask which window is full screen"
NO_WINDOW_LIST_NL = ("deze Wayland-desktop vertelt programma's niet welk venster op volledig "
                     "scherm staat (wlroots-compositors zoals sway en Hyprland doen dat wel, en "
                     "KDE Plasma aan programma's die het vertrouwt)")


class Machine:
    """What the desktop answers: names on the session bus, programs on PATH, a /proc."""

    def __init__(self, tmp_path: Path, environ: Mapping[str, str], *, bus: dict[str, object],
                 programs: tuple[str, ...], proc: bool = True) -> None:
        self.environ = dict(environ)
        self.bus = bus
        self.programs = programs
        self.proc = tmp_path / "proc"
        if proc:
            (self.proc / "self").mkdir(parents=True)
        self.detected = 0

    def detect(self) -> tuple[IdleProbe, Backends]:
        self.detected += 1
        idle = detect_idle_source(platform="linux", environ=self.environ,
                                  load=lambda name: None, dbus_call=self._call,
                                  run=lambda command: None)
        presence = detect_backends(platform="linux", environ=self.environ, own_pid=4242,
                                   which=self._which, proc_root=self.proc)
        return idle, presence

    def _call(self, service: str, path: str, interface: str, method: str) -> object:
        return self.bus.get(service)

    def _which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.programs else None


@dataclass
class NamedIdle:
    """An idle source known only by its id."""

    name: str

    def idle_seconds(self) -> float | None:
        return 0.0

    def notice_within(self, seconds: float | None) -> None:
        pass

    def close(self) -> None:
        pass


def _app(tmp_path: Path, environ: Mapping[str, str], settings: dict[str, object] | None = None,
         **sources: Any) -> Harness:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps(settings or {}))
    # A desktop with a tray: its absence would be a problem of its own.
    app = make_app(data, FakeClock(TUESDAY_10), [], environ=environ, tray=TrayHere(there=True),
                   **sources)
    app.start()
    return app


def _status(app: Harness) -> Reply:
    reply = app.commands.handle(Request("status", details=True))
    assert reply.ok
    assert reply.data is not None
    return reply


@pytest.fixture
def gnome(short_dir: Path) -> Iterator[dict[str, str]]:
    """GNOME on Wayland: a compositor that offers no window list and no idle protocol."""
    with FakeCompositor(short_dir / "wayland-0", [SEAT]):
        yield {**GNOME_WAYLAND, "WAYLAND_DISPLAY": str(short_dir / "wayland-0")}


def _section(text: str) -> list[str]:
    """The detectors section: its heading and one line per detector."""
    return text.rsplit("\n\n", maxsplit=1)[-1].splitlines()


def test_gnome_on_wayland_names_each_source_and_why_full_screen_has_none(qtbot, tmp_path,
                                                                      gnome):
    machine = Machine(tmp_path, gnome, bus={"org.gnome.Mutter.IdleMonitor": 1500},
                      programs=("gsettings", "pactl"))
    app = _app(tmp_path, machine.environ, detect_sources=machine.detect)
    assert machine.detected == 0  # detection waits 3 s after start ...
    reply = _status(app)
    assert machine.detected == 1  # ... but status, asked before, has it done now
    assert _section(reply.message) == [
        "Detectors on this desktop (ubuntu:GNOME, wayland, Qt: offscreen):",
        "  Time away from the keyboard: GNOME (Mutter idle monitor)",
        f"  Full-screen windows: none: {NO_WINDOW_LIST}",
        "  The desktop's do-not-disturb: GNOME settings",
        "  Microphone in use (calls): sound server (pactl)",
        "  Camera in use (calls): /proc (video devices)",
    ]
    full_screen = ("“Quiet during full-screen use” is on, but cannot work here: "
                   f"{NO_WINDOW_LIST}.")
    assert reply.data["problems"] == [full_screen]
    assert full_screen in reply.message.split("\n\n")[0]
    assert reply.data["detectors"] == {
        "idle": {"source": "mutter", "reason": None},
        "fullscreen": {"source": None, "reason": NO_WINDOW_LIST},
        "desktop_dnd": {"source": "gnome-settings", "reason": None},
        "microphone": {"source": "pactl", "reason": None},
        "camera": {"source": "proc-video", "reason": None},
    }
    assert reply.data["desktop"] == {
        "system": "linux", "session_type": "wayland", "current_desktop": "ubuntu:GNOME",
        "wayland_display_set": True, "display_set": False, "qt_platform": "offscreen"}
    # Whether the displays are set, not their names; nothing of the bus's address.
    said = json.dumps(reply.data) + reply.message
    assert "wayland-0" not in said
    assert "/run/user" not in said
    app.settings.apply(Settings(dnd_fullscreen=False))
    assert _status(app).data["problems"] == []  # off: its missing source is no problem
    assert machine.detected == 1
    app.stop()


def test_plasma_on_wayland_without_idle_time_says_so_for_each_setting_that_needs_it(
        qtbot, tmp_path):
    # No pactl and no /proc either: "quiet during calls" has two reasons.
    machine = Machine(tmp_path, PLASMA_WAYLAND, bus={}, programs=(), proc=False)
    app = _app(tmp_path, machine.environ, detect_sources=machine.detect)
    reply = _status(app)
    no_idle = ("No idle-time source was found on this desktop (the Wayland compositor could "
               "not be reached, and GNOME's idle monitor did not answer).")
    section = _section(reply.message)
    assert section[0] == "Detectors on this desktop (KDE, wayland, Qt: offscreen):"
    assert section[1] == f"  Time away from the keyboard: none: {no_idle}"
    assert section[3] == "  The desktop's do-not-disturb: notification server (D-Bus)"
    assert section[4] == ("  Microphone in use (calls): none: pactl was not found "
                          "(Debian: pulseaudio-utils)")
    assert reply.data["problems"] == [
        f"“Count time away as a pause” is on, but cannot work here. {no_idle}",
        f"“Wait until you stop typing” is on, but cannot work here. {no_idle}",
        f"“Quiet during full-screen use” is on, but cannot work here: {UNREACHABLE}.",
        "“Quiet during calls” is on, but cannot work here: pactl was not found (Debian: "
        "pulseaudio-utils). /proc is not available.",
    ]
    assert reply.data["detectors"]["idle"] == {"source": None, "reason": no_idle}
    assert reply.data["desktop"]["display_set"] is True  # XWayland's display is there too
    app.settings.apply(Settings(natural_breaks=False, gentle_timing=False, dnd_fullscreen=False,
                                meeting_aware=False))
    reply = _status(app)
    assert reply.data["problems"] == []
    assert section == _section(reply.message)  # the sources are named whatever the settings
    app.stop()


def test_x11_with_every_source_has_no_problem_and_new_and_unknown_ids_are_named(
        qtbot, tmp_path):
    machine = Machine(tmp_path, X11_KDE, bus={}, programs=("pactl",))
    presence = machine.detect()[1]
    for idle_id, shown in (
            ("wayland-ext-idle-notify-input",
             "Wayland input idle notification (ext-idle-notify v2)"),
            ("wayland-kde-idle", "Wayland KDE idle protocol"),
            ("a-source-of-next-year", "a-source-of-next-year")):  # no label: as it is
        folder = tmp_path / idle_id
        folder.mkdir()
        app = _app(folder, machine.environ, idle=IdleProbe(NamedIdle(idle_id), ""),
                   presence=presence)
        reply = _status(app)
        assert _section(reply.message) == [
            "Detectors on this desktop (KDE, x11, Qt: offscreen):",
            f"  Time away from the keyboard: {shown}",
            "  Full-screen windows: X11 (active window)",
            "  The desktop's do-not-disturb: notification server (D-Bus)",
            "  Microphone in use (calls): sound server (pactl)",
            "  Camera in use (calls): /proc (video devices)",
        ]
        assert reply.data["problems"] == []
        assert reply.data["detectors"]["idle"] == {"source": idle_id, "reason": None}
        assert reply.data["detectors"]["fullscreen"] == {"source": "x11-active-window",
                                                         "reason": None}
        app.stop()


def test_windows_names_its_sources_and_why_focus_assist_is_not_read(qtbot, tmp_path):
    presence = detect_backends(platform="win32", environ={}, own_pid=4242)
    app = _app(tmp_path, {}, idle=IdleProbe(NamedIdle("windows"), ""), presence=presence)
    reply = _status(app)
    assert _section(reply.message) == [
        "Detectors on this desktop (Qt: offscreen):",
        "  Time away from the keyboard: Windows",
        "  Full-screen windows: Windows (notification state)",
        "  The desktop's do-not-disturb: none: Windows has no documented way for applications "
        "to read Focus Assist",
        "  Microphone in use (calls): Windows privacy settings",
        "  Camera in use (calls): Windows privacy settings",
    ]
    assert reply.data["problems"] == [
        "“Follow the desktop's do-not-disturb” is on, but cannot work here: Windows has no "
        "documented way for applications to read Focus Assist."]
    assert reply.data["desktop"]["session_type"] is None
    assert reply.data["desktop"]["current_desktop"] is None
    app.stop()


def test_every_source_the_services_choose_has_a_label(tmp_path):
    ids = {"x11-screensaver", "mutter", "freedesktop-screensaver", "windows", "macos",
           *(protocol.name for protocol in IDLE_PROTOCOLS), WlrFullscreen.name,
           KdeFullscreen.name}
    everything = ("gsettings", "pactl")
    (tmp_path / "self").mkdir()
    for platform, environ in (("linux", X11_KDE), ("linux", {**X11_KDE, "XDG_CURRENT_DESKTOP":
                                                              "GNOME"}), ("win32", {})):
        backends = detect_backends(platform=platform, environ=environ, own_pid=4242,
                                   which=lambda name: name if name in everything else None,
                                   proc_root=tmp_path)
        ids |= {source.name for source in backends.sources()}
    # Each platform's presence sources were found (the loop above is not empty-handed).
    assert {"x11-active-window", "gnome-settings", "notification-server", "pactl",
            "proc-video", "windows-notification-state", "windows-consent-store"} <= ids
    assert ids <= set(SOURCE_LABELS), ids - set(SOURCE_LABELS)


def test_an_app_given_no_sources_says_so_and_counts_no_problem_for_it(qtbot, tmp_path):
    app = _app(tmp_path, {"XDG_SESSION_TYPE": "x11"})
    reply = _status(app)
    assert _section(reply.message)[1:3] == [
        "  Time away from the keyboard: none: Time away from the keyboard is not measured in "
        "this run.",
        "  Full-screen windows: none: Not checked in this run.",
    ]
    assert reply.data["problems"] == []
    assert reply.data["detectors"]["camera"] == {"source": None,
                                                 "reason": "Not checked in this run."}
    app.stop()


def test_resume_and_a_second_start_keep_their_short_answer(qtbot, tmp_path, gnome):
    machine = Machine(tmp_path, gnome, bus={"org.gnome.Mutter.IdleMonitor": 1500},
                      programs=("gsettings", "pactl"))
    app = _app(tmp_path, machine.environ, detect_sources=machine.detect)
    for command in ("resume", "show"):
        reply = app.commands.handle(Request(command))
        assert "Detectors" not in reply.message
        assert "“Quiet during full-screen use” is on" in reply.message
    app.stop()


def test_in_dutch_the_lines_are_dutch_and_the_json_stays_english(qtbot, tmp_path, dutch,
                                                                 gnome):
    machine = Machine(tmp_path, gnome, bus={"org.gnome.Mutter.IdleMonitor": 1500},
                      programs=("gsettings",))
    app = _app(tmp_path, machine.environ, detect_sources=machine.detect)
    reply = _status(app)
    assert _section(reply.message) == [
        "Detectoren op deze desktop (ubuntu:GNOME, wayland, Qt: offscreen):",
        "  Tijd weg van het toetsenbord: GNOME (Mutter-inactiviteitsmonitor)",
        f"  Vensters op volledig scherm: geen: {NO_WINDOW_LIST_NL}",
        "  De niet-storen-stand van de desktop: GNOME-instellingen",
        "  Microfoon in gebruik (gesprekken): geen: pactl is niet gevonden (Debian: "
        "pulseaudio-utils)",
        "  Camera in gebruik (gesprekken): /proc (videoapparaten)",
    ]
    assert reply.data["problems"] == [
        f"“Stil bij volledig scherm” staat aan, maar werkt hier niet: {NO_WINDOW_LIST_NL}.",
    ]  # the camera is enough for calls
    assert reply.data["detectors"]["fullscreen"]["reason"] == NO_WINDOW_LIST
    assert reply.data["detectors"]["microphone"]["reason"] == (
        "pactl was not found (Debian: pulseaudio-utils)")
    app.stop()
