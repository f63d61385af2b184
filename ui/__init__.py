"""The Streamlit pages over ``geo``: each reads its widgets, calls ``geo`` and draws (``dashboard.py``
builds the navigation). Not named ``pages/``: Streamlit would take such a folder beside the entry for
its older multipage layout and list every module in it as a page on a server's first run."""
