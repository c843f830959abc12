"""Typed, layered configuration: package defaults, then a user TOML file, then flags.

Why typed: one pydantic model per section with unknown keys forbidden, so a typo in a user's file
(``[evnets]``, ``n_proccess = 2``) or a wrongly typed value is a coded error (E401) naming the key and the
file, instead of a setting that is silently ignored. Code reads ``config.events.max_per_sentence``.

Why the models have no defaults of their own: ``eventwire/defaults.toml`` is the one place defaults live.
Every layer is merged onto it and the result validated, so no default is ever restated in code.
Overrides use dotted keys (``"pipeline.n_process": 2``), which is what CLI flags translate into; they are
validated like the file. A ``Config`` pickles (worker processes rebuild it with ``Config.from_data``).
"""

from __future__ import annotations

import copy
import difflib
import functools
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from eventwire.errors import ErrorCode, EventwireError

USER_FILE_ENV = "EVENTWIRE_CONFIG"
USER_FILE_DEFAULT = "eventwire.toml"
DEFAULTS_LABEL = "defaults.toml"
OVERRIDES_LABEL = "overrides"

Positive = Annotated[int, Field(gt=0)]
NonNegative = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0)]


class _Section(BaseModel):
    """A config section: every key required (defaults.toml supplies them), unknown keys and loose types refused.

    ``strict``: TOML values are typed, so "2" for an integer or "yes" for a boolean is a mistake to report,
    not to coerce.
    """

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PipelineSettings(_Section):
    """[pipeline]: which stages run, the spaCy model, batching, worker processes."""

    stages: list[str]
    model: str
    batch_size: Positive
    n_process: Positive
    disable: list[str]
    gc_freeze: bool


class IOSettings(_Section):
    """[io]: input size limit and language detection."""

    max_bytes: Positive
    languages: Annotated[list[str], Field(min_length=1)]
    detect_language: bool
    detect_chars: Positive


class CleanSettings(_Section):
    """[clean]: extra outlet patterns for the cleaner."""

    outlet_patterns: list[str]


class ActorsSettings(_Section):
    """[actors]: extra actor dictionaries and whether the shipped KB is used."""

    dictionaries: list[str]
    agents: list[str]
    builtin: bool


class EventsSettings(_Section):
    """[events]: extra pattern files and the coder's options."""

    patterns: list[str]
    builtin: bool
    min_confidence: Annotated[float, Field(ge=0, le=1)]
    model: bool
    max_per_sentence: NonNegative
    statements: bool
    require_actor: bool
    reverse: bool
    historical_days: NonNegative
    negation_ontology: str


class TimesSettings(_Section):
    """[times]: whether the parse decides the tense around a time expression."""

    tense_from_parse: bool


class PlacesSettings(_Section):
    """[places]: how small a town may be, and whether actor uses of countries count as places."""

    min_population: NonNegative
    keep_actor_uses: bool


class StoreSettings(_Section):
    """[store]: the DuckDB file, the ingest transaction size and the deduplication window."""

    db: str
    batch_size: Positive
    dedup_days: NonNegative


class ApiSettings(_Section):
    """[api]: the limits of ``eventwire serve``."""

    max_body_bytes: Positive
    extract_timeout: PositiveFloat
    query_timeout: PositiveFloat
    max_waiting: NonNegative
    max_limit: Positive
    max_offset: Positive
    allowed_hosts: list[str]
    read_connections: Positive
    max_query_waiting: NonNegative
    extract_workers: Positive
    extract_standby: NonNegative


class QuotesSettings(_Section):
    """[quotes]: whether indirect speech is reported."""

    indirect: bool


