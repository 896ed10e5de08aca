"""The command channel against careless and hostile callers (issue 14, cases 2 and 4), with
real processes: the app started as `python -m stressbreak`, idle callers by the thousand under
the usual file-handle limit, and another local user (made with `useradd` when the tests run as
root) who listens where the command line looks, or knocks on the app's socket."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stressbreak.core.commands import Request
from stressbreak.services.instance import send_command, socket_path
from stressbreak.services.lock import server_name

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="Unix sockets, /proc and runuser")

STARTUP_WAIT_S = 30.0
REPO_ROOT = Path(__file__).resolve().parents[2]
OTHER_USER = "stressbreak-ci"  # the unprivileged user .ci/run also uses
APP_NOFILE = 1024  # the usual soft limit of a desktop session
IDLE_CALLERS = 1100
HELPERS = 3  # each holds a third of the callers, well within its own file-handle limit
RUNUSER = shutil.which("runuser", path="/usr/sbin:/sbin:/usr/bin:/bin")


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def cli(data_dir: Path, *args: str, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stressbreak", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env or _env(), timeout=60, check=False,
    )


# Runs the rest of its command line with a lower soft limit of open files (argv[1]): a
# preexec_fn would do the same, but is unsafe in a process with threads (Qt's).
_WITH_FILE_LIMIT = """
import os, resource, sys
_soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(int(sys.argv[1]), hard), hard))
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


def start_app(data_dir: Path, log: Path, env: dict[str, str],
              nofile: int | None = None) -> subprocess.Popen[bytes]:
    limit = [] if nofile is None else ["-c", _WITH_FILE_LIMIT, str(nofile)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, *limit, "-m", "stressbreak", "--data-dir", str(data_dir)],
            stdout=output, stderr=subprocess.STDOUT, env=env,
        )
    deadline = time.monotonic() + STARTUP_WAIT_S
    while cli(data_dir, "status", env=env).returncode != 0:
        if process.poll() is not None:
            pytest.fail(f"the app ended: {log.read_text(errors='replace')}")
        assert time.monotonic() < deadline, "the app did not answer in time"
        time.sleep(0.2)
    return process


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def journal_outcomes(data_dir: Path) -> list[str]:
    return [record["outcome"] for path in sorted(data_dir.glob("journal-*.json"))
            for record in json.loads(path.read_text())["records"].values()]


# -- Case 2: idle connections -----------------------------------------------------------------

_IDLE_CALLERS = """
import socket, sys, time
path, count = sys.argv[1], int(sys.argv[2])
peers = []
deadline = time.monotonic() + 20
while len(peers) < count and time.monotonic() < deadline:
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    peer.settimeout(1.0)  # an app that takes no one leaves the caller waiting in the queue
    try:
        peer.connect(path)
    except OSError:
        peer.close()
        continue
    peers.append(peer)  # and says nothing
print(len(peers), flush=True)
sys.stdin.read()  # held open until the test closes this pipe
"""


