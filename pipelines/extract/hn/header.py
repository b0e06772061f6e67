"""The header of an HN comment: its first line(s) read as pipe, dash, "Role at Company",
"Key: value", prose ("Acme is hiring …") or short lines, into company, roles, places, work
mode and pay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.classify import classify_role, classify_seniority, has_job_head, names_a_job
from pipelines.extract.hn.company import (
    clean_company,
    domain_named,
    intro_company,
    lone_name,
    name_key,
    only_places,
    owner_of_team,
    place_led,
    spelled_name,
)
from pipelines.extract.hn.cues import (
    EMPLOYMENT,
    GENERIC_ROLE,
    META_START,
    REMOTE,
    SALARY_LABEL,
    SALARY_SPAN,
    SENTENCE_BREAK,
    URL_ONLY,
    Segment,
    classify_piece,
    has_email,
    has_place,
    is_place_name,
    is_salary,
    places_in,
    qualifies_place,
)
from pipelines.extract.hn.titles import (
    BARE_SPECIALTY,
    DEPARTMENT_WORD,
    SENTENCE_WORD,
    Role,
    department_roles,
    is_context,
    one_hire_each,
    outside_parens,
    split_outside_parens,
    split_roles,
)
from pipelines.location import prepare
from pipelines.remote import remote_mode
from pipelines.salary import find_salaries
from pipelines.text import any_in, lowered

_PROSE_HIRING = re.compile(
    r"^(?P<company>[A-Z0-9](?:[^.!?|:;]|\.(?=\w)){0,60}?)\s+(?:is|are)\s+(?:now\s+|currently\s+|actively\s+)?"
    r"(?:hiring|looking for|seeking|searching for|looking to hire)\b\s*(?:for\s+)?"
    r"(?P<rest>[^\n]*)",
)
_PROSE_HIRING_KEYS = ("hiring", "looking", "seeking", "searching")  # one is in every match
_WE_HIRING = re.compile(
    r"^(?:hi[!,.]?\s+)?we(?:'re|’re| are)\s+(?:now\s+|currently\s+)?(?:hiring|looking for|"
    r"seeking)\b\s*(?:for\s+)?(?P<rest>[^\n]*)",
    re.I,
)
_AT_HEADER = re.compile(r"^(?P<role>[^@]{3,80}?)\s+(?:@|at)\s+(?P<company>[A-Z][^()|]{1,50}?)"
                        r"\s*(?:\((?P<paren>[^)]*)\))?\s*$")  # fmt: skip
_KV = re.compile(
    r"^\s*(?P<key>company|company name|employer|role|roles|position|positions|job title|title|"
    r"job summary|"
    r"job|location|locations|salary|compensation|comp|pay|remote|work ?type|type|"
    r"open roles|hiring)\s*:\s*(?P<value>.+)$",
    re.I,
)


@dataclass
class Header:
    company: str | None = None
    roles: list[Role] = field(default_factory=list)
    # Departments named instead of jobs ("Engineering, Product, Sales"): the roles when the
    # body names none of its own.
    teams: list[Role] = field(default_factory=list)
    generic_roles: bool = False
    locations: list[str] = field(default_factory=list)
    remotes: list[str] = field(default_factory=list)
    salary: str | None = None
    # Interns taken beside another employment type ("Full time, interns/co-ops"): one more
    # hire when the post names no role.
    interns: str | None = None
    # A kind of engineering named alone ("Forward Deployment Engineering (AI/ML)"): the job
    # when the post names no other.
    function: str | None = None
    kind: str = "none"  # pipe / dash / kv / prose / at / none


def _first_sentence(line: str) -> str:
    if len(line) <= 120:
        return line
    return _SENTENCE_END.split(line, maxsplit=1)[0]


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!]\s+(?=[A-Z])")
_FRAME = re.compile(r"^[*#=~_\s]+|[*#=~_\s]+$")  # "**Acme | …**", "=== Acme ==="


def _framing(char: str) -> bool:
    """Whether a character is one `_FRAME` takes (its "\\s" is what str.isspace says)."""
    return char.isspace() or char in "*#=~_"


def _unframed(line: str) -> str:
    """`line` without the marks around it: looked for only when it starts or ends with one,
    as every match of `_FRAME` does (the pattern is tried at every position)."""
    return _FRAME.sub("", line) if _framing(line[:1]) or _framing(line[-1:]) else line


def _header_line(lines: list[str]) -> str:
    """The first line, joined with the next when the header is visibly wrapped."""
    line = _unframed(lines[0]) or lines[0]
    i = 1
    while i < len(lines) and i < 4:
        nxt = lines[i]
        if line.rstrip().endswith("|") or nxt.lstrip().startswith("|"):
            line = f"{line.rstrip()} {nxt.strip()}"
            i += 1
            continue
        break
    return line


def _apply_segments(header: Header, segments: list[Segment], first_is_company: bool) -> None:
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if not text:
            continue
        if i == 0 and first_is_company:
            header.company = clean_company(text)
            continue
        kind = seg.kind
        if kind == "role":
            header.roles.extend(split_roles(text))
            if "salary" in seg.kinds and header.salary is None and len(header.roles) > 1:
                pass
            continue
        if kind == "other" and _between_roles(segments, i) and _team_or_specialty(text):
            header.roles.append(Role(text))  # "… | Solution Engineer | Growth Marketing | AE"
            continue
        if kind == "other" and (teams := department_roles(text)):
            header.teams.extend(teams)  # "Acme | Engineering, Product, Sales | Seattle"
            continue
        if (
            kind == "other"
            and (_ENGINEERING_FUNCTION.fullmatch(text) or _BUSINESS_FUNCTION.fullmatch(text))
            and not GENERIC_ROLE.match(text)
        ):
            header.function = header.function or text  # "Forward Deployment Engineering (AI/ML)"
            continue
        if "generic_role" in seg.kinds:
            header.generic_roles = True
            header.roles.extend(_named_roles(text))
        if "salary" in seg.kinds and header.salary is None:
            header.salary = _salary_text(text, seg)
        if "employment" in seg.kinds:
            header.interns = header.interns or _interns_tag(text)
            header.roles.extend(_seasonal_interns(text))
        if "location" in seg.kinds and has_place(place := _job_place(text, seg)):
            header.locations.append(place)
        if "remote" in seg.kinds:
            header.remotes.append(_remote_words(text, seg))


# A kind of engineering named as the job: "Forward Deployment Engineering (AI/ML)"; not
# "Software Engineering & Sales" (teams) nor "Multiple Engineering Roles".
_ENGINEERING_FUNCTION = re.compile(
    r"(?:[A-Z][\w&/+-]*\s+){1,3}Engineering(?:\s*\([^()]{1,20}\))?", re.I
)


# A business function named as the job, alone or two of them: "Sales", "Product Marketing &
# Digital Marketing" (not "Data" or "AI", which a header names as the company's field).
_FUNCTION = (
    r"(?:[\w-]+\s+)?(?:sales|marketing|recruiting|customer\s+success|business\s+development|bizdev)"
)
_BUSINESS_FUNCTION = re.compile(rf"{_FUNCTION}(?:\s*(?:&|and|/)\s*{_FUNCTION})?", re.I)


_INTERNS = re.compile(r"^(?:interns?(?:hips?)?|co-?ops?)(?:\s*/\s*(?:interns?|co-?ops?))?$", re.I)
_TAG_SEP = re.compile(r"\s*(?:[,&+;]|\band\b)\s*", re.I)


_SEASONAL_INTERNS = re.compile(
    r"(?:summer|fall|autumn|winter|spring)(?:\s+\d{4})?\s+interns?(?:hips?)?", re.I
)


def _seasonal_interns(text: str) -> list[Role]:
    """Interns of a season named among header tags ("Fall Interns, H1B welcome!"): a hire of
    its own, where bare "Interns" is only an employment type."""
    return [Role(t) for t in _TAG_SEP.split(text.strip(" .!")) if _SEASONAL_INTERNS.fullmatch(t)]


def _interns_tag(text: str) -> str | None:
    """The interns of an employment piece that names another type too: "Full time,
    interns/co-ops" → "interns/co-ops"; none in "Internship" alone or "Interns, Visa"."""
    tags = [t for t in _TAG_SEP.split(text.strip(" .")) if t]
    interns = [t for t in tags if _INTERNS.match(t)]
    others = [t for t in tags if not _INTERNS.match(t) and EMPLOYMENT.fullmatch(t)]
    return interns[0] if len(interns) == 1 and others else None


