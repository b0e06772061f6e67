"""Table-driven tests for pipelines.remote (all strings invented for these tests)."""

import pytest

from pipelines.model import ExtractedPosting, RemotePolicy
from pipelines.normalize import normalize_posting
from pipelines.remote import parse_remote, remote_mode, role_dependent, visa_sponsorship

WE, EE, MEA, LA = "Western Europe", "Eastern Europe", "Middle East & Africa", "Latin America"
NA = "North America"
EUROPE = (WE, EE)
EMEA = (WE, EE, MEA)
APAC = ("East Asia", "Southeast Asia", "South Asia", "Oceania")
WW = "Worldwide"

# (text, remote, scope)
POLICY_CASES = [
    # remote, with and without an office alternative
    ("Remote", "remote", ()),
    ("REMOTE", "remote", ()),
    ("remote", "remote", ()),
    ("Fully remote team of 12", "remote", ()),
    ("100% remote 🌎", "remote", ()),
    ("NYC or Remote", "remote", ()),
    ("San Francisco, CA or Remote (US)", "remote", ("US",)),
    ("Onsite or remote, your call", "remote", ()),
    ("Remote; onsite also fine", "remote", ()),
    ("ONSITE + REMOTE", "remote", ()),
    ("hybrid or remote (Lisbon)", "remote", ()),
    ("Remote/Hybrid", "remote", ()),
    ("remote-friendly", "remote", ()),
    ("Remote friendly (Berlin office)", "remote", ()),
    ("Remote OK", "remote", ()),
    ("a remote-first startup", "remote", ()),
    ("We are open to remote hires", "remote", ()),
    ("You can work remotely from home", "remote", ()),
    ("Telecommute", "remote", ()),
    ("WFH", "remote", ()),
    ("Berlin (Remote)", "remote", ()),
    # a board's "Distributed" location is its remote; distributed systems are not
    ("Distributed", "remote", ()),
    ("Distributed; Hybrid", "remote", ()),
    ("Distributed - Canada", "remote", ("CA",)),
    ("Staff Engineer - Distributed Systems", "unknown", ()),
    ("You will scale our distributed storage.", "unknown", ()),
    ("Remote, Berlin", "remote", ()),
    # remote with a scope
    ("REMOTE (US)", "remote", ("US",)),
    ("Remote (USA only)", "remote", ("US",)),
    ("Remote - US only", "remote", ("US",)),
    ("US Remote", "remote", ("US",)),
    ("US-remote", "remote", ("US",)),
    ("Remote, US", "remote", ("US",)),
    ("Remote US/Canada", "remote", ("US", "CA")),
    ("Remote (Canada or US)", "remote", ("CA", "US")),
    ("Remote within the US or Canada", "remote", ("US", "CA")),
    ("Remote within the US or Canada, with a team week twice a year", "remote", ("US", "CA")),
    # Spanish, Portuguese, French, Polish, German policy words
    ("Valencia o remoto (España)", "remote", ("ES",)),
    ("Remoto (Brasil)", "remote", ("BR",)),
    ("Gdańsk / zdalnie", "remote", ()),
    ("Nantes ou télétravail (France)", "remote", ("FR",)),
    ("Bordeaux (hybride, 2 jours de télétravail par semaine)", "hybrid", ()),
    ("Híbrido (2 dias no escritório)", "hybrid", ()),
    ("Hybrydowo (3 dni w biurze)", "hybrid", ()),
    ("Graz | Vor Ort", "onsite", ()),
    ("Three office days a week, the rest from home", "hybrid", ()),
    ("two days a week in the office", "hybrid", ()),
    ("Presencial en Bilbao", "onsite", ()),
    ("Hybrid Boston or Remote US or Mexico", "remote", ("US", "MX")),
    ("Canada (Remote)", "remote", ("CA",)),
    ("Germany (remote)", "remote", ("DE",)),
    ("Remote in Germany or Poland", "remote", ("DE", "PL")),
    ("Remote (UK based)", "remote", ("GB",)),
    ("London or Remote (UK)", "remote", ("GB",)),
    ("Remote (DE)", "remote", ("DE",)),
    ("Remote - EMEA", "remote", EMEA),
    ("Remote within Europe", "remote", EUROPE),
    ("REMOTE (from Europe)", "remote", EUROPE),
    ("Remote (EU/EEA)", "remote", EUROPE),
    ("EU-based remote", "remote", EUROPE),
    ("Remote: LATAM", "remote", (LA,)),
    ("Remote - APAC", "remote", APAC),
    ("Remote in North America", "remote", (NA,)),
    ("Remote (DACH)", "remote", ("DE", "AT", "CH")),
    ("Remote (worldwide) 🌐", "remote", (WW,)),
    ("Remote — anywhere 🌍", "remote", (WW,)),
    ("REMOTE (global team)", "remote", (WW,)),
    ("Anywhere", "remote", (WW,)),
    ("Worldwide", "remote", (WW,)),
    ("Global", "remote", (WW,)),
    ("Work from anywhere you like", "remote", (WW,)),
    ("Remote, anywhere in the world", "remote", (WW,)),
    # a place only preferred limits nothing; one required does
    ("REMOTE (UK-based preferred)", "remote", ()),
    ("Remote (Spain + Portugal preferred)", "remote", ()),
    ("Remote (UK only, GMT preferred)", "remote", ("GB", "UTC+0")),
    # "anywhere in" a place is that place, not the world
    ("Office in Leeds, or Remote almost anywhere in the UK", "remote", ("GB",)),
    ("Remote (anywhere in Europe)", "remote", ("Western Europe", "Eastern Europe")),
    # time zones
    ("Remote (EU timezones)", "remote", ("Europe time zones",)),
    ("Remote (European time zone)", "remote", ("Europe time zones",)),
    ("Remote (US time zones)", "remote", ("US time zones",)),
    ("Remote, UTC-5 to UTC+1", "remote", ("UTC-5", "UTC+1")),
    ("Remote (GMT+2 ± 3h)", "remote", ("UTC+2",)),
    ("Remote (UTC+05:30)", "remote", ("UTC+5:30",)),
    ("Remote (overlap with PST)", "remote", ("PST",)),
    ("Remote - ET or CT hours", "remote", ("ET",)),
    ("Remote (Americas time zones)", "remote", ("Americas time zones",)),
    # hybrid
    ("Hybrid", "hybrid", ()),
    ("Hybrid (2 days)", "hybrid", ()),
    ("hybrid in London", "hybrid", ()),
    ("3 days in office", "hybrid", ()),
    ("2 days a week in the office", "hybrid", ()),
    ("4x/week in office", "hybrid", ()),
    ("Onsite 3 days per week", "hybrid", ()),
    ("Onsite/Hybrid", "hybrid", ()),
    ("Dallas, hybrid", "hybrid", ()),
    ("Partially remote", "hybrid", ()),
    ("office or partial remote", "hybrid", ()),
    ("semi-remote", "hybrid", ()),
    ("hybrid remote, 2 days a week in the office", "hybrid", ()),
    ("Remote 2 days a week", "hybrid", ()),
    ("Remote Fridays", "hybrid", ()),
    # working from home, but with regular office days
    ("Offices in Leeds and York (WFH fine, but we need to see you regularly).", "hybrid", ()),
    ("Remote OK, but you will need to come in two days a week.", "hybrid", ()),
    ("Remote is fine, but we need to see you in person once a year.", "remote", ()),
    # onsite
    ("Onsite, NYC", "onsite", ()),
    ("ONSITE", "onsite", ()),
    ("On-site", "onsite", ()),
    ("on site in Paris", "onsite", ()),
    ("in-office", "onsite", ()),
    ("In office, Mountain View", "onsite", ()),
    ("on-site only", "onsite", ()),
    ("In person | Chicago", "onsite", ()),
    ("No remote", "onsite", ()),
    ("not remote", "onsite", ()),
    ("Not a remote role", "onsite", ()),
    ("Remote: no", "onsite", ()),
    ("Remote work is not possible", "onsite", ()),
    ("Onsite - no remote, sorry", "onsite", ()),
    # the jobs themselves placed in a city; a country may be worked from anywhere in it
    ("All positions are full time, Leeds-based.", "onsite", ()),
    ("All jobs are full-time in Leeds, UK (relocation help available).", "onsite", ()),
    ("The role is located in York.", "onsite", ()),
    ("The jobs are based in Germany.", "unknown", ()),
    ("Our roles are in high demand.", "unknown", ()),
    ("Non-remote", "onsite", ()),
    # not a policy
    ("", "unknown", ()),
    ("Hamburg, Germany", "unknown", ()),
    ("Oakland | Full-time | Series A", "unknown", ()),
    ("Remote sensing scientist", "unknown", ()),
    ("Experience with remote sensing data", "unknown", ()),
    ("We build hybrid search and hybrid cloud systems", "unknown", ()),
    ("Experience managing remote teams", "unknown", ()),
    ("Remote patient monitoring startup", "unknown", ()),
    ("Use remote servers and remote control systems", "unknown", ()),
    ("Visit remoteok.com for more", "unknown", ()),
    ("Apply at https://jobs.example.com/remote-jobs", "unknown", ()),
    ("Hybrid models for forecasting", "unknown", ()),
    ("Free lunch and on-site gym", "unknown", ()),
    ("Round of on-site interviews", "unknown", ()),
    ("We are a hybrid mobile team shipping apps", "unknown", ()),
    ("A Work From Home Allowance for your bills", "unknown", ()),
    ("Perks: remote work reimbursement, gym", "unknown", ()),
    # working from home among perks of flexibility: some days at home, not a remote job
    (
        "Why I like it here:\n- Great flexibility around time off, working from home, etc.\n"
        "- A kind team.",
        "unknown",
        (),
    ),
    ("Flexible hours/WFH. Unlimited PTO.", "unknown", ()),
    ("Perks: work from home (we are fully remote!), flexible hours", "remote", ()),
    # office days and mixes read as hybrid
    ("Onsite (2 days/week)", "hybrid", ()),
    ("NYC | Onsite (3 days a week) | Full-time", "hybrid", ()),
    ("Hybrid Office/Remote", "hybrid", ()),
    ("London, in the office 4 days a week", "hybrid", ()),
    ("NYC (4x / wk in office)", "hybrid", ()),
    ("In office four days a week, Austin", "hybrid", ()),
    # company-wide words about other roles say nothing of this one
    (
        "Most of us enjoy a hybrid work model. Some roles may be an exception: if the job "
        "description states that the position is fully remote, that arrangement applies.",
        "hybrid",
        (),
    ),
    ("A few roles allow remote work on an exceptional basis.", "unknown", ()),
    # ...only the clause (or the brackets) that says it: the rest still says how this job works
    ("Leeds, UK | ONSITE (remote may be considered for the right person)", "onsite", ()),
    ("Onsite, Leeds + remote for some roles", "onsite", ()),
    ("Leeds and York (ONSITE mostly, some REMOTE positions)", "onsite", ()),
    ("Acme (Series A, ONSITE: Leeds) is hiring across a few critical roles.", "onsite", ()),
    ("We are fully remote, but some roles require two office days a week.", "remote", ()),
    ("Based in Paris. Remote work within Europe may be considered.", "unknown", ()),
    ("Onsite in Leeds (open to remote case-by-case)", "onsite", ()),
    (
        "Leeds engineering roles (2 days a week in the office). We have additional roles "
        "for sales and support open in York and some Remote (UK) options.",
        "hybrid",
        (),
    ),
    ("The role is based in Spain, with a work from home arrangement.", "remote", ()),
    ("Based in Italy, with a work-from-home arrangement.", "remote", ()),
    # "hybrid" naming a person, and a week of five office days, say no hybrid; a range of
    # office days that starts under five does ("4-5 days": some weeks have a day away)
    ("We are looking for hybrid product designers.", "unknown", ()),
    ("The rare hybrid who can talk to adjusters and write code.", "unknown", ()),
    ("We're hiring in person (5 days/week) in Berlin.", "onsite", ()),
    ("We're hiring in person (4-5 days/week) in Berlin.", "hybrid", ()),
    ("NYC Onsite (4-5 days in-office, lunch provided)", "hybrid", ()),
    ("ONSITE (3-5 days Leeds)", "hybrid", ()),
    ("2 days a week in the downtown Oslo office", "hybrid", ()),
    ("Lyon, FR (hyrbid)", "hybrid", ()),
    ("Full Time - work from wherever", "remote", ()),
    # "in the office" said of the office, not of the work; "in-person" said of a product
    (
        "We are a small team in a quiet town and growing fast. There are nine engineers in "
        "the office today and we hope to be twenty by summer.",
        "unknown",
        (),
    ),
    (
        "Perks: fresh coffee roasted weekly in the office, a yearly trip, and good health "
        "insurance for you and your family members.",
        "unknown",
        (),
    ),
    ("Until apps can replace in-person learning, tutors will matter.", "unknown", ()),
    ('Read what being "in-person" with our customers means to us.', "unknown", ()),
    ("Our database runs in the cloud and on-premises for banks.", "unknown", ()),
    (
        "The team is small and friendly and the product is growing quickly. You will work "
        "with us in the office in Leeds most days.",
        "onsite",
        (),
    ),
    ("Leeds, in our office", "onsite", ()),
    # "Office" as a piece of a board's location, set against "Remote"
    ("Sofia - office", "onsite", ()),
    ("Leeds, UK - Full Time - Local Only", "onsite", ()),
    # a city or metro then "only" is local only; a country then "only" limits who may apply
    ("Engineer (Bay Area Only)", "onsite", ()),
    ("Leeds & York (UK only)", "unknown", ()),
    ("Requirements: working from our Leeds office, and five years of Go.", "onsite", ()),
    ("You can work from our office or from home.", "unknown", ()),
    ("Oslo-Office (Storgata)", "onsite", ()),
    ("Office (Oslo) or Remote", "remote", ()),
    ("The office is in Oslo", "unknown", ()),
    # "with" after an onsite word: the customers met there, or what comes with the mode
    ("You will meet in person with customers each quarter.", "unknown", ()),
    ("Leeds | Full time | Onsite with relocation assistance available", "onsite", ()),
    # hours that must overlap a region's are time zones, not where the job may be done
    ("Remote (working hours must overlap w/ N. America)", "remote", ("US time zones",)),
    ("Remote, hours overlap with Europe", "remote", ("Europe time zones",)),
]


