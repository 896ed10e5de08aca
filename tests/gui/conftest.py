"""Windows speak English as the app does: with the English plural forms installed, so that a
count reads "1 pause", not "1 pauses". Dutch tests install Dutch on top and take it out again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from stressbreak.services.i18n import Translations


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> Iterator[Translations]:
    service = Translations(qapp, "en", QLocale("en_US"))
    assert service.install() == "en"
    yield service
    service.remove()
