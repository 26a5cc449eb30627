"""The relation rules (``data/relations.toml``), compiled once.

>>> r = relation_rules()
>>> [t.name for t in r.templates][:2]
['growth against a stated prior level', 'growth against a stated prior level, with the difference']
>>> [x.name for x in r.rates][:2], "合计" in r.strong_sum.pattern
(['营业收入利润率', '资产负债率'], True)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

import regex

from ..datafiles import compile_pattern, rules_from
from ..errors import RuleError
from ..places.regions import gazetteer

__all__ = ["RateRule", "BalanceRule", "RateGapRule", "ContributionRule", "TallyRule", "WordCountRule", "HeadingCountRule", "NamedDifference", "Template",
           "RelationRules", "relation_rules", "PLACEHOLDER_BASE", "MACROS"]

#: Figures in a template's view are one character each, from the private use area: amounts from
#: U+E000, percentages from U+E800, counts from U+F000 (2,048 of each kind per view).
PLACEHOLDER_BASE = {"amount": 0xE000, "percentage": 0xE800, "count": 0xF000}
_NOT_FIGURE = "\ue000-\uf7ff"
#: How many characters may open a part's name before the division it names (开发区·铁山区, 其中：大冶市), past the words
#: a verb ends (排在前三位的是岑溪市)
DIVISION_PREFIX = 4
MACROS = {
    "A": "[\ue000-\ue7ff]",
    "P": "[\ue800-\uefff]",
    "C": "[\uf000-\uf7ff]",
    "N": "[\ue000-\ue7ff\uf000-\uf7ff]",
    "F": f"[{_NOT_FIGURE}]",
    "T": f"[^{_NOT_FIGURE}。！？!?]",
    "W": f"[^{_NOT_FIGURE}。！？!?，,；;：:]",
    # a figure restated in another unit in brackets (2802万吨(560.4亿斤)): skipped
    "ALT": "(?:[（(][\ue000-\ue7ff\uf000-\uf7ff][)）])?",
}


@dataclass(frozen=True)
class RateRule:
    name: str
    numerator: tuple[str, ...]
    numerator_name: str
    denominator: tuple[str, ...]
    denominator_name: str
    family: str
    max: float | None
    base_is_target: bool = False
    check: str = "rate"
    #: kinds whose counts add up to the numerator when none names it (开工 = 在建 + 竣工)
    numerator_parts: tuple[str, ...] = ()
    #: whether the rate stated without one of its inputs in the text is an ``unverifiable`` row (履约率: a
    #: summary that names it asserts its counts); false for a statistic quoted on its own (城镇化率60%)
    unverifiable_when_missing: bool = True
    #: where the numerator is looked for: the rate's full sentence, or its whole paragraph (常住人口94.9万人，
    #: 其中城镇人口41.4万人。常住人口城镇化率43.6%)
    numerator_in_paragraph: bool = False
    #: words that make a figure no numerator though it holds a numerator word (非税收入 for 税收)
    numerator_excluded: tuple[str, ...] = ()
    #: never firm: the base its words name may not be the rate's (竣工率 over the projects planned to be completed, which
    #: the text seldom states, not over those started)
    loose: bool = False


@dataclass(frozen=True)
class NamedDifference:
    """``[[named_difference]]`` of relations.toml: a figure named ``name`` (顺差) is the figure named by ``minuend``
    (出口) less the one named by ``subtrahend`` (进口); ``excluded`` words hold those without naming them (进出口)."""

    name: str
    minuend: tuple[str, ...]
    subtrahend: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    subtrahend_target: bool = False  # the subtrahend is a target (超收 = 收入 - 预算), the minuend never one


@dataclass(frozen=True)
class BalanceRule:
    """``[balance]`` of relations.toml: a balance (结余/结转) is the income before it less the spending before it,
    a shortfall (缺口) the spending less the income."""

    cue: regex.Pattern[str]  # matched at the end of the balance's clause
    excluded: tuple[str, ...]  # a stock or an income item, no balance (滚存, 上年结余收入)
    settled: tuple[str, ...]  # before it in its statement: the balance of the year whatever its name (收支相抵)
    income: tuple[str, ...]
    spending: tuple[str, ...]
    totals: tuple[str, ...]  # an operand named a total (支出总计) first
    statements: int  # how many full sentences back the operands may stand
    deficit: regex.Pattern[str] | None = None  # a shortfall (缺口): the spending less the income
    balanced: tuple[str, ...] = ()  # a statement saying the books balance (收支相抵平衡)
    minus: tuple[str, ...] = ()  # before the balance in its statement: the figures after it are taken away (减去)


@dataclass(frozen=True)
class RateGapRule:
    """``[rate_gap]``: a growth compared with a wider area's (增速高于全州11.9个百分点)."""

    cue: regex.Pattern[str]  # at the end of the gap's clause; groups dir (高于/低于) and scope (全州)
    down: tuple[str, ...]  # the words of a gap below (低于, 慢于)
    bracketed: regex.Pattern[str] | None = None  # 高于全国（3.8%）: groups dir, scope, inner (the bracket's inside)
    named: regex.Pattern[str] | None = None  # 轻工业增速快于重工业: groups own, dir, other
    after: regex.Pattern[str] | None = None  # …增长20.4%，高于规模以上工业增速: groups dir, other


@dataclass(frozen=True)
class QuotientRule:
    """``[[quotient]]``: a plain quotient of two named figures stated as a bare number (城乡居民收入比为2.14 = 城镇居民
    人均可支配收入 / 农村居民人均可支配收入): group ``ratio`` of ``pattern`` is the stated number."""

    name: str
    pattern: regex.Pattern[str]
    numerator: tuple[str, ...]  # names the numerator's label ends with
    denominator: tuple[str, ...]
    scale: float = 1.0  # the quotient times this (性别比: men per 100 women)
    #: never firm: the statistic's own base may differ from the figure named (出生率 is over the year's average
    #: population, the text states the year-end's)
    loose: bool = False
    excluded: tuple[str, ...] = ()  # words a named figure's label must not hold (城镇常住人口 is no population's total)
    #: the base units of the numerator and the denominator when they differ (亩产: 吨 over 亩); "" : one family
    units: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class ContributionRule:
    """``[contribution]``: contributions to growth (拉动) that add up to the whole's growth."""

    cue: str  # in each contribution's clause
    complete: tuple[str, ...]  # words saying the parts are a complete set (三次产业)
    names: tuple[tuple[str, ...], ...]  # sets of part names that are one when all are written
    wholes: tuple[str, ...]  # words naming the whole whose growth they add up to (生产总值, GDP, 经济)
    paragraphs: int  # how many paragraphs back that growth may stand
    down_cue: str = ""  # a contribution taken away (下拉)
    measure_ends: tuple[str, ...] = ()  # what ends the measure named after the cue (增长, 增速): "" none read
    similar: float = 1.0  # share of the shorter name's characters, in order, that the whole's name must hold


