"""Places: gazetteer index, resolver, extraction with evidence, event attachment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polemos.geo.gazetteer import Gazetteer, get_gazetteer
from polemos.geo.mentions import containers, resolve_spans
from polemos.geo.normalize import name_key
from polemos.geo.resolve import Context, mention_keys, resolve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_eadca0aa34e5fdc0.txt"


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return get_gazetteer()


def test_name_key_strips_accents_quotes_and_dots() -> None:
    assert name_key("Al-'Alam") == "al alam"
    assert name_key("Tikrīt") == "tikrit"
    assert name_key("U.S.") == "us"


def test_mention_keys_strip_type_words() -> None:
    keys, prefer = mention_keys("Salahuddin province")
    assert keys[-1] == "salahuddin" and prefer == "admin"
    keys, prefer = mention_keys("the city of Tikrit")
    assert keys[-1] == "tikrit" and prefer == "city"


def test_countries_beat_same_named_towns(gz: Gazetteer) -> None:
    c = resolve("France", gz).candidate
    assert c is not None and c.kind == "country" and c.country == "FR"


def test_abbreviations_demonyms_and_project_aliases(gz: Gazetteer) -> None:
    assert resolve("U.S.", gz).candidate.gid == 6252001  # type: ignore[union-attr]
    assert resolve("Russian", gz).candidate.country == "RU"  # type: ignore[union-attr]
    r = resolve("Salahuddin province", gz)
    assert r.candidate is not None and r.candidate.gid == 91695
    assert "project" in r.reason


def test_big_city_beats_its_same_named_state(gz: Gazetteer) -> None:
    c = resolve("Washington", gz).candidate
    assert c is not None and c.kind == "city" and c.gid == 4140963


def test_containment_picks_the_local_namesake(gz: Gazetteer) -> None:
    text = "He grew up in London, Ontario, and later moved."
    spans = [(14, 20), (22, 29)]
    assert containers(text, spans) == {0: 1}
    london, ontario = resolve_spans(text, spans, gz)
    assert ontario.candidate is not None and ontario.candidate.country == "CA"
    assert london.candidate is not None and london.candidate.country == "CA"
    assert "inside" in london.reason


def test_context_shifts_ambiguous_names(gz: Gazetteer) -> None:
    plain = resolve("Alam", gz, Context()).candidate
    ctx = Context()
    ctx.add(resolve("Iraq", gz).candidate)  # type: ignore[arg-type]
    iraqi = resolve("Alam", gz, ctx).candidate
    assert iraqi is not None and iraqi.country == "IQ"
    assert plain is not None


def test_unknown_name_is_unresolved_with_reason(gz: Gazetteer) -> None:
    r = resolve("Qwxzyville", gz)
    assert r.candidate is None and "no gazetteer entry" in r.reason


def test_embedded_place_names_are_marked(gz: Gazetteer) -> None:
    r = resolve("University of California", gz)
    assert r.candidate is not None and r.candidate.kind == "adm1" and r.candidate.country == "US"
    assert r.embedded and "embedded" in r.reason
    assert (
        resolve("South Kilburn Estate", gz).candidate is None or resolve("South Kilburn Estate", gz).embedded
    )


def test_gazetteer_reopens_from_its_file(gz: Gazetteer) -> None:
    again = Gazetteer(gz.path)
    assert again.get(90150) is not None and again.country("IQ") is not None


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    if not SEED.is_file():
        pytest.skip("../shared seed absent")
    from polemos.config import load_settings
    from polemos.model import Article
    from polemos.nlp.parse import parse_one

    art = Article(
        id="seed",
        text=SEED.read_text(encoding="utf-8"),
        content_hash="x",
        origin=str(SEED),
        published="2015-03-05",
    )
    return parse_one(art, load_settings().spacy_model)


def test_seed_places_as_gold_says(seed, gz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    from polemos.extract.places import extract_places

    places = extract_places(seed, gz)
    by_text = {p.text: p for p in places}
    gold = json.loads((SHARED / "gold" / "seed-000.json").read_text(encoding="utf-8"))["places"]
    for g in gold:
        if "geonameid" in g:
            assert by_text[g["name"]].geonameid == g["geonameid"], g["name"]
    muaibidi = by_text["al-Muaibidi"]
    assert muaibidi.geonameid == 6871926 and muaibidi.qualifier == "east of" and "anchor" in muaibidi.reason
    ajil = next(p for p in places if p.text.startswith("Ajil"))
    assert ajil.geonameid in (90150, 91695) and "field" in ajil.reason
    gulf = by_text["Persian Gulf"]
    assert gulf.geonameid is None and "gulf" in gulf.reason
    for p in places:
        assert seed.article.text[p.evidence.start : p.evidence.end] == p.text
        assert p.geonameid is not None or p.reason


def test_seed_events_get_clause_place_and_date(seed, gz: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    from polemos.extract.dates import extract_dates
    from polemos.extract.places import extract_places
    from polemos.extract.when_where import attach_places_and_dates
    from polemos.model import Event

    text = seed.article.text

    def event(trigger: str) -> Event:
        i = text.index(trigger)
        s = seed.sentences[seed.sentence_index(i)]
        return Event("ASSAULT", seed.evidence(s.start, s.end), seed.evidence(i, i + len(trigger.split()[0])))

    events = [
        event("attacked Iraqi forces"),
        event("launch a rocket"),
        event("raided bin"),
        event("asked bin"),
    ]
    attach_places_and_dates(seed, events, extract_places(seed, gz), extract_dates(seed))
    attacked, launch, raided, asked = events
    assert attacked.place is not None and attacked.place.geonameid == 6871926
    assert attacked.date is not None and attacked.date.value == "2015-03-05"
    assert launch.place is not None and launch.place.geonameid == 91695
    assert launch.date is not None and launch.date.value == "2015-03-04" and launch.date.precision == "day"
    assert raided.place is not None and raided.place.geonameid == 1185056 and "clause" in raided.place.reason
    assert asked.date is not None and asked.date.value == "2010-06" and asked.date.precision == "month"


def test_dotted_state_abbreviation_is_not_a_city_alias(gz: Gazetteer) -> None:
    c = resolve("La.", gz).candidate  # Louisiana, not Los Angeles ("LA")
    assert c is not None and c.kind == "adm1" and c.country == "US" and c.admin1 == "LA"


def test_state_named_with_its_cities_is_the_state(gz: Gazetteer) -> None:
    text = "Storms hit Tulsa and Oklahoma City; Oklahoma declared an emergency."
    spans = [(11, 16), (21, 34), (36, 44)]
    *_, state = resolve_spans(text, spans, gz)
    assert state.candidate is not None and state.candidate.kind == "adm1" and state.candidate.admin1 == "OK"


def test_a_list_of_states_makes_washington_and_georgia_states(gz: Gazetteer) -> None:
    text = "Guard units from Florida, Nevada, Alaska, Hawaii, Georgia and Washington were sent."
    names = ["Florida", "Nevada", "Alaska", "Hawaii", "Georgia", "Washington"]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    res = resolve_spans(text, spans, gz)
    georgia, washington = res[4].candidate, res[5].candidate
    assert georgia is not None and georgia.kind == "adm1" and georgia.country == "US"
    assert washington is not None and washington.kind == "adm1" and washington.admin1 == "WA"


def test_a_capital_named_nearby_does_not_pull_a_small_namesake(gz: Gazetteer) -> None:
    def cambridge(text: str, names: list[str]) -> tuple[str, str]:
        spans = [(text.index(n), text.index(n) + len(n)) for n in names]
        c = resolve_spans(text, spans, gz)[-1].candidate
        assert c is not None
        return c.country, c.admin1

    # Washington (a capital) is named from afar: no evidence for Cambridge, Maryland.
    assert cambridge("Officials in Washington met scholars from Cambridge.", ["Washington", "Cambridge"]) != (
        "US",
        "MD",
    )
    # A small Maryland town and the state are: the local namesake wins.
    text = "Officials in Easton, Maryland met scholars from Cambridge."
    assert cambridge(text, ["Easton", "Maryland", "Cambridge"]) == ("US", "MD")


def test_regions_and_seas_stay_unresolved_with_a_reason(gz: Gazetteer) -> None:
    for name in ("Middle East", "the Gulf", "Atlantic", "Indian Ocean", "Gulf of Mexico"):
        r = resolve(name, gz)
        assert r.candidate is None, name
        assert "no gazetteer entry" in r.reason
    assert resolve("North Africa", gz).candidate.kind == "continent"  # type: ignore[union-attr]
    province = resolve("Western Province", gz).candidate  # a real area, though "Western" alone is not
    assert province is not None and province.kind == "adm1"


def test_natural_feature_is_not_the_place_it_is_named_after(gz: Gazetteer) -> None:
    r = resolve("Zambezi River", gz)
    assert r.candidate is None and "river" in r.reason


def test_more_project_aliases(gz: Gazetteer) -> None:
    assert resolve("T&T", gz).candidate.country == "TT"  # type: ignore[union-attr]
    dc = resolve("D.C.", gz).candidate
    assert dc is not None and dc.kind == "adm1" and dc.admin1 == "DC"
    assert resolve("Saint Lucian", gz).candidate.country == "LC"  # type: ignore[union-attr]


def test_embedded_city_beats_its_same_named_emirate(gz: Gazetteer) -> None:
    c = resolve("Dubai Electronic Security Center", gz).candidate
    assert c is not None and c.kind == "city" and c.country == "AE"


def test_datelines_are_found_where_ner_has_no_entity() -> None:
    from polemos.extract.places import _datelines

    def names(text: str, taken: list[tuple[int, int]] | None = None) -> list[str]:
        return [text[s:e] for s, e in _datelines(text, taken or [])]

    assert names("SAN MARINO (AP) - Officials said") == ["SAN MARINO"]
    assert names("Intro.\n\nLYON \u2014 A fire broke out") == ["LYON"]
    assert names("GLENDALE, Ariz. -- The council met") == ["GLENDALE"]
    assert names("By A. Writer, Wire Service ROME (Reuters) - Talks") == ["ROME"]
    assert names("ST. LOUIS \u2013 Police said") == ["ST. LOUIS"]
    assert names("WE WON!! said the fans") == []
    assert names("LYON \u2014 A fire", taken=[(0, 4)]) == []  # an entity already covers it


def test_org_entities_named_exactly_as_a_country_or_state_are_places(gz: Gazetteer) -> None:
    from polemos.extract.places import _org_is_place

    assert _org_is_place("Zimbabwe", gz)
    assert _org_is_place("U.S.", gz)
    assert _org_is_place("California", gz)
    assert not _org_is_place("Liverpool", gz)  # a city name as ORG is usually the club or council
    assert not _org_is_place("Nigerian", gz)  # demonyms are not place mentions
    assert not _org_is_place("Zimbabwe Republic Police", gz)
