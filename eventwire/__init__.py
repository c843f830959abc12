"""eventwire: political event data from news text, offline.

Public API:
    eventwire.extract(text, published=None, **meta) -> Document
    eventwire.Pipeline(config).pipe(records) -> Iterator[Document | Reject]
"""

from __future__ import annotations

from .config import Config, load_config
from .document import Document, json_schema
from .errors import ErrorCode, EventwireError
from .pipeline import Pipeline, extract
from .records import RawRecord, Reject

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
