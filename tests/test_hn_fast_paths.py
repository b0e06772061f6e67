"""The Hacker News extractor's fast paths give what the plain versions gave."""

from __future__ import annotations

import re

import pytest

from pipelines.blurb import without_blurb
from pipelines.extract.hn.body import (
    _ALSO_HIRING,
    _ALSO_HIRING_KEYS,
    _DEPARTMENT,
    _DEPARTMENT_MARKS,
    _FIRST_SENTENCE_END,
    _HEAD_END,
    _HIRING_KEYS,
    _HIRING_VERB,
    _OPEN_POSITIONS,
    _OTHER_ROLES,
    _OTHER_ROLES_ENDS,
    _ROLES_HEADING,
    _hiring_verbs,
    _roles_heading,
)
from pipelines.extract.hn.comment import (
    _SIDE_AFTER,
    _SIDE_BEFORE,
    _holds,
    _side_of,
    _sides_of,
    without_other_sides,
)
from pipelines.extract.hn.company import _words_after
from pipelines.extract.hn.cues import (
    EMPLOYMENT,
    REMOTE,
    SALARY_SPAN,
    SALARY_WORD,
    VISA,
    classify_piece,
    is_salary,
    places_in,
)
from pipelines.extract.hn.header import (
    _DOT_SEP,
    _FRAME,
    _ORIGIN,
    _ORIGIN_KEYS,
    _ORIGIN_LINKS,
    _PROSE_HIRING,
    _PROSE_HIRING_KEYS,
    _PROSE_PLACE,
    _PROSE_PLACE_KEYS,
    _unframed,
)
from pipelines.extract.hn.titles import (
    _AND_MORE,
    _AND_MORE_KEYS,
    _MODE_AT_END,
    _MODE_AT_START,
    _MODE_KEYS,
    _TITLE_TAIL,
    _TITLE_TAIL_KEYS,
    Role,
    split_outside_parens,
    split_roles,
)
from pipelines.extract.hn.where import place_heading
from pipelines.text import any_in, lowered


