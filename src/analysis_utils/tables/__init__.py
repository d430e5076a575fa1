"""Tidy tables, one row per thing: rows without pandas (for the export), one registry of tables, DataFrames for the
notebooks (``load_tables``), the table cache, and the exports as CSV files or Parquet folders."""
