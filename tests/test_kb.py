"""The actor knowledge base: seed lookups, dated codes, resolution, merges and reload."""

from __future__ import annotations

import pytest

from polemos.kb import KnowledgeBase, Merge, load_seed, loose_key, normalise_name
from polemos.kb.names import display_name, is_acronym_of
from polemos.kb.seed import split_code
from polemos.model import Actor


@pytest.fixture()
def kb() -> KnowledgeBase:
    return KnowledgeBase()


def test_names_normalise_and_loosen() -> None:
    assert normalise_name("Iran’s") == "iran"
    assert loose_key(normalise_name("Bashar as-Assad")) == loose_key(normalise_name("Bashar al-Assad"))
    assert loose_key("iran revolutionary guards corp") == loose_key("iran revolutionary guard corps")
    assert display_name("BASHAR_AL-ASSAD") == "Bashar al-Assad"
    assert is_acronym_of("IRGC", "Iran Revolutionary Guards Corp")
    assert is_acronym_of("ISIS", "Islamic State of Iraq and Syria")
    assert not is_acronym_of("NATO", "Islamic State")


def test_split_code() -> None:
    countries = frozenset({"USA", "IRN"})
    assert split_code("USAGOVLEG", countries) == ("USA", "LEG")
    assert split_code("IRNMIL", countries) == ("IRN", "MIL")
    assert split_code("IGOUNO", countries) == (None, "IGO")
    assert split_code("IMGMUSALQ", countries) == (None, "REB")
    assert split_code("MED", countries) == (None, "MED")


def test_seed_states_demonyms_and_cities(kb: KnowledgeBase) -> None:
    assert kb.state("Iranian").key == "state:IRN"
    assert kb.state("Americans").key == "state:USA"
    assert kb.state("Tehran").key == "state:IRN"
    assert kb.state("Tehran", strict=True) is None  # a city is not a country word
    assert kb.resolve("US", "GPE").key == "state:USA"
    assert kb.resolve("Iran", "GPE").code == "IRN"


def test_seed_is_cached_and_large() -> None:
    seed = load_seed()
    assert seed is load_seed()
    assert len(seed.entries) > 20000
    assert seed.agents["ambassador"] == "GOV"


def test_dated_codes_hold_only_in_their_period(kb: KnowledgeBase) -> None:
    assert kb.code_at("person:barack obama", "2012-06-01") == ("USA", "GOV")
    assert kb.code_at("person:barack obama", "1990-06-01") == ("USA", "ELI")
    assert kb.code_at("person:barack obama", "2005-06-01") == ("USA", None)
    obama = kb.resolve("Barack Obama", "PERSON", context_date="2012-06-01")
    assert obama.code == "USAGOV"


def test_resolve_joins_spelling_variants_and_logs_the_merge(kb: KnowledgeBase) -> None:
    guard = kb.resolve("Iran Revolutionary Guards Corp", "ORG", aliases=["IRGC"], article_id="a1")
    assert guard.key == "org:revolutionary guard" and guard.code == "IRNMIL"
    assert "IRGC" in guard.aliases
    merge = kb.merges[-1]
    assert merge.rule == "loose_name" and merge.kept == guard.key and merge.article_id == "a1"
    assert kb.resolve("IRGC", "ORG").key == guard.key


def test_same_surname_different_people_do_not_merge(kb: KnowledgeBase) -> None:
    a = kb.resolve("Martin Dempsey", "PERSON", "USA", aliases=["Dempsey"])
    b = kb.resolve("Jack Dempsey", "PERSON", aliases=["Dempsey"])
    assert a.key != b.key
    # now "Dempsey" alone is ambiguous: a new actor rather than a guess
    c = kb.resolve("Dempsey", "PERSON")
    assert c.key not in (a.key, b.key)


def test_type_and_country_must_agree(kb: KnowledgeBase) -> None:
    person = kb.resolve("Jordan Smith", "PERSON", "USA")
    assert kb.resolve("Jordan Smith", "PERSON", "GBR").key != person.key
    assert kb.resolve("Jordan Smith", "ORG").key != person.key
    assert kb.resolve("Jordan Smith", "PERSON", "USA").key == person.key


def test_merge_and_undo(kb: KnowledgeBase) -> None:
    a = kb.resolve("Qasem Soleimani", "PERSON", "IRN")
    b = kb.resolve("Qassim Suleimani", "PERSON", "IRN", aliases=["Suleimani"])
    merge = kb.merge(a.key, b.key, rule="manual")
    assert b.key not in kb.actors and "Qassim Suleimani" in a.aliases
    assert kb.lookup("Suleimani").key == a.key
    restored = kb.undo_merge(merge)
    assert restored.key == b.key and restored.name == "Qassim Suleimani"
    assert "Qassim Suleimani" not in kb.actors[a.key].aliases
    assert kb.lookup("Qassim Suleimani").key == b.key
    assert merge not in kb.merges


def test_from_actors_reloads_and_keeps_merges(kb: KnowledgeBase) -> None:
    kb.resolve("Helene Cooper", "PERSON", sector="MED")
    kb.resolve("Iran Revolutionary Guards Corp", "ORG")
    stored = [Actor(**{k: v for k, v in a.to_json().items() if k != "code"}) for a in kb.actors.values()]
    merges = [Merge.from_json(m.to_json()) for m in kb.merges]
    again = KnowledgeBase.from_actors(stored, merges=merges)
    assert set(again.actors) == set(kb.actors)
    assert again.lookup("helene cooper").sector == "MED"
    assert again.merges == kb.merges
    assert again.resolve("Iran Revolutionary Guards Corp", "ORG").key == "org:revolutionary guard"


def test_agent_sectors(kb: KnowledgeBase) -> None:
    assert kb.agent_sector("ambassadors") == "GOV"
    assert kb.agent_sector("warplanes") == "MIL"
    assert kb.agent_sector("teacup") is None


def test_without_seed_everything_is_created() -> None:
    kb = KnowledgeBase(seed=False)
    actor = kb.resolve("Iran", "GPE")
    assert actor.key == "gpe:iran" and len(kb) == 1