@pytest.mark.parametrize(("text", "remote", "scope"), POLICY_CASES)
def test_parse_remote_policy(text, remote, scope):
    policy = parse_remote(text)
    assert (policy.remote, policy.scope) == (remote, scope)


# (text, visa_sponsorship)
VISA_CASES = [
    ("visa sponsorship available", "yes"),
    ("Visa sponsorship is available for this role", "yes"),
    ("Paris | ONSITE | VISA", "yes"),
    ("VISA sponsorship offered", "yes"),
    ("H1B sponsorship", "yes"),
    ("H-1B transfers welcome", "yes"),
    ("We sponsor visas", "yes"),
    ("we can sponsor your work visa", "yes"),
    ("Happy to sponsor the right person", "yes"),
    ("Relocation and visa support provided", "yes"),
    ("Sponsorship available (H-1B)", "yes"),
    ("no visa sponsorship", "no"),
    ("No sponsorship, sorry", "no"),
    ("NO VISAS", "no"),
    ("Unable to sponsor for now", "no"),
    ("We are unable to sponsor visas at this time", "no"),
    ("We cannot sponsor H1B", "no"),
    ("We can't sponsor any visas", "no"),
    ("Not able to offer visa sponsorship", "no"),
    ("We do not provide visa sponsorship now", "no"),
    ("Sponsorship is not available for this one", "no"),
    ("Must be authorized to work in Germany", "no"),
    ("Candidates must be legally authorized to work in Canada", "no"),
    ("Must have the right to work in the UK", "no"),
    ("US citizens only (clearance)", "no"),
    ("Without visa sponsorship", "no"),
    ("", "unknown"),
    ("Remote (US)", "unknown"),
    ("Visa | Data Scientist | Austin", "unknown"),
    ("We accept Visa and Mastercard", "unknown"),
    ("Sponsored by a research grant", "unknown"),
    ("Full-time, great benefits", "unknown"),
]


