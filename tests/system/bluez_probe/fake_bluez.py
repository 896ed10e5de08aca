"""A minimal stand-in BlueZ for the library probe (docs/BLUETOOTH.md): owns `org.bluez` on the
bus in DBUS_SYSTEM_BUS_ADDRESS and exports what a BLE client reads before and during discovery.

Usage: DBUS_SYSTEM_BUS_ADDRESS=... python -m tests.system.bluez_probe.fake_bluez

Objects: the ObjectManager at `/` (GetManagedObjects, InterfacesAdded), the adapter
`/org/bluez/hci0` (org.bluez.Adapter1: StartDiscovery, StopDiscovery, SetDiscoveryFilter,
GetDiscoveryFilters, RemoveDevice; Properties Get/GetAll/Set with PropertiesChanged of
`Discovering`). On StartDiscovery it announces one strap, `/org/bluez/hci0/dev_..` with
org.bluez.Device1 (Name, RSSI, UUIDs with the Heart Rate Service). Written with jeepney, the
project's own D-Bus library; every call it gets is printed as one JSON line [interface, member,
path, *arguments], and "ready" once it owns the name.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

ADAPTER = "/org/bluez/hci0"
STRAP_ADDRESS = "C0:FF:EE:00:18:0D"
STRAP = f"{ADAPTER}/dev_{STRAP_ADDRESS.replace(':', '_')}"
HEART_RATE_SERVICE = "0000180d-0000-1000-8000-00805f9b34fb"
PROPERTIES = "org.freedesktop.DBus.Properties"
OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"


def adapter_properties(discovering: bool) -> dict[str, tuple[str, Any]]:
    return {
        "Address": ("s", "00:1A:7D:DA:71:13"), "AddressType": ("s", "public"),
        "Name": ("s", "stand-in"), "Alias": ("s", "stand-in"), "Class": ("u", 0),
        "Powered": ("b", True), "PowerState": ("s", "on"), "Discoverable": ("b", False),
        "DiscoverableTimeout": ("u", 180), "Pairable": ("b", True), "PairableTimeout": ("u", 0),
        "Discovering": ("b", discovering), "UUIDs": ("as", []), "Modalias": ("s", ""),
        "Roles": ("as", ["central"]),
    }


def strap_properties() -> dict[str, tuple[str, Any]]:
    return {
        "Address": ("s", STRAP_ADDRESS), "AddressType": ("s", "random"),
        "Name": ("s", "Stand-in HRM"), "Alias": ("s", "Stand-in HRM"), "Adapter": ("o", ADAPTER),
        "Paired": ("b", False), "Bonded": ("b", False), "Trusted": ("b", False),
        "Blocked": ("b", False), "Connected": ("b", False), "ServicesResolved": ("b", False),
        "LegacyPairing": ("b", False), "RSSI": ("n", -58), "Appearance": ("q", 833),
        "UUIDs": ("as", [HEART_RATE_SERVICE]), "ManufacturerData": ("a{qv}", {}),
        "ServiceData": ("a{sv}", {}),
    }


class Bluez:
    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.discovering = False
        self.objects: dict[str, dict[str, dict[str, tuple[str, Any]]]] = {
            ADAPTER: {"org.bluez.Adapter1": adapter_properties(False)}}

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
        elif interface == "org.bluez.Adapter1" and path == ADAPTER:
            self.adapter(message, member)
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
        if member == "StartDiscovery":
            self.reply(message)
            self.set_discovering(True)
            self.objects[STRAP] = {"org.bluez.Device1": strap_properties()}
            self.signal("/", OBJECT_MANAGER, "InterfacesAdded", "oa{sa{sv}}",
                        (STRAP, self.objects[STRAP]))
        elif member == "StopDiscovery":
            self.reply(message)
            self.set_discovering(False)
        elif member in ("SetDiscoveryFilter", "RemoveDevice"):
            self.reply(message)
        elif member == "GetDiscoveryFilters":
            self.reply(message, "as", (["UUIDs", "RSSI", "Transport", "DuplicateData"],))
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def set_discovering(self, value: bool) -> None:
        self.discovering = value
        self.objects[ADAPTER]["org.bluez.Adapter1"]["Discovering"] = ("b", value)
        self.signal(ADAPTER, PROPERTIES, "PropertiesChanged", "sa{sv}as",
                    ("org.bluez.Adapter1", {"Discovering": ("b", value)}, []))

    def signal(self, path: str, interface: str, member: str, signature: str,
               body: tuple[Any, ...]) -> None:
        self.connection.send(new_signal(DBusAddress(path, interface=interface), member,
                                        signature, body))

    def reply(self, message: Any, signature: str | None = None,
              body: tuple[Any, ...] = ()) -> None:
        self.connection.send(new_method_return(message, signature, body))

    def error(self, message: Any, name: str) -> None:
        self.connection.send(new_error(message, name, "s", (name,)))


def main() -> None:
    connection = open_dbus_connection("SYSTEM")
    reply = connection.send_and_get_reply(message_bus.RequestName("org.bluez", 4))
    assert reply.body[0] == 1, reply.body
    bluez = Bluez(connection)
    print("ready", flush=True)
    while True:
        bluez.handle(connection.receive())


if __name__ == "__main__":
    sys.exit(main())
