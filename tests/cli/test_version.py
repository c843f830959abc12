"""`eventwire --version` and `GET /api/version` report the installed package's version, the same one."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version

from typer.testing import CliRunner

import eventwire
from eventwire.cli import app
from eventwire.document import SCHEMA_ID


def test_cli_version_is_the_installed_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"eventwire {version('eventwire')}"
    assert eventwire.__version__ == version("eventwire"), "the installed metadata is stale: reinstall"


def test_api_version_route() -> None:
    import httpx

    from eventwire.api import create_app

    async def get() -> dict[str, str]:
        transport = httpx.ASGITransport(app=create_app(None))
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            body: dict[str, str] = (await client.get("/api/version")).json()
            return body

    # A loop of its own in a thread: on an xdist worker that ran the browser tests first, a session-scoped
    # Playwright holds a running loop on the main thread, where asyncio.run refuses to start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        body = pool.submit(asyncio.run, get()).result()
    assert body == {"version": eventwire.__version__, "schema": SCHEMA_ID}
