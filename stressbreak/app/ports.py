"""What the app layer needs of the world, as Protocols: the services in stressbreak/services
satisfy them, and the tests' fakes (tests/fakes.py) do too, without any `type: ignore`.

The clock (core.clock.Clock), the idle-time source (services.idle.IdleSource), the presence
checks (services.presence.PresenceSource) and start at login (services.autostart.Autostart)
are Protocols where they are defined.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRect, SignalInstance
from PySide6.QtGui import QIcon

from stressbreak.core.clock import Clock
from stressbreak.core.model import Record
from stressbreak.core.prefs import Prefs
from stressbreak.core.presence import ActiveSpan
from stressbreak.core.settings import Settings

if TYPE_CHECKING:
    from stressbreak.services.autostart import Autostart
    from stressbreak.services.heart_source import HeartSource
    from stressbreak.services.idle import IdleProbe
    from stressbreak.services.journal import MergeResult
    from stressbreak.services.presence import Backends


class SensorScan(Protocol):
    """A Bluetooth scan for heart-rate straps nearby (services/heart_sensor.py)."""

    @property
    def found(self) -> SignalInstance: ...  # (address: str, name: str), once per strap

    @property
    def finished(self) -> SignalInstance: ...

    @property
    def failed(self) -> SignalInstance: ...  # (state: str), a core.heart.SensorState value

    def start(self) -> None: ...

    def stop(self) -> None: ...


class Scheduler(Protocol):
    """Turns "at 14:32" into a signal at 14:32, on the GUI thread."""

    @property
    def pause_due(self) -> SignalInstance: ...  # (slot: datetime)

    @property
    def checkin_due(self) -> SignalInstance: ...  # (slot: datetime)

    @property
    def wind_down_due(self) -> SignalInstance: ...  # (slot: datetime)

    @property
    def clock_changed(self) -> SignalInstance: ...  # the wall clock jumped, or sleep ended

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def set_pause_at(self, when: datetime | None) -> None: ...

    def set_checkin_at(self, when: datetime | None) -> None: ...

    def set_wind_down_at(self, when: datetime | None) -> None: ...

    def next_pause_at(self) -> datetime | None: ...

    def next_checkin_at(self) -> datetime | None: ...

    def next_wind_down_at(self) -> datetime | None: ...


class Journal(Protocol):
    """The private record of pauses and stress meters. Its methods raise JournalError (with a
    Message for the user) when the disk says no."""

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def append(self, record: Record) -> None: ...

    def merge(self, records: Iterable[Record], *,
              same_month_only: bool = False) -> MergeResult: ...

    def delete_all(self) -> int: ...

    def apply_deletion(self, before: datetime) -> list[tuple[int, int]]: ...

    def month_files(
        self, only: Iterable[tuple[int, int]] | None = None
    ) -> dict[tuple[int, int], int]: ...

    def month_records(self, key: tuple[int, int]) -> list[Record]: ...

    def latest_deletion(self) -> datetime | None: ...

    def records_between(self, start: datetime, end: datetime) -> list[Record]: ...

    def all_records(
        self, start: datetime | None = None, end: datetime | None = None
    ) -> list[Record]: ...

    def keep_parsed_months(self, months: int) -> None: ...

    def reader(self) -> Journal: ...


class Tray(Protocol):
    """The tray icon with its menu: what the user asks for comes as its signals."""

    @property
    def pause_requested(self) -> SignalInstance: ...

    @property
    def checkin_requested(self) -> SignalInstance: ...

    @property
    def overview_requested(self) -> SignalInstance: ...

    @property
    def quiet_requested(self) -> SignalInstance: ...  # (minutes: int)

    @property
    def quiet_until_tomorrow_requested(self) -> SignalInstance: ...

    @property
    def resume_requested(self) -> SignalInstance: ...

    @property
    def values_requested(self) -> SignalInstance: ...

    @property
    def profile_requested(self) -> SignalInstance: ...

    @property
    def pace_finder_requested(self) -> SignalInstance: ...

    @property
    def day_rating_requested(self) -> SignalInstance: ...

    @property
    def settings_requested(self) -> SignalInstance: ...

    @property
    def unhide_requested(self) -> SignalInstance: ...

    @property
    def welcome_requested(self) -> SignalInstance: ...

    @property
    def why_requested(self) -> SignalInstance: ...

    @property
    def quit_requested(self) -> SignalInstance: ...

    def available(self) -> bool:
        """Whether the desktop has a tray to show the icon in (now)."""
        ...

    def show(self) -> None: ...

    def hide(self) -> None: ...

    def is_visible(self) -> bool: ...

    def geometry(self) -> QRect: ...

    def tooltip(self) -> str: ...

    def set_icons(self, normal: QIcon, paused: QIcon) -> None: ...

    def set_status(self, text: str, quiet: bool) -> None: ...

    def set_hidden_exercises(self, count: int) -> None: ...

    def tell(self, title: str, message: str) -> None: ...


class Notifier(Protocol):
    """The desktop's own notifications: an extra channel, never the only one."""

    enabled: bool

    def notify(self, title: str, message: str) -> None: ...

    def unavailable_reason(self) -> str | None:
        """Why no notification can be shown here now (a Message), or None."""
        ...


