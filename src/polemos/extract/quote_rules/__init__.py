"""Rules behind :mod:`polemos.extract.quotes`: cue lexicon, quote-mark pairing, spans, speakers."""
