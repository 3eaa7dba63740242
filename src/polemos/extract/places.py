"""Place mentions: every GPE, LOC and FAC of an article resolved to GeoNames, or the reason why not.

Relative places ("al-Muaibidi area east of Alam", "the Ajil field east of the
city of Tikrit") that the gazetteer lacks fall back to their anchor place,
with a qualifier; names the gazetteer does not hold stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from polemos.geo.gazetteer import Candidate, Gazetteer
from polemos.geo.mentions import resolve_spans
from polemos.geo.resolve import PRECISION, Resolution
from polemos.model import Place
from polemos.nlp.parsed import ParsedArticle

PLACE_LABELS = ("GPE", "LOC", "FAC")
FEATURE_WORDS = (
    "oil field|oilfield|field|gas field|refinery|airport|air base|airbase|base|camp|dam|bridge|border crossing|"
    "crossing|river|lake|mountains?|valley|desert|sea|gulf|bay|ocean|strait|square|street|road|highway|"
    "district|neighbou?rhood|area"
)
_FEATURE_AFTER = re.compile(rf"^\s+(?P<feat>{FEATURE_WORDS})\b", re.I)
_FEATURE_IN = re.compile(rf"\b(?:{FEATURE_WORDS})$", re.I)
_DIRECTION = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"
_RELATIVE = re.compile(
    rf"^(?:\s+(?:{FEATURE_WORDS}))?,?\s+(?P<qual>(?:\d[\d,.]*\s*(?:km|kilometers|kilometres|miles)\s+)?"
    rf"{_DIRECTION}\s+of|near|outside|close\s+to|on\s+the\s+outskirts\s+of)\s+"
    r"(?:the\s+(?:city|town|village|province|capital|district)\s+of\s+)?"
    r"(?P<anchor>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})"
)
_LEADING_THE = re.compile(r"^the\s+", re.I)
# A dateline: an upper-case place name opening the text, a line or a sentence, or before a wire
# credit ("SAN DIEGO (AP) -", "TORONTO —", "ALLENDALE, N.J. --", "KOLKATA, India –").
_CAPS_NAME = r"(?P<name>[A-Z][A-Z'’&-]*\.?(?:\s[A-Z][A-Z'’&-]*\.?){0,3})"
_DATELINE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?\"”]\s)){_CAPS_NAME}(?=(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"\s*(?:\(|—|–|--|-\s|:\s|,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))"
    rf"|{_CAPS_NAME.replace('name', 'wire')}(?=(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*\((?:AP|Reuters|AFP|CNN)\))"
)
# Organisations whose whole name is a country or an admin-1 area are places the small NER mislabels
# ("Zimbabwe", "California"); a demonym or a city name as ORG is not taken (teams, governments).
ORG_PLACE_KINDS = ("country", "adm1")


@dataclass
class _Mention:
    start: int
    end: int
    feature: str | None = None  # the feature word that follows or ends the name ("field")
    anchor: int | None = None  # index of the anchor mention of a relative place
    qualifier: str | None = None
    extra: bool = False  # an anchor found by pattern, not by NER
    dateline: bool = False  # an upper-case dateline name found by pattern, kept only when resolved


def _org_is_place(name: str, gazetteer: Gazetteer) -> bool:
    """True when an ORG entity's whole name is a country's or an admin-1 area's own name or project alias."""
    return any(
        c.kind in ORG_PLACE_KINDS and c.quality >= 2 and "demonym" not in c.source
        for c in gazetteer.lookup(name)
    )


def _datelines(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of upper-case dateline names that no entity covers."""
    out = []
    for m in _DATELINE.finditer(text):
        group = "name" if m.group("name") else "wire"
        s, e = m.span(group)
        name = text[s:e].rstrip(".")
        e = s + len(name)
        if sum(ch.isalpha() for ch in name) < 4 or not name.isupper():
            continue
        if not any(a < e and s < b for a, b in taken):
            out.append((s, e))
    return out


def _mentions(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[_Mention]:
    text = parsed.article.text
    out: list[_Mention] = []
    for ent in parsed.doc.ents:
        if ent.label_ not in PLACE_LABELS and not (
            ent.label_ == "ORG" and _org_is_place(ent.text, gazetteer)
        ):
            continue
        start, end = ent.start_char, ent.end_char
        m = _LEADING_THE.match(text[start:end])
        if m and end - start > m.end():
            start += m.end()
        feat = _FEATURE_AFTER.match(text[end : end + 30])
        inner = _FEATURE_IN.search(text[start:end])
        out.append(_Mention(start, end, (feat or inner)["feat" if feat else 0] if (feat or inner) else None))
    taken = [(m.start, m.end) for m in out]
    for s, e in _datelines(text, taken):
        out.append(_Mention(s, e, dateline=True))
        taken.append((s, e))
    for i, m in enumerate(list(out)):
        rel = _RELATIVE.match(text[m.end : m.end + 120])
        if not rel:
            continue
        a_start, a_end = m.end + rel.start("anchor"), m.end + rel.end("anchor")
        m.qualifier = re.sub(r"\s+", " ", rel["qual"]).lower()
        hit = next((j for j, (s, e) in enumerate(taken) if s <= a_start < e), None)
        if hit is None:
            out.append(_Mention(a_start, a_end, extra=True))
            taken.append((a_start, a_end))
            hit = len(out) - 1
        out[i].anchor = hit
    return out


def _place(parsed: ParsedArticle, m: _Mention, c: Candidate, reason: str, gz: Gazetteer) -> Place:
    adm = gz.admin1(c.country, c.admin1) if c.admin1 else None
    return Place(
        text=parsed.article.text[m.start : m.end],
        evidence=parsed.evidence(m.start, m.end),
        name=c.name,
        geonameid=c.gid,
        lat=c.lat,
        lon=c.lon,
        feature_class=c.fclass,
        feature_code=c.fcode,
        country=c.country or None,
        admin1=adm.name if adm else None,
        precision=PRECISION.get(c.kind, "point"),
        reason=reason,
    )


def extract_places(parsed: ParsedArticle, gazetteer: Gazetteer) -> list[Place]:
    """Every place mention with its evidence, resolved to GeoNames or with the reason why not."""
    text = parsed.article.text
    mentions = _mentions(parsed, gazetteer)
    res: list[Resolution] = resolve_spans(text, [(m.start, m.end) for m in mentions], gazetteer)
    places: list[Place] = []
    for m, r in zip(mentions, res, strict=True):
        name = text[m.start : m.end]
        own = r.candidate
        if m.feature and own is not None and (own.kind == "city" or r.embedded):
            own = None  # "Ajil field" is an oil field, not the village called Ajil
        if m.dateline and (own is None or r.embedded or own.quality < 2):
            continue  # an upper-case opening that is not a place name ("UPDATE -")
        if own is not None:
            reason = f"dateline; {r.reason}" if m.dateline else r.reason
            places.append(_place(parsed, m, own, reason, gazetteer))
            continue
        article = "an" if m.feature and m.feature[:1].lower() in "aeiou" else "a"
        why = f"{name!r} names {article} {m.feature.lower()} the gazetteer lacks" if m.feature else r.reason
        anchor = res[m.anchor].candidate if m.anchor is not None else None
        if anchor is not None and m.anchor is not None:
            a_text = text[mentions[m.anchor].start : mentions[m.anchor].end]
            p = _place(
                parsed, m, anchor, f"{why}: placed at its anchor {a_text!r} ({m.qualifier})", gazetteer
            )
            p.qualifier = m.qualifier
            places.append(p)
            continue
        places.append(Place(text=name, evidence=parsed.evidence(m.start, m.end), reason=why))
    return places
