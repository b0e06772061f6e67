"""Job titles: one role piece split into the roles it names ("Senior ML Engineer, Data
Scientist and Backend Engineer"), and each title cleaned of what is not its name (pay, place,
work mode, praise, footnotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipelines.classify import classify_role, classify_seniority, has_job_head, names_a_job
from pipelines.extract.hn.cues import (
    BRACKETED,
    EMPLOYMENT,
    GENERIC_ROLE,
    REMOTE,
    SALARY_LABEL,
    SALARY_SPAN,
    URL_ANY,
    VISA,
    has_place,
    is_place_name,
    is_salary,
    only_tags,
    without_links,
    without_pay,
)
from pipelines.skills import canonical_skill, extract_skills, skill_category
from pipelines.text import any_in, lowered

_SENIORITY_ONLY = re.compile(
    r"^(?:senior|sr\.?|junior|jr\.?|mid(?:-level)?|staff|principal|lead|entry[- ]level|"
    r"experienced|founding|chief)$",
    re.I,
)
_TITLE_LEAD_IN = re.compile(
    r"^(?:(?:we(?:['’]re| are)\s+)?(?:now\s+)?hiring\s*(?:for\s+|:\s*|-\s*)?|"
    r"(?:we(?:['’]re| are)\s+)?looking for\s+(?:an?\s+)?|seeking\s+(?:an?\s+)?|"
    r"(?:open\s+)?(?:roles?|positions?|jobs?|titles?|openings?)\s*:\s*|job\s*:\s*|"
    r"including\s+|such as\s+)",
    re.I,
)


@dataclass
class Role:
    title: str
    salary: str | None = None
    section: str | None = None  # the words of the body about this role only
    place: str | None = None  # where this role is, when it says so apart from the comment
    mode: str | None = None  # this role's own work mode words ("remote", "onsite")
    level: str | None = None  # the level a heading gives it ("Internships: Eng, Design")


_BRACKET = re.compile(r"[(\[{)\]}]")


def split_outside_parens(text: str, seps: str) -> list[str]:
    """Split on the regex `seps` wherever it is not inside (), [] or {}."""
    return split_with_separators(text, seps)[0]


def split_with_separators(text: str, seps: str) -> tuple[list[str], list[str]]:
    """The pieces of `split_outside_parens` and the separators between them (n-1 for n
    pieces): a separator inside brackets ("(MD or equivalent)") is none."""
    out, found, depth, start = [], [], 0, 0
    pattern = re.compile(seps)
    # From bracket to bracket: outside them a separator is looked for with one search (the
    # first position where `seps` matches, as trying each position in turn would find); inside
    # them nothing is looked for. A separator's match may run over brackets, uncounted.
    i, n = 0, len(text)
    while i < n:
        bracket = _BRACKET.search(text, i)
        stop = bracket.start() if bracket else n
        if depth == 0 and i < stop:
            m = pattern.search(text, i)
            if m and m.start() < stop:
                if m.end() > m.start():
                    out.append(text[start : m.start()])
                    found.append(m.group(0))
                    start = i = m.end()
                else:
                    i = m.start() + 1  # an empty match splits nothing
                continue
        if bracket is None:
            break
        depth = depth + 1 if text[stop] in "([{" else max(0, depth - 1)
        i = stop + 1
    out.append(text[start:])
    return out, found


# A bracket that holds one word: a link ("(acme.com)", "(https://acme.com/jobs)") or not.
_LINK_IN_PARENS = re.compile(r"\s*\(\s*([^()\s]+)\s*\)")


def _without_link(m: re.Match[str]) -> str:
    """A link in brackets goes whole: a link alone would take its closing bracket with it."""
    return " " if URL_ANY.fullmatch(m.group(1)) else m.group(0)


@lru_cache(maxsize=16_384)  # a comment's pieces are cleaned again by later readers
def clean_title(text: str) -> tuple[str, str | None]:
    """A role's title, and the salary words that were stated with it."""
    t = text.strip()
    salary = None
    if (m := SALARY_SPAN.search(t)) and is_salary(t):
        salary = m.group(0).strip(" ,;")
        start, end = m.start(), m.end()
        opened, closed = t.rfind("(", 0, start), t.find(")", end)
        if opened > t.rfind(")", 0, start) and closed != -1:
            # "(₹40–55 LPA)", "(55.000 – 68.000 € brutos/año)": the whole parenthesis is pay.
            salary = SALARY_LABEL.sub("", t[opened + 1 : closed]).strip(" ,;")
            start, end = opened, closed + 1
        t = (t[:start] + " " + t[end:]).strip()
    t = without_links(_LINK_IN_PARENS.sub(_without_link, t) if "(" in t else t)
    t = _STOP_AT_END.sub("", t.strip())  # "Engineer.", not "Sr."
    t = _LEAD_PRAISE.sub("", _TITLE_LEAD_IN.sub("", t).strip())
    t = _RUN_ON.split(t)[0]
    t = _BULLET.sub("", t) if _BULLET_START.match(t) else t
    t = _FOOTNOTE_AT_END.sub("", t) if "[" in t else t  # a footnote mark "[2]"
    t = _without_place_first(t)
    # Trailing "(Remote, NYC)", "(Full-time)", "($)", "in Berlin", "- Remote": not the title.
    for _ in range(6):
        # "… (Remote in EU)- $90k": the pay's dash; "Staff Engineer → https://…": the link's arrow
        if t.endswith(_TRAILING_MARKS):
            t = _TRAILING_SEP.sub("", t)
        m = _BRACKET_AT_END.search(t) if t.rstrip().endswith((")", "]")) else None
        if m and (is_context(m.group(1)) or _ASIDE.search(m.group(1))):
            t = t[: m.start()]  # "(Remote, NYC)", "(first hire)", "(React is a bonus)"
            continue
        # "Go Engineer | REMOTE", "Internship, Onsite", "ONSITE DevOps Manager": a work mode
        # at either end ("Remote Sensing Engineer", "Hybrid Mobile Developer" are jobs)
        if (without := without_work_mode(t)) != t:
            t = without
            continue
        # "… - Berlin", "… in Berlin", "…) 3 days in-office Chicago", "… / onsite / Berlin"
        m = _WHERE_AT_END.search(t)
        if m and is_context(m.group(1) or m.group(2)) and names_a_job(t[: m.start()]):
            t = t[: m.start()]
            continue
        # "Director of Operations | Full-Time": a header's tag after a bar
        m = _BAR_PIECE_AT_END.search(t) if "|" in t else None
        if m and is_context(m.group(1)) and names_a_job(t[: m.start()]):
            t = t[: m.start()]
            continue
        # "Platform Engineer, Leeds and REMOTE": where, after a comma (not "…, Billing")
        m = _COMMA_PIECE_AT_END.search(t)
        if m and _where(m.group(1)) and names_a_job(t[: m.start()]):
            t = t[: m.start()]
            continue
        m = _AT_NAME_AT_END.search(t) if "@" in t or "at" in t else None
        if m and names_a_job(t[: m.start()]) and not names_a_job(m.group(1)):
            t = t[: m.start()]  # "Front-End Engineer at Acme", "Developer @Blue Project"
            continue
        # "(Go, React)" anywhere: after the asides above, so "…) 3 days in-office" still goes.
        if (without := without_stack(t)) != t:
            t = without
            continue
        # The words of the link a role line points with: "… - Job Posting", "… —> Apply here"
        m = _LINK_LABEL_AT_END.search(t) if any_in(_LINK_LABEL_KEYS, t.lower()) else None
        if m and names_a_job(t[: m.start()]):
            t = t[: m.start()]
            continue
        break
    t = without_glued_place(t)
    # "()", a footnote mark "[2]", a trailing aside "[Tech Stack: AWS]"
    t = _EMPTY_ASIDES.sub("", t) if "(" in t or "[" in t else t
    t = without_openings_word(_without_title_tail(t.strip(" ,;:|-–—*•·/+")))
    t = without_work_mode(_TITLE_PRAISE.sub("", t))  # "Full-time Onsite Sr. Engineer"
    t = _LOWERCASE_LEAD.sub("", t)
    if t.count("(") > t.count(")"):
        t = t[: t.rfind("(")]  # "programmers (OCaml, Haskell": a cut-off aside
    t = _SPACES.sub(" ", t).strip(" ,;:|-–—*•·/+")
    t = _STOP_AT_VERY_END.sub("", t)  # "Engineer. (5 years)"
    return t, salary


