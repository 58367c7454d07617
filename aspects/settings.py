"""One settings object for the whole project.

Values come from environment variables prefixed ``ASPECTS_`` (and a ``.env``
file in the working directory), resolved once and passed down.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from aspects.errors import AspectsError
from aspects.limits import WINDOW_MAX_S, WINDOW_MIN_S, check_frame_step, check_window_s  # noqa: F401  (re-exported)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASPECTS_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="All runtime state lives under this folder.")
    window_s: float = Field(1.0, description=f"Window length for dynamic aspects, seconds ({WINDOW_MIN_S:g}–{WINDOW_MAX_S:g}).")
    analysis_width: int = Field(256, ge=16, description="Frames are downscaled once to this width.")
    analysis_height: int = Field(144, ge=16, description="…and this height (pixels).")
    audio_sr: int = Field(22050, ge=8000, description="Audio is resampled once to this rate (Hz), mono.")
    frame_step: int = Field(1, description="Measure every Nth frame (1 = every frame).")
    decode_threads: int = Field(0, ge=0, description="Decoder threads (0 = codec default/auto).")
    yamnet_dir: Path | None = Field(None, description="Folder with the AudioSet tagger's model files (default: .cache/models/yamnet in the checkout, filled by scripts/bootstrap.sh).")
    sound_process: bool = Field(True, description="Measure each frame's sound in a second process beside the picture's (same values; off: one process).")
    max_workers: int | None = Field(None, ge=1, description="Stage tasks a flow runs at once on threads (and the `decode` tag's concurrency limit); unset = min(cores, memory GB / 1.5).")
    dask_address: str | None = Field(None, description="Dask scheduler (e.g. tcp://10.0.0.5:8786): flows fan per-video stages out on it through prefect-dask; unset = threads.")

    # D1 sync (registries/d1): which database the registries are posted to.
    d1_target: Literal["sqlite", "worker", "cloudflare"] = Field("sqlite", description="sqlite (embedded file under data_dir), worker (the project's Worker) or cloudflare (D1 REST API).")
    d1_url: str | None = Field(None, description="Base URL of the Worker, e.g. http://127.0.0.1:8787 (target worker).")
    d1_token: SecretStr | None = Field(None, description="Bearer token the Worker expects (its AUTH_TOKEN secret).")
    cloudflare_account_id: str | None = Field(None, validation_alias=AliasChoices("CLOUDFLARE_ACCOUNT_ID", "ASPECTS_CLOUDFLARE_ACCOUNT_ID"))
    cloudflare_d1_database_id: str | None = Field(None, validation_alias=AliasChoices("CLOUDFLARE_D1_DATABASE_ID", "ASPECTS_CLOUDFLARE_D1_DATABASE_ID"))
    cloudflare_api_token: SecretStr | None = Field(None, validation_alias=AliasChoices("CLOUDFLARE_API_TOKEN", "ASPECTS_CLOUDFLARE_API_TOKEN"))
    d1_timeout_s: float = Field(30.0, gt=0, description="Per-request timeout to D1 (read/write; connect is capped at 10 s), seconds.")
    d1_max_attempts: int = Field(6, ge=1, description="Attempts per D1 request on 429/5xx/network errors before giving up.")
    d1_statements_per_request: int = Field(50, ge=1, le=100, description="Statements sent in one D1 request (one transaction).")
    explorer_token: SecretStr | None = Field(None, description="Bearer token `aspects serve` asks for on writes (name repairs); unset = writes refused.")
    d1_request_interval_s: float = Field(0.1, ge=0, description="Minimum time between two D1 requests over HTTP, seconds (pacing).")

    @field_validator("window_s", mode="before")
    @classmethod
    def _window(cls, value: object) -> float:
        return check_window_s(value)

    @field_validator("frame_step", mode="before")
    @classmethod
    def _frame_step(cls, value: object) -> int:
        return check_frame_step(value)

    @field_validator("data_dir")
    @classmethod
    def _data_dir(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():
            raise ValueError(f"{value} exists and is not a directory")
        return value

    @property
    def workers(self) -> int:
        """``max_workers``, else what the machine holds: one per core, at most one per 1.5 GB of memory (a decode's peak), at least 1."""
        return self.max_workers or machine_workers()

    @property
    def duckdb_path(self) -> Path:
        return self.data_dir / "aspects.duckdb"

    @property
    def registries_dir(self) -> Path:
        return self.data_dir / "registries"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"


MEMORY_PER_WORKER_GB = 1.5  # peak resident memory of one decoding stage (a 1080p video, analysis frames and audio), GB


def machine_workers() -> int:
    """min(usable cores, physical memory GB / ``MEMORY_PER_WORKER_GB``), at least 1."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        memory_gb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 1e9
    except (ValueError, OSError, AttributeError):
        return max(1, cores)
    return max(1, min(cores, int(memory_gb / MEMORY_PER_WORKER_GB)))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once; a bad value is an :class:`AspectsError` naming the variable, on one line."""
    try:
        return Settings()
    except ValidationError as exc:
        raise AspectsError(f"settings: {one_line(exc)}") from None


def one_line(exc: ValidationError) -> str:
    """pydantic's multi-line validation text as one line: ``ASPECTS_WINDOW_S: <message> (got 'x')``; values truncated."""
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error.get("loc", ())) or "value"
        variable = f"ASPECTS_{field.upper()}" if field in Settings.model_fields else field
        message = error.get("msg", "invalid").removeprefix("Value error, ")
        got = repr(error.get("input"))
        parts.append(f"{variable}: {message} (got {got[:60] + '…' if len(got) > 60 else got})")
    return "; ".join(parts)
