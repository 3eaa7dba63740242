"""Whether a trigger states a real event: negation, conditionals, modals, questions, hedges.

Negated, conditional, hypothetical and questioned events are not coded; future
and modal events are coded only for types about intent.  Hedges ("allegedly",
"reportedly") and claimants (the speaker of a reporting verb above the trigger,
or "according to X") are recorded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

INTENT_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT"}
NEGATORS = {"not", "n't", "never", "no", "nowhere", "neither", "nor", "without", "nobody", "none"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
MODALS = {"can", "could", "would", "might", "may", "should", "must", "ought"}
FUTURE = {"will", "shall", "'ll"}
HEDGES = {
    "allegedly": "allegedly", "reportedly": "reportedly", "purportedly": "purportedly",
    "apparently": "apparently", "supposedly": "supposedly", "possibly": "possibly",
    "probably": "probably", "likely": "likely", "presumably": "presumably",
}  # fmt: skip
HEDGING_VERBS = {
    "allege": "allegedly", "claim": "reportedly", "report": "reportedly", "believe": "reportedly",
    "suspect": "allegedly", "rumor": "reportedly", "rumour": "reportedly",
}  # fmt: skip
SPEECH_VERBS = {
    "say", "tell", "claim", "report", "note", "add", "state", "announce", "allege", "insist", "assert",
    "write", "explain", "confirm", "declare", "argue", "warn", "stress", "maintain", "detail", "recount",
}  # fmt: skip
NON_FACTIVE = {"want", "plan", "hope", "seek", "aim", "intend", "expect", "wish", "need",
               # what is demanded or proposed has not happened ("demanded that Hamas renounce ...")
               "demand", "urge", "request", "propose", "suggest", "recommend"}  # fmt: skip
_CLAUSE_UP = {"ccomp", "xcomp", "advcl", "conj", "acl", "relcl", "parataxis", "pcomp", "csubj"}


def _chain(tok: Token) -> list[Token]:
    """``tok`` and the clause heads above it, up to the sentence root."""
    out = [tok]
    cur = tok
    while cur.dep_ in _CLAUSE_UP | {"pobj", "prep", "dobj", "nsubj", "attr"} and cur.head is not cur:
        cur = cur.head
        out.append(cur)
        if len(out) > 12:
            break
    return out


def _auxes(tok: Token) -> list[Token]:
    """Auxiliaries of ``tok`` (a conjunct borrows those of its first conjunct)."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not aux and tok.dep_ == "conj":
        aux = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    return aux


def is_negated(tok: Token) -> bool:
    """The trigger or a clause above it is negated ("no way that ...", "did not attack")."""
    for i, t in enumerate(_chain(tok)):
        for c in t.children:
            if c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("det", "advmod", "neg", "preconj")):
                return True
        if i > 0 and t.dep_ == "conj":
            continue
    return False


def is_conditional(tok: Token) -> bool:
    """The trigger sits in an if/unless/whether clause, or under a non-factive verb."""
    for i, t in enumerate(_chain(tok)):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if i > 0 and t.lemma_.lower() in NON_FACTIVE:
            return True
    return False


def is_infinitive(tok: Token) -> bool:
    """A purpose or complement infinitive ("to support"), not an event in itself."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and tok.dep_ != "ROOT"


def modality(tok: Token) -> str | None:
    """ "modal", "future" or None for a plain statement."""
    for a in _auxes(tok):
        lemma = a.lemma_.lower()
        if lemma in MODALS or a.lower_ in MODALS:
            return "modal"
        if lemma in FUTURE or a.lower_ in FUTURE:
            return "future"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "go" and tok.head.tag_ == "VBG":
        return "future"
    return None


def obligation(tok: Token) -> bool:
    """The verb is under "must" or "should" ("Libya must hand over ...")."""
    return any(a.lower_ in ("must", "should") for a in _auxes(tok))


def would_in_report(tok: Token) -> bool:
    """ "would" in reported speech ("said they would boycott") states an intent, not a hypothesis."""
    if not any(a.lower_ in ("would", "'d") for a in _auxes(tok)):
        return False
    return speech_head(tok) is not None


def is_question(sent: Span) -> bool:
    """The sentence asks a question."""
    return sent.text.rstrip().rstrip("\"'”’)").endswith("?")


def hedge_of(tok: Token) -> str | None:
    """ "allegedly", "reportedly", ... when the trigger is hedged."""
    for t in _chain(tok)[:3]:
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGES:
                return HEDGES[c.lower_]
    head = tok.head
    if tok.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in HEDGING_VERBS:
        return HEDGING_VERBS[head.lemma_.lower()]
    return None


def speech_head(tok: Token) -> Token | None:
    """The reporting verb whose complement holds the trigger, if any."""
    for t in _chain(tok)[1:]:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            return t
    return None


def according_to(sent: Span) -> Token | None:
    """The object of "according to X" in the sentence."""
    for t in sent:
        if t.lower_ == "according":
            for p in t.children:
                if p.lower_ == "to":
                    objs = [c for c in p.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
    return None