# A full stop that ends a title after a bracket or a word of three letters ("Engineer.", not
# "Sr."): the dot first, so the engine scans for it instead of trying each position.
_STOP = r"\.(?:(?<=\)\.)|(?<=[^\W\d_]{3}\.))"
_STOP_AT_END = re.compile(rf"{_STOP}\s*$")
_STOP_AT_VERY_END = re.compile(rf"{_STOP}$")
_LEAD_PRAISE = re.compile(
    r"^(?:(?:and|or|&|plus)\s+)?(?:(?:an?|the|its|their)\s+)?(?:(?:talented|passionate|motivated|"
    r"exceptional|great|awesome|amazing|brilliant|innovative|smart(?!\s+contracts?\b)|driven|"
    r"curious|skilled)\s+)?",
    re.I,
)
_RUN_ON = re.compile(r"\s+(?:with|who|that|to join|to help|to build|to work)(?:\s+|$)")
_BULLET_START = re.compile(r"^[-*•·–—>]|\d+[.)]\s")
_BULLET = re.compile(r"^[-*•·–—>\d.)\s]+(?=[A-Za-z])")
_FOOTNOTE_AT_END = re.compile(r"\s*\[\s*\d+\s*\]\s*$")
# Dashes, bars, arrows and the like that end a title; "$" also matches before a final newline.
_TRAILING_SEP = re.compile(r"\s*(?:[-–—:|,;→»!&~]|=>|->)+$")
_TRAILING_MARKS = tuple("-–—:|,;→»!&~>\n")  # the last character of a text _TRAILING_SEP ends
_BRACKET_AT_END = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$")
# "… - Berlin", "… in Berlin", "…) 3 days in-office Chicago" ("- Full-time": a hyphen inside a
# word is no dash)
_WHERE_AT_END = re.compile(
    r"\s+(?:-|–|—|@|in|at|based in|/)\s+((?:[^-–—/()]|(?<=\w)-(?=\w))+)$|(?<=\))\s+([^()]+)$"
)
_BAR_PIECE_AT_END = re.compile(r"\s*\|\s*([^|]+)$")
_LINK_LABEL_AT_END = re.compile(
    r"\s*(?:[-–—:|,>→]+\s*|\(\s*)?(?:job\s+(?:posting|description)s?(?:\s+below)?|"
    r"(?:see\s+)?(?:more\s+)?details(?:\s+and\s+apply)?(?:\s+here)?|apply(?:\s+here)?|"
    r"more\s+info(?:\s+here)?|https?)\s*\)?\s*$",
    re.I,
)
# One of these is in every text _LINK_LABEL_AT_END finds (lowered).
_LINK_LABEL_KEYS = ("job posting", "job description", "details", "apply", "info", "http")
_COMMA_PIECE_AT_END = re.compile(r",\s+([^-–—/(),]+)$")
_AT_NAME_AT_END = re.compile(r"\s+(?:@\s*|at\s+)([A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3})$")
_EMPTY_ASIDES = re.compile(r"\(\s*\)|\[\s*\d*\s*\]|\s*\[[^\[\]]*\]\s*$")
_SPACES = re.compile(r"\s+")


