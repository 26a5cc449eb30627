"""String columns of the frames are built at their exact size (frame._arrow_strings): the values come back
exactly as given — missing values, one string shared by many rows (a sentence and its figures), characters
outside the BMP, the U+FFFD a scrubbed surrogate leaves, empty strings."""
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
