"""The REST API and the web page: ``create_app(db_path, token=None, config=None)`` builds the FastAPI app."""

from __future__ import annotations

from eventwire.api.app import create_app

__all__ = ["create_app"]
