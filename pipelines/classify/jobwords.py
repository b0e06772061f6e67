"""The job vocabulary, on folded text (`pipelines.folding.fold`): the words that name ML,
AI, engineering, data and non-technical work, and the job nouns of every supported language.

`names_a_job` is the project's one test of whether a phrase names a job: extractors ask it to
tell a title from a company name, a place or a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.classify.prefilter import Prefilter, by_first_letter
from pipelines.folding import GENDER, fold
from pipelines.text import lowered


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


ML = (
    r"(?:machine learning|\bml\b|\bmle\b|\bml/ai\b|\bai/ml\b|apprentissage automatique|"
    r"aprendizaje automatico|aprendizado de maquina|aprendizagem automatica|"
    r"uczeni[ae] maszynow\w*|maschinell\w* lernen\w*|computer vision|\bcv\b|\bnlp\b|"
    r"natural language|perception|recommend\w*|recsys|personali[sz]ation|ranking|"
    r"speech recognition|\basr\b|vision ai|widzenia komputerowego|vision par ordinateur|"
    r"vision por computador|visao computacional|\binference\b|reinforcement learning|"
    r"imitation learning|\brlhf\b|pre ?training|post ?training|foundation models?|world models?|"
    r"multi ?modal)"
)
AI = (
    r"(?:\bai\b(?! (?:driven|powered|native|enabled|first|assisted|based|augmented)\b)|"
    r"artificial intelligence|\bllms?\b|\bgen ?ai\b|generative|\bprompt\b|"
    # one "agent" is AI only as an engineer's field ("Agent Engineer", "Agent Orchestration"):
    # a "Security Agent" or "Software Agent" is a program installed on hosts; "agentic
    # engineering" is a way of working (coding with agents), not building them
    r"\bagent (?=engineer|developer|builder|orchestration)|\bagents\b|"
    r"\bagentic\b(?! (?:engineering|coding|development)\b)|"
    r"\bki\b|\bia\b|inteligencia artificial|intelligence artificielle|"
    r"sztucznej inteligencji|kunstliche\w* intelligenz|\bgpt\b|conversational)"
)
# Vendors' products whose name holds an AI word: a job on one builds on the product (a CRM's
# agent builder, a cloud's inference service), not AI ("Salesforce Agentforce Architect").
AI_PRODUCTS = rx(r"\b(?:workers ai|agentforce(?: ai)?|einstein ai)\b")
AI_PRODUCT_KEYS = ("workers ai", "agentforce", "einstein ai")
# An AI engineer by the job noun itself ("Senior AI Engineer (Natural Language Systems)"): the
# ML field in the specialty does not make the job an ML engineer's.
# "AI Development Associate", "AI Engineering Intern": the AI work names the job too.
AI_ENGINEER = rx(r"\b(?:ai|gen ?ai|llm) (?:engineer|developer|development\b)")
# Words one of which every match of AI / MLOPS holds (in a folded title): a title with none
# skips the pattern, whose alternatives are tried at every character. Checked against every
# match in the classifier tests' strings by tests/test_prefilters.py.
AI_KEYS = (
    "ai", "ia", "intel", "llm", "generative", "prompt", "agent", "ki", "gpt", "conversational",
)  # fmt: skip
ENG = (
    r"(?:engineer\w*|\beng\b|ingenieur\w*|ingenier[oa]s?\b|engenheir[oa]s?\b|inzynier\w*|"
    r"developer\w*|entwickler\w*|developpeu\w*|desarrollador\w*|desenvolvedor\w*|programist\w*|"
    r"programmer|\bswes?\b|\bsdes?\b|architect\w*|arquitect\w*|\bdev\b|hacker|builder)"
)
LEAD_WORD = r"(?:head|vp|vice president|director|chief|lead|leader|manager|founder|cto)"

OTHER = rx(
    r"product (?:manager|owner|lead|director|marketing|specialist|management)|"
    r"(?:director|head|vp|vice president),? (?:of )?products?\b(?! (?:engineer|develop))|"
    r"program manager|\bt?pms?\b|"  # "Senior PM", "TPM": a product, program or project manager
    r"project manager|\bdesign(?:er)?\b|recruit\w*|\btalent\b|sourcer|account (?:executive|"
    r"manager|director)|\bsales\b|marketing(?! (?:data|analytics)\b)|"
    r"customer (?:success|support|service|engineer)|"
    r"support (?:agent|specialist|representative|engineer)|\bwriter\b|copywrit\w*|counsel|"
    r"\blegal\b|lawyer|paralegal|accountant|accounting|\bfinanc\w*|payroll|\bhr\b|"
    r"human resources|people (?:partner|operations|ops)|office manager|community manager|"
    r"developer (?:advocate|relations|evangelist|success|awareness)|\btrainer\b|\btutor\b|"
    r"annotat\w*|(?:course|curriculum|content) developers?|"
    r"\blabel(?:er|ing|ler|ling)\b|evangelist|advocate|devrel|"
    r"business develop\w*|partnership\w*|solutions? (?:architect|consultant)|"
    # an "AI Solutions Engineer" builds AI solutions for customers; other solutions engineers sell
    r"(?<!\bai )solutions? engineer|"
    r"field applications? engineer\w*|"
    # go-to-market engineers automate a sales pipeline (Revenue Operations GTM Engineer)
    r"\b(?:gtm|go to market) engineer\w*|"
    # business functions a manager's AI word does not make engineering ("Manager, AI Strategy")
    r"\bstrategy\b(?! (?:&|and) analytics)|\bproposals?\b|\bsourcing\b|"
    r"\b(?:sales|revenue|gtm|partner|customer) enablement\b|"
    r"pre ?sales|technical account|(?:value|demo|technical services?) engineer\w*|field cto|"
    r"enterprise architect|escalation|regulatory|(?:digital|agentic|business|ai) transformation|"
    r"\badvisors?\b|\bceo\b|\bcfo\b|\bcoo\b|\bcmo\b|strategist|"
    r"\beditor\b|"
    r"\bartist\b|animator|\bproducer\b|\bnurse\b|physician(?! scientist)|teacher|pharmac\w*|"
    r"technician|"
    r"\bux\b|\bui\b|(?:user|market|design|clinical|consumer|policy|strategic|equity) "
    r"research\w*|chief of staff|"
    # a French "Chef(fe)" or "chef d'equipe" leads a team; a chef cooks
    r"assistant|coordinator|receptionist|marketer|\bchef\b(?! fe\b| d equipe\b)|driver|"
    r"\breviewers?\b|"
    r"(?:electrical|mechanical|hardware|civil|chemical|manufacturing|mechatronics|\brf\b|analog|"
    r"asic|pcb|structural|process|industrial|facilities|field|validation|sales|electronic|"
    r"electronics|parts|safety|controls?|network|hosting|\bit|signal processing|bio)"
    r"(?: (?:test|design|commissioning|verification|integration|automation))? ?engineer|"
    r"\bcpu architect"
)
MLOPS_KEYS = (
    "ops", "machine learning", "platform", "infra", "systems", "serving", "deployment", "sre",
    "reliability", "cloud", "inference", "gpu", "training", "compute",
)  # fmt: skip
MLOPS = rx(
    r"\bml ?ops\b|\bllm ?ops\b|\bai ?ops\b|machine learning (?:platform|infrastructure|infra|ops|"
    r"operations|deployment)|\b(?:ml|ai|llm|model) (?:platform|infrastructure|infra|"
    r"serving|deployment|ops)\b|(?:platform|infrastructure|infra|devops|sre|reliability|"
    r"cloud) engineer\w*(?: \w+){0,3} (?:ml|ai|machine learning|llm|inference|gpu)\b|"
    r"(?:\bml|machine learning) engineer\w*(?: \w+){0,2} (?:devops|sre|reliability|"
    r"infrastructure|infra|cloud platform)\b|"
    r"\b(?:inference|gpu|training|compute) (?:platform|infrastructure|infra|engineer\w*|systems)"
)
APPLIED = rx(
    r"applied (?:research )?scientist|applied (?:ml|ai|machine learning)(?: ?/ ?(?:ml|ai))? "
    r"scientist|"
    r"scientifique applique|cientific[oa] aplicad[oa]"
)
DATA_SCI = rx(
    r"data scien\w*|datascien\w*|datenwissenschaft\w*|cientific[oa]s? de (?:los )?datos|"
    r"cientista de dados|scientifique (?:des |de )?donnees|naukowiec danych|decision scien\w*|"
    r"\bchief data officer\b|\bdata science\b|ciencias? de (?:los )?dad?os|science des donnees|"
    r"nauk[ai] o danych"
)
DATA_LEAD = rx(rf"^(?:\w+ )?{LEAD_WORD}(?: of)? data(?: (?:and|&) (?:analytics|insights))?$")
RESEARCH = rx(
    r"research\w*|\bscientist\b.*\b(?:ml|ai|machine learning|nlp|llm|deep learning|"
    r"computer vision|reinforcement)\b|\b(?:ml|ai|machine learning|nlp|llm|deep learning|"
    r"computer vision|reinforcement learning|vision|speech|robotics)\b.*\bscientist\b|"
    r"chercheu\w*|investigador\w*|pesquisador\w*|forscher\w*|naukowiec|badacz\w*|"
    r"post ?doc\w*|\bphd\b|doktorand\w*|doctoral|quantitative research|quant research"
)
DL = rx(r"deep learning|\bdl\b (?=engineer)|aprendizaje profundo|apprentissage profond")
DATA_ENG = rx(
    r"data (?:engineer\w*|platform engineer\w*|infrastructure engineer\w*|pipeline\w*|"
    r"architect\w*|ops\b|warehouse\w*|integration\w*|developer)|dataops|analytics engineer\w*|"
    r"\betl\b|big data (?:engineer|developer)|ingenier[oa]s? de datos|engenheir[oa]s? de dados|"
    r"ingenieur\w* (?:de |des )?donnees|dateningenieur\w*|daten ?engineer\w*|inzynier\w* danych|"
    r"\bbi engineer\w*|data ?engineer\w*|\bdata eng\b|\bdata platform\b|"
    r"\bdata (?:systems|infrastructure|products?)\b|\bdata develop\w*|"
    r"\b(?:hadoop|hortonworks|cloudera|hive) (?:engineer|developer|admin)\w*|"
    # "Software Engineer, Data" (folded); a compliance or security engineer's specialty "data"
    # is the data they guard, not data engineering
    r"(?<!compliance )(?<!security )\bengineer\w* data(?: (?:&|and) platform)?$"
)
# Computer vision and perception engineers build deep networks for images and sensors: their
# titles name the deep-learning specialty itself, unlike "ML Engineer, Computer Vision".
VISION = rx(
    r"computer vision|\bcv\b|perception|machine vision|vision systems?|vision por computador|"
    r"visao computacional|"
    r"vision par ordinateur|widzenia komputerowego|bildverarbeitung"
)
ML_WORDS = rx(r"machine learning|\bml\b|\bmle\b|\bml/ai\b|\bai/ml\b")
DATA_ONLY = rx(r"\b(?:data|dados|datos|daten|donnees|danych)\b")
# Job words that leave a title's field the job itself ("Data Intern", "Data Lead", "Head of
# Data Analytics"); other job nouns name a job of their own ("Data Manager").
DATA_JOB = rx(
    r"\b(?:interns?|internships?|trainees?|estagi\w*|stagiaires?|stage|praktik\w*|"
    r"werkstudent\w*|becari[oa]s?|pasantes?|practicantes?|staz\w*|praktykant\w*|"
    r"analysts?|leads?|leaders?|head|directors?|chief|officers?|vp)\b"
)
# Data words that are no data work: server halls and typing.
NOT_DATA_WORK = rx(r"\bdata (?:cent(?:er|re)s?|entry)\b")
COMPILER = rx(r"\bcompilers?\b|\bkernels?\b|\bfirmware\b")
WEB_SW = rx(
    r"\b(?:back ?end|front ?end|full ?stack|fullstack|mobile|ios|android|web|react|"
    r"javascript|typescript)\b"
)
ANALYST = rx(
    r"(?:data|\bbi\b|business intelligence|analytics|insights?|product|reporting|"
    r"quantitative|quant|statistical|scientific|sql|dados|datos|donnees|danych|daten|datov\w*|gis|"
    r"geospatial) ?(?:analyst|analista|analyste|analytiker|analityk|analyti[ck])\w*|"
    r"(?:analyst|analista|analyste|analityk)\w* "
    r"(?:de |des )?(?:dados|datos|donnees|danych|data|bi\b)|datenanalyst\w*|"
    r"business intelligence|\bbi (?:developer|specialist|lead|manager)|"
    r"analytics (?:lead|manager|specialist)|statistician|statistiker\w*|estatistic\w*|"
    r"^analytics$|\bdata analytics\b"
)
SOFTWARE = rx(
    r"software|engineer\w*|\beng\b|developer\w*|programmer|\bswes?\b|\bsdes?\b|\bdevs?\b|devops|"
    r"\bmobile\b|\bios\b|\bandroid\b|\brails\b|\breact\b|"
    r"\bsre\b|site reliability|entwickler\w*|developpeu\w*|desarrollador\w*|desenvolvedor\w*|"
    r"programist\w*|ingenieur\w*|ingenier[oa]s?\b|engenheir[oa]s?\b|inzynier\w*|architect\w*|"
    r"\bcto\b|hacker|full ?stack|back ?end|front ?end|\bqa\b|tester|\bsdet\b|founding engineer|"
    r"member of technical staff|\bmts\b|\bfdes?\b|tech lead|embedded|firmware|"
    r"\bplatform\b|\binfrastructure\b|\bcoders?\b|technical (?:\w+ )?lead\b|"
    r"^(?:\w+ )?ems?$|"  # engineering managers: "EMs", "Senior EM"
    r"^security$"
)
# A user-interface engineer builds software ("UX Engineer", "Qt/C++ UI Engineers", "Frontend
# Design Systems Engineer"): the design word does not make the job a designer's.
UI_ENGINEER = rx(r"\b(?:ux|ui|design systems?) (?:engineer|developer)")
# An internship that names no field: in a tech hiring thread, a software internship.
BARE_INTERN = rx(
    r"^(?:(?:summer|fall|autumn|winter|spring|\d{4})\s+)?(?:interns?|internships?|co ?ops?|"
    r"interns?/co ?ops?|interns? co ?ops?)(?: \w+)?$"
)
GENERIC_WORDS = wordset(
    "software engineer engineers engineering developer developers dev devs swe swes sde sdes "
    "programmer "
    "programmers member of technical staff mts multiple various roles positions openings "
    "hiring many several and & team founding the a all levels senior sr junior jr staff "
    "principal lead mid level remote full time fulltime position role we are is"
)


# A whole job noun, or engineering as a field ("Engineering Manager, Partnerships", "Head of
# Engineering, Finance Systems"); not as the department of another job ("Engineering
# Recruiter", "Engineering Program Manager", "Data Engineering course developers").
TECH_NOUN = rx(
    r"\b(?:engineers?|developers?|scientists?|analysts?|programmers?|researchers?|swes?|"
    r"sdes?)\b|\bengineering\b(?! (?:recruit\w*|program|project|product|technician|assistant|"
    r"coordinator|course|content|curriculum|writer)\b)"
)
SECURITY = rx(r"security|vulnerab\w*|threat|malware|exploit|reverse engineer")
# Engineering outside software: a title naming one of these fields and no software work is an
# engineer's job of its own wherever the field stands ("Propulsion Engineer II", "Ground
# Systems Engineer, Mechanical", "Electrical Component Engineer", "Engineer III - Senior
# Electrical Engineer"); not "Software Engineer, Hardware Certification" or "Firmware Engineer".
HARDWARE_FIELD = rx(
    r"\b(?:electrical|mechanical|hardware|civil|chemical|manufacturing|mechatronics|rf|analog|"
    r"asic|pcb|structural|propulsion|avionics|materials|environmental|optical|photonics|"
    r"construction|thermal|fluids|hvac|mep|aerospace|nuclear|metallurgical|welding|"
    r"geotechnical|electronics?|mixed signal)\b"
)
SOFTWARE_WORK = rx(
    r"software|firmware|embedded|developers?\b|programm\w*|devops|\bsre\b|site reliability|"
    r"platform|back ?end|front ?end|full ?stack|\bcloud\b|\bweb\b|\bapps?\b|security|"
    r"\bdata\b|simulation|\bqa\b|\bsdet\b|\btools?\b|tooling|\bcode\b|computing|\bfdes?\b|"
    r"forward deployed"
)
# An expert is a software engineer only when the title names a technology ("Kubernetes
# experts", "Security experts"); an auction house's "Expert Comics" is not.
EXPERT = rx(r"\bexperts?\b")


# Nouns that make a phrase a job title, in every language above (matched on folded text).
# Extractors ask `names_a_job` to tell a title from a company name, a place or a sentence, so
# there is one list of job words for the whole project.
_JOB_NOUN_WORDS = (
    # English
    r"engineers?|eng|engineering managers?|developers?|devs|scientists?|researchers?|"
    # a field's "Dev" ending a title with a level ("Sr Software Dev", "Senior Mobile Dev
    # (Remote)"); not prose ("we do web dev for clients", "React, mobile dev & …"), a tool
    # ("mobile dev tools") or DevOps
    r"(?:senior|sr|junior|jr|lead|staff|principal) (?:software|mobile|web|ios|android|game|app) "
    r"dev(?=$| (?:remote|onsite|on site|full ?time|part ?time|contract|contractor)$)|"
    r"designers?|managers?|leads?|architects?|analysts?|directors?|head of \w+|vp|vps|cto|"
    r"sres?|devops|programmers?|administrators?|specialists?|consultants?|recruiters?|"
    r"hackers?|coders|bioengineers?|technicians?|writers?|officers?|representatives?|counsel|fellows?|postdocs?|"
    r"coordinators?|executives?|execs?|fdes?|advocates?|evangelists?|generalists?|experts?|mles?|swes?|"
    r"sdes?|sdets?|aes?|sdrs?|bdrs?|interns?|internships?|pms?|tpms?|product owners?|marketers?|"
    r"strategists?|mathematicians?|physicists?|statisticians?|economists?|chemists?|"
    r"biologists?|instructors?|teachers?|tutors?|trainers?|editors?|producers?|artists?|"
    r"animators?|accountants?|controllers?|assistants?|associates?|annotators?|labelers?|"
    r"reviewers?|member of technical staff|mts|teamleads?|back ?end|front ?end|full ?stack|"
    r"sys ?admins?|admins?|devrel|sales ?(?:people|person|reps?)|"
    r"assemblers?|fellowships?|technologists?|machinists?|electricians?|welders?|"
    r"photographers?|copywriters?|nurses?|physicians?|clinicians?|pharmacists?|therapists?|"
    r"attorneys?|lawyers?|paralegals?|actuar(?:y|ies)|auditors?|underwriters?|receptionists?|"
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
)
_JOB_NOUNS = rx(rf"\b(?:{_JOB_NOUN_WORDS})\b")
# One pass over a folded text tells whether it holds a literal some job noun needs: most body
# lines hold none and skip the search, whose alternatives are tried at every word.
_JOB_NOUN_CHECK = Prefilter([_JOB_NOUNS], split=False)
# The search: the same nouns under their first letters, tried a couple of dozen at each word
# instead of all of them (the check reads its literals from the nouns as written).
_ANY_JOB_NOUN = rx(rf"\b(?:{by_first_letter(_JOB_NOUN_WORDS)})\b")


def _job_noun(folded: str) -> bool:
    return _JOB_NOUN_CHECK.may_match(folded) and bool(_ANY_JOB_NOUN.search(folded))


# The head noun of a job title, in the languages `names_a_job` reads (on folded text): with
# one, "X: tool, tool" is a role and its stack; without ("Backend: FastAPI, Yjs"), a team's.
JOB_HEAD = re.compile(
    r"\b(?:engineer|developer|scientist|manager|designer|analyst|lead|director|architect|"
    r"researcher|intern)s?\b|"
    r"\b(?:ingenieur\w*|ingenier[oa]s?|engenheir[oa]s?|inzynier\w*|entwickler\w*|"
    r"developpeu\w*|desarrollador\w*|desenvolvedor\w*|programador\w*|programist\w*|"
    r"cientific[oa]s?|cientistas?|scientifique|analyste?s?|analistas?|analityk\w*|stagiaire|"
    r"estagi\w*|praktikant\w*|werkstudent\w*|forscher\w*|chercheu\w*|investigador\w*|"
    r"pesquisador\w*)\b",
    re.I,
)


@lru_cache(maxsize=8192)  # extractors ask it of a comment's titles again
def has_job_head(text: str) -> bool:
    """Whether `text` holds a job title's head noun (or a gender marker only titles carry)."""
    return bool(JOB_HEAD.search(fold(text))) or _gender_marked(text)


