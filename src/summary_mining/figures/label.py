"""What a figure measures: its label, canonical indicator, direction and role, read from the clause.

>>> from summary_mining import read_document
>>> from summary_mining.figures.find import find_figures
>>> doc = read_document(text="实现到位资金9.88亿元，资金到位率41.17﹪，同比增长12.5%，完成全年目标任务的64.23%。")
>>> ms = annotate(doc, find_figures(doc))
>>> [(m.label, m.indicator, m.direction, m.role) for m in ms]
[('到位资金', '到位资金', None, 'actual'), ('资金到位率', '资金到位率', None, 'rate'), ('资金到位率同比增长', '资金到位率', '+', 'actual'), ('目标任务', None, None, 'rate')]
"""
from __future__ import annotations

import bisect
import math


from ..datafiles import code_pattern, rx_finditer, rx_fullmatch, rx_match, rx_search
from ..model import Document
from ..numerals import REDACTION_CHARS
from ..structure import strip_glosses
from ..rules.indicators import IndicatorLexicon, indicator_lexicon
from ..rules.labels import LabelRules, label_rules
from ..rules.segment import Segmenter
from .record import Figure
from .tables import table_label

__all__ = ["annotate"]

#: A label is read from at most this many characters before its figure (the clause is cut there):
#: labels keep only the nearest 14 characters, and a bounded window keeps a clause of 100k
#: characters without punctuation from being segmented once per figure.
LABEL_WINDOW = 100


def _trim(words: list[str], rules: LabelRules) -> list[str]:
    i, j = 0, len(words)
    lead, trail = rules.leading_drop, rules.trailing_drop
    while i < j and (words[i] in lead or _word_ends(words[i])[0]):
        i += 1
    while j > i and (words[j - 1] in trail or _word_ends(words[j - 1])[1]):
        j -= 1
    return words[i:j]


_ENDS: dict[str, tuple[bool, bool]] = {}


def _word_ends(w: str) -> tuple[bool, bool]:
    """(whether a label drops ``w`` at its start, at its end) by the shape of the word alone (punctuation, a
    date): known once per word (a label's words recur; the rules' own word lists are asked apart)."""
    ends = _ENDS.get(w)
    if ends is None:
        if len(_ENDS) >= 65536:
            _ENDS.clear()
        punct = _is_punct(w)
        ends = _ENDS[w] = (punct or _is_time_word(w), punct or _is_date_tail(w))
    return ends


def _phrase(text: str, rules: LabelRules, seg: Segmenter) -> str:
    """``text`` without the words a label drops at either end: 全年签约项目 -> 签约项目."""
    return "".join(_trim([w for w, _, _ in seg.tokens(text)], rules))


def _unspaced(s: str) -> str:
    """``s`` without whitespace: a justified PDF line pads its words (完 成 年 初 预 算), a wrap breaks a line.

    >>> _unspaced("使 用 权 出 让 收\\n入")
    '使用权出让收入'
    """
    return "".join(s.split())  # (s itself when it holds none: no scan for a space first)


def _is_punct(w: str) -> bool:
    """Spaces and punctuation (、 - ）): no letter, digit or hanzi."""
    return not any(c.isalnum() for c in w)


def _is_time_word(w: str) -> bool:
    """A date or period word a label does not open with (2025年, 1-6月, 第); not a name written with digits and
    Latin letters (5G移动电话用户, PM2.5)."""
    # (a redacted number's x is a digit here: xx年, 20xx年 are dates all the same)
    numbered = any(c.isdigit() or c in REDACTION_CHARS for c in w) \
        and not any(c.isascii() and c.isalpha() and c not in REDACTION_CHARS for c in w)
    return numbered or w.endswith(("年", "月", "日", "届", "季度")) and len(w) <= 6 or w == "第"


def _is_date_tail(w: str) -> bool:
    """A label never ends in a number or a bare 年/月/日 (全省生产总值从2020年 -> 全省生产总值)."""
    return any(c.isdigit() for c in w) or w in ("年", "月", "日", "年底", "年末", "月底", "月末")


