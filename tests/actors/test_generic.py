"""Generic actors, resolution that prefers no code to a wrong one, and coreference within an article.

Sentences are written for the purpose (news-like, not taken from the real-news gold). Assertions hold on
properties that must survive a broader KB: a country that contradicts the text is never given, a sector
noun always gives its sector.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.model import Agent, Role, compose_code, is_country
from eventwire.actors.resolve import ActorResolver, _role_matches
from eventwire.document import Actor, Document

Run = Callable[..., Document]


def holding(doc: Document, text: str) -> Actor:
    """The one actor with a mention whose text is ``text`` (fails if none or several)."""
    found = [a for a in doc.actors if any(m.text == text for m in a.mentions)]
    assert len(found) == 1, f"{text!r}: {[(a.name, a.code, [m.text for m in a.mentions]) for a in doc.actors]}"
    return found[0]


def texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


# -- generic actors ----------------------------------------------------------------------------------------
def test_bare_sector_nouns_are_actors_with_their_sector_and_no_country(run: Run) -> None:
    doc = run("Police detained a blogger in the capital on Sunday. Protesters gathered outside the court, "
              "and critics said the charges were political.", "2019-03-04")
    police = holding(doc, "Police")
    assert (police.country, police.sector, police.code, police.kb_id) == (None, "COP", "COP", None)
    protesters = holding(doc, "Protesters")
    assert protesters.country is None and protesters.code == "OPP"
    critics = holding(doc, "critics")
    assert critics.country is None and critics.kb_id is None


def test_a_sector_word_before_a_noun_of_people_names_its_members(run: Run) -> None:
    # "opposition figures" are the opposition's people; "the military campaign" is no actor
    doc = run("The government accused opposition figures of plotting a coup. The military campaign went on.",
              "2019-03-04")
    figures = holding(doc, "opposition figures")
    assert figures.sector == "OPP" and figures.country is None
    assert not any(m.text.endswith("campaign") for a in doc.actors for m in a.mentions)
    # what a group holds stands for it as a target of force
    doc = run("Helicopter gunships fired on the militant positions. Jets struck rebel strongholds.", "2019-03-04")
    assert holding(doc, "the militant positions").sector in ("UAF", "REB")
    assert holding(doc, "rebel strongholds").sector == "REB"


def test_a_country_word_before_the_noun_gives_the_country(run: Run) -> None:
    doc = run("Greek police fired tear gas at students. Iran's government denied the report.", "2019-03-04")
    assert holding(doc, "Greek police").code == "GRCCOP"
    gov = next(a for a in doc.actors if a.code == "IRNGOV")
    assert gov.sector == "GOV"
    # another adjective between the country word and the noun ("Syrian Kurdish fighters")
    doc = run("Washington armed Syrian Kurdish fighters last year.", "2019-03-04")
    fighters = next(a for a in doc.actors if any("fighters" in t for t in texts(a)))
    assert fighters.country == "SYR"


def test_forces_of_a_people_or_against_someone_are_an_armed_group_not_the_state(run: Run) -> None:
    # realnews guardian-639: "Washington's support for anti-Assad Syrian Kurdish forces" is support for the
    # YPG's side (SYR, REB), not for Syria's army; "Syrian forces" alone stay the state's
    doc = run("Turkey condemned Washington's support for anti-Assad Syrian Kurdish forces.", "2018-01-15")
    forces = next(a for a in doc.actors if any("forces" in t for t in texts(a)))
    assert (forces.country, forces.sector) == ("SYR", "REB")
    doc = run("Syrian Kurdish forces captured the town. Syrian forces shelled it.", "2018-01-15")
    assert {a.code for a in doc.actors} >= {"SYRREB", "SYRMIL"}


def test_a_bare_noun_refers_back_only_when_its_country_is_not_in_doubt(run: Run) -> None:
    doc = run("Greek police arrested two men in Athens. Police said both were armed.", "2019-03-04")
    police = holding(doc, "Greek police")
    assert "Police" in texts(police)
    # two governments named before: "the government" is left without a country rather than guessed
    doc = run("The Greek government and the Turkish government met in Ankara. The government later denied it.",
              "2019-03-04")
    later = holding(doc, "The government")
    assert later.country is None and later.sector == "GOV"


def test_indefinite_singulars_are_new_people_and_the_definite_refers_back(run: Run) -> None:
    doc = run("A man attacked a bus driver on Friday. Another man filmed the attack. "
              "The man was arrested at the scene.", "2019-03-04")
    men = [a for a in doc.actors if a.name.lower().endswith("man")]
    assert len(men) == 2, [(a.name, texts(a)) for a in doc.actors]
    first, second = sorted(men, key=lambda a: a.mentions[0].start)
    assert texts(first) == ["man"]  # "A man"
    assert texts(second) == ["man", "The man"]  # "Another man", then the latest man
    assert all(a.country is None for a in men)


def test_plural_mentions_of_one_noun_are_one_actor(run: Run) -> None:
    doc = run("Protesters blocked the main road. Riot police dispersed the protesters with water cannon.",
              "2019-03-04")
    protesters = holding(doc, "Protesters")
    assert "the protesters" in texts(protesters)


def test_gunmen_are_criminals_not_a_country(run: Run) -> None:
    doc = run("A gunman opened fire on worshippers on Friday.", "2019-03-04")
    gunman = holding(doc, "gunman")
    assert (gunman.country, gunman.sector) == (None, "CRM")


def test_an_act_noun_is_no_generic_actor_but_a_pronoun_can_be_an_unnamed_man(run: Run) -> None:
    doc = run("The robbery took place at noon. A man entered the shop, and he fled with the cash.", "2019-03-04")
    assert all("robber" not in a.name.lower() for a in doc.actors), [(a.name, a.code) for a in doc.actors]
    assert texts(holding(doc, "man")) == ["man", "he"]


def test_places_institutions_and_conflicts_are_no_actors(run: Run) -> None:
    doc = run("Shells hit the village and a school near the border. The community fears the insurgency will "
              "spread, and two children applied for Australian citizenship.", "2019-03-04")
    for a in doc.actors:
        said = " ".join(texts(a)).lower()
        assert not any(w in said for w in ("village", "school", "community", "insurgency", "citizenship")), \
            (a.name, a.code, texts(a))


def test_a_deputy_is_an_actor_of_no_one_sector(run: Run) -> None:
    doc = run("Lavrov's deputy called the threat dangerous. A deputy walked out of the chamber.", "2019-03-04")
    for a in doc.actors:
        if any("deputy" in t for t in texts(a)):
            assert a.sector is None and a.code in (None, "RUS"), (a.name, a.code)


def test_names_with_a_possessive_inside_are_matched(run: Run) -> None:
    doc = run("Turkish jets struck the Kurdish People\u2019s Protection Units, which Ankara links to the "
              "Kurdistan Workers\u2019 Party. Australia\u2019s government said little.", "2019-03-04")
    assert holding(doc, "Kurdish People\u2019s Protection Units").code == "SYRREB"
    assert holding(doc, "Kurdistan Workers\u2019 Party").code == "TURREB"
    assert holding(doc, "Australia\u2019s government").code == "AUSGOV"  # the possessive still composes


def test_a_party_named_with_its_country_has_that_country(run: Run) -> None:
    for text in ("The British Labour Party voted against the bill.", "Britain's Labour Party opposed the plan."):
        party = next(a for a in run(text, "2019-03-04").actors if "Labour" in a.name)
        assert (party.country, party.code) == ("GBR", "GBRPTY"), text


def test_the_officials_of_an_organisation_of_states_are_that_organisation(run: Run) -> None:
    doc = run("European Union officials said the talks would resume. EU leaders met on Friday.", "2019-03-04")
    eu = holding(doc, "European Union officials")
    assert (eu.name, eu.code, eu.country) == ("European Union", "IGOEUREEC", None)
    assert "EU leaders" in texts(eu)


def test_a_country_after_a_sector_noun_is_not_its_name(run: Run) -> None:
    doc = run("His father was a teacher and his mother Cambodian.", "2019-03-04")
    assert all(a.sector is None for a in doc.actors if a.country == "KHM"), [(a.name, a.code) for a in doc.actors]
    doc = run("The UK ambassador to Lebanon Tom Fletcher said aid would continue.", "2019-03-04")
    fletcher = next(a for a in doc.actors if "Fletcher" in a.name)
    assert fletcher.country == "GBR"  # Lebanon is where he serves


# -- coreference -------------------------------------------------------------------------------------------
def test_a_surname_with_a_particle_is_the_person_named_in_full(run: Run) -> None:
    doc = run("De Mistura said the talks had stalled. The UN envoy Staffan de Mistura met both delegations, "
              "and de Mistura later flew to Moscow.", "2017-03-04")
    envoy = next(a for a in doc.actors if a.name == "Staffan de Mistura")
    assert {"De Mistura", "de Mistura"} <= set(texts(envoy))
    assert not [a for a in doc.actors if a.name.lower() == "de mistura"]


def test_a_pronoun_agrees_with_the_gender_of_a_given_name(run: Run) -> None:
    doc = run("Dr. Karen Lowell was on the boulevard. \"I saw him raise the gun,\" Dr. Lowell said.", "2019-03-04")
    assert "him" not in texts(holding(doc, "Dr. Karen Lowell"))


def test_a_surname_that_is_also_a_sector_noun_is_the_person(run: Run) -> None:
    doc = run("Foreign Minister Julie Bishop met the delegation. Bishop said the talks went well.", "2019-03-04")
    bishop = next(a for a in doc.actors if a.name == "Julie Bishop")
    assert "Bishop" in texts(bishop)
    assert all(a.sector != "CHR" for a in doc.actors), [(a.name, a.code) for a in doc.actors]


def test_a_group_noun_refers_back_only_to_a_group_of_its_kind(run: Run) -> None:
    doc = run("The CIA ended its programme last year. The rebels say they now lack weapons. Islamic State "
              "lost Raqqa, and the militants fled east.", "2019-03-04")
    assert holding(doc, "the militants").code == "IMGMUSISI"
    assert holding(doc, "The rebels").sector == "REB"


def test_headline_words_in_title_case_are_no_actor(run: Run) -> None:
    title = "Monitor Condemns Border Blast that Killed Two Guards"
    doc = run(f"{title}\nThe head of the monitoring mission condemned the blast near the border on Sunday.",
              "2019-03-04", title=title)
    assert not [a for a in doc.actors if "Condemns" in a.name], [(a.name, a.code) for a in doc.actors]


def test_a_sector_noun_used_as_a_verb_is_no_actor(run: Run) -> None:
    doc = run("China advocates a peaceful settlement of the dispute.", "2019-03-04")
    assert all(a.sector != "JUD" for a in doc.actors), [(a.name, a.code) for a in doc.actors]


# -- resolution that prefers no code to a wrong one ----------------------------------------------------------
def test_no_country_read_from_inside_a_persons_name(run: Run) -> None:
    doc = run("Lisa Monaco, a former homeland security adviser, said the plan was flawed.", "2019-03-04")
    assert all(a.country != "MCO" for a in doc.actors), [(a.name, a.code) for a in doc.actors]
    assert "adviser" in texts(holding(doc, "Lisa Monaco"))  # the apposition is the same person


def test_no_rebel_group_from_part_of_an_organisations_name(run: Run) -> None:
    doc = run("The World Trade Organization ruled against the tariffs on Monday.", "2019-03-04")
    for a in doc.actors:
        assert a.sector not in ("REB", "UAF"), (a.name, a.code)
    doc = run("Researchers at the Century Foundation published the figures.", "2019-03-04")
    assert all(a.code is None or "REB" not in a.code for a in doc.actors), [(a.name, a.code) for a in doc.actors]


def test_a_place_named_after_a_person_is_not_that_person(run: Run) -> None:
    doc = run("US troops are based at the Ayn al-Assad air base in western Iraq.", "2019-03-04")
    assert all(a.code != "SYRGOV" for a in doc.actors), [(a.name, a.code) for a in doc.actors]


def test_the_texts_country_wins_over_a_kb_organisation_of_another_country(run: Run) -> None:
    doc = run("Mexico's Senate approved the trade deal on Thursday.", "2019-03-04")
    senate = next(a for a in doc.actors if any("Senate" in t for t in texts(a)))
    assert (senate.country, senate.sector) == ("MEX", "LEG")
    doc = run("The Mexican Senate approved the trade deal on Thursday.", "2019-03-04")
    senate = next(a for a in doc.actors if any("Senate" in t for t in texts(a)))
    assert senate.country == "MEX"


def test_an_unknown_title_holder_gets_no_role_code_as_country(run: Run) -> None:
    doc = run("Mayor Ellen Varga opened the bridge. Reporter Tom Fisk covered it.", "2019-03-04")
    for a in doc.actors:
        assert a.country is None or is_country(a.country), (a.name, a.country)
    assert holding(doc, "Mayor Ellen Varga").sector == "GOV"


def test_a_far_rebel_group_needs_its_country_in_the_text(run: Run) -> None:
    doc = run("A man was shot on a Red Line train in Chicago on Tuesday night.", "2019-03-04")
    assert all(a.country != "GRC" for a in doc.actors), [(a.name, a.code) for a in doc.actors]


# -- coreference ------------------------------------------------------------------------------------------
def test_a_bare_title_is_the_named_holder_of_that_office(run: Run) -> None:
    doc = run("Saudi Crown Prince Mohammed bin Salman met Donald Trump in Washington. "
              "The crown prince later flew to Paris.", "2018-03-20")
    mbs = holding(doc, "The crown prince")
    assert mbs.kb_id is not None and mbs.country == "SAU"
    assert "Washington" not in texts(mbs)


def test_the_president_is_never_a_city(run: Run) -> None:
    doc = run("Officials in Baghdad and Washington spoke on Monday. The president said talks would go on.",
              "2019-03-04")
    pres = holding(doc, "The president")
    assert pres.kb_id is None or not pres.kb_id.startswith("supplement:"), pres


def test_a_bare_title_among_several_holders_goes_to_the_salient_one_or_to_no_one(run: Run) -> None:
    doc = run("Emmanuel Macron received Recep Tayyip Erdogan in Paris on Friday. Macron pressed for a ceasefire. "
              "Later, Macron spoke to reporters. The president said talks would resume.", "2019-03-04")
    assert "The president" in texts(holding(doc, "Emmanuel Macron"))
    doc = run("Emmanuel Macron received Recep Tayyip Erdogan in Paris on Friday. The talks lasted three hours. "
              "Trade was also on the agenda. The president said talks would resume.", "2019-03-04")
    pres = holding(doc, "The president")
    assert pres.kb_id is None and pres.country is None


def test_a_bare_title_is_not_the_holder_the_story_names_as_another_countrys(run: Run) -> None:
    # BBC-style, 2016: Putin is "the Russian president"; "the president" is the story's own, Obama
    doc = run("President Barack Obama has said that he ordered Russia's Vladimir Putin to stop. Implying that the "
              "Russian president knew about the hacks, Mr Obama said Putin was in charge. The president said he "
              "had warned Mr Putin at a summit in September.", "2016-12-17")
    assert "The president" in texts(holding(doc, "Mr Obama"))


def test_a_possessed_title_is_never_another_countrys_holder(run: Run) -> None:
    doc = run("Recep Tayyip Erdogan met Vladimir Putin in Sochi. Erdogan said Syria's president must go.",
              "2019-03-04")
    assert holding(doc, "Syria's president").country == "SYR"
    assert all(a.country == "SYR" for a in doc.actors if any("president" in t for t in texts(a)))


def test_the_country_is_the_one_country_just_named(run: Run) -> None:
    doc = run("Venezuela has been hit by new sanctions. The country says it will resist them.", "2019-03-04")
    assert "The country" in texts(holding(doc, "Venezuela"))


def test_a_given_name_alone_is_the_person_named_in_full(run: Run) -> None:
    doc = run("Mahathir Mohamad accused Najib Razak of corruption. Najib denied it, and Mahathir repeated "
              "the charge.", "2018-05-20")
    assert len(holding(doc, "Najib Razak").mentions) >= 2
    assert "Mahathir" in texts(holding(doc, "Mahathir Mohamad"))


def test_a_title_before_a_name_does_not_split_the_person(run: Run) -> None:
    doc = run("Donald Trump spoke on Monday. President Trump then left for Florida.", "2019-03-04")
    assert "President Trump" in texts(holding(doc, "Donald Trump"))


# -- the pieces -------------------------------------------------------------------------------------------
def test_compose_code_never_puts_a_sector_in_the_country_slot() -> None:
    police = Agent("police", "COP")
    assert compose_code("TUR", police) == ("TURCOP", "TUR", "COP")
    assert compose_code(None, police) == ("COP", None, "COP")
    assert compose_code("TUR", Agent("critic", "")) == ("TUR", "TUR", None)
    assert compose_code(None, None) == (None, None, None)
    assert not is_country("GOV") and not is_country("IGO") and not is_country("MEA") and is_country("TUR")


@pytest.mark.parametrize(("phrase", "role", "ok"), [
    ("president", "President", True), ("crown prince", "Crown Prince", True),
    ("foreign minister", "Foreign Minister", True), ("minister", "Prime Minister", True),
    ("president", "Vice President", False), ("prime minister", "Deputy Prime Minister", False),
    ("foreign minister", "Defence Minister", False),
])
def test_role_matches(phrase: str, role: str, ok: bool) -> None:
    assert _role_matches(phrase, role) is ok


def _fictional_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_entry("country:ARN", "Arnor", "country", [Role("ARN")], ["Arnor", "Arnorian"], "test", 20)
    kb.add_entry("country:GON", "Gondor", "country", [Role("GON")], ["Gondor"], "test", 20)
    kb.add_entry("a:legion", "Grey Legion", "org", [Role("ARNMIL")], ["Grey Legion"], "test", 10)
    kb.add_entry("g:legion", "Grey Legion", "org", [Role("GONREB")], ["Grey Legion"], "test", 10)
    return kb


def test_a_margin_over_the_runner_up(nlp: Any) -> None:
    """Two entries of one priority for the same words, of different countries: the article must name one."""
    resolver = ActorResolver(_fictional_kb())
    found = resolver.resolve(nlp("The Grey Legion crossed the river at dawn."), "2019-03-04")
    legion = next(a for a in found if "Legion" in a.name)
    assert legion.code is None and legion.kb_id is None
    found = resolver.resolve(nlp("In Gondor, the Grey Legion crossed the river at dawn."), "2019-03-04")
    legion = next(a for a in found if "Legion" in a.name)
    assert legion.code == "GONREB"


# -- a city gives the country of its police and courts ----------------------------------------------------
def test_a_city_of_one_country_gives_its_police_and_courts_that_country(run: Run) -> None:
    doc = run("Winnipeg police arrested two men on Friday. An Oakland officer was wounded, and police in "
              "Istanbul detained a suspect. The Regina Police Service said the Kayseri court had ruled.",
              "2017-03-04")
    assert (holding(doc, "Winnipeg police").country, holding(doc, "Winnipeg police").sector) == ("CAN", "COP")
    assert holding(doc, "Oakland officer").code == "USACOP"
    assert holding(doc, "Regina Police Service").code == "CANCOP"
    istanbul = next(a for a in doc.actors if a.name == "Istanbul police")
    assert istanbul.code == "TURCOP"
    assert next(a for a in doc.actors if any("court" in t for t in texts(a))).code == "TURJUD"


def test_a_city_name_two_countries_share_or_a_state_gives_no_country_but_a_capital_does(run: Run) -> None:
    doc = run("Kingston police said the man was released. Virginia police are investigating.", "2017-03-04")
    assert all(a.country is None for a in doc.actors), [(a.name, a.code) for a in doc.actors]
    doc = run("Moscow police detained dozens of protesters.", "2017-03-04")
    assert holding(doc, "Moscow police").code == "RUSCOP"  # a capital's police: its country, not its government


def test_officials_in_a_city_get_no_country_from_it(run: Run) -> None:
    doc = run("Officials in Idlib said the shelling continued.", "2018-03-04")
    assert all(a.country is None for a in doc.actors if a.sector == "GOV"), [(a.name, a.code) for a in doc.actors]


def test_a_spokesman_speaks_for_the_sector_before_him(run: Run) -> None:
    doc = run("Turkish police spokesman Ali Kaya said two suspects were held.", "2017-03-04")
    assert next(a for a in doc.actors if "Kaya" in a.name).code == "TURCOP"


def test_kurdish_forces_are_their_own_actor_with_no_country(run: Run) -> None:
    doc = run("Kurdish forces took the town on Monday. Government forces withdrew.", "2018-03-04")
    kurdish = holding(doc, "Kurdish forces")
    assert (kurdish.name, kurdish.country) == ("Kurdish forces", None)
    assert "Government forces" not in texts(kurdish)


def test_a_region_word_is_no_owner_inside_a_name_after_pro_or_before_a_title(run: Run) -> None:
    doc = run("Attacks challenged the pro-Western kingdom. He was sent to Western State Hospital. The Middle "
              "East minister, Jane Doe, spoke.", "2016-12-20")
    for a in doc.actors:
        assert not (a.code or "").startswith(("WST", "MEA")), (a.name, a.code, texts(a))
    doc = run("Western leaders condemned the attack.", "2016-12-20")
    assert holding(doc, "Western leaders").code == "WSTGOV"


def test_a_verb_inside_a_person_entity_splits_the_names(run: Run) -> None:
    doc = run("UN envoy Staffan de Mistura met Bashar Ja\u2019afari. Ja\u2019afari accused de Mistura of bias.",
              "2017-03-04")
    envoy = next(a for a in doc.actors if a.name == "Staffan de Mistura")
    assert all("accused" not in t for t in texts(envoy)), texts(envoy)
