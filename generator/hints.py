""""Bedoelde u ...?" hints in near-linear time, however many ids and broken references.

`difflib.get_close_matches` compares a word with every candidate, so a region with n broken
references among n ids costs n² comparisons (20,000 of each did not finish in 5 minutes). A
`Hints` indexes its candidates once:

* a word seen before gets its earlier answer;
* a candidate one edit away (a letter missing, added, changed, or two swapped: most typos) is
  found through an index of every candidate with one letter deleted, in time proportional to
  the word's length;
* in a small candidate set (SMALL) difflib decides, as it always did; in a large set the
  one-edit index is asked first, then only the candidates sharing the most letter pairs with
  the word (at most SHORTLIST, found through an index of letter pairs) go to difflib;
* the total difflib work per candidate set is capped (MAX_COMPARISONS): past it, only the
  one-edit index answers.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable

SMALL = 100
"""Up to this many candidates, difflib sees all of them (the hints regiekit always gave)."""
SHORTLIST = 20
"""In a larger set, the candidates difflib sees for one word."""
MAX_POSTINGS = 2_000
"""Letter pairs shared by more candidates than this are too common to tell them apart."""
MAX_COMPARISONS = 200_000
"""difflib comparisons per `Hints`, after which only the one-edit index answers."""
CUTOFF = 0.6
"""difflib's similarity threshold (its default)."""


class Hints:
    """The closest candidate for a word, or None; build once per candidate set."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.known = frozenset(candidates)
        self.candidates = sorted(self.known)
        self._known: dict[str, str | None] = {}
        self._deletions: dict[str, list[str]] | None = None
        self._pairs: dict[str, list[int]] | None = None
        self._comparisons = 0

    def closest(self, word: str) -> str | None:
        if word not in self._known:
            self._known[word] = self._find(word)
        return self._known[word]

    def _find(self, word: str) -> str | None:
        small = len(self.candidates) <= SMALL
        if not small or self._comparisons >= MAX_COMPARISONS:
            near = self._one_edit(word)
            if near or self._comparisons >= MAX_COMPARISONS:
                return _best(word, near) if near else None
        pool = self.candidates if small else self._shortlist(word)
        self._comparisons += len(pool)
        matches = difflib.get_close_matches(word, pool, n=1, cutoff=CUTOFF)
        return matches[0] if matches else None

    def _one_edit(self, word: str) -> list[str]:
        if self._deletions is None:
            self._deletions = {}
            for candidate in self.candidates:
                for variant in {candidate, *_deleted(candidate)}:
                    self._deletions.setdefault(variant, []).append(candidate)
        found: dict[str, None] = {}
        for variant in (word, *_deleted(word)):
            found.update(dict.fromkeys(self._deletions.get(variant, ())))
        found.pop(word, None)
        return list(found)

    def _shortlist(self, word: str) -> list[str]:
        if self._pairs is None:
            self._pairs = {}
            for index, candidate in enumerate(self.candidates):
                for pair in set(_pairs(candidate)):
                    self._pairs.setdefault(pair, []).append(index)
        shared: Counter[int] = Counter()
        for pair in set(_pairs(word)):
            postings = self._pairs.get(pair, ())
            if len(postings) <= MAX_POSTINGS:
                shared.update(postings)
        return [self.candidates[index] for index, _ in shared.most_common(SHORTLIST)]


def _deleted(word: str) -> list[str]:
    return [word[:index] + word[index + 1:] for index in range(len(word))]


def _pairs(word: str) -> list[str]:
    return [word[index:index + 2] for index in range(len(word) - 1)]


def _best(word: str, candidates: list[str]) -> str:
    """The most similar of a few candidates; ties as difflib breaks them (the last in order)."""
    return max(candidates, key=lambda candidate: (
        difflib.SequenceMatcher(None, word, candidate).ratio(), candidate))
