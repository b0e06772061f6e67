"""The raw zone's one room: everything that knows how the data directory is laid out and how
its files are read, written and scrubbed.

- `layout`: where things live under the data directory (`RawZone`: crawl files, the
  suppression list and its key, crawl logs, failed crawls, the HTTP cache);
- `read`: a raw-zone line is a record or a counted bad line (`parse_line`, `ReadStats`);
- `storage`: a local folder (`Path`) or an object store (`UPath` over fsspec) as data directory;
- `files`: atomic writes (temp file beside the target, fsync, rename, fsync the folder; on an
  object store, one whole upload under the final key);
- `identity`: a person's identifiers in a record, normalized and hashed;
- `suppression`: the list of people who asked to be forgotten (one parser, one writer);
- `scrub`: removing a person from the raw zone and the other files of the data directory.

Spiders, pipelines, the warehouse and `sourcing` all import it; it imports no Scrapy,
Dagster or DuckDB. Its API takes pathlib-like paths, which is how an object store slots in.
Import the submodules; this file imports nothing, so `files` stays a leaf any module can use.
"""
