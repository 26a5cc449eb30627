"""Relations a statistical table states by its layout (``[tables]`` of ``data/relations.toml``).

* **Growth along a row**: a row with a figure under a later and an earlier period column (``2015年`` |
  ``2014年``, ``本年`` | ``上年``) and one under a column of changes: the change is ``growth_of`` the two
  (``difference_of`` in points when the levels are percentages: 客房开房率 48.64 → 49.00, +0.4); one under a
  column of changes in the levels' unit (``增加额``) is their ``difference_of``.
* **A share column** (``比重``, ``占比``, ``构成``) whose total row says 100: each row's share is its level over
  the total row's level (工业 111250 / 地区生产总值 529757 = 21.0%).
* **Breakdowns the outline states**: a row and the rows placed under it (``#``, ``其中：``, numbering nested as
  an outline), one breakdown per run a ``其中`` opens. Numbered parts and known partitions must add up; other
  parts need only not exceed the row (parts that exceed it are no breakdown).
* **Means across columns**: a whole's column before its members' (全省 | 城市 | 农村): a row whose whole lies between
  the members' is their weighted mean (read when it does; never firm).
* **Sums across columns**: a column of levels naming a known partition's whole before the columns of all its members
  (地区生产总值 | 第一产业增加值 | 第二产业增加值 | 第三产业增加值): in each row the members add up to the whole (firm).
* **Totals down a column** where no outline says so: a row whose level equals the sum of the rows right
  below it (a nested total counting as one part) is their total. This is read from the figures adding up,
  so it is never flagged: a mismatch gives no row.

>>> import summary_mining as sm
>>> text = "项 目 | 单 位 | 2014年 | 2015年 | 增长% |\\n旅游业收入 | 亿元 | 210.23 | 227.44 | 8.2 |\\n客房开房率 | % | 48.64 | 49.00 | 0.4 |\\n"
>>> sm.audit(text=text)[["check", "status", "message"]].values.tolist()
[['growth', 'consistent', '增长8.2与 (227.44-210.23)/210.23=8.19% 一致'], ['difference', 'consistent', '客房开房率49.00与上期48.64之差 0.36%，与所述0.4 一致']]
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ..normalize import normalize
from ..figures.tables import TableColumn, TableFigures, TableRow, header_year, table_figures
from .arithmetic import NOT_PARTS, agrees, ratio, sum_tolerance
from .context import Context, Fig
from .context import make_relation as _rel
from .record import Relation
from .rules import TOTAL_CHAR

__all__ = ["find_table_relations"]

Cell = tuple[int, int, int]  # (table, row, column)


def _period_columns(columns: list[TableColumn], later: tuple[str, ...], earlier: tuple[str, ...]
                    ) -> tuple[int, int] | None:
    """(later, earlier) column index of a table's two period columns of levels, if it has exactly two: named by their
    years (2015年 | 2014年; 2023年决算数 | 2022年决算数: a year opening the header) or by the words of a period
    (本年 | 上年, 本期 | 上年同期; 本年数 | 上年数, 本年决算数 | 上年决算数: a period's word opening the header, the other's
    nowhere in it).

    >>> from types import SimpleNamespace as C
    >>> cols = [C(index=k, role="value", growth=False, label=h) for k, h in enumerate(["本年决算数", "上年决算数"])]
    >>> _period_columns(cols, ("本年",), ("上年",)), _period_columns(cols[:1] * 2, ("本年",), ("上年",))
    ((0, 1), None)
    """
    levels = [c for c in columns if c.role == "value" and not c.growth]
    years = [(y, c.index) for c in levels if (y := _opening_year(c.label)) is not None]
    if len(years) == 2 and years[0][0] != years[1][0]:
        (y0, a), (y1, b) = years
        return (a, b) if y0 > y1 else (b, a)
    now = [c.index for c in levels if _opens_with(c.label, later, earlier)]
    before = [c.index for c in levels if _opens_with(c.label, earlier, later)]
    if len(now) == 1 and len(before) == 1:
        return now[0], before[0]
    return None


def _opening_year(label: str) -> int | None:
    """The one year a level column's header opens with (2022年, 2022年决算数), else None."""
    t = label.strip()
    year = header_year(t[:5])
    return year if year is not None and not any(c.isdigit() for c in t[5:]) else None


