"""Pronoun and definite-description resolution by rule: "he", "his", "the general" -> a person."""

from __future__ import annotations

from polemos.extract.actor_rules.lexicon import PERSON_PRONOUNS, TITLES
from polemos.model import Actor, Mention
from polemos.nlp.parsed import ParsedArticle

WINDOW = 2  # sentences back from the pronoun's own
_ROLE_NOUNS = frozenset(t for t in TITLES if t.isalpha() and len(t) > 3)


def antecedent(parsed: ParsedArticle, persons: list[Mention], token_index: int) -> Actor | None:
    """The person a pronoun or "the <title>" at ``token_index`` refers to, when the evidence is clear.

    Candidates are person mentions before the token in its sentence and the ``WINDOW`` sentences
    before; a "the <title>" description needs a candidate whose role holds that title.  The most
    recent grammatical subject wins, else the most recent mention; a mention the pronoun is
    inside or a possessor of the pronoun's own phrase is never chosen.
    """
    doc = parsed.doc
    tok = doc[token_index]
    sent = parsed.sentence_index(tok.idx)
    window = [
        m for m in persons if sent - WINDOW <= m.evidence.sentence <= sent and m.evidence.end <= tok.idx
    ]
    if tok.lower_ in _ROLE_NOUNS:
        window = [
            m
            for m in window
            if m.role
            and tok.lower_ in m.role.lower().replace(".", "")
            or m.role
            and tok.lower_[:3] in m.role.lower()
        ]
    if _inside_quote(parsed, tok.idx):  # a quoted "he" is rarely the speaker
        window = [m for m in window if not _is_speaker(parsed, m)]
    if not window:
        return None
    subjects = []
    for m in window:
        span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(m)
    same_sentence = [m for m in window if m.evidence.sentence == sent and not _aside(parsed, m, tok.i)]
    if same_sentence:
        own_subjects = [m for m in subjects if m in same_sentence]
        return (own_subjects or same_sentence)[-1].actor
    if any(m.evidence.sentence == sent for m in window):
        return None  # the only person in the sentence is a reporting aside: no clear antecedent
    if subjects:
        return subjects[-1].actor
    return window[-1].actor


_SPEECH = frozenset(
    {"say", "tell", "add", "note", "write", "report", "explain", "state", "insist", "argue", "claim"}
)
_OPEN, _CLOSE = "“", "”"


def _inside_quote(parsed: ParsedArticle, char: int) -> bool:
    text = parsed.article.text
    para = text.rfind("\n", 0, char) + 1
    before = text[para:char]
    return before.count(_OPEN) > before.count(_CLOSE) or before.count('"') % 2 == 1


def _is_speaker(parsed: ParsedArticle, m: Mention) -> bool:
    span = parsed.doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_ in _SPEECH


def _aside(parsed: ParsedArticle, m: Mention, token_index: int) -> bool:
    """True when ``m`` is the subject of a reporting verb whose clause does not hold the token."""
    if not _is_speaker(parsed, m):
        return False
    span = parsed.doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
    verb = span.root.head if span is not None else None
    return verb is not None and not (verb.left_edge.i <= token_index <= verb.right_edge.i)


def pronoun_mentions(parsed: ParsedArticle, mentions: list[Mention], skip: set[int]) -> list[Mention]:
    """Mentions labelled PRON for resolved third-person pronouns and "the <title>" descriptions."""
    doc = parsed.doc
    persons = [m for m in mentions if m.label == "PERSON"]
    out: list[Mention] = []
    if not persons:
        return out
    for tok in doc:
        if parsed.sentence_index(tok.idx) in skip:
            continue
        is_pron = tok.lower_ in PERSON_PRONOUNS and tok.pos_ == "PRON"
        is_desc = (
            tok.lower_ in _ROLE_NOUNS
            and tok.pos_ == "NOUN"
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
            and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
            and not any(c.dep_ == "prep" for c in tok.children)
        )
        if not (is_pron or is_desc):
            continue
        actor = antecedent(parsed, persons, tok.i)
        if actor is None:
            continue
        start = doc[tok.i - 1].idx if is_desc else tok.idx
        out.append(
            Mention(
                tok.text if is_pron else doc[tok.i - 1 : tok.i + 1].text,
                "PRON",
                actor,
                parsed.evidence(start, tok.idx + len(tok)),
            )
        )
    return out
