"""Describe the public names of the top-level `anthropic` module: kind, and identity of httpx objects.

`official_top_level.json` is this script's output under the official 0.74.0 (with its bedrock/vertex extras):
`/path/to/official/bin/python tests/core/data/describe_top_level.py > tests/core/data/official_top_level.json`.
`tests/core/test_fidelity_names.py` runs it under this SDK with the names of that file and compares.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import typing
from typing import Any

import httpx

import anthropic


def describe(value: object) -> dict[str, Any]:
    if inspect.ismodule(value):
        return {"kind": "module", "name": value.__name__}
    httpx_name = next((n for n in dir(httpx) if not n.startswith("_") and getattr(httpx, n) is value), None)
    if isinstance(value, type):
        kind = "class"
    elif inspect.isfunction(value):
        kind = "function"
    elif typing.get_origin(value) is not None or type(value).__module__ == "typing":
        kind = "alias"
    else:
        kind = "instance"
    out: dict[str, Any] = {"kind": kind}
    if httpx_name:
        out["httpx"] = httpx_name
    if kind == "instance":
        # httpx types by identity: 0.74.0 rewrites `__module__` of httpx.Timeout to "anthropic".
        httpx_type = next((n for n in dir(httpx) if getattr(httpx, n) is type(value)), None)
        module = "httpx" if httpx_type else type(value).__module__.split(".")[0]
        out["type"] = f"{module}.{type(value).__name__}"
    if kind == "alias":
        # `typing.Annotated` is a class on 3.13 and a special form before: one spelling for both
        out["origin"] = re.sub(r"^<class '(.*)'>$", r"\1", repr(typing.get_origin(value)))
    return out


if __name__ == "__main__":
    names = sys.argv[1].split(",") if len(sys.argv) > 1 else [n for n in dir(anthropic) if not n.startswith("_")]
    described = {n: describe(getattr(anthropic, n)) for n in names}
    print(json.dumps({"__all__": list(anthropic.__all__), "names": described}, indent=1))
