"""Filters over the events table: structured filters (codes, countries, sectors, CAMEO) apart from name search.

Why apart: a code and a name are different questions. ``--actor RUS`` used to match any actor whose name
contained "rus" (Belarus, Cyprus, Lloyd Russell-Moyle); a country, a sector or a CAMEO code now matches only
that field, and names are matched as whole words. Every filter looks at every party of a multi-actor event
(``actors_json``/``recipients_json``), not only the first. Values are checked here (a malformed one is a
coded error naming the filter) and reach SQL only as bound parameters; only constant fragments are joined.

By default only facts are kept: events whose aux holds none of ``NON_FACT_AUX`` (the ``is_fact`` column);
``all=True`` adds negated, hypothetical and future events.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from eventwire.errors import ErrorCode, EventwireError

# Every filter keyword ``event_filters`` takes (the CLI, the REST API and eventwire.read_events share them).
FILTERS: tuple[str, ...] = (
    "actor", "recipient", "party", "code", "name", "country", "actor_country", "recipient_country", "sector",
    "actor_sector", "recipient_sector", "type", "cameo", "root_code", "quad_class", "start", "end", "place",
    "outlet", "article_id", "since", "all", "historical",
)

_CODE = re.compile(r"^[A-Z0-9]{1,30}\*?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^[0-9]{2,4}\*?$")
_ROOT = re.compile(r"^[0-9]{2}$")

# The parties of one side as lists (constant SQL over the JSON columns every event row carries).
_SIDES = {"actor": "actors_json", "recipient": "recipients_json"}


def _bad(error: ErrorCode, option: str, value: Any, what: str) -> EventwireError:
    return EventwireError(error, f"{option} {value!r}: {what}")


def check_code(value: str, option: str = "code", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    """An actor code, exact (RUSGOV) or a prefix ending in * (RUS*), upper-cased; else a coded error."""
    code = value.strip().upper()
    if not _CODE.match(code) or code == "*":
        raise _bad(error, option, value, "give an actor code such as RUSGOV, or a prefix with * such as RUS*")
    return code


def check_country(value: str, option: str = "country", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    """A three-letter country code (ISO 3166 alpha-3, or PLOVER's IGO, UNO, EUR ...), upper-cased."""
    code = value.strip().upper()
    if not _COUNTRY.match(code):
        raise _bad(error, option, value, "give a three-letter country code such as RUS (ISO 3166 alpha-3)")
    return code


def check_sector(value: str, option: str = "sector", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    """A three-letter PLOVER/CAMEO sector code (GOV, MIL, REB ...), upper-cased."""
    code = value.strip().upper()
    if not _SECTOR.match(code):
        raise _bad(error, option, value, "give a three-letter sector code such as GOV, MIL or REB")
    return code


def check_cameo(value: str, option: str = "cameo", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    """A CAMEO code of 2 to 4 digits, exact (042) or a prefix ending in * (04*)."""
    code = value.strip()
    if not _CAMEO.match(code):
        raise _bad(error, option, value, "give a CAMEO code of 2 to 4 digits such as 042, or a prefix such as 04*")
    return code


def check_root_code(value: str | int, option: str = "root_code", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    """A CAMEO root code, 01 to 20 (a bare number such as 4 is read as 04)."""
    code = str(value).strip()
    code = code.zfill(2) if code.isdigit() and len(code) == 1 else code
    if not _ROOT.match(code) or not 1 <= int(code) <= 20:
        raise _bad(error, option, value, "give a CAMEO root code from 01 to 20")
    return code


def name_words(value: str) -> str:
    """A name folded for whole-word search: lower case, every run of non-letters and non-digits one space.

    The SQL side folds stored names the same way (``FOLD_SQL``), so "al-Moualem" finds "Walid al-Moualem"
    and "Lavrov" finds "Sergei Lavrov", while "RUS" finds neither "Belarus" nor "Lloyd Russell-Moyle".
    """
    return " ".join("".join(ch if ch.isalnum() else " " for ch in value.lower()).split())


def check_name(value: str, option: str = "name", error: ErrorCode = ErrorCode.REQUEST_INVALID) -> str:
    words = name_words(value)
    if not words:
        raise _bad(error, option, value, "give one or more words of a name")
    return words


# Stored names folded as name_words does: lower case, non-letters/digits to single spaces, padded.
FOLD_SQL = "(' ' || trim(regexp_replace(lower({x}), '[^\\pL\\pN]+', ' ', 'g')) || ' ')"


def _list(side: str, field: str) -> str:
    return f"json_extract_string({_SIDES[side]}, '$[*].{field}')"


def code_clause(side: str, code: str) -> tuple[str, list[Any]]:
    """Any party of ``side`` has this code (exact) or a code starting with it (``RUS*``)."""
    if code.endswith("*"):
        return f"len(list_filter({_list(side, 'code')}, lambda c: starts_with(c, ?))) > 0", [code[:-1]]
    return f"list_contains({_list(side, 'code')}, ?)", [code]


def name_clause(side: str, words: str) -> tuple[str, list[Any]]:
    """Any party of ``side`` has these words, whole and in this order, in its name."""
    fold = FOLD_SQL.format(x="n")
    return f"list_bool_or(list_transform({_list(side, 'name')}, lambda n: {fold} LIKE ?))", [f"% {words} %"]


def _field_clause(side: str, field: str, value: str) -> tuple[str, list[Any]]:
    return f"list_contains({_list(side, field)}, ?)", [value]


def _either(clause: Any, *args: Any) -> tuple[str, list[Any]]:
    a_sql, a_p = clause("actor", *args)
    r_sql, r_p = clause("recipient", *args)
    return f"({a_sql} OR {r_sql})", a_p + r_p


def _code_or_name(side: str, value: str) -> tuple[str, list[Any]]:
    """``--actor X``: X as a code (exact, or a prefix with *) or as whole words of a name."""
    parts: list[tuple[str, list[Any]]] = []
    code = value.strip().upper()
    if _CODE.match(code) and code != "*":
        parts.append(code_clause(side, code))
    words = name_words(value)
    if words and not value.strip().endswith("*"):
        parts.append(name_clause(side, words))
    if not parts:
        return "false", []
    return "(" + " OR ".join(p[0] for p in parts) + ")", [v for p in parts for v in p[1]]


def check_date(value: str | dt.date | None, name: str, error: ErrorCode = ErrorCode.REQUEST_INVALID) -> dt.date | None:
    """A date (YYYY-MM-DD) or None; else a coded error."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise EventwireError(error, f"{name}: {value!r} is not YYYY-MM-DD") from exc


def _contains(value: str) -> str:
    """An ILIKE pattern for "contains ``value``", with the user's % and _ taken literally (use ESCAPE '\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def check_filters(error: ErrorCode = ErrorCode.REQUEST_INVALID, names: dict[str, str] | None = None,
                  **filters: Any) -> dict[str, Any]:
    """The filters with every value checked and normalised (codes upper-cased ...); unknown names refused.

    The CLI calls this with ``ARGUMENT_INVALID`` and its option names (``names``: filter -> "--option", for
    the messages) before it opens a database, so a typo is refused at the edge; the library and the API
    call it through ``event_filters``.
    """
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise EventwireError(error, f"unknown filter(s) {', '.join(unknown)}; use {', '.join(FILTERS)}")
    label = (names or {}).get
    out = {k: v for k, v in filters.items() if v is not None and v != ""}
    checks = {
        "code": check_code, "country": check_country, "actor_country": check_country,
        "recipient_country": check_country, "sector": check_sector, "actor_sector": check_sector,
        "recipient_sector": check_sector, "cameo": check_cameo, "name": check_name,
    }
    for key, check in checks.items():
        if key in out:
            out[key] = check(str(out[key]), label(key, key), error)
    if "root_code" in out:
        out["root_code"] = check_root_code(out["root_code"], label("root_code", "root_code"), error)
    if "quad_class" in out:
        try:
            quad = int(out["quad_class"])
        except (TypeError, ValueError):
            quad = 0
        if quad not in (1, 2, 3, 4):
            raise _bad(error, label("quad_class", "quad_class"), out["quad_class"], "use 1, 2, 3 or 4")
        out["quad_class"] = quad
    for key in ("start", "end", "since"):
        if key in out:
            out[key] = check_date(out[key], label(key, key), error)
    if "type" in out:
        given = [out["type"]] if isinstance(out["type"], str) else list(out["type"])
        out["type"] = [t.strip().upper() for g in given for t in str(g).split(",") if t.strip()]
    out["all"] = bool(out.get("all", False))
    if "historical" in out:
        out["historical"] = bool(out["historical"])
    return out


def event_filters(alias: str = "e", **filters: Any) -> tuple[str, list[Any]]:
    """A WHERE clause and its parameters for the events table (aliased ``alias``), facts only by default.

    Filters (all optional, combined with AND): ``actor``/``recipient``/``party`` a code (exact, or a prefix
    with *) or whole words of a name, on that side / either side; ``code`` a code on either side;
    ``name`` whole words of a name on either side; ``country`` of an actor, recipient or the place;
    ``actor_country``, ``recipient_country``; ``sector`` on either side, ``actor_sector``,
    ``recipient_sector``; ``type`` PLOVER type(s); ``cameo`` a code or a prefix with *; ``root_code``;
    ``quad_class``; ``start``/``end`` dates (on the first day the event's date covers); ``place`` part of
    a place name or a GeoNames id; ``outlet`` part of an outlet's name; ``article_id``; ``since`` a date:
    events stored or updated (a new report merged in) on or after that day (``last_seen``), for incremental
    exports; ``all``; ``historical`` False leaves out events the coder marked historical (aux: a year-only
    "1945", a clause "five years after" the main one).
    """
    f = check_filters(**filters)
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql_params: tuple[str, list[Any]]) -> None:
        clauses.append(sql_params[0])
        params.extend(sql_params[1])

    for side in ("actor", "recipient"):
        if side in f:
            add(_code_or_name(side, str(f[side])))
    if "party" in f:
        add(_either(_code_or_name, str(f["party"])))
    if "code" in f:
        add(_either(code_clause, f["code"]))
    if "name" in f:
        add(_either(name_clause, f["name"]))
    if "country" in f:
        a_sql, a_p = _field_clause("actor", "country", f["country"])
        r_sql, r_p = _field_clause("recipient", "country", f["country"])
        clauses.append(f"({a_sql} OR {r_sql} OR place_country = ?)")
        params.extend(a_p + r_p + [f["country"]])
    for side in ("actor", "recipient"):
        if f"{side}_country" in f:
            add(_field_clause(side, "country", f[f"{side}_country"]))
        if f"{side}_sector" in f:
            add(_field_clause(side, "sector", f[f"{side}_sector"]))
    if "sector" in f:
        add(_either(_field_clause, "sector", f["sector"]))
    if f.get("type"):
        clauses.append("list_contains(?, upper(type))")
        params.append(f["type"])
    if "cameo" in f:
        if f["cameo"].endswith("*"):
            clauses.append("starts_with(cameo, ?)")
            params.append(f["cameo"][:-1])
        else:
            clauses.append("cameo = ?")
            params.append(f["cameo"])
    if "root_code" in f:
        clauses.append("substr(cameo, 1, 2) = ?")
        params.append(f["root_code"])
    if "quad_class" in f:
        clauses.append("quad_class = ?")
        params.append(f["quad_class"])
    if f.get("start") is not None:
        clauses.append("date >= ?")
        params.append(f["start"])
    if f.get("end") is not None:
        clauses.append("date <= ?")
        params.append(f["end"])
    if f.get("since") is not None:
        clauses.append("last_seen >= CAST(? AS TIMESTAMP)")
        params.append(f["since"])
    if "place" in f:
        clauses.append("(place_name ILIKE ? ESCAPE '\\' OR CAST(geonameid AS VARCHAR) = ?)")
        params += [_contains(str(f["place"])), str(f["place"])]
    if "outlet" in f:
        clauses.append(
            f"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = {alias}.event_id "
            "AND m.outlet ILIKE ? ESCAPE '\\')"
        )
        params.append(_contains(str(f["outlet"])))
    if "article_id" in f:
        clauses.append(
            f"EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = {alias}.event_id AND m.article_id = ?)"
        )
        params.append(str(f["article_id"]))
    if f.get("historical") is False:
        clauses.append("NOT list_contains(coalesce(aux, []), 'historical')")
    if not f["all"]:
        clauses.append("is_fact")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
