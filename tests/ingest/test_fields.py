"""FieldMap: which record fields hold the article, as given on the command line."""

from __future__ import annotations

import pytest

from dyad.ingest.fields import FieldMap


def test_parse_overrides_only_the_named_fields() -> None:
    assert FieldMap.parse("text=body, date=published_at") == FieldMap(
        text="body", date="published_at"
    )


def test_parse_rejects_an_unknown_name() -> None:
    with pytest.raises(ValueError, match="'body' is not one of"):
        FieldMap.parse("body=text")


def test_parse_rejects_an_entry_without_equals() -> None:
    with pytest.raises(ValueError, match="want NAME=FIELD"):
        FieldMap.parse("text")
