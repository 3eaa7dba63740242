"""Quotes and attributions: who said what, to whom, and how sure we are.

Rules over the one spaCy parse: quote marks are paired first (typographic and
straight, multi-paragraph, odd counts repaired and flagged); cue verbs of a
compiled lexicon, "according to" and "as detailed by" give the source and the
content from the dependency tree; quoted stretches with no cue continue the
previous speaker or name one after a dash.  Speakers resolve to actors through
the article's mentions, pronouns to the nearest previous person.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from polemos.extract.dates import parse_published, resolve_date
from polemos.extract.quote_rules.cues import Candidate, colon_candidates, find_candidates
from polemos.extract.quote_rules.lexicon import SAYING_NOUNS
from polemos.extract.quote_rules.marks import Quoted, find_quoted, has_mark
from polemos.extract.quote_rules.spans import char_span, source_range
from polemos.extract.quote_rules.speakers import MentionIndex, addressee_of, date_of, resolve_speaker
from polemos.kb import KnowledgeBase
from polemos.model import Mention, Quote, QuoteKind
from polemos.nlp.parsed import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_DASH_NAME = re.compile(
    r"[^\S\n]*[—–―-]+[^\S\n]*([A-Z][\w.'’-]*\w(?:[^\S\n]+[A-Z](?:\.|[\w.'’-]*\w)?){0,4})\.?[^\S\n]*(?:\n|$)"
)
_MIN_FLOATING_WORDS = 4

__all__ = ["extract_quotes", "extract_quotes_with_rules"]


# Rules whose cue may sit inside another attribution's content and still be the writer's own
_MAY_NEST = frozenset({"colon", "colon_after", "quote_after", "quote_before"})


def _drop_nested(cands: list[Candidate], doc: Doc) -> list[Candidate]:
    """Drop cues inside another attribution's content ("X said he opposes the deal", "X said
    Y's plan to ..."): PolNeAR rarely annotates a nested attribution, save reported speech itself
    ("X said Y said ...", not "X asked Y to say ...") and a held saying ("X seized on Y's claim that")."""

    def inside(c: Candidate, o: Candidate) -> bool:
        return o.content[0] <= c.cue[0] < o.content[1] and o.content != c.content

    def outer(c: Candidate, o: Candidate) -> bool:
        """Of two attributions whose cues sit in each other's content ("X would see Y, according
        to Z"), "according to" is the outer one, else the earlier cue."""
        if (c.pattern == "according_to") != (o.pattern == "according_to"):
            return c.pattern == "according_to"
        return c.cue[0] < o.cue[0]

    return [
        c
        for c in cands
        if c.pattern in _MAY_NEST
        or (c.pattern == "verb" and doc[c.cue_token].lemma_ == "say" and doc[c.cue_token].tag_ != "VB")
        or (c.pattern == "noun" and c.source is not None and doc[c.cue_token].lower_ in SAYING_NOUNS)
        or not any(inside(c, o) and not (inside(o, c) and outer(c, o)) for o in cands)
    ]


def _fit_to_quotes(
    content: tuple[int, int], quoted: list[Quoted], cue: tuple[int, int] | None = None
) -> tuple[tuple[int, int], list[str]]:
    """Snap a content span to the quoted stretches it touches; return the span and their flags.
    A stretch holding the cue itself is not the content ("“WALLACE: ..." in a quoted transcript)."""
    start, end = content
    flags: list[str] = []
    for q in quoted:
        if q.end <= start - 2 or q.start >= end + 2:
            continue
        if cue is not None and q.start <= cue[0] < q.end:
            continue
        if q.start - 1 <= start and end <= q.end + 1:  # content inside one quote
            return (q.start, q.end), list(q.flags)
        if start < q.end <= end + 2 and q.start >= start - 1:  # quote inside content
            start, end = min(start, q.start), max(end, q.end)
            flags.extend(q.flags)
        elif q.start < end < q.end and q.start > start:  # quote runs past the content end
            end = q.end
            flags.extend(q.flags)
    return (start, end), flags