def _opens_with(label: str, words: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """A header opens with one of ``words`` (本年数 with 本年) and holds none of ``others`` (本年比上年: no period)."""
    t = label.strip()
    return any(t.startswith(w) for w in words) and not any(w in t for w in others)


def _plan_roles(ctx: Context, columns: list[TableColumn]) -> tuple[list[TableColumn], list[TableColumn], list[TableColumn]]:
    """(completion rates, actuals, targets): a table's level columns named with ``[tables] completion_columns`` (完成预算%),
    ``actual_columns`` (决算数) and ``target_columns`` (预算数; none of the actual words), in that order of precedence."""
    rules = ctx.rules
    levels = [c for c in columns if c.role == "value" and not c.growth]
    rates = [c for c in levels if any(w in c.label for w in rules.table_completions)]
    rest = [c for c in levels if c not in rates]
    actuals = [c for c in rest if any(w in c.label for w in rules.table_actuals)]
    targets = [c for c in rest if any(w in c.label for w in rules.table_targets) and c not in actuals]
    return rates, actuals, targets


def _plan_columns(ctx: Context, columns: list[TableColumn]) -> tuple[int, int] | None:
    """(actual, target) column index of a table's one column of actuals and one of targets among its levels (预算数 |
    决算数: a change column then compares the actual with its target), if it has exactly one of each — and no column of
    changes names another base (比上年增长%, 同比增减额: ``[words] prior``, ``[tables] earlier``)."""
    bases = (*ctx.rules.prior_words, *ctx.rules.table_earlier)
    if any(c.role == "value" and c.growth and any(w in c.header for w in bases) for c in columns):
        return None
    _, actuals, targets = _plan_roles(ctx, columns)
    return (actuals[0].index, targets[0].index) if len(actuals) == 1 and len(targets) == 1 else None


def _growths(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int]) -> list[Relation]:
    rules = ctx.rules
    period = _period_columns(columns, rules.table_later, rules.table_earlier)
    pair = period or _plan_columns(ctx, columns)
    changes = [c.index for c in columns if c.role == "value" and c.growth and not c.change_amount]
    amounts = [c.index for c in columns if c.role == "value" and c.change_amount]
    if pair is None:
        return []
    out = []
    if len(amounts) == 1:  # a column of changes in the levels' own unit (增加额): the later level less the earlier
        for r in rows:
            now, before, change = (cells.get((t, r, j)) for j in (*pair, amounts[0]))
            if now is not None and before is not None and change is not None and now.family == before.family == change.family:
                # (an actual against its target: the target named by its column, 与预算数…之差, not 上期)
                names = () if period else (ctx.name(now), columns[pair[1]].label)
                out.append(_rel(ctx, "difference_of", "difference", change, [now, before], formula="difference",
                                cue=columns[amounts[0]].label, names=names))
    if len(changes) != 1:
        return out
    for r in rows:
        now, before, change = cells.get((t, r, pair[0])), cells.get((t, r, pair[1])), cells.get((t, r, changes[0]))
        if now is None or before is None or change is None or now.family != before.family:
            continue
        if now.kind == "percentage":  # a rate's change is in points
            out.append(_rel(ctx, "difference_of", "difference", change, [now, before], formula="difference",
                            cue=columns[changes[0]].label))
        elif before.value:
            out.append(_rel(ctx, "growth_of", "growth", change, [now, before], cue=columns[changes[0]].label))
    return out


