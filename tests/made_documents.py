"""Documents the tests make for themselves: PDFs (reportlab), Word and OpenDocument files.

Every line of a made PDF is placed by hand, so a test decides exactly where
lines break, which words are hyphenated and what repeats at the top and bottom
of each page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def make_pdf(
    pages: list[list[str]],
    *,
    title: str = "",
    author: str = "",
    created: str = "",
    header: str = "",
    footer: str = "",
    password: str = "",
) -> bytes:
    """A text PDF with one list of lines per page.

    An empty line leaves a paragraph gap; a line starting ``"# "`` is set large (a
    heading); tabs split a line into table cells, each drawn on its own. ``header`` and ``footer`` repeat on every page, ``{n}`` and ``{total}``
    filled in. ``created`` is ``YYYYMMDDHHMMSS`` for the metadata.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    encrypt = None
    if password:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(password, canPrint=1)
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    if created:
        pdf._doc.info._dateFormatter = lambda *_: f"D:{created}+00'00'"
    height = A4[1]
    for n, lines in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(72, height - 40, header.format(n=n, total=len(pages)))
        y = height - 90
        for line in lines:
            if not line:
                y -= 10
                continue
            if line.startswith("# "):
                pdf.setFont("Helvetica-Bold", 16)
                pdf.drawString(72, y, line[2:])
                y -= 26
                continue
            pdf.setFont("Helvetica", 11)
            for column, cell in enumerate(line.split("\t")):  # tabs: table cells
                pdf.drawString(72 + 150 * column, y, cell)
            y -= 14
        if footer:
            pdf.setFont("Helvetica", 8)
            pdf.drawString(280, 30, footer.format(n=n, total=len(pages)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_scanned_pdf(pages: int = 2) -> bytes:
    """A PDF of pictures only, as a scanner makes: shapes, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(pages):
        for row in range(40):
            pdf.rect(72, 760 - row * 16, 300 + (row * 37) % 150, 9, fill=1, stroke=0)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_docx(blocks: list[tuple[str, str]], *, title: str = "", author: str = "") -> bytes:
    """A Word file from ``(style, text)`` blocks: style ``h1``/``h2`` or ``p``."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = dt.datetime(2024, 12, 19, 9, 30)
    for style, text in blocks:
        if style.startswith("h"):
            document.add_heading(text, int(style[1:]))
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>{body}</office:text></office:body></office:document-content>"""
_ODT_META = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3">
<office:meta><dc:title>{title}</dc:title><meta:initial-creator>{author}</meta:initial-creator>
<meta:creation-date>2024-12-20T10:00:00</meta:creation-date></office:meta></office:document-meta>"""


def make_odt(body_xml: str, *, title: str = "", author: str = "") -> bytes:
    """An OpenDocument text whose ``office:text`` holds ``body_xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", _ODT_CONTENT.format(body=body_xml))
        archive.writestr("meta.xml", _ODT_META.format(title=title, author=author))
    return buffer.getvalue()


def make_two_column_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A one-page newsletter set in two columns (reportlab's layout engine)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=A4, title=title, invariant=1)
    width = (A4[0] - 112 - 20) / 2
    frames = [
        Frame(56, 56, width, A4[1] - 120, id="left"),
        Frame(56 + width + 20, 56, width, A4[1] - 120, id="right"),
    ]
    document.addPageTemplates([PageTemplate(frames=frames)])
    story = [Paragraph(title, styles["Heading1"])]
    for paragraph in paragraphs:
        story += [Paragraph(paragraph, styles["BodyText"]), Spacer(1, 6)]
    document.build(story)
    return buffer.getvalue()
