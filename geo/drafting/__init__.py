"""Drafting reports from a new article, and merging the reviewed ones into the dataset."""
