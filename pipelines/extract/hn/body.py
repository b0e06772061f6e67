"""Roles named in the body of an HN comment: role lines and bullets, headings with their
sections, "Roles: A, B", roles named in passing after a hiring verb ("we're also hiring …").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipelines.classify import has_job_head, names_a_job
from pipelines.classify.jobwords import JOB_HEAD
from pipelines.extract.hn.cues import (
    GENERIC_ROLE,
    SALARY_LABEL,
    SALARY_SPAN,
    URL_ANY,
    URL_ONLY,
    has_email,
    is_salary,
    strip_cues,
)
from pipelines.extract.hn.titles import (
    BARE_SPECIALTY,
    DEPARTMENT_WORD,
    SENTENCE_WORD,
    Role,
    clean_title,
    department_roles,
    is_context,
    list_item,
    one_hire_each,
    outside_parens,
    split_outside_parens,
    split_roles,
    title_case,
    title_like,
    without_stack,
)
from pipelines.extract.hn.where import own_where, place_heading
from pipelines.salary import find_salaries
from pipelines.skills import extract_skills, is_concept, skill_category
from pipelines.text import any_in, lowered, lowered_twin

# "… is hiring A, B and C", "we're also looking for A as well as B", "we need a B": the roles
# a sentence names after a hiring verb, anywhere in it. Not "hiring" or "recruiting" after a
# determiner, where it qualifies a noun: "I'm Kev, the recruiting lead", "our hiring process".
_NOUN_USE = r"(?<!\bthe )(?<!\bour )(?<!\bmy )(?<!\byour )(?<!\btheir )"
_HIRING_VERB = re.compile(
    rf"\b(?:{_NOUN_USE}hiring(?!\s+managers?\b)"
    r"(?:\s+(?:across|for (?:roles|positions) (?:in|across)))?|"
    r"looking for|"
    r"seeking|searching for|looking to (?:hire|add)|(?:like|want) to hire|"
    # "We are adding a data scientist", "we plan to bring on two engineers": a count follows
    r"(?:adding|bring(?:ing)? on)(?=\s+(?:an?|one|two|three|four|five|several|\d+)\s)|"
    rf"need|to hire|{_NOUN_USE}recruiting|(?:roles|positions|openings) (?:include|are|for)|"
    r"(?:invites?|inviting|accepting|welcomes?) applications for|"
    r"(?:role|position|opening) open(?: on (?:my|our|the) team)?)\b"
    r"\s*(?:for\s+)?:?\s*"
    # a dot inside a word goes on: "U.S.-based", "Node.js", ".NET"
    r"(?P<rest>(?=[^.!?;:\n]|\.[^\s.!?])[^.!?;:\n]*(?:\.(?=[^\s.!?])[^.!?;:\n]*)*)",
    re.I,
)
# _HIRING_VERB read on the lowered line: the same matches, at the same places (see
# `lowered_twin`), found faster.
_HIRING_VERB_LOW = lowered_twin(_HIRING_VERB)
# One of these is in every text that _HIRING_VERB finds (lowered: an re.I match lowers to it).
_HIRING_KEYS = (
    "hiring", "looking", "seeking", "searching", "hire", "need", "recruiting", "role",
    "position", "opening", "applications", "adding", "bring",
)  # fmt: skip
_MENTION_END = re.compile(
    r"\s+(?:who|whom|that|which|with|to|across|on|at|in|from|because|so|for|like|of all|"
    r"of any|of every|willing|interested|excited|passionate (?:about|for|to)|based|located|"
    r"(?:as )?well|able|eager|"
    r"ready|keen|right now)\b.*$|\s*[—–]\s.*$|"
    # "our Full Stack Engineer and AI team": a team, where the sentence names no more jobs
    r"\s+(?:and|&)\s+(?:[\w/+-]+\s+){0,3}teams?$",
    re.I,
)
_MENTION_LEAD = re.compile(
    r"^(?:(?:an?|the|both|our|highly|very|truly|extremely|really|most|qualified|more|some|several|"
    r"a few|few|two|various|"
    r"three|four|many|all sorts of|"
    r"all kinds of|a number of|a couple of|additional|new|full[- ]time|part[- ]time|talented|"
    r"experienced|exceptional|great|top[- ]notch|passionate|smart|strong|motivated|driven|"
    r"skilled|awesome|amazing|brilliant|curious|well[- ]rounded|our (?:first|next)|first|next|"
    r"\w+-(?:minded|driven)(?:\s+and)?|"  # "a financially-minded and metrics-driven Director"
    r"another|other|more|various|"
    # where and how: "a U.S.-based, fully remote Software Engineer"
    r"[\w.]+-based,?|(?:fully\s+|100%\s+)?remote,?|hybrid,?|on-?site,?|in-office,?)"
    r"(?:\s*/\s*|\s+))+",  # "talented / passionate"
    re.I,
)


# A bracket with no bracket inside: "(Go, Kafka)".
_PARENS = re.compile(r"\([^()]*\)")
_AS_WELL_AS = re.compile(r"\s+as well as\s+")


_SPECIALTY_TAIL = re.compile(r"\s*[—–]\s+[A-Z][\w/+&.-]*(?:\s+[A-Z][\w/+&.-]*){0,2}\s*")


# Where a coordinated clause starts, a few words before its verb: ", looking for …",
# "- but we're also looking for …".
_CLAUSE_START = re.compile(r"(?:[,;–—-]|\b(?:but|and))\s+(?:[\w']+\s+){0,3}$")


def _hiring_verbs(line: str) -> Iterator[re.Match[str]]:
    """Each hiring verb of `line` with what follows it (`_rest`), a later verb inside that
    text too: "looking for a few devops to help …, looking for a few developers to …"."""
    low = lowered(line)
    m = _HIRING_VERB_LOW.search(low) if any_in(_HIRING_KEYS, low) else None
    while m:
        yield m
        end = m.end()
        m = _HIRING_VERB_LOW.search(low, m.start("rest"))
        while m and m.start() < end and not _CLAUSE_START.search(line, 0, m.start()):
            m = _HIRING_VERB_LOW.search(low, m.start("rest"))


def _rest(line: str, m: re.Match[str]) -> str:
    """What follows the hiring verb `m` (a match in the lowered `line`), as `line` writes it."""
    return line[m.start("rest") : m.end("rest")]


def _mention(rest: str) -> str:
    """The list a hiring verb names, up to where the sentence goes on, outside brackets:
    "frontend engineers (JS), designers (must be able to code), and backend engineers"."""
    end = outside_parens(_MENTION_END, rest)
    if _SPECIALTY_TAIL.fullmatch(rest, end):
        end = len(rest)  # "Staff Engineer – GenAI": a team after the dash, then the sentence ends
    return rest[:end].strip(" ,")


# "all roles (PMs, sales, marketing, …)": a generic phrase, then the roles it stands for.
_GENERIC_NAMING = re.compile(
    r"(?:all|many|multiple|several|various|open|different)\s+(?:\w+\s+)?"
    r"(?:roles|positions|openings)\s*\((?P<list>[^()]+,[^()]+)\)?",
    re.I,
)


# "… positions, including: A, B and C", "hiring for the following roles: A - B - C": the
# list after the colon names the roles.
_INCLUDING = re.compile(r"\b(?:including|such as)\s*$", re.I)
_OPENINGS_END = re.compile(r"\b(?:roles|positions|openings|vacancies)(?:\s*\([^()]*\))?\s*$", re.I)
_INCLUDED = re.compile(r":\s*(?P<list>[^.!?;:\n]+(?:\.(?=[^\s.!?])[^.!?;:\n]*)*)")
_DASHED = re.compile(r"(?:^|\s+)[-–•·]\s+")


# "We also have a developer position open", "We have senior full-stack and data scientist
# vacancies available": the roles named before the openings they are.
_OPEN_POSITIONS = re.compile(
    r"\bhave\s+(?P<list>[\w/+&,' -]{2,60}?)\s+(?:positions?|roles?|vacanc(?:y|ies)|"
    r"openings?|jobs?)\s+(?:open|available)\b",
    re.I,
)


# A clause in brackets after the job: "Senior Designers (for both web and mobile)".
_CLAUSE_IN_PARENS = re.compile(
    r"\s*\((?:for|with|in|at|on|to|who|that|which|working|based)\b[^()]*\)\s*$", re.I
)


# A nickname in quotes before the job: "a 'Swiss-Army Knife' generalist".
_QUOTED_LEAD = re.compile(r"^['\"“‘][^'\"”’]{1,30}['\"”’]\s+(?=\w)")
_WE = re.compile(r"\bwe\b", re.I)


def _introduces_list(rest: str) -> bool:
    """Whether a hiring verb's words end where a list of roles follows a colon: "… including:",
    "… for the following roles:"; not "engineers in 3 positions:" (the verb named the job)."""
    return bool(_INCLUDING.search(rest) or _OPENINGS_END.search(rest) and not names_a_job(rest))


def hiring_mentions(lines: list[str]) -> list[Role]:
    """Roles named after a hiring verb in the prose of the first paragraphs ("We're hiring
    software engineers and data scientists", "The company is seeking Senior Engineers as well
    as Senior Designers"); each title as written, without the articles and praise before it.
    A bullet counts only where "we" hire ("* We'd like to hire Software Developers …") or for
    the roles a generic phrase stands for ("* hiring for all roles (PMs, sales, marketing)"):
    other bullets ask for skills."""
    roles: list[Role] = []
    for line in lines[:12]:
        bulleted = _BULLET.match(line)
        for m in _hiring_verbs(line):
            rest = _AS_WELL_AS.sub(" and ", _rest(line, m))
            if listed := _INCLUDED.match(line, m.end()) if _introduces_list(rest) else None:
                # "hiring for many positions, including: A, B, and more"; "… roles: - A - B"
                rest = _DASHED.sub(", ", listed["list"]).strip(" ,")
            if named := _GENERIC_NAMING.match(rest):
                roles.extend(Role(r.title, section=line) for r in _named_items(named["list"]))
                continue
            if bulleted and not _WE.search(line, 0, m.start()):
                continue  # "* Hiring managers love …"; not "* We'd like to hire …"
            rest = _mention(rest)
            if teams := department_roles(rest):  # "hiring across engineering, design, and sales"
                roles.extend(Role(t.title, section=line) for t in teams)
                continue
            if _generic_mention(rest):
                continue  # "hiring for several roles"; not "hiring PMs, marketing roles, …"
            if len(rest.split()) > 16 and not _short_items(rest):
                continue  # a sentence goes on; a long list of short titles is read whole
            roles.extend(_mentioned_roles(_MENTION_LEAD.sub("", rest), line, teams=True))
        if not bulleted and "have" in lowered(line):  # what every match holds, lowered
            for m in _OPEN_POSITIONS.finditer(line):
                roles.extend(_mentioned_roles(m["list"], line))
    return _without_summaries(roles)


# Nouns for whoever writes code, in general: "relentless hackers", "builders".
_CODERS = frozenset(
    {"hackers", "builders", "makers", "engineers", "developers", "programmers", "coders"}
)


def _without_summaries(roles: list[Role]) -> list[Role]:
    """The roles without a bare noun for coders of one line ("looking for relentless hackers
    across …") when another line lists two or more roles ("Hiring FDEs and various Member of
    Technical Staff roles"): the noun sums those jobs up ("Also looking for designers" names
    one more)."""
    lists = {line for line, n in Counter(r.section for r in roles).items() if n >= 2}
    if not lists:
        return roles
    return [r for r in roles if r.section in lists or r.title not in _CODERS]


_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")


def _generic_mention(rest: str) -> bool:
    """Whether a hiring verb names openings in general ("several roles", "open positions in
    sales"), not jobs then more in general ("PMs, marketing roles", "FDEs and various Member
    of Technical Staff roles")."""
    if "," in rest or not GENERIC_ROLE.match(_MENTION_LEAD.sub("", rest)):
        return False
    first, *more = _AND_SPLIT.split(rest, maxsplit=1)
    if not more or GENERIC_ROLE.match(first):
        return True
    return not (names_a_job(first) and names_a_job(_OPENINGS_END.sub("", more[0])))


def _mentioned_roles(rest: str, line: str, teams: bool = False) -> list[Role]:
    """The short titles of the list `rest` a hiring mention on `line` names; with `teams`,
    in a list of three or more that names jobs, a team too ("product managers, marketing
    roles, developers")."""
    roles = []
    split = one_hire_each(split_roles(rest), line)
    team_list = teams and len(split) >= 3 and sum(names_a_job(r.title) for r in split) >= 2
    for role in split:
        role.title = _QUOTED_LEAD.sub("", _MENTION_LEAD.sub("", role.title))
        role.title = _CLAUSE_IN_PARENS.sub("", role.title)
        named = title_like(role.title) or team_list and list_item(role.title)
        if named and len(role.title.split()) <= 6:
            role.section = line
            roles.append(role)
    return roles


_NAMED_ITEM_SEP = re.compile(r"[,;]|\s(?:and|or)\s")
_MORE_ITEMS = re.compile(r"etc\.?|and more|\.+|…", re.I)


def _named_items(text: str) -> list[Role]:
    """The items of a list a generic phrase stands for ("QA, support, finance, designers,
    etc"): each a role, job noun or not, when every one is a short name."""
    items = [i.strip() for i in _NAMED_ITEM_SEP.split(text)]
    items = [i for i in items if i and not _MORE_ITEMS.fullmatch(i)]
    if not items or any(len(i.split()) > 4 or URL_ANY.search(i) for i in items):
        return []
    return [Role(i) for i in items]


_LAST_ITEM_SEP = re.compile(r",?\s+(?:and|or)\s+")


def listed_mentions(lines: list[str]) -> list[Role]:
    """The roles of a list of three or more short items after a hiring verb anywhere in the
    comment, bullets too ("* we're hiring: data engineers, QA engineers, writers and …")."""
    roles: list[Role] = []
    for line in lines:
        if not any_in(_HIRING_KEYS, low := lowered(line)):
            continue
        for m in _HIRING_VERB_LOW.finditer(low):
            rest = _mention(_rest(line, m))
            items = _LAST_ITEM_SEP.sub(", ", rest)
            if _short_items(items):
                roles.extend(_mentioned_roles(rest, line))
            elif _short_items(items, least=2):
                # "a Data Engineer and a Full Stack Developer": two titles written as such
                named = _mentioned_roles(rest, line)
                roles.extend(r for r in named if len(r.title.split()) > 1 and title_case(r.title))
    return roles


_COMMA = re.compile(r"\s*,\s*")


def _short_items(text: str, least: int = 3) -> bool:
    """Whether `text` is a list of `least` or more short items ("Product Managers, Systems
    Engineers, Leads, …"), not a sentence."""
    if text.count(",") + 1 < least:
        return False  # the cheap test first: each item but the last ends at a comma
    items = _COMMA.split(text)
    return len(items) >= least and all(0 < len(i.split()) <= 5 for i in items)


# "Platform engineers build our ingestion …": a paragraph whose subject is a
# specialty's job in the plural describes that job; not "Our engineers are …", "Acme
# engineers …" (no specialty: the team, not an opening).
_SUBJECT_ROLE = re.compile(
    rf"^(?P<title>{BARE_SPECIALTY.pattern}\s+(?:engineers|developers|designers|scientists|"
    r"analysts|researchers|programmers))\s+(?:will\s+)?(?:build|are|work|write|own|design|"
    r"develop|focus|create|lead)\b",
    re.I,
)


def subject_roles(lines: list[str]) -> list[Role]:
    """The jobs paragraphs describe as their subject, for a post that names no role
    otherwise ("Product engineers are full-stack developers who …")."""
    return [Role(m["title"], section=line) for line in lines if (m := _SUBJECT_ROLE.match(line))]


# --- body role lists -------------------------------------------------------------------------

_BODY_STOP = re.compile(
    r"^(?:we|you|your|our|the|a|an|i|if|this|that|it|as|to|with|in|on|for|and|or|work|build|"
    r"help|experience|strong|knowledge|familiarity|must|should|will|can|have|has|are|is|be|"
    r"about|what|why|how|who|where|when|apply|email|contact|please|send|join|looking|"
    r"interested|benefits|requirements?|responsibilities|nice|bonus|tech|stack|compensation|"
    r"salary|location|remote|visa|more|see|learn|check|read|details?|ideal|bachelor|master|"
    r"phd|degree|years?|proficien\w*|solid|deep|excellent|great|good|comfortable|passion\w*|"
    r"previous|prior|hands-on|ability|own|lead(?:ing)?|design(?:ing)?|develop(?:ing)?|"
    r"collaborate|partner|drive|ship|write|maintain|mentor|scale|improve|create|deliver|"
    r"manage|support|architect(?:ing)?|implement|define|contribute|take|make|get|bring|"
    r"hiring|currently|also|plus|all|any|some|no|not|located|based|salary)\b",
    re.I,
)
_ROLES_INLINE = re.compile(
    r"^(?:(?:open |current |other |more |additional )?(?:roles?|positions?|openings?|jobs?)"
    r"(?: available| open)?|"
    r"we(?:['’]re| are) (?:hiring|looking for)(?: for)?|hiring(?: for)?|highlighted roles|"
    r"(?:we(?:['’]re| are) )?interested (?:to hear|in hearing) from(?: talented)?)"
    r"(?:\s*\([^()]*\))?\s*[:\-–]\s*(?P<list>.+)$",
    re.I,
)


_BULLET = re.compile(
    r"^(?:[-*•·–—▪►+]{1,2}\s*(?=\w)|\d{1,2}[.)](?:\s+|(?=[A-Z]))|\(\d{1,2}\)\s+|\[\d{1,2}\]\s+)"
)
# Where a role line's title ends: a colon, a spaced dash or bar, " @ "
# (r"\s*:(?:\s+|$)|\s+(?:--|->|→|[-–—|@•·])\s+"), written to start with the class of its
# first character so the engine scans for it.
_HEAD_END = re.compile(
    r"[\s:](?:(?<=:)(?:\s+|$)|(?<=\s)\s*:(?:\s+|$)|(?<=\s)\s*(?:--|->|→|[-–—|@•·])\s+)"
)

_ALSO_HIRING = re.compile(
    r"(?:^|(?<=[.!?;]\s)|\n)[^.!?\n]{0,30}?\b(?:also|additionally|and we(?:['’]re| are))\b"
    r"[^.!?\n]{0,20}?\b(?:hiring|looking for|seeking|need)\b:?\s*(?:for\s+)?"
    r"(?P<list>[^.!?\n]+)"
    r"|(?:^|\n)\s*(?:also|plus)\s*:\s*(?P<list2>[^.!?\n]+)"
    # "We also have many open roles across software, cloud and autonomy for software engineers."
    r"|\balso\s+(?:have|has)\b[^.!?\n]{0,60}?\b(?:roles|positions|openings)\s+across\b"
    r"[^.!?\n]{0,100}?\bfor\s+(?P<list5>[^.!?\n]+)"
    # "We also have a developer position open for someone with Rust experience."
    r"|\balso\s+(?:have|has)\s+(?:an?|one|two|three|several|a few|some)\s+"
    r"(?P<list3>(?:[\w/&+-]+\s+){1,4}?)(?:positions?|roles?|openings?)\b"
    # "FDEs welcome as well."
    r"|(?:^|(?<=[.!?]\s)|\n)(?P<list4>[A-Z][\w/&+ -]{1,40}?)\s+(?:are\s+)?(?:also\s+)?welcome"
    r"(?:\s+as\s+well|\s+too)?\s*[.!]",
    re.I,
)
# One of these is in every text that _ALSO_HIRING finds (lowered: an re.I match lowers to it).
_ALSO_HIRING_KEYS = ("also", "additionally", "and we", "plus", "welcome")
# A sentence's end before a space: an _ALSO_HIRING match may start after the space.
_SENTENCE_GAP = re.compile(r"[.!?;](?=\s)")
_LIST_TAIL = re.compile(
    r"\s+(?:on|for|to|who|that|at|in|within|working|same|from)\s+(?![A-Z]).*$|,\s*same\b.*$|"
    r"\s+of (?:all|any|every|various)\b.*$|\s+as well\b.*$|"
    r",\s*(?:and\s+)?(?:many|several|various|lots of|some)?\s*other (?:roles|positions)\b.*$"
)


@dataclass
class RoleLine:
    index: int  # line number in the body (blank lines included)
    role: Role
    heading: bool  # the line names the role and little else: its text follows on next lines
    lines: list[int] = field(default_factory=list)  # the lines of its section


_TOOL_SEP = re.compile(r"\s*[,;/]\s*|\s+(?:and|or)\s+")


def _tool_list(text: str) -> bool:
    """Whether every item of "Ruby, Go, Java" names a tool (a skill that is not a concept)."""
    items = [i for i in _TOOL_SEP.split(text) if i.strip()]
    return bool(items) and all(
        any(skill_category(k) != "other" for k in extract_skills(i)) for i in items
    )


_NOTE_LABEL = re.compile(r"[A-Za-z][\w /&-]{0,24}:\s")
_LIST_SEP = re.compile(r"\s*[,;]\s*")


def _described(text: str) -> bool:
    """Whether the bracket after a title describes the role ("geospatial models, PyTorch",
    "Skills: hands-on security work") rather than naming its tools ("Ruby, Go, Java") or the
    specialties of the title ("Payments, Search, ML")."""
    if _NOTE_LABEL.match(text):
        return True  # a labelled note: "Tech Stack: …", "Skills: …"
    items = _LIST_SEP.split(text)
    short = all(len(i.split()) <= 2 for i in items)
    if short and all(skill_category(k) == "other" for k in extract_skills(text)):
        return False  # the specialties of one title: "(Payments, Search, ML)"
    return ("," in text or ";" in text) and not _tool_list(text)


_SPECIALTY = re.compile(
    r"\s+[-–—]\s+(?P<spec>[A-Z][^-–—:|@•·()]{1,60}?)(?=\s*(?:$|:\s|\s[-–—|]\s|\())"
)


_SPECIALTY_ASIDE = re.compile(r"\s*\([^()]{1,40}\)(?=\s*(?:$|[-–—|:]))")
_SMALL_START = re.compile(r"(?:with|for|in|at|on|to|of|and|or)\b", re.I)


def _with_specialty(text: str, cut: int) -> int:
    """Where a title ends when a team or specialty follows a dash ("Software Engineer -
    Frontend UI", "Mobile Developer - Immich"): after it, unless it says where, how or how
    much ("- Remote", "- $150k", "- Berlin") or starts a sentence."""
    m = _SPECIALTY.match(text, cut)
    if m is None:
        return cut
    spec = m.group("spec").strip()
    end = m.end()
    # "- Privacy team (VPN / Proxy)", "- Voice over IP (VOIP)": the team's own aside is read
    # with the title; the title's cleaning drops it when it is a stack, a place or a mode.
    if aside := _SPECIALTY_ASIDE.match(text, end):
        end = aside.end()
    # A team's name is capitalized: "Build & Release Automation", "Developer Experience",
    # "Biostatistics & ML Development for Medical Device AI"; not "Build our API".
    named = title_case(spec) and "," not in spec and not _SMALL_START.match(spec)
    if (
        len(spec.split()) > (8 if named else 5)
        or not (title_like(text[:end]) or named and title_like(text[:cut]))  # a long team's job
        or is_context(spec)
        or SENTENCE_WORD.search(spec)
        or _BODY_STOP.match(spec)
        and not named
        or URL_ANY.search(spec)
        or has_job_head(spec.split()[-1])  # "Data Engineer - ML Engineer": two jobs
    ):
        return cut
    return end


def _job_of(title: str) -> str:
    """The job of a title before the team its dash names: "Physician-Scientist – Biostatistics
    & ML Development for Medical Device AI" → "Physician-Scientist"."""
    m = _SPECIALTY.search(title)
    return title[: m.start()] if m else title


# Where a bullet's first sentence ends, not at an abbreviation ("Sr. Engineer").
# The dot first (the engine scans for it), then what stands before it: four letters or ")".
_FIRST_SENTENCE_END = re.compile(r"\.(?:(?<=[^\W\d_]{4}\.)|(?<=\)\.))\s+(?=[A-Z])")


# A bullet's title, an aside in brackets, then more words: "* Data Engineers (Spark, dbt) for
# the warehouse and the feeds".
# Not an aside inside the title ("Front-end (UI/UX) developer", "Backend (Go, SQL) developer"):
# one word in brackets, or fewer than three words after them.
_TITLE_THEN_ASIDE = re.compile(
    r"(?P<title>[^(),]{2,60}?)\s+\((?=[^()]*?[\s,])[^()]*\)\s+(?=\w+\W+\w+\W+\w)"
)


# A link after a title: "(https://…)", " - http://…", ": https://…", ", https://…".
_LINK_OUT = re.compile(r"\s*\(\s*https?://[^()\s]*\s*\)|\s*(?:[-–—:,]\s*)?https?://\S+")


# Who signs a post: a first name (and an initial), then an executive's title.
_SIGNATURE = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.?)?)\s*(?:,|\s[-–—]\s)\s*"
    r"(?i:cto|ceo|coo|cfo|co-?founder|founder)\b"
)