@lru_cache(maxsize=8192)  # extractors ask it of every header segment and body line
def names_a_job(text: str) -> bool:
    """Whether `text` names a job: a job noun in English, German, French, Spanish,
    Portuguese, Polish or Dutch ("Data Engineer", "Científico/a de Datos", "Inżynier ML"), or a
    gender marker that only job titles carry ("(m/w/d)", "H/F")."""
    folded = fold(text)
    return _job_noun(folded) or _gender_marked(text or "") or _misspelt_noun(folded)


def _gender_marked(text: str) -> bool:
    """Whether GENDER matches `text`: each of its matches holds "(", "/" or (in a `lowered`
    text) "genders", so most lines are not searched."""
    may = "(" in text or "/" in text or "genders" in lowered(text)
    return may and GENDER.search(text) is not None


# The English job nouns a typo may spell ("Engineeer", "Desginers", "Reserchers").
_TYPO_NOUNS = (
    "engineer", "developer", "designer", "researcher", "scientist", "architect", "programmer",
    "analyst",
)  # fmt: skip
_LONG_WORD = re.compile(r"[a-z]{6,}")


def _slips(noun: str) -> set[str]:
    """The noun with one letter inserted, dropped or two neighbours swapped, its first two
    letters kept: "engineeer", "reserchr"; not its last letter dropped ("researche" + "s" is
    the verb "researches") nor one letter changed ("designed", "developed")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    inserted = {noun[:i] + c + noun[i:] for i in range(len(noun)) for c in letters}
    dropped = {noun[:i] + noun[i + 1 :] for i in range(len(noun) - 1)}
    swapped = {noun[:i] + noun[i + 1] + noun[i] + noun[i + 2 :] for i in range(len(noun) - 1)}
    return {w for w in inserted | dropped | swapped if w != noun and w[:2] == noun[:2]}


_MISSPELT = {slip: noun for noun in _TYPO_NOUNS for slip in _slips(noun)}
# The words `_spelt` respells: a slip, or a slip and a plural "s" (a slip ending in "s" is
# read as the plural of another, so it is not one on its own).
_MISSPELT_WORDS = frozenset(
    [slip + "s" for slip in _MISSPELT] + [slip for slip in _MISSPELT if not slip.endswith("s")]
)


def _misspelt_noun(folded: str) -> bool:
    """Whether a word is an English job noun with a slip of the keyboard (`_slips`)."""
    return not _MISSPELT_WORDS.isdisjoint(_LONG_WORD.findall(folded))


def _spelt(word: str) -> str:
    stem, plural = (word[:-1], "s") if word.endswith("s") else (word, "")
    noun = _MISSPELT.get(stem)
    return noun + plural if noun else word


def respell_job_nouns(folded: str) -> str:
    """A folded title with its misspelt job nouns spelt right ("perception engineeer" ->
    "perception engineer"), so the role rules read the noun the writer meant."""
    if not _misspelt_noun(folded):
        return folded
    return _LONG_WORD.sub(lambda m: _spelt(m.group()), folded)
