"""Owners reached through the parse and acronyms in brackets (general mechanisms of the resolver)."""

from __future__ import annotations

from eventwire import Pipeline


def test_sector_nouns_share_an_of_in_owner_and_acronym_joins_its_name(pipeline: Pipeline) -> None:
    doc = pipeline.extract("Lawmakers and officials in France criticized the European Union (EU) on Monday.")
    codes = {a.code for a in doc.actors}
    assert {"FRALEG", "FRAGOV"} <= codes  # "in France" hangs on "Lawmakers" in the parse
    eu = [a for a in doc.actors if a.name == "European Union"]
    assert eu and "EU" in [m.text for m in eu[0].mentions]


def test_several_owners_give_one_actor_each_and_events_take_them_all(pipeline: Pipeline) -> None:
    doc = pipeline.extract(
        "The ambassadors of France, Germany and Italy met with Russian officials in Moscow on Monday."
    )
    sector = {a.code for a in doc.actors if a.sector == "GOV"}
    assert {"FRAGOV", "DEUGOV", "ITAGOV"} <= sector  # one actor per owner, all named by "The ambassadors"
    meet = [e for e in doc.events if e.type == "CONSULT" and e.recipient and e.recipient[0].code == "RUSGOV"]
    assert meet and {"FRAGOV", "DEUGOV", "ITAGOV"} <= {a.code for a in meet[0].actor}
    doc = pipeline.extract("Lawmakers in France and Germany criticized Russia on Monday.")
    assert {"FRALEG", "DEULEG"} <= {a.code for a in doc.actors}


def test_coordinated_sector_nouns_share_the_country_adjective(pipeline: Pipeline) -> None:
    doc = pipeline.extract("The French media and government criticized Russia on Monday.")
    codes = {a.code for a in doc.actors}
    assert {"FRAMED", "FRAGOV"} <= codes


def test_suite_dictionaries_title_inside_an_ner_name_and_organisation_owners(shared_data) -> None:  # type: ignore[no-untyped-def]
    from eventwire import load_config

    suite = shared_data / "universalpetrarch"
    pipe = Pipeline(load_config(overrides={
        "actors.builtin": False,
        "actors.dictionaries": [str(suite / "PETR_Validate_actors_2_02.txt")],
        "actors.agents": [str(suite / "PETR_Validate_agents_2_02.txt")],
        "io.detect_language": False,
    }), stages=["clean", "nlp", "actors"])
    # the tagger reads "Arnor President Umbardacil" as one ORG; the dictionary knows Arnor and President
    doc = pipe.extract("Arnor President Umbardacil has again appealed for peace in Ithilen.")
    assert any(a.code == "ARNGOV" and "Umbardacil" in a.name for a in doc.actors)
    doc = pipe.extract("The human rights activists of Amnesty International met in Gondor.")
    assert "NGMOPP" in {a.code for a in doc.actors}  # an organisation owns by its own code
    doc = pipe.extract("An MSF Arnor diplomat met officials in Gondor.")
    assert "NGOARNGOV" in {a.code for a in doc.actors}  # prefix agent, country, agent: all three compose
