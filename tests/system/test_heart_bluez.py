"""The heart-rate strap's real code path (services/heart_sensor.py on QtBluetooth's BlueZ D-Bus
backend, unmodified) against the stand-in BlueZ (fake_bluez.py) on a private system bus.

The sensor runs in a process of its own (heart_client.py, driven over stdin), since QtDBus
keeps one system bus per process. The stand-in is started as a `bluetoothd` whose `--version`
says 5.66, so Qt's own BlueZ detection picks the D-Bus backend. Debian packages: dbus.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon (Debian: dbus)")
pytest.importorskip("jeepney", reason="the stand-in BlueZ speaks D-Bus through jeepney")

from stressbreak.core.heart import parse_rr_text  # noqa: E402
from stressbreak.services.heart_replay import beats_by_second  # noqa: E402
from tests.system.fake_bluez import (  # noqa: E402
    DEFAULT_RECORDING,
    STRAP_ADDRESS,
    STRAP_NAME,
    private_system_bus,
    start_stand_in,
)

ROOT = Path(__file__).parents[2]
WAIT_S = 15  # an upper bound for any one step; the steps take about a second


class Process:
    """A child process whose stdout lines arrive in a queue."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stdout = process.stdout
        threading.Thread(target=lambda: [self.lines.put(line) for line in stdout],
                         daemon=True).start()

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError(f"nothing from {self.process.args} in {WAIT_S} s") from None

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(5)


