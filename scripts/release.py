"""Release one package: bump, date the changelog, lock, build, check, smoke-install, test, print the tag.

    uv run --frozen python scripts/release.py PACKAGE VERSION [--dry-run] [--skip-tests] [--python PY]

PACKAGE is a folder under packages/ (`core`, `bedrock`, ...) or a distribution name (`anthropic-plugin-bedrock`).
VERSION is the new version, or `next`: the prepared version when the changelog head is `(unreleased)`, else the
next bugfix number (`0.74.0.post1` -> `0.74.0.post2` for the core, `0.1.0` -> `0.1.1` for a plugin).

--dry-run does everything in a temporary copy of the working tree and leaves the repository untouched (CI runs
it for every package). Without it the version, changelog and uv.lock are edited in place and the sdist and wheel
land in dist/<distribution>-<version>/; nothing is committed, tagged or published (RELEASING.md has the rest).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

from packaging.version import Version

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_versions  # a sibling script, importable once its folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent
TEST_TOOLS = ("pytest", "pytest-timeout", "hypothesis")
# What a package's own tests need beyond the test tools (kept in step with PLUGIN_TEST_DEPS in .ci/packages.sh).
PACKAGE_TEST_DEPS = {"otel": ("opentelemetry-sdk",)}


def log(message: str) -> None:
    print(f"release: {message}", flush=True)


def run(cmd: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    log("$ " + " ".join(arg if "\n" not in arg else "<script>" for arg in cmd))
    return subprocess.run(cmd, cwd=cwd, check=True, text=True, **kwargs)  # type: ignore[call-overload]


# -- the package and its version ----------------------------------------------------------------------------------


def find_package(root: Path, name: str) -> Path:
    for package in sorted(p.parent for p in (root / "packages").glob("*/pyproject.toml")):
        if name in (package.name, check_versions.read_pyproject(package)["project"]["name"]):
            return package
    raise SystemExit(f"release: no package {name!r} under {root / 'packages'}")


def next_version(current: str, prepared: bool, is_core: bool) -> str:
    if prepared:
        return current
    v = Version(current)
    if is_core:
        return f"{v.base_version}.post{(v.post or 0) + 1}"
    major, minor, micro = (list(v.release) + [0, 0])[:3]
    return f"{major}.{minor}.{micro + 1}"


def check_new_version(package: Path, new: str, is_core: bool) -> None:
    current = check_versions.read_version(package)
    _, state = check_versions.changelog_head(package)
    if Version(new) < Version(current) or (Version(new) == Version(current) and state != "unreleased"):
        raise SystemExit(f"release: {new} is not after the released {current}")
    if is_core and Version(new).post is None:
        raise SystemExit(f"release: core versions are <official API version>.postN (RELEASING.md), not {new}")
    if str(Version(new)) != new:
        raise SystemExit(f"release: write the version in normal form: {Version(new)}")


def set_version(package: Path, new: str) -> None:
    path = check_versions.version_file(package)
    text = path.read_text(encoding="utf-8")
    updated, count = check_versions.VERSION_LINE.subn(f'__version__ = "{new}"', text, count=1)
    if count != 1:
        raise SystemExit(f"release: no __version__ line in {path}")
    path.write_text(updated, encoding="utf-8")


def release_changelog(text: str, version: str, date: str) -> str:
    """Turn `## Unreleased` and/or `## <version> (unreleased)` at the top into one `## <version> (<date>)` section."""
    headings = list(check_versions.HEADING.finditer(text))
    if not headings:
        raise SystemExit("release: the changelog has no ## headings")
    taken: list[re.Match[str]] = []
    for match in headings[:2]:
        title = match.group(1)
        if title.lower() == "unreleased" and not taken:
            taken.append(match)
        elif title == f"{version} (unreleased)":
            taken.append(match)
            break
        else:
            break
    if not taken:
        raise SystemExit(f"release: the changelog has neither '## Unreleased' nor '## {version} (unreleased)' on top")
    end_index = headings.index(taken[-1]) + 1
    end = headings[end_index].start() if end_index < len(headings) else len(text)
    bodies = []
    for i, match in enumerate(taken):
        stop = taken[i + 1].start() if i + 1 < len(taken) else end
        body = text[match.end() : stop].strip("\n")
        if body.strip():
            bodies.append(body)
    if not bodies:
        raise SystemExit(f"release: nothing to release, the changelog section for {version} is empty")
    section = f"## {version} ({date})\n\n" + "\n\n".join(bodies) + "\n\n"
    return text[: taken[0].start()] + section + text[end:]


# -- the working copy ---------------------------------------------------------------------------------------------


def copy_tree(root: Path, dest: Path) -> None:
    """The working tree as it is (tracked and untracked files, minus ignored ones) into dest."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root, check=True, capture_output=True,
        ).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        ignore = shutil.ignore_patterns(".git", ".venv*", "dist", "build", "__pycache__", "*.pyc", ".*_cache")
        shutil.copytree(root, dest, ignore=ignore, dirs_exist_ok=True)
        return
    for name in filter(None, listed):
        source = root / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


