#!/usr/bin/env bash
# Per-package installs: core alone, then each plugin with core and only its own dependencies, each in a fresh venv,
# installed (not editable) from the package folders, running that package's tests. The core-alone venv proves core
# imports no plugin dependency. Versions are pinned to uv.lock through constraints (which add no package).
#
# Usage: .ci/packages.sh [python]    (default: the lowest supported Python, 3.10)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
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
    echo "packages.sh: no Python interpreter (give one as the first argument)" >&2
    exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/anthropic-packages.XXXXXX")"
trap 'rm -rf "$work"' EXIT

PLUGINS=(bedrock vertex foundry tools otel)
# Workspace packages are rebuilt from their folders every time, never taken from uv's wheel cache, and installed as
# users get them: `--no-sources` ignores the workspace's `tool.uv.sources` (which would make `anthropic` editable).
REFRESH=(--refresh-package anthropic --refresh-package anthropic-plugin-example)
for plugin in "${PLUGINS[@]}"; do REFRESH+=(--refresh-package "anthropic-plugin-$plugin"); done
TEST_TOOLS=(pytest pytest-timeout hypothesis)
PYTEST=(-p no:cacheprovider --rootdir "$root" -c "$root/pyproject.toml")

uv export --frozen --all-packages --all-groups --no-hashes --no-header --no-annotate \
    --no-emit-workspace --no-emit-package anthropic-plugin-example >"$work/constraints.txt"

make_env() {  # make_env NAME FOLDER... : a fresh venv $work/NAME with those folders and the test tools
    local env="$work/$1"
    shift
    uv venv --quiet --python "$python" "$env"
    uv pip install --quiet --python "$env/bin/python" --no-sources --constraints "$work/constraints.txt" \
        "${REFRESH[@]}" "$@" "${TEST_TOOLS[@]}"
}

check_imports() {  # check_imports NAME 'importable,...' 'missing,...' : run in the venv, outside the repository
    (cd "$work" && "$work/$1/bin/python" - "$work/$1" "$2" "$3") <<'PY'
import importlib, sys
env, importable, missing = sys.argv[1], sys.argv[2], sys.argv[3]
import anthropic
assert anthropic.__file__.startswith(env), f"anthropic comes from {anthropic.__file__}, not the venv"
for name in filter(None, importable.split(",")):
    importlib.import_module(name)
for name in filter(None, missing.split(",")):
    try:
        importlib.import_module(name)
    except ImportError:
        continue
    raise SystemExit(f"{name} is importable but must not be installed here")
print(f"  imports ok: {importable or '-'}; absent: {missing}")
PY
}

run_tests() {  # run_tests NAME PATH... : the venv's pytest on those test paths, from the repository root
    local env="$work/$1"
    shift
    (cd "$root" && "$env/bin/pytest" "${PYTEST[@]}" "$@")
}

# The third-party library that only each plugin brings.
declare -A PLUGIN_DEP=([bedrock]=botocore [vertex]=google.auth [foundry]=azure.identity [tools]=docstring_parser [otel]=opentelemetry)
# What a plugin's own tests need beyond the test tools (the otel tests export to the OpenTelemetry SDK in memory).
declare -A PLUGIN_TEST_DEPS=([otel]=opentelemetry-sdk)
plugin_deps=(boto3)
plugin_modules=()
for plugin in "${PLUGINS[@]}"; do
    plugin_deps+=("${PLUGIN_DEP[$plugin]}")
    plugin_modules+=("anthropic_plugin_$plugin")
done
joined() { local IFS=,; echo "$*"; }

echo "== core alone ($("$python" -V))"
make_env core packages/core
check_imports core "anthropic,anthropic.testing,anyio" "$(joined "${plugin_deps[@]}" "${plugin_modules[@]}" anthropic_plugin_example)"
# Core works end to end without plugins: a client is built (plugin discovery included) and names the missing extra.
(cd "$work" && core/bin/python - <<'PY'
import anthropic
client = anthropic.Anthropic(api_key="k")
assert client._platform.name == "anthropic"
try:
    anthropic.AnthropicBedrock  # attribute access: AttributeError (so hasattr() works), naming the extra
except AttributeError as err:
    assert "anthropic[bedrock]" in str(err), err
else:
    raise SystemExit("AnthropicBedrock is available without the bedrock plugin")
try:
    from anthropic import AnthropicBedrock  # noqa: F401  (the import statement: ImportError, naming the extra)
except ImportError as err:
    assert "anthropic[bedrock]" in str(err), err
else:
    raise SystemExit("AnthropicBedrock is importable without the bedrock plugin")
PY
)
run_tests core tests/core

for plugin in "${PLUGINS[@]}"; do
    echo "== core + $plugin"
    # The example plugin is test infrastructure with no dependency of its own (tests/tools drive it).
    make_env "$plugin" packages/core "packages/$plugin" tests/example_plugin ${PLUGIN_TEST_DEPS[$plugin]:-}
    others=()
    for other in "${PLUGINS[@]}"; do
        if [ "$other" != "$plugin" ]; then others+=("anthropic_plugin_$other" "${PLUGIN_DEP[$other]}"); fi
    done
    check_imports "$plugin" "anthropic_plugin_$plugin,${PLUGIN_DEP[$plugin]}" "$(joined "${others[@]}")"
    run_tests "$plugin" "tests/$plugin"
done

echo "== core + example plugin (tests/example_plugin)"
make_env example packages/core tests/example_plugin
check_imports example anthropic_plugin_example "$(joined "${plugin_deps[@]}" "${plugin_modules[@]}")"
run_tests example tests/core/test_plugins.py tests/core/test_conformance_example.py

echo "== per-package installs passed"
