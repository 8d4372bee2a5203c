"""Toponym resolution against the offline gazetteer (built once per test session)."""

from pathlib import Path

import pytest

from dyad.resolve.gazetteer import Gazetteer, load_gazetteer
from dyad.resolve.geo import (
    GeoContext,
    haversine_km,
    resolve_demonym,
    resolve_toponym,
)
from dyad.resolve.geo_document import resolve_document
from dyad.resolve.places_data import PlacesDataError, load_neighbourhoods, load_regions

SHEIKH_MAQSOUD = (36.2235, 37.1586)
ASHRAFIYEH = (36.2195, 37.1520)
SYRIA = GeoContext(countries=("SYR",), names=("Aleppo",))


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_aleppo_resolves_to_the_city_in_aleppo_governorate(gazetteer: Gazetteer) -> None:
    resolution = resolve_toponym("Aleppo", GeoContext(countries=("SYR",)))
    place = resolution.candidate
    assert place is not None
    assert (place.precision, place.country, place.admin1) == ("city", "SYR", "Aleppo")
    assert haversine_km(place.lat, place.lon, 36.20, 37.16) < 5


@pytest.mark.parametrize(
    ("text", "truth"), [("Sheikh Maqsoud", SHEIKH_MAQSOUD), ("Ashrafieh", ASHRAFIYEH)]
)
def test_aleppo_neighbourhoods_resolve_within_aleppo(
    gazetteer: Gazetteer, text: str, truth: tuple[float, float]
) -> None:
    place = resolve_toponym(text, SYRIA).candidate
    assert place is not None
    assert place.within == "Aleppo"
    assert place.precision == "neighbourhood"
    assert haversine_km(place.lat, place.lon, *truth) < 5


def test_spelling_variants_of_a_neighbourhood_match(gazetteer: Gazetteer) -> None:
    names = {c.name for c in gazetteer.lookup("Achrafieh") if c.within == "Aleppo"}
    assert names == {"Ashrafiyeh"}


def test_paris_with_french_context_is_the_french_capital(gazetteer: Gazetteer) -> None:
    place = resolve_toponym("Paris", GeoContext(countries=("FRA",))).candidate
    assert place is not None and place.country == "FRA"


def test_paris_among_texas_places_is_paris_texas(gazetteer: Gazetteer) -> None:
    sentence = (
        "Storms hit Paris on Monday, and roads to Dallas and Texarkana were closed, "
        "Texas police said."
    )
    paris, _, _, _ = resolve_document(["Paris", "Dallas", "Texarkana", "Texas"], sentence)
    assert paris.candidate is not None
    assert (paris.candidate.country, paris.candidate.admin1) == ("USA", "Texas")


def test_paris_among_tennessee_places_is_paris_tennessee(gazetteer: Gazetteer) -> None:
    sentence = "The Paris, Tennessee, council met officials from Nashville and Memphis."
    paris = resolve_document(["Paris", "Tennessee", "Nashville", "Memphis"], sentence)[0]
    assert paris.candidate is not None
    assert (paris.candidate.country, paris.candidate.admin1) == ("USA", "Tennessee")


def test_province_suffix_resolves_to_admin1(gazetteer: Gazetteer) -> None:
    place = resolve_toponym("Idlib province", GeoContext(countries=("SYR",))).candidate
    assert place is not None
    assert (place.precision, place.name, place.country) == ("admin1", "Idlib", "SYR")
    assert "admin-suffix" in resolve_toponym("Idlib province").reason


def test_region_suffix_resolves_to_admin1(gazetteer: Gazetteer) -> None:
    place = resolve_toponym("Kherson region").candidate
    assert place is not None
    assert (place.precision, place.country) == ("admin1", "UKR")


def test_country_name_resolves_to_country(gazetteer: Gazetteer) -> None:
    place = resolve_toponym("Syria").candidate
    assert place is not None
    assert (place.precision, place.country, place.geonameid) == ("country", "SYR", 163843)


def test_demonym_resolves_to_its_country(gazetteer: Gazetteer) -> None:
    place = resolve_toponym("Canadian").candidate
    assert place is not None and place.precision == "country" and place.country == "CAN"


def test_unknown_name_is_not_resolved(gazetteer: Gazetteer) -> None:
    resolution = resolve_toponym("Xyzzyville")
    assert resolution.candidate is None
    assert resolution.reason == "not-in-gazetteer"


