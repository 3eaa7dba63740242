"""Downloads in every export format of `polemos.export`, written to a temporary file and served from it.

A format that writes a directory (parquet: one file per table) is served as a .zip of that directory.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import zipfile
from enum import Enum
from pathlib import Path

from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from polemos.export import FORMATS, Format, export
from polemos.store.queries import EventFilter

ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]
ExportFormat.__doc__ = "An export format of `polemos export`."

ZIP_MEDIA_TYPE = "application/zip"
BASENAME = "polemos-events"

# The formats offered on the network page (the actor graph).
NETWORK_FORMATS = ("gexf", "graphml")


def is_directory_format(spec: Format) -> bool:
    """Whether ``spec`` writes a directory rather than one file (its suffix is empty)."""
    return not spec.suffix


def download_name(spec: Format) -> str:
    """The file name a download of ``spec`` gets: polemos-events.<suffix> (.zip for a directory)."""
    return BASENAME + (".zip" if is_directory_format(spec) else spec.suffix)


def media_type(spec: Format) -> str:
    return ZIP_MEDIA_TYPE if is_directory_format(spec) else spec.media_type


def menu() -> list[dict[str, str]]:
    """Name, file name, media type and description of every format, for the pages' download menus."""
    return [
        {"name": s.name, "file": download_name(s), "media_type": media_type(s), "description": s.description}
        for s in FORMATS.values()
    ]


def _zip_folder(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())


def export_response(conn: sqlite3.Connection, fmt: str, filters: EventFilter) -> FileResponse:
    """Export ``fmt`` (events matching ``filters``) into a temporary folder and serve the file as an attachment.

    The folder is removed once the response has been sent.
    """
    spec = FORMATS[fmt]
    tmp = Path(tempfile.mkdtemp(prefix="polemos-export-"))
    try:
        target = tmp / download_name(spec)
        if is_directory_format(spec):
            folder = tmp / "tables"
            export(fmt, conn, folder, filters)
            _zip_folder(folder, target)
        else:
            export(fmt, conn, target, filters)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return FileResponse(
        target, media_type=media_type(spec), filename=target.name,
        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
    )