# What a part of the work is built with or from, not who does it: "Frontend build tools".
_THING_NOUNS = frozenset(
    {"tools", "frameworks", "libraries", "apis", "sdks", "pipelines", "dashboards"}
    | {"components", "features", "skills", "requirements"}
)


def _names_a_thing(head: str) -> bool:
    """Whether a line's head ends on a thing, with no job head before it ("Frontend build
    tools: gulp, …", "Backend skills"): a specialty's notes, not a role."""
    words = _PARENS.sub(" ", head).lower().split()
    return bool(words) and words[-1] in _THING_NOUNS and not has_job_head(head)


_LABEL_COLON = re.compile(r"\s*:\s+")


def _title_after_label(text: str, cut: int) -> str | None:
    """The title a bullet gives after a label that names no job ("The Polymath: Fullstack
    Engineer"): a short title-cased title that is all the rest of the line."""
    label = _LABEL_COLON.match(text[cut:])
    tail = text[cut + label.end() :].strip() if label else ""
    fits = 0 < len(tail.split()) <= 6 and title_case(tail) and title_like(tail)
    fits = fits and clean_title(tail)[0] == tail  # nothing around the title: no praise
    return tail if fits and not names_a_job(text[:cut]) else None


_BOLD_STAR = re.compile(r"(?<!\w)\*(?=\w)|(?<=[\w):])\*(?!\w)")  # "*bold*"
_LOWER_START = re.compile(r"[a-z]{1,2}[A-Z]")  # "iOS Engineer", "eCommerce Lead"
_OPEN_BRACKET = re.compile(r"[(\[][^)\]]*$")
_LAST_BRACKET = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\])$")
_WORD = re.compile(r"[^\W\d_]{2,}")


