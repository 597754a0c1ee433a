"""Text repair and metadata: mojibake, YAML and TOML front matter, page metadata in HTML files."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdesk.store.ingest import front_matter
from claimdesk.store.ingest.front_matter import split_front_matter
from claimdesk.store.ingest.text_repair import looks_like_mojibake, repair_mojibake


@pytest.mark.parametrize(
    ("damaged", "whole"),
    [
        ("CafÃ© MÃ¼ller said 40 people died.", "Café Müller said 40 people died."),
        ("The ministryâ€™s figure: â€œ37 deadâ€\x9d.", "The ministry’s figure: “37 dead”."),
        ("Зеленський сказав".encode().decode("latin-1"), "Зеленський сказав"),
        ("Зеленський сказав, що загинули 12 людей.".encode().decode("cp1251"), None),
    ],
    ids=["latin", "quotes", "cyrillic-as-latin1", "cyrillic-as-cp1251"],
)
def test_double_decoded_text_is_repaired(damaged, whole):
    whole = whole or "Зеленський сказав, що загинули 12 людей."
    assert repair_mojibake(damaged) == whole


@pytest.mark.parametrize(
    "clean",
    [
        "São Paulo: “quoted” — 5 € at 20 °C, naïve Ångström",
        "Січень: Сі Цзіньпін відвідав Київ.",
        "ÀÉÎÕÜ are capitals; Ã is a Portuguese letter (NÃO).",
    ],
)
def test_clean_text_is_left_alone(clean):
    assert repair_mojibake(clean) == clean


def test_clean_ascii_text_is_not_even_looked_at():
    assert not looks_like_mojibake("Officials said 40 people died. " * 100)


def test_a_double_encoded_page_is_stored_repaired(store, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>CafÃ© MÃ¼ller was closed after 40 people fell ill.</p>".encode())
    doc = store.document(store.add_file(path).doc_id)
    assert doc.text == "Café Müller was closed after 40 people fell ill."


def test_a_folded_yaml_title_is_the_title(store):
    raw = (
        b"---\ntitle: >\n  Seoul raises its estimate\n  of North Korean losses\n"
        b"source: Northern Ledger\npublished: 2024-12-19\nauthor: [Kim, Lee]\n---\n\n"
        b"At least 100 soldiers were killed."
    )
    result = store.add_bytes(raw, name="a.md")
    doc = store.document(result.doc_id)
    assert (doc.title, doc.source, doc.published) == (
        "Seoul raises its estimate of North Korean losses",
        "Northern Ledger",
        "2024-12-19",
    )
    assert store.origin(doc.id).author == "Kim, Lee"
    assert doc.text == "At least 100 soldiers were killed."


def test_toml_front_matter_is_read_and_not_stored(store):
    raw = b'+++\ntitle = "Floods in the north"\ndate = 2024-12-19\n[extra]\nx = 1\n+++\nOfficials said 40 died.'
    doc = store.document(store.add_bytes(raw, name="a.md").doc_id)
    assert (doc.title, doc.published, doc.text) == (
        "Floods in the north",
        "2024-12-19",
        "Officials said 40 died.",
    )


def test_front_matter_keeps_the_known_fields_and_returns_extras():
    meta, body = split_front_matter(
        "---\ntitle: 'Floods: 40 dead'\nlink: https://example.invalid/a\nlang: uk\n"
        "tags:\n  - floods\n  - dams\nnested:\n  a: 1\n---\nText."
    )
    assert meta == {
        "title": "Floods: 40 dead",
        "url": "https://example.invalid/a",
        "lang": "uk",
        "tags": "floods, dams",
    }
    assert body == "Text."


def test_hand_written_front_matter_that_is_not_quite_yaml_is_still_read():
    meta, body = split_front_matter("---\ntitle: Floods: 40 dead\nsource: Daily\n---\nText.")
    assert meta == {"title": "Floods: 40 dead", "source": "Daily"}
    assert body == "Text."


def test_a_saved_page_takes_its_metadata_from_json_ld_and_opengraph(store, tmp_path):
    paragraphs = "".join(
        f"<p>Officials said {n} people were evacuated from district {n} on Tuesday.</p>"
        for n in range(1, 10)
    )
    page = f"""<!doctype html><html><head><title>Floods | Northern Ledger</title>
    <meta property="og:site_name" content="Northern Ledger">
    <script type="application/ld+json">{{"@context": "https://schema.org",
      "@type": "NewsArticle", "headline": "River floods force evacuations",
      "datePublished": "2024-12-19T08:00:00+02:00",
      "author": {{"@type": "Person", "name": "Ana Petrova"}},
      "publisher": {{"@type": "Organization", "name": "Northern Ledger"}}}}</script>
    </head><body><article><h1>River floods force evacuations</h1>{paragraphs}
    <p>The report was updated on 2023-01-05.</p></article></body></html>"""
    path = tmp_path / "saved.html"
    path.write_text(page, encoding="utf-8")
    doc = store.document(store.add_file(path).doc_id)
    assert (doc.title, doc.source, doc.published) == (
        "River floods force evacuations",
        "Northern Ledger",
        "2024-12-19",
    )
    assert store.origin(doc.id).author == "Ana Petrova"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["title", "source", "date", "url", "x-y"]),
            st.text(alphabet="abc XYZ:019-_.,/'\"#", min_size=1, max_size=20),
        ),
        min_size=1,
        max_size=4,
    )
)
@settings(max_examples=300)
def test_plain_front_matter_reads_as_yaml_reads_it(pairs):
    """The shortcut for plain ``key: words`` lines gives what the YAML parser gives."""
    block = "".join(f"{key}: {value}\n" for key, value in pairs)
    try:
        parsed = yaml.load(block, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        parsed = None
    meta, body = split_front_matter(f"---\n{block}---\nText.")
    if isinstance(parsed, dict):
        assert meta == front_matter._metadata(parsed)
        assert body == "Text."