@dataclass(frozen=True)
class TallyRule:
    """``[tally]``: how many of the items listed after a tally rose, fell or held (“5增2降”, “四升三降一平”)."""

    pattern: regex.Pattern[str]  # a tally, matched after an opening quote: two counts or more, each with its direction word
    step: regex.Pattern[str]  # one count (group n) and its direction word (group dir)
    up: tuple[str, ...]  # 增, 升, 涨
    down: tuple[str, ...]  # 降, 减, 跌
    flat: regex.Pattern[str] | None  # the words of an item that held (持平); None: none read
    whole: regex.Pattern[str]  # the count of all items at the end of the words before the tally (7个主要行业)


@dataclass(frozen=True)
class WordCountRule:
    """``[word_count]``: a count written as words right after the names it counts (正面、负面、限制“三张清单”)."""

    count: regex.Pattern[str]  # the count: groups count (the words shown) and n (the number)
    names: regex.Pattern[str]  # the names right before it, to the end of the text searched: group names
    min_items: int
    lead_words: tuple[str, ...] = ()  # words the first name's clause may open with, no part of the name (是指, 的)
    verb_ends: str = ""  # a last name ending in one of these is a verb's, the count its object (评定为二级)
    #: a slogan's count, matched right after an opening quote (面积和强度“双下降”): groups count and n; None: not read
    slogan: regex.Pattern[str] | None = None
    numerals: tuple[tuple[str, int], ...] = ()  # numerals no number parser reads (双 = 2)
    tail_words: tuple[str, ...] = ()  # words a last name may end with, the verb before a slogan (强度持续“双下降”)
    #: a count of the items listed after its colon, one figure each (八大类消费中：食品烟酒类下降0.8%，衣着类…): groups count
    #: and n; None: not read
    listed_after: regex.Pattern[str] | None = None


@dataclass(frozen=True)
class ExplainedSloganRule:
    """``[explained_slogan]``: a quoted slogan of counts (“一减两稳五增”) and the items its explanation lists per count."""

    slogan: regex.Pattern[str]  # the quoted slogan, its inner text group 1
    part: regex.Pattern[str]  # one count in it: groups n (the numeral) and word
    bracket: regex.Pattern[str]  # the words and open bracket right after the slogan (特点（)
    bracket_gap: int
    item_stops: str  # characters ending the items a count quoted with a colon lists
    joiners: tuple[str, ...]  # words joining two items (花生和烤烟)
    numerals: dict[str, int]  # numerals no number parser reads (双 = 2)


@dataclass(frozen=True)
class HeadingCountRule:
    """``[heading_count]``: a count announcing the numbered items after it (重点抓好八个方面工作。⏎（一）…（八））."""

    count: regex.Pattern[str]  # the count: groups count (the words shown) and n (the number)
    markers: tuple[regex.Pattern[str], ...]  # each numbered style, group n the number
    first: regex.Pattern[str]  # item 1 of any style
    max_tail: int  # a count with at most this many characters after it in its statement announces the run
    max_gap: int  # items further apart are two runs


@dataclass(frozen=True)
class Template:
    """A relation read from the wording of a full sentence (see ``relations.toml``)."""

    name: str
    relation: str
    check: str
    formula: str
    pattern: regex.Pattern[str]
    stated: str
    sign: str
    lookback: bool
    head: str = ""  # a group the pattern leaves out, read from the statement (see relations.toml)
    names: tuple[str, ...] = ()  # what the operands are, for the message (出生率, 死亡率); else the figures' names
    #: a sum whose parts claim to make up the total (else an open list: its parts only must not exceed it)
    exhaustive: bool = True
    #: what a message calls the stated figure (所列各项合计); else a sum's total by its name, other relations by ``name``
    cue: str = ""


