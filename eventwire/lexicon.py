"""English function words that several capabilities need: pronouns, determiners and prepositions.

This is the core layer's word list module: it imports nothing from eventwire. Each capability keeps its
own lists in its ``lexicon.py`` (``eventwire/text/lexicon.py``, ``eventwire/quotes/lexicon.py``,
``eventwire/places/lexicon.py``, ``eventwire/actors/lexicon.py``) and builds them from the sets here
where they overlap, so a pronoun or a determiner is spelled in one place.

All entries are lower case; compare them with a lower-cased token (``tok.lower_``).
See docs/extending.md ("Adding a word to a lexicon").
"""

from __future__ import annotations

# Personal pronouns, subject and object forms ("he said", "told him").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"i", "you", "he", "she", "it", "we", "they"})
OBJECT_PRONOUNS: frozenset[str] = frozenset({"me", "you", "him", "her", "it", "us", "them"})
PERSONAL_PRONOUNS: frozenset[str] = SUBJECT_PRONOUNS | OBJECT_PRONOUNS

# Every form of the third person singular pronouns that refer to a man or to a woman.
MALE_PRONOUNS: frozenset[str] = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS: frozenset[str] = frozenset({"she", "her", "hers", "herself"})

# Determiners that make a noun phrase refer to something known ("the group", "this official").
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})
# Possessive determiners of the third person ("his ministry", "their leaders").
THIRD_PERSON_POSSESSIVES: frozenset[str] = frozenset({"his", "her", "its", "their"})

# Prepositions, as event patterns name them ("+against", "into +"), PETRARCH dictionaries included.
PREPOSITIONS: frozenset[str] = frozenset(
    "about above across after against along among around as at before behind below beneath beside between "
    "beyond by despite during for from in inside into like near of off on onto out outside over past "
    "since through throughout to toward towards under until up upon via with within without".split()
)
