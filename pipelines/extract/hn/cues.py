"""Cheap cues that tell what a piece of an HN header is: pay, work mode, employment type,
visa, link, place (the shared gazetteer of `pipelines.location`) or a job title.

`classify_piece` tags one piece with every kind it shows; `Segment.kind` picks the one that counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.classify import names_a_job
from pipelines.currency import CODE_PATTERN, SIGN_CLASS, SIGNS
from pipelines.location import Place, find_places, prepare
from pipelines.salary import find_salaries
from pipelines.skills import extract_skills

# --- cues ------------------------------------------------------------------------------------

_NUM = r"\d[\d,.']*\d|\d"
# One amount that is certainly money: "$150k", "€70", "120K", "45 USD", "CHF 140'000".
_MONEY = (
    rf"(?:(?:[A-Z]{{1,2}})?{SIGN_CLASS}\s?(?:{_NUM})\s?[kKmM]?\b"
    rf"|\b{CODE_PATTERN}\s?(?:{_NUM})\s?[kKmM]?\b"
    rf"|\b\d{{2,3}}(?:[.,]\d)?\s?[kK]\b(?:\s?{SIGN_CLASS})?"
    rf"|\b(?:{_NUM})\s?(?:{SIGN_CLASS}|{CODE_PATTERN}\b))"
)
_RANGE_SEP = r"\s?(?:-|–|—|to|bis|a|à|~)\s?"
# A span never starts inside a number ("1,1,1,…" would make every start rescan the run). It
# starts with a capital (a code, "CA$"), a digit or a currency sign: checked first, so the
# other positions (lower-case words) fail at once instead of trying every alternative.
SALARY_SPAN = re.compile(
    rf"(?=[A-Z\d{re.escape(SIGNS)}])(?<!\d)(?<!\d[,.'])"
    rf"(?:(?:{SIGN_CLASS}\s?)?(?:{_NUM}){_RANGE_SEP}(?={SIGN_CLASS}|\d))?"
    rf"{_MONEY}(?:{_RANGE_SEP}{_MONEY}|{_RANGE_SEP}(?:{_NUM})\s?[kK]?\b)?"
    rf"(?:\s?{CODE_PATTERN}\b)?"
    r"(?:\s?(?:/|per|a|an)\s?(?:year|yr|annum|hour|hr|h|month|mo|day|week|wk)\b\.?)?"
    r"(?:\s?(?:p\.\s?a\.|pa\b|annually|yearly|hourly|base|OTE|DOE|gross|brutto))?"
    r"(?:\s?\+\s?(?:equity|bonus|stock|options|benefits|esop|commission)"
    r"(?:\s?(?:&|and|\+|/|,)\s?(?:equity|bonus|stock|options|benefits|esop|commission))*)?",
)
_DIGIT = re.compile(r"\d")


def without_pay(text: str, blank: str = " ") -> str:
    """`text` with its pay spans blanked out; looked for only where a digit is (in every one)."""
    return SALARY_SPAN.sub(blank, text) if _DIGIT.search(text) else text


_HOURLY = re.compile(r"\b\d+\s?(?:/|per\s)\s?(?:h|hr|hour)\b", re.I)
_FUNDING = re.compile(
    r"\b(?:raised|raising|funding|funded|series [a-e]|seed|arr|mrr|revenue|valuation|backed|"
    r"investors?|customers|users|exits?|grants?|contracts? worth)\b|"
    r"[$€£₹]\s?\d[\d.,]*\s?(?:m|mm|b|bn|million|billion)\b",  # not ¥: "¥10M" is pay
    re.I,
)
# The word lists below start with a look at the first letter their words may start with: most
# positions fail on it at once instead of trying every word there.
SALARY_WORD = re.compile(
    r"\b(?=[bcgoprs])(?:salary|salaries|compensation|comp|pay|base|ote|gehalt|salario|sueldo|"
    r"salaire|rémunération|remuneration)\b",
    re.I,
)
SALARY_LABEL = re.compile(
    r"^\s*(?:salary(?: range)?|compensation|comp|pay|base(?: salary)?|gehalt|salario|sueldo|"
    r"salaire|rémunération)\s*[:=-]?\s*",
    re.I,
)

REMOTE = re.compile(
    r"\b(?=[dhioprstvwz])(?:remote(?:ly)?|remote[- ]first|on-?site|on site|in[- ]office|"
    r"in[- ]person|hybrid|wfh|work from home|distributed|telecommute|homeoffice|home[- ]office|"
    r"remoto|remota|télétravail|teletravail|teletrabajo|presencial|hybride|híbrido|hibrido|vor ort|"
    r"op locatie|thuiswerk\w*|sur site|zdalni[ea]|zdaln[aey]|hybrydow\w*|stacjonarn\w*|"
    r"présentiel|teletravail)\b",
    re.I,
)
EMPLOYMENT = re.compile(
    r"\b(?=[1cdefijpstvw])(?:full[- ]?time|part[- ]?time|contract(?:or|ors|s)?|"
    r"freelance(?:rs?)?|intern(?:ship)?s?|permanent|temporary|temp|ft|pt|fte|co-?ops?|"
    r"vollzeit|teilzeit|festanstellung|tiempo completo|jornada completa|temps plein|cdi|cdd|"
    r"voltijd|deeltijd|w-?2|1099|c2c|salaried|employee|perm)\b",
    re.I,
)
VISA = re.compile(
    r"\b(?=[ghrsv])(?:visas?|h-?1-?b|sponsorship|sponsor(?:s|ing)?|relocation|relocate|"
    r"green ?cards?)\b",
    re.I,
)
# A piece that states the equity the job comes with: "Equity 0.05% – 0.4%", "0.5% equity",
# "ESOP"; not a company, nor "Equity Research Analyst" (a role, read first).
EQUITY = re.compile(
    r"^\W*equity\b(?=\s*(?:[:(–—-]\s*)?[\d~<>.]|\W*$)|\d\s*%\s*(?:equity|stock|options)\b|"
    r"^\W*(?:stock\s+options?|esop)\W*$",
    re.I,
)
URL_ONLY = re.compile(
    r"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?)$",
    re.I,
)
# An e-mail address, maybe spelled out: "matp@acme.example", "kareem [at] acme [dot] com".
# The address starts where its run of letters does: a match tried inside the run would scan
# the rest of it again for each letter ("a@xxxx…" quadratic).
EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*(?:@|[\[(]at[\])])\s*[\w-]+\s*(?:\.|[\[(]dot[\])])\s*\w+", re.I
)
_AT = re.compile(r"@|[\[(]at[\])]", re.I)


def has_email(text: str) -> bool:
    """Whether `text` holds an e-mail address (the cheap tests first: most lines have none;
    every "@", "[at]" or "(at)" holds "@", "]" or ")")."""
    if "@" not in text and "]" not in text and ")" not in text:
        return False
    return bool(_AT.search(text)) and bool(EMAIL.search(text))


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")  # where a sentence ends and one starts
BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")  # an aside in round or square brackets
URL_ANY = re.compile(r"https?://\S+|\b(?:www\.)?[\w-]+\.(?:com|io|ai|co|org|net|dev|app)\b\S*")


def without_links(text: str, blank: str = " ") -> str:
    """`text` with its web addresses blanked out; looked for only where "." or "://" is (in
    every one)."""
    return URL_ANY.sub(blank, text) if "." in text or "://" in text else text


GENERIC_ROLE = re.compile(
    r"^(?:(?:multiple|many|various|several|numerous|all|lots of|open(?!\s+source)|\d+|few|"
    r"some)\b.*|"
    r".*\b(?:roles|positions|openings|opportunities|jobs|vacancies|stellen)\b.*)$",
    re.I,
)

META_START = re.compile(
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

# --- places: the shared gazetteer (pipelines.location) --------------------------------------


def places_in(text: str) -> list[Place]:
    return list(_places_in(text))


@lru_cache(maxsize=16_384)  # header pieces and title tails are read by several cues
def _places_in(text: str) -> tuple[Place, ...]:
    return tuple(find_places(prepare(text)))


def has_place(text: str) -> bool:
    return bool(_places_in(text))


def qualifies_place(name: str, code: str) -> bool:
    """Whether a code qualifies the place before it: "Boston" + "MA", "Berlin" + "DE"."""
    joined = prepare(f"{name}, {code}")
    return any(p.end == len(joined) and p.start < len(prepare(name)) for p in find_places(joined))


def is_place_name(text: str) -> bool:
    """Whether the whole text is one place's name ("Paris", "New York"), not a name that
    merely contains one ("Boston Dynamics")."""
    text = text.strip()
    places = _places_in(text)
    return len(places) == 1 and places[0].start == 0 and places[0].end == len(prepare(text))


# --- segments --------------------------------------------------------------------------------


@dataclass
class Segment:
    text: str
    kinds: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str:
        for k in ("role", "salary", "location", "remote", "employment", "visa", "equity", "url"):
            if k in self.kinds:
                return k
        return "other"


@lru_cache(maxsize=16_384)  # a title is read again in its line, its piece and its role
def is_salary(text: str) -> bool:
    if _DIGIT.search(text) is None:
        return False  # every amount and pay the parser reads has a digit
    has_money = bool(SALARY_SPAN.search(text)) or bool(_HOURLY.search(text))
    if not has_money:
        # What the cheap cues miss ("22 000 – 28 000 zł netto"), the salary parser may read.
        return bool(find_salaries(text))
    return not (_FUNDING.search(text) and not SALARY_WORD.search(text))


_FILLER = re.compile(
    r"\b(?:only|ok|okay|friendly|possible|preferred|welcome|available|first|and|or|"
    r"also|all|fully|days?|week|per|a|an|the|in|at|from|with|within|no|not|yes|"
    r"optional|required|flexible|some|partial|mostly|us-based|based|considered|"
    r"candidates|timezones?|hours?|overlap|office|\d+%?|x)\b",
    re.I,
)
_NOT_WORDS = re.compile(r"[\W_]+")


def strip_cues(text: str) -> str:
    """What is left of a piece once remote/employment/visa words and filler are gone."""
    rest = REMOTE.sub(" ", text)
    rest = EMPLOYMENT.sub(" ", rest)
    rest = VISA.sub(" ", rest)
    rest = _FILLER.sub(" ", rest)
    return _NOT_WORDS.sub(" ", rest).strip()


_TAG_WORDS = re.compile(r"\b(?:summer|fall|spring|winter|then|hire|welcome|ok)\b", re.I)


@lru_cache(maxsize=16_384)  # a piece is asked again as a title's tail, a place and a name
def tag_words_left(text: str) -> bool:
    """Whether anything is left of a header piece once work mode, employment type, visa
    words and places are gone."""
    rest = strip_cues(text)
    for place in reversed(places_in(rest)):
        rest = rest[: place.start] + " " + rest[place.end :]
    return bool(_TAG_WORDS.sub(" ", rest).strip())


# Scopes of remote work beside or inside a place: "Worldwide", "US East Coast", "UK time zone".
_SCOPE_WORDS = re.compile(
    r"\b(?:worldwide|anywhere|global(?:ly)?|international(?:ly)?|(?:east|west)\s+coast|"
    r"(?:eastern|central|pacific|mountain)\s+time|time\s+zones?)\b",
    re.I,
)


def only_tags(text: str) -> bool:
    """Whether a piece is only work mode, remote scope, employment type, visa words and
    places: "Worldwide, REMOTE, full time or part time"."""
    return not tag_words_left(_SCOPE_WORDS.sub(" ", text))


_OPENINGS = re.compile(r"\b(?:roles|positions|openings|opportunities|jobs|vacancies)\W*$", re.I)
# A header piece that names a job but is a requirement ("Japanese N2 required for the analyst
# role only") or the team the hire joins ("Team of 7 engineers in the Bay Area"): no title.
_NOT_A_TITLE = re.compile(
    r"\b(?:required|requires|only|must|please|preferred|fluent)\b|"
    r"^\s*(?:(?:an?|our)\s+)?(?:[\w-]+\s+)?team\s+of\b",
    re.I,
)


# Words of a sentence, in a header piece that runs on into the post ("… I'm an Engineering
# Manager at SH. We've just raised …"); a long list of titles has none.
_SENTENCE = re.compile(r"\b(?:we|we'?ve|we'?re|i'?m|i|our|you|is|are)\b", re.I)


def classify_piece(text: str) -> Segment:
    """The piece with every kind it shows; a fresh Segment, the reading of the text cached."""
    return Segment(text, set(_classified(text).kinds))


# Bounded: header pieces repeat across comments ("Full-time", "REMOTE (US)", "Onsite").
@lru_cache(maxsize=16_384)
def _classified(text: str) -> Segment:
    seg = Segment(text)
    t = text.strip()
    if not t:
        return seg
    if URL_ONLY.match(t):
        seg.kinds.add("url")
        return seg
    if is_salary(t):
        seg.kinds.add("salary")
    if REMOTE.search(t):
        seg.kinds.add("remote")
    if EMPLOYMENT.search(t):
        seg.kinds.add("employment")
    if VISA.search(t):
        seg.kinds.add("visa")
    if EQUITY.search(t):
        seg.kinds.add("equity")
    bare = SALARY_SPAN.sub(" ", t) if "salary" in seg.kinds else t
    if "salary" in seg.kinds and not names_a_job(BRACKETED.sub(" ", bare)):
        bare = ""  # "₹ 30 LPA (Lead) / ₹ 15–25 LPA (Data Scientist)": pay per role, no title
    if _NOT_A_TITLE.search(bare) or len(bare.split()) > 20 and _SENTENCE.search(bare):
        bare = ""  # "Japanese N2 required for the analyst role only"; a paragraph run on
    generic = GENERIC_ROLE.match(bare.strip())
    if names_a_job(bare) and not generic:
        # "Intern" or "Contract" alone is an employment type, not a title, and so are header
        # tags around it: "ONSITE, INTERNS", "INTERN/VISA/SUMMER CONTRACTOR".
        if not ("employment" in seg.kinds and not tag_words_left(bare)):
            seg.kinds.add("role")
    elif generic and (names_a_job(bare) or _OPENINGS.search(bare)):
        seg.kinds.add("generic_role")  # "Multiple Roles", "Engineering and Sales positions"
    # "async Rust, Tokio / React" is a list of tools, though "Tokio" also spells Tokyo.
    titled = seg.kinds & {"role", "generic_role"}
    if not titled and len(extract_skills(t)) < 2 and has_place(without_pay(t)):
        seg.kinds.add("location")
    return seg
