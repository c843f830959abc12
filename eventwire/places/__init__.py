"""Places: toponyms found in a parsed text and resolved to GeoNames places with an offline gazetteer.

The public API for code outside this package (the geo evaluation, notebooks):

- ``PlaceResolver(default_gazetteer())``: the resolver over the shipped gazetteer (build it once).
- ``resolve_spans(resolver, text, spans)``: resolve known toponym spans (gold spans), one result each.
- ``geoparse(resolver, text, sdoc)``: find the toponyms of a spaCy parse, resolve them, keep the plausible ones.
- ``haversine_km(lat1, lon1, lat2, lon2)``: the distance used to score a resolution.

Each result is a ``Resolution`` (``.mention`` with character offsets, ``.entry`` the gazetteer ``Entry``
with ``lat``, ``lon``, ``geonameid``, or None). The places stage is ``eventwire.places.stage``.
"""

from __future__ import annotations

from eventwire.places.gazetteer import Entry, default_gazetteer, haversine_km
from eventwire.places.resolve import PlaceResolver, Resolution, geoparse, resolve_spans

__all__ = ["Entry", "PlaceResolver", "Resolution", "default_gazetteer", "geoparse", "haversine_km", "resolve_spans"]
