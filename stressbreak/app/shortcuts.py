"""Keyboard shortcuts through the desktop (its GlobalShortcuts portal, where it offers one):
keys that start a micro-pause or open the stress meter from anywhere, for a desktop without a
tray icon above all.

The desktop shows its own confirmation when keys are bound for the first time, so they are
bound only when the user asks ("Keyboard shortcut…" in the note without a tray, "Choose
keys…" on the settings' Pause page), and then at each start, which the desktop does without
asking for keys it knows (services/shortcuts.py). What happened is said in the window that
asked, in words: a user without a tray sees no tray message. Nothing is lost when the desktop
says no: the launcher, the commands and the windows work as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from stressbreak.app.choices import Choices
from stressbreak.app.ports import ShortcutPortal
from stressbreak.services.shortcuts import (
    PREFERRED_TRIGGERS,
    START_PAUSE,
    STRESS_METER,
    NotBound,
    Shortcut,
)

log = logging.getLogger(__name__)


class KeyShortcuts(QObject):
    pause_requested = Signal()
    checkin_requested = Signal()
    note_changed = Signal(str)  # what the windows say about the keys, now

    def __init__(self, portal: ShortcutPortal | None, choices: Choices,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._portal = portal
        self._choices = choices
        self._keys: tuple[Shortcut, ...] = ()
        self._outcome: NotBound | None = None
        self._asked = False  # the user pressed the button in this run (else: the start's bind)
        if portal is not None:
            portal.activated.connect(self._pressed)
            portal.bound.connect(self._bound)
            portal.changed.connect(self._changed)
            portal.not_bound.connect(self._not_bound)

    @property
    def keys(self) -> tuple[Shortcut, ...]:
        """What the desktop bound in this run (empty until it has)."""
        return self._keys

    def start(self) -> None:
        """Bind again what the user chose in an earlier run (the desktop does not ask)."""
        if (self._portal is not None and self._choices.prefs.shortcuts_chosen
                and self._portal.version() is not None):
            self._portal.bind(self._wanted())

    def stop(self) -> None:
        if self._portal is not None:
            self._portal.stop()

    def offered(self) -> bool:
        """Whether this desktop binds keys for apps (asked now: a window is opening)."""
        return self._portal is not None and self._portal.version() is not None

    def note(self) -> str:
        """What the keys do, or what happened when the user last asked for them."""
        if self._outcome is NotBound.CANCELLED:
            return self.tr("No keys were set. You can choose them here whenever you like.")
        if self._outcome is NotBound.ENDED:
            return self.tr("Your desktop did not set the keys this time. The launcher and "
                           "the commands work as before.")
        if self._outcome is NotBound.NO_PORTAL:
            return self.tr("Your desktop's shortcut service did not answer. The launcher and "
                           "the commands work as before.")
        by_id = {key.id: key.trigger for key in self._keys}
        if by_id:
            nothing = self.tr("no keys")
            return self.tr(
                "{pause}: a micro-pause. {meter}: the stress meter. Your desktop's keyboard "
                "settings can change them.").format(
                    pause=by_id.get(START_PAUSE) or nothing,
                    meter=by_id.get(STRESS_METER) or nothing)
        return self.tr("Choose keys that start a micro-pause or open the stress meter from "
                       "anywhere. Your desktop shows them to you first and may ask you to "
                       "confirm.")

    def choose(self, window: QWidget | None = None) -> None:
        """The user asked for keys: the desktop's own window to change them, once bound (where
        the desktop has one), else a bind, which the desktop may confirm with the user."""
        if self._portal is None:
            return
        self._asked = True
        parent = _parent_window(window)
        if self._keys and self._portal.configure(parent):
            return
        if self._outcome is not None:  # the last answer goes while the desktop asks anew
            self._outcome = None
            self.note_changed.emit(self.note())
        self._portal.bind(self._wanted(), parent)

    def _wanted(self) -> list[tuple[str, str, str]]:
        # In the user's language: the desktop shows these in its confirmation and settings.
        return [(START_PAUSE, self.tr("Start a micro-pause"), PREFERRED_TRIGGERS[START_PAUSE]),
                (STRESS_METER, self.tr("Open the stress meter"),
                 PREFERRED_TRIGGERS[STRESS_METER])]

    def _pressed(self, shortcut_id: str) -> None:
        if shortcut_id == START_PAUSE:
            self.pause_requested.emit()
        elif shortcut_id == STRESS_METER:
            self.checkin_requested.emit()

    def _bound(self, keys: tuple[Shortcut, ...]) -> None:
        self._keys, self._outcome = keys, None
        if keys and not self._choices.prefs.shortcuts_chosen:
            self._choices.save(self._choices.prefs.mark_shortcuts_chosen())
        self.note_changed.emit(self.note())

    def _changed(self, keys: tuple[Shortcut, ...]) -> None:
        self._keys = keys
        self.note_changed.emit(self.note())

    def _not_bound(self, why: NotBound) -> None:
        log.info("keyboard shortcuts: not bound (%s)", why.value)
        if self._asked:  # the start's quiet bind says nothing in a window nobody opened
            self._outcome = why
            self.note_changed.emit(self.note())


def _parent_window(window: QWidget | None,
                   platform: Callable[[], str] = QGuiApplication.platformName) -> str:
    """The portal's name for the window that asked (its dialog is placed over it): "x11:"
    and the window's id on X11. Wayland needs an exported handle Qt does not offer: none."""
    if window is None or platform() != "xcb":
        return ""
    return f"x11:{int(window.winId()):x}"
