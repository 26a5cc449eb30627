"""Audit reported figures: re-compute the arithmetic a summary asserts between its figures.

``audit(source_or_metrics)`` returns one row per relation checked — consistent ones too, so a
reader sees what was verified — with the figure the document states, the value the other
figures give, the tolerance allowed by the stated precision and the evidence used.

>>> df = audit(text="第十五届西博会签约项目10个，投资总额24亿元；履约项目9个，履约率90﹪。")
>>> df[["check", "status", "stated", "computed"]].values.tolist()
[['rate', 'consistent', 90.0, 90.0]]
>>> print(df.loc[0, "message"])
履约率90﹪与 履约项目9个/签约项目10个=90.00% 一致
>>> df.loc[0, "evidence"]
[(34, 37, '90﹪'), (28, 30, '9个'), (11, 14, '10个')]
>>> audit(text="投资1400万元；投资900万元，合计招商引资资金2300万元。")[["check", "stated", "computed"]].values.tolist()
[['sum', 2300.0, 2300.0]]

Relations (one function each, see :data:`CHECKS`):

``rate``
    履约率 = 履约项目 / 签约项目, 资金到位率 = 到位资金 / 投资总额 … (pairs in ``data/audit.toml``);
    the numerator must be in the rate's statement, the base may be earlier in the paragraph.
    A 履约率/开工率 above 100 % is inconsistent.
``share``
    占当年到位资金的71.35% = part / whole; the whole is named (looked up in the article) or
    implicit (the whole of a 其中 breakdown). A share above 100 % is inconsistent.
``completion``
    完成全年目标任务的64.23%: the implied target (actual / rate) is reported and checked against a
    target stated in the clause or elsewhere in the article; above 100 % is fine.
``sum``
    合计/共计/总计 N (strong cues) or 累计/共 N (weak cues, reported only when they add up) equals
    the figures listed before it in the statement.
``breakdown``
    开工项目295个，其中工业项目58个 … : the parts after 其中 (or 在…中, 按…划分) add up to the whole.
    Parts that fall short are ``unverifiable`` (其中 need not list everything); parts that
    exceed the whole are inconsistent.
``share_total``
    the shares of a complete breakdown add up to 100 %.
``target_claim``
    a paragraph opening with 完成…任务N then itemising it: the items (or their 合计) equal N.
``enumeration``
    新建网点5个（A、B、C、D、E）: the number of listed names equals the count.
``repeat``
    the same indicator — identical wording from the start of the statement — reported twice in
    one section; different values are inconsistent only within one paragraph (elsewhere they
    may be another period: 2025年 against 这五年).

Decisions
---------
* **Tolerance** comes from the precision of the figures as written, never a fixed percentage:
  half a unit in the last written place of the stated figure (41.17 % -> 0.005), plus, for
  ratios, the rounding of the two inputs carried through the division. Sums take their items
  as exact (an itemised total is the sum of the items as written) unless an item is written
  more coarsely than the total. A stated figure equal to the computed value truncated (not
  rounded) to the stated precision also counts as consistent.
* ``stated``, ``computed``, ``difference`` (stated - computed) and ``tolerance`` are in the
  stated figure's written unit: 2300 for 合计2300万元, 90 for 履约率90﹪, 5 for 新建网点5个.
  ``share_total`` states the implicit 100 %.
* **Redacted** figures (xx亿元) and figures inside names (《…1000吨…项目》) are never computed
  with. A relation whose stated figure is redacted is skipped (nothing is asserted); one whose
  inputs include a redacted figure is reported ``unverifiable`` with that figure in the evidence.
  Bounds (5000万元以上, 300--499万元) are never inputs; approximate figures (约, 近, 余) are, but a
  mismatch involving one is ``unverifiable``.
* ``inconsistent`` is only reported when the relation is unambiguous: the figures were found
  where the cue puts them (a 其中 breakdown, a 合计 and its items, a share and its part in one
  statement — the text up to 。), the whole or target was not merely guessed from a similar
  name elsewhere, and no figure involved is approximate. Otherwise a mismatch is
  ``unverifiable``. A metrics frame holds only the sentences with figures: statements next to
  the left-out sentences are treated as uncertain, so a frame may give ``unverifiable`` where
  the source gives ``inconsistent`` (pass the source when you have it).
* A multi-summary file (投资促进工作总结篇1 … 篇6) is audited article by article: a named whole
  or a stated target is looked for in the same article.
"""
from __future__ import annotations

import bisect
import itertools
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pandas as pd
import regex

from ..datafiles import compile_pattern, load_toml, rx_finditer, rx_first, rx_fullmatch, rx_match, rx_search, rx_sub
from ..documents import as_document
from ..extraction import extract
from ..model import Document
from ..normalize import normalize

__all__ = ["audit", "AUDIT_COLUMNS", "AUDIT_DTYPES", "CHECKS", "AuditRules", "audit_rules", "empty_audit"]

#: Column -> dtype of the audit frame (a stable contract, in this order).
AUDIT_DTYPES: dict[str, str] = {
    "doc_id": "string",
    "article": "Int64",
    "check": "string",
    "status": "string",
    "stated": "float64",
    "computed": "float64",
    "difference": "float64",
    "tolerance": "float64",
    "message": "string",
    "evidence": "object",
}
AUDIT_COLUMNS = tuple(AUDIT_DTYPES)

log = logging.getLogger(__name__)

#: One audit row, keyed by :data:`AUDIT_COLUMNS`.
Row = dict[str, Any]

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
NAN = float("nan")
_NUMBER = regex.compile(r"[0-9][0-9,]*(?:[.、][0-9]+)?")
_CN_NUMBER = regex.compile(r"[零〇○一二两三四五六七八九十百千万亿点]+")
_TRIM = "，,；;。：:、 \t\r\n"

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
#: Characters a sentence is assumed to span at most when the frame does not give its extent
#: (a document's sentences are cut at ``outline.MAX_SENTENCE_CHARS``).
SENTENCE_WINDOW = 1000


# ---------------------------------------------------------------------------------------------
# rules
@dataclass(frozen=True)
class RateRule:
    name: str
    numerator: tuple[str, ...]
    numerator_name: str
    denominator: tuple[str, ...]
    denominator_name: str
    family: str
    max: float | None


@dataclass(frozen=True)
class AuditRules:
    """The cue words of ``data/audit.toml``, compiled."""

    clause_breaks: frozenset[str]
    statement_breaks: frozenset[str]
    bound_qualifiers: frozenset[str]
    approx_qualifiers: frozenset[str]
    entity_units: frozenset[str]
    target_words: tuple[str, ...]
    non_additive: tuple[str, ...]
    rates: tuple[RateRule, ...]
    rate_link: regex.Pattern[str]
    completion: tuple[regex.Pattern[str], ...]
    share: tuple[regex.Pattern[str], ...]
    share_max: float
    share_drop: tuple[str, ...]
    strong_sum: regex.Pattern[str]
    weak_sum: regex.Pattern[str]
    local_breakdown: regex.Pattern[str]
    remote_breakdown: regex.Pattern[str]
    claim: regex.Pattern[str]
    enum_separators: str
    enum_open_ends: tuple[str, ...]
    enum_remarks: tuple[str, ...]
    enum_min_name: int
    enum_min_preceding: int
    enum_list_after: regex.Pattern[str]  # 5个：（ / 3家农民专业合作社（
    enum_list_before: regex.Pattern[str]  # 北京、重庆、广东、浙江、福建|五省市
    enum_noun: regex.Pattern[str]  # 两次|省级重大活动，分别于
    respectively: regex.Pattern[str]
    respectively_joiners: tuple[str, ...]
    repeat_min_key: int


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def audit_rules(path: str = "audit.toml") -> AuditRules:
    """Load and compile the audit cue words (cached)."""
    d = load_toml(path)
    src = str(path)
    fig, enum = d["figures"], d["enumeration"]
    noun = r"[^\s，,。；;：:（()）、\d]"  # one character of a noun: no punctuation, no digit
    item = rf"[^\s{regex.escape(enum['separators'])}]"
    max_item = int(enum["max_item_chars"])
    rates = tuple(RateRule(r["name"], tuple(r["numerator"]), r.get("numerator_name", r["numerator"][0]),
                           tuple(r["denominator"]), r.get("denominator_name", r["denominator"][0]),
                           r.get("family", "count"), r.get("max"))
                  for r in sorted(d.get("rate", []), key=lambda r: len(r["name"]), reverse=True))
    links = _alternation(regex.escape(w) for w in d["rate_links"]["words"])

    def pats(key: str, ps: list[str]) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, src, f"{key}[{i}]") for i, p in enumerate(ps))

    return AuditRules(
        clause_breaks=frozenset(d["clause_breaks"]),
        statement_breaks=frozenset(d["statement_breaks"]),
        bound_qualifiers=frozenset(fig["bound_qualifiers"]),
        approx_qualifiers=frozenset(fig["approx_qualifiers"]),
        entity_units=frozenset(fig["entity_units"]),
        target_words=tuple(fig["target_words"]),
        non_additive=tuple(fig.get("non_additive_words", ())),
        rates=rates,
        rate_link=compile_pattern(f"(?:{links})$", src, "rate_links"),
        completion=pats("completion.patterns", d["completion"]["patterns"]),
        share=pats("share.patterns", d["share"]["patterns"]),
        share_max=float(d["share"].get("max", 100)),
        share_drop=tuple(sorted(d["share"].get("drop_words", []), key=len, reverse=True)),
        strong_sum=compile_pattern(_alternation(d["sum"]["strong"]), src, "sum.strong"),
        weak_sum=compile_pattern(_alternation(d["sum"]["weak"]), src, "sum.weak"),
        local_breakdown=compile_pattern(_alternation(d["breakdown"]["local"]), src, "breakdown.local"),
        remote_breakdown=compile_pattern(_alternation(d["breakdown"]["remote"]), src, "breakdown.remote"),
        claim=compile_pattern(d["claim"]["pattern"], src, "claim.pattern"),
        enum_separators=enum["separators"],
        enum_open_ends=tuple(enum["open_ends"]),
        enum_remarks=tuple(enum["remark_starts"]),
        enum_min_name=int(enum["min_name_chars"]),
        enum_min_preceding=int(enum["min_preceding_items"]),
        enum_list_after=compile_pattern(rf"[:：]?\s*(?:{noun}{{1,{int(enum['max_noun_chars'])}}})?[（(]", src,
                                        "enumeration.max_noun_chars"),
        # matched right to left: anchored at the end, one attempt (a forward search retries at every
        # position of a long list that does not end in a name: quadratic)
        enum_list_before=compile_pattern(rf"(?:{item}{{1,{max_item}}}、)+(?:{item}(?<!\d)){{1,{max_item}}}$", src,
                                         "enumeration.max_item_chars", regex.REVERSE),
        enum_noun=compile_pattern(rf"{noun}{{0,{int(enum['max_noun_chars'])}}}", src, "enumeration.max_noun_chars"),
        respectively=compile_pattern(enum["respectively"], src, "enumeration.respectively"),
        respectively_joiners=tuple(sorted(enum["respectively_joiners"], key=len, reverse=True)),
        repeat_min_key=int(d["repeat"]["min_key_chars"]),
    )


