"""The web page in a real browser (Debian chromium, headless) against a real server and database."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "vov-2014-11-27-russia-syria.txt"


def _extract(page: Any, text: str, published: str | None = None, title: str | None = None) -> dict[str, Any]:
    """Paste, press Extract, and return the Document the server sent to the page."""
    page.fill("#text", text)
    if published:
        page.fill("#published", published)
    if title:
        page.fill("#title", title)
    with page.expect_response(lambda r: r.url.endswith("/api/extract"), timeout=60000) as info:
        page.click("#extract")
    doc: dict[str, Any] = info.value.json()
    expect(page.locator("#status")).to_contain_text("extracted", timeout=30000)
    return doc


def _shot(page: Any, selector: str, path: Path, max_height: int = 760) -> None:
    """A screenshot of one card, cut to at most ``max_height`` pixels so the committed PNGs stay small."""
    box = page.evaluate(
        """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
           return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height}; }""",
        selector,
    )
    box["height"] = min(box["height"], max_height)
    page.screenshot(path=str(path), full_page=True, clip=box)


def _check_graph(page: Any, actors: set[str], links: set[tuple[str, str]]) -> None:
    """The graph draws every linked actor and every link; actors with no link only when the graph is small."""
    assert len(actors) <= 45, "the test corpora are small enough to draw whole"
    drawn = {page.locator("#network g.node").nth(i).get_attribute("data-id")
             for i in range(page.locator("#network g.node").count())}
    linked = {x for pair in links for x in pair}
    assert drawn == (actors if len(actors) <= 12 or not linked else linked)
    edges = {(page.locator("#network path.edge").nth(i).get_attribute("data-source"),
              page.locator("#network path.edge").nth(i).get_attribute("data-target"))
             for i in range(page.locator("#network path.edge").count())}
    assert edges == links


def _is_fact(event: dict[str, Any]) -> bool:
    return not ({"negation", "hypothetical"} & set(event["aux"]))


def test_pasting_the_sample_highlights_it_and_lists_its_events(page: Any, shots: Path | None) -> None:
    doc = _extract(page, SAMPLE.read_text(encoding="utf-8"), published="2014-11-27")
    assert doc["actors"] and doc["events"], "the sample should yield actors and events"
    shown = page.text_content("#doc-text")
    assert shown == doc["article"]["text"]  # every character shown once, as text
    kinds = {"actor": doc["actors"], "place": doc["places"], "time": doc["times"], "quote": doc["quotes"],
             "trigger": doc["events"]}
    for kind, items in kinds.items():
        if items:
            assert page.locator(f"#doc-text .hl.{kind}").count() > 0, kind
    # every actor mention is covered by actor highlights, character for character
    covered = page.evaluate(
        """() => { const out = []; let pos = 0;
           for (const n of document.querySelector('#doc-text').childNodes) {
             const t = Array.from(n.textContent);
             if (n.nodeType === 1 && n.classList.contains('actor')) out.push([pos, pos + t.length]);
             pos += t.length; }
           return out; }"""
    )
    for actor in doc["actors"]:
        for m in actor["mentions"]:
            assert any(a <= m["start"] and m["end"] <= b or (a < m["end"] and b > m["start"]) for a, b in covered)
            inside = [(a, b) for a, b in covered if a < m["end"] and b > m["start"]]
            assert sum(min(b, m["end"]) - max(a, m["start"]) for a, b in inside) == m["end"] - m["start"]
    # hovering an actor shows its code
    coded = next(a for a in doc["actors"] if a.get("code") and a["mentions"])
    start = coded["mentions"][0]["start"]
    index = page.evaluate(
        """(start) => { let pos = 0, i = 0;
           for (const n of document.querySelector('#doc-text').childNodes) {
             const len = Array.from(n.textContent).length;
             if (n.nodeType === 1 && pos <= start && start < pos + len) return i;
             if (n.nodeType === 1) i++;
             pos += len; }
           return -1; }""",
        start,
    )
    page.locator("#doc-text > span").nth(index).hover()
    assert coded["code"] in page.text_content("#tip")
    # the events table lists the article's facts, each with its evidence and trigger
    rows = page.locator("#events tbody tr")
    facts = [e for e in doc["events"] if _is_fact(e)]
    assert rows.count() == len(facts)
    triggers = page.locator("#events tbody tr td.evidence mark").all_text_contents()
    assert sorted(triggers) == sorted(e["evidence"]["trigger"]["text"] for e in facts)
    page.check("#filters input[name=all]")
    page.click("#filters button[type=submit]")
    assert page.locator("#events tbody tr").count() == len(doc["events"])
    assert page.locator("#events tbody tr.nonfact").count() == len(doc["events"]) - len(facts)
    page.locator("#events tbody tr").first.click()
    assert page.locator("#events tbody tr.detail").count() == 1
    assert not page.errors, page.errors
    if shots:
        page.evaluate("() => { document.querySelector('#text').scrollTop = 0; }")
        _shot(page, "#extract-card", shots / "web-article.png")
        _shot(page, "#events-card", shots / "web-events.png")


def test_network_timeline_and_map_render_for_the_article_and_the_database(page: Any, shots: Path | None) -> None:
    # the stored corpus first
    db_events = page.evaluate("async () => (await (await fetch('/api/events?all=true&limit=1000')).json()).events")
    def key(parties: list[dict[str, Any]]) -> str:  # the store's actor key: first party's code, else its name
        return (parties[0].get("code") or (parties[0].get("name") or "").upper()) if parties else ""

    facts_db = [e for e in db_events if _is_fact(e)]
    pairs = {(key(e["actor"]), key(e["recipient"])) for e in facts_db}
    _check_graph(page, {x for pair in pairs for x in pair} - {""}, {p for p in pairs if p[0] != p[1] and "" not in p})
    assert page.locator("#map path.country").count() > 150  # outlines shipped with the package, no tiles
    # then the sample: the graph is rebuilt from the article's own events
    doc = _extract(page, SAMPLE.read_text(encoding="utf-8"), published="2014-11-27")
    facts = [e for e in doc["events"] if _is_fact(e)]
    keys = {(a.get("code") or a.get("name") or a.get("id")) for e in facts for a in e["actor"] + e["recipient"]}
    assert keys, "the sample's events should have actors"
    links = {(a.get("code") or a.get("name") or a.get("id"), r.get("code") or r.get("name") or r.get("id"))
             for e in facts for a in e["actor"] for r in e["recipient"]}
    _check_graph(page, keys, {p for p in links if p[0] != p[1]})
    for i in range(page.locator("#network path.edge").count()):
        edge = page.locator("#network path.edge").nth(i)
        assert edge.get_attribute("stroke") in {"#0072b2", "#006d4f", "#a84300", "#b3261e", "#6b7385"}
    # points for towns and cities, shading for countries (a country centroid is not a place of its own)
    kind = {p["name"]: p["kind"] for p in doc["places"]} | {p["geonameid"]: p["kind"] for p in doc["places"]}
    areas = {"country", "region", "continent", "sea", "ocean", "admin1"}
    located = [e["location"] for e in facts if e["location"] and e["location"].get("lat") is not None]
    spots = {(round(x["lat"], 2), round(x["lon"], 2)) for x in located
             if (kind.get(x.get("geonameid")) or kind.get(x["name"]) or "") not in areas}
    assert page.locator("#map circle.point").count() == len(spots)
    for country in {e["location"]["country"] for e in facts if e["location"] and e["location"].get("country")}:
        shape = page.locator(f'#map path.country[data-id="{country}"]')
        if shape.count():
            assert "rgba" in (shape.first.get_attribute("style") or ""), country
    dated = [e for e in facts if e["recipient"] and (e["date"] or {}).get("value")]
    if dated:
        assert page.locator("#timeline circle").count() >= 1
    assert not page.errors, page.errors
    if shots:
        _shot(page, ".grid", shots / "web-network.png")
        _shot(page, "#map-card", shots / "web-map.png")


def test_script_in_pasted_or_stored_text_never_runs(page: Any, web_server: str) -> None:
    title = 'Riot <img src=x onerror="window.pwned=1"> <script>window.pwned=2</script>'
    body = (
        "Egyptian police detained dozens of protesters in Cairo on Friday. <script>window.pwned=3</script> "
        "<svg onload=\"window.pwned=4\"></svg> The government condemned the protest."
    )
    doc = _extract(page, body, title=title)
    assert page.evaluate("() => window.pwned") is None
    shown = page.text_content("#doc-text")
    assert shown == doc["article"]["text"]
    assert '<img src=x onerror="window.pwned=1">' in shown  # shown as text, not turned into an element
    assert page.locator("#doc-text img, #doc-text script, #doc-text svg").count() == 0
    # an article stored with markup in its title, opened from the database
    page.goto(web_server + "/#article=hostile")
    page.wait_for_selector("body[data-ready=true]")
    expect(page.locator("#doc-text")).to_contain_text("onerror")
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("#doc-text img, #doc-text script").count() == 0
    # pasted into a filter, the same markup is only a value
    page.fill("#filters input[name=actor]", "<img src=x onerror=window.pwned=5>")
    page.click("#filters button[type=submit]")
    expect(page.locator("#page-info")).to_have_text(re.compile(r"^0"))
    assert page.evaluate("() => window.pwned") is None


def test_uploading_a_saved_web_page_extracts_its_article(page: Any, tmp_path: Path) -> None:
    body = "".join(
        f"<p>{s}</p>"
        for s in [
            "Ukrainian President Petro Poroshenko welcomed the decision of the European Union in Kyiv on Wednesday.",
            "Russian Foreign Minister Sergei Lavrov criticized the European Union "
            "and accused it of damaging relations.",
            "Ukrainian troops shelled rebel positions near Donetsk on Thursday, the army said in a statement.",
        ]
    )
    saved = tmp_path / "eu-sanctions.html"
    saved.write_text(
        "<html><head><title>EU extends sanctions on Russia</title></head><body><nav>Home | World</nav>"
        f"<article><h1>EU extends sanctions on Russia</h1>{body}</article><footer>Contact us</footer></body></html>",
        encoding="utf-8",
    )
    page.set_input_files("#file", str(saved))
    expect(page.locator("#text")).to_have_value(re.compile("<article>"))
    assert page.input_value("#format") == "html"
    with page.expect_response(lambda r: r.url.endswith("/api/extract"), timeout=60000) as info:
        page.click("#extract")
    doc = info.value.json()
    assert doc["article"]["title"] == "EU extends sanctions on Russia"
    expect(page.locator("#doc-text")).to_contain_text("Poroshenko")
    shown = page.text_content("#doc-text")
    assert "<p>" not in shown and "Contact us" not in shown
    assert not page.errors, page.errors


def test_a_server_with_a_token_asks_for_it_once(browser: Any, web_token_server: str) -> None:
    from .conftest import WEB_TOKEN

    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(web_token_server + "/")
        expect(page.locator("#auth")).to_be_visible()
        assert page.locator("#events tbody tr").count() == 0
        page.fill("#token", "wrong")
        page.click("#token-save")
        expect(page.locator("#auth")).to_be_visible()
        page.fill("#token", WEB_TOKEN)
        page.click("#token-save")
        page.wait_for_selector("body[data-ready=true]")
        expect(page.locator("#auth")).to_be_hidden()
        assert page.locator("#events tbody tr td.evidence").count() > 0
        # a link with ?token= is refused, page included (a token in a URL ends up in logs and history)
        page2 = context.new_page()
        response = page2.goto(web_token_server + f"/?token={WEB_TOKEN}")
        assert response is not None and response.status == 400
        assert response.json()["error"]["code"] == "E509"
    finally:
        context.close()
