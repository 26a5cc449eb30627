"""The audit frame: its columns, their dtypes, and the rows of checked relations.

>>> list(empty_audit().columns) == list(AUDIT_COLUMNS)
True
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ..frame import empty_frame, to_frame

__all__ = ["AUDIT_DTYPES", "AUDIT_COLUMNS", "CHECKS", "audit_frame", "empty_audit"]

#: Column -> dtype of the audit frame (a stable contract, in this order). ``evidence`` is a list of
#: ``(start, end, text)`` tuples: the stated figure first, then the figures and names it was checked with.
AUDIT_DTYPES: dict[str, str] = {
    "doc_id": "string",
    "article": "Int64",
    "check": "string",
    "status": "string",
    "stated": "float64",
    "computed": "float64",
    "difference": "float64",
    "tolerance": "float64",
    "message": "string",
    "evidence": "object",
}
AUDIT_COLUMNS = tuple(AUDIT_DTYPES)

#: The audit's names of the relations it checks (``audit(checks=[...])`` keeps some of them).
CHECKS = ("rate", "completion", "share", "breakdown", "share_total", "sum", "target_claim", "enumeration", "repeat",
          "growth", "difference", "bound")


def empty_audit() -> pd.DataFrame:
    """An audit frame with no rows and the full schema."""
    return empty_frame(AUDIT_DTYPES)


def audit_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts keyed by :data:`AUDIT_COLUMNS`) in document order -> the audit frame."""
    return to_frame(rows, AUDIT_DTYPES)
