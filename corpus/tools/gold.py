#!/usr/bin/env python3
"""Write and check the corpus's gold files without counting offsets by hand.

An annotator writes the mentions of one document, in document order, one a line, in a small
tab-separated draft format; `build` finds each one in the text and writes the standoff JSON of
corpus/gold/ (or corpus/agreement/). Offsets are never typed: they come from the text.

Draft format (UTF-8, one mention a line, in the order they occur in the document; # starts a comment):

    TYPE <TAB> CONTEXT <TAB> ATTRIBUTES

- TYPE: PERSON, MINISTRY, ORGANIZATION, ACRONYM, LOCATION, DATE, or ROLE.
- CONTEXT: text copied from the document with the mention between ⟦ and ⟧, e.g. `ความสัมพันธ์⟦ไทย⟧-`
  or just `⟦กระทรวงอุตสาหกรรม⟧`. Add context when the bare surface also occurs, unmarked, between the
  previous mention and this one: the first match whose mention starts at or after the end of the
  previous mention is taken.
- ATTRIBUTES (optional): a JSON object. DATE: {"value": "2017-06-07", "grain": "day"} (value may be
  null). ACRONYM: {"expansion": "...", "refersTo": "ORGANIZATION"} (either may be null).
  ROLE: {"person": "prev" | "next" | "prev2" | "next2", "org": "next" | "prev" | null}: the PERSON
  mention nearest before/after the role span (prev2: the second nearest), and the mention (any type)
  right after/before the role that is the office's body, or null. ROLE lines go in document order too.

Commands:
    gold.py build DRAFT.tsv [--out FILE.json]   draft -> JSON (default corpus/gold/<doc>.json; the
                                                document is the draft's file name without .tsv)
    gold.py export NAME [--from FILE.json]      JSON -> draft, on stdout (to revise an existing file)
    gold.py check [FILE.json ...]               validate gold files (default: every corpus/gold and
                                                corpus/agreement file)
    gold.py format                              rewrite every gold file in the one-mention-a-line layout
"""
import json
import os
import re
import sys

CORPUS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"PERSON", "MINISTRY", "ORGANIZATION", "ACRONYM", "LOCATION", "DATE"}
OPEN, CLOSE = "\u27e6", "\u27e7"


def document_text(name):
    with open(os.path.join(CORPUS, "documents", name + ".txt"), encoding="utf-8", newline="") as f:
        return f.read()


