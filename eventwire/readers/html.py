"""HTML reader: the article body and its metadata (title, date, outlet, URL) through trafilatura.

Why trafilatura: it separates the article body from navigation, comments and boilerplate far better
than tag stripping, and it reads the page's own metadata (OpenGraph, JSON-LD, <meta>), so a saved news
page arrives with its title, publication date and outlet. WARC and feed readers reuse ``html_record``.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.stream import max_bytes
from eventwire.readers.text import decode_bytes
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers

# Fewer words than this is navigation or a teaser, not an article body.
MIN_WORDS = 8
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes, source: str) -> str:
    """UTF-8 if the bytes are UTF-8 (declarations are often wrong), else the declared <meta charset>,
    else the text reader's detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    text, _notes = decode_bytes(data, source)
    return text


def extract_html(html: str, url: str | None = None) -> dict[str, str | None]:
    """The body text and metadata of one page; an error if trafilatura finds no body."""
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # noqa: BLE001 - lxml raises many types on broken markup
        raise EventwireError(ErrorCode.BAD_HTML, f"{type(exc).__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise EventwireError(ErrorCode.BAD_HTML, "no article body found")
    title = (doc.title or "").strip() or None
    text: str = doc.text.strip()
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    if len(text.split()) < MIN_WORDS:
        raise EventwireError(ErrorCode.BAD_HTML, f"no article body found (only {len(text.split())} words)")
    date = doc.date if doc.date and _DATE.match(doc.date) else None
    return {
        "text": text,
        "title": title,
        "published": date[:10] if date else None,
        "outlet": (doc.sitename or doc.hostname or "").strip() or None,
        "url": doc.url or url,
    }


def html_record(html: str, source: str, options: dict[str, Any], url: str | None = None,
                **meta: str | None) -> RawRecord:
    """A RawRecord from HTML; ``meta`` values that are set win over the page's own metadata."""
    found = extract_html(html, url)
    for key, value in meta.items():
        if value:
            found[key] = value
    if not found.get("published"):
        found["published"] = options.get("published")
    return RawRecord(source=source, **found)  # type: ignore[arg-type]


@readers.register(".html")
def read_html(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    limit = max_bytes(options)
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:  # type: ignore[operator]
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise EventwireError(ErrorCode.TOO_LARGE, f"{path}: more than {limit} bytes")
        record = html_record(decode_html(data, str(path)), str(path), options)
    except EventwireError as exc:
        yield Reject.from_error(exc, "read", None, str(path))
        return
    except (OSError, EOFError) as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc}", "read", None, str(path))
        return
    record.id = path.name.split(".")[0]
    yield record


readers.register(".htm")(read_html)
readers.register(".html.gz")(read_html)
