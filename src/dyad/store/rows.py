"""Flat rows for the store and the exports: nested value dicts <-> one column per leaf.

The layout is derived from the models in ``dyad.article`` so that the table columns, the CSV and
Parquet columns and the nested JSON can never drift apart: ``source.actor.country`` is the column
``source_actor_country``. A list of strings (``Event.context``) is one ``|``-joined text column.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from dyad.article import Article, CodedArticle, DateMention, Event, Mention, Place, Quote, stable_id

LIST_SEPARATOR = "|"
_SCALAR_KINDS: dict[type, str] = {str: "text", int: "integer", float: "double", bool: "boolean"}


@dataclass(frozen=True)
class Node:
    """One field of a model: a leaf column (``kind`` set) or a nested model (``children`` set)."""

    key: str
    required: bool
    kind: str | None = None  # text | integer | double | boolean | list
    children: tuple[Node, ...] = ()


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """The annotation without ``None`` and whether ``None`` was allowed."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return args[0], True
    return annotation, False


def _shape(model: type[BaseModel]) -> tuple[Node, ...]:
    nodes = []
    for key, field in model.model_fields.items():
        annotation, optional = _unwrap_optional(field.annotation)
        required = not optional
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            nodes.append(Node(key, required, children=_shape(annotation)))
        elif get_origin(annotation) is list and get_args(annotation) == (str,):
            nodes.append(Node(key, required, kind="list"))
        elif annotation in _SCALAR_KINDS:
            nodes.append(Node(key, required, kind=_SCALAR_KINDS[annotation]))
        else:
            raise TypeError(f"{model.__name__}.{key}: cannot flatten {annotation!r}")
    return tuple(nodes)


@cache
def shape_of(model: type[BaseModel]) -> tuple[Node, ...]:
    """The flattening layout of ``model`` (computed once per process)."""
    return _shape(model)


def columns(model: type[BaseModel]) -> list[tuple[str, str]]:
    """``(column, kind)`` for every leaf of ``model``, in field order."""
    out: list[tuple[str, str]] = []

    def walk(nodes: tuple[Node, ...], prefix: str) -> None:
        for node in nodes:
            if node.children:
                walk(node.children, f"{prefix}{node.key}_")
            else:
                out.append((f"{prefix}{node.key}", node.kind or "text"))

    walk(shape_of(model), "")
    return out


def flatten(value: Mapping[str, Any] | None, model: type[BaseModel]) -> dict[str, Any]:
    """One flat row from a nested dict shaped like ``model.model_dump(mode="json")``."""
    row: dict[str, Any] = {}

    def walk(nodes: tuple[Node, ...], data: Mapping[str, Any] | None, prefix: str) -> None:
        for node in nodes:
            item = data.get(node.key) if data is not None else None
            if node.children:
                walk(node.children, item, f"{prefix}{node.key}_")
            elif node.kind == "list":
                row[prefix + node.key] = _join(item)
            else:
                row[prefix + node.key] = item

    walk(shape_of(model), value, "")
    return row


