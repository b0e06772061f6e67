-- Data quality per source and field (pipelines/quality.py): `kind` is `filled` (rows with a
-- value) or an anomaly (`company_is_place`, `salary_out_of_bounds`, `title_is_header_tag`...);
-- `count` of `total` rows (postings for `posting_mixed_companies`), `share` = count / total,
-- `examples` a few `source:source_id` records. Source `all` sums every source.
CREATE TABLE data_quality (
    source    VARCHAR NOT NULL,
    field     VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    count     BIGINT NOT NULL,
    total     BIGINT NOT NULL,
    share     DOUBLE NOT NULL,
    examples  VARCHAR[] NOT NULL,
    PRIMARY KEY (source, field, kind)
);
