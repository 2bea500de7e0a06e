"""Checks a Spark run's output against a single-process run, record for record.

    compare.py INPUT.jsonl SINGLE.jsonl SPARK_OUTPUT_DIR

Exits 1 on any difference: a record count that is not the number of non-blank input lines,
a record missing, duplicated or different (by id), or the outputs in a different order.
"""

import collections
import glob
import json
import os
import sys


def records_by_id(lines):
    """id (as canonical JSON) -> the records with that id; error records of unreadable lines have id null."""
    by_id = collections.defaultdict(list)
    for line in lines:
        record = json.loads(line)
        by_id[json.dumps(record.get("id"), sort_keys=True, ensure_ascii=False)].append(line)
    return by_id


def main():
    input_path, single_path, spark_dir = sys.argv[1:4]
    with open(input_path, encoding="utf-8") as file:
        expected = sum(1 for line in file if line.strip())
    with open(single_path, encoding="utf-8") as file:
        single = file.read().splitlines()
    if not os.path.exists(os.path.join(spark_dir, "_SUCCESS")):
        print(f"compare: {spark_dir} has no _SUCCESS marker")
        return 1
    spark = []
    for part in sorted(glob.glob(os.path.join(spark_dir, "part-*"))):
        with open(part, encoding="utf-8") as file:
            spark += file.read().splitlines()

    problems = []
    if len(single) != expected:
        problems.append(f"single-process run: {len(single)} records for {expected} input lines")
    if len(spark) != expected:
        problems.append(f"spark run: {len(spark)} records for {expected} input lines")
    single_by_id, spark_by_id = records_by_id(single), records_by_id(spark)
    for key in sorted(set(single_by_id) | set(spark_by_id)):
        if sorted(single_by_id.get(key, [])) != sorted(spark_by_id.get(key, [])):
            problems.append(f"id {key}: single-process {len(single_by_id.get(key, []))} record(s), "
                            f"spark {len(spark_by_id.get(key, []))}, contents differ")
    if not problems and single != spark:
        problems.append("same records in a different order")
    errors = sum(1 for line in spark if '"error":' in line and json.loads(line).get("error") is not None)
    if problems:
        for problem in problems[:20]:
            print("MISMATCH", problem)
        print(f"compare: {len(problems)} mismatch(es)")
        return 1
    print(f"compare: {len(spark)} records, equal record for record and in order ({errors} error records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
