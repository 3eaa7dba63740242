"""Event coding data and rules: the CAMEO/PLOVER lexicon, argument finding, modality, duplicates."""