# What a requirement asks of the person, not the name of a job: what they have, without a
# job's noun ("DevOps experience", "Go skills"; not "C++ Developer w/ Windows Experience", nor a
# team's "User Experience"), or what they are ("comfortable owning systems", "fluent in Polish").
_HAD_BY_SOMEONE = re.compile(
    r"\b(?:(?<!\buser )(?<!\bdeveloper )(?<!\bcustomer )(?<!\bcandidate )(?<!\bguest )"
    r"(?<!\bpatient )(?<!\bemployee )experience|skills|knowledge|background|expertise|familiarity|"
    r"proficiency|exposure)\s*$",
    re.I,
)
_SAID_OF_SOMEONE = re.compile(
    r"\b(?:comfortable|familiar|proficient|fluent|passionate|excited|eager|willing|able)\b", re.I
)


def _asked_of_someone(title: str) -> bool:
    """Whether a bullet's words are a requirement, not a job: "- DevOps experience"."""
    return bool(_SAID_OF_SOMEONE.search(title)) or (
        bool(_HAD_BY_SOMEONE.search(title)) and not has_job_head(title)
    )


def _role_line(line: str, in_list: bool = False) -> tuple[Role, bool] | None:
    """The role a body line names ("- Senior ML Engineer ($200k): PyTorch, Ray", "Director of
    Data Science — $240k. Builds a team…", "Lead Perception Engineer $200k–$240k"), or None.
    With `in_list` (an item of a list of role lines) a team's name is one too ("- Computer
    Vision (…)", "- Product people (UX/UI)")."""
    stripped = line.strip()
    if "*" in stripped:  # "*bold*"
        stripped = _BOLD_STAR.sub("", stripped)
    bullet = _BULLET.match(stripped)
    text = stripped[bullet.end() :] if bullet else stripped
    # "Live Streaming Engineer (https://jobs.lever.co/…)", "IT Engineer - http://…": links out.
    if "http" in text:
        text = _LINK_OUT.sub("", text)
    text = text.strip()
    if not text or not (text[0].isupper() or _LOWER_START.match(text)):
        return None  # "iOS Engineer" starts in lower case too
    pieces = text.split("|", 2)
    if len(pieces) == 3 and not names_a_job(pieces[0]):
        return None  # "Acme |QA Engineer | Salzburg": a header of its own (repeated_headers)
    if (sign := _SIGNATURE.match(text)) and not names_a_job(sign["name"]):
        return None  # "Phil - CTO, Acme": who signs the post
    prefix = text[:120]  # a title is shorter: no need to read a long line to its end
    cut = outside_parens(_HEAD_END, prefix)
    # "* Head of Marketing. Own …": a bullet's first sentence, when it is a title
    if cut == len(prefix) and bullet and (end := outside_parens(_FIRST_SENTENCE_END, prefix)):
        cut = end if title_case(prefix[:end]) else cut
    if cut == len(prefix) and bullet and (aside := _TITLE_THEN_ASIDE.match(text[:300])):
        cut = aside.end("title") if title_like(aside["title"]) else cut
    if cut == len(prefix):
        cut = len(text)
    cut = _with_specialty(text, cut)
    if bullet and (tail := _title_after_label(text, cut)):
        text, cut = tail, len(tail)  # "* The Polymath: Fullstack Engineer"
    if not in_list and not names_a_job(text[: min(cut, 120)]):
        return None  # the cheap test first: most body lines name no job
    salary_m = SALARY_SPAN.search(text) if is_salary(text) else None
    in_parens = salary_m and _OPEN_BRACKET.search(text[: salary_m.start()])
    if salary_m and salary_m.start() < cut and not in_parens:
        cut = salary_m.start()  # "Lead Perception Engineer $200k–$240k"
    head = text[:cut].strip()
    if has_email(head):
        return None  # a signature: "Mat P, CTO, matp@acme.example"
    separated = cut < len(text)
    tail = text[cut:]
    if (
        separated
        and not has_job_head(head)
        and not SENTENCE_WORD.search(tail)
        and len(extract_skills(tail)) >= 2
    ):
        return None  # "Backend: FastAPI, Yjs, Jupyter": the stack of a team, not a role
    # "Senior ML Engineer (geospatial models, PyTorch, Kubernetes)", "Lead Android Engineer [Tech
    # Stack: Kotlin]": a description, not title; a list of tools ("(Ruby, Go, Java)") is
    # part of it.
    head = without_stack(head)  # "(Go, Kafka)" goes, "(Payments: Go, Kafka)" keeps its label
    if (m := _LAST_BRACKET.search(head)) and _described(m.group(1) or m.group(2) or ""):
        head = head[: m.start()]
    if not (title_like(head) or title_like(_job_of(head)) or in_list and _team_item(head)) or (
        _names_a_thing(head)
    ):
        return None
    titled = title_case(head)
    if _BODY_STOP.match(text) and not titled:
        return None
    if not separated:
        # "- Support Engineer." is a role; "Build our API." and "Requirements:" not
        short = len(_PARENS.sub("", text).split()) <= 5
        listed = bullet and titled and short and text.endswith(".")
        if text.endswith((".", ":", "?", "!")) and not listed:
            return None
        if not bullet and len(text.split()) > 14:
            return None
    elif not (bullet or titled or salary_m):
        return None
    title, head_salary = clean_title(head)
    if not title or not (names_a_job(title) or in_list) or GENERIC_ROLE.match(title):
        return None
    if _asked_of_someone(title):
        return None  # "- DevOps experience", "- Senior engineer comfortable owning systems"
    # The salary parser reads the line's pay with its period ("R$ 14.000/mês", "₹40-60 LPA").
    stated = find_salaries(text[len(head) :] if head_salary is None else head)
    salary = (
        stated[0].text
        if stated
        else head_salary or (salary_m.group(0).strip(" ,;") if salary_m else None)
    )
    rest = text.replace(salary_m.group(0), " ") if salary_m else text
    rest = rest.replace(title, " ", 1)
    heading = not bullet and len(_WORD.findall(strip_cues(rest))) < 2
    return Role(title, salary), heading


