"""spaCy components polemos adds to the configured pipeline (registered by name)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SHORT_LINE_TOKENS = 12
SENTENCE_END_CHARS = set(".!?…”\"’')]")  # a line this short (a caption piece, a credit, a headline) stays one sentence


@Language.component("polemos_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at every line; keep short lines (caption pieces, credits) whole.

    Inside a line a sentence may only start after closing punctuation, which stops the
    parser from cutting a sentence after a word such as "Shi’ite".
    """
    line_start = 0
    for i, token in enumerate(doc):
        if i > line_start and not token.is_space and doc[i - 1].text[-1] not in SENTENCE_END_CHARS:
            token.is_sent_start = False
        ends_line = "\n" in token.text_with_ws
        if not ends_line and i < len(doc) - 1:
            continue
        line = doc[line_start : i + 1]
        words = [t for t in line if not t.is_space]
        if 0 < len(words) <= SHORT_LINE_TOKENS and not any(t.text in ".!?" for t in words[:-1]):
            for t in words[1:]:
                t.is_sent_start = False
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
        line_start = i + 1
    return doc
