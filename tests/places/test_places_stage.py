"""The places stage on real text: the sample article, context, actors vs places, offsets."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.document import Document
from eventwire.places.resolve import Mention, PlaceResolver

SAMPLE_PUBLISHED = "2014-11-27"


def _places(pipeline: Pipeline, text: str) -> Document:
    return pipeline.extract(text, published=SAMPLE_PUBLISHED)


def _by_name(doc: Document) -> dict[str, object]:
    return {p.name: p for p in doc.places}


def test_sample_places(places_pipeline: Pipeline, sample_text: str) -> None:
    doc = _places(places_pipeline, sample_text)
    found = {p.name: p for p in doc.places}
    sochi, istanbul = found["Sochi"], found["Istanbul"]
    raqqa = next(p for p in doc.places if any(m.text == "Raqqa" for m in p.mentions))
    for place, country in ((sochi, "RUS"), (istanbul, "TUR"), (raqqa, "SYR")):
        assert place.country == country and place.kind == "city"
        assert place.lat is not None and place.lon is not None and place.geonameid
    assert found["Black Sea"].kind == "sea"
    assert found["Middle East"].kind == "region"
    assert "Russian" not in {m.text for p in doc.places for m in p.mentions}
    for p in doc.places:
        for m in p.mentions:
            assert doc.article.text[m.start : m.end] == m.text
    assert [p.id for p in doc.places] == [f"p{i}" for i in range(1, len(doc.places) + 1)]


def test_countries_and_capitals_as_actors_are_not_places(places_pipeline: Pipeline) -> None:
    doc = _places(
        places_pipeline,
        "Russia said on Monday that it would send more aid to Syria. Moscow said the convoy would leave "
        "within a week. Washington criticised the plan.",
    )
    names = _by_name(doc)
    assert "Syria" in names
    assert "Russia" not in names and "Moscow" not in names and "Washington" not in names


def test_locative_uses_are_places(places_pipeline: Pipeline) -> None:
    doc = _places(
        places_pipeline,
        "The envoy flew from Moscow to Tehran and later met refugees in northern Iraq. "
        "A Turkey-based group said fighting had spread across Lebanon.",
    )
    names = _by_name(doc)
    for expected in ("Moscow", "Tehran", "Iraq", "Turkey", "Lebanon"):
        assert expected in names, (expected, sorted(names))


def test_document_context_disambiguates(resolver: PlaceResolver) -> None:
    local = "Police in Alexandria and Pineville said a fire in Rapides Parish, Louisiana, destroyed two homes."
    start = local.index("Alexandria")
    mention = Mention(start, start + len("Alexandria"), "Alexandria")
    others = [
        Mention(local.index("Pineville"), local.index("Pineville") + 9, "Pineville"),
        Mention(local.index("Rapides Parish"), local.index("Rapides Parish") + 14, "Rapides Parish"),
        Mention(local.index("Louisiana"), local.index("Louisiana") + 9, "Louisiana"),
    ]
    res = resolver.resolve(local, [mention, *others])
    assert res[0].entry is not None and res[0].entry.country2 == "US" and res[0].entry.admin1 == "LA"
    far = "Egyptian officials said a fire in Alexandria destroyed two warehouses near the harbour."
    start = far.index("Alexandria")
    res = resolver.resolve(far, [Mention(start, start + 10, "Alexandria")])
    assert res[0].entry is not None and res[0].entry.country2 == "EG"


def test_comma_pattern_pins_the_state(resolver: PlaceResolver) -> None:
    text = "The festival in Paris, Texas, drew thousands of visitors."
    p, t = text.index("Paris"), text.index("Texas")
    res = resolver.resolve(text, [Mention(p, p + 5, "Paris"), Mention(t, t + 5, "Texas")])
    assert res[0].entry is not None and res[0].entry.country2 == "US" and res[0].entry.admin1 == "TX"


def test_addresses_motion_verbs_and_the_gulf(places_pipeline: Pipeline) -> None:
    doc = _places(
        places_pipeline,
        "Officials said the talks in Geneva, Switzerland, would resume. Turkish troops entered northern "
        "Syria on Wednesday, and tankers were stopped in the Gulf.",
    )
    names = _by_name(doc)
    assert {"Geneva", "Switzerland", "Syria", "Persian Gulf"} <= set(names), sorted(names)
    assert "Turkey" not in names  # "Turkish" is an adjective, not a place


def test_dateline_city(places_pipeline: Pipeline, resolver: PlaceResolver) -> None:
    from eventwire.places.resolve import find_mentions
    from eventwire.text.nlp import shared_model

    nlp = shared_model(places_pipeline.resources)
    text = "ANKARA (Reuters) - Turkish troops entered northern Syria near Jarablus on Wednesday."
    mentions = find_mentions(nlp(text), resolver.gaz, resolver)
    res = {r.mention.text: r.entry for r in resolver.resolve(text, mentions)}
    assert res["ANKARA"] is not None and res["ANKARA"].name == "Ankara"
    assert res["Jarablus"] is not None and res["Jarablus"].country == "SYR"
