"""The user's data: the weekly overview, and export, import, the report for a coach and
"delete all" from it."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal
from shiboken6 import isValid

from stressbreak.app.choices import Choices
from stressbreak.app.records import Records
from stressbreak.app.windows import WindowSlot, bring_forward
from stressbreak.core.clock import Clock
from stressbreak.core.messages import message_of
from stressbreak.core.model import Record, entries
from stressbreak.core.prefs import Prefs
from stressbreak.core.timeutil import at_local
from stressbreak.services.files import write_atomic
from stressbreak.services.i18n import translate_message
from stressbreak.services.journal import JournalError

if TYPE_CHECKING:
    from stressbreak.app.ports import Journal
    from stressbreak.core.helps import Observation
    from stressbreak.core.over_time import OverTime
    from stressbreak.core.week_view import WeekView
    from stressbreak.ui.data_dialogs import ExportChoice
    from stressbreak.ui.overview import OverviewWindow
    from stressbreak.ui.report_dialog import ReportChoice

log = logging.getLogger(__name__)

# The trend's four weeks span at most two months; going back week by week reads the month
# before them too.
_MONTHS_KEPT_WHILE_OPEN = 3


def build_week_view(records: list[Record], monday: date, tz: tzinfo) -> WeekView:
    """What the overview shows for the week of `monday`, insights in the user's language."""
    from stressbreak.core.week_view import week_view  # noqa: PLC0415  (statistics: when used)

    return week_view(records, monday, tz, translate_message)


