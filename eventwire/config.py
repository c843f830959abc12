"""Layered configuration: package defaults, then a user TOML file, then flags.

The result is an immutable-by-convention nested mapping with typed accessors. Overrides use dotted keys
("pipeline.n_process" = 2), which is what CLI flags translate into.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ErrorCode, EventwireError

USER_FILE_ENV = "EVENTWIRE_CONFIG"
USER_FILE_DEFAULT = "eventwire.toml"


def _defaults() -> dict[str, Any]:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], extra: Mapping[str, Any], where: str) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping):
            target = base.setdefault(key, {})
            if not isinstance(target, dict):
                raise EventwireError(ErrorCode.CONFIG_INVALID, f"{where}: {key!r} is not a table")
            _merge(target, value, where)
        else:
            base[key] = value


@dataclass(frozen=True)
class Config:
    """The effective configuration, and where its layers came from."""

    data: dict[str, Any]
    sources: tuple[str, ...] = field(default=("defaults",))

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        return dict(value) if isinstance(value, Mapping) else {}

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Config":
        """A new Config with dotted-key overrides applied (None values are ignored: flag not given)."""
        data = copy.deepcopy(self.data)
        for dotted, value in overrides.items():
            if value is None:
                continue
            *parents, leaf = dotted.split(".")
            node = data
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        return Config(data, self.sources + ("flags",))


def load_config(path: str | os.PathLike[str] | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then the user file (explicit path, $EVENTWIRE_CONFIG or ./eventwire.toml), then overrides."""
    data = _defaults()
    sources = ["defaults"]
    candidate = path or os.environ.get(USER_FILE_ENV)
    if candidate is None and Path(USER_FILE_DEFAULT).is_file():
        candidate = USER_FILE_DEFAULT
    if candidate is not None:
        user_path = Path(candidate)
        try:
            user = tomllib.loads(user_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise EventwireError(ErrorCode.CONFIG_INVALID, f"config file not found: {user_path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise EventwireError(ErrorCode.CONFIG_INVALID, f"{user_path}: {exc}") from exc
        _merge(data, user, str(user_path))
        sources.append(str(user_path))
    config = Config(data, tuple(sources))
    return config.with_overrides(overrides) if overrides else config
