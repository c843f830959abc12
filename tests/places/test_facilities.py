"""Facilities resolved to their city and regions read by the article's countries, on sentences from real news."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.places.resolve import PlaceResolver


def test_listed_facility_is_its_city_not_a_namesake(resolver: PlaceResolver) -> None:
    # Heathrow, Florida exists; Heathrow in the news is London's airport
    heathrow = resolver.candidates("Heathrow")
    assert [(e.name, e.country2) for e in heathrow] == [("London", "GB")]
    assert resolver.candidates("Evin prison")[0].name == "Tehran"
    assert resolver.candidates("Incirlik air base")[0].country2 == "TR"


def test_city_named_facility_is_the_city(resolver: PlaceResolver) -> None:
    assert [e.name for e in resolver.candidates("Baghdad airport")][:1] == ["Baghdad"]
    assert resolver.candidates("Lost airport") == []  # no city of that name: no place


def test_a_facility_word_does_not_make_a_namesake_town_the_place(resolver: PlaceResolver) -> None:
    # the gazetteer's own entry wins over reading a part of the name ("Union Square", not Union, NJ)
    assert {e.country2 for e in resolver.candidates("Union Square")} == {"US"}
    assert [e.name for e in resolver.candidates("Union Square")][0] == "Union Square"
    # owner and dedication words: not "Trafalgar" in Spain, "Us" in France, "Supreme" in the US
    for name in ("Trafalgar Square", "US embassy", "Federal Court", "Supreme Court", "Independence Square"):
        assert resolver.candidates(name) == [], name
    # a listed facility named with its full facility words, or without them
    assert resolver.candidates("Ataturk International Airport")[0].name == "Istanbul"
    assert resolver.candidates("Tahrir Square")[0].name == "Cairo"


def test_facility_in_a_sentence(places_pipeline: Pipeline) -> None:
    doc = places_pipeline.extract("Police arrested a man at Heathrow airport on Tuesday after he arrived from Dubai.",
                                  published="2019-06-20")
    london = next(p for p in doc.places if any(m.text == "Heathrow" for m in p.mentions))
    assert (london.name, london.country, london.kind) == ("London", "GBR", "city")


def test_the_gulf_in_a_saudi_story_is_the_persian_gulf(places_pipeline: Pipeline) -> None:
    doc = places_pipeline.extract(
        "Saudi Arabia accused Iran of attacking two oil tankers in the Gulf on Thursday. Riyadh said the "
        "attacks near the Strait of Hormuz threatened shipping.", published="2019-06-14")
    gulf = next(p for p in doc.places if any(m.text == "Gulf" for m in p.mentions))
    assert gulf.name == "Persian Gulf"


def test_resolver_weights_default_to_the_hand_set_ones_unless_fitted(resolver: PlaceResolver) -> None:
    from eventwire.places.resolve import DEFAULT_WEIGHTS, WEIGHTS_PATH, load_weights

    weights = load_weights()
    assert set(weights) == set(DEFAULT_WEIGHTS)
    if not WEIGHTS_PATH.is_file():
        assert weights == DEFAULT_WEIGHTS and resolver.context_weight == DEFAULT_WEIGHTS["context_weight"]


def test_a_compass_word_before_a_name_is_the_place_itself(resolver: PlaceResolver) -> None:
    assert ("Georgia", "US") in [(e.name, e.country2) for e in resolver.candidates("Northeast Georgia")]
    assert [e.name for e in resolver.candidates("Northern Syria")] == ["Syria"]
    assert [e.country2 for e in resolver.candidates("North Korea")][:1] == ["KP"]  # a name of its own first


def test_a_compass_word_needs_its_own_word(resolver: PlaceResolver) -> None:
    # "Lowerdale", "Upperton" are not "Lower Dale", "Upper Ton"
    assert resolver.candidates("Lowerdale") == [] and resolver.candidates("Upperton") == []
    assert [e.name for e in resolver.candidates("Northwestern Syria")] == ["Syria"]
    assert ("England", "GB") in [(e.name, e.country2) for e in resolver.candidates("North-East England")]
