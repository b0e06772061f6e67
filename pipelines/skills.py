"""Skill extraction: find the taxonomy's skills (data/skills.yaml) in free text.

All aliases of all skills go into one Aho-Corasick automaton (pyahocorasick), so a posting is
scanned once whatever the size of the taxonomy; a regex per skill would rescan the text 600
times. The automaton only proposes candidates. Each candidate is then checked for:

1. word boundaries, with `+`, `#` and `.` handled so that "C++", "C#", ".NET" and "Node.js"
   match while "C" does not match inside "C++" and "torch" does not match inside "torch.nn";
2. case, for aliases flagged `case_sensitive` ("RAG" but not "rag", "Go" but not "go");
3. context, for aliases flagged `needs_context` (ordinary words and first names such as "Go",
   "R", "Julia", "Ray", "Spark", "Excel"): such a candidate counts only when it stands in a
   list next to another accepted skill ("Go, Rust", "R/Python", "Chef, Puppet or Ansible"),
   directly after or before one of its context words ("in R", "Go developer", "Spark jobs"), or
   in a clause that introduces a tech list ("Languages: Go"). "R&D", "Go-to-market", "let's go",
   "Julia from our team" and "Ray Dalio" therefore yield nothing.
4. case, again: an alias flagged `case_sensitive` written in lower case ("react", "vue",
   "ruby" in "Our stack: ruby, rails, react, postgres") counts only where it stands in a list
   next to a skill that counts by itself (rule 3's list test, never its context words): lists
   of tools are often written in lower case, prose words ("we react to", "the rest") are not
   listed beside Postgres.

Overlapping candidates resolve leftmost-longest: "React Native" is react-native, not react.

Decisions on what counts (the labelled evaluation set follows them):

- Concept skills (flagged `concept: true`: fields and methods such as machine-learning,
  deep-learning, nlp, computer-vision, llm, mlops, time-series) count only where the text asks
  for the field itself ("PhD in ML", "apply machine learning to…", "Data Scientist, NLP",
  "Quantitative Researcher (ML)"), not where the words only name a job, a team or a kind of
  company ("Machine Learning Engineer", "our NLP team", "ML and data roles", "not an ML shop"),
  nor where they name the AI tools every engineer now uses ("AI and ML tooling", "agentic tools").
- Vendors' names (skills flagged `company: true`: openai, anthropic, hugging-face, …) count
  only as tools, not where the text names the vendor as a customer, investor, partner or past
  employer ("used by Stripe and Anthropic", "backed by leaders at Hugging Face").
- One text, one list: a posting that covers several roles is split upstream. Extractors that
  can tell which words belong to which role (HN comments with one line or section per role)
  hand `ExtractedPosting.skills_text` (the role's own section plus what all roles share), so a
  Frontend Engineer does not inherit the ML Engineer's PyTorch. Board tags (RemoteOK,
  Remotive) are mapped with `canonical_skill` by the normalizer, not read as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, pairwise
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from pipelines import prebuilt
from pipelines.text import replace_runs

CATEGORIES = (
    "language",
    "ml_framework",
    "llm_genai",
    "data_tooling",
    "cloud",
    "mlops",
    "database",
    "infrastructure",
    "math_statistics",
    "web",
    "other",
)

# Words that make a `needs_context` alias a skill when they sit right before / after it.
DEFAULT_BEFORE = frozenset(
    {"in", "using", "use", "uses", "with", "like", "including", "writing", "write", "know", "learn"}
)
DEFAULT_AFTER = frozenset(
    {
        "developer",
        "developers",
        "engineer",
        "engineers",
        "programming",
        "programmer",
        "programmers",
        "code",
        "codebase",
        "language",
        "experience",
        "skills",
        "ecosystem",
        "backend",
        "services",
        "microservices",
        "expertise",
        "knowledge",
        "stack",
        "dev",
        "devs",
        "software",
    }
)

_CONJ = r"(?:and|or|and/or|as well as|plus|und|oder|et|ou|y|o|e|i|lub|oraz)"
# One list separator: punctuation, a newline, a dash bullet or a conjunction; never bare spaces
# (so "Make LLM outputs" is not a list) and never "|" (HN headers separate fields with it).
_SEP = rf"(?:[ \t]*(?:[,/;:()\[\]•·*+&]|\n|\s-\s|\s{_CONJ}\s)[ \t]*)+"
_ITEM = r"[^\s,/;:()\[\]|]{1,25}(?: [^\s,/;:()\[\]|]{1,25})?"
# Text allowed between two skills of one list: separators, and at most two list items that are
# not skills themselves ("CMake, Boost, Jenkins").
_LIST_GAP = re.compile(rf"^{_SEP}(?:{_ITEM}{_SEP}){{0,2}}$", re.IGNORECASE)
_SLASH_GAP = re.compile(r"^\s?/\s?$")
_MAX_GAP = 40
# A clause that introduces a list of technologies ("Languages: Go, Rust", "our stack is Go").
_LIST_INTRO = re.compile(
    r"\b(?:languages?|stack|technologies|tech|tooling|frameworks|skills|proficiency|proficient)\b"
)
_ITEM_END = re.compile(r"\s*(?:[,/;)\]\n.]|$|(?:and|or)\b)")
_CLAUSE_END = re.compile(r"[.!?]\s|\n")
# An address starts where a word starts, and its parts cannot give back what they matched
# (possessive), so a long word after "@" is scanned once, not once per letter.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
# Every _URL match is a part of a run of non-space characters holding "http", "www." or "@"
# (what stands before a run is a space, which its look-behind accepts as the start of a
# text): so only such runs are searched, not every position of a description.
_LINK_KEY = re.compile(r"http|www\.|@")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _mask_links(run: str) -> str:
    return _URL.sub(_blank, run)


def masked_links(text: str) -> str:
    """`text` with its links and addresses blanked, positions kept: run by run."""
    return replace_runs(text, _LINK_KEY, _mask_links)


# Spaces, dashes and apostrophes read alike (each character maps to one not in the table).
_NORMALIZE = tuple(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2019": "'",
    }.items()
)
# Those an ASCII text can hold.
_ASCII_NORMALIZE = tuple((char, into) for char, into in _NORMALIZE if char.isascii())


@dataclass(frozen=True)
class Alias:
    text: str
    skill: str
    case_sensitive: bool = False
    needs_context: bool = False
    before: frozenset[str] = DEFAULT_BEFORE
    after: frozenset[str] = DEFAULT_AFTER
    concept: bool = False  # a field or method: does not count where it only names a job
    company: bool = False  # a vendor's name: does not count where it names a customer or backer


class _Hit(NamedTuple):  # a tuple: some 30,000 are made per thousand HN comments
    start: int
    end: int
    alias: Alias
    other_case: bool = False  # a case-sensitive alias written in another case: list only


_Entry = tuple[int, tuple[Alias, ...], bool, bool]  # length, aliases, starts / ends a word
# The taxonomy (skill → category and alias texts), its aliases, the aliases by folded key, and
# the automaton that finds the keys of more than one letter.
_Tables = tuple[dict[str, dict], tuple[Alias, ...], dict[str, _Entry], ahocorasick.Automaton]


@cache
def _tables() -> _Tables:
    """Built from skills.yaml once per machine, then loaded from the cache: a process spares
    importing and running the YAML parser and building the automaton."""
    text = resources.files("pipelines").joinpath("data/skills.yaml").read_text(encoding="utf-8")
    path = prebuilt.cache_file("skills-", text, Path(__file__).read_text("utf-8"))
    return prebuilt.load_or_build(path, "skills-", lambda: _build(text))


def _build(text: str) -> _Tables:
    table, aliases = _parse(text)
    entries = _entries_of(aliases)
    letters, automaton = _letter_entries(entries), ahocorasick.Automaton()
    for key, entry in entries.items():
        if key not in letters:
            automaton.add_word(key, entry)
    automaton.make_automaton()
    return table, aliases, entries, automaton


def _load() -> tuple[dict[str, dict], tuple[Alias, ...]]:
    return _tables()[:2]


def _parse(text: str) -> tuple[dict[str, dict], tuple[Alias, ...]]:
    import yaml  # only to build: a process that finds the cache file never imports it

    raw = yaml.load(  # a safe loader: libyaml's when it is built in (ten times faster)
        text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    table: dict[str, dict] = {}
    aliases: list[Alias] = []
    for name, spec in raw["skills"].items():
        category = spec.get("category")
        if category not in CATEGORIES:
            raise ValueError(f"skills.yaml: {name!r} has unknown category {category!r}")
        unknown_keys = set(spec) - {"category", "aliases", "concept", "company"}
        if unknown_keys:
            raise ValueError(f"skills.yaml: {name!r} has unknown keys {unknown_keys}")
        concept = bool(spec.get("concept", False))
        company = bool(spec.get("company", False))
        texts: list[str] = []
        for item in spec.get("aliases") or []:
            if isinstance(item, dict):
                unknown = set(item) - {"text", "case_sensitive", "needs_context", "before", "after"}
                if unknown:
                    raise ValueError(f"skills.yaml: {name!r} alias has unknown keys {unknown}")
                alias = Alias(
                    text=str(item["text"]),
                    skill=str(name),
                    case_sensitive=bool(item.get("case_sensitive", False)),
                    needs_context=bool(item.get("needs_context", False)),
                    before=_words(item.get("before"), DEFAULT_BEFORE),
                    after=_words(item.get("after"), DEFAULT_AFTER),
                    concept=concept,
                    company=company,
                )
            else:
                alias = Alias(text=str(item), skill=str(name), concept=concept, company=company)
            aliases.append(alias)
            texts.append(alias.text)
        if not texts:
            raise ValueError(f"skills.yaml: {name!r} has no aliases")
        table[str(name)] = {"category": category, "aliases": texts}
    return table, tuple(aliases)


def _words(value: list | None, default: frozenset[str]) -> frozenset[str]:
    return default if value is None else frozenset(str(v).lower() for v in value)


def _automaton() -> ahocorasick.Automaton:
    return _tables()[3]


def _entries() -> dict[str, _Entry]:
    return _tables()[2]


def _entries_of(aliases: tuple[Alias, ...]) -> dict[str, _Entry]:
    by_key: dict[str, list[Alias]] = {}
    for alias in aliases:
        by_key.setdefault(_fold(alias.text), []).append(alias)
    entries = {}
    for key, group in by_key.items():
        text = group[0].text  # what `_bounded` reads: whether the alias starts / ends a word
        entries[key] = (len(key), tuple(group), _is_word(text[0]), _is_word(text[-1]))
    return entries


@cache
def _letters() -> tuple[dict[str, _Entry], re.Pattern[str]]:
    r"""One-letter aliases ("R", "C") and a regex for where they stand alone. In the automaton
    they would propose every r and c of the text (three in four of its proposals), all but a
    few inside words; the regex (\w is a character `_is_word` accepts) proposes only those
    the word-boundary test can pass."""
    letters = _letter_entries(_entries())
    if not letters:
        return letters, re.compile(r"(?!)")  # matches nowhere
    chars = "".join(re.escape(k) for k in sorted(letters))
    # The letter first (the engine scans for it), then nothing of a word on either side.
    return letters, re.compile(rf"[{chars}](?<!\w[{chars}])(?!\w)")


def _letter_entries(entries: dict[str, _Entry]) -> dict[str, _Entry]:
    return {k: e for k, e in entries.items() if len(k) == 1 and e[2] and e[3]}


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for alias in _load()[1]:
        table.setdefault(_fold(alias.text), alias.skill)
    for name in _load()[0]:
        table.setdefault(name, name)
    return table


def _fold(text: str) -> str:
    """Lowercase without changing the length, so offsets in the folded text fit the original
    (why this is not `folding.fold_accents`, which drops accents and so changes lengths)."""
    normal = _normalized(text)
    low = normal.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in normal)
    return low


def _normalized(text: str) -> str:
    """`text` with the characters of _NORMALIZE replaced: one replace per character it holds,
    not a table look-up per character of the text (as str.translate does on non-ASCII)."""
    for char, into in _ASCII_NORMALIZE if text.isascii() else _NORMALIZE:
        if char in text:
            text = text.replace(char, into)
    return text


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _bounded(low: str, start: int, end: int, alias: str) -> bool:
    n = len(low)
    if _is_word(alias[0]) and start > 0:
        prev = low[start - 1]
        if _is_word(prev):
            return False
        if prev in ".@" and start > 1 and _is_word(low[start - 2]):
            return False  # inside a dotted name or address: "torch.nn", "foo.go"
    if _is_word(alias[-1]) and end < n:
        nxt = low[end]
        if _is_word(nxt) or nxt == "#" or low[end : end + 2] == "++":
            return False  # "C" in "C#"/"C++", "F" in "F#"
        if nxt in ".@" and end + 1 < n and _is_word(low[end + 1]):
            return False
    return True


def _glued(text: str, start: int, end: int) -> bool:
    """A context-needing word glued to another by & ' or -: "R&D", "Go-to-market", "Julia's"."""
    if end < len(text) and text[end] in "&'’" and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
        return True
    return start > 1 and text[start - 1] in "&-'’" and text[start - 2].isalnum()