# A department that heads a list of its roles: "Engineering (13 roles):", "* Design - Graphic
# Designer, UI/UX", "Research: Research Scientists, HPC Engineers".
_DEPARTMENT = re.compile(
    r"^(?P<dept>[A-Z][\w&/+ ]{0,30}?)\s*(?:\(\s*\d+\s+(?:roles?|positions?|openings?|jobs?)\s*\))?"
    r"\s*(?::|\s[-–—]\s)\s*(?P<list>.*)$"
)
# One of these follows the department in every line that _DEPARTMENT matches.
_DEPARTMENT_MARKS = (":", "-", "–", "—")


def _listed_roles(text: str) -> list[Role]:
    """The roles of a comma list that names jobs ("Backend, Full Stack, SRE, Security"), or
    none: a list of tools ("FastAPI, Yjs, Jupyter") names no role."""
    bare = _PARENS.sub(" ", text)  # "Full Stack (Python, TS), DevOps Lead (AWS)": the jobs
    if "," not in bare or _tool_list(bare) or len(extract_skills(bare)) >= 2:
        return []
    roles = split_roles(text)
    return roles if len(roles) >= 2 else []


# A lead role after a comma is the level of the title before it ("…, Team Lead").
_LEAD_AFTER = re.compile(r"(?:team|tech|technical)?\s*(?:lead|leader|manager)\b", re.I)
_SPECIALTY_WORD = re.compile(r"(?:back|front)-?end|full-?stack", re.I)


