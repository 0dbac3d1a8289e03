"""The HTTP side of sync: one client per sync, bounded retries, answers checked, errors in Chinese.

`HttpClient` sends a request (gzip above 1 KB, bearer token, device and version headers), retries a
transient failure a few times (every sync request is idempotent), checks the answer's JSON shape
(`answers.py`) and turns every failure into a `SyncError` with a Chinese message: no traceback
reaches the user, whatever answers in the server's place.
"""

from __future__ import annotations

import functools
import gzip
import ipaddress
import json
import ssl
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import certifi
import httpx

from ..domain.errors import DomainError
from .answers import BadAnswer, check_login, parse_json
from .protocol import DEVICE_HEADER, SERVER_TIME_HEADER, UPGRADE_MESSAGE, version_headers

GZIP_MIN_BYTES = 1024
# A failed request (network, HTTP 5xx, an unusable answer) is asked again this many times, after
# RETRY_DELAY_S, 2×, 3×...: a brief outage heals within one sync, a lasting one ends it with a message.
RETRIES = 2
RETRY_DELAY_S = 1.0


class SyncError(DomainError):
    """A sync step failed; `kind` is network|auth|upgrade|server|disk|cancelled, the text is Chinese."""

    def __init__(self, kind: str, message: str, *, final: bool = False) -> None:
        super().__init__(message)
        self.kind = kind
        self.final = final  # a refusal that asking again will not change: not retried


class SyncCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("cancelled", "同步已取消（已完成的部分已保存，下次同步会继续）")


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verified TLS context per process: building it reads the CA bundle (~25 ms each time)."""
    return ssl.create_default_context(cafile=certifi.where())


def plain_http_host(server: str) -> str | None:
    """The host of an `http://` address that is not this computer (None for https or loopback):
    passwords and tokens to it cross the network in clear text."""
    parts = urlsplit(server.strip())
    if parts.scheme.lower() != "http":
        return None
    host = (parts.hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return None
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return host or server


class HttpClient:
    """Requests to the provincial server. `token` comes from `login()` or the OS keyring."""

    def __init__(
        self,
        server: str,
        *,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 60.0,
        clock_ms: Callable[[], int] | None = None,
        retries: int | None = None,
        retry_delay: float | None = None,
    ) -> None:
        self.server = server.rstrip("/")
        self.token = token
        # (read here, not bound as defaults, so tests can shorten them for every client at once)
        self.retries = max(0, RETRIES if retries is None else retries)
        self.retry_delay = RETRY_DELAY_S if retry_delay is None else retry_delay
        self._clock_ms = clock_ms or (lambda: time.time_ns() // 1_000_000)
        self.clock_ahead_ms = 0
        self.device_id = ""
        self.http = httpx.Client(
            base_url=self.server,
            transport=transport,
            timeout=timeout,
            headers=version_headers(),
            verify=_tls_context(),
        )

    def close(self) -> None:
        self.http.close()

    # -- HTTP plumbing ---------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        allow: tuple[int, ...] = (),
        check: Callable[[Any], Any] | None = None,
        retry: bool = True,
        **kw: Any,
    ) -> Any:
        """One request, retried a bounded number of times when the network or the server failed
        transiently (every sync request is idempotent). With `check`, the JSON body is parsed and
        checked too, and the checked value is returned; a captive-portal page or a body cut short
        counts as transient. Raises SyncError (Chinese) once the attempts are used up."""
        for attempt in range(self.retries + 1 if retry else 1):
            try:
                response = self._send(method, path, body=body, raw=raw, headers=headers, allow=allow, **kw)
                if check is None or response.status_code in allow or method == "HEAD":
                    return response
                return check(parse_json(response.content, response.headers.get("content-type", "")))
            except BadAnswer as exc:
                failure: SyncError = SyncError("server", str(exc))
            except SyncError as exc:
                if exc.kind not in ("network", "server") or exc.final:
                    raise
                failure = exc
            if retry and attempt < self.retries:
                time.sleep(self.retry_delay * (attempt + 1))
        raise failure

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
        allow: tuple[int, ...] = (),
        **kw: Any,
    ) -> httpx.Response:
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.device_id:
            headers[DEVICE_HEADER] = self.device_id
        content = raw
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
            if len(content) >= GZIP_MIN_BYTES:
                content = gzip.compress(content, 5)
                headers["Content-Encoding"] = "gzip"
        sent_at = self._clock_ms()
        try:
            response = self.http.request(method, path, content=content, headers=headers, **kw)
        except httpx.TimeoutException as exc:
            raise SyncError(
                "network", "连接服务器超时，请检查网络后重试（未同步的修改已保留在本机）"
            ) from exc
        except httpx.HTTPError as exc:  # connection refused or cut mid-body, broken gzip, ...
            raise SyncError(
                "network",
                f"无法连接服务器 {self.server}，或连接中途断开，请检查网络后重试（未同步的修改已保留在本机）",
            ) from exc
        self._check_clock(response, sent_at)
        if response.status_code >= 400 and not (
            (method == "HEAD" and response.status_code == 404) or response.status_code in allow
        ):
            raise self._error(response)
        if 300 <= response.status_code < 400:
            raise SyncError(
                "server",
                "服务器地址被重定向到别处（可能需要先在浏览器中登录网络，或地址应以 https:// 开头），请检查后重试",
            )
        return response

    def _check_clock(self, response: httpx.Response, sent_at: int) -> None:
        stamp = response.headers.get(SERVER_TIME_HEADER)
        if stamp and stamp.isdigit():
            # The server stamped its clock somewhere between send and receive: compare with the midpoint.
            local = (sent_at + self._clock_ms()) // 2
            self.clock_ahead_ms = local - int(stamp)

    @staticmethod
    def _detail(response: httpx.Response) -> str:
        try:
            detail = response.json().get("detail")
        except (ValueError, AttributeError):
            return ""
        return detail if isinstance(detail, str) else ""

    def _error(self, response: httpx.Response) -> SyncError:
        code = response.status_code
        detail = self._detail(response)
        if code == 401:
            return SyncError("auth", detail or "登录已失效，请重新登录")
        if code == 426:
            return SyncError("upgrade", detail or UPGRADE_MESSAGE)
        if code == 429:
            return SyncError("auth", detail or "登录尝试过于频繁，请稍后再试")
        if code >= 500:
            return SyncError("server", f"服务器出错（HTTP {code}），请稍后重试；如持续出现请联系管理员")
        return SyncError(
            "server", f"服务器拒绝了请求（HTTP {code}）：{detail or response.reason_phrase}", final=True
        )

    # -- auth ------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> dict[str, Any]:
        info: dict[str, Any] = self._request(
            "POST", "/auth/login", body={"username": username, "password": password}, check=check_login
        )
        if not info.get("token"):
            raise SyncError("server", "服务器的登录回答缺少令牌，请稍后重试；如持续出现请联系管理员")
        self.token = info["token"]
        return info

    def me(self) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/auth/me", check=check_login)
        return result

    def logout(self) -> None:
        self._request("POST", "/auth/logout")
