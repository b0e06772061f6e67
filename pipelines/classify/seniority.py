"""The seniority of a posting (one of SENIORITIES) from its title, and from the
description only when it states the level outright."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipelines.classify.jobwords import rx, wordset
from pipelines.classify.prefilter import Prefilter
from pipelines.folding import fold
from pipelines.text import any_in, lowered, word_boundary

SENIORITIES: tuple[str, ...] = (
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "unknown",
)


_NOT_PEOPLE_MANAGER = wordset(
    "product program programme project account category community office partner "
    "partnerships release delivery relationship success campaign content brand key "
    "social media marketing territory market implementation pricing growth data solutions"
)
# Two-word fields whose managers are individual contributors ("Business Development Manager").
_NOT_PEOPLE_MANAGER_PAIRS = frozenset({("business", "development"), ("demand", "generation")})
# A job's head noun, after which a number is its level ("Engineer 2", "Manager II").
_HEAD_NOUN = (
    r"\b(?:engineer|developer|scientist|analyst|manager|specialist|designer|architect|"
    r"consultant|representative)\w*"
)
_JUNIOR_WORDS = r"(?:junior|jr|freshers?|graduates?|new grads?|entry level)"
_SENIORITY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a junior level and an internship as alternatives ("Fresher/Interns"): the higher one
    (
        "junior",
        rx(rf"\b{_JUNIOR_WORDS} ?/ ?intern|\bintern(?:s|ships?)? ?/ ?{_JUNIOR_WORDS}\b"),
    ),
    (
        "intern",
        rx(
            r"\bintern(?:s|ship|ships)?\b|praktikant\w*|praktikum|werkstudent\w*|"
            r"working student|stagiaire|(?<!early )(?<!late )(?<!seed )(?<!growth )\bstage\b|"
            r"alternan\w*|becari[oa]s?\b|\bpasante\b|practicante|estagi\w*|praktyk\w*|"
            r"\bstaz\w*|\bco ?op\b|apprentice\w*|\bazubi\b|ausbildung|summer (?:student|associate)|"
            r"\btrainee\b"
        ),
    ),
    (
        "director",
        rx(
            r"\bdirector\w*|\bdirecteur\w*|\bdirectora?\b|\bdiretor\w*|\bdyrektor\w*|"
            r"\bhead of\b|^head\b|\bhead (?:\w+ )?(?:engineer|data|ml|ai|research)|\bvp\b|"
            r"vice president|\b[searg]vp\b|\bc(?:t|d|ai|e|f|o|m|i|p|r|is)o\b|"
            # a chief officer, not a Chief of Staff or a (SAFe) Chief Product Owner
            r"\bchief\b(?! of staff\b| product owner\b)|"
            r"(?<!team)(?<!team )leiter(?:in)?\b|\bleitung\b(?<!teamleitung)"
        ),
    ),
    (
        "manager",
        rx(r"\bmanager\w*|\bgerente\b|\bkierownik\w*|\bresponsable\b|\bmgr\b|\bsupervisor\b"),
    ),
    ("principal", rx(r"\bprincipal\b|\bprincipale\b|\bdistinguished\b")),
    ("staff", rx(r"(?<!technical )(?<!chief of )\bstaff\b")),
    (
        "lead",
        rx(
            r"\bleads?\b(?! gen(?:eration)?\b)|\bleader\b|\blider\w*|teamleiter\w*|"
            r"teamleitung|\blead\w*(?= engineer)"
        ),
    ),
    (
        "mid",
        rx(r"\bsemi ?senior\b|\bssr\b"),
    ),
    (
        "senior",
        rx(r"\bsenior\w*|\bsr\b|\bsnr\b|\biii\b|\biv\b|\bstarszy\b|\bexperimentado\b"),
    ),
    (
        "mid",
        rx(
            r"\bmid\b(?! market)|\bmiddle\b|\bmid ?weight\b|\bintermediate\b|\bii\b|\bpleno\b|"
            r"\bregular\b|\bmedior\b|"
            rf"{_HEAD_NOUN} (?:2|ll)\b|\blevel 2\b"
        ),
    ),
    (
        "junior",
        rx(
            r"\bjunior\b|\bjr\b|entry level|\bgraduate\b|new grad\w*|\bgrad\b|\bassociate\b|"
            r"\bmlodszy\b|absolvent\w*|berufseinsteiger\w*|debutant\w*|early career|"
            r"\b(?:training|rotational|graduate) program(?:me)?s?\b|"
            rf"{_HEAD_NOUN} (?:i|1)(?![\w/])|\bfreshers?\b"
        ),
    ),
)
_DESC_SENIORITY = (
    (
        "intern",
        re.compile(
            r"\bthis is an? (?:paid )?internship\b|\bpaid internship\b|"
            r"\binternship (?:program|position|role)\b|\bfor an? (?:summer |paid )?internship\b",
            re.I,
        ),
    ),
    ("junior", re.compile(r"\b(?:entry|junior)[- ]level (?:role|position)\b", re.I)),
    ("mid", re.compile(r"\bmid[- ]level (?:role|position)\b", re.I)),
    # "Mid-Senior level": the seniority field of a job copied from LinkedIn
    ("senior", re.compile(r"\bsenior[- ]level (?:role|position)\b|\bmid-senior level\b", re.I)),
)


# Words one of which every match of a title rule holds (titles are folded: lowercase ASCII),
# for the two rules that cost most (their alternatives are tried at every character):
# most titles name neither, and skip them. tests/test_prefilters.py checks both lists.
TITLE_RULE_KEYS = {
    "intern": (
        "intern", "praktik", "werkstudent", "working student", "stagiaire", "stage", "alternan",
        "becari", "pasante", "practicante", "estagi", "praktyk", "staz", "coop", "co op",
        "apprentice", "azubi", "ausbildung", "summer student", "summer associate", "trainee",
    ),
    "director": (
        "direct", "diretor", "dyrektor", "head", "vp", "vice president", "chief", "cto", "cdo",
        "caio", "ceo", "cfo", "coo", "cmo", "cio", "cpo", "cro", "ciso", "leiter", "leitung",
    ),
}  # fmt: skip


# Words one of which every match of a description rule holds (in a `lowered` text).
_LEVEL_POSITION = ("level role", "level position")
_DESC_SENIORITY_KEYS = {
    "intern": ("internship",),
    "junior": _LEVEL_POSITION,
    "mid": _LEVEL_POSITION,
    "senior": (*_LEVEL_POSITION, "mid-senior level"),
}


def _manager_is_people_manager(t: str) -> bool:
    words = t.split()
    for i, w in enumerate(words):
        is_manager = w.startswith(("manager", "kierownik")) or w in ("gerente", "mgr", "supervisor")
        if (
            is_manager
            and (
                i == 0
                # of alternatives the one next to the noun: "BizDev/Sales/Account Managers"
                or words[i - 1].rpartition("/")[2] not in _NOT_PEOPLE_MANAGER
                and tuple(words[max(i - 2, 0) : i]) not in _NOT_PEOPLE_MANAGER_PAIRS
            )
        ):
            return True
        if w == "responsable":
            return True
    return False


# Whom the job serves, at the end of a title: "Executive Assistant to the CEO" and "Analyst,
# Office of the CEO" are no CEO.
_SERVES = rx(
    r"\b(?:to|office of) (?:the |our )?(?:\w?vp|c\w{1,3}o|chief|founders?|president|director|"
    r"head)\b.*$"
)
# One pass over a title tells which rules may match it; the others are not run (whole: the
# rules are short and most titles run none). The rules of TITLE_RULE_KEYS are told by their
# keys: the literals read from them ("t", "d"... of "cto", "cdo") are in every title.
_TITLE_PREFILTER = Prefilter(
    (pattern for _, pattern in _SENIORITY_RULES),
    split=False,
    keys={p: TITLE_RULE_KEYS[level] for level, p in _SENIORITY_RULES if level in TITLE_RULE_KEYS},
)


@lru_cache(maxsize=8192)  # titles repeat across boards ("Senior Software Engineer")
def _title_level(t: str, manages: bool = True) -> str | None:
    """The level a folded title names, or None; with `manages` False (the text says the job
    manages no one) a manager's title names no level of its own."""
    if " to " in t or "office of " in t:
        t = _SERVES.sub("", t)
    may = _TITLE_PREFILTER.possible(t)
    for level, pattern in _SENIORITY_RULES:
        if id(pattern) not in may:
            continue
        if pattern.search(t):
            if level == "manager" and not (manages and _manager_is_people_manager(t)):
                continue
            return level
    return None


