"""Hacker News "Who wants to be hired?" comments → what the person published about themselves.

Posts mostly follow the thread's template, one field a line (often inside `<pre><code>`)::

    Location: Berlin, Germany
    Remote: Yes
    Willing to relocate: No
    Technologies: Python, PyTorch, SQL
    Résumé/CV: https://…
    Email: name [at] domain [dot] com

with many variants (other labels, fields on one line split by "/" or "|", the freelancer
header "SEEKING WORK | City | Remote", or plain prose). Everything here is read from the one
post: nothing is looked up elsewhere, and an email address is stored only when the post
spells one out (obfuscations decoded; an address that cannot be decoded for sure is dropped,
never guessed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from pipelines.classify import classify_role, classify_seniority
from pipelines.location import parse_location, region_of
from pipelines.remote import parse_remote
from pipelines.skills import extract_skills
from pipelines.text import extract_links, html_to_text
from pipelines.times import utc_time

# --------------------------------------------------------------------------- fields

# Label → field. Labels are matched case- and accent-insensitively at a line start.
_LABELS: tuple[tuple[str, str], ...] = (
    (
        r"(?:ubicaci[oó]n\s*/\s*)?location|based in|city|where|"
        # French, Spanish, Portuguese, German, Polish
        r"localisation|lieu|ubicaci[oó]n|localiza[cç][aã]o|standort|wohnort|lokalizacja",
        "location",
    ),
    (
        r"remote(?:\s*work)?|remote\s*ok|work\s*mode|"
        r"t[ée]l[ée]travail|remoto|trabajo\s+remoto|trabalho\s+remoto|home\s*office|"
        r"praca\s+zdalna",
        "remote",
    ),
    (
        r"willing\s+to\s+relocate|relocat(?:e|ion|ing)|open\s+to\s+relocation|"
        r"mobilit[ée]|reubicaci[oó]n|mudan[cç]a|umzug|relokacja|przeprowadzka",
        "relocate",
    ),
    (
        r"technologies|technology|tech(?:\s*stack)?|stack|skills|languages|tools|"
        r"technical\s+skills|main\s+skills|"
        r"comp[ée]tences|tecnolog[ií]as|habilidades|ferramentas|kenntnisse|technologien|"
        r"umiej[eę]tno[sś]ci",
        "technologies",
    ),
    (
        r"r[ée]sum[ée]\s*/\s*cv|r[ée]sum[ée]|cv|portfolio|website|site|homepage|blog|web|"
        r"curr[ií]cul(?:um|o)|lebenslauf",
        "resume",
    ),
    (r"e-?mail|contact|reach\s+me|mail|courriel|correo", "email"),
    (r"github|git\s*hub", "github"),
    (r"linked\s*in", "linkedin"),
    (
        r"looking\s+for|seeking|role(?:s)?(?:\s+sought)?|position(?:s)?|title|desired\s+role|"
        r"target\s+roles?|interested\s+in",
        "role",
    ),
    (r"seniority|level|experience", "seniority"),
    (r"(?:full\s+)?name", "name"),
)
_LABEL_RE = re.compile(
    r"(?im)(?:^|(?<=\s/\s)|(?<=\s\|\s))[ \t\-*•]*(?P<label>"
    + "|".join(f"(?:{p})" for p, _ in _LABELS)
    + r")[ \t]*:[ \t]*"
)
_FIELD_OF = [(re.compile(rf"^(?:{p})$", re.I), name) for p, name in _LABELS]

_SEEKING_HEADER = re.compile(r"^\s*seeking\s+(?:work|freelanc\w*|employment)\b", re.I)
_HIRING = re.compile(
    r"\b(?:we(?:'re| are)\s+hiring|is\s+hiring|we\s+are\s+looking\s+for\s+(?:an?\s+)?"
    r"(?:senior|junior|\w+\s+)?(?:engineer|developer|scientist))\b",
    re.I,
)
_FIRST_PERSON = re.compile(
    r"\b(?:I'm|I am|I've|my (?:cv|resume|résumé|background|experience)|looking for (?:a |an |my )?"
    r"(?:new |next )?(?:role|position|job|work)|seeking|open to)\b",
    re.I,
)
_BASED_IN = re.compile(
    r"\b(?:based (?:in|out of)|located in|living in|I live in|I'm in|I am in|"
    r"(?:postdoc|phd|degree|job) in)\s+(?P<place>[A-Z][^.;:\n()]{1,60})"
)
_PROSE_PLACE = re.compile(
    r"\bin\s+(?P<place>[A-Z][\w\u00c0-\u024f]+(?:[ ,]+[A-Z][\w\u00c0-\u024f]+){0,3})"
)


@dataclass
class ExtractedCandidate:
    """One person's post, as they wrote it (fields read, nothing inferred from elsewhere)."""

    handle: str
    location_text: str | None = None
    country: str | None = None
    region: str | None = None
    remote: str = "unknown"  # remote / hybrid / onsite / unknown: what the person accepts
    relocate: bool | None = None
    skills: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    seniority: str = "unknown"
    email: str | None = None
    urls: list[str] = field(default_factory=list)
    posted_at: datetime | None = None
    name: str | None = None  # only as the person wrote it in a "Name:" line or a profile
    excerpt: str | None = None  # the post's opening words, to read before contacting


