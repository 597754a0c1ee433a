"""Feeds served from 127.0.0.1: follow, update (only new entries), what is new, conflicts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimdesk.tui.cli import cli


def _article(title: str, body: str, date: str) -> str:
    return f"""<!doctype html><html><head><title>{title} | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="{date}"></head>
<body><nav>Home | Region</nav><article><h1>{title}</h1><p>{body}</p></article>
<footer>Valley Courier 2024</footer></body></html>"""


ARTICLES = {
    "/news/governor.html": _article(
        "Governor gives death toll",
        "The regional governor said on Tuesday that 37 people died when the dam failed in "
        "Vilnohirsk. Rescue teams evacuated 4,200 people from the river districts.",
        "2024-12-17T09:00:00+00:00",
    ),
    "/news/hospital.html": _article(
        "Hospital count is higher",
        "The hospital in Vilnohirsk said on Wednesday that 112 people died when the dam failed "
        "in Vilnohirsk. The mayor asked the ministry for 200 more tents.",
        "2024-12-18T09:00:00+00:00",
    ),
    "/news/bridges.html": _article(
        "Bridges destroyed",
        "Engineers said 15 bridges were destroyed across the valley by the flood water.",
        "2024-12-19T09:00:00+00:00",
    ),
}


def _rss(web, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Entry {path}</title><link>{web.url(path)}</link>"
        f"<guid>{path}</guid><pubDate>Tue, 17 Dec 2024 09:00:00 GMT</pubDate></item>"
        for path in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Valley Courier</title><link>{web.url('/')}</link>{items}</channel></rss>"
    )


def _serve_site(web, paths):
    for path, page in ARTICLES.items():
        web.serve(path, page)
    web.serve("/rss.xml", _rss(web, paths), "application/rss+xml")


def test_follow_update_twice_then_find_a_conflict(store, web):
    _serve_site(web, ["/news/governor.html", "/news/hospital.html"])
    feed, entries = store.follow(web.url("/rss.xml"))
    assert (feed.title, entries) == ("Valley Courier", 2)
    assert store.summary().documents == 0  # following fetches no articles yet

    seen = []
    (first,) = store.update_feeds(progress=lambda done, total, r: seen.append((done, total)))
    assert (first.added, first.seen, first.failed) == (2, 0, 0)
    assert seen == [(1, 2), (2, 2)]
    assert sorted(d.title for d in store.new_since_last_update()) == [
        "Governor gives death toll",
        "Hospital count is higher",
    ]

    web.serve("/rss.xml", _rss(web, [*ARTICLES]), "application/rss+xml")  # one entry more
    (second,) = store.update_feeds()
    assert (second.added, second.seen) == (1, 2)
    assert [d.title for d in store.new_since_last_update()] == ["Bridges destroyed"]
    assert web.fetched("/news/governor.html") == 1  # stored entries are never fetched again
    assert store.summary().documents == 3

    docs = {d.title: d for d in store.documents()}
    hospital = docs["Hospital count is higher"]
    assert (hospital.source, hospital.published) == ("Valley Courier", "2024-12-18")
    assert hospital.url == web.url("/news/hospital.html")
    assert store.origin(hospital.id).feed == "Valley Courier"

    conflicts = store.conflicts()
    pair = {conflicts[0].claim.doc_id, conflicts[0].other.claim.doc_id}
    assert pair == {docs["Governor gives death toll"].id, hospital.id}
    assert '"37" vs "112"' in conflicts[0].other.why


def test_a_failed_article_is_tried_again_on_the_next_update(store, web):
    _serve_site(web, ["/news/governor.html", "/news/hospital.html"])
    del web.routes["/news/hospital.html"]
    web.serve("/news/hospital.html", "busy", "text/plain", status=503)
    store.follow(web.url("/rss.xml"))
    (first,) = store.update_feeds()
    assert (first.added, first.failed) == (1, 1)
    failed = [r for r in first.results if r.refused][0]
    assert failed.reason == "HTTP 503 Service Unavailable"
    web.serve("/news/hospital.html", ARTICLES["/news/hospital.html"])
    (second,) = store.update_feeds()
    assert (second.added, second.failed) == (1, 0)


def test_a_page_that_is_no_document_is_remembered_and_not_fetched_again(store, web):
    _serve_site(web, ["/news/governor.html", "/video/1"])
    web.serve("/video/1", b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png")
    store.follow(web.url("/rss.xml"))
    store.update_feeds()
    (again,) = store.update_feeds()
    assert (again.added, again.failed, again.seen) == (0, 0, 2)
    assert web.fetched("/video/1") == 1


def test_entries_without_a_link_are_stored_from_their_own_text(store, web):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry bulletins</title>
<link href="{web.url("/")}"/><id>urn:bulletins</id><updated>2024-12-19T10:00:00Z</updated>
<entry><title>Bulletin 12</title><id>urn:bulletin:12</id><updated>2024-12-19T10:00:00Z</updated>
<author><name>Press office</name></author>
<content type="html">&lt;p&gt;The ministry said 4,200 people were evacuated.&lt;/p&gt;</content></entry>
</feed>"""
    web.serve("/atom", atom, "application/atom+xml")
    store.follow(web.url("/atom"))
    (update,) = store.update_feeds()
    assert update.added == 1
    doc = store.document(store.documents()[0].id)
    assert doc.text == "The ministry said 4,200 people were evacuated."
    assert (doc.title, doc.source, doc.published) == (
        "Bulletin 12",
        "Ministry bulletins",
        "2024-12-19T10:00:00+00:00",
    )
    assert store.origin(doc.id).author == "Press office"


