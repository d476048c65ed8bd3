"""Custody-chain and procuratorate-stage deadline checks (legal-rules §1.3–1.8).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
"""

from __future__ import annotations
