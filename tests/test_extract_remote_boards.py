"""Extractors of the remote job boards: "remoteok", "remotive" and "weworkremotely"."""

from datetime import UTC, datetime

import pytest

from pipelines.extract.remoteok import extract_remoteok, remoteok_salary
from pipelines.extract.remotive import extract_remotive
from pipelines.extract.weworkremotely import extract_weworkremotely, split_title
from pipelines.model import Salary
from pipelines.normalize import extractor
from tests.builders import remoteok_job, remotive_job, wwr_item

SPAM = (
    "<br/><br/>Please mention the word **LANTERN** and tag RMjAzLjAuMTEzLjc= when applying"
    " (#RMjAzLjAuMTEzLjc=). An anti-spam check."
)


def moji(text: str) -> str:
    """UTF-8 read as Latin-1, as RemoteOK serves some fields."""
    return text.encode("utf-8").decode("latin-1")


def one(extraction):
    assert extraction.skip_reason is None
    [posting] = extraction.postings
    return posting


def test_every_board_is_registered():
    assert extractor("remoteok") is extract_remoteok
    assert extractor("remotive") is extract_remotive
    assert extractor("weworkremotely") is extract_weworkremotely


# --- RemoteOK ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 0, None),
        (150000, 190000, Salary(150000, 190000, "USD", "year", "USD 150000-190000 per year")),
        (95000, 0, Salary(95000, 95000, "USD", "year", "USD 95000 per year")),
        (0, 120000, Salary(120000, 120000, "USD", "year", "USD 120000 per year")),
        (30, 30, Salary(30, 30, "USD", "hour", "USD 30 per hour")),
        (114, 225, Salary(114, 225, "USD", "hour", "USD 114-225 per hour")),
        (2500, 4000, None),  # neither an hourly rate nor a year's pay: dropped
        (60, 90000, None),
        (200000, 150000, Salary(150000, 200000, "USD", "year", "USD 150000-200000 per year")),
        (None, "n/a", None),
    ],
)
def test_remoteok_salary_period_is_told_by_magnitude(low, high, expected):
    assert remoteok_salary(low, high) == expected


def test_remoteok_job_fields():
    record = remoteok_job(
        "101",
        moji("Ingeniero de Visión"),
        company=moji("Zöllner & Co"),
        location=moji("München, Germany"),
        tags=["python", "pytorch", " ", "computer vision"],
        description=moji(
            "<p>Trabajarás con PyTorch.\u00a0</p><p><a href='https://z.example/'>"
            "Team</a></p><script>x()</script>"
        )
        + SPAM,
        salary_min=150000,
        salary_max=190000,
        date="2026-11-01T16:00:00+00:00",
    )
    posting = one(extract_remoteok(record, {"attribution": "Remote OK (https://remoteok.com)"}))
    assert posting.title == "Ingeniero de Visión"
    assert posting.company == "Zöllner & Co"
    assert posting.location_text == "München, Germany"
    assert posting.description == "Trabajarás con PyTorch.\n\nTeam"
    assert posting.tags == ["python", "pytorch", "computer vision"]
    assert posting.structured_salary == Salary(
        150000, 190000, "USD", "year", "USD 150000-190000 per year"
    )
    assert posting.salary_text is None
    assert posting.structured_remote == "remote"
    assert posting.posted_at == datetime(2026, 11, 1, 16, tzinfo=UTC)
    assert posting.url == "https://remoteOK.com/remote-jobs/remote-101"
    assert posting.apply_url == "https://remoteOK.com/remote-jobs/remote-101"
    assert posting.urls == ["https://z.example/"]
    assert posting.countries == []


@pytest.mark.parametrize(
    ("fields", "attr", "expected"),
    [
        ({"location": ""}, "location_text", None),
        ({"company": ""}, "company", None),
        ({"tags": []}, "description", "Join us."),
        ({"date": None, "epoch": 1793577600}, "posted_at", datetime(2026, 11, 2, tzinfo=UTC)),
        ({"date": "not a date", "epoch": None}, "posted_at", None),
        ({"salary_min": 0, "salary_max": 0}, "structured_salary", None),
    ],
)
def test_remoteok_missing_or_placeholder_fields(fields, attr, expected):
    assert (
        getattr(one(extract_remoteok(remoteok_job("7", "Data Engineer", **fields), {})), attr)
        == expected
    )


def test_remoteok_a_job_with_no_position_is_skipped_as_empty():
    record = remoteok_job("8", "", company="", description=SPAM)
    assert extract_remoteok(record, {}).skip_reason == "empty"


# --- Remotive ---------------------------------------------------------------------------------


