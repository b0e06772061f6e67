"""Table-driven tests for the skill matcher and the taxonomy file."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest
import yaml

from pipelines import skills as skills_module
from pipelines.skills import (
    CATEGORIES,
    asked_of,
    canonical_skill,
    extract_skills,
    skill_category,
    tag_skills,
    taxonomy,
)

# (text, exact list of canonical skills in order of first mention)
EXACT = [
    ("We use PyTorch and scikit-learn.", ["pytorch", "scikit-learn"]),
    ("pytorch, sklearn, torch", ["pytorch", "scikit-learn"]),
    ("Experience with scikit learn or TensorFlow", ["scikit-learn", "tensorflow"]),
    ("k8s and Docker on GCP", ["kubernetes", "docker", "gcp"]),
    ("Kubernetes (K8s) experience", ["kubernetes"]),
    ("Postgres or PostgreSQL, MySQL", ["postgresql", "mysql"]),
    ("Google Cloud Platform and AWS", ["gcp", "aws"]),
    ("Azure or Google Cloud", ["azure", "gcp"]),
    ("LLMs and RAG pipelines", ["llm", "rag"]),
    ("Large Language Models", ["llm"]),
    ("retrieval-augmented generation with LangChain", ["rag", "langchain"]),
    ("Hugging Face and vLLM", ["hugging-face", "vllm"]),
    ("HF Transformers", ["hugging-face"]),
    ("HuggingFace transformers library", ["hugging-face"]),
    ("Spark, PySpark and Apache Spark", ["spark"]),
    ("Spark jobs on Databricks", ["spark", "databricks"]),
    ("We write C++ and C#.", ["c++", "c#"]),
    ("Modern C++17 codebase", ["c++"]),
    ("C/C++ firmware", ["c", "c++", "embedded-systems"]),
    (".NET Core services and Node.js", ["dotnet", "node-js"]),
    ("ASP.NET MVC apps", ["asp-net"]),
    ("Go/Python backend", ["go", "python"]),
    ("Python/Go services", ["python", "go"]),
    ("Golang microservices", ["go", "microservices"]),
    ("Languages: Go, Rust, Zig", ["go", "rust", "zig"]),
    ("Senior Go Engineer wanted", ["go"]),
    ("We write everything in Go.", ["go"]),
    ("Platform Dev (Go)", ["go"]),
    ("Go developers wanted", ["go"]),
    ("R, Python and SQL", ["r", "python", "sql"]),
    ("R/Python for analysis", ["r", "python"]),
    ("statistical modelling in R", ["statistics", "r"]),
    ("R programming is a plus", ["r"]),
    ("RStudio and Tidyverse", ["r"]),
    ("Python, C, Java", ["python", "c", "java"]),
    ("mostly written in Rust today", ["rust"]),
    ("Rust experience required", ["rust"]),
    ("Rust, Go, TypeScript", ["rust", "go", "typescript"]),
    ("Swift and Kotlin for mobile", ["swift", "kotlin"]),
    ("iOS apps (Swift / SwiftUI)", ["swift", "swiftui"]),
    ("Dart/Flutter developer", ["dart", "flutter"]),
    ("Julia, Python or R", ["julia", "python", "r"]),
    ("code in Julia", ["julia"]),
    ("our Ruby on Rails monolith", ["rails"]),
    ("Ruby, Elixir, Erlang", ["ruby", "elixir", "erlang"]),
    ("Scala and Akka", ["scala", "akka"]),
    ("Scala developer", ["scala"]),
    ("Elixir/Phoenix LV", ["elixir", "phoenix"]),
    ("Excel, SQL, Tableau", ["excel", "sql", "tableau"]),
    ("needs advanced Excel skills daily", ["excel"]),
    ("Microsoft Excel", ["excel"]),
    ("Keras and JAX", ["keras", "jax"]),
    ("Ray, PyTorch, Kubernetes", ["ray", "pytorch", "kubernetes"]),
    ("Ray Serve for inference", ["ray-ml"]),
    ("Flask or FastAPI", ["flask", "fastapi"]),
    ("Airflow, dbt and Snowflake", ["airflow", "dbt", "snowflake"]),
    ("Apache Airflow DAGs", ["airflow"]),
    ("Docker; Terraform", ["docker", "terraform"]),
    ("Chef, Puppet or Ansible", ["chef", "puppet", "ansible"]),
    ("Ansible, Salt, Chef", ["ansible", "saltstack", "chef"]),
    ("SaltStack configs", ["saltstack"]),
    ("CMake, Make, Bazel", ["cmake", "make", "bazel"]),
    ("Makefiles and Bazel", ["make", "bazel"]),
    ("React Native and React", ["react-native", "react"]),
    ("React.js, Vue.js, Angular", ["react", "vue", "angular"]),
    ("Next.js with TypeScript", ["next-js", "typescript"]),
    ("Express.js and MongoDB", ["express", "mongodb"]),
    ("NodeJS + Express + Mongo", ["node-js", "express", "mongodb"]),
    ("Spring Boot microservices in Java", ["spring", "microservices", "java"]),
    ("XGBoost, LightGBM, CatBoost", ["xgboost", "lightgbm", "catboost"]),
    ("pandas and NumPy", ["pandas", "numpy"]),
    ("Polars DataFrames", ["polars"]),
    ("MLflow and Kubeflow Pipelines", ["mlflow", "kubeflow"]),
    ("Weights & Biases for tracking", ["wandb"]),
    ("W&B", ["wandb"]),
    ("SageMaker and Vertex AI", ["sagemaker", "vertex-ai"]),
    ("Amazon Bedrock", ["bedrock"]),
    ("Azure OpenAI Service", ["azure-openai"]),
    ("OpenAI API and Claude API", ["openai", "anthropic"]),
    ("Pinecone or pgvector", ["pinecone", "pgvector"]),
    ("vector databases such as Qdrant", ["vector-database", "qdrant"]),
    ("LlamaIndex and LangGraph", ["llamaindex", "langgraph"]),
    ("fine-tuning with LoRA and QLoRA", ["fine-tuning", "lora"]),
    ("RLHF and DPO", ["rlhf", "dpo"]),
    ("prompt engineering", ["prompt-engineering"]),
    ("Stable Diffusion models", ["stable-diffusion"]),
    ("diffusion models and GANs", ["diffusion-models", "gans"]),
    ("computer vision with OpenCV", ["computer-vision", "opencv"]),
    ("natural language processing (NLP)", ["nlp"]),
    ("NLP, spaCy, NLTK", ["nlp", "spacy", "nltk"]),
    ("reinforcement learning", ["reinforcement-learning"]),
    ("recommendation systems", ["recommender-systems"]),
    ("time series forecasting", ["time-series"]),
    ("A/B testing and causal inference", ["ab-testing", "causal-inference"]),
    ("Bayesian statistics", ["bayesian-statistics"]),
    ("linear algebra and probability theory", ["linear-algebra", "probability"]),
    ("CUDA kernels and Triton Inference Server", ["cuda", "triton-inference-server"]),
    ("TensorRT and ONNX Runtime", ["tensorrt", "onnx"]),
    ("DeepSpeed, FSDP, Megatron-LM", ["deepspeed", "fsdp", "megatron-lm"]),
    ("Kafka and Flink", ["kafka", "flink"]),
    ("BigQuery, Redshift, ClickHouse", ["bigquery", "redshift", "clickhouse"]),
    ("Elasticsearch and OpenSearch", ["elasticsearch", "opensearch"]),
    ("Redis, Cassandra, DynamoDB", ["redis", "cassandra", "dynamodb"]),
    ("SQL Server and T-SQL", ["sql-server"]),
    ("GitHub Actions CI/CD", ["github-actions", "ci-cd"]),
    ("Prometheus and Grafana", ["prometheus", "grafana"]),
    ("Linux, Bash scripting", ["linux", "bash"]),
    ("MATLAB/Simulink", ["matlab"]),
    ("Objective-C and Swift", ["objective-c", "swift"]),
    ("F# and OCaml", ["f#", "ocaml"]),
    ("Haskell, Clojure", ["haskell", "clojure"]),
    ("PHP and Laravel", ["php", "laravel"]),
    ("Power BI and Looker", ["power-bi", "looker"]),
    ("dbt Core models", ["dbt"]),
    ("MLOps experience", ["mlops"]),
    ("machine learning and deep learning", ["machine-learning", "deep-learning"]),
    ("GenAI products", ["generative-ai"]),
    ("AI agents with MCP", ["ai-agents", "mcp"]),
    ("Model Context Protocol servers", ["mcp"]),
    ("REST APIs and GraphQL", ["rest-api", "graphql"]),
    ("gRPC/protobuf", ["grpc"]),
    ("Jupyter notebooks", ["jupyter"]),
    ("Cloud Run and Pub/Sub", ["cloud-run", "pubsub"]),
    ("SQS, SNS, S3", ["aws", "s3"]),
    ("Delta Lake on Databricks", ["delta-lake", "databricks"]),
    ("Apache Iceberg tables", ["iceberg"]),
    ("ROS2 and SLAM", ["ros", "slam"]),
    ("speech recognition (ASR) and TTS", ["speech-recognition", "text-to-speech"]),
    ("Slurm on H100 clusters", ["slurm", "gpu"]),
    ("Terraform, Helm, Argo CD", ["terraform", "helm", "argo"]),
    ("Helm charts", ["helm"]),
    ("Jenkins pipelines for releases", ["jenkins"]),
    ("HashiCorp Vault", ["vault"]),
    ("Neo4j graph", ["neo4j"]),
    ("Snowflake and Fivetran", ["snowflake", "fivetran"]),
    ("Great Expectations checks", ["great-expectations"]),
    ("Ruby/Go", ["ruby", "go"]),
    ("Go, Elixir, or Ruby", ["go", "elixir", "ruby"]),
    ("SAS, SPSS, Stata", ["sas", "spss", "stata"]),
    ("Python (pandas, PyTorch)", ["python", "pandas", "pytorch"]),
    ("PYTORCH", ["pytorch"]),
    ("fine‑tuning", ["fine-tuning"]),  # non-breaking hyphen
    ("machine\u00a0learning", ["machine-learning"]),
    ("Datenanalyse mit Python und SQL", ["python", "sql"]),
    ("Expérience en Python et Docker", ["python", "docker"]),
    # concept skills: the field asked for counts, a job or team named after it does not
    ("Experience applying machine learning to pricing", ["machine-learning"]),
    ("PhD in ML or a related field", ["machine-learning"]),
    ("Data Scientist, NLP", ["nlp"]),
    ("Quantitative Analyst (ML)", ["machine-learning"]),
    ("Senior Machine Learning Engineer", []),
    ("Join our computer vision team", []),
    ("We hire ML and data engineers", []),
    ("We are not an ML shop", []),
    ("Ingeniera/o de Machine Learning", []),
    ("Ingénieur·e Machine Learning", []),
    ("Praktikum Machine Learning (m/w/d)", []),
    ("MLOps Engineer with Kubeflow", ["kubeflow"]),
    ("Head of Machine Learning", []),
    ("ML Research Engineer", []),
    ("Robotics Software Engineer", []),
    ("Autonomous Driving Engineer", []),
    ("Experience shipping autonomous driving stacks", ["autonomous-driving"]),
    ("Cybersecurity startup hiring its first SRE", ["sre"]),
    ("You will build AI agents for our clients", ["ai-agents"]),
    ("You will work with the SWE, SRE and PM teams", []),
    ("You bring SRE practices: SLOs, error budgets", ["sre"]),
    ("Fine-tune models with Hugging Face; call the OpenAI API.", ["hugging-face", "openai"]),
    ("We work in an agile development environment.", ["agile"]),
    ("You are a strong engineer with deep learning experience.", ["deep-learning"]),
    ("Agile/Scrum, Kanban", ["agile"]),
    ("STACK: REACT, NODE.JS, AWS", ["react", "node-js", "aws"]),
    ("Log every call using CRM tools", ["crm"]),
    ("Payments go through Stripe and Postgres", ["stripe", "postgresql"]),
    ("Triage the Sentry alerts of each release", ["sentry"]),
    ("Tune RDS instances and write IAM policies", ["rds", "iam"]),
    ("Our backend: AWS (Lambda, S3, DynamoDB)", ["aws", "aws-lambda", "s3", "dynamodb"]),
    ("You join daily scrums with the team", ["agile"]),
    ("We practise Test Driven Development", ["tdd"]),
    ("Experience with a CRM such as Pipedrive", ["crm"]),
]

# (text, skill that must NOT be found)
TRAPS = [
    # The AI tools everyone is asked to use are not the field ("ML tooling", "agentic tools").
    ("Use modern AI and ML tooling to ship faster.", "machine-learning"),
    ("Our toolbox: Gradle, GitHub and agentic tools like Cursor.", "ai-agents"),
    # Lua's Torch (before PyTorch) and Team Fortress 2 are not PyTorch and TensorFlow.
    ("Torch, Lua and Caffe for our vision research", "pytorch"),
    ("We play TF2 on Fridays", "tensorflow"),
    # Stripe the customer or past employer, and a stripe, are not the payments API
    ("Trusted by Stripe and Shopify", "stripe"),
    ("I led the billing team at Stripe", "stripe"),
    ("A logo with a red stripe", "stripe"),
    ("Sentry Hill Partners is our landlord", "sentry"),
    ("Lambda School alumni welcome", "aws-lambda"),
    # "CRM" as a marketing channel or a team, not the tool
    ("Lead campaigns across CRM, paid social and PR", "crm"),
    ("Own our CRM strategy for Europe", "crm"),
    ("Let's go to market next quarter", "go"),
    ("our go-to-market plan", "go"),
    ("Go-to-market lead", "go"),
    ("We had to go back", "go"),
    ("Ready to go!", "go"),
    ("Let's Go!", "go"),
    ("founded two years ago", "go"),
    ("Go to our careers page", "go"),
    ("Go team!", "go"),
    ("Pokemon Go fans", "go"),
    ("Our R&D team", "r"),
    ("in R&D", "r"),
    ("Q&R session", "r"),
    ("R. Smith founded us", "r"),
    ("Salary R$10k", "r"),
    ("R & A department", "r"),
    ("fresh Series C round", "c"),
    ("Plan C for everyone", "c"),
    ("C-suite executives", "c"),
    ("Vitamin C", "c"),
    ("Ray Dalio said", "ray"),
    ("send your CV to Ray", "ray"),
    ("x-ray imaging", "ray"),
    ("a ray of hope", "ray"),
    ("Julia from our team will call", "julia"),
    ("Ask Julia's team", "julia"),
    ("sparked a revolution", "spark"),
    ("spark joy in customers", "spark"),
    ("Spark Capital led our round", "spark"),
    ("Spark your career", "spark"),
    ("swift delivery", "swift"),
    ("Swift delivery of features", "swift"),
    ("we excel at design", "excel"),
    ("Excel in a fast team", "excel"),
    ("the rust belt", "rust"),
    ("Rust belt towns", "rust"),
    ("rust on metal", "rust"),
    ("Ruby, our office manager", "ruby"),
    ("a ruby ring", "ruby"),
    ("a pinch of salt", "saltstack"),
    ("HQ: Salt Lake City", "saltstack"),
    ("Head Chef wanted", "chef"),
    ("our chef cooks lunch", "chef"),
    ("puppet show", "puppet"),
    ("Make a dent in healthcare", "make"),
    ("Make sure tests pass", "make"),
    ("a flask of coffee", "flask"),
    ("airflow in the data center", "airflow"),
    ("rag doll", "rag"),
    ("react quickly to incidents", "react"),
    ("Keras", "tensorflow"),
    ("at the helm of the company", "helm"),
    ("Jenkins, our founder", "jenkins"),
    ("Oracle Park office", "oracle-db"),
    ("Spring Discovery is hiring", "spring"),
    ("in spring 2025", "spring"),
    ("Express delivery", "express"),
    ("CNN reported", "cnn"),
    ("our hospital EMR (records) vendor", "emr"),
    ("Node in a graph", "node-js"),
    ("torch.nn.Module", "pytorch"),
    ("see https://pytorch.org/docs", "pytorch"),
    ("mail jobs@golang.example.com", "go"),
    ("Elixir of life", "elixir"),
    ("Dart board", "dart"),
    ("a spring in our step", "spring"),
    ("dart and swift", "dart"),
    ("The Scala theatre", "scala"),
    ("prefect organisation", "prefect"),
    ("Digital H2O", "h2o"),
    ("Cassandra is our recruiter", "cassandra"),
    ("the vue from the office", "vue"),
    ("sell a Gatsby novel", "gatsby"),
    ("fine-tune our hiring process", "fine-tuning"),
    ("Monte Carlo is our data observability vendor", "r"),
    ("Apache License", "spark"),
    ("a beam of light", "beam"),
    ("a hive of activity", "hive"),
    ("on a short timescale", "timescaledb"),
    ("Gymnasium Oberstufe", "gymnasium"),
    ("O1 visa sponsorship", "openai"),
    ("UC Berkeley", "c"),
    ("AT&T", "r"),
    ("Clean Code", "c"),
    # A case-sensitive name in lower case outside a list of tools is a plain word.
    ("We react quickly to the rest of the market", "react"),
    ("Let us go, react and adapt", "react"),
    ("the rest of Python", "rest-api"),
    ("Torch, TensorFlow and Caffe", "pytorch"),  # other case, not lower case: Lua's Torch
    # A vendor named as a customer, backer, partner or owner is not a tool the job uses.
    ("Our product is used by Acme, Stripe, Anthropic and Globex.", "anthropic"),
    ("Backed by angels from OpenAI and Hugging Face.", "hugging-face"),
    ("We partner with OpenAI on evaluations.", "openai"),
    ("Now part of Salesforce, we help support teams.", "salesforce"),
    ("Our founders are ex-Databricks engineers.", "databricks"),
    ("Chosen by 9,000 companies (including Acme, OpenAI and Globex).", "openai"),
    ("Used by the security teams of top companies, including Fastly, Cloudflare.", "cloudflare"),
    # Ambiguous aliases: a trait, generic words, another API, other kinds of model.
    ("She stays agile when priorities shift.", "agile"),
    ("Build dashboards for the finance team", "data-visualization"),
    ("Unit testing and code reviews are part of the job", "tdd"),
    ("We render maps with WebGPU", "three-js"),
    ("Know your data structures", "algorithms"),
    ("Tabular foundation models for science", "llm"),
    # A domain that only names the job or the company.
    ("Firmware/Embedded Systems Engineer", "embedded-systems"),
    ("Acme is a search engine company", "search-engines"),
    ("Distributed Systems Engineer", "distributed-systems"),
    ("Incident Response Analyst - REACT", "react"),  # a program's acronym, not React
    # ...or the sentence that says what the company is (its name often blanked out).
    ("Acme is a flight ticket search engine offering cheap fares.", "search-engines"),
    ("   is an HPC consultancy for labs. You will write Go.", "hpc"),
    ("We're a deep learning lab in Lisbon.", "deep-learning"),
    # A plain word that a product is named after, and products that are not the skill.
    ("A happy confluence of sea and mountain air.", "jira"),
    ("ActiveMQ and Kafka", "rabbitmq"),
    ("Tune models with Bayesian optimization", "bayesian-statistics"),
]

# Tech lists written in lower case (as Hacker News posts often are): a case-sensitive name in
# lower case counts where it stands in a list beside a skill that counts by itself.
LOWER_CASE_LISTS = [
    (
        "Our stack is react, meteor, node, typescript, AWS.",
        ["react", "node-js", "typescript", "aws"],
    ),
    (
        "Our stack: ruby, rails, react, mongo, postgres",
        ["ruby", "rails", "react", "mongodb", "postgresql"],
    ),
    (
        "go, python, angular.js, react, javascript",
        ["go", "python", "angular", "react", "javascript"],
    ),
    ("react and flask", []),  # two lower-case names, nothing that counts by itself
]


TAXONOMY_SPELLINGS = [
    ("Search runs on SolrCloud.", ["solr"]),
    ("Tune models with Bayesian optimization", ["optimization"]),
    ("Docs live in Confluence and Jira.", ["jira"]),
]


@pytest.mark.parametrize(("text", "expected"), TAXONOMY_SPELLINGS)
def test_taxonomy_spellings(text: str, expected: list[str]) -> None:
    assert extract_skills(text) == expected


def test_a_non_technical_job_is_asked_for_tools_not_fields() -> None:
    """A policy lead "fluent with AI tools, including large language models" is not asked for
    LLMs; an NLP engineer, or a job whose title names the field, is."""
    found = ["llm", "figma", "nlp"]
    assert asked_of(found, "Head of Policy", technical=False) == ["figma"]
    assert asked_of(found, "Product Manager, NLP", technical=False) == ["figma", "nlp"]
    assert asked_of(found, "NLP Engineer", technical=True) == found


def test_a_non_technical_job_is_asked_for_the_field_its_title_names_as_the_job() -> None:
    """Security and AI agents are fields: a brand manager at a cybersecurity firm or a voice
    contributor who talks to "an AI agent" is not asked for them, a job named after the field
    is, by an alias ("Threat Intelligence Analyst") or by the field's own name ("Security
    Intern")."""
    found = ["security", "ai-agents", "excel"]
    assert asked_of(found, "Brand Marketing Manager", technical=False) == ["excel"]
    assert asked_of(found, "Threat Intelligence Analyst", technical=False) == [
        "security",
        "excel",
    ]
    assert asked_of(found, "Security Intern", technical=False) == ["security", "excel"]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_extract_exact(text: str, expected: list[str]) -> None:
    assert extract_skills(text) == expected


