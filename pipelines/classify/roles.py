"""The role of a posting (one of ROLES) from its title, and whether it is an ML job."""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.classify.jobwords import (
    AI,
    AI_ENGINEER,
    AI_KEYS,
    AI_PRODUCT_KEYS,
    AI_PRODUCTS,
    ANALYST,
    APPLIED,
    BARE_INTERN,
    COMPILER,
    DATA_ENG,
    DATA_JOB,
    DATA_LEAD,
    DATA_ONLY,
    DATA_SCI,
    DL,
    ENG,
    EXPERT,
    GENERIC_WORDS,
    HARDWARE_FIELD,
    LEAD_WORD,
    ML,
    ML_WORDS,
    MLOPS,
    MLOPS_KEYS,
    NOT_DATA_WORK,
    OTHER,
    RESEARCH,
    SECURITY,
    SOFTWARE,
    SOFTWARE_WORK,
    TECH_NOUN,
    UI_ENGINEER,
    VISION,
    WEB_SW,
    names_a_job,
    respell_job_nouns,
    wordset,
)
from pipelines.classify.prefilter import Prefilter
from pipelines.folding import fold
from pipelines.skills import extract_skills, skill_category
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
     ANALYST, SOFTWARE, EXPERT, DATA_ONLY, NOT_DATA_WORK, AI_ENGINEER, HARDWARE_FIELD,
     SOFTWARE_WORK]
)  # fmt: skip


@lru_cache(maxsize=8192)  # titles repeat across boards ("Senior Software Engineer")
def _role_from_title(t: str) -> str:
    """Role from a folded title; 'other' when nothing fires."""
    t = _without_ai_products(t)
    if not t.strip():
        return "other"
    found = _TITLE_PREFILTER.searcher(t)
    ml, eng = found(_ML), found(_ENG)
    ai = found(_AI) if any_in(AI_KEYS, t) else None
    other = found(OTHER)
    tech = found(TECH_NOUN) if other else None
    if other and not (tech and tech.start() < other.start()) and not found(UI_ENGINEER):
        return "other"  # "AI Product Manager"; not "Software Engineers, Product Managers"
    if found(BARE_INTERN) and not ml:  # "Intern, ML" names its field
        return "software_engineer"
    web = bool(eng and found(WEB_SW))  # "Full Stack Engineer, ML Platform": web work for ML
    if any_in(MLOPS_KEYS, t) and found(MLOPS) and not web:
        return "mlops_engineer"
    if found(APPLIED):
        return "applied_scientist"
    if found(DATA_SCI) or found(DATA_LEAD):
        return "data_scientist"
    research = found(RESEARCH)
    if research and found(SECURITY):  # "Vulnerability Researcher": no research science
        return "software_engineer" if eng else "other"
    if research and not ml and "tool" in t and _RESEARCH_TOOLS.search(t):
        return "software_engineer"  # "Research Tooling": building the researchers' tools
    if research:
        return "research_scientist"
    if found(DL):
        return "deep_learning_engineer"
    if found(VISION) and (eng or not names_a_job(t)) and not found(ML_WORDS):
        return "deep_learning_engineer"
    if found(DATA_ENG):
        return "data_engineer"
    if found(COMPILER) and eng:
        return "software_engineer"  # "Compiler Engineer, ML Accelerators": systems work
    if web:
        return "software_engineer"
    if ai and found(AI_ENGINEER) and not found(ML_WORDS):
        return "ai_engineer"  # "AI Engineer (Natural Language Systems)": the noun decides
    if ml:
        return "ml_engineer"
    if ai and (eng or (found(_LEAD_WORD) and not found(ANALYST))):
        return "ai_engineer"  # not "Lead Operations Analyst, AI Workflows"
    if found(ANALYST):
        return "data_analyst"
    if found(HARDWARE_FIELD) and not found(SOFTWARE_WORK) and not extract_skills(t):
        return "other"  # "Propulsion Engineer II", "Engineer, Mechanical"
    if found(SOFTWARE) or (found(EXPERT) and (found(SECURITY) or extract_skills(t))):
        return "software_engineer"
    if t.strip() == "data":
        return "data_engineer"  # a team in a list of engineering ones ("backend, iOS, data")
    if found(DATA_ONLY) and not found(NOT_DATA_WORK) and not names_a_job(DATA_JOB.sub(" ", t)):
        return "data_analyst"  # "Estágio em Dados", "Data Lead": data work with no narrower word
    return "other"  # "Data Manager", "Data Center Technician": a job of its own


