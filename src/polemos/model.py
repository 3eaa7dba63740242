"""Typed records exchanged by every stage of polemos.

Stages import these records and nothing of each other's internals.  Every
extracted fact carries an :class:`Evidence`: the article id, the sentence index
and character offsets into the article's stored clean text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SegmentKind = Literal["title", "body", "caption"]
QuoteKind = Literal["direct", "indirect", "mixed"]
ActorType = Literal["PERSON", "ORG", "GPE", "GROUP"]


@dataclass(slots=True)
class Evidence:
    """Where a fact was read: article, sentence index and a span of the clean text."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: article, sentence, start, end, text."""
        return {
            "article": self.article_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(slots=True)
class RawItem:
    """One input item as read, before cleaning."""

    origin: str  # file path, "path:line" for JSON Lines, or a URL
    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    format: str = "text"  # raw text shape: "text" (clean prose) or "scraped"
    language: str | None = None
    author: str | None = None


@dataclass(slots=True)
class Failure:
    """An input item that could not be processed, and why."""

    item: str
    reason: str
    stage: str = "read"


@dataclass(slots=True)
class Segment:
    """A paragraph of the clean text: a title, a body paragraph or a caption."""

    start: int
    end: int
    kind: SegmentKind = "body"


@dataclass(slots=True)
class Removal:
    """Something cleaning took out or changed in the raw text, kept for display."""

    kind: str  # "boilerplate", "rejoined_word", "caption_split", ...
    text: str
    detail: str = ""


@dataclass(slots=True)
class Article:
    """A cleaned article ready to parse; ``text`` is the stored clean text."""

    id: str
    text: str
    content_hash: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    language: str = "en"
    segments: list[Segment] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    duplicate_of: str | None = None
    author: str | None = None

    def segment_kind_at(self, offset: int) -> SegmentKind:
        """The kind of the segment holding character ``offset`` (body if none)."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.kind
        return "body"


@dataclass(slots=True)
class Sentence:
    """A sentence of the clean text, numbered from 0 within its article."""

    index: int
    start: int
    end: int
    text: str
    section: SegmentKind = "body"


@dataclass(slots=True)
class ActorRef:
    """A pointer from a fact to an actor: its key in the knowledge base and its display form."""

    key: str
    name: str
    code: str | None = None
    span: Evidence | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "code": self.code, "key": self.key}
        if self.span is not None:
            out["span"] = self.span.to_json()
        return out


@dataclass(slots=True)
class Actor:
    """A canonical actor of the knowledge base."""

    key: str
    name: str
    type: str  # PERSON, ORG, GPE, GROUP
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # CAMEO/PLOVER agent code: GOV, MIL, REB, MED, ...
    aliases: list[str] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        """CAMEO-style composite code, e.g. IRNMIL, USAGOV, or None when nothing is known."""
        parts = [p for p in (self.country, self.sector) if p]
        return "".join(parts) or None

    def ref(self, span: Evidence | None = None) -> ActorRef:
        return ActorRef(key=self.key, name=self.name, code=self.code, span=span)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "aliases": list(self.aliases),
        }


@dataclass(slots=True)
class Mention:
    """One mention of an actor in an article."""

    text: str  # the name as cleaned (no title, possessive or determiner)
    label: str  # PERSON, ORG, GPE, NORP, GROUP
    actor: Actor  # the actor as resolved in this article (key links to the KB)
    evidence: Evidence
    role: str | None = None  # "Maj. Gen.", "commander", ...


@dataclass(slots=True)
class Affiliation:
    """A stated relation between two actors: head_of, member_of, part_of, works_for, ..."""

    actor: ActorRef
    relation: str
    other: ActorRef
    evidence: Evidence
    qualifier: str | None = None  # "former", "current", "2003-2009"


@dataclass(slots=True)
class Place:
    """A place mention, resolved to GeoNames where possible (else ``reason`` says why not)."""

    text: str
    evidence: Evidence
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 as in GeoNames
    admin1: str | None = None
    precision: str | None = None  # point, city, admin1, country, region
    reason: str = ""
    qualifier: str | None = None  # relative position to the resolved place: "near", "east of", ...

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name or self.text,
            "text": self.text,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
            "reason": self.reason,
            "qualifier": self.qualifier,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class TimeExpression:
    """A date or time phrase resolved against the article's publication date."""

    text: str
    evidence: Evidence
    value: str | None = None  # ISO date, month (YYYY-MM), year, or "START/END"
    precision: str | None = None  # day, month, year, range
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "reason": self.reason,
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class Quote:
    """Who said what: content, cue and speaker spans, with the speaker resolved when possible."""

    content: str
    kind: QuoteKind
    evidence: Evidence  # the content span
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    speaker_span: Evidence | None = None
    cue: str | None = None
    cue_span: Evidence | None = None
    addressee: str | None = None
    outlet: str | None = None
    speaker_description: str | None = None
    date: str | None = None
    confidence: float = 0.5
    flags: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": {
                "name": self.speaker.name if self.speaker else self.speaker_text,
                "code": self.speaker.code if self.speaker else None,
                "key": self.speaker.key if self.speaker else None,
                "text": self.speaker_text,
                "description": self.speaker_description,
            },
            "cue": self.cue,
            "content": self.content,
            "kind": self.kind,
            "addressee": self.addressee,
            "outlet": self.outlet,
            "date": self.date,
            "confidence": self.confidence,
            "flags": list(self.flags),
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class Event:
    """A PLOVER event: who did what to whom, where and when, with its evidence."""

    type: str  # PLOVER event type, e.g. ASSAULT
    evidence: Evidence  # the sentence span holding the event
    trigger: Evidence  # the word(s) that name the action
    mode: str | None = None
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    cameo: str | None = None  # CAMEO code as a string ("0231")
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None = None
    date: TimeExpression | None = None
    place: Place | None = None
    confidence: float = 0.5
    hedge: str | None = None  # "allegedly", "reportedly"
    claimant: ActorRef | None = None
    from_caption: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": [a.to_json() for a in self.source],
            "target": [a.to_json() for a in self.target],
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date.value if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "place": self.place.to_json() if self.place else None,
            "confidence": self.confidence,
            "hedge": self.hedge,
            "claimant": self.claimant.to_json() if self.claimant else None,
            "from_caption": self.from_caption,
            "trigger": self.trigger.to_json(),
            "evidence": self.evidence.to_json(),
        }


@dataclass(slots=True)
class Extraction:
    """Everything found in one article: the unit the store writes in one transaction."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)

    def actors(self) -> list[Actor]:
        """The distinct actors mentioned, in first-mention order."""
        seen: dict[str, Actor] = {}
        for m in self.mentions:
            seen.setdefault(m.actor.key, m.actor)
        return list(seen.values())
