"""Refresh and compile StressBreak's translations (English is the source language).

    python resources/i18n/build.py           # code -> resources/i18n/stressbreak_nl.ts (lupdate;
                                             # translations kept, vanished strings dropped),
                                             # then .ts -> stressbreak/assets/i18n/*.qm (lrelease)
    python resources/i18n/build.py --check   # change nothing; exit 1 if a text in the code is
                                             # missing from the .ts, a translation is unfinished
                                             # or empty, placeholders differ, or the .qm is old

Translate in between with Qt Linguist (`pyside6-linguist resources/i18n/stressbreak_nl.ts`)
or any editor, then run the build again. tests/unit/test_translations.py runs the same checks.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import string
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"
QM_DIR = ROOT / "stressbreak" / "assets" / "i18n"
LANGUAGES = ("nl",)  # stressbreak/services/i18n.py knows the same list as TRANSLATED
# English is the source language, so it needs only the plural forms of the `%n` texts
# ("%n pauses" -> "1 pause" / "2 pauses"): lupdate -pluralonly.
PLURAL_ONLY = ("en",)
# No line numbers in the .ts: they would change with every edit of the code.
LUPDATE_OPTIONS = ("-silent", "-no-obsolete", "-locations", "none", "-source-language", "en")


def ts_path(language: str) -> Path:
    return TS_DIR / f"stressbreak_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"stressbreak_{language}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of the Python that runs this script."""
    for folder in (Path(sys.executable).parent, None):
        found = shutil.which(f"pyside6-{name}", path=None if folder is None else str(folder))
        if found:
            return found
    raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials in this Python")


def sources() -> list[Path]:
    return sorted((ROOT / "stressbreak").rglob("*.py"))


class _InFormatStrings(ast.NodeVisitor):
    """Texts lupdate's Python parser cannot see, which reach it through a stub file:

    - texts marked inside f-strings (`f"<p>{self.tr('Hello')}</p>"`): lupdate does not look
      into an f-string's expressions;
    - plural texts outside a `self.tr(text, "", n)`: lupdate takes
      `QCoreApplication.translate(context, text, None, n)` for a plain text and does not know
      `QT_TRANSLATE_N_NOOP` at all, so the stub says `self.tr(text, "", n)` in a class named
      after the context (and comes first, so that lupdate keeps the plural kind)."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.depth = 0
        self.found: set[tuple[str, str]] = set()
        self.plural: set[tuple[str, str]] = set()
        self.path = ""  # the source file being read, for an error

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        texts = [a.value for a in node.args
                 if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        with_n = len(node.args) == 4 or any(k.arg == "n" for k in node.keywords)
        counted = name == "QT_TRANSLATE_N_NOOP" or (name == "translate" and with_n)
        if counted and texts and not (node.args and isinstance(node.args[0], ast.Constant)):
            # The stub needs the context as written: a name would lose the text's plural.
            raise SystemExit(f"{self.path}:{node.lineno}: a counted text needs its "
                             "translation context as a literal string")
        if counted and len(texts) >= 2:
            self.plural.add((texts[0], texts[1]))
        elif self.depth and name == "tr" and self.classes and len(texts) == 1:
            self.found.add((self.classes[-1], texts[0]))
        elif self.depth and name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) == 2:
            self.found.add((texts[0], texts[1]))
        self.generic_visit(node)


def _stubs(folder: Path) -> list[Path]:
    finder = _InFormatStrings()
    for path in sources():
        finder.path = str(path)
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    plural = folder / "marked_plural.py"
    plural.write_text("".join(
        f"class {context}:\n    def counted(self, n):\n        self.tr({text!r}, '', n)\n"
        for context, text in sorted(finder.plural)), encoding="utf-8")
    stub = folder / "marked_in_fstrings.py"
    stub.write_text("".join(f"QT_TRANSLATE_NOOP({context!r}, {text!r})\n"
                            for context, text in sorted(finder.found)), encoding="utf-8")
    return [plural, stub]


def lupdate(ts: Path, language: str) -> None:
    """Merge the texts in the code into `ts` (created when absent); for a plural-only
    language just the `%n` texts."""
    only = ["-pluralonly"] if language in PLURAL_ONLY else []
    with tempfile.TemporaryDirectory() as folder:
        stubs = _stubs(Path(folder))
        subprocess.run(
            [tool("lupdate"), *map(str, stubs), *map(str, sources()),
             "-ts", str(ts), *LUPDATE_OPTIONS, *only, "-target-language", language],
            check=True,
        )


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


PLURAL_JOIN = "\x1f"  # between the forms of a plural text in a Message's translation


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    state: str  # "" when finished; else the .ts type: unfinished, vanished, obsolete

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.source

    def where(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            element = message.find("translation")
            if element is None:
                translation = ""
            elif message.get("numerus") == "yes":  # the forms, as read_qm gives them
                forms = [form.text or "" for form in element.iter("numerusform")]
                translation = PLURAL_JOIN.join(forms) if all(forms) else ""
            else:
                translation = "".join(element.itertext())
            messages.append(Message(
                context=name,
                source=message.findtext("source", ""),
                translation=translation,
                state="" if element is None else element.get("type", ""),
            ))
    return messages


def placeholders(text: str) -> set[str]:
    """The `str.format` fields in a text: {when}, {minutes}, ..."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def texts_in_code(language: str) -> list[Message]:
    """What lupdate finds in the code now, in a fresh .ts (the committed one is untouched)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"stressbreak_{language}.ts"
        lupdate(fresh, language)
        return read_ts(fresh)


def stale(committed: list[Message], in_code: list[Message]) -> list[str]:
    have = {m.key for m in committed}
    wanted = {m.key for m in in_code}
    return [f"not in the .ts yet: {m.where()}" for m in in_code if m.key not in have] + [
        f"in the .ts but no longer in the code: {m.where()}"
        for m in committed if m.key not in wanted
    ]


def unfinished(committed: list[Message]) -> list[str]:
    found = []
    for m in committed:
        if m.state:
            found.append(f"{m.state}: {m.where()}")
        elif not m.translation.strip():
            found.append(f"empty translation: {m.where()}")
    return found


def placeholder_mismatches(committed: list[Message]) -> list[str]:
    return [
        f"placeholders {sorted(placeholders(m.translation))} instead of "
        f"{sorted(placeholders(m.source))}: {m.where()}"
        for m in committed
        if m.translation and placeholders(m.source) != placeholders(m.translation)
    ]


_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8


def read_qm(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation in a .qm written by lrelease.

    Comparing contents rather than bytes keeps the check true when another Qt version's
    lrelease lays the same file out differently.
    """
    data = path.read_bytes()
    if not data.startswith(_QM_MAGIC):
        raise ValueError(f"{path} is not a Qt .qm file")
    messages, pos = b"", len(_QM_MAGIC)
    while pos < len(data):  # blocks: tag, big-endian length, data
        tag, length = data[pos], int.from_bytes(data[pos + 1:pos + 5], "big")
        if tag == _QM_MESSAGES:
            messages = data[pos + 5:pos + 5 + length]
        pos += 5 + length
    found: dict[tuple[str, str], str] = {}
    fields: dict[int, bytes] = {}
    forms: list[bytes] = []  # a plural text has one translation field per form
    pos = 0
    while pos < len(messages):  # each message: tagged fields up to an end tag
        tag = messages[pos]
        pos += 1
        if tag == _TAG_END:
            found[fields.get(_TAG_CONTEXT, b"").decode(), fields.get(_TAG_SOURCE, b"").decode()] = (
                PLURAL_JOIN.join(form.decode("utf-16-be") for form in forms))
            fields, forms = {}, []
            continue
        if tag not in (_TAG_TRANSLATION, _TAG_SOURCE, _TAG_CONTEXT, _TAG_COMMENT):
            raise ValueError(f"{path}: unexpected field {tag} (not written by lrelease?)")
        length = int.from_bytes(messages[pos:pos + 4], "big")
        pos += 4
        if length == 0xFFFFFFFF:  # a null string
            length = 0
        if tag == _TAG_TRANSLATION:
            forms.append(messages[pos:pos + length])
        else:
            fields[tag] = messages[pos:pos + length]
        pos += length
    return found