def unflatten(row: Mapping[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """The nested dict of ``model``'s JSON from a flat row (extra columns are ignored).

    An optional nested value is ``None`` when all its columns are null.
    """

    def walk(nodes: tuple[Node, ...], prefix: str) -> tuple[dict[str, Any], bool]:
        data: dict[str, Any] = {}
        present = False
        for node in nodes:
            if node.children:
                child, child_present = walk(node.children, f"{prefix}{node.key}_")
                data[node.key] = child if child_present or node.required else None
                present = present or child_present
            else:
                item = row.get(prefix + node.key)
                present = present or item is not None
                data[node.key] = _split(item) if node.kind == "list" else item
        return data, present

    return walk(shape_of(model), "")[0]


def _join(items: list[str] | None) -> str | None:
    if not items:
        return None
    for item in items:
        if LIST_SEPARATOR in item:
            raise ValueError(f"list item {item!r} contains {LIST_SEPARATOR!r}")
    return LIST_SEPARATOR.join(items)


def _split(joined: str | None) -> list[str]:
    return joined.split(LIST_SEPARATOR) if joined else []


# Flat column layouts of the values the store keeps, shared by every backend and the exports.
EVENT_COLUMNS: list[tuple[str, str]] = columns(Event)
QUOTE_COLUMNS: list[tuple[str, str]] = columns(Quote)
MENTION_COLUMNS: list[tuple[str, str]] = columns(Mention)
PLACE_COLUMNS: list[tuple[str, str]] = columns(Place)
DATE_COLUMNS: list[tuple[str, str]] = columns(DateMention)

# The tables of the store and their columns in insertion order (the SQL is in schema.sql).
ARTICLE_INFO: tuple[str, ...] = ("date", "date_source", "title", "url", "source", "language")
EVENT_FIELDS: tuple[str, ...] = tuple(c for c, _ in EVENT_COLUMNS)
_ORDINAL = [("ordinal", "integer")]
_OF_ARTICLE = [("article_id", "text"), *_ORDINAL]
TABLE_KINDS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "text"),
        *((k, "text") for k in ARTICLE_INFO),
        ("origin", "text"),
        ("text", "text"),
        ("body_start", "integer"),
        ("coder", "text"),
        ("coded_at", "timestamp"),
        ("status", "text"),
        ("error", "text"),
    ],
    "events": [*EVENT_COLUMNS, *_ORDINAL, ("sentence_text", "text")],
    "quotes": [*QUOTE_COLUMNS, *_ORDINAL],
    "mentions": [*_OF_ARTICLE, *MENTION_COLUMNS],
    "places": [*_OF_ARTICLE, *PLACE_COLUMNS],
    "dates": [*_OF_ARTICLE, *DATE_COLUMNS],
    "errors": [
        ("error_id", "text"),
        *_OF_ARTICLE,
        ("origin", "text"),
        ("reason", "text"),
        ("recorded_at", "timestamp"),
        ("severity", "text"),  # 'error' or 'warning' (schema version 4)
    ],
}
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    t: tuple(c for c, _ in kinds) for t, kinds in TABLE_KINDS.items()
}
_CHILDREN: tuple[tuple[str, type[Mention | Place | DateMention]], ...] = (
    ("mentions", Mention),
    ("places", Place),
    ("dates", DateMention),
)


def article_rows(article: Article, coded: CodedArticle, now: dt.datetime) -> dict[str, list[tuple]]:
    """Every row one coded article adds, per table, in ``TABLE_COLUMNS`` order."""
    info = coded.article
    rows: dict[str, list[tuple]] = {table: [] for table in TABLE_COLUMNS}
    rows["articles"].append(
        (info.id, *(getattr(info, k) for k in ARTICLE_INFO))
        + (article.origin, article.text, article.body_start, coded.coder, now, "ok", None)
    )
    for i, event in enumerate(coded.events):
        flat = flatten(event.model_dump(mode="json"), Event)
        sentence = article.text[event.sentence.start : event.sentence.end]
        rows["events"].append((*(flat[c] for c in EVENT_FIELDS), i, sentence))
    for i, quote in enumerate(coded.quotes):
        flat = flatten(quote.model_dump(mode="json"), Quote)
        rows["quotes"].append((*flat.values(), i))
    for table, model in _CHILDREN:
        for i, value in enumerate(getattr(coded, table)):
            rows[table].append(
                (info.id, i, *flatten(value.model_dump(mode="json"), model).values())
            )
    for i, reason in enumerate(coded.errors):
        error_id = stable_id("coded", info.id, i)
        rows["errors"].append((error_id, info.id, i, article.origin, reason, now, "error"))
    for i, reason in enumerate(coded.warnings):
        error_id = stable_id("coded-warning", info.id, i)
        rows["errors"].append((error_id, info.id, i, article.origin, reason, now, "warning"))
    return rows


def column_list(columns: Iterable[str], alias: str = "") -> str:
    """Quoted column list: identifiers come from code, never from input."""
    return ", ".join(f'{alias}"{c}"' for c in columns)
