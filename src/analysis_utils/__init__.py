"""Analyse press coverage of the letters between Kim Jong Un and Vladimir Putin."""

__version__ = "0.1.0"