def _ends_on_job(role: Role) -> bool:
    """Whether a title's last word is a job noun ("engineers", "marketers"), not a
    specialty that names a job ("backend")."""
    words = _PARENS.sub("", role.title).split()
    return bool(words) and names_a_job(words[-1]) and not _SPECIALTY_WORD.fullmatch(words[-1])


def _several_jobs(title: str, heading: bool) -> list[Role]:
    """The jobs of a role line that names more than one: a heading that lists job titles
    ("Product Managers, Designers"), or any line that joins jobs in the plural with "and"."""
    listed = _listed_roles(title)
    if not heading:
        # "- Perception Engineer, ML Engineer"; not "Software Engineer, Team Lead (Identity)"
        jobs = all(map(_ends_on_job, listed)) and not any(
            _LEAD_AFTER.match(r.title) for r in listed[1:]
        )
        return _joined_jobs(title) or (listed if jobs else [])
    return listed if all(JOB_HEAD.search(r.title) for r in listed) else []


_JOINED = re.compile(r"\s(?:and|&)\s")
_PLURAL_END = re.compile(r"s\W*$")


def _joined_jobs(title: str) -> list[Role]:
    """The jobs of a role line's title that joins more jobs, in the plural, with "and"
    ("Growth Lead and early-stage marketers", "UX Designers & UI Developers"); none for one
    job that is two ("Software Developer and Team Lead")."""
    if not _JOINED.search(title):
        return []
    roles = split_roles(title)
    plural = roles and _PLURAL_END.search(_PARENS.sub("", roles[-1].title))
    if len(roles) < 2 or not all(map(_ends_on_job, roles)) or not plural:
        return []  # "iOS, Android and backend engineers", "Full Stack Web & API Developers"
    if len(roles[-1].title.split()) == 1:
        # "Data Engineers and Scientists": the bare noun takes the first title's modifiers
        modifiers = roles[0].title.rsplit(" ", 1)[0] if " " in roles[0].title else ""
        roles[-1].title = f"{modifiers} {roles[-1].title}".strip()
    return roles


_LINE_LINK = re.compile(r"\s*\(\s*(?:see\s+)?https?://[^()]*\)|https?://\S+")


def _list_line(line: str) -> list[Role]:
    """The roles of a line that is only a list of them ("Senior Software Engineer, Back Line
    Support Engineer, Senior Technical Writer", "backend, frontend, iOS, devops, data"): every
    item short, most of the line's words in the titles, a job named, no sentence."""
    text = _LINE_LINK.sub(" ", line) if "http" in line else line
    text = text.strip()
    if bullet := _BULLET.match(text):
        text = text[bullet.end() :]
        if relative := relative_list(text.rstrip(" .")):
            return relative  # "- Designers that code, PMs that …, or design-savvy engineers"
    text = text.rstrip(" .")
    more = 0
    if lowered(text).endswith(_OTHER_ROLES_ENDS):
        text, more = _OTHER_ROLES.subn("", text)
    # "A, B, and several other roles": a list of two is one too
    least = 2 if more else 3
    if (
        ":" in text  # "Also hiring: A, B, C" is read by also_hiring
        or not _short_items(text, least)  # the cheap test first: most lines are no list
        or has_email(text)  # a signature: "Mat P, CTO, matp@acme.example"
        or _BODY_STOP.match(text)  # "Work across frontend, backend, APIs"
        or SENTENCE_WORD.search(text)
        or not names_a_job(text)
    ):
        return []
    roles = split_roles(text) if more else _listed_roles(text)
    words = sum(len(r.title.split()) for r in roles)
    return roles if len(roles) >= least and words >= 0.7 * len(text.split()) else []


# The end of a list that says there are more: ", and several other roles".
_OTHER_ROLES = re.compile(
    r",?\s+(?:and|&|plus)\s+(?:(?:a (?:number|bunch|few|couple|host|variety) of|many|several|"
    r"various|lots of|some)\s+)?(?:other|more)\s+(?:roles|positions|openings|jobs)$",
    re.I,
)
# How a line that _OTHER_ROLES finds ends (lowered: an re.I match of these words lowers to them).
_OTHER_ROLES_ENDS = ("roles", "positions", "openings", "jobs")


def _department_roles(line: str, below: str) -> list[Role]:
    """The roles listed after a department name on its line, or on the line below a
    department heading that ends with a colon."""
    text = line.strip()
    if not any_in(_DEPARTMENT_MARKS, text):
        return []  # the cheap test first: a department is followed by a colon or a dash
    if bullet := _BULLET.match(text):
        text = text[bullet.end() :]
    m = _DEPARTMENT.match(text)
    if m is None or names_a_job(m.group("dept")) or not DEPARTMENT_WORD.search(m.group("dept")):
        return []
    listed = m.group("list").strip()
    if not listed and text.endswith(":") and not _BULLET.match(below.strip()):
        listed = below.strip()
    return _listed_roles(listed) or (_bulleted_team(m["dept"], listed) if bullet else [])


# The levels a team hires at, named instead of its jobs ("Experienced & Entry Level").
_LEVELS_ONLY = re.compile(
    r"(?:(?:experienced|entry[- ]level|senior|junior|mid[- ]level|all levels|new grads?)"
    r"\s*(?:&|and|,|/)?\s*)+",
    re.I,
)


def _bulleted_team(team: str, listed: str) -> list[Role]:
    """The roles of a bullet that names a team, then its jobs or levels: "* Sales - Solutions
    Director", "* Design - Graphic Designer, UI/UX" (each item of a short list that starts
    with a job), "* Engineering - Experienced & Entry Level" (the team)."""
    if _LEVELS_ONLY.fullmatch(listed):
        return [Role(team.strip())]
    items = [i.strip() for i in listed.split(",")]
    if (
        not names_a_job(items[0])
        or any(len(i.split()) > 4 or extract_skills(i) or SENTENCE_WORD.search(i) for i in items)
        or not all(title_like(i) or list_item(i) for i in items)
    ):
        return []
    return [Role(i) for i in items]


