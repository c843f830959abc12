"""The pattern format, the PETRARCH importer and user pattern files."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline, load_config
from eventwire.errors import EventwireError
from eventwire.events.patterns import PatternSet, load_patterns, parse_ewp, parse_example, read_pattern_file
from eventwire.events.petrarch import petrarch_to_ewp

PETR = """
####### SYNONYM SETS #######
&TROOPS
+SOLDIERS
+ARMED_FORCES

####### VERB PATTERNS #######
---  HOODWINK   [190]  ---
HOODWINK {HOODWINKS HOODWINKED}
+HOODWINK_UP [191]
- * &TROOPS                                  [193]  # with a synonym set
- * (WITH {HEAVY GUNS})                      [194]
- % *                                        [190:190]
- * HARMLESSLY                               [---]
"""


def test_own_format_parses_heads_constraints_codes_and_flags() -> None:
    pset = parse_ewp(
        "&arms = gun|rifle|armed_forces\n"
        "@light conduct|hold\n"
        "r1  V:meet  with:leader|&arms  => 036:036\n"
        "r2  N:airstrike  => 195  rcp:against|on agent:of\n"
        "r3  V:meet_with  => 040  recip\n"
        "r4  V:give  obj:speech  => ---\n",
        "t.ewp",
    )
    r1 = pset.get("V", "meet")[0]
    assert r1.id == "r1" and (r1.code, r1.reverse) == ("036", "036")
    assert ("armed", "forces") in r1.constraints[0].phrases and r1.constraints[0].prep == "with"
    r2 = pset.get("N", "airstrike")[0]
    assert r2.rcp_preps == ("against", "on") and r2.agent_preps == ("of",)
    r3 = next(p for p in pset.get("V", "meet") if p.id == "r3")
    assert r3.recip and r3.constraints[0].kind == "prt"
    assert pset.get("V", "give")[0].null
    assert pset.words("light") == {"conduct", "hold"}


def test_word_classes_keep_their_order_and_examples_attach_to_the_pattern_before() -> None:
    pset = parse_ewp(
        "@recipient_prep with|against|to\n@recipient_prep at|with\n"
        "r1  N:visit  => 042  rcp:to\n  example: [Arnor]'s visit to [Gondor] lasted two days.\n"
        "  example: The visit to [Gondor] by [Arnor] ended.\n",
        "t.ewp",
    )
    assert pset.ordered("recipient_prep") == ("with", "against", "to", "at")
    assert pset.words("recipient_prep") == {"with", "against", "to", "at"}
    assert pset.examples["r1"] == ["[Arnor]'s visit to [Gondor] lasted two days.",
                                   "The visit to [Gondor] by [Arnor] ended."]
    assert parse_example("[Arnor]'s visit to [Gondor] ended.") == ("Arnor's visit to Gondor ended.", [(0, 5), (17, 23)])
    with pytest.raises(EventwireError):
        parse_ewp("example: [Arnor] met [Gondor].\n", "t.ewp")


def test_a_reported_clause_constraint_codes_the_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    """``comp:`` holds when the reported clause's verb has one of the words as an auxiliary (or is one of
    them with an infinitive); such a pattern codes a reporting verb, which is otherwise no event."""
    from eventwire.events.match import match_trigger

    pset = parse_ewp("@modal_must must\nt.say V:say comp:@modal_must|have => 100\n", "t.ewp")
    pset.finish()
    (say,) = pset.get("V", "say")
    assert say.statement and say.constraints[0].kind == "comp" and say.specificity == 2

    def hit(text: str) -> bool:
        verb = next(t for t in nlp(text) if t.lemma_ == "say")
        return match_trigger(pset, "V", verb) is not None

    assert hit("Arnor said Gondor must leave.") and hit("Arnor said Gondor has to leave.")
    assert not hit("Arnor said we must leave.")  # the speaker's own side
    assert not hit("Arnor said Gondor must have left.")  # a conjecture
    assert not hit("Arnor said Gondor has left.")  # "have" only as a modal, with an infinitive


def test_argument_constraints_look_through_counts(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.events.match import match_trigger

    pset = parse_ewp("t.strike V:strike subj:teacher => 143\n", "t.ewp")
    pset.finish()
    verb = next(t for t in nlp("Thousands of teachers struck on Monday.") if t.lemma_ == "strike")
    assert match_trigger(pset, "V", verb) is not None


def test_a_pre_word_is_read_in_the_triggers_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    # The Guardian, 2019: "US troops must stay in the region to protect Israel, the president continued" was an
    # attack (CAMEO "continue" with a military word before it): the fronted quote is not the verb's clause
    from eventwire.events.match import match_trigger

    pset = parse_ewp("t.continue V:continue pre:troops => 190\n", "t.ewp")
    pset.finish()
    quoted = next(t for t in nlp("US troops must stay in the region, the president continued.")
                  if t.lemma_ == "continue")
    assert match_trigger(pset, "V", quoted) is None
    own = next(t for t in nlp("US troops continued their advance on Monday.") if t.lemma_ == "continue")
    assert match_trigger(pset, "V", own) is not None


@pytest.mark.parametrize("bad", ["r1 V:meet", "r1 X:meet => 040", "r1 V:meet foo:bar => 040", "r1 V:meet => 9x9"])
def test_bad_lines_raise_coded_errors(bad: str) -> None:
    with pytest.raises(EventwireError) as err:
        parse_ewp(bad, "bad.ewp")
    assert err.value.code.value == "E402"


def test_petrarch_importer() -> None:
    pset = parse_ewp(petrarch_to_ewp(PETR, prefix="t"), "conv")
    zapp = pset.get("V", "hoodwink")
    plain = {p.code: p for p in zapp if not any(c.kind == "prt" for c in p.constraints)}
    assert plain["190"].constraints == ()  # the block default
    assert any(("soldiers",) in c.phrases for c in plain["193"].constraints)
    assert plain["194"].constraints[0].prep == "with" and ("heavy", "guns") in plain["194"].constraints[0].phrases
    assert any(p.recip for p in zapp)
    assert any(p.null for p in zapp)
    assert any(p.code == "191" and p.constraints[0].kind == "prt" for p in zapp)  # +HOODWINK_UP


def test_builtin_dictionary_is_large_and_indexed() -> None:
    pset = load_patterns()
    assert len(pset) > 15000
    assert pset.get("V", "criticize") and pset.get("N", "airstrike")


def test_user_pattern_file_through_config(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.document import Actor, Article, Document
    from eventwire.events.stage import build_coder

    verbs = tmp_path / "my.verbs.txt"
    verbs.write_text(PETR, encoding="utf-8")
    cfg = load_config(overrides={"events.patterns": [str(verbs)]})
    pipe = Pipeline(cfg, stages=["clean"])
    coder = build_coder(cfg, pipe.resources)
    text = "Arnor hoodwinked Gondor."
    doc = Document(id="u", article=Article(text=text))
    doc.spacy = nlp(text)
    doc.actors = [
        Actor(id="a1", name="Arnor", code="ARN", mentions=[doc.span(0, 5)]),
        Actor(id="a2", name="Gondor", code="GON", mentions=[doc.span(17, 23)]),
    ]
    evs = coder.code(doc)
    assert [(e.cameo, e.actor[0].code, e.recipient[0].code) for e in evs] == [("190", "ARN", "GON")]


def test_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EventwireError):
        read_pattern_file(tmp_path / "nope.txt", PatternSet())


def test_petrarch_source_and_target_markers_and_split_verbs() -> None:
    """"+ * MONEY $" codes from what follows to the subject; WIRE_+TAP is one verb."""
    text = "--- RECEIVE  [033]  ---\nRECEIVE\n- + * MONEY $  [071]\n\n--- SPY  [170] ---\nWIRE_+TAP {WIRE_+TAPPED}\n"
    pset = parse_ewp(petrarch_to_ewp(text, prefix="t"), "conv")
    money = [p for p in pset.get("V", "receive") if p.constraints]
    assert money and money[0].code is None and money[0].reverse == "071"
    tap = pset.get("V", "wire")
    prts = [c for p in tap for c in p.constraints if c.kind == "prt"]
    assert prts and all(c.phrases == (("tap",),) for c in prts)



def test_petrarch_skipped_phrases_and_target_after_a_preposition() -> None:
    """"^" skips a noun phrase (no word to match); "ABOUT +" puts the target after "about"; a phrase
    before the verb ("(IN) *") cannot be told from an infinitive's "to" and is left out."""
    text = (
        "--- WARN  [130] ---\nWARN\n- * THEIR ^ ABOUT +  [130]\n- * (AT) ^ +  [131]\n- (IN) *  [163]\n"
    )
    converted = petrarch_to_ewp(text, prefix="t")
    assert "^" not in converted and "=> 163" not in converted
    pset = parse_ewp(converted, "conv")
    about = [p for p in pset.get("V", "warn") if p.code == "130" and p.constraints]
    assert about and about[0].rcp_preps == ("about",)
    # "about" is a phrase with that preposition (where the target is), not the word anywhere after the verb
    assert sorted((c.kind, c.prep) for c in about[0].constraints) == [("obj", None), ("prep", "about")]


