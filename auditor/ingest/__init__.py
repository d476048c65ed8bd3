"""Ingest stage: files (PDF, DOCX, TXT/MD, images, folders, ZIPs) -> one Dossier of pages."""

from __future__ import annotations

from typing import Any

__all__ = ["load_dossier"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: a batch's parent process needs only ingest.naming, not the PDF and image readers.
    if name == "load_dossier":
        from auditor.ingest.loader import load_dossier

        return load_dossier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