def _between_roles(segments: list[Segment], i: int) -> bool:
    """Whether the pieces on both sides of piece `i` are roles."""
    return 0 < i < len(segments) - 1 and all(segments[j].kind == "role" for j in (i - 1, i + 1))


def _team_or_specialty(text: str) -> bool:
    """Whether a piece is a team ("Growth Marketing") or a level and specialty ("Senior
    Android"): among the header's titles it is one more job; a name or a slogan is not."""
    return bool(DEPARTMENT_WORD.fullmatch(text) or BARE_SPECIALTY.fullmatch(text))


# A count or quantifier around a title ("2 Sr. Architects", "Data Engineer multiple").
_COUNT = re.compile(
    r"^(?:\d+|multiple|several|various|many|few|some)\s+(?=\S)|\s+(?:multiple|several|many)$",
    re.I,
)
# A link, with the label that introduces it ("Posting: https://…", "(https://…)").
_LINK = re.compile(r"(?:\b\w+\s*:\s*)?\(?\s*https?://\S+\s*\)?")


_HEAD_OF = re.compile(r"^head of\s+\w", re.I)


def _titled(text: str) -> bool:
    """Whether a role holds a job's head noun, or heads a field ("Head of AI")."""
    return has_job_head(text) or bool(_HEAD_OF.match(text))


