"""HTML → clean plain text, and the links an HTML fragment holds.

Used by every extractor: Hacker News comments (HN's own small HTML: `<p>` between paragraphs,
`<a>`, `<i>`, `<pre><code>`, entity-escaped `/` and `'`) and ATS descriptions (full HTML with
lists, headings, tables and the odd tracking pixel).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

# Elements whose content is never text a reader sees.
_DROP = {"script", "style", "noscript", "template", "head", "title", "iframe", "svg", "img", "meta"}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "blockquote", "figure", "figcaption", "hr", "address", "details", "summary",
}  # fmt: skip
_PARA = "\x00P\x00"  # paragraph break marker, resolved in _tidy
_LINE = "\x00L\x00"  # line break marker
_PRE_OPEN, _PRE_CLOSE = "\x00[\x00", "\x00]\x00"

_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c3\u00e2\u00c5\u00ce\u00d0-\u00d1][\u0080-\u00ff\u0152-\u2122]"
)

# ------------------------------------------------------------------ the tree
#
# lxml's HTML parser (libxml2, whose tokenizer follows the HTML5 specification since 2.14):
# C-fast, linear in the input, and a supported, maintained API. Comments and processing
# instructions ("<?xml:namespace ...?>" in pasted Word markup) are dropped while parsing, as
# a browser never shows them. Elements whose strings are not text to `stripped_strings`.
STRING_CONTAINERS = frozenset(("rt", "rp", "style", "script", "template"))
_PARSER = etree.HTMLParser(
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    collect_ids=False,
)
Element = etree._Element  # noqa: SLF001 - lxml's public element type, for type hints

# A "<" that opens a tag which never closes before the next "<" ("<a<a<a…") is text, as
# html.parser read it (libxml2 would drop the run as a broken tag): escaped in one linear pass.
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z/!?][^<>]*(?:<|\Z))")


# A start tag with attributes that the fragment's end cuts off (descriptions cut to a length):
# a browser drops it; read as text it would put its class names and styles among the words.
_CUT_TAG = re.compile(r"<[A-Za-z][\w-]*\s+[\w:-]+\s*=[^<>]*")


def _without_cut_tag(html: str) -> str:
    at = html.rfind("<")
    return html[:at] if at >= 0 and _CUT_TAG.fullmatch(html, at) else html


def parse_tree(html: str) -> Element:
    """A new parse tree of an HTML fragment, the caller's to change."""
    data = _UNCLOSED_TAG.sub("&lt;", _without_cut_tag(html)).encode("utf-8", "surrogatepass")
    root = etree.fromstring(data, _PARSER) if data.strip() else None
    return root if root is not None else etree.Element("html")


@lru_cache(maxsize=8)  # html_to_text and extract_links read the same fragment: one parse
def _tree(html: str) -> Element:
    return parse_tree(html)


def light_tree(html: str) -> Element:
    """The parse tree of an HTML fragment (an lxml element, shared with html_to_text and
    extract_links: read it, do not change it)."""
    return _tree(html)


def find_class(node: Element, name: str) -> Element | None:
    """The first element under `node` (not `node` itself) with `name` among its classes."""
    for element in node.iterdescendants():
        if name in (element.get("class") or "").split():
            return element
    return None


def stripped_strings(node: Element) -> list[str]:
    """The text strings of `node`, stripped, empty ones left out; inside `node` the strings of
    a script, style, template, rt or rp element are not text (those of `node` itself are)."""
    out: list[str] = []
    if node.text and (stripped := node.text.strip()):
        out.append(stripped)
    for child in node:
        if child.tag not in STRING_CONTAINERS:
            out.extend(stripped_strings(child))
        if child.tail and (stripped := child.tail.strip()):
            out.append(stripped)
    return out


def html_to_text(html: str | None, *, keep_newlines: bool = False) -> str:
    """Readable plain text of an HTML fragment.

    Paragraphs and blocks are separated by a blank line, `<br>` and list items start a new
    line (items as "- …"), entities are decoded, scripts/styles/images are dropped, runs of
    spaces are collapsed and `<pre>` keeps its layout. `keep_newlines` treats a newline in the
    source as a line break (HN authors type them and mean them); otherwise it is a space, as a
    browser would show it.
    """
    if not html:
        return ""
    # Repair before parsing too: collapsing whitespace would break a mangled no-break space
    # ("Â\xa0") apart; after, for mojibake that was hidden behind entities.
    return element_text(_tree(repair_mojibake(html)), keep_newlines=keep_newlines)


