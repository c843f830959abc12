"""One coded reading of a trigger on its way to becoming an Event: what each step of the coder reads and
rewrites (control changes its code, modality fills ``aux``, the merge step drops it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.document import Actor
from eventwire.events.patterns import Pattern
from eventwire.events.syntax import clause_bounds


@dataclass
class Candidate:
    """One coded reading of a trigger, before it becomes an Event."""

    trigger: Any  # spaCy Token
    pattern: Pattern
    cameo: str
    actors: list[Actor]
    recipients: list[Actor]
    clause: Any  # the verb Token whose clause governs the event (the light verb for an event noun)
    aux: set[str] = field(default_factory=set)
    mode: str | None = None
    type_override: str | None = None
    confidence: float = 0.8
    rule: str = ""
    matched: set[int] = field(default_factory=set)  # token indices the pattern's constraints consumed
    _bounds: tuple[int, int] | None = None

    def bounds(self) -> tuple[int, int]:
        """Character bounds of the event's clause (computed once)."""
        if self._bounds is None:
            self._bounds = clause_bounds(self.clause, self.trigger)
        return self._bounds
