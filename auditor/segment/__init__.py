"""Segmentation: dossier text → documents with type, 文号, organ and signature date."""

from auditor.segment.segmenter import UNKNOWN, segment

__all__ = ["UNKNOWN", "segment"]