def _completions(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
                 names: dict[int, str]) -> list[Relation]:
    """Each row's completion rate (a column named with ``[tables] completion_columns``: 完成预算%) as its actual (the one
    column of ``actual_columns``: 决算数) over its target (the one column of ``target_columns``, no actual word: 预算数)."""
    rates, actuals, targets = _plan_roles(ctx, columns)
    if len(targets) > 1 and len(rates) == 1:
        # (年初预算数 | 调整预算数 | 决算数 | 为调整预算%: the target the rate's header names)
        targets = [c for c in targets if c.label.rstrip("数") in rates[0].label] or targets
    if len(rates) != 1 or len(actuals) != 1 or len(targets) != 1:
        return []
    out = []
    for r in rows:
        rate, actual, target = (cells.get((t, r, c.index)) for c in (rates[0], actuals[0], targets[0]))
        if rate is None or actual is None or target is None or rate.kind != "percentage" or actual.family != target.family:
            continue
        out.append(_rel(ctx, "ratio_of", "completion", rate, [actual, target], cue=rates[0].label,
                        names=(names.get(r, ""), targets[0].label)))
    return out


def _shares(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
            names: dict[int, str]) -> list[Relation]:
    words = ctx.rules.table_share_words
    out = []
    for c in columns:
        if c.role != "value" or c.growth or not any(w in c.label for w in words):
            continue
        total = next((r for r in rows if (g := cells.get((t, r, c.index))) is not None and g.value == 100), None)
        stated = total is not None
        if total is None and rows and cells.get((t, rows[0], c.index)) is None:
            total = rows[0]  # a first row with no share of its own (全县人口 | 98509 | --): read when the rows agree with it
        levels = [d.index for d in columns[:c.index] if d.role == "value" and not d.growth
                  and not any(w in d.label for w in words) and cells.get((t, total, d.index)) is not None]
        if total is None or not levels:
            continue
        # of several level columns (现价 | 不变价), the one the shares are taken of: most rows agree with it
        level = max(levels, key=lambda d: (_agreeing(cells, t, rows, total, d, c.index), -d))
        if not stated and _agreeing(cells, t, rows, total, level, c.index) < 2:
            continue
        whole = cells[(t, total, level)]
        for r in rows:
            share, part = cells.get((t, r, c.index)), cells.get((t, r, level))
            if r == total or share is None or part is None or part.family != whole.family:
                continue
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue=c.label, firm=stated,
                            names=(names.get(r, ""), names.get(total, ""))))
    return out


def _agreeing(cells: dict[Cell, Fig], t: int, rows: list[int], total: int, level: int, col: int) -> int:
    """How many rows' shares in column ``col`` agree with their level in column ``level`` over the total's."""
    whole = cells[(t, total, level)]
    n = 0
    for r in rows:
        share, part = cells.get((t, r, col)), cells.get((t, r, level))
        if r != total and share is not None and part is not None and whole.value:
            c, extra = ratio(part, whole)
            n += agrees(share.written, c, share.half + extra, share.half)
    return n


def _partition(ctx: Context, names: list[str]) -> bool:
    """The rows' names are one complete set of a known partition (城镇/乡村, 第一/二/三产业)."""
    return ctx.rules.partition_named(names) is not None


def _addable(ctx: Context, g: Fig | None, like: Fig) -> bool:
    return g is not None and ctx.addable(g) and not g.redacted and g.family == like.family


