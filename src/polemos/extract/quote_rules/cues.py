"""Find attribution candidates in a parse: cue, source tokens and content span."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from polemos.extract.quote_rules.doc_text import doc_text
from polemos.extract.quote_rules.lexicon import (
    AGENT_CUES,
    BARE_NOUN_CUES,
    CUE_NOUNS,
    CUE_PARTICLES,
    CUE_VERBS,
    HOLDER_ADJECTIVES,
    HOLDER_NOUNS,
    HOLDER_PREPS,
    LEMMA_FIXES,
    LIGHT_VERBS,
    NEEDS_CLAUSE,
    NOUN_CUES,
    OBJECT_NEEDS_AS,
    OBJECT_NEEDS_FINDER,
    OBJECT_NEEDS_PARTICLE,
    OBJECT_VERBS,
    PASSIVE_STANCE_VERBS,
    QUOTE_ONLY_VERBS,
    RAISING_VERBS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    VENUE_NOUNS,
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
    "clarification",
    "the latest",
    "source",
    "sources",
    "image",
    "video",
    "credit",
    "caption",
    "q",
    "a",
}
_NOT_CUE_ADVERBS = {"however", "meanwhile", "so", "thus", "therefore", "instead", "yet"}
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
        return _cue_left(doc, verb.head)  # "wanted to know"
    head = verb.head
    if (
        verb.dep_ in ("xcomp", "advcl")
        and first > 1
        and doc[first].lower_ == "to"
        and doc[first - 1].dep_ == "prt"
        and doc[first - 1].head.i == head.i
        and doc[first - 2].i == head.i
    ):
        return _cue_left(doc, head)  # "went on to explain", "going on to say"
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
        elif child.dep_ == "advmod" and child.tag_ == "RB" and child.lower_.endswith("ly"):
            last = child.right_edge.i  # "said sarcastically", "spoke emotionally"
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


_GERUND_PREPS = frozenset({"by", "after", "before", "despite", "while", "from", "since", "upon"})


def _subject(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJ:
            return child
    # "..., saying ...", "and added that ...": the subject of the verb this one hangs from
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ in ("nsubj",) and child.i < verb.head.i:
                return child
    # "responded by saying ...", "after telling ...": the gerund's subject is the clause's
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in _GERUND_PREPS and depth < 2:
        host = prep.head
        if host.pos_ in ("VERB", "AUX"):
            return _subject(host, depth + 1)
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _misparsed_clause(verb: Token) -> Token | None:
    """ "Trump said after the convention he would not accept ...": a clause with its own subject and
    no subordinator, parsed as an adverbial of a speech verb, is its complement."""
    if LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower()) not in SPEECH_VERBS:
        return None
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.i > verb.i
            and c.pos_ in ("VERB", "AUX")
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            and not any(g.dep_ == "mark" and g.lower_ != "that" for g in c.children)
            and not any(g.dep_ == "advmod" and g.tag_ == "WRB" for g in c.children)
            and _clean_between(verb, c)
        ):
            return c
    return None


def _clean_between(verb: Token, clause: Token) -> bool:
    """No comma or quote mark between the verb and the clause's left edge."""
    return not any(t.text in ',“”"' for t in verb.doc[verb.i + 1 : clause.left_edge.i])


_TIME_PREPS = frozenset({"after", "before", "during", "since", "following"})


def _past_leading_time(doc: Doc, clause: Token, first: int) -> int:
    """ "said on Monday she would ...", "said after the convention he would ...": a time phrase
    before the clause's subject is the saying's, not the content's."""
    subj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i <= first:
        return first
    lead = [c for c in clause.children if first <= c.i < subj.left_edge.i and not c.is_punct]
    if (
        not lead
        or lead[0].left_edge.i != first
        or max(c.right_edge.i for c in lead) + 1 < subj.left_edge.i - 1
    ):
        return first
    for c in lead:
        dated = c.ent_type_ in ("DATE", "TIME") or any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        if not (c.dep_ in ("prep", "npadvmod") and (dated or c.lower_ in _TIME_PREPS)):
            return first
    return subj.left_edge.i


