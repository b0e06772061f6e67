"""The keyword pre-checks that spare texts a costly regex must never skip a text the regex
would match: every match holds one of its keywords (or its cheap hint matches there)."""

from __future__ import annotations

import re
from re import _parser

import pytest

from pipelines import equity, folding, location, remote, salary, titles
from pipelines.classify import jobwords, roles, seniority, subfields
from pipelines.classify.prefilter import Prefilter, alternatives, by_first_letter, literals
from pipelines.currency import PREFIXES
from pipelines.text import any_in, lowered
from tests import test_classify, test_equity, test_remote, test_salary, test_skills


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for v in value for s in _strings(v)]
    return []


# Every string of the normalizers' table-driven tests, plus cases for the characters that a
# case-insensitive regex reads as ASCII letters while str.lower() does not.
CORPUS = sorted(
    {
        s
        for module in (test_classify, test_equity, test_remote, test_salary, test_skills)
        for value in vars(module).values()
        for s in _strings(value)
    }
    | {
        "VİSA SPONSORSHİP available",
        "Remote (US) – we can sponſor H-1B visas",
        "TÉLÉTRAVAIL 2 jours par semaine",
        "Stock optıons and RSUs, ESOP",
        "fully REMOTE, WORK FROM HOME, on-site 2 days per week in the office",
        "Ingeniero/a de Datos (m/w/d) H/F (all genders) K/M",
        "Data Engineer, open to all GENDER\u017f",  # the long s is an s to re.I
        "not remote: must be authorized to work; citizens only",
        # what comes before a place that is excluded, not named (location._NEGATED_RE)
        "Remote (non-",
        "Remote, outside of the ",
        "Worldwide Except ",
        "EMEA, EXCLUDING the ",
        "Remote, no ",
        "nOT IN ",
        # a level the description states outright (seniority._DESC_SENIORITY)
        "This is a PAID INTERNSHIP. An Entry-Level Position, a mid level role, a Senior-level "
        "role (Mid-Senior level)",
        "an INDIVIDUAL-CONTRIBUTOR position, with no direct reports",
    }
)

PAIRS = [
    (remote._URL_RE, remote._URL_KEYS),
    (remote._NO_REMOTE_RE, remote._NO_REMOTE_KEYS),
    (remote._PART_REMOTE_RE, remote._PART_REMOTE_KEYS),
    (remote._REMOTE_RE, remote._REMOTE_KEYS),
    (remote._HYBRID_RE, remote._HYBRID_KEYS),
    (remote._ONSITE_RE, remote._ONSITE_KEYS),
    (remote._VISA_NO_RE, remote._VISA_KEYS),
    (remote._VISA_YES_RE, remote._VISA_KEYS),
    (remote._VISA_WORD_RE, remote._VISA_KEYS),
    (remote._AUTHORIZED_RE, remote._VISA_KEYS),
    (remote._HYPOTHETICAL_RE, remote._HYPOTHETICAL_KEYS),
    (equity._EQUITY_RE, equity._EQUITY_KEYS),
    (location._NEGATED_RE, location._NEGATION_KEYS),
    (titles._TERRITORY_JOB_RE, titles._TERRITORY_KEYS),
    *((regex, seniority._DESC_SENIORITY_KEYS[level]) for level, regex in seniority._DESC_SENIORITY),
    (seniority._MANAGES_NO_ONE, seniority._MANAGES_NO_ONE_KEYS),
]


@pytest.mark.parametrize("regex,keys", PAIRS, ids=[p[0].pattern[:40] for p in PAIRS])
def test_every_match_holds_a_keyword(regex: re.Pattern, keys: tuple[str, ...]) -> None:
    matched = 0
    for text in CORPUS:
        for m in regex.finditer(text):
            matched += 1
            assert any_in(keys, lowered(m.group())), (regex.pattern[:60], m.group())
    assert matched  # the corpus exercises the pattern


@pytest.mark.parametrize("name", subfields.SUBFIELDS)
def test_subfield_keywords(name: str) -> None:
    for text in CORPUS:
        folded = folding.fold(text)
        for m in subfields._SUBFIELD_WORDS[name].finditer(folded):
            assert any_in(subfields._SUBFIELD_KEYS[name], m.group()), (name, m.group())


