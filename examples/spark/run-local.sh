#!/usr/bin/env bash
# Runs the Spark example in local[2] mode over the thaigov dev documents and checks that its
# output equals a single-process run record for record. Exits non-zero on any mismatch.
#
#   bash examples/spark/run-local.sh [INPUT.jsonl.gz]
#
# Builds thai-annotate (release, Swift runtime linked statically, as it would be shipped to a
# cluster), creates examples/spark/.venv with PySpark from PyPI, adds three bad records to the
# input (they must come back as error records), runs thai-annotate in one process, then the
# Spark job with one partition's first attempt killed halfway (Spark must retry it without
# duplicating its records), and compares.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
input_gz="${1:-$root/../shared/data/thaigov/thaigov-dev.jsonl.gz}"
work="$here/.work"
export PATH="/opt/swift/usr/bin:$PATH"

command -v java >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless; }

echo "== building thai-annotate (release, static Swift runtime)"
# A scratch path of its own: the static runtime changes every compile command, and sharing
# .build would rebuild the whole package each time it alternates with `swift build -c release`.
(cd "$root" && swift build -c release --static-swift-stdlib --product thai-annotate --scratch-path .build-static)
binary="$root/.build-static/release/thai-annotate"

if [ ! -x "$here/.venv/bin/spark-submit" ]; then
    echo "== creating $here/.venv with PySpark"
    python3 -m venv "$here/.venv"
    "$here/.venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

rm -rf "$work"
mkdir -p "$work"
# The corpus, with three records thai-annotate cannot read spread through it.
gzip -dc "$input_gz" | awk 'NR == 1000 { print "{\"id\": \"bad-1\", \"text\": 42}" }
                            NR == 5000 { print "not json" }
                            { print }
                            END { print "{\"id\": \"bad-3\"}" }' > "$work/input.jsonl"
records=$(grep -c . "$work/input.jsonl")
bytes=$(stat -c %s "$work/input.jsonl")

rate() {  # documents/s and MB/s for a run of $1 seconds
    python3 -c "import sys; s = float(sys.argv[1]); print(f'{$records / s:,.0f} documents/s, {$bytes / 1e6 / s:.2f} MB/s')" "$1"
}
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

echo "== single process: thai-annotate --input jsonl --threads 1 ($records records, $((bytes / 1000000)) MB)"
start=$(now)
status=0
"$binary" --input jsonl --threads 1 "$work/input.jsonl" > "$work/single.jsonl" || status=$?
single_seconds=$(elapsed "$start" "$(now)")
[ "$status" = 65 ] || { echo "expected exit status 65 (bad records), got $status"; exit 1; }

echo "== spark: local[2], 8 partitions, thai-annotate shipped with --files, partition 3's first attempt killed"
export PYSPARK_PYTHON="$here/.venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
start=$(now)
"$here/.venv/bin/spark-submit" --master 'local[2,2]' --files "$binary" \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    "$here/annotate_corpus.py" "$work/input.jsonl" "$work/spark-output" --partitions 8 --fail-partition 3 \
    2> "$work/spark.log" | tee "$work/spark.out"
spark_seconds=$(elapsed "$start" "$(now)")
job_seconds=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$work/spark.out")
grep -q "partition 3 attempt 0" "$work/spark.log" || { echo "the injected failure did not happen"; exit 1; }

python3 "$here/compare.py" "$work/input.jsonl" "$work/single.jsonl" "$work/spark-output"
echo "single process, 1 thread:          $single_seconds s, $(rate "$single_seconds")"
echo "spark local[2], job (with a retry): $job_seconds s, $(rate "$job_seconds")"
echo "spark local[2], spark-submit total: $spark_seconds s, $(rate "$spark_seconds")"
