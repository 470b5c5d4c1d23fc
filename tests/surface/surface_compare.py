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


def signature_compatible(theirs: Any, ours: Any) -> bool:
    """Every call that works on 0.74.0's signature works on ours.

    Same parameters with the same kinds and defaults, positional ones in the same order; ours may add keyword-only
    parameters with defaults (or `*args`/`**kwargs`), and the order of keyword-only parameters does not matter.
    """
    if isinstance(theirs, str) or isinstance(ours, str):
        return theirs == ours
    mine = {param[0]: param for param in ours}
    if any(mine.get(param[0]) != param for param in theirs):
        return False
    positional = [p[0] for p in theirs if p[1] in {"POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"}]
    if [p[0] for p in ours if p[1] in {"POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD"}] != positional:
        return False
    known = {param[0] for param in theirs}
    return all(p[1] in {"VAR_POSITIONAL", "VAR_KEYWORD"} or p[2] != "<required>" for p in ours if p[0] not in known)


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
        for name, expected in theirs["methods"].items():
            if name not in ours["methods"]:
                yield f"{prefix}:method:{name}", f"missing method {name!r}"
            elif not signature_compatible(expected, ours["methods"][name]):
                yield f"{prefix}:method:{name}", f"method {name!r}: official {expected!r}, ours {ours['methods'][name]!r}"
        if theirs.get("members") != ours.get("members"):
            yield f"{prefix}:members", f"official {theirs.get('members')}, ours {ours.get('members')}"
    if "signature" in theirs and not signature_compatible(theirs["signature"], ours.get("signature")):
        yield f"{prefix}:signature", f"official {theirs['signature']!r}, ours {ours.get('signature')!r}"
    for aspect in ("type", "value", "target"):
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
