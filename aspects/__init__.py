"""mp4-aspects: measure every aspect of an MP4 and grow registries of them.

Python API: ``from aspects import analyze; doc = analyze("clip.mp4")`` returns the typed
analysis document (:class:`aspects.document.AnalysisDocument`); see :mod:`aspects.api`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aspects.document import AnalysisDocument

__version__ = "0.1.0"


def analyze(video: Any, **options: Any) -> AnalysisDocument:
    """:func:`aspects.api.analyze`, imported when first called (it loads the stages and the registries; ``import aspects`` stays light)."""
    from aspects.api import analyze as run

    return run(video, **options)
