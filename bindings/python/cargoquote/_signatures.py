"""Real ``inspect.signature`` for the extension's public functions.

pybind11 functions are builtins without ``__text_signature__``, so ``inspect.signature``, IDEs
and ``help()`` see no parameters. pybind11 does write each signature on the first line of the
docstring ("quote(self: ..., shipment: ..., *, sla: Optional[str] = None) -> ..."); this module
reads it from there, so it never drifts from the binding, and puts it on a thin Python wrapper
that calls the binding unchanged. An overloaded function gets the signature of its overload with
the most parameters (the others are named in its docstring).
"""
from __future__ import annotations

import ast
import functools
import inspect
import re
from typing import Any, Callable, Optional

_SIGNATURE_LINE = re.compile(r"^(?:\d+\. )?(\w+)\((.*)\)(?: -> (.+))?$")


def signature_from_doc(name: str, doc: Optional[str]) -> Optional[inspect.Signature]:
    """The signature pybind11 wrote into `doc` for `name`, the longest one when overloaded."""
    candidates = []
    for line in (doc or "").splitlines():
        match = _SIGNATURE_LINE.match(line.strip())
        if match and match.group(1) == name and match.group(2) != "*args, **kwargs":
            candidates.append(match)
    parsed = [s for s in (_parse(m.group(2), m.group(3)) for m in candidates) if s is not None]
    return max(parsed, key=lambda s: len(s.parameters), default=None)


def with_signature(function: Callable, name: Optional[str] = None,
                   static: bool = False) -> Callable:
    """A Python function calling `function` as it is, carrying its docstring and signature."""
    name = name or function.__name__
    signature = signature_from_doc(name, function.__doc__)

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)

    del wrapper.__wrapped__  # inspect would follow it back to the builtin
    if signature is not None:
        wrapper.__signature__ = signature
    return staticmethod(wrapper) if static else wrapper


def add_signatures(cls: type, names: list[str]) -> None:
    """Replace each named method of a pybind11 class by a wrapper with a signature."""
    for name in names:
        static = isinstance(vars(cls)[name], staticmethod)
        method = getattr(cls, name) if static else vars(cls)[name]
        setattr(cls, name, with_signature(method, name, static=static))


def add_constructor_signature(cls: type) -> None:
    """`inspect.signature(cls)` from its __init__'s docstring, without `self`. pybind11's
    __init__ stays as it is: the signature is the class's `__signature__`, which inspect reads
    first."""
    signature = signature_from_doc("__init__", cls.__init__.__doc__)
    if signature is not None:
        parameters = list(signature.parameters.values())[1:]
        cls.__signature__ = signature.replace(parameters=parameters,
                                              return_annotation=inspect.Signature.empty)


def _parse(parameters: str, returns: Optional[str]) -> Optional[inspect.Signature]:
    params = []
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    for text in _split(parameters):
        if text == "*":
            kind = inspect.Parameter.KEYWORD_ONLY
            continue
        if text == "/":
            params = [p.replace(kind=inspect.Parameter.POSITIONAL_ONLY) for p in params]
            continue
        if text.startswith("*"):
            star_kind = (inspect.Parameter.VAR_KEYWORD if text.startswith("**")
                         else inspect.Parameter.VAR_POSITIONAL)
            params.append(inspect.Parameter(text.lstrip("*").split(":")[0].strip(), star_kind))
            kind = inspect.Parameter.KEYWORD_ONLY
            continue
        head, _, default = text.partition(" = ")
        pname, _, annotation = head.partition(": ")
        params.append(inspect.Parameter(
            pname.strip(), kind,
            default=_default(default) if default else inspect.Parameter.empty,
            annotation=annotation.strip() or inspect.Parameter.empty))
    try:
        return inspect.Signature(params, return_annotation=returns or inspect.Signature.empty)
    except ValueError:  # a form this reader does not know: better none than a wrong one
        return None


def _split(parameters: str) -> list[str]:
    """Top-level commas only: annotations such as Dict[str, int] have their own."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(parameters):
        if c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        elif c == "," and depth == 0:
            out.append(parameters[start:i].strip())
            start = i + 1
    last = parameters[start:].strip()
    return out + [last] if last else out


class _Repr:
    """A default pybind11 shows only as its repr (an object, not a literal): shown the same."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _default(text: str) -> Any:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return _Repr(text)