def _outlined(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
              tf: TableFigures) -> tuple[list[Relation], set[tuple[int, int]]]:
    """Breakdowns the rows' outline states (#, 其中：, numbering): a row and the rows placed right under it,
    one breakdown per run that a marked row (其中：城镇 … 其中：男性 …) opens. Parts numbered in one style
    (（一）（二）, 1、2、) or named as a known partition claim to make up the row; other parts need only not
    exceed it, and parts that do exceed it are no breakdown (the rows hold another one, or other measures) — unless
    they name distinct classes of a classification or distinct places, which cannot overlap, and exceed it by less than
    NOT_PARTS times (a slip; far more is a misread table's other measures), or — the outline running on past them — their
    first rows naming distinct classes do."""
    children: dict[tuple[str, ...], list[list[int]]] = {}
    by_path: dict[tuple[str, ...], int] = {}
    for r in rows:
        row = tf.rows[(t, r)]
        by_path.setdefault(row.path, r)
        if len(row.path) > 1:
            runs = children.setdefault(row.path[:-1], [])
            if not runs or row.marked:
                runs.append([])
            runs[-1].append(r)
    out, done = [], set()
    for parent_path, runs in children.items():
        parent = by_path.get(parent_path)
        if parent is None:
            continue
        for kids in runs:
            kids = _named_on(ctx, tf, t, rows, kids, parent_path[-1])
            head_row = parent
            styles = [tf.rows[(t, r)].style for r in kids]
            if len(kids) >= 3 and tf.rows[(t, kids[0])].marked and styles[0] is None and None not in styles[1:]:
                # a numbered list right after a 其中 row (其中：限上单位消费品零售额 ⏎1.粮油、食品类 ⏎2.服装类 …) breaks
                # that row down, not the one above it
                # — some of its classes, as often as all of them: an open list
                head_row, kids, nested = kids[0], kids[1:], True
            else:
                nested = False
            if len(kids) < 2:
                continue
            kid_rows = [tf.rows[(t, r)] for r in kids]
            numbered = len({k.style for k in kid_rows}) == 1 and kid_rows[0].style is not None and not nested
            exhaustive = numbered or _partition(ctx, [k.name for k in kid_rows])
            # (rows naming distinct classes, 省内游 / 省外游, or places: they cannot overlap, so over the row is a slip)
            disjoint = not exhaustive and ctx.rules.disjoint([k.name for k in kid_rows])
            for c in columns:
                head = cells.get((t, head_row, c.index))
                if c.role != "value" or c.growth or head is None or not _addable(ctx, head, head):
                    continue
                parts = [g for r in kids if _addable(ctx, g := cells.get((t, r, c.index)), head)]
                if len(parts) < len(kids):
                    continue
                over = sum(g.value for g in parts) > head.value + sum_tolerance(head, parts)
                if over and not (exhaustive or disjoint and sum(g.value for g in parts) <= NOT_PARTS * head.value):
                    # the outline may run on past the row's parts (其中：花生 ⏎油菜籽 ⏎甘蔗 ⏎茶叶 under 油料): its first rows
                    # naming distinct classes of one classification are the breakdown (within NOT_PARTS of the row)
                    n = next((n for n in range(len(kids) - 1, 1, -1)
                              if ctx.rules.disjoint([k.name for k in kid_rows[:n]])), 0)
                    if not n or sum(g.value for g in parts[:n]) > NOT_PARTS * head.value:
                        continue
                    parts, disjoint = parts[:n], True
                out.append(_rel(ctx, "total_of", "breakdown", head, parts, cue="表内分项", exhaustive=exhaustive,
                                disjoint=disjoint))
                done.add((head_row, c.index))
    return out, done


def _named_on(ctx: Context, tf: TableFigures, t: int, rows: list[int], run: list[int], head_name: str) -> list[int]:
    """A run of one marked row (其中：火力发电量 under 发电量) and the top-level rows right after it whose names end with the
    head's or its measure's (水力发电量, 风力发电量, 太阳能发电量: the outline did not place them under it) or name with the rows before them
    distinct classes of one classification, up to the first that does neither (小麦粉)."""
    if len(run) != 1 or len(head_name) < 2:
        return run
    out = list(run)
    names = [tf.rows[(t, run[0])].name]
    # (… or with the head's measure, a total named with 总: 其中：医疗收入 ⏎财政拨款收入 ⏎其他收入 under 总收入)
    ends = (head_name, measure) if len(measure := head_name.replace(TOTAL_CHAR, "", 1)) >= 2 else (head_name,)
    for r in rows[rows.index(run[0]) + 1:]:
        row = tf.rows[(t, r)]
        if len(row.path) != 1 or row.name == head_name or not (row.name.endswith(ends)
                                                               or ctx.rules.disjoint([*names, row.name])):
            break
        out.append(r)
        names.append(row.name)
    return out


