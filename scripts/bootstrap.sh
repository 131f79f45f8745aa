#!/usr/bin/env bash
# Install what Gonggao needs, once: a virtualenv from the hash-pinned lock file, the project
# itself, and the Meilisearch binary. With --test also the test lock (pytest, ruff, mypy, httpx
# ...), Debian's Chromium and ChromeDriver, axe-core (npm, for the accessibility checks) and
# PostgreSQL (for the scale-out test); with --bench
# the test lock alone (what the benchmarks import). Re-running is cheap: each step is skipped when
# already done.
#   PYTHON        the interpreter to use (default python3; 3.11 or newer)
#   GONGGAO_VENV  where the virtualenv lives (default .venv in the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0   # the test lock
want_system=0 # Debian's chromium, chromium-driver, postgresql
case "${1:-}" in
  --test) want_test=1; want_system=1 ;;
  --bench) want_test=1 ;;
esac

PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || {
  echo "bootstrap: Python 3.11 or newer is needed (PYTHON=$PY)" >&2; exit 1; }

VENV="${GONGGAO_VENV:-.venv}"
LOCK=requirements.lock
[ $want_test = 1 ] && LOCK=requirements-test.lock
stamp="$VENV/.installed-$(cat requirements-pip.lock "$LOCK" pyproject.toml | sha256sum | cut -c1-16)"

if [ ! -f "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  # first the pinned pip (requirements-pip.lock says why the bundled one is not enough)
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
  echo "bootstrap: installing Python dependencies from $LOCK ..." >&2
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes -r "$LOCK"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi

if [ -z "${MEILI_URL:-}" ] && [ -z "${MEILI_BIN:-}" ]; then
  scripts/install-meilisearch.sh >/dev/null
fi

if [ $want_system = 1 ] && ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  echo "bootstrap: installing Debian's chromium and chromium-driver for the browser tests ..." >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# the browser tests' accessibility checks inject axe-core (npm registry, pinned; test-only)
if [ $want_system = 1 ]; then
  scripts/install-axe-core.sh
fi

# the scale-out test runs a throwaway PostgreSQL server (initdb + pg_ctl; Debian keeps them off PATH)
if [ $want_system = 1 ] && ! { command -v initdb || compgen -G "/usr/lib/postgresql/*/bin/initdb"; } >/dev/null 2>&1; then
  echo "bootstrap: installing Debian's postgresql for the scale-out test ..." >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
