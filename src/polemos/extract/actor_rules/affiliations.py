"""Roles and affiliations from appositions, copulas, relative clauses, "X of Y" and "led by"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from polemos.extract.actor_rules.index import MentionTokens
from polemos.extract.actor_rules.lexicon import CURRENT, FORMER, LEAD_VERBS, RELATION_NOUNS, WORK_NOUNS
from polemos.model import Affiliation, Mention
from polemos.nlp.parsed import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_PREPS = frozenset({"of", "in", "with", "for", "at", "to", "from"})
_TIME_LABELS = frozenset({"DATE"})


def _relation(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in RELATION_NOUNS:
        return RELATION_NOUNS[lemma]
    if noun.lower_ in RELATION_NOUNS:
        return RELATION_NOUNS[noun.lower_]
    if lemma in WORK_NOUNS or noun.lower_ in WORK_NOUNS:
        return "works_for"
    return None


def _qualifier(noun: Token, clause: Token | None) -> str | None:
    words = {t.lower_ for t in noun.children} | (
        {t.lower_ for t in clause.children} if clause is not None else set()
    )
    parts = []
    if words & FORMER:
        parts.append("former")
    elif words & CURRENT:
        parts.append("current")
    scope = list(clause.children) if clause is not None else []
    for tok in scope:
        if tok.dep_ == "prep" and any(t.ent_type_ in _TIME_LABELS for t in tok.subtree):
            years = [t.text for t in tok.subtree if t.like_num and len(t.text) == 4]
            if years:
                parts.append("-".join(years[:2]))
    return " ".join(parts) or None


def _objects(noun: Token, index: MentionTokens) -> list[tuple[Token, Mention]]:
    """Mentions a role noun relates to through a preposition ("head of X", "analyst with X")."""
    out = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            near = [c for c in obj.children if c.dep_ in ("compound", "nmod")]
            found = [m for m in (index.at(t.i) for t in (obj, *near)) if m is not None]
            for m in found:
                if all(m is not o for _, o in out):
                    out.append((obj, m))
            if not found and obj.pos_ == "NOUN":  # "three heads of US Central Command": follow one more level
                out.extend(_objects(obj, index))
    return out


def _clause_roles(clause: Token) -> list[tuple[Token, Token | None]]:
    """Role nouns of a relative clause: "who is now an analyst", "who served as an assistant"."""
    out: list[tuple[Token, Token | None]] = []
    for c in clause.children:
        if c.dep_ in ("attr", "oprd") and c.pos_ == "NOUN":
            out.append((c, clause))
        if c.dep_ == "prep" and c.lower_ == "as":
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out.append((obj, clause))
                    out.extend((x, clause) for x in obj.children if x.dep_ == "conj" and x.pos_ == "NOUN")
    return out


def _roles_of(tok: Token) -> list[tuple[Token, Token | None]]:
    """Role nouns describing ``tok``: appositions, relative and copular clauses, with their clause."""
    out: list[tuple[Token, Token | None]] = []
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            out.append((child, None))
            out.extend((c, None) for c in child.children if c.dep_ == "conj" and c.pos_ == "NOUN")
            for c in child.children:  # "a former aviator ... who is now an analyst with X"
                if c.dep_ == "relcl":
                    out.extend(_clause_roles(c))
        if child.dep_ == "relcl":
            out.extend(_clause_roles(child))
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
        out.extend((c, tok.head) for c in tok.head.children if c.dep_ == "attr" and c.pos_ == "NOUN")
    return out


def find_affiliations(parsed: ParsedArticle, mentions: list[Mention]) -> list[Affiliation]:
    """Affiliations between the named mentions of ``parsed``."""
    doc = parsed.doc
    named = [m for m in mentions if m.label != "PRON"]
    index = MentionTokens(parsed, named)
    out: list[Affiliation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(m: Mention, relation: str, other: Mention, start: int, end: int, qualifier: str | None) -> None:
        if other.actor.key == m.actor.key:
            return
        key = (m.actor.key, relation, other.actor.key)
        if key in seen:
            return
        seen.add(key)
        out.append(
            Affiliation(
                m.actor.ref(m.evidence),
                relation,
                other.actor.ref(other.evidence),
                parsed.evidence(start, end),
                qualifier,
            )
        )

    for start, end, m in index.ranges:
        head = doc[end - 1]
        # appositions, relative clauses, copulas
        for noun, clause in _roles_of(head):
            relation = _relation(noun)
            if relation is None:
                continue
            for obj, other in _objects(noun, index):
                left = min(noun.left_edge.i, noun.i)
                span_end = max(
                    obj.i,
                    doc.char_span(other.evidence.start, other.evidence.end, alignment_mode="expand").end - 1,
                )
                add(
                    m,
                    relation,
                    other,
                    doc[left].idx,
                    doc[span_end].idx + len(doc[span_end]),
                    _qualifier(noun, clause),
                )
        # "X of Y" right after a person ("Helene Cooper of The New York Times")
        if m.label == "PERSON" and end < len(doc) - 1 and doc[end].lower_ == "of":
            other = index.at(end + 1) or (index.at(end + 2) if doc[end + 1].lower_ == "the" else None)
            if other is not None and other.label in ("ORG",):
                add(m, "works_for", other, m.evidence.start, other.evidence.end, None)
        # "ORG led by PERSON"
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_ in LEAD_VERBS:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            other = index.at(obj.i)
                            if other is not None and other.label == "PERSON":
                                add(other, "head_of", m, m.evidence.start, other.evidence.end, None)
        # "top ORG operative PERSON", "ORG commander PERSON"
        if m.label == "PERSON" and start >= 2:
            role = doc[start - 1]
            rel = _relation(role) if role.pos_ in ("NOUN", "ADJ", "PROPN") and role.text.islower() else None
            other = index.at(start - 2)
            if rel is not None and other is not None and other.label in ("ORG", "GROUP") and other is not m:
                add(m, rel, other, other.evidence.start, m.evidence.end, None)
    return out