def _clausal(verb: Token) -> Token | None:
    """The verb's clausal complement: one with "that" first, then one after the verb."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return _misparsed_clause(verb)
    if len(clauses) == 1:
        return clauses[0]
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


def _quote_after(text: str, tok_end: int, quoted: list[Quoted]) -> Quoted | None:
    """A quoted stretch starting right after char ``tok_end`` of ``text`` (past ':' ',' and spaces)."""
    j = tok_end
    while j < len(text) and (text[j] in " ,:\t" or text[j] == "\n"):
        j += 1
    for q in quoted:
        if q.start == j:
            return q
    return None


def _quote_before(text: str, start: int, quoted: list[Quoted]) -> Quoted | None:
    """A quoted stretch ending right before char ``start`` of ``text`` in the same paragraph (only
    spaces or commas between)."""
    for q in quoted:
        if q.end <= start and start - q.end <= 3 and not text[q.end : start].strip(" ,"):
            return q
    return None


_OBJECT_PREPS = frozenset({"as", "for", "of"})
_RESPONSE_VERBS = frozenset({"respond", "reply"})
_RESPONSE_PREPS = frozenset({"by", "with", "to"})
OBJECT_DEPS = {"dobj", "xcomp", "oprd", "ccomp", "attr", "acomp", "dative"}


def _object_stance(verb: Token, lemma: str, cue_last: int, source: Token) -> bool:
    """Whether an object verb reads as a stance here: "push" needs its particle, "see" an "as",
    "find" a study, poll or court for subject or a predicate on its object."""
    if lemma in OBJECT_NEEDS_PARTICLE and cue_last == verb.i:
        return False
    if lemma in OBJECT_NEEDS_FINDER:
        return (
            source.lemma_.lower() in SOURCE_NOUNS
            or source.lower_ in SOURCE_NOUNS
            or source.ent_type_ == "ORG"
            or any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in verb.children)
        )
    if lemma in OBJECT_NEEDS_AS:
        return any(
            t.lower_ == "as" and t.i > verb.i and verb.i in (t.head.i, t.head.head.i) for t in verb.subtree
        )
    return True


def _for_clause(verb: Token, tok: Token) -> bool:
    """ "called for Congress to act": "for" opening an infinitive clause of the verb."""
    return (
        tok.lower_ == "for" and tok.dep_ == "mark" and tok.head.head.i == verb.i and tok.head.dep_ == "advcl"
    )


def _object_content(doc: Doc, verb: Token, cue_last: int) -> tuple[int, int] | None:
    """ "called X Y", "wants to ...", "called for X": the complements after the cue."""
    preps = CUE_PARTICLES.get(LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower()), frozenset())
    kids = [
        c
        for c in verb.children
        if c.i > cue_last
        and (c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in preps | _OBJECT_PREPS))
    ]
    lemma = verb.lemma_.lower()
    if lemma in _RESPONSE_VERBS and not kids:
        # "responded by using X", "did not immediately respond to requests for comment": the
        # response with its preposition; not one that holds its own cue ("by saying ...")
        kids = [
            c
            for c in verb.children
            if c.i == cue_last + 1 and c.dep_ == "prep" and c.lower_ in _RESPONSE_PREPS
        ]
        rest = [t for c in verb.children if c.i > cue_last for t in c.subtree]
        if any(
            t.pos_ == "VERB" and LEMMA_FIXES.get(t.lower_, t.lemma_.lower()) in SPEECH_VERBS for t in rest
        ):
            return None
    last_tok = doc[cue_last]
    if cue_last > verb.i and last_tok.dep_ in ("prep", "prt"):
        # "called for X", "could call on their help" (the particle's object)
        kids.extend(g for g in last_tok.children if g.dep_ in ("pobj", "pcomp"))
    if cue_last > verb.i and _for_clause(verb, last_tok):
        kids.append(last_tok.head)  # "called for Congress to act": the clause after "for"
    if not kids:
        return None
    last = max(c.right_edge.i for c in kids)
    while (cut := _before_trailing_venue(doc, verb, cue_last + 1, last)) < last:
        last = cut
    return _range_from(doc, cue_last + 1, _before_trailing_relative(doc, cue_last + 1, last))


_VENUE_PREPS = frozenset({"in", "on", "during", "at"})


def _before_trailing_venue(doc: Doc, verb: Token, first: int, last: int) -> int:
    """Drop a closing "in a statement", "on Twitter", "during a forum", "in July" hung on the cue
    verb or its object: where and when it was said, not what."""
    for t in doc[first + 1 : last + 1]:
        if t.dep_ != "prep" or t.lower_ not in _VENUE_PREPS or t.right_edge.i != last:
            continue
        if verb.i not in (t.head.i, t.head.head.i):
            continue
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if (
            pobj.lemma_.lower() in VENUE_NOUNS
            or pobj.lower_ in VENUE_NOUNS
            or pobj.ent_type_ in ("DATE", "TIME")
        ):
            return t.i - 1
    return last


def _before_trailing_relative(doc: Doc, first: int, last: int) -> int:
    """Drop a closing non-restrictive relative clause: "likened RT to the BBC, which ..." ends at BBC."""
    for t in doc[first : last + 1]:
        lead = t.left_edge.i
        if (
            t.dep_ == "relcl"
            and lead > first + 1
            and doc[lead - 1].text == ","
            and t.left_edge.lower_ in ("who", "which", "whose")
            and t.right_edge.i >= last - 1
        ):
            return lead - 2
    for j in range(first + 2, last):
        if (
            doc[j].text in _DASHES | {"-"}
            and doc[j].whitespace_
            and not any(t.text in _DASHES | {"-"} for t in doc[j + 1 : last + 1])
        ):
            return j - 1  # "at a 15 percent rate -- far lower than ...": a closing aside
    return last


def _inside(char: int, quoted: list[Quoted]) -> bool:
    return any(q.start <= char < q.end for q in quoted)


def _colon_rest(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """ "The governor added: It is typical of her. ...": the rest of the paragraph after the colon."""
    j = verb.i + 1
    while j < len(doc) and (doc[j].dep_ in ("advmod", "npadvmod") and doc[j].head.i == verb.i):
        j += 1
    if j >= len(doc) or doc[j].text != ":":
        return None
    text = doc_text(doc)
    start = doc[j].idx + 1
    while start < len(text) and text[start] in " \t\u00a0":
        start += 1
    if text[start : start + 1] == "\n":  # "Limbaugh added:" closing its paragraph: the next one
        while start < len(text) and text[start].isspace():
            start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end - start > 2 else None


_DISCOURSE = {"however", "meanwhile", "still", "moreover", "indeed", "instead", "nevertheless"}
_DASHES = {"―", "—", "--", "–"}
_LEADING_CC = {"but", "and", "yet", "so", "or"}


def _names_after_quote(doc: Doc, first: int, src_first: int, quoted: list[Quoted]) -> tuple[int, int] | None:
    """Proper nouns stranded between a closing quote and the source: ``(content last, source first)``."""
    for q in quoted:
        if q.start < doc[first].idx - 1 or q.end > doc[src_first].idx:
            continue
        j = src_first - 1
        while j >= first and (doc[j].pos_ == "PROPN" or doc[j].is_title) and doc[j].idx >= q.end:
            j -= 1
        if j < src_first - 1 and j >= first and doc[j].idx + len(doc[j].text) == q.end:
            return j, j + 1
    return None


def _range_from(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    first, last = trim_tokens(doc, first, last)
    # "But ...", "However, ..." and a dateline "WASHINGTON ― ..." are the writer's, not the source's
    if first + 1 < last and doc[first].is_sent_start and doc[first].lower_ in _LEADING_CC:
        first, last = trim_tokens(doc, first + 1, last)
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
    root = sent.root.i
    if sent.start <= root < cut[0] and cut[1] < sent.end - 1:
        first, last = sent.start, cut[0] - 1  # the side that holds the main verb, not the longer one
    elif cut[1] < root < sent.end and cut[0] > sent.start:
        first, last = cut[1] + 1, sent.end - 1
    else:
        first, last = exclude(sent.start, sent.end - 1, cut[0], cut[1])
    doc = verb.doc
    first = _skip_fronted(doc, first, last, sent.root)
    return _range_from(doc, first, last)


def _before_last_comma(doc: Doc, src: tuple[int, int]) -> tuple[int, int]:
    """A fronted source whose parse swallowed the rest of its sentence ends before its last comma
    followed by a verb: "According to host Rush Limbaugh, the move reeks of fear"."""
    first, last = src
    for j in range(last - 1, first, -1):
        if doc[j].text == "," and any(
            t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBZ", "NNS") for t in doc[j + 1 : last + 1]
        ):
            return first, j - 1
    return src


def _parenthetical(doc: Doc, first: int, last: int, cut: tuple[int, int]) -> bool:
    """Whether ``cut`` sits between commas inside ``first..last`` ("A, he said, B")."""
    c0, c1 = cut
    if doc[c0].text != ",":
        c0 -= 1
    if doc[c1].text != ",":
        c1 += 1
    return first < c0 and c1 < last and doc[c0].text == doc[c1].text == ","


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


def _quoted_characterization(verb: Token) -> bool:
    """ "Reid has gone after Trump as a “con artist”", "admires Putin as a “strong leader”": any verb
    casting its object as something in quotation marks, with a subject that can hold a view."""
    if verb.pos_ != "VERB":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _human_like(subj):
        return False
    obj = next((c for c in verb.subtree if c.dep_ in ("dobj", "pobj") and c.i > verb.i), None)
    if obj is None:
        return False
    for t in verb.subtree:
        if t.lower_ == "as" and t.dep_ == "prep" and t.i > obj.i and t.head.i in (verb.i, obj.i):
            return any(g.text in '“”"' or g.text == "''" for g in t.subtree)
    return False


def _generic_cue(verb: Token) -> bool:
    """A verb outside the lexicon still cues an attribution with a human subject and a "that" clause."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _human_like(subj):
        return False
    clause = _clausal(verb)
    if clause is None or clause.i < verb.i:
        return False
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return True
    # "cannot fathom how ...", "explained why ..."
    return clause.left_edge.i > verb.i and clause.left_edge.lower_ in ("how", "why", "whether")