# ---------------------------------------------------------------------------------------------
# figures and their context
@dataclass
class Fig:
    """One row of the metrics frame, with what the checks need to know about it."""

    i: int
    start: int
    end: int
    surface: str
    kind: str
    unit: str
    currency: str
    value: float
    qualifier: str
    role: str
    label: str
    indicator: str
    redacted: bool
    in_name: bool
    direction: str
    source: str
    article: int
    sentence: int
    section: str = ""
    para: int = 0
    stmt: int = 0
    written: float = NAN  # the number as written (2300 for 2300万元)
    factor: float = 1.0  # value = written * factor
    half: float = 0.0  # half a unit in the last written place, in written units
    family: str = ""
    clause: str = ""  # normalised words of the clause before the figure

    @property
    def unit_text(self) -> str:
        """The written unit: 万元 for 2300万元, % for 90﹪."""
        norm = normalize(self.surface)
        m = _NUMBER.search(norm) or _CN_NUMBER.search(norm)
        return (norm[m.end():] if m else norm).replace(" ", "").replace("\n", "") or self.unit

    @property
    def half_base(self) -> float:
        return self.half * self.factor

    def ev(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.surface)


def _decimals(number: str) -> int:
    for sep in (".", "、", "点"):
        if sep in number:
            return len(number.split(sep, 1)[1])
    return 0


def _written(surface: str, value: float, kind: str) -> tuple[float, float, float]:
    """(written value, factor, half-ulp in written units) of a figure."""
    norm = normalize(surface)
    m = _NUMBER.search(norm)
    if m:
        num = m.group(0).replace(",", "").replace("、", ".")
    else:
        m = _CN_NUMBER.search(norm)
        num = m.group(0) if m else ""
    half = 0.5 * 10 ** -_decimals(num)
    if math.isnan(value):
        return NAN, 1.0, half
    try:
        w = float(num) if m and num[:1].isdigit() else NAN
    except ValueError:
        w = NAN
    if kind == "percentage" or math.isnan(w) or w == 0:
        if kind == "percentage" and not math.isnan(w) and w:
            half *= abs(value / w)  # 3成 -> 30 %, precise to 5 points
        return value, 1.0, half
    ratio = value / w
    factor = 10.0 ** round(math.log10(abs(ratio))) if ratio else 1.0
    return value / factor, factor, half


def _family(kind: str, unit: str, currency: str, rules: AuditRules) -> str:
    if kind == "count":
        return "count:entity" if unit in rules.entity_units else f"count:{unit}"
    if kind == "amount":
        return f"amount:{unit}:{currency}"
    return f"pct:{unit}"


def _s(x: Any) -> str:
    return "" if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)) else str(x)


class Context:
    """One document's figures plus the (normalised) text around them.

    Built from a :class:`Document` (the full text: paragraphs from its blocks, statements
    between 。) or from a metrics frame alone (the text of the sentences that hold figures, at
    their offsets; see :func:`context_from_frame`). A *statement* runs to 。！？ or the end of
    its paragraph and may hold several ；-separated sentences.
    """

    def __init__(self, doc_id: str, text: str, figs: list[Fig], para_starts: list[int],
                 stmt_cuts: list[int], sentences: dict[int, tuple[int, int]], rules: AuditRules,
                 written: str | None = None):
        self.doc_id = doc_id
        self.text = text
        #: the text as written (``text`` is its normalisation, one character for one): evidence quotes it
        self.written = text if written is None else written
        self.rules = rules
        self.sentences = sentences
        self._para_starts = para_starts
        self._stmt_cuts = stmt_cuts
        self._clause_breaks = [i for i, c in enumerate(text) if c in rules.clause_breaks]
        for f in figs:
            f.para = self.para_at(f.start)
            f.stmt = self.stmt_at(f.start)
            f.clause = self.clause_before(f.start)
        self.figs = figs
        self._starts = [f.start for f in figs]
        self.groups = []
        self._target: dict[int, bool] = {}
        self._targets: dict[tuple[int, str], list[Fig]] | None = None
        self.uncertain: set[int] = set()  # statements whose extent is not known (metrics frame only)
        self.claimed: set[int] = set()  # percentages already explained by a rate/completion/share check

    # -- positions ------------------------------------------------------------------------
    def para_at(self, pos: int) -> int:
        return bisect.bisect_right(self._para_starts, pos)

    def stmt_at(self, pos: int) -> int:
        return bisect.bisect_right(self._stmt_cuts, pos)

    def stmt_start(self, pos: int) -> int:
        k = self.stmt_at(pos)
        return self._stmt_cuts[k - 1] if k else 0

    def sentence_start(self, f: Fig) -> int:
        s = self.sentences.get(f.sentence)
        if s is not None:
            return s[0]
        i, floor = f.start, max(0, f.start - SENTENCE_WINDOW)
        while i > floor and self.text[i - 1] not in "\n。；;！？!?":
            i -= 1
        return i

    def sentence_end(self, f: Fig) -> int:
        s = self.sentences.get(f.sentence)
        if s is not None:
            return s[1]
        i, ceiling = f.end, min(len(self.text), f.end + SENTENCE_WINDOW)
        while i < ceiling and self.text[i] not in "\n。；;！？!?":
            i += 1
        return i

    def clause_start(self, pos: int, floor: int = 0) -> int:
        """Where the clause holding ``pos`` starts: after the last clause break before it, but at
        most :data:`TEXT_WINDOW` characters back (and not before ``floor``)."""
        k = bisect.bisect_left(self._clause_breaks, pos)
        after_break = self._clause_breaks[k - 1] + 1 if k else 0
        return max(after_break, floor, pos - TEXT_WINDOW)

    def clause_before(self, pos: int) -> str:
        """The (normalised) words of the clause before ``pos``."""
        return self.text[self.clause_start(pos):pos]

    # -- figures ----------------------------------------------------------------------------
    def between(self, lo: int, hi: int) -> list[Fig]:
        """Figures starting in [lo, hi)."""
        a = bisect.bisect_left(self._starts, lo)
        b = bisect.bisect_left(self._starts, hi)
        return self.figs[a:b]

    def nearest_before(self, f: Fig, limit: int = FIGURE_WINDOW) -> Iterator[Fig]:
        """The figures before ``f``, nearest first, at most ``limit`` of them."""
        return (self.figs[j] for j in range(f.i - 1, max(-1, f.i - 1 - limit), -1))

    def around(self, f: Fig, limit: int = ARTICLE_WINDOW) -> list[Fig]:
        """The figures from ``limit`` before ``f`` to ``limit`` after it (``f`` included), in order."""
        return self.figs[max(0, f.i - limit):f.i + limit + 1]

    @property
    def groups(self) -> list[Group]:
        return self._groups

    @groups.setter
    def groups(self, groups: list[Group]) -> None:
        self._groups = groups
        self._group_of = {p.i: g for g in reversed(groups) for p in g.parts}  # the first group wins

    def group_of(self, f: Fig) -> Group | None:
        """The breakdown group listing ``f`` as a part, if any."""
        return self._group_of.get(f.i)

    def bound(self, f: Fig) -> bool:
        return f.qualifier in self.rules.bound_qualifiers

    def approx(self, f: Fig) -> bool:
        return f.qualifier in self.rules.approx_qualifiers

    def is_target(self, f: Fig) -> bool:
        t = self._target.get(f.i)
        if t is None:
            t = self._target[f.i] = f.role == "target" or any(w in f.clause for w in self.rules.target_words)
        return t

    def targets_around(self, f: Fig, article: int, limit: int = ARTICLE_WINDOW) -> list[Fig]:
        """The targets (not in names, not bounds) of ``article`` in ``f``'s family, at most
        ``limit`` on either side of ``f``, in order."""
        if self._targets is None:
            self._targets = {}
            for g in self.figs:
                if self.is_target(g) and not g.in_name and not self.bound(g):
                    self._targets.setdefault((g.article, g.family), []).append(g)
        found = self._targets.get((article, f.family), [])
        k = bisect.bisect_left(found, f.i, key=lambda g: g.i)
        return found[max(0, k - limit):k + limit]

    def usable(self, f: Fig) -> bool:
        """A value that may enter a computation (a redacted one makes it unverifiable)."""
        return f.kind != "percentage" and not f.in_name and not self.bound(f)

    def addable(self, f: Fig) -> bool:
        """A value that may be a part or a total: not a target, a change (比上年增加20家) or an
        average (人均可支配收入)."""
        return (self.usable(f) and not f.direction and not self.is_target(f)
                and not any(w in f.clause or w in f.label for w in self.rules.non_additive))

    def certain(self, stmt: int) -> bool:
        return stmt not in self.uncertain

    def same_place(self, figs: Iterable[Fig], anchor: Fig) -> bool:
        """All of ``figs`` are in ``anchor``'s statement, where an unambiguous relation puts them."""
        return self.certain(anchor.stmt) and all(g.stmt == anchor.stmt for g in figs)

    def context_words(self, f: Fig) -> str:
        return f"{f.clause}|{f.label}|{f.indicator}"


