"""Registries of everything the pipeline has seen: STATIC, DYNAMIC, NARRATIVE (DESIGN §4).

``model`` (registries and aspects), ``keys`` (canonical quantised keys),
``naming`` (public and generated names), ``seeds`` (primitives), ``store``
(DuckDB + JSON), ``annotation`` (keys and names of a document's values),
``growth`` (learning one analysis document), ``cli`` (``aspects registry``),
``d1`` (the shared D1 registry). The narrative vocabulary and the reading of
specs and prompts are part of the measurement core (:mod:`aspects.narrative`).
"""
