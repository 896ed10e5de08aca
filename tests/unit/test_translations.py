"""Dutch is complete: every text in the code is in the .ts and translated there, with the same
placeholders, and the .qm in the package holds exactly those translations.

The checks are the ones `python resources/i18n/build.py --check` runs; when one fails, run
`python resources/i18n/build.py`, translate what it lists, and run it again.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE = "nl"


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_build", ROOT / "resources/i18n/build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="module")
def committed() -> list:
    return build.read_ts(build.ts_path(LANGUAGE))


@pytest.fixture(scope="module")
def in_code() -> list:
    return build.texts_in_code(LANGUAGE)


def _report(problems: list[str]) -> str:
    return "\n".join([*problems, "Run `python resources/i18n/build.py` and translate."])


def test_every_text_in_the_code_is_in_the_ts(committed, in_code):
    problems = build.stale(committed, in_code)
    assert not problems, _report(problems)


def test_every_text_is_translated(committed):
    problems = build.unfinished(committed)
    assert not problems, _report(problems)


def test_placeholders_are_the_same_in_both_languages(committed):
    problems = build.placeholder_mismatches(committed)
    assert not problems, _report(problems)


def test_the_package_holds_the_current_translations():
    problems = build.qm_out_of_date(LANGUAGE)
    assert not problems, _report(problems)


def test_english_has_the_plural_forms_of_every_count():
    """English is the source, but "%n pauses" needs its singular from stressbreak_en.ts."""
    problems = build.check("en")
    assert not problems, _report(problems)


def test_the_three_questions_in_dutch(committed):
    dutch = {m.source: m.translation for m in committed if m.context == "content"}
    assert dutch["How is my breathing?"] == "Hoe is mijn ademhaling?"
    assert dutch["How do my belly and chest feel?"] == "Hoe voelt mijn buik of borst?"
    assert dutch["What do I really need right now?"] == "Wat heb ik nu écht nodig?"


def test_no_exclamation_marks(committed):
    loud = [m.where() for m in committed if "!" in m.translation or "!" in m.source]
    assert not loud


# Verdicts on the user, in every text of both languages: what the user does or lets pass is
# information, never a lapse ("missed", "gemist"), and the app says "je", never "u". Words a
# profile statement or a settings error needs ("better", "must", "fout") are left to the
# tone checks of those texts.
_VERDICT_EN = re.compile(r"\b(bad|good|wrong|faults?|failure|fail(ed)?|lazy|selfish|weak|"
                         r"missed|worse)\b", re.IGNORECASE)
_VERDICT_NL = re.compile(r"\b(slechte?r?|mislukt|gefaald|gemist|lui|zwak|egoïstisch|u|uw)\b",
                         re.IGNORECASE)
_SYMPTOMS_NL = ("slecht slapen",)  # a complaint named, not a verdict


def test_no_text_judges_in_either_language(committed):
    judging = [m.where() for m in committed if _VERDICT_EN.search(m.source)]
    for m in committed:
        dutch = m.translation
        for symptom in _SYMPTOMS_NL:
            dutch = dutch.replace(symptom, "")
        if _VERDICT_NL.search(dutch):
            judging.append(f"{m.where()} -> {m.translation!r}")
    assert judging == []


def test_the_verdict_check_sees_a_verdict():
    assert _VERDICT_EN.search("You missed 3 pauses") and _VERDICT_NL.search("Pauze gemist")
    assert _VERDICT_NL.search("Wilt u opslaan?") and not _VERDICT_NL.search("Wil je opslaan?")


# -- the checks themselves catch what they are for --------------------------------------------


def _message(source: str, translation: str, state: str = "") -> object:
    return build.Message("Tray", source, translation, state)


def test_the_checks_see_a_missing_an_unfinished_and_a_changed_placeholder():
    ts = [_message("Snooze {minutes} min", "{minuten} min later"),
          _message("Skip", "", "unfinished"), _message("Old", "Oud", "vanished")]
    code = [_message("Snooze {minutes} min", ""), _message("Skip", ""), _message("New", "")]
    assert len(build.stale(ts, code)) == 2  # "New" missing, "Old" gone from the code
    assert len(build.unfinished(ts)) == 2
    assert len(build.placeholder_mismatches(ts)) == 1
    assert build.placeholders("{day} at {time}, {{not}} {0}") == {"day", "time", "0"}


def test_the_qm_check_sees_a_translation_changed_after_the_build(tmp_path, monkeypatch):
    ts_copy = tmp_path / f"stressbreak_{LANGUAGE}.ts"
    qm_copy = tmp_path / f"stressbreak_{LANGUAGE}.qm"
    shutil.copy(build.ts_path(LANGUAGE), ts_copy)
    shutil.copy(build.qm_path(LANGUAGE), qm_copy)
    monkeypatch.setattr(build, "ts_path", lambda _language: ts_copy)
    monkeypatch.setattr(build, "qm_path", lambda _language: qm_copy)
    monkeypatch.setattr(build, "ROOT", tmp_path)
    assert build.qm_out_of_date(LANGUAGE) == []
    text = ts_copy.read_text(encoding="utf-8")
    ts_copy.write_text(text.replace(">Adem in<", ">Adem rustig in<"), encoding="utf-8")
    assert len(build.qm_out_of_date(LANGUAGE)) == 1
    build.lrelease(ts_copy, qm_copy)
    assert build.qm_out_of_date(LANGUAGE) == []


# -- texts that never reach the translator ------------------------------------------------------

# Qt calls whose first argument is shown to the user.
_TEXT_SINKS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setAccessibleName",
    "setAccessibleDescription", "setStatusTip", "setWhatsThis", "addAction", "addMenu",
    "showMessage", "setHorizontalHeaderLabels", "notify", "tell",
}


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def _has_words(node: ast.expr) -> bool:
    """A literal with letters in it: a plain string, an f-string, or a list of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(item) for item in node.elts)
    return False


