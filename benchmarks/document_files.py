"""PDF and Word files made from generated news text, for the ingest benchmark.

PDFs are set like a printed report: 11-point lines of about 90 characters, 48
lines a page, a running header and a page-number footer (which ingest drops).
A Word file has the same paragraphs under a heading.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

LINE_CHARS = 90
LINES_PER_PAGE = 48


def pdf_lines(text: str) -> list[str]:
    """The text wrapped into printed lines, an empty line between paragraphs."""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        lines.extend(textwrap.wrap(paragraph, LINE_CHARS) or [""])
        lines.append("")
    return lines


def write_pdf(path: Path, title: str, text: str) -> int:
    """Write ``text`` as a PDF report; returns its page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle(title)
    lines = pdf_lines(text)
    pages = [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(56, 800, "Bench Wire \u2014 Regional Situation Reports")
        pdf.drawString(280, 28, f"Page {number} of {len(pages)}")
        y = 770
        pdf.setFont("Helvetica", 10)
        for line in page:
            if line:
                pdf.drawString(56, y, line)
            y -= 14 if line else 8
        pdf.showPage()
    pdf.save()
    return len(pages)


def write_docx(path: Path, title: str, text: str) -> None:
    """Write ``text`` as a Word file: the title as a heading, then the paragraphs."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, 1)
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
