"""A stand-in BlueZ with one heart-rate strap, on the bus in DBUS_SYSTEM_BUS_ADDRESS.

Usage: python -m tests.system.fake_bluez [--recording RR.csv] [--rate-16bit] [--garble]
                                         [--no-uuids] [--no-adapter] [--powered-off]
Tests start it with `start_stand_in` and the bus with `private_system_bus` (both below).

It owns `org.bluez` and exports what the app's real code path (QtBluetooth's BlueZ D-Bus
backend, docs/BLUETOOTH.md) reads and calls: the ObjectManager at `/`; the adapter
`/org/bluez/hci0` (Adapter1: StartDiscovery, StopDiscovery, SetDiscoveryFilter, RemoveDevice,
Powered); on each StartDiscovery the strap `dev_C0_FF_EE_00_18_0D` (Device1: Connect,
Disconnect, Connected, ServicesResolved, UUIDs, Name, Address, RSSI), announced by
InterfacesAdded (or, when BlueZ still has it, by a fresh RSSI), and beside it a keyboard that
is no strap. With --no-uuids the strap's advertisement lists no services, as some do. On
Connect its GATT objects appear: the Heart Rate Service 0x180D, its measurement characteristic
0x2A37 (Flags notify, StartNotify / StopNotify) and that characteristic's descriptor 0x2902.
After StartNotify one
Heart Rate Measurement a second goes out as PropertiesChanged of Value, built from the recording
as a strap builds it: the RR intervals of the beats that ended in that second (none when no beat
ended), the heart rate from the newest of them, 8-bit (or 16-bit with --rate-16bit), contact
detected. The recording loops. With --garble every third second also brings a ragged
notification (an RR interval cut in half) just before the real one, as a radio glitch would.

Going away: SIGUSR1 = the strap leaves (notifications stop, Connected and ServicesResolved
false, its objects removed, as BlueZ removes an unpaired device that went away; the next
StartDiscovery finds it again); SIGTERM = this BlueZ just dies. --no-adapter: a BlueZ with no
adapter; --powered-off: its adapter is off.

Every call it gets is printed as one JSON line [interface, member, path, *arguments]; "ready"
once it owns the name. Written with jeepney, the project's own D-Bus library.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from stressbreak.core.heart import parse_rr_text
from stressbreak.services.heart_replay import beats_by_second

ADAPTER = "/org/bluez/hci0"
STRAP_ADDRESS = "C0:FF:EE:00:18:0D"
STRAP_NAME = "Stand-in HRM"
STRAP = f"{ADAPTER}/dev_{STRAP_ADDRESS.replace(':', '_')}"
# Another device nearby, that is no strap: the scan must leave it out.
OTHER_ADDRESS = "C0:FF:EE:00:00:01"
OTHER = f"{ADAPTER}/dev_{OTHER_ADDRESS.replace(':', '_')}"
SERVICE = f"{STRAP}/service000c"
CHARACTERISTIC = f"{SERVICE}/char000d"
DESCRIPTOR = f"{CHARACTERISTIC}/desc000f"
HEART_RATE_SERVICE = "0000180d-0000-1000-8000-00805f9b34fb"
HEART_RATE_MEASUREMENT = "00002a37-0000-1000-8000-00805f9b34fb"
CLIENT_CONFIGURATION = "00002902-0000-1000-8000-00805f9b34fb"
PROPERTIES = "org.freedesktop.DBus.Properties"
OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"
DEVICE1 = "org.bluez.Device1"
CHARACTERISTIC1 = "org.bluez.GattCharacteristic1"
DEFAULT_RECORDING = Path(__file__).parents[1] / "data" / "heart" / "rr-resonance-6min.csv"
# What a Debian bluetoothd prints for `--version`; QtBluetooth asks (docs/BLUETOOTH.md).
BLUEZ_VERSION = "5.66"

Properties = dict[str, tuple[str, Any]]


def adapter_properties(powered: bool) -> Properties:
    return {
        "Address": ("s", "00:1A:7D:DA:71:13"), "AddressType": ("s", "public"),
        "Name": ("s", "stand-in"), "Alias": ("s", "stand-in"), "Class": ("u", 0),
        "Powered": ("b", powered), "PowerState": ("s", "on" if powered else "off"),
        "Discoverable": ("b", False), "DiscoverableTimeout": ("u", 180),
        "Pairable": ("b", True), "PairableTimeout": ("u", 0), "Discovering": ("b", False),
        "UUIDs": ("as", []), "Modalias": ("s", ""), "Roles": ("as", ["central"]),
    }


def device_properties(address: str, name: str, uuids: list[str]) -> Properties:
    return {
        "Address": ("s", address), "AddressType": ("s", "random"),
        "Name": ("s", name), "Alias": ("s", name), "Adapter": ("o", ADAPTER),
        "Paired": ("b", False), "Bonded": ("b", False), "Trusted": ("b", False),
        "Blocked": ("b", False), "Connected": ("b", False), "ServicesResolved": ("b", False),
        "LegacyPairing": ("b", False), "RSSI": ("n", -58), "Appearance": ("q", 833),
        "UUIDs": ("as", uuids), "ManufacturerData": ("a{qv}", {}),
        "ServiceData": ("a{sv}", {}),
    }


def gatt_objects() -> dict[str, dict[str, Properties]]:
    return {
        SERVICE: {"org.bluez.GattService1": {
            "UUID": ("s", HEART_RATE_SERVICE), "Device": ("o", STRAP), "Primary": ("b", True),
            "Includes": ("ao", [])}},
        CHARACTERISTIC: {CHARACTERISTIC1: {
            "UUID": ("s", HEART_RATE_MEASUREMENT), "Service": ("o", SERVICE),
            "Value": ("ay", b""), "Notifying": ("b", False), "Flags": ("as", ["notify"])}},
        DESCRIPTOR: {"org.bluez.GattDescriptor1": {
            "UUID": ("s", CLIENT_CONFIGURATION), "Characteristic": ("o", CHARACTERISTIC),
            "Value": ("ay", b"")}},
    }


def measurement(rr: Sequence[float], heart_rate: int, *, rate_16bit: bool) -> bytes:
    """Heart Rate Measurement bytes: contact supported and detected, RR when there are any."""
    flags = 0x06 | (0x01 if rate_16bit else 0) | (0x10 if rr else 0)
    data = bytes([flags]) + heart_rate.to_bytes(2 if rate_16bit else 1, "little")
    return data + b"".join(round(v * 1024).to_bytes(2, "little") for v in rr)


class Bluez:
    def __init__(self, connection: Any, recording: list[float], *, rate_16bit: bool,
                 garble: bool, strap_uuids: bool, adapter: bool, powered: bool) -> None:
        self.connection = connection
        self.strap_uuids = [HEART_RATE_SERVICE] if strap_uuids else []
        # As a strap sends it, and as the app's own replay does: each second's beats.
        self.seconds = beats_by_second(recording)
        self.rate_16bit = rate_16bit
        self.garble = garble
        self.objects: dict[str, dict[str, Properties]] = {}
        if adapter:
            self.objects[ADAPTER] = {"org.bluez.Adapter1": adapter_properties(powered)}
        self.next_second = 0
        self.next_at: float | None = None  # monotonic time of the next notification
        self.heart_rate = 60

    # -- the bus ----------------------------------------------------------------------------

    def handle(self, message: Any) -> None:
        if message.header.message_type is not MessageType.method_call:
            return
        fields = message.header.fields
        interface, member = fields.get(HeaderFields.interface), fields[HeaderFields.member]
        path = fields[HeaderFields.path]
        print(json.dumps([interface, member, path, *message.body], default=repr), flush=True)
        if member == "GetManagedObjects" and path == "/":
            self.reply(message, "a{oa{sa{sv}}}", (self.objects,))
        elif interface == PROPERTIES and path in self.objects:
            self.properties(message, member, path)
        elif interface == "org.bluez.Adapter1" and path == ADAPTER and path in self.objects:
            self.adapter(message, member)
        elif interface == DEVICE1 and path == STRAP and path in self.objects:
            self.device(message, member)
        elif interface == CHARACTERISTIC1 and path == CHARACTERISTIC and path in self.objects:
            self.characteristic(message, member)
        elif (interface == "org.bluez.GattDescriptor1" and path == DESCRIPTOR
              and path in self.objects):
            self.descriptor(message, member)
        elif member == "Introspect":
            self.reply(message, "s", ("<node/>",))
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def properties(self, message: Any, member: str, path: str) -> None:
        interface = message.body[0]
        values = self.objects[path].get(interface)
        if values is None:
            self.error(message, "org.freedesktop.DBus.Error.InvalidArgs")
        elif member == "GetAll":
            self.reply(message, "a{sv}", (values,))
        elif member == "Get" and message.body[1] in values:
            self.reply(message, "v", (values[message.body[1]],))
        elif member == "Set":
            self.reply(message)
        else:
            self.error(message, "org.freedesktop.DBus.Error.InvalidArgs")

    def adapter(self, message: Any, member: str) -> None:
        powered = self.objects[ADAPTER]["org.bluez.Adapter1"]["Powered"][1]
        if member in ("StartDiscovery", "StopDiscovery") and not powered:
            self.error(message, "org.bluez.Error.NotReady")
        elif member == "StartDiscovery":
            self.reply(message)
            self.change(ADAPTER, "org.bluez.Adapter1", Discovering=("b", True))
            self.advertise()
        elif member == "StopDiscovery":
            self.reply(message)
            self.change(ADAPTER, "org.bluez.Adapter1", Discovering=("b", False))
        elif member in ("SetDiscoveryFilter", "RemoveDevice"):
            self.reply(message)
        elif member == "GetDiscoveryFilters":
            self.reply(message, "as", (["UUIDs", "RSSI", "Transport", "DuplicateData"],))
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def device(self, message: Any, member: str) -> None:
        if member == "Connect":
            # BlueZ's order: the link is up, the GATT database is read, then it is resolved.
            self.change(STRAP, DEVICE1, Connected=("b", True))
            for path, interfaces in gatt_objects().items():
                self.add(path, interfaces)
            self.change(STRAP, DEVICE1, ServicesResolved=("b", True))
            self.reply(message)
        elif member == "Disconnect":
            self.reply(message)
            self.disconnect()
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def characteristic(self, message: Any, member: str) -> None:
        if member == "StartNotify":
            self.reply(message)
            self.change(CHARACTERISTIC, CHARACTERISTIC1, Notifying=("b", True))
            if self.next_at is None:
                self.next_second = 0
                self.next_at = time.monotonic() + 1
        elif member == "StopNotify":
            self.reply(message)
            self.change(CHARACTERISTIC, CHARACTERISTIC1, Notifying=("b", False))
            self.next_at = None
        elif member == "ReadValue":
            self.error(message, "org.bluez.Error.NotPermitted")
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def descriptor(self, message: Any, member: str) -> None:
        if member == "ReadValue":
            notifying = self.objects[CHARACTERISTIC][CHARACTERISTIC1]["Notifying"][1]
            self.reply(message, "ay", (b"\x01\x00" if notifying else b"\x00\x00",))
        elif member == "WriteValue":
            # BlueZ refuses a client's write to the configuration: StartNotify is the way.
            self.error(message, "org.bluez.Error.NotPermitted")
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    # -- the strap --------------------------------------------------------------------------

    def advertise(self) -> None:
        if STRAP in self.objects:
            self.change(STRAP, DEVICE1, RSSI=("n", -58))
        else:
            self.add(STRAP, {DEVICE1: device_properties(STRAP_ADDRESS, STRAP_NAME,
                                                        self.strap_uuids)})
        if OTHER not in self.objects:
            self.add(OTHER, {DEVICE1: device_properties(OTHER_ADDRESS, "Stand-in Keyboard", [])})

    def notify(self) -> None:
        rr = self.seconds[self.next_second % len(self.seconds)]
        self.next_second += 1
        if rr:
            self.heart_rate = round(60 / rr[-1])
        value = measurement(rr, self.heart_rate, rate_16bit=self.rate_16bit)
        if self.garble and self.next_second % 3 == 0:
            self.send_value(measurement((0.8,), self.heart_rate, rate_16bit=False)[:-1])
        self.send_value(value)

    def send_value(self, value: bytes) -> None:
        self.objects[CHARACTERISTIC][CHARACTERISTIC1]["Value"] = ("ay", value)
        self.signal(CHARACTERISTIC, PROPERTIES, "PropertiesChanged", "sa{sv}as",
                    (CHARACTERISTIC1, {"Value": ("ay", value)}, []))
        print(json.dumps(["sent", value.hex()]), flush=True)

    def disconnect(self) -> None:
        self.next_at = None
        if STRAP not in self.objects:
            return
        self.change(STRAP, DEVICE1, ServicesResolved=("b", False), Connected=("b", False))
        for path in reversed(gatt_objects()):
            self.remove(path)

    def go_away(self) -> None:
        self.disconnect()
        self.remove(STRAP)
        print(json.dumps(["gone"]), flush=True)

    def wait_s(self) -> float | None:
        return None if self.next_at is None else max(0.0, self.next_at - time.monotonic())

    def tick(self) -> None:
        if self.next_at is not None and time.monotonic() >= self.next_at:
            self.notify()
            self.next_at += 1

    # -- sending ----------------------------------------------------------------------------

    def add(self, path: str, interfaces: dict[str, Properties]) -> None:
        self.objects[path] = interfaces
        self.signal("/", OBJECT_MANAGER, "InterfacesAdded", "oa{sa{sv}}", (path, interfaces))

    def remove(self, path: str) -> None:
        interfaces = self.objects.pop(path, None)
        if interfaces is not None:
            self.signal("/", OBJECT_MANAGER, "InterfacesRemoved", "oas",
                        (path, list(interfaces)))

    def change(self, path: str, interface: str, **values: tuple[str, Any]) -> None:
        self.objects[path][interface].update(values)
        self.signal(path, PROPERTIES, "PropertiesChanged", "sa{sv}as", (interface, values, []))

    def signal(self, path: str, interface: str, member: str, signature: str,
               body: tuple[Any, ...]) -> None:
        self.connection.send(new_signal(DBusAddress(path, interface=interface), member,
                                        signature, body))

    def reply(self, message: Any, signature: str | None = None,
              body: tuple[Any, ...] = ()) -> None:
        self.connection.send(new_method_return(message, signature, body))

    def error(self, message: Any, name: str) -> None:
        self.connection.send(new_error(message, name, "s", (name,)))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recording", type=Path, default=DEFAULT_RECORDING)
    parser.add_argument("--rate-16bit", action="store_true")
    parser.add_argument("--garble", action="store_true")
    parser.add_argument("--no-uuids", action="store_true")
    parser.add_argument("--no-adapter", action="store_true")
    parser.add_argument("--powered-off", action="store_true")
    args = parser.parse_args(argv)
    going: list[bool] = []
    # The handler only takes note: the loop below wakes at least every 0.2 s to act on it.
    signal.signal(signal.SIGUSR1, lambda _signum, _frame: going.append(True))
    connection = open_dbus_connection("SYSTEM")
    reply = connection.send_and_get_reply(message_bus.RequestName("org.bluez", 4))
    if reply.body[0] != 1:
        raise SystemExit(f"org.bluez is taken: {reply.body}")
    bluez = Bluez(connection, parse_rr_text(args.recording.read_text()),
                  rate_16bit=args.rate_16bit, garble=args.garble,
                  strap_uuids=not args.no_uuids, adapter=not args.no_adapter,
                  powered=not args.powered_off)
    print("ready", flush=True)
    while True:
        if going:
            going.clear()
            bluez.go_away()
        wait = bluez.wait_s()
        try:
            message = connection.receive(timeout=0.2 if wait is None else min(wait, 0.2))
        except TimeoutError:
            pass
        else:
            bluez.handle(message)
        bluez.tick()


# -- for tests ------------------------------------------------------------------------------

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
"""


