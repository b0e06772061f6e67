"""The company of an HN comment: a header piece cleaned into a name ("Acme (YC W21)" →
"Acme"), or a name from the opening prose ("We're Acme, a …", "Acme is hiring …").

A place, an e-mail, a pay phrase or a description is never a name: None instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.classify import names_a_job
from pipelines.extract.hn.cues import (
    EMAIL,
    GENERIC_ROLE,
    REMOTE,
    SALARY_WORD,
    SENTENCE_BREAK,
    URL_ONLY,
    Segment,
    only_tags,
    places_in,
)
from pipelines.extract.hn.titles import DEPARTMENT_WORD
from pipelines.location import prepare

_YC = re.compile(
    r"\s*[(\[](?:ex-?\s*)?(?:yc|y combinator)\s*-?\s*[swfx]?\s*'?\d{2,4}[^)\]]*[)\]]"
    r"|\s*[(\[](?:acquired|formerly|a\b|an\b|backed|yc\b)[^)\]]*[)\]]",
    re.I,
)


@lru_cache(maxsize=16_384)  # a header's name piece is cleaned again by later readers
def clean_company(text: str) -> str | None:
    t = text
    for pattern, repl in _AROUND_NAME:
        t = pattern.sub(repl, t)
    t = t.strip()
    if not t or len(t) > 60 or URL_ONLY.match(t) and " " in t:
        return None
    if t.lower() in _PRONOUNS or _GREETING.match(t):
        return None  # "Hi HN, I'm the CTO at …": a greeting, not a name
    t = _TAGLINE.split(t, maxsplit=1)[0]  # "Galaxy - The Cursor for SQL": a tagline after the name
    if m := _BRAND_AND_LINE.fullmatch(t):
        return m[1]  # "acme.SmartHome": the brand, then its product line after a dot
    if URL_ONLY.match(t) and not t.startswith("http") and _WEB_SUFFIX.search(t):
        return _WWW.sub("", t).split(".")[0]  # "acme.example" → "acme"
    if "@" in t or place_led(t) or SALARY_WORD.search(t) or _generic_roles(t) or only_tags(t):
        return None  # "jobs@acme.com", "San Francisco, CA", "Competitive Salary", "… roles",
        # "Worldwide, REMOTE, full time": header tags
    if _DESCRIPTION.fullmatch(t):
        return None  # "Small prop-trading firm": a description, not a name
    # "Scribd, San Francisco": the place after the name goes.
    if (m := _NAME_THEN_MORE.match(t)) and only_places(m.group(2)):
        return m.group(1)
    # "Acme Learning / Tutorly": the company, then its product's name.
    if (m := _NAME_THEN_PRODUCT.fullmatch(t)) and not any(names_a_job(p) for p in m.groups()):
        return m.group(1)
    return t


# A lowercase description of the company's kind before its capitalized name: "Cyber security
# start-up Acme", "YC-backed startup Acme", "Berlin-based agency Acme".
_KIND_OF_COMPANY = re.compile(
    r"^(?:[A-Za-z][\w-]*\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"(?:start-?up|company|firm|agency|studio|scale-?up)\s+(?=[A-Z])"
)

# A unit of the company after its possessive name: "Acme's Office for Research", "Acme's
# Data Team".
_OWN_UNIT = re.compile(
    r"(?<=\w)['’]s\s+(?:[A-Z][\w&-]*\s+){0,3}"
    r"(?:office|team|department|division|group|lab|center|centre|unit)\b.*$",
    re.I,
)


# What goes from around a name, in this order (each pattern with its replacement).
_AROUND_NAME = (
    (_YC, ""),
    (re.compile(r",?\s*\(?\b(?:ex-)?YC\s*[SWFX]'?\d{2}\b\)?"), ""),
    (re.compile(r"\s*\((?:https?://)?[\w.-]+\.[a-z]{2,}[^)]*\)"), ""),  # "Acme (acme.io)"
    (re.compile(r"\s*\bhttps?://\S+|\s+[-–—:]?\s*www\.\S+$"), ""),  # "Acme - www.acme.example"
    (re.compile(r"^(?:company|company name|employer)\s*:\s*", re.I), ""),
    (re.compile(r"^(?:we are|we're|about)\s+", re.I), ""),
    (re.compile(r"^at\s+(.+?),?\s+we$", re.I), r"\1"),  # "At Acme, we are hiring"
    (re.compile(r"\s+(?:is|are)\s+(?:now\s+)?hiring.*$", re.I), ""),
    (re.compile(r"^(?:who is hiring|hiring)\s*:\s*", re.I), ""),
    (re.compile(r"^\s*[\[(](?:now\s+)?hiring[\])]\s*", re.I), ""),  # "[Hiring] Acme"
    (_KIND_OF_COMPANY, ""),  # "Fintech start-up Acme" → "Acme"
    (_OWN_UNIT, ""),  # "Acme's Office for Research" → "Acme"
    # "Acme (Series C, ~300 people)", "Acme (Boston, hybrid)": what follows the name.
    (re.compile(r"(?<=\S)\s*[(\[][^()\[\]]*[)\]]\s*$"), ""),
    (re.compile(r"^[\W_]+|[\s,;:|\-–—·•*!]+$|(?<=[a-z]{3})\.$"), ""),
)
_GREETING = re.compile(r"(?:hi|hello|hey|greetings)\b", re.I)
_TAGLINE = re.compile(r"(?:\s+[-–—]+)+\s+(?=(?:the|a|an|[-–—\"“]|\w+ing)\b)", re.I)
_BRAND_AND_LINE = re.compile(r"([a-z][\w-]+)\.[A-Z]\w+")
_WWW = re.compile(r"^www\.", re.I)
_DESCRIPTION = re.compile(r"[A-Z][a-z]+(?: [a-z][\w-]*)+")
_NAME_THEN_MORE = re.compile(r"^(.+?)\s*(?:,|\s[-–—/]\s)\s*(.+)$")
_NAME_THEN_PRODUCT = re.compile(r"(.+?)\s+/\s+([A-Z][\w.&'-]*(?:\s[A-Z][\w.&'-]*){0,2})")


_OPENINGS = re.compile(
    r"\b(?:roles|positions|openings|opportunities|jobs|vacancies|stellen|engineers|developers|"
    r"hires|people)\b",
    re.I,
)


def _generic_roles(text: str) -> bool:
    """ "Multiple roles", "5 engineers", "Open positions"; not a name that merely starts like
    one ("9 Mothers Defense", "Open Education Applications")."""
    return bool(GENERIC_ROLE.match(text)) and bool(_OPENINGS.search(text) or names_a_job(text))


_PLACE_GLUE = re.compile(
    r"(?:[\s,.;:/&()+-]|\b(?:and|or|the|area|bay|greater|metro|city)\b)*", re.I
)


@lru_cache(maxsize=16_384)  # pieces and their heads are asked again by several readers
def only_places(text: str) -> bool:
    """Whether the text names places and nothing else ("San Francisco, CA", "NYC / London")."""
    prepared = prepare(text)
    places, pos = places_in(text), 0
    for place in places:
        if not _PLACE_GLUE.fullmatch(prepared[pos : place.start]):
            return False
        pos = place.end
    return bool(places) and bool(_PLACE_GLUE.fullmatch(prepared[pos:]))


def place_led(text: str) -> bool:
    """Whether a would-be name is a place, or starts with places followed by a sentence
    ("Amsterdam, the Netherlands. No remote work"), not a name that holds one ("Boston
    Dynamics")."""
    if only_places(text):
        return True
    head = re.split(r"(?<=\w)[.;:]\s|\s[-–—(]", text, maxsplit=1)[0]
    return head != text and only_places(head)


_PRONOUNS = frozenset({"we", "i", "they", "our team", "my team", "us", "hi", "hello"})
_WEB_SUFFIX = re.compile(
    r"\.(?:[a-z]{2,3}|tech|health|tools|cloud|systems|studio|works|example)(?:/\S*)?$",
    re.I,
)
# A company named in the opening words of a prose post: "We're Tidewater Robotics, a …",
# "At Ferncliff, we …", "I'm the CTO at Ledgerleaf (ledgerleaf.example)".
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|for|and|&|de)){0,5})"
# A name written in lower case is a name when its legal form follows: "We are acme GmbH, …".
_LEGAL_NAME = (
    r"(?P<name>[\w&.'’-]+(?:\s+[\w&.'’-]+){0,2}\s+"
    r"(?:GmbH|Inc\.?|LLC|Ltd\.?|Limited|AG|B\.V\.|BV|SAS|S\.A\.|Oy|AB|ApS|UG|Pty Ltd))"
)
_WE_ARE = r"^(?:[Hh]i(?: HN| hn| all| everyone)?[!,.]?\s+)?[Ww]e(?:'re|’re| are)\s+"
_INTRO_COMPANY = (
    re.compile(rf"{_WE_ARE}{_NAME}\s*(?:[,(—–]|\s-\s)"),
    re.compile(rf"{_WE_ARE}{_LEGAL_NAME}\s*(?:[,(—–]|\s-\s)"),
    re.compile(rf"^(?:hi(?: hn| all)?[!,.]?\s+)?at\s+{_NAME},\s+we\b", re.I),
    re.compile(
        rf"\b(?:i'm|i’m|i am)\s+(?:the\s+|a\s+|an\s+|one of the\s+)?(?:[\w/&-]+\s+){{0,4}}?"
        rf"(?:at|@)\s+{_NAME}",
        re.I,
    ),
)
_NOT_NAMES = re.compile(
    r"^(?:hiring|looking|seeking|building|based|remote|a|an|the|a few|fully|currently|now|"
    r"also|still|back|excited|growing|small|big|team)\b",
    re.I,
)


