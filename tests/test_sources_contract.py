"""Every source named in DESIGN.md has a spider, a bundled sample, an extractor and tests."""

import os
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipelines.normalize import EXTRACTORS
from sourcing.sources import SOURCES

JOB_SOURCES = [
    "hn_hiring",
    "remoteok",
    "remotive",
    "weworkremotely",
    "greenhouse",
    "lever",
    "ashby",
    "jobposting",
]
CANDIDATE_SOURCES = ["hn_wants"]
TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def spiders():
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
    return set(SpiderLoader.from_settings(get_project_settings()).list())


@pytest.mark.parametrize("name", JOB_SOURCES)
def test_job_source_is_complete(name, spiders):
    assert name in spiders, "no spider"
    assert name in SOURCES and SOURCES[name].kind == "jobs", "not registered in sourcing.sources"
    assert SOURCES[name].sample is not None, "no bundled sample HAR"
    assert name in EXTRACTORS, "no extractor"
    tested = [
        p
        for p in TESTS.glob("test_*.py")
        if f'"{name}"' in p.read_text(encoding="utf-8") and p.name != Path(__file__).name
    ]
    assert tested, "no test crawls or extracts it"


@pytest.mark.parametrize("name", CANDIDATE_SOURCES)
def test_candidate_source_is_complete(name, spiders):
    from sourcing.assets.leads import CANDIDATE_SOURCES as READ_BY_ASSET

    assert name in spiders, "no spider"
    assert name in SOURCES and SOURCES[name].kind == "candidates", "not registered"
    assert SOURCES[name].sample is not None, "no bundled sample HAR"
    assert name in READ_BY_ASSET, "the candidates asset does not read it"
    tested = [
        p
        for p in TESTS.glob("test_*.py")
        if f'"{name}"' in p.read_text(encoding="utf-8") and p.name != Path(__file__).name
    ]
    assert tested, "no test crawls or extracts it"
