"""The report for a coach (core/report.py) as an A4 PDF, with Qt's own PDF writer.

Simple HTML laid out by QTextDocument, which breaks pages and numbers them: a table of the
weeks, then what came up most, what stood out and what helps, in the interface's language
(dates and numbers in its locale). Needs a QGuiApplication (fonts); the command line makes an
offscreen one.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from stressbreak.core.messages import QT_TRANSLATE_N_NOOP, QT_TRANSLATE_NOOP, Message
from stressbreak.core.report import Note, Report, ReportWeek
from stressbreak.services.i18n import translate_message

CONTEXT = "report"
FONT_POINTS = 10.0  # readable on paper; a four-week report still fits on two pages

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
        # No margins of the writer's own: QTextDocument prints with 2 cm all round.
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(FONT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(report_html(report, made_on))
    document.print_(writer)
    del writer  # ends the PDF, so the buffer holds all of it
    buffer.close()
    return bytes(data.data())


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
    return f"<h2>{escape(_t(template))}</h2>"


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
            '<table border="1" cellspacing="0" cellpadding="4" width="100%" '
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
    parts = [_heading(QT_TRANSLATE_NOOP("report", "What stood out"))]
    for week in report.weeks:
        if week.stands_out:
            heading = (QT_TRANSLATE_NOOP("report", "Week of {day} (so far):") if week.so_far
                       else QT_TRANSLATE_NOOP("report", "Week of {day}:"))
            parts.append("<p>" + escape(_t(heading, day=_short_date(locale, week.monday)))
                         + "</p>")
            parts.append("<ul>" + "".join(f"<li>{escape(translate_message(line))}</li>"
                                          for line in week.stands_out) + "</ul>")
    if len(parts) == 1:
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
            "report", "Nothing stood out clearly in these weeks."))) + "</p>")
    return parts


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
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP(
            "report", "No notes in these weeks."))) + "</p>")
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
    return locale.toString(QDate(day.year, day.month, day.day), "d MMM")


def _long_date(locale: QLocale, day: date) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")