def _split_per_character(text: str, seps: str) -> list[str]:
    """The plain version: a match tried at every character outside brackets."""
    out, depth, start, i = [], 0, 0, 0
    pattern = re.compile(seps)
    while i < len(text):
        ch = text[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = pattern.match(text, i)
            if m and m.end() > i:
                out.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    out.append(text[start:])
    return out


TEXTS = [
    "Acme | Senior Engineer | Remote (US | Canada) | $150k",
    "Acme (acme.io) - Berlin, Germany | Full-time",
    "a | b) | c ( d | e ] | f",  # unbalanced brackets
    "Lead [Data | ML] Engineer | {x | y} | z |",
    "| leading and trailing |",
    "x(|)y | (z",
    "",
    "no separators here",
    "one - two -- three — four (five - six) – seven",
]
SEPS = [r"\s*\|\s*", r"\s+(?:-{1,2}|–|—)\s+", r"\s*", r"\)?\s*\|", r"b?"]


@pytest.mark.parametrize("seps", SEPS)
def test_split_outside_parens_as_per_character(seps: str) -> None:
    for text in TEXTS:
        assert split_outside_parens(text, seps) == _split_per_character(text, seps), text


def test_split_outside_parens_keeps_brackets_whole() -> None:
    parts = split_outside_parens("Acme | Remote (US | EU) | ML", r"\s*\|\s*")
    assert parts == ["Acme", "Remote (US | EU)", "ML"]


@pytest.mark.parametrize(
    ("company", "paragraph", "dropped"),
    [
        ("Acme", "Acme applies machine learning to ad data.", True),
        ("Acme", "— ACME applies machine learning to ad data.", True),
        ("Acme", "Acmeville applies machine learning to ad data.", False),
        ("Acme", "Acme: our stack is Python and Postgres.", False),  # a stack cue
        ("Acme", "Join Acme to apply machine learning to ad data.", False),
        ("Acme", "Acme needs someone to run its Kubeflow training jobs.", False),  # an ask
        ("Acme", "We are looking for an engineer to ship AI agents.", False),
        ("Zürich Labs", "ZÜRICH LABS applies machine learning to ad data.", True),
        ("Acme.ai", "(acme.AI) applies machine learning to ad data.", True),
        ("Acme.ai", "Acme.aix applies machine learning to ad data.", False),
        ("Kite", "\u212aITE applies machine learning to ad data.", True),  # the Kelvin sign
        (None, "Acme applies machine learning to ad data.", False),
    ],
)
def test_without_blurb_drops_the_company_paragraph(
    company: str | None, paragraph: str, dropped: bool
) -> None:
    text = f"Acme | ML Engineer | Remote\n\n{paragraph}\n\nPython, PyTorch."
    kept = without_blurb(text, company)
    assert (paragraph not in kept) is dropped


def test_without_blurb_drops_the_story_sentences_of_fields() -> None:
    """A team's past ("We have shipped autonomous driving and LLMs") is not what the job
    asks; the sentence after it, which asks, is kept."""
    story = "We have shipped perception for autonomous driving and LLMs at scale."
    text = f"Acme | Perception Engineer | Remote\n\n{story} You know PyTorch well."
    kept = without_blurb(text, "Acme")
    assert story not in kept
    assert "PyTorch" in kept


def test_without_blurb_reads_the_story_sentences_of_the_header_paragraph_too() -> None:
    """The story can share the header's line: "… | ONSITE Acme is a payments platform. We
    make it easy to run AI agents for banks." asks no one for AI agents."""
    story = "We make it easy to run AI agents for banks."
    text = f"Acme | Engineer | ONSITE Acme is a payments platform. {story}\n\nPython, Go."
    kept = without_blurb(text, "Acme")
    assert story not in kept
    assert kept.startswith("Acme | Engineer | ONSITE")


def test_classify_piece_gives_a_fresh_segment() -> None:
    first = classify_piece("Full-time")
    first.kinds.add("role")
    assert "role" not in classify_piece("Full-time").kinds
    assert classify_piece("Full-time").kind == "employment"


def test_split_roles_gives_fresh_roles() -> None:
    """Its reading is cached; the roles handed out are the caller's to change."""
    first = split_roles("Platform Engineer, Data Scientist and Designer")
    first[0].title = "changed"
    first[1].place = "Leeds"
    first.pop()
    again = split_roles("Platform Engineer, Data Scientist and Designer")
    assert [(r.title, r.place) for r in again] == [
        ("Platform Engineer", None),
        ("Data Scientist", None),
        ("Designer", None),
    ]
    assert again[0] is not first[0]


def test_places_in_gives_a_fresh_list() -> None:
    first = places_in("Leeds, UK")
    first.clear()
    assert [p.countries for p in places_in("Leeds, UK")] == [("GB",)]


@pytest.mark.parametrize(
    "line",
    [
        "Open Roles:",
        "OPEN ROLES",
        "Current openings",
        "We're hiring for:",
        "Hiring",
        "We are hiring for",
        "Our team is small. We are currently looking for:",
        "We have these positions:",
        "What we're looking for:",
        "Roles: Backend Engineer, Designer",
        "We build tools for growers. Apply at the link below.",
        "Positions in Leeds and Bristol",
        "Open Roleſ",
    ],
)
def test_roles_heading_as_the_whole_search(line: str) -> None:
    assert _roles_heading(line) is bool(_ROLES_HEADING.search(line))


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Data Engineer", "We need a DATA ENGINEER for our platform."),
        ("Data Engineer", "Big-Data Engineering team"),
        ("Data Engineer", "Senior Data Engineers wanted"),
        ("ML Ops", "mlops"),
        ("C++ Dev", "Senior C++ Dev (Leeds)"),
        ("Ingénieur ML", "INGÉNIEUR ML à Lyon"),
        ("ML Engineer", "Senior ML ENGINEER — Lyon"),  # an ASCII title in other text
        ("Designer", "UX désigner"),
        ("Sr Dev", "\u017fr dev ahead"),  # the long s is an s to re.I
        ("Kelvin Lab", "\u212aelvin lab"),  # the Kelvin sign is a K to re.I
        ("Designer", ""),
        ("Designer", "designer"),
        ("Designer", "Designers and a Designer"),  # the second one is whole
        ("Designer", "UX_Designer"),
        ("Designer", "Designer2"),
        ("", "a b"),
    ],
)
def test_holds_as_the_whole_words_pattern(title: str, text: str) -> None:
    whole = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.I)
    assert _holds(title, text) is bool(whole.search(text))