@dataclass
class Group:
    """A whole and the parts a breakdown cue (其中 / 在…中 / 按…划分) lists after it."""

    whole: Fig
    parts: list[Fig]
    cue: str
    local: bool  # the whole stands right before the cue, in its sentence
    firm: bool  # the parts are unambiguous (one statement)


# ---------------------------------------------------------------------------------------------
# building a context
def _figs_from_frame(df: pd.DataFrame, rules: AuditRules) -> list[Fig]:
    figs: list[Fig] = []
    rows = df.sort_values(["start", "end"], kind="stable").to_dict("records")
    for r in rows:
        kind = _s(r.get("kind"))
        value = float(r["value"]) if not pd.isna(r.get("value")) else NAN
        redacted = bool(r.get("redacted")) if not pd.isna(r.get("redacted")) else False
        if redacted:
            value = NAN
        surface = _s(r.get("surface"))
        written, factor, half = _written(surface, value, kind)
        unit, currency = _s(r.get("unit")), _s(r.get("currency"))
        figs.append(Fig(
            i=len(figs), start=int(r["start"]), end=int(r["end"]), surface=surface, kind=kind, unit=unit,
            currency=currency, value=value, qualifier=_s(r.get("qualifier")), role=_s(r.get("role")),
            label=normalize(_s(r.get("label"))), indicator=_s(r.get("indicator")), redacted=redacted,
            in_name=bool(r.get("in_name")) if not pd.isna(r.get("in_name")) else False,
            direction=_s(r.get("direction")),
            source=_s(r.get("source")),
            article=int(r["article"]) if not pd.isna(r.get("article")) else 0,
            sentence=int(r["sentence_id"]) if not pd.isna(r.get("sentence_id")) else -1 - len(figs),
            section=_s(r.get("section")),
            written=written, factor=factor, half=half, family=_family(kind, unit, currency, rules)))
    return figs


def _statement_cuts(text: str, para_starts: list[int], rules: AuditRules) -> list[int]:
    cuts = {i + 1 for i, c in enumerate(text) if c in rules.statement_breaks}
    return sorted(cuts | set(para_starts))


def context_from_document(doc: Document, df: pd.DataFrame, rules: AuditRules) -> Context:
    text = getattr(doc, "normalized_text", None) or normalize(doc.text)
    if doc.blocks:
        para_starts = sorted({b.start for b in doc.blocks} - {0})
    else:
        para_starts = [i + 1 for i, c in enumerate(text) if c == "\n"]
    sentences = {s.index: (s.start, s.end) for s in doc.sentences}
    figs = _figs_from_frame(df, rules)
    return Context(doc.doc_id, text, figs, para_starts, _statement_cuts(text, para_starts, rules), sentences,
                   rules, written=doc.text)


def _sentence_offsets(rows: pd.DataFrame) -> dict[int, tuple[int, str, tuple[str, str]]]:
    """Where each sentence of a metrics frame starts (from its figures' offsets and surfaces),
    its text, and the (article, section) it belongs to."""
    out: dict[int, tuple[int, str, tuple[str, str]]] = {}
    for sid, g in rows.groupby("sentence_id", sort=True):
        text = _s(g["sentence"].iloc[0])
        if not text:
            continue
        common: set[int] | None = None
        for s, surf in zip(g["start"], g["surface"]):
            surf = _s(surf)
            offs = ({int(s) - m.start() for m in regex.finditer(regex.escape(surf), text, overlapped=True)}
                    if surf else set())
            common = offs if common is None else (common & offs or common)
        ok = sorted(o for o in (common or ()) if o >= 0)
        if ok:
            where = (_s(g["article"].iloc[0]) if "article" in g else "", _s(g["section"].iloc[0]) if "section" in g else "")
            out[int(g["sentence_id"].iloc[0])] = (ok[0], text, where)
    return out


#: In a metrics frame, two sentences of one section with only unknown (figure-less) sentences
#: between them are taken to share a paragraph when at most this many characters separate them.
FRAME_PARAGRAPH_GAP = 60


def context_from_frame(df: pd.DataFrame, doc_id: str, rules: AuditRules) -> Context:
    """Rebuild as much text as the frame holds: the sentences with figures, at their offsets.

    A sentence keeps its closing 。 or ；, so statements are known. Sentences with consecutive ids
    and nothing between them share a paragraph. Figure-less sentences left out between two
    sentences of one section are bridged (one paragraph) when they are at most
    :data:`FRAME_PARAGRAPH_GAP` long or follow an unfinished statement (…；); such a statement
    is marked uncertain, and no ``inconsistent`` verdict rests on it.
    """
    offsets = _sentence_offsets(df[df["sentence_id"].notna()]) if "sentence" in df else {}
    length = max([int(df["end"].max()) if len(df) else 0] + [o + len(t) for o, t, _ in offsets.values()]) + 1
    buf = ["\n"] * length
    raw = ["\n"] * length  # the sentences as written, for evidence
    sentences: dict[int, tuple[int, int]] = {}
    para_starts: list[int] = []
    unknown: list[int] = []  # ends of statements that may continue in text the frame does not hold
    prev: tuple[int, int, tuple[str, str]] | None = None  # (id, end, where)
    for sid, (o, t, where) in sorted(offsets.items(), key=lambda kv: kv[1][0]):
        buf[o:o + len(t)] = list(normalize(t))
        raw[o:o + len(t)] = list(t)
        sentences[sid] = (o, o + len(t))
        gap = o - prev[1] if prev else -1
        if prev is not None and where == prev[2] and gap == 0 and sid == prev[0] + 1:
            pass  # the next sentence of the same statement or paragraph
        else:
            ended = prev is not None and buf[prev[1] - 1] in rules.statement_breaks
            if prev is not None and not ended:
                unknown += [prev[1] - 1, o]  # was the statement continued across the gap?
            if (prev is not None and where == prev[2] and sid > prev[0] + 1
                    and 0 < gap and (gap <= FRAME_PARAGRAPH_GAP or not ended)):
                buf[prev[1]:o] = [" "] * gap if ended else ["；"] + [" "] * (gap - 1)
            elif o:
                para_starts.append(o)
        prev = (sid, o + len(t), where)
    text = "".join(buf)
    figs = _figs_from_frame(df, rules)
    ctx = Context(doc_id, text, figs, para_starts, _statement_cuts(text, para_starts, rules), sentences, rules,
                  written="".join(raw))
    ctx.uncertain = {ctx.stmt_at(u) for u in unknown}
    return ctx


