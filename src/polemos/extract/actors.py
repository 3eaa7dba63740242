"""Actor mentions from spaCy's named entities, clustered within the article.

First version: PERSON, ORG, GPE and NORP entities; leading determiners,
possessives and titles stripped; later person mentions that repeat a surname
join the first full-name mention; countries resolve to the knowledge base.
"""

from __future__ import annotations

import re

from polemos.kb import KnowledgeBase, normalise_name
from polemos.model import Actor, Mention
from polemos.nlp.parsed import ParsedArticle

LABEL_TYPE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "GROUP"}
_TITLES = re.compile(
    r"^((?:Maj\.|Gen\.|Lt\.|Col\.|Capt\.|Sgt\.|Adm\.|Dr\.|Mr\.|Mrs\.|Ms\.|President|Prime Minister|"
    r"General|Major|Colonel|Captain|Admiral|Minister|Secretary|Senator|Sen\.|Rep\.|commander|Commander)\s+)+"
)
_DETERMINER = re.compile(r"^(the|The)\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def _clean_name(text: str) -> tuple[str, str | None, int]:
    """(name, role, offset of the name within ``text``)."""
    offset = 0
    m = _DETERMINER.match(text)
    if m:
        offset += m.end()
    rest = text[offset:]
    role = None
    m = _TITLES.match(rest)
    if m:
        role = m.group(0).strip()
        offset += m.end()
    name = _POSSESSIVE.sub("", text[offset:]).strip()
    return name, role, offset


def extract_actors(parsed: ParsedArticle, kb: KnowledgeBase) -> list[Mention]:
    """Actor mentions of ``parsed``, each resolved to an actor of this article."""
    mentions: list[Mention] = []
    people: dict[str, Actor] = {}  # surname -> actor, within the article
    for ent in parsed.doc.ents:
        kind = LABEL_TYPE.get(ent.label_)
        if kind is None:
            continue
        name, role, offset = _clean_name(ent.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        start = ent.start_char + offset
        end = start + len(name)
        actor = kb.lookup(name)
        if actor is None and kind == "PERSON":
            parts = name.split()
            surname = normalise_name(parts[-1])
            actor = people.get(surname)
            if actor is None:
                actor = Actor(key=f"person:{normalise_name(name)}", name=name, type="PERSON")
                people[surname] = actor
            elif name not in actor.aliases and name != actor.name:
                actor.aliases.append(name)
        if actor is None:
            actor = Actor(key=f"{kind.lower()}:{normalise_name(name)}", name=name, type=kind)
        mentions.append(
            Mention(text=name, label=ent.label_, actor=actor, evidence=parsed.evidence(start, end), role=role)
        )
    return mentions
