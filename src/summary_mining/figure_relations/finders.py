"""Finders: each reads one family of relations from the wording and the structure of the text.

Each finder takes a :class:`~.context.Context` and returns :class:`~.record.Relation` records; none
decides a status (that is the audit's arithmetic). Cue words and patterns come from
``data/relations.toml``. Registry order matters: rates, then completion, then shares claim the
percentages they explain, so no percentage is read as two relations.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator

import regex

from ..figures.tables import table_figures
from ..datafiles import code_pattern, rx_finditer, rx_first, rx_fullmatch, rx_match, rx_search, rx_sub
from ..model import Paragraph
from ..normalize import normalize
from ..numerals import parse_number
from ..rules.indicators import indicator_lexicon
from ..structure import PAD_SPACES, strip_glosses, structure_rules
from .arithmetic import NOT_PARTS, agrees, prefix_match, ratio, sum_tolerance
from .carry_overs import find_carry_overs
from .context import (ARTICLE_WINDOW, BRACKETED, FIGURE_WINDOW, NAMED_PART_STATEMENTS, PART_OPENERS, TEXT_WINDOW,
                      Context, Fig, occurrences)
from .context import common_suffix as _common_suffix
from .context import longest_common as _lcs
from .context import without_ends
from .context import make_hundred
from .context import partition_found as _partition_found
from .context import make_relation as _rel
from .explained_slogans import find_explained_slogans
from .heading_counts import find_heading_counts
from .named_differences import find_named_differences
from .leading_totals import find_leading_totals
from .named_parts import find_named_parts
from .named_rates import find_named_rates
from .partition_means import certain_mean, find_partition_means
from .prior_levels import find_changes_of_named_levels, find_prior_levels
from .record import Relation
from .rules import TOTAL_CHAR, RateGapRule, RateRule, class_named, classes_named, names_partition
from .bracket_shares import find_bracket_shares, find_part_shares
from .multiples import find_multiples
from .paired_shares import find_paired_shares, find_respective_values, find_shares_named_after
from .respective_parts import find_respective_parts
from .respective_series import find_respective_series
from .quotients import find_quotients
from .named_bounds import find_named_bounds
from .state_subsets import find_state_subsets
from .sentence_partitions import find_second_partitions, find_sentence_partitions, find_trailing_wholes
from .structure_ratios import find_breakdown_ratios, find_structure_ratios
from .tables import find_table_relations
from .word_counts import figures_listed_before, find_tallies, find_top_lists, find_word_counts
from .view import figure_views

__all__ = ["FINDERS", "Group", "find_groups", "restated_rates", "changes_of_parts"]

_NUMBER = code_pattern(r"[0-9][0-9,]*(?:[.、][0-9]+)?")
_TRIM = "，,；;。：:、 \t\r\n"


@dataclass
class Group:
    """A whole and the parts a breakdown cue (其中 / 在…中 / 按…划分) lists after it."""

    whole: Fig
    parts: list[Fig]
    cue: str
    local: bool  # the whole stands right before the cue, in its sentence
    firm: bool  # the parts are unambiguous (one full sentence)
    exhaustive: bool  # the parts claim to make up the whole (a partition, 按…划分)


# ---------------------------------------------------------------------------------------------
# percentages: which relation does a percentage state?
def _rate_rule(ctx: Context, p: Fig) -> RateRule | None:
    clause = rx_sub(ctx.rules.rate_link, "", p.clause.strip())
    tail = regex.split(r"[、和及与]", clause)[-1] if clause else ""
    for r in ctx.rules.rates:
        if tail.endswith(r.name) or (not tail and p.label.endswith(r.name)):
            return r
    return None


_PCT_CLAUSE = code_pattern(r"[^，,；;。]{0,30}?-?[0-9.]+\s*(?:%|个百分点)")


#: How long the words naming a figure's own noun after it may be (的到位资金), read as no gap before a cue.
NOUN_AFTER_CHARS = 8


def _adjacent(ctx: Context, g: Fig, cue: int) -> bool:
    """``g`` is the subject of the cue at ``cue``: in the clause before it, with at most bracketed
    remarks, clauses ending in a percentage (同比增长21%, 占…的92.42%) or stating a change (增加2362万元)
    in between, and the part's name said again right before the cue (…，税收占财政总收入的比重为53.79%)."""
    gap = rx_sub(BRACKETED, "", ctx.text[g.end:cue]).strip()
    segments = regex.split(r"[，,]", gap)
    head = segments[0].strip()
    # (the figure's own noun after it is no gap: 已完成了82086万元的到位资金，完成全年目标的117.27%)
    named_after = head.startswith("的") and len(head) <= NOUN_AFTER_CHARS and not any(ch.isdigit() for ch in head)
    if len(head) > 4 and not named_after or any(c in "；;。：:" for c in gap) or g.para != ctx.para_at(cue):
        return False  # (a line break inside a paragraph is a wrap: 同 比 增 长⏎7.39% ，占…)
    changes = {h.start for h in ctx.between(g.end, cue) if h.direction}
    pos = g.end
    for k, seg in enumerate(segments[1:], start=1):
        pos = ctx.text.find(seg, pos) if seg else pos
        seg = seg.strip()
        if not seg or rx_fullmatch(_PCT_CLAUSE, seg) or any(pos <= c < pos + len(seg) for c in changes):
            continue
        name = g.label or g.clause
        if k == len(segments) - 1 and len(seg) <= 8 and _lcs(seg, name) >= 2 and (seg in name or name.startswith(seg[:2])):
            continue  # the part's name again: 税收收入36552万元，…，税收占… (not another's: 专项转移支付1.87亿元，一般性转移支付占…)
        return False
    return True


def _part_before(ctx: Context, p: Fig, limit: int | None = None) -> Fig | None:
    """The value a share or completion rate is about: the nearest before the cue (at offset ``limit``,
    default ``p``'s clause), in its statement and adjacent to the cue; a change (增加2362万元) is no
    part."""
    lo = ctx.sentence_start(p)
    hi = ctx.clause_pos(p, 0) if limit is None else limit
    for g in reversed(ctx.between(lo, hi)):
        if _in_part_bracket(ctx, g, hi):
            continue  # a part in brackets (实际完成57.80亿元（其中：开发区1.27亿元），为预算的134%): its value is no subject
        if g.kind != "percentage" and not g.in_name and not ctx.bound(g) and not g.direction:
            return g if _adjacent(ctx, g, hi) else None
    if lo > 0 and not ctx.text[lo:ctx.clause_pos(p, 0)].strip(_TRIM):
        # a statement opening with the cue (服务业实现增加值1351.89亿元，比上年增长6.5%；占地区生产总值的比重为54.0%): the
        # value the statement before it in its full sentence opens with
        return next((g for g in ctx.between(ctx.stmt_start(p.start), lo) if g.sentence == p.sentence - 1
                     and g.kind != "percentage" and not g.in_name and not ctx.bound(g) and not g.direction), None)
    return None


def _figs_in_clause(ctx: Context, p: Fig, m: regex.Match, group: str) -> list[Fig]:
    lo = ctx.clause_pos(p, m.start(group))
    hi = ctx.clause_pos(p, m.end(group))
    return [g for g in ctx.between(lo, hi) if ctx.usable(g)]


def _has_any(words, s: str) -> bool:
    return any(w in s for w in words)


def _numerator_parts(ctx: Context, p: Fig, rule: RateRule, fam) -> list[Fig]:
    """The counts of each of ``rule.numerator_parts`` in the rate's statement, when every one is there
    (在建项目223个，竣工项目60个，开工率达73.32%: 开工 = 在建 + 竣工); [] otherwise."""
    found: dict[str, Fig] = {}
    for g in ctx.nearest_before(p):
        if g.stmt != p.stmt:
            break
        words = ctx.context_words(g)
        kind = next((w for w in rule.numerator_parts if w in words), None)
        if kind is not None and kind not in found and fam(g):
            found[kind] = g
    if len(found) < 2 or len(found) != len(rule.numerator_parts):
        return []
    return sorted(found.values(), key=lambda g: g.start)


def _item_clause(ctx: Context, g: Fig) -> str:
    """``g``'s clause words — of its own item when it is listed after another figure of its family in its clause
    (资产总额80.8万亿元、负债总额54.7万亿元、国有资本权益总额16.7万亿元: 国有资本权益总额, not the 负债 or 资产 of the items
    before)."""
    prev = ctx.figs[g.i - 1] if g.i > 0 else None
    if prev is None or prev.family != g.family or prev.end <= ctx.clause_pos(g, 0) or prev.end > g.start:
        return g.clause
    return ctx.text[prev.end:g.start]


#: The most characters between a rate and its numerator named right after it (资金到位率38.5%，到位资金37.3亿元).
RATE_NUMERATOR_GAP = 12

#: How many paragraphs before a rate that opens its own a rate read from its paragraph (``numerator_in_paragraph``) reads.
RATE_PARAGRAPHS = 3


def _rate_inputs(ctx: Context, p: Fig, rule: RateRule, para: int | None = None) -> tuple[list[Fig], Fig | None]:
    """(numerators, denominator) of a rate: the nearest matching figure in its full sentence (or the
    counts that add up to it, ``numerator_parts``), and the nearest base before it in the paragraph
    (not a target, not the numerator's kind); with ``para``, both in that paragraph before the rate's."""

    def fam(g: Fig) -> bool:
        return g.family.startswith(rule.family) and ctx.usable(g)

    home = p.para if para is None else para
    nums: list[Fig] = []
    # a full sentence of rates only reads the full sentence right before it (…已开工建设项目78个,完成到位资金62.08
    # 亿元。签约项目履约率、开工率、资金到位率分别为100%、81.25%、29.5%)
    back = p.stmt - 1 if _rates_only(ctx, p) else p.stmt
    for g in ctx.nearest_before(p):
        if g.para > home:
            continue
        if g.para != home or not back <= g.stmt <= p.stmt and not rule.numerator_in_paragraph:
            break
        words = f"{_item_clause(ctx, g)}|{g.label}|{g.indicator}"
        if fam(g) and not g.direction and _has_any(rule.numerator, words) and not _has_any(rule.numerator_excluded, words):
            nums = [_whole_named(ctx, g, p, rule.numerator)]
            break
    if not nums and rule.numerator_parts:
        nums = _numerator_parts(ctx, p, rule, fam)
    if not nums and para is None:
        # the numerator named right after the rate, in its full sentence (资金到位率38.5%，到位资金37.3亿元)
        after = ctx.figs[p.i + 1] if p.i + 1 < len(ctx.figs) else None
        between = ctx.text[p.end:after.start] if after is not None else ""
        if after is not None and after.stmt == p.stmt and fam(after) and not after.direction \
                and _has_any(rule.numerator, f"{_item_clause(ctx, after)}|{after.label}") \
                and not _has_any(rule.numerator_excluded, f"{_item_clause(ctx, after)}|{after.label}") \
                and sum(c in "，," for c in between) == 1 \
                and len(between) <= RATE_NUMERATOR_GAP and not any(c in "。；;：:" for c in between):
            nums = [after]
    if not nums:
        return [], None
    num = nums[0]
    den = None
    for g in ctx.nearest_before(p):
        if g.para > home:
            continue
        if g.para != home:
            break
        clause = _item_clause(ctx, g)
        planned = _has_any([w for w in rule.denominator if w in ctx.rules.target_words], clause)
        if any(g is n for n in nums) or not fam(g) or g.family != num.family \
                or (ctx.is_target(g) != rule.base_is_target and not planned):
            continue  # a target is no base, unless the rule's base is one (计划新开工项目270项 for 开工率)
        if ctx.rules.partition_named([num.label or num.clause, g.label or g.clause]) is not None:
            continue  # the numerator's sibling (城镇常住人口734.7万，农村常住人口139.7万): a part, not the whole
        # 计划新开工项目270项 is a base although it names the numerator's verb: its own clause says so; 在统计的28种
        # 主要规模以上工业产品中: the words after it in its clause may say so too
        if _has_any(rule.denominator, clause) or (_has_any(rule.denominator, f"{clause}|{g.label}|{g.indicator}")
                                                 and not _has_any(rule.numerator, clause)) \
                or _has_any(rule.denominator, ctx.text[g.end:ctx.doc.clause_at(g.end - 1).end]):
            den = _whole_named(ctx, g, p, rule.denominator)
            break
    if den is None and p.end < len(ctx.text) and ctx.text[p.end] in "（(" and (end := _bracket_end(ctx, p.end + 1)) is not None:
        # a base in brackets right after the rate (履约项目18个，履约率90%（签约项目20个）): the one figure there named so
        inside = [g for g in ctx.between(p.end, end) if fam(g) and g.family == num.family and not g.direction]
        if len(inside) == 1 and _has_any(rule.denominator, f"{_item_clause(ctx, inside[0])}|{inside[0].label}"):
            den = inside[0]
    if den is not None and den.stmt < num.stmt == back and back == p.stmt - 1 and _list_goes_on(ctx, p):
        # the rates of an item of a list (…负责推进落实项目96个，…已开工建设项目78个。…开工率…81.25%；试验区…) are of
        # the item's own figures: its base is the nearest larger one of the numerator's family in its full sentence
        den = next((g for g in ctx.nearest_before(num) if g.stmt == num.stmt and g.family == num.family and ctx.usable(g)
                    and not g.direction and not ctx.is_target(g) and g.value >= num.value), den)
    return nums, den


def _complement(ctx: Context, p: Fig, num: Fig, rule: RateRule) -> Fig | None:
    """The count of those not done (未开工项目17个) in rate ``p``'s full sentence, of ``num``'s family: with ``num`` the
    whole the rate is of, when no base is named."""
    negated = tuple("未" + w for w in rule.numerator)
    return next((g for g in ctx.nearest_before(p) if g.stmt == p.stmt and g is not num and g.family == num.family
                 and ctx.usable(g) and not g.direction and _has_any(negated, ctx.context_words(g))), None)


def _rates_only(ctx: Context, p: Fig) -> bool:
    """Whether the full sentence of rate ``p`` states no figure before it but percentages (签约项目履约率、开工率分别为
    100%、81.25%): its rates are of the figures of the full sentence right before."""
    for g in ctx.nearest_before(p):
        if g.stmt != p.stmt:
            return True
        if g.kind != "percentage":
            return False
    return True


def _whole_named(ctx: Context, g: Fig, rate: Fig, words) -> Fig:
    """The whole ``g`` is a 其中 part of, in ``rate``'s paragraph, when that whole is named by ``words`` too: a
    rate is of the total (各项贷款余额298.38亿元。其中…住户贷款96.47亿元。存贷比为93.8%: loans are the 298.38, not the
    last part); a part a paragraph opens with is that paragraph's scope (其中,中心城区…项目189个…开工率65.61%)."""
    seen = {g.i}
    # (the rate's own full sentence, or the one right before when it states rates only as an item of a list going on
    # after it: …已开工建设项目78个…。签约项目履约率、开工率、资金到位率分别为100%、81.25%、29.5%；试验区… — the 78's)
    while (group := ctx.group_of(g)) is not None and group.whole.i not in seen and group.whole.para == rate.para \
            and group.whole.family == g.family and _has_any(words, ctx.context_words(group.whole)) \
            and ctx.doc.clause_at(group.whole.start) != ctx.doc.clause_at(g.start) \
            and not (g.stmt == rate.stmt != group.whole.stmt or g.stmt == rate.stmt - 1 != group.whole.stmt
                     and _rates_only(ctx, rate) and _list_goes_on(ctx, rate)):
        # (not a whole the part's own clause names: 37个行业大类中有28个行业增加值实现增长 — the 28 grew, not the 37;
        # nor one of an earlier full sentence when the rate stands in the part's: …完成投资4.28亿元。其中省、市重点项目
        # 11个，…完成投资2.13亿元，完成率37.3% — the 2.13's rate)
        g = group.whole
        seen.add(g.i)
    return g


def _list_goes_on(ctx: Context, g: Fig) -> bool:
    """A semicolon follows ``g`` in its full sentence: ``g`` ends an item of a list that goes on after it."""
    _, hi = ctx.statement_span(g)
    rest = ctx.text[g.end:hi]
    return "；" in rest or ";" in rest


def _percentages(ctx: Context, matcher):
    """Usable percentages not yet claimed whose wording ``matcher`` recognises; each one yielded is
    claimed, so no two finders read the same stated figure."""
    for p in ctx.figs:
        if p.kind != "percentage" or p.i in ctx.claimed or p.redacted or p.in_name or math.isnan(p.value):
            continue
        m = matcher(ctx, p)
        if m is None:
            continue
        ctx.claimed.add(p.i)
        yield p, m


def find_rates(ctx: Context) -> list[Relation]:
    """履约率90% = 履约项目 / 签约项目: named rates (``[[rate]]``)."""
    out = []
    for p, rule in _percentages(ctx, _rate_rule):
        nums, den = _rate_inputs(ctx, p, rule)
        cap = rule.max
        loose = nums and den is None and ((den := _base_in_statement(ctx, p, nums[0])) is not None
                                          or (den := _base_named_as_subject(ctx, nums[0], rule)) is not None)
        if (not nums or den is None) and rule.numerator_in_paragraph and (p.i == 0 or ctx.figs[p.i - 1].para != p.para):
            # a rate opening its paragraph (年末全县人口38.12万人。其中,城镇常住人口10.93万人。…⏎…⏎年末全县常住人口城镇化率为
            # 28.67%): its inputs both in one of the paragraphs right before
            for k in range(p.para - 1, max(-1, p.para - 1 - RATE_PARAGRAPHS), -1):
                ns, d = _rate_inputs(ctx, p, rule, k)
                if ns and d is not None:
                    nums, den = ns, d
                    break
            # (firm when the numerator is listed by a firm breakdown of the base: 全县人口38.12万人。其中,城镇常住人口…)
            loose = loose or den is not None and den.para != p.para and not _part_of(ctx, nums[0], den)
        if loose and den.stmt == p.stmt and ctx.clause_start(nums[0].start) <= den.start:
            loose = False  # (the base in the numerator's own clause: 全县107个建设项目一季度开工80项，开工率达到75%)
        if nums and den is None and (rest := _complement(ctx, p, nums[0], rule)) is not None:
            # 已开工项目33个，未开工项目17个，开工率为66%: of those done and those not, together
            out.append(_rel(ctx, "ratio_of", rule.check, p, [nums[0], rest], cue=rule.name, formula="complement",
                            firm=nums[0].stmt == p.stmt == rest.stmt, cap=cap, names=(rule.numerator_name, "合计")))
            continue
        if not nums or den is None:
            if not rule.unverifiable_when_missing:
                continue  # 城镇化率60% without its populations: a statistic quoted on its own, no relation
            missing = rule.numerator_name if not nums else rule.denominator_name
            out.append(_rel(ctx, "ratio_of", rule.check, p, nums, cue=rule.name, missing=missing,
                            cap=cap, names=(rule.numerator_name, rule.denominator_name)))
            continue
        # (firm: the numerator in the rate's full sentence, or both inputs in one full sentence of the rate's paragraph
        # right before it (or before one between): 常住人口874.4万人，其中城镇常住人口734.7万人。…出生率…。城镇化率84.02%; or
        # the numerator a part of the base's breakdown, right before: …1181.3亿元。其中：税收收入994.9亿元…。收入质量为67.4%)
        paired = nums[0].stmt == den.stmt and den.para == p.para and p.stmt - den.stmt <= PAIRED_STATEMENTS \
            or _part_of(ctx, nums[0], den) and (p.stmt - nums[0].stmt <= 1 or den.para < p.para) \
            or len(nums) == 1 and _sole_in_paragraph(ctx, nums[0], p) and _sole_in_paragraph(ctx, den, p)
        out.append(_rel(ctx, "ratio_of", rule.check, p, [*nums, den], cue=rule.name,
                        firm=(nums[0].stmt == p.stmt or nums[0].stmt == den.stmt == p.stmt - 1 and _rates_only(ctx, p)
                              or paired) and not loose and not rule.loose,
                        cap=cap, names=(rule.numerator_name, ctx.name(den) if loose else rule.denominator_name)))
    return out


def _sole_in_paragraph(ctx: Context, g: Fig, rate: Fig) -> bool:
    """``g`` stands before ``rate`` in its paragraph, the one figure there so named (各项存款余额318.04亿元…各项贷款余额
    298.38亿元…存贷比为93.8%: a rate's named input, no other scope's or year's beside it)."""
    if g.para != rate.para or g.start > rate.start or len(g.label) < 2:
        return False
    return not any(h is not g and h.para == g.para and h.family == g.family and h.label == g.label
                   for h in ctx.around(g))  # (ARTICLE_WINDOW figures on either side: a huge paragraph stays linear)


def _part_of(ctx: Context, part: Fig, whole: Fig) -> bool:
    """``part`` is listed by a firm breakdown of ``whole`` (其中 …)."""
    grp = ctx.group_of(part)
    return grp is not None and grp.whole is whole and grp.firm


#: How many full sentences back a rate's two inputs, stated together in one, are still firmly its own.
PAIRED_STATEMENTS = 2


def _base_in_statement(ctx: Context, p: Fig, num: Fig) -> Fig | None:
    """A rate's base no word of the rule names: the value of the numerator's family right before the numerator in the
    numerator's full sentence, no smaller (引进区外投资项目315个，已开工项目277个，开工率达87.9%); or, the numerator
    the first figure of its full sentence, the total (共, 合计) of its family in the full sentence before, in its
    paragraph (新建项目共185个，…。至9月底，开工建设160个，开工率为86.5%); never firm. In the numerator's own clause
    (其中500个省级重点项目已开工450个) the base may be smaller than the numerator by a slip (within NOT_PARTS): the
    clause names no other thing the count could be of."""
    opens = not ctx.any_between(ctx.stmt_start(num.start), num.start)
    own = ctx.clause_start(num.start)
    for g in ctx.nearest_before(num):
        if g.stmt != num.stmt and not (opens and g.stmt == num.stmt - 1 and g.para == num.para):
            return None
        if g.family == num.family and ctx.usable(g) and not g.direction and not ctx.is_target(g) \
                and (g.value >= num.value or g.start >= own and g.value * NOT_PARTS >= num.value) \
                and (g.stmt == num.stmt or _is_total(ctx, g)):
            return g
    return None


#: Words before a rate's numerator word that say nothing of what is counted (市重大项目已开工16个: 已).
_SUBJECT_TRIM = "已全共均"
#: How many characters the subject a rate's numerator names must have to find its base by (市重大项目).
SUBJECT_CHARS = 3


def _base_named_as_subject(ctx: Context, num: Fig, rule: RateRule) -> Fig | None:
    """A rate's base no word of the rule names and no total of its sentence gives: the nearest figure of the numerator's
    family before it, in its paragraph or the one before, whose name ends with what the numerator's name says was done
    before the numerator word (列入市重大项目17个 … 市重大项目已开工16个，项目开工率达94.12%), no smaller; never firm."""
    name = num.label or num.clause
    k = min((name.find(w) for w in rule.numerator if w in name), default=-1)
    subject = name[:k].rstrip(_SUBJECT_TRIM).strip(_TRIM) if k > 0 else ""
    if len(subject) < SUBJECT_CHARS:
        return None
    for g in ctx.nearest_before(num, FIGURE_WINDOW):
        if g.para < num.para - 1:
            break
        if g.family == num.family and ctx.usable(g) and not g.direction and not ctx.is_target(g) \
                and g.value >= num.value and (g.label or g.clause).endswith(subject):
            return g
    return None


def _word_rate(ctx: Context, p: Fig) -> tuple[str, Fig] | None:
    """(W, the figure W-ed) for a rate named W率 right after a figure whose words hold W's last characters
    (``[word_rate]``): 核减11.2亿元，核减率45.7% -> (核减, 11.2亿元)."""
    key_chars = ctx.rules.word_rate_key
    clause = rx_sub(ctx.rules.rate_link, "", p.clause.strip())
    if not key_chars or not clause.endswith("率") or len(clause) < key_chars + 1:
        return None
    word = clause[:-1]
    num = next(ctx.nearest_before(p, 1), None)  # the figure right before, in the clause before the rate's
    if num is None or num.stmt != p.stmt or not ctx.usable(num) or num.qualifier or p.start - num.end > len(p.clause) + 4:
        return None
    return (word, num) if word[-key_chars:] in ctx.context_words(num) else None


def find_word_rates(ctx: Context) -> list[Relation]:
    """核减11.2亿元，核减率45.7% = 核减 / 共计24.5亿元: a rate named by the figure before it (``[word_rate]``) over
    the whole that figure is a part of (其中), or a total (共计, 累计) before it in the full sentence, or the task that
    names the word there (基本建成任务为3557套…基本建成4385套，基本建成率123.28%); none when none is stated."""
    out = []
    for p, (word, num) in _percentages(ctx, _word_rate):
        if p.unit != "%":
            continue  # ‰ rates (出生率) are of a population the sentence need not state
        group = ctx.group_of(num)
        den = group.whole if group is not None and group.whole.family == num.family else next(
            (g for g in ctx.nearest_before(num) if g.stmt == p.stmt and g.family == num.family and ctx.usable(g)
             and not g.direction and not ctx.is_target(g) and g.value > num.value
             and (rx_search(ctx.rules.strong_sum, g.clause) or rx_search(ctx.rules.weak_sum, g.clause))), None)
        if den is None:
            # … or the task of that word in the full sentence (基本建成任务为3557套…已基本建成4385套，基本建成率达123.28%):
            # a completion, which may pass 100 %
            task = next((g for g in ctx.nearest_before(num) if g.stmt == p.stmt and g.family == num.family
                         and ctx.is_target(g) and ctx.usable(g) and _lcs(word, g.clause) >= min(len(word), 4)), None)
            if task is not None and task.stmt == p.stmt:
                out.append(_rel(ctx, "ratio_of", "rate", p, [num, task], cue=word + "率", names=(word, ctx.name(task))))
            continue
        if den.stmt != p.stmt or den.value <= num.value:
            continue  # the whole is that of a breakdown (其中) or a total (共计) of the sentence
        out.append(_rel(ctx, "ratio_of", "rate", p, [num, den], cue=word + "率", cap=100.0,
                        names=(word, ctx.name(den))))
    return out


def _growth(g: Fig) -> bool:
    return g.kind == "percentage" and g.unit == "%" and bool(g.direction) and not (g.redacted or g.in_name or g.qualifier)


def _indicator_name(ctx: Context, g: Fig) -> str:
    """A growth's indicator, or its label less the words naming the change (labels.toml ``growth_labels``):
    农林牧渔业总产值同比增长 -> 农林牧渔业总产值."""
    if g.indicator:
        return g.indicator
    tail = max((w for w in ctx.label_rules.growth_labels if g.label.endswith(w)), key=len, default="")
    return g.label[:len(g.label) - len(tail)]


def _wider_growth(ctx: Context, own: Fig, scope: str) -> Fig | None:
    """The growth of the wider area ``scope`` (全州) of ``own``'s indicator, stated before it in its article: the
    nearest growth of a statement that opens by naming the scope (全州农林牧渔业总产值…增长5.7%), or names it
    anywhere and states no gap of a part to it, its indicator named like ``own``'s (the same indicator, or four
    characters of the name in common at its end)."""
    return next(_wider_growths(ctx, own, scope), None)


def _wider_growths(ctx: Context, own: Fig, scope: str) -> Iterator[Fig]:
    """Each growth :func:`_wider_growth` may take, nearest first."""
    name = _indicator_name(ctx, own)
    if len(name) < 2:
        return
    for g in ctx.nearest_before(own, ARTICLE_WINDOW):
        if g.article != own.article:
            break
        if not _growth(g) or ctx.is_target(g):
            continue
        other = _indicator_name(ctx, g)
        if not (own.indicator and g.indicator == own.indicator or _common_suffix(other, name) >= min(4, len(name))):
            continue
        if _opens_with_scope(ctx, g, scope):
            yield g
            continue
        lo, hi = ctx.statement_span(g)
        if scope in ctx.text[lo:hi] and not any(_gap(ctx, h) for h in ctx.between(lo, hi)):
            yield g  # 全年实现规模以上工业增加值同比增长12.9%，凸显了全州工业经济的韧性: not a part's (…高于全州…)


def _wider_named(ctx: Context, own: Fig, other: Fig, scope: str) -> bool:
    """The wider area's growth ``other`` stands in a statement opening with the scope's name and is named as ``own``
    is, word for word (全州农林牧渔业总产值…增长5.7% for 乌恰县农林牧渔业总产值同比增长22.0%，增速高于全州11.9个百分点): the
    gap to it is firm."""
    return _opens_with_scope(ctx, other, scope) and _indicator_name(ctx, other) == _indicator_name(ctx, own)


def _opens_with_scope(ctx: Context, g: Fig, scope: str) -> bool:
    """``g``'s statement names ``scope`` (全州) before its first figure."""
    return scope in ctx.opening(ctx.stmt_start(g.start), g)


def _gap(ctx: Context, d: Fig) -> bool:
    """A growth gap to a wider area (增速高于全州11.9个百分点, ``[rate_gap]``)."""
    rule = ctx.rules.rate_gap
    return rule is not None and d.kind == "percentage" and d.unit != "%" and rx_search(rule.cue, d.clause) is not None


def _bracketed_gap(ctx: Context, rule: RateGapRule, d: Fig) -> tuple[Fig, Fig, regex.Match, str] | None:
    """(own growth, wider growth, cue, the wider one's name) of a gap whose wider growth is stated in brackets after
    its scope (增速高于全国（3.8%）33.3个百分点): the growth in the brackets, and the nearest growth before the cue in the
    statement that stands in no brackets (a second gap, 高于全疆（19.9%）17.2个百分点, has the first one's own growth)."""
    if rule.bracketed is None:
        return None
    lo = ctx.sentence_start(d)
    m = rx_search(rule.bracketed, ctx.text, lo, d.start)
    other = next(ctx.nearest_before(d, 1), None) if m else None
    if other is None or other.start < m.start("inner") or other.kind != "percentage" or other.unit != "%" or other.redacted:
        return None
    own = next((g for g in ctx.nearest_before(other) if g.start < m.start() and g.sentence == d.sentence
                and g.unit == "%" and g.direction and not g.redacted and ctx.text[g.start - 1:g.start] not in "（("), None)
    if own is None:
        # a gap whose sentence names what grew (全市公共财政预算收入增幅比全省平均增幅(15.97%)高6个百分点): the growth of
        # that measure before it in the paragraph, named alike
        subject = strip_glosses(ctx.text[lo:m.start()]).strip(_TRIM)
        own = next((g for g in ctx.nearest_before(other) if g.para == d.para and g.start < lo and g.unit == "%"
                    and g.direction and not g.redacted and _names_growth(ctx, g, subject)), None)
    return (own, other, m, m.group("scope")) if own is not None and _growth(own) else None


#: How many characters a gap's named subject and its growth's label must end with alike (公共财政预算收入).
GAP_SUBJECT_CHARS = 4


def _names_growth(ctx: Context, g: Fig, subject: str) -> bool:
    """``subject`` (全市公共财政预算收入) names growth ``g``: it ends as the growth's indicator or the label of the level it is
    of (地方公共财政预算收入完成1,392,476万元,同比增收249,885万元,增长21.87%) does, and the words before that (全市) stand in
    that figure's clause (not 7个县(区)公共财政预算收入共完成851,064万元…增长26.37%)."""
    level = next((h for h in ctx.nearest_before(g) if h.stmt == g.stmt and h.kind != "percentage" and not h.direction), None)
    for name, clause in ((_indicator_name(ctx, g), g.clause), *(((level.label, level.clause),) if level else ())):
        n = _common_suffix(name, subject)
        if n >= GAP_SUBJECT_CHARS and subject[:len(subject) - n] in clause:
            return True
    return False


def _named_gap(ctx: Context, rule: RateGapRule, d: Fig) -> tuple[Fig, Fig, regex.Match, str] | None:
    """(own growth, other growth, cue, the other's name) of a gap between two growths its clause names (轻工业增长
    12.7%，重工业增长4.2%，轻工业增速快于重工业8.5个百分点): the nearest growth before it in its full sentence whose label
    opens with each name."""
    m = rx_search(rule.named, d.clause) if rule.named is not None else None
    if m is None or len(m.group("own")) < 2 or len(m.group("other")) < 2:
        return None

    def growth_of(name: str) -> Fig | None:
        return next((g for g in ctx.nearest_before(d) if g.stmt == d.stmt and _growth(g) and g.label.startswith(name)),
                    None)

    own, other = growth_of(m.group("own")), growth_of(m.group("other"))
    return (own, other, m, ctx.name(other)) if own is not None and other is not None and own is not other else None


def _gap_after_growth(ctx: Context, rule: RateGapRule, d: Fig) -> tuple[Fig, Fig, regex.Match, str, bool] | None:
    """(own growth, other growth, cue, the other's name, whether it is the only one so named) of a gap whose clause names
    only the other growth (…增加值比上年增长20.4%，高于规模以上工业增速12.9个百分点, ``[rate_gap] after``): own is the growth
    right before it in its statement, the other the nearest growth before that in its article whose name opens with the
    words the clause names (else the first after it)."""
    m = rx_search(rule.after, d.clause.strip(_TRIM)) if rule.after is not None else None
    if m is not None and ctx.label_rules.respectively in ctx.text[ctx.sentence_start(d):d.start]:
        return None  # (分别增长21.4%、6.3%，高于…增速16.4个、1.3个百分点: gaps stated respectively, not read here)
    own = next(ctx.nearest_before(d, 1), None) if m else None
    if m is None or own is None or own.sentence != d.sentence or not _growth(own) or ctx.is_target(own):
        return None
    name = m.group("other")
    after = ctx.figs[d.i + 1:d.i + 1 + ARTICLE_WINDOW]  # (a bulletin's summary may come before its section)
    named = [g for g in itertools.chain(ctx.nearest_before(own, ARTICLE_WINDOW), after) if g.article == own.article
             and _growth(g) and not ctx.is_target(g)
             and any(n.startswith(name) or n[:1] == name[:1] and _abbreviates(name, n) for n in (g.label, g.indicator or ""))]
    # (规上工业 for 规模以上工业)
    return (own, named[0], m, ctx.name(named[0]), len(named) == 1) if named else None


def _respective_gaps(ctx: Context, rule: RateGapRule, d: Fig, m: regex.Match) -> list[Relation]:
    """Gaps to a wider area stated respectively (阿克陶县…增长6.8%，阿合奇县…增长6.3%，乌恰县…增长6.0%，3个县…增速分别高于
    全州平均水平3.2、2.7、2.4个百分点): the k-th gap is of the k-th of as many growths before them in their full
    sentence, against the wider area's growth (never firm: that is found by name)."""
    gaps = [d]
    for g in ctx.figs[d.i + 1:]:
        if g.stmt != d.stmt or g.kind != "percentage" or g.unit == "%" or g.i in ctx.claimed \
                or not rx_fullmatch(ctx.label_rules.list_join, ctx.text[gaps[-1].end:g.start]):
            break
        gaps.append(g)
    owns = [g for g in ctx.figs[:d.i] if g.stmt == d.stmt and _growth(g) and not ctx.is_target(g)][-len(gaps):]
    if len(gaps) < 2 or len(owns) != len(gaps):
        return []
    # (the wider growth of what any of them names: 高技术制造业、装备制造业增加值分别增长…: the last names 增加值)
    other = next((o for o in (_wider_growth(ctx, own, m.group("scope")) for own in owns) if o is not None), None)
    if other is None:
        return []
    ctx.claimed.update(g.i for g in gaps)
    sign = -1.0 if m.group("dir") in rule.down else 1.0
    return [_rel(ctx, "difference_of", "difference", gap, [own, other], cue=m.group(0), formula="gap",
                 firm=_wider_named(ctx, own, other, m.group("scope")), sign=sign, names=(ctx.name(own), m.group("scope")))
            for gap, own in zip(gaps, owns)]