def test_remotive_job_fields():
    record = remotive_job(
        201,
        "Machine Learning Engineer, Search",
        company_name="Thimble & Oak",
        candidate_required_location="USA, Canada",
        salary="$150k - $185k",
        tags=["python", "AI/ML"],
        publication_date="2026-11-19T09:15:00",
        description='<p>Rank <b>products</b> with <a href="https://t.example/">PyTorch</a>.</p>',
    )
    posting = one(extract_remotive(record, {}))
    assert posting.title == "Machine Learning Engineer, Search"
    assert posting.company == "Thimble & Oak"
    assert posting.location_text == "USA, Canada"
    assert posting.salary_text == "$150k - $185k"
    assert posting.structured_salary is None
    assert posting.structured_remote == "remote"
    assert posting.description == "Rank products with PyTorch."
    assert posting.tags == ["python", "AI/ML"]
    assert posting.posted_at == datetime(2026, 11, 19, 9, 15, tzinfo=UTC)  # naive = UTC
    assert posting.url == "https://remotive.com/remote-jobs/software-dev/job-201"
    assert posting.apply_url is None
    assert posting.urls == ["https://t.example/"]


@pytest.mark.parametrize(
    ("fields", "attr", "expected"),
    [
        ({"salary": ""}, "salary_text", None),
        ({"salary": "  "}, "salary_text", None),
        ({"candidate_required_location": ""}, "location_text", None),
        (
            {"publication_date": "2026-11-19T09:15:00Z"},
            "posted_at",
            datetime(2026, 11, 19, 9, 15, tzinfo=UTC),
        ),
        ({"publication_date": None}, "posted_at", None),
        ({"tags": None}, "description", "Join us."),
    ],
)
def test_remotive_missing_or_blank_fields(fields, attr, expected):
    assert (
        getattr(one(extract_remotive(remotive_job(5, "Analyst", **fields), {})), attr) == expected
    )


def test_remotive_a_job_with_no_title_is_skipped_as_empty():
    assert extract_remotive(remotive_job(6, " "), {}).skip_reason == "empty"


# --- We Work Remotely -------------------------------------------------------------------------


def wwr_record(title="Acme Labs: Senior ML Engineer", **fields):
    record = {
        "title": title,
        "region": "USA Only",
        "category": "Back-End Programming",
        "description": (
            '<img src="https://example.test/logo.gif" />\n\n<p>\n  <strong>Headquarters:</strong>'
            ' Austin, TX\n    <br /><strong>URL:</strong> <a href="https://acme.example">'
            "https://acme.example</a>\n</p>\n\n<div>Train models in PyTorch.</div>"
            "<ul><li>Python</li><li>Spark</li></ul>\n\n<p><strong>To apply:</strong> "
            '<a href="https://weworkremotely.com/remote-jobs/acme-ml">'
            "https://weworkremotely.com/remote-jobs/acme-ml</a></p>\n"
        ),
        "pubDate": "Wed, 18 Nov 2026 15:10:22 +0000",
        "expires_at": "Fri, 18 Dec 2026 15:10:22 +0000",
        "guid": "https://weworkremotely.com/remote-jobs/acme-ml",
        "link": "https://weworkremotely.com/remote-jobs/acme-ml",
    }
    record.update(fields)
    return record


def test_wwr_item_fields():
    posting = one(
        extract_weworkremotely(wwr_record(), {"feed_category": "remote-programming-jobs"})
    )
    assert posting.title == "Senior ML Engineer"
    assert posting.company == "Acme Labs"
    assert posting.location_text == "USA Only"
    assert posting.structured_remote == "remote"
    assert posting.description == "Train models in PyTorch.\n\n- Python\n- Spark"
    assert posting.posted_at == datetime(2026, 11, 18, 15, 10, 22, tzinfo=UTC)
    assert posting.valid_through == datetime(2026, 12, 18, 15, 10, 22, tzinfo=UTC)
    assert posting.url == "https://weworkremotely.com/remote-jobs/acme-ml"
    assert posting.apply_url == "https://weworkremotely.com/remote-jobs/acme-ml"
    assert posting.urls == [
        "https://acme.example",
        "https://weworkremotely.com/remote-jobs/acme-ml",
    ]
    assert posting.structured_salary is None and posting.salary_text is None


def test_wwr_the_newer_format_without_expiry_and_url_line():
    item = wwr_item(
        "beta-ds", "Beta: Científica de Datos", region="Europe Only", body="<p>SQL.</p>"
    )
    from lxml import etree

    from spiders.sources.weworkremotely import item_record

    record = item_record(etree.fromstring(item.encode()))
    posting = one(extract_weworkremotely(record, {}))
    assert (posting.company, posting.title) == ("Beta", "Científica de Datos")
    assert posting.description == "SQL."
    assert posting.valid_through is None
    assert posting.location_text == "Europe Only"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Acme Labs: Senior ML Engineer", ("Acme Labs", "Senior ML Engineer")),
        ("Acme: Role: With Colon", ("Acme", "Role: With Colon")),
        ("No company here", (None, "No company here")),
        (": Role only", (None, ": Role only")),
    ],
)
def test_wwr_title_split(title, expected):
    assert split_title(title) == expected


