"""Short commands run through QProcess (services/processes.py), as subprocess would run them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from stressbreak.services.processes import Finished, output_of, run_captured


def test_exit_status_and_both_outputs_come_back_as_text() -> None:
    done = run_captured(["sh", "-c", "printf 'één\\n'; echo oops >&2; exit 3"], 5)
    assert done == Finished(("sh", "-c", "printf 'één\\n'; echo oops >&2; exit 3"), 3,
                            "één\n", "oops\n")


def test_the_given_environment_is_the_whole_environment_and_its_path_finds_the_program(
    tmp_path: Path,
) -> None:
    tool = tmp_path / "mytool"
    tool.write_text('#!/bin/sh\necho "$GREETING"\nenv | sort\n')
    tool.chmod(0o755)
    done = run_captured(["mytool"], 5, {"PATH": f"{tmp_path}:/usr/bin:/bin", "GREETING": "hoi"})
    lines = done.stdout.splitlines()
    assert lines[0] == "hoi"
    assert "HOME=" + os.environ.get("HOME", "") not in lines  # nothing of ours leaks in
    assert done.returncode == 0


def test_a_missing_program_is_an_oserror() -> None:
    with pytest.raises(FileNotFoundError):
        run_captured(["no-such-program-stressbreak"], 5)
    assert output_of(["no-such-program-stressbreak"], 5) is None


def test_a_command_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        run_captured(["sh", "-c", f"echo $$ > {pid_file}; exec sleep 30"], 0.5)
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left running
        os.kill(int(pid_file.read_text()), 0)


def test_output_of_is_the_output_of_a_success_only() -> None:
    assert output_of(["sh", "-c", "echo yes"], 5) == "yes\n"
    assert output_of(["sh", "-c", "echo no; exit 1"], 5) is None


def test_a_crash_is_minus_one() -> None:
    assert run_captured(["sh", "-c", "kill -9 $$"], 5).returncode == -1
