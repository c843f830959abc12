"""The gazetteer: alternate names, particles, kinds, country filters, demonyms."""

from __future__ import annotations

from eventwire.places.gazetteer import Gazetteer, haversine_km, lookup, normalise, strip_particles


def test_normalise_folds_accents_dots_and_articles() -> None:
    assert normalise("The U.S.") == "us"
    assert normalise("Zürich") == "zurich"
    assert normalise("al-Raqqa") == "al raqqa"
    assert strip_particles(normalise("Ar Raqqah")) == "raqqah"


def test_alternate_names_find_the_geonames_place() -> None:
    raqqa = lookup("Raqqa")
    assert raqqa is not None and raqqa.country == "SYR" and raqqa.geonameid == 172955
    assert lookup("al-Raqqa") == lookup("Raqqa") or lookup("al-Raqqa").geonameid == 172955  # type: ignore[union-attr]
    kiev = lookup("Kiev")
    assert kiev is not None and kiev.name == "Kyiv" and kiev.country == "UKR" and kiev.kind in ("capital", "city")


def test_seas_regions_and_countries_have_their_kind() -> None:
    sea = lookup("Black Sea")
    assert sea is not None and sea.kind == "sea" and sea.country is None
    assert 40 < sea.lat < 47 and 27 < sea.lon < 42
    region = lookup("Middle East")
    assert region is not None and region.kind == "region"
    us = lookup("U.S.")
    assert us is not None and us.kind == "country" and us.country == "USA" and us.geonameid == 6252001


def test_country_filter_and_population_prior() -> None:
    egypt = lookup("Alexandria")
    assert egypt is not None and egypt.country == "EGY"
    la = lookup("Alexandria", country="USA")
    assert la is not None and la.country == "USA"
    assert haversine_km(egypt.lat, egypt.lon, la.lat, la.lon) > 5000


def test_us_state_abbreviations_and_counties(gazetteer: Gazetteer) -> None:
    for abbr, state in (("W.Va.", "West Virginia"), ("Calif.", "California"), ("Okla.", "Oklahoma")):
        found = lookup(abbr)
        assert found is not None and found.name == state and found.kind == "admin1", abbr
    county = lookup("Rapides Parish")
    assert county is not None and county.kind == "admin2" and county.admin1 == "LA"


def test_eponymous_region_gives_way_to_its_city_but_not_a_small_town(gazetteer: Gazetteer) -> None:
    aleppo = gazetteer.lookup("Aleppo")
    assert aleppo is not None and aleppo.kind in ("city", "capital")
    california = gazetteer.lookup("California")
    assert california is not None and california.kind == "admin1" and california.country == "USA"


def test_demonyms_point_to_countries_but_are_not_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym("Syrian") == "SY"
    assert gazetteer.demonym("Russians") == "RU"
    assert gazetteer.demonym("Sochi") is None


def test_index_build_from_tsv(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The runtime turns the shipped TSV into a SQLite index; check it on a small file of our own."""
    import gzip

    from eventwire.places.gazetteer import build_index

    tsv = tmp_path / "mini.tsv.gz"
    with gzip.open(tsv, "wt", encoding="utf-8") as f:
        f.write("# header\n")
        f.write("1\tcity\tAr Raqqah\tSY\t04\t35.95\t39.01\t531952\tRaqqa|Rakka\n")
        f.write("2\tcity\tSpringfield\tUS\tIL\t39.80\t-89.64\t114394\t\n")
        f.write("-3\tregion\tMiddle East\t\t\t29.0\t42.0\t0\tMideast\n")
    index = tmp_path / "mini.sqlite"
    build_index(tsv, index)
    gaz = Gazetteer(index_path=index)
    (raqqa,) = gaz.candidates("al-Raqqa")
    assert raqqa.name == "Ar Raqqah" and raqqa.geonameid == 1
    (region,) = gaz.candidates("the Mideast")
    assert region.kind == "region" and region.geonameid is None
    assert gaz.candidates("Springfield")[0].country == "USA"
    assert gaz.candidates("Shelbyville") == []