def _named_roles(text: str) -> list[Role]:
    """The titles a piece read as openings in general still names: ".NET Engineer Roles",
    "2 Sr. AI Systems Architect", "Backend Engineer (https://…/jobs/…)". None in "Multiple
    Roles", "All Eng Roles" or "Engineering positions"; "Head of AI" in "Head of AI + All Eng
    Roles"."""
    roles = split_roles(_LINK.sub(" ", text))
    for role in roles:
        role.title = _COUNT.sub("", role.title.strip())
    named = [r for r in roles if _titled(r.title) and not GENERIC_ROLE.match(r.title)]
    return named or _specialties_of_a_field(text)


# Openings of a field named once for a list of specialties: "Frontend, AI, and Full-stack
# software engineering roles" (the field after the last specialty).
_FIELD_ROLES = re.compile(
    r"\s(?P<field>(?:software )?(?:engineering|development)) (?:roles|positions|openings|jobs)"
    r"[.!]?$",
    re.I,
)


def _specialties_of_a_field(text: str) -> list[Role]:
    """ "Frontend, AI, and Full-stack software engineering roles" → "Frontend software
    engineering", "AI software engineering", "Full-stack software engineering": each
    specialty of the list with the field they share; none unless every item is a specialty."""
    m = _FIELD_ROLES.search(text.strip())
    if m is None:
        return []
    listed = text.strip()[: m.start()]
    items = [i for i in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+", listed) if i]
    if len(items) < 2 or not all(BARE_SPECIALTY.fullmatch(i) for i in items):
        return []
    return [Role(f"{item} {m['field']}") for item in items]


def _salary_text(text: str, seg: Segment) -> str | None:
    pure = not (seg.kinds & {"remote", "location", "role", "employment"})
    body = SALARY_LABEL.sub("", text).strip()
    if pure and len(body) <= 80:
        return body or None
    m = SALARY_SPAN.search(text)
    return m.group(0).strip(" ,;") if m else None


# Where the people a visa, relocation or pay offer is for come from: no place of the job
# ("Immigration support for US candidates", "relocation from US/EU", "Salary range for
# US-based").
_ORIGIN = re.compile(
    r"[,;]?[^,;()|]*\b(?:relocat\w*|immigration|visas?|sponsor\w*|salary|pay|range)\b[^,;()|]*?"
    r"\b(?:for|from)\s"
    r"[^,;()|]*",
    re.I,
)


# Words every match of _ORIGIN holds (lowered): a costly pattern, tried at every position.
_ORIGIN_KEYS = ("relocat", "immigration", "visa", "sponsor", "salary", "pay", "range")
_ORIGIN_LINKS = ("for", "from")


def _without_origin(text: str) -> str:
    """`text` without the words about where the people an offer is for come from."""
    low = lowered(text)
    if any_in(_ORIGIN_KEYS, low) and any_in(_ORIGIN_LINKS, low):
        return _ORIGIN.sub(" ", text)
    return text


_REMOTE_PREFERENCE = re.compile(r"(\bremote\b[\s:,-]*)\([^(),]*\bpreferred\s*\)", re.I)
_EMPTY_PARENS = re.compile(r"\s*\(\W*\)")


def _job_place(text: str, seg: Segment) -> str:
    """The words of a header piece about where the job is, without those about where the
    people a visa, relocation or pay offer is for come from, nor where remote workers are
    only preferred to be ("REMOTE (US-based preferred)")."""
    text = _REMOTE_PREFERENCE.sub(r"\1", _without_origin(text))
    return _EMPTY_PARENS.sub("", _location_text(text, seg))


def _location_text(text: str, seg: Segment) -> str:
    if "salary" in seg.kinds:
        text = SALARY_SPAN.sub(" ", text)
    text = _LOCATION_LABEL.sub("", text)
    text = _LINK_ASIDE.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" ,;|-–—")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


_LOCATION_LABEL = re.compile(r"^(?:location|locations)\s*:\s*", re.I)
_LINK_ASIDE = re.compile(r"\(?\s*https?://\S+\s*\)?")  # a link, in brackets or not
_SPACES = re.compile(r"\s+")
_REMOTE_LABEL = re.compile(r"^(?:remote|work ?type)\s*:\s*", re.I)


def _remote_words(text: str, seg: Segment) -> str:
    text = _REMOTE_LABEL.sub("", text) if ":" in text else text
    return _location_text(text, seg)


