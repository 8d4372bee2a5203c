"""The per-user index cache: read back what was built, rebuilt when a source changes."""

import pickle
from pathlib import Path

import pytest

from dyad.resolve.gazetteer import Gazetteer, load_gazetteer
from dyad.resolve.gazetteer_cache import cache_dir, load_cached


class Builds:
    """A build function that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, int]:
        self.calls += 1
        return {"Aleppo": 170063}


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DYAD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "neighbourhoods.tsv"
    path.write_text("Sheikh Maqsoud\tSYR\n", encoding="utf-8")
    return path


def test_a_second_load_reads_the_cache_instead_of_building(source: Path) -> None:
    build = Builds()
    first = load_cached("index", [source], build, dict)
    second = load_cached("index", [source], build, dict)
    assert (first, second, build.calls) == ({"Aleppo": 170063}, {"Aleppo": 170063}, 1)


def test_an_edited_source_file_is_rebuilt(source: Path) -> None:
    build = Builds()
    load_cached("index", [source], build, dict)
    source.write_text("Sheikh Maqsoud\tSYR\nAshrafieh\tSYR\n", encoding="utf-8")
    load_cached("index", [source], build, dict)
    assert build.calls == 2


def test_a_corrupt_cache_file_is_rebuilt_not_fatal(source: Path) -> None:
    build = Builds()
    load_cached("index", [source], build, dict)
    folder = cache_dir()
    assert folder is not None
    for path in folder.glob("index-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert load_cached("index", [source], build, dict) == {"Aleppo": 170063}
    assert build.calls == 2


def test_an_unwritable_cache_folder_still_builds(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = source.parent / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("DYAD_CACHE_DIR", str(blocker / "cache"))
    assert load_cached("index", [source], Builds(), dict) == {"Aleppo": 170063}


def test_caching_can_be_switched_off(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_CACHE_DIR", "off")
    build = Builds()
    load_cached("index", [source], build, dict)
    load_cached("index", [source], build, dict)
    assert (cache_dir(), build.calls) == (None, 2)


@pytest.mark.slow
def test_the_gazetteer_reads_back_with_the_same_lookups() -> None:
    built = load_gazetteer()
    copy = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(copy, Gazetteer)
    assert len(copy) == len(built)
    for name in ("Aleppo", "Sheikh Maqsoud", "Kharkiv Oblast", "the Sahel", "Syrian"):
        assert copy.lookup(name) == built.lookup(name)
        assert copy.matches(name) == built.matches(name)
    assert copy.country_surfaces == built.country_surfaces
