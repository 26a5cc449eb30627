"""The region a summary or report is about, from a gazetteer of China's administrative divisions.

The gazetteer (``data/regions.csv``, 34 provinces, 3200 cities and counties with their 6-digit codes)
is generated from the ``cpca`` package's adcodes table by ``tools/build_gazetteer.py``. Every mention
of a division in an article scores: full names (大竹县) more than short forms (大竹), titles and
own-region cues (中江籍, 提高中江对外知名度) much more, places merely visited (赴上海推介,
在重庆举办) and firms (深圳市核动能电子科技有限公司) much less. Self-references (全县, 我县, 全省, 全区)
raise the divisions of their kind, so a provincial report's own province (全省 + 河南) beats the cities
it lists. A masked own name (xx县, x镇) that outscores every named one gives ``redacted=True``.
County short forms (中江) and short forms that are common words (朝阳, 中山) count only with an
own-region cue, after their parent (达州·大竹) or when their full name is also in the text.
A place that starts a brand (北京华联, 青岛啤酒) counts nothing; places an activity targets
(以上海、温州为重点, 在上海长宁…举办) count as visits; a name several divisions share (城中区 of 西宁
and of 柳州) names none of them unless the text tells them apart (its city or province).

>>> info = detect_region("一是加强对外宣传，提高中江对外知名度。认真对中江籍在外创业人士信息进行全面梳理。全县到位资金60.07亿元。")
>>> info.name, info.code, info.level, info.province, info.city, info.redacted
('中江县', '510623', 'county', '四川省', '德阳市', False)
>>> detect_region("xx县供销社在县委、县人民政府的正确领导下，全县储存农资9000吨。").redacted
True
>>> resolve_region("四川省达州市大竹县").code
'511724'
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Container, Union

import pandas as pd
import regex

from ..datafiles import compile_pattern, load_csv, rules_from, rx_finditer, rx_match
from ..errors import RuleError, SummaryMiningError
from ..frame import to_frame
from ..documents import read_document
from ..model import Article, Document
from ..normalize import normalize
from .periods import article_text, detect_period, title_lines

__all__ = ["Region", "RegionInfo", "RegionError", "Gazetteer", "gazetteer", "RegionRules", "region_rules",
           "detect_region", "region_candidates", "resolve_region", "article_info", "add_region_period",
           "RegionOverrides", "LEVELS", "REGION_COLUMNS", "ARTICLE_COLUMNS", "article_rows"]

#: Levels of RegionInfo.level, from the top.
LEVELS = ("province", "city", "county", "town")
#: The column(s) ``add_region_period`` adds, in order, and their dtype.
REGION_COLUMNS = {"region": "string", "region_code": "string", "period": "string"}
_CHAR_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "county", "县": "county",
               "旗": "county", "镇": "town", "乡": "town"}


class RegionError(SummaryMiningError, ValueError):
    """A region given by the user (an override) is ambiguous or its code is unknown."""


@dataclass(frozen=True)
class Region:
    """One row of the gazetteer: ``510623, 中江县, 中江, county, 510000, 510600``."""

    code: str
    name: str
    short: str
    level: str
    province: str  # province code
    city: str  # city code ("" for a province, a city itself, or a county a province governs)

    @property
    def kind(self) -> str:
        """The character self-references use for it: 县 for 中江县, 区 for 西藏自治区, 市 for 北京市."""
        return self.name[-1]

    def ancestors(self) -> tuple[str, ...]:
        """Codes of its city and province (not itself)."""
        return tuple(c for c in dict.fromkeys((self.city, self.province)) if c and c != self.code)


@dataclass(frozen=True)
class RegionInfo:
    """The region a text is about. All None when unknown; ``redacted`` when its name is masked (xx县)."""

    name: str | None = None
    code: str | None = None
    level: str | None = None
    province: str | None = None
    city: str | None = None
    redacted: bool = False


@dataclass(frozen=True)
class Hit:
    """A gazetteer name found in a text; ``candidates`` are (region, is full name) pairs."""

    start: int
    end: int
    surface: str
    candidates: tuple[tuple[Region, bool], ...]


class Gazetteer:
    """Names and short forms of every division, with lookups by code and a longest-match scanner.

    >>> g = gazetteer()
    >>> g.get("511724").name, [r.name for r in g.named("朝阳区")]
    ('大竹县', ['朝阳区', '朝阳区'])
    >>> [(h.surface, h.start) for h in g.find("达州·大竹县四川省")]
    [('达州', 0), ('大竹县', 3), ('四川省', 6)]
    """

    def __init__(self, regions: list[Region]):
        self.regions = regions
        self.by_code = {r.code: r for r in regions}
        names = frozenset(r.name for r in regions)
        self.surfaces: dict[str, list[tuple[Region, bool]]] = defaultdict(list)
        for r in regions:
            self.surfaces[r.name].append((r, True))
        for r in regions:  # a short form that is also a full name (吉林) reads as the full name first
            if r.short and r.short not in names:
                self.surfaces[r.short].append((r, False))
        self.first_chars = frozenset(s[0] for s in self.surfaces)
        #: the first two characters of every surface: most positions fail this one lookup (every
        #: surface has two characters or more; a gazetteer with one-character names scans by first_chars)
        self.starts = frozenset(s[:2] for s in self.surfaces) if min(map(len, self.surfaces), default=2) >= 2 else None
        #: where a surface may start: a first character (followed by a second one, when every surface
        #: has two). The stdlib ``re`` scans a character class in C several times faster than ``regex``
        #: and than a Python loop over every character; a generated class needs no match budget.
        firsts = "".join(sorted(self.first_chars))
        seconds = "".join(sorted({s[1] for s in self.surfaces})) if self.starts is not None else ""
        self._candidates = re.compile(f"[{re.escape(firsts)}]" + (f"(?=[{re.escape(seconds)}])" if seconds else "")
                                      if firsts else "(?!)")
        #: every prefix of every surface -> whether it is itself a surface: a scan extends a
        #: candidate one character at a time and stops at the first string no name starts with
        self.prefixes: dict[str, bool] = {}
        for name in self.surfaces:
            for k in range(1, len(name)):
                self.prefixes.setdefault(name[:k], False)
        for name in self.surfaces:
            self.prefixes[name] = True

    def get(self, code: str) -> Region | None:
        return self.by_code.get(str(code)[:6])

    def named(self, name: str) -> list[Region]:
        """Regions whose full name is ``name``."""
        return [r for r, full in self.surfaces.get(name, []) if full]

    def _surfaces_at(self, text: str, i: int) -> list[int]:
        """The ends of the surfaces starting at ``i``, shortest first (one or two dictionary
        lookups at most positions, instead of one per name length)."""
        prefixes, n, j, ends = self.prefixes, len(text), i + 1, []
        while j <= n:
            is_name = prefixes.get(text[i:j])
            if is_name is None:
                break
            if is_name:
                ends.append(j)
            j += 1
        return ends

    def find(self, text: str) -> list[Hit]:
        """Every name or short form in ``text``, longest first and not overlapping, in text order."""
        hits: list[Hit] = []
        pos, starts = 0, self.starts
        found = [m.start() for m in self._candidates.finditer(text)]
        if starts is not None:  # (one comprehension: most candidates fail this lookup)
            found = [i for i in found if text[i:i + 2] in starts]
        for i in found:
            if i < pos:
                continue
            hit = self.longest_at(text, i)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
        return hits

    def longest_at(self, text: str, i: int) -> Hit | None:
        """The longest name or short form starting at ``i`` (a few dictionary lookups), or None.

        >>> gazetteer().longest_at("其中大竹县增长", 2).surface
        '大竹县'
        """
        if i >= len(text) or text[i] not in self.first_chars:
            return None
        ends = self._surfaces_at(text, i)
        if not ends:
            return None
        best = ends[-1]
        surface = text[i:best]
        return Hit(i, best, surface, tuple(self.surfaces[surface]))

    def occurring(self, text: str) -> set[str]:
        """Every name or short form that occurs anywhere in ``text`` (overlaps included), in one pass."""
        return {text[i:j] for i in (m.start() for m in self._candidates.finditer(text)) for j in self._surfaces_at(text, i)}

    def info(self, region: Region) -> RegionInfo:
        """A :class:`RegionInfo` with the names of its province and city."""
        province = self.by_code.get(region.province)
        city = region if region.level == "city" else self.by_code.get(region.city)
        return RegionInfo(region.name, region.code, region.level, province.name if province else None,
                          city.name if city else None, False)


@lru_cache(maxsize=4)
def gazetteer(path: str = "regions.csv") -> Gazetteer:
    """The gazetteer from ``data/regions.csv`` (cached)."""
    return Gazetteer([Region(r["code"], r["name"], r["short"], r["level"], r["province"], r["city"])
                      for r in load_csv(path)])


# -- rules ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegionRules:
    self_reference: regex.Pattern[str]
    redacted_name: regex.Pattern[str]
    town_chars: frozenset[str]
    weights: dict[str, float]
    own_before: tuple[str, ...]
    own_after: tuple[str, ...]
    visit_before: tuple[str, ...]
    visit_after: tuple[str, ...]
    visit_around: tuple[tuple[str, str], ...]
    brand_after: tuple[str, ...]
    company_after: tuple[str, ...]
    company_window: int
    joiners: tuple[str, ...]
    restricted_short: frozenset[str]
    ignore: frozenset[str]
    short_full_not_after: tuple[str, ...]
    short_full_after: frozenset[str]
    gazetteer: str
    title_max_chars: int = 40
    navigation: regex.Pattern[str] | None = None  # page furniture lines: their names count nothing
    title_yields: float = 1.1  # share of one kind of self-reference over which the body's division wins


def _around(rule: str, path: str) -> tuple[str, str]:
    """``在…举办`` -> ``("在", "举办")``."""
    before, sep, after = str(rule).partition("…")
    if not (sep and before and after):
        raise RuleError(f"{path}: context.visit_around: {rule!r} must read BEFORE…AFTER")
    return before, after


@lru_cache(maxsize=4)
def region_rules(path: str = "regions.toml") -> RegionRules:
    """The rules from ``data/regions.toml`` (cached)."""
    return rules_from(path, _region_rules)


def _region_rules(d: dict, path: str) -> RegionRules:
    c, n = d["context"], d["names"]
    by_len = lambda ws: tuple(sorted(ws, key=len, reverse=True))
    return RegionRules(
        self_reference=compile_pattern(d["self_reference"], path, "self_reference"),
        navigation=compile_pattern(d["navigation"], path, "navigation") if d.get("navigation") else None,
        title_yields=float(d.get("title_yields", 1.1)),
        redacted_name=compile_pattern(d["redacted_name"], path, "redacted_name"),
        town_chars=frozenset(d["town_chars"]),
        weights={k: float(v) for k, v in d["weights"].items()},
        own_before=by_len(c["own_before"]), own_after=by_len(c["own_after"]),
        visit_before=by_len(c["visit_before"]), visit_after=by_len(c["visit_after"]),
        visit_around=tuple(_around(w, path) for w in c["visit_around"]), brand_after=by_len(c["brand_after"]),
        company_after=by_len(c["company_after"]), company_window=int(c["company_window"]),
        joiners=tuple(c["joiners"]),
        restricted_short=frozenset(n["restricted_short"]), ignore=frozenset(n["ignore"]),
        short_full_not_after=tuple(n["short_full_not_after"]),
        short_full_after=frozenset(n["short_full_after"]),
        gazetteer=str(d.get("gazetteer", "regions.csv")),
    )


# -- scoring -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Part:
    """A stretch of normalised text that names regions: an article of a document (clauses are the
    document's: ``base`` is where the stretch starts in it), or a title given apart (one clause)."""

    text: str
    base: int = 0
    doc: Document | None = None

    def clause_before(self, start: int, limit: int = 40) -> str:
        """The clause's text from its start (at most ``limit`` characters back) to ``start``."""
        cs = self.doc.clause_start(self.base + start) - self.base if self.doc is not None else 0
        return self.text[max(cs, start - limit, 0):start]

    def clause_after(self, end: int, limit: int = 40) -> str:
        """The clause's text from ``end`` to its end (at most ``limit`` characters on)."""
        ce = self.doc.clause_at(self.base + end - 1).end - self.base if self.doc is not None and end else len(self.text)
        return self.text[end:min(ce, end + limit, len(self.text))]


def _is_own(text: str, hit: Hit, rules: RegionRules) -> bool:
    return (text[max(0, hit.start - 4):hit.start].endswith(rules.own_before)
            or text[hit.end:hit.end + 6].startswith(rules.own_after))


def _is_visit(part: _Part, hit: Hit, rules: RegionRules) -> bool:
    """赴上海, 在重庆举办, and a place between the halves of an activity (以上海、温州为重点)."""
    if part.text[hit.end:hit.end + 8].startswith(rules.visit_after):
        return True
    clause = part.clause_before(hit.start)
    if any(w in clause for w in rules.visit_before):
        return True
    around = [after for before, after in rules.visit_around if before in clause]
    if not around:
        return False
    rest = part.clause_after(hit.end)
    return any(after in rest for after in around)


def _is_brand(text: str, hit: Hit, rules: RegionRules) -> bool:
    """北京华联, 青岛啤酒: the name is the first part of a brand."""
    return text.startswith(rules.brand_after, hit.end)


def _is_listed(text: str, hit: Hit) -> bool:
    """北京、重庆、广东…五省市: one of several places in an enumeration."""
    return text[hit.end:hit.end + 1] == "、" or text[hit.start - 1:hit.start] == "、"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _is_company(part: _Part, hit: Hit, rules: RegionRules) -> bool:
    """大竹县xx有限公司: a company named after the place (within its list item of the clause)."""
    after = part.clause_after(hit.end, rules.company_window)
    cut = next((i for i, ch in enumerate(after) if ch in "、和与及"), len(after))
    return any(w in after[:cut] for w in rules.company_after)


def _joined_to_parent(text: str, hit: Hit, prev: Hit | None, region: Region, rules: RegionRules) -> bool:
    """达州·大竹, 四川省德阳市中江县: the name right after a name of its city or province."""
    if prev is None or not region.ancestors():
        return False
    gap = text[prev.end:hit.start]
    return gap in rules.joiners and any(r.code in region.ancestors() for r, _ in prev.candidates)


class _Occurring:
    """Whether a name occurs anywhere in a text. The first few distinct names asked about are
    looked up by substring search (C speed, remembered); past ``SEARCHES`` of them every
    gazetteer name in the text is found in one pass, so a long text asked about many names is
    not searched once per name (quadratic)."""

    SEARCHES = 256

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text, self.gaz = text, gaz
        self._asked: dict[str, bool] = {}
        self._names: set[str] | None = None

    def __contains__(self, name: object) -> bool:
        if self._names is not None:
            return name in self._names
        found = self._asked.get(name)  # type: ignore[arg-type]
        if found is None:
            if len(self._asked) >= self.SEARCHES:
                self._names = self.gaz.occurring(self.text)
                return name in self._names
            found = self._asked[name] = str(name) in self.text  # type: ignore[index]
        return found


def _counts(text: str, hit: Hit, region: Region, full: bool, joined: bool, own: bool, rules: RegionRules,
            names: Container[str]) -> bool:
    """Whether this mention may count for this candidate at all (``names``: the full names the text holds)."""
    self_ref = rx_match(rules.self_reference, text, hit.start) is not None  # 全州县级 is 全州 + 县级
    if full:
        if hit.surface in rules.ignore:
            return False
        if len(hit.surface) == 2 or self_ref:  # 示范县 完成县 新县域 全州县级 are not 范县 成县 新县 全州县
            before = text[hit.start - 1:hit.start] if hit.start else ""
            free = not before or not _is_han(before) or before in rules.short_full_after or joined
            return free and not text[hit.end:hit.end + 1].startswith(rules.short_full_not_after)
        return True
    if self_ref:
        return False
    if region.level == "province":
        return True
    if region.level == "county" or hit.surface in rules.restricted_short:
        return joined or own or region.name in names
    return True


def _mention_weight(part: _Part, hit: Hit, prev: Hit | None, region: Region, full: bool, in_title: bool,
                    rules: RegionRules, names: Container[str]) -> float:
    text = part.text
    joined = _joined_to_parent(text, hit, prev, region, rules)
    own = _is_own(text, hit, rules)
    if not _counts(text, hit, region, full, joined, own, rules, names):
        return 0.0
    w = rules.weights["full_name" if full else "short_name"]
    if own:
        w *= rules.weights["own_context"]
    elif _is_visit(part, hit, rules):
        w *= rules.weights["visit"]
    elif _is_listed(text, hit):
        w *= rules.weights["listed"]
    if _is_brand(text, hit, rules):
        w *= rules.weights["brand"]
    elif _is_company(part, hit, rules):
        w *= rules.weights["company"]
    if in_title:
        w *= rules.weights["title"]
    return w


def _in(spans: list[tuple[int, int]], i: int) -> bool:
    return any(s <= i < e for s, e in spans)


def _looks_like_title(title: str, rules: RegionRules) -> bool:
    """A document title worth reading: short, one line, not a sentence (readers may guess a body line)."""
    return 0 < len(title) <= rules.title_max_chars and not any(c in title for c in "。；;！？\n")


@dataclass
class _Evidence:
    scores: dict[str, float]
    mentions: Counter
    self_share: dict[str, float]
    redacted: Counter
    body: dict[str, float]  # the scores of full names outside title lines (the body's own naming)
    furniture: set[str]  # divisions named in full in navigation lines (首页 > 2015年商洛市两会专题报道)


def _may_navigate(text: str) -> bool:
    """Whether ``text`` holds what a navigation line holds (most texts do not: the pattern is not run)."""
    return "位置" in text or "首页" in text or any(c in text for c in ">＞›»")


def _evidence(main: _Part, extra_title: str, rules: RegionRules, gaz: Gazetteer) -> _Evidence:
    scores: dict[str, float] = defaultdict(float)
    mentions: Counter = Counter()
    text = main.text
    parts = [(main, title_lines(text))]
    if _looks_like_title(extra_title, rules):
        parts.append((_Part(normalize(extra_title)), [(0, len(extra_title))]))
    body: dict[str, float] = defaultdict(float)
    navigated: set[str] = set()
    for n, (part, titles) in enumerate(parts):
        prev = None
        names = _Occurring(part.text, gaz)
        furniture = [m.span() for m in rx_finditer(rules.navigation, part.text)] \
            if rules.navigation and _may_navigate(part.text) else []
        for hit in gaz.find(part.text):
            if furniture and _in(furniture, hit.start):
                navigated.update(r.code for r, full in hit.candidates if full)
                continue  # 当前位置：首页 > 范文 > 成都市演讲稿: the site's categories
            in_title = _in(titles, hit.start)
            for region, full in hit.candidates:
                w = _mention_weight(part, hit, prev, region, full, in_title, rules, names)
                if w:
                    scores[region.code] += w
                    mentions[region.code] += 1
                    if n == 0 and full and not in_title:
                        body[region.code] += w
            prev = hit
    selfs = Counter(m.group(1) for m in rx_finditer(rules.self_reference, text))
    total = sum(selfs.values())
    share = {c: n / total for c, n in selfs.items()} if total else {}
    redacted = Counter(m.group(1) for m in rx_finditer(rules.redacted_name, text))
    return _Evidence(dict(scores), mentions, share, redacted, dict(body), navigated)


def _final_scores(ev: _Evidence, rules: RegionRules, gaz: Gazetteer) -> dict[str, float]:
    w = rules.weights
    out = {}
    for code, s in ev.scores.items():
        r = gaz.by_code[code]
        support = sum(ev.scores.get(a, 0.0) for a in r.ancestors())
        out[code] = s * (1 + w["self_level"] * ev.self_share.get(r.kind, 0.0)) + w["ancestor"] * support
    return out


def _redacted_scores(ev: _Evidence, rules: RegionRules) -> dict[str, float]:
    w = rules.weights
    return {c: w["full_name"] * n * (1 + w["self_level"] * ev.self_share.get(c, 0.0)) for c, n in ev.redacted.items()}


def _ambiguous(code: str, scores: dict[str, float], gaz: Gazetteer) -> bool:
    """Whether another division of the same name (城中区 of 西宁 and of 柳州) scores as much: nothing
    in the text (its city, its province) tells them apart, so neither is the text's region."""
    if not code:
        return False
    name = gaz.by_code[code].name
    return any(c != code and math.isclose(s, scores[code]) and gaz.by_code[c].name == name for c, s in scores.items())


def _article_part(doc_or_text: Document | str, article: Article | int | None) -> tuple[_Part, str]:
    """The article's text as a :class:`_Part` of its document (a string is read as a document first,
    so its clauses are the structure's), and the extra title to weigh."""
    doc = doc_or_text if isinstance(doc_or_text, Document) else read_document(text=str(doc_or_text))
    text, extra, base = article_text(doc, article)
    return _Part(text, base, doc), extra


def region_candidates(doc_or_text: Document | str, article: Article | int | None = None, *,
                      rules: RegionRules | None = None, gaz: Gazetteer | None = None) -> pd.DataFrame:
    """Every region scored for a text, best first: ``code, name, level, mentions, score`` (the evidence).

    Masked names appear as rows with ``code`` NA and ``name`` ``xx县``.
    """
    rules = rules or region_rules()
    gaz = gaz or gazetteer(rules.gazetteer)
    ev = _evidence(*_article_part(doc_or_text, article), rules, gaz)
    rows = [{"code": c, "name": gaz.by_code[c].name, "level": gaz.by_code[c].level,
             "mentions": ev.mentions[c], "score": s} for c, s in _final_scores(ev, rules, gaz).items()]
    rows += [{"code": None, "name": f"xx{c}", "level": _CHAR_LEVEL.get(c), "mentions": ev.redacted[c], "score": s}
             for c, s in _redacted_scores(ev, rules).items()]
    df = pd.DataFrame(rows, columns=["code", "name", "level", "mentions", "score"])
    df = df.astype({"code": "string", "name": "string", "level": "string", "mentions": "int64", "score": "float64"})
    return df.sort_values(["score", "mentions"], ascending=False, kind="stable").reset_index(drop=True)


#: How far into a text :func:`_short_form_of_own_kind` looks (a document names itself early; a 5 MB
#: text with no region is not scanned twice).
_OWN_KIND_CHARS = 2000


def _short_form_of_own_kind(part: _Part, kind: str | None, rules: RegionRules, gaz: Gazetteer) -> Region | None:
    """When nothing else names the region: the one division whose short form the text's first
    ``_OWN_KIND_CHARS`` characters use and whose
    kind its self-references use (宁远发展史上 … 全县实现地区生产总值 -> 宁远县); None when several
    divisions of that kind are named, or a name is only visited (赴宁远考察)."""
    if kind is None or kind in rules.town_chars:
        return None
    found: set[str] = set()
    for hit in gaz.find(part.text[:_OWN_KIND_CHARS]):
        if hit.surface in rules.ignore or rx_match(rules.self_reference, part.text, hit.start) is not None:
            continue
        if _is_visit(part, hit, rules) or _is_brand(part.text, hit, rules) or _is_company(part, hit, rules):
            continue
        found.update(r.code for r, full in hit.candidates if r.kind == kind)
    return gaz.by_code[found.pop()] if len(found) == 1 else None


def detect_region(doc_or_text: Document | str, article: Article | int | None = None, *,
                  rules: RegionRules | None = None, gaz: Gazetteer | None = None) -> RegionInfo:
    """The region a text (a document, or one of its articles) is about; ``RegionInfo()`` when unknown.

    ``article`` is an :class:`Article` or its index (0 for the preamble). Towns are not in the
    gazetteer: a text whose self-references are mostly 全镇/我镇 gives level ``town`` with no name.
    """
    rules = rules or region_rules()
    gaz = gaz or gazetteer(rules.gazetteer)
    part, extra = _article_part(doc_or_text, article)
    ev = _evidence(part, extra, rules, gaz)
    named = _final_scores(ev, rules, gaz)
    masked = _redacted_scores(ev, rules)
    top_self = max(ev.self_share, key=lambda c: ev.self_share[c]) if ev.self_share else None
    if top_self in rules.town_chars and ev.self_share[top_self] > 0.5:
        town_masked = any(masked.get(c, 0) for c in rules.town_chars)
        return RegionInfo(level="town", redacted=town_masked)
    best_code = max(named, key=lambda c: (named[c], c), default="")
    best_named = 0.0 if _ambiguous(best_code, named, gaz) else named.get(best_code, 0.0)
    best_char = max(masked, key=lambda c: masked[c], default="")
    best_masked = masked.get(best_char, 0.0)
    if max(best_named, best_masked) < rules.weights["min_score"]:
        kind = top_self if top_self and ev.self_share[top_self] >= 0.5 else None
        own = _short_form_of_own_kind(part, kind, rules, gaz)
        if own is None and kind is not None:
            # only the page's navigation names a division of the body's own kind (首页 > 2015年商洛市两会专题报道,
            # a body of 全市…): that one, if one (not 首页 > 演讲稿 > 成都市演讲稿 over a body of 全县…)
            listed = {c for c in ev.furniture if gaz.by_code[c].kind == kind}
            own = gaz.by_code[listed.pop()] if len(listed) == 1 else None
        return gaz.info(own) if own is not None else RegionInfo()
    if best_masked >= best_named:
        return RegionInfo(level=_CHAR_LEVEL.get(best_char), redacted=True)
    if top_self is not None and ev.self_share[top_self] >= rules.title_yields and gaz.by_code[best_code].kind != top_self:
        # 成都市…工作总结 over a body of 全县/我县 naming 中江县: the body's division of its own kind, when the
        # body names it more than the title's (a county's 全市重点项目 refers to its city: 大竹县 stays)
        own = [c for c in ev.body if gaz.by_code[c].kind == top_self and not _ambiguous(c, named, gaz)]
        top = max(own, key=lambda c: (ev.body[c], c), default=None)
        if top is not None and ev.body[top] > ev.body.get(best_code, 0.0):
            return gaz.info(gaz.by_code[top])
    return gaz.info(gaz.by_code[best_code])


# -- user overrides ------------------------------------------------------------------------------
def resolve_region(value: str | RegionInfo, *, gaz: Gazetteer | None = None) -> RegionInfo:
    """A region named by the user: a code (``511724``), a name (``大竹县``, ``中江``) or a path of
    names (``吉林省长春市朝阳区``). Unknown names (a town) are kept with ``code=None``.

    >>> resolve_region("511724").name, resolve_region("长春市朝阳区").code, resolve_region("仁和镇").level
    ('大竹县', '220104', 'town')

    Raises :class:`RegionError` for an unknown code or an ambiguous name (``朝阳区``).
    """
    if isinstance(value, RegionInfo):
        return value
    gaz = gaz or gazetteer()
    value = str(value).strip()
    if value.isdigit():
        region = gaz.get(value)
        if region is None:
            raise RegionError(f"unknown administrative code {value!r}")
        return gaz.info(region)
    hits = gaz.find(value)
    if not hits or hits[-1].end != len(value):
        level = "town" if value.endswith(("镇", "乡", "街道")) else None
        return RegionInfo(value, None, level, None, None, False)
    found: list[Region] = []
    for hit in hits:
        cands = [r for r, _ in hit.candidates]
        if found:
            narrowed = [r for r in cands if any(f.code in r.ancestors() for f in found)]
            cands = narrowed or cands
        found = cands
    full = [r for r, is_full in hits[-1].candidates if is_full and r in found]
    found = full or found
    if len(found) > 1:
        options = ", ".join(f"{r.name} {r.code} ({gaz.info(r).province}{gaz.info(r).city or ''})" for r in found)
        raise RegionError(f"region {value!r} is ambiguous: {options}; give a code or a path such as 省市县")
    return gaz.info(found[0])


OverrideValue = Union[str, RegionInfo, Mapping[str, Any]]
RegionOverrides = Union[Mapping[Any, OverrideValue], str, Path, None]


def _read_override_csv(path: str | Path) -> dict[Any, dict[str, str]]:
    """``file``/``doc_id`` [, ``article``], ``region`` [, ``period``] rows -> override mapping."""
    p = Path(path)
    try:
        rows = list(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()))
    except OSError as e:
        raise RegionError(f"{p}: cannot read the region table: {e.strerror or e}") from None
    out: dict[Any, dict[str, str]] = {}
    for i, row in enumerate(rows, start=2):
        key = (row.get("file") or row.get("doc_id") or row.get("path") or "").strip()
        if not key:
            raise RegionError(f"{p}: row {i}: needs a file or doc_id column value")
        art = (row.get("article") or "").strip()
        out[(key, int(art)) if art else key] = {k: (v or "").strip() for k, v in row.items() if k in ("region", "period")}
    return out


