"""Every ``examples`` / ``counter_examples`` entry in the package's rule files, run as a test.

A rule entry may carry its own examples: inside its table (``[units."吨"]`` … ``examples = [...]``,
``[[headings]]`` … ``examples = [...]``) or in the file's top-level ``[examples.<entry>]`` table for
entries that are plain lists (``fixed_phrases``, ``up_words``). What an example asserts depends on the
file:

* figure rules (units, filters, labels): ``{text, surface, field = value …}`` — ``extract(text=text)``
  has a figure with that surface and those field values; a counter-example's surface is no figure;
* ``structure.toml`` headings: a line the heading pattern matches at its level (counter: it does not);
* ``problems.toml``: a heading ``is_problem_heading`` accepts (counter: rejects), or ``{text, items}``: the
  items ``extract_problems`` finds (counter: none);
* ``tables.toml``: ``{text, header, rows}`` — the document read from the text holds that one table (counter:
  none);
* ``regions.toml`` / ``periods.toml``: ``{text, region = …}`` / ``{text, period = …}``: what is detected;
* ``relations.toml`` templates: ``{text, stated, status}`` — the audit checks a relation whose stated
  figure is ``stated`` and finds it ``status``; a counter-example's figure is read as no relation.
"""
from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd
import pytest

import summary_mining as sm
from summary_mining.places.periods import detect_period
from summary_mining.places.regions import detect_region
from summary_mining.problems import is_problem_heading
from summary_mining.structure import heading_at_line, structure_rules

DATA = Path(sm.__file__).parent / "data"
FIGURE_FIELDS = ("kind", "value", "low", "high", "unit", "label", "indicator", "qualifier", "direction", "role")


def _walk(node: Any, path: str) -> Iterator[tuple[str, dict]]:
    """Every table that carries examples, with its dotted path (``units.吨``, ``headings[2]``)."""
    if isinstance(node, dict):
        if isinstance(node.get("examples", []), list) and ("examples" in node or "counter_examples" in node):
            yield path, node
        for k, v in node.items():
            if k not in ("examples", "counter_examples") or isinstance(v, dict):
                yield from _walk(v, f"{path}.{k}" if path else str(k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk(v, f"{path}[{i}]")


def _cases() -> list[tuple[str, str, Any, bool]]:
    out = []
    for f in sorted(DATA.glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        for path, table in _walk(data, ""):
            entry = path[len("examples."):] if path.startswith("examples.") else path
            for ex in table.get("examples", []):
                out.append((f.name, entry, ex, True))
            for ex in table.get("counter_examples", []):
                out.append((f.name, entry, ex, False))
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, float) and isinstance(a, float):
        return math.isclose(a, b, rel_tol=1e-9) or (math.isnan(a) and math.isnan(b))
    if a is pd.NA or a is None:
        return b in ("", None)
    return a == b


def _figure_example(file: str, entry: str, ex: dict, positive: bool) -> None:
    df = sm.extract(text=ex["text"])
    rows = df[df["surface"] == ex["surface"]]
    if not positive:
        assert rows.empty, f"{file} {entry}: {ex['surface']!r} should be no figure in {ex['text']!r}"
        return
    assert len(rows) == 1, f"{file} {entry}: {ex['surface']!r} not found in {df['surface'].tolist()}"
    row = rows.iloc[0]
    assert ex["text"][row["start"]:row["end"]] == ex["surface"]
    for field in FIGURE_FIELDS:
        if field in ex:
            assert _same(row[field], ex[field]), f"{file} {entry}: {field} {row[field]!r} != {ex[field]!r}"


def _heading_example(file: str, entry: str, ex: str, positive: bool) -> None:
    index = int(entry[entry.index("[") + 1:entry.index("]")])
    level = structure_rules().headings[index][0]
    hit = heading_at_line(ex)
    assert (hit is not None and hit[0] == level) is positive, f"{entry}: {ex!r} -> {hit}"


def _problem_example(file: str, entry: str, ex: str | dict, positive: bool) -> None:
    """A heading (str): ``is_problem_heading`` accepts it (counter: rejects). A passage ({text, items}):
    ``extract_problems`` gives exactly those items, with offsets into the text (counter: no item)."""
    if isinstance(ex, str):
        assert is_problem_heading(ex) is positive, f"{entry}: {ex!r}"
        return
    df = sm.extract_problems(text=ex["text"])
    assert all(ex["text"][s:e] == t for s, e, t in zip(df["start"], df["end"], df["text"]))
    got = df["text"].tolist()
    assert got == (ex["items"] if positive else []), f"{entry}: {got}"


def _region_example(file: str, entry: str, ex: dict, positive: bool) -> None:
    got = detect_region(ex["text"]).name
    assert (got == ex["region"]) is positive, f"{entry}: {ex['text']!r} -> {got!r}"


def _period_example(file: str, entry: str, ex: dict, positive: bool) -> None:
    got = detect_period(ex["text"]).label
    assert (got == ex["period"]) is positive, f"{entry}: {ex['text']!r} -> {got!r}"


def _relation_example(file: str, entry: str, ex: dict, positive: bool) -> None:
    df = sm.audit(text=ex["text"])
    rows = [r for r in df.itertuples() if r.evidence and r.evidence[0][2] == ex["stated"]]
    if "parts" in ex:  # the row of that whole with these parts (a whole broken down twice)
        rows = [r for r in rows if [e[2] for e in r.evidence[1:]] == ex["parts"]]
    if not positive:
        assert not rows, f"{entry}: {ex['stated']!r} should be no relation: {[r.message for r in rows]}"
        return
    assert len(rows) == 1, f"{entry}: no relation stated by {ex['stated']!r} in {df['message'].tolist()}"
    assert rows[0].status == ex["status"], rows[0].message


def _table_example(file: str, entry: str, ex: dict, positive: bool) -> None:
    """``{text, header, rows}``: the text read as a document holds one table with that header and that many
    rows, its cells spans of the text (counter: no table)."""
    doc = sm.read_document(text=ex["text"])
    if not positive:
        assert not doc.tables, f"{entry}: {ex['text']!r} should hold no table: {[t.columns.tolist() for t in doc.tables]}"
        return
    assert len(doc.tables) == 1, f"{entry}: {len(doc.tables)} tables in {ex['text']!r}"
    table = doc.tables[0]
    assert [str(c) for c in table.columns] == ex["header"] and len(table) == ex["rows"], table


CHECKERS: dict[str, Callable[[str, str, Any, bool], None]] = {
    "tables.toml": _table_example,
    "relations.toml": _relation_example,
    "units.toml": _figure_example,
    "filters.toml": _figure_example,
    "labels.toml": _figure_example,
    "structure.toml": _heading_example,
    "problems.toml": _problem_example,
    "regions.toml": _region_example,
    "periods.toml": _period_example,
}
CASES = _cases()


@pytest.mark.parametrize("file, entry, example, positive", CASES,
                         ids=[f"{f}:{e}:{'+' if p else '-'}{i}" for i, (f, e, _, p) in enumerate(CASES)])
def test_rule_example(file, entry, example, positive):
    checker = CHECKERS.get(file)
    assert checker is not None, f"{file} carries examples but no checker knows what they mean: add one to CHECKERS"
    checker(file, entry, example, positive)


def test_every_rule_file_with_examples_is_covered():
    files = {f for f, *_ in CASES}
    assert {"units.toml", "filters.toml", "labels.toml", "structure.toml", "problems.toml", "regions.toml",
            "periods.toml", "relations.toml"} <= files
    assert len(CASES) >= 60
