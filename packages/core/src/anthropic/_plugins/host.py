"""`PluginHost`: one pluggy manager, entry points discovered on first use, registries cached after that.

Discovery never happens at `import anthropic`; it happens the first time a client is built or a plugin-provided
name is looked up. Environment controls:

- `ANTHROPIC_PLUGINS_AUTOLOAD=0`: do not load entry points (only the built-in first-party platform and plugins
  registered by code).
- `ANTHROPIC_PLUGINS_ALLOW=a,b`: load only these plugins (entry-point names or distribution names).
- `ANTHROPIC_PLUGINS_BLOCK=a,b`: never load these plugins (entry-point names or distribution names); wins over ALLOW.

Installed plugins that are not loaded stay visible (`installed()`), with the reason, for `python -m anthropic
plugins` and for the errors raised when something they would provide is missing.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs

if TYPE_CHECKING:
    from .._observe import Observer
    from .._platform import ClientConfig, PlatformRuntime, PlatformSpec, RequestTransformer
    from .extensions import ResourceExtension

__all__ = ["ENTRY_POINT_GROUP", "InstalledPlugin", "LoadedPlugin", "PluginHost", "get_host", "set_host"]

ENTRY_POINT_GROUP = "anthropic.plugins"

# 0.74.0 names that plugins provide, and the core's extra that installs a plugin providing each (the extras are the
# core's own, see its pyproject): used for a helpful ImportError. The core never names a plugin package.
KNOWN_EXPORTS: dict[str, str] = {
    "AnthropicBedrock": "bedrock",
    "AsyncAnthropicBedrock": "bedrock",
    "AnthropicVertex": "vertex",
    "AsyncAnthropicVertex": "vertex",
    "AnthropicFoundry": "foundry",
    "AsyncAnthropicFoundry": "foundry",
    "beta_tool": "tools",
    "beta_async_tool": "tools",
}


@dataclass
class LoadedPlugin:
    """What `python -m anthropic plugins` shows about one plugin."""

    name: str
    module: str
    distribution: str | None = None
    version: str | None = None
    hooks: list[str] = field(default_factory=lambda: [])


@dataclass
class InstalledPlugin:
    """One `anthropic.plugins` entry point found in the environment, and whether (or why not) it is loaded."""

    name: str
    module: str
    distribution: str | None
    version: str | None
    loaded: bool
    reason: str = ""  # why it is not loaded

    def describe(self) -> str:
        origin = f" ({self.distribution} {self.version})" if self.distribution else ""
        return f"{self.name!r}{origin}: {self.reason}" if not self.loaded else f"{self.name!r}{origin}: loaded"


def _normalise(name: str) -> str:
    """Compare names as distribution names are compared (PEP 503): case-insensitive, `-`, `_` and `.` alike."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _env_list(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {_normalise(part.strip()) for part in raw.split(",") if part.strip()}


def _env_verdict(names: set[str]) -> str | None:
    """Why the env controls refuse a plugin known by these (normalised) names, or None when they allow it."""
    block = _env_list("ANTHROPIC_PLUGINS_BLOCK")
    if block and names & block:
        return "blocked by ANTHROPIC_PLUGINS_BLOCK"
    allow = _env_list("ANTHROPIC_PLUGINS_ALLOW")
    if allow is not None and not names & allow:
        return "not listed in ANTHROPIC_PLUGINS_ALLOW"
    return None


