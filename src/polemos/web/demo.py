"""A demo store for the web app's tests and benchmark, built without spaCy.

This is a *fixture*, not an extractor: it marks a fixed list of actor names, places and
action words in the example corpus (``examples/articles.jsonl``) so that every page has
realistic, evidence-backed records to show.  Real stores come from `polemos ingest`.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from polemos.model import Actor, Article, Event, Evidence, Extraction, Mention, Place, Quote, Sentence
from polemos.store import Store

# (key, name, type, country, sector, aliases)
ACTORS: list[tuple[str, str, str, str | None, str | None, list[str]]] = [
    ("IRQGOV", "Iraqi government", "ORG", "IRQ", "GOV", ["Iraqi government", "Iraqi authorities"]),
    ("IRQMIL", "Iraqi forces", "ORG", "IRQ", "MIL", ["Iraqi forces", "Iraqi security forces", "Iraqi troops"]),
    ("PMF", "Popular Mobilization Forces", "GROUP", "IRQ", "REB", ["Popular Mobilization Forces", "PMF",
                                                                  "Shia militias", "Shia militia"]),
    ("ISIS", "Islamic State", "GROUP", None, "REB", ["Islamic State", "ISIS"]),
    ("ABADI", "Haider al-Abadi", "PERSON", "IRQ", "GOV", ["Haider al-Abadi", "Abadi"]),
    ("SOLEIMANI", "Qasem Soleimani", "PERSON", "IRN", "MIL", ["Qasem Soleimani", "Soleimani"]),
    ("IRN", "Iran", "GPE", "IRN", None, ["Iran", "Tehran", "Iranian"]),
    ("USA", "United States", "GPE", "USA", None, ["United States", "Washington", "US-led coalition", "US"]),
    ("TRUMP", "Donald Trump", "PERSON", "USA", "GOV", ["Trump", "Donald Trump"]),
    ("RUS", "Russia", "GPE", "RUS", None, ["Russia", "Moscow", "Russian"]),
    ("UKR", "Ukraine", "GPE", "UKR", None, ["Ukraine", "Kyiv", "Kiev", "Ukrainian"]),
    ("EU", "European Union", "ORG", None, "IGO", ["European Union", "EU"]),
    ("SYR", "Syria", "GPE", "SYR", None, ["Syria", "Syrian"]),
    ("TUR", "Turkey", "GPE", "TUR", None, ["Turkey", "Ankara", "Turkish"]),
    ("SDF", "Syrian Democratic Forces", "GROUP", "SYR", "REB", ["Syrian Democratic Forces", "SDF",
                                                               "Kurdish-led forces"]),
    ("PRK", "North Korea", "GPE", "PRK", None, ["North Korea", "Pyongyang"]),
    ("KIM", "Kim Jong Un", "PERSON", "PRK", "GOV", ["Kim Jong Un", "Kim"]),
    ("GBR", "Britain", "GPE", "GBR", None, ["Britain", "London", "British"]),
    ("VEN", "Venezuela", "GPE", "VEN", None, ["Venezuela", "Venezuelan", "Maduro"]),
    ("COL", "Colombia", "GPE", "COL", None, ["Colombia", "Bogota", "Colombian"]),
    ("TALIBAN", "Taliban", "GROUP", "AFG", "REB", ["Taliban"]),
    ("UN", "United Nations", "ORG", None, "IGO", ["United Nations", "UN"]),
    ("ARM", "Armenia", "GPE", "ARM", None, ["Armenia", "Armenian"]),
    ("AZE", "Azerbaijan", "GPE", "AZE", None, ["Azerbaijan", "Azerbaijani"]),
    ("MMRMIL", "Myanmar military", "ORG", "MMR", "MIL", ["Myanmar military", "Myanmar's military"]),
    ("SUUKYI", "Aung San Suu Kyi", "PERSON", "MMR", "GOV", ["Aung San Suu Kyi", "Suu Kyi"]),
    ("SAU", "Saudi Arabia", "GPE", "SAU", None, ["Saudi Arabia", "Saudi"]),
    ("SDN", "Sudan military", "ORG", "SDN", "MIL", ["Sudan's military", "military council"]),
    ("BLR", "Belarus", "GPE", "BLR", None, ["Belarus", "Lukashenko"]),
    ("PSE", "Palestinians", "GROUP", "PSE", None, ["Palestinians", "Palestinian"]),
]

# name -> (geonameid, lat, lon, alpha-2)
PLACES: dict[str, tuple[int, float, float, str]] = {
    "Tikrit": (89570, 34.61, 43.68, "IQ"), "Samarra": (94787, 34.2, 43.87, "IQ"),
    "Baghdad": (98182, 33.34, 44.4, "IQ"), "Mosul": (99072, 36.34, 43.13, "IQ"),
    "Minsk": (625144, 53.9, 27.57, "BY"), "Debaltseve": (711369, 48.34, 38.41, "UA"),
    "Madaya": (170000, 33.69, 36.1, "SY"), "Guam": (4043988, 13.44, 144.79, "GU"),
    "Salisbury": (2638664, 51.07, -1.79, "GB"), "Singapore": (1880252, 1.29, 103.85, "SG"),
    "Crimea": (703883, 45.0, 34.0, "UA"), "Kerch Strait": (703000, 45.2, 36.5, "UA"),
    "Hong Kong": (1819729, 22.28, 114.16, "HK"), "Khartoum": (379252, 15.55, 32.53, "SD"),
    "Biarritz": (3032797, 43.48, -1.56, "FR"), "Santiago": (3871336, -33.46, -70.65, "CL"),
    "Doha": (290030, 25.29, 51.53, "QA"), "Kabul": (1138958, 34.53, 69.17, "AF"),
    "Nagorno-Karabakh": (587000, 39.82, 46.75, "AZ"), "Naypyidaw": (6611854, 19.75, 96.13, "MM"),
    "Cucuta": (3685533, 7.89, -72.51, "CO"), "Abqaiq": (109435, 25.94, 49.68, "SA"),
    "Ain al-Asad": (99000, 33.8, 42.44, "IQ"), "Erbil": (95446, 36.19, 44.01, "IQ"),
    "Brussels": (2800866, 50.85, 4.35, "BE"), "Raqqa": (163915, 35.95, 39.01, "SY"),
}

# action word -> (PLOVER type, CAMEO, quad class, Goldstein)
TRIGGERS: dict[str, tuple[str, str, int, float]] = {
    "strike": ("ASSAULT", "195", 4, -10.0), "strikes": ("ASSAULT", "195", 4, -10.0),
    "attack": ("ASSAULT", "190", 4, -10.0), "attacked": ("ASSAULT", "190", 4, -10.0),
    "attacks": ("ASSAULT", "190", 4, -10.0), "killed": ("ASSAULT", "190", 4, -10.0),
    "kills": ("ASSAULT", "190", 4, -10.0), "fired": ("ASSAULT", "195", 4, -10.0),
    "fires": ("ASSAULT", "195", 4, -10.0), "offensive": ("FIGHT", "190", 4, -10.0),
    "fighting": ("FIGHT", "190", 4, -10.0), "seized": ("SEIZE", "171", 4, -9.2),
    "seizes": ("SEIZE", "171", 4, -9.2), "detained": ("SEIZE", "173", 4, -9.2),
    "detains": ("SEIZE", "173", 4, -9.2), "sanctions": ("SANCTION", "163", 3, -8.0),
    "expels": ("REDUCE", "166", 3, -5.0), "threatens": ("THREATEN", "130", 3, -4.4),
    "threatened": ("THREATEN", "130", 3, -4.4), "accused": ("ACCUSE", "112", 3, -2.0),
    "accuses": ("ACCUSE", "112", 3, -2.0), "condemned": ("ACCUSE", "111", 3, -2.0),
    "urged": ("REQUEST", "020", 1, 3.0), "called": ("REQUEST", "020", 1, 3.0),
    "met": ("CONSULT", "040", 1, 1.0), "talks": ("CONSULT", "040", 1, 1.0),
    "visited": ("CONSULT", "042", 1, 1.9), "agreed": ("AGREE", "057", 1, 8.0),
    "signed": ("AGREE", "057", 1, 8.0), "backed": ("SUPPORT", "051", 1, 3.4),
    "supported": ("SUPPORT", "051", 1, 3.4), "assisting": ("AID", "070", 2, 7.0),
    "aid": ("AID", "070", 2, 7.0), "withdraw": ("RETREAT", "0874", 2, 7.0),
    "protests": ("PROTEST", "140", 3, -6.5), "rejects": ("REJECT", "120", 3, -4.0),
    "rejected": ("REJECT", "120", 3, -4.0), "denies": ("REJECT", "120", 3, -4.0),
}

_SENT = re.compile(r"[^\n]+?(?:[.!?][\"”]?(?=\s)|$)", re.M)
_QUOTE = re.compile(r"[\"“]([^\"”]{10,})[\"”]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _alias_pattern() -> tuple[re.Pattern[str], dict[str, Actor]]:
    by_alias: dict[str, Actor] = {}
    for key, name, typ, country, sector, aliases in ACTORS:
        actor = Actor(key=key, name=name, type=typ, country=country, sector=sector, aliases=list(aliases))
        for a in aliases:
            by_alias.setdefault(a, actor)
    names = sorted(by_alias, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), by_alias


def sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets (a simple rule: end at . ! ? or a line end)."""
    out: list[Sentence] = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if s < e:
            out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e]))
    return out