@dataclass
class CandidateExtraction:
    candidate: ExtractedCandidate | None = None
    skip_reason: str | None = None  # "deleted", "empty", "not_a_candidate"


def _field_name(label: str) -> str | None:
    label = re.sub(r"\s+", " ", label.strip())
    for rx, name in _FIELD_OF:
        if rx.match(label):
            return name
    return None


def parse_fields(text: str) -> dict[str, str]:
    """Template fields of a post: {"location": "Berlin, Germany", "remote": "Yes", ...}.

    A field's value runs to the end of its line, or to the next label on the same line
    ("Location: Osaka / Remote: yes / Relocate: no"). The first value of a field wins."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        matches = list(_LABEL_RE.finditer(line))
        for i, m in enumerate(matches):
            name = _field_name(m.group("label"))
            end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
            value = line[m.end() : end].strip().rstrip("/|").strip()
            if name and value and name not in fields:
                fields[name] = value
    return fields


# --------------------------------------------------------------------------- emails

_TLD = r"[a-z]{2,24}"
_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])([a-z0-9][a-z0-9._%+-]*)@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD})(?![\w-])",
    re.I,
)
_AT = r"(?:\s*[\[\(\{<]\s*(?:at|@)\s*[\]\)\}>]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[\[\(\{<]\s*(?:dot|\.)\s*[\]\)\}>]\s*|\s+dot\s+|\s*\.\s*)"
_OBFUSCATED_RE = re.compile(
    rf"(?<![\w.+-])(?P<local>[a-z0-9][a-z0-9_%+-]*(?:{_DOT}[a-z0-9_%+-]+)*){_AT}"
    rf"(?P<domain>[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)+)(?![\w-])",
    re.I,
)
# A local part of only spelled-out single letters: "p r i y a . r @ example . com".
_SPACED_RE = re.compile(
    # Bounded repeats (a local part has at most 64 characters): "k k k …" stays linear.
    r"(?<![\w])(?P<local>(?:[a-z0-9]\s){1,64}[a-z0-9](?:\s*\.\s*(?:[a-z0-9]\s){0,64}[a-z0-9]){0,8})"
    r"\s*@\s*(?P<domain>[a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)+)",
    re.I,
)
_USERNAME_RE = re.compile(
    rf"\bmy\s+(?:hn\s+|hacker\s*news\s+)?(?:user\s*name|handle|nick(?:name)?)\s*"
    rf"(?:{_AT})\s*(?P<domain>[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*)",
    re.I,
)
# "at gmail" with no top-level domain: only the big providers, whose domain is certain.
_PROVIDERS = {
    "gmail": "gmail.com",
    "googlemail": "googlemail.com",
    "hotmail": "hotmail.com",
    "outlook": "outlook.com",
    "protonmail": "protonmail.com",
    "proton": "proton.me",
    "fastmail": "fastmail.com",
    "yahoo": "yahoo.com",
    "icloud": "icloud.com",
}
# Words that end a sentence before "at", so "I work at example dot com" is not an address.
_NOT_LOCAL = frozenset({
    "i", "me", "am", "is", "are", "was", "were", "be", "been", "work", "worked", "working",
    "works", "live", "lived", "living", "based", "job", "role", "intern", "engineer",
    "scientist", "developer", "student", "postdoc", "phd", "now", "currently", "also", "and",
    "or", "the", "a", "an", "of", "in", "on", "for", "to", "with", "from", "by", "look",
    "looking", "reach", "email", "mail", "contact", "write", "hello", "hi", "ping", "username",
    "user", "handle", "nick", "nickname", "name", "hn",
})  # fmt: skip
_VALID = re.compile(rf"^[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD}$")
# File names and code that look like addresses ("model@v2.pt") end in these.
# (Not "py", "pt", "rs", "md" or "sh": those are countries' domains too.)
_NOT_TLDS = frozenset({
    "js", "ts", "pth", "txt", "pdf", "png", "jpg", "jpeg", "gif", "json", "yaml", "yml", "csv",
    "html", "ipynb",
})  # fmt: skip


def _squash(part: str) -> str:
    part = re.sub(_DOT, ".", part, flags=re.I)
    return re.sub(r"\s+", "", part).lower()


def _valid(address: str) -> str | None:
    address = address.strip().strip(".").lower()
    if not _VALID.match(address) or ".." in address:
        return None
    if address.rsplit(".", 1)[1] in _NOT_TLDS:
        return None
    return address


def _domain(raw: str) -> str | None:
    domain = _squash(raw)
    if "." not in domain:
        return _PROVIDERS.get(domain)
    return domain


def find_emails(text: str, handle: str | None = None) -> list[str]:
    """Email addresses a post spells out, plain or in the common obfuscations:
    `name@domain.com`, `name [at] domain [dot] com`, `name (at) domain (dot) com`,
    `name at domain dot com`, `n a m e @ domain . com`, `my username at gmail` (the poster's
    handle at that provider). Reversed, encoded or "see profile" addresses are not decoded:
    an address is returned only when the text states every part of it."""
    found: dict[str, None] = {}

    def add(address: str | None) -> None:
        if address:
            found.setdefault(address, None)

    for m in _EMAIL_RE.finditer(text):
        add(_valid(f"{m.group(1)}@{m.group(2)}"))
    spaced = []
    for m in _SPACED_RE.finditer(text):
        spaced.append(m.span())
        add(_valid(f"{_squash(m.group('local'))}@{_squash(m.group('domain'))}"))
    for m in _OBFUSCATED_RE.finditer(text):
        if any(a <= m.start() < b for a, b in spaced):
            continue  # the tail of a spelled-out address, already read whole
        local = _squash(m.group("local"))
        raw_domain = m.group("domain")
        # "name at domain.com" (a bare word "at") must spell the domain as one: the words
        # "at" and "dot" together, or an obvious address shape, not a sentence.
        if local in _NOT_LOCAL:
            continue
        bare_at = re.fullmatch(r"\s+at\s+", text[m.end("local") : m.start("domain")], re.I)
        if (
            bare_at
            and not re.search(r"\bdot\b|\[|\(|\{", raw_domain, re.I)
            and not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", raw_domain.strip(), re.I)
        ):
            continue
        add(_valid(f"{local}@{_domain(raw_domain)}"))
    if handle:
        for m in _USERNAME_RE.finditer(text):
            domain = _domain(m.group("domain"))
            if domain:
                add(_valid(f"{handle}@{domain}"))
    return list(found)


# --------------------------------------------------------------------------- urls

_BARE_URL = re.compile(
    r"(?<![\w@/.])(?:https?://|www\.|(?:github\.com|linkedin\.com|gitlab\.com)/)[^\s<>\"')\]]+",
    re.I,
)


def clean_url(url: str) -> str:
    url = url.strip().rstrip(".,;:!?")
    if not re.match(r"https?://", url, re.I):
        url = "https://" + url
    return url


def find_urls(html: str, text: str) -> list[str]:
    """Links of the post (anchors, then bare URLs in the text), de-duplicated, in order."""
    seen: dict[str, None] = {}
    for url in [*extract_links(html), *(m.group(0) for m in _BARE_URL.finditer(text))]:
        url = clean_url(url)
        if urlsplit(url).hostname and "@" not in urlsplit(url).netloc:
            key = url.rstrip("/")
            if not any(k.rstrip("/") == key for k in seen):
                seen.setdefault(url, None)
    return list(seen)


def url_kind(url: str) -> str:
    """`github`, `linkedin` or `personal` (any other site the person links)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host in ("github.com", "gitlab.com") or host.endswith(".github.io"):
        return "github"
    if host.endswith("linkedin.com"):
        return "linkedin"
    return "personal"


