"""What the user chose in the app (values, favourite and hidden exercises, the stress-pattern
profile): one holder, so the pause, the stress meter, the tray and "delete all" share it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from stressbreak.app.ports import PrefsStore, Tray
from stressbreak.core.prefs import Prefs


class Choices(QObject):
    def __init__(self, store: PrefsStore, tray: Tray, tell: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tray = tray
        self._tell = tell
        self.prefs = Prefs()

    def load(self) -> None:
        self.prefs = self._store.load()
        self._tray.set_hidden_exercises(len(self.prefs.hidden))

    def save(self, prefs: Prefs, *, quietly: bool = False) -> bool:
        """Keep the new choices; on a disk error they still hold until StressBreak quits.

        `quietly`: a failure is not told. For what the app keeps for itself (that the welcome
        was shown): losing it costs at most a second welcome, not a worry in the tray beside
        the one about the folder itself."""
        self.prefs = prefs
        self._tray.set_hidden_exercises(len(prefs.hidden))
        try:
            self._store.save(prefs)
        except OSError as exc:
            if quietly:
                return False
            self._tell(self.tr("Your choices could not be saved ({reason}).").format(
                reason=exc.strerror or exc))
            return False
        return True

    def delete_copies(self) -> None:
        """The saved copies go (with "delete all my data"); raises OSError."""
        self._store.delete_copies()