def find_rate_gaps(ctx: Context) -> list[Relation]:
    """增速高于全州11.9个百分点 = the growth right before it (17.6%) less the wider area's growth of the same
    indicator stated earlier (全州…增长5.7%), ``[rate_gap]``; never firm (the wider growth is found by name). One
    stating the wider growth in brackets (高于全国（3.8%）33.3个百分点) is firm."""
    rule, out = ctx.rules.rate_gap, []
    if rule is None:
        return out
    for d in ctx.figs:
        if d.kind != "percentage" or d.unit == "%" or d.redacted or d.i in ctx.claimed:
            continue
        stated = _bracketed_gap(ctx, rule, d) or _named_gap(ctx, rule, d)  # both growths stated with the gap: firm
        firm = stated is not None
        m = None if firm else rx_search(rule.cue, d.clause)
        if m and ctx.label_rules.respectively in d.clause[:m.start()]:
            out += _respective_gaps(ctx, rule, d, m)  # 3个县…增速分别高于全州平均水平3.2、2.7、2.4个百分点
            continue
        only = False  # (the other growth found by name: firm only when named word for word after its scope, or the
        # one growth of its article so named: 高于规模以上工业增速12.9个百分点)
        if not firm:
            stated = _scope_gap(ctx, d, m) if m is not None else _gap_after_growth(ctx, rule, d)
            if stated is not None and m is None:
                *stated, only = stated
        if stated is None:
            continue
        own, other, m, name = stated
        scope = m.groupdict().get("scope")
        # (firm: the wider growth named word for word after its scope, or named word for word as the one growth of the
        # article the scope's words point to: 全年实现规模以上工业增加值同比增长12.9%，凸显了全州工业经济的韧性)
        firm = firm or only or scope is not None and (
            _wider_named(ctx, own, other, scope) or _indicator_name(ctx, other) == _indicator_name(ctx, own)
            and len(list(itertools.islice(_wider_growths(ctx, own, scope), 2))) == 1)
        ctx.claimed.add(d.i)
        out.append(_rel(ctx, "difference_of", "difference", d, [own, other], cue=m.group(0), formula="gap",
                        firm=firm, sign=-1.0 if m.group("dir") in rule.down else 1.0, names=(ctx.name(own), name)))
    return out


def _scope_gap(ctx: Context, d: Fig, m: regex.Match) -> tuple[Fig, Fig, regex.Match, str] | None:
    """(own growth, the wider area's, cue, scope) of a gap to a wider area (增速高于全州11.9个百分点): own is the growth
    right before it in its statement, the other the wider area's growth of the same indicator stated earlier."""
    own = next(ctx.nearest_before(d, 1), None)
    if own is None or own.stmt != d.stmt or not _growth(own):
        return None
    other = _wider_growth(ctx, own, m.group("scope"))
    return (own, other, m, m.group("scope")) if other is not None else None


def find_contributions(ctx: Context) -> list[Relation]:
    """第一产业拉动GDP增长0.7个百分点,第二、三产业分别拉动增长2.1和2.4个百分点: the contributions of a complete set of
    parts, in one full sentence, add up to the growth of the whole stated before them (``[contribution]``)."""
    rule = ctx.rules.contribution
    if rule is None:
        return []
    back = rule.paragraphs
    by_stmt: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        if g.kind == "percentage" and g.unit != "%" and not g.redacted and rule.cue in g.clause:
            by_stmt.setdefault(g.stmt, []).append(g)
    out = []
    for parts in by_stmt.values():
        if len(parts) < 2 or any(g.i in ctx.claimed for g in parts):
            continue
        lo, hi = ctx.statement_span(parts[0])
        sentence = ctx.text[lo:hi]
        if not (any(w in sentence for w in rule.complete) or any(all(n in sentence for n in ns) for ns in rule.names)):
            continue  # 工业拉动经济增长2.0个百分点: one part, not a complete set
        whole = next((g for g in ctx.nearest_before(parts[0], ARTICLE_WINDOW)
                      if g.para < parts[0].para - back or _growth(g) and not ctx.is_target(g)
                      and any(w in f"{g.label}{g.indicator}{g.clause}" for w in rule.wholes)
                      and not _has_any(ctx.rules.non_additive, g.label)), None)  # (人均地区生产总值增长9.1%: no whole)
        if whole is None or whole.para < parts[0].para - back:
            continue
        # (firm in the whole's paragraph, or in the full sentence right after the whole's: …同比增长1.5%。⏎从产业增速看…)
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=rule.cue, exhaustive=True,
                        firm=whole.para == parts[0].para or ctx.same_place(parts, whole)
                        or whole.stmt == parts[0].stmt - 1))
    return out


def _in_order(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` have in common in order (the longest common subsequence)."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _contribution_measure(rule, g: Fig) -> tuple[str, bool] | None:
    """(the measure a contribution names after its cue, whether it is taken away) for a contribution in points
    (拉动规模以上工业增加值增速12.5个百分点 -> 规模以上工业增加值; 下拉… -> taken away)."""
    k = max(g.clause.rfind(rule.cue), g.clause.rfind(rule.down_cue) if rule.down_cue else -1)
    if k < 0:
        return None
    down = bool(rule.down_cue) and g.clause.startswith(rule.down_cue, k)
    rest = g.clause[k + len(rule.down_cue if down else rule.cue):]
    end = min((i for w in rule.measure_ends if (i := rest.find(w)) >= 0), default=len(rest))  # (下拉固定资产投资0.9…)
    return (rest[:end], down) if end >= 2 else None


def _counted(ctx: Context, para: int, parts: list[Fig]) -> bool:
    """A count in paragraph ``para`` before ``parts`` says they are all the parts (4个县（市）… then four of them)."""
    p = ctx.doc.paragraphs[para]
    return any(c.kind == "count" and c.value == len(parts) for c in ctx.between(p.start, parts[0].start))


def find_contribution_sets(ctx: Context) -> list[Relation]:
    """Contributions spread over a paragraph's statements, one per part (乌恰县…拉动规模以上工业增加值增速12.5个百分点；
    阿图什市…0.4个百分点；…阿合奇县…下拉…0.1个百分点), naming one measure: they add up, 下拉 ones taken away, to the
    growth of that measure stated before them (``[contribution]`` measure_ends, similar). Read when they add up, or
    firmly when a count before them in their paragraph (4个县（市）) says they are all the parts."""
    rule = ctx.rules.contribution
    if rule is None or not rule.measure_ends:
        return []
    sets: dict[tuple[int, str], list[tuple[Fig, bool]]] = {}
    for g in ctx.figs:
        if g.kind == "percentage" and g.unit != "%" and not g.redacted and g.i not in ctx.claimed:
            found = _contribution_measure(rule, g)
            if found is not None:
                sets.setdefault((g.para, found[0]), []).append((g, found[1]))
    out = []
    for (para, measure), members in sets.items():
        parts = [g for g, _ in members]
        own = {g.sentence for g in parts}  # the parts' statements, which state their own growth too
        if len(parts) < 2 or len(own) < 2:
            continue  # one statement: find_contributions' reading
        whole = next((g for g in ctx.nearest_before(parts[0], ARTICLE_WINDOW) if g.article == parts[0].article
                      and g.sentence not in own and _growth(g) and not ctx.is_target(g) and (name := _indicator_name(ctx, g))
                      and _in_order(name, measure) >= rule.similar * min(len(name), len(measure))), None)
        if whole is None:
            continue
        minus = tuple(k for k, (_, down) in enumerate(members) if down)
        total = sum(-g.value if k in minus else g.value for k, g in enumerate(parts))
        # (all the parts: a count before them says so, or the statements they stand in open with a known partition's
        # names — 第一产业…拉动GDP增长0.1个百分点；第二产业…；第三产业…)
        counted = _counted(ctx, para, parts) or ctx.rules.partition_named([_first_clause(ctx, g) for g in parts]) is not None
        if not (counted or agrees(whole.value, total, sum_tolerance(whole, parts))):
            continue
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=rule.cue, exhaustive=True, firm=counted,
                        minus=minus))
    return out


def _first_clause(ctx: Context, g: Fig) -> str:
    """The first clause of ``g``'s statement (第一产业实现增加值47.5亿元)."""
    lo = ctx.sentence_start(g)
    return ctx.text[lo:ctx.doc.clause_at(lo).end]


#: How many characters the measure a paragraph's statements restate for their parts takes at least, and their
#: part names (乌恰县 / 限额以上单位消费品零售额).
STATEMENT_MEASURE_CHARS, STATEMENT_PART_CHARS = 4, 2


def _statement_head(ctx: Context, g: Fig, measure: str) -> str:
    """The words that open ``g``'s statement before the words of ``measure`` (2025年，乌恰县限额以上…0.68亿元 -> 乌恰县):
    the last clause before them."""
    words = strip_glosses(ctx.text[ctx.sentence_start(g):g.start])
    k = words.rfind(measure)
    head = words[:k] if k >= 0 else ""
    return head[max(head.rfind(c) for c in _ITEM_BREAKS) + 1:].strip()


def find_statement_parts(ctx: Context) -> list[Relation]:
    """A paragraph whose statements each open by stating, for one part named first, the measure of a whole stated
    before the paragraph (乌恰县限额以上单位消费品零售额0.68亿元…；阿合奇县限额以上单位消费品零售额0.64亿元…；… after
    限额以上单位消费品零售额14.16亿元): the parts add up to the whole. Read when they do, or firmly when a count in the
    paragraph before them (4个县（市）) says they are all the parts."""
    firsts: dict[int, dict[int, Fig]] = {}  # paragraph -> statement -> its first value
    for g in ctx.figs:
        if g.sentence not in firsts.get(g.para, ()) and len(g.label) > STATEMENT_MEASURE_CHARS and g.source == "text" \
                and not g.redacted and ctx.addable(g):
            firsts.setdefault(g.para, {})[g.sentence] = g
    out = []
    for para, by_stmt in firsts.items():
        heads = [g for g in by_stmt.values() if ctx.group_of(g) is None]
        if len(heads) < 2:
            continue
        measure = heads[0].label
        for g in heads[1:]:
            measure = measure[len(measure) - _common_suffix(measure, g.label):]
        parts = [g for g in heads if g.family == heads[0].family]
        names = {_statement_head(ctx, g, measure) for g in parts}
        if len(measure) < STATEMENT_MEASURE_CHARS or len(parts) < 2 or len(names) != len(parts) \
                or any(len(n) < STATEMENT_PART_CHARS for n in names):
            continue
        whole = next((g for g in ctx.nearest_before(parts[0], ARTICLE_WINDOW) if g.article == parts[0].article
                      and g.para < para and g.family == parts[0].family and ctx.addable(g) and not g.redacted
                      and g.label.endswith(measure) and _statement_head(ctx, g, measure) not in names), None)
        if whole is None:
            continue
        counted = _counted(ctx, para, parts)
        if not (counted or agrees(whole.value, sum(g.value for g in parts), sum_tolerance(whole, parts))):
            continue
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=measure, exhaustive=True, firm=counted))
    return out


def restated_rates(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` with each rate whose inputs were not found (开工率达到67.8%: no 开工项目 in its sentence)
    replaced by a restatement of the same percentage stated later in its article by a relation whose inputs
    are there (建成和开工在建占项目总数的67.8% = (18 + 180) / 292): the headline quotes the checked figure."""
    checked = {id(r.stated): r for r in relations if r.stated is not None and not r.missing
               and r.relation in ("ratio_of", "share_of")}
    by_value: dict[tuple[int, float], list[Fig]] = {}
    for rel in checked.values():
        g = ctx.by_record[id(rel.stated)]
        by_value.setdefault((g.article, g.written), []).append(g)
    out = []
    for rel in relations:
        g = ctx.by_record.get(id(rel.stated)) if rel.stated is not None else None
        if g is not None and rel.missing and rel.relation == "ratio_of" and not g.redacted:
            later = [h for h in by_value.get((g.article, g.written), []) if h.start > g.end]
            if later:
                out.append(_rel(ctx, "same_as", "repeat", g, [later[0]], cue=rel.cue))
                continue
        out.append(rel)
    return out


def share_partitions(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and, for parts whose shares of one whole add up to 100 % (within the rounding of the
    shares), the breakdown of that whole into them when no breakdown lists it: 民营企业进出口8885.5亿元，占
    外贸进出口总值的54.7%。国有企业进出口3613.5亿元，占22.3%。外商投资企业进出口3718.3亿元，占22.9% — so
    the parts must add up to the whole as well (a slip in one part shows though the shares were copied)."""
    runs: list[tuple[int, list[tuple[Fig, Fig]]]] = []  # (whole, [(share, part)]): a share naming its whole opens a run
    current: dict[int, list[tuple[Fig, Fig]]] = {}
    for r in relations:
        if r.check == "share" and len(r.operands) == 2 and r.stated is not None and r.firm:
            share, part, whole = (ctx.by_record[id(f)] for f in (r.stated, *r.operands))
            if whole.i not in current or r.cue != "占":
                current[whole.i] = []
                runs.append((whole.i, current[whole.i]))
            current[whole.i].append((share, part))
    listed = {(g.whole.i, p.i) for g in ctx.groups for p in g.parts}
    out = list(relations)
    for wi, pairs in runs:
        parts = sorted({part.i: part for _, part in pairs}.values(), key=lambda g: g.i)
        if len(parts) < 2 or len(parts) < len(pairs) or any((wi, p.i) in listed for p in parts) \
                or any(p.redacted or p.family != ctx.figs[wi].family for p in parts):
            continue
        if not make_hundred([s for s, _ in pairs]):
            continue
        whole = ctx.figs[wi]
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue="占比合计100%"))
    return out


def _completion_match(ctx: Context, p: Fig) -> regex.Match | None:
    return rx_first(ctx.rules.completion, p.clause)


def _stated_target(ctx: Context, p: Fig, part: Fig, named: str = "") -> tuple[Fig | None, bool]:
    """(target, firm) for ``part``'s indicator stated elsewhere in the article. The target the wording
    names (完成年度计划投资的117% -> 年度计划投资68亿元) is found by its name, nearest before first, and is
    firm in the same paragraph; else the same indicator, or three characters of the part's name in common
    (到位资金 … 全年到位资金目标任务130亿元), never firm (it may be another year's or another level's)."""
    key = named.strip(_TRIM)
    if key and (len(key) < 3 or key in ctx.rules.generic_targets):
        # 完成计划128.6%, 占年度目标的87.78%: the target stated in the same statement
        for g in ctx.nearest_before(p):
            if g.stmt != p.stmt:
                break
            if g is not part and g.family == part.family and ctx.is_target(g) and ctx.usable(g):
                if any(h.family == part.family and ctx.usable(h) and not ctx.is_target(h)
                       for h in ctx.figs[g.i + 1:part.i]):
                    break  # the target of the value after it (年初预算193.6亿元，实际完成196.1亿元，…其中税收完成
                    # 135.4亿元，为预算的100.6%: the part's own budget is not stated)
                return g, True
    if len(key) >= 3:
        need = max(3, math.ceil(len(key) / 2))
        best, best_rank = None, None
        year = _same_year(ctx.rules.year_words)
        key = year(key)
        for g in ctx.targets_around(part, p.article):
            if g is part:
                continue
            names = (year(g.label), year(g.clause))
            score = max(_lcs(key, n) for n in names)
            if any(len(key) >= 4 and sorted(key) == sorted(n) or _abbreviates(key, n) for n in names):
                score = len(key)  # its words in another order (年度计划投资: 年度投资计划304亿元), or some left out (年计划:
                # 年度计划投资258.08亿元)
            if score < need:
                continue
            rank = (-score, 0 if g.start < p.start else 1, abs(p.start - g.start))
            if best_rank is None or rank < best_rank:
                best, best_rank = g, rank
        if best is not None:
            return best, best.para == p.para
    best = None
    # the one target before it named as the part is, word for word (目标分解任务主要是：境内外招商引资总额17000万美元 … 合计完成境内外
    # 招商引资总额22642万美元，完成目标任务的106.55%): firm
    same = [g for g in ctx.targets_around(part, p.article) if g is not part and len(part.label) >= SAME_TARGET_CHARS
            and g.label == part.label]
    if len(same) == 1 and same[0].start < part.start:
        return same[0], True
    key = (part.label or part.clause)[-6:]
    for g in ctx.targets_around(part, p.article):
        if g is part:
            continue
        if part.indicator and g.indicator == part.indicator:
            return g, False
        if best is None and len(key) >= 3 and _lcs(key, g.label or g.clause) >= 3:
            best = g
    return best, False


@functools.lru_cache(maxsize=8)
def _same_year(words: tuple[str, ...]) -> Callable[[str], str]:
    """A function writing each of ``words`` (年内, 全年 … : ``[completion] year_words``) as the first of them."""
    if not words:
        return lambda s: s

    others = sorted(words[1:], key=len, reverse=True)  # (本年度 before 本年)

    def year(s: str) -> str:
        for w in others:
            if w in s:
                s = s.replace(w, words[0])
        return s
    return year


#: How long a name a target must share, word for word, with the value measured against it to be that value's own.
SAME_TARGET_CHARS = 4
#: How many statements back a budget named only "the budget" may be stated (支出预算由…变动为4202408万元。…为预算的97.23%).
BUDGET_STATEMENTS = 6
#: …or how many paragraphs back (a paragraph of ；-items between: 支出调整为631.54亿元。…税收收入…；…。支出执行585.48亿元，
#: 为调整预算的92.71％).
BUDGET_PARAGRAPHS = 2


def _budget_before(ctx: Context, p: Fig, part: Fig, named_budget: str = "") -> tuple[Fig | None, bool]:
    """(budget, firm) for a completion of "the budget" no target word marks (``[completion.budget]``): the nearest
    figure of ``part``'s kind a few statements back whose words (its clause; in its statement, from the figure
    before it to a few characters after it), the fund names (一般公共预算) left out, say it is a budget (预算, 批准,
    备案) and name what ``part`` names (支出, “三保”支出: at least four characters of it in common, or all of a shorter
    name). A figure followed by its own completion rate (罚没收入45966万元，完成预算的131.88%) is an executed
    sibling, no budget."""
    rules = ctx.rules
    dropped = (*rules.budget_funds, *sorted(rules.actual_labels, key=len, reverse=True))

    def plain(s: str) -> str:
        for w in dropped:
            s = s.replace(w, "")
        return s

    if part.label in rules.actual_labels:
        # 收入预算105万元，实际完成105万元，为预算的100%: an actual named by its verb alone is of the budget right
        # before it in its statement (past that one's brackets: 收入预算43.12亿元（其中：开发区0.79亿元），实际完成…)
        prev = next((f for f in ctx.nearest_before(part) if not _in_part_bracket(ctx, f, part.start)), None)
        # (or in the full sentence before, when the actual opens its own: …调整为79.4亿元（其中：…）。实际完成74.2亿元…)
        opens = not plain(ctx.text[ctx.sentence_start(part):part.start]).strip(_TRIM)
        if prev is not None and _ADJUSTED in prev.label + prev.clause and _ORIGINAL in named_budget:
            prev = None  # (为年初预算的107%: not the adjusted budget right before, 执行中调整为52亿元)
        if prev is not None and prev.family == part.family and not prev.direction \
                and (_names_budget(ctx, prev.label) or _names_budget(ctx, prev.clause)) \
                and (prev.sentence == part.sentence or opens and prev.para == part.para and part.stmt - prev.stmt == 1):
            # (firm in the part's sentence, or in the one right before when the actual opens its own: the verb names
            # nothing else it could be of)
            return prev, True
    own = plain(part.label or part.clause).strip(_TRIM)
    if not _has_any(rules.budget_measures, own):
        return None, False
    # the adjusted budget a completion names (为调整预算的99.29%) is the one whose words say so (收入调整为55.05亿元), of
    # the same measure, before the one the first match would take (审查批准市本级一般公共预算收入78.55亿元)
    measure = next((m for m in rules.budget_measures if m in own), "") if _ADJUSTED in named_budget else ""
    fallback: tuple[Fig | None, bool] = (None, False)
    for g in ctx.nearest_before(part):
        if g.article != p.article or part.stmt - g.stmt > BUDGET_STATEMENTS and part.para - g.para > BUDGET_PARAGRAPHS:
            break
        if g.family != part.family or not ctx.usable(g) or g.direction or ctx.bound(g):
            continue
        prev = ctx.figs[g.i - 1] if g.i > 0 else None
        if prev is not None and prev.stmt == g.stmt and _completion_base(ctx, g) and prev.family == part.family \
                and _lcs(own, plain(prev.label or prev.clause)) >= min(len(own), 4) and fallback[0] is None:
            # the budget a sibling's completion names (2月份实现大口径财政收入5682万元，完成预算105425万元的5.39%。
            # 1-2月…大口径财政收入17056万元，完成预算的16.18%): the budget of what that sibling measures
            fallback = (g, g.para == p.para)
            if not measure:
                break
            continue
        lo, hi = ctx.statement_span(g)
        end = min(hi, g.end + 12)
        nxt = ctx.figs[g.i + 1] if g.i + 1 < len(ctx.figs) else None
        if nxt is not None and nxt.start < end:
            if _completed(ctx, nxt) or _completion_base(ctx, nxt):
                continue  # executed, with its own completion rate (…5682万元，完成预算105425万元的5.39%)
            end = nxt.start
        head = ctx.text[lo:g.start]
        if g.i > 0:
            lo = max(lo, ctx.figs[g.i - 1].end)
        # its clause, and its statement's words from the figure before it (“三保”政策支出合计: a quote breaks the
        # clause) to the figure after it; what it measures is named before it (收入为189．7亿元，支出为…: not 支出)
        words = plain(g.clause + "|" + ctx.text[lo:end])
        named = plain(g.clause + "|" + ctx.text[lo:g.start])
        # a budget word heading the statement marks each figure it lists (调整后的…收入为A，…支出为B), no actual
        # word (完成, 执行) between
        budget = _has_any(rules.budget_words, words) or _budget_heads(rules, head)
        if (grp := ctx.group_of(g)) is not None and grp.whole.stmt == g.stmt \
                and _has_any(rules.budget_words, plain(grp.whole.clause)):
            # a part a budget's breakdown lists is a budget too, as its whole's words say (调整…支出预算数167.80亿元，其中区级
            # 一般公共预算支出135亿元: the adjusted budget of 区级…支出, nearer than its whole's)
            budget = True
            named = plain(grp.whole.clause) + "|" + named
        if budget and measure and _ADJUSTED in named and measure in named:  # (调整为 before it: not 占调整预算 after)
            # (firm in its paragraph or the one right before, or in its section: …全市一般公共预算收入调整为290.95亿元，支出调整为
            # 631.54亿元。⏎2025年全市一般公共预算收入完成347.82亿元，为调整预算的95.64％…⏎…支出完成585.48亿元，为调整预算的92.71％)
            section = ctx.doc.section_path(g.start)
            return g, p.para - g.para <= 1 or bool(section) and section == ctx.doc.section_path(p.start)
        if budget and _lcs(own, named) >= min(len(own), 4) and fallback[0] is None:
            fallback = (g, g.para == p.para)
            if not measure:
                break
    return fallback


def _completed(ctx: Context, p: Fig | None) -> bool:
    """``p`` is a completion rate (为预算的131.88%, 完成预算…的5.39%)."""
    return p is not None and p.kind == "percentage" and _completion_match(ctx, p) is not None


def _completion_base(ctx: Context, g: Fig) -> bool:
    """``g`` is the budget or target of the completion rate right after it (完成预算105425万元的5.39%)."""
    return _completed(ctx, _ratio_base(ctx, g))


def _budget_heads(rules, head: str) -> bool:
    """The words before a figure in its statement name a budget, no actual word (完成, 执行) after it:
    调整后的全市一般公共预算收入为189．7亿元，一般公共预算支出为 (the fund names are no budget word)."""
    for w in rules.budget_funds:
        head = head.replace(w, "")
    k = max(head.rfind(w) for w in rules.budget_words)
    return k >= 0 and not _has_any(rules.actual_labels, head[k:])


#: The word of a budget adjusted in the year (调整预算, 调整为).
_ADJUSTED = "调整"
_ORIGINAL = "年初"


#: How many paragraphs before a ratio's part (and after it, in its paragraph) the base a ratio's value alone points to may
#: stand (:func:`_base_by_value`).
BASE_BY_VALUE_PARAGRAPHS = 3


def _base_by_value(ctx: Context, p: Fig, part: Fig, candidates: Iterable[Fig]) -> Fig | None:
    """The base among ``candidates`` that ``p`` — a share or a completion rate of ``part`` whose base the words did not
    find — makes true: the nearest of ``part``'s family, in its article and at most :data:`BASE_BY_VALUE_PARAGRAPHS`
    paragraphs before it, that ``part`` over it agrees with ``p`` to its written precision (完成目标任务的309.47% of
    贸易额25995.74万美元: the target 外贸出口8400万美元 its statement of targets listed). A rate written to whole percents
    (占68%) is read only against a base of its own paragraph or the one before. Never firm: a reading by value."""
    if p.redacted or part.redacted or not part.value or math.isnan(p.written):
        return None
    reach = BASE_BY_VALUE_PARAGRAPHS if p.f.decimals else 1
    best = None
    for g in candidates:
        if g is part or g.family != part.family or g.article != p.article or not ctx.usable(g) or g.direction \
                or g.para > p.para or part.para - g.para > reach:
            continue
        # (rounded to its precision, never truncated: a reading by value is held strictly)
        if _holds(part, g, p, truncated=False) and (best is None or abs(g.start - part.start) < abs(best.start - part.start)):
            best = g
    return best


def find_completion(ctx: Context) -> list[Relation]:
    """完成全年目标任务的64.23% = actual / target; a target stated elsewhere is never firm."""
    out = []
    used: dict[int, int] = {}  # target -> the first value measured against it
    prev: tuple[Fig, Fig] | None = None  # the last completion rate read whose cue states its target, and its value
    listed = {x.i for grp in ctx.groups for x in grp.parts}
    for p, m in _percentages(ctx, _completion_match):
        # (not a part in a bracket after the target: 占市分配任务1000万美元(其中加工贸易200万美元)的31.4%)
        inside = [g for g in _figs_in_clause(ctx, p, m, "target") if not _in_part_bracket(ctx, g, p.start)]
        cue_at = ctx.clause_pos(p, m.start())
        part = _part_before(ctx, p, limit=cue_at)
        if part is None and inside and prev is not None and prev[0].sentence == p.sentence \
                and not ctx.any_between(prev[0].end, cue_at):
            # one value against a second target its cue states, right after its first (已完成到位资金121.04亿元,完成
            # 省定目标任务120亿元的100.87%,完成州定目标任务140亿元的86.46%)
            part = prev[1]
        if part is None and inside and not ctx.any_between(ctx.stmt_start(p.start), cue_at):
            # a completion opening its full sentence, its target in the cue (…总投资100.2亿元。其中…。完成市下达任务100亿的
            # 100.2%): of the paragraph's last value of the target's kind; never firm (not in the rate's full sentence)
            part = next((g for g in ctx.nearest_before(inside[-1]) if g.para == p.para and g.family == inside[-1].family
                         and not ctx.is_target(g) and not g.direction and ctx.usable(g) and g.i not in listed), None)
        if part is None:
            continue
        prev = (p, part) if inside else None
        named = regex.sub(r"^完成", "", m.group("target"))
        target, firm = None, False
        if inside and inside[-1].family == part.family:
            target, firm = inside[-1], True
        budget = named in ctx.rules.budget_names
        # (the budget its words say was adjusted, or the one right before an actual named by its verb: read first)
        budget_first = budget and (_ADJUSTED in named or part.label in ctx.rules.actual_labels)
        if target is None and budget_first:
            # the adjusted budget (为调整预算的51.9%): the one its words say was adjusted (支出预算调整为2.1亿元) first, not a
            # budget named like the part before it (市级支出预算数1093.65亿元); and the budget right before an actual named by
            # its verb alone (支出预算合计139.7亿元，实际完成182.4亿元，为年初预算的130.6%), not one named 年初预算 elsewhere
            target, firm = _budget_before(ctx, p, part, named)
        if target is None:
            target, firm = _stated_target(ctx, p, part, named)
        if target is None and budget and not budget_first:
            target, firm = _budget_before(ctx, p, part, named)
        if target is None:
            target = _base_by_value(ctx, p, part, ctx.targets_around(part, p.article))
        if target is None:
            out.append(_rel(ctx, "ratio_of", "completion", p, [part], cue=f"完成{named}", missing="目标",
                            names=(ctx.name(part), "目标")))
            continue
        # one target is one value's: measured again for another value (其中续建项目…完成投资47.7亿元，完成年度计划投资的
        # 24.3%, after 完成投资96.4亿元，完成年度计划投资的31.7%), it is no firm reading of that one's own target
        firm = firm and used.setdefault(target.i, part.i) == part.i
        out.append(_rel(ctx, "ratio_of", "completion", p, [part, target], cue=f"完成{named}",
                        firm=firm and ctx.same_place([part], p), names=(ctx.name(part), "目标")))
    return out


def _share_match(ctx: Context, p: Fig) -> regex.Match | None:
    return rx_first(ctx.rules.share, p.clause)


def _single_share_match(ctx: Context, p: Fig) -> regex.Match | None:
    """:func:`_share_match` of a share stated alone: one after the respective word (分别占80%和20%) is one of a list,
    read by ``find_respective_values``."""
    m = _share_match(ctx, p)
    return None if m is not None and p.clause[:m.start()].strip(" ，,") == ctx.label_rules.respectively else m


_SUBJECT_STOPS = structure_rules().clause_breaks | frozenset("%％.0123456789")  # a clause break, a figure's end


def _subject_tail(s: str) -> str:
    """The words at the end of ``s`` after its last figure or list joint: 22.1%、第三产业增加值 -> 第三产业增加值."""
    k = len(s)
    while k > 0 and s[k - 1] not in _SUBJECT_STOPS:
        k -= 1
    return s[k:]


def _named_part(ctx: Context, p: Fig, subject: str) -> Fig | None:
    """The figure a share's subject names when no figure stands right before it (第一产业增加值占全州生产总值的
    比重为20.9%，第二产业增加值比重为22.1%): the nearest value before, a few statements back in the article,
    whose label is the subject or opens with it (民营经济 for 民营经济增加值; at least four characters, the
    subject's scope words dropped)."""
    if p.unit != "%":
        return None  # 比重上升3.82个百分点: a change of a share, not a share
    key = _share_key(ctx, _subject_tail(subject).strip(_TRIM))
    if len(key) < 4:
        return None
    for g in ctx.nearest_before(p):
        if g.article != p.article or p.stmt - g.stmt > NAMED_PART_STATEMENTS:
            break
        if ctx.usable(g) and not g.direction and not ctx.is_target(g) and g.label \
                and _share_key(ctx, g.label).startswith(key):  # 民营经济 for 民营经济增加值
            return g
    return None


def _share_name(name: str) -> str:
    """The name of a share's whole without the words after it (当年到位资金的比重 -> 当年到位资金)."""
    return regex.sub(r"(?:的|比重|比例|提高到|提高|达到|达|为)+$", "", name)


def _share_key(ctx: Context, name: str) -> str:
    """The name of a share's whole without the words that do not name it (当年到位资金的比重 -> 到位资金)."""
    key = _share_name(name)
    for w in ctx.rules.share_drop:
        key = key.replace(w, "")
    return key.strip(_TRIM)


def _share_of_same(ctx: Context, g: Fig, key: str) -> bool:
    """``g`` is stated with its own share of the whole named ``key`` (the first share among the percentages right after
    it in its sentence names it)."""
    for h in ctx.figs[g.i + 1:g.i + 4]:
        if h.sentence != g.sentence or h.kind != "percentage":
            break
        m = _share_match(ctx, h)
        if m is not None and m.group("whole").strip(_TRIM):
            return _share_key(ctx, m.group("whole")) == key
    return False


def _named_whole(ctx: Context, p: Fig, part: Fig, name: str) -> tuple[Fig | None, bool]:
    """(the figure a share's whole names, firm) (到位资金 -> 实际到位资金83.50亿元), when the match is
    strong. A figure whose label ends the name is preferred, the longest such label first, and is firm
    (占外贸出口总值的43.2% -> 出口7070.6亿元, not 外贸进出口1.15万亿元), and so is one whose indicator the
    name is a synonym of (占GDP的比重 -> 地区生产总值439.19亿元); else the most characters in common, never
    firm: words in common may be chance (进出口 for 出口总值)."""
    key = _share_key(ctx, name)
    loose = key.replace(TOTAL_CHAR, "")
    if not key and any(w in _share_name(name) for w in ctx.rules.total_words):
        # a whole named by scope and total words alone (苏南地区实际使用外资141.5亿美元，…，占全省总量的60.7%): the total of
        # the part's own measure, the nearest larger figure before it whose name ends its name (never firm)
        return _own_measure_total(ctx, part), False
    if len(key) < 2:
        return None, False
    # 占GDP的比重: the figure of indicator 地区生产总值 (looked up before the scope words go: 全县经济总量 -> 地区生产总值)
    named = indicator_lexicon().lookup(key) or indicator_lexicon().lookup(_share_name(name).strip(_TRIM))
    best: Fig | None = None
    best_score: tuple[int, int] = (0, 0)
    best_rank = (2, 2, 0)
    top = _top_section(ctx, p.start)
    planned = ctx.is_target(part)  # (a planned part is a share of a planned whole: 安排预备费1.70亿元 of 支出80.16亿元)
    for g in ctx.around(part):
        if g is part or g.article != p.article or g.family != part.family or not ctx.usable(g) or ctx.is_target(g) != planned:
            continue
        if ctx.is_prior(g):
            continue  # last year's level (比上年人均纯收入1848元) is no whole of this year's part
        if _share_of_same(ctx, g, key):
            continue  # a part with its own share of that whole (服务业实际使用外资119.8亿美元，…，占全省实际使用外资的51.4%)
        if g.value <= part.value and p.value < 100:
            continue  # a whole is larger than a part that is less than all of it (工业项目5个 is no whole of 农业项目5个)
        if g.label and g.label == part.label and g.para == part.para and g.sentence != part.sentence:
            continue  # the same measure for a sibling (乌恰县…0.68亿元；阿合奇县…0.64亿元，占全州…的4.5%)
        # a label ending the name is the strongest match (the longer the better); the name's indicator, a
        # weak one that still makes the match firm (nearest first among equals)
        # (a label that is the name with scope words before it, 市直一般公共预算支出 for 一般公共预算支出, matches
        # as well as the name alone: then the nearest before the share)
        ends = (len(g.label) if len(g.label) >= 2 and key.endswith(g.label)
                else len(key) if len(key) >= 4 and g.label.endswith(key)
                else 1 if named and g.indicator == named else 0)
        # (a name whose words all stand in the label, in order, with 总 left out: 公路总里程 for 公路通车里程; never firm)
        near = max(_lcs(key, g.clause), _lcs(key, g.label), _lcs(key, g.indicator),
                   len(loose) if len(loose) >= 4 and _abbreviates(loose, g.label) else 0)
        score = (ends, near)
        # in the share's own top-level section first (a budget report's 2026 draft, not the 2025 execution: 预备费
        # 1.70亿元，占一般公共预算支出的2.12%), then before it, then nearest
        rank = (0 if _top_section(ctx, g.start) == top else 1, 0 if g.start < part.start else 1, abs(part.start - g.start))
        if score > best_score or (score == best_score and score[1] and rank < best_rank):
            best, best_score, best_rank = g, score, rank
    if best is None or (not best_score[0] and best_score[1] < max(2, math.ceil(len(key) / 2))):
        return None, False  # 永久基本农田 is not 高标准农田: a weak match is no whole
    if best.value < part.value:
        return None, False  # a whole smaller than its part is another figure that shares a word of the name
    return best, bool(best_score[0])