def test_following_a_page_finds_the_feed_it_names(store, web):
    _serve_site(web, [])
    web.serve(
        "/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>'
        "<body><p>Valley Courier home</p></body></html>",
    )
    feed, _ = store.follow(web.url("/"))
    assert feed.url == web.url("/rss.xml")


def test_an_unchanged_feed_is_not_downloaded_again(store, web):
    _serve_site(web, ["/news/governor.html"])
    web.routes["/rss.xml"].headers["ETag"] = '"v1"'
    store.follow(web.url("/rss.xml"))
    store.update_feeds()
    (again,) = store.update_feeds()
    assert again.added == 0 and store.feeds()[0].status == "not modified"
    assert web.requests[-1][1].get("If-None-Match") == '"v1"'


def test_cli_follow_update_and_new_documents(tmp_path, web):
    _serve_site(web, ["/news/governor.html", "/news/hospital.html"])
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    followed = runner.invoke(cli, ["--db", db, "follow", web.url("/rss.xml"), web.url("/nope")])
    assert followed.exit_code == 1
    assert "following 1: Valley Courier (2 entries now)" in followed.output
    assert f"could not follow {web.url('/nope')}: HTTP 404 Not Found" in followed.output
    updated = runner.invoke(cli, ["--db", db, "update"])
    assert updated.exit_code == 0, updated.output
    assert "Valley Courier: 2 new, 0 seen before" in updated.output
    new = runner.invoke(cli, ["--db", db, "docs", "--new", "--json"])
    assert new.output.count('"id"') == 2
    conflicts = runner.invoke(cli, ["--db", db, "conflicts", "--since", "1h"])
    assert "112" in conflicts.output
    feeds = runner.invoke(cli, ["--db", db, "feeds", "--json"])
    assert '"documents": 2' in feeds.output


def test_a_feed_that_fails_is_one_line_and_the_others_go_on(store, web):
    _serve_site(web, ["/news/governor.html"])
    web.serve("/other.xml", _rss(web, ["/news/hospital.html"]), "application/rss+xml")
    store.follow(web.url("/rss.xml"))
    store.follow(web.url("/other.xml"))
    web.serve("/rss.xml", "down for maintenance", "text/plain", status=500)
    broken, working = store.update_feeds()
    assert broken.problem == "HTTP 500 Internal Server Error" and broken.added == 0
    assert working.added == 1 and not working.problem
    assert store.feeds()[0].status == "failed: HTTP 500 Internal Server Error"


def test_an_interrupted_update_stores_no_entry_without_its_document(store, web, monkeypatch):
    from claimdesk.store.database import documents

    _serve_site(web, ["/news/governor.html", "/news/hospital.html"])
    store.follow(web.url("/rss.xml"))
    real_insert = documents.insert_claim_rows

    def interrupted(db, claims):
        real_insert(db, claims)
        raise KeyboardInterrupt

    monkeypatch.setattr(documents, "insert_claim_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.update_feeds()
    counts = [
        store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "feed_entries")
    ]
    assert counts == [0, 0]
    assert store.last_update() is None  # the interrupted update never finished
    monkeypatch.setattr(documents, "insert_claim_rows", real_insert)
    (update,) = store.update_feeds()
    assert update.added == 2
