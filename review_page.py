"""The review page on its own, without the map (``streamlit run review_page.py -- [--curate] [--data DIR]``),
as the tests drive it; in the dashboard it is the "Add an article" page (``make curate``). It sits beside
dashboard.py because Streamlit serves ``static/`` (Leaflet, for the new places' map) from beside the
script it runs."""

from geo.map import static_files
from geo.settings import SETTINGS
from ui import review, shared

args = shared.page_args()
static_files.install_static(SETTINGS.static_dir)  # the new places' map loads Leaflet from the app
review.review_page(args.curate, args.data)