def test_accents_and_arabic_article_are_normalised(gazetteer: Gazetteer) -> None:
    assert {c.geonameid for c in gazetteer.lookup("al-Raqqa")} & {
        c.geonameid for c in gazetteer.lookup("Raqqa")
    }


def test_georgia_among_us_places_is_the_state(gazetteer: Gazetteer) -> None:
    text = "Atlanta and Savannah lie in Georgia, where U.S. officials met."
    georgia = resolve_document(["Atlanta", "Savannah", "Georgia"], text)[2]
    assert georgia.candidate is not None
    assert (georgia.candidate.precision, georgia.candidate.country) == ("admin1", "USA")


def test_georgia_with_tbilisi_is_the_country(gazetteer: Gazetteer) -> None:
    text = "Russian troops moved towards Tbilisi, the capital of Georgia."
    georgia = resolve_document(["Tbilisi", "Georgia"], text)[1]
    assert georgia.candidate is not None and georgia.candidate.country == "GEO"


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_malformed_neighbourhood_line_names_file_and_line(tmp_path: Path) -> None:
    header = "name\taliases\twithin\tcountry\tlat\tlon\tkind\tnote\n"
    good = "Jobar\t\tDamascus\tSYR\t33.527\t36.330\tneighbourhood\t\n"
    bad = "Nowhere\t\tDamascus\tSYR\tnorth\t36.3\tneighbourhood\t\n"
    path = _write(tmp_path, "neighbourhoods.tsv", "# comment\n" + header + good + bad)
    with pytest.raises(PlacesDataError, match=r"neighbourhoods\.tsv:4: lat 'north'"):
        load_neighbourhoods(path)


def test_neighbourhood_kind_is_validated(tmp_path: Path) -> None:
    header = "name\taliases\twithin\tcountry\tlat\tlon\tkind\tnote\n"
    bad = "Jobar\t\tDamascus\tSYR\t33.527\t36.330\tvillage\t\n"
    path = _write(tmp_path, "neighbourhoods.tsv", header + bad)
    with pytest.raises(PlacesDataError, match=r":2: kind 'village'"):
        load_neighbourhoods(path)


def test_region_line_with_missing_field_is_rejected(tmp_path: Path) -> None:
    header = "name\taliases\tdemonyms\tprecision\tcountry\tlat\tlon\tnote\n"
    path = _write(tmp_path, "regions.tsv", header + "Darfur\t\tregion\tSDN\t13.5\t24.5\n")
    with pytest.raises(PlacesDataError, match=r"regions\.tsv:2: expected 8"):
        load_regions(path)


def test_shipped_neighbourhoods_lie_near_their_city(gazetteer: Gazetteer) -> None:
    far = []
    for hood in load_neighbourhoods():
        cities = [c for c in gazetteer.lookup(hood.within) if c.country == hood.country]
        if cities and min(haversine_km(hood.lat, hood.lon, c.lat, c.lon) for c in cities) > 30:
            far.append(hood.name)
    assert far == []


def test_a_street_missing_from_the_gazetteer_falls_back_on_the_article_city(
    gazetteer: Gazetteer,
) -> None:
    text = "Police closed Royal Street in New Orleans after the parade in New Orleans."
    street, city = resolve_document(["Royal Street", "New Orleans"], text)
    assert city.candidate is not None and street.candidate is city.candidate
    assert street.reason.startswith("facility")


def test_an_unknown_name_resolves_to_a_big_city_it_contains(gazetteer: Gazetteer) -> None:
    court = resolve_document(["Seoul Central District Court"], "The Seoul court ruled.")[0]
    assert court.candidate is not None and court.candidate.country == "KOR"
    assert court.reason.startswith("contains 'Seoul'")


def test_a_demonym_resolves_to_its_region(gazetteer: Gazetteer) -> None:
    place = resolve_demonym("North American").candidate
    assert place is not None and place.name == "North America"


def test_chinese_provinces_resolve_by_their_short_names_near_their_centres() -> None:
    from dyad.resolve.gazetteer import load_gazetteer
    from dyad.resolve.geo import haversine_km

    for name, lat, lon in (("Jiangsu", 33.0, 119.8), ("Zhejiang", 29.2, 120.3)):
        area = next(c for c in load_gazetteer().lookup(name) if c.precision == "admin1")
        assert area.country == "CHN" and haversine_km(lat, lon, area.lat, area.lon) < 161


