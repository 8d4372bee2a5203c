"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one Article per item or entry, streamed.

Parsed with defusedxml's iterparse: DTDs, entity declarations (billion laughs) and external
references are refused, and each item is dropped from the tree once read (constant memory).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from dyad.article import Article
from dyad.ingest.errors import IngestError
from dyad.ingest.streams import READ_ERRORS, open_binary, read_failure
from dyad.ingest.text import MAX_ARTICLE_BYTES, article_from_text

ATOM_NAMESPACE = "{http://www.w3.org/2005/Atom}"
MAX_ITEM_BYTES = MAX_ARTICLE_BYTES * 2
FEED_ROOTS = {"rss", "feed", "RDF"}
ITEM_TAGS = {"item", "entry"}
_CONTAINERS = FEED_ROOTS | {"channel"}  # items and feed metadata are their children
# Most complete first: full content beats a summary.
TEXT_TAGS = ("encoded", "content", "description", "summary")
DATE_TAGS = ("pubDate", "published", "issued", "date", "updated", "modified")
_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
_BLANK_LINES = re.compile(r"\n\s*\n+")


def read_feed(path: Path, default_date: str | None = None) -> Iterator[Article | IngestError]:
    """Stream the items of an RSS/Atom file (``.gz`` too); ``line`` in errors is the item number."""
    origin = str(path)
    try:
        handle = open_binary(path)
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        stack: list[Element] = []
        number = 0
        feed_title: str | None = None
        counted = _CountingReader(handle)
        try:
            for event, element in iterparse(counted, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    if not stack and _local(element.tag) not in FEED_ROOTS:
                        root = _local(element.tag)
                        yield IngestError(origin, f"not an RSS or Atom feed (root <{root}>)")
                        return
                    stack.append(element)
                    continue
                stack.pop()
                name = _local(element.tag)
                if name == "title" and stack and _local(stack[-1].tag) in ("channel", "feed"):
                    feed_title = _plain_text(element) or None  # the source of every item
                elif name in ITEM_TAGS:
                    number += 1
                    counted.since_item = 0
                    yield _item_article(element, origin, number, default_date, feed_title)
                if stack and name != "channel" and _local(stack[-1].tag) in _CONTAINERS:
                    stack[-1].remove(element)  # read and done with: keeps memory constant
        except _ItemTooLarge:
            yield IngestError(origin, f"item {number + 1} too large; stopped reading", number + 1)
        except (ParseError, DefusedXmlException) as exc:
            yield IngestError(origin, f"malformed or unsafe feed after item {number}: {exc}")
        except READ_ERRORS as exc:
            reason = f"{read_failure(exc)}; the {number} item(s) before it were read"
            yield IngestError(origin, reason, number + 1)


class _ItemTooLarge(Exception):
    """More bytes than any one article may take were read without an item ending."""


class _CountingReader:
    """File wrapper for iterparse that bounds how much one item (its parsed tree) may hold."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.since_item = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size if size >= 0 else 1 << 16)
        self.since_item += len(chunk)
        if self.since_item > MAX_ITEM_BYTES:
            raise _ItemTooLarge
        return chunk


def _item_article(
    item: Element, origin: str, number: int, default_date: str | None, source: str | None
) -> Article | IngestError:
    children: dict[str, Element] = {}
    for child in item:
        children.setdefault(_local(child.tag), child)  # first of each name wins
    text = next((_plain_text(children[t]) for t in TEXT_TAGS if t in children), "")
    title = _plain_text(children["title"]) if "title" in children else None
    dated = (children[t].text for t in DATE_TAGS if t in children)
    raw_date = next((value for value in dated if value and value.strip()), None)
    date = _feed_date(raw_date)
    date_source = "article"
    if date is None:
        date, date_source = default_date, "flag"
    if not text.strip() and title:
        text = title  # a headline-only item still says something worth coding
    try:
        return article_from_text(
            text,
            f"{origin}:{number}",
            date=date,
            date_source=date_source,
            title=title or None,
            url=_link(item),
            source=source,
        )
    except IngestError as exc:
        return IngestError(origin, exc.reason, number)


def _local(tag: object) -> str:
    """Tag name without its ``{namespace}``."""
    return str(tag).rpartition("}")[2]


def _plain_text(element: Element) -> str:
    """An element's content as plain text, by its kind: Atom ``type`` text, html or xhtml
    (Atom's default is text; RSS carries HTML by convention)."""
    if len(element):
        return html_to_text(_xhtml_source(element))
    is_atom = str(element.tag).startswith(ATOM_NAMESPACE)
    kind = (element.get("type") or ("text" if is_atom else "html")).lower()
    value = element.text or ""
    if kind in ("text", "text/plain"):
        return html_to_text(html.escape(value, quote=False))
    return html_to_text(value)


def _xhtml_source(element: Element) -> str:
    """Inline XHTML content serialised back to HTML; iterative, so deep nesting cannot exhaust
    the stack."""
    parts = [html.escape(element.text or "", quote=False)]
    stack: list[tuple[Element, bool]] = [(child, False) for child in reversed(element)]
    while stack:
        node, closing = stack.pop()
        name = _local(node.tag)
        if closing:
            parts.append(f"</{name}>{html.escape(node.tail or '', quote=False)}")
            continue
        parts.append(f"<{name}>{html.escape(node.text or '', quote=False)}")
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return "".join(parts)


def _link(item: Element) -> str | None:
    """The item's URL: RSS ``<link>`` text, or the Atom ``<link href>`` that is not self/related."""
    for child in item:
        if _local(child.tag) != "link" or child.get("rel") not in (None, "alternate"):
            continue
        value = child.get("href") or child.text
        if value and value.strip():
            return value.strip()
    return None


def _feed_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) date, as written."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, a newline at block boundaries, no script/style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split("\n")))  # in HTML a newline is just a space


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed descriptions): tags dropped, entities decoded."""
    if len(fragment) > MAX_ARTICLE_BYTES:
        fragment = fragment[: MAX_ARTICLE_BYTES + 1]  # the article check reports it as too large
    if "<" not in fragment:
        text = html.unescape(fragment)
    else:
        collector = _TextCollector()
        collector.feed(fragment)
        collector.close()
        text = "".join(collector.parts)
    lines = (" ".join(line.split()) for line in text.split("\n"))  # split(): much faster than re
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
