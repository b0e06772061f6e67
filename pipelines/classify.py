"""Role, seniority, is_ml and subfields of a posting, from its title (and description).

Titles are folded first (lowercase, accents stripped, gender markers such as "(m/w/d)", "H/F"
or "(K/M)" dropped, hyphens to spaces), then matched against ordered rules; the first rule
that fires wins. Titles in English, German, French, Spanish, Portuguese and Polish are covered.

Decisions (DESIGN.md leaves them open):

- "Research Engineer" is `research_scientist`: DESIGN has no research-engineer role, and at the
  labs that use the title it is research-track work. "Researcher" is too; UX, user, market,
  design and clinical research are `other`.
- "Machine Learning Scientist"/"AI Scientist" are `research_scientist`; "Applied Scientist"
  (and "Applied Research Scientist") is `applied_scientist`.
- "Software Engineer, Machine Learning" is `ml_engineer` (ML is the specialty); "Backend/
  Frontend/Full Stack/Mobile Engineer, ML" stays `software_engineer` and gets is_ml true.
- ML infrastructure, ML platform, MLOps, inference infrastructure titles are `mlops_engineer`.
- Computer vision and perception engineers ("Perception Engineer", "Senior CV Engineer",
  "Ingeniero de Visión por Computador") are `deep_learning_engineer`; with ML in the title
  ("ML Engineer, Computer Vision") they stay `ml_engineer`. Compiler, kernel and firmware
  engineers are `software_engineer` even for ML accelerators.
- A title whose only field is "data" ("Data Intern", "Estágio em Dados") is `data_analyst`.
- "Analytics Engineer" and data platform titles are `data_engineer`. "Head of Data"/"VP Data"
  (data leadership with no narrower word) is `data_scientist`, the umbrella data role.
- Product managers, designers, recruiters, sales, solutions/sales/support engineers, hardware
  engineers, trainers and annotators are `other` even when the title says AI or ML.
- "Head of" is `director` (it names the top of a function); "Chief"/CTO are `director` too,
  as there is no executive level. People managers are `manager`; product/program/project/
  account managers get no seniority from the word "manager". A range ("Senior/Staff") takes
  the highest level named.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipelines.skills import extract_skills
from pipelines.text import lowered

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
SENIORITIES: tuple[str, ...] = (
    "intern",
    "junior",
    "mid",
    "senior",
    "staff",
    "principal",
    "lead",
    "manager",
    "director",
    "unknown",
)
SUBFIELDS: tuple[str, ...] = (
    "nlp",
    "llm",
    "computer_vision",
    "speech",
    "reinforcement_learning",
    "recommender_systems",
    "time_series",
    "robotics",
    "generative_ai",
    "mlops",
)
ML_ROLES = frozenset(
    {
        "data_scientist",
        "ml_engineer",
        "research_scientist",
        "applied_scientist",
        "deep_learning_engineer",
        "ai_engineer",
        "mlops_engineer",
    }
)

# ------------------------------------------------------------------ folding

_GENDER = re.compile(
    r"\(\s*(?:[mwfdhkxnv]|div|divers|all|gn|i|e)(?:\s*[/|,*]\s*(?:[mwfdhkxnv]|div|divers|i|e)){1,3}"
    r"\s*\)|(?<![\w/])(?:m/w/d|w/m/d|m/f/d|f/m/d|m/w/x|m/f/x|f/m/x|m/w|w/m|h/f|f/h|m/f|f/m|k/m|m/k)"
    r"(?![\w/])|\((?:all genders|alle geschlechter|gn|a|o|as|os)\)|\ball genders\b",
    re.IGNORECASE,
)
_SUFFIX_A = re.compile(r"(\w)/(?:a|as|o|os|e|in|innen|ka|x)\b", re.IGNORECASE)  # "ingeniero/a"
# What any match of _GENDER / _SUFFIX_A starts with: a cheap search that spares most
# descriptions the full patterns (their alternatives are tried at every character).
_GENDER_HINT = re.compile(
    r"\(\s*(?:[mwfdhkxnvie]|div|divers|all|gn)\s*[/|,*]|"
    r"\((?:all genders|alle geschlechter|gn|a|o|as|os)\)|[mwfhk]/[mwfhk]|genders",
    re.IGNORECASE,
)
_SUFFIX_HINT = re.compile(r"/[aoeikx]", re.IGNORECASE)
# Japanese job words, so a title such as 機械学習エンジニア folds like its English twin.
_JAPANESE = (
    ("機械学習", " machine learning "),
    ("データサイエンティスト", " data scientist "),
    ("データエンジニア", " data engineer "),
    ("データアナリスト", " data analyst "),
    ("リサーチサイエンティスト", " research scientist "),
    ("研究員", " researcher "),
    ("エンジニア", " engineer "),
)


@lru_cache(maxsize=1)
def _combining() -> re.Pattern[str]:
    """Every combining mark (`unicodedata.combining` not 0): one `sub` drops them all, instead
    of a Python test per character."""
    marks = "".join(chr(c) for c in range(0x110000) if unicodedata.combining(chr(c)))
    return re.compile(f"[{re.escape(marks)}]")


_AI_DOTTED = re.compile(r"\ba\.i\.")
_NOT_FOLDED = re.compile(r"[^a-z0-9/+#&]+")


@lru_cache(maxsize=1024)  # each classifier folds the same title and description again
def fold(text: str) -> str:
    """Lowercase ASCII form of a title: accents and gender markers gone, punctuation spaced."""
    text = text or ""
    if _GENDER_HINT.search(text):
        text = _GENDER.sub(" ", text)
    if _SUFFIX_HINT.search(text):
        text = _SUFFIX_A.sub(r"\1", text)
    if not text.isascii():
        for word, english in _JAPANESE:
            text = text.replace(word, english)
        text = text.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
        # ASCII text has nothing to decompose and no combining marks: skip the per-character
        # pass (the costliest step on a description).
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = _combining().sub("", text)
    text = text.lower()
    if "a.i." in text:
        text = _AI_DOTTED.sub("ai", text)
    # Every run of other characters, spaces included, becomes one space: no runs are left.
    return _NOT_FOLDED.sub(" ", text).strip()


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# ------------------------------------------------------------------ vocabulary (folded text)

_ML = (
    r"(?:machine learning|\bml\b|\bmle\b|\bml/ai\b|\bai/ml\b|apprentissage automatique|"
    r"aprendizaje automatico|aprendizado de maquina|aprendizagem automatica|"
    r"uczeni[ae] maszynow\w*|maschinell\w* lernen\w*|computer vision|\bcv\b|\bnlp\b|"
    r"natural language|perception|recommend\w*|recsys|personali[sz]ation|ranking|"
    r"speech recognition|\basr\b|vision ai|widzenia komputerowego|vision par ordinateur|"
    r"vision por computador|visao computacional|\binference\b)"
)
_AI = (
    r"(?:\bai\b|artificial intelligence|\bllms?\b|\bgen ?ai\b|generative|\bprompt\b|"
    r"\bagent(?:s|ic)?\b|\bki\b|\bia\b|inteligencia artificial|intelligence artificielle|"
    r"sztucznej inteligencji|kunstliche\w* intelligenz|\bgpt\b|conversational)"
)
_ENG = (
    r"(?:engineer\w*|\beng\b|ingenieur\w*|ingenier[oa]s?\b|engenheir[oa]s?\b|inzynier\w*|"
    r"developer\w*|entwickler\w*|developpeu\w*|desarrollador\w*|desenvolvedor\w*|programist\w*|"
    r"programmer|\bswe\b|\bsde\b|architect\w*|arquitect\w*|\bdev\b|hacker|builder)"
)
_LEAD_WORD = r"(?:head|vp|vice president|director|chief|lead|leader|manager|founder|cto)"

_OTHER = _rx(
    r"product (?:manager|owner|lead|director|marketing|specialist)|program manager|"
    r"project manager|\bdesign(?:er)?\b|recruit\w*|\btalent\b|sourcer|account (?:executive|"
    r"manager|director)|\bsales\b|marketing|customer (?:success|support|service|engineer)|"
    r"support (?:agent|specialist|representative|engineer)|\bwriter\b|copywrit\w*|counsel|"
    r"\blegal\b|lawyer|paralegal|accountant|accounting|\bfinanc\w*|payroll|\bhr\b|"
    r"human resources|people (?:partner|operations|ops)|office manager|community manager|"
    r"developer (?:advocate|relations)|\btrainer\b|\btutor\b|annotat\w*|"
    r"\blabel(?:er|ing|ler|ling)\b|evangelist|advocate|devrel|"
    r"business develop\w*|partnership\w*|solutions? (?:engineer|architect|consultant)|"
    r"pre ?sales|technical account|\bceo\b|\bcfo\b|\bcoo\b|\bcmo\b|strategist|\beditor\b|"
    r"\bartist\b|animator|\bproducer\b|\bnurse\b|physician|teacher|pharmac\w*|technician|"
    r"\bux\b|\bui\b|(?:user|market|design|clinical|consumer) research\w*|chief of staff|"
    r"assistant|coordinator|receptionist|marketer|\bchef\b|driver|\breviewers?\b|"
    r"(?:electrical|mechanical|hardware|civil|chemical|manufacturing|mechatronics|\brf\b|analog|"
    r"asic|pcb|structural|process|industrial|facilities|field|validation|sales) engineer"
)
_MLOPS = _rx(
    r"\bml ?ops\b|\bllm ?ops\b|\bai ?ops\b|machine learning (?:platform|infrastructure|infra|ops|"
    r"operations|systems|deployment)|\b(?:ml|ai|llm|model) (?:platform|infrastructure|infra|"
    r"systems|serving|deployment|ops)\b|(?:platform|infrastructure|infra|devops|sre|reliability|"
    r"cloud) engineer\w*(?: \w+){0,3} (?:ml|ai|machine learning|llm|inference|gpu)\b|"
    r"\b(?:inference|gpu|training|compute) (?:platform|infrastructure|infra|engineer\w*|systems)"
)
_APPLIED = _rx(
    r"applied (?:research )?scientist|applied (?:ml|ai|machine learning) scientist|"
    r"scientifique applique|cientific[oa] aplicad[oa]"
)
_DATA_SCI = _rx(
    r"data scien\w*|datascien\w*|datenwissenschaft\w*|cientific[oa]s? de (?:los )?datos|"
    r"cientista de dados|scientifique (?:des |de )?donnees|naukowiec danych|decision scien\w*|"
    r"\bchief data officer\b|\bdata science\b|ciencias? de (?:los )?dad?os|science des donnees|"
    r"nauk[ai] o danych"
)
_DATA_LEAD = _rx(rf"^(?:\w+ )?{_LEAD_WORD}(?: of)? data(?: (?:and|&) (?:analytics|insights))?$")
_RESEARCH = _rx(
    r"research\w*|\bscientist\b.*\b(?:ml|ai|machine learning|nlp|llm|deep learning|"
    r"computer vision|reinforcement)\b|\b(?:ml|ai|machine learning|nlp|llm|deep learning|"
    r"computer vision|reinforcement learning|vision|speech|robotics)\b.*\bscientist\b|"
    r"chercheu\w*|investigador\w*|pesquisador\w*|forscher\w*|naukowiec|badacz\w*|"
    r"post ?doc\w*|\bphd\b|doktorand\w*|doctoral|quantitative research|quant research"
)
_DL = _rx(r"deep learning|\bdl\b (?=engineer)|aprendizaje profundo|apprentissage profond")
_DATA_ENG = _rx(
    r"data (?:engineer\w*|platform engineer\w*|infrastructure engineer\w*|pipeline\w*|"
    r"architect\w*|ops\b|warehouse\w*|integration\w*|developer)|dataops|analytics engineer\w*|"
    r"\betl\b|big data (?:engineer|developer)|ingenier[oa]s? de datos|engenheir[oa]s? de dados|"
    r"ingenieur\w* (?:de |des )?donnees|dateningenieur\w*|daten ?engineer\w*|inzynier\w* danych|"
    r"\bbi engineer\w*|data ?engineer\w*|\bdata eng\b|\bdata platform\b"
)
# Computer vision and perception engineers build deep networks for images and sensors: their
# titles name the deep-learning specialty itself, unlike "ML Engineer, Computer Vision".
_VISION = _rx(
    r"computer vision|\bcv\b|perception|vision por computador|visao computacional|"
    r"vision par ordinateur|widzenia komputerowego|bildverarbeitung"
)
_ML_WORDS = _rx(r"machine learning|\bml\b|\bmle\b|\bml/ai\b|\bai/ml\b")
_DATA_ONLY = _rx(r"\b(?:data|dados|datos|daten|donnees|danych)\b")
_COMPILER = _rx(r"\bcompilers?\b|\bkernels?\b|\bfirmware\b")
_WEB_SW = _rx(
    r"\b(?:back ?end|front ?end|full ?stack|fullstack|mobile|ios|android|web|react|"
    r"javascript|typescript)\b"
)
_ANALYST = _rx(
    r"(?:data|\bbi\b|business intelligence|analytics|insights?|product|reporting|"
    r"quantitative|quant|statistical|sql|dados|datos|donnees|danych|daten|datov\w*|gis|"
    r"geospatial) ?(?:analyst|analista|analyste|analytiker|analityk|analyti[ck])\w*|"
    r"(?:analyst|analista|analyste|analityk)\w* "
    r"(?:de |des )?(?:dados|datos|donnees|danych|data|bi\b)|datenanalyst\w*|"
    r"business intelligence|\bbi (?:developer|specialist|lead|manager)|"
    r"analytics (?:lead|manager|specialist)|statistician|statistiker\w*|estatistic\w*|"
    r"^analytics$|\bdata analytics\b"
)
_SOFTWARE = _rx(
    r"software|engineer\w*|\beng\b|developer\w*|programmer|\bswe\b|\bsde\b|\bdevs?\b|devops|"
    r"\bmobile\b|\bios\b|\bandroid\b|\brails\b|\breact\b|"
    r"\bsre\b|site reliability|entwickler\w*|developpeu\w*|desarrollador\w*|desenvolvedor\w*|"
    r"programist\w*|ingenieur\w*|ingenier[oa]s?\b|engenheir[oa]s?\b|inzynier\w*|architect\w*|"
    r"\bcto\b|hacker|full ?stack|back ?end|front ?end|\bqa\b|tester|\bsdet\b|founding engineer|"
    r"member of technical staff|\bmts\b|tech lead|embedded|firmware|"
    r"\bplatform\b|\binfrastructure\b"
)
_GENERIC_WORDS = _wordset(
    "software engineer engineers engineering developer developers dev devs swe sde programmer "
    "programmers member of technical staff mts multiple various roles positions openings "
    "hiring many several and & team founding the a all levels senior sr junior jr staff "
    "principal lead mid level remote full time fulltime position role we are is"
)


_TECH_NOUN = _rx(r"engineer|developer|scientist|analyst|programmer|researcher|\bswe\b|\bsde\b")
_SECURITY = _rx(r"security|vulnerab\w*|threat|malware|exploit|reverse engineer")


# Nouns that make a phrase a job title, in every language above (matched on folded text).
# Extractors ask `names_a_job` to tell a title from a company name, a place or a sentence, so
# there is one list of job words for the whole project.
_JOB_NOUNS = _rx(
    r"\b(?:"
    # English
    r"engineers?|eng|engineering managers?|developers?|devs|scientists?|researchers?|"
    r"designers?|managers?|leads?|architects?|analysts?|directors?|head of \w+|vp|vps|cto|"
    r"sres?|devops|programmers?|administrators?|specialists?|consultants?|recruiters?|"
    r"hackers?|technicians?|writers?|officers?|representatives?|counsel|fellows?|postdocs?|"
    r"coordinators?|executives?|advocates?|evangelists?|generalists?|experts?|mles?|swes?|"
    r"sdes?|aes?|sdrs?|bdrs?|interns?|internships?|pms?|tpms?|product owners?|marketers?|"
    r"strategists?|mathematicians?|physicists?|statisticians?|economists?|chemists?|"
    r"biologists?|instructors?|teachers?|tutors?|trainers?|editors?|producers?|artists?|"
    r"animators?|accountants?|controllers?|assistants?|associates?|annotators?|labelers?|"
    r"reviewers?|member of technical staff|mts|teamleads?|back ?end|front ?end|full ?stack|"
    r"sys ?admins?|admins?|"
    # German
    r"ingenieur\w*|entwickler\w*|datenwissenschaftler\w*|werkstudent\w*|praktikant\w*|"
    r"praktikum|leiter\w*|referent\w*|berater\w*|forscher\w*|architekt\w*|"
    # French
    r"developpeu\w*|ingenieure?s?|stagiaires?|alternant\w*|chercheu\w*|responsable|"
    r"directeur\w*|analyste?s?|scientifique|chef de projet|"
    # Spanish and Portuguese
    r"desarrollador\w*|desenvolvedor\w*|programador\w*|ingenier[oa]s?|engenheir[oa]s?|"
    r"cientific[oa]s?|cientistas?|analistas?|investigador\w*|pesquisador\w*|arquitect[oa]s?|"
    r"especialistas?|becari[oa]s?|practicantes?|pasantes?|estagi\w*|gerentes?|lider\w*|"
    r"director[ae]s?|diretor\w*|"
    # Polish
    r"inzynier\w*|programist\w*|analityk\w*|specjalist\w*|naukowiec|badacz\w*|stazyst\w*|"
    r"praktykant\w*|kierownik\w*|dyrektor\w*|"
    # Dutch
    r"ontwikkelaars?"
    r")\b"
)


@lru_cache(maxsize=8192)  # extractors ask it of every header segment and body line
def names_a_job(text: str) -> bool:
    """Whether `text` names a job: a job noun in English, German, French, Spanish,
    Portuguese, Polish or Dutch ("Data Engineer", "Científico/a de Datos", "Inżynier ML"), or a
    gender marker that only job titles carry ("(m/w/d)", "H/F")."""
    return bool(_JOB_NOUNS.search(fold(text)) or _GENDER.search(text or ""))


def _role_from_title(t: str) -> str:
    """Role from a folded title; 'other' when nothing fires."""
    if not t:
        return "other"
    ml, ai, eng = re.search(_ML, t), re.search(_AI, t), re.search(_ENG, t)
    other = _OTHER.search(t)
    tech = _TECH_NOUN.search(t)
    if other and not (tech and tech.start() < other.start()):
        return "other"  # "AI Product Manager"; not "Software Engineers, Product Managers"
    if _MLOPS.search(t):
        return "mlops_engineer"
    if _APPLIED.search(t):
        return "applied_scientist"
    if _DATA_SCI.search(t) or _DATA_LEAD.search(t):
        return "data_scientist"
    if _RESEARCH.search(t):
        return "software_engineer" if _SECURITY.search(t) else "research_scientist"
    if _DL.search(t):
        return "deep_learning_engineer"
    if _VISION.search(t) and eng and not _ML_WORDS.search(t):
        return "deep_learning_engineer"
    if _DATA_ENG.search(t):
        return "data_engineer"
    if _COMPILER.search(t) and eng:
        return "software_engineer"  # "Compiler Engineer, ML Accelerators": systems work
    if _WEB_SW.search(t) and eng:
        return "software_engineer"
    if ml:
        return "ml_engineer"
    if ai and (eng or re.search(_LEAD_WORD, t)):
        return "ai_engineer"
    if _ANALYST.search(t):
        return "data_analyst"
    if _SOFTWARE.search(t):
        return "software_engineer"
    if _DATA_ONLY.search(t):
        return "data_analyst"  # "Estágio em Dados", "Data Intern": data work with no narrower word
    return "other"


def _is_generic(t: str) -> bool:
    return all(w in _GENERIC_WORDS or w.isdigit() for w in t.split())


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


# ------------------------------------------------------------------ seniority

_NOT_PEOPLE_MANAGER = _wordset(
    "product program programme project account category community office partner "
    "partnerships release delivery relationship success campaign content brand key "
    "social media marketing"
)
_SENIORITY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "intern",
        _rx(
            r"\bintern(?:s|ship|ships)?\b|praktikant\w*|praktikum|werkstudent\w*|"
            r"working student|stagiaire|(?<!early )(?<!late )(?<!seed )(?<!growth )\bstage\b|"
            r"alternan\w*|becari[oa]s?\b|\bpasante\b|practicante|estagi\w*|praktyk\w*|"
            r"\bstaz\w*|\bco ?op\b|apprentice\w*|\bazubi\b|ausbildung|summer student|"
            r"\btrainee\b"
        ),
    ),
    (
        "director",
        _rx(
            r"\bdirector\w*|\bdirecteur\w*|\bdirectora?\b|\bdiretor\w*|\bdyrektor\w*|"
            r"\bhead of\b|^head\b|\bhead (?:\w+ )?(?:engineer|data|ml|ai|research)|\bvp\b|"
            r"vice president|\bsvp\b|\bevp\b|\bchief\b|\bcto\b|\bcdo\b|\bcaio\b|"
            r"(?<!team)(?<!team )leiter(?:in)?\b|\bleitung\b(?<!teamleitung)"
        ),
    ),
    ("manager", _rx(r"\bmanager\w*|\bgerente\b|\bkierownik\w*|\bresponsable\b|\bmgr\b")),
    ("principal", _rx(r"\bprincipal\b|\bprincipale\b")),
    ("staff", _rx(r"(?<!technical )\bstaff\b")),
    (
        "lead",
        _rx(
            r"\bleads?\b(?! gen(?:eration)?\b)|\bleader\b|\blider\w*|teamleiter\w*|"
            r"teamleitung|\blead\w*(?= engineer)"
        ),
    ),
    (
        "mid",
        _rx(r"\bsemi ?senior\b|\bssr\b"),
    ),
    (
        "senior",
        _rx(r"\bsenior\w*|\bsr\b|\bsnr\b|\biii\b|\biv\b|\bstarszy\b|\bexperimentado\b"),
    ),
    (
        "mid",
        _rx(
            r"\bmid\b|\bmiddle\b|\bintermediate\b|\bii\b|\bpleno\b|\bregular\b|\bmedior\b|"
            r"\b(?:engineer|developer|scientist|analyst)\w* 2\b|\blevel 2\b"
        ),
    ),
    (
        "junior",
        _rx(
            r"\bjunior\b|\bjr\b|entry level|\bgraduate\b|new grad\w*|\bgrad\b|\bassociate\b|"
            r"\bmlodszy\b|absolvent\w*|berufseinsteiger\w*|debutant\w*|early career|"
            r"\b(?:engineer|developer|scientist|analyst)\w* (?:i|1)$"
        ),
    ),
)
_DESC_SENIORITY = (
    (
        "intern",
        re.compile(
            r"\bthis is an? (?:paid )?internship\b|\bpaid internship\b|"
            r"\binternship (?:program|position|role)\b",
            re.I,
        ),
    ),
    ("junior", re.compile(r"\b(?:entry|junior)[- ]level (?:role|position)\b", re.I)),
    ("mid", re.compile(r"\bmid[- ]level (?:role|position)\b", re.I)),
    ("senior", re.compile(r"\bsenior[- ]level (?:role|position)\b", re.I)),
)


_DESC_SENIORITY_KEYS = {
    "intern": "internship",
    "junior": "level",
    "mid": "level",
    "senior": "level",
}


def _manager_is_people_manager(t: str) -> bool:
    words = t.split()
    for i, w in enumerate(words):
        is_manager = w.startswith(("manager", "kierownik")) or w in ("gerente", "mgr")
        if is_manager and (i == 0 or words[i - 1] not in _NOT_PEOPLE_MANAGER):
            return True
        if w == "responsable":
            return True
    return False


def classify_seniority(title: str, description: str = "") -> str:
    """One of SENIORITIES, from the title; the description only when it states the level of
    the position outright ("this is an internship", "entry-level position")."""
    t = fold(title)
    for level, rx in _SENIORITY_RULES:
        if rx.search(t):
            if level == "manager" and not _manager_is_people_manager(t):
                continue
            return level
    if not description:
        return "unknown"
    head = description[:5000]
    low = lowered(head)
    for level, rx in _DESC_SENIORITY:
        if level in _DESC_SENIORITY_KEYS and _DESC_SENIORITY_KEYS[level] not in low:
            continue  # every pattern needs its word ("internship"; "level" for the others)
        if rx.search(head):
            return level
    return "unknown"


# ------------------------------------------------------------------ is_ml

_ML_TITLE = re.compile(rf"{_ML}|{_AI}|deep learning|\bmodel\w*\b|inference|\bmlops\b")
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


# ------------------------------------------------------------------ subfields

_SUBFIELD_SKILLS: dict[str, frozenset[str]] = {
    "nlp": _wordset(
        "nlp spacy nltk gensim bert nlg sentence-transformers fairseq information-retrieval "
        "knowledge-graphs"
    ),
    "llm": _wordset(
        "llm rag langchain langgraph langsmith langfuse llamaindex vllm sglang tensorrt-llm tgi "
        "ollama llama-cpp openai anthropic gemini llama mistral deepseek qwen prompt-engineering "
        "rlhf dpo lora peft llm-evaluation llmops semantic-kernel autogen crewai dspy "
        "function-calling mcp ai-agents vector-database pinecone weaviate qdrant milvus chroma "
        "pgvector azure-openai bedrock guardrails pydantic-ai openai-agents-sdk "
        "speculative-decoding mixture-of-experts trl unsloth megatron-lm"
    ),
    "computer_vision": _wordset(
        "computer-vision opencv object-detection image-segmentation ocr yolo detectron2 "
        "mmdetection torchvision timm slam lidar pose-estimation face-recognition "
        "medical-imaging mediapipe cnn computer-graphics"
    ),
    "speech": _wordset(
        "speech-recognition text-to-speech audio-processing whisper kaldi espnet librosa"
    ),
    "reinforcement_learning": _wordset("reinforcement-learning gymnasium stable-baselines3 rllib"),
    "recommender_systems": _wordset("recommender-systems learning-to-rank"),
    "time_series": _wordset("time-series prophet sktime"),
    "robotics": _wordset("robotics ros slam sensor-fusion autonomous-driving simulation"),
    "generative_ai": _wordset(
        "generative-ai stable-diffusion diffusion-models gans vae diffusers text-to-image "
        "synthetic-data"
    ),
    "mlops": _wordset(
        "mlops mlflow kubeflow wandb comet-ml neptune-ai dvc bentoml seldon kserve "
        "triton-inference-server torchserve tensorflow-serving feature-store evidently arize "
        "model-monitoring model-serving metaflow zenml clearml experiment-tracking "
        "model-registry ml-pipelines sagemaker vertex-ai azure-ml llmops sagemaker-pipelines "
        "vertex-pipelines mlrun ray-ml"
    ),
}
_SUBFIELD_WORDS: dict[str, re.Pattern[str]] = {
    "nlp": _rx(
        r"\bnlp\b|natural language|language understanding|text classification|named entity|"
        r"sentiment analysis|information extraction|machine translation|computational linguistic"
    ),
    "llm": _rx(
        r"\bllms?\b|large language model|language models?\b|\bgpt\b|chatgpt|prompt engineer\w*|"
        r"retrieval augmented|foundation models?|\bagentic\b|ai agents?"
    ),
    "computer_vision": _rx(
        r"computer vision|\bvision\b|image (?:recognition|classification|processing|"
        r"understanding|analysis)|video (?:understanding|analytics|analysis)|object detection|"
        r"segmentation|\bperception\b|\bocr\b|point clouds?|3d reconstruction"
    ),
    "speech": _rx(
        r"\bspeech\b|\basr\b|\btts\b|voice (?:ai|agents?|cloning|assistants?|models?)|"
        r"audio (?:ml|models?|processing|understanding)|speaker (?:recognition|diarization)"
    ),
    "reinforcement_learning": _rx(
        r"reinforcement learning|\bdeep rl\b|\brl\b (?:agents?|algorithms?|research|policies)|"
        r"multi armed bandit|contextual bandit"
    ),
    "recommender_systems": _rx(
        r"recommend(?:er|ation)s?\b|recsys|personali[sz]ation|learning to rank|"
        r"\branking\b|collaborative filtering|search relevance|feed ranking"
    ),
    "time_series": _rx(r"time series|forecasting|\bforecasts?\b (?:models?|demand)"),
    "robotics": _rx(
        r"\brobot\w*|autonomous (?:vehicles?|driving|systems|robots?)|self driving|"
        r"embodied|\bdrones?\b|\buav\w*|motion planning|manipulation policies"
    ),
    "generative_ai": _rx(
        r"generative|\bgen ?ai\b|diffusion models?|image generation|video generation|"
        r"text to (?:image|video|speech)|\bgans?\b"
    ),
    "mlops": _rx(
        r"\bml ?ops\b|\bllm ?ops\b|ml (?:platform|infrastructure|infra|pipelines?)|"
        r"machine learning (?:platform|infrastructure|operations|pipelines?)|"
        r"model (?:serving|deployment|monitoring|registry)|feature stores?|"
        r"inference (?:infrastructure|platform|optimization|serving)"
    ),
}


# For each subfield, the words or phrases of which every match of its pattern holds one (folded
# text is lowercase ASCII with single spaces): a description naming none of them is not
# searched with that pattern.
_SUBFIELD_KEYS: dict[str, tuple[str, ...]] = {
    "nlp": (
        "nlp", "natural language", "language understanding", "text classification",
        "named entity", "sentiment analysis", "information extraction", "machine translation",
        "computational linguistic",
    ),
    "llm": (
        "llm", "language model", "gpt", "prompt engineer", "retrieval augmented",
        "foundation model", "agentic", "ai agent",
    ),
    "computer_vision": (
        "vision", "image recognition", "image classification", "image processing",
        "image understanding", "image analysis", "video understanding", "video analytics",
        "video analysis", "object detection", "segmentation", "perception", "ocr", "point cloud",
        "3d reconstruction",
    ),
    "speech": (
        "speech", "asr", "tts", "voice ai", "voice agent", "voice cloning", "voice assistant",
        "voice model", "audio ml", "audio model", "audio processing", "audio understanding",
        "speaker recognition", "speaker diarization",
    ),
    "reinforcement_learning": (
        "reinforcement learning", "deep rl", "rl agent", "rl algorithm", "rl research",
        "rl policies", "multi armed bandit", "contextual bandit",
    ),
    "recommender_systems": (
        "recommender", "recommendation", "recsys", "personalisation", "personalization",
        "learning to rank", "ranking", "collaborative filtering", "search relevance",
    ),
    "time_series": ("time series", "forecast"),
    "robotics": (
        "robot", "autonomous vehicle", "autonomous driving", "autonomous system",
        "autonomous robot", "self driving", "embodied", "drone", "uav", "motion planning",
        "manipulation policies",
    ),
    "generative_ai": (
        "generative", "gen ai", "genai", "diffusion model", "image generation",
        "video generation", "text to image", "text to video", "text to speech", "gan",
    ),
    "mlops": (
        "mlops", "ml ops", "llmops", "llm ops", "ml platform", "ml infra", "ml pipeline",
        "machine learning platform", "machine learning infrastructure",
        "machine learning operations", "machine learning pipeline", "model serving",
        "model deployment", "model monitoring", "model registry", "feature store",
        "inference infrastructure", "inference platform", "inference optimization",
        "inference serving",
    ),
}  # fmt: skip


@lru_cache(maxsize=1024)  # bounded: it sees every description
def _subfield_words_in(text: str) -> frozenset[str]:
    return frozenset(
        name
        for name, rx in _SUBFIELD_WORDS.items()
        if any(k in text for k in _SUBFIELD_KEYS[name]) and rx.search(text)
    )


def classify_subfields(
    title: str, description: str = "", skills: list[str] | None = None
) -> list[str]:
    """Subfields (in SUBFIELDS order) named by the title, the skills or description keywords.

    `llm` is for language-model work; `generative_ai` only when the posting says "generative"/
    GenAI or works on generative media (diffusion, GANs), so an LLM posting is not
    automatically generative_ai. When `skills` is None they are extracted from the text.
    """
    if skills is None:
        skills = extract_skills(f"{title}\n{description}")
    have = set(skills)
    words = _subfield_words_in(fold(title)) | _subfield_words_in(fold(description))
    folded_title = fold(title)
    if _MLOPS.search(folded_title):
        words |= {"mlops"}
    if re.search(r"\bcv\b", folded_title):  # only in titles: in text "CV" is mostly a resume
        words |= {"computer_vision"}
    return [name for name in SUBFIELDS if name in words or have & _SUBFIELD_SKILLS[name]]