class IdleCallers:
    """`count` connections to the app's socket that send nothing, held by helper processes
    (the test process's own file-handle limit may be the usual 1,024) until `close`."""

    def __init__(self, path: Path, count: int) -> None:
        shares = [count // HELPERS + (i < count % HELPERS) for i in range(HELPERS)]
        self._helpers = [subprocess.Popen(
            [sys.executable, "-c", _IDLE_CALLERS, str(path), str(share)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for share in shares]
        self.connected = 0
        for helper in self._helpers:
            assert helper.stdout is not None
            self.connected += int(helper.stdout.readline() or 0)

    def close(self) -> None:
        for helper in self._helpers:
            assert helper.stdin is not None
            helper.stdin.close()
        for helper in self._helpers:
            helper.wait(timeout=30)

    def kill(self) -> None:
        for helper in self._helpers:
            stop(helper)


def open_handles(process: subprocess.Popen[bytes]) -> int:
    return len(os.listdir(f"/proc/{process.pid}/fd"))  # noqa: PTH208  (a count, no paths)


def test_a_thousand_idle_connections_under_the_usual_file_limit_lose_nothing(
    tmp_path: Path,
) -> None:
    """1,100 idle connections under `ulimit -Sn 1024` while a pause window opens and a
    pause ends: the entry is saved, the window opens, `status` answers at once after the
    callers leave, and the log stays short. Before: `accept` failed with EMFILE in a busy
    loop (a 144 MB log in 5 minutes), `status` said "not running", the pause was lost."""
    data_dir = tmp_path / "data"
    log = tmp_path / "app.log"
    env = _env()
    app = start_app(data_dir, log, env, nofile=APP_NOFILE)
    path = socket_path(server_name(data_dir))
    callers: list[IdleCallers] = []
    try:
        handles_idle = open_handles(app)
        callers.append(IdleCallers(path, IDLE_CALLERS))
        assert callers[-1].connected == IDLE_CALLERS  # the app kept taking callers
        handles_flooded = open_handles(app)
        # A window opens while the callers hold on.
        paused = cli(data_dir, "pause", env=env)
        assert paused.returncode == 0, paused.stderr
        facts = json.loads(cli(data_dir, "status", "--json", env=env).stdout)
        assert facts["pause_running"] is True
        callers.pop().close()

        started = time.monotonic()
        status = cli(data_dir, "status", env=env)  # the command line waits 1 s for an answer
        status_s = time.monotonic() - started
        assert status.returncode == 0, status.stderr
        assert "pause is under way" in status.stdout
        started = time.monotonic()
        reply = send_command(server_name(data_dir), Request("status"), timeout_ms=1000)
        answer_s = time.monotonic() - started
        assert reply is not None and reply.ok

        # The pause ends (quitting records it as ended early) while callers hold on again.
        callers.append(IdleCallers(path, IDLE_CALLERS))
        quit_ = cli(data_dir, "quit", env=env)
        assert quit_.returncode == 0, quit_.stderr
        assert app.wait(timeout=30) == 0
        callers.pop().close()
    finally:
        for held in callers:
            held.kill()
        stop(app)
    assert journal_outcomes(data_dir) == ["ended_early"]  # saved, not lost
    lines = log.read_text(errors="replace").splitlines()
    print(f"\nfile handles: {handles_idle} idle, {handles_flooded} with {IDLE_CALLERS} idle "
          f"callers; `stressbreak status` after they left: {status_s:.2f} s (the answer "
          f"itself {answer_s * 1000:.0f} ms); log: {len(lines)} lines")
    assert len(lines) < 100, "\n".join(lines[:20])


# -- Case 4: another local user -------------------------------------------------------------


@pytest.fixture(scope="module")
def other_user() -> tuple[str, int]:
    """An unprivileged user other than this one, made if need be; only root can run a
    process as them."""
    if os.geteuid() != 0:
        pytest.skip("needs root: the other user's process is started with runuser")
    if RUNUSER is None or not Path("/usr/bin/python3").exists():
        pytest.skip("needs runuser and /usr/bin/python3 for the other user's process")
    found = subprocess.run(["id", "-u", OTHER_USER], capture_output=True, text=True,
                           check=False)
    if found.returncode != 0:
        subprocess.run(["useradd", "--create-home", OTHER_USER], check=True)
        found = subprocess.run(["id", "-u", OTHER_USER], capture_output=True, text=True,
                               check=True)
    return OTHER_USER, int(found.stdout)


# The other user's program: the standard library only, for /usr/bin/python3 (the test's own
# Python may live where that user cannot go). It puts a socket at PATH by binding it beside
# and renaming it over (so it also replaces a socket where the folder allows that), answers
# every caller as the app would, and prints what each caller sent.
_LISTENER = r"""
import os, socket, sys
path = sys.argv[1]
spare = path + ".new"
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(spare)
os.chmod(spare, 0o777)
try:
    os.rename(spare, path)
except OSError as exc:
    os.unlink(spare)
    print("cannot take", path, exc, flush=True)
    sys.exit(0)
listener.listen(16)
print("listening", flush=True)
while True:
    caller, _ = listener.accept()
    caller.settimeout(2)
    try:
        said = caller.recv(65536)
    except OSError:
        said = b""
    print("received", said.decode(errors="replace").strip(), flush=True)
    try:
        caller.sendall(b'{"ok": true, "message": "ok", "data": {"running": true}}\n')
    except OSError:
        pass
    caller.close()
"""

# The other user's caller: connects to PATH, sends each argument as a line on a connection
# of its own, and prints what came back.
_CALLER = r"""
import json, socket, sys
for line in sys.argv[2:]:
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    peer.settimeout(5)
    peer.connect(sys.argv[1])
    answer = b""
    try:  # a server that closes at once may do so before the line is even sent
        peer.sendall(line.encode() + b"\n")
        while chunk := peer.recv(65536):
            answer += chunk
    except OSError:
        pass
    print(json.dumps(answer.decode(errors="replace")), flush=True)
"""


def as_user(user: str, script: str, *args: str) -> subprocess.Popen[str]:
    """`script` run by /usr/bin/python3 as `user`, in a process group of its own."""
    return subprocess.Popen(
        [str(RUNUSER), "-u", user, "--", "/usr/bin/python3", "-c", script, *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}, start_new_session=True)


def listener_output(process: subprocess.Popen[str]) -> str:
    """What the other user's listener printed, once it is ended."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    return process.communicate(timeout=10)[0]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder everyone may write in, without the sticky bit (as a careless session's
    runtime folder may be), where the other user can reach it (not in root's tmp_path)."""
    folder = Path(tempfile.mkdtemp(prefix="sb-open-", dir="/tmp"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def private_runtime() -> Iterator[Path]:
    """A runtime folder as a desktop session has it: the user's, mode 0700."""
    folder = Path(tempfile.mkdtemp(prefix="sb-run-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("runtime", ["unset", "world-writable"])
def test_another_user_listening_at_the_old_predictable_path_hears_nothing(
    tmp_path: Path, other_user: tuple[str, int], shared_folder: Path, runtime: str,
) -> None:
    """Before: without XDG_RUNTIME_DIR the socket was /tmp/stressbreak-<user>-<crc>, and with
    an open one it was there; another user who listened first got `status --json`, `pause` and
    `quit` and answered them, and in an open folder could rename their socket over the app's."""
    user, _uid = other_user
    data_dir = tmp_path / "data"
    env = _env(XDG_RUNTIME_DIR=None if runtime == "unset" else str(shared_folder),
               TMPDIR=None)
    old_path = (Path("/tmp") if runtime == "unset" else shared_folder) / server_name(data_dir)
    if old_path.is_socket():
        old_path.unlink()  # from an earlier run of the old code
    listeners = [as_user(user, _LISTENER, str(old_path))]
    app = None
    try:
        assert listeners[0].stdout is not None
        assert listeners[0].stdout.readline().strip() == "listening"
        asked = cli(data_dir, "status", "--json", env=env)
        assert asked.returncode == 1, asked.stdout  # nobody of ours runs
        assert json.loads(asked.stdout) == {"running": False}

        app = start_app(data_dir, tmp_path / "app.log", env)
        # Once the app runs, the other user tries again: a socket of theirs renamed over the
        # one the old code listened on (the open folder allows that; /tmp's sticky bit not).
        listeners.append(as_user(user, _LISTENER, str(old_path)))
        assert listeners[1].stdout is not None
        listeners[1].stdout.readline()
        facts = json.loads(cli(data_dir, "status", "--json", env=env).stdout)
        assert "next_pause" in facts  # the app's own answer
        assert cli(data_dir, "pause", env=env).returncode == 0
        assert cli(data_dir, "quit", env=env).returncode == 0
        assert app.wait(timeout=30) == 0
    finally:
        heard = "".join(listener_output(listener) for listener in listeners)
        if app is not None:
            stop(app)
        old_path.unlink(missing_ok=True)  # the other user's socket, left in /tmp
    assert "received" not in heard, heard
    assert journal_outcomes(data_dir) == ["ended_early"]  # the pause reached our app


def test_a_caller_of_another_user_is_refused_and_the_user_is_told(
    tmp_path: Path, other_user: tuple[str, int], private_runtime: Path,
) -> None:
    """A socket left reachable to others (its folder and mode opened by some tool): the app
    asks the kernel who called and answers only its own user. Before: the other user's
    `status --json` was answered and their `quit` ended the app."""
    user, uid = other_user
    data_dir = tmp_path / "data"
    env = _env(XDG_RUNTIME_DIR=str(private_runtime))
    app = start_app(data_dir, tmp_path / "app.log", env)
    try:
        path = private_runtime / server_name(data_dir)
        assert path.is_socket()
        private_runtime.chmod(0o711)
        path.chmod(0o777)
        caller = as_user(user, _CALLER, str(path), '{"command": "status", "details": true}',
                         '{"command": "quit"}')
        output = caller.communicate(timeout=30)[0]
        private_runtime.chmod(0o700)  # private again, or our own command line looks elsewhere
        assert [json.loads(line) for line in output.splitlines()] == ["", ""], output
        status = cli(data_dir, "status", env=env)
        assert status.returncode == 0, status.stderr  # still running
        assert f"another user (user id {uid})" in status.stdout  # and told
        assert cli(data_dir, "quit", env=env).returncode == 0
        assert app.wait(timeout=30) == 0
    finally:
        stop(app)


def test_the_command_line_sends_nothing_to_a_server_of_another_user(
    tmp_path: Path, other_user: tuple[str, int], private_runtime: Path,
) -> None:
    """A socket of another user where the command line looks (here put there by root; before,
    an open runtime folder let that user do it): the command line asks the kernel who listens
    and sends nothing. Before: the other user received `status --json` and `quit`."""
    user, uid = other_user
    data_dir = tmp_path / "data"
    env = _env(XDG_RUNTIME_DIR=str(private_runtime))
    theirs = Path(tempfile.mkdtemp(prefix="sb-theirs-", dir="/tmp"))
    os.chown(theirs, uid, -1)
    listener = as_user(user, _LISTENER, str(theirs / "s"))
    try:
        assert listener.stdout is not None
        assert listener.stdout.readline().strip() == "listening"
        (theirs / "s").rename(private_runtime / server_name(data_dir))
        for args in (("status", "--json"), ("quit",)):
            refused = cli(data_dir, *args, env=env)
            assert refused.returncode == 1
            assert refused.stdout == ""
            assert f"belongs to another user (user id {uid})" in refused.stderr
    finally:
        heard = listener_output(listener)
        shutil.rmtree(theirs, ignore_errors=True)
    assert "received {" not in heard, heard  # connected, then left without a word


# The other user's lock: made at PATH and held until the process is ended.
_LOCK_HOLDER = r"""
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("holding", flush=True)
time.sleep(600)
"""


def test_a_lock_another_user_holds_at_the_predictable_path_does_not_stop_the_app(
    tmp_path: Path, other_user: tuple[str, int],
) -> None:
    """Without a private runtime folder the last of the instance locks was
    /tmp/stressbreak-<user>-<crc>.lock, taken whenever it exists: another user who made it
    first and held it kept StressBreak from starting ("another StressBreak holds the data
    folder but does not answer"). Now that lock too is only in the user's private folder."""
    user, _uid = other_user
    data_dir = tmp_path / "data"
    env = _env(XDG_RUNTIME_DIR=None, TMPDIR=None)
    planted = Path("/tmp") / f"{server_name(data_dir)}.lock"
    holder = as_user(user, _LOCK_HOLDER, str(planted))
    app = None
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        app = start_app(data_dir, tmp_path / "app.log", env)
        assert cli(data_dir, "quit", env=env).returncode == 0
        assert app.wait(timeout=30) == 0
    finally:
        listener_output(holder)
        planted.unlink(missing_ok=True)
        if app is not None:
            stop(app)
