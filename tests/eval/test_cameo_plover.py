"""The CAMEO2PLOVER table reader and the CAMEO class helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.eval.cameo_plover import (
    CameoMapping,
    CameoTableError,
    cameo_for_plover,
    cameo_root,
    load_cameo_plover,
    pentaclass_for_cameo,
    pentaclass_for_plover,
    plover_for_cameo,
)

TABLE_PATH = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
)


@pytest.fixture(scope="module")
def table() -> dict[str, CameoMapping]:
    return load_cameo_plover(TABLE_PATH)


def test_a_full_line_gives_type_mode_contexts_and_description(
    table: dict[str, CameoMapping],
) -> None:
    assert table["1121"] == CameoMapping(
        "1121", "ACCUSE", "allege", ("crime", "corruption"), "Accuse of crime, corruption"
    )
    assert table["0356"].mode is None and table["0356"].contexts == ("military",)


def test_root_lines_are_read_and_the_first_repeat_wins(table: dict[str, CameoMapping]) -> None:
    assert table["03"].plover_type == "AGREE"
    assert table["08"].plover_type == "CONCEDE"  # "08: RETREAT" follows in the file


def test_unknown_code_falls_back_to_the_longest_prefix(table: dict[str, CameoMapping]) -> None:
    mapping = plover_for_cameo("1956", table)
    assert mapping is not None and (mapping.cameo, mapping.plover_type) == ("195", "ASSAULT")
    assert plover_for_cameo("013", table) is None  # statements have no PLOVER type


def test_cameo_root_and_pentaclass() -> None:
    assert cameo_root("1956") == "19"
    assert [pentaclass_for_cameo(c) for c in ("010", "021", "036", "073", "090", "163", "145")] == [
        0,
        0,
        1,
        2,
        3,
        3,
        4,
    ]
    with pytest.raises(ValueError):
        cameo_root("---")


def test_pentaclass_of_plover_types_follows_their_cameo_codes(
    table: dict[str, CameoMapping],
) -> None:
    assert pentaclass_for_plover("CONSULT", None, table) == 1
    assert pentaclass_for_plover("RETREAT", "ceasefire", table) == 2
    assert pentaclass_for_plover("REQUEST", None, table) == 3
    assert pentaclass_for_plover("COERCE", None, table) == 4


def test_reverse_lookup_prefers_mode_then_context(table: dict[str, CameoMapping]) -> None:
    assert cameo_for_plover("CONSULT", "visit", None, table) == "042"
    assert cameo_for_plover("REQUEST", "assist", "economic", table) == "1011"
    assert cameo_for_plover("ASSAULT", None, None, table) == "180"
    assert cameo_for_plover("ACCUSE", "no-such-mode", None, table) == "11"


def test_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "table.txt"
    path.write_text("03: AGREE\n030: AGGREE, , diplomatic # typo\n", encoding="utf-8")
    with pytest.raises(CameoTableError, match=r"table.txt:2: unknown PLOVER type 'AGGREE'"):
        load_cameo_plover(path)
