# pii-guard: the two commands a fresh machine needs are `make demo` and `make test`.
# Both set themselves up: a virtualenv in .venv, the package with its dev extras,
# and the Debian packages the tests drive for real (age, ssh-keygen, a Secret
# Service, a headless browser).

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
STAMP       := $(VENV)/.installed
PACKAGES    := pii_guard scanners transport policies
DEBIAN_PACKAGES := age openssh-client gnome-keyring dbus dbus-x11 libsecret-tools chromium iproute2 util-linux
# Tests run with the network cut when the machine allows it (root, or user namespaces):
# a laptop agent must never need the network at run time.
NONET := $(shell unshare -n true 2>/dev/null && command -v ip >/dev/null && echo yes)

.PHONY: setup debian test lint typecheck pytest demo bench clean

# Byte-compiled once here, as `pip install` does for an installed package: an editable
# install under PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start.
# The scanner's regular expressions likewise (see scanners/pattern_programs.py), and its
# detection modules to C (scanners/compiled.py; a minute or two, redone only when one of
# them changed; where it fails the scanner runs from source and a test says so).
setup: $(STAMP)
	@$(BIN)/python -m compileall -q $(PACKAGES) >/dev/null
	-@$(BIN)/python -m scanners.compile
	@$(BIN)/python -m scanners.pattern_programs >/dev/null

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

debian:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

lint: setup
	$(BIN)/ruff check $(PACKAGES) tests bench
	$(BIN)/ruff format --check --quiet $(PACKAGES) tests bench

typecheck: setup
	$(BIN)/mypy --strict $(PACKAGES) bench

pytest: setup debian
ifeq ($(NONET),yes)
	unshare -n sh -c 'ip link set lo up && exec $(BIN)/python -m pytest $(PYTEST_ARGS)'
else
	@echo "note: cannot cut the network here (no unshare -n); running tests with it"
	$(BIN)/python -m pytest $(PYTEST_ARGS)
endif

test: lint typecheck pytest

demo: setup debian
	PATH="$(CURDIR)/$(BIN):$$PATH" bash examples/demo.sh

bench: setup debian
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis *.egg-info
