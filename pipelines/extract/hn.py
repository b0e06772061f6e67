"""Hacker News "Ask HN: Who is hiring?" comments → one `ExtractedPosting` per role.

A comment is read in this order:

1. deleted (no text) → skip "deleted";
2. someone seeking work, or a remark about the thread → skip "not_a_job_offer";
3. the header: the first line split on `|` (or on ` - `/` — `/` • ` when the pieces look like a
   header), or "Key: value" lines (Company:/Role:/Location:), or a prose opening
   ("Acme (YC W21) is hiring ML engineers in Berlin"); each piece is classified by cheap cues
   (keywords, digits, currency signs, a small gazetteer) as company, role, location, remote,
   employment type, salary, visa or URL;
4. the roles: those of the header's role piece(s), split on commas/"and"/"&"/" / " only where
   every part names a job; when the header names none (or only "Multiple roles"), the role
   lines or bullets of the body ("- Staff ML Engineer ($200k-$250k)", "Roles: A, B and C",
   "- ML Engineer: train and ship models", "Lead Vision Engineer £90k–£110k"); plus roles
   named in passing ("We are also hiring a Backend Engineer (Go) for …");
5. each role's section: the body line (or, under a heading, the lines) about that role only.
   When roles have sections, `skills_text` holds the role's own section plus the text every
   role shares, so one role's tools are not given to the others.

What names a job is asked of `pipelines.classify.names_a_job` (one list of job words in every
supported language); what names a place, of `pipelines.location` (one gazetteer).

Accuracy comes first: a field that cannot be told is left empty rather than guessed. Titles
with a slash and no spaces ("ML/AI Engineer", "Frontend/Backend Engineer") are one title: the
slash joins alternatives of one job more often than it lists jobs.

The cues here are deliberately local and shallow: the salary/location/remote normalizers read
the texts this module hands them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from pipelines.classify import classify_role, classify_seniority, names_a_job
from pipelines.location import Place, find_places, prepare
from pipelines.model import ExtractedPosting, Extraction
from pipelines.salary import find_salaries
from pipelines.skills import extract_skills, skill_category
from pipelines.text import extract_links, html_to_text

HN_ITEM_URL = "https://news.ycombinator.com/item?id={}"

# --- cues ------------------------------------------------------------------------------------

_CUR_SIGN = r"[$€£¥₹₩₽]"
_CUR_CODE = (
    r"(?:USD|EUR|GBP|CAD|AUD|CHF|SEK|NOK|DKK|PLN|INR|JPY|SGD|NZD|BRL|ILS|CZK|HKD|MXN|ZAR|AED)"
)
_NUM = r"\d[\d,.']*\d|\d"
# One amount that is certainly money: "$150k", "€70", "120K", "45 USD", "CHF 140'000".
_MONEY = (
    rf"(?:(?:[A-Z]{{1,2}})?{_CUR_SIGN}\s?(?:{_NUM})\s?[kKmM]?\b"
    rf"|\b{_CUR_CODE}\s?(?:{_NUM})\s?[kKmM]?\b"
    rf"|\b\d{{2,3}}(?:[.,]\d)?\s?[kK]\b(?:\s?{_CUR_SIGN})?"
    rf"|\b(?:{_NUM})\s?(?:{_CUR_SIGN}|{_CUR_CODE}\b))"
)
_RANGE_SEP = r"\s?(?:-|–|—|to|bis|a|à|~)\s?"
# A span never starts inside a number ("1,1,1,…" would make every start rescan the run).
_SALARY_SPAN = re.compile(
    r"(?<!\d)(?<!\d[,.'])"
    rf"(?:(?:{_CUR_SIGN}\s?)?(?:{_NUM}){_RANGE_SEP}(?={_CUR_SIGN}|\d))?"
    rf"{_MONEY}(?:{_RANGE_SEP}{_MONEY}|{_RANGE_SEP}(?:{_NUM})\s?[kK]?\b)?"
    rf"(?:\s?{_CUR_CODE}\b)?"
    r"(?:\s?(?:/|per|a|an)\s?(?:year|yr|annum|hour|hr|h|month|mo|day|week|wk)\b\.?)?"
    r"(?:\s?(?:p\.\s?a\.|pa\b|annually|yearly|hourly|base|OTE|DOE|gross|brutto))?"
    r"(?:\s?\+\s?(?:equity|bonus|stock|options|benefits|esop|commission)"
    r"(?:\s?(?:&|and|\+|/|,)\s?(?:equity|bonus|stock|options|benefits|esop|commission))*)?",
)
_HOURLY = re.compile(r"\b\d+\s?(?:/|per\s)\s?(?:h|hr|hour)\b", re.I)
_FUNDING = re.compile(
    r"\b(?:raised|raising|funding|funded|series [a-e]|seed|arr|mrr|revenue|valuation|backed|"
    r"investors?|customers|users|exits?|grants?|contracts? worth)\b|"
    r"[$€£₹]\s?\d[\d.,]*\s?(?:m|mm|b|bn|million|billion)\b",  # not ¥: "¥10M" is pay
    re.I,
)
_SALARY_WORD = re.compile(
    r"\b(?:salary|salaries|compensation|comp|pay|base|ote|gehalt|salario|sueldo|salaire|"
    r"rémunération|remuneration)\b",
    re.I,
)
_SALARY_LABEL = re.compile(
    r"^\s*(?:salary(?: range)?|compensation|comp|pay|base(?: salary)?|gehalt|salario|sueldo|"
    r"salaire|rémunération)\s*[:=-]?\s*",
    re.I,
)

_REMOTE = re.compile(
    r"\b(?:remote(?:ly)?|remote[- ]first|on-?site|on site|in[- ]office|in[- ]person|hybrid|wfh|"
    r"work from home|distributed|telecommute|homeoffice|home[- ]office|remoto|remota|"
    r"télétravail|teletravail|teletrabajo|presencial|hybride|híbrido|hibrido|vor ort|"
    r"op locatie|thuiswerk\w*|sur site|zdalni[ea]|zdaln[aey]|hybrydow\w*|stacjonarn\w*|"
    r"présentiel|teletravail)\b",
    re.I,
)
_EMPLOYMENT = re.compile(
    r"\b(?:full[- ]?time|part[- ]?time|contract(?:or|ors|s)?|freelance(?:rs?)?|"
    r"intern(?:ship)?s?|permanent|temporary|temp|ft|pt|fte|co-?ops?|vollzeit|teilzeit|"
    r"festanstellung|tiempo completo|jornada completa|temps plein|cdi|cdd|voltijd|deeltijd|"
    r"w-?2|1099|c2c|salaried|employee|perm)\b",
    re.I,
)
_VISA = re.compile(
    r"\b(?:visas?|h-?1-?b|sponsorship|sponsor(?:s|ing)?|relocation|relocate|green ?cards?)\b",
    re.I,
)
_URL_ONLY = re.compile(
    r"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)$",
    re.I,
)
_URL_ANY = re.compile(r"https?://\S+|\b(?:www\.)?[\w-]+\.(?:com|io|ai|co|org|net|dev|app)\b\S*")

_GENERIC_ROLE = re.compile(
    r"^(?:(?:multiple|many|various|several|numerous|all|lots of|open|\d+|few|some)\b.*|"
    r".*\b(?:roles|positions|openings|opportunities|jobs|vacancies|stellen)\b.*)$",
    re.I,
)
_SENIORITY_ONLY = re.compile(
    r"^(?:senior|sr\.?|junior|jr\.?|mid(?:-level)?|staff|principal|lead|entry[- ]level|"
    r"experienced|founding|chief)$",
    re.I,
)
_TITLE_LEAD_IN = re.compile(
    r"^(?:(?:we(?:'re| are)\s+)?(?:now\s+)?hiring\s*(?:for\s+|:\s*|-\s*)?|"
    r"(?:we(?:'re| are)\s+)?looking for\s+(?:an?\s+)?|seeking\s+(?:an?\s+)?|"
    r"(?:open\s+)?(?:roles?|positions?|jobs?|titles?|openings?)\s*:\s*|job\s*:\s*)",
    re.I,
)

_SEEKING_WORK = re.compile(
    r"^\W*(?:seeking (?:work|freelance\w*|employment|a (?:job|role|position))|"
    r"(?:i'?m |i am )?(?:looking|searching) for (?:work|a job|a new (?:job|role|position)|"
    r"(?:a |an )?(?:new )?(?:job|role|position|opportunit\w+)\b)|hire me\b|open to work|"
    r"available for (?:hire|work|contracts?))"
    r"|\b(?:i'?m|i am) (?:looking|seeking|searching) for (?:a |an |my )?(?:new |next |full[- ]time "
    r"|remote )?(?:job|work|role|position|opportunit)",
    re.I,
)
# The "Who wants to be hired?" template, pasted into the wrong thread.
_SEEKING_FORM = re.compile(r"willing to relocate\s*:", re.I)
_META_START = re.compile(
    r"^\W*(?:i don'?t work|is anyone|anyone\b|does anyone|has anyone|did anyone|why\b|please\b|"
    r"psa\b|reminder|note to|fyi\b|i wrote|i made|i built|i created|aggregated|here'?s an?\b|"
    r"for those|just a\b|off[- ]topic|not hiring|question\b|quick question|can we\b|"
    r"could (?:we|the|you)\b|it would be|i applied|i'?m curious|interesting|thanks|thank you|"
    r"great thread|is it just me|the amount of|every month|does this|what\b|how\b|where\b|"
    r"when\b|request\b|shameless|tip\b|pro tip|warning|beware|scam|meta\b|@\w+|>|re:|"
    r"i (?:hope|wish|think|love|hate|noticed|see|am seeing|have been)\b|"
    r"(?:as|to) (?:a|the) (?:job ?seeker|candidate|recruiter)|recruiters? (?:here|please)|"
    r"(?:is|are) (?:there|this|these)\b|no (?:recruit|agenc)|lol\b|wow\b|same\b|as usual|"
    r"as always|feel free|you can (?:browse|search|find)|browse|disclaimer|note\b|"
    r"(?:an? )?(?:approximate |interactive )?(?:map|list|spreadsheet|summary) of)",
    re.I,
)
_HIRING_CUE = re.compile(
    r"\b(?:hiring|we'?re looking for|we are looking for|(?:is|are) looking for|"
    r"(?:is|are) seeking|we (?:seek|need)|looking to hire|join (?:us|our|the)|"
    r"open (?:roles|positions)|"
    r"apply|careers?\b|send (?:us |me )?(?:your |a )?(?:resume|cv)|email (?:me|us)|jobs@|"
    r"recruiting|positions? (?:available|open)|sucht|suchen|buscamos|recrute|recrutons|"
    r"zoeken|vacature|stellenangebot|we offer|"
    r"(?:has|have) (?:\w+ ){0,2}(?:jobs|openings|positions)|"
    r"r[ée]sum[ée]|\bcv\b|openings)",
    re.I,
)
_PROSE_HIRING = re.compile(
    r"^(?P<company>[A-Z0-9][^.!?|:;]{0,60}?)\s+(?:is|are)\s+(?:now\s+|currently\s+|actively\s+)?"
    r"(?:hiring|looking for|seeking|searching for|looking to hire)\b\s*(?:for\s+)?"
    r"(?P<rest>[^\n]*)",
)
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
_YC = re.compile(
    r"\s*[(\[](?:ex-?\s*)?(?:yc|y combinator)\s*-?\s*[swfx]?\s*'?\d{2,4}[^)\]]*[)\]]"
    r"|\s*[(\[](?:acquired|formerly|a\b|an\b|backed|yc\b)[^)\]]*[)\]]",
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

# --- places: the shared gazetteer (pipelines.location) --------------------------------------


def _places_in(text: str) -> list[Place]:
    return find_places(prepare(text))


def _has_place(text: str) -> bool:
    return bool(_places_in(text))


def _qualifies_place(name: str, code: str) -> bool:
    """Whether a code qualifies the place before it: "Boston" + "MA", "Berlin" + "DE"."""
    joined = prepare(f"{name}, {code}")
    return any(p.end == len(joined) and p.start < len(prepare(name)) for p in find_places(joined))


def _is_place_name(text: str) -> bool:
    """Whether the whole text is one place's name ("Paris", "New York"), not a name that
    merely contains one ("Boston Dynamics")."""
    text = text.strip()
    places = _places_in(text)
    return len(places) == 1 and places[0].start == 0 and places[0].end == len(prepare(text))


# --- segments --------------------------------------------------------------------------------

KINDS = ("url", "salary", "remote", "location", "employment", "visa", "role", "other")


@dataclass
class _Segment:
    text: str
    kinds: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str:
        for k in ("role", "salary", "location", "remote", "employment", "visa", "url"):
            if k in self.kinds:
                return k
        return "other"


def _is_salary(text: str) -> bool:
    has_money = bool(_SALARY_SPAN.search(text)) or bool(_HOURLY.search(text))
    if not has_money:
        # What the cheap cues miss ("22 000 – 28 000 zł netto"), the salary parser may read.
        return bool(re.search(r"\d", text)) and bool(find_salaries(text))
    return not (_FUNDING.search(text) and not _SALARY_WORD.search(text))


def _strip_cues(text: str) -> str:
    """What is left of a piece once remote/employment/visa words and filler are gone."""
    rest = _REMOTE.sub(" ", text)
    rest = _EMPLOYMENT.sub(" ", rest)
    rest = _VISA.sub(" ", rest)
    rest = re.sub(
        r"\b(?:only|ok|okay|friendly|possible|preferred|welcome|available|first|and|or|"
        r"also|all|fully|days?|week|per|a|an|the|in|at|from|with|within|no|not|yes|"
        r"optional|required|flexible|some|partial|mostly|us-based|based|considered|"
        r"candidates|timezones?|hours?|overlap|office|\d+%?|x)\b",
        " ",
        rest,
        flags=re.I,
    )
    return re.sub(r"[\W_]+", " ", rest).strip()


def _tag_words_left(text: str) -> bool:
    """Whether anything is left of a header piece once work mode, employment type, visa
    words and places are gone."""
    rest = _strip_cues(text)
    for place in reversed(_places_in(rest)):
        rest = rest[: place.start] + " " + rest[place.end :]
    return bool(
        re.sub(
            r"\b(?:summer|fall|spring|winter|then|hire|welcome|ok)\b", " ", rest, flags=re.I
        ).strip()
    )


_NOT_A_TITLE = re.compile(r"\b(?:required|requires|only|must|please|preferred|fluent)\b", re.I)


def _classify(text: str) -> _Segment:
    seg = _Segment(text)
    t = text.strip()
    if not t:
        return seg
    if _URL_ONLY.match(t):
        seg.kinds.add("url")
        return seg
    if _is_salary(t):
        seg.kinds.add("salary")
    if _REMOTE.search(t):
        seg.kinds.add("remote")
    if _EMPLOYMENT.search(t):
        seg.kinds.add("employment")
    if _VISA.search(t):
        seg.kinds.add("visa")
    bare = _SALARY_SPAN.sub(" ", t) if "salary" in seg.kinds else t
    if "salary" in seg.kinds and not names_a_job(re.sub(r"[(\[][^()\[\]]*[)\]]", " ", bare)):
        bare = ""  # "₹ 30 LPA (Lead) / ₹ 15–25 LPA (Data Scientist)": pay per role, no title
    if _NOT_A_TITLE.search(bare):
        bare = ""  # "Japanese N2 required for the analyst role only"
    if names_a_job(bare) and not _GENERIC_ROLE.match(bare.strip()):
        # "Intern" or "Contract" alone is an employment type, not a title, and so are header
        # tags around it: "ONSITE, INTERNS", "INTERN/VISA/SUMMER CONTRACTOR".
        if not ("employment" in seg.kinds and not _tag_words_left(bare)):
            seg.kinds.add("role")
    elif _GENERIC_ROLE.match(bare.strip()) and names_a_job(bare):
        seg.kinds.add("generic_role")
    # "async Rust, Tokio / React" is a list of tools, though "Tokio" also spells Tokyo.
    tools = "role" not in seg.kinds and len(extract_skills(t)) >= 2
    if "role" not in seg.kinds and not tools and _has_place(_SALARY_SPAN.sub(" ", t)):
        seg.kinds.add("location")
    return seg


# --- header ----------------------------------------------------------------------------------


@dataclass
class _Role:
    title: str
    salary: str | None = None
    section: str | None = None  # the words of the body about this role only


@dataclass
class _Header:
    company: str | None = None
    roles: list[_Role] = field(default_factory=list)
    generic_roles: bool = False
    locations: list[str] = field(default_factory=list)
    remotes: list[str] = field(default_factory=list)
    salary: str | None = None
    kind: str = "none"  # pipe / dash / kv / prose / at / none


def _split_outside_parens(text: str, seps: str) -> list[str]:
    """Split on the regex `seps` wherever it is not inside (), [] or {}."""
    out, depth, start = [], 0, 0
    pattern = re.compile(seps)
    i = 0
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


def _first_sentence(line: str) -> str:
    if len(line) <= 120:
        return line
    return re.split(r"(?<=[a-z0-9)\]])[.!]\s+(?=[A-Z])", line, maxsplit=1)[0]


def _header_line(lines: list[str]) -> str:
    """The first line, joined with the next when the header is visibly wrapped."""
    line = re.sub(r"^[*#=~_\s]+|[*#=~_\s]+$", "", lines[0]) or lines[0]
    i = 1
    while i < len(lines) and i < 4:
        nxt = lines[i]
        if line.rstrip().endswith("|") or nxt.lstrip().startswith("|"):
            line = f"{line.rstrip()} {nxt.strip()}"
            i += 1
            continue
        break
    return line


def _clean_company(text: str) -> str | None:
    t = _YC.sub("", text)
    t = re.sub(r",?\s*\(?\b(?:ex-)?YC\s*[SWFX]'?\d{2}\b\)?", "", t)
    t = re.sub(r"\s*\((?:https?://)?[\w.-]+\.[a-z]{2,}[^)]*\)", "", t)  # "Acme (acme.io)"
    t = re.sub(r"\s*\bhttps?://\S+", "", t)
    t = re.sub(r"^(?:company|company name|employer)\s*:\s*", "", t, flags=re.I)
    t = re.sub(r"^(?:we are|we're|about)\s+", "", t, flags=re.I)
    t = re.sub(r"^at\s+(.+?),?\s+we$", r"\1", t, flags=re.I)  # "At Acme, we are hiring"
    t = re.sub(r"\s+(?:is|are)\s+(?:now\s+)?hiring.*$", "", t, flags=re.I)
    t = re.sub(r"^(?:who is hiring|hiring)\s*:\s*", "", t, flags=re.I)
    t = re.sub(r"^\s*[\[(](?:now\s+)?hiring[\])]\s*", "", t, flags=re.I)  # "[Hiring] Acme"
    # "Acme (Series C, ~300 people)", "Acme (Boston, hybrid)": what follows the name.
    t = re.sub(r"(?<=\S)\s*[(\[][^()\[\]]*[)\]]\s*$", "", t)
    t = re.sub(r"^[\W_]+|[\s,;:|\-–—·•*!]+$|(?<=[a-z]{3})\.$", "", t).strip()
    if not t or len(t) > 60 or _URL_ONLY.match(t) and " " in t:
        return None
    if t.lower() in _PRONOUNS or re.match(r"(?:hi|hello|hey|greetings)\b", t, re.I):
        return None  # "Hi HN, I'm the CTO at …": a greeting, not a name
    # "Galaxy - The Cursor for SQL": a tagline after the name
    t = re.split(r"\s+[-–—]+\s+(?=(?:the|a|an|[-–—\"“]|\w+ing)\b)", t, maxsplit=1, flags=re.I)[0]
    if _URL_ONLY.match(t) and not t.startswith("http") and _WEB_SUFFIX.search(t):
        return re.sub(r"^www\.", "", t, flags=re.I).split(".")[0]  # "acme.example" → "acme"
    if "@" in t or _place_led(t) or _SALARY_WORD.search(t) or _GENERIC_ROLE.match(t):
        return None  # "jobs@acme.com", "San Francisco, CA", "Competitive Salary", "… roles"
    if re.fullmatch(r"[A-Z][a-z]+(?: [a-z][\w-]*)+", t):
        return None  # "Small prop-trading firm": a description, not a name
    # "Scribd, San Francisco": the place after the name goes.
    if (m := re.match(r"^(.+?)\s*(?:,|\s[-–—/]\s)\s*(.+)$", t)) and _only_places(m.group(2)):
        return m.group(1)
    return t


_PLACE_GLUE = re.compile(
    r"(?:[\s,.;:/&()+-]|\b(?:and|or|the|area|bay|greater|metro|city)\b)*", re.I
)


def _only_places(text: str) -> bool:
    """Whether the text names places and nothing else ("San Francisco, CA", "NYC / London")."""
    prepared = prepare(text)
    places, pos = _places_in(text), 0
    for place in places:
        if not _PLACE_GLUE.fullmatch(prepared[pos : place.start]):
            return False
        pos = place.end
    return bool(places) and bool(_PLACE_GLUE.fullmatch(prepared[pos:]))


def _place_led(text: str) -> bool:
    """Whether a would-be name is a place, or starts with places followed by a sentence
    ("Amsterdam, the Netherlands. No remote work"), not a name that holds one ("Boston
    Dynamics")."""
    if _only_places(text):
        return True
    head = re.split(r"(?<=\w)[.;:]\s|\s[-–—(]", text, maxsplit=1)[0]
    return head != text and _only_places(head)


_PRONOUNS = frozenset({"we", "i", "they", "our team", "my team", "us", "hi", "hello"})
_WEB_SUFFIX = re.compile(
    r"\.(?:[a-z]{2,3}|tech|health|tools|cloud|systems|studio|works|example)(?:/\S*)?$",
    re.I,
)
# A company named in the opening words of a prose post: "We're Tidewater Robotics, a …",
# "At Ferncliff, we …", "I'm the CTO at Ledgerleaf (ledgerleaf.example)".
_NAME = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|and|&|de)){0,4})"
_INTRO_COMPANY = (
    re.compile(
        rf"^(?:hi(?: hn| all| everyone)?[!,.]?\s+)?we(?:'re|’re| are)\s+{_NAME}\s*(?:[,(—–]|\s-\s)"
    ),
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


_NAME_HIRING = re.compile(
    rf"^{_NAME}\s*(?:\[\d+\]\s*)?(?:\([^()]*\)\s*)?,?\s+(?:(?:is|are)\s+(?:now\s+|currently\s+|"
    r"actively\s+|also\s+)?(?:hiring|looking for|seeking|searching for|recruiting|changing|"
    r"improving|building|making|bringing|revolutionizing|transforming|the|an?|one of)\b|"
    r"(?:just raised|raised|builds|makes|helps|develops|provides|creates|offers|uses|"
    r"was founded|is located|is based)\b)"
)
_NOT_SUBJECTS = re.compile(
    r"^(?:our|we|this|that|it|you|your|my|who|what|here|there|job|position|role|company|"
    r"team|the|a|an|each|every|all|if|when|location|salary|about|apply|email|contact)\b",
    re.I,
)
_NAME_LINK = re.compile(rf"^{_NAME}\s*(?:[:(–—-]|\s)\s*(?:https?://|www\.)\S+\)?$")


def _named_company(lines: list[str]) -> str | None:
    """A company named near the top when the header gave none (or a place): "Front Row is
    hiring …", "Silk [1] is looking for …", a line "Snowledge (http://…)"."""
    for line in lines[:5]:
        pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z])|\s+[-–—]\s+", line)
        for piece in pieces[:4]:
            m = _NAME_HIRING.match(piece.strip()) or _NAME_LINK.match(piece.strip())
            name = m.group("name") if m else ""
            usable = name and not _NOT_NAMES.match(name) and not _NOT_SUBJECTS.match(name)
            cleaned = _clean_company(name) if usable else None
            if cleaned is not None and not names_a_job(cleaned):
                return cleaned
    return None


