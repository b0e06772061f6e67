"""Roles an HN comment names only in running prose (issue 11): invented comments shaped like
the real ones."""

from __future__ import annotations

import pytest

from pipelines.extract.hn import extract_hn
from tests.test_extract_hn import comment

CASES = [
    (
        "the kinds of a bare job noun named later in the prose take its place",
        "Leeds – Brambleway (brambleway.example)<p>We're a 12-person travel startup in central "
        "Leeds looking to grow our engineering team.<p>We sell rail trips.<p>We're looking for "
        "engineers with strong Ruby skills and some SQL. We're looking for both mobile and "
        "platform focused (Ruby) engineers.<p>Email jobs@brambleway.example",
        ["mobile engineers", "platform focused engineers"],
    ),
    (
        "a clause in brackets after a role named in prose is no part of its title",
        "Brindle - Oslo<p>Brindle makes calendars.<p>Brindle is currently seeking Senior "
        "Engineers as well as Senior Designers (for both web and mobile).",
        ["Senior Engineers", "Senior Designers"],
    ),
    (
        "a second hiring verb in the clause after the first role names another role",
        "Tallow Bank - Leeds<p>Looking for a few devops to keep the servers up, looking for a "
        "few developers to write the app. Email jobs@tallow.example",
        ["devops", "developers"],
    ),
    (
        "a later hiring verb in the same clause only restates the role",
        "Tallow Bank - Leeds<p>We are looking for engineers who could run it all = looking "
        "for a Generalist to help us.",
        ["engineers"],
    ),
    (
        "roles named before the openings they are",
        "Quire, Dundee and REMOTE<p>Quire does invoices.<p>We currently have product "
        "designer and data analyst vacancies available. Our teams are small.",
        ["product designer", "data analyst"],
    ),
    (
        "a dot inside a word does not end the sentence that names the role",
        "Kelso Freight - Full-time; ONSITE<p>We ship pallets.<p>We are currently looking for "
        ".NET developers with 5 years of experience.",
        [".NET developers"],
    ),
    (
        "where and how the job is done, before the role, are not its title",
        "Kettle Games is looking for a U.S.-based, fully remote Software Engineer (3+ yrs "
        "experience) to help ship web games.<p>Apply on our site.",
        ["Software Engineer"],
    ),
    (
        "praise joined by a slash before the role, and a passionate one, are not its title",
        "Yarrow | Chicago / Remote | Full-Time<p>Building a runtime. Looking for extremely "
        "talented / passionate Rust developers with a deep interest in Linux.<p>"
        "We are also looking for a passionate web developer in Leipzig.",
        ["Rust developers", "web developer"],
    ),
    (
        "a typographic apostrophe reads as a plain one",
        "Tumbril | Oakland, CA | Full-time onsite only<p>We build carts.<p>"
        "We’re hiring for - Elm Engineer (Elm) - Frontend Engineer (Javascript) - Head of "
        "Sales",
        ["Elm Engineer", "Frontend Engineer", "Head of Sales"],
    ),
    (
        "a bullet whose first sentence is a title, then what the job does",
        "Quarkly | Paris / Remote (EU) | Multiple roles<p>We host datasets.<p>We're hiring:<p>"
        "* Quantum Computing Expert. Design challenges and curate datasets.<p>"
        "* Head of Marketing. Positioning, demand gen, and brand.<p>"
        "* Really need another engineer. Email us.",
        ["Quantum Computing Expert", "Head of Marketing"],
    ),
    (
        "a dashed list after the colon of a hiring phrase that ends on roles",
        "Pinnate | Remote (US)<p>We make maps.<p>We are hiring for the following roles: - Data "
        "Analyst II - Staff Data Scientist - Lead Product Manager",
        ["Data Analyst II", "Staff Data Scientist", "Lead Product Manager"],
    ),
    (
        "no list after the colon when the hiring phrase named the job",
        "Pinnate | Hong Kong ONSITE<p>We're looking for engineers in 3 positions: a) Devs "
        "b) Ops c) Security",
        ["engineers"],
    ),
    (
        "paragraphs whose subject is a specialty's job describe the roles of a post",
        "Pellucid - Reno<p>Pellucid sells dashboards.<p>Two kinds of engineering work here."
        "<p>Platform engineers build our ingestion, in Go.<p>Frontend developers are the "
        "people behind the charts.<p>Write to ada@pellucid.example",
        ["Platform engineers", "Frontend developers"],
    ),
    (
        "a paragraph about the team's engineers names no role",
        "Pellucid - Reno<p>Pellucid sells dashboards.<p>Our engineers are given real "
        "ownership.<p>Pellucid engineers work across the stack.<p>Write to ada@pellucid.example",
        [""],
    ),
]


@pytest.mark.parametrize("html,titles", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_prose_roles(html: str, titles: list[str]) -> None:
    assert [p.title for p in extract_hn(comment(html)).postings] == titles
