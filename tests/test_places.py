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
    kilburn = resolve("South Kilburn Estate", gz)  # the name after a direction word
    assert kilburn.embedded and kilburn.candidate is not None and kilburn.candidate.country == "GB"
    for name in ("West Wing", "City Hall"):  # a building word is no place of that name
        assert resolve(name, gz).candidate is None, name


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
    for name in ("Middle East", "the Gulf", "Sahara", "Korean Peninsula"):
        r = resolve(name, gz)
        assert r.candidate is None, name
        assert "no gazetteer entry" in r.reason
    assert resolve("East Africa", gz).candidate.kind == "continent"  # type: ignore[union-attr]
    province = resolve("Western Province", gz).candidate  # a real area, though "Western" alone is not
    assert province is not None and province.kind == "adm1"


def test_un_subregions_resolve_to_their_geonames_region_entries(gz: Gazetteer) -> None:
    for name, gid in [
        ("North Africa", 7729887),
        ("Northern Africa", 7729887),
        ("Central America", 7729892),
        ("Central American", 7729892),
        ("Northern Europe", 7729883),
        ("Western Europe", 9408659),
    ]:
        c = resolve(name, gz).candidate
        assert c is not None and c.gid == gid and (c.kind, c.fclass, c.fcode) == ("feature", "L", "RGN"), name
    # The continent itself stays the continent.
    assert resolve("Europe", gz).candidate.kind == "continent"  # type: ignore[union-attr]


def test_natural_feature_is_not_the_place_it_is_named_after(gz: Gazetteer) -> None:
    r = resolve("Zambezi River", gz)
    assert r.candidate is None and "river" in r.reason


def test_more_project_aliases(gz: Gazetteer) -> None:
    assert resolve("T&T", gz).candidate.country == "TT"  # type: ignore[union-attr]
    dc = resolve("D.C.", gz).candidate
    assert dc is not None and dc.kind == "adm1" and dc.admin1 == "DC"
    # "Washington, D.C." names the same District as "D.C." alone; a bare "Washington" stays the city
    assert resolve("Washington, D.C.", gz).candidate.gid == dc.gid  # type: ignore[union-attr]
    assert resolve("Washington", gz).candidate.gid != dc.gid  # type: ignore[union-attr]
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


def _spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for n in names:
        i = text.index(n, pos)
        out.append((i, i + len(n)))
        pos = i + len(n)
    return out


def test_name_keys_fold_letters_without_accents_and_abbreviated_words(gz: Gazetteer) -> None:
    from polemos.geo.normalize import word_forms

    assert name_key("Łódź") == "lodz" and name_key("Tromsø") == "tromso" and name_key("Straße") == "strasse"
    assert word_forms("mt pleasant") == ["mount pleasant"] and word_forms("fort worth") == ["ft worth"]
    juliet = resolve("Mt. Juliet", gz).candidate  # "Mount Juliet", not Montana ("MT")
    assert juliet is not None and juliet.kind == "city" and juliet.admin1 == "TN"
    assert resolve("Ft. Lauderdale", gz).candidate.admin1 == "FL"  # type: ignore[union-attr]


def test_possessive_is_tried_after_the_literal_name(gz: Gazetteer) -> None:
    johns = resolve("St. John's", gz).candidate  # a name with an apostrophe, not "St. John" + 's
    assert johns is not None and johns.country == "CA"
    assert resolve("Britain's", gz).candidate.country == "GB"  # type: ignore[union-attr]


def test_only_the_real_capital_is_flagged_a_capital(gz: Gazetteer) -> None:
    assert gz.get(4140963).fcode == "PPLC"  # type: ignore[union-attr]  # Washington, D.C.
    assert gz.get(4229546).fcode == "PPL"  # type: ignore[union-attr]  # Washington, Georgia


def test_small_admin_areas_and_alternate_names_do_not_beat_big_cities(gz: Gazetteer) -> None:
    # Parishes of a few thousand people (Jamaica, Bermuda, Antigua) are no more prominent than towns.
    for name, admin1 in (("Portland", "OR"), ("Saint Paul", "MN")):
        c = resolve(name, gz).candidate
        assert c is not None and (c.kind, c.country, c.admin1) == ("city", "US", admin1), name
    southampton = resolve("Southampton", gz).candidate
    assert southampton is not None and southampton.kind == "city" and southampton.country == "GB"
    salem = resolve("Salem", gz).candidate  # a city of that name, not Jerusalem (an alternate name)
    assert salem is not None and salem.name == "Salem"


def test_combining_forms_name_their_country(gz: Gazetteer) -> None:
    assert resolve("Austro", gz).candidate.country == "AT"  # type: ignore[union-attr]
    assert resolve("Sino", gz).candidate.country == "CN"  # type: ignore[union-attr]