# What a name's subject may carry before its verb: the body it belongs to ("Acme Lab at the
# University of Foo is …") or its own unit ("Acme Institute's Office of Bar is looking …").
_WORDS = r"[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|for|and|at|&)){0,6}"
_BELONGING = rf"(?:\s+at\s+(?:the\s+)?{_WORDS}|['’]s\s+{_WORDS})?"
_NAME_HIRING = re.compile(
    rf"^{_NAME}{_BELONGING}\s*(?:\[\d+\]\s*)?(?:\([^()]*\)\s*)?,?\s+(?:(?:is|are)\s+(?:now\s+|currently\s+|"
    r"actively\s+|also\s+|rapidly\s+)?(?:hiring|looking for|seeking|searching for|recruiting|"
    r"changing|growing|expanding|improving|building|making|bringing|revolutionizing|"
    r"transforming|the|an?|one of)\b|"
    r"(?:just raised|raised|builds|makes|helps|develops|provides|creates|offers|uses|aims to|"
    r"was founded|is located|is based)\b)"
)
_NOT_SUBJECTS = re.compile(
    r"^(?:our|we|this|that|it|you|your|my|who|what|here|there|job|position|role|company|"
    r"team|the|a|an|each|every|all|if|when|location|salary|about|apply|email|contact)\b",
    re.I,
)
# A label before a link, not a name: "Demos: https://…", "Website - https://…".
_LINK_LABEL = re.compile(
    r"(?:demos?|videos?|website|site|web|homepage|home page|blog|more|info|details|docs|"
    r"careers|jobs|links?|github|twitter|linkedin|portfolio|press|paper|papers|resume|cv)",
    re.I,
)
# "Junior Test Engineer at Acme Labs (https://…)", "Python developer @Acme | Geneva".
_ROLE_AT = re.compile(rf"^(?P<role>[\w/&+,. -]{{3,60}}?)\s+(?:at\s+|@\s*){_NAME}\s*(?:[(|,.–—-]|$)")
_NAME_LINK = re.compile(
    rf"^{_NAME}\s*(?:[:(–—-]|\s)\s*(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+)\)?$"
)