def qm_out_of_date(language: str) -> list[str]:
    """The .qm must hold exactly the finished translations of the .ts."""
    committed = qm_path(language)
    if not committed.exists():
        return [f"{committed.relative_to(ROOT)} is missing"]
    built = read_qm(committed)
    wanted = {m.key: m.translation for m in read_ts(ts_path(language)) if not m.state}
    name = committed.relative_to(ROOT)
    return [
        f"{name} lacks or has an older translation of {context}: {source!r}"
        for (context, source), text in wanted.items() if built.get((context, source)) != text
    ] + [
        f"{name} still has {context}: {source!r}"
        for context, source in built if (context, source) not in wanted
    ]


def check(language: str) -> list[str]:
    committed = read_ts(ts_path(language))
    return [
        *stale(committed, texts_in_code(language)),
        *unfinished(committed),
        *placeholder_mismatches(committed),
        *qm_out_of_date(language),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; fail when the translations are out of date")
    args = parser.parse_args(argv)
    failed = False
    for language in (*LANGUAGES, *PLURAL_ONLY):
        if args.check:
            problems = check(language)
            for problem in problems:
                print(f"{language}: {problem}", file=sys.stderr)
            failed = failed or bool(problems)
            continue
        lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        messages = read_ts(ts_path(language))
        todo = unfinished(messages) + placeholder_mismatches(messages)
        for problem in todo:
            print(f"{language}: {problem}", file=sys.stderr)
        ready = sum(1 for m in messages if not m.state and m.translation.strip())
        print(f"{language}: {len(messages)} texts, {ready} translated; "
              f"wrote {qm_path(language).relative_to(ROOT)}")
    if args.check and failed:
        print("Run `python resources/i18n/build.py` and translate what it lists.", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
