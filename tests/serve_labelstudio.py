"""A real Label Studio for the serve tests: the pinned release in its own virtual environment.

Installed once from the package registry with pip (about 5 minutes, cached under
``~/.cache/annotator`` or ``ANNOTATOR_LABEL_STUDIO_VENV``), started on 127.0.0.1 with a data folder
of the test's own, and stopped by its PID. Label Studio refuses loopback URLs for ML backends and
webhooks (its SSRF guard) unless ``ML_BLOCK_LOCAL_IP`` and ``USE_DEFAULT_BANNED_SUBNETS`` are off;
they are, for this process only, because both servers here are on 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from serve_server import free_port, stop

LABEL_STUDIO_VERSION = "1.23.2"
INSTALL_TIMEOUT = 1800.0


def venv_dir() -> Path:
    """Where the pinned Label Studio lives."""
    default = Path.home() / ".cache" / "annotator" / f"labelstudio-{LABEL_STUDIO_VERSION}"
    return Path(os.environ.get("ANNOTATOR_LABEL_STUDIO_VENV", default))


def ensure_label_studio() -> Path:
    """The ``label-studio`` executable, installing the pinned version into its own venv if needed."""
    venv = venv_dir()
    exe = venv / "bin" / "label-studio"
    if exe.exists() and _installed_version(venv) == LABEL_STUDIO_VERSION:
        return exe
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, f"label-studio=={LABEL_STUDIO_VERSION}"], check=True, timeout=INSTALL_TIMEOUT)
    return exe


def _installed_version(venv: Path) -> str | None:
    probe = [
        str(venv / "bin" / "python"),
        "-c",
        "import importlib.metadata as m; print(m.version('label-studio'))",
    ]
    done = subprocess.run(probe, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


@dataclass
class LabelStudio:
    """A running Label Studio: base URL, API token, process."""

    url: str
    token: str
    process: subprocess.Popen[bytes]

    def api(self) -> httpx.Client:
        """A client that authenticates with the legacy API token."""
        return httpx.Client(base_url=self.url, headers={"Authorization": f"Token {self.token}"}, timeout=300)


@contextmanager
def running_label_studio(data_dir: Path, timeout: float = 600.0) -> Iterator[LabelStudio]:
    """Label Studio on a free loopback port until the block ends, pass or fail (stopped by PID)."""
    exe = ensure_label_studio()
    port, token = free_port(), "annotator-serve-test-token"
    env = {**os.environ, "ML_BLOCK_LOCAL_IP": "false", "USE_DEFAULT_BANNED_SUBNETS": "false"}
    env["COLLECT_ANALYTICS"] = "false"
    env["LABEL_STUDIO_BASE_DATA_DIR"] = str(data_dir)
    cmd = [str(exe), "start", "--no-browser", "--internal-host", "127.0.0.1", "-p", str(port)]
    cmd += ["--data-dir", str(data_dir), "--username", "serve@example.com", "--password", "serve-test-pw"]
    cmd += ["--user-token", token, "--enable-legacy-api-token", "--agree-fix-sqlite"]
    log = (data_dir / "label-studio.log").open("wb")
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=data_dir)
    studio = LabelStudio(f"http://127.0.0.1:{port}", token, process)
    try:
        _wait(studio, timeout, data_dir)
        yield studio
    finally:
        stop(process.pid)
        process.wait(timeout=60)
        log.close()


def _wait(studio: LabelStudio, timeout: float, data_dir: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if studio.process.poll() is not None:
            tail = (data_dir / "label-studio.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"label-studio exited with {studio.process.returncode}:\n{tail}")
        try:
            if httpx.get(studio.url + "/health", timeout=3).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"label-studio did not answer /health within {timeout:g} s")
