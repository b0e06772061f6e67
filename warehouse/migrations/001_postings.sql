-- Core tables of the job side: normalized source records, postings after dedupe, and the
-- provenance that links them. Column names are DESIGN.md's stable contract.

CREATE TABLE normalized_postings (
    source            VARCHAR NOT NULL,
    source_id         VARCHAR NOT NULL,
    role_index        INTEGER NOT NULL,  -- several roles in one record get 0, 1, 2...
    title             VARCHAR NOT NULL,
    company           VARCHAR,
    is_ml             BOOLEAN NOT NULL,
    role              VARCHAR NOT NULL,
    seniority         VARCHAR NOT NULL,
    subfields         VARCHAR[] NOT NULL,
    skills            VARCHAR[] NOT NULL,
    location_text     VARCHAR,
    countries         VARCHAR[] NOT NULL,
    country           VARCHAR,
    region            VARCHAR,
    remote            VARCHAR NOT NULL,
    remote_scope      VARCHAR[] NOT NULL,
    visa_sponsorship  VARCHAR NOT NULL,
    salary_min        DOUBLE,
    salary_max        DOUBLE,
    salary_currency   VARCHAR,
    salary_period     VARCHAR,
    salary_min_usd    DOUBLE,
    salary_max_usd    DOUBLE,
    salary_text       VARCHAR,
    salary_source     VARCHAR,
    equity            BOOLEAN NOT NULL,
    posted_at         TIMESTAMP,
    first_seen        TIMESTAMP NOT NULL,
    last_seen         TIMESTAMP NOT NULL,
    fetched_at        TIMESTAMP NOT NULL,
    url               VARCHAR,
    apply_url         VARCHAR,
    description       VARCHAR,
    PRIMARY KEY (source, source_id, role_index)
);

-- Raw records that yielded no posting, with the reason: counted, never silently lost.
CREATE TABLE skipped_records (
    source      VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    fetched_at  TIMESTAMP NOT NULL,
    url         VARCHAR,
    PRIMARY KEY (source, source_id)
);

CREATE TABLE postings (
    posting_id        VARCHAR PRIMARY KEY,
    title             VARCHAR NOT NULL,
    company           VARCHAR,
    is_ml             BOOLEAN NOT NULL,
    role              VARCHAR NOT NULL,
    seniority         VARCHAR NOT NULL,
    subfields         VARCHAR[] NOT NULL,
    skills            VARCHAR[] NOT NULL,
    location_text     VARCHAR,
    countries         VARCHAR[] NOT NULL,
    country           VARCHAR,
    region            VARCHAR,
    remote            VARCHAR NOT NULL,
    remote_scope      VARCHAR[] NOT NULL,
    visa_sponsorship  VARCHAR NOT NULL,
    salary_min        DOUBLE,
    salary_max        DOUBLE,
    salary_currency   VARCHAR,
    salary_period     VARCHAR,
    salary_min_usd    DOUBLE,
    salary_max_usd    DOUBLE,
    salary_text       VARCHAR,
    salary_source     VARCHAR,
    equity            BOOLEAN NOT NULL,
    posted_at         TIMESTAMP,
    first_seen        TIMESTAMP NOT NULL,
    last_seen         TIMESTAMP NOT NULL,
    status            VARCHAR NOT NULL,
    closed_at         TIMESTAMP,
    url               VARCHAR,
    apply_url         VARCHAR,
    source_count      INTEGER NOT NULL,
    CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max),
    CHECK (remote IN ('remote', 'hybrid', 'onsite', 'unknown')),
    CHECK (status IN ('open', 'closed'))
);

CREATE TABLE posting_sources (
    source      VARCHAR NOT NULL,
    source_id   VARCHAR NOT NULL,
    role_index  INTEGER NOT NULL,
    posting_id  VARCHAR NOT NULL,
    title       VARCHAR NOT NULL,
    url         VARCHAR,
    fetched_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (source, source_id, role_index)
);
