"""eventwire: political event data from news text, offline.

Public API:
    eventwire.extract(text, published=None, **meta) -> Document
    eventwire.Pipeline(config).pipe(records) -> Iterator[Document | Reject]
"""

from __future__ import annotations

from eventwire.config import Config, load_config
from eventwire.document import Document, json_schema
from eventwire.errors import ErrorCode, EventwireError
from eventwire.pipeline import Pipeline, extract
from eventwire.records import RawRecord, Reject

__version__ = "0.1.0"

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
]
