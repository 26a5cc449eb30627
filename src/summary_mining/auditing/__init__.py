"""The audit: re-compute the arithmetic a document asserts between its figures (``summary_mining.audit``)."""
from .checks import AUDIT_COLUMNS, AUDIT_DTYPES, CHECKS, audit, audit_rules, empty_audit

__all__ = ["audit", "AUDIT_COLUMNS", "AUDIT_DTYPES", "CHECKS", "audit_rules", "empty_audit"]
