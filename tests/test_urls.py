"""The Greenhouse job links read without urlsplit give what the urlsplit reading gives."""

from __future__ import annotations

import itertools

import pytest

from pipelines import urls

HOSTS = ["acme.com", "WWW.Acme.com", "boards.greenhouse.io", "a@b.com", "a.com:8080"]
PATHS = ["", "/", "/careers/jobs/12", "/a?b", "/p+q", "/%20"]
QUERIES = [
    "gh_jid=123",
    "gh_jid=",
    "gh_jid",
    "gh_jid=12a",
    "gh_jid=123&gh_jid=",
    "gh_jid=1&gh_jid=2",
    "gh_src=x&gh_jid=45",
    "x?gh_jid=9",
    "gh_jid=7#top",
    "gh%5Fjid=5",
    "gh_jid=4+",
    "token=3",
]


@pytest.mark.parametrize("scheme", ["https", "HTTP", "ftp"])
def test_own_page_gh_jid_read_as_urlsplit_reads_it(scheme, monkeypatch):
    links = [
        f"{scheme}://{host}{path}?{query}"
        for host, path, query in itertools.product(HOSTS, PATHS, QUERIES)
    ]
    fast = [urls.ats_job.__wrapped__(u) for u in links]
    monkeypatch.setattr(urls, "_gh_jid", lambda url: None)
    assert fast == [urls.ats_job.__wrapped__(u) for u in links]
    assert ("greenhouse", "45") in fast  # the fast path was taken


def test_own_page_gh_jid():
    assert urls.ats_job("https://acme.com/careers/jobs/8?gh_jid=8") == ("greenhouse", "8")
    assert urls.canonical_url("https://www.acme.com/jobs?gh_src=x&gh_jid=8") == "greenhouse:8"
    assert urls.ats_job("https://acme.com/careers?gh_jid=") is None