def _skip_brackets(norm: str, pos: int, floor: int) -> int:
    """Where a bracketed aside that ends right before ``pos`` opens: 营养土(大棚育苗用土)30万袋 -> 营养土."""
    if pos <= floor or norm[pos - 1] not in ")）":
        return pos
    opener = max(norm.rfind("(", floor, pos - 1), norm.rfind("（", floor, pos - 1))
    return opener if opener >= 0 and ")" not in norm[opener:pos - 1] and "）" not in norm[opener:pos - 1] else pos


#: The longest bracketed aside read as part of a name (农业（种植业）产值, 企（事）业贷款, 市（州、区）级文物保护单位)
NAME_ASIDE = 6


def _whole_asides(label: str) -> str:
    """``label`` from after a bracket it closes without opening (the tail of 中国（安徽）自贸试验区 cut at 14 characters).

    >>> _whole_asides("安徽）自贸试验区"), _whole_asides("农业（种植业）产值")
    ('自贸试验区', '农业（种植业）产值')
    """
    closer = next((i for i, c in enumerate(label) if c in ")）(（"), -1)
    return label[closer + 1:] if closer >= 0 and label[closer] in ")）" else label


def _name_start(doc: Document, norm: str, cs: int, floor: int) -> int:
    """Where a name opens that a short bracketed aside interrupts right before clause start ``cs`` (a bracket breaks
    a clause): the aside (no digit, at most :data:`NAME_ASIDE` characters) between two hanzi of the name.

    >>> from summary_mining import read_document
    >>> doc = read_document(text="农业（种植业）产值30亿元")
    >>> _name_start(doc, doc.normalized_text, 7, 0)
    0
    """
    while floor < cs < len(norm) and norm[cs - 1] in ")）" and "\u4e00" <= norm[cs] <= "\u9fff":
        opener = _skip_brackets(norm, cs, floor)
        if not (floor < opener < cs - 1 <= opener + NAME_ASIDE + 1) or not "\u4e00" <= norm[opener - 1] <= "\u9fff" \
                or any(c.isdigit() for c in norm[opener:cs]):
            break
        cs = max(doc.clause_start(opener), floor)
    return cs


def _label_words(before: str, rules: LabelRules, seg: Segmenter) -> list[str]:
    """The words of a clause before a figure that its label keeps."""
    return _trim([w for w, _, _ in seg.tokens(_unspaced(strip_glosses(before))) if w != rules.respectively], rules)


def _label(doc: Document, m: Figure, prev_end: int, rules: LabelRules, seg: Segmenter,
           lex: IndicatorLexicon) -> tuple[str, str, bool]:
    """(label, clause-before, whether the label was read after the figure) for a mention; the label
    falls back to the indicator a bracket right before names (占常住人口比重(常住人口城镇化率)为53.94%), then to
    the noun after the figure."""
    norm = doc.normalized_text
    floor = max(prev_end, m.start - LABEL_WINDOW)
    end = _skip_brackets(norm, m.start, floor)
    cs = max(doc.clause_start(end), floor)
    before = norm[cs:end]
    words = _label_words(before, rules, seg)
    if words and (named := _name_start(doc, norm, cs, floor)) < cs:  # (a name the words after an aside go on)
        cs, before = named, norm[named:end]
        words = _label_words(before, rules, seg)
    label = "".join(words)
    if len(label) > 14:  # keep the tail: the noun phrase nearest the figure
        acc: list[str] = []
        for w in reversed(words):
            if len("".join(acc)) + len(w) > 14 and acc:
                break
            acc.insert(0, w)
        label = _whole_asides("".join(_trim(acc, rules)))
    if label and cs == prev_end > 0 and label.endswith(rules.among_ends) and not label.endswith(rules.part_cues):
        # 15个工业行业大类中11个行业增长: a figure right after "among N things" is named by the words after it
        after = _after_phrase(doc, norm, m, rules, seg)
        if after:
            return after, before, True
    if label:
        return label, before, False
    if cs > floor and norm[cs - 1] in ")）" and (opener := _skip_brackets(norm, cs, floor)) < cs:
        if lex.lookup(named := _phrase(norm[opener + 1:cs - 1], rules, seg)) is not None:
            return named, before, False  # …比重(常住人口城镇化率)为53.94%: the bracket names the indicator
        head = _phrase(norm[max(doc.clause_start(opener), floor):opener], rules, seg)
        if head and not head.startswith(rules.share_words):
            # 常住人口城镇化率（城镇人口占常住人口比重）为84.18%: the name before the aside (not 占常住人口比重(城镇人口比例),
            # a share's words, whose aside names it)
            return head[-14:], before, False
    return _after_phrase(doc, norm, m, rules, seg), before, True


