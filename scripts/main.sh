#!/usr/bin/env bash
# The main job: install into ./.venv, then ingest and extract the bundled sample
# corpus into an embedded SQLite store, print a summary and write a report.
# Extra arguments go to `frontlines run` (see `frontlines run --help`).
source "$(dirname "$0")/_venv.sh" ""
mkdir -p out
exec .venv/bin/frontlines run --sample --db out/frontlines.sqlite --report out/report.md "$@"