# --------------------------------------------------------------------------- values


def parse_remote_preference(value: str | None) -> str:
    """`Remote:` field value → remote / hybrid / onsite / unknown (the most flexible the
    person accepts: "Yes, or hybrid in Berlin" is remote)."""
    if not value:
        return "unknown"
    v = value.strip().lower()
    if re.match(r"^(?:no|nope|not?\b|non|nein|nie|n[aã]o|onsite|on-site|in[- ]office)\b", v):
        if re.search(r"\bhybrid\b", v):
            return "hybrid"
        return "onsite"
    if re.match(
        r"^(?:yes|y|yep|sure|ok|okay|s[ií]m?|ja|oui|tak|only|preferred|prefer|remote|open|"
        r"either|both|fully|100%|anywhere|any)\b",
        v,
    ):
        return "remote"
    policy = parse_remote(value).remote
    if policy != "unknown":
        return policy
    if re.search(r"\bhybrid\b", v):
        return "hybrid"
    return "unknown"


def parse_relocate(value: str | None) -> bool | None:
    """`Willing to relocate:` → True / False / None (maybe, depends, not said)."""
    if not value:
        return None
    v = value.strip().lower()
    if re.search(r"\b(?:maybe|depends|depending|possibly|perhaps|negotiable|case by case)\b", v):
        return None
    if re.match(r"^(?:no|nope|not\b|n\b|never|nein\b|nie\b|n[aã]o\b)", v):
        return False
    if re.search(r"\b(?:yes|y|yep|sure|ok|open|willing|happy|definitely|s[ií]m?|ja|oui|tak)\b", v):
        return True
    if re.match(r"^(?:to|within|anywhere|for)\b", v):
        return True
    return None