# ---------------------------------------------------------------------------------------------
# arithmetic helpers
def _agrees(stated: float, computed: float, tol: float, half: float = 0.0) -> bool:
    """Within tolerance, or (when ``half`` is given, for ratios) the computed value truncated
    rather than rounded to the stated precision (2/3 written 66.66%)."""
    if abs(stated - computed) <= tol + 1e-9 * max(1.0, abs(stated)):
        return True
    step = 2 * half
    if step <= 0:
        return False
    trunc = math.floor(computed / step + 1e-9) * step
    return abs(trunc - stated) <= 1e-9 * max(1.0, abs(stated)) and abs(stated - computed) < step + tol - half


def _ratio(part: Fig, whole: Fig) -> tuple[float, float]:
    """part / whole * 100 and its rounding uncertainty from the inputs' written precision.

    Counts are exact; an amount is known to half a unit in its last written place.
    """
    c = part.value / whole.value * 100
    rel = sum(f.half_base / abs(f.value) for f in (part, whole) if f.value and f.kind != "count")
    return c, abs(c) * rel


def _fmt(x: float, decimals: int = 2) -> str:
    if math.isnan(x):
        return "?"
    s = f"{x:,.{decimals}f}".replace(",", "")
    return s


def _dec(f: Fig) -> int:
    """Decimal places written in a figure (41.17﹪ -> 2)."""
    m = _NUMBER.search(normalize(f.surface))
    return _decimals(m.group(0)) if m else 0


def _pct_text(x: float, stated: Fig) -> str:
    return f"{_fmt(x, max(2, _dec(stated)))}%"


def _amount_text(base_value: float, ref: Fig) -> str:
    """A base-unit value written in ``ref``'s unit: 103000000 -> 103万元 (for ref 100万元)."""
    w = base_value / ref.factor
    d = max(_dec(ref), 0)
    text = f"{w:.{d}f}" if abs(w - round(w, d)) < 1e-9 else f"{w:.{d + 2}f}".rstrip("0").rstrip(".")
    return f"{text}{ref.unit_text}"


def _row(ctx: Context, check: str, status: str, stated: Fig | None, computed: float, tol: float, message: str,
         evidence: Iterable[tuple[int, int, str] | Fig], *, stated_value: float | None = None,
         article: int | None = None) -> Row:
    sv = stated.written if stated_value is None and stated is not None else stated_value
    ev = list(dict.fromkeys(e.ev() if isinstance(e, Fig) else (e[0], e[1], ctx.written[e[0]:e[1]]) for e in evidence))
    comp = round(computed, 6) if not math.isnan(computed) else NAN
    diff = round(sv - computed, 6) if sv is not None and not math.isnan(computed) else NAN
    return {"doc_id": ctx.doc_id, "article": article if article is not None else (stated.article if stated else 0),
            "check": check, "status": status, "stated": float(sv) if sv is not None else NAN, "computed": comp,
            "difference": diff, "tolerance": round(tol, 9) if not math.isnan(tol) else NAN,
            "message": message, "evidence": ev}


def _verdict(ok: bool, firm: bool, *approx_flags: bool) -> str:
    if ok:
        return CONSISTENT
    return INCONSISTENT if firm and not any(approx_flags) else UNVERIFIABLE


_WORD = {CONSISTENT: "一致", INCONSISTENT: "不一致", UNVERIFIABLE: "无法确认"}