# A host name: at most eight labels of at most 63 characters (as in DNS) and a top-level
# domain, so that a long run of dotted or hyphened words ("a.a.a.…", "a-a-a-…") is read in
# linear time, not tried again from every word.
_LABELS = r"(?:[\w-]{1,63}\.){1,8}"
_DOMAIN = re.compile(rf"(?:@|//|www\.|\b)({_LABELS})[a-z]{{2,7}}\b")


def domain_labels(text: str) -> set[str]:
    """The labels of the web addresses and e-mail domains in `text`, letters and digits only:
    "jobs@acme-labs.example" → {"acmelabs"}."""
    if "." not in text:
        return set()  # in every address
    return {
        _NOT_LOWER_ALNUM.sub("", label.lower())
        for m in _DOMAIN.finditer(text)
        for label in m.group(1).split(".")
    } - {""}


_NOT_LOWER_ALNUM = re.compile(r"[^a-z0-9]")
_NICKNAME = re.compile(r"^\s*\([^()]*\)\s*")
_OPENING_END = re.compile(r"\s[-–—|(:]|[,(]")
_OPENING_WORD = re.compile(r"[\w&.'’-]+")


def domain_named(line: str) -> str | None:
    """The words that open a line when its own link or e-mail spells them: "Fathom – AI
    Notetaker (fathom.example)" → "Fathom"; "Gilt Group - jobs@giltgroup.example" → "Gilt Group";
    "Acme - https://acme.jobboard.example" (the company's page on a hosted job board) → "Acme"."""
    labels = domain_labels(line)
    if not labels:
        return None
    opening = _NICKNAME.sub("", line)  # "(mt) Media Temple …": a nickname first
    words = _OPENING_WORD.findall(_OPENING_END.split(opening, maxsplit=1)[0])[:4]
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        key = _NOT_LOWER_ALNUM.sub("", _WEB_SUFFIX.sub("", name.lower()))
        if name[:1].isupper() and key in labels - {""}:
            return clean_company(name)
    return None