def _candidates(text: str) -> list[_Hit]:
    # _URL needs one of these (it is case-sensitive); most texts have no link to mask.
    masked = masked_links(text) if "http" in text or "www." in text or "@" in text else text
    low = _fold(masked)
    n = len(low)
    # (start, -length, order, end, alias, other case): sorting gives leftmost-longest, ties
    # in scan order.
    hits: list[tuple[int, int, int, int, Alias, bool]] = []
    # The automaton proposes every occurrence, most of them inside longer words ("go" in
    # "good"): `_bounded`, inlined here, since this loop runs some 50 times per posting.
    letters, alone = _letters()
    proposed = chain(
        _automaton().iter(low), ((m.start(), letters[m.group()]) for m in alone.finditer(low))
    )
    for last, (length, group, first_word, last_word) in proposed:
        start, end = last - length + 1, last + 1
        if first_word and start > 0:
            prev = low[start - 1]
            if prev.isalnum() or prev == "_":
                continue
            if prev in ".@" and start > 1 and _is_word(low[start - 2]):
                continue  # inside a dotted name or address: "torch.nn", "foo.go"
        if last_word and end < n:
            nxt = low[end]
            if nxt.isalnum() or nxt == "_" or nxt == "#" or low[end : end + 2] == "++":
                continue  # "C" in "C#"/"C++", "F" in "F#"
            if nxt in ".@" and end + 1 < n and _is_word(low[end + 1]):
                continue
        other_case: Alias | None = None
        for alias in group:
            if alias.needs_context and _glued(masked, start, end):
                continue
            if alias.case_sensitive and masked[start:end] != alias.text:
                if masked[start:end] == alias.text.lower():  # "react", not "Torch" for torch
                    other_case = other_case or alias
                continue
            hits.append((start, -length, len(hits), end, alias, False))
            break
        else:
            if other_case is not None:
                hits.append((start, -length, len(hits), end, other_case, True))
    # leftmost-longest: drop candidates overlapping an earlier or longer one
    hits.sort()
    chosen: list[_Hit] = []
    for start, _, _, end, alias, other in hits:
        if not chosen or start >= chosen[-1].end:
            chosen.append(_Hit(start, end, alias, other))
    return chosen