def _noun_candidate(doc: Doc, noun: Token) -> Candidate | None:
    """ "Trump's claim that ...", "her decision to meet ...": possessor, noun, clause."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = None
    for c in noun.children:
        if c.i <= noun.i or c.dep_ not in ("acl", "ccomp", "relcl", "xcomp"):
            continue
        marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "aux")}
        if poss is None:
            # no stated holder: a worry or claim with a "that" complement, never a relative clause
            if (
                noun.lower_ in BARE_NOUN_CUES
                and c.dep_ in ("acl", "ccomp")
                and "that" in marks
                and c.left_edge.lower_ == "that"
                and any(g.dep_ in SUBJ for g in c.children)
            ):
                clause = c
                break
            continue
        if "that" in marks or (c.dep_ in ("acl", "xcomp") and "to" in marks):
            clause = c
            break
    if clause is None:
        return None
    content = _range_from(doc, *subtree_range(clause))
    if content is None:
        return None
    src = subtree_range(poss) if poss is not None else None
    head = poss.i if poss is not None else None
    first = noun.i
    if poss is None:  # "growing concerns that ...", "a recognition that ...": the modifiers are the cue's
        while first - 1 >= 0 and doc[first - 1].head.i == noun.i and doc[first - 1].dep_ in ("det", "amod"):
            first -= 1
    return Candidate(char_span(doc, first, noun.i), noun.i, content, src, head, "noun")


def _before_conjoined_cue(doc: Doc, first: int, last: int) -> int:
    """End a content before a conjoined cue of its own: "that A and suggested that B" holds two
    attributions, "A" and "that B"."""
    for t in doc[first + 1 : last + 1]:
        if t.dep_ != "conj" or t.pos_ != "VERB" or not first <= t.head.i <= last:
            continue
        lemma = LEMMA_FIXES.get(t.lower_, t.lemma_.lower())
        if lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS:
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children):
            continue  # "A and B said C" inside the content is the content's own
        if not any(g.dep_ in ("ccomp", "xcomp", "dobj") and g.i > t.i for g in t.children):
            continue
        cut = t.left_edge.i - 1
        while cut > first and (doc[cut].dep_ == "cc" or doc[cut].is_punct):
            cut -= 1
        return cut
    return last


_CONTINUING_MARKS = frozenset({"so", "because", "since", "but"})


def _conjoined_end(doc: Doc, verb: Token, last: int) -> int:
    """Extend a clause ending at ``last`` over what the parse hung on the cue verb after it:
    "said that A, and there was B", "pointed out that A, so B" (not "and said ...", a cue of its own)."""
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= last or child.left_edge.i > last + 3:
            continue
        between = doc[last + 1 : child.left_edge.i]
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        lemma = LEMMA_FIXES.get(child.lower_, child.lemma_.lower())
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            own_subject = any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in child.children)
            if not own_subject or lemma in SPEECH_VERBS or lemma in OBJECT_VERBS:
                break
        elif child.dep_ == "advcl":
            mark = next((g.lower_ for g in child.children if g.dep_ == "mark"), None)
            if mark not in _CONTINUING_MARKS:
                break
        else:
            continue
        last = child.right_edge.i
    return last


_WH = frozenset({"what", "which"})


_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "advise"})


def _own_object(verb: Token) -> bool:
    """Whether the cue verb states what is said after it ("noted Bill's comments", "called the
    citation a ploy", "tells voters to go"), so a quote before it is not its content."""
    for c in verb.children:
        if c.i <= verb.i:
            continue
        if c.dep_ in ("xcomp", "ccomp", "oprd"):
            return True
        if c.dep_ == "dobj" and verb.lemma_.lower() not in _ADDRESSEE_VERBS:
            return True
    return False


def _put_it(doc: Doc, verb: Token) -> Candidate | None:
    """ "As Ms. Simonyan put it, RT is ...": the sentence around the "as" clause is the content."""
    if verb.lemma_ != "put" or verb.dep_ != "advcl":
        return None
    it = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    subj = next((c for c in verb.children if c.dep_ in SUBJ), None)
    if it is None or subj is None or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    cut = subtree_range(verb)
    # the clause the "as" clause hangs on, not the whole sentence ("A echo B, because C, as X put it")
    first, last = exclude(*subtree_range(verb.head), *cut)
    if doc[first].dep_ == "mark" and doc[first].head.i == verb.head.i:
        first += 1  # "because ...": the subordinator is the writer's
    content = _range_from(doc, _skip_fronted(doc, first, last, verb.head), last)
    if content is None:
        return None
    cue = char_span(doc, _cue_left(doc, verb), it.i)
    return Candidate(cue, verb.i, content, subtree_range(subj), subj.i, "inverted")


def _passive_candidate(doc: Doc, verb: Token, lemma: str) -> Candidate | None:
    """ "Obama's veto is expected to come", "peacekeepers have been blamed for ...": a passive stance
    with no agent; the content runs from the subject over the complement, cue included."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subj is None or subj.lower_ in _NON_HUMAN_PRONOUNS - {"it", "this", "that"}:
        return None
    preps = CUE_PARTICLES.get(lemma, frozenset()) | {"for", "of", "as"}
    cue_last = verb.i
    comps = []
    for c in verb.children:
        if c.i <= verb.i:
            continue
        if (
            c.dep_ == "xcomp"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            or c.dep_ in ("oprd", "ccomp")
        ):
            comps.append(c)
        elif c.dep_ == "prep" and c.lower_ in preps and c.i == verb.i + 1:
            comps.append(c)
            cue_last = c.i
    if not comps:
        return None
    content = _range_from(doc, subj.left_edge.i, max(c.right_edge.i for c in comps))
    if content is None:
        return None
    return Candidate(char_span(doc, _cue_left(doc, verb), cue_last), verb.i, content, None, None, "passive")


def _agent_passive_candidate(doc: Doc, verb: Token, lemma: str) -> Candidate | None:
    """ "Clinton has been endorsed by dozens of papers", "the issue was first reported by the Post":
    a main-clause passive of a cue verb; the agent is the source, the subject what is attributed."""
    if verb.dep_ not in ("ROOT", "conj", "ccomp") or lemma not in CUE_VERBS:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    by = next((c for c in verb.children if c.dep_ == "agent" and c.i > verb.i), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    pobj = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if pobj is None or subj is None or by.i != verb.i + 1:  # "by" right after the verb
        return None
    content = _range_from(doc, *subtree_range(subj))
    if content is None:
        return None
    src = subtree_range(pobj)
    return Candidate(char_span(doc, _cue_left(doc, verb), by.i), verb.i, content, src, pobj.i, "passive")


_POLL_NOUNS = frozenset({"poll", "survey", "estimate", "tally"})


def _poll_candidate(doc: Doc, prep: Token) -> Candidate | None:
    """ "In this poll, Trump rose ...", "gains in some polls", "300,000 acres, by one estimate": the
    poll is the source, the preposition the cue, the clause (or noun phrase) it qualifies the content."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "by"):
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _POLL_NOUNS:
        return None
    head = prep.head
    cut = subtree_range(prep)
    first, last = subtree_range(head)
    if head.pos_ in ("NOUN", "PROPN") and prep.i > head.i:
        last = prep.i - 1  # "Trump's recent gains in some polls"
    elif head.pos_ in ("VERB", "AUX"):
        first, last = exclude(first, last, *cut)
    else:
        return None
    content = _range_from(doc, first, last)
    if content is None:
        return None
    return Candidate(char_span(doc, prep.i, prep.i), prep.i, content, subtree_range(pobj), pobj.i, "poll")


_STANCE_PREPS = frozenset({"about", "over", "for", "of", "with", "on", "to", "at", "against"})


_DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "paper", "papers", "report", "release", "resolution", "memo", "brief"}
)
_ISSUING_VERBS = frozenset({"issue", "file", "release", "publish", "send", "sign", "submit", "post", "put"})


