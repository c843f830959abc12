"""Pipeline stages, one module each; importing this package registers them all."""

from __future__ import annotations

import importlib

# Module names under eventwire.stages; each registers its stage class in eventwire.registry.stages.
STAGE_MODULES: tuple[str, ...] = ("clean", "language", "nlp", "actors", "times", "places", "quotes", "events")


def load_all() -> None:
    """Import every stage module (registration happens at import)."""
    for name in STAGE_MODULES:
        importlib.import_module(f"{__name__}.{name}")
