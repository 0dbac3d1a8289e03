"""Previewing PDF bytes with QtPdf and printing them through QPrinter (page images at printer DPI)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget


def load_pdf(data: bytes, parent: QWidget | None) -> tuple[QPdfDocument, QBuffer]:
    doc = QPdfDocument(parent)
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    return doc, buffer  # the buffer must outlive the document


class PdfPreview(QDialog):
    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.doc, self._buffer = load_pdf(data, self)
        view = QPdfView(self)
        view.setDocument(self.doc)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        QVBoxLayout(self).addWidget(view)
        self.resize(900, 700)


def render_page(doc: QPdfDocument, page: int, width: int) -> QImage:
    """A page as an image on white (QPdfDocument renders onto transparency)."""
    size = doc.pagePointSize(page)
    height = int(width * size.height() / max(size.width(), 1))
    image = doc.render(page, QSize(width, height))
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(0xFFFFFF)
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def print_pdf(data: bytes, parent: QWidget | None) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return
    doc, _buffer = load_pdf(data, parent)
    painter = QPainter(printer)
    rect = painter.viewport()
    for page in range(doc.pageCount()):
        if page:
            printer.newPage()
        image = render_page(doc, page, rect.width())
        painter.drawImage(rect.topLeft(), image.scaledToWidth(rect.width()))
    painter.end()
