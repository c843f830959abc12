"""Each coding mechanism on a sentence written for it (actors given by hand; see conftest)."""

from __future__ import annotations

import pytest

from .conftest import find

A = {"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR", "the rebels": "REB"}


def test_subject_and_object(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor criticized Gondor on Monday.", A)
    assert find(evs, "ACCUSE", "ARN", "GON")


def test_passive_agent_is_the_actor(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Gondor was criticized by Arnor.", A)
    assert find(evs, "ACCUSE", "ARN", "GON")
    assert not find(evs, "ACCUSE", "GON", "ARN")


def test_prepositional_object(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor met with Gondor in the capital.", A)
    assert find(evs, "CONSULT", "ARN", "GON")


def test_coordination_gives_compound_actor(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor and Rohan met with Gondor yesterday.", A)
    consult = find(evs, "CONSULT", "ARN", "GON")
    assert consult and {a.code for a in consult[0].actor} == {"ARN", "ROH"}


def test_reciprocal_compound_subject(code) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes a mutual act once ("all of the entities are considered as the actor"); the realnews
    # guidelines: "A and B met" is one event, source A, target B
    evs = code("Arnor and Gondor met on Tuesday.", A)
    assert find(evs, "CONSULT", "ARN", "GON") and not find(evs, "CONSULT", "GON", "ARN")
    # a compound subject of an act that is not mutual is one compound actor, not each acting on the other
    evs = code("Arnor and Gondor criticized the plan.", A)
    assert not find(evs, "ACCUSE", "ARN", "GON") and not find(evs, "ACCUSE", "GON", "ARN")


def test_a_visit_is_coded_from_the_visitor(code) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: "the visitor will always be coded as the actor and the host will be the recipient"
    evs = code("Arnor hosted Gondor on Monday.", A)
    visit = find(evs, "CONSULT", "GON", "ARN")
    assert visit and visit[0].mode == "visit" and visit[0].cameo == "042" and len(find(evs, "CONSULT")) == 1


def test_nominal_meeting_between(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("A meeting between Arnor and Gondor took place.", A)
    assert find(evs, "CONSULT", "ARN", "GON")


def test_possessive_nominal_and_visit_to(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor's visit to Gondor lasted two days.", A)
    visit = find(evs, "CONSULT", "ARN", "GON")
    assert visit and visit[0].cameo == "042" and visit[0].mode == "visit"


def test_light_verb_gives_actor_to_event_noun(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor conducted airstrikes against Mordor.", A)
    strike = find(evs, "ASSAULT", "ARN", "MOR")
    assert strike and strike[0].evidence.trigger.text == "airstrikes"
    evs = code("Arnor held talks with Gondor.", A)
    assert find(evs, "CONSULT", "ARN", "GON")


def test_control_refuse_is_reject(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor refused to cooperate with Gondor.", A)
    assert find(evs, "REJECT", "ARN", "GON")
    assert not [e for e in evs if e.type in ("COOPERATE", "SUPPORT") and e.is_fact]


def test_control_pledge_is_agree(code) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: promised cooperation is AGREE, one category and no category + auxiliary ("intent" is no mode)
    evs = code("Arnor pledged to support Gondor.", A)
    agree = find(evs, "AGREE", "ARN", "GON")
    assert agree and agree[0].mode is None and agree[0].cameo.startswith("03") and agree[0].is_fact
    assert not find(evs, "SUPPORT")
    # restating a standing commitment expresses support now
    evs = code("Arnor reaffirmed its commitment to supporting Gondor.", A)
    support = find(evs, "SUPPORT", "ARN", "GON")
    assert support and support[0].mode is None and support[0].cameo.startswith("05")
    # vowed violence is a threat; a promised withdrawal a concession
    assert find(code("Arnor vowed to attack Gondor.", A), "THREATEN", "ARN", "GON")
    assert find(code("Arnor promised to withdraw its troops from Gondor.", A), "CONCEDE", "ARN")


def test_a_decision_to_act_is_a_fact_of_its_clause(code) -> None:  # type: ignore[no-untyped-def]
    # The Guardian, 2018: "resigned over Trump's decision to withdraw troops from Syria": the decision (a
    # CONCEDE by PLOVER) was taken, though what it decides is to come; not a purpose, which is hypothetical
    evs = code("Boromir resigned over Arnor's decision to withdraw its troops from Gondor.", A)
    concede = find(evs, "CONCEDE", "ARN")
    assert concede and concede[0].is_fact, [(e.type, e.aux) for e in evs]
    evs = code("Arnor may announce a decision to withdraw its troops from Gondor.", A)
    assert not [e for e in find(evs, "CONCEDE", "ARN") if e.is_fact]
    evs = code("Arnor sent troops to attack Gondor.", A)
    assert not [e for e in find(evs, "ASSAULT", "ARN") if e.is_fact]


def test_the_setting_of_an_intended_act_took_place(code) -> None:  # type: ignore[no-untyped-def]
    # The Guardian, 2018: "Trump made the decision to withdraw from Syria during a conversation with Erdogan"
    # coded the conversation as a promise (AGREE) and as hypothetical; it happened, as a meeting
    evs = code("Arnor made the decision to withdraw from Mordor during a conversation with Gondor.", A)
    talk = [e for e in evs if e.evidence.trigger.text == "conversation"]
    assert talk and talk[0].type == "CONSULT" and talk[0].is_fact, [(e.type, e.aux) for e in talk]
    assert find(evs, "CONCEDE", "ARN")  # the withdrawal is still what was decided


def test_object_control_request(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor urged Gondor to attack Mordor.", A)
    assert find(evs, "REQUEST", "ARN", "GON")
    # begging and pressuring are asking too: what is asked for is no act of its own
    for verb in ("begged", "pressured"):
        evs = code(f"Arnor {verb} Gondor to withdraw its troops from Mordor.", A)
        assert find(evs, "REQUEST", "ARN", "GON") and not find(evs, "RETREAT"), (verb, [e.type for e in evs])


def test_negation(code) -> None:  # type: ignore[no-untyped-def]
    for text in ("Arnor has not invited Gondor to the talks.", "Arnor does not cooperate with Gondor."):
        evs = code(text, A)
        assert evs, text
        assert all("negation" in e.aux and not e.is_fact for e in evs), text


def test_modal_and_conditional_are_hypothetical(code) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Arnor may attack Gondor.",
        "Arnor could criticize Gondor.",
        "If Arnor attacks Gondor, Rohan will respond.",
    ):
        evs = [e for e in code(text, A) if "ARN" in [a.code for a in e.actor]]
        assert evs and all("hypothetical" in e.aux for e in evs), text
    evs = code("Arnor cannot destroy Mordor.", A)
    assert evs and all({"negation", "hypothetical"} <= set(e.aux) for e in evs)


def test_opinion_is_not_a_fact(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Analysts believe that Arnor attacked Gondor.", A)
    attack = find(evs, "ASSAULT", "ARN", "GON")
    assert attack and "hypothetical" in attack[0].aux


def test_reporting_act_kept_apart(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan said that Arnor attacked Gondor.", A)
    attack = find(evs, "ASSAULT", "ARN", "GON")
    assert attack and attack[0].is_fact  # reported, not doubted
    assert not [e for e in evs if "ROH" in [a.code for a in e.actor]]  # "said" is no event


def test_future(code) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: future meetings and visits are AGREE, a fact (not CONSULT + future)
    evs = code("Arnor will visit Gondor next week.", A)
    agree = find(evs, "AGREE", "ARN", "GON")
    assert agree and "future" not in agree[0].aux and agree[0].is_fact and agree[0].cameo == "036"
    assert not find(evs, "CONSULT")
    # a future act that is not cooperation stays future (not a fact)
    evs = code("Analysts said Arnor will criticize Gondor.", A)
    accuse = find(evs, "ACCUSE", "ARN", "GON")
    assert accuse and "future" in accuse[0].aux


def test_historical_from_date(code) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor attacked Gondor in 1995."
    evs = code(text, A, times=[("1995", "1995")])
    attack = find(evs, "ASSAULT", "ARN", "GON")
    assert attack and attack[0].date.value == "1995" and "historical" in attack[0].aux


def test_date_from_governing_time_else_published(code) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor met with Gondor on Monday, and Rohan criticized Mordor."
    evs = code(text, A, times=[("Monday", "2014-11-24")])
    assert find(evs, "CONSULT", "ARN", "GON")[0].date.value == "2014-11-24"
    crit = find(evs, "ACCUSE", "ROH", "MOR")[0]
    assert crit.date.value == "2014-11-27" and crit.date.precision == "published"


def test_location_from_clause(code) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor met with Gondor in Minas Tirith."
    evs = code(text, A, places=[("Minas Tirith", "city")])
    assert find(evs, "CONSULT", "ARN", "GON")[0].location.name == "Minas Tirith"


def test_quote_link(code) -> None:  # type: ignore[no-untyped-def]
    text = 'Rohan said: "Arnor attacked Gondor yesterday."'
    evs = code(text, A, quotes=['"Arnor attacked Gondor yesterday."'])
    assert find(evs, "ASSAULT", "ARN", "GON")[0].quote == "q0"


def test_same_event_mentions_merge(code) -> None:  # type: ignore[no-untyped-def]
    text = "Arnor criticized Gondor. Later, Arnor criticized Gondor again."
    evs = find(code(text, A), "ACCUSE", "ARN", "GON")
    assert len(evs) == 1 and len(evs[0].mentions) == 2
    assert {m.trigger.start for m in evs[0].mentions} == {
        i for i in (text.find("criticized"), text.rfind("criticized"))
    }


def test_one_act_told_twice_is_one_event(code) -> None:  # type: ignore[no-untyped-def]
    # a headline's agentless act restated with its agent ("Officer shot by parolee" ... "shot by a man")
    evs = find(code("Gondor was attacked. On Monday Arnor attacked Gondor near the border.", A), "ASSAULT")
    assert len(evs) == 1 and len(evs[0].mentions) == 2 and [a.code for a in evs[0].actor] == ["ARN"]
    # the same named pair, the same kind of act in other words ("stabbed" ... "a vicious assault on")
    evs = find(code("Arnor attacked Gondor. Arnor launched a vicious assault on Gondor.", A), "ASSAULT")
    assert len(evs) == 1 and len(evs[0].mentions) == 2


def test_acts_that_differ_stay_apart(code) -> None:  # type: ignore[no-untyped-def]
    # another target, with the agent unnamed in one of them: two acts
    assert len(find(code("Gondor was attacked. Arnor attacked Rohan.", A), "ASSAULT")) == 2
    # the same pair on two dates: two acts
    evs = code("Arnor attacked Gondor on Monday. Arnor attacked Gondor again on 3 March 2013.", A,
               times=[("Monday", "2014-11-24"), ("3 March 2013", "2013-03-03")])
    assert len(find(evs, "ASSAULT", "ARN", "GON")) == 2


def test_evidence_traces_to_text(code) -> None:  # type: ignore[no-untyped-def]
    text = "First sentence here. Arnor attacked Gondor."
    ev = find(code(text, A), "ASSAULT", "ARN", "GON")[0]
    assert text[ev.evidence.trigger.start : ev.evidence.trigger.end] == "attacked"
    assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence == "Arnor attacked Gondor."
    assert ev.rule and 0 < ev.confidence <= 1 and ev.cameo and ev.quad_class == 4 and ev.goldstein < 0


def test_no_explosion(code) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Arnor, Gondor, Rohan and Mordor attacked, criticized, accused, threatened, sanctioned, "
        "condemned and invaded the rebels."
    )
    evs = code(text, A)
    assert len(evs) <= 6
    assert all(len(e.cameo) <= 4 and e.cameo.isdigit() for e in evs)


def test_words_inside_actor_names_are_not_triggers(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("The Alliance for Support and Cooperation met with Gondor.",
               {**A, "The Alliance for Support and Cooperation": "ASC"})
    assert [e.evidence.trigger.text for e in evs] == ["met"] * len(evs)


def test_anaphoric_group_takes_the_named_organisation(nlp, coder) -> None:  # type: ignore[no-untyped-def]
    from .conftest import make_doc

    doc = make_doc(nlp, "Arnor ignored the Free Coalition, but an Arnor envoy met with the group in the city.",
                   {"Arnor": "ARN", "the Free Coalition": "FCO", "an Arnor envoy": "ARNGOV"})
    for a in doc.actors:
        a.sector = {"ARN": None, "FCO": "OPP", "ARNGOV": "GOV"}[a.code or ""]
    evs = coder.code(doc)
    assert find(evs, "CONSULT", "ARNGOV", "FCO")


def test_years_before_is_historical(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor restored ties with Gondor, five years after Rohan attacked Mordor.", A)
    attack = find(evs, "ASSAULT", "ROH", "MOR")
    assert attack and "historical" in attack[0].aux
    assert all("historical" not in e.aux for e in evs if "ARN" in [a.code for a in e.actor])


def test_names_in_a_misparsed_list_all_act(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Mordor, the Shire, Arnor and Rohan welcomed a resumption of formal diplomatic ties with Gondor.",
               {**A, "the Shire": "SHI"})
    actors = {a.code for e in evs if e.cameo and e.cameo.startswith("05") for a in e.actor}
    assert {"MOR", "ARN", "ROH"} <= actors



def test_every_subject_counts(code) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "foes" and "Arnor" on the verb as two subjects
    evs = code("Old foes Arnor and Gondor met on Tuesday.", A)
    assert find(evs, "CONSULT", "ARN", "GON")


def test_coordinated_multiword_names_in_the_verbs_phrase(code) -> None:  # type: ignore[no-untyped-def]
    # the coordination hangs on "Tirith", the head of the two-word name: both sides are recipients
    evs = code("Arnor welcomed a resumption of ties between Minas Tirith and Mordor.", {**A, "Minas Tirith": "MTR"})
    welcome = [e for e in evs if e.cameo and e.cameo.startswith("05") and e.actor and e.actor[0].code == "ARN"]
    assert welcome and {a.code for a in welcome[0].recipient} == {"MTR", "MOR"}


def test_it_in_a_reported_clause_is_the_reporter(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor indicated it criticized Gondor on Monday.", A)
    assert find(evs, "ACCUSE", "ARN", "GON")


def test_a_scheduled_act_is_future(code) -> None:  # type: ignore[no-untyped-def]
    # "are to be questioned", "is due to attack": planned, not done
    for text in ("The rebels are to be criticized by Arnor.", "Arnor is due to attack Gondor.",
                 "Arnor is scheduled to attack Gondor."):
        evs = [e for e in code(text, A) if e.type in ("ACCUSE", "ASSAULT")]
        assert evs and all("future" in e.aux for e in evs), (text, [(e.type, e.aux) for e in evs])
    # "the plan was to attack": no scheduled act of its subject
    evs = [e for e in code("Arnor attacked Gondor, as it was to be expected.", A) if e.type == "ASSAULT"]
    assert evs and "future" not in evs[0].aux


def test_backshifted_would_is_future_but_would_have_is_not_a_fact(code) -> None:  # type: ignore[no-untyped-def]
    # "said it would visit" reports "I will visit": a promised visit, AGREE (PLOVER)
    (visit,) = find(code("Arnor said it would visit Gondor.", A), "AGREE", "ARN", "GON")
    assert visit.is_fact and "future" not in visit.aux
    (visit,) = find(code("Arnor said it would have visited Gondor.", A), "CONSULT", "ARN", "GON")
    assert not visit.is_fact
    # announced violence is a threat; refused cooperation announced for the future a rejection
    assert find(code("Arnor said it would attack Gondor.", A), "THREATEN", "ARN", "GON")
    assert find(code("Arnor said it will not meet Gondor.", A), "REJECT", "ARN", "GON")


def test_not_hung_on_an_adverb_still_negates(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor did not even ever criticize Gondor.", A)
    accuse = find(evs, "ACCUSE", "ARN", "GON")
    assert accuse and not accuse[0].is_fact and "negation" in accuse[0].aux


def test_a_passive_participle_on_a_noun_makes_it_the_target(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan met Gondor about the rebels captured by Arnor on Monday.", A)
    assert not [e for e in evs if e.cameo and e.cameo.startswith("17") and "REB" in [a.code for a in e.actor]]
    evs = code("Rohan said the rebels captured in Mordor were moved.", A)
    assert not [e for e in evs if e.evidence.trigger.text == "captured" and "REB" in [a.code for a in e.actor]]


def test_when_is_not_whom(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("At the time of the Arnor offensive, Gondor was heading towards bankruptcy.", A)
    assert not [e for e in evs if e.evidence.trigger.text == "heading" and "ARN" in [a.code for a in e.recipient]]


def test_a_partner_in_coordination_is_not_the_target(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor confirmed it had hit the city in coordination with Gondor.", A)
    assert not [e for e in evs if "GON" in [a.code for a in e.recipient] + [a.code for a in e.actor]
                and e.type == "ASSAULT"]


def test_idioms_are_no_events(code) -> None:  # type: ignore[no-untyped-def]
    assert not code("The Arnor envoy gave birth to a daughter in Gondor.", A)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Arnor called for a boycott against Mordor.", "boycott"),  # asked for
        ("Arnor said that an embargo against Mordor would not work.", "embargo"),  # subject of a conditional
        ("Arnor sent troops to attack Mordor on Monday.", "attack"),  # a purpose clause
        ("Rohan, the envoy to the global coalition to attack Mordor, said so.", "attack"),  # what it is for
    ],
)
def test_events_wished_intended_or_conditional_are_not_facts(code, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in code(text, A) if e.evidence.trigger.text == trigger]
    assert found and not any(e.is_fact for e in found)


def test_reported_act_belongs_to_its_own_actor(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan said Mordor attacked Gondor on Monday.", A)
    assert find(evs, "ASSAULT", "MOR", "GON")
    assert not find(evs, "ASSAULT", "ROH")


def test_received_from_is_the_givers_act(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan has received strong backing from Gondor.", A)
    assert find(evs, "SUPPORT", "GON", "ROH") and not find(evs, "SUPPORT", "ROH", "GON")


def test_accused_of_is_the_accuseds_act(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor accused Rohan of attacking Mordor.", A)
    assert find(evs, "ASSAULT", "ROH", "MOR")
    assert not find(evs, "ASSAULT", "ARN", "MOR")