@pytest.mark.parametrize("level", seniority.TITLE_RULE_KEYS)
def test_title_level_keywords(level: str) -> None:
    keys = seniority.TITLE_RULE_KEYS[level]
    matched = 0
    for text in CORPUS:
        for rule, regex in seniority._SENIORITY_RULES:
            for m in regex.finditer(folding.fold(text)) if rule == level else ():
                matched += 1
                assert any_in(keys, m.group()), (level, m.group())
    assert matched  # the corpus exercises the rule


@pytest.mark.parametrize(
    "regex,keys",
    [(re.compile(jobwords.AI), jobwords.AI_KEYS), (jobwords.MLOPS, jobwords.MLOPS_KEYS)],
    ids=["AI", "MLOPS"],
)
def test_title_role_keywords(regex: re.Pattern, keys: tuple[str, ...]) -> None:
    matched = 0
    for text in CORPUS:
        for m in regex.finditer(folding.fold(text)):
            matched += 1
            assert any_in(keys, m.group()), m.group()
    assert matched  # the corpus exercises the pattern


@pytest.mark.parametrize(
    "check", [roles._TITLE_PREFILTER, seniority._TITLE_PREFILTER, jobwords._JOB_NOUN_CHECK]
)
def test_title_prefilter_keeps_every_pattern_that_matches(check: Prefilter) -> None:
    """Every role or level pattern that matches a folded corpus string is among those the
    literal pre-check lets run on it."""
    patterns = check.patterns
    matched = 0
    for text in CORPUS:
        folded = folding.fold(text)
        may = check.possible(folded)
        for pattern in patterns:
            if pattern.search(folded):
                matched += 1
                assert id(pattern) in may, (pattern.pattern[:60], folded)
    assert matched > len(patterns)  # the corpus exercises the patterns


def test_title_prefilter_searcher_finds_where_each_pattern_matches() -> None:
    """Run as the alternatives the literals let through, a role pattern matches a folded
    corpus string where (start and end) the whole pattern does, or nowhere when it does not."""
    check = roles._TITLE_PREFILTER
    matched = 0
    for text in CORPUS:
        folded = folding.fold(text)
        search = check.searcher(folded)
        for pattern in check.patterns:
            whole, split = pattern.search(folded), search(pattern)
            assert (whole and whole.span()) == (split and split.span()), pattern.pattern[:60]
            matched += whole is not None
    assert matched > len(check.patterns)


@pytest.mark.parametrize(
    "source,parts",
    [
        (r"ab|c(?:d|e)", ["ab", "c(?:d|e)"]),  # a group's own bars stay in it
        (r"(?:ab|cd)", ["ab", "cd"]),  # a group around the whole pattern is opened
        (r"(?:ab)x|(?:cd)", ["(?:ab)x", "(?:cd)"]),
        (r"(?:ab|cd)x", ["(?:ab|cd)x"]),  # one alternative: the group is no wrapper
        (r"[|(]x|y\||z", ["[|(]x", "y\\|", "z"]),  # no bar of a class or an escape
        (r"[]|]a|b", ["[]|]a", "b"]),  # a "]" first in a class is one of its letters
    ],
)
def test_alternatives(source: str, parts: list[str]) -> None:
    assert alternatives(source) == parts


def test_searcher_gives_the_leftmost_match_of_the_first_alternative_there() -> None:
    pattern = re.compile(r"design(?:er)?|\bsales\b|designer of")
    search = Prefilter([pattern]).searcher("sales designer of chips")
    assert search(pattern).span() == (0, 5)
    search = Prefilter([pattern]).searcher("a designer of chips")
    assert search(pattern).span() == pattern.search("a designer of chips").span() == (2, 10)
    assert Prefilter([pattern]).searcher("an engineer")(pattern) is None


def test_prefilter_tells_a_pattern_by_its_given_keys() -> None:
    """Read from `\\bc(?:t|d|ai)o\\b`, the literals are "t", "d" and "ai", which most texts
    hold; given the words every match holds, the pattern runs only on a text naming one."""
    chief = re.compile(r"\bc(?:t|d|ai)o\b")
    assert id(chief) in Prefilter([chief]).possible("data engineer")
    check = Prefilter([chief], keys={chief: ("cto", "cdo", "caio")})
    assert id(chief) not in check.possible("data engineer")
    assert check.searcher("cto office")(chief).span() == (0, 3)


