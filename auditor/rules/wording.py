"""Wording checks on 取保候审 / 监视居住 decisions (legal-rules §3.1–3.3).

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
"""

from __future__ import annotations
