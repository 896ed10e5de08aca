"""Nothing leaves the machine and the log keeps no journal content, through a whole day's loop."""

from __future__ import annotations

import ipaddress
import json
import logging
import socket
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.fakes import TUESDAY_10, FakeClock, make_app

SECRET_WORDS = ("my-manager-again", "a-private-worry", "walk-the-dog")


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):
        return True  # AF_UNIX paths and abstract names (the single-instance channel)
    host = address[0] if isinstance(address, tuple) else address
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@pytest.fixture
def outgoing(monkeypatch):
    """Every connect attempted from Python, refused (and remembered) unless it is local."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def guarded(self, address):
        if not _is_local(address):
            attempts.append(address)
            raise OSError("StressBreak must not open network connections")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded)
    return attempts


def test_a_day_of_use_opens_no_network_connection_and_logs_no_journal_text(
    qtbot, tmp_path, outgoing, caplog, monkeypatch
):
    from stressbreak.ui.profile_dialog import ProfileDialog

    monkeypatch.setattr(ProfileDialog, "offer", classmethod(lambda cls, parent=None: False))
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"native_notifications": True}))
    clock = FakeClock(TUESDAY_10)
    app = make_app(data, clock, [])
    with caplog.at_level(logging.DEBUG):
        app.start()
        try:
            for _ in range(3):
                clock.advance(timedelta(hours=1))
                app.scheduler.pause_due.emit(clock.now())
                qtbot.mouseClick(app.reminders.window.start_button, Qt.MouseButton.LeftButton)
                pause = app.pauses.window
                with qtbot.waitSignal(pause.finished, timeout=5000):
                    pass
                pause.done_button.click()
                dialog = app.checkins.dialog
                qtbot.keyClicks(dialog.trigger, SECRET_WORDS[0])
                qtbot.keyClicks(dialog.notes["body"], SECRET_WORDS[1])
                qtbot.keyClicks(dialog.next_step, SECRET_WORDS[2])
                qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            app.data.open_overview()
            app.notices.tell("a problem to show")
        finally:
            app.stop()
    assert outgoing == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(word in logged for word in SECRET_WORDS)
    journal_text = "".join(p.read_text() for p in data.glob("journal-*.json"))
    assert all(word in journal_text for word in SECRET_WORDS)  # saved, only where it belongs


def test_the_guard_itself_catches_a_connection_attempt(outgoing):
    with socket.socket() as probe, pytest.raises(OSError, match="network"):
        probe.connect(("192.0.2.1", 80))  # TEST-NET-1: never reached, refused by the guard
    assert outgoing == [("192.0.2.1", 80)]
