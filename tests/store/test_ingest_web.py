"""Adding by URL, served from 127.0.0.1: metadata, redirects, content types, size caps, errors."""

from __future__ import annotations

from click.testing import CliRunner

from claimdesk.tui.cli import cli
from tests.local_web import closed_port, silent_port
from tests.made_documents import make_pdf

ARTICLE = """<!doctype html><html><head><title>Dam failure | Northern Ledger</title>
<meta property="og:title" content="Dam failure: 37 dead, governor says">
<meta property="og:site_name" content="Northern Ledger">
<meta name="author" content="Ana Petrova">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Dam failure: 37 dead, governor says", "datePublished": "2024-12-19T08:00:00+02:00",
 "author": {"@type": "Person", "name": "Ana Petrova"},
 "publisher": {"@type": "Organization", "name": "Northern Ledger"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam failure: 37 dead, governor says</h1>
<p>The regional governor said on Tuesday that at least 37 people died when the dam failed.</p>
<p>Rescue teams evacuated 4,200 people from the river districts, the ministry said.</p>
<p>The hospital in Vilnohirsk said 112 people were being treated for injuries.</p>
</article><footer>(c) Northern Ledger</footer></body></html>"""


def test_a_page_by_url_takes_its_metadata_and_records_url_and_fetch_time(store, web):
    web.serve("/2024/12/dam.html", ARTICLE)
    web.redirect("/short/dam", "/2024/12/dam.html")
    (result,) = store.add_paths([web.url("/short/dam")])
    assert result.added, result.reason
    doc = store.document(result.doc_id)
    assert (doc.title, doc.source, doc.published) == (
        "Dam failure: 37 dead, governor says",
        "Northern Ledger",
        "2024-12-19",
    )
    assert doc.url == web.url("/2024/12/dam.html")  # where the redirect led
    origin = store.origin(doc.id)
    assert origin.author == "Ana Petrova" and origin.kind == "html"
    assert origin.fetched[:2] == "20" and "T" in origin.fetched
    assert "Home" not in doc.text and "(c)" not in doc.text
    assert "at least 37 people died" in doc.text
    assert web.requests[0][1]["User-Agent"].startswith("claimdesk/")


def test_pdf_and_plain_text_by_url_are_sniffed(store, web):
    web.serve(
        "/files/report", make_pdf([["Officials said 40 people died."]]), "application/octet-stream"
    )
    web.serve("/notes.txt", "Officials said 12 people were missing.", "text/plain; charset=utf-8")
    pdf, text = store.add_paths([web.url("/files/report"), web.url("/notes.txt")])
    assert store.origin(pdf.doc_id).kind == "pdf" and store.marks(pdf.doc_id)
    assert store.document(text.doc_id).text == "Officials said 12 people were missing."
    assert store.document(text.doc_id).source == "127.0.0.1"  # no metadata: the host


def test_a_declared_charset_is_used(store, web):
    web.serve(
        "/ua",
        "<p>Мер сказав, що загинули 12 людей.</p>".encode("cp1251"),
        "text/html; charset=windows-1251",
    )
    (result,) = store.add_paths([web.url("/ua")])
    assert store.document(result.doc_id).text == "Мер сказав, що загинули 12 людей."


def test_network_errors_are_one_line_each_and_the_batch_goes_on(store, web, tmp_path):
    web.serve("/ok", ARTICLE)
    web.serve("/big", b"<p>" + b"x" * 5000 + b"</p>")
    web.serve("/photo", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
    web.serve(
        "/feed",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title></channel></rss>',
        "application/rss+xml",
    )
    silent = silent_port()
    try:
        results = store.add_paths(
            [
                web.url("/missing"),
                f"http://127.0.0.1:{closed_port()}/x",
                f"http://127.0.0.1:{silent.getsockname()[1]}/slow",
                web.url("/photo"),
                web.url("/feed"),
                web.url("/ok"),
            ],
            timeout=0.5,
        )
        big = store.add_paths([web.url("/big")], max_bytes=1000)[0]
    finally:
        silent.close()
    reasons = [r.reason for r in results]
    assert reasons[0] == "HTTP 404 Not Found"
    assert reasons[1].startswith("could not connect")
    assert reasons[2] == "timed out after 0.5 s"
    assert reasons[3] == "a PNG image, not a document"
    assert reasons[4] == "an RSS or Atom feed: follow it with `claimdesk follow URL`"
    assert results[5].added
    assert big.refused and big.reason == "too large: 5,007 bytes (limit 1,000 bytes)"
    assert all("\n" not in r for r in reasons)


def test_the_cli_adds_urls_without_mangling_them(tmp_path, web):
    web.serve("/story", ARTICLE)
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    added = runner.invoke(cli, ["--db", db, "add", web.url("/story"), web.url("/gone")])
    assert added.exit_code == 1
    assert f"refused {web.url('/gone')}: HTTP 404 Not Found" in added.output
    assert "added 1 document" in added.output
    docs = runner.invoke(cli, ["--db", db, "docs", "--json"])
    assert web.url("/story") in docs.output
