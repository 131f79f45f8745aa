#!/usr/bin/env bash
# Regenerate the hash-pinned lock files from pyproject.toml, as they were made: uv's pip-compile
# for Python 3.11 on Linux x86-64, every package with its hashes, no header.
#   requirements.lock        the default install (./run demo)
#   requirements-test.lock   plus the `test` extra (./run test, ./run bench)
#   requirements-train.lock  plus the `train` extra (bench/train_hazard_model.py)
# requirements-pip.lock (the pip that installs them) is written by hand: its comment says why.
# Versions already in a lock file are kept where pyproject.toml still allows them; pass --upgrade
# to move every package to its newest allowed version. uv comes from PyPI into a throwaway venv.
#   PYTHON   the interpreter that makes that venv (default python3)
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
"${PYTHON:-python3}" -m venv "$tool"
"$tool/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
compile() {
  "$tool/bin/uv" pip compile pyproject.toml --quiet --generate-hashes --no-header \
    --python-version 3.11 --python-platform x86_64-unknown-linux-gnu "$@"
}
compile -o requirements.lock "$@"
compile --extra test -o requirements-test.lock "$@"
compile --extra train -o requirements-train.lock "$@"
echo "lock: wrote requirements.lock, requirements-test.lock and requirements-train.lock; ./run test installs the first two" >&2
