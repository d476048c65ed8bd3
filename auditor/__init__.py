"""案卷智审 — audits Chinese criminal and public-security case dossiers."""

__version__ = "0.1.0"
