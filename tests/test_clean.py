"""Tests for polemos.clean: normalisation, rejoined words, captions, boilerplate, title, repeated lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polemos.clean import clean_text, drop_repeated_lines, split_caption

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_eadca0aa34e5fdc0.txt"
GOLD = SHARED / "gold" / "seed-000.json"


def _kinds(cleaned) -> list[str]:
    return [s.kind for s in cleaned.segments]


# --- normalisation and paragraphs -------------------------------------------------------------


def test_nfc_whitespace_and_typographic_quotes_kept() -> None:
    raw = "Cafe\u0301 talks\u00a0 resumed.\r\n\r\n\r\n\u201cWe agree,\u201d\tshe said.\u200b  "
    cleaned = clean_text(raw)
    assert cleaned.text == "Caf\u00e9 talks resumed.\n\n\u201cWe agree,\u201d she said."
    assert _kinds(cleaned) == ["body", "body"]


def test_single_line_breaks_are_wraps() -> None:
    cleaned = clean_text("First para.\n\nThe minister said the\ntalks would resume on\nMonday.")
    assert cleaned.paragraphs()[1] == "The minister said the talks would resume on Monday."


def test_segments_cover_paragraphs_exactly() -> None:
    cleaned = clean_text("Headline here\n\nOne body.\n\nTwo body.")
    assert [cleaned.text[s.start : s.end] for s in cleaned.segments] == ["Headline here", "One body.", "Two body."]
    assert cleaned.text == "Headline here\n\nOne body.\n\nTwo body."


def test_empty_text() -> None:
    cleaned = clean_text(" \n\n \t")
    assert cleaned.text == "" and cleaned.segments == [] and cleaned.title is None


def test_text_without_blank_lines_splits_at_sentence_ends() -> None:
    cleaned = clean_text("Rebels seize town\nRebels seized the town on Monday.\nThe army said it\nwould respond.")
    assert cleaned.title == "Rebels seize town"
    assert cleaned.paragraphs() == ["Rebels seize town", "Rebels seized the town on Monday.",
                                    "The army said it would respond."]


# --- rejoined words ----------------------------------------------------------------------------


def test_rejoins_word_broken_across_lines() -> None:
    cleaned = clean_text("Intro.\n\nIn 2014 the US Treasury a\nccused Tehran of lying.")
    assert "the US Treasury accused Tehran" in cleaned.text
    assert [(r.kind, r.text, r.detail) for r in cleaned.removals] == [("rejoined_word", "a\nccused", "accused")]


def test_does_not_join_two_real_words() -> None:
    # "in" and "formation" are both words: a wrap, not a broken "information".
    cleaned = clean_text("Intro.\n\nTroops marched in\nformation past the palace.")
    assert "marched in formation past" in cleaned.text
    assert not [r for r in cleaned.removals if r.kind == "rejoined_word"]


def test_hyphenated_line_end() -> None:
    cleaned = clean_text("Intro.\n\nThe officials were accu-\nsed of fraud by Iran-\nbacked militias.")
    assert "were accused of fraud by Iran-backed militias." in cleaned.text


def test_unknown_joined_word_is_not_rejoined() -> None:
    cleaned = clean_text("Intro.\n\nHe met the\nxqzt delegation.")
    assert "met the xqzt delegation" in cleaned.text


# --- captions ----------------------------------------------------------------------------------


def test_fused_caption_is_split_into_pieces() -> None:
    raw = "Intro.\n\nPresident ObamaWhite HouseThe president speaks in the garden.\n\nBody text here."
    cleaned = clean_text(raw)
    assert _kinds(cleaned) == ["body", "caption", "body"]
    assert cleaned.paragraphs("caption") == ["President Obama\nWhite House\nThe president speaks in the garden."]
    assert any(r.kind == "caption_split" for r in cleaned.removals)


def test_agency_credit_fused_caption() -> None:
    pieces = split_caption("BaghdadREUTERS/ Ahmed SaadSoldiers patrol a street in the city. More text follows.")
    assert pieces is not None
    assert pieces.pieces == ["Baghdad", "REUTERS/ Ahmed Saad", "Soldiers patrol a street in the city. More text follows."]


def test_credit_without_glue_makes_caption() -> None:
    pieces = split_caption("Protesters gather outside the embassy. John Moore/Getty Images")
    assert pieces is not None
    assert pieces.pieces == ["Protesters gather outside the embassy.", "John Moore/Getty Images"]


@pytest.mark.parametrize(
    "para",
    [
        "He posted the video on LinkedIn and YouTube before buying an iPhone at McDonald's.",
        "An AP/Ipsos poll and a Reuters report found support fell.",
        "Officials said the OpenAI deal would close soon.",
        "UpGuard reportedly sent an email to the firm on January 10, but received no response.",
        "“We’re not just validating numbers,” he told InsideSources. “We’re trying to provide context.”",
        "I founded the firm eTranslate which shares the same name as a US firm.",
    ],
)
def test_known_camel_case_words_and_prose_are_not_captions(para: str) -> None:
    assert split_caption(para) is None
    cleaned = clean_text("Intro.\n\n" + para)
    assert _kinds(cleaned) == ["body", "body"]


# --- boilerplate -------------------------------------------------------------------------------


def test_trailing_promo_newsletter_and_follow_lines_dropped() -> None:
    raw = (
        "Rebels take city\n\nRebels took the city on Monday.\n\n"
        "READ MORE: Ten things you need to know about the war\n\n"
        "The Daily Planet Emails & Alerts\n\nGet the best stories delivered to your inbox.\n\n"
        "Follow The Daily Planet on Facebook, Twitter and Instagram."
    )
    cleaned = clean_text(raw)
    assert cleaned.text == "Rebels take city\n\nRebels took the city on Monday."
    dropped = [r.text for r in cleaned.removals if r.kind == "boilerplate"]
    assert dropped == [
        "READ MORE: Ten things you need to know about the war",
        "The Daily Planet Emails & Alerts",
        "Get the best stories delivered to your inbox.",
        "Follow The Daily Planet on Facebook, Twitter and Instagram.",
    ]


def test_strong_promo_dropped_mid_text_weak_pattern_kept_mid_text() -> None:
    raw = ("Intro.\n\nNOW WATCH: A video about drones\n\nHe said the emails reached his inbox late.\n\n"
           "The ministry said it would respond.")
    cleaned = clean_text(raw)
    assert "NOW WATCH" not in cleaned.text
    assert "He said the emails reached his inbox late." in cleaned.text


def test_short_final_prose_sentence_is_kept() -> None:
    cleaned = clean_text("Intro.\n\nBody text.\n\nThe ministry said on Twitter that it would respond.")
    assert cleaned.paragraphs()[-1] == "The ministry said on Twitter that it would respond."


# --- title -------------------------------------------------------------------------------------


def test_title_is_first_short_line_without_period() -> None:
    cleaned = clean_text("Iran's general is 'a stately rival'\n\nThe general was seen in Tikrit.")
    assert cleaned.title == "Iran's general is 'a stately rival'"
    assert _kinds(cleaned) == ["title", "body"]


def test_first_sentence_is_not_a_title() -> None:
    cleaned = clean_text("The general was seen in Tikrit.\n\nHe left on Monday.")
    assert cleaned.title is None
    assert _kinds(cleaned) == ["body", "body"]


# --- repeated lines ----------------------------------------------------------------------------


def test_drop_repeated_lines_across_one_source() -> None:
    texts = [f"Story {i} body.\n\nSubscribe to the Gazette\n\nBy staff" for i in range(4)] + ["Other story."]
    result = drop_repeated_lines(texts)
    assert result.texts[0] == "Story 0 body."
    assert result.texts[4] == "Other story."
    assert {r.text for r in result.removals[0]} == {"Subscribe to the Gazette", "By staff"}


def test_drop_repeated_lines_needs_min_count() -> None:
    texts = ["A line.\n\nFooter", "B line.\n\nFooter"]
    assert drop_repeated_lines(texts).texts == texts


# --- the seed against the gold ------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not (SEED.exists() and GOLD.exists()), reason="../shared seed and gold not present")
def test_seed_meets_gold_cleaning_expectations() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["cleaning"]
    cleaned = clean_text(SEED.read_text(encoding="utf-8"))
    text = cleaned.text

    for broken, fixed in gold["rejoin_broken_words"]:
        assert broken not in text
        assert fixed in text
        assert any(r.kind == "rejoined_word" and r.text == broken and r.detail == fixed for r in cleaned.removals)

    captions = cleaned.paragraphs("caption")
    assert len(captions) == len(gold["captions"])
    for expected, caption in zip(gold["captions"], captions, strict=True):
        assert expected["raw_prefix"] not in text
        pieces = caption.split("\n")
        for want, got in zip(expected["split"], pieces, strict=True):
            if want.endswith(" ..."):
                assert got.startswith(want[:-4])
            else:
                assert got == want

    for line in gold["boilerplate_to_drop"]:
        assert line not in text
        assert any(r.kind == "boilerplate" and r.text == line for r in cleaned.removals)

    assert cleaned.title is not None and cleaned.segments[0].kind == "title"
    assert text.startswith(cleaned.title + "\n\n")
    assert text.endswith("Bashar as-Assad.")
    assert "\u2019" in text and "\n\n\n" not in text


def test_final_prose_about_us_officials_on_twitter_is_kept() -> None:
    cleaned = clean_text("Intro.\n\nBody text.\n\nUS officials replied on Twitter and Facebook.")
    assert cleaned.paragraphs()[-1] == "US officials replied on Twitter and Facebook."
    cleaned = clean_text("Intro.\n\nBody text.\n\nLike us on Facebook")
    assert cleaned.paragraphs() == ["Intro.", "Body text."]


def test_closing_image_credit_and_via_agency_credit() -> None:
    split = split_caption("Whistleblower Edward Snowden.Image: TheWikiLeaksChannel.")
    assert split is not None and split.pieces == ["Whistleblower Edward Snowden.", "Image: TheWikiLeaksChannel."]
    split = split_caption("SAUL LOEB via Getty Images.")
    assert split is not None and split.pieces == ["SAUL LOEB via Getty Images."]


def test_leading_advert_line_is_dropped_not_taken_as_title() -> None:
    cleaned = clean_text("Advertisement\n\nRebels seize town\n\nRebels seized the town on Monday.")
    assert cleaned.title == "Rebels seize town"
    assert [r.text for r in cleaned.removals if r.kind == "boilerplate"] == ["Advertisement"]


def test_text_of_only_boilerplate_is_kept() -> None:
    assert clean_text("NOW WATCH: a video").text == "NOW WATCH: a video"


def test_streaming_filter_drops_lines_a_source_repeats():
    from polemos.clean import RepeatedLineFilter

    f = RepeatedLineFilter(min_share=0.5, min_count=3)
    footer = "Subscribe to the Daily Wire digest"
    for i in range(3):
        text, dropped = f.apply("Wire", f"Story number {i} about the talks.\n\n{footer}")
        assert dropped == [] and footer in text  # the first articles of a source are kept whole
    text, dropped = f.apply("Wire", f"Troops withdrew from the town.\n\n{footer}")
    assert footer not in text and "Troops withdrew" in text
    assert [d.kind for d in dropped] == ["repeated_line"]
    other, dropped = f.apply("Other Desk", f"Markets fell.\n\n{footer}")
    assert footer in other and dropped == []  # another source's lines are counted apart
