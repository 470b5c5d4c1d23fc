#!/usr/bin/env bash
# Release checks: versions agree, every package's release dry run passes (build, twine check, smoke install, its
# tests against the installed files), and the release tests (the README's Install section in a fresh venv; a plugin
# next to the official anthropic==0.74.0). Needs PyPI through pip/uv (cached after the first run).
#
# Usage: .ci/release-check.sh [python]    (default: the lowest supported Python, 3.10, for the smoke venvs)
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
export PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH VIRTUAL_ENV PYTEST_ADDOPTS ANTHROPIC_PLUGINS_AUTOLOAD ANTHROPIC_PLUGINS_ALLOW ANTHROPIC_PLUGINS_BLOCK

find_python() {  # find_python 3.10 -> path of an installed interpreter of that minor version
    local minor="$1" candidate
    for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$minor".*/bin/python"$minor"; do
        if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    uv python find "$minor" 2>/dev/null
}
python="${1:-$(find_python 3.10 || true)}"
if [ -z "$python" ] || [ ! -x "$python" ]; then
    echo "release-check.sh: no Python interpreter (give one as the first argument)" >&2
    exit 1
fi

echo "== versions agree"
uv run --frozen python scripts/check_versions.py

for package in core bedrock vertex foundry tools otel; do
    echo "== release dry run: $package"
    uv run --frozen python scripts/release.py "$package" next --dry-run --python "$python" >"${TMPDIR:-/tmp}/release-$package.log" 2>&1 || {
        cat "${TMPDIR:-/tmp}/release-$package.log"
        exit 1
    }
    tail -n 3 "${TMPDIR:-/tmp}/release-$package.log"
done

echo "== release tests (README install, pairing with the official package)"
RUN_RELEASE_TESTS=1 uv run --frozen pytest tests/release -q -p no:cacheprovider

echo "== release checks passed"
