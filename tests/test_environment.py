"""pyproject.toml, environment.yml and requirements.lock declare the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONDA_ONLY = {"python", "pip"}


def normalise(requirement: str) -> str:
    """`Foo_Bar[extra] >=1.0 ; marker` -> `foo-bar`."""
    name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert name, f"unreadable requirement: {requirement!r}"
    return re.sub(r"[-_.]+", "-", name.group(1)).lower()


def pyproject_dependencies() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        declared += extra
    return {normalise(req) for req in declared}


def conda_dependencies() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = {normalise(dep) for dep in env["dependencies"] if isinstance(dep, str)}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):  # the pip: section, e.g. "-e ."
            names |= {normalise(req) for req in dep.get("pip", []) if not req.startswith("-")}
    return names - CONDA_ONLY


def locked_pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", line)
        if match:
            pins[normalise(match.group(1))] = match.group(2)
    return pins


def test_environment_yml_declares_the_same_packages_as_pyproject() -> None:
    assert conda_dependencies() == pyproject_dependencies()


def test_environment_yml_pins_python_311() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]


def test_lock_pins_every_pyproject_dependency_exactly() -> None:
    missing = pyproject_dependencies() - locked_pins().keys()
    assert not missing, f"requirements.lock lacks {sorted(missing)}: run `make lock`"


def test_normalise_strips_versions_extras_and_case() -> None:
    assert normalise("Foo_Bar[extra]>=1.0 ; python_version>'3'") == "foo-bar"
    assert normalise("ruamel.yaml==0.18") == "ruamel-yaml"
