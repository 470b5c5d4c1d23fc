"""Build a wheelhouse: one wheel per package of this repository, plus `constraints.txt` pinning their versions.

    python scripts/wheelhouse.py [OUT]        (default: dist)

Then `pip install --find-links OUT -c OUT/constraints.txt "anthropic[bedrock]"` installs this project's core and
plugins. The constraints file is what makes pip take our `anthropic` from OUT instead of the index's official
package (which has higher version numbers). Needs only Python and pip; uses uv when it is on PATH (faster).
Wheels are built as users get them: without the workspace's `tool.uv.sources`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WHEEL_NAME = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)-.+\.whl$")


def package_dirs(root: Path = ROOT) -> list[Path]:
    """Every package folder (`packages/*` with a pyproject.toml), core first."""
    found = sorted(p.parent for p in (root / "packages").glob("*/pyproject.toml"))
    return sorted(found, key=lambda p: p.name != "core")


def build_wheels(out: Path, root: Path = ROOT) -> list[Path]:
    """Build the wheel of every package into `out` (in a scratch folder first, so `out` only ever gets wheels)."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wheelhouse-") as scratch:
        uv = shutil.which("uv")
        if uv:
            cmd = [uv, "build", "--all-packages", "--wheel", "--no-sources", "-o", scratch]
            subprocess.run(cmd, cwd=root, check=True)
        else:
            dirs = [str(p) for p in package_dirs(root)]
            subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", scratch, *dirs], check=True)
        built = sorted(Path(scratch).glob("*.whl"))
        if len(built) != len(package_dirs(root)):
            raise SystemExit(f"expected {len(package_dirs(root))} wheels, built {[p.name for p in built]}")
        wheels = []
        for wheel in built:
            target = out / wheel.name
            shutil.copy2(wheel, target)
            wheels.append(target)
    return wheels


def write_constraints(out: Path, wheels: list[Path]) -> Path:
    """`name==version` for every wheel built (its distribution name as in the wheel's file name, normalised)."""
    lines = []
    for wheel in wheels:
        match = WHEEL_NAME.match(wheel.name)
        if match is None:
            raise SystemExit(f"not a wheel file name: {wheel.name}")
        lines.append(f"{match['name'].replace('_', '-').lower()}=={match['version']}")
    path = out / "constraints.txt"
    path.write_text(
        "# This project's packages, built by scripts/wheelhouse.py: pip takes them from this folder, never the index.\n"
        + "\n".join(sorted(lines))
        + "\n",
        encoding="utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="dist", help="wheelhouse folder (default: dist)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    wheels = build_wheels(out)
    constraints = write_constraints(out, wheels)
    print(f"Wheelhouse {out}: {', '.join(w.name for w in wheels)}; pins in {constraints.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
