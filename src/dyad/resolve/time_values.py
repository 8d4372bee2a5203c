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


def relative_step(unit: str, step: int, anchor: Date, rule: str) -> Resolved | None:
    """The ``unit`` (week, month, year, ...) ``step`` units from the one holding ``anchor``."""
    if unit in ("week", "weekend"):
        monday = anchor - (anchor.isoweekday() - 1) * DAY + 7 * step * DAY
        if unit == "weekend":
            y, w, _ = monday.isocalendar()
            sat = monday + 5 * DAY
            return Resolved(
                sat.isoformat(), (sat + DAY).isoformat(), "range", rule, f"{y}-W{w:02d}-WE"
            )
        return Resolved(monday.isoformat(), (monday + 6 * DAY).isoformat(), "week", rule)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return month_value(index // 12, index % 12 + 1, rule)
    if unit == "year":
        year = anchor.year + step
        return Resolved(str(year), f"{year}-12-31", "year", rule)
    if unit == "decade":
        start = anchor.year // 10 * 10 + 10 * step
        return Resolved(str(start), f"{start + 9}-12-31", "decade", rule)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return quarter_value(index // 4, index % 4 + 1, "Q", rule)
    if unit == "century":
        first = anchor.year // 100 * 100 + 100 * step
        return Resolved(str(first), f"{first + 99}-12-31", "range", rule, str(first // 100))
    return None
