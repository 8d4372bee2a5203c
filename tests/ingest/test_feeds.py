"""RSS/Atom feeds: one Article per item, HTML stripped, XML bombs refused, items streamed."""

from __future__ import annotations

import gzip
from pathlib import Path

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.feeds import MAX_ITEM_BYTES, html_to_text, read_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Great Lakes Wire</title><link>https://wire.example/</link>
<item><title>Rebels seize &lt;b&gt;Masisi&lt;/b&gt;</title>
<link>https://wire.example/masisi</link><pubDate>Fri, 14 Mar 2025 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Rebels of the M23 seized Masisi on Friday.&lt;/p&gt;&lt;p&gt;The army
withdrew.&lt;/p&gt;</description></item>
<item><title>Protest in Kinshasa</title><link>https://wire.example/kinshasa</link>
<pubDate>not a date</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[<div>Police fired tear gas at <i>students</i> in Kinshasa.</div>
<script>track()</script>]]></content:encoded></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Caucasus Desk</title>
<entry><title type="html">Arrests &amp;amp; fines in Tbilisi</title>
<link rel="self" href="https://desk.example/self/1"/>
<link rel="alternate" href="https://desk.example/tbilisi"/>
<published>2025-03-15T10:00:00+04:00</published><updated>2025-03-16T08:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Police arrested ten
protesters.</p><p>Fines rose to 5 &lt; 10 lari.</p></div></content></entry>
<entry><title>Plain</title><summary>Troops &lt;entered&gt; the town.</summary></entry>
</feed>"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_rss_items_become_articles_with_title_link_date_and_source(tmp_path: Path) -> None:
    first, second = list(read_feed(_write(tmp_path, "news.rss", RSS)))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Rebels seize Masisi"
    assert first.text == "Rebels of the M23 seized Masisi on Friday.\n\nThe army withdrew."
    assert (first.url, first.source) == ("https://wire.example/masisi", "Great Lakes Wire")
    assert (first.date, first.date_source) == ("2025-03-14", "article")  # as the publisher wrote it
    assert first.origin is not None and first.origin.endswith("news.rss:1")


def test_full_content_is_preferred_to_the_summary_and_scripts_dropped(tmp_path: Path) -> None:
    second = list(read_feed(_write(tmp_path, "news.rss", RSS)))[1]
    assert isinstance(second, Article)
    assert second.text == "Police fired tear gas at students in Kinshasa."


def test_unparseable_item_date_falls_back_to_the_default_date(tmp_path: Path) -> None:
    second = list(read_feed(_write(tmp_path, "news.rss", RSS), default_date="2025-03-20"))[1]
    assert isinstance(second, Article)
    assert (second.date, second.date_source) == ("2025-03-20", "flag")


def test_atom_entries_use_published_alternate_link_and_xhtml_content(tmp_path: Path) -> None:
    entry, plain = list(read_feed(_write(tmp_path, "desk.atom", ATOM)))
    assert isinstance(entry, Article) and isinstance(plain, Article)
    assert entry.title == "Arrests & fines in Tbilisi"
    assert entry.url == "https://desk.example/tbilisi"
    assert entry.date == "2025-03-15"
    assert entry.text == "Police arrested ten protesters.\n\nFines rose to 5 < 10 lari."
    assert plain.text == "Troops <entered> the town."  # Atom's default type is plain text


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<rss><channel><item><title>&lol3;</title></item></channel></rss>"
    )
    [error] = list(read_feed(_write(tmp_path, "bomb.xml", bomb)))
    assert isinstance(error, IngestError) and "DTD" in error.reason


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><description>&x;</description></item></channel></rss>"
    )
    [error] = list(read_feed(_write(tmp_path, "xxe.rss", xxe)))
    assert isinstance(error, IngestError)


def test_xml_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    [error] = list(read_feed(_write(tmp_path, "config.xml", "<config><a/></config>")))
    assert isinstance(error, IngestError) and "not an RSS or Atom feed" in error.reason


def test_truncated_feed_keeps_the_items_before_the_break(tmp_path: Path) -> None:
    cut = RSS[: RSS.index("<item><title>Protest")] + "<item><title>Prot"
    items = list(read_feed(_write(tmp_path, "cut.rss", cut)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError) and "malformed" in items[1].reason


def test_empty_item_is_reported_with_its_number(tmp_path: Path) -> None:
    feed = "<rss><channel><item><title>Kept</title></item><item></item></channel></rss>"
    items = list(read_feed(_write(tmp_path, "f.rss", feed)))
    assert isinstance(items[0], Article) and items[0].text == "Kept"
    assert isinstance(items[1], IngestError) and items[1].line == 2


def test_many_items_are_streamed_from_gzip(tmp_path: Path) -> None:
    item = (
        "<item><title>Clash {n}</title><description>Troops clashed near Goma.</description></item>"
    )
    body = "".join(item.format(n=n) for n in range(3000))
    path = tmp_path / "big.xml.gz"
    path.write_bytes(gzip.compress(f"<rss><channel>{body}</channel></rss>".encode()))
    titles = [a.title for a in read_feed(path) if isinstance(a, Article)]
    assert len(titles) == 3000 and titles[-1] == "Clash 2999"


def test_html_fragment_loses_tags_but_keeps_paragraphs() -> None:
    fragment = "<p>One &amp; two.</p><style>p{}</style><ul><li>Three</li></ul>"
    assert html_to_text(fragment) == "One & two.\n\nThree"


def test_item_over_the_size_cap_stops_the_file_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.rss"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<rss><channel><item><title>Kept</title></item><item><description>")
        handle.write("word " * (MAX_ITEM_BYTES // 5 + 1000))
        handle.write("</description></item></channel></rss>")
    items = list(read_feed(path))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], IngestError) and items[1].line == 2
