"""Registries of everything the pipeline has seen: STATIC, DYNAMIC, NARRATIVE (DESIGN §4).

``model`` (registries and aspects), ``keys`` (canonical quantised keys),
``naming`` (public and generated names), ``seeds`` (primitives),
``narrative`` (spec and prompt), ``store`` (DuckDB + JSON), ``growth``
(learning one analysis document), ``cli`` (``aspects learn`` / ``registry``).
"""

from __future__ import annotations


def annotate(document: dict, *, settings=None) -> dict:
    """Fill ``key`` and ``name`` into every value of an analysis document; see :func:`registries.annotation.annotate`.

    Imported lazily so that ``import registries`` (and the CLI) stay light.
    """
    from registries.annotation import annotate as annotate_document

    return annotate_document(document, settings=settings)
