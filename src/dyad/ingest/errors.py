"""Errors raised while reading sources: each names where the bad input is and why."""

from __future__ import annotations


class IngestError(Exception):
    """An input that could not be turned into an Article (the batch goes on without it)."""

    def __init__(self, origin: str, reason: str, line: int | None = None) -> None:
        self.origin = origin
        self.line = line
        self.reason = reason
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {reason}")

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin
