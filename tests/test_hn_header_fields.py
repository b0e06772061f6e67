"""Company and places of invented HN comments whose headers name them in less usual ways.

Every comment here was written for this test; none is taken from a real thread.
"""

from __future__ import annotations

import pytest

from pipelines.extract.hn import extract_hn
from pipelines.extract.hn.company import clean_company


def _extract(text: str):
    html = "<p>".join(text.split("\n"))
    return extract_hn({"id": 1, "text": html, "author": "someone"})


# (comment, company, location words)
CASES = [
    # a lone place line over prose
    (
        "Portland, OR\nWe're Quillmark, a small team building tools for bakeries. We're hiring"
        " backend engineers.",
        "Quillmark",
        "Portland, OR",
    ),
    # places one by one, each closed by a full stop
    (
        "Denver. Austin. Boston. Toronto.\nFull-time.\nQuillmark (https://quillmark.example)"
        " builds inventory tools. We're hiring backend engineers.",
        "Quillmark",
        "Denver; Austin; Boston; Toronto",
    ),
    # the name, then its places, then tags
    (
        "Quillmark, Austin, TX. Intern, Visa.\nWe're hiring full stack engineers and designers"
        " who like small teams.",
        "Quillmark",
        "Austin, TX",
    ),
    # a dash, the places and a link running into the prose
    (
        "Quillmark - Austin, TX  https://quillmark.example/jobs We are hiring a data engineer"
        " and a product designer.",
        "Quillmark",
        "Austin, TX",
    ),
    # a link between dashes
    (
        "Quillmark - https://quillmark.example/jobs - Austin, TX - Tools for bakers\n"
        "We're hiring a data engineer.",
        "Quillmark",
        "Austin, TX",
    ),
    # a "Location:" line below a pipe header that names none
    (
        "Quillmark | Data Engineer | Hybrid | Full-time\nLocation: Raleigh, NC (Hybrid).\n"
        "You will build our pipelines.",
        "Quillmark",
        "Raleigh, NC (Hybrid)",
    ),
    # where the people a visa or relocation offer is for come from is no place of the job
    (
        "Quillmark | Data Engineer | Leeds, UK | Onsite | Visa sponsorship for US candidates\n"
        "You will build our pipelines.",
        "Quillmark",
        "Leeds, UK",
    ),
    (
        "Quillmark | Data Engineer | Haifa, Israel (we help with relocation from the EU)\n"
        "You will build our pipelines.",
        "Quillmark",
        "Haifa, Israel",
    ),
    # places only in the prose: where the jobs are, said near the top
    (
        "Quillmark (https://quillmark.example/jobs) is hiring in Leeds and Porto.\n"
        "We need backend engineers for our inventory tools.",
        "Quillmark",
        "Leeds and Porto",
    ),
    (
        "Quillmark | Backend Engineer | Full-time\nWe build tools for bakeries.\n"
        "All jobs are full-time in Raleigh, NC (we help with relocation).",
        "Quillmark",
        "Raleigh, NC",
    ),
    # a long "Location:" line: its first clause
    (
        "Quillmark | Backend Engineer | Full-time\nWe build tools for bakeries.\n"
        "Location: Onsite in Portugal: Porto or Braga --> apply only if you live near one",
        "Quillmark",
        "Onsite in Portugal: Porto or Braga",
    ),
]


@pytest.mark.parametrize(("text", "company", "location"), CASES)
def test_company_and_places(text: str, company: str, location: str) -> None:
    postings = _extract(text).postings
    assert postings
    assert {p.company for p in postings} == {company}
    assert {p.location_text for p in postings} == {location}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # "We are" with a capital W, two lines down
        (
            "Remote (EU)\nData engineers wanted.\nWe are Quillmark, a bakery tools maker.",
            "Quillmark",
        ),  # fmt: skip
        # a name its own link or e-mail spells
        (
            "Tallowfield – Notes for farmers (tallowfield.example)\nWe're hiring a data engineer.",
            "Tallowfield",
        ),  # fmt: skip
        ("Tallow Field - jobs@tallowfield.example\nWe're hiring a data engineer.", "Tallow Field"),
        (
            "Tallowfield.io\nresume -> jobs@tallowfield.io\nWe're hiring data engineers.",
            "Tallowfield",
        ),  # fmt: skip
        # a title at the company, on the second line
        (
            "Austin, TX - Full Time\nJunior Test Engineer at Quillmark Labs (https://ql.example)\n"
            "We test bread machines.",
            "Quillmark Labs",
        ),  # fmt: skip
        (
            "Python developer @Quillmark Labs| Geneva, Switzerland | ONSITE\nWe bake.",
            "Quillmark Labs",
        ),  # fmt: skip
        # a verb the name does
        (
            "Austin | ONSITE | Data Engineer\nQuillmark (https://ql.example) aims to feed us.",
            "Quillmark",
        ),  # fmt: skip
        # a place line, then the name alone on the second line
        (
            "Austin, TX\nQuillmark Robotics\nhttps://ql.example/jobs\nWe're hiring data engineers.",
            "Quillmark Robotics",
        ),  # fmt: skip
        (
            "Austin, TX\nQuillmark - www.quillmark.example\nWe're hiring data engineers.",
            "Quillmark",
        ),  # fmt: skip
        # the name, then its page on a hosted job board, below a line of roles
        (
            "INTERN/CONTRACTOR\nQuillmark - https://quillmark.jobboard.com/open - Austin, TX\n"
            "Come bake with us.",
            "Quillmark",
        ),  # fmt: skip
        # the name's subject carries the body it belongs to, or its own unit
        (
            "Austin, TX\nCentre for Bread and Oven Physics at the University of Quill is a "
            "famous institute. We're filling engineering positions:\n* Oven Engineer",
            "Centre for Bread and Oven Physics",
        ),  # fmt: skip
        (
            "Data roles | Remote (US)\nQuillmark Institute's Office for Bread Analysis is "
            "looking for coders and researchers.",
            "Quillmark Institute",
        ),  # fmt: skip
        # a place line, a role line, then a nickname, the name and its own link
        (
            "Austin, TX ONSITE\nCloud Architect - AWS\n(qm) Quill Mark http://quillmark.net : "
            "Since 1998 we bake bread.",
            "Quill Mark",
        ),  # fmt: skip
        # a label before a link is no name; a job board's shared host names it in its path
        (
            "Austin or remote\nHiring FDEs and engineers\n"
            "Apply here: https://jobs.ashbyhq.com/quillmark\nDemos: https://x.com/quill\n"
            "Quillmark is an oven maker.",
            "Quillmark",
        ),  # fmt: skip
        (
            "Austin or remote\nHiring FDEs and engineers\nDemos: https://x.com/quill\n"
            "We make ovens.",
            None,
        ),  # fmt: skip
        # the company's own careers site, in a sentence
        (
            "I have a new role open on my team: Staff Baker. Read on: "
            "https://jobs.quillmark.com/us/en/job/R-1/Staff-Baker",
            "quillmark",
        ),  # fmt: skip
        # a short post whose own link stands alone on a later line
        (
            "Building a new kind of oven on top of old bread.\nLooking for bakers.\n"
            "Our stack: Rust, React.\nHiring frontend and backend programmers.\n"
            "https://quillmark.cx\nwork@quillmark.cx",
            "quillmark",
        ),  # fmt: skip
        # the name only in the post's signature
        (
            "If you are a baker who loves bread, email jobs@bakes.example\nCheers,\n"
            "The Quillmark team.",
            "Quillmark",
        ),  # fmt: skip
        # a team of the company, its link spelling the company
        (
            "Quillmark Oven Home team - www.quillmark.com/oven - Austin - Full time\n"
            "We have open positions for data engineers.",
            "Quillmark",
        ),  # fmt: skip
        # a name in lower case, known by its legal form
        (
            "Data Engineer and ML Engineer\nWe are quillmark GmbH, an early-stage bakery.",
            "quillmark GmbH",
        ),  # fmt: skip
        ("Data Engineer\nWe are a small GmbH, based in Austin.", None),
        # a verb of growth, on a later line
        (
            "Austin, TX or REMOTE\nSENIOR DATA ENGINEER\nLike pipelines?\n"
            "Quillmark is growing our data team with full-time roles.",
            "Quillmark",
        ),  # fmt: skip
        # no name anywhere
        ("Austin, TX\nWe are hiring engineers who love bread.", None),
    ],
)
def test_company_below_the_header(text: str, company: str | None) -> None:
    assert {p.company for p in _extract(text).postings} == {company}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("7 Harbors Robotics", "7 Harbors Robotics"),  # a digit, not "5 engineers"
        ("Open Pantry Systems", "Open Pantry Systems"),  # "Open", not "open roles"
        ("Quillmark Learning / Tutorly", "Quillmark Learning"),  # the company, then a product
        ("Bread tech start-up Quillmark", "Quillmark"),  # the kind of company, then its name
        ("Quillmark Startup Studio", "Quillmark Startup Studio"),
        ("quillmark.OvenHome", "quillmark"),  # the brand, then its product line
        ("quillmark.Cloud", "quillmark"),
        ('Quillmark --  https://quillmark.example - "Ovens for All"', "Quillmark"),
        ("5 engineers", None),
        ("Open roles", None),
        ("Multiple positions", None),
        ("Worldwide, REMOTE, full time or part time", None),  # header tags, no name
        ("Anywhere (US), Contract", None),
        ("Remote Labs", "Remote Labs"),
    ],
)
def test_clean_company(text: str, company: str | None) -> None:
    assert clean_company(text) == company


def test_tech_list_is_no_place() -> None:
    """A comma tail further on is a stack, not a place: "Tokio" is also Tokyo's name."""
    text = "Quillmark | Remote (anywhere) | Senior Rust Engineer | async Rust, Tokio / React"
    assert [p.location_text for p in _extract(text).postings] == [None]


def test_sentence_before_a_comma_is_no_name() -> None:
    """Only a short name takes the places after its comma, not a sentence's last words."""
    text = (
        "Quillmark is a small bakery tools maker that works out of Brooklyn, NY. We're hiring"
        " a data engineer."
    )
    assert [p.location_text for p in _extract(text).postings] != ["NY"]


def test_a_one_word_name_first_is_the_companys_not_a_place() -> None:
    """A one-word name that is also a town's, first in a header whose other pieces hold no
    name, is the company: the job is where the place piece says."""
    postings = _extract("Lowell | Data Engineer | Leeds | Full Time\nYou will build pipelines.")
    assert {p.location_text for p in postings.postings} == {"Leeds"}


def test_a_town_named_header_piece_that_the_prose_names_as_the_company_is_no_place() -> None:
    """A one-word name that is also a town's, first in a header whose title piece holds the
    rest, is no place of the job once the prose names the company by it."""
    postings = _extract(
        "Danzig|Senior Data Engineer (Go, Spark) 2 days in the office\n"
        "DANZIG provides live order books to independent bakeries."
    ).postings
    assert [p.company for p in postings] == ["DANZIG"]
    assert [p.location_text for p in postings] == [None]


def test_a_remote_jobs_prose_names_no_place_of_the_job() -> None:
    postings = _extract(
        "Quillmark | Backend Engineer | Remote\nWe are fully remote, with offices in Leeds."
    ).postings
    assert {p.location_text for p in postings} == {None}


def test_a_remote_jobs_prose_names_where_it_hires() -> None:
    postings = _extract(
        "Quillmark | Backend Engineer | Remote\nHiring in the UK right now, with offices in Oslo."
    ).postings
    assert {p.location_text for p in postings} == {"UK"}


def test_where_a_pay_range_applies_is_no_place_of_the_job() -> None:
    postings = _extract(
        "Quillmark | Data Engineer | Remote | $150k + equity. Salary range for UK-based; "
        "adjusted for other countries.\nYou will build our pipelines."
    ).postings
    assert {p.location_text for p in postings} == {None}


def test_where_remote_workers_are_only_preferred_is_no_place_of_the_job() -> None:
    postings = _extract(
        "Quillmark | Data Engineer | REMOTE (UK-based preferred) | Full-time\n"
        "You will build our pipelines."
    ).postings
    assert {p.location_text for p in postings} == {None}


@pytest.mark.parametrize(
    "sentence",
    [
        "Candidates must be UK residents at this time.",
        "You must be based in the UK.",
        "Must be authorized to work in the UK and overlap with UK hours.",
    ],
)
def test_where_applicants_must_live_is_the_remote_jobs_place(sentence: str) -> None:
    postings = _extract(
        f"Quillmark | Backend Engineer | Remote | Full time\nWe build tools for bakers. {sentence}"
    ).postings
    assert {p.location_text for p in postings} == {"UK"}


def test_a_dash_header_of_tags_names_no_company() -> None:
    """ "Worldwide, REMOTE, full time -- 100% flexibility. $70-100/hr. Interviewer at Acme":
    the first piece is where and how the job is worked, not its company."""
    extraction = _extract(
        "Worldwide, REMOTE, full time or part time -- 100% flexibility. $70-100/hr. Expert"
        " Interviewer at Quillmark (https://quillmark.example)\nWork from anywhere."
    )
    assert extraction.postings
    companies = {p.company for p in extraction.postings}
    assert "Worldwide, REMOTE, full time or part time" not in companies
