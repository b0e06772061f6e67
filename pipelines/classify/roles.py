"""The role of a posting (one of ROLES) from its title, and whether it is an ML job."""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.classify.jobwords import (
    AI,
    AI_KEYS,
    ANALYST,
    APPLIED,
    BARE_INTERN,
    COMPILER,
    DATA_ENG,
    DATA_LEAD,
    DATA_ONLY,
    DATA_SCI,
    DL,
    ENG,
    EXPERT,
    GENERIC_WORDS,
    LEAD_WORD,
    ML,
    ML_WORDS,
    MLOPS,
    MLOPS_KEYS,
    OTHER,
    RESEARCH,
    SECURITY,
    SOFTWARE,
    TECH_NOUN,
    UI_ENGINEER,
    VISION,
    WEB_SW,
)
from pipelines.folding import fold
from pipelines.skills import extract_skills
from pipelines.text import any_in

ROLES: tuple[str, ...] = (
    "data_scientist",
    "ml_engineer",
    "research_scientist",
    "applied_scientist",
    "deep_learning_engineer",
    "ai_engineer",
    "mlops_engineer",
    "data_engineer",
    "data_analyst",
    "software_engineer",
    "other",
)

# The ML roles are the first of ROLES, up to the data engineer.
ML_ROLES = frozenset(ROLES[: ROLES.index("data_engineer")])


@lru_cache(maxsize=8192)  # titles repeat across boards ("Senior Software Engineer")
def _role_from_title(t: str) -> str:
    """Role from a folded title; 'other' when nothing fires."""
    if not t:
        return "other"
    ml, eng = re.search(ML, t), re.search(ENG, t)
    ai = re.search(AI, t) if any_in(AI_KEYS, t) else None
    other = OTHER.search(t)
    tech = TECH_NOUN.search(t)
    if other and not (tech and tech.start() < other.start()) and not UI_ENGINEER.search(t):
        return "other"  # "AI Product Manager"; not "Software Engineers, Product Managers"
    if BARE_INTERN.search(t) and not ml:  # "Intern, ML" names its field
        return "software_engineer"
    web = bool(eng and WEB_SW.search(t))  # "Full Stack Engineer, ML Platform": web work for ML
    if any_in(MLOPS_KEYS, t) and MLOPS.search(t) and not web:
        return "mlops_engineer"
    if APPLIED.search(t):
        return "applied_scientist"
    if DATA_SCI.search(t) or DATA_LEAD.search(t):
        return "data_scientist"
    if RESEARCH.search(t):
        return "software_engineer" if SECURITY.search(t) else "research_scientist"
    if DL.search(t):
        return "deep_learning_engineer"
    if VISION.search(t) and eng and not ML_WORDS.search(t):
        return "deep_learning_engineer"
    if DATA_ENG.search(t):
        return "data_engineer"
    if COMPILER.search(t) and eng:
        return "software_engineer"  # "Compiler Engineer, ML Accelerators": systems work
    if web:
        return "software_engineer"
    if ml:
        return "ml_engineer"
    if ai and (eng or re.search(LEAD_WORD, t)):
        return "ai_engineer"
    if ANALYST.search(t):
        return "data_analyst"
    if SOFTWARE.search(t) or (EXPERT.search(t) and (SECURITY.search(t) or extract_skills(t))):
        return "software_engineer"
    if DATA_ONLY.search(t):
        return "data_analyst"  # "Estágio em Dados", "Data Intern": data work with no narrower word
    return "other"


def _is_generic(t: str) -> bool:
    return all(w in GENERIC_WORDS or w.isdigit() for w in t.split())


_HIRING = re.compile(
    r"\b(?:hiring|looking for|seeking|searching for|join (?:us|our team) as|as an?|"
    r"role of|position of|we need)\s+(?:an?\s+)?((?:[\w/+#&-]+\s+){0,5}?"
    r"(?:engineer|scientist|analyst|developer|researcher)s?)\b",
    re.IGNORECASE,
)


def classify_role(title: str, description: str = "") -> str:
    """One of ROLES, from the title; the description decides only when the title is generic
    ("Software Engineer", "Founding Engineer", "Multiple roles") and names a role outright
    ("we are hiring a Machine Learning Engineer", "as a data scientist you will")."""
    t = fold(title)
    role = _role_from_title(t)
    if description and role in ("software_engineer", "other") and _is_generic(t):
        named = [_role_from_title(fold(m.group(1))) for m in _HIRING.finditer(description[:3000])]
        for found in named:
            if found not in ("software_engineer", "other"):
                return found
        if not t and "software_engineer" in named:
            return "software_engineer"  # no title, "we're looking for engineers"
    return role


def is_ml(role: str) -> bool:
    """Whether a posting with this role is an ML job: the ML roles (data_scientist, ml_engineer,
    research_scientist, applied_scientist, deep_learning_engineer, ai_engineer, mlops_engineer)
    and data engineers, who build the data that ML runs on (the ML hiring market counts them).

    The role alone decides, as the warehouse documents ("ML and data roles"): a backend or
    full-stack engineer on an "AI platform" or at an "AI company" is a software engineer, and
    a title that only names AI ("AI Insights Analyst", "Lead iOS/AI Engineer") does not make
    the job an ML one unless its role is an ML role.
    """
    return role in ML_ROLES or role == "data_engineer"