_TEAM_NAME = re.compile(r"\s(?:team|group|division|org)$", re.I)


def owner_of_team(company: str, line: str, lines: list[str]) -> str:
    """The company whose team a header names, when the line's own link spells it: "Acme Voice
    Home team - www.acme.example/voice" → "Acme"; or the owner in brackets after the team
    when an address in the post spells it: "Search Relevance (Acme)" then "jobs@acme.example"
    → "Acme"; any other name as it is."""
    if _TEAM_NAME.search(company) and (owner := domain_named(line)):
        return owner
    at = line.find(company)
    owner = _OWNER_AFTER.match(line, at + len(company)) if at >= 0 else None
    if owner is None:
        return company
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w&'’-]*", company)).lower()
    if (
        owner[1].lower() != initials  # "Major League Hacking (MLH)": its short name
        and _NOT_LOWER_ALNUM.sub("", owner[1].lower()) in domain_labels("\n".join(lines))
    ):
        return owner[1]
    return company


# A name in brackets right after a header's name: "Search Relevance (Acme)".
_OWNER_AFTER = re.compile(r"\s*\(([A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*)?)\)")


_SENTENCE_OR_DASH = re.compile(rf"{SENTENCE_BREAK.pattern}|\s+[-–—]\s+")


def named_company(lines: list[str]) -> str | None:
    """A company named near the top when the header gave none (or a place): "Front Row is
    hiring …", "Silk [1] is looking for …", a line "Snowledge (http://…)", a name its own
    link spells ("Fathom – AI Notetaker (fathom.example)")."""
    for line in lines[:3]:
        if name := domain_named(line):
            return name
    for line in lines[:3]:
        m = _ROLE_AT.match(line)
        if m and names_a_job(m.group("role")) and not _NOT_NAMES.match(m.group("name")):
            return clean_company(m.group("name"))
    for line in lines[:5]:
        pieces = _SENTENCE_OR_DASH.split(line, maxsplit=4)
        for piece in [line, *pieces[:4]]:  # "Acme - www.acme.example" is a whole line
            m = _NAME_HIRING.match(piece.strip()) or _NAME_LINK.match(piece.strip())
            name = m.group("name") if m else ""
            usable = (
                name
                and not _NOT_NAMES.match(name)
                and not _NOT_SUBJECTS.match(name)
                and not _LINK_LABEL.fullmatch(name)
            )
            cleaned = clean_company(name) if usable else None
            if cleaned is not None and not names_a_job(cleaned):
                return cleaned
    return None


_SIGNATURE = re.compile(rf"^[-–—~\s]*(?:the\s+)?{_NAME}\s+team[.!]?$", re.I)