# Words in lower case before a title written as a recruiter writes one, from its level on:
# "full-stack Senior Software Engineer" describes a Senior Software Engineer.
_LOWERCASE_LEAD = re.compile(
    r"^(?:[a-z][\w/-]*\s+){1,2}(?=(?:Senior|Sr\.?|Junior|Jr\.?|Lead|Staff|Principal|Head)"
    r"\s+[A-Z])"
)


# A work mode at the end of a title ("Go Engineer | REMOTE", "Internship, Onsite"), not an
# alternative ("… or remote"); at its start only when it cannot name a specialty ("ONSITE
# DevOps Manager", not "Remote Sensing Engineer" or "Hybrid Mobile Developer").
_MODE_AT_END = re.compile(
    r"(?<!\bor)(?<!\band)(?<!&)[\s,;|–—-]+(?:fully\s+)?(?:remote|hybrid|on-?site|in-office)"
    r"(?:\s+only)?$",
    re.I,
)
_MODE_AT_START = re.compile(r"^(?:(?-i:REMOTE|HYBRID)|on-?site|in-office)[\s,;|:–—-]+(?=\S)", re.I)
_MODE_KEYS = ("remote", "hybrid", "site", "office")  # one is in every match of either (lowered)


def without_work_mode(title: str) -> str:
    """`title` without a work mode glued to either end, when the rest names a job."""
    if not any_in(_MODE_KEYS, lowered(title)):
        return title
    m = _MODE_AT_END.search(title, max(0, len(title) - 40)) or _MODE_AT_START.match(title)
    rest = title[: m.start()] + title[m.end() :] if m else title
    return rest if m and names_a_job(rest) else title


# A short piece, then a bar, a dash or a colon: "SF: …", "Denver|…", "NY- …".
_LEAD_PIECE = re.compile(r"^([^|:–—]{2,40}?)(?:\s*\|\s*|\s*[-–—]\s+|:\s+)(?=\S)")


def _without_place_first(title: str) -> str:
    """ "San Francisco|Senior Platform Engineer" → "Senior Platform Engineer": a place (or work
    mode) before the title, set apart by a bar, a dash or a colon."""
    m = _LEAD_PIECE.match(title)
    if m is None or names_a_job(m.group(1)) or not names_a_job(title[m.end() :]):
        return title
    where = m.group(1).strip()
    return title[m.end() :] if only_tags(where) else title


def _without_place_at_end(title: str) -> str:
    """ "Data Engineer Berlin" → "Data Engineer": a place glued to the end."""
    words = title.split()
    for n in (3, 2, 1):
        tail = " ".join(words[-n:])
        if (
            len(words) > n
            # the cheap test first: one word, its answer cached, rules out most tails
            and names_a_job(words[-n - 1])
            and is_place_name(tail)
            and not names_a_job(tail)
            and classify_seniority(tail) == "unknown"  # "Pleno" is a level
        ):
            return " ".join(words[:-n])
    return title


_PARENS_AT_END = re.compile(r"\s*\([^()]*\)$")


def without_glued_place(title: str) -> str:
    """The title without a place glued to its end, and whatever bracket follows that place
    ("Data Engineer Austin, TX (hybird)": a mode, however spelt, after the place)."""
    if (cut := _without_place_at_end(title)) != title:
        return cut
    m = _PARENS_AT_END.search(title) if ")" in title else None
    return (
        cut
        if m and (cut := _without_place_at_end(title[: m.start()])) != title[: m.start()]
        else title
    )


# A parenthesis in a title, with an optional label before a colon ("(Full Stack: Go, Vue)").
_STACK_PARENS = re.compile(r"\s*\((?:([^():]{1,40}):)?([^()]*)\)")
# A label that only says a list of tools follows ("Tech Stack:", "Skills:").
_STACK_LABEL = re.compile(
    r"(?:(?:tech(?:nical)?|our|the)\s+)?(?:stack|skills?|tools?|technolog(?:y|ies)|languages?|"
    r"tech|requirements?)",
    re.I,
)
_STACK_SEPS = re.compile(r"\s*(?:[,/;|+&]|\b(?:or|and)\b)\s*", re.I)
# Skill categories that are tools (a language, framework, store, cloud), not a field of work.
_TOOL_CATEGORIES = frozenset(
    {
        "language",
        "web",
        "database",
        "cloud",
        "infrastructure",
        "data_tooling",
        "ml_framework",
        "mlops",
    }
)


def _tool(piece: str) -> bool:
    """ "Go", "Ruby on Rails", "particularly MySQL", "back-end Go": a tool, maybe with a word
    or two before it; not a tool that names a job ("SRE")."""
    words = piece.split()
    skill = canonical_skill(piece)
    if skill and skill_category(skill) in _TOOL_CATEGORIES and not names_a_job(piece):
        return True
    last = canonical_skill(words[-1].strip("*.:")) if 1 < len(words) <= 3 else None
    return bool(last) and skill_category(last) in _TOOL_CATEGORIES


def _is_stack(text: str) -> bool:
    """A tech-stack list: at least half its pieces tools and none a job or specialty
    ("Rust, C/C++", "React, Tailwind, UX"; not "Backend, API, Data, ML", not "AI/ML")."""
    pieces = [p for p in _STACK_SEPS.split(re.sub(r"\betc\.?", "", text)) if p.strip(" *.")]
    tools = [_tool(p.strip(" *")) for p in pieces]
    if not pieces or any(names_a_job(p) for p, tool in zip(pieces, tools, strict=True) if not tool):
        return False
    return 2 * sum(tools) >= len(pieces)


