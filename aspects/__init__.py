"""mp4-aspects: measure every aspect of an MP4 and grow registries of them.

Python API: ``from aspects import analyze; doc = analyze("clip.mp4")`` returns the typed
analysis document (:class:`aspects.document.AnalysisDocument`); see :mod:`aspects.api`.
"""

__version__ = "0.1.0"
