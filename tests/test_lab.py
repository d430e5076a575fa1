"""`make lab` works: JupyterLab serves notebooks/, and its kernels import the project's own package.

The server runs on 127.0.0.1 with a random token and a free port; every request has a timeout,
and the server is stopped (terminate, then kill) whatever happens.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import websocket  # websocket-client, a dependency of jupyter_server

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
START_TIMEOUT = 120.0
REQUEST_TIMEOUT = 30.0
KERNEL_TIMEOUT = 120.0
# Straight to loopback, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class Lab:
    url: str
    token: str

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, object]:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", f"token {self.token}")
        req.add_header("Content-Type", "application/json")
        with OPENER.open(req, timeout=REQUEST_TIMEOUT) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """A JupyterLab server on notebooks/, as `make lab` starts it, on a free loopback port."""
    tmp = tmp_path_factory.mktemp("lab")
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={NOTEBOOKS}", "--allow-root",
    ]  # fmt: skip
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    log = (tmp / "server.log").open("wb")
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
    )
    server = Lab(f"http://127.0.0.1:{port}", token)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyterlab exited with {process.returncode}:\n{(tmp / 'server.log').read_text()[-3000:]}")
            try:
                if server.request("GET", "/api/status")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyterlab did not answer /api/status in {START_TIMEOUT:.0f} s")
            time.sleep(0.5)
        yield server
    finally:
        stop(process)
        log.close()


def execute(lab: Lab, kernel_id: str, code: str) -> tuple[str, str]:
    """Run code in a kernel over the server's websocket; return (stdout, execute_reply status)."""
    ws_url = lab.url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?token={lab.token}"
    ws = websocket.create_connection(ws_url, timeout=REQUEST_TIMEOUT)
    try:
        msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
        header = {"msg_id": msg_id, "session": session, "username": "test", "msg_type": "execute_request"}
        content = {"code": code, "silent": False, "store_history": False, "user_expressions": {}}
        message = {"header": {**header, "version": "5.3"}, "parent_header": {}, "metadata": {}, "channel": "shell"}
        ws.send(json.dumps({**message, "content": {**content, "allow_stdin": False, "stop_on_error": True}}))
        stdout, status, idle = [], None, False
        deadline = time.monotonic() + KERNEL_TIMEOUT
        while status is None or not idle:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no reply from the kernel in {KERNEL_TIMEOUT:.0f} s")
            reply = json.loads(ws.recv())
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = reply["msg_type"]
            if kind == "stream" and reply["content"]["name"] == "stdout":
                stdout.append(reply["content"]["text"])
            elif kind == "error":
                stdout.append("\n".join(reply["content"]["traceback"]))
            elif kind == "execute_reply":
                status = reply["content"]["status"]
            elif kind == "status" and reply["content"]["execution_state"] == "idle":
                idle = True
        return "".join(stdout), status
    finally:
        ws.close()


def test_server_answers_status(lab: Lab) -> None:
    status, body = lab.request("GET", "/api/status")
    assert status == 200
    assert isinstance(body, dict) and "started" in body


def test_contents_lists_the_notebooks(lab: Lab) -> None:
    status, body = lab.request("GET", "/api/contents")
    assert status == 200
    listed = {item["name"] for item in body["content"] if item["type"] == "notebook"}
    expected = {nb.name for nb in NOTEBOOKS.glob("*.ipynb")}
    assert expected and expected <= listed


def test_kernel_imports_the_project_package(lab: Lab) -> None:
    status, kernel = lab.request("POST", "/api/kernels", {"name": "python3"})
    assert status == 201
    try:
        output, reply = execute(lab, kernel["id"], "import analysis_utils; print(analysis_utils.__file__)")
        assert reply == "ok", output
        assert Path(output.strip()).resolve() == (ROOT / "src" / "analysis_utils" / "__init__.py").resolve()
    finally:
        assert lab.request("DELETE", f"/api/kernels/{kernel['id']}")[0] == 204
    assert kernel["id"] not in {k["id"] for k in lab.request("GET", "/api/kernels")[1]}