def _extra_distributions(extra: str) -> set[str]:
    """The distributions (normalised) that the core's extra `extra` installs, read from the core's own metadata."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        requirements = requires("anthropic") or []
    except PackageNotFoundError:
        return set()
    found: set[str] = set()
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
        if name and re.search(rf"""extra\s*==\s*["']{re.escape(extra)}["']""", marker):
            found.add(_normalise(name.group(1)))
    return found


def _dist_name_version(dist: Any) -> tuple[str | None, str | None]:
    """`Name` and `Version` of a distribution, read from the head of its metadata file in one pass.

    `dist.name` and `dist.version` each parse the whole file with the email parser (twice per plugin, at every
    first client build); the two headers are plain `Key: value` lines before the first blank line.
    """
    read_text = getattr(dist, "read_text", None)
    text = None
    if read_text is not None:
        text = read_text("METADATA") or read_text("PKG-INFO")
    if text:
        found: dict[str, str] = {}
        for line in text.splitlines():
            if not line:
                break
            key, sep, value = line.partition(":")
            if sep and key in ("Name", "Version") and key not in found:
                found[key] = value.strip()
                if len(found) == 2:
                    return found["Name"], found["Version"]
    return getattr(dist, "name", None), getattr(dist, "version", None)


def _entry_point_facts(ep: Any) -> tuple[str | None, str | None, set[str]]:
    """Distribution name and version of an entry point, and the names the env controls may use for it."""
    dist = getattr(ep, "dist", None)
    dist_name, version = _dist_name_version(dist) if dist is not None else (None, None)
    names = {_normalise(ep.name)}
    if dist_name:
        names.add(_normalise(dist_name))
    return dist_name, version, names


class PluginHost:
    """Holds the plugin manager and what plugins registered (platforms, exports, resource extensions)."""

    def __init__(self, *, autoload: bool | None = None) -> None:
        self._autoload_reason = "autoload is off (PluginHost(autoload=False))"
        if autoload is None:
            raw = os.environ.get("ANTHROPIC_PLUGINS_AUTOLOAD", "1")
            autoload = raw.lower() not in ("0", "false", "no", "off")
            self._autoload_reason = f"autoload is off (ANTHROPIC_PLUGINS_AUTOLOAD={raw})"
        self.autoload = autoload
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        from . import firstparty

        self.pm.register(firstparty, name="anthropic")
        self._lock = threading.RLock()
        self._discovered = False
        self._platforms: dict[str, PlatformSpec] | None = None
        self._exports: dict[str, str] | None = None
        self._extensions: dict[tuple[str, str], ResourceExtension] | None = None
        self.loaded: list[LoadedPlugin] = [LoadedPlugin(name="anthropic", module=firstparty.__name__)]
        self.skipped: list[tuple[str, str]] = []  # (entry-point name, reason) of plugins discovery did not load
        self._installed: list[InstalledPlugin] | None = None
        self._scanned: tuple[Any, ...] | None = None

    # -- registration ----------------------------------------------------------------------------------------

    def register(self, plugin: object, name: str | None = None) -> None:
        """Register a plugin object or module by code (tests, frameworks); invalidates the cached registries."""
        with self._lock:
            self.pm.register(plugin, name=name)
            self.loaded.append(LoadedPlugin(name=name or getattr(plugin, "__name__", repr(plugin)), module=_module_of(plugin)))
            self._invalidate()

    def unregister(self, name: str) -> None:
        with self._lock:
            self.pm.unregister(name=name)
            self.loaded = [p for p in self.loaded if p.name != name]
            self._invalidate()

    def _invalidate(self) -> None:
        self._installed = None
        self._platforms = None
        self._exports = None
        self._extensions = None

    def discover(self) -> None:
        """Load the `anthropic.plugins` entry points once (honouring the env controls)."""
        if self._discovered:
            return
        with self._lock:
            if self._discovered:
                return
            self._discovered = True
            if not self.autoload:
                return
            self._load_entry_points()

    def _entry_points(self) -> tuple[Any, ...]:
        """The `anthropic.plugins` entry points, scanned once per host (loading and listing share the scan)."""
        if self._scanned is None:
            from importlib.metadata import entry_points

            self._scanned = tuple(entry_points(group=ENTRY_POINT_GROUP))
        return self._scanned

    def _load_entry_points(self) -> None:
        for ep in self._entry_points():
            dist_name, version, names = _entry_point_facts(ep)
            verdict = _env_verdict(names)
            if verdict is not None:
                self.skipped.append((ep.name, verdict))
                continue
            if self.pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self.pm.register(plugin, name=ep.name)
            except Exception as err:  # a broken plugin must not break clients that do not use it
                import warnings

                warnings.warn(f"Could not load the anthropic plugin {ep.name!r} ({ep.value}): {err!r}", stacklevel=2)
                self.skipped.append((ep.name, f"failed to load: {err!r}"))
                continue
            self.loaded.append(LoadedPlugin(name=ep.name, module=ep.value, distribution=dist_name, version=version))
        self._invalidate()

    def installed(self) -> list[InstalledPlugin]:
        """Every installed `anthropic.plugins` entry point, loaded or not and why, in every mode (autoload off too).

        Reads metadata only, never imports a plugin; the scan is cached (the environment rarely changes in-process).
        """
        self.discover()
        with self._lock:
            if self._installed is None:
                loaded = {p.name for p in self.loaded}
                skipped = dict(self.skipped)
                found: list[InstalledPlugin] = []
                for ep in self._entry_points():
                    dist_name, version, _ = _entry_point_facts(ep)
                    if ep.name in loaded:
                        reason = ""
                    elif not self.autoload:
                        reason = self._autoload_reason
                    else:
                        reason = skipped.get(ep.name, "not loaded")
                    found.append(InstalledPlugin(ep.name, ep.value, dist_name, version, not reason, reason))
                self._installed = found
            return list(self._installed)

    def not_loaded(self, hint: str | None = None) -> list[InstalledPlugin]:
        """Installed plugins that are not loaded; with a hint (a platform or extra name), only the ones it names."""
        found = [p for p in self.installed() if not p.loaded]
        if hint is not None:
            wanted = {_normalise(hint), *_extra_distributions(hint)}
            found = [p for p in found if {_normalise(p.name), _normalise(p.distribution or "")} & wanted]
        return found

    def missing_export(self, name: str) -> Exception:
        """The error for `anthropic.<name>` when no loaded plugin exports it: names the extra, or why it is off."""
        extra = KNOWN_EXPORTS.get(name)
        if extra is None:
            idle = self.not_loaded()
            suffix = ""
            if idle:
                suffix = "; installed plugins that are not loaded: " + "; ".join(p.describe() for p in idle)
            return AttributeError(f"module 'anthropic' has no attribute {name!r}{suffix}")
        idle = self.not_loaded(extra)
        if not idle:
            return ImportError(
                f"`anthropic.{name}` is provided by a plugin that is not installed; "
                f'install it with: pip install "anthropic[{extra}]"',
                name=name,
            )
        return ImportError(
            f'`anthropic.{name}` is provided by the {extra} plugin (pip install "anthropic[{extra}]"), which is '
            "installed but not loaded: " + "; ".join(p.describe() for p in idle),
            name=name,
        )

    # -- registries ------------------------------------------------------------------------------------------

    def platforms(self) -> dict[str, PlatformSpec]:
        self.discover()
        with self._lock:
            if self._platforms is None:
                found: dict[str, PlatformSpec] = {}

                def register(spec: PlatformSpec) -> None:
                    if spec.name in found:
                        raise ValueError(f"Platform {spec.name!r} is registered twice")
                    found[spec.name] = spec

                self.pm.hook.register_platforms(register=register)
                self._platforms = found
            return self._platforms

    def exports(self) -> dict[str, str]:
        self.discover()
        with self._lock:
            if self._exports is None:
                found: dict[str, str] = {}
                for spec in self.platforms().values():
                    found.update(spec.exports)

                def register(name: str, target: str) -> None:
                    found[name] = target

                self.pm.hook.register_exports(register=register)
                self._exports = found
            return self._exports

    def resource_extension(self, resource: str, name: str, mode: str) -> Callable[[Any], Any] | None:
        """The factory of an extension attribute for a resource in the given mode, or None."""
        if mode not in ("sync", "async"):
            return None
        ext = self._extension_table().get((resource, name))
        if ext is None:
            return None
        return ext.sync if mode == "sync" else ext.async_

    def resource_extension_names(self, resource: str) -> list[str]:
        """The attributes plugins add to a resource (`tool_runner` on `beta.messages`), for `dir()`."""
        return sorted(name for key, name in self._extension_table() if key == resource)

    def _extension_table(self) -> dict[tuple[str, str], ResourceExtension]:
        self.discover()
        with self._lock:
            if self._extensions is None:
                found: dict[tuple[str, str], ResourceExtension] = {}

                def register(ext: ResourceExtension) -> None:
                    found[(ext.resource, ext.name)] = ext

                self.pm.hook.extend_resources(register=register)
                self._extensions = found
            return self._extensions

    # -- building platforms ----------------------------------------------------------------------------------

    def build_platform(self, config: ClientConfig) -> PlatformRuntime:
        """The runtime for one client: the platform's base runtime plus what the other hooks contribute."""
        spec = self.platforms().get(config.platform)
        if spec is None:
            message = f"No plugin provides the platform {config.platform!r}; available platforms: {sorted(self.platforms())}"
            idle = self.not_loaded(config.platform) or self.not_loaded()
            if idle:
                message += "; installed plugins that are not loaded: " + "; ".join(p.describe() for p in idle)
            raise RuntimeError(message)
        runtime = spec.build(config)
        extra: list[RequestTransformer] = []
        for result in reversed(self.pm.hook.client_request_transformers(config=config)):
            if result:
                extra.extend(result)
        observers: list[Observer] = []
        for found in reversed(self.pm.hook.client_observers(config=config)):
            if found:
                observers.extend(found)
        if not extra and not observers:
            return runtime
        return replace(
            runtime,
            transformers=(*runtime.transformers, *extra),
            observers=(*runtime.observers, *observers),
        )


def _module_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None)
    if isinstance(name, str):
        return name
    return type(plugin).__module__


_host: PluginHost | None = None
_host_lock = threading.Lock()


def get_host() -> PluginHost:
    """The process-wide plugin host, created on first use."""
    global _host
    if _host is None:
        with _host_lock:
            if _host is None:
                _host = PluginHost()
    return _host


def set_host(host: PluginHost | None) -> PluginHost | None:
    """Replace the process-wide host (tests use a fresh one with autoload off); returns the previous one."""
    global _host
    previous = _host
    _host = host
    return previous
