from __future__ import annotations

import logging
import threading

import pytest

from stressbreak.core.messages import Message
from stressbreak.services.notify import (
    SERVICE,
    Notifier,
    notification_unavailable_reason,
    session_bus_address,
)


def _wait_for_threads() -> None:
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(timeout=5)


def test_a_broken_backend_is_logged_once_and_breaks_nothing(monkeypatch, caplog):
    from plyer import notification

    calls: list[str] = []

    def broken(**kwargs: object) -> None:
        calls.append(str(kwargs["title"]))
        raise NotImplementedError("No usable implementation found!")

    monkeypatch.setattr(notification, "notify", broken)
    notifier = Notifier("StressBreak", enabled=True, unavailable=lambda: None)
    with caplog.at_level(logging.WARNING, logger="stressbreak.services.notify"):
        for title in ("one", "two", "three"):
            notifier.notify(title, "message")
            _wait_for_threads()
    assert calls == ["one"]  # after the first failure the channel stays quiet
    warnings = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(warnings) == 1
    assert "own reminder window" in warnings[0].getMessage()


@pytest.mark.parametrize("enabled", [True, False])
def test_enabled_setting_is_respected(monkeypatch, enabled: bool):
    from plyer import notification

    sent: list[dict[str, object]] = []
    monkeypatch.setattr(notification, "notify", lambda **kwargs: sent.append(kwargs))
    Notifier("StressBreak", enabled=enabled, unavailable=lambda: None).notify(
        "Time for a pause", "body")
    _wait_for_threads()
    assert len(sent) == (1 if enabled else 0)
    if enabled:
        assert sent[0]["title"] == "Time for a pause"
        assert sent[0]["app_name"] == "StressBreak"


class Machine:
    """What a machine answers: programs on PATH, importable modules, names on the session bus
    (None: no session bus). Counts the questions put to the bus."""

    def __init__(self, *, programs=(), modules=(), bus: set[str] | None = None,
                 platform: str = "linux", in_flatpak: bool = False) -> None:
        self.programs = set(programs)
        self.modules = set(modules)
        self.bus = bus
        self.platform = platform
        self.in_flatpak = in_flatpak
        self.bus_questions: list[str] = []

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.programs else None

    def has_module(self, name: str) -> bool:
        return name in self.modules

    def bus_offers(self, name: str) -> bool | None:
        self.bus_questions.append(name)
        return None if self.bus is None else name in self.bus

    def reason(self) -> Message | None:
        return notification_unavailable_reason(
            platform=self.platform, which=self.which, has_module=self.has_module,
            bus_offers=self.bus_offers, in_flatpak=self.in_flatpak)


@pytest.mark.parametrize("machine", [
    Machine(programs={"notify-send"}, bus={SERVICE}),
    Machine(modules={"dbus"}, bus={SERVICE}),
    Machine(platform="win32"),
    Machine(platform="darwin", modules={"pyobjus"}),
    Machine(in_flatpak=True, programs={"gdbus"}),
], ids=["notify-send", "dbus-python", "windows", "macos", "flatpak"])
def test_notifications_can_be_shown(machine: Machine):
    assert machine.reason() is None


@pytest.mark.parametrize(("machine", "words"), [
    (Machine(bus={SERVICE}), "install notify-send"),
    (Machine(programs={"notify-send"}, bus=None), "no desktop session bus"),
    (Machine(modules={"dbus"}, bus={"org.gnome.Shell"}), "No notification service"),
    (Machine(platform="darwin"), "pyobjus"),
    (Machine(in_flatpak=True, programs={"notify-send"}, bus={SERVICE}), "gdbus"),
], ids=["no-sender", "no-bus", "no-service", "macos-no-pyobjus", "flatpak-no-gdbus"])
def test_why_notifications_cannot_be_shown(machine: Machine, words: str):
    reason = machine.reason()
    assert isinstance(reason, Message)
    assert reason.context == "notify"
    assert words in reason


def test_the_bus_is_asked_only_when_something_could_send():
    nothing = Machine(bus={SERVICE})
    assert nothing.reason() is not None
    assert nothing.bus_questions == []
    sender = Machine(programs={"notify-send"}, bus={SERVICE})
    assert sender.reason() is None
    assert sender.bus_questions == [SERVICE]


def test_the_session_bus_is_found_where_libdbus_looks(tmp_path):
    assert session_bus_address({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"}) == "unix:path=/x"
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == ""
    (tmp_path / "bus").touch()
    assert session_bus_address({"XDG_RUNTIME_DIR": str(tmp_path)}) == (
        f"unix:path={tmp_path / 'bus'}")
    assert session_bus_address({}) == ""


def test_without_a_service_nothing_is_sent_it_is_said_once_and_asked_again_each_time(caplog):
    machine = Machine(programs={"notify-send"}, bus=set())
    sent: list[str] = []
    notifier = Notifier("StressBreak", enabled=True, unavailable=machine.reason,
                        send=lambda app, title, message: sent.append(title))
    with caplog.at_level(logging.WARNING, logger="stressbreak.services.notify"):
        notifier.notify("one", "message")
        notifier.notify("two", "message")
    _wait_for_threads()
    assert sent == []
    assert machine.bus_questions == [SERVICE, SERVICE]
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1
    assert "No notification service" in said[0]
    assert notifier.unavailable_reason() is not None

    machine.bus = {SERVICE}  # the desktop's notification service has started
    notifier.notify("three", "message")
    _wait_for_threads()
    assert sent == ["three"]
    assert notifier.unavailable_reason() is None


def test_switched_off_notifications_ask_nothing():
    machine = Machine(programs={"notify-send"}, bus={SERVICE})
    Notifier("StressBreak", enabled=False, unavailable=machine.reason).notify("one", "body")
    assert machine.bus_questions == []
