"""The audit: each relation the text asserts between its figures, checked arithmetically
(:mod:`.evaluate`), one row per relation (:data:`AUDIT_COLUMNS`). ``summary_mining.audit`` is in
:mod:`.api`."""
from .evaluate import CONSISTENT, INCONSISTENT, UNVERIFIABLE, evaluate
from .frame import AUDIT_COLUMNS, AUDIT_DTYPES, CHECKS, audit_frame, empty_audit

__all__ = ["evaluate", "audit_frame", "empty_audit", "AUDIT_COLUMNS", "AUDIT_DTYPES", "CHECKS",
           "CONSISTENT", "INCONSISTENT", "UNVERIFIABLE"]
