"""The value every date rule returns, and the calendar arithmetic the rules share."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

Date = dt.date
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Resolved:
    """A normalised expression. ``timex`` is set when precision alone cannot express the value."""

    value: str | None
    end_value: str | None
    precision: str  # day | week | month | year | decade | range | duration | unknown
    rule: str
    timex: str | None = None


UNKNOWN = Resolved(None, None, "unknown", "unparsed")


def safe_date(year: int, month: int, day: int) -> Date | None:
    """The date, or None where it does not exist (February 30)."""
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def month_value(year: int, month: int, rule: str) -> Resolved:
    """A calendar month, from its first to its last day."""
    last = calendar.monthrange(year, month)[1]
    return Resolved(f"{year}-{month:02d}", f"{year}-{month:02d}-{last}", "month", rule)


def quarter_value(year: int, n: int, part: str, rule: str) -> Resolved:
    """Quarter (``part`` Q) or half (H) ``n`` of ``year``, with its TIMEX3 value (2025-Q3)."""
    months = 3 if part == "Q" else 6
    first = Date(year, (n - 1) * months + 1, 1)
    end_month = n * months
    last = Date(year, end_month, calendar.monthrange(year, end_month)[1])
    return Resolved(first.isoformat(), last.isoformat(), "range", rule, f"{year}-{part}{n}")
