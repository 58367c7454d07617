"""One settings object for the whole project.

Values come from environment variables prefixed ``ASPECTS_`` (and a ``.env``
file in the working directory), resolved once and passed down.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASPECTS_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="All runtime state lives under this folder.")
    window_s: float = Field(1.0, gt=0, description="Window length for dynamic aspects, seconds.")
    analysis_width: int = Field(256, ge=16, description="Frames are downscaled once to this width.")
    analysis_height: int = Field(144, ge=16, description="…and this height (pixels).")
    audio_sr: int = Field(22050, ge=8000, description="Audio is resampled once to this rate (Hz), mono.")
    frame_step: int = Field(1, ge=1, description="Measure every Nth frame (1 = every frame).")
    decode_threads: int = Field(0, ge=0, description="Decoder threads (0 = codec default/auto).")

    @property
    def duckdb_path(self) -> Path:
        return self.data_dir / "aspects.duckdb"

    @property
    def registries_dir(self) -> Path:
        return self.data_dir / "registries"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
