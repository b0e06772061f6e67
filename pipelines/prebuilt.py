"""Tables built once per machine and kept as pickles in the user's cache dir, so that a
process is ready in a fraction of a second: the place gazetteer, the skills taxonomy.

A table's file name holds a hash of everything its build reads (data files, the building
module's source, library versions): a change to any of them builds it again under a new name.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import pickle
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import platformdirs

from pipelines.rawzone.files import write_atomically

T = TypeVar("T")
KEEP_S = 7 * 24 * 3600


def cache_file(prefix: str, *parts: str) -> Path:
    """The cache file of a table named `prefix`, keyed by the hash of `parts`."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
    return Path(platformdirs.user_cache_dir("ml-sourcing")) / (
        f"{prefix}{digest.hexdigest()[:16]}.pickle"
    )


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic collector paused: unpickling a table creates millions of tuples, each
    collection would walk all those made so far (it halves the gazetteer's load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_or_build(path: Path, prefix: str, build: Callable[[], T], keep_s: float = KEEP_S) -> T:
    """The table kept at `path`, else `build()`'s, then kept there. An unwritable cache dir
    only costs the build in every process."""
    try:
        with path.open("rb") as f, _no_gc():
            return _frozen(pickle.load(f))
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Another version's file goes once unused for `keep_s`: versions that run side by
        # side (worktrees, a rolling upgrade) would otherwise delete each other's and rebuild.
        for old in path.parent.glob(f"{prefix}*.pickle"):
            with contextlib.suppress(OSError):  # another process may remove it first
                if old.stat().st_atime < time.time() - keep_s:
                    old.unlink()
        # atomic: parallel processes never read half a file
        write_atomically(path, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return _frozen(table)


def _frozen(table: T) -> T:
    """`table`, with every object alive now moved out of the cyclic collector's sight
    (`gc.freeze`): the tables live as long as the process, and each full collection would
    otherwise walk their millions of tuples again (3–6% of normalizing real Greenhouse
    records)."""
    gc.freeze()
    return table
