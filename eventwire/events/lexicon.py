"""The words the event coder consults: the rule word classes from the pattern files, and the few closed-class
words that are part of the code itself.

Word classes are rules, and live in the pattern files (``@name word|word`` lines in data/core.ewp, extensible
by a user's own ``.ewp`` file): ``WordClasses.from_patterns`` reads them once per pipeline. What stays here
are function words whose handling is written into the code (auxiliaries, determiners, pronouns): adding a
word to one of these lists would need new code to mean anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.events.patterns import PatternSet

# ---------------------------------------------------------------- closed-class words handled in code
FUTURE_AUX = frozenset({"will", "shall"})  # lemmas: "will visit"
FUTURE_AUX_FORMS = frozenset({"'ll", "wo"})  # contracted forms ("we'll", "won't")
CAN_FORMS = frozenset({"ca", "can", "could"})  # "can't" is plain negation when PETRARCH reads it
NEGATIVE_ADVERBS = frozenset({"never", "no"})  # negate as advmod/det, like "not"
FOCUS_ADVERBS = frozenset({"only", "just", "merely"})  # "not only": no negation of the event
OBLIGATION_MODALS = frozenset({"must", "shall"})  # "an embargo must work" is no conditional
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})  # "the group" can refer back
PAIR_WORDS = frozenset({"two", "both"})  # "the two leaders", "both presidents": a pair named before
REPORTED_PRONOUNS = frozenset({"it", "they"})  # "X indicated it deplored Y": the reporter
# how the owner of a slot head is attached, in order of preference ("the army of X", "an envoy from X")
OWNER_PREPS: tuple[str, ...] = ("of", "by", "from", "in")
LIST_OWNER_PREPS = frozenset({"of", "by"})  # "the ambassadors of A, B and C": every conjunct joins
# an event noun as object of these is the verb's event ("engaged in talks", "called for a boycott")
EVENT_NOUN_PREPS = frozenset({"for", "in", "at"})
# "X's role in the bombardment", "responsibility for the attack": the prepositions from a part in an act to
# the act (word classes share, share_claim)
SHARE_PREPS = frozenset({"in", "for"})
# a noun after these is the setting of a verb's act, not an act of its own ("said at a meeting on Monday")
SETTING_PREPS = frozenset({"at", "in", "during", "on"})
# prepositions that introduce the act a headline's verb is told through ("killed in an attack")
ACT_PREPS = frozenset({"in", "after", "during", "over", "by"})
# event nouns whose named place is where an act about them happens ("sponsoring the Sochi talks")
MEETING_NOUNS = frozenset({"talk", "talks", "summit", "conference", "meeting", "negotiation", "negotiations",
                           "congress", "process", "forum", "dialogue", "peace"})
# "plans to visit", "prepares talks": what these desire verbs govern is future, not hypothetical. The two
# lists differ by "aim" (an infinitive after "aim" is future, a noun after it hypothetical); unifying them
# would change results, so both stay as they were.
FUTURE_DESIRE_XCOMP = frozenset({"plan", "intend", "prepare", "aim"})
FUTURE_DESIRE_NOUN = frozenset({"plan", "intend", "prepare"})
# heads of a scheduled act's infinitive: "is to visit", "are to be questioned", "is set to meet", "is due to
# arrive", "is scheduled to sign": planned, not done (future)
SCHEDULED_HEADS = frozenset({"be", "set", "due", "schedule", "scheduled", "slate", "slated"})  # lemmas
YEARS_MARKS = frozenset({"after", "since"})  # "five years after X" (the units are the class years_unit)
# "a week after X", "two days before X": the act X is dated from the clause it hangs from, shifted by the
# span (the sign: after -> earlier, before -> later); the units a span may count, in days (months and years
# are counted on the calendar), and the precision the shifted date keeps
OFFSET_MARKS = {"after": -1, "before": 1}
OFFSET_UNITS = {"hour": ("D", 0), "day": ("D", 1), "week": ("D", 7), "fortnight": ("D", 14), "month": ("M", 1),
                "year": ("Y", 1)}
# a span with no number ("days after", "just weeks after") counts this many units, at a coarser precision
VAGUE_COUNT = 3
# subjects of a reported clause that address no one: "we must", "I should" (the speaker's own resolve) and
# the expletives of "it must be noted", "there should be" (match.py, comp: constraints)
UNADDRESSED_SUBJECTS = frozenset({"i", "we", "it", "there"})
# ... and auxiliaries that make such a clause a prediction, not a demand ("would have to be concluded")
PREDICTIVE_AUX = frozenset({"will", "would", "may", "might", "could", "'ll", "wo"})
# verbs whose object says what their subject is ("Y represents a threat", "constitutes a violation"): a
# reported clause's predicate, as "Y is a threat" (match.py, comp: constraints)
PREDICATING_VERBS = frozenset({"represent", "constitute", "pose", "remain", "become"})
# nouns that count what their "of" phrase names: an argument constraint looks through them ("thousands of
# teachers struck": the strikers are teachers)
COUNT_NOUNS = frozenset({"hundred", "thousand", "million", "dozen", "score", "number", "group", "handful", "crowd",
                         "couple", "lot", "batch", "wave", "barrage", "salvo", "volley", "series"})


@dataclass(frozen=True)
class WordClasses:
    """The word classes of a PatternSet (``@name`` lines of data/core.ewp and user files), as the coder uses
    them; each field is the class of the same name (see core.ewp for what each one means)."""

    light: frozenset[str]
    reject: frozenset[str]
    intent: frozenset[str]
    intent_noun: frozenset[str]
    threat: frozenset[str]
    request: frozenset[str]
    attempt: frozenset[str]
    desire: frozenset[str]
    fail: frozenset[str]
    report: frozenset[str]
    opinion: frozenset[str]
    modal: frozenset[str]
    conditional: frozenset[str]
    similar: frozenset[str]
    historical: frozenset[str]
    anaphor: frozenset[str]
    anaphor_gov: frozenset[str]
    anaphor_mil: frozenset[str]
    pair_person: frozenset[str]  # "the two leaders": the last two people named (slots.py)
    pair_state: frozenset[str]  # "both countries": the last two states named
    recipient_prep: tuple[str, ...]  # in order of preference
    place_prep: frozenset[str]
    locative_prep: frozenset[str]
    where_prep: frozenset[str]
    time_noun: frozenset[str]
    years_unit: frozenset[str]
    coactor_head: frozenset[str]
    coactor_prep: frozenset[str]
    no_recipient_type: frozenset[str]  # PLOVER types, upper case
    no_recipient_political: frozenset[str]  # ... and those that need none when the actor is political
    restate: frozenset[str]
    standing: frozenset[str]
    presupposing: frozenset[str]
    command: frozenset[str]
    motion: frozenset[str]
    political_sector: frozenset[str]  # upper case
    roaming_sector: frozenset[str]  # lower case: sectors whose members act abroad (build._situated)
    prospect: frozenset[str]
    reverse_pair: frozenset[str]  # "040:040", "042:043": CAMEO pairs (three digits) of mutual acts
    implicit_police: frozenset[str]  # agentless acts whose implied agent is the police (implicit.py)
    implicit_charge: frozenset[str]  # ... a charge: the prosecutors or the police the article names
    implicit_court: frozenset[str]  # ... the courts
    implicit_government: frozenset[str]  # ... the government
    implicit_legal: frozenset[str]  # ... only where the article names the police or a court
    implicit_type: frozenset[str]  # PLOVER types (upper case) an implied agent is given for
    implicit_attack: frozenset[str]  # ... violence whose unnamed agent is attackers in the country
    military_means: frozenset[str]  # ... unless the act or its means is military ("killed in airstrikes")
    implicit_attack_type: frozenset[str]  # PLOVER types (upper case) of such violence
    undergo: frozenset[str]  # verbs whose subject undergoes their object's act (slots.py)
    observe: frozenset[str]  # verbs whose subject watches or judges their object's act, not does it (slots.py)
    charge_verb: frozenset[str]  # verbs of charging: the event noun after them is the charged one's act
    charge_noun: frozenset[str]  # nouns naming a charge ("on suspicion of attacking")
    patient_noun: frozenset[str]  # event nouns whose bare possessor is who it was done to ("his arrest")
    author_verb: frozenset[str]  # verbs that make an act ("an attack carried out by X": X is its author)
    act_noun: frozenset[str]  # nouns that name what someone said or did
    quantity_noun: frozenset[str]  # nouns that count events ("hundreds of airstrikes")
    stative_passive: frozenset[str]  # verbs whose passive is a state of the subject ("engaged in")
    cognate_object: frozenset[str]  # objects that name the verb's own act ("fought an insurgency")
    speech_act: frozenset[str]  # reporting or opinion verbs that are acts themselves ("alleged": ACCUSE)
    denial: frozenset[str]  # what these govern as a clause did not happen, by the speaker's word ("denied X")
    share: frozenset[str]  # a part in an act ("X's role in the bombardment": X did it; slots.py)
    share_claim: frozenset[str]  # verbs by which the subject owns that part ("claimed responsibility for")
    carrier: frozenset[str]  # light | author_verb: verbs that carry an event noun's act ("launched an attack")

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> WordClasses:
        def words(name: str) -> frozenset[str]:
            return frozenset(patterns.words(name))

        return cls(
            light=words("light"),
            reject=words("reject"),
            intent=words("intent"),
            intent_noun=words("intent_noun"),
            threat=words("threat"),
            request=words("request"),
            attempt=words("attempt"),
            desire=words("desire"),
            fail=words("fail"),
            report=words("report"),
            opinion=words("opinion"),
            modal=words("modal"),
            conditional=words("conditional"),
            similar=words("similar"),
            historical=words("historical"),
            anaphor=words("anaphor"),
            anaphor_gov=words("anaphor_gov"),
            anaphor_mil=words("anaphor_mil"),
            pair_person=words("pair_person"),
            pair_state=words("pair_state"),
            recipient_prep=patterns.ordered("recipient_prep"),
            place_prep=words("place_prep"),
            locative_prep=words("locative_prep"),
            where_prep=words("where_prep"),
            time_noun=words("time_noun"),
            years_unit=words("years_unit"),
            coactor_head=words("coactor_head"),
            coactor_prep=words("coactor_prep"),
            no_recipient_type=frozenset(w.upper() for w in patterns.words("no_recipient_type")),
            no_recipient_political=frozenset(w.upper() for w in patterns.words("no_recipient_political")),
            restate=words("restate"),
            standing=words("standing"),
            presupposing=words("presupposing"),
            command=words("command"),
            motion=words("motion"),
            political_sector=frozenset(w.upper() for w in patterns.words("political_sector")),
            roaming_sector=words("roaming_sector"),
            prospect=words("prospect"),
            reverse_pair=words("reverse_pair"),
            implicit_police=words("implicit_police"),
            implicit_charge=words("implicit_charge"),
            implicit_court=words("implicit_court"),
            implicit_government=words("implicit_government"),
            implicit_legal=words("implicit_legal"),
            implicit_type=frozenset(w.upper() for w in patterns.words("implicit_type")),
            implicit_attack=words("implicit_attack"),
            military_means=words("military_means"),
            implicit_attack_type=frozenset(w.upper() for w in patterns.words("implicit_attack_type")),
            undergo=words("undergo"),
            observe=words("observe"),
            charge_verb=words("charge_verb"),
            charge_noun=words("charge_noun"),
            patient_noun=words("patient_noun"),
            author_verb=words("author_verb"),
            act_noun=words("act_noun"),
            quantity_noun=words("quantity_noun"),
            stative_passive=words("stative_passive"),
            cognate_object=words("cognate_object"),
            speech_act=words("speech_act"),
            denial=words("denial"),
            share=words("share"),
            share_claim=words("share_claim"),
            carrier=words("light") | words("author_verb"),
        )