def _intro_company(lines: list[str]) -> str | None:
    for line in lines[:2]:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)[:2]:
            for rx in _INTRO_COMPANY:
                if (m := rx.search(sentence)) and not _NOT_NAMES.match(m.group("name")):
                    return _clean_company(m.group("name"))
    return None


def _clean_title(text: str) -> tuple[str, str | None]:
    """A role's title, and the salary words that were stated with it."""
    t = text.strip()
    salary = None
    if (m := _SALARY_SPAN.search(t)) and _is_salary(t):
        salary = m.group(0).strip(" ,;")
        start, end = m.start(), m.end()
        opened, closed = t.rfind("(", 0, start), t.find(")", end)
        if opened > t.rfind(")", 0, start) and closed != -1:
            # "(₹40–55 LPA)", "(55.000 – 68.000 € brutos/año)": the whole parenthesis is pay.
            salary = _SALARY_LABEL.sub("", t[opened + 1 : closed]).strip(" ,;")
            start, end = opened, closed + 1
        t = (t[:start] + " " + t[end:]).strip()
    t = _URL_ANY.sub(" ", t)
    t = re.sub(
        r"^(?:(?:and|or|&|plus)\s+)?(?:(?:an?|the)\s+)?(?:(?:talented|passionate|motivated|"
        r"exceptional|great|awesome|amazing|brilliant|smart|driven|curious|skilled)\s+)?",
        "",
        _TITLE_LEAD_IN.sub("", t).strip(),
        flags=re.I,
    )
    t = re.split(r"\s+(?:with|who|that|to join|to help|to build|to work)(?:\s+|$)", t)[0]
    t = (
        re.sub(r"^[-*•·–—>\d.)\s]+(?=[A-Za-z])", "", t)
        if re.match(r"^[-*•·–—>]|\d+[.)]\s", t)
        else t
    )
    t = re.sub(r"\s*\[\s*\d+\s*\]\s*$", "", t)  # a footnote mark "[2]"
    # Trailing "(Remote, NYC)", "(Full-time)", "($)", "in Berlin", "- Remote": not the title.
    for _ in range(3):
        m = re.search(r"\s*[(\[]([^()\[\]]*)[)\]]\s*$", t)
        if m and _is_context(m.group(1)):
            t = t[: m.start()]
            continue
        m = re.search(r"\s+(?:-|–|—|@|in|at|based in)\s+([^-–—]+)$", t)
        if m and _is_context(m.group(1)) and names_a_job(t[: m.start()]):
            t = t[: m.start()]
            continue
        break
    # "Data Engineer Berlin": a place glued to the end.
    words = t.split()
    for n in (3, 2, 1):
        if (
            len(words) > n
            and _is_place_name(" ".join(words[-n:]))
            and not names_a_job(" ".join(words[-n:]))
            and classify_seniority(" ".join(words[-n:])) == "unknown"  # "Pleno" is a level
            and names_a_job(words[-n - 1])
        ):
            t = " ".join(words[:-n])
            break
    # "()", a footnote mark "[2]", a trailing aside "[Tech Stack: AWS]"
    t = re.sub(r"\(\s*\)|\[\s*\d*\s*\]|\s*\[[^\[\]]*\]\s*$", "", t)
    t = _TITLE_PRAISE.sub("", _TITLE_TAIL.sub("", t.strip(" ,;:|-–—*•·/+")))
    if t.count("(") > t.count(")"):
        t = t[: t.rfind("(")]  # "programmers (OCaml, Haskell": a cut-off aside
    t = re.sub(r"\s+", " ", t).strip(" ,;:|-–—*•·/+")
    return t, salary


