"""Shared fixtures: where ../shared is, and the sample article coded once per session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SAMPLE_TXT = SHARED / "samples" / "000_3966e904bfca8fb5.txt"
SAMPLE_GOLD = SHARED / "samples" / "000_3966e904bfca8fb5.gold.json"
EXAMPLES = ROOT / "examples"


def require_shared(path: Path) -> Path:
    """Fail loudly (not skip) when ../shared is missing: CI always has it beside the clone."""
    assert path.exists(), f"{path} is missing: ../shared must sit beside the project"
    return path


@pytest.fixture(scope="session")
def sample_gold() -> dict[str, Any]:
    return dict(json.loads(require_shared(SAMPLE_GOLD).read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def sample_article() -> Any:
    from dyad.ingest.text import read_text_file

    return read_text_file(require_shared(SAMPLE_TXT))


@pytest.fixture(scope="session")
def sample_coded(sample_article: Any) -> Any:
    from dyad.pipeline import code_article

    return code_article(sample_article)
