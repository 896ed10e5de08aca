"""Reading a PDF back with Qt's own reader (QtPdf): its pages' text, and a page as a picture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, its white space (line breaks included) made single spaces."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        return [" ".join(document.getAllText(page).text().split())
                for page in range(document.pageCount())]
    finally:
        document.close()


def pdf_page_image(path: Path, scale: float = 1.6) -> QImage:
    """Page 1 as a picture, to look at (and for the gallery)."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    size = document.pagePointSize(0)
    image = document.render(0, QSize(round(size.width() * scale), round(size.height() * scale)))
    document.close()
    return image
