"""The app on a real Wayland compositor (headless sway 1.7), as issue 16 asks (items 3 and 4):

- with waybar's tray (a StatusNotifierItem host) on a session bus: the tray item registers with
  the watcher, and its tooltip, menu and paused icon are what the SNI properties say; a due
  reminder floats at its own size, keeps off the keyboard where the user's sway says so, and a
  click on it starts the pause;
- with no tray host at all: the one-time note says how to reach StressBreak, and `status`
  says there is no tray.

The tray is read over D-Bus with dbus-send, as any SNI host reads it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from stressbreak import APP_ID
from tests.system.sway import (
    APP_NAME,
    OUTPUT_SIZE,
    REMINDER_NO_FOCUS,
    REPO_ROOT,
    WAYBAR_HEIGHT_PX,
    App,
    Sway,
    dbus_call,
    dbus_property,
    start_app,
    sway_fixture,
    wait_for,
    work_window,
)
from tests.system.xdisplay import seed_due_pause

sway = sway_fixture()
sway_with_tray = sway_fixture(waybar=True)

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM = "org.kde.StatusNotifierItem"
MENU = "com.canonical.dbusmenu"
# No reminder, stress meter or evening minute while a test looks at the tray; settings of
# its own, so no welcome for a new user either.
QUIET_SETTINGS = {"interval_min": 240, "checkin_times": [], "wind_down": False}


def _item(sway: Sway, app: App) -> tuple[str, str]:
    """The app's registered tray item: its bus name and object path."""
    def registered() -> tuple[str, str] | None:
        reply = dbus_property(sway, WATCHER, "/StatusNotifierWatcher", WATCHER,
                              "RegisteredStatusNotifierItems")
        for entry in re.findall(r'string "([^"]*)"', reply):
            service, _slash, path = entry.partition("/")
            owner = dbus_call(sway, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                              "org.freedesktop.DBus.GetConnectionUnixProcessID",
                              f"string:{service}")
            if f"uint32 {app.process.pid}" in owner:
                return service, "/" + path
        return None

    found: tuple[str, str] = wait_for("the app's item in RegisteredStatusNotifierItems",
                                      registered, lambda: sway.ended() or app.ended())
    return found


def _strings(reply: str) -> list[str]:
    return re.findall(r'string "([^"]*)"', reply)


def _menu(sway: Sway, service: str, path: str) -> dict[str, int]:
    """The tray menu's labels and their item ids, as a host reads them (dbusmenu)."""
    layout = dbus_call(sway, service, path, f"{MENU}.GetLayout", "int32:0", "int32:-1",
                       "array:string:label")
    labels = {}
    for item in layout.split("struct {")[1:]:
        number = re.search(r"int32 (\d+)", item)
        label = re.search(r'string "label"\s+variant\s+string "([^"]*)"', item)
        if number and label:
            labels[label[1]] = int(number[1])
    return labels


