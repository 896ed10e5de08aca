"""The Linux presence backends against real servers started by the test.

- Full screen: Xvfb with a real client window (xmessage). Xvfb has no window manager, so the
  test does what a window manager does: it sets `_NET_WM_STATE` on the window and
  `_NET_ACTIVE_WINDOW` on the root with xprop. The detector only reads those properties, so
  this tests the reader (and the X round trips) for real.
- Microphone: a private PulseAudio with a null sink and a null source (a microphone that
  hears silence); `parecord` recording the null source is a capture stream of another
  process, which must hold reminders, and must stop doing so once it ends. A loopback of the
  sink's monitor, or a recorder of it, is no call and holds nothing (issue 14, case 8). The
  PipeWire sound server answers the same `pactl` requests.
Debian packages: xvfb x11-utils (xprop, xwininfo, xmessage); pulseaudio pulseaudio-utils.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from stressbreak.services.presence import (
    Check,
    PactlMicrophone,
    ProcCamera,
    X11Fullscreen,
    _load_xcb,
    detect_backends,
)


def _missing(*tools: str) -> list[str]:
    return [tool for tool in tools if shutil.which(tool) is None]


def _wait_for(probe: Callable[[], Check], want: bool | None, timeout_s: float = 10.0) -> Check:
    deadline = time.monotonic() + timeout_s
    while True:
        result = probe()
        if result.active is want or time.monotonic() > deadline:
            return result
        time.sleep(0.1)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- full screen under Xvfb ---------------------------------------------------------------------


@pytest.fixture
def xvfb() -> Iterator[dict[str, str]]:
    missing = _missing("Xvfb", "xprop", "xwininfo", "xmessage")
    if missing:
        pytest.skip("needs " + ", ".join(missing) + " (Debian: xvfb x11-utils)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "800x600x24", "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,), stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env = dict(os.environ, DISPLAY=display)
        env.pop("WAYLAND_DISPLAY", None)
        env.pop("XDG_SESSION_TYPE", None)
        yield env
    finally:
        _stop(proc)


def _x(env: dict[str, str], *args: str) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, check=True,
                          timeout=10).stdout


def _client_window(env: dict[str, str], title: str) -> tuple[subprocess.Popen[bytes], str]:
    proc = subprocess.Popen(["xmessage", "-name", title, "-title", title, title], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        info = subprocess.run(["xwininfo", "-name", title], env=env, capture_output=True,
                              text=True, check=False, timeout=10).stdout
        for line in info.splitlines():
            if "Window id:" in line:
                return proc, line.split("Window id:")[1].split()[0]
        time.sleep(0.05)
    _stop(proc)
    pytest.fail("xmessage did not show its window")


def _activate(env: dict[str, str], window: str) -> None:
    _x(env, "xprop", "-root", "-f", "_NET_ACTIVE_WINDOW", "32x", "-set", "_NET_ACTIVE_WINDOW",
       window)


def _set_state(env: dict[str, str], window: str, *states: str) -> None:
    """Write _NET_WM_STATE as a window manager does: a list of atoms (xprop writes only one)."""
    xcb, _libc = _load_xcb()
    conn = xcb.xcb_connect(env["DISPLAY"].encode(), None)
    assert not xcb.xcb_connection_has_error(conn)
    try:
        atoms = []
        for name in ("_NET_WM_STATE", *states):
            reply = xcb.xcb_intern_atom_reply(
                conn, xcb.xcb_intern_atom(conn, 0, len(name), name.encode()), None)
            atoms.append(reply.contents.atom)
        values = (ctypes.c_uint32 * len(states))(*atoms[1:])
        xcb.xcb_change_property.argtypes = [
            ctypes.c_void_p, ctypes.c_uint8, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32,
            ctypes.c_uint8, ctypes.c_uint32, ctypes.c_void_p]
        xcb.xcb_change_property(conn, 0, int(window, 16), atoms[0], 4, 32, len(states), values)
        xcb.xcb_flush.argtypes = [ctypes.c_void_p]
        xcb.xcb_flush(conn)
        xcb.xcb_get_input_focus_reply.argtypes = [ctypes.c_void_p, ctypes.c_uint,
                                                  ctypes.c_void_p]
        # A round trip: the change is applied before anyone else asks.
        xcb.xcb_get_input_focus_reply.restype = ctypes.c_void_p
        xcb.xcb_get_input_focus.restype = ctypes.c_uint
        xcb.xcb_get_input_focus.argtypes = [ctypes.c_void_p]
        _libc.free(xcb.xcb_get_input_focus_reply(conn, xcb.xcb_get_input_focus(conn), None))
    finally:
        xcb.xcb_disconnect(conn)


def test_x11_fullscreen_follows_the_active_windows_state(xvfb: dict[str, str]):
    backends = detect_backends(platform="linux", environ=xvfb)
    source = backends.fullscreen
    assert isinstance(source, X11Fullscreen)
    try:
        assert source.check() == Check("fullscreen", False, "no active window")
        app, window = _client_window(xvfb, "presence-test")
        try:
            _activate(xvfb, window)
            _set_state(xvfb, window, "_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_FULLSCREEN")
            found = source.check()
            assert found.active is True
            assert found.detail == "Xmessage"  # its WM_CLASS
            # Cost of one check that finds full screen: three round trips to a local server.
            started = time.perf_counter()
            for _ in range(100):
                source.check()
            cost_ms = (time.perf_counter() - started) * 10
            print(f"X11 full-screen check (full screen): {cost_ms:.2f} ms")
            assert cost_ms < 20
            _set_state(xvfb, window, "_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_ABOVE")
            assert source.check() == Check("fullscreen", False, "")
            _set_state(xvfb, window)
            assert source.check() == Check("fullscreen", False, "")

            # Our own full-screen window (by _NET_WM_PID) does not hold reminders.
            _set_state(xvfb, window, "_NET_WM_STATE_FULLSCREEN")
            _x(xvfb, "xprop", "-id", window, "-f", "_NET_WM_PID", "32c", "-set", "_NET_WM_PID",
               str(os.getpid()))
            assert source.check() == Check("fullscreen", False, "our own window")
        finally:
            _stop(app)
        # The active window is gone (a stale _NET_ACTIVE_WINDOW): an X error, not a crash.
        assert source.check().active is False
        # Cost of one check that finds no full screen.
        started = time.perf_counter()
        for _ in range(100):
            source.check()
        cost_ms = (time.perf_counter() - started) * 10
        print(f"X11 full-screen check (none): {cost_ms:.2f} ms")
        assert cost_ms < 20
    finally:
        backends.close()


def test_x11_fullscreen_without_a_display_cannot_tell():
    source = X11Fullscreen(":987", own_pid=os.getpid())
    result = source.check()
    assert result.active is None
    assert "987" in result.detail or "libxcb" in result.detail


# -- microphone with a private PulseAudio ---------------------------------------------------------


@pytest.fixture
def pulse(tmp_path: Path) -> Iterator[dict[str, str]]:
    missing = _missing("pulseaudio", "pactl", "parecord")
    if missing:
        pytest.skip("needs " + ", ".join(missing) + " (Debian: pulseaudio pulseaudio-utils)")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    home = tmp_path / "home"
    home.mkdir()
    socket = tmp_path / "native"
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime),
               XDG_CONFIG_HOME=str(home / ".config"), PULSE_SERVER=f"unix:{socket}")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "-L", "module-null-sink sink_name=nullsink",
         "-L", "module-null-source source_name=nullmic",
         "-L", f"module-native-protocol-unix socket={socket}"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["pactl", "info"], env=env, capture_output=True,
                             check=False).returncode != 0:
            if server.poll() is not None:
                assert server.stderr is not None
                pytest.fail("pulseaudio did not start: " + server.stderr.read().decode())
            assert time.monotonic() < deadline, "pulseaudio did not answer in time"
            time.sleep(0.1)
        yield env
    finally:
        _stop(server)


def test_a_process_recording_audio_holds_reminders(pulse: dict[str, str]):
    backends = detect_backends(platform="linux", environ=pulse)
    source = backends.microphone
    assert isinstance(source, PactlMicrophone)
    assert source.check() == Check("microphone", False, "")

    recorder = subprocess.Popen(["parecord", "-d", "nullmic", "/dev/null"], env=pulse,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(source.check, True) == Check("microphone", True, "parecord")
        started = time.perf_counter()
        for _ in range(20):
            source.check()
        cost_ms = (time.perf_counter() - started) * 1000 / 20
        print(f"pactl microphone check: {cost_ms:.1f} ms")
        assert cost_ms < 200
    finally:
        _stop(recorder)
    assert _wait_for(source.check, False) == Check("microphone", False, "")


def test_a_loopback_or_recorder_of_a_monitor_is_no_call_but_a_microphone_recorder_is(
        pulse: dict[str, str]):
    """Issue 14, case 8: `pactl load-module module-loopback source=nullsink.monitor` held
    reminders for as long as it ran, and so did any recorder of a monitor source."""
    source = PactlMicrophone(pulse, own_pid=os.getpid())
    module = subprocess.run(
        ["pactl", "load-module", "module-loopback", "source=nullsink.monitor", "sink=nullsink"],
        env=pulse, capture_output=True, text=True, check=True, timeout=10).stdout.strip()
    desktop_recorder = subprocess.Popen(
        ["parecord", "-n", "desktop recorder", "-d", "nullsink.monitor", "/dev/null"],
        env=pulse, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Both streams are there (so the check below sees them) ...
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "list", "short", "source-outputs"], env=pulse,
                             capture_output=True, text=True, check=True,
                             timeout=10).stdout.count("\n") < 2:
            assert time.monotonic() < deadline, "the loopback and the recorder did not start"
            time.sleep(0.1)
        # ... and neither is a call.
        assert source.check() == Check("microphone", False, "")

        call = subprocess.Popen(["parecord", "-n", "call", "-d", "nullmic", "/dev/null"],
                                env=pulse, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert _wait_for(source.check, True) == Check("microphone", True, "call")
        finally:
            _stop(call)
        assert _wait_for(source.check, False) == Check("microphone", False, "")
    finally:
        _stop(desktop_recorder)
        subprocess.run(["pactl", "unload-module", module], env=pulse, check=False, timeout=10)


def test_a_recording_of_our_own_does_not_count(pulse: dict[str, str]):
    recorder = subprocess.Popen(["parecord", "-d", "nullmic", "/dev/null"], env=pulse,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        others = PactlMicrophone(pulse, own_pid=os.getpid())
        assert _wait_for(others.check, True).active is True
        # The same stream seen by a StressBreak whose pid is the recorder's.
        assert PactlMicrophone(pulse, own_pid=recorder.pid).check().active is False
    finally:
        _stop(recorder)


def test_no_sound_server_means_cannot_tell(tmp_path: Path):
    if _missing("pactl"):
        pytest.skip("needs pactl (Debian: pulseaudio-utils)")
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/nothing-here", HOME=str(tmp_path))
    result = PactlMicrophone(env, own_pid=os.getpid()).check()
    assert result.active is None
    assert "Connection" in result.detail


# -- camera through its seam, and the real /proc -------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_camera_scan_of_the_real_proc(tmp_path: Path):
    """This machine may have no camera: a plain file opened by a child process stands in for
    the device, and the real /proc is scanned for it."""
    device = tmp_path / "video0"
    device.write_bytes(b"")
    source = ProcCamera(os.getpid(), Path("/proc"), str(tmp_path / "video*"))
    assert source.check() == Check("camera", False, "")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; f=open(sys.argv[1],'rb'); print(1, flush=True);"
         " time.sleep(60)", str(device)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        holder.stdout.readline()  # the file is open now
        found = source.check()
        assert found.active is True
        assert found.detail.startswith("python")
        started = time.perf_counter()
        for _ in range(10):
            source.check()
        cost_ms = (time.perf_counter() - started) * 100
        entries = sum(1 for _ in Path("/proc").iterdir())
        print(f"/proc camera scan: {cost_ms:.1f} ms over {entries} entries")
        assert cost_ms < 500
    finally:
        _stop(holder)
    assert source.check().active is False
