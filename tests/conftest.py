"""Test-wide setup: no screen here, so Qt draws offscreen; tests never see the user's data."""

from __future__ import annotations

import os

# Must be set before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep any stray look-up of the user's folders inside a throwaway place.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
