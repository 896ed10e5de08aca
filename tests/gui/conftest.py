"""Windows speak English as the app does: with the English plural forms installed, so that a
count reads "1 pause", not "1 pauses". Dutch tests install Dutch on top and take it out again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from stressbreak.services.i18n import Translations

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
