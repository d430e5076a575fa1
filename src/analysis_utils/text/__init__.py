"""Shared language tools: matching, reference data, calendar words, dates written out, known events, sentences, clauses and tense, quotation marks."""