_LAST_WORD = re.compile(r"(\w+)\s+$")
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _word_before(text: str, start: int) -> str:
    m = _LAST_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text[end : end + 30])
    return m.group(1).lower() if m else ""


def _introduced(text: str, start: int) -> bool:
    window = text[max(0, start - 40) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_LIST_INTRO.search(window.lower()))


def _list_item(text: str, hit: _Hit) -> bool:
    """The word ends where a list item ends: "Go," or "Go)" or "Go and", not "Salt Lake"."""
    return bool(_ITEM_END.match(text[hit.end : hit.end + 6]))


def _in_context(text: str, hit: _Hit) -> bool:
    alias = hit.alias
    if _word_before(text, hit.start) in alias.before:
        return True
    if _word_after(text, hit.end) in alias.after:
        return True
    parenthesized = text[hit.start - 1 : hit.start] == "(" and text[hit.end : hit.end + 1] == ")"
    if parenthesized and skill_category(alias.skill) == "language":
        return True  # "Backend Engineer (Go)", but not "Medical Records (EMR)"
    return _introduced(text, hit.start) and _list_item(text, hit)


# What a concept word names when a job, a team or a company follows it ("ML Engineer",
# "NLP team", "ML and data roles", "ML/AI engineers", "an ML shop").
_JOB_AFTER = re.compile(
    r"(?:\s*(?:/|&|,|\band\b|\bor\b)\s*[\w+#.-]+(?:\s+[\w+#.-]+)?)?[\s-]*"
    r"(?:(?:research|software|platform|systems?|applied|infrastructure|data|product|"
    r"quality|solutions?)\s+)?(?:"
    r"engineers?|engineering|scientists?|researchers?|developers?|devs?|teams?|roles?|"
    r"positions?|openings?|jobs?|interns?|internships?|leads?|leaders?|managers?|directors?|"
    r"architects?|specialists?|experts?|practitioners?|hires?|hiring|talent|people|folks|"
    r"shops?|company|companies|startups?|groups?|org|organi[sz]ations?|department|"
    r"platform|infrastructure|infra|ops|consultants?|analysts?|programmers?|startup)\b",
    re.IGNORECASE,
)


