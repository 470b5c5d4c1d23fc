"""docs/plugins.md runs as written: every Python block runs in a fresh interpreter (as a reader would run it), the
files it shows are the files of examples/third_party_plugin/, and an output it shows is what the block prints.

Conventions of the page: `<!-- file: PATH -->` before a block says the block is that file, whole; `<!-- output -->`
and a `text` block after a Python block give its exact output; a block starting with `# not run` is not run (few).
The relay plugin is "installed" for the blocks as pip would: its source on the path, its entry point in a
`.dist-info` folder, autoload on, and only it allowed (ANTHROPIC_PLUGINS_ALLOW=relay).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "plugins.md"
EXAMPLE = ROOT / "examples" / "third_party_plugin"

_BLOCK = re.compile(
    r"(?:<!-- file: (?P<file>\S+) -->\n)?```(?P<lang>\w*)\n(?P<code>.*?)```\n"
    r"(?:<!-- output -->\n```text\n(?P<output>.*?)```\n)?",
    re.S,
)


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    code: str
    file: str | None
    output: str | None

    @property
    def id(self) -> str:
        return f"line{self.line}" + (f"-{Path(self.file).name}" if self.file else "")

    @property
    def is_test_file(self) -> bool:
        return self.file is not None and Path(self.file).parent.name == "tests"


def _blocks() -> list[Block]:
    text = DOC.read_text(encoding="utf-8")
    return [
        Block(text.count("\n", 0, m.start("code")) + 1, m["lang"], m["code"], m["file"], m["output"])
        for m in _BLOCK.finditer(text)
    ]


BLOCKS = _blocks()
PYTHON = [b for b in BLOCKS if b.lang == "python" and not b.code.startswith("# not run")]
NOT_RUN = [b for b in BLOCKS if b.lang == "python" and b.code.startswith("# not run")]
FILES = [b for b in BLOCKS if b.file is not None]
SCRIPTS = [b for b in PYTHON if not b.is_test_file]
TEST_FILES = [b for b in PYTHON if b.is_test_file]


def _project_facts() -> tuple[str, str, str]:
    """Distribution name, version and the `anthropic.plugins` entry-point lines of the example's pyproject.toml."""
    text = (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")
    name = re.search(r'^name = "([^"]+)"', text, re.M)
    version = re.search(r'^version = "([^"]+)"', text, re.M)
    group = re.search(r'^\[project\.entry-points\."anthropic\.plugins"\]\n((?:[^\[\n].*\n)+)', text, re.M)
    assert name and version and group, "the example's pyproject.toml lacks its name, version or entry point"
    lines = [line.replace('"', "") for line in group.group(1).splitlines() if "=" in line]
    return name.group(1), version.group(1), "[anthropic.plugins]\n" + "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that makes the example look installed: its distribution metadata with the entry point."""
    name, version, entry_points = _project_facts()
    info = tmp_path_factory.mktemp("site") / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    return info.parent


def _env(site: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "PYTEST_", "PYTHONPATH"))}
    env["PYTHONPATH"] = os.pathsep.join([str(EXAMPLE / "src"), str(site)])
    env["ANTHROPIC_PLUGINS_ALLOW"] = "relay"
    return env


def _run(command: list[str], cwd: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=_env(site), capture_output=True, text=True, timeout=300)


def test_the_page_walks_through_every_file_of_the_example() -> None:
    """Every source file, the packaging and the test setup; the page may leave out some test modules."""
    shown = {b.file for b in FILES}
    files = {str(p.relative_to(ROOT)) for p in (EXAMPLE / "src").rglob("*.py")} | {
        str((EXAMPLE / name).relative_to(ROOT)) for name in ("pyproject.toml", "tests/conftest.py")
    }
    assert files, "examples/third_party_plugin has no files"
    assert files <= shown, f"files of the example the page does not show: {sorted(files - shown)}"
    assert len(SCRIPTS) >= 10 and TEST_FILES, "the page lost its runnable examples"


def test_every_name_of_the_plugin_api_is_documented() -> None:
    import anthropic.plugins

    text = DOC.read_text(encoding="utf-8")
    assert [name for name in anthropic.plugins.__all__ if f"`{name}" not in text] == []


def test_few_blocks_are_left_unrun() -> None:
    assert len(NOT_RUN) <= 2, [b.id for b in NOT_RUN]


@pytest.mark.parametrize("block", FILES, ids=[b.id for b in FILES])
def test_a_shown_file_is_the_example_file(block: Block) -> None:
    assert block.file is not None
    path = ROOT / block.file
    assert path.is_file(), f"{block.file} (docs/plugins.md line {block.line}) does not exist"
    assert block.code == path.read_text(encoding="utf-8"), f"docs/plugins.md line {block.line} differs from {block.file}"


@pytest.mark.parametrize("block", SCRIPTS, ids=[b.id for b in SCRIPTS])
def test_a_python_block_runs_as_written(block: Block, site: Path, tmp_path: Path) -> None:
    script = tmp_path / f"doc_block_line{block.line}.py"
    script.write_text(block.code, encoding="utf-8")
    result = _run([sys.executable, str(script)], tmp_path, site)
    assert result.returncode == 0, f"docs/plugins.md line {block.line} failed:\n{result.stdout}\n{result.stderr}"
    if block.output is not None:
        assert result.stdout == block.output, f"docs/plugins.md line {block.line} printed:\n{result.stdout}"


def test_the_example_suite_passes(site: Path, tmp_path: Path) -> None:
    """The example's own tests, from a copy, against the relay "installed" as above: the test files the page shows
    (equal to the example's, checked above) and the others, so the page's test blocks run here."""
    assert TEST_FILES and all(EXAMPLE / "tests" in (ROOT / str(b.file)).parents for b in TEST_FILES)
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__", "src"))
    result = _run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], copy, site)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    passed = re.search(r"(\d+) passed", result.stdout)
    assert passed and int(passed.group(1)) >= 20 and "failed" not in result.stdout, result.stdout  # 16 conformance
