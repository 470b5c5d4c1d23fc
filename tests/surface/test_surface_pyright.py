"""Type checkers see every 0.74.0 module path and name: pyright checks a file that imports them all.

Run-time imports are covered by the snapshot test; this one catches paths that only an import hook or a module
`__getattr__` serves, which pyright cannot see (it then reports `reportMissingImports` / `reportAttributeAccessIssue`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from surface_allowlist import allowed_by

HERE = Path(__file__).parent
OFFICIAL = json.loads((HERE / "official-0.74.0.json").read_text(encoding="utf-8"))


def _imports() -> tuple[str, set[int]]:
    """The file, and the lines where 0.74.0 itself makes pyright report `reportPrivateImportUsage`.

    A module with `__all__` exports only those names to type checkers; importing one of its other names (they exist
    at run time) is reported the same way for 0.74.0. Names the allow list explains as missing are left out.
    """
    lines: list[str] = []
    private_in_official: set[int] = set()
    for path, module in sorted(OFFICIAL["modules"].items()):
        lines.append(f"import {path}")
        exported = module.get("__all__")
        for name, described in sorted(module["names"].items()):
            if "private_import" in described or described["kind"] in {"module", "error"}:
                continue
            if allowed_by(f"{path}:{name}") is not None:
                continue
            if exported is not None and name not in exported:
                private_in_official.add(len(lines))
            lines.append(f"from {path} import {name} as _{len(lines)}_{name}")
    return "\n".join(lines) + "\n", private_in_official


def _pyright() -> list[str]:
    found = shutil.which("pyright", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "pyright"]


def test_pyright_sees_every_official_path_and_name(tmp_path: Path) -> None:
    source, private_in_official = _imports()
    (tmp_path / "imports_everything.py").write_text(source, encoding="utf-8")
    config = {
        "include": ["imports_everything.py"],
        "pythonVersion": f"{sys.version_info.major}.{sys.version_info.minor}",
        "typeCheckingMode": "basic",
        "reportUnusedImport": False,
        "venvPath": str(Path(sys.prefix).parent),
        "venv": Path(sys.prefix).name,
    }
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [*_pyright(), "--outputjson"], cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False
    )
    if not result.stdout.strip():
        pytest.fail(f"pyright did not run: {result.stderr}")
    report = json.loads(result.stdout)
    errors = [
        f"line {d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
        and not (d.get("rule") == "reportPrivateImportUsage" and d["range"]["start"]["line"] in private_in_official)
    ]
    assert errors == [], "\n".join(errors[:40])
    assert report["summary"]["filesAnalyzed"] == 1
