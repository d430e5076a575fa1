"""The HTML report: every notebook run on a corpus with papermill, exported to a page, and an index; plots and
notebook hygiene."""
