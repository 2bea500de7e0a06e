#!/usr/bin/env python3
"""Inter-annotator agreement between corpus/gold/ and corpus/agreement/.

Every file in corpus/agreement/ is a second, independent annotation of the corpus document of the
same name. For each entity type this prints the agreement as F1 with one annotation taken as the
reference (symmetric: swapping the two swaps precision and recall and leaves F1 unchanged), with
exact spans and with overlapping spans of the same type; role-link agreement (person span, role
span and organisation span all equal; and with overlap on each); and, on DATE mentions both
annotators marked with the same span, how often they gave the same value.

    python3 corpus/tools/agreement.py [--json] [--split train|test]
"""
import json
import os
import sys
from collections import defaultdict

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def splits():
    result = {}
    with open(os.path.join(CORPUS, "manifest.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            result[row["document"]] = row.get("split", "")
    return result


def f1(matched_a, total_a, matched_b, total_b):
    """F1 from the share of A's mentions matched in B (precision) and of B's matched in A (recall)."""
    precision = matched_a / total_a if total_a else 0.0
    recall = matched_b / total_b if total_b else 0.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def overlaps(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def role_key(document, role):
    entities = document["entities"]
    person = entities[role["person"]]
    org = entities[role["org"]] if role["org"] is not None else None
    return ((person["start"], person["end"]), (role["role"]["start"], role["role"]["end"]),
            (org["start"], org["end"]) if org else None)


def role_overlaps(x, y):
    def spans_overlap(p, q):
        if p is None or q is None:
            return p is None and q is None
        return p[0] < q[1] and q[0] < p[1]
    return all(spans_overlap(p, q) for p, q in zip(x, y))


def main():
    as_json = "--json" in sys.argv
    only = sys.argv[sys.argv.index("--split") + 1] if "--split" in sys.argv else None
    split_of = splits()
    folder = os.path.join(CORPUS, "agreement")
    names = sorted(n[:-5] for n in os.listdir(folder) if n.endswith(".json")) if os.path.isdir(folder) else []
    names = [n for n in names if (only is None or split_of.get(n) == only)
             and os.path.exists(os.path.join(CORPUS, "gold", n + ".json"))]
    stats = defaultdict(lambda: defaultdict(int))
    roles = defaultdict(int)
    dates_same_span = dates_same_value = 0
    for name in names:
        a = load(os.path.join(CORPUS, "gold", name + ".json"))
        b = load(os.path.join(folder, name + ".json"))
        for type_ in {e["type"] for e in a["entities"] + b["entities"]}:
            xs = [e for e in a["entities"] if e["type"] == type_]
            ys = [e for e in b["entities"] if e["type"] == type_]
            exact_y = {(e["start"], e["end"]) for e in ys}
            exact_x = {(e["start"], e["end"]) for e in xs}
            s = stats[type_]
            s["a"] += len(xs)
            s["b"] += len(ys)
            s["exact_a"] += sum((e["start"], e["end"]) in exact_y for e in xs)
            s["exact_b"] += sum((e["start"], e["end"]) in exact_x for e in ys)
            s["overlap_a"] += sum(any(overlaps(e, f) for f in ys) for e in xs)
            s["overlap_b"] += sum(any(overlaps(e, f) for f in xs) for e in ys)
        values_b = {(e["start"], e["end"]): e.get("value") for e in b["entities"] if e["type"] == "DATE"}
        for e in a["entities"]:
            if e["type"] == "DATE" and (e["start"], e["end"]) in values_b:
                dates_same_span += 1
                dates_same_value += values_b[(e["start"], e["end"])] == e.get("value")
        ra = [role_key(a, r) for r in a.get("roles", [])]
        rb = [role_key(b, r) for r in b.get("roles", [])]
        roles["a"] += len(ra)
        roles["b"] += len(rb)
        roles["exact_a"] += sum(r in rb for r in ra)
        roles["exact_b"] += sum(r in ra for r in rb)
        roles["overlap_a"] += sum(any(role_overlaps(r, q) for q in rb) for r in ra)
        roles["overlap_b"] += sum(any(role_overlaps(r, q) for q in ra) for r in rb)

    def row(s):
        return {"first": s["a"], "second": s["b"],
                "exactF1": round(f1(s["exact_a"], s["a"], s["exact_b"], s["b"]), 3),
                "overlapF1": round(f1(s["overlap_a"], s["a"], s["overlap_b"], s["b"]), 3)}

    total = defaultdict(int)
    for s in stats.values():
        for k, v in s.items():
            total[k] += v
    report = {"documents": len(names), "types": {t: row(stats[t]) for t in sorted(stats)}, "micro": row(total),
              "roles": row(roles),
              "dateValues": {"sameSpan": dates_same_span, "sameValue": dates_same_value,
                             "agreement": round(dates_same_value / dates_same_span, 3) if dates_same_span else None}}
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    print(f"inter-annotator agreement over {len(names)} doubly annotated documents")
    print(f"{'type':<14}{'first':>7}{'second':>8}{'exact F1':>10}{'overlap F1':>12}")
    for name, r in list(report["types"].items()) + [("micro", report["micro"]), ("ROLE links", report["roles"])]:
        print(f"{name:<14}{r['first']:>7}{r['second']:>8}{r['exactF1']:>10.3f}{r['overlapF1']:>12.3f}")
    d = report["dateValues"]
    print(f"date values equal on DATE spans both marked: {d['sameValue']}/{d['sameSpan']}"
          + (f" = {d['agreement']}" if d["agreement"] is not None else ""))


if __name__ == "__main__":
    main()
