"""The language service, and real windows speaking Dutch once it has installed Dutch.

Every test takes its translators out again, so the other tests keep seeing English.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from stressbreak.core.breathing import PATTERNS
from stressbreak.core.messages import Message
from stressbreak.services.i18n import (
    I18N_DIR,
    Translations,
    resolve_language,
    translate_message,
)
from stressbreak.ui.checkin import CheckInDialog
from stressbreak.ui.pause_window import PauseWindow
from stressbreak.ui.reminder import ReminderWindow
from stressbreak.ui.style import translated_message
from stressbreak.ui.tray import StatusText, Tray

ENGLISH_US = QLocale("en_US")
AMS = ZoneInfo("Europe/Amsterdam")
TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "stressbreak_nl.ts"


@pytest.mark.parametrize(
    ("wanted", "ui_languages", "expected"),
    [
        ("nl", "en_US", "nl"),
        ("en", "nl_NL", "en"),
        ("system", "nl_NL", "nl"),
        ("system", "nl_BE", "nl"),
        ("system", "en_GB", "en"),
        ("system", "de_DE", "en"),  # not ours: English
        ("system", "C", "en"),
    ],
)
def test_which_language(wanted: str, ui_languages: str, expected: str):
    assert resolve_language(wanted, QLocale(ui_languages)) == expected


def test_system_language_takes_the_first_of_ours_in_the_users_order(qapp, translations):
    class Preferring(QLocale):
        def __init__(self, *names: str) -> None:
            super().__init__(names[0].replace("-", "_"))
            self._names = list(names)

        def uiLanguages(self, *_args: object) -> list[str]:
            return self._names

    assert resolve_language("system", Preferring("de-DE", "nl-NL", "en")) == "nl"
    assert resolve_language("system", Preferring("en-US", "nl-NL")) == "en"


def test_english_needs_no_translator(qapp, translations):
    service = Translations(qapp, "system", ENGLISH_US)
    translations.append(service)
    assert service.install() == "en"
    assert service.language == "en"
    assert QCoreApplication.translate("PauseWindow", "Breathe in") == "Breathe in"


def test_english_counts_take_their_plural_forms(qapp, translations, tmp_path):
    """English needs a translator too: "%n pauses" is "1 pause" only through it."""
    ts = tmp_path / "stressbreak_en.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en" sourcelanguage="en"><context><name>Overview</name>'
        '<message numerus="yes"><source>%n pauses</source><translation>'
        '<numerusform>%n pause</numerusform><numerusform>%n pauses</numerusform>'
        '</translation></message></context></TS>\n', encoding="utf-8")
    subprocess.run([shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)),
                    "-silent", str(ts), "-qm", str(tmp_path / "stressbreak_en.qm")], check=True)
    assert QCoreApplication.translate("Overview", "%n pauses", None, 1) == "1 pauses"
    service = Translations(qapp, "en", ENGLISH_US, folder=tmp_path)
    translations.append(service)
    assert service.install() == "en"
    assert QCoreApplication.translate("Overview", "%n pauses", None, 1) == "1 pause"
    assert QCoreApplication.translate("Overview", "%n pauses", None, 3) == "3 pauses"
    count = Message.counted("Overview", "%n pauses", 1)
    assert count == "1 pauses"  # the English a log gets
    assert translate_message(count) == "1 pause"
    assert translated_message(count) == "1 pause"  # the windows' own (ui may not use services)


def test_the_package_has_the_english_plural_forms():
    assert (I18N_DIR / "stressbreak_en.qm").is_file()


def test_a_missing_translation_file_means_english_said_once(qapp, translations, caplog):
    service = Translations(qapp, "nl", ENGLISH_US, folder=Path("/nonexistent"))
    translations.append(service)
    with caplog.at_level(logging.WARNING, logger="stressbreak.services.i18n"):
        assert service.install() == "en"
        assert service.install() == "en"
    assert len(caplog.records) == 1
    assert "stressbreak_nl.qm" in caplog.records[0].getMessage()
    assert QCoreApplication.translate("PauseWindow", "Breathe in") == "Breathe in"


def test_nothing_happens_before_install(qapp, translations, caplog):
    locale_before = QLocale().name()
    with caplog.at_level(logging.WARNING, logger="stressbreak.services.i18n"):
        service = Translations(qapp, "nl", ENGLISH_US, folder=Path("/nonexistent"))
    translations.append(service)
    assert caplog.records == []
    assert QLocale().name() == locale_before
    assert service.language == "en"


def test_every_translation_in_the_ts_reaches_qt(dutch):
    """The installed .qm says what the .ts says (the unit test checks the same without Qt)."""
    wrong = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            if message.get("numerus") == "yes":
                one, other = (form.text or "" for form in message.iter("numerusform"))
                for n, form in ((1, one), (4, other)):
                    if QCoreApplication.translate(name, source, None, n) != form.replace(
                            "%n", str(n)):
                        wrong.append(f"{name}: {source!r} for {n}")
            elif QCoreApplication.translate(name, source) != message.findtext("translation"):
                wrong.append(f"{name}: {source!r}")
    assert not wrong
    assert (I18N_DIR / "stressbreak_nl.qm").is_file()


def test_qt_own_buttons_and_dates_follow(dutch, qtbot):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert [b.text() for b in buttons.buttons()] == ["Annuleren"]
    # Dutch chosen on an English desktop: day names are Dutch too, until removed again.
    assert QLocale().dayName(1) == "maandag"
    dutch.remove()
    assert QLocale().dayName(1) != "maandag"


def test_pause_window_in_dutch(dutch, qtbot):
    window = PauseWindow(PATTERNS["coherent"], duration_s=60.0)
    qtbot.addWidget(window)
    assert window.phase_label.text() == "Adem in"
    assert window.end_button.text() == "Eerder stoppen"
    assert window.windowTitle() == "Een minuut om te ademen"


def test_stress_meter_asks_the_three_questions_in_dutch(dutch, qtbot):
    dialog = CheckInDialog()
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Hoe is mijn ademhaling?", "Hoe voelt mijn buik of borst?",
            "Wat heb ik nu écht nodig?"} <= labels
    assert dialog.save_button.text() == "Opslaan"


def test_reminder_in_dutch_keeps_its_number(dutch, qtbot):
    reminder = ReminderWindow(timeout_s=60, snooze_min=7)
    qtbot.addWidget(reminder)
    assert reminder.snooze_button.text() == "7 min later"
    assert reminder.skip_button.text() == "Overslaan"


def test_tray_menu_and_tooltip_in_dutch(dutch, qapp):
    tray = Tray(QIcon())
    try:
        assert tray.menu.actions()[0].text() == "Nu een micropauze nemen"
        monday_9 = datetime(2026, 1, 5, 9, tzinfo=AMS)
        text = StatusText().describe(monday_9, monday_9 + timedelta(days=1, minutes=30),
                                     None, in_pause=False)
        assert text == "StressBreak: volgende micropauze dinsdag om 09:30"
    finally:
        tray.hide()
        tray.deleteLater()


def test_the_app_reads_the_language_early_and_quietly(tmp_path: Path, caplog):
    from stressbreak.services.i18n import language_setting as _language_setting

    path = tmp_path / "settings.json"
    assert _language_setting(path) == "system"  # no file yet
    assert not path.exists()  # creating it stays the settings store's job
    path.write_text('{"language": "nl", "interval_min": 30}')
    assert _language_setting(path) == "nl"
    with caplog.at_level(logging.DEBUG):
        path.write_text('{"language": "fr"}')
        assert _language_setting(path) == "system"
        path.write_text('{"language": "nl", oops')  # what can be read is used, as in the store
        assert _language_setting(path) == "nl"
        path.write_bytes(b'{"interval_min": 3\x000, "language": "nl"}')
        assert _language_setting(path) == "nl"
        path.write_bytes(b'{"language": "n\xffl"}')
        assert _language_setting(path) == "system"
        path.write_text("[" * 100_000 + "]" * 100_000)  # deeper than the parser goes
        assert _language_setting(path) == "system"
    assert caplog.records == []  # the settings store reports these, once


def test_problems_from_files_are_told_in_dutch(dutch, tmp_path):
    from stressbreak.core.settings import parse_settings
    from stressbreak.services.i18n import translate_message
    from stressbreak.services.journal import Journal

    _settings, [problem] = parse_settings({"interval_min": 0})
    assert problem == ("“Time between pauses” ('interval_min') must be from 5 to 240 minutes; "
                       "the file says 0. Until you change it, the default 60 is used.")
    assert translate_message(problem) == (
        "“Tijd tussen micropauzes” ('interval_min') moet van 5 tot en met 240 minuten zijn; in het "
        "bestand staat 0. Tot je het aanpast, geldt de standaardwaarde 60.")

    (tmp_path / "journal-2026-03.json").write_text("{ not json")
    told: list[str] = []
    journal = Journal(tmp_path, told.append)
    journal.start()
    from datetime import datetime
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Europe/Amsterdam")
    journal.records_between(datetime(2026, 3, 2, tzinfo=tz), datetime(2026, 3, 9, tzinfo=tz))
    journal.stop()
    assert "March 2026" in told[0]
    assert translate_message(told[0]).startswith("Het dagboekbestand van maart 2026 kon niet")


def test_every_breathing_pattern_is_explained_in_dutch(dutch):
    from stressbreak.core.breathing import CONTEXT as BREATHING

    texts = [p.description for p in PATTERNS.values()]
    texts += [p.caution for p in PATTERNS.values() if p.caution]
    texts += [t for p in PATTERNS.values() for s in p.steps for t in (s.words, s.spoken) if t]
    untranslated = [t for t in texts if QCoreApplication.translate(BREATHING, t) == t]
    assert untranslated == []
