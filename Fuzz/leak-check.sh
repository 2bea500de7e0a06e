#!/usr/bin/env bash
# Leak check: Fuzz/LeakCheck.swift, built with AddressSanitizer (LeakSanitizer included) against
# the package's library modules in their own scratch path, over the first 1,000 thaigov dev
# documents. Exits non-zero when LeakSanitizer reports a leak.
#
#   Fuzz/leak-check.sh [FILE.jsonl] [LIMIT=1000] [ROUNDS=3]
#
# FILE defaults to /tmp/thaigov-dev.jsonl, made from shared/data if missing.
# Environment: SCRATCH (default .build-leak).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
SCRATCH=${SCRATCH:-.build-leak}
DATA=${1:-/tmp/thaigov-dev.jsonl}
LIMIT=${2:-1000}
ROUNDS=${3:-3}
BIN="$SCRATCH/leak-check"
if [ ! -s "$DATA" ] && [ "$DATA" = /tmp/thaigov-dev.jsonl ]; then
    gzip -dc ../shared/data/thaigov/thaigov-dev.jsonl.gz > "$DATA"
fi

# Release build with ASan; the plugin's tool runs under ASan during the build, so no leak
# detection there.
ASAN_OPTIONS=detect_leaks=0 swift build -c release --scratch-path "$SCRATCH" --target ThaiAnnotator \
    -Xswiftc -sanitize=address -Xswiftc -g -Xcc -fsanitize=address -Xcc -g
objects=()
for module in CICU ThaiSegmentation ThaiEntities ThaiDates ThaiAnnotator; do
    while IFS= read -r object; do objects+=("$object"); done < <(find -L "$SCRATCH/release/$module.build" -name '*.o' | sort)
done
swiftc -O -g -sanitize=address -parse-as-library -module-name LeakCheck \
    -I "$SCRATCH/release/Modules" -Xcc -fmodule-map-file="$SCRATCH/release/CICU.build/module.modulemap" \
    Fuzz/LeakCheck.swift "${objects[@]}" -licuuc -licudata -o "$BIN" 2> >(grep -v "Cannot export local symbol" >&2)

# Positive control: a deliberately unclosed ICU iterator must make LeakSanitizer fail the run,
# or the check below proves nothing.
if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 LEAK_CHECK_SELFTEST=1 "$BIN" "$DATA" > "$SCRATCH/selftest.log" 2>&1 \
    || ! grep -q "ERROR: LeakSanitizer" "$SCRATCH/selftest.log"; then
    echo "self-test FAILED: LeakSanitizer did not report a deliberate leak (see $SCRATCH/selftest.log)" >&2
    exit 2
fi
echo "self-test: LeakSanitizer reported the deliberate leak ($(grep -m1 -o 'SUMMARY: .*' "$SCRATCH/selftest.log"))"

echo "running $BIN $DATA $LIMIT $ROUNDS"
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
    LSAN_OPTIONS=report_objects=1:max_leaks=20 "$BIN" "$DATA" "$LIMIT" "$ROUNDS"
echo "leak check passed: no leaks reported"
