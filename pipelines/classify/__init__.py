"""Role, seniority, is_ml and subfields of a posting, from its title (and description).

Modules: `jobwords` (the vocabulary and `names_a_job`), `roles` (role and is_ml),
`seniority` and `subfields`; titles are folded by `pipelines.folding.fold`.

Titles are folded first (lowercase, accents stripped, gender markers such as "(m/w/d)", "H/F"
or "(K/M)" dropped, hyphens to spaces), then matched against ordered rules; the first rule
that fires wins. Titles in English, German, French, Spanish, Portuguese and Polish are covered.

Decisions (DESIGN.md leaves them open):

- "Research Engineer" is `research_scientist`: DESIGN has no research-engineer role, and at the
  labs that use the title it is research-track work. "Researcher" is too; UX, user, market,
  design and clinical research are `other`, and so are security researchers ("Vulnerability
  Researcher"; a security research engineer is a `software_engineer`).
- "Machine Learning Scientist"/"AI Scientist" are `research_scientist`; "Applied Scientist"
  (and "Applied Research Scientist") is `applied_scientist`.
- "Software Engineer, Machine Learning" is `ml_engineer` (ML is the specialty); "Backend/
  Frontend/Full Stack/Mobile Engineer, ML" stays `software_engineer`. is_ml follows the role.
- ML infrastructure, ML platform, MLOps, inference infrastructure titles are `mlops_engineer`, and
  so is an ML engineer on a DevOps/SRE or cloud-infrastructure team; "ML Systems" alone is not.
- The ML fields labs name their teams after (pre-/post-training, RL, foundation models,
  multimodal) make an engineer's or a Member of Technical Staff's title `ml_engineer`.
- Computer vision and perception engineers ("Perception Engineer", "Senior CV Engineer",
  "Ingeniero de Visión por Computador") are `deep_learning_engineer`, and so is the field
  named alone for a job ("Computer vision", "Perception"); with ML in the title
  ("ML Engineer, Computer Vision") they stay `ml_engineer`. Compiler, kernel and firmware
  engineers are `software_engineer` even for ML accelerators.
- A title whose only field is "data" ("Data Intern", "Estágio em Dados", "Data Lead") is
  `data_analyst`; with a job noun of its own ("Data Manager", "Data Center Technician") it is
  `other`. The bare word "Data" is a team named beside engineering ones ("backend, iOS,
  data"): `data_engineer`.
- "AI Solutions Engineer" and "AI Development <noun>" are `ai_engineer`: the AI work names the
  job; a "Physician-Scientist" is a scientist.
- A list of specialties in parentheses that holds software work ("Software Engineers (SRE,
  data platform, mobile)") leaves the role of the head; "data/backend engineer" is read as
  "data engineer" and "backend engineer".
- With no title, the post's text decides: the role its hiring sentence names, else
  `software_engineer` when it names the languages it codes in. A role beside others is read
  from its own words (its section and what all roles share), not another role's sentence.
- A software title listed under a heading that names an ML or AI field ("Agentic AI (2
  roles):" over "Platform Engineers, Forward Deployed Engineers") takes the field as its
  specialty; a data-only title over data-pipeline work ("Data Lead": "ingestion,
  warehousing") is `data_engineer`.
- "Analytics Engineer" and data platform titles are `data_engineer`. "Head of Data"/"VP Data"
  (data leadership with no narrower word) is `data_scientist`, the umbrella data role.
- Product managers, designers, recruiters, sales, solutions/sales/support engineers, hardware
  engineers, trainers and annotators are `other` even when the title says AI or ML.
- "Head of" is `director` (it names the top of a function); "Chief"/CTO are `director` too,
  as there is no executive level. People managers are `manager`; product/program/project/
  account managers get no seniority from the word "manager". A range ("Senior/Staff") takes
  the highest level named. The text gives a level only where it names the title with one
  ("hiring a Mid-Level Fullstack Engineer", "Growth Marketer (Entry-level, Remote)") or states
  it outright ("this is an internship").
"""

from pipelines.classify.jobwords import has_job_head, names_a_job
from pipelines.classify.roles import ML_ROLES, ROLES, classify_role, is_ml
from pipelines.classify.seniority import SENIORITIES, classify_seniority
from pipelines.classify.subfields import SUBFIELDS, classify_subfields
from pipelines.folding import fold

__all__ = [
    "ML_ROLES",
    "ROLES",
    "SENIORITIES",
    "SUBFIELDS",
    "classify_role",
    "classify_seniority",
    "classify_subfields",
    "fold",
    "is_ml",
    "has_job_head",
    "names_a_job",
]
