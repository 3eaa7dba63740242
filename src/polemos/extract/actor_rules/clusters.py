"""In-article clustering of candidate spans: one cluster per actor the article names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from polemos.extract.actor_rules.lexicon import ORG_WORDS
from polemos.extract.actor_rules.spans import Candidate
from polemos.kb import loose_key, normalise_name
from polemos.kb.names import is_acronym_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_GENERIC_HEADS = frozenset(ORG_WORDS) | {
    "state",
    "republic",
    "group",
    "organization",
    "organisation",
    "institute",
}


def name_tokens(text: str) -> list[str]:
    """Loose tokens of a person name with Arabic articles dropped ("al-Ameri" -> ["ameri"])."""
    return [t for t in loose_key(normalise_name(text)).split() if t not in ("al", "el", "mr", "mrs", "ms")]


@dataclass
class Cluster:
    """Candidates of one actor within an article."""

    kind: str
    members: list[Candidate] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    state_key: str | None = None

    def add(self, cand: Candidate, name: str) -> None:
        self.members.append(cand)
        if name not in self.names:
            self.names.append(name)

    @property
    def canonical(self) -> str:
        """The fullest name: the longest multi-word one, else the first."""
        multi = [n for n in self.names if len(n.split()) > 1 and not n.isupper()]
        return max(multi, key=lambda n: len(n.split())) if multi else self.names[0]


def fix_person_labels(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Surnames tagged ORG/GPE become PERSON; "ORG Surname" splits into the ORG and the person."""
    surnames = {
        name_tokens(doc[c.start : c.end].text)[-1]
        for c in cands
        if c.kind == "PERSON" and len(name_tokens(doc[c.start : c.end].text)) > 1
    }
    out: list[Candidate] = []
    for c in cands:
        toks = name_tokens(c.core(doc))
        one_word = len(toks) == 1 and toks[0] in surnames and c.core_end is None
        if c.kind in ("ORG", "GPE", "GROUP") and c.state_key is None and one_word:
            c.kind, c.label = "PERSON", "PERSON"
        if c.kind == "ORG" and c.end - c.start >= 3 and toks and toks[-1] in surnames and c.core_end is None:
            last = doc[c.end - 1]
            if last.pos_ == "PROPN" and name_tokens(last.text) == [toks[-1]]:
                out.append(Candidate(c.start, c.end - 1, "ORG", "ORG", country=c.country, sector=c.sector))
                out.append(Candidate(c.end - 1, c.end, "PERSON", "PERSON"))
                continue
        out.append(c)
    return out


def cluster(doc: Doc, cands: list[Candidate]) -> list[tuple[Cluster, list[Candidate]]]:
    """Group candidates into clusters (persons by surname, organisations by acronym and short form)."""
    clusters: list[Cluster] = []
    by_state: dict[str, Cluster] = {}
    for c in cands:
        name = c.core(doc)
        if c.state_key is not None:
            cl = by_state.get(c.state_key)
            if cl is None:
                cl = by_state[c.state_key] = Cluster(c.kind, state_key=c.state_key)
                clusters.append(cl)
            cl.add(c, name)
            continue
        target = (
            _person_cluster(doc, clusters, name) if c.kind == "PERSON" else _org_cluster(clusters, c, name)
        )
        if target is None:
            target = Cluster(c.kind)
            clusters.append(target)
        target.add(c, name)
    _late_full_names(clusters)
    return [(cl, cl.members) for cl in clusters if cl.members]


def _person_cluster(doc: Doc, clusters: list[Cluster], name: str) -> Cluster | None:
    toks = name_tokens(name)
    if not toks:
        return None
    for cl in reversed(clusters):
        if cl.kind != "PERSON":
            continue
        for other in cl.names:
            full = name_tokens(other)
            if toks == full:
                return cl
            if len(toks) < len(full) and full[-len(toks) :] == toks:
                return cl
            if len(full) < len(toks) and toks[-len(full) :] == full and len(full) > 1:
                return cl
    return None


def _org_cluster(clusters: list[Cluster], cand: Candidate, name: str) -> Cluster | None:
    loose = loose_key(normalise_name(name))
    words = name.split()
    for cl in reversed(clusters):
        if cl.kind not in ("ORG", "GROUP") or cl.state_key is not None:
            continue
        for other in cl.names:
            if loose == loose_key(normalise_name(other)):
                return cl
            if name.isupper() and is_acronym_of(name, other):
                return cl
            if other.isupper() and is_acronym_of(other, name):
                return cl
            other_words = other.split()
            if (
                len(words) == 1
                and len(other_words) > 1
                and words[0] == other_words[-1]
                and words[0].lower() not in _GENERIC_HEADS - {"times", "post", "journal", "navy"}
            ):
                return cl
            if (
                len(words) > 1
                and words[0] == other_words[0]
                and cand.core_end is not None
                and len(other_words) <= 2
            ):
                return cl  # "Badr ground forces" ~ "Badr militia"
            if (
                len(other_words) == 1
                and len(words) > 1
                and words[0] == other_words[0]
                and cand.core_end is not None
            ):
                return cl
    return None


def _late_full_names(clusters: list[Cluster]) -> None:
    """A one-word person cluster joins a later full-name cluster with that surname (when only one has it)."""
    persons = [cl for cl in clusters if cl.kind == "PERSON"]
    for cl in persons:
        if any(len(name_tokens(n)) > 1 for n in cl.names):
            continue
        surname = name_tokens(cl.names[0])
        owners = [
            o
            for o in persons
            if o is not cl
            and o.members
            and any(len(name_tokens(n)) > 1 and name_tokens(n)[-len(surname) :] == surname for n in o.names)
        ]
        if len(owners) == 1:
            owners[0].members.extend(cl.members)
            owners[0].members.sort(key=lambda c: c.start)
            for n in cl.names:
                if n not in owners[0].names:
                    owners[0].names.append(n)
            cl.members = []
