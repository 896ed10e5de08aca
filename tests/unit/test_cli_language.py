"""The command line speaks the app's language: its help, its headings ("usage:", "options")
and its own refusals, in Dutch when the app shows Dutch (the `language` setting, else the
desktop's languages) and in English otherwise. argparse's own sentences ("invalid choice",
"unrecognized arguments") stay English.

The language tests run `stressbreak` as a real process with the real .qm; they are quick (no
app starts), so they live with the unit tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stressbreak.cli import build_parser
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
    "Een rustige hulp voor micropauzes, vanuit het systeemvak.",
    "\nopties:\n",
    "  -h, --help      toon deze hulp en stop",
    "\nopdrachten:\n",
    "    pause         begin nu een micropauze",
    "    quiet         MINUTEN minuten geen herinneringen",
)
ENGLISH_HELP = (
    "usage: stressbreak [-h] [--version] [--data-dir FOLDER] COMMAND ...",
    "A calm micro-pause assistant in the system tray.",
    "\noptions:\n",
    "  -h, --help         show this help and exit",
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
    _says_all(quiet.stdout, ("\nargumenten:\n",
                             "  MINUTEN         van 1 tot en met 1440 (een dag)"))


# StressBreak's own refusals are Dutch; argparse's sentences stay English in a Dutch frame.
@pytest.mark.parametrize(("args", "refusal"), [
    (["frob"], "stressbreak: fout: argument OPDRACHT: invalid choice: 'frob' (choose from "
               "'run', 'pause',"),
    (["export"], "stressbreak export: fout: the following arguments are required: --format"),
    (["export", "--f", "csv"],
     "stressbreak export: fout: ambiguous option: --f could match --format, --from"),
    (["quiet", "soon"],
     "stressbreak quiet: fout: argument MINUTEN: 'soon' is geen heel aantal minuten"),
    (["quiet", "0"], "stressbreak quiet: fout: argument MINUTEN: 0 ligt niet tussen 1 en 1440"),
    (["status", "--json=yes"],
     "stressbreak status: fout: argument --json: ignored explicit argument 'yes'"),
    (["status", "now"], "stressbreak: fout: unrecognized arguments: now"),
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
    assert "fout: unrecognized arguments: --bogus" in done.stderr


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
    if command.takes_file:
        argv.append("week.json")
    args = build_parser().parse_args(argv)
    assert args.command == name
    assert getattr(args, "minutes", None) == (30 if command.takes_minutes else None)
    assert getattr(args, "file", None) == (Path("week.json") if command.takes_file else None)
    if command.takes_file:
        with pytest.raises(SystemExit):
            build_parser().parse_args([name])  # the file is not optional
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


# -- the frame around argparse's sentences -----------------------------------------------------


def _shout(text: str) -> str:
    return f"<{text}>"


def test_the_headings_and_the_help_option_are_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    text = build_parser(_shout).format_help()
    assert text.startswith("<usage: >stressbreak [-h] [--version] [--data-dir <FOLDER>] "
                           "<COMMAND> ...\n")
    _says_all(text, ("\n<options>:\n", "  -h, --help ", " <show this help and exit>\n",
                     " <show the version number and exit>\n", "\n<commands>:\n",
                     " <start a breathing pause now>\n"))
    # argparse's own headings are left empty, so it leaves them out.
    assert "\noptions:" not in text and "positional arguments" not in text


def test_a_command_s_help_has_our_headings(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    with pytest.raises(SystemExit):
        build_parser(_shout).parse_args(["quiet", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("<usage: >stressbreak quiet [-h] [--data-dir <FOLDER>] <MINUTES>\n")
    _says_all(text, ("\n<options>:\n", "\n<arguments>:\n", " <from 1 to 1440 (a day)>\n"))
    assert "\noptions:" not in text and "positional arguments" not in text


def test_a_refusal_is_framed_in_our_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as refused:
        build_parser(_shout).parse_args(["quiet", "0"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("<usage: >stressbreak quiet ")
    # "{prog}: error: {message}" is translated as a whole, then filled in; "argument" is
    # argparse's.
    assert err.endswith(
        "\n<stressbreak quiet: error: argument <MINUTES>: <0 is not from 1 to 1440>>\n")


def test_the_command_lines_week_limits_are_cores():
    from stressbreak import cli
    from stressbreak.core import report, summary

    assert (cli.SUMMARY_MAX_WEEKS, cli.REPORT_MAX_WEEKS) == (summary.MAX_WEEKS, report.MAX_WEEKS)
    for name, most in (("summary", summary.MAX_WEEKS), ("report", report.MAX_WEEKS)):
        extra = ["-o", "x.pdf"] if name == "report" else []
        assert build_parser().parse_args([name, "--weeks", str(most), *extra]).weeks == most
        with pytest.raises(SystemExit):
            build_parser().parse_args([name, "--weeks", str(most + 1), *extra])


def test_the_help_says_the_exit_statuses_and_how_long_an_import_is_waited_for(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from stressbreak import cli

    monkeypatch.setenv("COLUMNS", "200")
    assert (cli.EXIT_DONE, cli.EXIT_NOT_RUNNING, cli.EXIT_NOT_DONE) == (0, 1, 2)
    _says_all(" ".join(build_parser().format_help().split()), (
        "Exit status: 0 when it is done; 1 when no StressBreak of yours is running to ask "
        "(status, quiet, resume, quit); 2 when it could not be done,",))
    with pytest.raises(SystemExit):
        build_parser().parse_args(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    minutes = COMMANDS["import"].answer_within_s // 60
    assert minutes >= 2  # a merge of 10 years takes seconds; the help says whole minutes
    _says_all(text, (f"waits for its answer, at most {minutes} minutes",
                     "the exit status is 0 when the file is in your journal",
                     "and 2 when nothing or not all of it could be imported"))