def _partition_below(ctx: Context, col: list[tuple[int, Fig | None]], i: int, names: dict[int, str]) -> list[Fig]:
    """The rows right below row ``i`` whose names are one complete set of a known partition, when row
    ``i`` names the whole that partition breaks down (三、旅行社接待量 over 国际及港、澳、台同胞 and 国内游客:
    partition ``wholes``): the head's parts, whether or not they add up; [] when none are. A partition
    with no whole named is not read so (城镇/乡村 then 男/女 below 乡村 break down the row above both)."""
    head = col[i][1]
    for size in sorted({len(ps) for ps in ctx.rules.partitions}):
        below = col[i + 1:i + 1 + size]
        if len(below) == size and all(_addable(ctx, g, head) for _, g in below):
            k = ctx.rules.partition_named([names[r] for r, _ in below])
            if k is not None and ctx.rules.names_whole(k, names[col[i][0]]):
                return [g for _, g in below]  # type: ignore[misc]
    return []


def _totals(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
            done: set[tuple[int, int]], names: dict[int, str], tf: TableFigures) -> list[Relation]:
    """Rows whose level the rows right below them add up to, where the outline does not say so; rows
    right below named as a known partition are parts whether or not they add up (exhaustive). A set of rows
    found to add up in two or more columns breaks the row down in every column of amounts (:func:`_across`). A row
    numbered as one item of a list (2.服装类) totals none of the items numbered after it (3.化妆品类, 4.金银珠宝类)."""
    out = []
    holding: dict[tuple[int, tuple[int, ...]], list[int]] = {}  # (head row, part rows) -> the columns they add up in
    for c in columns:
        if c.role != "value" or c.growth:
            continue
        col = [(r, cells.get((t, r, c.index))) for r in rows]
        ends: dict[int, int] = {}  # a row found to be a total -> the position of its last part
        for i in range(len(col) - 2, -1, -1):
            head = col[i][1]
            if head is None or not ctx.addable(head) or head.redacted or (col[i][0], c.index) in done:
                continue
            if i > 1 and "".join(names[col[i][0]].split()).endswith(ctx.rules.table_total_rows):
                continue  # (a total after rows closes them, 本年收入合计; the rows after it are no parts of it)
            named = _partition_below(ctx, col, i, names)
            if named:
                out.append(_rel(ctx, "total_of", "breakdown", head, named, cue="表内分项", exhaustive=True))
                continue
            parts: list[Fig] = []
            at: list[int] = []
            acc, j = 0.0, i + 1
            head_row = tf.rows[(t, col[i][0])]
            while j < len(col):
                g = col[j][1]
                if g is None or not ctx.addable(g) or g.redacted or g.family != head.family \
                        or _sibling_items(head_row, tf.rows[(t, col[j][0])]):
                    break
                parts.append(g)
                at.append(col[j][0])
                acc += g.value
                if len(parts) >= 2 and agrees(head.value, acc, sum_tolerance(head, parts)):
                    ends[i] = ends.get(j, j)
                    out.append(_rel(ctx, "total_of", "breakdown", head, list(parts), cue="表内分项"))
                    holding.setdefault((col[i][0], tuple(at)), []).append(c.index)
                    break
                if acc > head.value + sum_tolerance(head, parts) and head.value >= 0 and g.value >= 0:
                    break
                j = ends.get(j, j) + 1  # a nested total counts with its parts
    return out + _across(ctx, cells, t, columns, done, holding)


