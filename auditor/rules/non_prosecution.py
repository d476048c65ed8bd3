"""不起诉决定书 checks (legal-rules §4): type, article, notices, delivery.

Checks register themselves with `auditor.rules.checks.check`; rule YAML names them (`kind: python`).
"""

from __future__ import annotations