def test_petrarch_synonym_sets_joined_to_words_and_undefined_sets() -> None:
    """PETRARCH joins a set to words with '_' ("NEW_&TIES", "&TIES_MEMOS") and marks exact forms with a
    trailing '_' ("&PREP_" is the set a pattern calls "&PREP"); a pattern naming a set the file does not
    define is skipped, not kept as its other words alone ("* &UNDEFINED IN +" would hold on any "in")."""
    text = (
        "&TIES\n+TRADE\n+MILITARY\n\n&PREP_\n+ON\n+IN\n\n"
        "####### VERB PATTERNS #######\n--- HAIL  [041] ---\nHAIL\n- * &TIES_MEMOS  [912]\n"
        "- * NEW_&TIES  [903]\n- * &PREP RESOLUTION  [102]\n- * &UNDEFINED IN +  [062]\n"
    )
    pset = parse_ewp(petrarch_to_ewp(text, prefix="t"), "conv")
    by_code = {p.code: p for p in pset.get("V", "hail")}
    assert "062" not in by_code
    memos = {ph for c in by_code["912"].constraints for ph in c.phrases}
    assert memos == {("trade", "memos"), ("military", "memos")}
    assert {ph for c in by_code["903"].constraints for ph in c.phrases} == {("new", "trade"), ("new", "military")}
    assert {ph for c in by_code["102"].constraints for ph in c.phrases} >= {("on",), ("in",), ("resolution",)}