@pytest.mark.parametrize(("text", "visa"), VISA_CASES)
def test_parse_remote_visa(text, visa):
    assert parse_remote(text).visa_sponsorship == visa


@pytest.mark.parametrize("text", [t for t, *_ in POLICY_CASES + VISA_CASES])
def test_partial_readers_agree_with_parse_remote(text):
    """The policy alone and the visa alone are what the whole reading gives."""
    policy = parse_remote(text)
    assert remote_mode(text) == policy.remote
    assert visa_sponsorship(text) == policy.visa_sponsorship


@pytest.mark.parametrize(
    ("header", "body", "expected"),
    [
        # an unknown header: the body's policy and its scope
        ("Leeds", "Fully remote within the UK. We sponsor visas.", ("remote", ["GB"], "yes")),
        # a known header keeps its own scope; the body gives only its visa words
        ("Remote (US)", "Remote in Canada too. No visa sponsorship.", ("remote", ["US"], "no")),
        ("Leeds (Onsite)", "Remote work from Spain is fine.", ("onsite", [], "unknown")),
        ("Leeds (Onsite)", "Hybrid: 2 days a week in the office.", ("hybrid", [], "unknown")),
        # remote work among the perks of an onsite job: some days away from the office
        (
            "Leeds (Onsite)",
            "We offer good benefits, flex hours, and the opportunity to work remotely.",
            ("hybrid", [], "unknown"),
        ),
        (
            "Leeds (Onsite)",
            "Perks:\n- Free lunch\n- Flexible work from home",
            ("hybrid", [], "unknown"),
        ),
    ],
)
def test_header_policy_then_body(header, body, expected):
    posting = ExtractedPosting(
        title="Data Engineer", remote_text=header, location_text=header, description=body
    )
    raw = {"source": "test", "source_id": "1", "fetched_at": "2026-11-02T10:00:00+00:00"}
    row = normalize_posting(posting, raw, 0, 1)
    assert (row["remote"], row["remote_scope"], row["visa_sponsorship"]) == expected


