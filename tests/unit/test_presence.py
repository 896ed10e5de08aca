"""Presence detection: the parsers and rules, backend choice per platform, and the camera scan
over a fake /proc tree."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from stressbreak.core.messages import Message
from stressbreak.services.presence import (
    QUNS_ACCEPTS_NOTIFICATIONS,
    QUNS_APP,
    QUNS_BUSY,
    QUNS_NOT_PRESENT,
    QUNS_PRESENTATION_MODE,
    QUNS_QUIET_TIME,
    QUNS_RUNNING_D3D_FULL_SCREEN,
    CaptureStream,
    Check,
    GnomeDoNotDisturb,
    NotificationServerInhibited,
    PactlMicrophone,
    ProcCamera,
    WindowsConsentStore,
    WindowsNotificationState,
    X11Fullscreen,
    camera_users,
    consent_app_name,
    consent_in_use,
    detect_backends,
    gnome_banners_mean_dnd,
    inhibited_check,
    microphone_check,
    notification_state_check,
    parse_source_outputs_json,
    parse_source_outputs_text,
    recording_streams,
    wm_class_name,
)

OWN_PID = 4242

# Captured from PulseAudio 16.1 (pactl list source-outputs, LC_ALL=C) with parecord recording a
# null sink's monitor; a second stream added in the same shape: a corked browser stream. Which
# sources are monitors is left out of these tests (FakePactl lists no sources): see
# test_presence_monitors.py for that rule on real output.
TEXT_OUTPUT = """\
Source Output #0
\tDriver: protocol-native.c
\tOwner Module: 1
\tClient: 3
\tSource: 0
\tSample Specification: s16le 2ch 44100Hz
\tChannel Map: front-left,front-right
\tFormat: pcm, format.sample_format = "\\"s16le\\""  format.rate = "44100"
\tCorked: no
\tMute: no
\tVolume: front-left: 65536 / 100% / 0.00 dB,   front-right: 65536 / 100% / 0.00 dB
\t        balance 0.00
\tBuffer Latency: 1628639 usec
\tSource Latency: 0 usec
\tResample method: n/a
\tProperties:
\t\tmedia.format = "WAV (Microsoft)"
\t\tapplication.name = "parecord"
\t\tmedia.name = "/dev/null"
\t\tnative-protocol.peer = "UNIX socket client"
\t\tapplication.process.id = "29104"
\t\tapplication.process.user = "root"
\t\tapplication.process.binary = "pacat"
Source Output #7
\tDriver: protocol-native.c
\tSource: 2
\tCorked: yes
\tMute: no
\tProperties:
\t\tapplication.name = "Firefox"
\t\tmedia.name = "AudioCallbackDriver"
\t\tapplication.process.id = "5150"
"""

JSON_OUTPUT = (
    '[{"index":0,"driver":"protocol-native.c","owner_module":"1","client":"3","source":0,'
    '"sample_specification":"s16le 2ch 44100Hz","channel_map":"front-left,front-right",'
    '"format":"pcm, format.sample_format = \\"\\\\\\"s16le\\\\\\"\\"","corked":false,'
    '"mute":false,"volume":{"front-left":{"value":65536,"value_percent":"100%",'
    '"db":"0.00 dB"}},"balance":0.00,"buffer_latency_usec":1628639.00,'
    '"source_latency_usec":0.00,"resample_method":"","properties":{"media.format":'
    '"WAV (Microsoft)","application.name":"parecord","media.name":"/dev/null",'
    '"application.process.id":"29104","application.process.binary":"pacat"}},'
    '{"index":3,"source":1,"corked":false,"properties":{"media.name":"Peak detect",'
    '"application.name":"PulseAudio Volume Control","application.process.id":"777"}},'
    '{"index":4,"source":1,"corked":false,"properties":{"application.process.binary":'
    '"zoom","application.process.id":"888"}}]'
)


# -- microphone -----------------------------------------------------------------------------------


def test_text_and_json_outputs_parse_to_streams():
    assert parse_source_outputs_text(TEXT_OUTPUT) == [
        CaptureStream("parecord", 29104, corked=False, media_name="/dev/null", source=0),
        CaptureStream("Firefox", 5150, corked=True, media_name="AudioCallbackDriver", source=2),
    ]
    assert parse_source_outputs_json(JSON_OUTPUT) == [
        CaptureStream("parecord", 29104, corked=False, media_name="/dev/null", source=0),
        CaptureStream("PulseAudio Volume Control", 777, corked=False, media_name="Peak detect",
                      source=1),
        CaptureStream("zoom", 888, corked=False, media_name="", source=1),
    ]


def test_no_streams_parse_to_nothing():
    assert parse_source_outputs_text("") == []
    assert parse_source_outputs_json("[]") == []


def test_the_recording_rule():
    ours = CaptureStream("stressbreak", OWN_PID, corked=False, media_name="x")
    paused = CaptureStream("Firefox", 1, corked=True, media_name="x")
    meter = CaptureStream("Volume Control", 2, corked=False, media_name="Peak detect")
    call = CaptureStream("Teams", 3, corked=False, media_name="x")
    monitor_recording = CaptureStream("OBS", 4, corked=False, media_name="desktop audio",
                                      source=5)
    sink_recording = CaptureStream("Chromium", 6, corked=False, media_name="", reads_sink=True)
    loopback = CaptureStream("", None, corked=False, media_name="Loopback", plumbing=True)
    unknown_pid = CaptureStream("", None, corked=False, media_name="")
    assert recording_streams(
        [ours, paused, meter, call, monitor_recording, sink_recording, loopback, unknown_pid],
        OWN_PID, monitors=frozenset({5})) == [call, unknown_pid]


def test_microphone_check_names_each_application_once():
    streams = [CaptureStream("Teams", 3, corked=False, media_name=""),
               CaptureStream("Teams", 3, corked=False, media_name=""),
               CaptureStream("", 9, corked=False, media_name="")]
    assert microphone_check(streams, OWN_PID) == Check(
        "microphone", True, "Teams, another application")
    assert microphone_check([], OWN_PID) == Check("microphone", False, "")


class FakePactl:
    """Stands in for the pactl process only: answers as a given pactl version would."""

    def __init__(self, knows_json: bool, text: str = TEXT_OUTPUT, json_text: str = JSON_OUTPUT,
                 failure: str = "") -> None:
        self.knows_json = knows_json
        self.text = text
        self.json_text = json_text
        self.failure = failure
        self.commands: list[list[str]] = []

    def __call__(self, command: Sequence[str], environ: Mapping[str, str]
                 ) -> subprocess.CompletedProcess[str]:
        self.commands.append(list(command))
        if self.failure:
            return subprocess.CompletedProcess(command, 1, "", self.failure)
        if "-f" in command:
            if not self.knows_json:
                return subprocess.CompletedProcess(command, 1, "", "pactl: invalid option -- 'f'")
            answer = "[]" if command[-1] == "sources" else self.json_text
            return subprocess.CompletedProcess(command, 0, answer, "")
        answer = "" if command[-1] == "sources" else self.text
        return subprocess.CompletedProcess(command, 0, answer, "")


def test_pactl_json_is_preferred():
    pactl = FakePactl(knows_json=True)
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check(
        "microphone", True, "parecord, zoom")
    # Someone records, so which sources are monitors is asked too.
    assert pactl.commands == [["pactl", "-f", "json", "list", "source-outputs"],
                              ["pactl", "-f", "json", "list", "sources"]]


def test_an_old_pactl_is_read_as_text_from_then_on():
    pactl = FakePactl(knows_json=False)
    source = PactlMicrophone({}, OWN_PID, run=pactl)
    assert source.check() == Check("microphone", True, "parecord")
    assert source.check().active is True
    assert pactl.commands[1:] == [["pactl", "list", "source-outputs"],
                                  ["pactl", "list", "sources"]] * 2


def test_no_sound_server_is_cannot_tell():
    pactl = FakePactl(knows_json=True, failure="Connection failure: Connection refused\nmore")
    assert PactlMicrophone({}, OWN_PID, run=pactl).check() == Check(
        "microphone", None, "Connection failure: Connection refused")


def test_pactl_runs_in_the_given_environment_in_english(tmp_path: Path):
    script = tmp_path / "pactl"
    script.write_text('#!/bin/sh\necho "[]"\nenv > "$OUT"\n')
    script.chmod(0o755)
    environ = {"PATH": f"{tmp_path}:/usr/bin:/bin", "OUT": str(tmp_path / "env"),
               "PULSE_SERVER": "unix:/x", "LANG": "nl_NL.UTF-8"}
    assert PactlMicrophone(environ, OWN_PID).check() == Check("microphone", False, "")
    seen = (tmp_path / "env").read_text().splitlines()
    assert "PULSE_SERVER=unix:/x" in seen
    assert "LC_ALL=C" in seen


# -- desktop do-not-disturb --------------------------------------------------------------------


def test_gnome_banners_off_means_do_not_disturb():
    assert gnome_banners_mean_dnd("false\n") is True
    assert gnome_banners_mean_dnd("true\n") is False
    assert gnome_banners_mean_dnd("No such schema") is None


def test_gnome_source_runs_gsettings():
    def run(command: Sequence[str], environ: Mapping[str, str]
            ) -> subprocess.CompletedProcess[str]:
        assert list(command) == ["gsettings", "get", "org.gnome.desktop.notifications",
                                 "show-banners"]
        return subprocess.CompletedProcess(command, 0, "false\n", "")

    assert GnomeDoNotDisturb({}, run=run).check() == Check(
        "desktop-dnd", True, "GNOME do not disturb")


def test_inhibited_values():
    assert inhibited_check(True) == Check("desktop-dnd", True, "notifications are inhibited")
    assert inhibited_check(False) == Check("desktop-dnd", False, "")
    assert inhibited_check("yes").active is None


def test_inhibited_without_a_bus_cannot_tell(tmp_path: Path):
    source = NotificationServerInhibited(f"unix:path={tmp_path}/no-bus")
    result = source.check()
    assert result.active is None


# -- camera ---------------------------------------------------------------------------------------


def _fake_proc(tmp_path: Path) -> tuple[Path, Path]:
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "video0").write_bytes(b"")
    (dev / "video1").write_bytes(b"")
    (dev / "null").write_bytes(b"")
    proc = tmp_path / "proc"
    for pid, comm, targets in (
        ("100", "zoom", ["null", "video1"]),
        (str(OWN_PID), "stressbreak", ["video0"]),
        ("300", "bash", ["null"]),
        ("400", "cheese", ["video0"]),
    ):
        fd = proc / pid / "fd"
        fd.mkdir(parents=True)
        (proc / pid / "comm").write_text(comm + "\n")
        for number, target in enumerate(targets):
            (fd / str(number)).symlink_to(dev / target)
    (proc / "self").symlink_to(proc / "300")
    (proc / "500").mkdir()  # another user's process: no readable fd folder
    (proc / "meminfo").write_text("")
    return proc, dev


def test_camera_users_in_a_fake_proc(tmp_path: Path):
    proc, dev = _fake_proc(tmp_path)
    assert sorted(camera_users(proc, str(dev / "video*"), OWN_PID)) == [
        (100, "zoom"), (400, "cheese")]
    assert ProcCamera(OWN_PID, proc, str(dev / "video*")).check().active is True


def test_no_camera_device_means_not_in_use(tmp_path: Path):
    proc, dev = _fake_proc(tmp_path)
    assert ProcCamera(OWN_PID, proc, str(dev / "camera*")).check() == Check("camera", False, "")


def test_only_our_own_process_holds_the_camera(tmp_path: Path):
    proc, dev = _fake_proc(tmp_path)
    for pid in ("100", "400"):
        for link in (proc / pid / "fd").iterdir():
            link.unlink()
    assert ProcCamera(OWN_PID, proc, str(dev / "video*")).check() == Check("camera", False, "")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_fd_folders_are_skipped(tmp_path: Path):
    proc, dev = _fake_proc(tmp_path)
    (proc / "100" / "fd").chmod(0)
    try:
        assert camera_users(proc, str(dev / "video*"), OWN_PID) == [(400, "cheese")]
    finally:
        (proc / "100" / "fd").chmod(0o700)


# -- X11 helper -----------------------------------------------------------------------------------


def test_wm_class_name():
    assert wm_class_name(b"navigator\0firefox\0") == "firefox"
    assert wm_class_name(b"mpv\0") == "mpv"
    assert wm_class_name(b"") == ""


# -- Windows --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "active"), [
    (QUNS_NOT_PRESENT, True), (QUNS_BUSY, True), (QUNS_RUNNING_D3D_FULL_SCREEN, True),
    (QUNS_PRESENTATION_MODE, True), (QUNS_ACCEPTS_NOTIFICATIONS, False),
    (QUNS_QUIET_TIME, False), (QUNS_APP, True), (0, None), (99, None),
])
def test_windows_notification_states(state: int, active: bool | None):
    result = notification_state_check(state)
    assert result.name == "fullscreen"
    assert result.active is active


def test_consent_store_names():
    assert consent_app_name("C:#Program Files#Zoom#bin#Zoom.exe") == "Zoom.exe"
    assert consent_app_name("Microsoft.WindowsCamera_8wekyb3d8bbwe") == "Microsoft.WindowsCamera"


def test_consent_store_in_use_rule():
    values = {
        "C:#Program Files#Zoom#bin#Zoom.exe": (133_000_000_000_000_000, 0),  # in use
        "Microsoft.WindowsCamera_8wekyb3d8bbwe": (133_000_000_000_000_000,
                                                  133_000_000_100_000_000),  # stopped
        "C:#Tools#never.exe": (0, 0),  # allowed but never used
        "C:#Tools#partial.exe": (None, None),
        "C:#Python311#pythonw.exe": (133_000_000_000_000_000, 0),  # ourselves
    }
    assert consent_in_use(values, own_executable=r"C:\Python311\PYTHONW.EXE") == ["Zoom.exe"]
    assert consent_in_use(values) == ["Zoom.exe", "pythonw.exe"]


def test_consent_store_source_reads_its_capability():
    asked: list[str] = []

    def read(capability: str) -> dict[str, tuple[int | None, int | None]]:
        asked.append(capability)
        return {"C:#Teams#ms-teams.exe": (5, 0)}

    source = WindowsConsentStore("webcam", "camera", read=read, own_executable="")
    assert source.check() == Check("camera", True, "ms-teams.exe")
    assert asked == ["webcam"]


# -- which backends, per platform -----------------------------------------------------------------


def _which(*present: str):
    return lambda name: f"/usr/bin/{name}" if name in present else None


def _assert_reasons_for_missing(backends) -> None:
    for name, source in (("fullscreen", backends.fullscreen),
                         ("desktop-dnd", backends.desktop_dnd),
                         ("microphone", backends.microphone), ("camera", backends.camera)):
        if source is None:
            reason = backends.reasons[name]
            assert isinstance(reason, Message)
            assert reason.context == "presence"
        else:
            assert name not in backends.reasons
            assert source.what == name


def test_linux_x11_kde_with_every_tool(tmp_path: Path):
    proc, _dev = _fake_proc(tmp_path)
    backends = detect_backends(
        platform="linux", own_pid=OWN_PID, proc_root=proc, which=_which("pactl", "gsettings"),
        environ={"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "KDE",
                 "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"})
    assert isinstance(backends.fullscreen, X11Fullscreen)
    assert isinstance(backends.desktop_dnd, NotificationServerInhibited)
    assert isinstance(backends.microphone, PactlMicrophone)
    assert isinstance(backends.camera, ProcCamera)
    assert backends.reasons == {}
    _assert_reasons_for_missing(backends)


def test_linux_gnome_uses_gsettings_and_wayland_has_no_fullscreen(tmp_path: Path):
    proc, _dev = _fake_proc(tmp_path)
    backends = detect_backends(
        platform="linux", own_pid=OWN_PID, proc_root=proc, which=_which("gsettings"),
        environ={"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland",
                 "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"})
    assert backends.fullscreen is None
    assert "Wayland" in backends.reasons["fullscreen"]
    assert isinstance(backends.desktop_dnd, GnomeDoNotDisturb)
    assert backends.microphone is None
    assert "pulseaudio-utils" in backends.reasons["microphone"]
    _assert_reasons_for_missing(backends)


def test_linux_without_display_bus_tools_or_proc(tmp_path: Path):
    backends = detect_backends(platform="linux", own_pid=OWN_PID, which=_which(),
                               proc_root=tmp_path / "no-proc", environ={})
    assert backends.sources() == []
    assert set(backends.reasons) == {"fullscreen", "desktop-dnd", "microphone", "camera"}
    _assert_reasons_for_missing(backends)


def test_the_session_bus_is_found_at_its_standard_place(tmp_path: Path):
    (tmp_path / "bus").write_text("")
    backends = detect_backends(platform="linux", own_pid=OWN_PID, which=_which(),
                               proc_root=tmp_path, environ={"XDG_RUNTIME_DIR": str(tmp_path)})
    assert isinstance(backends.desktop_dnd, NotificationServerInhibited)


def test_windows_backends():
    backends = detect_backends(platform="win32", environ={}, own_pid=OWN_PID)
    assert isinstance(backends.fullscreen, WindowsNotificationState)
    assert isinstance(backends.microphone, WindowsConsentStore)
    assert isinstance(backends.camera, WindowsConsentStore)
    assert backends.desktop_dnd is None
    assert "Focus Assist" in backends.reasons["desktop-dnd"]
    _assert_reasons_for_missing(backends)


def test_macos_says_why_for_each():
    backends = detect_backends(platform="darwin", environ={}, own_pid=OWN_PID)
    assert backends.sources() == []
    assert set(backends.reasons) == {"fullscreen", "desktop-dnd", "microphone", "camera"}
    _assert_reasons_for_missing(backends)


def test_detection_opens_nothing():
    """Constructing the sources does no I/O: a display that does not exist is no error yet."""
    backends = detect_backends(platform="linux", own_pid=OWN_PID, which=_which(),
                               environ={"DISPLAY": ":9876"})
    assert isinstance(backends.fullscreen, X11Fullscreen)
    backends.close()
