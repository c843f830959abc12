"""The store as pandas DataFrames: ``eventwire.read_events`` and ``eventwire.read_panel``.

Why a function and not only SQL: an analyst in a notebook should get typed columns (dates as dates, lists
as lists, booleans as booleans) with the same filters and the same facts rule as the CLI, in one line. The
query runs in DuckDB and arrives through Arrow, so pandas gets the store's own types (docs/store.md lists
them); nothing is built row by row in Python. pandas is not a dependency of eventwire: install it to use
these (``pip install pandas``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.errors import ErrorCode, EventwireError
from eventwire.store.db import open_store
from eventwire.store.filters import event_filters
from eventwire.store.panel import panel_reader

if TYPE_CHECKING:
    import pandas as pd


def _pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError as exc:
        raise EventwireError(
            ErrorCode.REQUEST_INVALID, "read_events and read_panel need pandas: pip install pandas"
        ) from exc


def read_events(db: str | Path, facts: bool = True, columns: list[str] | None = None,
                **filters: Any) -> pd.DataFrame:
    """The events of a store as a DataFrame, oldest first: every column of the ``events`` table.

    ``facts=False`` adds negated, hypothetical and future events (``is_fact`` tells them apart). Filters
    are those of `eventwire events` (store.filters.FILTERS): ``actor_country="RUS"``, ``code="RUS*"``,
    ``type="CONSULT,AGREE"``, ``cameo="04*"``, ``name="Lavrov"``, ``start="2014-11-01"`` ...
    ``columns`` keeps only these columns (names of the events table).
    """
    _pandas()
    from eventwire.store.schema import EVENTS

    chosen = list(columns) if columns else list(EVENTS.names)
    unknown = [c for c in chosen if c not in EVENTS.names]
    if unknown:
        raise EventwireError(ErrorCode.REQUEST_INVALID, f"no such column(s) {', '.join(unknown)} in events")
    where, params = event_filters(**{**filters, "all": not facts})
    with open_store(db, read_only=True) as store:
        select = ", ".join(f'"{c}"' for c in chosen)  # names checked against the constant schema above
        table = store.con.sql(
            f"SELECT {select} FROM events e{where} ORDER BY date NULLS LAST, first_seen, event_id", params=params
        ).to_arrow_table()
    return table.to_pandas()


def read_panel(db: str | Path, by: str = "country-year", facts: bool = True, country_of: str = "actor",
               by_type: bool = False, **filters: Any) -> pd.DataFrame:
    """A zero-filled panel as a DataFrame (store.panel): ``by`` country-year, country-month or dyad-month;
    counts per quad class, Goldstein sum and mean, and with ``by_type`` a count per PLOVER type."""
    _pandas()
    with open_store(db, read_only=True) as store:
        table = panel_reader(store.con, by, country_of, by_type, **{**filters, "all": not facts}).read_all()
    return table.to_pandas()
