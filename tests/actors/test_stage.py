"""The actors stage on texts written for the purpose (plus the sample article's done-when)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from eventwire.document import Actor, Document
from eventwire.text.nlp import NLP

Run = Callable[..., Document]


def actor_named(doc: Document, fragment: str) -> Actor:
    """The one actor whose canonical name contains ``fragment`` (fails if none or several)."""
    found = [a for a in doc.actors if fragment.lower() in a.name.lower()]
    assert len(found) == 1, f"{fragment!r}: {[(a.name, a.code) for a in doc.actors]}"
    return found[0]


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def _offsets_exact(doc: Document) -> None:
    for a in doc.actors:
        spans = sorted((m.start, m.end) for m in a.mentions)
        for m in a.mentions:
            assert doc.article.text[m.start : m.end] == m.text
        for (_, e1), (s2, _) in pairwise(spans):
            assert e1 <= s2, f"overlapping mentions in {a.name}"


def test_same_name_on_different_dates_gets_different_codes(run: Run) -> None:
    text = "Ahmed al-Sharaa met envoys in Idlib on Tuesday."
    early, late = run(text, "2019-05-01"), run(text, "2025-03-01")
    assert actor_named(early, "Sharaa").code == "SYRREB"
    assert actor_named(late, "Sharaa").code == "SYRGOV"
    putin_2010 = actor_named(run("Vladimir Putin spoke in Sochi.", "2010-03-01"), "Putin")
    putin_2015 = actor_named(run("Vladimir Putin spoke in Sochi.", "2015-03-01"), "Putin")
    assert (putin_2010.role, putin_2015.role) == ("Prime Minister", "President")


def test_former_from_the_dates_and_from_the_text(run: Run) -> None:
    doc = run("Opposition figure Moaz al-Khatib travelled to Cairo.", "2013-02-01")
    assert not actor_named(doc, "Khatib").former
    doc = run("Former Syrian opposition leader Moaz Alkhatib travelled to Cairo.", "2014-11-27")
    khatib = actor_named(doc, "Khatib")
    assert (khatib.country, khatib.sector, khatib.former) == ("SYR", "OPP", True)


def test_spelling_variants_are_one_actor(run: Run) -> None:
    doc = run("Muammar Gaddafi addressed the crowd. Later Qaddafi left Tripoli, and Mr. Gadhafi was not seen again.",
              "2011-03-01")
    gaddafi = actor_named(doc, "Gaddafi")
    assert gaddafi.code == "LBYGOV"
    assert {"Muammar Gaddafi", "Qaddafi", "Mr. Gadhafi"} <= set(mention_texts(gaddafi))
    doc = run("Sergei Lavrov arrived in Geneva. Sergey Lavrov then met John Kerry.", "2014-01-20")
    lavrov = actor_named(doc, "Lavrov")
    assert len(lavrov.mentions) == 2 and lavrov.code == "RUSGOV"
    _offsets_exact(doc)


def test_conflicting_given_names_are_two_people(run: Run) -> None:
    doc = run("Bashar al-Assad inherited the presidency from Hafez al-Assad in 2000.", "2014-01-01")
    assert actor_named(doc, "Bashar").id != actor_named(doc, "Hafez").id


def test_composed_mentions(run: Run) -> None:
    doc = run("Turkish Foreign Minister Mevlut Cavusoglu met his Iranian counterpart on Monday. "
              "The Iraqi government said Assad's army and the US-led international coalition had struck the town.",
              "2016-02-01")
    cav = actor_named(doc, "Cavusoglu")
    assert cav.code == "TURGOV" and "Turkish Foreign Minister Mevlut Cavusoglu" in mention_texts(cav)
    gov = next(a for a in doc.actors if a.code == "IRQGOV")
    assert mention_texts(gov) == ["The Iraqi government"]
    army = next(a for a in doc.actors if a.code == "SYRMIL")
    assert mention_texts(army) == ["Assad's army"]
    coalition = next(a for a in doc.actors if a.name.endswith("coalition"))
    assert (coalition.country, mention_texts(coalition)) == ("USA", ["the US-led international coalition"])


def test_coreference_short_forms_titles_groups_and_pronouns(run: Run) -> None:
    doc = run(
        "Egyptian Foreign Minister Sameh Shoukry met Hezbollah envoys in Beirut. The group said the talks went well. "
        "Mr. Shoukry said he was hopeful. Later the Egyptian Foreign Minister flew home.", "2016-05-01")
    shoukry = actor_named(doc, "Shoukry")
    texts = mention_texts(shoukry)
    assert "Mr. Shoukry" in texts and "he" in texts and "the Egyptian Foreign Minister" in texts
    hez = actor_named(doc, "Hezbollah")
    assert "The group" in mention_texts(hez)
    _offsets_exact(doc)


def test_a_title_without_a_holder_in_the_text_is_a_sector_actor(run: Run) -> None:
    doc = run("The Russian Foreign Minister criticized the decision.", "2014-11-27")
    (actor,) = [a for a in doc.actors if a.code and a.code.startswith("RUS")]
    assert actor.code == "RUSGOV" and mention_texts(actor) == ["The Russian Foreign Minister"]


def test_lowercase_words_are_not_acronym_actors(run: Run) -> None:
    doc = run("He told us that it is time. The US is ready.", "2014-11-27")
    us = actor_named(doc, "United States")
    assert mention_texts(us) == ["US"]
    assert all(a.name != "Islamic State" for a in doc.actors)


def test_sample_article_done_when(sample_doc: Document) -> None:
    doc = sample_doc
    _offsets_exact(doc)
    expect = {"Putin": ("RUS", "GOV"), "Lavrov": ("RUS", "GOV"), "Moualem": ("SYR", "GOV"),
              "Bashar al-Assad": ("SYR", "GOV"), "Khatib": ("SYR", "OPP"), "Bogdanov": ("RUS", "GOV"),
              "Obama": ("USA", "GOV"), "National Coalition": ("SYR", "OPP")}
    for name, (country, sector) in expect.items():
        a = actor_named(doc, name)
        assert (a.country, a.sector) == (country, sector), name
    assert {"Sergei Lavrov", "Sergey Lavrov"} <= {m.text.split("Minister ")[-1] for m in
                                                   actor_named(doc, "Lavrov").mentions}
    assert any("Mualem" in t for t in mention_texts(actor_named(doc, "Moualem")))
    assert actor_named(doc, "Khatib").former
    coalition = mention_texts(actor_named(doc, "National Coalition"))
    assert "Syrian National Coalition" in coalition
    assert "National Coalition of Syrian Revolutionary and Opposition Forces" in coalition
    islamic_state = mention_texts(actor_named(doc, "Islamic State"))
    assert "IS" in islamic_state and "Islamic State" in islamic_state
    codes = {a.code for a in doc.actors}
    assert {"RUS", "USA", "WST", "SYRGOV", "SYRMIL"} <= codes
    west = next(a for a in doc.actors if a.code == "WST")
    assert west.country is None  # a region is no ISO country: it stays in the code only
    assert any(a.name == "US-led coalition" for a in doc.actors)
    # "he" in "President Obama has realized that he cannot ..." is Obama's
    assert "he" in mention_texts(actor_named(doc, "Obama"))


def test_pipeline_with_only_the_petr_suite_dictionaries(nlp: object, shared_data: Path) -> None:
    from eventwire import Pipeline, load_config
    from eventwire.actors.kb import dictionary_overrides

    base = shared_data / "universalpetrarch"
    overrides = dictionary_overrides([base / "PETR_Validate_actors_2_02.txt"], [base / "PETR_Validate_agents_2_02.txt"])
    p = Pipeline(load_config(overrides=overrides), stages=["clean", "nlp", "actors"])
    p.resources.provide(NLP, nlp)
    doc = p.extract("Gollum attacked Israeli troops near Gaza City. Vladimir Putin was not there.",
                    published="1997-03-01")
    codes = {a.name: a.code for a in doc.actors}
    assert codes["Gollum"] == "HOBGOV" and codes["Israeli Troops"] == "ISRMIL"
    assert "Vladimir Putin" not in codes or codes["Vladimir Putin"] is None  # builtin KB not loaded


def test_pronouns_follow_the_subject_and_keep_gender(run: Run) -> None:
    doc = run("Marjolein Riedijk met Neil Basu in London. She said he was wrong. Basu said his team agreed with her.",
              "2019-02-01")
    riedijk, basu = actor_named(doc, "Riedijk"), actor_named(doc, "Basu")
    assert mention_texts(riedijk)[1:] == ["She", "her"]
    assert mention_texts(basu)[1:] == ["he", "Basu", "his"]
    _offsets_exact(doc)


def test_they_follows_a_group_subject_not_a_person(run: Run) -> None:
    # "Syrian rebels left Aleppo. They attacked ...": the group; a person is never "they"
    doc = run("Syrian rebels left Aleppo on Monday. They attacked army positions near Idlib on Tuesday.", "2018-04-20")
    rebels = next(a for a in doc.actors if "Syrian rebels" in mention_texts(a))
    assert mention_texts(rebels) == ["Syrian rebels", "They"], [(a.name, mention_texts(a)) for a in doc.actors]
    doc = run("Vladimir Putin met Sergei Lavrov in Moscow. They discussed Syria.", "2014-01-01")
    assert all("They" not in mention_texts(a) for a in doc.actors)
    # too far back: two sentences between
    doc = run("Syrian rebels left Aleppo on Monday. The weather was cold. Roads were closed. They attacked army "
              "positions near Idlib.", "2018-04-20")
    assert all("They" not in mention_texts(a) for a in doc.actors)
    _offsets_exact(doc)


def test_token_spans_for_later_stages_match_the_mentions(run: Run, nlp: object) -> None:
    # The stage no longer leaves token spans in doc.scratch (Document.provenance replaced scratch): a later
    # stage takes them from the mention offsets, as the stage did, and they must cover the mention words.
    doc = run("Vladimir Putin met Sergei Lavrov in Moscow. He smiled.", "2014-01-01")
    parsed = nlp(doc.article.text)  # type: ignore[operator]
    for a in doc.actors:
        spans = (parsed.char_span(m.start, m.end, alignment_mode="expand") for m in a.mentions)
        tokens = [(sp.start, sp.end) for sp in spans if sp is not None]
        assert [parsed[s:e].text for s, e in tokens] == mention_texts(a)


def test_a_region_is_in_the_code_never_in_the_country(run: Run) -> None:
    doc = run("Western governments and Middle East leaders met in Geneva on Monday to discuss the crisis.")
    regional = [a for a in doc.actors if a.code and a.code[:3] in ("WST", "MEA")]
    assert regional, [(a.name, a.code) for a in doc.actors]
    assert all(a.country is None for a in regional)


def test_a_dictionary_person_coded_as_a_country_keeps_the_title_before_it(nlp: object, shared_data: Path) -> None:
    """PETRARCH's suite codes some people with a bare country code ("Romendacil" BRE): "Bree Prime Minister
    Romendacil" is one person, not a prime minister and a country (the split of "his mother Cambodian" is for
    the package's country words only)."""
    from eventwire import Pipeline, load_config
    from eventwire.actors.kb import dictionary_overrides

    base = shared_data / "universalpetrarch"
    overrides = dictionary_overrides([base / "PETR_Validate_actors_2_02.txt"], [base / "PETR_Validate_agents_2_02.txt"])
    p = Pipeline(load_config(overrides=overrides), stages=["clean", "nlp", "actors"])
    p.resources.provide(NLP, nlp)
    doc = p.extract("Bree Prime Minister Romendacil will meet Eriadori leaders on Sunday.", published="2010-01-01")
    pm = next(a for a in doc.actors if any("Romendacil" in m.text for m in a.mentions))
    assert any(m.text.startswith("Bree Prime Minister") or m.text.startswith("Prime Minister") for m in pm.mentions)
