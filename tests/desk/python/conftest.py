"""The quote desk server under test: a rate database and a desk database in a temporary folder,
users of every role, and the real `cargoquote serve` on a free loopback port. Standard library
only, so the tests run wherever Debian's python3 and pytest are."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("CARGOQUOTE_SOURCE_DIR", Path(__file__).resolve().parents[3]))
CLI = os.environ.get("CARGOQUOTE_CLI", "cargoquote")
LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "error")


def run_cli(*args: str) -> str:
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.fail(f"{CLI} {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
    return run.stdout


def add_user(desk_db: Path, role: str, name: str, customer: str | None = None) -> str:
    args = ["desk", "user", "add", "--desk", str(desk_db), "--role", role, "--name", name]
    if customer:
        args += ["--customer", customer]
    token = run_cli(*args).strip()
    assert re.fullmatch(r"\S{16,}", token), token
    return token


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    tokens: dict = field(default_factory=dict)
    drain: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body=None, token: str | None = None,
                headers: dict | None = None, timeout: float = 30) -> Response:
        """One request; `body` is a dict/list (sent as JSON), bytes or None. Never raises on an
        HTTP status: the tests look at every status themselves."""
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return Response(r.status, dict(r.headers), r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, dict(e.headers), e.read())

    def stop(self, sig=signal.SIGTERM) -> int:
        """Signals the server, waits for it and closes its pipe; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        code = self.process.wait(timeout=30)
        if self.drain is not None:
            self.drain.join(timeout=30)
        self.process.stderr.close()
        return code


def start_server(rates_db: Path, desk_db: Path) -> Server:
    """Starts `cargoquote serve` on port 0 and waits until /v1/health answers."""
    process = subprocess.Popen(
        [CLI, "serve", "--db", str(rates_db), "--desk", str(desk_db), "--listen", "127.0.0.1:0",
         "--threads", "8"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # The server prints its address first. Bytes: it may log what a client sent, UTF-8 or not.
    line = process.stderr.readline().decode(errors="replace")
    match = LISTENING.search(line)
    if not match:
        process.kill()
        rest = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        pytest.fail(f"server did not start: {line}{rest}")
    server = Server(process, int(match.group(1)))
    # Keep draining stderr so a chatty server never blocks on a full pipe.
    server.drain = threading.Thread(target=process.stderr.read, daemon=True)
    server.drain.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if server.request("GET", "/v1/health", timeout=2).status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.05)
    process.kill()
    pytest.fail("server never answered /v1/health")


@pytest.fixture(scope="session")
def rates_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rates") / "rates.db"
    run_cli("rates", "import", str(SOURCE / "rates" / "sample"), "--db", str(path))
    return path


@pytest.fixture(scope="module")
def desk(rates_db, tmp_path_factory):
    """A running server with tokens for staff, admin and customers ACME-DE ('a') and SHA-TEX
    ('b'); killed at the end of the module."""
    desk_db = tmp_path_factory.mktemp("desk") / "desk.db"
    tokens = {
        "staff": add_user(desk_db, "staff", "Sam Staff"),
        "admin": add_user(desk_db, "admin", "Ada Admin"),
        "a": add_user(desk_db, "customer", "Acme buyer", "ACME-DE"),
        "b": add_user(desk_db, "customer", "Shanghai Textiles buyer", "SHA-TEX"),
    }
    server = start_server(rates_db, desk_db)
    server.tokens = tokens
    server.desk_db = desk_db
    yield server
    server.stop(signal.SIGKILL)
