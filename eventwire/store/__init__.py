"""The embedded store (DuckDB): tables, ingest with cross-article deduplication, queries and exports.

See docs/store.md for the schema. ``document_rows`` and the Arrow schemas are shared with the Spark job.
"""

from __future__ import annotations

from eventwire.rows import document_rows, event_mention_rows
from eventwire.store.db import Store, WriteStats, open_store
from eventwire.store.schema import SCHEMA_VERSION, TABLES

__all__ = ["SCHEMA_VERSION", "TABLES", "Store", "WriteStats", "document_rows",
           "event_mention_rows", "open_store"]
