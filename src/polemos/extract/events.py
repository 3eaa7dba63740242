"""PLOVER events from the dependency parse: who did what to whom, with evidence.

Each verb is looked up by lemma in the CAMEO verb lexicon (refined by the words
around it), or read as a light verb carrying an event noun ("leading a siege
of", "provided support for", "set fire to").  The CAMEO code maps to a PLOVER
type and mode; the subject, object and prepositional arguments give the source
and target actors (passives, conjunctions, relative clauses and appositions
included).  Negated, conditional and questioned events are not coded; hedges
and claimants are recorded.  ``place`` and ``date`` are left for the places and
dates stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from polemos.extract.event_coding import modality as md
from polemos.extract.event_coding.arguments import ActorFinder
from polemos.extract.event_coding.lexicon import Lexicon, load_lexicon
from polemos.extract.event_coding.plover import PloverCode, goldstein, quad_class, to_plover
from polemos.extract.event_coding.triggers import Coded, as_intent, code_verb, intent_complement
from polemos.kb import KnowledgeBase
from polemos.model import ActorRef, Event, Mention, Sentence
from polemos.nlp.parsed import ParsedArticle

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = ["code_sentence_events", "extract_events"]

TARGET_PREPS = {"against", "on", "at", "towards", "toward", "into", "to", "for", "with", "upon", "of", "from",
                "over",  # "clashed over the efforts of X"
                "off"}  # a particle the parse reads as a preposition ("cordoned off the roads into X")  # fmt: skip
INNER_PREPS = {
    "of",
    "on",
    "against",
    "for",
    "to",
    "towards",
    "toward",
    "at",
    "into",
    "upon",
    "with",
    "between",
    "by",
}
# a place inside the object names a party to a verbal or cooperative act ("criticized the closure of
# guest houses in Bree", "appealed for peace in Ithilen"); for force it only locates the thing hit
# ("set fire to oil wells near Basra"), which is left to the places stage
INNER_PLACE_PREPS = {"in", "near"}
PARTICIPLE_PREPS = {"into", "to", "towards", "toward", "in", "at", "from", "on"}
WARNING = {"warn", "caution", "alert"}
SOURCE_PREPS = {"from", "about"}  # "memos from Bree", "money from Osgiliath": for cooperation only
RECIPROCAL = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
NOUN_TARGET_PREPS = {"between", "of", "on", "against", "for", "to", "towards", "toward", "at", "into", "upon"}
MATERIAL_CONFLICT = 4
VERBAL_CONFLICT = 3
STANCE_PASSIVES = {"oppose": "120", "commit": "030", "dedicate": "030", "devote": "030"}
OBSTRUCT = {"block", "barricade", "obstruct", "blockade", "occupy"}
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "SPY")
SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", "REB", "INS", "OPP", "CVL", "EDU", "LAB", "MED", "BUS", "REL", "PPL", "AGR",
           "NGO", "IGO", "LEG", "HLH", "ENV", "CRM", "ELI", "REF", "MOD", "RAD", "SEP", "UAF"}  # fmt: skip
ASPECTUAL = {"continue", "begin", "start", "resume", "keep", "proceed", "attempt", "try", "manage"}
REFUSAL_OF = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
DOCUMENT_NOUNS = {
    "statement",
    "declaration",
    "letter",
    "message",
    "communique",
    "resolution",
    "report",
    "note",
    # occasions of speech: "held a press conference claiming ...", "posted a video accusing ..."
    "conference",
    "briefing",
    "speech",
    "interview",
    "address",
    "tweet",
    "post",
    "release",
    "video",
}
AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "man", "men")
PERSON_NOUNS = {"individual", "person", "people", "youth", "woman", "child", "children", "suspect", "gunmen", "crowd",
                "mob", "unknown", "civilian", "resident", "citizen", "elder", "leader", "member"}  # fmt: skip
NOT_AGENTS = {"order", "power", "water", "border", "number", "letter", "paper", "matter", "center", "centre",
              "computer", "weather", "fever", "cancer", "disaster", "river", "tower", "shelter", "chapter",
              "quarter", "corner", "summer", "winter", "thunder", "laser", "trigger", "barrier", "filter",
              "layer", "container", "danger", "register", "cluster", "monster", "poster", "sticker", "tremor",
              "motor", "sensor", "door", "floor", "error", "terror", "factor", "sector", "vector", "color", "colour",
              "honour", "honor", "labor", "labour", "elevator", "reactor", "corridor", "mirror", "horror", "rumor",
              "vapor", "favor", "plant", "restaurant", "variant", "tanker", "trailer", "tractor",
              "freighter", "carrier", "cruiser", "destroyer", "launcher", "transporter", "scooter"}  # fmt: skip
# types a generic verb may code with no counterpart ("protesters marched", "O'Rourke dropped out")
STANDALONE = {"PROTEST", "MOBILIZE", "CONCEDE"}
# verbs whose purpose infinitive names the event ("summoned the ambassador to complain",
# "shunned work to protest"); the means verb itself ranks below the purpose
MEANS = {"telephone", "phone", "call", "summon", "send", "dispatch", "despatch", "meet", "gather", "assemble",
         "travel", "visit", "shun", "convene", "write", "fly", "go", "come", "arrive", "take", "march",
         "stage", "hold", "organize", "organise", "rally", "converge", "return", "leave", "use"}  # fmt: skip
ADDRESSING = {"telephone", "phone", "call", "summon", "meet", "visit", "write", "convene"}
# heads whose infinitive is another actor's act or an unrealised one ("urged X to support", "tried to")
NOT_PURPOSE = {"urge", "ask", "call", "order", "force", "allow", "permit", "encourage", "invite", "persuade", "tell",
               "want", "help", "enable", "pressure", "press", "lead", "cause", "need", "be", "have", "seem", "appear",
               "fail", "refuse", "decline", "able", "continue", "begin", "start", "try", "attempt", "seek",
               "expect", "hope", "plan", "intend", "get", "choose", "prefer", "like", "wish", "require", "oblige",
               "compel", "authorize", "authorise", "instruct", "empower", "convince", "appeal", "demand"}  # fmt: skip
# contests: "Maroochydore defeated Caboolture 43-5", "Biden led Trump in the polls", "defeating Trump"
COMPETE_VERBS = {"defeat", "beat", "lead", "trail", "win", "edge", "crush", "knock", "hit", "thrash", "rout", "upset",
                 "eliminate", "unseat", "oust", "contend", "overtake", "outpoll", "outvote", "topple", "face"}  # fmt: skip
CONTEST_WORDS = {"election", "primary", "poll", "vote", "voter", "ballot", "race", "nomination", "nominee",
                 "candidate", "candidacy", "caucus", "delegate", "debate", "match", "game", "tournament",
                 "championship", "league", "season", "cup", "try", "score", "percent", "runoff", "contest",
                 "medal", "semifinal", "quarterfinal", "playoff", "team", "ticket", "referendum"}  # fmt: skip
_SCORE = re.compile(r"\b\d+\s*[-–]\s*\d+\b")
# desires are no requests ("I wanted to help other girls", "1,991 delegates are needed")
NAME_ENTITIES = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "GPE", "PERSON", "NORP"}
DESIRE_VERBS = {"want", "need", "wish", "like", "love", "hope", "prefer"}
GROUP_NOUNS = {"state", "country", "countrie", "nation", "city", "citie", "province", "town", "crowd", "resident", "villager", "citizen", "family", "famili", "regime", "authoritie", "authority",
               "force", "troop", "army", "police", "government", "administration", "official", "group", "militia",
               "rebel", "mob", "population", "public", "side", "party", "movement", "union", "organisation",
               "organization", "council", "committee", "court", "parliament", "congress", "senate", "ministry",
               "agency", "company", "firm", "bank", "team", "club", "school", "university", "hospital",
               "student", "worker", "farmer", "settler", "refugee", "migrant", "prisoner", "detainee", "guard",
               "soldier", "fighter", "insurgent", "guerrilla", "gunman", "gunmen", "militant", "protester",
               "demonstrator", "activist", "leader", "member", "voter", "supporter", "opponent", "doctor",
               "nurse", "journalist", "reporter", "lawyer", "judge", "diplomat", "minister", "envoy", "delegation",
               "coalition", "alliance", "bloc", "network", "cell", "gang", "cartel", "tribe", "clan", "people"}  # fmt: skip
# a noun-phrase target of material conflict must be something that can be harmed, not an idea
# ("attacked the proclamation", "attacked the impeachment inquiry"); an explicit list: suffixes would
# also catch places and bodies ("city", "settlement", "administration")
ABSTRACT_NOUNS = {
    "inquiry", "investigation", "impeachment", "proclamation", "decision", "proposal", "plan", "policy", "law",
    "bill", "idea", "principle", "claim", "report", "statement", "rule", "ruling", "resolution", "constitution",
    "ignorance", "lack", "understanding", "malfunction", "process", "theory", "view", "narrative", "story",
    "record", "result", "figure", "debate", "case", "argument", "notion", "concept", "reform", "legislation",
    "approach", "strategy", "doctrine", "ideology", "freedom", "democracy", "sovereignty", "independence",
    "right", "interest", "reputation", "credibility", "rumour", "rumor", "allegation", "accusation", "verdict",
}  # fmt: skip
_BOILERPLATE = re.compile(r"^\s*(NOW WATCH|READ MORE|SEE ALSO|WATCH|RELATED|SIGN UP|FOLLOW US|SUBSCRIBE)\b")


def _demand(
    parsed: ParsedArticle, finder: ActorFinder, tok: Token, speaker: Token, sentence: Sentence, coded: Coded
) -> Event | None:
    """A REQUEST from the speaker to the subject of an obligation ("X said Y must ...")."""
    source = finder.refs(_subject(speaker)[0], "source")
    target = finder.refs(_subject(tok)[0], "target")
    target = [r for r in target if _is_actor(r)]
    if not source or not target:
        return None
    code = "100"
    plover = to_plover(code)
    if plover is None:  # pragma: no cover - the table always maps 100
        return None
    last = max(coded.tokens, key=lambda t: t.i)
    caption = sentence.section == "caption"
    confidence = round(_confidence(coded, source, target, None, caption, _main_clause(speaker)) - 0.05, 2)
    return _event(parsed, sentence, plover, code, (tok, last), source, target, confidence, None, source[0])


def _event(
    parsed: ParsedArticle, sentence: Sentence, plover: PloverCode, code: str, trigger: tuple[Token, Token],
    source: list[ActorRef], target: list[ActorRef], confidence: float, hedge: str | None,
    claimant: ActorRef | None,
) -> Event:
    """The event record: PLOVER type and mode, CAMEO code with its quad class and Goldstein score, and
    the sentence and trigger (first to last token) as evidence."""
    first, last = trigger
    return Event(
        type=plover.type,
        evidence=parsed.evidence(sentence.start, sentence.end),
        trigger=parsed.evidence(first.idx, last.idx + len(last.text)),
        mode=plover.mode,
        source=source,
        target=target,
        cameo=code,
        quad_class=quad_class(plover.type),
        goldstein=goldstein(code),
        confidence=confidence,
        hedge=hedge,
        claimant=claimant,
        from_caption=sentence.section == "caption",
    )


ENABLING = {"allow", "permit", "enable", "help", "ensure", "make", "let", "facilitate", "assist", "support"}


def _condition(tok: Token) -> str | None:
    """ "if" or "unless" when the verb's own clause is conditioned ("will withdraw unless X
    arranges a ceasefire", "may halt mediation if cooperation founders"): a stated intent."""
    for c in tok.children:
        if c.dep_ == "advcl":
            mark = next(
                (m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")), None
            )
            if mark is not None:
                return mark
    return None


def _contest(sent: Span) -> bool:
    """The sentence tells of an election or a sports contest (a score, "polls", "nomination")."""
    return bool(_SCORE.search(sent.text)) or any(
        t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CONTEST_WORDS for t in sent
    )


def _purpose_head(tok: Token) -> Token | None:
    """The verb whose purpose ``tok`` states ("shunned work to protest": shunned), if it is one.

    An adverbial "to"-infinitive, or the infinitive complement of a means verb ("telephoned X
    to discuss"); not the complement of a verb that asks, lets or forces another actor.
    """
    if not md.is_infinitive(tok) or tok.head.pos_ not in ("VERB", "AUX") or tok.head is tok:
        return None
    if tok.lemma_.lower() in ENABLING:  # "opened the bridge to allow deliveries": no act of its own
        return None
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma in NOT_PURPOSE:
        return None
    if tok.dep_ == "advcl":
        return head
    if (
        tok.dep_ == "xcomp"
        and lemma in MEANS
        and not (lemma == "use" and not any(c.dep_ == "dobj" for c in head.children))
    ):
        return head
    return None


def _governor(tok: Token) -> Token | None:
    """The nearest verb above ``tok``'s clause ("indicated" in "X indicated it would act")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


NOMINAL_SUFFIXES = ("ion", "ment", "al", "ure", "ance", "ence", "ing")


def _act_agent(noun: Token, lex: Lexicon | None) -> Token | None:
    """Who did the act an object noun names: "condemned an attack by X", "denounced Serbia's
    suppression of ..." -> X, Serbia (only for event nouns and nominalisations)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or not (
        (lex is not None and lemma in lex.nouns) or lemma.endswith(NOMINAL_SUFFIXES)
    ):
        return None
    agent = _noun_agent(noun)
    if agent is not noun:
        return agent
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _noun_agent(noun: Token) -> Token:
    """Who does what an event noun names: its "by" agent, else the noun itself (read by its modifiers)."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "by":
            obj = next((o for o in p.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return noun


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """(subject head, passive) of verb ``tok``, following conjunctions and clauses up."""
    cur = tok
    for _ in range(4):
        for c in cur.children:
            if c.dep_ == "nsubj":
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in DOCUMENT_NOUNS and cur.head.dep_ == "dobj":
            cur = cur.head.head  # "issued a statement demanding ...": the issuer demands
            continue
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            passive = cur.dep_ == "acl" and cur.tag_ == "VBN"
            return cur.head, passive
        if cur.dep_ == "xcomp" or (
            cur.dep_ == "advcl" and cur.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cur.children)
        ):  # "seized power, detaining X": the participle shares its governor's subject
            cur = cur.head
            continue
        break
    return None, False


def _agent(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    """Objects of all of ``tok``'s prepositions in ``preps``, in order."""
    return [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _prep_object(tok: Token, preps: set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    return None


def _inner_objects(noun: Token, cooperative: bool, places: bool = True) -> list[Token]:
    """Objects inside a noun phrase: its prepositions ("the closure of guest houses in Bree"), the
    prepositions of a participle describing it ("the roads leading into Mordor") and, for
    cooperation, where a thing given or said came from ("memos sent by Bree", "money from
    Osgiliath"); outside cooperation "from" tells whose the thing is ("a vessel from Korea")."""
    preps = (
        INNER_PREPS | (SOURCE_PREPS if cooperative else {"from"}) | (INNER_PLACE_PREPS if places else set())
    )
    out = _prep_objects(noun, preps)
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBG":  # "roads leading into X", "a parade supporting X"
            out.extend(_prep_objects(c, PARTICIPLE_PREPS))
            out.extend(o for o in c.children if o.dep_ == "dobj")
        if cooperative and c.dep_ == "acl" and c.tag_ == "VBN":
            out.extend(_prep_objects(c, {"from"}))
            agent = _agent(c)
            if agent is not None:
                out.append(agent)
    return out


def _targets(
    finder: ActorFinder,
    tok: Token,
    coded: Coded,
    passive: bool,
    subj: Token | None,
    lex: Lexicon | None = None,
) -> list[ActorRef]:
    """Target actors: passive subject, object, noun arguments, prepositions, purpose clause."""
    if passive and subj is not None:
        refs = finder.refs(subj, "target")
        if refs:
            return refs
    candidates: list[Token] = []
    if tok.lemma_.lower() in WARNING:  # "warned their populations about X": X is warned against
        against = _prep_objects(tok, {"about", "of", "against"})
        for obj in tok.children:  # the parse often hangs "about X" on the warned
            if obj.dep_ in ("dobj", "dative"):
                against.extend(_prep_objects(obj, {"about", "against"}))
        for obj in list(against):  # "about the dangers of X", before the warned themselves
            against.extend(_inner_objects(obj, False))
        candidates.extend(against)
    if coded.travel:  # "arrived in Amman on a visit": the host
        candidates.extend(_prep_objects(tok, {"in", "to", "for"}))
    if coded.noun is not None:
        obj = _prep_object(coded.noun, NOUN_TARGET_PREPS | {"with"})
        if obj is not None:
            candidates.append(obj)
        by = _noun_agent(coded.noun)
        if by is not coded.noun and coded.noun.dep_ == "dobj":  # "condemned an attack by X"
            candidates.append(by)
    else:
        candidates.extend(
            c
            for c in tok.children
            if c.dep_ in ("dobj", "dative")
            and c.pos_ != "PRON"
            or (c.dep_ == "dobj" and c.lower_ in ("him", "her", "them"))
        )
    # every target preposition, not only the first ("signed a protocol for 1990 with Dagolath")
    candidates.extend(
        o
        for c in tok.children
        if c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS
        for o in c.children
        if o.dep_ == "pobj"
    )
    for c in tok.children:  # "offered air strikes to support the Iraqi army"
        if c.dep_ in ("advcl", "xcomp") and md.is_infinitive(c):
            candidates.extend(o for o in c.children if o.dep_ == "dobj")
    candidates.extend(  # "marched close to the border with X" (not "prior to")
        o for c in tok.children if c.dep_ == "advmod" and c.lower_ in NEAR for o in _prep_objects(c, {"to"})
    )
    plover = to_plover(coded.code, lex.fallback_type if lex is not None else None)
    quad = (quad_class(plover.type) or 0) if plover is not None else 0
    cooperative = quad in (1, 2)
    frontier = list(candidates)
    for _ in range(3):  # "boycott contact with the United States", "a protocol for 1990 with Dagolath"
        frontier = [
            o for cand in frontier for o in _inner_objects(cand, cooperative, quad != MATERIAL_CONFLICT)
        ]
        candidates.extend(frontier)
    if coded.noun is None:  # "demanded that the US cancel ...": who is to act
        candidates.extend(
            o
            for c in tok.children
            if c.dep_ == "ccomp"
            for o in c.children
            if o.dep_ in ("nsubj", "nsubjpass")
        )
        candidates.extend(  # "expressed hopes that X would ...": the clause of the object noun
            o
            for d in tok.children
            if d.dep_ == "dobj"
            for c in d.children
            if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for o in c.children
            if o.dep_ in ("nsubj", "nsubjpass")
        )
    if coded.noun is None and candidates and candidates[0].dep_ == "dobj":
        for cand in list(candidates[:1]):  # "condemned an attack by Osgiliath soldiers": the attackers
            agent = _act_agent(cand, lex)
            if agent is not None:
                candidates.insert(0, agent)
    if not coded.travel and quad != MATERIAL_CONFLICT:
        # a place where something was done comes after a party to it ("celebrated Eid at X with Y")
        candidates.sort(key=_locative)
    fallback: list[ActorRef] = []
    for cand in candidates:
        refs = finder.refs(cand, "target")
        if any(_is_actor(r) for r in refs):
            return refs
        fallback = fallback or refs
    return fallback


LOCATIVE_PREPS = {"at", "in", "near"}
NEAR = {"close", "closer", "near", "nearer", "next"}


def _locative(tok: Token) -> bool:
    """The object of a place preposition ("at Osgiliath", "in Bree")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def _joint(tok: Token) -> bool:
    """The act's object belongs to its several subjects together ("A and B delayed their meeting")."""
    return any(
        c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ == "their" for p in c.children)
        for c in tok.children
    )


def _is_state(ref: ActorRef) -> bool:
    """A state actor: a country, or a government, military, police or judicial agent."""
    code = ref.code or ""
    return (len(code) == 3 and code.isalpha() and code not in SECTORS) or any(
        s in code for s in STATE_SECTORS
    )


def _bare_verb(tok: Token, arg_tok: Token, mode: str | None) -> bool:
    """The verb states its event alone: no infinitive or intent complement carries the
    counterpart ("refused to deploy", "said it will support ..."); a that-clause's subject is
    found as a target."""
    if arg_tok is not tok or mode is not None:
        return False
    return not any(c.dep_ in ("xcomp", "advcl", "parataxis") for c in tok.children)


def _agent_noun(ref: ActorRef) -> bool:
    """A bare noun phrase headed by an agent noun ("traditional elders", "protesters"), not a thing."""
    words = ref.name.lower().split()
    if not words:
        return False
    word = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    return word in PERSON_NOUNS or (word not in NOT_AGENTS and words[-1].endswith(AGENT_SUFFIXES))


def _group_noun(ref: ActorRef) -> bool:
    """A bare noun phrase naming people as a body ("the crowd", "residents", "the regime")."""
    words = ref.name.lower().split()
    return bool(words) and words[-1].rstrip("s") in GROUP_NOUNS


def _named(ref: ActorRef) -> bool:
    """The phrase holds a name ("the APEC forum", "Ethopia"), which the actor stage may have missed."""
    return any(w[:1].isupper() for w in ref.name.split())


def _abstract(ref: ActorRef) -> bool:
    """A bare noun phrase naming an idea or a document, which no act of force can hit."""
    if _is_actor(ref):
        return False
    head = ref.name.lower().split()[-1] if ref.name.split() else ""
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return head in ABSTRACT_NOUNS


def _own_side(
    finder: ActorFinder, source: list[ActorRef], target: list[ActorRef], quad: int
) -> tuple[list[ActorRef], list[ActorRef]]:
    """A conflict inside one state keeps the focus country only where the parties differ: "fighter
    jets struck the Syrian army" in an article about Syria is no Syrian act against itself."""
    if quad < VERBAL_CONFLICT:
        return source, target

    def same(r: ActorRef, others: list[ActorRef]) -> bool:
        code = r.code or ""
        return any(o.key == r.key or (o.key.startswith("state:") and o.code == code[:3]) for o in others)

    src = [finder.without_focus(r) if same(r, target) else r for r in source]
    tgt = [finder.without_focus(r) if same(r, source) else r for r in target]
    return src, tgt


def _hosting(visit: Event, coded: Coded) -> Event | None:
    """A visit is also hosted (CAMEO 042 and 043): "Romendacil arrived in Gondor on a visit" ->
    Gondor hosts Romendacil, as a second event of the same trigger, ranked a little lower."""
    if not (coded.travel or coded.code == "042") or visit.type != "CONSULT":
        return None
    hosts = [r for r in visit.target if _is_actor(r)]
    guests = [r for r in visit.source if _is_actor(r)]
    plover = to_plover("043")
    if not hosts or not guests or plover is None:
        return None
    return replace(
        visit,
        source=hosts,
        target=guests,
        cameo="043",
        mode=plover.mode,
        goldstein=goldstein("043"),
        confidence=round(max(0.05, visit.confidence - 0.1), 2),
        claimant=visit.claimant,
    )


def _other_party(event: Event, coded: Coded) -> Event | None:
    """The other party's act of a two-sided pattern (CAMEO ``[A:B]``): "X received the envoy of Y"
    is X hosting (A) and Y visiting (B); "X met Y" is each meeting the other.  A second event
    of the same trigger with the sides swapped, ranked a little lower; only between actors."""
    code = coded.reverse or ""
    plover = to_plover(code)
    sources = [r for r in event.target if _is_actor(r)]
    targets = [r for r in event.source if _is_actor(r)]
    if plover is None or not sources or not targets or {r.key for r in sources} == {r.key for r in targets}:
        return None  # "A and B postponed their talks" is already each against the other
    return replace(
        event,
        type=plover.type,
        source=sources,
        target=targets,
        cameo=code,
        mode=plover.mode,
        quad_class=quad_class(plover.type),
        goldstein=goldstein(code),
        confidence=round(max(0.05, event.confidence - 0.1), 2),
    )


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    return [r for r in refs if not (r.key in seen or seen.add(r.key))]  # type: ignore[func-returns-value]


def _is_actor(ref: ActorRef) -> bool:
    """A known or typed actor, not a bare noun phrase ("oil wells")."""
    return not ref.key.startswith("np:")


def _main_clause(tok: Token) -> bool:
    """The trigger states the sentence's main assertion (or what a speaker asserts)."""
    cur = tok
    while cur.dep_ in ("conj", "xcomp"):
        cur = cur.head
    if cur.dep_ == "ROOT":
        return True
    return cur.dep_ in ("ccomp", "parataxis") and cur.head.dep_ == "ROOT" and md.speech_head(cur) is not None


def _confidence(
    coded: Coded,
    source: list[ActorRef],
    target: list[ActorRef],
    hedge: str | None,
    caption: bool,
    main: bool,
) -> float:
    """A 0-1 score: typed actors, a verbal trigger and a main clause raise it; hedges lower it."""
    score = 0.5 + (0.2 if main else 0.0)
    score += 0.15 if any(r.code for r in source) else 0.05 if source else 0.0
    score += 0.1 if any(r.code for r in target) else 0.05 if target else 0.0
    score += 0.05 if coded.noun is None else 0.0
    score -= 0.15 if hedge else 0.0
    score -= 0.05 if caption else 0.0
    return round(max(0.05, min(0.95, score)), 2)


def code_sentence_events(
    parsed: ParsedArticle,
    finder: ActorFinder,
    sent: Span,
    sentence: Sentence,
    lex: Lexicon | None = None,
    quoted_by: ActorRef | None = None,
) -> list[Event]:
    """The events of one sentence; ``quoted_by`` is the speaker when the sentence lies inside a quote."""
    lex = lex or load_lexicon()
    if md.is_question(sent) or _BOILERPLATE.match(sentence.text):
        return []
    events: list[Event] = []
    used: set[int] = set()
    purposes: list[tuple[Token, Event]] = []
    contest: bool | None = None
    claim_obj = md.according_to(sent)
    for tok in sent:
        if tok.i in used or tok.lower_ == "according" or tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.pos_ == "AUX" and tok.dep_ not in ("ROOT", "ccomp", "conj", "relcl"):
            continue
        if tok.lemma_.lower() in DESIRE_VERBS or (tok.ent_type_ in NAME_ENTITIES and tok.is_title):
            continue  # "I wanted to help", "Capitol Hill Occupied Protests"
        if tok.lemma_.lower() in COMPETE_VERBS and contest is None:
            contest = _contest(sent)
        if contest and tok.lemma_.lower() in COMPETE_VERBS:
            continue
        coded = code_verb(lex, tok) if tok.pos_ == "VERB" else None
        complement = intent_complement(lex, tok)
        arg_tok = tok
        if complement is not None:  # "vowed to attack": the intent, triggered by both verbs
            used.add(complement[0].i)
            arg_tok = complement[0]
            inner = complement[1]
            coded = Coded(as_intent(inner.code, tok.lemma_.lower()), [tok, *inner.tokens], inner.noun)
        if (
            coded is None
            and tok.pos_ == "VERB"
            and md.obligation(tok)
            and (tok.dep_ == "ccomp" or md.speech_head(tok) is not None)
        ):  # "X reiterated that Libya must hand over ...", not "candidates must receive 15%"
            coded = Coded("100", [tok, *(c for c in tok.children if c.dep_ == "prt")])
        if coded is None:
            continue
        aspectual = tok.head.lemma_.lower() in ASPECTUAL and tok.dep_ == "xcomp"
        if aspectual and tok.head.i in used:
            continue  # "prepared to resume shelling": the intent is the event; no shelling has resumed
        purpose = _purpose_head(tok) if complement is None and not aspectual else None
        if (md.is_infinitive(tok) and not aspectual and purpose is None) or md.is_conditional(tok):
            continue
        mode = md.modality(tok) if purpose is None else md.modality(purpose)
        if md.is_negated(tok):
            refusal = REFUSAL_OF.get(coded.code[:2]) if mode == "future" or md.would_in_report(tok) else None
            if refusal is None:
                continue
            coded.code = refusal  # "will not accept refugees": a refusal, stated now
            coded.reverse = None
            mode = None
        speaker = md.speech_head(tok)
        if mode == "modal" and speaker is not None and md.obligation(tok):
            # "X said Libya must hand over the suspects": X asks Libya
            demand = _demand(parsed, finder, tok, speaker, sentence, coded)
            if demand is not None:
                used.update(t.i for t in coded.tokens)
                events.append(demand)
            continue
        condition = _condition(tok) if mode is not None else None
        if mode == "modal" and not (md.would_in_report(tok)) and condition is None:
            plover0 = to_plover(coded.code, lex.fallback_type)
            if plover0 is None or plover0.type not in md.INTENT_TYPES:
                continue
        if coded.swapped and mode is not None:
            continue  # "could receive a prison sentence": another's act, not yet done and no intent of the subject
        if mode is not None:  # "will withdraw its force unless ...": a threat
            coded.code = as_intent(coded.code, "threaten" if condition == "unless" else None)
            coded.reverse = None  # an intent is the speaker's alone
        plover = to_plover(coded.code, lex.fallback_type)
        if plover is None:
            continue
        if mode is None and tok.lemma_.lower() in lex.verb_type and arg_tok is tok:
            plover = PloverCode(lex.verb_type[tok.lemma_.lower()], None, plover.context)
        subj, passive = _subject(tok if purpose is None else purpose)
        stance = STANCE_PASSIVES.get(tok.lemma_.lower()) if passive else None
        if stance and _prep_object(tok, {"to"}) is not None:  # "Israel is opposed to the plan"
            coded.code, passive = stance, False
            plover = to_plover(stance) or plover
        between: list[ActorRef] = []
        source_only = False
        if coded.subject_event and coded.noun is not None:  # "Palestinian riots against X continued"
            subj = _noun_agent(coded.noun)
            between = finder.refs(_prep_object(coded.noun, {"between"}), "source")
            source_only = True
        if (
            subj is not None
            and subj.pos_ == "PRON"
            and speaker is not None
            and not passive
            and _governor(tok) is speaker
        ):
            subj = _subject(speaker)[0]  # "X said they would ...": they = X
        source = finder.refs(_agent(tok), "source") if passive else finder.refs(subj, "source")
        if (
            subj is not None
            and subj.dep_ == "nsubj"
            and not passive
            and not any(_is_actor(r) for r in source)
        ):
            for other in subj.head.children:  # "Old foes Gondor and Osgiliath have renewed ties"
                if other.dep_ == "nsubj" and other is not subj:
                    refs = finder.refs(other, "source")
                    if any(_is_actor(r) for r in refs):
                        source = refs
                        break
        if source_only:  # the event noun itself is no actor ("Talks resumed")
            source = [r for r in source if _is_actor(r)]
        # things and quantities make no verbal or cooperative act ("infections increased", "water
        # restored"); weapons may still strike ("a car bomb killed five people")
        if quad_class(plover.type) != MATERIAL_CONFLICT:
            source = [r for r in source if _is_actor(r) or _agent_noun(r) or _group_noun(r) or _named(r)]
        target = _targets(finder, arg_tok, coded, passive, subj, lex)
        if not any(_is_actor(r) for r in target) and arg_tok is not tok:  # "warned the US not to interfere"
            target = _targets(finder, tok, Coded(coded.code, [tok]), passive, subj) or target
        if (
            purpose is not None
            and purpose.lemma_.lower() in ADDRESSING
            and not any(_is_actor(r) for r in target)
        ):  # "summoned X to complain": X is addressed (not "sent officers to protect ...")
            target = [
                r
                for r in _targets(finder, purpose, Coded(coded.code, [purpose]), passive, subj)
                if _is_actor(r)
            ] or target
        if coded.swapped and not passive:  # "Egypt received a loan from Japan": Japan gives, Egypt gets
            source, target = target, source  # the giver is read from the object, so it must be an actor
            source = [r for r in source if _is_actor(r) or _agent_noun(r) or _group_noun(r)]
            if not target:
                continue  # "migrated to Australia" with no one said to have migrated
        source, target = _own_side(finder, source, target, quad_class(plover.type) or 0)
        source_keys = {r.key for r in source}
        target = [r for r in target if r.key not in source_keys]
        if (
            coded.code[:2] == "17"
            and tok.lemma_.lower() in OBSTRUCT
            and not any(_is_state(r) for r in source)
        ):
            coded.code = "144"  # people blocking roads protest; the state blocking them coerces
            plover = to_plover(coded.code) or plover
        if plover.type in ("RETREAT", "MOBILIZE"):  # "withdrew from Debaltseve": a place, not a party
            target = [r for r in target if finder.place_state(r) is r]
        if quad_class(plover.type) != MATERIAL_CONFLICT:
            target = [r for r in target if _is_actor(r)]
        elif plover.type != "MOBILIZE":  # "shelled Debaltseve": the town's state is hit; the town is a place
            target = _dedupe([s for s in (finder.place_state(r) for r in target) if s is not None])
            target = [r for r in target if r.key not in source_keys]
        if target and all(_abstract(r) for r in target) and plover.type in STANDALONE:
            target = []  # "demonstrations to demand political reforms": a protest needs no hit target
        if target and all(_abstract(r) for r in target):
            continue  # "attacked the impeachment inquiry", "the court demonstrated a shocking ignorance"
        if (
            coded.default
            and tok.dep_ == "acl"
            and tok.tag_ == "VBN"
            and quad_class(plover.type) != MATERIAL_CONFLICT
        ):
            continue  # a generic participle describing a noun ("the restriction introduced by X")
        if coded.default and plover.type not in STANDALONE and _bare_verb(tok, arg_tok, mode):
            # a generic verb alone ("rockets struck", "the warnings apply"): actors only, and a
            # counterpart ("Kay Hagan died", "X attended", "Y claimed" code nothing)
            source = [r for r in source if _is_actor(r) or _agent_noun(r)]
            material = quad_class(plover.type) == MATERIAL_CONFLICT
            counterpart = (
                any(_is_actor(r) or material for r in target)
                or (len(source) > 1 and (plover.type in RECIPROCAL or _joint(tok)))
                or (material and any(_is_actor(r) for r in source))  # "the guerrillas attacked at dawn"
            )
            if not counterpart and coded.code[:2] == "10" and any(c.dep_ == "ccomp" for c in tok.children):
                counterpart = True  # "elders demanded that control of the ministry be taken away"
            if not counterpart:
                continue
        if (
            purpose is not None
            and purpose.lemma_.lower() not in MEANS
            and plover.type not in STANDALONE
            and not any(_is_actor(r) for r in target)
        ):
            continue  # "attended a party to fight off COVID-19"
        if len(between) > 1:  # "clashes between A and B": each against the other
            source, target = between, list(between)
        if len(source) > 1 and (
            (not target and plover.type in RECIPROCAL)
            or (_joint(tok) and not any(_is_actor(r) for r in target))
        ):
            # "Israel and Jordan agreed", "A and B delayed their meeting": each with the other
            target = list(source)
        if not source and (
            (quad_class(plover.type) or 0) < VERBAL_CONFLICT or not any(_is_actor(r) for r in target)
        ):
            continue  # "X was accused", "Y was attacked": conflict may be coded against a known target alone
        used.update(t.i for t in coded.tokens)
        hedge = md.hedge_of(tok)
        claimant = None
        if speaker is not None:
            s_subj, _ = _subject(speaker)
            refs = finder.refs(s_subj, "source")
            claimant = refs[0] if refs else None
        elif claim_obj is not None:
            refs = finder.refs(claim_obj, "source")
            claimant = refs[0] if refs else None
        if claimant is None:
            claimant = quoted_by
        trigger_tokens = [coded.noun] if coded.subject_event and coded.noun is not None else coded.tokens
        first = min(trigger_tokens, key=lambda t: t.i)
        last = max(trigger_tokens, key=lambda t: t.i)
        caption = sentence.section == "caption"
        confidence = _confidence(coded, source, target, hedge, caption, _main_clause(purpose or tok))
        events.append(
            _event(parsed, sentence, plover, coded.code, (first, last), source, target, confidence, hedge, claimant)
        )
        other = _other_party(events[-1], coded) if coded.reverse else _hosting(events[-1], coded)
        if other is not None:
            events.append(other)
        if purpose is not None:
            purposes.append((purpose, events[-1]))
    for means, event in purposes:  # "telephoned X to discuss": the discussion is the event told
        for other in events:
            if other is not event and other.type == "PROTEST" and other.trigger.start == means.idx:
                # "staged demonstrations to demand reforms": the protest is the act, the demand its claim
                event.confidence = round(max(0.05, min(event.confidence, other.confidence - 0.05)), 2)
            if (
                other is not event
                and other.trigger.start == means.idx
                and other.trigger.end == means.idx + len(means.text)  # not "staged demonstrations"
                and means.lemma_.lower() in MEANS
            ):
                other.confidence = round(max(0.05, other.confidence - 0.1), 2)
    return events


def extract_events(
    parsed: ParsedArticle, kb: KnowledgeBase, mentions: list[Mention], lex: Lexicon | None = None
) -> list[Event]:
    """PLOVER events of ``parsed``, in text order, each with trigger and sentence evidence.

    ``lex`` replaces the bundled lexicon (e.g. one built from another verb dictionary).
    """
    lex = lex or load_lexicon()
    finder = ActorFinder(parsed, mentions, kb)  # kb: agents' actors and the states of places
    by_start = {s.start: s for s in parsed.sentences}
    sents = [s for s in parsed.doc.sents if s.start_char in by_start]
    inside = _inside_quote(parsed.article.text, [s.start_char for s in sents])
    events: list[Event] = []
    for i, sent in enumerate(sents):
        speaker = _quote_speaker(finder, sents, i) if inside[i] else None
        events.extend(code_sentence_events(parsed, finder, sent, by_start[sent.start_char], lex, speaker))
    return events


def _inside_quote(text: str, starts: list[int]) -> list[bool]:
    """For each sentence start, whether it lies inside an open quotation (reset at paragraph breaks)."""
    out: list[bool] = []
    depth, pos = 0, 0
    for start in starts:
        chunk = text[pos:start]
        for i, ch in enumerate(chunk):
            if ch == "\n" and chunk[i + 1 : i + 2] == "\n":
                depth = 0
            elif ch == "“":
                depth = 1
            elif ch == "”":
                depth = 0
            elif ch == '"':
                depth = 1 - depth
        pos = start
        out.append(depth > 0)
    return out


def _quote_speaker(finder: ActorFinder, sents: list[Span], i: int) -> ActorRef | None:
    """The speaker of the quote a sentence sits in: a reporting verb's subject nearby (before, then after)."""
    for j in (i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < len(sents):
            for tok in sents[j]:
                if tok.pos_ == "VERB" and tok.lemma_.lower() in md.SPEECH_VERBS:
                    refs = finder.refs(_subject(tok)[0], "source")
                    if refs:
                        return refs[0]
    return None
