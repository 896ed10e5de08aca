"""PyInstaller runtime hook: give the frozen app its identity before any window exists.

Windows attributes notifications, taskbar entries and the tray icon's settings to an
AppUserModelID. The Start-menu shortcut (packaging/windows/stressbreak.iss) carries the same ID,
so a StressBreak started from it, from the Run key at login, or from a terminal is one app to
Windows, and its notifications say "StressBreak", not "python" or the exe's path.
"""

import sys

APP_USER_MODEL_ID = "org.stressbreak.StressBreak"  # = the .iss AppUserModelID, the bundle id

if sys.platform == "win32":
    import contextlib
    import ctypes

    # Very old Windows lacks the call: notifications then fall back to the exe's name.
    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
