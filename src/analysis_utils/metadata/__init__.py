"""Metadata of a classified page: headline, outlet, wire agency, byline, dateline, and the publication date
as clues → constraints → inference, every value with its evidence."""
