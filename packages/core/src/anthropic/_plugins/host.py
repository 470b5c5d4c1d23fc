"""`PluginHost`: one pluggy manager, entry points discovered on first use, registries cached after that.

Discovery never happens at `import anthropic`; it happens the first time a client is built or a plugin-provided
name is looked up. Environment controls:

- `ANTHROPIC_PLUGINS_AUTOLOAD=0`: do not load entry points (only the built-in first-party platform and plugins
  registered by code).
- `ANTHROPIC_PLUGINS_ALLOW=a,b`: load only these entry-point names.
- `ANTHROPIC_PLUGINS_BLOCK=a,b`: never load these entry-point names.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs

if TYPE_CHECKING:
    from .._platform import ClientConfig, PlatformRuntime, PlatformSpec
    from .extensions import ResourceExtension

__all__ = ["ENTRY_POINT_GROUP", "LoadedPlugin", "PluginHost", "get_host", "set_host"]

ENTRY_POINT_GROUP = "anthropic.plugins"

# Names that plugins we ship provide, and the extra that installs each: used for a helpful ImportError.
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


def _env_list(name: str) -> set[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


class PluginHost:
    """Holds the plugin manager and what plugins registered (platforms, exports, resource extensions)."""

    def __init__(self, *, autoload: bool | None = None) -> None:
        if autoload is None:
            autoload = os.environ.get("ANTHROPIC_PLUGINS_AUTOLOAD", "1").lower() not in ("0", "false", "no", "off")
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
        self.skipped: list[tuple[str, str]] = []

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

    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        allow = _env_list("ANTHROPIC_PLUGINS_ALLOW")
        block = _env_list("ANTHROPIC_PLUGINS_BLOCK") or set()
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in block or (allow is not None and ep.name not in allow):
                self.skipped.append((ep.name, "blocked by environment"))
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
            dist = getattr(ep, "dist", None)
            self.loaded.append(
                LoadedPlugin(
                    name=ep.name,
                    module=ep.value,
                    distribution=getattr(dist, "name", None),
                    version=getattr(dist, "version", None),
                )
            )
        self._invalidate()

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
        self.discover()
        with self._lock:
            if self._extensions is None:
                found: dict[tuple[str, str], ResourceExtension] = {}

                def register(ext: ResourceExtension) -> None:
                    found[(ext.resource, ext.name)] = ext

                self.pm.hook.extend_resources(register=register)
                self._extensions = found
            ext = self._extensions.get((resource, name))
        if ext is None:
            return None
        return ext.sync if mode == "sync" else ext.async_

    # -- building platforms ----------------------------------------------------------------------------------

    def build_platform(self, config: ClientConfig) -> PlatformRuntime:
        """The runtime for one client: the platform's base runtime plus what the other hooks contribute."""
        spec = self.platforms().get(config.platform)
        if spec is None:
            raise RuntimeError(
                f"No plugin provides the platform {config.platform!r}; installed platforms: "
                f"{sorted(self.platforms())}"
            )
        runtime = spec.build(config)
        hook = self.pm.hook
        auth = hook.platform_auth(platform=config.platform, config=config)
        transformers = list(runtime.transformers)
        for result in reversed(hook.request_transformers(platform=config.platform, config=config)):
            if result:
                transformers.extend(_as_list(result))
        decoder = hook.stream_decoder(platform=config.platform, config=config)
        return replace(
            runtime,
            auth=auth if auth is not None else runtime.auth,
            transformers=tuple(transformers),
            stream_decoder=decoder if decoder is not None else runtime.stream_decoder,
        )


def _as_list(items: Iterable[Any]) -> list[Any]:
    return list(items)


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
