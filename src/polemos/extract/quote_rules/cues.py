"""Find attribution candidates in a parse: cue, source tokens and content span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from polemos.extract.quote_rules.lexicon import (
    AGENT_CUES,
    CUE_NOUNS,
    CUE_PARTICLES,
    LEMMA_FIXES,
    NEEDS_CLAUSE,
    OBJECT_VERBS,
    QUOTE_ONLY_VERBS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
)
from polemos.extract.quote_rules.marks import Quoted
from polemos.extract.quote_rules.spans import char_span, exclude, subtree_range, trim_tokens

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# "PENCE: Well, look, ..." and "Pat Caddell: Democrat voters worried": a name, a colon, what was said
_COLON_LINE = re.compile(
    r"^[^\S\n]*[\"“]?(?P<name>[A-Z][\w.'’-]*(?:[^\S\n]+(?:[A-Z][\w.'’()-]*|of|the|and|al|de)){0,5})"
    r"[^\S\n]*:[^\S\n]+(?P<content>\S[^\n]*)",
    re.MULTILINE,
)
_NOT_SPEAKERS = {
    "update",
    "note",
    "editor's note",
    "editor’s note",
    "photo",
    "related",
    "read more",
    "watch",
    "now watch",
    "correction",
    "source",
    "sources",
    "image",
    "video",
    "credit",
    "caption",
    "q",
    "a",
}
_NOT_CUE_ADVERBS = {"however", "meanwhile", "so", "thus", "therefore", "instead", "still", "yet"}
_WHEN = {"then", "later", "earlier", "recently", "previously", "today", "yesterday", "tonight"}
SUBJ = {"nsubj", "nsubjpass", "csubj"}
CUE_AUX = {"aux", "auxpass", "neg"}
AUX_WORDS = {"has", "have", "had", "will", "would", "'s", "’s", "'ll", "’ll", "is", "was", "are", "were"}


@dataclass(slots=True)
class Candidate:
    """One attribution found in the parse, before speaker resolution."""

    cue: tuple[int, int]  # char span
    cue_token: int  # token index of the cue head
    content: tuple[int, int]  # char span
    source: tuple[int, int] | None  # token range, inclusive
    source_head: int | None  # token index
    pattern: str  # "verb", "according_to", "agent", "colon", ...


def _cue_left(doc: Doc, verb: Token) -> int:
    """First token of the cue: the verb with its contiguous auxiliaries, negation and adverbs."""
    first = verb.i
    left = {c.i for c in verb.children if c.dep_ in CUE_AUX or (c.dep_ == "advmod" and c.tag_ == "RB")}
    while first - 1 in left and doc[first - 1].lower_ not in _NOT_CUE_ADVERBS:
        first -= 1
    if verb.dep_ == "xcomp" and first > 0 and doc[first - 1].i == verb.head.i:
        return _cue_left(doc, verb.head)  # "wanted to know", "went on to explain"
    return first


def _cue_right(doc: Doc, verb: Token, last: int) -> int:
    """Last token of the cue: a date or "in an interview" right after it ("said Friday"), a colon."""
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.left_edge.i != last + 1:
            continue
        if child.dep_ in ("npadvmod", "advmod") and (
            child.ent_type_ in ("DATE", "TIME") or child.lower_ in _WHEN
        ):
            last = child.right_edge.i
        elif child.dep_ == "prep" and child.lower_ == "in":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in CUE_NOUNS and pobj.right_edge.i == pobj.i:
                last = pobj.i
    if last + 1 < len(doc) and doc[last + 1].text == ":":
        last += 1
    return last


def _cue_span(doc: Doc, verb: Token) -> tuple[int, int]:
    """The cue: "has also said", "point out", "said Friday", "said:"."""
    last = verb.i
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            last = child.i
    return char_span(doc, _cue_left(doc, verb), _cue_right(doc, verb, last))


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJ:
            return child
    # "..., saying ...", "and added that ...": the subject of the verb this one hangs from
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj",) and child.i < verb.head.i:
                return child
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _clausal(verb: Token) -> Token | None:
    """The verb's clausal complement: one with "that" first, then one after the verb."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) <= 1:
        return clauses[0] if clauses else None
    for c in clauses:
        if any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in c.children):
            return c
    after = [c for c in clauses if c.i > verb.i]
    return after[0] if after else clauses[0]


