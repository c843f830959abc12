"""`eventwire serve`: the REST API and the web page, bound to 127.0.0.1 unless told otherwise.

Why refuse a non-loopback host without a token: the API runs the pipeline on any text it is sent and
reads the whole database; on a shared network that must not be open to anyone who finds the port.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.app import app
from eventwire.config import load_config

TOKEN_ENV = "EVENTWIRE_TOKEN"


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1); False for 0.0.0.0 and names."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option(help="DuckDB file made by `eventwire ingest` (default: store.db)")] = None,
    host: Annotated[str, typer.Option(help="address to bind; anything but loopback needs --token")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    token: Annotated[
        str | None, typer.Option(help=f"require 'Authorization: Bearer TOKEN' on /api (or ${TOKEN_ENV})")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="user TOML configuration")] = None,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web page (/)."""
    import uvicorn

    from eventwire.api import create_app

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        typer.echo(
            f"error: refusing to bind {host} without a token: anyone who can reach it could use the API. "
            f"Pass --token TOKEN (or set {TOKEN_ENV}), or bind 127.0.0.1.",
            err=True,
        )
        raise typer.Exit(2)
    cfg = load_config(config)
    db_path = db or Path(cfg.store.db)
    if not db_path.is_file():
        if db is not None:
            typer.echo(f"error: no database at {db_path}; run `eventwire ingest ... --db {db_path}` first", err=True)
            raise typer.Exit(2)
        typer.echo(f"note: no database at {db_path}; serving extraction only", err=True)
        db_path = None  # type: ignore[assignment]
    application = create_app(db_path, token=token, config=cfg)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"eventwire: http://{shown}:{port}/  (API at /api, OpenAPI at /openapi.json)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", timeout_keep_alive=5)
