"""The report for a coach (core/report.py) as an A4 PDF, with Qt's own PDF writer.

Simple HTML laid out by QTextDocument, which breaks the pages; _print draws them with their
margins and numbers, from the same layout in which no heading was left at a page's foot. A
table of the weeks (its header words wrap whole), a line on the heart figures where a strap
was worn during pauses, then what came up most, what stood out and
what helps, in the interface's language (dates and numbers in its locale). Needs a
QGuiApplication (fonts); the command line makes an offscreen one.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.report import Note, Report, ReportWeek
from stressbreak.core.summary import heart_line
from stressbreak.services.i18n import translate_message

CONTEXT = "report"
MAX_PAGES = 2  # a report to bring along: one or two pages
FONT_POINTS = 9.5  # readable on paper; a four-week report still fits on two pages
MARGIN_CM = 2.0  # round every page, as QTextDocument prints
HEADING_POINTS = 13
KEEP_LINES = 3  # a heading needs this many lines of its text under it on the same page

_NOTE_NAMES = {
    "breathing_note": Message(CONTEXT, QT_TRANSLATE_NOOP("report", "Breathing")),
    "body_note": Message(CONTEXT, QT_TRANSLATE_NOOP("report", "Body")),
    "need_note": Message(CONTEXT, QT_TRANSLATE_NOOP("report", "Need")),
    "next_step": Message(CONTEXT, QT_TRANSLATE_NOOP("report", "Next step")),
}


def _t(template: str, **params: object) -> str:
    return translate_message(Message(CONTEXT, template, **params))


def report_pdf(report: Report, made_on: date) -> bytes:
    """The report as the bytes of a PDF file."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a PDF needs a QGuiApplication for its fonts")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(_t(QT_TRANSLATE_NOOP("report", "StressBreak report")))
    writer.setCreator("StressBreak")
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        # The margins are drawn by _print, round the pages it lays out.
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    document = _laid_out(report, made_on, writer)
    # The user's own words are the one part that grows with a busy life: the oldest notes
    # give way (and are counted as left out) until the report fits the pages it promises.
    while document.pageCount() > MAX_PAGES and report.notes:
        report = replace(report, notes=report.notes[:-1],
                         notes_left_out=report.notes_left_out + 1)
        document = _laid_out(report, made_on, writer)
    _print(document, writer)
    del writer  # ends the PDF, so the buffer holds all of it
    buffer.close()
    return bytes(data.data())


def _laid_out(report: Report, made_on: date, writer: QPdfWriter) -> QTextDocument:
    """The report as a document laid out on the writer's pages."""
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    # Qt's default wraps anywhere once a word is wider than its column: in a table header
    # that splits a long (Dutch) word in two. Words stay whole; the columns are made to fit.
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(report_html(report, made_on))
    _lay_out(document, writer)
    return document


def _lay_out(document: QTextDocument, writer: QPdfWriter) -> None:
    """Pages inside 2 cm margins, headings kept with their text: the layout _print draws
    (QTextDocument.print_ would lay out a copy of its own)."""
    margin = MARGIN_CM / 2.54 * writer.resolution()
    # Whole device units: Qt lays a line out at a rounded position, so with a fractional
    # page height a line can start a hair above a page's end and be cut in two.
    page = QSizeF(math.floor(writer.width() - 2 * margin),
                  math.floor(writer.height() - 2 * margin))
    document.documentLayout().setPaintDevice(writer)
    root = document.rootFrame().frameFormat()
    root.setMargin(0)  # the page's margins are drawn round it
    document.rootFrame().setFrameFormat(root)
    document.setPageSize(page)
    _keep_headings_with_their_text(document)


def _print(document: QTextDocument, writer: QPdfWriter) -> None:
    """The laid-out document's pages with their margins and a page number, as
    QTextDocument.print_ would print them."""
    margin = MARGIN_CM / 2.54 * writer.resolution()
    page = document.pageSize()
    context = QAbstractTextDocumentLayout.PaintContext()
    # Paper is white whatever the desktop's colours: black text, as print_ does.
    palette = QPalette(context.palette)
    palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    context.palette = palette
    painter = QPainter(writer)
    painter.setFont(document.defaultFont())
    painter.setPen(QColor("black"))
    for index in range(document.pageCount()):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(margin, margin - index * page.height())
        # Less a hair: a block that starts right at the next page must not be drawn here
        # too (clipped away, its text would still be in the page for a reader to find).
        context.clip = QRectF(0, index * page.height(), page.width(), page.height() - 0.5)
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()
        number = QRectF(margin, writer.height() - margin, page.width(), margin / 2)
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(index + 1))
    painter.end()