# Words around a title that are not its name: the employment type, a count, praise
# ("Full-time Ruby Developers", "one front end intern", "top-notch backend engineer"), and
# after it "role", "of all levels", "preferably", "H1B welcome!".
_TITLE_PRAISE = re.compile(
    r"^(?:(?:and|or|&|full[- ]?time|part[- ]?time|both|one|two|three|several|a few|more|some|"
    r"talented|experienced|exceptional|great|top[- ]notch|passionate|smart|strong|motivated|"
    r"driven|skilled|awesome|amazing|brilliant|well[- ]rounded|rockstar|job title:|"
    r"position:|role:|here'?s an?)[\s,]+)+(?=\S)",
    re.I,
)
_TITLE_TAIL = re.compile(
    r"(?:\s+(?:roles?|positions?|(?:of|at) all (?:experience |seniority )?levels|"
    r"of all (?:kinds|types|stripes|backgrounds)),?|,?\s+(?:preferably|ideally)|"
    r"[,!]?\s+(?:h-?1-?b|visa)\b[^()]*)$",
    re.I,
)


_GENDER_ONLY = re.compile(r"(?:[mwfdhxk]\s?/\s?){1,2}[mwfdhxk]|all genders|alle geschlechter", re.I)


def _is_context(text: str) -> bool:
    """Whether a trailing piece of a title says where/how/how much rather than what."""
    if not text.strip():
        return True
    if _GENDER_ONLY.fullmatch(text.strip()):
        return True
    if names_a_job(text) and not _REMOTE.search(text):
        return False
    return bool(
        _REMOTE.search(text) or _EMPLOYMENT.search(text) or _VISA.search(text)
        or _is_salary(text) or _has_place(text) or re.fullmatch(r"[\s$€£]*", text)
        or re.search(r"\d+\+?\s*(?:yoe|years?|yrs)\b", text, re.I)
        or re.search(r"\b(?:f/m|m/f|m/w/d|w/m/d|m/f/d|all levels)\b", text, re.I)
    )  # fmt: skip