_ROLES_LABEL = re.compile(
    r"^\s*(?:(?:open|multiple|several|various|many)\s+)?(?:roles|positions)\s*:\s*\[?(?P<roles>[^\[\]]+)\]?\s*$",
    re.I,
)


def _unlabelled(piece: str) -> str:
    """A header piece without a label that says it lists roles: "Roles: [A, B]" → "A, B"."""
    m = _ROLES_LABEL.match(piece)
    return m["roles"] if m else piece


def _pipe_header(line: str, lines: list[str]) -> Header | None:
    parts = [_unlabelled(p) for p in split_outside_parens(line, r"\s*\|\s*") if p.strip()]
    if len(parts) < 2:
        return None
    segs = [classify_piece(p) for p in parts]
    if not any(s.kind != "other" or "generic_role" in s.kinds for s in segs[1:]):
        return None
    header = Header(kind="pipe")
    # "Acme (acme.io) - Berlin, Germany | ...": a dash inside the first piece.
    head = split_outside_parens(parts[0], r"\s+(?:-{1,2}|–|—)\s+")
    if len(head) == 2 and classify_piece(head[1]).kind in ("location", "remote"):
        segs[0:1] = [classify_piece(head[0]), classify_piece(head[1])]
    first = segs[0]
    # "Senior ML Engineer | Acme | Berlin": a title first and a plain name second.
    first_is_company = not (
        first.kind in ("role", "remote", "location", "salary", "employment")
        and first.kinds & {"role", "remote", "salary", "employment"}
    )
    if first.kind == "location" and not (first.kinds - {"location"}):
        # "Boston Dynamics | ..." is a company that sounds like a place; "Paris, France" is not.
        name = first.text.strip()
        first_is_company = not (re.search(r",\s*\S", name) or is_place_name(name))
        # "Yassi | Senior Engineer (Go) 3 days in-office Chicago": a one-word name that is
        # also some town's, where no other piece can be the company's name.
        if not first_is_company and " " not in name:
            first_is_company = not any(s.kind == "other" for s in segs[1:])
    if (
        first.kind == "role"
        and classify_role(first.text) == "other"
        and not any(seg.kind == "other" for seg in segs[1:])
    ):
        # "Brightline Tutors | Remote (US) | Hourly": a name, no title; unless the comment
        # names its company otherwise ("Ops Evangelist | S.F. | …" then "At Scalyr, we …").
        other = _site_name(line) or intro_company(lines)
        # A title of one job is no name either ("Review Specialist | Remote | Contract"),
        # unless its site or prose says it is ("Tally Assistant https://tallyassistant.io").
        if other is None:
            first_is_company = not _one_job_named(first.text)
        else:
            first_is_company = name_key(other) in name_key(first.text)
    _apply_segments(header, segs, first_is_company)
    if not first_is_company and first.kind == "role" and len(segs) > 1 and segs[1].kind == "other":
        header.company = clean_company(segs[1].text)
    elif not first_is_company and header.company is None:
        # "REMOTE | Full-time | Senior ML Engineer | Lanternfish Health | US only": the one
        # piece that is nothing else is the name.
        others = [seg for seg in segs if seg.kind == "other" and "generic_role" not in seg.kinds]
        if len(others) > 1:  # "Senior Android" is a level and a platform, not a name
            others = [s for s in others if classify_seniority(s.text) == "unknown"]
        if len(others) == 1:
            header.company = clean_company(others[0].text)
    return header


_DOT_SEP = re.compile(r"\.(?<=[\w)]\.)\s+(?=\S)")  # the dot first: the engine scans for it
_DOT_PIECE_WORDS = 6


def _dot_header(line: str, lines: list[str]) -> Header | None:
    """A header whose pieces end in full stops instead of bars ("Lyon, France. Acme. Data
    Engineer. Full-time, Onsite."): short pieces, none a sentence, one a job's title and one
    a place or a work mode, read as the bar header they stand for."""
    pieces = [p.strip() for p in _DOT_SEP.split(line.strip().rstrip(".")) if p.strip()]
    if len(pieces) < 3 or any(
        len(p.split()) > _DOT_PIECE_WORDS or SENTENCE_WORD.search(p) for p in pieces
    ):
        return None
    kinds = {classify_piece(p).kind for p in pieces}
    if "role" not in kinds or not kinds & {"location", "remote"}:
        return None
    return _pipe_header(" | ".join(pieces), lines)