@pytest.mark.parametrize(("text", "absent"), TRAPS)
def test_false_hit_traps(text: str, absent: str) -> None:
    assert absent not in extract_skills(text)


@pytest.mark.parametrize(("text", "expected"), LOWER_CASE_LISTS)
def test_lower_case_names_count_in_lists_of_tools(text: str, expected: list[str]) -> None:
    assert extract_skills(text) == expected


def test_order_of_first_mention_and_no_repeats() -> None:
    text = "Docker, then Python. Later Docker again and python3, then AWS."
    assert extract_skills(text) == ["docker", "python", "aws"]


def test_empty_and_plain_text() -> None:
    assert extract_skills("") == []
    assert extract_skills("We are a friendly team that loves customers.") == []


def test_tags_that_are_ordinary_words_need_the_text() -> None:
    # "go" on a go-to-market job, "c" on a Series C company: only with the text's word or
    # beside a tag that names a technology by itself.
    assert tag_skills(["design", "go", "health", "c", "AI/ML"], []) == []
    assert tag_skills(["go", "c"], ["c", "go"]) == ["go", "c"]
    assert tag_skills(["marketing", "golang"], []) == ["go"]
    assert tag_skills(["kubernetes", "aws", "go"], []) == ["kubernetes", "aws", "go"]