def annotate(article: Article) -> Extraction:
    """Mark the listed actors, places, action words and quotes in one article (demo only)."""
    pattern, by_alias = _alias_pattern()
    text, aid = article.text, article.id
    ex = Extraction(article=article, sentences=sentences(text))
    for sent in ex.sentences:
        def ev(start: int, end: int, s: Sentence = sent) -> Evidence:
            return Evidence(aid, s.index, start, end, text[start:end])

        mentions = []
        for m in pattern.finditer(text, sent.start, sent.end):
            actor = by_alias[m.group(1)]
            mention = Mention(text=m.group(1), label=actor.type, actor=actor, evidence=ev(m.start(), m.end()))
            mentions.append(mention)
        ex.mentions.extend(mentions)
        places = []
        for name, (gid, lat, lon, cc) in PLACES.items():
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text[sent.start : sent.end]):
                s0 = sent.start + m.start()
                if any(x.evidence.start <= s0 < x.evidence.end for x in mentions):
                    continue
                places.append(Place(text=name, evidence=ev(s0, s0 + len(name)), name=name, geonameid=gid,
                                    lat=lat, lon=lon, country=cc, precision="city", feature_class="P"))
        places.sort(key=lambda p: p.evidence.start)
        ex.places.extend(places)
        for q in _QUOTE.finditer(text, sent.start, sent.end):
            outside = [x for x in mentions if not q.start() <= x.evidence.start < q.end()]
            speaker = outside[-1].actor.ref(outside[-1].evidence) if outside else None
            ex.quotes.append(Quote(content=q.group(1), kind="direct", evidence=ev(q.start(1), q.end(1)),
                                   speaker=speaker, speaker_text=outside[-1].text if outside else None,
                                   cue="said", confidence=0.7 if speaker else 0.4))
        for w in _WORD.finditer(text, sent.start, sent.end):
            code = TRIGGERS.get(w.group(0).lower())
            if code is None:
                continue
            before = [x for x in mentions if x.evidence.end <= w.start()]
            after = [x for x in mentions if x.evidence.start >= w.end() and x.actor.key != (
                before[-1].actor.key if before else None)]
            if not before or not after:
                continue
            src, tgt = before[-1], after[0]
            ex.events.append(Event(
                type=code[0], cameo=code[1], quad_class=code[2], goldstein=code[3],
                evidence=ev(sent.start, sent.end), trigger=ev(w.start(), w.end()),
                source=[src.actor.ref(src.evidence)], target=[tgt.actor.ref(tgt.evidence)],
                place=places[0] if places else None, confidence=0.6,
            ))
            break
    return ex


def build_demo_store(db_path: str | Path, corpus: str | Path | None = None, limit: int | None = None) -> Path:
    """Write the example corpus, annotated by :func:`annotate`, into a new store at ``db_path``."""
    corpus = Path(corpus) if corpus else Path(__file__).resolve().parents[3] / "examples" / "articles.jsonl"
    with Store(db_path) as store:
        for n, line in enumerate(corpus.read_text(encoding="utf-8").splitlines()):
            if limit is not None and n >= limit:
                break
            item = json.loads(line)
            text = item["text"]
            article = Article(
                id=item["id"], text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                origin=f"{corpus.name}:{n + 1}", title=item.get("title"), url=item.get("url"),
                source=item.get("source"), published=item.get("published"),
            )
            if not store.has_article(article.id):
                store.write(annotate(article))
    return Path(db_path)