_ROLES_HEADING = re.compile(
    r"^(?:(?:open|current|our)\s+)?(?:roles|positions|openings|vacancies)\s*:?$|"
    r"^(?:we(?:['’]re| are)\s+)?hiring(?:\s+for)?\s*:?$|"
    # "… these positions:", the last sentence of a paragraph too
    r"(?:^|[.!?]\s)[^.!?]{0,80}\b(?:roles|positions|openings|vacancies)\s*:$|"
    # "In our Paris office we are currently looking for:"; not "What we're looking for:"
    r"(?:^|[.!?]\s)(?!(?:what|who)\b)[^.!?]{0,60}\bwe(?:['’]re| are) (?:currently |also |now )?"
    r"(?:looking for|hiring(?: for)?|seeking)\s*:$",
    re.I,
)
# How a line that _ROLES_HEADING finds ends: a colon, or the last word of a heading of its
# first two kinds (lowered: an re.I match of these words lowers to them).
_ROLES_HEADING_ENDS = (":", "roles", "positions", "openings", "vacancies", "hiring", "for")


def _roles_heading(line: str) -> bool:
    """Whether a stripped line heads a list of roles (_ROLES_HEADING), searched only in a line
    that ends as such a heading does."""
    return lowered(line).endswith(_ROLES_HEADING_ENDS) and bool(_ROLES_HEADING.search(line))


def _heading(line: str) -> bool:
    """A short line that heads what follows: "What We Look For", "Requirements:"."""
    return line.endswith(":") or len(line.split()) <= 6 and title_case(line)


def _team_bullet(line: str) -> Role | None:
    """A short bullet under a roles heading that names a team or job without a job noun
    ("- Sales", "- Onboarding"), not a sentence, tool or requirement."""
    bullet = _BULLET.match(line.strip())
    text = line.strip()[bullet.end() :] if bullet else ""
    text = _LINK_OUT.sub("", text).strip()  # "- Archivist, https://…"
    text = _CLAUSE_IN_PARENS.sub("", text)  # "- Marketing (with a technical background)"
    if (
        not text
        or len(text.split()) > 4
        or text.endswith((".", ":", "!", "?"))
        or _BODY_STOP.match(text)
        or SENTENCE_WORD.search(text)
        or is_context(text)
        or extract_skills(text)
        or not text[0].isupper()
    ):
        return None
    return Role(text)


# An item that says what the one before it focuses on ("Staff SWEs, Full Stack and Backend
# focused"); the article and the team of an item ("An Engineering Manager for our MLE team").
_FOCUS_ITEM = re.compile(r"^[\w/&+ -]+?\s(?:focused|oriented)$", re.I)
_ITEM_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)
_ITEM_TEAM = re.compile(r"\s+for\s+(?:our|the|an?)\s.*$", re.I)


def _prose(listed: str) -> bool:
    """Whether what follows a "Role:" label is sentences about the job, not a list of jobs: more
    than one sentence, the first of them with a word of prose ("You are the founding engineer
    on the team, joining … and myself (Jeff, CTO). You'll own …")."""
    end = _FIRST_SENTENCE_END.search(listed)
    return end is not None and SENTENCE_WORD.search(listed[: end.start()]) is not None


def _inline_items(listed: str) -> str:
    """A comma list of roles without the items that only say what the one before focuses on,
    and each item without its article and the team it is for."""
    items = [i.strip() for i in split_outside_parens(listed, r",")]
    kept = [i for i in items if not _FOCUS_ITEM.match(i)]
    return ", ".join(_ITEM_TEAM.sub("", _ITEM_ARTICLE.sub("", i)) for i in kept)


_NEXT_DASH_BULLET = re.compile(r"\s+(?=-[A-Z])")


def _bullets_run_together(line: str) -> list[Role]:
    """The roles of a dash bullet line that holds the next bullet too ("-Frontend Developer
    (HTML, CSS) -UI/UX Designer"), when every part is a role line; else none."""
    if not line.strip().startswith("-") or not _NEXT_DASH_BULLET.search(line.strip()):
        return []
    hits = [_role_line(part) for part in _NEXT_DASH_BULLET.split(line.strip())]
    return [hit[0] for hit in hits if hit] if all(hits) and len(hits) > 1 else []


# "Enterprise Sales: We are looking for …": a paragraph labelled with the team it hires for.
_HIRING_LABEL = re.compile(
    r"^(?P<label>[A-Z][\w&/+ -]{1,40}?):\s+(?:[Ww]e(?:['’]re| are)\s+)"
    r"(?:looking for|hiring|seeking)\s+(?!to\b)"
)


def _hiring_label(line: str) -> Role | None:
    """The team or job that labels a paragraph that says whom it hires ("Enterprise Sales:
    We are looking for …"): a job or a department, not a heading ("Culture:", "Update:")."""
    m = _HIRING_LABEL.match(line.strip()) if ":" in line else None
    label = m["label"] if m else ""
    named = names_a_job(label) or DEPARTMENT_WORD.match(label)
    return Role(label) if named and _team_item(label) and not is_context(label) else None


# "- A backend engineering role in Python/Django, Kafka and Airflow": a job named as a role.
_ROLE_BULLET = re.compile(
    r"^(?:an?\s+)?(?P<title>[\w/+.-]+(?:\s+[\w/+.-]+){0,3}?\s+(?:role|position))\b", re.I
)


def _role_bullet(line: str) -> Role | None:
    """A bullet under a roles heading that names its job as "a … role" ("- A backend
    engineering role in Go, Kafka"): the job with its word "role", not the stack after it."""
    bullet = _BULLET.match(line.strip())
    m = _ROLE_BULLET.match(line.strip()[bullet.end() :]) if bullet else None
    if m is None or not names_a_job(m["title"].rsplit(" ", 1)[0]):
        return None
    return Role(m["title"])


def _stack_heading(line: str, below: str) -> bool:
    """Whether a line is a label with no job noun over the tools of one part of the stack:
    "Backend:" then "- PHP (5.4+)", "Frontend:" then "React, Redux"."""
    label = line.strip()
    if not label.endswith(":") or has_job_head(label):
        return False
    bullet = _BULLET.match(below.strip())
    item = below.strip()[bullet.end() :] if bullet else below.strip()
    short = len(_PARENS.sub(" ", item).split()) <= 6
    return (
        short
        and bool(extract_skills(item))
        and not names_a_job(item)
        and not _BODY_STOP.match(item)
        and not SENTENCE_WORD.search(item)
    )


