"""Development tool: turn world-atlas's Natural Earth 110m TopoJSON into the compact outlines the map ships.

Why a converted copy instead of the TopoJSON itself: the page then needs no topojson-client library, and
each country carries its ISO 3166 alpha-3 code (eventwire's country codes) so the map can shade countries
by event count. Run once, when updating the outlines:

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python -m tools.build_world package/countries-110m.json eventwire/api/static/world-110m.json

Never used at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

# Natural Earth 110m features whose numeric id is missing or not an ISO code.
_NAME_TO_ALPHA3 = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Delta-decode and un-quantise every arc into (lon, lat) pairs."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        for j, p in enumerate(points):
            if ring and j == 0:
                continue  # shared end point of consecutive arcs
            ring.append([p[0], p[1]])
    return ring


def _unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Make longitudes continuous across the antimeridian (e.g. Chukotka: 179 -> 181, not -179).

    The page then draws such a ring twice, shifted by 360 degrees, and the SVG viewport clips it, which is
    all a plate carree map needs; no projection library is required.
    """
    out: list[list[float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            prev = out[-1][0]
            while lon + shift - prev > 180:
                shift -= 360
            while lon + shift - prev < -180:
                shift += 360
        out.append([round(lon + shift, 2), lat])
    return out


def _alpha3(numeric: str | None, name: str) -> str | None:
    if name in _NAME_TO_ALPHA3:
        return _NAME_TO_ALPHA3[name]
    if numeric:
        country = pycountry.countries.get(numeric=str(numeric).zfill(3))
        if country is not None:
            return str(country.alpha_3)
    return None


def convert(topo: dict[str, Any]) -> dict[str, Any]:
    """TopoJSON countries object -> {"countries": [{"id", "name", "polygons": [[ring, ...], ...]}]}."""
    arcs = _decode_arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        if geom["type"] == "Polygon":
            polys = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        if name == "Antarctica":
            continue  # no events there worth the bytes, and its ring wraps the pole
        polygons = [[_unwrap(_ring(r, arcs)) for r in poly] for poly in polys]
        out.append({"id": _alpha3(geom.get("id"), name), "name": name, "polygons": polygons})
    return {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via world-atlas 2.0.2 (ISC)",
        "countries": out,
    }


def main(argv: list[str]) -> None:
    src, dst = Path(argv[0]), Path(argv[1])
    data = convert(json.loads(src.read_text(encoding="utf-8")))
    dst.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"{len(data['countries'])} countries -> {dst} ({dst.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
