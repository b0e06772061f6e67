"""A lowercase re.IGNORECASE pattern's case-sensitive twin finds on the `lowered` text what
the pattern finds on the text, at the same positions."""

from __future__ import annotations

import re
import string

import pytest

from pipelines import remote
from pipelines.extract.hn.body import _HIRING_VERB
from pipelines.text import lowered, lowered_twin

# Characters a regex with re.IGNORECASE reads as an ASCII letter although str.lower() does not
# give that letter, others whose case maps are odd, spaces and word characters beyond ASCII.
_ODD = "İıſKkÅÅåßẞΣσςµμǅǄǆﬁＡａⅠⅰⒶⓐ\u00a0\u2009\u3000_9٣éÉíÍñÑÿŸłŁ\u0301–’"
# Letters a twin's pattern may write: ASCII and Latin lowercase ones.
_LETTERS = string.ascii_lowercase + "éíñßÿåł"


@pytest.mark.parametrize("char", list(_ODD + string.ascii_letters + string.punctuation))
def test_lowered_keeps_what_an_ignorecase_letter_reads(char: str) -> None:
    low = lowered(char)
    assert len(low) == 1
    assert (char.isalnum() or char == "_") == (low.isalnum() or low == "_")
    assert char.isspace() == low.isspace()
    for letter in _LETTERS:
        assert bool(re.fullmatch(letter, char, re.I)) == (low == letter), letter


_TEXTS = [
    "Some ROLES may be remote. If the JOB is onſite, case-by-case; depending on your team.",
    "Mail jobs@acme.io or see HTTPS://ACME.COM/careers, www.Acme.jobs and x.COMpany",
    "İf the role allows it, remote MAY BE CONSIDERED. Other Teams: hybrid. Additional\u00a0roles",
    "on an exceptional basis; certain hybrid positions; Selected on-site jobs",
    "We're HIRING: Data Engineers, U.S.-based; also LOOKING FOR a Node.js dev. Need SREs!",
    "Acme is Seeking Senior Engineers as well as designers; we want to hire 2 PMs\nRoles are: X",
    "We are adding two ML engineers, bringing on a few designers. Hiring managers: no.",
    "We CAN'T sponsor H-1B visas; Visa Sponsorship: NO. Must be legally AUTHORIZED to work",
    "We sponsor visas, offer relocation & visa support. Citizens only? No: sponsorship available",
    "Not Remote. REMOTE: no. Work from our Palo Alto office, or be based in the office 3 days",
    "2 JOURS DE TÉLÉTRAVAIL; Híbrido, HÍBRIDA; PRÉSENTIEL; Hybrid Office/Remote; semi-remote",
    "On-site interviews; ONSITE with relocation; in-person “on-site” days; remote 2 days",
    "",
]


_TWINNED = [
    remote._HYPOTHETICAL_RE,
    remote._URL_KEY_RE,
    remote._NO_REMOTE_RE,
    remote._PART_REMOTE_RE,
    remote._HYBRID_RE,
    remote._ONSITE_RE,
    remote._WORK_IN_OFFICE_RE,
    remote._VISA_NO_RE,
    remote._VISA_YES_RE,
    remote._AUTHORIZED_RE,
    _HIRING_VERB,
]


@pytest.mark.parametrize("pattern", _TWINNED)
@pytest.mark.parametrize("text", _TEXTS)
def test_the_twin_finds_what_the_pattern_finds(pattern: re.Pattern[str], text: str) -> None:
    twin = lowered_twin(pattern)
    assert [m.regs for m in twin.finditer(lowered(text))] == [
        m.regs for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("written", [r"[A-Z]\w+", r"(?i:x)y", "CAF\u00c9", "\u0131", "\u00b5s"])
def test_a_pattern_not_in_lower_case_has_no_twin(written: str) -> None:
    with pytest.raises(ValueError):
        lowered_twin(re.compile(written, re.I))