@dataclass(frozen=True)
class RelationRules:
    """The cue words and templates of ``data/relations.toml``, compiled."""

    bound_qualifiers: frozenset[str]
    approx_qualifiers: frozenset[str]
    entity_units: frozenset[str]
    person_units: frozenset[str]
    prior_words: tuple[str, ...]
    target_words: tuple[str, ...]
    non_additive: tuple[str, ...]
    #: words of a level whose growth is stated at comparable prices (生产总值): never checked from current levels
    real_growth: tuple[str, ...]
    #: names of a target that say only "the target" (年度目标): it is the one stated in the same statement
    generic_targets: frozenset[str]
    rates: tuple[RateRule, ...]
    rate_link: regex.Pattern[str]
    completion: tuple[regex.Pattern[str], ...]
    share: tuple[regex.Pattern[str], ...]
    share_max: float
    share_drop: tuple[str, ...]
    share_external: tuple[str, ...]
    share_periods: regex.Pattern[str] | None
    share_listed: regex.Pattern[str]
    strong_sum: regex.Pattern[str]
    weak_sum: regex.Pattern[str]
    paragraph_part_markers: tuple[str, ...]  # ——小学。… ——初中。…: each paragraph one part
    names_parts: regex.Pattern[str] | None  # 高中段教育(包括普通高中和中职): the paragraphs after it, one per name
    flow_words: tuple[str, ...]  # 新增…: a label counting what is new, no part of a stock
    excluding_words: tuple[str, ...]  # 不含…: a figure left out of the whole before it, no part
    period_words: tuple[str, ...]  # 当月/累计: each item of a remote cue's list stated for two periods, one list each
    local_breakdown: tuple[regex.Pattern[str], ...]  # one pattern per cue (scanned one by one: rx_finditer_any)
    remote_breakdown: tuple[regex.Pattern[str], ...]
    #: openers of remote cues that list some parts of their whole, not all of them (在出口总额中，…)
    remote_open: tuple[str, ...]
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
    #: words naming a scope (全市, 市本级): one between two writings of a wording says they are of two scopes
    repeat_scopes: tuple[str, ...]
    partitions: tuple[frozenset[str], ...]
    #: words naming the whole each partition breaks down (partition_wholes[i] for partitions[i]; may be empty)
    partition_wholes: tuple[tuple[str, ...], ...]
    down_words: tuple[str, ...]
    templates: tuple[Template, ...]
    #: words of time opening a change's clause (``[words] time``: 今年本级安排比上年增加 names 本级安排), longest first
    time_words: tuple[str, ...] = ()
    #: table columns of levels for the later and the earlier period (本年 | 上年), besides two year columns
    table_later: tuple[str, ...] = ()
    table_earlier: tuple[str, ...] = ()
    #: a table column of shares (比重, 占比, 构成)
    table_share_words: tuple[str, ...] = ()
    #: the names of a table's last row that totals the rows above it (``[tables] total_rows``: 合计, 总计)
    table_total_rows: tuple[str, ...] = ()
    #: … and of a row that totals some of the rows above it (``[tables] subtotal_rows``: 小计): then no last row totals all
    table_subtotal_rows: tuple[str, ...] = ()
    #: a table's columns of a row's completion rate, its target and its actual (``[tables] completion_columns``,
    #: ``target_columns``, ``actual_columns``: 完成预算% = 决算数 / 预算数)
    table_completions: tuple[str, ...] = ()
    table_targets: tuple[str, ...] = ()
    table_actuals: tuple[str, ...] = ()
    #: balances (结余 = 收入 − 支出, ``[balance]``); None: not read
    balance: BalanceRule | None = None
    #: ceilings: (limit word, level word, words ignored after either) — a level named like a stated limit stays
    #: within it (余额 ≤ 限额)
    ceilings: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    #: a full sentence opening with a plus word (加上…, not 加强…) adds its figures to the first value of the one
    #: before; one opening with a name and a plus word adds them to the value that name names (``[sum]``)
    plus_opener: regex.Pattern[str] | None = None
    #: the plus words of two characters or more (加上, 再加上): after a sum's last figure, one says the total holds items
    #: with no figure of their own (加上转移支付…等转移性收入，收入总量为…)
    plus_words: tuple[str, ...] = ()
    named_plus: regex.Pattern[str] | None = None
    #: labels that only say "achieved": named after the target right before them (实际完成 after 年初预算…)
    actual_labels: frozenset[str] = frozenset()
    #: words in a growth's clause saying its base is last year's achieved level (比上年完成数增长2%)
    actual_bases: tuple[str, ...] = ()
    #: words a label ends with that say a value is planned (收入安排195.57亿元): a plan's level and last year's of the
    #: same name are one measure in two years
    plan_labels: tuple[str, ...] = ()
    #: local breakdown cues that say the list after them is all of the whole (分别为：, 其构成是：)
    complete_cues: tuple[str, ...] = ()
    #: cues that say what the figure right before them is (``[breakdown] adjacent_cues``: 具体为): that figure is the whole
    adjacent_cues: tuple[str, ...] = ()
    #: words that open an item's own breakdown inside a list (一是利润收入13500万元，主要是东楚集团5880万元、…)
    nested_cues: tuple[str, ...] = ()
    #: a colon's clause saying the numbered paragraphs after it are all of its figure (具体情况是：)
    colon_complete: tuple[str, ...] = ()
    #: words naming the span a figure covers (当月, 累计): a 其中 restating a sentence's spans for a part pairs them by span
    span_words: tuple[str, ...] = ()
    #: words that each say "this year's" (年度, 年内, 全年): the first stands for all when a target's name is matched
    year_words: tuple[str, ...] = ()
    #: change rates that are weighted means of a partition's members' (a price index: ``[partition_mean] firm_rates``)
    mean_rates: tuple[str, ...] = ()
    #: restated values: significant digits, or characters of name in common, that make two equal values one
    #: figure written twice (0: not read)
    restated_digits: int = 0
    restated_name_chars: int = 0
    #: rates named by the figure before them (核减11.2亿元，核减率45.7%): how many last characters of the rate's
    #: word (核减) that figure's words must hold (0: not read)
    word_rate_key: int = 0
    #: a growth compared with a wider area's (增速高于全州11.9个百分点, ``[rate_gap]``); None: not read
    rate_gap: RateGapRule | None = None
    #: contributions to growth (拉动, ``[contribution]``); None: not read
    contribution: ContributionRule | None = None
    #: tallies of directions (“5增2降”, ``[tally]``); None: not read
    tally: TallyRule | None = None
    #: words a label ends with that say what is measured (利润, 收入): a lone part measuring another is no part
    measure_words: tuple[str, ...] = ()
    #: counts written as words after the names they count (``[word_count]``); None: not read
    word_count: WordCountRule | None = None
    #: a ranking's first few (前三位的是…, ``[top_list]`` pattern: groups count and n); None: not read
    top_list: regex.Pattern[str] | None = None
    #: slogans of counts explained after them (“一减两稳五增”（“一减”：…）): ``[explained_slogan]``
    explained_slogan: ExplainedSloganRule | None = None
    #: counts announcing the numbered items after them (``[heading_count]``); None: not read
    heading_count: HeadingCountRule | None = None
    #: qualifiers of a bound restating a value stated exactly elsewhere (突破150亿元: ``[restated_bound]``)
    bound_floors: tuple[str, ...] = ()
    bound_ceilings: tuple[str, ...] = ()
    #: verbs right before a figure that make it a floor passed (跃上2万亿元新台阶): ``[restated_bound] floor_verbs``
    bound_floor_verbs: tuple[str, ...] = ()
    #: rates whose formula is written in brackets before them (保险深度（保费收入/GDP）3.73%), ``[formula_rate]``
    formula_rate: regex.Pattern[str] | None = None
    #: per-head figures (每万人口发明专利拥有量10.52件): the words saying how many people each is per, and the words
    #: naming a population (``[per_head]``)
    per_head: tuple[tuple[str, float], ...] = ()
    people_words: tuple[str, ...] = ()
    #: allocations (1510亿元，362亿元用于…，61亿元用于其他): the verb after each part, and what the last part of all is
    #: used for (``[allocation]``); "": not read
    allocation_verb: str = ""
    allocation_rest: tuple[str, ...] = ()
    #: names standing for several parts in order, in shares stated respectively (三次产业 -> 第一产业, 第二产业, 第三产业)
    share_collective: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: words that say a figure is a total of what the rest of its name measures (出口总额: 出口; ``[breakdown]
    #: total_words``)
    total_words: tuple[str, ...] = ()
    #: what may follow a collective name (三次产业) up to the structure ratio it states (结构比为9.6:30.8:59.6), the
    #: ratio as group ``ratio`` (``[structure_ratio]``); None: not read
    structure_ratio: regex.Pattern[str] | None = None
    #: a ratio named by any word of a structure (粮经饲比例将调整为60∶26∶14), as group ``ratio``: read against the breakdown
    #: right before it (``[structure_ratio] of_breakdown``); None: not read
    breakdown_ratio: regex.Pattern[str] | None = None
    #: a multiple's wording (``[multiple] pattern``, groups base and n); None: not read
    multiple: regex.Pattern[str] | None = None
    quotients: tuple[QuotientRule, ...] = ()
    #: (state verbs, words that may stand before them): counts named by a verb after a count of one unit
    #: (``[state_subset]``: 开工31个 after 项目38个); None: not read
    state_subset: tuple[frozenset[str], tuple[str, ...]] | None = None
    #: (words of a balance taken in from the year before, words of one carried out of a year): ``[carry_over]``
    carry_over: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    #: figures named as what one thing exceeds another by (顺差 = 出口 - 进口: ``[[named_difference]]``)
    named_differences: tuple[NamedDifference, ...] = ()
    #: (smaller names, larger names) of figures one bounds by what they measure (``[[named_bound]]``: 增加值 within
    #: 总产值), and the words of their names that say nothing of what is measured (``[named_bounds] plain_words``)
    named_bounds: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    named_bound_plain: tuple[str, ...] = ()
    #: words after a share's named whole saying it holds for the shares below (（下同）: ``[share] same_below``)
    share_same_below: tuple[str, ...] = ()
    #: a completion of "the budget" (为预算的97.23%) read against a budget stated before it in other words
    #: (``[completion.budget]``): the names of the budget, the words marking a figure as one, the fund names that
    #: hold 预算 without being one, the measures a budget and its execution must share
    budget_names: frozenset[str] = frozenset()
    budget_words: tuple[str, ...] = ()
    budget_funds: tuple[str, ...] = ()
    budget_measures: tuple[str, ...] = ()
    #: the words before a colon that make the figures listed after it in its statement targets, and the words that
    #: say they were done instead (``[figures] target_list``, ``target_list_not``)
    target_list: regex.Pattern[str] | None = None
    target_list_not: tuple[str, ...] = ()
    #: an average yearly growth whose clause names no years (``[cagr]``): the span of years stated before it (groups
    #: y0, y1), the period words naming how many years (过去五年: 5), and how many characters back both are looked for
    cagr_span: regex.Pattern[str] | None = None
    cagr_periods: tuple[tuple[str, int], ...] = ()
    cagr_look_back: int = 0
    #: the word of paragraphs of parallel average growths over one span stated before them (年均)
    cagr_parallel_word: str = ""
    #: classifications whose classes do not overlap (``[[classification]]``: 税种, 支出功能分类, 运输方式 …, and the
    #: partitions' names): an open list naming one class of one of them per part cannot exceed its whole
    classifications: tuple[tuple[str, ...], ...] = ()
    #: a part naming what is left (其他收入, 其它作物) is disjoint from the named ones in every classification
    rest_words: tuple[str, ...] = ()
    #: places of one administrative level (``[breakdown] place_levels``: 镇/乡/街道 …): parts named each by another
    #: place of one level (罗阳镇3家、竹里畲族乡1家) cannot overlap
    place_levels: tuple[tuple[str, ...], ...] = ()
    #: what a place's name may not open with (全县, 本市, 各乡镇: no one place) or end with (乡村, 小镇: a kind of place)
    place_not_openers: tuple[str, ...] = ()
    place_not_ends: tuple[str, ...] = ()
    #: what names a government's own share beside the places under it (``[breakdown] place_own``: 市直, 市级, 本级)
    place_own: tuple[str, ...] = ()
    #: a kind a part's name opens with: a few Chinese characters up to a kind word (``[breakdown] kind_words``: 基本生活类);
    #: parts each opening with another kind cannot overlap
    kind: regex.Pattern[str] | None = None

    def disjoint(self, names: Sequence[str]) -> bool:
        """Whether ``names`` name distinct classes of one known classification (增值税 / 企业所得税 / 其他收入), or
        distinct places of one administrative level (罗阳镇 / 竹里畲族乡 / 泗溪镇; divisions in the gazetteer: 市直 /
        黄石港区 / 西塞山区), so that what they count cannot overlap.

        >>> from summary_mining.figure_relations import relation_rules
        >>> r = relation_rules()
        >>> r.disjoint(["罗阳镇", "竹里畲族乡", "泗溪镇"]), r.disjoint(["罗阳镇", "全县"]), r.disjoint(["甲县", "乙镇"])
        (True, False, False)
        """
        return len(names) > 1 and (any(classes_named(c, names, self.rest_words) for c in self.classifications)
                                   or self._places(names) or self._divisions(names) or self._kinds(names))

    def _kinds(self, names: Sequence[str]) -> bool:
        """Each of ``names`` opens with a kind of its own, a word ending with a kind word (基本生活类商品 / 交通类商品 /
        居住类商品: 基本生活类, 交通类, 居住类), no two the same.

        >>> from summary_mining.figure_relations import relation_rules
        >>> r = relation_rules()
        >>> r._kinds(["基本生活类商品实现零售额", "交通类商品实现零售额"]), r._kinds(["交通类商品", "交通类商品"])
        (True, False)
        """
        if self.kind is None:
            return False
        kinds = [m.group() if (m := self.kind.match(n)) else None for n in names]
        return all(kinds) and len(set(kinds)) == len(kinds)

    def disjoint_parts(self, names: Sequence[str]) -> bool:
        """Whether the names of a list's parts say they cannot overlap: distinct classes or places (:meth:`disjoint`), or a
        class and its complement (:func:`complementary`: 油经济 / 非油经济)."""
        return self.disjoint(names) or complementary(names)

    def disjoint_groups(self, names: Sequence[str], whole: str = "") -> list[list[int]]:
        """The indices of ``names`` that name distinct classes of one known classification, two or more, per classification
        (a list may go on past them: 博士生…、硕士研究生…、本科生…、大专生…、成人本专科生… — the first four cannot overlap);
        none of a classification ``whole`` names a class of (生猪存栏…，其中能繁母猪…；菜牛…；肉羊…: the 牛 and 羊 are no
        parts of the 猪).

        >>> from summary_mining.figure_relations import relation_rules
        >>> r = relation_rules()
        >>> r.disjoint_groups(["博士生", "硕士研究生", "在职人员"]), r.disjoint_groups(["博士生", "硕士研究生"], "本科生")
        ([[0, 1]], [])
        """
        out = []
        for classes in self.classifications:
            if whole and any(c in whole for c in classes):
                continue
            found = [(k, class_named(classes, n)) for k, n in enumerate(names)]
            found = [(k, c) for k, c in found if c is not None]
            if len(found) > 1 and len({c for _, c in found}) == len(found):
                out.append([k for k, _ in found])
        return out

    def _places(self, names: Sequence[str]) -> bool:
        """Each of ``names`` is one place's name (at most 10 characters, no digit) ending with a suffix of one level,
        and no two are the same."""
        levels = [next((k for k, level in enumerate(self.place_levels) if n.endswith(level)), None) for n in names]
        return (levels[0] is not None and len(set(levels)) == 1 and len(set(names)) == len(names)
                and all(2 < len(n) <= 10 and not n.startswith(self.place_not_openers) and not n.endswith(self.place_not_ends)
                        and not any(c.isdigit() for c in n) for n in names))

    def _divisions(self, names: Sequence[str]) -> bool:
        """Each of ``names`` ends with the full name of another division of one level in the gazetteer (after at most
        :data:`DIVISION_PREFIX` characters: 开发区·铁山区), but for one naming the government's own share (市直, 市级).

        >>> from summary_mining.figure_relations import relation_rules
        >>> r = relation_rules()
        >>> r.disjoint(["市直", "开发区·铁山区", "黄石港区", "西塞山区"]), r.disjoint(["大冶市", "大冶市"]), r.disjoint(["市直", "市级"])
        (True, False, False)
        >>> r.disjoint(["市级债务限额", "大冶市债务限额", "阳新县债务限额"]), r.disjoint(["排在前三位的是岑溪市", "万秀区", "藤县"])
        (True, True)
        >>> r.disjoint(["黄石港区", "西塞山区", "下陆区"])
        True
        """
        if self._division_set(names):
            return True
        shared = min(common_suffix(names[0], n) for n in names[1:])  # (市级债务限额 / 大冶市债务限额: the measure)
        return shared >= 2 and all(len(n) > shared for n in names) and self._division_set([n[:len(n) - shared] for n in names])

    def _division_set(self, names: Sequence[str]) -> bool:
        gaz = gazetteer()
        levels: set[str] | None = None
        seen: set[str] = set()
        own = 0
        for n in names:
            if n in self.place_own:
                own += 1
                continue
            if any(c.isdigit() for c in n):
                return False
            n = n[max(n.rfind("是"), n.rfind("为")) + 1:]  # (排在前三位的是岑溪市: the words before 是 name no place)
            found = next((rs for i in range(min(DIVISION_PREFIX, len(n) - 2) + 1) if (rs := gaz.named(n[i:]))), None)
            if found is None or found[0].code in seen:
                return False
            seen.add(found[0].code)
            levels = {r.level for r in found} if levels is None else levels & {r.level for r in found}
            if not levels:
                return False
        return own <= 1 and len(seen) >= 2 - own

    def partition_named(self, names: Sequence[str]) -> int | None:
        """The index of the known partition ``names`` are one complete set of (城镇/乡村), else None."""
        return next((k for k, ps in enumerate(self.partitions) if names_partition(ps, names)), None)

    def names_whole(self, k: int, name: str) -> bool:
        """Whether ``name`` names the whole partition ``k`` breaks down (生产总值 for 第一/二/三产业; with 总 left out:
        公共财政预算总收入 for 税收收入 / 非税收入)."""
        if k >= len(self.partition_wholes):
            return False
        plain = name.replace(TOTAL_CHAR, "", 1)
        return any(w in name or w in plain for w in self.partition_wholes[k])

    def may_be_whole(self, k: int, name: str) -> bool:
        """Whether partition ``k`` may break down what ``name`` names: any whole when it names none (城镇/农村), else
        one it names (一般债券/专项债券 make up 新增债券, not 到位各类项目资金 of which they are a part)."""
        return not (k < len(self.partition_wholes) and self.partition_wholes[k]) or self.names_whole(k, name)


#: The word that names a class's complement (公有制经济 / 非公有制经济).
_NOT = "非"


def complementary(names: Sequence[str]) -> bool:
    """Two names of which one is the other's complement: the same words with 非 before what the other names, past a
    common opening (油经济 / 非油经济; 全市国有投资 / 全市非国有投资; 国有及国有控股投资 / 非国有投资: what 非 negates opens
    the other name, and they end alike) — a class and the rest, which cannot overlap.

    >>> complementary(["油经济实现增加值", "非油经济实现增加值"]), complementary(["国有及国有控股投资完成", "非国有投资完成"])
    (True, True)
    >>> complementary(["非税收入", "税收收入"]), complementary(["国有投资", "民间投资"]), complementary(["非油经济", "非公经济"])
    (True, False, False)
    """
    if len(names) != 2:
        return False
    a, b = names
    if b.count(_NOT) < a.count(_NOT):
        a, b = b, a
    k = b.find(_NOT)
    if k < 0 or a.count(_NOT) or not b.startswith(a[:k]):
        return False
    rest, head = b[k + 1:], a[k:]  # (after 非, and the other past the common opening)
    tail = 0
    while tail < min(len(rest), len(head)) - 1 and rest[-1 - tail] == head[-1 - tail]:
        tail += 1
    negated = rest[:len(rest) - tail]  # what 非 negates (油, 国有), before the words both end with
    return bool(negated) and head.startswith(negated)


def names_partition(partition: frozenset[str], names: Sequence[str]) -> bool:
    """``names`` are one of each of ``partition``'s names (a known partition: 城镇/乡村, 第一/二/三产业).

    >>> names_partition(frozenset({"城镇", "乡村"}), ["其中：城镇人口", "乡村人口"]), names_partition(frozenset({"城镇", "乡村"}), ["城镇"])
    (True, False)
    """
    return len(names) == len(partition) and {n for n in partition for x in names if n in x} == partition


#: The character that says a name is of a total (公路总里程, 协议投资总额), left out when names are matched loosely.
TOTAL_CHAR = "总"


def common_suffix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` end alike (出口总额, 进口总额: 3)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def class_named(classes: Sequence[str], name: str) -> str | None:
    """The one class of ``classes`` that ``name`` names (the longest written in it: 土地增值税 is not 增值税),
    None when it names none or two.

    >>> class_named(("增值税", "土地增值税", "契税"), "土地增值税收入"), class_named(("增值税", "契税"), "增值税和契税")
    ('土地增值税', None)
    """
    found = [c for c in classes if c in name]
    found = [c for c in found if not any(c != o and c in o for o in found)]
    return found[0] if len(found) == 1 else None


def classes_named(classes: Sequence[str], names: Sequence[str], rest: Sequence[str] = ()) -> bool:
    """Each of ``names`` names another class of ``classes`` (or what is left: ``rest``, at most once).

    >>> t = ("铁路", "公路", "水路", "航空")
    >>> classes_named(t, ["铁路客运量", "公路客运量", "航空客运量"]), classes_named(t, ["铁路", "铁路客运"])
    (True, False)
    >>> classes_named(t, ["铁路", "公路", "其他"], ("其他",)), classes_named(t, ["铁路", "公路", "私营"], ("其他",))
    (True, False)
    """
    seen: set[str] = set()
    for name in names:
        c = class_named(classes, name)
        if c is None:
            c = next((r for r in rest if r in name), None)
        if c is None or c in seen:
            return False
        seen.add(c)
    return True


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _words(ws: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(ws, key=len, reverse=True))


def _named_bound(i: int, b: dict, src: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = tuple(tuple(str(w) for w in b.get(k, ())) for k in ("smaller", "larger"))
    if not all(names) or not all(w for ws in names for w in ws):
        raise RuleError(f"{src}: named_bound[{i}]: smaller and larger are lists of one non-empty name or more")
    return names[0], names[1]


def _classes(i: int, c: dict, src: str) -> tuple[str, ...]:
    classes = tuple(str(w) for w in c.get("classes", ()))
    if len(classes) < 2 or len(set(classes)) < len(classes) or not all(classes):
        raise RuleError(f"{src}: classification[{i}].classes: two or more distinct, non-empty class names")
    return classes


def _template(i: int, t: dict, macros: dict[str, str], src: str) -> Template:
    where = f"template[{i}]"
    raw = str(t["pattern"])
    for k, v in macros.items():
        raw = raw.replace("{" + k + "}", v)
    pattern = compile_pattern(raw, src, f"{where}.pattern")
    stated = str(t.get("stated", "stated"))
    if stated not in pattern.groupindex:
        raise RuleError(f"{src}: {where}.pattern: must capture the stated figure as (?P<{stated}>...)")
    formula = str(t["formula"])
    if formula not in ("growth", "growth_by_difference", "difference", "at_least", "sum", "cagr"):
        raise RuleError(f"{src}: {where}.formula: unknown formula {formula!r}")
    head = str(t.get("head", ""))
    if head and head in pattern.groupindex:
        raise RuleError(f"{src}: {where}.head: {head!r} is read from the statement, the pattern must not capture it")
    return Template(str(t.get("name", where)), str(t["relation"]), str(t.get("check", t["relation"])), formula,
                    pattern, stated, str(t.get("sign", "")), bool(t.get("lookback", False)), head,
                    tuple(str(n) for n in t.get("names", ())), bool(t.get("exhaustive", True)), str(t.get("cue", "")))


@lru_cache(maxsize=4)
def relation_rules(path: str = "relations.toml") -> RelationRules:
    """Load and compile the relation rules (cached: compiled once per process)."""
    return rules_from(path, _compile)


def _compile(d: dict, src: str) -> RelationRules:
    fig, enum, bal = d["figures"], d["enumeration"], d.get("balance", {})
    noun = r"[^\s，,。；;：:（()）、\d]"  # one character of a noun: no punctuation, no digit
    item = rf"[^\s{regex.escape(enum['separators'])}]"
    max_item = int(enum["max_item_chars"])
    rates = tuple(RateRule(r["name"], tuple(r["numerator"]), r.get("numerator_name", r["numerator"][0]),
                           tuple(r["denominator"]), r.get("denominator_name", r["denominator"][0]),
                           r.get("family", "count"), r.get("max"), bool(r.get("base_is_target", False)),
                           str(r.get("check", "rate")), tuple(r.get("numerator_parts", ())),
                           bool(r.get("unverifiable_when_missing", True)), bool(r.get("numerator_in_paragraph", False)),
                           tuple(r.get("numerator_excluded", ())), bool(r.get("loose", False)))
                  for r in sorted(d.get("rate", []), key=lambda r: len(r["name"]), reverse=True))
    links = _alternation(regex.escape(w) for w in d["rate_links"]["words"])
    words = d.get("words", {})
    macros = {**MACROS, "PRIOR": _words(words.get("prior", [])), "UP": _words(words.get("up", [])),
              "DOWN": _words(words.get("down", []))}

    def pats(key: str, ps: list[str]) -> tuple[regex.Pattern[str], ...]:
        return tuple(compile_pattern(p, src, f"{key}[{i}]") for i, p in enumerate(ps))

    openers = sorted((str(w) for w in d["sum"].get("plus_openers", ())), key=len, reverse=True)
    not_before = regex.escape(str(d["sum"].get("plus_not_before", "")))
    plus = (f"(?:{_words(openers)})" + (f"(?![{not_before}])" if not_before else "")) if openers else ""
    budget = d["completion"].get("budget", {})
    return RelationRules(
        bound_qualifiers=frozenset(fig["bound_qualifiers"]),
        approx_qualifiers=frozenset(fig["approx_qualifiers"]),
        entity_units=frozenset(fig["entity_units"]),
        person_units=frozenset(fig.get("person_units", ())),
        prior_words=tuple(sorted(words.get("prior", ()), key=len, reverse=True)),
        target_words=tuple(fig["target_words"]),
        actual_labels=frozenset(fig.get("actual_labels", ())),
        actual_bases=tuple(str(w) for w in fig.get("actual_bases", ())),
        plan_labels=tuple(str(w) for w in fig.get("plan_labels", ())),
        non_additive=tuple(fig.get("non_additive_words", ())),
        real_growth=tuple(fig.get("real_growth_words", ())),
        generic_targets=frozenset(fig.get("generic_targets", ())),
        rates=rates,
        rate_link=compile_pattern(f"(?:{links})$", src, "rate_links"),
        completion=pats("completion.patterns", d["completion"]["patterns"]),
        share=pats("share.patterns", d["share"]["patterns"]),
        share_max=float(d["share"].get("max", 100)),
        share_drop=tuple(sorted(d["share"].get("drop_words", []), key=len, reverse=True)),
        share_external=tuple(d.get("share_external", {}).get("wholes", [])),
        share_periods=compile_pattern(d["share"]["periods"], src, "share.periods") if d["share"].get("periods") else None,
        share_listed=compile_pattern(d["share"].get("listed", "(?!)"), src, "share.listed"),
        strong_sum=compile_pattern(_alternation(d["sum"]["strong"]), src, "sum.strong"),
        weak_sum=compile_pattern(_alternation(d["sum"]["weak"]), src, "sum.weak"),
        paragraph_part_markers=tuple(d["breakdown"].get("paragraph_part_markers", ())),
        names_parts=compile_pattern(d["breakdown"]["names_parts"], src, "breakdown.names_parts")
        if d["breakdown"].get("names_parts") else None,
        flow_words=tuple(str(w) for w in d["breakdown"].get("flow_words", ())),
        excluding_words=tuple(str(w) for w in d["breakdown"].get("excluding_words", ())),
        period_words=tuple(str(w) for w in d["breakdown"].get("period_words", ())),
        measure_words=tuple(sorted((str(w) for w in d["breakdown"].get("measure_words", ())), key=len, reverse=True)),
        # the longest cue first at one position, as their alternation tried them
        local_breakdown=pats("breakdown.local", sorted(d["breakdown"]["local"], key=len, reverse=True)),
        remote_breakdown=pats("breakdown.remote", sorted(d["breakdown"]["remote"], key=len, reverse=True)),
        remote_open=tuple(str(w) for w in d["breakdown"].get("remote_open", ())),
        complete_cues=tuple(str(w) for w in d["breakdown"].get("complete_cues", ())),
        adjacent_cues=tuple(str(w) for w in d["breakdown"].get("adjacent_cues", ())),
        nested_cues=tuple(str(w) for w in d["breakdown"].get("nested_cues", ())),
        colon_complete=tuple(str(w) for w in d["breakdown"].get("colon_complete", ())),
        span_words=tuple(str(w) for w in d["breakdown"].get("span_words", ())),
        year_words=tuple(str(w) for w in d["completion"].get("year_words", ())),
        mean_rates=tuple(str(w) for w in d.get("partition_mean", {}).get("firm_rates", ())),
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
        repeat_scopes=tuple(str(w) for w in d["repeat"].get("scopes", ())),
        restated_digits=int(d["repeat"].get("restated_digits", 0)),
        restated_name_chars=int(d["repeat"].get("restated_name_chars", 0)),
        partitions=tuple(frozenset(p["names"]) for p in d.get("partition", [])),
        partition_wholes=tuple(tuple(str(w) for w in p.get("wholes", [])) for p in d.get("partition", [])),
        classifications=tuple(_classes(i, c, src) for i, c in enumerate(d.get("classification", [])))
        + tuple(tuple(sorted(p["names"])) for p in d.get("partition", [])),
        rest_words=tuple(str(w) for w in d.get("breakdown", {}).get("rest_words", ())),
        place_levels=tuple(tuple(str(w) for w in level) for level in d.get("breakdown", {}).get("place_levels", ())),
        place_not_openers=tuple(str(w) for w in d.get("breakdown", {}).get("place_not_openers", ())),
        place_not_ends=tuple(str(w) for w in d.get("breakdown", {}).get("place_not_ends", ())),
        place_own=tuple(str(w) for w in d.get("breakdown", {}).get("place_own", ())),
        kind=compile_pattern(rf"\p{{Han}}{{1,8}}?(?:{_words(str(w) for w in kinds)})", src, "breakdown.kind_words")
        if (kinds := d.get("breakdown", {}).get("kind_words")) else None,
        down_words=tuple(words.get("down", [])),
        time_words=tuple(sorted((str(w) for w in words.get("time", [])), key=len, reverse=True)),
        templates=tuple(_template(i, t, macros, src) for i, t in enumerate(d.get("template", []))),
        table_later=tuple(str(w) for w in d.get("tables", {}).get("later", ())),
        table_earlier=tuple(str(w) for w in d.get("tables", {}).get("earlier", ())),
        table_share_words=tuple(str(w) for w in d.get("tables", {}).get("share_words", ())),
        table_total_rows=tuple(str(w) for w in d.get("tables", {}).get("total_rows", ())),
        table_subtotal_rows=tuple(str(w) for w in d.get("tables", {}).get("subtotal_rows", ())),
        table_completions=tuple(str(w) for w in d.get("tables", {}).get("completion_columns", ())),
        table_targets=tuple(str(w) for w in d.get("tables", {}).get("target_columns", ())),
        table_actuals=tuple(str(w) for w in d.get("tables", {}).get("actual_columns", ())),
        balance=BalanceRule(compile_pattern(bal["cue"], src, "balance.cue"),
                            *(tuple(str(w) for w in bal.get(k, ())) for k in ("excluded", "settled", "income", "spending", "totals")),
                            int(bal.get("statements", 3)),
                            compile_pattern(bal["deficit"], src, "balance.deficit") if bal.get("deficit") else None,
                            tuple(str(w) for w in bal.get("balanced", ())),
                            tuple(str(w) for w in bal.get("minus", ())))
        if bal.get("cue") else None,
        plus_opener=compile_pattern(f"\\s*{plus}", src, "sum.plus_openers") if plus else None,
        plus_words=tuple(w for w in openers if len(w) >= 2),
        named_plus=compile_pattern(f"\\s*([^\\s，,。；;：:、0-9]{{2,16}}?){plus}", src, "sum.plus_openers") if plus else None,
        ceilings=tuple((str(c["limit"]), str(c["level"]), tuple(str(w) for w in c.get("ignore", ())))
                       for c in d.get("ceiling", [])),
        word_rate_key=int(d.get("word_rate", {}).get("key_chars", 0)),
        rate_gap=RateGapRule(compile_pattern(g["cue"], src, "rate_gap.cue"), tuple(str(w) for w in g.get("down", ())),
                             compile_pattern(g["bracketed"], src, "rate_gap.bracketed") if g.get("bracketed") else None,
                             compile_pattern(g["named"], src, "rate_gap.named") if g.get("named") else None,
                             compile_pattern(g["after"], src, "rate_gap.after") if g.get("after") else None)
        if (g := d.get("rate_gap", {})).get("cue") else None,
        contribution=ContributionRule(str(c["cue"]), tuple(str(w) for w in c.get("complete", ())),
                                      tuple(tuple(str(w) for w in ns) for ns in c.get("names", ())),
                                      tuple(str(w) for w in c.get("wholes", ())), int(c.get("paragraphs", 2)),
                                      str(c.get("down_cue", "")), tuple(str(w) for w in c.get("measure_ends", ())),
                                      float(c.get("similar", 1.0)))
        if (c := d.get("contribution", {})).get("cue") else None,
        tally=_tally(d["tally"], src) if d.get("tally", {}).get("numeral") else None,
        word_count=_word_count(d["word_count"], src) if d.get("word_count", {}).get("count") else None,
        heading_count=_heading_count(d["heading_count"], src) if d.get("heading_count", {}).get("count") else None,
        top_list=compile_pattern(str(t), src, "top_list.pattern") if (t := d.get("top_list", {}).get("pattern")) else None,
        explained_slogan=ExplainedSloganRule(
            compile_pattern(str(e["slogan"]), src, "explained_slogan.slogan"),
            compile_pattern(str(e["part"]), src, "explained_slogan.part"),
            compile_pattern(str(e["bracket"]), src, "explained_slogan.bracket"), int(e.get("bracket_gap", 8)),
            str(e.get("item_stops", "；;。）)")), tuple(str(w) for w in e.get("joiners", ())),
            {str(k): int(v) for k, v in e.get("numerals", {}).items()})
        if (e := d.get("explained_slogan", {})).get("slogan") else None,
        bound_floors=tuple(str(w) for w in d.get("restated_bound", {}).get("floors", ())),
        bound_ceilings=tuple(str(w) for w in d.get("restated_bound", {}).get("ceilings", ())),
        bound_floor_verbs=tuple(str(w) for w in d.get("restated_bound", {}).get("floor_verbs", ())),
        formula_rate=compile_pattern(f, src, "formula_rate.pattern") if (f := d.get("formula_rate", {}).get("pattern")) else None,
        per_head=tuple(sorted(((str(k), float(v)) for k, v in d.get("per_head", {}).get("per", {}).items()),
                              key=lambda kv: len(kv[0]), reverse=True)),
        people_words=tuple(str(w) for w in d.get("per_head", {}).get("people", ())),
        allocation_verb=str(d.get("allocation", {}).get("verb", "")),
        allocation_rest=tuple(str(w) for w in d.get("allocation", {}).get("rest", ())),
        share_collective=tuple((str(k), tuple(str(n) for n in v))
                               for k, v in d["share"].get("respective", {}).get("collective", {}).items()),
        total_words=tuple(str(w) for w in d["breakdown"].get("total_words", ())),
        structure_ratio=_structure_ratio(d["structure_ratio"], src) if d.get("structure_ratio", {}).get("pattern") else None,
        breakdown_ratio=_structure_ratio(d["structure_ratio"], src, "of_breakdown")
        if d.get("structure_ratio", {}).get("of_breakdown") else None,
        multiple=compile_pattern(d["multiple"]["pattern"], src, "multiple.pattern") if d.get("multiple", {}).get("pattern")
        else None,
        quotients=tuple(_quotient(q, src) for q in d.get("quotient", [])),
        state_subset=(frozenset(str(w) for w in ss["verbs"]), tuple(str(w) for w in ss.get("adverbs", ())))
        if (ss := d.get("state_subset", {})).get("verbs") else None,
        carry_over=(tuple(str(w) for w in c["into"]), tuple(str(w) for w in c["out_of"]))
        if (c := d.get("carry_over", {})).get("into") else None,
        named_differences=tuple(NamedDifference(str(n["name"]), *(tuple(str(w) for w in n.get(k, ()))
                                                                   for k in ("minuend", "subtrahend", "excluded")),
                                                bool(n.get("subtrahend_target", False)))
                                for n in d.get("named_difference", [])),
        named_bounds=tuple(_named_bound(i, b, src) for i, b in enumerate(d.get("named_bound", []))),
        named_bound_plain=tuple(sorted((str(w) for w in d.get("named_bounds", {}).get("plain_words", ())),
                                       key=len, reverse=True)),
        share_same_below=tuple(str(w) for w in d["share"].get("same_below", ())),
        budget_names=frozenset(str(w) for w in budget.get("names", ())),
        budget_words=tuple(str(w) for w in budget.get("words", ())),
        budget_funds=tuple(sorted((str(w) for w in budget.get("funds", ())), key=len, reverse=True)),
        budget_measures=tuple(str(w) for w in budget.get("measures", ())),
        cagr_span=compile_pattern(str(cg["span"]), src, "cagr.span") if (cg := d.get("cagr", {})).get("span") else None,
        cagr_periods=tuple(sorted(((str(k), int(v)) for k, v in d.get("cagr", {}).get("periods", {}).items()),
                                  key=lambda kv: len(kv[0]), reverse=True)),
        cagr_look_back=int(d.get("cagr", {}).get("look_back", 0)),
        cagr_parallel_word=str(d.get("cagr", {}).get("parallel_word", "")),
        target_list=compile_pattern(str(fig["target_list"]), src, "figures.target_list") if fig.get("target_list") else None,
        target_list_not=tuple(str(w) for w in fig.get("target_list_not", ())),
    )


def _quotient(q: dict, src: str) -> QuotientRule:
    for key in ("name", "pattern", "numerator", "denominator"):
        if not q.get(key):
            raise RuleError(f"{src}: quotient {q.get('name', '?')}: {key} missing")
    return QuotientRule(str(q["name"]), compile_pattern(str(q["pattern"]), src, f"quotient.{q['name']}.pattern"),
                        tuple(str(w) for w in q["numerator"]), tuple(str(w) for w in q["denominator"]),
                        float(q.get("scale", 1.0)), bool(q.get("loose", False)), tuple(str(w) for w in q.get("excluded", ())),
                        (str(q.get("numerator_unit", "")), str(q.get("denominator_unit", ""))))


def _structure_ratio(r: dict, src: str, key: str = "pattern") -> regex.Pattern[str]:
    signs = regex.escape(str(r.get("signs", ":：∶")))  # (∶ U+2236, the ratio sign; ︰ U+FE30, its vertical form)
    # (each term may carry its percent sign: 30.5%:18.5%:51%)
    ratio = rf"[0-9]+(?:\.[0-9]+)?[%％]?(?:\s*[{signs}]\s*[0-9]+(?:\.[0-9]+)?[%％]?)+"
    return compile_pattern(str(r[key]).replace("{R}", ratio), src, f"structure_ratio.{key}")


def _word_count(w: dict, src: str) -> WordCountRule:
    name = str(w["name"])
    joiners = "".join(str(j) for j in w.get("last_joiners", ("和", "及", "与")))
    last = f"[、{regex.escape(joiners)}]" if joiners else "、"
    names = f"(?P<names>(?P<item>{name})(?:、(?P<item>{name}))*{last}(?P<item>{name}))[”\"’]?\\s*[“\"‘]?$"
    return WordCountRule(compile_pattern(str(w["count"]), src, "word_count.count"),
                         compile_pattern(names, src, "word_count.name"), int(w.get("min_items", 3)),
                         tuple(sorted((str(x) for x in w.get("lead_words", ())), key=len, reverse=True)),
                         "".join(str(x) for x in w.get("verb_ends", ())),
                         compile_pattern(str(w["slogan"]), src, "word_count.slogan") if w.get("slogan") else None,
                         tuple((str(k), int(v)) for k, v in w.get("numerals", {}).items()),
                         tuple(sorted((str(x) for x in w.get("tail_words", ())), key=len, reverse=True)),
                         compile_pattern(str(w["listed_after"]), src, "word_count.listed_after") if w.get("listed_after") else None)


#: The numbers a heading count's marker may carry ({CN}: 一…十三; {AR}: 1…99) and how item 1 writes them.
_MARKER_NUMBERS = {"{CN}": ("[一二三四五六七八九十]{1,3}", "一"), "{AR}": ("[1-9][0-9]?", "1")}


def _heading_count(h: dict, src: str) -> HeadingCountRule:
    markers, firsts = [], []
    for i, m in enumerate(h.get("markers", ())):
        where = f"heading_count.markers[{i}]"
        slot = next((k for k in _MARKER_NUMBERS if k in str(m)), None)
        if slot is None:
            raise RuleError(f"{src}: {where}: a marker must hold {{CN}} or {{AR}} (the item's number)")
        many, one = _MARKER_NUMBERS[slot]
        markers.append(compile_pattern(str(m).replace(slot, f"(?P<n>{many})"), src, where))
        firsts.append(str(m).replace(slot, one))
    if not markers:
        raise RuleError(f"{src}: heading_count.markers: at least one marker is needed")
    return HeadingCountRule(compile_pattern(str(h["count"]), src, "heading_count.count"), tuple(markers),
                            compile_pattern("|".join(f"(?:{f})" for f in firsts), src, "heading_count.markers"),
                            int(h.get("max_tail", 6)), int(h.get("max_gap", 8000)))


def _tally(t: dict, src: str) -> TallyRule:
    words = {k: tuple(str(w) for w in t.get(k, ())) for k in ("up", "down", "flat", "flat_words")}
    direction = _words(words["up"] + words["down"] + words["flat"])
    step = f"(?P<n>{t['numeral']})\\s*(?P<dir>{direction})"
    held = _words(words["flat_words"])
    return TallyRule(compile_pattern(f"\\s*(?:(?:{t['numeral']})\\s*(?:{direction})){{2,}}(?=\\s*[”\"’])", src, "tally.numeral"),
                     compile_pattern(step, src, "tally.numeral"), words["up"], words["down"],
                     compile_pattern(held, src, "tally.flat_words") if held else None,
                     compile_pattern(str(t["whole"]), src, "tally.whole"))
