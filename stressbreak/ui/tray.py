"""The tray icon, its menu and its tooltip."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QObject, QRect, QTime, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


class Tray(QObject):
    pause_requested = Signal()
    checkin_requested = Signal()
    overview_requested = Signal()
    quiet_requested = Signal(int)  # minutes
    quiet_until_tomorrow_requested = Signal()
    resume_requested = Signal()
    values_requested = Signal()
    profile_requested = Signal()
    pace_finder_requested = Signal()  # Find my breathing pace, with a heart-rate strap
    day_rating_requested = Signal()  # sleep, energy and focus, outside the stress meter
    settings_requested = Signal()
    unhide_requested = Signal()  # bring back the exercises the user said never to show
    welcome_requested = Signal()
    why_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = QSystemTrayIcon(icon, self)
        self._normal_icon = icon
        self._paused_icon: QIcon | None = None  # none yet: the same icon while paused
        self._quiet = False
        self._menu = QMenu()
        self._menu.addAction(self.tr("Start a pause now"), self.pause_requested.emit)
        self._menu.addAction(self.tr("Fill in the stress meter now"), self.checkin_requested.emit)
        self._menu.addAction(self.tr("Sleep, energy and focus…"), self.day_rating_requested.emit)
        self._menu.addAction(self.tr("Weekly overview"), self.overview_requested.emit)
        self._menu.addAction(self.tr("My values…"), self.values_requested.emit)
        self._menu.addAction(self.tr("Stress patterns…"), self.profile_requested.emit)
        self._menu.addAction(self.tr("Find my breathing pace…"), self.pace_finder_requested.emit)
        self._unhide: QAction = self._menu.addAction(
            self.tr("Show hidden exercises again"), self.unhide_requested.emit)
        self._unhide.setEnabled(False)
        self._menu.addAction(self.tr("Settings…"), self.settings_requested.emit)
        self._menu.addSeparator()
        quiet = self._menu.addMenu(self.tr("Silence reminders"))
        quiet.addAction(self.tr("For 30 minutes"), lambda: self.quiet_requested.emit(30))
        quiet.addAction(self.tr("For 1 hour"), lambda: self.quiet_requested.emit(60))
        quiet.addAction(self.tr("Until tomorrow"), self.quiet_until_tomorrow_requested.emit)
        quiet.addSeparator()
        self._resume: QAction = quiet.addAction(self.tr("Resume reminders"),
                                                self.resume_requested.emit)
        self._resume.setEnabled(False)
        self._menu.addSeparator()
        self._menu.addAction(self.tr("Welcome…"), self.welcome_requested.emit)
        self._menu.addAction(self.tr("Why this works"), self.why_requested.emit)
        self._menu.addSeparator()
        self._menu.addAction(self.tr("Quit StressBreak"), self.quit_requested.emit)
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._on_activated)

    @property
    def menu(self) -> QMenu:
        return self._menu

    def icon(self) -> QIcon:
        """The icon shown now (the paused one while reminders are paused)."""
        return self._icon.icon()

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self._icon.show()

    def hide(self) -> None:
        self._icon.hide()

    def is_visible(self) -> bool:
        return self._icon.isVisible()

    def geometry(self) -> QRect:
        return self._icon.geometry()

    def tooltip(self) -> str:
        return self._icon.toolTip()

    def set_icons(self, normal: QIcon, paused: QIcon) -> None:
        """The icon's looks (the settings' "tray icon"); `paused` shows while reminders are."""
        self._normal_icon, self._paused_icon = normal, paused
        self._icon.setIcon(paused if self._quiet else normal)

    @property
    def quiet(self) -> bool:
        return self._quiet

    def set_status(self, text: str, quiet: bool) -> None:
        self._icon.setToolTip(text)
        self._resume.setEnabled(quiet)
        if quiet != self._quiet and self._paused_icon is not None:
            self._icon.setIcon(self._paused_icon if quiet else self._normal_icon)
        self._quiet = quiet

    def set_hidden_exercises(self, count: int) -> None:
        self._unhide.setEnabled(count > 0)

    def tell(self, title: str, message: str) -> None:
        """A short notice for the user (a problem, not a reminder)."""
        if self._icon.isVisible():
            self._icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click is the quickest way to a breathing minute.
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.pause_requested.emit()


class StatusText(QObject):
    """The tooltip's words: when the next pause is due, or why none is."""

    def describe(
        self,
        now: datetime,
        next_pause: datetime | None,
        quiet_until: datetime | None,
        in_pause: bool,
        due_since: datetime | None = None,
    ) -> str:
        """`due_since`: a reminder came due then and waits for a better moment."""
        if in_pause:
            return self.tr("StressBreak: a pause is under way")
        if due_since is not None:
            time, day = self._when(now, due_since)
            if day is None:
                return self.tr("StressBreak: a pause is due since {time}").format(time=time)
            return self.tr("StressBreak: a pause is due since {day} {time}").format(
                day=day, time=time)
        if quiet_until is not None and now < quiet_until:
            time, day = self._when(now, quiet_until)
            if day is None:
                return self.tr("StressBreak: reminders paused until {time}").format(time=time)
            return self.tr("StressBreak: reminders paused until {day} {time}").format(
                day=day, time=time)
        if next_pause is None:
            return self.tr("StressBreak: no working days are set, so no pauses are planned")
        time, day = self._when(now, next_pause)
        if day is None:
            return self.tr("StressBreak: next pause at {time}").format(time=time)
        return self.tr("StressBreak: next pause {day} at {time}").format(day=day, time=time)

    @staticmethod
    def _when(now: datetime, when: datetime) -> tuple[str, str | None]:
        """The clock time, and the day when it is not today (whole sentences are translated,
        so each language can place the day and time where it reads well)."""
        locale = QLocale()
        clock = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
        if when.date() == now.date():
            return clock, None
        # A weekday name stays true after midnight, unlike "tomorrow".
        if (when.date() - now.date()).days >= 7:
            return clock, locale.toString(QDate(when.year, when.month, when.day),
                                          QLocale.FormatType.ShortFormat)
        return clock, locale.dayName(when.isoweekday(), QLocale.FormatType.LongFormat)