def _one_job_named(text: str) -> bool:
    """Whether a piece is one job's title, of two words or more, ending on its job noun in
    the singular ("AI Model Assessment Specialist", "Programming Tutor Needed"): a title, not
    a name, where a company named for its trade says it in the plural ("Brightline Tutors")
    or beside a site of its own name ("Tally Assistant https://tallyassistant.io")."""
    asides = r"\([^()]*\)|https?://\S+"  # "Acme (acme.io)", "Acme https://acme.io"
    bare = re.sub(asides, " ", text).strip()
    if name_key(bare) and name_key(bare) in name_key(" ".join(re.findall(asides, text))):
        return False
    words = re.sub(r"\s+(?:needed|wanted)$", "", bare, flags=re.I).split()
    last = words[-1] if words else ""
    return len(words) >= 2 and names_a_job(last) and not last.lower().endswith("s")


def _dash_header(line: str) -> Header | None:
    if len(line) > 160:
        return None
    parts = split_outside_parens(line, r"\s+(?:-{1,2}|–|—|•|·|::)\s+|\s*[—–]\s*")
    if len(parts) == 1:
        # "Acme / Scala Engineer / San Francisco, CA": three or more pieces around slashes
        slashed = split_outside_parens(line, r"\s+/\s+")
        parts = slashed if len(slashed) >= 3 else parts
    # Keep salary ranges together: "$150k - $200k".
    merged: list[str] = []
    for p in parts:
        if merged and re.search(r"\d\s*[kK]?$", merged[-1]) and re.match(r"\s*[$€£]?\d", p):
            merged[-1] = merged[-1] + "-" + p
        else:
            merged.append(p)
    parts = [p for p in merged if p.strip()]
    if len(parts) < 2:
        return None
    segs = [classify_piece(p) for p in parts]
    useful = [s for s in segs[1:] if s.kind not in ("other", "url") or "generic_role" in s.kinds]
    if not useful and segs[0].kind != "role":
        return None
    header = Header(kind="dash")
    first = segs[0]
    if first.kind == "role" and "location" not in first.kinds:
        # "Founding Engineer - Acme - Berlin" or "Hiring: X and Y (Remote) – Acme"
        _apply_segments(header, segs, first_is_company=False)
        others = [s for s in segs[1:] if s.kind == "other"]
        if others:
            header.company = clean_company(others[0].text)
        return header
    first_is_company = not only_places(first.text)
    _apply_segments(header, segs, first_is_company=first_is_company)
    if not first_is_company:
        header.company = lone_name(segs[1:])
    return header


def _at_header(line: str) -> Header | None:
    m = _AT_HEADER.match(line.strip())
    if not m or not names_a_job(m.group("role")) or SENTENCE_WORD.search(m.group("role")):
        return None
    if re.search(r"\b(?:i'm|i am|i’m|hi)\b", m.group("role"), re.I):
        return None  # "Hi HN, I'm the CTO at Ledgerleaf": a sentence, read as prose
    header = Header(kind="at", company=clean_company(m.group("company")))
    header.roles = split_roles(m.group("role"))
    if paren := m.group("paren"):
        seg = classify_piece(paren)
        _apply_segments(header, [seg], first_is_company=False)
    return header


def _kv_header(lines: list[str]) -> Header | None:
    found: dict[str, str] = {}
    for line in lines[:15]:
        if m := _KV.match(line):
            key = m.group("key").lower()
            found.setdefault(key, m.group("value").strip())
    if len(found) < 2 or not (found.keys() & {"company", "company name", "employer"}):
        return None
    header = Header(kind="kv")
    for key, value in found.items():
        if key in ("company", "company name", "employer"):
            header.company = clean_company(value)
        elif key in ("role", "roles", "position", "positions", "job title", "title", "job",
                     "job summary", "open roles", "hiring"):  # fmt: skip
            seg = classify_piece(value)
            if "generic_role" in seg.kinds:
                header.generic_roles = True
            header.roles.extend(split_roles(value))
        elif key in ("location", "locations"):
            seg = classify_piece(value)
            header.locations.append(_location_text(value, seg))
            if "remote" in seg.kinds:
                header.remotes.append(_remote_words(value, seg))
        elif key in ("salary", "compensation", "comp", "pay"):
            if is_salary(value):
                header.salary = SALARY_LABEL.sub("", value).strip() or None
        elif key in ("remote", "work type", "worktype", "type") and REMOTE.search(value):
            header.remotes.append(value.strip())
    return header


# Where the roles of a prose header end, outside brackets ("designers (able to code), …").
_PROSE_END = re.compile(
    r"\s+(?:to|who|that|for|with|across|on|at)\s+|[.!;:]|"
    r"\s+(?:well[- ])?(?:versed|experienced|skilled)\s+in\b"  # "… managers well versed in ML"
)


