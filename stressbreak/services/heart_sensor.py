"""The heart-rate strap over Bluetooth LE (QtBluetooth), and the scan that finds one.

`BluetoothHeartSensor` is the `HeartSource` for a strap whose address the user picked. Started,
it looks for the strap with a short LE scan first: BlueZ forgets an unpaired strap that went
out of reach, and Qt can only connect to a device BlueZ knows (docs/BLUETOOTH.md). Seen, it
connects, finds the Heart Rate Service (0x180D) and its measurement characteristic (0x2A37),
and switches its notifications on by writing 01 00 to the Client Characteristic Configuration
(0x2902; BlueZ's backend turns that into StartNotify). Each notification becomes a
core.heart.HeartRateMeasurement; one that does not parse is skipped.

States: SEARCHING from start() to the first notification; RECEIVING from then on; ABSENT when
the strap is not seen within `find_within_ms`; LOST when it disconnects, any step fails, or no
notification comes for `silent_after_ms` (a strap can stay "connected" for a while after it
went quiet, and a vanished BlueZ sends nothing at all); UNAVAILABLE when there is no adapter, no
BlueZ, or Bluetooth is off. After ABSENT or LOST, start() begins again with a fresh scan.

Nothing here waits on the strap: QtBluetooth's BlueZ backend talks D-Bus asynchronously on the
Qt loop, and stop() asks the controller to disconnect and lets it delete itself once it has
(a dead strap's disconnect can take seconds; meanwhile the application holds it, so the sensor
itself can go at once). PySide6.QtBluetooth is imported on the first
start(), never at start-up (tests/unit/test_lean_imports.py): hence the imports inside
functions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QTimer, Signal

from stressbreak.core.heart import SensorState, parse_measurement
from stressbreak.services.heart_source import HeartSource

if TYPE_CHECKING:
    from PySide6.QtBluetooth import (
        QBluetoothDeviceDiscoveryAgent,
        QBluetoothDeviceInfo,
        QLowEnergyCharacteristic,
        QLowEnergyController,
        QLowEnergyService,
    )

# Straps that list no services in their advertisement are still offered when their name says
# what they are (Polar, Garmin, Wahoo, Decathlon and the unbranded "HRM" ones).
_STRAP_NAME = re.compile(r"\b(hrm|hr|heart|polar h\d+|tickr|h9|h10)\b", re.IGNORECASE)


def _unavailable(agent_error: object) -> bool:
    """Whether a discovery error means there is no usable Bluetooth at all."""
    from PySide6.QtBluetooth import QBluetoothDeviceDiscoveryAgent  # noqa: PLC0415

    error = QBluetoothDeviceDiscoveryAgent.Error
    return agent_error in (error.InputOutputError, error.PoweredOffError,
                           error.InvalidBluetoothAdapterError, error.UnsupportedPlatformError,
                           error.UnsupportedDiscoveryMethod, error.LocationServiceTurnedOffError,
                           error.MissingPermissionsError)


def _new_agent(parent: QObject) -> QBluetoothDeviceDiscoveryAgent:
    from PySide6.QtBluetooth import QBluetoothDeviceDiscoveryAgent  # noqa: PLC0415

    return QBluetoothDeviceDiscoveryAgent(parent)


def _start_le_scan(agent: QBluetoothDeviceDiscoveryAgent) -> None:
    from PySide6.QtBluetooth import QBluetoothDeviceDiscoveryAgent  # noqa: PLC0415

    agent.start(QBluetoothDeviceDiscoveryAgent.DiscoveryMethod.LowEnergyMethod)


def _drop_agent(agent: QBluetoothDeviceDiscoveryAgent) -> None:
    # Blocked first: stopping can emit `canceled`, and an error can arrive inside start().
    agent.blockSignals(True)
    if agent.isActive():
        agent.stop()
    agent.deleteLater()


def device_id(info: QBluetoothDeviceInfo) -> str:
    """What the settings remember a strap by: its Bluetooth address, or where the platform
    hides addresses (macOS: CoreBluetooth gives 00:00:00:00:00:00) the id it gives the device
    instead, a UUID. Upper case: the scan and the sensor compare them."""
    address = info.address()
    if address.isNull():
        return info.deviceUuid().toString().upper()
    return address.toString().upper()


class BluetoothHeartSensor(HeartSource):
    """One remembered strap, read while started (module docstring)."""

    def __init__(self, address: str, *, find_within_ms: int = 15000,
                 silent_after_ms: int = 10000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._address = address.upper()
        self._find_within_ms = find_within_ms
        self._silent_after_ms = silent_after_ms
        self._agent: QBluetoothDeviceDiscoveryAgent | None = None
        self._controller: QLowEnergyController | None = None
        self._service: QLowEnergyService | None = None
        # One timer for every wait: the scan (→ ABSENT), then connecting and the silence
        # between notifications (→ LOST).
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._on_deadline)
        self._on_timeout = SensorState.ABSENT

    @property
    def address(self) -> str:
        return self._address

    def start(self) -> None:
        if self._state in (SensorState.SEARCHING, SensorState.RECEIVING):
            return
        self._set_state(SensorState.SEARCHING)
        agent = _new_agent(self)
        # No timeout of Qt's: the deadline below ends the scan, so one figure says how long.
        agent.setLowEnergyDiscoveryTimeout(0)
        agent.deviceDiscovered.connect(self._on_device)
        agent.deviceUpdated.connect(self._on_device_updated)
        agent.errorOccurred.connect(self._on_scan_error)
        agent.finished.connect(self._on_scan_finished)
        self._agent = agent
        self._arm(self._find_within_ms, SensorState.ABSENT)
        _start_le_scan(agent)

    def stop(self) -> None:
        self._release()
        self._set_state(SensorState.OFF)

    # -- scanning ---------------------------------------------------------------------------

    def _on_device_updated(self, info: QBluetoothDeviceInfo, _fields: object) -> None:
        self._on_device(info)

    def _on_device(self, info: QBluetoothDeviceInfo) -> None:
        if self._agent is None or device_id(info) != self._address:
            return
        _drop_agent(self._agent)
        self._agent = None
        self._connect(info)

    def _on_scan_error(self, error: object) -> None:
        self._end(SensorState.UNAVAILABLE if _unavailable(error) else SensorState.ABSENT)

    def _on_scan_finished(self) -> None:
        if self._agent is not None:
            self._end(SensorState.ABSENT)

    # -- connecting and receiving -----------------------------------------------------------

    def _connect(self, info: QBluetoothDeviceInfo) -> None:
        from PySide6.QtBluetooth import QLowEnergyController  # noqa: PLC0415

        controller = QLowEnergyController.createCentral(info, self)
        controller.connected.connect(self._on_connected)
        controller.discoveryFinished.connect(self._on_services)
        controller.disconnected.connect(self._on_link_gone)
        controller.errorOccurred.connect(self._on_link_gone)
        self._controller = controller
        # From here the strap was seen: a connection that never completes is a lost strap.
        self._arm(self._silent_after_ms, SensorState.LOST)
        controller.connectToDevice()

    def _on_connected(self) -> None:
        if self._controller is not None:
            self._controller.discoverServices()

    def _on_services(self) -> None:
        from PySide6.QtBluetooth import QBluetoothUuid, QLowEnergyService  # noqa: PLC0415

        if self._controller is None:
            return
        service = self._controller.createServiceObject(
            QBluetoothUuid(QBluetoothUuid.ServiceClassUuid.HeartRate), self)
        if service is None:
            self._end(SensorState.LOST)
            return
        service.stateChanged.connect(self._on_service_state)
        service.characteristicChanged.connect(self._on_notification)
        service.errorOccurred.connect(self._on_link_gone)
        self._service = service
        # Values are not read: the measurement is notify-only, and every read is a round trip.
        service.discoverDetails(QLowEnergyService.DiscoveryMode.SkipValueDiscovery)

    def _on_service_state(self, state: object) -> None:
        from PySide6.QtBluetooth import QBluetoothUuid, QLowEnergyService  # noqa: PLC0415

        if state != QLowEnergyService.ServiceState.RemoteServiceDiscovered or not self._service:
            return
        measurement = self._service.characteristic(
            QBluetoothUuid(QBluetoothUuid.CharacteristicType.HeartRateMeasurement))
        configuration = measurement.descriptor(
            QBluetoothUuid(QBluetoothUuid.DescriptorType.ClientCharacteristicConfiguration))
        if not configuration.isValid():
            self._end(SensorState.LOST)
            return
        self._service.writeDescriptor(configuration, b"\x01\x00")

    def _on_notification(self, characteristic: QLowEnergyCharacteristic,
                         value: QByteArray) -> None:
        from PySide6.QtBluetooth import QBluetoothUuid  # noqa: PLC0415

        if characteristic.uuid() != QBluetoothUuid(
                QBluetoothUuid.CharacteristicType.HeartRateMeasurement):
            return
        try:
            reading = parse_measurement(bytes(value.data()))
        except ValueError:
            return  # a garbled notification; the next one a second later will do
        self._arm(self._silent_after_ms, SensorState.LOST)
        self._set_state(SensorState.RECEIVING)
        self.measured.emit(reading)

    def _on_link_gone(self, *_why: object) -> None:
        self._end(SensorState.LOST)

    # -- endings ----------------------------------------------------------------------------

    def _arm(self, ms: int, state: SensorState) -> None:
        self._on_timeout = state
        self._deadline.start(ms)

    def _on_deadline(self) -> None:
        self._end(self._on_timeout)

    def _end(self, state: SensorState) -> None:
        if self._state not in (SensorState.SEARCHING, SensorState.RECEIVING):
            return
        self._release()
        self._set_state(state)

    def _release(self) -> None:
        self._deadline.stop()
        if self._agent is not None:
            _drop_agent(self._agent)
            self._agent = None
        if self._service is not None:
            self._service.blockSignals(True)
            self._service.deleteLater()
            self._service = None
        if self._controller is not None:
            _let_go(self._controller)
            self._controller = None


def _let_go(controller: QLowEnergyController) -> None:
    """Disconnects without waiting; the controller deletes itself once BlueZ has answered."""
    from PySide6.QtBluetooth import QLowEnergyController  # noqa: PLC0415

    for signal in (controller.connected, controller.discoveryFinished, controller.disconnected,
                   controller.errorOccurred):
        signal.disconnect()
    unconnected = QLowEnergyController.ControllerState.UnconnectedState
    if controller.state() == unconnected:
        controller.deleteLater()
        return

    def closed(state: object) -> None:
        if state == unconnected:
            controller.deleteLater()

    # The sensor may be deleted before BlueZ answers (a pause closed, its sensor with it); a
    # controller deleted mid-disconnect makes Qt complain, so the application holds it till then.
    controller.setParent(QCoreApplication.instance())
    controller.stateChanged.connect(closed)
    controller.disconnectFromDevice()


class HeartSensorScan(QObject):
    """Lists the heart-rate straps around, for the picker in Settings.

    `found(address, name)` once per strap: a device advertising the Heart Rate Service, or,
    when it lists no services, one named like a strap. `finished()` ends every scan, also one
    stopped by stop(); before it, `failed(state)` with SensorState.UNAVAILABLE's value when
    there is no usable Bluetooth.
    """

    found = Signal(str, str)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, *, scan_ms: int = 10000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scan_ms = scan_ms
        self._agent: QBluetoothDeviceDiscoveryAgent | None = None
        self._seen: set[str] = set()

    def start(self) -> None:
        if self._agent is not None:
            return
        self._seen.clear()
        agent = _new_agent(self)
        agent.setLowEnergyDiscoveryTimeout(self._scan_ms)
        agent.deviceDiscovered.connect(self._on_device)
        agent.deviceUpdated.connect(self._on_device_updated)
        agent.errorOccurred.connect(self._on_error)
        agent.finished.connect(self._finish)
        self._agent = agent
        _start_le_scan(agent)

    def stop(self) -> None:
        self._finish()

    def _on_device_updated(self, info: QBluetoothDeviceInfo, _fields: object) -> None:
        self._on_device(info)

    def _on_device(self, info: QBluetoothDeviceInfo) -> None:
        from PySide6.QtBluetooth import QBluetoothUuid  # noqa: PLC0415

        address = device_id(info)
        if address in self._seen:
            return
        uuids = info.serviceUuids()
        heart = QBluetoothUuid(QBluetoothUuid.ServiceClassUuid.HeartRate)
        if heart in uuids or (not uuids and _STRAP_NAME.search(info.name())):
            self._seen.add(address)
            self.found.emit(address, info.name())

    def _on_error(self, error: object) -> None:
        if _unavailable(error):
            self.failed.emit(SensorState.UNAVAILABLE.value)
        self._finish()

    def _finish(self) -> None:
        if self._agent is None:
            return
        _drop_agent(self._agent)
        self._agent = None
        self.finished.emit()