def _doc_keys(doc: Document) -> list[str]:
    src = Path(str(doc.source))
    return list(dict.fromkeys([doc.doc_id, src.name, src.stem, str(doc.source)]))


def _override_for(overrides: Mapping[Any, OverrideValue], doc: Document, article: int) -> dict[str, Any]:
    """The override for one article: article-specific keys win over whole-document ones."""
    keys = _doc_keys(doc)
    for k in keys:
        for key in ((k, article), f"{k}#{article}"):
            if key in overrides:
                return _as_override(overrides[key])
    for k in keys:
        if k in overrides:
            return _as_override(overrides[k])
    return {}


def _as_override(value: OverrideValue) -> dict[str, Any]:
    if isinstance(value, (str, RegionInfo)):
        return {"region": value}
    return {k: v for k, v in dict(value).items() if v not in (None, "")}


# -- per-article table and the frame columns -----------------------------------------------------
ARTICLE_COLUMNS = {"doc_id": "string", "article": "Int64", "title": "string", "region": "string",
                   "region_code": "string", "region_level": "string", "province": "string", "city": "string",
                   "region_redacted": "bool", "year": "Int64", "span": "string", "period": "string"}


def _article_indices(doc: Document) -> list[tuple[int, str]]:
    if not doc.articles:
        return [(0, doc.title)]
    out = [(0, "")] if doc.normalized_text[:doc.articles[0].start].strip() else []
    return out + [(a.index, a.title) for a in doc.articles]


