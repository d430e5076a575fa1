"""Classifying and normalising a page's lines: headline, byline, date, caption, navigation, share, footer, body."""
