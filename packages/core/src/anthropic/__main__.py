"""`python -m anthropic plugins`: list loaded plugins, their hooks and what they provide, and installed plugins that
are not loaded with the reason (env controls, autoload off, a failure)."""

from __future__ import annotations

import sys
from collections.abc import Iterable


def _plugins_report() -> str:
    from ._plugins.host import get_host

    host = get_host()
    host.discover()
    lines = ["Loaded anthropic plugins:"]
    for plugin in host.loaded:
        impl = host.pm.get_plugin(plugin.name)
        hooks = sorted(h.name for h in host.pm.get_hookcallers(impl) or []) if impl is not None else []
        origin = f"{plugin.distribution} {plugin.version}" if plugin.distribution else "built in"
        lines.append(f"  {plugin.name:<12} {plugin.module}  ({origin})")
        lines.append(f"    hooks: {', '.join(hooks) or '-'}")
    idle = host.not_loaded()  # in every mode: blocked, not allowed, autoload off, failed to load
    if idle:
        lines.append("Installed but not loaded:")
        for plugin in idle:
            origin = f"{plugin.distribution} {plugin.version}" if plugin.distribution else "unknown distribution"
            lines.append(f"  {plugin.name:<12} {plugin.module}  ({origin})")
            lines.append(f"    why: {plugin.reason}")
    lines.append("Platforms: " + ", ".join(sorted(host.platforms())))
    lines.extend(_exports_lines(host.exports()))
    return "\n".join(lines)


def _exports_lines(exports: Iterable[str]) -> list[str]:
    """One line per module that serves names: `anthropic` itself, then 0.74.0 module paths (`anthropic.lib.tools`),
    whose keys are registered dotted (`anthropic.lib.tools.beta_tool`)."""
    by_module: dict[str, list[str]] = {}
    for key in sorted(exports):
        module, _, name = key.rpartition(".")
        by_module.setdefault(module or "anthropic", []).append(name)
    if not by_module:
        return ["Exports: -"]
    order = sorted(by_module, key=lambda module: (module != "anthropic", module))
    return [f"Exports from {module}: {', '.join(by_module[module])}" for module in order]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["plugins"]:
        print(_plugins_report())
        return 0
    print("usage: python -m anthropic plugins", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
