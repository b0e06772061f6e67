"""Company names as one comparable key: "Quill Metrics, Inc." and "quill metrics" are one.

The key is lower case, without accents, punctuation, legal suffixes (Inc, LLC, GmbH, Ltd,
SAS, B.V....) or a leading "The", and known aliases (pipelines/data/company_aliases.tsv) map
to one name. Words that are part of a name ("AI", "Labs", "Technologies") are kept: "Lumen
AI" and "Lumen Labs" may be different companies.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from pipelines.folding import fold_accents

LEGAL_SUFFIXES = {
    "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "corp", "corporation", "co",
    "company", "plc", "gmbh", "ag", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy",
    "ab", "as", "aps", "pty", "pvt", "private", "kk", "kg", "ug", "sl", "oü", "ou",
}  # fmt: skip


@cache
def aliases() -> dict[str, str]:
    text = resources.files("pipelines").joinpath("data/company_aliases.tsv").read_text("utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {alias.strip(): name.strip() for alias, name in pairs}


@cache
def company_key(name: str | None) -> str | None:
    """The comparable key of a company name, or None when there is no usable name."""
    if not name:
        return None
    text = fold_accents(name)
    text = text.replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text)  # "Acme (YC W24)"
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # "B.V." -> "BV."
    text = re.sub(r"\.(com|io|ai|co|dev|app)\b", r" \1", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1] in {"com", "io"}:
        words.pop()
    key = " ".join(words)
    if not key:
        return None
    return aliases().get(key, key)
