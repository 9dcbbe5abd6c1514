"""The preview's HTTP server: loopback by default, Server-Sent Events, nothing outside.

Every response comes from a ``Content`` lookup by a normalised path; no request path ever
reaches the file system, so ``..``, encoded slashes, backslashes or absolute paths find
nothing. Requests whose ``Host`` is not the server's own are refused (DNS rebinding).
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

EVENTS = "/_kit/events"
HEARTBEAT = 10.0  # seconds between keep-alive comments on an idle event stream
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1")

Content = Callable[[str], bytes | None]


def clean_path(raw: str) -> str | None:
    """The request path as a relative key ("es/x.html", "" for the root), or None if unsafe."""
    path = unquote(urlsplit(raw).path)
    if "\x00" in path or "\\" in path or not path.startswith("/"):
        return None
    parts = PurePosixPath(path).parts[1:]
    if any(part in ("..", ".") or part.startswith("~") for part in parts):
        return None
    return "/".join(parts)


class Broker:
    """Fan-out of events to every open event stream."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queues: list[queue.Queue[str | None]] = []

    def subscribe(self) -> queue.Queue[str | None]:
        q: queue.Queue[str | None] = queue.Queue()
        with self._lock:
            self._queues.append(q)
        return q

    def unsubscribe(self, q: queue.Queue[str | None]) -> None:
        with self._lock:
            if q in self._queues:
                self._queues.remove(q)

    def publish(self, event: dict[str, Any]) -> None:
        text = json.dumps(event, ensure_ascii=False)
        with self._lock:
            for q in self._queues:
                q.put(text)

    def close(self) -> None:
        with self._lock:
            for q in self._queues:
                q.put(None)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, content: Content, broker: Broker) -> None:
        self.content = content
        self.broker = broker
        self.stopping = threading.Event()
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def allowed_host(self, header: str | None) -> bool:
        if not header:
            return False
        name = header[1 : header.find("]")] if header.startswith("[") else header.split(":")[0]
        bound = str(self.server_address[0])
        return bound in ("0.0.0.0", "::") or name in (*LOOPBACK, bound)

    def stop(self) -> None:
        self.stopping.set()
        self.broker.close()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the terminal shows rebuilds and errors, not every request

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self.server.allowed_host(self.headers.get("Host")):
            self._send(HTTPStatus.FORBIDDEN, b"forbidden host\n", "text/plain; charset=utf-8")
            return
        key = clean_path(self.path)
        if key is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")
            return
        if "/" + key == EVENTS:
            self._events()
            return
        body = self.server.content(key)
        if body is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8")
            return
        suffix = PurePosixPath(key or "index.html").suffix.lower()
        self._send(HTTPStatus.OK, body, TYPES.get(suffix, "application/octet-stream"))

    def _send(self, status: HTTPStatus, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "object-src 'self'; frame-src 'self'",
        )
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the browser stopped reading (a PDF viewer does)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        q = self.server.broker.subscribe()
        try:
            self.wfile.write(b"retry: 500\n\n")
            self.wfile.flush()
            while not self.server.stopping.is_set():
                try:
                    item = q.get(timeout=HEARTBEAT)
                except queue.Empty:
                    self.wfile.write(b": ping\n\n")
                else:
                    if item is None:
                        break
                    self.wfile.write(f"data: {item}\n\n".encode())
                self.wfile.flush()
        except OSError:
            pass  # the browser went away
        finally:
            self.server.broker.unsubscribe(q)
