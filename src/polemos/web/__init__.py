"""The web app and JSON API over a polemos store (`create_app`, `serve`)."""

from polemos.web.app import create_app, serve

__all__ = ["create_app", "serve"]