@pytest.mark.parametrize(
    "pattern,words",
    [
        (r"\bml\b|data scien\w*", ["ml", "data scien"]),
        (r"^(?:senior )?(?:intern|co ?op)s?$", ["intern", "co"]),  # a group every match holds
        (r"\bcompilers?\b|\bkernels?\b", ["compiler", "kernel"]),  # after a shared \b
        (r"\w+ (?:xa|yb)", ["xa", "yb"]),
        (r"data|\w+", None),  # an alternative that needs no literal
        (r"(?i:ml)|ai", None),  # a group with flags of its own is not read
    ],
)
def test_literals(pattern: str, words: list[str] | None) -> None:
    assert literals(_parser.parse(pattern)) == words


def test_prefilter_runs_patterns_without_literals_always() -> None:
    bare, worded, folded = re.compile(r"\w+"), re.compile(r"data|ml"), re.compile("ml", re.I)
    check = Prefilter([bare, worded, folded])
    assert check.possible("an ml job") == {id(bare), id(worded), id(folded)}
    assert check.possible("a design job") == {id(bare), id(folded)}


def test_fold_hints() -> None:
    for text in CORPUS:
        for m in folding.GENDER.finditer(text):
            assert folding._GENDER_HINT.search(text, m.start()), m.group()
        for m in folding._SUFFIX_A.finditer(text):
            assert folding._SUFFIX_HINT.search(text, m.start()), m.group()
        if folding._GENDER_HINT.search(text):
            assert folding._may_mark_gender(text), text


def test_lowered_maps_what_ignorecase_reads_as_ascii() -> None:
    assert lowered("VİSA ſponsor K8s ıt") == "visa sponsor k8s it"
    assert lowered("Äbc REMOTE") == "äbc remote"
    for text in ("VİSA", "ſponsor", "Kubernetes"):
        letters = re.escape(lowered(text))
        assert re.fullmatch(letters, text, re.IGNORECASE)


def test_every_currency_prefix_and_digit_starts_a_term() -> None:
    """The term pattern checks first that a text's character may start a term."""
    for prefix in PREFIXES:
        m = salary._TERM_RE.search(f"Pay: {prefix}120k a year")
        assert m is not None and m.group("pre") == prefix, prefix
    assert salary._TERM_RE.search("\u0661\u0665\u0660k USD").group("num") == "\u0661\u0665\u0660"


@pytest.mark.parametrize(
    "pattern", [roles._HIRING, seniority._HIRED_JOB, location._ACRONYM_RE, salary._TERM_RE]
)
def test_first_character_lookaheads_keep_every_match(pattern: re.Pattern[str]) -> None:
    """A pattern that first checks what its match may start with finds what it found
    without the check, case-blind letters included ("ſeeking", "İf you are")."""
    plain = re.compile(pattern.pattern.split(")", 1)[1], pattern.flags)
    odd = ["We are ſeeking a Senior Data Engineer", "İf you are a Backend Engineer", "U.S.A. a.b"]
    for text in [*CORPUS, *odd]:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


@pytest.mark.parametrize(
    "check", [roles._TITLE_PREFILTER, seniority._TITLE_PREFILTER, jobwords._JOB_NOUN_CHECK]
)
def test_may_match_is_whether_any_pattern_may(check: Prefilter) -> None:
    for text in CORPUS:
        folded = folding.fold(text)
        assert check.may_match(folded) is bool(check.possible(folded)), folded
    assert Prefilter([re.compile(r"\w+")]).may_match("")  # a pattern without literals
    assert not Prefilter([re.compile("ml")]).may_match("design")


def test_by_first_letter_matches_where_the_alternatives_do() -> None:
    assert by_first_letter(r"eng|engineers?|devs|x+|\bml") == r"e(?:ng|ngineers?)|d(?:evs)|x+|\bml"
    written = re.compile(rf"\b(?:{jobwords._JOB_NOUN_WORDS})\b")
    assert written.pattern == jobwords._JOB_NOUNS.pattern
    grouped = jobwords._ANY_JOB_NOUN
    for text in CORPUS:
        folded = folding.fold(text)
        for start in range(len(folded) + 1):
            assert bool(grouped.match(folded, start)) is bool(written.match(folded, start))
