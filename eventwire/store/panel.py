"""Panels: event counts per unit and period, zero-filled, computed in DuckDB and streamed as Arrow batches.

``--by country-year``, ``country-month`` (unit: a country) or ``dyad-month`` (unit: an actor country and a
recipient country). Each row: the unit, the period (``year``, and ``month`` for monthly panels), the number
of events, one count per quad class (verbal_cooperation, material_cooperation, verbal_conflict,
material_conflict), the sum and the mean of the Goldstein scores, and with ``by_type`` one count per PLOVER
type (agree ... assault). Every unit seen in the selection gets a row for every period from the first to
the last (or from ``start`` to ``end`` when given): a period with no event has zero counts, a zero sum and
no mean (NULL).

Why precision-aware (store.periods): an event counts in a period only when its date is at least that
precise. A year-only event counts in its year of a country-year panel and in no month of a monthly panel,
never in January; a week counts in the month (and year) of its Thursday. ``panel_coverage`` says how many
selected events a panel leaves out, and why.

An event counts once for every country of its parties on the chosen side (``country_of``: actor,
recipient or place): "Russia and Syria met" counts for RUS and for SYR. A dyad is every pair of an actor
country and a recipient country of one event (a domestic pair such as SYR-SYR included); parties without
a country are in no dyad (an uncoded name never becomes a unit). Each event's countries are made distinct
in its own row (``list_distinct``) before they are unnested, so no query-wide DISTINCT over millions of
event ids is needed: the aggregation holds one group per unit and period, never one per event.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.errors import ErrorCode, EventwireError
from eventwire.events.ontology import PLOVER_TYPES
from eventwire.store.filters import check_filters, event_filters
from eventwire.store.periods import period_sql

PANELS: tuple[str, ...] = ("country-year", "country-month", "dyad-month")
SIDES: tuple[str, ...] = ("actor", "recipient", "place")
QUADS: dict[int, str] = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
                         4: "material_conflict"}
BATCH_ROWS = 10_000

_COUNTRIES = {
    "actor": "json_extract_string(e.actors_json, '$[*].country')",
    "recipient": "json_extract_string(e.recipients_json, '$[*].country')",
    "place": "[e.place_country]",
}


def _check(by: str, country_of: str) -> None:
    if by not in PANELS:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"panel {by!r}; use one of {', '.join(PANELS)}")
    if country_of not in SIDES:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"country_of {country_of!r}; use one of {', '.join(SIDES)}")


def panel_sql(by: str = "country-year", country_of: str = "actor", by_type: bool = False,
              **filters: Any) -> tuple[str, list[Any]]:
    """The panel query and its parameters (see the module docstring); facts only unless ``all=True``."""
    _check(by, country_of)
    checked = check_filters(**filters)
    where, params = event_filters(**checked)
    period = "year" if by == "country-year" else "month"
    step = "INTERVAL 1 YEAR" if period == "year" else "INTERVAL 1 MONTH"
    # A country filter on the panel's own side also restricts its units: --actor-country RUS gives RUS rows
    # only, not the other actor countries of the events RUS took part in.
    when = period_sql(period, "e.date", "e.date_precision", "e.date_value")
    keep: list[str] = []
    kept: list[Any] = []
    if by == "dyad-month":
        units = ["actor_country", "recipient_country"]
        for side, alias in (("actor", "a"), ("recipient", "r")):
            if checked.get(f"{side}_country"):
                keep.append(f" AND {alias}.c = ?")
                kept.append(checked[f"{side}_country"])
        source = (
            f"SELECT e.event_id, a.c AS actor_country, r.c AS recipient_country, {when} AS period, "
            f"e.quad_class, e.goldstein, e.type FROM (SELECT * FROM events e{where}) e, "
            f"unnest(list_distinct({_COUNTRIES['actor']})) AS a(c), "
            f"unnest(list_distinct({_COUNTRIES['recipient']})) AS r(c) "
            f"WHERE a.c IS NOT NULL AND r.c IS NOT NULL{''.join(keep)}"
        )
    else:
        units = ["country"]
        own = {"actor": "actor_country", "recipient": "recipient_country"}.get(country_of)
        for key in (own, "country"):
            if key and checked.get(key):
                keep.append(" AND u.c = ?")
                kept.append(checked[key])
        source = (
            f"SELECT e.event_id, u.c AS country, {when} AS period, e.quad_class, e.goldstein, e.type "
            f"FROM (SELECT * FROM events e{where}) e, unnest(list_distinct({_COUNTRIES[country_of]})) AS u(c) "
            f"WHERE u.c IS NOT NULL{''.join(keep)}"
        )
    lo = f"CAST(date_trunc('{period}', CAST(? AS DATE)) AS DATE)"
    bounds = [checked.get("start"), checked.get("end")]
    unit_cols = ", ".join(units)
    counts = [f"count(p.event_id) FILTER (WHERE p.quad_class = {q}) AS {name}" for q, name in QUADS.items()]
    if by_type:
        counts += [f"count(p.event_id) FILTER (WHERE p.type = '{t}') AS {t.lower()}" for t in PLOVER_TYPES]
    period_cols = "year(g.period) AS year" + (", month(g.period) AS month" if period == "month" else "")
    join = " AND ".join(f"p.{u} = g.{u}" for u in units)
    keys = ", ".join("g." + u for u in units)
    sql = (
        f"WITH ev AS ({source}), placed AS (SELECT * FROM ev WHERE period IS NOT NULL), "
        f"units AS (SELECT DISTINCT {unit_cols} FROM placed), "
        f"span AS (SELECT coalesce({lo}, min(period)) AS lo, coalesce({lo}, max(period)) AS hi FROM placed), "
        f"periods AS (SELECT CAST(range AS DATE) AS period FROM span, range(span.lo, span.hi + {step}, {step})), "
        "grid AS (SELECT * FROM units CROSS JOIN periods) "
        f"SELECT {keys}, {period_cols}, count(p.event_id) AS events, "
        f"{', '.join(counts)}, coalesce(round(sum(p.goldstein), 3), 0) AS goldstein_sum, "
        "round(avg(p.goldstein), 3) AS goldstein_mean "
        f"FROM grid g LEFT JOIN placed p ON {join} AND p.period = g.period "
        f"GROUP BY {keys}, g.period ORDER BY {keys}, g.period"
    )
    return sql, [*params, *kept, bounds[0], bounds[1]]


def panel_reader(con: duckdb.DuckDBPyConnection, by: str = "country-year", country_of: str = "actor",
                 by_type: bool = False, **filters: Any) -> pa.RecordBatchReader:
    """The panel as a stream of Arrow record batches (never all rows in Python)."""
    sql, params = panel_sql(by, country_of, by_type, **filters)
    try:
        return con.sql(sql, params=params).to_arrow_reader(BATCH_ROWS)
    except duckdb.Error as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc


def panel_rows(con: duckdb.DuckDBPyConnection, by: str = "country-year", country_of: str = "actor",
               by_type: bool = False, **filters: Any) -> Iterator[dict[str, Any]]:
    for batch in panel_reader(con, by, country_of, by_type, **filters):
        yield from batch.to_pylist()


def panel_coverage(con: duckdb.DuckDBPyConnection, by: str = "country-year", country_of: str = "actor",
                   **filters: Any) -> dict[str, int]:
    """How many selected events the panel counts and leaves out, in four parts that add up to the selection:
    ``counted``; ``no_country`` (no party with a country on the side, or no dyad); ``undated`` (no date);
    ``too_coarse`` (dated less precisely than the period: a year-only event in a monthly panel)."""
    _check(by, country_of)
    where, params = event_filters(**filters)
    period = "year" if by == "country-year" else "month"
    countries = (f"len(list_filter({_COUNTRIES['actor']}, lambda c: c IS NOT NULL)) > 0 AND "
                 f"len(list_filter({_COUNTRIES['recipient']}, lambda c: c IS NOT NULL)) > 0"
                 if by == "dyad-month" else f"len(list_filter({_COUNTRIES[country_of]}, lambda c: c IS NOT NULL)) > 0")
    when = period_sql(period, "e.date", "e.date_precision", "e.date_value")
    # Each event's countries and period are worked out once (JSON is parsed once per event), then counted.
    sql = (
        "SELECT count(*) FILTER (WHERE has AND period IS NOT NULL) AS counted, "
        "count(*) FILTER (WHERE has AND date IS NULL) AS undated, "
        "count(*) FILTER (WHERE has AND date IS NOT NULL AND period IS NULL) AS too_coarse, "
        "count(*) FILTER (WHERE NOT has) AS no_country "
        f"FROM (SELECT ({countries}) AS has, {when} AS period, e.date FROM events e{where})"
    )
    try:
        row = con.execute(sql, params).fetchall()[0]
    except duckdb.Error as exc:
        raise EventwireError(ErrorCode.STORE_ERROR, str(exc)) from exc
    return {"counted": int(row[0]), "undated": int(row[1]), "too_coarse": int(row[2]), "no_country": int(row[3])}
