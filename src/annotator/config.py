"""Read a TOML config file: run settings under [annotate] and annotator options under [options.NAME]."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from annotator.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class RunSettings(BaseModel):
    """The ``[annotate]`` table; every key mirrors a command-line option."""

    model_config = ConfigDict(extra="forbid")

    plugins: list[str] | None = None
    model: str | None = None
    batch_size: int | None = Field(default=None, ge=1)
    n_process: int | None = Field(default=None, ge=1)
    engine: Literal["local", "dask"] | None = None
    scheduler: str | None = Field(default=None, description="Dask scheduler address, e.g. tcp://HOST:8786.")
    time_limit: float | None = Field(default=None, ge=0, description="Seconds per annotator and document.")
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
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    try:
        return Config.model_validate({**data, "directory": path.resolve().parent})
    except ValueError as exc:
        raise ConfigError(f"{path}: {str(exc).splitlines()[0]} ({_locate(exc)})") from exc


def _locate(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(map(str, first['loc']))}: {first['msg']}"
    return str(exc)