def _after_phrase(doc: Document, norm: str, m: Figure, rules: LabelRules, seg: Segmenter) -> str:
    """The words after a figure in its clause, up to a list joiner or a digit (a label read after the figure)."""
    after = norm[m.end:min(m.end + 12, doc.clause_at(m.end - 1).end)]
    cut = next((i for i, c in enumerate(after) if c in rules.list_joiners or c.isdigit()), len(after))
    return _phrase(after[:cut], rules, seg)[:12]


def _subject(doc: Document, start: int, sent_start: int, lex: IndicatorLexicon, rules: LabelRules,
             seg: Segmenter) -> str:
    """An indicator that opens the previous clause of the sentence, for a figure whose own clause
    names nothing: 地区生产总值跨越3个千亿元台阶，达到1.5万亿元 -> 地区生产总值; '' when there is none."""
    norm = doc.normalized_text
    cs = max(doc.clause_start(start), sent_start)
    if cs - 1 <= sent_start:
        return ""
    end = cs - 1
    opener = _skip_brackets(norm, cs, sent_start)  # 固定资产投资（不含农户，下同）同比增长: past the aside
    if opener < cs:
        end = opener
        if end <= sent_start:
            return ""
    pcs = max(doc.clause_start(end), sent_start, end - LABEL_WINDOW)
    if norm[end] in "（(" and pcs == end:  # the clause holding the opening bracket ends at it
        pcs = max(doc.clause_start(end - 1), sent_start, end - LABEL_WINDOW)
    return lex.longest_prefix(_phrase(norm[pcs:end], rules, seg))


#: What a table's row name starts with that is not the name: 其中:, #工资性收入 (an 其中 item), (1)税收收入, 1.食品烟酒.
_TABLE_MARK = code_pattern(r"^[#＃.．·]*(?:其中[:：])?(?:[（(][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.．、](?![0-9]))?")


#: The unit a column header ends with: 比上年增长（%）, 增长%.
_COLUMN_UNIT = code_pattern(r"\s*(?:[（(][^（()）]*[)）]|%)?\s*$")


def _table_label(doc: Document, m: Figure) -> tuple[str, str]:
    """A table figure measures its row (groups and name: 城镇彩色电视机, 铁路), in its column
    (比上年增长): read by :mod:`summary_mining.figures.tables`, which also keeps the row's label path."""
    label, column = table_label(doc, m.cell, m.surface)
    return label, column


def _direction(before: str, rules: LabelRules) -> str | None:
    downs = ups = False
    for m in rx_finditer(rules.direction, before[-rules.direction_window:]):
        downs |= m.group("down") is not None
        ups |= m.group("up") is not None
    return "-" if downs else "+" if ups else None


def _role(m: Figure, label: str, before: str, rules: LabelRules, label_after: bool = False) -> str:
    if m.kind == "percentage":
        if label.endswith(rules.rate_suffixes) or "完成" in before and "的" in before[-3:] \
                or before.rstrip().endswith(rules.ratio_ends):
            return "rate"
        if any(w in before for w in rules.share_words):
            return "share"
    # 完成516万元的固定资产投资任务: the task named after the figure is what the figure completed
    done = label_after and before.rstrip().endswith(rules.actual_verbs)
    before, label = rules.without_non_targets(before), rules.without_non_targets(label)  # 计划生育 is no plan
    if any(w in before[-8:] or w in label and not done for w in rules.target_words):
        return "rate" if m.kind == "percentage" and "的" in before[-3:] else "target"
    return "actual"


def _target_scopes(doc: Document, rules: LabelRules) -> list[tuple[int, int]]:
    """Spans from a targets cue (主要预期目标是：) to the end of its paragraph, in text order."""
    norm, scopes = doc.normalized_text, []
    for c in rx_finditer(rules.target_cue, norm):
        if any(v in norm[max(0, c.start() - 6):c.start()] for v in rules.actual_verbs):
            continue  # 全面完成主要预期目标：… reports results
        block = doc.block_at(c.start())
        end = block.end if block is not None and block.end > c.end() else norm.find("\n", c.end())
        scopes.append((c.end(), end if end >= 0 else len(norm)))
    return scopes


