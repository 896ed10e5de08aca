"""Two real Syncthing instances on this machine keeping one folder in step, for system tests of
the shared folder (issue 18).

Each instance has its own home (keys, config, database) under the test's temporary folder and
talks only on 127.0.0.1: its GUI/REST API and its sync protocol listen on free loopback ports,
local and global discovery, relays, NAT traversal, usage and crash reporting, upgrades and the
browser are off. The two know each other by device id and by the explicit address
`tcp://127.0.0.1:PORT`, both added over the REST API, and share one folder with the file
watcher on and a short rescan interval.

Syncthing runs as the test's own user, root in CI. Syncthing 1.19 only warns about root
("should not run as a privileged or system user") and runs; and the sync tool must run as the
user whose files it carries: the app writes its shared files 0600, which a Syncthing running as
another user could not read.

In a test module:

    def test_x(syncthing_pair: Pair) -> None:
        a, b = syncthing_pair.a, syncthing_pair.b
        (a.folder / "x.json").write_bytes(b"{}")
        syncthing_pair.wait_for_file(b, "x.json", b"{}")
        b.stop()                      # the link is down
        ...
        b.start()
        syncthing_pair.wait_connected()
        syncthing_pair.wait_in_sync()

The fixture `syncthing_pair` (in this module; import it into the test module) skips with the
reason where Syncthing is missing, fails where it is there but does not start, and stops both
instances however the test ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

FOLDER_ID = "stressbreak-shared"
WAIT_S = 60.0
START_WAIT_S = 30.0
# The file watcher gathers changes this long before it scans (Syncthing's default is 10 s);
# the rescan catches anything the watcher missed.
WATCHER_DELAY_S = 1
RESCAN_INTERVAL_S = 10
# How soon a device that is not connected is dialled again (Syncthing's default is 60 s): a
# restarted instance finds its peer within this.
RECONNECT_INTERVAL_S = 2
# util-linux (Essential in Debian): the kernel ends Syncthing when the test process ends,
# even by SIGKILL, when no fixture clean-up runs.
SETPRIV = shutil.which("setpriv")
# The REST API is on 127.0.0.1: never through a proxy the environment may name.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))

OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "startBrowser": "false",
    "urAccepted": "-1",  # usage reporting declined, and never asked again
    "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
    "reconnectionIntervalS": str(RECONNECT_INTERVAL_S),
    "stunServer": "",
    "announceLANAddresses": "false",
    "setLowPriority": "false",  # nice(2) upwards is allowed, but not needed here
}


def why_not() -> str | None:
    """Why Syncthing cannot run here, or None."""
    if shutil.which("syncthing") is None:
        return "needs syncthing (Debian: syncthing; .ci/run installs it)"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until(what: str, found: Callable[[], Any], timeout_s: float = WAIT_S,
               ended: Callable[[], str | None] = lambda: None) -> Any:
    """Poll until `found` gives something; fail when time is up or `ended` says why not."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = found()
        if result:
            return result
        why = ended()
        if why:
            pytest.fail(f"while waiting for {what}: {why}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {timeout_s:.0f} s")
        time.sleep(0.1)