@pytest.mark.parametrize(
    "text",
    [
        "We are ALSO hiring a Backend Engineer (Go) for the platform.",
        "Additionally looking for: Data Analyst",
        "And we're seeking a Designer",
        "Plus: Senior Data Analyst and Staff ML Engineer",
        "We also have two designer positions open.",
        "FDEs welcome as well.",
        "We al\u017fo need a Designer",  # the long s is an s to re.I
        "We need a Designer.",
    ],
)
def test_also_hiring_keys_hold_every_mention(text: str) -> None:
    """A text without one of the keys has no role added in passing to find."""
    if _ALSO_HIRING.search(text):
        assert any_in(_ALSO_HIRING_KEYS, lowered(text))


def test_each_role_reads_its_side_of_a_stack_in_any_order() -> None:
    """The clauses of a shared text are read once; each role still gets its own side."""
    text = "Clojure on the backend, React on the frontend.\nPostgres."
    roles = [Role("Backend Engineer"), Role("Frontend Engineer")]
    backend = without_other_sides(text, roles[0], roles)
    frontend = without_other_sides(text, roles[1], roles)
    assert "React" not in backend and "Clojure" in backend
    assert "Clojure" not in frontend and "React" in frontend
    assert without_other_sides(text, roles[0], roles) == backend
    assert "Postgres" in backend and "Postgres" in frontend


@pytest.mark.parametrize(
    "line",
    [
        "We're HIRING: data engineers, QA engineers and writers",
        "Looking to add a designer",
        "Roles include: Backend, Frontend, Data",
        "We invite applications for two posts",
        "Position open on our team: SRE",
        "We want to hire a Go developer",
        "Our stack is Go and Postgres.",
        "Seeking\u0131 nothing",  # an odd-case letter inside a word
    ],
)
def test_hiring_keys_hold_every_hiring_verb(line: str) -> None:
    """A line without a hiring key has no hiring verb to find."""
    if not any_in(_HIRING_KEYS, lowered(line)):
        assert _HIRING_VERB.search(line) is None
    assert list(_hiring_verbs(line)) or _HIRING_VERB.search(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$150k - $180k", True),
        ("120K + equity", True),
        ("22 000 – 28 000 zł netto", True),
        ("Competitive salary and equity", False),  # no figure: no pay the parser reads
        ("Raised $20M Series B", False),
        ("Senior Engineer", False),
        ("\u0661\u0665\u0660k USD", True),  # digits of another script are digits too
    ],
)
def test_is_salary_needs_a_digit(text: str, expected: bool) -> None:
    assert is_salary(text) is expected


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("London office:", ("London", None)),
        ("*INDIA:", ("INDIA", None)),
        ("  ## NEW YORK  ", ("NEW YORK", None)),
        ("ÉTATS-UNIS", ("ÉTATS-UNIS", None)),  # capitals beyond ASCII
        ("REMOTE (EU)", ("REMOTE (EU)", "REMOTE (EU)")),
        ("Remote (EU)", None),  # neither a colon nor capitals
        ("Berlin", None),
        ("We build tools for growers.", None),
    ],
)
def test_place_heading_needs_a_colon_or_capitals(
    line: str, heading: tuple[str | None, str | None] | None
) -> None:
    assert place_heading(line) == heading


@pytest.mark.parametrize(
    "text",
    [
        "Backend Engineer, Designer, and several other roles",
        "Backend Engineer, Designer & many more POSITIONS",
        "Backend Engineer, Designer plus other jobſ",  # the long s is an s to re.I
        "Backend Engineer, Designer, and other roles we love",
    ],
)
def test_other_roles_ends_hold_every_match(text: str) -> None:
    if _OTHER_ROLES.search(text):
        assert lowered(text).endswith(_OTHER_ROLES_ENDS)


@pytest.mark.parametrize(
    "line",
    [
        "Engineering (13 roles): Backend, Frontend",
        "Design - Graphic Designer, UI/UX",
        "Research — Research Scientists, HPC Engineers",
        "Sales",
        "Engineering Backend Frontend",
    ],
)
def test_department_marks_hold_every_match(line: str) -> None:
    if _DEPARTMENT.match(line):
        assert any_in(_DEPARTMENT_MARKS, line)


