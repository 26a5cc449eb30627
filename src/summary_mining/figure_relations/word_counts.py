"""Counts written as words, not reported figures: tallies of directions and counts of the names listed before them.

* **Tallies** (“5增2降”, “四升三降一平”): how many of the items listed after the tally rose, fell or held. Each count
  is checked against the growth rates of the items that follow it (``[tally]`` of ``data/relations.toml``): the
  rates going up for 增/升/涨, down for 降/减/跌, and the items written as holding (持平) for 平/稳. A count before the
  tally (7个主要行业, 八大类) counts all of them.
* **Counts of names** (正面、负面、限制“三张清单”; 迭部、碌曲、玛曲、镇原4县, ``[word_count]``): the names listed right
  before the count are as many.

The counts are records made for the relation (no reported figure: ``extract`` leaves them out).

>>> import summary_mining as sm
>>> text = "4个县（市）工业生产“3增1降”。甲县同比增长25.9%；乙县同比增长1.8%；丙县同比增长0.3%；丁县同比下降3.4%。"
>>> sm.audit(text=text)[["check", "status", "message"]].values.tolist()[:2]
[['enumeration', 'consistent', '3增，列出3项（25.9%、1.8%、0.3%）一致'], ['enumeration', 'consistent', '1降，列出1项（3.4%）一致']]
>>> sm.audit(text="归纳形成正面、负面、限制“三张清单”。")["message"].tolist()
['三张，列出3项（正面、负面、限制）一致']
"""
from __future__ import annotations

import regex

from ..datafiles import rx_finditer, rx_fullmatch, rx_match, rx_search
from ..numerals import parse_number
from .context import Context, Fig, longest_common, occurrences
from .context import make_relation as _rel
from .record import Relation
from .rules import TallyRule

__all__ = ["find_tallies", "find_word_counts", "find_top_lists", "figures_listed_before", "numeral_count"]

#: How many characters a listed name may take before a count of names (the list is searched that far back per name).
NAME_WINDOW = 10
_SKIP = "”\"’，,。；;：: \t"  # what may follow a tally that ends its paragraph (a heading)
_OPEN = "“\"‘ \t"  # what may stand between a tally and the count before it


def numeral_count(numeral: str, numerals: dict[str, int] | None = None) -> int | None:
    """The count a numeral writes (五 -> 5, 12 -> 12; ``numerals`` for those no number parser reads: 双 -> 2), or None
    when it writes no whole number above 0."""
    if numerals and numeral in numerals:
        return numerals[numeral]
    n = parse_number(numeral)
    return int(n) if n is not None and n == int(n) and n > 0 else None


def _growth_item(ctx: Context, g: Fig) -> bool:
    return (g.kind == "percentage" and g.unit == "%" and g.direction in ("+", "-")
            and not (g.redacted or g.in_name) and not ctx.is_target(g))


def _items(ctx: Context, rule: TallyRule, end: int, total: int) -> tuple[list[Fig], list[tuple[int, int]]] | None:
    """The items' growth rates and where each item that held is written (its flat word), or None when no growth
    follows: from ``end`` to its paragraph's end, or — nothing but punctuation left there — the first growth of
    each of the next ``total`` paragraphs."""
    para = ctx.doc.paragraph_at(end)
    if para is None:
        return None
    rest = ctx.text[end:para.end]
    if rest.strip(_SKIP):
        figs = [g for g in ctx.between(end, para.end) if _growth_item(ctx, g)]
        lo, hi = end, para.end
    else:
        figs, hi = [], para.end
        k = ctx.para_at(end)
        for p in ctx.doc.paragraphs[k + 1:k + 1 + total]:
            first = next((g for g in ctx.between(p.start, p.end) if _growth_item(ctx, g)), None)
            if first is None:
                return None
            figs.append(first)
            hi = p.end
        lo = end
    if not figs:
        return None
    flats = [(m.start(), m.end()) for m in rx_finditer(rule.flat, ctx.text, lo, hi)] if rule.flat else []
    return figs, flats


