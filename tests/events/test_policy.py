"""The coding policy on top of the imported dictionary: argument constraints, readings left out, standing
states, modes (actors given by hand; see conftest)."""

from __future__ import annotations

from eventwire.events.patterns import PatternSet, load_patterns, parse_ewp

from .conftest import find

A = {"Arnor": "ARN", "Gondor": "GON", "Rohan": "ROH", "Mordor": "MOR", "Smith": "SMI"}


def test_argument_constraints_parse_with_classes_and_entity_labels() -> None:
    pset = parse_ewp(
        "@person ent:person|critic\nt.fire V:fire dobj:@person|aide => ---\nt.threat N:threat head:pose => ---\n",
        "t",
    )
    (fire,) = pset.get("V", "fire")
    (arg,) = fire.constraints
    assert arg.kind == "dobj" and arg.classes == ("person",) and arg.phrases == (("aide",),)
    assert pset.words("person") == {"ent:person", "critic"}
    (threat,) = pset.get("N", "threat")
    assert threat.constraints[0].kind == "head" and threat.specificity == 2


def test_a_person_fired_is_no_attack(code) -> None:  # type: ignore[no-untyped-def]
    assert not find(code("Arnor fired Smith on Monday.", A), "ASSAULT")
    assert not find(code("Arnor fired critics on Monday.", A), "ASSAULT")
    assert find(code("Arnor fired rockets into Mordor on Monday.", A), "ASSAULT", "ARN", "MOR")


def test_readings_left_out_of_the_imported_dictionary() -> None:
    pset = load_patterns()
    lead = [p for p in pset.get("V", "lead") if p.id.startswith("cameo.OVERSEE_MANAGE")]
    assert lead and all(p.control_only and not p.constraints for p in lead)  # a block left out whole
    give = [p for p in pset.get("V", "give") if not p.constraints]
    assert give and all(p.control_only for p in give)  # the bare reading codes only under a control verb
    assert any(p.constraints for p in pset.get("V", "give"))  # "give aid" still codes
    beat = [p for p in pset.get("V", "beat") if not p.constraints and p.source == "cameo.ewp.gz"]
    assert beat and all(p.control_only for p in beat)  # @no_bare


def test_user_files_are_not_filtered() -> None:
    pset = PatternSet()
    parse_ewp("@no_bare lead\n@disable mine.lead.0\n", "core.ewp", pset, priority=1)
    parse_ewp("mine.lead.0 V:lead => 060\n", "mine.ewp", pset, priority=2)
    pset.finish()
    assert [p.id for p in pset.get("V", "lead")] == ["mine.lead.0"]


def test_bare_reading_left_out_still_codes_under_control(code) -> None:  # type: ignore[no-untyped-def]
    assert not code("Arnor joined Gondor on Monday.", A)
    assert find(code("Arnor refused to join Gondor.", A), "REJECT", "ARN", "GON")
    # The Guardian, 2018: "Erdogan, who is facing stronger than expected opposition" was a meeting (AGREE)
    assert not code("Arnor, who is facing strong opposition from Gondor, will be forced into a run-off.", A)


def test_standing_relation_participle_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert not find(code("Rebels backed by Gondor attacked Mordor.", {**A, "Rebels": "REB"}), "SUPPORT")
    assert find(code("Gondor backed Arnor on Monday.", A), "SUPPORT", "GON", "ARN")
    # ... and a relative clause in the perfect (The Guardian, 2018: "insurgents fighting Assad, who has been
    # backed by both Russian and Iranian forces"); a relative clause telling an act stays one
    assert not find(code("Boromir met Arnor, who has been backed by Gondor for years.", A), "SUPPORT")
    assert not find(code("Arnor met Rohan, which has backed Gondor since the war.", A), "SUPPORT")
    assert find(code("Arnor criticised Rohan, which attacked Gondor on Monday.", A), "ASSAULT", "ROH", "GON")


def test_war_alliance_and_posed_threats_are_states(code) -> None:  # type: ignore[no-untyped-def]
    assert not code("Arnor's war against Mordor lasted ten years.", A)
    assert not find(code("Arnor represents a threat to Gondor.", A), "THREATEN")
    assert find(code("Arnor's threat against Gondor alarmed Rohan.", A), "THREATEN", "ARN", "GON")


