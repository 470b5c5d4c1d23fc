"""Helpers of the release tests: fresh venvs with real pip, this checkout's wheels. The tests need PyPI (through
pip) and minutes, so they run only with RUN_RELEASE_TESTS=1 (`.ci/release-check.sh` sets it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
release_only = pytest.mark.skipif(
    os.environ.get("RUN_RELEASE_TESTS") != "1", reason="release tests run only with RUN_RELEASE_TESTS=1 (.ci/release-check.sh)"
)


class Venv:
    """A fresh venv with pip, as a user makes one; commands run with its bin/ first on PATH."""

    def __init__(self, path: Path) -> None:
        venv.EnvBuilder(with_pip=True, clear=True).create(path)
        self.path = path
        self.bin = path / "bin"
        self.python = self.bin / "python"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "PYTHON", "VIRTUAL_ENV", "UV_"))},
            "PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}",
            "VIRTUAL_ENV": str(path),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        }

    def run(self, command: str | list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        shell = isinstance(command, str)
        result = subprocess.run(command, cwd=cwd, env=self.env, shell=shell, capture_output=True, text=True, timeout=600)
        if check and result.returncode != 0:
            raise AssertionError(f"{command!r} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def python_c(self, code: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run([str(self.python), "-c", code], cwd=cwd, check=check)


def build_wheelhouse(out: Path) -> Path:
    """This checkout's wheels and constraints (scripts/wheelhouse.py) in out."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "wheelhouse.py"), str(out)], check=True, cwd=ROOT)
    return out


def copy_checkout(dest: Path) -> Path:
    """The working tree as a user's checkout (tracked and untracked files, minus ignored ones)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest
