"""The rule declarations: every rule has examples it fires on and wins on, and a rule cannot be declared
without a gate or examples."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from eventwire.times.context import Context
from eventwire.times.rulebook import Rule, RuleBook
from eventwire.times.rules import RULES
from eventwire.times.tagger import TimexMatch, tag
from eventwire.times.values import Val

ANCHOR = dt.date(2014, 11, 27)

# Rules that never produce a match today because an earlier rule matches the same span (see the comments at
# their declarations). Kept so output stays identical; remove a name here once its rule can win.
SHADOWED = frozenset({"duration_adj", "times_per"})

# The priority order of the rules that existed before rules became declarations. New rules may go anywhere
# between them, but these must keep their relative order (ties between equal-length spans depend on it).
ORIGINAL_ORDER = [
    "iso", "iso_month", "slash", "mdy", "dmy", "month_spoken_day", "month_year", "month_rel_year", "month", "half",
    "year", "decade", "century", "quarter", "rel_unit", "season", "bare_season", "the_unit", "edge_rel", "day_rel",
    "this_part", "weekday", "ago", "vague_ago", "time", "noon", "part_weekday", "duration", "duration_adj",
    "vague_duration", "for_unit", "set", "times_per", "ref", "holiday", "period", "year_adj", "year_end", "week_of",
]

EXAMPLES = [pytest.param(r, ex, id=f"{r.name}:{ex}") for r in RULES for ex in r.examples]


def in_sentence(example: str) -> tuple[str, int]:
    prefix = "Officials said it happened "
    return f"{prefix}{example}, he said.", len(prefix)


def test_every_rule_has_examples_and_a_gate() -> None:
    assert len(RULES) >= len(ORIGINAL_ORDER)
    for r in RULES:
        assert r.examples and all(e.strip() for e in r.examples), r.name
        assert r.gate.strip(), r.name


def test_existing_rules_keep_their_priority_order() -> None:
    names = RULES.names()
    assert len(set(names)) == len(names)
    assert [n for n in names if n in ORIGINAL_ORDER] == ORIGINAL_ORDER
    assert [r.rank for r in RULES] == list(range(len(RULES)))


@pytest.mark.parametrize(("r", "example"), EXAMPLES)
def test_rule_fires_on_its_examples(r: Rule, example: str) -> None:
    """The gate lets the example through (else the rule would never run on it) and the pattern matches it."""
    for text in (example, in_sentence(example)[0]):
        assert r.gate_re.search(text.lower()), f"gate {r.gate!r} misses {text!r}"
        assert r.pattern.search(text), f"pattern misses {text!r}"


@pytest.mark.parametrize(("r", "example"), EXAMPLES)
def test_rule_wins_on_its_examples(r: Rule, example: str) -> None:
    """Tagged alone and in a sentence, the example gives a match produced by this rule, inside the example."""
    for text, offset in ((example, 0), in_sentence(example)):
        found = tag(text, ANCHOR)
        mine = [m for m in found if m.rule == r.name]
        if r.name in SHADOWED:
            assert not mine, f"{r.name} now wins on {text!r}: remove it from SHADOWED"
            continue
        assert mine, f"{r.name} does not win on {text!r}: {[(m.text, m.rule) for m in found]}"
        assert all(offset <= m.start and m.end <= offset + len(example) for m in mine)


def test_every_match_names_a_declared_rule() -> None:
    text = "Talks began on November 26, 2014, two days after the 1990s-era accord lapsed; more talks next week."
    found = tag(text, ANCHOR)
    assert found and all(m.rule in RULES.names() for m in found)


def test_the_rule_field_does_not_change_match_equality() -> None:
    a = TimexMatch(0, 9, "yesterday", "DATE", "2014-11-26", "2014-11-26", "2014-11-26", rule="day_rel")
    b = TimexMatch(0, 9, "yesterday", "DATE", "2014-11-26", "2014-11-26", "2014-11-26")
    assert a == b and hash(a) == hash(b)


def _never(m: re.Match[str], ctx: Context) -> Val | None:
    return None


def test_a_rule_without_a_gate_cannot_be_declared() -> None:
    book = RuleBook()
    with pytest.raises(TypeError):
        book.rule("no_gate", pattern=r"x", examples=["x"])(_never)  # type: ignore[call-arg]
    for gate in ("", "   "):
        with pytest.raises(ValueError, match="gate"):
            book.rule("empty_gate", pattern=r"x", gate=gate, examples=["x"])
    assert len(book) == 0


def test_a_rule_without_examples_cannot_be_declared() -> None:
    book = RuleBook()
    for examples in ([], [""], "x"):
        with pytest.raises(ValueError, match="example"):
            book.rule("no_examples", pattern=r"x", gate=r"x", examples=examples)
    assert len(book) == 0


def test_declaration_order_is_priority_and_names_are_unique() -> None:
    book = RuleBook()
    book.rule("first", pattern=r"a", gate=r"a", examples=["a"])(_never)
    book.rule("second", pattern=r"b", gate=r"b", examples=["b"], sets_reference=True)(_never)
    assert book.names() == ["first", "second"]
    assert [r.rank for r in book] == [0, 1]
    assert book["second"].sets_reference and not book["first"].sets_reference
    assert book["first"].pattern.flags & re.I
    with pytest.raises(ValueError, match="already"):
        book.rule("first", pattern=r"c", gate=r"c", examples=["c"])
