"""spaCy components polemos adds to the configured pipeline (registered by name)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("polemos_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs or a caption."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text_with_ws and (token.is_space or token.whitespace_ == "\n" or "\n" in token.text):
            doc[i + 1].is_sent_start = True
    return doc
