"""Plants for the wording rules (auditor/rules/wording.py): each defect and its lawful look-alike."""

from __future__ import annotations
