"""Nothing leaves the machine: OCR (onnxruntime, rapidocr) run with networking cut makes no network attempt —
no connect, no send to an internet address, no DNS lookup — and writes nothing under the home directory.

The C++ side of onnxruntime (its telemetry) does not go through Python's socket module, so the check is made
on system calls (strace) in a fresh process; a Python audit hook covers the same run where strace is absent.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, requires_font
from PIL import Image, ImageDraw, ImageFont

from auditor.synth.scan import FONT_PATH

requires_ocr = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr") is None or importlib.util.find_spec("onnxruntime") is None,
    reason="OCR package rapidocr + onnxruntime is not installed",
)

# Run the CLI on a page image, with a Python audit hook that records every network-ish socket event.
_HOOKED = """
import sys
seen = []
def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                 "socket.sendto", "socket.sendmsg"):
        seen.append(event)
sys.addaudithook(hook)
from auditor.cli import main
code = main(["audit", "--format", "json", sys.argv[1], "--out", sys.argv[2]])
print("NETWORK-EVENTS", ",".join(seen))
sys.exit(code)
"""
# A syscall that reaches for an internet address (AF_INET / AF_INET6): connect, sendto / sendmsg (DNS is UDP).
_INET_CALL = re.compile(r"\b(connect|sendto|sendmsg)\(.*AF_INET6?\b|htons\(53\)")


def _page(tmp_path: Path) -> Path:
    image = Image.new("RGB", (700, 300), "white")
    ImageDraw.Draw(image).text((30, 100), "人民检察院", font=ImageFont.truetype(str(FONT_PATH), 48), fill="black")
    path = tmp_path / "scan.png"
    image.save(path)
    return path


def _run(tmp_path: Path, prefix: list[str]) -> tuple[subprocess.CompletedProcess[str], Path]:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORT_", "XDG_"))}
    env |= {"HOME": str(home), "PYTHONPATH": str(ROOT)}
    out = tmp_path / "report.json"
    result = subprocess.run([*prefix, sys.executable, "-c", _HOOKED, str(_page(tmp_path)), str(out)],
                            env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "人民检察院" in out.read_text(encoding="utf-8")  # OCR did run and read the page
    assert "NETWORK-EVENTS \n" in result.stdout or result.stdout.rstrip().endswith("NETWORK-EVENTS")
    return result, home


def _written(home: Path) -> list[Path]:
    return [p.relative_to(home) for p in home.rglob("*")]


@requires_ocr
@requires_font
@pytest.mark.skipif(not (shutil.which("strace") and shutil.which("unshare") and os.geteuid() == 0),
                    reason="needs strace and unshare (as root) to cut the network and watch system calls")
def test_ocr_makes_no_network_attempt_with_network_cut(tmp_path: Path) -> None:
    log = tmp_path / "strace.log"
    _, home = _run(tmp_path, ["unshare", "-n", "strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o",
                              str(log)])
    calls = [line for line in log.read_text().splitlines() if _INET_CALL.search(line)]
    assert calls == []
    assert _written(home) == []  # nothing written under the home directory


@requires_ocr
@requires_font
def test_ocr_makes_no_python_network_call(tmp_path: Path) -> None:
    _, home = _run(tmp_path, [])
    assert _written(home) == []
