"""The checks the commands run on what a user asks for (a role, a region, skills, a country),
so a typo gets one clear line naming what is allowed instead of an empty result."""

from __future__ import annotations

from collections.abc import Iterable


class InvalidFilter(ValueError):
    """A value the user gave that is not allowed; `option` names the option it came from."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def role(value: str | None, option: str = "--role") -> str | None:
    from pipelines.classify import ROLES

    if value and value not in ROLES:
        raise InvalidFilter(option, f"{value!r}; one of {', '.join(ROLES)}")
    return value


def region(value: str | None, option: str = "--region", extra: Iterable[str] = ()) -> str | None:
    from pipelines.location import REGIONS

    allowed = (*REGIONS, *extra)
    if value and value not in allowed:
        raise InvalidFilter(option, f"{value!r}; one of {', '.join(allowed)}")
    return value


def country(value: str | None, option: str = "--country") -> str | None:
    if value and not (len(value) == 2 and value.isalpha()):
        raise InvalidFilter(option, "a two-letter ISO country code, e.g. DE")
    return value.upper() if value else None


def skills(values: Iterable[str], option: str = "--skills") -> list[str]:
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
