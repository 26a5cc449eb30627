"""The public export names, kept where they have always been: everything is written by
:mod:`summary_mining.writer` (one writer for CSV, Excel and Parquet).

>>> import pandas as pd
>>> chinese_headers(pd.DataFrame(columns=["doc_id", "region", "period", "value"])).columns.tolist()
['文档', '地区', '时期', '数值(基本单位)']
"""
from __future__ import annotations

from .writer import HEADERS_ZH, chinese_headers, read_metrics, to_csv, to_excel, to_parquet, write_table

__all__ = ["HEADERS_ZH", "chinese_headers", "to_excel", "to_csv", "to_parquet", "read_metrics", "write_table"]
