"""The registry explorer: one static page and one read-only JSON API over the registries.

``api`` (queries over the local DuckDB store), ``app`` (the FastAPI app
``aspects serve`` runs), ``cli`` (the ``serve`` command), ``static/`` (the
page, also served by the Worker from D1: ``worker/src/explorer.js``).
"""