def _skip_fronted(doc: Doc, first: int, last: int, head: Token) -> int:
    """Skip a fronted adverbial of ``head`` ("During the war, ...", "citing documents, ...")."""
    while first < last and (doc[first].is_punct or doc[first].is_space) and doc[first].text not in '“"':
        first += 1
    for child in head.children:
        if child.i > head.i or child.left_edge.i != first:
            continue
        fronted = child.dep_ in ("prep", "advcl", "npadvmod") or (
            child.dep_ == "csubj" and child.tag_ == "VBG"
        )
        if fronted and child.right_edge.i + 1 <= last:
            comma = child.right_edge if child.right_edge.text == "," else doc[child.right_edge.i + 1]
            if comma.text == ",":
                return _skip_fronted(doc, comma.i + 1, last, head)
    return first


def _surface_inverted(doc: Doc, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "CONTENT, SOURCE said." read off the surface: ``(source range, content range)``."""
    sent = verb.sent
    after = verb.i + 1
    while after < sent.end and doc[after].head.i == verb.i and doc[after].ent_type_ in ("DATE", "TIME"):
        after += 1
    nxt = doc[after] if after < len(doc) else None
    if (
        nxt is not None
        and nxt.i < sent.end
        and nxt.text not in (",", ".", ";", "?", "!")
        and not nxt.is_space
    ):
        return None
    j = verb.i - 1
    while j >= sent.start and doc[j].dep_ in CUE_AUX | {"advmod"} and doc[j].i > sent.start:
        j -= 1
    k = j
    while k > sent.start and doc[k].text != "," and k > verb.i - 14:
        if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in '“”"':
            return None
        k -= 1
    if k <= sent.start or doc[k].text != "," or k == j or doc[k + 1].dep_ in ("cc", "mark", "advmod"):
        return None
    return (k + 1, j), (sent.start, k - 1)


def _quote_after(doc: Doc, tok_end: int, quoted: list[Quoted]) -> Quoted | None:
    """A quoted stretch starting right after char ``tok_end`` (past ':' ',' and spaces)."""
    text = doc.text
    j = tok_end
    while j < len(text) and (text[j] in " ,:\t" or text[j] == "\n"):
        j += 1
    for q in quoted:
        if q.start == j:
            return q
    return None


def _quote_before(doc: Doc, start: int, quoted: list[Quoted]) -> Quoted | None:
    """A quoted stretch ending right before char ``start`` (only spaces or commas between)."""
    text = doc.text
    for q in quoted:
        if q.end <= start and start - q.end <= 3 and not text[q.end : start].strip(" ,\n"):
            return q
    return None


OBJECT_DEPS = {"dobj", "xcomp", "oprd", "ccomp", "attr", "acomp", "dative"}


def _object_content(doc: Doc, verb: Token, cue_last: int) -> tuple[int, int] | None:
    """ "called X Y", "wants to ...", "called for X": the complements after the cue."""
    preps = CUE_PARTICLES.get(LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower()), frozenset())
    kids = [
        c
        for c in verb.children
        if c.i > cue_last
        and (c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "as")))
    ]
    last_tok = doc[cue_last]
    if cue_last > verb.i and last_tok.dep_ == "prep":
        kids.extend(g for g in last_tok.children if g.dep_ in ("pobj", "pcomp"))
    if not kids:
        return None
    last = max(c.right_edge.i for c in kids)
    return _range_from(doc, cue_last + 1, last)


def _inside(char: int, quoted: list[Quoted]) -> bool:
    return any(q.start <= char < q.end for q in quoted)


def _colon_rest(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "The governor added: It is typical of her. ...": the rest of the paragraph after the colon."""
    j = verb.i + 1
    while j < len(doc) and (doc[j].dep_ in ("advmod", "npadvmod") and doc[j].head.i == verb.i):
        j += 1
    if j >= len(doc) or doc[j].text != ":":
        return None
    text = doc.text
    start = doc[j].idx + 1
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end - start > 2 else None


_DISCOURSE = {"however", "meanwhile", "still", "moreover", "indeed", "instead", "nevertheless"}
_DASHES = {"―", "—", "--", "–"}


def _range_from(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    first, last = trim_tokens(doc, first, last)
    # "However, ..." and a dateline "WASHINGTON ― ..." are the writer's, not the source's
    if first + 1 < last and doc[first].lower_ in _DISCOURSE and doc[first + 1].text == ",":
        first, last = trim_tokens(doc, first + 2, last)
    for j in range(first, min(first + 4, last)):
        if doc[j].text in _DASHES and all(t.is_upper or t.is_punct for t in doc[first:j]) and j > first:
            first, last = trim_tokens(doc, j + 1, last)
            break
    if last < first:
        return None
    return char_span(doc, first, last)


def _outside(verb: Token, cut: tuple[int, int]) -> tuple[int, int] | None:
    """Content of the sentence holding ``verb`` once ``cut`` (the cue clause) is removed."""
    sent = verb.sent
    first, last = exclude(sent.start, sent.end - 1, cut[0], cut[1])
    doc = verb.doc
    first = _skip_fronted(doc, first, last, sent.root)
    return _range_from(doc, first, last)


def _head_in(doc: Doc, first: int, last: int) -> Token:
    """The token of ``first..last`` whose head lies outside the range."""
    for t in doc[first : last + 1]:
        if not first <= t.head.i <= last or t.head.i == t.i:
            return t
    return doc[last]


_NON_HUMAN_PRONOUNS = {"it", "this", "that", "which", "what", "there", "these", "those"}


def _human_like(tok: Token) -> bool:
    """Whether a subject can be a source: a name, a personal pronoun or a source noun."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in _NON_HUMAN_PRONOUNS
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.pos_ == "PROPN" or tok.lower_ in SOURCE_NOUNS


def _generic_cue(verb: Token) -> bool:
    """A verb outside the lexicon still cues an attribution with a human subject and a "that" clause."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _human_like(subj):
        return False
    clause = _clausal(verb)
    return clause is not None and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)


def find_candidates(doc: Doc, quoted: list[Quoted]) -> list[Candidate]:
    """Attribution candidates of ``doc``, in text order."""
    out: list[Candidate] = []
    for tok in doc:
        lower = tok.lower_
        cue_span: tuple[int, int] | None = None
        if lower == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            src = subtree_range(pobj)
            cut = (tok.i, src[1])
            content = _outside(tok, cut)
            if content is None:
                continue
            out.append(
                Candidate(char_span(doc, tok.i, tok.i + 1), tok.i, content, src, pobj.i, "according_to")
            )
            continue
        lemma = LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and lemma in SPEECH_VERBS):
            continue
        if lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS and not _generic_cue(tok):
            continue
        if any(q.start < tok.idx < q.end for q in quoted):
            continue  # a cue inside a quotation belongs to the quoted speaker's own words
        subj = _subject(tok)
        if subj is not None and _inside(subj.idx, quoted):
            subj = next((c for c in tok.children if c.dep_ in SUBJ and not _inside(c.idx, quoted)), None)
        agent = _agent(tok) if lemma in AGENT_CUES else None
        source_tok = subj if agent is None else agent
        clause = _clausal(tok)
        content: tuple[int, int] | None = None
        pattern = "verb"
        after = _quote_after(doc, tok.idx + len(tok.text), quoted)
        colon = _colon_rest(doc, tok)
        if after is not None and (clause is None or clause.i >= tok.i):
            content = (after.start, after.end)
            pattern = "quote_after"
            if source_tok is not None:
                # "“A,” he said, “B.”": the cue belongs to A; B continues it
                start = doc[min(source_tok.left_edge.i, _cue_left(doc, tok))].idx
                before = _quote_before(doc, start, quoted)
                if before is not None and doc[tok.sent.start].idx <= before.start:
                    content, pattern = (before.start, before.end), "quote_before"
        elif colon is not None and lemma in SPEECH_VERBS:
            content, pattern = colon, "colon_after"
        elif clause is not None and lemma not in QUOTE_ONLY_VERBS:
            first, last = subtree_range(clause)
            if clause.i < tok.i and source_tok is not None:
                last = min(last, source_tok.left_edge.i - 1)
                start = tok.sent.start
                if all(t.dep_ == "cc" or t.is_punct for t in doc[start:first]) and start < first:
                    first = start  # "But a campaign operative decided ..., a source said."
                surface = _surface_inverted(doc, tok) if lemma in SPEECH_VERBS else None
                if surface is not None and surface[0][0] == source_tok.left_edge.i:
                    first, last = surface[1]  # "A, but B, the source added.": the whole sentence
            content = _range_from(doc, first, last)
        elif tok.dep_ in ("parataxis",) or (
            tok.dep_ == "advcl"
            and lemma in SPEECH_VERBS
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and not any(c.dep_ in ("dobj", "prep", "xcomp", "attr", "acomp") for c in tok.children)
        ):
            if lemma in NEEDS_CLAUSE and tok.dep_ != "parataxis":
                continue
            cut = subtree_range(tok)
            head = tok.head
            first, last = subtree_range(head)
            if (
                first < cut[0] - 1
                and cut[1] + 1 < last
                and doc[cut[0] - 1].text == doc[cut[1] + 1].text == ","
            ):
                pass  # "All of which, he said, would help": the content runs around the cue
            else:
                first, last = exclude(first, last, *cut)
                first = _skip_fronted(doc, first, last, head)
            content = _range_from(doc, first, last)
            pattern = "inverted"
        elif agent is not None and tok.dep_ in ("advcl", "relcl", "acl"):
            cut = subtree_range(tok)
            # "as detailed by X": cut the "as" too
            content = _outside(tok, (min(cut[0], tok.i - 1), cut[1]))
            pattern = "agent"
        if content is None and source_tok is not None and lemma in SPEECH_VERBS:
            before = _quote_before(doc, doc[min(source_tok.left_edge.i, tok.i)].idx, quoted)
            if before is not None:
                content, pattern = (before.start, before.end), "quote_before"
        if content is None and source_tok is not None and lemma in OBJECT_VERBS and source_tok.i < tok.i:
            cue_last = tok.i
            allowed = CUE_PARTICLES.get(lemma, frozenset())
            while cue_last + 1 < len(doc) and doc[cue_last + 1].lower_ in allowed:
                nxt = doc[cue_last + 1]
                if nxt.head.i not in (tok.i, cue_last):
                    break
                cue_last = nxt.i
            content = _object_content(doc, tok, cue_last)
            if content is not None:
                pattern = "object"
                cue_span = char_span(doc, _cue_left(doc, tok), cue_last)
        if agent is not None and cue_span is None:
            by = agent.head
            first = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "as" else tok.i
            cue_span = char_span(doc, first, by.i)
        src = subtree_range(source_tok) if source_tok is not None else None
        plain = pattern == "verb" and clause is None and lemma in SPEECH_VERBS
        surface = _surface_inverted(doc, tok) if plain else None
        if surface is not None and (content is None or source_tok is None or source_tok.i < surface[0][0]):
            src, content_range = surface
            source_tok = _head_in(doc, *src)
            content = _range_from(doc, *content_range)
            pattern = "inverted"
        if content is None:
            continue
        out.append(
            Candidate(
                cue_span or _cue_span(doc, tok),
                tok.i,
                content,
                src,
                source_tok.i if source_tok is not None else None,
                pattern,
            )
        )
    return out


def colon_candidates(doc: Doc) -> list[Candidate]:
    """Transcript and headline attributions: a line opening with a short name and a colon."""
    out: list[Candidate] = []
    for m in _COLON_LINE.finditer(doc.text):
        name = m.group("name")
        if name.lower() in _NOT_SPEAKERS or any(c.isdigit() for c in name):
            continue
        src = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        colon = doc.char_span(m.end("name"), m.start("content"), alignment_mode="expand")
        end = len(m.group("content").rstrip()) + m.start("content")
        if src is None or colon is None or end - m.start("content") < 3:
            continue
        colon_tok = next((t for t in colon if t.text == ":"), None)
        if colon_tok is None:
            continue
        head = _head_in(doc, src.start, src.end - 1)
        out.append(
            Candidate(
                (colon_tok.idx, colon_tok.idx + 1),
                colon_tok.i,
                (m.start("content"), end),
                (src.start, src.end - 1),
                head.i,
                "colon",
            )
        )
    return out
