"""Training material from confirmed findings (layer above the pipeline): items, redacted, as JSONL or a DOCX handout."""
