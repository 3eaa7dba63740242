"""Word lists of the actor rules (general English news vocabulary, no article-specific answers)."""

from __future__ import annotations

import re

# Titles and ranks that precede a name: they become Mention.role.  Value: the sector they imply.
TITLES: dict[str, str | None] = {
    "maj.": "MIL", "gen.": "MIL", "lt.": "MIL", "col.": "MIL", "capt.": "MIL", "sgt.": "MIL", "adm.": "MIL",
    "brig.": "MIL", "cmdr.": "MIL", "general": "MIL", "major": "MIL", "colonel": "MIL", "captain": "MIL",
    "admiral": "MIL", "lieutenant": "MIL", "sergeant": "MIL", "brigadier": "MIL", "marshal": "MIL",
    "commander": "MIL", "field": None, "rear": None, "vice": None, "lt": "MIL", "gen": "MIL", "maj": "MIL",
    "president": "GOV", "vice-president": "GOV", "minister": "GOV", "secretary": "GOV", "ambassador": "GOV",
    "governor": "GOV", "mayor": "GOV", "premier": "GOV", "chancellor": "GOV", "king": "GOV", "queen": "GOV",
    "prince": "GOV", "sheikh": None, "prime": None, "foreign": None, "defense": None, "defence": None,
    "senator": "LEG", "sen.": "LEG", "rep.": "LEG", "congressman": "LEG", "congresswoman": "LEG", "mp": "LEG",
    "judge": "JUD", "justice": "JUD", "ayatollah": "REL", "imam": "REL", "cleric": "REL", "pope": "REL",
    "dr.": None, "mr.": None, "mrs.": None, "ms.": None, "mr": None, "mrs": None, "ms": None, "dr": None,
    "sir": None, "lord": None, "dame": None, "professor": "EDU", "prof.": "EDU",
    "spokesman": None, "spokeswoman": None, "chief": None, "leader": None, "analyst": None,
    "reporter": "MED", "correspondent": "MED", "journalist": "MED", "editor": "MED", "columnist": "MED",
}

# Head nouns of organisation names and group descriptors, with the sector they imply.
ORG_WORDS: dict[str, str] = {
    "treasury": "GOV", "ministry": "GOV", "department": "GOV", "government": "GOV", "administration": "GOV",
    "cabinet": "GOV", "embassy": "GOV", "agency": "GOV", "office": "GOV", "council": "GOV", "police": "COP",
    "army": "MIL", "navy": "MIL", "military": "MIL", "forces": "MIL", "force": "MIL", "command": "MIL",
    "corps": "MIL", "corp": "MIL", "marines": "MIL", "guard": "MIL", "guards": "MIL", "seals": "MIL",
    "warplanes": "MIL", "troops": "MIL", "soldiers": "MIL", "brigade": "REB", "brigades": "REB",
    "militia": "REB", "militias": "REB", "militants": "REB", "insurgents": "REB", "rebels": "REB",
    "fighters": "REB", "jihadists": "REB", "guerrillas": "REB",
    "committee": "LEG", "senate": "LEG", "congress": "LEG", "parliament": "LEG", "assembly": "LEG",
    "court": "JUD", "tribunal": "JUD",
    "times": "MED", "post": "MED", "journal": "MED", "news": "MED", "magazine": "MED", "television": "MED",
    "radio": "MED", "newspaper": "MED", "herald": "MED", "tribune": "MED", "gazette": "MED",
    "bank": "BUS", "company": "BUS", "corporation": "BUS", "inc": "BUS", "ltd": "BUS",
    "university": "EDU", "party": "PTY",
}

# Lower-case nouns that may follow a group name and still denote the group ("Islamic State militants").
GROUP_DESCRIPTORS = frozenset(
    ["militia", "militias", "militants", "insurgents", "rebels", "fighters", "forces", "group", "jihadists", "guerrillas", "troops", "ground", "fighter", "militant", "insurgent", "rebel"]
)

# Words that make "X of Y" an organisation's own name rather than "PERSON of ORG".
ORG_NAME_WORDS = frozenset(
    ["republic", "kingdom", "bank", "department", "ministry", "university", "council", "party", "army", "forces", "committee", "court", "union", "state", "states", "church", "institute", "board", "office", "chiefs", "house", "league", "association", "federation", "people's", "organization", "organisation", "commission", "agency", "secretary", "college", "school", "museum", "friends", "sons", "daughters", "city", "province", "county", "district", "islamic", "united", "national", "central", "joint", "supreme"]
)

SOCIAL_PLATFORMS = frozenset(
    ["facebook", "twitter", "linkedin", "instagram", "youtube", "tiktok", "whatsapp", "telegram", "pinterest", "snapchat", "reddit", "flipboard", "google+", "rss"]
)

BOILERPLATE = re.compile(
    r"^(follow|subscribe|sign up|now watch|read more|click|share this|download|see also|related:|"
    r"copyright|all rights reserved)|emails? & alerts|newsletter|to your inbox|on facebook|on twitter",
    re.IGNORECASE,
)

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})

# Role nouns for affiliations: noun -> relation.
RELATION_NOUNS: dict[str, str] = {
    "head": "head_of", "chief": "head_of", "leader": "head_of", "commander": "head_of", "chairman": "head_of",
    "chairwoman": "head_of", "chair": "head_of", "director": "head_of", "president": "head_of",
    "founder": "head_of", "boss": "head_of", "ceo": "head_of", "secretary": "head_of", "minister": "head_of",
    "arm": "part_of", "branch": "part_of", "wing": "part_of", "unit": "part_of", "division": "part_of",
    "affiliate": "part_of", "faction": "part_of", "offshoot": "part_of", "part": "part_of",
    "member": "member_of", "operative": "member_of", "fighter": "member_of", "militant": "member_of",
    "soldier": "member_of", "officer": "member_of", "lawmaker": "member_of", "senator": "member_of",
    "spokesman": "spokesperson_of", "spokeswoman": "spokesperson_of", "spokesperson": "spokesperson_of",
    "ally": "ally_of", "allies": "ally_of",
}
WORK_NOUNS = frozenset(
    ["analyst", "aviator", "adviser", "advisor", "assistant", "aide", "reporter", "correspondent", "journalist", "editor", "columnist", "official", "employee", "researcher", "fellow", "scholar", "professor", "economist", "ambassador", "envoy", "diplomat", "pilot", "agent", "consultant", "staffer", "lawyer", "attorney", "strategist", "writer", "contributor", "producer"]
)
FORMER = frozenset({"former", "ex", "onetime", "erstwhile", "retired", "late", "then"})
CURRENT = frozenset({"now", "current", "currently", "serving", "incumbent", "today"})
LEAD_VERBS = frozenset({"lead", "head", "command", "run", "found", "chair", "direct"})
