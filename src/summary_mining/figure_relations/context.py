"""One document's figures with what relation finding asks of them: where each stands in the document's
structure (paragraph, full sentence, statement, clause), its family, whether it may be added or
computed with. Positions come from the Document; values from the figure records.

>>> from summary_mining import read_document
>>> from summary_mining.figures import figures_of
>>> doc = read_document(text="签约项目10个；履约项目9个，履约率90%。\\n到位资金9.88亿元。")
>>> ctx = Context(doc, figures_of(doc))
>>> [(g.surface, g.para, g.stmt, g.family) for g in ctx.figs]
[('10个', 0, 0, 'count:entity'), ('9个', 0, 0, 'count:entity'), ('90%', 0, 0, 'pct:%'), ('9.88亿元', 1, 1, 'amount:元:CNY')]
"""
from __future__ import annotations

import bisect
import math
from typing import Iterable, Iterator, Sequence

import regex

from ..datafiles import code_pattern, rx_finditer, rx_finditer_any, rx_fullmatch, rx_search, rx_sub
from ..figures.record import Figure
from ..model import Document
from ..rules.labels import label_rules
from ..structure import PAD_SPACES, may_hold_gloss, strip_glosses, structure_rules
from .plain_text import PlainReading, PlainText, wraps
from .record import Relation
from .rules import RelationRules, common_suffix

__all__ = ["Fig", "Context", "make_relation", "TEXT_WINDOW", "FIGURE_WINDOW", "ARTICLE_WINDOW"]

#: Characters a look-back over the text reads at most: the clause before a figure, the head of a
#: statement that names an indicator, the bracket a cue stands in. Real clauses are a few dozen
#: characters; the bound keeps a list of 30,000 figures without a comma (项目1个、项目2个、…) or a
#: 5 MB line linear instead of quadratic.
TEXT_WINDOW = 500
#: Figures a search for a related figure walks back over at most (a rate's numerator and base, the
#: items before a total, a remote breakdown's whole).
FIGURE_WINDOW = 200
#: Figures on either side of a share's part among which the whole it names is looked for, and
#: targets on either side of a completion's part among which its stated target is looked for.
ARTICLE_WINDOW = 200
#: How many statements back a share's part named by its subject or by a name right before it may be stated (第三产业
#: 增加值758.14亿元。第一产业增加值占全州生产总值的比重为20.9%; …比重分别为：农业61.9%): the sentences of one paragraph.
NAMED_PART_STATEMENTS = 6
#: How many full sentences (and characters) before a bare stated number its operands may stand (:meth:`Context.amount_before`:
#: the sentences of one paragraph).
STATED_OPERANDS = 6
OPERANDS_WINDOW = 2000
_TRIM = "，,；;。：:、 \t\r\n"


class Fig:
    """A figure record and its place: ``i`` (index in reading order), ``para`` (paragraph), ``stmt``
    (full sentence, to 。！？), ``sentence`` (statement, to 。！？；), ``clause`` (the normalised words
    of its clause before it) and ``family`` (what it may be added to or divided by)."""

    __slots__ = ("f", "i", "para", "stmt", "sentence", "article", "clause", "cmap", "family", "written", "half",
                 "start", "end", "surface", "kind", "unit", "value", "qualifier", "role", "label", "indicator",
                 "redacted", "in_name", "direction", "source", "factor", "unit_text")

    def __init__(self, f: Figure, i: int, doc: Document, clause: tuple[str, int | list[int]], family: str) -> None:
        self.f = f
        self.i = i
        self.start, self.end, self.surface, self.kind = f.start, f.end, f.surface, f.kind
        self.unit, self.value, self.qualifier, self.role = f.unit, f.value, f.qualifier or "", f.role or ""
        self.label, self.indicator = strip_glosses(f.label or ""), f.indicator or ""
        self.redacted, self.in_name, self.direction, self.source = f.redacted, f.in_name, f.direction or "", f.source
        self.para = doc.paragraph_index(f.start)
        self.stmt = doc.stop_index(f.start)
        self.sentence = f.sentence
        self.article = doc.article_index(f.start)
        # the clause's words (glosses left out), and where they are: the offset of the first (no gloss
        # read past), or the offset of each character and then of the clause's end
        self.clause, self.cmap = clause
        self.family = family
        self.unit_text = f.written_unit or f.unit
        if f.kind == "percentage":  # a percentage is stated in %: 3成 is 30 %, precise to 5 points
            self.written, self.factor = (NAN if f.redacted else f.value), 1.0
            self.half = f.half_unit() * (f.factor or 1.0)
        else:
            self.written = NAN if f.redacted else f.written_value
            self.factor = f.factor or 1.0
            self.half = f.half_unit()

    @property
    def half_base(self) -> float:
        """Half a unit in the last written place, in the base unit."""
        return self.half * self.factor

    def ev(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.surface)