def element_text(node: Element, *, keep_newlines: bool = False) -> str:
    """Readable plain text of one element of a parse tree (see html_to_text)."""
    parts: list[str] = []
    _walk(node, parts, keep_newlines, in_pre=False)
    return repair_mojibake(_tidy("".join(parts)))


def _text(text: str, out: list[str], keep_newlines: bool, in_pre: bool) -> None:
    if in_pre:
        out.append(text.replace("\n", _LINE))
    elif keep_newlines and "\n" in text:
        out.append(_TYPED_NEWLINE.sub(_LINE, text))
    else:
        out.append(text)


def _walk(node: Element, out: list[str], keep_newlines: bool, in_pre: bool) -> None:
    if node.text:
        _text(node.text, out, keep_newlines, in_pre)
    for child in node:
        _element(child, out, keep_newlines, in_pre)
        if child.tail:
            _text(child.tail, out, keep_newlines, in_pre)


def _element(child: Element, out: list[str], keep_newlines: bool, in_pre: bool) -> None:
    name = child.tag.lower() if isinstance(child.tag, str) else ""
    if name in _DROP:
        return
    if name == "br":
        out.append(_LINE)
    elif name == "pre":
        out.append(_PARA + _PRE_OPEN)
        _walk(child, out, keep_newlines, in_pre=True)
        out.append(_PRE_CLOSE + _PARA)
    elif name == "li":
        inner: list[str] = []
        _walk(child, inner, keep_newlines, in_pre)
        item = _ITEM_EDGES.sub("", "".join(inner))
        out.append(_LINE + "- " + item)
    elif name in ("td", "th"):
        out.append(" ")
        _walk(child, out, keep_newlines, in_pre)
        out.append(" ")
    elif name in _BLOCK:
        out.append(_PARA)
        _walk(child, out, keep_newlines, in_pre)
        out.append(_PARA)
    else:
        _walk(child, out, keep_newlines, in_pre)


_TYPED_NEWLINE = re.compile(r"[ \t\r\f\v]*\n\s*")
_ITEM_EDGES = re.compile(r"^(?:\s|\x00[PL]\x00)+|(?:\s|\x00[PL]\x00)+$")
_PRE_SPLIT = re.compile(f"({re.escape(_PRE_OPEN)}|{re.escape(_PRE_CLOSE)})")
_LINE_END_SPACES = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(\s*\n)+")


def _collapsed(chunk: str) -> str:
    """`chunk` with each run of whitespace (zero-width spaces too) as one space: a split and a
    join, not a regex replacement at every space."""
    if "\u200b" in chunk:
        chunk = chunk.replace("\u200b", " ")
    words = chunk.split()
    if not words:
        return " " if chunk else ""
    before = " " if chunk[0].isspace() else ""
    after = " " if chunk[-1].isspace() else ""
    return before + " ".join(words) + after


def _tight_breaks(flat: str) -> str:
    """`flat` (collapsed: at most one space in a row) without the space on either side of
    each break marker."""
    for mark in (_PARA, _LINE):
        if mark in flat:
            flat = flat.replace(" " + mark, mark).replace(mark + " ", mark)
    return flat


def _tidy(raw: str) -> str:
    # Outside <pre>: collapse whitespace and trim around breaks. Inside: keep the layout.
    chunks = _PRE_SPLIT.split(raw) if _PRE_OPEN in raw or _PRE_CLOSE in raw else [raw]
    text, in_pre = [], False
    for chunk in chunks:
        if chunk == _PRE_OPEN:
            in_pre = True
        elif chunk == _PRE_CLOSE:
            in_pre = False
        elif in_pre:
            lines = chunk.replace("\u00a0", " ").replace(_LINE, "\n").split("\n")
            text.append("\n".join(line.rstrip() for line in lines).strip("\n"))
        else:
            text.append(_tight_breaks(_collapsed(chunk)))
    joined = "".join(text).replace(_PARA, "\n\n").replace(_LINE, "\n")
    joined = _LINE_END_SPACES.sub("\n", joined)
    joined = _BLANK_LINES.sub("\n\n", joined)
    return joined.strip()


