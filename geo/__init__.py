"""Load, check, filter and map reports of North Korean workers in China."""