def _with_particles(doc: Doc, verb: Token, lemma: str) -> int:
    """Last token of ``verb`` with the particles of its cue hung on it ("summing up", "speaking of")."""
    last = verb.i
    allowed = CUE_PARTICLES.get(lemma, frozenset())
    while last + 1 < len(doc) and doc[last + 1].lower_ in allowed and doc[last + 1].head.i == verb.i:
        last += 1
    return last


def _document_candidate(doc: Doc, verb: Token, lemma: str) -> Candidate | None:
    """ "issued a statement calling X Y", "filed papers opposing X": the issuer is the source; the
    issuing verb, its document and the gerund make the cue (a conjoined gerund is a cue alone)."""
    if verb.tag_ != "VBG" or lemma not in CUE_VERBS:
        return None
    gerund = verb.head if verb.dep_ == "conj" else verb
    noun = gerund.head
    if (
        gerund.dep_ != "acl"
        or gerund.tag_ != "VBG"
        or noun.dep_ != "dobj"
        or noun.lower_ not in _DOCUMENT_NOUNS
    ):
        return None
    issuer = noun.head
    subj = next((c for c in issuer.children if c.dep_ == "nsubj"), None)
    if subj is None or issuer.lemma_.lower() not in _ISSUING_VERBS or subj.i > issuer.i:
        return None
    cue_last = _with_particles(doc, verb, lemma)
    content = _object_content(doc, verb, cue_last)
    if content is None:
        return None
    first = verb.i if verb is not gerund else _cue_left(doc, issuer)
    return Candidate(
        char_span(doc, first, cue_last), verb.i, content, subtree_range(subj), subj.i, "document"
    )


