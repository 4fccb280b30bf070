"""The hand-written stubs (cargoquote/_cargoquote.pyi) declare exactly what the extension
defines, and every binding carries a docstring."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import cargoquote as cq
from cargoquote import _cargoquote

STUB = Path(cq.__file__).with_name("_cargoquote.pyi")


def stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text())


def members(node: ast.ClassDef) -> set[str]:
    return {n.name for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))} | {
        n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}


def runtime_members(obj) -> set[str]:
    return {name for name in vars(obj) if not (name.startswith("__") and name.endswith("__"))}


def test_stub_declares_every_binding():
    tree = stub_tree()
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    variables = {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    declared = (set(classes) | functions | variables) - {"_Mcdm"}
    defined = {name for name in vars(_cargoquote) if not name.startswith("__")}
    assert declared == defined
    for name, node in classes.items():
        if name == "_Mcdm":
            assert members(node) == runtime_members(_cargoquote.mcdm)
            continue
        if issubclass(getattr(_cargoquote, name), Exception):
            continue  # code and field are set on each instance
        runtime = runtime_members(getattr(_cargoquote, name))
        stubbed = members(node) - {"__init__", "__eq__", "__hash__", "__len__", "__iter__"}
        assert stubbed == runtime, name


def test_every_binding_has_a_docstring():
    for name, obj in vars(_cargoquote).items():
        if name.startswith("__"):
            continue
        assert (obj.__doc__ or "").strip(), name
        if inspect.isclass(obj) and not issubclass(obj, Exception):
            for member in runtime_members(obj):
                assert (getattr(obj, member).__doc__ or "").strip(), f"{name}.{member}"
    for name in runtime_members(_cargoquote.mcdm):
        assert getattr(_cargoquote.mcdm, name).__doc__.strip(), f"mcdm.{name}"
