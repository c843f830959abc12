"""The outermost layer of the app: Host/Origin allow-list, token, body limit and security headers.

Why in the app and not a proxy: ``eventwire serve`` runs on an analyst's laptop with nothing in front of
it. Why a Host allow-list: without one, a web page on any site can point its own name at 127.0.0.1 (DNS
rebinding) and read the whole database through the victim's browser; the browser sends the attacker's
name as Host, which is refused here. Why tokens only in the Authorization header: a token in a URL ends
up in logs, history and Referer headers, so ``?token=`` is refused rather than silently accepted.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from eventwire.errors import ErrorCode

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

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


async def send_json(
    send: Send, status: int, body: dict[str, Any], extra: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    payload = json.dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS + list(extra)})
    await send({"type": "http.response.body", "body": payload})


def host_name(value: str) -> str:
    """'127.0.0.1' from '127.0.0.1:8000', '::1' from '[::1]:8000', lower-cased; '' if unreadable."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def normalise_hosts(hosts: Iterable[str]) -> frozenset[str]:
    """The allow-list as bare lower-case names (brackets and ports dropped).

    Only the exact entry ``*`` allows any host; ``*.example`` stays a pattern for the subdomains of
    ``example`` (see ``host_allowed``), so it never switches the DNS-rebinding check off.
    """
    out = set()
    for entry in hosts:
        entry = entry.strip()
        if not entry:
            continue
        if entry == "*":
            out.add("*")
        elif entry.startswith("*."):
            out.add("*." + host_name(entry[2:]))
        else:
            out.add(host_name(entry))
    return frozenset(out)


def host_allowed(name: str, allowed: frozenset[str]) -> bool:
    """True if ``name`` is on the allow-list: ``*`` allows any name, ``*.example`` any name ending in
    ``.example`` (a subdomain, not ``example`` itself nor ``badexample``), anything else exactly."""
    if "*" in allowed or name in allowed:
        return True
    return any(a.startswith("*.") and name.endswith(a[1:]) and len(name) > len(a) - 1 for a in allowed)


class GuardMiddleware:
    """Pure ASGI middleware: Host/Origin check, security headers, token check on /api, hard body limit.

    The body is buffered up to the limit before the app sees it, so an oversized upload is refused with
    413 after at most ``max_body`` bytes were read, whatever the Content-Length header claims.
    """

    def __init__(self, app: ASGIApp, max_body: int, token: str | None, allowed_hosts: Iterable[str]) -> None:
        self.app = app
        self.max_body = max_body
        self.token = token
        self.allowed = normalise_hosts(allowed_hosts)

    def _host_allowed(self, name: str) -> bool:
        return host_allowed(name, self.allowed)

    def _refusal(self, scope: Scope) -> tuple[int, ErrorCode, str] | None:
        """Why this request is refused before the app sees it (status, code, message), or None."""
        headers = {k: v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = host_name(headers.get(b"host", ""))
        if not self._host_allowed(host):
            return 403, ErrorCode.HOST_REFUSED, (
                f"Host {host or '(none)'!r} is not allowed; this server answers to "
                f"{', '.join(sorted(self.allowed))} (add names to api.allowed_hosts)")
        origin = headers.get(b"origin")
        if origin is not None:
            origin_host = urlsplit(origin).hostname or ""
            if not self._host_allowed(origin_host.lower()):
                return 403, ErrorCode.HOST_REFUSED, (
                    f"Origin {origin!r} is not allowed (add its host to api.allowed_hosts)")
        # on every path, the page's included: a link carrying a token leaks it wherever it is followed
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        if "token" in query:
            return 400, ErrorCode.UNAUTHORISED, (
                "a token in the URL is refused (it would end up in logs and history); "
                "send 'Authorization: Bearer <token>' instead (the page asks for it in its own field)")
        if not scope.get("path", "").startswith("/api"):
            return None
        if self.token is None:
            return None
        auth = headers.get(b"authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else None
        if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
            return 401, ErrorCode.UNAUTHORISED, "a valid token is required: send 'Authorization: Bearer <token>'"
        return None

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

        refusal = self._refusal(scope)
        if refusal is not None:
            status, code, why = refusal
            extra = [(b"www-authenticate", b"Bearer")] if status == 401 else []
            await send_json(send, status, error_body(code, why), extra)
            return

        declared = dict(scope.get("headers", [])).get(b"content-length")
        too_large = error_body(
            ErrorCode.TOO_LARGE,
            f"the request body is larger than the limit of {self.max_body} bytes (api.max_body_bytes)",
        )
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await send_json(send, 413, too_large)
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
                    await send_json(send, 413, too_large)
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