class YourData(QObject):
    # What helps me, found in a worker thread: queued to this object's (the GUI) thread.
    _helps_found = Signal(object, int, object)  # window, asked, list[Observation]
    # The journal was deleted by the user (a shared folder then deletes everywhere).
    all_deleted = Signal()
    # Entries were imported into the journal (a shared folder then shares them too).
    imported = Signal()

    def __init__(self, clock: Clock, records: Records, choices: Choices,
                 parent: QObject | None = None, *,
                 computer_names: Callable[[Sequence[Record]], dict[str, str]] | None = None,
                 ) -> None:
        super().__init__(parent)
        self._clock = clock
        # Which computer made each exported record, by name (a shared folder tells them).
        self._computer_names = computer_names
        self._records = records
        self._journal = records.journal
        self._choices = choices
        self._slot: WindowSlot[OverviewWindow] = WindowSlot(self)
        self._months_kept = 0  # month files kept parsed while the overview is open
        self._helps_found.connect(self._on_helps_found)

    @property
    def overview(self) -> OverviewWindow | None:
        return self._slot.window

    def open_overview(self) -> None:
        self._slot.open(self._make_overview, show=self._show)

    def _make_overview(self) -> OverviewWindow:
        from stressbreak.ui.overview import OverviewWindow  # noqa: PLC0415

        window = OverviewWindow(self.load_week, self._today, self._zone(),
                                load_over_time=self.load_over_time, load_helps=self.load_helps)
        window.export_requested.connect(lambda choice: self.export(window, choice))
        window.import_requested.connect(lambda path: self.import_file(window, path))
        window.report_requested.connect(lambda choice: self.write_report(window, choice))
        window.delete_all_requested.connect(lambda: self.delete_all(window))
        window.destroyed.connect(self._on_closed)
        self._months_kept = _MONTHS_KEPT_WHILE_OPEN
        self._journal.keep_parsed_months(self._months_kept)
        return window

    def _show(self, window: OverviewWindow) -> None:
        window.show_week(self._today())
        bring_forward(window)

    def _on_closed(self) -> None:
        self._months_kept = 0
        self._journal.keep_parsed_months(0)  # the memory goes back when the window closes

    def _zone(self) -> tzinfo:
        """The computer's zone now (it may change while the app runs)."""
        zone = self._clock.now().tzinfo
        assert zone is not None  # a Clock gives aware times
        return zone

    def _today(self) -> date:
        return self._clock.now().date()

    def load_week(self, monday: date) -> WeekView:
        """The week of `monday` with its patterns and insights, and the four-week trend, from
        one read of the journal (four weeks are at most two monthly files)."""
        from stressbreak.core.week_view import records_span  # noqa: PLC0415

        zone = self._zone()
        start, end = records_span(monday, zone)
        return build_week_view(self._records.between(start, end), monday, zone)

    def load_over_time(self, months: int) -> OverTime:
        """The last `months` months week by week, from one read of the journal."""
        from stressbreak.core.over_time import over_time, over_time_span  # noqa: PLC0415

        zone, today = self._zone(), self._today()
        start, end = over_time_span(today, months, zone)
        # While the window is open, the months of the widest range asked for stay parsed:
        # switching 3 ↔ 12 months then reads no file again (with three computers' records
        # re-reading thirteen months took twice the switch's goal; PERFORMANCE.md).
        self._months_kept = max(self._months_kept, months + 2)
        self._journal.keep_parsed_months(self._months_kept)
        return over_time(self._records.between(start, end), today, months, zone)

    def load_helps(self, asked: int) -> None:
        """What helps me for the open overview (core/helps.py), in a thread of its own: a
        year of the journal read (a quarter of a second with three computers' records) and
        the numbers worked out (a second or more with clear patterns in ten years) while the
        window goes on. The answer goes to the window that asked."""
        window = self._slot.window
        if window is None:
            return
        threading.Thread(target=self._find_helps,
                         args=(window, asked, self._journal.reader(), self._zone(),
                               self._today()),
                         name="what-helps", daemon=True).start()

    def _find_helps(self, window: OverviewWindow, asked: int, journal: Journal,
                    zone: tzinfo, today: date) -> None:
        """In the worker thread: a read-only journal of its own and core's pure statistics,
        no widget touched."""
        from stressbreak.core.helps import WINDOW_DAYS, day_scores, what_helps  # noqa: PLC0415

        # Today's records too: today's day rating tells of yesterday (`stressbreak summary`
        # reads them as well, and both must say the same).
        start = datetime.combine(today - timedelta(days=WINDOW_DAYS), time(), zone)
        end = datetime.combine(today + timedelta(days=1), time(), zone)
        locale = QLocale()
        try:
            journal.start()
            records = journal.records_between(start, end)
            found = what_helps(records, zone, today, ratings=day_scores(records, zone),
                               number=lambda value: locale.toString(value, "f", 1))
        except JournalError:
            found = []  # the app's own journal says what is wrong with it
        except Exception:
            # Said nowhere but the log: the window then has nothing to say, as with no data.
            log.exception("What helps me could not be worked out")
            found = []
        finally:
            journal.stop()
        with contextlib.suppress(RuntimeError):  # the app has shut down meanwhile
            self._helps_found.emit(window, asked, found)

    def _on_helps_found(self, window: OverviewWindow, asked: int,
                        found: list[Observation]) -> None:
        if window is self._slot.window and isValid(window):  # not closed meanwhile
            window.show_helps([translate_message(item.text) for item in found], asked)

    def export(self, window: OverviewWindow, choice: ExportChoice) -> None:
        from stressbreak import __version__  # noqa: PLC0415
        from stressbreak.core.export import ExportFormat, export_bytes  # noqa: PLC0415

        zone = self._zone()
        start = at_local(choice.first, time(0), zone) if choice.first else None
        end = (at_local(choice.last + timedelta(days=1), time(0), zone)
               if choice.last else None)
        try:
            # Entries only: the count below is of what the file holds (no Deletion).
            records = entries(self._journal.all_records(start, end))
            # The same bytes as `stressbreak export` (CSV with a BOM, for spreadsheets).
            names = self._computer_names(records) if self._computer_names else {}
            write_atomic(choice.path, export_bytes(
                records, ExportFormat(choice.format), exported_at=self._clock.now(),
                app_version=__version__, computers=names))
        except JournalError as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        except OSError as exc:
            window.show_status(self.tr("Nothing was exported: {file} could not be written "
                                       "({reason}).").format(
                file=choice.path, reason=exc.strerror or exc))
            return
        window.show_status(self.tr("Exported %n entries to {file}.", "", len(records)).format(
            file=choice.path))

    def write_report(self, window: OverviewWindow, choice: ReportChoice) -> None:
        """The PDF for a coach (core/report.py, services/report_pdf.py), written privately."""
        from stressbreak.core.report import build_report, report_span  # noqa: PLC0415
        from stressbreak.services.report_pdf import report_pdf  # noqa: PLC0415

        zone, today = self._zone(), self._today()
        start, end = report_span(today, choice.weeks, zone)
        locale = QLocale()
        try:
            # Not Records.between: a journal that cannot be read must not become an empty
            # report that looks true.
            records = self._journal.records_between(start, end)
            report = build_report(records, today, choice.weeks, zone, free_text=choice.free_text,
                                  number=lambda value: locale.toString(value, "f", 1))
            write_atomic(choice.path, report_pdf(report, today))
        except JournalError as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        except OSError as exc:
            window.show_status(self.tr("No report was written: {file} could not be written "
                                       "({reason}).").format(
                file=choice.path, reason=exc.strerror or exc))
            return
        window.show_status(self.tr("The report is in {file}.").format(file=choice.path))

    def import_file(self, window: OverviewWindow, path: Path) -> None:
        _imported, text = self.import_path(path)
        window.show_status(text)

    def import_path(self, path: Path) -> tuple[bool, str]:
        """Merge an export into the journal (nothing is added twice): whether anything could
        be imported, and what happened in the user's words. The overview, if open, shows the
        new entries."""
        from stressbreak.core.export import (  # noqa: PLC0415
            ImportFileError,
            import_report,
            older_than_deletion,
            parse_import,
        )

        try:
            result = parse_import(path.read_text(encoding="utf-8"))
            merged = self._journal.merge(result.records)
            deleted = older_than_deletion(merged.new, self._journal.latest_deletion())
        except (ImportFileError, JournalError) as exc:
            return False, translate_message(message_of(exc))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            return False, self.tr("{file} could not be read ({reason}). Nothing was "
                                  "imported.").format(file=path, reason=reason or exc)
        if merged.added:
            self.imported.emit()
        if self.overview is not None:
            self.overview.refresh()
        return True, " ".join(translate_message(sentence) for sentence in import_report(
            str(path), merged.added, merged.already, result.skipped, deleted=deleted))

    def records_arrived(self, records: list[Record]) -> None:
        """Records came from another computer (or a deletion did): an open overview shows
        them at once."""
        if records and self.overview is not None:
            self.overview.refresh()

    def delete_all(self, window: OverviewWindow) -> None:
        """The journal files and what the user chose in the app; the settings stay."""
        try:
            self._journal.delete_all()
        except JournalError as exc:
            window.show_status(translate_message(message_of(exc)))
            return
        self.all_deleted.emit()
        try:
            self._choices.delete_copies()
        except OSError as exc:
            window.show_status(self.tr("Not everything could be deleted ({reason}).").format(
                reason=exc.strerror or exc))
            return
        deleted = self._choices.save(Prefs())
        window.refresh()
        window.show_status(self.tr("All your data was deleted.") if deleted else self.tr(
            "Your journal was deleted. Your values and choices could not be reset; the "
            "message from the tray says why."))