def test_field_tags_need_the_text() -> None:
    # A board tags a platform job at a cyber-defence company "security": the domain, not a
    # skill asked for, unless the text mentions it too.
    tags = ["security", "kubernetes"]
    assert tag_skills(tags, ["kubernetes"], "Run our Kubernetes fleet.") == ["kubernetes"]
    cleared = "Run our Kubernetes fleet; US security clearance required."
    assert tag_skills(tags, ["kubernetes"], cleared) == ["kubernetes"]
    # Without a text (an ML job, whose field tag is its field) the tag is trusted.
    assert tag_skills(["nlp"], []) == ["nlp"]
    harden = "Harden the network security of our Kubernetes fleet."
    assert tag_skills(tags, ["kubernetes"], harden) == ["security", "kubernetes"]


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("pytorch", "ml_framework"),
        ("python", "language"),
        ("rag", "llm_genai"),
        ("kubernetes", "infrastructure"),
        ("postgresql", "database"),
        ("aws", "cloud"),
        ("mlflow", "mlops"),
        ("airflow", "data_tooling"),
        ("statistics", "math_statistics"),
        ("react", "web"),
        ("nlp", "other"),
        ("no-such-skill", None),
    ],
)
def test_skill_category(name: str, category: str | None) -> None:
    assert skill_category(name) == category


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("go", "go"),
        ("golang", "go"),
        ("k8s", "kubernetes"),
        ("c", "c"),
        ("excel", "excel"),
        ("PyTorch", "pytorch"),
        ("  ruby ", "ruby"),
        ("digital nomad", None),
    ],
)
def test_canonical_skill_for_tags(raw: str, expected: str | None) -> None:
    assert canonical_skill(raw) == expected