class Cues(Protocol):
    """Chimes and spoken words during a pause."""

    def configure(self, sound: bool, speech: bool) -> None: ...

    def chime(self, rising: bool) -> None: ...

    def say(self, text: str) -> None: ...

    def sound_unavailable_reason(self) -> str | None:
        """Why no chime can be played here (a Message), or None."""
        ...

    def speech_unavailable_reason(self) -> str | None:
        """Why nothing can be spoken here (a Message), or None."""
        ...


class ShortcutPortal(Protocol):
    """The desktop's keyboard shortcuts for the app (services/shortcuts.py): bound through
    the desktop, which may ask the user first; pressed anywhere."""

    @property
    def activated(self) -> SignalInstance: ...  # (shortcut_id: str), at each press

    @property
    def bound(self) -> SignalInstance: ...  # (tuple[Shortcut, ...]): what the desktop bound

    @property
    def changed(self) -> SignalInstance: ...  # (tuple[Shortcut, ...]): changed by the user

    @property
    def not_bound(self) -> SignalInstance: ...  # (NotBound): why no keys were set

    def version(self) -> int | None:
        """The desktop's GlobalShortcuts version, or None where it offers none (asked now)."""
        ...

    def bind(self, shortcuts: Sequence[tuple[str, str, str]], parent_window: str = "") -> None:
        """(id, description, preferred keys) each; answered by `bound` or `not_bound`."""
        ...

    def configure(self, parent_window: str = "") -> bool:
        """The desktop's own window to change the keys; False where there is none."""
        ...

    def stop(self) -> None: ...


class SettingsStore(Protocol):
    def load(self) -> Settings: ...

    def save(self, settings: Settings) -> None: ...


class PrefsStore(Protocol):
    def load(self) -> Prefs: ...

    def save(self, prefs: Prefs) -> None: ...

    def delete_copies(self) -> int: ...


def _no_motion_preference() -> bool | None:
    return None


@dataclass
class Collaborators:
    """Everything the app is given from outside: the services in a real run (app/startup.py),
    fakes in the tests (tests/fakes.py). Sources of idle time and presence are given, or found
    by `detect_sources` when first needed (probing them loads libraries and asks D-Bus)."""

    clock: Clock  # its times are in the computer's zone, which may change while the app runs
    settings_store: SettingsStore
    journal: Journal
    prefs_store: PrefsStore
    scheduler: Scheduler
    notifier: Notifier
    cues: Cues
    tray: Tray
    idle: IdleProbe | None = None
    presence: Backends | None = None
    detect_sources: Callable[[], tuple[IdleProbe, Backends]] | None = None
    # When the person's other computers were in use; None: what the shared folder says, while
    # one is shared (app/sync.py).
    elsewhere: Callable[[], Sequence[ActiveSpan]] | None = None
    autostart: Autostart | None = None
    autostart_command: Sequence[str] = ()
    # The desktop's wish for less motion, asked as each pause opens.
    platform_reduces_motion: Callable[[], bool | None] = field(
        default=_no_motion_preference)
    # The environment the desktop gave the app: `status` names its session type, desktop
    # and displays, so a bug report says which desktop it came from.
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    # The desktop's keyboard shortcuts (its GlobalShortcuts portal); None: not asked for.
    shortcuts: ShortcutPortal | None = None
    # A scan for heart-rate straps, for the settings window; None: none offered.
    sensor_scan: Callable[[], SensorScan] | None = None
    # The local data folder (this computer's id for a shared folder is kept there); None:
    # no shared folder can be used.
    data_dir: Path | None = None
    # A new user is welcomed at the first start; the tests' apps leave it out unless a test
    # asks, so no welcome stands in front of what they test.
    welcome_new_user: bool = True
    # The heart-rate strap, for a pause and for *Find my breathing pace*: asked as each
    # starts; None (or a factory that gives None) when none is set, and nothing is loaded
    # then. For a pause, a recording asked for with `stressbreak pause --heart-rate-file`
    # comes before it.
    heart_source: Callable[[], HeartSource | None] | None = None
    # How much faster than real time a recording is replayed: tests and demonstrations only.
    replay_speed: float = 1.0
