"""WARC reader (plain or gzipped): every HTTP response record holding HTML, as in CC-NEWS crawls.

Why response records only: request, metadata and revisit records carry no article. A truncated or
corrupt record becomes a BAD_WARC reject and the records read before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.html import decode_html, html_record
from eventwire.readers.stream import max_bytes
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record: Any) -> bool:
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
    return any(t in ctype.lower() for t in HTML_TYPES)


@readers.register(".warc")
def read_warc(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc}", "read", None, str(path))
        return
    with fh:
        archive = ArchiveIterator(fh)
        limit = max_bytes(options)
        for n, item in enumerate(_records(archive, path, size, limit)):
            if isinstance(item, Reject):  # _records stops by itself after a damaged record
                yield item
                continue
            url, rid, data = item
            source = f"{path}#{url or n}"
            try:
                record = html_record(decode_html(data, source), source, options, url=url)
            except EventwireError as exc:
                yield Reject.from_error(exc, "read", rid, source)
                continue
            record.url = record.url or url
            yield record


def _records(archive: Any, path: Path, size: int,
             limit: int) -> Iterator[tuple[str | None, str | None, bytes] | Reject]:
    """(url, record id, payload) of each HTML response; a Reject (and the end) at the first damaged record.

    warcio does not raise on truncation: an uncompressed record simply comes back short (its length
    reader still expects bytes) and a cut gzip member is silently skipped, leaving unread bytes behind
    the last record. Both are checked here.
    """
    it = iter(archive)
    n = 0
    while True:
        where = f"{path}#{n}"
        try:
            record = next(it)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - warcio raises zlib, EOF and parse errors on bad input
            yield Reject.make(ErrorCode.BAD_WARC, f"{where}: {type(exc).__name__}: {exc}", "read", None, where)
            return
        n += 1
        try:
            wanted = record.rec_type == "response" and _is_html(record)
            stream = record.content_stream() if wanted else record.raw_stream
            data = stream.read(limit + 1) if wanted else b""
            oversized = len(data) > limit
            while stream.read(1 << 20):  # skip the rest of an unwanted or oversized record, bounded in memory
                pass
        except Exception as exc:  # noqa: BLE001
            yield Reject.make(ErrorCode.BAD_WARC, f"{where}: {type(exc).__name__}: {exc}", "read", None, where)
            return
        if getattr(record.raw_stream, "limit", 0) > 0:
            yield Reject.make(ErrorCode.BAD_WARC, f"{where}: truncated record", "read", None, where)
            return
        if wanted and oversized:
            yield Reject.make(ErrorCode.TOO_LARGE, f"{where}: payload over {limit} bytes", "read", None, where)
            continue
        if wanted:
            yield (
                record.rec_headers.get_header("WARC-Target-URI"),
                record.rec_headers.get_header("WARC-Record-ID"),
                data,
            )
    archive.read_to_end()
    if size - archive.offset > 8:
        where = f"{path}@{archive.offset}"
        detail = f"{where}: {size - archive.offset} bytes after the last whole record (truncated)"
        yield Reject.make(ErrorCode.BAD_WARC, detail, "read", None, where)


readers.register(".warc.gz")(read_warc)
