"""What one BLE library costs and does, in a process of its own (docs/BLUETOOTH.md).

Usage: python -m tests.system.bluez_probe.probe qt|bleak

Prints one JSON object: RSS (from /proc/self/status) before and after importing the library and
after creating its discovery object, then what a discovery of about 2 s found, or the error it
gave. With no bus at DBUS_SYSTEM_BUS_ADDRESS this shows what each library does without BlueZ; with
the stand-in (tests/system/fake_bluez.py) it shows whether the library reached it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def qt(result: dict[str, Any]) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer

    app = QCoreApplication([])
    result["rss_qt_core_app"] = rss_mb()
    started = time.perf_counter()
    from PySide6.QtBluetooth import QBluetoothDeviceDiscoveryAgent, QBluetoothLocalDevice
    result["import_ms"] = (time.perf_counter() - started) * 1000
    result["rss_after_import"] = rss_mb()
    started = time.perf_counter()
    result["adapters"] = [(d.name(), d.address().toString())
                          for d in QBluetoothLocalDevice.allDevices()]
    result["all_devices_ms"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    agent = QBluetoothDeviceDiscoveryAgent()
    agent.setLowEnergyDiscoveryTimeout(1500)
    result["agent_ms"] = (time.perf_counter() - started) * 1000
    result["rss_after_agent"] = rss_mb()
    found: list[Any] = []
    agent.deviceDiscovered.connect(lambda info: found.append(
        (info.name(), info.address().toString(), [u.toString() for u in info.serviceUuids()])))
    agent.errorOccurred.connect(lambda error: result.setdefault("errors", []).append(
        [str(error), agent.errorString()]))
    agent.finished.connect(app.quit)
    agent.errorOccurred.connect(lambda _error: app.quit())
    QTimer.singleShot(4000, app.quit)
    started = time.perf_counter()
    agent.start(QBluetoothDeviceDiscoveryAgent.DiscoveryMethod.LowEnergyMethod)
    result["start_returned_ms"] = (time.perf_counter() - started) * 1000
    result["active_after_start"] = agent.isActive()
    app.exec()
    result["discovery_ms"] = (time.perf_counter() - started) * 1000
    result["found"] = found
    result["rss_after_discovery"] = rss_mb()


def bleak(result: dict[str, Any]) -> None:
    import asyncio

    started = time.perf_counter()
    from bleak import BleakScanner
    from bleak.exc import BleakError
    result["import_ms"] = (time.perf_counter() - started) * 1000
    result["rss_after_import"] = rss_mb()

    async def run() -> None:
        started = time.perf_counter()
        scanner = BleakScanner()
        result["scanner_ms"] = (time.perf_counter() - started) * 1000
        result["rss_after_scanner"] = rss_mb()
        del scanner
        started = time.perf_counter()
        try:
            devices = await BleakScanner.discover(timeout=1.5, return_adv=True)
            result["found"] = [(d.name, d.address, a.service_uuids)
                               for d, a in devices.values()]
        except (OSError, BleakError) as error:  # no bus socket; a bus without org.bluez
            result["error"] = [type(error).__module__ + "." + type(error).__qualname__,
                               str(error)]
        result["discovery_ms"] = (time.perf_counter() - started) * 1000
        result["rss_after_discovery"] = rss_mb()

    asyncio.run(run())


def main() -> None:
    result: dict[str, Any] = {"library": sys.argv[1], "rss_start": rss_mb()}
    {"qt": qt, "bleak": bleak}[sys.argv[1]](result)
    print(json.dumps(result, default=repr))


if __name__ == "__main__":
    main()