def article_rows(doc: Document, *, regions: RegionOverrides = None) -> list[dict[str, Any]]:
    """The rows of :func:`article_info` as plain dicts (a :class:`~summary_mining.pipeline.Analysis`
    keeps them, so ``extract`` and a corpus run's documents table share one detection)."""
    overrides: Mapping[Any, OverrideValue] = {}
    if isinstance(regions, (str, Path)):
        overrides = _read_override_csv(regions)
    elif regions is not None:
        overrides = regions
    meta = {k: doc.metadata[k] for k in ("region", "period") if doc.metadata.get(k)}
    rows = []
    for index, title in _article_indices(doc):
        over = {**meta, **_override_for(overrides, doc, index)}
        region = resolve_region(over["region"]) if "region" in over else detect_region(doc, index)
        period = detect_period(doc, index)
        label = str(over["period"]) if "period" in over else period.label
        rows.append({"doc_id": doc.doc_id, "article": index, "title": title or None, "region": region.name,
                     "region_code": region.code, "region_level": region.level, "province": region.province,
                     "city": region.city, "region_redacted": region.redacted, "year": period.year,
                     "span": period.span, "period": label, "review": period.review})
    return rows


def article_info(doc: Document, *, regions: RegionOverrides = None) -> pd.DataFrame:
    """One row per article (0 = the preamble): its region, code, level, province, city, whether the
    name is masked, its year, span and ``period`` label. ``regions`` overrides what is detected:
    a mapping (``{"seed.txt": "中江县", ("seed", 6): "511724"}``, a value may also be
    ``{"region": …, "period": …}``) or the path of a CSV with columns ``file`` (or ``doc_id``),
    optional ``article``, ``region`` and optional ``period``. ``doc.metadata["region"]`` and
    ``["period"]`` count as a whole-document override too.
    """
    return to_frame(article_rows(doc, regions=regions), ARTICLE_COLUMNS)


def add_region_period(df: pd.DataFrame, doc: Document, *, regions: RegionOverrides = None) -> pd.DataFrame:
    """``df`` (rows of ``doc``, with an ``article`` column) plus ``region``, ``region_code`` and ``period``.

    The columns go right after ``article`` (string dtype, NA when unknown); ``df`` is not changed.
    The per-article details (level, province, masked name, year, span) are in :func:`article_info`.
    """
    info = article_info(doc, regions=regions).set_index("article")
    out = df.drop(columns=[c for c in REGION_COLUMNS if c in df.columns]).copy()
    articles = out["article"] if "article" in out.columns else pd.Series(0, index=out.index)
    at = list(out.columns).index("article") + 1 if "article" in out.columns else len(out.columns)
    for offset, (col, dtype) in enumerate(REGION_COLUMNS.items()):
        values = articles.map(info[col].to_dict()) if len(out) else pd.Series([], dtype=object)
        out.insert(at + offset, col, pd.array(list(values), dtype=dtype))
    return out
