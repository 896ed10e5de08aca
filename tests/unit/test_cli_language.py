"""The command line speaks the app's language: its help, argparse's own words ("usage:",
"options", "invalid choice") and its refusals, in Dutch when the app shows Dutch (the
`language` setting, else the desktop's languages) and in English otherwise.

The language tests run `stressbreak` as a real process with the real .qm; they are quick (no
app starts), so they live with the unit tests.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stressbreak.cli import ARGPARSE_WORDS, CliWords, _argparse_speaks, build_parser
from stressbreak.core.commands import COMMANDS, ON_COMMAND_LINE


def _env(desktop_language: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    # C.UTF-8 exists everywhere; LANGUAGE is what Qt reads first for the desktop's languages.
    env.update(LANGUAGE=desktop_language, LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen",
               COLUMNS="200")  # one line per text: the checks need not know where it wraps
    return env


def stressbreak(data_dir: Path, *args: str, desktop: str = "en",
                data_dir_first: bool = True) -> subprocess.CompletedProcess[str]:
    where = ["--data-dir", str(data_dir)]
    argv = [*where, *args] if data_dir_first else [*args, *where]
    return subprocess.run([sys.executable, "-m", "stressbreak", *argv], capture_output=True,
                          text=True, encoding="utf-8", env=_env(desktop), timeout=60,
                          check=False)


def settings(tmp_path: Path, language: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "settings.json").write_text(json.dumps({"language": language}))
    return tmp_path


DUTCH_HELP = (
    "gebruik: stressbreak [-h] [--version] [--data-dir MAP] OPDRACHT ...",
    "Een rustige hulp voor korte pauzes, vanuit het systeemvak.",
    "\nopties:\n",
    "  -h, --help      toon deze hulp en stop",
    "\nopdrachten:\n",
    "    pause         neem nu een ademhalingspauze",
    "    quiet         MINUTEN minuten geen herinneringen",
)
ENGLISH_HELP = (
    "usage: stressbreak [-h] [--version] [--data-dir FOLDER] COMMAND ...",
    "A calm micro-pause assistant in the system tray.",
    "\noptions:\n",
    "  -h, --help         show this help message and exit",
    "\ncommands:\n",
    "    pause            start a breathing pause now",
)


def _says_all(text: str, parts: tuple[str, ...]) -> None:
    missing = [part for part in parts if part not in text]
    assert not missing, f"{missing} not in:\n{text}"


def test_help_in_dutch_when_the_setting_says_dutch(tmp_path: Path) -> None:
    done = stressbreak(settings(tmp_path, "nl"), "--help", desktop="en")
    assert done.returncode == 0, done.stderr
    _says_all(done.stdout, DUTCH_HELP)
    for english in ("usage:", "options:", "show this help", "breathing"):
        assert english not in done.stdout


def test_help_in_dutch_on_a_dutch_desktop(tmp_path: Path) -> None:
    done = stressbreak(tmp_path, "-h", desktop="nl")  # no settings file: follow the desktop
    assert done.returncode == 0, done.stderr
    _says_all(done.stdout, DUTCH_HELP)


@pytest.mark.parametrize(("setting", "desktop"), [("en", "nl"), ("system", "en")])
def test_help_in_english_otherwise(tmp_path: Path, setting: str, desktop: str) -> None:
    done = stressbreak(settings(tmp_path, setting), "--help", desktop=desktop)
    assert done.returncode == 0, done.stderr
    _says_all(done.stdout, ENGLISH_HELP)
    assert "gebruik" not in done.stdout


def test_a_command_help_in_dutch(tmp_path: Path) -> None:
    done = stressbreak(settings(tmp_path, "nl"), "export", "--help")
    assert done.returncode == 0, done.stderr
    _says_all(done.stdout, (
        "gebruik: stressbreak export [-h] [--data-dir MAP] --format {csv,json}",
        "[--from JJJJ-MM-DD] [--to JJJJ-MM-DD] [-o BESTAND]",
        "schrijf het dagboek (of een deel ervan) als CSV of JSON",
        "-o BESTAND, --output BESTAND",
        "schrijf naar BESTAND in plaats van naar de standaarduitvoer",
        "Alleen JSON kun je later weer importeren.",
    ))
    quiet = stressbreak(tmp_path, "quiet", "-h")
    _says_all(quiet.stdout, ("\npositionele argumenten:\n",
                             "  MINUTEN         van 1 tot en met 1440 (een dag)"))


@pytest.mark.parametrize(("args", "refusal"), [
    (["frob"], "stressbreak: fout: argument OPDRACHT: ongeldige keuze: 'frob' (kies uit "
               "'run', 'pause',"),
    (["export"], "stressbreak export: fout: deze argumenten ontbreken nog: --format"),
    (["export", "--f", "csv"],
     "stressbreak export: fout: optie --f is niet eenduidig: het kan --format, --from zijn"),
    (["quiet", "soon"],
     "stressbreak quiet: fout: argument MINUTEN: 'soon' is geen heel aantal minuten"),
    (["quiet", "0"], "stressbreak quiet: fout: argument MINUTEN: 0 ligt niet tussen 1 en 1440"),
    (["status", "--json=yes"],
     "stressbreak status: fout: argument --json: verwacht geen waarde, maar kreeg 'yes'"),
    (["status", "now"], "stressbreak: fout: onbekende argumenten: now"),
])
def test_wrong_arguments_are_refused_in_dutch(
        tmp_path: Path, args: list[str], refusal: str) -> None:
    done = stressbreak(settings(tmp_path, "nl"), *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("gebruik: stressbreak")
    assert refusal in done.stderr, done.stderr


def test_wrong_arguments_are_refused_in_english_otherwise(tmp_path: Path) -> None:
    done = stressbreak(settings(tmp_path, "en"), "quiet", "soon", desktop="nl")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: stressbreak quiet [-h] [--data-dir FOLDER] MINUTES")
    assert ("stressbreak quiet: error: argument MINUTES: 'soon' is not a whole number of "
            "minutes") in done.stderr


def test_a_data_folder_given_after_the_command_picks_the_language_too(tmp_path: Path) -> None:
    done = stressbreak(settings(tmp_path, "nl"), "export", "--format", "csv", "--bogus",
                       desktop="en",
                       data_dir_first=False)
    assert done.returncode == 2
    assert "fout: onbekende argumenten: --bogus" in done.stderr


def test_help_and_refusals_leave_the_data_folder_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "not-yet"
    stressbreak(data_dir, "--help", desktop="nl")
    stressbreak(data_dir, "frob", desktop="nl")
    assert not data_dir.exists()


# -- the commands are the registry's ------------------------------------------------------------


def test_the_command_line_offers_the_registry_s_commands_with_their_help(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # argparse's width: one line per help text
    text = build_parser().format_help()
    for name in ON_COMMAND_LINE:
        assert f"    {name}" in text and COMMANDS[name].help in text, name
    assert "show" not in ON_COMMAND_LINE and "\n    show" not in text


@pytest.mark.parametrize("name", ON_COMMAND_LINE)
def test_a_command_takes_what_its_entry_says(name: str) -> None:
    command = COMMANDS[name]
    argv = [name, "30"] if command.takes_minutes else [name]
    args = build_parser().parse_args(argv)
    assert args.command == name
    assert getattr(args, "minutes", None) == (30 if command.takes_minutes else None)
    if command.json_option:
        assert build_parser().parse_args([*argv, "--json"]).json is True
    else:
        with pytest.raises(SystemExit):
            build_parser().parse_args([*argv, "--json"])


# -- what it costs: nothing, unless there is something to say --------------------------------


def test_a_command_line_that_parses_loads_no_qt() -> None:
    # The tray's start-up and `export` parse first; Qt (for the language) only comes when
    # argparse has something to print.
    code = textwrap.dedent("""
        import json, sys
        from stressbreak.cli import parse_arguments
        commands = [parse_arguments(argv).command for argv in (
            [], ["--data-dir", "/nonexistent", "status", "--json"],
            ["export", "--format", "csv", "--from", "2026-01-01"], ["quiet", "45"])]
        print(json.dumps({"commands": commands, "qt": "PySide6" in sys.modules}))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"commands": ["run", "status", "export", "quiet"],
                                       "qt": False}


