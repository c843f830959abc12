"""Word lists of the places capability: the words around a name that make it a place, and name parts.

``resolve.py`` (finding and resolving toponyms) and ``gazetteer.py`` (name keys, demonyms) read these.
Entries are lower case (compared with ``tok.lower_`` or a gazetteer key), except the demonyms, which are
written as news writes them. See docs/extending.md ("Adding a word to a lexicon").
"""

from __future__ import annotations

import calendar

# --- the words around a name (resolve.py) -------------------------------------------------------------------
# Prepositions after which a name is used as a place, not as an actor ("in Syria", "from Moscow").
# Not events.coder.LOCATIVE_PREPS, which lists the prepositions of where an event happened (a smaller set).
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "in into inside within to towards toward from across near at throughout around outside through via "
    "between along off over beyond onto entering visiting".split()
)
# Nouns after "of" that make the phrase locative ("the territory of Syria", "north of Aleppo").
GEO_NOUNS: frozenset[str] = frozenset(
    "territory part parts north south east west northeast northwest southeast southwest centre center "
    "capital region regions province provinces city cities town towns border borders coast outskirts "
    "areas area soil airspace heart interior rest side sides countryside streets".split()
)
# Verbs whose direct object is a place one goes to ("entered Syria", "visited Sochi").
MOTION_VERBS: frozenset[str] = frozenset("enter reach visit cross tour invade leave flee return".split())
# Words that may stand between a preposition and the name ("in northern Syria", "to war-torn Syria").
DIRECTION_ADJ: frozenset[str] = frozenset(
    "northern southern eastern western central north south east west northeastern northwestern "
    "southeastern southwestern neighbouring neighboring nearby war-torn".split()
)
# Nouns after a town's name that make it where people are from ("a DeKalb man", "Alexandria woman charged").
RESIDENT_NOUNS: frozenset[str] = frozenset(
    "man men woman women boy boys girl girls teen teens teenager teenagers couple family resident residents "
    "native natives mother father student students driver motorist homeowner homeowners".split()
)
# Words after a town's name that make the phrase one of its institutions ("Huntsville Fire Chief", "Ozark
# police", "Dublin City Council"): in the geoparsing corpora's convention the town is a toponym.
INSTITUTION_WORDS: frozenset[str] = frozenset(
    "police fire sheriff council mayor courthouse township fair".split()
)
# Words after a place's name that put a facility in that place ("Baghdad airport", "Incirlik air base", "Wood
# Green Crown Court"): when the gazetteer lacks the whole name, the place named before them is where it is.
FACILITY_WORDS: tuple[str, ...] = (
    "international airport", "airport", "airfield", "air base", "airbase", "military base", "naval base", "base",
    "prison", "jail", "detention centre", "detention center", "crown court", "stadium", "mosque", "cathedral",
    "hospital", "port", "harbour", "harbor",
)
# Facility words whose name before them is usually an owner or a dedication, not the place ("the US embassy",
# "the Supreme Court", "Trafalgar Square", "St Mary's church"): only listed facilities (data/facilities.tsv)
# with these words are placed.
OWNER_FACILITY_WORDS: tuple[str, ...] = ("embassy", "consulate", "court", "square", "church")
# Names that are also generic words ("the West", "the South"): only a region, sea or continent of that name.
GENERIC_WORDS: frozenset[str] = frozenset(
    "west east north south center centre central western eastern northern southern midwest "
    "northeast northwest southeast southwest interior capital city state island coast".split()
)

# --- name parts (gazetteer.py) ------------------------------------------------------------------------------
# Arabic definite articles stripped from a place name for the gazetteer's weaker key ("ar raqqah" -> "raqqah").
# Not the actors' PARTICLES (eventwire.actors.lexicon): those are for person names and include "bin", "abu".
PLACE_NAME_PARTICLES: tuple[str, ...] = (
    "al", "ar", "as", "an", "ad", "at", "az", "ash", "adh", "ath", "el", "ul", "ed", "es", "en", "et",
)
# Words that name an administrative level after a region's name ("Aleppo province", "Orange County").
ADMIN_LEVEL_WORDS: tuple[str, ...] = (
    "governorate", "province", "oblast", "region", "state", "krai", "prefecture", "district", "department",
    "county", "parish", "territory", "municipality",
)

# Supplements to the shipped demonym table: the forms news uses that countryinfo lacks.
EXTRA_DEMONYMS: dict[str, str] = {
    "Saudi": "SA", "Emirati": "AE", "Israeli": "IL", "Iranian": "IR", "Afghan": "AF", "Pakistani": "PK",
    "Ukrainian": "UA", "Russian": "RU", "Chinese": "CN", "Korean": "KR", "North Korean": "KP",
    "South Korean": "KR", "Yemeni": "YE", "Lebanese": "LB", "Jordanian": "JO", "Egyptian": "EG",
    "Libyan": "LY", "Qatari": "QA", "Kuwaiti": "KW", "Omani": "OM", "Bahraini": "BH", "Sudanese": "SD",
    "Somali": "SO", "Malian": "ML", "Nigerian": "NG", "Ethiopian": "ET", "Kenyan": "KE", "Turk": "TR",
    "Briton": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Filipino": "PH", "Vietnamese": "VN",
    "Argentine": "AR", "Argentinian": "AR", "Colombian": "CO", "Venezuelan": "VE", "Mexican": "MX",
    "Canadian": "CA", "Belarusian": "BY", "Georgian": "GE", "Armenian": "AM", "Azerbaijani": "AZ",
    "Azeri": "AZ", "Kazakh": "KZ", "Uzbek": "UZ", "Tajik": "TJ", "Kyrgyz": "KG", "Serbian": "RS",
    "Croatian": "HR", "Bosnian": "BA", "Albanian": "AL", "Kosovar": "XK", "Moldovan": "MD", "Polish": "PL",
    "French": "FR", "German": "DE", "Italian": "IT", "Spanish": "ES", "Portuguese": "PT", "Greek": "GR",
    "Japanese": "JP", "Indian": "IN", "Bangladeshi": "BD", "Sri Lankan": "LK", "Burmese": "MM",
    "Thai": "TH", "Indonesian": "ID", "Malaysian": "MY", "Australian": "AU", "Cuban": "CU",
    "Brazilian": "BR", "Chilean": "CL", "Peruvian": "PE", "Tunisian": "TN", "Algerian": "DZ",
    "Moroccan": "MA", "Mauritanian": "MR", "Nigerien": "NE", "Chadian": "TD", "Congolese": "CD",
    "Rwandan": "RW", "Ugandan": "UG", "Zimbabwean": "ZW", "South African": "ZA", "Eritrean": "ER",
    "Syrian": "SY", "Iraqi": "IQ", "Turkish": "TR", "American": "US", "British": "GB", "Dutch": "NL",
    "Swiss": "CH", "Palestinian": "PS", "Middle Eastern": "", "Western": "", "European": "",
    "African": "", "Asian": "", "Arab": "", "Kurdish": "", "Kurd": "", "Arabic": "", "Persian": "IR",
    "Sunni": "", "Shiite": "", "Shia": "", "Latin American": "", "Caucasian": "", "Balkan": "",
}

# month and weekday names (and their usual abbreviations): a time, whatever the gazetteer holds
CALENDAR_WORDS = frozenset(
    [n.lower() for n in calendar.month_name if n] + [n.lower()[:3] for n in calendar.month_name if n]
    + [n.lower() for n in calendar.day_name] + ["sept", "tues", "thur", "thurs", "weds"]
)
