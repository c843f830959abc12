"""The FastAPI app: a thin HTTP layer over the pipeline and the store, plus the web page at ``/``.

Why the guards live here and not in a proxy: ``eventwire serve`` is meant to be run by an analyst on a
laptop with nothing in front of it, so the app itself answers only to allowed Host names (403), limits
body size below the parser's own limit (413), bounds how long an extraction or a query may take (504,
and a timed-out extraction's worker process is killed) and how many may wait (503 with Retry-After),
requires a token in the Authorization header when one is set (401), bounds every integer parameter,
and sends a Content-Security-Policy that forbids inline script. Reads run on a pool of read-only
DuckDB connections in their own threads, so they never wait behind extraction. Every error, FastAPI's
own 404 and 422 included, has one shape: ``{"error": {"code": "E...", "message": "..."}}``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from eventwire import __version__
from eventwire.api.guard import SECURITY_HEADERS, GuardMiddleware, error_body
from eventwire.api.queries import DEFAULT_SORT, SORT_CHOICES, EventFilters, Queries
from eventwire.api.workers import ApiError, ExtractionPool, InlineExtractor
from eventwire.config import Config, load_config
from eventwire.document import SCHEMA_ID
from eventwire.errors import ErrorCode, EventwireError
from eventwire.events.ontology import PLOVER_TYPES
from eventwire.pipeline import Pipeline

log = logging.getLogger(__name__)

STATIC_DIR = Path(str(resources.files("eventwire.api").joinpath("static")))
# spaCy refuses texts longer than its max_length (1,000,000 characters by default); a request over it is
# refused here with 413, never in the parser.
PARSER_MAX_CHARS = 1_000_000
# The largest integer any query parameter may carry (DuckDB's LIMIT/OFFSET are 64-bit; never reach them).
INT_MAX = 2**31 - 1
SECURITY_HEADER_FIELDS = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STATUS_CODES = {404: ErrorCode.NOT_FOUND, 405: ErrorCode.REQUEST_INVALID, 413: ErrorCode.TOO_LARGE}
# HTTP status of an EventwireError by its code: these by name; other input codes (E1xx, E2xx) and an invalid
# request are the client's (422); everything else (a stage, the configuration, the store, the server) 500.
_CODE_STATUS = {ErrorCode.TOO_LARGE: 413, ErrorCode.NOT_FOUND: 404, ErrorCode.HOST_REFUSED: 403,
                ErrorCode.UNAUTHORISED: 401, ErrorCode.SERVER_BUSY: 503, ErrorCode.TIMED_OUT: 504,
                ErrorCode.REQUEST_INVALID: 422}


def error_status(code: ErrorCode) -> int:
    """4xx for what the client sent, 5xx for what went wrong in the server."""
    if code in _CODE_STATUS:
        return _CODE_STATUS[code]
    return 422 if code.value.startswith(("E1", "E2")) else 500


def check_date(value: str | None, name: str) -> str | None:
    """A real calendar date YYYY-MM-DD, or None; else 422 E112 naming the parameter as the client sent it."""
    if value is None or value == "":
        return None
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, ErrorCode.BAD_DATE, f"{name}: {value!r} is not a real calendar date YYYY-MM-DD") from None
    return value


MAX_EXPORT = 100_000


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(map(str, value))
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def events_csv_text(table: pa.Table) -> str:
    """CSV of flat event rows: the header always (even with no rows), dates as YYYY-MM-DD, list values
    joined with ';' (how spreadsheets and R read them back)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches():
        for row in batch.to_pylist():
            writer.writerow([_csv_value(v) for v in row.values()])
    return out.getvalue()


def check_types(value: str | None) -> str | None:
    """PLOVER types, comma separated, upper-cased; an unknown one (or a CAMEO code) is 422 naming ``type``.

    Why: a misspelt type (ASSUALT) used to match nothing and look like an empty corpus.
    """
    if value is None or not value.strip():
        return None
    types = [t.strip().upper() for t in value.split(",") if t.strip()]
    for t in types:
        if t not in PLOVER_TYPES:
            hint = " (a CAMEO code: use cameo=)" if t[:2].isdigit() else ""
            raise ApiError(422, ErrorCode.REQUEST_INVALID,
                           f"type: {t!r} is not a PLOVER type{hint}; use one of {', '.join(PLOVER_TYPES)}")
    return ",".join(types)


def events_parquet_bytes(table: pa.Table) -> bytes:
    """Parquet of flat event rows with the store's column types (``date`` a date32, lists lists, numbers
    numbers), whatever the rows hold: a column of NULLs keeps its type, and no rows still give the columns."""
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