def signed_company(lines: list[str]) -> str | None:
    """The company a post signs with at its end: "Cheers, / The Acme team."."""
    for line in lines[-2:]:
        if (m := _SIGNATURE.match(line)) and not _NOT_SUBJECTS.match(m["name"]):
            return clean_company(m["name"])
    return None


def intro_company(lines: list[str]) -> str | None:
    for line in lines[:3]:
        for sentence in SENTENCE_BREAK.split(line, maxsplit=2)[:2]:
            for rx in _INTRO_COMPANY:
                if (m := rx.search(sentence)) and not _NOT_NAMES.match(m.group("name")):
                    return clean_company(m.group("name"))
    return None


def lone_name(segs: list[Segment]) -> str | None:
    """The one piece of a header that is nothing else, when it looks like a name:
    "Amsterdam, NL, Full-time, Improve Digital", "London, UK - Football Radar"."""
    others = [s.text.strip() for s in segs if s.kind == "other" and "generic_role" not in s.kinds]
    if len(others) != 1 or not 0 < len(others[0].split()) <= 4 or not others[0][:1].isupper():
        return None
    if " " not in others[0] and DEPARTMENT_WORD.fullmatch(others[0]):
        return None  # "Engineering | Boston, MA": the team, not the company
    return clean_company(others[0])


def name_before_places(line: str) -> str | None:
    """The name that opens a first line followed by its places: "Acme, San Francisco, CA.
    Intern, Visa" → "Acme"; "Acme, Santa Barbara (CA) and Edinburgh (UK). Full time." → "Acme";
    "acme.com (Vancouver, Canada)" → "acme"."""
    head = re.split(r"(?<=[A-Za-z)])\.\s+(?=[A-Z])", line, maxsplit=1)[0]
    m = re.match(r"^([^,()]{2,40})(?:,\s*(.+)|\s*\((.+)\))$", head)
    if m is None or not only_places(m.group(2) or m.group(3)) or place_led(m.group(1)):
        return None
    name, *context = re.split(r"\s+[/|–—]\s+", m.group(1))
    if not all(REMOTE.fullmatch(c.strip()) or only_places(c) for c in context):
        return None  # "Acme / REMOTE (UK)" is fine; "Acme / Data Engineer (UK)" is no header
    name = clean_company(name)
    return name if name and not names_a_job(name) else None


# Address labels that name a host, a service or a page, never the company.
_HOST_LABELS = frozenset(
    {
        "www", "com", "org", "net", "io", "co", "jobs", "job", "careers", "career", "apply",
        "mail", "gmail", "email", "boards", "hire", "hiring", "work", "team", "news", "blog",
        "docs", "app", "api", "github", "linkedin", "twitter", "google", "medium", "notion",
        "ycombinator", "greenhouse", "lever", "ashbyhq", "workable", "wellfound", "angel",
        "forms", "youtube", "calendly", "bit", "goo", "example", "icloud", "yahoo", "hotmail",
        "outlook", "proton", "protonmail", "fastmail", "live", "aol",
    }
)  # fmt: skip
# A web or e-mail address, spelled out or bare ("acme.example/careers", also "Next.js").
_ADDRESS = re.compile(
    rf"https?://\S+|\bwww\.\S+|{EMAIL.pattern}|\b{_LABELS}[a-z]{{2,7}}\b(?:/\S*)?", re.I
)


def _written(key: str, text: str, letters: str) -> str | None:
    """The words of `text` (one to three in a row) whose letters and digits are `key`, as
    written: "engagespark" → "engageSPARK", "socialprintstudio" → "Social Print Studio".
    `letters`: `text` lowered, with only its letters and digits (`name_key`)."""
    if key not in letters:
        return None
    words = list(_NAME_WORD.finditer(text))
    for i in range(len(words)):
        for k in range(1, 4):
            run = words[i : i + k]
            if len(run) < k or run[-1].start() - run[0].end() > 3 * (k - 1):
                break
            if name_key("".join(w[0] for w in run)) == key:
                return text[run[0].start() : run[-1].end()]
    return None


_NAME_WORD = re.compile(r"[\w&'’-]+")
_NOT_ALNUM = re.compile(r"[\W_]+")


