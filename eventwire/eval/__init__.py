"""Evaluation suites for `eventwire eval SUITE FILE`; each module registers in ``registry.evaluators``."""

from __future__ import annotations

from eventwire.eval import actor_spans, geo, html, language, names, petr, quad, quotes, realnews, timeml

SUITES = (timeml, quotes, geo, html, names, actor_spans, petr, quad, language, realnews)
