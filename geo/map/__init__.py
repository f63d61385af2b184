"""The map: how it looks, the records it draws, the Leaflet elements and the script that draws them."""
