"""eventwire: political event data from news text, offline.

Public API:
    eventwire.extract(text, published=None, **meta) -> Document
    eventwire.Pipeline(config).pipe(records) -> Iterator[Document | Reject]
    eventwire.read_events(db, facts=True, **filters) -> pandas.DataFrame   (needs pandas)
    eventwire.read_panel(db, by="country-year", facts=True, **filters) -> pandas.DataFrame
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.config import Config, load_config
from eventwire.document import Document, json_schema
from eventwire.errors import ErrorCode, EventwireError
from eventwire.pipeline import Pipeline, extract
from eventwire.records import RawRecord, Reject

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"


def read_events(db: str | Path, facts: bool = True, **filters: Any) -> pd.DataFrame:
    """The events of a store as a pandas DataFrame (facts only unless ``facts=False``); see
    eventwire.store.frames.read_events for the filters. Imported on first use: the store is not loaded
    by ``import eventwire``."""
    from eventwire.store.frames import read_events as read

    return read(db, facts=facts, **filters)


def read_panel(db: str | Path, by: str = "country-year", facts: bool = True, **filters: Any) -> pd.DataFrame:
    """A zero-filled panel of a store as a pandas DataFrame; see eventwire.store.frames.read_panel."""
    from eventwire.store.frames import read_panel as read

    return read(db, by=by, facts=facts, **filters)


__all__ = [
    "Config",
    "Document",
    "ErrorCode",
    "EventwireError",
    "Pipeline",
    "RawRecord",
    "Reject",
    "__version__",
    "extract",
    "json_schema",
    "load_config",
    "read_events",
    "read_panel",
]
