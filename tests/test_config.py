"""Typed configuration: unknown sections and keys, wrong types and bad overrides are coded errors (E401)."""

from __future__ import annotations

import pickle
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from eventwire.config import SECTIONS, Config, load_config, package_defaults
from eventwire.errors import ErrorCode, EventwireError


def _error(path: Path | None = None, overrides: dict[str, object] | None = None) -> str:
    with pytest.raises(EventwireError) as info:
        load_config(path, overrides)
    assert info.value.code is ErrorCode.CONFIG_INVALID
    return info.value.detail


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "eventwire.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_section_names_the_section_and_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[evnets]\nmax_per_sentence = 2\n")
    assert _error(path) == f"{path}: unknown section 'evnets' (did you mean 'events'?)"


def test_unknown_key_names_the_dotted_key_and_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[events]\nn_proccess = 2\n")
    assert _error(path) == f"{path}: unknown key 'events.n_proccess'"
    path = _write(tmp_path, "[pipeline]\nn_proccess = 2\n")
    assert _error(path) == f"{path}: unknown key 'pipeline.n_proccess' (did you mean 'pipeline.n_process'?)"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('[pipeline]\nn_process = "two"', "'pipeline.n_process' = 'two'"),
        ('[pipeline]\nbatch_size = "32"', "'pipeline.batch_size' = '32'"),  # strings are not coerced
        ('[pipeline]\ngc_freeze = "yes"', "'pipeline.gc_freeze' = 'yes'"),
        ("[events]\npatterns = [1]", "'events.patterns[0]' = 1"),
        ("[io]\nlanguages = []", "'io.languages' = []"),
        ("events = 3", "'events' = 3"),
    ],
)
def test_wrong_type_names_key_value_and_file(tmp_path: Path, line: str, key: str) -> None:
    path = _write(tmp_path, line + "\n")
    assert _error(path).startswith(f"{path}: {key}: ")


def test_valid_user_file_overrides_the_defaults(tmp_path: Path) -> None:
    path = _write(tmp_path, "[pipeline]\nn_process = 2\n[api]\nextract_timeout = 5\n")
    config = load_config(path)
    assert config.pipeline.n_process == 2
    assert config.api.extract_timeout == 5.0
    assert config.pipeline.batch_size == package_defaults().pipeline.batch_size
    assert config.sources == ("defaults", str(path))


def test_overrides_apply_and_are_validated(tmp_path: Path) -> None:
    config = load_config(None, {"pipeline.n_process": 3, "pipeline.batch_size": None})  # None: flag not given
    assert config.pipeline.n_process == 3
    assert config.pipeline.batch_size == package_defaults().pipeline.batch_size
    assert config.sources[-1] == "overrides"
    assert _error(None, {"pipeline.n_proces": 2}) == (
        "overrides: unknown key 'pipeline.n_proces' (did you mean 'pipeline.n_process'?)"
    )
    assert _error(None, {"pipeline.n_process": "2"}).startswith("overrides: 'pipeline.n_process' = '2': ")
    assert _error(None, {"pipeline.n_process": 0}).startswith("overrides: 'pipeline.n_process' = 0: ")
    assert _error(None, {"pipeline.model.name": "x"}) == "overrides: unknown key 'pipeline.model.name'"
    # a user file's error is blamed on the file even when flags are given too
    path = _write(tmp_path, "[places]\nmin_populaton = 5\n")
    assert _error(path, {"pipeline.n_process": 2}).startswith(f"{path}: unknown key 'places.min_populaton'")


def test_python_overrides_accept_paths_and_tuples(tmp_path: Path) -> None:
    config = load_config(None, {"actors.dictionaries": (tmp_path / "a.txt",), "pipeline.stages": ("clean",)})
    assert config.actors.dictionaries == [str(tmp_path / "a.txt")]
    assert config.pipeline.stages == ["clean"]


def test_defaults_toml_validates_and_covers_every_field() -> None:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    Config.from_data(data)  # raises on an unknown, missing or wrongly typed key
    assert set(data) == set(Config.model_fields) == set(SECTIONS) | {"plugins"}
    for name, model in SECTIONS.items():
        assert set(data[name]) == set(model.model_fields), name
        # no defaults in the models: defaults.toml is the only place they are written
        assert all(field.is_required() for field in model.model_fields.values()), name


def test_config_pickles_and_round_trips_through_data() -> None:
    config = load_config(None, {"events.max_per_sentence": 3})
    again = pickle.loads(pickle.dumps(config))
    assert again == config and again.sources == config.sources
    assert Config.from_data(config.data, ("worker",)).data == config.data


def test_missing_user_file_and_broken_toml(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.toml").startswith("config file not found")
    path = _write(tmp_path, "[pipeline\n")
    assert _error(path).startswith(f"{path}: ")


def test_plugin_tables_are_free_form_but_other_sections_are_not() -> None:
    config = load_config(None, {"plugins.sentiment": {"threshold": 0.5, "labels": ["pos", "neg"]}})
    assert config.plugins["sentiment"]["threshold"] == 0.5
    with pytest.raises(EventwireError) as info:
        load_config(None, {"plugin.sentiment": {"threshold": 0.5}})
    assert "unknown section 'plugin'" in str(info.value) and "plugins" in str(info.value)
