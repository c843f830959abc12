r"""Word lists of the text capability: the words the cleaner's patterns look for.

``rules.py`` and ``clean.py`` (the cleaner) build their regular expressions from these lists; nothing else
of the cleaner is a list of words.

The cleaner's lists hold regular-expression fragments, joined by ``alternation``: a space stands for any
run of whitespace (it becomes ``\s+``), ``s?`` makes a plural optional, ``(?:by|in)`` offers a choice, and
a literal dot is written ``\.``. Whether a list is matched case-sensitively is said beside it.
See docs/extending.md ("Adding a word to a lexicon").
"""

from __future__ import annotations

from collections.abc import Iterable


def alternation(entries: Iterable[str]) -> str:
    r"""The entries as one regex alternation, each space made ``\s+`` ("read more" -> ``read\s+more``)."""
    return "|".join(entry.replace(" ", r"\s+") for entry in entries)


# --- photo captions and credits (case-insensitive) ---------------------------------------------------------
# Kinds of media a caption or credit names ("Photo: AFP", "(File photo)", "Video credit: ...").
MEDIA_WORDS: tuple[str, ...] = (
    "photo", "photos", "photograph", "image", "picture", "pic", "video", "illustration", "graphic", "infographic",
)
# Phrases that only appear in photo credits ("... Getty Images", "AFP Photo").
CREDIT_TOKENS: tuple[str, ...] = (
    "getty images", "afp photo", "ap photo", "epa-efe", "shutterstock", "image copyright", "photo credit",
    "photo courtesy",
)
# Agencies whose photo credits read "AGENCY/Photographer" (case-sensitive: upper case only).
PHOTO_AGENCIES: tuple[str, ...] = (
    "REUTERS", "AFP", "AP", "EPA", "XINHUA", "ANADOLU", "TASS", "SPUTNIK", "ANTARA", "VNA",
)
# HTML tags removed from inside a line (the tag only, its text is kept).
HTML_TAGS: tuple[str, ...] = (
    "p", "div", "span", "br", "a", "b", "i", "em", "strong", "u", "h[1-6]", "ul", "ol", "li", "table", "tr", "td",
    "th", "tbody", "thead", "blockquote", "figure", "caption", "picture", "source", "section", "article",
    "header", "footer", "aside", "nav", "hr", "iframe", "noscript", "small", "sup", "sub", "time", "label",
    "button", "font", "center", "main", "dl", "dt", "dd", "cite", "q", "abbr", "mark", "svg", "path", "video",
    "audio", "embed", "object", "html", "body", "head",
)

# --- bylines and credits -----------------------------------------------------------------------------------
# Words that open a byline before the author's name ("By John Smith", "Written by ..."; case-insensitive).
BYLINE_OPENERS: tuple[str, ...] = ("by", "written by", "posted by", "story by", "words by")
# Lower-case words inside a person's name in a byline ("By Ahmed al Omran", "By Ursula von der Leyen").
NAME_PARTICLES: tuple[str, ...] = ("al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "du", "dos")
# Work credited at the end of wire copy, before "by" ("Reporting by ...", "Editing by ..."; case-insensitive).
CREDITED_WORK: tuple[str, ...] = (
    "reporting", "additional reporting", "writing", "editing", "compiled", "translated", "edited", "written",
    "produced", "photos?", "graphics?", "video",
)
# What someone "contributed to" at the end of a credit line ("... contributed to this report").
CONTRIBUTED_TO: tuple[str, ...] = ("report", "story", "article", "reporting")
# Newsroom roles of a staff line ("Editor: Nguyen Van A"; case-insensitive).
STAFF_ROLES: tuple[str, ...] = (
    "editor", "editors", "editing", "reporter", "reporters", "correspondent", "translator", "translation",
    "writer", "author",
)

# --- boilerplate (case-insensitive) ------------------------------------------------------------------------
# Headings of links to other stories, before ":", "|", ">" or a dash ("Read more: ...", "Related - ...").
LINK_HEADINGS: tuple[str, ...] = (
    "read more", "related", "see also", "also read", "recommended", "more on this", "more from",
)
# Social networks of a "Follow us on ..." line.
SOCIAL_NETWORKS: tuple[str, ...] = ("twitter", "facebook", "instagram", "telegram", "x")

# --- source lines and datelines ----------------------------------------------------------------------------
# Words that open a line naming the outlet ("Source: Xinhua", "According to VOV.VN", Vietnamese "Nguồn:" and
# "Theo"; case-insensitive).
SOURCE_CUES: tuple[str, ...] = (
    "according to", "source", "sources", "nguồn", "theo", "reported by", "courtesy of",
    "originally published (?:by|in|on|at)",
)
# Month names and abbreviations of a dateline's date (case-insensitive; an abbreviation may take a dot).
# Not the month lists of eventwire.times, which parse dates rather than recognise a dateline.
MONTHS: tuple[str, ...] = (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sept?(?:ember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
)
# Weekday names less "day" (case-insensitive): "Monday" is "mon" + "day".
WEEKDAY_STEMS: tuple[str, ...] = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
# Domain endings of an outlet named at the start of the story ("Vietnamnet.vn - ..."; lower case only).
LEAD_DOMAIN_ENDINGS: tuple[str, ...] = (
    "vn", "com", "net", "org", r"co\.uk", "ru", "cn", "info", "news", "in", "tr", "az",
)
# Domain endings dropped from an outlet's name ("VOV.VN" -> "VOV"; case-insensitive). The same as
# LEAD_DOMAIN_ENDINGS plus "co"; kept apart because merging them would change which lines open with an outlet.
OUTLET_DOMAIN_ENDINGS: tuple[str, ...] = (
    "vn", "com", "net", "org", r"co\.uk", "co", "ru", "cn", "info", "news", "in", "tr", "az",
)
