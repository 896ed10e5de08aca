""""Why this works": a short page on the idea behind StressBreak (the text is core.method's).

One read-only text with headings (the method's key ideas in bold), so it scrolls as a whole,
the arrow keys and Page Down move through it, and a screen reader reads it in order. Esc,
Enter or Close shuts it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stressbreak.core.method import CARE_NOTE, CONTEXT, SECTIONS, TITLE
from stressbreak.ui.floating import float_at_width
from stressbreak.ui.style import translated


def _t(text: str) -> str:
    return html.escape(translated(text, CONTEXT))


def page_html() -> str:
    """The page in the user's language, as simple HTML (headings, paragraphs, one list)."""
    parts = [f"<h2>{_t(TITLE)}</h2>"]
    for section in SECTIONS:
        parts.append(f"<h3>{_t(section.heading)}</h3>")
        parts.extend(f"<p>{_t(paragraph)}</p>" for paragraph in section.paragraphs)
        if section.points:
            items = "".join(f"<li>{_t(point)}</li>" for point in section.points)
            parts.append(f"<ul>{items}</ul>")
        parts.extend(f"<p><b>{_t(idea.lead)}</b> {_t(idea.text)}</p>" for idea in section.ideas)
    parts.append(f"<p><small>{_t(CARE_NOTE)}</small></p>")
    return "".join(parts)


class WhyPage(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translated(TITLE, CONTEXT))
        self.text = QTextBrowser()
        self.text.setHtml(page_html())
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(translated(TITLE, CONTEXT))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        # Short lines read easily; the height leaves room on a 1024x768 screen.
        float_at_width(self, 520)
        self.resize(520, 600)
        self.text.setFocus()
