"""Serving the dashboard: the launcher behind `make serve` and its config templates."""