def _prose_header(lines: list[str]) -> Header | None:
    first = lines[0]
    sentence = SENTENCE_BREAK.split(first, maxsplit=1)[0]
    company = None
    if any_in(_PROSE_HIRING_KEYS, sentence) and (m := _PROSE_HIRING.match(sentence)):
        company = clean_company(m.group("company"))
        rest = m.group("rest")
    elif m := _WE_HIRING.match(sentence):
        rest = m.group("rest")
    else:
        return None
    header = Header(kind="prose", company=company)
    # "... ML engineers in Berlin (remote OK)." → roles | location | context
    rest = rest.rstrip(" .!")
    loc = None
    for lm in re.finditer(r"\s+(?:in|based in|located in)\s+(?P<loc>[^.!;()]+)", rest):
        candidate = re.split(r"\s+(?:to|who|for|with|and help|working)\s+", lm.group("loc"))[0]
        if has_place(" ".join(candidate.split()[:3])) or REMOTE.match(candidate):
            loc = candidate.strip(" ,")
            rest = rest[: lm.start()]
            break
    paren = re.search(r"[(\[]([^()\[\]]*)[)\]]", rest)
    if paren and is_context(paren.group(1)):
        seg = classify_piece(paren.group(1))
        _apply_segments(header, [seg], first_is_company=False)
        rest = rest[: paren.start()] + rest[paren.end() :]
    rest = rest[: outside_parens(_PROSE_END, rest)]
    rest = re.sub(r"^(?:an?|our|(?:a |an )?(?:few|couple of|several|two|three|multiple)|"
                  r"(?:first|next)|talented|great|experienced|exceptional)\s+", "", rest,
                  flags=re.I)  # fmt: skip
    if GENERIC_ROLE.match(rest.strip()):
        header.generic_roles = True
    else:
        roles = one_hire_each(split_roles(rest), sentence)
        header.roles = [r for r in roles if len(r.title.split()) <= 8]
    if loc:
        seg = classify_piece(loc)
        header.locations.append(loc)
        if "remote" in seg.kinds:
            header.remotes.append(loc)
    return header


def _lines_header(lines: list[str]) -> Header | None:
    """Short lines at the top, the first maybe comma-separated: "Acme, Boston, MA" /
    "Senior Data Engineer" / "ONSITE, Full-time"."""
    top: list[str] = []
    for line in [_first_sentence(lines[0]), *lines[1:4]]:
        words = len(line.split())
        sentence = words > 6 and line.endswith((".", "!", "?", ":")) and not only_places(line)
        if len(line) > 120 or words > 14 or sentence:  # "Seattle. Mountain View. New York."
            break
        top.append(line)
    if not top:
        return None
    pieces = split_outside_parens(top[0], r"\s*,\s*|\.\s+(?=[A-Z])|\s+(?:-{1,2}|–|—)\s+|:\s+")
    if len(pieces) == 1 and (m := re.match(r"^([^()]+?)\s*\(([^()]+)\)$", top[0].strip())):
        pieces = [m.group(1), m.group(2)]  # "Acme (Berlin, Germany)"
    first_parts: list[str] = []
    for piece in (_LINK_ASIDE.sub("", p).strip(" .") for p in pieces):
        if not piece:
            continue
        if (
            first_parts
            and re.fullmatch(r"[A-Z]{2}|USA|UK", piece)
            and qualifies_place(first_parts[-1], piece)
        ):
            first_parts[-1] = f"{first_parts[-1]}, {piece}"
        else:
            first_parts.append(piece)
    # A later line may be a header of its own: "San Francisco, CA| Account Managers | #onsite".
    later = [
        p
        for line in top[1:]
        if not has_email(line)  # a contact line: "Email kareem [at] acme [dot] com (CTO)"
        for p in split_outside_parens(line, r"\s*\|\s*")
        if p.strip()
    ]
    segs = [classify_piece(p) for p in first_parts + later]
    kinds = [s.kind for s in segs]
    if len(segs) < 2 and kinds not in (["role"], ["location"]):
        return None  # a lone title, or a lone place line ("San Francisco, CA") over prose
    if not set(kinds) & {"location", "remote", "role", "salary", "employment"}:
        return None
    header = Header(kind="lines")
    first_is_company = segs[0].kind == "other" and "generic_role" not in segs[0].kinds
    _apply_segments(header, segs, first_is_company)
    if not first_is_company:
        # "Denver, CO" then "Acme Robotics": a name alone on the second line.
        second = [
            s
            for s in segs[len(first_parts) : len(first_parts) + 1]
            if not re.match(r"[\w ]{2,24}:\s", s.text)  # not "Job title: …"
        ]
        # "San Francisco, SOMA" then "Acme Print http://acmeprint.example": the name its
        # own link spells, not a word beside the place.
        spelled = domain_named(top[1]) if len(top) > 1 and second else None
        header.company = spelled or lone_name(segs[1 : len(first_parts)]) or lone_name(second)
    return header


