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
from pipelines.classify.prefilter import Prefilter
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


_ML, _ENG, _AI, _LEAD_WORD = (re.compile(p) for p in (ML, ENG, AI, LEAD_WORD))
# One pass over a title tells which patterns may match it; the others are not run.
_TITLE_PREFILTER = Prefilter(
    [_ML, _ENG, _AI, _LEAD_WORD, OTHER, TECH_NOUN, UI_ENGINEER, BARE_INTERN, MLOPS, APPLIED,
     DATA_SCI, DATA_LEAD, RESEARCH, SECURITY, DL, VISION, ML_WORDS, DATA_ENG, COMPILER, WEB_SW,
     ANALYST, SOFTWARE, EXPERT, DATA_ONLY]
)  # fmt: skip


@lru_cache(maxsize=8192)  # titles repeat across boards ("Senior Software Engineer")
def _role_from_title(t: str) -> str:
    """Role from a folded title; 'other' when nothing fires."""
    if not t:
        return "other"
    may = _TITLE_PREFILTER.possible(t)

    def found(pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.search(t) if pattern in may else None

    ml, eng = found(_ML), found(_ENG)
    ai = found(_AI) if any_in(AI_KEYS, t) else None
    other = found(OTHER)
    tech = found(TECH_NOUN)
    if other and not (tech and tech.start() < other.start()) and not found(UI_ENGINEER):
        return "other"  # "AI Product Manager"; not "Software Engineers, Product Managers"
    if found(BARE_INTERN):
        return "software_engineer"
    if any_in(MLOPS_KEYS, t) and found(MLOPS):
        return "mlops_engineer"
    if found(APPLIED):
        return "applied_scientist"
    if found(DATA_SCI) or found(DATA_LEAD):
        return "data_scientist"
    if found(RESEARCH):
        return "software_engineer" if found(SECURITY) else "research_scientist"
    if found(DL):
        return "deep_learning_engineer"
    if found(VISION) and eng and not found(ML_WORDS):
        return "deep_learning_engineer"
    if found(DATA_ENG):
        return "data_engineer"
    if found(COMPILER) and eng:
        return "software_engineer"  # "Compiler Engineer, ML Accelerators": systems work
    if found(WEB_SW) and eng:
        return "software_engineer"
    if ml:
        return "ml_engineer"
    if ai and (eng or found(_LEAD_WORD)):
        return "ai_engineer"
    if found(ANALYST):
        return "data_analyst"
    if found(SOFTWARE) or (found(EXPERT) and (found(SECURITY) or extract_skills(t))):
        return "software_engineer"
    if found(DATA_ONLY):
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


_ML_TITLE = re.compile(rf"{ML}|{AI}|deep learning|\bmodel\w*\b|inference|\bmlops\b")
_TRAINS_MODELS = re.compile(
    r"\b(?:train(?:ing)?|fine[- ]?tun\w*|build(?:ing)?|deploy(?:ing)?) (?:and \w+ )?"
    r"(?:(?:ml|machine learning|deep learning|neural|predictive|our) )?models?\b|"
    r"\bmodel training\b",
    re.IGNORECASE,
)
_CORE_ML_SKILLS = frozenset(
    {
        "pytorch",
        "tensorflow",
        "jax",
        "keras",
        "scikit-learn",
        "xgboost",
        "lightgbm",
        "hugging-face",
        "deep-learning",
        "mlflow",
        "kubeflow",
        "vllm",
    }
)


def is_ml(role: str, title: str, description: str = "", skills: list[str] | None = None) -> bool:
    """Whether a posting is an ML job.

    True for the ML roles (data_scientist, ml_engineer, research_scientist, applied_scientist,
    deep_learning_engineer, ai_engineer, mlops_engineer) and for data engineers, who build the
    data that ML runs on (the ML hiring market counts them; issue "ML and data roles").
    data_analyst and software_engineer are ML only when the title names ML or AI
    ("Data Engineer, ML", "Backend Engineer - AI Platform"), or, for a generic software title,
    when the description says the job trains models and at least two core ML frameworks are
    among the skills. A backend role at an "AI company" is not an ML role. `other` never is.
    """
    if role in ML_ROLES or role == "data_engineer":
        return True
    if role not in ("software_engineer", "data_analyst"):
        return False
    if _ML_TITLE.search(fold(title)):
        return True
    if role == "software_engineer" and description and _is_generic(fold(title)):
        core = _CORE_ML_SKILLS.intersection(skills or extract_skills(description))
        return len(core) >= 2 and bool(_TRAINS_MODELS.search(description))
    return False
