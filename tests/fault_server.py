"""A misbehaving web server on 127.0.0.1 for the fault suite: each path is one fault.

`FaultServer({"/path": handler})` serves in a thread; a handler gets the request handler
and writes whatever it likes (a status, a body, nothing at all). Every request is logged
with its time, so a test can check when and how often a path was asked for.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler], None]


def reply(
    status: int = 200,
    body: bytes | str = b"",
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Handler:
    def handle(h: BaseHTTPRequestHandler) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(data)

    return handle


def json_reply(data: Any, status: int = 200) -> Handler:
    return reply(status, json.dumps(data), "application/json; charset=utf-8")


def sequence(*handlers: Handler) -> Handler:
    """The first request gets the first handler, the next the second, and so on; the last
    handler answers every request after that."""
    calls = iter(handlers)
    last: list[Handler] = []

    def handle(h: BaseHTTPRequestHandler) -> None:
        handler = next(calls, None)
        if handler is None:
            handler = last[0]
        else:
            last[:] = [handler]
        handler(h)

    return handle


def slow(seconds: float, then: Handler) -> Handler:
    def handle(h: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        with contextlib.suppress(OSError):  # the client gave up waiting
            then(h)

    return handle


def reset(h: BaseHTTPRequestHandler) -> None:
    """Close the connection with a TCP reset, before any response."""
    h.connection.setsockopt(
        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
    )
    h.connection.close()
    h.close_connection = True


def truncated(body: bytes, declared: int) -> Handler:
    """Announce `declared` bytes, send fewer, hang up."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(declared))
        h.end_headers()
        h.wfile.write(body)
        h.wfile.flush()
        h.connection.close()
        h.close_connection = True

    return handle


def redirect(to: str) -> Handler:
    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handle


class FaultServer:
    def __init__(self, routes: dict[str, Handler]) -> None:
        self.routes = dict(routes)
        self.log: list[tuple[float, str]] = []
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.log.append((time.monotonic(), self.path))
                handler = server.routes.get(self.path) or reply(404, "not here", "text/plain")
                handler(self)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def times(self, path: str) -> list[float]:
        return [t for t, p in self.log if p == path]


def note(case: str, **figures: int | float | str) -> None:
    """Add a line to the fault table that `bench/faults.py` prints (when it set
    FAULTS_REPORT): the case and what it measured (inputs tried, rows lost, ...)."""
    path = os.environ.get("FAULTS_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"case": case, **figures}) + "\n")