NAN = float("nan")
#: How long a bracketed figure read past as an aside may be, brackets included ((259.65亿元), (58764万美元)).
BRACKETED_FIGURE = 18
#: How long a bracket of a figure's parts read past as an aside may be ((其中加工贸易200万美元)), and the words it opens with.
PART_BRACKET = 32
PART_OPENERS = ("其中", "含", "包括", "包含")
_CLAUSE_BREAKS = structure_rules().clause_breaks
#: What ends a list's item (:meth:`Context.item_words`).
_ITEM_ENDS = "、，,；;：:。（(）)\n"

#: A pronunciation gloss in brackets (增長(zhǎng)): read past, never a word of a clause (structure.toml).
_GLOSS = structure_rules().gloss or code_pattern("(?!)")


def family_of(f: Figure, rules: RelationRules) -> str:
    if f.kind == "count":
        return "count:entity" if f.unit in rules.entity_units else "count:person" if f.unit in rules.person_units \
            else f"count:{f.unit}"
    if f.kind == "amount":
        return f"amount:{f.unit}:{f.currency or ''}"
    return f"pct:{f.unit}"


#: Whitespace inside a clause (a justified PDF line pads its words: 完 成 年 初 预 算; a wrap joined a line): left
#: out of its words like glosses.
_SPACES = PAD_SPACES + "\r\n"
_SPACE_SET = frozenset(_SPACES)


#: A comma grouping a number's digits (完成年初预算391,267万元的97.34%): no clause break, left out of a clause's words.
_DIGIT_GROUP = structure_rules().digit_group or code_pattern("(?!)")


def _without_glosses(raw: str, base: int) -> tuple[str, list[int]]:
    """``raw`` without pronunciation glosses, whitespace and the commas grouping a number's digits, and the offset
    (``base`` + index) of each character kept, then of its end: 增長(zhǎng)3% -> ('增長3%', [b, b+1, b+9, b+10, b+11])."""
    keep = [c not in _SPACES for c in raw]
    for m in rx_finditer(_GLOSS, raw):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    if "," in raw:
        for m in rx_finditer(_DIGIT_GROUP, raw):
            keep[m.start()] = False
    offsets = [base + k for k, c in enumerate(keep) if c]
    return "".join(raw[k - base] for k in offsets), offsets + [base + len(raw)]


#: What cue matching reads past: a gloss, or the spaces a justified PDF line pads its words with (其 中，).
_DROPPED = code_pattern(f"(?:{_GLOSS.pattern})|[{PAD_SPACES}]+")