def _last_totals(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
                 done: set[tuple[int, int]], names: dict[int, str], found: list[Relation],
                 tf: TableFigures) -> list[Relation]:
    """Each row named as a total (``[tables] total_rows``: 合计, 收入合计, 总计) over the rows above it back to the total
    before, in each column of levels, firm: the name says they make it up (工资福利支出 | 300 ⏎ 商品和服务支出 | 150 ⏎
    对个人和家庭的补助 | 50 ⏎ 合计 | 500) — the rows at the top of the outline (those placed under another, 其中：…, are its
    breakdown), when they are one flat list: none a total itself otherwise (小计, or found to add up to other rows of the
    list), numbered in one style or none, none of them a known partition (城镇 / 乡村 then 男 / 女: two breakdowns of the
    total). A grand total (总计) after a 合计 adds that 合计 too (本年收入合计 ⏎使用非财政拨款结余 ⏎年初结转和结余 ⏎总计); a
    合计 after a 合计 totals a section of its own (本年收入合计 … 本年支出合计)."""
    squeezed = {r: "".join(names[r].split()) for r in rows}
    if any(squeezed[r].endswith(ctx.rules.table_subtotal_rows) for r in rows):
        return []
    out: list[Relation] = []
    start, prev = 0, None
    for k, r in enumerate(rows):
        if not squeezed[r].endswith(ctx.rules.table_total_rows):
            continue
        if k == start:
            return out  # (a total heading the rows under it, 合计 | 1300 ⏎一般公共服务支出 | 1000 …: no total closes rows here)
        grand = prev is not None and squeezed[r].endswith(GRAND_TOTAL) and not squeezed[prev].endswith(GRAND_TOTAL)
        out += _total_over(ctx, cells, t, columns, r, rows[start:k], prev if grand else None, done, names, found, tf)
        start, prev = k + 1, r
    return out


#: The word of a grand total: after a 合计 row, it adds that 合计 and the rows after it.
GRAND_TOTAL = "总计"


def _total_over(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], total: int, segment: list[int],
                carried: int | None, done: set[tuple[int, int]], names: dict[int, str], found: list[Relation],
                tf: TableFigures) -> list[Relation]:
    """Row ``total`` over the top-level rows of ``segment`` (and the total ``carried`` before them), as
    :func:`_last_totals` reads it."""
    # the rows the outline places under another (其中：增值税 ⏎企业所得税 under 一、税收收入) are no parts of the total: the
    # rows at the top level are, when they are one flat list — numbered in one style or none (一、税收收入 ⏎二、非税收入)
    above = [r for r in segment if not tf.rows[(t, r)].marked and len(tf.rows[(t, r)].path) == 1]
    styles = {tf.rows[(t, r)].style for r in above}
    parts_rows = ([carried] if carried is not None else []) + above
    if len(parts_rows) < 2 or len(styles) > 1:
        return []
    plain = [names[r] for r in above]
    if any(ctx.rules.partition_named(plain[a:b]) is not None
           for a in range(len(plain)) for b in range(a + 2, len(plain) + 1) if b - a < len(plain)):
        return []
    # (a top-level row found to add up to top-level rows below it: no flat list)
    top = set(above)
    if any(rel.relation == "total_of" and _table_row(ctx, rel.stated, t) in top
           and any(_table_row(ctx, f, t) in top for f in rel.operands) for rel in found):
        return []
    out = []
    for c in columns:
        if c.role != "value" or c.growth or (total, c.index) in done:
            continue
        whole, parts = cells.get((t, total, c.index)), [cells.get((t, r, c.index)) for r in parts_rows]
        if whole is None or not ctx.addable(whole) or whole.redacted or any(
                g is None or not _addable(ctx, g, whole) for g in parts):
            continue
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue="表内合计", exhaustive=True))  # type: ignore[arg-type]
    return out


def _sibling_items(a: TableRow, b: TableRow) -> bool:
    """Rows numbered in one style at one level of the outline: items of one list, neither a total of the other."""
    return a.style is not None and a.style == b.style and len(a.path) == len(b.path)


def _table_row(ctx: Context, f, t: int) -> int | None:
    """The row of table ``t`` the figure record ``f`` stands in, if any."""
    g = ctx.by_record.get(id(f))
    return g.f.cell[1] if g is not None and g.f.cell is not None and g.f.cell[0] == t else None


