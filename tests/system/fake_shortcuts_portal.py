"""Child process for test_shortcuts_portal: a stand-in org.freedesktop.portal.Desktop with the
GlobalShortcuts interface, on the bus in DBUS_SESSION_BUS_ADDRESS.

Usage: python -m tests.system.fake_shortcuts_portal CONFIG_JSON

It answers as xdg-desktop-portal does: `Register` (org.freedesktop.host.portal.Registry, only
before any other portal call from that peer), the `version` property, `CreateSession` and
`BindShortcuts` with the Request's path at once and its `Response` signal after,
`ListShortcuts`, `ConfigureShortcuts` (version 2) and `Session.Close`. Config keys: "version"
(null: no GlobalShortcuts interface), "bind_code" (the Response code of a bind: 0, 1 or 2),
"triggers" (id -> the keys the "user" picks), "registry" (false: an older portal without it).

Written with jeepney because QtDBus in PySide6 cannot send `a(sa{sv})` (see
services/shortcuts.py). Every call it gets is printed as one JSON line [member, *arguments];
"ready" when it owns the name. Commands on stdin: `activate ID`, `change ID KEYS`.
"""

from __future__ import annotations

import json
import selectors
import sys
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"


def main() -> None:
    config = json.loads(sys.argv[1])
    connection = open_dbus_connection("SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(
        "org.freedesktop.portal.Desktop", 4))  # do not queue
    assert reply.body[0] == 1, reply.body
    portal = Portal(connection, config)
    print("ready", flush=True)
    selector = selectors.DefaultSelector()
    selector.register(connection.sock, selectors.EVENT_READ, "bus")
    selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
    while True:
        for key, _ in selector.select():
            if key.data == "stdin":
                line = sys.stdin.readline()
                if not line:
                    return
                portal.command(line.split())
            else:
                while True:
                    try:
                        message = connection.receive(timeout=0)
                    except TimeoutError:
                        break
                    portal.handle(message)


class Portal:
    def __init__(self, connection: Any, config: dict[str, Any]) -> None:
        self.connection = connection
        self.config = config
        self.peers_seen: set[str] = set()
        self.sessions: dict[str, dict[str, Any]] = {}  # path -> owner, shortcuts
        self.serial = 0

    def send(self, message: Any) -> None:
        self.connection.send(message)

    def handle(self, message: Any) -> None:
        if message.header.message_type is not MessageType.method_call:
            return
        fields = message.header.fields
        member, interface = fields[HeaderFields.member], fields.get(HeaderFields.interface)
        sender = fields[HeaderFields.sender]
        print(json.dumps([member, *message.body], default=list), flush=True)
        if interface == "org.freedesktop.host.portal.Registry" and member == "Register":
            self.register(message, sender)
            return
        self.peers_seen.add(sender)
        if interface == "org.freedesktop.DBus.Properties" and member == "Get":
            if message.body != (SHORTCUTS, "version") or self.config["version"] is None:
                self.error(message, "org.freedesktop.DBus.Error.InvalidArgs")
            else:
                self.send(new_method_return(message, "v", (("u", self.config["version"]),)))
        elif interface == "org.freedesktop.portal.Session" and member == "Close":
            self.sessions.pop(fields[HeaderFields.path], None)
            self.send(new_method_return(message))
        elif interface == SHORTCUTS and self.config["version"] is not None:
            self.shortcuts_call(message, member, sender)
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def register(self, message: Any, sender: str) -> None:
        if not self.config.get("registry", True):
            self.error(message, "org.freedesktop.DBus.Error.UnknownInterface")
        elif sender in self.peers_seen:  # only before any other portal call
            self.error(message, "org.freedesktop.portal.Error.Failed")
        else:
            self.peers_seen.add(sender)
            self.send(new_method_return(message))

    def shortcuts_call(self, message: Any, member: str, sender: str) -> None:
        if member == "CreateSession":
            options = message.body[0]
            session = f"{PATH}/session/{self.name(sender)}/{options['session_handle_token'][1]}"
            self.sessions[session] = {"owner": sender, "shortcuts": []}
            request = self.request(message, sender, options)
            self.respond(request, sender, 0, {"session_handle": ("s", session)})
        elif member == "BindShortcuts":
            self.bind(message, sender)
        elif member == "ListShortcuts":
            session, options = message.body
            request = self.request(message, sender, options)
            self.respond(request, sender, 0, {"shortcuts": (
                "a(sa{sv})", self.sessions.get(session, {}).get("shortcuts", []))})
        elif member == "ConfigureShortcuts" and self.config["version"] >= 2:
            self.send(new_method_return(message))
        else:
            self.error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def bind(self, message: Any, sender: str) -> None:
        session, shortcuts, _parent, options = message.body
        if self.sessions.get(session, {}).get("owner") != sender:
            self.error(message, "org.freedesktop.DBus.Error.AccessDenied")
            return
        request = self.request(message, sender, options)
        code = self.config.get("bind_code", 0)
        if code == 0:
            self.sessions[session]["shortcuts"] = [
                (shortcut_id, {"description": info["description"],
                               "trigger_description": ("s", self.keys(shortcut_id))})
                for shortcut_id, info in shortcuts]
        self.respond(request, sender, code,
                     {"shortcuts": ("a(sa{sv})", self.sessions[session]["shortcuts"])}
                     if code == 0 else {})

    def keys(self, shortcut_id: str) -> str:
        return self.config.get("triggers", {}).get(shortcut_id, "")

    @staticmethod
    def name(sender: str) -> str:
        return sender.lstrip(":").replace(".", "_")

    def request(self, message: Any, sender: str, options: dict[str, Any]) -> str:
        path = f"{PATH}/request/{self.name(sender)}/{options['handle_token'][1]}"
        self.send(new_method_return(message, "o", (path,)))
        return path

    def respond(self, request: str, sender: str, code: int, results: dict[str, Any]) -> None:
        signal = new_signal(DBusAddress(request, interface="org.freedesktop.portal.Request"),
                            "Response", "ua{sv}", (code, results))
        signal.header.fields[HeaderFields.destination] = sender
        self.send(signal)

    def error(self, message: Any, name: str) -> None:
        self.send(new_error(message, name, "s", (name,)))

    def command(self, words: list[str]) -> None:
        for session, state in self.sessions.items():
            emitter = DBusAddress(PATH, interface=SHORTCUTS)
            if words[0] == "activate":
                signal = new_signal(emitter, "Activated", "osta{sv}", (session, words[1], 1, {}))
            elif words[0] == "change":
                self.config.setdefault("triggers", {})[words[1]] = words[2]
                state["shortcuts"] = [(shortcut_id, {**info, "trigger_description": (
                    "s", self.keys(shortcut_id))}) for shortcut_id, info in state["shortcuts"]]
                signal = new_signal(emitter, "ShortcutsChanged", "oa(sa{sv})",
                                    (session, state["shortcuts"]))
            else:
                continue
            # As xdg-desktop-portal sends them: to the session's owner only.
            signal.header.fields[HeaderFields.destination] = state["owner"]
            self.send(signal)
        print(json.dumps(["done", *words]), flush=True)


if __name__ == "__main__":
    main()
