"""Word lists of the actors capability: name particles, titles, group nouns, gendered words, pronouns.

``normalize.py`` (comparing names), ``resolve.py`` (finding and resolving mentions) and
``dictionaries.py`` (display names) read these. Entries are folded words (``normalize.fold``: ASCII,
lower case, no dots), the form the resolver compares tokens in. Pronouns and determiners come from
``eventwire.lexicon`` (shared with the quotes capability). See docs/extending.md ("Adding a word to a
lexicon").
"""

from __future__ import annotations

from eventwire.lexicon import DEFINITE_DETERMINERS, FEMALE_PRONOUNS, MALE_PRONOUNS

# --- name comparison (normalize.py) ------------------------------------------------------------------------
# Arabic articles and patronymic particles, dropped from keys so "al-Assad" == "Assad" == "el Assad".
PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "bin", "ibn", "ben", "abu", "bint"}
)
# Patronymic/kunya particles: dropped only when a name is left besides them ("Abu Mazen" stays whole).
KINSHIP: frozenset[str] = frozenset({"bin", "ibn", "ben", "abu", "bint"})
# European surname particles: "Staffan de Mistura" is "De Mistura" at a sentence start and "de Mistura" after
# it, "Ursula von der Leyen" is "von der Leyen"; dropped before two names are compared (never the last word).
SURNAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "ter", "la", "le", "dos", "das"}
)
# Titles before a person's name that are not part of it: dropped before two names are compared ("Dr. Ayman
# Zawahiri" ~ "Ayman al-Zawahiri", normalize.person_parts), and joined to the mention of the name right after
# them but left out of its name text ("Mr. Mualem", "King Abdullah", resolve.py). One list since the
# restructuring (the two copies differed; their union left every evaluation figure unchanged).
HONORIFICS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "sheikh", "shaikh", "sir", "gen", "general", "col", "prof", "king", "prince", "queen"}
)

