"""Compare two surface descriptions (from `surface_describe.py`): the official one is the oracle, ours must match it.

Each difference is a short stable key (`module:name:aspect`) with a human-readable detail; the snapshot test fails
on every key not covered by the allow list. Extra names and modules on our side are not differences: the contract
is that code written for 0.74.0 keeps working, and new names cannot break it.

Usage: python surface_compare.py OFFICIAL.json OURS.json   (prints the differences)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

Difference = tuple[str, str]  # (key, detail)


def _compare_mapping(prefix: str, theirs: dict[str, Any], ours: dict[str, Any], what: str) -> Iterator[Difference]:
    for key, expected in theirs.items():
        if key not in ours:
            yield f"{prefix}:{what}:{key}", f"missing {what} {key!r}"
        elif ours[key] != expected:
            yield f"{prefix}:{what}:{key}", f"{what} {key!r}: official {expected!r}, ours {ours[key]!r}"


def compare_name(prefix: str, theirs: dict[str, Any], ours: dict[str, Any]) -> Iterator[Difference]:
    if theirs["kind"] != ours["kind"]:
        yield f"{prefix}:kind", f"official {theirs['kind']}, ours {ours['kind']}"
        return
    kind = theirs["kind"]
    if kind in {"class", "model", "typeddict"}:
        missing_bases = [name for name in theirs["mro"] if name not in ours["mro"]]
        if missing_bases:
            yield f"{prefix}:mro", f"bases missing from ours: {missing_bases}"
    if kind == "typeddict":
        yield from _compare_mapping(prefix, theirs["keys"], ours["keys"], "key")
        extra = sorted(set(ours["keys"]) - set(theirs["keys"]))
        if extra:
            yield f"{prefix}:extra-keys", f"keys the official TypedDict does not have: {extra}"
    if kind == "model":
        yield from _compare_mapping(prefix, theirs["fields"], ours["fields"], "field")
    if kind in {"class", "model"}:
        yield from _compare_mapping(prefix, theirs["methods"], ours["methods"], "method")
        if theirs.get("members") != ours.get("members"):
            yield f"{prefix}:members", f"official {theirs.get('members')}, ours {ours.get('members')}"
    for aspect in ("signature", "type", "value", "target"):
        if aspect in theirs and theirs[aspect] != ours.get(aspect):
            yield f"{prefix}:{aspect}", f"official {theirs[aspect]!r}, ours {ours.get(aspect)!r}"


def compare(official: dict[str, Any], ours: dict[str, Any]) -> list[Difference]:
    found: list[Difference] = []
    for path, module in sorted(official["modules"].items()):
        mine = ours["modules"].get(path)
        if mine is None:
            error = ours.get("import_errors", {}).get(path, "no such module")
            found.append((f"{path}", f"module does not import: {error}"))
            continue
        if "__all__" in module and module["__all__"] != mine.get("__all__"):
            found.append((f"{path}:__all__", f"official {module['__all__']}, ours {mine.get('__all__')}"))
        for name, theirs in sorted(module["names"].items()):
            if "private_import" in theirs:
                continue
            prefix = f"{path}:{name}"
            if name not in mine["names"]:
                found.append((prefix, "missing name"))
                continue
            found.extend(compare_name(prefix, theirs, mine["names"][name]))
    return found


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as a, open(sys.argv[2], encoding="utf-8") as b:
        for key, detail in compare(json.load(a), json.load(b)):
            print(f"{key}\t{detail}")


if __name__ == "__main__":
    main()