@lru_cache(maxsize=1 << 16)
def _lcs(a: str, b: str) -> int:
    """Length of the longest common substring (cached: the same names are compared again and again)."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


_LEADING_TIME = regex.compile(r"^(?:[-~—][0-9]*|[0-9]+)(?:月份?|年|日)?")


def _name(f: Fig) -> str:
    """A short readable name for a figure in a message: its label, or the words before it."""
    lab = rx_sub(_LEADING_TIME, "", f.label or f.clause.strip(_TRIM)).strip(_TRIM)
    return lab[-12:] if lab else ""


# ---------------------------------------------------------------------------------------------
# percentages: which relation does a percentage state?
def _rate_rule(ctx: Context, p: Fig) -> RateRule | None:
    clause = rx_sub(ctx.rules.rate_link, "", p.clause.strip())
    tail = regex.split(r"[、和及与]", clause)[-1] if clause else ""
    for r in ctx.rules.rates:
        if tail.endswith(r.name) or (not tail and p.label.endswith(r.name)):
            return r
    return None


def _completion_match(ctx: Context, p: Fig) -> regex.Match | None:
    return rx_first(ctx.rules.completion, p.clause)


def _share_match(ctx: Context, p: Fig) -> regex.Match | None:
    return rx_first(ctx.rules.share, p.clause)


_PAREN = regex.compile(r"[（(][^（()）]*[)）]")
_PCT_CLAUSE = regex.compile(r"[^，,；;。]{0,30}?-?[0-9.]+\s*(?:%|个百分点)")


def _adjacent(ctx: Context, g: Fig, cue: int) -> bool:
    """``g`` is the subject of the cue at ``cue``: in the clause before it, with at most
    bracketed remarks or clauses ending in a percentage (同比增长21%, 占…的92.42%) in between."""
    gap = rx_sub(_PAREN, "", ctx.text[g.end:cue]).strip()
    segments = regex.split(r"[，,]", gap)
    if len(segments[0].strip()) > 4 or any(c in "；;。：:\n" for c in gap):
        return False
    return all(not seg.strip() or rx_fullmatch(_PCT_CLAUSE, seg.strip()) for seg in segments[1:])


def _part_before(ctx: Context, p: Fig, limit: int | None = None) -> Fig | None:
    """The value a share or completion rate is about: the nearest before the cue (at offset
    ``limit``, default ``p``'s clause), in its sentence and adjacent to the cue."""
    lo = ctx.sentence_start(p)
    hi = p.start - len(p.clause) if limit is None else limit
    for g in reversed(ctx.between(lo, hi)):
        if g.kind != "percentage" and not g.in_name and not ctx.bound(g):
            return g if _adjacent(ctx, g, hi) else None
    return None


def _figs_in_clause(ctx: Context, p: Fig, m: regex.Match, group: str) -> list[Fig]:
    lo = p.start - len(p.clause) + m.start(group)
    hi = p.start - len(p.clause) + m.end(group)
    return [g for g in ctx.between(lo, hi) if ctx.usable(g)]


# ---------------------------------------------------------------------------------------------
# check: rates (履约率 = 履约项目 / 签约项目)
def _has_any(words: Iterable[str], s: str) -> bool:
    return any(w in s for w in words)


def _rate_inputs(ctx: Context, p: Fig, rule: RateRule) -> tuple[Fig | None, Fig | None]:
    """(numerator, denominator) of a rate: the nearest matching figure in its statement, and
    the nearest base before it in the paragraph (not a target, not the numerator's kind)."""

    def fam(g: Fig) -> bool:
        return g.family.startswith(rule.family) and ctx.usable(g)

    num = None
    for g in ctx.nearest_before(p):
        if g.stmt != p.stmt:
            break
        if fam(g) and _has_any(rule.numerator, ctx.context_words(g)):
            num = g
            break
    if num is None:
        return None, None
    den = None
    for g in ctx.nearest_before(p):
        if g.para != p.para:
            break
        if g is num or not fam(g) or g.family != num.family or ctx.is_target(g):
            continue
        words = ctx.context_words(g)
        if _has_any(rule.denominator, words) and not _has_any(rule.numerator, g.clause):
            den = g
            break
    return num, den


def check_rates(ctx: Context) -> list[Row]:
    rows = []
    for p in ctx.figs:
        if p.kind != "percentage" or p.redacted or p.in_name or math.isnan(p.value):
            continue
        rule = _rate_rule(ctx, p)
        if rule is None:
            continue
        ctx.claimed.add(p.i)
        num, den = _rate_inputs(ctx, p, rule)
        over = rule.max is not None and p.written - p.half > rule.max
        if num is None or den is None:
            missing = rule.numerator_name if num is None else rule.denominator_name
            status = INCONSISTENT if over else UNVERIFIABLE
            msg = (f"{rule.name}{p.surface}超过{_fmt(rule.max or 100, 0)}%，不合常理" if over
                   else f"{rule.name}{p.surface}：未找到{missing}，无法核对")
            rows.append(_row(ctx, "rate", status, p, NAN, p.half, msg, [p] + [g for g in (num,) if g]))
            continue
        if num.redacted or den.redacted:
            rows.append(_row(ctx, "rate", UNVERIFIABLE, p, NAN, p.half,
                             f"{rule.name}{p.surface}：{rule.numerator_name}{num.surface}或{rule.denominator_name}"
                             f"{den.surface}为脱敏数字，无法核对", [p, num, den]))
            continue
        rows.append(_ratio_row(ctx, "rate", p, num, den, firm=num.stmt == p.stmt, over=over, head=rule.name,
                               names=(rule.numerator_name, rule.denominator_name), cap=rule.max or 100))
    return rows


def _ratio_row(ctx: Context, check: str, p: Fig, part: Fig, whole: Fig, *, firm: bool, over: bool, head: str,
               names: tuple[str, str], cap: float) -> Row:
    """The row of a stated percentage ``p`` checked against ``part`` / ``whole`` (a rate or a share);
    ``over``: it exceeds ``cap`` %, which is inconsistent whatever the inputs."""
    c, extra = _ratio(part, whole)
    tol = p.half + extra
    ok = _agrees(p.written, c, tol, p.half) and not over
    status = _verdict(ok, firm or over, ctx.approx(p), ctx.approx(part), ctx.approx(whole))
    msg = f"{head}{p.surface}与 {names[0]}{part.surface}/{names[1]}{whole.surface}={_pct_text(c, p)} {_WORD[status]}"
    if over:
        msg += f"（{head}超过{_fmt(cap, 0)}%）"
    elif status != CONSISTENT:
        msg += f"（相差{_fmt(p.written - c, max(2, _dec(p)))}个百分点，容差{_fmt(tol, 4)}）"
    return _row(ctx, check, status, p, c, tol, msg, [p, part, whole])


# ---------------------------------------------------------------------------------------------
# breakdowns (其中 …), used by the breakdown, share and share_total checks
def _cue_spans(ctx: Context) -> list[tuple[int, int, bool]]:
    """(start, end, local) of every breakdown cue in the text, in order."""
    spans = [(m.start(), m.end(), True) for m in rx_finditer(ctx.rules.local_breakdown, ctx.text)]
    spans += [(m.start(), m.end(), False) for m in rx_finditer(ctx.rules.remote_breakdown, ctx.text)]
    return sorted(spans)


def _is_total(ctx: Context, f: Fig) -> bool:
    return bool(rx_search(ctx.rules.strong_sum, f.clause) or rx_search(ctx.rules.weak_sum, f.clause))


def _bracket_end(ctx: Context, pos: int) -> int | None:
    """Where the bracket holding ``pos`` closes (博物馆27个（其中陈列馆4个，纪念馆4个）), if any
    (looking at most :data:`TEXT_WINDOW` characters either way)."""
    depth = 0
    for c in reversed(ctx.text[max(ctx.stmt_start(pos), pos - TEXT_WINDOW):pos]):
        if c in ")）":
            depth += 1
        elif c in "（(":
            if depth == 0:
                j, stop = pos, min(len(ctx.text), pos + TEXT_WINDOW)
                while j < stop and ctx.text[j] not in "。\n":
                    if ctx.text[j] in "（(":
                        depth += 1
                    elif ctx.text[j] in ")）":
                        if depth == 0:
                            return j
                        depth -= 1
                    j += 1
                return None
            depth -= 1
    return None


def _part_run(ctx: Context, cue_end: int, next_cue: int) -> list[Fig]:
    """The figures a cue lists: to the end of its statement (or of the bracket it stands in),
    the next cue or a new total."""
    out: list[Fig] = []
    stmt = ctx.stmt_at(cue_end)
    close = _bracket_end(ctx, cue_end)
    if close is not None:
        next_cue = min(next_cue, close)
    for g in ctx.between(cue_end, next_cue):
        if g.stmt != stmt or (out and _is_total(ctx, g)):
            break
        out.append(g)
    return out


def _remote_whole(ctx: Context, cue_start: int, family: str, parts: list[Fig], taken: set[int]) -> Fig | None:
    para = ctx.para_at(cue_start)
    labels = [p.label or p.clause for p in parts]
    k = bisect.bisect_left(ctx._starts, cue_start)
    for g in reversed(ctx.figs[max(0, k - FIGURE_WINDOW):k]):
        if g.para != para:
            break
        if g.family != family or not ctx.addable(g) or g.i in taken or g.redacted:
            continue
        if any(_lcs(g.label or g.clause, lab) >= 2 for lab in labels) and all(g.value >= p.value for p in parts
                                                                                 if not math.isnan(p.value)):
            return g
    return None


def find_groups(ctx: Context) -> list[Group]:
    """Every whole with the parts a breakdown cue lists after it."""
    groups: list[Group] = []
    taken: set[int] = set()
    spans = _cue_spans(ctx)
    for k, (cs, ce, local) in enumerate(spans):
        nxt = spans[k + 1][0] if k + 1 < len(spans) else len(ctx.text)
        run = [g for g in _part_run(ctx, ce, nxt) if ctx.addable(g)]
        if not run:
            continue
        wholes: dict[str, Fig] = {}
        if local:
            # the figures of the cue's statement whose sentence reaches the cue (the last of each family)
            for g in reversed(ctx.between(ctx.stmt_start(cs), cs)[-FIGURE_WINDOW:]):
                if g.sentence != run[0].sentence and ctx.sentence_end(g) < cs:
                    break  # sentences end in order: no earlier figure's sentence reaches the cue
                if ctx.addable(g) and not g.redacted:
                    wholes.setdefault(g.family, g)
            if run[0].family not in wholes:
                continue  # 其中深圳…2条生产线: not a numeric breakdown of the whole
        for fam in dict.fromkeys(g.family for g in run):
            parts = [g for g in run if g.family == fam]
            if len(parts) < 2:
                continue
            whole = wholes.get(fam) if local else _remote_whole(ctx, cs, fam, parts, taken)
            if whole is None:
                continue
            parts = list(itertools.takewhile(lambda p: not p.value > whole.value, parts))  # a part is no larger
            if len(parts) < 2:
                continue
            firm = local and ctx.certain(whole.stmt)
            groups.append(Group(whole, parts, ctx.text[cs:ce].strip("，,：:"), local, firm))
            taken.update(p.i for p in parts)
    return groups


def _prefix_match(parts: list[Fig], target: float, tol_base: float) -> int:
    """Length of the shortest prefix (>= 2) of ``parts`` summing to ``target`` (0 if none)."""
    acc = 0.0
    for n, p in enumerate(parts, start=1):
        acc += p.value
        if n >= 2 and abs(acc - target) <= tol_base:
            return n
    return 0


def _sum_tolerance(total: Fig, parts: list[Fig]) -> float:
    """Half a unit of the total's last place, plus the rounding of items written more coarsely."""
    tol = total.half_base
    tol += sum(p.half_base for p in parts if p.half_base > total.half_base)
    return tol


def _plus(parts: list[Fig]) -> str:
    return "+".join(p.surface for p in parts)


def check_breakdowns(ctx: Context) -> list[Row]:
    rows = []
    for g in ctx.groups:
        w, parts = g.whole, g.parts
        ev = [w] + parts
        if any(p.redacted for p in parts):
            rows.append(_row(ctx, "breakdown", UNVERIFIABLE, w, NAN, w.half,
                             f"{_name(w)}{w.surface}的分项含脱敏数字，无法核对", ev))
            continue
        tol = _sum_tolerance(w, parts)
        total = sum(p.value for p in parts)
        ok = _agrees(w.value, total, tol)
        used = parts
        if not ok:
            n = _prefix_match(parts, w.value, tol)
            if n:
                ok, used = True, parts[:n]
        comp = sum(p.value for p in used) / w.factor
        if ok:
            status = CONSISTENT
        elif total > w.value:
            nested = any("以上" in p.clause or "以下" in p.clause for p in parts)
            status = _verdict(False, g.firm and not nested, *(ctx.approx(p) for p in ev))
        else:
            status = UNVERIFIABLE
        msg = f"{_name(w)}{w.surface}与{g.cue}所列 {_plus(used)}={_amount_text(sum(p.value for p in used), w)} {_WORD[status]}"
        if used is not parts:
            msg += f"（其后 {_plus(parts[len(used):])} 不计入）"
        elif status == UNVERIFIABLE and total < w.value:
            msg += "（分项之和小于总数，可能未全部列出）"
        elif status == UNVERIFIABLE:
            msg += "（分项之和大于总数，但分项可能相互包含或位置不确定）"
        rows.append(_row(ctx, "breakdown", status, w, comp, tol / w.factor, msg, [w] + used))
    return rows


# ---------------------------------------------------------------------------------------------
# check: shares (占当年到位资金的71.35%)
def _named_whole(ctx: Context, p: Fig, part: Fig, name: str) -> tuple[Fig | None, bool]:
    """The figure a share's whole names (到位资金 -> 实际到位资金83.50亿元), and whether the match is strong."""
    key = regex.sub(r"(?:的|比重|比例|提高到|提高|达到|达|为)+$", "", name)
    for w in ctx.rules.share_drop:
        key = key.replace(w, "")
    key = key.strip(_TRIM)
    if len(key) < 2:
        return None, False
    best: Fig | None = None
    best_score, best_rank = 0, (2, 0)
    for g in ctx.around(part):
        if g is part or g.article != p.article or g.family != part.family or not ctx.usable(g) or ctx.is_target(g):
            continue
        score = max(_lcs(key, g.clause), _lcs(key, g.label), _lcs(key, g.indicator))
        rank = (0 if g.start < part.start else 1, abs(part.start - g.start))
        if score > best_score or (score == best_score and score and rank < best_rank):
            best, best_score, best_rank = g, score, rank
    if best is None or best_score < max(2, math.ceil(len(key) / 2)):
        return None, False  # 永久基本农田 is not 高标准农田: a weak match is no whole
    return best, True


def _claim_percentages(ctx: Context, matcher):
    """Usable percentages not yet claimed by another check whose wording ``matcher`` recognises;
    each one yielded is claimed, so no two checks report the same stated figure."""
    for p in ctx.figs:
        if p.kind != "percentage" or p.i in ctx.claimed or p.redacted or p.in_name or math.isnan(p.value):
            continue
        m = matcher(ctx, p)
        if m is None:
            continue
        ctx.claimed.add(p.i)
        yield p, m


def check_shares(ctx: Context) -> list[Row]:
    rows = []
    for p, m in _claim_percentages(ctx, _share_match):
        inside = _figs_in_clause(ctx, p, m, "whole")
        part = _part_before(ctx, p, limit=p.start - len(p.clause) + m.start())
        over = p.written - p.half > ctx.rules.share_max
        whole, firm = None, False
        if part is not None:
            if inside:
                whole, firm = inside[-1], True
            elif not m.group("whole").strip(_TRIM):
                grp = ctx.group_of(part)
                if grp is not None:
                    whole, firm = grp.whole, grp.firm
            else:
                whole, firm = _named_whole(ctx, p, part, m.group("whole"))
        if part is None or whole is None:
            if part is None and not over:
                continue
            status = INCONSISTENT if over else UNVERIFIABLE
            msg = (f"占比{p.surface}超过{_fmt(ctx.rules.share_max, 0)}%，部分不能大于整体" if over
                   else f"占比{p.surface}：未找到{m.group('whole') or '总体'}数值，无法核对")
            rows.append(_row(ctx, "share", status, p, NAN, p.half, msg, [p] + ([part] if part else [])))
            continue
        if part.redacted or whole.redacted:
            rows.append(_row(ctx, "share", UNVERIFIABLE, p, NAN, p.half,
                             f"占比{p.surface}：{part.surface}或{whole.surface}为脱敏数字，无法核对", [p, part, whole]))
            continue
        rows.append(_ratio_row(ctx, "share", p, part, whole, firm=firm and ctx.same_place([part], p), over=over,
                               head="占比", names=(_name(part), _name(whole)), cap=ctx.rules.share_max))
    return rows


def _share_after(ctx: Context, part: Fig) -> Fig | None:
    """The implicit share stated right after a part (项目资金4054万元，占3.9%)."""
    nxt = ctx.figs[part.i + 1] if part.i + 1 < len(ctx.figs) else None
    if nxt is None or nxt.kind != "percentage" or nxt.sentence != part.sentence or nxt.redacted:
        return None
    m = _share_match(ctx, nxt)
    if m is None or m.group("whole").strip(_TRIM) or _part_before(ctx, nxt) is not part:
        return None
    return nxt


def check_share_totals(ctx: Context) -> list[Row]:
    """The shares of a breakdown whose parts add up to the whole must add up to 100 %."""
    rows = []
    for g in ctx.groups:
        w, parts = g.whole, g.parts
        if any(p.redacted for p in parts):
            continue
        if not _agrees(w.value, sum(p.value for p in parts), _sum_tolerance(w, parts)):
            continue
        found = [_share_after(ctx, p) for p in parts]
        shares = [s for s in found if s is not None]
        if len(shares) < len(parts):
            continue
        total = sum(s.value for s in shares)
        tol = sum(s.half for s in shares)
        ok = _agrees(100.0, total, tol, 0)
        status = _verdict(ok, g.firm)
        msg = f"{_name(w)}{w.surface}各分项占比 {'+'.join(s.surface for s in shares)}={_fmt(total, 2)}% 与100% {_WORD[status]}"
        rows.append(_row(ctx, "share_total", status, None, total, tol, msg, shares + [w], stated_value=100.0,
                         article=w.article))
    return rows


# ---------------------------------------------------------------------------------------------
# check: completion of a target (完成全年目标任务的64.23%)
def _stated_target(ctx: Context, p: Fig, part: Fig) -> Fig | None:
    """A target for ``part``'s indicator stated elsewhere in the article: same indicator, or
    at least three characters of its name in common (到位资金 … 全年到位资金目标任务130亿元)."""
    best = None
    key = (part.label or part.clause)[-6:]
    for g in ctx.targets_around(part, p.article):
        if g is part:
            continue
        if part.indicator and g.indicator == part.indicator:
            return g
        if best is None and len(key) >= 3 and _lcs(key, g.label or g.clause) >= 3:
            best = g
    return best


def check_completion(ctx: Context) -> list[Row]:
    rows = []
    for p, m in _claim_percentages(ctx, _completion_match):
        inside = _figs_in_clause(ctx, p, m, "target")
        part = _part_before(ctx, p, limit=p.start - len(p.clause) + m.start())
        if part is None:
            continue
        target, firm, named = None, False, regex.sub(r"^完成", "", m.group("target"))
        if inside and inside[-1].family == part.family:
            target, firm = inside[-1], True
        if part.redacted or (target is not None and target.redacted):
            rows.append(_row(ctx, "completion", UNVERIFIABLE, p, NAN, p.half,
                             f"完成{named}的{p.surface}：所用数字为脱敏数字，无法核对", [p, part] + ([target] if target else [])))
            continue
        implied = part.value / (p.value / 100) if p.value else NAN
        implied_text = (f"{_fmt(implied / part.factor, max(2, _dec(part)))}{part.unit_text}"
                        if not math.isnan(implied) else "?")
        if target is None:
            # a target stated elsewhere may be another year's or another level's (市/县): never firm
            target, firm = _stated_target(ctx, p, part), False
        if target is None or target.redacted:
            msg = (f"完成{named}的{p.surface}：按{_name(part)}{part.surface}推算目标约{implied_text}，"
                   "文中未见该目标数值，无法核对")
            rows.append(_row(ctx, "completion", UNVERIFIABLE, p, NAN, p.half, msg, [p, part]))
            continue
        c, extra = _ratio(part, target)
        tol = p.half + extra
        ok = _agrees(p.written, c, tol, p.half)
        status = _verdict(ok, firm and ctx.same_place([part, target], p), ctx.approx(part), ctx.approx(target))
        msg = (f"完成{named}的{p.surface}与 {_name(part)}{part.surface}/目标{target.surface}={_pct_text(c, p)} "
               f"{_WORD[status]}（推算目标{implied_text}）")
        rows.append(_row(ctx, "completion", status, p, c, tol, msg, [p, part, target]))
    return rows


# ---------------------------------------------------------------------------------------------
# check: sums (合计2300万元 = 1400万元 + 900万元)
_NOUN_AFTER = regex.compile(r"的?([^\s，,。；;：:、（()）和及与0-9]{1,8})")


def _counted_noun(ctx: Context, f: Fig) -> str:
    """What a count counts when the noun follows it: 100个传统村落 -> 传统村落 ("" when it precedes)."""
    if f.kind != "count":
        return ""
    m = rx_match(_NOUN_AFTER, ctx.text, f.end, f.end + TEXT_WINDOW)
    return m.group(1) if m else ""


def _same_things(ctx: Context, part: Fig, total: Fig) -> bool:
    """A count adds to a total of counts only when they count the same things (项目 … 项目, not 乡镇 … 项目)."""
    noun = _counted_noun(ctx, part)
    if not noun:
        return True
    name = _counted_noun(ctx, total) or total.clause or total.label
    return _lcs(noun, name) >= min(2, len(noun))


def _sum_candidates(ctx: Context, t: Fig, wholes: set[int]) -> tuple[list[Fig], bool]:
    """Figures listed before a total: in its statement, else (strong cue) earlier in its paragraph."""
    cands: list[Fig] = []
    in_stmt = True
    for g in ctx.nearest_before(t):
        if g.para != t.para:
            break
        if g.stmt != t.stmt and cands:
            break
        if g.stmt != t.stmt:
            in_stmt = False
        if g.family != t.family or not ctx.usable(g):
            continue
        if _is_total(ctx, g) or ctx.is_target(g):  # an earlier total or a task closes the list
            if cands:
                break
            continue
        if ctx.addable(g) and g.i not in wholes and _same_things(ctx, g, t):
            cands.insert(0, g)
    return cands, in_stmt


def _subset_match(cands: list[Fig], total: Fig) -> list[Fig] | None:
    """The largest subset (>= 2 items, ending with the item nearest the total) that adds up,
    when there is exactly one of that size (12家 + 9个 + 17个 = 38家, not 联合5家企业)."""
    if len(cands) > 12:
        cands = cands[-12:]
    last, rest = cands[-1], cands[:-1]
    for size in range(len(rest), 0, -1):
        hits = [[*c, last] for c in itertools.combinations(rest, size)
                if abs(sum(x.value for x in c) + last.value - total.value) <= _sum_tolerance(total, [*c, last])]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None  # ambiguous
    return None


def check_sums(ctx: Context) -> list[Row]:
    rows = []
    wholes = {g.whole.i for g in ctx.groups}
    # a whole listed before a total, with its parts, is not itself one of the total's items
    listed: dict[int, set[int]] = {}
    for g in ctx.groups:
        for p in g.parts:
            listed.setdefault(p.stmt, set()).add(g.whole.i)
    for t in ctx.figs:
        if not ctx.addable(t) or t.redacted or t.i in wholes:
            continue
        strong = rx_search(ctx.rules.strong_sum, t.clause)
        weak = rx_search(ctx.rules.weak_sum, t.clause)
        if not (strong or weak):
            continue
        cands, in_stmt = _sum_candidates(ctx, t, listed.get(t.stmt, set()))
        if len(cands) < 2:
            continue
        cue = (strong or weak).group(0)
        if any(c.redacted for c in cands):
            if strong:
                rows.append(_row(ctx, "sum", UNVERIFIABLE, t, NAN, t.half,
                                 f"{cue}{t.surface}：所列分项含脱敏数字，无法核对", [t] + cands))
            continue
        total = sum(c.value for c in cands)
        used: list[Fig] | None = cands if _agrees(t.value, total, _sum_tolerance(t, cands)) else None
        if used is None:
            used = _subset_match(cands, t)
        if used is None and not strong:
            continue
        if used is not None:
            status, parts = CONSISTENT, used
        else:
            firm = in_stmt and ctx.same_place(cands, t)
            status, parts = _verdict(False, firm, ctx.approx(t), *(ctx.approx(c) for c in cands)), cands
        s = sum(c.value for c in parts)
        msg = f"{cue}{t.surface}与 {_plus(parts)}={_amount_text(s, t)} {_WORD[status]}"
        if status == CONSISTENT and len(parts) < len(cands):
            msg += f"（{'、'.join(c.surface for c in cands if c not in parts)} 不计入）"
        rows.append(_row(ctx, "sum", status, t, s / t.factor, _sum_tolerance(t, parts) / t.factor, msg, [t] + parts))
    return rows


# ---------------------------------------------------------------------------------------------
# check: completion claims (完成…任务4000万元。… 合计2300万元)
def check_claims(ctx: Context) -> list[Row]:
    rows = []
    seen_paras: set[int] = set()
    grouped = {p.i for g in ctx.groups for p in g.parts} | {g.whole.i for g in ctx.groups}
    for a in ctx.figs:
        if a.para in seen_paras:
            continue
        seen_paras.add(a.para)  # only the paragraph's first figure may open a claim
        if a.kind != "amount" or a.in_name or ctx.bound(a) or a.redacted or a.i in grouped:
            continue
        sentence = ctx.text[ctx.sentence_start(a):ctx.sentence_end(a)]
        if not rx_search(ctx.rules.claim, sentence.lstrip()):
            continue
        later = list(itertools.takewhile(lambda g: g.para == a.para, (ctx.figs[j] for j in range(a.i + 1, len(ctx.figs)))))
        if any(g.kind == "percentage" for g in later) or any(g.i in grouped for g in later):
            continue
        parts = [g for g in later if g.family == a.family and ctx.addable(g) and g.stmt != a.stmt]
        totals = [g for g in parts if rx_search(ctx.rules.strong_sum, g.clause)]
        if totals:
            used = [totals[-1]]
        elif len(parts) >= 2:
            used = parts
        else:
            continue
        if any(g.redacted for g in used):
            rows.append(_row(ctx, "target_claim", UNVERIFIABLE, a, NAN, a.half,
                             f"称完成{a.surface}：分项含脱敏数字，无法核对", [a] + used))
            continue
        s = sum(g.value for g in used)
        tol = _sum_tolerance(a, used)
        ok = _agrees(a.value, s, tol)
        status = _verdict(ok, True, ctx.approx(a), *(ctx.approx(g) for g in used))
        how = f"{used[0].clause.strip(_TRIM)[-6:]}{used[0].surface}" if totals else f"{_plus(used)}={_amount_text(s, a)}"
        msg = f"称完成{_name(a)}{a.surface}，本项所列 {how} {_WORD[status]}"
        if not ok and s < a.value:
            msg += f"（仅完成{_fmt(s / a.value * 100, 2)}%）"
        rows.append(_row(ctx, "target_claim", status, a, s / a.factor, tol / a.factor, msg, [a] + used))
    return rows


# ---------------------------------------------------------------------------------------------
# check: enumerations (新建网点5个，完成5个（A、B、C、D、E）)
def _close_paren(text: str, i: int) -> int:
    depth = 0
    for j in range(i, min(len(text), i + 600)):
        c = text[j]
        if c in "（(":
            depth += 1
        elif c in ")）":
            depth -= 1
            if depth == 0:
                return j
        elif c in "。\n":
            return -1
    return -1


def _split_items(s: str, seps: str) -> list[tuple[int, str]]:
    """(offset, item) of the items of a list, splitting at separators outside brackets and quotes."""
    items, depth, cur = [], 0, 0
    for j, c in enumerate(s):
        if c in "（(《“‘「":
            depth += 1
        elif c in ")）》”’」":
            depth = max(0, depth - 1)
        elif c in seps and depth == 0:
            items.append((cur, s[cur:j]))
            cur = j + 1
    items.append((cur, s[cur:]))
    out = []
    for off, it in items:
        stripped = it.strip(" \t")
        if stripped:
            out.append((off + it.index(stripped), stripped))
    return out


_COLON = regex.compile(r"[:：]\s*")
_NESTED_COUNT = regex.compile(r"[^：:，,、]{0,8}?[0-9一二两三四五六七八九十]+[^\s：:，,、]{0,3}[：:]")


def _list_after(ctx: Context, f: Fig) -> tuple[int, str] | None:
    """(offset, text) of the list of names that follows a count, or None."""
    text, r = ctx.text, ctx.rules
    end = ctx.sentence_end(f)
    after = text[f.end:end]
    m = rx_match(r.enum_list_after, after)
    if m:
        open_at = f.end + m.end() - 1
        close = _close_paren(text, open_at)
        if close < 0:
            return None
        inner_start = open_at + 1
        inner = text[inner_start:close]
        nested = rx_match(_NESTED_COUNT, inner)
        if nested:
            return None  # 1个（发展3个：…）: the list belongs to the inner count
        return inner_start, inner
    m = rx_match(_COLON, after)
    if m:  # 发展3个:A、B、C — to the end of the sentence, or of the bracket the count stands in
        start = f.end + m.end()
        stop, depth = start, 0
        while stop < end and text[stop] not in "；;。\n":
            if text[stop] in "（(":
                depth += 1
            elif text[stop] in ")）":
                if depth == 0:
                    break
                depth -= 1
            stop += 1
        return start, text[start:stop]
    return None


def _enum_row(ctx: Context, f: Fig, items: list[tuple[int, str]], base: int, *, soft: bool,
              name: str | None = None) -> Row:
    r = ctx.rules
    names = [(base + o, it) for o, it in items]
    n = len(names)
    last = names[-1][1] if names else ""
    open_end = any(last.endswith(w) for w in r.enum_open_ends)
    if open_end:
        names[-1] = (names[-1][0], last[:-2] if last.endswith("等等") else last[:-1])
    n_ok = n == f.written
    if n_ok:
        status = CONSISTENT
    elif open_end and n <= f.written:
        status = UNVERIFIABLE
    elif soft or n < 2 or any(len(it) < r.enum_min_name for _, it in names):
        status = UNVERIFIABLE
    else:
        status = _verdict(False, True, ctx.approx(f))
    shown = "、".join(it for _, it in names)
    msg = f"{_name(f) if name is None else name}{f.surface}，列出{n}个名称（{shown}）{_WORD[status]}"
    ev = [f] + [(s, s + len(it), it) for s, it in names]
    return _row(ctx, "enumeration", status, f, float(n), 0.0, msg, ev)


def check_enumerations(ctx: Context) -> list[Row]:
    rows = []
    r = ctx.rules
    for f in ctx.figs:
        if (f.kind != "count" or f.in_name or f.redacted or f.source == "table" or math.isnan(f.value)
                or f.value != int(f.value) or f.factor != 1):
            continue
        if f.qualifier:
            continue
        found = _list_after(ctx, f)
        if found is not None:
            base, inner = found
            if not inner.strip() or inner.lstrip().startswith(r.enum_remarks) or rx_search(_NUMBER, inner):
                continue
            items = _split_items(inner, r.enum_separators)
            if len(items) < 2 and f.written != 1:
                continue  # a remark in brackets, not a list
            rows.append(_enum_row(ctx, f, items, base, soft=False))
            continue
        row = _enum_before(ctx, f) or _enum_respectively(ctx, f)
        if row is not None:
            rows.append(row)
    return rows


def _enum_before(ctx: Context, f: Fig) -> Row | None:
    """北京、重庆、广东、浙江、福建五省市: the names written just before the count."""
    r = ctx.rules
    lo = ctx.clause_start(f.start)
    before = ctx.text[lo:f.start]
    m = rx_search(r.enum_list_before, before)
    if not m:
        return None
    seg = m.group(0)
    if rx_search(_NUMBER, seg):
        return None  # a list of figures, not of names (checked before the costlier splitting)
    for j in r.respectively_joiners:  # 施秉和丹寨: two names
        seg = _replace_outside(seg, j, "、")
    items = _split_items(seg, "、")
    if len(items) < r.enum_min_preceding:
        return None
    open_end = items[-1][1].endswith(r.enum_open_ends)
    if len(items) != f.written and not (open_end and len(items) < f.written):
        return None  # 推出通学、通医、通游专线352条: the count is not of the names
    return _enum_row(ctx, f, items, lo + m.start(), soft=True, name="")


def _enum_respectively(ctx: Context, f: Fig) -> Row | None:
    """共参加两次省级重大活动，分别于A和B: the items after 分别."""
    r = ctx.rules
    end = ctx.sentence_end(f)
    after = ctx.text[f.end:end]
    noun = rx_match(r.enum_noun, after)
    rest = after[noun.end():]
    m = rx_match(r.respectively, rest)
    if not m:
        return None
    start = f.end + noun.end() + m.end()
    stop = start
    depth = 0
    while stop < end:
        c = ctx.text[stop]
        if c in "（(《“":
            depth += 1
        elif c in ")）》”":
            depth = max(0, depth - 1)
        elif c in "，,；;。\n" and depth == 0:
            break
        stop += 1
    seg = ctx.text[start:stop]
    for j in r.respectively_joiners:
        seg = _replace_outside(seg, j, "、")
    items = _split_items(seg, "、")
    if len(items) < 2:
        return None
    return _enum_row(ctx, f, items, start, soft=True)


def _replace_outside(s: str, word: str, sep: str) -> str:
    """Replace ``word`` by ``sep`` (padded to the same length) outside brackets and quotes."""
    if word not in s:
        return s
    out, depth, j = [], 0, 0
    while j < len(s):
        c = s[j]
        if c in "（(《“":
            depth += 1
        elif c in ")）》”":
            depth = max(0, depth - 1)
        if depth == 0 and s.startswith(word, j):
            out.append(sep + " " * (len(word) - 1))
            j += len(word)
            continue
        out.append(c)
        j += 1
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# check: the same indicator reported twice in one article
_MARKER = regex.compile(r"^(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,3}、|[（(][0-9一二三四五六七八九十]{1,3}[)）])\s*")


def check_repeats(ctx: Context) -> list[Row]:
    rows = []
    seen: dict[tuple[Any, ...], Fig] = {}
    grouped = {p.i for g in ctx.groups for p in g.parts}
    for f in ctx.figs:
        if (f.kind == "percentage" or f.in_name or f.redacted or f.qualifier or f.i in grouped
                or f.source == "table" or math.isnan(f.value)):
            continue
        lo = ctx.stmt_start(f.start)
        if f.start - lo > TEXT_WINDOW:
            continue  # no indicator's name is that long
        head = rx_sub(_MARKER, "", ctx.text[lo:f.start].strip())
        if len(head) < ctx.rules.repeat_min_key or rx_search(_NUMBER, head) or "\n" in head:
            continue
        key = (f.article, f.section, f.family, f.role, head)
        prev = seen.get(key)
        if prev is None:
            seen[key] = f
            continue
        if prev.stmt == f.stmt:
            continue
        tol = max(prev.half_base, f.half_base)
        ok = abs(prev.value - f.value) <= tol
        status = _verdict(ok, prev.para == f.para, ctx.approx(prev), ctx.approx(f))
        msg = f"“{head}”在本节两次出现：{prev.surface} 与 {f.surface}，{_WORD[status]}"
        if status == UNVERIFIABLE:
            msg += "（不在同一段，可能口径或时期不同）"
        rows.append(_row(ctx, "repeat", status, f, prev.value / f.factor, tol / f.factor, msg, [f, prev]))
    return rows


# ---------------------------------------------------------------------------------------------
# the registry and the entry point
#: Check name -> function(Context) -> rows. Order matters: rates, then completion, then shares
#: claim the percentages they explain.
CHECKS: dict[str, Callable[[Context], list[Row]]] = {
    "rate": check_rates,
    "completion": check_completion,
    "share": check_shares,
    "breakdown": check_breakdowns,
    "share_total": check_share_totals,
    "sum": check_sums,
    "target_claim": check_claims,
    "enumeration": check_enumerations,
    "repeat": check_repeats,
}


def empty_audit() -> pd.DataFrame:
    """An audit frame with no rows and the full schema."""
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in AUDIT_DTYPES.items()})


