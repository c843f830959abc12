"""RSS and Atom reader (feedparser): one record per entry, its HTML content through the HTML extraction.

Why entry content first: full-text feeds carry the article in ``content``; headline feeds carry only a
``summary``, which is still a usable lead. The feed's title is the outlet; an entry's own date wins over
the --published fallback.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.readers.html import extract_html
from eventwire.readers.stream import max_bytes
from eventwire.records import RawRecord, Reject
from eventwire.registry import readers


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _entry_html(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    return best or entry.get("summary", "") or entry.get("description", "")


def _entry_text(html: str, url: str | None) -> str:
    """Body text of an entry; short summaries that trafilatura declines are stripped of tags instead."""
    wrapped = html if "<html" in html.lower() else f"<html><body><article>{html}</article></body></html>"
    try:
        return extract_html(wrapped, url)["text"] or ""
    except EventwireError:
        import lxml.html

        return lxml.html.fromstring(wrapped).text_content().strip() if html.strip() else ""


def parse_feed(data: bytes, source: str, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"{source}: no entries" + (f" ({feed.get('bozo_exception')})" if feed.get("bozo") else "")
        yield Reject.make(ErrorCode.BAD_FEED, reason, "read", None, source)
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries):
        url = entry.get("link")
        rid = entry.get("id") or url
        where = f"{source}#{n}"
        text = _entry_text(_entry_html(entry), url)
        if not text.strip():
            yield Reject.make(ErrorCode.NO_TEXT, f"{where}: entry without content or summary", "read", rid, where)
            continue
        yield RawRecord(
            text=text,
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry) or options.get("published"),
            url=url,
            outlet=outlet,
            source=where,
        )


@readers.register(".rss")
def read_feed(path: Path, options: dict[str, Any]) -> Iterator[RawRecord | Reject]:
    limit = max_bytes(options)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        yield Reject.make(ErrorCode.UNREADABLE, f"{path}: {exc}", "read", None, str(path))
        return
    if len(data) > limit:
        yield Reject.make(ErrorCode.TOO_LARGE, f"{path}: more than {limit} bytes", "read", None, str(path))
        return
    yield from parse_feed(data, str(path), options)


readers.register(".atom")(read_feed)
readers.register(".xml")(read_feed)
