"""Annotate a JSONL corpus with thai-annotate on Spark executors.

Each input partition is piped through one `thai-annotate --input jsonl` process on the
executor that holds it; the output (one JSON line per input record, in input order) is saved
partition by partition, so output part N holds the annotations of input partition N.

The binary is the one shipped with `spark-submit --files /path/to/thai-annotate` or, failing
that, `thai-annotate` on the executors' PATH (or --binary). A record the annotator cannot read
comes back as its error record ({"id": ..., "error": ...}); a partition whose process dies or
returns fewer lines than it was given fails its task, and Spark runs the task again. Output is
committed by Spark's output committer only for the task attempt that succeeds, so a retried
partition appears once.

    spark-submit --master yarn --files .build/release/thai-annotate \
        examples/spark/annotate_corpus.py hdfs:///corpus/news.jsonl hdfs:///out/news-annotated
"""

import argparse
import os
import shutil
import subprocess
import threading
import time

from pyspark import SparkContext, SparkFiles, TaskContext

BINARY_NAME = "thai-annotate"
# thai-annotate's exit status when some records were bad: they are in the output as error records.
EXIT_BAD_RECORDS = 65


def resolve_binary(explicit):
    """The thai-annotate to run on this executor: --binary, the --files copy, or PATH."""
    candidates = [explicit] if explicit else []
    try:
        candidates.append(SparkFiles.get(BINARY_NAME))
    except Exception:  # no SparkContext files on this executor
        pass
    candidates.append(shutil.which(BINARY_NAME))
    for path in candidates:
        if path and os.path.isfile(path):
            if not os.access(path, os.X_OK):
                os.chmod(path, 0o755)
            return path
    raise FileNotFoundError(f"{BINARY_NAME} not found: ship it with --files or put it on the executors' PATH")


def annotate_partition(records, binary, threads, fail_partition):
    """Pipes one partition's records through thai-annotate and yields its output lines."""
    context = TaskContext.get()
    process = subprocess.Popen([resolve_binary(binary), "--input", "jsonl", "--threads", str(threads), "-"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sent = [0]
    stderr = []

    def feed():
        try:
            for record in records:
                if record.strip():  # thai-annotate skips blank lines; so does the count
                    process.stdin.write(record.encode("utf-8") + b"\n")
                    sent[0] += 1
        except BrokenPipeError:
            pass  # the process died; its exit status says so below
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    writer = threading.Thread(target=feed, daemon=True)
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
    writer.start()
    reader.start()
    received = 0
    # For the retry demonstration: the first attempt at one partition dies halfway through.
    inject_failure = fail_partition == context.partitionId() and context.attemptNumber() == 0
    for line in process.stdout:
        received += 1
        if inject_failure and received == 100:
            process.kill()
        yield line.decode("utf-8").rstrip("\n")
    writer.join()
    status = process.wait()
    reader.join()
    if status not in (0, EXIT_BAD_RECORDS) or received != sent[0]:
        message = b"".join(stderr).decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"partition {context.partitionId()} attempt {context.attemptNumber()}: "
                           f"{BINARY_NAME} exited {status} after {received} of {sent[0]} records: {message}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="JSONL input ({\"id\", \"text\", \"referenceDate\"} a line): a file, folder or glob")
    parser.add_argument("output", help="output folder (must not exist): part-NNNNN files of JSONL")
    parser.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    parser.add_argument("--binary", default=None, help=f"path to {BINARY_NAME} on the executors")
    parser.add_argument("--threads", type=int, default=1, help="threads per thai-annotate process (default 1: a task per core)")
    parser.add_argument("--fail-partition", type=int, default=None,
                        help="kill the first attempt at this partition halfway, to show that retries leave no duplicates")
    args = parser.parse_args()

    sc = SparkContext.getOrCreate()
    sc.setLogLevel("WARN")
    lines = sc.textFile(args.input, minPartitions=args.partitions)
    binary, threads, fail_partition = args.binary, args.threads, args.fail_partition
    annotated = lines.mapPartitions(lambda records: annotate_partition(records, binary, threads, fail_partition))
    # Start the Python workers first, so that the timing below is the job's own (the first
    # Python stage of a Spark application spends seconds starting them).
    sc.parallelize(range(sc.defaultParallelism), sc.defaultParallelism).foreachPartition(lambda _: None)
    start = time.monotonic()
    annotated.saveAsTextFile(args.output)
    seconds = time.monotonic() - start
    print(f"spark: {lines.getNumPartitions()} partitions written to {args.output} in {seconds:.2f} s")
    sc.stop()


if __name__ == "__main__":
    main()
