"""A small stand-in for The Things Stack on 127.0.0.1: it records every request and serves
canned replies (JSON, HTML, chunked streams) in order, per method and path."""

from __future__ import annotations

import json
import ssl
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client that closed its connection, as one that stops a stream does
        super().handle_error(request, client_address)


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # JSON-able data, or bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    # A chunked stream instead of a body; a number is a pause of that many seconds.
    chunks: Sequence[bytes | float] | None = None

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps({} if self.body is None else self.body).encode()


@dataclass(frozen=True)
class Recorded:
    method: str
    target: str  # the path and query exactly as sent
    headers: dict[str, str]
    body: bytes

    @property
    def line(self) -> str:
        return f"{self.method} {self.target}"

    def json(self) -> Any:
        return json.loads(self.body)


class FakeTTS:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[Recorded] = []
        self._replies: dict[tuple[str, str], list[Reply]] = {}
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                recorded = Recorded(self.command, self.path, dict(self.headers), body)
                self._send(fake._record(recorded))

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunks is None:
                    payload = reply.payload()
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                try:
                    for chunk in reply.chunks:
                        if isinstance(chunk, bytes):
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                            self.wfile.flush()
                        else:
                            time.sleep(chunk)
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client closed the stream

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._scheme = "http" if tls is None else "https"
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self._scheme}://{host!s}:{port}"

    def reply(self, method: str, path: str, *replies: Reply) -> None:
        """Serve `replies` to `method path` (query ignored) in order; the last repeats."""
        self._replies[(method, path)] = list(replies)

    def _record(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            queue = self._replies.get(
                (recorded.method, recorded.target.split("?")[0]), []
            )
            if len(queue) > 1:
                return queue.pop(0)
            if queue:
                return queue[0]
        return Reply(404, {"code": 5, "message": f"no route {recorded.target}"})

    def __enter__(self) -> FakeTTS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def stream_chunks(items: list[Any], delimiter: bytes = b"\n") -> Iterator[bytes]:
    for item in items:
        yield json.dumps(item).encode() + delimiter
