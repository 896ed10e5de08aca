"""Is a notification service there? Asked of a real, private session bus (dbus-daemon) as the
app asks it (`QtBusOffers` through QtDBus): no owner, an owner, the owner gone, a service that
D-Bus would start on demand, and no bus at all. Debian package: dbus (dbus-daemon)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from stressbreak.services.notify import SERVICE, QtBusOffers

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None,
                                reason="needs dbus-daemon (Debian: dbus)")


@contextlib.contextmanager
def private_bus(tmp_path: Path, *, activatable: bool = False) -> Iterator[str]:
    """A session bus of its own; with `activatable`, one that would start a notification
    service on demand (as GNOME's and dunst's are), which is not running."""
    services = tmp_path / "share" / "dbus-1" / "services"
    services.mkdir(parents=True)
    if activatable:
        (services / f"{SERVICE}.service").write_text(
            f"[D-BUS Service]\nName={SERVICE}\nExec={shutil.which('touch')} "
            f"{tmp_path / 'started'}\n")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon did not start"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


def test_the_bus_says_whether_a_notification_service_runs(qapp, tmp_path: Path):
    with private_bus(tmp_path) as address:
        offers = QtBusOffers({"DBUS_SESSION_BUS_ADDRESS": address})
        assert offers(SERVICE) is False
        owner = QDBusConnection.connectToBus(address, "stand-in-notification-service")
        try:
            assert owner.registerService(SERVICE)
            assert offers(SERVICE) is True
            assert owner.unregisterService(SERVICE)
            assert offers(SERVICE) is False
        finally:
            QDBusConnection.disconnectFromBus("stand-in-notification-service")


def test_a_service_the_bus_would_start_counts_and_is_not_started(qapp, tmp_path: Path):
    with private_bus(tmp_path, activatable=True) as address:
        assert QtBusOffers({"DBUS_SESSION_BUS_ADDRESS": address})(SERVICE) is True
    assert not (tmp_path / "started").exists()  # asking started nothing


def test_without_a_session_bus_there_is_nothing_to_ask(qapp, tmp_path: Path):
    assert QtBusOffers({"XDG_RUNTIME_DIR": str(tmp_path)})(SERVICE) is None
    assert QtBusOffers({"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'none'}"})(
        SERVICE) is None
