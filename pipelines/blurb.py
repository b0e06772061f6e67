"""A company's story in a job text: the paragraphs and sentences that say what the company is
or does rather than what a job asks ("Acme applies ML to ad data", "We are a small team
building …"). The fields they name are not skills a job asks for; HN comments and whole job
pages alike are read for skills without them."""

from __future__ import annotations

import re

from pipelines.skills import extract_skills, is_concept
from pipelines.text import lowered, word_boundary

# A paragraph that says what the company is or does ("Acme is the leading …", "We are a
# small team building …", "Our mission is …"): the fields it works in are not what a role asks.
_BLURB_START = re.compile(
    r"^\W*(?:(?:at\s+\S+,\s+)?we(?:'re|’re| are)\s+(?:a|an|the|building|on|backed|"
    r"growing|creating|making|reinventing|transforming|revolutionizing)\b|"
    r"we\s+(?:build|make|help|process|provide|develop|create|power|enable|bring|are)\b|"
    r"our (?:mission|company|vision|platform|product|customers|team is)\b|founded\b|"
    r"(?:the\s+)?company\b)",
    re.I,
)
# Words that state what a role uses or needs: a paragraph with them is kept.
# "you" asks something of the reader, unless it ends a clause about what they own ("the
# databases you have.").
_STACK_WORDS = (
    r"stack|tech|tooling|we use|using|built (?:with|on|in)|written in|"
    r"you(?! (?:have|own|use)\b[\s.,;:!?)]*(?:$|[.,;:!?)]))|requirements?|"
    r"skills?|familiar\w*|proficien\w*|knowledge|languages?|frameworks?"
)
STACK_CUE = re.compile(rf"\b(?:{_STACK_WORDS}|technolog\w*|tools?|use|your|experience)\b", re.I)
# In a paragraph that opens like a blurb, only words that state a stack or a requirement
# keep it ("you'll own …", "data you can trust"), not "your" or "use" ("lets anyone in your
# company use …") nor a user's experience.
_STATED_STACK = re.compile(
    rf"\b(?:{_STACK_WORDS}|tools|(?<!user )(?<!customer )experience)\b", re.I
)


# Words of a paragraph that asks for someone ("Acme needs someone to run …"), not a story.
_SEEKS = re.compile(
    r"\b(?:needs?|seeks?|seeking|looking for|wants?)\s+(?:a|an|someone|people|you|talented|"
    r"experienced|senior|engineers?|developers?|builders?)\b",
    re.I,
)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NON_WORD = re.compile(r"\W*")


def _named(company: str) -> re.Pattern[str]:
    """A paragraph that starts with the company's name ("Acme builds …")."""
    return re.compile(rf"^\W*{re.escape(company)}\b", re.I)


def without_blurb(text: str, company: str | None, *, header: bool = True) -> str:
    """`text` without the paragraphs (after the header's, when it has one: an HN comment's
    first line) that describe the company and state no stack or requirement: "Acme applies
    ML to ad data" asks no role for ML. A text of one paragraph is no story alone. The
    story's sentences that name only fields go from every paragraph, the header's too (a
    blurb may share the header's line)."""
    paragraphs = PARAGRAPH_BREAK.split(text)
    if len(paragraphs) == 1:
        return text

    def blurb(paragraph: str) -> bool:
        # How the paragraph opens is read first: most open like no story, and the searches
        # of the whole paragraph for a stack or a request are spared.
        start = paragraph.strip()
        if not (_BLURB_START.match(start) or opens_with_company(start)):
            return False
        return not (_STATED_STACK.search(paragraph) or _SEEKS.search(paragraph))

    def opens_with_company(start: str) -> bool:
        if not company:
            return False
        # An ASCII name that opens with a letter or digit is what `_named` would find right
        # after the leading non-word characters, in the lowered text (see `lowered`): read
        # there, without compiling a pattern (a third of a millisecond) per company.
        if company.isascii() and company[0].isalnum():
            begin = _NON_WORD.match(start).end()
            end = begin + len(company)
            return lowered(start[begin:end]) == company.lower() and word_boundary(start, end)
        return bool(_named(company).match(start))

    first = paragraphs[:1] if header else []
    kept = (_without_story_sentences(p) for p in paragraphs[len(first) :] if not blurb(p))
    return "\n\n".join([*map(_without_story_sentences, first), *kept])


# A sentence where the company says what it does ("We combine sequencing with
# high-performance computing", "We work on-site because our problems (HPC + biology) …"),
# not what it asks ("We need …", "We use …", "We're looking for …").
_STORY_SENTENCE = re.compile(
    r"^\W*we(?:'re|’re| are)?\s+(?!(?:use|need|want|seek|hire|hiring|expect|require|prefer|"
    r"look|looking|ask|value|offer|would|will|can|do|don't|also|currently|still)\b)[a-z]+\b",
    re.I,
)
# Words that make a "we" sentence ask something: work to do, help needed ("We're building our
# team and need help with … machine learning", "We have ML problems to solve").
_ASKS = re.compile(
    r"\b(?:need\w*|looking|help|problems? (?:to|that)|work (?:on|to)|projects?)\b", re.I
)
# Where a sentence ends: the spaces after its mark, before a capital
# (r"(?<=[.!?])\s+(?=[A-Z])"), written to start with a space so the engine scans for one.
_SENTENCE_END = re.compile(r"\s(?<=[.!?]\s)\s*(?=[A-Z])")


def _without_story_sentences(paragraph: str) -> str:
    """`paragraph` without the sentences of the company's story that name only fields: the
    fields a company works in are not what a role asks, the tools it names may be."""
    sentences = _SENTENCE_END.split(paragraph)
    kept = [s for s in sentences if not _story_of_fields(s)] if len(sentences) > 1 else sentences
    return paragraph if len(kept) == len(sentences) else " ".join(kept)


def _story_of_fields(sentence: str) -> bool:
    if not _STORY_SENTENCE.match(sentence):
        return False
    if _STATED_STACK.search(sentence) or _ASKS.search(sentence):
        return False
    found = extract_skills(sentence)
    return bool(found) and all(is_concept(s) for s in found)
