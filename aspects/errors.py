"""Typed errors. Each one names the file (or statement) and says what is wrong."""

from __future__ import annotations

from pathlib import Path

from aspects.paths import display_path


class AspectsError(Exception):
    """Base class: an error whose message is fit to show a user as-is."""


class BadInputError(AspectsError):
    """The input file cannot be analysed (missing, empty, not a video, truncated…).

    Never retried: the same bytes fail the same way.
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = display_path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SpecError(BadInputError):
    """The spec sidecar is malformed (names the file and the field)."""
