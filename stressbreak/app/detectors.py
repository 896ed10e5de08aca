"""What `stressbreak status` says about the detectors, so that a bug report says it all: for each
thing the app watches (time away from the keyboard, full screen, the desktop's do-not-disturb,
the microphone, the camera) which source it uses on this desktop, or why it has none; and the
facts of the desktop that decide it (session type, desktop, displays, Qt's platform).

A source is named by its id (`name`), shown through one table of labels in the user's
language; an id the table does not know is shown as it is. The JSON facts keep the ids and the
English reasons, whatever the user's language, so they read the same in every report.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from stressbreak.core.messages import QT_TRANSLATE_NOOP, Message
from stressbreak.services.i18n import translate_message

if TYPE_CHECKING:
    from stressbreak.services.idle import IdleProbe
    from stressbreak.services.presence import Backends

_CONTEXT = "Detectors"

# Each detector: its key in `status --json`, and what it is for in plain words.
DETECTORS: tuple[tuple[str, str], ...] = (
    ("idle", QT_TRANSLATE_NOOP("Detectors", "Time away from the keyboard")),
    ("fullscreen", QT_TRANSLATE_NOOP("Detectors", "Full-screen windows")),
    ("desktop_dnd", QT_TRANSLATE_NOOP("Detectors", "The desktop's do-not-disturb")),
    ("microphone", QT_TRANSLATE_NOOP("Detectors", "Microphone in use (calls)")),
    ("camera", QT_TRANSLATE_NOOP("Detectors", "Camera in use (calls)")),
)

# Every source id the services give, in words a user can repeat in a bug report.
SOURCE_LABELS: dict[str, str] = {
    # time away from the keyboard (services/idle.py)
    "x11-screensaver": QT_TRANSLATE_NOOP("Detectors", "X11 screen saver"),
    "mutter": QT_TRANSLATE_NOOP("Detectors", "GNOME (Mutter idle monitor)"),
    "freedesktop-screensaver": QT_TRANSLATE_NOOP("Detectors", "freedesktop screen saver (KDE)"),
    "wayland-ext-idle-notify": QT_TRANSLATE_NOOP(
        "Detectors", "Wayland idle notification (ext-idle-notify)"),
    "wayland-ext-idle-notify-input": QT_TRANSLATE_NOOP(
        "Detectors", "Wayland input idle notification (ext-idle-notify v2)"),
    "wayland-kde-idle": QT_TRANSLATE_NOOP("Detectors", "Wayland KDE idle protocol"),
    "windows": QT_TRANSLATE_NOOP("Detectors", "Windows"),
    "macos": QT_TRANSLATE_NOOP("Detectors", "macOS"),
    # full screen, do-not-disturb, microphone, camera (services/presence.py)
    "x11-active-window": QT_TRANSLATE_NOOP("Detectors", "X11 (active window)"),
    "wayland-wlr-foreign-toplevel": QT_TRANSLATE_NOOP(
        "Detectors", "Wayland window list (wlr foreign toplevel)"),
    "wayland-kde-plasma-window-management": QT_TRANSLATE_NOOP(
        "Detectors", "KDE Plasma window list"),
    "windows-notification-state": QT_TRANSLATE_NOOP(
        "Detectors", "Windows (notification state)"),
    "gnome-settings": QT_TRANSLATE_NOOP("Detectors", "GNOME settings"),
    "notification-server": QT_TRANSLATE_NOOP("Detectors", "notification server (D-Bus)"),
    "pactl": QT_TRANSLATE_NOOP("Detectors", "sound server (pactl)"),
    "proc-video": QT_TRANSLATE_NOOP("Detectors", "/proc (video devices)"),
    "windows-consent-store": QT_TRANSLATE_NOOP("Detectors", "Windows privacy settings"),
}

# What detection did not look for: an app given no sources (and nothing to find them).
_NOT_MEASURED = Message("AppSettings", QT_TRANSLATE_NOOP(
    "AppSettings", "Time away from the keyboard is not measured in this run."))
_NOT_CHECKED = Message("AppSettings", QT_TRANSLATE_NOOP(
    "AppSettings", "Not checked in this run."))


@dataclass(frozen=True)
class Detector:
    key: str  # "idle", "fullscreen", "desktop_dnd", "microphone", "camera"
    source: str | None  # the source's id; None: this desktop offers none
    reason: str  # why there is none (a Message where the service wrote one); "" with a source


def detectors(idle: IdleProbe | None, presence: Backends | None) -> list[Detector]:
    """Each detector as detection found it (None: nothing was detected in this run)."""
    found = [_idle_detector(idle)]
    if presence is None:
        return found + [Detector(key, None, _NOT_CHECKED) for key, _ in DETECTORS[1:]]
    for key, source, reason_key in (
            ("fullscreen", presence.fullscreen, "fullscreen"),
            ("desktop_dnd", presence.desktop_dnd, "desktop-dnd"),
            ("microphone", presence.microphone, "microphone"),
            ("camera", presence.camera, "camera")):
        if source is not None:
            found.append(Detector(key, source.name, ""))
        else:
            found.append(Detector(key, None, presence.reasons.get(reason_key, "")))
    return found


def _idle_detector(idle: IdleProbe | None) -> Detector:
    if idle is None:
        return Detector("idle", None, _NOT_MEASURED)
    if idle.source is None:
        return Detector("idle", None, idle.reason)
    return Detector("idle", idle.source.name, "")


def source_label(source_id: str) -> str:
    """The source in the user's words; an id without a label as it is."""
    label = SOURCE_LABELS.get(source_id)
    return source_id if label is None else QCoreApplication.translate(_CONTEXT, label)


def detectors_text(found: list[Detector], desktop: Mapping[str, Any]) -> str:
    """The status section: a heading with the desktop, then one line per detector."""
    uses = dict(DETECTORS)
    lines = [QCoreApplication.translate("Detectors", "Detectors on this desktop ({desktop}):")
             .format(desktop=desktop_summary(desktop))]
    for detector in found:
        if detector.source is not None:
            what = source_label(detector.source)
        elif detector.reason:
            what = QCoreApplication.translate("Detectors", "none: {reason}").format(
                reason=translate_message(detector.reason).strip())
        else:
            what = QCoreApplication.translate("Detectors", "none")
        lines.append(f"  {QCoreApplication.translate(_CONTEXT, uses[detector.key])}: {what}")
    return "\n".join(lines)


def detectors_facts(found: list[Detector]) -> dict[str, dict[str, str | None]]:
    """`status --json`'s `detectors`: ids and English reasons, in any language."""
    return {detector.key: {"source": detector.source,
                           "reason": str(detector.reason) if detector.source is None
                           and detector.reason else None}
            for detector in found}


def desktop_facts(environ: Mapping[str, str], qt_platform: str,
                  system: str = sys.platform) -> dict[str, Any]:
    """What decides the sources: only whether the displays are set, not their names."""
    return {
        "system": system,
        "session_type": environ.get("XDG_SESSION_TYPE") or None,
        "current_desktop": environ.get("XDG_CURRENT_DESKTOP") or None,
        "wayland_display_set": bool(environ.get("WAYLAND_DISPLAY")),
        "display_set": bool(environ.get("DISPLAY")),
        "qt_platform": qt_platform,
    }


def desktop_summary(desktop: Mapping[str, Any]) -> str:
    """"GNOME, wayland, Qt: wayland": the desktop, the session type and Qt's platform."""
    parts = [desktop.get("current_desktop"), desktop.get("session_type")]
    return ", ".join([*(part for part in parts if part), f"Qt: {desktop['qt_platform']}"])
