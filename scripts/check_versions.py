"""Check every package's version and release metadata agree (CI runs it; exit status 1 lists every problem).

    python scripts/check_versions.py

Per package (`packages/*`):
- one source for the version: pyproject declares `dynamic = ["version"]` and `[tool.hatch.version] path` names the
  module holding `__version__` (no static `version =`);
- the CHANGELOG's first version heading (after an optional `## Unreleased`) is that version:
  `## 1.2.3 (unreleased)` while being prepared, `## 1.2.3 (YYYY-MM-DD)` once released;
- LICENSE: the package's copy equals the repository's, and pyproject lists it in `license-files`;
- project URLs are declared, and the README (the package's index page) has no relative links;
- plugins accept the workspace core's version and refuse the official `anthropic` versions that exist around it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
VERSION_LINE = re.compile(r'^__version__\s*=\s*["\']([^"\']+)["\']', re.M)
HEADING = re.compile(r"^## +(.+?)\s*$", re.M)
RELEASED = re.compile(r"^(?P<version>\S+) \((?P<date>\d{4}-\d{2}-\d{2})\)$")
PREPARED = re.compile(r"^(?P<version>\S+) \(unreleased\)$")
RELATIVE_LINK = re.compile(r"\]\((?!https?://|#|mailto:)([^)]+)\)")
# Versions of the official package a plugin must never pair with (they have no plugin API): the ones nearest ours.
OFFICIAL_NEIGHBOURS = ("0.74.0", "0.74.1", "0.75.0", "1.0.0")


def read_pyproject(package: Path) -> dict:
    return tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))


def version_file(package: Path, pyproject: dict | None = None) -> Path:
    """The module holding `__version__`, as the build backend reads it."""
    pyproject = pyproject or read_pyproject(package)
    return package / pyproject["tool"]["hatch"]["version"]["path"]


def read_version(package: Path) -> str:
    match = VERSION_LINE.search(version_file(package).read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"no __version__ in {version_file(package)}")
    return match.group(1)


def changelog_head(package: Path) -> tuple[str | None, str | None]:
    """(version, date or 'unreleased') of the first version heading, skipping `## Unreleased`."""
    for heading in HEADING.findall((package / "CHANGELOG.md").read_text(encoding="utf-8")):
        if heading.lower() == "unreleased":
            continue
        match = RELEASED.match(heading) or PREPARED.match(heading)
        if match is None:
            return heading, None
        return match["version"], match.groupdict().get("date") or "unreleased"
    return None, None


def check_package(package: Path, core_version: str | None) -> list[str]:
    problems: list[str] = []
    name = package.name
    pyproject = read_pyproject(package)
    project = pyproject["project"]
    if "version" in project or "version" not in project.get("dynamic", []):
        problems.append(f"{name}: pyproject must declare dynamic = [\"version\"] (the version lives in the module)")
    try:
        version = read_version(package)
        Version(version)
    except (KeyError, ValueError, InvalidVersion) as err:
        return [*problems, f"{name}: version source: {err!r}"]
    head, state = changelog_head(package)
    if head != version:
        problems.append(f"{name}: CHANGELOG head is {head!r}, __version__ is {version!r}")
    elif state is None:
        problems.append(f"{name}: CHANGELOG heading for {version} must end in (unreleased) or (YYYY-MM-DD)")
    root_license = (ROOT / "LICENSE").read_bytes()
    if not (package / "LICENSE").is_file() or (package / "LICENSE").read_bytes() != root_license:
        problems.append(f"{name}: LICENSE missing or different from the repository's (cp LICENSE {package.relative_to(ROOT)}/)")
    if project.get("license-files") != ["LICENSE"]:
        problems.append(f"{name}: pyproject must have license-files = [\"LICENSE\"]")
    if not {"Homepage", "Repository", "Changelog"} <= set(project.get("urls", {})):
        problems.append(f"{name}: project.urls needs Homepage, Repository and Changelog")
    readme = (package / project.get("readme", "README.md")).read_text(encoding="utf-8")
    for link in RELATIVE_LINK.findall(readme):
        problems.append(f"{name}: README has a relative link {link!r} (broken on the index page; use an absolute URL)")
    if project["name"] != "anthropic" and core_version is not None:
        cores = [Requirement(r) for r in project.get("dependencies", []) if Requirement(r).name == "anthropic"]
        if len(cores) != 1:
            problems.append(f"{name}: must depend on anthropic exactly once")
        else:
            spec = cores[0].specifier
            if not spec.contains(core_version, prereleases=True):
                problems.append(f"{name}: requires anthropic{spec}, which refuses the workspace core {core_version}")
            official = [v for v in OFFICIAL_NEIGHBOURS if spec.contains(v, prereleases=True)]
            if official:
                problems.append(f"{name}: anthropic{spec} accepts official versions {official} (silent pairing)")
    return problems


def main() -> int:
    packages = sorted(p.parent for p in (ROOT / "packages").glob("*/pyproject.toml"))
    core = ROOT / "packages" / "core"
    try:
        core_version: str | None = read_version(core)
    except (KeyError, ValueError):
        core_version = None
    problems = [problem for package in packages for problem in check_package(package, core_version)]
    for package in packages:
        if not problems:
            print(f"  {package.name:<8} {read_version(package):<14} changelog: {changelog_head(package)[1]}")
    if problems:
        print("Version check failed:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"Versions agree for {len(packages)} packages.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