class Client(Process):
    """heart_client.py: the sensor (or the scan) and what it says, as dicts."""

    def __init__(self, bus: str, *args: str) -> None:
        super().__init__(subprocess.Popen(
            [sys.executable, "-m", "tests.system.heart_client", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=ROOT, env={**os.environ, "DBUS_SYSTEM_BUS_ADDRESS": bus}))
        self.said: list[dict[str, Any]] = []

    def send(self, word: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(word + "\n")
        self.process.stdin.flush()

    def until(self, done: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        """What it says up to and including the first line for which `done` holds."""
        heard: list[dict[str, Any]] = []
        while True:
            line = json.loads(self.next_line())
            self.said.append(line)
            heard.append(line)
            if done(line):
                return heard

    def state(self, state: str) -> list[dict[str, Any]]:
        return self.until(lambda line: line.get("state") == state)

    def ping(self) -> dict[str, Any]:
        self.send("ping")
        return self.until(lambda line: "pong" in line)[-1]

    def quit(self) -> str:
        """Ends it; returns its stderr, where a Python exception in a slot would show."""
        self.send("quit")
        _out, err = self.process.communicate(timeout=10)
        assert self.process.returncode == 0, err
        return err


def states(lines: list[dict[str, Any]]) -> list[str]:
    return [line["state"] for line in lines if "state" in line]


def measurements(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if "rr" in line]


def recorded(count: int) -> list[float]:
    """The recording's first intervals, in the strap's 1/1024 s."""
    rr = parse_rr_text(DEFAULT_RECORDING.read_text())
    return [round(v * 1024) / 1024 for v in rr[:count]]


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    with private_system_bus(tmp_path) as address:
        yield address


@pytest.fixture
def stand_in(bus: str, tmp_path: Path) -> Iterator[Callable[..., Process]]:
    started: list[Process] = []

    def start(*args: str) -> Process:
        started.append(Process(start_stand_in(bus, tmp_path, *args)))
        return started[-1]

    yield start
    for process in started:
        process.end()


def test_the_strap_streams_goes_away_comes_back_and_dies(bus, stand_in):
    bluez = stand_in("--garble")
    client = Client(bus, "sensor", STRAP_ADDRESS, "5000", "2500")
    client.send("start")
    heard = client.until(lambda _line: len(measurements(client.said)) == 4)
    assert states(heard) == ["searching", "receiving"]
    # Every beat in order, a notification for each second with the beats that ended in it;
    # the garbled notification left out.
    assert [line["rr"] for line in measurements(heard)] == [
        list(beats) for beats in beats_by_second(recorded(200))[:4]]
    assert all(line["hr"] == round(60 / line["rr"][-1])
               for line in measurements(heard) if line["rr"])

    assert "QLowEnergyController" in client.ping()["children"]

    os.kill(bluez.process.pid, signal.SIGUSR1)  # the strap leaves
    assert states(client.state("lost")) == ["lost"]
    assert client.ping()["children"] == ["QTimer"]  # no Bluetooth object left behind
    assert client.ping()["held"] == []

    client.send("start")  # it is back on the next scan
    heard = client.until(lambda line: "rr" in line)
    assert states(heard) == ["searching", "receiving"]
    assert heard[-1]["rr"] == recorded(len(heard[-1]["rr"]))

    bluez.process.kill()  # BlueZ itself dies: only the silence says so
    assert states(client.state("lost")) == ["lost"]
    client.ping()  # the loop still turns

    stand_in()
    client.send("start")
    assert states(client.until(lambda line: "rr" in line)) == ["searching", "receiving"]
    client.send("stop")
    client.state("off")
    # The controller goes once BlueZ has answered Disconnect; nothing waited for it.
    deadline = time.monotonic() + WAIT_S
    while (pong := client.ping())["held"]:
        assert time.monotonic() < deadline, "the controller was not let go"
    assert pong["children"] == ["QTimer"]

    client.send("start")  # BlueZ still knows the strap this time: seen again all the same
    assert states(client.until(lambda line: "rr" in line)) == ["searching", "receiving"]
    assert "Traceback" not in client.quit()
    assert states(client.said) == ["searching", "receiving", "lost"] * 2 + [
        "searching", "receiving", "off", "searching", "receiving"]


def test_a_16_bit_heart_rate_reads_the_same(bus, stand_in):
    stand_in("--rate-16bit")
    client = Client(bus, "sensor", STRAP_ADDRESS.lower(), "5000", "2500")
    client.send("start")
    first = client.until(lambda line: "rr" in line)[-1]
    assert first["rr"] == recorded(1)
    assert first["hr"] == round(60 / first["rr"][0])
    client.quit()


def test_a_strap_that_never_shows_is_absent(bus, stand_in):
    stand_in()
    client = Client(bus, "sensor", "11:22:33:44:55:66", "1500", "2500")
    client.send("start")
    assert states(client.state("absent")) == ["searching", "absent"]
    pong = client.ping()
    assert (pong["children"], pong["held"]) == (["QTimer"], [])
    assert "Traceback" not in client.quit()


@pytest.mark.parametrize("bluez", [None, "--no-adapter", "--powered-off"],
                         ids=["no BlueZ", "no adapter", "Bluetooth off"])
def test_without_bluetooth_the_sensor_is_unavailable(bus, stand_in, bluez):
    if bluez is not None:
        stand_in(bluez)
    client = Client(bus, "sensor", STRAP_ADDRESS, "5000", "2500")
    client.send("start")
    assert states(client.state("unavailable")) == ["searching", "unavailable"]
    assert "Traceback" not in client.quit()


@pytest.mark.parametrize("advertised", [[], ["--no-uuids"]],
                         ids=["by its service", "by its name"])
def test_the_scan_finds_the_strap_and_only_the_strap(bus, stand_in, advertised):
    stand_in(*advertised)
    client = Client(bus, "scan", "1500")
    client.send("start")
    heard = client.until(lambda line: "finished" in line)
    assert [line["found"] for line in heard if "found" in line] == [[STRAP_ADDRESS, STRAP_NAME]]
    assert "Traceback" not in client.quit()


def test_the_scan_says_when_there_is_no_bluetooth(bus):
    client = Client(bus, "scan", "1500")
    client.send("start")
    assert client.until(lambda line: "finished" in line) == [
        {"failed": "unavailable"}, {"finished": True}]
    assert "Traceback" not in client.quit()
