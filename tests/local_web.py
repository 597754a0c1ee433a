"""A web server on 127.0.0.1 for tests that fetch URLs: pages, feeds, redirects, errors.

Routes can change between requests (a feed that gains an entry); every
request is logged with its headers, so tests can see what was fetched.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class LocalWeb:
    """A threaded HTTP server on a free loopback port, serving :class:`Route` objects."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                web.requests.append((self.path, dict(self.headers)))
                route = web.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                """Quiet: tests read ``requests`` instead."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        """The full URL of ``path`` on this server."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def serve(
        self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **kw
    ):
        """Answer ``path`` with ``body`` from now on."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, content_type, **kw)

    def redirect(self, path: str, to: str) -> None:
        """Answer ``path`` with a 301 to ``to``."""
        self.routes[path] = Route(b"", "text/plain", 301, {"Location": to})

    def fetched(self, path: str) -> int:
        """How many times ``path`` was requested."""
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()


def silent_port() -> socket.socket:
    """A listening socket that never answers: connections open, and then nothing comes."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    return sock


def closed_port() -> int:
    """A loopback port with nothing listening on it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port
