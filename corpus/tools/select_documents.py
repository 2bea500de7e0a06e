#!/usr/bin/env python3
"""Draw new corpus documents at random from the thaigov collection, reproducibly.

    select_documents.py THAIGOV.jsonl --seed N --count K [--min-length 1200] [--max-length 4000]

Candidates are records of the unpacked `shared/data/thaigov/thaigov-dev.jsonl.gz` whose text is
between the two lengths (characters) and that share nothing with a document already in
`manifest.tsv`: not its id, not its title line, and no 200-character run of its body (the site
republishes articles under several sections, and a copy of a `test` document must never become a
`train` one). A simple random sample of K of them (Python's `random.Random(seed)`, candidates in
file order) is written to `documents/thaigov-NNN.txt`, numbered after the last document, and
appended to `manifest.tsv` as `train`, with the section from the id and the Buddhist-era year of
the date line. Nothing is written if K candidates cannot be found.
"""
import argparse
import json
import os
import random
import re

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHINGLE = 200


def shingles(text):
    """The body's 200-character runs starting every 100 characters (the title line left out)."""
    body = text.split("\n", 1)[-1]
    return {body[i:i + SHINGLE] for i in range(0, max(1, len(body) - SHINGLE), SHINGLE // 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--min-length", type=int, default=1200)
    parser.add_argument("--max-length", type=int, default=4000)
    args = parser.parse_args()

    manifest_path = os.path.join(CORPUS, "manifest.tsv")
    rows = [line.split("\t") for line in open(manifest_path, encoding="utf-8").read().splitlines()[1:]]
    known_ids = {row[1] for row in rows}
    known_titles, known_runs = set(), set()
    for row in rows:
        text = open(os.path.join(CORPUS, "documents", row[0] + ".txt"), encoding="utf-8").read()
        known_titles.add(text.lstrip("\ufeff").split("\n", 1)[0].strip())
        body = text.split("\n", 1)[-1]
        known_runs.update(body[i:i + SHINGLE] for i in range(0, max(1, len(body) - SHINGLE)))

    candidates = []
    for line in open(args.collection, encoding="utf-8"):
        record = json.loads(line)
        text = record["text"]
        if record["id"] in known_ids or not args.min_length <= len(text) <= args.max_length:
            continue
        if text.split("\n", 1)[0].strip() in known_titles or shingles(text) & known_runs:
            continue
        candidates.append(record)
    if len(candidates) < args.count:
        raise SystemExit(f"only {len(candidates)} candidates")
    chosen = random.Random(args.seed).sample(candidates, args.count)

    number = max(int(row[0].split("-")[1]) for row in rows if row[0].startswith("thaigov-"))
    with open(manifest_path, "a", encoding="utf-8") as manifest:
        for record in chosen:
            number += 1
            name = f"thaigov-{number:03d}"
            text = record["text"]
            with open(os.path.join(CORPUS, "documents", name + ".txt"), "w", encoding="utf-8") as out:
                out.write(text)
            section = record["id"].split("/", 1)[1].rsplit("_", 1)[0]
            year = re.search(r"25[5-6]\d", "\n".join(text.split("\n")[1:4]))
            manifest.write(f"{name}\t{record['id']}\t{section}\t{year.group(0) if year else ''}\t{len(text)}\ttrain\n")
            print(name, record["id"], len(text))


if __name__ == "__main__":
    main()