def _head_noun(title: str) -> str:
    """The noun a title ends on before any aside or team: "Software Engineer - Data Team" →
    "engineer"."""
    title = re.split(r"\s+[-–—]\s+", title, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+", re.sub(r"[(\[][^()\[\]]*[)\]]", " ", title).lower())
    return words[-1].rstrip("s") if words else ""


def _one_job(left: str, right: str) -> bool:
    """Whether "left / right" names one job two ways ("Backend-utvecklare / Backend
    Developer", "Computational Biologist / ML Scientist") rather than two jobs ("Senior AI
    Engineer / Staff AI Engineer", "ML Engineer / Data Scientist")."""
    if _head_noun(left) == _head_noun(right):
        return False
    roles = {classify_role(left), classify_role(right)}
    return len(roles) == 1 or "other" in roles


def _split_roles(text: str) -> list[_Role]:
    """Roles named in one piece: "Senior ML Engineer, Data Scientist and Backend Engineer".

    Only split where each part names a job: a part without a job noun ("iOS and Android",
    "Senior and Staff") stays with its neighbour, except in a comma list of three or more
    that names a job, where a short item is one ("Backend, mobile, PM, design, data").
    """
    text = re.sub(r"[,;\s]*\b(?:etc\.?|and more|and others|\.{3}|…)\s*$", "", text.strip())
    pieces = _split_outside_parens(
        text, r"\s*(?:,|;|\s&\s|\s\+\s|\s/\s|\s(?:and|or|und|y|et|en)\s)\s*"
    )
    seps = re.findall(r"\s*(?:,|;|\s&\s|\s\+\s|\s/\s|\s(?:and|or|und|y|et|en)\s)\s*", text)
    commas = sum(1 for x in seps if x.strip() in (",", ";"))
    listed = commas >= 2 and any(names_a_job(p) for p in pieces)
    merged: list[str] = []
    items: set[int] = set()  # merged pieces kept as list items without a job noun
    pending = ""
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        sep = seps[i - 1] if 0 < i <= len(seps) else " "
        if not piece:
            continue
        if pending:
            piece = pending + piece
            pending = ""
        if (
            (_SENIORITY_ONLY.match(piece) or not merged)
            and i + 1 < len(pieces)
            and not (names_a_job(piece))
        ):
            pending = piece + (seps[i] if i < len(seps) else " ")
            continue
        if listed and sep.strip() in (",", ";") and _list_item(piece):
            items.add(len(merged))
            merged.append(piece)
            continue
        if merged and not names_a_job(_SALARY_SPAN.sub(" ", piece)):
            merged[-1] = merged[-1] + sep + piece
            continue
        if merged and sep.strip() == "/" and _one_job(merged[-1], piece):
            merged[-1] = merged[-1] + sep + piece
            continue
        merged.append(piece)
    if pending:
        merged.append(pending.strip())
    roles = []
    for i, piece in enumerate(merged):
        title, salary = _clean_title(piece)
        plain = re.sub(r"[(\[][^()\[\]]*[)\]]", " ", title)
        if title and (i in items or names_a_job(title)) and not _SENTENCE_WORD.search(plain):
            roles.append(_Role(title, salary))
    return roles


def _list_item(piece: str) -> bool:
    """A short item of a list of roles that names a team rather than a job ("mobile",
    "design", "BizDev"): not a level, place, work mode, pay, tool or sentence."""
    words = piece.split()
    return (
        0 < len(words) <= 3
        and not _SENIORITY_ONLY.match(piece)
        and not _is_context(piece)
        and not _SENTENCE_WORD.search(piece)
        and not extract_skills(piece)
        and not _GENERIC_ROLE.match(piece)
        and bool(re.match(r"[^\W\d_]", piece))
    )


def _apply_segments(header: _Header, segments: list[_Segment], first_is_company: bool) -> None:
    for i, seg in enumerate(segments):
        text = seg.text.strip()
        if not text:
            continue
        if i == 0 and first_is_company:
            header.company = _clean_company(text)
            continue
        kind = seg.kind
        if kind == "role":
            header.roles.extend(_split_roles(text))
            if "salary" in seg.kinds and header.salary is None and len(header.roles) > 1:
                pass
            continue
        if "generic_role" in seg.kinds:
            header.generic_roles = True
        if "salary" in seg.kinds and header.salary is None:
            header.salary = _salary_text(text, seg)
        if "location" in seg.kinds:
            header.locations.append(_location_text(text, seg))
        if "remote" in seg.kinds:
            header.remotes.append(_remote_words(text, seg))


def _salary_text(text: str, seg: _Segment) -> str | None:
    pure = not (seg.kinds & {"remote", "location", "role", "employment"})
    body = _SALARY_LABEL.sub("", text).strip()
    if pure and len(body) <= 80:
        return body or None
    m = _SALARY_SPAN.search(text)
    return m.group(0).strip(" ,;") if m else None


def _location_text(text: str, seg: _Segment) -> str:
    if "salary" in seg.kinds:
        text = _SALARY_SPAN.sub(" ", text)
    text = re.sub(r"^(?:location|locations)\s*:\s*", "", text, flags=re.I)
    text = re.sub(r"\(?\s*https?://\S+\s*\)?", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;|-–—")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def _remote_words(text: str, seg: _Segment) -> str:
    text = re.sub(r"^(?:remote|work ?type)\s*:\s*", "", text, flags=re.I) if ":" in text else text
    return _location_text(text, seg)


def _pipe_header(line: str) -> _Header | None:
    parts = [p for p in _split_outside_parens(line, r"\s*\|\s*") if p.strip()]
    if len(parts) < 2:
        return None
    segs = [_classify(p) for p in parts]
    if not any(s.kind != "other" or "generic_role" in s.kinds for s in segs[1:]):
        return None
    header = _Header(kind="pipe")
    # "Acme (acme.io) - Berlin, Germany | ...": a dash inside the first piece.
    head = _split_outside_parens(parts[0], r"\s+(?:-{1,2}|–|—)\s+")
    if len(head) == 2 and _classify(head[1]).kind in ("location", "remote"):
        segs[0:1] = [_classify(head[0]), _classify(head[1])]
    first = segs[0]
    # "Senior ML Engineer | Acme | Berlin": a title first and a plain name second.
    first_is_company = not (
        first.kind in ("role", "remote", "location", "salary", "employment")
        and first.kinds & {"role", "remote", "salary", "employment"}
    )
    if first.kind == "location" and not (first.kinds - {"location"}):
        # "Boston Dynamics | ..." is a company that sounds like a place; "Paris, France" is not.
        name = first.text.strip()
        first_is_company = not (re.search(r",\s*\S", name) or _is_place_name(name))
    if (
        first.kind == "role"
        and classify_role(first.text) == "other"
        and not any(seg.kind == "other" for seg in segs[1:])
    ):
        first_is_company = True  # "Brightline Tutors | Remote (US) | Hourly": a name, no title
    _apply_segments(header, segs, first_is_company)
    if not first_is_company and first.kind == "role" and len(segs) > 1 and segs[1].kind == "other":
        header.company = _clean_company(segs[1].text)
    elif not first_is_company and header.company is None:
        # "REMOTE | Full-time | Senior ML Engineer | Lanternfish Health | US only": the one
        # piece that is nothing else is the name.
        others = [seg for seg in segs if seg.kind == "other" and "generic_role" not in seg.kinds]
        if len(others) == 1:
            header.company = _clean_company(others[0].text)
    return header


def _dash_header(line: str) -> _Header | None:
    if len(line) > 160:
        return None
    parts = _split_outside_parens(line, r"\s+(?:-{1,2}|–|—|•|·|::)\s+|\s*[—–]\s*")
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
    segs = [_classify(p) for p in parts]
    useful = [s for s in segs[1:] if s.kind not in ("other", "url") or "generic_role" in s.kinds]
    if not useful and segs[0].kind != "role":
        return None
    header = _Header(kind="dash")
    first = segs[0]
    if first.kind == "role" and "location" not in first.kinds:
        # "Founding Engineer - Acme - Berlin" or "Hiring: X and Y (Remote) – Acme"
        _apply_segments(header, segs, first_is_company=False)
        others = [s for s in segs[1:] if s.kind == "other"]
        if others:
            header.company = _clean_company(others[0].text)
        return header
    first_is_company = not _only_places(first.text)
    _apply_segments(header, segs, first_is_company=first_is_company)
    if not first_is_company:
        header.company = _lone_name(segs[1:])
    return header


def _at_header(line: str) -> _Header | None:
    m = _AT_HEADER.match(line.strip())
    if not m or not names_a_job(m.group("role")) or _SENTENCE_WORD.search(m.group("role")):
        return None
    if re.search(r"\b(?:i'm|i am|i’m|hi)\b", m.group("role"), re.I):
        return None  # "Hi HN, I'm the CTO at Ledgerleaf": a sentence, read as prose
    header = _Header(kind="at", company=_clean_company(m.group("company")))
    header.roles = _split_roles(m.group("role"))
    if paren := m.group("paren"):
        seg = _classify(paren)
        _apply_segments(header, [seg], first_is_company=False)
    return header


def _kv_header(lines: list[str]) -> _Header | None:
    found: dict[str, str] = {}
    for line in lines[:15]:
        if m := _KV.match(line):
            key = m.group("key").lower()
            found.setdefault(key, m.group("value").strip())
    if len(found) < 2 or not (found.keys() & {"company", "company name", "employer"}):
        return None
    header = _Header(kind="kv")
    for key, value in found.items():
        if key in ("company", "company name", "employer"):
            header.company = _clean_company(value)
        elif key in ("role", "roles", "position", "positions", "job title", "title", "job",
                     "job summary", "open roles", "hiring"):  # fmt: skip
            seg = _classify(value)
            if "generic_role" in seg.kinds:
                header.generic_roles = True
            header.roles.extend(_split_roles(value))
        elif key in ("location", "locations"):
            seg = _classify(value)
            header.locations.append(_location_text(value, seg))
            if "remote" in seg.kinds:
                header.remotes.append(_remote_words(value, seg))
        elif key in ("salary", "compensation", "comp", "pay"):
            if _is_salary(value):
                header.salary = _SALARY_LABEL.sub("", value).strip() or None
        elif key in ("remote", "work type", "worktype", "type") and _REMOTE.search(value):
            header.remotes.append(value.strip())
    return header


def _prose_header(lines: list[str]) -> _Header | None:
    first = lines[0]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", first)[0]
    company = None
    if m := _PROSE_HIRING.match(sentence):
        company = _clean_company(m.group("company"))
        rest = m.group("rest")
    elif m := _WE_HIRING.match(sentence):
        rest = m.group("rest")
    else:
        return None
    header = _Header(kind="prose", company=company)
    # "... ML engineers in Berlin (remote OK)." → roles | location | context
    rest = rest.rstrip(" .!")
    loc = None
    for lm in re.finditer(r"\s+(?:in|based in|located in)\s+(?P<loc>[^.!;()]+)", rest):
        candidate = re.split(r"\s+(?:to|who|for|with|and help|working)\s+", lm.group("loc"))[0]
        if _has_place(" ".join(candidate.split()[:3])) or _REMOTE.match(candidate):
            loc = candidate.strip(" ,")
            rest = rest[: lm.start()]
            break
    paren = re.search(r"[(\[]([^()\[\]]*)[)\]]", rest)
    if paren and _is_context(paren.group(1)):
        seg = _classify(paren.group(1))
        _apply_segments(header, [seg], first_is_company=False)
        rest = rest[: paren.start()] + rest[paren.end() :]
    rest = re.split(r"\s+(?:to|who|that|for|with|across|on|at)\s+|[.!;:]", rest)[0]
    rest = re.sub(r"^(?:an?|our|(?:a |an )?(?:few|couple of|several|two|three|multiple)|"
                  r"(?:first|next)|talented|great|experienced|exceptional)\s+", "", rest,
                  flags=re.I)  # fmt: skip
    if _GENERIC_ROLE.match(rest.strip()):
        header.generic_roles = True
    else:
        header.roles = [r for r in _split_roles(rest) if len(r.title.split()) <= 8]
    if loc:
        seg = _classify(loc)
        header.locations.append(loc)
        if "remote" in seg.kinds:
            header.remotes.append(loc)
    return header


def _lines_header(lines: list[str]) -> _Header | None:
    """Short lines at the top, the first maybe comma-separated: "Acme, Boston, MA" /
    "Senior Data Engineer" / "ONSITE, Full-time"."""
    top: list[str] = []
    for line in [_first_sentence(lines[0]), *lines[1:4]]:
        words = len(line.split())
        if len(line) > 120 or words > 14 or (words > 6 and line.endswith((".", "!", "?", ":"))):
            break
        top.append(line)
    if not top:
        return None
    pieces = _split_outside_parens(top[0], r"\s*,\s*|\.\s+(?=[A-Z])|\s+(?:-{1,2}|–|—)\s+|:\s+")
    if len(pieces) == 1 and (m := re.match(r"^([^()]+?)\s*\(([^()]+)\)$", top[0].strip())):
        pieces = [m.group(1), m.group(2)]  # "Acme (Berlin, Germany)"
    first_parts: list[str] = []
    for piece in (re.sub(r"\(?\s*https?://\S+\s*\)?", "", p).strip(" .") for p in pieces):
        if not piece:
            continue
        if (
            first_parts
            and re.fullmatch(r"[A-Z]{2}|USA|UK", piece)
            and _qualifies_place(first_parts[-1], piece)
        ):
            first_parts[-1] = f"{first_parts[-1]}, {piece}"
        else:
            first_parts.append(piece)
    segs = [_classify(p) for p in first_parts] + [_classify(line) for line in top[1:]]
    kinds = [s.kind for s in segs]
    if len(segs) < 2 and kinds != ["role"]:
        return None
    if not set(kinds) & {"location", "remote", "role", "salary", "employment"}:
        return None
    header = _Header(kind="lines")
    first_is_company = segs[0].kind == "other" and "generic_role" not in segs[0].kinds
    _apply_segments(header, segs, first_is_company)
    if not first_is_company:
        header.company = _lone_name(segs[1 : len(first_parts)])
    return header


def _lone_name(segs: list[_Segment]) -> str | None:
    """The one piece of a header that is nothing else, when it looks like a name:
    "Amsterdam, NL, Full-time, Improve Digital", "London, UK - Football Radar"."""
    others = [s.text.strip() for s in segs if s.kind == "other" and "generic_role" not in s.kinds]
    if len(others) != 1 or not 0 < len(others[0].split()) <= 4 or not others[0][:1].isupper():
        return None
    return _clean_company(others[0])


def _prose_roles(lines: list[str]) -> _Header | None:
    """The first "X is hiring A and B" / "We're looking for A" sentence near the top."""
    for line in lines[:5]:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)[:3]:
            header = _prose_header([sentence])
            if header is not None and header.roles:
                return header
    return None


# "… is hiring A, B and C", "we're also looking for A as well as B", "we need a B": the roles
# a sentence names after a hiring verb, anywhere in it.
_HIRING_VERB = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for|looking to (?:hire|add)|(?:like|want) to hire|"
    r"need|to hire|recruiting)\b\s*(?:for\s+)?:?\s*(?P<rest>[^.!?;:\n]+)",
    re.I,
)
_MENTION_END = re.compile(
    r"\s+(?:who|whom|that|which|with|to|across|on|at|in|from|because|so|for|like|of all|"
    r"of any|of every|willing|interested|excited|passionate|based|located|well|able|eager|"
    r"ready|keen)\b.*$|\s*[—–]\s.*$",
    re.I,
)
_MENTION_LEAD = re.compile(
    r"^(?:(?:an?|the|both|more|some|several|a few|few|two|three|four|many|all sorts of|"
    r"all kinds of|a number of|a couple of|additional|new|full[- ]time|part[- ]time|talented|"
    r"experienced|exceptional|great|top[- ]notch|passionate|smart|strong|motivated|driven|"
    r"skilled|awesome|amazing|brilliant|curious|well[- ]rounded|our (?:first|next)|first|next|"
    r"another|other|more)\s+)+",
    re.I,
)