@pytest.mark.parametrize(
    ("fields", "attr", "expected"),
    [
        ({"region": None}, "location_text", None),
        ({"pubDate": "yesterday"}, "posted_at", None),
        ({"link": None}, "url", "https://weworkremotely.com/remote-jobs/acme-ml"),
        ({"description": None}, "description", ""),
    ],
)
def test_wwr_missing_or_odd_fields(fields, attr, expected):
    assert getattr(one(extract_weworkremotely(wwr_record(**fields), {})), attr) == expected


def test_wwr_an_item_with_no_title_is_skipped_as_empty():
    assert extract_weworkremotely(wwr_record(title=None), {}).skip_reason == "empty"


# --- the place a board job's text states, and board titles ---------------------------------

from pipelines.extract.boards import board_location, board_remote, stated_places  # noqa: E402

STATED = [
    ("All roles can be done remotely (within the US) wherever listed.", ["US"], []),
    ("We are unable to consider applicants who live outside of the US.", ["US"], []),
    ("Location: Mexico\nStatus: Full-time", ["MX"], []),
    ("This role is open to candidates inside Poland.", ["PL"], []),
    ("This is a remote position located in the United States, and will report to Sam.", ["US"], []),
    ("This is a Canada-based, remote contract role.", ["CA"], []),
    ("You must live within commuting distance of our Osaka hub.", ["JP"], []),
    ("We hire in the following countries: Germany, Serbia, and Spain", ["DE", "RS", "ES"], []),
    ("Only candidates local to, and authorized to work in Serbia or Romania", ["RS", "RO"], []),
    # a "Location:" line ends with its sentence; the statement after it counts
    (
        "- Location: We are remote. You can be based anywhere in Canada or Belgium.",
        ["CA", "BE"],
        [],
    ),
    # the company's home, offices and perks are not the job's place
    ("Acme is a company located in Denmark with offices in Oslo.", [], []),
    ("Our offices in Berlin are great.", [], []),
    ("Benefits for employees in the US include dental.", [], []),
    # a company sentence that tells the reader where they may work is the job's place
    (
        "Quillmark is a remote-first company, so you can work from anywhere within Canada or"
        " Mexico.",
        ["CA", "MX"],
        [],
    ),
    ("Proof of eligibility to work in Australia is required.", ["AU"], []),
    # a company "is based in" its offices; the reader who "will be US-based" is the job's place
    ("- Quillmark is based in Lyon and Oslo.", [], []),
    ("We are located in Austin.", [], []),
    ("You may work remotely but will be Canada-based.", ["CA"], []),
    ("You can be US-based or EU-based.", ["US"], ["Western Europe", "Eastern Europe"]),
    ("The tools will be AI-based.", [], []),
    ("The role is based in Oslo.", ["NO"], []),
    # a pay note says whose pay the figures are, not where the job is
    ("Please note this range is specific to employees based in Canada.", [], []),
    ("Salaries for staff located in Ireland may differ.", [], []),
]


@pytest.mark.parametrize(("text", "countries", "regions"), STATED)
def test_stated_places(text, countries, regions):
    found, found_regions, _ = stated_places(text)
    assert (found, found_regions) == (countries, regions)


def test_stated_places_region_and_country():
    countries, regions, _ = stated_places("- Based in the EU or UK\n- Years of GTM work")
    assert countries == ["GB"] and regions


@pytest.mark.parametrize(
    ("location", "text", "expected"),
    [
        # the field names no place: the statement fills it
        (None, "Location: Mexico", "Mexico"),
        ("Remote", "Open to candidates inside Poland.", "Remote (Poland)"),
        # the world is the board's widest choice: the text narrows it
        ("Anywhere in the World", "Open to candidates inside Poland.", "Poland"),
        # an office city is narrower than the job's EU/UK or North America scope, and a
        # country beside a region that holds it is part of the region
        ("London", "- Based in the EU or UK", "Western Europe / Eastern Europe"),
        ("Denver", "Location: North America Remote / Denver", "North America"),
        (
            "Denver",
            "Location: Remote in Europe or the US",
            "Western Europe / Eastern Europe / United States",
        ),
        # the board's region narrowed to a country the text names inside it
        ("Europe Only", "This role is open to candidates inside Poland.", "Poland"),
        (
            "Americas Only",
            "This role can be filled in our Austin headquarters or remotely in the U.S.",
            "United States",
        ),
        # a city inside the region does not narrow it; a place outside it is not the scope
        ("EMEA Only", "We hire candidates in Stockholm, Sweden.", "EMEA Only"),
        ("Europe Only", "Location: Mexico", "Europe Only"),
        # no statement, or one that agrees with the field
        ("Berlin", "Join our team.", "Berlin"),
        ("Toronto", "Location: Canada", "Toronto"),
    ],
)
def test_board_location(location, text, expected):
    assert board_location(location, text) == expected


