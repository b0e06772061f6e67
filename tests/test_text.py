"""html_to_text / extract_links / repair_mojibake: table-driven, invented inputs."""

from __future__ import annotations

import pytest

from pipelines.text import extract_links, html_to_text, repair_mojibake

TEXT_CASES = [
    ("empty", "", ""),
    ("none", None, ""),
    ("plain", "Just words", "Just words"),
    ("hn paragraphs", "Line one<p>Line two<p>Line three", "Line one\n\nLine two\n\nLine three"),
    ("closed paragraphs", "<p>First</p><p>Second</p>", "First\n\nSecond"),
    ("br", "a<br>b<br/>c", "a\nb\nc"),
    ("entities", "We&#x27;re a A&amp;B co &#x2F; 50&#37; remote", "We're a A&B co / 50% remote"),
    ("named entities", "caf&eacute; &lt;tag&gt; &quot;q&quot;", 'café <tag> "q"'),
    ("italics kept inline", "We <i>really</i> mean it", "We really mean it"),
    ("link text", 'See <a href="https:&#x2F;&#x2F;x.io">x.io</a> now', "See x.io now"),
    ("list", "<ul><li>Python</li><li> Go </li></ul>after", "- Python\n- Go\n\nafter"),
    ("ordered list with p", "<ol><li><p>one</p></li><li>two</li></ol>", "- one\n- two"),
    ("script dropped", "a<script>track()</script>b", "ab"),
    ("style dropped", "<style>p{color:red}</style>Body", "Body"),
    ("pixel dropped", 'Hi<img src="https://t.co/p.gif" width="1" height="1">', "Hi"),
    ("comment dropped", "x<!-- hidden -->y", "xy"),
    ("spaces collapsed", "  lots   of \t space  ", "lots of space"),
    ("nbsp", "a&nbsp;&nbsp;b", "a b"),
    ("pre keeps layout", "Intro<p><pre><code>  def f():\n      return 1\n</code></pre>", None),
    ("headings", "<h2>About</h2><div>We build</div>", "About\n\nWe build"),
    ("table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
    ("mojibake", "Itâ€™s our teamâ€™s job", "It’s our team’s job"),
    ("newline is a space by default", "one\ntwo", "one two"),
]


@pytest.mark.parametrize("name,html,expected", TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_html_to_text(name: str, html: str | None, expected: str | None) -> None:
    got = html_to_text(html)
    if name == "pre keeps layout":
        assert got == "Intro\n\n  def f():\n      return 1"
    else:
        assert got == expected


def test_keep_newlines() -> None:
    assert html_to_text("Acme | Remote\nWe build things<p>Next", keep_newlines=True) == (
        "Acme | Remote\nWe build things\n\nNext"
    )


MOJIBAKE_CASES = [
    ("ascii untouched", "plain text", "plain text"),
    ("clean unicode untouched", "Zürich — naïve “quotes”", "Zürich — naïve “quotes”"),
    ("apostrophe", "donâ€™t", "don’t"),
    ("accent", "MÃ¼nchen", "München"),
    ("euro", "â‚¬80k", "€80k"),
]


@pytest.mark.parametrize("name,text,expected", MOJIBAKE_CASES, ids=[c[0] for c in MOJIBAKE_CASES])
def test_repair_mojibake(name: str, text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


LINK_CASES = [
    ("none", "no links here", []),
    (
        "escaped slashes",
        '<a href="https:&#x2F;&#x2F;acme.io&#x2F;jobs">j</a>',
        ["https://acme.io/jobs"],
    ),
    (
        "dedupe in order",
        '<a href="https://b.io">b</a><a href="http://a.io">a</a><a href="https://b.io">b</a>',
        ["https://b.io", "http://a.io"],
    ),
    (
        "relative and mailto dropped",
        '<a href="/careers">c</a><a href="mailto:jobs@acme.io">m</a><a href="ftp://x.io">f</a>',
        [],
    ),
    ("query kept", '<a href="https://x.io/a?b=1&amp;c=2">q</a>', ["https://x.io/a?b=1&c=2"]),
    ("no href", "<a name='top'>top</a>", []),
]


@pytest.mark.parametrize("name,html,expected", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_extract_links(name: str, html: str, expected: list[str]) -> None:
    assert extract_links(html) == expected


def test_mojibake_is_repaired_before_whitespace_is_collapsed():
    # "Â\xa0" is a no-break space whose UTF-8 bytes were read as Latin-1.
    assert html_to_text("<p>Salary:\u00c2\u00a0$120k \u00e2\u0080\u0093 $150k</p>") == (
        "Salary:\u00a0$120k \u2013 $150k".replace("\u00a0", " ")
    )


# The light tree html_to_text and extract_links read must be the tree BeautifulSoup builds with
# html.parser: same elements, strings (whitespace-only ones collapsed), kinds of string.
TREE_CASES = [
    "Line one<p>Line two<p>Line three",
    "<ul><li>a<li>b</ul></li>tail</p>",
    "a<br>b<br/>c</br>d<br></br>e<img></img>",
    "<p/>x<div/>y</div>",
    "<pre>  a\n   b\n</pre>\n\n<p>\n</p> <i> </i>",
    "<textarea> \n </textarea><b>\t</b>",
    "x<!-- hidden -->y<!DOCTYPE html><![CDATA[c d]]><?pi x?>",
    "<script>if (a < b) {}</script><style>p{}</style><template><b>t</b></template>",
    "<ruby>k<rt>r<b>b</b></rt><rp>(</rp></ruby>",
    "&amp; &#x27; &#128; &#150; &nosuch; &#xZZ; & &eacute &copy;",
    '<a href="https:&#x2F;&#x2F;a.io" HREF="https://b.io">l</a><a href>e</a>',
    "<div><span>unclosed<div>inner</span>after</div>end",
    "<TABLE><TR><TD>a<TD>b</TABLE>",
]


def _shape(node) -> tuple:
    return (
        node.name,
        sorted(node.attrs.items()),
        [
            _shape(c) if not isinstance(c, str) else (type(c).__name__, str(c))
            for c in node.children
        ],
    )


@pytest.mark.parametrize("html", TREE_CASES)
def test_light_tree_is_beautifulsoups_tree(html: str) -> None:
    from bs4 import BeautifulSoup

    from pipelines.text import _from_soup, _light_tree

    assert _shape(_light_tree(html)) == _shape(_from_soup(BeautifulSoup(html, "html.parser")))


def test_pay_block_reading_matches_beautifulsoup() -> None:
    from bs4 import BeautifulSoup

    from pipelines.text import find_class, light_tree, stripped_strings

    html = (
        '<div class="x content-pay-transparency"><div class="pay-input"><div class="title">'
        'Base <!-- c --> pay</div><div class="pay-range"><span>$100</span><span>&mdash;</span>'
        "<template>t</template><span>$120 USD</span></div></div></div>"
    )
    soup = BeautifulSoup(html, "html.parser").find(class_="content-pay-transparency")
    block = find_class(light_tree(html), "content-pay-transparency")
    for name in ("title", "pay-range"):
        assert " ".join(stripped_strings(find_class(block, name))) == soup.find(
            class_=name
        ).get_text(" ", strip=True)
    assert find_class(block, "Pay-Range") is None
