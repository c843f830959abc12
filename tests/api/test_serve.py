"""`eventwire serve` as a user runs it: a real process, bound to loopback unless a token is given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from eventwire.cli import app  # importing the package registers every command, as `eventwire` does
from eventwire.cli.serve import is_loopback
from eventwire.document import Document

EVENTWIRE = [str(Path(sys.executable).parent / "eventwire")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_loopback_detection() -> None:
    for host in ["127.0.0.1", "127.3.2.1", "localhost", "::1", "[::1]"]:
        assert is_loopback(host), host
    for host in ["0.0.0.0", "::", "192.168.1.10", "example.org", ""]:
        assert not is_loopback(host), host


def test_refuses_a_public_host_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    for host in ["0.0.0.0", "::", "192.168.1.10"]:
        r = CliRunner().invoke(app, ["serve", "--host", host, "--port", str(_free_port())])
        assert r.exit_code == 2
        assert f"refusing to bind {host} without a token" in r.output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nope.duckdb"), "--port", str(_free_port())])
    assert r.exit_code == 2 and "no database at" in r.output


def test_serve_process_answers_on_loopback_with_token(corpus: tuple[Path, list[Document]], tmp_path: Path) -> None:
    db, docs = corpus
    port = _free_port()
    proc = subprocess.Popen([*EVENTWIRE, "serve", "--db", str(db), "--port", str(port), "--token", "abc",
                             "--allow-host", "events.lan"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{url}/api/articles", headers={"Authorization": "Bearer abc"}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == len(docs)
        assert httpx.get(f"{url}/api/articles", timeout=5).status_code == 401
        auth = {"Authorization": "Bearer abc"}
        assert httpx.get(f"{url}/api/health", headers={**auth, "Host": f"events.lan:{port}"}, timeout=5).is_success
        refused = httpx.get(f"{url}/api/health", headers={**auth, "Host": "attacker.example"}, timeout=5)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "E508"
        # the real server extracts in worker processes: one working, one standby
        assert len(httpx.get(f"{url}/api/health", headers=auth, timeout=5).json()["workers"]) == 2
    finally:
        proc.terminate()
        proc.wait(20)
