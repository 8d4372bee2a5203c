"""Options of `dyad code --engine`: inconsistent ones are refused with a message."""

import pytest

from dyad.scale.cli_engine import EngineError, check_engine_options


def test_an_address_without_the_ray_engine_is_refused() -> None:
    with pytest.raises(EngineError, match="needs --engine ray"):
        check_engine_options("local", "ray://head:10001")


def test_an_unknown_engine_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(EngineError, match="local, ray"):
        check_engine_options("spark", None)


def test_the_ray_engine_accepts_a_cluster_address() -> None:
    check_engine_options("ray", "ray://head:10001")
