"""The public surface of this workspace against the snapshot of the official 0.74.0 wheel.

`official-0.74.0.json` was produced by `regenerate.py` (which installs `anthropic==0.74.0` into a throwaway venv and
runs `surface_describe.py` there); here `surface_describe.py` runs in a fresh interpreter of this workspace and `surface_compare.py` lists
every difference. Only differences explained in `surface_allowlist.py` (and documented in docs/compatibility.md) may remain.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from surface_allowlist import ALLOWED, allowed_by
from surface_compare import compare

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
OFFICIAL = json.loads((HERE / "official-0.74.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ours(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("surface") / "ours.json"
    subprocess.run(
        [sys.executable, str(HERE / "surface_describe.py"), str(out)],
        check=True,
        timeout=300,
        cwd=tmp_path_factory.getbasetemp(),
        env={"PATH": "", "ANTHROPIC_API_KEY": "", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_official_module_path_imports(ours: dict[str, Any]) -> None:
    missing = sorted(set(OFFICIAL["modules"]) - set(ours["modules"]))
    assert missing == [], {path: ours["import_errors"].get(path, "no such module") for path in missing}


def test_surface_matches_official_snapshot(ours: dict[str, Any]) -> None:
    unexplained = [f"{key}\t{detail}" for key, detail in compare(OFFICIAL, ours) if allowed_by(key) is None]
    assert unexplained == [], "\n".join(unexplained[:60])


def test_allow_list_has_no_stale_entries(ours: dict[str, Any]) -> None:
    used = {allowed_by(key) for key, _ in compare(OFFICIAL, ours)}
    assert [entry["id"] for entry in ALLOWED if entry["id"] not in used] == []


def test_allow_list_is_documented() -> None:
    text = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    assert [entry["id"] for entry in ALLOWED if f"`{entry['id']}`" not in text] == []


def test_snapshot_is_of_the_official_release() -> None:
    assert OFFICIAL["version"] == "0.74.0"
    assert OFFICIAL["import_errors"] == {}
    assert len(OFFICIAL["modules"]) > 350  # every per-type module path, resources and lib modules
