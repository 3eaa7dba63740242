"""Near-duplicate articles (wire copy republished by many outlets) with MinHash LSH."""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word ``size``-grams of ``text`` (lower-cased), UTF-8 encoded; a short text is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class NearDuplicateIndex:
    """An index of articles seen so far; :meth:`add` says which earlier article a new one copies.

    Two articles are near-duplicates when the estimated Jaccard similarity of their word
    5-gram shingles reaches ``threshold``.  Exact copies are found by hash first.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle_size: int = 5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._exact: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def minhash(self, text: str) -> MinHash:
        """The MinHash signature of ``text``."""
        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch(shingles(text, self.shingle_size))
        return mh

    def query(self, text: str) -> str | None:
        """The earliest indexed article ``text`` nearly duplicates, or None; indexes nothing."""
        digest = self._digest(text)
        if digest in self._exact:
            return self._exact[digest]
        mh = self.minhash(text)
        return self._best(mh)

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text`` as ``article_id``, or return the id of the earlier article it nearly copies.

        A duplicate is not indexed itself, so later copies link to the same original.
        Adding an id twice returns None and changes nothing.
        """
        if article_id in self._order:
            return None
        digest = self._digest(text)
        if digest in self._exact:
            return self._exact[digest]
        mh = self.minhash(text)
        original = self._best(mh)
        if original is not None:
            return original
        self._exact[digest] = article_id
        self._order[article_id] = len(self._order)
        self._hashes[article_id] = mh
        self._lsh.insert(article_id, mh)
        return None

    def _best(self, mh: MinHash) -> str | None:
        candidates = [c for c in self._lsh.query(mh) if self._hashes[c].jaccard(mh) >= self.threshold]
        return min(candidates, key=self._order.__getitem__) if candidates else None

    @staticmethod
    def _digest(text: str) -> str:
        return hashlib.sha1(" ".join(_WORD.findall(text.lower())).encode("utf-8")).hexdigest()
