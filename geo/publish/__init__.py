"""Publishing: CSV and GeoJSON, the data package, the standalone HTML map, the page's downloads."""
