"""The array versions of the MinHash steps give what the one-by-one versions give."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from datasketch import MinHashLSH

from pipelines.dedupe.minhash import LSH_BANDS, NUM_PERM, WORD, banded_pairs, shingle_arrays


class _Signature:
    """A signature as datasketch's MinHashLSH reads it."""

    def __init__(self, values: np.ndarray) -> None:
        self.hashvalues = values

    def __len__(self) -> int:
        return len(self.hashvalues)


@pytest.mark.parametrize("seed", range(20))
def test_banded_pairs_are_the_candidates_of_datasketchs_lsh(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    # Values from a tiny alphabet, so that many bands collide and buckets hold several rows.
    matrix = rng.integers(0, 3, size=(n, NUM_PERM)).astype(np.uint32)
    lsh, expected = MinHashLSH(num_perm=NUM_PERM, params=LSH_BANDS), set()
    for i, row in enumerate(matrix):
        expected.update((i, j) for j in lsh.query(_Signature(row)))
        lsh.insert(i, _Signature(row), check_duplication=False)
    assert expected
    assert banded_pairs(matrix) == sorted(expected)


def test_banded_pairs_of_distinct_rows_is_empty():
    matrix = np.arange(4 * NUM_PERM, dtype=np.uint32).reshape(4, NUM_PERM)
    assert banded_pairs(matrix) == []


def _one_by_one(description: str | None) -> np.ndarray:
    """The shingles of one description, written plainly."""
    words = WORD.findall((description or "").lower())[:300]
    h = [zlib.crc32(w.encode()) for w in words]
    out = set()
    for a, b, c in zip(h, h[1:], h[2:], strict=False):
        mixed = ((a * 0x9E3779B1 + b) * 0x85EBCA77 + c) % 2**64
        out.add((mixed ^ (mixed >> 29)) % 2**32)
    return np.array(sorted(out), dtype=np.uint32)


def test_shingle_arrays_keep_each_description_apart():
    texts = [
        "We train models. We ship models to production every week.",
        None,
        "",
        "two words",
        "exactly three words",
        " ".join(f"w{i}" for i in range(400)),  # only the first 300 words count
        "Models to production, every week: we ship.",
    ]
    got = shingle_arrays(texts)
    assert len(got) == len(texts)
    for text, array in zip(texts, got, strict=True):
        assert array.dtype == np.uint32
        assert np.array_equal(array, _one_by_one(text))
    assert [len(a) for a in got[1:6]] == [0, 0, 0, 1, 298]