def reference_date(name):
    """The referenceDate of the existing gold file, if any."""
    path = os.path.join(CORPUS, "gold", name + ".json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f).get("referenceDate")
    return None


def source_of(name):
    with open(os.path.join(CORPUS, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == name:
                return fields[1]
    return None


def fail(where, message):
    sys.exit(f"{where}: {message}")


def build(draft_path, out_path=None, ref_date=None):
    name = os.path.basename(draft_path)[: -len(".tsv")]
    text = document_text(name)
    entities, roles, pending_roles = [], [], []
    cursor = 0
    with open(draft_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, raw in enumerate(lines, 1):
        where = f"{draft_path}:{number}"
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("@referenceDate"):
            ref_date = raw.split("\t")[1].strip()
            continue
        fields = raw.split("\t")
        if len(fields) < 2:
            fail(where, "expected TYPE<TAB>CONTEXT[<TAB>ATTRIBUTES]")
        kind, context = fields[0].strip(), fields[1]
        attributes = json.loads(fields[2]) if len(fields) > 2 and fields[2].strip() else {}
        if context.count(OPEN) != 1 or context.count(CLOSE) != 1 or context.index(OPEN) > context.index(CLOSE):
            fail(where, f"the context needs exactly one {OPEN}...{CLOSE}: {context!r}")
        left = context.index(OPEN)
        surface = context[left + 1: context.index(CLOSE)]
        plain = context.replace(OPEN, "").replace(CLOSE, "")
        if not surface:
            fail(where, "empty mention")
        found = text.find(plain, max(0, cursor - left))
        if found < 0:
            found_anywhere = text.find(plain)
            hint = f" (it occurs at {found_anywhere}, before the previous mention: out of order?)" if found_anywhere >= 0 else ""
            fail(where, f"context not found after offset {cursor}: {plain!r}{hint}")
        start = found + left
        end = start + len(surface)
        if kind == "ROLE":
            pending_roles.append((where, start, end, surface, attributes))
            cursor = end
            continue
        if kind not in TYPES:
            fail(where, f"unknown type {kind}")
        entity = {"type": kind, "start": start, "end": end, "text": surface}
        if kind == "DATE":
            entity["value"] = attributes.get("value")
            entity["grain"] = attributes.get("grain")
            if entity["grain"] not in ("day", "week", "month", "year", "interval"):
                fail(where, f"DATE needs a grain (day, week, month, year, interval): {attributes}")
        elif kind == "ACRONYM":
            entity["expansion"] = attributes.get("expansion")
            entity["refersTo"] = attributes.get("refersTo")
        if entities and start < entities[-1]["end"]:
            fail(where, f"{surface!r} overlaps or precedes the previous mention {entities[-1]['text']!r}")
        entities.append(entity)
        cursor = end
    for where, start, end, surface, attributes in pending_roles:
        roles.append(resolve_role(where, entities, start, end, surface, attributes))
    document = {"document": name, "source": source_of(name) or "", "referenceDate": ref_date or reference_date(name),
                "entities": entities}
    if roles:
        document["roles"] = roles
    out_path = out_path or os.path.join(CORPUS, "gold", name + ".json")
    problems = validate(document, text)
    if problems:
        fail(draft_path, "; ".join(problems))
    write(document, out_path)
    print(f"{out_path}: {len(entities)} entities, {len(roles)} roles")


def write(document, path):
    """Writes a gold file with one entity or role a line, so that diffs read as mention changes."""
    def one(item):
        return json.dumps(item, ensure_ascii=False)
    head = {k: v for k, v in document.items() if k not in ("entities", "roles")}
    lines = ["{"] + [f" {one(k)}: {one(v)}," for k, v in head.items()]
    lines.append(' "entities": [')
    lines.append(",\n".join("  " + one(e) for e in document["entities"]))
    if "roles" in document:
        lines.append(" ],")
        lines.append(' "roles": [')
        lines.append(",\n".join("  " + one(r) for r in document["roles"]))
    lines.append(" ]")
    lines.append("}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(line for line in lines if line) + "\n")


def resolve_role(where, entities, start, end, surface, attributes):
    which = attributes.get("person", "prev")
    persons_before = [i for i, e in enumerate(entities) if e["type"] == "PERSON" and e["end"] <= start]
    persons_after = [i for i, e in enumerate(entities) if e["type"] == "PERSON" and e["start"] >= end]
    table = {"prev": persons_before[-1:], "prev2": persons_before[-2:-1], "next": persons_after[:1], "next2": persons_after[1:2]}
    if which not in table or not table[which]:
        fail(where, f"role {surface!r}: no PERSON for person={which!r}")
    person = table[which][0]
    org_choice = attributes.get("org")
    org = None
    if org_choice == "next":
        after = [i for i, e in enumerate(entities) if e["start"] >= end]
        if not after:
            fail(where, f"role {surface!r}: no mention after it for org=next")
        org = after[0]
    elif org_choice == "prev":
        before = [i for i, e in enumerate(entities) if e["end"] <= start]
        if not before:
            fail(where, f"role {surface!r}: no mention before it for org=prev")
        org = before[-1]
    elif org_choice is not None:
        fail(where, f"role {surface!r}: org must be next, prev or null")
    return {"person": person, "role": {"start": start, "end": end, "text": surface}, "org": org}


def validate(document, text):
    problems = []
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", document.get("referenceDate") or ""):
        problems.append("referenceDate missing: the draft needs its @referenceDate line (the date line, in the common era)")
    previous_end = 0
    for i, e in enumerate(document["entities"]):
        if e["type"] not in TYPES:
            problems.append(f"entity {i}: type {e['type']}")
        if not (0 <= e["start"] < e["end"] <= len(text)) or text[e["start"]:e["end"]] != e["text"]:
            problems.append(f"entity {i} {e['text']!r}: offsets do not give its text")
        if e["start"] < previous_end:
            problems.append(f"entity {i} {e['text']!r}: overlaps or out of order")
        if e["text"] != e["text"].strip():
            problems.append(f"entity {i} {e['text']!r}: starts or ends with a space")
        previous_end = max(previous_end, e["end"])
    for k, r in enumerate(document.get("roles", [])):
        span = r["role"]
        if text[span["start"]:span["end"]] != span["text"] or not span["text"].strip():
            problems.append(f"role {k}: offsets do not give its text")
        person = r["person"]
        if not (0 <= person < len(document["entities"])) or document["entities"][person]["type"] != "PERSON":
            problems.append(f"role {k}: person {person} is not a PERSON entity")
        org = r["org"]
        if org is not None and not (0 <= org < len(document["entities"])):
            problems.append(f"role {k}: org {org} is not an entity index")
        for e in document["entities"]:
            if e["start"] < span["end"] and span["start"] < e["end"]:
                problems.append(f"role {k} {span['text']!r} overlaps entity {e['text']!r}")
    return problems


def export(name, json_path=None):
    json_path = json_path or os.path.join(CORPUS, "gold", name + ".json")
    with open(json_path, encoding="utf-8") as f:
        document = json.load(f)
    text = document_text(name)
    print(f"@referenceDate\t{document.get('referenceDate')}")
    items = [("E", i, e["start"], e["end"], e) for i, e in enumerate(document["entities"])]
    items += [("R", k, r["role"]["start"], r["role"]["end"], r) for k, r in enumerate(document.get("roles", []))]
    items.sort(key=lambda item: (item[2], item[0] == "E"))
    for kind, index, start, end, item in items:
        left = text[max(0, start - 12):start].split("\n")[-1]
        right = text[end:end + 4].split("\n")[0]
        context = f"{left}{OPEN}{text[start:end]}{CLOSE}{right}"
        if kind == "E":
            attributes = {}
            if item["type"] == "DATE":
                attributes = {"value": item.get("value"), "grain": item.get("grain")}
            elif item["type"] == "ACRONYM":
                attributes = {"expansion": item.get("expansion"), "refersTo": item.get("refersTo")}
            line = f"{item['type']}\t{context}"
        else:
            entities = document["entities"]
            before = [i for i, e in enumerate(entities) if e["type"] == "PERSON" and e["end"] <= start]
            after = [i for i, e in enumerate(entities) if e["type"] == "PERSON" and e["start"] >= end]
            person = {**{i: "prev" for i in before[-1:]}, **{i: "prev2" for i in before[-2:-1]},
                      **{i: "next" for i in after[:1]}, **{i: "next2" for i in after[1:2]}}.get(item["person"])
            org = None
            if item["org"] is not None:
                org = "next" if entities[item["org"]]["start"] >= end else "prev"
            attributes = {"person": person, "org": org}
            line = f"ROLE\t{context}"
        print(line + ("\t" + json.dumps(attributes, ensure_ascii=False) if attributes else ""))


def check(paths):
    if not paths:
        for folder in ("gold", "agreement"):
            directory = os.path.join(CORPUS, folder)
            if os.path.isdir(directory):
                paths += [os.path.join(directory, n) for n in sorted(os.listdir(directory)) if n.endswith(".json")]
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        problems = validate(document, document_text(document["document"]))
        for problem in problems:
            print(f"{path}: {problem}")
        bad += bool(problems)
    print(f"{len(paths)} files checked, {bad} with problems")
    return bad == 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    command, rest = args[0], args[1:]
    if command == "build":
        out = rest[rest.index("--out") + 1] if "--out" in rest else None
        build(rest[0], out)
    elif command == "export":
        source = rest[rest.index("--from") + 1] if "--from" in rest else None
        export(rest[0], source)
    elif command == "format":
        for folder in ("gold", "agreement"):
            directory = os.path.join(CORPUS, folder)
            for n in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
                if n.endswith(".json"):
                    with open(os.path.join(directory, n), encoding="utf-8") as f:
                        write(json.load(f), os.path.join(directory, n))
    elif command == "check":
        sys.exit(0 if check(rest) else 1)
    else:
        sys.exit(__doc__)