QUARREL = """
####### VERB PATTERNS #######
---  QUARREL   [190]  ---
QUARREL
- * (OVER EFFORTS)                           [110]
"""

PICO = """# a slice of a PETRARCH Internal Coding Ontology
050:0x0080#DiplomaticCoop
110:0x1007f#0xFFFF+0x0080#Disapprove
190:0x00A0#Fight
---:0
"""


@pytest.mark.parametrize("pico", [False, True])
def test_negated_verb_coded_through_a_coding_ontology(tmp_path: Path, nlp, pico: bool) -> None:  # type: ignore[no-untyped-def]
    from eventwire.document import Actor, Article, Document
    from eventwire.events.stage import build_coder

    verbs = tmp_path / "quarrel.verbs.txt"
    verbs.write_text(QUARREL, encoding="utf-8")
    onto = tmp_path / "pico.txt"
    onto.write_text(PICO, encoding="utf-8")
    cfg = load_config(overrides={"events.patterns": [str(verbs)],
                                 "events.negation_ontology": str(onto) if pico else ""})
    coder = build_coder(cfg, Pipeline(cfg, stages=["clean"]).resources)

    def run(text: str) -> list[tuple[str | None, bool]]:
        doc = Document(id="n", article=Article(text=text))
        doc.spacy = nlp(text)
        doc.actors = [
            Actor(id="a1", name="Arnor", code="ARN", mentions=[doc.span(0, 5)]),
            Actor(id="a2", name="Gondor", code="GON",
                  mentions=[doc.span(text.index("Gondor"), text.index("Gondor") + 6)]),
        ]
        return [(e.cameo, e.is_fact) for e in coder.code(doc) if e.recipient and e.recipient[0].code == "GON"]

    # "over the efforts" is often parsed as particle + object; the (OVER EFFORTS) pattern must still fire
    assert run("Arnor quarreled over the efforts of Gondor.") == [("110", True)]
    negated = run("Arnor did not quarrel over the efforts of Gondor.")
    # with the ontology, "not 110" is 050 and a fact; without it, a negated 110 that is not a fact
    assert negated == ([("050", True)] if pico else [("110", False)])
    # "not 190" has no entry: it stays a negated non-fact either way
    assert run("Arnor did not quarrel with Gondor.") == [("190", False)]
    # PETRARCH reads a negated "can" as plain negation; without the ontology it is not a fact at all
    assert run("Arnor can't quarrel over the efforts of Gondor.") == ([("050", True)] if pico else [("110", False)])


