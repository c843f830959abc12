"""Recognition on sentences from the geoparsing corpora (LGL): places inside organisation names in the
corpora's convention, and towns named as where people are from."""

from __future__ import annotations

from typing import Any

from eventwire import Pipeline
from eventwire.places.resolve import PlaceResolver, find_mentions


def _found(nlp: Any, resolver: PlaceResolver, text: str, geoparsing: bool) -> list[str]:
    return [m.text for m in find_mentions(nlp(text), resolver.gaz, resolver, geoparsing=geoparsing)]


def test_place_after_of_in_a_long_organisation_name(nlp: Any, resolver: PlaceResolver) -> None:
    text = ("The lawmakers spoke Tuesday at the Community Foundation of Boone County's annual Circle of Giving "
            "Breakfast.")
    assert "Boone County" in _found(nlp, resolver, text, geoparsing=True)


def test_town_named_as_where_people_are_from(nlp: Any, resolver: PlaceResolver) -> None:
    found = _found(nlp, resolver, "A DeKalb man has been arrested after police say he tried to rob a woman.",
                   geoparsing=False)
    assert "DeKalb" in found


def test_a_hometown_is_not_where_the_act_happened(pipeline: Pipeline) -> None:
    doc = pipeline.extract("A DeKalb man has been arrested in Chicago after police say he tried to rob a woman.",
                           published="2009-03-21")
    arrest = [e for e in doc.events if e.evidence.trigger.text == "arrested"]
    assert arrest and arrest[0].location is not None and arrest[0].location.name == "Chicago"


def test_legislators_state_in_geoparsing_mode(nlp: Any, resolver: PlaceResolver) -> None:
    found = _found(nlp, resolver, "Rep. James Clyburn, D-S.C., inserted language into the bill.", geoparsing=True)
    assert found == ["S.C."]
    assert _found(nlp, resolver, "The D-Day landings were remembered.", geoparsing=True) == []


def test_town_heading_its_institution_in_geoparsing_mode(nlp: Any, resolver: PlaceResolver) -> None:
    text = ("The burn ban was lifted Monday following a conference between Huntsville Fire Chief Tom Grisham "
            "and the county judge.")
    assert "Huntsville" in _found(nlp, resolver, text, geoparsing=True)


def test_a_county_named_alone_is_kept(places_pipeline: Pipeline) -> None:
    doc = places_pipeline.extract("IRS audit finds Butler County employees should have been paid overtime.",
                                  published="2009-03-20")
    assert any(p.kind == "admin2" and p.country == "USA" for p in doc.places)


def test_place_a_longer_place_name_is_built_on(nlp: Any, resolver: PlaceResolver) -> None:
    text = "Questions were raised this morning at the Mount Pleasant Civic Center, officials said."
    assert "Mount Pleasant" in _found(nlp, resolver, text, geoparsing=False)


def test_a_hamlet_read_out_of_a_longer_name_is_no_place(places_pipeline: Pipeline) -> None:
    # The Guardian, 2018: "the White Helmets" (a rescue service) gave White, Georgia (pop. 724) as the place
    # of every event of a Syria story, supported by the article's mentions of the US
    text = ("Volunteers in Syria, known as the White Helmets, say US airstrikes hit a mosque. The US denied it. "
            "After Isis were expelled, the White Helmets returned to some areas.")
    doc = places_pipeline.extract(text, published="2018-04-09")
    assert not [p for p in doc.places if p.name == "White"], [p.name for p in doc.places]


def test_a_city_the_ner_read_as_a_date_is_found(places_pipeline: Pipeline) -> None:
    # the small English model tags "Winnipeg" in "Police in Winnipeg arrested ..." as a DATE; a calendar
    # word the NER dates stays a time
    doc = places_pipeline.extract("Police in Winnipeg arrested a man on Monday.", published="2016-12-05")
    assert [p.name for p in doc.places] == ["Winnipeg"]
    doc = places_pipeline.extract("The talks resume in March, officials said in Geneva.", published="2016-12-05")
    assert "March" not in [p.name for p in doc.places]
