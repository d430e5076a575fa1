"""Analyses of the tables for the notebooks: the timeline, rhetoric, the sources and their similarity."""
