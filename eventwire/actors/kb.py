"""The actor knowledge base: dictionaries, name variants, date-aware roles, and resolution.

Public helpers:
- ``build_kb(dictionaries=(), agents=(), builtin=True)``: a KB from the package data and/or explicit
  PETRARCH (``.actors``/agents) or project-format (``.jsonl``/``.toml``) dictionaries. Other stages (the
  events helper's PETRARCH evaluation) use this with ``builtin=False`` to code with a suite's dictionaries.
- ``kb_from_config(config)``: the same from the ``[actors]`` section.
- ``lookup(name, date=None)``: what the shipped KB (plus configured dictionaries) knows of a name on a date.
- ``dictionary_overrides(dictionaries, agents, builtin=False)``: config overrides for a Pipeline coding with
  explicit dictionaries only, e.g.
  ``Pipeline(load_config(overrides=dictionary_overrides([actors_file], [agents_file])))``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.actors.dictionaries import add_agents_file, add_dictionary, load_package_kb
from eventwire.actors.model import Entry, KnowledgeBase, Resolution, Role
from eventwire.actors.resolve import ActorOut, ActorResolver

__all__ = [
    "ActorOut", "ActorResolver", "Entry", "KnowledgeBase", "Resolution", "Role", "build_kb", "dictionary_overrides",
    "kb_from_config",
    "lookup", "package_kb",
]


@functools.lru_cache(maxsize=1)
def package_kb() -> KnowledgeBase:
    """The shipped KB, loaded once per process (treat it as read-only; ``build_kb`` copies before adding)."""
    return load_package_kb()


def build_kb(dictionaries: Iterable[str | Path] = (), agents: Iterable[str | Path] = (),
             builtin: bool = True) -> KnowledgeBase:
    """A KB: the package data (``builtin``) plus the given dictionaries and agents files, which win over it."""
    dictionaries, agents = list(dictionaries), list(agents)
    if builtin and not dictionaries and not agents:
        return package_kb()
    kb = load_package_kb() if builtin else KnowledgeBase()
    for path in dictionaries:
        add_dictionary(kb, path)
    for path in agents:
        add_agents_file(kb, path)
    return kb


def kb_from_config(config: Any) -> KnowledgeBase:
    """The KB the ``[actors]`` config section asks for (dictionaries, agents, builtin)."""
    return build_kb(
        config.actors.dictionaries,
        config.actors.agents,
        config.actors.builtin,
    )


def dictionary_overrides(dictionaries: Iterable[str | Path], agents: Iterable[str | Path] = (),
                         builtin: bool = False) -> dict[str, Any]:
    """Dotted config overrides that make the actors stage use these dictionaries (and only them, by default)."""
    return {
        "actors.dictionaries": [str(p) for p in dictionaries],
        "actors.agents": [str(p) for p in agents],
        "actors.builtin": builtin,
    }


def lookup(name: str, date: str | None = None, kb: KnowledgeBase | None = None) -> list[dict[str, Any]]:
    """What the KB knows of ``name`` on ``date`` (YYYY-MM-DD; today if None), best match first."""
    return (kb or package_kb()).lookup(name, date)
