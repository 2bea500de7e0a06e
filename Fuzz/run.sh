#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/AnnotatorFuzzer.swift against the package's library modules
# (instrumented for coverage and AddressSanitizer, in their own scratch path) and runs it.
#
#   Fuzz/run.sh                 # build, then fuzz for $FUZZ_SECONDS (default 600) on $FUZZ_JOBS (1) jobs
#   Fuzz/run.sh build           # build only
#   Fuzz/run.sh run [ARGS...]   # run the built fuzzer; extra ARGS go to libFuzzer
#   Fuzz/run.sh repro FILE...   # run the built fuzzer once on each FILE (crash reproduction)
#
# Environment: SCRATCH (default .build-fuzz), FUZZ_SECONDS, FUZZ_JOBS, FUZZ_MAX_LEN (4096).
# Crashes and invariant violations land in Fuzz/.work/artifacts/ (crash-*, timeout-*, oom-*);
# copy them to Tests/ThaiAnnotatorTests/Fixtures/fuzz-regressions/ so the tests keep them.
# Nothing here touches the default .build, Package.swift or the normal `swift build`/`swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
SCRATCH=${SCRATCH:-.build-fuzz}
WORK=Fuzz/.work
BIN="$WORK/annotator-fuzzer"
mode=${1:-all}
[ $# -gt 0 ] && shift

build() {
    mkdir -p "$WORK"
    # The library modules, with coverage counters, comparison tracing and ASan. Leak detection is
    # off during the build: the embed-resources tool the plugin runs is built with the same flags.
    ASAN_OPTIONS=detect_leaks=0 swift build -c release --scratch-path "$SCRATCH" --target ThaiAnnotator \
        -Xswiftc -sanitize=address \
        -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
        -Xcc -fsanitize=fuzzer-no-link,address
    local objects=()
    for module in CICU ThaiSegmentation ThaiEntities ThaiDates ThaiAnnotator; do
        while IFS= read -r object; do objects+=("$object"); done \
            < <(find -L "$SCRATCH/release/$module.build" -name '*.o' | sort)
    done
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name AnnotatorFuzzer \
        -I "$SCRATCH/release/Modules" -I Sources/CICU/include \
        -Xcc -fmodule-map-file="$SCRATCH/release/CICU.build/module.modulemap" \
        Fuzz/AnnotatorFuzzer.swift Tests/ThaiAnnotatorTests/PipelineInvariants.swift \
        "${objects[@]}" -licuuc -licudata -o "$BIN"
    echo "built $BIN"
}

# Seed corpus: every corpus document, each of its lines, and a few hand-made edge cases.
seeds() {
    local dir="$WORK/seeds"
    rm -rf "$dir"; mkdir -p "$dir"
    python3 - "$dir" <<'PY'
import hashlib, os, sys, glob
out = sys.argv[1]
def put(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f: f.write(data)
for path in sorted(glob.glob("corpus/documents/*.txt")):
    data = open(path, "rb").read()
    put(data[:4096])
    for line in data.split(b"\n"):
        if len(line.strip()) > 0: put(line[:4096])
for text in ["วันพุธที่ 7 มิถุนายน 2560", "๒๕ - ๓๐ ก.ค. ๖๐", "🇹🇭 กสอ. (กรมส่งเสริมอุตสาหกรรม)\r\n",
             "\ufeffนายกรัฐมนตรี\u200bพล.อ.ประยุทธ์ จันทร์โอชา", "a\u0301\u0e31\u0e48ก\u200d👩\u200d💻", "....!!!???((((",
             "วันนี้ (25 พฤษภาคม 2561)", "ปีงบประมาณ 2561-2562", "31 กุมภาพันธ์ 2561", "\x00\x00ครม.\x00"]:
    put(text.encode("utf-8"))
PY
    echo "$dir"
}

# The dictionary: Fuzz/tokens.txt, the titles, and gazetteer abbreviations, with \x escapes.
dictionary() {
    python3 - "$WORK/thai.dict" <<'PY'
import sys
tokens = []
for line in open("Fuzz/tokens.txt", encoding="utf-8"):
    line = line.rstrip("\n")
    if line and not line.startswith("#"): tokens.append(line)
for line in open("Resources/names/titles.tsv", encoding="utf-8").read().splitlines()[1:60]:
    if line and not line.startswith("#"): tokens.append(line.split("\t")[0])
import glob
abbreviations = []
for path in sorted(glob.glob("Resources/gazetteers/*.tsv")):
    for line in open(path, encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(fields) < 5 or fields[0] == "id": continue
        abbreviations += [a for a in fields[4].split("|") if a]
tokens += sorted(set(abbreviations))[:200]
def escape(token):
    if "\\" in token: return token  # already escaped in tokens.txt
    return "".join(chr(b) if 0x20 <= b < 0x7f and b not in (0x22, 0x5c) else "\\x%02x" % b for b in token.encode("utf-8"))
with open(sys.argv[1], "w") as f:
    for n, token in enumerate(dict.fromkeys(tokens)):
        f.write('t%d="%s"\n' % (n, escape(token)))
PY
    echo "$WORK/thai.dict"
}

run() {
    mkdir -p "$WORK/corpus" "$WORK/artifacts"
    local seed_dir dict
    seed_dir=$(seeds); dict=$(dictionary)
    local jobs=()
    # Several jobs run as child processes logging to fuzz-N.log; one job runs in this process.
    if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then jobs=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS"); fi
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
    "$BIN" "$WORK/corpus" "$seed_dir" -dict="$dict" -max_len="${FUZZ_MAX_LEN:-4096}" \
        -artifact_prefix="$WORK/artifacts/" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
        -max_total_time="${FUZZ_SECONDS:-600}" "${jobs[@]}" "$@"
}

case "$mode" in
    build) build ;;
    run) run "$@" ;;
    repro) SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$BIN" "$@" ;;
    all) build; run "$@" ;;
    *) echo "usage: $0 [build|run [ARGS...]|repro FILE...]" >&2; exit 64 ;;
esac