def test_brace_phrase_allows_extra_adjectives(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.document import Actor, Article, Document
    from eventwire.events.stage import build_coder

    verbs = tmp_path / "abandon.verbs.txt"
    verbs.write_text("####### VERB PATTERNS #######\n--- ABANDON  [1121] ---\nABANDON\n"
                     "- * {NEW ECONOMIC RELATIONS} [1951]\n", encoding="utf-8")
    cfg = load_config(overrides={"events.patterns": [str(verbs)], "events.builtin": False})
    coder = build_coder(cfg, Pipeline(cfg, stages=["clean"]).resources)

    def run(text: str) -> list[str | None]:
        doc = Document(id="g", article=Article(text=text))
        doc.spacy = nlp(text)
        at = text.index("Gondor")
        doc.actors = [Actor(id="a1", name="Arnor", code="ARN", mentions=[doc.span(0, 5)]),
                      Actor(id="a2", name="Gondor", code="GON", mentions=[doc.span(at, at + 6)])]
        return [e.cameo for e in coder.code(doc)]

    assert run("Arnor abandoned new economic relations with Gondor.") == ["1951"]
    assert run("Arnor abandoned new global economic relations with Gondor.") == ["1951"]
    assert run("Arnor abandoned economic relations with Gondor.") == ["1121"]


def test_petrarch_source_in_a_phrase_dashless_lines_and_infinitives(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    """"+ * (FROM $)": the subject is the target and the source is the "from" object; a pattern line that
    lost its dash still counts; "(TO QUESTION)" after BEGIN matches "began to question"."""
    from eventwire.document import Actor, Article, Document
    from eventwire.events.stage import build_coder

    verbs = tmp_path / "free.verbs.txt"
    verbs.write_text("####### VERB PATTERNS #######\n--- FREE  [080] ---\nFREE\n- + * (FROM $)  [080]\n\n"
                     "--- BEGIN  [---]  ---\nBEGIN {BEGINS BEGAN BEGUN}\n* (TO QUESTION) [110]\n", encoding="utf-8")
    cfg = load_config(overrides={"events.patterns": [str(verbs)], "events.builtin": False})
    coder = build_coder(cfg, Pipeline(cfg, stages=["clean"]).resources)

    def run(text: str, names: dict[str, str]) -> list[tuple[str | None, list[str | None], list[str | None]]]:
        doc = Document(id="f", article=Article(text=text))
        doc.spacy = nlp(text)
        doc.actors = []
        for n, (name, code) in enumerate(names.items()):
            at = text.index(name)
            doc.actors.append(Actor(id=f"a{n}", name=name, code=code, mentions=[doc.span(at, at + len(name))]))
        return [(e.cameo, [a.code for a in e.actor], [a.code for a in e.recipient]) for e in coder.code(doc)]

    assert run("The Arnor militia was freed from Mordor on Monday.", {"Arnor militia": "ARNMIL", "Mordor": "MOR"}) == [
        ("080", ["MOR"], ["ARNMIL"])
    ]
    began = run("Arnor began to question its ties with Gondor.", {"Arnor": "ARN", "Gondor": "GON"})
    assert ("110", ["ARN"], ["GON"]) in began