def repeated_headers(lines: list[str], company: str | None) -> list[Role]:
    """The roles of later lines shaped like a pipe header of the same company, one per role
    ("DuckDuckGo | Backend Engineer | Paoli PA | REMOTE" under the first), each with its
    own pay, place and work mode: the pay of its header, else the one pay of its post (its
    header line up to the next one)."""
    roles = []
    for block in header_blocks(lines, company)[1:]:
        header = _pipe_header(block[0], lines)
        for role in header.roles if header else []:
            role.salary = role.salary or header.salary or one_pay(block)
            role.place = "; ".join(header.locations) or None
            role.mode = "; ".join(header.remotes) or None
            role.section = block[0]
            roles.append(role)
    return roles


def header_blocks(lines: list[str], company: str | None) -> list[list[str]]:
    """The posts of a comment that repeats the company's pipe header for each one: the lines
    from each header up to the next (the first post from the top); one block for none."""
    key = name_key(company) if company else ""
    if not key:
        return [lines]
    starts = [0] + [
        i
        for i, line in enumerate(lines)
        if i > 0 and line.count("|") >= 2 and (name_key(line).startswith(key) or _place_first(line))
    ]
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=True)]


def one_pay(lines: list[str]) -> str | None:
    """The pay of a post that states one figure ("base comp $125k-200k"); none for two or more."""
    stated = find_salaries("\n".join(lines))
    return stated[0].text if len(stated) == 1 else None


def _place_first(line: str) -> bool:
    """Whether a pipe line opens on a place: one office's header ("Pune, India | Android,
    Devops | Onsite") under the company's name."""
    return "location" in classify_piece(line.split("|", 1)[0]).kinds


def prose_roles(lines: list[str]) -> Header | None:
    """The first "X is hiring A and B" / "We're looking for A" sentence near the top."""
    for line in lines[:5]:
        for sentence in SENTENCE_BREAK.split(line, maxsplit=3)[:3]:
            header = _prose_header([sentence])
            if header is not None and header.roles:
                return header
    return None


_LOCATION_LINE = re.compile(r"^\W*(?:job\s+)?locations?\s*:\s*(?P<value>.{2,80}?)[\s.]*$", re.I)
# A longer "Location:" line: its first clause ("Location: Onsite in Germany: Munich or Berlin
# --> please apply only if …").
_LOCATION_CLAUSE = re.compile(
    r"^\W*(?:job\s+)?locations?\s*:\s*(?P<value>.{2,80}?)\s*(?:-->|->|\s[-–—]\s|[.!?](?:\s|$))",
    re.I,
)
# Prose that says where the jobs are: "Acme (acme.example) is hiring in Boston and Paris.",
# "we're located in sunny Leeds, UK", "All jobs are full-time in Austin, TX", "Hiring in the
# US right now", "offices in Oslo and Riga". Not where the company is headquartered.
_PROSE_PLACE = re.compile(
    r"\b(?:(?P<hiring>hiring)|located|based|(?:jobs|roles|positions|openings)\s+are\b"
    r"[^.;:!?\n]{0,30}?|offices?(?:\s+(?:is|are))?)\s+in\s+"
    r"(?:the\s+|sunny\s+|beautiful\s+|downtown\s+|both\s+)*"
    r"(?P<rest>[^.;!?\n]+(?:\.(?=\S)[^.;!?\n]*)*)",
    re.I,
)
# Who may apply: "must be based in the United States", "must be authorized to work in the
# US", "Candidates must be US residents", "(but must based in UK)".
_ELIGIBLE_PLACE = re.compile(
    r"\bmust\s+(?:be\s+)?(?:(?:legally\s+)?(?:authori[sz]ed|eligible)\s+to\s+work|located|"
    r"based|residing|living|reside|live)\s+in\s+(?:the\s+)?(?P<rest>[^.;!?\n(]+)|"
    r"\bmust\s+be\s+(?:an?\s+)?(?P<people>[^.;!?\n(]+?)\s+(?:residents?|citizens?)\b",
    re.I,
)
# A word every match of _PROSE_PLACE holds (lowered; `_ASIDE` puts in spaces, which none has).
_PROSE_PLACE_KEYS = ("hiring", "located", "based", "are", "office")
_PROSE_LINES = 12
_LOCATION_LINES = 30  # a "Location:" line may follow a long description
_PIECE_SEP = re.compile(r"\s+[-–—|/•·]\s+|\s*\|\s*|(?<=[A-Za-z)])\.\s+(?=[A-Z])|\s{2,}|;\s*")
_ASIDE = re.compile(r"\(?\s*https?://\S+\s*\)?|\([^()]*\)")


