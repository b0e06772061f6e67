"""A literal pre-check for many regexes tried on the same short text (a folded title).

Python's `re` tries every alternative of a large alternation at every position. Most of the
classifiers' patterns cannot match unless the text holds some literal: each alternative of
`r"\\bml\\b|data scien\\w*"` needs "ml" or "data scien". The literals are read from the
patterns themselves (so a rule added to a pattern is covered without a hand-kept word list),
and one Aho-Corasick pass over the text finds which patterns may match; only those are run.
A pattern with an alternative that needs no literal (`\\w+ engineer` does: " engineer"; `\\w+`
does not), or compiled with IGNORECASE, is always run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from re import _constants as sre  # the stdlib's own parse of a pattern
from re import _parser

import ahocorasick

# Items that match no characters: the literals on either side stay adjacent in every match.
_ZERO_WIDTH = (sre.AT,)


def _run(items: list) -> str:
    """The longest run of literal characters every match of this sequence holds in a row."""
    best = run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            best = max(best, run, key=len)
        elif op not in _ZERO_WIDTH:
            run = ""
    return best


def _group(op: object, av: object) -> list[str] | None:
    """The literals of an alternation or a plain group (`(?:…)`), else None."""
    if op is sre.BRANCH:
        found: list[str] = []
        for alternative in av[1]:
            words = literals(alternative)
            if words is None:
                return None
            found += words
        return found
    if op is sre.SUBPATTERN and not any(av[1:3]):  # no flags of its own
        return literals(av[3])
    return None


def literals(sub: _parser.SubPattern) -> list[str] | None:
    """Strings one of which every match of `sub` holds, or None when some match need hold
    none of them. A run of two or more literal characters is preferred; else an
    alternation every match goes through gives one literal per alternative."""
    items = list(sub)
    run = _run(items)
    if len(run) >= 2:
        return [run]
    for op, av in items:
        if words := _group(op, av):
            return words
    return [run] if run else None


class Prefilter:
    """Which of `patterns` may match a text, from one pass over it.

    Patterns are told by their `id()`: a compiled pattern hashes its whole source at every
    set lookup (1-3 us for the classifiers' long alternations), more than the search saved."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        by_word: dict[str, set[int]] = defaultdict(set)
        always = set()
        for pattern in self.patterns:
            parsed = _parser.parse(pattern.pattern, pattern.flags)
            words = None if pattern.flags & re.IGNORECASE else literals(parsed)
            if words is None:
                always.add(id(pattern))
            for word in words or ():
                by_word[word].add(id(pattern))
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for word, owners in by_word.items():
            self._automaton.add_word(word, tuple(owners))
        if by_word:
            self._automaton.make_automaton()

    def possible(self, text: str) -> set[int]:
        """The ids of the patterns that may match `text`: those whose literals it holds, and
        those that need none (`id(pattern) in possible(text)`)."""
        found = set(self._always)
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, owners in self._automaton.iter(text):
                found.update(owners)
        return found
