"""Plants for the file_checks rules (auditor/rules/file_checks.py): each defect and its lawful look-alike."""

from __future__ import annotations