@contextlib.contextmanager
def private_system_bus(directory: Path) -> Iterator[str]:
    """A system bus of its own (dbus-daemon with a config of ours), as
    DBUS_SYSTEM_BUS_ADDRESS."""
    config = directory / "system-bus.conf"
    config.write_text(_BUS_CONFIG.format(socket=directory / "system_bus_socket"))
    daemon = subprocess.Popen(["dbus-daemon", "--config-file", str(config), "--nofork",
                               "--print-address=1"], stdout=subprocess.PIPE, text=True)
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        if not address:
            raise RuntimeError("dbus-daemon did not start")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


def start_stand_in(bus_address: str, directory: Path, *args: str) -> subprocess.Popen[str]:
    """Starts the stand-in as a bluetoothd that QtBluetooth's version check believes.

    Qt runs the bus name owner's executable, then its argv[0], with `--version`
    (docs/BLUETOOTH.md). So argv[0] is a script that prints BlueZ's version; Python, started
    under that name, no longer finds its venv by itself, hence PYTHONPATH. Returns once the
    stand-in owns org.bluez; its stdout carries the call log.
    """
    bluetoothd = directory / "bluetoothd"
    if not bluetoothd.exists():
        bluetoothd.write_text(f"#!/bin/sh\necho {BLUEZ_VERSION}\n")
        bluetoothd.chmod(0o755)
    env = {**os.environ, "DBUS_SYSTEM_BUS_ADDRESS": bus_address,
           "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen([str(bluetoothd), "-m", "tests.system.fake_bluez", *args],
                               executable=sys.executable, env=env, stdout=subprocess.PIPE,
                               text=True, cwd=Path(__file__).parents[2])
    assert process.stdout is not None
    if process.stdout.readline().strip() != "ready":
        process.kill()
        raise RuntimeError("the stand-in BlueZ did not start")
    return process


if __name__ == "__main__":
    main()