def _own_measure_total(ctx: Context, part: Fig) -> Fig | None:
    """The nearest figure before ``part`` in its article, of its family and larger, whose name is the end of the part's
    or ends with it (实际使用外资 for 苏南地区实际使用外资; 实际到位资金 for 到位资金)."""
    return next((g for g in ctx.nearest_before(part) if g.article == part.article and g.family == part.family
                 and len(g.label) >= 2 and g.label != part.label
                 and (part.label.endswith(g.label) or len(part.label) >= 2 and g.label.endswith(part.label))
                 and g.value > part.value and not g.direction and ctx.usable(g) and not ctx.is_target(g)), None)


def _top_section(ctx: Context, pos: int) -> str:
    """The top-level heading over ``pos`` (二、2026年预算草案), or ''."""
    sec = ctx.doc.section_at(pos)
    return sec.path[0] if sec is not None and sec.path else ""


def _listed_before(ctx: Context, p: Fig, m: regex.Match) -> list[Fig]:
    """The figures a share sums up by a back reference (上述三者合计占…的48.3%): the last N values of one
    family before its clause, in its paragraph (``[share] listed`` in relations.toml)."""
    ref = rx_search(ctx.rules.share_listed, p.clause[:m.start()])
    if ref is None:
        return []
    n = _count_word(ref.group("n"))
    found: list[Fig] = []
    start = ctx.clause_pos(p, 0)
    for g in ctx.nearest_before(p):
        if g.start >= start:
            continue
        if g.para != p.para or len(found) == n:
            break
        if ctx.addable(g) and not g.redacted and (not found or g.family == found[0].family):
            found.append(g)
    return found[::-1] if len(found) == n else []


def _joined_parts(ctx: Context, p: Fig, subject: str) -> list[Fig]:
    """The figures a share's subject names one by one, joined by 和/及/与/、 (``respectively_joiners``; 已建成…项目18个，已开工在建项目
    180个，建成和开工在建占项目总数的67.8%): for each name the nearest value before the share in its full
    sentence whose words hold it, all of one family and distinct; [] unless every name is found."""
    names = [n.strip(_TRIM) for n in _split_names(_subject_tail(subject), ctx.rules.respectively_joiners)]
    if len(names) < 2 or any(len(n) < 2 for n in names):
        return []
    found: list[Fig] = []
    for name in names:
        g = next((g for g in ctx.nearest_before(p) if g.stmt == p.stmt and ctx.addable(g) and not g.redacted
                  and g not in found and name in f"{g.clause}{g.label}"), None)
        if g is None or (found and g.family != found[0].family):
            return []
        found.append(g)
    return sorted(found, key=lambda g: g.start)


def _count_word(s: str) -> int:
    return int(s) if s.isdigit() else _CN.get(s, 2 if s == "两" else 0)


def _base_before(ctx: Context, part: Fig) -> Fig | None:
    """The nearest larger value of ``part``'s family before it in its full sentence (an unnamed share's
    whole when no breakdown lists the part), else the first value of its paragraph when that is larger (全市社会
    保险基金预算收入3008亿元…。从资金来源看,财政补助787亿元,占比为26.2%: the paragraph's topic)."""
    for g in ctx.nearest_before(part):
        if g.stmt != part.stmt:
            break
        if g.family == part.family and ctx.usable(g) and not g.direction and g.value > part.value \
                and not _has_share(ctx, g):
            return g  # (not a sibling with its own share: 在建项目13个，占57%；…开工项目1个，占4% — 4% is not of 13)
    p = ctx.doc.paragraphs[part.para] if 0 <= part.para < len(ctx.doc.paragraphs) else None
    first = ctx.first_between(p.start, part.start) if p is not None else None
    if first is not None and first.stmt != part.stmt and first.family == part.family and ctx.usable(first) \
            and not first.direction and not ctx.is_target(first) and first.value > part.value:
        return first
    return None


#: How many enclosing sections up an unnamed share's whole may be looked for.
SECTION_LEVELS = 2


