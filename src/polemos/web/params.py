"""Query parameters shared by the JSON API and the HTML pages, validated by FastAPI (bad input -> 422)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query

from polemos.store.queries import EventFilter

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
DATE_HELP = "ISO date: YYYY, YYYY-MM or YYYY-MM-DD"

DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description=DATE_HELP, max_length=10)]
TextParam = Annotated[str | None, Query(max_length=200, description="free text (name, alias or key)")]
QuadParam = Annotated[
    int | None,
    Query(ge=1, le=4, description="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
]
TypeParam = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$", description="PLOVER event type, e.g. ASSAULT")]
LimitParam = Annotated[int, Query(ge=1, le=1000, description="page size")]
OffsetParam = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
SortKey = Literal["date", "type", "quad_class", "goldstein", "confidence", "article"]
SortParam = Annotated[SortKey, Query(description="column to sort events by")]
OrderParam = Annotated[Literal["asc", "desc"], Query(description="sort direction")]


def event_filter(
    type: TypeParam = None,
    quad_class: QuadParam = None,
    actor: TextParam = None,
    source: TextParam = None,
    target: TextParam = None,
    place: TextParam = None,
    date_from: DateParam = None,
    date_to: DateParam = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="0 to 1")] = None,
    article: Annotated[str | None, Query(max_length=200, description="article id")] = None,
) -> EventFilter:
    """The `EventFilter` fields as query parameters (without paging, which each route adds)."""
    return EventFilter(
        type=type,
        quad_class=quad_class,
        actor=actor,
        source=source,
        target=target,
        place=place,
        date_from=date_from,
        date_to=date_to,
        min_confidence=min_confidence,
        article=article,
    )