# ...or when a job noun and a preposition come before it, as titles in Romance languages and
# German or Polish have it ("Ingeniero/a de Machine Learning", "Praktikum Machine Learning").
_JOB_BEFORE = re.compile(
    r"\b(?:ingenier[oa]s?|ingeniera/o|ingeniero/a|engenheir[oa]s?|ingenieur\w*|ingénieur\w*|"
    r"inżynier\w*|inzynier\w*|cient[ií]fic[oa]s?|cientistas?|scientifique|praktikum|"
    r"praktikant\w*|werkstudent\w*|stage|estágio|estagio|especialistas?|desarrollador\w*|"
    r"desenvolvedor\w*|développeu\w*|investigador\w*|pesquisador\w*|chercheu\w*|"
    r"specjalist\w*|programist\w*|entwickler\w*|head|director|vp|chief|teamlead)"
    r"(?:\s?\(\w{1,2}\)|[/·]\w{1,2})?"
    r"(?:\s+(?:de|en|em|des|du|in|im|für|ds\.?|w|do|da|del|of|for))?\s*[\s'’,]$",
    re.IGNORECASE,
)


# ...or when the sentence says what the company is ("Acme is a flight search engine", "We're an
# HPC consultancy"): the company's field, not a skill the job asks for. The company's name is
# often blanked out of the text before extraction, so the sentence may start with "is".
_COMPANY_IS = re.compile(
    r"(?:^|[.!?\n|]\s*)(?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)? +)?(?:is|[Ww]e(?:'re|’re| are)) "
    r"(?:a|an)\b[^.!?\n|]*$"
)


