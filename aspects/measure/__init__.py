"""Measurements as pure functions over NumPy arrays (no I/O, no Prefect)."""