def test_a_repeated_local_name_does_not_outvote_its_neighbours(gz: Gazetteer) -> None:
    text = (
        "Paris police said. Paris council met in Brantford. The Paris mayor went to Woodstock. Paris. Paris."
    )
    res = resolve_spans(
        text, _spans(text, ["Paris", "Paris", "Brantford", "Paris", "Woodstock", "Paris", "Paris"]), gz
    )
    assert all(r.candidate is not None and r.candidate.country == "CA" for r in res)


def test_a_state_written_after_a_name_contains_it_and_the_sense_holds(gz: Gazetteer) -> None:
    text = "She grew up in Paris, Tex., and left. Paris was small."
    res = resolve_spans(text, _spans(text, ["Paris", "Paris"]), gz)  # "Tex." is no mention
    assert res[0].candidate is not None and (res[0].candidate.country, res[0].candidate.admin1) == (
        "US",
        "TX",
    )
    assert "inside Texas" in res[0].reason
    # Later mentions keep the sense their container gave, though France and Lyon pull elsewhere.
    text = (
        "She grew up in Paris, Tex., and studied in France and Lyon. Paris was small. Paris had one school."
    )
    res = resolve_spans(text, _spans(text, ["Paris", "France", "Lyon", "Paris", "Paris"]), gz)
    for r in (res[0], res[3], res[4]):
        assert r.candidate is not None and (r.candidate.country, r.candidate.admin1) == ("US", "TX")
    assert "container elsewhere" in res[4].reason and res[2].candidate.country == "FR"  # type: ignore[union-attr]


def test_benchmark_realigns_drifting_gold_offsets() -> None:
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "places.py"
    spec = importlib.util.spec_from_file_location("places_bench", path)
    bench = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["places_bench"] = bench  # dataclasses look their module up
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    text = "Rain fell on Tulsa and on Tulsa again."
    assert bench.align(text, 13, 18, "Tulsa") == (13, 18)
    assert bench.align(text, 16, 21, "Tulsa") == (13, 18)  # drifted three characters: nearest occurrence
    assert bench.align(text, 28, 33, "Tulsa") == (26, 31)
    assert bench.align(text, 13, 18, "Dallas") == (13, 18)  # phrase absent: offsets kept


def test_a_list_or_an_apposition_is_not_containment(gz: Gazetteer) -> None:
    text = "The pact binds Mexico, the US, and Canada."
    assert containers(text, _spans(text, ["Mexico", "US", "Canada"])) == {}
    text = "Trade between Mexico, Canada and Japan grew."
    for names in (["Mexico", "Canada", "Japan"], ["Mexico"]):  # "Canada" a mention or not: a list
        res = resolve_spans(text, _spans(text, names), gz)
        assert res[0].candidate is not None and res[0].candidate.kind == "country"
    text = "He moved from London, Ontario and Toronto to Paris, Tex. and Lyon."  # places with their areas
    london, _, _, paris, _ = resolve_spans(
        text, _spans(text, ["London", "Ontario", "Toronto", "Paris", "Lyon"]), gz
    )
    assert london.candidate is not None and london.candidate.country == "CA"
    assert paris.candidate is not None and paris.candidate.admin1 == "TX"
    text = "Crews from Springfield, Ill., and Columbia, Mo., met."  # places with their states, listed
    assert containers(text, _spans(text, ["Springfield", "Ill.", "Columbia", "Mo."])) == {0: 1, 2: 3}


def test_sparse_territories_inverted_names_and_area_aliases(gz: Gazetteer) -> None:
    yukon = resolve("Yukon", gz).candidate  # a territory of few people is still Canada's territory
    assert yukon is not None and (yukon.kind, yukon.country) == ("adm1", "CA")
    dagestan = resolve("Dagestan", gz).candidate  # ISO's "Dagestan, Respublika"
    assert dagestan is not None and (dagestan.kind, dagestan.country) == ("adm1", "RU")
    xinjiang = resolve("Xinjiang", gz).candidate  # the region, not a village that bears its name
    assert xinjiang is not None and xinjiang.kind == "adm1"
    assert resolve("NZ", gz).candidate.country == "NZ"  # type: ignore[union-attr]
    assert resolve("Newfoundland", gz).candidate.kind == "adm1"  # type: ignore[union-attr]


def test_canadian_postal_codes_and_county_abbreviations_contain(gz: Gazetteer) -> None:
    text = "He lives in London, ON, near the lake."
    london = resolve_spans(text, _spans(text, ["London"]), gz)[0].candidate
    assert london is not None and (london.country, london.admin1) == ("CA", "08")
    text = "She was in Paris, On Monday she left."  # a capitalised word is no code
    assert resolve_spans(text, _spans(text, ["Paris"]), gz)[0].candidate.country == "FR"  # type: ignore[union-attr]
    assert resolve("Lancs", gz).candidate.name == "Lancashire"  # type: ignore[union-attr]
    assert resolve("QC", gz).candidate.country == "CA"  # type: ignore[union-attr]