#: The event files GET /api/events.{fmt} writes: how, and as what media type.
EVENT_FILES: dict[str, tuple[Callable[[pa.Table], str | bytes], str]] = {
    "csv": (events_csv_text, "text/csv; charset=utf-8"),
    "parquet": (events_parquet_bytes, "application/vnd.apache.parquet"),
}


class Json(JSONResponse):
    """A JSON response written straight from plain data (no per-field encoding pass: reads are hot).

    Why: FastAPI's encoder walks every value of a returned dict in the event loop, which cost more than
    the query itself for a page of 50 events; query results are plain JSON types already.
    """

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class ExtractRequest(BaseModel):
    """The body of POST /api/extract."""

    text: str = Field(description="the article text (title on the first line, then the body), or a whole HTML page")
    published: str | None = Field(default=None, description="publication date YYYY-MM-DD")
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    format: Literal["text", "html"] = Field(
        default="text",
        description="html: find the article body and metadata in a web page first (as `extract` does for .html)",
    )


def create_app(
    db_path: str | Path | None,
    token: str | None = None,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """Build the app over one DuckDB file (None: extraction only, the query endpoints answer 503).

    ``pipeline`` lets a caller that already loaded one (a notebook, the tests) share it: it then runs in a
    thread, and a timed-out extraction cannot be stopped. Without it the app starts worker processes
    (``api.extract_workers`` + ``api.extract_standby``) that are killed and replaced on timeout.
    ``allowed_hosts`` adds names to ``api.allowed_hosts`` (``eventwire serve --host NAME`` passes NAME).
    """
    cfg = config or load_config()
    settings = cfg.api
    max_limit = settings.max_limit
    max_offset = settings.max_offset
    extractor: ExtractionPool | InlineExtractor
    if pipeline is not None:
        extractor = InlineExtractor(lambda: pipeline, settings.max_waiting, settings.extract_timeout)
    else:
        extractor = ExtractionPool(cfg, settings.extract_workers, settings.extract_standby, settings.max_waiting,
                                   settings.extract_timeout)
    queries = (
        Queries(Path(db_path), settings.read_connections, settings.max_query_waiting, settings.query_timeout)
        if db_path is not None else None
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Everything is started here and closed below, so the app can be served again after a shutdown
        # (a second server or test client on the same app): the read threads start again on first use.
        extractor.start()  # models load in the workers while the server already answers queries
        try:
            yield
        finally:
            extractor.close()
            if queries is not None:
                queries.close()  # release the database file and stop the idle timer before the process ends

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version="1",
        description="Political event data from news text: extract, query and explore events with their evidence. "
                    "Every error is {\"error\": {\"code\": \"E...\", \"message\": ...}} (codes in "
                    "docs/reliability.md).",
        docs_url=None,
        redoc_url=None,
    )

    # -- one error shape for every status ------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(EventwireError)
    async def _ew_error(_: Request, exc: EventwireError) -> JSONResponse:
        if exc.code == ErrorCode.STORE_ERROR:
            # a database message can quote the SQL; the client gets the code, the log gets the detail
            log.error("store error: %s", exc)
            shown = exc.detail if exc.detail.startswith(("no database", "cannot open")) else (
                "the database query failed; the server log has the details")
            return JSONResponse(error_body(exc.code, shown), status_code=500)
        status = error_status(exc.code)
        if status >= 500:
            log.error("server error: %s", exc)
        return JSONResponse(error_body(exc.code, str(exc)), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            if err.get("type") == "json_invalid":
                parts.append(f"the body is not valid JSON ({err.get('ctx', {}).get('error', 'syntax error')})")
                continue
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
            parts.append(f"{where}: {err.get('msg')}")
        return JSONResponse(error_body(ErrorCode.REQUEST_INVALID, "; ".join(parts)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, ErrorCode.REQUEST_INVALID)
        message = f"no such address: {request.url.path}" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        # Starlette sends this response from outside every middleware, GuardMiddleware included: it carries
        # the security headers itself
        return JSONResponse(error_body(ErrorCode.INTERNAL, "an unexpected error; the server log has the details"),
                            status_code=500, headers=SECURITY_HEADER_FIELDS)

    def need_db() -> Queries:
        if queries is None:
            raise ApiError(503, ErrorCode.STORE_ERROR, "no database: start the server with --db FILE")
        return queries

    def filters_of(  # the store's event filters: every route over events
        actor: str | None = Query(None, description="actor: a code (exact, or a prefix ending in *) or whole words "
                                  "of a name"),
        recipient: str | None = Query(None, description="recipient: a code (exact, or a prefix with *) or a name"),
        party: str | None = Query(None, description="actor or recipient: a code or whole words of a name"),
        code: str | None = Query(None, description="code of an actor or recipient, exact (RUSGOV) or a prefix "
                                 "ending in * (RUS*); never a name"),
        name: str | None = Query(None, description="text search: whole words of an actor's or recipient's name"),
        country: str | None = Query(None, description="ISO 3166 alpha-3 of actor, recipient or place"),
        actor_country: str | None = Query(None, description="ISO 3166 alpha-3 of an actor: only that country"),
        recipient_country: str | None = Query(None, description="ISO 3166 alpha-3 of a recipient"),
        sector: str | None = Query(None, description="sector of an actor or recipient (GOV, MIL, REB ...)"),
        actor_sector: str | None = Query(None, description="sector of an actor"),
        recipient_sector: str | None = Query(None, description="sector of a recipient"),
        type: str | None = Query(None, description="PLOVER type(s), comma separated"),  # noqa: A002
        cameo: str | None = Query(None, description="CAMEO code, exact (042) or a prefix ending in * (04*)"),
        root_code: str | None = Query(None, description="CAMEO root code, 01 to 20"),
        quad_class: int | None = Query(None, ge=1, le=4),
        start: str | None = Query(None, alias="from", description="first date YYYY-MM-DD"),
        end: str | None = Query(None, alias="to", description="last date YYYY-MM-DD"),
        place: str | None = Query(None, description="place name or GeoNames id"),
        outlet: str | None = Query(None, description="outlet of a reporting article"),
        article: str | None = Query(None, description="id of a reporting article"),
        all: bool = Query(False, description="include negated, hypothetical and future events"),  # noqa: A002
        historical: bool = Query(True, description="false: leave out events marked historical (aux)"),
    ) -> EventFilters:
        filters = EventFilters(
            actor=actor, recipient=recipient, party=party, code=code, name=name, country=country,
            actor_country=actor_country, recipient_country=recipient_country, sector=sector,
            actor_sector=actor_sector, recipient_sector=recipient_sector, type=check_types(type), cameo=cameo,
            root_code=root_code, quad_class=quad_class, start=check_date(start, "from"), end=check_date(end, "to"),
            place=place, outlet=outlet, article_id=article, all=all, historical=historical,
        )
        filters.where()  # a malformed value is a 422 naming its parameter now, not inside a worker thread
        return filters

    # -- API ----------------------------------------------------------------------------------------
    @app.post("/api/extract", summary="Extract a Document from one article", tags=["extract"])
    async def extract(req: ExtractRequest) -> Json:
        if not req.text.strip():
            raise ApiError(422, ErrorCode.EMPTY_INPUT, "the text is empty")
        check_date(req.published, "published")
        if len(req.text) + len(req.title or "") >= PARSER_MAX_CHARS:
            raise ApiError(413, ErrorCode.TOO_LARGE, f"the text is longer than the parser's limit of "
                           f"{PARSER_MAX_CHARS:,} characters; split the article")
        return Json(await extractor.run(req.model_dump()))

    limit_q = Query(100, ge=1, le=INT_MAX, description=f"page size (at most api.max_limit = {max_limit})")
    offset_q = Query(0, ge=0, le=max_offset, description=f"rows to skip (at most api.max_offset = {max_offset}; "
                     "use cursor to page deeper)")

    @app.get("/api/events", summary="Events, filtered (as `eventwire events`), sorted and paginated", tags=["query"])
    async def events(
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = limit_q,
        offset: int = offset_q,
        sort: Literal[SORT_CHOICES] = Query(DEFAULT_SORT, description="a column, '-' first for descending "  # type: ignore[valid-type]
                                            "(default -date: newest first); undated events come last"),
        cursor: str | None = Query(None, max_length=2000, description="next_cursor of the previous page"),
    ) -> Json:
        q = need_db()
        if cursor is not None and offset:
            raise ApiError(422, ErrorCode.REQUEST_INVALID, "cursor: give either cursor or offset, not both")
        lim = min(limit, max_limit)
        total, rows, next_cursor = await q.run(lambda: q.events(filters, lim, offset, sort, cursor),
                                               ("events", filters, lim, offset, sort, cursor))
        left_out = max(0, total - offset - len(rows)) if cursor is None else None
        return Json({"total": total, "limit": lim, "offset": offset, "sort": sort, "left_out": left_out,
                     "next_cursor": next_cursor, "events": rows})

    @app.get("/api/events.{fmt}", tags=["query"],
             summary="The events of the current filter as a file: csv (the columns of `eventwire events`) or parquet")
    async def events_file(
        fmt: Literal["csv", "parquet"],
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = Query(100_000, ge=1, le=INT_MAX, description="at most this many rows (at most 100,000)"),
    ) -> Response:
        q = need_db()
        lim = min(limit, MAX_EXPORT)
        write, media_type = EVENT_FILES[fmt]
        # the file is written in the read thread too: 100,000 rows of CSV or Parquet would block the event
        # loop (and every other request) for as long as it takes; not kept in the cache, for the same size
        body = await q.run(lambda: write(q.export_table(filters, lim)))
        return Response(body, media_type=media_type,
                        headers={"Content-Disposition": f'attachment; filename="eventwire-events.{fmt}"'})

    @app.get("/api/places", summary="Placed events counted by place, for the map", tags=["query"])
    async def places(
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = Query(5000, ge=1, le=INT_MAX),
    ) -> Json:
        q = need_db()
        lim = min(limit, MAX_EXPORT)
        return Json(await q.run(lambda: q.places(filters, lim), ("places", filters, lim)))

    @app.get("/api/events/{event_id}", summary="One event with all its mentions and their sources", tags=["query"])
    async def event(event_id: str) -> Json:
        q = need_db()
        found = await q.run(lambda: q.event(event_id), ("event", event_id))
        if found is None:
            raise ApiError(404, ErrorCode.NOT_FOUND, f"no event with id {event_id!r}")
        return Json(found)

    @app.get("/api/facets", summary="Counts per value of the picklist fields under the current filters",
             tags=["query"])
    async def facets(
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = Query(100, ge=1, le=INT_MAX),
    ) -> Json:
        q = need_db()
        lim = min(limit, max_limit)
        result = await q.run(lambda: q.facets(filters, lim), ("facets", filters, lim))
        return Json({"facets": result})

    @app.get("/api/dyads", summary="Dyad counts per period (as `eventwire dyads`)", tags=["query"])
    async def dyads(
        by: Literal["day", "week", "month", "year"] = "month",
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = Query(1000, ge=1, le=INT_MAX),
    ) -> Json:
        q = need_db()
        lim = min(limit, max_limit * 10)
        total, rows = await q.run(lambda: q.dyads(filters, by, lim), ("dyads", filters, by, lim))
        return Json({"by": by, "total": total, "limit": lim, "left_out": max(0, total - len(rows)), "dyads": rows})

    @app.get("/api/network", summary="The actor network: nodes sized by events, edges by quad class", tags=["query"])
    async def network(
        filters: EventFilters = Depends(filters_of),  # noqa: B008 - FastAPI's idiom
        limit: int = Query(200, ge=1, le=INT_MAX, description="at most N nodes, the most active"),
    ) -> Json:
        q = need_db()
        lim = min(limit, max_limit)
        return Json(await q.run(lambda: q.network(filters, lim), ("network", filters, lim)))

    @app.get("/api/articles", summary="Stored articles, newest first", tags=["query"])
    async def articles(limit: int = Query(50, ge=1, le=INT_MAX), offset: int = offset_q) -> Json:
        q = need_db()
        lim = min(limit, max_limit)
        total, rows = await q.run(lambda: q.articles(lim, offset), ("articles", lim, offset))
        return Json({"total": total, "limit": lim, "offset": offset, "articles": rows})

    @app.get("/api/articles/{article_id}", summary="One stored article as a Document", tags=["query"])
    async def article(article_id: str) -> Json:
        q = need_db()
        doc = await q.run(lambda: q.article(article_id), ("article", article_id))
        if doc is None:
            raise ApiError(404, ErrorCode.NOT_FOUND, f"no article with id {article_id!r}")
        return Json(doc)

    @app.get("/api/actors", summary="Actors, by name or code", tags=["query"])
    async def actors(
        q: str | None = Query(None, description="a code, exact or a prefix ending in *, or whole words of a name"),
        limit: int = Query(50, ge=1, le=INT_MAX),
        all: bool = Query(False, description="count negated, hypothetical and future events too"),  # noqa: A002
    ) -> Json:
        store = need_db()
        lim = min(limit, max_limit)
        rows = await store.run(lambda: store.actors(q, lim, all), ("actors", q, lim, all))
        total = int(rows[0]["total"]) if rows else 0
        shown = [{k: v for k, v in r.items() if k != "total"} for r in rows]
        return Json({"total": total, "left_out": max(0, total - len(shown)), "actors": shown})

    @app.get("/api/health", include_in_schema=False)
    async def health() -> dict[str, Any]:
        return {"ok": True, "db": queries is not None, "auth": token is not None, "workers": extractor.pids(),
                "idle_workers": extractor.idle()}

    @app.get("/api/version", summary="The eventwire version and the Document schema it writes", tags=["meta"])
    async def version() -> dict[str, str]:
        return {"version": __version__, "schema": SCHEMA_ID}

    # -- the page -------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)  # 9 costs CPU for 2% less
    app.add_middleware(
        GuardMiddleware,  # type: ignore[arg-type]
        max_body=settings.max_body_bytes, token=token,
        allowed_hosts=[*settings.allowed_hosts, *(allowed_hosts or [])],
    )
    return app
