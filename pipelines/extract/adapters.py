"""The Hacker News extractors read a comment alone; these give them the `(record, context)`
signature every extractor in the catalog (`pipelines/catalog.py`) is called with."""

from __future__ import annotations

from typing import Any

from pipelines.extract.candidates import CandidateExtraction, extract_candidate
from pipelines.extract.hn import extract_hn
from pipelines.model import Extraction


def extract_hn_hiring(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """A "Who is hiring?" comment's postings (its thread is not needed to read it)."""
    return extract_hn(record)


def extract_hn_wants(record: dict[str, Any], context: dict[str, Any]) -> CandidateExtraction:
    """A "Who wants to be hired?" comment's candidate."""
    return extract_candidate(record)
