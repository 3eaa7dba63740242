"""Candidate actor spans: spaCy entities repaired for their known failures on news text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from polemos.extract.actor_rules.lexicon import (
    BOILERPLATE,
    GROUP_DESCRIPTORS,
    ORG_NAME_WORDS,
    ORG_WORDS,
    SOCIAL_PLATFORMS,
    TITLES,
)
from polemos.kb import KnowledgeBase, normalise_name

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from polemos.nlp.parsed import ParsedArticle

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
OTHER_LABELS = frozenset({"PRODUCT", "FAC", "WORK_OF_ART", "LOC", "EVENT"})
_DETS = frozenset({"the", "a", "an"})
_POSS = frozenset({"'s", "’s", "'", "’"})
_QUOTES = frozenset({'"', "“", "”", "'", "’", "‘", "(", ")", ",", ".", ":", ";", "-", "—", "–"})
_PARTICLES = frozenset({"al", "el", "as", "ash", "ad", "ar", "an", "bin", "ibn", "abu", "bint", "-"})
_LOCATIVE = frozenset({"in", "near", "around", "outside", "into", "across", "toward", "towards"})
_SHIP_PREFIXES = frozenset({"USS", "HMS", "FS", "INS", "HMAS", "HMCS", "USNS"})
_COMPASS = frozenset({"east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest"})


@dataclass
class Candidate:
    """A repaired span that may name an actor (token range ``[start, end)`` of the doc)."""

    start: int
    end: int
    label: str  # PERSON, ORG, GPE, NORP
    kind: str  # PERSON, ORG, GPE, GROUP
    role: str | None = None
    country: str | None = None  # hint read in the text ("US Treasury", "Iran's Quds Force")
    sector: str | None = None  # hint from a title, a head noun or a descriptor
    core_end: int | None = None  # end of the name proper, before group descriptors
    state_key: str | None = None  # the span names a state (or a state's sector: agent key)
    affiliated_to: Candidate | None = None  # "NAME of ORG": the ORG
    flags: list[str] = field(default_factory=list)

    def core(self, doc: Doc) -> str:
        """The name without descriptors ("Islamic State" of "Islamic State militants")."""
        end = self.core_end if self.core_end is not None else self.end
        return doc[self.start : end].text


def boilerplate_sentences(parsed: ParsedArticle) -> set[int]:
    """Indices of sentences that are publisher or social-network boilerplate."""
    return {s.index for s in parsed.sentences if BOILERPLATE.search(s.text.strip())}


def _is_title(tok: Token) -> bool:
    return tok.lower_ in TITLES or tok.text == "."


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _DETS or doc[start].text in _QUOTES or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSS or doc[end - 1].text in _QUOTES or doc[end - 1].is_space
    ):
        end -= 1
    return start, end


def _title_role(doc: Doc, start: int, end: int, label: str) -> tuple[int, str | None, str | None]:
    """Move leading titles (inside the span or just before it) into a role; (new start, role, sector)."""
    if label not in ("PERSON", "ORG"):
        return start, None, None
    first = start
    while first > 0 and _is_title(doc[first - 1]) and doc[first - 1].sent == doc[start].sent:
        first -= 1
    i = start
    while i < end - 1 and _is_title(doc[i]):
        i += 1
    if label == "ORG" and i == start and first == start:
        return start, None, None
    role_toks = [t for t in doc[first:i] if t.text != "." or t.i > first]
    if not role_toks:
        return i, None, None
    role = doc[role_toks[0].i : role_toks[-1].i + 1].text
    if role.lower() in _DETS:
        return i, None, None
    sectors = [TITLES.get(t.lower_) for t in role_toks if TITLES.get(t.lower_)]
    return i, role, (sectors[0] if sectors else None)


def _extend(doc: Doc, kb: KnowledgeBase, start: int, end: int, label: str) -> int:
    """Extend the span over name particles ("Bashar" + "as-Assad") or into a longer known name."""
    sent_end = doc[start].sent.end
    if label == "PERSON":
        j = end
        while j < sent_end - 1 and doc[j].lower_ in _PARTICLES and doc[j - 1].whitespace_ != "\n":
            j += 1
        if j > end and j < sent_end and doc[j].text[:1].isupper():
            end = j + 1
    for extra in (2, 1):
        stop = end + extra
        if stop > sent_end or not doc[end].text[:1].isalpha():
            continue
        if any(t.is_punct or t.is_space or t.is_stop for t in doc[end:stop]):
            continue
        if any(not t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in doc[end:stop]):
            continue
        longer = doc[start:stop].text
        hit = kb.lookup(longer)
        if hit is not None and not hit.key.startswith("state:"):
            return stop
    return end


def _descriptors(doc: Doc, end: int) -> int:
    sent_end = doc[end - 1].sent.end if end > 0 else len(doc)
    j = end
    while j < sent_end and doc[j].lower_ in GROUP_DESCRIPTORS and doc[j].text.islower():
        j += 1
    return j


def _person_of_org(doc: Doc, start: int, end: int) -> int | None:
    """Token index of "of" when ``doc[start:end]`` reads "First Last of Org" (a person and an org)."""
    for k in range(start + 2, min(end - 1, start + 4)):
        if doc[k].lower_ != "of":
            continue
        left = doc[start:k]
        if all(t.text[:1].isupper() and t.lower_ not in ORG_NAME_WORDS and t.pos_ == "PROPN" for t in left):
            return k
    return None


def _span_kind(label: str) -> str:
    return {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GROUP"}.get(label, "ORG")


def find_candidates(parsed: ParsedArticle, kb: KnowledgeBase) -> list[Candidate]:
    """Repaired entity spans of ``parsed`` (boilerplate, social networks and photo credits left out)."""
    doc = parsed.doc
    skip = boilerplate_sentences(parsed)
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ENTITY_LABELS and label not in OTHER_LABELS:
            continue
        if parsed.sentence_index(ent.start_char) in skip:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        if label in OTHER_LABELS:
            end2 = _extend(doc, kb, start, end, "ORG")
            hit = kb.lookup(doc[start:end2].text)
            if hit is None or hit.type not in ("ORG", "PERSON"):
                continue
            label, end = hit.type, end2
        out.extend(_repair(parsed, kb, start, end, label))
    out.extend(_known_names(parsed, kb, skip, {i for c in out for i in range(c.start, c.end)}))
    out.sort(key=lambda c: c.start)
    dedup: list[Candidate] = []
    for c in out:
        if dedup and c.start < dedup[-1].end:
            continue
        dedup.append(c)
    return dedup


def _repair(parsed: ParsedArticle, kb: KnowledgeBase, start: int, end: int, label: str) -> list[Candidate]:
    doc = parsed.doc
    out: list[Candidate] = []
    # a leading possessive state ("Iran's Quds Force") is a mention of its own and a country hint
    country = None
    for k in range(start + 1, min(end - 1, start + 4)):
        if doc[k].text in _POSS and label in ("ORG", "PERSON"):
            state = kb.state(doc[start:k].text)
            if state is not None:
                out.append(Candidate(start, k, "GPE", "GPE", state_key=state.key))
                country = state.country
                start = k + 1
            break
    start, role, title_sector = _title_role(doc, start, end, label)
    start, end = _trim(doc, start, end)
    if start >= end:
        return out
    text = doc[start:end].text
    low = text.lower()
    prev = doc[start - 1] if start > 0 else None
    if low in SOCIAL_PLATFORMS:
        sent = doc[start].sent
        others = sum(1 for t in sent if t.lower_ in SOCIAL_PLATFORMS)
        if others > 1 or (prev is not None and prev.lower_ in ("on", "via", "at")):
            return out
        label = "ORG"
    if label == "PERSON" and prev is not None:
        before = doc[max(0, start - 3) : start].text
        if "/" in before or "photo" in before.lower() or "credit" in before.lower():
            return out
        if prev.lower_ in ("of", "near") and start > 1 and doc[start - 2].lower_ in _COMPASS:
            return out
    if not any(c.isalpha() for c in text):
        return out
    if label == "PERSON" and (text.split()[0] in _SHIP_PREFIXES or any(ch.isdigit() for ch in text)):
        return out
    if label in ("PERSON", "ORG") and not role and kb.is_state_name(text):
        label = "GPE"  # a state's name the small model took for a person or an organisation ("Azerbaijan")
    if label == "PERSON" and prev is not None and prev.lower_ in _LOCATIVE and not role:
        label = "GPE"  # "in Raqqah": a place the small model took for a person
    state = kb.state(text) if label in ("GPE", "NORP") else None
    if state is not None:
        if label == "NORP" and kb.state(text, strict=True) is None and not text.endswith("s"):
            label = "GPE"  # a city the model took for a nationality ("Aleppo")
        cand = Candidate(start, end, label, "GPE", state_key=state.key)
        _agent(doc, kb, cand, state.country)
        return [*out, cand]
    end = _extend(doc, kb, start, end, label)
    text = doc[start:end].text
    # "Eli Lake of Bloomberg": a person and the organisation they write for
    if label in ("ORG", "PERSON") and kb.lookup(doc[start:end].text) is None:
        k = _person_of_org(doc, start, end)
        if k is not None:
            org_start, org_end = _trim(doc, k + 1, end)
            person = Candidate(start, k, "PERSON", "PERSON", role=role, sector=title_sector)
            if org_start < org_end:
                org = Candidate(org_start, org_end, "ORG", "ORG")
                person.affiliated_to = org
                return [*out, person, org]
            return [*out, person]
    kind = _span_kind(label)
    cand = Candidate(start, end, label, kind, role=role, country=country, sector=title_sector)
    if label in ("GPE", "NORP"):
        known = kb.lookup(text)
        if known is not None and known.type in ("ORG", "PERSON"):
            cand.kind = known.type
            cand.label = known.type
    if cand.kind in ("ORG", "GROUP"):
        core_end = end
        end2 = _descriptors(doc, end)
        if end2 > end:
            cand.core_end, cand.end = core_end, end2
            cand.sector = cand.sector or ORG_WORDS.get(doc[end2 - 1].lower_)
            if cand.kind == "GROUP":
                cand.kind = "ORG"
        elif cand.kind == "GROUP" and doc[end - 1].dep_ in ("amod", "compound"):
            return out  # an adjective ("Sunni villages"): not an actor mention
        words = text.split()
        for n in (3, 2, 1):
            state = kb.state(" ".join(words[:n]), strict=True) if len(words) > n else None
            if state is not None:
                cand.country = cand.country or state.country
                break
        if cand.country is None and prev is not None and prev.dep_ in ("compound", "amod", "poss"):
            state = kb.state(prev.text, strict=True)  # "US" + "Treasury" tagged apart
            cand.country = state.country if state is not None else None
        if "of" in words[1:-1] and cand.country is None:  # "Parliament of Iraq"
            tail = " ".join(words[len(words) - words[::-1].index("of") :])
            state = kb.state(tail, strict=True)
            cand.country = state.country if state is not None else None
        if label == "NORP" and cand.core_end is not None and kb.lookup(text) is None:
            cand.core_end = None  # "Shia militias": the group is named with its descriptor
        head_word = (
            words[words.index("of") - 1] if "of" in words[1:] else doc[(cand.core_end or end) - 1].text
        )
        cand.sector = cand.sector or ORG_WORDS.get(normalise_name(head_word))
    return [*out, cand]


SECTOR_NAMES = {
    "MIL": "military",
    "GOV": "government",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "REB": "rebels",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "OPP": "opposition",
    "SPY": "intelligence",
    "EDU": "education",
    "REL": "religious",
    "LAB": "labour",
    "UAF": "armed forces",
}


def _agent(doc: Doc, kb: KnowledgeBase, cand: Candidate, country: str | None) -> None:
    """A state word modifying a sector noun ("American warplanes", "US ambassador") names that sector."""
    tok = doc[cand.end - 1]
    head = tok.head
    if (
        tok.dep_ not in ("amod", "compound", "nmod")
        or head.i < cand.end
        or head.i > cand.end + 2
        or not country
    ):
        return
    if head.pos_ not in ("NOUN", "PROPN") or head.text[:1].isupper() and head.pos_ == "PROPN":
        return
    sector = ORG_WORDS.get(head.lower_) or kb.agent_sector(head.lemma_) or kb.agent_sector(head.text)
    if sector in (None, "MED", "BUS", "EDU", "PTY"):
        return
    if sector in ("UAF",):
        sector = "MIL"
    cand.end = head.i + 1
    cand.core_end = None
    cand.kind = "GROUP"
    cand.label = "ORG"  # "US military", "Iraqi army": a state's organisation
    cand.sector = sector
    cand.state_key = f"agent:{country}{sector}"


_LABEL_OF = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "GROUP": "ORG"}


def _known_names(
    parsed: ParsedArticle, kb: KnowledgeBase, skip: set[int], covered: set[int]
) -> list[Candidate]:
    """Proper-noun runs spaCy left untagged that name an actor already met in another article."""
    doc = parsed.doc
    out: list[Candidate] = []
    i = 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or i in covered or not doc[i].text[:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and j not in covered and j - i < 4:
            j += 1
        if parsed.sentence_index(doc[i].idx) not in skip:
            actor = kb.known(doc[i:j].text)
            if actor is not None and not actor.key.startswith(("state:", "agent:")):
                kind = actor.type if actor.type in ("PERSON", "ORG", "GPE") else "ORG"
                out.append(Candidate(i, j, _LABEL_OF.get(actor.type, "ORG"), kind))
        i = j
    return out