def _resolved(parsed: ParsedArticle, text: str | None) -> str | None:
    """A stated date as ISO (relative to the publication date) when it resolves, else as written."""
    if text is None:
        return None
    value, _precision, _reason = resolve_date(text, parse_published(parsed.article.published))
    return value or text


def _kind(text: str, span: tuple[int, int], quoted: list[Quoted]) -> QuoteKind:
    if any(q.start == span[0] and q.end == span[1] for q in quoted):
        return "direct"
    return "mixed" if has_mark(text) else "indirect"


def _build(parsed: ParsedArticle, index: MentionIndex, cand: Candidate, quoted: list[Quoted]) -> Quote | None:
    doc = parsed.doc
    text = parsed.article.text
    # a participle's content stops where it ends ("said X, speaking of Y. “...”": the quote is X's)
    fit = [q for q in quoted if q.start < cand.content[1]] if cand.pattern == "participle" else quoted
    (start, end), flags = _fit_to_quotes(cand.content, fit, cand.cue)
    if end - start < 2:
        return None
    content = text[start:end]
    kind = _kind(content, (start, end), quoted)
    verb = doc[cand.cue_token]
    speaker_text = speaker_span = None
    speaker = None
    description = outlet = None
    confidence = 0.85 if kind == "direct" else 0.7
    if cand.source is not None:
        first, last = source_range(
            doc, *cand.source, doc[cand.source_head] if cand.source_head is not None else None
        )
        if last >= first:
            s0, s1 = char_span(doc, first, last)
            speaker_span = parsed.evidence(s0, s1)
            speaker_text = speaker_span.text
            head = doc[cand.source_head] if cand.source_head is not None else None
            who = resolve_speaker(doc, index, head, s0, s1)
            speaker, description, outlet = who.ref, who.description, who.outlet
            if who.resolved_by in ("pronoun", "relative"):
                confidence -= 0.1
            elif who.resolved_by == "none" or speaker is None:
                confidence -= 0.15
    else:
        confidence -= 0.3
    addressee, told_outlet = (None, None)
    if cand.pattern != "according_to":
        addressee, told_outlet = addressee_of(doc, index, verb)
    if "unbalanced_quote_marks" in flags:
        confidence -= 0.1
    return Quote(
        content=content,
        kind=kind,
        evidence=parsed.evidence(start, end),
        speaker=speaker,
        speaker_text=speaker_text,
        speaker_span=speaker_span,
        cue=text[cand.cue[0] : cand.cue[1]],
        cue_span=parsed.evidence(*cand.cue),
        addressee=addressee,
        outlet=outlet or told_outlet,
        speaker_description=description,
        date=_resolved(parsed, date_of(verb, (start, end))) if cand.pattern != "according_to" else None,
        confidence=round(max(0.05, confidence), 2),
        flags=sorted(set(flags)),
    )


def _is_dash(cue: str | None) -> bool:
    return bool(cue) and all(c in "—–―-" for c in cue)


def _covered(q: Quoted, quotes: list[Quote]) -> bool:
    for quote in quotes:
        spans = [(quote.evidence.start, quote.evidence.end)]
        for ev in (quote.speaker_span, quote.cue_span):
            if ev is not None:
                spans.append((ev.start, ev.end))
        if any(s < q.end and q.start < e for s, e in spans):
            return True
    return False


_AFTER_SENTENCE_END = re.compile(r"(?:^|[.?!][\"”’']*|\n)[^\S\n]*$")


def _starts_sentence(parsed: ParsedArticle, q: Quoted) -> bool:
    """Whether a quoted stretch opens a sentence (by the parse, or right after a full stop)."""
    sent = parsed.sentences[parsed.sentence_index(q.start)]
    text = parsed.article.text
    return q.start - sent.start <= 1 or bool(_AFTER_SENTENCE_END.search(text[max(0, q.start - 6) : q.start]))