@pytest.mark.parametrize(
    "text",
    [
        "Senior Engineer | $150k - $180k + equity | Remote",
        "CA$120,000–140,000/year",
        "€70-90k DOE, 25 days off",
        "120K USD base, 4 days a week",
        "CHF 140'000 p.a.",
        "₹ 30 LPA (Lead) / ₹ 15–25 LPA (Data Scientist)",
        "US$90/hr, contract",
        "\u0661\u0665\u0660k USD",  # digits of another script
        "no pay stated here",
    ],
)
def test_salary_span_as_without_its_first_character_check(text: str) -> None:
    start = SALARY_SPAN.pattern.index(")") + 1  # the lookahead of what a span starts with
    plain = re.compile(SALARY_SPAN.pattern[start:])
    assert [m.span() for m in SALARY_SPAN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Acme Robotics is hiring ML engineers in Berlin",
        "Acme and Co are currently looking for a designer",
        "Acme is actively seeking a Data Scientist",
        "Acme is now searching for interns",
        "Acme is looking to hire engineers",
        "Acme builds robots.",
    ],
)
def test_prose_hiring_keys_hold_every_match(text: str) -> None:
    if _PROSE_HIRING.match(text):
        assert any_in(_PROSE_HIRING_KEYS, text)


@pytest.mark.parametrize(
    "line",
    [
        "We have two engineering positions open in Leeds",
        "We HAVE several roles available",
        "We haſ no roles",
        "We have offices in Leeds",
    ],
)
def test_open_positions_need_have(line: str) -> None:
    if _OPEN_POSITIONS.search(line):
        assert "have" in lowered(line)


@pytest.mark.parametrize(
    ("clause", "named"),
    [
        ("Back End: Go, Postgres", {"backend", "frontend"}),
        ("React on the front-end", {"backend", "frontend"}),
        ("full stack on the BACK END", {"backend"}),
        ("Kotlin on the mobile side", {"mobile", "web"}),
        ("Python for the data layer", {"data", "platform"}),
        ("we ship every week", {"backend", "frontend"}),
    ],
)
def test_a_clause_is_read_for_sides_only_when_it_may_name_one(clause: str, named: set) -> None:
    """The cheap test first: what the patterns give, for a clause that names a side or not."""
    named = frozenset(named)
    before = _side_of(clause, _SIDE_BEFORE.match) & named
    after = _side_of(clause, _SIDE_AFTER.search) & named
    assert _sides_of(clause, named) == (before, after)


@pytest.mark.parametrize(
    ("pattern", "plain"),
    [
        (_HEAD_END, r"\s*:(?:\s+|$)|\s+(?:--|->|→|[-–—|@•·])\s+"),
        (_FIRST_SENTENCE_END, r"(?:(?<=[^\W\d_]{4})|(?<=\)))\.\s+(?=[A-Z])"),
    ],
)
def test_title_ends_start_with_their_first_character(pattern: re.Pattern[str], plain: str) -> None:
    """Searched from every position, the pattern written class first finds what the plain
    one finds."""
    lines = [
        "Senior Engineer: Python, Go",
        "Lead Designer : remote",
        "ML Engineer - Berlin -- onsite -> SF | Remote • Full-time @ Acme",
        "Data Scientist:",
        "Head of Marketing. Own it. (Growth). Next",
        "ab. C abcd. E ab1d. F é.  Z",
        ": x\t:\ty",
    ]
    for line in lines:
        for i in range(len(line) + 1):
            found, expected = pattern.search(line, i), re.compile(plain).search(line, i)
            assert (found and found.span()) == (expected and expected.span()), (line, i)


def test_dot_separator_splits_as_the_look_behind_first_pattern() -> None:
    plain = re.compile(r"(?<=[\w)])\.\s+(?=\S)")
    for line in ["Acme. Berlin. Remote", "Acme (YC W21). ML Engineer", "e.g. this . not", "a.b. c"]:
        assert _DOT_SEP.split(line) == plain.split(line)


