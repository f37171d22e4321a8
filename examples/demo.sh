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

# Staff: send records to a court under a subpoena, as one encrypted, signed package.
D="$PII_GUARD_HOME"
export PII_GUARD_PASSPHRASE="demo-passphrase-2026"   # scripts only; people are prompted
run "Create this user's signing key and age identity (no keyring here: a passphrase file)" \
  pii-guard keys init --name "Dana Clerk" --email dclerk@cpsd.us --store file
step "The court's own age key (made here for the demo)" age-keygen -o "$D/court.key"
age-keygen -o "$D/court.key" 2>&1
run "Register the court as a recipient" pii-guard recipients add middlesex-court \
  --age-key "$(age-keygen -y "$D/court.key")" --org "Middlesex Superior Court"
step "A release without its legal basis is refused, listing everything missing" \
  pii-guard release create "$here/records" --to middlesex-court --basis subpoena \
  --basis-doc "$here/legal/subpoena_2026-CV-0417.txt" --purpose "Attendance records" -o "$D/refused.pgrel"
set +e
pii-guard release create "$here/records" --to middlesex-court --basis subpoena \
  --basis-doc "$here/legal/subpoena_2026-CV-0417.txt" --purpose "Attendance records" -o "$D/refused.pgrel"
rc=$?; set -e
[ "$rc" != 0 ] && [ ! -e "$D/refused.pgrel" ] || { echo "expected a refusal and no package"; exit 1; }
run "Create the release" pii-guard release create "$here/records" --to middlesex-court \
  --basis subpoena --basis-doc "$here/legal/subpoena_2026-CV-0417.txt" \
  --field reference=2026-CV-0417 --field issuing_authority="Middlesex Superior Court" \
  --field date_issued=2026-11-20 \
  --purpose "Attendance and enrollment records requested by subpoena" -o "$D/case.pgrel"

# Legal staff: verify without any decryption key.
run "Verify the package (and write the printable report)" \
  pii-guard release verify "$D/case.pgrel" --report "$D/case-verification.html"
# The recipient: open with our tool ...
run "Open it as the court" pii-guard release open "$D/case.pgrel" -o "$D/inbox" --identity "$D/court.key"
find "$D/inbox" -type f | sed "s|$D/||" | sort
# ... or with stock tools only.
mkdir "$D/stock"
run "Stock tools: unpack" tar -x -f "$D/case.pgrel" -C "$D/stock"
run "Stock tools: check the signature" ssh-keygen -Y verify -f "$D/config/allowed_signers" \
  -I dclerk@cpsd.us -n pii-guard-release -s "$D/stock/manifest.json.sig" < "$D/stock/manifest.json"
step "Stock tools: decrypt and untar the BagIt bag" "age -d -i court.key payload.age | tar -x"
age -d -i "$D/court.key" "$D/stock/payload.age" | tar -x -C "$D/stock"
ls "$D/stock"/pgrel-*/

# Laptops: the watcher blocks a roster copied onto a (pretend) USB stick.
# A demo copy of the district policy: the stick lives under $D/media (as /media/USER/STICK
# would), an approved "district share" under $D, and a demo ICTS key we hold, so the
# quarantined file can be restored at the end.
age-keygen -o "$D/icts.key" 2>/dev/null
sed -e "s|patterns = \[\"/media/\*/\*\", \"/run/media/\*/\*\"\]|patterns = [\"/media/*/*\", \"/run/media/*/*\", \"$D/media/*/*\"]|" \
    -e "s|patterns = \[\"/mnt/cpsd/\*\", \"/Volumes/cpsd-\*\"\]|patterns = [\"/mnt/cpsd/*\", \"/Volumes/cpsd-*\", \"$D/cpsd-share\"]|" \
    -e "s|^icts_recipient = .*|icts_recipient = \"$(age-keygen -y "$D/icts.key")\"|" \
    "$here/../policies/cambridge.toml" > "$D/demo-policy.toml"
export PII_GUARD_POLICY="$D/demo-policy.toml"
stick="$D/media/teacher/DEMO-STICK"
mkdir -p "$stick" "$D/cpsd-share"
run "The pretend stick is a blocked place" pii-guard policy where "$stick/roster.csv"
step "Start the watcher in the background" "pii-guard watch &"
pii-guard watch 2> "$D/watch.log" &
watcher=$!
for _ in $(seq 150); do grep -q "running with policy" "$D/watch.log" && break; sleep 0.2; done
run "Copy a roster and a newsletter onto the stick" cp "$here/records/student_roster.csv" "$here/records/newsletter.txt" "$stick/"
for _ in $(seq 150); do [ -e "$stick/student_roster.csv.blocked.txt" ] && break; sleep 0.2; done
run "The roster is gone, the newsletter stays, a notice is left" ls "$stick"
run "The notice" cat "$stick/student_roster.csv.blocked.txt"
run "What the watcher says" pii-guard watch status
run "The encrypted quarantine (ICTS only)" pii-guard quarantine list
kill -TERM "$watcher"; wait "$watcher"
id=$(pii-guard quarantine list | awk 'NR==1 {print $1}')
run "ICTS restores it to an approved district share" pii-guard quarantine restore "$id" \
  --identity "$D/icts.key" --to "$D/cpsd-share"
cmp "$here/records/student_roster.csv" "$D/cpsd-share/student_roster.csv" && echo "restored byte for byte"

# Review: the tamper-evident audit log and the incident report.
run "The audit log verifies" pii-guard audit verify
run "Incidents since yesterday" pii-guard incidents list --since "$(date -u -d yesterday +%F)"

# ICTS: where does personal information live across the shares? (resumable)
run "Discover the example records" pii-guard discover "$here/records" --state "$D/discover" \
  --executor processes:1 --report "$D/where.html" --json "$D/where.json"
