"""What the MEANTIME scorer sees of dyad's dates, for the TimeML convention tests."""

import datetime as dt

from dyad.eval.dates import timeml_extent
from dyad.extract.dates import find_date_expressions
from dyad.resolve.time import resolve_in_context, to_timex3

ANCHOR = dt.date(2026, 1, 8)  # a Thursday


def timex_values(text: str, anchor: dt.date = ANCHOR) -> list[tuple[str, str]]:
    """(TimeML extent, TIMEX3 value) of every expression, as the MEANTIME scorer sees them."""
    spans = find_date_expressions(text)
    resolved = resolve_in_context(text, spans, anchor)
    return [
        (text[slice(*timeml_extent(text, s, e))], to_timex3(r))
        for (s, e), r in zip(spans, resolved, strict=True)
    ]