def _hiring_mentions(lines: list[str]) -> list[_Role]:
    """Roles named after a hiring verb in the prose of the first paragraphs ("We're hiring
    software engineers and data scientists", "The company is seeking Senior Engineers as well
    as Senior Designers"); each title as written, without the articles and praise before it."""
    roles: list[_Role] = []
    for line in lines[:12]:
        if _BULLET.match(line):
            continue
        for m in _HIRING_VERB.finditer(line):
            rest = re.sub(r"\s+as well as\s+", " and ", m.group("rest"))
            rest = _MENTION_END.sub("", rest).strip(" ,")
            if _GENERIC_ROLE.match(rest) and "," not in rest or len(rest.split()) > 16:
                continue  # "hiring for several roles"; not "hiring PMs, marketing roles, …"
            for role in _split_roles(rest):
                role.title = _MENTION_LEAD.sub("", role.title)
                if _title_like(role.title) and len(role.title.split()) <= 6:
                    role.section = line
                    roles.append(role)
    return roles


def _parse_header(lines: list[str]) -> _Header:
    line = _header_line(lines)
    for parse in (
        lambda: _pipe_header(line),
        lambda: _kv_header(lines),
        lambda: _at_header(line),
        lambda: _dash_header(_first_sentence(line)),
        lambda: _prose_header(lines),
        lambda: None if _META_START.match(lines[0]) else _lines_header(lines),
    ):
        header = parse()
        if header is not None:
            return header
    return _Header()


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
    r"^(?:(?:open |current )?(?:roles?|positions?|openings?|jobs?)|"
    r"we(?:'re| are) (?:hiring|looking for)(?: for)?|hiring(?: for)?|highlighted roles)"
    r"\s*[:\-–]\s*(?P<list>.+)$",
    re.I,
)


