"""Every source of the catalog (pipelines/catalog.py) is complete: a spider, a bundled sample,
an extractor, a crawl asset, the asset that reads its kind, and tests that name it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.catalog import (
    CATALOG,
    STRUCTURE_RANK,
    SourceSpec,
    catalog_text,
    job_in_url,
    parse_catalog,
    resolve,
)
from pipelines.normalize import extractor
from sourcing.sources import SOURCES

# The names checks outside the project rely on (DESIGN.md and the sources issue).
DESIGN_JOB_SOURCES = {
    "hn_hiring",
    "remoteok",
    "remotive",
    "weworkremotely",
    "greenhouse",
    "lever",
    "ashby",
    "jobposting",
    "arbeitnow",
    "himalayas",
    "jobicy",
    "smartrecruiters",
    "recruitee",
    "workable",
    "personio",
    "getonboard",
    "reddit",
}
DESIGN_CANDIDATE_SOURCES = {"hn_wants", "reddit", "github"}
TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def spiders():
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
    return set(SpiderLoader.from_settings(get_project_settings()).list())


def test_the_catalog_holds_the_design_names():
    jobs = {s.name for s in CATALOG.values() if "jobs" in s.kinds}
    candidates = {s.name for s in CATALOG.values() if "candidates" in s.kinds}
    assert jobs >= DESIGN_JOB_SOURCES
    assert candidates >= DESIGN_CANDIDATE_SOURCES


@pytest.mark.parametrize("name", list(CATALOG))
def test_source_is_complete(name, spiders):
    from sourcing.assets.crawl import crawl_assets
    from sourcing.assets.leads import CANDIDATE_SOURCES
    from sourcing.assets.postings import JOB_SOURCES

    spec = CATALOG[name]
    assert spec.spider_name in spiders, "no spider"
    assert SOURCES[name].sample is not None, f"no bundled sample {spec.sample_file}"
    assert f"raw_{name}" in {a.key.path[-1] for a in crawl_assets}, "no crawl asset"
    if "jobs" in spec.kinds:
        assert extractor(name) is resolve(spec.extractor), "no extractor"
        assert name in JOB_SOURCES, "the postings asset does not read it"
    if "candidates" in spec.kinds:
        assert callable(resolve(spec.candidate_extractor)), "no candidate extractor"
        assert name in CANDIDATE_SOURCES, "the candidates asset does not read it"
    tested = [
        p
        for p in TESTS.glob("test_*.py")
        if f'"{name}"' in p.read_text(encoding="utf-8") and p.name != Path(__file__).name
    ]
    assert tested, "no test crawls or extracts it"


@pytest.mark.parametrize("name", list(CATALOG))
def test_sample_args_name_what_the_sample_recorded(name):
    """A pinned board or page of `--sample` must be in the sample, or the run fetches nothing."""
    spec = CATALOG[name]
    recorded = SOURCES[name].sample.read_text(encoding="utf-8")
    for _, value in spec.sample_args:
        for item in value.split(","):
            assert item in recorded, f"{item} is not in {spec.sample_file}"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("jobs.lever.co/acme/0b5e8f7c-1d2e-4f3a-9b8c-7d6e5f4a3b2c", ("lever", "acme")),
        ("jobs.ashbyhq.com/acme/0B5E8F7C-1D2E-4F3A-9B8C-7D6E5F4A3B2C", ("ashby", "acme")),
        ("jobs.smartrecruiters.com/KestrelAnalytik/744000160021385-ml", ("smartrecruiters", None)),
        ("www.arbeitnow.com/jobs/companies/acme/ml-engineer", None),
    ],
)
def test_job_urls_name_their_source_and_board(url, expected):
    found = job_in_url(url)
    if expected is None:
        assert found is None
    else:
        assert found[0] == expected[0]
        assert expected[1] is None or found[2] == expected[1]


def test_a_bad_declaration_is_refused():
    with pytest.raises(ValueError, match="listing"):
        SourceSpec("x", ("jobs",), "", listing="sometimes", structure="ats", extractor="m:f")
    with pytest.raises(ValueError, match="extractor"):
        SourceSpec("x", ("jobs",), "", listing="feed", structure="board")
    with pytest.raises(ValueError, match="structured"):
        SourceSpec(
            "x",
            ("jobs",),
            "",
            listing="feed",
            structure="board",
            extractor="m:f",
            structured=("shoe_size",),
        )
    assert set(STRUCTURE_RANK) == {"ats", "schema_org", "board", "free_text"}


def test_ats_job_urls_compile_with_a_job_group():
    for spec in CATALOG.values():
        for pattern in spec.job_urls:
            assert "job" in re.compile(pattern).groupindex, f"{spec.name}: {pattern}"


def test_each_new_ats_ships_a_board_list():
    """The shipped board list (spiders/boards.yaml) names at least 20 boards of each ATS added
    with the catalog, and only ATS sources of the catalog."""
    from collections import Counter

    from spiders.sources.ats import load_boards

    counts = Counter(b.ats for b in load_boards())
    assert set(counts) <= {s.name for s in CATALOG.values() if s.is_ats}
    for ats in ("smartrecruiters", "recruitee", "workable", "personio"):
        assert counts[ats] >= 20, ats


def test_the_catalog_reads_the_same_with_libyaml_as_with_pure_python() -> None:
    assert yaml.CSafeLoader  # the wheels bundle libyaml: the fast path is taken
    assert parse_catalog(catalog_text()) == yaml.safe_load(catalog_text())


def test_a_process_reads_the_catalog_without_importing_yaml() -> None:
    # The parsed entries are kept as a prebuilt table (this test process built it, if no
    # earlier one had): a worker does not pay PyYAML's import before its first record.
    code = "import sys, pipelines.catalog; print('yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    entries = parse_catalog(catalog_text())
    assert [(s.name, s.extractor) for s in CATALOG.values()] == [
        (e["name"], e.get("extractor")) for e in entries
    ]
