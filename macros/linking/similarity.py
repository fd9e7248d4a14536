"""How alike two tasks' wordings are: TF-IDF cosine over words and word pairs, diacritics folded.

A commune's appendix copies the province's tasks closely, changing the level ("tỉnh" → "xã", "Sở" →
"Phòng") and cutting or adding a clause. Words are Vietnamese syllables, so pairs of them stand for
the compound words ("tín dụng", "hộ nghèo") and the phrases copied whole. The weights come from the
higher-level plan's tasks: the words every task of a plan on credit shares ("tín dụng chính sách xã
hội") count for little, the words of one task alone for much.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..text import ascii_words, without_emphasis


def features(text: str) -> Counter[str]:
    """The words of ``text`` (folded: "Hộ nghèo" and "ho ngheo" are one) and each pair of neighbouring words."""
    words = ascii_words(without_emphasis(text)).split()
    return Counter([*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))])


class Scorer:
    """Scores a text against each of ``documents``, from 0 (no word in common) to 1 (the same words)."""

    def __init__(self, documents: Sequence[str]):
        counted = [features(d) for d in documents]
        found = Counter(feature for c in counted for feature in c)
        total = len(counted)
        self._idf = {feature: math.log((1 + total) / (1 + n)) + 1 for feature, n in found.items()}
        self._unseen = math.log(1 + total) + 1  # a word no document has: as rare as can be
        self._vectors = [self._vector(c) for c in counted]

    def _vector(self, counted: Counter[str]) -> dict[str, float]:
        weights = {f: (1 + math.log(n)) * self._idf.get(f, self._unseen) for f, n in counted.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {f: w / norm for f, w in weights.items()}

    def scores(self, text: str) -> list[float]:
        """The cosine of ``text`` with each document, in the documents' order."""
        vector = self._vector(features(text))
        return [min(1.0, sum(w * other.get(f, 0.0) for f, w in vector.items())) for other in self._vectors]
