"""Native desktop notifications through plyer: an extra channel, never the only one.

plyer has no click callback, so the clickable reminder is our own window; this only adds a
system notification beside it. A platform without a working backend is logged once, then the
channel stays quiet.
"""

from __future__ import annotations

import logging
import threading
import warnings

log = logging.getLogger(__name__)


class Notifier:
    def __init__(self, app_name: str, enabled: bool) -> None:
        self._app_name = app_name
        self.enabled = enabled
        self._broken = False

    def notify(self, title: str, message: str) -> None:
        if not self.enabled or self._broken:
            return
        # notify-send is a subprocess and D-Bus may be slow: keep both off the GUI thread.
        threading.Thread(target=self._send, args=(title, message), daemon=True).start()

    def _send(self, title: str, message: str) -> None:
        try:
            with warnings.catch_warnings():
                # plyer warns about each backend it cannot use; we log one line instead.
                warnings.simplefilter("ignore")
                from plyer import notification  # noqa: PLC0415  (costly import, rarely needed)

                notification.notify(
                    title=title, message=message, app_name=self._app_name, timeout=30
                )
        except Exception as exc:  # noqa: BLE001  (any backend failure means: channel off)
            if not self._broken:
                self._broken = True
                log.warning(
                    "native notifications are unavailable (%s: %s); "
                    "StressBreak's own reminder window is still shown",
                    type(exc).__name__, exc,
                )
