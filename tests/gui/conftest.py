"""Windows speak English as the app does: with the English plural forms installed, so that a
count reads "1 pause", not "1 pauses". Dutch tests install Dutch on top and take it out again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from stressbreak.services.i18n import Translations
from tests.fakes import TUESDAY_10, FakeClock, Harness, TrayHere, make_app

ENGLISH_US = QLocale("en_US")


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> Iterator[Translations]:
    service = Translations(qapp, "en", ENGLISH_US)
    assert service.install() == "en"
    yield service
    service.remove()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[list[Translations]]:
    """Made by the test; every one is removed afterwards."""
    made: list[Translations] = []
    yield made
    for translations in made:
        translations.remove()
    assert QCoreApplication.translate("PauseWindow", "Breathe in") == "Breathe in"


@pytest.fixture
def dutch(qapp: QApplication, translations: list[Translations]) -> Translations:
    # An English desktop with Dutch chosen in the settings.
    service = Translations(qapp, "nl", ENGLISH_US)
    translations.append(service)
    assert service.install() == "nl"
    return service


class Starts:
    """Starts real apps on fake time, on a desktop without a tray unless given one, all in one
    data folder, or each in a new user's (`new_user`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.apps: list[Harness] = []

    @property
    def data(self) -> Path:
        """The data folder the apps share."""
        return self.root / "data"

    def __call__(self, tray: TrayHere | None = None, *, new_user: bool = False,
                 **options: Any) -> Harness:
        data = self.root / f"data{len(self.apps)}" if new_user else self.data
        data.mkdir(exist_ok=True)
        app = make_app(data, FakeClock(TUESDAY_10), [],
                       tray=tray if tray is not None else TrayHere(), **options)
        app.start()
        self.apps.append(app)
        QCoreApplication.processEvents()
        return app


@pytest.fixture
def started(qtbot: object, tmp_path: Path) -> Iterator[Starts]:
    starts = Starts(tmp_path)
    yield starts
    for app in starts.apps:
        for window in (app.welcome.no_tray_window, app.welcome.window, app.pauses.window,
                       app.checkins.dialog, app.settings.dialog):
            if window is not None:
                window.close()
        app.stop()