def find_tallies(ctx: Context) -> list[Relation]:
    """Each count of a tally against the items that rose, fell or held (unverifiable when they do not come out
    as stated: the items are read from their figures), and the count before it against all the items."""
    rule = ctx.rules.tally
    if rule is None:
        return []
    out: list[Relation] = []
    for q in _after_quotes(ctx.text):
        m = rx_match(rule.pattern, ctx.text, q)
        if m is None:
            continue
        steps = [(s, numeral_count(s.group("n")), s.group("dir")) for s in rx_finditer(rule.step, m.group(), 0)]
        if any(n is None for _, n, _ in steps):
            continue
        total = sum(n for _, n, _ in steps)
        found = _items(ctx, rule, m.end(), total)
        if found is None:
            continue
        figs, flats = found
        if len(figs) + len(flats) > total:  # the items come first; what follows them in the paragraph is no item
            figs = figs[:max(0, total - len(flats))]
        by_dir = {d: [g for g in figs if g.direction == d] for d in "+-"}
        counted = len(figs) + len(flats)
        for s, n, word in steps:
            kind = "+" if word in rule.up else "-" if word in rule.down else "0"
            if kind == "0":
                items = [(a, b, ctx.written[a:b]) for a, b in flats]
            else:
                items = [(g.start, g.end, ctx.written[g.start:g.end]) for g in by_dir[kind]]
            stated = ctx.count_record(m.start() + s.start(), m.start() + s.end(), n)
            out.append(_rel(ctx, "count_of", "enumeration", stated, [], items=items, cue=m.group(), firm=False))
        base = ctx.clause_start(m.start())
        w = rx_search(rule.whole, ctx.text[base:m.start()].rstrip(_OPEN))
        n = numeral_count(w.group("n")) if w else None
        if w is not None and n is not None and counted:
            lo, hi = base + w.start("whole"), base + w.end("whole")
            whole = next((g for g in ctx.between(lo, hi) if g.kind == "count" and g.start == lo), None)
            items = sorted([(g.start, g.end) for g in figs] + flats)
            out.append(_rel(ctx, "count_of", "enumeration", whole or ctx.count_record(lo, hi, n), [], firm=False,
                            items=[(a, b, ctx.written[a:b]) for a, b in items], cue=m.group()))
    return out


def find_word_counts(ctx: Context) -> list[Relation]:
    """A count written as words (三张, 四类, 4县) right after a list of names (``[word_count]``), or a slogan's count
    right after its opening quote (水土流失面积和强度持续“双下降”), no figure of the document's: a ``count_of`` of those
    names, read only when they are as many.

    >>> import summary_mining as sm
    >>> sm.audit(text="水土流失面积和强度持续“双下降”。")["message"].tolist()
    ['双，列出2项（水土流失面积、强度）一致']
    """
    rule = ctx.rules.word_count
    if rule is None:
        return []
    text = ctx.plain().plain  # (read past glosses and padding: 建設(shè)啟動早、…、要素保障實等六大特點)
    counts = [(c, False) for end in _list_ends(text, rule.min_items - 1)
              if (c := rx_search(rule.count, text, end + 1, min(len(text), end + 1 + NAME_WINDOW + 6))) is not None]
    if rule.slogan is not None:
        counts += [(c, True) for q in _after_quotes(text) if text[q:q + 2].lstrip(_SLOGAN_PREFIX)[:1] in _NUMERALS
                   and (c := rx_match(rule.slogan, text, q)) is not None]
    taken: set[int] = set()
    out: list[Relation] = _counts_listed_after(ctx, rule)
    for c, quoted in counts:
        rel = _word_count(ctx, rule, c, quoted)
        if rel is not None and c.start("count") not in taken:
            taken.add(c.start("count"))
            out.append(rel)
    return out