def _to_frame(rows: list[Row]) -> pd.DataFrame:
    if not rows:
        return empty_audit()
    df = pd.DataFrame.from_records(rows, columns=list(AUDIT_COLUMNS))
    df["_first"] = [ev[0][0] if ev else -1 for ev in df["evidence"]]
    df = df.sort_values(["doc_id", "article", "_first"], kind="stable").drop(columns="_first").reset_index(drop=True)
    return df.astype({c: t for c, t in AUDIT_DTYPES.items() if t != "object"})


def _check_names(checks: Iterable[str] | None) -> list[str]:
    names = list(CHECKS) if checks is None else [checks] if isinstance(checks, str) else list(checks)
    bad = [n for n in names if n not in CHECKS]
    if bad:
        raise ValueError(f"checks must be among {', '.join(CHECKS)}; got {bad!r}")
    return names


def run_checks(ctx: Context, names: list[str], errors: list[str]) -> list[Row]:
    """Every check in registry order (so each percentage is explained once); a check that
    fails on one document is recorded in ``errors`` and does not sink the others."""
    try:
        ctx.groups = find_groups(ctx)
    except Exception as e:  # noqa: BLE001 - contain a bad document, report it
        errors.append(f"{ctx.doc_id}: breakdowns: {type(e).__name__}: {e}")
        log.debug("audit: breakdowns failed on %s", ctx.doc_id, exc_info=True)
    rows: list[Row] = []
    for name, check in CHECKS.items():
        try:
            out = check(ctx)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{ctx.doc_id}: {name}: {type(e).__name__}: {e}")
            log.debug("audit: check %s failed on %s", name, ctx.doc_id, exc_info=True)
            continue
        if name in names:
            rows.extend(out)
    return rows


