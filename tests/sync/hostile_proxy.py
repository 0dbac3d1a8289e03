"""A misbehaving loopback proxy in front of the real sync server, for the hostile-client tests.

`HostileProxy(upstream).spoil("/sync/pull", "html", times=1)` makes the next matching request go
wrong in one of the ways a captive portal, a broken proxy or a faulty server goes wrong; every other
request is forwarded unchanged. After `LOOP_GUARD` spoiled answers to one path the proxy answers 503
instead, so a client that would loop forever fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import socket
import threading
import uuid
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

LOOP_GUARD = 40
PORTAL = "<!DOCTYPE html><html><head><title>Wi-Fi 认证</title></head><body>请先登录酒店网络</body></html>"
# What each action does (applied to the real server's answer unless said otherwise):
#   html        200 text/html portal page, the server never sees the request
#   badjson     200 application/json that is not JSON
#   truncated   the real body cut in half, with the full Content-Length: the connection closes early
#   halfbody    the real body cut in half, with a matching Content-Length (a "complete" broken answer)
#   missing     one key the client needs removed from the JSON answer (has_more / results' outcome)
#   stuck       pull pages say has_more with the cursor left where the client asked
#   foreign     pull pages gain a row of an office outside the page's scope
#   badvalues   pulled enterprise rows carry values of the wrong type (issue 14 #1: a dict for the
#               name, a number for the tags, a list for the address, 2**80 for the key flag)
#   flap        every pull page claims another scope (one more made-up office each time)
#   drop        the request reaches the server (it commits), the connection is closed without an answer
ACTIONS = (
    "html",
    "badjson",
    "truncated",
    "halfbody",
    "missing",
    "stuck",
    "foreign",
    "badvalues",
    "flap",
    "drop",
)


@dataclass
class Rule:
    path: str
    action: str
    times: int  # spoiled answers left (-1: forever)
    foreign_office: str = ""


class HostileProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.rules: list[Rule] = []
        self.seen: Counter[str] = Counter()  # requests per path
        self.spoiled: Counter[str] = Counter()  # spoiled answers per path
        self.lock = threading.Lock()
        self.http = httpx.Client(base_url=self.upstream, timeout=60)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _any(self) -> None:
                proxy._handle(self)

            do_GET = do_POST = do_PUT = do_PATCH = do_HEAD = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def spoil(self, path: str, action: str, *, times: int = -1, foreign_office: str = "") -> None:
        assert action in ACTIONS, action
        with self.lock:
            self.rules.append(Rule(path, action, times, foreign_office))

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.http.close()

    def _take(self, path: str) -> Rule | None:
        with self.lock:
            self.seen[path] += 1
            for rule in self.rules:
                if path.startswith(rule.path) and rule.times != 0:
                    rule.times -= 1 if rule.times > 0 else 0
                    self.spoiled[path] += 1
                    return rule
        return None

    # -- one request ---------------------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        parts = urlsplit(h.path)
        rule = self._take(parts.path)
        if rule is not None and self.spoiled[parts.path] > LOOP_GUARD:
            return self._send(h, 503, b'{"detail":"proxy loop guard"}', "application/json")
        if rule is not None and rule.action == "html":
            return self._send(h, 200, PORTAL.encode(), "text/html; charset=utf-8")
        headers = {
            k: v
            for k, v in h.headers.items()
            if k.lower() not in ("host", "content-length", "connection", "accept-encoding")
        }
        answer = self.http.request(h.command, h.path, content=body, headers=headers)
        content, status = answer.content, answer.status_code
        kind = answer.headers.get("content-type", "application/json")
        if rule is None:
            return self._send(h, status, content, kind, answer.headers)
        if rule.action == "drop":
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
            return None
        if rule.action == "badjson":
            return self._send(h, 200, b'{"rows": [{"t": "enterprise", "id": ', "application/json")
        if rule.action == "truncated":
            h.send_response(status)
            h.send_header("Content-Type", kind)
            h.send_header("Content-Length", str(len(content)))
            h.end_headers()
            h.wfile.write(content[: len(content) // 2])
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_RDWR)
            return None
        if rule.action == "halfbody":
            return self._send(h, status, content[: len(content) // 2], kind)
        if status == 200:
            data = json.loads(content)
            since = int(parse_qs(parts.query).get("since", ["0"])[0])
            self._edit(rule, data, since, self.spoiled[parts.path])
            content = json.dumps(data, ensure_ascii=False).encode()
        return self._send(h, status, content, kind, answer.headers)

    @staticmethod
    def _edit(rule: Rule, data: dict[str, Any], since: int, nth: int) -> None:
        if rule.action == "missing":
            if "results" in data:
                for result in data["results"]:
                    result.pop("outcome", None)
            data.pop("has_more", None)
        elif rule.action == "stuck":
            data["has_more"], data["cursor"] = True, since
        elif rule.action == "badvalues":
            for row in data.get("rows", []):
                if row.get("t") == "enterprise" and not row.get("gone"):
                    row["data"].update(name={"x": 1}, tags=5, address=[1, 2], is_key=2**80)
        elif rule.action == "flap":
            data["scope"] = f"{data.get('scope', '')},made-up-office-{nth}"
        elif rule.action == "foreign":
            data.setdefault("rows", []).append(
                {
                    "t": "enterprise",
                    "id": str(uuid.uuid4()),
                    "o": rule.foreign_office,
                    "v": max(1, int(data.get("cursor", 1))),
                    "d": False,
                    "data": {"name": "外办植入企业"},
                }
            )

    @staticmethod
    def _send(
        h: BaseHTTPRequestHandler, status: int, content: bytes, kind: str, upstream: Any = None
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", str(len(content)))
        for name, value in (upstream or {}).items():
            if name.lower().startswith("x-zsdesk") or name.lower() in ("upload-offset", "www-authenticate"):
                h.send_header(name, value)
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(content)
