"""The names of the computers that share a folder, only read: for an export that says which
computer each record came from (`stressbreak export`, which reads beside a running app and
writes nothing, and the app itself while it does not share).

The names are in the shared folder's `StressBreak/computer-<cid>.json` files, each written
by its own computer; a sync tool's conflict copy counts where it is newer (the same rule as
SharedFolder.computers). This computer's own name comes from its settings (or the host
name), under the id kept in the local data folder: the folder may be away just now.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from pathlib import Path

from stressbreak.core.sync import parse_shared_name
from stressbreak.services.shared_folder import SUBFOLDER, read_computer_id


def computer_names(data_dir: Path, folder: Path | None, own_name: str) -> dict[str, str]:
    """Computer id -> name: the ones `folder` (None: no folder shared) tells, and this
    computer's (`own_name`, or the host name where it is empty). Nothing is made or written,
    not even this computer's id."""
    newest: dict[str, tuple[int, str]] = {}
    if folder is not None:
        with contextlib.suppress(OSError), os.scandir(folder / SUBFOLDER) as listing:
            for entry in listing:
                shared = parse_shared_name(entry.name)
                if shared is None or shared.kind != "computer":
                    continue
                found = _name_in(entry)
                if found is not None and (shared.cid not in newest
                                          or found[0] > newest[shared.cid][0]):
                    newest[shared.cid] = found
    names = {cid: name for cid, (_mtime, name) in newest.items()}
    own = read_computer_id(data_dir)
    if own is not None:
        names[own] = own_name.strip() or socket.gethostname()
    return names


def _name_in(entry: os.DirEntry[str]) -> tuple[int, str] | None:
    try:
        mtime_ns = entry.stat().st_mtime_ns
        document = json.loads(Path(entry.path).read_bytes())
    except (OSError, ValueError, RecursionError):
        return None  # still arriving, or not ours to judge: the id stands in for the name
    name = document.get("name") if isinstance(document, dict) else None
    if not isinstance(name, str) or not name.strip():
        return None
    return mtime_ns, name.strip()
