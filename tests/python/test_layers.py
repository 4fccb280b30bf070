"""The engine's areas form layers: each file includes only its own area and those below it, so
pricing, network and selection never reach into one another's upper layers, and the libraries
keep to ARCHITECTURE.md's dependency rules (engine knows no store, no desk, no synthesizer)."""

import re
from pathlib import Path

from conftest import SOURCE

ENGINE_LAYERS = ["core", "shipment", "catalog", "network", "pricing", "selection", "quote", "io",
                 "batch"]
INCLUDE = re.compile(r'#include\s*<cargoquote/(\w+)/')


def includes(path):
    return INCLUDE.findall(path.read_text(encoding="utf-8"))


def area_of(path, root):
    return path.relative_to(root).parts[0]


def engine_files():
    for root in (SOURCE / "engine" / "include" / "cargoquote", SOURCE / "engine" / "src"):
        for path in sorted(root.rglob("*.[ch]pp")):
            yield path, area_of(path, root)


def test_every_engine_area_is_a_known_layer():
    areas = {area for _, area in engine_files()}
    assert areas == set(ENGINE_LAYERS)


def test_engine_files_include_only_their_layer_and_those_below():
    violations = []
    for path, area in engine_files():
        level = ENGINE_LAYERS.index(area)
        for included in includes(path):
            if included not in ENGINE_LAYERS:
                violations.append(f"{path.relative_to(SOURCE)} includes cargoquote/{included}")
            elif ENGINE_LAYERS.index(included) > level:
                violations.append(f"{path.relative_to(SOURCE)} ({area}) includes {included}")
    assert violations == []


def test_libraries_keep_the_dependency_rules():
    allowed = {
        "rates": set(ENGINE_LAYERS) | {"rates"},
        "synth": set(ENGINE_LAYERS) | {"synth"},
    }
    violations = []
    for library, permitted in allowed.items():
        for path in sorted((SOURCE / library).rglob("*.[ch]pp")):
            for included in includes(path):
                if included not in permitted:
                    violations.append(f"{path.relative_to(SOURCE)} includes cargoquote/{included}")
    assert violations == []


def test_the_check_sees_a_violation(tmp_path):
    # The pattern must catch an upward include, or the layer test above could never fail.
    upward = tmp_path / "x.hpp"
    upward.write_text("#include <cargoquote/quote/quote_engine.hpp>\n", encoding="utf-8")
    assert includes(upward) == ["quote"]
