"""Tables written by the writer, read back with their dtypes."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from .cells import HEADERS_ZH, unneutralise
from .checks import OutputError, check_output

__all__ = ["read_table", "read_metrics"]


def read_table(path: str | Path, dtypes: Mapping[str, str]) -> pd.DataFrame:
    """A CSV or Parquet table written by this module, with ``dtypes`` applied to the columns it has
    (Chinese headers are mapped back; CSV text is un-quoted, see :func:`unneutralise`)."""
    path = Path(path)
    if not path.exists():
        from ..errors import DocumentNotFoundError
        raise DocumentNotFoundError(path, "no such file")
    suffix = path.suffix.lower()
    back = {zh: en for en, zh in HEADERS_ZH.items() if en in dtypes}
    if suffix == ".parquet":
        check_output(path)
        df = pd.read_parquet(path)
        df = df.rename(columns={c: back[c] for c in df.columns if c in back and c not in dtypes})
    elif suffix == ".csv":
        df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False, na_values=[""])
        df = df.rename(columns={c: back[c] for c in df.columns if c in back and c not in dtypes})
        for c in df.columns:
            if dtypes.get(c, "string") == "string":
                df[c] = df[c].map(lambda v: unneutralise(v) if isinstance(v, str) else v)
    else:
        raise OutputError(f"{path}: cannot read {suffix!r} tables; use .csv or .parquet")
    out = {}
    for c in df.columns:
        t = dtypes.get(c)
        s = df[c]
        if t is None or t == "object":
            out[c] = s
        elif t == "bool":
            out[c] = s.map(lambda v: v if isinstance(v, bool) else str(v).strip().lower() in ("true", "1")).astype(bool)
        elif t in ("Int64", "int64", "float64"):
            num = pd.to_numeric(s)
            out[c] = num.astype("Int64").astype(t) if t != "float64" else num.astype("float64")
        else:
            out[c] = s.astype(t)
    return pd.DataFrame(out, index=range(len(df)))


def read_metrics(path: str | Path) -> pd.DataFrame:
    """A metrics table written as CSV or Parquet (``extract -o m.csv``, ``sm.to_csv``) read back with
    the documented dtypes (``region_code`` and ``period`` stay text: ``510623``, ``2023``).

    例: ``df = sm.read_metrics("out/metrics.csv")``
    """
    from ..frame import DTYPES

    df = read_table(path, DTYPES)
    cols = [c for c in DTYPES if c in df.columns] + [c for c in df.columns if c not in DTYPES]
    return df[cols]