def _keep_headings_with_their_text(document: QTextDocument) -> None:
    """A page break before each heading that would otherwise end a page, alone or with a
    line or two under it (Qt's rich text knows no "keep with next"); the first such
    heading, then the next in the new layout, until none is left."""
    layout = document.documentLayout()
    page_height = document.pageSize().height()
    wanted_below = KEEP_LINES * QFontMetricsF(document.defaultFont(),
                                              layout.paintDevice()).lineSpacing()
    moved: set[int] = set()
    while True:
        block = document.begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.position() not in moved:
                rect = layout.blockBoundingRect(block)
                page = _page_of(rect.top() + block.blockFormat().topMargin(), page_height)
                room = page_height - rect.bottom() % page_height
                # On one page, room enough under it, and what follows does start there: a
                # table's row that does not fit moves whole to the next page.
                if (room < wanted_below or _page_of(rect.bottom() - 1, page_height) != page
                        or _page_of(layout.blockBoundingRect(block.next()).top() + 1,
                                    page_height) != page):
                    break
            block = block.next()
        if not block.isValid():
            return
        moved.add(block.position())
        style = block.blockFormat()
        style.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(style)


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def report_html(report: Report, made_on: date) -> str:
    """The report as the HTML QTextDocument lays out (every text escaped)."""
    locale = QLocale()
    parts = [
        f"<h1>{_t(QT_TRANSLATE_NOOP('report', 'StressBreak report'))}</h1>",
        "<p><b>" + escape(_t(QT_TRANSLATE_NOOP("report", "Your weeks from {first} to {last}"),
                              first=_long_date(locale, report.first_day),
                              last=_long_date(locale, report.last_day))) + "</b></p>",
        "<p>" + escape(_t(QT_TRANSLATE_NOOP(
            "report", "Made by StressBreak on {day}. Counts and observations from your own "
                      "journal: what you noted, not a diagnosis and not a score."),
            day=_long_date(locale, made_on))) + "</p>",
    ]
    if report.is_empty:
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
            "report", "Nothing was noted in these weeks."))) + "</p>")
    parts += _weeks_table(report, locale)
    if report.heart is not None:
        parts.append("<p>" + escape(translate_message(heart_line(
            report.heart, lambda value: _number(locale, value),
            lambda value: locale.toString(value, "f", 2)))) + ".</p>")  # a sentence here
    parts += _came_up(report)
    parts += _stood_out(report, locale)
    parts += _helps(report)
    if report.free_text:
        parts += _own_words(report, locale)
    else:
        parts.append("<p><i>" + escape(_t(QT_TRANSLATE_NOOP(
            "report", "What you wrote in your own words (notes, next steps, what set it "
                      "off) is not included in this report."))) + "</i></p>")
    return "<html><body>" + "\n".join(parts) + "</body></html>"


def _heading(template: str) -> str:
    # Qt's own h2 is large and spaced for a screen; on paper this keeps twelve weeks on two
    # pages and still stands clearly above its text.
    return (f'<h2 style="font-size: {HEADING_POINTS}pt; margin-top: 12px; margin-bottom: 4px;">'
            f"{escape(_t(template))}</h2>")


def _weeks_table(report: Report, locale: QLocale) -> list[str]:
    headers = [
        QT_TRANSLATE_NOOP("report", "Week of"),
        QT_TRANSLATE_NOOP("report", "Pauses taken"),
        QT_TRANSLATE_NOOP("report", "Natural pauses"),
        QT_TRANSLATE_NOOP("report", "Stress meters"),
        QT_TRANSLATE_NOOP("report", "Average tension (0–10)"),
    ]
    if report.rated:
        headers += [QT_TRANSLATE_NOOP("report", "Sleep (1–5)"),
                    QT_TRANSLATE_NOOP("report", "Energy (1–5)"),
                    QT_TRANSLATE_NOOP("report", "Focus (1–5)")]
    rows = ["<tr>" + "".join(f'<th align="left">{escape(_t(h))}</th>' for h in headers)
            + "</tr>"]
    for week in report.weeks:
        cells = [_week_name(locale, week), str(week.pauses_taken),
                 str(week.natural_pauses), str(week.stress_meters),
                 _number(locale, week.tension)]
        if report.rated:
            cells += [_number(locale, v) for v in (week.sleep, week.energy, week.focus)]
        # The week's name on one line: "30 Nov (so far)" broken inside reads as two cells.
        rows.append('<tr><td style="white-space: nowrap;">' + escape(cells[0]) + "</td>"
                    + "".join(f"<td>{escape(c)}</td>" for c in cells[1:]) + "</tr>")
    return [_heading(QT_TRANSLATE_NOOP("report", "Week by week")),
            '<table border="1" cellspacing="0" cellpadding="2" width="100%" '
            'style="border-collapse: collapse; border-color: #9a9a9a;">'
            + "".join(rows) + "</table>",
            "<p>" + escape(_t(QT_TRANSLATE_NOOP(
                "report", "The last week runs up to the day the report was made. "
                          "A dash: nothing noted that week."))) + "</p>"]


