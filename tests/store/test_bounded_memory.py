"""DuckDB's memory_limit is a setting of the database, shared by all its connections: bounded_memory counts
its users per database, so overlapping exports (or an export beside the REST API's connections) leave the
database's own limit in place when the last one ends, whatever the order they end in. Real DuckDB file."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb

from eventwire.store import open_store
from eventwire.store.db import bounded_memory


def _limit(con: duckdb.DuckDBPyConnection) -> str:
    return str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])


def _db(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    open_store(path).close()
    return path


def test_overlapping_users_restore_the_limit_when_the_last_leaves(tmp_path: Path) -> None:
    path = _db(tmp_path)
    first, second = duckdb.connect(str(path)), duckdb.connect(str(path))
    try:
        own = _limit(first)
        a, b = bounded_memory(first, "100MB"), bounded_memory(second, "150MB")
        a.__enter__()
        assert _limit(second) == _limit(first) != own  # one setting for the whole database
        b.__enter__()
        a.__exit__(None, None, None)  # the first leaves while the second is still exporting
        assert _limit(first) == _limit(second) != own  # the second keeps its cap
        b.__exit__(None, None, None)
        assert _limit(first) == _limit(second) == own  # not the first's 100MB for good
    finally:
        first.close()
        second.close()


def test_threads_exporting_at_once_give_the_limit_back(tmp_path: Path) -> None:
    path = _db(tmp_path)
    con = duckdb.connect(str(path))
    try:
        own = _limit(con)
        start = threading.Barrier(4)
        errors: list[BaseException] = []

        def work(size: str) -> None:
            cursor = con.cursor()
            try:
                start.wait()
                for _ in range(20):
                    with bounded_memory(cursor, size):
                        cursor.execute("SELECT count(*) FROM events").fetchall()
            except BaseException as exc:  # reported below
                errors.append(exc)
            finally:
                cursor.close()

        threads = [threading.Thread(target=work, args=(f"{100 + 10 * i}MB",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and _limit(con) == own
    finally:
        con.close()
