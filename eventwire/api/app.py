"""The FastAPI app: a thin HTTP layer over the pipeline and the store, plus the web page at ``/``.

Why the guards live here and not in a proxy: ``eventwire serve`` is meant to be run by an analyst on a
laptop with nothing in front of it, so the app itself limits body size (413), bounds how long an
extraction or a query may take (504) and how many may wait (503), requires a token when one is set (401),
and sends a Content-Security-Policy that forbids inline script, so text that reaches the page can never
run as code even if some rendering path forgot to escape it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from eventwire import __version__
from eventwire.api.queries import EventFilters, Queries
from eventwire.config import Config, load_config
from eventwire.document import SCHEMA_ID
from eventwire.errors import ErrorCode, EventwireError
from eventwire.pipeline import Pipeline
from eventwire.readers.html import html_record
from eventwire.records import RawRecord

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
STATIC_DIR = Path(str(resources.files("eventwire.api").joinpath("static")))

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def error_body(code: ErrorCode | str, message: str) -> dict[str, Any]:
    """Every error the API returns has the same shape: {"error": {"code", "message"}}."""
    value = code.value if isinstance(code, ErrorCode) else code
    return {"error": {"code": value, "message": message}}


async def _send_json(
    send: Send, status: int, body: dict[str, Any], extra: tuple[tuple[bytes, bytes], ...] = ()
) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS + list(extra)})
    await send({"type": "http.response.body", "body": payload})


class GuardMiddleware:
    """Pure ASGI middleware: security headers, token check on /api, and a hard request body limit.

    The body is buffered up to the limit before the app sees it, so an oversized upload is refused with
    413 after at most ``max_body`` bytes were read, whatever the Content-Length header claims.
    """

    def __init__(self, app: ASGIApp, max_body: int, token: str | None) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token

    def _authorised(self, scope: Scope) -> bool:
        if self.token is None:
            return True
        given: str | None = None
        for name, value in scope.get("headers", []):
            if name == b"authorization":
                text = value.decode("latin-1")
                if text.lower().startswith("bearer "):
                    given = text[7:].strip()
        if given is None:
            from urllib.parse import parse_qs

            values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
            given = values[0] if values else None
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names
                ]
            await send(message)

        path: str = scope.get("path", "")
        if path.startswith("/api") and not self._authorised(scope):
            await _send_json(
                send,
                401,
                error_body(
                    ErrorCode.REQUEST_INVALID, "a valid token is required: send 'Authorization: Bearer <token>'"
                ),
                ((b"www-authenticate", b"Bearer"),),
            )
            return

        declared = dict(scope.get("headers", [])).get(b"content-length")
        too_large = error_body(
            ErrorCode.TOO_LARGE,
            f"the request body is larger than the limit of {self.max_body} bytes (api.max_body_bytes)",
        )
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _send_json(send, 413, too_large)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            chunks: list[bytes] = []
            size = 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    await _send_json(send, 413, too_large)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


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


class Limiter:
    """Bounded, timed access to one shared, non-thread-safe resource (the spaCy pipeline, a DB handle).

    Why: a single pipeline parses one text at a time; a queue bounded by ``waiting`` answers 503 when
    full instead of piling up threads, and each call gets ``timeout`` seconds before the client gets 504.
    """

    def __init__(self, waiting: int, timeout: float, what: str) -> None:
        self.lock = threading.Lock()
        self.slots = asyncio.Semaphore(waiting)
        self.waiting = waiting
        self.timeout = timeout
        self.what = what

    async def run(self, fn: Callable[[], Any]) -> Any:
        if self.slots.locked():
            raise ApiError(503, ErrorCode.REQUEST_INVALID, f"too many {self.what} requests waiting; retry later")
        async with self.slots:

            def locked() -> Any:
                with self.lock:
                    return fn()

            try:
                return await asyncio.wait_for(asyncio.to_thread(locked), self.timeout)
            except TimeoutError:
                raise ApiError(
                    504, ErrorCode.REQUEST_INVALID, f"the {self.what} took longer than {self.timeout:g} s"
                ) from None


class ApiError(Exception):
    """An HTTP error with an eventwire error code."""

    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def create_app(
    db_path: str | Path | None,
    token: str | None = None,
    config: Config | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """Build the app over one DuckDB file (None: extraction only, the query endpoints answer 503).

    ``pipeline`` lets a caller that already loaded one (a notebook, the tests) share it; by default the
    app builds its own from ``config`` on the first extraction.
    """
    cfg = config or load_config()
    settings = cfg.api
    max_body = settings.max_body_bytes
    max_limit = settings.max_limit
    extractor = Limiter(settings.max_waiting, settings.extract_timeout, "extraction")
    querier = Limiter(settings.max_waiting * 4, settings.query_timeout, "query")
    pipeline_box: list[Pipeline] = [pipeline] if pipeline is not None else []
    queries = Queries(Path(db_path)) if db_path is not None else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if queries is not None:
            queries.close()  # release the database file and stop the idle timer before the process ends

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version="1",
        description="Political event data from news text: extract, query and explore events with their evidence.",
        docs_url=None,
        redoc_url=None,
    )

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message), status_code=exc.status)

    @app.exception_handler(EventwireError)
    async def _ew_error(_: Request, exc: EventwireError) -> JSONResponse:
        status = 500 if exc.code == ErrorCode.STORE_ERROR else 422
        return JSONResponse(error_body(exc.code, str(exc)), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where}: {err.get('msg')}")
        return JSONResponse(error_body(ErrorCode.REQUEST_INVALID, "; ".join(parts)), status_code=422)

    def get_pipeline() -> Pipeline:
        if not pipeline_box:
            pipeline_box.append(Pipeline(cfg))
        return pipeline_box[0]

    def need_db() -> Queries:
        if queries is None:
            raise ApiError(503, ErrorCode.STORE_ERROR, "no database: start the server with --db FILE")
        return queries

    # -- API ----------------------------------------------------------------------------------------
    @app.post("/api/extract", summary="Extract a Document from one article", tags=["extract"])
    async def extract(req: ExtractRequest) -> dict[str, Any]:
        if not req.text.strip():
            raise ApiError(422, ErrorCode.EMPTY_INPUT, "the text is empty")

        def work() -> dict[str, Any]:
            if req.format == "html":
                record = html_record(
                    req.text, "api", {}, url=req.url, title=req.title, published=req.published, outlet=req.outlet
                )
            else:
                record = RawRecord(
                    text=req.text, published=req.published, title=req.title, url=req.url, outlet=req.outlet,
                    source="api",
                )
            return get_pipeline()(record).to_dict()

        result: dict[str, Any] = await extractor.run(work)
        return result

    @app.get("/api/events", summary="Events, filtered (as `eventwire events`) and paginated", tags=["query"])
    async def events(
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
        type: str | None = Query(None, description="PLOVER type(s), comma separated"),
        cameo: str | None = Query(None, description="CAMEO code, exact (042) or a prefix ending in * (04*)"),
        root_code: str | None = Query(None, description="CAMEO root code, 01 to 20"),
        quad_class: int | None = Query(None, ge=1, le=4),
        start: str | None = Query(None, alias="from", description="first date YYYY-MM-DD", pattern=DATE_RE),
        end: str | None = Query(None, alias="to", description="last date YYYY-MM-DD", pattern=DATE_RE),
        place: str | None = Query(None, description="place name or GeoNames id"),
        outlet: str | None = Query(None, description="outlet of a reporting article"),
        article: str | None = Query(None, description="id of a reporting article"),
        all: bool = Query(False, description="include negated, hypothetical and future events"),
        limit: int = Query(100, ge=1, description=f"page size (at most api.max_limit = {max_limit})"),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        q = need_db()
        filters = EventFilters(
            actor=actor, recipient=recipient, party=party, code=code, name=name, country=country,
            actor_country=actor_country, recipient_country=recipient_country, sector=sector,
            actor_sector=actor_sector, recipient_sector=recipient_sector, type=type, cameo=cameo,
            root_code=root_code, quad_class=quad_class, start=start, end=end, place=place, outlet=outlet,
            article_id=article, all=all,
        )
        lim = min(limit, max_limit)
        total, rows = await querier.run(lambda: q.events(filters, lim, offset))
        left_out = max(0, total - offset - len(rows))
        return {"total": total, "limit": lim, "offset": offset, "left_out": left_out, "events": rows}

    @app.get("/api/dyads", summary="Dyad counts per period (as `eventwire dyads`)", tags=["query"])
    async def dyads(
        by: Literal["day", "week", "month", "year"] = "month",
        actor: str | None = Query(None, description="actor: a code (exact, or a prefix with *) or a name"),
        recipient: str | None = Query(None, description="recipient: a code (exact, or a prefix with *) or a name"),
        code: str | None = Query(None, description="code of an actor or recipient, exact or a prefix with *"),
        name: str | None = Query(None, description="text search: whole words of a name"),
        country: str | None = None,
        actor_country: str | None = Query(None, description="ISO 3166 alpha-3 of an actor"),
        recipient_country: str | None = Query(None, description="ISO 3166 alpha-3 of a recipient"),
        sector: str | None = Query(None, description="sector of an actor or recipient"),
        type: str | None = None,
        cameo: str | None = Query(None, description="CAMEO code, exact or a prefix ending in *"),
        root_code: str | None = Query(None, description="CAMEO root code, 01 to 20"),
        quad_class: int | None = Query(None, ge=1, le=4),
        start: str | None = Query(None, alias="from", pattern=DATE_RE),
        end: str | None = Query(None, alias="to", pattern=DATE_RE),
        all: bool = False,
        limit: int = Query(1000, ge=1),
    ) -> dict[str, Any]:
        q = need_db()
        filters = EventFilters(
            actor=actor, recipient=recipient, code=code, name=name, country=country, actor_country=actor_country,
            recipient_country=recipient_country, sector=sector, type=type, cameo=cameo, root_code=root_code,
            quad_class=quad_class, start=start, end=end, all=all,
        )
        lim = min(limit, max_limit * 10)
        total, rows = await querier.run(lambda: q.dyads(filters, by, lim))
        return {"by": by, "total": total, "limit": lim, "left_out": max(0, total - len(rows)), "dyads": rows}

    @app.get("/api/network", summary="The actor network: nodes sized by events, edges by quad class", tags=["query"])
    async def network(
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        start: str | None = Query(None, alias="from", pattern=DATE_RE),
        end: str | None = Query(None, alias="to", pattern=DATE_RE),
        all: bool = False,
        limit: int = Query(200, ge=1, description="at most N nodes, the most active"),
    ) -> dict[str, Any]:
        q = need_db()
        filters = EventFilters(party=actor, country=country, type=type, start=start, end=end, all=all)
        result: dict[str, Any] = await querier.run(lambda: q.network(filters, min(limit, max_limit)))
        return result

    @app.get("/api/articles", summary="Stored articles, newest first", tags=["query"])
    async def articles(limit: int = Query(50, ge=1), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        q = need_db()
        lim = min(limit, max_limit)
        total, rows = await querier.run(lambda: q.articles(lim, offset))
        return {"total": total, "limit": lim, "offset": offset, "articles": rows}

    @app.get("/api/articles/{article_id}", summary="One stored article as a Document", tags=["query"])
    async def article(article_id: str) -> dict[str, Any]:
        q = need_db()
        doc = await querier.run(lambda: q.article(article_id))
        if doc is None:
            raise ApiError(404, ErrorCode.REQUEST_INVALID, f"no article with id {article_id!r}")
        result: dict[str, Any] = doc
        return result

    @app.get("/api/actors", summary="Actors, by name or code", tags=["query"])
    async def actors(
        q: str | None = Query(None, description="a code, exact or a prefix ending in *, or whole words of a name"),
        limit: int = Query(50, ge=1),
        all: bool = Query(False, description="count negated, hypothetical and future events too"),
    ) -> dict[str, Any]:
        store = need_db()
        rows = await querier.run(lambda: store.actors(q, min(limit, max_limit), all))
        total = int(rows[0]["total"]) if rows else 0
        shown = [{k: v for k, v in r.items() if k != "total"} for r in rows]
        return {"total": total, "left_out": max(0, total - len(shown)), "actors": shown}

    @app.get("/api/health", include_in_schema=False)
    async def health() -> dict[str, Any]:
        return {"ok": True, "db": queries is not None, "auth": token is not None}

    @app.get("/api/version", summary="The eventwire version and the Document schema it writes", tags=["meta"])
    async def version() -> dict[str, str]:
        return {"version": __version__, "schema": SCHEMA_ID}

    # -- the page -------------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    app.add_middleware(GuardMiddleware, max_body=max_body, token=token)  # type: ignore[arg-type]
    return app
