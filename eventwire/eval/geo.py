"""`eventwire eval geo FILE`: toponym resolution against LGL, TR-News (GeoNames ids) or GeoVirus (lat/lon).

Two settings, reported side by side because they answer different questions:
- ``gold``: the gold toponym spans are given to the resolver (resolution only). Exact = the same GeoNames
  id; acc@161 = the share of toponyms placed within 161 km (100 miles) of the gold point; toponyms the
  gazetteer cannot resolve count as wrong (and as 20,039 km, half the Earth's circumference, in no mean).
- ``e2e``: eventwire finds the mentions itself (spaCy NER + gazetteer spans, no actor filtering, since the
  gold annotates metonymic uses too) and resolves them; a prediction matches a gold toponym when the
  spans overlap. Reports toponym precision/recall/F1, accuracy on the matched toponyms, and acc@161
  over all gold toponyms (a missed toponym counts as wrong).
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.places import PlaceResolver, default_gazetteer, geoparse, haversine_km, resolve_spans
from eventwire.registry import evaluators

ACC_KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    text: str
    toponyms: list[GoldToponym]


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    return float(node.text)


def read_gold(path: Path) -> list[GoldArticle]:
    """LGL/TR-News (<toponym> with <gaztag geonameid>) and GeoVirus (<location> with lat/lon)."""
    if not path.is_file():
        raise EventwireError(ErrorCode.UNREADABLE, str(path))
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EventwireError(ErrorCode.UNREADABLE, f"{path}: {exc}") from exc
    articles: list[GoldArticle] = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops: list[GoldToponym] = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            gid = int(tag.get("geonameid", "0")) if tag is not None and tag.get("geonameid") else None
            tops.append(
                GoldToponym(
                    int(top.findtext("start") or 0), int(top.findtext("end") or 0), top.findtext("phrase") or "",
                    gid, _float(tag.find("lat")) if tag is not None else None,
                    _float(tag.find("lon")) if tag is not None else None,
                )
            )
        for loc in art.iter("location"):
            tops.append(
                GoldToponym(
                    int(loc.findtext("start") or 0), int(loc.findtext("end") or 0), loc.findtext("name") or "",
                    None, _float(loc.find("lat")), _float(loc.find("lon")),
                )
            )
        articles.append(GoldArticle(text, [_realign(text, t) for t in tops]))
    return articles


def _realign(text: str, top: GoldToponym, window: int = 40) -> GoldToponym:
    """Some gold offsets are shifted by a character or more (GeoVirus, parts of TR-News): move the span
    to the nearest occurrence of its phrase, so the resolver sees the name the annotator saw."""
    if not top.phrase or text[top.start : top.end] == top.phrase:
        return top
    lo = max(0, top.start - window)
    best: int | None = None
    pos = text.find(top.phrase, lo, top.end + window + len(top.phrase))
    while pos != -1:
        if best is None or abs(pos - top.start) < abs(best - top.start):
            best = pos
        pos = text.find(top.phrase, pos + 1, top.end + window + len(top.phrase))
    if best is None:
        return top
    return GoldToponym(best, best + len(top.phrase), top.phrase, top.geonameid, top.lat, top.lon)


class _Score:
    """Accumulates resolution outcomes for toponyms that have gold coordinates."""

    def __init__(self) -> None:
        self.n = 0
        self.exact = 0
        self.with_id = 0
        self.within = 0
        self.errors: list[float] = []
        self.unresolved = 0

    def add(self, gold: GoldToponym, lat: float | None, lon: float | None, gid: int | None) -> None:
        self.n += 1
        if gold.geonameid is not None:
            self.with_id += 1
            if gid is not None and gid == gold.geonameid:
                self.exact += 1
        if lat is None or lon is None:
            self.unresolved += 1
            return
        assert gold.lat is not None and gold.lon is not None
        km = haversine_km(lat, lon, gold.lat, gold.lon)
        self.errors.append(km)
        if km <= ACC_KM:
            self.within += 1

    def metrics(self, prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            f"{prefix}_toponyms": self.n,
            f"{prefix}_acc161": self.within / self.n if self.n else 0.0,
        }
        if self.with_id:
            out[f"{prefix}_exact"] = self.exact / self.with_id
        out[f"{prefix}_mean_km"] = statistics.fmean(self.errors) if self.errors else 0.0
        out[f"{prefix}_median_km"] = statistics.median(self.errors) if self.errors else 0.0
        out[f"{prefix}_unresolved"] = self.unresolved
        return out


@evaluators.register("geo")
def evaluate_geo(path: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Score resolution given gold spans and end-to-end geoparsing on one gold file."""
    articles = read_gold(Path(path))
    limit = options.get("limit")
    if limit:
        articles = articles[: int(limit)]
    mode = options.get("mode", "both")
    gaz = default_gazetteer()
    resolver = PlaceResolver(gaz)
    metrics: dict[str, Any] = {
        "file": Path(path).name,
        "articles": len(articles),
        "toponyms": sum(len(a.toponyms) for a in articles),
        "toponyms_with_coordinates": sum(1 for a in articles for t in a.toponyms if t.lat is not None),
    }
    if mode in ("both", "gold"):
        t0 = time.perf_counter()
        score = _Score()
        for art in articles:
            tops = [t for t in art.toponyms if t.lat is not None]
            resolved = resolve_spans(resolver, art.text, [(t.start, t.end) for t in tops])
            for gold, res in zip(tops, resolved, strict=True):
                e = res.entry
                score.add(gold, e.lat if e else None, e.lon if e else None, e.geonameid if e else None)
        metrics.update(score.metrics("gold_spans"))
        metrics["gold_spans_seconds"] = round(time.perf_counter() - t0, 2)
    if mode in ("both", "e2e"):
        metrics.update(_end_to_end(articles, resolver))
    return metrics


def _end_to_end(articles: list[GoldArticle], resolver: PlaceResolver) -> dict[str, Any]:
    from eventwire.config import load_config
    from eventwire.text.nlp import load_model

    t0 = time.perf_counter()
    nlp = load_model(load_config().pipeline.model)
    predicted = matched = gold_total = 0
    on_matched = _Score()
    overall = _Score()
    for art, sdoc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=16), strict=True):
        resolved = geoparse(resolver, art.text, sdoc)
        predicted += len(resolved)
        used: set[int] = set()
        for gold in art.toponyms:
            gold_total += 1
            hit = next(
                (i for i, r in enumerate(resolved)
                 if i not in used and r.mention.start < gold.end and gold.start < r.mention.end),
                None,
            )
            if hit is not None:
                used.add(hit)
                matched += 1
            if gold.lat is None:
                continue
            e = resolved[hit].entry if hit is not None else None
            lat, lon, gid = (e.lat, e.lon, e.geonameid) if e else (None, None, None)
            overall.add(gold, lat, lon, gid)
            if hit is not None:
                on_matched.add(gold, lat, lon, gid)
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold_total if gold_total else 0.0
    out: dict[str, Any] = {
        "e2e_precision": precision,
        "e2e_recall": recall,
        "e2e_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }
    out.update(on_matched.metrics("e2e_matched"))
    out.update({k: v for k, v in overall.metrics("e2e_all").items() if k in ("e2e_all_acc161", "e2e_all_exact")})
    out["e2e_seconds"] = round(time.perf_counter() - t0, 2)
    return out