def role_lines(body: list[str]) -> list[RoleLine]:
    """The roles named one per line in the body, with their line numbers."""
    found: list[RoleLine] = []
    taken = -1  # a list line read with the department heading above it
    where: tuple[str | None, str | None] = (None, None)  # of a place heading ("London office:")
    under_roles = False  # below an "Open Roles" heading: its bullets are roles
    for i, line in enumerate(body):
        stripped = line.strip()
        if i == 0 or not stripped or i == taken:
            continue
        if _roles_heading(stripped):
            under_roles = True
            continue
        if under_roles and not _BULLET.match(stripped) and _heading(stripped):
            under_roles = False  # the next heading ("What We Look For")
        if m := _ROLES_INLINE.match(stripped):
            listed = m.group("list").rstrip(". ")
            if _prose(listed):
                continue  # "Role: You are the founding engineer…, joining … and myself (CTO)."
            # "A * B * C"; "A - B - C" when the dashes list (two or more of them)
            bullets = r"\s+[-*•·]\s+" if len(re.findall(r"\s-\s", listed)) >= 2 else r"\s+[*•·]\s+"
            listed = re.sub(bullets, ", ", listed)
            found.extend(RoleLine(i, r, False) for r in split_roles(_inline_items(listed)))
            continue
        nxt = _next_filled(body, i)
        if listed := _department_roles(line, body[nxt] if nxt > i else ""):
            taken = nxt if stripped.endswith(":") else -1
            found.extend(RoleLine(i, r, False) for r in listed)
            continue
        if run_together := _bullets_run_together(line):
            found.extend(RoleLine(i, _placed(r, where), False) for r in run_together)
            continue
        if (hit := _role_line(line)) is None:
            if (heading := place_heading(line)) is not None:
                where = heading
                continue
            found.extend(RoleLine(i, _placed(r, where), False) for r in _list_line(line))
            if (team := _hiring_label(line)) is not None:
                # "Enterprise Sales: We are looking for resourceful, scrappy …"
                found.append(RoleLine(i, _placed(team, where), False))
            if under_roles and (team := _team_bullet(line) or _role_bullet(line)) is not None:
                # "Open Roles" then "- Sales"
                found.append(RoleLine(i, _placed(team, where), False))
            continue
        role, heading = hit
        if _stack_heading(line, body[nxt] if nxt > i else ""):
            continue
        if listed := _several_jobs(role.title, heading):
            # "Product Managers, Designers"; "- Growth Lead and marketers: …"
            found.extend(RoleLine(i, _placed(r, where), False) for r in listed)
        else:
            place, mode = own_where(line, role.title)
            role = _placed(role, (place or where[0], mode or where[1]))
            found.append(RoleLine(i, role, heading))
    found = [f for f in found if not _among_traits(body, f.index)]
    found = found + _linked_roles(body, found) + _same_layout_roles(body, found)
    return _with_siblings(body, sorted(found, key=lambda f: f.index))


_SPACES = re.compile(r"\s+")


def _next_filled(body: list[str], i: int) -> int:
    """The next line of text within two lines below line `i`, or `i` for none."""
    for j in range(i + 1, min(i + 3, len(body))):
        if body[j].strip():
            return j
    return i


def _layout_tail(line: str) -> str:
    """What follows a line's title after a spaced dash or bar ("Remote (Global), Full-Time"
    of "Software Engineer - Remote (Global), Full-Time"); "" for none."""
    cut = outside_parens(_HEAD_END, line.strip())
    return _SPACES.sub(" ", line.strip()[cut:]).strip(" -–—|:").lower()


_SPACED_PARENS = re.compile(r"\s*\([^()]*\)")


def _same_layout_roles(body: list[str], found: list[RoleLine]) -> list[RoleLine]:
    """The lines laid out as two or more role headings are, with the same words after the
    title ("Ex-Founders (all roles) - Remote (Global), Full-Time" below "Software Engineer -
    Remote (Global), Full-Time"): each one a role, job noun or not, its bracket aside."""
    tails = Counter(
        t for f in found if f.heading and len((t := _layout_tail(body[f.index])).split()) >= 2
    )
    if max(tails.values(), default=0) < 2:
        return []
    taken = {f.index for f in found}
    roles = []
    for i, line in enumerate(body):
        if i in taken or not line.strip() or tails[_layout_tail(line)] < 2:
            continue
        head = line.strip()[: outside_parens(_HEAD_END, line.strip())]
        head = _SPACED_PARENS.sub("", head).strip()
        if _team_item(head):
            roles.append(RoleLine(i, Role(head), True))
    return roles


# A bullet that names a thing, then a dash and what it means: "* Strong Communicator – You …"
# (not "- Web Development: React …", a team's field after a colon).
_NAMED_BULLET = re.compile(r"^\s*[-*•·▪►]\s*(?P<head>[^–—:]{2,40}?)\s+[–—]\s+\S")


def _among_traits(body: list[str], i: int) -> bool:
    """Whether line `i` is an item of a list of the candidate's traits ("* Product-Minded
    Engineer – You think …" among "* Strong Communicator – …", "* Driven to Ship – …"): of
    three or more named bullets in a row, fewer than half name a job."""
    if not _NAMED_BULLET.match(body[i]):
        return False
    block = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(body) and (not body[j].strip() or _NAMED_BULLET.match(body[j])):
            if body[j].strip():
                block.append(j)
            j += step
    heads = [m["head"] for j in block if (m := _NAMED_BULLET.match(body[j]))]
    return len(heads) >= 3 and 2 * sum(map(names_a_job, heads)) < len(heads)


# How many, not who: "Plenty of non-tech roles", "Lots more".
_QUANTITY = re.compile(r"(?:plenty|lots|loads|tons|a lot|a few|few|more|other|others)\b", re.I)


_ASIDE_OR_ROLES = re.compile(r"\([^()]*\)|\s+(?:roles?|positions?)\s*$")


def _team_item(head: str) -> bool:
    """Whether the head of a list item is a short capitalized name of a team or trade, as
    its sibling titles are ("Product people (UX/UI)", "Digital PR & Media Outreach"); not a
    heading, a sentence, a level, a place or a list of tools."""
    plain = _ASIDE_OR_ROLES.sub(" ", head).strip()
    return (
        0 < len([w for w in plain.split() if w not in ("&", "and", "/")]) <= 4
        and plain[0].isupper()
        and not _BODY_STOP.match(plain)
        and not SENTENCE_WORD.search(plain)
        and not GENERIC_ROLE.match(plain)
        and not _QUANTITY.match(plain)
        and not is_context(plain)
        and not any(not is_concept(skill) for skill in extract_skills(plain))  # "Kafka & Go"
    )


_DIGITS = re.compile(r"\d+")


def _marker(line: str) -> str:
    """A line's bullet sign ("-", "•", "1."→"1"), "" for none."""
    bullet = _BULLET.match(line.strip())
    return _DIGITS.sub("0", bullet.group(0).strip()) if bullet else ""


def _filler(line: str) -> bool:
    """A blank line or a link alone between the items of a list."""
    return not line.strip() or bool(URL_ONLY.match(line.strip()))


def _neighbours(body: list[str], i: int) -> tuple[int | None, int | None]:
    """The lines before and after line `i`, past blank lines and links alone."""
    before = next((j for j in range(i - 1, -1, -1) if not _filler(body[j])), None)
    after = next((j for j in range(i + 1, len(body)) if not _filler(body[j])), None)
    return before, after


def _with_siblings(body: list[str], found: list[RoleLine]) -> list[RoleLine]:
    """The items of a list of role lines that name a team or trade rather than a job ("• Data
    Analysts (Big Data)", "• Product people (UX/UI)", "• Business Analysts"): a bullet beside
    a role line with the same sign, when two role lines have it; a line without a bullet only
    between two role lines."""
    at = {f.index for f in found}
    signs = Counter(_marker(body[i]) for i in at)
    if max(signs.values(), default=0) < 2:
        return sorted(found, key=lambda f: f.index)  # no sign is shared: no list to complete
    more = []
    for i, line in enumerate(body):
        if i == 0 or i in at or _filler(line) or signs[sign := _marker(line)] < 2:
            continue
        sides = [j for j in _neighbours(body, i) if j in at and _marker(body[j]) == sign]
        hit = _role_line(line, in_list=True) if len(sides) >= (1 if sign else 2) else None
        if hit is None or names_a_job(hit[0].title):
            continue  # a line of jobs not read as roles was left out for a reason
        more.append(RoleLine(i, _placed(hit[0], own_where(line, hit[0].title)), False))
    return sorted(found + more, key=lambda f: f.index)


# A bullet that is a job's link: "- Data Platform - https://…", "• Ruby on Rails (Remote) http…".
_LINKED_BULLET = re.compile(
    r"^\s*[-*•·–▪►]\s*(?P<text>[^:()\s][^:()]{0,48}?[^:()\s])"
    r"(?:\s*\([^()]*\))?\s*(?:[-–—:,]\s*)?https?://"
)
_MORE = re.compile(r"\b(?:more|all|here|other)\b|[!?]", re.I)


