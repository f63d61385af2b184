"""Filtering and aggregation: which reports pass a set of filters, and what they make per place."""
