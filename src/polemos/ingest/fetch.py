"""Fetch a URL over HTTP(S) politely: timeouts, retries with back-off, a size limit, bounded redirects."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

USER_AGENT = "polemos/0.1 (news event extraction for research; python-httpx)"
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch: timeout per request (s), retries after the first try, back-off base (s), limits."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched resource: its bytes, the final URL after redirects, and its content type."""

    url: str
    data: bytes
    content_type: str


class FetchError(Exception):
    """A URL could not be fetched; ``reason`` says why in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def is_url(spec: str) -> bool:
    """Whether ``spec`` is an http(s) URL."""
    return spec.startswith(("http://", "https://"))


def _once(client: httpx.Client, url: str, settings: FetchSettings) -> Fetched:
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            raise _Status(response.status_code, response.reason_phrase)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(url, f"too large: {int(declared)} bytes (limit {settings.max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(url, f"too large: more than {settings.max_bytes} bytes")
            chunks.append(chunk)
        return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))


class _Status(Exception):
    def __init__(self, status: int, phrase: str) -> None:
        super().__init__(status)
        self.status = status
        self.phrase = phrase


def fetch(url: str, settings: FetchSettings | None = None, client: httpx.Client | None = None) -> Fetched:
    """GET ``url``; retry timeouts, connection errors, 429 and 5xx with exponential back-off.

    Raises :class:`FetchError` with a plain reason (timed out, refused, HTTP status, too large,
    too many redirects) when the URL cannot be fetched.
    """
    settings = settings or FetchSettings()
    if not is_url(url):
        raise FetchError(url, "not an http(s) URL")
    own = client is None
    client = client or httpx.Client(
        timeout=settings.timeout,
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent},
    )
    try:
        reason = "no attempt made"
        for attempt in range(settings.retries + 1):
            if attempt:
                time.sleep(settings.backoff * 2 ** (attempt - 1))
            try:
                return _once(client, url, settings)
            except _Status as exc:
                reason = f"HTTP {exc.status} {exc.phrase}".strip()
                if exc.status not in _RETRY_STATUS:
                    break
            except httpx.TooManyRedirects:
                reason = f"too many redirects (more than {settings.max_redirects})"
                break
            except httpx.TimeoutException:
                reason = f"timed out after {settings.timeout:g} s"
            except httpx.TransportError as exc:
                reason = f"connection failed ({type(exc).__name__}: {exc})"
            except httpx.HTTPError as exc:
                reason = f"HTTP error ({type(exc).__name__}: {exc})"
                break
        tries = attempt + 1
        raise FetchError(url, reason + (f" ({tries} tries)" if tries > 1 else ""))
    finally:
        if own:
            client.close()