def audit(source_or_metrics: Any = None, *, text: str | None = None, checks: Iterable[str] | None = None,
          rules: str | Path = "audit.toml", metrics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Check the arithmetic relations between a document's figures.

    ``source_or_metrics`` is a path, bytes or :class:`Document` — or ``text=`` — (extracted first, unless
    ``metrics`` — its :func:`summary_mining.extract` frame — is given), or a metrics frame from
    :func:`summary_mining.extract` (possibly several documents). ``checks`` keeps only some of
    :data:`CHECKS`; ``rules`` is another cue-word file.
    Columns: :data:`AUDIT_COLUMNS`; one row per relation checked, in document order.
    A check that fails on a document is skipped and named in ``df.attrs["errors"]``.

    >>> audit(text="新签约项目20个，已履约18个，履约率95%。")[["status", "stated", "computed"]].values.tolist()
    [['inconsistent', 95.0, 90.0]]
    """
    names = _check_names(checks)
    r = audit_rules(str(rules))
    rows: list[Row] = []
    errors: list[str] = []
    if isinstance(source_or_metrics, pd.DataFrame):
        df = source_or_metrics
        missing = {"doc_id", "start", "end", "surface", "kind", "value"} - set(df.columns)
        if missing:
            raise ValueError(f"not a metrics frame: missing columns {sorted(missing)}")
        for doc_id, g in df.groupby(df["doc_id"].astype(str), sort=False):
            rows += run_checks(context_from_frame(g.reset_index(drop=True), str(doc_id), r), names, errors)
    else:
        doc = as_document(source_or_metrics, text=text)
        df = extract(doc) if metrics is None else metrics
        if not df.empty:
            rows = run_checks(context_from_document(doc, df, r), names, errors)
    out = _to_frame(rows)
    out.attrs["errors"] = errors
    return out
