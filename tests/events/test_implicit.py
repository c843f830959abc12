"""Implicit agents (events/implicit.py): an agentless act of the state gets the authorities of the country
where it happened as its source, marked as inferred. Sentences written for the purpose; actors and places
given by hand (see conftest), with the country and sector the actors stage would give them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from eventwire.document import Document, Event, Place
from eventwire.events.coder import EventCoder
from eventwire.events.implicit import INFERRED_ROLE, RULE_SUFFIX, dominant_country

from .conftest import make_doc

Side = tuple[str, str | None, str | None]  # code, country, sector


def coded(nlp: Any, coder: EventCoder, text: str, actors: Mapping[str, Side],
          places: dict[str, str] | None = None) -> tuple[Document, list[Event]]:
    """Code ``text`` with the given actors (phrase -> code, country, sector) and places (phrase -> country)."""
    doc = make_doc(nlp, text, {p: s[0] for p, s in actors.items()},
                   places=[(p, "city") for p in places or {}])
    by_code = {s[0]: (phrase, s) for phrase, s in actors.items()}
    for a in doc.actors:
        phrase, (_, a.country, a.sector) = by_code[a.code or ""]
        a.role = phrase.lower()  # as the actors stage keeps the phrase a generic actor was read from
    for place, country in zip(doc.places, (places or {}).values(), strict=True):
        place.country = country
    return doc, coder.code(doc)


def of_type(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


TEACHER: dict[str, Side] = {"a teacher": ("CVLTCH", None, "CVL")}


def test_agentless_arrest_has_the_police_of_the_place(nlp: Any, coder: EventCoder) -> None:
    doc, evs = coded(nlp, coder, "On Monday a teacher was arrested in Kayseri.", TEACHER,
                     {"Kayseri": "TUR"})
    arrest = of_type(evs, "COERCE")
    assert arrest and (arrest[0].rule or "").endswith(RULE_SUFFIX), [(e.type, e.rule) for e in evs]
    source = arrest[0].actor[0]
    assert (source.country, source.sector, source.code) == ("TUR", "COP", "TURCOP")
    inferred = next(a for a in doc.actors if a.id == source.id)
    assert inferred.role == INFERRED_ROLE and not inferred.mentions  # implied, not read


def test_named_agent_is_kept(nlp: Any, coder: EventCoder) -> None:
    actors: dict[str, Side] = {**TEACHER, "soldiers": ("MIL", None, "MIL")}
    _, evs = coded(nlp, coder, "On Monday a teacher was arrested by soldiers in Kayseri.", actors,
                   {"Kayseri": "TUR"})
    arrest = of_type(evs, "COERCE")
    assert arrest and [a.code for a in arrest[0].actor] == ["MIL"] and RULE_SUFFIX not in (arrest[0].rule or "")


def test_the_police_the_article_names_are_the_agent(nlp: Any, coder: EventCoder) -> None:
    actors: dict[str, Side] = {**TEACHER, "Turkish police": ("TURCOP", "TUR", "COP")}
    doc, evs = coded(nlp, coder, "Turkish police raided the school. Later a teacher was detained in Kayseri.",
                     actors, {"Kayseri": "TUR"})
    detained = [e for e in of_type(evs, "COERCE") if (e.rule or "").endswith(RULE_SUFFIX)]
    assert detained and detained[0].actor[0].code == "TURCOP"
    assert not any(a.role == INFERRED_ROLE for a in doc.actors)  # no second, inferred police


def test_a_charge_is_the_prosecutors_or_the_police_the_article_names(nlp: Any, coder: EventCoder) -> None:
    actors = {"A local man": ("CVLMAN", None, "CVL"), "Police": ("COP", None, "COP")}
    text = "A local man has been charged with arson in Regina. Police said the fire was set on Sunday."
    _, evs = coded(nlp, coder, text, actors, {"Regina": "CAN"})
    charge = of_type(evs, "ACCUSE")
    assert charge and (charge[0].actor[0].country, charge[0].actor[0].sector) == ("CAN", "COP"), charge
    # with no police named, the prosecution (the judiciary) charges; and so do prosecutors the article names
    _, evs = coded(nlp, coder, "A local man has been charged with arson in Regina.", actors, {"Regina": "CAN"})
    charge = of_type(evs, "ACCUSE")
    assert charge and (charge[0].actor[0].country, charge[0].actor[0].sector) == ("CAN", "JUD"), charge
    # a court the article names lays no charge: still the police
    with_court = {**actors, "court": ("JUDC", None, "JUD")}
    _, evs = coded(nlp, coder, text + " He will appear in court on Monday.", with_court, {"Regina": "CAN"})
    charge = of_type(evs, "ACCUSE")
    assert charge and (charge[0].actor[0].country, charge[0].actor[0].sector) == ("CAN", "COP"), charge
    actors = {**actors, "prosecutors": ("JUD", None, "JUD")}
    _, evs = coded(nlp, coder, text + " Crown prosecutors said they would oppose bail.", actors, {"Regina": "CAN"})
    charge = of_type(evs, "ACCUSE")
    assert charge and (charge[0].actor[0].country, charge[0].actor[0].sector) == ("CAN", "JUD"), charge


def test_a_place_inside_the_charge_is_not_where_it_was_laid(nlp: Any, coder: EventCoder) -> None:
    actors = {"The volunteer": ("CVLVOL", "GBR", "CVL")}
    text = "The volunteer was charged with attending a training camp in Iraq."
    _, evs = coded(nlp, coder, text, actors, {"Iraq": "IRQ"})
    charge = of_type(evs, "ACCUSE")
    assert charge and charge[0].actor and charge[0].actor[0].country == "GBR"  # the citizen's own country


def test_no_court_accuses_a_state(nlp: Any, coder: EventCoder) -> None:
    actors = {"Mordovia": ("MRD", "MRD", None), "court": ("JUD", None, "JUD")}
    text = "Mordovia was accused of shelling the border town, the court heard."
    _, evs = coded(nlp, coder, text, actors, {"the border town": "MRD"})
    assert not any((e.rule or "").endswith(RULE_SUFFIX) for e in evs), [(e.type, e.rule) for e in evs]


def test_an_accusation_is_the_state_s_only_in_a_legal_story(nlp: Any, coder: EventCoder) -> None:
    actors = {"The militia": ("REB", "SYR", "REB")}
    _, evs = coded(nlp, coder, "The militia has been accused of cooperating with the army in Aleppo.", actors,
                   {"Aleppo": "SYR"})
    assert not any((e.rule or "").endswith(RULE_SUFFIX) for e in evs), [(e.type, e.rule) for e in evs]


def test_cameo_coding_leaves_the_agent_out(nlp: Any, coder: EventCoder) -> None:
    """The PETRARCH suites code only the actors a text names."""
    cameo = EventCoder({**coder.settings, "statements": True}, coder.p, coder.onto)
    doc = make_doc(nlp, "On Monday a teacher was arrested in Kayseri.", {"a teacher": "CVL"},
                   places=[("Kayseri", "city")])
    doc.places[0].country = "TUR"
    assert not any((e.rule or "").endswith(RULE_SUFFIX) for e in cameo.code(doc))


@pytest.mark.parametrize(("counts", "expected"), [({"TUR": 4, "SYR": 2}, "TUR"), ({"TUR": 3, "SYR": 2}, None)])
def test_dominant_country_needs_a_clear_lead(nlp: Any, counts: dict[str, int], expected: str | None) -> None:
    names = {"TUR": "Ankara", "SYR": "Aleppo"}
    text = " ".join(f"{names[c]} was quiet." for c, n in counts.items() for _ in range(n))
    doc = make_doc(nlp, text, {}, places=[(names[c], "city") for c in counts])
    for place, country in zip(doc.places, counts, strict=True):
        place.country = country
        start = 0
        place.mentions = []
        for _ in range(counts[country]):
            i = text.index(names[country], start)
            place.mentions.append(doc.span(i, i + len(names[country])))
            start = i + 1
    assert dominant_country(doc) == expected


def test_unnamed_violence_has_unnamed_attackers_of_the_place(nlp: Any, coder: EventCoder) -> None:
    actors: dict[str, Side] = {"A young man": ("CVLMAN", None, "CVL")}
    doc, evs = coded(nlp, coder, "A young man was stabbed outside a bar in Leeds on Sunday.", actors,
                     {"Leeds": "GBR"})
    stab = of_type(evs, "ASSAULT")
    assert stab and (stab[0].rule or "").endswith(RULE_SUFFIX), [(e.type, e.rule) for e in evs]
    source = stab[0].actor[0]
    assert (source.country, source.sector) == ("GBR", "CRM")
    assert next(a for a in doc.actors if a.id == source.id).role == INFERRED_ROLE


def test_military_means_leave_the_side_open(nlp: Any, coder: EventCoder) -> None:
    actors: dict[str, Side] = {"Ten civilians": ("CVL", None, "CVL")}
    _, evs = coded(nlp, coder, "Ten civilians were killed in airstrikes in Idlib on Sunday.", actors,
                   {"Idlib": "SYR"})
    assert of_type(evs, "ASSAULT") and not any((e.rule or "").endswith(RULE_SUFFIX) for e in evs), \
        [(e.type, e.rule, [a.name for a in e.actor]) for e in evs]


def test_a_hostage_holder_is_no_police(nlp: Any, coder: EventCoder) -> None:
    _, evs = coded(nlp, coder, "A teacher was held hostage in Kayseri for three months.", TEACHER,
                   {"Kayseri": "TUR"})
    assert not any(a.sector == "COP" for e in evs for a in e.actor), [(e.type, e.rule) for e in evs]


def test_a_release_is_by_those_who_held_the_one_released(nlp: Any, coder: EventCoder) -> None:
    actors: dict[str, Side] = {"Boromir": ("BOR", "GON", "CVL"), "Gondor police": ("GONCOP", "GON", "COP")}
    text = "Gondor police arrested Boromir in Osgiliath on Monday. Boromir was released on Friday."
    _, evs = coded(nlp, coder, text, actors, {"Osgiliath": "GON"})
    release = of_type(evs, "RETREAT")
    assert release and [a.code for a in release[0].actor] == ["GONCOP"], [(e.type, e.rule) for e in evs]


def test_the_country_of_the_police_the_article_names(nlp: Any, coder: EventCoder) -> None:
    # the article is mostly about Seattle, but the charge was laid where its police are
    actors: dict[str, Side] = {"A local man": ("CVLMAN", None, "CVL"), "Regina police": ("CANCOP", "CAN", "COP")}
    text = ("A local man, who moved from Seattle last year, has been charged with arson. "
            "Regina police said he had lived in Seattle for a decade.")
    doc = make_doc(nlp, text, {p: s[0] for p, s in actors.items()})
    for a in doc.actors:
        _, a.country, a.sector = next(s for s in actors.values() if s[0] == a.code)
        a.role = a.name.lower()
    starts = [i for i in range(len(text)) if text.startswith("Seattle", i)]
    doc.places = [Place(id="p0", name="Seattle", country="USA", kind="city",
                        mentions=[doc.span(i, i + len("Seattle")) for i in starts])]
    charge = of_type(coder.code(doc), "ACCUSE")
    assert charge and charge[0].actor and charge[0].actor[0].country == "CAN", charge
