"""The polemos web app: HTML pages and the JSON API over one store (FastAPI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from polemos.errors import PolemosError
from polemos.web import api, pages
from polemos.web.params import DATE_HELP
from polemos.web.templating import templates

STATIC_DIR = Path(__file__).parent / "static"
# What /vendor/<name>/ serves from node_modules (installed by `npm ci` at set-up).
VENDOR = {
    "leaflet": "leaflet/dist",
    "cytoscape": "cytoscape/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "swagger-ui": "swagger-ui-dist",
}


def find_node_modules() -> Path | None:
    """``$POLEMOS_NODE_MODULES``, else the first node_modules above this file or in the working directory."""
    env = os.environ.get("POLEMOS_NODE_MODULES")
    candidates = [Path(env)] if env else []
    candidates += [p / "node_modules" for p in Path(__file__).resolve().parents]
    candidates.append(Path.cwd() / "node_modules")
    for c in candidates:
        if (c / "world-atlas").is_dir():
            return c
    return None


class DropEmptyParams:
    """Drop empty query parameters on HTML pages, so a blank form field means 'no filter'."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api") and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            if any(not v.strip() for _, v in pairs):
                kept = [(k, v) for k, v in pairs if v.strip()]
                scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
        await self.app(scope, receive, send)


PATTERN_HINTS = {
    "date_from": DATE_HELP, "date_to": DATE_HELP, "type": "a PLOVER event type such as ASSAULT",
    "country": "an ISO 3166 country code", "kind": "direct, indirect or mixed", "sector": "an agent code such as MIL",
}


def _messages(exc: RequestValidationError) -> list[str]:
    """One readable line per invalid parameter: its name, the value given and what was expected."""
    out = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        msg = str(err.get("msg", "invalid value"))
        if err.get("type") == "string_pattern_mismatch":
            msg = f"expected {PATTERN_HINTS.get(name, 'a different format')}"
        given = err.get("input")
        shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
        out.append(f"{name}: {msg}{shown}")
    return out


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api")


ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "what was wrong, naming each parameter"},
        "errors": {"type": "array", "items": {"type": "string"}, "description": "one line per invalid parameter"},
    },
    "required": ["detail"],
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI description, with 422 answers described as this app writes them."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        comps = schema.setdefault("components", {}).setdefault("schemas", {})
        comps["HTTPValidationError"] = ERROR_SCHEMA
        comps.pop("ValidationError", None)
        for path in schema.get("paths", {}).values():
            for op in path.values():
                for code, resp in op.get("responses", {}).items():
                    if code == "404":
                        resp["content"] = {"application/json": {"schema": ERROR_SCHEMA}}
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(db_path: str) -> FastAPI:
    """The web app over the store at ``db_path`` (which must exist)."""
    if db_path != ":memory:" and not Path(db_path).is_file():
        raise PolemosError(f"no database at {db_path}: run `polemos ingest` first")
    app = FastAPI(
        title="polemos",
        version="0.1.0",
        description="Source-traced records from news: actors, quotes, PLOVER events, places and dates. "
        "Every fact carries its evidence (article, sentence, character offsets).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db_path = db_path
    app.state.node_modules = find_node_modules()
    app.add_middleware(DropEmptyParams)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        messages = _messages(exc)
        if _wants_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": 422, "messages": messages}, status_code=422
            )
        return JSONResponse(
            {"detail": "invalid request: " + "; ".join(messages), "errors": messages}, status_code=422
        )

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": exc.status_code, "messages": [str(exc.detail)]},
                status_code=exc.status_code,
            )
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    app.include_router(api.router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.include_router(pages.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        """Swagger UI for the API, served from node_modules (no CDN)."""
        if app.state.node_modules is None or not (app.state.node_modules / "swagger-ui-dist").is_dir():
            return HTMLResponse(
                '<p>Swagger UI is not installed (run <code>make assets</code>); '
                'the description is at <a href="/openapi.json">/openapi.json</a>.</p>'
            )
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="polemos API", swagger_favicon_url="data:,",
            swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
        )
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    nm = app.state.node_modules
    if nm is not None:
        for name, sub in VENDOR.items():
            if (nm / sub).is_dir():
                app.mount(f"/vendor/{name}", StaticFiles(directory=nm / sub), name=f"vendor-{name}")
    return app


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, **uvicorn_options: Any) -> None:
    """Serve the app with uvicorn (bound to localhost unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, **uvicorn_options)


@contextmanager
def running_server(db_path: str, host: str = "127.0.0.1", start_timeout_s: float = 10.0) -> Iterator[str]:
    """Serve ``db_path`` on a free local port in a background thread; yields the base URL, stops on exit."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web app did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
