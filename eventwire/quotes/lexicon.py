"""Word lists of the quotes capability: cue verbs, speaker nouns, speaker pronouns.

``extract.py`` (finding quotes and their speakers) and ``stage.py`` (linking a speaker to an actor) read
these; nothing else of the quote logic is a list of words. Verbs are spaCy lemmas, lower case.
Pronouns and determiners come from ``eventwire.lexicon`` (shared with the actors capability).
See docs/extending.md ("Adding a word to a lexicon").
"""

from __future__ import annotations

from eventwire.lexicon import DEFINITE_DETERMINERS, PERSONAL_PRONOUNS, THIRD_PERSON_POSSESSIVES

# --- cue verbs (lemmas) ------------------------------------------------------------------------------------
# Verbs that introduce speech: the cue of a direct quote. Derived from the cue words of the
# PolNeAR training annotations, keeping verbs of saying and writing.
SPEECH_LEMMAS: frozenset[str] = frozenset(
    """say tell add write ask note report announce suggest argue explain declare continue state
    respond reply recall conclude insist warn claim promise vow pledge acknowledge admit confirm deny
    tweet post stress emphasize emphasise predict reveal urge remark comment quip joke complain charge
    counter contend maintain observe mention assert allege concede caution testify reiterate repeat
    proclaim shout yell scream exclaim whisper mutter boast lament muse wonder question retort snap
    scoff sigh cry plead demand agree disagree estimate inform brief assure reassure advise recommend
    propose chant read speak answer confess echo interject interrupt opine recount""".split()
)
# Verbs that attribute a view to someone but introduce a quoted phrase, not a quoted statement
# ("called it “a disaster”"): cues of indirect speech only.
CHARACTERISING_LEMMAS: frozenset[str] = frozenset(
    """call describe praise criticize criticise thank accuse blame label brand dub term condemn
    denounce decry dismiss welcome slam hail attack""".split()
)
# Verbs of belief, knowledge and evidence: they attribute indirect content ("Russia believes that ...",
# "a poll shows that ...") but rarely introduce a direct quote.
BELIEF_LEMMAS: frozenset[str] = frozenset(
    """believe think feel hope fear know expect worry understand doubt find show indicate
    learn see suspect realize realise assume conclude estimate predict hear read suggest
    argue""".split()
)
# Speech acts whose to-clause is what was said ("Lavrov vowed to keep supplying arms"), and ones whose
# object is ("the ministry announced new sanctions", "she called him a liar"). Stances and wishes
# ("supports", "wants to") are left out: PolNeAR counts them as attributions, but they are not quotes.
INTENT_LEMMAS: frozenset[str] = frozenset("""vow pledge promise threaten urge ask demand offer""".split())
# Speech acts whose direct object is what was said, besides the characterising verbs.
OBJECT_CONTENT_LEMMAS: frozenset[str] = CHARACTERISING_LEMMAS | frozenset(
    """announce propose deny confirm reveal predict""".split()
)
# Every lemma that may cue an indirect quote.
INDIRECT_LEMMAS: frozenset[str] = (
    SPEECH_LEMMAS | BELIEF_LEMMAS | CHARACTERISING_LEMMAS | INTENT_LEMMAS | OBJECT_CONTENT_LEMMAS
)

# --- speakers ----------------------------------------------------------------------------------------------
# Common nouns (lemmas) that can be the subject of a characterising verb ("the minister called it ...").
SPEAKER_NOUNS: frozenset[str] = frozenset(
    """official spokesman spokeswoman spokesperson minister president leader government ministry analyst
    observer source expert diplomat envoy commander general senator lawmaker governor mayor chief head
    secretary ambassador candidate campaign party group statement report agency police army military
    critic activist witness resident people supporter opponent director chairman member adviser advisor
    aide officer prosecutor judge court lawyer attorney""".split()
)
# Speaker mentions that name nobody by themselves and need coreference (``extract.is_pronoun``):
# the personal pronouns plus demonstratives and indefinites ("this", "someone").
COREFERENT_SPEAKER_WORDS: frozenset[str] = PERSONAL_PRONOUNS | frozenset(
    {"this", "that", "who", "one", "someone", "everyone"}
)
# Speaker head words the stage resolves to an earlier person ("he said") or to an earlier group or
# organisation ("they said", "it said"). Subject and object forms only, and not "me", "you": the stage's
# own choice, narrower than COREFERENT_SPEAKER_WORDS.
ONE_PERSON_SPEAKER_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i"})
GROUP_SPEAKER_PRONOUNS: frozenset[str] = frozenset({"they", "we", "it", "them", "us"})
# Determiners that make a common noun refer back to a person named before ("the minister", "his aide").
REFERRING_DETERMINERS: frozenset[str] = DEFINITE_DETERMINERS | THIRD_PERSON_POSSESSIVES
