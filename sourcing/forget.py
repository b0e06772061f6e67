"""The forget workflow (`sourcing forget`): suppress a person, scrub the raw zone and other
files, rebuild the warehouse without them and compact it, in that order.

`warehouse.erase` does the file work (suppression list, scrubbing, compaction); this module
runs the steps and says what each did, in counts and paths, never the person's values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ID_OPTIONS = ("email", "handle", "url")


class ForgetError(RuntimeError):
    """A step failed after the person was suppressed; running the command again finishes it."""


@dataclass
class Forgotten:
    kind: str
    identifiers: int  # of the person, suppressed (the one given and those their posts hold)
    records_removed: int
    files_rewritten: int
    other_files_removed: list[Path] = field(default_factory=list)
    rebuilt: bool = False  # the warehouse was rebuilt without them and compacted

    def lines(self, db: Path) -> list[str]:
        others = self.identifiers - 1
        more = (
            f" and {others} more identifier{'s' if others != 1 else ''} of the person"
            if others
            else ""
        )
        out = [
            f"suppressed the {self.kind}{more}; removed {self.records_removed} raw records"
            f" from {self.files_rewritten} files"
        ]
        out += [f"  removed {path} (it held the person)" for path in self.other_files_removed]
        if self.rebuilt:
            out.append(f"warehouse rebuilt without them and compacted: {db}")
        return out


def one_identifier(**given: str | None) -> tuple[str, str]:
    """The one (kind, value) given among email, handle and url; ValueError otherwise."""
    chosen = [(k, v) for k, v in given.items() if k in ID_OPTIONS and v]
    if len(chosen) != 1:
        raise ValueError("give exactly one of --email, --handle, --url")
    return chosen[0]


def forget(
    data_dir: Path, db: Path, kind: str, value: str, say: Callable[[str], None]
) -> Forgotten:
    """Suppress and scrub the person, then (when a warehouse exists) rebuild it from the
    scrubbed raw zone and compact it. ValueError for a value that is no identifier;
    `sourcing.runner.Interrupted` when stopped; ForgetError when the rebuild fails."""
    from sourcing.definitions import build_resources
    from sourcing.runner import materialize_graph
    from warehouse.erase import compact, forget_files

    scrub = forget_files(data_dir, kind, value, db)
    result = Forgotten(
        kind,
        scrub.identifiers,
        scrub.records_removed,
        len(scrub.files_rewritten),
        list(scrub.other_files_removed),
    )
    if db.exists():
        # The scrubbed files changed size, so the crawl dates that held the person load again.
        report = materialize_graph(build_resources(data_dir, db), None, say=say)
        if report.failed:
            raise ForgetError(f"rebuild failed: {'; '.join(report.failed.values())}")
        compact(db)
        result.rebuilt = True
    return result
