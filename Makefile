# `make run` and `make test` set everything up on first use: a virtual environment in .venv
# with the project and its test tools installed. The stamp is redone when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench sandbox screenshots package package-test translations \
	translations-update clean

# The interface's translations: the .ts files in resources/translations are the source (edit
# them with pyside6-linguist), the .qm files the app loads are made from them here.
TRANSLATIONS := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Kokoon Desktop needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# The app's bytecode, written now: starts then skip compiling it (about 70 ms), also where
	# PYTHONDONTWRITEBYTECODE keeps Python from writing it itself.
	$(BIN)/python -m compileall -q kokoon_desktop
	touch $(STAMP)

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(TRANSLATIONS)

# New or changed strings of the interface into the .ts files (then translate them): the window's
# and what the layers below say through kokoon_desktop.i18n; the simulator and the command line
# stay English.
translations-update: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $$(find kokoon_desktop -name '*.py' \
		-not -path 'kokoon_desktop/sandbox/*' -not -path 'kokoon_desktop/cli/*') \
		$(foreach qm,$(TRANSLATIONS),-ts $(qm:.qm=.ts))

run: $(STAMP) $(TRANSLATIONS)
	$(BIN)/kokoon-desktop $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint $(TRANSLATIONS)
	$(BIN)/pytest $(PYTEST_ARGS)

# The benchmarks also need the `bench` extra (a static ffmpeg for the reference runs).
BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench $(ARGS)

# Installers (Linux here; Windows and macOS on their own runners, see packaging/README.md):
# the frozen folder, its tarball and a .deb in dist/. PACKAGE_ARGS=--fast compresses quickly.
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP) $(TRANSLATIONS)
	$(BIN)/python packaging/build_linux.py $(PACKAGE_ARGS)

# Unpacks what `make package` built and runs it with a bare environment.
package-test: $(PACKAGE_STAMP)
	$(BIN)/python packaging/package_test.py

screenshots: $(STAMP)
	$(BIN)/python -m tools.screenshots

sandbox: $(STAMP)
	$(BIN)/python -m kokoon_desktop.sandbox --port 8765

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis build dist