def test_no_window_text_bypasses_translation():
    found = []
    for path in [*(ROOT / "stressbreak/ui").rglob("*.py"),
                 *(ROOT / "stressbreak/app").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _call_name(node) in _TEXT_SINKS:
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)}"
                          for arg in node.args if _has_words(arg)]
    assert not found, "wrap these in self.tr(...):\n" + "\n".join(found)


class _Marked(ast.NodeVisitor):
    """Every self.tr("...") (context: its class) and QT_TRANSLATE_NOOP(context, "...")."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if _call_name(node) == "tr" and self.classes and len(texts) == 1:
            self.found.add((self.classes[-1], texts[0]))
        elif _call_name(node) == "QT_TRANSLATE_NOOP" and len(texts) == 2:
            self.found.add((texts[0], texts[1]))
        self.generic_visit(node)


def test_lupdate_finds_every_marked_text(in_code):
    """lupdate misses self.tr() inside f-strings; build.py hands it those through a stub."""
    marked = _Marked()
    for path in (ROOT / "stressbreak").rglob("*.py"):
        marked.visit(ast.parse(path.read_text(encoding="utf-8")))
    assert len(marked.found) > 100
    assert marked.found - {m.key for m in in_code} == set()


def test_texts_marked_inside_f_strings_reach_lupdate_through_the_stub(tmp_path, monkeypatch):
    code = tmp_path / "window.py"
    code.write_text("class Window:\n"
                    "    def html(self):\n"
                    "        return f\"<p>{escape(self.tr('Things to try:'))}</p>\"\n"
                    "    def plain(self):\n"
                    "        return self.tr('Plain')\n", encoding="utf-8")
    monkeypatch.setattr(build, "sources", lambda: [code])
    ts = tmp_path / "out.ts"
    build.lupdate(ts, LANGUAGE)
    assert {m.key for m in build.read_ts(ts)} == {("Window", "Things to try:"),
                                                  ("Window", "Plain")}


def test_counted_texts_outside_tr_reach_lupdate_as_plurals(tmp_path, monkeypatch):
    """lupdate takes translate(context, text, None, n) for a plain text and does not know
    QT_TRANSLATE_N_NOOP: the stub makes both plural, as self.tr(text, "", n) is."""
    code = tmp_path / "counts.py"
    code.write_text("def label(n):\n"
                    "    return QCoreApplication.translate('Overview', '%n days', None, n)\n"
                    "DONE = QT_TRANSLATE_N_NOOP('stats', '%n pauses')\n"
                    "class Window:\n"
                    "    def count(self, n):\n"
                    "        return self.tr('%n breaths', '', n)\n", encoding="utf-8")
    monkeypatch.setattr(build, "sources", lambda: [code])
    ts = tmp_path / "out.ts"
    build.lupdate(ts, LANGUAGE)
    numerus = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")
               if m.get("numerus") == "yes"}
    assert numerus == {("Overview", "%n days"), ("stats", "%n pauses"), ("Window", "%n breaths")}
    english = tmp_path / "en.ts"
    build.lupdate(english, "en")  # plural only
    assert {m.key for m in build.read_ts(english)} == numerus
