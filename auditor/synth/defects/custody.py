"""Plants for the custody rules (auditor/rules/custody.py): each defect and its lawful look-alike."""

from __future__ import annotations
