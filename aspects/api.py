"""The Python API: analyse a video in a notebook and get the typed analysis document.

    from aspects import analyze            # or: from aspects.api import analyze
    doc = analyze("clip.mp4", spec_path="clip.json")
    doc.windows_frame()                    # pandas, one column per measured field

It runs the same stages as ``aspects analyze`` (keys and names filled in by
the registries, nothing written) and validates the result against
:class:`~aspects.document.AnalysisDocument`.
"""

from __future__ import annotations

from pathlib import Path

from aspects.document import AnalysisDocument
from aspects.settings import Settings
from aspects.stages import analyze_video


def analyze(
    video: str | Path,
    *,
    settings: Settings | None = None,
    spec_path: str | Path | None = None,
    prompt: str | None = None,
    window_s: float | None = None,
) -> AnalysisDocument:
    """Measure ``video`` and return its typed analysis document (what ``aspects analyze --json`` writes, as models)."""
    document = analyze_video(video, settings=settings, spec_path=spec_path, prompt=prompt, window_s=window_s)
    return AnalysisDocument.model_validate(document)