def test_the_tray_item_registers_and_its_tooltip_menu_and_paused_icon_work(sway_with_tray,
                                                                           tmp_path):
    sway = sway_with_tray
    with start_app(sway, tmp_path, QUIET_SETTINGS) as app:
        service, path = _item(sway, app)

        def tray(name: str) -> str:
            return dbus_property(sway, service, path, ITEM, name)

        assert _strings(tray("Title")) == [APP_NAME]
        assert _strings(tray("Status")) == ["Active"]
        # The tooltip is the status line, as on X11.
        status = app.cli("status").stdout.splitlines()[0]
        assert status.startswith("StressBreak: next pause")
        assert status in _strings(tray("ToolTip"))
        # The icon travels as pixels (SVG drawn by Qt), not as a theme name.
        normal_icon = tray("IconPixmap")
        assert re.search(r"int32 (1[6-9]|[2-9]\d|\d{3})\s+int32", normal_icon), normal_icon[:200]

        menu_path = re.search(r'object path "([^"]+)"', tray("Menu"))
        assert menu_path is not None
        labels = _menu(sway, service, menu_path[1])
        for label in ("Start a pause now", "Weekly overview", "Silence reminders",
                      "Quit StressBreak"):
            assert label in labels, labels

        assert app.cli("quiet", "30").returncode == 0
        wait_for("the paused tooltip",
                 lambda: any("reminders paused until" in text for text in
                             _strings(tray("ToolTip"))), app.ended)
        assert tray("IconPixmap") != normal_icon, "the paused icon looks like the normal one"
        assert app.cli("resume").returncode == 0
        wait_for("the normal icon again", lambda: tray("IconPixmap") == normal_icon, app.ended)

        # What a host does on a click in the menu, and on a left click on the icon.
        dbus_call(sway, service, menu_path[1], f"{MENU}.Event",
                  f"int32:{labels['Weekly overview']}", "string:clicked", "variant:int32:0",
                  "uint32:0")
        sway.wait_for_window(lambda title: title.startswith("Your week"), app,
                             "the overview, from the tray menu")
        dbus_call(sway, service, path, f"{ITEM}.Activate", "int32:0", "int32:0")
        sway.wait_for_window(lambda title: title.startswith("A minute "), app,
                             "the pause, from a left click on the icon")


def test_a_due_reminder_floats_keeps_off_the_keyboard_and_a_click_starts_the_pause(
        sway_with_tray, tmp_path):
    sway = sway_with_tray
    assert REMINDER_NO_FOCUS in (REPO_ROOT / "README.md").read_text()
    sway.swaymsg(REMINDER_NO_FOCUS)
    data = tmp_path / "data"
    seed_due_pause(data)
    settings = data / "settings.json"
    # The reminder comes at once: no waiting for a typing lull, no time away counted as a
    # pause (the test's sway has had no input since it started).
    settings.write_text(json.dumps(json.loads(settings.read_text())
                                   | {"gentle_timing": False, "natural_breaks": False}))
    with work_window(sway) as work, start_app(sway, tmp_path, data_dir=data) as app:
        reminder, floating = sway.wait_for_window(
            lambda title: title.startswith("Pause reminder"), app, "the due reminder")
        assert floating, "the reminder was tiled"
        assert reminder["app_id"] == APP_ID  # what the README's rule matches
        focused = sway.focused()
        assert focused is not None and focused["id"] == work["id"], (
            f"the reminder took the keyboard from {work['name']!r}")
        # sway places a floating window itself (a Wayland client cannot): in the middle of
        # the output, at the reminder's own small size, below the bar.
        box = reminder["rect"]
        width, height = OUTPUT_SIZE
        assert box["width"] < width / 2 and box["height"] < height / 3, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        assert box["y"] >= WAYBAR_HEIGHT_PX and box["y"] + box["height"] <= height, box

        sway.click(box["x"] + 24, box["y"] + 16)  # its body, not a button
        sway.wait_for_window(lambda title: title.startswith("A minute "), app,
                             "the pause, after the click")
        assert sway.window(lambda title: title.startswith("Pause reminder"),
                           app.process.pid) is None


def test_without_a_tray_host_a_note_says_once_how_to_reach_stressbreak(sway, tmp_path):
    # No bus and no SNI host: Qt finds no tray. The app looks for one every 2 s for a minute
    # (app/notices.py; no setting shortens it), so this test waits that minute out.
    with start_app(sway, tmp_path, QUIET_SETTINGS) as app:
        assert "There is no system tray here" in app.cli("status").stdout
        note, floating = wait_for(
            "the note about the missing tray",
            lambda: sway.window(lambda title: title == f"Without a tray icon — {APP_NAME}",
                                app.process.pid),
            lambda: sway.ended() or app.ended(), timeout_s=90)
        assert floating, "the note was tiled"
        assert note["rect"]["width"] < OUTPUT_SIZE[0] / 2, note["rect"]
        assert "There is no system tray here" in app.cli("status").stdout
        assert "no system tray found" in Path(app.log).read_text()