def _floating(parsed: ParsedArticle, index: MentionIndex, q: Quoted, quotes: list[Quote]) -> Quote | None:
    """A quoted stretch with no cue: "“...” -Name", or a continuation of the previous speaker."""
    text = parsed.article.text
    content = text[q.start : q.end]
    dash = _DASH_NAME.match(text, q.end)
    if dash is not None:
        s0, s1 = dash.span(1)
        ms = index.within(s0, s1)
        ref = ms[0].actor.ref(span=ms[0].evidence) if ms else None
        cue_start = q.end + (len(dash.group(0)) - len(dash.group(0).lstrip()))
        return Quote(
            content=content,
            kind="direct",
            evidence=parsed.evidence(q.start, q.end),
            speaker=ref,
            speaker_text=text[s0:s1],
            speaker_span=parsed.evidence(s0, s1),
            cue=text[cue_start:s0].strip(),
            cue_span=parsed.evidence(cue_start, cue_start + len(text[cue_start:s0].strip())),
            confidence=0.75,
            flags=list(q.flags),
        )
    previous = [
        p for p in quotes if p.evidence.end <= q.start and p.kind != "indirect" and not _is_dash(p.cue)
    ]
    if not previous:
        return None
    prev = max(previous, key=lambda p: p.evidence.end)
    gap = text[prev.evidence.end : q.start]
    # "“A,” he said, “B.”": the second part follows the cue of the first in the same sentence
    cue_after = prev.cue_span is not None and prev.cue_span.start >= prev.evidence.end
    interrupted = "\n" not in gap and len(gap) <= 80 and cue_after
    if not interrupted and (len(content.split()) < _MIN_FLOATING_WORDS or not _starts_sentence(parsed, q)):
        return None
    if gap.count("\n") > 2 or len(gap) > 300:
        return None
    return Quote(
        content=content,
        kind="direct",
        evidence=parsed.evidence(q.start, q.end),
        speaker=prev.speaker,
        speaker_text=prev.speaker_text,
        speaker_span=prev.speaker_span,
        cue=None,
        cue_span=None,
        addressee=prev.addressee,
        outlet=prev.outlet,
        speaker_description=prev.speaker_description,
        confidence=round(max(0.05, prev.confidence - 0.15), 2),
        flags=sorted({*q.flags, "continues_previous"}),
    )


def extract_quotes(parsed: ParsedArticle, kb: KnowledgeBase, mentions: list[Mention]) -> list[Quote]:
    """Quotes and attributions of ``parsed``, in text order, speakers resolved through ``mentions``."""
    return [q for q, _rule in extract_quotes_with_rules(parsed, kb, mentions)]


def extract_quotes_with_rules(
    parsed: ParsedArticle, kb: KnowledgeBase, mentions: list[Mention]
) -> list[tuple[Quote, str]]:
    """Like :func:`extract_quotes`, each quote with the name of the rule that produced it
    ("verb", "according_to", "object", "floating", ...), for per-rule precision."""
    del kb  # speakers resolve through the article's mentions, which the KB already resolved
    quoted = find_quoted(parsed.article.text)
    index = MentionIndex(mentions)
    found: list[tuple[Quote, str]] = []
    seen: set[tuple[int, int]] = set()
    cands = [*colon_candidates(parsed.doc), *find_candidates(parsed.doc, quoted)]
    cands = _drop_nested(cands, parsed.doc)
    for cand in cands:
        quote = _build(parsed, index, cand, quoted)
        if quote is None:
            continue
        key = (quote.evidence.start, quote.evidence.end)
        if key in seen:
            continue
        seen.add(key)
        found.append((quote, cand.pattern))
    found.sort(key=lambda x: x[0].evidence.start)
    for q in quoted:
        quotes = [x for x, _ in found]
        if _covered(q, quotes):
            continue
        extra = _floating(parsed, index, q, quotes)
        if extra is not None:
            rule = "continues_previous" if "continues_previous" in extra.flags else "dash_name"
            found.append((extra, rule))
            found.sort(key=lambda x: x[0].evidence.start)
    return found
