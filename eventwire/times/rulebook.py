"""The rule record and the ``@rule`` decorator: everything about one date rule is declared in one place.

Why: a rule used to be spread over four parallel tables (pattern, normaliser, gate, reference flag), and a
rule missing from one of them failed only at run time. Here a rule cannot be declared without a pattern,
a gate and at least one example, and the declaration order is the priority order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from eventwire.times.context import Context
from eventwire.times.values import Val

Normaliser = Callable[[re.Match[str], Context], Val | None]
"""(match, document context) -> the normalised value, or None when the match is not a time expression."""


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Case-insensitive, and never starting inside a word ("Tanzania Friday" holds no "a Friday")."""
    return re.compile(r"(?<![\w])(?:" + pattern + ")", re.I)


def compile_gate(gate: str) -> re.Pattern[str]:
    """Gates run on the lower-cased text without re.I (about five times faster); re.I stays on a gate that has
    an upper-case letter, so a gate never misses."""
    return re.compile(gate, re.I if re.search(r"(?<!\\)[A-Z]", gate) else 0)


@dataclass(frozen=True)
class Rule:
    """One date rule.

    ``pattern`` proposes candidate spans (a named group ``span``, if any, is the span kept); ``gate`` is a
    regex every match must contain, searched on the lower-cased text first, so the costly pattern runs only on
    texts that can hold a match; ``normalise`` turns a match into a value; ``sets_reference`` makes the value
    the reference time for later "a year earlier", "that day"; ``examples`` are strings the rule must win on.
    ``rank`` is the declaration order: of two candidates of equal length, the lower rank wins.
    """

    name: str
    pattern: re.Pattern[str]
    gate: str
    gate_re: re.Pattern[str]
    normalise: Normaliser
    sets_reference: bool
    examples: tuple[str, ...]
    rank: int


class RuleBook:
    """The rules in priority (declaration) order; ``rule`` is the decorator that declares one."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []
        self._by_name: dict[str, Rule] = {}

    def rule(
        self, name: str, *, pattern: str, gate: str, examples: Sequence[str], sets_reference: bool = False
    ) -> Callable[[Normaliser], Normaliser]:
        """Declare the decorated function as the normaliser of rule ``name``; raises ValueError on a bad rule."""
        if not name or name in self._by_name:
            raise ValueError(f"rule name {name!r} is empty or already declared")
        if not isinstance(gate, str) or not gate.strip():
            raise ValueError(f"rule {name!r} needs a gate: a regex that every match contains (see rulebook.py)")
        if isinstance(examples, str) or not examples or not all(isinstance(e, str) and e.strip() for e in examples):
            raise ValueError(f"rule {name!r} needs a list of one or more example strings it fires on")
        compiled = compile_pattern(pattern)
        gate_re = compile_gate(gate)

        def declare(normalise: Normaliser) -> Normaliser:
            r = Rule(name, compiled, gate, gate_re, normalise, sets_reference, tuple(examples), len(self._rules))
            self._rules.append(r)
            self._by_name[name] = r
            return normalise

        return declare

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __getitem__(self, name: str) -> Rule:
        return self._by_name[name]

    def names(self) -> list[str]:
        return [r.name for r in self._rules]
