"""Ingest stage: files (PDF, DOCX, TXT/MD, images, folders, ZIPs) -> one Dossier of pages."""

from auditor.ingest.loader import load_dossier

__all__ = ["load_dossier"]
