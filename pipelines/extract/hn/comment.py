"""One "Who is hiring?" comment → its postings: is it an offer, which roles, each role's
section, pay and skills text, the links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from pipelines.blurb import PARAGRAPH_BREAK, STACK_CUE, without_blurb
from pipelines.classify import classify_role, has_job_head, names_a_job
from pipelines.extract.hn.body import (
    RoleLine,
    also_hiring,
    hiring_mentions,
    listed_mentions,
    role_lines,
    sections,
    subject_roles,
)
from pipelines.extract.hn.company import (
    full_name,
    intro_company,
    name_before_places,
    name_key,
    named_company,
    signed_company,
    site_company,
    spelled_name,
)
from pipelines.extract.hn.cues import META_START, REMOTE
from pipelines.extract.hn.header import (
    OTHER_SITES,
    Header,
    header_blocks,
    one_pay,
    parse_header,
    prose_roles,
    repeated_headers,
)
from pipelines.extract.hn.titles import Role, department_roles, head_noun, split_pair
from pipelines.extract.hn.where import mode_only
from pipelines.model import ExtractedPosting, Extraction
from pipelines.remote import role_dependent
from pipelines.salary import find_salaries
from pipelines.skills import extract_skills, is_concept
from pipelines.text import any_in, extract_links, html_to_text, lowered
from pipelines.times import iso_time

HN_ITEM_URL = "https://news.ycombinator.com/item?id={}"


_SEEKING_WORK = re.compile(
    r"^\W*(?:seeking (?:work|freelance\w*|employment|a (?:job|role|position))|"
    r"(?:i'?m |i am )?(?:looking|searching) for (?:work|a job|a new (?:job|role|position)|"
    r"(?:a |an )?(?:new )?(?:job|role|position|opportunit\w+)\b)|hire me\b|open to work|"
    r"available for (?:hire|work|contracts?))"
    r"|\b(?:i'?m|i am) (?:looking|seeking|searching) for (?:a |an |my )?(?:new |next |full[- ]time "
    r"|remote )?(?:job|work|role|position|opportunit)",
    re.I,
)
# "Looking for freelance or contract work.": a sentence of someone who wants the work, anywhere
# in a post (the first line may be their own pipe header); not "a new gig" (the reader's).
_SEEKING_CONTRACT = re.compile(
    r"(?:^|[.!?]\s+)(?:i'?m |i am )?(?:currently )?(?:looking|searching) for (?:a |an )?"
    r"(?:(?:or|and|freelance|part[- ]time|full[- ]time|contract|remote|consulting)[\s,]+){1,6}"
    r"(?:work|contracts?|gigs?|opportunit\w+)\b",
    re.I | re.M,
)
# Someone selling a service to those who hire: "I help teams audit …", "We build done-for-you
# automations … If you're hiring for ops roles, we can automate …".
_SERVICE_PITCH = re.compile(
    r"\bif you(?:['’]re| are) hiring\b|\bdone-for-you\b|"
    r"\bI help (?:\w+ ){0,2}(?:teams|companies|startups|founders|businesses)\b",
    re.I,
)
# One of these is in every text that _SERVICE_PITCH finds (lowered: an re.I match lowers to it).
_SERVICE_KEYS = ("hiring", "done-for-you", "help")


def _sells_a_service(text: str) -> bool:
    return any_in(_SERVICE_KEYS, lowered(text)) and bool(_SERVICE_PITCH.search(text))


_WE_HIRE = re.compile(r"\bwe(?:['’]re| are)? (?:hiring|looking|seeking|need)\b", re.I)
# The "Who wants to be hired?" template, pasted into the wrong thread.
_SEEKING_FORM = re.compile(r"willing to relocate\s*:", re.I)

_HIRING_CUE = re.compile(
    r"\b(?:hiring|we'?re looking for|we are looking for|(?:is|are) looking for|"
    r"(?:is|are) seeking|we (?:seek|need)|looking to hire|join (?:us|our|the)|"
    r"open (?:roles?|positions?)|(?:roles?|positions?) (?:open|available)|"
    r"apply|careers?\b|send (?:us |me )?(?:your |a )?(?:resume|cv)|email (?:me|us)|jobs@|"
    r"recruiting|positions? (?:available|open)|sucht|suchen|buscamos|recrute|recrutons|"
    r"zoeken|vacature|stellenangebot|we offer|"
    r"(?:has|have) (?:\w+ ){0,2}(?:jobs|openings|positions)|"
    r"r[ée]sum[ée]|\bcv\b|openings|"
    r"(?<![\w.])(?:jobs|careers)\.[a-z0-9-]+\.[a-z]{2,})",  # a link to the company's jobs site
    re.I,
)

_ATS_HOSTS = (
    "greenhouse.io", "lever.co", "ashbyhq.com", "workable.com", "smartrecruiters.com",
    "recruitee.com", "bamboohr.com", "breezy.hr", "jobvite.com", "myworkdayjobs.com",
    "teamtailor.com", "personio.de", "personio.com", "wellfound.com", "workatastartup.com",
    "rippling-ats.com", "ats.rippling.com", "jazzhr.com", "applytojob.com", "pinpointhq.com",
    "homerun.co", "join.com", "dover.com", "gem.com", "polymer.co", "jobs.gem.com",
)  # fmt: skip
_CAREERS_PATH = re.compile(
    r"/(?:careers?|jobs?|join(?:-us)?|apply|positions|openings|hiring|work-with-us|vacancies|"
    r"karriere|stellen|empleo|recrutement)(?:[/?#.-]|$)",
    re.I,
)


# --- is it a job offer? ----------------------------------------------------------------------


def _not_an_offer(text: str, lines: list[str], header: Header, listed: int) -> bool:
    """Whether a comment is no job offer: someone seeking work or selling a service, a remark
    or a reply. `listed` is the number of role lines in its body: a list of two or more roles
    is an offer even without a hiring word ("Both roles are in Ghent:" then "- Head of Growth:
    <link>")."""
    first_para = text.split("\n\n", 1)[0]
    if _SEEKING_WORK.search(first_para[:300]):
        return True
    if header.kind in ("none", "lines") and _SEEKING_FORM.search(text):
        return True
    if (_SEEKING_CONTRACT.search(text) or _sells_a_service(text)) and not _WE_HIRE.search(text):
        return True
    if header.kind in ("pipe", "kv", "at", "dash", "prose", "lines") or listed >= 2:
        return False
    if META_START.match(lines[0]):
        return True
    if "?" in first_para and not _HIRING_CUE.search(first_para):
        return True
    return not _HIRING_CUE.search(text)


# --- links -----------------------------------------------------------------------------------


def _apply_url(urls: list[str]) -> str | None:
    best = None
    for url in urls:
        parts = urlsplit(url)
        host = parts.netloc.lower().split(":")[0]
        if host.endswith("ycombinator.com") and "/jobs" not in parts.path:
            continue
        if any(host == h or host.endswith("." + h) for h in _ATS_HOSTS):
            return url
        if best is None and (
            _CAREERS_PATH.search(parts.path) or host.startswith(("jobs.", "careers.", "apply."))
        ):
            best = url
    return best


_CAREERS_AT = re.compile(
    r"\b(?:careers?|jobs?|apply)\s+(?:at|@)\s+(?:www\.)?(?P<name>[\w-]+)\.[a-z]{2,}\b", re.I
)
_URL = re.compile(r"https?://\S+")


def _site_company(lines: list[str]) -> str | None:
    """The company a web address in the first lines spells when nothing else names it:
    "careers at acme.example", a link alone on its line ("http://www.acme.example"), the
    company's careers site ("jobs.acme.example"), or a job board's page on the company's own
    subdomain or path ("acme-jobs.personio.de", "jobs.ashbyhq.com/acme")."""
    for line in lines[:3]:
        if m := _CAREERS_AT.search(line):
            return spelled_name(m["name"], lines)
        for url in _URL.findall(line):
            if name := _url_company(url, alone=url == line.strip()):
                return spelled_name(name, lines)
    if len(lines) <= _SHORT_POST:  # a short post's own link, alone on a later line
        for line in lines[3:]:
            if _URL.fullmatch(line) and (name := _url_company(line, alone=True)):
                return spelled_name(name, lines)
    return None


_SHORT_POST = 8


def _board_path_company(path: str) -> str | None:
    """The company a job board's shared host names in its path: "jobs.ashbyhq.com/acme"."""
    first = path.strip("/").split("/")[0]
    generic = first.lower() in ("embed", "apply", "jobs", "job", "j", "careers", "companies")
    return first if re.fullmatch(r"[a-z][a-z0-9-]{1,40}", first, re.I) and not generic else None


def _url_company(url: str, alone: bool) -> str | None:
    host = urlsplit(url).netloc.lower().split(":")[0].removeprefix("www.")
    board = next((h for h in _ATS_HOSTS if host.endswith("." + h)), None)
    if board is not None:
        sub = host[: -len(board) - 1]
        if sub not in ("jobs", "boards", "apply", "careers", "job-boards", "app"):
            return re.sub(r"[-.]?(?:jobs|careers)\b", "", sub) or None
        return _board_path_company(urlsplit(url).path)
    if m := _CAREERS_HOST.fullmatch(host):
        return m["name"]  # "jobs.acme.example/…": the company's own careers site
    if not alone or OTHER_SITES.search(host) or host.count(".") != 1:
        return None  # "acme.example/blog/…" in a sentence may be anyone's
    return host.split(".")[0]


_CAREERS_HOST = re.compile(r"(?:jobs|careers)\.(?P<name>[a-z0-9-]{2,40})\.[a-z]{2,6}")


def _posted_at(comment: dict[str, Any]) -> datetime | None:
    if (dt := iso_time(comment.get("created_at"))) is not None:
        return dt.astimezone(UTC)
    stamp = comment.get("created_at_i")
    if isinstance(stamp, int | float):
        return datetime.fromtimestamp(stamp, UTC)
    return None


# --- entry point -----------------------------------------------------------------------------

_AGENCY = re.compile(
    r"\b(?:on behalf of|recruit(?:ing|ment) (?:firm|agency|company)|staffing (?:firm|agency)|"
    r"our clients?|for (?:a|our) client)\b",
    re.I,
)
_DEAD_TEXTS = {"[deleted]", "[dead]", "[flagged]", "[removed]"}


def extract_hn(comment: dict[str, Any]) -> Extraction:
    """The postings of one top-level comment of a "Who is hiring?" thread (Algolia item shape).

    A comment with no text is "deleted"; a comment without author but with text (as some
    trimmed dumps have) is still read. Remarks, replies and people seeking work are
    "not_a_job_offer".
    """
    html = comment.get("text") or ""
    if not html.strip() or html.strip().lower() in _DEAD_TEXTS:
        return Extraction(skip_reason="deleted")
    text = html_to_text(html, keep_newlines=True)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return Extraction(skip_reason="deleted")

    header = parse_header(lines)
    if header.company is None:
        header.company = full_name(
            intro_company(lines)
            or named_company(lines)
            or name_before_places(lines[0])
            or _site_company(lines)
            or signed_company(lines),
            lines[0],
        )
    elif (named := site_company(header.company, lines)) != header.company:
        _team_to_titles(header.roles, header.company, lines[0])
        header.company = named
    header.locations = [x for x in header.locations if not _is_name(x, header.company)]
    body = [item for line in text.split("\n") for item in _glued_items(line)]
    found = role_lines(body)
    if _not_an_offer(text, lines, header, len(found)):
        return Extraction(skip_reason="not_a_job_offer")

    sections(body, found)
    roles = header.roles or ([] if found else header.teams)
    if found and (not roles or header.generic_roles and len(roles) <= 1):
        roles = _named_before_others(body, found, lines) + [f.role for f in found]
    elif roles and _body_names_others(roles, found):
        # "Acme | Engineers | …" then "- Senior ML Engineer", "- Staff Data Engineer": the
        # body's roles, and those of the header that they do not spell out ("DevRel"). One
        # header role of the body's kind sums them up ("Engineers"); of two or more,
        # each one is its own unless the body's titles hold all its words ("Vision
        # Engineer, Data Engineer" beside "- Senior Platform Engineer" are two more).
        said = set().union(*(_summary_words(f.role.title) for f in found)) | _SUMMARY_WORDS
        heads = {head_noun(f.role.title) for f in found} if len(roles) == 1 else set()
        more = [
            r
            for r in roles
            if head_noun(r.title) not in heads
            and not _summary_words(r.title) <= said
            and not department_roles(r.title)  # "Hiring Eng, Product & Growth": the teams
        ]
        _take_header_levels([f.role for f in found], roles)
        _spelled_in_header([f.role for f in found], roles)
        roles = [f.role for f in found] + more
    elif roles and found:
        # The header's roles, described one by one in the body: their sections. A body title
        # that holds a header role's words in full is that role spelled out: the header's
        # "Web Developer, Lesson Design" split as "Web Developer" and "Lesson Design" are
        # the body's "Web Developer, Lesson Design".
        by_title = {f.role.title.lower(): f.role for f in found}
        longer = _spelled_out(roles, found)
        for i, role in enumerate(roles):
            twin = by_title.get(role.title.lower()) or longer.get(i)
            if twin is not None:
                role.title = twin.title
                role.section = twin.section
                role.salary = role.salary or twin.salary
                role.place, role.mode = twin.place, twin.mode
    if not roles and (prose := prose_roles(lines)) is not None:
        roles = _kinds_named(prose.roles, hiring_mentions(lines)) or prose.roles
        header.company = header.company or prose.company or intro_company(lines)
    if not roles:
        roles = hiring_mentions(lines) or subject_roles(lines)
    elif (
        not found
        and header.kind in _ROLE_PIECE_HEADERS
        and _one_bare_noun(roles, lines[0])
        and _one_list(named := hiring_mentions(lines))
    ):
        roles = named  # "Acme | Engineer | …" then "Hiring for full-stack, front-end and data"
    elif not found and not all(has_job_head(r.title) for r in roles):
        _spell_out(roles, hiring_mentions(lines))
    roles = _with_repeated(roles, repeated_headers(lines, header.company))
    if header.salary is None and len(posts := header_blocks(lines, header.company)) > 1:
        for role in header.roles:  # the first of several posts: its own pay
            role.salary = role.salary or one_pay(posts[0])
    passing: set[int] = set()  # the roles named in passing
    if roles:
        also = _also_new(roles, also_hiring(text))
        passing.update(id(r) for r in also)
        roles = roles + _more_listed(roles, lines) + also
        roles = [part for r in roles for part in _levels_with_own_pay(r, header.salary, roles)]
        _salaries_per_role(header.salary, roles)
        if header.salary:
            _pay_after_name(lines[0], roles)
    if not roles and _AGENCY.search(text.split("\n\n", 1)[0]):
        return Extraction(skip_reason="not_a_job_offer")  # a recruiter with no role to name
    roles = _dedupe_roles([part for r in roles for part in split_pair(r)], found) or [
        Role(header.function or ""),
        *([Role(header.interns)] if header.interns else []),  # "| Full time, interns |"
    ]
    shared = _shared_text(body, found, roles)
    if shared is None:
        shared_skills, claimed = without_blurb(text, header.company), {}
    else:
        shared_skills, claimed = _split_shared(without_blurb(shared, header.company), roles)
    if len(roles) > 1 and header.salary is None and not any(r.salary for r in roles):
        # "(salary ranges for each job 70k-130k)": one figure in the words every role shares.
        stated = find_salaries(shared if shared is not None else text)
        if len(stated) == 1:
            # Not to a role named in passing ("We're also hiring …") whose words do not say it,
            # and only to the role its line names when it names one ("Comp example: Full
            # Stack, mid-senior $153K–$171K").
            named = _named_on_line(roles, text, stated[0].text)
            for role in roles:
                if named is not None and role is not named:
                    continue
                if id(role) not in passing or stated[0].text in (role.section or ""):
                    role.salary = stated[0].text

    urls = extract_links(html)
    location = "; ".join(dict.fromkeys(x for x in header.locations if x)) or None
    remote = "; ".join(dict.fromkeys(x for x in header.remotes if x)) or None
    comment_id = comment.get("id")
    common = dict(
        company=header.company,
        description=text,
        posted_at=_posted_at(comment),
        url=HN_ITEM_URL.format(comment_id) if comment_id is not None else None,
        apply_url=_apply_url(urls),
    )
    summed_up = _header_sums_up_modes(remote, roles)
    postings = [
        ExtractedPosting(
            title=without_company(role.title, header.company),
            salary_text=role.salary or header.salary,
            structured_seniority=role.level,
            urls=list(urls),
            skills_text=_skills_text(role, claimed.get(i), shared_skills, roles),
            # A role that names its own place or work mode has them; the others the comment's.
            location_text=role.place or location,
            remote_text=_role_mode(role, remote, summed_up),
            mode_in_description=not _mode_left_to_place(role, remote, summed_up)
            and not _mode_left_to_each(role, remote),
            **common,  # type: ignore[arg-type]
        )
        for i, role in enumerate(roles)
    ]
    return Extraction(postings=postings)


def extract_hn_hiring(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """`extract_hn` with the `(record, context)` signature of the catalog's extractors: a
    comment is read alone, its thread is not needed."""
    return extract_hn(record)


_GLUED_DASH = re.compile(r"\s+(?=-[A-Z])")
_GLUED_FIRST = re.compile(r"\s*-[A-Z]")


def _glued_items(line: str) -> list[str]:
    """The items of a line in a list whose dashes are glued to their words: "-Frontend
    Developer (HTML, CSS) -UI/UX Designer" is two items, as if on two lines."""
    return _GLUED_DASH.split(line) if _GLUED_FIRST.match(line) else [line]


def _team_to_titles(roles: list[Role], team: str, line: str) -> None:
    """A header piece that was taken for the company but is not it goes back to the title it
    follows after a dash: "Sr. Engineer - Core Systems" when the post is Slice's."""
    for role in roles:
        if m := re.search(rf"{re.escape(role.title)}\s+[-–—]\s+{re.escape(team)}\b", line):
            role.title = m[0]


def without_company(title: str, company: str | None) -> str:
    """The title without the employer's name glued before it ("Acme Developer" at Acme): the
    name as written, then a capitalized job title."""
    if not company or names_a_job(company) or not title.startswith(company + " "):
        return title
    rest = title[len(company) :].strip()
    return rest if rest[:1].isupper() and names_a_job(rest) else title


def _header_sums_up_modes(remote: str | None, roles: list[Role]) -> bool:
    """Whether the header's work mode is one that a role's own line states: the header then
    sums up its roles ("SF, Remote (US)" over "- Backend | SF, Remote (US)" and "- Sales |
    SF")."""
    mode = mode_only(remote) if remote else None
    return bool(mode) and any(r.mode and mode.lower() in r.mode.lower() for r in roles)


def _beside_the_mode(place: str, remote: str) -> bool:
    """Whether the header names `place` before its remote words, as a place of its own ("SF,
    Remote (US)"), not as one the remote work may be done from ("REMOTE (US, INDIA)")."""
    mode = REMOTE.search(remote)
    at = remote.lower().find(place.lower())
    return mode is not None and 0 <= at < mode.start()


def _role_mode(role: Role, remote: str | None, summed_up: bool) -> str | None:
    """A role's work-mode words: its own; else, for a role that names its own place, the
    header's without their places; else the header's. A role whose line names only a place
    the header sets beside its summed-up remote ("- Sales | SF") has no stated mode."""
    if role.mode:
        return role.mode
    if not role.place:
        return remote
    if not remote or _mode_left_to_place(role, remote, summed_up):
        return None
    return mode_only(remote)


def _mode_left_to_place(role: Role, remote: str | None, summed_up: bool) -> bool:
    """Whether a role that names only its place has no stated mode: the header's remote
    words sum up other roles' own lines and set this role's place beside them."""
    return bool(summed_up and remote and role.place and not role.mode) and _beside_the_mode(
        role.place, remote
    )


def _mode_left_to_each(role: Role, remote: str | None) -> bool:
    """Whether the header leaves the work mode to each role ("ONSITE & Remote for some
    roles") and this role states none of its own: the comment's other words (another
    role's "(Onsite)") do not state it either."""
    return bool(remote) and not role.mode and role_dependent(remote)


def _is_name(place: str, company: str | None) -> bool:
    """Whether a header "place" is the company's own name, found elsewhere in the comment: a
    one-word name that is also some town's ("Yassi | Senior Engineer …" then "YASSI builds
    …") names the employer, not where the job is."""
    if not company:
        return False
    return name_key(place) == name_key(company)


def _skills_text(role: Role, claimed: str | None, shared: str, roles: list[Role]) -> str:
    """The words a role's skills are read from. Beside other roles, a role that is not
    technical ("Product Manager", "Sales") asks only for what its own words name: the team's
    stack is the engineers'. The others take their own section, the paragraphs that name
    them alone (`claimed`) and what every role shares (the stated stack, the requirements),
    without the company's blurb, nor the sides of a split stack that are other roles'."""
    own = (role.title, role.section, claimed)
    if len(roles) > 1 and classify_role(role.title) == "other":
        return "\n".join(x for x in own if x)
    if len(roles) > 1:
        shared = without_other_titles(without_other_sides(shared, role, roles), role, roles)
    return "\n".join(x for x in (*own, shared) if x)


def without_other_titles(text: str, role: Role, roles: list[Role]) -> str:
    """`text` without the other roles' titles: a header that lists "Storage Engineer, FPGA
    Verification, Product Manager" asks the Storage Engineer for no FPGA."""
    for other in roles:
        if other.title != role.title and other.title not in role.title and len(other.title) > 3:
            text = text.replace(other.title, " ")
    return text


# --- a stack split by side -------------------------------------------------------------------

# One side of a stack, named after its tools ("Clojure on the backend", "C++ for the core
# engine", "a TypeScript platform layer") or before them ("Backend: Python, Django", "On the
# backend we use Go").
_SIDE_AFTER = re.compile(
    r"(?:\b(?:on|for|in) (?:the|our) ([\w+#-]+(?: [\w+#-]+)?)|\b([\w+#-]+) (?:layer|side|tier))"
    r"[\s.)\]]*$",
    re.I,
)
_SIDE_BEFORE = re.compile(
    r"^[\s*•·-]*(?:(?:on|for|in) (?:the|our) ([\w+#-]+(?: [\w+#-]+)?)\b|([\w+#-]+(?: [\w+#-]+)?):)",
    re.I,
)
# Pieces of text a side can span (a line, a sentence, a part between semicolons) and the
# clauses inside one (between commas).
_PIECES = re.compile(r"(\n|;\s*|(?<=[.!?])\s+)")
_CLAUSES = re.compile(r"(,\s*)")
_SPLIT_WORD = re.compile(r"\b(back|front)[\s-]+(end)\b|\b(full)[\s-]+(stack)\b", re.I)
# Title words that name no side of a product.
_NO_SIDE = frozenset(
    {"engineer", "developer", "programmer", "senior", "sr", "junior", "jr", "staff",
     "principal", "lead", "software", "role", "team", "head", "of", "and", "the", "a", "tech",
     "technical", "stack"}
)  # fmt: skip


@lru_cache(maxsize=4096)  # every role's title is read again beside each other role
def _side_words(text: str) -> frozenset[str]:
    """The words of a title or a side, "back-end"/"back end" as "backend", "full stack" as
    "fullstack"; a full-stack role works on both ends."""
    words = _title_words(_SPLIT_WORD.sub(lambda m: "".join(g for g in m.groups() if g), text))
    if "fullstack" in words:
        words |= {"backend", "frontend"}
    return frozenset(words - _NO_SIDE)


def _side_of(clause: str, find: Callable[[str], re.Match[str] | None]) -> frozenset[str]:
    found = find(clause)
    return _side_words(next(g for g in found.groups() if g)) if found else frozenset()


def without_other_sides(text: str, role: Role, roles: list[Role]) -> str:
    """`text` without the clauses that give one side of a split stack to the other roles:
    beside a Backend and a Frontend Engineer, "Clojure on the backend, React on the frontend"
    gives the first Clojure and the second React. A stack is split when it names two sides
    that technical roles' titles name, either as labels ("Backend: Go" and "Frontend: React")
    or at the ends of the clauses of one sentence. A side no role names ("a TypeScript
    platform layer") and a clause without a side stay everyone's, and a role whose title
    names none of the sides (a Data Scientist beside "Backend: …, Frontend: …") keeps all."""
    words = {id(r): _side_words(r.title) for r in roles if classify_role(r.title) != "other"}
    mine = words.get(id(role), set())
    others = set().union(*(w for i, w in words.items() if i != id(role))) - mine
    if not mine or not others:
        return text
    clauses, sides = _sided_clauses(text, frozenset(mine | others))
    if not mine & set().union(*sides):
        return text
    return "".join(
        " " if side & others and not side & mine else clause
        for clause, side in zip(clauses, sides, strict=True)
    )


_NO_SIDES: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
# Side words a clause spells apart: "back end", "front-end", "full stack" (both ends).
_SPELT_APART = {"backend": ("back", "full"), "frontend": ("front", "full"), "fullstack": ("full",)}


@lru_cache(maxsize=64)
def _side_keys(named: frozenset[str]) -> tuple[str, ...]:
    """The words of `named` and the parts they are spelt apart in: a lowered clause that
    holds none of them names no side."""
    return (*named, *(part for w in named for part in _SPELT_APART.get(w, ())))


def _sides_of(clause: str, named: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The sides (of `named`) the label of `clause` and its end name. A side word is in the
    lowered clause (a plural's stem too) or spelt apart: a clause without any is read no
    further, as most are not."""
    if not any_in(_side_keys(named), clause.lower()):
        return _NO_SIDES
    return (
        _side_of(clause, _SIDE_BEFORE.match) & named,
        _side_of(clause, _SIDE_AFTER.search) & named,
    )


@lru_cache(maxsize=64)  # each role of a comment reads the same shared text and sides
def _sided_clauses(
    text: str, named: frozenset[str]
) -> tuple[tuple[str, ...], tuple[frozenset[str], ...]]:
    """The clauses of `text` and the side words (of `named`) each one is given to."""
    read = [
        [(c, *_sides_of(c, named)) for c in _CLAUSES.split(piece)] for piece in _PIECES.split(text)
    ]
    split_by_label = _two_sides(label for piece in read for _, label, _ in piece)
    all_clauses, all_sides = [], []
    for piece in read:
        ends = [end for _, _, end in piece]
        if not _two_sides(ends):
            ends = [frozenset()] * len(piece)  # "Python, Node, Clojure on the backend": one list
        side: frozenset[str] = frozenset()  # the side a label names, for the clauses after it
        for (clause, label, _), end in zip(piece, ends, strict=True):
            side = (label or side) if split_by_label else frozenset()
            all_clauses.append(clause)
            all_sides.append(end or side)
    return tuple(all_clauses), tuple(all_sides)


def _two_sides(sides: Iterable[frozenset[str]]) -> bool:
    return len({s for s in sides if s}) >= 2


# A line of prose: a dozen words or more, few of them between commas (a comma list of tools
# is no prose).
_WORD = re.compile(r"[^\W_]+")
_BULLET = re.compile(r"\s*[-*•·‣–—]\s")


def _story(paragraph: str) -> bool:
    """Whether `paragraph` tells about the company: some line of it is a sentence rather than a
    list or a list's item, and the only skills it names are fields ("deep learning", "LLMs"),
    not tools ("Both: PyTorch, JAX and strong math" is a stack)."""
    for line in paragraph.split("\n"):
        words = len(_WORD.findall(line))
        if not _BULLET.match(line) and words >= 12 and 3 * line.count(",") < words:
            return all(is_concept(skill) for skill in extract_skills(paragraph))
    return False


def _split_shared(shared: str, roles: list[Role]) -> tuple[str, dict[int, str]]:
    """What the roles of a comment with sections share, and the paragraphs of it that are
    one role's. Beside the roles' own sections, the rest of the comment gives every role only
    its header and the paragraphs that name a role, state a stack or a requirement or list
    tools: prose without such words that names only fields is the company's story ("Tables
    power every model …; we built the first …"). A role's own header after the comment's,
    naming it and no other role ("Acme | Full Stack Engineer | Berlin"), starts that role's
    part: it and the paragraphs after it ("React, FastAPI, …") are that role's."""
    # The header is the first line: a blurb may follow it without a blank line.
    header, _, rest = shared.partition("\n")
    paragraphs = [header, *PARAGRAPH_BREAK.split(rest)]
    kept, claimed = [paragraphs[0]], {}
    owner = None  # the role whose own header came last
    for paragraph in paragraphs[1:]:
        named = [i for i, r in enumerate(roles) if len(r.title) > 3 and _holds(r.title, paragraph)]
        if paragraph.count("|") >= 2:
            owner = named[0] if len(named) == 1 else None
        if owner is not None:
            claimed[owner] = "\n".join(x for x in (claimed.get(owner), paragraph) if x)
        elif named or STACK_CUE.search(paragraph) or not _story(paragraph):
            kept.append(paragraph)
    return "\n\n".join(kept), claimed


_LEVEL = r"(?:senior|staff|principal|lead|junior|mid(?:-level)?|entry[- ]level)"
# "Staff or Principal SRE", "Senior/Staff Engineer": levels of one role, then the role.
_LEVEL_CHOICE = re.compile(
    rf"(?P<levels>{_LEVEL}(?:\s*(?:/|,|\bor\b|\band\b|&)\s*{_LEVEL})+)\s+(?P<role>\S.*)", re.I
)


def _levels_with_own_pay(role: Role, salary: str | None, roles: list[Role]) -> list[Role]:
    """A title of alternative levels whose pay names each level ("Staff or Principal SRE"
    with "Staff: $190k-$210k, Principal $210k-$235k") is one job per level, each with its
    pay; any other role as it is."""
    m = _LEVEL_CHOICE.fullmatch(role.title)
    pay = role.salary or (salary if len(roles) == 1 else None)
    if m is None or not pay:
        return [role]
    levels = re.findall(_LEVEL, m["levels"], re.I)
    starts = [re.search(rf"\b{level}\b", pay, re.I) for level in levels]
    if not all(starts) or sorted(s.start() for s in starts) != [s.start() for s in starts]:
        return [role]
    ends = [s.start() for s in starts[1:]] + [len(pay)]
    pieces = [pay[s.end() : e].strip(" :,;/") for s, e in zip(starts, ends, strict=True)]
    if not all(find_salaries(p) for p in pieces):
        return [role]
    return [
        replace(role, title=f"{level} {m['role']}", salary=piece)
        for level, piece in zip(levels, pieces, strict=True)
    ]


def _salaries_per_role(salary: str | None, roles: list[Role]) -> None:
    """One header cell with a range per role: "$190k–$230k / $230k–$270k" for two roles in
    the order named, or "₹30–50 LPA (Lead) / ₹15–25 LPA (Data Scientist)" by name."""
    if not salary or len(roles) < 2 or any(r.salary for r in roles):
        return
    pieces = [p.strip() for p in re.split(r"\s+/\s+|\s*;\s*", salary) if p.strip()]
    if len(pieces) != len(roles) or not all(find_salaries(p) for p in pieces):
        return
    names = [re.search(r"\(([^()]*)\)\s*$", p) for p in pieces]
    if not any(names):
        for role, piece in zip(roles, pieces, strict=True):
            role.salary = piece
        return
    left = list(roles)
    for piece, name in sorted(
        zip(pieces, names, strict=True), key=lambda x: -len(x[1][1] if x[1] else "")
    ):
        if name is None:
            return
        key = name.group(1).strip().lower()
        match = next((r for r in left if r.title.lower() == key), None) or next(
            (r for r in left if key in r.title.lower()), None
        )
        if match is None:
            return
        match.salary = piece[: name.start()].strip()
        left.remove(match)


def _named_on_line(roles: list[Role], text: str, pay: str) -> Role | None:
    """The one role of `roles` whose title the line stating `pay` names, else None (no line
    names one, or several do)."""
    line = next((line.lower() for line in text.split("\n") if pay in line), "")
    named = [r for r in roles if r.title and r.title.lower() in line]
    return named[0] if len(named) == 1 else None


def _pay_after_name(header_line: str, roles: list[Role]) -> None:
    """A header line that states two or more pays, each after the role it is for ("ML
    Engineers | SF | $150k-220k & Enterprise Sales | SF | $70-120k + Commission"): a role
    without a pay of its own, named there, takes the first pay after its name."""
    if len(find_salaries(header_line)) < 2:
        return
    lowered_line = header_line.lower()
    for role in roles:
        at = lowered_line.find(role.title.lower()) if role.title else -1
        if at >= 0 and not role.salary and (stated := find_salaries(header_line[at:])):
            role.salary = stated[0].text


def _shared_text(body: list[str], found: list[RoleLine], roles: list[Role]) -> str | None:
    """The text of a several-role comment outside every role's own section (what all roles
    share), or None when the roles have no sections of their own."""
    if len(roles) < 2 or not any(r.section for r in roles):
        return None
    own = {i for f in found for i in f.lines if f.role.section}
    text = "\n".join(line for i, line in enumerate(body) if i not in own)
    for role in roles:
        if role.section and role.section in text:
            text = text.replace(role.section, " ")
    return text


# Words a header's summary of the body's roles adds to them ("Software Engineers" above
# "- Senior Backend Engineer", "Jr/Sr Engineers + other" above "- Junior Engineer"): levels,
# counts, "other".
_SUMMARY_WORDS = frozenset(
    {
        "software", "senior", "sr", "junior", "jr", "mid", "staff", "principal", "multiple",
        "various", "several", "other", "others", "engineering",
    }
)  # fmt: skip
# The job nouns a summary may use for one another ("Full-Stack Engineers" above "- Senior
# Full-Stack Developer").
_SAME_NOUN = {
    "developer": "engineer",
    "dev": "engineer",
    "eng": "engineer",
    "programmer": "engineer",
}


def _summary_words(title: str) -> set[str]:
    """The words of a title as a header's summary of the body's roles compares them."""
    return {_SAME_NOUN.get(w, w) for w in _title_words(title)}


@lru_cache(maxsize=4096)  # each title is compared with every other role's
def _title_words(title: str) -> frozenset[str]:
    """The words of a title in lower case, plurals made singular: "ML Engineers" → {ml,
    engineer}."""
    words = _WORD.findall(title.lower())
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words
    )


_LEVEL_WORDS = frozenset({"senior", "sr", "junior", "jr", "staff", "principal", "lead"})


def _take_header_levels(body_roles: list[Role], header_roles: list[Role]) -> None:
    """A body title without a level that a header role names with one ("Product Manager:
    <link>" under "Acme | Senior Product Manager, …") takes the header's title: the level is
    the job's, left out of the link's label. Not when the header also names the title bare,
    nor when the header offers more than one level ("Principal / Staff Engineer")."""
    headed = [_title_words(r.title) for r in header_roles]
    for role in body_roles:
        words = _title_words(role.title)
        if words & _LEVEL_WORDS or words in headed:
            continue
        for header_role, header_words in zip(header_roles, headed, strict=True):
            more = header_words - words
            if words < header_words and len(more) == 1 and more <= _LEVEL_WORDS:
                role.title = header_role.title
                break


def _more_listed(roles: list[Role], lines: list[str]) -> list[Role]:
    """The roles of a list after a hiring verb ("we're hiring: data engineers, QA
    engineers, writers, …") that the roles found so far do not name, when the list names one of
    them: it is then a list of this comment's roles, not of the skills or teams it works with."""
    listed = listed_mentions(lines)
    for role in listed:
        _spell_abbreviation(roles, role.title)
    known = [_spelled_words(r.title) for r in roles]
    new = [
        r
        for r in listed
        if not any(w <= k or k <= w for k in known for w in [_spelled_words(r.title)])
    ]
    return new if len(new) < len(listed) else []


# The header layouts that name a role in a piece of its own ("Acme | Engineer | Paris").
_ROLE_PIECE_HEADERS = frozenset({"pipe", "dash", "kv"})


def _one_bare_noun(roles: list[Role], first_line: str) -> bool:
    """Whether the one role is a bare job noun ("Engineer", "Developers") that is a piece of
    the header line: a summary of the roles the prose then names."""
    if len(roles) != 1 or len(roles[0].title.split()) != 1 or not has_job_head(roles[0].title):
        return False
    pieces = {p.strip().lower() for p in re.split(r"[|:]|\s[-–—]\s", first_line)}
    return roles[0].title.lower() in pieces


# "Other Openings : Project Lead – Web": the role lines that follow the post's first role.
_OTHER_OPENINGS = re.compile(r"^\W*other\s+(?:openings|roles|positions|jobs|vacancies)\b", re.I)


def _named_before_others(body: list[str], found: list[RoleLine], lines: list[str]) -> list[Role]:
    """The roles the prose names after a hiring verb ("Acme invites applications for an R&D
    Engineer …") when the body's role lines are "Other openings": that first role is one too."""
    if not any(_OTHER_OPENINGS.match(body[f.index]) for f in found):
        return []
    return hiring_mentions(lines)


def _kinds_named(roles: list[Role], mentioned: list[Role]) -> list[Role]:
    """The roles the prose names in place of one bare job noun, when it names kinds of it:
    "looking for engineers with …" then "… both full-stack and backend engineers" gives the
    two kinds (and the other roles it names); none otherwise."""
    if len(roles) != 1 or len(roles[0].title.split()) != 1:
        return []
    bare = roles[0].title.lower()
    noun = head_noun(bare)
    kinds = [m for m in mentioned if m.title.lower() != bare and head_noun(m.title) == noun]
    return [m for m in mentioned if m.title.lower() != bare] if kinds else []


def _one_list(mentioned: list[Role]) -> bool:
    """Whether the prose names two or more roles in one line (one list, not two sentences
    that each describe the same job)."""
    return len(mentioned) >= 2 and len({r.section for r in mentioned}) == 1


# Job titles written as their initials (and a word written short).
_INITIALS = {
    "am": "account manager", "ae": "account executive", "pm": "product manager",
    "em": "engineering manager", "tpm": "technical program manager", "swe": "software engineer",
    "fde": "forward deployed engineer", "sre": "site reliability engineer",
    "sdr": "sales development representative", "bdr": "business development representative",
    "mle": "machine learning engineer", "ml": "machine learning", "infra": "infrastructure",
}  # fmt: skip


@lru_cache(maxsize=4096)  # each title is compared with every other role's
def _spelled_words(title: str) -> frozenset[str]:
    """The words of a title with its initials spelled out and one noun for the same job:
    "Technical AMs" → {technical, account, manager}; "Open Source Developers" → {open,
    source, engineer}."""
    words: set[str] = set()
    for word in _title_words(title):
        short = word[:-1] if word.endswith("s") and word[:-1] in _INITIALS else word
        words |= _title_words(_INITIALS[short]) if short in _INITIALS else {word}
    return frozenset(_SAME_NOUN.get(w, w) for w in words)


def _spelled_in_header(body_roles: list[Role], header_roles: list[Role]) -> None:
    """A body title in initials that a header role spells out takes the header's title:
    "ML Engineers:" in the body under "Acme | Machine Learning Engineers | …"."""
    for role in body_roles:
        words = _spelled_words(role.title)
        for header_role in header_roles:
            longer = len(header_role.title.split()) > len(role.title.split())
            if longer and _spelled_words(header_role.title) == words:
                role.title = header_role.title
                break


def _spell_abbreviation(roles: list[Role], title: str) -> None:
    """The role whose initials `title` spells out takes that title: the header's "Technical
    AMs", then "we're hiring: …, technical account managers, …"."""
    words = _spelled_words(title)
    for role in roles:
        if _spelled_words(role.title) == words != _title_words(role.title):
            role.title = title


def _spell_out(roles: list[Role], mentioned: list[Role]) -> None:
    """A header's bare specialty takes the job the prose names with it: "Uber | Back-end |
    …" then "looking for back-end engineers" → "back-end engineers"."""
    for role in roles:
        if has_job_head(role.title):
            continue
        twin = next((m for m in mentioned if _spells(m, role)), None)
        if twin is not None:
            role.title = twin.title


def _spells(mentioned: Role, role: Role) -> bool:
    """Whether a role named in prose is the header's specialty and a job noun, no more
    ("back-end engineers" for "Back-end", "backend / DevOps engineers" for "Backend"; not
    "hardcore builders, not analysts")."""
    title = mentioned.title
    extra = len(_WORD.findall(title)) - len(_WORD.findall(role.title))
    words = _title_words(title)
    return (
        _title_words(role.title) <= words
        and has_job_head(title)
        and "," not in title
        and extra <= 2
    )


def _with_repeated(roles: list[Role], repeated: list[Role]) -> list[Role]:
    """The roles, and those of the company's later headers that they do not name (a title
    whose words another holds, "Backend Engineer" beside "Rust Backend Engineer", is named)."""
    known = [_title_words(r.title) for r in roles]
    new = []
    for role in repeated:
        words = _title_words(role.title)
        if not any(words <= k or k <= words for k in known):
            known.append(words)
            new.append(role)
    return roles + new


def _also_new(roles: list[Role], also: list[Role]) -> list[Role]:
    """The roles named in passing that are not a bare job noun the roles found so far have:
    "Founding Engineer" then "… and we're looking for engineers with …" is one job."""
    heads = {head_noun(r.title) for r in roles}
    return [r for r in also if len(r.title.split()) > 1 or head_noun(r.title) not in heads]


def _spelled_out(roles: list[Role], found: list[RoleLine]) -> dict[int, Role]:
    """Header role index → the first body role that spells it out: "Backend" (no job noun)
    inside "Senior Backend Engineer", "DevRel" after a level ("Lead DevRel"), "Data
    Engineer" then a team ("Data Engineer - Search", "Data Engineer, Lesson Design"). Not a
    body line that names two jobs ("QA Eng, Data Engineer" is a list, not "Devops" spelled
    out), words after a job ("Designer Overview"), nor a line too long to be a title."""
    holds: dict[int, list[int]] = {}  # body role → the header roles it holds
    for i, role in enumerate(roles):
        for j, f in enumerate(found):
            if (
                len(f.role.title) > len(role.title)
                and len(f.role.title.split()) <= 8
                and _may_hold(role.title, f.role.title)
                and (
                    _team_of(role.title).match(f.role.title)
                    or not names_a_job(role.title)
                    and _holds(role.title, f.role.title)
                )
            ):
                holds.setdefault(j, []).append(i)
                break
    # "Cloud Platform" and "SRE Engineer": the header's pieces of "Cloud Platform & SRE
    # Engineer", which the body spells out whole.
    pieces: dict[int, list[int]] = {}
    for i, role in enumerate(roles):
        if not any(i in held for held in holds.values()):
            j = next((j for j, f in enumerate(found) if _holds(role.title, f.role.title)), None)
            if j is not None:
                pieces.setdefault(j, []).append(i)
    for j, held in pieces.items():
        if j in holds or len(held) >= 2:
            holds.setdefault(j, []).extend(held)
    twins: dict[int, Role] = {}
    for j, held in holds.items():
        if sum(names_a_job(piece) for piece in re.split(r", | / ", found[j].role.title)) <= 1:
            twins.update((i, found[j].role) for i in held)
    return twins


def _may_hold(title: str, text: str) -> bool:
    """False when `text` cannot hold `title` in any case: a case-blind match of an ASCII
    title lowers to its letters (`lowered`). The cheap test before a pattern is made of a
    title."""
    return not title.isascii() or title.lower() in lowered(text)


def _holds(title: str, text: str) -> bool:
    """Whether `text` holds `title` as whole words, in any case."""
    if title.isascii() and text.isascii():  # no pattern to make: a case-blind match lowers
        return _holds_lowered(title.lower(), text.lower())
    return _may_hold(title, text) and _whole_title(title).search(text) is not None


def _holds_lowered(title: str, text: str) -> bool:
    """`_whole_title(title).search(text)` between lowered ASCII texts: an occurrence with no
    word character just before or after it."""
    at = text.find(title)
    while at >= 0:
        end = at + len(title)
        if not (at and _is_word_char(text[at - 1]) or end < len(text) and _is_word_char(text[end])):
            return True
        at = text.find(title, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4096)
def _whole_title(title: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.I)


@lru_cache(maxsize=4096)
def _team_of(title: str) -> re.Pattern[str]:
    """A body title that is `title` with a specialty before it or a team after it."""
    return re.compile(rf"(?:[\w+-]+ ){{0,2}}{re.escape(title)}(?:(?:,| [-–—]) |$)", re.I)


def _body_names_others(roles: list[Role], found: list[RoleLine]) -> bool:
    """Whether the body lists roles the header does not name: more of them than the header
    has, and some title that is not the header's or one title in two places."""
    titles = {r.title.lower() for r in roles}
    return len(found) > len(roles) and (
        any(f.role.title.lower() not in titles for f in found) or _placed_apart(found)
    )


def _placed_apart(found: list[RoleLine]) -> bool:
    """Whether one title is on two role lines of different places ("DevOps/SRE, Berlin: <link>",
    "DevOps/SRE, Toronto: <link>"): a job per place."""
    places: dict[str, set[str | None]] = {}
    for f in found:
        places.setdefault(f.role.title.lower(), set()).add(f.role.place)
    return any(len(p) > 1 for p in places.values())


def _dedupe_roles(roles: list[Role], found: list[RoleLine]) -> list[Role]:
    """The roles, each title once; a title on two role lines of the body ("Data Scientist
    (Lyon) - <link>", "Data Scientist (Turin) - <link>") is two jobs."""
    line_of = {id(f.role): f.index for f in found}
    seen: dict[str, list[int | None]] = {}
    kept = []
    for role in roles:
        key, line = role.title.lower(), line_of.get(id(role))
        lines = seen.setdefault(key, [])
        if key and (not lines or line is not None and None not in lines and line not in lines):
            kept.append(role)
        lines.append(line)
    return kept
