-- Lead lists: people who posted that they seek work, companies that hire, and the hashed
-- identifiers of people who asked to be forgotten. Column names of `candidates` and
-- `companies` are DESIGN.md's stable contract; the rest are additions.

-- One row per post of a person seeking work (a person posting in several months has several).
CREATE TABLE candidate_posts (
    candidate_id   VARCHAR NOT NULL,
    source         VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,
    month          VARCHAR,            -- 'YYYY-MM' of the thread
    posted_at      TIMESTAMP,
    skills         VARCHAR[] NOT NULL,
    roles          VARCHAR[] NOT NULL,
    url            VARCHAR,
    PRIMARY KEY (source, source_id)
);

-- One row per person: their latest post as they wrote it, and when they posted first and last.
CREATE TABLE candidates (
    candidate_id   VARCHAR PRIMARY KEY,
    source         VARCHAR NOT NULL,
    source_id      VARCHAR NOT NULL,   -- the latest post
    handle         VARCHAR NOT NULL,
    location_text  VARCHAR,
    country        VARCHAR,
    region         VARCHAR,
    remote         VARCHAR NOT NULL,   -- what the person accepts: remote/hybrid/onsite/unknown
    relocate       BOOLEAN,            -- NULL: not said, or "maybe"
    skills         VARCHAR[] NOT NULL,
    roles          VARCHAR[] NOT NULL,
    seniority      VARCHAR NOT NULL,
    email          VARCHAR,            -- only as the post spells it out (obfuscations decoded)
    urls           VARCHAR[] NOT NULL,
    github_url     VARCHAR,
    linkedin_url   VARCHAR,
    posted_at      TIMESTAMP,          -- the latest post
    first_seen     TIMESTAMP,
    last_seen      TIMESTAMP,
    posts          INTEGER NOT NULL,
    post_urls      VARCHAR[] NOT NULL, -- every post, latest first
    url            VARCHAR,            -- the latest post, to cite
    CHECK (remote IN ('remote', 'hybrid', 'onsite', 'unknown'))
);

CREATE TABLE companies (
    company_id       VARCHAR PRIMARY KEY,
    name             VARCHAR NOT NULL,
    domain           VARCHAR,
    open_postings    INTEGER NOT NULL,
    ml_postings      INTEGER NOT NULL,
    top_skills       VARCHAR[] NOT NULL,
    skills           VARCHAR[] NOT NULL,
    roles            VARCHAR[] NOT NULL,   -- roles of its ML postings, most frequent first
    salary_min_usd   DOUBLE,
    salary_max_usd   DOUBLE,
    countries        VARCHAR[] NOT NULL,
    regions          VARCHAR[] NOT NULL,
    remote_share     DOUBLE NOT NULL,      -- share of its postings that are fully remote
    ats              VARCHAR[] NOT NULL,   -- greenhouse / lever / ashby boards it posts on
    careers_url      VARCHAR,
    contact          VARCHAR,              -- public application email a posting gave
    hiring_velocity  DOUBLE NOT NULL,      -- new ML postings per month, last 3 months
    first_seen       TIMESTAMP NOT NULL,
    last_seen        TIMESTAMP NOT NULL,
    url              VARCHAR               -- its latest posting, to cite
);

-- People who asked to be forgotten: sha256 of 'kind:normalized value', never the value.
-- Mirrors <data-dir>/suppression.sha256, which survives a rebuild from scratch.
CREATE TABLE suppression_list (
    id_hash   VARCHAR PRIMARY KEY,
    kind      VARCHAR NOT NULL,
    added_at  TIMESTAMP,
    CHECK (kind IN ('email', 'handle', 'url'))
);
