"""Where the data directory is stored: a local folder (the default), or an object store
through fsspec when `--data-dir` is a URL (`s3://bucket/prefix`, `gs://…`, `az://…`).

A URL becomes a `UPath` (universal_pathlib), which speaks the pathlib API the raw zone
already uses (`/`, `glob`, `open`, `read_bytes`, `stat`, `relative_to`), so the rest of the
project is the same code on both. A local path stays a plain `pathlib.Path`: nothing changes,
nor slows, for the default.

The driver of each scheme is its fsspec package: `s3fs` (installed), `gcsfs` and `adlfs`
(the `gcs` and `azure` extras). They read their settings from the environment, as their
vendors' own tools do: for S3, `AWS_ENDPOINT_URL` (any S3-compatible store: MinIO, Ceph,
R2…), `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_DEFAULT_REGION`, `AWS_PROFILE`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from upath import UPath

# A URL, not a path: a scheme of two letters or more (so `C:\data` stays a Windows path).
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")

# The project's extra that installs the driver of each object-store scheme (s3fs is always in).
EXTRAS = {"gs": "gcs", "gcs": "gcs", "az": "azure", "abfs": "azure", "abfss": "azure"}


def is_url(location: str | Path) -> bool:
    return isinstance(location, str) and _URL.match(location) is not None


def as_path(location: str | Path | UPath) -> Path | UPath:
    """A local `Path`, or a `UPath` on the object store for a URL (a `UPath` stays as it is)."""
    if isinstance(location, Path) or not isinstance(location, str):
        return location
    if not is_url(location):
        return Path(location)
    from upath import UPath

    try:
        # No listings cache: fsspec otherwise keeps a folder's listing for the life of the
        # process, and a long-lived worker would never see the crawl files other machines add.
        path = UPath(location, use_listings_cache=False)
        filesystem(
            path
        )  # loads the scheme's driver now (no request is made), not at the first read
    except ImportError as exc:
        scheme = location.split("://", 1)[0].lower()
        extra = EXTRAS.get(scheme)
        how = f"`uv sync --extra {extra}`" if extra else "its fsspec driver"
        raise ValueError(
            f"{location}: storing data on {scheme}:// needs {how} ({exc});"
            " or use a local --data-dir"
        ) from exc
    return path


def is_local(path: Any) -> bool:
    """Whether `path` is on this machine's file system (a plain `Path`, not a `UPath`)."""
    return isinstance(path, Path)


def filesystem(path: UPath) -> Any:
    """The fsspec file system that holds `path` (to register with DuckDB, or to copy with)."""
    return path.fs


def key(path: UPath) -> str:
    """`path` as its file system names it (`bucket/prefix/…`, no scheme)."""
    return path.path