def _without_stack(m: re.Match[str]) -> str:
    """The parenthesis without its tech-stack list: dropped, or only its label kept
    ("(Go, Postgres)" -> "", "(Full Stack: Go, Vue)" -> "(Full Stack)")."""
    if not _is_stack(m.group(2)):
        return m.group(0)
    label = (m.group(1) or "").strip()
    return f" ({label})" if label and not _STACK_LABEL.fullmatch(label) else ""


def without_stack(text: str) -> str:
    """`text` without its tech-stack lists in parentheses ("Data Engineer (Go, Kafka)")."""
    return _STACK_PARENS.sub(_without_stack, text) if "(" in text else text


# Words around a title that are not its name: the employment type, a count, praise
# ("Full-time Ruby Developers", "one front end intern", "2x ML Engineer", "top-notch backend
# engineer"), and
# after it "role", "of all levels", "preferably", "H1B welcome!".
# A trailing aside in parentheses that is a remark, not part of the name.
_ASIDE = re.compile(
    r"[!?]|\b(?:hire|bonus|plus|experience|preferred|required|nice|ideally|preferably|"
    r"we|you|is|are|will|must|e-?mail|contact|dm|ping|hands-on|people management)\b",
    re.I,
)
_TITLE_PRAISE = re.compile(
    r"^(?:(?:and|or|&|full[- ]?time|part[- ]?time|both|one|two|three|several|a few|more|some|"
    r"hands[- ]on|positive|gritty|no[- ]drama|relentless|dedicated|creative|ambitious|"
    r"talented|(?-i:experienced)|exceptional|great|top[- ]notch|passionate|"
    r"smart(?!\s+contracts?\b)|strong|motivated|"
    r"driven|skilled|awesome|amazing|brilliant|well[- ]rounded|rockstar|job title:|"
    r"position:|role:|here'?s an?|\(?\d{1,2}\)(?=\s)|\d{1,2}\s?[x×]?(?=\s))[\s,]+)+(?=\S)",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"(?:\s+(?:(?:of|at) all (?:experience |seniority )?levels|"
    r"of all (?:kinds|types|stripes|backgrounds)),?|,?\s+(?:preferably|ideally)|"
    r",?\s*(?:&\s*)?more!*|,\s*experienced|,?\s+(?:too|as well)|"
    r",?\s+(?:and|&|\+)\s+(?:many\s+)?others|"
    r"[,!]?\s+(?:h-?1-?b|visa)\b[^()]*)$",
    re.I,
)
# A word every match of _TITLE_TAIL holds (lowered: an re.I match lowers to it).
_TITLE_TAIL_KEYS = (
    "all", "preferably", "ideally", "more", "experienced", "too", "well", "others", "visa", "1",
)  # fmt: skip


def _without_title_tail(title: str) -> str:
    """`title` without the words after its name (`_TITLE_TAIL`), looked for only when one of
    its words is there: the pattern may start anywhere, so a search tries every position."""
    return _TITLE_TAIL.sub("", title) if any_in(_TITLE_TAIL_KEYS, lowered(title)) else title


# "roles" after a title ("Backend Engineer roles"); after a team or a level ("marketing
# roles", "director level positions") it is the head noun, kept as written.
_OPENINGS_TAIL = re.compile(
    r",?\s+(?:(?:multiple|several|various|many|open|\d+)\s+)?(?:roles?|positions?)$", re.I
)


def without_openings_word(title: str) -> str:
    """`title` without a trailing "roles"/"positions" that only repeats its job's noun."""
    if not any_in(("role", "position"), lowered(title)):
        return title
    m = _OPENINGS_TAIL.search(title)
    words = title[: m.start()].split() if m else []
    return title[: m.start()] if words and names_a_job(words[-1]) else title


_GENDER_ONLY = re.compile(r"(?:[mwfdhxk]\s?/\s?){1,2}[mwfdhxk]|all genders|alle geschlechter", re.I)


def _where(text: str) -> bool:
    """Whether every piece of "Leeds and REMOTE" names a place or remote work."""
    pieces = re.split(r"\s+(?:and|or|&)\s+", text.strip())
    return all(not names_a_job(p) and (REMOTE.fullmatch(p) or has_place(p)) for p in pieces if p)


# When an internship runs, kept as written: "Machine Learning Intern (Summer 2027)".
_SEASON = re.compile(r"\b(?:summer|fall|autumn|spring|winter)\b", re.I)


@lru_cache(maxsize=16_384)  # trailing pieces repeat ("Remote", "Full-time", "NYC")
def is_context(text: str) -> bool:
    """Whether a trailing piece of a title says where/how/how much rather than what."""
    if not text.strip():
        return True
    if _GENDER_ONLY.fullmatch(text.strip()):
        return True
    if names_a_job(text) and not REMOTE.search(text):
        return False
    return bool(
        REMOTE.search(text) or EMPLOYMENT.search(text) or VISA.search(text)
        or is_salary(text) or has_place(text) or re.fullmatch(r"[\s$€£]*", text)
        or only_tags(text) and not _SEASON.search(text)  # "(Worldwide)", not "(Summer 2027)"
        or re.search(r"\d+\+?\s*(?:yoe|years?|yrs)\b", text, re.I)
        or re.search(r"\b(?:f/m|m/f|m/w/d|w/m/d|m/f/d|all levels)\b", text, re.I)
    )  # fmt: skip


