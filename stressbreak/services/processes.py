"""Running a short command and reading what it prints (pactl, gsettings, ioreg, defaults).

Through Qt's QProcess rather than Python's subprocess module: QtCore is loaded anyway, while
`subprocess` (with `locale`, which it imports) is about 1 MB of resident memory that the tray
app would keep for the whole day for a handful of 10-ms commands. Only from the thread that
runs Qt's loop or from plain Python code before it; the sound cues, which play from worker
threads, keep using subprocess (imported when a sound first plays).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Finished:
    """A command that ran to its end: its exit status and what it printed (as text)."""

    args: tuple[str, ...]
    returncode: int  # -1 when it crashed (a signal), as nothing else can be said
    stdout: str
    stderr: str


def run_captured(
    command: Sequence[str], timeout_s: float, environ: Mapping[str, str] | None = None
) -> Finished:
    """Run `command` (with `environ` as its whole environment, if given) and wait for it.

    Raises FileNotFoundError when the program cannot be started, and TimeoutError (after
    killing it) when it runs longer than `timeout_s`: both are OSErrors.
    """
    if not command:
        raise ValueError("no command to run")
    # Imported when a command first runs, so that importing the modules that may run one
    # stays free of Qt (their tests, and the command line, rely on that).
    from PySide6.QtCore import QProcess, QProcessEnvironment  # noqa: PLC0415

    process = QProcess()
    program = command[0]
    if environ is not None:
        # Found on the PATH of the environment it runs in, as subprocess does (QProcess
        # would search this process's own PATH).
        if os.sep not in program:
            program = shutil.which(program, path=environ.get("PATH", os.defpath)) or program
        environment = QProcessEnvironment()
        for key, value in environ.items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
    wait_ms = max(1, round(timeout_s * 1000))
    process.start(program, list(command[1:]))
    if not process.waitForStarted(wait_ms):
        reason = process.errorString()
        process.kill()
        raise FileNotFoundError(f"{command[0]}: {reason}")
    if not process.waitForFinished(wait_ms):
        process.kill()
        process.waitForFinished(1000)
        raise TimeoutError(f"{command[0]} did not finish within {timeout_s:g} s")
    crashed = process.exitStatus() == QProcess.ExitStatus.CrashExit
    return Finished(
        args=tuple(command),
        returncode=-1 if crashed else process.exitCode(),
        stdout=bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace"),
        stderr=bytes(process.readAllStandardError().data()).decode("utf-8", "replace"),
    )


def output_of(command: Sequence[str], timeout_s: float) -> str | None:
    """What `command` printed, when it ran and succeeded; None otherwise."""
    try:
        done = run_captured(command, timeout_s)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