# -- build and check ----------------------------------------------------------------------------------------------


def build(work: Path, distribution: str, out: Path) -> tuple[Path, Path]:
    run(["uv", "build", "--package", distribution, "--no-sources", "-o", str(out)], cwd=work)
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise SystemExit(f"release: expected one wheel and one sdist in {out}")
    return wheels[0], sdists[0]


def check_artifacts(package: Path, wheel: Path, sdist: Path, version: str, scratch: Path) -> None:
    """Version, LICENSE and `__version__` inside both files; `twine check --strict`; the sdist builds a wheel."""
    problems = []
    module = check_versions.version_file(package).relative_to(package / "src").as_posix()
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        if f"\nVersion: {version}\n" not in zf.read(metadata).decode():
            problems.append(f"{wheel.name}: METADATA version is not {version}")
        if not any(n.endswith(".dist-info/licenses/LICENSE") for n in names):
            problems.append(f"{wheel.name}: no LICENSE")
        if f'__version__ = "{version}"' not in zf.read(module).decode():
            problems.append(f"{wheel.name}: {module} does not say __version__ = {version!r}")
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[-1] for m in tf.getmembers()}
        if "LICENSE" not in members:
            problems.append(f"{sdist.name}: no LICENSE")
        for needed in ("PKG-INFO", "pyproject.toml", "README.md", f"src/{module}"):
            if needed not in members:
                problems.append(f"{sdist.name}: no {needed}")
    if problems:
        raise SystemExit("release: bad artifacts:\n  " + "\n  ".join(problems))
    run(["uvx", "--quiet", "twine", "check", "--strict", str(wheel), str(sdist)], cwd=scratch)
    run(["uv", "build", "--wheel", "--quiet", "-o", str(scratch / "from-sdist"), str(sdist)], cwd=scratch)


# -- smoke install and tests --------------------------------------------------------------------------------------


def smoke_install(
    work: Path, scratch: Path, files: list[Path], python: str, with_tests: bool, test_deps: tuple[str, ...] = ()
) -> Path:
    """A fresh venv with the built files (and the test tools), dependencies pinned to uv.lock; returns its python."""
    constraints = scratch / "constraints.txt"
    exported = run(
        ["uv", "export", "--frozen", "--all-packages", "--all-groups", "--no-hashes", "--no-header", "--no-annotate",
         "--no-emit-workspace", "--no-emit-package", "anthropic-plugin-example"],
        cwd=work, capture_output=True,
    ).stdout
    constraints.write_text(exported, encoding="utf-8")
    venv = scratch / "venv"
    run(["uv", "venv", "--quiet", "--python", python, str(venv)], cwd=scratch)
    venv_python = venv / "bin" / "python"
    extras = [str(work / "tests" / "example_plugin"), *TEST_TOOLS, *test_deps] if with_tests else []
    run(
        ["uv", "pip", "install", "--quiet", "--python", str(venv_python), "--no-sources", "--constraints",
         str(constraints), "--refresh-package", "anthropic-plugin-example", *map(str, files), *extras],
        cwd=scratch,
    )
    return venv_python


SMOKE = """
import json, sys, importlib, subprocess
import anthropic
dist, module, version, venv = sys.argv[1:5]
assert anthropic.__file__.startswith(venv), f"anthropic comes from {anthropic.__file__}, not the venv"
from anthropic.plugin_api import PLUGIN_API_VERSION
mod = importlib.import_module(module)
assert mod.__version__ == version, (mod.__version__, version)
from importlib.metadata import version as installed
assert installed(dist) == version, (installed(dist), version)
listing = subprocess.run([sys.executable, "-m", "anthropic", "plugins"], capture_output=True, text=True, check=True)
if dist != "anthropic":
    assert f"({dist} {version})" in listing.stdout.partition("Installed but not loaded")[0], listing.stdout
print(json.dumps({"anthropic": anthropic.__version__, dist: version, "plugin_api": PLUGIN_API_VERSION}))
"""


