"""The data and settings folders at process level (issue 14, cases 3 and 5), with the real app:

- a read-only data folder, a HOME the app cannot write, or an `instance.lock` that is no file
  do not stop it: it starts, says in `status` why nothing can be saved, keeps reminding, stays
  one instance, and saves the next pause once the folder can be written again;
- under umask 000 every folder it creates is 0700 and every file 0600, so another user cannot
  put a settings file of their own in its place.

How these tests get their conditions, for real:
- *A folder that refuses writes* (tests/folders.py): as root a read-only bind mount of the
  folder (or of HOME) over itself, since root ignores permission bits but not a read-only
  mount (EROFS); as anyone else `chmod 0500` (EACCES), which cannot refuse the app its own
  data folder (it makes it 0700 again, as it should), so that test needs root.
- *Another user*: `nobody`, through `runuser`. It only runs `mv`, so it needs no Python of its
  own. Needs root (runuser): skipped otherwise.
- The app itself runs as the user running the tests (in CI root). The umask is the process's
  own, whatever its uid, and a read-only mount refuses root too, so root changes nothing here.
  (Running the app as `nobody` would need a Python and PySide6 that user can run: the venv's
  interpreter lies under /root here.)
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.folders import IS_ROOT, unwritable

STARTUP_WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="file modes, mounts and Unix sockets as on Linux")


class Session:
    """A user's session for the app: its HOME, its own runtime folder and the environment
    both the app and the command line get. The XDG folders are left to their defaults, so
    the app finds its folders under HOME as on a fresh desktop."""

    def __init__(self, home: Path, runtime: Path, data_dir: Path | None = None) -> None:
        self.home = home
        self.runtime = runtime
        self.data_dir = data_dir
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("XDG_") and k not in ("LANGUAGE", "LANG")}
        env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), QT_QPA_PLATFORM="offscreen",
                   LC_ALL="C.UTF-8", PYTHONPATH=os.pathsep.join(
                       filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])))
        self.env = env
        self.app: subprocess.Popen[str] | None = None

    def _command(self, args: Sequence[str]) -> list[str]:
        folder = [] if self.data_dir is None else ["--data-dir", str(self.data_dir)]
        return [sys.executable, "-m", "stressbreak", *folder, *args]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self._command(args), capture_output=True, text=True,
                              env=self.env, timeout=60, check=False)

    def start(self, umask: int = -1) -> None:
        self.app = subprocess.Popen(self._command([]), stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, env=self.env,
                                    umask=umask)
        deadline = time.monotonic() + STARTUP_WAIT_S
        while self.cli("status").returncode != 0:
            if self.app.poll() is not None:
                pytest.fail(f"the app ended ({self.app.returncode}): {self.app.communicate()[0]}")
            assert time.monotonic() < deadline, "the app did not answer in time"
            time.sleep(0.2)

    def facts(self) -> dict[str, Any]:
        status = self.cli("status", "--json")
        assert status.returncode == 0, status.stderr
        facts: dict[str, Any] = json.loads(status.stdout)
        return facts

    def pause_then_quit(self) -> None:
        """A pause, ended early by quitting: one journal entry, written as the app ends."""
        assert self.app is not None
        assert self.cli("pause").returncode == 0
        deadline = time.monotonic() + 10
        while not self.facts()["pause_running"]:
            assert time.monotonic() < deadline, "the pause did not start"
            time.sleep(0.1)
        self.quit()

    def quit(self) -> str:
        """What the app wrote to its stdout and stderr."""
        assert self.app is not None
        assert self.cli("quit").returncode == 0
        output = self.app.communicate(timeout=20)[0]
        assert self.app.returncode == 0, output
        return output

    def kill(self) -> None:
        if self.app is not None and self.app.poll() is None:
            self.app.kill()
            self.app.wait()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    home = tmp_path / "home"
    home.mkdir()
    user = Session(home, runtime)
    try:
        yield user
    finally:
        user.kill()


def journal_records(folder: Path) -> list[dict[str, Any]]:
    return [record for month in sorted(folder.glob("journal-*.json"))
            for record in json.loads(month.read_text())["records"].values()]


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# -- case 3: a folder the app cannot write -------------------------------------------------------


def test_a_read_only_data_folder_is_told_the_app_reminds_and_saves_again_once_writable(
    session: Session, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    session.data_dir = data
    session.start()
    session.pause_then_quit()  # something saved before the folder turns read-only
    before = contents(data)
    assert len(journal_records(data)) == 1

    with unwritable(data, own=True) as refusing:
        session.start()  # was: exit 2, "chmod(...) = EROFS" on stderr
        facts = session.facts()
        assert facts["next_pause"] is not None  # reminding
        problems = "\n".join(facts["problems"])
        assert "cannot write to its journal folder" in problems and str(data) in problems
        assert refusing.reason in problems
        assert problems in session.cli("status").stdout  # the words `status` prints
        second = session.cli()  # still one StressBreak: the second hands over
        assert second.returncode == 0 and "already running" in second.stdout
        assert contents(data) == before

        refusing.undo()
        session.pause_then_quit()  # the next pause is saved, without a restart

    assert [r["outcome"] for r in journal_records(data)] == ["ended_early", "ended_early"]
    after = contents(data)
    assert {name: after[name] for name in before if not name.startswith("journal-")} == {
        name: data for name, data in before.items() if not name.startswith("journal-")}
    assert {mode(p) for p in data.iterdir()} == {0o600} and mode(data) == 0o700


def test_a_home_the_app_cannot_write_is_told_and_the_journal_begins_once_it_can(
    session: Session,
) -> None:
    home = session.home
    with unwritable(home) as refusing:
        session.start()  # no data folder, and none can be made; was: exit 2
        facts = session.facts()
        assert facts["next_pause"] is not None
        problems = "\n".join(facts["problems"])
        data = home / ".local" / "share" / "stressbreak"
        assert str(data) in problems and refusing.reason in problems
        second = session.cli()  # one StressBreak, though its folder does not exist
        assert second.returncode == 0 and "already running" in second.stdout

        refusing.undo()
        session.pause_then_quit()

    assert [r["outcome"] for r in journal_records(data)] == ["ended_early"]
    for folder in (home / ".local", home / ".local" / "share", data):
        assert mode(folder) == 0o700, folder


def test_an_instance_lock_that_is_a_folder_is_told_and_the_app_runs_as_one(
    session: Session, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    (data / "instance.lock").mkdir(parents=True)
    session.data_dir = data
    session.start()  # was: a traceback (IsADirectoryError) and exit 1
    problems = "\n".join(session.facts()["problems"])
    assert str(data / "instance.lock") in problems
    second = session.cli()
    assert second.returncode == 0 and "already running" in second.stdout
    output = session.quit()
    assert "Traceback" not in output
    assert (data / "instance.lock").is_dir()  # not ours to remove


# -- case 5: an open umask ------------------------------------------------------------------------


def test_under_umask_000_every_folder_the_app_makes_is_0700_and_every_file_0600(
    session: Session,
) -> None:
    home = session.home
    session.start(umask=0)
    session.pause_then_quit()
    config = home / ".config" / "stressbreak"
    data = home / ".local" / "share" / "stressbreak"
    made = [home / ".config", config, home / ".local", home / ".local" / "share", data]
    assert {str(folder): mode(folder) for folder in made} == {
        str(folder): 0o700 for folder in made}
    files = [p for folder in (config, data) for p in folder.iterdir()]
    assert {"settings.json", "instance.lock"} <= {p.name for p in files}
    assert any(p.name.startswith("journal-") for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_under_umask_000_another_user_cannot_put_their_settings_in_place(
    tmp_path: Path,
) -> None:
    if not IS_ROOT or shutil.which("runuser") is None:
        pytest.skip("acting as another user needs root and runuser")
    try:
        other = subprocess.run(["id", "-u", "nobody"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except subprocess.CalledProcessError:
        pytest.skip("needs the user nobody as the other user")
    assert other != "0"
    # A home as Debian makes it (0755), under the world's /tmp, so others may look in it:
    # pytest's own tmp_path is 0700 all the way and would keep them out whatever we do.
    home = Path(tempfile.mkdtemp(prefix="stressbreak-home-"))
    try:
        home.chmod(0o755)
        runtime = tmp_path / "run"
        runtime.mkdir(mode=0o700)
        user = Session(home, runtime)
        try:
            user.start(umask=0)
            user.quit()
        finally:
            user.kill()
        config = home / ".config" / "stressbreak"
        settings = config / "settings.json"
        mine = settings.read_bytes()
        # What the issue saw: another user's file in its place, Dutch and Saturdays only.
        theirs = json.dumps({"language": "nl", "work_days": ["sat"]})
        attack = (f"printf '%s' '{theirs}' > '{config}/.theirs' && "
                  f"mv -f '{config}/.theirs' '{settings}'")
        done = subprocess.run(["runuser", "-u", "nobody", "--", "/bin/sh", "-c", attack],
                              capture_output=True, text=True, check=False)
        assert done.returncode != 0, "another user replaced the settings file"
        assert "Permission denied" in done.stderr
        assert settings.read_bytes() == mine
    finally:
        shutil.rmtree(home, ignore_errors=True)
