"""The cleaner never raises, only removes text that was there, and leaves no debris of the kinds it knows."""

from __future__ import annotations

import re

from hypothesis import given, settings

from eventwire.text.clean import Cleaner, normalise_text

from .strategies import mixed_text, scaled

CLEANER = Cleaner()
DEBRIS = [
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # markdown image
    re.compile(r"<img\b[^<>\n]*>", re.I),  # HTML image
    re.compile(r"</?(?:p|div|span|br|figure|figcaption)\b[^<>\n]*>", re.I),  # layout tags
    re.compile(r"/\.$", re.M),  # Vietnamese end marker
    re.compile(r"\((?i:end)\)$", re.M),  # (END)
    re.compile(r"^\s*(?:#{3}|-- ENDS --)\s*$", re.M),
]
INVISIBLE = "\u200b\u200c\u200d\u00ad\ufeff\u00a0\u2028\u2029"


@settings(max_examples=scaled(150))
@given(raw=mixed_text)
def test_cleaner_properties(raw: str) -> None:
    title, lead, body, removed, outlet = CLEANER.clean(raw)
    text = f"{title}\n{body}" if title and body else (title or body)
    norm = normalise_text(raw)
    for r in removed:
        assert r.text.strip(), r
        assert r.text in norm, f"removal {r.text!r} was not in the input"
    for pattern in DEBRIS:
        assert not pattern.search(text), f"{pattern.pattern} left in {text!r}"
    assert not any(ch in text for ch in INVISIBLE)
    assert not any(ord(ch) < 32 and ch != "\n" for ch in text)
    assert title is None or "\n" not in title
    if lead is not None:
        assert lead in body.split("\n")
    if outlet is not None:
        assert outlet.strip() == outlet and outlet


@settings(max_examples=scaled(80))
@given(raw=mixed_text)
def test_normalise_is_idempotent(raw: str) -> None:
    once = normalise_text(raw)
    assert normalise_text(once) == once
