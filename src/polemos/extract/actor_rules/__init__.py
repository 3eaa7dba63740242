"""Rules of the actor extractor: word lists, span repair, in-article clustering, affiliations, pronouns."""
