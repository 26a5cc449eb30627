"""The subject of each figure: whose figure it is — the article's own region, or one of its divisions
that a clause of its statement opens with (``[subjects]`` in ``data/regions.toml``).

>>> from summary_mining import extract
>>> df = extract(text="达州市2024年国民经济统计公报\\n全市实现地区生产总值2501亿元。大竹县实现地区生产总值312亿元，增长5.1%；全市增长5.8%。")
>>> df[["surface", "region", "subject", "subject_level"]].values.tolist()
[['2501亿元', '达州市', '达州市', 'city'], ['312亿元', '达州市', '大竹县', 'county'], ['5.1%', '达州市', '大竹县', 'county'], ['5.8%', '达州市', '达州市', 'city']]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Mapping

import regex

from ..datafiles import compile_pattern, rules_from, rx_match
from ..model import Document
from ..numerals import CN_DIGITS, CN_SMALL_UNITS
from ..structure import structure_rules
from .regions import Gazetteer, RegionRules, gazetteer, region_rules

__all__ = ["SUBJECT_COLUMNS", "SubjectRules", "subject_rules", "figure_subjects"]

#: Metrics-frame columns filled here.
SUBJECT_COLUMNS = {"subject": "string", "subject_code": "string", "subject_level": "string"}
_BREAKS = structure_rules().clause_breaks  # one set of break characters: structure.toml
_SPACES = " \t\u3000"
_COUNTRY_CODE, _COUNTRY_LEVEL = "000000", "country"
#: What a count in Chinese numerals opens with (两个副中心城市): the numerals of numerals.py
_COUNT_FIRSTS = frozenset(CN_DIGITS) | frozenset(CN_SMALL_UNITS)

Subject = tuple[str | None, str | None, str | None]  # (name, code, level)


@dataclass(frozen=True)
class SubjectRules:
    openers: tuple[str, ...]
    country: tuple[str, ...]
    entities: dict[str, str] = field(default_factory=dict)  # name ending -> level (有限公司 -> enterprise)
    entity: regex.Pattern[str] | None = None  # a place name's continuation up to one of the endings
    entity_generic: tuple[str, ...] = ()  # words naming a category, not an entity (重点项目, 签约项目)
    group: regex.Pattern[str] | None = None  # a count of the region's parts opening a clause (15个主平台)
    group_level: str = "group"

    @cached_property
    def opener_firsts(self) -> frozenset[str]:
        """The first characters of the openers (most clauses open with none of them)."""
        return frozenset(w[0] for w in self.openers if w)


@lru_cache(maxsize=4)
def subject_rules(path: str = "regions.toml") -> SubjectRules:
    """``[subjects]`` of ``data/regions.toml`` (cached)."""
    def build(d: dict, src: str) -> SubjectRules:
        s = d.get("subjects", {})
        by_len = lambda ws: tuple(sorted(map(str, ws), key=len, reverse=True))
        entities = {str(k): str(v) for k, v in dict(s.get("entities", {})).items()}
        ends = "|".join(regex.escape(k) for k in by_len(entities))
        entity = compile_pattern(f"{s.get('entity_name', '[^，,。；;：:、]')}{{0,{int(s.get('entity_max_chars', 20))}}}?(?:{ends})",
                                 src, "subjects.entities") if entities else None
        group = compile_pattern(str(s["group"]), src, "subjects.group") if s.get("group") else None
        return SubjectRules(by_len(s.get("openers", ())), by_len(s.get("country", ())), entities, entity,
                            tuple(map(str, s.get("entity_generic", ()))), group, str(s.get("group_level", "group")))
    return rules_from(path, build)


def _subject_start(text: str, c: int, subj: SubjectRules) -> int:
    """Where the subject of the clause opening at ``c`` would stand: past spaces and an opener (其中，)."""
    while c < len(text) and text[c] in _SPACES:
        c += 1
    if c < len(text) and text[c] in subj.opener_firsts:
        for w in subj.openers:
            if text.startswith(w, c):
                c += len(w)
                while c < len(text) and (text[c] in _BREAKS or text[c] in _SPACES):
                    c += 1
                break
    return c


def _named_subject(text: str, c: int, own_code: str | None, subj: SubjectRules, gaz: Gazetteer) -> Subject | bool | None:
    """The division of the own region or the country named at ``c`` (a Subject), the own region's name
    (True), or nothing (None)."""
    for w in subj.country:
        if text.startswith(w, c):
            return (w, _COUNTRY_CODE, _COUNTRY_LEVEL)
    if subj.group is not None and (text[c:c + 1].isdigit() or text[c:c + 1] in _COUNT_FIRSTS) \
            and (m := rx_match(subj.group, text, c)) is not None:
        return (m.group(), None, subj.group_level)  # 15个主平台…: a group of the region's parts
    hit = gaz.longest_at(text, c)
    if hit is None:
        return None
    if subj.entity is not None:  # a named enterprise, project or zone: 揭阳中石油炼化一体化项目…
        m = rx_match(subj.entity, text, hit.end)
        if m is not None and m.end() > hit.end and not text[m.end():m.end() + 1].isdigit() \
                and not any(w in text[c:m.end()] for w in subj.entity_generic):
            name = text[c:m.end()]  # (大竹县签约项目10个 counts projects; 大竹县重点项目 is a category)
            return (name, None, subj.entities[next(k for k in subj.entities if name.endswith(k))])
    full = [r for r, is_full in hit.candidates if is_full]
    if any(r.code == own_code for r in full):
        return True
    inside = [r for r in full if own_code and own_code in r.ancestors()]
    if len(inside) != 1:
        return None  # a short form, another region's name, or one two divisions share: not read
    r = inside[0]
    return (r.name, r.code, r.level)


def _statement_subjects(doc: Document, text: str, s0: int, s1: int, own_code: str | None, rules: RegionRules,
                        subj: SubjectRules, gaz: Gazetteer) -> list[tuple[int, Subject | bool]]:
    """(clause opening, what it says of the subject) for the clauses of the statement ``[s0, s1)`` that say
    something: a division or the country named, or the own region again (a self-reference, 全市…, or its
    name). Empty when no clause names another subject (most statements: no self-reference is looked at)."""
    starts = [(c, _subject_start(text, c, subj)) for c in [s0] + doc.clause_cuts_between(s0, s1)]
    named = {c: said for c, k in starts if (said := _named_subject(text, k, own_code, subj, gaz)) is not None}
    if not any(said is not True for said in named.values()):
        return []
    out: list[tuple[int, Subject | bool]] = []
    for c, k in starts:
        if c in named:
            out.append((c, named[c]))
        elif rx_match(rules.self_reference, text, k) is not None:
            out.append((c, True))
    return out


def figure_subjects(doc: Document, figures: list, articles: Mapping[int, Mapping[str, Any]]) -> list[Subject]:
    """One (subject, subject_code, subject_level) per figure, in order: the figure's article region
    (``articles``: the rows of :func:`~summary_mining.places.regions.article_rows` by article index)
    unless a clause opening of its statement before it names one of its divisions (or a ``country`` word),
    an entity of one (揭阳中石油炼化一体化项目) or a group of its parts (15个主平台)."""
    rules, subj = region_rules(), subject_rules()
    gaz = gazetteer(rules.gazetteer)
    text = doc.normalized_text
    out: list[Subject] = []
    events: dict[int, list[tuple[int, Subject | bool]]] = {}  # statement start -> its clause subjects
    for f in figures:
        art = articles.get(doc.article_index(f.start)) or {}
        own: Subject = (art.get("region"), art.get("region_code"), art.get("region_level"))
        sent = doc.sentence_at(f.start)
        s0, s1 = (sent.start, sent.end) if sent is not None else (doc.clause_start(f.start), f.start)
        found = events.get(s0)
        if found is None:  # the document's clause openings (structure.toml)
            found = events[s0] = _statement_subjects(doc, text, s0, s1, own[1], rules, subj, gaz)
        said = next((s for c, s in reversed(found) if c <= f.start), True)
        out.append(own if said is True else said)  # type: ignore[arg-type]
    return out
