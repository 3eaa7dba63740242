"""Quote extraction: quote-mark pairing, direct/indirect/mixed attributions, speakers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polemos.extract.quote_rules.marks import find_quoted
from polemos.model import Article, Quote

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def run():
    from polemos.config import load_settings
    from polemos.extract.actors import extract_actors
    from polemos.extract.quotes import extract_quotes
    from polemos.kb import KnowledgeBase
    from polemos.nlp.parse import parse_one

    model = load_settings().spacy_model
    try:
        from polemos.nlp.model_loader import check_model

        check_model(model)
    except Exception as exc:  # pragma: no cover - depends on the environment
        pytest.skip(f"spaCy model unavailable: {exc}")

    def _run(text: str, published: str | None = None) -> list[Quote]:
        article = Article(id="t", text=text, content_hash="h", origin="test", published=published)
        parsed = parse_one(article, model)
        kb = KnowledgeBase()
        return extract_quotes(parsed, kb, extract_actors(parsed, kb))

    return _run


def _one(quotes: list[Quote], starts: str) -> Quote:
    hits = [q for q in quotes if q.content.lstrip('“"').startswith(starts)]
    assert hits, f"no quote starting {starts!r} in {[q.content for q in quotes]}"
    return hits[0]


# --- quote marks -------------------------------------------------------------------------------


def test_marks_pair_typographic_and_straight():
    text = 'He said “we go” and then "they stay" today.'
    spans = [text[q.start : q.end] for q in find_quoted(text)]
    assert spans == ["“we go”", '"they stay"']


def test_apostrophes_and_nested_single_quotes_are_not_quotes():
    text = "The players’ union said “the ‘final’ offer is not final” on Monday."
    spans = [text[q.start : q.end] for q in find_quoted(text)]
    assert spans == ["“the ‘final’ offer is not final”"]


def test_multi_paragraph_quote_reopens_without_closing():
    text = "“First part of the speech.\n\n“Second part of it,” she said."
    (q,) = find_quoted(text)
    assert (q.start, q.end) == (0, len(text) - len(" she said."))
    assert "multi_paragraph" in q.flags and "unbalanced_quote_marks" not in q.flags


def test_odd_marks_are_repaired_and_flagged():
    text = "“This opens and never closes.\n\nNext paragraph “is fine” here."
    quoted = find_quoted(text)
    assert [text[q.start : q.end] for q in quoted] == ["“This opens and never closes.", "“is fine”"]
    assert "unbalanced_quote_marks" in quoted[0].flags
    assert quoted[1].flags == []


# --- attributions ------------------------------------------------------------------------------


def test_quote_first_with_addressee_outlet_and_description(run):
    text = (
        "“We will not retreat from the city,” Maria Lopez, a former colonel in the army, "
        "told The Daily Herald on Tuesday. “The siege is over.”"
    )
    quotes = run(text)
    q = _one(quotes, "We will not retreat")
    assert q.kind == "direct"
    assert q.content == "“We will not retreat from the city,”"
    assert q.cue == "told"
    assert q.speaker_text.startswith("Maria Lopez")
    assert q.speaker is not None and q.speaker.name == "Maria Lopez"
    assert q.outlet and "Herald" in q.outlet
    assert q.speaker_description and q.speaker_description.startswith("a former colonel")
    assert q.date == "Tuesday"
    assert q.evidence.text == q.content and q.cue_span.text == "told"
    follow = _one(quotes, "The siege is over")
    assert "continues_previous" in follow.flags and follow.speaker.name == "Maria Lopez"


def test_speaker_first_colon_multi_sentence_quote(run):
    text = "General Tom Reed told the committee: “The troops are ready. The plan is sound.”"
    q = _one(run(text), "The troops are ready")
    assert q.content == "“The troops are ready. The plan is sound.”"
    assert q.kind == "direct" and q.cue == "told"
    assert q.speaker is not None and "Reed" in q.speaker.name
    assert q.addressee == "the committee"


def test_indirect_and_mixed(run):
    quotes = run(
        "John Brown said that the talks had failed. "
        "Anna Berg notes that the new plan “is built on sand and will collapse.”"
    )
    ind = _one(quotes, "that the talks")
    assert ind.kind == "indirect" and ind.content == "that the talks had failed"
    assert ind.speaker_text == "John Brown"
    mixed = _one(quotes, "that the new plan")
    assert mixed.kind == "mixed" and mixed.cue == "notes"
    assert mixed.content.endswith("collapse.”")


def test_according_to_and_as_detailed_by(run):
    quotes = run(
        "The convoy was attacked at dawn near the border, according to the ministry. "
        "The rebels took the town, as detailed by Sara Kim of the Chronicle."
    )
    acc = _one(quotes, "The convoy was attacked")
    assert acc.cue == "according to" and acc.speaker_text == "the ministry"
    assert acc.content == "The convoy was attacked at dawn near the border"
    det = _one(quotes, "The rebels took")
    assert det.cue == "as detailed by" and det.speaker_text.startswith("Sara Kim")
    assert det.outlet and "Chronicle" in det.outlet


def test_pronoun_speaker_resolves_to_previous_person(run):
    text = "Senator Paul Grant left the hall early.\n\n“I have nothing more to say about the vote,” he said."
    q = _one(run(text), "I have nothing")
    assert q.speaker_text == "he"
    assert q.speaker is not None and "Grant" in q.speaker.name


def test_dash_attribution(run):
    text = "“Nobody listens to the farmers any more.” ― Pamela Ortiz\n"
    q = _one(run(text), "Nobody listens")
    assert q.speaker_text == "Pamela Ortiz" and q.cue == "―" and q.kind == "direct"


def test_unbalanced_marks_keep_quotes_and_flag(run):
    text = "“The deal is dead, Ahmed Saleh said on Sunday.\n\n“We will talk again,” Saleh said."
    quotes = run(text)
    assert quotes, "an odd number of quote marks must not lose the article's quotes"
    q = _one(quotes, "We will talk again")
    assert q.kind == "direct" and q.speaker is not None
    assert any("unbalanced_quote_marks" in x.flags for x in quotes)


def test_cue_inside_quote_is_not_an_attribution(run):
    quotes = run("“Everyone knows the war is lost,” Ali Hassan said.")
    assert len(quotes) == 1 and quotes[0].cue == "said" and quotes[0].speaker_text == "Ali Hassan"


def test_to_json_contract(run):
    (q,) = run("“We are ready,” Jane Doe said.")
    out = q.to_json()
    assert out["speaker"]["name"] == "Jane Doe" and out["kind"] == "direct"
    assert out["evidence"]["text"] == "“We are ready,”"


def test_object_cue_with_particle_and_apposition_comma(run):
    (q,) = run("Keron Blair, executive director of the alliance, called for more school investment.")
    assert q.cue == "called for" and q.content == "more school investment"
    assert q.speaker_text == "Keron Blair, executive director of the alliance,"
    assert q.speaker_description == "executive director of the alliance"


def test_noun_cue_with_possessor(run):
    quotes = run("Trump's claim that the vote was rigged angered election officials.")
    q = _one(quotes, "that the vote")
    assert q.cue == "claim" and q.speaker_text.startswith("Trump") and q.kind == "indirect"


def test_transcript_colon_lines(run):
    quotes = run(
        "WALLACE: Will she be at the debate tomorrow?\nPENCE: She will not be attending the debate.\n"
    )
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("WALLACE", ":", "Will she be at the debate tomorrow?"),
        ("PENCE", ":", "She will not be attending the debate"),
    ]


def test_surname_and_said_to_addressee(run):
    text = "Eli Lake wrote about the talks on Monday.\n\nLake said to reporters that the plan had failed."
    q = _one(run(text), "that the plan")
    assert q.speaker is not None and q.speaker.name == "Eli Lake"
    assert q.addressee == "reporters"


def test_stated_date_resolves_against_publication_date(run):
    (q,) = run("Senator Ann Lee told reporters on Tuesday that the bill was dead.", published="2015-03-05")
    assert q.date == "2015-03-03" and q.addressee == "reporters"


# --- the seed ---------------------------------------------------------------------------------


@pytest.mark.shared
def test_seed_required_quotes(run):
    gold_path = SHARED / "gold" / "seed-000.json"
    if not gold_path.is_file():
        pytest.skip(f"{gold_path} is absent (../shared not mounted)")
    text = (SHARED / "seed" / "000_eadca0aa34e5fdc0.txt").read_text(encoding="utf-8")
    quotes = run(text)
    for g in json.loads(gold_path.read_text(encoding="utf-8"))["quotes"]:
        if not g.get("required"):
            continue
        start = g["content_starts"]
        hits = [q for q in quotes if q.content.lstrip("“").removeprefix("that ").startswith(start[:25])]
        assert hits, f"missing quote {start!r}"
        q = hits[0]
        assert q.kind == g["kind"], start
        if g.get("cue"):
            assert q.cue == g["cue"], start
        who = (q.speaker.name if q.speaker else q.speaker_text or "").replace("-", " ").lower().split()
        assert set(g["speaker"].replace("-", " ").lower().split()) & set(who), (start, who)


# --- stance classes: parenthetical cues, raising verbs, impersonal stances, noun cues -------------


def test_parenthetical_cue_keeps_both_sides_of_the_content(run):
    q = _one(run("The new bridge, the mayor said, will open next spring."), "The new bridge")
    assert q.content == "The new bridge, the mayor said, will open next spring"
    assert q.cue == "said" and q.speaker_text == "the mayor"


def test_raising_verb_is_a_sourceless_stance(run):
    q = _one(run("The harbor plan seems to have stalled in committee."), "The harbor plan")
    assert q.cue == "seems" and q.speaker_text is None
    assert q.content == "The harbor plan seems to have stalled in committee"
    assert run("The senator appeared steady on the stage.") == []


def test_impersonal_stance_adjective(run):
    q = _one(run("It was unclear whether the ferry would run on Sunday."), "whether the ferry")
    assert q.cue == "It was unclear" and q.speaker_text is None
    assert q.content == "whether the ferry would run on Sunday"


def test_clause_extends_over_conjoined_clause_but_not_over_a_second_cue(run):
    q = _one(
        run("The governor said that the budget was balanced, and there was no need for new taxes."), "that"
    )
    assert q.content == "that the budget was balanced, and there was no need for new taxes"
    quotes = run("The governor said that the budget was balanced and warned that cuts were coming.")
    contents = {x.content: x.cue for x in quotes}
    assert contents.get("that the budget was balanced") == "said"
    assert contents.get("that cuts were coming") == "warned"


def test_bare_noun_cue_with_that_clause(run):
    q = _one(run("There are growing concerns that the old dam could fail."), "that the old dam")
    assert q.cue == "concerns" and q.content == "that the old dam could fail" and q.speaker_text is None
    q = _one(run("Engineers voiced growing concerns that the old dam could fail."), "that the old dam")
    assert q.cue == "voiced growing concerns" and q.speaker_text == "Engineers"


def test_as_x_put_it(run):
    q = _one(run("As one farmer put it, the rain came far too late."), "the rain")
    assert q.cue == "put it" and q.speaker_text == "one farmer"
    assert q.content == "the rain came far too late"


def test_dash_attribution_with_initial(run):
    q = _one(run("“We will rebuild the school.” ― Maria T. Santos\n"), "We will rebuild")
    assert q.speaker_text == "Maria T. Santos" and q.cue == "―"


def test_agree_and_call_on_someone_to(run):
    q = _one(run("The union agreed to end the strike on Monday."), "to end")
    assert q.cue == "agreed" and q.speaker_text == "The union"
    q = _one(run("The mayor called on residents to conserve water."), "residents")
    assert q.cue == "called on" and q.content == "residents to conserve water"


def test_object_content_with_wh_clause_and_trailing_relative(run):
    q = _one(run("Ms. Lopez dismissed what she called a smear campaign."), "what she called")
    assert q.content == "what she called a smear campaign" and q.cue == "called"
    q = _one(run("The minister praised the Red Cross, which sent two planes."), "the Red Cross")
    assert q.content == "the Red Cross" and q.cue == "praised"


def test_leading_conjunction_and_manner_adverb(run):
    q = _one(run("But the plan is badly flawed, the auditor said."), "the plan")
    assert q.content == "the plan is badly flawed" and q.speaker_text == "the auditor"
    q = _one(run("“We are not amused,” the queen said dryly."), "We are not amused")
    assert q.cue == "said dryly"


def test_agentless_passive_stance(run):
    q = _one(run("The new tariff is expected to raise prices for farmers."), "The new tariff")
    assert q.cue == "is expected" and q.speaker_text is None
    assert q.content == "The new tariff is expected to raise prices for farmers"
    q = _one(run("The contractors have been blamed for delaying the repairs."), "The contractors")
    assert q.cue == "have been blamed for"


def test_light_verb_with_stance_noun_and_preposition(run):
    q = _one(run("Fishermen have expressed deep concern about the new quota."), "the new quota")
    assert q.cue == "have expressed deep concern about" and q.speaker_text == "Fishermen"


# --- third round: precision and boundaries ---------------------------------------------------


def test_attribution_inside_another_content_is_not_reported(run):
    quotes = run("The mayor said the governor's decision to cut taxes was wrong.")
    assert [(q.speaker_text, q.cue) for q in quotes] == [("The mayor", "said")]
    # a held saying is reported in its own right: the governor claimed that taxes fell
    quotes = run("The mayor said the governor's claim that taxes fell was wrong.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("The mayor", "said", "the governor's claim that taxes fell was wrong"),
        ("the governor's", "claim", "that taxes fell"),
    ]
    quotes = run("Critics called on the mayor to say that the plan failed.")
    assert [(q.cue, q.content) for q in quotes] == [("called on", "the mayor to say that the plan failed")]


def test_object_verbs_in_their_plain_senses_are_not_stances(run):
    quotes = run("A bulldozer pushed the mound aside. The senator pushed for a vote.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [("The senator", "pushed for", "a vote")]
    quotes = run("Voters saw the debate on Monday. Voters see the deal as a mistake.")
    assert [(q.cue, q.content) for q in quotes] == [("see", "the deal as a mistake")]
    quotes = run("They found a way to win. The study found 31 cases of fraud.")
    assert [(q.speaker_text, q.content) for q in quotes] == [("The study", "31 cases of fraud")]
    assert run("If you vote for her, you get chaos.") == []


def test_quoted_transcript_lines_and_colon_headlines(run):
    quotes = run('"WALLACE: Will she be there?\n\n"PENCE: She will not be attending the debate.')
    assert [(q.speaker_text, q.content) for q in quotes] == [
        ("WALLACE", "Will she be there?"),
        ("PENCE", "She will not be attending the debate"),
    ]
    quotes = run("Poll: Clinton and Trump tied in Ohio.\nThe Gap Goes On: The mayor spent the money.")
    assert [(q.speaker_text, q.content) for q in quotes] == [("Poll", "Clinton and Trump tied in Ohio")]
    assert run("CLARIFICATION: An earlier version misstated the date.") == []


def test_source_boundaries_and_gerund_after_preposition(run):
    q = _one(run("Even China said that the test was a provocation."), "that the test")
    assert q.speaker_text == "China"
    q = _one(run("She responded by saying that the plan was fair."), "that the plan")
    assert q.speaker_text == "She" and q.cue == "saying"


def test_stance_held_through_a_copula(run):
    q = _one(run("Senator Reed has been critical of the new pipeline."), "the new pipeline")
    assert q.cue == "has been critical of" and q.speaker_text == "Senator Reed"
    q = _one(run("The aides were sure that the dam would fail."), "that the dam")
    assert q.cue == "were sure" and q.speaker_text == "The aides"
    q = _one(run("The senator is a staunch opponent of the death penalty."), "the death penalty")
    assert q.cue == "is a staunch opponent of"
    assert run("The weather was sure to improve by noon.") == []  # no one holds it


def test_bare_noun_cue_modifiers_and_focus_words_before_a_source(run):
    q = _one(run("The vote comes amid growing concerns that the bridge is unsafe."), "that the bridge")
    assert q.cue == "growing concerns" and q.speaker_text is None
    q = _one(run("Both Mr. King and Mr. Lopez said that the ward was full."), "that the ward")
    assert q.speaker_text == "Mr. King and Mr. Lopez"
    q = _one(run("Senator Diaz, like her colleagues, said that the vote failed."), "that the vote")
    assert q.speaker_text == "Senator Diaz"
    q = _one(run("Only 52 percent of voters said that the vote was fair."), "that the vote")
    assert q.speaker_text == "Only 52 percent of voters"


def test_a_cue_with_its_own_object_does_not_take_the_quote_before_it(run):
    quotes = run("The mayor spoke at noon. “We will win this fight.” The council noted the new figures.")
    noted = [q for q in quotes if q.cue == "noted"]
    assert [(q.speaker_text, q.content) for q in noted] == [("The council", "the new figures")]


def test_object_content_ends_before_where_and_when_it_was_said(run):
    q = _one(run("The council noted the new figures on its website."), "the new figures")
    assert q.content == "the new figures"
    q = _one(run("Blair called for more school funding in a statement on Thursday."), "more school")
    assert q.content == "more school funding" and q.cue == "called for"


def test_quote_continues_after_a_long_speaker_and_not_across_a_paragraph(run):
    quotes = run(
        "“Nothing works here,” said Ana Ruiz, who runs the largest shelter in the northern district"
        " of the city. “We need help from the state right now.”"
    )
    follow = _one(quotes, "We need help")
    assert "continues_previous" in follow.flags and follow.speaker_text.startswith("Ana Ruiz")
    quotes = run(
        "The mayor spoke at length. “It was a long night for everyone here.”\n\nHis aides responded."
    )
    assert all(q.speaker_text != "His aides" for q in quotes)


def test_clause_after_a_time_phrase_of_the_saying(run):
    q = _one(run("The senator said on Monday she would vote against the bill."), "she would")
    assert q.content == "she would vote against the bill" and q.cue == "said"
    q = _one(run("Trump said after the convention he would not accept Cruz's endorsement."), "he would")
    assert q.content == "he would not accept Cruz's endorsement" and q.speaker_text == "Trump"


def test_as_x_put_it_covers_the_clause_it_hangs_on(run):
    q = _one(run("Farmers are angry because the reservoirs are nearly empty, as one engineer put it."), "the")
    assert q.content == "the reservoirs are nearly empty" and q.cue == "put it"
    q = _one(run("As Ms. Lane put it, the city is broke."), "the city")
    assert q.content == "the city is broke" and q.speaker_text == "Ms. Lane"


def test_any_verb_casting_its_object_as_a_quoted_label(run):
    q = _one(run("Senator Reid has gone after the governor as a “reckless gambler.”"), "the governor")
    assert q.cue == "has gone after" and q.speaker_text == "Senator Reid"
    q = _one(run("Ms. Cho dismissed the report as “fake news.”"), "the report")
    assert q.cue == "dismissed" and q.content == "the report as “fake news.”"
    assert run("Mr. Lee loaded the truck as a favor.") == []


def test_went_on_to_joins_the_cue(run):
    q = _one(run("The pollster went on to discuss the latest numbers from Ohio."), "the latest")
    assert q.cue == "went on to discuss" and q.speaker_text == "The pollster"
    q = _one(run("Ms. Ray criticized the plan, going on to say that it would raise rents."), "that it")
    assert q.cue == "going on to say"


def test_response_with_its_preposition_is_the_content(run):
    q = _one(run("The mayor's office did not immediately respond to requests for comment."), "to requests")
    assert q.cue == "did not immediately respond" and q.content == "to requests for comment"
    q = _one(run("The governor responded by cutting the school budget."), "by cutting")
    assert q.cue == "responded" and q.speaker_text == "The governor"
    # a response that holds its own cue: "by saying ..." is the attribution, not "responded"
    quotes = run("The senator responded to the critics by saying the bill was fair.")
    assert [q.cue for q in quotes] == ["saying"]


def test_colon_closing_a_paragraph_takes_the_next_one(run):
    text = "The governor added:\n\nIt is typical of the council. It never listens.\n\nThe vote is Friday."
    q = _one(run(text), "It is typical")
    assert q.cue == "added:" and q.content == "It is typical of the council. It never listens."
    assert q.speaker_text == "The governor"


def test_call_for_clause_and_particle_object(run):
    q = _one(run("The senator called for Congress to pass the bill."), "Congress")
    assert (q.speaker_text, q.cue, q.content) == ("The senator", "called for", "Congress to pass the bill")
    q = _one(run("Local leaders could call on volunteers during emergencies."), "volunteers")
    assert (q.cue, q.content) == ("could call on", "volunteers")


def test_document_issued_with_a_stance_gerund(run):
    quotes = run("The union issued a report welcoming the plan and calling for new limits on overtime.")
    got = [(q.speaker_text, q.cue, q.content) for q in quotes]
    assert got == [
        ("The union", "issued a report welcoming", "the plan"),
        ("The union", "calling for", "new limits on overtime"),
    ]
    q = _one(run("Lawyers for the firm filed papers opposing the merger."), "the merger")
    assert (q.speaker_text, q.cue) == ("Lawyers for the firm", "filed papers opposing")
    assert run("The bank issued a card offering low rates.") == []


def test_according_to_outranks_a_verb_whose_content_holds_it(run):
    # each cue sits inside the other's content; before, both were dropped as nested
    quotes = run("Most families would see their bills go up by 12 percent, according to the Budget Office.")
    got = [(q.speaker_text, q.cue, q.content) for q in quotes]
    assert got == [
        ("the Budget Office", "according to", "Most families would see their bills go up by 12 percent")
    ]
    # the content is the side holding the main verb, not the longer side
    q = _one(
        run(
            "Rents rose by a fifth, according to the housing council, more than twice what it had forecast "
            "for the smaller towns of the north."
        ),
        "Rents",
    )
    assert (q.cue, q.content) == ("according to", "Rents rose by a fifth")


def test_fronted_according_to_whose_source_swallowed_the_sentence(run):
    q = _one(run("According to radio host Sam Miller, the move reeks of fear and desperation."), "the move")
    assert (q.speaker_text, q.cue, q.content) == (
        "radio host Sam Miller",
        "According to",
        "the move reeks of fear and desperation",
    )


def test_reported_speech_inside_reported_speech_is_kept(run):
    quotes = run("The mayor said the engineers said the bridge was safe.")
    got = {(q.speaker_text, q.cue) for q in quotes}
    assert ("the engineers", "said") in got and ("The mayor", "said") in got
    # other cues inside another attribution's content are still dropped
    quotes = run("The mayor said the engineers want a new bridge.")
    assert [(q.speaker_text, q.cue) for q in quotes] == [("The mayor", "said")]


def test_unlisted_verb_with_a_how_clause(run):
    q = _one(run("I cannot fathom how the council approved the plan."), "how")
    assert (q.speaker_text, q.cue) == ("I", "cannot fathom")
    # a subject that cannot hold a view does not make an unlisted verb a cue
    assert all(
        q.speaker_text != "The museum" for q in run("The museum explores how the river shaped the town.")
    )


def test_participle_after_a_saying_is_its_own_attribution_held_by_the_speaker(run):
    quotes = run("Analysts said the factors helped the appeal, citing the importance of the border.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("Analysts", "said", "the factors helped the appeal"),
        ("Analysts", "citing", "the importance of the border"),
    ]
    quotes = run("Citing a new report, the senator accused the agency of fraud.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("the senator", "Citing", "a new report"),
        ("the senator", "accused", "the agency of fraud"),
    ]
    # the quote after the participle still continues the speaker's words
    quotes = run("“We will win,” said Smith, speaking of the vote. “They know it.”")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("Smith", "said", "“We will win,”"),
        ("Smith", "speaking of", "the vote"),
        ("Smith", None, "“They know it.”"),
    ]
    # a participle that is no cue verb stays in the content
    quotes = run("Analysts said the army advanced, killing dozens.")
    assert [(q.cue, q.content) for q in quotes] == [("said", "the army advanced, killing dozens")]


def test_passive_with_agent_and_poll_cues(run):
    quotes = run("The plan has been endorsed by dozens of papers.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("dozens of papers", "has been endorsed by", "The plan")
    ]
    quotes = run("In this poll, Trump rose two points. He waited in the poll queue.")
    assert [(q.speaker_text, q.cue, q.content) for q in quotes] == [
        ("this poll", "In", "Trump rose two points")
    ]
