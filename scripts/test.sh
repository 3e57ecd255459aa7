#!/usr/bin/env bash
# The whole test suite: install dev dependencies into ./.venv, then lint, type
# check, run the tests and the eval gates (pinned floors).
source "$(dirname "$0")/_venv.sh" "dev"
echo "== ruff" >&2
.venv/bin/ruff check src tests benchmarks scripts
echo "== mypy" >&2
.venv/bin/mypy
echo "== pytest" >&2
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: that is a failure here, not a pass.
if [ "$rc" -ne 0 ]; then exit "$rc"; fi
echo "== eval gates" >&2
.venv/bin/frontlines eval gate
