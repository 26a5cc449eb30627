"""String columns of the frames are built at their exact size (frame._arrow_strings): the values come back
exactly as given — missing values, one string shared by many rows (a sentence and its figures), characters
outside the BMP, the U+FFFD a scrubbed surrogate leaves, empty strings; and the ``sentence`` column holds a
long statement as windows, from which ``audit(metrics_frame)`` still reads the statement."""
from __future__ import annotations

import pandas as pd
import pytest

from summary_mining.frame import DTYPES, to_frame

SENTENCE = "全县签约项目10个，投资总额24亿元；履约项目9个，履约率90%。"


@pytest.mark.parametrize("values", [
    [SENTENCE, SENTENCE, SENTENCE],  # one object shared by every row
    [SENTENCE, None, "", pd.NA, "增长8.9%"],
    ["𠀀𪚥 CJK Ext-B", "emoji 📈", "scrubbed \ufffd surrogate"],
    [None, None],
])
def test_string_column_round_trips(values):
    rows = [dict.fromkeys(DTYPES, None) | {"start": 0, "end": 1, "value": 1.0, "sentence": v} for v in values]
    got = to_frame(rows)["sentence"].tolist()
    assert [None if g is pd.NA else g for g in got] == [None if v is pd.NA else v for v in values]
    assert str(to_frame(rows)["sentence"].dtype) == "string"


LONG = "一、情况\n" + "，".join(f"项目{i}投资{i + 1}亿元" for i in range(60)) + "，合计投资{total}亿元。\n"


def test_a_long_statement_gives_each_figure_its_window():
    import summary_mining as sm
    from summary_mining.figures.rows import SENTENCE_WINDOW

    doc = sm.read_document(text=LONG.format(total=1830))
    df = sm.extract(doc)
    statement = doc.sentences[int(df["sentence_id"].iloc[0])]
    assert statement.end - statement.start > 2 * SENTENCE_WINDOW
    assert set(df["sentence_id"]) == {statement.index}
    for start, end, sentence in zip(df["start"], df["end"], df["sentence"]):
        assert len(sentence) <= SENTENCE_WINDOW
        at = doc.text.find(sentence, statement.start)  # a piece of the statement holding the figure
        assert statement.start <= at and at + len(sentence) <= statement.end
        assert at <= start and end <= at + len(sentence)
    short = sm.extract(text="签约项目10个，投资总额24亿元。")
    assert short["sentence"].tolist() == ["签约项目10个，投资总额24亿元。"] * 2


@pytest.mark.parametrize("total, status", [(1830, "consistent"), (1890, "inconsistent")])
def test_audit_of_a_frame_reads_a_long_statement_from_its_windows(total, status):
    import summary_mining as sm

    doc = sm.read_document(text=LONG.format(total=total))
    by_doc, by_frame = sm.audit(doc), sm.audit(sm.extract(doc))
    assert by_frame[["check", "status", "stated", "computed"]].values.tolist() == \
        by_doc[["check", "status", "stated", "computed"]].values.tolist() == [["sum", status, float(total), 1830.0]]