def _light_verb_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """ "expressed deep concern about X", "raised questions about X": verb, stance noun and
    preposition make the cue; its object is the content."""
    subj = _subject(verb)
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subj is None or noun is None or subj.i > verb.i:
        return None
    if LEMMA_FIXES.get(noun.lower_, noun.lemma_.lower()) not in STANCE_NOUNS:
        return None
    prep = next((c for c in [*noun.children, *verb.children] if c.dep_ == "prep" and c.i > noun.i), None)
    if prep is None or prep.lower_ not in _STANCE_PREPS or prep.i != noun.i + 1:
        prep = None
    if prep is not None:
        pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        content = _range_from(doc, prep.i + 1, prep.right_edge.i)
        cue_last = prep.i
    else:
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i), None)
        if clause is None or clause.left_edge.lower_ != "that":
            return None
        content = _range_from(doc, *subtree_range(clause))
        cue_last = noun.i
    if content is None:
        return None
    cue = char_span(doc, _cue_left(doc, verb), cue_last)
    return Candidate(cue, verb.i, content, subtree_range(subj), subj.i, "light_verb")


def _raising_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """ "Melania seems to have vanished", "X appears too risky": a stance with no stated source;
    the content is the whole clause, cue included (PolNeAR scores it as one extent)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "oprd", "acomp") and c.i > verb.i), None)
    if subj is None or comp is None or subj.i > verb.i:
        return None
    to_clause = any(g.dep_ == "aux" and g.lower_ == "to" for g in comp.children)
    if comp.dep_ == "xcomp" and not to_clause:
        return None
    if (verb.lemma_ == "appear" and not to_clause) or subj.lower_ in ("him", "her", "them", "me", "us"):
        return None  # "appeared steady" is a look, not a stance; "made him seem" is the maker's
    if LEMMA_FIXES.get(comp.lower_, comp.lemma_.lower()) in SPEECH_VERBS:
        return None  # "appeared to suggest that ...": the verb chain is the cue
    content = _range_from(doc, subj.left_edge.i, comp.right_edge.i)
    if content is None:
        return None
    return Candidate(_cue_span(doc, verb), verb.i, content, None, None, "raising")


def _holder_candidate(doc: Doc, adj: Token) -> Candidate | None:
    """ "Graham has been critical of Trump", "Aides were sure that ...": a copula, a stance adjective
    and its object or clause; the subject holds the stance."""
    be = adj.head
    if adj.dep_ not in ("acomp", "attr") or be.lemma_ not in ("be", "remain", "seem", "appear", "become"):
        return None
    subj = next((c for c in be.children if c.dep_ == "nsubj" and c.i < be.i), None)
    if subj is None or not _human_like(subj):
        return None
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i), None)
    clause = next((c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i), None)
    if prep is not None and prep.lower_ in HOLDER_PREPS and prep.right_edge.i == adj.right_edge.i:
        if not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            return None
        content = _range_from(doc, prep.i + 1, prep.right_edge.i)
        cue_last = prep.i
    elif clause is not None and prep is None:
        content = _range_from(doc, *subtree_range(clause))
        cue_last = adj.i
    else:
        return None
    if content is None:
        return None
    return Candidate(
        char_span(doc, _cue_left(doc, be), cue_last), adj.i, content, subtree_range(subj), subj.i, "holder"
    )


def _evaluative_candidate(doc: Doc, adj: Token) -> Candidate | None:
    """ "It was unclear whether ...", "Nor is it clear that ...": an impersonal stance on a clause."""
    be = adj.head
    if adj.dep_ != "acomp" or be.lemma_ != "be":
        return None
    it = next((c for c in be.children if c.dep_ in ("nsubj", "expl") and c.lower_ == "it"), None)
    clause = next((c for c in [*be.children, *adj.children] if c.dep_ == "ccomp" and c.i > adj.i), None)
    if it is None or clause is None:
        return None
    lead = [it.i, be.i, *(c.i for c in be.children if c.dep_ in ("aux", "neg") and c.i < adj.i)]
    first = min(lead)
    if first > 0 and doc[first - 1].lower_ in ("nor", "neither") and doc[first - 1].head.i == be.i:
        first -= 1
    content = _range_from(doc, *subtree_range(clause))
    if content is None:
        return None
    return Candidate(char_span(doc, first, adj.i), adj.i, content, None, None, "evaluative")


def find_candidates(doc: Doc, quoted: list[Quoted]) -> list[Candidate]:
    """Attribution candidates of ``doc``, in text order."""
    out: list[Candidate] = []
    text = doc_text(doc)  # built from the tokens on every access: read it once
    for tok in doc:
        lower = tok.lower_
        cue_span: tuple[int, int] | None = None
        if lower == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            src = subtree_range(pobj)
            if tok.i == tok.sent.start and src[1] >= tok.sent.end - 2:
                # "According to X, the move reeks ...": the parse made the rest an apposition of X
                src = _before_last_comma(doc, src)
            cut = (tok.i, src[1])
            content = _outside(tok, cut)
            if content is None:
                continue
            out.append(
                Candidate(char_span(doc, tok.i, tok.i + 1), tok.i, content, src, pobj.i, "according_to")
            )
            continue
        if lower in ("in", "by") and not _inside(tok.idx, quoted):
            poll = _poll_candidate(doc, tok)
            if poll is not None:
                out.append(poll)
            continue
        lemma = LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())
        if lemma in RAISING_VERBS and tok.pos_ in ("VERB", "AUX") and not _inside(tok.idx, quoted):
            raised = _raising_candidate(doc, tok)
            if raised is not None:
                out.append(raised)
            continue
        if tok.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES and not _inside(tok.idx, quoted):
            stance = _evaluative_candidate(doc, tok)
            if stance is not None:
                out.append(stance)
                continue
        holder = (tok.pos_ == "ADJ" and lemma in HOLDER_ADJECTIVES) or (
            tok.pos_ == "NOUN" and tok.lower_ in HOLDER_NOUNS and tok.dep_ == "attr"
        )
        if holder and not _inside(tok.idx, quoted):
            held = _holder_candidate(doc, tok)
            if held is not None:
                out.append(held)
            continue
        if tok.pos_ == "NOUN" and lemma in NOUN_CUES:
            noun = _noun_candidate(doc, tok)
            if noun is not None:
                out.append(noun)
            continue
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and lemma in SPEECH_VERBS):
            continue
        if lemma in PASSIVE_STANCE_VERBS and tok.tag_ == "VBN" and not _inside(tok.idx, quoted):
            passive = _passive_candidate(doc, tok, lemma)
            if passive is not None:
                out.append(passive)
                continue
        if tok.tag_ == "VBN" and not _inside(tok.idx, quoted):
            by_agent = _agent_passive_candidate(doc, tok, lemma)
            if by_agent is not None:
                out.append(by_agent)
                continue
        if lemma in LIGHT_VERBS and tok.pos_ == "VERB" and not _inside(tok.idx, quoted):
            light = _light_verb_candidate(doc, tok)
            if light is not None:
                out.append(light)
                continue
        document = _document_candidate(doc, tok, lemma)
        if document is not None:
            out.append(document)
            continue
        put_it = _put_it(doc, tok)
        if put_it is not None:
            out.append(put_it)
            continue
        branding = _quoted_characterization(tok)
        if lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS and not branding and not _generic_cue(tok):
            continue
        if any(q.start < tok.idx < q.end for q in quoted):
            continue  # a cue inside a quotation belongs to the quoted speaker's own words
        subj = _subject(tok)
        src_start: int | None = None
        if subj is not None and _inside(subj.idx, quoted):
            subj = next((c for c in tok.children if c.dep_ in SUBJ and not _inside(c.idx, quoted)), None)
        agent = _agent(tok) if lemma in AGENT_CUES else None
        source_tok = subj if agent is None else agent
        clause = _clausal(tok)
        content: tuple[int, int] | None = None
        pattern = "verb"
        after = _quote_after(text, tok.idx + len(tok.text), quoted)
        colon = _colon_rest(doc, tok)
        if branding and lemma not in SPEECH_VERBS and lemma not in OBJECT_VERBS:
            pass  # only its object is attributed (below)
        elif after is not None and (clause is None or clause.i >= tok.i):
            content = (after.start, after.end)
            pattern = "quote_after"
            if source_tok is not None:
                # "“A,” he said, “B.”": the cue belongs to A; B continues it
                start = doc[min(source_tok.left_edge.i, _cue_left(doc, tok))].idx
                before = _quote_before(text, start, quoted)
                if before is not None and doc[tok.sent.start].idx <= before.start:
                    content, pattern = (before.start, before.end), "quote_before"
        elif colon is not None and lemma in SPEECH_VERBS:
            content, pattern = colon, "colon_after"
        elif clause is not None and lemma not in QUOTE_ONLY_VERBS:
            first, last = subtree_range(clause)
            if clause.i > tok.i:
                first = _past_leading_time(doc, clause, first)
                last = _conjoined_end(doc, tok, last)
                last = _before_conjoined_cue(doc, first, last)
            if clause.i < tok.i and source_tok is not None:
                last = min(last, source_tok.left_edge.i - 1)
                start = tok.sent.start
                if all(t.dep_ == "cc" or t.is_punct for t in doc[start:first]) and start < first:
                    first = start  # "But a campaign operative decided ..., a source said."
                surface = _surface_inverted(doc, tok) if lemma in SPEECH_VERBS else None
                if surface is not None and surface[0][0] == source_tok.left_edge.i:
                    first, last = surface[1]  # "A, but B, the source added.": the whole sentence
                stray = _names_after_quote(doc, first, source_tok.left_edge.i, quoted)
                if stray is not None:  # “...,” Tulsa police Chief Chuck Jordan said
                    last, src_start = stray
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
            if _parenthetical(doc, first, last, cut):
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
        if content is None and source_tok is not None and lemma in SPEECH_VERBS and not _own_object(tok):
            before = _quote_before(text, doc[min(source_tok.left_edge.i, tok.i)].idx, quoted)
            if before is not None:
                content, pattern = (before.start, before.end), "quote_before"
        objective = branding or lemma in OBJECT_VERBS or (lemma in SPEECH_VERBS and lemma not in NEEDS_CLAUSE)
        if (
            content is None
            and source_tok is not None
            and objective
            and source_tok.i < tok.i
            and not (tok.dep_ == "pcomp" and source_tok.head.i != tok.i)  # "by emphasizing X"
        ):
            cue_last = tok.i
            allowed = CUE_PARTICLES.get(lemma, frozenset())
            while cue_last + 1 < len(doc) and doc[cue_last + 1].lower_ in allowed:
                nxt = doc[cue_last + 1]
                if nxt.head.i not in (tok.i, cue_last) and not _for_clause(tok, nxt):
                    break
                cue_last = nxt.i
            # generic "you" holds no stance: "you vote for her", "you can sum it up"
            stance = source_tok.lower_ != "you" and _object_stance(tok, lemma, cue_last, source_tok)
            content = _object_content(doc, tok, cue_last) if stance else None
            if content is not None:
                pattern = "object"
                cue_span = char_span(doc, _cue_left(doc, tok), cue_last)
                wh = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in _WH), None)
                if wh is not None and wh.i < source_tok.i:
                    # "what she called a “rant”": the relative clause is what is attributed
                    content = _range_from(doc, wh.i, tok.right_edge.i) or content
        if agent is not None and cue_span is None:
            by = agent.head
            first = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "as" else tok.i
            cue_span = char_span(doc, first, by.i)
        src = subtree_range(source_tok) if source_tok is not None else None
        if src is not None and src_start is not None:
            src = (min(src[0], src_start), src[1])
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
    return _trailing_participles(doc, out, quoted)


_OUTER_PATTERNS = frozenset({"verb", "quote_after", "quote_before", "inverted", "object"})


def _participle_cue(doc: Doc, verb: Token, tok: Token, quoted: list[Quoted]) -> bool:
    """Whether ``tok`` is a subjectless cue participle after a comma under the speech verb
    ``verb``: "X said ..., citing Y", "“...,” said X, summing up Y"."""
    lemma = LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower())
    return (
        tok.tag_ == "VBG"
        and tok.pos_ == "VERB"
        and (doc[tok.i - 1].text == "," or (tok.i < verb.i and _fronted(doc, tok)))
        and lemma in CUE_VERBS
        and lemma not in QUOTE_ONLY_VERBS
        and not any(c.dep_ in SUBJ for c in tok.children)
        and any(a.i == verb.i for a in tok.ancestors)
        and not _inside(tok.idx, quoted)
    )


def _fronted(doc: Doc, tok: Token) -> bool:
    """ "Citing X, Trump said ...": the participle opens its sentence and a comma closes it."""
    start = tok.sent.start
    lead = doc[start : tok.i]
    after = tok.right_edge.i + 1
    return all(t.is_punct or t.dep_ == "cc" for t in lead) and after < len(doc) and doc[after].text == ","


def _participle_content(doc: Doc, tok: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Cue and content of a trailing cue participle: its clause, else its object complements."""
    clause = _clausal(tok)
    if clause is not None and clause.i > tok.i:
        return _cue_span(doc, tok), char_span(doc, *subtree_range(clause))
    cue_last = _with_particles(doc, tok, LEMMA_FIXES.get(tok.lower_, tok.lemma_.lower()))
    content = _object_content(doc, tok, cue_last)
    if content is None:
        return None
    return char_span(doc, _cue_left(doc, tok), cue_last), content


