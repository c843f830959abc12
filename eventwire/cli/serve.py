"""`eventwire serve`: the REST API and the web page, bound to 127.0.0.1 unless told otherwise.

Why refuse a non-loopback host without a token: the API runs the pipeline on any text it is sent and
reads the whole database; on a shared network that must not be open to anyone who finds the port.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli.app import app
from eventwire.cli.checks import check_database, check_range
from eventwire.cli.extract import ConfigOption
from eventwire.config import load_config
from eventwire.errors import ErrorCode, EventwireError

TOKEN_ENV = "EVENTWIRE_TOKEN"


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (127.0.0.0/8, ::1); False for 0.0.0.0 and names."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, before anything is printed; a taken port is E504, a bad address E403.

    Why bind here and hand the socket to uvicorn: checking first and binding later would leave a gap in
    which another process takes the port, and the URL banner used to be printed before the failure.
    """
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart without waiting
        sock.bind((address, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise EventwireError(
                ErrorCode.ADDRESS_IN_USE, f"{host}:{port} is taken by another program; choose another --port"
            ) from exc
        raise EventwireError(ErrorCode.ARGUMENT_INVALID, f"--host {host} --port {port}: {exc.strerror or exc}") from exc
    sock.set_inheritable(True)
    return sock


@app.command()
def serve(
    db: Annotated[
        Path | None,
        typer.Option(help="A database made by `eventwire ingest` (default: store.db in the settings; without one, "
                     "only extraction is served).", metavar="FILE"),
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback needs --token.", metavar="ADDRESS")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", metavar="N")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(help=f"Require 'Authorization: Bearer TOKEN' on /api (or set ${TOKEN_ENV}).", metavar="TOKEN"),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Also answer requests whose Host is NAME (repeatable; adds to "
                     "api.allowed_hosts, which holds the loopback names). Needed behind a name or with --host 0.0.0.0.",
                     metavar="NAME"),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the web page (/).

    Examples:

        eventwire serve --db news.duckdb                  (then open http://127.0.0.1:8000/)

        eventwire serve --db news.duckdb --host 0.0.0.0 --port 8080 --token SECRET --allow-host events.lan
    """
    import uvicorn

    from eventwire.api import create_app

    check_range(port, 1, 65535, "--port")
    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise EventwireError(
            ErrorCode.ARGUMENT_INVALID,
            f"--host {host}: refusing to bind {host} without a token: anyone who can reach it could use the API. "
            f"Pass --token TOKEN (or set {TOKEN_ENV}), or bind 127.0.0.1.",
        )
    cfg = load_config(config)
    db_path: Path | None = db or Path(cfg.store.db)
    if db is not None:
        check_database(db, must_exist=True)
    elif db_path is not None and db_path.exists():
        check_database(db_path, must_exist=True)
    else:
        typer.echo(f"note: no database at {db_path}; serving extraction only", err=True)
        db_path = None
    # an address given by name or number is a name the server answers to; 0.0.0.0 and :: are not names,
    # so a server bound to every interface answers only to api.allowed_hosts
    named = ([] if host.strip("[]") in ("0.0.0.0", "::") else [host]) + list(allow_host or [])
    application = create_app(db_path, token=token, config=cfg, allowed_hosts=named)
    sock = bind(host, port)
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    typer.echo(f"eventwire: http://{shown}:{port}/  (API at /api, OpenAPI at /openapi.json)", err=True)
    server = uvicorn.Server(uvicorn.Config(application, host=host, port=port, log_level="warning",
                                           timeout_keep_alive=5))
    server.run(sockets=[sock])
