"""Remote policy, remote scope and visa sponsorship from a location/header string or a
description.

Policy words are read with their neighbours so that "remote sensing", "hybrid search", "not
remote" and "on-site interview" are not read as a policy. When a text offers several ways of
working, the most flexible wins (DESIGN.md: `remote` = can be done fully remotely even if an
office is also offered): remote > hybrid > onsite.

Scope is what the remote offer is limited to, read from the words right around "remote":
country codes ("Remote (US)" -> US), explicitly named regions ("Remote - EMEA" -> the regions
EMEA spans), time zones ("UTC-5", "CET", "Europe time zones") and "Worldwide" for "Anywhere",
"Worldwide", "Global". Cities are not scope: "Remote, Berlin" says where the team sits, not
who may apply.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from pipelines.location import find_places, prepare
from pipelines.model import RemotePolicy
from pipelines.text import any_in, lowered, lowered_twin, replace_runs

_F = re.IGNORECASE
_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|ai|co|org|net|dev|app|jobs)\b\S*",
    _F,
)
# Every _URL_RE match lies inside a run of non-space characters (none of its alternatives
# reads a space) and holds one of these (read with its flags, so case alike): only the runs
# that hold one are searched.
_URL_KEY_RE = re.compile(r"@|http|www\.|\.(?:com|io|ai|co|org|net|dev|app|jobs)\b", _F)
_URL_KEY_LOW = lowered_twin(_URL_KEY_RE)

_NOT_POLICY_AFTER = (
    r"sensing|sensed|sensors?|control\w*|monitor\w*|patients?|procedures?|access|servers?|"
    r"repo\w*|desktops?|devices?|operat\w*|debug\w*|execution|storage|machines?|hosts?|apis?|"
    r"cache|branch\w*|code|attestation|diagnos\w*|areas?|villages?|communit\w*|regions?|"
    r"islands?|locations?|sites?|observ\w*|viewing|health\w*|interviews?|shell|login|"
    r"backend|service|services|clinics?|care|learning|education|schooling|assistance|support\s+tools|"
    r"(?:work\s+)?(?:allowances?|stipends?|budgets?|reimbursements?|equipment|set[\s-]?up)"
)
_REMOTE_RE = re.compile(
    r"\b(?:remote(?:ly)?|telecommut\w*|telework\w*|work(?:ing)?[\s-]+from[\s-]+home|wfh|"
    r"work(?:ing)?\s+from\s+(?:anywhere|wherever)|distributed[\s-]first|"
    # a board's location "Distributed", "Distributed; Hybrid", "Distributed - Canada"
    r"distributed(?=\s*(?:[;|]|$|[-–]\s))|"
    # Spanish, Portuguese, French, Polish
    r"remot[oa]|teletrabajo|télétravail|teletravail|zdalni[ea]|zdaln[aey]|praca\s+zdalna)\b"
    rf"(?![\s-]+(?:{_NOT_POLICY_AFTER})\b)",
    _F,
)
# Remote words preceded by these describe someone else's setup ("work with remote teams").
_NOT_POLICY_BEFORE_RE = re.compile(
    r"\b(?:with|across|among|managing|manage|lead|leading|support|supporting|other)\s+"
    r"(?:(?!an?\s)\w+\s+)?$",
    _F,
)
_NO_REMOTE_RE = re.compile(
    r"\b(?:no|not|non|never)[\s-]+(?:an?\s+|open\s+to\s+|fully\s+|100%\s+)?remote\b|"
    r"\bremote\s*(?:work\s*)?(?::\s*no\b|(?:is\s+)?(?:not|n't)\s+(?:an?\s+option|possible|"
    r"available|offered|allowed|considered))|"
    r"\b(?:not|n't)\s+(?:a\s+)?(?:fully\s+)?remote\b|\bremote\s+not\b",
    _F,
)
_PART_REMOTE_RE = re.compile(
    r"\b(?:partial(?:ly)?|part(?:ly|ial)?|semi|hybrid)[\s-]*remote\b|"
    # "Hybrid Office/Remote": a mix of the two, not a choice between them
    r"\bhybrid\s*[(\[]?\s*(?:office|on[\s-]?site)\s*(?:/|&|\+|and)\s*remote\b|"
    r"\bremote\s+\d\s*(?:-\s*\d\s*)?(?:days?|x)\b|"
    r"\b\d\s*(?:-\s*\d\s*)?(?:days?|x)\s*(?:a|per|/|each)?\s*(?:week|wk)?\s*(?:of\s+)?remote\b|"
    r"\bremote\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays)\b|"
    # "WFH fine, but we need to see you regularly": home some days, the office the others
    r"\b(?:remote(?:ly)?|wfh|work(?:ing)?\s+from\s+home)\b[^.;|\n()]{0,20}?\bbut\s+"
    r"(?:we|you)(?:'ll|\s+will)?\s+(?:need|have|must|should)\b[^.;|\n]{0,30}?\b"
    r"(?:see\s+(?:you|each\s+other)|come\s+in|be\s+(?:in(?:\s+the)?\s+office|on[\s-]?site|"
    r"in[\s-]person))\b[^.;|\n]{0,20}?\b(?:regularly|often|frequently|weekly|every\s+week|"
    r"(?:a\s+)?(?:few|couple\s+of|[1-4]|one|two|three|four)\s+(?:days?|times)\s+(?:a|per|each)\s+week)\b|"
    # "2 jours de télétravail par semaine", "2 días de teletrabajo", "2 dni pracy zdalnej"
    r"\b\d\s*(?:-\s*\d\s*)?(?:jours?|d[ií]as?|dni|tage?)\s+(?:de\s+|pracy\s+)?(?:télétravail|"
    r"teletravail|teletrabajo|remoto|home[\s-]?office|zdalnej)\b",
    _F,
)
_HYBRID_RE = re.compile(
    r"\bhybrid\b(?![\s-]+(?:cloud|search|models?|mobile|native|frameworks?|approach\w*|architectures?|systems?|methods?|"
    r"retrieval|vehicles?|apps?|applications?|quantum|algorithms?|recommend\w*|ml|ai|"
    r"learning|rag|networks?|solutions?|infrastructure|environments?|deployments?|"
    r"techniques?|simulations?|modell?ing|workloads?|storage|data|engines?|"
    # a person who mixes skills: "hybrid product designers", "the rare hybrid who …"
    r"product|designers?|engineers?|developers?|who|thinkers?|profiles?|between|of)\b)|"
    # "2 days a week in the downtown SF office"; a range up to 5 ("3-5 days") is some days
    r"\b[0-4]\s*(?:-\s*[0-5]\s*)?(?:days?|x)\s*(?:a|per|/|each)?\s*(?:week|wk)?\s*"
    r"(?:in|at|from|on|on[\s-]?site)[\s-]*(?:(?:the|our)\s+(?:[\w-]+\s+){0,2})?(?:office|hq|"
    r"studio|lab|site|person)\b|"
    r"\b(?:in[\s-]office|on[\s-]?site|in[\s-]person|in\s+(?:the|our)\s+office)[\s(]+"
    r"(?:[0-4]|one|two|three|four)\s*(?:-\s*[0-5]\s*)?(?:days?|x)\b|"
    r"\bflexible\s+(?:office|hybrid)\b|"
    r"\b(?:h[ií]brid[oa]|hybride|hybrydow\w*|hybrydo\w*|hyrbid|hybird)\b|"  # and typos
    r"\b(?:[0-4]|one|two|three|four)\s*(?:-\s*[0-4]\s*)?(?:office|in[\s-]office|on[\s-]?site)\s+days?\b|"
    r"\b(?:one|two|three|four)\s+days?\s+(?:a|per)\s+week\s+(?:in|at)\s+(?:the\s+)?office\b",
    _F,
)
_ONSITE_RE = re.compile(
    r"\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-](?:based|only)|"
    r"presencial|présentiel|sur\s+site|vor\s+ort|stacjonarn\w*|locals?\s+(?:candidates\s+)?only)\b"
    r"(?![\"”’']?[\s-]+(?:interviews?|visits?|events?|gym|cafe|meals?|lunch|parking|childcare|"
    r"perks?|amenities|support|deployments?|installations?|learning|classes|courses|training|"
    r"teaching|tutoring|instruction|shopping|retail|experiences?|"
    # "in person with our customers" describes the work; "Onsite with relocation" is a mode
    r"with\s+(?!relocation|visa|flexib|equity|benefits)"
    r")\b)",
    _F,
)
# "In the office" says where the job is done only when said of the work ("you'll work in our
# office"), or in a header's few words ("NYC, in our office"); "13 engineers in the office"
# and "bread baked daily in the office" describe it.
_IN_OFFICE_RE = re.compile(r"\bin\s+(?:our|the)\s+office\b", _F)
_WORK_IN_OFFICE_RE = re.compile(
    r"\b(?:work(?:s|ing)?|be|based|sit(?:ting)?|(?:come|go)(?:\s+in)?|join\s+(?:us|the\s+team)|"
    r"located|days?|time|full[\s-]time)\s+(?:\w+\s+){0,2}?in(?:to)?\s+(?:our|the)\s+office\b|"
    # "Must be able to work from our Palo Alto office"
    r"\bwork(?:ing)?\s+(?:from|at|out\s+of)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}office\b(?!\s+or\b)",
    _F,
)
# "All positions are full time, SF-based", "All jobs are full-time in Palo Alto": the jobs
# themselves are placed in a city (`_placed_in_city` checks the place that follows).
_JOBS_PLACED_RE = re.compile(
    r"\b(?:positions?|jobs?|roles?|openings?)\s+(?:are|is)\s+(?:all\s+)?"
    r"(?:(?:full|part)[\s-]?time\b[\s,]*(?:and\s+)?)?"
    r"(?P<how>(?:based|located)\s+(?:in|at|out\s+of)\s+|in\s+|)",
    _F,
)
_BASED_AFTER_RE = re.compile(r"[\s-]*based\b", _F)
_HEADER_CHARS = 120
_ONLY_AFTER_RE = re.compile(r"[\s,]*(?:area\s+)?only\b", _F)
# "Office" as a piece of a short location string, as boards set it against "Remote": "Sofia -
# office", "Malaysia - Office", "New York-Office (27th St)".
_OFFICE_PIECE_RE = re.compile(r"(?:^|[-–—|/(,;])\s*office\s*(?:$|[-–—|/()),;])", _F)
_PREFERENCE_CLAUSE_RE = re.compile(r"[^),;|\n.]*")
_PREFERRED_RE = re.compile(r"\bpreferred\b|\bpreferably\b", _F)
_REQUIRED_RE = re.compile(r"\b(?:only|required|must)\b", _F)
# Company-wide boilerplate about how *other* roles may work ("some roles may be an exception:
# if the job description states that the position is fully remote...") says nothing of this
# job: the words of a sentence holding such a marker are not read as a policy.
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:if|unless|when|where)\s+(?:the|a|this|your|an?\s+individual)\s+(?:job|role|position|"
    r"posting|job\s+description|listing|vacancy)\b|"
    r"\b(?:some|certain|a\s+few|other|additional|select(?:ed)?)\s+"
    r"(?:(?:remote|hybrid|on-?site)\s+)?(?:roles|positions|jobs|teams)\b|"
    r"\b(?:on\s+an\s+)?exceptional\s+basis\b|\bcase[\s-]by[\s-]case\b|"
    r"\bdepending\s+on\s+(?:the|your)\s+(?:role|position|team|location|job)\b|"
    r"\bmay\s+be\s+considered\b",
    _F,
)
_HYPOTHETICAL_LOW = lowered_twin(_HYPOTHETICAL_RE)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n|\|")
# Where the clause holding a hypothetical marker starts (a bracket may end it first).
_CLAUSE_START_RE = re.compile(r"[.!?](?=\s|$)|[\n|,;()]")
_HYPOTHETICAL_KEYS = (
    "if", "unless", "when", "where", "roles", "positions", "jobs", "teams", "exceptional",
    "depending", "considered", "case",
)  # fmt: skip
_WORLDWIDE_RE = re.compile(
    # "anywhere in Europe" is Europe; "anywhere (in the world)" is the world
    r"\b(?:anywhere(?!\s+(?:in|within|across|from)\s+(?!the\s+world))|worldwide|world[\s-]wide|global(?:ly)?|international(?:ly)?|"
    r"all\s+countries|any\s+country|any\s+location)\b",
    _F,
)
_STANDALONE_ANYWHERE_RE = re.compile(
    r"^\W*(?:anywhere(?:\s+in\s+the\s+world)?|worldwide|world[\s-]wide|global)\W*$", _F
)

_VISA_NO_RE = re.compile(
    r"\bno\s+(?:h-?1-?b|visa|sponsorship)|"
    r"\b(?:unable|not\s+able|cannot|can\s*not|can't|won't|will\s+not|do\s+not|don't|does\s+not|"
    r"doesn't|are\s+not|aren't|is\s+not|isn't|not\s+currently|not|never)\s+"
    r"(?:currently\s+|able\s+to\s+|be\s+able\s+to\s+|to\s+|in\s+a\s+position\s+to\s+)*"
    r"(?:offer(?:ing)?\s+|provid(?:e|ing)\s+|support(?:ing)?\s+)?(?:visa\s+|h-?1-?b\s+)?"
    r"sponsor\w*|"
    r"\bwithout\s+(?:the\s+need\s+for\s+|requiring\s+)?(?:visa\s+|employer\s+|current\s+or\s+future\s+)?"
    r"sponsorship|"
    r"\bsponsorship\s+(?:is\s+)?(?:not|unavailable)|\bvisa\s+sponsorship\s*:\s*no\b",
    _F,
)
_VISA_YES_RE = re.compile(
    r"\b(?:visa|h-?1-?b|immigration|work\s+permit)\s+(?:sponsorship|support|transfers?|"
    r"assistance|sponsor(?:ed)?)\b|"
    r"\b(?:we|will|can|happy\s+to|able\s+to|do|does|also)\s+(?:\w+\s+)?sponsor\w*\b|"
    r"\bsponsor(?:s|ing)?\s+(?:work\s+|h-?1-?b\s+|your\s+|employment\s+)?(?:visas?|h-?1-?bs?)\b|"
    r"\bsponsorship\s+(?:is\s+)?(?:available|offered|provided|possible)\b|"
    r"\brelocation\s+(?:and|&|\+)\s+visa\b|\bvisa\s+(?:and|&|\+)\s+relocation\b",
    _F,
)
_VISA_WORD_RE = re.compile(r"(?<![\w.])VISAS?(?![\w.])|\bH-?1-?B\b")  # "| VISA |" in HN headers
_AUTHORIZED_RE = re.compile(
    r"\bmust\s+(?:be\s+)?(?:legally\s+)?(?:authori[sz]ed|eligible|entitled|permitted)\s+to\s+work\b|"
    r"\bmust\s+have\s+(?:the\s+)?(?:legal\s+)?(?:right|authori[sz]ation|permission)\s+to\s+work\b|"
    r"\b(?:citizens?|citizenship)\s+(?:only|required)\b|\bonly\s+(?:us\s+)?citizens\b",
    _F,
)

# The patterns above that the readers search in the lowered text, as case-sensitive twins:
# the same matches at the same places (see `lowered_twin`), found faster.
_NO_REMOTE_LOW = lowered_twin(_NO_REMOTE_RE)
_PART_REMOTE_LOW = lowered_twin(_PART_REMOTE_RE)
_HYBRID_LOW = lowered_twin(_HYBRID_RE)
_ONSITE_LOW = lowered_twin(_ONSITE_RE)
_WORK_IN_OFFICE_LOW = lowered_twin(_WORK_IN_OFFICE_RE)
_VISA_NO_LOW = lowered_twin(_VISA_NO_RE)
_VISA_YES_LOW = lowered_twin(_VISA_YES_RE)
_AUTHORIZED_LOW = lowered_twin(_AUTHORIZED_RE)
_JOBS_PLACED_LOW = lowered_twin(_JOBS_PLACED_RE)

_DELIM_RE = re.compile(r"\||;|\n|•|·|\s\bor\b\s|\.\s|!|\bbut\b", _F)
_POLICY_WORD_RE = re.compile(
    r"\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|hybrid|office|hq|headquarter\w*|"
    r"relocat\w*|visa|sponsor\w*|full[\s-]?time|part[\s-]?time|contract|salary)\b",
    _F,
)
_LEFT_FILLER_RE = re.compile(
    r"^(?:[\s\-–/(),&+:]|\band\b|\bbased\b|\bonly\b|\bfully\b|\b100%|\bpreferred\b|\bin\b)*$", _F
)
_TZ_OFFSET_RE = re.compile(r"\b(?:UTC|GMT)\s*([+\-−±])\s*(\d{1,2})(?::?(\d{2}))?", _F)
_TZ_ABBR_RE = re.compile(
    r"\b(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|CET|CEST|EET|EEST|WET|WEST|BST|"
    r"AEST|AEDT|JST|SGT|IST|UTC|GMT)\b"
)
_TZ_NAMED_RE = re.compile(
    r"\b(US|U\.S\.|USA|North\s+American?|Americas?|EU|Europe(?:an)?|CET|APAC|Asia(?:n)?|"
    r"LATAM|Latin\s+American?|Eastern|Pacific|Central|Mountain)\s*[-\s]?\s*"
    r"(?:time[\s-]?zones?|tz|hours|business\s+hours|working\s+hours)\b",
    _F,
)
# "Must overlap with N. America": working hours, not where the job may be done.
_TZ_OVERLAP_RE = re.compile(
    r"\boverlap(?:s|ping)?\s+(?:with\s+|w/\s*)(?:the\s+)?(US|U\.S\.|USA|N(?:orth|\.)?\s*America|"
    r"Americas|EU|Europe|APAC|Asia|LATAM|Latin\s+America)\b",
    _F,
)
# Keywords (lowercase, for `any_in` on `lowered` text) of which each regex above needs one to
# match: a text holding none of them is not searched. Most descriptions never say "visa".
_URL_KEYS = ("http", "www.", "@", ".io", ".ai", ".co", ".org", ".net", ".dev", ".app", ".jobs")
_NO_REMOTE_KEYS = ("remote",)
_PART_REMOTE_KEYS = ("remot", "travail", "teletrabajo", "office", "zdalnej", "wfh", "home")
_REMOTE_KEYS = (
    "remot", "telecommut", "telework", "home", "wfh", "anywhere", "wherever", "distributed",
    "teletrabajo", "travail", "zdaln",
)  # fmt: skip
_HYBRID_KEYS = (
    "brid",
    "hybryd",
    "hyrbid",
    "hybird",
    "office",
    "hq",
    "studio",
    "lab",
    "site",
    "person",
    "flexible",
)
_JOBS_PLACED_KEYS = ("position", "job", "role", "opening")
_ONSITE_KEYS = (
    "site", "office", "person", "premise", "presencial", "sentiel", "vor", "stacjonarn", "local",
    "only",
)  # fmt: skip
_VISA_KEYS = (
    "visa", "sponsor", "h1", "h-1", "immigration", "permit", "must", "citizen",
)  # fmt: skip

# Time-zone labels of the scope that are two letters long like a country code: "PT" is Pacific
# Time (Portugal, ET Ethiopia and MT Malta come only from a named country).
TWO_LETTER_TIME_ZONES = frozenset(("ET", "CT", "MT", "PT"))

_TZ_LABEL = {
    "us": "US time zones",
    "usa": "US time zones",
    "u.s.": "US time zones",
    "north america": "US time zones",
    "north american": "US time zones",
    "america": "Americas time zones",
    "american": "US time zones",
    "americas": "Americas time zones",
    "eu": "Europe time zones",
    "europe": "Europe time zones",
    "european": "Europe time zones",
    "cet": "CET",
    "apac": "APAC time zones",
    "asia": "APAC time zones",
    "asian": "APAC time zones",
    "latam": "LatAm time zones",
    "latin america": "LatAm time zones",
    "latin american": "LatAm time zones",
    "eastern": "ET",
    "pacific": "PT",
    "central": "CT",
    "mountain": "MT",
}


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _blank_hypothetical(text: str, low: str) -> str:
    """`text` with each clause holding a hypothetical marker (see `_HYPOTHETICAL_RE`, found
    in `low`, the `lowered` text) blanked out to the end of its sentence, or of its brackets;
    positions stay where they were. "ONSITE (remote may be considered)" keeps "ONSITE",
    "Onsite, SF + remote for some roles" keeps "Onsite"."""
    parts, last = [], 0
    for m in _HYPOTHETICAL_LOW.finditer(low):
        if m.start() < last:
            continue
        marks = list(_CLAUSE_START_RE.finditer(text, last, m.start()))
        start = marks[-1].end() if marks else last
        end = _SENTENCE_END_RE.search(text, m.end())
        stop = end.start() if end else len(text)
        if marks and marks[-1].group() == "(" and (close := text.find(")", m.end(), stop)) >= 0:
            stop = close
        parts += [text[last:start], " " * (stop - start)]
        last = stop
    return "".join(parts) + text[last:] if parts else text


# Ways of working a company-wide sentence may leave to each role.
_WAY_OF_WORKING_RE = re.compile(r"\b(?:remote(?:ly)?|hybrid|on-?site|in-office|in-person)\b", _F)


def role_dependent(text: str) -> bool:
    """Whether a sentence of `text` leaves the way of working to each role ("Depending on the
    role you may work hybrid or fully remotely", "a few roles allow remote work on an
    exceptional basis"): company boilerplate that says nothing of this job's own policy."""
    if not any_in(_HYPOTHETICAL_KEYS, lowered(text)):
        return False
    return any(
        _HYPOTHETICAL_RE.search(sentence) and _WAY_OF_WORKING_RE.search(sentence)
        for sentence in _SENTENCE_END_RE.split(text)
    )


# Working from home listed among perks of flexibility ("Extreme flexibility when it comes to
# time off, working from home, etc.", "Flexible hours/WFH, unlimited PTO"): the freedom to
# stay home some days, not a remote job. "Remote" itself, said there, still is one.
_HOME_RE = re.compile(r"\bhome\b|\bwfh\b", _F)
_PERK_RE = re.compile(
    r"\bflexib\w*|\btime\s+off\b|\bvacations?\b|\bpto\b|\bholidays?\b|\bperks?\b|\bbenefits?\b", _F
)


def _among_perks(text: str, m: re.Match) -> bool:
    """Whether the remote word `m` is said in a clause of flexibility perks or benefits."""
    starts = [d.end() for d in _DELIM_RE.finditer(text, 0, m.start())]
    end = _DELIM_RE.search(text, m.end())
    clause = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
    return bool(_PERK_RE.search(clause))


def _perk(text: str, m: re.Match) -> bool:
    """Whether the remote word `m` is working from home in a clause of flexibility perks."""
    return bool(_HOME_RE.search(m.group())) and _among_perks(text, m)


def _remote_matches(text: str, blocked: list[tuple[int, int]]) -> list[re.Match]:
    out = []
    for m in _REMOTE_RE.finditer(text):
        if _inside(m.start(), blocked):
            continue
        if _NOT_POLICY_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if _perk(text, m):
            continue
        out.append(m)
    return out


class _Reading(NamedTuple):
    """What `parse_remote` reads first: the text it scans, its policy and remote words."""

    text: str  # without links, acronyms closed up, hypothetical clauses blanked
    low: str  # `text` lowered
    remote: str  # remote / hybrid / onsite / unknown
    matches: list[re.Match]  # the remote words that set the policy
    anywhere: bool  # the whole text says "anywhere" or "worldwide"


def without_links(text: str, low: str | None = None) -> str:
    """`text` with its links and addresses (_URL_RE) blanked, run by run (their keys found in
    `low`, the `lowered` text)."""
    return replace_runs(text, _URL_KEY_LOW, _unlinked, lowered(text) if low is None else low)


def _unlinked(run: str) -> str:
    return _URL_RE.sub(" ", run)


# Bounded: header strings repeat across postings ("Remote (US)", "Onsite, NYC") and a comment
# with several roles hands each of them the same description.
@lru_cache(maxsize=4096)
def _prepared(text: str) -> tuple[str, str]:
    """The words `parse_remote` reads in `text` (without links, acronyms closed up,
    hypothetical clauses blanked), and them lowered."""
    text = text or ""
    if any_in(_URL_KEYS, low := lowered(text)):
        text = without_links(text, low)
    text = prepare(text)
    low = lowered(text)
    if any_in(_HYPOTHETICAL_KEYS, low):
        text = _blank_hypothetical(text, low)
        low = lowered(text)
    return text, low


@lru_cache(maxsize=4096)
def _reading(text: str) -> _Reading:
    text, low = _prepared(text)
    no_remote = _spans(_NO_REMOTE_LOW, low) if any_in(_NO_REMOTE_KEYS, low) else []
    part_remote = _spans(_PART_REMOTE_LOW, low) if any_in(_PART_REMOTE_KEYS, low) else []
    remote = _remote_matches(text, no_remote + part_remote) if any_in(_REMOTE_KEYS, low) else []
    anywhere = bool(_STANDALONE_ANYWHERE_RE.match(text))
    if remote or anywhere:
        policy = "remote"
    elif part_remote or (any_in(_HYBRID_KEYS, low) and _HYBRID_LOW.search(low)):
        policy = "hybrid"
    elif (
        no_remote
        or (any_in(_ONSITE_KEYS, low) and _onsite(text, low))
        or (any_in(_JOBS_PLACED_KEYS, low) and _placed_in_city(text, low))
    ):
        policy = "onsite"
    else:
        policy = "unknown"
    return _Reading(text, low, policy, remote, anywhere)


def remote_mode(text: str) -> str:
    """The policy `parse_remote` reads (remote / hybrid / onsite / unknown), without reading
    the scope and visa words: for a caller that needs only the way of working."""
    return _reading(text).remote


def remote_as_perk(text: str) -> bool:
    """Whether `text` offers remote work only among perks ("excellent benefits, flex hours,
    and the opportunity to work remotely", "Perks: flexible work from home"): below a header
    that says the job is onsite, some days away from the office (hybrid), not a remote job."""
    reading = _reading(text)
    if reading.anywhere or reading.remote not in ("remote", "unknown"):
        return False
    # working from home among perks, which the reading leaves out
    homes = [m for m in _REMOTE_RE.finditer(reading.text) if _perk(reading.text, m)]
    return bool(reading.matches or homes) and all(
        _among_perks(reading.text, m) for m in reading.matches
    )


@lru_cache(maxsize=4096)  # normalize asks it of a description, then parse_remote does
def visa_sponsorship(text: str) -> str:
    """The visa sponsorship `parse_remote` reads (yes / no / unknown), without the policy
    and scope."""
    return _visa(*_prepared(text))


@lru_cache(maxsize=4096)
def parse_remote(text: str) -> RemotePolicy:
    """Remote policy from a location/header string or a description."""
    reading = _reading(text)
    scope = _scope(reading.text, reading.matches) if reading.remote == "remote" else ()
    if reading.anywhere and "Worldwide" not in scope:
        scope = ("Worldwide", *scope)
    return RemotePolicy(reading.remote, scope, visa_sponsorship(text))


def _onsite(text: str, low: str) -> bool:
    if _ONSITE_LOW.search(low):
        return True
    if len(text) <= _HEADER_CHARS:
        return any(
            r.search(text) for r in (_IN_OFFICE_RE, _WORK_IN_OFFICE_RE, _OFFICE_PIECE_RE)
        ) or _city_only(text)
    return bool(_WORK_IN_OFFICE_LOW.search(low))


def _placed_in_city(text: str, low: str) -> bool:
    """Whether a sentence puts the jobs themselves in a city ("All positions are full time,
    SF-based", "The role is located in Austin"): they are done there. A country ("jobs are
    based in Germany") may still be worked from anywhere in it."""
    for m in _JOBS_PLACED_LOW.finditer(low):
        place = next(iter(find_places(text[m.end() : m.end() + 60])), None)
        if place is None or place.start != 0 or not place.city:
            continue
        if m["how"] or _BASED_AFTER_RE.match(text, m.end() + place.end):
            return True
    return False


def _city_only(text: str) -> bool:
    """A city or metro area then "only" in a header ("Bay Area Only", "NYC only"): like "Local
    only", the job is done there. A country then "only" ("US only", "Austin (US only)")
    limits who may apply, or where remote work may be done."""
    if "only" not in lowered(text):
        return False
    return any(
        p.city
        and not re.search(r"[,(]", text[p.start : p.end])
        and _ONLY_AFTER_RE.match(text, p.end)
        for p in find_places(text)
    )


def _visa(text: str, low: str) -> str:
    if not any_in(_VISA_KEYS, low):
        return "unknown"
    if _VISA_NO_LOW.search(low):
        return "no"
    if _VISA_YES_LOW.search(low) or _VISA_WORD_RE.search(text):
        return "yes"
    if _AUTHORIZED_LOW.search(low):
        return "no"
    return "unknown"


def _preferred(text: str, end: int) -> bool:
    """Whether the clause a place ends at `end` in says it is only preferred: "US-based
    preferred", "USA + Canada preferred" (not "US only, ET preferred")."""
    clause = _PREFERENCE_CLAUSE_RE.match(text, end)
    rest = clause.group() if clause else ""
    return bool(_PREFERRED_RE.search(rest)) and not _REQUIRED_RE.search(rest)


def _clause_end(text: str, start: int) -> int:
    """End of the words that qualify a remote mention starting at `start`."""
    rest = text[start:]
    if rest.lstrip().startswith("("):
        close = rest.find(")")
        return start + (close + 1 if close >= 0 else len(rest))
    end = len(rest)
    for regex in (_DELIM_RE, _POLICY_WORD_RE):
        m = regex.search(rest)
        if m:
            end = min(end, m.start())
    return start + min(end, 80)


def _scope(text: str, remote: list[re.Match]) -> tuple[str, ...]:
    places = find_places(text)
    tz_named = [*_TZ_NAMED_RE.finditer(text), *_TZ_OVERLAP_RE.finditer(text)]
    windows: list[tuple[int, int]] = []
    for m in remote:
        end = _clause_end(text, m.end())
        windows.append((m.start(), end))
        # "Remote in the US or Canada": carry on over "or" while only places follow.
        while True:
            nxt = re.match(r"\s+or\s+", text[end:], _F)
            if not nxt:
                break
            seg_start = end + nxt.end()
            seg_end = _clause_end(text, seg_start)
            inner = [p for p in places if seg_start <= p.start < seg_end]
            if not inner or any(p.city for p in inner):
                break
            # The places after "or", and nothing else up to a comma or the clause's end:
            # "the US or Canada, with a week together every quarter".
            last = max(p.end for p in inner)
            leftover = text[seg_start:last]
            for p in sorted(inner, key=lambda p: -p.start):
                leftover = leftover[: p.start - seg_start] + leftover[p.end - seg_start :]
            tail = text[last:seg_end]
            if not _LEFT_FILLER_RE.match(leftover) or not (
                _LEFT_FILLER_RE.match(tail) or re.match(r"\s*,", tail)
            ):
                break
            windows.append((seg_start, last))
            end = last
        # "US Remote", "Canada (Remote)", "EU-based remote".
        left_start = m.start()
        for p in sorted((p for p in places if p.end <= m.start()), key=lambda p: -p.start):
            if p.city or not _LEFT_FILLER_RE.match(text[p.end : left_start]):
                break
            left_start = p.start
        if left_start < m.start():
            windows.append((left_start, m.start()))

    items: list[tuple[int, str]] = []
    tz_spans = []
    for t in tz_named:
        if any(a <= t.start() < b for a, b in windows):
            name = re.sub(r"^n(?:\.\s*|\s+)america", "north america", t.group(1), flags=_F)
            label = _TZ_LABEL.get(re.sub(r"\s+", " ", name).lower(), t.group(1))
            items.append((t.start(), label))
            tz_spans.append(t.span())
    for p in places:
        if p.city or not any(a <= p.start < b for a, b in windows) or _inside(p.start, tz_spans):
            continue
        if _preferred(text, p.end):
            continue  # "Remote (US-based preferred)" is open beyond the US
        for value in (*p.countries, *p.regions):
            items.append((p.start, value))
    for a, b in windows:
        seg = text[a:b]
        for t in _TZ_OFFSET_RE.finditer(seg):
            sign = "-" if t.group(1) in "-−" else "+"
            if t.group(1) == "±":
                sign = "±"
            label = f"UTC{sign}{int(t.group(2))}" + (f":{t.group(3)}" if t.group(3) else "")
            items.append((a + t.start(), label))
        for t in _TZ_ABBR_RE.finditer(seg):
            if _inside(a + t.start(), tz_spans) or _TZ_OFFSET_RE.match(seg, t.start()):
                continue
            items.append((a + t.start(), "UTC+0" if t.group() in ("UTC", "GMT") else t.group()))
        for t in _WORLDWIDE_RE.finditer(seg):
            items.append((a + t.start(), "Worldwide"))
    items.sort(key=lambda x: x[0])
    return tuple(dict.fromkeys(v for _, v in items))
