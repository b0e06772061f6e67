"""HTML → clean plain text, and the links an HTML fragment holds.

Used by every extractor: Hacker News comments (HN's own small HTML: `<p>` between paragraphs,
`<a>`, `<i>`, `<pre><code>`, entity-escaped `/` and `'`) and ATS descriptions (full HTML with
lists, headings, tables and the odd tracking pixel).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

import ftfy
from bs4 import BeautifulSoup, CData, Comment, NavigableString, Tag
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
from bs4.element import nonwhitespace_re

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


@lru_cache(maxsize=8)
def parse_html(html: str) -> BeautifulSoup:
    """The BeautifulSoup tree of an HTML fragment, shared by the callers that read the same
    fragment. Callers must not change the tree; one that does makes its own soup."""
    return BeautifulSoup(html, "html.parser")


# ------------------------------------------------------------------ the light tree
#
# html_to_text and extract_links only walk the tree, so they get it without BeautifulSoup's
# Tag and NavigableString objects (most of the cost of a parse): the same tokenizer and the
# same events (BeautifulSoupHTMLParser, with its entity and empty-element handling) build the
# same tree from plain objects, by BeautifulSoup's rules for html.parser: no implicit closing;
# an end tag closes the most recent open element of its name and those opened after it, or
# nothing; an empty element (br, img...) closes at once; a string of only ASCII whitespace
# outside <pre>/<textarea> becomes "\n" if it holds one, else " "; comments are not text.

_BUILDER = HTMLParserTreeBuilder()
_EMPTY_ELEMENTS = frozenset(_BUILDER.empty_element_tags)
_PRESERVE_WHITESPACE = frozenset(_BUILDER.preserve_whitespace_tags)
_ASCII_SPACES = BeautifulSoup.ASCII_SPACES
STRING_CONTAINERS = frozenset(_BUILDER.string_containers)  # rt, rp, style, script, template
_MAIN_STRINGS = (NavigableString, CData)  # what get_text reads; not doctypes, PIs...


class _OtherString(str):
    """A string that is text to html_to_text but not to get_text: a doctype, declaration or
    processing instruction, or a string inside a script, style, template, rt or rp."""


class _Element:
    __slots__ = ("name", "attrs", "children", "is_empty_element")

    def __init__(self, name: str, attrs: dict[str, str]) -> None:
        self.name = name
        self.attrs = attrs
        self.children: list[_Element | str] = []
        self.is_empty_element = name in _EMPTY_ELEMENTS  # asked when the element opens


class _LightBuilder:
    """Stands in for the BeautifulSoup object that BeautifulSoupHTMLParser reports to."""

    class builder:  # noqa: N801 - the attribute names BeautifulSoupHTMLParser reads
        store_line_numbers = False
        attribute_dict_class = dict

    contains_replacement_characters = False

    def __init__(self) -> None:
        self.root = _Element("[document]", {})
        self.stack = [self.root]
        self.data: list[str] = []
        self.preserving = 0  # open <pre>/<textarea> elements
        self.containers: list[_Element] = []  # open script, style, template, rt, rp

    def handle_starttag(self, name, namespace, nsprefix, attrs, **_) -> _Element:
        self.endData()
        element = _Element(name, attrs)
        self.stack[-1].children.append(element)
        self.stack.append(element)
        self.preserving += name in _PRESERVE_WHITESPACE
        if name in STRING_CONTAINERS:
            self.containers.append(element)
        return element

    def handle_endtag(self, name: str, nsprefix: str | None = None) -> None:
        self.endData()
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].name == name:
                for element in reversed(self.stack[i:]):
                    self.preserving -= element.name in _PRESERVE_WHITESPACE
                    if self.containers and element is self.containers[-1]:
                        self.containers.pop()
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def endData(self, containerClass=None) -> None:  # noqa: N802, N803 - BeautifulSoup's names
        if not self.data:
            return
        data = "".join(self.data)
        self.data = []
        if not self.preserving and not data.strip(_ASCII_SPACES):
            data = "\n" if "\n" in data else " "
        if containerClass is Comment:
            return
        if containerClass not in (None, CData) or (containerClass is None and self.containers):
            data = _OtherString(data)
        self.stack[-1].children.append(data)


# A "<" that opens a tag which never closes before the next "<" ("<a<a<a…") is text: escaped
# first, in one linear pass, because html.parser rescans such a run from every "<" (quadratic).
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z/!?][^<>]*(?:<|\Z))")


@lru_cache(maxsize=8)  # html_to_text and extract_links read the same fragment: one parse
def _light_tree(html: str) -> _Element:
    html = _UNCLOSED_TAG.sub("&lt;", html)
    tree = _LightBuilder()
    parser = BeautifulSoupHTMLParser(tree, *_BUILDER.parser_args[0], **_BUILDER.parser_args[1])
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # markup html.parser rejects: BeautifulSoup's own recovery decides
        return _from_soup(BeautifulSoup(html, "html.parser"))
    tree.endData()
    return tree.root


def _from_soup(node: Tag) -> _Element:
    attrs = {k: " ".join(v) if isinstance(v, list) else str(v) for k, v in node.attrs.items()}
    element = _Element(node.name, attrs)
    for child in node.children:
        if isinstance(child, Tag):
            element.children.append(_from_soup(child))
        elif type(child) in _MAIN_STRINGS:
            element.children.append(str(child))
        elif isinstance(child, NavigableString) and not isinstance(child, Comment):
            element.children.append(_OtherString(child))
    return element


def light_tree(html: str) -> _Element:
    """The light parse tree of an HTML fragment (shared with html_to_text and extract_links;
    read it, do not change it)."""
    return _light_tree(html)


def find_class(node: _Element, name: str) -> _Element | None:
    """The first element under `node` with `name` among its classes: BeautifulSoup's
    `node.find(class_=name)` for a one-word name."""
    for child in node.children:
        if not isinstance(child, str):
            if name in nonwhitespace_re.findall(child.attrs.get("class", "")):
                return child
            if found := find_class(child, name):
                return found
    return None


def stripped_strings(node: _Element) -> list[str]:
    """BeautifulSoup's `node.stripped_strings` for an element that is not itself a string
    container (script, style, template, rt, rp): its text strings, stripped, empty ones left
    out."""
    out: list[str] = []
    for child in node.children:
        if isinstance(child, _OtherString):
            continue
        if isinstance(child, str):
            if stripped := child.strip():
                out.append(stripped)
        else:
            out.extend(stripped_strings(child))
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
    parts: list[str] = []
    _walk(_light_tree(repair_mojibake(html)), parts, keep_newlines, in_pre=False)
    return repair_mojibake(_tidy("".join(parts)))


def _walk(node: _Element, out: list[str], keep_newlines: bool, in_pre: bool) -> None:
    for child in node.children:
        if isinstance(child, str):
            text = child
            if in_pre:
                out.append(text.replace("\n", _LINE))
            elif keep_newlines and "\n" in text:
                out.append(_TYPED_NEWLINE.sub(_LINE, text))
            else:
                out.append(text)
            continue
        name = child.name.lower()
        if name in _DROP:
            continue
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
_SPACES = re.compile(r"[\s\u00a0\u200b]+")
_AROUND_BREAK = re.compile(r" *(\x00[PL]\x00) *")
_LINE_END_SPACES = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(\s*\n)+")


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
            flat = _SPACES.sub(" ", chunk)
            text.append(_AROUND_BREAK.sub(r"\1", flat))
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


def any_in(words: tuple[str, ...], low: str) -> bool:
    """Whether one of `words` occurs in `low` (a `lowered` text): a regex pre-check."""
    return any(w in low for w in words)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was read as Latin-1/cp1252 ("â€™" → "’", "Ã¡" → "á").

    Delegates to `ftfy.fix_encoding`, which only changes text that decodes to something more
    plausible; the cheap pre-check keeps clean text (the usual case) off that path.
    """
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    return ftfy.fix_encoding(text)


def extract_links(html: str | None) -> list[str]:
    """Absolute http(s) hrefs of the fragment's links, de-duplicated, in document order."""
    if not html or "href" not in html.lower():  # no link: skip the parse
        return []
    seen: dict[str, None] = {}
    for a in _elements(_light_tree(html), "a"):
        if "href" not in a.attrs:
            continue
        href = a.attrs["href"].strip()
        parts = urlsplit(href)
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            seen.setdefault(href, None)
    return list(seen)


def _elements(node: _Element, name: str) -> Iterator[_Element]:
    """The elements called `name` under `node`, in document order."""
    for child in node.children:
        if not isinstance(child, str):
            if child.name == name:
                yield child
            yield from _elements(child, name)