def test_one_mention_naming_a_place_with_its_state(gz: Gazetteer) -> None:
    r = resolve("St. Petersburg, Fla.", gz)
    assert r.candidate is not None and (r.candidate.country, r.candidate.admin1) == ("US", "FL")
    assert "named with Florida" in r.reason
    assert resolve("Paris, France", gz).candidate.country == "FR"  # type: ignore[union-attr]


def test_a_county_contains_places_of_its_own_state(gz: Gazetteer) -> None:
    text = "Crews in Springfield, Sangamon County said."
    town, county = resolve_spans(text, _spans(text, ["Springfield", "Sangamon County"]), gz)
    assert county.candidate is not None and county.candidate.kind == "adm2"
    assert town.candidate is not None and (town.candidate.country, town.candidate.admin1) == ("US", "IL")


def test_english_exonyms_still_name_the_big_city(gz: Gazetteer) -> None:
    for name, country in (("Cologne", "DE"), ("Calcutta", "IN"), ("Munich", "DE"), ("Peking", "CN")):
        c = resolve(name, gz).candidate
        assert c is not None and c.country == country and c.population > 1_000_000, name


def test_oceans_and_seas_resolve_to_their_geonames_entries(gz: Gazetteer) -> None:
    for name, gid in [
        ("Atlantic", 3373405),
        ("the Atlantic", 3373405),
        ("Indian Ocean", 1545739),
        ("the Mediterranean", 363196),
        ("Gulf of Mexico", 3523271),
        ("Pacific", 2363254),
    ]:
        c = resolve(name, gz).candidate
        assert c is not None and c.gid == gid and c.kind == "feature" and c.fclass == "H", name
    assert resolve("Black Sea", gz).candidate.fcode == "SEA"  # type: ignore[union-attr]
    # A sea is no container and is contained by nothing: "Atlantic, Iowa" stays the Iowa town.
    town = resolve_spans("Atlantic, Iowa", [(0, 8), (10, 14)], gz)[0].candidate
    assert town is not None and (town.country, town.admin1, town.kind) == ("US", "IA", "city")
    town = resolve("Pacific, Missouri", gz).candidate
    assert town is not None and (town.country, town.admin1) == ("US", "MO")


def test_gaza_and_the_west_bank_are_their_own_areas(gz: Gazetteer) -> None:
    for name, gid in [("Gaza", 281132), ("West Bank", 285153), ("Gaza Strip", 281132)]:
        c = resolve(name, gz).candidate
        assert c is not None and c.gid == gid and c.country == "PS", name
    city = resolve("Gaza City", gz).candidate
    assert city is not None and city.kind == "city"


def test_a_city_named_as_a_container_is_its_state_when_far(gz: Gazetteer) -> None:
    def pair(text: str, x: str, y: str) -> tuple[str, str, str]:
        r = resolve_spans(text, _spans(text, [x, y]), gz)
        assert r[0].candidate is not None and r[1].candidate is not None
        return r[0].candidate.admin1, r[1].candidate.kind, r[1].candidate.admin1

    # "Washington" alone is the capital; as the container of a place far from it, the state.
    assert pair("Police in Tacoma, Washington said on Monday", "Tacoma", "Washington") == ("WA", "adm1", "WA")
    assert pair("Snow fell in Buffalo, New York on Monday", "Buffalo", "New York") == ("NY", "adm1", "NY")
    # A place near the city of that name keeps the city ("Brooklyn, New York").
    assert pair("A bar in Brooklyn, New York opened", "Brooklyn", "New York") == ("NY", "city", "NY")


def test_benchmark_halves_and_misses_list(gz: Gazetteer) -> None:
    import importlib.util
    import io
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "places.py"
    spec = importlib.util.spec_from_file_location("places_bench", path)
    bench = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["places_bench"] = bench
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    text = "Paris and Paris."
    ours = resolve_spans(text, [(0, 5)], gz)[0].candidate
    assert ours is not None
    docs = [
        bench.Doc(str(i), text, [bench.Gold(0, 5, "Paris", gid, 0.0, 0.0, True)])
        for i, gid in enumerate([ours.gid, 1, ours.gid])
    ]
    assert [[d.id for d in h] for h in bench.halves(docs).values()] == [["0", "2"], ["1"]]
    out = io.StringIO()
    assert bench.show_misses(docs, out) == 1  # only the wrong gold id of article 1 (half B)
    assert out.getvalue().startswith("B\t1\tParis\t1\t")