def _linked_roles(body: list[str], found: list[RoleLine]) -> list[RoleLine]:
    """The bullets that are job links beside two or more that are role lines: each one a
    role, job noun or not ("• Ruby on Rails - http://…" among "• Release Engineer - http://…");
    not "- More roles: http://…" nor a place ("- Denver, CO - http://…")."""
    taken = {f.index for f in found}
    linked = [
        (i, m["text"])
        for i, line in enumerate(body)
        if "http" in line and (m := _LINKED_BULLET.match(line))  # a link: the cheap test first
    ]
    if sum(i in taken for i, _ in linked) < 2:
        return []
    return [
        RoleLine(i, _placed(Role(t), own_where(body[i], t)), False)
        for i, t in linked
        if i not in taken and _team_name(t)
    ]


def _team_name(text: str) -> bool:
    """Whether a short capitalized phrase can name a team or job: no sentence, place,
    "more" or "all"."""
    return (
        text[0].isupper()
        and len(text.split()) <= 5
        and not _MORE.search(text)
        and not GENERIC_ROLE.match(text)
        and not _BODY_STOP.match(text)
        and not SENTENCE_WORD.search(text)
        and not is_context(text)
    )


def _placed(role: Role, where: tuple[str | None, str | None]) -> Role:
    """`role` with the place and work mode its line or the heading above it states."""
    role.place, role.mode = where
    return role


def sections(body: list[str], found: list[RoleLine]) -> None:
    """Give each role line its section: the line itself and, for a line that only names the
    role (a heading), the lines below it up to the next role line or the end of the next
    paragraph. A list item's section also takes its wrapped continuation lines."""
    starts = {f.index for f in found}
    for f in found:
        if f.role.section is not None:
            continue
        if f.index - 1 in starts or f.index + 1 in starts:
            f.heading = False  # one line of a list of roles, not a heading
        lines = [body[f.index]]
        i = f.index + 1
        paragraphs = 0
        while i < len(body) and i not in starts:
            line = body[i]
            if not line.strip():
                if not f.heading or paragraphs >= 1 and len(lines) > 1:
                    break
                paragraphs += 1 if len(lines) > 1 else 0
            elif not f.heading and _BULLET.match(line.strip()):
                break
            lines.append(line)
            i += 1
        f.lines = list(range(f.index, i))
        f.role.section = "\n".join(x for x in lines if x.strip())
    for f in found:
        if f.role.salary is None:
            f.role.salary = _pay_below(body, f)


_PAY_OF_SOMEONE = re.compile(r"\bfor\b", re.I)
_BULLET_SIGN = re.compile(r"^[-*•·▪►]\s*")


def _pay_below(body: list[str], f: RoleLine) -> str | None:
    """The pay stated on the line below a role line of its section ("Platform Engineer —
    London" then "£150k–£300k base + equity"): the line opens with the pay, after a label
    ("Salary: …") at most; a line that only mentions a figure ("ACVs $100k+") is no pay, nor
    one that says whose pay it is ("$200k for the manager, $177k for the others")."""
    below = next((j for j in f.lines if j > f.index and body[j].strip()), None)
    if below is None:
        return None
    line = SALARY_LABEL.sub("", _BULLET_SIGN.sub("", body[below].strip()))
    stated = find_salaries(line)
    if not stated or not line.startswith(stated[0].text) or _PAY_OF_SOMEONE.search(line):
        return None
    return " / ".join(s.text for s in stated)


_AS_WELL_AS_ITEM = re.compile(r",?\s+as well as\s+")
_ROLES_WORD_END = re.compile(r"\s+(?:roles|positions)$", re.I)


def also_hiring(text: str) -> list[Role]:
    """Roles added in passing: "We are also hiring a Backend Engineer (Go) for …",
    "Also: Senior Data Analyst (£55k) and Staff ML Engineer (£110k), same office."."""
    roles: list[Role] = []
    low = lowered(text)
    if not any_in(_ALSO_HIRING_KEYS, low):
        return roles  # the cheap test first: most comments add no role in passing
    for m in _also_hiring_matches(text, low):
        listed = next((g for g in m.group("list", "list2", "list3", "list4", "list5") if g), "")
        listed = _AS_WELL_AS_ITEM.sub(", ", listed)
        if field := _field_wanted(listed):
            roles.append(Role(field, section=m.group(0).strip()))
            continue
        if relative := relative_list(listed):
            roles.extend(relative)  # each with its own words: its clause
            continue
        listed = _LIST_TAIL.sub("", listed.strip())
        listed = _QUOTED_LEAD.sub("", _MENTION_LEAD.sub("", listed))
        listed = _ROLES_WORD_END.sub("", listed)
        named = _named(listed)
        for role in named or split_roles(listed):
            if named or title_like(role.title):
                role.section = m.group(0).strip()
                roles.append(role)
    return roles


def _also_hiring_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """The matches `_ALSO_HIRING.finditer(text)` gives, tried only where one can start: the
    text's start, a line break, after a sentence's end and a space, or "also" (in `low`, the
    `lowered` text). Most of a long comment is none of these, where the scan of the whole
    pattern at every character costs most."""
    starts = {0, *_found_at(text, "\n"), *_found_at(low, "also")}
    starts.update(m.end() + 1 for m in _SENTENCE_GAP.finditer(text))
    end = 0
    for start in sorted(starts):
        if start >= end and (m := _ALSO_HIRING.match(text, start)):
            yield m
            end = m.end()


def _found_at(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in `text`."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


# "java developers who love …, data developers who want …, and also marketing candidates":
# the items of a list, each but the last saying in a clause who is wanted.
_ITEM_SEP = r",\s*(?:(?:and|or)\s+)?(?:also\s+)?"
_RELATIVE_CLAUSE = re.compile(r"\s+(?:who|that|whom)\s+\S.*$", re.I)
_CLAUSE_WORD = re.compile(r"\s(?:who|that|whom)\s", re.I)


def relative_list(text: str) -> list[Role]:
    """The jobs of a list whose items say in a clause whom they want ("Designers that code,
    PMs that have strong design skills, or design-savvy engineers"), each with its item as
    its section: two or more clauses, each item's head a job or a short name, two or more of
    them jobs; else none. The commas of a clause break the list into words that are no job,
    so a sentence is no such list."""
    if not _CLAUSE_WORD.search(text):
        return []  # the cheap test first: most lists say no "who"/"that"
    items = [i.strip() for i in split_outside_parens(text, _ITEM_SEP)]
    heads = [_MENTION_LEAD.sub("", _RELATIVE_CLAUSE.sub("", i)).strip() for i in items]
    clauses = sum(h != i for h, i in zip(heads, items, strict=True))
    if clauses < 2 or sum(map(names_a_job, heads)) < 2:
        return []
    if not all(h and len(h.split()) <= 5 and (names_a_job(h) or list_item(h)) for h in heads):
        return []
    return [Role(h, section=i) for h, i in zip(heads, items, strict=True)]


# "people interested in signal processing and machine learning to join …", "on the marketing
# front": a field named in place of a job.
_FIELD_WANTED = re.compile(
    r"^(?:(?:people|folks|candidates|someone)\s+(?:interested|experienced|skilled)\s+in\s+"
    r"(?P<field>[\w/&+ -]+?)(?:\s+to\s+.*)?|on the\s+(?P<side>[\w/&+ -]+?)\s+(?:front|side))$",
    re.I,
)


def _field_wanted(listed: str) -> str | None:
    """The field a hire in passing is named by ("… looking for people interested in signal
    processing to join our team" → "signal processing", "also hiring on the marketing
    front" → "marketing"): a short name in lower case of a department or of a field of
    knowledge; not a tool ("someone experienced in Rust"), nor "joining us", "the other side"."""
    m = _FIELD_WANTED.match(listed.strip())
    field = (m["field"] or m["side"]) if m else ""
    if not field[:1].islower() or len(field.split()) > 5 or SENTENCE_WORD.search(field):
        return None
    department = DEPARTMENT_WORD.match(field) and field.lower() not in ("other", "open")
    return field if department or any(map(is_concept, extract_skills(field))) else None


def _named(listed: str) -> list[Role]:
    """The items of "Head of Design, Partnerships and Customer Care" when there
    are three or more and each is a short capitalized name: after "also hiring" every one is a
    role, job noun or not."""
    items = _named_items(listed)
    return items if len(items) >= 3 and all(r.title[0].isupper() for r in items) else []