# ---------------------------------------------------------------- taxonomy integrity


def _raw_yaml() -> dict:
    text = resources.files("pipelines").joinpath("data/skills.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def test_taxonomy_size_and_shape() -> None:
    tax = taxonomy()
    assert len(tax) >= 400
    for name, entry in tax.items():
        assert set(entry) == {"category", "aliases"}
        assert entry["aliases"], name


def test_canonical_names_unique_and_slugs() -> None:
    raw = _raw_yaml()["skills"]
    assert len(raw) == len(set(raw))
    for name in raw:
        assert name == name.lower() and " " not in name, name


def test_every_category_valid() -> None:
    for name, entry in taxonomy().items():
        assert entry["category"] in CATEGORIES, name


def test_no_alias_shared_by_two_skills() -> None:
    owners: dict[str, set[str]] = {}
    for name, entry in taxonomy().items():
        for alias in entry["aliases"]:
            owners.setdefault(alias.lower(), set()).add(name)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_no_duplicate_alias_within_a_skill() -> None:
    for name, entry in taxonomy().items():
        counts = Counter(entry["aliases"])
        assert max(counts.values()) == 1, name


def test_alias_flags_are_known() -> None:
    allowed = {"text", "case_sensitive", "needs_context", "before", "after"}
    for name, spec in _raw_yaml()["skills"].items():
        for alias in spec["aliases"]:
            if isinstance(alias, dict):
                assert set(alias) <= allowed, name
                assert "text" in alias, name


def test_every_skill_findable_by_some_alias() -> None:
    """Each skill has at least one alias that extract_skills finds in a plain tech list."""
    missing = []
    for name, entry in taxonomy().items():
        if not any(name in extract_skills(f"Python, {a}, SQL") for a in entry["aliases"]):
            missing.append(name)
    assert missing == []


def test_taxonomy_returns_copy() -> None:
    tax = taxonomy()
    tax["pytorch"]["aliases"].clear()
    assert taxonomy()["pytorch"]["aliases"]


@pytest.mark.parametrize(
    "text",
    [
        "Mail jobs@acme.io or see https://acme.io/go and www.acme.dev/r, not a@b",
        "x.y+z@mail.example.org\nhttp:// @ @@a.b -q@w.e www.",
        "Go, R and C at user.@acme.io;http://r.io?q=go",
    ],
)
def test_links_are_blanked_run_by_run_as_over_the_whole_text(text: str) -> None:
    whole = skills_module._URL.sub(lambda m: " " * len(m.group()), text)
    assert skills_module.masked_links(text) == whole


def test_fold_keeps_length_and_reads_spaces_dashes_and_apostrophes_alike() -> None:
    text = "Go\u00a0/\u2009Rust\u202f\tC++\r\u2010\u2011\u2012\u2013\u2014 Julia\u2019s İO"
    table = str.maketrans(dict(skills_module._NORMALIZE))
    folded = skills_module._fold(text)
    assert len(folded) == len(text)
    assert folded == "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(table))
    assert folded.startswith("go / rust  c++ ----- julia's")


@pytest.mark.parametrize("text", ["go, r and c", "r", "xr rx r_ _r", "é r", "(c) c++ c#", "r\nc"])
def test_lone_letters_are_found_as_by_the_look_behind_first_pattern(text: str) -> None:
    letters, alone = skills_module._letters()
    chars = "".join(re.escape(k) for k in sorted(letters))
    plain = re.compile(rf"(?<!\w)[{chars}](?!\w)")
    assert [m.span() for m in alone.finditer(text)] == [m.span() for m in plain.finditer(text)]
