"""What a screen reader sees of StressBreak over AT-SPI: a small assistive-technology client.

Run with the *system* Python (`/usr/bin/python3`), which has pyatspi (Debian
python3-pyatspi); the project's virtual environment cannot import gi. The session bus and the
accessibility bus come from the environment. Answers are JSON on stdout, so that the pytest
side does the asserting:

    atspi_probe.py bus [--timeout S]
        waits until the accessibility bus launcher owns org.a11y.Bus on the session bus
        (asking the bus daemon, which does not start the launcher a second time)
    atspi_probe.py tree APP WINDOW [--timeout S]
        the accessible tree of APP's top-level window whose name contains WINDOW, once it
        shows: a list of nodes (role, name, description, states, text, depth)
    atspi_probe.py watch APP DESCRIPTION UNTIL [--timeout S]
        prints "ready" once listening, then collects the name changes and announcements of
        APP's objects whose description is DESCRIPTION, until each kind has said UNTIL; then
        the JSON list of what was heard (exit 1 if the time ran out first)

Only standard library and pyatspi here: it runs outside the project's environment.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import pyatspi
from gi.repository import Gio, GLib

# What an assistive technology acts on: a control must never be nameless.
INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "password text", "entry", "spin button", "slider", "page tab", "menu item", "table",
    "tree table", "list", "date editor", "calendar",
}
# States a check may want; the rest of AT-SPI's long list is noise for these tests.
STATES = {
    "showing": pyatspi.STATE_SHOWING,
    "visible": pyatspi.STATE_VISIBLE,
    "enabled": pyatspi.STATE_ENABLED,
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "checkable": pyatspi.STATE_CHECKABLE,
    "checked": pyatspi.STATE_CHECKED,
    "active": pyatspi.STATE_ACTIVE,
}
# How a changed text reaches a screen reader: the label's name changes (Orca speaks that only
# for the object with the focus), and an announcement (spoken wherever the focus is).
EVENTS = ("object:property-change:accessible-name", "object:announcement")
_MAX_DEPTH = 40  # far deeper than any window of ours; only guards against a cycle


def _applications(name: str) -> list[object]:
    desktop = pyatspi.Registry.getDesktop(0)
    found = []
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == name:
            found.append(app)
    return found


def _text(accessible: object) -> str | None:
    try:
        text = accessible.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def _node(accessible: object, depth: int) -> dict[str, object]:
    state_set = accessible.getState()
    return {
        "depth": depth,
        "role": accessible.getRoleName(),
        "name": accessible.name,
        "description": accessible.description,
        "states": sorted(key for key, state in STATES.items() if state_set.contains(state)),
        "text": _text(accessible),
        "interactive": accessible.getRoleName() in INTERACTIVE,
    }


def _walk(accessible: object, depth: int = 0) -> list[dict[str, object]]:
    nodes = [_node(accessible, depth)]
    if depth < _MAX_DEPTH:
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                nodes.extend(_walk(child, depth + 1))
    return nodes


def _showing_window(app_name: str, window: str) -> object | None:
    for app in _applications(app_name):
        for index in range(app.childCount):
            top = app.getChildAtIndex(index)
            if (top is not None and window in top.name
                    and top.getState().contains(pyatspi.STATE_SHOWING)):
                return top
    return None


def bus(timeout_s: float) -> int:
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    deadline = time.monotonic() + timeout_s
    while True:
        reply = session.call_sync(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
            "NameHasOwner", GLib.Variant("(s)", ("org.a11y.Bus",)), GLib.VariantType("(b)"),
            Gio.DBusCallFlags.NONE, -1, None)
        if reply.unpack()[0]:
            print("ready", flush=True)
            return 0
        if time.monotonic() > deadline:
            print("org.a11y.Bus never appeared on the session bus", flush=True)
            return 1
        time.sleep(0.05)


def tree(app_name: str, window: str, timeout_s: float) -> int:
    deadline = time.monotonic() + timeout_s
    while (top := _showing_window(app_name, window)) is None:
        if time.monotonic() > deadline:
            apps = [(app.name, [app.getChildAtIndex(i).name for i in range(app.childCount)])
                    for app in _applications(app_name)]
            print(json.dumps({"error": f"no showing window {window!r}", "apps": apps}))
            return 1
        time.sleep(0.1)
    print(json.dumps(_walk(top)))
    return 0


def watch(app_name: str, description: str, until: str, timeout_s: float) -> int:
    heard: list[dict[str, object]] = []
    waiting = set(EVENTS)  # the event types that have not yet said `until`
    outcome = {"code": 0}
    started = time.monotonic()

    def on_event(event: object) -> None:
        source = event.source
        try:
            if source.getApplication().name != app_name or source.description != description:
                return
            # A name change carries the new name, an announcement its message.
            said = str(event.any_data)
            heard.append({"type": event.type, "role": source.getRoleName(),
                          "name": source.name, "said": said,
                          "at_s": round(time.monotonic() - started, 2)})
        except Exception as error:  # noqa: BLE001 — an object may vanish mid-question
            heard.append({"error": repr(error)})
            return
        if said == until:
            waiting.discard(event.type)
        if not waiting:
            pyatspi.Registry.stop()

    def give_up() -> bool:
        outcome["code"] = 1
        pyatspi.Registry.stop()
        return False

    pyatspi.Registry.registerEventListener(on_event, *EVENTS)
    GLib.timeout_add(int(timeout_s * 1000), give_up)
    print("ready", flush=True)
    pyatspi.Registry.start()
    print(json.dumps(heard), flush=True)
    return outcome["code"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    bus_args = commands.add_parser("bus")
    bus_args.add_argument("--timeout", type=float, default=10.0)
    tree_args = commands.add_parser("tree")
    tree_args.add_argument("app")
    tree_args.add_argument("window")
    tree_args.add_argument("--timeout", type=float, default=20.0)
    watch_args = commands.add_parser("watch")
    watch_args.add_argument("app")
    watch_args.add_argument("description")
    watch_args.add_argument("until")
    watch_args.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    if args.command == "bus":
        return bus(args.timeout)
    if args.command == "tree":
        return tree(args.app, args.window, args.timeout)
    return watch(args.app, args.description, args.until, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