def test_remoteok_title_and_place_from_text():
    job = remoteok_job(
        "9001",
        "Acme 12345 Senior Data Engineer Brazil",
        location="Remote",
        description="<p>This is a remote role based in Brazil.</p>",
    )
    posting = one(extract_remoteok(job, {}))
    assert posting.title == "Senior Data Engineer"
    assert posting.location_text == "Remote (Brazil)"


@pytest.mark.parametrize(
    ("position", "location", "expected"),
    [
        ("Senior Growth Marketer Indonesia", "", "Indonesia"),  # the place only in the title
        ("Support Engineer (LATAM)", "", "LATAM"),
        ("Support Engineer (LATAM)", "Bogota, Colombia", "Bogota, Colombia"),
        ("Copywriter Freelance 5 10 hrs week", "", None),  # a cut tag that is no place
        ("Staff Data Engineer", "", None),
    ],
)
def test_remoteok_place_cut_from_the_title_is_the_location(position, location, expected):
    job = remoteok_job("9002", position, location=location)
    assert one(extract_remoteok(job, {})).location_text == expected


def test_remotive_and_wwr_titles_cleaned():
    job = remotive_job(7, "Senior Python Developer - Full Remote")
    assert one(extract_remotive(job, {})).title == "Senior Python Developer"
    record = {"title": "Acme: Motion Designer (Central European Time Zone)", "description": ""}
    assert one(extract_weworkremotely(record, {})).title == "Motion Designer"


# --- RemoteOK's USD-a-year fields against the pay the text states ---------------------------

from pipelines.extract.boards import pay_words  # noqa: E402
from pipelines.extract.remoteok import stated_pay  # noqa: E402


@pytest.mark.parametrize(
    ("low", "high", "text", "expected"),
    [
        # the fields hold the text's PLN figures, or its monthly euros over a year
        (
            350700,
            474400,
            "Salary Range: PLN 350,700 - 474,400 + Benefits",
            (350700, 474400, "PLN", "year"),
        ),
        (
            30000,
            50000,
            "What we offer\n- €2,500–3,500/month (contractor)",
            (2500, 3500, "EUR", "month"),
        ),
        # text pay that does not agree with the fields leaves them be
        (
            120000,
            150000,
            "Bonus of €5,000/month in the first year",
            (120000, 150000, "USD", "year"),
        ),
        (120000, 150000, "No pay stated here.", (120000, 150000, "USD", "year")),
    ],
)
def test_remoteok_text_pay_wins_when_figures_agree(low, high, text, expected):
    pay = stated_pay(remoteok_salary(low, high), text)
    assert (pay.min, pay.max, pay.currency, pay.period) == expected


def test_pay_in_board_titles():
    assert pay_words("Senior Product Designer ($90-$150/hr)") == "$90-$150/hr"
    assert pay_words("Chief of Staff (up to $150k per year)") == "up to $150k per year"
    assert pay_words("Account Executive 3 - West") is None
    record = {"title": "Acme: Senior Product Designer ($90-$150/hr)", "description": ""}
    posting = one(extract_weworkremotely(record, {}))
    assert (posting.title, posting.salary_text) == ("Senior Product Designer", "$90-$150/hr")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Job Title: Technician\nWork Location: Onsite (Plant 2 or Plant 5)\nReports To: Lead",
            "onsite",
        ),
        ("Great benefits.\n#LI-Hybrid\nApply now", "hybrid"),
        ("Workplace type: Hybrid (3 days in office)", "hybrid"),
        # the board's rule stands when the text states no arrangement, or a remote one
        ("We hire people (remote or on-site) in these states only.", "remote"),
        ("Work Location: Remote (US)", "remote"),
        ("", "remote"),
        # a careers-site text that leaves the way of working to each role says nothing of
        # this job: the board's rule no longer holds, unless a sentence on the job says remote
        (
            "Perks: gym.\n- Depending on the role you may work hybrid or fully remotely\nApply.",
            "unknown",
        ),
        ("A few roles allow remote work on an exceptional basis. Join us!", "unknown"),
        (
            "Some roles are hybrid or in-office by design. This is a remote, EU-based role.",
            "remote",
        ),
        ("Meet us at Office Hours, for this or other roles!", "remote"),
    ],
)
def test_board_remote(text, expected):
    assert board_remote(text) == expected