class Context:
    """A document's figures and its (normalised) text, with the lookups the finders share."""

    def __init__(self, doc: Document, figures: list[Figure], rules: RelationRules | None = None,
                 uncertain: set[int] | None = None, reading: PlainReading | None = None) -> None:
        from .rules import relation_rules

        self.doc = doc
        self.reading = reading  # doc is the plain twin of the document written (offsets map back through it)
        self.doc_id = doc.doc_id
        self.text = doc.normalized_text
        self.written = doc.text  # the text as written (a plain twin's: :meth:`evidence` maps it back)
        self.rules = rules or relation_rules()
        self.label_rules = label_rules()  # what names a target or a change (labels.toml), read once
        self.figs = [Fig(f, i, doc, self._clause_text(f.start), family_of(f, self.rules))
                     for i, f in enumerate(figures)]
        self._starts = [g.start for g in self.figs]
        self.by_record = {id(g.f): g for g in self.figs}  # a relation's figure record -> its Fig
        self._plain: PlainText | None = None  # the text without glosses, and where each char is
        self.groups: list = []
        self._group_of: dict[int, object] = {}
        self._target: dict[int, bool] = {}
        self._averages: dict[int, bool] = {}
        self.part_names: dict[tuple[int, ...], list[str]] = {}  # a list of parts -> the words naming each (finders)
        self._targets: dict[tuple[int, str], list[Fig]] | None = None
        self.uncertain: set[int] = uncertain or set()  # full sentences whose extent is not known
        self._name_actuals()
        self._name_by_section()
        self.claimed: set[int] = set()  # percentages already explained by a rate/completion/share
        self.summed: set[int] = set()  # totals a template read with the parts its wording names

    def _name_actuals(self) -> None:
        """A value labelled only "achieved" (``actual_labels``) right after a target of its kind in its
        statement is named after that target, less the target words (…收入年初预算合计193.6亿元，实际完成
        196.1亿元 -> 一般公共预算收入)."""
        actual = self.rules.actual_labels
        for prev, g in zip(self.figs, self.figs[1:]) if actual else ():
            if g.label in actual and prev.sentence == g.sentence and prev.family == g.family and self.is_target(prev):
                name = prev.label
                for w in self.rules.target_words:
                    name = name.replace(w, "")
                if len(name) >= 2:
                    g.label = name

    def _name_by_section(self) -> None:
        """A value named only by its measure (``[completion.budget] measures``), perhaps after an "achieved" word
        (实际支出963.36亿元), under a heading that names a fund (``funds``: 2．市级一般公共预算执行情况) is that fund's
        measure (一般公共预算支出): the heading says whose it is."""
        rules = self.rules
        if not rules.budget_measures or not rules.budget_funds:
            return
        actual = sorted(rules.actual_labels, key=len, reverse=True)
        for g in self.figs:
            clause = next((g.clause[:-len(w)] for w in actual if g.clause.endswith(w)), g.clause)  # 支出完成 -> 支出
            if g.kind != "amount" or not g.label or not clause.endswith(g.label):
                continue  # (收入总计: the label leaves a word of the clause out)
            measure = next((g.label[len(w):] for w in actual if g.label.startswith(w)), g.label)
            if measure not in rules.budget_measures:
                continue
            sec = self.doc.section_at(g.start)
            path = sec.path if sec is not None else ()
            fund = next((f for title in reversed(path) for f in rules.budget_funds if f in title), None)
            if fund is not None:
                g.label = fund + measure

    def listed_after(self, first: "Fig", limit: int | None = None, repeated: str = "") -> list["Fig"]:
        """``first`` and the figures of its family right after it in its full sentence, each joined to the one before by
        a list word (``list_join``: 16.13%、17.14%、13.00%), followed by the word ``repeated`` when one is given (分别占
        96.25%和占3.75%), none claimed yet; at most ``limit``."""
        run = [first]
        for g in self.figs[first.i + 1:]:
            if (limit is not None and len(run) == limit) or g.stmt != first.stmt or g.family != first.family \
                    or g.i in self.claimed:
                break
            between = self.text[run[-1].end:g.start]
            if repeated and between.rstrip().endswith(repeated):
                between = between.rstrip()[:-len(repeated)]
            if not rx_fullmatch(self.label_rules.list_join, between):
                break
            run.append(g)
        return run

    def bracket_depth(self, lo: int, pos: int) -> int:
        """Brackets opened less brackets closed between ``lo`` and ``pos`` (more than 0: one opened there is still open at
        ``pos``; less than 0: one open at ``lo`` closes before ``pos``)."""
        between = self.text[lo:pos]
        return between.count("（") + between.count("(") - between.count("）") - between.count(")")

    def inside_bracket(self, lo: int, pos: int) -> bool:
        """A bracket opened between ``lo`` and ``pos`` is still open at ``pos``."""
        return self.bracket_depth(lo, pos) > 0

    def stated_number(self, start: int, end: int, unit: str, number: str | None = None, factor: float = 1.0,
                      written_unit: str | None = None) -> "Fig":
        """A record for a bare number the text states where a relation reads it (9.6 of 三次产业结构为9.6:30.8:59.6, in
        %; 2.14 of 城乡居民收入比为2.14, no unit): ``text[start:end]`` is the number as written, or holds ``number``
        (3.7 of 3.7倍, read ``factor`` times: 370 %)."""
        written = self.text[start:end] if number is None else number
        n = float(written)
        decimals = len(written.split(".")[1]) if "." in written else 0
        return self.add_record(Figure(start, end, self.written[start:end], "percentage", n * factor, n * factor, n * factor,
                                      unit, number=n, decimals=decimals, factor=factor,
                                      written_unit=unit if written_unit is None else written_unit))

    def amount_before(self, pos: int, test, statements: int = STATED_OPERANDS,
                      kinds: tuple[str, ...] = ("amount",), after: bool = False) -> "Fig | None":
        """The nearest amount (or figure of ``kinds``) before ``pos``, at most ``statements`` full sentences back in its
        article, usable, no change, no target, that ``test`` accepts (the parts of a structure ratio, a quotient's two
        incomes); with ``after``, the nearest after ``pos`` in its paragraph, at most ``statements`` full sentences on."""
        anchor, article = self.stmt_at(pos), self.doc.article_index(pos)
        para = self.para_at(pos)
        near = self.between(pos, pos + OPERANDS_WINDOW) if after else reversed(self.between(max(0, pos - OPERANDS_WINDOW), pos))
        for g in near:
            if abs(anchor - g.stmt) > statements or g.article != article or after and g.para != para:
                break
            if g.kind in kinds and self.usable(g) and not g.direction and not self.is_target(g) and not g.redacted \
                    and test(g):
                return g
        return None

    def evidence(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """``(start, end, text)`` of each span in the text as written (the relations read on a plain twin: mapped back)."""
        if self.reading is not None:
            return self.reading.evidence(spans)
        return [(s, e, self.written[s:e]) for s, e in spans]

    def add_record(self, f: Figure) -> "Fig":
        """A :class:`Fig` for a figure record a finder makes (a count a tally states: “5增2降”), known to the
        audit but no figure of the document's (not in :attr:`figs`)."""
        g = Fig(f, -1, self.doc, self._clause_text(f.start), family_of(f, self.rules))
        self.by_record[id(f)] = g
        return g

    def count_record(self, start: int, end: int, n: int) -> "Fig":
        """A count written as words (5增, 六大, 八个方面) as a record the audit can show (:meth:`add_record`)."""
        f = Figure(start, end, self.written[start:end], "count", float(n), float(n), float(n), "项",
                   number=float(n), written_unit="项")
        return self.add_record(f)

    # -- positions (the document's structure) ----------------------------------------------
    def clause_start(self, pos: int, floor: int = 0) -> int:
        """Where the clause holding ``pos`` starts, at most :data:`TEXT_WINDOW` characters back; a figure alone in
        brackets right before is read past, as an aside (完成目标任务(259.65亿元)的40.20%: the clause is 完成目标任务…的)."""
        lo = max(self.doc.clause_start(pos), floor, pos - TEXT_WINDOW)
        text = self.text
        if lo >= 2 and text[lo - 1] in "）)":
            a = max(0, lo - PART_BRACKET)
            k = max(text.rfind("(", a, lo - 1), text.rfind("（", a, lo - 1))
            inner = text[k + 1:lo - 1] if k >= 0 else ""
            if not any(c in _CLAUSE_BREAKS for c in inner) and (
                    inner[:1].isdigit() and lo - k <= BRACKETED_FIGURE or inner.startswith(PART_OPENERS)):
                # (…任务1000万美元(其中加工贸易200万美元)的31.4%: a bracket of parts read past too)
                lo = max(self.doc.clause_start(k), floor, pos - TEXT_WINDOW)
        return lo

    def _clause_text(self, pos: int) -> tuple[str, int | list[int]]:
        """The words of the clause before ``pos``, pronunciation glosses (达(dá)) left out, and where they
        are (see ``Fig.cmap``)."""
        lo = self.clause_start(pos)
        raw = self.text[lo:pos]
        if not may_hold_gloss(raw) and _SPACE_SET.isdisjoint(raw) and ("," not in raw or not rx_search(_DIGIT_GROUP, raw)):
            return raw, lo
        return _without_glosses(raw, lo)

    def plain(self) -> PlainText:
        """The text without glosses, the spaces a justified line pads its words with and soft wraps (三 次 产 业 结
        构 为⏎2.4:36.7:60.9 reads 三次产业结构为2.4:36.7:60.9), and where each of its characters is: built once."""
        if self._plain is None:
            dropped = [(m.start(), m.end()) for m in rx_finditer(_DROPPED, self.text) if m.end() > m.start()]
            self._plain = PlainText(self.text, sorted(dropped + [(b, b + 1) for b in wraps(self.doc)]))
        return self._plain

    def cue_spans(self, patterns: Sequence[regex.Pattern[str]]) -> list[tuple[int, int]]:
        """(start, end) in the text of each match of any of ``patterns`` (:func:`rx_finditer_any`) read
        past pronunciation glosses (分产(chǎn)业(yè)看 matches 分产业看)."""
        p = self.plain()
        return [(p.at(m.start()), p.at(m.end() - 1) + 1 if m.end() > m.start() else p.at(m.start()))
                for m in rx_finditer_any(patterns, p.plain)]

    def clause_pos(self, g: "Fig", i: int) -> int:
        """The text offset of character ``i`` of ``g.clause`` (``len(g.clause)``: the figure's start)."""
        if isinstance(g.cmap, int):
            return g.cmap + i
        return g.cmap[min(i, len(g.cmap) - 1)]

    def stmt_start(self, pos: int) -> int:
        """Start of the full sentence (to 。！？ or the paragraph start) holding ``pos``."""
        return self.doc.stop_span(pos)[0]

    def stmt_at(self, pos: int) -> int:
        return self.doc.stop_index(pos)

    def para_at(self, pos: int) -> int:
        return self.doc.paragraph_index(pos)

    def sentence_start(self, g: Fig) -> int:
        return self.doc.sentences[g.sentence].start if 0 <= g.sentence < len(self.doc.sentences) else g.start

    def sentence_end(self, g: Fig) -> int:
        return self.doc.sentences[g.sentence].end if 0 <= g.sentence < len(self.doc.sentences) else g.end

    def statement_span(self, g: Fig) -> tuple[int, int]:
        return self.doc.stop_span(g.start)

    # -- figures ----------------------------------------------------------------------------
    def between(self, lo: int, hi: int) -> list[Fig]:
        """Figures starting in [lo, hi)."""
        a = bisect.bisect_left(self._starts, lo)
        b = bisect.bisect_left(self._starts, hi)
        return self.figs[a:b]

    def first_between(self, lo: int, hi: int) -> Fig | None:
        """The first figure starting in [lo, hi), or None (no list built)."""
        a = bisect.bisect_left(self._starts, lo)
        return self.figs[a] if a < len(self.figs) and self._starts[a] < hi else None

    def opening(self, lo: int, g: Fig) -> str:
        """The words from ``lo`` to the first figure after it, ``g`` when none comes before it: what a statement says
        before its numbers (全州农林牧渔业总产值同比增长5.7% from its start: 全州农林牧渔业总产值同比增长)."""
        return self.text[lo:(self.first_between(lo, g.start) or g).start]

    def any_between(self, lo: int, hi: int) -> bool:
        """Whether a figure starts in [lo, hi) (no list built: a 5 MB statement asked once per figure stays linear)."""
        return bisect.bisect_left(self._starts, lo) < bisect.bisect_left(self._starts, hi)

    def last_before(self, pos: int) -> Fig | None:
        """The last figure starting before ``pos``, or None."""
        i = bisect.bisect_left(self._starts, pos) - 1
        return self.figs[i] if i >= 0 else None

    def nearest_before(self, g: Fig, limit: int = FIGURE_WINDOW) -> Iterator[Fig]:
        """The figures before ``g``, nearest first, at most ``limit`` of them."""
        return (self.figs[j] for j in range(g.i - 1, max(-1, g.i - 1 - limit), -1))

    def around(self, g: Fig, limit: int = ARTICLE_WINDOW) -> list[Fig]:
        """The figures from ``limit`` before ``g`` to ``limit`` after it (``g`` included), in order."""
        return self.figs[max(0, g.i - limit):g.i + limit + 1]

    def set_groups(self, groups: list) -> None:
        self.groups = groups
        self._group_of = {p.i: grp for grp in reversed(groups) for p in grp.parts}  # the first group wins

    def group_of(self, g: Fig):
        """The breakdown group listing ``g`` as a part, if any."""
        return self._group_of.get(g.i)

    def bound(self, g: Fig) -> bool:
        return g.qualifier in self.rules.bound_qualifiers

    def approx(self, g: Fig) -> bool:
        return g.qualifier in self.rules.approx_qualifiers

    def is_target(self, g: Fig) -> bool:
        t = self._target.get(g.i)
        if t is None:
            clause = self.label_rules.without_non_targets(g.clause)  # 计划生育 is no plan
            t = self._target[g.i] = g.role == "target" or any(w in clause for w in self.rules.target_words) \
                or self._listed_as_target(g)
        return t

    def _listed_as_target(self, g: Fig) -> bool:
        """``g`` is listed after a colon its statement's words before call targets (目标分解任务主要是：境内外招商引资
        总额17000万美元，外贸出口8400万美元; ``[figures] target_list``)."""
        rule = self.rules.target_list
        if rule is None:
            return False
        lo = self.sentence_start(g)
        head = self.text[max(lo, g.start - TEXT_WINDOW):g.start]
        colon = max(head.rfind("："), head.rfind(":"))
        if colon < 0:
            return False
        words, listed = head[:colon + 1], head[colon + 1:]
        # (the colon opens a list of figures: every clause between it and ``g`` holds one — not a plan's prose,
        # 2016年脱贫计划:继续深入调查研究,…,确保…实现全面脱贫204户)
        clauses = [c for c in listed.translate(_TO_COMMA).split(",")[:-1] if c.strip()]
        return rx_search(rule, words) is not None and not any(w in words for w in self.rules.target_list_not) \
            and all(any(ch.isdigit() for ch in c) for c in clauses)

    def targets_around(self, g: Fig, article: int, limit: int = ARTICLE_WINDOW) -> list[Fig]:
        """The targets (not in names, not bounds) of ``article`` in ``g``'s family, at most ``limit``
        on either side of ``g``, in order."""
        if self._targets is None:
            self._targets = {}
            for h in self.figs:
                if self.is_target(h) and not h.in_name and not self.bound(h):
                    self._targets.setdefault((h.article, h.family), []).append(h)
        found = self._targets.get((article, g.family), [])
        k = bisect.bisect_left(found, g.i, key=lambda h: h.i)
        return found[max(0, k - limit):k + limit]

    def is_prior(self, g: Fig) -> bool:
        """``g`` is last year's level, its clause opening with a comparison word (``[words] prior``: 比上年人均纯收入1848元)."""
        return self.text[self.clause_pos(g, 0):g.start].lstrip(_TRIM).startswith(self.rules.prior_words)

    def usable(self, g: Fig) -> bool:
        """A value that may enter a computation (a redacted one makes it unverifiable)."""
        return g.kind != "percentage" and not g.in_name and not self.bound(g)

    def addable(self, g: Fig, *, targets: bool = False, changes: bool = False, average: bool = False) -> bool:
        """A value that may be a part or a total: not an average (人均可支配收入) unless ``average`` (a whole
        its components add up to: 工资性收入、经营净收入… of 人均可支配收入), and not a change (比上年增加20家)
        or a target unless ``changes`` / ``targets`` (where a text restates the same measures for each part,
        the parts' targets and changes add up to the whole's)."""
        return (self.usable(g) and (changes or not g.direction) and (targets or not self.is_target(g))
                and (average or not self._average(g)))

    def _average(self, g: Fig) -> bool:
        """``g``'s clause or label holds a word making it an average (``non_additive_words``: 人均), known once per figure."""
        a = self._averages.get(g.i) if g.i >= 0 else None
        if a is None:
            a = any(w in g.clause or w in g.label for w in self.rules.non_additive)
            if g.i >= 0:
                self._averages[g.i] = a
        return a

    def average_whole(self, g: Fig, parts: list[Fig]) -> bool:
        """An average the ``parts`` (addable ones: no average themselves) add up to: its components (人均可支配收入
        54386元。从构成看，工资性收入33569元…转移净收入7898元), where averages are otherwise no wholes."""
        return self.addable(g, average=True) and \
            abs(g.value - sum(p.value for p in parts)) <= sum(p.half for p in parts) + g.half

    def certain(self, stmt: int) -> bool:
        return stmt not in self.uncertain

    def same_place(self, figs: Iterable[Fig], anchor: Fig) -> bool:
        """All of ``figs`` are in ``anchor``'s full sentence, where an unambiguous relation puts them."""
        return self.certain(anchor.stmt) and all(g.stmt == anchor.stmt for g in figs)

    def item_words(self, g: Fig) -> str:
        """The words of ``g``'s list item around it, from the last item break before it to the first after (县级10个重点项目
        中1个已完工、8个在建、1个未开工: 8个在建 — a count's state may be written after it).

        >>> from summary_mining import read_document
        >>> from summary_mining.figures import figures_of
        >>> doc = read_document(text="县级10个重点项目中1个已完工、8个在建、1个未开工。")
        >>> ctx = Context(doc, figures_of(doc))
        >>> [ctx.item_words(g) for g in ctx.figs[1:]]
        ['县级10个重点项目中1个已完工', '8个在建', '1个未开工']
        """
        text = self.text
        lo = max(text.rfind(c, 0, g.start) for c in _ITEM_ENDS) + 1
        ends = [k for k in (text.find(c, g.end) for c in _ITEM_ENDS) if k >= 0]
        return text[lo:min(ends, default=len(text))]

    def context_words(self, g: Fig) -> str:
        return f"{g.clause}|{g.label}|{g.indicator}"

    def name(self, g: Fig) -> str:
        """A short readable name for a figure in a message: its label, or the words before it."""
        lab = (g.label or g.clause.strip(_TRIM)).strip(_TRIM)
        while (rest := lab.lstrip("0123456789-~—")) != lab:  # a date before the words: 2021年7月, 1-6月份
            lab = rest.lstrip("月年日份")  # (a 年 of the words stays: 年度计划投资)
        # a figure written right before this one ends its words (全镇13951户68202人: 全镇)
        lab = rx_sub(_TRAILING_FIGURE, "", lab).strip(_TRIM) or lab
        return lab[-12:]


#: A figure closing the words before another figure (全镇13951户 before 68202人): no part of its name.
_TRAILING_FIGURE = code_pattern(r"[0-9][0-9.．,，]*(?:万|亿)?[^\s0-9，,。；;、：:]?$")

#: What separates the items of a list of figures after a colon (境内外招商引资总额17000万美元,外贸出口8400万美元): one comma.
_TO_COMMA = str.maketrans({c: "," for c in "，；;、"})

#: A bracketed remark with no bracket inside it (（进口小于出口）, (GDP)).
BRACKETED = code_pattern(r"[（(][^（()）]*[)）]")


def occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text``, in order (str.find: no pattern, no allocation when it is absent)."""
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out


def finite(x: float) -> bool:
    return not math.isnan(x)


def make_relation(ctx: Context, relation: str, check: str, stated: Fig | None, operands: list[Fig], **kw) -> Relation:
    """A :class:`Relation` of ``stated`` and ``operands`` with its statement, article and approximation read
    from ``ctx`` (every finder, in text and in tables, builds its relations so)."""
    anchor = stated or operands[0]
    return Relation(relation, check, stated.f if stated else None, [g.f for g in operands],
                    statement=ctx.statement_span(anchor), article=anchor.article,
                    approximate=any(ctx.approx(g) for g in ([stated] if stated else []) + operands), **kw)


def make_hundred(shares: list[Fig]) -> bool:
    """The shares add up to 100 % within their rounding: each may be half a unit of its last place off, but
    many slips all one way are unlikely — three standard deviations of a sum of uniform rounding errors,
    ``half · √(3n)``, and never more than all of them ``n · half`` (three shares to 0.1 % may make 99.9 %; nineteen
    that make 99.2 % leave a line out: a list of 主要支出)."""
    n, half = len(shares), max(s.half for s in shares)
    total = sum(s.written for s in shares)
    return abs(total - 100) <= min(n, math.sqrt(3 * n)) * half + 1e-9


def without_ends(name: str, ends: tuple[str, ...]) -> str:
    """``name`` without the words at its end saying the level was achieved or planned (``ends``: 完成, 安排 …), each
    as often as it stands there (全市一般公共预算收入完成 -> 全市一般公共预算收入)."""
    trimmed = True
    while trimmed:
        trimmed = False
        for w in ends:
            if w and name.endswith(w):
                name, trimmed = name[:-len(w)], True
    return name


def longest_common(a: str, b: str) -> int:
    """Length of the longest substring ``a`` and ``b`` have in common (河流断面水质, 地表水省控河流断面: 4)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def partition_found(ctx: Context, figs: list[Fig]) -> tuple[int, list[Fig]] | None:
    """(index of the known partition, its figures, in order): the first of ``figs`` whose name starts with each
    name of a partition, when all are there, the members measuring one thing (what follows each name ends alike:
    城镇人口 and 乡村人口, not 城镇新增就业人员)."""
    for k, names in enumerate(ctx.rules.partitions):
        picked: dict[str, Fig] = {}
        measure: str | None = None
        for g in figs:
            for n in names:
                # its label, else its clause (电力、热力、燃气及水生产和供应业31.8亿元: a label keeps a long name's tail)
                name = next((s for s in (g.label, g.clause) if s and s.startswith(n)), None)
                if n not in picked and name is not None and g not in picked.values():
                    rest = name[len(n):]
                    if measure and rest and not common_suffix(measure, rest):
                        continue
                    picked[n] = g
                    measure = measure or rest
        if len(picked) == len(names):
            return k, sorted(picked.values(), key=lambda g: g.start)
    return None