# Starts at a word's start only (or after a hyphen: "ML-engineer"), with words of bounded
# length, so a 50,000-letter "word" is one failed attempt, not one per letter.
_ROLE_PHRASE = re.compile(
    r"(?<![\w+/&])"
    r"(?:(?:senior|sr\.?|junior|jr\.?|lead|staff|principal|mid[- ]level|entry[- ]level)\s+)?"
    r"(?:(?:[\w+/&-]{1,40}\s+){0,3}?)"
    r"(?:engineer|scientist|analyst|developer|researcher|intern(?:ship)?|architect|"
    r"data\s+scientist|statistician|biologist|sre|manager)s?\b",
    re.I,
)
_ROLE_CONTEXT = re.compile(
    r"(?:looking for|seeking|interested in|open to|happy to start as|happy as|"
    r"start(?:ing)? as|roles? as)\b[^.\n]{0,120}",
    re.I,
)


def _headline(text: str, sentence: bool = True) -> str:
    """The post's first sentence (or paragraph) of prose, after any template lines."""
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if ln.strip() and not _LABEL_RE.match(ln)]
        if lines and not _SEEKING_HEADER.match(lines[0]):
            prose = " ".join(lines).strip()
            if not sentence:
                return prose
            return re.split(r"(?<=[.!?])\s", prose, maxsplit=1)[0]
    return ""


_NAME = re.compile(r"^[^\W\d_][^\W\d_'.-]*(?:[ '.-]+[^\W\d_][^\W\d_'.-]*){1,3}$")


def person_name(value: str | None) -> str | None:
    """A name as the person gave it, kept only when it reads as two to four words of letters
    ("Jane van Dijk"); a handle, an address or a sentence is no name."""
    value = re.sub(r"\s+", " ", value or "").strip(" .,;|")
    return value if _NAME.match(value) else None


