"""The cleaner's rule table: every row removes its own example line, with its own reason."""

from __future__ import annotations

import pytest

from eventwire.document import Removal
from eventwire.text.clean import Cleaner, normalise_text
from eventwire.text.rules import LINE_RULES, REASONS, LineRule, outlet_rules

# Plain story sentences that no rule removes.
BODY = [
    "Russia and Turkey agreed on Tuesday to set up a joint monitoring centre near the border.",
    "The two governments will hold talks in Ankara next week, officials said.",
    "Thousands of people have fled the fighting since the start of the year.",
    "The United Nations called on all sides to allow aid convoys into the area.",
    "Foreign ministers from both countries met for three hours in Sochi.",
    "Neither side gave details of how the centre would work.",
    "A previous ceasefire collapsed in March after a week of shelling.",
    "Aid agencies say food and medicine are running short in several towns.",
]


def story_with(rule: LineRule) -> str:
    """A story holding the rule's example where the rule looks for it (see ``LineRule.where``)."""
    if rule.where == "head":
        lines = [rule.example, *BODY]
    elif rule.where in ("edge", "last"):
        lines = [*BODY, rule.example]
    else:  # anywhere: in the middle, away from the edges, with lines kept before it
        lines = [*BODY[:3], rule.example, *BODY[3:]]
    return "\n".join(lines)


def test_rule_names_are_unique_and_rows_are_complete() -> None:
    names = [r.name for r in LINE_RULES]
    assert len(names) == len(set(names))
    for rule in LINE_RULES:
        assert rule.example, rule.name
        assert rule.reason in REASONS, rule.name
        assert normalise_text(rule.example) == rule.example, f"{rule.name}: write the example normalised"


@pytest.mark.parametrize("rule", LINE_RULES, ids=lambda r: r.name)
def test_each_rule_removes_its_example_with_its_reason(rule: LineRule) -> None:
    cleaner = Cleaner()
    title, _, body, removed, _ = cleaner.clean(story_with(rule))
    assert Removal(text=rule.example, reason=rule.reason) in removed, removed
    assert rule.example not in f"{title}\n{body}"
    # this row did it, and no other row fired on the story
    assert cleaner.rule_hits == {rule.name: 1}, cleaner.rule_hits
    for line in BODY:
        assert line in body or line == title


@pytest.mark.parametrize("rule", [r for r in LINE_RULES if r.outlet], ids=lambda r: r.name)
def test_source_rules_name_the_outlet(rule: LineRule) -> None:
    *_, outlet = Cleaner().clean(story_with(rule))
    assert outlet and outlet in rule.example


def test_configured_outlet_patterns_are_rows_after_the_table() -> None:
    cleaner = Cleaner([r"^Copyright \d{4} (?P<outlet>.+)$"])
    assert cleaner.rules[: len(LINE_RULES)] == LINE_RULES
    assert [r.name for r in cleaner.rules[len(LINE_RULES) :]] == ["outlet_pattern_1"]
    _, _, body, removed, outlet = cleaner.clean("\n".join([*BODY, "Copyright 2014 Straits Times"]))
    assert outlet == "Straits Times"
    assert Removal(text="Copyright 2014 Straits Times", reason="source line") in removed
    assert outlet_rules([]) == ()