def _counts_listed_after(ctx: Context, rule) -> list[Relation]:
    """A count of kinds before a colon (``[word_count] listed_after``: 八大类消费中：) against the items after it to the end of
    its full sentence, one figure each (食品烟酒类下降0.8%，衣着类下降1.3%，…): read when as many, each item named by its
    words before its figure."""
    if rule.listed_after is None:
        return []
    out: list[Relation] = []
    text = ctx.text
    for at in (k for c in "：:" for k in occurrences(text, c)):
        lo = max(0, at - 16)
        m = next((m for m in rx_finditer(rule.listed_after, text, lo, at + 1) if m.end() == at + 1), None)
        n = numeral_count(m.group("n")) if m else None
        if m is None or n is None or n < rule.min_items or any(g.start < m.end("count") and m.start("count") < g.end
                                                               for g in ctx.between(lo, at)):
            continue
        end = ctx.doc.stop_span(at + 1)[1]
        figs = ctx.between(at + 1, end)
        items, pos = [], at + 1
        for g in figs:
            if ctx.text[pos:g.start].strip("，,；; \t") == "" and items:
                break  # (two figures in one item: no list of one figure each)
            items.append((pos, g.start))
            pos = g.end
        if len(items) != n or len({g.kind for g in figs}) != 1 or len(figs) != n:
            continue
        names = [(a + len(text[a:b]) - len(text[a:b].lstrip("，,；; \t")), b) for a, b in items]
        out.append(_rel(ctx, "count_of", "enumeration", ctx.count_record(*m.span("count"), n), [], firm=False, cue="",
                        items=[(a, b, ctx.written[a:b]) for a, b in names]))
    return out


def _word_count(ctx: Context, rule, c: regex.Match[str], quoted: bool) -> Relation | None:
    """The ``count_of`` of the count ``c`` matched (on the text read past glosses, :meth:`Context.plain`) and the names
    right before it, when they are as many."""
    plain = ctx.plain()
    text = plain.plain
    n = numeral_count(c.group("n"), dict(rule.numerals))
    if n is None or n < rule.min_items:
        return None
    a, b = c.span("count")
    start, end = plain.at(a), plain.at(b - 1) + 1
    lo = max(plain.index(ctx.stmt_start(start)), a - NAME_WINDOW * n)
    if "、" not in text[lo:a] and not quoted:
        return None  # (a slogan's names may be joined by 和 alone: 面积和强度“双下降”)
    m = rx_search(rule.names, text, lo, a)
    names = _names(m) if m else []
    if n != len(names) or any(g.start == start for g in ctx.between(start, end)):
        return None  # not as many names, or a figure of the document's (五省市): the enumeration finder reads it
    if text[names[-1][1] - 1] in rule.verb_ends:
        return None  # 评定为二级: the count is what something is rated, no count of names
    s0 = names[0][0]
    while s0 < names[0][1] - 1 and (k := next((len(w) for w in rule.lead_words if text.startswith(w, s0)), 0)):
        s0 += k  # (的乡镇级公办养老机构、…: the first name starts past the words the clause opens with)
    verb = max((k for k in range(s0 + 1, names[0][1] - 2) if text[k] in rule.verb_ends), default=None)
    if verb is not None:
        s0 = verb + 1 + (text[verb + 1] == "了")  # (整合为产业、科创、文旅三大基金; 形成了光电、…五大: past the verb)
    names[0] = (s0, names[0][1])
    s1, e1 = names[-1]
    names[-1] = (s1, e1 - next((len(w) for w in rule.tail_words if text.endswith(w, s1 + 1, e1)), 0))
    items = [(x, y, ctx.written[x:y]) for x, y in ((plain.at(s), plain.at(e - 1) + 1) for s, e in names)]
    return _rel(ctx, "count_of", "enumeration", ctx.count_record(start, end, n), [], items=items, cue="", firm=False)


def _joined(ctx: Context, g: Fig, h: Fig) -> bool:
    """``g`` and ``h`` are listed one after the other (the list words of :meth:`Context.listed_after`)."""
    return rx_fullmatch(ctx.label_rules.list_join, ctx.text[g.end:h.start]) is not None


