"""The consoles the ``dyad`` commands print to, and how a command fails with a message."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console

console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print a machine-readable report.")]


def fail(message: str) -> None:
    """Print ``message`` as an error and exit with status 2."""
    errors.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)
