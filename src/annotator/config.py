"""Read a TOML config file: run settings under [annotate] and annotator options under [options.NAME]."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from annotator.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


MAX_BATCH_SIZE = 10_000
"""Largest batch: the local engine keeps up to ``2 * n_process * batch_size`` documents in memory."""

MAX_N_PROCESS = 256
"""Most worker processes; each holds its own spaCy model (~300-650 MB)."""

MAX_TIME_LIMIT = 86_400.0
"""Longest time limit, one day in seconds (0 means none).

Why bounds at all: ``batch_size = 10**21`` reached ``itertools.islice`` and a huge time limit the
OS timers, each as a traceback; a number outside these bounds is a one-line usage error (exit 2)."""


class RunSettings(BaseModel):
    """The ``[annotate]`` table; every key mirrors a command-line option."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    plugins: list[str] | None = None
    model: str | None = None
    batch_size: int | None = Field(default=None, ge=1, le=MAX_BATCH_SIZE)
    n_process: int | None = Field(default=None, ge=1, le=MAX_N_PROCESS)
    engine: Literal["local", "dask"] | None = None
    scheduler: str | None = Field(default=None, description="Dask scheduler address, e.g. tcp://HOST:8786.")
    time_limit: float | None = Field(
        default=None, ge=0, le=MAX_TIME_LIMIT, description="Seconds per annotator and document."
    )
    ops: Literal["auto", "numpy", "blis"] | None = Field(
        default=None, description="thinc ops; the ANNOTATOR_OPS environment variable wins when set."
    )


class Config(BaseModel):
    """A whole config file."""

    model_config = ConfigDict(extra="forbid")

    annotate: RunSettings = Field(default_factory=RunSettings)
    options: dict[str, dict[str, Any]] = Field(default_factory=dict)
    directory: Path = Field(default_factory=Path.cwd, exclude=True)


def load_config(path: Path | None) -> Config:
    """Parse ``path`` (or return the defaults); relative paths in options resolve against its folder."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
            "TOML files must be saved as UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    try:
        return Config.model_validate({**data, "directory": path.resolve().parent})
    except ValueError as exc:
        raise ConfigError(f"{path}: {str(exc).splitlines()[0]} ({_locate(exc)})") from exc


def check_run_settings(**values: Any) -> None:
    """Check command-line values against the same bounds as the config file's [annotate] table.

    Why: click's ranges let ``nan`` through and the bounds should live in one place; ``values``
    are keyword names of :class:`RunSettings` (``batch_size=...``), None meaning not given."""
    try:
        RunSettings.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        option = "--" + str(first["loc"][0]).replace("_", "-")
        raise ConfigError(f"{option}: {first['msg']} (got {first.get('input')!r})") from exc


def _locate(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    return str(exc)