# A level, or a range of two ("mid to senior", "Senior/Staff"), before a job it names.
_LEVEL_WORDS = (
    r"([\w-]+?(?:[\s-]level)?(?:(?:\s*/\s*|[\s-]+(?:to|or)[\s-]+)[\w-]+?(?:[\s-]level)?)?)\s+"
)
# What stands right before a title in a hiring sentence, with its level: "hiring a Mid-Level".
_HIRE_LEVEL = re.compile(
    r"\b(?=[ahs])"  # the first letters of its words: the other words fail at once
    rf"(?:an?|hiring|seeking)\s+{_LEVEL_WORDS}$",
    re.IGNORECASE,
)
# What follows a title: a list that may hold its level ("(Entry-level, Remote)").
_LISTED = re.compile(r"\s*\(([^()]{1,80})\)")
_LEVEL_ITEM_WORDS = 2  # a level is an item of its own: "Entry-level", not "lead the API"
# What may follow a title: the range of levels hired ("engineers from Mid-Level to Staff").
_LEVEL_RANGE = re.compile(
    r"\s+from\s+([\w-]+?(?:[\s-]level)?)\s+(?:to|through)\s+([\w-]+?(?:[\s-]level)?)\b",
    re.IGNORECASE,
)
_BEFORE_CHARS = 60  # enough for "seeking a mid-level to senior-level " before a title
# A post with no title: the job its hiring sentence names, after a hiring verb only ("as a
# senior developer myself, I had offers" is the writer's level).
_HIRED_JOB = re.compile(
    r"(?=[lshab])"  # the first letters of its words: the other positions fail at once
    r"\b(?:looking for|seeking|hiring|searching for|adding|bring(?:ing)? on)\s+(?:an?\s+)?"
    + _LEVEL_WORDS
    + r"(?:[\w-]+\s+){0,2}?(?:engineer|developer|dev|scientist|analyst|designer|researcher|"
    r"programmer)s?\b",
    re.IGNORECASE,
)