def _plan_scopes(doc: Document, rules: LabelRules) -> list[tuple[int, int]]:
    """The bodies of the outermost sections whose title announces the coming work (二、2025年工作总体要求和
    重点任务; ``plan_heading`` in labels.toml), in text order."""
    if rules.plan_heading is None:
        return []
    scopes: list[tuple[int, int]] = []
    for sec in doc.sections:
        if scopes and sec.start < scopes[-1][1]:
            continue  # inside a plan section already
        title = sec.title.removeprefix(sec.number).strip()  # 二、2025年工作… -> 2025年工作…
        if rx_search(rules.plan_heading, title) and not (
                rules.plan_heading_exclude is not None and rx_search(rules.plan_heading_exclude, title)):
            scopes.append((sec.title_end, sec.end))
    return scopes


def _in_scopes(scopes: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(scopes, (pos, math.inf)) - 1
    return i >= 0 and scopes[i][0] <= pos < scopes[i][1]


def _list_labels(norm: str, mentions: list[Figure], i: int, before: str, rules: LabelRules, seg: Segmenter
                 ) -> dict[int, tuple[str, str]] | None:
    """签约项目、到位资金分别为10个、9.88亿元 -> {i: ('签约项目', ''), i+1: ('到位资金', '')}: the names
    before 分别 go, in order, to the figures joined after it (with the verb after 分别 when it is a
    growth word, 分别增长5%、6%); None unless there are as many names as figures."""
    k = before.rfind(rules.respectively)
    if k < 0:
        return None
    head, suffix = _respectively(before, k, rules, seg)
    names = [_phrase(n, rules, seg) for n in rules.list_split.split(head)]
    names = _ordinal_names(names) or names
    if len(names) < 2 or any(len(n) < 2 or all(c in _ORDINAL_CHARS for c in n) for n in names):
        return None  # (ordinals of one noun not of that shape)
    if len(names[-1]) >= 2 * min(len(n) for n in names[:-1]):
        names = _shared_head(names, seg)  # 城镇、农村居民人均可支配收入分别…: the names share a noun
        if names is None:
            return None
    group = _joined_group(norm, mentions, i, len(names), rules)
    return None if group is None else {j: (name + suffix, suffix) for j, name in zip(group, names)}


def _respectively(before: str, k: int, rules: LabelRules, seg: Segmenter) -> tuple[str, str]:
    """(the words before 分别 at ``k``, the growth verb after it — 增长, 拉动经济增长 — or "")."""
    verb = _phrase(before[k + len(rules.respectively):], rules, seg)
    return before[:k], verb if verb.endswith(rules.growth_suffixes) else ""


def _joined_group(norm: str, mentions: list[Figure], i: int, n: int, rules: LabelRules) -> list[int] | None:
    """The ``n`` figures from ``mentions[i]`` on joined by list words (、 和), by index; None unless exactly ``n``."""
    group = [i]
    while len(group) < n + 1 and group[-1] + 1 < len(mentions):
        a, b = mentions[group[-1]], mentions[group[-1] + 1]
        if not rx_fullmatch(rules.list_join, norm, a.end, b.start):
            break
        group.append(group[-1] + 1)
    return group if len(group) == n else None


def _respective_changes(norm: str, mentions: list[Figure], i: int, before: str, names: list[str], rules: LabelRules,
                        seg: Segmenter) -> dict[int, tuple[str, str]] | None:
    """第一、二、三产业增加值分别为112.46、96.6、348.87亿元，分别比上年增长6.2%、11.2%、7.5%: a second 分别 with no names
    before it, of a growth word, goes through the names of the list before it in its sentence, in order."""
    head, verb = _respectively(before, before.rfind(rules.respectively), rules, seg)
    if _phrase(head, rules, seg) or not verb:
        return None
    group = _joined_group(norm, mentions, i, len(names), rules)
    return None if group is None else {j: (name + verb, verb) for j, name in zip(group, names)}


_ORDINAL_CHARS = frozenset("第一二三四五六七八九十0123456789")


def _ordinal_names(names: list[str]) -> list[str] | None:
    """Ordinals of one noun, the last carrying it (第一、二、三产业增加值 -> 第一产业增加值, 第二产业增加值, 第三产业增加值),
    or None.

    >>> _ordinal_names(["第一", "二", "三产业增加值"])
    ['第一产业增加值', '第二产业增加值', '第三产业增加值']
    """
    if len(names) < 2 or not all(n and all(c in _ORDINAL_CHARS for c in n) for n in names[:-1]):
        return None
    last = names[-1]
    k = next((j for j, c in enumerate(last) if c not in _ORDINAL_CHARS), len(last))
    if k == 0 or len(last) - k < 2:
        return None
    mark = "第" if names[0].startswith("第") else ""
    return [mark + n.lstrip("第") + last[k:] for n in names[:-1]] + [mark + last[:k].lstrip("第") + last[k:]]


def _shared_head(names: list[str], seg: Segmenter) -> list[str] | None:
    """Names whose last one carries the noun they share: each earlier name is one word as long as the
    word the last one opens with; the rest of the last name goes to each (城镇、农村居民人均可支配收入 ->
    城镇居民人均可支配收入, 农村居民人均可支配收入); None when they are not of that shape."""
    size = len(names[-2])
    if any(len(n) != size or len(list(seg.tokens(n))) != 1 for n in names[:-1]):
        return None
    if not any(s == 0 and e == size for _, s, e in seg.search_tokens(names[-1])) or len(names[-1]) - size < 2:
        return None
    head = names[-1][size:]
    return [n + head for n in names[:-1]] + [names[-1]]


def _joined_target(prev: Figure, m: Figure, between: str, rules: LabelRules) -> bool:
    """力争整车产量200万辆、新能源汽车140万辆: a figure joined by 、 to a target, in one clause, is one too."""
    return (prev.role == "target" and prev.clause == m.clause and rx_match(rules.target_join, between) is not None
            and not any(v in between for v in rules.actual_verbs))


def _whole_before(mentions: list[Figure], i: int, norm: str, rules: LabelRules) -> Figure | None:
    """The figure a breakdown cue right before ``mentions[i]`` breaks down: the nearest earlier one of the
    same kind, when a part cue (其中) stands between them and within 40 characters of the part."""
    m = mentions[i]
    for k in range(i - 1, max(-1, i - 4), -1):
        w = mentions[k]
        if m.start - w.end > 40:
            return None
        if w.kind == m.kind and w.label and any(c in norm[w.end:m.start] for c in rules.part_cues):
            return w
    return None


#: How many figures back a list item may find the sibling that names the measure it omits.
SIBLING_WINDOW = 12


def _without_change(label: str, rules: LabelRules) -> str:
    """``label`` without the change word it ends in: 高技术制造业下降 -> 高技术制造业."""
    for w in rules.up_words + rules.down_words:  # longest first within each list
        if len(w) > 1 and label.endswith(w) and len(label) > len(w):
            return label[:-len(w)]
    return label


def _sibling_measured(doc: Document, mentions: list[Figure], i: int, label: str, lex: IndicatorLexicon,
                      rules: LabelRules) -> str | None:
    """A list item that states the change of a part named without the measure an earlier item of its full
    sentence names (分重点产业看，装备制造业增加值增长8.5%；…；高技术制造业下降1.9%): the part with that
    measure, when it is a known indicator (高技术制造业增加值); None otherwise.

    >>> from summary_mining import read_document
    >>> from summary_mining.figures.find import find_figures
    >>> doc = read_document(text="装备制造业增加值增长8.5%，占规模以上工业比重21.9%；高技术制造业下降1.9%。")
    >>> [(m.label, m.indicator) for m in annotate(doc, find_figures(doc))][2]
    ('高技术制造业下降', '高技术制造业增加值')
    """
    m = mentions[i]
    if m.kind != "percentage":
        return None
    part = _without_change(label, rules)
    if part == label:
        return None  # only a change (增长/下降 x%) of a part named bare
    stop = doc.stop_index(m.start)
    for k in range(i - 1, max(-1, i - 1 - SIBLING_WINDOW), -1):
        w = mentions[k]
        if doc.stop_index(w.start) != stop:
            return None
        if w.kind == m.kind and w.label and (full := lex.measured(part, _without_change(w.label, rules))):
            return full
    return None


def _level_before(norm: str, mentions: list[Figure], i: int, sent_start: int, rules: LabelRules,
                  past_ratio: bool) -> Figure:
    """The figure whose measure the figure ``i`` right after it takes, in its sentence: the one before it, past a
    bracketed aside closed between them (政府性基金支出289.09亿元（其中地方债券支出约229.78亿元），增长9.6% -> 289.09亿元)
    and, when ``past_ratio``, past a ratio to a target (收入完成1748028万元，为预算的110.91%，增长25.96% -> 1748028万元;
    a rate named so has a growth of its own: 资金到位率41.17﹪，同比增长12.5%)."""
    prev, m = mentions[i - 1], mentions[i]
    k = i - 1
    between = norm[prev.end:m.start]
    opener = max(norm.rfind("(", sent_start, prev.start), norm.rfind("（", sent_start, prev.start))
    if (")" in between or "）" in between) and opener >= 0 \
            and ")" not in norm[opener:prev.start] and "）" not in norm[opener:prev.start]:
        while k >= 0 and mentions[k].end > opener:
            k -= 1
        if k < 0 or mentions[k].start < sent_start or not mentions[k].label:
            k = i - 1
    level = mentions[k]
    if past_ratio and k > 0 and level.kind == "percentage" and level.role in ("rate", "share") \
            and not level.label.endswith(rules.rate_suffixes):
        before = mentions[k - 1]
        if before.end > sent_start and before.kind != "percentage" and before.label:
            return before
    return level


def annotate(doc: Document, mentions: list[Figure], *, rules: LabelRules | None = None,
             lexicon: IndicatorLexicon | None = None, seg: Segmenter | None = None) -> list[Figure]:
    """Fill ``label``, ``indicator``, ``direction`` and ``role`` of each figure (in place).

    A growth beside its level takes the level's indicator (生产总值6.36万亿元、增长5.1% -> 生产总值增长;
    增长5.2%、约4.4万亿元 -> the level of that growth); 从A增长到B gives B A's label and A role ``base``; 分别 lists pair
    names and figures in order; figures after 主要预期目标是： (to the end of the paragraph) are targets.

    >>> from summary_mining import read_document
    >>> from summary_mining.figures.find import find_figures
    >>> doc = read_document(text="主要预期目标是：经济增长5.5%左右，固定资产投资增长7%左右。\\n签约项目、到位资金分别为10个、9.88亿元。")
    >>> [(m.label, m.indicator, m.role) for m in annotate(doc, find_figures(doc))]
    [('经济增长', '地区生产总值', 'target'), ('固定资产投资增长', '固定资产投资', 'target'), ('签约项目', '签约项目', 'actual'), ('到位资金', '到位资金', 'actual')]
    """
    rules = rules or label_rules()
    lex = lexicon or indicator_lexicon()
    seg = seg or Segmenter.default()
    norm = doc.normalized_text
    scopes = _target_scopes(doc, rules)
    plans = _plan_scopes(doc, rules)
    listed: dict[int, tuple[str, str]] = {}
    last_list: tuple[int, list[str]] = (-1, [])  # the sentence and names of the last list read after 分别
    prev: Figure | None = None
    for i, m in enumerate(mentions):
        sent = doc.sentence_at(m.start)
        sent_start = sent.start if sent else 0
        floor = max(prev.end if prev else 0, sent_start)
        after, column = False, ""
        if m.source == "table":
            label, before = _table_label(doc, m)
            column = before[:rx_search(_COLUMN_UNIT, before).start()]  # 比上年增长（%） -> 比上年增长
            if m.kind == "percentage" and label != before and _direction(column, rules):
                label += column  # 税收收入 in a column 比上年增长（%） -> 税收收入比上年增长
        else:
            label, before, after = _label(doc, m, floor, rules, seg, lex)
            if i not in listed and rules.respectively in before:
                found = _list_labels(norm, mentions, i, before, rules, seg)
                if found:
                    last_list = (sent_start, [name[:len(name) - len(suffix)] for name, suffix in found.values()])
                elif last_list[0] == sent_start:
                    found = _respective_changes(norm, mentions, i, before, last_list[1], rules, seg)
                listed.update(found or {})
        same_sentence = prev is not None and prev.end > sent_start
        between = norm[prev.end:m.start] if same_sentence else ""
        # (its change word read past pronunciation glosses, padding and wraps: 同比增長(zhǎng)3.7%, 增⏎加 475.54 亿元;
        # _direction keeps the window's end)
        direction = _direction(_unspaced(strip_glosses(norm[max(floor, m.start - 4 * rules.direction_window):m.start])), rules)
        growth = max((g for g in rules.growth_labels if prev.label.endswith(g)), key=len, default=None) \
            if prev is not None and prev.label.endswith(rules.growth_suffixes) else None
        role = None
        if i in listed:
            label, verb = listed[i]
            m.indicator = lex.lookup(label)
            direction = _direction(verb, rules) if verb else direction
        elif same_sentence and prev.label and rules.written_as_change(norm, (prev.start, prev.end), m.start):
            # 居民人均可支配收入从27136元增长到36439元: the newer level of the same indicator
            label, m.indicator, direction = prev.label, prev.indicator, None
            role = prev.role if prev.role in ("rate", "share") else "actual"
            if role == "actual":
                prev.role = "base"  # the earlier level the change starts from
        elif same_sentence and prev.label and m.kind == prev.kind == "percentage" and not label \
                and rx_fullmatch(rules.list_join, between):
            # 贡献率分别为8.9%、27.7%和63.4%: one measure, listed
            label, m.indicator, direction = prev.label, prev.indicator, prev.direction
        elif same_sentence and not label and prev.label and m.kind == prev.kind and prev.qualifier in rules.bound_prefixes \
                and rules.exact_after is not None and rx_fullmatch(rules.exact_after, between):
            # 全旗公共财政支出突破10亿元，达到10.45亿元: the bound's measure, exactly
            label, m.indicator = prev.label, prev.indicator
        elif not same_sentence and m.kind == "percentage" and label in rules.growth_labels and m.source != "table" \
                and (subject := _subject(doc, m.start, sent_start, lex, rules, seg)):
            # 全年全市固定资产投资（不含农户，下同）同比增长10.5%: the growth of the clause before's indicator
            label = subject + label
            m.indicator = lex.lookup(label)
        elif same_sentence and prev.label and m.kind == "percentage" and (label in rules.growth_labels or not label):
            # 社会消费品零售总额158.3亿元，增长12.4% -> 社会消费品零售总额增长;  …任务数132.63亿元的90.8% -> …比例
            level = _level_before(norm, mentions, i, sent_start, rules, past_ratio=bool(label))
            label = level.label + (label or "比例")
            m.indicator = level.indicator
        elif same_sentence and (after or not label) and m.kind != "percentage" and prev.kind == "percentage" \
                and prev.direction and growth and len(prev.label) > len(growth) and rx_fullmatch(rules.list_join, between):
            # 地区生产总值增长5.2%、约4.4万亿元: the level the growth was of
            label, m.indicator = prev.label[:-len(growth)], prev.indicator
        else:
            if not label and m.kind != "percentage" and m.source != "table":
                label = _subject(doc, m.start, sent_start, lex, rules, seg)
            m.indicator = lex.lookup(label)
            if m.indicator is None and same_sentence and prev.label and m.source != "table" \
                    and (full := lex.completed(label, prev.label)):
                label, m.indicator = full, lex.lookup(full)  # 粮食播种面积…，总产量902.61万吨 -> 粮食总产量
            elif m.indicator is None and label and m.source != "table" \
                    and (whole := _whole_before(mentions, i, norm, rules)) is not None \
                    and (full := lex.measured(label, whole.label)):
                label, m.indicator = full, lex.lookup(full)  # 农作物总播种面积…。其中，粮食作物340.7公顷
            elif m.indicator is None and label and m.source != "table" \
                    and (full := _sibling_measured(doc, mentions, i, label, lex, rules)):
                m.indicator = lex.lookup(full)  # 装备制造业增加值增长8.5%；…；高技术制造业下降1.9%
        m.label = label
        m.direction = direction if m.source != "table" else _direction(column, rules)
        if role is None and (_in_scopes(scopes, m.start) or same_sentence and _joined_target(prev, m, between, rules)):
            role = "target"
        m.role = role or _role(m, label, norm[max(floor, m.start - 30):m.start], rules, after)
        if m.role == "actual" and plans and _in_scopes(plans, m.start):
            m.role = "target"  # a result-like figure in a section of the coming work: 实现城镇新增就业不少于26万人
        prev = m
    return mentions
