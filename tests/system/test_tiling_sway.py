"""On a real tiling compositor (headless sway 1.7), the pause, the stress meter and a dialog open
floating at their own size, and their titles name the app once (issue 16, item 6).

sway refuses to run as root, so it runs as the unprivileged user `.ci/run` also uses, with its
own runtime folder. The app runs as this test's user with `QT_QPA_PLATFORM=wayland` and reaches
sway's socket by its full path (root may open any socket; the app's own runtime folder stays
its own). `swaymsg -t get_tree` then says which windows float.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sway is Linux's")

WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]
SWAY_USER = "stressbreak-ci"  # the unprivileged user .ci/run also uses
APP_NAME = "StressBreak"
RUNUSER = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")
# What PySide6's wayland platform plugin loads (Debian libwayland-client0, libwayland-cursor0,
# libwayland-egl1, libxkbcommon0).
WAYLAND_LIBRARIES = ("wayland-client", "wayland-cursor", "wayland-egl", "xkbcommon")


def _why_not() -> str | None:
    missing = [tool for tool in ("sway", "swaymsg") if shutil.which(tool) is None]
    if missing:
        return f"needs {' and '.join(missing)} (Debian: sway)"
    if os.geteuid() != 0 or RUNUSER is None:
        return "needs root and runuser: sway refuses to run as root, so it runs as another user"
    if subprocess.run(["id", "-u", SWAY_USER], capture_output=True, check=False).returncode:
        return f"needs the unprivileged user {SWAY_USER} (.ci/run makes it)"
    libraries = [name for name in WAYLAND_LIBRARIES if ctypes.util.find_library(name) is None]
    if libraries:
        return f"Qt's wayland plugin needs lib{', lib'.join(libraries)}"
    return None


def wait_for(what: str, found: Callable[[], Any], alive: Callable[[], str | None]) -> Any:
    """Poll until `found` gives something; fail with `alive`'s words if a process ended."""
    deadline = time.monotonic() + WAIT_S
    while True:
        result = found()
        if result:
            return result
        ended = alive()
        if ended:
            pytest.fail(f"while waiting for {what}: {ended}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {WAIT_S:.0f} s")
        time.sleep(0.1)


@dataclass
class Sway:
    process: subprocess.Popen[bytes]
    runtime: Path
    log: Path

    def ended(self) -> str | None:
        if self.process.poll() is None:
            return None
        return f"sway ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"

    def socket(self, pattern: str) -> Path | None:
        return next((p for p in self.runtime.glob(pattern) if p.is_socket()), None)

    def tree(self) -> dict[str, Any]:
        ipc = self.socket("sway-ipc.*.sock")
        assert ipc is not None
        done = subprocess.run(["swaymsg", "-s", str(ipc), "-t", "get_tree", "-r"],
                              capture_output=True, text=True, timeout=WAIT_S, check=True)
        tree: dict[str, Any] = json.loads(done.stdout)
        return tree


@pytest.fixture(scope="module")
def sway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sway]:
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    assert RUNUSER is not None
    home = subprocess.run(["getent", "passwd", SWAY_USER], capture_output=True, text=True,
                          check=True).stdout.split(":")[5]
    made = subprocess.run([RUNUSER, "-u", SWAY_USER, "--", "mktemp", "-d"],
                          capture_output=True, text=True, check=True)
    runtime = Path(made.stdout.strip())  # the user's own, 0700
    config = runtime / "config"
    # An empty configuration: none of the distribution's bars, wallpapers or key bindings,
    # only sway's own defaults (which are what decides floating).
    subprocess.run([RUNUSER, "-u", SWAY_USER, "--", "touch", str(config)], check=True)
    log = tmp_path_factory.mktemp("sway") / "sway.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [RUNUSER, "-u", SWAY_USER, "--", "env", "-i", f"HOME={home}", f"USER={SWAY_USER}",
             "PATH=/usr/local/bin:/usr/bin:/bin", f"XDG_RUNTIME_DIR={runtime}",
             "WLR_BACKENDS=headless", "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman",
             "sway", "-c", str(config)],
            stdout=output, stderr=subprocess.STDOUT)
    compositor = Sway(process, runtime, log)
    try:
        wait_for("sway's sockets",
                 lambda: compositor.socket("wayland-*") and compositor.socket("sway-ipc.*"),
                 compositor.ended)
        yield compositor
    finally:
        process.terminate()
        try:
            process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        subprocess.run(["rm", "-rf", str(runtime)], check=False)


