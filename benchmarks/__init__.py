"""Performance benchmark of the dashboard against the naive one-marker-per-report map (``make bench``)."""
