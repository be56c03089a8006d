"""Start ``annotator serve`` as a real process on loopback for the tests, and stop it by its PID."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import httpx


def free_port() -> int:
    """A port nothing listens on now (the server binds it a moment later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running server: its base URL and process."""

    url: str
    process: subprocess.Popen[bytes]


@contextmanager
def running_server(args: Sequence[str] = (), timeout: float = 120.0) -> Iterator[Server]:
    """``annotator serve ARGS`` on a free loopback port until the block ends, pass or fail."""
    port = free_port()
    cmd = [sys.executable, "-m", "annotator", "serve", "--port", str(port), *args]
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        _wait_healthy(server, timeout)
        yield server
    finally:
        stop(process.pid)
        process.wait(timeout=30)


def _wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            err = server.process.stderr.read().decode() if server.process.stderr else ""
            raise RuntimeError(f"annotator serve exited with {server.process.returncode}: {err[-2000:]}")
        try:
            if httpx.get(server.url + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"annotator serve did not answer /health within {timeout:g} s")


def stop(pid: int) -> None:
    """SIGTERM the process (uvicorn then stops its workers); SIGKILL if it lingers."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if _reaped(pid):
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)


def _reaped(pid: int) -> bool:
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return done == pid
