"""Disclosure control: nothing from 1 to k-1 is shown, and nothing hidden can be worked out.

The recoverability check here is independent of the implementation's graph argument: it is
plain linear algebra over the equations a reader has (every published margin), asking for
each hidden cell whether its value follows from them.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from intake.analysis import combining
from intake.analysis.disclosure import TOTAL, Margins, Table, protect_report


def _equations(table: Table) -> list[dict[tuple[str, str], int]]:
    """Each published relation as coefficients over cells (sum of parts minus total = 0)."""
    eqs = []
    if table.margins in (Margins.BOTH, Margins.COLUMNS):
        for c in table.all_columns:
            eq = {(r, c): 1 for r in table.rows}
            eq[(TOTAL, c)] = -1
            eqs.append(eq)
    if table.margins in (Margins.BOTH, Margins.ROWS):
        for r in table.all_rows:
            eq = {(r, c): 1 for c in table.columns}
            eq[(r, TOTAL)] = -1
            eqs.append(eq)
    return eqs


def recoverable(tables: list[Table]) -> list[tuple[str, tuple[str, str]]]:
    """Hidden cells whose value is determined by what is published (across linked tables)."""
    # One unknown per hidden identity (cells with the same identity are one quantity).
    unknowns: dict[object, int] = {}

    def unknown_of(table: Table, coord: tuple[str, str]) -> object:
        return table.identities.get(coord, (table.key, coord))

    for table in tables:
        for coord in table.suppressed:
            unknowns.setdefault(unknown_of(table, coord), len(unknowns))
    rows = []
    for table in tables:
        for eq in _equations(table):
            vec = np.zeros(len(unknowns))
            for coord, coef in eq.items():
                if coord in table.suppressed:
                    vec[unknowns[unknown_of(table, coord)]] += coef
            if vec.any():
                rows.append(vec)
    if not unknowns:
        return []
    matrix = np.array(rows) if rows else np.zeros((0, len(unknowns)))
    rank = np.linalg.matrix_rank(matrix) if rows else 0
    found = []
    for table in tables:
        for coord in sorted(table.suppressed):
            unit = np.zeros(len(unknowns))
            unit[unknowns[unknown_of(table, coord)]] = 1
            if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
                found.append((table.key, coord))
    return found


def _table(key: str, grid: list[list[int]], margins: Margins = Margins.BOTH) -> Table:
    rows = [f"r{i}" for i in range(len(grid))]
    cols = [f"c{j}" for j in range(len(grid[0]))]
    counts = {(rows[i], cols[j]): v for i, line in enumerate(grid) for j, v in enumerate(line)}
    return Table(key, rows, cols, counts, margins)


def ranges(tables: list[Table]) -> dict[tuple[str, tuple[str, str]], tuple[float, float]]:
    """For each hidden cell: the least and greatest value consistent with everything shown,
    knowing that a hidden cell is at least 1 (zeros are shown). Solved as min/max linear
    programmes over the whole report at once."""
    from scipy.optimize import linprog

    unknowns: dict[object, int] = {}

    def unknown_of(table: Table, coord: tuple[str, str]) -> object:
        return table.identities.get(coord, (table.key, coord))

    actual: dict[int, int] = {}
    for table in tables:
        for coord in table.suppressed:
            u = unknowns.setdefault(unknown_of(table, coord), len(unknowns))
            actual[u] = table.count(*coord)
    if not unknowns:
        return {}
    rows, rhs = [], []
    for table in tables:
        for eq in _equations(table):
            vec = np.zeros(len(unknowns))
            known = 0
            for coord, coef in eq.items():
                if coord in table.suppressed:
                    vec[unknowns[unknown_of(table, coord)]] += coef
                else:
                    known += coef * table.count(*coord)
            if vec.any():
                rows.append(vec)
                rhs.append(-known)
    out = {}
    for table in tables:
        for coord in sorted(table.suppressed):
            u = unknowns[unknown_of(table, coord)]
            cost = np.zeros(len(unknowns))
            cost[u] = 1
            kwargs = {"A_eq": np.array(rows), "b_eq": np.array(rhs)} if rows else {}
            low = linprog(cost, bounds=[(1, None)] * len(unknowns), method="highs", **kwargs)
            high = linprog(-cost, bounds=[(1, None)] * len(unknowns), method="highs", **kwargs)
            top = float("inf") if high.status == 3 else -high.fun
            out[(table.key, coord)] = (low.fun, top)
    return out


def _check(tables: list[Table], k: int) -> None:
    for table in tables:
        for coord in table.cells():
            shown = table.shown(*coord)
            assert shown is None or shown == 0 or shown >= k, (table.key, coord, shown)
            if table.count(*coord) == 0:
                assert shown == 0, "zero is shown as zero"
    assert recoverable(tables) == []
    # Not even the bound "at least 1" pins a hidden cell to one value.
    pinned = {cell: r for cell, r in ranges(tables).items() if r[1] - r[0] < 1 - 1e-9}
    assert pinned == {}


grids = st.integers(min_value=1, max_value=5).flatmap(
    lambda r: st.integers(min_value=1, max_value=5).flatmap(
        lambda c: st.lists(
            st.lists(
                st.one_of(st.just(0), st.integers(1, 6), st.integers(0, 60)),
                min_size=c,
                max_size=c,
            ),
            min_size=r,
            max_size=r,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(grid=grids, k=st.integers(min_value=2, max_value=11))
def test_two_way_tables_hide_small_counts_and_keep_them_hidden(grid, k) -> None:
    table = _table("t", grid)
    protect_report([table], k)
    _check([table], k)


@settings(max_examples=200, deadline=None)
@given(grid=grids, k=st.integers(min_value=2, max_value=11))
def test_column_only_tables_hide_small_counts_and_keep_them_hidden(grid, k) -> None:
    table = _table("t", grid, Margins.COLUMNS)
    protect_report([table], k)
    _check([table], k)


@settings(max_examples=200, deadline=None)
@given(grid=grids, other=st.lists(st.integers(0, 30), min_size=1, max_size=5))
def test_linked_tables_cannot_be_combined_to_recover_a_cell(grid, other) -> None:
    # Table b is a 1-D list that shares its total with table a's grand total, and its
    # first entry with a's first row total: the same quantities, published twice.
    a = _table("a", grid)
    rows = [f"x{i}" for i in range(len(other))]
    first_row_total = sum(grid[0])
    b_counts = {(rows[0], "n"): first_row_total}
    b_counts.update({(r, "n"): v for r, v in zip(rows[1:], other[1:], strict=False)})
    b = Table("b", rows, ["n"], b_counts, Margins.COLUMNS)
    a.identities[("r0", TOTAL)] = ("row", 0)
    b.identities[(rows[0], "n")] = ("row", 0)
    protect_report([a, b], 5)
    _check([a, b], 5)
    # A hidden quantity is hidden everywhere it appears.
    assert (("r0", TOTAL) in a.suppressed) == ((rows[0], "n") in b.suppressed)


def test_a_single_small_cell_takes_a_partner_in_its_row_and_column() -> None:
    table = _table("t", [[3, 20, 30], [40, 50, 60]])
    protect_report([table], 5)
    assert ("r0", "c0") in table.suppressed
    assert table.shown("r0", "c1") is None  # smallest partner in the row
    assert table.shown("r1", "c0") is None  # and in the column
    assert table.shown("r1", "c1") is None  # the fourth corner closes the cycle
    assert table.shown(TOTAL, TOTAL) == 203
    _check([table], 5)


def test_zero_is_shown_and_a_table_without_small_counts_is_untouched() -> None:
    table = _table("t", [[0, 12], [7, 9]])
    protect_report([table], 5)
    assert table.suppressed == set()
    assert table.shown("r0", "c0") == 0


def test_percentages_need_a_published_count_and_a_published_base() -> None:
    table = _table("t", [[3, 20], [40, 50]])
    protect_report([table], 5)
    assert table.share("r0", "c0", ("r0", TOTAL)) is None
    base = table.shown(TOTAL, TOTAL)
    assert base == 113
    for coord in table.cells():
        value = table.share(*coord, (TOTAL, TOTAL))
        assert (value is None) == (table.shown(*coord) is None)


def test_a_threshold_of_one_suppresses_nothing() -> None:
    table = _table("t", [[1, 2], [3, 4]])
    protect_report([table], 1)
    assert table.suppressed == set()


def test_the_checker_itself_finds_a_cell_hidden_by_primary_suppression_alone() -> None:
    # Guard against a vacuous property test: hiding only the small cell is recoverable.
    table = _table("t", [[3, 20], [40, 50]])
    table.suppressed = {("r0", "c0")}
    assert recoverable([table]) == [("t", ("r0", "c0"))]


@settings(max_examples=200, deadline=None)
@given(grid=grids, k=st.integers(min_value=2, max_value=8))
def test_row_only_tables_hide_small_counts_and_keep_them_hidden(grid, k) -> None:
    table = _table("t", grid, Margins.ROWS)
    protect_report([table], k)
    _check([table], k)


@settings(max_examples=200, deadline=None)
@given(grid=grids, data=st.data())
def test_two_breakdowns_of_the_same_totals_cannot_be_combined(grid, data) -> None:
    # The way the dashboard publishes a question: by group (table a) and split by contact
    # with one point of intervention (table b). Both add up to the same column totals.
    a = _table("a", grid)
    split = []
    for j in range(len(grid[0])):
        total = sum(line[j] for line in grid)
        yes = data.draw(st.integers(0, total))
        split.append((yes, total - yes))
    b = _table("b", [[y for y, _n in split], [n for _y, n in split]])
    for j in range(len(grid[0])):
        a.identities[(TOTAL, f"c{j}")] = b.identities[(TOTAL, f"c{j}")] = ("col", j)
    a.identities[(TOTAL, TOTAL)] = b.identities[(TOTAL, TOTAL)] = "all"
    protect_report([a, b], 5)
    _check([a, b], 5)


def test_the_checker_finds_cells_pinned_by_the_lower_bound() -> None:
    # Two hidden ones beside a shown total of 2: each must be 1, though no sum alone says so.
    table = Table(
        "t",
        ["a", "b", "c", "d"],
        ["n"],
        {("a", "n"): 1, ("b", "n"): 1, ("c", "n"): 30, ("d", "n"): 12},
        Margins.COLUMNS,
    )
    table.suppressed = {("a", "n"), ("b", "n")}
    assert recoverable([table]) == []
    assert ranges([table])[("t", ("a", "n"))] == (1.0, 1.0)
    protect_report([table], 5)
    _check([table], 5)


# -- combining before hiding ------------------------------------------------------------------
def _combined(grid: list[list[int]], k: int, ordered: bool, family=None) -> tuple[Table, list]:  # type: ignore[no-untyped-def]
    """A question table as the report builds it: options (columns) combined on their totals
    first, then the combined table protected like any other."""
    cols = [f"c{j}" for j in range(len(grid[0]))]
    totals = {c: sum(line[j] for line in grid) for j, c in enumerate(cols)}
    parts = combining.partition(
        cols, k, lambda p: sum(totals[c] for c in p), ordered, family=family
    )
    counts = {
        (f"r{i}", combining.part_key(p)): sum(line[cols.index(c)] for c in p)
        for i, line in enumerate(grid)
        for p in parts
    }
    rows = [f"r{i}" for i in range(len(grid))]
    table = Table("q", rows, [combining.part_key(p) for p in parts], counts, Margins.BOTH)
    return table, parts


@settings(max_examples=200, deadline=None)
@given(grid=grids, k=st.integers(min_value=2, max_value=11), ordered=st.booleans())
def test_combined_options_obey_the_same_rules(grid, k, ordered) -> None:
    table, parts = _combined(grid, k, ordered)
    # Every option is in exactly one part, and combining never loses a count.
    cols = [f"c{j}" for j in range(len(grid[0]))]
    assert sorted(c for p in parts for c in p) == sorted(cols)
    assert table.count(TOTAL, TOTAL) == sum(map(sum, grid))
    if ordered:  # neighbours only: each part is a run of consecutive options
        for p in parts:
            idx = [cols.index(c) for c in p]
            assert idx == list(range(idx[0], idx[0] + len(idx)))
    protect_report([table], k)
    _check([table], k)


@settings(max_examples=200, deadline=None)
@given(grid=grids, k=st.integers(min_value=2, max_value=11))
def test_combining_leaves_no_total_below_k_unless_nothing_can_join_it(grid, k) -> None:
    table, parts = _combined(grid, k, False)
    thin = [p for p in parts if 0 < table.count(TOTAL, combining.part_key(p)) < k]
    # At most one part stays below k: the one that took every other positive option.
    assert len(thin) <= 1
    if thin:
        positive = [p for p in parts if table.count(TOTAL, combining.part_key(p)) > 0]
        assert positive == thin


@settings(max_examples=150, deadline=None)
@given(grid=grids, data=st.data())
def test_a_combined_question_and_its_split_cannot_be_combined(grid, data) -> None:
    # The same combining on the question table (by group) and on its split by contact:
    # both publish the combined column totals under one identity, as report.build does.
    k = 5
    a, parts = _combined(grid, k, data.draw(st.booleans()))
    keys = [combining.part_key(p) for p in parts]
    split = []
    for key in keys:
        total = a.count(TOTAL, key)
        yes = data.draw(st.integers(0, total))
        split.append((yes, total - yes))
    counts = {("yes", key): y for key, (y, _n) in zip(keys, split, strict=True)}
    counts.update({("no", key): n for key, (_y, n) in zip(keys, split, strict=True)})
    b = Table("b", ["yes", "no"], keys, counts, Margins.BOTH)
    for key in keys:
        a.identities[(TOTAL, key)] = b.identities[(TOTAL, key)] = ("col", key)
    a.identities[(TOTAL, TOTAL)] = b.identities[(TOTAL, TOTAL)] = "all"
    # The question table is protected first and its numbers become public, as in build.
    protect_report([a], k)
    public = {a.identities[c] for c in a.cells() if c in a.identities and c not in a.suppressed}
    protect_report([a, b], k, public)
    _check([a, b], k)


def test_sparse_points_join_their_family_before_anything_else() -> None:
    counts = {"police": 3, "dispatch_911": 2, "criminal_court": 30, "housing": 12, "schools": 1}
    parts = combining.partition(
        list(counts), 5, lambda p: sum(counts[c] for c in p), family=combining.family_of
    )
    # Emergency and police together reach 5; the lone school contact (1) then joins the
    # smallest part there is (that family, 5, rather than housing, 12) instead of hiding.
    assert ["police", "dispatch_911", "schools"] in parts
    assert ["housing"] in parts
    assert ["criminal_court"] in parts
    parts = combining.partition(
        ["police", "dispatch_911", "housing"],
        5,
        lambda p: sum({"police": 3, "dispatch_911": 2, "housing": 12}[c] for c in p),
        family=combining.family_of,
    )
    assert parts == [["housing"], ["police", "dispatch_911"]]


def test_public_totals_are_hidden_only_when_nothing_else_protects() -> None:
    # The split's total is public (the overview shows it): its small "yes" cell takes the
    # "no" cell as partner, not the total.
    table = _table("t", [[3, 20], [40, 50]])
    table.identities[(TOTAL, TOTAL)] = "everyone"
    protect_report([table], 5, public={"everyone"})
    assert table.shown(TOTAL, TOTAL) == 113
    _check([table], 5)


# -- the pinned-cell check by cycles, and linked groups protected apart --------------------------
def _linked(grid: list[list[int]], split: list[tuple[int, int]], points: int) -> list[Table]:
    """A question by group and its split by contact with each of ``points`` points of
    intervention, all sharing the column totals (as report.build links them). With two or
    more points a total sits in more than two sums: no longer a network."""
    a = _table("a", grid)
    tables = [a]
    for p in range(points):
        b = _table(f"b{p}", [[y for y, _n in split], [n for _y, n in split]])
        tables.append(b)
    for table in tables:
        for j in range(len(grid[0])):
            table.identities[(TOTAL, f"c{j}")] = ("col", j)
        table.identities[(TOTAL, TOTAL)] = "all"
    return tables


@settings(max_examples=150, deadline=None)
@given(grid=grids, data=st.data())
def test_cycles_and_programmes_agree_on_which_hidden_cells_are_free(grid, data) -> None:
    from intake.analysis.disclosure import _free_by_cycles, _free_by_programmes, hidden_systems

    split = []
    for j in range(len(grid[0])):
        total = sum(line[j] for line in grid)
        yes = data.draw(st.integers(0, total))
        split.append((yes, total - yes))
    tables = _linked(grid, split, data.draw(st.integers(0, 3)))
    # Any pattern of hidden cells, not only the ones protection leaves: the question is
    # asked of every intermediate state too.
    for table in tables:
        positive = sorted(c for c in table.cells() if table.count(*c) > 0)
        if positive:
            table.suppressed = set(data.draw(st.lists(st.sampled_from(positive), unique=True)))
    _index, systems = hidden_systems(tables)
    for _members, matrix, values in systems:
        by_cycles = _free_by_cycles(matrix, values)
        by_programmes = _free_by_programmes(matrix, matrix @ values, values)
        if by_cycles is not None:
            assert list(by_cycles) == list(by_programmes), (matrix, values)


def test_the_cycle_check_takes_networks_and_leaves_the_rest() -> None:
    from intake.analysis.disclosure import _free_by_cycles

    # a + b = T (all hidden): a network (the total against its parts).
    network = np.array([[1.0, 1.0, -1.0]])
    assert list(_free_by_cycles(network, np.array([1.0, 2.0, 3.0]))) == [True, True, True]
    # Two hidden ones beside a shown total of 2: pinned.
    assert list(_free_by_cycles(np.array([[1.0, 1.0]]), np.array([1.0, 1.0]))) == [False] * 2
    # One quantity in three sums (a total shared by three tables): left to the programmes.
    shared = np.array([[1.0, 0.0, 0.0, -1.0], [0.0, 1.0, 0.0, -1.0], [0.0, 0.0, 1.0, -1.0]])
    assert _free_by_cycles(shared, np.array([2.0, 2.0, 2.0, 2.0])) is None
    # Three sums pairwise sharing a quantity with the same sign: an odd cycle, no network.
    odd = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, 1.0]])
    assert _free_by_cycles(odd, np.array([2.0, 2.0, 2.0])) is None


def _two_groups(grid: list[list[int]], themes: list[list[int]]) -> list[Table]:
    """Answer tables linked to each other, and theme tables (rows only) linked to each
    other, sharing nothing across: listed interleaved."""
    a = _table("a", grid)
    b = Table(
        "b",
        [f"r{i}" for i in range(len(grid))],
        ["n"],
        {(f"r{i}", "n"): sum(line) for i, line in enumerate(grid)},
        Margins.COLUMNS,
    )
    for i in range(len(grid)):
        a.identities[(f"r{i}", TOTAL)] = b.identities[(f"r{i}", "n")] = ("row", i)
    # The same quantity has one identity wherever it is shown, as in a real report: the
    # people in a table are its grand total and the total of the column that counts them.
    a.identities[(TOTAL, TOTAL)] = b.identities[(TOTAL, "n")] = ("all",)
    t = _table("t", themes, Margins.ROWS)
    u = Table(
        "u",
        [f"r{i}" for i in range(len(themes))],
        ["n"],
        {(f"r{i}", "n"): sum(line) for i, line in enumerate(themes)},
        Margins.NONE,
    )
    for i in range(len(themes)):
        t.identities[(f"r{i}", TOTAL)] = u.identities[(f"r{i}", "n")] = ("theme", i)
    return [a, t, b, u]


@settings(max_examples=150, deadline=None)
@given(grid=grids, themes=grids, k=st.integers(min_value=2, max_value=8))
def test_groups_that_share_nothing_are_protected_exactly_as_if_alone(grid, themes, k) -> None:
    from intake.analysis.disclosure import linked_groups

    together = _two_groups(grid, themes)
    protect_report(together, k)
    a, t, b, u = _two_groups(grid, themes)
    assert [[x.key for x in g] for g in linked_groups([a, t, b, u])] == [["a", "b"], ["t", "u"]]
    protect_report([t, u], k)
    protect_report([a, b], k)
    assert [x.suppressed for x in together] == [
        a.suppressed,
        t.suppressed,
        b.suppressed,
        u.suppressed,
    ]
    _check(together, k)
