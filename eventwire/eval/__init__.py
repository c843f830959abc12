"""Evaluation suites for `eventwire eval SUITE FILE`; each module registers in ``registry.evaluators``."""

from __future__ import annotations

import importlib

SUITES: tuple[str, ...] = ("timeml", "quotes", "geo", "html", "names", "actor_spans", "petr", "quad", "language")


def load_all() -> None:
    for name in SUITES:
        importlib.import_module(f"{__name__}.{name}")