@lru_cache(maxsize=16_384)  # a list's titles are compared pairwise
def head_noun(title: str) -> str:
    """The noun a title ends on before any aside or team: "Software Engineer - Data Team" →
    "engineer"."""
    title = re.split(r"\s+[-–—]\s+", title, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+", BRACKETED.sub(" ", title).lower())
    return words[-1].rstrip("s") if words else ""


def _one_job(left: str, right: str) -> bool:
    """Whether "left / right" names one job two ways ("Backend-utvecklare / Backend
    Developer", "Computational Biologist / ML Scientist") rather than two jobs ("Senior AI
    Engineer / Staff AI Engineer", "ML Engineer / Data Scientist"). One title that holds all
    the words of the other ("Data Engineer / Senior Data Engineer", "Mechanical Design
    Engineers / Mechanical Engineers") names the same job."""
    words = [set(re.findall(r"[^\W_]+", x.lower())) for x in (left, right)]
    if words[0] <= words[1] or words[1] <= words[0]:
        return True
    if head_noun(left) == head_noun(right):
        return False
    # "Founding Engineer / Founding Designer": two jobs of one level; "senior full stack
    # engineers / CTO consultants": two groups of hires (not "Software Engineer / Developer")
    nouns = {_CODER_NOUNS.get(n, n) for n in (head_noun(left), head_noun(right))}
    same_start = left.split()[0].lower() == right.split()[0].lower()
    if len(nouns) > 1 and (same_start or _plural(left) and _plural(right)):
        return False
    roles = {classify_role(left), classify_role(right)}
    return len(roles) == 1 or "other" in roles


# Nouns for one job: "Developers / Engineers" is one group of hires named two ways.
_CODER_NOUNS = {"developer": "engineer", "programmer": "engineer", "dev": "engineer"}


def _plural(title: str) -> bool:
    """Whether a title ends on a plural noun: "CTO consultants", not "Sales" or "Analyst"."""
    last = re.sub(r"\s*[(\[][^()\[\]]*[)\]]", "", title).split()[-1:]
    return bool(last) and names_a_job(last[0]) and bool(re.search(r"[^s]s$", last[0]))


def _same_level_team(prev: str, piece: str) -> bool:
    """Whether `piece` is a team hired at the level of the title before it: "Founding
    Engineer / Founding GTM"."""
    first, *rest = piece.split()
    return (
        bool(rest)
        and prev.split()[0].lower() == first.lower()
        and bool(DEPARTMENT_WORD.fullmatch(" ".join(rest)))
    )


_ROLE_SEP = re.compile(r"\s*(?:,|;|\s&\s|\s\+\s|\s/\s|\s(?:and/or|and|or|und|y|et|en)\s)\s*")


_DASHED_TEAM = re.compile(r"\s[-–—]\s")


def _bare_title(piece: str) -> bool:
    """Whether a list's piece is a short title alone: "Product Manager", not "Engineer -
    Infrastructure" (a title and its teams) nor a title running on into a sentence."""
    return has_job_head(piece) and title_like(piece) and not _DASHED_TEAM.search(piece)


_LIST_SEPS = frozenset({",", ";", "&", "+", "and"})


def split_roles(text: str) -> list[Role]:
    """Roles named in one piece: "Senior ML Engineer, Data Scientist and Backend Engineer".

    Only split where each part names a job: a part without a job noun ("iOS and Android",
    "Senior and Staff") stays with its neighbour, except in a comma list of three or more
    that names a job, where a short item is one ("Backend, mobile, PM, design, data").
    Fresh roles each call: callers change them. A hybrid of jobs ("a cross-breed of a data
    analyst and QA engineer") is one person's job: one role (not "a mix of engineers and
    designers").
    """
    if (hybrid := _HYBRID.match(text.strip())) and not text.rstrip().endswith("s"):
        return _roles([text.strip()[hybrid.end() :]], set())
    items = _ARTICLE_SEP.split(text.strip()) if " a" in text else []
    if len(items) >= 3 and not any("," in i for i in items) and all(map(names_a_job, items)):
        return _roles(items, set())  # "UX Designer and Engineer, a Growth marketer, and a …"
    return [replace(role) for role in _split_roles(text)]


# The separators of a list whose items each start with an article: "a UX/UI Designer and
# Engineer, a Growth Marketer, and a Director of Sales" is three people, the first doing two
# jobs (the "and" without an article joins one person's jobs).
_ARTICLE_SEP = re.compile(r",\s*(?:and\s+)?an?\s+(?=\w)|\s+and\s+an?\s+(?=\w)", re.I)


_HYBRID = re.compile(
    r"^(?:an?\s+)?(?:cross[- ]?breed|hybrid|cross)\s+(?:of|between)\s+"
    r"(?:an?\s+)?(?=\w)",
    re.I,
)


# "…, etc.", "and many more!", "and others", "…": the end of a list, no title of its own.
_AND_MORE = re.compile(
    r"[,;\s]*(?<!\w)(?:etc\.?|(?:(?:and|&|plus)\s+)?(?:(?:many|lots|much|so many)\s+)?more"
    r"(?:\s+here)?|and others|\.{3}|…)[\s!]*$"
)
_AND_MORE_KEYS = ("etc", "more", "others", "...", "…")  # one is in every match (case kept)
_JOINED = re.compile(r"(?:and|&|or)\b")


# Bounded: a header's role piece is split again by later readers. The cached roles are never
# handed out, only copies of them.
@lru_cache(maxsize=8192)
def _split_roles(text: str) -> list[Role]:
    text = text.strip()
    text = _AND_MORE.sub("", text) if any_in(_AND_MORE_KEYS, text) else text
    pieces, seps = split_with_separators(text, _ROLE_SEP.pattern)
    if seps and _JOINED.match((seps[-1] + pieces[-1]).strip(" ,;")):
        # "frontend, backend and product roles": the noun of the whole list, not a title's
        pieces[-1] = _OPENINGS_TAIL.sub("", pieces[-1])
    levels = all(_LEVELS_ONLY.fullmatch(p.strip()) for p in pieces[:-1])
    if len(pieces) > 1 and levels and names_a_job(pieces[-1]):
        return _roles([text], set())  # "Lead, Staff and Principal Engineers": levels of one role
    if _alternatives_of_one(pieces, seps):
        return _roles([text], set())  # "Backend or Fullstack Software Engineer": one job
    commas = sum(1 for x in seps if x.strip() in (",", ";"))
    # "A engineers, B engineers and growth": two jobs then "and" make a list too.
    two_jobs = (
        len(pieces) >= 3
        and seps[-1].strip() in ("and", "&")
        and names_a_job(pieces[0])
        and names_a_job(pieces[1])
    )
    # Not a full title then its teams: "Full Stack Engineer, Cloud Services, Monitoring" is one.
    title_then_teams = (
        sum(map(names_a_job, pieces)) == 1
        and len(pieces[0].split()) >= 2
        and has_job_head(pieces[0].split()[-1])
    )
    listed = (
        (commas >= 2 or commas == 1 and two_jobs)
        and any(names_a_job(p) for p in pieces)
        and not title_then_teams
    )
    merged: list[str] = []
    items: set[int] = set()  # merged pieces kept as list items without a job noun
    pending, pending_sep = "", " "
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        sep = seps[i - 1] if 0 < i <= len(seps) else " "
        if not piece:
            continue
        if pending:
            piece, sep = pending + piece, pending_sep  # joined to what came before as a whole
            pending = ""
        # "…, Product Manager, Machine Learning"; not "Engineer - Infrastructure, ML" (its teams)
        fields = any(_bare_title(m) for m in merged)
        # In a list, an item's separator is a comma, or "and" before its last item.
        next_item = i < len(seps) and seps[i].strip() in (",", ";")
        item_sep = (
            sep.strip() in (",", ";")
            or i == len(pieces) - 1
            and sep.strip() in ("and", "&")
            or i == 0
            and next_item
        )
        # "/" binds closer than a list's separators: "Agent Engineers & OTel / o11y experts".
        slash_next = (
            i < len(seps)
            and seps[i].strip() == "/"
            and sep.strip() in _LIST_SEPS
            and len(pieces[i + 1].split()) <= 3  # not a title of its own: "ML / Senior Engineer"
        )
        if (
            (_SENIORITY_ONLY.match(piece) or not merged or slash_next)
            and i + 1 < len(pieces)
            and not (names_a_job(piece))
            # "Data science, Backend dev"
            and not (listed and next_item and list_item(piece, fields))
        ):
            pending, pending_sep = piece + (seps[i] if i < len(seps) else " "), sep
            continue
        if listed and item_sep and list_item(piece, fields):
            items.add(len(merged))
            merged.append(piece + _noun_shared_with_next(piece, pieces, seps, i))
            continue
        if merged and _PEOPLE.search(_without_title_tail(piece)) and not names_a_job(piece):
            continue  # "engineers and data lovers": people, not a job
        if merged and sep.strip() == "/" and _same_level_team(merged[-1], piece):
            items.add(len(merged))
            merged.append(piece)
            continue
        if merged and not names_a_job(without_pay(piece)):
            merged[-1] = merged[-1] + sep + piece
            continue
        if merged and sep.strip() == "/" and _one_job(merged[-1], piece):
            merged[-1] = merged[-1] + sep + piece
            continue
        merged.append(piece)
    if pending:
        merged.append(pending.strip())
    roles = _roles(merged, items)
    last_joined = _JOINED_BY_WORD.match(merged[-1].strip()) if merged else None
    if seps and (seps[-1].strip() in (*_JOINS, "/") or last_joined):
        # With one "and", an item may hold the noun already; with two ("iOS, Android and
        # backend, frontend and full-stack engineers") how they group is not said.
        _share_head_noun(roles, sum(sep.strip() in _JOINS for sep in seps) == 1)
    return roles


_JOINS = ("and", "or", "and/or", "&")


def one_hire_each(roles: list[Role], line: str) -> list[Role]:
    """The roles, two of them one hire where one article stands before a title and a bare
    job noun, each in the singular: "a UX/UI Designer and Engineer" (not "a designer and an
    engineer", "a designer and engineers", nor "a security engineer and director of product
    marketing": two titles)."""
    merged: list[Role] = []
    for role in roles:
        prev = merged[-1].title if merged else ""
        bare = " " not in role.title and not _plural(role.title)
        if bare and prev and not _plural(prev) and (joined := _under_one_article(prev, role, line)):
            merged[-1].title = joined
            continue
        merged.append(role)
    return merged


def _under_one_article(prev: str, role: Role, line: str) -> str | None:
    """ "UX/UI Designer and Engineer" where `line` writes "a UX/UI Designer and Engineer"."""
    for joined in (f"{prev} and {role.title}", f"{prev} & {role.title}"):
        at = line.find(joined)
        end = at + len(joined)
        if at > 0 and re.search(r"\b(?:a|an)\s+$", line[:at]) and not line[end : end + 1].isalnum():
            return joined
    return None


def _alternatives_of_one(pieces: list[str], seps: list[str]) -> bool:
    """Whether "A or B Engineer" offers one job of either specialty: "or" only, bare
    specialties before a title whose noun is singular (not "backend or frontend engineers")."""
    if not seps or not all(sep.strip() == "or" for sep in seps):
        return False
    noun = _SHARED_NOUN.search(pieces[-1].strip())
    return (
        noun is not None
        and not noun.group(0).endswith("s")
        and not any(has_job_head(p) for p in pieces[:-1])
    )


_JOINED_BY_WORD = re.compile(r"(?:and|or|&)\s")
_LEVELS_ONLY = re.compile(
    r"(?:(?:and|or|&)\s+)?(?:(?:technical|tech|team|senior|sr\.?|junior|jr\.?|mid(?:-level)?|"
    r"staff|principal|lead|entry[- ]level)\s*)+",
    re.I,
)


# Words for people that name no job: "data lovers", "coffee enthusiasts", "smart folks".
_PEOPLE = re.compile(r"\b(?:lovers|enthusiasts|people|folks|fans|nerds|geeks|humans)$", re.I)


def _roles(pieces: list[str], items: set[int]) -> list[Role]:
    """The roles of the merged pieces: each cleaned, kept when it names a job (or is a list
    item) and is no sentence."""
    roles = []
    level = None
    for i, piece in enumerate(pieces):
        if heading := _INTERN_HEADING.match(piece):
            piece, level = piece[heading.end() :], "intern"  # it and the items after it
        title, salary = clean_title(piece)
        plain = BRACKETED.sub(" ", title)
        if title and (i in items or names_a_job(title)) and not SENTENCE_WORD.search(plain):
            roles.append(Role(title, salary, level=level))
    return roles


# A level heading before a list's items: "Internships: Eng, Design, Growth".
_INTERN_HEADING = re.compile(r"\s*(?:internships?|interns?)\s*:\s*(?=\S)", re.I)


# A department or team that is named instead of a job ("Engineering", "Customer Success").
DEPARTMENT_WORD = re.compile(
    r"^(?:(?:[\w&/+]+\s+|[\w&+]+/)?(?:engineering|eng|research|product|design|sales|marketing|data|"
    r"operations|ops|business|gtm|go-to-market|finance|recruiting|support|customer success|"
    r"infrastructure|platform|security|people|growth|science|ai|ml|hardware|software|"
    r"technology|technical|other|open)(?:\s+(?:roles|team|positions|openings|jobs))?)$",
    re.I,
)


_DEPARTMENT_SEP = re.compile(r"\s*(?:,|;|\s&\s|\s(?:and|or)\s)\s*")
_LEADING_JOIN = re.compile(r"^(?:and|or|&)\s+")


def department_roles(text: str) -> list[Role]:
    """The teams of a comma list of departments ("Engineering, Product, Sales, Customer
    Success", "engineering, design, and sales"): each one a role as named; none otherwise."""
    if "," not in text:
        return []
    items = [i.strip() for i in _DEPARTMENT_SEP.split(text.strip(" .!"))]
    items = [_LEADING_JOIN.sub("", i) for i in items if i]
    if len(items) < 2 or not all(DEPARTMENT_WORD.fullmatch(i) for i in items):
        return []
    return [Role(i) for i in items]


# The noun a list of specialties shares ("backend and frontend developers") and the
# specialties that take it: a bare specialty is the job of that specialty.
_SHARED_NOUN = re.compile(
    r"\s(?:engineers?|developers?|programmers?|designers?|scientists?|architects?|analysts?|"
    r"researchers?|hackers?|devs)$",
    re.I,
)
BARE_SPECIALTY = re.compile(
    r"(?:(?:senior|sr\.?|junior|jr\.?|lead|staff)\s+)?(?:back[- ]?end|front[- ]?end|"
    r"full[- ]?stack|mobile|ios|android|web|devops|perception|data|platform|infra(?:structure)?|"
    r"systems|security|qa|ml|ai|cloud|embedded|game|graphics|research|product|software|"
    r"hardware|machine learning|robotics|firmware|site reliability|analytics|"
    r"forward[- ]deployed)",
    re.I,
)


# Specialties that are kinds of software engineering: a list does not make "senior full-stack
# and data scientist vacancies" a full-stack scientist.
_BUILDER_SPECIALTY = re.compile(
    r"(?:(?:senior|sr\.?|junior|jr\.?|lead|staff)\s+)?(?:back[- ]?end|front[- ]?end|"
    r"full[- ]?stack|devops|mobile|ios|android|web|embedded|firmware|qa)",
    re.I,
)
_SCIENCE_NOUN = re.compile(r"\s*(?:scientists?|analysts?|researchers?)", re.I)


def _takes_noun(specialty: str, noun: str) -> bool:
    """Whether a bare specialty takes the noun of the job it is listed with: "backend and
    data engineers" names backend engineers; "full-stack and data scientist" no full-stack
    scientist, but a full-stack engineer left as written."""
    return not (_SCIENCE_NOUN.fullmatch(noun) and _BUILDER_SPECIALTY.fullmatch(specialty.strip()))


_PAIR = re.compile(
    r"(?P<level>(?:(?:senior|sr\.?|junior|jr\.?|lead|staff|principal)\s+)?)(?P<first>[\w ./-]+?)"
    r"\s+(?:and|&|or)\s+(?P<second>[^,;()&]+)",
    re.I,
)


def split_pair(role: Role) -> list[Role]:
    """ "Senior ML and Systems Engineers" → "Senior ML Engineers", "Senior Systems Engineers":
    a bare specialty joined to jobs named in the plural takes their noun (and the level
    before it); any other role as it is ("Research and Development Engineer" is one job)."""
    m = _PAIR.fullmatch(role.title)
    noun = _SHARED_NOUN.search(m["second"]) if m else None
    if (
        m is None
        or noun is None
        or not noun.group(0).endswith("s")
        or names_a_job(m["first"])
        or not BARE_SPECIALTY.fullmatch(m["first"])
        or not _takes_noun(m["first"], noun.group(0))
    ):
        return [role]
    second = (
        m["second"] if _SENIORITY_ONLY.match(m["second"].split()[0]) else m["level"] + m["second"]
    )
    titles = [m["level"] + m["first"] + noun.group(0), second]
    return [replace(role, title=title) for title in titles]


def _noun_shared_with_next(piece: str, pieces: list[str], seps: list[str], i: int) -> str:
    """The head noun a bare specialty in a list takes from the item it is joined to by "and"
    ("…, iOS and Android developers, …" → " developers"), or ""."""
    if i + 1 >= len(pieces) or seps[i].strip() not in ("and", "or", "&", "/"):
        return ""
    noun = _SHARED_NOUN.search(pieces[i + 1].strip())
    shared = noun and BARE_SPECIALTY.fullmatch(piece) and _takes_noun(piece, noun.group(0))
    return noun.group(0) if shared else ""


def _share_head_noun(roles: list[Role], one_join: bool) -> None:
    """ "backend and frontend developers" names backend developers and frontend developers:
    the last role's noun goes to the bare specialties before it (the caller checks that the
    last two are joined by "and", "or", "&" or "/": "Senior Frontend, Graphics Engineer" is
    a list of jobs as named)."""
    noun = _SHARED_NOUN.search(roles[-1].title) if len(roles) > 1 else None
    if noun is None:
        return
    # A specialty may have an aside ("Forward-deployed (customer success)"), and in a list
    # with `one_join` ("and", "or", "&") one may hold the noun already ("Frontend, Backend and
    # Data Engineers").
    items = [(r, _BARE_THEN_ASIDE.fullmatch(r.title)) for r in roles[:-1]]
    if not all(m or one_join and r.title.endswith(noun.group(0)) for r, m in items):
        return  # "Devops, Electrical Engineer, Perception, …": a list of jobs, not of specialties
    for role, m in items:
        if m and _takes_noun(m["specialty"], noun.group(0)):
            role.title = m["specialty"] + noun.group(0) + m["aside"]


# A bare specialty, and an aside in brackets after it: "Forward-deployed (customer success)".
_BARE_THEN_ASIDE = re.compile(
    rf"(?P<specialty>{BARE_SPECIALTY.pattern})(?P<aside>(?:\s+\([^()]*\))?)", re.I
)


# What may frame a list item without being part of its name: "and a finance person",
# "marketing roles".
_ITEM_FRAME = re.compile(
    r"^(?:including\s+|(?:(?:and|or|&|plus)\s+)?(?:an?|some)\s+)|\s+(?:roles?|positions?)$", re.I
)


_LEVEL_FIRST = re.compile(r"(?:senior|sr\.?|junior|jr\.?|lead|staff|principal)\s", re.I)


def list_item(piece: str, fields: bool = False) -> bool:
    """A short item of a list of roles that names a team rather than a job ("mobile",
    "design", "BizDev", "and a finance person", "marketing roles"): not a level, place, work
    mode, pay, tool or sentence; with `fields` (after a title in a list of titles), a field
    of work that is a skill may be one ("Machine Learning", "FPGA Verification")."""
    piece = _ITEM_FRAME.sub("", piece)
    words = piece.split()
    if 0 < len(words) <= 3 and _LEVEL_FIRST.match(piece) and BARE_SPECIALTY.fullmatch(piece):
        return True  # "Staff ML", "Staff Infra": a level and a specialty
    return (
        0 < len(words) <= 3
        and not _SENIORITY_ONLY.match(piece)
        and not _only_praise(piece)
        and not is_context(piece)
        and not SENTENCE_WORD.search(piece)
        and not ((_tool(piece) or not fields) and extract_skills(piece))
        and not GENERIC_ROLE.match(piece)
        and piece.lower() not in ("other", "more")
        and not re.search(r"\b(?:of|for|in|with|to)$", piece, re.I)
        and bool(re.match(r"[^\W\d_]", piece))
    )


def _only_praise(piece: str) -> bool:
    """Whether an item is praise, not a team: "seeking positive, gritty engineers"."""
    m = _TITLE_PRAISE.match(piece + " x")
    return m is not None and m.end() == len(piece) + 1


_SMALL_WORDS = frozenset(
    re.findall(r"\S+", "of de da do das dos des du la le em en in for and & y e et und i w na z")
    + ["ds", "der", "del", "von", "für", "pour", "para"]
)
SENTENCE_WORD = re.compile(
    r"\b(?:we|you|your|our|is|are|was|will|must|should|required|requires|only|please|"
    r"who|which|that|this|these|those|(?-i:it|It|i)|be|been|have|has|i'm|i’m|i am)\b",
    re.I,
)  # not "IT" ("IT Engineer") nor the level "I" ("Software Engineer I")


_ROUND_OR_SQUARE = re.compile(r"[()\[\]]")


def outside_parens(pattern: re.Pattern[str], text: str) -> int:
    """Where the first match of `pattern` outside (), [] starts; len(text) when none."""
    # Jump from one place the pattern matches to the next (a search from i finds the first i'
    # >= i where a match at i' succeeds), counting brackets in between.
    depth, counted, pos = 0, 0, 0
    while (m := pattern.search(text, pos)) is not None:
        at = m.start()
        if at == len(text):
            break  # a match after the last character is never tried
        for bracket in _ROUND_OR_SQUARE.findall(text, counted, at):
            depth = depth + 1 if bracket in "([" else max(0, depth - 1)
        counted = at
        if depth == 0 and text[at] not in "([)]":
            return at
        pos = at + 1
    return len(text)


@lru_cache(maxsize=16_384)  # body lines are tested again by several readers
def title_case(text: str) -> bool:
    """Every word capitalized except small joining words: "Director of Data Science"."""
    words = _WORD.findall(_ROUND_ASIDE.sub(" ", text))
    return bool(words) and all(
        w[0].isupper() or w.lower() in _SMALL_WORDS or _CAPITAL_AFTER_PREFIX.match(w) for w in words
    )  # "iOS", "eBay" are capitalized names


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ROUND_ASIDE = re.compile(r"\([^()]*\)")
_CAPITAL_AFTER_PREFIX = re.compile(r"[a-z]{1,2}[A-Z]")


@lru_cache(maxsize=16_384)  # body lines are tested again by several readers
def title_like(head: str) -> bool:
    plain = _ROUND_ASIDE.sub(" ", head).strip()
    words = plain.split()
    return (
        0 < len(words) <= 8
        and len(plain) <= 70
        and names_a_job(head)
        and not GENERIC_ROLE.match(head)
        and not SENTENCE_WORD.search(plain)
    )