_RESEARCH_TOOLS = re.compile(r"\bresearch (?:tooling|tools)\b")


def _without_ai_products(t: str) -> str:
    """A folded title without the vendors' products named with an AI word (AI_PRODUCTS)."""
    return AI_PRODUCTS.sub(" ", t) if any_in(AI_PRODUCT_KEYS, t) else t


def _is_generic(t: str) -> bool:
    return all(w in GENERIC_WORDS or w.isdigit() for w in t.split())


_HIRING = re.compile(
    r"(?=[hlsabjrpwi])"  # the first letters of its words: the other positions fail at once
    r"\b(?:hiring|looking for|seeking|searching for|adding|bring(?:ing)? on|"
    r"join (?:us|our team) as|as an?|role of|position of|we need|if you(?:'re| are))\s+"
    r"(?:an?\s+)?((?:[\w/+#&-]+\s+){0,5}?"
    r"(?:engineer|scientist|analyst|developer|researcher|programmer|hacker)s?)\b",
    re.IGNORECASE,
)


# Three or more specialties in parentheses: "Software Engineers (SRE, data, backend, mobile)".
_SPECIALTY_LIST = re.compile(r"\(([^()]*,[^()]*,[^()]*)\)")
_LIST_ITEM = re.compile(r"[,/;]|\band\b")


def _without_mixed_specialties(title: str) -> str:
    """The title without a list of specialties in parentheses that holds software work: the
    job is the head's ("Software Engineers (SRE, data platform, mobile)" is a software
    engineer's); a list of ML fields ("Engineers (ML, NLP, CV)") names the role."""
    m = _SPECIALTY_LIST.search(title)
    items = _LIST_ITEM.split(m.group(1)) if m else ()
    if any(_role_from_title(fold(item)) == "software_engineer" for item in items):
        return f"{title[: m.start()]} {title[m.end() :]}"
    return title


# Two words sharing one job noun: "data/backend engineer" names a data engineer and a backend
# engineer, each read whole ("RF/Microwave Engineer" is an RF engineer's job).
_SHARED_NOUN = re.compile(
    r"(?<![\w/])(\w+)/(\w+) ((?:engineer|developer|scientist|analyst|architect|designer)s?)\b"
)


@lru_cache(maxsize=32_768)  # titles repeat across a board's jobs and across boards
def _title_role(title: str) -> tuple[str, str]:
    """(the title folded as the role rules read it, the role it names)."""
    t = respell_job_nouns(fold(_without_mixed_specialties(title)))
    if "/" in t:  # every shared noun is written with a slash: most titles skip the search
        t = _SHARED_NOUN.sub(r"\1 \3 \2 \3", t)
    return t, _role_from_title(t)


def classify_role(title: str, description: str = "") -> str:
    """One of ROLES, from the title; the description (the role's own words) decides only when
    the title is generic ("Software Engineer", "Founding Engineer", "Multiple roles") and
    names a role outright ("we are hiring a Machine Learning Engineer", "as a data scientist
    you will"), when there is no title and the post names the languages it codes in, when a
    software title is listed under a heading that names an ML or AI field, and when a title
    whose only field is data ("Data Lead") is about building data pipelines."""
    t, role = _title_role(title)
    if description and role == "software_engineer":
        role = _role_under_heading(title, description) or role
    if description and role == "data_analyst" and not ANALYST.search(t):
        # "Data Lead" over "ingestion, processing, warehousing": a data engineer
        role = "data_engineer" if _DATA_PLUMBING.search(description[:3000]) else role
    if description and role == "data_analyst" and _ML_METHODS.search(description[:5000]):
        role = "data_scientist"  # "Scientific Analyst": "supervised and unsupervised learning"
    if description and role in ("software_engineer", "other") and _is_generic(t):
        named = [_role_from_title(fold(m.group(1))) for m in _HIRING.finditer(description[:3000])]
        for found in named:
            if found not in ("software_engineer", "other"):
                return found
        if not t and ("software_engineer" in named or _asks_for_code(description)):
            return "software_engineer"  # no title: "we're looking for engineers", "Go, React"
        if role == "software_engineer" and _builds_ai(description):
            return "ai_engineer"  # "Founding Engineer": "agents, RAG pipelines and evals"
        if role == "software_engineer" and _MODEL_WORK.search(description[:3000]):
            return "ml_engineer"  # "Member of Technical Staff": "you will test AI models"
    return role


