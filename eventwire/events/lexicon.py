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
REPORTED_PRONOUNS = frozenset({"it", "they"})  # "X indicated it deplored Y": the reporter
# how the owner of a slot head is attached, in order of preference ("the army of X", "an envoy from X")
OWNER_PREPS: tuple[str, ...] = ("of", "by", "from", "in")
LIST_OWNER_PREPS = frozenset({"of", "by"})  # "the ambassadors of A, B and C": every conjunct joins
# an event noun as object of these is the verb's event ("engaged in talks", "called for a boycott")
EVENT_NOUN_PREPS = frozenset({"for", "in", "at"})
# "plans to visit", "prepares talks": what these desire verbs govern is future, not hypothetical. The two
# lists differ by "aim" (an infinitive after "aim" is future, a noun after it hypothetical); unifying them
# would change results, so both stay as they were.
FUTURE_DESIRE_XCOMP = frozenset({"plan", "intend", "prepare", "aim"})
FUTURE_DESIRE_NOUN = frozenset({"plan", "intend", "prepare"})
# "five years after X": the clause is set years back
YEARS_MARKS = frozenset({"after", "since"})
YEARS_UNITS = frozenset({"year", "decade", "century"})

# ---------------------------------------------------------------- rule word classes (to move to data)
DEFAULT_RCP_PREPS: tuple[str, ...] = ("with", "against", "to", "on", "toward", "towards", "at", "for", "from", "into",
                                      "in", "about", "over")
PLACE_PREPS = frozenset({"in", "at", "near", "against", "on", "into", "inside", "outside", "to", "of"})
TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "moment", "period", "era", "eve", "height", "end",
                        "start", "beginning", "wake", "aftermath", "run-up", "course", "middle", "outset",
                        "anniversary"})
LOCATIVE_PREPS = frozenset({"in", "near", "inside", "outside", "throughout"})  # "fired at Seoul" keeps its target
WHERE_PREPS = LOCATIVE_PREPS | {"at", "across", "along", "into", "around", "within", "near"}
NO_RECIPIENT_TYPES = frozenset({"PROTEST", "MOBILIZE", "ASSAULT", "RETREAT"})
COACTOR_HEADS = frozenset({"coordination", "cooperation", "conjunction", "partnership", "collaboration", "concert",
                           "tandem", "together", "along", "jointly", "league", "concertation"})
COACTOR_PREPS = frozenset({"alongside"})
ANAPHOR_GOV = frozenset({"government", "administration", "regime", "authorities", "leadership"})
ANAPHOR_MIL = frozenset({"army", "military", "forces"})


@dataclass(frozen=True)
class WordClasses:
    """The word classes of a PatternSet (``@name`` lines), as the coder uses them."""

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
    recipient_preps: tuple[str, ...]
    place_preps: frozenset[str]
    locative_preps: frozenset[str]
    where_preps: frozenset[str]
    time_nouns: frozenset[str]
    coactor_heads: frozenset[str]
    coactor_preps: frozenset[str]
    no_recipient_types: frozenset[str]

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
            anaphor_gov=ANAPHOR_GOV,
            anaphor_mil=ANAPHOR_MIL,
            recipient_preps=DEFAULT_RCP_PREPS,
            place_preps=PLACE_PREPS,
            locative_preps=LOCATIVE_PREPS,
            where_preps=WHERE_PREPS,
            time_nouns=TIME_NOUNS,
            coactor_heads=COACTOR_HEADS,
            coactor_preps=COACTOR_PREPS,
            no_recipient_types=NO_RECIPIENT_TYPES,
        )