# --- mentions (resolve.py) ---------------------------------------------------------------------------------
# Determiners that open an anaphoric mention ("the group", "this rebel group").
DETERMINERS: frozenset[str] = DEFINITE_DETERMINERS
# Nouns that refer back to the last group or organisation ("the group", "the militants").
GROUP_NOUNS: frozenset[str] = frozenset(
    {"group", "organization", "organisation", "movement", "coalition", "alliance", "militia", "faction",
     "network", "bloc", "militants", "rebels", "jihadists", "fighters", "insurgents"}
)
# Group nouns that say what kind of group they refer back to: the sectors the earlier actor must have ("the
# rebels" is not the CIA named just before; "the militants" not Raqqa, which the recogniser called an ORG).
_ARMED: frozenset[str] = frozenset({"REB", "UAF", "IMG", "RAD", "INS", "OPP"})
GROUP_NOUN_SECTORS: dict[str, frozenset[str]] = {
    "militants": _ARMED, "rebels": _ARMED, "jihadists": _ARMED, "insurgents": _ARMED,
    "fighters": _ARMED | {"MIL"}, "militia": _ARMED | {"MIL"},
}
# Pronouns that refer back to a person, and those of them that refer to a man.
PERSON_PRONOUNS: frozenset[str] = MALE_PRONOUNS | FEMALE_PRONOUNS
# Words in a person's mention that tell the person's gender (a pronoun must agree with it).
MALE_WORDS: frozenset[str] = frozenset(
    {"mr", "sir", "king", "prince", "sheikh", "spokesman", "chairman", "emir", "sultan", "man", "gunman",
     "policeman", "boy", "father", "son", "brother", "husband", "businessman", "congressman"}
)
FEMALE_WORDS: frozenset[str] = frozenset(
    {"mrs", "ms", "miss", "madam", "queen", "princess", "spokeswoman", "chairwoman", "lady", "woman", "girl",
     "mother", "daughter", "sister", "wife", "policewoman", "businesswoman", "congresswoman"}
)
# Given names that tell a person's gender when no title does ("Angela Maggard ... he" is someone else): names
# common in English-language news, written for this list (folded). A name used for both (Jean, Kim, Andrea,
# Nikita) is in neither.
FEMALE_GIVEN_NAMES: frozenset[str] = frozenset("""
    abigail adriana agnes aisha alexandra alice alicia alison amanda amber amy ana anastasia angela angelina
    angelique ann anna anne annette antonia barbara beatrice betty beverly bonnie brenda bridget carla carmen
    carol caroline carolyn catherine cathy cecilia charlotte cheryl christina christine claire claudia colleen
    cristina cynthia daniela danielle daphne deborah debra denise diana diane dilma dolores donna doris
    dorothy edith elaine eleanor elena elisabeth elizabeth ellen emily emma erica erin esther eva evelyn fatima
    federica fiona florence frances gabriela gina gloria grace hannah harriet heather heidi helen helena hillary
    ingrid irene irina isabel isabella jacinda jacqueline jane janet janice jeanne jennifer jessica jill joan
    joanna joanne josephine joyce judith judy julia julie juliet karen kate katherine kathleen kathryn katie
    kamala kimberly kirsten kristin laura lauren leila linda lisa liz louise lucy lydia lynn madeleine malala
    margaret margarita maria marian marie marina marine marion marisa martha mary maryam megan melania melissa
    michelle mira miriam molly monica nadia nancy natalia natalie nicola nicole nikki nina olga olivia pamela
    patricia paula pauline penny priti rachel rebecca rita roberta rosa rose ruth sabine sally samantha sandra
    sara sarah shannon sharon sheila shirley silvia sonia sophia sophie stephanie susan suzanne svetlana sylvia
    tamara tatiana teresa theresa tracy tulsi ursula valentina valerie vanessa veronica victoria virginia
    wendy yulia yvonne zainab
""".split())
MALE_GIVEN_NAMES: frozenset[str] = frozenset("""
    abdullah adam adel ahmad ahmed alan albert alexander alexei ali andrew andrei angus anthony
    antonio arthur ashraf ayman barack bashar benjamin bernard bill bob boris brian bruce carl carlos charles
    chris christopher colin craig daniel david dennis dmitry donald doug douglas edward emmanuel eric frank fred
    gary george gerald gordon greg gregory hamad hans harold hassan henry hussein ibrahim ivan jack jacob james
    jared jason jeff jeffrey jeremy jerry jim joe john jonathan jose joseph juan justin keith ken kenneth kevin
    khalid larry mahmoud mark martin matthew michael mike mikhail mohamed mohammad mohammed muhammad nabil
    nasser neil nicholas nick omar patrick paul peter philip ralph raymond recep rex richard rick robert roger
    ronald ryan saeed salman samuel scott sean sergei sergey stephen steve steven thomas tim timothy todd tom
    tony vladimir walid walter wayne william yousef yusuf
""".split())
# Words before a mention that make it a former office holder ("former President X").
FORMER_WORDS: frozenset[str] = frozenset({"former", "ex", "then", "erstwhile", "late"})
# Heads of an "X-led ..." phrase that make it one coalition actor ("the US-led coalition").
LED_HEADS: frozenset[str] = frozenset(
    {"coalition", "alliance", "force", "forces", "mission", "operation", "campaign", "troops"}
)
# Titles that name one office holder ("the Russian Foreign Minister" is a person, "Russian leaders" not).
TITLE_WORDS: frozenset[str] = frozenset(
    {"president", "minister", "secretary", "premier", "chancellor", "king", "emir", "sultan", "spokesman",
     "spokeswoman", "spokesperson", "envoy", "ambassador", "leader", "commander", "chief", "prince", "general",
     "counterpart", "head", "chairman", "governor", "mayor", "prime"}
)
# Capitalised only because they start a sentence: never a name on their own.
COMMON_SENTENCE_STARTS: frozenset[str] = frozenset(
    {"meanwhile", "however", "but", "and", "so", "then", "also", "because", "according", "some", "many",
     "several", "most", "all", "after", "before", "while", "although", "still", "yet", "now", "today",
     "here", "there", "this", "that", "these", "those", "it", "they", "we", "he", "she", "in", "on", "at"}
)
# The noun that names a sector actor ("Government of Syria"), by CAMEO sector code.
SECTOR_NOUNS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "OPP": "opposition", "REB": "rebels", "COP": "police",
    "UAF": "armed groups", "JUD": "judiciary", "LEG": "legislature", "MED": "media", "BUS": "business",
    "CVL": "civilians", "EDU": "education", "HLH": "health", "REF": "refugees", "SPY": "intelligence",
    "ELI": "elites", "LAB": "labour", "PTY": "political parties", "IGO": "international organisations",
    "NGO": "NGOs",
}

