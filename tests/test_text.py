"""html_to_text / extract_links / repair_mojibake: table-driven, invented inputs."""

from __future__ import annotations

import re

import pytest

from pipelines import text as text_module
from pipelines.text import extract_links, html_to_text, repair_mojibake, replace_runs

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


# The tree is lxml's (libxml2's HTML5 tokenizer): what a browser shows is the text; markup a
# browser hides (comments, doctypes, processing instructions from pasted Word markup, CDATA)
# is never text; the first of two equal attributes counts; an end tag with no open element of
# its name inside the current block is ignored.
TREE_CASES = [
    ("Line one<p>Line two<p>Line three", "Line one\n\nLine two\n\nLine three"),
    ("<ul><li>a<li>b</ul></li>tail</p>", "- a\n- b\n\ntail"),
    ("x<pre>  a\n   b\n</pre>\n\n<p>\n</p> <i> </i>", "x\n\n  a\n   b"),
    ("x<!-- hidden -->y<!DOCTYPE html><![CDATA[c d]]><?pi x?>", "xy"),
    ('<p>x</p><?xml:namespace prefix = o ns = "urn" /><p>y</p>', "x\n\ny"),
    ("<script>if (a < b) {}</script><style>p{}</style><template><b>t</b></template>", ""),
    ("<ruby>k<rt>r<b>b</b></rt><rp>(</rp></ruby>", "krb("),
    (
        "&amp; &#x27; &#128; &#150; &nosuch; &#xZZ; & &eacute &copy;",
        "& ' € – &nosuch; &#xZZ; & é ©",
    ),
    ("<div><span>unclosed<div>inner</span>after</div>end", "unclosed\n\ninnerafter\n\nend"),
    ("<TABLE><TR><TD>a<TD>b</TABLE>", "a b"),
    # a fragment cut off inside a start tag (a feed that cuts descriptions to a length)
    ('<p>We hire</p><p class="figma-padding" style="border-width: 0px', "We hire"),
    ('<p class="figma-padding-bottom-32" style="--tw-ring-color: rgb(59 130', ""),
    ("Pay <$90k, a <b> tag, Python <3", "Pay <$90k, a tag, Python <3"),
]


@pytest.mark.parametrize(("html", "text"), TREE_CASES)
def test_tree_text_as_a_browser_shows_it(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_first_of_two_equal_attributes_counts() -> None:
    html = '<a href="https:&#x2F;&#x2F;a.io" HREF="https://b.io">l</a><a href>e</a>'
    assert extract_links(html) == ["https://a.io"]


def test_pay_block_reading() -> None:
    from pipelines.text import find_class, light_tree, stripped_strings

    html = (
        '<div class="x content-pay-transparency"><div class="pay-input"><div class="title">'
        'Base <!-- c --> pay</div><div class="pay-range"><span>$100</span><span>&mdash;</span>'
        "<template>t</template><span>$120 USD</span></div></div></div>"
    )
    block = find_class(light_tree(html), "content-pay-transparency")
    assert stripped_strings(find_class(block, "title")) == ["Base  pay"]
    assert stripped_strings(find_class(block, "pay-range")) == ["$100", "—", "$120 USD"]
    assert find_class(block, "Pay-Range") is None
    assert find_class(find_class(block, "title"), "title") is None  # descendants only


@pytest.mark.parametrize(
    "raw",
    [
        "a  b\tc \u00a0d\u200be",
        " \x00P\x00 \x00L\x00 x \u2003 y \x00L\x00z",
        "one two\nthree \x0b four \u3000",
        "",
        " ",
        "\u200b",
        "x",
        "\x00L\x00 \x00P\x00\t",
    ],
)
def test_tidy_collapses_as_one_whitespace_run_pattern_would(raw: str) -> None:
    flat = re.sub(r"[\s\u00a0\u200b]+", " ", raw)
    expected = re.sub(r" *(\x00[PL]\x00) *", r"\1", flat)
    assert text_module._tight_breaks(text_module._collapsed(raw)) == expected


def test_replace_runs_replaces_each_run_holding_the_key_whole() -> None:
    key = re.compile(r"@|http")
    text = "Mail jobs@acme.io, see\thttps://acme.io/x\u00a0or a@b@c  ok @"
    assert replace_runs(text, key, str.upper) == (
        "Mail JOBS@ACME.IO, see\tHTTPS://ACME.IO/X\u00a0or A@B@C  ok @"
    )
    assert replace_runs("no links here", key, str.upper) == "no links here"
    assert replace_runs("", key, str.upper) == ""
