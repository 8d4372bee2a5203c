"""Event series: stored events grouped by dyad, place or country and by time window."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.trends.scale import Scale, default_scale

GROUPINGS = ("dyad", "directed", "country", "admin1", "city", "actor")
WINDOWS = ("day", "week", "month")


def window_start(date: str, window: str) -> str:
    """The first day of the window an ISO date falls in (weeks start on Monday)."""
    day = dt.date.fromisoformat(date[:10] if len(date) >= 10 else f"{date[:7]}-01")
    if window == "day":
        return day.isoformat()
    if window == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if window == "month":
        return day.replace(day=1).isoformat()
    raise ValueError(f"window must be one of {', '.join(WINDOWS)}")


def next_window(start: str, window: str) -> str:
    day = dt.date.fromisoformat(start)
    if window == "day":
        return (day + dt.timedelta(days=1)).isoformat()
    if window == "week":
        return (day + dt.timedelta(days=7)).isoformat()
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, 1).isoformat()


def actor_label(part: dict[str, Any] | None) -> str | None:
    """How an actor is named in a dyad: its entity name, else COUNTRY/SECTOR, else None."""
    if not part:
        return None
    actor = part.get("actor") or {}
    if actor.get("name") and actor.get("kind") in {"organisation", "person"}:
        return str(actor["name"])
    code = "/".join(x for x in (actor.get("country"), actor.get("sector")) if x)
    return code or None


def reported(event: dict[str, Any], kind: str) -> int | None:
    """The figure an event reports (``fatalities``, ``injured``, ``size``), or None."""
    figure = event.get(kind)
    if isinstance(figure, dict) and isinstance(figure.get("value"), int):
        return int(figure["value"])
    return None


def series_keys(event: dict[str, Any], by: str) -> list[str]:
    """The series an event belongs to under one grouping (none when it lacks the field)."""
    source, target = actor_label(event.get("source")), actor_label(event.get("target"))
    place = event.get("location") or {}
    if by == "dyad":
        if source and target and source != target:
            return [" <-> ".join(sorted((source, target)))]
        return []
    if by == "directed":
        return [f"{source} -> {target}"] if source and target and source != target else []
    if by == "actor":
        return sorted({label for label in (source, target) if label})
    if by == "country":
        countries = {place.get("country")}
        for part in (event.get("source"), event.get("target")):
            countries.add(((part or {}).get("actor") or {}).get("country"))
        return sorted(c for c in countries if c)
    if by == "admin1":
        if place.get("country") and place.get("admin1"):
            return [f"{place['country']} / {place['admin1']}"]
        return []
    if by == "city":
        name = place.get("within") or (
            place.get("name") if place.get("precision") == "city" else None
        )
        return [f"{place.get('country')} / {name}"] if name else []
    raise ValueError(f"group by one of {', '.join(GROUPINGS)}")


@dataclass
class Window:
    """One window of one series."""

    start: str
    events: list[dict[str, Any]] = field(default_factory=list)
    conflict: int = 0
    cooperation: int = 0
    score_sum: float = 0.0
    fatalities: int = 0  # deaths reported for the window's events

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def mean_score(self) -> float:
        return self.score_sum / self.count if self.count else 0.0


@dataclass
class Series:
    key: str
    windows: dict[str, Window] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(w.count for w in self.windows.values())


def build_series(
    events: Iterable[dict[str, Any]], by: str, window: str, scale: Scale | None = None
) -> dict[str, Series]:
    """Group events (nested event dicts, as the store returns them) into scored series."""
    scale = scale or default_scale()
    if window not in WINDOWS:
        raise ValueError(f"window must be one of {', '.join(WINDOWS)}")
    series: dict[str, Series] = defaultdict(lambda: Series(key=""))
    for event in events:
        date = str(event.get("date") or "")
        # An event dated only to a month cannot be placed in a week: it joins month windows only.
        if (
            not (len(date) >= 10 or (len(date) == 7 and window == "month"))
            or not date[:4].isdigit()
        ):
            continue
        start = window_start(str(date), window)
        score = scale.score(
            event["event_type"],
            event.get("mode"),
            reported(event, "fatalities"),
            reported(event, "size"),
        )
        for key in series_keys(event, by):
            entry = series[key]
            entry.key = key
            slot = entry.windows.setdefault(start, Window(start=start))
            slot.events.append({**event, "score": score})
            slot.score_sum += score
            slot.fatalities += reported(event, "fatalities") or 0
            slot.conflict += score < 0
            slot.cooperation += score > 0
    return dict(series)


def volume_by_window(article_dates: Iterable[tuple[str, int]], window: str) -> dict[str, int]:
    """Articles per window, from (date, count) rows: the news volume series are normalised by."""
    volume: dict[str, int] = defaultdict(int)
    for date, count in article_dates:
        if date and str(date)[:4].isdigit():
            volume[window_start(str(date), window)] += int(count)
    return dict(volume)