@pytest.mark.parametrize("pattern", [SALARY_WORD, REMOTE, EMPLOYMENT, VISA])
def test_word_lists_as_without_their_first_letter_check(pattern: re.Pattern[str]) -> None:
    """A word list that looks at the first letter of its words first finds what it finds
    without that look, in any case (also "ſ", "K", "İ" that an re.I match reads as s, k, i)."""
    gate = pattern.pattern[2 : pattern.pattern.index(")") + 1]  # after "\\b": "(?=[…])"
    plain = re.compile(pattern.pattern.replace(gate, "", 1), pattern.flags)
    words = (
        "Salary salaries COMPENSATION comp pay Base OTE Gehalt salario sueldo salaire "
        "rémunération remuneration | Remote REMOTELY remote-first ON-SITE onsite on site "
        "in-office In Person hybrid WFH work from home distributed telecommute homeoffice "
        "home office remoto remota télétravail teletrabajo presencial hybride híbrido hibrido "
        "vor ort op locatie thuiswerken sur site zdalnie zdalna hybrydowo stacjonarnie "
        "présentiel | full-time Part Time contractors freelancers Internships permanent "
        "temporary temp FT pt fte co-op vollzeit teilzeit festanstellung tiempo completo "
        "jornada completa temps plein CDI cdd voltijd deeltijd W-2 W2 1099 c2c salaried "
        "employee perm | visas H-1B h1b sponsorship sponsors relocation relocate green cards "
        "| ſalary ſponsor \u212aelvin İnterns ınterns"
    )
    for text in [words, words.upper(), words.lower(), "no such words here"]:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


_TITLE_ENDS = [
    "Data Engineers of all levels",
    "Engineers at all experience levels,",
    "Designer, preferably",
    "Backend Engineer & more!!",
    "Analyst, experienced",
    "Designers too",
    "PMs as well",
    "Engineers and many others",
    "Developer! H-1-B ok",
    "Developer VISA sponsorship (US)",
    "Go Engineer | REMOTE",
    "Internship, fully on-site only",
    "HYBRID - DevOps Manager",
    "Designer in-office",
    "Acme hires ſenior engineers - Remote",
    "Relocation support for EU candidates",
    "Salary range for US-based",
    "visas from anywhere",
    "Immigration help from day one",
    "Hiring in Berlin",
    "we're located in sunny Leeds",
    "All jobs are full-time in Austin, TX",
    "Offices in Oslo and Riga",
    "Frontend, backend, etc.",
    "Engineers, designers and many more here!",
    "PMs and others",
    "Designers...",
    "Designers…",
    "Plain Senior Engineer",
]


@pytest.mark.parametrize(
    ("pattern", "keys", "lowers"),
    [
        (_TITLE_TAIL, _TITLE_TAIL_KEYS, True),
        (_MODE_AT_END, _MODE_KEYS, True),
        (_MODE_AT_START, _MODE_KEYS, True),
        (_ORIGIN, _ORIGIN_KEYS, True),
        (_ORIGIN, _ORIGIN_LINKS, True),
        (_PROSE_PLACE, _PROSE_PLACE_KEYS, True),
        (_AND_MORE, _AND_MORE_KEYS, False),
    ],
)
def test_keys_hold_every_match(
    pattern: re.Pattern[str], keys: tuple[str, ...], lowers: bool
) -> None:
    """A pattern tried only when one of its keys is in the text finds nothing without one."""
    for text in _TITLE_ENDS:
        if pattern.search(text):
            assert any_in(keys, lowered(text) if lowers else text), text


@pytest.mark.parametrize(
    "line", ["** Acme | Remote **", "=== Acme ===", "Acme | Remote", "\u2003Acme", ""]
)
def test_header_line_unframed_as_the_whole_pattern(line: str) -> None:
    assert _unframed(line) == _FRAME.sub("", line)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Galaxy", "Baltimore MD, Galaxy Project at Johns Hopkins"),
        ("Galaxy", "MilkyGalaxy Foo, Galaxy Bar Baz"),  # inside a word first, then alone
        ("Galaxy", "Pre-Galaxy Foo | Galaxy"),  # after a hyphen: no name; then no words
        ("Galaxy", "Galaxy"),
        ("Galaxy", "Galaxy labs, Galaxy\tLabs Inc"),  # lower case first, then a tab
        ("Acme", "éAcme Robotics | Acme  Robotics’ AI"),  # a letter before: not the name
        ("a.b", "axb Corp, a.b Corp"),  # a literal dot, not any character
        ("aa", "aaa Foo"),  # overlapping: the second "aa" follows a letter
        ("aa", " aa aa Foo"),
        ("C++ (Co)", "We are C++ (Co) Big-Data & Más"),
        ("Ünïcode", "_Ünïcode X, Ünïcode Ÿes Ok"),  # "Ÿ" is no [A-Z]
    ],
)
def test_words_after_a_name_as_the_pattern_per_name(name: str, line: str) -> None:
    m = re.search(rf"(?<![\w-]){re.escape(name)}((?:\s+[A-Z][\w&'’-]*)+)", line)
    assert _words_after(name, line) == (m[1] if m else None)