# ...or when it names the AI tools every engineer is now asked to use ("leverage AI and ML
# tooling", "we use agentic tooling (Claude Code)", "agentic tools like Cline"), not the field;
# other fields' tools are theirs ("MLOps tooling", "LLM tooling" in a stack).
_AI_TOOLS = re.compile(r"[\s-]*(?:AI\s+)?(?:tools|tooling)\b", re.IGNORECASE)
_AI_TOOL_FIELDS = frozenset({"machine-learning", "ai-agents"})


def _names_a_job(text: str, hit: _Hit) -> bool:
    before = text[max(0, hit.start - 40) : hit.start]
    if _JOB_AFTER.match(text, hit.end) or _JOB_BEFORE.search(before):
        return True
    if hit.alias.skill in _AI_TOOL_FIELDS and _AI_TOOLS.match(text, hit.end):
        return True
    return bool(_COMPANY_IS.search(text[max(0, hit.start - 80) : hit.start].lstrip(" ")))


# What makes a vendor's name a customer, investor, partner or past employer, not a tool the job
# uses: "used by Google, Stripe, Anthropic", "backing from leaders at Hugging Face", "we partner
# with OpenAI", "ex-Databricks engineers", "now part of Salesforce".
_AS_COMPANY = re.compile(
    r"\b(?:used by|trusted by|backed by|backing|funded by|invest(?:ors?|ed|ment)|customers?|"
    r"clients?|partner(?:s|ed|ing|ships?)?|alumni|ex|former(?:ly)?|worked at|came from|"
    r"leaders at|founded by|part of|acquired by|at|"
    # a list of companies: "40,000 companies (including Acme, OpenAI…)", "teams like Twilio's"
    r"(?:compan(?:y|ies)|teams|brands|organi[sz]ations|enterprises|businesses)\W"
    r"[^.;!?\n]{0,30}?\b(?:including|like|such as))\b[^.;!?\n]*$",
    re.IGNORECASE,
)


