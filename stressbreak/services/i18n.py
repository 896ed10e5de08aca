"""Picks the interface language (Dutch or English) and installs Qt's translators for it.

English is the source language: it needs only `stressbreak_en.qm`, the plural forms of the
counted texts ("%n pauses" -> "1 pause"). For Dutch, StressBreak's own `stressbreak_nl.qm` is
installed, plus Qt's `qtbase_nl.qm` (shipped with PySide6) so that standard dialog buttons and
context menus speak Dutch too.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stressbreak.core.languages import DEFAULT_LANGUAGE, parse_language
from stressbreak.core.lenient_json import salvage_object
from stressbreak.core.messages import Message

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "assets" / "i18n"
SOURCE_LANGUAGE = "en"
TRANSLATED = ("nl",)  # languages with a stressbreak_<lang>.qm
SUPPORTED = (SOURCE_LANGUAGE, *TRANSLATED)
_QT_LANGUAGES = {"en": QLocale.Language.English, "nl": QLocale.Language.Dutch}


def resolve_language(wanted: str, locale: QLocale) -> str:
    """The language to show: `wanted` when it is one of ours, else the first of the user's
    preferred languages (e.g. LANGUAGE=nl:en) that we have, else English."""
    if wanted in SUPPORTED:
        return wanted
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SUPPORTED:
            return code
        if code == "c":  # the POSIX locale: plain English
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


class Translations:
    """Installs the translators for one language and keeps them alive.

    Qt does not own an installed QTranslator: once Python drops the last reference it is
    deleted and the texts fall back to English, so this object holds them until `remove()`.
    """

    def __init__(
        self,
        app: QCoreApplication,
        wanted: str,
        locale: QLocale,
        folder: Path = I18N_DIR,
        qt_folder: Path | None = None,
    ) -> None:
        self._app = app
        self._wanted = wanted
        self._locale = locale
        self._folder = folder
        self._qt_folder = qt_folder
        self._translators: list[QTranslator] = []
        self._language = SOURCE_LANGUAGE
        self._previous_locale: QLocale | None = None
        self._missing_told = False

    @property
    def language(self) -> str:
        """The language the interface shows now: "nl" or "en"."""
        return self._language

    def install(self) -> str:
        """Install the translators for the wanted language; returns the language shown."""
        self.remove()
        language = resolve_language(self._wanted, self._locale)
        if language == SOURCE_LANGUAGE:
            self._install_plural_forms()
        else:
            path = self._folder / f"stressbreak_{language}.qm"
            own = QTranslator()
            if own.load(str(path)):
                self._add(own)
                qt_folder = self._qt_folder or Path(
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
                qtbase = QTranslator()
                # Without it only Qt's own buttons stay English; not worth a warning.
                if qtbase.load(f"qtbase_{language}", str(qt_folder)):
                    self._add(qtbase)
            else:
                if not self._missing_told:
                    self._missing_told = True
                    log.warning("no translation file %s; the interface stays in English", path)
                language = SOURCE_LANGUAGE
                self._install_plural_forms()
        self._language = language
        self._match_locale(language)
        return language

    def _install_plural_forms(self) -> None:
        english = QTranslator()
        if english.load(str(self._folder / f"stressbreak_{SOURCE_LANGUAGE}.qm")):
            self._add(english)
        elif not self._missing_told:  # a broken install: counts read "1 pauses"
            self._missing_told = True
            log.warning("no English plural forms in %s; counts may read '1 pauses'",
                        self._folder)

    def remove(self) -> None:
        """Take the translators out again (the interface is English afterwards)."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        if self._previous_locale is not None:
            QLocale.setDefault(self._previous_locale)
            self._previous_locale = None
        self._language = SOURCE_LANGUAGE

    def _add(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._translators.append(translator)

    def _match_locale(self, language: str) -> None:
        """Day and month names follow the interface: a Dutch interface chosen on an English
        desktop says "maandag", not "Monday". Times and numbers keep the desktop's habits
        when the desktop already speaks the language."""
        wanted = _QT_LANGUAGES[language]
        current = self._locale.language()
        if current == wanted or (current == QLocale.Language.C and language == SOURCE_LANGUAGE):
            return
        self._previous_locale = QLocale()
        QLocale.setDefault(QLocale(wanted, self._locale.territory()))


def translate_message(text: str) -> str:
    """A Message (core.messages) in the user's language, its parameters too; other text as is."""
    if not isinstance(text, Message):
        return text
    params = {key: translate_message(value) if isinstance(value, str) else value
              for key, value in text.params.items()}
    if text.n is None:
        return QCoreApplication.translate(text.context, text.template).format(**params)
    return QCoreApplication.translate(text.context, text.template, None, text.n).format(**params)


def language_setting(settings_file: Path) -> str:
    """The `language` setting, read quietly before any window exists (and without the whole
    settings module, to keep the tray icon quick): the app's SettingsStore reads the file
    again and is the one that reports what is wrong in it. As there, a `language` that can
    still be read in a damaged file is used."""
    try:
        text = settings_file.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return DEFAULT_LANGUAGE
    try:
        raw = json.loads(text)
    # RecursionError: brackets nested deeper than the parser goes are no settings either.
    except (ValueError, RecursionError):
        raw = salvage_object(text).pairs
    try:
        return parse_language(raw.get("language", DEFAULT_LANGUAGE))
    except (ValueError, AttributeError):
        return DEFAULT_LANGUAGE
