# The front door: `make demo` and `make test` do all the set-up they need.
VENV   := .venv
PY     := $(VENV)/bin/python
TS     := $(wildcard resources/i18n/*.ts)
QM     := $(TS:.ts=.qm)
LRELEASE := $(shell command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)
export QT_QPA_PLATFORM := offscreen

.PHONY: setup demo test lint package i18n bench clean

setup:
	@bash scripts/setup.sh

i18n: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts
	@$(LRELEASE) -silent $< -qm $@

test: setup i18n
	$(VENV)/bin/pytest

demo: setup i18n
	$(PY) scripts/demo.py

lint: setup
	$(VENV)/bin/ruff check .

package: setup i18n
	$(PY) scripts/package.py

bench: setup i18n
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf build dist demo $(QM)
