"""Browser fixtures: the desk server of tests/desk/python (same binary, same users) and a
headless Debian chromium through /usr/bin/chromedriver. Without chromium the browser tests are
skipped with a message, unless CARGOQUOTE_REQUIRE_BROWSER=1 makes that a failure."""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import signal
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "desk_server_fixture", Path(__file__).resolve().parents[1] / "python" / "conftest.py")
desk_server = importlib.util.module_from_spec(_spec)
sys.modules["desk_server_fixture"] = desk_server
_spec.loader.exec_module(desk_server)

CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = Path(os.environ.get("CARGOQUOTE_SCREENSHOTS", "screenshots"))


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "error")


@pytest.fixture(scope="session")
def rates_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rates") / "rates.db"
    desk_server.run_cli("rates", "import", str(desk_server.SOURCE / "rates" / "sample"),
                        "--db", str(path))
    return path


@pytest.fixture(scope="module")
def desk(rates_db, tmp_path_factory):
    desk_db = tmp_path_factory.mktemp("desk") / "desk.db"
    tokens = {
        "staff": desk_server.add_user(desk_db, "staff", "Ana Agent"),
        "admin": desk_server.add_user(desk_db, "admin", "Ada Admin"),
        "a": desk_server.add_user(desk_db, "customer", "Acme buyer", "ACME-DE"),
        "b": desk_server.add_user(desk_db, "customer", "Shanghai Textiles buyer", "SHA-TEX"),
    }
    server = desk_server.start_server(rates_db, desk_db)
    server.tokens = tokens
    yield server
    server.stop(signal.SIGKILL)


def _browser_missing() -> str | None:
    if not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        return "Debian chromium is not installed (apt-get install chromium chromium-driver)"
    if not Path(CHROMEDRIVER).exists():
        return "chromium-driver is not installed (/usr/bin/chromedriver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium is not installed"
    return None


@pytest.fixture
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CARGOQUOTE_REQUIRE_BROWSER") == "1":
            pytest.fail(missing)
        pytest.skip(missing)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--lang=en-US"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_window_size(1280, 800)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
