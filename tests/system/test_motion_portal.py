"""The motion preference read from the XDG settings portal for real: a stand-in
org.freedesktop.portal.Desktop on a private session bus (dbus-daemon), asked through QtDBus
exactly as the app asks it (`platform_motion` with the bus address in the environment).

The stand-in answers like xdg-desktop-portal: `ReadOne` (version 2) gives the value in one
variant, `Read` (version 1) in two, an unknown key is `org.freedesktop.portal.Error.NotFound`.
It prints every call it gets, so the tests also see what was asked. (It sends
`reduced-motion` as a 32-bit signed number where the real portal sends an unsigned one: both
reach Python as the same int.) Debian package: dbus (dbus-daemon).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from stressbreak.services.motion import (
    DBUS_TIMEOUT_MS,
    ENABLE_ANIMATIONS,
    GSETTINGS_COMMAND,
    REDUCED_MOTION,
    MotionReader,
    platform_motion,
)

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon (Debian: dbus)")

_STAND_IN = r"""
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusVariant, QDBusVirtualObject

app = QCoreApplication([])
config = json.loads(sys.argv[1])
values = {tuple(key.split(" ", 1)): value for key, value in config["values"].items()}


class Portal(QDBusVirtualObject):
    def introspect(self, path):
        return ""

    def handleMessage(self, message, connection):
        if message.interface() != "org.freedesktop.portal.Settings":
            return False
        method, arguments = message.member(), tuple(message.arguments())
        print(json.dumps([method, *arguments]), flush=True)
        if config["hang"]:
            return True  # taken, never answered
        if method not in ("Read", "ReadOne") or (method == "ReadOne" and config["version"] < 2):
            reply = message.createErrorReply("org.freedesktop.DBus.Error.UnknownMethod",
                                             "No such method " + method)
        elif arguments in values:
            value = QDBusVariant(values[arguments])
            if method == "Read":  # version 1's mistake, kept since: a variant in a variant
                outer = QDBusVariant()
                outer.setVariant(value)
                value = outer
            reply = message.createReply(value)
        else:
            reply = message.createErrorReply("org.freedesktop.portal.Error.NotFound",
                                             "Requested setting not found")
        connection.send(reply)
        return True


portal = Portal()
bus = QDBusConnection.sessionBus()
print(json.dumps(bus.registerVirtualObject("/org/freedesktop/portal/desktop", portal)
                 and bus.registerService("org.freedesktop.portal.Desktop")), flush=True)
app.exec()
"""


@contextlib.contextmanager
def session_bus() -> Iterator[str]:
    """A private dbus-daemon; yields its address. Without the session's runtime folder, where
    a session bus keeps its transient services: the user's bus has its own there."""
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon did not start"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


class StandInPortal:
    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._process = process
        self.calls: list[list[Any]] = []

    def stop(self) -> list[list[Any]]:
        """End the stand-in; every call it got, as [method, namespace, key]."""
        self._process.terminate()
        out, _ = self._process.communicate(timeout=10)
        self.calls = [json.loads(line) for line in out.splitlines() if line.strip()]
        return self.calls


