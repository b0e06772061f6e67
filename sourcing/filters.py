"""The checks the commands run on what a user asks for (a role, a region, skills, a country),
so a typo gets one clear line naming what is allowed instead of an empty result."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warehouse.export import LeadFilters


class InvalidFilter(ValueError):
    """A value the user gave that is not allowed; `option` names the option it came from."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


class Conflict(ValueError):
    """Options that do not go together (`--min-match` without `--skills`…)."""


def valid_role(value: str | None, option: str = "--role") -> str | None:
    from pipelines.classify import ROLES

    if value and value not in ROLES:
        raise InvalidFilter(option, f"{value!r}; one of {', '.join(ROLES)}")
    return value


def valid_region(
    value: str | None, option: str = "--region", extra: Iterable[str] = ()
) -> str | None:
    from pipelines.location import REGIONS

    allowed = (*REGIONS, *extra)
    if value and value not in allowed:
        raise InvalidFilter(option, f"{value!r}; one of {', '.join(allowed)}")
    return value


def country_code(value: str | None, option: str = "--country") -> str | None:
    if value and not (len(value) == 2 and value.isalpha()):
        raise InvalidFilter(option, "a two-letter ISO country code, e.g. DE")
    return value.upper() if value else None


def skill_names(values: Iterable[str], option: str = "--skills") -> list[str]:
    """Each skill's canonical taxonomy name ("PyTorch" → pytorch, "k8s" → kubernetes)."""
    from pipelines.skills import canonical_skill

    found = []
    for raw in values:
        skill = canonical_skill(raw)
        if skill is None:
            raise InvalidFilter(option, f"{raw!r} is not in the skills taxonomy")
        found.append(skill)
    return found


def comma_list(value: str | None) -> list[str]:
    """ "a, b,,c" → ["a", "b", "c"]."""
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def leads(
    *,
    kind: str,
    skills: str | None,
    role: str | None,
    region: str | None,
    country: str | None,
    remote: bool,
    since: datetime | None,
    min_match: float | None,
    limit: int | None,
    all_companies: bool,
    overlap: str | None,
    profile: str,
) -> LeadFilters:
    """`sourcing export leads`' options, checked, as the export's filters."""
    from pipelines.timezones import parse_overlap
    from warehouse.export import LeadFilters

    wanted = skill_names(comma_list(skills))
    valid_role(role)
    valid_region(region)
    code = country_code(country)
    if min_match is not None and not wanted:
        raise Conflict("--min-match needs --skills")
    try:
        wanted_overlap = parse_overlap(overlap) if overlap else None
    except ValueError as exc:
        raise InvalidFilter("--overlap", str(exc)) from exc
    if profile != "full" and kind != "candidates":
        raise Conflict(f"--profile {profile} lists people: use it with --kind candidates")
    if all_companies and kind != "companies":
        raise Conflict("--all-companies applies to --kind companies only")
    return LeadFilters(
        skills=wanted,
        role=role,
        region=region,
        country=code,
        remote=remote,
        since=since.date() if since else None,
        min_match=min_match,
        limit=limit,
        all_companies=all_companies,
        overlap=wanted_overlap,
    )
