"""Community sources for sourcers: Reddit job subreddits and hireable GitHub contributors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import scrapy
import yaml
from scrapy.exceptions import CloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from pipelines.catalog import spider_settings
from spiders.records import raw_record
from spiders.sources.feeds import FeedSpider
from spiders.sources.remote_boards import split_list

REPOS_FILE = Path(__file__).resolve().parent.parent / "github_repos.yaml"


class RedditSpider(FeedSpider):
    """The newest posts of job subreddits from Reddit's public listing JSON
    (`/r/<name>/new.json`, `{"kind": "Listing", "data": {"after", "children": [...]}}`),
    paged by `after` (`-a subreddits=a,b`, `-a pages=N`; setting `REDDIT_URL`). Each record
    is one post (a `t3` thing's `data`), every post kept: the extractors decide what
    "[Hiring]" and "[For Hire]" posts become and skip the rest with a reason."""

    name = "reddit"
    custom_settings = spider_settings("reddit")
    url_setting = "REDDIT_URL"
    default_url = "https://www.reddit.com"
    default_pages = 2
    default_subreddits = ("MachineLearning", "datascience", "MLjobs", "forhire", "remotejs")

    def __init__(self, subreddits: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        names = split_list(subreddits) or list(self.default_subreddits)
        bad = [n for n in names if not n.replace("_", "").isalnum()]
        if bad:
            raise ValueError(f"subreddits must be names like MLjobs, got {bad}")
        self.subreddits = names

    def page_url(self, subreddit: str, after: str | None = None) -> str:
        query = {"limit": 100, "raw_json": 1, **({"after": after} if after else {})}
        return f"{self.feed_url}/r/{subreddit}/new.json?{urlencode(query)}"

    def first_requests(self) -> list[scrapy.Request]:
        return [
            scrapy.Request(self.page_url(s), callback=self.parse, cb_kwargs={"subreddit": s})
            for s in self.subreddits
        ]

    def jobs(self, data: Any) -> list | None:
        listing = data.get("data") if isinstance(data, dict) else None
        children = listing.get("children") if isinstance(listing, dict) else None
        if not isinstance(children, list):
            return None
        return [
            c.get("data") if isinstance(c, dict) and c.get("kind") == "t3" else c for c in children
        ]

    def job_url(self, job: dict[str, Any]) -> str | None:
        link = job.get("permalink")
        return f"https://www.reddit.com{link}" if isinstance(link, str) else None

    def context(self, response: Response) -> dict[str, Any]:
        return {"subreddit": response.cb_kwargs.get("subreddit")}

    def next_url(self, data: dict[str, Any], response: Response, jobs: int) -> str | None:
        after = (data.get("data") or {}).get("after")
        subreddit = response.cb_kwargs.get("subreddit")
        return self.page_url(subreddit, after) if after and subreddit else None


# Public profile fields kept of a hireable GitHub user (nothing else of the profile is stored).
PROFILE_FIELDS = (
    "login",
    "id",
    "name",
    "company",
    "blog",
    "location",
    "email",
    "bio",
    "twitter_username",
    "hireable",
    "html_url",
    "updated_at",
)


def load_repos(path: Path = REPOS_FILE) -> list[str]:
    """The shipped list of ML repositories (`repos:` entries of `owner/name`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    repos = [str(r) for r in data.get("repos") or []]
    bad = [r for r in repos if r.count("/") != 1]
    if bad:
        raise ValueError(f"{path}: repos must be owner/name, got {bad}")
    return repos


class GitHubSpider(scrapy.Spider):
    """People who marked themselves available for hire (`hireable: true`) among the top
    contributors of leading ML repositories (`github_repos.yaml` or `-a repos=owner/name,...`).

    One request per repository (`/repos/<repo>/contributors`, its 100 top contributors), then
    one per person (`/users/<login>`, at most `-a max_users=N`, most contributions first).
    Only hireable people are yielded, with their public profile fields (PROFILE_FIELDS) and
    their contributions per repository; nobody else ever reaches the raw zone. Bots are
    skipped. Unauthenticated by default; `GITHUB_TOKEN` in the environment is sent when set.
    When the API says the rate limit is spent (`X-RateLimit-Remaining: 0`, or a 403/429),
    the crawl stops early with what it has (counted as `github/rate_limited`).
    """

    name = "github"
    custom_settings = spider_settings("github")
    default_max_users = 200

    def __init__(self, repos: str | None = None, max_users: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.repos = split_list(repos) or None
        if self.repos and any(r.count("/") != 1 for r in self.repos):
            raise ValueError(f"repos must be owner/name, got {self.repos}")
        self.max_users = int(max_users) if max_users else self.default_max_users
        self.contributions: dict[str, dict[str, int]] = {}
        self.pending = 0

    @property
    def api(self) -> str:
        return (self.settings.get("GITHUB_API_URL") or "https://api.github.com").rstrip("/")

    def headers(self) -> dict[str, str]:
        headers = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
        if token := os.environ.get("GITHUB_TOKEN"):
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(f"{self.name}/{key}", n)

    def api_request(self, path: str, callback: Callable, **about: str) -> scrapy.Request:
        """A GitHub API request whose answer goes to `callback(response, **about)`."""
        return scrapy.Request(
            f"{self.api}{path}",
            headers=self.headers(),
            callback=callback,
            errback=self.failed,
            cb_kwargs=about,
        )

    async def start(self):
        repos = self.repos or load_repos(Path(self.settings.get("GITHUB_REPOS_FILE") or REPOS_FILE))
        self.pending = len(repos)
        for repo in repos:
            yield self.api_request(
                f"/repos/{repo}/contributors?per_page=100", self.parse_contributors, repo=repo
            )

    def check_rate(self, response: Response) -> None:
        if response.headers.get("X-RateLimit-Remaining") == b"0":
            self.count("rate_limited")
            self.logger.warning("GitHub rate limit spent: stopping with what was read")
            # "finished": what was read is complete for the people it names.
            raise CloseSpider("finished")

    def parse_contributors(self, response: Response, repo: str) -> Iterator[scrapy.Request]:
        self.pending -= 1
        try:
            people = response.json()
        except ValueError:
            people = None
        if not isinstance(people, list):
            self.count("repos_malformed")
            self.logger.error("%s: contributors are not a JSON list; skipped", repo)
        else:
            self.count("repos")
            for person in people:
                if not isinstance(person, dict) or not person.get("login"):
                    continue
                if person.get("type") != "User":
                    self.count("bots")
                    continue
                mine = self.contributions.setdefault(person["login"], {})
                mine[repo] = int(person.get("contributions") or 0)
        self.check_rate(response)
        if self.pending == 0:
            yield from self.user_requests()

    def user_requests(self) -> Iterator[scrapy.Request]:
        ranked = sorted(self.contributions, key=lambda u: (-sum(self.contributions[u].values()), u))
        for login in ranked[: self.max_users]:
            yield self.api_request(f"/users/{login}", self.parse_user, login=login)

    def parse_user(self, response: Response, login: str) -> Iterator[dict[str, Any]]:
        try:
            profile = response.json()
        except ValueError:
            profile = None
        if not isinstance(profile, dict) or profile.get("login", "").lower() != login.lower():
            self.count("users_malformed")
        elif profile.get("hireable") is not True:
            self.count("not_hireable")  # never stored
        else:
            self.count("hireable")
            record = {k: profile.get(k) for k in PROFILE_FIELDS}
            record["contributions"] = self.contributions.get(login, {})
            yield raw_record(
                response,
                source=self.name,
                source_id=login.lower(),
                url=profile.get("html_url") or f"https://github.com/{login}",
                record=record,
            )
        self.check_rate(response)

    def failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request
        response = getattr(failure.value, "response", None)
        self.logger.warning("GitHub %s failed: %s", request.url, failure.value)
        if "repo" in request.cb_kwargs:
            self.pending -= 1
            self.count("repos_failed")
        else:
            self.count("users_failed")
        if response is not None and response.status in (403, 429):
            self.count("rate_limited")
            raise CloseSpider("finished")
        if "repo" in request.cb_kwargs and self.pending == 0:
            yield from self.user_requests()
