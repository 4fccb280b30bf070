"""What the Python tests share: where the sources and the `cargoquote` command are, the sample rate
database and an engine on it, and the OpenFlights data beside the clone.

CTest runs each test file on its own, so a session-scoped fixture is built once per file. Data
that lives outside the repository (../shared/data) is optional for a user's clone: a test that
needs it skips with the path it looked for. With CARGOQUOTE_REQUIRE_SHARED_DATA=1 (the `ci`
preset and .ci/run) missing data fails the test instead, so CI cannot pass by skipping."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import cargoquote as cq

SOURCE = Path(os.environ.get("CARGOQUOTE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLI = os.environ.get("CARGOQUOTE_CLI", "cargoquote")
REFERENCE = SOURCE / "tests" / "data" / "reference"
SHARED_DATA = SOURCE.parent / "shared" / "data"
OPENFLIGHTS = SHARED_DATA / "openflights"


def pytest_configure(config):
    # Every warning fails its test, so a deprecation in our code shows up the day it appears.
    config.addinivalue_line("filterwarnings", "error")
    # Debian 12's dask.distributed (2022.12) starts its event loop through tornado's deprecated
    # make_current(); that is the library's, not ours.
    config.addinivalue_line("filterwarnings",
                            "ignore:make_current is deprecated:DeprecationWarning")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Runs the command, failing the test with its stderr when it exits non-zero."""
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.fail(f"{CLI} {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
    return run


def require_shared_data(path: Path) -> Path:
    """`path` under ../shared/data, or a skip (a failure where the data is required)."""
    if path.exists():
        return path
    message = f"{path} not found (../shared/data beside the clone)"
    if os.environ.get("CARGOQUOTE_REQUIRE_SHARED_DATA") == "1":
        pytest.fail(message + "; CARGOQUOTE_REQUIRE_SHARED_DATA=1 requires it")
    pytest.skip(message)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """rates/sample imported into a fresh database."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    run_cli("rates", "import", str(SOURCE / "rates" / "sample"), "--db", str(path))
    return path


@pytest.fixture(scope="session")
def engine(sample_db) -> cq.Engine:
    return cq.Engine.open(str(sample_db))


@pytest.fixture(scope="session")
def openflights() -> Path:
    """The OpenFlights files of ../shared/data."""
    require_shared_data(OPENFLIGHTS / "routes.dat")
    return OPENFLIGHTS
