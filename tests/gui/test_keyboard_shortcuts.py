"""Keys through the desktop (its GlobalShortcuts portal), in the real app with a stand-in
portal: the button shows only where the desktop offers keys, binding waits for the user, the
desktop's answer is said calmly in the window that asked, and the keys start a micro-pause or
open the stress meter. tests/system/test_shortcuts_portal.py runs the real service."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stressbreak.services.shortcuts import NotBound
from tests.fakes import (
    FakeShortcutPortal,
    Harness,
    wait_out_the_tray,
)

WANTED = [("start-pause", "Start a micro-pause", "CTRL+ALT+b"),
          ("stress-meter", "Open the stress meter", "CTRL+ALT+m")]


def _note_without_a_tray(app: Harness):
    wait_out_the_tray(app)
    note = app.welcome.no_tray_window
    assert note is not None
    return note


def test_the_button_shows_only_where_the_desktop_binds_keys(started):
    offered = _note_without_a_tray(started(shortcuts=FakeShortcutPortal(offered=2)))
    assert offered.shortcut_button is not None and offered.shortcut_note is not None
    assert "may ask you to confirm" in offered.shortcut_note.text()
    offered.close()

    for portal in (FakeShortcutPortal(offered=None), None):
        app = started(shortcuts=portal, new_user=True)  # the note comes once per user
        note = _note_without_a_tray(app)
        assert note.shortcut_button is None and note.shortcut_note is None
        app.settings.open()
        assert app.settings.dialog is not None
        assert app.settings.dialog.shortcut_button is None


def test_binding_waits_for_the_user_and_the_keys_then_start_a_pause(started, qtbot):
    portal = FakeShortcutPortal()
    app = started(shortcuts=portal)
    assert portal.binds == []  # nothing bound (nor a desktop dialog shown) at start
    note = _note_without_a_tray(app)
    qtbot.mouseClick(note.shortcut_button, Qt.MouseButton.LeftButton)
    assert portal.binds == [(WANTED, "")]  # offscreen: no X11 window to name
    assert app.welcome.no_tray_window is note  # stays to say what the desktop answered

    portal.answer({"start-pause": "Ctrl+Alt+B", "stress-meter": "Ctrl+Alt+M"})
    assert note.shortcut_note.text() == (
        "Ctrl+Alt+B: a micro-pause. Ctrl+Alt+M: the stress meter. Your desktop's keyboard "
        "settings can change them.")
    assert app.prefs_store.load().shortcuts_chosen

    portal.press("start-pause")
    assert app.pauses.window is not None and app.pauses.window.isVisible()
    portal.press("stress-meter")
    assert app.checkins.dialog is not None and app.checkins.dialog.isVisible()
    portal.press("an id of someone else")  # nothing happens

    # Asked again once bound: the desktop's own window to change them (version 2).
    qtbot.mouseClick(note.shortcut_button, Qt.MouseButton.LeftButton)
    assert portal.configured == [""] and len(portal.binds) == 1


def test_keys_the_user_changes_in_the_desktop_are_shown(started):
    portal = FakeShortcutPortal()
    app = started(shortcuts=portal)
    app.shortcuts.choose()
    portal.answer({"start-pause": "Ctrl+Alt+B", "stress-meter": ""})
    assert app.shortcuts.note().startswith("Ctrl+Alt+B: a micro-pause. no keys: the stress")
    portal.changed.emit(tuple(
        key.__class__(key.id, key.description, "Meta+P" if key.id == "start-pause" else "")
        for key in app.shortcuts.keys))
    assert app.shortcuts.note().startswith("Meta+P: a micro-pause.")


@pytest.mark.parametrize(("why", "says"), [
    (NotBound.CANCELLED, "No keys were set. You can choose them here whenever you like."),
    (NotBound.ENDED, "Your desktop did not set the keys this time. The launcher and the "
                     "commands work as before."),
    (NotBound.NO_PORTAL, "Your desktop's shortcut service did not answer. The launcher and "
                         "the commands work as before."),
])
def test_no_keys_is_said_calmly_where_it_was_asked_and_loses_nothing(started, qtbot, why, says):
    portal = FakeShortcutPortal()
    app = started(shortcuts=portal)
    app.settings.open()
    dialog = app.settings.dialog
    assert dialog is not None and dialog.shortcut_button is not None
    before = app.settings.current
    qtbot.mouseClick(dialog.shortcut_button, Qt.MouseButton.LeftButton)
    portal.answer(why)
    assert dialog.shortcut_note.text() == says
    assert dialog.isVisible() and app.settings.current == before
    assert not app.prefs_store.load().shortcuts_chosen
    app.pauses.start()  # everything else as before
    assert app.pauses.window is not None

    qtbot.mouseClick(dialog.shortcut_button, Qt.MouseButton.LeftButton)  # may try again
    assert len(portal.binds) == 2
    assert "may ask you to confirm" in dialog.shortcut_note.text()


def test_keys_chosen_before_are_bound_again_at_start_without_a_word(started):
    first = FakeShortcutPortal()
    app = started(shortcuts=first)
    app.shortcuts.choose()
    first.answer({"start-pause": "Ctrl+Alt+B", "stress-meter": "Ctrl+Alt+M"})
    app.stop()
    assert first.stopped

    again = FakeShortcutPortal()
    later = started(shortcuts=again)
    assert again.binds == [(WANTED, "")]
    again.answer(NotBound.ENDED)  # said in no window: none asked
    assert "may ask you to confirm" in later.shortcuts.note()
    again.answer({"start-pause": "Ctrl+Alt+B", "stress-meter": "Ctrl+Alt+M"})
    again.press("start-pause")
    assert later.pauses.window is not None

    elsewhere = FakeShortcutPortal(offered=None)  # the same user on a desktop without keys
    started(shortcuts=elsewhere)
    assert elsewhere.binds == []
