"""Which company each posting belongs to, and the name to show for it.

An ATS board's API often states no company name (Lever and Ashby never do; Greenhouse does
only with `content=true`), so a board that is not in `spiders/boards.yaml` gives its postings
the board token as their company: `lumenforge` beside `Lumenforge AI` from the company's
Hacker News post and its Greenhouse board. This module joins such a token to the company it
stands for, so the company is one row named as the company writes itself:

- names whose keys differ only by spaces are one company (`ParallaxBio`, `Parallax Bio`);
- a *token name* (the posting's company is, letter for letter, the token of one of its ATS
  links) joins the one company whose name it spells, whose name it spells without one
  generic last word (`lumenforge` → `Lumenforge AI`) or with one more (`quillhq` → `Quill`),
  or one of whose other postings sits on a board with that token. When two companies fit
  (`lumen` → `Lumen AI`, `Lumen Labs`), it joins neither: a wrong merge is worse than two rows;
- a company known only by its token is named as its postings' text spells the token
  (`cerebrassystems` → `Cerebras Systems`), else keeps the token.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pipelines.catalog import job_in_url
from pipelines.companies import company_key

# Last words a company adds to its name that its board token often leaves out (or keeps).
GENERIC_WORDS = frozenset(
    {
        "ai", "hq", "inc", "io", "app", "labs", "lab", "tech", "technologies", "bio", "health",
        "robotics", "software", "systems", "data", "group", "team", "jobs", "careers", "global",
        "co",
    }
)  # fmt: skip
_WORD = re.compile(r"\w[\w&'-]*")


@dataclass(frozen=True)
class Company:
    company_id: str
    name: str


def stable_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def company_id(name: str | None) -> str | None:
    """The id of the company a name stands for on its own: one id for "Lumenforge AI, Inc."
    and "lumenforge ai" (the key dedupe blocks on); None when the name is unusable."""
    key = company_key(name)
    return stable_id("company", key) if key else None


def _squash(key: str) -> str:
    return key.replace(" ", "")


def board_tokens(urls: Iterable[str | None]) -> set[str]:
    """The ATS board tokens in links to jobs (`jobs.ashbyhq.com/lumenforge/…` → lumenforge)."""
    tokens = set()
    for url in urls:
        if not url:
            continue
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        found = job_in_url(host + parts.path)
        if found and found[2]:
            tokens.add(found[2].lower())
    return tokens


def _most_used(counts: Counter[str]) -> str:
    """The most used spelling; of equals, the shortest ("Acme" before "Acme, Inc.")."""
    return min(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spelled(token: str, texts: Iterable[str]) -> str | None:
    """How the texts spell a token, capitalised ("Cerebras Systems" for cerebrassystems)."""
    seen: Counter[str] = Counter()
    for text in texts:
        if token not in _letters(text):
            continue
        words = _WORD.findall(text)
        for i, first in enumerate(words):
            if not first[0].isupper():
                continue
            for end in range(i + 1, min(i + 5, len(words) + 1)):
                letters = _letters("".join(words[i:end]))
                if letters == token:
                    seen[" ".join(words[i:end])] += 1
                if not token.startswith(letters):
                    break
    return _most_used(seen) if seen else None


def resolve_companies(
    postings: Sequence[dict[str, Any]],
    sources: Sequence[dict[str, Any]] = (),
    descriptions: dict[str, str] | None = None,
) -> dict[str, Company]:
    """posting_id → its company (id and display name), for every posting that names one.

    `sources` are `posting_sources` rows (their links tell the board tokens), `descriptions`
    the postings' texts (posting_id → text) to spell a name known only by its token."""
    links: dict[str, list[str | None]] = {}
    for s in sources:
        links.setdefault(s["posting_id"], []).append(s.get("url"))
    names: dict[str, Counter[str]] = {}  # key -> its postings' names (token names apart)
    token_names: dict[str, Counter[str]] = {}
    tokens_of: dict[str, set[str]] = {}  # key -> board tokens its named postings sit on
    key_of: dict[str, str] = {}
    for p in postings:
        name = (p.get("company") or "").strip()
        key = company_key(name)
        if not key:
            continue
        key_of[p["posting_id"]] = key
        tokens = board_tokens([p.get("url"), p.get("apply_url"), *links.get(p["posting_id"], [])])
        is_token = name == name.lower() and " " not in name and name.lower() in tokens
        (token_names if is_token else names).setdefault(key, Counter())[name] += 1
        if not is_token:
            tokens_of.setdefault(key, set()).update(tokens)
    squashed: dict[str, set[str]] = {}
    for key in names:
        squashed.setdefault(_squash(key), set()).add(key)
    # Named keys that differ only by spaces are one company: the most used spelling leads.
    home = {}
    for keys in squashed.values():
        lead = max(keys, key=lambda k: (sum(names[k].values()), k))
        home.update((k, lead) for k in keys)
    for key in token_names:
        if key in names:
            continue
        fits = {home[k] for k in squashed.get(_squash(key), ())}
        fits |= {home[k] for k, tokens in tokens_of.items() if key in tokens}
        for k in names:
            first, _, last = k.rpartition(" ")
            if last in GENERIC_WORDS and _squash(first) == key:  # lumenforge, Lumenforge AI
                fits.add(home[k])
            rest = key.removeprefix(_squash(k))
            if rest != key and rest in GENERIC_WORDS:  # quillhq, Quill
                fits.add(home[k])
        if len(fits) == 1:
            home[key] = fits.pop()
        else:
            home[key] = key
    shown: dict[str, Counter[str]] = {}
    for key, lead in home.items():
        shown.setdefault(lead, Counter()).update(names.get(key) or ())
    texts: dict[str, list[str]] = {}
    for pid, key in key_of.items():
        texts.setdefault(home[key], []).append((descriptions or {}).get(pid) or "")
    display: dict[str, str] = {}
    for lead in set(home.values()):
        if shown.get(lead):
            display[lead] = _most_used(shown[lead])
        else:
            spelled = _spelled(_squash(lead), texts.get(lead, ()))
            display[lead] = spelled or _most_used(token_names[lead])
    return {
        pid: Company(stable_id("company", home[key]), display[home[key]])
        for pid, key in key_of.items()
    }