@dataclass
class App:
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    data_dir: Path
    log: Path

    def ended(self) -> str | None:
        if self.process.poll() is None:
            return None
        return f"the app ended ({self.process.returncode}): {self.log.read_text(errors='replace')}"

    def send(self, command: str) -> None:
        done = subprocess.run([sys.executable, "-m", "stressbreak", "--data-dir",
                               str(self.data_dir), command], env=self.env, capture_output=True,
                              text=True, timeout=WAIT_S * 2, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def app(sway: Sway, tmp_path: Path) -> Iterator[App]:
    runtime = Path(tempfile.mkdtemp(prefix="stressbreak-runtime-"))  # 0700, the app's own
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({"native_notifications": False}))
    display = sway.socket("wayland-*")
    assert display is not None
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": str(display),
            "XDG_RUNTIME_DIR": str(runtime), "LANGUAGE": "en", "LC_ALL": "C.UTF-8",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                        env.get("PYTHONPATH")]))}
    log = tmp_path / "app.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir)],
            stdout=output, stderr=subprocess.STDOUT, env=env)
    started = App(process, env, data_dir, log)
    try:
        wait_for("the app's answer", lambda: subprocess.run(
            [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), "status"],
            env=env, capture_output=True, timeout=WAIT_S, check=False).returncode == 0,
            started.ended)
        yield started
    finally:
        process.terminate()
        try:
            process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(runtime, ignore_errors=True)


def _windows(node: dict[str, Any], floating: bool = False) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every window in sway's tree, and whether it floats."""
    if node.get("pid"):
        yield node, floating
    for child in node.get("nodes", []):
        yield from _windows(child, floating)
    for child in node.get("floating_nodes", []):
        yield from _windows(child, True)


def _ours(sway: Sway, app: App) -> dict[str, tuple[dict[str, Any], bool]]:
    """The app's windows by title (the title bar's text: title and display name)."""
    return {node["name"]: (node, floating) for node, floating in _windows(sway.tree())
            if node.get("pid") == app.process.pid and node.get("name")}


def _shown(sway: Sway, app: App, title: str) -> tuple[dict[str, Any], bool]:
    found: tuple[dict[str, Any], bool] = wait_for(
        f"window {title!r} in sway's tree",
        lambda: _ours(sway, app).get(title),
        lambda: sway.ended() or app.ended())
    return found


def test_the_stress_meter_a_dialog_and_the_pause_float_at_their_own_size(sway, app):
    app.send("checkin")
    meter, floating = _shown(sway, app, f"Stress meter — {APP_NAME}")
    assert floating, "the stress meter was tiled"
    app.send("settings")
    settings, floating = _shown(sway, app, f"Settings — {APP_NAME}")
    assert floating, "the settings dialog was tiled"
    app.send("pause")
    pause, floating = wait_for(
        "the pause in sway's tree",
        lambda: next((found for title, found in _ours(sway, app).items()
                      if title.startswith("A minute ")), None),
        lambda: sway.ended() or app.ended())
    assert floating, "the pause was tiled"
    screen = sway.tree()["rect"]
    for window in (meter, settings, pause):
        # At its own size: well inside the 1280×720 output, not a tile of it.
        rect = window["rect"]
        assert rect["width"] < screen["width"] * 0.8 and rect["height"] < screen["height"], (
            window["name"], rect)
    for title in _ours(sway, app):
        assert title.count(APP_NAME) == 1, title
