"""Normalized rows as dedupe reads them: held as columns (an Arrow table), or as the dicts a
caller already has.

A million rows as dicts cost about 3 GB before dedupe starts; as an Arrow table they cost
their bytes. Dedupe reads a few short fields of a row many times (source, title, company,
links) and a description once, in its company block: the short fields become Python lists
on first use, sharing one object per distinct value (a source's name, a title, a date), and
descriptions are taken block by block, never all at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa


class Row(Mapping[str, Any]):
    """One row of `Rows`, read field by field (a missing field reads as absent)."""

    __slots__ = ("_i", "_rows")

    def __init__(self, rows: Rows, i: int) -> None:
        self._rows, self._i = rows, i

    def __getitem__(self, name: str) -> Any:
        try:  # read many times per row: the column list directly, once it is made
            return self._rows.lists[name][self._i]
        except KeyError:
            return self._rows.column(name)[self._i]

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self._rows.names else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows.names)

    def __len__(self) -> int:
        return len(self._rows.names)


class Rows(Sequence[Row]):
    """The rows dedupe works on, by index, as an Arrow table or as a list of dicts."""

    def __init__(self, table: pa.Table | None = None, dicts: Sequence[dict[str, Any]] = ()):
        self.table, self.dicts = table, dicts
        self.names = frozenset(table.column_names if table is not None else ())
        self.lists: dict[str, list[Any]] = {}  # the columns made Python lists so far
        self._rows = [Row(self, i) for i in range(len(self))] if table is not None else dicts

    @classmethod
    def of(cls, rows: pa.Table | Sequence[Mapping[str, Any]] | Rows) -> Rows:
        if isinstance(rows, Rows):
            return rows
        if isinstance(rows, pa.Table):
            return cls(table=rows)
        return cls(dicts=list(rows))

    def __len__(self) -> int:
        return self.table.num_rows if self.table is not None else len(self.dicts)

    def __getitem__(self, i: int) -> Row:  # type: ignore[override]
        return self._rows[i]

    def column(self, name: str) -> list[Any]:
        """A column as a Python list (of Nones when the table has no such column)."""
        found = self.lists.get(name)
        if found is None:
            if self.table is None:
                found = [row.get(name) for row in self.dicts]
            elif name in self.names:
                found = _shared_list(self.table.column(name))
            else:
                found = [None] * len(self)
            self.lists[name] = found
        return found

    def forget(self, *names: str) -> None:
        """Free the Python lists of columns no later step reads (at 1M rows, a list of
        distinct links costs some 100 MB the next steps need)."""
        for name in names:
            self.lists.pop(name, None)

    def values(self, name: str, indices: Sequence[int]) -> list[Any]:
        """One column's values of some rows (a block's descriptions), without turning the
        whole column into Python objects."""
        if self.table is None:
            return [self.dicts[i].get(name) for i in indices]
        if name in self.lists:
            column = self.lists[name]
            return [column[i] for i in indices]
        if name not in self.names:
            return [None] * len(indices)
        return [row[name] for row in self._take(self.table.select([name]), indices)]

    def records(self, indices: Sequence[int], skip: frozenset[str]) -> list[dict[str, Any]]:
        """Whole rows as dicts (fields in `skip` left out where rows are columns, since a
        table always has them all), for the rows a chunk of postings is made from."""
        if self.table is None:
            return [self.dicts[i] for i in indices]
        wanted = [n for n in self.table.column_names if n not in skip]
        return self._take(self.table.select(wanted), indices)

    def _take(self, table: pa.Table, indices: Sequence[int]) -> list[dict[str, Any]]:
        """Some rows of `table` (a selection of this one's columns), batch by batch: Arrow's
        `take` on a table of several chunks joins them whole first, each call."""
        batches = table.to_batches()
        starts = np.cumsum([0, *map(len, batches)])
        where = np.asarray(indices, dtype=np.int64)
        batch_of = np.searchsorted(starts, where, side="right") - 1
        out: list[dict[str, Any]] = [{}] * len(where)
        for b in np.unique(batch_of).tolist():
            chosen = np.flatnonzero(batch_of == b)
            taken = batches[b].take(pa.array(where[chosen] - starts[b])).to_pylist()
            for position, row in zip(chosen.tolist(), taken, strict=True):
                out[position] = row
        return out


def _shared_list(column: pa.ChunkedArray) -> list[Any]:
    """A column as a Python list with one object per distinct value (list columns, which
    Arrow cannot dictionary-encode, one object per row)."""
    if pa.types.is_nested(column.type) or pa.types.is_null(column.type):
        return column.to_pylist()
    encoded = column.combine_chunks().dictionary_encode()
    distinct = [*encoded.dictionary.to_pylist(), None]
    codes = encoded.indices.fill_null(len(distinct) - 1).to_numpy().tolist()
    return list(map(distinct.__getitem__, codes))
