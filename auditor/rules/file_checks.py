"""Whole-file checks: rights notices (DF14), cross-document consistency (DF17), required documents (§2).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
"""

from __future__ import annotations
