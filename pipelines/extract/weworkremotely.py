"""We Work Remotely RSS items → `ExtractedPosting`.

An item's title is "Company: Role". Its description is HTML that opens with the company
logo and a header block (`Headquarters:` and, in the 2022 feeds, the company `URL:`) and ends
with a "To apply:" link; the header and the apply line are boilerplate, taken out of the text
(the company URL stays in `urls`, the apply link becomes `apply_url`). `region` ("USA Only",
"Anywhere in the World") is where the job may be done from. The 2026 feeds have no `type`,
`expires_at` or `media:content`.
"""

from __future__ import annotations

from typing import Any

from pipelines.extract.boards import board_location, board_remote, clean, pay_words, rfc822_time
from pipelines.model import ExtractedPosting, Extraction
from pipelines.text import (
    Element,
    element_text,
    extract_links,
    parse_tree,
    repair_mojibake,
    stripped_strings,
)
from pipelines.titles import clean_title


def split_title(title: str) -> tuple[str | None, str]:
    """'Acme Labs: Senior ML Engineer' → ('Acme Labs', 'Senior ML Engineer')."""
    company, sep, role = title.partition(": ")
    if sep and company.strip() and role.strip():
        return company.strip(), role.strip()
    return None, title.strip()


def _labelled_paragraph(root: Element, label: str) -> Element | None:
    for strong in root.iter("strong"):
        if "".join(stripped_strings(strong)) == label and strong.getparent() is not None:
            return strong.getparent()
    return None


def _drop(element: Element) -> None:
    """Take `element` out of its tree, keeping the text that follows it."""
    parent, before = element.getparent(), element.getprevious()
    if element.tail:
        if before is not None:
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _body(html: str) -> tuple[str, str | None]:
    """The description's text without the header block and the apply line, and the apply
    link."""
    root = parse_tree(repair_mojibake(html))
    apply_url = None
    apply = _labelled_paragraph(root, "To apply:")
    if apply is not None:
        link = next((a for a in apply.iter("a") if a.get("href") is not None), None)
        apply_url = link.get("href").strip() if link is not None else None
        _drop(apply)
    header = _labelled_paragraph(root, "Headquarters:")
    if header is not None:
        _drop(header)
    return element_text(root), apply_url


def extract_weworkremotely(record: dict[str, Any], context: dict[str, Any]) -> Extraction:
    """One posting per feed item; remote by the board's rule unless the text says otherwise."""
    raw_title = clean(record.get("title"))
    if not raw_title:
        return Extraction(skip_reason="empty")
    company, title = split_title(raw_title)
    html = record.get("description") if isinstance(record.get("description"), str) else ""
    text, apply_url = _body(html)
    url = clean(record.get("link")) or clean(record.get("guid"))
    return Extraction(
        [
            ExtractedPosting(
                title=clean_title(title, company),
                posted_title=title,
                company=company,
                description=text,
                location_text=board_location(clean(record.get("region")), text),
                salary_text=pay_words(title),
                structured_remote=board_remote(text),
                posted_at=rfc822_time(record.get("pubDate")),
                valid_through=rfc822_time(record.get("expires_at")),
                url=url,
                apply_url=apply_url,
                urls=extract_links(html),
            )
        ]
    )