# -- argparse's words ---------------------------------------------------------------------------

# argparse's texts that only someone who builds a parser wrongly sees (as an exception while the
# parser is made), or that a kind of argument we do not use can never reach the screen with.
PROGRAMMER_ERRORS = {
    ".__call__() not defined",
    "'required' is an invalid argument for positionals",
    "cannot merge actions - two groups are named %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
    "%r is not callable",
    "cannot have multiple subparser arguments",
    "unexpected option string: %s",  # after a check that its prefix is right
    'argument "-" with mode %r',
}


def _argparse_texts() -> set[str]:
    """Every literal text that the running Python's argparse hands to `_` or `ngettext`."""
    assert argparse.__file__ is not None
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    return {arg.value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("_", "ngettext")
            for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}


def test_every_word_argparse_can_show_is_marked_for_translation() -> None:
    texts = _argparse_texts()
    assert "usage: " in texts and "show this help message and exit" in texts
    unmarked = texts - set(ARGPARSE_WORDS) - PROGRAMMER_ERRORS
    assert not unmarked, (
        f"this Python's argparse has new words {sorted(unmarked)}: add them to ARGPARSE_WORDS "
        "in stressbreak/cli.py, then run resources/i18n/build.py and translate them")


def test_argparse_speaks_the_words_only_inside_the_block() -> None:
    def shout(context: str, text: str) -> str:
        return f"<{context}:{text}>"

    words = CliWords(shout)
    with _argparse_speaks(words):
        parser = build_parser(words)
        text = parser.format_help()
    # argparse's own words, fetched by argparse itself while the block runs ...
    assert text.startswith("<argparse:usage: >stressbreak")
    assert "<argparse:options>" in text and "<argparse:show this help message and exit>" in text
    # ... and ours, from the same words.
    assert "<cli:start a breathing pause now>" in text
    # Afterwards argparse is itself again: a new parser is plain English.
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    assert build_parser().format_help().startswith("usage: stressbreak")


def test_the_two_english_plural_forms_are_two_entries() -> None:
    words = CliWords(lambda context, text: f"[{text}]")
    assert words.ngettext("expected %s argument", "expected %s arguments", 1) == (
        "[expected %s argument]")
    assert words.ngettext("expected %s argument", "expected %s arguments", 3) == (
        "[expected %s arguments]")
    assert CliWords().gettext("usage: ") == "usage: "