# --- generic actors (resolve.py) ----------------------------------------------------------------------------
# Determiners that introduce a new individual ("a man", "another gunman"): each is a new actor, while "the man"
# refers back to the last one.
INDEFINITE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "another", "one"})
# Agent-like nouns the knowledge base's agents table lacks, with the sector they give (None: no sector, the
# actor is kept uncoded). Used only when the KB has no agent for the word.
GENERIC_NOUNS: dict[str, str | None] = {
    "critic": None, "critics": None, "attacker": "CRM", "attackers": "CRM", "suspect": "CRM", "suspects": "CRM",
    "shooter": "CRM", "shooters": "CRM", "officer": "COP", "officers": "COP", "police officer": "COP",
    "police officers": "COP", "killer": "CRM", "killers": "CRM", "kidnapper": "CRM", "kidnappers": "CRM",
    "robber": "CRM", "robbers": "CRM", "assailants": "CRM",
    "jets": "MIL", "fighter jets": "MIL", "aircraft": "MIL", "opponent": "OPP", "opponents": "OPP",
    "hostage": "CVL", "hostages": "CVL", "family": "CVL", "relatives": "CVL", "witness": "CVL", "witnesses": "CVL",
    "inmate": "CVL", "inmates": "CVL", "locals": "CVL", "investigators": "COP", "councilman": "GOV",
    "councilwoman": "GOV", "councillor": "GOV", "aide": "GOV", "aides": "GOV", "adviser": "GOV", "advisers": "GOV",
    "supporters": None, "experts": None, "analysts": None, "observers": None,
}
# Nouns for people of a group: after a sector word they name its members ("opposition figures", "police
# members"), where after other nouns the sector word only modifies ("the military campaign").
MEMBER_NOUNS: frozenset[str] = frozenset(
    {"member", "members", "figure", "figures", "politician", "politicians", "supporter", "supporters",
     "activist", "activists", "personnel", "staff", "workers", "representatives", "delegates"}
)
# Subject pronouns that stand for a group named just before ("Syrian rebels left Aleppo. They attacked ...").
GROUP_SUBJECT_PRONOUNS: frozenset[str] = frozenset({"they"})
# Nouns for what a group holds, which stand for the group in any role ("fired on militant positions", "struck
# Syrian regime targets", "rebel strongholds", "refugee camps demanded aid"), as CAMEO and PLOVER code them;
# mostly met as the target of force.
HOLDING_NOUNS: frozenset[str] = frozenset(
    {"position", "positions", "target", "targets", "stronghold", "strongholds", "base", "bases", "outpost",
     "outposts", "hideout", "hideouts", "camp", "camps", "checkpoint", "checkpoints", "convoy", "convoys"}
)
# Agents whose KB sector does not say what the guidelines call them: an unnamed gunman is a criminal (CRM),
# not an armed group (the KB's UAF); prisoners are not police (the KB's COP).
GENERIC_SECTOR_OVERRIDES: dict[str, str] = {
    "gunman": "CRM", "gunmen": "CRM", "assailant": "CRM", "prisoner": "CVL", "prisoners": "CVL",
}
# Sectors of local institutions, whose country a city gives ("Winnipeg police", "a court in Istanbul"):
# officials or forces in a city may be another state's, or a rebel group's (Idlib, Afrin).
LOCAL_SECTORS: frozenset[str] = frozenset({"COP", "JUD"})
# Last words of an organisation's name: "Police Service" after a sector noun is no person's name.
ORGANISATION_HEADS: frozenset[str] = frozenset(
    {"service", "department", "force", "office", "unit", "agency", "ministry", "court", "bureau", "authority",
     "directorate", "command", "council", "committee", "commission", "squad", "constabulary"}
)
# Peoples and creeds whose word gives no country (the Kurds live in Turkey, Syria, Iraq and Iran: "Kurdish
# forces" are the YPG in Syria, the Peshmerga in Iraq) but makes other actors of a sector noun ("Kurdish forces"
# are not "forces" in general). Decided: the Document's country stays null for them.
PEOPLES_WITHOUT_COUNTRY: frozenset[str] = frozenset(
    {"kurdish", "kurd", "arab", "druze", "yazidi", "shia", "shiite", "sunni", "alawite", "baloch", "pashtun",
     "tamil", "uighur", "uyghur", "rohingya", "tuareg", "berber", "basque", "catalan", "islamist"}
)
# Sectors of a state's own armed forces: with a people word or an "anti-" among their modifiers the forces
# are an armed group's (REB), whatever country word stands beside them ("anti-Assad Syrian Kurdish forces")
STATE_ARMED_SECTORS: frozenset[str] = frozenset({"MIL"})
# Nouns of institutions: never one person, so no pronoun refers to them.
INSTITUTION_NOUNS: frozenset[str] = frozenset(
    {"government", "police", "army", "military", "court", "parliament", "administration", "opposition",
     "ministry", "cabinet", "senate", "congress", "regime", "authorities", "navy", "legislature", "judiciary",
     "council", "committee", "party", "agency", "department", "embassy", "media", "press", "junta", "forces",
     "force", "security", "air force", "supreme court", "assembly", "troops", "office", "state", "family",
     "prison", "jail", "hospital", "university", "college", "palace", "presidential palace", "militia",
     "magazine", "newspaper", "gang", "company", "firm", "authority", "bank", "group", "network", "union",
     "board", "station", "channel", "broadcaster", "club", "church", "mosque", "team", "unit", "service",
     "kingdom", "republic", "country", "nation", "emirate", "monarchy"}
)
# CAMEO role codes in the first slot of a code are not countries; the document's sector field uses the
# guidelines' names for the ones that have one (PPL people -> CVL, UAF armed groups -> REB, SPY -> COP).
PLOVER_SECTORS: dict[str, str] = {"PPL": "CVL", "REF": "CVL", "SPY": "COP", "UAF": "REB"}

# --- display names (dictionaries.py) -----------------------------------------------------------------------
# Words kept in lower case inside a name read from an upper-case PETRARCH dictionary ("Bashar al Assad").
LOWERCASE_NAME_WORDS: frozenset[str] = frozenset(
    {"al", "el", "bin", "ibn", "of", "the", "and", "for", "de", "da", "von", "van", "le"}
)