def figures_listed_before(ctx: Context, at: int, n: int) -> list[Fig] | None:
    """The ``n`` figures of one family listed right before ``at``, each joined to the next by a list word, the last
    ending where the count begins; None when there are not exactly as many."""
    before = [g for g in ctx.between(max(0, at - NAME_WINDOW * n * 2), at)]
    if not before or ctx.text[before[-1].end:at].strip():
        return None
    run = [before[-1]]
    for g in reversed(before[:-1]):
        if g.family != run[0].family or not _joined(ctx, g, run[0]):
            break
        run.insert(0, g)
    if len(run) != n or n < 2:
        return None
    k = run[0].i
    if k > 0 and ctx.figs[k - 1].family == run[0].family and _joined(ctx, ctx.figs[k - 1], run[0]):
        return None  # (a longer list: the count is of some of them)
    return run


#: What a slogan's count may open with (its numeral, after 新: “新三样”): a quote followed by none is read past at once.
_NUMERALS = frozenset("双两二三四五六七八九十")
_SLOGAN_PREFIX = "新"


def _list_ends(text: str, separators: int) -> list[int]:
    """Where the last 、 of each run of at least ``separators`` of them, each within :data:`NAME_WINDOW` of the
    one before, stands (a list of names a count may follow)."""
    out: list[int] = []
    prev, run = -1, 0
    for i in occurrences(text, "、"):
        if prev >= 0 and i - prev <= NAME_WINDOW:
            run += 1
        else:
            if run + 1 >= separators and prev >= 0:
                out.append(prev)
            run = 0
        prev = i
    if prev >= 0 and run + 1 >= separators:
        out.append(prev)
    return out


def _after_quotes(text: str) -> list[int]:
    """Where the text goes on after each opening quote (“ " ‘), in order."""
    return sorted(k + 1 for q in "“\"‘" for k in occurrences(text, q))


def _names(m: regex.Match[str]) -> list[tuple[int, int]]:
    """The spans of the names in a word count's match (each capture of group item)."""
    return list(m.spans("item"))


#: The fewest characters the words before a top list and its whole's name share (区外到位资金).
TOP_WHOLE_CHARS = 4


def find_top_lists(ctx: Context) -> list[Relation]:
    """A ranking's first few (区外到位资金完成总量排在前三位的是岑溪市82.0亿元，万秀区80.0亿元、藤县77.4亿元;
    签约协议投资额前5名是…, ``[top_list]``): the count against the figures listed after it in its statement, read
    when they are as many; and those figures, some of a whole the words before the ranking name (the nearest figure
    before of their family whose name shares :data:`TOP_WHOLE_CHARS` characters with those words), no more than it
    (never firm: which whole is meant is a reading)."""
    rule = ctx.rules.top_list
    if rule is None:
        return []
    out: list[Relation] = []
    text = ctx.text
    for at in occurrences(text, "前"):
        m = rx_match(rule, text, at)
        if m is None:
            continue
        n = numeral_count(m.group("n"))
        stmt = ctx.doc.sentence_at(m.end())  # (to its ；: 前5名是…；从市县情况看，…前5名是…)
        end = stmt.end if stmt is not None else ctx.doc.stop_span(m.end())[1]
        items = [g for g in ctx.between(m.end(), end) if g.kind in ("amount", "count") and not g.direction]
        if n is None or len(items) != n or len({g.family for g in items}) != 1:
            continue
        a, b = m.span("count")
        out.append(_rel(ctx, "count_of", "enumeration", ctx.count_record(a, b, n), [], firm=False, cue=m.group("count"),
                        items=[(g.start, g.end, ctx.written[g.start:g.end]) for g in items]))
        words = text[ctx.clause_start(at):at]
        whole = next((g for g in ctx.nearest_before(items[0]) if g.start < at and g.family == items[0].family
                      and g.article == items[0].article and not g.direction and ctx.addable(g)
                      and longest_common(g.label, words) >= TOP_WHOLE_CHARS), None)
        if whole is not None and whole.value >= max(g.value for g in items):
            out.append(_rel(ctx, "total_of", "breakdown", whole, items, cue=m.group("count"), firm=False,
                            exhaustive=False))
    return out

