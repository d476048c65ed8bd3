"""Write the brief for a helper session that writes a held-out dossier corpus (docs/accuracy.md, issue 11).

    .venv/bin/python docs/corpus-brief/make_brief.py /work/brief

copies corpus_common.md and truth_format.md and generates rules.md (the rule ids, what each flags, its legal basis and
the document type its finding is attached to, read off the corpora's truth files) and doc_types.txt. The helper reads
only that directory, the rule base and the statute texts — never the code.
"""

from __future__ import annotations

import collections
import json
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _basis(b: dict) -> str:
    where = f"第{b['article']}条" + (f"第{b['paragraph']}款" if b.get("paragraph") else "")
    where += f"第{b['item']}项" if b.get("item") else ""
    return f"{b['law']} ({b.get('version', '')}) {where}"


def rules_md() -> str:
    attached: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for truth in ROOT.glob("tests/corpus/independent*/*.truth.json"):
        for f in json.loads(truth.read_text(encoding="utf-8")).get("expected_findings", []):
            attached[f["rule_id"]][f.get("document_type")] += 1
    lines = ["# Rule list (the rule ids to plant and to avoid)", "",
             "Each rule: id — what it flags — category — severity — legal basis — the document type its finding is "
             "attached to (use it as `document_type` in `expected_findings` / `planted`; where several are listed, the "
             "first is the usual one).", ""]
    for path in sorted((ROOT / "lexicons/rules").glob("*.yaml")):
        r = yaml.safe_load(path.read_text(encoding="utf-8"))
        basis = "; ".join(_basis(b) for b in r.get("legal_basis", []))
        where = ", ".join(str(k) for k, _ in attached[r["id"]].most_common(4)) or "(see the name)"
        lines.append(f"- **{r['id']}** — {r['name']} — {r['category']} — {r['severity']} — {basis} — attached to: {where}")
    return "\n".join(lines) + "\n"


def doc_types_txt() -> str:
    types = yaml.safe_load((ROOT / "lexicons/doc_types.yaml").read_text(encoding="utf-8"))["types"]
    return "".join(t["type"] + (f"  (also titled: {'、'.join(t['aliases'])})" if t.get("aliases") else "") + "\n"
                   for t in types)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("corpus_common.md", "truth_format.md"):
        shutil.copy(HERE / name, out / name)
    (out / "rules.md").write_text(rules_md(), encoding="utf-8")
    (out / "doc_types.txt").write_text(doc_types_txt(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
