"""What ``make run`` and ``make curate`` add to Streamlit's answers: frame headers, and a Host check on its metrics.

Streamlit sets no ``X-Frame-Options`` or ``Content-Security-Policy`` of its own, and answers
``/_stcore/metrics`` for any Host. This is an ASGI middleware, installed through Streamlit's
supported ``st.App(..., middleware=[...])`` (``deploy/asgi.py``); ``make serve`` sets the same
kind of headers in nginx instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FRAMED_PREFIXES = ("/component/", "/_stcore/bidi-components/")
"""Documents the page itself shows in iframes (the map is a component): framed by this server only."""

FRAME_POLICIES = {
    # The curation server writes to data/: no site may frame it, not even its own pages (clickjacking).
    "deny": (b"DENY", b"frame-ancestors 'none'"),
    # What the page itself shows in iframes: framed by its own pages only.
    "same-origin": (b"SAMEORIGIN", b"frame-ancestors 'self'"),
}


def host_allowed(host: str | None, allowed: Iterable[str]) -> bool:
    """Whether a request's ``Host`` header names one of ``allowed`` (``server.allowedHosts``).

    Matched as Streamlit matches its WebSocket: without the port, case-insensitively, ``*`` for any
    name and ``*.example.org`` for its subdomains. An empty list allows every host, as Streamlit does.
    """
    patterns = [pattern.strip().lower().rstrip(".") for pattern in allowed]
    if not patterns:
        return True
    if not host:
        return False
    try:
        parts = urlsplit(f"//{host}")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return False
    if not parts.hostname or parts.username is not None or parts.path or parts.query or parts.fragment:
        return False
    name = parts.hostname.lower().rstrip(".")
    return any(pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:]))
               for pattern in patterns)


class Guard:
    """ASGI middleware: ``/_stcore/metrics`` only for allowed hosts, and frame headers when asked.

    Parameters
    ----------
    app
        The application it wraps (Streamlit's).
    frames
        ``"deny"`` (curation: never framed; documents under :data:`FRAMED_PREFIXES` stay framable by
        the same origin, since the page shows them in iframes), or None to add no frame headers (the
        read-only dashboard; under ``make serve`` nginx sets them, and ``/embed/`` must stay framable).
    allowed_hosts
        Where to read the allowed Host names at each request (default: Streamlit's ``server.allowedHosts``).
    """

    def __init__(self, app: ASGIApp, *, frames: str | None = None,
                 allowed_hosts: Callable[[], Iterable[str]] | None = None) -> None:
        if frames not in (None, "deny"):
            raise ValueError(f"frames: {frames!r} is neither None nor 'deny'")
        self.app = app
        self.frames = frames
        self.allowed_hosts = allowed_hosts or _streamlit_allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path.rstrip("/").endswith("/_stcore/metrics") and not host_allowed(_header(scope, b"host"),
                                                                              self.allowed_hosts()):
            # Who is connected to a curation server is nobody else's business: a page whose own name
            # resolves here (DNS rebinding) gets what an unknown path gets.
            await _not_found(send)
            return
        if self.frames is None:
            await self.app(scope, receive, send)
            return
        framed = any(prefix in path for prefix in FRAMED_PREFIXES)
        options, ancestors = FRAME_POLICIES["same-origin" if framed else self.frames]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(name, value) for name, value in message.get("headers", [])
                           if name.lower() not in (b"x-frame-options", b"x-content-type-options")]
                headers += [(b"x-frame-options", options), (b"x-content-type-options", b"nosniff")]
                if not any(name.lower() == b"content-security-policy" for name, _ in headers):
                    headers.append((b"content-security-policy", ancestors))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _streamlit_allowed_hosts() -> list[str]:
    from streamlit import config

    return list(config.get_option("server.allowedHosts") or [])


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


async def _not_found(send: Send) -> None:
    body = b"Not Found"
    await send({"type": "http.response.start", "status": 404,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})
