"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path | str, data: bytes, mode: int = 0o600) -> Path:
    """Write `data` to a temp file beside `path` (created with `mode`, owner-only by default:
    most files of the data directory hold people's posts), then `publish` it over `path`."""
    path = Path(path)
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


def publish(finished: Path | str, path: Path | str) -> None:
    """Move a fully written file into place: fsync it, rename it over `path` (same file
    system), and fsync the folder, so the rename survives a crash."""
    finished, path = Path(finished), Path(path)
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