def _names_a_company(text: str, hit: _Hit) -> bool:
    before = text[max(0, hit.start - 60) : hit.start]
    return bool(_AS_COMPANY.search(before))


def _adjacent(text: str, left: _Hit, right: _Hit) -> bool:
    gap = text[left.end : right.start]
    return len(gap) <= _MAX_GAP and bool(_LIST_GAP.match(gap))


def extract_skills(text: str) -> list[str]:
    """Canonical skill names found in `text`, in order of first mention, without repeats."""
    if not text:
        return []
    return list(_short_skills_in(text) if len(text) <= _SHORT else _skills_in(text))


def _find_skills(text: str) -> tuple[str, ...]:
    hits = _candidates(text)
    if not hits:  # most titles name no skill
        return ()
    ok = [not h.other_case and (not h.alias.needs_context or _in_context(text, h)) for h in hits]
    # Whether each hit and the next stand in one list, read once for both passes below.
    listed = [_adjacent(text, left, right) for left, right in pairwise(hits)]
    changed = True
    while changed:  # spread acceptance along lists: "Chef, Puppet, Ansible"
        changed = False
        for i in range(len(hits)):
            if ok[i]:
                continue
            if (i > 0 and ok[i - 1] and listed[i - 1]) or (
                i + 1 < len(hits) and ok[i + 1] and listed[i]
            ):
                ok[i] = changed = True
    # Runs of context-needing words: three or more in a list ("Chef/Puppet/Salt", "Go, Elixir
    # or Ruby"), or two joined by a slash ("Ruby/Go"), are a list of technologies.
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and listed[j]:
            j += 1
        slash = j == i + 1 and _SLASH_GAP.match(text[hits[i].end : hits[j].start])
        if j - i >= 2 or slash:
            for k in range(i, j + 1):
                ok[k] = ok[k] or not hits[k].other_case
        i = j + 1
    seen: dict[str, None] = {}
    for hit, good in zip(hits, ok, strict=True):
        if not good or (hit.alias.concept and _names_a_job(text, hit)):
            continue
        if not (hit.alias.company and _names_a_company(text, hit)):
            seen.setdefault(hit.alias.skill, None)
    return tuple(seen)


# Both bounded. Titles and header segments are short and repeat across a crawl's boards and
# threads (some 20,000 distinct titles); descriptions are long and only the shared text of a
# comment's roles repeats.
_SHORT = 200
_short_skills_in = lru_cache(maxsize=32_768)(_find_skills)
_skills_in = lru_cache(maxsize=4096)(_find_skills)


def is_concept(skill: str) -> bool:
    """Whether a canonical skill is a field or method (machine-learning, llm), not a tool."""
    return skill in _concepts()


@cache
def _concepts() -> frozenset[str]:
    return frozenset(alias.skill for alias in _load()[1] if alias.concept)


_TITLE_WORD = re.compile(r"[\w+#-]+")


