"""Disclosure control: no published count from 1 to k-1, and no hidden count recoverable.

*Primary suppression* hides every count from 1 to k-1 (zero is shown: it says nothing about
a person). *Complementary suppression* then hides more cells until no hidden cell can be
worked out from what is shown — by subtraction from a row or column total, or by combining
several totals.

Why the graph: put a table with its margins into one (R+1) x (C+1) grid and flip the sign of
the margin row and column. Every row and every column of that grid then sums to zero, so a
pattern of hidden cells can be changed without changing anything shown exactly when the
change runs around a cycle: +1, -1, +1, … along alternating rows and columns. Seen as a
bipartite graph (rows and columns as nodes, hidden cells as edges), a hidden cell can be
recovered exactly if and only if it lies on no cycle, i.e. it is a *bridge*. Every hidden
cell is at least 1, so moving one unit around a cycle always stays non-negative: a hidden
cell on a cycle has at least two possible values.

Hidden cells are never 0 (zero is shown), so a reader also knows each is at least 1. With
that bound a hidden cell can be pinned even when the sums alone leave it free: two hidden
cells next to a shown total of 2 are both 1. So a final check computes, for every hidden
cell, the least and greatest value consistent with everything shown (a small linear
programme per connected group of sums); a cell whose range is a single value takes another
partner, like a determined one.

Tables in one report are *linked*: a cell carries an identity (what it counts), and a count
hidden in one table is hidden wherever the same identity appears, repeating until stable.

Some identities are *public*: already shown on another page (the overview's total, a
question's number of answers). Complementary suppression takes public cells only as a last
resort, so that a total the team has read on one page does not turn "hidden" on the next.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

TOTAL = "__total__"

Coord = tuple[str, str]


class Margins(Enum):
    """Which sums a table publishes (and therefore which equations a reader has)."""

    BOTH = "both"  # each row and each column adds up: single-answer questions
    COLUMNS = "columns"  # only columns add up: lists (1-D) and multiple-choice questions
    ROWS = "rows"  # only rows add up: themes (one person, several themes) by group
    NONE = "none"  # nothing adds up (shares of respondents, medians)


@dataclass
class Table:
    """Counts in rows x columns. Margins are computed here, never passed in.

    ``identities`` maps a coordinate to what the count means across the report (for
    example ``("answer", "police_effect", "made_safer", "*")``); cells with the same identity
    in different tables are suppressed together.
    """

    key: str
    rows: list[str]
    columns: list[str]
    counts: dict[Coord, int]
    margins: Margins = Margins.BOTH
    identities: dict[Coord, Hashable] = field(default_factory=dict)
    suppressed: set[Coord] = field(default_factory=set)
    # Cells already published elsewhere: hidden to protect another cell only when nothing
    # else can be (see _candidates).
    public: set[Coord] = field(default_factory=set)

    def __post_init__(self) -> None:
        for coord, value in self.counts.items():
            if value < 0:
                raise ValueError(f"negative count at {coord}")
        self._add_margins()

    # -- structure -----------------------------------------------------------------------
    def _add_margins(self) -> None:
        rows, cols = self.rows, self.columns
        get = self.counts.get
        if self.margins in (Margins.BOTH, Margins.COLUMNS):
            for c in cols:
                self.counts[(TOTAL, c)] = sum(get((r, c), 0) for r in rows)
        if self.margins in (Margins.BOTH, Margins.ROWS):
            for r in rows:
                self.counts[(r, TOTAL)] = sum(get((r, c), 0) for c in cols)
        if self.margins is Margins.BOTH:
            self.counts[(TOTAL, TOTAL)] = sum(get((r, c), 0) for r in rows for c in cols)

    @property
    def all_rows(self) -> list[str]:
        has_total = self.margins in (Margins.BOTH, Margins.COLUMNS)
        return [*self.rows, TOTAL] if has_total else list(self.rows)

    @property
    def all_columns(self) -> list[str]:
        has_total = self.margins in (Margins.BOTH, Margins.ROWS)
        return [*self.columns, TOTAL] if has_total else list(self.columns)

    def equations(self) -> list[list[Coord]]:
        """Each published sum as its cells, the total last (parts - total = 0)."""
        lines = []
        if self.margins in (Margins.BOTH, Margins.COLUMNS):
            lines += [[*((r, c) for r in self.rows), (TOTAL, c)] for c in self.all_columns]
        if self.margins in (Margins.BOTH, Margins.ROWS):
            lines += [[*((r, c) for c in self.columns), (r, TOTAL)] for r in self.all_rows]
        return lines

    def cells(self) -> Iterable[Coord]:
        for r in self.all_rows:
            for c in self.all_columns:
                yield (r, c)

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def shown(self, row: str, column: str) -> int | None:
        """The published value, or None when it is hidden."""
        if (row, column) in self.suppressed:
            return None
        return self.count(row, column)

    def share(self, row: str, column: str, of: Coord) -> float | None:
        """A percentage, only when both the count and its base are published."""
        part, base = self.shown(row, column), self.shown(*of)
        if part is None or base is None or base == 0:
            return None
        return 100.0 * part / base

    # -- protection ----------------------------------------------------------------------
    def protect(self, k: int, forced: Iterable[Coord] = ()) -> None:
        """Suppress in place: primary (1..k-1), ``forced`` cells, then complementary."""
        for coord in self.cells():
            if 0 < self.count(*coord) < k:
                self.suppressed.add(coord)
        self.suppressed.update(c for c in forced if self.count(*c) > 0)
        if self.margins is Margins.BOTH:
            self._protect_two_way()
        else:
            for line in self.equations():
                self._protect_line(line)

    def _candidates(self, coords: Iterable[Coord], public: bool = True) -> list[Coord]:
        # Hide the smallest counts first (least information lost); prefer inner cells to
        # totals, then a fixed order so that the same data always gives the same report.
        free = [c for c in coords if c not in self.suppressed and self.count(*c) > 0]
        private = [c for c in free if c not in self.public]
        return sorted(
            private or (free if public else []), key=lambda c: (self.count(*c), TOTAL in c, c)
        )

    def _protect_line(self, line: Sequence[Coord]) -> None:
        hidden = [c for c in line if c in self.suppressed]
        if len(hidden) == 1:
            candidates = self._candidates(line)
            if candidates:
                self.suppressed.add(candidates[0])

    def _protect_two_way(self) -> None:
        while True:
            bridge = _find_bridge(self.suppressed)
            if bridge is None:
                return
            row_side, col_side = _sides(self.suppressed - {bridge}, bridge)
            linking = [
                (r, c)
                for r in self.all_rows
                for c in self.all_columns
                if (("r", r) in row_side and ("c", c) in col_side)
                or (("r", r) in col_side and ("c", c) in row_side)
            ]
            # No single cell closes a cycle: widen the hidden set from the bridge's own row
            # or column and look again. Public cells only when no other will do.
            r, c = bridge
            widened = [(r, x) for x in self.all_columns] + [(x, c) for x in self.all_rows]
            candidates = (
                self._candidates(linking, public=False)
                or self._candidates(widened, public=False)
                or self._candidates(linking)
                or self._candidates(widened)
            )
            if not candidates:
                # Nothing left in reach: hide every positive count of the table rather than
                # leave a recoverable cell (never return with a bridge still there).
                self.suppressed.update(c for c in self.cells() if self.count(*c) > 0)
                return
            self.suppressed.add(candidates[0])


def _graph(edges: Iterable[Coord]) -> dict[tuple[str, str], list[tuple[tuple[str, str], Coord]]]:
    graph: dict[tuple[str, str], list[tuple[tuple[str, str], Coord]]] = {}
    for r, c in edges:
        graph.setdefault(("r", r), []).append((("c", c), (r, c)))
        graph.setdefault(("c", c), []).append((("r", r), (r, c)))
    return graph


def _find_bridge(edges: set[Coord]) -> Coord | None:
    """One hidden cell that lies on no cycle (Tarjan's bridge search), or None."""
    graph = _graph(sorted(edges))
    order: dict[tuple[str, str], int] = {}
    low: dict[tuple[str, str], int] = {}
    for root in graph:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, None, iter(graph[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for nxt, edge in neighbours:
                if edge == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, edge, iter(graph[nxt])))
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    return via
    return None


def _sides(edges: set[Coord], bridge: Coord) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The nodes reachable from each end of ``bridge`` once it is removed."""
    graph = _graph(edges)

    def reach(start: tuple[str, str]) -> set[tuple[str, str]]:
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            for nxt, _edge in graph.get(node, []):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    return reach(("r", bridge[0])), reach(("c", bridge[1]))


def protect_report(tables: Sequence[Table], k: int, public: Iterable[Hashable] = ()) -> None:
    """Suppress every table so that nothing hidden follows from the whole report.

    First each table on its own, carrying hidden identities across tables until stable.
    Then a check over all the report's equations together (linked tables can combine into
    relations no single table has): any hidden cell they still determine takes another
    partner, and the whole process repeats.

    Tables that share no identity, directly or through other tables, have no equation in
    common: nothing shown in one says anything about a cell of the other. So each linked
    group is protected on its own, and what a group hides never depends on the others.
    That is what lets a report protect the theme tables (which coding decisions change)
    apart from the answer tables (which only new responses change) and get exactly what
    protecting them all together gives.
    """
    if k < 1:
        raise ValueError("the threshold must be at least 1")
    public = set(public)
    for table in tables:
        table.public |= {c for c, ident in table.identities.items() if ident in public}
    for group in linked_groups(tables):
        _protect_linked(group, k)


def linked_groups(tables: Sequence[Table]) -> list[list[Table]]:
    """``tables`` split into groups that share identities (each group in the given order)."""
    parent = list(range(len(tables)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first_with: dict[Hashable, int] = {}
    for number, table in enumerate(tables):
        for ident in table.identities.values():
            other = first_with.setdefault(ident, number)
            parent[find(number)] = find(other)
    groups: dict[int, list[Table]] = {}
    for number, table in enumerate(tables):
        groups.setdefault(find(number), []).append(table)
    return list(groups.values())


def _protect_linked(tables: Sequence[Table], k: int) -> None:
    """``protect_report`` for one group of linked tables."""
    while True:
        while True:
            before = sum(len(t.suppressed) for t in tables)
            hidden_ids: set[Hashable] = {
                t.identities[c] for t in tables for c in t.suppressed if c in t.identities
            }
            for table in tables:
                forced = [c for c, ident in table.identities.items() if ident in hidden_ids]
                table.protect(k, forced)
                hidden_ids.update(
                    table.identities[c] for c in table.suppressed if c in table.identities
                )
            after_ids = {t.identities[c] for t in tables for c in t.suppressed if c in t.identities}
            unforced = any(
                ident in after_ids and c not in t.suppressed and t.count(*c) > 0
                for t in tables
                for c, ident in t.identities.items()
            )
            if sum(len(t.suppressed) for t in tables) == before and not unforced:
                break
        exposed = determined_cells(tables)
        if not exposed:
            exposed = pinned_cells(tables)
        if not exposed:
            return
        before = sum(len(t.suppressed) for t in tables)
        for table, coord in exposed:
            candidates = table._candidates(
                {c for line in table.equations() if coord in line for c in line}
            )
            if candidates:
                table.suppressed.add(
                    min(candidates, key=lambda c: (table.count(*c), TOTAL in c, c))
                )
            else:
                # Nothing to pair it with in its own sums: hide the whole table.
                table.suppressed.update(c for c in table.cells() if table.count(*c) > 0)
        if sum(len(t.suppressed) for t in tables) == before:
            return  # every positive count next to the exposed cells is already hidden


def _components(
    tables: Sequence[Table],
) -> tuple[
    dict[Hashable, int], list[tuple[list[int], list[list[tuple[int, int]]]]], dict[int, set[int]]
]:
    """Hidden quantities (one per identity), the published sums over them grouped into
    connected components, and which tables each quantity appears in."""
    index: dict[Hashable, int] = {}
    for table in tables:
        for coord in sorted(table.suppressed):
            index.setdefault(_unknown(table, coord), len(index))
    owner: dict[int, set[int]] = {}
    for number, table in enumerate(tables):
        for coord in table.suppressed:
            owner.setdefault(index[_unknown(table, coord)], set()).add(number)
    equations: list[list[tuple[int, int]]] = []
    for table in tables:
        for line in table.equations():
            terms = [
                (index[_unknown(table, c)], -1 if i == len(line) - 1 else 1)
                for i, c in enumerate(line)
                if c in table.suppressed
            ]
            if terms:
                equations.append(terms)
    parent = list(range(len(index)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for terms in equations:
        for u, _coef in terms[1:]:
            parent[find(u)] = find(terms[0][0])
    members: dict[int, list[int]] = {}
    for u in range(len(index)):
        members.setdefault(find(u), []).append(u)
    sums: dict[int, list[list[tuple[int, int]]]] = {}
    for terms in equations:
        sums.setdefault(find(terms[0][0]), []).append(terms)
    return index, [(m, sums.get(root, [])) for root, m in members.items()], owner


def pinned_cells(tables: Sequence[Table]) -> list[tuple[Table, Coord]]:
    """Hidden cells whose value is forced once every hidden cell is known to be ≥ 1.

    For each hidden quantity: can it be one more, or one less (staying ≥ 1), with every
    published sum unchanged? If neither, it is pinned. Asked of each connected group of
    sums (``_free_cells``).
    """
    index, systems = hidden_systems(tables)
    pinned: set[int] = set()
    for members, matrix, values in systems:
        if values.min() >= 2:
            # With every hidden value at least 2, a step of one along any cycle of hidden
            # cells stays at or above 1: only the linear check (determined_cells) matters.
            continue
        free = _free_cells(matrix, matrix @ values, values)
        pinned.update(u for i, u in enumerate(members) if not free[i])
    return [
        (table, coord)
        for table in tables
        for coord in sorted(table.suppressed)
        if index[_unknown(table, coord)] in pinned
    ]


def hidden_systems(tables: Sequence[Table]) -> tuple[dict[Hashable, int], list[tuple[Any, ...]]]:
    """The hidden quantities (one per identity) and, for each connected group of published
    sums over them, (its quantities, the sums as a matrix, the quantities' true values)."""
    import numpy as np

    index, components, _owner = _components(tables)
    actual: dict[int, int] = {}
    for table in tables:
        for coord in table.suppressed:
            actual[index[_unknown(table, coord)]] = table.count(*coord)
    systems = []
    for members, eqs in components:
        if not eqs:
            continue
        position = {u: i for i, u in enumerate(members)}
        matrix = np.zeros((len(eqs), len(members)))
        for row, terms in enumerate(eqs):
            for u, coef in terms:
                matrix[row, position[u]] += coef
        systems.append((members, matrix, np.array([actual[u] for u in members], dtype=float)))
    return index, systems


def _free_cells(matrix: Any, target: Any, values: Any) -> Any:
    """Which hidden values could be one more, or one less (staying ≥ 1), with every sum in
    ``matrix @ x == target`` unchanged.

    Answered by walking cycles (``_free_by_cycles``) whenever the sums form a network, which
    is what the report's tables give; by linear programmes otherwise.
    """
    free = _free_by_cycles(matrix, values)
    return free if free is not None else _free_by_programmes(matrix, target, values)


def _free_by_cycles(matrix: Any, values: Any) -> Any:
    """``_free_cells`` by graph search, or None when the sums are not a network.

    When every hidden value appears in at most two sums, with coefficients ±1, and the sums
    can be signed so that each value enters its two with opposite signs (a table's rows
    against its columns, as the module docstring's flipped grid does), the sums are the
    flow conservation of a directed graph: sums are nodes (plus one node for values in a
    single sum), each hidden value an arc. A change that keeps every sum is then a
    circulation, and it splits into simple cycles that each move every value they use by
    exactly one, in the same direction as the whole change. So a value can go up by one
    exactly when some cycle carries it forward while every value the cycle carries
    backwards is at least 2 (it must stay ≥ 1); down likewise, from a value of at least 2.
    Each question is one search in a graph of a few dozen nodes, where a linear programme
    costs a millisecond of set-up; the answers are the same (tests/test_disclosure.py
    compares them on random linked tables).
    """
    import numpy as np

    if not np.isin(matrix, (-1.0, 0.0, 1.0)).all():
        return None
    equations, size = matrix.shape
    ends: list[list[tuple[int, int]]] = []
    touching: list[list[int]] = [[] for _ in range(equations)]
    for j in range(size):
        rows = np.flatnonzero(matrix[:, j])
        if len(rows) > 2:
            return None
        ends.append([(int(r), int(matrix[r, j])) for r in rows])
        if len(rows) == 2:
            touching[int(rows[0])].append(j)
            touching[int(rows[1])].append(j)
    # Sign the sums (two-colouring): a value in two sums enters them with opposite signs.
    sign = [0] * equations
    for start in range(equations):
        if sign[start]:
            continue
        sign[start] = 1
        todo = [start]
        while todo:
            here = todo.pop()
            for j in touching[here]:
                (a, ca), (b, cb) = ends[j]
                other = b if a == here else a
                wanted = -sign[here] * ca * cb
                if not sign[other]:
                    sign[other] = wanted
                    todo.append(other)
                elif sign[other] != wanted:
                    return None  # an odd cycle of same-signed sums: not a network
    single = equations  # the node for values that appear in one sum only
    tail = [single] * size
    head = [single] * size
    free = np.zeros(size, dtype=bool)
    for j, terms in enumerate(ends):
        if not terms:
            free[j] = True  # in no published sum at all
        for eq, coef in terms:
            if sign[eq] * coef > 0:
                head[j] = eq
            else:
                tail[j] = eq
    # Residual arcs: any value can go up (tail -> head); one of at least 2 can go down.
    arcs: list[list[tuple[int, int]]] = [[] for _ in range(equations + 1)]
    for j in range(size):
        if not free[j]:
            arcs[tail[j]].append((head[j], j))
            if values[j] >= 2:
                arcs[head[j]].append((tail[j], j))

    def cycle(start: int, goal: int, without: int) -> list[int] | None:
        """The values along a path start -> goal that does not use ``without``."""
        via: dict[int, tuple[int, int]] = {start: (start, -1)}
        todo = [start]
        while todo:
            node = todo.pop()
            for nxt, j in arcs[node]:
                if j == without or nxt in via:
                    continue
                via[nxt] = (node, j)
                if nxt == goal:
                    path = []
                    while nxt != start:
                        nxt, used = via[nxt]
                        path.append(used)
                    return path
                todo.append(nxt)
        return None

    for j in range(size):
        if free[j]:
            continue
        # Up: back from head to tail closes a cycle carrying j forward. Down: the reverse.
        path = cycle(head[j], tail[j], j)
        if path is None and values[j] >= 2:
            path = cycle(tail[j], head[j], j)
        if path is not None:
            free[j] = True
            free[path] = True  # every value on a cycle moves by one: each is free too
    return free


def _free_by_programmes(matrix: Any, target: Any, values: Any) -> Any:
    """``_free_cells`` by linear programmes (HiGHS through SciPy), for sums that are not a
    network: a quantity published in several tables' sums.

    A cell is free once *some* solution puts it at least one above, or at least one below,
    its true value. Every solution a programme returns is such a witness for all the cells
    it moved, not only for the one asked about: remembering them answers most cells without
    programmes of their own — the same test as asking each cell in turn, with far fewer
    solves (the cost of a report at real sizes was thousands of them).
    """
    import numpy as np
    from scipy.optimize import linprog

    size = len(values)
    free = np.zeros(size, dtype=bool)

    def learn(found: Any) -> None:
        if found.status == 0:
            free[np.abs(np.asarray(found.x) - values) >= 1 - 1e-7] = True

    # First a few solutions pushed in random directions, each a step of at most one from
    # the truth (a smaller region: a witness in it is a witness everywhere); most free
    # cells move in one of them. Fixed seed: the same report costs the same every time.
    rng = np.random.default_rng(0)
    box = [(max(1.0, v - 1), v + 1) for v in values]
    for _round in range(8 if size > 6 else 0):  # small groups: asking each is as cheap
        unknown = ~free
        if not unknown.any():
            break
        before = int(free.sum())
        cost = np.where(unknown, rng.choice([-1.0, 1.0], size), 0.0)
        learn(linprog(cost, A_eq=matrix, b_eq=target, bounds=box, method="highs"))
        if int(free.sum()) == before:
            break
    # A sum of hidden cells alone (no hidden total) caps each of them: the others are at
    # least 1 each. A cell already at its cap cannot go up: no programme needed to say so
    # (most pinned cells are ones beside a shown total equal to their number).
    ceiling = np.full(size, np.inf)
    for row, total in zip(matrix, target, strict=True):
        if (row >= 0).all() and set(np.unique(row[row != 0])) <= {1.0}:
            terms = row != 0
            ceiling[terms] = np.minimum(ceiling[terms], total - (terms.sum() - 1))
    # Then the question itself, for each cell still unanswered.
    zeros = np.zeros(size)
    for i in range(size):
        if free[i]:
            continue
        asks = [] if values[i] >= ceiling[i] - 1e-9 else [(values[i] + 1, None)]  # up by one?
        if values[i] >= 2:
            asks.append((1, values[i] - 1))  # or down by one?
        for bound in asks:
            bounds = [(1, None)] * size
            bounds[i] = bound
            learn(linprog(zeros, A_eq=matrix, b_eq=target, bounds=bounds, method="highs"))
            if free[i]:
                break
    return free


def _unknown(table: Table, coord: Coord) -> Hashable:
    return table.identities.get(coord, (id(table), coord))


def determined_cells(tables: Sequence[Table]) -> list[tuple[Table, Coord]]:
    """Hidden cells whose value follows from everything published, by linear algebra.

    Unknowns are hidden quantities (one per identity); each published sum is an equation.
    A hidden quantity is determined exactly when every solution of the homogeneous system
    leaves it unchanged, i.e. its column of the null-space basis is zero. Solved per
    connected group of equations, so a report of many small tables stays fast.
    """
    import numpy as np  # only needed here; keeps importing the package light

    index, components, owner = _components(tables)
    if not index:
        return []
    determined: set[int] = set()
    for members, eqs in components:
        if not eqs:
            continue
        if len(set().union(*(owner[u] for u in members))) == 1:
            # Within one table, Table.protect already guarantees it (bridges / two per sum).
            continue
        position = {u: i for i, u in enumerate(members)}
        matrix = np.zeros((len(eqs), len(members)))
        for row, terms in enumerate(eqs):
            for u, coef in terms:
                matrix[row, position[u]] += coef
        _u, singular, vt = np.linalg.svd(matrix)
        rank = int((singular > 1e-9).sum())
        null = vt[rank:]
        for u, i in position.items():
            if null.shape[0] == 0 or np.abs(null[:, i]).max() < 1e-9:
                determined.add(u)
    found = []
    for table in tables:
        for coord in sorted(table.suppressed):
            if index[_unknown(table, coord)] in determined:
                found.append((table, coord))
    return found