def test_an_event_noun_codes_over_the_imported_reading_of_a_light_verb(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor launched a military campaign against Mordor.", A)
    assert find(evs, "ASSAULT", "ARN", "MOR") and not find(evs, "REQUEST")


def test_what_a_demand_asks_for_has_not_happened(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan demanded that Arnor withdraw from Gondor.", A)
    assert [e for e in evs if e.evidence.trigger.text == "withdraw"]
    assert not [e for e in evs if e.evidence.trigger.text == "withdraw" and e.is_fact]


def test_resignation_is_retreat_and_deals_are_agree(code) -> None:  # type: ignore[no-untyped-def]
    (resign,) = find(code("Arnor resigned on Monday.", A), "RETREAT", "ARN")
    assert resign.mode == "resign" and resign.cameo == "0831"
    assert find(code("The deal between Arnor and Gondor took effect on Monday.", A), "AGREE", "ARN", "GON")


def test_modes_are_the_manuals(code) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events.ontology import load_ontology

    onto = load_ontology()
    text = ("Arnor pledged to support Gondor. Arnor vowed to attack Mordor. Arnor arrested Smith. "
            "Arnor will visit Rohan. Arnor resigned. Arnor bombed Mordor.")
    for ev in code(text, A):
        assert ev.mode is None or ev.mode in onto.types[ev.type]["modes"], (ev.type, ev.mode)
        assert onto.plover_type(ev.cameo) == ev.type, (ev.cameo, ev.type)


def test_one_act_one_event_per_article(code) -> None:  # type: ignore[no-untyped-def]
    # the same act by the same actor, named by the same word in two sentences
    evs = code("Arnor resigned on Monday. Gondor said that Arnor resigned under pressure.", A)
    (resign,) = find(evs, "RETREAT", "ARN")
    assert len(resign.mentions) == 2
    # one sentence, one type, the same or an unnamed actor: "killed by an airstrike" is the airstrike
    evs = code("Forty villagers were killed by an airstrike of Mordor on Sunday.", {**A, "Forty villagers": "CVL"})
    assert len(find(evs, "ASSAULT")) == 1
    # different actors stay apart
    evs = code("Arnor attacked Mordor. Gondor attacked Mordor too.", A)
    assert find(evs, "ASSAULT", "ARN", "MOR") and find(evs, "ASSAULT", "GON", "MOR")


def test_an_event_taken_as_given_keeps_its_status(code) -> None:  # type: ignore[no-untyped-def]
    # the purpose clause around it does not make the resignation hypothetical
    evs = code("Gondor moved to limit the damage after the resignation of Arnor.", A)
    assert [e for e in find(evs, "RETREAT", "ARN") if e.is_fact]


def test_a_prospect_is_no_act(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Rohan warned of the dangers of a clash between Arnor and Gondor.", A)
    clash = [e for e in evs if e.evidence.trigger.text == "clash"]
    assert clash and not any(e.is_fact for e in clash)


def test_an_ordered_operation_is_done_a_called_for_one_is_not(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor ordered airstrikes against Mordor.", A)
    assert [e for e in find(evs, "ASSAULT", "ARN", "MOR") if e.is_fact]
    evs = code("Arnor called for airstrikes against Mordor.", A)
    assert not [e for e in find(evs, "ASSAULT") if e.is_fact]


def test_a_past_act_dated_ahead_is_no_future(code) -> None:  # type: ignore[no-untyped-def]
    # "granted bail until 1 March": the grant is done; the date belongs to what follows it
    evs = code("Arnor released Gondor on Monday.", A, times=[("Monday", "2014-12-01")])
    assert [e for e in find(evs, "RETREAT", "ARN", "GON") if "future" not in e.aux]
    evs = code("Arnor will release Gondor on Monday.", A, times=[("Monday", "2014-12-01")])
    assert [e for e in find(evs, "RETREAT") if "future" in e.aux] or find(evs, "CONCEDE")


def test_general_verbs_code_only_what_they_are_used_for(code) -> None:  # type: ignore[no-untyped-def]
    assert find(code("Arnor supplied weapons to Gondor.", A), "AID", "ARN", "GON")
    assert find(code("Arnor sent troops to Gondor.", A), "MOBILIZE", "ARN")
    assert not code("Arnor sent messages to Gondor.", A)
    assert not code("Neighbours called police to the home of Arnor.", A)
    assert find(code("Arnor called on Gondor to leave Mordor.", A), "REQUEST", "ARN", "GON")


def test_travel_is_a_visit_only_by_a_political_actor(nlp, coder) -> None:  # type: ignore[no-untyped-def]
    from eventwire.document import Actor
    from eventwire.events.build import political

    from .conftest import make_doc

    doc = make_doc(nlp, "The convoy set off for Gondor.", {"Gondor": "GON", "The convoy": "CVY"})
    for a in doc.actors:
        a.country, a.sector = {"GON": ("GON", None), "CVY": (None, "CVL")}[a.code]
    assert not [e for e in coder.code(doc) if e.type == "CONSULT"]
    # a visit too (realnews, 2016: "a woman visiting from Canada were killed" was a CONSULT with Canada)
    doc = make_doc(nlp, "Two guards and a woman visiting from Gondor were killed.", {"Gondor": "GON", "a woman": "WMN"})
    for a in doc.actors:
        a.country, a.sector = {"GON": ("GON", None), "WMN": (None, "CVL")}[a.code]
    assert not [e for e in coder.code(doc) if e.type == "CONSULT"]
    doc = make_doc(nlp, "Arnor visited Gondor on Monday.", {"Gondor": "GON", "Arnor": "ARN"})
    for a in doc.actors:
        a.country = a.code
    assert find(coder.code(doc), "CONSULT", "ARN", "GON")  # a state's visit stays one
    assert political(Actor(id="a", name="Arnor", country="ARN"), coder.words)  # a state
    assert political(Actor(id="b", name="Arnor army", country="ARN", sector="MIL"), coder.words)
    assert not political(Actor(id="c", name="a man", country="ARN", sector="CVL"), coder.words)


def test_a_decision_carried_out_is_a_fact(code) -> None:  # type: ignore[no-untyped-def]
    text = "In response to the decision of Arnor to expel Gondor's diplomats, Rohan expelled Arnor's envoys."
    evs = code(text, {**A, "Gondor's diplomats": "GONGOV", "Arnor's envoys": "ARNGOV"})
    expel = [e for e in evs if "GONGOV" in [r.code for r in e.recipient]]
    assert expel and expel[0].is_fact and expel[0].type == "SANCTION" and expel[0].mode != "intent"


def test_every_policy_pattern_fires_on_its_examples(nlp, coder) -> None:  # type: ignore[no-untyped-def]
    """data/policy.ewp is loaded with the imported dictionary: its patterns are checked with it (the core grammar's
    are checked on core.ewp alone, test_core_examples.py)."""
    import re

    from eventwire.events.match import match_trigger
    from eventwire.events.patterns import iter_patterns

    from .test_core_examples import _doc

    pset = coder.p
    patterns = [p for p in iter_patterns(pset) if p.source == "policy.ewp"]
    assert patterns and all(pset.examples.get(p.id) for p in patterns)
    for pattern in patterns:
        for example in pset.examples[pattern.id]:
            doc = _doc(nlp, example)
            if pattern.null:
                picked = [match_trigger(pset, pattern.pos, tok) for tok in doc.spacy]
                assert any(hit is not None and hit[0].id == pattern.id for hit in picked), example
                continue
            rules = [re.split(r"[+#]", ev.rule)[0] for ev in coder.code(doc)]
            assert pattern.id in rules, f"{example!r} -> {rules}"


def test_the_subject_of_an_intention_is_no_wish(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Airstrikes by Arnor on Mordor were intended to reassure Gondor.", A)
    assert [e for e in find(evs, "ASSAULT", "ARN") if e.is_fact]


def test_a_demand_made_in_words_is_a_request(code) -> None:  # type: ignore[no-untyped-def]
    # the real-news guidelines: "X said Y must ..." is REQUEST; what is demanded has not happened
    evs = code("Arnor said Gondor must withdraw its troops from Rohan.", A)
    assert [e for e in find(evs, "REQUEST", "ARN", "GON") if e.is_fact]
    assert not [e for e in evs if e.type == "RETREAT" and e.is_fact]
    assert find(code("Arnor told reporters that Gondor should release the prisoners.", A), "REQUEST", "ARN", "GON")
    # the speaker's own resolve, a conjecture and a prediction are no demands
    assert not find(code("Arnor said we must stop this spiral of violence.", A), "REQUEST")
    assert not find(code("Arnor said Gondor must have known about the plan.", A), "REQUEST")
    assert not find(code("Arnor said the talks would have to be concluded first.", A), "REQUEST")


def test_a_reproach_made_in_words_is_an_accusation(code) -> None:  # type: ignore[no-untyped-def]
    assert find(code("Arnor said the plan of Gondor was a violation of its sovereignty.", A), "ACCUSE", "ARN", "GON")
    assert find(code("Arnor said Gondor posed a threat to the region.", A), "ACCUSE", "ARN", "GON")
    assert not find(code("Arnor said Gondor was a member of the alliance.", A), "ACCUSE")
    # and praise in words is SUPPORT
    assert find(code("Arnor said the talks with Gondor were constructive.", A), "SUPPORT", "ARN")


def test_a_denial_is_a_rejection_of_what_it_denies(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor denied that it had attacked Gondor.", A)
    assert [e for e in find(evs, "REJECT", "ARN") if e.is_fact]
    assert find(evs, "ASSAULT") and not [e for e in find(evs, "ASSAULT") if e.is_fact]
    assert find(code("Arnor denied involvement in the attack on Gondor.", A), "REJECT", "ARN")
    assert find(code("Arnor rejected the accusations of Gondor.", A), "REJECT", "ARN")


def test_an_allegation_is_an_accusation(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor alleged that Gondor had attacked Rohan.", A)
    assert [e for e in find(evs, "ACCUSE", "ARN") if e.is_fact]
    assert not [e for e in find(evs, "ASSAULT") if e.is_fact]  # what is alleged is not a fact by the allegation


def test_refusing_to_comment_is_no_rejection(code) -> None:  # type: ignore[no-untyped-def]
    assert not find(code("Arnor refused to comment on the report.", A), "REJECT")
    assert find(code("Arnor refused to do anything for Gondor.", A), "REJECT", "ARN")
    # a refusal whose infinitive is coded is one event, the refused act as REJECT
    evs = find(code("Arnor refused to meet Gondor on Monday.", A), "REJECT", "ARN")
    assert len(evs) == 1 and evs[0].evidence.trigger.text == "meet"


def test_talking_to_someone_is_consulting_them_not_to_the_press(code) -> None:  # type: ignore[no-untyped-def]
    assert find(code("Arnor spoke to Gondor on Thursday.", A), "CONSULT", "ARN", "GON")
    assert not find(code("Arnor spoke to reporters on Thursday.", {**A, "reporters": "MED"}), "CONSULT")
    assert not find(code("Arnor spoke to confirm his name.", A), "CONSULT")  # an infinitive, no addressee


def test_people_who_clash_argue_forces_fight(code) -> None:  # type: ignore[no-untyped-def]
    people = {"John Smith": "SMI", "Peter Jones": "JON", "Arnor": "ARN", "Mordor": "MOR"}
    evs = code("John Smith and Peter Jones clashed in public over the budget.", people)
    assert find(evs, "ACCUSE", "SMI", "JON") and not find(evs, "ASSAULT")
    assert find(code("Arnor clashed with Mordor on the border.", people), "ASSAULT", "ARN", "MOR")


def test_a_labour_strike_is_a_protest(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Thousands of teachers struck on Monday in Arnor.", {**A, "teachers": "EDU"})
    assert find(evs, "PROTEST", "EDU") and not find(evs, "ASSAULT")
    assert find(code("Arnor struck Mordor on Monday.", A), "ASSAULT", "ARN", "MOR")



def test_verbal_cooperation_by_a_political_actor_needs_no_recipient(nlp, coder) -> None:  # type: ignore[no-untyped-def]
    from .conftest import make_doc

    def events(text: str, phrase: str, country: str | None, sector: str | None) -> list:  # type: ignore[type-arg]
        doc = make_doc(nlp, text, {phrase: "X"})
        doc.actors[0].country, doc.actors[0].sector = country, sector
        return coder.code(doc)

    assert find(events("The ministry hailed the result on Monday.", "The ministry", "ARN", "GOV"), "SUPPORT", "X")
    assert find(events("Arnor hailed the result on Monday.", "Arnor", "ARN", None), "SUPPORT", "X")  # a state
    assert not find(events("A neighbour hailed the result on Monday.", "A neighbour", "ARN", "CVL"), "SUPPORT")


def test_coordinated_acts_are_each_coded(code) -> None:  # type: ignore[no-untyped-def]
    # an outer verb with no recipient is subsumed by an act it governs, not by one coordinated with it
    evs = code("Arnor warned against an assault, and deployed troops to Rohan.", A)
    assert find(evs, "REQUEST", "ARN") and find(evs, "MOBILIZE", "ARN")


def test_argument_constraints_read_participles_and_relatives(code) -> None:  # type: ignore[no-untyped-def]
    # the noun a passive participle describes is its object: "a conference boycotted by X" (REJECT, a meeting)
    evs = code("Rohan attended a peace conference boycotted by Gondor.", A)
    assert find(evs, "REJECT", "GON") and not find(evs, "SANCTION")


def test_an_announced_refusal_needs_no_recipient(code) -> None:  # type: ignore[no-untyped-def]
    # "will not attend": a bare verb of cooperation, negated and announced by its actor, is a REJECT (plover_rules)
    # and a REJECT needs one side only
    evs = code("Arnor said it will not attend.", A)
    assert [e for e in find(evs, "REJECT", "ARN") if e.is_fact]
    assert not code("Arnor will attend.", A)  # a bare visit still needs both sides


def test_what_a_verb_says_its_object_is_can_be_a_reproach(code) -> None:  # type: ignore[no-untyped-def]
    assert find(code("Arnor called the decision of Gondor a provocation.", A), "ACCUSE", "ARN", "GON")
    assert find(code("Arnor described the plan of Gondor as illegal.", A), "ACCUSE", "ARN", "GON")
    assert not find(code("Arnor described the plan of Gondor as a first step.", A), "ACCUSE")


def test_a_that_clause_told_is_a_statement_not_a_request(code) -> None:  # type: ignore[no-untyped-def]
    # "demanded that X withdraw": X's withdrawal is asked for; "told Y that X withdraw..." reports what X does
    evs = code("Arnor told Gondor that its troops withdraw from Rohan every winter.", {**A, "its troops": "GONMIL"})
    assert [e for e in evs if e.evidence.trigger.text == "withdraw" and e.is_fact]
    evs = code("Arnor demanded that Gondor withdraw from Rohan.", A)
    assert not [e for e in evs if e.evidence.trigger.text == "withdraw" and e.is_fact]


def test_retaliation_promised_and_a_warrant_are_threats(code) -> None:  # type: ignore[no-untyped-def]
    assert find(code("Arnor promised a proportional response to Gondor.", A), "THREATEN", "ARN")
    assert not find(code("Arnor promised aid to Gondor.", A), "THREATEN")
    # the manual: an in-absentia arrest is THREATEN, not COERCE; the arrest a warrant names has not happened
    evs = code("Arnor issued a warrant for the arrest of Gondor.", A)
    assert find(evs, "THREATEN", "ARN", "GON") and not [e for e in find(evs, "COERCE") if e.is_fact]


def test_a_rejection_announced_is_a_rejection_and_a_decision_not_to_act_is_negated(code) -> None:  # type: ignore[no-untyped-def]
    evs = code("Arnor said it would exclude Gondor.", A)
    assert [e for e in find(evs, "REJECT", "ARN") if e.is_fact]
    evs = code("The decision of Arnor not to extradite Gondor angered Rohan.", A)
    assert not [e for e in evs if e.evidence.trigger.text == "extradite" and e.is_fact]
    # a request not to act is still a request
    evs = code("Rohan urged Arnor not to attend the conference.", A)
    assert [e for e in find(evs, "REQUEST", "ROH") if e.is_fact]
