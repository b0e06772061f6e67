"""What every spider's items pass on their way to the raw zone: the suppression list, and log
lines that name a record without printing it."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.rawzone import suppression
from pipelines.rawzone.identity import identifier_hash
from spiders.logformatter import PrivateLogFormatter
from spiders.pipelines import SuppressionPipeline

JOB_POST = {
    "source": "hn_hiring",
    "source_id": "48900077",
    "url": "https://news.ycombinator.com/item?id=48900077",
    "record": {
        "author": "mara_recruits",
        "text": "Acme | ML Engineer | Remote | email mara [at] acme [dot] example",
    },
}
OTHER_POST = {**JOB_POST, "source_id": "48900078", "record": {"author": "someone_else"}}


def pipeline_for(tmp_path, *lines):
    path = tmp_path / "suppression.sha256"
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    crawler = get_crawler(settings_dict={"SUPPRESSION_FILE": str(path)})
    return SuppressionPipeline.from_crawler(crawler), crawler


def test_a_forgotten_email_drops_the_record_from_any_source(tmp_path):
    pipeline, crawler = pipeline_for(
        tmp_path, f"email\t{identifier_hash('email', 'mara@acme.example')}\t2026-12-01"
    )
    with pytest.raises(DropItem):
        pipeline.process_item(JOB_POST)
    assert pipeline.process_item(OTHER_POST) is OTHER_POST
    assert crawler.stats.get_value("suppression/dropped") == 1


def test_a_forgotten_handle_drops_the_record(tmp_path):
    pipeline, _ = pipeline_for(
        tmp_path, "# kind\tsha256\tadded", f"handle\t{identifier_hash('handle', '@Mara_Recruits')}"
    )
    with pytest.raises(DropItem):
        pipeline.process_item(JOB_POST)


def test_no_list_means_nothing_is_dropped(tmp_path):
    assert not suppression.load(None)
    assert not suppression.load(str(tmp_path / "missing"))
    pipeline = SuppressionPipeline.from_crawler(get_crawler())
    assert pipeline.process_item(JOB_POST) is JOB_POST


@pytest.mark.parametrize("event", ["scraped", "dropped", "item_error"])
def test_log_lines_name_the_record_but_never_print_it(event):
    crawler = get_crawler()
    crawler.spider = crawler._create_spider("hn_hiring")
    formatter = PrivateLogFormatter()
    args = (DropItem("a person on the suppression list"),) if event != "scraped" else ()
    line = getattr(formatter, event)(JOB_POST, *args, None, crawler.spider)
    message = line["msg"] % line["args"]
    assert "hn_hiring record 48900077" in message
    assert "mara" not in message.lower() and "acme" not in message.lower()