def _level_of(phrases: list[str]) -> str | None:
    """The level the first of `phrases` that names one names."""
    return next(filter(None, map(_title_level, map(fold, phrases))), None)


def _title_spans(words: list[str], text: str, low: str) -> Iterator[tuple[int, int]]:
    """Where `text` names the title of `words`: the spans of `re.finditer` of the words
    joined by runs of spaces or hyphens, an "s" allowed after the last, between word
    boundaries, case-insensitive. An ASCII title is found in `low` (its `lowered` form, where
    each character is the one ASCII letter IGNORECASE takes it for) without a pattern
    compiled per title, which cost more than the search."""
    if not "".join(words).isascii():
        name = r"[\s-]+".join(map(re.escape, words)) + r"s?\b"
        yield from (m.span() for m in re.finditer(rf"\b{name}", text, re.IGNORECASE))
        return
    keys = [w.lower() for w in words]
    pos = 0
    while (start := low.find(keys[0], pos)) != -1:
        end = _title_end(keys, text, low, start)
        if end is None:
            pos = start + 1
        else:
            yield start, end
            pos = end


def _title_end(keys: list[str], text: str, low: str, start: int) -> int | None:
    """The end of the title of `keys` named at `start` (see `_title_spans`), or None."""
    if not word_boundary(text, start):
        return None
    return _rest_end(keys, 1, text, low, start + len(keys[0]))


def _rest_end(keys: list[str], i: int, text: str, low: str, end: int) -> int | None:
    """The end of `keys[i:]` named from `end` on, each after a run of spaces or hyphens, as
    the pattern's engine would find it: the longest run first. A key that opens with a
    hyphen ("Engineer - Data": the key "-") may take the run's last hyphens as its own, so
    shorter runs are tried after; any other key can only follow the whole run."""
    if i == len(keys):
        if low.startswith("s", end) and word_boundary(text, end + 1):
            return end + 1
        return end if word_boundary(text, end) else None
    key, run, n = keys[i], end, len(text)
    while run < n and (text[run].isspace() or text[run] == "-"):
        run += 1
    if run == end:
        return None
    for gap in range(run, end, -1) if key.startswith("-") else (run,):
        if low.startswith(key, gap):
            found = _rest_end(keys, i + 1, text, low, gap + len(key))
            if found is not None:
                return found
    return None


