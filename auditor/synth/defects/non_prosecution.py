"""Plants for the non_prosecution rules (auditor/rules/non_prosecution.py): each defect and its lawful look-alike."""

from __future__ import annotations