@contextlib.contextmanager
def stand_in_portal(address: str, values: dict[tuple[str, str], object], *, version: int = 2,
                    hang: bool = False) -> Iterator[StandInPortal]:
    config = {"values": {" ".join(key): value for key, value in values.items()},
              "version": version, "hang": hang}
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    env.update(DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([sys.executable, "-c", _STAND_IN, json.dumps(config)], env=env,
                               stdout=subprocess.PIPE, text=True)
    stand_in = StandInPortal(process)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "true", "the stand-in portal did not start"
        yield stand_in
    finally:
        if process.poll() is None:
            stand_in.stop()


class Runner:
    """gsettings, replaced: records that it was asked and answers `output`."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.commands: list[tuple[str, ...]] = []

    def __call__(self, command) -> str | None:
        self.commands.append(tuple(command))
        return self.output


def _reader(address: str, run: Runner) -> MotionReader:
    return platform_motion(platform="linux", run=run, environ={
        "DBUS_SESSION_BUS_ADDRESS": address, "XDG_CURRENT_DESKTOP": "GNOME",
        "HOME": "/nonexistent"})


def _asked(*keys: tuple[str, str], method: str = "ReadOne") -> list[list[str]]:
    return [[method, *key] for key in keys]


@pytest.mark.parametrize(("values", "answer", "asked"), [
    ({REDUCED_MOTION: 1, ENABLE_ANIMATIONS: True}, True, [REDUCED_MOTION]),
    ({REDUCED_MOTION: 0, ENABLE_ANIMATIONS: False}, True, [REDUCED_MOTION, ENABLE_ANIMATIONS]),
    ({ENABLE_ANIMATIONS: False}, True, [REDUCED_MOTION, ENABLE_ANIMATIONS]),
    ({ENABLE_ANIMATIONS: True}, False, [REDUCED_MOTION, ENABLE_ANIMATIONS]),
])
def test_the_portal_s_answer(values, answer, asked):
    run = Runner("false\n")  # would say "less motion": it must not be asked here
    with session_bus() as address, stand_in_portal(address, values) as portal:
        reader = _reader(address, run)
        assert reader.reduce_motion() is answer
        calls = portal.stop()
    assert calls == _asked(*asked)
    assert run.commands == []


def test_a_portal_without_the_keys_leaves_it_to_gsettings():
    run = Runner("true\n")
    with session_bus() as address, stand_in_portal(address, {}) as portal:
        assert _reader(address, run).reduce_motion() is False
        calls = portal.stop()
    assert calls == _asked(REDUCED_MOTION, ENABLE_ANIMATIONS)
    assert run.commands == [GSETTINGS_COMMAND]


def test_a_version_1_portal_is_read_with_read_and_its_double_variant_unwrapped():
    with session_bus() as address, stand_in_portal(
            address, {REDUCED_MOTION: 0, ENABLE_ANIMATIONS: False}, version=1) as portal:
        reader = _reader(address, Runner(None))
        assert reader.reduce_motion() is True
        assert reader.reduce_motion() is True  # ReadOne is not tried again
        calls = portal.stop()
    assert calls == [["ReadOne", *REDUCED_MOTION],
                     *_asked(REDUCED_MOTION, ENABLE_ANIMATIONS, method="Read") * 2]


def test_no_portal_on_the_bus_is_quick_and_starts_nothing():
    run = Runner(None)
    with session_bus() as address:
        reader = _reader(address, run)
        started = time.perf_counter()
        assert reader.reduce_motion() is None
        elapsed_ms = (time.perf_counter() - started) * 1000
    print(f"\nno portal on the bus: {elapsed_ms:.1f} ms")
    assert elapsed_ms < DBUS_TIMEOUT_MS  # an immediate "no such service", no waiting
    assert run.commands == [GSETTINGS_COMMAND]


def test_no_bus_at_all_is_no_answer():
    run = Runner(None)
    reader = platform_motion(platform="linux", run=run, environ={
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus", "HOME": "/nonexistent"})
    assert reader.reduce_motion() is None
    assert run.commands == [GSETTINGS_COMMAND]


def test_a_portal_that_never_answers_costs_one_timeout_once_per_read():
    run = Runner(None)
    with session_bus() as address, stand_in_portal(address, {}, hang=True) as portal:
        reader = _reader(address, run)
        started = time.perf_counter()
        assert reader.reduce_motion() is None
        elapsed_ms = (time.perf_counter() - started) * 1000
        calls = portal.stop()
    print(f"\na portal that never answers: {elapsed_ms:.0f} ms")
    assert calls == _asked(REDUCED_MOTION)  # given up after the first question
    assert DBUS_TIMEOUT_MS * 0.9 <= elapsed_ms < DBUS_TIMEOUT_MS * 2
    assert run.commands == [GSETTINGS_COMMAND]


def test_the_cost_of_one_read():
    with session_bus() as address, stand_in_portal(
            address, {REDUCED_MOTION: 0, ENABLE_ANIMATIONS: True}) as portal:
        reader = _reader(address, Runner(None))
        started = time.perf_counter()
        assert reader.reduce_motion() is False
        first_ms = (time.perf_counter() - started) * 1000
        times_ms = []
        for _ in range(50):
            started = time.perf_counter()
            assert reader.reduce_motion() is False
            times_ms.append((time.perf_counter() - started) * 1000)
        calls = portal.stop()
    median_ms = statistics.median(times_ms)
    print(f"\nmotion preference from the portal: first read {first_ms:.1f} ms (connects), "
          f"then {median_ms:.2f} ms median, {max(times_ms):.2f} ms at most (two round trips)")
    assert len(calls) == 2 * 51
    assert median_ms < 20  # generous for a loaded CI machine; about 0.5 ms here
