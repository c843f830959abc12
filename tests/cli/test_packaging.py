"""The wheel carries the licences: LICENSE, THIRD_PARTY.md and every NOTICE of the data it ships.

Building a wheel takes a few seconds (setuptools builds in an isolated environment), so the build test is
marked slow; the configuration behind it is also checked statically, at no cost.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LICENCE_FILES = {"LICENSE", "THIRD_PARTY.md"}


def _pyproject() -> dict:  # type: ignore[type-arg]
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def test_licence_metadata_is_spdx_and_names_the_files() -> None:
    project = _pyproject()["project"]
    assert isinstance(project["license"], str) and project["license"].startswith("MIT")
    assert LICENCE_FILES <= set(project["license-files"])
    notices = {p.relative_to(ROOT).as_posix() for p in ROOT.glob("eventwire/**/NOTICE*")}
    covered = {p.relative_to(ROOT).as_posix() for pattern in project["license-files"] for p in ROOT.glob(pattern)}
    assert notices and notices <= covered, notices - covered
    assert "MIT License" in (ROOT / "LICENSE").read_text() and "eventwire authors" in (ROOT / "LICENSE").read_text()
    requires = _pyproject()["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in requires), requires


def test_no_gpl_dependency_and_no_exact_pins() -> None:
    project = _pyproject()["project"]
    deps = project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]
    assert not [d for d in deps if d.lower().startswith("unidecode")]
    assert not [d for d in deps if "==" in d], "pyproject holds ranges; constraints.txt holds exact versions"
    pinned = (ROOT / "constraints.txt").read_text().lower()
    for dep in project["dependencies"]:
        name = dep.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        assert name.replace("-", "_") + "==" in pinned.replace("-", "_"), f"{name} not in constraints.txt"


@pytest.mark.slow
def test_wheel_contains_the_licence_files(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    (wheel,) = tmp_path.glob("eventwire-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        metadata = zf.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    licences = {n.split(".dist-info/licenses/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert LICENCE_FILES <= licences, names
    assert "eventwire/places/data/NOTICE" in licences and "eventwire/events/data/NOTICE.ontology" in licences
    assert "License-Expression: MIT" in metadata and "License-File: THIRD_PARTY.md" in metadata
