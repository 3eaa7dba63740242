"""Source and target actors from the dependency parse.

A noun phrase gives an actor in this order: the actor mention at its head; an
organisation or person named in its modifiers ("Islamic State militants"); the
members of a collective head ("a convoy of insurgents", "hundreds of Americans");
the controller of a place ("the ISIS-controlled city"); a built actor whose code
joins the country of a modifier ("Iraqi forces") and the sector of the head noun
("forces" -> MIL); for targets, the noun phrase itself ("oil wells").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from polemos.extract.event_coding.agents import sector_nouns, sector_of
from polemos.kb import KnowledgeBase, normalise_name
from polemos.model import ActorRef, Mention
from polemos.nlp.parsed import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

COLLECTIVE = {
    "convoy", "network", "group", "hundred", "dozen", "thousand", "score", "number", "member", "unit",
    "some", "many", "most", "all", "one", "band", "team", "delegation", "column", "squad", "cell",
    "contingent", "batch", "wave", "body", "handful", "couple", "majority", "rest", "part",
}  # fmt: skip
GENERIC_HEADS = {
    "group",
    "organization",
    "organisation",
    "faction",
    "network",
    "outfit",
    "movement",
    "element",
    "cell",
}
PATRON = {
    "back",
    "lead",
    "sponsor",
    "fund",
    "support",
    "arm",
    "ally",
    "train",
    "link",
    "inspire",
    "affiliate",
}
HOLDER = {"control", "hold", "run", "occupy", "besiege", "seize", "capture", "dominate"}
RELATIVE = {"who", "that", "which", "whom"}
PERSONAL = {"he", "she", "him", "her"}
NEUTER = {"it", "its", "they", "them", "their"}  # resolved to the actor subject of a governing clause
_DROP_LEFT = {"det", "punct", "predet", "case", "advmod", "nummod", "quantmod"}
_DROP_WORDS = {"so", "-", "called", "so-called", "the", "a", "an", "now", "powerful", "top", "senior"}


# sectors that belong to no one state: left without a focus country
STATELESS_SECTORS = {"IGO", "NGO", "MNC", "UAF"}
# weapons and vehicles are often another state's ("jets fired from US warships"): no focus country
INSTRUMENTS = {"jet", "bomber", "missile", "warplane", "plane", "aircraft", "drone", "helicopter", "tank", "warship",
               "ship", "rocket", "artillery", "gunship", "submarine", "vessel", "boat", "convoy", "shell"}  # fmt: skip


def agent_key(code: str) -> str | None:
    """The actor stage's key for a state's sector ("UKRMIL" -> "agent:UKRMIL"), or None for other codes."""
    if len(code) >= 6 and code[:3].isalpha() and code[:3].isupper() and code[3:] in _SECTORS_KNOWN:
        return f"agent:{code}"
    return None


_SECTORS_KNOWN = {"GOV", "MIL", "COP", "JUD", "SPY", "REB", "INS", "OPP", "CVL", "EDU", "LAB", "MED", "BUS", "REL",
                  "PPL", "AGR", "LEG", "HLH", "ENV", "CRM", "ELI", "REF", "MOD", "RAD", "SEP"}  # fmt: skip
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ite", "ers", "ors", "ists", "ians", "ants")
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE"}


def _agentive(head: Token) -> bool:
    """A noun that can name who acts: plural, or an agent noun ("prisoners", "elders", "hackers")."""
    return head.tag_ == "NNS" or head.lower_.endswith(_AGENT_SUFFIXES) or head.lemma_.lower() in GENERIC_HEADS


@lru_cache(maxsize=1)
def _sector_roots() -> frozenset[str]:
    """First three letters of the sector (agent) codes: roots that are no country."""
    return frozenset(code.lstrip("~")[:3] for code in sector_nouns().values())


class ActorFinder:
    """Turns head tokens into actor references for one parsed article."""

    def __init__(
        self, parsed: ParsedArticle, mentions: list[Mention], kb: KnowledgeBase | None = None
    ) -> None:
        self.parsed = parsed
        self.kb = kb
        self.by_key: dict[str, Mention] = {m.actor.key: m for m in mentions}
        self._focus = _StateFocus(parsed, mentions)
        # id of a ref given the focus state -> (that ref, the ref without it); the ref is kept so its id stays its own
        self.unfocused: dict[int, tuple[ActorRef, ActorRef]] = {}
        self.places: dict[int, tuple[ActorRef, str]] = {}  # id of an unresolved place ref -> (ref, name)
        self.by_token: dict[int, Mention] = {}
        self.people: list[tuple[int, Mention]] = []  # (token index, mention) of persons, in order
        doc = parsed.doc
        for m in mentions:
            span = doc.char_span(m.evidence.start, m.evidence.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, m)
            if (m.actor.type == "PERSON" or m.label == "PERSON") and span.root.dep_ in ("nsubj", "nsubjpass"):
                self.people.append((span.root.i, m))

    # ----------------------------------------------------------------- public
    def refs(self, head: Token | None, role: str) -> list[ActorRef]:
        """Actors for ``head`` and its conjuncts; ``role`` is "source" or "target"."""
        if head is None:
            return []
        out: list[ActorRef] = self._modifier_list(head)  # "Eriadori and Calenardhon leaders"
        first = [] if out else [head]
        for tok in [*self._listed_before(head), *first, *head.conjuncts, *self._listed(head)]:
            ref = self.ref(tok, role)
            if ref is not None and all(r.key != ref.key for r in out):
                out.append(ref)
        for extra in self._of_list(head):  # "the ambassadors of Arnor, Osgiliath and Gondor"
            if all(r.key != extra.key for r in out):
                out.append(extra)
        return out

    def _modifier_list(self, head: Token) -> list[ActorRef]:
        """Agents of several actors named as coordinated modifiers: "Eriadori and Calenardhon
        leaders" -> each country's leaders (only with an agent noun head)."""
        head = self._descend(head)
        if head.i in self.by_token:
            return []
        sector = sector_of([head.lemma_.lower()])
        if sector is None:
            return []
        mods = [
            c
            for c in head.children
            if c.dep_ in ("nmod", "compound", "amod") and c.i in self.by_token and c.conjuncts
        ]
        if not mods:
            return []
        out: list[ActorRef] = []
        for tok in (mods[0], *mods[0].conjuncts):
            m = self.by_token.get(tok.i)
            if m is not None and m.actor.country and all(r.code != f"{m.actor.country}{sector}" for r in out):
                out.append(self._built(head, [], f"{m.actor.country}{sector}", m))
        return out if len(out) > 1 else []

    def _listed_before(self, head: Token) -> list[Token]:
        """Named actors listed just before ``head`` that the parse attached elsewhere ("Arnor,
        Calenardhon and the evil awful Gondor", "Fornost and the evil Gondor"): read off the
        word sequence; only determiners, adjectives, adverbs, commas and "and"/"or" may lie
        between, and a conjunction must."""
        mention = self.by_token.get(head.i)
        if mention is None:
            return []
        doc = head.doc
        start = head.sent.start
        i = head.i
        while i - 1 >= start and self.by_token.get(i - 1) is mention:
            i -= 1
        i -= 1
        found: list[Token] = []
        joined = False
        while i >= start:
            t = doc[i]
            m = self.by_token.get(i)
            if m is not None:
                if not joined:
                    break
                found.append(t)
                while i - 1 >= start and self.by_token.get(i - 1) is m:
                    i -= 1
                i -= 1
                joined = False
                continue
            if t.pos_ == "CCONJ" or t.lower_ == ",":
                joined = True
            elif t.dep_ in ("poss", "case") or not (
                t.pos_ in ("DET", "ADJ", "ADV") or (t.pos_ == "NOUN" and t.is_lower and t.tag_ == "NN")
            ):  # "awful" is often read as a noun
                break
            i -= 1
        if found and (i < start or doc[i].pos_ not in ("ADP", "VERB", "AUX")) and not joined:
            return [doc[f.i] for f in reversed(found)]
        return []

    def _listed(self, head: Token) -> list[Token]:
        """A list the parser reads as an apposition: "Mordor, the Shire, Fornost and Bree" -> the
        Shire, Fornost, Bree (only when the apposition is itself coordinated and names actors)."""
        out: list[Token] = []
        if head.i not in self.by_token:
            return out
        for child in head.children:
            if (
                child.dep_ == "appos"
                and (child.conjuncts or any(c.dep_ == "conj" for c in head.children))
                and child.i in self.by_token
            ):  # "Evil Mordor, the awful Fornost, and good Gondor"
                out.extend(t for t in (child, *child.conjuncts) if t.i in self.by_token)
        return out

    def _of_list(self, head: Token) -> list[ActorRef]:
        """Agents of several named actors: "the ambassadors of A, B and C" -> A's, B's, C's."""
        head = self._descend(head)
        if head.i in self.by_token or sector_of([head.lemma_.lower()]) is None:
            return []
        objs = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        objs = [o for o in objs if o.dep_ == "pobj" and o.i in self.by_token and o.conjuncts]
        if not objs:
            return []
        sector = sector_of([head.lemma_.lower()])
        out = []
        for tok in objs[0].conjuncts:
            m = self.by_token.get(tok.i)
            if m is not None and m.actor.country:
                out.append(self._built(head, [], f"{m.actor.country}{sector}", m))
        return out

    def ref(self, head: Token, role: str) -> ActorRef | None:
        """The actor a noun phrase headed by ``head`` stands for, or None."""
        head = self._descend(head)
        lower = head.lower_
        if lower in RELATIVE and head.head.dep_ == "relcl" or head.dep_ == "nsubj" and lower in RELATIVE:
            noun = head.head.head if head.head.dep_ == "relcl" else None
            return self.ref(noun, role) if noun is not None else None
        m = self.by_token.get(head.i)
        if m is None and lower in PERSONAL:
            return self._person_before(head)
        if m is None and lower in NEUTER:
            return self._antecedent(head)
        if m is None and (head.pos_ == "PRON" or head.like_num or head.ent_type_ in NOT_ACTORS):
            return None
        if m is not None and not self._is_patron(head):
            return self._titled(head, m) or self._from_mention(m)
        for child in head.children:  # "Iran's top commander, Qassim Suleimani, ..."
            if child.dep_ == "appos" and child.i in self.by_token:
                named = self.by_token[child.i]
                return self._title_of(head, head, named) or self._from_mention(named)
        for child in head.children:  # "such as the Badr militia"
            if (
                child.dep_ == "prep"
                and child.lower_ == "as"
                and any(c.lower_ == "such" for c in child.children)
            ):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return self.ref(objs[0], role)
        left = self._left_tokens(head)
        holder = self._held_by(left)
        if holder is not None:
            return self._from_mention(holder)
        mods = [self.by_token[t.i] for t in left if t.i in self.by_token and not self._is_patron(t)]
        org = next((m for m in mods if m.actor.type in ("ORG", "PERSON") and m.label != "NORP"), None)
        capital = self._capital(org, left)
        if capital is not None:  # "Kyiv's forces" with "Kyiv" read as a person
            org, mods = None, [capital]
        words = [t.lemma_.lower() for t in left if t.pos_ in ("NOUN", "PROPN", "ADJ")] + [head.lemma_.lower()]
        sector = sector_of(words)
        if sector is None and head.lemma_.lower() in GENERIC_HEADS:  # "militant groups"
            sector = next((c for c in (sector_of([w]) for w in words[:-1]) if c), None)
        if sector in ("GOV", "MIL") and not mods:  # "the regime of Bashar as-Assad"
            owner = self._of_mention(head)
            if owner is not None:
                return self._built(head, left, "".join(p for p in (owner.actor.country, sector) if p), owner)
        if org is not None and (
            sector is not None or head.pos_ == "PROPN" or head.lemma_.lower() in GENERIC_HEADS
        ):
            return self._from_mention(org)
        country = next((m.actor.country for m in mods if m.actor.country), None)
        if country is None and sector is not None:  # "soldiers from Gondor"
            origin = self._prep_mention(head, ("from", "of", "in"))
            country = origin.actor.country if origin is not None else None
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        if country is None and sector is not None and self.kb is not None:  # "Kyiv's forces", untagged
            named = [t for t in left if t.pos_ == "PROPN" and t.dep_ in ("poss", "compound", "nmod")]
            state = self.kb.state(named[-1].text) if len(named) == 1 else None
            country = state.country if state is not None else None
        if country is None and sector is not None and possessor is not None and possessor.lower_ in NEUTER:
            owner = self._antecedent(possessor)  # "its embassy": the embassy of the clause's actor
            root = (owner.code or "")[:3] if owner is not None else ""
            if len(root) == 3 and root not in _sector_roots():
                country = root
        if sector is None and country is None and possessor is not None and possessor.lower_ not in NEUTER:
            owner = self.ref(possessor, role)
            if owner is not None:
                return owner
        if (
            country is None
            and sector is not None
            and sector not in STATELESS_SECTORS
            and not any(t.i in self.by_token for t in left)  # not "Iran-backed militias": a patron
            and possessor is None
            and head.pos_ == "NOUN"
            and head.lemma_.lower() not in INSTRUMENTS
            and not any(t.is_title and t.i != t.sent.start for t in left)  # "European companies"
            and not any(p.dep_ == "prep" and p.lower_ == "of" for p in head.children)  # "ambassadors of X"
        ):  # "the government", "rebel forces": the state the paragraph or article is about
            country = self._focus.country(head)
            if country is not None:
                plain = self._built(head, left, sector)
                focused = self._built(head, left, f"{country}{sector}")
                self.unfocused[id(focused)] = (focused, plain)
                return focused
        if sector is None and country is None and not mods:
            if head.pos_ == "PROPN":
                built = self._built(head, left, None)
                if head.ent_type_ in ("GPE", "LOC"):
                    self.places[id(built)] = (built, head.text)  # a place nobody resolved ("Debaltseve")
                return built
            if head.pos_ != "NOUN" or role != "target" and not _agentive(head):
                return None
        code = "".join(p for p in (country, sector) if p) or None
        return self._built(head, left, code)

    def _titled(self, head: Token, m: Mention) -> ActorRef | None:
        """A person named with a state's title: "Ithilen's minister Calimehtar" acts for Ithilen."""
        for title in head.lefts:
            if title.dep_ in ("compound", "nmod", "amod") and title.i not in self.by_token:
                ref = self._title_of(title, head, m)
                if ref is not None:
                    return ref
        return None

    def _title_of(self, title: Token, head: Token, m: Mention) -> ActorRef | None:
        """The person ``m`` with the code of the state that possesses its title ("Ithilen's ...
        minister"): the person's key, the possessor's country and the title's sector; None
        when the title has no such possessor or names the person's own country."""
        sector = sector_of([title.lemma_.lower()])
        if sector is None or sector in STATELESS_SECTORS:
            return None
        owner = next(
            (
                self.by_token[c.i]
                for t in (title, head)
                for c in t.children
                if c.dep_ == "poss" and c.i in self.by_token and self.by_token[c.i] is not m
            ),
            None,
        )
        country = owner.actor.country if owner is not None else None
        if not country or len(country) != 3 or country == m.actor.country:
            return None
        return ActorRef(key=m.actor.key, name=m.actor.name, code=f"{country}{sector}", span=m.evidence)

    def _capital(self, org: Mention | None, left: list[Token]) -> Mention | None:
        """A person mention that is a state's name or capital as a possessor ("Kyiv's"), as that state."""
        if org is None or org.actor.type != "PERSON" or self.kb is None or len(org.text.split()) != 1:
            return None
        if not any(t.dep_ == "poss" and t.text == org.text for t in left):
            return None
        state = self.kb.state(org.text)
        return Mention(org.text, "GPE", state, org.evidence, org.role) if state is not None else None

    def without_focus(self, ref: ActorRef) -> ActorRef:
        """``ref`` without the country it took from the article's focus (itself if it took none)."""
        entry = self.unfocused.get(id(ref))
        return entry[1] if entry is not None and entry[0] is ref else ref

    def place_state(self, ref: ActorRef) -> ActorRef | None:
        """For a place below the state ("Debaltseve"), the state it lies in, with the place's span;
        the ref itself for anything else; None for a place whose state is unknown."""
        m = self.by_key.get(ref.key)
        entry = self.places.get(id(ref))
        name = entry[1] if entry is not None and entry[0] is ref else None
        if name is None and (m is None or m.actor.type != "GPE" or ref.key.startswith(("state:", "agent:"))):
            return ref
        state = None
        if self.kb is not None and m is not None:
            state = self.kb.get(f"state:{m.actor.country}") if m.actor.country else None
            state = state or self.kb.state(m.actor.name, strict=False)
        elif self.kb is not None and name is not None:
            state = self.kb.state(name, strict=False)
        if state is None or not state.key.startswith("state:"):
            return None
        return state.ref(ref.span)

    def person_before(self, tok: Token) -> ActorRef | None:
        """The last person mentioned before ``tok`` (for "he" and "she")."""
        return self._person_before(tok)

    # ---------------------------------------------------------------- helpers
    def _prep_mention(self, head: Token, preps: tuple[str, ...]) -> Mention | None:
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in preps:
                for o in p.children:
                    if o.dep_ == "pobj" and o.i in self.by_token:
                        return self.by_token[o.i]
        return None

    def _of_mention(self, head: Token) -> Mention | None:
        """The actor named in the "of" phrase of ``head`` (a person or organisation first)."""
        found: list[Mention] = []
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                found.extend(
                    self.by_token[t.i] for t in p.subtree if t.i in self.by_token and t.dep_ != "amod"
                )
        rank = {"PERSON": 0, "ORG": 1, "GPE": 2}
        return min(found, key=lambda m: rank.get(m.actor.type, 3)) if found else None

    def _from_mention(self, m: Mention) -> ActorRef:
        return m.actor.ref(m.evidence)

    def _descend(self, head: Token) -> Token:
        for _ in range(3):
            if head.lemma_.lower() not in COLLECTIVE and not head.like_num:
                break
            objs = [c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
            objs = [c for c in objs if c.dep_ == "pobj"]
            if not objs:
                break
            head = objs[0]
        return head

    def _is_patron(self, tok: Token) -> bool:
        """True for the "Iran" of "Iran-backed": a patron, not a member."""
        h = tok
        for _ in range(2):
            if h.dep_ in ("npadvmod", "compound", "nmod") and h.head.pos_ == "VERB":
                return h.head.lemma_.lower() in PATRON
            h = h.head
        return False

    def _held_by(self, left: list[Token]) -> Mention | None:
        for t in left:
            m = self.by_token.get(t.i)
            if m is not None and t.head.pos_ == "VERB" and t.head.lemma_.lower() in HOLDER:
                return m
        return None

    def _left_tokens(self, head: Token) -> list[Token]:
        """Modifier tokens left of the head (no determiners, no clauses)."""
        out: list[Token] = []
        for child in head.lefts:
            if child.dep_ in _DROP_LEFT:
                continue
            out.extend(t for t in child.subtree if t.i < head.i)
        return out

    def _antecedent(self, pron: Token) -> ActorRef | None:
        """What "it", "its" or "they" stands for, where clear: the named or typed actor subject of
        the nearest clause above the pronoun ("Ethiopia indicated it deplored Libya", "Arnor will
        restore ties ... after crowds trashed its embassy"; a possessive skips its own clause's
        subject); None when no such subject exists."""
        cur = pron.head
        if pron.dep_ == "poss":  # "crowds trashed its embassy": not the subject of its own clause
            while cur.pos_ not in ("VERB", "AUX") and cur.head is not cur:
                cur = cur.head
            cur = cur.head
        seen = 0
        while seen < 8:
            seen += 1
            if cur.pos_ in ("VERB", "AUX"):
                for c in cur.children:
                    if (
                        c.dep_ in ("nsubj", "nsubjpass")
                        and c.right_edge.i < pron.i  # not the phrase holding the pronoun ("its forces")
                        and c.lower_ not in NEUTER | RELATIVE
                    ):
                        ref = self.ref(c, "source")
                        if ref is not None and not ref.key.startswith("np:"):
                            return ref
            if cur.head is cur:
                break
            cur = cur.head
        return None

    def _person_before(self, tok: Token) -> ActorRef | None:
        best: Mention | None = None
        for i, m in self.people:
            if i >= tok.i:
                break
            best = m
        return self._from_mention(best) if best is not None else None

    def _built(
        self, head: Token, left: list[Token], code: str | None, owner: Mention | None = None
    ) -> ActorRef:
        toks = sorted([*left, head], key=lambda t: t.i)
        toks = [t for t in toks if t.lower_ not in _DROP_WORDS and t.dep_ not in ("poss", "case")]
        if not toks:
            toks = [head]
        start, end = toks[0].idx, head.idx + len(head.text)
        if owner is not None:
            end = max(end, owner.evidence.end)
        name = self.parsed.article.text[start:end]
        key = agent_key(code) if code else None
        if key is not None:  # the key the actor stage gives "Ukrainian forces" (agent:UKRMIL)
            if self.kb is not None:
                from polemos.extract.actors import _agent_actor  # noqa: PLC0415 - avoids an import cycle

                return _agent_actor(self.kb, key).ref(self.parsed.evidence(start, end))
            return ActorRef(key=key, name=name, code=code, span=self.parsed.evidence(start, end))
        kind = "group" if code or head.lemma_.lower() in GENERIC_HEADS else "np"
        return ActorRef(
            key=f"{kind}:{normalise_name(name)}", name=name, code=code, span=self.parsed.evidence(start, end)
        )


class _StateFocus:
    """The state an article, or one of its paragraphs, is about: the one mentioned most, when
    no other state is mentioned as often (and, for the article, at least twice)."""

    def __init__(self, parsed: ParsedArticle, mentions: list[Mention]) -> None:
        text = parsed.article.text
        self.breaks = [i for i in range(len(text) - 1) if text[i] == "\n" and text[i + 1] == "\n"]
        self.by_para: dict[int, dict[str, int]] = {}
        self.total: dict[str, int] = {}
        dash = re.search(r" [—–-]+ ", text[:80])  # "KIEV — ...": a dateline tells where, not who
        dateline = dash.start() if dash else -1
        self.states: list[tuple[int, int, str]] = []  # (start, end, country) of every state-naming mention
        for m in mentions:
            country = self._state_of(m)
            if country is None:
                continue
            self.states.append((m.evidence.start, m.evidence.end, country))
            if m.evidence.end <= dateline:
                continue
            para = self._para(m.evidence.start)
            counts = self.by_para.setdefault(para, {})
            counts[country] = counts.get(country, 0) + 1
            self.total[country] = self.total.get(country, 0) + 1

    @staticmethod
    def _state_of(m: Mention) -> str | None:
        """The state a mention names: a state, a place in it, or a state's agency ("Ukrainian forces")."""
        key = m.actor.key
        if key.startswith("state:") or key.startswith("agent:"):
            return m.actor.country or key.split(":", 1)[1][:3]
        if m.actor.type == "GPE" and m.actor.country:
            return m.actor.country
        return None

    def _para(self, pos: int) -> int:
        return sum(1 for b in self.breaks if b < pos)

    @staticmethod
    def _top(counts: dict[str, int], least: int) -> str | None:
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def country(self, head: Token) -> str | None:
        """The focus state for an agent noun at ``head``; None where it is not clear-cut (a tie, or
        another state named earlier in the sentence or inside the noun phrase)."""
        top = self._top(self.by_para.get(self._para(head.idx), {}), 1) or self._top(self.total, 2)
        if top is None:
            return None
        sent, phrase = head.sent, list(head.subtree)
        lo, hi = sent.start_char, max(head.idx, phrase[-1].idx + len(phrase[-1].text))
        if any(c != top and lo <= s < hi for s, _, c in self.states):
            return None  # "US officials said troops ...", "jets fired from US warships": not clear-cut
        return top
