"""The REST API against a real uvicorn server over a real DuckDB file ingested through the pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest

from eventwire.document import Document
from eventwire.store.filters import name_words

from .conftest import TOKEN

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "vov-2014-11-27-russia-syria.txt"


def _stored_events(db: Path, include_all: bool) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        where = "" if include_all else " WHERE is_fact"
        return int(con.execute(f"SELECT count(*) FROM events{where}").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


# -- extraction ------------------------------------------------------------------------------------------
def test_extract_returns_a_valid_document_with_consistent_offsets(client: httpx.Client) -> None:
    r = client.post("/api/extract", json={"text": SAMPLE.read_text(encoding="utf-8"), "published": "2014-11-27"})
    assert r.status_code == 200, r.text
    doc = Document.from_dict(r.json())
    assert doc.article.published == "2014-11-27"
    text = doc.article.text
    assert "Lavrov" in text and "![]()" not in text  # cleaned text, debris gone
    for actor in doc.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    for ev in doc.events:
        t = ev.evidence.trigger
        assert text[t.start : t.end] == t.text
    assert r.headers["content-type"].startswith("application/json")


def test_extract_refuses_bad_requests_with_a_clear_json_error(client: httpx.Client) -> None:
    cases = [
        ({"text": "   "}, "E101"),  # nothing to extract
        ({"text": "Some text.", "published": "next Tuesday"}, "E112"),  # not a date
        ({"title": "no text"}, "E502"),  # missing field
    ]
    for body, code in cases:
        r = client.post("/api/extract", json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["code"] == code
    r = client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "E502"


def test_oversized_body_gets_413_whether_or_not_its_length_is_declared(tight_server: str) -> None:
    big = "Russia and Syria met again. " * 400  # about 11 kB, the tight server allows 4 kB
    with httpx.Client(base_url=tight_server, timeout=30) as c:
        r = c.post("/api/extract", json={"text": big})
        assert r.status_code == 413
        err = r.json()["error"]
        assert err["code"] == "E104" and "4000 bytes" in err["message"]

        def chunks() -> Iterator[bytes]:  # chunked transfer: no Content-Length to trust
            yield b'{"text": "'
            for _ in range(100):
                yield b"x" * 100
            yield b'"}'

        r = c.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert "transfer-encoding" not in r.request.headers or r.request.headers["transfer-encoding"] == "chunked"
        # a small request on the same server still works up to the point of the timeout guard
        assert c.get("/api/health").status_code == 200


def test_slow_extraction_times_out_with_504_and_the_server_goes_on(tight_server: str) -> None:
    with httpx.Client(base_url=tight_server, timeout=60) as c:
        r = c.post("/api/extract", json={"text": SAMPLE.read_text(encoding="utf-8")[:3000]})
        assert r.status_code == 504
        assert "longer than" in r.json()["error"]["message"]
        assert c.get("/api/events?limit=1").status_code == 200


# -- queries -------------------------------------------------------------------------------------------
def test_events_are_paginated_and_total_matches_the_database(
    client: httpx.Client, corpus: tuple[Path, list[Document]]
) -> None:
    db, _ = corpus
    full = client.get("/api/events", params={"all": "true", "limit": 1000}).json()
    assert full["total"] == _stored_events(db, include_all=True) == len(full["events"])
    assert full["total"] > 0, "the corpus should yield events"
    facts = client.get("/api/events").json()
    assert facts["total"] == _stored_events(db, include_all=False)
    assert all(not ({"negation", "hypothetical"} & set(e["aux"])) for e in facts["events"])
    seen: list[str] = []
    for offset in range(0, full["total"], 2):
        page = client.get("/api/events", params={"all": "true", "limit": 2, "offset": offset}).json()
        assert page["total"] == full["total"] and len(page["events"]) <= 2
        seen += [e["id"] for e in page["events"]]
    assert sorted(seen) == sorted(e["id"] for e in full["events"])
    assert len(set(seen)) == len(seen)
    # the limit is capped, never an error and never unbounded
    capped = client.get("/api/events", params={"limit": 10**9}).json()
    assert capped["limit"] == 1000
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_event_filters_select_what_they_say(client: httpx.Client) -> None:
    events = client.get("/api/events", params={"all": "true", "limit": 1000}).json()["events"]
    with_actor = [e for e in events if e["actor"] and e["actor"][0].get("code")]
    assert with_actor, "some stored event should have a coded actor"
    code = with_actor[0]["actor"][0]["code"]
    got = client.get("/api/events", params={"all": "true", "actor": code.lower(), "limit": 1000}).json()
    assert got["total"] >= 1
    for e in got["events"]:
        assert any(code in (a.get("code") or "") for a in e["actor"]) or code.lower() in str(e["actor"]).lower()
    quad = with_actor[0]["quad_class"]
    if quad is not None:
        got = client.get("/api/events", params={"all": "true", "quad_class": quad}).json()
        assert got["total"] >= 1 and all(e["quad_class"] == quad for e in got["events"])
    dated = sorted((e["date"] or {}).get("value") or "" for e in events)
    dated = [d for d in dated if re.match(r"^\d{4}-\d{2}-\d{2}$", d)]
    if dated:
        day = dated[-1]
        got = client.get("/api/events", params={"all": "true", "from": day, "to": day}).json()
        assert got["total"] >= 1 and all(e["date"]["value"][:10] == day for e in got["events"])
    assert client.get("/api/events", params={"from": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"quad_class": 9}).status_code == 422


def test_structured_filters_and_left_out_counts(client: httpx.Client) -> None:
    """actor_country, code (a prefix with *), cameo and name as in `eventwire events`; a limit says what it left."""
    events = client.get("/api/events", params={"all": "true", "limit": 1000}).json()["events"]
    countries = sorted({a["country"] for e in events for a in e["actor"] if a.get("country")})
    assert countries, "some stored event should have an actor with a country"
    for country in countries:
        got = client.get("/api/events", params={"all": "true", "actor_country": country.lower()}).json()
        assert got["total"] >= 1
        assert all(country in {a.get("country") for a in e["actor"]} for e in got["events"])
    coded = next(a["code"] for e in events for a in e["actor"] if a.get("code"))
    got = client.get("/api/events", params={"all": "true", "code": coded[:3] + "*"}).json()
    assert got["total"] >= 1
    assert all(any((p.get("code") or "").startswith(coded[:3]) for p in e["actor"] + e["recipient"])
               for e in got["events"])
    cameo = next(e["cameo"] for e in events if e["cameo"])
    got = client.get("/api/events", params={"all": "true", "cameo": cameo}).json()
    assert got["total"] >= 1 and all(e["cameo"] == cameo for e in got["events"])
    got = client.get("/api/events", params={"all": "true", "root_code": cameo[:2]}).json()
    assert all(e["cameo"][:2] == cameo[:2] for e in got["events"])
    page = client.get("/api/events", params={"all": "true", "limit": 1}).json()
    assert page["left_out"] == page["total"] - 1 == len(events) - 1
    dyads = client.get("/api/dyads", params={"by": "year", "all": "true", "limit": 1}).json()
    assert dyads["left_out"] == max(0, dyads["total"] - 1) and len(dyads["dyads"]) <= 1
    for row in client.get("/api/dyads", params={"by": "year", "all": "true"}).json()["dyads"]:
        assert row["source_code"] is None or row["source_code"] == row["source"]
    facts = client.get("/api/events", params={"limit": 1000}).json()["events"]
    assert all(not ({"negation", "hypothetical", "future"} & set(e["aux"])) for e in facts)


STRUCTURED = {"country", "code", "actor_country", "recipient_country", "sector", "cameo", "root_code", "type"}


@pytest.mark.parametrize(
    "param",
    ["actor", "recipient", "country", "type", "place", "outlet", "article", "code", "name", "actor_country",
     "recipient_country", "sector", "cameo", "root_code"],
)
def test_sql_injection_looking_values_are_just_values(
    client: httpx.Client, corpus: tuple[Path, list[Document]], param: str
) -> None:
    db, _ = corpus
    before = _stored_events(db, include_all=True)
    for value in ["' OR '1'='1", "x'); DROP TABLE events;--", '" OR 1=1 --', "RUSGOV' --"]:
        r = client.get("/api/events", params={param: value, "all": "true"})
        if param in STRUCTURED:  # a value that cannot be a code is refused, with the filter named
            assert r.status_code == 422 and r.json()["error"]["code"] == "E502", r.text
            assert param in r.json()["error"]["message"]
            continue
        assert r.status_code == 200, r.text
        assert r.json()["total"] == 0, (param, value)
    r = client.get("/api/actors", params={"q": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["actors"] == []
    assert client.get("/api/articles/' OR '1'='1").status_code == 404
    assert _stored_events(db, include_all=True) == before


def test_article_endpoint_returns_the_stored_document(
    client: httpx.Client, corpus: tuple[Path, list[Document]]
) -> None:
    _, docs = corpus
    for doc in docs:
        r = client.get(f"/api/articles/{doc.id}")
        assert r.status_code == 200
        stored = Document.from_dict(r.json())
        assert stored.article.text == doc.article.text
        assert len(stored.events) == len(doc.events) and len(stored.actors) == len(doc.actors)
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no-such-article" in r.json()["error"]["message"]
    listing = client.get("/api/articles").json()
    assert listing["total"] == len(docs) and {a["article_id"] for a in listing["articles"]} == {d.id for d in docs}


def test_actors_network_and_dyads_agree_with_the_events(
    client: httpx.Client, corpus: tuple[Path, list[Document]]
) -> None:
    _, docs = corpus
    named = [a for d in docs for a in d.actors if len(name_words(a.name).split()[-1]) >= 4]
    if named:  # whole words of a name, never a part of a word ("RUS" is not "Russell")
        word = name_words(named[0].name).split()[-1]
        rows = client.get("/api/actors", params={"q": word}).json()["actors"]
        assert rows and all(word in name_words(r["name"] or "").split() for r in rows)
        part = word[1:4]
        rows = client.get("/api/actors", params={"q": part}).json()["actors"]
        assert all(part in name_words(r["name"] or "").split() or (r["code"] or "") == part.upper() for r in rows)
    net = client.get("/api/network", params={"all": "true"}).json()
    ids = {n["id"] for n in net["nodes"]}
    for e in net["edges"]:
        assert e["source"] in ids and e["target"] in ids
        assert e["count"] == sum(e["quad"].values())
    dyads = client.get("/api/dyads", params={"by": "month", "all": "true"}).json()["dyads"]
    for row in dyads:
        assert re.match(r"^\d{4}-\d{2}$", row["period"])
    by_pair: dict[tuple[str, str], int] = {}
    for row in dyads:
        by_pair[(row["source"], row["target"])] = by_pair.get((row["source"], row["target"]), 0) + row["count"]
    edges = {(e["source"], e["target"]): e["count"] for e in net["edges"]}
    for pair, n in by_pair.items():
        if pair[0] != pair[1]:  # the graph draws no self-loops
            assert edges.get(pair, 0) >= n  # dated dyads are a subset of all actor->recipient events
    assert client.get("/api/dyads", params={"by": "fortnight"}).status_code == 422


def test_openapi_document_lists_the_endpoints(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in [
        "/api/extract", "/api/events", "/api/dyads", "/api/network", "/api/articles/{article_id}", "/api/actors"
    ]:
        assert path in spec["paths"]


# -- token, page safety ----------------------------------------------------------------------------------
def test_token_is_required_on_every_api_route_when_set(token_server: str) -> None:
    with httpx.Client(base_url=token_server, timeout=30) as c:
        for path in ["/api/events", "/api/dyads", "/api/network", "/api/actors?q=a", "/api/articles/x", "/api/health"]:
            r = c.get(path)
            assert r.status_code == 401, path
            assert r.headers["www-authenticate"] == "Bearer"
            assert r.json()["error"]["message"].startswith("a valid token is required")
        assert c.post("/api/extract", json={"text": "hello"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        r = c.get("/api/events", params={"token": TOKEN})  # a token in the URL ends up in logs: refused
        assert r.status_code == 400 and r.json()["error"]["code"] == "E509"
        assert c.get("/").status_code == 200  # the page itself loads, then asks for the token


def test_page_forbids_inline_script_and_never_uses_innerhtml(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    for tag in re.findall(r"<script\b[^>]*>", r.text):
        assert "src=" in tag  # no inline script for the policy to allow
    js = client.get("/static/app.js").text
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(", js)
    assert client.get("/static/world-110m.json").json()["countries"]


def test_hostile_markup_comes_back_as_data(client: httpx.Client) -> None:
    title = 'Riot <img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
    body = 'Police <script>window.pwned=3</script> detained protesters in Cairo on Friday.'
    r = client.post("/api/extract", json={"text": body, "title": title})
    assert r.status_code == 200
    doc = r.json()
    assert doc["article"]["title"] == title  # verbatim, as JSON data: escaping is the page's job
    assert "window.pwned=3" not in doc["article"]["text"]  # the cleaner drops script elements from the body
    assert any("script" in x["reason"] for x in doc["article"]["removed"])
    assert r.headers["content-type"].startswith("application/json")
    stored = client.get("/api/articles/hostile").json()
    assert "<script>" in stored["article"]["title"]


def test_extract_accepts_a_web_page(client: httpx.Client) -> None:
    paragraphs = "".join(
        f"<p>{s}</p>"
        for s in [
            "Turkish Prime Minister Ahmet Davutoglu met Iraqi Prime Minister Haider al-Abadi in Ankara on Tuesday.",
            "The two leaders signed an agreement to share intelligence on Islamic State fighters in the region.",
            "Davutoglu praised the Iraqi government for its efforts to rebuild the army after the fall of Mosul.",
            "Iraq asked Turkey to send more military advisers, officials from both countries told reporters later.",
        ]
    )
    page = (
        "<html><head><title>Turkey and Iraq agree to cooperate</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Turkey and Iraq agree to cooperate</h1>{paragraphs}</article>"
        "<footer>Copyright 2015 Example News</footer></body></html>"
    )
    r = client.post("/api/extract", json={"text": page, "format": "html", "published": "2015-03-04"})
    assert r.status_code == 200, r.text
    art = r.json()["article"]
    assert art["title"] == "Turkey and Iraq agree to cooperate"
    assert "Davutoglu praised" in art["text"] and "<p>" not in art["text"] and "Copyright" not in art["text"]
    r = client.post("/api/extract", json={"text": "<html><body><p>Too short.</p></body></html>", "format": "html"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "E108"
