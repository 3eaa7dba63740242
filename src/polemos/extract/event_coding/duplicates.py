"""One event told in several sentences or articles: clusters with mention counts.

Two events are the same event when they have the same PLOVER type, the same
source and target actors (by key), compatible places (same GeoNames id or
country, or one unknown) and dates within a window (or one unknown).  A cluster
keeps every mention and counts mentions, articles and outlets, as GDELT does
(NumMentions, NumArticles, NumSources).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from polemos.model import Event


@dataclass(slots=True)
class EventCluster:
    """One real-world event and the mentions that tell it."""

    events: list[Event] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)

    @property
    def first(self) -> Event:
        """The representative mention: the most confident, earliest one."""
        return max(self.events, key=lambda e: e.confidence)

    @property
    def num_mentions(self) -> int:
        return len(self.events)

    @property
    def num_articles(self) -> int:
        return len({e.evidence.article_id for e in self.events})

    @property
    def num_sources(self) -> int:
        return len(self.outlets) or self.num_articles


def _day(event: Event) -> date | None:
    value = event.date.value if event.date and event.date.value else None
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _places_fit(a: Event, b: Event) -> bool:
    if a.place is None or b.place is None:
        return True
    if a.place.geonameid and b.place.geonameid:
        return a.place.geonameid == b.place.geonameid or a.place.admin1 == b.place.admin1 is not None
    return a.place.country == b.place.country or not a.place.country or not b.place.country


def _dates_fit(a: Event, b: Event, window_days: int) -> bool:
    da, db = _day(a), _day(b)
    return da is None or db is None or abs((da - db).days) <= window_days


def _key(e: Event) -> tuple[str, frozenset[str], frozenset[str]]:
    return (e.type, frozenset(r.key for r in e.source), frozenset(r.key for r in e.target))


def merge_duplicate_events(
    events: Iterable[Event], window_days: int = 2, outlet_of: Callable[[str], str | None] | None = None
) -> list[EventCluster]:
    """Group ``events`` into clusters of mentions of one event (input order kept)."""
    clusters: list[EventCluster] = []
    by_key: dict[tuple[str, frozenset[str], frozenset[str]], list[EventCluster]] = {}
    for event in events:
        home = None
        for cluster in by_key.get(_key(event), []):
            if all(_places_fit(event, e) and _dates_fit(event, e, window_days) for e in cluster.events):
                home = cluster
                break
        if home is None:
            home = EventCluster()
            clusters.append(home)
            by_key.setdefault(_key(event), []).append(home)
        home.events.append(event)
        outlet = outlet_of(event.evidence.article_id) if outlet_of else None
        if outlet:
            home.outlets.add(outlet)
    return clusters
