"""Reports: JSON contract (design §2.2) and a terminal summary."""

from auditor.report.json_report import render_json, to_json_dict
from auditor.report.text_report import render_text

__all__ = ["render_json", "render_text", "to_json_dict"]
