"""The app's heart-rate sensor code in a process of its own, driven over stdin, for
test_heart_bluez.py: a process of its own because QtDBus keeps one system bus per process, and
each test brings its own.

Usage: python -m tests.system.heart_client sensor ADDRESS FIND_MS SILENT_MS
       python -m tests.system.heart_client scan SCAN_MS

Prints one JSON object a line: {"state": ...} for each state change, {"rr": [...], "hr": n}
for each measurement, {"found": [address, name]}, {"failed": state}, {"finished": true} from a
scan, {"pong": n, "children": [...], "held": [...]} in answer to "ping" (the Qt loop turns;
which Qt objects the sensor still has; which QtBluetooth objects the application holds).
Commands on stdin, one a line: start, stop, ping, quit.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

from stressbreak.core.heart import HeartRateMeasurement
from stressbreak.services.heart_sensor import BluetoothHeartSensor, HeartSensorScan


def say(**values: object) -> None:
    print(json.dumps(values), flush=True)


def main() -> None:
    app = QCoreApplication([])
    target: BluetoothHeartSensor | HeartSensorScan
    if sys.argv[1] == "sensor":
        sensor = BluetoothHeartSensor(sys.argv[2], find_within_ms=int(sys.argv[3]),
                                      silent_after_ms=int(sys.argv[4]))
        sensor.state_changed.connect(lambda state: say(state=state))

        def measured(reading: HeartRateMeasurement) -> None:
            say(rr=list(reading.rr_intervals), hr=reading.heart_rate)

        sensor.measured.connect(measured)
        target = sensor
    else:
        scan = HeartSensorScan(scan_ms=int(sys.argv[2]))
        scan.found.connect(lambda address, name: say(found=[address, name]))
        scan.failed.connect(lambda state: say(failed=state))
        scan.finished.connect(lambda: say(finished=True))
        target = scan
    pings = 0
    pending = b""

    def command() -> None:
        nonlocal pings, pending
        pending += os.read(0, 4096)
        if not pending:
            app.quit()
        *lines, pending = pending.split(b"\n")
        for line in lines:
            word = line.decode().strip()
            if word == "start":
                target.start()
            elif word == "stop":
                target.stop()
            elif word == "ping":
                pings += 1
                say(pong=pings,
                    children=sorted(type(c).__name__ for c in target.findChildren(QObject)),
                    held=sorted(type(c).__name__ for c in app.findChildren(QObject)
                                     if type(c).__module__ == "PySide6.QtBluetooth"))
            elif word == "quit":
                app.quit()

    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    app.exec()


if __name__ == "__main__":
    main()