def test_header_with_everything():
    text = "Acme | ML Engineer | NYC or Remote (US) | Full-time | VISA | $180k"
    assert parse_remote(text) == RemotePolicy("remote", ("US",), "yes")


def test_description_paragraph():
    text = (
        "We work on remote sensing imagery. This is a hybrid role: 3 days a week in our "
        "Denver office. Unfortunately we cannot sponsor visas."
    )
    assert parse_remote(text) == RemotePolicy("hybrid", (), "no")


def test_body_hybrid_refines_an_onsite_header():
    """ "NYC (Onsite)" in the header, "4 days/week in-person" in the body: hybrid."""
    posting = ExtractedPosting(
        title="Software Engineer",
        remote_text="NYC (Onsite)",
        location_text="NYC (Onsite)",
        description="This role is based in our Manhattan office (4 days/week in-person).",
    )
    raw = {"source": "test", "source_id": "1", "fetched_at": "2026-11-02T10:00:00+00:00"}
    assert normalize_posting(posting, raw, 0, 1)["remote"] == "hybrid"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Depending on the role, you may work hybrid or fully remotely.", True),
        ("If the posting is specified as Onsite, you must work from an office.", True),
        ("Some roles are hybrid by design.", True),
        # a role-dependent sentence that names no way of working, or a plain policy
        ("Depending on the role, travel may be required.", False),
        ("This role is fully remote.", False),
        ("Come to Office Hours for other roles.", False),
    ],
)
def test_role_dependent(text, expected):
    assert role_dependent(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Remote (US) - apply at https://acme.example/jobs or jobs@acme.example",
        "Remote: see www.acme.io/careers.",
        "email hr@acme.dev (remote OK)",
        "Remote, https://localhost:8080/path then Leeds",
        "Remote within the EU. acme.co.uk, HTTP://ACME.IO",
        "Remote\tonly\u00a0(x@y)  a.b.com",
        "Remote. Apply at ACME.IO/careers or acme.job\u017f",  # the long s is an s to re.I
        "Remote-first. We use Node.js and Next.js.",
    ],
)
def test_links_are_dropped_run_by_run(text):
    """Links and addresses are blanked in the runs of non-space characters that may hold
    them: as the whole-text search blanked them."""
    from pipelines.remote import _URL_RE, without_links

    assert without_links(text) == _URL_RE.sub(" ", text)