def asked_of(skills: list[str], title: str, technical: bool) -> list[str]:
    """The skills a job asks for, of those its text names. A job that is not technical (sales,
    policy, finance, design) is not asked for a field its text mentions ("fluent with AI
    tools, including large language models", "our speech recognition"), only for the one its
    title names and for tools (Figma, Salesforce, Excel)."""
    if technical or not title or not any(map(is_concept, skills)):
        return skills  # only a field is ever left out: the title's need not be read
    named = _fields_named(title)
    return [s for s in skills if not is_concept(s) or s in named]


def _fields_named(title: str) -> set[str]:
    """The fields a title names, also where they name the job ("Threat Intelligence
    Researcher"), and by their canonical name ("Security Intern")."""
    hits = _candidates(title)
    named = {h.alias.skill for h in hits if not (h.other_case or h.alias.needs_context)}
    return named | set(extract_skills(title)) | set(_TITLE_WORD.findall(title.lower()))


def canonical_skill(raw: str) -> str | None:
    """The canonical name for one bare skill label (a tag such as "golang", "k8s" or "go").

    A tag is already known to name a technology, so case and context rules do not apply.
    """
    return _lookup().get(_fold(raw.strip()))


def tag_skills(tags: list[str], found: list[str], text: str | None = None) -> list[str]:
    """The skills of a board's tags, given the skills `found` in the posting's text.

    A tag joining two fields ("AI/ML") is the board's category, not a skill asked for. A tag
    that is an ordinary word ("go", "c", "node": aliases that need context in a text) counts
    only when the text names the skill too or, as in a text's list, a tag beside it names a
    technology by itself ("kubernetes, aws, go"): boards put "go" among "design, marketing,
    go, health" on go-to-market and design jobs and "c" on Series C companies. A tag that
    names a field ("security", "nlp") counts, when a `text` is given (a job outside ML, whose
    field tag is often its company's domain: a platform job at a security firm), only when
    that text mentions it too.
    """
    mentioned = {h.alias.skill for h in _candidates(text or "")} | set(found)
    tags = [t for t in tags if "/" not in t]
    skills = [canonical_skill(t) for t in tags]
    plain = [bool(k) and not _ambiguous_tag(t) for t, k in zip(tags, skills, strict=True)]
    kept = []
    for i, skill in enumerate(skills):
        if not skill or (
            text is not None and is_concept(skill) and not _mentions(text, skill, mentioned)
        ):
            continue
        beside = (i > 0 and plain[i - 1]) or (i + 1 < len(tags) and plain[i + 1])
        if plain[i] or skill in found or beside:
            kept.append(skill)
    return kept


def _mentions(text: str, skill: str, mentioned: set[str]) -> bool:
    """Whether `text` names `skill` by an alias or by its canonical name ("security"), not as
    a vetting ("US security clearance", asked of every job at a defence contractor)."""
    if skill in mentioned:
        return True
    name = re.escape(skill.replace("-", " "))
    named = re.search(rf"\b{name}\b(?!\s+clearance)", text.replace("-", " "), re.IGNORECASE)
    return named is not None


@cache
def _ordinary_word_keys() -> frozenset[str]:
    """Folded alias texts that are ordinary words: every alias with that text needs context."""
    by_key: dict[str, bool] = {}
    for alias in _load()[1]:
        key = _fold(alias.text)
        by_key[key] = by_key.get(key, True) and alias.needs_context
    return frozenset(k for k, ordinary in by_key.items() if ordinary)


def _ambiguous_tag(tag: str) -> bool:
    return _fold(tag.strip()) in _ordinary_word_keys()


def skill_category(name: str) -> str | None:
    """The category of a canonical skill name, or None for a name not in the taxonomy."""
    entry = _load()[0].get(name)
    return entry["category"] if entry else None


def taxonomy() -> dict[str, dict]:
    """Canonical name -> {"category": ..., "aliases": [...]} (a copy; safe to modify)."""
    table = _load()[0]
    return {k: {"category": v["category"], "aliases": list(v["aliases"])} for k, v in table.items()}