def _trailing_participles(doc: Doc, cands: list[Candidate], quoted: list[Quoted]) -> list[Candidate]:
    """ "X said A, citing B": "citing" is an attribution of its own, held by X, and A ends at the
    comma; the parse hangs the participle on the speech verb or inside A."""
    at = {c.cue_token: i for i, c in enumerate(cands)}
    out = list(cands)
    claimed: set[int] = set()
    for i, outer in enumerate(cands):
        verb = doc[outer.cue_token]
        lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_.lower())
        if outer.source is None or outer.pattern not in _OUTER_PATTERNS or lemma not in SPEECH_VERBS:
            continue
        for tok in doc[verb.sent.start : verb.sent.end]:
            if tok.i in claimed or not _participle_cue(doc, verb, tok, quoted):
                continue
            found = _participle_content(doc, tok)
            if found is None:
                continue
            claimed.add(tok.i)
            own = at.get(tok.i)
            cue, content = (cands[own].cue, cands[own].content) if own is not None else found
            part = Candidate(cue, tok.i, content, outer.source, outer.source_head, "participle")
            if own is not None:
                out[own] = part
            else:
                out.append(part)
            comma = doc[tok.i - 1].idx
            split = outer.content[0] < outer.cue[0] < outer.content[1]  # “A,” he said, citing B, “C.”
            if outer.content[0] < comma < outer.content[1] and not split:
                before = doc[tok.i - 2]
                content = (outer.content[0], before.idx + len(before.text))
                out[i] = Candidate(
                    outer.cue, outer.cue_token, content, outer.source, outer.source_head, outer.pattern
                )
            break
    out.sort(key=lambda c: c.cue[0])
    return out


def colon_candidates(doc: Doc) -> list[Candidate]:
    """Transcript and headline attributions: a line opening with a short name and a colon."""
    out: list[Candidate] = []
    text = doc_text(doc)
    for m in _COLON_LINE.finditer(text):
        name = m.group("name")
        if name.lower() in _NOT_SPEAKERS or any(c.isdigit() for c in name):
            continue
        src = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
        colon = doc.char_span(m.end("name"), m.start("content"), alignment_mode="expand")
        end = len(m.group("content").rstrip()) + m.start("content")
        if src is None or colon is None or end - m.start("content") < 3:
            continue
        colon_tok = next((t for t in colon if t.text == ":"), None)
        if colon_tok is None or any(t.tag_ in ("VBZ", "VBD", "VBP") for t in src):
            continue  # a heading with a verb ("The Gap Goes On: ...") names no speaker
        while end > m.start("content") + 1 and text[end - 1] in ".;," and text[end - 2] not in ".":
            end -= 1  # the closing period is the writer's ("Poll: Clinton and Trump tied.")
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