def smoke_check(venv_python: Path, distribution: str, module: str, version: str, scratch: Path) -> None:
    env_root = str(venv_python.parent.parent)
    out = run([str(venv_python), "-c", SMOKE, distribution, module, version, env_root], cwd=scratch, capture_output=True)
    log(f"smoke import ok: {json.loads(out.stdout)}")


def run_tests(work: Path, venv_python: Path, package: Path) -> None:
    tests = work / "tests" / package.name
    if not tests.is_dir():
        log(f"no tests at {tests}")
        return
    pytest = venv_python.parent / "pytest"
    run([str(pytest), "-q", "-p", "no:cacheprovider", "--rootdir", str(work), "-c", str(work / "pyproject.toml"),
         str(tests)], cwd=work)


# -- main ---------------------------------------------------------------------------------------------------------


def release(args: argparse.Namespace) -> str:
    source = find_package(ROOT, args.package)
    is_core = source.name == "core"
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        scratch = Path(tmp)
        if args.dry_run:
            work = scratch / "repo"
            copy_tree(ROOT, work)
            log(f"dry run in a copy of the working tree: {work}")
        else:
            work = ROOT
        package = work / source.relative_to(ROOT)
        distribution = check_versions.read_pyproject(package)["project"]["name"]
        current = check_versions.read_version(package)
        prepared = check_versions.changelog_head(package) == (current, "unreleased")
        version = next_version(current, prepared, is_core) if args.version == "next" else args.version
        check_new_version(package, version, is_core)
        log(f"{distribution}: {current} -> {version}")

        set_version(package, version)
        changelog = package / "CHANGELOG.md"
        changelog.write_text(
            release_changelog(changelog.read_text(encoding="utf-8"), version, datetime.date.today().isoformat()),
            encoding="utf-8",
        )
        run(["uv", "lock"], cwd=work)
        run([sys.executable, str(work / "scripts" / "check_versions.py")], cwd=work)

        out = work / "dist" / f"{distribution}-{version}"
        if out.exists():
            shutil.rmtree(out)
        wheel, sdist = build(work, distribution, out)
        check_artifacts(package, wheel, sdist, version, scratch)
        files = [wheel]
        if not is_core:  # the core from its own wheel, built from the same tree, never from an index
            core_out = scratch / "core-wheel"
            run(["uv", "build", "--package", "anthropic", "--wheel", "--no-sources", "-o", str(core_out)], cwd=work)
            files += sorted(core_out.glob("*.whl"))
        venv_python = smoke_install(
            work, scratch, files, args.python, with_tests=not args.skip_tests,
            test_deps=PACKAGE_TEST_DEPS.get(package.name, ()),
        )  # fmt: skip
        module = check_versions.version_file(package).relative_to(package / "src").parts[0]
        smoke_check(venv_python, distribution, module, version, scratch)
        if not args.skip_tests:
            run_tests(work, venv_python, package)
        tag = f"{distribution}-v{version}"
        if args.dry_run:
            log(f"dry run passed for {distribution} {version} (repository untouched); the tag would be {tag}")
        else:
            log(f"built {wheel.name} and {sdist.name} in {out.relative_to(ROOT)}")
            print(
                "\nNext (see RELEASING.md):\n"
                f"  git add -A packages/{source.name} uv.lock && git commit -m 'Release {distribution} {version}'\n"
                f"  git tag -a {tag} -m '{distribution} {version}' && git push origin {tag}\n"
                f"  uv publish --publish-url <your index> {out.relative_to(ROOT)}/*\n"
            )
        print(f"TAG {tag}")
        return tag


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", help="core, bedrock, vertex, foundry, tools, otel, or a distribution name")
    parser.add_argument("version", help="the new version, or 'next'")
    parser.add_argument("--dry-run", action="store_true", help="work in a temporary copy; change nothing")
    parser.add_argument("--skip-tests", action="store_true", help="skip running the package's tests on the install")
    parser.add_argument("--python", default=sys.executable, help="interpreter of the smoke-install venv")
    try:
        release(parser.parse_args(argv))
    except subprocess.CalledProcessError as err:
        command = " ".join(arg if "\n" not in arg else "<script>" for arg in err.cmd)
        print(f"release: FAILED (exit {err.returncode}): {command}", file=sys.stderr)
        if err.stderr:
            print(err.stderr, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