def _section_total(ctx: Context, part: Fig) -> Fig | None:
    """The one value of ``part``'s family, larger, that an enclosing section states in its own text before its first
    sub-section (（2）支出预算。2026年共安排支出预算70.9亿元。…⏎①基本支出。安排48亿元，占比67.7%): the topic an unnamed
    share under it is of. None when that text states none or several."""
    index = ctx.doc.section_index
    i = index.index_at(part.start)
    for _ in range(SECTION_LEVELS):
        i = index.parent[i] if i >= 0 else -1
        if i < 0:
            return None
        sec = index.sections[i]
        body_end = index.sections[i + 1].start if i + 1 < len(index.sections) and index.sections[i + 1].start < sec.end \
            else sec.end
        found = [g for g in ctx.between(sec.start, min(body_end, part.start)) if g.family == part.family
                 and ctx.usable(g) and not g.direction and g.value > part.value
                 and ctx.is_target(g) == ctx.is_target(part)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _has_share(ctx: Context, g: Fig) -> bool:
    """``g`` is followed, in its clause or the next, by its own share (在建项目13个，占57%): a part, like the one asking."""
    nxt = ctx.figs[g.i + 1] if g.i + 1 < len(ctx.figs) else None
    return nxt is not None and nxt.kind == "percentage" and nxt.sentence == g.sentence \
        and not ctx.any_between(g.end, nxt.start) and _share_match(ctx, nxt) is not None


_NUMERALS = "一二三四五六七八九十0123456789"
#: What ends the words naming the parts of shares stated respectively (a clause break, a figure's end).
_NAMES_STOPS = "，,；;。：:%％"


def _respective_names(ctx: Context, subject: str) -> list[str]:
    """The names of the parts shares stated respectively are of, in order: 第一、二、三产业增加值 -> 第一产业增加值,
    第二产业增加值, 第三产业增加值 (numbers share the first name's head and the last's tail); 城镇和农村居民 ->
    城镇, 农村居民; a collective name for its names (三次产业, ``[share.respective] collective``)."""
    k = len(subject)
    while k > 0 and subject[k - 1] not in _NAMES_STOPS and not subject[k - 1].isdigit():
        k -= 1
    words = subject[k:].strip(_TRIM)
    for name, parts in ctx.rules.share_collective:
        if name in words:
            return list(parts)
    pieces = _split_names(words, ctx.rules.respectively_joiners)
    if len(pieces) < 2:
        return []
    first, last = pieces[0], pieces[-1]
    head = first.rstrip(_NUMERALS)
    tail = last.lstrip(_NUMERALS)
    numbers = [first[len(head):], *pieces[1:-1], last[:len(last) - len(tail)]]
    if head and tail and all(n and not n.strip(_NUMERALS) for n in numbers):
        return [head + n + tail for n in numbers]  # 第一、二、三产业增加值
    return pieces if all(len(p) >= 2 for p in pieces) else []


def find_respective_shares(ctx: Context) -> list[Relation]:
    """第一、二、三产业增加值占地区生产总值的比重分别为10.6%、19.3%和70.1%: the k-th share is the k-th named part over
    the named whole; each part the nearest value before in its article whose label opens with its name."""
    out = []
    word = ctx.label_rules.respectively
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted or p.in_name:
            continue
        m = _share_match(ctx, p)
        if m is None:
            continue  # (分别 after the share word, or before it: 一、二、三产业增加值分别占全县生产总值的13.4%、…)
        names = _respective_names(ctx, p.clause[:m.start()].replace(word, ""))
        shares = ctx.listed_after(p, len(names))
        if len(names) < 2 or len(shares) != len(names) or word not in p.clause and len(ctx.listed_after(p)) != len(names):
            continue  # (without 分别, as many shares listed as names: 第一、二、三次产业…的比重为19.6%、27.8%和52.6%)
        parts: list[Fig] = []
        shortest = max(2, min(len(n) for n in names))
        for name in names:
            # the name, else its head (伊州区、巴里坤县、伊吾县地区生产总值: the last name carries the measure all share,
            # 伊吾县实现地区生产总值 starts with 伊吾县), no shorter than the shortest name
            part = next((g for k in range(len(name), shortest - 1, -1) for g in ctx.nearest_before(p)
                         if g.article == p.article and p.stmt - g.stmt <= NAMED_PART_STATEMENTS and ctx.usable(g)
                         and not g.direction and not ctx.is_target(g) and g not in parts
                         and (g.label or "").startswith(name[:k])), None)
            if part is None or parts and part.family != parts[0].family:
                break
            parts.append(part)
        if len(parts) != len(names):
            continue
        named = m.group("whole").replace(word, "")
        grp = ctx.group_of(parts[0])
        if grp is not None and all(ctx.group_of(g) is grp for g in parts) and (
                _lcs(named, grp.whole.label or grp.whole.clause) >= 2 or not _share_key(ctx, named)):
            # the parts a breakdown lists, over its whole the share names (or names by its scope alone: 占全市比重)
            whole, firm = grp.whole, grp.firm
        else:
            whole, firm = _named_whole(ctx, p, max(parts, key=lambda g: g.value), named)
            labels = [g.label or "" for g in parts]
            common = min(_common_suffix(labels[0], lab) for lab in labels[1:])
            if whole is None and not _share_key(ctx, named) and common >= 2:
                # a whole named by its scope alone (占全市比重): the one of what all the parts measure (伊州区实现地区
                # 生产总值, 巴里坤县实现地区生产总值 -> 地区生产总值1162.95亿元)
                whole, firm = _named_whole(ctx, p, max(parts, key=lambda g: g.value), labels[0][-common:])
        if whole is None or not firm and word not in p.clause:
            continue  # (without 分别 only a certain whole: the shares may be read one by one, of their own wholes)
        ctx.claimed.update(g.i for g in shares)
        for share, part in zip(shares, parts):
            out.append(_rel(ctx, "share_of", "share", share, [part, whole], cue="占" + _share_key(ctx, named), firm=firm,
                            cap=ctx.rules.share_max, names=(ctx.name(part), ctx.name(whole))))
    return out


def _holds(part: Fig, whole: Fig, p: Fig, *, truncated: bool = True) -> bool:
    """``p`` is ``part`` over ``whole`` to its written precision (or truncated to it, as the audit holds a ratio)."""
    if not whole.value or part.redacted or whole.redacted:
        return False
    c, u = ratio(part, whole)
    return agrees(p.written, c, p.half + u, p.half if truncated else 0.0)


def find_shares(ctx: Context) -> list[Relation]:
    """占当年到位资金的71.35% = part / whole; the whole stated in the clause, named, or the whole of the
    breakdown the part belongs to. A share of a whole outside the text (占全国…) is no relation."""
    out = []
    last: dict[int, tuple[Fig, int, bool]] = {}  # paragraph -> (whole its last share named, sentence, firm)
    carried: tuple[Fig, bool] | None = None  # (whole, firm) a share said holds for the shares below it (（下同）)
    bare: dict[int, Fig] = {}  # paragraph -> the whole its last share naming none (占比67.7%) was read against
    for p, m in _percentages(ctx, _single_share_match):
        named = m.group("whole").strip(_TRIM)
        if named and any(named.startswith(w) for w in ctx.rules.share_external):
            continue
        inside = _figs_in_clause(ctx, p, m, "whole")
        part = _part_before(ctx, p, limit=ctx.clause_pos(p, m.start()))
        part_named = part is None and (part := _named_part(ctx, p, p.clause[:m.start()])) is not None
        joined = _joined_parts(ctx, p, p.clause[:m.start()])  # 建成和开工在建占项目总数的67.8%
        if joined:
            part, part_named = None, False
        listed = joined or (_listed_before(ctx, p, m) if part is None else [])
        if listed and named:
            whole = inside[-1] if inside else _named_whole(ctx, p, listed[-1], m.group("whole"))[0]
            if whole is not None and whole.value >= sum(g.value for g in listed):
                out.append(_rel(ctx, "share_of", "share", p, [*listed, whole], cue="占" + named, firm=True,
                                cap=ctx.rules.share_max, names=("上述合计", ctx.name(whole))))
                continue
        whole, firm = None, False
        if part is not None:
            if inside:
                whole, firm = inside[-1], True
            elif not named:
                grp = ctx.group_of(part)
                among = _among_count(ctx, part, clause_before=True)
                if among is not None:
                    # 其中500个省级重点项目中新开工项目318个，占比63.6%: of the count its clause says it is among
                    whole, firm = among, True
                elif grp is not None:
                    # (a lone 其中 part read loosely — it may measure another thing — is firmly its whole's part for a share
                    # stated with it in the whole's full sentence: 累计完成210亿元…，其中民生支出完成138.3亿元…，占比65.8%)
                    whole, firm = grp.whole, grp.firm or grp.local and grp.whole.stmt == p.stmt and ctx.certain(p.stmt)
                    outer = bare.get(p.para)
                    if outer is not None and outer is not whole and outer.family == whole.family and outer.value > whole.value:
                        # a bare share of its paragraph measured against a larger whole before it (安排48亿元，占比67.7%。
                        # 其中，人员经费支出安排45.7亿元，占比64.5%: of the 70.9 too, likely): the 其中 whole is a reading
                        firm = False
                elif p.para in last and last[p.para][0].family == part.family and last[p.para][0].value >= part.value \
                        and (not part_named or p.stmt == last[p.para][1]):
                    # the whole the paragraph's last share named (…占外贸进出口总值的76.8%。同期，加工贸易
                    # 进出口1596.5亿元，占12.1%): firm when that share is one or two sentences back
                    whole, firm = last[p.para][0], last[p.para][2] and p.stmt - last[p.para][1] <= 2
                elif carried is not None and carried[0].article == p.article and carried[0].family == part.family \
                        and carried[0].value >= part.value:
                    # ——一般公共服务支出75.25亿元，占一般公共预算支出的（下同）7.8%。——公共安全支出67.34亿元，占比7.0%
                    whole, firm = carried
                else:
                    # 签约的218个项目…已有199个项目开工，占比91.28%; ①基本支出。安排48亿元，占比67.7% under （2）支出预算。
                    # 共安排支出预算70.9亿元: never firm
                    whole = _base_before(ctx, part) or _section_total(ctx, part)
                    # (firm when the statement opens among what it names: 常住人口中，男性人口为51034人，占51.81%; or the whole
                    # is the figure of its measure right before the part: 总装机达9157万千瓦，新能源装机达4091万千瓦、占比达44.7%)
                    firm = whole is not None and (_opens_among(ctx, part, whole) or _measure_right_before(ctx, part, whole))
                if whole is not None:
                    bare[p.para] = whole
            else:
                grp = ctx.group_of(part)
                whole, firm = _named_whole(ctx, p, part, m.group("whole"))
                key = _share_key(ctx, named)
                wholly = whole is not None and len(key) >= 2 and key in f"{whole.label}|{whole.clause}"
                if grp is not None and _lcs(named, grp.whole.label or grp.whole.clause) >= 2 \
                        and (key in f"{grp.whole.label}|{grp.whole.clause}" or not wholly):
                    # 履约项目10个，其中工业项目5个，…占全部项目的50%: named — unless another figure is named wholly
                    # (户籍总人口146041人 … 少数民族人口49933人，其中，蒙古族39913人，占户籍总人口27.3%)
                    whole, firm = grp.whole, True
            if whole is not None and named:
                last[p.para] = (whole, p.stmt, firm)
                if _has_any(ctx.rules.share_same_below, ctx.text[ctx.clause_pos(p, m.start()):p.start]):
                    carried = (whole, firm)
        cap = ctx.rules.share_max
        if part is not None and whole is not None:
            firm = firm and (ctx.same_place([part], p) or part_named) and _same_periods(ctx, p, whole)
        if part is not None and not firm and (whole is None or not _holds(part, whole, p)):
            # no whole the words find, or one they do not make firm that the share does not hold with: the whole its value
            # points to, before it in its paragraph or the ones before (到资1619.6亿元，占总额的87.8%: 到位内资1845.1亿元)
            whole = _base_by_value(ctx, p, part, ctx.around(part)) or whole
        if part is None or whole is None:
            over = p.written - p.half > cap
            if part is None and not over:
                continue
            out.append(_rel(ctx, "share_of", "share", p, [part] if part else [], cue="占" + named,
                            missing=named or "总体", cap=cap, names=("", named)))
            continue
        out.append(_rel(ctx, "share_of", "share", p, [part, whole], cue="占" + named, firm=firm, cap=cap,
                        names=(ctx.name(part), ctx.name(whole))))
    return out


def _among_count(ctx: Context, part: Fig, clause_before: bool = False) -> Fig | None:
    """The count ``part``'s clause says it is among (500个省级重点项目中新开工项目318个: 500个), of its family and larger;
    with ``clause_before``, also the count a clause of its statement right before it ends on (今年已开复工3114个项目中，
    新开工项目达2063个，占比66.2%: 3114个)."""
    if part.kind != "count":
        return None
    lo = ctx.clause_start(part.start)
    before = [g for g in ctx.between(lo, part.start) if g.family == part.family]
    if not before and clause_before and lo > ctx.sentence_start(part):
        end = lo  # (the clause before, up to its break: no copy of the text before it)
        while end > 0 and ctx.text[end - 1] in _TRIM:
            end -= 1
        before = [g for g in ctx.between(ctx.clause_start(end - 1), end) if g.family == part.family]
        if not before or not ctx.text[before[-1].end:end].endswith(_AMONG):
            return None
    if not before or before[-1].value <= part.value:
        return None
    words = ctx.text[before[-1].end:part.start]
    return before[-1] if _AMONG in words and not ctx.any_between(before[-1].end, part.start) else None


#: The word that puts a count's things among a larger count's (500个省级重点项目中).
_AMONG = "中"


def _opens_among(ctx: Context, part: Fig, whole: Fig) -> bool:
    """``part``'s full sentence opens with a clause naming ``whole`` as what its statements are among (常住人口中，男性
    人口为51034人，占51.81%；女性人口为47475人，占48.19% of 常住人口98509人; the scope words left out), a clause of words
    only."""
    lo = ctx.stmt_start(part.start)
    first = ctx.first_between(lo, part.start) or part
    cuts = ctx.doc.clause_cuts_between(lo, min(first.start, lo + TEXT_WINDOW))
    if not cuts:
        return False
    words = ctx.text[lo:cuts[0]].strip(_TRIM)
    name = _share_key(ctx, words[:-1]) if words.endswith(_AMONG) else ""
    return len(name) >= 2 and len(whole.label) >= 2 and (whole.label.endswith(name) or name.endswith(whole.label))


def _measure_right_before(ctx: Context, part: Fig, whole: Fig) -> bool:
    """``whole`` is the figure of ``part``'s family right before it in its full sentence and measures what it measures
    (总装机达9157万千瓦，新能源装机达4091万千瓦: 装机)."""
    return _own_measure_in_statement(ctx, part.start, whole, part) \
        and not any(g.family == part.family for g in ctx.between(whole.end, part.start))


def _same_periods(ctx: Context, p: Fig, whole: Fig) -> bool:
    """The periods ``p``'s full sentence names (``[share] periods``) are named in ``whole``'s too, or in the headings
    over it (or they share it): 2025年，全市税收收入完成36.06亿元，占地方一般公共预算收入的57.6% of the 62.57亿元 stated
    under （一）2025年预算收支完成情况."""
    pat = ctx.rules.share_periods
    if pat is None or whole.stmt == p.stmt:
        return True
    own = {m.group() for m in rx_finditer(pat, ctx.text, ctx.stmt_start(p.start), p.start)}
    if not own:
        return True
    sec = ctx.doc.section_at(whole.start)
    named = {m.group() for m in rx_finditer(pat, ctx.text, ctx.stmt_start(whole.start), whole.start)}
    named.update(m.group() for m in rx_finditer(pat, "\n".join(sec.path) if sec is not None else ""))
    return own <= named


# ---------------------------------------------------------------------------------------------
# breakdowns (其中 …)
def _cue_spans(ctx: Context) -> list[tuple[int, int, bool]]:
    """(start, end, local) of every breakdown cue in the text, in order."""
    spans = [(a, b, True) for a, b in ctx.cue_spans(ctx.rules.local_breakdown)]
    spans += [(a, b, False) for a, b in ctx.cue_spans(ctx.rules.remote_breakdown)]
    return sorted(spans)


def _is_total(ctx: Context, g: Fig) -> bool:
    return bool(rx_search(ctx.rules.strong_sum, g.clause) or rx_search(ctx.rules.weak_sum, g.clause))


def _bracket_end(ctx: Context, pos: int) -> int | None:
    """Where the bracket holding ``pos`` closes (博物馆27个（其中陈列馆4个，纪念馆4个）), if any (looking at
    most :data:`TEXT_WINDOW` characters either way)."""
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


def _part_run(ctx: Context, cue_end: int, next_cue: int, paragraph: bool = False) -> list[Fig]:
    """The figures a cue lists: to the end of its full sentence (or of the bracket it stands in; with
    ``paragraph``, of its paragraph), the next cue or a new total; at most FIGURE_WINDOW figures."""
    out: list[Fig] = []
    stmt, para = ctx.stmt_at(cue_end), ctx.para_at(cue_end)
    close = _bracket_end(ctx, cue_end)
    if close is not None:
        next_cue = min(next_cue, close)
    first = bisect.bisect_left(ctx._starts, cue_end)
    # a cue that ends its line (余额858.82亿元，其中：⏎一般债务余额…): its list opens the next one, and runs on over marked
    # lines (其中：⏎1.中央资金8500万元；⏎2.省级资金1.2亿元；⏎3.…)
    ends_line = first < len(ctx.figs) and ctx.figs[first].para == para + 1 \
        and not ctx.text[cue_end:ctx.doc.paragraphs[para].end].strip(" \t\r\n：:，,")
    if ends_line:
        stmt, para = ctx.figs[first].stmt, para + 1
    depth, pos = 0, cue_end  # brackets opened after the cue: a part's own breakdown (19524辆（含…1319辆）), skipped
    for g in itertools.islice(ctx.figs, first, first + FIGURE_WINDOW):
        if not paragraph and g.stmt != stmt and g.para == para + 1 and _ends_in_semicolon(ctx, para) \
                and (ends_line or not (_opens_marked(ctx, para) and _opens_marked(ctx, g.para))):
            # a list a line break cut after its ； (…增长 3.3%；⏎乡村消费品零售额…), not the next of marked items
            # (●农林水支出9.9亿元，…，其中使用一般债券资金安排支出1.85亿元；⏎●交通运输支出6.5亿元) but when the cue led them
            stmt, para = g.stmt, g.para
        if g.start >= next_cue or (g.para != para if paragraph else g.stmt != stmt) \
                or (out and rx_search(ctx.rules.strong_sum, g.clause)
                    and not ctx.rules.disjoint([p.label or p.clause for p in out if p.family == g.family] + [g.label or g.clause])):
            break  # a new total (…；共计…); a weak cue (7个县（区）共完成851064万元) is one more part, and so is a total naming
            # another class than the parts before it (其中，年末固定电话用户数100.96万户；移动电话用户总数1351.1万户)
        for c in ctx.text[pos:g.start]:
            if c in "（(":
                depth += 1
            elif c in ")）" and depth:
                depth -= 1
        pos = g.start
        if depth == 0:
            out.append(g)
    return out


def _plan_listed(ctx: Context, cue_start: int, listed: list[Fig]) -> bool:
    """The parts a local cue lists are a plan's: the value right before the cue in its statement is a target, and no
    part says it was done (计划的种植粮食面积37.7万亩，其中水稻29万亩; 支出预算调整为79.4亿元（其中：开发区9.8亿元）)."""
    before = [g for g in ctx.between(ctx.stmt_start(cue_start), cue_start) if g.kind != "percentage"]
    if not before or not ctx.is_target(before[-1]) or before[-1].stmt != listed[0].stmt:
        return False
    return not any(_has_any(ctx.rules.actual_labels, f"{g.label}|{g.clause}") or ctx.is_target(g) for g in listed)


def _opens_marked(ctx: Context, para: int) -> bool:
    """Paragraph ``para`` opens with an item's marker (●, ——, (1), 2., 三、: :data:`_PARA_MARKER`)."""
    p = ctx.doc.paragraphs[para] if 0 <= para < len(ctx.doc.paragraphs) else None
    return p is not None and rx_match(_PARA_MARKER, ctx.text, p.start, p.end) is not None


def _ends_in_semicolon(ctx: Context, para: int) -> bool:
    """Paragraph ``para`` ends in a ； (a list cut by a line break, not a paragraph's end)."""
    p = ctx.doc.paragraphs[para] if 0 <= para < len(ctx.doc.paragraphs) else None
    return p is not None and ctx.text[p.start:p.end].rstrip()[-1:] in "；;"


def _names_a_partition(ctx: Context, g: Fig) -> bool:
    """Whether ``g``'s name opens with a member of a known partition (城镇…, 第一产业…), not with a longer name
    that holds one (国有资本经营预算收入 is a fund's, no 国有 part)."""
    name = g.label or g.clause
    longer = _class_names(ctx.rules.classifications, ctx.rules.budget_funds)
    return any(name.startswith(n) and not any(len(w) > len(n) and name.startswith(w) for w in longer)
               for names in ctx.rules.partitions for n in names)


@functools.lru_cache(maxsize=8)
def _class_names(classifications: tuple[tuple[str, ...], ...], funds: tuple[str, ...]) -> tuple[str, ...]:
    """Every class of every classification and every fund's name (built once per rules)."""
    return tuple(w for c in classifications for w in c) + funds


def _partition_pick(ctx: Context, figs: list[Fig]) -> list[Fig] | None:
    """The first figure whose name starts with each name of a known partition, when all of them are among
    ``figs`` (分产业看，第一产业增加值12.51亿元，增长2.2%。第二产业增加值54.9亿元 …, nested lists in between)."""
    found = _partition_found(ctx, figs)
    return found[1] if found else None


#: How many paragraphs back a remote cue that names its whole (地方收入按部门分：) may find it.
NAMED_WHOLE_PARAGRAPHS = 3


def _count_in_cue(ctx: Context, cue_start: int, cue_end: int, family: str, parts: list[Fig]) -> Fig | None:
    """The one figure of the parts' family a cue holds, no smaller than any part (31宗未开工项目中，省重点项目有
    6宗…: the 31 are what the cue breaks down), or None."""
    inside = [g for g in ctx.between(cue_start, cue_end) if g.family == family and ctx.usable(g) and not g.direction]
    if len(inside) != 1 or any(p.value > inside[0].value for p in parts):
        return None
    return inside[0]


def _after_its_whole(ctx: Context, cue_start: int, whole: Fig, run: int = -1) -> bool:
    """A remote cue opening the full sentence right after ``whole``'s, or ending a run of full sentences each opened by a
    remote cue (``run``: the index of the first, -1 when the sentence before the cue's opens with none) that opens right
    after ``whole``'s, or whose last before the cue does: 社会消费品零售总额3817.69亿元…。按经营地分，城镇…；乡村…。按消费
    形态分，…; 债务余额266.63亿元…。分结构看，…。分性质看，…。分级次看，…."""
    at = ctx.stmt_at(cue_start)
    return at == whole.stmt + 1 or run >= 0 and whole.stmt + 1 in (run, at - 1)


def _opens_paragraph(ctx: Context, pos: int) -> bool:
    """Nothing but spaces and a list marker stands before ``pos`` in its paragraph (a cue opening it)."""
    p = ctx.doc.paragraphs[ctx.para_at(pos)]
    m = rx_match(_PARA_MARKER, ctx.text, p.start, pos)
    return not ctx.text[m.end() if m else p.start:pos].strip()


def _remote_whole(ctx: Context, cue_start: int, family: str, parts: list[Fig], taken: set[int],
                  partition: bool = False, by_measure: bool = False, after: int = -1,
                  run: int = -1, para_run: int = -1) -> tuple[Fig | None, bool]:
    """The whole a remote cue (在已实施的项目中，… / 分产业看，…) breaks down: the nearest figure before it in
    its paragraph that shares a word with the parts' names and is no smaller than any part. Parts that
    make up a known partition (第一/二/三产业) name no word of their whole (地区生产总值): then the nearest
    figure of the family in the paragraph, or in the one before, that they come within NEAR_WHOLE of or that
    the cue or the partition's ``wholes`` name; else the whole they measure further back
    (:func:`_measured_whole`). Otherwise the candidate closest to the parts' sum in the nearest paragraph
    holding one. No figure listed after the remote cue before this one (at ``after``), in that cue's statement, is
    its whole unless the cue names it: it is a part of that parallel breakdown (分结构看，地方政府债券263.53亿元，
    外债3.1亿元。分性质看，…).
    A cue opening the last of a run of paragraphs each opened by one (``para_run``: the first of them) reads back through
    them to the paragraph before the first, as if they were one.
    Returns (whole, loose): loose when a partition's whole was taken so outside the cue's paragraph (not a firm
    whole)."""
    para = ctx.para_at(cue_start)
    labels = [p.label or p.clause for p in parts]
    common = min((_common_suffix(labels[0], lab) for lab in labels[1:]), default=0)
    measure = labels[0][len(labels[0]) - common:] if common >= 2 else ""  # what all the parts measure (出口)
    # the words right before the cue name its whole (地方收入按构成分：): a part of an earlier list they name
    # may be it (地方一般公共预算收入1720万元, a part by level, broken down by kind)
    named = _cue_names(ctx, cue_start)
    spoken = _words_before_cue(ctx, cue_start)
    # … or the parts are a known partition of what it names (国税局/地税局/财政局 of 财政总收入)
    pk = _partition_index(ctx, parts) if partition else None
    k = bisect.bisect_left(ctx._starts, cue_start)
    # a cue that opens its paragraph (地方收入按构成分：…) breaks down a figure of the paragraph before
    opens = 0 <= para < len(ctx.doc.paragraphs) and bisect.bisect_left(ctx._starts, ctx.doc.paragraphs[para].start) == k
    total = sum(p.value for p in parts if not math.isnan(p.value))
    run_start = ctx.doc.paragraphs[para_run].start if 0 <= para_run < para else -1
    fallback: list[Fig] = []  # candidates the parts do not come near, nearest first
    for g in reversed(ctx.figs[max(0, k - FIGURE_WINDOW):k]):
        near = g.para == para or ((partition or opens) and (g.para == para - 1 or 0 <= para_run and para_run - 1 <= g.para))
        if not near and not ((named or pk is not None) and g.para >= para - NAMED_WHOLE_PARAGRAPHS):
            break
        cue_names_it = _abbreviates(named, g.label)
        if g.start > after >= 0 and g.stmt == ctx.stmt_at(after) and not cue_names_it:
            continue
        if len(spoken) >= 4 and not cue_names_it and g.stmt != ctx.stmt_at(cue_start) and not _abbreviates(spoken, g.clause):
            continue  # a whole the words before the cue name and no figure states (限额以上零售总额按经营地统计，城镇…: not
            # 社会消费品零售总额; 在已实施的项目中 names the projects, not a figure)
        if not near and not (cue_names_it or pk is not None and ctx.rules.names_whole(pk, g.label or g.clause)):
            continue  # further back only the whole the cue names (地方收入按部门分: two lists after 地方…收入1720万元)
        if by_measure and not _measure_whole(ctx, g, measure):
            continue  # a list split off by its measure is of a whole of that measure (余额, not 限额)
        if g.family != family or not (ctx.addable(g) or ctx.average_whole(g, parts)) or g.redacted \
                or g.i in taken and not (cue_names_it or _measure_whole(ctx, g, measure)
                                         and (abs(g.value - total) <= NEAR_WHOLE * g.value
                                              or by_measure and total <= NOT_PARTS * g.value and _disjoint(ctx, parts))
                                         or len(parts) > 1 and agrees(g.value, total, sum_tolerance(g, parts))):
            continue  # (a part of an earlier list is a whole when named, or when it is of what all the parts measure
            # and they come near it — or, a list split by measure, name distinct classes within NOT_PARTS of it, a slip:
            # 出口总额1260.86亿元 for 一般贸易出口594.19亿元, 加工贸易出口646.53亿元; or when they add up to it:
            # 其中…消费品零售额116203.4万元。按消费形态分，餐饮收入3590.7万元…商品零售收入112612.7万元)
        # (the cue's full sentence or the one before; or the one before a remote cue's list right before the cue:
        # 社会消费品零售总额3817.69亿元…。按经营地分，城镇…；乡村…。按消费形态分，商品零售…；餐饮收入…)
        right_before = g.stmt >= ctx.stmt_at(cue_start) - 1 or _after_its_whole(ctx, cue_start, g, run)
        # (classes of one classification after the full sentence of the one figure of their family before the cue: its
        # breakdown, within NOT_PARTS of it: 用水总量85.07亿立方米。按水源分，地表水…，地下水…，其他水源…)
        # (not a figure a known partition's named wholes exclude: 税收/非税收入 of a 收入, not of the 支出 beside it)
        sole = _after_its_whole(ctx, cue_start, g, run) and total <= NOT_PARTS * g.value and _disjoint(ctx, parts) \
            and (pk is None or ctx.rules.may_be_whole(pk, g.label or g.clause)) \
            and not any(h.family == family and ctx.addable(h)
                        for h in ctx.between(g.end, run_start if run_start > g.end else after if after > g.end
                                             else cue_start))  # (past the list before, or the run of cue paragraphs)
        if not cue_names_it and not all(g.value >= p.value for p in parts if not math.isnan(p.value)) \
                and not (right_before and total <= NOT_PARTS * g.value and _disjoint(ctx, parts)):
            continue  # (a whole the cue names is it even when a part, written wrong, exceeds it; so is the figure of the
            # full sentence right before the cue that classes of one classification come near: 社会消费品零售总额…。按经营地
            # 分，城镇…，乡村…)
        if not partition and not any(_lcs(g.label or g.clause, lab) >= 2 for lab in labels) and not sole and not (
                right_before and (agrees(g.value, total, sum_tolerance(g, parts))
                                  or abs(g.value - total) <= NEAR_WHOLE * g.value and _disjoint(ctx, parts))):
            continue  # a list's whole shares a word with its parts' names, or is the sum its parts make right before
            # the cue (用水总量85.07亿立方米。按水源分，地表水70.94亿立方米，地下水开采量13.59亿立方米，其他水源0.53亿立方米),
            # or classes of one classification come near it (保费收入284.22亿元。分险种看，财产险…；寿险…；健康险…)
        # the nearest the parts come near (收入分项情况：… adds up to 收入419480万元, not to 收入总计1352093万元 after
        # it; 公有/非公有 of 地区生产总值1228亿元, not of 非油经济增加值952.3亿元 nearer), or a partition's named whole
        if abs(g.value - total) <= NEAR_WHOLE * g.value or sole or partition and (
                cue_names_it or pk is not None and ctx.rules.names_whole(pk, g.label or g.clause)):
            if not cue_names_it and len(parts) > 1 and not agrees(g.value, total, sum_tolerance(g, parts)):
                summed = _summed_whole_before(ctx, g, parts, total, para - NAMED_WHOLE_PARAGRAPHS)
                if summed is not None:
                    return summed, False
            return g, False
        fallback.append(g)
    found = _measured_whole(ctx, k, para, family, parts) if partition else None
    if found is not None or not fallback:
        return found, False
    # none comes near: the one closest to the parts' sum, in the nearest paragraph holding one
    fallback = [g for g in fallback if g.para == fallback[0].para]
    best = min(fallback, key=lambda g: abs(g.value - total) / g.value if g.value else math.inf)
    return best, partition and best.para != para


def _summed_whole_before(ctx: Context, near: Fig, parts: list[Fig], total: float, first_para: int) -> Fig | None:
    """A figure before ``near`` (from paragraph ``first_para`` on, in its article) that the parts add up to, when
    ``near`` — the nearest whole they fit by name — is not their sum: the whole they break down (全县入库财政收入
    113232万元…。⏎县本级财政收入97164万元…。⏎按征收部门划分：国税51222万元…地税25378万元…财政36632万元)."""
    labels = [p.label or p.clause for p in parts]
    k = bisect.bisect_left(ctx._starts, near.start)
    for g in reversed(ctx.figs[max(0, k - FIGURE_WINDOW):k]):
        if g.para < first_para or g.article != near.article:
            break
        if g.family == near.family and not g.redacted and ctx.addable(g) \
                and agrees(g.value, total, sum_tolerance(g, parts)) \
                and any(_lcs(g.label or g.clause, lab) >= 2 for lab in labels):
            return g
    return None


def _measure_whole(ctx: Context, g: Fig, measure: str) -> bool:
    """``g``'s name, less a total word (``[breakdown] total_words``), ends with the end of ``measure`` (出口总额 for
    贸易出口: 出口)."""
    name = g.label
    for w in ctx.rules.total_words:
        name = name.removesuffix(w)
    return any(name.endswith(measure[-k:]) for k in range(2, len(measure) + 1))


#: A known partition's whole found by what its parts measure may lie this far from their sum (relative):
#: further off, the parts break down something else of that measure.
NEAR_WHOLE = 0.1


def _parts_measure(ctx: Context, parts: list[Fig]) -> str:
    """What the parts of a known partition all measure: the common end of their names after the partition's
    names (第一产业投资, 第二产业投资, 第三产业投资 -> 投资), or '' when it is shorter than two characters."""
    k = _partition_index(ctx, parts)
    if k is None:
        return ""
    tails = []
    for p, names in zip(parts, _part_names(ctx, parts)):
        name = next((x for x in names.split("|") if any(n in x for n in ctx.rules.partitions[k])), "")
        n = max((n for n in ctx.rules.partitions[k] if n in name), key=len, default="")
        tails.append(name[name.index(n) + len(n):] if n else "")
    c = min(_common_suffix(tails[0], t) for t in tails[1:])
    return tails[0][len(tails[0]) - c:] if c >= 2 else ""


def _measures(ctx: Context, whole: Fig, parts: list[Fig]) -> bool:
    """``whole`` measures what the known partition ``parts`` all measure (城镇投资 for 第一/二/三产业投资)."""
    return _measured_by(_parts_measure(ctx, parts), whole)


def _measured_by(measure: str, g: Fig) -> bool:
    """``g``'s name ends in the last two characters or more of ``measure`` (完成投资 -> 固定资产投资)."""
    return bool(measure) and _common_suffix(measure, g.label or g.clause) >= 2


def _measured_whole(ctx: Context, k: int, para: int, family: str, parts: list[Fig]) -> Fig | None:
    """The nearest figure up to NAMED_WHOLE_PARAGRAPHS back that measures what a known partition's parts measure
    and comes within NEAR_WHOLE of their sum, even one an earlier list took as a part (城镇投资21844亿元, a part
    of 全社会投资, broken down two paragraphs on: 分三次产业看，第一产业投资212亿元…第三产业投资12841亿元)."""
    measure = _parts_measure(ctx, parts)
    if not measure:
        return None
    total = sum(p.value for p in parts if not math.isnan(p.value))
    for g in reversed(ctx.figs[max(0, k - FIGURE_WINDOW):k]):
        if g.para < para - NAMED_WHOLE_PARAGRAPHS:
            break
        if g.family == family and ctx.addable(g) and not g.redacted and _measured_by(measure, g) \
                and abs(g.value - total) <= NEAR_WHOLE * g.value:
            return g
    return None


def _cue_names(ctx: Context, cue_start: int) -> str:
    """What a remote cue says it breaks down: the words right before it (地方收入按部门分：) or its own
    ``whole`` group (在上半年城镇投资中，), or ''."""
    return _words_before_cue(ctx, cue_start) or _cue_whole(ctx, cue_start)


def _words_before_cue(ctx: Context, cue_start: int) -> str:
    """The words right before a remote cue in its clause (限额以上零售总额按经营地统计 -> 限额以上零售总额), or ''."""
    lo = max(ctx.clause_start(cue_start), ctx.stmt_start(cue_start))  # (not the clause the full stop before ended)
    return ctx.text[lo:cue_start].strip(_TRIM)


def _cue_whole(ctx: Context, cue_start: int) -> str:
    """The whole a remote cue names inside itself (在上半年城镇投资中， -> 城镇投资: its ``whole`` group, glosses
    and scope words dropped), or ''."""
    for p in ctx.rules.remote_breakdown:
        m = rx_match(p, ctx.text, cue_start)
        if m is not None and "whole" in p.groupindex and m.group("whole"):
            return _share_key(ctx, strip_glosses(m.group("whole")))
    return ""


def _abbreviates(short: str, name: str) -> bool:
    """``short`` (two characters or more) is ``name`` with characters left out: 地方收入 for 地方一般公共预算收入.

    >>> _abbreviates("地方收入", "地方一般公共预算收入"), _abbreviates("税收", "非税收入"), _abbreviates("收入", "支出")
    (True, True, False)
    """
    it = iter(name)
    return len(short) >= 2 and all(c in it for c in short)


def _partition(ctx: Context, parts: list[Fig]) -> bool:
    """The parts' names make up one complete set (第一/二/三产业, 城镇/农村, 新建/续建)."""
    return _partition_index(ctx, parts) is not None


def _disjoint(ctx: Context, parts: list[Fig]) -> bool:
    """The parts' names make up a known partition or name distinct classes of one classification (铁路/公路/水路)."""
    return _partition(ctx, parts) or ctx.rules.disjoint_parts([p.label or p.clause for p in parts])


#: What ends the words naming a part when brackets and counts inside them are read through.
_ITEM_BREAKS = "，,；;。：:、"


def _part_names(ctx: Context, parts: list[Fig]) -> list[str]:
    """The words naming each part: its label or clause, and its words read through brackets and counts
    (7个县(区)公共财政预算收入共完成851064万元: the count and the bracket cut the clause short)."""
    key = tuple(p.i for p in parts)
    if key in ctx.part_names:  # (asked again for the same list while its whole is chosen and checked)
        return ctx.part_names[key]
    out, prev = [], None
    for p in parts:
        lo = max(ctx.sentence_start(p), prev.end if prev is not None else 0, p.start - TEXT_WINDOW)
        words = ctx.text[lo:p.start]
        cut = max(words.rfind(c) for c in _ITEM_BREAKS)
        out.append(f"{p.label or p.clause}|{strip_glosses(words[cut + 1:])}")
        prev = p
    ctx.part_names[key] = out
    return out


def _partition_index(ctx: Context, parts: list[Fig]) -> int | None:
    names = _part_names(ctx, parts)
    return ctx.rules.partition_named(names)


def _partition_prefix(ctx: Context, parts: list[Fig]) -> int:
    """How many leading parts make up a known partition (0 when none): 其中，男108374人，女101710人；出生人口1290人
    -> 2, so the first two must add up to the whole even when the list goes on with other measures."""
    names = _part_names(ctx, parts)
    return max((len(ps) for ps in ctx.rules.partitions
                if len(ps) < len(parts) and names_partition(ps, names[:len(ps)])), default=0)


def _whole_of_partition(ctx: Context, whole: Fig, parts: list[Fig]) -> bool:
    """The parts make up a known partition and ``whole`` is named as what it breaks down (生产总值 for
    第一/二/三产业: partition ``wholes`` in relations.toml), so a remote cue's whole is certain."""
    k = _partition_index(ctx, parts)
    if k is None or k >= len(ctx.rules.partition_wholes):
        return False
    return ctx.rules.names_whole(k, whole.label or whole.clause)


def _best_whole(ctx: Context, candidates: list[Fig], parts: list[Fig]) -> Fig | None:
    """Of the values before a 其中 (nearest first), the one the parts break down: naming what they name
    (总产值69.93亿元，…增加值37.90亿元。其中，农业产值7.09亿元 … -> 总产值), then no smaller than the first two
    parts, then the nearest. One smaller than the first part is a whole only when that part measures what
    it measures (财政总收入4348万元。其中:税收收入4389万元: too large a part; the list is cut where a later
    part exceeds its whole)."""
    if not candidates:
        return None
    big = {k for k, g in enumerate(candidates) if all(not p.value > g.value or _kind_of(g, p) for p in parts[:2])}
    fits = [(k, g) for k, g in enumerate(candidates)
            if k in big or _one_part(ctx, g, parts[0]) and not (parts[1:2] and parts[1].value > g.value)]
    names = [p.label or p.clause for p in parts]
    k, best = max(fits or [(0, candidates[0])],
                  key=lambda kg: (max(_lcs(kg[1].label or kg[1].clause, n) for n in names) >= 2, kg[0] in big, -kg[0]))
    return best


#: Two labels ending alike in this many characters or more (盟本级一般公共预算支出累计 / 旗级一般公共预算支出累计) name one
#: measure for two scopes.
SIBLING_SUFFIX = 4


def find_groups(ctx: Context) -> list[Group]:
    """Every whole with the parts a breakdown cue lists after it."""
    groups: list[Group] = []
    taken: set[int] = set()
    spans = _cue_spans(ctx)
    last_remote, run_from, para_from = -1, -1, -1
    for k, (cs, ce, local) in enumerate(spans):
        first = len(groups)
        after = last_remote  # the remote cue before this one: what its statement lists is no whole of this one's
        # (the first of the full sentences each opened by a remote cue that run up to this one's: 分结构看…。分性质看…。)
        run_at = run_from if after >= 0 and ctx.stmt_at(after) == ctx.stmt_at(cs) - 1 else -1
        para_run = -1
        if not local:
            # (… or the first of the paragraphs each opened by one, up to this one's: 从产业看，…。三次产业比为…。⏎从中直和
            # 地方看，…⏎从油与非油看，…: each breaks down the whole before the first; ``para_from``: the paragraph such a run
            # opened with, when the remote cue before this one opened its paragraph)
            para = ctx.para_at(cs)
            opens = _opens_paragraph(ctx, cs)
            para_run = para_from if opens and para_from >= 0 and ctx.para_at(after) == para - 1 else -1
            if run_at < 0 and 0 <= para_run < para:
                run_at = ctx.stmt_at(ctx.doc.paragraphs[para_run].start)
            last_remote, run_from = cs, run_at if run_at >= 0 else ctx.stmt_at(cs)
            para_from = para_run if para_run >= 0 else para if opens else -1
        # the next cue, past the brackets of this cue's own parts (营运货车19524辆（含…1319辆），客运车辆9031辆)
        inside = _bracket_end(ctx, cs + 1) if any(ctx.text[a] in "（(" for a, _, _ in spans[k + 1:k + 2]) else None
        # … and past cues in a bracket opened after this one (包括：新增债券64.03亿元（其中一般债券…）；再融资债券…: that
        # 其中 breaks down a part; a bracket within TEXT_WINDOW)
        nxt = next((a for a, _, _ in spans[k + 1:] if (ctx.text[a] not in "（(" or inside is not None and a < inside)
                    and not (a - ce <= TEXT_WINDOW and ctx.inside_bracket(ce, a))), len(ctx.text))
        nxt = _past_item_cues(ctx, ce, nxt, spans[k + 1:])
        listed = _part_run(ctx, ce, nxt)
        # (a count its next figure is said to be among is no part of its own: 其中500个省级重点项目中新开工项目318个)
        among = {a.i for g in listed if (a := _among_count(ctx, g)) is not None}
        listed = [g for g in listed if g.i not in among]
        # (last year's level an item compares with is no part: 公务接待支出124万元,比上年累计支出148万元下降24万元)
        listed = [g for g in listed if not ctx.is_prior(g)]
        run = [g for g in listed if ctx.addable(g)]
        # a plan broken down into planned parts (收入总量为437.6亿元，其中，一般公共预算收入154.7亿元… in a budget's draft):
        # read as a breakdown of targets when every figure the cue lists is one, and its whole is one too
        plan = not run and bool(listed) and all(ctx.is_target(g) for g in listed) or (
            local and bool(listed) and _plan_listed(ctx, cs, listed))
        if plan:
            run = [g for g in listed if ctx.addable(g, targets=True)]
        if not run:
            continue
        cue = strip_glosses(ctx.text[cs:ce]).strip("，,：:")
        restated = (_restated_measures(ctx, cs, run) or _restated_spans(ctx, cs, run)) if local else []
        if restated:
            # 签约项目108个,签约资金64.08亿元,引进优强企业21家…。其中,我区单独签约项目94个,签约资金50.51亿元,引进优强
            # 企业16家…: each part within the whole of its own measure (read when it is)
            groups += [Group(w, [g], cue, True, _own_measure_in_statement(ctx, cs, w, g), False) for w, g in restated]
            taken.update(g.i for _, g in restated)
            continue
        items = _restated_items(ctx, cs, cue, [g for g in listed if ctx.addable(g, targets=True)]) if local else []
        if items:
            groups += items
            taken.update(p.i for grp in items for p in grp.parts)
            continue
        wholes: dict[str, list[Fig]] = {}
        if local:
            # the figures before the cue whose statement reaches it (the last of each family); the
            # full sentence before when the cue opens one (…295个。其中工业项目58个 …)
            lo = ctx.stmt_start(cs)
            opens = not ctx.text[lo:cs].strip(_TRIM)
            # a plan's parts are of the families its targets before the cue measure (在谈项目共58个,计划总投资897.355亿元,
            # 其中9个项目…,总投资额121.5亿: the 121.5 of the planned 897.355, the 9 of the 58 projects)
            planned = {g.family for g in ctx.between(lo, cs) if ctx.is_target(g)} if plan else set()
            if opens:
                lo = ctx.stmt_start(max(lo - 1, 0))
                if not ctx.between(lo, cs):
                    lo = _paragraph_before(ctx, cs, run[0].family, len({g.family for g in listed}) == 1)
                elif lo > 0 and ctx.para_at(lo - 1) == ctx.para_at(cs) and not any(
                        ctx.addable(g) for g in ctx.between(lo, cs)):
                    # a full sentence of rates only stands between (总投资73.22亿元…。总投资、年度计划投资分别较去年
                    # 全年增长44.14%、0.32%。其中政府投资18.87亿元…): the one before it states the whole
                    lo = ctx.stmt_start(lo - 1)
            for g in reversed(ctx.between(lo, cs)[-FIGURE_WINDOW:]):
                if not opens and g.sentence != run[0].sentence and ctx.sentence_end(g) < cs \
                        and ctx.text[ctx.sentence_end(g) - 1:cs].strip(_TRIM + "。"):
                    break  # statements end in order: no earlier figure's statement reaches the cue
                # (a cue opening a full sentence breaks down that whole sentence, over its ；: 旅游接待总人数
                # 7883.48万人次…；实现旅游总收入876.71亿元…。其中，接待入境旅游者4.03万人次…)
                if (ctx.addable(g, targets=plan) or ctx.average_whole(g, run)) and not ctx.is_prior(g) \
                        and (not plan or ctx.is_target(g) or g.family not in planned) and not g.redacted:
                    wholes.setdefault(g.family, []).append(g)  # nearest first
            if ctx.text[cs] in "（(" or cs > 0 and ctx.text[cs - 1] in "（(":
                # a bracket right after a figure (or a cue opening one: 查出问题金额13884万元(其中市本级4139万元)) breaks down
                # that figure alone
                if _is_total(ctx, run[0]):
                    continue  # (一等奖3人（全省共4人获一等奖）: a wider total, no part)
                # … or the value before the rates that follow it (收入完成322,215万元，为预算的101.5%，同比增长29.3%(税收
                # 收入完成131,589万元…；非税收入…))
                # (not a change before a bracket of levels: 收入5.89亿元，…，短收0.25亿元（其中：税收收入3.97亿元…）)
                last = list(itertools.dropwhile(lambda g: g.kind == "percentage" or g.direction and not run[0].direction,
                                                reversed(ctx.between(max(lo, ctx.stmt_start(cs)), cs))))[:1]
                # … and the figures listed with it by 、 (计划共2100户、补助资金2077万元(其中:第一批808户、补助资金606万元;…)) or
                # written right before it (全镇13951户68202人(城镇人口240户544人,农村人口13711户67658人))
                while last and last[-1].i > 0 and (h := ctx.figs[last[-1].i - 1]).start >= lo \
                        and ("、" in (between := ctx.text[h.end:last[-1].start]) or not between.strip()) \
                        and not any(c in "，,。；;" for c in between):
                    last.append(h)
                if len(listed) == 1 and last and last[0].family == run[0].family and run[0].value > last[0].value \
                        and ctx.text[cs] in "（(" and not _has_any(PART_OPENERS, ctx.text[cs:run[0].start]) \
                        and (rate := ctx.last_before(cs)) is not None and rate.kind == "percentage" and rate.end == cs:
                    continue  # (履约项目18个，履约率90%（签约项目20个）: one figure over the level, no part word, right after a
                    # rate — the rate's base; 统筹各类资金47.22亿元（专项债券27.02亿元） right after its level is a part still)
                wholes = {f: gs[:1] for f, gs in wholes.items() if any(gs[0] is x for x in last)}
            if run[0].family not in wholes:
                # (a count naming the part before its value, 其中62家限上法人企业完成消费品零售额116203.4万元: the value is
                # the part; 其中深圳…2条生产线, no family of a whole at all: not a numeric breakdown of the whole)
                value = next((g for g in run if g.family in wholes), None)
                if value is None or not local or value.sentence != run[0].sentence:
                    continue  # (the count's statement must go on to the value: 深圳…2条手机整机生产线已投产运营; does not)
                run = [g for g in run if g.family in wholes]
            near = wholes[run[0].family][:2]
            if opens and len(near) == 2 and near[0].label != near[1].label \
                    and _common_suffix(near[0].label, near[1].label) >= SIBLING_SUFFIX:
                # two scopes' figures of one measure right before (盟本级一般公共预算支出累计287998万元…；旗级一般公共预算支出
                # 累计819317万元…。财政支出中，民生支出…): the list is of the total they make, stated before them
                summed = _summed_whole_before(ctx, near[-1], near, near[0].value + near[1].value,
                                              ctx.para_at(cs) - NAMED_WHOLE_PARAGRAPHS)
                if summed is not None:
                    wholes[run[0].family] = [summed]
        periods = [] if local else _by_period(ctx, run)
        lists = [run] if local else periods or _by_measure(run)
        for measured in lists:
            # (a remote cue's list of two measures: 按贸易方式分，一般贸易出口…；加工贸易出口…；一般贸易进口…；加工贸易进口…:
            # each an open list of its own whole, unless a known partition)
            wide: list[Fig] | None = None
            for fam in dict.fromkeys(g.family for g in measured):
                parts = [g for g in measured if g.family == fam]
                if _names_a_partition(ctx, parts[0]) or (not local and len(parts) < 2):
                    if wide is None:  # the paragraph after the cue (at most FIGURE_WINDOW figures)
                        wide = [g for g in _part_run(ctx, ce, len(ctx.text), paragraph=True) if ctx.addable(g, targets=plan)]
                    picked = _partition_pick(ctx, [g for g in wide if g.family == fam])
                    if picked and (_other_whole_between(ctx, spans[k + 1:], picked, plan)
                                   or not local and _claimed_by_local_cue(ctx, spans[k + 1:], ce, picked)):
                        picked = None
                    if picked and (set(parts) <= set(picked) or len(parts) < 2):
                        # the list goes on over full sentences (…62857万元。…第三产业增加值115952万元), or a remote
                        # cue's paragraph holds a known partition (在城镇投资中，国有…。…中央项目3370亿元；地方项目18474亿元)
                        parts = picked
                parts, nested, complete = _item_heads(ctx, parts)
                if not parts or len(parts) < 2 and not local:
                    continue
                inner = _count_in_cue(ctx, cs, ce, fam, parts)
                # (a cue saying what the figure right before it is, specifically: that figure, ``adjacent_cues``)
                near = wholes.get(fam, [])[:1] if cue.startswith(ctx.rules.adjacent_cues) else wholes.get(fam, [])
                whole, loose = ((inner, False) if inner is not None
                                else (_best_whole(ctx, near, parts), False) if local
                                else _remote_whole(ctx, cs, fam, parts, taken, _partition(ctx, parts),
                                                   len(lists) > 1 and not periods, after=after, run=run_at,
                                                   para_run=para_run))
                if whole is None or local and whole.source == "table" and parts[0].source == "table" \
                        and whole.f.cell is not None and parts[0].f.cell is not None \
                        and whole.f.cell[0] == parts[0].f.cell[0]:
                    continue  # (a 其中 in a table's row name breaks down the row above, read by the table's outline)
                # (a cue holding its whole names it by the words after it: 31宗未开工项目中 -> 未开工项目中)
                named_cue = strip_glosses(ctx.text[inner.end:ce]).strip("，,：:") if inner is not None else cue
                if len(parts) > 1 and any(p.value > whole.value for p in parts):
                    # a part is no larger than its whole (one alone is checked against it) …
                    # … except the first after a 其中, when it measures what the whole measures (政府性基金收入969万元，
                    # 其中国有土地使用权出让收入1082万元): the cue names it a part, too large. A later one may
                    # belong to a list that has drifted on (…其中:油菜籽产量11.1万吨;蔬菜及食用菌总产量49.9万吨)
                    # … and a remote cue that names its whole (地方收入按部门分：) lists its parts, whatever their size
                    # … and parts naming distinct classes of one classification (国家级12个、省级34个) are parts
                    # when together they come near it (a slip; not another list's)
                    head = (len(parts) if sum(p.value for p in parts) <= NOT_PARTS * whole.value
                            and _disjoint(ctx, parts)
                            else int(local and parts[0].value > whole.value and _one_part(ctx, whole, parts[0], kinds=True))
                            if local or not _abbreviates(_cue_names(ctx, cs), whole.label) else len(parts))
                    # (… and a part named as a kind of its whole stays, however large: 汽车保有量339.38万辆…。其中，个人汽车保有量
                    # 308.24万辆；新能源汽车保有量33.42万辆)
                    parts = parts[:head] + list(itertools.takewhile(
                        lambda p: not p.value > whole.value or local and _kind_of(whole, p), parts[head:]))
                if len(parts) == 1 and local and _one_part(ctx, whole, parts[0], kinds=True):
                    # one part of the whole's own measure, alone or before other measures (播种面积324.3万亩,其中:
                    # 粮食作物播种面积221.0万亩; 其中:油菜籽产量11.1万吨;蔬菜…): no larger than it
                    groups.append(Group(whole, parts, cue, True, ctx.certain(whole.stmt), False))
                    taken.add(parts[0].i)
                    continue
                if len(parts) == 1 and local and _lone_part(ctx, whole, parts[0]):
                    # any other lone part the cue names (小型载客汽车保有量271万辆；其中，非营运汽车264.57万辆): read only
                    # within its whole, never firmly (it may measure another thing)
                    groups.append(Group(whole, parts, cue, True, False, False))
                    taken.add(parts[0].i)
                    continue
                if len(parts) < 2:
                    # (an item's own breakdown stands even when the item is no part of the whole: 新增债券331446万元，
                    # 市本级留用90000万元，转贷县（市、区）241446万元)
                    groups += [Group(head, rest, cue, True, ctx.certain(head.stmt), complete) for head, rest in nested]
                    continue
                # a remote cue's whole is firm in the cue's own full sentence (总里程3170公里，按技术等级划分，…), or
                # when the parts are a partition of what it names (生产总值…。分产业看，第一产业…第三产业…)
                firm = ctx.certain(whole.stmt) and not loose and (local or whole.stmt == ctx.stmt_at(cs)
                                                     or _whole_of_partition(ctx, whole, parts)
                                                     or _measures(ctx, whole, parts)
                                                     # 社会消费品零售总额2186.7亿元…。按经营地统计，城镇…；乡村…: a known
                                                     # partition (or classes of one classification) opening the
                                                     # full sentence right after its whole's
                                                     or _after_its_whole(ctx, cs, whole, run_at) and _disjoint(ctx, parts))
                pk = _partition_index(ctx, parts)
                # (a remote cue's whole its parts' names share no word with, found as the one classes come near, may have
                # classes the list leaves out: 保费收入…。分险种看，财产险…；寿险…；健康险… — no 意外险)
                named = pk is not None or any(_lcs(whole.label or whole.clause, p.label or p.clause) >= 2 for p in parts) \
                    or agrees(whole.value, sum(p.value for p in parts), sum_tolerance(whole, parts))
                exhaustive = pk is not None and ctx.rules.may_be_whole(pk, whole.label or whole.clause) \
                    or not local and len(lists) == 1 and not cue.startswith(ctx.rules.remote_open) and named \
                    or local and cue.startswith(ctx.rules.complete_cues) and nxt >= ctx.doc.stop_span(cs)[1]
                # (a list its cue says is complete, unless another cue cuts it: ②上级补助收入175.7亿元，其中，…)
                groups.append(Group(whole, parts, named_cue, local, firm, exhaustive))
                for head, rest in nested:
                    if head in parts:  # (not cut off as larger than the whole)
                        groups.append(Group(head, rest, cue, True, firm, complete))
                        taken.update(p.i for p in rest)
                taken.update(p.i for p in parts)
        if local:
            _complete_by_items(groups[first:])
    groups += _parallel_groups(ctx, spans, groups)
    return groups


def _complete_by_items(groups: list[Group]) -> None:
    """One cue's lists of several measures item by item (计划共2100户、补助资金2077万元(其中:第一批808户、补助资金606万元;
    第二批1292户、补助资金1169万元)): when one measure's parts add up to its whole, the items are all of it, and the
    other measures' lists are complete too."""
    lists = [g for g in groups if len(g.parts) >= 2]
    done = [g for g in lists if agrees(g.whole.value, sum(p.value for p in g.parts), sum_tolerance(g.whole, g.parts))]
    for g in lists:
        if not g.exhaustive and any(d is not g and len(d.parts) == len(g.parts) and _interleaved(d.parts, g.parts)
                                    for d in done):
            g.exhaustive = True


def _interleaved(a: list[Fig], b: list[Fig]) -> bool:
    """The figures of ``a`` and ``b`` alternate item by item (a1 b1 a2 b2 …, or b1 a1 b2 a2 …)."""
    first, second = (a, b) if a[0].start < b[0].start else (b, a)
    pos = [g.start for pair in zip(first, second) for g in pair]
    return pos == sorted(pos)


def _paragraph_before(ctx: Context, cue_start: int, family: str, one_measure: bool = False) -> int:
    """Where the paragraph before a 其中 that opens its own starts, when that paragraph is one full sentence holding
    one figure of the listed parts' family (全年农作物总播种面积72.1万公顷，比上年增长0.3%。⏎其中，粮食作物52.8万公顷…): the
    whole it breaks down; else ``cue_start`` (no whole: a longer paragraph, or two candidates, 收入36.46亿元、支出
    32.01亿元, leave the list to the readings of parallel lists)."""
    k = ctx.para_at(cue_start) - 1
    if k < 0:
        return cue_start
    p = ctx.doc.paragraphs[k]
    if any(b is not None and b.kind == "table_row" for b in (ctx.doc.block_at(p.start), ctx.doc.block_at(cue_start))):
        return cue_start  # (a table's 其中 row is read with its table)
    # the whole paragraph when it is one full sentence; else, for a list of one measure, its last full sentence
    # (…。全市争取地方政府债券71.22亿元。⏎其中：新增债券33.57亿元…，再融资债券37.65亿元。; one of several measures
    # restates the paragraph's for a part: the parallel lists' reading)
    for lo in dict.fromkeys((p.start, _last_sentence(ctx, p) if one_measure else p.start)):
        figs = ctx.between(lo, p.end)
        # (a change, 比上年增加0.26万吨, is no whole)
        if figs and figs[0].stmt == figs[-1].stmt and sum(g.family == family and not g.direction for g in figs) == 1:
            return lo
    return cue_start


def _last_sentence(ctx: Context, p: Paragraph) -> int:
    """Where the last full sentence of paragraph ``p`` starts."""
    return ctx.stmt_start(max(p.start, p.end - 1))


def _restated_measures(ctx: Context, cue_start: int, run: list[Fig]) -> list[tuple[Fig, Fig]]:
    """(whole, part) for a 其中 list that restates the measures of the full sentence before it for a part of its
    subject, each part named as one whole of that sentence (the longest common end of names, two characters or
    more, one whole only) and no larger; [] unless the list's first two figures restate two measures of two kinds
    (projects and money) in their order."""
    if len(run) < 2:
        return []
    lo = ctx.stmt_start(max(ctx.stmt_start(cue_start) - 1, 0)) if not ctx.text[ctx.stmt_start(cue_start):cue_start].strip(_TRIM) \
        else ctx.stmt_start(cue_start)
    hi = bisect.bisect_left(ctx._starts, cue_start)  # (the last FIGURE_WINDOW figures: a 5 MB statement is no list)
    window = ctx.figs[max(bisect.bisect_left(ctx._starts, lo), hi - FIGURE_WINDOW):hi]
    before = [g for g in window if ctx.addable(g) and not g.redacted and len(g.label) >= 2]

    def whole_of(g: Fig) -> Fig | None:
        best, longest, ties = None, 1, 0
        for w in before:
            c = _common_suffix(w.label, g.label)
            if c > longest:
                best, longest, ties = w, c, 1
            elif c == longest and best is not None:
                ties += 1  # (two wholes end alike: which one is unsaid)
        return best if best is not None and ties == 1 and best.family == g.family else None

    first, second = whole_of(run[0]), whole_of(run[1])
    if first is None or second is None or not first.i < second.i or first.family == second.family:
        return []  # (measures of one kind are a breakdown's parts: 一般债务10亿元、专项债务9.49亿元；…其中：一般债务…)
    pairs = [(first, run[0]), (second, run[1])] + [(w, g) for g in run[2:] if (w := whole_of(g)) is not None]
    again = [g for w, g in pairs if w is first]
    if len(again) > 1 and sum(g.value for g in again) <= first.value * (1 + 1e-9):
        return []  # several items whose figures of a measure add up within its whole: a breakdown item by item (其中
        # 一产项目27个，项目资金4054万元…；二产项目274个，…), not parts restating the whole's measures (我区单独…；碧江高新区…)
    # (no larger — but for one in its whole's own full sentence that measures what the whole measures: a part however
    # large, 在建内资项目80个，…，其中，投资亿元以上在建项目77个)
    return [(w, g) for w, g in pairs if g.value <= w.value or _own_measure_in_statement(ctx, cue_start, w, g)]


def _own_measure_in_statement(ctx: Context, at: int, whole: Fig, part: Fig) -> bool:
    """``at`` (a 其中, or the part itself) stands in ``whole``'s full sentence and ``part`` measures what it measures."""
    return ctx.stmt_at(at) == whole.stmt and ctx.certain(whole.stmt) and _one_part(ctx, whole, part)


def _span_of(ctx: Context, g: Fig) -> str:
    """The span word (``[breakdown] span_words``) ``g``'s clause names, the last one written; '' when none."""
    return max(((g.clause.rfind(w), w) for w in ctx.rules.span_words if w in g.clause), default=(-1, ""))[1]


def _restated_spans(ctx: Context, cue_start: int, run: list[Fig]) -> list[tuple[Fig, Fig]]:
    """(whole, part) for a 其中 opening a full sentence that restates, for a part, the spans the full sentence before it
    states, one figure of the run's family each (当月完成5亿元…；累计完成60.4亿元。其中，…当月完成4.5亿元…；累计完成50.8亿元):
    each part within the whole of its span; [] unless every figure names a span, two spans or more, each once."""
    lo = ctx.stmt_start(cue_start)
    if ctx.text[lo:cue_start].strip(_TRIM) or lo == 0 or len(run) < 2:
        return []
    before = [g for g in ctx.between(ctx.stmt_start(lo - 1), lo)[-FIGURE_WINDOW:]
              if g.family == run[0].family and ctx.addable(g) and not g.redacted]
    listed = [g for g in run if g.family == run[0].family]
    wholes = {_span_of(ctx, g): g for g in before}
    parts = {_span_of(ctx, g): g for g in listed}
    if len(wholes) < 2 or len(wholes) != len(before) or len(parts) != len(listed) or "" in wholes \
            or set(parts) != set(wholes):
        return []
    return [(wholes[w], g) for w, g in parts.items() if g.value <= wholes[w].value]


#: What ends an item of a list (a statement).
_ITEM_ENDS = frozenset("；;。！？!?")


def _restated_items(ctx: Context, cue_start: int, cue: str, run: list[Fig]) -> list[Group]:
    """A 其中 whose items (；) each restate, in order, the measures (targets too) the paragraph stated before it
    (签约项目140个,签约金额496.47亿元。截至目前,已开工建设项目107个,完成到位资金107.36亿元…。其中,州政府…项目96个,
    签约金额210.44亿元,已开工建设项目78个,完成到位资金62.08亿元;试验区管委会…项目44个,签约金额286.03亿元,已开工建设
    项目26个…): each measure is a whole of the items' figures at its place. The items partition the whole when two
    measures add up (then one that does not is wrong), else each is only no larger (a count that adds up alone was
    tried as proof of a partition: it raised a false alarm in the set-aside documents). [] unless two items or more
    restate two measures or more, every figure of the first at the place of a whole of its kind whose name ends as its
    own (two characters: 项目, 金额)."""
    rows: dict[int, list[Fig]] = {}
    for g in run:
        if not ctx.inside_bracket(ctx.sentence_start(g), g.start):  # (an item's own bracket: 39宗新开工项目(已开工8宗))
            rows.setdefault(g.sentence, []).append(g)
    items = list(rows.values())
    n = len(items[0]) if items else 0
    if len(items) < 2 or n < 2 or any(not 2 <= len(r) <= n for r in items):
        return []
    if any(ctx.text[ctx.sentence_end(r[0]) - 1:ctx.sentence_end(r[0])] not in _ITEM_ENDS
           and ctx.sentence_end(r[0]) < len(ctx.text) for r in items[:-1]):
        return []  # items are statements (；, 。): not the pieces a long line is cut into at its commas
    if any(r[j].family != items[0][j].family for r in items for j in range(len(r))):
        return []
    para = ctx.para_at(cue_start)
    lo = ctx.doc.paragraphs[para].start if 0 <= para < len(ctx.doc.paragraphs) else ctx.stmt_start(cue_start)
    if para > 0 and not ctx.any_between(lo, cue_start):
        lo = ctx.doc.paragraphs[para - 1].start  # (a 其中 opening its paragraph: the measures the paragraph before stated)
    before = [g for g in ctx.between(lo, cue_start)[-FIGURE_WINDOW:] if ctx.addable(g, targets=True) and not g.redacted]
    wholes: list[Fig] = []
    for g in items[0]:  # in order, each the whole its name ends most like (项目, 完成投资), of its kind
        after = [w for w in before if (not wholes or w.i > wholes[-1].i) and w.family == g.family
                 and ctx.is_target(w) == ctx.is_target(g) and w.value >= g.value]
        # (a name ending alike first; else two words in common: 完成造林绿化栽植任务 for 宜林地…完成栽植)
        best = max(after, key=lambda w: (_common_suffix(w.label, g.label), _lcs(w.label, g.label),
                                         _common_suffix(w.clause, g.clause)),
                   default=None)  # (the first of equals; the clauses' words break a tie: 完成投资 over 总投资)
        if best is None or max(_common_suffix(best.label, g.label), _lcs(best.label, g.label)) < 2:
            return []
        wholes.append(best)
    found = [(w, [r[j] for r in items]) for j, w in enumerate(wholes) if all(len(r) > j for r in items)]
    adding = sum(agrees(w.value, sum(p.value for p in parts), sum_tolerance(w, parts)) for w, parts in found)
    return [Group(w, parts, cue, False, ctx.certain(w.stmt), adding >= 2) for w, parts in found]


def _by_period(ctx: Context, run: list[Fig]) -> list[list[Fig]]:
    """A remote cue's parts split by the period word of their clause (``[breakdown] period_words``: 当月 / 累计), when
    each part has one, two such words alternate, each for as many parts, two or more; else []."""
    def word(g: Fig) -> str:
        words = [w for w in ctx.rules.period_words if w in g.clause]
        return words[0] if len(words) == 1 else ""

    if not run or not all(map(word, run)):
        return []
    # (one item per full sentence: 地方税收收入当月完成…；累计完成…。非税收入当月完成…；累计完成…。 — the items after the
    # cue's own sentence, in its paragraph, stated alike)
    more = []
    for h in ctx.figs[run[-1].i + 1:run[-1].i + 1 + FIGURE_WINDOW]:
        if h.para != run[-1].para:
            break
        if h.family == run[-1].family and ctx.addable(h):
            if not word(h):
                break
            more.append(h)
    by: dict[str, list[Fig]] = {}
    for g in run + more:
        by.setdefault(word(g), []).append(g)
    if len(by) != 2 or any(len(gs) < 2 for gs in by.values()) or len(set(map(len, by.values()))) != 1:
        return []
    return list(by.values())


def _by_measure(run: list[Fig]) -> list[list[Fig]]:
    """A remote cue's parts split by what they measure, when their names end in two measures or more, each named
    twice or more (一般贸易出口, 加工贸易出口 | 一般贸易进口, 加工贸易进口): one list per measure, each broken down from its
    own whole; else the run as it is."""
    by: dict[str, list[Fig]] = {}
    for g in run:
        by.setdefault((g.label or g.clause)[-MEASURE_CHARS:], []).append(g)
    if len(by) < 2 or any(len(gs) < 2 for gs in by.values()) or len(set(map(len, by.values()))) != 1:
        return [run]
    return list(by.values())


#: How many last characters of a part's name say what it measures, for :func:`_by_measure`.
MEASURE_CHARS = 2


def _claimed_by_local_cue(ctx: Context, spans, ce: int, picked: list[Fig]) -> bool:
    """A local cue after a remote cue's end ``ce`` and before a partition's first member, with a figure of the members'
    family before it, breaks that figure down into them: they are its parts, not the remote cue's (分级次看：市本级法定债务
    限额636.16亿元，其中一般债务351.38亿元、专项债务284.78亿元)."""
    return any(local and ce <= a < picked[0].start and any(g.family == picked[0].family for g in ctx.between(ce, a))
               for a, _, local in spans if a < picked[0].start)


def _other_whole_between(ctx: Context, spans, picked: list[Fig], plan: bool) -> bool:
    """A cue among a partition's members breaks down another whole than a member (常住人口49.86万人。其中，城镇人口
    24.09万人…。户籍人口67.44万人。其中，乡村人口44.98万人: 乡村人口 is 户籍人口's), not a member's own parts (第二产业
    增加值36.42亿元，其中工业增加值27.07亿元；第三产业…)."""
    for a, _, local in spans:
        if a >= picked[-1].start:
            break
        if local and a > picked[0].start:
            head = next((g for g in reversed(ctx.between(picked[0].start, a))
                         if g.family == picked[0].family and ctx.addable(g, targets=plan)), None)
            if head is not None and head not in picked:
                return True
    return False


def _one_part(ctx: Context, whole: Fig, part: Fig, *, kinds: bool = False) -> bool:
    """A lone part after 其中 that measures what its whole measures (the same last two characters of the label, the
    whole's 总 left out, or the measure word the part ends with written in the whole's: 农作物播种面积 / 粮食作物播种面积,
    油料作物产量 / 油菜籽产量, 协议投资总额 / 中方协议投资额, 各项存款余额 / 住户存款; or named just as its whole is, four
    characters or more, which of it said elsewhere: 协议投资额4994亿元。其中，列入市县考核的417个，协议投资额4686亿元), with
    no change word of its own, and
    not counting what is new of a stock (其中新增规上企业25家 of 规上工业企业350家: ``flow_words``). With ``kinds``,
    also one named by a kind of thing only, so measured as its whole is (保费收入284.22亿元。其中，寿险190.23亿元:
    no ``measure_words`` ending, no indicator of its own)."""
    a, b = whole.label or "", part.label or ""
    flow = ctx.rules.flow_words
    return (part.family == whole.family and part.direction == whole.direction
            and (a != b and (_common_suffix(a, b) >= 2 or _common_suffix(a.replace(TOTAL_CHAR, "", 1), b) >= 2
                             or _measured_in(ctx, b, a) or _partition_member(ctx, a, b)) or _counts_within(ctx, whole, part)
                 or a == b and len(a) >= 4
                 or kinds and _kind_only(ctx, whole, part))
            and not (b.startswith(flow) and not a.startswith(flow)) and not _excluded(ctx, whole, part))


def _kind_of(whole: Fig, part: Fig) -> bool:
    """``part``'s name is ``whole``'s (four characters or more) with words before it naming a kind of it (新能源汽车保有量 of
    汽车保有量)."""
    return len(whole.label) >= 4 and len(part.label) > len(whole.label) and part.label.endswith(whole.label)


def _measured_in(ctx: Context, part: str, whole: str) -> bool:
    """The measure word ``part``'s name ends with (``[breakdown] measure_words``) is written in ``whole``'s name: 住户存款
    of 各项存款余额 (存款)."""
    w = max((w for w in ctx.rules.measure_words if part.endswith(w)), key=len, default="")
    return bool(w) and len(part) > len(w) and w in whole


def _excluded(ctx: Context, whole: Fig, part: Fig) -> bool:
    """A bracket after the whole that opens with words leaving ``part`` out of it holds the part (28.7亿元（不含辽滨经开区
    36.4亿元）); not one inside the part's name (快递业务量(不含邮政集团包裹业务)4190.46万件)."""
    between = ctx.text[whole.end:part.start]
    k = max(between.rfind("（"), between.rfind("("))
    return k >= 0 and not any(c in between[k:] for c in "）)") and between[k + 1:].startswith(ctx.rules.excluding_words)


def _kind_only(ctx: Context, whole: Fig, part: Fig) -> bool:
    """``part``'s label names a kind of thing and no measure (寿险, 非营运汽车), in a whole's that does not name it."""
    b = part.label or ""
    return len(b) >= 2 and not part.indicator and b not in (whole.label or "") \
        and not any(b.endswith(w) for w in ctx.rules.measure_words)


def _lone_part(ctx: Context, whole: Fig, part: Fig) -> bool:
    """A lone part a 其中 names that may be read within its whole: no larger, no change of its own, not another
    indicator or measure (其中利润5亿元 of 营业收入50亿元: ``measure_words``), not what is new of a stock (其中新增规上
    企业25家, ``flow_words``)."""
    flow, a, b = ctx.rules.flow_words, whole.label or "", part.label or ""
    measured = [next((w for w in ctx.rules.measure_words if x.endswith(w)), "") for x in (a, b)]
    return (part.direction == whole.direction and part.value <= whole.value
            and not (part.indicator and whole.indicator and part.indicator != whole.indicator)
            and not (all(measured) and measured[0] not in b and measured[1] not in a)  # (住户存款 of 存款余额: one)
            and not (b.startswith(flow) and not a.startswith(flow)) and not _excluded(ctx, whole, part))


def _counts_within(ctx: Context, whole: Fig, part: Fig) -> bool:
    """Two counts of one unit whose nouns follow them, the part's opening with two characters of the whole's
    (35个规模以上工业行业大类中，21个行业增加值实现增长: 行业 in 规模以上工业行业大类)."""
    if whole.kind != "count" or part.kind != "count" or whole.unit != part.unit:
        return False
    noun, name = _counted_noun(ctx, part), _counted_noun(ctx, whole)
    return len(noun) >= 2 and bool(name) and noun[:2] in name


def _partition_member(ctx: Context, whole: str, part: str) -> bool:
    """``part`` names a member of a known partition of what ``whole`` names (税收 of 一般公共预算收入: 税收收入 /
    非税收入 break down 一般公共预算收入)."""
    rules = ctx.rules
    return len(part) >= 2 and any(rules.names_whole(k, whole) and any(n.startswith(part) or n in part for n in names)
                                  for k, names in enumerate(rules.partitions))


#: What opens an item of a list inside one full sentence (其构成是：①一般公共预算收入…；②上级补助收入…，其中，…；③…; 一是…；二是…).
_ITEM_MARKER = code_pattern(r"[①-⑳]|[一二三四五六七八九十]是")


def _past_item_cues(ctx: Context, cue_end: int, nxt: int, later: list[tuple[int, int, bool]]) -> int:
    """Where a list a cue opens with an item marker (①, 一是) stops: past the nested cues (``[breakdown] nested_cues``:
    其中, 主要是) inside its items while a later marker follows them in its full sentence (②上级补助收入175.7亿元，其中，
    返还性收入…；③下级上解收入76亿元: the 其中 breaks down ②, the list goes on to ③); ``nxt`` (the next cue) otherwise."""
    end = ctx.doc.stop_span(cue_end)[1]
    head = ctx.text[cue_end:min(end, cue_end + 4)].lstrip("：: \t\r\n")
    if not head or rx_match(_ITEM_MARKER, head) is None:
        return nxt
    markers = [m.start() for m in rx_finditer(_ITEM_MARKER, ctx.text, cue_end, end)]
    for a, _, _ in later:
        if a < nxt:
            continue
        if a >= end or not ctx.text[a:a + 4].lstrip("，,：: ").startswith(ctx.rules.nested_cues) \
                or not any(m > a for m in markers):
            return a
    return min(end, len(ctx.text))


def _marked_items(ctx: Context, parts: list[Fig]) -> bool:
    """Each of ``parts`` follows its own item marker (①, 一是): the first within a few characters before it, each other
    between it and the part before."""
    if len(parts) < 2 or rx_search(_ITEM_MARKER, ctx.text, max(0, parts[0].start - TEXT_WINDOW), parts[0].start) is None:
        return False
    return all(rx_search(_ITEM_MARKER, ctx.text, a.end, b.start) is not None for a, b in zip(parts, parts[1:]))


def _item_heads(ctx: Context, parts: list[Fig]) -> tuple[list[Fig], list[tuple[Fig, list[Fig]]], bool]:
    """A list whose items (；) each give a figure and then its own breakdown (其中，企业职工养老保险参保105.55万人，
    参保在职职工81.33万人，参保离退休人员24.22万人；机关事业单位…33.41万人，…): the items' first figures are the
    parts, and each item's other figures its nested breakdown — when every item with several figures adds
    up to its first one (the arithmetic shows the nesting: complete breakdowns), or a nested cue (``[breakdown]
    nested_cues``) opens each item's other figures (一是利润收入13500万元，主要是东楚集团5880万元、…；二是…: the words
    show it, open breakdowns). Otherwise ``parts`` unchanged and no nesting. Returns (parts, nested, complete)."""
    items: dict[int, list[Fig]] = {}
    for g in parts:
        items.setdefault(g.sentence, []).append(g)
    nested = [(gs[0], gs[1:]) for gs in items.values() if len(gs) > 1]
    if len(items) < 2 or not nested:
        return (*_heads_by_sums(parts), True)
    if all(len(rest) >= 2 and agrees(head.value, sum(p.value for p in rest), sum_tolerance(head, rest))
           for head, rest in nested):
        return [gs[0] for gs in items.values()], nested, True
    cues = ctx.rules.nested_cues
    if cues and all(_has_any(cues, ctx.text[head.end:rest[0].start]) for head, rest in nested):
        return [gs[0] for gs in items.values()], nested, False
    return (*_heads_by_sums(parts), True)


def _heads_by_sums(parts: list[Fig]) -> tuple[list[Fig], list[tuple[Fig, list[Fig]]]]:
    """Items each followed by two figures or more adding up to it, with no statement marking them (其中：新增债券
    331446万元，市本级留用90000万元，转贷县（市、区）241446万元。…置换债券130170万元，市本级留用19700万元，转贷县（市、
    区）110470万元): the items are the parts, their runs nested breakdowns — when every item has one (a single item
    too: its whole's list may stop at a full stop before the next)."""
    heads: list[Fig] = []
    nested: list[tuple[Fig, list[Fig]]] = []
    i = 0
    while i < len(parts):
        head, j, acc = parts[i], i + 1, 0.0
        while j < len(parts) and acc < head.value and not agrees(head.value, acc, sum_tolerance(head, parts[i + 1:j])):
            acc += parts[j].value
            j += 1
        rest = parts[i + 1:j]
        if len(rest) < 2 or not agrees(head.value, acc, sum_tolerance(head, rest)):
            return parts, []
        heads.append(head)
        nested.append((head, rest))
        i = j
    return heads, nested


#: A label of a part paragraph names the same measure as the whole's when the two are equal or end in
#: at least this many characters in common (实施百城建设提质工程项目 / 共实施百城建设提质工程项目).
SAME_MEASURE_SUFFIX = 3
#: … and in paragraphs numbered 1, 2, 3 that restate two measures or more of the paragraph before them in its
#: order, the measure's word will do (社保基金预算收入 / 养老保险基金收入, 收支结余 / 当年结余).
NUMBERED_MEASURE_SUFFIX = 2


def _same_measure(whole: Fig, g: Fig, suffix: int = SAME_MEASURE_SUFFIX) -> bool:
    a, b = whole.label or whole.clause, g.label or g.clause
    return g.family == whole.family and g.direction == whole.direction and bool(a) \
        and (a == b or _common_suffix(a, b) >= suffix)


def _restates(ctx: Context, w: Fig, g: Fig, suffix: int = SAME_MEASURE_SUFFIX) -> bool:
    """``g`` restates the measure of the whole ``w`` for a part: the same measure, or the whole's measure
    after a sum word, with the part's name before it (共有学校6所 ⏎ 普通高中学校5所)."""
    if _same_measure(w, g, suffix):
        return True
    a, b = w.label or "", g.label or ""
    n = _common_suffix(a, b)
    rest = a[:len(a) - n]
    return (n >= 2 and g.family == w.family and g.direction == w.direction and bool(rest)
            and (rx_fullmatch(ctx.rules.weak_sum, rest) is not None or rx_fullmatch(ctx.rules.strong_sum, rest) is not None))


def _restated(ctx: Context, wholes: list[Fig], figs: list[Fig], suffix: int = SAME_MEASURE_SUFFIX) -> dict[int, Fig]:
    """Each whole's counterpart among ``figs`` (the same measure, in the same order; names ending in ``suffix``
    characters in common), by whole index."""
    pairs: dict[int, Fig] = {}
    at: dict[int, int] = {}  # a part figure's index in ``figs``
    k = 0

    def units(gs: list[Fig]) -> Counter:
        return Counter(g.unit for g in gs if g.kind == "count" and not g.direction)

    # a count whose unit is written once in the whole's paragraph and once in a part's counts the same things
    # (全县义务教育中小学30所 ⏎ ——小学。校数17所), whatever the two call it
    once_w, once_p = units(wholes), units(figs)

    def same(w: Fig, g: Fig) -> bool:
        return _restates(ctx, w, g, suffix) or (w.kind == g.kind == "count" and w.unit == g.unit and not w.direction
                                        and not g.direction and once_w[w.unit] == 1 and once_p[g.unit] == 1)

    for n, w in enumerate(wholes):
        if w.direction and n and wholes[n - 1].i in pairs and not wholes[n - 1].direction:
            # a change (比上年增加321人) is of the level right before it: its counterpart follows that level's
            j0 = at[pairs[wholes[n - 1].i].i] + 1
            j = j0 if j0 < len(figs) and same(w, figs[j0]) else None
        else:
            j = next((j for j in range(k, len(figs)) if same(w, figs[j])), None)
        if j is not None:
            pairs[w.i] = figs[j]
            at[figs[j].i] = j
            k = j + 1
    return pairs


def _paragraph_openings(ctx: Context) -> list[str]:
    """The first characters of each paragraph (past its indentation), by paragraph index."""
    return [ctx.text[p.start:min(p.end, p.start + 4)].lstrip() for p in ctx.doc.paragraphs]


def _parallel_starts(ctx: Context, spans: list[tuple[int, int, bool]],
                     openings: list[str]) -> list[tuple[int, str, str | tuple[str, ...]]]:
    """(first part paragraph, cue, marker) of each breakdown by paragraphs that may start there: a paragraph
    opening with a local cue (其中，…), or the first of paragraphs opening with a part marker
    (——小学。… ——初中。…: ``paragraph_part_markers`` in relations.toml)."""
    out = []
    for cs, ce, local in spans:
        para = ctx.para_at(cs)
        start = ctx.doc.paragraphs[para].start if 0 <= para < len(ctx.doc.paragraphs) else cs
        if local and not ctx.text[start:cs].strip():
            out.append((para, ctx.text[cs:ce].strip("，,：:"), ""))
    markers = ctx.rules.paragraph_part_markers
    for para in range(1, len(openings)) if markers else ():
        mark = next((m for m in markers if openings[para].startswith(m)), "")
        if mark and not openings[para - 1].startswith(mark):
            out.append((para, mark, mark))
    out += _named_part_paragraphs(ctx) + _partition_paragraphs(ctx, openings) + _numbered_paragraphs(ctx)
    return sorted(out)


#: A paragraph's number (1. 1、 （1） (一) 一、): group a, b or c.
_PARA_NUMBER = code_pattern(r"\s*(?:(?P<a>[0-9]{1,2})[.．、](?![0-9])|[（(](?P<b>[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]"
                            r"|(?P<c>[一二三四五六七八九十]{1,3})、)")


def _paragraph_number(ctx: Context, p: Paragraph) -> tuple[str | None, int]:
    """(style, number) of the number paragraph ``p`` opens with (1. -> ('a', 1), （二） -> ('b', 2)); (None, 0)."""
    m = rx_match(_PARA_NUMBER, ctx.text, p.start, p.end)
    style = next((n for n, v in m.groupdict().items() if v), None) if m else None
    return (style, _count_word(m.group(style))) if style is not None else (None, 0)


class _NumberedRun(tuple):
    """The numbers of consecutive paragraphs numbered from one (a start of :func:`_parallel_starts`)."""


def _numbered_paragraphs(ctx: Context) -> list[tuple[int, str, tuple[str, ...]]]:
    """(first part paragraph, cue, numbers) of each run of two paragraphs or more numbered 1, 2, 3 … in a row
    right after an unnumbered paragraph (…收入完成596091万元，…支出完成579601万元… ⏎ 1. 机关事业单位养老保险基金
    收入106303万元，支出105645万元… ⏎ 2. 职工医疗保险基金…): each may restate the paragraph's measures for a part."""
    out = []
    paras = ctx.doc.paragraphs
    numbers = [_paragraph_number(ctx, p)[1] for p in paras]
    k = 1
    while k < len(paras):
        if numbers[k] == 1 and numbers[k - 1] == 0:
            n = 1
            while k + n < len(paras) and numbers[k + n] == n + 1:
                n += 1
            if n >= 2:
                out.append((k, f"分项1—{n}", _NumberedRun(str(j) for j in range(1, n + 1))))
            k += n
        else:
            k += 1
    return out


#: A list marker opening a paragraph (1. 1、 （1） (一) 一、), read past to the paragraph's first words.
_PARA_MARKER = code_pattern(r"\s*(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|—{1,3}|[●■◆▲])\s*")
#: How many characters after its marker name a paragraph's part (市本级完成… / 高新区完成…).
PART_HEAD_CHARS = 6


@functools.lru_cache(maxsize=8)
def _partitions_by_name(partitions: tuple[frozenset[str], ...]) -> dict[str, tuple[int, ...]]:
    """Each name of a known partition -> the indexes of the partitions it belongs to."""
    out: dict[str, list[int]] = {}
    for k, names in enumerate(partitions):
        for n in names:
            out.setdefault(n, []).append(k)
    return {n: tuple(ks) for n, ks in out.items()}


class _PartitionNames(tuple):
    """The part names of paragraphs that open with a known partition's names (a start of
    :func:`_parallel_starts` unlike those whose paragraph names its parts)."""


def _partition_paragraphs(ctx: Context, openings: list[str]) -> list[tuple[int, str, tuple[str, ...]]]:
    """(first part paragraph, cue, part names) where consecutive paragraphs each open, past a list marker, with
    one name of a known partition, together all of them (1.市本级完成…收入262,726万元 ⏎ 2.高新区完成…89,014万元:
    市本级 / 区), the first of them (the whole's paragraph stands before, a heading or two back at most)."""
    rules = ctx.rules
    paras = ctx.doc.paragraphs
    of_name = _partitions_by_name(rules.partitions)
    heads, named = [], []  # each paragraph's words past its marker, and the partitions they name
    for p in paras:
        m = rx_match(_PARA_MARKER, ctx.text, p.start, p.end)
        h = ctx.text[m.end():min(p.end, m.end() + PART_HEAD_CHARS)] if m and m.end() > p.start else ""
        heads.append(h)
        named.append({k for i in range(len(h)) for j in range(i + 1, len(h) + 1) for k in of_name.get(h[i:j], ())})
    out = []
    for k in range(1, len(paras)):
        for names in (rules.partitions[i] for i in sorted(named[k])):
            n = len(names)
            if any(m in heads[k - 1] for m in names):
                continue  # inside a run of them
            if k + n <= len(paras) and names_partition(names, heads[k:k + n]):
                names_k = [next((m for m in names if m in h), "") for h in heads[k:k + n]]
                if all(names_k) and len(set(names_k)) == n:
                    shown = tuple(h[:h.index(m) + len(m)] for h, m in zip(heads[k:k + n], names_k))  # 高新区
                    out.append((k, "、".join(shown), _PartitionNames(shown)))
                    break
    return out


def _opens_with(ctx: Context, para: int, name: str) -> bool:
    """Paragraph ``para`` opens with ``name`` or a longer form of it (中职 -> 中等职业教育)."""
    p = ctx.doc.paragraphs[para]
    head = ctx.text[p.start:min(p.end, p.start + 3 * len(name) + 4)].lstrip()
    return head.startswith(name) or any(_abbreviates(name, head[:n]) for n in range(len(name) + 1, len(head) + 1))


def _named_part_paragraphs(ctx: Context) -> list[tuple[int, str, tuple[str, ...]]]:
    """(first part paragraph, cue, part names) where a paragraph names its parts (高中段教育(包括普通高中和中职)
    共有学校6所…: ``[breakdown] names_parts``) and the paragraphs right after it open with those names, in order
    (普通高中学校5所… ⏎ 中等职业教育学校1所…)."""
    pattern = ctx.rules.names_parts
    if pattern is None:
        return []
    out = []
    paras = ctx.doc.paragraphs
    for k, p in enumerate(paras[:-1]):
        m = rx_search(pattern, ctx.text, p.start, p.end)
        if m is None:
            continue
        names = tuple(n for n in _split_names(m.group("names"), ctx.rules.respectively_joiners) if len(n) >= 2)
        if len(names) >= 2 and k + len(names) < len(paras) and all(
                _opens_with(ctx, k + 1 + j, n) for j, n in enumerate(names)):
            out.append((k + 1, m.group(0).strip("（(）)，,"), names))
    return out


def _split_names(s: str, joiners: tuple[str, ...]) -> list[str]:
    """``s`` cut at the joiners of relations.toml's [enumeration] (和, 及, 与, 、): 普通高中和中职 -> 普通高中, 中职."""
    for j in joiners:
        s = s.replace(j, "\x00")
    return [n.strip() for n in s.split("\x00") if n.strip()]


def _parallel_groups(ctx: Context, spans: list[tuple[int, int, bool]], groups: list[Group]) -> list[Group]:
    """A breakdown by paragraphs: a paragraph that opens with a local cue (其中，中心城区…项目189个，概算总投资…)
    or a part marker (——小学。校数17所…) restates the measures of the paragraph before it for one part, and
    each paragraph after it that restates them too (opening with the same marker, if any) is another part
    (4个县(市)共实施…项目197个，概算总投资…). Each measure of the whole paragraph restated in every part
    paragraph — a change (比上年增加0.56万平方米) in the same direction too — is a whole with those parts:
    they must add up when two measures show the paragraphs partition the whole, else only not exceed it."""
    by_para: dict[int, list[Fig]] = {}
    for g in ctx.figs:
        if ctx.addable(g, targets=True, changes=True) and not g.redacted:
            by_para.setdefault(g.para, []).append(g)
    part_used = {p.i for g in groups for p in g.parts}
    used = {g.whole.i for g in groups} | part_used
    out: list[Group] = []
    for listed in _colon_lists(ctx, by_para, used, part_used):
        out.append(listed)  # (its parts may still be wholes: 1．新增债券431.42亿元⏎——一般债券…⏎——专项债券…)
        part_used.update(p.i for p in listed.parts)
        used.add(listed.whole.i)
    openings = _paragraph_openings(ctx)
    for para, cue, mark in _parallel_starts(ctx, spans, openings):
        named = isinstance(mark, _PartitionNames)  # paragraphs opening with a partition's names
        # (their whole may stand a heading back: …收入完成1748028万元…。⏎（1）主要收入项目执行情况⏎——税收收入…)
        top = next((q for q in (para - 1, para - 2, para - 3)[:3 if named else 1] if q in by_para), None)
        if top is None:
            continue
        wholes = [w for w in by_para[top] if w.i not in used]
        restated: list[dict[int, Fig]] = []
        k = para
        part_of = ctx.rules.partition_named(list(mark)) if named else None
        named_whole = next((w for w in wholes if ctx.rules.names_whole(part_of, w.label)), None) \
            if part_of is not None else None
        while k in by_para and (not mark or (openings[k].startswith(mark) if isinstance(mark, str)
                                             else k - para < len(mark))):
            pairs = _restated(ctx, wholes, [g for g in by_para[k] if g.i not in used],
                              NUMBERED_MEASURE_SUFFIX if isinstance(mark, _NumberedRun) else SAME_MEASURE_SUFFIX)
            if not pairs and named_whole is not None:
                # ——税收收入完成1381835万元… under …一般公共预算收入完成1748028万元: the partition's whole, named
                first = next((g for g in by_para[k] if g.family == named_whole.family), None)  # (may break down itself)
                first = first if first is not None and first.i not in part_used else None
                pairs = {named_whole.i: first} if first is not None else {}
            if len(pairs) < (1 if named else 2) or 2 * len(pairs) < len(by_para[k]) and not isinstance(mark, tuple):
                break  # not a restatement of the whole paragraph's measures (a part the whole names may say more)
            restated.append(pairs)
            k += 1
        if len(restated) < 2:
            continue  # one part paragraph: the cue's own breakdown (find_groups' reading)
        found = [(w, [pairs[w.i] for pairs in restated]) for w in wholes if all(w.i in pairs for pairs in restated)]
        # the part paragraphs partition the whole when two of its measures add up (中心城区 + 4个县(市) = 全市):
        # then a measure that does not add up is wrong
        adds = [agrees(w.value, sum(p.value for p in parts), sum_tolerance(w, parts)) for w, parts in found]
        adding = sum(adds)
        if named or isinstance(mark, _NumberedRun):
            # paragraphs that only open with a partition's names or with numbers (1.市本级… 2.高新区…) restate
            # measures that need not add up (transfers between the levels): only those that do are read, as tables'
            # rows are
            # … save the whole the partition names (一般公共预算收入 for 税收收入 / 非税收入): all of it, so firm
            found = [f for f, ok in zip(found, adds) if ok or f[0] is named_whole]
        for w, parts in found:
            out.append(Group(w, parts, cue, False, ctx.certain(w.stmt), adding >= 2 or w is named_whole))
            used.update(p.i for p in parts)
            used.add(w.i)
    return out


def _numbered_items(ctx: Context, top: int) -> list[int]:
    """The paragraphs numbered 1, 2, 3 … (one style) right after paragraph ``top``, over the sub-items between them
    (——一般债券… / （1）…); none unless two or more. A paragraph with no list marker ends them."""
    paras = ctx.doc.paragraphs
    items: list[int] = []
    style = None
    for k in range(top + 1, min(len(paras), top + 1 + FIGURE_WINDOW // 10)):
        p = paras[k]
        kind, number = _paragraph_number(ctx, p)
        if kind is not None and (style is None or kind == style):
            if number != len(items) + 1:
                break
            style = kind
            items.append(k)
        elif style is None or rx_match(_PARA_MARKER, ctx.text, p.start, p.end) is None:
            break
    return items if len(items) >= 2 else []


#: how a sentence saying a list follows ends (具体情况如下；收入情况如下：), and how many characters of its end hold that.
_FOLLOWS = ("如下", "如下：", "如下:")
FOLLOWS_TAIL = 8


def _colon_lists(ctx: Context, by_para: dict[int, list[Fig]], used: set[int], part_used: set[int]) -> list[Group]:
    """A paragraph whose last full sentence states one figure and ends in a colon, and the numbered paragraphs
    after it each opening with a figure of its family: the whole and its parts (…下达我市转移支付补助资金599.08亿元，
    具体情况是：⏎1．一般公共预算524.32亿元，其中：…⏎2．政府性基金预算73.42亿元…⏎3．…). All of it when they add up
    or the colon's clause says so (``[breakdown] colon_complete``), else an open list (主要用于：1.… 2.…); read only
    when no part exceeds the whole. A last full sentence stating no figure that says a list follows (收入具体情况如下。 /
    支出具体情况如下：, ``[breakdown] colon_complete``) lists the parts of the last figure of the full sentence before it
    (…其中本年收入390.55万元,较2020年度决算数减少175.26万元,下降31%。⏎收入具体情况如下。⏎1.一般公共预算财政拨款收入…)."""
    out = []
    for top, p in enumerate(ctx.doc.paragraphs):
        end = ctx.text[p.end - 1:p.end]  # (a paragraph's offsets are trimmed of whitespace)
        if end not in ("：", ":", "。"):
            continue
        lo = _last_sentence(ctx, p)
        last = [g for g in by_para.get(top, ()) if g.start >= lo]
        cue = ""
        if not last:
            if _FOLLOWS[0] not in ctx.text[max(lo, p.end - FOLLOWS_TAIL):p.end]:
                continue  # (most paragraphs: read no further)
            said = strip_glosses(ctx.text[lo:p.end - 1]).strip()
            word = next((w for w in ctx.rules.colon_complete if w in said), None)
            if not said.endswith(_FOLLOWS) or word is None:
                continue
            cue = said[said.find(word):]
            before = ctx.last_before(lo)
            if before is None or ctx.para_at(before.start) < top - 1:
                continue
            # (a part of a list before may be broken down so: 总收入581.45万元,其中本年收入390.55万元…。收入具体情况如下。)
            last = [g for g in ctx.between(ctx.stmt_start(before.start), lo) if ctx.addable(g) and not g.redacted
                    and (g.i in part_used or g.i not in used)][-1:]
        elif end == "。":
            continue
        elif len(last) != 1 or last[0].i in used:
            continue
        if len(last) != 1 or not ctx.addable(last[0]):
            continue
        whole = last[0]
        parts = []
        for k in _numbered_items(ctx, top):
            first = next((g for g in by_para.get(k, ()) if g.family == whole.family), None)
            if first is None or first.i in part_used or first.stmt != by_para[k][0].stmt or not ctx.addable(first):
                break
            parts.append(first)
        else:
            if not cue:
                said = ctx.text[whole.end:p.end].strip().replace(",", "，")
                cue = said[said.rfind("，") + 1:]
            complete = cue.startswith(ctx.rules.colon_complete)
            # (a part over its whole: no list of its parts, unless the cue says the list is all of it — then a slip)
            if len(parts) >= 2 and (complete or not any(g.value > whole.value for g in parts)):
                adds = agrees(whole.value, sum(g.value for g in parts), sum_tolerance(whole, parts))
                out.append(Group(whole, parts, cue, False, ctx.certain(whole.stmt), adds or complete))
    return out


def _disjoint_prefix(ctx: Context, parts: list[Fig], whole: Fig) -> int:
    """How many leading parts (two or more) name distinct classes of one classification and come within
    NOT_PARTS of ``whole`` (财产险108.41亿元；人身险257.38亿元；寿险181.15亿元…: 2), else 0."""
    total = 0.0
    for k, p in enumerate(parts):
        total += p.value
        if total > NOT_PARTS * whole.value:
            break
    else:
        k = len(parts)
    return next((n for n in range(k, 1, -1) if _disjoint(ctx, parts[:n])), 0)


def find_breakdowns(ctx: Context) -> list[Relation]:
    """A whole and the parts its breakdown lists: they add up (exhaustive), or do not exceed it."""
    out = []
    by_whole: dict[int, list[Group]] = {}  # (a group's neighbours by their whole, for :func:`_paired_prefix`)
    for g in ctx.groups:
        by_whole.setdefault(g.whole.i, []).append(g)
    for g in ctx.groups:
        w, parts, exhaustive = g.whole, g.parts, g.exhaustive
        if not exhaustive and sum(p.value for p in parts) > NOT_PARTS * w.value and not _named_lone_part(ctx, g):
            # a list of several measures that holds a known partition of its whole (其中，夏粮产量114.6万吨；秋粮
            # 产量126.9万吨；小麦产量114.6万吨；玉米产量97.1万吨): those parts must add up
            found = _partition_found(ctx, parts)
            picked, k = (found[1] if found else None), 0
            if found and not ctx.rules.names_whole(found[0], w.label or w.clause):
                head = next((p for p in parts if p.start < picked[0].start
                             and ctx.rules.names_whole(found[0], p.label or p.clause)), None)
                if head is not None:
                    # 人身险257.38亿元；寿险181.15亿元；健康险67.22亿元；意外伤害险9.01亿元: the partition breaks down the
                    # part that names its whole; the whole's own parts come first
                    out.append(_rel(ctx, "total_of", "breakdown", head, picked, cue=g.cue, firm=g.firm, exhaustive=True))
                    picked = None
            if picked is None or len(picked) == len(parts):
                # 保费收入365.79亿元。其中，财产险108.41亿元；人身险257.38亿元；寿险181.15亿元…: a first few that add
                # up are its parts (the rest break those down); else other measures, not parts (社零总额13.1亿元；
                # 其中…批发业销售额8.4亿元，零售业销售额11.4亿元)
                n = prefix_match(parts, w.value, sum_tolerance(w, parts)) or _paired_prefix(g, by_whole)
                k = 0 if n else _disjoint_prefix(ctx, parts, w) or int(_named_first_part(ctx, g))
                if not n and not k:
                    continue
                picked = parts[:n or k]
            parts, exhaustive = picked, not k
        used = parts
        if not any(p.redacted for p in parts):
            tol = sum_tolerance(w, parts)
            total = sum(p.value for p in parts)
            if not agrees(w.value, total, tol) and not _marked_items(ctx, parts) and not _said_complete(ctx, g, parts):
                # a list over its whole is held to the partition it opens with (其中，男…女…；出生人口…) — not one whose
                # items are marked (①…；②…；③…: all of them are its parts, whether or not they add up)
                paired = _paired_prefix(g, by_whole) if len(parts) == len(g.parts) else 0
                n = prefix_match(parts, w.value, tol) or paired \
                    or (_partition_prefix(ctx, parts) if total > w.value else 0)
                used = parts[:n] if n else parts
                exhaustive = exhaustive or (n > 0 and (n == paired or _partition(ctx, used)))
        nested = len(used) > 1 and any("以上" in p.clause or "以下" in p.clause for p in used)
        out.append(_rel(ctx, "total_of", "breakdown", w, used, cue=g.cue, firm=g.firm and not nested,
                        exhaustive=exhaustive, names=tuple(p.surface for p in parts[len(used):]),
                        disjoint=not exhaustive and _classes_of_statements(ctx, w, used)))
    return out


def _said_complete(ctx: Context, g: Group, parts: list[Fig]) -> bool:
    """``g``'s cue says its list is complete (分别为：; read so) and every part stands in one statement with the first: no
    first few of them are the list (签约项目36个,分别为:金安区6个、…、裕安区3个: all eight, whether or not they add up)."""
    return g.exhaustive and g.cue.startswith(ctx.rules.colon_complete) and len({p.stmt for p in parts}) == 1


def _paired_prefix(g: Group, by_whole: dict[int, list[Group]]) -> int:
    """How many of ``g``'s items add up in the parallel list of another measure the same items state right beside
    ``g``'s parts (纳入易返贫致贫户7502户、21982人，其中，边缘易致贫户2906户、8249人，脱贫不稳定户1076户、2941人，突发严重困难户
    3520户、10792人；风险已消除…: the 户 add up over the first three items, so the 人 are of the same three), else 0;
    ``by_whole``: the groups by their whole's index (the other list's whole is written right beside ``g``'s)."""
    for h in (*by_whole.get(g.whole.i - 1, ()), *by_whole.get(g.whole.i + 1, ())):
        if len(h.parts) != len(g.parts) \
                or any(abs(a.i - b.i) != 1 or a.sentence != b.sentence for a, b in zip(h.parts, g.parts)):
            continue
        n = prefix_match(h.parts, h.whole.value, sum_tolerance(h.whole, h.parts))
        if n >= 2 and agrees(h.whole.value, sum(p.value for p in h.parts[:n]), sum_tolerance(h.whole, h.parts[:n])):
            return n
    return 0


def _first_named_in_statement(ctx: Context, g: Group) -> bool:
    """A firm group whose first part a 其中 in its whole's own statement names, outside brackets (not one a later
    statement or an aside gives: …，减支11.3亿元（主要是…新增专项债券16.2亿元抬高基数）; a bracket closed inside the part's
    name is no aside: 其中:地方财力安排的经费类支出(市本级支出)510.5亿元)."""
    p, w = g.parts[0], g.whole
    return g.firm and p.sentence == w.sentence and not ctx.inside_bracket(w.end, p.start)


def _named_lone_part(ctx: Context, g: Group) -> bool:
    """A lone part so named: a part however large (全市畜禽规模化牧场达1184个，其中奶牛标准化牧场1845个)."""
    return len(g.parts) == 1 and _first_named_in_statement(ctx, g)


def _named_first_part(ctx: Context, g: Group) -> bool:
    """The first of a list of other measures so named, of the whole's own measure (签约项目76个,其中亿元以上项目18个,…,
    新开工项目36个: the 18), however large: it alone is the list."""
    return g.local and _first_named_in_statement(ctx, g) and _one_part(ctx, g.whole, g.parts[0])


def _classes_of_statements(ctx: Context, whole: Fig, parts: list[Fig]) -> bool:
    """Parts in statements of their own (；) each naming another class of a known classification or partition, by
    their words or the words their statement opens with after the whole (其中，夏粮播种面积1101.60万亩，总产量508.58万吨；
    秋粮…，总产量394.03万吨: 夏粮 / 秋粮), so that they cannot overlap — unless the whole names a class of it too
    (生猪存栏208768头，其中能繁母猪存栏30044头；菜牛存栏35162头: a list drifted on to the whole's siblings)."""
    if len(parts) < 2 or len({p.sentence for p in parts}) < len(parts):
        return False
    names = []
    for p in parts:
        opening = ctx.text[max(ctx.sentence_start(p), whole.end):p.start]
        names.append(f"{p.label or p.clause}|{opening[:next((k for k, c in enumerate(opening) if c.isdigit()), len(opening))]}")
    rules, whole_name = ctx.rules, f"{whole.label}|{whole.clause}"
    return any(classes_named(c, names, rules.rest_words) and class_named(c, whole_name) is None
               for c in rules.classifications) or rules.partition_named(names) is not None


def _share_after(ctx: Context, part: Fig) -> Fig | None:
    """The implicit share stated right after a part (项目资金4054万元，占3.9%)."""
    nxt = ctx.figs[part.i + 1] if part.i + 1 < len(ctx.figs) else None
    if nxt is None or nxt.kind != "percentage" or nxt.sentence != part.sentence or nxt.redacted:
        return None
    m = _share_match(ctx, nxt)
    if m is None or m.group("whole").strip(_TRIM) or _part_before(ctx, nxt) is not part:
        return None
    return nxt


_PADDING = PAD_SPACES + "\r\n"  # read past in an allocation's words (a justified PDF line pads them: 用 于)


def _used_for(ctx: Context, g: Fig) -> bool:
    """``g`` is followed by the allocation verb, spaces read past (362亿元用于土地储备)."""
    verb = ctx.rules.allocation_verb
    after = ctx.text[g.end:g.end + 3 * len(verb) + 4]
    return "".join(c for c in after if c not in _PADDING).startswith(verb)


def find_allocations(ctx: Context) -> list[Relation]:
    """专项债券1510亿元，362亿元用于土地储备，…，61亿元用于其他: the figures each right before ``[allocation] verb`` in a
    total's full sentence are its parts, all of it when the last is used for ``rest``, else some of it."""
    verb = ctx.rules.allocation_verb
    out: list[Relation] = []
    if not verb or verb not in ctx.text:
        return out
    figs, k = ctx.figs, 0
    while k < len(figs) - 2:
        whole = figs[k]
        parts: list[Fig] = []
        j = k + 1
        while j < len(figs) and figs[j].stmt == whole.stmt and figs[j].family == whole.family and _used_for(ctx, figs[j]):
            parts.append(figs[j])
            j += 1
        if len(parts) < 2 or _used_for(ctx, whole) or not ctx.addable(whole) or any(not ctx.addable(p) for p in parts):
            k += 1
            continue
        rest = "".join(c for c in ctx.text[parts[-1].end:ctx.statement_span(parts[-1])[1]] if c not in _PADDING)
        exhaustive = rest.startswith(tuple(verb + w for w in ctx.rules.allocation_rest))
        out.append(_rel(ctx, "total_of", "breakdown", whole, parts, cue=verb, exhaustive=exhaustive, firm=exhaustive))
        k = j
    return out


#: A value restating a bound is within this share of it (非税收入150.8亿元 for 突破150亿元, not 非税收入15.08亿元).
BOUND_NEAR = 0.5


def find_restated_bounds(ctx: Context) -> list[Relation]:
    """全年非税收入突破150亿元 against 非税收入150.8亿元 stated elsewhere in the article: the exact value of the same
    measure reaches the bound (``[restated_bound]`` floors) or stays within it (ceilings). Read only when it holds (a
    value of the same name elsewhere may be of another year)."""
    rules = ctx.rules
    out: list[Relation] = []
    passed = _floors_passed(ctx)
    bounds = [b for b in ctx.figs if b.qualifier and (b.qualifier in rules.bound_floors or b.qualifier in rules.bound_ceilings)
              or b.i in passed]
    if not bounds:
        return out
    exact: dict[tuple, list[Fig]] = {}
    for g in ctx.figs:
        if not g.qualifier and g.i not in passed and not g.direction and len(g.label) >= 2 and ctx.usable(g) \
                and not ctx.is_target(g):
            exact.setdefault((g.article, g.unit, g.indicator or g.label), []).append(g)
    for b in bounds:
        floor = b.qualifier in rules.bound_floors or b.i in passed
        if b.redacted or b.direction or len(b.label) < 2 or ctx.is_target(b):
            continue  # (城镇新增就业110万人以上 is next year's target, not this year's 120万人)
        near = [g for g in exact.get((b.article, b.unit, b.indicator or b.label), ())
                if abs(g.value - b.value) <= BOUND_NEAR * abs(b.value)]
        if not near:
            continue
        value = min(near, key=lambda g: abs(g.start - b.start))
        if (value.value < b.value - value.half_base) if floor else (value.value > b.value + value.half_base):
            continue  # read only when it holds: a value of the same name may be another year's (a plan's 6500亿元)
        out.append(_rel(ctx, "bound", "bound", b, [value], cue=b.qualifier or passed.get(b.i, ""), firm=False,
                        formula="at_least" if floor else "at_most"))
    return out


def _floors_passed(ctx: Context) -> dict[int, str]:
    """The figures a floor verb stands right before (生产总值跃上2万亿元新台阶: ``[restated_bound] floor_verbs``), and
    the figures listed after such a one (迈上4万亿、5万亿两个台阶), by index: the verb."""
    verbs = ctx.rules.bound_floor_verbs
    out: dict[int, str] = {}
    for g in ctx.figs:
        words = g.clause.rstrip("了 ")
        verb = next((w for w in verbs if words.endswith(w)), "")
        if not verb and g.i - 1 in out and g.i > 0 and ctx.text[ctx.figs[g.i - 1].end:g.start].strip() == "、":
            verb = out[g.i - 1]
        if verb:
            out[g.i] = verb
    return out


def _named_before(ctx: Context, g: Fig, name: str, unit: str = "") -> Fig | None:
    """The nearest value before ``g`` in its article (in ``unit`` if given) that ``name`` names: in its label, or by
    the indicator the name stands for (GDP -> 地区生产总值)."""
    indicator = indicator_lexicon().lookup(name)
    for j in range(g.i - 1, -1, -1):  # (no copy of the figures before it)
        h = ctx.figs[j]
        if h.article != g.article:
            break
        if ctx.usable(h) and not h.direction and not ctx.is_target(h) and (not unit or h.unit == unit) \
                and (name in h.label or indicator and h.indicator == indicator):
            return h
    return None


def find_formula_rates(ctx: Context) -> list[Relation]:
    """保险深度（保费收入/GDP）3.73%: a rate whose formula the text writes in brackets before it is the figure the first
    name names over the one the second names (``[formula_rate]``), never firm."""
    pattern = ctx.rules.formula_rate
    out: list[Relation] = []
    if pattern is None or "/" not in ctx.text and "÷" not in ctx.text:
        return out
    for p in ctx.figs:
        if p.kind != "percentage" or p.unit != "%" or p.i in ctx.claimed or p.redacted:
            continue
        m = rx_search(pattern, ctx.text, max(0, p.start - 40), p.start)
        if m is None:
            continue
        num, den = _named_before(ctx, p, m.group("num")), _named_before(ctx, p, m.group("den"))
        if num is None or den is None or num is den or num.family != den.family:
            continue
        ctx.claimed.add(p.i)
        out.append(_rel(ctx, "ratio_of", "rate", p, [num, den], cue=m.group(0).strip(), firm=False,
                        names=(ctx.name(num), ctx.name(den))))
    return out


def find_per_head(ctx: Context) -> list[Relation]:
    """每万人口发明专利拥有量10.52件 = the figure of its measure before it in its statement (发明专利拥有量3384件) over the
    population named before it in the article (常住人口321.56万人), times the people it is per (``[per_head]``);
    never firm."""
    rules = ctx.rules
    out: list[Relation] = []
    if not rules.per_head:
        return out
    for g in ctx.figs:
        if g.kind != "count" or g.redacted or g.in_name:
            continue
        per = next(((w, n) for w, n in rules.per_head if w in g.clause), None)
        if per is None:
            continue
        measure = g.label[g.label.find(per[0]) + len(per[0]):] if per[0] in g.label else g.label
        unit = g.unit.split("/")[0]  # (件/万人: the extractor reads the per-head unit)
        base = next((h for h in ctx.nearest_before(g) if h.stmt == g.stmt and h.unit == unit and ctx.usable(h)
                     and len(measure) >= 2 and h.label.endswith(measure)), None)
        people = next((h for w in rules.people_words if (h := _named_before(ctx, g, w, unit="人")) is not None), None)
        if base is None or people is None:
            continue
        out.append(_rel(ctx, "ratio_of", "rate", g, [base, people], cue=per[0] + measure, firm=False, scale=per[1],
                        names=(ctx.name(base), ctx.name(people))))
    return out


def find_share_totals(ctx: Context) -> list[Relation]:
    """The shares of a breakdown whose parts add up to the whole add up to 100 %."""
    out = []
    for g in ctx.groups:
        w, parts = g.whole, g.parts
        if any(p.redacted for p in parts) or not agrees(w.value, sum(p.value for p in parts), sum_tolerance(w, parts)):
            continue
        shares = [_share_after(ctx, p) for p in parts]
        if any(s is None for s in shares):
            continue
        rel = _rel(ctx, "total_of", "share_total", None, shares, cue=g.cue, firm=g.firm, stated_value=100.0,
                   names=(ctx.name(w), w.surface))
        rel.article = w.article
        out.append(rel)
    return out


# ---------------------------------------------------------------------------------------------
# sums (合计2300万元 = 1400万元 + 900万元)
_NOUN_AFTER = code_pattern(r"的?([^\s，,。；;：:、（()）和及与0-9]{1,8})")


def _counted_noun(ctx: Context, g: Fig) -> str:
    """What a count counts when the noun follows it: 100个传统村落 -> 传统村落 ("" when it precedes)."""
    if g.kind != "count":
        return ""
    m = rx_match(_NOUN_AFTER, ctx.text, g.end, g.end + TEXT_WINDOW)
    return m.group(1) if m else ""


def _same_things(ctx: Context, part: Fig, total: Fig) -> bool:
    """A count adds to a total of counts only when they count the same things (项目 … 项目, not 乡镇 … 项目)."""
    noun = _counted_noun(ctx, part)
    if not noun:
        return True
    name = _counted_noun(ctx, total) or total.clause or total.label
    return _lcs(noun, name) >= min(2, len(noun))


def _sum_candidates(ctx: Context, t: Fig, wholes: set[int], plan: bool = False) -> tuple[list[Fig], bool, bool]:
    """Figures listed before a total: in its full sentence, else (strong cue) earlier in its paragraph (the planned
    ones for a ``plan``ned total, else the achieved ones); and whether an amount in another currency stands among
    them (境外投资…2600万美元；境内市外项目…101500万元，合计完成…18114万美元: an item the sum cannot add)."""
    cands: list[Fig] = []
    inside: set[int] = set()  # wholes whose bracketed parts were left out (the whole is the item)
    in_stmt = True
    foreign = False
    source = t.stmt  # the full sentence the items are read from: the total's, else the nearest one before with any
    for g in ctx.nearest_before(t):
        if g.para != t.para:
            break
        if g.stmt != source and cands:
            break  # (…；二是争取省级资金1.2亿元；三是市级配套3000万元。合计争取资金2.35亿元: all that full sentence's items)
        if g.stmt != t.stmt:
            in_stmt = False
            if not cands:
                source = g.stmt
        if g.family != t.family or not ctx.usable(g):
            foreign = foreign or (g.kind == t.kind == "amount" and g.stmt == t.stmt and ctx.usable(g)
                                  and g.f.currency != t.f.currency)
            continue
        if _is_total(ctx, g) or ctx.is_target(g) != plan:  # an earlier total or a task closes the list
            if cands:
                break
            continue
        whole = _item_whole(ctx, g, t)
        if whole is not None:
            inside.add(whole.i)
            continue
        if ctx.addable(g, targets=plan) and (g.i not in wholes or g.i in inside) and _same_things(ctx, g, t):
            cands.insert(0, g)
    return cands, in_stmt, foreign


def _item_whole(ctx: Context, g: Fig, t: Fig) -> Fig | None:
    """The whole ``g`` is inside when a local cue lists it in total ``t``'s full sentence, in brackets or before a plus
    word: that whole is the item ``t`` adds up (收入15.32亿元（其中：税收收入9.34亿元…）；加上…，收入总量为…; 收入195.57亿元，
    其中税收收入…；非税收入100.71亿元…；加上…471.83亿元，收入合计667.4亿元), None when ``g`` is an item itself."""
    grp = ctx.group_of(g)
    if grp is not None and grp.local and grp.whole.stmt == t.stmt and grp.whole.start < g.start and (
            ctx.inside_bracket(grp.whole.end, g.start) or _has_any(ctx.rules.plus_words, ctx.text[g.end:t.start])):
        return grp.whole
    return None


#: What a bracket listing parts of the figure before it opens with (（其中：开发区0.79亿元）, （含…）).
_PART_BRACKET = code_pattern(r"[（(]\s*(?:" + "|".join(PART_OPENERS) + ")")


def _in_part_bracket(ctx: Context, g: Fig, pos: int) -> bool:
    """``g`` stands in a bracket that lists parts of the figure before it (（其中：开发区1.27亿元）) and closes before
    ``pos``."""
    lo = ctx.sentence_start(g)
    before = ctx.text[lo:g.start]
    at = max(before.rfind("（"), before.rfind("("))
    if at < 0 or ctx.bracket_depth(g.end, pos) >= 0:
        return False
    # a cue opens it, or it opens right after a figure of the part's family (实际完成37.6亿元（市本级31.4亿元，开发区6.2
    # 亿元），为调整预算的94.8%)
    return rx_match(_PART_BRACKET, before, at) is not None or any(
        h.family == g.family and not ctx.text[h.end:lo + at].strip() for h in ctx.between(lo, lo + at)[-1:])


def _plus_base(ctx: Context, t: Fig, plan: bool = False) -> Fig | None:
    """The value a full sentence opening with a plus word (加上…等2875.1亿元，收入总量为6714.6亿元) adds to: the
    first value of the statement before it in the paragraph (市级一般公共预算收入3839.5亿元，为预算的98.6%。; …收入
    总计754,207万元；市本级一般公共预算支出完成508,665万元，增长9.25%。加上… -> 508,665万元)."""
    lo = ctx.stmt_start(t.start)
    if ctx.rules.plus_opener is None:
        return None
    if rx_match(ctx.rules.plus_opener, ctx.text[lo:t.start].lstrip(_TRIM)) is None:
        return _named_plus_base(ctx, t, lo, plan)
    prev = ctx.doc.sentence_at(max(lo - 1, 0))
    start = prev.start if prev is not None and prev.end >= lo - 1 else ctx.stmt_start(max(lo - 1, 0))
    before = [g for g in ctx.between(start, lo) if g.para == t.para]
    first = next((g for g in before if g.family == t.family and ctx.usable(g)), None)
    seen = set()
    while first is not None and (grp := ctx.group_of(first)) is not None and grp.whole.i not in seen:
        # …收入805亿元。其中，税收收入587亿元。非税收入218亿元。加上…: the value the list broke down
        seen.add(first.i)
        first = grp.whole
    return first if first is not None and ctx.addable(first, targets=plan) and ctx.is_target(first) == plan else None


def _named_plus_base(ctx: Context, t: Fig, lo: int, plan: bool = False) -> Fig | None:
    """The value a full sentence opening with its name and a plus word adds to (地方一般公共预算收入加预计转移性收入
    966,207万元、…，全市收入总计2,451,194万元): the nearest value before it in the paragraph that the name names."""
    m = rx_match(ctx.rules.named_plus, ctx.text, lo, t.start)
    if m is None or ctx.between(lo, m.end()):
        return None
    name = m.group(1)
    for g in reversed(ctx.between(ctx.doc.paragraphs[t.para].start if 0 <= t.para < len(ctx.doc.paragraphs) else lo, lo)):
        if g.family == t.family and ctx.usable(g) and ctx.addable(g, targets=plan) and ctx.is_target(g) == plan \
                and (name in (g.label or "") or name in g.clause):
            return g
    return None


def _subset_match(cands: list[Fig], total: Fig) -> list[Fig] | None:
    """The largest subset (>= 2 items, ending with the item nearest the total) that adds up, when there is
    exactly one of that size (12家 + 9个 + 17个 = 38家, not 联合5家企业)."""
    if len(cands) > 12:
        cands = cands[-12:]
    last, rest = cands[-1], cands[:-1]
    for size in range(len(rest), 0, -1):
        hits = [[*c, last] for c in itertools.combinations(rest, size)
                if abs(sum(x.value for x in c) + last.value - total.value) <= sum_tolerance(total, [*c, last])]
        if len(hits) == 1:
            return hits[0]
        if hits:
            return None  # ambiguous
    return None


def find_sums(ctx: Context) -> list[Relation]:
    """合计/共计/总计 N (strong cues) equals the figures listed before it; 累计/共 N (weak cues) is read as
    a sum only when the figures add up."""
    out = []
    wholes = {g.whole.i for g in ctx.groups}
    listed: dict[int, set[int]] = {}  # a whole listed before a total, with its parts, is not one of its items
    for g in ctx.groups:
        for p in g.parts:
            listed.setdefault(p.stmt, set()).add(g.whole.i)
    for t in ctx.figs:
        plan = ctx.is_target(t)  # a planned total (收入总计30.8亿元 in next year's budget) adds up planned figures
        if not ctx.addable(t, targets=plan) or t.redacted or t.i in wholes or t.i in ctx.summed or t.source == "table":
            continue  # (a table's 合计 row: its rows and columns say what it adds up, read with the table)
        strong = rx_search(ctx.rules.strong_sum, t.clause)
        weak = rx_search(ctx.rules.weak_sum, t.clause)
        if not (strong or weak):
            continue
        cands, in_stmt, foreign = _sum_candidates(ctx, t, listed.get(t.stmt, set()), plan)
        base = _plus_base(ctx, t, plan) if cands and in_stmt else None
        if base is not None:
            cands = [base, *cands]  # (the wording says what is added to what: firm)
        if len(cands) < 2:
            continue
        if base is None and _has_any(ctx.rules.plus_words, ctx.text[cands[-1].end:t.start]):
            continue  # what is added after the last figure has no figure (加上转移支付…等转移性收入，收入总量为78.64亿元)
        flow = ctx.rules.flow_words
        if all((c.clause or c.label).startswith(flow) for c in cands) and not (t.clause or t.label).startswith(flow):
            continue  # what is new is no part of a stock (新获批全国重点实验室3个、…2个，各级各类创新平台共计1924个)
        cue = (strong or weak).group(0)
        if any(c.redacted for c in cands):
            if strong:
                out.append(_rel(ctx, "total_of", "sum", t, cands, cue=cue))
            continue
        used: list[Fig] | None = cands if agrees(t.value, sum(c.value for c in cands), sum_tolerance(t, cands)) else None
        if used is None:
            used = _subset_match(cands, t)
        if used is None and (foreign or not (strong or base is not None)
                             or base is None and sum(c.value for c in cands) > NOT_PARTS * t.value):
            continue  # figures far over the total are other measures (…中标金额16.6亿元；…采购金额总计1.01亿元); a weak cue
            # is a sum only when they add up, or when a plus word says what is added (地方…收入加上上划中央收入…，…总收入…)
        firm = used is not None or (in_stmt and (base is not None and not _names_a_partition(ctx, base)
                                                 or base is None and ctx.same_place(cands, t)))
        out.append(_rel(ctx, "total_of", "sum", t, used if used is not None else cands, cue=cue, firm=firm,
                        names=tuple(c.surface for c in cands if used is not None and c not in used)))
    return out


def find_claims(ctx: Context) -> list[Relation]:
    """A paragraph that opens by saying an amount was completed (完成…任务4000万元。) and itemises it."""
    out = []
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
        out.append(_rel(ctx, "total_of", "target_claim", a, used, cue="完成",
                        names=(used[0].clause.strip(_TRIM)[-6:],) if totals else ()))
    return out


# ---------------------------------------------------------------------------------------------
# counts of listed items (新建网点5个，完成5个（A、B、C、D、E）)
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


_COLON = code_pattern(r"[:：]\s*")
_NESTED_COUNT = code_pattern(r"[^：:，,、]{0,8}?[0-9一二两三四五六七八九十]+[^\s：:，,、]{0,3}[：:]")
_ORDINAL_ITEM = code_pattern(r"(?:^|[。；;，,：:\n])\s*([一二三四五六七八九十]{1,3})是")
_ORDINAL_START = code_pattern(r"\s*[一二三四五六七八九十]{1,3}是")
_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


def _list_after(ctx: Context, g: Fig) -> tuple[int, str, bool] | None:
    """(offset, text, plain) of the list of names that follows a count, or None; ``plain``: the offset is in the text
    without glosses, pads and soft wraps (:meth:`Context.plain`: a list after a colon, read on past a wrap)."""
    text, r = ctx.text, ctx.rules
    end = ctx.sentence_end(g)
    after = text[g.end:end]
    m = rx_match(r.enum_list_after, after)
    if m:
        open_at = g.end + m.end() - 1
        close = _close_paren(text, open_at)
        if close < 0:
            return None
        inner_start = open_at + 1
        inner = text[inner_start:close]
        if rx_match(_NESTED_COUNT, inner):
            return None  # 1个（发展3个：…）: the list belongs to the inner count
        return inner_start, inner, False
    m = rx_match(_COLON, after)
    if m:  # 发展3个:A、B、C — to the end of the statement, or of the bracket the count stands in
        p = ctx.plain()
        plain, start, end = p.plain, p.index(g.end + m.end()), p.index(end)
        stop, depth = start, 0
        # (a list of names joined by 、 ends at its first comma: 乡镇4个:罗阳镇、东溪乡、龟湖镇、雪溪乡,其余15个乡镇未完成)
        stops = "；;。\n，," if "、" in plain[start:end].split("，")[0].split(",")[0] else "；;。\n"
        while stop < end and plain[stop] not in stops:
            if plain[stop] in "（(":
                depth += 1
            elif plain[stop] in ")）":
                if depth == 0:
                    break
                depth -= 1
            stop += 1
        return start, plain[start:stop], True
    return None


def _count_rel(ctx: Context, g: Fig, items: list[tuple[int, str]], base: int, *, soft: bool,
               plain: bool = False) -> Relation | None:
    """A count against the names listed with it; None when the list is no list of what is counted. ``plain``: the
    items' offsets are in the text without glosses, pads and soft wraps (:meth:`Context.plain`), each mapped back to the
    span it is written in (大运河⏎、长城: a name or a list broken by a wrap)."""
    r = ctx.rules
    names = [(base + o, it) for o, it in items]
    last = names[-1][1] if names else ""
    open_end = any(last.endswith(w) for w in r.enum_open_ends)
    if open_end:
        names[-1] = (names[-1][0], last[:-2] if last.endswith("等等") else last[:-1])
    n = len(names)
    if n != g.written and not open_end and (soft or n < 2 or any(len(it) < r.enum_min_name for _, it in names)):
        return None  # not sure the names are what is counted (工业、农业: categories)
    at = ctx.plain().at if plain else (lambda k: k)  # (a name's first and last characters, where they are written)
    spans = [(at(s), at(s + len(it) - 1) + 1) for s, it in names]
    return _rel(ctx, "count_of", "enumeration", g, [], items=[(s, e, ctx.written[s:e]) for s, e in spans],
                cue="", exhaustive=not open_end, firm=not soft)


def _ordinal_items(ctx: Context, g: Fig, start: int) -> Relation | None:
    """完成两项工作：一是…；二是…: the items numbered 一是, 二是 … after the count's colon (its paragraph)."""
    para = ctx.doc.paragraph_at(start)
    end = para.end if para is not None else min(len(ctx.text), start + TEXT_WINDOW)
    marks = []
    for m in rx_finditer(_ORDINAL_ITEM, ctx.text, start - 1, end):
        n = parse_number(m.group(1))
        if n != len(marks) + 1:
            break
        marks.append(m.start(1))
    if len(marks) < 2:
        return None
    bounds = marks + [end]
    items = []
    for a, b in zip(bounds, bounds[1:]):
        s, e = a, b
        while e > s and ctx.text[e - 1] in _TRIM + "。":
            e -= 1
        items.append((s, e, ctx.written[s:e]))
    return _rel(ctx, "count_of", "enumeration", g, [], items=items, cue="一是", exhaustive=True)


def find_enumerations(ctx: Context) -> list[Relation]:
    out = []
    r = ctx.rules
    for g in ctx.figs:
        if (g.kind != "count" or g.in_name or g.redacted or g.source == "table" or math.isnan(g.value)
                or g.value != int(g.value) or g.factor != 1 or g.qualifier):
            continue
        found = _list_after(ctx, g)
        if found is not None:
            base, inner, plain = found
            if rx_match(_ORDINAL_START, inner):
                rel = _ordinal_items(ctx, g, ctx.plain().at(base) if plain else base)
                if rel is not None:
                    out.append(rel)
                continue
            items = [] if not inner.strip() or inner.lstrip().startswith(r.enum_remarks) or rx_search(_NUMBER, inner) \
                else _split_items(inner, r.enum_separators)
            if items and len(items) != g.written:
                # the last name joined by 和/及 (3个贫困村(甲村、瓦额村和瓦都西村)): read when the names are then as many
                joined = inner
                for j in r.respectively_joiners:
                    joined = _replace_outside(joined, j, "、")
                items = alt if len(alt := _split_items(joined, r.enum_separators)) == g.written else items
            # a remark in brackets, no list (高平、阳城、泽州、沁水4个县（市）): the names may stand before the count
            rel = _count_rel(ctx, g, items, base, soft=False, plain=plain) if len(items) >= 2 or g.written == 1 and items \
                else _count_before(ctx, g) or _count_respectively(ctx, g)
        else:
            rel = _count_before(ctx, g) or _count_respectively(ctx, g)
        if rel is not None:
            out.append(rel)
    return out


#: Quotation marks: a clause break of the structure, but inside a list of names (“二线口岸”运行管理办法).
_QUOTES = "“”\"‘’"
_OPENING_QUOTES = "“‘"


def _count_before(ctx: Context, g: Fig) -> Relation | None:
    """北京、重庆、广东、浙江、福建五省市: the names written just before the count — from the count's clause, or, when
    that reads none, from before the quotes that cut it (货物流通税收政策、“二线口岸”运行管理办法等3项: a quoted name)."""
    lo = ctx.clause_start(g.start)
    found = _count_before_from(ctx, g, lo)
    wide = lo
    while wide > 0 and ctx.text[wide - 1] in _QUOTES and g.start - wide < TEXT_WINDOW \
            and (ctx.text[wide - 1] not in _OPENING_QUOTES or ctx.text[wide - 2:wide - 1] == "、"):
        wide = ctx.clause_start(wide - 1)
    if wide == lo or found is not None and found.items:
        return found
    return _count_before_from(ctx, g, wide) or found


#: Quoted names written one after another right before a count, adjacent or joined (选取“菜篮子集团”“公交运行”和
#: “全市物业管理”三个重点项目).
_QUOTED_NAMES = code_pattern(r"(?:“[^“”，,。；;：:0-9]{1,16}”[、和及与]?){2,}$")
_QUOTED_NAME = code_pattern(r"“([^“”]+)”")


def _quoted_before(ctx: Context, g: Fig) -> Relation | None:
    """A count of the quoted names right before it, read when they are as many."""
    lo = max(ctx.stmt_start(g.start), g.start - TEXT_WINDOW)
    m = rx_search(_QUOTED_NAMES, ctx.text, lo, g.start)
    if m is None:
        return None
    names = [(q.start(1), q.group(1)) for q in rx_finditer(_QUOTED_NAME, ctx.text, m.start(), m.end())]
    if len(names) != g.written:
        return None
    return _rel(ctx, "count_of", "enumeration", g, [], items=[(s, s + len(n), ctx.written[s:s + len(n)]) for s, n in names],
                cue="", exhaustive=True, firm=False)


def _count_before_from(ctx: Context, g: Fig, lo: int) -> Relation | None:
    r = ctx.rules
    p = ctx.plain()  # (the names read past glosses, pads and soft wraps: 大运河⏎、长城、西山永定河三条)
    lo_plain = p.index(lo)
    before = p.plain[lo_plain:p.index(g.start)]
    m = rx_search(r.enum_list_before, before)
    if not m and (quoted := _quoted_before(ctx, g)) is not None:
        return quoted
    if not m or rx_search(_NUMBER, m.group(0)):
        # no list of names: as many figures of one family listed right before it (经济总量连跨5万亿元、6万亿元两个台阶)
        # are its items, read when they are
        figs = figures_listed_before(ctx, g.start, int(g.written))
        return None if figs is None else _rel(ctx, "count_of", "enumeration", g, [], firm=False, cue="",
                                               items=[f.ev() for f in figs])
    seg = m.group(0)
    head, last = (seg[:seg.rindex("、") + 1], seg[seg.rindex("、") + 1:]) if "、" in seg else ("", seg)
    joined = seg
    for j in r.respectively_joiners:  # 施秉和丹寨: two names; 京港澳和沪昆扩容、张官: three
        joined, last = _replace_outside(joined, j, "、"), _replace_outside(last, j, "、")
    items = _split_items(joined, "、")
    if len(items) != g.written and len(lasts := _split_items(head + last, "、")) == g.written:
        items = lasts  # a joiner inside a name (化学原料和化学制品制造业、…、非金属矿物制品业等四个): only the last two joined
    open_end = items[-1][1].endswith(r.enum_open_ends)
    if len(items) < r.enum_min_preceding and (open_end or len(items) != g.written
                                              or any(len(it) < r.enum_min_name for _, it in items)):
        return None  # two names, all of them (金白兰武有色金属、宝汉天工业母机2个), not two words (新建、改建2个)
    if len(items) != g.written and not (open_end and len(items) < g.written):
        return None  # 推出通学、通医、通游专线352条: the count is not of the names
    return _count_rel(ctx, g, items, lo_plain + m.start(), soft=True, plain=True)


#: The word that opens the names a count is of when they follow it (分别是, 分别为).
_RESPECTIVELY = "分别"


def _count_respectively(ctx: Context, g: Fig) -> Relation | None:
    """共参加两次省级重大活动，分别于A和B: the items after 分别."""
    r = ctx.rules
    end = ctx.sentence_end(g)
    after = ctx.text[g.end:end]
    noun = rx_match(r.enum_noun, after)
    cut = noun.end()
    rest = after[cut:]
    m = rx_match(r.respectively, rest)
    if not m and (k := noun.group().find(_RESPECTIVELY)) > 0:
        cut, rest = k, after[k:]  # (no comma before 分别: 7个亿元以上项目分别是…)
        m = rx_match(r.respectively, rest)
    if not m:
        return None
    start = g.end + cut + m.end()
    if rest[m.end():m.end() + 1] in (":", "："):
        listed = _statements_listed(ctx, g, start + 1)
        if listed is not None:
            return listed
    stop, depth = start, 0
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
    if 2 <= len(items) < g.written:
        items = _names_over_commas(ctx, items, start, stop, end, int(g.written))
    if len(items) < 2:
        # one name per statement to the full stop, no colon (7个亿元以上项目分别是华邦…项目,投资额约60亿元;高速地产…;…)
        whole = ctx.text[start:ctx.doc.stop_span(g.start)[1]]
        return _statements_listed(ctx, g, start) if "；" in whole or ";" in whole else None
    return _count_rel(ctx, g, items, start, soft=True)


#: The longest name read on over a comma after 分别是 (二图、荣谋,蒌根及薛宅): a longer clause is prose.
COMMA_NAME_CHARS = 12


def _names_over_commas(ctx: Context, items: list, start: int, stop: int, end: int, count: int) -> list:
    """A list after 分别是 cut short by a comma, read on over the clauses after it while each is names only — no figure,
    no remark (其中…), each name short — and only when it so reaches the count (有4个贫困村,分别是二图、荣谋,蒌根及薛宅,
    其中…: four)."""
    r = ctx.rules
    out = list(items)
    while stop < end and ctx.text[stop] in "，," and len(out) < count:
        nxt = next((k for k in range(stop + 1, end) if ctx.text[k] in "，,；;。\n"), end)
        clause = ctx.text[stop + 1:nxt]
        if not clause.strip() or clause.lstrip().startswith(r.enum_remarks) or rx_search(_NUMBER, clause):
            break
        for j in r.respectively_joiners:
            clause = _replace_outside(clause, j, "、")
        more = [(stop + 1 - start + k, name) for k, name in _split_items(clause, "、")]
        if not more or any(len(name) > COMMA_NAME_CHARS for _, name in more):
            break  # (a clause of prose, not names)
        out += more
        stop = nxt
    return out if len(out) == count else items


#: How far after its colon a list of statements is read at most (a line of 5 MB with no full stop stays linear).
STATEMENT_LIST_CHARS = 3000


def _statements_listed(ctx: Context, g: Fig, lo: int) -> Relation | None:
    """有26个考核指标超额完成任务，分别是：改造县乡公路3290公里，为任务的164.5%；…；贫困农民帮扶培训15130人，为任务的126.1%。:
    the statements after the colon, to the full stop, one item each (named by their words before their first figure).
    A mismatch is firm only when no item holds a count of the count's own kind (建设农家书屋19818个 may be what is
    counted, or a part of it)."""
    hi = min(ctx.doc.stop_span(g.start)[1], lo + STATEMENT_LIST_CHARS)
    body = ctx.text[lo:hi].rstrip("。.！!？? \n")
    if "；" not in body and ";" not in body:
        return None
    parts = _split_items(body, "；;")
    if len(parts) < 2:
        return None
    first = ctx.between(lo + parts[0][0], lo + parts[0][0] + len(parts[0][1]))
    if "、" in parts[0][1] and len(first) >= 2:
        return None  # (the first statement lists a value per name, 分别为:乙县30个、甲县50个;…: no statement per item)
    items = []
    for off, it in parts:
        cut = next((k for k, c in enumerate(it) if c.isdigit() or c in "，,："), len(it))
        name = it[:cut].strip() or it[:16]
        items.append((lo + off, lo + off + len(name), ctx.written[lo + off:lo + off + len(name)]))
    firm = not any(h.family == g.family for h in ctx.between(lo, hi))
    return _rel(ctx, "count_of", "enumeration", g, [], items=items, cue="", exhaustive=True, firm=firm)


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
# the same indicator stated twice in one section
_MARKER = code_pattern(r"^(?:[0-9]{1,2}[、.．]|[一二三四五六七八九十]{1,3}、|[（(][0-9一二三四五六七八九十]{1,3}[)）])\s*")


def find_repeats(ctx: Context) -> list[Relation]:
    """The same wording (from the start of its full sentence) reported twice in one section: a
    restatement. Two values that differ in one paragraph contradict each other; in different
    paragraphs they may be another period or scope, so only agreeing ones are read as a relation."""
    out = []
    seen: dict[tuple, Fig] = {}
    grouped = {p.i for g in ctx.groups for p in g.parts}
    for g in ctx.figs:
        if (g.kind == "percentage" or g.in_name or g.redacted or g.qualifier or g.i in grouped
                or g.source == "table" or math.isnan(g.value)):
            continue
        lo = ctx.stmt_start(g.start)
        if g.start - lo > TEXT_WINDOW:
            continue  # no indicator's name is that long
        head = rx_sub(_MARKER, "", ctx.text[lo:g.start].strip())
        if len(head) < ctx.rules.repeat_min_key or rx_search(_NUMBER, head) or "\n" in head:
            continue
        key = (g.article, ctx.doc.section_path(g.start), g.family, g.role, head)
        prev = seen.get(key)
        if prev is None:
            seen[key] = g
            continue
        if prev.stmt == g.stmt:
            continue
        if _has_any(ctx.rules.repeat_scopes, ctx.text[prev.end:lo]):
            seen[key] = g  # another scope's (…当年收支结余4.34亿元。市本级…当年收支结余5.02亿元)
            continue
        same = abs(prev.value - g.value) <= max(prev.half_base, g.half_base)
        if prev.para != g.para and not same:
            continue
        out.append(_rel(ctx, "same_as", "repeat", g, [prev], cue=head, firm=prev.para == g.para))
    return out


#: How many earlier writings of the same value a value is compared with (the nearest first): a document that
#: writes one value thousands of times stays linear.
RESTATED_LOOKBACK = 4


def _significant_digits(g: Fig) -> int:
    """The significant digits ``g``'s number is written with (28，697 -> 5, 0.09 -> 1, 300 -> 3), read from its
    record (the written number and its decimals), whatever its separators (full-width commas, spaces)."""
    if math.isnan(g.written):
        return 0
    return len(str(round(abs(g.written) * 10 ** (g.f.decimals or 0))).lstrip("0"))


def restated_values(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and a ``same_as`` (the first statement, then the restatement) for each value written again
    in another paragraph or a table of its article (``[repeat]`` restated_* in relations.toml), equal in value
    and unit: 全市一般公共预算收入8500.9亿元 … 全市地方一般公共预算收入完成8500.9亿元; 伊州区实现地区生产
    总值664.08亿元 and the table's 664.08. Only equal values: unequal ones in different places may be another
    period or scope."""
    rules = ctx.rules
    if not rules.restated_digits:
        return relations
    related = _restated_pairs(relations)
    # (a pair another relation already reads as equal, 收入总量340.62亿元 … 支出总量为340.62亿元，收支平衡, is not restated)
    linked = {(id(r.stated), id(r.operands[0])) for r in relations
              if r.stated is not None and r.check == "sum" and len(r.operands) == 1}
    out = list(relations)
    by_key: dict[tuple, list[Fig]] = {}
    for g in ctx.figs:
        if g.redacted or g.in_name or math.isnan(g.written) or g.qualifier:
            continue
        key = (g.article, g.kind, g.unit, round(g.value, 6))  # the same value in the same unit
        for h in reversed(by_key.get(key, [])[-RESTATED_LOOKBACK:]):
            if h.para == g.para and h.source == g.source and (
                    h.stmt == g.stmt or g.kind == "percentage"
                    or _lcs(g.label or g.clause, h.label or h.clause) < ctx.rules.restated_name_chars
                    and (_significant_digits(g) < rules.restated_digits
                         or _significant_digits(g) == rules.restated_digits
                         and _common_suffix(g.label or g.clause, h.label or h.clause) < 2)) \
                    or frozenset((id(g.f), id(h.f))) in related or (id(h.f), id(g.f)) in linked:
                continue  # (in one paragraph only a later full sentence naming a level alike restates it: 131个项目; a
                # rate is as often another thing's: 第二产业投资增长10.7%…工业投资增长10.7%)
            digits = _significant_digits(g)
            # fewer digits need the names to agree: one digit fewer anywhere, any number in a table restating the text
            # (规模以上工业实现产值…增长0.4% and the table row 规模以上工业产值增长速度 | 0.4)
            named = digits == rules.restated_digits - 1 or g.source != h.source
            if digits >= rules.restated_digits or named and (
                    max(_lcs(g.label or g.clause, h.label or h.clause), _lcs(g.clause, h.clause)) >= rules.restated_name_chars
                    or _row_named_before(ctx, g, h) or _row_named_before(ctx, h, g)):
                out.append(_rel(ctx, "same_as", "repeat", h, [g], cue=ctx.name(h), firm=False, formula="restated"))
                break
        by_key.setdefault(key, []).append(g)
    out += _rounded_restatements(ctx, related | _restated_pairs(out[len(relations):])) + _restated_growths(ctx, out)
    return out + _table_slots(ctx, out[len(relations):])


#: How many rows must restate figures from one place in the statements naming them into one column before that column
#: is read as restating every figure at that place.
TABLE_SLOT_ROWS = 2


def _table_slots(ctx: Context, restated: list[Relation]) -> list[Relation]:
    """A firm ``same_as`` for a text figure at a place where a table's column restates it: statements naming a row of
    the table (伊州区实现地区生产总值664.08亿元，比上年增长7.6%；巴里坤县实现地区生产总值211.11亿元，增长14.6%；…) whose
    figures the table restates equal, the k-th figure after the row's name in one column each, in
    :data:`TABLE_SLOT_ROWS` rows or more (and in no other column). A figure at such a place in a statement naming one
    row, whose other figure there the row restates (the statement is the row's), is that row's cell in that column,
    equal or not — a decline (下降4.4%) only read equal, the table writing it signed."""
    found = [p for r in restated if r.relation == "same_as" and r.stated is not None and len(r.operands) == 1
             for p in _slot_pairs(ctx, r)]
    columns: dict[tuple, set[int]] = {}
    rows_of: dict[tuple, set[int]] = {}
    anchors: set[tuple[int, int, int]] = set()  # (statement (。；), table, row) of the statements a row restates
    paired = {i for _, cell, g, _ in found for i in (cell.i, g.i)}
    for k, cell, g, stmt in found:
        table, row, col = cell.f.cell
        columns.setdefault((table, g.kind, k), set()).add(col)
        rows_of.setdefault((table, g.kind, k), set()).add(row)
        anchors.add((stmt, table, row))
    slots = {key: next(iter(cols)) for key, cols in columns.items() if len(cols) == 1 and len(rows_of[key]) >= TABLE_SLOT_ROWS}
    if not slots:
        return []
    cells = {g.f.cell: g for g in ctx.figs if g.source == "table" and g.f.cell is not None}
    out = []
    for stmt, table, row in sorted(anchors):
        lo, name = _row_name_in(ctx, table, row, stmt)
        for k, g in enumerate(ctx.between(lo, ctx.doc.sentences[stmt].end) if lo >= 0 else []):
            col = slots.get((table, g.kind, k))
            cell = cells.get((table, row, col)) if col is not None else None
            if cell is None or g.i in paired or cell.i in paired or g.source == "table" or g.redacted or g.in_name \
                    or g.direction == "-" or cell.family != g.family or cell.unit_text != g.unit_text:
                continue
            out.append(_rel(ctx, "same_as", "repeat", g, [cell], cue=name, firm=True, formula="restated"))
            paired.update((g.i, cell.i))
    return out


def _slot_pairs(ctx: Context, r: Relation) -> list[tuple[int, Fig, Fig, int]]:
    """(k, cell, text figure, statement) when ``r`` restates a text figure in a table row named before it in its
    statement, the k-th figure after the name."""
    a, b = ctx.by_record.get(id(r.stated)), ctx.by_record.get(id(r.operands[0]))
    out = []
    for cell, g in ((b, a), (a, b)):
        if cell is None or g is None or cell.source != "table" or g.source == "table" or cell.f.cell is None:
            continue
        table, row, _ = cell.f.cell
        lo, _ = _row_name_in(ctx, table, row, g.sentence)
        if 0 <= lo <= g.start:
            out.append((sum(1 for _ in ctx.between(lo, g.start)), cell, g, g.sentence))
    return out


def _row_name(ctx: Context, table: int, row: int) -> str:
    """The name of ``table``'s ``row`` as the text writes it (normalized, glosses left out), "" when there is none."""
    r = table_figures(ctx.doc).rows.get((table, row))
    return strip_glosses(normalize(r.name)) if r is not None else ""


def _row_name_in(ctx: Context, table: int, row: int, stmt: int) -> tuple[int, str]:
    """(where the name of ``table``'s ``row`` ends in statement ``stmt`` (。；), the name), or (-1, "")."""
    name = _row_name(ctx, table, row)
    lo, hi = ctx.doc.sentences[stmt].start, ctx.doc.sentences[stmt].end
    at = ctx.text.find(name, lo, hi) if len(name) >= 2 else -1
    return (at + len(name), name) if at >= 0 else (-1, "")


def _row_named_before(ctx: Context, cell: Fig, g: Fig) -> bool:
    """Whether table figure ``cell``'s row name (two characters or more) is written in ``g``'s statement before it:
    the table row 伊吾县 | 287.75 | 10.4 restates 伊吾县实现地区生产总值287.75亿元，增长10.4%; the row 居民消费价格 |
    1.6 | 1.4 restates 居民消费价格总水平比上年上涨1.6%，其中城市上涨1.4%."""
    if cell.source != "table" or g.source == "table" or cell.f.cell is None:
        return False
    name = _row_name(ctx, *cell.f.cell[:2])
    lo = ctx.stmt_start(g.start)
    return len(name) >= 2 and g.start - lo <= TEXT_WINDOW and name in ctx.text[lo:g.start]


def _restated_pairs(relations: list[Relation]) -> set[frozenset[int]]:
    """The (stated, restatement) record pairs the ``same_as`` relations read."""
    return {frozenset((id(r.stated), id(o))) for r in relations if r.relation == "same_as" and r.stated is not None
            for o in r.operands}


def _rounded_restatements(ctx: Context, related: set[frozenset[int]]) -> list[Relation]:
    """A ``same_as`` for each amount or count written again rounded, in another paragraph or a table of its article
    (全年粮食总产量16.28万吨 and the table's 粮食总产量 162817吨; 民生支出380．75亿元 and later 全市民生支出381亿元): equal
    within the rounding of the coarser writing, the finer written before it in the text (or either in a table), the two
    names sharing ``restated_name_chars`` characters (a rounded value alone says little). For each coarse writing, the
    first that fits among the :data:`RESTATED_LOOKBACK` nearest unequal values on either side (linear in a document
    that writes one value thousands of times)."""
    rules = ctx.rules
    groups: dict[tuple, list[Fig]] = {}
    for g in ctx.figs:
        if g.kind != "percentage" and not (g.redacted or g.in_name or math.isnan(g.written) or g.qualifier):
            groups.setdefault((g.article, g.kind, g.unit), []).append(g)
    out = []
    for figs in groups.values():
        by_value = sorted(figs, key=lambda g: g.value)
        values = [g.value for g in by_value]
        for g in figs:
            half = g.half_base
            lo = bisect.bisect_left(values, g.value - half)
            hi = bisect.bisect_right(values, g.value + half)
            eq_lo, eq_hi = bisect.bisect_left(values, g.value), bisect.bisect_right(values, g.value)
            near = by_value[max(lo, eq_lo - RESTATED_LOOKBACK):eq_lo] + by_value[eq_hi:min(hi, eq_hi + RESTATED_LOOKBACK)]
            for h in near:  # (within g's rounding: g is the coarser writing)
                if h.start >= g.start and h.source == g.source or h.value == g.value or h.half_base >= half \
                        or h.para == g.para and h.source == g.source or frozenset((id(g.f), id(h.f))) in related:
                    continue
                if max(_lcs(g.label or g.clause, h.label or h.clause), _lcs(g.clause, h.clause)) < rules.restated_name_chars:
                    continue
                first, then = (h, g) if h.start < g.start else (g, h)
                out.append(_rel(ctx, "same_as", "repeat", first, [then], cue=ctx.name(first), firm=False, formula="restated"))
                related.add(frozenset((id(g.f), id(h.f))))
                break
    return out


def _change_with(ctx: Context, g: Fig) -> Fig | None:
    """The change stated with the level ``g`` in its unit: the first figure after it in its statement with a
    direction, of its family, unless another level comes first (一般公共预算36.6亿元，较2024年增加3.7亿元 -> 3.7亿元)."""
    for h in ctx.between(g.end, ctx.sentence_end(g)):
        if h.kind == "percentage":
            continue
        if not h.direction or h.family != g.family:
            return None
        return None if h.redacted or h.in_name or ctx.bound(h) or ctx.is_target(h) else h
    return None


def restated_in_units(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and, for each breakdown whose whole and every part is restated in another unit in the bracket
    right after it (造林面积6.37万公顷(95.53万亩)，其中，人工造林1.77万公顷(26.59万亩)，…), the same breakdown of those
    restatements: they must add up as well (all of the whole when the first unit's parts add up to it)."""
    def alt(f) -> Fig | None:
        g = ctx.by_record.get(id(f))
        h = ctx.figs[g.i + 1] if g is not None and g.i + 1 < len(ctx.figs) else None
        if h is None or ctx.text[g.end:h.start] not in ("(", "（") or ctx.text[h.end:h.end + 1] not in (")", "）") \
                or h.kind != g.kind or h.unit_text == g.unit_text or not ctx.usable(h):
            return None
        return h
    out = list(relations)
    for r in relations:
        if r.relation != "total_of" or r.check not in ("breakdown", "sum") or r.stated is None or r.minus:
            continue
        whole, parts = alt(r.stated), [alt(o) for o in r.operands]
        if whole is None or any(p is None for p in parts) or len({p.family for p in (whole, *parts)}) != 1:
            continue
        # (parts that add up to their whole in the first unit are all of it: so in the second)
        w0, ps0 = ctx.by_record[id(r.stated)], [ctx.by_record[id(o)] for o in r.operands]
        complete = r.exhaustive or agrees(w0.value, sum(p.value for p in ps0), sum_tolerance(w0, ps0))
        out.append(replace(r, stated=whole.f, operands=[p.f for p in parts], statement=ctx.statement_span(whole),
                           exhaustive=complete))
    return out


def changes_of_parts(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and, for each breakdown whose parts make up their whole (they add up, or claim to), the
    changes stated with each: they make up the whole's change (上级转移支付资金57.8亿元，较2024年增加16.1亿元。
    其中，一般公共预算36.6亿元，较2024年增加3.7亿元；政府性基金预算21.2亿元，较2024年增加12.4亿元 -> 16.1 =
    3.7 + 12.4). Changes in both directions are read for two parts, the rise less the fall (城镇人口增加4.76万人，
    乡村人口减少1.97万人 -> 常住人口增加2.79万人), and for more, those of the whole's direction less the others, firmly only
    for a known partition (a part of last year may be gone)."""
    by_f = {id(g.f): g for g in ctx.figs}
    totals = {id(r.stated) for r in relations if r.relation == "total_of"}  # read already (paragraph parts)
    out = list(relations)
    for r in relations:
        if r.relation != "total_of" or r.check != "breakdown" or r.stated is None or not r.operands or r.names:
            continue
        w, parts = by_f.get(id(r.stated)), [by_f.get(id(o)) for o in r.operands]
        if w is None or any(p is None for p in parts) or any(p.redacted for p in parts) or w.redacted:
            continue
        lone = len(parts) == 1
        if not (lone or r.exhaustive or agrees(w.value, sum(p.value for p in parts), sum_tolerance(w, parts))):
            continue
        dw = _change_with(ctx, w)
        dps = [_change_with(ctx, p) for p in parts]
        if dw is None or id(dw.f) in totals or any(d is None for d in dps) or len({d.i for d in dps}) < len(dps):
            continue
        if lone:
            # a lone 其中 part's rise within its whole's (民用汽车保有量141.40万辆，增加6.83万辆，其中，私人汽车保有量
            # 129.36万辆，增加5.99万辆): read only when it holds — the other parts may have fallen
            if dw.direction == dps[0].direction == "+" and dps[0].value <= dw.value and _comparable([dw, *dps]):
                totals.add(id(dw.f))
                out.append(_rel(ctx, "total_of", "breakdown", dw, dps, cue=r.cue, firm=False, exhaustive=False))
            continue
        if any(d.direction != dw.direction for d in dps):
            if len(dps) == 2 and dps[0].direction != dps[1].direction:
                # 城镇人口…增加4.76万人；乡村人口…减少1.97万人 -> 常住人口增加2.79万人: the rise less the fall
                (up, rise), (down, fall) = sorted(zip(parts, dps), key=lambda pd: pd[1].direction != "+")
                totals.add(id(dw.f))
                # firm only for the two halves of a known partition (城镇/乡村: each year's whole is both): else a part
                # of last year's whole may be gone (5G增66.97万户, 4G减290.97万户, and the 3G users of last year:
                # 移动互联网用户减少233.03万户)
                out.append(_rel(ctx, "difference_of", "difference", dw, [rise, fall], cue=r.cue,
                                firm=r.firm and r.exhaustive and _partition(ctx, parts),
                                formula="difference", sign=-1.0 if dw.direction == "-" else 1.0,
                                names=(ctx.name(up) + "增", ctx.name(down) + "减")))
            elif len(dps) > 2:
                # 减少17.76万人。其中，企业…减少17.12万人；机关事业单位…增加0.47万人；城乡居民…减少1.11万人: the changes of
                # the whole's direction less those of the other (17.12 − 0.47 + 1.11), firm as two halves are
                totals.add(id(dw.f))
                out.append(_rel(ctx, "total_of", "breakdown", dw, dps, cue=r.cue, exhaustive=True,
                                firm=r.firm and r.exhaustive and _partition(ctx, parts),
                                minus=tuple(k for k, d in enumerate(dps) if d.direction != dw.direction)))
            continue
        totals.add(id(dw.f))
        out.append(_rel(ctx, "total_of", "breakdown", dw, dps, cue=r.cue, firm=r.firm, exhaustive=True))
    return out


def growth_bounds(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``relations`` and, for each breakdown whose parts make up their whole (a partition, or a list that adds up), the
    change rate stated with the whole against those stated with every part: a weighted mean of theirs, it lies between
    the slowest and the fastest (地区生产总值…增长5.1%。其中，第一产业增加值…增长4.2%；第二产业…4.8%；第三产业…5.4%)."""
    by_f = ctx.by_record
    out = list(relations)
    bounded = {id(r.stated) for r in relations if r.relation == "bound"}  # (read already: partition_means)
    for r in relations:
        if r.relation != "total_of" or r.check != "breakdown" or r.stated is None or len(r.operands) < 2 or r.names:
            continue
        w, parts = by_f.get(id(r.stated)), [by_f.get(id(o)) for o in r.operands]
        if w is None or any(p is None or p.redacted for p in parts) or w.redacted:
            continue
        if not (r.exhaustive or agrees(w.value, sum(p.value for p in parts), sum_tolerance(w, parts))):
            continue
        rw, rates = _rate_with(ctx, w), [_rate_with(ctx, p) for p in parts]
        if rw is None or any(x is None or x.unit != rw.unit for x in rates) or len({x.i for x in rates}) < len(rates) \
                or rw.i in {x.i for x in rates} or id(rw.f) in bounded:
            continue
        bounded.add(id(rw.f))
        signed = sorted(rates, key=lambda x: -abs(x.value) if x.direction == "-" else x.value)
        # firm when the whole's change is a weighted mean of its parts' for certain (growth at comparable prices:
        # 生产总值, 增加值); another's may be stated on another basis than its parts' (同口径): a mismatch says nothing sure
        out.append(_rel(ctx, "bound", "bound", rw, [signed[0], signed[-1]], cue=r.cue, formula="between",
                        firm=r.firm and r.exhaustive and any(certain_mean(ctx, g) for g in (w, *parts))))
    return out


def _rate_with(ctx: Context, g: Fig) -> Fig | None:
    """The change rate stated with the level ``g``: the first percentage with a direction after it in its
    statement, unless another level comes first (一般公共预算支出9976亿元，完成调整预算的98.8%，增长1% -> 1%)."""
    for h in ctx.between(g.end, ctx.sentence_end(g)):
        if h.kind != "percentage":
            return None
        if _growth(h) and not ctx.is_target(h):
            return h
    return None


def _equal_rates(a: Fig, b: Fig) -> bool:
    """Two change rates that read the same to the coarser one's written precision (4.57% and 4.6%), when that has
    a decimal place: a whole number (5%) is as often a target or another rate as a rounding (5.5%)."""
    if a.unit != b.unit or a.direction != b.direction:
        return False
    return a.value == b.value or min(a.f.decimals, b.f.decimals) > 0 and abs(a.value - b.value) <= max(a.half, b.half) + 1e-9


def _restated_growths(ctx: Context, relations: list[Relation]) -> list[Relation]:
    """``same_as`` for change rates stated again in another paragraph: the rates that go with a restated
    level (农林牧渔业实现增加值47.5亿元，同比增长4.4% restating 第一产业实现增加值47.5亿元，同比增长4.4%), and a
    rate of the same indicator under the same label (一般公共预算支出441.89亿元，增长4.57% … 全年一般公共预算支出
    增长4.6%; a label of ``[repeat] min_key_chars`` names one without the lexicon: 政府性基金支出增长), equal to
    the coarser precision of the two. Only equal rates: unequal ones may be of another
    period or scope."""
    by_f = {id(g.f): g for g in ctx.figs}
    done = {frozenset((id(r.stated), id(o))) for r in relations if r.relation == "same_as" and r.stated is not None
            for o in r.operands}
    pairs: list[tuple[Fig, Fig]] = []
    firm: set[tuple[int, int]] = set()
    for r in relations:
        if r.relation != "same_as" or r.stated is None or len(r.operands) != 1:
            continue
        h, g = by_f.get(id(r.stated)), by_f.get(id(r.operands[0]))
        if h is None or g is None or h.kind == "percentage":
            continue
        a, b = _rate_with(ctx, h), _rate_with(ctx, g)
        if a is None or b is None or a is b:
            continue
        if _same_writing(ctx, h, g) and a.source == b.source == "text" and a.unit == b.unit:
            firm.add((a.i, b.i))  # (the level written again as it was, under its name: its rate is the same rate)
            pairs.append((a, b))
        elif _equal_rates(a, b):
            pairs.append((a, b))
    by_label: dict[tuple, list[Fig]] = {}
    for g in ctx.figs:
        if g.kind != "percentage" or not (g.indicator or len(g.label) >= ctx.rules.repeat_min_key) or not g.direction \
                or g.redacted or g.in_name or g.qualifier or ctx.is_target(g):
            continue
        key = (g.article, g.indicator, g.label, g.direction)
        for h in reversed(by_label.get(key, [])[-RESTATED_LOOKBACK:]):
            if h.para != g.para and _equal_rates(h, g):
                pairs.append((h, g))
                break
        by_label.setdefault(key, []).append(g)
    out = []
    for h, g in pairs:
        if frozenset((id(h.f), id(g.f))) not in done:
            done.add(frozenset((id(h.f), id(g.f))))
            out.append(_rel(ctx, "same_as", "repeat", h, [g], cue=ctx.name(h), firm=(h.i, g.i) in firm,
                            formula="restated"))
    return out


def _same_writing(ctx: Context, h: Fig, g: Fig) -> bool:
    """Two text levels written alike (the same number to the same decimals, in the same unit) under names ending alike
    in ``[repeat] restated_name_chars`` characters or more, less the words saying they were achieved or planned, of no
    two scopes (全市一般公共预算收入150.1亿元 … 全市一般公共预算收入完成150.1亿元): one level written twice, whose change
    rates right after it (:func:`_rate_with`) are one rate, equal or not (电信主营业务收入22.47亿元 and
    保险公司全部保费收入22.47亿元 share a value, not a name; 全市 and 市本级国有资本经营预算收入完成3,042万元 two scopes')."""
    if not (h.source == g.source == "text" and h.value == g.value and h.f.decimals == g.f.decimals
            and h.unit_text == g.unit_text):
        return False
    ends = (*ctx.rules.actual_labels, *ctx.rules.target_words, *ctx.rules.plan_labels)
    a, b = without_ends(h.label, ends), without_ends(g.label, ends)
    k = _common_suffix(a, b)
    # (one measure: the names end alike, and neither names a scope the other does not: 全市… / 市本级…收入完成3,042万元)
    return k >= ctx.rules.restated_name_chars and (a[:-k] == b[:-k] or not _has_any(ctx.rules.repeat_scopes, a[:-k] + "|" + b[:-k]))


# ---------------------------------------------------------------------------------------------
# templates: growth against a stated earlier level, differences, thresholds
def _comparable(figs: list[Fig]) -> bool:
    """Levels that can be subtracted: one unit (and currency) for all (12个 and 3亿元 are not; percentages and the
    points between them are: 3.37%, 4%, 0.63个百分点)."""
    return len({(_POINTS.get(g.unit, g.unit), g.family if g.kind == "amount" else g.kind) for g in figs}) == 1


#: Units of the difference between two percentages, read as the percentages' own unit.
_POINTS = {"个百分点": "%", "百分点": "%"}


def _goes_on_from(ctx: Context, stated: Fig, head: Fig, operands: list[Fig]) -> bool:
    """``stated``'s full sentence opens with a comparison (同比, 较2020年度决算数) and so names no subject of its own:
    it goes on from the full sentence right before, in its paragraph, whose level ``head`` is firmly the one it compares
    (…支出完成124.7亿元，为预算数的97.5%，主要原因是住院率降低。同比增长7.7%，增支8.9亿元)."""
    words = ctx.opening(ctx.stmt_start(stated.start), stated).strip(_TRIM)
    return head.stmt == stated.stmt - 1 and head.para == stated.para and ctx.certain(head.stmt) \
        and ctx.certain(stated.stmt) and _compares(ctx, words) and all(g.stmt == stated.stmt for g in operands if g is not head)


def _compares(ctx: Context, words: str) -> bool:
    """``words`` open with a comparison (比上年, 同比; 较2020年度决算数: ``[words] prior`` and :data:`_COMPARED_WITH`)."""
    return bool(words) and (words.startswith(ctx.rules.prior_words) or words[0] in _COMPARED_WITH)


def _head_level(ctx: Context, first: Fig, like: Fig) -> Fig | None:
    """The level a change clause is about when its pattern leaves it out (公共财政预算收入完成51653万元，
    增加6455万元，增长14.28%): the nearest figure before ``first`` in its statement (to 。；) with ``like``'s
    unit, a value (no target, no change, no bound)."""
    lo = ctx.sentence_start(first)
    words = ctx.opening(lo, first).strip(_TRIM)
    if all(g.kind == "percentage" for g in ctx.between(lo, first.start)) \
            and (len(words) <= HEAD_OPENING or _compares(ctx, words)):
        # a statement opening with the change (…收入完成134.3亿元，为预算数的99.3%，…；同比增长2.9%，增收3.7亿元): the
        # level is its full sentence's, or — a full sentence opening with it (…支出完成124.7亿元，…。同比增长7.7%，增支
        # 8.9亿元) — the full sentence's before, in its paragraph
        before = ctx.stmt_start(first.start) == lo and lo > 0 and ctx.para_at(lo - 1) == first.para
        lo = ctx.stmt_start(lo - 1) if before else ctx.stmt_start(first.start)
    else:
        before = False
    for g in reversed(ctx.between(lo, first.start)):
        if g.kind == "percentage" or g.in_name or ctx.bound(g) or g.direction or ctx.is_target(g) \
                or _ratio_base(ctx, g) is not None or _earlier_level(ctx, g):
            continue
        if g.unit == like.unit and (g.kind != "amount" or g.family == like.family):
            grp = ctx.group_of(g) if before else None
            # (a full sentence opening with the change is of the full sentence before's whole, not its last part:
            # 本年收入合计1856.32万元，其中…；其他收入100万元，占5.4%。与上年相比，收入增加156.32万元，增长9.2%)
            return grp.whole if grp is not None and grp.whole.start >= lo and grp.whole.unit == g.unit else g
    return None


def _earlier_level(ctx: Context, g: Fig) -> bool:
    """``g`` is named as the earlier period's level (``[tables] earlier``: 上年收入合计376.51万元, 去年同期…), the base a change
    is measured from, not the level it came to — but a carry-over from last year (上年结转: ``[carry_over] into``)."""
    label = g.label.lstrip(_TRIM)
    carried = ctx.rules.carry_over[0] if ctx.rules.carry_over else ()
    return label.startswith(ctx.rules.table_earlier) and not label.startswith(carried)


def _ratio_base(ctx: Context, g: Fig) -> Fig | None:
    """The percentage written right after ``g`` as a ratio of it (完成预算105425万元的5.39%), if any: ``g`` is the whole
    it is measured against, not the level a change in its statement is of."""
    nxt = ctx.figs[g.i + 1] if g.i + 1 < len(ctx.figs) else None
    return nxt if nxt is not None and nxt.kind == "percentage" and ctx.text[g.end:nxt.start].strip(PAD_SPACES) == "的" \
        else None


def _same_subject(ctx: Context, change: Fig, level: Fig) -> bool:
    """A change's clause names no other thing than ``level``: the words before its comparison (比, 较, 同比), less the
    words of time opening them (``time_words``), are short or share two characters with the level's name (…节能环保支出
    0.8亿元，…，今年本级安排比上年增加0.2亿元: 本级安排 is another thing)."""
    name = change.clause.strip(_TRIM)
    name = name[:min((k for k in (name.find(c) for c in _COMPARISON) if k >= 0), default=len(name))]
    while (w := next((w for w in ctx.rules.time_words if name.startswith(w)), "")):
        name = name[len(w):]
    return len(name) < 3 or _lcs(name, level.label) >= 2


#: The characters a comparison opens with (比上年, 较上年, 同比, 与上年相比).
_COMPARISON = "比较同与"


#: How long the words opening a statement with a change may be (同比增长, 比上年增收) for its level to be looked for
#: in the full sentence before the ；; any length when they open with the comparison (较2020年度决算数减少157.86万元).
HEAD_OPENING = 8
#: What opens a comparison with a year named by its number (较2020年度决算数), besides the prior words of relations.toml.
_COMPARED_WITH = "比较"


#: The most years an average yearly growth is read over (a five-year plan's review: 5; a decade: 10).
MAX_CAGR_YEARS = 20

#: What joins the views for the scan that finds which of them a template may match: no view holds a line break.
_VIEW_JOIN = "\n"


def _cagr_years(ctx: Context, pos: int) -> tuple[int, bool]:
    """The years an average yearly growth at ``pos`` whose clause names none runs over (``[cagr]``): those of the
    nearest span of years or period word before it in its article (within ``look_back`` characters), 0 for none; and
    whether that span stands in ``pos``'s own full sentence (地区生产总值从2010年的…增加到2015年的…；一般公共预算收入由
    40.6亿元增加到79亿元，年均增长14.3%: a certain span).

    >>> from summary_mining import read_document
    >>> from summary_mining.figures import figures_of
    >>> doc = read_document(text="“十二五”时期工作回顾。过去的五年，财政收入由5.9亿元增加到15.5亿元,年均增长21.1%。")
    >>> _cagr_years(Context(doc, figures_of(doc)), doc.text.index("5.9"))
    (5, True)
    """
    r = ctx.rules
    article = ctx.doc.article_at(pos)
    lo = max(pos - r.cagr_look_back, article.start if article else 0)
    before = ctx.text[lo:pos]
    best, years = -1, 0
    if r.cagr_span is not None:
        for m in rx_finditer(r.cagr_span, before):
            best, years = m.start(), int(m.group("y1")) - int(m.group("y0"))
    for word, n in r.cagr_periods:
        k = before.rfind(word)
        if k > best:
            best, years = k, n
    if best < 0:
        return years, False
    at = lo + best
    # (certain in ``pos``'s own full sentence; or in a full sentence stating an average yearly growth itself, in its
    # paragraph or a run of paragraphs up to it each stating one: parallel items over one span — 地区生产总值由2010年的…
    # 增加到2015年的…，年均增长10%。一般公共预算收入由1070亿元增加到2454.4亿元，年均增长12.9%)
    paras = range(ctx.para_at(at), ctx.para_at(pos) + 1)
    word = r.cagr_parallel_word
    return years, at >= ctx.stmt_start(pos) or bool(word) and word in ctx.text[slice(*ctx.doc.stop_span(at))] \
        and all(word in _paragraph_text(ctx, k) for k in paras)


def _paragraph_text(ctx: Context, k: int) -> str:
    p = ctx.doc.paragraphs[k]
    return ctx.text[p.start:p.end]


def _template_hits(templates, views: list) -> list[set[int]]:
    """For each template, the views one scan of all of them joined (:data:`_VIEW_JOIN`) finds a match overlapping: a
    match inside a view is found by that scan or lies under one it finds, so the views left out hold none."""
    joined = _VIEW_JOIN.join(v.text for v in views)
    starts, pos = [], 0
    for v in views:
        starts.append(pos)
        pos += len(v.text) + 1
    out = []
    for t in templates:
        found: set[int] = set()
        for m in rx_finditer(t.pattern, joined):
            a = bisect.bisect_right(starts, m.start()) - 1
            b = bisect.bisect_right(starts, max(m.start(), m.end() - 1)) - 1
            found.update(range(a, b + 1))
        out.append(found)
    return out


def find_templates(ctx: Context) -> list[Relation]:
    out = []
    taken: set[tuple[int, int]] = set()  # (stated figure, template kind) already read
    down = ctx.rules.down_words
    views = list(figure_views(ctx))
    hits = _template_hits(ctx.rules.templates, views)
    for k, view in enumerate(views):
        for j, t in enumerate(ctx.rules.templates):
            if k not in hits[j]:
                continue
            for m in rx_finditer(t.pattern, view.text):
                stated = view.figure(m, t.stated)
                if stated is None or (stated.i, t.relation) in taken:
                    continue
                groups = {k: view.figures(m, k) for k, v in m.groupdict().items() if v is not None and k not in (t.stated, "verb")}
                if t.head:
                    first = min((g for gs in groups.values() for g in gs), key=lambda g: g.start, default=stated)
                    head = _head_level(ctx, first, (groups.get("difference") or groups.get("before") or [stated])[0])
                    if head is None or not _same_subject(ctx, first, head):
                        continue
                    groups[t.head] = [head]
                minus: tuple[int, ...] = ()
                if t.formula in ("at_least", "sum"):
                    # a sum's parts: ``parts`` and ``more`` added, ``minus`` taken away (…，加上…等174.6亿元，减去…等
                    # 323.81亿元，全年支出预算调整为1571.03亿元)
                    operands = list(dict.fromkeys(_item_whole(ctx, g, stated) or g
                                                  for g in [*groups.get("parts", []), *groups.get("more", [])]))
                    taken_away = groups.get("minus", [])
                    minus = tuple(range(len(operands), len(operands) + len(taken_away)))
                    operands += taken_away
                    if len(operands) < (2 if t.formula == "sum" else 1) \
                            or (t.formula == "sum" and not _comparable([*operands, stated])):
                        continue
                elif t.formula == "growth_by_difference":
                    operands = [*groups.get("now", []), *groups.get("difference", [])]
                else:
                    operands = [*groups.get("now", []), *groups.get("before", [])]
                if t.formula not in ("at_least", "sum") and groups.get("now"):
                    # a level in brackets (新增债券213.27亿元（一般债券11.77亿元、专项债券201.5亿元），比上年增加50.27亿元):
                    # what follows the bracket is said of the figure the bracket follows
                    whole = _bracket_whole(ctx, groups["now"][0])
                    if whole is None:
                        continue
                    operands = [whole if g is groups["now"][0] else g for g in operands]
                if t.formula not in ("at_least", "sum") and (len(operands) != 2 or not _comparable(
                        [*operands, stated] if t.formula == "difference" else operands)):
                    continue
                sign = -1.0 if t.sign == "verb" and m.group("verb") and m.group("verb") in down else 1.0
                if t.sign == "verb" and sign > 0 and t.relation == "growth_of" and stated.value < 0:
                    sign = -1.0  # (增长-5.2%，减收0.67亿元: a growth written negative is a decline)
                years, firm = 0, ctx.same_place(operands, stated) or bool(t.head) and _goes_on_from(
                    ctx, stated, groups[t.head][0], operands)
                if t.formula == "cagr":  # (the years the growth averages over: 由2010年的…到2015年的…, 5)
                    named = "y0" in m.re.groupindex
                    years, near = (int(m.group("y1")) - int(m.group("y0")), True) if named \
                        else _cagr_years(ctx, min(g.start for g in operands))
                    firm = firm and near  # (years read before its full sentence are never firm)
                    if not 1 <= years <= MAX_CAGR_YEARS:
                        continue
                taken.add((stated.i, t.relation))
                if stated.kind == "percentage":
                    ctx.claimed.add(stated.i)
                if t.formula == "sum":
                    ctx.summed.add(stated.i)
                # (a sum's message names its total: 滚存结余)
                cue = t.cue or (ctx.name(stated) if t.formula == "sum" else t.name)
                out.append(_rel(ctx, t.relation, t.check, stated, operands, cue=cue, formula=t.formula, sign=sign,
                                firm=firm, names=t.names, minus=minus,
                                exhaustive=t.exhaustive, years=years))
    return out


def _bracket_whole(ctx: Context, g: Fig) -> Fig | None:
    """``g``, or — ``g`` inside a bracket in its statement — the figure of its family right before the bracket opens
    (None when there is none)."""
    lo = ctx.stmt_start(g.start)
    if not ctx.inside_bracket(lo, g.start):
        return g
    before = ctx.text[lo:g.start]
    at = lo + max(before.rfind("（"), before.rfind("("))
    return next((f for f in reversed(ctx.between(lo, at)) if f.family == g.family and f.kind == g.kind
                 and not ctx.text[f.end:at].strip(_TRIM + "万亿元") and ctx.usable(f)), None)


def find_named_changes(ctx: Context) -> list[Relation]:
    """A level's growth and, later in its full sentence, its change named after it (税收完成135.4亿元，为预算的100.6%，
    增长10.9%，在减税16.92亿元的基础上，税收增收13.3亿元): the growth is the change over the level less it, never firm
    (the change is found by its name) — for the growths no template read."""
    out: list[Relation] = []
    taken: set[int] = set()
    for change in ctx.figs:  # (the changes are few: read back from each to its level)
        if change.kind == "percentage" or not change.direction or change.redacted or change.in_name:
            continue
        lo = ctx.stmt_start(change.start)
        level = next((g for g in reversed(ctx.between(lo, change.start)) if g.family == change.family and not g.direction
                      and len(g.label) >= 2 and change.label.startswith(g.label) and change.label != g.label), None)
        if level is None or level.i in taken or not ctx.usable(level) or ctx.is_target(level) or ctx.is_target(change):
            continue
        rate = _rate_with(ctx, level)
        if rate is None or rate.i in ctx.claimed or rate.direction != change.direction or rate.end > change.start:
            continue
        taken.add(level.i)
        ctx.claimed.add(rate.i)
        out.append(_rel(ctx, "growth_of", "growth", rate, [level, change], cue=change.label, formula="growth_by_difference",
                        sign=-1.0 if rate.direction == "-" else 1.0, firm=False))
    return out


# ---------------------------------------------------------------------------------------------
# balances (收入总计695112万元。…支出总计687347万元，年终结转7765万元)
def _balance_operand(ctx: Context, before: list[Fig], words: tuple[str, ...], totals: tuple[str, ...]) -> Fig | None:
    """The nearest of ``before`` (nearest first) that ``words`` name: in its clause with a total word
    (支出总计687347万元) first, then in its clause, then in its statement before it (支出…实际完成232.7亿元)."""

    def clause(g: Fig) -> str:
        return g.label + "|" + g.clause  # (both without glosses)

    def statement(g: Fig) -> str:
        return strip_glosses(ctx.text[ctx.sentence_start(g):g.start])

    for test in (lambda g: _has_any(words, clause(g)) and _has_any(totals, clause(g)),
                 lambda g: _has_any(words, clause(g)),
                 lambda g: _has_any(words, statement(g))):
        found = next((g for g in before if test(g)), None)
        if found is not None:
            return _actual_after(ctx, found)
    return None


def _actual_after(ctx: Context, g: Fig) -> Fig:
    """The actual a budget figure is followed by in its statement, past its brackets (支出预算42.96亿元（其中：开发区
    0.53亿元），实际完成49.72亿元: 49.72亿元), else ``g``."""
    if not _names_budget(ctx, g.label):
        return g
    nxt = next((f for f in ctx.figs[g.i + 1:g.i + 1 + FIGURE_WINDOW]
                if f.sentence != g.sentence or not ctx.inside_bracket(g.end, f.start)), None)
    if nxt is not None and nxt.sentence == g.sentence and nxt.family == g.family and not nxt.direction \
            and nxt.label in ctx.rules.actual_labels:
        return nxt
    return g


def _names_budget(ctx: Context, name: str) -> bool:
    """``name`` names a budget (收入预算, 年初预算数, 执行中调整为), not only a fund that holds the word (一般公共预算收入)."""
    for fund in ctx.rules.budget_funds:
        name = name.replace(fund, "")
    return any(w in name for w in ctx.rules.budget_names) or any(w in name for w in ctx.rules.budget_words)


#: How many paragraphs back a balance said to be what is left (收支相抵，结转下年…) may find the totals it settles.
SETTLED_PARAGRAPHS = 2
#: … and one opening its own paragraph the income and spending it is the difference of (read when it is): a 其中 list
#: between them may take paragraphs of its own (a PDF's lines ending in ；)
AGREEING_PARAGRAPHS = 4


def _balance_operands(ctx: Context, before: list[Fig], rule, totals: tuple[str, ...] = ()) -> tuple[Fig | None, Fig | None]:
    """(income, spending) among ``before`` (nearest first): the nearest spending, the nearest income before it;
    with ``totals``, both must be named totals (收入总计624.65亿元 … 支出总计557.63亿元)."""
    if totals:
        before = [g for g in before if _has_any(totals, g.label + "|" + g.clause)]
    spent = _balance_operand(ctx, before, rule.spending, rule.totals)
    came = None if spent is None else _balance_operand(ctx, [g for g in before if g.start < spent.start],
                                                       rule.income, rule.totals)
    return (came, spent) if came is not None else (None, None)


def _listed_part(ctx: Context, g: Fig) -> bool:
    """``g`` is a part a cue lists (其中…其他支出), not the level of a part paragraph (1. …基金收入106303万元)."""
    grp = ctx.group_of(g)
    return grp is not None and grp.local


def find_balances(ctx: Context) -> list[Relation]:
    """A balance (结余/结转, ``[balance]`` in relations.toml) = the income before it less the spending before it; a
    shortfall (缺口) the other way round."""
    rule = ctx.rules.balance
    if rule is None:
        return []
    out = []
    for b in ctx.figs:
        if b.kind != "amount" or b.redacted:
            continue
        words = b.clause.rstrip(_TRIM)
        short = rule.deficit is not None and rx_search(rule.deficit, words) is not None  # 收支相抵缺口34,088万元
        if not (short or rx_search(rule.cue, words)):
            continue
        lead = ctx.text[ctx.sentence_start(b):b.start]
        settled = _has_any(rule.settled, "".join(strip_glosses(lead).split()))
        if _has_any(rule.minus, b.clause):
            continue  # what is taken away (…滚存结余11.1亿元，扣除结转下年支出10.9亿元): no balance
        if _has_any(rule.excluded, b.clause) and not settled or _listed_part(ctx, b) or _before_total(ctx, b, rule.totals) \
                or ctx.inside_bracket(ctx.sentence_start(b), b.start):
            continue  # (总支出合计为413.0亿元，其中，…结转下年支出41.1亿元: an item of the spending, no balance; nor one in
            # brackets: 结转138,258万元（含经开区专项资金结转8,439万元）)
        planned = ctx.is_target(b)  # (a budget draft's balance is of its planned income and spending)
        near = [g for g in ctx.nearest_before(b) if b.para - g.para <= AGREEING_PARAGRAPHS and g.family == b.family
                and not g.redacted and ctx.usable(g) and ctx.is_target(g) == planned
                and not _listed_part(ctx, g)  # (其中…其他支出: a part)
                and (not _has_any(rule.excluded, g.clause) or _has_any(rule.totals, g.clause))]  # (…上年结转结余等收入共计
        # 59.46亿元: a total naming what it adds up, no balance of last year's)
        usable = [g for g in near if b.para - g.para <= SETTLED_PARAGRAPHS]
        came, spent = _balance_operands(
            ctx, [g for g in usable if g.para == b.para and b.stmt - g.stmt <= rule.statements], rule)
        if came is None and settled:
            # 收支相抵，结转下年支出67.02亿元 opening its own paragraph: the totals of the paragraphs before it
            came, spent = _balance_operands(ctx, usable, rule, rule.totals)
        firm = came is not None  # the cue says what it is, and both operands stand in its statements
        opening = not any(g.para == b.para for g in usable)
        if came is None and not short and opening and (agreeing := _agreeing_rel(ctx, b, near, rule)) is not None:
            # a balance opening its own paragraph (…收入52.9亿元、支出45.33亿元。⏎其中：…；…。⏎本年收支结余7.57亿元): the
            # nearest income and spending of the paragraphs before it whose difference it is (read when it is)
            out.append(agreeing)
            continue
        if came is None:
            came, spent = _named_balance_operands(ctx, b, rx_search(rule.cue, words))
        if came is None and not short and not opening and (agreeing := _agreeing_rel(ctx, b, near, rule)) is not None:
            # … or one said to be a balance statements after the income and spending in its paragraph (…收入完成134.3亿元，
            # …。…支出完成124.7亿元，…。当年收支结余9.6亿元): likewise
            out.append(agreeing)
            continue
        taken_away = _taken_away(ctx, b, rule)
        if taken_away:
            # a figure right before the minus word is what it is taken from (滚存结余14.9亿元，扣除结转下年支出数13.8亿元，
            # 净结余为1.1亿元)
            held = next((g for g in reversed(ctx.between(ctx.stmt_start(b.start), taken_away[0].start))
                         if g.family == b.family and ctx.usable(g) and not g.direction), None)
            if held is not None and ctx.text[held.end:taken_away[0].start].strip(_TRIM).startswith(rule.minus):
                came = held
        if taken_away and came is not None and came.start < taken_away[0].start and not short:
            # 收入总量减去预算支出、…等2,746,745万元，补充预算稳定调节基金186,414万元后，结转275,633万元: the income less
            # every figure after the minus word
            out.append(_rel(ctx, "difference_of", "sum", b, [came, *taken_away], cue=b.clause.rstrip(_TRIM)[-4:], firm=firm,
                            minus=tuple(range(1, len(taken_away) + 1))))
            continue
        if came is None or spent is None:
            continue
        spends = [] if short or _has_any(rule.totals, spent.label + "|" + spent.clause) else sorted(
            (g for g in usable if came.start < g.start < b.start and _has_any(rule.spending, g.label + "|" + g.clause)),
            key=lambda g: g.start)
        if len(spends) > 1:
            # no spending total: what is left is the income less every spending item stated after it (支出完成827.98亿元，
            # 加上上解上级等支出528.64亿元，年终结转219.82亿元; 预算支出89.64亿元，…还本支出22.96亿元，年终结转1.43亿元)
            out.append(_rel(ctx, "difference_of", "sum", b, [came, *spends], cue=b.clause.rstrip(_TRIM)[-4:], firm=firm,
                            minus=tuple(range(1, len(spends) + 1))))
            continue
        out.append(_rel(ctx, "difference_of", "difference", b, [came, spent], cue=b.clause.rstrip(_TRIM)[-4:], firm=firm,
                        formula="difference", names=(ctx.name(came), ctx.name(spent)), sign=-1.0 if short else 1.0))
    return out


#: How many incomes and spendings before a balance opening its paragraph are paired to find the two it is of.
BALANCE_PAIRS = 6


def _agreeing_rel(ctx: Context, b: Fig, near: list[Fig], rule) -> Relation | None:
    """The balance ``b`` as the difference of the nearest income and spending in ``near`` that give it (never firm)."""
    came, spent = _agreeing_balance(ctx, b, near, rule)
    if came is None or spent is None:
        return None
    return _rel(ctx, "difference_of", "difference", b, [came, spent], cue=b.clause.rstrip(_TRIM)[-4:], firm=False,
                formula="difference", names=(ctx.name(came), ctx.name(spent)))


def _agreeing_balance(ctx: Context, b: Fig, usable: list[Fig], rule) -> tuple[Fig | None, Fig | None]:
    """(income, spending): the nearest pair among the figures before ``b`` (nearest first) that the income and spending
    words name and whose difference is ``b``, else (None, None)."""
    def named(g: Fig, words: tuple[str, ...]) -> bool:
        return _has_any(words, g.label or g.clause)  # (its label: a clause may run on from the figure before)

    incomes = [g for g in usable if named(g, rule.income) and not named(g, rule.spending)][:BALANCE_PAIRS]
    spendings = [g for g in usable if named(g, rule.spending) and not named(g, rule.income)][:BALANCE_PAIRS]
    for came in incomes:
        for spent in spendings:
            if agrees(b.value, came.value - spent.value, sum_tolerance(b, [came, spent])):
                return came, spent
    return None, None


def _taken_away(ctx: Context, b: Fig, rule) -> list[Fig]:
    """The figures after a minus word (减去, 扣除: ``[balance] minus``) in a balance's statement, before it: what the
    income less is the balance (收入总量减去当年支出8,607万元、调出到一般公共预算支出7,723万元后，结转2,749万元)."""
    lo = ctx.stmt_start(b.start)
    at = min((k for w in rule.minus if (k := ctx.text.find(w, lo, b.start)) >= 0), default=-1)
    if at < 0:
        return []
    return [g for g in ctx.between(at, b.start) if g.kind == "amount" and g.family == b.family and ctx.usable(g)
            and not g.redacted and not g.direction]


def _before_total(ctx: Context, g: Fig, totals: tuple[str, ...]) -> bool:
    """The next figure in ``g``'s statement is a named total (…、结转下年使用39.7亿元，总支出3774.3亿元): ``g`` is an
    item of it."""
    nxt = ctx.figs[g.i + 1] if g.i + 1 < len(ctx.figs) else None
    return nxt is not None and nxt.stmt == g.stmt and (nxt.label.startswith("总") or _has_any(totals, nxt.label + "|" + nxt.clause))


def _named_balance_operands(ctx: Context, b: Fig, cue: regex.Match | None) -> tuple[Fig | None, Fig | None]:
    """(income, spending) of a balance whose label names what it balances (社会保险基金收支结余2.15亿元, its paragraph
    holding neither): the nearest figures before it in its article labelled that name and an income word (社会保险基金
    收入114.3亿元), and that name and a spending word (社会保险基金支出112.15亿元) — at least four characters of name,
    never a part a cue lists (城乡居民社会养老保险基金收入 is another fund's)."""
    rule = ctx.rules.balance
    name = b.label[:len(b.label) - len(cue.group())] if cue is not None and b.label.endswith(cue.group()) else ""
    if len(name) < 4:
        return None, None
    found: dict[str, Fig] = {}
    for g in ctx.nearest_before(b):
        if g.article != b.article:
            break
        if g.family != b.family or g.redacted or g.direction or not ctx.usable(g) or ctx.is_target(g) or _listed_part(ctx, g):
            continue
        for role, words in (("came", rule.income), ("spent", rule.spending)):
            if role not in found and name in g.label and _has_any(words, g.label[g.label.find(name) + len(name):]):
                found[role] = g
        if len(found) == 2:
            break
    return found.get("came"), found.get("spent")


def find_balanced(ctx: Context) -> list[Relation]:
    """收入完成12,147万元，…支出11,147万元，调出资金1,000万元，收支相抵平衡: a statement saying the books balance
    (``[balance] balanced``): the last income before its first spending in its full sentence equals that spending and
    what follows it — the income and spending named totals when there are (总收入合计…；总支出合计…)."""
    rule = ctx.rules.balance
    out: list[Relation] = []
    if rule is None:
        return out
    wholes = {grp.whole.i for grp in ctx.groups}
    for at, word in sorted((k, w) for w in rule.balanced for k in occurrences(ctx.text, w)):
        if ctx.text[at + len(word):at + len(word) + 1] not in "" + _TRIM + "（(":
            continue  # (按照…收支平衡的原则安排: words naming a principle, no books said to balance)
        figs = [g for g in ctx.between(ctx.stmt_start(at), at) if g.kind == "amount" and ctx.usable(g) and not g.redacted]
        spent = next((j for j, g in enumerate(figs) if _has_any(rule.spending, f"{g.label}|{g.clause}")), None)
        if spent is None:
            continue
        incomes = [g for g in reversed(figs[:spent]) if _has_any(rule.income, f"{g.label}|{g.clause}")]
        came = next((g for g in incomes if _has_any(rule.totals, f"{g.label}|{g.clause}")), next(iter(incomes), None))
        if came is None and at > 0:
            # the income's named total in the full sentence before, its paragraph's (收入总量为340.62亿元。一般公共预算支出
            # 289.56亿元；加上…等支出总量为340.62亿元，收支平衡)
            lo = ctx.stmt_start(at)
            came = next((g for g in reversed(ctx.between(ctx.stmt_start(max(lo - 1, 0)), lo)) if g.kind == "amount"
                         and g.para == figs[spent].para and ctx.usable(g) and not g.redacted
                         and _has_any(rule.income, f"{g.label}|{g.clause}") and _has_any(rule.totals, f"{g.label}|{g.clause}")),
                        None)
        outs = [g for g in figs[spent:] if g.family == figs[spent].family]
        total = next((g for g in outs if _has_any(rule.totals, f"{g.label}|{g.clause}") or g.i in wholes), None)
        if total is not None:  # 总收入合计为413.0亿元，其中，…；总支出合计为413.0亿元，其中，…: the totals, not their items
            outs = [total]  # (可供安排支出的规模为437.6亿元，其中，…: a whole its items break down)
        if came is None or came.family != figs[spent].family or not outs:
            continue
        if all(r.stated is not came.f for r in out):  # (two of the words in one full sentence: one relation)
            out.append(_rel(ctx, "total_of", "sum", came, outs, cue=word, exhaustive=True))
    return out


#: How many full sentences after an income's total its spending's total is looked for.
EQUAL_TOTALS_STATEMENTS = 2


def find_equal_totals(ctx: Context) -> list[Relation]:
    """收入总量为80.92亿元。支出41.05亿元，…；加上债务还本、年终结余等支出总量为80.92亿元: a budget's income total and the
    spending total after it (``[balance]`` income, spending and totals words), written equal — the books balance, the
    one total restates the other. Read only when equal (never firm: unequal totals leave a balance, which
    :func:`find_balances` reads).

    >>> import summary_mining as sm
    >>> sm.audit(text="基金收入36.15亿元，加上转移性收入，收入总量为80.92亿元。支出41.05亿元，加上债务还本等支出总量为80.92亿元。"
    ...          )["message"].tolist()[-1]
    '总量80.92亿元 在后文重述为 80.92亿元，一致'
    """
    rule = ctx.rules.balance
    out: list[Relation] = []
    if rule is None:
        return out

    def total(g: Fig, words: tuple[str, ...]) -> bool:
        name = f"{g.label}|{g.clause}"
        return g.kind == "amount" and ctx.usable(g) and not g.redacted and not g.direction and _has_any(words, name) \
            and _has_any(rule.totals, name)

    first: set[int] = set()  # full sentences whose income total was read (a total after it is one of its items)
    for g in ctx.figs:
        if not total(g, rule.income) or _has_any(rule.spending, g.label) or g.stmt in first:
            continue  # (收入总计434.72万元，其中：本年收入合计434.16万元: the second is an item of the first)
        first.add(g.stmt)
        h = next((h for h in ctx.figs[g.i + 1:g.i + FIGURE_WINDOW] if h.stmt - g.stmt > EQUAL_TOTALS_STATEMENTS
                  or h.article != g.article or total(h, rule.spending) and not _has_any(rule.income, h.label)), None)
        if h is None or h.stmt - g.stmt > EQUAL_TOTALS_STATEMENTS or h.article != g.article or h.family != g.family \
                or _has_any(rule.balanced, ctx.text[slice(*ctx.doc.stop_span(h.start))]):
            continue  # (books said to balance, 支出总量为340.62亿元，收支平衡: find_balanced reads them)
        firm = _books_close(ctx, g, h)
        if firm or h.written == g.written and h.factor == g.factor:
            out.append(_rel(ctx, "same_as", "repeat", g, [h], cue=_word_of(rule.totals, g) or _word_of(rule.totals, h),
                            firm=firm, formula="restated"))  # (named by the income total's word: 总收入1166.3亿元 …)
    return out


#: Words opening the list of a spending total's items after it in its full sentence (总支出1166.3亿元，其构成是：①…).
_SPENDING_LIST_CUES = ("构成", "包括", "其中")


def _books_close(ctx: Context, came: Fig, spent: Fig) -> bool:
    """The spending total ``spent`` closes the books on the income total ``came``, so the two are equal however they
    are written: before it in its full sentence (after ``came``), or among the items listed after it there (其构成是：…
    ④结转下年支出231.8亿元), the spending counts what it carries out of the year (加上债务还本、年终结余等支出总量为80.92亿元;
    …，结转下年支出12.9亿元，支出总计为129.3亿元: ``[carry_over] out_of``, not right after a ``[balance] excluded`` word —
    上年结余 is income), or the next full sentence, holding no figure,
    says they balance (支出合计1099245万元。⏎收支相抵，全县一般公共预算收支平衡。: ``[balance] balanced``).

    >>> import summary_mining as sm
    >>> sm.audit(text="基金收入36.15亿元，加上转移性收入，收入总量为80.92亿元。支出41.05亿元，加上债务还本、年终结余等支出总量为81.92亿元。"
    ...          )["status"].tolist()[-1]
    'inconsistent'
    """
    rule = ctx.rules.balance
    lo, end = ctx.doc.stop_span(spent.start)
    lo = max(lo, came.end)
    # (or after it in its full sentence, among the items a list cue opens: 总支出1166.3亿元，其构成是：①…④结转下年支出…)
    cue = min((k for w in _SPENDING_LIST_CUES if (k := ctx.text.find(w, spent.end, end)) >= 0), default=-1)
    settled = min((k for w in rule.settled if (k := ctx.text.find(w, spent.end, end)) >= 0), default=end)
    for a, b in ((lo, spent.start), (cue, settled) if 0 <= cue < settled else (0, 0)):
        for w in ctx.rules.carry_over[1] if ctx.rules.carry_over else ():
            k = ctx.text.find(w, a, b)
            while k >= 0:
                if not any(ctx.text.endswith(x, a, k) for x in rule.excluded):
                    return True
                k = ctx.text.find(w, k + 1, b)
    while end < len(ctx.text):
        a, b = ctx.doc.stop_span(end)
        if ctx.text[a:b].strip():
            return _has_any(rule.balanced, ctx.text[a:b]) and not ctx.any_between(a, b)
        end = b if b > end else end + 1
    return False


def _word_of(words: tuple[str, ...], g: Fig) -> str:
    """The first of ``words`` in ``g``'s label or clause (the word a message names it by), or ''."""
    return next((w for w in words if w in g.label or w in g.clause), "")


# ---------------------------------------------------------------------------------------------
# ceilings (一般债务限额259.1亿元 … 一般债务余额216.72亿元)
#: How many characters before a limit's word name what it limits (核定一般债务限额 and 年底一般债务余额: 一般债务).
_CEILING_NAME = 4


def _named_like(g: Fig, word: str, ignore: tuple[str, ...]) -> str | None:
    """What ``g``'s name says ``word`` is of, when it holds ``word``: the few characters before it and those
    after, less the ``ignore`` words (核定一般债务限额 -> 一般债务|, 政府债务余额合计 -> 政府债务|)."""
    name = g.label or g.clause.strip(_TRIM)
    k = name.rfind(word)
    if k < 0:
        return None
    after = name[k + len(word):]
    for w in ignore:
        after = after.replace(w, "")
    return f"{name[max(0, k - _CEILING_NAME):k]}|{after}"


def find_ceilings(ctx: Context) -> list[Relation]:
    """A level named like a stated limit (``[[ceiling]]`` in relations.toml) does not exceed it."""
    out = []
    for limit_word, level_word, ignore in ctx.rules.ceilings:
        limits: dict[tuple, list[Fig]] = {}
        levels: dict[tuple, list[Fig]] = {}
        last_cap: Fig | None = None
        last_key: tuple = ()
        for g in ctx.figs:
            if g.kind != "amount" or g.redacted or not ctx.usable(g):
                continue
            for word, into in ((limit_word, limits), (level_word, levels)):
                key = _named_like(g, word, ignore)
                if key == "|" and into is levels and last_cap is not None and last_cap.stmt == g.stmt \
                        and last_cap.family == g.family:
                    # a level named by the word alone right after a limit is that limit's (专项债务限额4,101,320万元，
                    # 余额3,931,014万元)
                    out.append(_rel(ctx, "bound", "bound", last_cap, [g], cue=limit_word, formula="at_most"))
                    limits[last_key].remove(last_cap)
                    last_cap = None
                elif key:
                    into.setdefault((g.article, g.family, key), []).append(g)
                    if into is limits:
                        last_cap, last_key = g, (g.article, g.family, key)
        for key, caps in limits.items():
            found = levels.get(key, [])
            # as many limits as levels: in order; else only a limit and a level of one statement (全市债务余额 and the
            # 限额/余额 of 市级 and 县（区） after it name theirs alike)
            pairs = zip(caps, found) if len(caps) == len(found) else [(c, v) for c in caps for v in found if v.stmt == c.stmt]
            for cap, level in pairs:
                out.append(_rel(ctx, "bound", "bound", cap, [level], cue=limit_word, formula="at_most"))
    return out


#: Finder name -> function(Context) -> relations, in the order they run (each percentage is read once).
FINDERS: dict[str, Callable[[Context], list[Relation]]] = {
    "templates": find_templates,
    "named_change": find_named_changes,
    "named_rate": find_named_rates,
    "rate": find_rates,
    "formula_rate": find_formula_rates,
    "word_rate": find_word_rates,
    "rate_gap": find_rate_gaps,
    "contribution": find_contributions,
    "contribution_set": find_contribution_sets,
    "statement_parts": find_statement_parts,
    "sentence_partition": find_sentence_partitions,
    "completion": find_completion,
    "respective_share": find_respective_shares,
    "bracket_share": find_bracket_shares,
    "part_share": find_part_shares,
    "multiple": find_multiples,
    "paired_share": lambda ctx: find_paired_shares(ctx, _share_match, _named_whole, _part_before),
    "respective_parts": lambda ctx: find_respective_parts(ctx, _respective_names),
    "respective_series": find_respective_series,
    "shares_named_after": lambda ctx: find_shares_named_after(ctx, _named_whole),
    "respective_values": lambda ctx: find_respective_values(ctx, _share_match, _named_whole),
    "structure_ratio": find_structure_ratios,
    "breakdown_ratio": find_breakdown_ratios,
    "quotient": find_quotients,
    "share": find_shares,
    "breakdown": find_breakdowns,
    "second_partition": find_second_partitions,
    "trailing_whole": find_trailing_wholes,
    "named_parts": lambda ctx: find_named_parts(ctx, _partition, _disjoint),
    "share_total": find_share_totals,
    "per_head": find_per_head,
    "allocation": find_allocations,
    "sum": find_sums,
    "balance": find_balances,
    "named_difference": find_named_differences,
    "balanced": find_balanced,
    "equal_totals": find_equal_totals,
    "ceiling": find_ceilings,
    "restated_bound": find_restated_bounds,
    "state_subset": find_state_subsets,
    "named_bound": find_named_bounds,
    "partition_mean": lambda ctx: find_partition_means(ctx, lambda g: _indicator_name(ctx, g)),
    "target_claim": find_claims,
    "enumeration": find_enumerations,
    "tally": find_tallies,
    "word_count": find_word_counts,
    "explained_slogan": find_explained_slogans,
    "heading_count": find_heading_counts,
    "top_list": find_top_lists,
    "repeat": find_repeats,
    "table": find_table_relations,
    "prior_level": find_prior_levels,
    "named_levels": find_changes_of_named_levels,
    "carry_over": find_carry_overs,
    # (last: the generic reading, left out where a finder above read the same figures)
    "leading_total": find_leading_totals,
}