class Config(_Section):
    """The effective configuration, one typed model per section, and where its layers came from.

    Build it with ``load_config`` (or ``Config.from_data`` for already merged data, e.g. in a worker).
    """

    pipeline: PipelineSettings
    io: IOSettings
    clean: CleanSettings
    actors: ActorsSettings
    events: EventsSettings
    times: TimesSettings
    places: PlacesSettings
    store: StoreSettings
    api: ApiSettings
    quotes: QuotesSettings
    # Settings of stages that plugins register, one table each ([plugins.NAME]); free-form because only the
    # plugin knows its keys, and it validates them itself (a plugin stage reads config.plugins.get(name, {})).
    plugins: dict[str, dict[str, Any]]

    _sources: tuple[str, ...] = PrivateAttr(default=("defaults",))

    @classmethod
    def from_data(cls, data: Mapping[str, Any], sources: tuple[str, ...] = ("defaults",),
                  origins: Mapping[str, str] | None = None) -> Config:
        """Validate complete, merged data; errors name the key and the layer (``origins``) that set it."""
        try:
            config = cls.model_validate(data)
        except ValidationError as exc:
            raise EventwireError(ErrorCode.CONFIG_INVALID, _describe(exc, origins or {}, sources[-1])) from exc
        config._sources = tuple(sources)
        return config

    @property
    def sources(self) -> tuple[str, ...]:
        """The layers this configuration was built from, lowest first ("defaults", a file, "overrides")."""
        return self._sources

    @property
    def data(self) -> dict[str, Any]:
        """Plain nested dicts (picklable, JSON-serialisable): what worker processes rebuild a Config from."""
        return self.model_dump()

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        """A new Config with dotted-key overrides applied and validated (None values are ignored: flag not given)."""
        data = self.data
        origins: dict[str, str] = {}
        applied = False
        for dotted, value in overrides.items():
            if value is None:
                continue
            *parents, leaf = dotted.split(".")
            node: Any = data
            for part in parents:
                node = node.setdefault(part, {}) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                raise EventwireError(ErrorCode.CONFIG_INVALID, f"{OVERRIDES_LABEL}: unknown key {dotted!r}")
            node[leaf] = _plain(value)
            origins[dotted] = OVERRIDES_LABEL
            applied = True
        if not applied:
            return self
        return Config.from_data(data, self.sources + (OVERRIDES_LABEL,), origins)


SECTIONS: dict[str, type[_Section]] = {
    name: info.annotation  # type: ignore[misc]
    for name, info in Config.model_fields.items()
    if isinstance(info.annotation, type) and issubclass(info.annotation, _Section)
}


def _plain(value: Any) -> Any:
    """Python-side override values as TOML would give them: tuples as lists, paths as strings."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


def _key(loc: tuple[int | str, ...]) -> str:
    """'events.patterns[0]' from a pydantic error location."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _origin(origins: Mapping[str, str], loc: tuple[int | str, ...], fallback: str) -> str:
    """The layer that set the value at ``loc`` (its key, or the nearest table above it)."""
    parts = [str(p) for p in loc if isinstance(p, str)]
    while parts:
        where = origins.get(".".join(parts))
        if where is not None:
            return where
        parts.pop()
    return fallback


def _suggest(loc: tuple[int | str, ...]) -> str:
    """' (did you mean ...?)' for an unknown section or key close to a known one."""
    *parents, leaf = [str(p) for p in loc]
    if not parents:
        known = list(Config.model_fields)
    elif len(parents) == 1 and parents[0] in SECTIONS:
        known = list(SECTIONS[parents[0]].model_fields)
    else:
        return ""
    close = difflib.get_close_matches(leaf, known, n=1)
    return f" (did you mean {'.'.join([*parents, close[0]])!r}?)" if close else ""


def _describe(exc: ValidationError, origins: Mapping[str, str], fallback: str) -> str:
    """One line per problem: '<file>: unknown key 'events.n_proccess'', '<file>: 'io.max_bytes' = 'x': ...'."""
    lines = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        key = _key(loc)
        where = _origin(origins, loc, fallback)
        if err["type"] == "extra_forbidden":
            kind = "section" if len(loc) == 1 else "key"
            lines.append(f"{where}: unknown {kind} {key!r}{_suggest(loc)}")
        elif err["type"] == "missing":
            lines.append(f"{where}: missing key {key!r}")
        else:
            lines.append(f"{where}: {key!r} = {err['input']!r}: {err['msg']}")
    return "; ".join(lines)


@functools.lru_cache(maxsize=1)
def _defaults_data() -> dict[str, Any]:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.lru_cache(maxsize=1)
def package_defaults() -> Config:
    """The package defaults alone, validated (for library code called without a Config, e.g. a reader)."""
    return Config.from_data(_defaults_data(), ("defaults",), {})


def _merge(
    base: dict[str, Any], extra: Mapping[str, Any], where: str, origins: dict[str, str], prefix: str = ""
) -> None:
    """Merge ``extra`` into ``base`` table by table, recording which layer set each key."""
    for key, value in extra.items():
        dotted = f"{prefix}{key}"
        origins[dotted] = where
        target = base.get(key)
        if isinstance(value, Mapping) and isinstance(target, dict):
            _merge(target, value, where, origins, f"{dotted}.")
        else:
            base[key] = copy.deepcopy(value)


def load_config(path: str | os.PathLike[str] | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Defaults, then the user file (explicit path, $EVENTWIRE_CONFIG or ./eventwire.toml), then overrides."""
    data = copy.deepcopy(_defaults_data())
    sources = ["defaults"]
    origins: dict[str, str] = {}
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
        _merge(data, user, str(user_path), origins)
        sources.append(str(user_path))
    config = Config.from_data(data, tuple(sources), origins) if len(sources) > 1 else package_defaults()
    return config.with_overrides(overrides) if overrides else config
