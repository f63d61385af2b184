"""The data wing: read, check and join the four tables and their seeds; keep them as Parquet."""
