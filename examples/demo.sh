#!/usr/bin/env bash
# pii-guard demo: the main jobs, end to end, on the synthetic records in examples/.
# Runs in a throw-away PII_GUARD_HOME so it never touches a real user's keys or logs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
PII_GUARD_HOME="$(mktemp -d -t pii-guard-demo.XXXXXX)"
export PII_GUARD_HOME
trap 'rm -rf "$PII_GUARD_HOME"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; }
run() { step "$@"; "${@:2}"; }

run "The district policy in force" pii-guard policy show
run "Where may records go? A USB stick" pii-guard policy where /media/teacher/KINGSTON/roster.csv
run "... a personal Dropbox" pii-guard policy where "$HOME/Dropbox/roster.csv"
run "... the district OneDrive" pii-guard policy where "$HOME/OneDrive - Cambridge Public Schools/roster.csv"

# Staff: what does this folder hold? (exit 1 = a class the policy blocks was found)
step "Scan the example records (values masked)" pii-guard scan "$here/records"
set +e; pii-guard scan "$here/records"; rc=$?; set -e
[ "$rc" = 1 ] || { echo "expected exit 1 (records found), got $rc"; exit 1; }
run "The same as scan/v1 JSON, one file" pii-guard scan --format json "$here/records/payroll_export.csv" || true
