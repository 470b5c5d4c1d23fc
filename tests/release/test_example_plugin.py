"""The example third-party plugin (examples/third_party_plugin) works as a user gets it: its wheel and the core's
wheel, built with `uv build`, installed in a fresh venv (plus pytest from the index), pass the example's own tests
(the platform conformance checks included) from a copy that holds no source, so the installed files are tested."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _release_helpers import ROOT, Venv, release_only

pytestmark = [release_only, pytest.mark.timeout(1200)]

EXAMPLE = ROOT / "examples" / "third_party_plugin"


def _build(args: list[str], cwd: Path, out: Path) -> None:
    """`uv build --wheel --no-sources` (as users get wheels: no workspace sources); pip when uv is not on PATH."""
    uv = shutil.which("uv")
    if uv is not None:
        command = [uv, "build", "--wheel", "--no-sources", "-o", str(out), *args]
    else:
        target = str(ROOT / "packages" / "core") if args else "."
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), target]
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=600)


def test_example_plugin_installs_from_wheels_and_passes_its_tests(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _build(["--package", "anthropic"], ROOT, dist)
    _build([], EXAMPLE, dist)
    core = next(dist.glob("anthropic-*.whl"))
    plugin = next(dist.glob("anthropic_plugin_relay-*.whl"))

    env = Venv(tmp_path / "venv")
    env.run([str(env.python), "-m", "pip", "install", "--quiet", str(core), str(plugin), "pytest"], cwd=tmp_path)

    # The installed files, not the checkout's: the plugin is found through its entry point and is loaded.
    probe = env.python_c(
        "import sys, anthropic, anthropic_plugin_relay\n"
        "from anthropic import AnthropicRelay\n"
        "assert anthropic_plugin_relay.__file__.startswith(sys.prefix), anthropic_plugin_relay.__file__\n"
        "assert anthropic.__file__.startswith(sys.prefix), anthropic.__file__\n"
        "print(AnthropicRelay.__module__, anthropic.__version__)",
        cwd=tmp_path,
    )
    module, version = probe.stdout.split()
    assert module == "anthropic_plugin_relay.client"
    assert ".post" in version, version  # this project's core, never the index's official package
    listing = env.run([str(env.python), "-m", "anthropic", "plugins"], cwd=tmp_path).stdout
    loaded = listing.partition("Installed but not loaded")[0]
    assert "(anthropic-plugin-relay 0.1.0)" in loaded and re.search(r"Platforms: .*\brelay\b", listing), listing

    # The example's tests, from a copy without its sources.
    project = tmp_path / "project"
    shutil.copytree(EXAMPLE / "tests", project / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(EXAMPLE / "pyproject.toml", project / "pyproject.toml")
    result = env.run([str(env.python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=project, check=False)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 20, result.stdout