def _came_up(report: Report) -> list[str]:
    lines = [
        (QT_TRANSLATE_NOOP("report", "Body signals:"), _counted(report.signals)),
        (QT_TRANSLATE_NOOP("report", "Needs:"), _counted(report.needs)),
    ]
    if report.free_text:
        lines.append((QT_TRANSLATE_NOOP("report", "What set it off:"),
                      _counted(report.triggers)))
    return [_heading(QT_TRANSLATE_NOOP("report", "What came up most in the stress meters"))] + [
        f"<p><b>{escape(_t(label))}</b> {escape(text)}</p>" for label, text in lines]


def _counted(counts: tuple[tuple[Message | str, int], ...] | tuple[tuple[str, int], ...]
             ) -> str:
    if not counts:
        return _t(QT_TRANSLATE_NOOP("report", "none noted"))
    return ", ".join(_t(QT_TRANSLATE_NOOP("report", "{name} ({count})"),
                        name=translate_message(name), count=count) for name, count in counts)


def _stood_out(report: Report, locale: QLocale) -> list[str]:
    # The week's day beside its first line rather than a heading above a list: a heading
    # can be left alone at the foot of a page, and twelve of them would push the report
    # onto a third page. One row a line, because Qt breaks a page inside a row's cell and
    # would leave a week's day without its line; between rows a page breaks cleanly.
    rows: list[str] = []
    for week in report.weeks:
        for index, line in enumerate(week.stands_out):
            day = _week_name(locale, week) if index == 0 else ""
            # A little room above each week's first line, so the weeks read as groups.
            space = " padding-top: 4px;" if index == 0 and rows else ""
            text = escape(translate_message(line))
            rows.append('<tr><td style="padding-right: 8px; white-space: nowrap;'
                        f'{space}">{escape(day)}</td>'
                        # All the room to the lines: the day's column only as wide as a day.
                        f'<td width="100%" style="{space}">{text}</td></tr>')
    if not rows:
        return [_heading(QT_TRANSLATE_NOOP("report", "What stood out")),
                "<p>" + escape(_t(QT_TRANSLATE_NOOP(
                    "report", "Nothing stood out clearly in these weeks."))) + "</p>"]
    return [_heading(QT_TRANSLATE_NOOP("report", "What stood out")),
            '<table cellspacing="0" cellpadding="0" width="100%">' + "".join(rows)
            + "</table>"]


def _helps(report: Report) -> list[str]:
    parts = [_heading(QT_TRANSLATE_NOOP("report", "What helps me"))]
    if report.helps:
        parts.append("<ul>" + "".join(f"<li>{escape(translate_message(found.text))}</li>"
                                      for found in report.helps) + "</ul>")
    else:
        # The same sentence as `stressbreak summary`, and so the same translation.
        nothing_yet = Message("summary", QT_TRANSLATE_NOOP(
            "summary", "Nothing to say yet: a pattern is named once your own days show it "
                       "clearly (at least 10 days on each side)."))
        parts.append(f"<p>{escape(translate_message(nothing_yet))}</p>")
    parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
        "report", "These compare the last year of days in the journal; each states its size "
                  "and how many days stand behind it. They are observations, not causes."))) +
        "</p>")
    return parts


def _own_words(report: Report, locale: QLocale) -> list[str]:
    parts = [_heading(QT_TRANSLATE_NOOP("report", "In your own words"))]
    if not report.notes:
        text = translate_message(Message.counted(CONTEXT, QT_TRANSLATE_N_NOOP(
            "report", "%n notes from these weeks are in your journal."),
            report.notes_left_out)) if report.notes_left_out else _t(QT_TRANSLATE_NOOP(
                "report", "No notes in these weeks."))
        parts.append("<p>" + escape(text) + "</p>")
        return parts
    parts.append("<ul>" + "".join(_note(locale, note) for note in report.notes) + "</ul>")
    if report.notes_left_out:
        parts.append("<p>" + escape(translate_message(Message.counted(
            CONTEXT, QT_TRANSLATE_N_NOOP("report", "%n earlier notes are in your journal."),
            report.notes_left_out))) + "</p>")
    return parts


def _note(locale: QLocale, note: Note) -> str:
    when = locale.toString(QDate(note.at.year, note.at.month, note.at.day), "ddd d MMM")
    when += f" {note.at:%H:%M}"
    return (f"<li>{escape(when)} · <b>{escape(translate_message(_NOTE_NAMES[note.field]))}"
            f":</b> {escape(note.text)}</li>")


def _week_name(locale: QLocale, week: ReportWeek) -> str:
    """The week's Monday; the week the report was made in says it holds only the days so far,
    or its counts would read as a drop."""
    day = _short_date(locale, week.monday)
    return _t(QT_TRANSLATE_NOOP("report", "{day} (so far)"), day=day) if week.so_far else day


def _number(locale: QLocale, value: float | None) -> str:
    return "–" if value is None else locale.toString(value, "f", 1)


def _short_date(locale: QLocale, day: date) -> str:
    # A no-break space: a narrow column wraps between words, and "15 Sep" is one.
    return locale.toString(QDate(day.year, day.month, day.day), "d MMM").replace(" ", "\u00a0")


def _long_date(locale: QLocale, day: date) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