# Characters that a regex with re.IGNORECASE reads as an ASCII letter although str.lower() does
# not turn them into that letter alone: dotted and dotless I, long s, the Kelvin sign.
_ODD_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str:
    """`text` lowercased for cheap keyword pre-checks before case-insensitive regexes.

    A keyword (lowercase ASCII, no spaces) that is not `in lowered(text)` cannot be matched by
    an re.IGNORECASE pattern that needs it, so `"remote" not in low` may skip a costly search.
    The few characters such a regex also reads as an ASCII letter map to that letter here.
    """
    if text.isascii() or not _ODD_CASE_RE.search(text):
        return text.lower()
    return text.translate(_ODD_CASE).lower()


def lowered_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an re.IGNORECASE `pattern` written in lower case: on
    `lowered(text)` it finds what `pattern` finds on `text`, at the same positions, and
    scans faster. `lowered` keeps each character's place, its being a word or space
    character, and maps to a letter the pattern writes exactly the characters the pattern
    reads as that letter (checked over every code point for ASCII letters and the Latin
    letters of `_LATIN_LOWER`)."""
    written = pattern.pattern
    if _UPPER_LITERAL.search(written) or not all(map(_reads_alike, written)):
        raise ValueError(f"not written in lower case: {written!r}")
    return re.compile(written, pattern.flags & ~re.IGNORECASE)


# An uppercase letter but in an escape ("\\S") or a named group ("(?P<name>"), or a flag group
# that sets case-insensitive matching.
_UPPER_LITERAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]|\(\?[a-zA-Z]*i")
# Lowercase letters of Latin-1 and Latin Extended-A/B that re.IGNORECASE reads as their case
# pair only ("é" as "É"): not dotless i and long s, which it reads as "i" and "s".
_LATIN_LOWER = frozenset(
    ch for ch in map(chr, range(0xC0, 0x250)) if ch.islower() and ch not in "\u0131\u017f"
)


def _reads_alike(char: str) -> bool:
    """Whether a pattern's character is read alike with and without re.IGNORECASE on lowered
    text: ASCII, a character without case ("–", "’") or a Latin lowercase letter."""
    return char.isascii() or char.lower() == char.upper() or char in _LATIN_LOWER


def word_boundary(text: str, i: int) -> bool:
    """Whether `\\b` matches at `i` of `text`: a word character on one side only."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def any_in(words: tuple[str, ...], low: str) -> bool:
    """Whether one of `words` occurs in `low` (a `lowered` text): a regex pre-check."""
    for w in words:  # noqa: SIM110 - a plain loop: any() and its generator cost as much again
        if w in low:
            return True
    return False


# The rest of a run of non-space characters: `\s` is exactly `str.isspace` (every code point).
_RUN_REST = re.compile(r"\S*")


def replace_runs(
    text: str, key: re.Pattern[str], repl: Callable[[str], str], keyed: str | None = None
) -> str:
    r"""`text` with each run of non-space characters that holds a match of `key` replaced by
    `repl(run)`: what `re.sub(r"(?<!\S)\S*?(?:KEY)\S*", …)` gives, found from the matches of
    `key` (a literal the engine finds fast) instead of trying the run pattern at every word.
    `key` is searched in `keyed` when given: `lowered(text)` for a `lowered_twin` key."""
    parts: list[str] = []
    last = 0
    for m in key.finditer(text if keyed is None else keyed):
        if m.start() < last:
            continue  # inside the run just replaced
        start, end = m.start(), _RUN_REST.match(text, m.end()).end()
        while start > last and not text[start - 1].isspace():
            start -= 1
        parts += (text[last:start], repl(text[start:end]))
        last = end
    return "".join(parts) + text[last:] if parts else text


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as Latin-1/cp1252 ("â€™" → "’", "Ã¡" → "á").

    Delegates to `ftfy.fix_encoding`, which only changes text that decodes to something more
    plausible; the cheap pre-check keeps clean text (the usual case) off that path.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy  # a second to import, and most processes never meet mojibake

    return ftfy.fix_encoding(text)


def extract_links(html: str | None) -> list[str]:
    """Absolute http(s) hrefs of the fragment's links, de-duplicated, in document order."""
    if not html or "href" not in html.lower():  # no link: skip the parse
        return []
    seen: dict[str, None] = {}
    for a in _tree(html).iter("a"):
        href = a.get("href")
        if href is None:
            continue
        href = href.strip()
        parts = urlsplit(href)
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            seen.setdefault(href, None)
    return list(seen)