def _across(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], done: set[tuple[int, int]],
            holding: dict[tuple[int, tuple[int, ...]], list[int]]) -> list[Relation]:
    """Rows that add up to a row in two or more columns (濮阳市 = 市本级 + 县区级 in 当月 and 累计 of 收入 and of 支出)
    are its breakdown in the table's other columns of amounts too: where they do not add up there, and add up in
    every other column, the one column is read firm (a slip in it, as :func:`~.arithmetic.firm_by_the_others`). A column
    of averages (人均, 平均: ``non_additive_words``) adds up in no table."""
    out = []
    words = ctx.rules.non_additive
    for (head_row, part_rows), cols in holding.items():
        if len(cols) < 2:
            continue
        failing = []
        for c in columns:
            if c.role != "value" or c.growth or c.index in cols or (head_row, c.index) in done \
                    or any(w in c.label for w in words):
                continue
            head = cells.get((t, head_row, c.index))
            parts = [cells.get((t, r, c.index)) for r in part_rows]
            if head is None or not _addable(ctx, head, head) or not all(_addable(ctx, g, head) for g in parts):
                continue
            kept: list[Fig] = [g for g in parts if g is not None]
            if not agrees(head.value, sum(g.value for g in kept), sum_tolerance(head, kept)):
                failing.append((head, kept))
        if len(failing) == 1:  # (two columns off: the rows are no breakdown there, or the table is misread)
            head, kept = failing[0]
            out.append(_rel(ctx, "total_of", "breakdown", head, kept, cue="表内分项", exhaustive=True, firm=True))
    return out


def _grouped(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int],
             names: dict[int, str]) -> list[Relation]:
    """Rows under a row with no values that names their group (按城乡分 | | ⏎城镇 | 2114 ⏎乡村 | 1742 ⏎按性别分 | | …): each
    group breaks down the last row with values above the first such head (年末常住人口 | 3856) — all of it when the
    group's names are a known partition (firm) or when they add up (read so)."""
    values = [c for c in columns if c.role == "value" and not c.growth]
    out: list[Relation] = []
    for c in values:
        whole: Fig | None = None
        groups: list[tuple[int, list[Fig | None]]] = []
        for r in rows:
            if all(cells.get((t, r, v.index)) is None for v in values):
                if whole is None:
                    break  # (a head with no total above it: nothing to break down)
                groups.append((r, []))
            elif groups:
                groups[-1][1].append(cells.get((t, r, c.index)))
            else:
                whole = cells.get((t, r, c.index))
        for head, figs in groups:
            if whole is None or len(figs) < 2 or not all(_addable(ctx, g, whole) for g in figs):
                continue
            parts: list[Fig] = [g for g in figs if g is not None]
            complete = _partition(ctx, [names[g.f.cell[1]] for g in parts])  # (the rows' names: 城镇, 乡村)
            if complete or agrees(whole.value, sum(g.value for g in parts), sum_tolerance(whole, parts)):
                out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=names[head], exhaustive=True,
                                firm=complete))
    return out


def _means(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn], rows: list[int]) -> list[Relation]:
    """A column of a whole before columns of the members of a known partition (全省 | 城市 | 农村 of a price table): a row
    whose whole lies between its members' is their weighted mean (a price change, a rate) — read only when it does and
    the whole is not their sum (then a level, which the totals read), never firm: the layout alone does not say which."""
    for whole, members, _ in _partition_columns(ctx, [c for c in columns if c.role == "value"]):
        out = []
        for r in rows:
            w = cells.get((t, r, whole.index))
            ms = [cells.get((t, r, c.index)) for c in members]
            if w is None or any(m is None or m.family != w.family or m.redacted for m in ms) or w.redacted:
                continue
            ordered = sorted(ms, key=lambda m: m.written)
            low, high = ordered[0], ordered[-1]
            if low.written - low.half <= w.written <= high.written + high.half and low.written != high.written \
                    and not agrees(w.value, sum(m.value for m in ms), sum_tolerance(w, ms)):
                out.append(_rel(ctx, "bound", "bound", w, [low, high], formula="between", firm=False,
                                cue="、".join(c.label for c in members)))
        return out
    return []


