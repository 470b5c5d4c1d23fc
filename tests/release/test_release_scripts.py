"""The release scripts' logic, fast and offline: changelog dating, next versions, the version-agreement check on
this repository and on a broken copy of it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from _release_helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_versions
import release

CHANGELOG = """# Changelog: x

## Unreleased

- fix B

## 0.2.0 (unreleased)

- feature A

## 0.1.0 (2025-01-01)

- first
"""


def test_release_changelog_merges_unreleased_into_the_prepared_version() -> None:
    out = release.release_changelog(CHANGELOG, "0.2.0", "2026-02-03")
    assert out == (
        "# Changelog: x\n\n## 0.2.0 (2026-02-03)\n\n- fix B\n\n- feature A\n\n## 0.1.0 (2025-01-01)\n\n- first\n"
    )


def test_release_changelog_dates_unreleased_under_a_new_version() -> None:
    text = CHANGELOG.replace("## 0.2.0 (unreleased)\n\n- feature A\n\n", "")
    out = release.release_changelog(text, "0.1.1", "2026-02-03")
    assert out.startswith("# Changelog: x\n\n## 0.1.1 (2026-02-03)\n\n- fix B\n\n## 0.1.0 (2025-01-01)")


@pytest.mark.parametrize(
    "text",
    [
        "# C\n\n## 0.1.0 (2025-01-01)\n\n- first\n",  # nothing unreleased
        "# C\n\n## Unreleased\n\n## 0.1.0 (2025-01-01)\n\n- first\n",  # an empty section
    ],
)
def test_release_changelog_refuses_nothing_to_release(text: str) -> None:
    with pytest.raises(SystemExit):
        release.release_changelog(text, "0.1.1", "2026-02-03")


def test_next_versions() -> None:
    assert release.next_version("0.74.0.post1", prepared=True, is_core=True) == "0.74.0.post1"
    assert release.next_version("0.74.0.post1", prepared=False, is_core=True) == "0.74.0.post2"
    assert release.next_version("0.1.0", prepared=False, is_core=False) == "0.1.1"


def test_check_versions_passes_on_this_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_versions.main() == 0, capsys.readouterr().err


def test_check_versions_catches_disagreement(tmp_path: Path) -> None:
    package = tmp_path / "packages" / "bedrock"
    shutil.copytree(ROOT / "packages" / "bedrock", package, ignore=shutil.ignore_patterns("__pycache__"))
    assert check_versions.check_package(package, "0.74.0.post1") == []
    init = check_versions.version_file(package)
    init.write_text(init.read_text().replace(f'__version__ = "{check_versions.read_version(package)}"', '__version__ = "9.9.9"'))
    (package / "README.md").write_text("see [docs](../../docs/x.md)\n")
    problems = check_versions.check_package(package, "0.75.0.post1")
    assert any("CHANGELOG head" in p and "9.9.9" in p for p in problems), problems
    assert any("relative link" in p for p in problems), problems
    assert any("refuses the workspace core 0.75.0.post1" in p for p in problems), problems
