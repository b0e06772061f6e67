"""A role's own place and work mode in an HN comment: the words beside its title on its line
("Senior Data Scientist (Oslo)", "- ML Engineer, Berlin or remote", "Founding Engineer |
London") or a place heading above its line ("London office:", "*INDIA:"). Roles that state
none keep the comment's shared location and remote words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.classify import classify_seniority
from pipelines.extract.hn.cues import (
    EMPLOYMENT,
    REMOTE,
    classify_piece,
    has_place,
    only_tags,
    places_in,
    without_links,
    without_pay,
)
from pipelines.location import prepare

# Where a line's pieces part: brackets, bars, semicolons, colons, spaced dashes and slashes.
_PIECE_SEP = re.compile(r"[()\[\]|;:]|\s[-–—/•·@+]\s|,\s+(?=(?:or|and)\b)")
# Words a place heading adds to the place: "London office:", "Berlin roles", "US-based team".
_HEADING_WORDS = re.compile(
    r"\b(?:offices?|roles?|positions?|openings?|jobs?|team|hub|hq|locations?|site)\b", re.I
)
_MAX_WORDS = 8
# A heading sentence that places the roles below it: "We also have two roles in Oslo only:".
_ROLES_IN = re.compile(
    r"\b(?:roles?|positions?|openings?|jobs?|vacanc(?:y|ies)|hiring)\b.*\bin\s+(?P<rest>.+)$",
    re.I,
)
_MAX_HEADING = 120
_PLACE_TAIL = re.compile(r"\s*(?:only|too|\w+ly)?[\s.!*_]*", re.I)  # "… in Oslo specifically"
# The scope in brackets after a remote word stays with it: "Remote (North America)".
_REMOTE_SCOPE = re.compile(r"(\bremote\s*)\(([^()]*)\)", re.I)
_OPEN, _CLOSE = "\x00", "\x01"  # its brackets while the line is cut into pieces
_ASCII_LOWER = re.compile(r"[a-z]")
_NOT_ASCII_LETTER = re.compile(r"[^A-Za-z]")


# Scopes of remote work that name no place: "Remote, Worldwide", "anywhere".
def _tag(item: str) -> bool:
    """A level or an employment type on its own: "Entry-level", "Senior", "Full-time"."""
    item = item.strip()
    return len(item.split()) <= 2 and (
        classify_seniority(item) != "unknown" or bool(EMPLOYMENT.fullmatch(item))
    )


def _where(piece: str) -> tuple[str | None, str | None]:
    """The place and the work-mode words of a piece that says only where or how one works
    ("Oslo", "Berlin or remote", "Remote, EU", "3 days in office"), levels and employment
    types aside ("Entry-level, Remote, Worldwide"); (None, None) for anything else
    ("Frontend", "Go", "Builds a team in London")."""
    piece = piece.strip(" ,.*-–—")
    if "," in piece:
        piece = ", ".join(i.strip() for i in piece.split(",") if not _tag(i))
    if not piece or len(piece.split()) > _MAX_WORDS or not only_tags(piece):
        return None, None
    kinds = classify_piece(piece).kinds
    return (
        piece if "location" in kinds else None,
        piece if "remote" in kinds else None,
    )


def _joined(found: list[str]) -> str | None:
    return "; ".join(dict.fromkeys(found)) or None


def own_where(line: str, title: str) -> tuple[str | None, str | None]:
    """The place and the work mode a role line states beside the role's title, each None when
    it states none. Only pieces that say nothing but where or how count: a description that
    names a city says nothing of where the role is."""
    text = without_pay(without_links(line, " | "), " | ")
    at = text.lower().find(title.lower())
    if not title or at < 0:
        return None, None
    rest = f"{text[:at]} | {text[at + len(title) :]}"
    if "(" in rest:
        rest = _REMOTE_SCOPE.sub(lambda m: f"{m.group(1)}{_OPEN}{m.group(2)}{_CLOSE}", rest)
    places: list[str] = []
    modes: list[str] = []
    for piece in _PIECE_SEP.split(rest):
        piece = piece.replace(_OPEN, "(").replace(_CLOSE, ")")
        place, mode = _where(piece)
        if not (place or mode):
            mode = _mode_before_remark(piece)
        places += [place] if place else []
        modes += [mode] if mode else []
    return _joined(places), _joined(modes)


def _mode_before_remark(piece: str) -> str | None:
    """The work mode a piece states first, before a remark after a comma: "Possible REMOTE"
    of "(Possible REMOTE, we just hired a remote team member)"; None when the first words
    say more than the mode."""
    first = piece.split(",", 1)[0]
    return _where(first)[1] if first != piece else None


def place_heading(line: str) -> tuple[str | None, str | None] | None:
    """The place and work mode of a line that heads the roles below it ("London office:",
    "*INDIA:", "REMOTE (EU)"), or None for a line that is no such heading: it must end
    with a colon or be in capitals, and say only where or how."""
    text = line.strip().strip("*_#>").strip()
    colon = text.endswith(":")
    if not colon and _ASCII_LOWER.search(text):
        return None  # the cheap test first: most lines are neither headings nor in capitals
    letters = _NOT_ASCII_LETTER.sub("", text)
    if not (colon or len(letters) >= 2 and letters.isupper()):
        return None
    if text.endswith(":") and (place := _roles_in_place(text.rstrip(":"))):
        return place, None
    text = _HEADING_WORDS.sub(" ", text.rstrip(":").strip("*_ "))
    if not (has_place(text) or REMOTE.search(text)):
        return None
    place, mode = _where(text)
    return (place, mode) if place or mode else None


def _roles_in_place(text: str) -> str | None:
    """The place a short heading sentence puts its roles in, named last ("We also have one
    role in Oslo specifically"), or None."""
    if len(text) > _MAX_HEADING or len(text.split()) > 2 * _MAX_WORDS:
        return None
    m = _ROLES_IN.search(text)
    if m is None:
        return None
    rest = m["rest"]
    found = places_in(rest)
    if not found or found[0].start != 0 or not _PLACE_TAIL.fullmatch(rest[found[-1].end :]):
        return None
    return rest[: found[-1].end]


@lru_cache(maxsize=4096)  # the comment's remote words, asked once per role
def mode_only(remote: str) -> str | None:
    """The comment's remote words without the places they name, for a role that names its
    own place: "REMOTE (USA, LATAM, INDIA)" is "REMOTE" for a role under "INDIA:"; None when
    no work mode is left ("US")."""
    text = prepare(remote)
    for place in reversed(places_in(text)):
        text = text[: place.start] + " " + text[place.end :]
    text = re.sub(r"[(\[]\W*[)\]]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:/|&-–—()")
    return text if REMOTE.search(text) else None