# The job's own duties on machine-learning models, said to the reader: "You will develop
# benchmarks to test AI models", "you'll fine-tune language models". A generic title that
# does this work is an ML engineer's; "we train models" alone tells the company's work.
_MODEL_WORK = re.compile(
    r"\byou(?:'ll|\s+will)\s+(?:[\w-]+\s+){0,6}?(?:train|fine[\s-]?tun|evaluat|benchmark|test)"
    r"\w*\s+(?:(?:and|or|our|the|new|large|[\w-]+,)\s+){0,3}(?:ai|ml|machine\s+learning|language|"
    r"llm|deep\s+learning|foundation|frontier)\s+models\b",
    re.IGNORECASE,
)


# The work of building data systems, in a post's own words: a data job that names no narrower
# field ("Data Lead") and does this work is a data engineer's.
_DATA_PLUMBING = re.compile(
    r"\b(?:data pipelines?|ingestion|etl|elt|data warehous\w*|warehousing|data lakes?|"
    r"lakehouse|stream processing)\b",
    re.IGNORECASE,
)


# Families of machine-learning methods by name: an analyst whose post asks for them builds
# models, a data scientist's work ("machine learning a plus" alone does not say so).
_ML_METHODS = re.compile(
    r"\b(?:semi[\s-]?|self[\s-]?)?supervised\s+(?:learning|models?|methods|techniques)\b|"
    r"\bunsupervised\b|\breinforcement learning\b",
    re.IGNORECASE,
)


# A heading over a list of roles, which names their field or team ("Agentic AI (2 roles):",
# "Machine Learning:"): a short line ending with a colon, a count of roles allowed before it.
_HEADING = re.compile(
    r"^[ \t*#-]*([^\n:|]{2,40}?)\s*(?:\(\d+ (?:roles?|positions?|openings?)\))?\s*:\s*$"
)
_HEADING_END = re.compile(r":[ \t]*\n")  # a text with no line ending in a colon has no heading


def _role_under_heading(title: str, description: str) -> str | None:
    """The ML role that a software title takes from the heading it is listed under
    ("Agentic AI (2 roles):" over "Platform Engineers, Forward Deployed Engineers"), read as
    the title's specialty; None when no heading names an ML or AI field."""
    at = description.find(title) if title and _HEADING_END.search(description) else -1
    while at >= 0:
        end = description.rfind("\n", 0, at)  # the line above ends here, blank lines skipped
        while end > 0 and description[end - 1].isspace():
            end -= 1
        above = description[description.rfind("\n", 0, end) + 1 : end] if end > 0 else ""
        if (m := _HEADING.match(above)) and not names_a_job(m.group(1)):
            field = fold(m.group(1))
            if not (_ML.search(field) or _AI.search(field)):
                return None  # "Research (8 roles):" is the lab's team, not the HPC engineer's field
            role = _title_role(f"{title}, {m.group(1)}")[1]
            return role if role in ML_ROLES else None
        at = description.find(title, at + len(title))
    return None


# Distinct AI-engineering techniques (RAG, agents, evals, tool calling, fine-tuning, vector
# stores...) a post must name before a generic title is read as an AI engineer's. The field's
# names ("LLM", "generative AI") and the models and vendors a product calls ("Claude", "OpenAI")
# do not count: they tell an AI company or an AI feature, not the job's work; one or two
# techniques are a software job's nice-to-have ("familiarity with RAG is a bonus").
_AI_WORK_SKILLS = 3
_NOT_AI_WORK = wordset(
    "llm generative-ai openai anthropic gemini llama mistral deepseek qwen bert transformer-models"
)
# A post that names an AI or ML job of its own leaves its generic title a software job.
_AI_JOB = re.compile(
    r"\b(?:ai|ml|machine learning|llm|gen ?ai)[ /-]*(?:engineer|scientist|researcher|developer)",
    re.IGNORECASE,
)


def _builds_ai(description: str) -> bool:
    """Whether a post whose title names no field asks for AI-engineering work: several
    LLM/GenAI skills, and no AI or ML job named beside the one titled."""
    techniques = [
        s
        for s in extract_skills(description)
        if skill_category(s) == "llm_genai" and s not in _NOT_AI_WORK
    ]
    return len(techniques) >= _AI_WORK_SKILLS and not _AI_JOB.search(description)


_CODE_SKILLS = frozenset({"language", "web"})


def _asks_for_code(description: str) -> bool:
    """Whether a post names a programming language or web framework: a post that hires
    without naming a role ("we work in Scala and React, come talk to us") hires programmers."""
    return any(skill_category(s) in _CODE_SKILLS for s in extract_skills(description))


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
