"""Lists the public symbols of the library modules that have no doc comment of their own
(one inherited from a protocol of another module does not count).

    python3 scripts/check-doc-comments.py DIR

DIR is searched for the modules' symbol graphs: `.build` after `swift package
generate-documentation` (which extracts them) or `swift package dump-symbol-graph`. Exits 1
if any public symbol declared in Sources/ lacks a comment, or if no symbol graph is found.
"""

import glob
import json
import os
import sys

MODULES = ["ThaiAnnotator", "ThaiEvaluation", "ThaiSegmentation", "ThaiEntities", "ThaiDates", "ThaiRoles", "ThaiTagger", "ThaiTraining"]


def main():
    folder = sys.argv[1]
    missing = []
    checked = 0
    for module in MODULES:
        paths = glob.glob(os.path.join(folder, "**", f"{module}.symbols.json"), recursive=True)
        if not paths:
            print(f"no symbol graph for {module} under {folder}")
            return 1
        # The newest extraction of the module only: the main graph and its extension graphs.
        newest = os.path.dirname(max(paths, key=os.path.getmtime))
        for path in glob.glob(os.path.join(newest, f"{module}.symbols.json")) + glob.glob(os.path.join(newest, f"{module}@*.symbols.json")):
            graph = json.load(open(path))
            for symbol in graph["symbols"]:
                location = symbol.get("location", {}).get("uri", "")
                if "/Sources/" not in location or symbol.get("accessLevel") not in ("public", "open"):
                    continue
                checked += 1
                comment = symbol.get("docComment", {})
                # A comment inherited from a protocol (Encodable.encode(to:)) names another module.
                if not comment.get("lines") or comment.get("module", module) != module:
                    line = symbol["location"]["position"]["line"] + 1
                    name = ".".join(symbol["pathComponents"])
                    missing.append(f"{location.split('/Sources/')[1]}:{line}: {name}")
    for entry in sorted(set(missing)):
        print("no doc comment:", entry)
    print(f"doc comments: {checked - len(missing)} of {checked} public symbols")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