def _partition_columns(ctx: Context, columns: list[TableColumn]) -> Iterator[tuple[TableColumn, list[TableColumn], int]]:
    """(whole, members, partition index) for each column followed by two or more columns, all the columns after it,
    whose labels are one complete set of a known partition (全省 | 城市 | 农村; 地区生产总值 | 第一产业增加值 | …)."""
    for k, whole in enumerate(columns[:-2]):
        members = columns[k + 1:]
        pk = ctx.rules.partition_named([c.label for c in members])
        if pk is not None:
            yield whole, members, pk


def _partition_across(ctx: Context, cells: dict[Cell, Fig], t: int, columns: list[TableColumn],
                      rows: list[int]) -> list[Relation]:
    """A column of levels naming a known partition's whole, and after it the columns of levels of all that partition's
    members (地区生产总值 | 第一产业增加值 | 第二产业增加值 | 第三产业增加值, each with its growth beside it): in each row
    the members add up to the whole — firm, the partition says they make it up. A column of averages (人均) adds up in
    no table."""
    levels = [c for c in columns if c.role == "value" and not c.growth and not c.change_amount]
    words = ctx.rules.non_additive
    for whole, members, pk in _partition_columns(ctx, levels):
        if not ctx.rules.names_whole(pk, whole.label) or any(w in whole.label for w in words):
            continue
        out = []
        for r in rows:
            w = cells.get((t, r, whole.index))
            ms = [cells.get((t, r, c.index)) for c in members]
            if w is None or not _addable(ctx, w, w) or not all(_addable(ctx, m, w) for m in ms):
                continue
            out.append(_rel(ctx, "total_of", "breakdown", w, [m for m in ms if m is not None], exhaustive=True,
                            firm=True, cue="、".join(c.label for c in members)))
        return out
    return []


def _normalized(tf: TableFigures) -> TableFigures:
    """``tf`` with its rows' and columns' names normalised as the text the rules read is (總收入 -> 总收入: names are
    kept as written by the table reader)."""
    rows = {k: replace(r, name=normalize(r.name), path=tuple(map(normalize, r.path)), groups=tuple(map(normalize, r.groups)))
            for k, r in tf.rows.items()}
    columns = {k: replace(c, label=normalize(c.label), measure=normalize(c.measure), groups=tuple(map(normalize, c.groups)))
               for k, c in tf.columns.items()}
    return TableFigures(tf.cells, rows, columns)


def find_table_relations(ctx: Context) -> list[Relation]:
    """Growth along rows, share columns and totals down columns of the document's tables."""
    if not ctx.doc.tables:
        return []
    tf = table_figures(ctx.doc)
    cells: dict[Cell, Fig] = {}
    for g in ctx.figs:
        if g.source == "table" and g.f.cell is not None:
            cells[g.f.cell] = g
    if not cells:
        return []
    if ctx.text is not ctx.doc.text:
        tf = _normalized(tf)
    out: list[Relation] = []
    for t in sorted({k[0] for k in tf.columns}):
        columns = [c for (tt, _), c in sorted(tf.columns.items()) if tt == t]
        rows = sorted(r for (tt, r) in tf.rows if tt == t)
        names = {r: tf.rows[(t, r)].name for r in rows}
        out += _growths(ctx, cells, t, columns, rows)
        out += _shares(ctx, cells, t, columns, rows, names)
        out += _completions(ctx, cells, t, columns, rows, names)
        outlined, done = _outlined(ctx, cells, t, columns, rows, tf)
        out += outlined
        totals = _totals(ctx, cells, t, columns, rows, done, names, tf)
        out += totals + _last_totals(ctx, cells, t, columns, rows, done, names, outlined + totals, tf)
        out += _grouped(ctx, cells, t, columns, rows, names)
        out += _means(ctx, cells, t, columns, rows)
        out += _partition_across(ctx, cells, t, columns, rows)
    return out