def _line_places(line: str) -> list[str]:
    """Pieces of a header line that are places and nothing else, or the places after a name
    and a comma: "Uber, San Francisco, CA. Intern, Visa" → ["San Francisco, CA"];
    "Acme - Boston, MA  https://acme.example We are hiring …" → ["Boston, MA"]."""
    found = []
    for i, piece in enumerate(_PIECE_SEP.split(_ASIDE.sub("  ", line))):
        piece = piece.strip(" ,.:-–—")
        head, _, tail = piece.partition(",")
        if only_places(piece):
            found.append(piece)
        elif i == 0 and len(head.split()) <= 5 and only_places(tail) and not place_led(head):
            found.append(tail.strip(" ,"))  # not "async Rust, Tokio" further on
    return found


def _leading_places(text: str) -> str | None:
    """The places `text` starts with, up to the last one before other words: "Boston and San
    Francisco" of "Boston and San Francisco, with a team of 40"."""
    text = prepare(text)
    found = None
    for place in places_in(text):
        if not only_places(text[: place.end]):
            break
        found = text[: place.end].strip(" ,")
    return found


def _prose_places(lines: list[str]) -> list[str]:
    """The places the first sentences that say where the jobs are name (`_PROSE_PLACE`).
    For a remote job only where it hires ("Hiring in the US right now"): its offices and
    where it is based say where the team sits, not where one may work from."""
    remote = None  # read the first time a sentence says where the team sits
    for line in lines[:_PROSE_LINES]:
        if not any_in(_PROSE_PLACE_KEYS, lowered(line)):
            continue
        for m in _PROSE_PLACE.finditer(_ASIDE.sub(" ", line)):
            if not m.group("hiring"):
                if remote is None:
                    remote = remote_mode("\n".join(lines[:_PROSE_LINES])) == "remote"
                if remote:
                    continue
            if (found := _leading_places(m.group("rest"))) is not None:
                return [found]
    return _eligible_places(lines)


def _eligible_places(lines: list[str]) -> list[str]:
    """The places the comment says applicants must live or be allowed to work in."""
    for line in lines:
        if "must" not in lowered(line):
            continue  # in every match
        for m in _ELIGIBLE_PLACE.finditer(line):
            words = m.group("rest") or m.group("people")
            if (found := _leading_places(words)) is not None and only_places(found):
                return [found]
    return []


def _more_places(header: Header, lines: list[str]) -> None:
    """Places a header shape did not read: a "Location: …" line further down, places that
    make up whole pieces of the first two lines ("Uber, San Francisco, CA. Intern, Visa"),
    or the places a sentence near the top says the jobs are in."""
    for line in lines[1:_LOCATION_LINES]:
        clause = _LOCATION_CLAUSE.match(line)
        if clause and not has_place(clause.group("value")):
            clause = None  # "Location: St. Louis, MO" is cut at no full stop
        if m := clause or _LOCATION_LINE.match(line):
            header.locations.append(_location_text(m.group("value"), classify_piece(line)))
            return
    for line in lines[:2]:
        if found := _line_places(_first_sentence(line)):
            header.locations.extend(found)
            return
    header.locations.extend(_prose_places(lines))


def parse_header(lines: list[str]) -> Header:
    header = _parse_header(lines)
    if not header.locations:
        _more_places(header, lines)
    return header


def _parse_header(lines: list[str]) -> Header:
    line = _header_line(lines)
    for parse in (
        lambda: _pipe_header(line, lines),
        lambda: _kv_header(lines),
        lambda: _at_header(line),
        lambda: _dash_header(_first_sentence(line)),
        lambda: _prose_header(lines),
        lambda: _dot_header(line, lines),
        lambda: None if META_START.match(lines[0]) else _lines_header(lines),
    ):
        header = parse()
        if header is not None:
            if header.company is None and header.kind in ("pipe", "dash"):
                site = _site_name(line)  # "quillfeather.example", and "Quillfeather" in the text
                header.company = site and (spelled_name(site, lines) or site)
            elif header.company is not None:
                header.company = owner_of_team(header.company, line, lines)
            return header
    return Header()


# Links in a header that are not the company's own site.
OTHER_SITES = re.compile(
    r"(?:^|\.)(?:linkedin|github|ycombinator|greenhouse|lever|ashbyhq|workable|wellfound|"
    r"angel|google|forms|bit|goo|docs|medium|twitter|x|notion|calendly|youtube)\.",
    re.I,
)


def _site_name(line: str) -> str | None:
    """The company named by its own web site in a header that names it no other way:
    "Data Engineer | acme.io | Berlin" → "acme"."""
    for piece in re.split(r"\s*\|\s*|\s+[-–—]\s+", line):
        piece = piece.strip()
        host = re.sub(r"^https?://|^www\.|/.*$", "", piece, flags=re.I)
        host = re.sub(r"^www\.", "", host, flags=re.I)
        if URL_ONLY.fullmatch(piece) and not OTHER_SITES.search(host) and "." in host:
            return host.split(".")[0] or None
    return None
