"""Regenerate `official-0.74.0.json` from the official wheel, the oracle of the surface test.

It creates a throwaway venv outside the workspace, installs `anthropic[bedrock,vertex]==0.74.0` from the package
index (the extras make `anthropic.lib.bedrock`/`vertex` importable), runs `surface_describe.py` there and writes the
snapshot beside this file. Needs `uv` and the package index; takes under a minute.

    uv run --frozen python tests/surface/regenerate.py [--version 0.74.0]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="0.74.0")
    parser.add_argument("--python", default=f"{sys.version_info.major}.{sys.version_info.minor}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="anthropic-official-") as work:
        venv = Path(work) / "venv"
        env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH"}}
        subprocess.run(["uv", "venv", "--quiet", "--python", args.python, str(venv)], check=True, env=env, cwd=work)
        python = venv / "bin" / "python"
        subprocess.run(
            ["uv", "pip", "install", "--quiet", "--python", str(python), f"anthropic[bedrock,vertex]=={args.version}"],
            check=True,
            env=env,
            cwd=work,  # outside the workspace: uv must not pick up its sources
        )
        out = HERE / f"official-{args.version}.json"
        subprocess.run([str(python), str(HERE / "surface_describe.py"), str(out)], check=True, env=env, cwd=work)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
