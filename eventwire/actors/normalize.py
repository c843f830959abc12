"""Name normalisation and transliteration-tolerant comparison.

Why: the same person is spelled many ways in English news (Sergei/Sergey Lavrov, al-Moualem/Mualem,
Gaddafi/Qaddafi, Alkhatib/al-Khatib). Exact keys (``name_key``) drive the fast dictionary match; the
looser ``skeleton`` and ``same_token``/``same_person`` decide variants, and never merge two people on a
shared surname when their given names conflict (Bashar versus Hafez al-Assad).
"""

from __future__ import annotations

import functools
import re

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler, Levenshtein

from eventwire.actors.lexicon import HONORIFICS, KINSHIP, PARTICLES, SURNAME_PARTICLES

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_APOS = re.compile(r"['\u2019`\u02bc\u02bf\u02be]")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """ASCII, lower case, apostrophes removed (Ma'arra == Maarra), every other non-alphanumeric a space."""
    ascii_text = anyascii(text).lower()
    ascii_text = _APOS.sub("", ascii_text).replace(".", "")
    return _NON_ALNUM.sub(" ", ascii_text).strip()


def tokens(text: str) -> list[str]:
    return fold(text).split()


def name_key(text: str, drop_particles: bool = True) -> str:
    """The exact-match key of a name: folded tokens, Arabic particles removed (unless that empties it)."""
    toks = tokens(text)
    if len(toks) > 1 and toks[0] == "the":
        toks = toks[1:]  # "the United Nations" == "United Nations": the article is matched outside the key
    if drop_particles:
        kept = [t for t in toks if t not in PARTICLES]
        if len(kept) == 1 and any(t in KINSHIP for t in toks):
            kept = [t for t in toks if t not in PARTICLES or t in KINSHIP]  # "Ben Ali" is not "Ali"
        if kept:
            toks = kept
    return " ".join(toks)


# Transliteration rules applied in order to a folded token: vowel digraphs, Arabic/Russian romanisation
# pairs (q/k, kh/h, dh/d, ou/u, y/i ...). Order matters: longer patterns first.
_RULES: tuple[tuple[str, str], ...] = (
    ("tch", "ch"), ("sch", "sh"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"),
    ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("cz", "ch"), ("ks", "x"), ("ts", "z"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ea", "i"), ("ie", "i"), ("ei", "i"), ("iy", "i"), ("ij", "i"),
    ("mich", "mih"), ("ch", "sh"), ("ai", "e"), ("ay", "e"), ("ey", "e"), ("ae", "e"), ("aa", "a"), ("w", "v"),
    ("q", "k"), ("c", "k"),
    ("y", "i"), ("j", "i"), ("z", "s"),
)
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=200_000)
def translit(token: str) -> str:
    """A romanisation-neutral form of one folded token: Mualem/Moualem/Muallem -> 'mualem'."""
    t = fold(token).replace(" ", "")
    if len(t) > 3 and t[0] in "yj" and t[1] == "e":
        t = t[1:]  # Yelena -> Elena, Jewgeni -> ewgeni
    if len(t) > 4 and t.endswith("s") and t[-2] not in "aeious":
        t = t[:-1]  # Latvian nominative: Sergejs -> Sergej
    if len(t) > 3 and t.endswith("h") and t[-2] in "aeiou":
        t = t[:-1]  # Fatimah -> Fatima
    for a, b in _RULES:
        t = t.replace(a, b)
    t = _DOUBLE.sub(r"\1", t)
    if len(t) > 3 and t.endswith("e") and t[-2] not in "aeiou":
        t = t[:-1]  # Verne -> Vern
    return t


def skeleton(token: str) -> str:
    """First letter plus consonants of the transliterated token: a coarse blocking key."""
    t = translit(token)
    if not t:
        return ""
    return t[0] + re.sub(r"[aeiouh]", "", t[1:])


def strip_glued_particle(token: str) -> str:
    """'alkhatib' -> 'khatib' (the article written without a hyphen), only when what remains is a name."""
    t = fold(token)
    for p in ("al", "el"):
        if t.startswith(p) and len(t) - len(p) >= 4 and t[len(p)] not in "aeiou":
            return t[len(p):]
    return t


def token_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two name tokens: the plain mean of five views of the pair (edit and
    Jaro-Winkler similarity of the transliterated forms, of their consonant skeletons, of the forms with
    vowel runs collapsed, and Jaro-Winkler of the folded spellings), so no view dominates."""
    ta, tb = translit(a), translit(b)
    if not ta or not tb:
        return 0.0
    if ta == tb:
        return 1.0
    ska, skb = skeleton(a), skeleton(b)
    va, vb = _VOWELS.sub("a", ta), _VOWELS.sub("a", tb)
    views = (
        Levenshtein.normalized_similarity(ta, tb),
        JaroWinkler.similarity(ta, tb),
        Levenshtein.normalized_similarity(ska, skb) if ska and skb else 0.0,
        Levenshtein.normalized_similarity(va, vb),
        JaroWinkler.similarity(fold(a), fold(b)),
    )
    return sum(views) / len(views)


_VOWELS = re.compile(r"[aeiou]+")
SAME_TOKEN_THRESHOLD = 0.68

# Initial letters that romanisations swap (Qaddafi/Gaddafi, Othman/Uthman, Yelena/Elena, Philipp/Filipp).
_INITIALS: tuple[str, ...] = ("aeiouyjh", "qkgc", "fvwp", "bp", "sz", "td")


def _initial_class(token: str) -> str:
    c = token[0]
    if token.startswith("ph"):
        return "fvwp"
    for group in _INITIALS:
        if c in group:
            return group
    return c


def same_token(a: str, b: str, threshold: float = SAME_TOKEN_THRESHOLD) -> bool:
    """Are two single name tokens spellings of the same name?"""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb:
        return False
    if _initial_class(fa) != _initial_class(fb) and _initial_class(translit(fa)) != _initial_class(translit(fb)):
        # Different initials rarely transliterate into each other, except within the classes above.
        return False
    fa, fb = strip_glued_particle(fa), strip_glued_particle(fb)
    return token_similarity(fa, fb) >= threshold


def person_parts(name: str) -> list[str]:
    """Folded tokens of a person name without honorifics or particles (kept in order): "De Mistura" and
    "Staffan de Mistura" share the surname "mistura" and no conflicting given name."""
    return list(_person_parts(name))


@functools.lru_cache(maxsize=100_000)
def _person_parts(name: str) -> tuple[str, ...]:
    """Cached: the resolver compares each name with every person of the article, many times over."""
    toks = [t for t in tokens(name) if t not in HONORIFICS]
    toks = [t for i, t in enumerate(toks) if t not in SURNAME_PARTICLES or i == len(toks) - 1] or toks
    kept = [strip_glued_particle(t) for t in toks if t not in PARTICLES]
    return tuple(kept or toks)


def same_person(a: str, b: str) -> bool:
    """Could ``a`` and ``b`` name the same person? Surnames must agree; given names, if both present, too.

    "Mualem" ~ "Walid al-Moualem" (surname only on one side), "Sergei Lavrov" ~ "Sergey Lavrov", but
    "Hafez al-Assad" !~ "Bashar al-Assad" (conflicting given names).
    """
    pa, pb = person_parts(a), person_parts(b)
    if not pa or not pb:
        return False
    if not same_token(pa[-1], pb[-1]):
        return False
    ga, gb = pa[:-1], pb[:-1]
    if not ga or not gb:
        return True
    # Compare the first given names; initials ("V. Putin") agree with any name of that initial.
    x, y = ga[0], gb[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return same_token(x, y)
