"""Word 3-gram shingles of descriptions, their MinHash signatures, and LSH candidate pairs."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash, MinHashLSH

if TYPE_CHECKING:
    from pipelines.dedupe.matching import Features

NUM_PERM = 60
LSH_BANDS = (30, 2)  # 30 bands of 2 rows: candidate probability 0.9998 at Jaccard 0.5, 0.94 at 0.3
MIN_SHINGLES = 12  # fewer word 3-grams than this: the description cannot tell two jobs apart
MAX_WORDS = 300  # shingles come from the first words of a description
WORD = re.compile(r"[a-z0-9+#]+")


_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) > 2_000_000:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return value


def shingle_array(description: str | None) -> np.ndarray:
    """Word 3-grams of the description's first words, as sorted unique 32-bit hashes."""
    words = WORD.findall((description or "").lower())[:MAX_WORDS]
    if len(words) < 3:
        return np.zeros(0, dtype=np.uint32)
    hashes = list(map(_WORD_HASHES.get, words))
    if None in hashes:
        hashes = [_word_hash(w) if h is None else h for w, h in zip(words, hashes, strict=True)]
    h = np.array(hashes, dtype=np.uint64)
    mixed = (h[:-2] * np.uint64(0x9E3779B1) + h[1:-1]) * np.uint64(0x85EBCA77) + h[2:]
    return np.unique((mixed ^ (mixed >> np.uint64(29))).astype(np.uint32))


def shingles(description: str | None) -> frozenset[int]:
    """Word 3-grams of the description's first words, as 32-bit hashes."""
    return frozenset(shingle_array(description).tolist())


class Signature:
    """A MinHash signature as MinHashLSH reads it (its `hashvalues` and length)."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)


_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=7).permutations  # datasketch's affine32 a, b


def signatures(sets: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (one row per set) of many shingle sets at once, with datasketch's
    permutations h -> a*h + b mod 2^32."""
    a, b = _PERMUTATIONS
    sizes = np.fromiter((len(x) for x in sets), dtype=np.int64, count=len(sets))
    values = np.concatenate(sets).astype(np.uint32)
    permuted = values[:, None] * a[None, :] + b[None, :]  # uint32, wraps mod 2^32
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    return np.minimum.reduceat(permuted, starts, axis=0)


def jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def containment(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def lsh_candidates(members: Sequence[int], feats: dict[int, Features]) -> Iterable[tuple[int, int]]:
    """Candidate pairs of one company block from MinHash LSH (and, for rows whose
    description is too short to hash, the rows with the same title core and level)."""
    hashed = [i for i in members if len(feats[i].text) >= MIN_SHINGLES]
    if len(hashed) > 1:
        lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS)
        matrix = signatures([feats[i].array for i in hashed])
        for i, row in zip(hashed, matrix, strict=True):
            signature = Signature(row)
            for j in lsh.query(signature):
                yield j, i
            lsh.insert(i, signature, check_duplication=False)
    by_title: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        by_title[(feats[i].core, feats[i].levels)].append(i)
    for group in by_title.values():
        if len(group) < 2:
            continue
        short = [i for i in group if len(feats[i].text) < MIN_SHINGLES or feats[i].free_text]
        for i in short[:50]:
            for j in group[:200]:
                if j != i and (j not in short or j < i):
                    yield i, j