def excerpt(text: str | None, limit: int = 200) -> str | None:
    """The text's first words, whitespace folded, cut at a word before `limit` characters."""
    flat = re.sub(r"\s+", " ", text or "").strip()
    if len(flat) <= limit:
        return flat or None
    return flat[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + " …"


def parse_roles(fields: dict[str, str], text: str) -> tuple[list[str], str]:
    """(roles sought, the phrases they were read from)."""
    phrases: list[str] = []
    if fields.get("role"):
        phrases += re.split(r"\s*(?:,|;|/|\bor\b|\band\b)\s*", fields["role"])
    phrases += [m.group(0) for m in _ROLE_PHRASE.finditer(_headline(text))]
    for m in _ROLE_CONTEXT.finditer(text):
        phrases += [p.group(0) for p in _ROLE_PHRASE.finditer(m.group(0))]
    roles: dict[str, None] = {}
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        if re.fullmatch(r"(?i)ml|machine learning|nlp|computer vision|cv|ai", phrase):
            phrase += " engineer"
        role = classify_role(phrase)
        if role != "other":
            roles.setdefault(role, None)
    return list(roles), " ".join(phrases)


def _location(fields: dict[str, str], text: str) -> tuple[str | None, Any]:
    value = fields.get("location")
    if value:
        return value, parse_location(value)
    header = text.strip().splitlines()[0] if text.strip() else ""
    if _SEEKING_HEADER.match(header):
        for part in re.split(r"\s*[|•]\s*", header)[1:]:
            loc = parse_location(part)
            if loc.countries:
                return part.strip(), loc
    for rx in (_BASED_IN, _PROSE_PLACE):
        for m in rx.finditer(text):
            place = m.group("place").strip().rstrip(",")
            loc = parse_location(place)
            if loc.countries:
                return place, loc
    return None, parse_location("")


def _remote_from_text(fields: dict[str, str], text: str) -> str:
    if "remote" in fields:
        return parse_remote_preference(fields["remote"])
    header = text.strip().splitlines()[0] if text.strip() else ""
    if _SEEKING_HEADER.match(header):
        return parse_remote(header).remote
    if re.search(
        r"\bremote (?:is fine|or|only|preferred|ok)\b|\bremote\b[^.\n]{0,30}\bfine\b", text, re.I
    ):
        return "remote"
    return "unknown"


def _relocate_from_text(fields: dict[str, str], text: str) -> bool | None:
    if "relocate" in fields:
        return parse_relocate(fields["relocate"])
    if re.search(r"\b(?:not|no)\s+(?:looking\s+to\s+|willing\s+to\s+)?relocat", text, re.I):
        return False
    if re.search(
        r"\b(?:willing to relocate|open to relocat\w*|(?:would|I'd) (?:also )?move|"
        r"happy to relocate|can relocate)\b",
        text,
        re.I,
    ):
        return True
    return None


def is_candidate_post(fields: dict[str, str], text: str, emails: list[str]) -> bool:
    """A person offering themselves for work, not a remark on the thread or a job ad."""
    if _HIRING.search(text) and "location" not in fields:
        return False
    if _SEEKING_HEADER.match(text):
        return True
    template = {"location", "remote", "relocate", "technologies", "resume", "email"}
    if len(template & fields.keys()) >= 2:
        return True
    return bool(len(text) > 150 and _FIRST_PERSON.search(text) and (emails or fields))


def _posted_at(record: dict[str, Any]) -> datetime | None:
    if record.get("created_at_i"):
        return datetime.fromtimestamp(int(record["created_at_i"]), UTC)
    value = record.get("created_at")
    if value:
        return utc_time(str(value))
    return None


def extract_candidate(record: dict[str, Any], *, stated: bool = False) -> CandidateExtraction:
    """Read one top-level comment (Algolia items API shape). `stated`: the source itself
    says the post offers the author for work (a "[For Hire]" tag), so it is not second-guessed
    from the words."""
    html = record.get("text")
    handle = record.get("author")
    if not html or not handle:
        return CandidateExtraction(skip_reason="deleted")
    text = html_to_text(html, keep_newlines=True)
    if not text.strip():
        return CandidateExtraction(skip_reason="empty")
    fields = parse_fields(text)
    emails = find_emails(fields["email"], handle) if fields.get("email") else []
    emails += [e for e in find_emails(text, handle) if e not in emails]
    if not stated and not is_candidate_post(fields, text, emails):
        return CandidateExtraction(skip_reason="not_a_candidate")
    location_text, loc = _location(fields, text)
    country = loc.country
    tech = fields.get("technologies", "")
    skills = extract_skills(tech) if tech else []
    skills += [s for s in extract_skills(text) if s not in skills]
    roles, role_text = parse_roles(fields, text)
    seniority = classify_seniority(fields.get("seniority") or role_text or "")
    if seniority == "unknown":
        seniority = classify_seniority(_headline(text, sentence=False))
    return CandidateExtraction(
        ExtractedCandidate(
            handle=handle,
            location_text=location_text,
            country=country,
            region=loc.region or (region_of(country) if country else None),
            remote=_remote_from_text(fields, text),
            relocate=_relocate_from_text(fields, text),
            skills=skills,
            roles=roles,
            seniority=seniority,
            email=emails[0] if emails else None,
            urls=find_urls(html, text),
            posted_at=_posted_at(record),
            name=person_name(fields.get("name")),
            excerpt=excerpt(_headline(text, sentence=False)),
        )
    )


def extract_hn_wants(record: dict[str, Any], context: dict[str, Any]) -> CandidateExtraction:
    """`extract_candidate` with the `(record, context)` signature of the catalog's extractors:
    a "Who wants to be hired?" comment is read alone."""
    return extract_candidate(record)
