"""Every analyst notebook in notebooks/ is committed without outputs, runs headless from top to
bottom on a fresh kernel, and draws its plots."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import cargoquote as cq

from conftest import SOURCE
NOTEBOOKS = sorted((SOURCE / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT_SECONDS = 900


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory) -> str:
    """A "python3" kernel on this very interpreter (Debian's, with numpy and the extension's ABI),
    whatever other python3 kernels are installed: JUPYTER_PATH is searched first."""
    kernels = tmp_path_factory.mktemp("jupyter")
    spec = kernels / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python"}))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", str(kernels))
        # ipykernel's debugger otherwise warns on stderr about frozen modules, here (the kernel
        # spec lookup imports ipykernel) and in every kernel.
        patch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        yield "python3"


def kernel_environment(figures: Path) -> dict[str, str]:
    """What a notebook needs to find the package, the CLI and the sources, with absolute paths
    because the kernel runs in a scratch directory."""
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": str(Path(cq.__file__).resolve().parents[1]),
        "MPLBACKEND": "Agg",
        "CARGOQUOTE_SOURCE_DIR": str(SOURCE.resolve()),
        "CARGOQUOTE_FIGURES_DIR": str(figures),
    })
    cli = os.environ.get("CARGOQUOTE_CLI")
    if cli:
        env["CARGOQUOTE_CLI"] = str(Path(cli).resolve())
    return env


def cells_with_outputs(notebook) -> list[int]:
    return [i for i, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]


def png_outputs(notebook) -> int:
    return sum("image/png" in output.get("data", {})
               for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_clean_and_plots(path: Path, kernel_name: str, tmp_path: Path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert cells_with_outputs(notebook) == [], f"{path.name}: commit it without outputs"

    figures = tmp_path / "figures"
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_SECONDS, kernel_name=kernel_name,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=kernel_environment(figures))  # raises CellExecutionError on any error

    plots = png_outputs(notebook)
    assert plots >= 1, f"{path.name} drew no plot"