_BULLET = re.compile(r"^(?:[-*•·–—▪►+]{1,2}\s*(?=\w)|\d{1,2}[.)]\s+|\(\d{1,2}\)\s+)")
# Where a role line's title ends: a colon, a spaced dash or bar, " @ ".
_HEAD_END = re.compile(r"\s*:(?:\s+|$)|\s+(?:--|[-–—|@•·])\s+")
_SMALL_WORDS = frozenset(
    re.findall(r"\S+", "of de da do das dos des du la le em en in for and & y e et und i w na z")
    + ["ds", "der", "del", "von", "für", "pour", "para"]
)
_SENTENCE_WORD = re.compile(
    r"\b(?:we|you|your|our|is|are|was|will|must|should|required|requires|only|please|"
    r"who|which|that|this|these|those|(?-i:it|It|i)|be|been|have|has|i'm|i’m|i am)\b",
    re.I,
)  # not "IT" ("IT Engineer") nor the level "I" ("Software Engineer I")
_ALSO_HIRING = re.compile(
    r"(?:^|(?<=[.!?;]\s)|\n)[^.!?\n]{0,30}?\b(?:also|additionally|and we(?:'re| are))\b"
    r"[^.!?\n]{0,20}?\b(?:hiring|looking for|seeking|need)\b:?\s*(?:for\s+)?"
    r"(?P<list>[^.!?\n]+)"
    r"|(?:^|\n)\s*(?:also|plus)\s*:\s*(?P<list2>[^.!?\n]+)",
    re.I,
)
_LIST_TAIL = re.compile(
    r"\s+(?:on|for|to|who|that|at|in|within|working|same|from)\s+(?![A-Z]).*$|,\s*same\b.*$"
)