def name_key(text: str) -> str:
    """`text` lowered, with only its letters and digits, to compare names: "Acme-Labs" →
    "acmelabs"."""
    return _NOT_ALNUM.sub("", text.lower())


# Capitalized words in a row, up to the end of a sentence: "Acme Labs", not "Acme. We".
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w&'’-]*(?:\.(?=\w)[\w&'’-]*)*(?:\s+[A-Z][\w&'’-]*)*")


def spelled_name(label: str, lines: list[str]) -> str | None:
    """The name as the text writes the words a site's label runs together ("thehackerati"
    → "The Hackerati"), the label when the text does not, or None when the text names
    more ("America First Policy Institute" for "americafirstpolicy")."""
    key = name_key(label)
    for line in lines[:8]:
        for run in _CAPITALIZED_RUN.finditer(line):
            words = run.group(0).split()
            for k in range(1, len(words) + 1):
                if name_key(" ".join(words[:k])) == key:
                    return " ".join(words[:k]) if k == len(words) else None
    return label


def site_company(company: str | None, lines: list[str]) -> str | None:
    """The company the post's own addresses spell and its text names, when the header gave a
    name that nothing else in the post says: "Code4Good -- www.engagespark.example" then
    "engageSPARK, a not-for-profit, …" → "engageSPARK"; "Engineer - Core Systems" then
    "Slice, a startup, …" and "slice.resumetracker.example" → "Slice". A name that an
    address holds a word of ("Stitch Health", teamstitch.example), or that the text writes a
    word of ("Rainbow Insurance", "Rainbow is …"), stays."""
    if company is None or _said_again(company, lines):
        return company
    text = "\n".join(lines)
    labels = {x for x in domain_labels(text) if len(x) >= 4} - _HOST_LABELS
    body = _ADDRESS.sub(" ", "\n".join(lines[1:]))
    letters = name_key(body)
    named = {w for x in sorted(labels) if (w := _written(x, body, letters))}
    return named.pop() if len(named) == 1 else company


def _said_again(company: str, lines: list[str]) -> bool:
    """Whether the post says a word of the name beyond its first line (written with its
    capital), or any of its addresses holds one."""
    words = {w for w in re.findall(r"[^\W_]+", company) if len(w) >= 4 or re.search(r"\d", w)}
    rest = "\n".join(lines[1:])
    if not words or any(_has_word(w, rest) for w in words):
        return True  # most posts name their company again: no address is read
    # Address by address, to stop at the first that holds a word (most do, near the top).
    lowered_words = [w.lower() for w in words]
    addresses = _ADDRESS.finditer("\n".join(lines))
    return any(w in m[0].lower() for m in addresses for w in lowered_words)


def _has_word(word: str, text: str) -> bool:
    """Whether `text` holds `word` as a whole word (found by plain search: it runs per post)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
            return True
        at = text.find(word, end)
    return False


def full_name(name: str | None, first_line: str) -> str | None:
    """The name as the first line writes it in full, when the prose calls the company by its
    first words: "Galaxy is a software framework" under "Baltimore MD, Galaxy Project at
    Johns Hopkins, …" → "Galaxy Project"; not a title or a place after it ("Acme Senior
    Engineer", "Acme Berlin")."""
    if not name:
        return name
    more = _words_after(name, first_line)
    if more is None or names_a_job(more) or places_in(more) or only_tags(more):
        return name
    return clean_company(name + more) or name


_CAPITALIZED_WORDS = re.compile(r"(?:\s+[A-Z][\w&'’-]*)+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _words_after(name: str, line: str) -> str | None:
    r"""The capitalized words right after the first `name` in `line` that opens no word and
    has some: group 1 of `re.search(rf"(?<![\w-]){re.escape(name)}((?:\s+[A-Z][\w&'’-]*)+)",
    line)`, found by plain search, since a pattern compiled per post cost more than the
    search."""
    at = line.find(name)
    while at >= 0:
        if not (at and _WORD_OR_HYPHEN.match(line, at - 1)):
            m = _CAPITALIZED_WORDS.match(line, at + len(name))
            if m:
                return m.group()
        at = line.find(name, at + 1)
    return None