def _level_beside_title(title: str, text: str, low: str) -> str | None:
    """The level the text gives the title where it names it: "we're seeking a senior founding
    engineer", "Growth Marketer (Entry-level, Remote)", "engineers from Mid-Level to Staff"
    (the highest); with no title, the job its hiring
    sentence names. Only in those places: "you will work with senior engineers" is the
    team's level, not the job's."""
    words = title.split()
    if not words:
        return _level_of([m.group(1) for m in _HIRED_JOB.finditer(text)])
    if words[-1].lower() not in low:
        return None
    for start, end in _title_spans(words, text, low):
        before = _HIRE_LEVEL.search(text, max(0, start - _BEFORE_CHARS), start)
        if before and (level := _level_of([before.group(1)])):
            return level
        if listed := _LISTED.match(text, end):
            items = re.split(r"[,;/|]", listed.group(1))
            if level := _level_of([i for i in items if len(i.split()) <= _LEVEL_ITEM_WORDS]):
                return level
        hired = _LEVEL_RANGE.match(text, end)
        if hired and all(_level_of([side]) for side in hired.groups()):
            return _level_of([f"{hired[1]} {hired[2]}"])  # the highest the range names
    return None


# Level words of Korean, Japanese and Chinese titles, which the fold drops with their script.
_CJK_LEVELS = (
    ("시니어", " senior "), ("주니어", " junior "), ("인턴", " intern "), ("팀장", " team lead "),
    ("シニア", " senior "), ("ジュニア", " junior "), ("インターン", " intern "),
    ("资深", " senior "), ("資深", " senior "), ("高级", " senior "), ("高級", " senior "),
    ("实习", " intern "), ("實習", " intern "), ("组长", " team lead "), ("組長", " team lead "),
)  # fmt: skip


def _with_cjk_levels(title: str) -> str:
    if title.isascii():
        return title
    for word, english in _CJK_LEVELS:
        title = title.replace(word, english)
    return title


@lru_cache(maxsize=32_768)  # titles repeat across a board's jobs and across boards
def _level_of_title(title: str, manages: bool = True) -> str | None:
    return _title_level(fold(_with_cjk_levels(title)), manages)


# A job that manages no one, whatever its title says ("Infrastructure Manager ... This is an
# Individual Contributor role"): the manager's title is a field's, not a level.
_MANAGES_NO_ONE = re.compile(
    r"\bindividual[- ]contributor (?:role|position)\b|\bthis is an? (?:\w+ )?individual[- ]"
    r"contributor\b|\b(?:no|without) direct reports\b",
    re.IGNORECASE,
)
_MANAGES_NO_ONE_KEYS = ("individual", "direct reports")  # in a `lowered` text


def classify_seniority(title: str, description: str = "") -> str:
    """One of SENIORITIES, from the title; the description only when it gives the title its
    level where it names it ("we're hiring a Mid-Level Fullstack Engineer", "Product Manager
    (Mid-level, Remote)"), states the level of the position outright ("this is an
    internship", "entry-level position") or says a manager's job manages no one ("an
    individual contributor role")."""
    level = _level_of_title(title)
    head = description[:5000]
    if level == "manager" and _manages_no_one(head):
        level = _level_of_title(title, manages=False)
    if level:
        return level
    if not description:
        return "unknown"
    if level := _level_beside_title(title.strip(), head, lowered(head)):
        return level
    return _stated_level(head)


def _manages_no_one(head: str) -> bool:
    """Whether a description says the job manages no one (`_MANAGES_NO_ONE`); most name
    neither of its words, and skip its search."""
    return any_in(_MANAGES_NO_ONE_KEYS, lowered(head)) and bool(_MANAGES_NO_ONE.search(head))


@lru_cache(maxsize=1024)  # the roles of a comment share their description
def _stated_level(head: str) -> str:
    """The level a description states of the position outright, or "unknown"."""
    low = lowered(head)
    for level, pattern in _DESC_SENIORITY:
        if level in _DESC_SENIORITY_KEYS and not any_in(_DESC_SENIORITY_KEYS[level], low):
            continue  # every pattern needs one of its words ("internship", "level role"...)
        if pattern.search(head):
            return level
    return "unknown"
