"""Running the stages: one document through every stage, a corpus serially or in a process pool (or on Dask),
duplicates flagged, letters and events linked across articles, analyses cached."""