class Instance:
    """One Syncthing: its home, its shared folder's path, its ports and its process."""

    def __init__(self, name: str, root: Path) -> None:
        self.name = name
        self.home = root / f"syncthing-{name}"
        self.folder = root / f"folder-{name}"
        self.log = root / f"syncthing-{name}.log"
        self.api_key = secrets.token_urlsafe(24)
        self.gui_port = free_port()
        self.listen_port = free_port()
        self.device_id = ""
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.listen_port}"

    def generate(self) -> None:
        """Make keys and a config that keeps everything on 127.0.0.1."""
        made = subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder",
             "--skip-port-probing"],
            capture_output=True, text=True, env=self._env(), timeout=START_WAIT_S, check=False)
        if made.returncode:
            # Installed but not working is a failure to look at, not a reason to skip.
            pytest.fail(f"syncthing generate did not work: {made.stderr.strip()[-300:]}")
        config = self.home / "config.xml"
        tree = ET.parse(config)
        root = tree.getroot()
        own = root.find("device")
        assert own is not None, "syncthing generate wrote no device"
        self.device_id = own.attrib["id"]
        own.attrib["name"] = self.name
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", self.api_key)
        options = root.find("options")
        assert options is not None
        for listen in options.findall("listenAddress"):
            options.remove(listen)
        _set(options, "listenAddress", self.address)
        for key, value in OPTIONS.items():
            _set(options, key, value)
        tree.write(config)

    def start(self) -> None:
        """Start (or start again, with the same home) and wait until its API answers."""
        assert self.process is None or self.process.poll() is not None, "already running"
        log = self.log.open("ab")
        try:
            self.process = subprocess.Popen(
                [*_ending_with_this_process(), "syncthing", "serve", f"--home={self.home}",
                 "--no-browser", "--no-restart", "--no-upgrade", "--no-default-folder",
                 "--logflags=3"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=self._env(), start_new_session=True)
        finally:
            log.close()
        deadline = time.monotonic() + START_WAIT_S
        while self._ping() is None:
            if self.process.poll() is not None or time.monotonic() > deadline:
                tail = self.log_tail()
                self.kill()
                pytest.fail(f"syncthing {self.name} did not start: {tail}")
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop as Syncthing stops when asked (the link goes down for the other)."""
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(OSError, urllib.error.URLError):
            self.post("/rest/system/shutdown")
        try:
            self.process.wait(timeout=START_WAIT_S)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """End the process and anything it started, whatever state it is in."""
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # a child left in its session

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ended(self) -> str | None:
        if self.running:
            return None
        return f"syncthing {self.name} is not running: {self.log_tail()}"

    def log_tail(self, lines: int = 15) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return "(no log)"

    def get(self, path: str) -> Any:
        return self._call("GET", path)

    def post(self, path: str, body: Any = None) -> Any:
        return self._call("POST", path, body)

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", data=data, method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"})
        with _DIRECT.open(request, timeout=10) as answer:
            text = answer.read().decode()
        return json.loads(text) if text.strip() else None

    def _ping(self) -> Any:
        try:
            return self.get("/rest/system/ping")
        except (OSError, urllib.error.URLError, json.JSONDecodeError):
            return None

    def _env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.lower().endswith("_proxy")}
        # Syncthing's own defaults and caches stay in its home, not the user's.
        env["HOME"] = str(self.home)
        env["STNODEFAULTFOLDER"] = "1"
        env["STNORESTART"] = "1"
        env["STNOUPGRADE"] = "1"
        return env

    def connected_to(self, other: Instance) -> bool:
        connections = self.get("/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def completion(self, other: Instance) -> dict[str, Any]:
        """How far `other` has what this instance has of the folder (Syncthing's view)."""
        answer: dict[str, Any] = self.get(
            f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}")
        return answer

    def folder_status(self) -> dict[str, Any]:
        answer: dict[str, Any] = self.get(f"/rest/db/status?folder={FOLDER_ID}")
        return answer

    def scan(self) -> None:
        """Scan the folder now instead of waiting for the watcher."""
        self.post(f"/rest/db/scan?folder={FOLDER_ID}")


def _ending_with_this_process() -> list[str]:
    return [SETPRIV, "--pdeathsig", "TERM", "--"] if SETPRIV else []


def _set(parent: ET.Element, tag: str, text: str) -> None:
    element = parent.find(tag)
    if element is None:
        element = ET.SubElement(parent, tag)
    element.text = text


class Pair:
    """Two Syncthing instances, `a` and `b`, sharing the folder `FOLDER_ID`."""

    def __init__(self, root: Path) -> None:
        self.a = Instance("a", root)
        self.b = Instance("b", root)

    @property
    def instances(self) -> tuple[Instance, Instance]:
        return self.a, self.b

    def other(self, instance: Instance) -> Instance:
        return self.b if instance is self.a else self.a

    def start(self) -> None:
        for instance in self.instances:
            instance.generate()
        for instance in self.instances:
            instance.start()
        for instance in self.instances:
            other = self.other(instance)
            instance.post("/rest/config/devices", {
                "deviceID": other.device_id, "name": other.name,
                "addresses": [other.address]})
            instance.folder.mkdir(mode=0o700, exist_ok=True)
            instance.post("/rest/config/folders", {
                "id": FOLDER_ID, "label": "StressBreak tests", "path": str(instance.folder),
                "type": "sendreceive",
                "devices": [{"deviceID": instance.device_id}, {"deviceID": other.device_id}],
                "fsWatcherEnabled": True, "fsWatcherDelayS": WATCHER_DELAY_S,
                "rescanIntervalS": RESCAN_INTERVAL_S})
        self.wait_connected()

    def close(self) -> None:
        for instance in self.instances:
            try:
                instance.stop()
            finally:
                instance.kill()

    def ended(self) -> str | None:
        return self.a.ended() or self.b.ended()

    def wait_connected(self, timeout_s: float = WAIT_S) -> None:
        """Until each sees the other connected and the folder is up on both."""
        def up() -> bool:
            return (self.a.connected_to(self.b) and self.b.connected_to(self.a)
                    and all(i.folder_status().get("state") in ("idle", "syncing", "scanning")
                            for i in self.instances))
        wait_until("connection between the two Syncthing instances", up, timeout_s,
                   self.ended)

    def wait_for_file(self, instance: Instance, name: str, content: bytes | None = None,
                      timeout_s: float = WAIT_S) -> float:
        """Until `name` is in `instance`'s folder (with `content`, when given); the seconds it
        took."""
        path = instance.folder / name
        started = time.monotonic()

        def arrived() -> bool:
            try:
                return content is None or path.read_bytes() == content
            except OSError:
                return False
        wait_until(f"{name} in {instance.name}'s folder", arrived, timeout_s,
                   instance.ended)
        return time.monotonic() - started

    def wait_for_no_file(self, instance: Instance, name: str,
                         timeout_s: float = WAIT_S) -> None:
        """Until `name` is gone from `instance`'s folder (a deletion carried over)."""
        path = instance.folder / name
        wait_until(f"{name} gone from {instance.name}'s folder", lambda: not path.exists(),
                   timeout_s, instance.ended)

    def wait_in_sync(self, timeout_s: float = WAIT_S) -> None:
        """Until both are idle with nothing left to pull and each has all of the other's."""
        def settled() -> bool:
            for instance in self.instances:
                status = instance.folder_status()
                if status.get("state") != "idle" or status.get("needTotalItems", 0):
                    return False
                if instance.completion(self.other(instance)).get("completion") != 100:
                    return False
            return True
        wait_until("both Syncthing folders in step", settled, timeout_s, self.ended)


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[Pair]:
    """Two connected Syncthing instances sharing a folder; both stopped after the test."""
    reason = why_not()
    if reason:
        pytest.skip(reason)
    pair = Pair(tmp_path)
    try:
        pair.start()
        yield pair
    finally:
        pair.close()
