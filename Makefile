# 案卷智审 — set-up and everyday commands. Everything runs inside .venv.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
FONT    := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

.PHONY: setup app audit test lint bench synth font system strace clean fuzz docs

setup: $(STAMP) font system strace

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[ui,dev]"
	touch $(STAMP)

# A CJK font is needed to write synthetic PDFs. Debian provides it; install when we are root.
font:
	@if [ -f $(FONT) ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || \
		 (apt-get update -qq >/dev/null && apt-get install -y -qq fonts-wqy-microhei >/dev/null)) \
		&& echo "installed fonts-wqy-microhei"; \
	else \
		echo "注意：缺少中文字体 $(FONT)（Debian 包 fonts-wqy-microhei）；生成合成 PDF 的功能和相关测试将跳过。"; \
		echo "      请以 root 运行 'apt-get install fonts-wqy-microhei'。"; \
	fi

# The review store's tests start a throw-away PostgreSQL server (pg_ctl); the browser tests drive Debian's chromium
# (Playwright never downloads a browser). Installed when we are root; otherwise those tests skip and say why.
PG_CTL_GLOB := /usr/lib/postgresql/*/bin/pg_ctl
system:
	@missing=""; \
	ls $(PG_CTL_GLOB) >/dev/null 2>&1 || missing="$$missing postgresql"; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq $$missing >/dev/null 2>&1 || \
		 (apt-get update -qq >/dev/null && apt-get install -y -qq $$missing >/dev/null)) \
		&& echo "installed$$missing"; \
	else \
		echo "注意：缺少 Debian 包$$missing；审查库的 PostgreSQL 测试和浏览器测试将跳过。"; \
		echo "      请以 root 运行 'apt-get install$$missing'。"; \
	fi

# strace watches OCR's system calls for network attempts (tests/test_offline.py; skipped without it).
strace:
	@if command -v strace >/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		(apt-get install -y -qq strace >/dev/null 2>&1 || \
		 (apt-get update -qq >/dev/null && apt-get install -y -qq strace >/dev/null)) && echo "installed strace"; \
	else \
		echo "注意：缺少 strace（Debian 包 strace）；OCR 断网检查测试将跳过。"; \
	fi

# The samples are audited into the review store first (once: a stored result is reused), then the workbench starts.
app: setup
	$(BIN)/auditor audit sample_files/* --db "$${AUDITOR_DB:-default}" --format json --out /dev/null
	$(BIN)/streamlit run app.py

audit: setup
	$(BIN)/auditor audit sample_files/*

test: setup
	$(BIN)/ruff check auditor tests app.py bench
	$(BIN)/lint-imports
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check auditor tests app.py bench
	$(BIN)/lint-imports

# Long fuzzing run (tests/fuzz/run.py): each failing input lands in tests/fuzz/corpus/, a regression case of `make test`.
FUZZ_EXAMPLES ?= 2000
fuzz: setup
	$(BIN)/python tests/fuzz/run.py --examples $(FUZZ_EXAMPLES)

bench: setup
	$(BIN)/python bench/run.py

# Generated documentation: one page per rule (docs/rules/) and the JSON Schema of the report.
docs: setup
	$(BIN)/python -m auditor.rules.docs
	$(BIN)/auditor schema --out docs/schema/report.schema.json

synth: setup
	$(BIN)/auditor synth build/synth --count 12

clean:
	rm -rf $(VENV) build .pytest_cache
