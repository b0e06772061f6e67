"""Word 3-gram shingles of descriptions, their MinHash signatures, and LSH candidate pairs."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import chain, pairwise
from typing import TYPE_CHECKING

import numpy as np
from datasketch import MinHash

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


def _word_hashes(description: str | None) -> list[int]:
    words = WORD.findall((description or "").lower())[:MAX_WORDS]
    hashes = list(map(_WORD_HASHES.get, words))
    if None in hashes:
        hashes = [_word_hash(w) if h is None else h for w, h in zip(words, hashes, strict=True)]
    return hashes


def unique(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values, as `np.unique` gives them, by one sort: numpy 2's
    `np.unique` hashes, about 20 times slower on these integer arrays."""
    ranked = np.sort(values)
    first = np.ones(len(ranked), dtype=bool)
    np.not_equal(ranked[1:], ranked[:-1], out=first[1:])
    return ranked[first]


def repeated(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values that occur more than once."""
    ranked = np.sort(values)
    return unique(ranked[1:][ranked[1:] == ranked[:-1]])


def shingle_arrays(descriptions: Sequence[str | None]) -> list[np.ndarray]:
    """Word 3-grams of each description's first words, as sorted unique 32-bit hashes.

    A block's descriptions go through numpy together (one array, one sort), not one by one:
    the per-call cost of numpy was most of the time for short descriptions."""
    hashes = [_word_hashes(d) for d in descriptions]
    sizes = np.fromiter(map(len, hashes), dtype=np.int64, count=len(hashes))
    h = np.fromiter(chain.from_iterable(hashes), dtype=np.uint64, count=int(sizes.sum()))
    mixed = (h[:-2] * np.uint64(0x9E3779B1) + h[1:-1]) * np.uint64(0x85EBCA77) + h[2:]
    mixed = (mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF)
    owner = np.repeat(np.arange(len(hashes), dtype=np.uint64), sizes)[:-2]
    ends = np.cumsum(sizes)
    # A 3-gram belongs to a description when its three words do (none spans two of them).
    inside = np.arange(len(mixed)) + 2 < np.repeat(ends, sizes)[:-2]
    keyed = unique((owner[inside] << np.uint64(32)) | mixed[inside])
    bounds = np.searchsorted(keyed >> np.uint64(32), np.arange(len(hashes) + 1, dtype=np.uint64))
    values = keyed.astype(np.uint32)  # the low 32 bits: the 3-gram's hash
    return [values[a:b] for a, b in pairwise(bounds.tolist())]


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


_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)


def banded_pairs(matrix: np.ndarray) -> list[tuple[int, int]]:
    """The LSH candidate pairs `(later, earlier)` of a block's signatures (one row each), in
    row order: two rows whose values agree on all of a band's rows, for any of `LSH_BANDS`.

    The same candidates as datasketch's `MinHashLSH(params=LSH_BANDS)` queried row by row, in
    a few array operations per block instead of a hash-table insert and query per band and
    row (the step that cost most of the time at 1M postings). A band's values are packed
    into one 64-bit key, salted by its band (a collision of two bands' keys could only add a
    candidate, which `near_duplicate` then checks like any other)."""
    bands, width = LSH_BANDS
    n = len(matrix)
    values = np.ascontiguousarray(matrix[:, : bands * width], dtype=np.uint32)
    assert width == 2, "a band's two 32-bit values are packed into one 64-bit key"
    keys = values.view(np.uint64).reshape(n, bands)
    salted = (keys + np.arange(bands, dtype=np.uint64) * _BAND_SALT).ravel()
    order = np.argsort(salted, kind="stable")
    ranked = salted[order]
    # Runs of equal keys (a bucket): every two rows in a run are a candidate pair.
    edges = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1], True])
    starts, lengths = edges[:-1], np.diff(edges)
    rows = order // bands
    # Every two positions p < q of a bucket, as arrays over all buckets at once (a loop per
    # bucket of three rows or more cost most of this step): position p stands first in
    # `length - 1 - p` pairs, its partners the positions after it.
    length = np.repeat(lengths, lengths)
    after = length - 1 - (np.arange(len(ranked)) - np.repeat(starts, lengths))
    first = np.repeat(np.arange(len(ranked)), after)
    offsets = np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after) + 1
    a, b = rows[first], rows[first + offsets]
    found = unique(np.maximum(a, b) * n + np.minimum(a, b))
    found = found[found // n != found % n]  # a row is no candidate of itself
    return list(zip((found // n).tolist(), (found % n).tolist(), strict=True))


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
    hashed = [i for i in members if feats[i].size >= MIN_SHINGLES]
    if len(hashed) > 1:
        matrix = signatures([feats[i].array for i in hashed])
        for later, earlier in banded_pairs(matrix):
            yield hashed[earlier], hashed[later]
    by_title: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        by_title[(feats[i].core, feats[i].levels)].append(i)
    for group in by_title.values():
        if len(group) < 2:
            continue
        short = [i for i in group if feats[i].size < MIN_SHINGLES or feats[i].free_text]
        for i in short[:50]:
            for j in group[:200]:
                if j != i and (j not in short or j < i):
                    yield i, j
