"""Atomic file writes: a reader sees the old file or the new one, never half of either.

On a local disk that is a temp file beside the target, renamed over it. An object store has
no rename (S3's "move" is a copy and a delete, and a reader can list the copy half-made on
some stores), but it has something as good: one PUT is atomic per object. A reader of the
key sees the previous object or the new one whole, never part of an upload, and nothing at
all under that key until the upload completes. So on an object store the data is written
once, complete, under its final key: a crawl's file is finished on local disk and then
uploaded (`publish`), a small file is PUT from memory (`write_atomically`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipelines.rawzone.storage import as_path, filesystem, is_local, key


def write_atomically(path: Path | str | Any, data: bytes, mode: int = 0o600) -> Path | Any:
    """Write `data` to a temp file beside `path` (created with `mode`, owner-only by default:
    most files of the data directory hold people's posts), then `publish` it over `path`.
    On an object store: one PUT of the whole object (the bucket's policy governs access)."""
    path = as_path(path)
    if not is_local(path):
        path.write_bytes(data)
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, mode)  # the umask may have narrowed (or a reused name widened) it
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def publish(finished: Path | str, path: Path | str | Any) -> None:
    """Move a fully written local file into place: fsync it, rename it over `path` (same file
    system), and fsync the folder, so the rename survives a crash. To an object store: upload
    it under its final key (atomic per object: readers never see part of it), then remove the
    local file."""
    finished, path = Path(finished), as_path(path)
    if not is_local(path):
        filesystem(path).put_file(str(finished), key(path))
        finished.unlink()
        return
    with finished.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(finished, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
