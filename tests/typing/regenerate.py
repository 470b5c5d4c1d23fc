"""Recreate `expected_errors.json`: the errors pyright reports on `snippets/` with the OFFICIAL anthropic 0.74.0.

Run from anywhere: `uv run --frozen python tests/typing/regenerate.py` (needs PyPI through uv). It builds a
throwaway venv in a temp dir outside the workspace, installs `anthropic[bedrock,vertex]==0.74.0` and the
pyright version of this workspace, runs one pyright over the snippets with that venv and writes the result.

The parity test (`test_typing_parity.py`) imports `run_pyright` from here, so both sides are collected the same way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "pyrightconfig.json"
SNIPPETS = HERE / "snippets"
EXPECTED = HERE / "expected_errors.json"
OFFICIAL = "anthropic[bedrock,vertex]==0.74.0"
MARKER = "# expect-error"

Errors = dict[str, list[tuple[int, str]]]


def run_pyright(python: str, *, pyright_python: str | None = None, timeout: float = 85) -> Errors:
    """One pyright run over `snippets/` resolving imports from `python`'s environment.

    Returns, per snippet file (relative to this folder), the sorted unique `(line, rule)` of its errors; lines
    are 1-based, errors without a rule have rule `""`. Messages are not compared: they name private classes.
    """
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [pyright_python or sys.executable, "-m", "pyright", "--outputjson", "-p", str(CONFIG)]
    command += ["--pythonpath", python]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, cwd=HERE)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        message = f"pyright failed (exit {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        raise RuntimeError(message) from exc
    errors: Errors = {snippet_name(path): [] for path in sorted(SNIPPETS.glob("*.py"))}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] != "error":
            continue
        path = Path(diagnostic["file"]).resolve()
        if path.parent != SNIPPETS:
            continue
        entry = (diagnostic["range"]["start"]["line"] + 1, diagnostic.get("rule", ""))
        errors.setdefault(snippet_name(path), []).append(entry)
    return {name: sorted(set(found)) for name, found in errors.items()}


def snippet_name(path: Path) -> str:
    return path.relative_to(HERE).as_posix()


def marked_lines() -> dict[str, list[int]]:
    """Lines that carry the `# expect-error` marker, per snippet file."""
    marked: dict[str, list[int]] = {}
    for path in sorted(SNIPPETS.glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        marked[snippet_name(path)] = [n for n, line in enumerate(lines, 1) if MARKER in line]
    return marked


def load_expected() -> tuple[dict[str, str], Errors]:
    data = json.loads(EXPECTED.read_text(encoding="utf-8"))
    files = {name: [(line, rule) for line, rule in entries] for name, entries in data["files"].items()}
    return data["versions"], files


def main() -> None:
    pyright_version = version("pyright")
    with tempfile.TemporaryDirectory(prefix="anthropic-typing-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run(["uv", "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
        python = str(venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python"))
        install = ["uv", "pip", "install", "--quiet", "--python", python, OFFICIAL, f"pyright=={pyright_version}"]
        subprocess.run(install, check=True)
        errors = run_pyright(python, pyright_python=python, timeout=600)
    unflagged = [
        f"{name}:{line}"
        for name, lines in marked_lines().items()
        for line in lines
        if line not in {found for found, _ in errors.get(name, [])}
    ]
    data = {
        "_comment": "Errors (1-based line, pyright rule) on snippets/ with the official package; regenerate.py writes it.",
        "versions": {"anthropic": "0.74.0", "pyright": pyright_version},
        "files": {name: [list(entry) for entry in entries] for name, entries in sorted(errors.items())},
    }
    EXPECTED.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED} ({sum(map(len, errors.values()))} errors)")
    if unflagged:
        print("marked lines the official package does NOT flag:", ", ".join(unflagged))


if __name__ == "__main__":
    main()