def _outside_parens(pattern: re.Pattern[str], text: str) -> int:
    """Where the first match of `pattern` outside (), [] starts; len(text) when none."""
    # Jump from one place the pattern matches to the next (a search from i finds the first i'
    # >= i where a match at i' succeeds), counting brackets in between.
    depth, counted, pos = 0, 0, 0
    while (m := pattern.search(text, pos)) is not None:
        at = m.start()
        if at == len(text):
            break  # a match after the last character is never tried
        for ch in text[counted:at]:
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth = max(0, depth - 1)
        counted = at
        if depth == 0 and text[at] not in "([)]":
            return at
        pos = at + 1
    return len(text)


def _title_case(text: str) -> bool:
    """Every word capitalized except small joining words: "Director of Data Science"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r"\([^()]*\)", " ", text))
    return bool(words) and all(
        w[0].isupper() or w.lower() in _SMALL_WORDS or re.match(r"[a-z]{1,2}[A-Z]", w)
        for w in words
    )  # "iOS", "eBay" are capitalized names


def _title_like(head: str) -> bool:
    plain = re.sub(r"\([^()]*\)", " ", head).strip()
    words = plain.split()
    return (
        0 < len(words) <= 8
        and len(plain) <= 70
        and names_a_job(head)
        and not _GENERIC_ROLE.match(head)
        and not _SENTENCE_WORD.search(plain)
    )


@dataclass
class _RoleLine:
    index: int  # line number in the body (blank lines included)
    role: _Role
    heading: bool  # the line names the role and little else: its text follows on next lines
    lines: list[int] = field(default_factory=list)  # the lines of its section


def _tool_list(text: str) -> bool:
    """Whether every item of "Ruby, Go, Java" names a tool (a skill that is not a concept)."""
    items = [i for i in re.split(r"\s*[,;/]\s*|\s+(?:and|or)\s+", text) if i.strip()]
    return bool(items) and all(
        any(skill_category(k) != "other" for k in extract_skills(i)) for i in items
    )


_SPECIALTY = re.compile(
    r"\s+[-–—]\s+(?P<spec>[A-Z][^-–—:|@•·()]{1,60}?)(?=\s*(?:$|:\s|\s[-–—|]\s|\())"
)
_JOB_HEAD = re.compile(
    r"\b(?:engineer|developer|scientist|manager|designer|analyst|lead|director|architect|"
    r"researcher|intern)s?\b",
    re.I,
)


def _with_specialty(text: str, cut: int) -> int:
    """Where a title ends when a team or specialty follows a dash ("Software Engineer -
    Frontend UI", "Mobile Developer - Immich"): after it, unless it says where, how or how
    much ("- Remote", "- $150k", "- Berlin") or starts a sentence."""
    m = _SPECIALTY.match(text, cut)
    if m is None:
        return cut
    spec = m.group("spec").strip()
    if (
        len(spec.split()) > 5
        or _is_context(spec)
        or _SENTENCE_WORD.search(spec)
        or _BODY_STOP.match(spec)
        or _URL_ANY.search(spec)
        or _JOB_HEAD.search(spec)  # "Data Engineer - ML Engineer": two jobs
    ):
        return cut
    return m.end()


def _role_line(line: str) -> tuple[_Role, bool] | None:
    """The role a body line names ("- Senior ML Engineer ($200k): PyTorch, Ray", "Director of
    Data Science — $240k. Builds a team…", "Lead Perception Engineer $200k–$240k"), or None."""
    stripped = re.sub(r"(?<!\w)\*(?=\w)|(?<=[\w):])\*(?!\w)", "", line.strip())  # "*bold*"
    bullet = _BULLET.match(stripped)
    text = stripped[bullet.end() :] if bullet else stripped
    # "Live Streaming Engineer (https://jobs.lever.co/…)", "IT Engineer - http://…": links out.
    text = re.sub(r"\s*\(\s*https?://[^()\s]*\s*\)|\s*(?:[-–—:]\s*)?https?://\S+", "", text).strip()
    if not text or not (text[0].isupper() or re.match(r"[a-z]{1,2}[A-Z]", text)):
        return None  # "iOS Engineer" starts in lower case too
    prefix = text[:120]  # a title is shorter: no need to read a long line to its end
    cut = _outside_parens(_HEAD_END, prefix)
    if cut == len(prefix):
        cut = len(text)
    cut = _with_specialty(text, cut)
    if not names_a_job(text[: min(cut, 120)]):
        return None  # the cheap test first: most body lines name no job
    salary_m = _SALARY_SPAN.search(text) if _is_salary(text) else None
    in_parens = salary_m and re.search(r"[(\[][^)\]]*$", text[: salary_m.start()])
    if salary_m and salary_m.start() < cut and not in_parens:
        cut = salary_m.start()  # "Lead Perception Engineer $200k–$240k"
    head = text[:cut].strip()
    separated = cut < len(text)
    # "Senior ML Engineer (geospatial models, PyTorch, Kubernetes)": a description, not title;
    # a list of tools ("(Ruby, Go, Java)") is part of it.
    if (
        (m := re.search(r"\s*\(([^()]*)\)$", head))
        and re.search(r"[,;]", m.group(1))
        and not _tool_list(m.group(1))
    ):
        head = head[: m.start()]
    if not _title_like(head):
        return None
    title_case = _title_case(head)
    if _BODY_STOP.match(text) and not title_case:
        return None
    if not separated:
        if text.endswith((".", ":", "?", "!")) or (not bullet and len(text.split()) > 14):
            return None
    elif not (bullet or title_case or salary_m):
        return None
    title, head_salary = _clean_title(head)
    if not title or not names_a_job(title) or _GENERIC_ROLE.match(title):
        return None
    # The salary parser reads the line's pay with its period ("R$ 14.000/mês", "₹40-60 LPA").
    stated = find_salaries(text[len(head) :] if head_salary is None else head)
    salary = (
        stated[0].text
        if stated
        else head_salary or (salary_m.group(0).strip(" ,;") if salary_m else None)
    )
    rest = text.replace(salary_m.group(0), " ") if salary_m else text
    rest = rest.replace(title, " ", 1)
    heading = not bullet and len(re.findall(r"[^\W\d_]{2,}", _strip_cues(rest))) < 2
    return _Role(title, salary), heading


def _role_lines(body: list[str]) -> list[_RoleLine]:
    """The roles named one per line in the body, with their line numbers."""
    found: list[_RoleLine] = []
    for i, line in enumerate(body):
        if i == 0 or not line.strip():
            continue
        if m := _ROLES_INLINE.match(line.strip()):
            found.extend(_RoleLine(i, r, False) for r in _split_roles(m.group("list")))
            continue
        if (hit := _role_line(line)) is not None:
            found.append(_RoleLine(i, hit[0], hit[1]))
    return found


def _sections(body: list[str], found: list[_RoleLine]) -> None:
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


def _also_hiring(text: str) -> list[_Role]:
    """Roles added in passing: "We are also hiring a Backend Engineer (Go) for …",
    "Also: Senior Data Analyst (£55k) and Staff ML Engineer (£110k), same office."."""
    roles: list[_Role] = []
    for m in _ALSO_HIRING.finditer(text):
        listed = _LIST_TAIL.sub("", (m.group("list") or m.group("list2") or "").strip())
        listed = re.sub(r"^(?:an?|the|two|three|some)\s+", "", listed, flags=re.I)
        for role in _split_roles(listed):
            if _title_like(role.title):
                role.section = m.group(0).strip()
                roles.append(role)
    return roles


# --- is it a job offer? ----------------------------------------------------------------------


def _not_an_offer(text: str, lines: list[str], header: _Header) -> bool:
    first_para = text.split("\n\n", 1)[0]
    if _SEEKING_WORK.search(first_para[:300]):
        return True
    if header.kind in ("none", "lines") and _SEEKING_FORM.search(text):
        return True
    if header.kind in ("pipe", "kv", "at", "dash", "prose", "lines"):
        return False
    if _META_START.match(lines[0]):
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


def _posted_at(comment: dict[str, Any]) -> datetime | None:
    value = comment.get("created_at")
    if isinstance(value, str) and value:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            dt = None
        if dt is not None:
            return dt.astimezone(UTC) if dt.tzinfo else dt.replace(tzinfo=UTC)
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

    header = _parse_header(lines)
    if header.company is None:
        header.company = _intro_company(lines) or _named_company(lines)
    if _not_an_offer(text, lines, header):
        return Extraction(skip_reason="not_a_job_offer")

    body = text.split("\n")
    found = _role_lines(body)
    _sections(body, found)
    roles = header.roles
    if found and (not roles or header.generic_roles and len(roles) <= 1):
        roles = [f.role for f in found]
    elif roles and _body_names_others(roles, found):
        # "Acme | Engineers | …" then "- Senior ML Engineer", "- Staff Data Engineer": the
        # body's roles, and those of the header that none of them spells out ("DevRel").
        heads = {_head_noun(f.role.title) for f in found}
        roles = [f.role for f in found] + [r for r in roles if _head_noun(r.title) not in heads]
    elif roles and found:
        # The header's roles, described one by one in the body: their sections.
        by_title = {f.role.title.lower(): f.role for f in found}
        for role in roles:
            if (twin := by_title.get(role.title.lower())) is not None:
                role.section = twin.section
                role.salary = role.salary or twin.salary
    if not roles and (prose := _prose_roles(lines)) is not None:
        roles = prose.roles
        header.company = header.company or prose.company or _intro_company(lines)
    if not roles:
        roles = _hiring_mentions(lines)
    if roles:
        roles = roles + _also_hiring(text)
        _salaries_per_role(header.salary, roles)
    if not roles and _AGENCY.search(text.split("\n\n", 1)[0]):
        return Extraction(skip_reason="not_a_job_offer")  # a recruiter with no role to name
    roles = _dedupe_roles(roles) or [_Role("")]
    shared = _shared_text(body, found, roles)
    if len(roles) > 1 and header.salary is None and not any(r.salary for r in roles):
        # "(salary ranges for each job 70k-130k)": one figure in the words every role shares.
        stated = find_salaries(shared if shared is not None else text)
        header.salary = stated[0].text if len(stated) == 1 else None

    urls = extract_links(html)
    location = "; ".join(dict.fromkeys(x for x in header.locations if x)) or None
    remote = "; ".join(dict.fromkeys(x for x in header.remotes if x)) or None
    comment_id = comment.get("id")
    common = dict(
        company=header.company,
        description=text,
        location_text=location,
        remote_text=remote,
        posted_at=_posted_at(comment),
        url=HN_ITEM_URL.format(comment_id) if comment_id is not None else None,
        apply_url=_apply_url(urls),
    )
    postings = [
        ExtractedPosting(
            title=role.title,
            salary_text=role.salary or header.salary,
            urls=list(urls),
            skills_text=_skills_text(role, shared, len(roles)),
            **common,  # type: ignore[arg-type]
        )
        for role in roles
    ]
    return Extraction(postings=postings)


def _skills_text(role: _Role, shared: str | None, roles: int) -> str | None:
    """The words a role's skills are read from (None: the whole comment). Beside other roles,
    a role that is not technical ("Product Manager", "Sales") asks only for what its own
    words name: the team's stack is the engineers'."""
    if roles > 1 and classify_role(role.title) == "other":
        return "\n".join(x for x in (role.title, role.section) if x)
    if shared is None:
        return None
    return "\n".join(x for x in (role.title, role.section, shared) if x)


def _salaries_per_role(salary: str | None, roles: list[_Role]) -> None:
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


def _shared_text(body: list[str], found: list[_RoleLine], roles: list[_Role]) -> str | None:
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


def _body_names_others(roles: list[_Role], found: list[_RoleLine]) -> bool:
    """Whether the body lists roles the header does not name: more of them than the header
    has, and some title that is not the header's."""
    titles = {r.title.lower() for r in roles}
    return len(found) > len(roles) and any(f.role.title.lower() not in titles for f in found)


def _dedupe_roles(roles: list[_Role]) -> list[_Role]:
    seen: dict[str, _Role] = {}
    for role in roles:
        key = role.title.lower()
        if key and key not in seen:
            seen[key] = role
    return list(seen.values())
