"""HAR files: how requests are matched to recorded entries, and the round trip."""

import pytest

from spiders.har import har_entry, load_entries, request_key, write_har


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://x.test/api?a=1&b=2", "https://x.test/api?b=2&a=1", True),
        ("https://X.test/api?a=1", "https://x.test/api?a=1", True),
        ("https://x.test/api?a=1", "https://x.test/api?a=2", False),
        ("https://x.test/api?a=1", "https://x.test/api", False),
        ("https://x.test/api?a=1&a=2", "https://x.test/api?a=2&a=1", True),
        ("https://x.test/api", "http://x.test/api", False),
        ("https://x.test/items/1", "https://x.test/items/2", False),
        ("https://x.test/?q=", "https://x.test/?q", True),
    ],
)
def test_requests_match_on_method_url_and_query_set(a, b, same):
    assert (request_key("GET", a) == request_key("get", b)) is same


def test_a_request_with_another_method_does_not_match():
    assert request_key("POST", "https://x.test/") != request_key("GET", "https://x.test/")


def test_round_trip_keeps_status_headers_and_bytes(tmp_path):
    binary = bytes(range(256))
    entries = [
        har_entry(
            method="GET",
            url="https://x.test/a?z=1&y=2",
            request_headers=[],
            status=200,
            response_headers=[("Content-Type", "application/json")],
            body='{"ü": 1}'.encode(),
            started="2026-11-01T00:00:00Z",
        ),
        har_entry(
            method="GET",
            url="https://x.test/bin",
            request_headers=[],
            status=503,
            response_headers=[("Content-Encoding", "gzip")],
            body=binary,
            started="",
        ),
    ]
    write_har(tmp_path / "r.har", entries)
    loaded = load_entries(tmp_path / "r.har")
    text = loaded[request_key("GET", "https://x.test/a?y=2&z=1")]
    assert (text.status, text.body, text.headers) == (
        200,
        '{"ü": 1}'.encode(),
        [("Content-Type", "application/json")],
    )
    assert loaded[request_key("GET", "https://x.test/bin")].body == binary


def test_a_folder_of_har_files_is_read_whole(tmp_path):
    for name in ("a", "b"):
        write_har(
            tmp_path / f"{name}.har",
            [
                har_entry(
                    method="GET",
                    url=f"https://x.test/{name}",
                    request_headers=[],
                    status=200,
                    response_headers=[],
                    body=b"",
                    started="",
                )
            ],
        )
    assert len(load_entries(tmp_path)) == 2


def test_a_file_that_is_not_har_gets_a_clear_error(tmp_path):
    (tmp_path / "bad.har").write_text("<html>", encoding="utf-8")
    with pytest.raises(ValueError, match="is not a HAR file"):
        load_entries(tmp_path / "bad.har")


def test_a_missing_path_gets_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no HAR file or folder"):
        load_entries(tmp_path / "nope.har")
