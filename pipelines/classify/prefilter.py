"""A literal pre-check for many regexes tried on the same short text (a folded title).

Python's `re` tries every alternative of a large alternation at every position. Most of the
classifiers' patterns cannot match unless the text holds some literal: each alternative of
`r"\\bml\\b|data scien\\w*"` needs "ml" or "data scien". The literals are read from the
patterns themselves (so a rule added to a pattern is covered without a hand-kept word list),
and one Aho-Corasick pass over the text finds which patterns may match; only those are run.
A pattern with an alternative that needs no literal (`\\w+ engineer` does: " engineer"; `\\w+`
does not), or compiled with IGNORECASE, is always run.

`Prefilter.searcher` goes one step further: a long alternation is run as its alternatives,
only those whose literal the text holds (an "engineer" title runs the two or three of the
sixty alternatives of "not a technical job" that need "engineer", not all sixty at every
character). The leftmost match of the alternatives is where the whole pattern matches.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
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


def _syntax(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each "(", ")" and "|" of a pattern's source that
    is syntax: not escaped, not in a character class."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 1  # the escaped character is no syntax
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # a "]" first in a class is literal
        elif c in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[c]
            yield i, c, depth
        i += 1


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source, a wrapping `(?:…)` opened:
    `a|b(?:c|d)` -> ["a", "b(?:c|d)"], `(?:a|b)` -> ["a", "b"]."""
    cuts = [i for i, c, depth in _syntax(source) if c == "|" and depth == 0]
    if not cuts and source.startswith("(?:") and _one_group(source):
        return alternatives(source[3:-1])
    bounds = [-1, *cuts, len(source)]
    return [source[start + 1 : end] for start, end in itertools.pairwise(bounds)]


def by_first_letter(source: str) -> str:
    """A pattern's source with the alternatives that open with the same letter under it:
    `eng|engineers?|devs|x+` -> `e(?:ng|ngineers?)|d(?:evs)|x+`. The engine tries every
    alternative at every position; grouped, a couple of dozen letters. A text holds a match of
    the one where it holds a match of the other (only the alternative that matches first, and
    so its end, may differ), so it is for a search whose match is not read; and for patterns
    without capturing groups (their numbers would change)."""
    grouped: dict[str, list[str]] = {}
    others = []
    for alternative in alternatives(source):
        head, rest = alternative[:1], alternative[1:]
        if head.isalpha() and not rest.startswith(("?", "*", "+", "{")):
            grouped.setdefault(head, []).append(rest)
        else:
            others.append(alternative)
    return "|".join([f"{head}(?:{'|'.join(rests)})" for head, rests in grouped.items()] + others)


def _one_group(source: str) -> bool:
    """Whether `source` is one group: its first parenthesis closes at its last character."""
    closes = (i for i, c, depth in _syntax(source) if c == ")" and depth == 0)
    return next(closes, None) == len(source) - 1


class Prefilter:
    """Which of `patterns` may match a text, from one pass over it.

    Patterns are told by their `id()`: a compiled pattern hashes its whole source at every
    set lookup (1-3 us for the classifiers' long alternations), more than the search saved."""

    def __init__(
        self,
        patterns: Iterable[re.Pattern[str]],
        split: bool = True,
        keys: Mapping[re.Pattern[str], Iterable[str]] | None = None,
    ) -> None:
        """`split`: run each pattern as its alternatives in `searcher` (worth it for long
        alternations; short ones are quicker whole). `keys`: for some patterns, run whole,
        the words one of which every match holds, when they are better than the literals
        read from the pattern (`\\bc(?:t|d|e)o\\b` gives only "t", "d", "e", which most
        texts hold)."""
        keys = keys or {}
        self.patterns = tuple(patterns)
        # Each alternative of a split pattern has a number of its own (a pattern run whole is
        # numbered by its id): the automaton's words give the numbers of the alternatives
        # that need them and the ids of their patterns, so one `set.update` per word found
        # records both.
        self._part_of: dict[int, tuple[int, re.Pattern[str]]] = {}  # number -> (id, part)
        by_word: dict[str, set[int]] = defaultdict(set)
        always: set[int] = set()
        number = itertools.count(-1, -1)  # negative: never an id()
        for pattern in self.patterns:
            split_parts = self._split(pattern) if split and pattern not in keys else (pattern,)
            if len(split_parts) == 1:  # the pattern's own id numbers its one alternative
                parts: tuple[tuple[int, re.Pattern[str]], ...] = ((id(pattern), pattern),)
            else:
                parts = tuple((next(number), part) for part in split_parts)
                self._part_of.update((n, (id(pattern), part)) for n, part in parts)
            for n, part in parts:
                parsed = _parser.parse(part.pattern, part.flags)
                words = None if part.flags & re.IGNORECASE else literals(parsed)
                words = list(keys[pattern]) if pattern in keys else words
                if words is None:
                    always.update((id(pattern), n))
                for word in words or ():
                    by_word[word].update((id(pattern), n))
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for word, owners in by_word.items():
            self._automaton.add_word(word, tuple(owners))
        if by_word:
            self._automaton.make_automaton()
        # The id of each split pattern -> the numbers of its alternatives.
        numbers: dict[int, set[int]] = defaultdict(set)
        for n, (owner, _) in self._part_of.items():
            numbers[owner].add(n)
        self._numbers_of = {owner: frozenset(ns) for owner, ns in numbers.items()}

    @staticmethod
    def _split(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
        """The pattern's alternatives compiled on their own; the pattern alone when it has
        flags (an IGNORECASE pattern is always run whole) or one alternative."""
        parts = alternatives(pattern.pattern)
        if pattern.flags & ~re.UNICODE or len(parts) == 1:
            return (pattern,)
        return tuple(re.compile(part) for part in parts)

    def _found(self, text: str) -> set[int]:
        """The ids of the patterns and the numbers of the alternatives that may match."""
        found = set(self._always)
        if self._automaton.kind == ahocorasick.AHOCORASICK:
            for _, owners in self._automaton.iter(text):
                found.update(owners)
        return found

    def may_match(self, text: str) -> bool:
        """Whether some pattern may match `text`: the first literal found is enough (cheaper
        than `possible` when the patterns are not told apart)."""
        if self._always:
            return True
        if self._automaton.kind != ahocorasick.AHOCORASICK:
            return False
        return next(self._automaton.iter(text), None) is not None

    def possible(self, text: str) -> set[int]:
        """The ids of the patterns that may match `text`: those whose literals it holds, and
        those that need none (`id(pattern) in possible(text)`)."""
        found = self._found(text)
        return {owner for owner in found if owner > 0} if self._part_of else found

    def searcher(self, text: str) -> Callable[[re.Pattern[str]], re.Match[str] | None]:
        """A `search(pattern)` that gives where `pattern.search(text)` matches (the same
        start and end) by running only the alternatives of `pattern` that may match. A
        pattern's alternatives are picked out when it is searched: most patterns asked about
        are not among those found."""
        found = self._found(text)
        part_of, numbers_of = self._part_of, self._numbers_of

        def search(pattern: re.Pattern[str]) -> re.Match[str] | None:
            if id(pattern) not in found:
                return None
            numbers = numbers_of.get(id(pattern))
            if numbers is None:  # not split: its id numbers it
                return pattern.search(text)
            best = None
            for n in sorted(found.intersection(numbers), reverse=True):  # in pattern order
                m = part_of[n][1].search(text)
                # at one start the first alternative matches, as in the whole pattern
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            return best

        return search
