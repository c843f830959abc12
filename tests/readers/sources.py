"""Inputs written for the tests: news pages, a WARC crawl and feeds, built in code (nothing downloaded)."""

from __future__ import annotations

import io
from pathlib import Path

STORIES = [
    ("Lavrov meets Syrian minister in Sochi", "2014-11-26",
     "Russian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Walid al-Moualem in Sochi on Wednesday. "
     "The ministers discussed the fight against Islamic State and the prospects for talks in Moscow. "
     "Lavrov said Russia would continue to support the Syrian government."),
    ("US strikes Islamic State positions near Raqqa", "2014-11-25",
     "The United States carried out airstrikes on Islamic State positions near Raqqa on Tuesday, the Pentagon said. "
     "Syrian officials said Damascus had not been informed of the strikes in advance. "
     "The coalition has conducted hundreds of raids since September."),
    ("Kerry criticises Moscow over Ukraine", "2014-11-24",
     "US Secretary of State John Kerry criticised Russia on Monday for its support of separatists in eastern Ukraine. "
     "Speaking in Brussels, Kerry said further sanctions could follow. "
     "Moscow rejected the accusations and accused Washington of hypocrisy."),
]


def news_page(title: str, date: str, body: str, site: str = "World Wire", url: str = "https://wire.example/x") -> str:
    """A news page as outlets publish them: metadata in <head>, navigation, the article, a footer."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}"><meta property="article:published_time" content="{date}T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter</p>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens restaurant</a></li></ul></aside></main>
<footer><p>Copyright 2014 {site}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def write_warc(path: Path, gzip: bool = True, truncate_last: bool = False) -> int:
    """A CC-NEWS-like WARC: a request and a response per story, plus a non-HTML response. Returns its size."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for i, (title, date, body) in enumerate(STORIES):
        url = f"https://wire.example/news/{i}"
        req = StatusAndHeaders(f"GET /news/{i} HTTP/1.1", [("Host", "wire.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        html = news_page(title, date, body, url=url).encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers))
        if i == 0:
            png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + ".png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n" + bytes(200)),
                                                          http_headers=png))
    data = buf.getvalue()
    if truncate_last:
        data = data[: len(data) - 400]
    path.write_bytes(data)
    return len(data)


def rss_feed() -> str:
    """RSS 2.0: one full-text item (content:encoded), one with only a description."""
    (t1, d1, b1), (t2, d2, b2), _ = STORIES
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>World Wire</title><link>https://wire.example/</link><description>News</description>
<item><title>{t1}</title><link>https://wire.example/news/0</link><guid>wire-0</guid>
<pubDate>Wed, 26 Nov 2014 09:30:00 GMT</pubDate>
<content:encoded><![CDATA[{''.join(f'<p>{s}.</p>' for s in b1.split('. '))}]]></content:encoded></item>
<item><title>{t2}</title><link>https://wire.example/news/1</link><guid>wire-1</guid>
<pubDate>Tue, 25 Nov 2014 18:00:00 GMT</pubDate>
<description><![CDATA[<p>{b2}</p>]]></description></item>
</channel></rss>"""


def atom_feed() -> str:
    title, date, body = STORIES[2]
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Diplomatic Desk</title><id>urn:desk</id>
<updated>{date}T12:00:00Z</updated>
<entry><title>{title}</title><id>urn:desk:1</id><link href="https://desk.example/kerry"/>
<published>{date}T12:00:00Z</published><updated>{date}T12:00:00Z</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"""