def test_a_state_listed_with_other_states_is_the_state_not_a_small_town_of_its_name() -> None:
    from dyad.resolve.geo_document import resolve_document

    text = "Cases were reported in Michigan, Oregon, Indiana and Ohio this week."
    resolved = resolve_document(["Michigan", "Oregon", "Indiana", "Ohio"], text)
    assert [r.candidate.precision for r in resolved if r.candidate] == ["admin1"] * 4


def test_georgia_among_american_places_is_the_state_and_beside_tbilisi_the_country() -> None:
    from dyad.resolve.geo_document import resolve_document

    text = "Voters in Georgia and Alabama lined up early, officials in Atlanta said."
    state = resolve_document(["Georgia", "Alabama", "Atlanta"], text)[0].candidate
    assert state is not None and (state.country, state.precision) == ("USA", "admin1")
    text = "Russian troops entered Georgia near Tbilisi."
    country = resolve_document(["Georgia", "Tbilisi"], text)[0].candidate
    assert country is not None and (country.country, country.precision) == ("GEO", "country")


def test_a_national_capital_beats_a_small_namesake_in_another_articles_country() -> None:
    text = (
        "A spokesman for the Food and Agriculture Organization in Rome said that farms across "
        "the United States had reported the disease to the American authorities."
    )
    rome = resolve_document(["Rome", "United States"], text)[0].candidate
    assert rome is not None and rome.country == "ITA"


def test_a_region_is_not_a_small_town_of_the_same_name() -> None:
    text = "The Saudi crown prince called the United States a partner for peace in the Middle East."
    region = resolve_document(["Middle East"], text)[0].candidate
    assert region is not None and region.precision == "region"


def test_a_philippine_province_resolves_through_its_admin2_name() -> None:
    text = "Tests confirmed that pigs on farms in Laguna and Pangasinan, Philippines, were ill."
    laguna, pangasinan = resolve_document(["Laguna", "Pangasinan"], text)
    assert laguna.candidate is not None and laguna.candidate.country == "PHL"
    assert pangasinan.candidate is not None and pangasinan.candidate.country == "PHL"


def test_us_states_lie_near_their_geographic_centres() -> None:
    texas = resolve_toponym("Texas", GeoContext(countries=("USA",))).candidate
    assert texas is not None and haversine_km(texas.lat, texas.lon, 31.3, -99.3) < 60


MOZAMBIQUE_ARTICLE = (
    "Insurgents attacked villages in Mozambique's Cabo Delgado province, near Palma, and "
    "families fled to Pemba. Mozambique's army said troops had reached Palma on Sunday."
)


def test_a_foreign_mid_size_town_gives_way_to_unresolved_in_an_article_on_another_country() -> None:
    toponyms = ["Mozambique", "Cabo Delgado", "Palma", "Pemba", "Mozambique", "Palma"]
    resolutions = resolve_document(toponyms, MOZAMBIQUE_ARTICLE)
    by_name = dict(zip(toponyms, resolutions, strict=True))
    assert by_name["Palma"].candidate is None  # not Palma de Mallorca
    assert "abroad" in by_name["Palma"].reason
    assert by_name["Pemba"].candidate is not None and by_name["Pemba"].candidate.country == "MOZ"


def test_a_foreign_town_stays_when_the_article_names_its_country_or_nothing_points_elsewhere() -> (
    None
):
    spain = "Tourists crowded Palma this summer, Spain's tourism board said."
    [palma] = resolve_document(["Palma"], spain)
    assert palma.candidate is not None and palma.candidate.country == "ESP"
    [alone] = resolve_document(["Palma"], "Protesters marched through Palma on Saturday.")
    assert alone.candidate is not None and alone.candidate.country == "ESP"


def test_a_big_foreign_city_is_kept_even_in_an_article_on_another_country() -> None:
    text = (
        "Mozambique's president flew from Maputo to Pemba; Mozambique also sent envoys to "
        "Johannesburg."
    )
    toponyms = ["Mozambique", "Maputo", "Pemba", "Mozambique", "Johannesburg"]
    resolutions = dict(zip(toponyms, resolve_document(toponyms, text), strict=True))
    johannesburg = resolutions["Johannesburg"].candidate
    assert johannesburg is not None and johannesburg.country == "ZAF"
